"""The news document model: reading files, parsing them into articles, and
the text analysis (sentences, quotations, tokens, the cast of people) that
every rule shares."""

from newslint.article.model import Article, Block, SourceMap
from newslint.article.source import Source, SourceError, read_source

__all__ = ["Article", "Block", "SourceMap", "Source", "SourceError", "read_source"]
