"""Text analysis shared by every rule, computed lazily once per article.

Rules that only need words and spans never pay for the cast of people: each
layer (sentences, tokens, quotations, cast) is built on first use.
"""

from __future__ import annotations

import bisect
from functools import cached_property

from newslint.article.model import Article, Block


class Analysis:
    def __init__(self, article: Article):
        self.article = article

    # -- sentences and tokens ---------------------------------------------
    def sentences(self, block: Block) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence in a block's prose."""
        return self._sentences[block.index]

    @cached_property
    def _sentences(self) -> dict[int, list[tuple[int, int]]]:
        from newslint.article.sentences import split_sentences

        return {b.index: split_sentences(b.text) for b in self.article.blocks}

    def tokens(self, block: Block):
        """Words of a block, each a ``Token(text, start, end)``."""
        return self._tokens[block.index]

    @cached_property
    def _tokens(self):
        from newslint.article.tokens import tokenize

        return {b.index: tokenize(b.text) for b in self.article.blocks}

    # -- quotations ---------------------------------------------------------
    @cached_property
    def _quote_analysis(self):
        from newslint.article.quotations import analyze_quotations

        return analyze_quotations(self.article)

    @cached_property
    def quotations(self):
        """Every quotation in the article, in order (``newslint.article.quotations.Quotation``)."""
        return self._quote_analysis.quotations

    @cached_property
    def _quotes_by_block(self) -> dict:
        by_block: dict[int, list] = {}
        for q in self.quotations:
            by_block.setdefault(q.block, []).append(q)
        return by_block

    def quotes_in(self, block: Block) -> list:
        """The block's top-level quotations, in order."""
        return self._quotes_by_block.get(block.index, [])

    def quote_marks(self, block: Block) -> list[tuple[int, str, str]]:
        """``(pos, char, role)`` for every quotation mark or apostrophe glyph in the block.

        ``role`` is ``open`` or ``close`` (a paired mark, or the opening mark of a
        running quote), ``apostrophe`` (not a quotation mark: "don't", "'90s",
        an inch sign) or ``unmatched`` (an opening mark never closed, a closing
        mark with nothing open).
        """
        return self._quote_analysis.marks.get(block.index, [])

    @cached_property
    def _quote_index(self) -> dict[int, tuple[list[int], list[int]]]:
        spans: dict[int, list[tuple[int, int]]] = {}
        for q in self.quotations:
            spans.setdefault(q.block, []).append((q.start, q.end))
        return {k: ([s for s, _ in sorted(v)], [e for _, e in sorted(v)]) for k, v in spans.items()}

    def quote_spans(self, block: Block) -> list[tuple[int, int]]:
        starts, ends = self._quote_index.get(block.index, ([], []))
        return list(zip(starts, ends))

    def in_quote(self, block: Block, start: int, end: int) -> bool:
        """True when ``[start, end)`` of the block lies inside a quotation."""
        index = self._quote_index.get(block.index)
        if not index:
            return False
        starts, ends = index
        i = bisect.bisect_right(starts, start) - 1
        while i >= 0:
            if ends[i] >= end and starts[i] <= start:
                return True
            if ends[i] <= start:
                # quotations do not nest at this level; an earlier one cannot contain us
                return False
            i -= 1
        return False

    # -- people -------------------------------------------------------------
    @cached_property
    def cast(self):
        """The cast of people (``newslint.article.cast.Cast``)."""
        from newslint.article.cast import build_cast

        return build_cast(self.article)
