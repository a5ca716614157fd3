"""Sentence splitting on news copy: abbreviations, initials, decimals, quotes."""

import pytest
from hypothesis import given, settings, strategies as st

from newslint.article.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text", [
    "The U.S. Embassy in Jerusalem was closed on Tuesday.",
    "Officials at the U.K. Foreign Office and the U.N. Security Council met.",
    "He landed at 3 a.m. Eastern time and left at 10 p.m. Friday.",
    "Mr. Smith, Mrs. Jones, Ms. Lee and Dr. Patel met Gov. Jerry Brown.",
    "Lt. Gov. Gavin Newsom spoke with Sen. Dianne Feinstein and Rep. Nancy Pelosi.",
    "The Rev. Al Sharpton, Gen. Mark Milley, Col. Sanders and Sgt. Pepper attended.",
    "He lives on St. Charles Avenue near St. Louis.",
    "The vote is set for Jan. 5, with hearings on Feb. 9, Aug. 3 and Sept. 12.",
    "Filings are due Oct. 1, Nov. 15 and Dec. 31, the agency said.",
    "He lives at No. 10 Downing Street.",
    "Apple Inc. Chief Executive Tim Cook met Ford Motor Co. and Acme Corp. executives.",
    "Barclays Ltd. Chairman John Smith Jr. and Mark Davis Sr. were there.",
    "It was Kansas vs. Missouri, again.",
    "They bought apples, pears, etc. from the market.",
    "Elizabeth A. Burton and J.K. Rowling were on the list.",
    "Growth slowed to 3.1 percent from 4.25 percent, or $1.13 billion.",
    "The U.S.-based company said so.",
])
def test_one_sentence(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize("text, expected", [
    ("He moved to the U.S. The move was costly.", ["He moved to the U.S.", "The move was costly."]),
    ("It is based in the U.S. He said so.", ["It is based in the U.S.", "He said so."]),
    ("She works for Apple Inc. It is based in California.",
     ["She works for Apple Inc.", "It is based in California."]),
    ("The meeting ended at 5 p.m. But talks went on.", ["The meeting ended at 5 p.m.", "But talks went on."]),
    ("They met in Jan. The talks failed.", ["They met in Jan.", "The talks failed."]),
    ("Send the forms, bills, etc. Then wait.", ["Send the forms, bills, etc.", "Then wait."]),
    ("He took Plan B. It failed.", ["He took Plan B.", "It failed."]),
    ("“We are here.” He left.", ["“We are here.”", "He left."]),
    ('"Why?" Nobody knew.', ['"Why?"', "Nobody knew."]),
    ("He moved to the U.S. “It was time,” he said.", ["He moved to the U.S.", "“It was time,” he said."]),
    ("“Go to the U.S.” He did.", ["“Go to the U.S.”", "He did."]),
])
def test_abbreviation_can_end_a_sentence(text, expected):
    assert sentences(text) == expected


def test_abbreviation_before_a_name_does_not_end_a_sentence():
    text = "He praised the U.S. Army. Officials agreed."
    assert sentences(text) == ["He praised the U.S. Army.", "Officials agreed."]


def test_blinken_paragraph():
    text = ("Blinken landed in Tel Aviv shortly after 3 a.m. Eastern time, 10 a.m. local time. "
            "He was greeted on the tarmac by government officials who gave him warm hugs. "
            "The secretary did not provide any information when she arrived.")
    assert sentences(text) == [
        "Blinken landed in Tel Aviv shortly after 3 a.m. Eastern time, 10 a.m. local time.",
        "He was greeted on the tarmac by government officials who gave him warm hugs.",
        "The secretary did not provide any information when she arrived.",
    ]


def test_question_inside_quote_followed_by_lowercase_attribution():
    text = "“Why now?” she asked. “Because,” he said."
    assert sentences(text) == ["“Why now?” she asked.", "“Because,” he said."]


def test_quotation_with_several_sentences_is_split_inside():
    text = "“We know. We care. We will act,” he said."
    assert sentences(text) == ["“We know.", "We care.", "We will act,” he said."]


def test_sentence_end_inside_closing_quotes():
    text = 'He said "no." She said "yes!" They left.'
    assert sentences(text) == ['He said "no."', 'She said "yes!"', "They left."]


def test_ellipsis():
    assert sentences("We waited... The bus never came.") == ["We waited...", "The bus never came."]
    assert sentences("We waited … The bus never came.") == ["We waited …", "The bus never came."]
    # before a name an ellipsis is a pause, not an end
    assert sentences("“We waited … Blinken never came,” she said.") == ["“We waited … Blinken never came,” she said."]
    assert sentences("It ended.... Nobody cared.") == ["It ended....", "Nobody cared."]


def test_exclamation_and_lowercase_continuation():
    assert sentences("Stop! He ran. It was over.") == ["Stop!", "He ran.", "It was over."]
    assert sentences("The iPhone sold out. iPads did not.") == ["The iPhone sold out. iPads did not."]


def test_spans_exclude_whitespace():
    text = "  First one.   Second one.  \n"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert spans[0][0] == 2


def test_empty_and_blank():
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []
    assert split_sentences("no end") == [(0, 6)]


def test_digit_starts_a_sentence_but_not_after_an_abbreviation():
    assert sentences("He was born in 1990. 2004 was his best year.") == [
        "He was born in 1990.", "2004 was his best year."]
    assert sentences("Talks resume Jan. 2024 is the target.") == ["Talks resume Jan. 2024 is the target."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbB .!?…“”\"'’\n\t3.USMr")), max_size=80) | st.text(max_size=60))
def test_spans_are_ordered_and_within_bounds(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    # every non-space character belongs to a sentence
    covered = sum(end - start for start, end in spans)
    assert covered >= len("".join(text.split())) if spans else not text.strip()
