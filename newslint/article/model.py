"""The article: headline, dek, byline, body paragraphs and captions.

Each block holds the prose a rule reads (markup stripped, entities decoded)
and a SourceMap back to the file, so a span found in the prose maps to exact
offsets in the file's own decoded text.
"""

from __future__ import annotations

import bisect
from functools import cached_property
TYPE_CHECKING = False  # ``typing`` is for the type checker only: importing it costs ms of a cold start
if TYPE_CHECKING:
    from typing import Iterator

from newslint.article.source import Source
from newslint.findings import Record

BLOCK_KINDS = ("headline", "dek", "byline", "body", "caption")

#: What each rule ``scope`` covers. ``body`` includes the dek and byline-free prose.
SCOPES = {
    "headline": frozenset({"headline"}),
    "body": frozenset({"body", "dek"}),
    "caption": frozenset({"caption"}),
    "all": frozenset({"headline", "dek", "body", "caption"}),
}


class SourceMap:
    """Maps positions in a block's prose to offsets in the source text.

    Built from segments ``(text_start, source_start, text_len, source_len)``.
    A segment whose lengths agree maps linearly (copied text); otherwise it is
    a replacement (an HTML entity, a JSON escape) and maps as a whole.
    """

    __slots__ = ("_starts", "_segments")

    def __init__(self, segments: list[tuple[int, int, int, int]]):
        self._segments = segments
        self._starts = [s[0] for s in segments]

    @classmethod
    def identity(cls, source_start: int, length: int) -> "SourceMap":
        return cls([(0, source_start, length, length)])

    def _segment(self, pos: int):
        index = bisect.bisect_right(self._starts, pos) - 1
        return self._segments[max(index, 0)]

    def start(self, pos: int) -> int:
        """Source offset of the character at prose position ``pos``."""
        t0, s0, tl, sl = self._segment(pos)
        if tl == sl:
            return s0 + min(pos - t0, tl)
        return s0 if pos < t0 + tl else s0 + sl

    def end(self, pos: int) -> int:
        """Source offset just after the character before prose position ``pos``."""
        if pos <= 0:
            return self.start(0)
        t0, s0, tl, sl = self._segment(pos - 1)
        if tl == sl:
            return s0 + min(pos - t0, tl)
        return s0 + sl

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source (offset, length) of the prose span ``[start, end)``."""
        a = self.start(start)
        b = self.end(end) if end > start else a
        return a, max(b - a, 0)


class Block(Record):
    """One unit of prose: a headline, a paragraph, a caption."""

    FIELDS = ("kind", "text", "smap", "index", "blockquote")

    def __init__(self, kind: str, text: str, smap: SourceMap, index: int = 0, blockquote: bool = False):
        self.kind = kind
        self.text = text
        self.smap = smap
        self.index = index
        self.blockquote = blockquote

    @classmethod
    def plain(cls, kind: str, source: str, start: int, end: int, **kw) -> "Block":
        """A block whose prose is ``source[start:end]`` exactly."""
        return cls(kind, source[start:end], SourceMap.identity(start, end - start), **kw)

    @property
    def source_start(self) -> int:
        return self.smap.start(0)


class Article(Record):
    """A parsed article and the analysis built on it (computed lazily, once)."""

    FIELDS = ("source", "blocks", "name", "meta", "settings", "people_extra")

    def __init__(self, source: Source, blocks: list[Block], name: str | None = None, meta: dict | None = None,
                 settings: dict | None = None, people_extra: list | None = None):
        self.source = source
        self.blocks = blocks
        self.name = name
        self.meta = {} if meta is None else meta
        self.settings = {} if settings is None else settings
        self.people_extra = [] if people_extra is None else people_extra
        for i, block in enumerate(self.blocks):
            block.index = i

    @property
    def headline(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "headline"), None)

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "body"]

    @property
    def captions(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "caption"]

    def blocks_in(self, scope: str) -> Iterator[Block]:
        """The blocks a rule of this scope reads, in order (worked out once per article and scope:
        every rule asks)."""
        cache = self.__dict__.get("_scoped")
        if cache is None:
            cache = self._scoped = {}
        found = cache.get(scope)
        if found is None or found[0] is not self.blocks or found[1] != len(self.blocks):
            kinds = SCOPES[scope]
            found = cache[scope] = (self.blocks, len(self.blocks), tuple(b for b in self.blocks if b.kind in kinds))
        return iter(found[2])

    @cached_property
    def analysis(self):
        """Sentences, quotations, tokens and the cast, shared by every rule."""
        from newslint.article.analysis import Analysis

        return Analysis(self)
