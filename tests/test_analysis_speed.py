"""The analysis layers' speed devices must never change a result, and must stay linear.

Quotations, sentences and tokens each replace a plain regex call by a cheaper one that is
claimed to give the same answer (a cut ``endpos``, a hand-written test first, a backwards
match). Each claim is checked here against the plain call on generated text; the last tests
make sure a huge paragraph or article costs in proportion to its size.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article import quotations as Q
from newslint.article import sentences as S
from newslint.article import tokens as T
from newslint.article.parsers.text import TextParser
from newslint.article.source import decode
from timing import assert_scales_linearly, cpu_seconds

WORDS = ["the", "a", "he", "she", "it", "they", "said", "says", "told", "added", "claimed", "smiled", "laughed",
         "went", "on", "pointed", "out", "according", "to", "Mr.", "Dr.", "Smith", "John", "Elizabeth", "A.",
         "Burton", "Prime", "Minister", "officials", "critics", "U.S.", "spokesman", "secretary", "official",
         "with", "of", "de", "al-Assad", "who", "that", "also", "has", "Later", "Monday", "and", "saidé", "said5",
         "said-", "Said", "O'Brien", "don't", "Hamas'", "'n'", "90s", "Inc.", "No.", "a.m.", "Jan.", "But", "3.1"]
MARKS = ["“", "”", '"', "‘", "’", "'", ",", ".", ":", ";", "(", ")", "—", "?", "!", "…", "...", "\n", "\t",
         "\x1c", "\u00a0", " ", " ", " ", ",” ", ".” ", " “"]
pieces = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS)), max_size=40)


def article(text: str):
    return TextParser().parse(decode(text.encode("utf-8"), "t.txt"), {})[0]


def spans(m):
    return None if m is None else [m.span(g) for g in range(len(m.groups()) + 1)]


# -- quotations ---------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(pieces)
def test_verb_lookup_matches_the_verb_pattern(parts):
    text = " ".join(parts)
    truth = [(p, m.end()) for p in range(1, len(text) + 1) if (m := Q._VERB_AT.match(text, p))]
    Q._build_patterns()  # (a _Block builds them before any verb is looked up)
    for lo in range(0, len(text) + 1, 3):
        for hi in (lo, lo + 7, lo + 40, len(text)):
            assert Q._verb_ends_in(text, lo, hi) == [e for s, e in truth if s >= lo and e <= hi]
    for m in Q._VERB_CANDIDATE.finditer(text):
        verb = Q._VERB_AT.match(text, m.start())
        assert Q._verb_end_at(text, m.start()) == (verb.end() if verb else None)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_speaker_patterns_cut_at_verbs_and_barriers_find_the_same(parts):
    text = "".join(parts)
    blk = Q._Block(text, [(0, len(text))])
    for lo in range(0, len(text), 4):
        # the caller's hi is where a quotation opens (or the end of the text), never inside a word
        marks = [i for i, c in enumerate(text) if c in "“\"" and i > lo]
        for hi in [len(text)] + marks[:3]:
            plain = list(Q._BEFORE_SPEAKER_VERB.finditer(text, lo, hi))
            assert spans(Q._last_speaker_verb(blk, lo, hi)) == spans(plain[-1] if plain else None)
        lead = Q._AFTER_PREFIX.match(text, lo).end()
        plain = Q._AFTER_SPEAKER_VERB.match(text, lo)
        assert spans(Q._AFTER_SPEAKER_VERB.match(text, lo, blk.next_barrier(lo))) == spans(plain)
        if plain:
            assert text[lead].isalnum() or not text[lead].isascii()
        if Q._AFTER_VERB_SPEAKER.match(text, lo):
            assert Q._VERB_START.match(text, lead)
        if Q._AFTER_ACCORDING.match(text, lo):
            assert text.startswith("according", lead)
        if Q._AND_VERB.match(text, lo):
            assert Q._and_follows(text, lo)


def test_not_word_guard_changes_nothing():
    unguarded = Q._SPEAKER_VERB.replace(Q._NOT_WORD, Q._NOT_WORD.replace("(?=[a-z])", "", 1))
    assert unguarded != Q._SPEAKER_VERB
    plain = Q._compile(rf"(?<![\p{{L}}\p{{N}}\-'’.]){unguarded}")
    texts = ["A senior Japanese Finance Ministry official told", "the US Trade Representative's Office said",
             "Alex Vatanka, director of the Middle East Institute, also said", "critics later claimed",
             "Lukas Stefanko with ESET said", "the secretary said5 and then said", "went on said the man"]
    for text in texts:
        assert [spans(m) for m in plain.finditer(text)] == [spans(m) for m in Q.SPEAKER_VERB.finditer(text)]


# words and characters where re and the regex module could part: case-insensitive lists with
# the long s, dotless and dotted i; marks, other numbers, spaces the stdlib alone takes as \s
TWIN_WORDS = ["ſaid", "ſhe", "ſome", "HIS", "hıs", "hİs", "İts", "THE", "Officials", "OFFICIALS", "offıcials",
              "officİals", "CRITICS", "Émile", "Ö'Brien", "naïve", "Ünal", "Łukasz", "ŒUVRE", "µs", "ß", "Ÿves",
              "said²", "said½", "saidª", "e\u0301", "al-Émir", "Ms.", "St.", "A.B.", "Ḿ"]
TWIN_CHARS = ["\x85", "\u2028", "\u2009", "\u200b", "\u202f", "\x1c", "²", "\u2070", "\u2082", "–", "—", "‘", "’", "ł"]
twin_pieces = st.lists(st.one_of(st.sampled_from(WORDS + TWIN_WORDS), st.sampled_from(MARKS + TWIN_CHARS)),
                       max_size=40)


def _twins():
    Q._TWINS.build()
    return [(Q._AFTER_SPEAKER_VERB, Q._TWINS.after_speaker_verb), (Q._AFTER_VERB_SPEAKER, Q._TWINS.after_verb_speaker),
            (Q._BEFORE_SPEAKER_VERB, Q._TWINS.before_speaker_verb)]


@settings(max_examples=300, deadline=None)
@given(twin_pieces, st.sampled_from([" ", ""]))
def test_re_twins_find_what_the_speaker_patterns_find(parts, sep):
    text = sep.join(parts)
    if not Q._re_span(text):
        return  # "Ḿ" (Latin Extended Additional): the patterns themselves are used
    for rx, twin in _twins():
        assert [spans(m) for m in twin.finditer(text)] == [spans(m) for m in rx.finditer(text)]
        for pos in range(len(text)):
            assert spans(twin.match(text, pos)) == spans(rx.match(text, pos))
            end = text.find(" ", pos + 5)
            if end > 0:
                assert spans(twin.match(text, pos, end)) == spans(rx.match(text, pos, end))


def test_re_twins_on_attribution_sentences():
    texts = ["A senior Japanese Finance Ministry official told", "the US Trade Representative's Office said",
             "Alex Vatanka, director of the Middle East Institute, also said", "critics later claimed",
             "Lukas Stefanko with ESET said", "the secretary said5 and then said", "went on said the man",
             ",” said Prime Minister Benjamin Netanyahu", ",” ſaid the OFFİCIALS", " — hıs spokesman told",
             "Elizabeth A. Burton, a professor at the university said", "Gov. Jerry Brown's aide pointed\nout"]
    for text in texts:
        assert Q._re_span(text)
        for rx, twin in _twins():
            assert [spans(m) for m in twin.finditer(text)] == [spans(m) for m in rx.finditer(text)]
            assert spans(twin.match(text)) == spans(rx.match(text))


def test_case_insensitive_words_translate_exactly():
    # every word of the caseless parts, each letter in turn replaced by every letter of the span
    letters = [c for c in Q._span_chars() if c.isalpha()]
    for pattern, words in ((Q._DETERMINER, "the a an one another his her their its our two three several some many "
                                           "other".split()), (Q._GROUP, Q._GROUPS)):
        rx, twin = Q._compile(pattern), re.compile(Q._to_re(pattern))
        for word in words:
            for k in range(len(word)):
                for c in letters:
                    text = word[:k] + c + word[k + 1:]
                    assert bool(twin.fullmatch(text)) == bool(rx.fullmatch(text)), text


def test_text_outside_the_span_gets_the_patterns():
    Q._TWINS.build()
    assert not Q._re_span("Він said")
    blk = Q._Block("“Go,” Він said", [(0, 14)])
    assert blk.before_speaker_verb is Q._BEFORE_SPEAKER_VERB
    assert Q._Block("“Go,” he said", [(0, 13)]).before_speaker_verb is Q._TWINS.before_speaker_verb


def test_to_re_refuses_what_it_does_not_know():
    for pattern in (r"\p{Greek}", r"(?i:[a-z])", r"\w", r"(?>a)", r"[[a]]", r"(?i)a", r"\d"):
        with pytest.raises(ValueError):
            Q._to_re(pattern)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_sentence_end_before_a_mark_reads_backwards_alike(parts):
    text = "".join(parts)
    for pos in range(len(text) + 1):
        assert Q._sentence_end_before(text, pos) == bool(Q._SENTENCE_END_BEFORE.search(text, 0, pos))


# -- sentences and tokens -----------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.'’&-1 \u0301é,٣Ⅳ_\tX", max_size=50))
def test_word_before_a_period_matched_backwards_alike(text):
    forward = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’&\-]*\Z")
    for end in range(len(text) + 1):
        for lo in (0, max(0, end - 5), end):
            a, b = S._WORD_BEFORE.match(text, lo, end), forward.search(text, lo, end)
            assert (a and a.group()) == (b and b.group())


#: the candidate pattern as first written (each start tried, quadratic in a run of marks)
PLAIN_CANDIDATE = regex.compile(r"(?P<punct>\.{3,}|…|[.!?]+(?:\s?…)?)(?P<close>[”’\"')\]]*)\s+"
                                r"(?=(?P<open>[“‘\"'(\[]*)(?P<next>\p{Lu}[\p{L}\p{M}'’]*|\p{N}))")
#: ... and with the no-run lookbehind in front (before the marks opened its alternatives)
RUNLESS_CANDIDATE = regex.compile("(?<![.!?])" + PLAIN_CANDIDATE.pattern)
CANDIDATE_TEXT = st.text(alphabet=".!?… \n”’\")(“B1aÉé\u0301²\u2009\x1c\x85", max_size=40)


@settings(max_examples=600, deadline=None)
@given(CANDIDATE_TEXT)
def test_candidates_never_starting_inside_a_run_are_the_same(text):
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    found = [(m.span(), m.groups()) for m in S._CANDIDATE.finditer(text, start, end)]
    assert found == [(m.span(), m.groups()) for m in PLAIN_CANDIDATE.finditer(text, start, end)]
    assert found == [(m.span(), m.groups()) for m in RUNLESS_CANDIDATE.finditer(text, start, end)]
    if Q._re_span(text):
        twin = Q._re_twin(S._CANDIDATE.pattern)
        assert found == [(m.span(), m.groups()) for m in twin.finditer(text, start, end)]
        for pos in range(len(text)):
            assert [(m.span(), m.groups()) for m in twin.finditer(text, pos, end)] == \
                [(m.span(), m.groups()) for m in S._CANDIDATE.finditer(text, pos, end)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1_ '’.-\u0301\u200d\n\t,é٣½‿—X", max_size=60), st.sampled_from([20_000, 3, 7]))
def test_tokens_are_the_word_pattern_matches(text, chunk):
    old = T._CHUNK
    T._CHUNK = chunk
    try:
        assert T.tokenize(text) == [T.Token(m.group(), m.start(), m.end()) for m in T._WORD.finditer(text)]
    finally:
        T._CHUNK = old


# -- linear time ----------------------------------------------------------------------

UNITS = ["“We will go on,” he said. ", "“we will go on,” she said, and ", "Mr Smith, the mayor, told reporters: “we go” and ",
         "'we will go on' he said and ", "“we will go on he said and ", "“We go.” he said that the city was ",
         "“we go on” the city and the town and ", "it's Smith's don't 'n' rock ", "A senior official told: ‘Go.’ "]


def _cost(text: str) -> float:
    """CPU seconds for sentences, tokens and quotations of ``text``."""
    art = article(text)

    def work():
        art.__dict__.pop("analysis", None)
        art.analysis._sentences
        art.analysis.quotations
        art.analysis._tokens
    return cpu_seconds(work)


def _assert_linear(make, small: int, factor: int = 8):
    # linear: the big text costs about `factor` times the small one; a quadratic step makes it
    # factor**2 (64): the bound leaves room for a noisy, shared machine
    assert_scales_linearly(lambda n: _cost(make(n)), small, factor, allowed=factor * 3, floor=0.005)


@pytest.mark.parametrize("unit", UNITS)
def test_one_long_paragraph_full_of_quotes_is_linear(unit):
    # one paragraph of ~6,000 -> ~50,000 characters, hundreds of quotations; most units never end a
    # sentence, so the whole paragraph is one sentence (the case that was quadratic)
    _assert_linear(lambda n: unit * n, 6000 // len(unit))


@pytest.mark.parametrize("unit", ["!", ".", "?!", ". ", "…", "a.", "Mr. "])
def test_runs_of_sentence_marks_are_linear(unit):
    # a run of marks that ends no sentence ("!!!!x") was tried from each of its marks over the
    # rest of the run: 5,000 "!" took 3 s, 20,000 took 49 s
    _assert_linear(lambda n: unit * n + "x", 1000 // len(unit))


def test_an_article_of_thousands_of_quoted_paragraphs_is_linear():
    # 625 -> 5,000 paragraphs
    _assert_linear(lambda n: "\n\n".join(UNITS[i % len(UNITS)] * 2 for i in range(n)), 625)
