"""The builder's shared state and helpers (sentences, quotations, claimed spans by
position bucket), the base of ``_Builder``; the stage mixins build on it.
"""

from __future__ import annotations

import bisect
import operator

from newslint.article.cast.model import Cast, Person
from newslint.article.cast.patterns import _TWINS
from newslint.article.cast.names import _Cand


_BUCKET = 64
_START = operator.itemgetter(0)


def _buckets(start: int, end: int) -> range:
    """The ``_BUCKET``-sized position buckets a span touches (a zero-length span touches one)."""
    return range(start // _BUCKET, (max(end, start + 1) - 1) // _BUCKET + 1)


class _BuilderCore:
    """The state every stage shares and its span and sentence helpers."""

    def __init__(self, article):
        self.article = article
        self.analysis = article.analysis
        self.blocks = [b for b in article.blocks if b.kind != "byline"]
        if not _TWINS.on:
            _TWINS.count(sum(len(b.text) for b in self.blocks))
        self.cands: list[_Cand] = []
        #: claimed spans by (block, position // _BUCKET): overlap checks stay local in huge blocks
        self.claimed: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.people: list[Person] = []
        self.by_key: dict[tuple[str, str], Person] = {}
        self.by_surname: dict[str, list[Person]] = {}
        self.by_given: dict[str, list[Person]] = {}
        self.cast = Cast()
        self._sent_starts: dict[int, list[int]] = {}
        self._speaker_spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        #: starts of the unlinked he/she pronouns by block, sorted (pass 4)
        self._unlinked_by_block: dict[int, list[int]] = {}
        #: sentence-start he/she left unlinked, with the sentence before: ``_link_beside_others``
        self._deferred: list = []
        self._title_spans_by_block: dict[int, list[tuple[int, int]]] | None = None
        #: (id(person), block, start) of every title written before a name (``_qualifies_title``)
        self._before_title_starts: set | None = None
        self._joined_text: str | None = None
        self._org_like_memo: dict = {}  # (name, surname) -> _org_like_text's answer
        #: ``_title_refs`` matches by block (found once: ``titles_before_commas`` and ``find_title_refs``)
        self._refs_by_block: dict[int, list] = {}

    # -- helpers ----------------------------------------------------------
    def sentences(self, block):
        try:
            return self.analysis.sentences(block)
        except Exception:  # another layer failing must not take the cast down
            return [(0, len(block.text))]

    def sentence_index(self, block, pos: int) -> int:
        starts = self._sent_starts.get(block.index)
        if starts is None:
            starts = self._sent_starts[block.index] = [s for s, _ in self.sentences(block)]
        return max(bisect.bisect_right(starts, pos) - 1, 0)

    def sentence_span(self, block, pos: int) -> tuple[int, int]:
        spans = self.sentences(block)
        if not spans:
            return 0, len(block.text)
        i = self.sentence_index(block, pos)
        return spans[i][0], max(spans[i][1], pos)

    def in_quote(self, block, start, end) -> bool:
        try:
            return self.analysis.in_quote(block, start, end)
        except Exception:
            return False

    def claim(self, block: int, start: int, end: int):
        for b in _buckets(start, end):
            self.claimed.setdefault((block, b), []).append((start, end))

    def is_claimed(self, block: int, start: int, end: int) -> bool:
        claimed = self.claimed
        if not claimed:
            return False
        for b in range(start // _BUCKET, (max(end, start + 1) - 1) // _BUCKET + 1):  # _buckets, inlined
            for s, e in claimed.get((block, b), ()):
                if s < end and start < e:
                    return True
        return False

    def at_sentence_start(self, block, pos: int) -> bool:
        s, _ = self.sentence_span(block, pos)
        return not block.text[s:pos].strip(" \u00a0“\"‘'(—–-")
