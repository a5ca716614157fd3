"""The ``regex`` module as newslint calls it, without importing it when the pattern cache can
build what is asked for.

``import regex`` costs 15-25 ms, an eighth of a short run: its pure-Python compiler builds
tables of every Unicode property as it loads. A pattern the cache holds
(``newslint.cache``) is built from its stored opcode list by the C extension alone, which
this module loads by itself. Everything else -- a pattern the cache does not hold, the
cache off (newslint used as a library), any name not defined here (``rx.error``,
``rx.Match``, ``rx.purge``) -- goes to the real module, imported on first need. newslint's
own code uses ``from newslint import rx as regex``; the patterns are the same objects
either way.
"""

from __future__ import annotations

import sys
from weakref import WeakSet  # (loaded with the interpreter: no import cost)

from newslint import cache

# regex's flags (``regex.RegexFlag``) as plain ints: tests check they agree with the module
A = ASCII = 0x80
B = BESTMATCH = 0x1000
D = DEBUG = 0x200
E = ENHANCEMATCH = 0x8000
F = FULLCASE = 0x4000
I = IGNORECASE = 0x2  # noqa: E741 - regex's own name
L = LOCALE = 0x4
M = MULTILINE = 0x8
P = POSIX = 0x10000
R = REVERSE = 0x400
S = DOTALL = 0x10
U = UNICODE = 0x20
V0 = VERSION0 = 0x2000
V1 = VERSION1 = 0x100
W = WORD = 0x800
X = VERBOSE = 0x40
T = TEMPLATE = 0x1


def module():
    """The real ``regex`` module (imported now if it was not), with the cache hooked into it."""
    real = sys.modules.get("regex")
    if real is None or not hasattr(real, "compile"):  # (not there yet, or half-imported)
        import regex as real

        if not hasattr(real, "_regex") and "regex._regex" in sys.modules:
            real._regex = sys.modules["regex._regex"]  # (loaded before its package: see cache)
    cache.hook_regex()
    return real


#: patterns this process built, by (pattern, flags): the module functions below compile on every
#: call ("regex.search(r'\\d', word)" in a loop), and this is one dictionary lookup
_BUILT: dict = {}
_BUILT_KEPT = 2048


class LazyPattern:
    """A pattern the cache holds, built on first use: a short run builds only the few hundred
    patterns its text reaches, not every pattern its modules define (each build is a C call of
    ~40 us on the stored opcode list; 400 of them were a sixth of a cold start). The first use
    puts the built pattern's methods and attributes on the instance, so later calls cost what a
    pattern's own do; anything else is looked up on the built pattern."""

    __slots__ = ("_args", "__dict__", "__weakref__")

    def __init__(self, pattern, flags, kwargs):
        self._args = (pattern, flags, kwargs)
        _LAZY.add(self)

    def _build(self):
        pattern, flags, kwargs = self._args
        built = cache.built_pattern(pattern, flags, kwargs)
        if built is None:  # (the cache was cleared since: compile normally)
            built = module().compile(pattern, flags, **kwargs)
        d = self.__dict__
        for name in _PATTERN_ATTRS:
            d[name] = getattr(built, name)
        d["built"] = built
        _LAZY.discard(self)
        return built

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "built":
            raise AttributeError(name)
        return getattr(self._build(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r:.60})"


#: every LazyPattern not built yet, for ``build_all`` (weakly: a long-running process that
#: compiles patterns anew must not keep them all)
_LAZY = WeakSet()


def build_all() -> None:
    """Build every pattern made so far: before forking workers, so that each inherits them built
    instead of building the same patterns again (``Session.results``)."""
    for p in list(_LAZY):
        if "built" not in p.__dict__:
            p._build()
    _LAZY.clear()


_PATTERN_ATTRS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer",
                  "scanner", "pattern", "flags", "groups", "groupindex", "named_lists")


def compile(pattern, flags=0, ignore_unused=False, cache_pattern=None, **kwargs):
    """``regex.compile``: a ``LazyPattern`` when the cache holds the pattern."""
    if not kwargs:
        try:
            return _BUILT[pattern, flags]
        except (KeyError, TypeError):
            pass
    built = LazyPattern(pattern, flags, kwargs) if cache.holds(pattern, flags, kwargs) else None
    if built is None:
        built = module().compile(pattern, flags, ignore_unused, cache_pattern, **kwargs)
    if not kwargs and isinstance(pattern, str):
        if len(_BUILT) >= _BUILT_KEPT:
            _BUILT.clear()
        _BUILT[pattern, flags] = built
    return built


def search(pattern, string, flags=0, pos=None, endpos=None):
    return compile(pattern, flags).search(string, pos, endpos)


def match(pattern, string, flags=0, pos=None, endpos=None):
    return compile(pattern, flags).match(string, pos, endpos)


def fullmatch(pattern, string, flags=0, pos=None, endpos=None):
    return compile(pattern, flags).fullmatch(string, pos, endpos)


def findall(pattern, string, flags=0, pos=None, endpos=None):
    return compile(pattern, flags).findall(string, pos, endpos)


def finditer(pattern, string, flags=0, pos=None, endpos=None):
    return compile(pattern, flags).finditer(string, pos, endpos)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


#: what ``regex.escape`` escapes (with ``special_only``, its default): these and whitespace
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")


class _EscapeTable(dict):
    """A ``str.translate`` table that escapes what ``regex.escape`` escapes, filled in as
    characters are met (up to ``_ESCAPES_KEPT``: a text of every character must not make a
    huge table)."""

    def __missing__(self, code: int):
        c = chr(code)
        value = "\\" + c if c in _METACHARS or c.isspace() else code
        if len(self) < _ESCAPES_KEPT:
            self[code] = value
        return value


_ESCAPES_KEPT = 4096
_ESCAPES = _EscapeTable()


def escape(pattern, special_only: bool = True, literal_spaces: bool = False):
    """``regex.escape`` of a ``str`` with the default arguments, in C (``str.translate``):
    patterns built from word lists escape a thousand words at import, which the module's
    loop over each character makes 10 ms. Other arguments go to the module itself."""
    if not special_only or literal_spaces or not isinstance(pattern, str):
        return module().escape(pattern, special_only, literal_spaces)
    return pattern.translate(_ESCAPES)


def engine_file() -> str:
    """The file of regex's C extension, where its matching code and Unicode tables live."""
    return cache.engine_path() or module()._regex.__file__


def is_pattern(obj) -> bool:
    """``isinstance(obj, regex.Pattern)``, without importing the module for it."""
    kind = type(obj)
    return kind is LazyPattern or kind.__name__ == "Pattern" and kind.__module__ in ("_regex", "regex._regex")


def __getattr__(name: str):
    return getattr(module(), name)
