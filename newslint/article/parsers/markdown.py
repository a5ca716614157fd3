"""Markdown drafts (``.md``, ``.markdown``), with YAML front matter.

Front matter (``---`` ... ``---`` or ``...``): ``headline`` (or ``title``),
``dek`` (or ``subtitle``), ``byline`` and ``captions`` (strings, or objects
with ``text``/``caption``) become blocks mapped into the scalar's own text
(plain, quoted and block scalars; escapes and folded line breaks are
replacement segments). A ``newslint:`` mapping holds per-article settings;
every other key goes to ``Article.meta``.

Body:

- The first ``#`` heading (ATX, or a setext ``===`` heading) is the headline.
  When the front matter also has one, the ``#`` line wins (one headline
  block per article); the front-matter value stays in ``meta``.
- ``##`` and deeper headings are subheads and are skipped, unless they end
  with punctuation (then they are prose, a body block).
- Paragraphs: lines are joined with their own line breaks kept in the block
  text (soft wraps); list items are body paragraphs, one per item.
- Blockquotes: the ``>`` markers are stripped, ``Block.blockquote`` is set.
- Captions: an image alone in its paragraph is a figure and its alt text is
  the caption (pandoc's implicit figures; the title when the alt is empty);
  an image inside a paragraph contributes its title, if any, as a caption.
- Not prose: fenced and indented code, HTML blocks and comments, tables,
  link reference definitions, thematic breaks; inline: code spans and
  autolinks (each becomes U+FFFC, so the words around it stay apart and no
  rule sees the code), HTML tags and comments (removed; ``<br>`` is a
  space), link and image URLs (``[text](url)`` leaves ``text``), emphasis
  markers (``*``, ``_``, ``**``, ``~~``: removed when they flank a word the
  way CommonMark delimiters do, so ``snake_case`` and ``5 * 3`` are kept).
  Backslash escapes and entities are decoded (replacement segments).
"""

from __future__ import annotations

import html
import re

from newslint.article.model import Article, Block, SourceMap
from newslint.article.parsers._maps import MapBuilder, Segment
from newslint.article.source import Source, SourceError

PLACEHOLDER = "\ufffc"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FM_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_FM_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)[ \t]*")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$|[ \t]+$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r" {0,3}> ?")
_LIST = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_INDENTED = re.compile(r"(?: {4}|\t)")
_LINKDEF = re.compile(r" {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*\S")
_TABLE_DELIM = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|"
    "div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|"
    "li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|"
    "tfoot|th|thead|title|tr|track|ul|script|pre|style|textarea"
)
_HTML_BLOCK = re.compile(rf" {{0,3}}(?:<!--|<\?|<![A-Za-z]|</?(?:{_HTML_BLOCK_TAGS})(?:[\s/>]|$))", re.I)
_HTML_TAG_LINE = re.compile(r" {0,3}</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>[ \t]*$")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*$")

_TITLE = r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))"
_DEST = r"(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
_LABEL = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_INLINE = re.compile(
    r"(?P<esc>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<auto><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>)"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>)"
    rf"|(?P<image>!\[(?P<alt>{_LABEL})\](?:\(\s*{_DEST}(?:\s+(?P<title>{_TITLE}))?\s*\)|\[[^\[\]]*\]))"
    rf"|(?P<link>\[(?P<text>{_LABEL})\](?P<tail>\(\s*{_DEST}(?:\s+{_TITLE})?\s*\)|\[[^\[\]]*\])?)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emph>\*+|_+|~~+)",
    re.S,
)
_IMAGE_ALONE = re.compile(
    rf"\s*!\[(?P<alt>{_LABEL})\]\(\s*{_DEST}(?:\s+(?P<title>{_TITLE}))?\s*\)\s*", re.S)
_PUNCT = re.compile(r"[^\w\s]")


def _lines(text: str, start: int, end: int):
    """(start, content_end, line_end) of each line in ``text[start:end]``."""
    pos = start
    while pos < end:
        m = _LINE.match(text, pos, end)
        content_end = m.start() + len(m.group().rstrip("\r\n"))
        yield pos, content_end, m.end()
        if m.end() == pos:
            break
        pos = m.end()


# -- inline ------------------------------------------------------------------
def _flanking(mid: str, a: int, b: int, underscore: bool) -> bool:
    before = mid[a - 1] if a > 0 else " "
    after = mid[b] if b < len(mid) else " "
    if underscore and before.isalnum() and after.isalnum():
        return False
    left = not after.isspace() and (not _PUNCT.match(after) or before.isspace() or bool(_PUNCT.match(before)))
    right = not before.isspace() and (not _PUNCT.match(before) or after.isspace() or bool(_PUNCT.match(after)))
    return left or right


