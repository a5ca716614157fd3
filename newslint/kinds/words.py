"""Helpers shared by kinds: word-boundary patterns and case preservation."""

from __future__ import annotations

import regex

from newslint.cache import longest_first as _longest_first


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
