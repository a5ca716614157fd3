"""Quotations: marks, nesting, running quotes and attribution (speaker and verb spans)."""

import re

import pytest
from hypothesis import assume, given, settings, strategies as st

from newslint.article.parsers.text import TextParser
from newslint.article.quotations import find_quotations, verb_class
from newslint.article.source import decode


def article(text: str):
    return TextParser().parse(decode(text.encode("utf-8"), "t.txt"), {})[0]


def span(text: str, sub: str, occurrence: int = 1) -> tuple[int, int]:
    """The ``occurrence``-th match of ``sub`` as a whole word (or phrase)."""
    found = list(re.finditer(r"(?<!\w)" + re.escape(sub) + r"(?!\w)", text))
    return found[occurrence - 1].span()


def only_quote(text: str):
    art = article(text)
    quotes = art.analysis.quotations
    assert len(quotes) == 1, quotes
    return art.blocks[quotes[0].block].text, quotes[0]


def assert_attribution(text, q, speaker, verb, shape, position, occurrence=1):
    a = q.attribution
    assert a is not None, f"no attribution for {text[q.start:q.end]!r}"
    assert (a.speaker, a.verb, a.shape, a.position) == (speaker, verb, shape, position)
    assert (a.speaker_start, a.speaker_end) == span(text, speaker, occurrence)
    verb_text = text[a.verb_start:a.verb_end]
    assert " ".join(verb_text.lower().split()) == verb


# -- marks -----------------------------------------------------------------------

def test_apostrophes_are_not_quote_marks():
    text = ("Israel’s army and Hamas’ fighters don’t agree, and the ’90s rock ’n’ roll "
            "era isn't back; O'Brien's band played rock 'n' roll in the '80s.")
    art = article(text)
    block = art.blocks[0]
    assert art.analysis.quotations == []
    roles = {role for _, _, role in art.analysis.quote_marks(block)}
    assert roles == {"apostrophe"}
    assert len(art.analysis.quote_marks(block)) == text.count("’") + text.count("'")


def test_apostrophes_inside_a_quotation():
    text = "“Hamas’ attack was the worst since the ’90s, and we don’t forget,” he said."
    text, q = only_quote(text)
    assert (q.start, q.end) == span(text, "“Hamas’ attack was the worst since the ’90s, and we don’t forget,”")
    assert q.closed and q.nested == []


def test_nested_single_quotes_inside_double():
    text = "“They called it ‘a disgrace,’ and I agree,” Sen. Elizabeth A. Burton said."
    art = article(text)
    text = art.blocks[0].text
    (q,) = art.analysis.quotations
    assert (q.start, q.end) == span(text, "“They called it ‘a disgrace,’ and I agree,”")
    assert (q.inner_start, q.inner_end) == (q.start + 1, q.end - 1)
    assert q.nested == [span(text, "‘a disgrace,’")]
    assert_attribution(text, q, "Sen. Elizabeth A. Burton", "said", "quote-then-speaker-verb", "after")
    block = art.blocks[0]
    # in_quote uses the outer quotation
    assert art.analysis.in_quote(block, *span(text, "disgrace"))
    assert art.analysis.in_quote(block, *span(text, "I agree"))
    assert not art.analysis.in_quote(block, *span(text, "Burton"))
    roles = [role for _, _, role in art.analysis.quote_marks(block)]
    assert roles == ["open", "open", "close", "close"]


def test_straight_nested_and_plural_possessive_inside_single_quotes():
    text = "\"Critics called it 'the Hamas' attack plan' on Monday,\" the minister said."
    text, q = only_quote(text)
    assert q.style == "straight"
    assert q.nested == [span(text, "'the Hamas' attack plan'")]
    assert_attribution(text, q, "the minister", "said", "quote-then-speaker-verb", "after")


def test_scare_quotes_after_a_word_ending_in_s():
    text = "And they say the pandemic has 'raised the stakes' because 'now, more than ever, we must act.'"
    art = article(text)
    quotes = art.analysis.quotations
    assert [art.blocks[0].text[q.start:q.end] for q in quotes] == [
        "'raised the stakes'", "'now, more than ever, we must act.'"]


def test_styles_curly_straight_mixed():
    art = article('“Curly,” he said.\n\n"Straight," she said.\n\n“Mixed," they said.')
    assert [q.style for q in art.analysis.quotations] == ["curly", "straight", "mixed"]


