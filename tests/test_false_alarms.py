"""False alarms on clean copy: page furniture, passages pasted twice, serial-comma consistency.

The per-rule fixtures hold each rule's cases; this file checks the shared
pieces behind them: the furniture detector (what counts and, as important,
what ordinary news prose never trips), the engine dropping findings in
furniture and in a passage repeated word for word, and the rules that tally
a whole article leaving furniture out of the count.
"""

from __future__ import annotations

import pytest

from newslint.article.furniture import furniture_blocks, is_furniture
from newslint.article.parsers.text import TextParser
from newslint.article.source import Source
from newslint.config import Settings
from newslint.testing import make_linter


@pytest.fixture(scope="module")
def linter():
    return make_linter()


def findings(linter, text, rule, rules=None):
    settings = Settings(select=(rule,),
                        rules=tuple(sorted((k, tuple(sorted(v.items()))) for k, v in (rules or {}).items())))
    result = linter.lint_text(text, settings=settings)
    assert not result.errors, result.errors
    return result.findings


@pytest.mark.parametrize("text", [
    "Copyright 2023 Nexstar Media Inc. All rights reserved. This material may not be published, "
    "broadcast, rewritten, or redistributed.",
    "© 2023 Miami Today. All Rights Reserved.",
    "Thanks for contacting us. We've received your submission.",
    "Gothamist is funded by sponsors and member donations",
    "Sign up for our newsletter. We won't share your email address.",
    "Never miss the latest news by signing up to our newsletter today!",
    "We use cookies to improve our service for you. You can find more information in our data protection declaration.",
    "This article originally appeared on VICE US.",
    "Read more: A Controversial Technology Is Creating an Unprecedented Rift Among Climate Scientists",
    "Related Coverage",
    "Advertisement",
    "Subscribe now to get the latest news delivered right to your inbox.",
    "Advertising disclosure: We may receive compensation for some of the links in our stories.",
    "To view the full story, please subscribe to The Haitian Times. You can choose a $60 Annual Subscription.",
])
def test_furniture(text):
    assert is_furniture(text)


@pytest.mark.parametrize("text", [
    "The newspaper sued the startup for copyright infringement on Tuesday, saying its articles were copied.",
    "The company said the elections and the World Cup are likely to present advertising opportunities.",
    "Related charges were filed against two other men, prosecutors said.",
    "Readers who subscribe to the paper's print edition will pay 10% more from January.",
    "The council's newsletter, mailed to 5,000 homes, carried the notice in March and again in June.",
    "Facebook changed its privacy policy after the ruling, the company said.",
    "Watch parties were held across the city as the results came in.",
    "",
])
def test_not_furniture(text):
    assert not is_furniture(text)


def test_furniture_blocks_leave_headlines_and_caption_credits():
    text = "Copyright office reopens\n\nThe office reopened on Monday.\n\n© 2023 Miami Today. All Rights Reserved."
    article = TextParser().parse(Source("case.txt", text), {"fields": {}, "errors": []})[0]
    kinds = {b.index: b.kind for b in article.blocks}
    assert [kinds[i] for i in sorted(furniture_blocks(article))] == ["body"]
    assert furniture_blocks(article) is furniture_blocks(article)  # cached per article


def test_engine_drops_findings_in_furniture(linter):
    story = "The mayor said the the budget would pass."
    notice = "Sign up for our newsletter and and never miss a story."
    found = findings(linter, f"{story}\n\n{notice}", "mechanics.doubled-word")
    assert [f.match for f in found] == ["the the"]


def test_mixed_quotes_ignores_furniture_in_the_count(linter):
    body = "\n\n".join(["“We’re ready,” the mayor said.", "“It’s done,” she added.", "The vote is Tuesday."])
    found = findings(linter, body + "\n\nThanks for contacting us. We've received your submission.",
                     "mechanics.mixed-quotes")
    assert found == []
    found = findings(linter, body + "\n\nThe council's clerk didn't comment.", "mechanics.mixed-quotes")
    assert [f.match for f in found] == ["'"]


def test_repeated_passage_reports_every_finding(linter):
    # a passage pasted twice is flagged as such by captions.repeated-sentence; the slips in
    # both copies are still reported, so an editor (or --fix) sees every one of them
    passage = ("Officials said the the storm had passed by Tuesday morning.\n\n"
               "Crews worked through the night to restore power.")
    once = findings(linter, passage, "mechanics.doubled-word")
    twice = findings(linter, passage + "\n\n" + passage, "mechanics.doubled-word")
    assert (len(once), len(twice)) == (1, 2)
    repeated = findings(linter, passage + "\n\n" + passage, "captions.repeated-sentence")
    assert len(repeated) == 1


def test_two_hits_in_one_sentence_are_both_kept(linter):
    text = "He said the the council and and the mayor agreed on the plan."
    assert [f.match for f in findings(linter, text, "mechanics.doubled-word")] == ["the the", "and and"]


def test_repeated_sentence_skips_repeated_notices(linter):
    notice = "Gothamist is funded by sponsors and member donations from readers like you."
    story = "The council approved the budget on Tuesday after a long debate."
    text = "\n\n".join([story, notice, "Residents packed the hall.", notice, story])
    found = findings(linter, text, "captions.repeated-sentence")
    assert [f.match for f in found] == [story]


@pytest.mark.parametrize("style, expected", [
    ("consistent", []),
    ("omit", [", and "]),
])
def test_serial_comma_styles_on_a_consistent_story(linter, style, expected):
    text = "Leaders of Egypt, Jordan, and Qatar met. Aid went to Gaza, Lebanon, and Syria."
    found = findings(linter, text, "usage.serial-comma", rules={"usage.serial-comma": {"style": style}})
    assert [f.match for f in found] == expected


def test_serial_comma_uk_profile_is_consistency_first(linter):
    text = "Leaders of Egypt, Jordan, and Qatar met. Aid went to Gaza, Lebanon, and Syria."
    result = linter.lint_text(text, settings=Settings(select=("usage.serial-comma",), profile="uk"))
    assert result.findings == []
    mixed = text + " Fuel went to Haifa, Acre and Nazareth."
    result = linter.lint_text(mixed, settings=Settings(select=("usage.serial-comma",), profile="uk"))
    assert [f.match for f in result.findings] == [" and "]
