"""Every hook a newslint plugin can implement.

Hooks are called with keyword arguments only, and an implementation may take
fewer arguments than the spec names: new arguments can be added to a hook
without breaking existing plugins. Implement a hook with the ``hookimpl``
marker from ``newslint.plugins``.

Stability: all hooks below are **stable** as of newslint 0.1: their names and
arguments will not be removed or change meaning within a major version.

The built-in plugin (``newslint.plugins.builtin``) implements the same hooks.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def newslint_rule_kinds():
    """Return a list of rule-kind classes (subclasses of ``newslint.kinds.RuleKind``).

    Called once per run, before packs load. A kind's ``name`` is what a rule's
    ``kind:`` field names; two plugins may not register the same name.
    """


@hookspec
def newslint_pack_paths():
    """Return a list of pack files or folders (``str`` or ``pathlib.Path``).

    Called once per run. Every ``*.yaml`` file in a folder is a pack; a
    ``profiles/`` subfolder holds house-style profiles (``uk.yaml``).
    """


@hookspec
def newslint_parsers():
    """Return a list of input parsers.

    A parser has ``name``, ``extensions`` (such as ``(".docx",)``) and
    ``parse(source, options) -> list[Article]``. A plugin's parser takes
    precedence over a built-in one for the same extension.
    """


@hookspec
def newslint_reporters():
    """Return a mapping of format name to reporter class.

    A reporter class is built as ``cls(stream, options)`` and receives
    ``start()``, ``file(result)`` for each file as it finishes, and
    ``finish(summary)``. See ``newslint.reporters.base.Reporter``.
    """


@hookspec
def newslint_enrich_article(article, config):
    """Add knowledge to a parsed article before rules run.

    Called for every article. Mutate ``article`` in place, for example append
    ``newslint.article.cast.KnownPerson`` entries to ``article.people_extra``
    from a newsroom's staff list. Return value is ignored.
    """


@hookspec
def newslint_check(article, config):
    """Yield or return ``newslint.findings.Finding`` objects for an article.

    For checks that are not rule kinds. Each finding's ``rule`` should name a
    rule id (``pack.rule-name``); ``offset``/``length`` point into
    ``article.source.text``. Line, column and match are filled in by newslint,
    and selection, severity overrides and suppressions apply as usual.
    """