def test_inch_mark_is_not_a_quote():
    art = article("The 6'2\" forward signed on Monday.")
    assert art.analysis.quotations == []
    assert {r for _, _, r in art.analysis.quote_marks(art.blocks[0])} == {"apostrophe"}


def test_uk_single_quotes_top_level():
    text = "‘We are here,’ he said, ‘to stay, and it’s not Mr Smith’s call.’"
    art = article(text)
    text = art.blocks[0].text
    first, second = art.analysis.quotations
    assert (first.kind, first.style) == ("single", "curly")
    assert text[second.start:second.end] == "‘to stay, and it’s not Mr Smith’s call.’"
    assert_attribution(text, first, "he", "said", "quote-then-speaker-verb", "inside")
    assert_attribution(text, second, "he", "said", "quote-then-speaker-verb", "inside")


# -- unclosed and running quotes --------------------------------------------------

RUNNING = (
    "Blinken said: “We are leaving. This is final.\n\n"
    "“Nobody can stop us. Nobody will try.\n\n"
    "“We will return,” he added.\n\n"
    "The talks ended on Friday."
)


def test_running_quote_over_three_paragraphs():
    art = article(RUNNING)
    first, middle, last = art.analysis.quotations
    b0, b1, b2 = (art.blocks[q.block] for q in (first, middle, last))
    assert (first.running, first.continuation, first.closed) == (True, False, False)
    assert (middle.running, middle.continuation, middle.closed) == (True, True, False)
    assert (last.running, last.continuation, last.closed) == (False, True, True)
    assert (first.start, first.end) == span(b0.text, "“We are leaving. This is final.")
    assert first.end == len(b0.text) and middle.end == len(b1.text)
    assert (middle.start, middle.end) == (0, len(b1.text))
    assert b2.text[last.start:last.end] == "“We will return,”"
    assert first.sentences == 2 and middle.sentences == 2 and last.sentences == 1
    assert [first.paragraph_quote, middle.paragraph_quote, last.paragraph_quote] == [False, True, True]
    assert first.run == middle.run == last.run == first.index
    assert_attribution(b0.text, first, "Blinken", "said", "speaker-verb-colon-quote", "before")
    assert middle.attribution is None
    assert_attribution(b2.text, last, "he", "added", "quote-then-speaker-verb", "after")
    for block in (b0, b1):
        assert "unmatched" not in {r for _, _, r in art.analysis.quote_marks(block)}
    assert art.analysis.in_quote(b1, *span(b1.text, "Nobody will try"))


def test_unclosed_quote_without_continuation():
    art = article("The mayor called the plan “a disaster.\n\nThe council disagreed.")
    (q,) = art.analysis.quotations
    text = art.blocks[0].text
    assert (q.closed, q.running, q.continuation) == (False, False, False)
    assert (q.start, q.end) == (text.index("“"), len(text))
    assert art.analysis.quote_marks(art.blocks[0]) == [(text.index("“"), "“", "unmatched")]


def test_running_quote_needs_a_mark_of_the_same_kind():
    art = article("She said: “We are leaving.\n\n‘Nobody,’ he said, ‘agrees.’")
    first = art.analysis.quotations[0]
    assert not first.running and not first.closed


def test_running_quote_with_lost_paragraph_break():
    text = 'Moya admitted: "The Davis Cup is my dream. "Some people say I am obsessed."'
    art = article(text)
    text = art.blocks[0].text
    first, second = art.analysis.quotations
    assert (first.running, first.closed, second.continuation, second.closed) == (True, False, True, True)
    assert text[first.start:first.end] == '"The Davis Cup is my dream.'
    assert second.run == first.index
    assert "unmatched" not in {r for _, _, r in art.analysis.quote_marks(art.blocks[0])}


def test_stray_closing_mark_is_unmatched():
    art = article("The vote was close,” he said.")
    assert art.analysis.quotations == []
    assert [r for _, _, r in art.analysis.quote_marks(art.blocks[0])] == ["unmatched"]


