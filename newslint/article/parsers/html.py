"""News pages as HTML (``.html``, ``.htm``), with the standard library's ``html.parser``.

What is prose: the first ``h1`` (headline), ``p`` (body), ``blockquote``
(body blocks with ``blockquote=True``, one per ``p`` or run of direct text),
``figcaption`` (caption; its ``p``s too), an element whose class is
``byline`` (byline), and ``h2``-``h6`` only when they end with punctuation
(otherwise they are subheads and skipped). Inline tags are transparent, ``br``
is a space, runs of whitespace become one space, and entities are decoded
with a replacement segment pointing at the entity's exact source span.

Not prose: ``script``, ``style``, ``nav``, ``aside``, ``noscript``,
``template``, ``svg``, ``form``, ``button`` and the like, comments, hidden
elements, paragraphs of a page-level ``header`` (its ``h1`` is only a fallback
headline; a ``header`` inside an article or ``main`` is kept), any ``footer``, and elements whose class, id
or role names site chrome (navigation, share bars, related links,
newsletter boxes, cookie banners, comments, ads).

When the page has ``<article>`` elements with paragraphs, only the one with
the most body text is used (related-story cards are articles too); else
``<main>`` if it has paragraphs; else the whole page.

Robustness: the tag stack is a list (no recursion), end tags close what they
name (unclosed ``p``s are closed by the next block, as browsers do), and
positions come from the parser's own line/column bookkeeping.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from newslint.article.model import Article, Block
from newslint.article.parsers._maps import MapBuilder
from newslint.article.source import Source

SKIP_TAGS = frozenset({
    "script", "style", "nav", "aside", "noscript", "template", "svg", "math", "form", "button", "select",
    "textarea", "iframe", "object", "embed", "canvas", "audio", "video", "head", "title", "dialog", "menu",
})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "keygen",
})
#: start tags that close an open ``p`` (the HTML "close a p element" rule)
CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
    "pre", "section", "table", "ul",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = frozenset({"p", "figcaption", "blockquote"}) | HEADINGS
#: a class or id token that names site chrome: one of these words, or one of the
#: first group as its first part ("share-buttons", "c-nav-links", "related_posts");
#: layout names ("sidebar_content", "layout-right-sidebar", "modal-enabled") do not count
_CHROME = re.compile(
    r"(?:[a-z]{1,2}-)?(?:(?:nav|navbar|navigation|share|sharing|sharebar|social|related|newsletter|subscribe|"
    r"promo|advert|advertisement|ads?|adslot|adunit|cookie|cookies|consent|comments?|breadcrumbs?|outbrain|"
    r"taboola|signup)(?:[-_][a-z0-9-_]*)?|sidebar|sidebar-\d+|menu|footer|popup|modal|recommended|skip-link|"
    r"visually-hidden|sr-only|screen-reader-text)",
    re.I,
)
#: class tokens that are flags, not chrome ("no-share", "has-sidebar")
_FLAG_PREFIX = ("no-", "has-", "with-", "enable-", "is-", "show-", "hide-")
#: elements whose class says nothing about their content being chrome
_NEVER_CHROME = frozenset({"html", "body", "main", "article"})
_CHROME_ROLES = frozenset({"navigation", "complementary", "banner", "contentinfo", "search", "dialog", "menu"})
_BYLINE = re.compile(r"(?:^|[\s_-])byline(?:$|[\s_-])", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: the same entity syntax ``html.unescape`` accepts, or a run of HTML whitespace
_PIECE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)|[ \t\n\r\f]+")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*$")


def _is_chrome(tag: str, attrs: list) -> bool:
    if tag in _NEVER_CHROME:
        return False
    for name, value in attrs:
        if value is None:
            if name == "hidden":
                return True
            continue
        if name in ("class", "id"):
            for token in value.lower().split():
                if _CHROME.fullmatch(token) and not token.startswith(_FLAG_PREFIX):
                    return True
        if name == "role" and value.lower() in _CHROME_ROLES:
            return True
        if name == "aria-hidden" and value.lower() == "true":
            return True
        if name == "style" and _HIDDEN_STYLE.search(value):
            return True
    return False


class _Open:
    """One open block element: its kind, prose so far and where it sits."""

    __slots__ = ("tag", "kind", "builder", "blockquote", "article", "main")

    def __init__(self, tag, kind, blockquote, article, main):
        self.tag = tag
        self.kind = kind
        self.builder = MapBuilder()
        self.blockquote = blockquote
        self.article = article
        self.main = main


class _Collector(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0]
        self.line_starts.extend(m.end() for m in re.finditer("\n", text))
        # the element stack: (tag, skip?, block?, page header?) with counts of open tags by name
        self.stack: list[tuple[str, bool, bool, bool]] = []
        self.counts: dict[str, int] = {}
        self.skipping = 0
        self.page_header = 0
        self.article_id = 0
        self.current_article: int | None = None
        self.blocks_open: list[_Open] = []
        self.found: list[tuple[Block, int | None, bool]] = []
        self.data_start: int | None = None

    # -- positions and text -------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self) -> None:
        """Add the pending text run (from its start up to the current position) to the open block."""
        if self.data_start is None:
            return
        start, end = self.data_start, self._offset()
        self.data_start = None
        if self.skipping or not self.blocks_open or end <= start:
            return
        builder = self.blocks_open[-1].builder
        text = self.text
        pos = start
        for m in _PIECE.finditer(text, start, end):
            a, b = m.start(), m.end()
            if a > pos:
                builder.copy(text, pos, a)
            if text[a] == "&":
                decoded = html.unescape(m.group())
                if decoded == m.group():
                    builder.copy(text, a, b)
                else:
                    builder.replace(decoded, a, b)
            elif builder.pos and not builder.last_char().isspace():
                if b - a == 1 and text[a] == " ":
                    builder.copy(text, a, b)
                else:
                    builder.replace(" ", a, b)
            pos = b
        if end > pos:
            builder.copy(text, pos, end)

    def handle_data(self, data):
        self._flush()
        self.data_start = self._offset()

    def handle_comment(self, data):
        self._flush()

    def handle_decl(self, decl):
        self._flush()

    def handle_pi(self, data):
        self._flush()

    def unknown_decl(self, data):
        self._flush()

    def parse_html_declaration(self, i):
        # Python < 3.13 raises AssertionError on a bogus "<![0" or "<![foo[": skip it to the
        # next ">" as browsers do (no ">": the parser keeps the rest as text at close)
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            end = self.rawdata.find(">", i + 2)
            return -1 if end < 0 else end + 1

    # -- tags ------------------------------------------------------------------
    def _line_break(self) -> None:
        """``<br>``: a space (unless the prose already ends in one), mapped to the tag."""
        if self.blocks_open and not self.skipping:
            builder = self.blocks_open[-1].builder
            if builder.pos and not builder.last_char().isspace():
                start = self._offset()
                end = self.text.find(">", start) + 1 or start + 1
                builder.replace(" ", start, end)

    def handle_starttag(self, tag, attrs):
        self._flush()
        if tag == "br":
            self._line_break()
            return
        if tag in VOID_TAGS:
            return
        if tag in CLOSES_P and self.counts.get("p"):
            self._close("p")
        in_article = bool(self.counts.get("article") or self.counts.get("main"))
        skip = tag in SKIP_TAGS or tag == "footer" or _is_chrome(tag, attrs)
        # a page-level header: only its h1 counts (as a fallback headline), never its paragraphs
        page_header = tag == "header" and not in_article
        block = False
        if not skip and not self.skipping:
            kind = None
            if self.page_header and tag != "h1":
                pass
            elif tag == "p":
                kind = "caption" if self.counts.get("figcaption") else "body"
                if any(o.kind == "byline" for o in self.blocks_open) or kind == "body" and any(
                        name == "class" and value and _BYLINE.search(value) for name, value in attrs):
                    kind = "byline"  # inside a byline element, or the paragraph is one (<p class="article-byline">)
            elif tag == "figcaption":
                kind = "caption"
            elif tag == "blockquote":
                kind = "body"
            elif tag in HEADINGS:
                kind = "headline" if tag == "h1" else "subhead"
            elif any(name == "class" and value and _BYLINE.search(value) for name, value in attrs):
                kind = "byline"
            if kind is not None:
                block = True
                self._emit_top()
                self.blocks_open.append(_Open(tag, kind, bool(self.counts.get("blockquote")) or tag == "blockquote",
                                              self.current_article, bool(self.counts.get("main"))))
        if tag == "article" and not self.counts.get("article"):
            self.article_id += 1
            self.current_article = self.article_id
        self.stack.append((tag, skip, block, page_header))
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if skip:
            self.skipping += 1
        if page_header:
            self.page_header += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        self._flush()
        if tag == "br":  # </br> is a <br> in browsers
            self._line_break()
            return
        if self.counts.get(tag):
            self._close(tag)

    def _close(self, tag: str) -> None:
        """Pop elements up to and including the innermost open ``tag``."""
        while self.stack:
            name, skip, block, page_header = self.stack.pop()
            self.counts[name] -= 1
            if skip:
                self.skipping -= 1
            if page_header:
                self.page_header -= 1
            if block:
                self._emit_top()
                self.blocks_open.pop()
            if name == "article" and not self.counts["article"]:
                self.current_article = None
            if name == tag:
                return

    def _emit_top(self) -> None:
        """Turn the innermost open block's prose so far into a Block (and start it afresh)."""
        if not self.blocks_open:
            return
        top = self.blocks_open[-1]
        if top.builder.pos:
            block = top.builder.block(top.kind, blockquote=top.blockquote)
            if block is not None:
                self.found.append((block, top.article, top.main))
            top.builder = MapBuilder()

    def finish(self) -> None:
        self.close()
        self._flush()
        while self.blocks_open:
            self._emit_top()
            self.blocks_open.pop()


