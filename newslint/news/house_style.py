"""House-style choices: where reputable guides disagree, a story is judged against itself.

Shared by the numbers, usage and titles rules that enforce such a choice
(docs/profiles.md, "House-style choices: enforce").
"""

from __future__ import annotations

from newslint.kinds.base import Option

#: a house-style choice where reputable guides differ (docs/profiles.md)
ENFORCE_CHOICES = ("consistent", "always")


def enforce_option(what: str) -> Option:
    """The ``enforce`` option of a rule that enforces a house-style choice.

    ``consistent`` (the default): a story that follows one recognised convention
    throughout is left alone, even when it is not the house's; in a story that
    mixes conventions, the uses that differ from the house form are flagged.
    ``always``: every use that differs from the house form is flagged.
    """
    return Option("str", default="consistent", choices=ENFORCE_CHOICES,
                  doc=f"consistent: flag {what} only in a story that mixes conventions; "
                      "always: every form other than the house's")


def mix_note(labels, house: str) -> str:
    """ 'this story mixes "9am" (2) and "9 a.m." (1); house style: "9 a.m."' for a message template.

    ``labels`` are the story's uses of the choice, one label (an example of the form) per
    use, in order of appearance: the forms are listed by count, ties in order of appearance.
    """
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    forms = [f"\"{label}\" ({counts[label]})" for label in sorted(counts, key=lambda k: -counts[k])]
    listed = forms[0] if len(forms) == 1 else ", ".join(forms[:-1]) + " and " + forms[-1]
    note = f"this story mixes {listed}; house style: {house}"
    return note.replace("{", "{{").replace("}", "}}")
