"""Generic rule kinds: the declarative vocabulary of YAML packs.

Each module holds one kind. ``BUILTIN_KINDS`` is what the built-in plugin
registers through the ``newslint_rule_kinds`` hook.
"""

from newslint.kinds.base import CheckContext, Hit, Option, OptionError, RuleKind

__all__ = ["CheckContext", "Hit", "Option", "OptionError", "RuleKind", "builtin_kinds"]


def builtin_kinds() -> list[type[RuleKind]]:
    from newslint.kinds.existence import Existence
    from newslint.kinds.substitution import Substitution

    kinds: list[type[RuleKind]] = [Existence, Substitution]
    try:  # kinds added by later modules register here
        from newslint.kinds import extra  # noqa: F401
    except ImportError:
        pass
    return kinds
