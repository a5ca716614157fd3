"""newslint's own features, registered through the same hooks as any plugin."""

from __future__ import annotations

from pathlib import Path

from newslint import __version__
from newslint.plugins.hookspecs import hookimpl

VERSION = __version__


def rules_folder() -> Path:
    """The shipped packs: the ``newslint.rules`` package (``rules/`` in the repo)."""
    import newslint.rules

    return Path(newslint.rules.__file__).parent


@hookimpl
def newslint_rule_kinds():
    from newslint.kinds import builtin_kinds
    from newslint.news import news_kinds

    return builtin_kinds() + news_kinds()


@hookimpl
def newslint_pack_paths():
    return [rules_folder()]


@hookimpl
def newslint_parsers():
    from newslint.article.parsers import builtin_parsers

    return builtin_parsers()


@hookimpl
def newslint_reporters():
    from newslint.reporters import builtin_reporters

    return builtin_reporters()
