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


def compile(pattern, flags=0, ignore_unused=False, cache_pattern=None, **kwargs):
    """``regex.compile``."""
    if not kwargs:
        try:
            return _BUILT[pattern, flags]
        except (KeyError, TypeError):
            pass
    built = cache.built_pattern(pattern, flags, kwargs)
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
    return kind.__name__ == "Pattern" and kind.__module__ in ("_regex", "regex._regex")


def __getattr__(name: str):
    return getattr(module(), name)