def html_blocks(text: str) -> list[Block]:
    """The prose blocks of an HTML page (see the module doc for what counts)."""
    collector = _Collector(text)
    collector.feed(text)
    collector.finish()
    found = collector.found
    per_article: dict[int, int] = {}
    main_body = 0
    for block, article, main in found:
        if block.kind == "body":
            if article is not None:
                per_article[article] = per_article.get(article, 0) + len(block.text)
            if main:
                main_body += len(block.text)
    if per_article:
        best = max(per_article, key=lambda k: (per_article[k], -k))
        chosen = [f for f in found if f[1] == best]
    elif main_body:
        chosen = [f for f in found if f[2]]
    else:
        chosen = found
    blocks: list[Block] = []
    headline = next((b for b, _, _ in chosen if b.kind == "headline"), None) or next(
        (b for b, _, _ in found if b.kind == "headline"), None)
    if headline is not None:
        blocks.append(headline)
    for block, _, _ in chosen:
        if block.kind == "headline":
            continue
        if block.kind == "subhead":
            if not _TERMINAL.search(block.text):
                continue
            block.kind = "body"
        blocks.append(block)
    blocks.sort(key=lambda b: b.source_start)
    return blocks


class HTMLPageParser:
    """Registered parser for ``.html`` / ``.htm``."""

    name = "html"
    extensions = (".html", ".htm", ".xhtml")

    def parse(self, source: Source, options: dict) -> list[Article]:
        return [Article(source, html_blocks(source.text))]