def inline(mid: str, start: int, end: int, out: MapBuilder, refs: set, captions: list | None) -> None:
    """Append the prose of ``mid[start:end]`` (Markdown inline syntax) to ``out``.

    Image titles found on the way are appended to ``captions`` as
    ``MapBuilder``s (in the same coordinates).
    """
    pos = start
    while pos < end:
        m = _INLINE.search(mid, pos, end)
        if m is None:
            out.copy(mid, pos, end)
            return
        a, b = m.start(), m.end()
        kind = m.lastgroup
        if kind in ("alt", "title"):  # groups nested in image
            kind = "image"
        elif kind in ("text", "tail"):
            kind = "link"
        elif kind == "ticks":
            kind = "code"
        if kind == "link" and m.group("tail") is None and m.group("text").strip().lower() not in refs:
            out.copy(mid, pos, a + 1)  # a literal "[": look inside the brackets
            pos = a + 1
            continue
        out.copy(mid, pos, a)
        if kind == "esc":
            out.replace(mid[a + 1], a, b)
        elif kind in ("code", "auto"):
            out.replace(PLACEHOLDER, a, b)
        elif kind == "br":
            out.replace(" ", a, b)
        elif kind == "entity":
            decoded = html.unescape(m.group())
            if decoded == m.group():
                out.copy(mid, a, b)
            else:
                out.replace(decoded, a, b)
        elif kind == "image":
            title = m.group("title")
            if title and captions is not None:
                caption = MapBuilder()
                inline(mid, m.start("title") + 1, m.end("title") - 1, caption, refs, None)
                captions.append(caption)
        elif kind == "link":
            inline(mid, m.start("text"), m.end("text"), out, refs, captions)
        elif kind == "emph":
            if not _flanking(mid, a, b, m.group()[0] == "_"):
                out.copy(mid, a, b)
        if kind in ("image", "comment", "tag") and b < end and mid[b] in " \t" \
                and (not out.pos or out.last_char() in " \t\r\n"):
            b += 1  # "a <!-- x --> b" reads "a b", not "a  b"
        pos = b


# -- front matter --------------------------------------------------------------
def _align_scalar(text: str, node, value: str) -> list[Segment] | None:
    """Segments mapping a YAML scalar's value to its source text, or None if unsure."""
    r, end = node.start_mark.index, node.end_mark.index
    style = node.style
    if style in ("|", ">"):
        nl = _LINE.match(text, r, end).end()
        r = nl
    elif style in ("'", '"'):
        r, end = r + 1, end - 1
    out = MapBuilder()
    v = 0
    n = len(value)
    while v < n:
        if r >= end:
            return None
        rc, c = text[r], value[v]
        if style == '"' and rc == "\\":
            nxt = text[r + 1] if r + 1 < end else ""
            if nxt in "\r\n":  # an escaped line break: it and the next line's indentation vanish
                r += 1
                while r < end and text[r] in " \t\r\n":
                    r += 1
                continue
            length = {"x": 4, "u": 6, "U": 10}.get(nxt, 2)
            out.replace(c, r, r + length)
            r += length
            v += 1
        elif style == "'" and text.startswith("''", r) and c == "'":
            out.replace(c, r, r + 2)
            r += 2
            v += 1
        elif rc == c:
            out.copy(text, r, r + 1)
            r += 1
            v += 1
        elif rc in " \t\r\n":
            q = r
            while q < end and text[q] in " \t\r\n":
                q += 1
            if c in " \n":  # a folded line break
                out.replace(c, r, q)
                v += 1
            r = q
        else:
            return None
    return out.segments


def _fm_block(kind: str, text: str, node, value) -> Block | None:
    import yaml  # only files with front matter pay for importing PyYAML

    if not isinstance(value, str) or not isinstance(node, yaml.ScalarNode):
        return None
    segments = _align_scalar(text, node, value)
    if segments is None:
        return None
    builder = MapBuilder()
    builder.parts = [value]
    builder.segments = segments
    builder.pos = len(value)
    return builder.block(kind)


