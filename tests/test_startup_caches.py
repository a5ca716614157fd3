"""The cold-start caches (``newslint.cache``): plugin entry points and the pattern cache's pruning."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str, cache: Path, cwd: Path, pythonpath: list[Path] = ()) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(cache))
    env.pop("NEWSLINT_NO_CACHE", None)
    env["PYTHONPATH"] = os.pathsep.join([*map(str, pythonpath), str(ROOT), env.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def _dist(site: Path, dist: str, version: str, plugin: str) -> Path:
    site.mkdir(exist_ok=True)
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[newslint]\n{plugin} = {plugin}_module:hooks\n", encoding="utf-8")
    return info


LIST_ENTRY_POINTS = """
    import sys
    from newslint import cache
    for ep in cache.entry_points("newslint"):
        print(ep.name, ep.value, ep.dist.name, ep.dist.version)
    print("metadata imported:", "importlib.metadata" in sys.modules)
"""


def test_entry_point_cache_sees_plugins_installed_upgraded_and_removed(tmp_path):
    cache, site, work = tmp_path / "cache", tmp_path / "site", tmp_path / "work"
    site.mkdir()
    work.mkdir()

    def listed():
        proc = _python(LIST_ENTRY_POINTS, cache, work, [site])
        assert proc.returncode == 0, proc.stderr
        *eps, imported = proc.stdout.splitlines()
        return eps, imported

    assert listed()[0] == []
    assert listed() == ([], "metadata imported: False")  # nothing changed: answered from the cache
    info = _dist(site, "house-dist", "1.0", "house")
    assert listed()[0] == ["house house_module:hooks house-dist 1.0"]
    assert listed() == (["house house_module:hooks house-dist 1.0"], "metadata imported: False")
    # an upgrade replaces the .dist-info folder
    for child in info.iterdir():
        child.unlink()
    info.rmdir()
    info = _dist(site, "house-dist", "1.1", "house")
    assert listed()[0] == ["house house_module:hooks house-dist 1.1"]
    second = _dist(site, "other-dist", "0.3", "other")
    assert sorted(listed()[0]) == ["house house_module:hooks house-dist 1.1", "other other_module:hooks other-dist 0.3"]
    for child in second.iterdir():
        child.unlink()
    second.rmdir()
    assert listed()[0] == ["house house_module:hooks house-dist 1.1"]


def test_entry_point_cache_agrees_with_importlib_metadata(tmp_path):
    """Same entry points in the same order, the first distribution of a name on sys.path winning,
    from a cold cache and from a warm one, whatever the working folder (``python -m``)."""
    cache, first, second = tmp_path / "cache", tmp_path / "first", tmp_path / "second"
    _dist(first, "alpha-dist", "1.0", "alpha")
    _dist(first, "beta-dist", "2.0", "beta")
    _dist(second, "alpha-dist", "9.9", "shadowed")  # same name further down sys.path: not seen
    _dist(second, "gamma-dist", "3.0", "gamma")
    code = """
        from importlib.metadata import entry_points
        from newslint import cache
        def rows(eps):
            return [(ep.name, ep.value, ep.dist.name, ep.dist.version) for ep in eps]
        ours, theirs = rows(cache.entry_points("newslint")), rows(entry_points(group="newslint"))
        assert ours == theirs, (ours, theirs)
        print(len(ours))
    """
    for cwd in (tmp_path, first, second, tmp_path):
        proc = _python(code, cache, cwd, [first, second])
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.split() == ["3"]


def test_entry_point_cache_in_a_folder_without_distributions_needs_no_metadata(tmp_path):
    """``python -m newslint`` puts the working folder on sys.path, and linting or fixing changes
    it: a changed folder with no ``*.dist-info`` in it is told apart by its listing alone."""
    cache, work = tmp_path / "cache", tmp_path / "work"
    work.mkdir()
    code = LIST_ENTRY_POINTS  # python -c: sys.path[0] is the working folder, as with -m
    assert _python(code, cache, work).returncode == 0
    (work / "new-file.txt").write_text("changes the folder's modification time\n")
    os.utime(work, ns=(1, 1))
    proc = _python(code, cache, work)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "metadata imported: False"


def test_pattern_cache_drops_entries_no_recent_run_used(tmp_path):
    cache = tmp_path / "cache"
    code = """
        import sys
        from newslint import cache
        cache.install()
        from newslint import rx as regex
        regex.compile(r"always\\d+")
        for word in sys.argv[1:]:
            regex.compile(word + r"\\w+")
        cache.save()
        kept = cache.load_marshal(cache._state["path"])["entries"]
        print(" ".join(sorted(k[0] for k in kept if k[0] != "re")))
    """

    def run(*words):
        env = dict(os.environ, NEWSLINT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
        proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *words], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.split()

    from newslint.cache import KEEP_GENERATIONS

    assert "other\\w+" in run("other")  # another profile's pattern, say
    for i in range(KEEP_GENERATIONS - 1):
        kept = run(f"edit{i}")  # an edited pack: a new pattern each run
        assert "other\\w+" in kept and "always\\d+" in kept
    kept = run("edit-last")
    assert "other\\w+" not in kept  # unused through KEEP_GENERATIONS writes
    assert "always\\d+" in kept and "edit-last\\w+" in kept
    assert "other\\w+" in run("other")  # compiled again when needed
    assert run() == run()  # a run that compiles nothing new writes nothing


def test_pattern_cache_ages_entries_of_older_writers_and_keeps_all_with_workers(tmp_path):
    cache = tmp_path / "cache"
    code = """
        import marshal, sys
        from newslint import cache
        cache.install()
        from newslint import rx as regex
        mode, words = sys.argv[1], sys.argv[2:]
        for word in words:
            regex.compile(word + r"\\w+")
        if mode == "workers":
            cache.workers_started()
        cache.save()
        data = cache.load_marshal(cache._state["path"])
        if mode == "strip":  # the file as a newslint before generations wrote it
            with open(cache._state["path"], "wb") as f:
                marshal.dump({"format": data["format"], "entries": data["entries"]}, f)
        print(" ".join(sorted(k[0] for k in data["entries"] if k[0] != "re")))
    """

    def run(mode, *words):
        env = dict(os.environ, NEWSLINT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
        proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code), mode, *words], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.split()

    assert run("strip", "old", "kept") == ["kept\\w+", "old\\w+"]
    # no age known: an entry of an older writer stays only if the run that writes uses it
    assert run("plain", "kept", "new") == ["kept\\w+", "new\\w+"]
    from newslint.cache import KEEP_GENERATIONS

    for i in range(KEEP_GENERATIONS + 1):  # a run with workers ages nothing
        kept = run("workers", f"w{i}")
    assert "kept\\w+" in kept and "new\\w+" in kept and "w0\\w+" in kept
    assert run("strip", "w0") == kept  # (the file again as an older newslint writes it)
    # ... but drops what has no age and it did not use
    assert run("workers", "new", "more") == ["more\\w+", "new\\w+"]
    for i in range(KEEP_GENERATIONS - 1):
        run("workers", f"v{i}")
    kept = run("plain", "last")  # a single-process write ages them as usual
    assert "new\\w+" not in kept and "v0\\w+" in kept and "last\\w+" in kept


def test_every_pattern_is_the_same_text_in_every_process(tmp_path):
    """A second run compiles nothing: every pattern newslint builds from a set is written in the same
    order whatever the process's hash seed (``cache.longest_first``), or the pattern cache misses it
    on every run and the cold start pays the ``regex`` parser again (a pattern joined from a set
    sorted by length alone once cost every run ~4 ms)."""
    article = ROOT / "tests" / "acceptance" / "blinken-visit.txt"
    code = """
        import sys
        from newslint import cache
        from newslint.cli import _main
        _main(["--format", "json", sys.argv[1]])
        _main(["--format", "json", "--profile", "uk", sys.argv[1]])
        print("new", cache._state["new"], file=sys.stderr)
    """

    def new_entries(seed: str) -> int:
        env = dict(os.environ, NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed)
        env.pop("NEWSLINT_NO_CACHE", None)
        proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code), str(article)], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
        line = [x for x in proc.stderr.splitlines() if x.startswith("new ")]
        assert line, proc.stderr
        return int(line[-1].split()[1])

    assert new_entries("1") > 0  # the first run fills the cache
    assert new_entries("2") == 0  # another hash seed: the same pattern texts, all found
    assert new_entries("3") == 0
