"""News-aware rule kinds: checks that need the article model (the cast of
people, quotations, captions against the body). Packs in ``rules/``
configure them like any generic kind. One module per kind (or family of
kinds); every ``RuleKind`` subclass with a ``name`` here is registered."""


def news_kinds() -> list:
    from newslint.kinds.base import RuleKind
    from newslint.registry import classes_in

    return classes_in("newslint.news", RuleKind)
