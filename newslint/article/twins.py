r"""Stdlib ``re`` twins of regex-module patterns: the same matches, found two to three times faster.

The analysis layers' costliest patterns (the cast's name and title scans, the
speaker patterns of attribution, the sentence splitter) are written for the
``regex`` module, which stdlib ``re`` outruns on the same pattern but which has
``\p{..}`` classes and named lists (``\L<name>``) that ``re`` lacks. ``to_re``
spells both out for the characters of ``RE_SPAN`` (ASCII, Latin-1, Latin
Extended-A, general punctuation, currency signs: every paragraph of the BBC
and Reuters corpora, all but two of html_news_pages), so on a text of those
characters only (``re_span``) a twin finds exactly what its pattern finds; any
other text gets the pattern itself. Each caller names the classes its patterns
use and ``to_re`` refuses anything else, so a pattern edited beyond what is
known to translate fails loudly in the tests instead of matching differently.
"""

from __future__ import annotations

import functools
import re

from newslint import rx as regex

#: the characters on which a twin is exact: [start, end) code point ranges
RE_SPAN = ((0x0000, 0x0180), (0x2000, 0x20D0))
_RE_OUTSIDE = re.compile("[^" + "".join(f"{chr(a)}-{chr(b - 1)}" for a, b in RE_SPAN) + "]")
#: every class ``to_re`` can spell out (longest first: ``\p{Lu}`` before ``\p{L}``)
CLASS_NAMES = (r"\p{Lu}", r"\p{Ll}", r"\p{L}", r"\p{M}", r"\p{N}", r"\w", r"\s", r"\d")
#: what a translation depends on besides the pattern and its lists: this code, the regex tables
DEPENDS = (__file__, regex.engine_file())


def re_span(text: str) -> bool:
    """True when the twins find what their patterns find in ``text``."""
    return text.isascii() or _RE_OUTSIDE.search(text) is None


@functools.lru_cache(maxsize=None)
def span_chars() -> str:
    return "".join(chr(c) for a, b in RE_SPAN for c in range(a, b))


def _ranges(chars) -> str:
    """The body of a ``re`` class matching exactly ``chars``."""
    spans: list[list[int]] = []
    for c in sorted(set(map(ord, chars))):
        if spans and spans[-1][1] == c - 1:
            spans[-1][1] = c
        else:
            spans.append([c, c])
    return "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in spans)


@functools.lru_cache(maxsize=None)
def _class_body(name: str) -> str:
    """The body of a ``re`` class matching what the regex module's ``name`` matches in the span."""
    return _ranges(regex.findall(name, span_chars()))


@functools.lru_cache(maxsize=None)
def case_class(c: str) -> str:
    """What ``(?i:c)`` matches in ``RE_SPAN`` for the regex module, as an item of a ``re``
    pattern in (?i) mode: ``c`` itself where re's (?i) equates it with the same characters of
    the span, else a case-sensitive class ("i": re's (?i) also takes the dotless "ı")."""
    chars = span_chars()
    same = regex.findall("(?i:" + regex.escape(c) + ")", chars)
    if c not in same:
        same.append(c)  # c outside the span: the text cannot hold it anyway
    if sorted(same) == sorted(re.findall("(?i:" + re.escape(c) + ")", chars) + ([] if c in chars else [c])):
        return re.escape(c)
    return f"(?-i:[{_ranges(same)}])"


@functools.lru_cache(maxsize=None)
def trie(items: tuple, caseless: bool) -> str:
    r"""An alternation of ``items`` that tries, at a position, the longest item first and then the
    shorter ones (a trie with greedy optional tails), as ``\L<..>`` takes the longest item that fits."""
    root: dict = {}
    for item in items:
        node = root
        for ch in (item.lower() if caseless and item.isascii() else item):  # "US" and "us": one branch
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        alts = [(case_class(ch) if caseless else re.escape(ch)) + emit(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return "(?:" + emit(root) + ")"


def to_re(pattern: str, lists: dict, classes: tuple[str, ...]) -> str:
    r"""A regex-module pattern (V0) in stdlib ``re`` syntax, exact on texts ``re_span`` accepts.

    Translates the ``classes`` named (of ``CLASS_NAMES``; \W, \S, \D with \w, \s, \d; \b with
    \w), named lists (``lists``, as tries), \u and \x escapes, and ``(?i:...)`` groups (each
    cased letter as the class of what the regex module equates with it). Raises ValueError on
    anything else it does not know to mean the same in both.
    """
    known = [k for k in CLASS_NAMES if k in classes]
    w = _class_body(r"\w") if r"\w" in classes else None
    out: list[str] = []
    groups: list[bool] = []  # per open group: caseless?
    i, n, in_class = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        caseless = any(groups)
        if c == "\\":
            name = next((k for k in known if pattern.startswith(k, i)), None)
            esc = pattern[i:i + 2]
            if name is not None:
                if caseless:
                    raise ValueError("to_re: a class in a caseless group")
                out.append(_class_body(name) if in_class else f"[{_class_body(name)}]")
                i += len(name)
                continue
            negated = esc in (r"\W", r"\S", r"\D") and esc.lower() in classes
            if caseless and (negated or esc == r"\b"):
                raise ValueError("to_re: a class in a caseless group")
            if negated and not in_class:
                out.append(f"[^{_class_body(esc.lower())}]")
            elif esc == r"\L" and not in_class and pattern.startswith("<", i + 2):
                j = pattern.index(">", i)
                out.append(trie(tuple(lists[pattern[i + 3:j]]), caseless))
                i = j + 1
                continue
            elif esc == r"\b" and w is not None and not in_class:
                out.append(f"(?:(?<=[{w}])(?![{w}])|(?<![{w}])(?=[{w}]))")
            elif esc in (r"\u", r"\x"):
                size = 6 if esc == r"\u" else 4
                ch = chr(int(pattern[i + 2:i + size], 16))
                if caseless and ch.lower() != ch.upper():
                    if in_class:
                        raise ValueError("to_re: cased letter in a caseless class")
                    out.append(case_class(ch))
                else:
                    out.append(pattern[i:i + size])
                i += size
                continue
            elif len(esc) < 2 or esc[1:].isalnum() and esc[1:] not in "ntrfvAZ":
                raise ValueError(f"to_re cannot translate {esc}")
            else:
                out.append(esc)
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif c == "[" or pattern.startswith(("&&", "||", "--", "~~"), i) or caseless and c.lower() != c.upper():
                raise ValueError("to_re: nested class, set operation or cased letter in a caseless class")
        elif c == "[":
            if pattern.startswith(("[^]", "[]"), i):
                raise ValueError("to_re: ']' first in a class")
            in_class = True
        elif c == "(":
            if pattern.startswith("(?i:", i):
                groups.append(True)
                out.append("(?i:")
                i += 4
                continue
            if pattern.startswith("(?", i) and not pattern.startswith(("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P"), i):
                raise ValueError("to_re: inline flags or a group re does not have")
            groups.append(False)
        elif c == ")":
            groups.pop()
        elif caseless and c.lower() != c.upper():
            out.append(case_class(c))
            i += 1
            continue
        out.append(c)
        i += 1
    if in_class or groups:
        raise ValueError("to_re: unbalanced pattern")
    return "".join(out)
