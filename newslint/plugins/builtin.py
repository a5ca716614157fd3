"""newslint's own features, registered through the same hooks as any plugin.

The hook implementations are plain functions, named in ``HOOKS``: with no other plugin
loaded, the host calls them directly and never imports pluggy; when it builds the pluggy
manager, it marks them with ``hookimpl`` and registers this module like any plugin
(``PluginHost.pm``).
"""

from __future__ import annotations


from newslint import __version__

VERSION = __version__
#: the hooks this module implements
HOOKS = ("newslint_rule_kinds", "newslint_pack_paths", "newslint_parsers", "newslint_reporters")


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


def newslint_rule_kinds():
    from newslint.kinds import builtin_kinds
    from newslint.news import news_kinds

    return builtin_kinds() + news_kinds()


def newslint_pack_paths():
    return [_rules_dir()]


def newslint_parsers():
    from newslint.article.parsers import builtin_parsers

    return builtin_parsers()


def newslint_reporters():
    from newslint.reporters import builtin_reporters

    return builtin_reporters()
