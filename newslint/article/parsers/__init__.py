"""Input parsers: each turns one decoded file into one or more articles.

A parser is any object with ``name``, ``extensions`` (lower-case, with the
dot) and ``parse(source, options) -> list[Article]``. The built-in ones are
registered through the ``newslint_parsers`` hook like any plugin's.
"""

from __future__ import annotations

from typing import Protocol

from newslint.article.model import Article
from newslint.article.source import Source


class Parser(Protocol):
    name: str
    extensions: tuple[str, ...]

    def parse(self, source: Source, options: dict) -> list[Article]: ...


def builtin_parsers() -> list:
    """The parsers newslint ships, one per input format."""
    from newslint.article.parsers.text import TextParser

    parsers: list = [TextParser()]
    for module, cls in (("markdown", "MarkdownParser"), ("html", "HTMLParser"), ("cms", "JSONParser"),
                        ("cms", "JSONLinesParser")):
        try:
            mod = __import__(f"newslint.article.parsers.{module}", fromlist=[cls])
        except ImportError:
            continue
        parsers.append(getattr(mod, cls)())
    return parsers
