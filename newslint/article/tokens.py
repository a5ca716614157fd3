"""Words with their offsets."""

from __future__ import annotations

from typing import NamedTuple

import regex

# words, with inner apostrophes, periods and hyphens (don't, U.S, 5-year-old)
_WORD = regex.compile(r"\w+(?:['’.\-]\w+)*")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
