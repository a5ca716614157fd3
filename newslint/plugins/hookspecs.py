"""Every hook a newslint plugin can implement (documented in docs/plugins.md).

Hooks are called with keyword arguments only, and an implementation may take
fewer arguments than the spec names: new arguments can be added to a hook
without breaking existing plugins. Implement a hook with the ``hookimpl``
marker from ``newslint.plugins`` (or ``pluggy.HookimplMarker("newslint")``).

Version contract (``HOOK_STABILITY`` says it per hook):

- **stable** hooks keep their name, their arguments and the meaning of what
  they return within a major version of newslint. A minor version may add
  arguments (old implementations, which do not declare them, keep working)
  and may accept more kinds of return value; it never removes either.
- **provisional** hooks may still change in a minor version, with a note in
  the changelog. None are provisional today.

A hook removed in a future major version is first marked deprecated for at
least one minor version. ``tests/test_hook_docs.py`` keeps docs/plugins.md in
step with the signatures below.

The built-in plugin (``newslint.plugins.builtin``) implements the same hooks.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")

#: the plugin API version: bumped (major) only when a stable hook changes incompatibly
API_VERSION = (1, 0)

#: every hook and its stability ("stable" or "provisional"); see the module docstring
HOOK_STABILITY = {
    "newslint_rule_kinds": "stable",
    "newslint_pack_paths": "stable",
    "newslint_parsers": "stable",
    "newslint_reporters": "stable",
    "newslint_enrich_article": "stable",
    "newslint_check": "stable",
}


@hookspec
def newslint_rule_kinds():
    """Return a list of rule-kind classes (subclasses of ``newslint.kinds.RuleKind``).

    Called once per plugin host (a run), before packs load; the result is
    cached. A kind's ``name`` is what a rule's ``kind:`` field names. Names
    are unique: the built-in kinds and then plugins in load order keep a name,
    and a later plugin registering it again is reported as a plugin error.
    """


@hookspec
def newslint_pack_paths():
    """Return a list of pack files or folders (``str`` or ``os.PathLike``).

    Called once per plugin host; the result is cached. Every ``*.yaml`` file
    in a folder is a pack; a ``profiles/`` subfolder holds house-style
    profiles (``--profile NAME`` reads ``profiles/NAME.yaml``). A path that
    does not exist is reported as a plugin error and skipped.
    """


@hookspec
def newslint_parsers():
    """Return a list of input parsers.

    Called once per plugin host. A parser has ``name``, ``extensions`` (such
    as ``(".docx",)``) and ``parse(source, options) -> list[Article]``. A
    plugin's parser takes precedence over a built-in one for the same
    extension.
    """


@hookspec
def newslint_reporters():
    """Return a mapping of format name to reporter class (``--format NAME``).

    Called once per plugin host. A reporter class is built as ``cls(stream,
    options)`` and receives ``start()``, ``file(result)`` for each file as it
    finishes, and ``finish(summary)``. A reporter that overrides
    ``add_findings(result, findings)`` (optionally ``begin_file(result)`` and
    ``end_file(result)``) gets a streamed JSON Lines file's findings article
    by article instead. See ``newslint.reporters.base.Reporter``.
    A plugin's reporter takes precedence over a built-in one of the same name.
    """


@hookspec
def newslint_enrich_article(article, config):
    """Add knowledge to a parsed article before rules run.

    Called for every article (a file may hold several), before any rule.
    ``article`` is a ``newslint.article.model.Article``; ``config`` the
    ``newslint.config.Config`` that applies to the file. Mutate ``article``
    in place, for example append ``newslint.article.cast.KnownPerson``
    entries to ``article.people_extra`` from a newsroom's staff list. The
    return value is ignored; an entry without a ``name`` is removed and
    reported as a plugin error.
    """


@hookspec
def newslint_check(article, config):
    """Yield or return ``newslint.findings.Finding`` objects for an article.

    Called for every article, after the rules. For checks that are not rule
    kinds. Each finding's ``rule`` names a rule id (``pack.rule-name``);
    ``offset``/``length`` point into ``article.source.text``. Line, column
    and match are filled in by newslint, and selection, severity overrides
    and suppressions apply as usual. Anything else yielded, or a span outside
    the text, is dropped and reported as a plugin error.
    """