def _front_matter(source: Source, blocks: list[Block]) -> tuple[int, dict, dict, str | None]:
    """Parse front matter: (body start, meta, settings, headline value)."""
    text = source.text
    m = _FM_OPEN.match(text)
    if not m:
        return 0, {}, {}, None
    fm_start = m.end()
    fm_end = body = None
    for a, b, c in _lines(text, fm_start, len(text)):
        if _FM_CLOSE.match(text, a, b):
            fm_end, body = a, c
            break
    if fm_end is None:
        return 0, {}, {}, None
    chunk = text[fm_start:fm_end]  # YAML marks index code points of this chunk
    import yaml  # only files with front matter pay for importing PyYAML

    try:
        node = yaml.compose(chunk, Loader=yaml.SafeLoader)
        data = yaml.safe_load(chunk)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = source.position(fm_start)[0] + (mark.line if mark is not None else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourceError(f"front matter: invalid YAML at line {line}: {problem}") from None
    if data is None:
        return body, {}, {}, None
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise SourceError("front matter: expected a mapping of keys (headline, dek, byline, captions, ...)")
    nodes = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    settings = data.get("newslint") or {}
    if not isinstance(settings, dict):
        raise SourceError("front matter: 'newslint' must be a mapping of settings")
    if settings and "newslint" in nodes:  # with the lines of the file, for errors in them
        from newslint.packs.yamlsource import located

        settings = located(nodes["newslint"], source.position(fm_start)[0] - 1)
    shifted: list[Block] = []
    headline = None
    for kind, keys in (("headline", ("headline", "title")), ("dek", ("dek", "subtitle")), ("byline", ("byline",))):
        key = next((k for k in keys if k in data), None)
        if key is None:
            continue
        if kind == "headline":
            headline = data[key]
        block = _fm_block(kind, chunk, nodes.get(key), data[key])
        if block is not None:
            shifted.append(block)
    captions = data.get("captions")
    cap_node = nodes.get("captions")
    if isinstance(captions, str):
        captions, cap_items = [captions], [cap_node]
    elif isinstance(captions, list) and isinstance(cap_node, yaml.SequenceNode):
        cap_items = cap_node.value
    else:
        captions, cap_items = [], []
    for value, item in zip(captions, cap_items):
        if isinstance(value, dict) and isinstance(item, yaml.MappingNode):
            sub = {k.value: v for k, v in item.value if isinstance(k, yaml.ScalarNode)}
            key = next((k for k in ("text", "caption") if isinstance(value.get(k), str)), None)
            if key is None:
                continue
            value, item = value[key], sub.get(key)
        block = _fm_block("caption", chunk, item, value)
        if block is not None:
            shifted.append(block)
    for block in shifted:
        block.smap = SourceMap([(t, s + fm_start, tl, sl) for t, s, tl, sl in block.smap._segments])
        blocks.append(block)
    meta = {k: v for k, v in data.items() if k not in ("newslint", "captions")}
    return body, meta, settings, headline


# -- blocks ------------------------------------------------------------------------
class _Para:
    """Lines of one paragraph as source ranges, joined by their own line breaks."""

    __slots__ = ("pieces", "kind", "blockquote", "level")

    def __init__(self, kind="body", blockquote=False, level=0):
        self.pieces: list[tuple[int, int, int]] = []  # (content start, content end, break end)
        self.kind = kind
        self.blockquote = blockquote
        self.level = level

    def middle(self, text: str) -> tuple[str, list[Segment]]:
        parts: list[str] = []
        segments: list[Segment] = []
        t = 0
        last = len(self.pieces) - 1
        for i, (a, b, c) in enumerate(self.pieces):
            if b > a:
                parts.append(text[a:b])
                segments.append((t, a, b - a, b - a))
                t += b - a
            if i < last:
                brk = text[b:c]
                stripped = brk.lstrip(" \t")
                k = c - len(stripped)
                if stripped:
                    parts.append(stripped)
                    segments.append((t, k, c - k, c - k))
                    t += c - k
        return "".join(parts), segments or [(0, self.pieces[0][0] if self.pieces else 0, 0, 0)]


class MarkdownParser:
    name = "markdown"
    extensions = (".md", ".markdown", ".mdown", ".mkd")

    def parse(self, source: Source, options: dict) -> list[Article]:
        blocks: list[Block] = []
        start, meta, settings, fm_headline = _front_matter(source, blocks)
        paras, refs = self._paragraphs(source.text, start)
        body_blocks = self._prose(source.text, paras, refs)
        if any(b.kind == "headline" for b in body_blocks):
            blocks = [b for b in blocks if b.kind != "headline"]
        blocks.extend(body_blocks)
        blocks.sort(key=lambda b: b.source_start)
        if fm_headline is not None:
            meta.setdefault("headline", fm_headline)
        return [Article(source, blocks, meta=meta, settings=settings)]

    @staticmethod
    def _paragraphs(text: str, start: int) -> tuple[list[_Para], set]:
        paras: list[_Para] = []
        refs: set = set()
        current: _Para | None = None
        fence: str | None = None
        html_until: str | None = None  # "blank" or "-->"
        for a, b, c in _lines(text, start, len(text)):
            if fence is not None:
                m = _FENCE.match(text, a, b)
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                        and not text[m.end():b].strip():
                    fence = None
                continue
            if html_until is not None:
                if html_until == "-->":
                    if "-->" in text[a:b]:
                        html_until = None
                elif not text[a:b].strip():
                    html_until = None
                continue
            # container: blockquote markers
            depth = 0
            p = a
            while True:
                q = _QUOTE.match(text, p, b)
                if not q:
                    break
                depth += 1
                p = q.end()
            content = text[p:b]
            if not content.strip():
                current = None
                continue
            quoted = depth > 0
            if current is not None and current.blockquote and not quoted and current.kind == "body" \
                    and not _LIST.match(text, p, b) and not _FENCE.match(text, p, b):
                pass  # a lazy continuation line of a quote
            elif current is not None and current.blockquote != quoted:
                current = None
            m = _FENCE.match(text, p, b)
            if m and (m.group(1)[0] == "~" or "`" not in text[m.end():b]):
                fence = m.group(1)
                current = None
                continue
            if current is None and _INDENTED.match(text, p, b) and not quoted:
                continue  # indented code
            if _HTML_BLOCK.match(text, p, b) or (current is None and _HTML_TAG_LINE.match(text, p, b)):
                html_until = None if "-->" in content and content.lstrip().startswith("<!--") else (
                    "-->" if content.lstrip().startswith("<!--") else "blank")
                current = None
                continue
            if current is None and _LINKDEF.match(text, p, b):
                refs.add(_LINKDEF.match(text, p, b).group(1).strip().lower())
                continue
            if current is not None and current.kind == "body" and _SETEXT.match(text, p, b) \
                    and len(current.pieces) >= 1 and current.level == 0:
                current.kind = "heading"
                current.level = 1 if text[_SETEXT.match(text, p, b).start(1)] == "=" else 2
                current = None
                continue
            if _HR.match(text, p, b):
                current = None
                continue
            m = _ATX.match(text, p, b)
            if m:
                end = b
                close = _ATX_CLOSE.search(text, m.end(), b)
                if close:
                    end = close.start()
                para = _Para("heading", quoted, len(m.group(1)))
                para.pieces.append((m.end(), max(end, m.end()), c))
                paras.append(para)
                current = None
                continue
            m = _LIST.match(text, p, b)
            if m:
                current = _Para("body", quoted)
                paras.append(current)
                p = m.end()
            elif current is not None and len(current.pieces) == 1 and _TABLE_DELIM.match(text, p, b) \
                    and "|" in text[current.pieces[0][0]:current.pieces[0][1]]:
                current.kind = "table"
                continue
            elif current is not None and current.kind == "table":
                continue
            if current is None:
                current = _Para("body", quoted)
                paras.append(current)
            lead = len(text[p:b]) - len(text[p:b].lstrip(" \t"))
            trail = len(text[p:b]) - len(text[p:b].rstrip(" \t"))
            current.pieces.append((p + lead, b - trail, c))
        return paras, refs

    @staticmethod
    def _prose(text: str, paras: list[_Para], refs: set) -> list[Block]:
        blocks: list[Block] = []
        have_headline = False
        for para in paras:
            if para.kind == "table" or not para.pieces:
                continue
            mid, inner = para.middle(text)
            captions: list[MapBuilder] = []
            alone = _IMAGE_ALONE.fullmatch(mid)
            if alone and para.kind == "body":
                caption = MapBuilder()
                alt = (alone.start("alt"), alone.end("alt"))
                if not mid[alt[0]:alt[1]].strip() and alone.group("title"):
                    alt = (alone.start("title") + 1, alone.end("title") - 1)
                inline(mid, alt[0], alt[1], caption, refs, None)
                block = caption.block("caption", inner, blockquote=para.blockquote)
                if block is not None:
                    blocks.append(block)
                continue
            out = MapBuilder()
            inline(mid, 0, len(mid), out, refs, captions)
            kind = para.kind
            if kind == "heading":
                if para.level == 1 and not have_headline:
                    kind = "headline"
                    have_headline = True
                else:
                    built = out.build(inner)
                    if built is None or not _TERMINAL.search(built[0]):
                        continue
                    kind = "body"
            block = out.block(kind, inner, blockquote=para.blockquote and kind == "body")
            if block is not None:
                blocks.append(block)
            for caption in captions:
                block = caption.block("caption", inner)
                if block is not None:
                    blocks.append(block)
        return blocks
