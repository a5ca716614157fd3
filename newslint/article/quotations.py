"""Quotations: where they are, and who said them.

(Minimal pairing of quotation marks; replaced by the full analysis.)
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_PAIR = regex.compile(r"“[^”]*”?|\"[^\"\n]*\"?")


@dataclass
class Quotation:
    block: int
    start: int
    end: int
    speaker: str | None = None
    verb: str | None = None


def find_quotations(article) -> list[Quotation]:
    out = []
    for block in article.blocks:
        for m in _PAIR.finditer(block.text):
            out.append(Quotation(block.index, m.start(), m.end()))
    return out
