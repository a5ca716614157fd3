"""Page furniture beyond single notices: link-line labels ("Tags:"), excerpts of other stories
cut off with "[…]", the short lines of a newsletter box between two notices, and the heading
over a list of other stories ("More news")."""

from __future__ import annotations

import pytest

from newslint.article.furniture import furniture_blocks, is_furniture, is_section_end
from newslint.article.parsers.text import TextParser
from newslint.article.source import Source


def _article(text):
    return TextParser().parse(Source("case.txt", text), {"fields": {}, "errors": []})[0]


def _furniture_texts(text):
    article = _article(text)
    return [b.text for b in article.blocks if b.index in furniture_blocks(article)]


@pytest.mark.parametrize("text", [
    "Tags: caribbean financial access roundtable keith mitchell",
    "Tagged",
    "Filed under: Politics, Elections",
    "MORE news",
    "The good folks at the choir are still doing their thing, and now they have brought in a drummer […]",
    "It would probably be the one company that made all of it possible [...] READ THE REST",
])
def test_more_furniture(text):
    assert is_furniture(text)


@pytest.mark.parametrize("text", [
    "Tags were attached to the birds' legs before they were released, the researchers said.",
    "Topics at the summit included trade, security and climate.",
    "“The city must act now […]”",
    "He wrote that the plan [...] would fail, and the council agreed.",
    "More news is expected from the ministry on Tuesday.",
])
def test_not_more_furniture(text):
    assert not is_furniture(text)


def test_lines_of_a_box_between_two_notices_are_furniture():
    text = ("Cork moves to Level 3\n\nPubs will serve outdoors only from midnight.\n\n"
            "Never miss the latest news by signing up to our newsletter today!\n\n"
            "Simply pop your email into the box at the top of this article.\n\n"
            "Every day we'll send you a roundup of news, entertainment and sport.\n\n"
            "You can unsubscribe from this service at any time.\n\nCinemas will shut.")
    assert _furniture_texts(text) == [
        "Never miss the latest news by signing up to our newsletter today!",
        "Simply pop your email into the box at the top of this article.",
        "Every day we'll send you a roundup of news, entertainment and sport.",
        "You can unsubscribe from this service at any time.",
    ]


def test_story_between_notices_is_not_a_box():
    # a long paragraph, or three short ones, between two notices; and a paragraph between two
    # link lines ("Advertisement" at every break) are story prose
    long = " ".join(["The council voted on the budget after a long debate."] * 4)
    pitch = "Sign up for our newsletter today!"
    assert _furniture_texts(f"Budget passes\n\n{pitch}\n\n{long}\n\n{pitch}") == [pitch, pitch]
    short = ["The vote was 5-2.", "The mayor left early.", "Residents cheered."]
    assert _furniture_texts("Budget passes\n\n" + "\n\n".join([pitch, *short, pitch])) == [pitch, pitch]
    story = "The vote was 5-2 after a long debate on Tuesday."
    assert _furniture_texts(f"Budget passes\n\nAdvertisement\n\n{story}\n\nAdvertisement") == \
        ["Advertisement", "Advertisement"]


@pytest.mark.parametrize("text,expected", [
    ("More news", True), ("Most read", True), ("You may also like", True), ("More from The Times", True),
    ("More news is expected on Tuesday.", False), ("Related Coverage", False), ("Advertisement", False),
])
def test_section_end(text, expected):
    assert is_section_end(text) is expected
