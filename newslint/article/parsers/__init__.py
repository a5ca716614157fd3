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
    """One instance of every parser class in this package (one module per format)."""
    import importlib
    import pkgutil

    parsers = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__ and getattr(value, "extensions", None):
                parsers.append(value())
    return parsers
