"""Input parsers: each turns one decoded file into one or more articles.

A parser is any object with ``name``, ``extensions`` (lower-case, with the
dot) and ``parse(source, options) -> list[Article]``. The built-in ones are
registered through the ``newslint_parsers`` hook like any plugin's.
"""

from __future__ import annotations

from newslint.article.model import Article
from newslint.article.source import Source


class Parser:
    """What a parser provides (a parser need not subclass this; any object with these will do)."""

    name: str
    extensions: tuple[str, ...]

    def parse(self, source: Source, options: dict) -> list[Article]: ...



#: what each built-in parser module defines: (module, class, name, extensions), in discovery order.
#: A run imports only the parsers of the formats it reads (the HTML and Markdown parsers, with the
#: html and json modules, are 4-5 ms of a cold start); tests/test_parsers_lazy.py keeps this
#: table equal to what importing the modules finds. A module missing from it is imported and
#: searched as before, so adding a parser is still adding a file.
BUILTIN = (
    ("cms", "JSONParser", "json", (".json",)),
    ("cms", "JSONLinesParser", "jsonl", (".jsonl", ".ndjson")),
    ("html", "HTMLPageParser", "html", (".html", ".htm", ".xhtml")),
    ("markdown", "MarkdownParser", "markdown", (".md", ".markdown", ".mdown", ".mkd")),
    ("text", "TextParser", "text", (".txt", ".text")),
)


class LazyParser:
    """A built-in parser, imported on first use: ``name`` and ``extensions`` are known up front,
    everything else (``parse``, ``iter_parse``, options) is the real parser's."""

    def __init__(self, module: str, cls: str, name: str, extensions: tuple[str, ...]):
        self._where = (module, cls)
        self._parser = None
        self.name = name
        self.extensions = extensions

    def load(self):
        """The parser itself (imported now if it was not yet)."""
        if self._parser is None:
            import importlib

            module, cls = self._where
            self._parser = getattr(importlib.import_module(f"{__name__}.{module}"), cls)()
        return self._parser

    def parse(self, source: Source, options: dict) -> list[Article]:
        return self.load().parse(source, options)

    def __getattr__(self, attr: str):
        if attr.startswith("__") or attr in ("_where", "_parser"):
            raise AttributeError(attr)
        return getattr(self.load(), attr)

    def __repr__(self) -> str:
        return f"<{self.name} parser ({' '.join(self.extensions)})>"


def _parser_classes(module) -> list[type]:
    return [value for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == module.__name__ and getattr(value, "extensions", None)]


def builtin_parsers() -> list:
    """One parser for every parser class in this package (one module per format)."""
    import importlib

    from newslint.registry import module_names

    known = {module for module, *_ in BUILTIN}
    parsers = []
    for name in module_names(__name__, __path__):
        if name in known:
            parsers.extend(LazyParser(*entry) for entry in BUILTIN if entry[0] == name)
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        parsers.extend(cls() for cls in _parser_classes(module))
    return parsers
