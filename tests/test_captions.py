"""The captions pack: fixtures, embedded examples, the normalising and
credit-stripping helpers, profiles and the cost of articles without captions."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newslint.config import parse_settings
from newslint.news.captions import caption_end, content_words, excerpt, is_credit, normalise
from newslint.testing import check, check_examples, fixture_params, make_linter

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
RULES = ["captions.duplicate", "captions.paraphrase", "captions.repeated-sentence", "captions.length",
         "captions.present-tense"]


@pytest.mark.parametrize("case", fixture_params(sorted(FIXTURES.glob("captions.*.yaml"))))
def test_fixture(case):
    check(case)


@pytest.mark.parametrize("rule", RULES)
def test_examples(rule):
    assert check_examples(rule) >= 1


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_has_a_fixture_with_enough_cases(rule):
    import yaml

    data = yaml.safe_load((FIXTURES / f"{rule}.yaml").read_text(encoding="utf-8"))
    failing = sum(1 for c in data["cases"] if c["findings"])
    passing = sum(1 for c in data["cases"] if not c["findings"])
    assert failing >= 3 and passing >= 3


@pytest.fixture(scope="module")
def linter():
    return make_linter()


def findings(linter, text, rule, path="case.txt", **settings):
    """Findings of one rule; ``settings`` are config keys (profile, rules: {id: {option: value}})."""
    layer = parse_settings({"select": [rule], **settings}, "<test>")
    result = linter.lint_text(text, path=path, settings=layer)
    assert result.error is None and not result.errors
    return [f for f in result.findings if f.rule == rule]


# -- helpers -------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("“We’re here,” Blinken said.", '"We\'re here," Blinken said'),
    ("Hamas’s attack — the worst", "HAMAS'S ATTACK - THE WORST"),
    ("so-called  ‘experts’", "so called experts"),
])
def test_normalise_unifies_quotes_case_dashes_and_spaces(a, b):
    assert normalise(a) == normalise(b)


def test_normalise_keeps_words_apart():
    assert normalise("U.S.-led talks") == "u s led talks"
    assert normalise("Israel's back") != normalise("Israel is back")


@pytest.mark.parametrize("caption, own", [
    ("Students arrive in Vienna. (AP Photo/Lisa Leutner)", "Students arrive in Vienna."),
    ("Striking members at University College. | Photograph: Guy Smallman/Getty Images",
     "Striking members at University College."),
    ("Warren, Biden and Sanders in Atlanta. Toni L. Sandys / The Washington Post / Getty Images",
     "Warren, Biden and Sanders in Atlanta."),
    ("The Barbados Tridents training ahead of a match. (FILE)", "The Barbados Tridents training ahead of a match."),
    ("The grid control center in Folsom. Credit... Rich Pedroncelli/Associated Press", "The grid control center in Folsom."),
    ("The latest iPhone is a massive upgrade.\nImage credit: www.apple.com/in/", "The latest iPhone is a massive upgrade."),
    ("A basket of wild strawberries (1761). Courtesy Louvre", "A basket of wild strawberries (1761)."),
    ("A garda watches over the city (Image: @GardaTraffic)", "A garda watches over the city"),
    # not credits: kept whole
    ("Image caption | About 40 bodies were buried on Thursday", "Image caption | About 40 bodies were buried on Thursday"),
    ("Photo: Yhomo Hutchinson", "Photo: Yhomo Hutchinson"),
    ("Dr. Smith (left) greets patients in Atlanta", "Dr. Smith (left) greets patients in Atlanta"),
])
def test_caption_end_cuts_off_credits(caption, own):
    assert caption[:caption_end(caption)] == own


def test_is_credit():
    assert is_credit("Image credit: www.apple.com/in/")
    assert is_credit("(AP Photo/Evan Vucci)")
    assert not is_credit("The photo shows the mayor.")


def test_content_words_leave_out_names_and_function_words():
    words = content_words("Blinken was seen sitting opposite Netanyahu alongside teams of aides")
    assert "blinken" not in words and "netanyahu" not in words and "of" not in words
    assert {"sitt", "opposite", "team", "aide"} <= words


def test_excerpt_cuts_at_a_word():
    text = "Secretary of State Antony Blinken met with Israeli Prime Minister Benjamin Netanyahu"
    assert excerpt(text, 48) == "Secretary of State Antony Blinken met with ..."
    assert excerpt("Short text", 48) == "Short text"


# -- behaviour beyond the fixtures ----------------------------------------------

BLINKEN_LIKE = (
    "Secretary of State Antony Blinken met with Israeli Prime Minister Benjamin Netanyahu at Kirya, "
    "the headquarters of the country’s Defense Ministry, following the attack.\n"
    "“We’re here and we’re not going anywhere,” Blinken told Netanyahu as the two shook hands. "
    "The secretary also said that he was sorry.\n"
    "Before leaving, Blinken said his simple message was that “the United States has Israel’s back.”\n"
    "“We’re here and we’re not going anywhere,” Blinken told Netanyahu as the two shook hands\n"
    "He was welcomed by Israeli Foreign Minister Eli Cohen on the tarmac.\n"
    "Secretary of State Antony Blinken met with Israeli Prime Minister Benjamin Netanyahu as part of his "
    "diplomatic mission to the country\n"
    "He will travel to Jordan on Friday.\n"
    "“The United States has Israel’s back.”\n"
)


def test_single_newline_article_with_captions(linter):
    found = findings(linter, BLINKEN_LIKE, "captions.duplicate")
    assert [(f.line, f.message) for f in found] == [
        (4, 'Caption repeats a body sentence (line 2): "“We’re here and we’re not going anywhere,” ..."'),
        (6, 'Caption nearly repeats the lede (line 1): "Secretary of State Antony Blinken met with ..."'),
    ]
    # the finding spans the whole caption
    assert found[1].match.startswith("Secretary of State") and found[1].match.endswith("to the country")
    repeated = findings(linter, BLINKEN_LIKE, "captions.repeated-sentence")
    assert [(f.line, f.match) for f in repeated] == [(8, "“The United States has Israel’s back.”")]


def test_captions_from_json(linter):
    import json

    text = json.dumps({
        "headline": "Blinken lands in Israel",
        "body": "Secretary of State Antony Blinken met with Israeli Prime Minister Benjamin Netanyahu on Thursday.\n\n"
                "The talks lasted two hours.",
        "captions": ["Secretary of State Antony Blinken met with Israeli Prime Minister Benjamin Netanyahu on Thursday.",
                     "Blinken shakes hands with Netanyahu"],
    }, ensure_ascii=False)
    found = findings(linter, text, "captions.duplicate", path="story.json")
    assert len(found) == 1
    assert found[0].match == ("Secretary of State Antony Blinken met with Israeli Prime Minister "
                              "Benjamin Netanyahu on Thursday.")
    assert "repeats the lede" in found[0].message


def test_option_override_max_sentences(linter):
    text = ("Flood waters rise\n\nThe river broke its banks.\n\n"
            "Photo: Residents wade through a flooded street on Tuesday. The river broke its banks overnight.")
    assert findings(linter, text, "captions.length") == []
    found = findings(linter, text, "captions.length", rules={"captions.length": {"max_sentences": 1}})
    assert [f.match for f in found] == ["The river broke its banks overnight."]


def test_uk_profile_turns_present_tense_off(linter):
    text = "Protest in London\n\nThousands joined.\n\nPhoto: Protesters marched along Whitehall on Saturday."
    assert len(findings(linter, text, "captions.present-tense")) == 1
    assert findings(linter, text, "captions.present-tense", profile="uk") == []


def test_near_duplicate_threshold_can_be_turned_off(linter):
    text = BLINKEN_LIKE
    found = findings(linter, text, "captions.duplicate", rules={"captions.duplicate": {"near": 0.0}})
    assert [f.line for f in found] == [4]


def test_pasted_twice_article_is_one_finding(linter):
    body = "\n\n".join(f"Paragraph number {i} tells the reader something new about the council vote." for i in range(8))
    text = "Council vote\n\n" + body + "\n\nThe mayor left early.\n\n" + body
    # eight paragraphs repeated in order: one passage
    found = findings(linter, text, "captions.repeated-sentence")
    assert len(found) == 1 and "the 8 sentences" in found[0].message
    scrambled = "\n\n".join(f"Paragraph number {i} tells the reader something new about the council vote."
                            for i in (3, 0, 6, 1, 7))
    found = findings(linter, "Council vote\n\n" + body + "\n\n" + scrambled, "captions.repeated-sentence")
    assert len(found) == 1 and "more repeated passages" in found[0].message


def test_articles_without_captions_are_cheap(linter):
    body = "\n\n".join(f"Officials in district {i} said the new budget would add {i} teachers to local schools."
                       for i in range(400))
    text = "Budget passes\n\n" + body
    start = time.process_time()
    findings(linter, text, "captions.duplicate")
    no_captions = time.process_time() - start
    captions = "\n\n".join(f"Photo: Teachers in district {i} prepare classrooms before the school year begins"
                           for i in range(60))
    start = time.process_time()
    found = findings(linter, text + "\n\n" + captions, "captions.duplicate")
    with_captions = time.process_time() - start
    assert found == []
    assert no_captions < 1.0 and with_captions < 2.0


@pytest.mark.parametrize("path, text, line", [
    ("story.md",
     "# Mayor vows to rebuild after tornado\n\n"
     "The tornado destroyed 40 homes in the town on Sunday night, officials said.\n\n"
     "![“We will rebuild every home,” Mayor Ana Ruiz told residents as she toured the damage](ruiz.jpg)\n\n"
     "“We will rebuild every home,” Mayor Ana Ruiz told residents as she toured the damage. "
     "She did not say how the work would be paid for.\n", 5),
    ("story.html",
     "<html><body><article><h1>Storm knocks out power</h1>\n"
     "<p>More than 200,000 customers lost power in Michigan after a storm brought down trees and lines on "
     "Wednesday.</p>\n<figure><img src=\"a.jpg\"><figcaption>More than 200,000 customers lost power in "
     "Michigan after a storm brought down trees and lines on Wednesday.</figcaption></figure>\n"
     "<p>Crews expect to restore service by the weekend.</p></article></body></html>\n", 3),
])
def test_captions_from_markdown_and_html(linter, path, text, line):
    found = findings(linter, text, "captions.duplicate", path=path)
    assert [f.line for f in found] == [line]
    assert found[0].message.startswith("Caption repeats ")
