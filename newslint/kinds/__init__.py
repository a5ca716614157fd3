"""Generic rule kinds: the declarative vocabulary of YAML packs.

One module per kind; every ``RuleKind`` subclass with a ``name`` defined in
this package is registered by the built-in plugin.
"""

from newslint.kinds.base import CheckContext, Hit, Option, OptionError, RuleKind

__all__ = ["CheckContext", "Hit", "Option", "OptionError", "RuleKind", "builtin_kinds"]


def builtin_kinds() -> list[type[RuleKind]]:
    from newslint.registry import classes_in

    return classes_in("newslint.kinds", RuleKind)
