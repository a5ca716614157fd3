"""News-aware rule kinds: checks that need the article model (the cast of
people, quotations, captions against the body). Packs in ``rules/``
configure them like any generic kind."""


def news_kinds() -> list:
    return []