# -- attribution shapes --------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, verb, shape, position", [
    ("“We’re here and we’re not going anywhere,” Blinken told Netanyahu as the two shook hands.",
     "Blinken", "told", "quote-then-speaker-verb", "after"),
    ("“We know that Israel will take all possible precautions,” he told reporters as he left.",
     "he", "told", "quote-then-speaker-verb", "after"),
    ("“We will stay,” the secretary said.", "the secretary", "said", "quote-then-speaker-verb", "after"),
    ("“We will stay,” the foreign minister also said.", "the foreign minister", "said",
     "quote-then-speaker-verb", "after"),
    ("“The Hamas attack is a reminder,” said Alex Vatanka, director of the Iran program at the Middle East "
     "Institute.", "Alex Vatanka", "said", "quote-then-verb-speaker", "after"),
    ("“I don’t know,” said a State Department official who asked not to be named.",
     "a State Department official", "said", "quote-then-verb-speaker", "after"),
    ("“It’s fine,” Alex Vatanka, director of the Iran program at the Middle East Institute, said.",
     "Alex Vatanka", "said", "quote-then-speaker-verb", "after"),
    ("“We will respond,” Prime Minister Benjamin Netanyahu said.", "Prime Minister Benjamin Netanyahu", "said",
     "quote-then-speaker-verb", "after"),
    ("“The threat is limited,” said Lukas Stefanko with ESET in a Monday analysis.", "Lukas Stefanko", "said",
     "quote-then-verb-speaker", "after"),
    ("“We tried,” U.S. officials told reporters.", "U.S. officials", "told", "quote-then-speaker-verb", "after"),
    ("“We tried,” his spokesman said.", "his spokesman", "said", "quote-then-speaker-verb", "after"),
    ("Before leaving the US, Blinken said his simple message was: “The United States stands with Israel.”",
     "Blinken", "said", "speaker-verb-colon-quote", "before"),
    ("Before leaving the US, Blinken said his simple message was that “the United States has Israel’s back.”",
     "Blinken", "said", "speaker-verb-that-quote", "before"),
    ("Prime Minister Benjamin Netanyahu told reporters that “the attack was the worst in years.”",
     "Prime Minister Benjamin Netanyahu", "told", "speaker-verb-that-quote", "before"),
    ("Later Blinken said: “We will be back.”", "Blinken", "said", "speaker-verb-colon-quote", "before"),
    ('He said, "We are done."', "He", "said", "speaker-verb-comma-quote", "before"),
    ('According to police, "the suspect fled on foot."', "police", "according to", "according-to", "before"),
    ("“The suspect fled on foot,” according to the Associated Press.", "the Associated Press", "according to",
     "according-to", "after"),
    ("“We are done.” He added: “It is over for now.”", "He", "added", "quote-then-sentence", "after"),
    ("“We know.” Blinken said.", "Blinken", "said", "quote-then-speaker-verb", "after"),
    ("“Why?” asked the minister.", "the minister", "asked", "quote-then-verb-speaker", "after"),
    # a quote ending the sentence its named speaker opens is theirs, not the next sentence's speaker's
    ("Halvorsen told reporters before the session that she had “an open mind.” The commissioner said she "
     "would not comment.", "Halvorsen", "told", "speaker-verb-that-quote", "before"),
])
def test_attribution_shapes(text, speaker, verb, shape, position):
    art = article(text)
    block_text = art.blocks[0].text
    q = art.analysis.quotations[0]
    assert_attribution(block_text, q, speaker, verb, shape, position)


def test_attribution_in_the_blinken_lede():
    text = ("“We’re here and we’re not going anywhere,” Blinken told Netanyahu as the two shook hands. "
            "The secretary also said that he was sorry.")
    text, q = only_quote(text)
    a = q.attribution
    assert (a.speaker_start, a.speaker_end) == span(text, "Blinken")
    assert (a.verb_start, a.verb_end) == span(text, "told")
    assert (a.speaker_kind, a.verb_class) == ("name", "neutral")
    assert q.paragraph_quote and q.sentences == 1


def test_loaded_and_nonspeech_verbs_are_recorded():
    art = article("“Yes,” he smiled.\n\n“We won,” the coach boasted.\n\n“It was an error,” she pointed out.")
    got = [(q.attribution.verb, q.attribution.verb_class) for q in art.analysis.quotations]
    assert got == [("smiled", "nonspeech"), ("boasted", "loaded"), ("pointed out", "loaded")]
    assert verb_class("claimed") == "loaded" and verb_class("said") == "neutral"


