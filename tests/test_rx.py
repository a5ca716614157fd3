"""``newslint.rx`` stands in for the ``regex`` module: the same flags, escapes and patterns."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import regex
from hypothesis import given, strategies as st

from newslint import rx

ROOT = Path(__file__).resolve().parent.parent


def test_flags_are_the_modules():
    names = list(regex.RegexFlag.__members__)  # (with the aliases: IGNORECASE as well as I)
    assert len(names) > 30
    assert {n: getattr(rx, n) for n in names} == {n: int(getattr(regex, n)) for n in names}


@given(st.text())
def test_escape_is_the_modules(text):
    assert rx.escape(text) == regex.escape(text)


def test_other_escape_arguments_and_bytes_go_to_the_module():
    assert rx.escape("a b.c", special_only=False) == regex.escape("a b.c", special_only=False)
    assert rx.escape("a b", literal_spaces=True) == "a b"
    assert rx.escape(b"a.b") == b"a\\.b"


def test_patterns_names_and_module_functions():
    p = rx.compile(r"(?P<w>\w+)-(\d)", rx.I)
    assert rx.is_pattern(p) and not rx.is_pattern("(?P<w>\\w+)") and not rx.is_pattern(None)
    assert isinstance(p, regex.Pattern)
    assert rx.search(r"\d+", "a 12 b").group() == "12"
    assert rx.match(r"a", "ab") and not rx.match(r"b", "ab")
    assert rx.fullmatch(r"\p{Lu}{2,5}", "NATO")
    assert rx.findall(r"\d", "1a2") == ["1", "2"]
    assert [m.group() for m in rx.finditer(r"\d", "1a2")] == ["1", "2"]
    assert rx.split(r"[-‑ ]", "twenty-one two") == ["twenty", "one", "two"]
    assert rx.sub(r"(\d)", r"<\1>", "a1b2", count=1) == "a<1>b2"
    assert rx.error is regex.error and rx.Match is regex.Match  # everything else: the module's own


def test_a_cached_run_builds_its_patterns_without_importing_the_compiler(tmp_path):
    """The point of the module: a second process gets the patterns from the cache, and the
    ``regex`` package (its pure-Python compiler: 15-25 ms to import) is never loaded; the
    C extension it loads by itself is the package's, so patterns from either way are one type."""
    code = """
        import sys
        from newslint import cache
        cache.install()
        from newslint import rx
        p = rx.compile(r"(?i)\\b(?:\\L<w>)s?\\b", w=["vote", "mayor"])
        found = p.findall("Votes and MAYOR and voter")
        before = "regex" in sys.modules
        import regex
        same = isinstance(getattr(p, "built", p), regex.Pattern) and sys.modules["regex._regex"] is regex._main._regex
        print(found, before, same, regex.compile(r"x+").findall("xx y x"))
    """
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    env.pop("NEWSLINT_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    assert runs[0].stdout.split("]")[0] == runs[1].stdout.split("]")[0] == "['Votes', 'MAYOR'"
    assert runs[0].stdout.split()[-4:] == ["True", "True", "['xx',", "'x']"]  # compiled by the module
    assert runs[1].stdout.split()[-4:] == ["False", "True", "['xx',", "'x']"]  # built from the cache


def test_a_cached_pattern_is_built_on_first_use_and_behaves_as_the_pattern(tmp_path):
    """A pattern the cache holds comes back as a ``LazyPattern``: nothing is built until it is
    used, then it answers as the pattern itself; ``build_all`` builds the rest (before forking)."""
    code = """
        import sys
        from newslint import cache
        cache.install()
        from newslint import rx
        def built(x):
            return "built" in getattr(x, "__dict__", {})
        p = rx.compile(r"(?P<n>\\d+) (?P<w>\\p{L}+)")
        q = rx.compile(r"\\p{Lu}{3}")
        print(type(p).__name__, built(p), rx.is_pattern(p))
        m = p.search("at 12 Downing")
        print(m.group("n"), m.group("w"), p.groupindex["w"], p.pattern == r"(?P<n>\\d+) (?P<w>\\p{L}+)")
        print(built(p), built(q))
        rx.build_all()
        print(built(q), q.findall("NATO and UN and FBI"))
    """
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    env.pop("NEWSLINT_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    first, second = (r.stdout.splitlines() for r in runs)
    assert first[0].split()[0] == "Pattern"  # compiled by the module: nothing cached yet
    assert second == ["LazyPattern False True", "12 Downing 2 True", "True False",
                      "True ['NAT', 'FBI']"]


def test_a_lazy_pattern_builds_once_and_is_held_weakly_until_then():
    import gc

    p = rx.LazyPattern(r"(\d+) (\w+)", 0, {})
    assert p in rx._LAZY and rx.is_pattern(p) and "built" not in p.__dict__
    assert p.findall("3 cats and 4 dogs") == [("3", "cats"), ("4", "dogs")]
    assert "built" in p.__dict__ and p not in rx._LAZY  # built: dropped from the set build_all reads
    assert p.search is p.__dict__["search"]  # later calls go straight to the built pattern's method
    q = rx.LazyPattern(r"x+", 0, {})
    assert q in rx._LAZY
    del q
    gc.collect()
    assert all(x.pattern != r"x+" for x in list(rx._LAZY))  # an unused pattern is not kept alive
