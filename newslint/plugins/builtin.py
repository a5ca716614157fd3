"""newslint's own features, registered through the same hooks as any plugin."""

from __future__ import annotations


from newslint import __version__
from newslint.plugins.hookspecs import hookimpl

VERSION = __version__


def rules_folder():
    """The shipped packs: the ``newslint.rules`` package (``rules/`` in the repo), a ``pathlib.Path``."""
    from pathlib import Path

    return Path(_rules_dir())


def _rules_dir() -> str:
    """``str(rules_folder())`` without pathlib (2.5 ms of a cold start).

    Installed, the packs are the ``newslint.rules`` package; run from a source checkout that was
    never installed (``python -m newslint`` in the repository), they are its top-level ``rules/``."""
    import os

    from newslint.packs.loader import path_str

    try:
        import newslint.rules
    except ImportError:
        import newslint

        return path_str(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(newslint.__file__))), "rules"))
    return path_str(os.path.dirname(newslint.rules.__file__))


@hookimpl
def newslint_rule_kinds():
    from newslint.kinds import builtin_kinds
    from newslint.news import news_kinds

    return builtin_kinds() + news_kinds()


@hookimpl
def newslint_pack_paths():
    return [_rules_dir()]


@hookimpl
def newslint_parsers():
    from newslint.article.parsers import builtin_parsers

    return builtin_parsers()


@hookimpl
def newslint_reporters():
    from newslint.reporters import builtin_reporters

    return builtin_reporters()