def test_attribution_inside_a_sentence():
    text = "“We are here,” he said, “and we are staying.”"
    art = article(text)
    text = art.blocks[0].text
    first, second = art.analysis.quotations
    assert_attribution(text, first, "he", "said", "quote-then-speaker-verb", "inside")
    assert_attribution(text, second, "he", "said", "quote-then-speaker-verb", "inside")


def test_attribution_after_the_first_sentence():
    text = "“We are here,” the secretary said. “We will stay. We will fight.”"
    art = article(text)
    text = art.blocks[0].text
    first, second = art.analysis.quotations
    assert_attribution(text, first, "the secretary", "said", "quote-then-speaker-verb", "after-first-sentence")
    assert_attribution(text, second, "the secretary", "said", "quote-then-speaker-verb", "before")
    assert second.sentences == 2 and not second.paragraph_quote


def test_each_quote_keeps_its_own_speaker():
    text = "“We tried,” officials said. “Why?” asked the minister. “Go,” U.S. officials told reporters."
    art = article(text)
    text = art.blocks[0].text
    speakers = [q.attribution.speaker for q in art.analysis.quotations]
    assert speakers == ["officials", "the minister", "U.S. officials"]
    assert art.analysis.quotations[0].attribution.position == "after"


def test_quote_paragraph_without_attribution():
    art = article("Blinken met Netanyahu on Thursday.\n\n"
                  "“We will reiterate the very strong message that President Biden has sent, "
                  "and that message is: Don’t do it.”")
    (q,) = art.analysis.quotations
    assert q.paragraph_quote and q.closed and q.attribution is None
    assert art.analysis.quotes_in(art.blocks[1]) == [q]
    assert art.analysis.quotes_in(art.blocks[0]) == []


def test_partial_quote_after_an_unrelated_verb_has_no_speaker():
    art = article("The mayor called the plan “a disaster” on Monday.")
    (q,) = art.analysis.quotations
    assert q.attribution is None


def test_quotation_compat_properties():
    art = article("“We will stay,” Blinken said.")
    (q,) = art.analysis.quotations
    assert (q.speaker, q.verb) == ("Blinken", "said")


def test_find_quotations_matches_the_analysis():
    art = article(RUNNING)
    assert [(q.block, q.start, q.end) for q in find_quotations(art)] == [
        (q.block, q.start, q.end) for q in art.analysis.quotations]


# -- properties --------------------------------------------------------------------

_ALPHABET = list("ab Ab.,:“”‘’\"'\n said he Blinken s") + ["\n\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join) | st.text(max_size=80))
def test_quotations_are_within_bounds(text):
    assume(text.count("\x00") <= 1)  # decode refuses text with more NUL bytes than that as binary
    art = article(text)
    analysis = art.analysis
    previous = {}
    for q in analysis.quotations:
        block = art.blocks[q.block]
        n = len(block.text)
        assert 0 <= q.start < q.end <= n
        assert q.start < q.inner_start <= q.inner_end <= q.end
        assert q.start >= previous.get(q.block, 0)
        previous[q.block] = q.end
        for s, e in q.nested:
            assert q.start < s < e <= q.end
        a = q.attribution
        if a is not None:
            assert 0 <= a.speaker_start < a.speaker_end <= n
            assert 0 <= a.verb_start < a.verb_end <= n
            assert block.text[a.speaker_start:a.speaker_end] == a.speaker
    for block in art.blocks:
        for pos, char, role in analysis.quote_marks(block):
            assert block.text[pos] == char
            assert role in {"open", "close", "apostrophe", "unmatched"}
        spans = analysis.sentences(block)
        assert all(0 <= s < e <= len(block.text) for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_nonspeech_verb_followed_by_said_uses_said():
    text = 'Tegnell laughed and simply said Agerblad would have to "take responsibility" for it.'
    text, q = only_quote(text)
    assert (q.attribution.speaker, q.attribution.verb) == ("Tegnell", "said")
    assert (q.attribution.verb_start, q.attribution.verb_end) == span(text, "said")


def test_plural_noun_is_not_an_attribution_verb():
    _, q = only_quote("She ended her closing remarks in a sonnet form, “because iambic pentameter works.”")
    assert q.attribution is None
