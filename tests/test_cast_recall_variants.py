"""Recall of the cast on variants of the blind articles' sentences (issue 3, bar 1).

Blind articles scored 6-8/11 must on their first run because the cast linked too few title-only
references and pronouns. Each variant below gives a person a pronoun, then slips with the other
one in one of the ways real copy refers back to people; ``pronouns.mismatch`` must find the slip.
(Misses that are known and left alone are listed in tests/acceptance/pending/README.md.)
"""

from __future__ import annotations

import pytest

from newslint.config import Settings
from newslint.testing import make_linter

_SHE = ("Mayor Karen Lowe opened the new shelter on Monday. She said the city had spent $2 million on it.\n\n"
        "“We did this fast,” she said.\n\n")
_SLIPS_AFTER_SHE = [
    "Lowe told reporters he would ask the council for more money.",
    "Lowe told The Associated Press that he would ask the council for more money.",
    "Lowe said Tuesday that he would ask the council for more money.",
    "Lowe said in a statement that he would ask the council for more money.",
    "Lowe, 52, said he would ask the council for more money.",
    "Lowe, a Democrat, said he would ask the council for more money.",
    "Lowe, who took office in 2021, said he would ask the council for more money.",
    "The mayor told reporters he would ask the council for more money.",
    "The mayor said Tuesday that he would ask the council for more money.",
    "Lowe said the city would ask the council for more money. He did not say how much.",
    "Asked about the cost, Lowe said he would ask the council for more money.",
    "“We need more,” Lowe said, adding that he would ask the council.",
]
_HE = ("Fire Chief Robert Alvarez said crews had contained the blaze by noon. He said two firefighters were "
       "treated for heat exhaustion.\n\n“We were lucky with the wind,” he said.\n\n")
_SLIPS_AFTER_HE = [
    "Alvarez said her department would review the response.",
    "The chief said she would ask for more staff.",
    "The fire chief said she would ask for more staff.",
    "The department's chief said she was proud of the crews.",
    "Crews will stay overnight, she said.",
    "Alvarez, a 30-year veteran of the department, said she was proud of the crews.",
    "In a statement, the chief said she was proud of the crews.",
    "“I am proud of them,” the chief said, adding that she would ask for more staff.",
]
#: ways to give a post, and the post alone that later refers to the person
_POSTS = [
    ("Police Chief Sandra Cole", "The chief"),
    ("Sandra Cole, the county's police chief,", "The chief"),
    ("County health director Sandra Cole", "The director"),
    ("Sandra Cole, director of the county health department,", "The director"),
    ("Sandra Cole, the school board president,", "The president"),
    ("Acme Corp. Chief Executive Sandra Cole", "The chief executive"),
    ("State Sen. Sandra Cole", "The senator"),
    ("Sandra Cole, a state senator,", "The senator"),
    ("Sandra Cole, the team's head coach,", "The coach"),
    ("Fire Capt. Sandra Cole", "The captain"),
    ("Principal Sandra Cole", "The principal"),
    ("Sandra Cole, the principal of Lincoln Elementary,", "The principal"),
    ("Sandra Cole, the city manager,", "The city manager"),
]


@pytest.fixture(scope="module")
def linter():
    return make_linter()


def _slips(linter, text):
    result = linter.lint_text(text, settings=Settings(select=("pronouns.mismatch",)))
    return [f for f in result.findings if f.rule == "pronouns.mismatch"]


@pytest.mark.parametrize("slip", _SLIPS_AFTER_SHE)
def test_he_after_she(linter, slip):
    found = _slips(linter, _SHE + slip)
    assert [f.line for f in found] == [5], found


@pytest.mark.parametrize("slip", _SLIPS_AFTER_HE)
def test_she_after_he(linter, slip):
    found = _slips(linter, _HE + slip)
    assert found and all(f.line == 5 for f in found), found


@pytest.mark.parametrize("intro,ref", _POSTS)
def test_post_alone_links_to_its_holder(linter, intro, ref):
    text = (f"{intro} said Monday that the county would open two more shelters. She said 300 people had "
            f"registered.\n\n“We are ready,” she said.\n\nThe storm moved east overnight.\n\n"
            f"{ref} said he would ask the state for help.")
    found = _slips(linter, text)
    assert [f.line for f in found] == [7], found
