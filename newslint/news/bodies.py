"""Which post a body belongs to: a minister's ministry, a director's department, a union
leader's members, a chief executive's company.

Shared by the pronoun rule ("Ahrens said her government": the defense minister's own, whoever
else the paragraph names) and the wrong-title rule ("The auditor said her members": a union's
members are its president's, not the state auditor's).
"""

from __future__ import annotations

from newslint import rx as regex

#: the institutions a post belongs to, by the post's head: "her government" after "NAME said" is
#: the minister's own when no one else near holds a post in one
GOVERNMENT_HEADS = frozenset("minister secretary chancellor premier president governor mayor ambassador".split())
MINISTRY_HEADS = frozenset("minister secretary".split())
DEPARTMENT_HEADS = frozenset("chief commissioner director secretary minister".split())
#: posts whose holder runs an office of their own ("Oyelaran said her office" for the district attorney)
OFFICE_HEADS = frozenset("""attorney prosecutor sheriff mayor governor auditor treasurer clerk comptroller controller
assessor coroner recorder commissioner general""".split())
#: the bodies that a post's head alone may own ("her ministry" for any minister)
HEADED = frozenset(("government", "ministry", "administration", "department", "office"))
#: a business a post heads, whatever its trade: "Brandt said her airline" for the chief executive of
#: Nordavia (the post names the business, not what it sells)
BUSINESS_NOUNS = frozenset("company firm airline bank".split())
BUSINESS_HEADS = frozenset("executive president chairman chairwoman chair founder owner".split())
#: a membership body a post leads: "Okafor said his members" for the president of a nurses' alliance
MEMBERSHIP_WORDS = frozenset("union alliance federation association guild league council society bureau coalition "
                             "caucus party club local".split())
MEMBERSHIP_HEADS = frozenset("president chairman chairwoman chair leader head secretary".split())

_LETTERS = regex.compile(r"[\p{L}]+")


def _kinds(noun: str) -> frozenset:
    return MINISTRY_HEADS if noun == "ministry" else DEPARTMENT_HEADS if noun == "department" \
        else OFFICE_HEADS if noun == "office" else GOVERNMENT_HEADS


def body_heads(noun: str) -> frozenset:
    """The post heads that may own the body ``noun`` by their kind alone or as its head "of" it."""
    if noun in BUSINESS_NOUNS:
        return BUSINESS_HEADS
    if noun == "members":
        return MEMBERSHIP_HEADS
    return _kinds(noun)


def owns_body(titles, noun: str, heads=()) -> bool:
    """Whether a current post among ``titles`` (or a title-only reference's ``heads``) owns the
    body ``noun`` ("government", "department", "company", "members", ...): the post names it, or
    heads that kind of body ("minister": a ministry), or is the head "of" a named business or the
    leader "of" a union or an association."""
    kinds = _kinds(noun)
    for t in titles:
        if t.former:
            continue  # ("a former federal prosecutor" runs no office now)
        words = {w.lower().rstrip("s") for w in _LETTERS.findall(t.text)}
        last = t.head.split()[-1]
        if noun in words or noun in HEADED and last in kinds:
            return True
        if " of " in t.text and (noun in BUSINESS_NOUNS and last in BUSINESS_HEADS
                                 or noun == "members" and last in MEMBERSHIP_HEADS
                                 and not words.isdisjoint(MEMBERSHIP_WORDS)):
            return True  # (the head "of" a named business; the leader "of" a union or an association)
    return noun in HEADED and any(h.split()[-1] in kinds for h in heads)
