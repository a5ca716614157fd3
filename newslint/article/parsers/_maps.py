"""Building SourceMaps for prose that is not a plain slice of the source.

Markup parsers strip markers, decode entities and escapes, and join lines;
``MapBuilder`` records each piece of prose with where it came from, and
``compose`` chains two maps (prose -> intermediate text -> source), so a
parser can work on a decoded string (a JSON value, a de-quoted Markdown
line) and still report exact offsets into the file.

Segments are ``(text_start, source_start, text_len, source_len)``: equal
lengths map linearly, unequal lengths map as a whole (a replacement).
"""

from __future__ import annotations

import bisect

from newslint.article.model import Block, SourceMap

Segment = tuple[int, int, int, int]


class MapBuilder:
    """Accumulates prose and its segments; adjacent linear copies merge."""

    __slots__ = ("parts", "segments", "pos")

    def __init__(self):
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.pos = 0

    def copy(self, text: str, start: int, end: int) -> None:
        """Append ``text[start:end]`` (coordinates of the mapped space) verbatim."""
        n = end - start
        if n <= 0:
            return
        self.parts.append(text[start:end])
        segs = self.segments
        if segs:
            t0, s0, tl, sl = segs[-1]
            if tl == sl and s0 + sl == start and t0 + tl == self.pos:
                segs[-1] = (t0, s0, tl + n, sl + n)
                self.pos += n
                return
        segs.append((self.pos, start, n, n))
        self.pos += n

    def replace(self, prose: str, start: int, end: int) -> None:
        """Append ``prose`` standing for ``[start, end)`` as a whole (an entity, an escape)."""
        if not prose:
            return
        self.parts.append(prose)
        self.segments.append((self.pos, start, len(prose), max(end - start, 0)))
        self.pos += len(prose)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else ""

    def build(self, inner: list[Segment] | None = None) -> tuple[str, SourceMap] | None:
        """The prose with leading/trailing whitespace removed, and its map.

        ``inner`` maps the coordinates this builder used to the source (see
        ``compose``); without it they are source offsets already.
        """
        text = self.text
        end = len(text.rstrip())
        lead = len(text) - len(text.lstrip())
        if end <= lead:
            return None
        segments = self.segments if (lead == 0 and end == len(text)) else slice_segments(self.segments, lead, end)
        if inner is not None:
            segments = compose(segments, inner)
        return text[lead:end], SourceMap(segments)

    def block(self, kind: str, inner: list[Segment] | None = None, **kw) -> Block | None:
        built = self.build(inner)
        if built is None:
            return None
        return Block(kind, built[0], built[1], **kw)


def slice_segments(segments: list[Segment], a: int, b: int) -> list[Segment]:
    """Segments for text positions ``[a, b)``, rebased to start at 0.

    A replacement segment cut by the slice keeps its whole source span.
    """
    if b <= a or not segments:
        return [(0, segments[0][1] if segments else 0, 0, 0)]
    index = max(bisect.bisect_right(_Starts(segments), a) - 1, 0)
    out: list[Segment] = []
    for t0, s0, tl, sl in segments[index:]:
        if t0 >= b:
            break
        lo, hi = max(a, t0), min(b, t0 + tl)
        if hi <= lo:
            continue
        if tl == sl:
            out.append((lo - a, s0 + (lo - t0), hi - lo, hi - lo))
        else:
            out.append((lo - a, s0, hi - lo, sl))
    return out or [(0, segments[-1][1] + segments[-1][3], 0, 0)]


class _Starts:
    """A lazy view of segment text starts, for bisect without a copy."""

    __slots__ = ("segments",)

    def __init__(self, segments):
        self.segments = segments

    def __len__(self):
        return len(self.segments)

    def __getitem__(self, i):
        return self.segments[i][0]


def compose(outer: list[Segment], inner: list[Segment]) -> list[Segment]:
    """Chain ``outer`` (prose -> middle) with ``inner`` (middle -> source)."""
    out: list[Segment] = []
    starts = _Starts(inner)
    for t0, m0, tl, ml in outer:
        if tl == ml:
            # a linear run of the middle text: follow inner's pieces
            for _, s0, pl, psl in slice_segments(inner, m0, m0 + ml) if ml else ():
                if not pl:
                    continue
                if pl == psl and out and out[-1][2] == out[-1][3] and out[-1][0] + out[-1][2] == t0 \
                        and out[-1][1] + out[-1][3] == s0:
                    p = out[-1]
                    out[-1] = (p[0], p[1], p[2] + pl, p[3] + pl)
                else:
                    out.append((t0, s0, pl, psl))
                t0 += pl
        else:
            # a replacement: the whole middle span, mapped to source as a whole
            i = max(bisect.bisect_right(starts, m0) - 1, 0)
            s_start = _point(inner[i], m0)
            end_m = m0 + ml
            j = max(bisect.bisect_right(starts, max(end_m - 1, m0)) - 1, 0)
            s_end = _point_end(inner[j], end_m) if ml else s_start
            out.append((t0, s_start, tl, max(s_end - s_start, 0)))
    return out or [(0, inner[0][1] if inner else 0, 0, 0)]


def _point(seg: Segment, pos: int) -> int:
    t0, s0, tl, sl = seg
    if tl == sl:
        return s0 + min(max(pos - t0, 0), tl)
    return s0


def _point_end(seg: Segment, pos: int) -> int:
    t0, s0, tl, sl = seg
    if tl == sl:
        return s0 + min(max(pos - t0, 0), tl)
    return s0 + sl
