"""newslint.cache.remembered: a costly pure result kept in the pattern cache, recomputed when a file it
depends on changes (the cast's re translations)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SCRIPT = textwrap.dedent("""
    import sys
    from newslint import cache
    cache.install()
    calls = []
    def compute():
        calls.append(1)
        return "translated:" + sys.argv[1]
    first = cache.remembered("test", sys.argv[1], compute, (sys.argv[2],))
    second = cache.remembered("test", sys.argv[1], compute, (sys.argv[2],))
    print(first == second == "translated:" + sys.argv[1], len(calls))
""")


def _run(tmp_path, key, depends):
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(tmp_path / "cache"),
               PYTHONPATH=os.pathsep.join([ROOT, os.environ.get("PYTHONPATH", "")]))
    env.pop("NEWSLINT_NO_CACHE", None)
    proc = subprocess.run([sys.executable, "-c", SCRIPT, key, str(depends)], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_computed_once_then_read_from_the_cache_until_a_dependency_changes(tmp_path):
    source = tmp_path / "code.py"
    source.write_text("v = 1\n")
    assert _run(tmp_path, "a", source) == ["True", "1"]  # computed, remembered in the process
    assert _run(tmp_path, "a", source) == ["True", "0"]  # from the cache file
    assert _run(tmp_path, "b", source) == ["True", "1"]  # another key
    source.write_text("v = 22\n")  # the code it came from changed
    assert _run(tmp_path, "a", source) == ["True", "1"]
    assert _run(tmp_path, "a", source) == ["True", "0"]
    # a dependency that cannot be read: computed every time, never kept
    assert _run(tmp_path, "a", tmp_path / "missing.py") == ["True", "2"]
    assert _run(tmp_path, "a", tmp_path / "missing.py") == ["True", "2"]


def test_without_the_cache_it_just_computes(monkeypatch):
    from newslint import cache

    monkeypatch.setattr(cache, "_state", None)
    calls = []
    assert cache.remembered("test", "k", lambda: calls.append(1) or "v", (__file__,)) == "v"
    assert cache.remembered("test", "k", lambda: calls.append(1) or "v", (__file__,)) == "v"
    assert len(calls) == 2
