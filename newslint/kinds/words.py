"""Helpers shared by kinds: word-boundary patterns and case preservation."""

from __future__ import annotations

from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.cache import remembered as _remembered


def token_pattern(tokens, ignore_case: bool = True) -> str:
    """One alternation matching any token (word or phrase) on word boundaries.

    Longer tokens come first so "Secretary of State" wins over "Secretary".
    Spaces in a token match any run of whitespace.
    """
    parts = []
    for token in sorted(set(tokens), key=_longest_first):
        body = r"\s+".join(regex.escape(piece) for piece in token.split())
        parts.append(body)
    inner = "|".join(parts)
    flags = "(?i)" if ignore_case else ""
    return rf"{flags}(?<![\w'’-])(?:{inner})(?![\w-]|['’]\w)"


_SPACE_RUNS = regex.compile(r"(\s+)")
_ESCAPED: dict[str, str] = {}


def word_trie(words) -> str:
    """``_word_trie(words)``, kept in the pattern cache (``newslint.cache.remembered``): building
    a trie of a few hundred words is ~2 ms of every start, where the patterns built from it
    come out of the cache."""
    key = tuple(sorted(set(words)))
    return _remembered("kinds.word_trie", key, lambda: _word_trie(key), (__file__,))


def _word_trie(words) -> str:
    """A regular expression (no flags, no boundaries) matching exactly the given words,
    factored by common prefixes: ``a(?:dd(?:ed|s)|sked)`` for added, adds, asked.

    The ``regex`` module tries an alternation's branches one by one at every
    position; with the branches merged on their first letters a 100-verb list
    searches three times faster. Spaces in a word match any run of whitespace.
    At one position a longer word is tried before its prefix, but words that
    differ only in case are separate branches: for a pattern searched only for
    whether (or where) something matches, not which word, it is equivalent to
    the plain alternation.
    """
    root: dict = {}
    escaped = _ESCAPED
    for word in words:
        node = root
        # (most words hold no space: the split, a regex call, only for the rest)
        for piece in (word,) if word.isalpha() else _SPACE_RUNS.split(word):
            if piece and piece.isspace():
                units = (r"\s+",)
            else:  # regex.escape, one character at a time, remembered (a Python call each: slow)
                units = [escaped.get(c) or escaped.setdefault(c, regex.escape(c)) for c in piece]
            for unit in units:
                node = node.setdefault(unit, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [unit + emit(node[unit]) for unit in sorted(u for u in node if u)]
        if not branches:
            return ""
        if "" in node:  # a word ends here and longer ones go on
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


def preserve_case(original: str, replacement: str) -> str:
    """Give the replacement the case shape of the original text."""
    if not original or not replacement:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
