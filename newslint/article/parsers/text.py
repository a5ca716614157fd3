"""Plain-text drafts, as pasted from a CMS.

Heuristics (documented in the README):

- Paragraphs are separated by blank lines *or* single newlines. Inside a run
  of lines, a line break is a soft wrap only when the line before does not end
  a sentence and the next line starts in lower case.
- The first line is the headline when it has no terminal punctuation and a
  blank line or a byline follows it.
- A short line starting ``By `` at the top is the byline.
- After the body has started, a short paragraph (at most 50 words) without
  terminal punctuation is a caption, and so is one prefixed ``Caption:`` or
  ``Photo:`` (the prefix is not part of the caption).
- Lines that are only an HTML comment (suppression comments) are not prose.
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.article.model import Article, Block
from newslint.article.source import Source

_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_TERMINAL = regex.compile(r"[.!?:;…][\"'”’)\]]*\s*$")
_CAPTION_PREFIX = regex.compile(r"^(?:Caption|Photo|Photograph|Image)\s*:\s*", regex.I)
_BYLINE = regex.compile(r"^By\s+\p{Lu}", regex.V1)
_COMMENT_ONLY = regex.compile(r"^\s*<!--.*?-->\s*$", regex.S)
MAX_CAPTION_WORDS = 50


def _lines(text: str):
    """(start, end) of each line's content, without its line break."""
    pos = 0
    n = len(text)
    if "\r" not in text:  # the usual case: split on "\n" in C
        for line in text.split("\n"):
            if pos >= n:
                break
            yield pos, pos + len(line)
            pos += len(line) + 1
        return
    while pos < n:
        m = _LINE.match(text, pos)
        content = m.group().rstrip("\r\n")
        yield pos, pos + len(content)
        if m.end() == pos:
            break
        pos = m.end()


_ASCII_BLANKS = " \t\n\r\f\v"
_CLOSERS = "\"'”’)]"


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with terminal punctuation (then closing quotes or brackets, then
    blanks): ``_TERMINAL``, without scanning the whole text for where the match could start."""
    bare = text.rstrip(_ASCII_BLANKS)
    if bare[-1:].isspace():  # other blanks: \s and str.isspace differ on a few
        return bool(_TERMINAL.search(text))
    return bare.rstrip(_CLOSERS)[-1:] in _TERMINALS


_TERMINALS = tuple(".!?:;…")


class TextParser:
    name = "text"
    extensions = (".txt", ".text")

    def parse(self, source: Source, options: dict) -> list[Article]:
        return [Article(source, text_blocks(source.text, 0, len(source.text)))]


def _paragraphs(text: str, start: int, end: int):
    """(start, end, blank_after) of each paragraph in ``text[start:end]``."""
    lines = [(a + start, b + start) for a, b in _lines(text[start:end])]
    paragraphs: list[list[int]] = []
    previous_blank = True
    for a, b in lines:
        content = text[a:b]
        if not content.strip() or ("<!--" in content and _COMMENT_ONLY.match(content)):
            if paragraphs:
                paragraphs[-1][2] = True
            previous_blank = True
            continue
        a += len(content) - len(content.lstrip())
        b -= len(content) - len(content.rstrip())
        if paragraphs and not previous_blank:
            prev = paragraphs[-1]
            nxt = text[a:b]
            if not ends_sentence(text[prev[0]:prev[1]]) and nxt[:1].islower():
                prev[1] = b
                continue
        paragraphs.append([a, b, False])
        previous_blank = False
    return [tuple(p) for p in paragraphs]


def _is_byline(content: str) -> bool:
    """A short line starting "By " and a capital: "By Karen Liu and Daniel Ferrante"."""
    return bool(_BYLINE.match(content)) and len(content.split()) <= 8


def text_blocks(text: str, start: int, end: int, headline_allowed: bool = True) -> list[Block]:
    """Blocks of a plain-text region, by the heuristics in the module doc."""
    paragraphs = _paragraphs(text, start, end)
    blocks: list[Block] = []
    body_started = False
    for i, (a, b, blank_after) in enumerate(paragraphs):
        content = text[a:b]
        if i == 0 and headline_allowed and len(paragraphs) > 1 and not ends_sentence(content) and (
                blank_after or _is_byline(text[paragraphs[1][0]:paragraphs[1][1]])):
            blocks.append(Block.plain("headline", text, a, b))  # a blank line or a byline follows it
            continue
        if not body_started and _is_byline(content):
            blocks.append(Block.plain("byline", text, a, b))
            continue
        prefix = _CAPTION_PREFIX.match(content)
        if prefix:
            blocks.append(Block.plain("caption", text, a + prefix.end(), b))
            continue
        if body_started and not ends_sentence(content) and len(content.split()) <= MAX_CAPTION_WORDS:
            blocks.append(Block.plain("caption", text, a, b))
            continue
        blocks.append(Block.plain("body", text, a, b))
        body_started = True
    return blocks
