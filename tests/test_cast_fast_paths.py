"""The cast's speed devices must never change a result.

Each faster scan in ``newslint.article.cast`` is compared here with the plain
pattern, or with the code it replaced (kept below as the reference), on
generated news-like text, with the re twins off and on.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newslint.article.cast as C
import newslint.article.cast.builder as B
import newslint.article.cast.names as N
import newslint.article.cast.patterns as P
from timing import assert_scales_linearly

WORDS = ["the", "The", "a", "he", "He", "she", "HIM", "his", "they", "their", "hers", "Herself", "her", "himself",
         "THEMSELVES", "themself", "theirs", "Them", "them", "hex", "shed", "said", "says", "told", "added",
         "Smith", "John", "Elizabeth", "A.", "W.", "H.W.", "W", "I", "Burton", "Prime", "Minister", "minister",
         "prime", "Secretary", "secretary", "of", "State", "state", "for", "to", "Mr", "Mr.", "Mrs", "Dr", "Gov.",
         "Sen.", "Lt.", "Gen.", "President", "president", "former", "deputy", "Deputy", "chief", "executive",
         "spokesman", "astronaut", "Neil", "Armstrong", "U.S.", "US", "UK", "Foreign", "Israeli", "Labour",
         "van", "de", "der", "bin", "al-Assad", "el-Sisi", "ash-Sharaa", "abu-Bakr", "Bashar", "Jr.", "Jr", "Sr.",
         "II", "III", "O'Brien", "D’Angelo", "McDonald", "McDonald's", "Anglo-French", "mid-March", "non-EU",
         "Ab-Cd", "Ab-cd", "In", "But", "New", "York", "London", "Monday", "June", "May", "Will", "Xi", "Jinping",
         "Kim", "Jong", "Un", "Émile", "Łukasz", "Ωmega", "Ǆǆ", "ſhe", "hİm", "\u212aim", "Inc.", "Bank",
         "Center", "who", "that", "and", "or", "Theresa", "Boris", "Johnson", "Chancellor", "Gordon", "Brown",
         "leader", "Leader", "Majority", "Chuck", "Schumer", "the", "said", "and", "of", "in"]
MARKS = ["“", "”", '"', "‘", "’", "'", ",", ".", ":", ";", "(", ")", "—", "-", "?", "!", "\n", "\u00a0",
         " ", " ", " ", " ", " ", ", ", ". ", ",” ", ".” ", " “", "5", "_"]
pieces = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS)), max_size=40)


def news_text(parts) -> str:
    """Words joined by spaces where no mark stands between them (as in prose)."""
    out = []
    for p in parts:
        if out and p in WORDS + PHRASES and out[-1] in WORDS + PHRASES:
            out.append(" ")
        out.append(p)
    return "".join(out)


def both_ways(check):
    """Run ``check()`` with the re twins off, then on."""
    was = P._TWINS.on
    try:
        for on in (False, True):
            P._TWINS.on = on
            check()
    finally:
        P._TWINS.on = was


def spans(ms):
    return [(m.span(), m.group()) for m in ms]


@settings(max_examples=400, deadline=None)
@given(pieces)
def test_multi_word_name_runs_are_the_plain_runs_of_two_words_or_more(parts):
    text = news_text(parts)

    def check():
        plain = spans(P._NAME_RUN.finditer(text))
        assert spans(N._name_runs(text)) == plain
        assert spans(N._name_runs(text, multi_word=True)) == [x for x in plain if " " in x[1] or "\u00a0" in x[1]]

    both_ways(check)


def _lowered_reference(text):
    """``_lowered`` before it split bytes: the trigger words among the [a-z] runs of the lower case."""
    import re

    low = text.lower()
    return low, P._ANY_TRIGGER_WORDS.intersection(re.findall(r"[a-z]+", low))


@settings(max_examples=400, deadline=None)
@given(pieces)
def test_lowered_finds_the_trigger_words_of_the_reference(parts):
    for text in (news_text(parts), "".join(parts)):
        N._lowered.cache_clear()
        assert N._lowered(text) == _lowered_reference(text)


def test_pronoun_scan_first_letters_are_what_the_regex_module_equates_with_h_s_t():
    import regex

    span = "".join(chr(c) for a, b in P._RE_SPAN for c in range(a, b))
    assert sorted(P._PRONOUN_FIRST) == sorted(regex.findall(r"(?i:[hst])", span))


@settings(max_examples=400, deadline=None)
@given(pieces, st.lists(st.integers(0, 200), max_size=4))
def test_pronoun_scan_finds_what_the_pronoun_pattern_finds(parts, cuts):
    for text in (news_text(parts), "".join(parts)):
        bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})

        def check():
            scan = P._pronoun_scan(text)
            for ss, se in zip(bounds, bounds[1:]):
                assert spans(scan.finditer(text, ss, se)) == spans(P._PRONOUN.finditer(text, ss, se))

        both_ways(check)


def _titled_matches_reference(text):
    """``_Builder._titled_matches`` before ``_title_reach``: the starts of every trigger's window."""
    import bisect

    triggers = N._trigger_starts(text)
    if not triggers:
        return
    starts = []
    word_start = P._WORD_START_T.on(text)
    prev = -1
    for k in triggers:
        for p in sorted(set(N._title_starts(text, max(prev + 1, k - C.TITLE_WINDOW, 0), k))):
            if word_start.match(text, p) is None:
                continue
            word = P._PLAIN_WORD.match(text, p)
            if word is None:
                if text[p] == "“" or text[p].isdecimal():
                    continue
            elif word.group().islower() and word.group() not in P._TITLE_START_WORDS:
                continue
            starts.append(p)
        prev = k
    pos = 0
    failed = set()
    for t in triggers:
        if t < pos:
            continue
        for p in starts[bisect.bisect_left(starts, max(pos, t - C.TITLE_WINDOW)):bisect.bisect_right(starts, t)]:
            if p in failed:
                continue
            m = N._titled_at(text, p)
            if m:
                yield m
                pos = m.end()
                break
            failed.add(p)


TITLE_MARKS = MARKS + ["½", "ſ", "2", "-", "’s", "'s", "…"]
#: phrases that make titled names when they meet ("spokesman for" + "the Foreign Office" + "Tim Smith")
PHRASES = ["Secretary of State", "secretary of state", "spokesman for", "spokeswoman for the", "minister for",
           "Minister for", "adviser to", "adviser to the", "Prime Minister", "prime minister", "deputy", "former",
           "Deputy", "Gov.", "Mr", "Mr.", "Dr", "Sen.", "Lt. Gen.", "astronaut", "chief executive of", "Foreign Office",
           "Health", "Israeli", "US", "the", "The", "of", "Energy", "Ask Jeeves", "President", "rival", "leader",
           "North Korean leader", "Antony Blinken", "Boris Johnson", "Tim Smith", "Smith", "al-Assad", "Bashar al-Assad",
           "Xi Jinping", "Neil Armstrong", "Jerry Brown", "Sir Alex Ferguson", "said", "met", "and", "told", "on Monday"]
title_pieces = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PHRASES), st.sampled_from(PHRASES),
                                  st.sampled_from(TITLE_MARKS)), max_size=30)


@settings(max_examples=600, deadline=None)
@given(title_pieces)
def test_titled_matches_are_the_reference_matches(parts):
    b = B._Builder.__new__(B._Builder)
    for text in (news_text(parts), "".join(parts), " ".join(parts)):
        def check():
            key = lambda ms: [(m.span(), m.span("name")) for m in ms]  # noqa: E731
            assert key(b._titled_matches(text)) == key(_titled_matches_reference(text)), text

        both_ways(check)


def test_title_reach_is_all_or_nothing_where_it_cannot_tell():
    for text in ("the ſecretary Tim Smith", "½Mr Smith met the minister", "Ωmega minister Tim Smith"):
        assert N._title_reach(text, N._trigger_starts(text)) is None
    text = "the minister said, Prime minister Boris Johnson, met Mr. Smith and Gov. Jerry Brown"
    assert N._title_reach(text, N._trigger_starts(text)) == [False, True, True, True, True]


def _find_names_reference(text, names):
    """``_find_names`` before it shared the places of a first word between names."""
    import regex

    found = []
    head_ok, tail_ok = P._NAME_HEAD_OK_T.on(text), P._NAME_TAIL_OK_T.on(text)
    for rank, key in enumerate(sorted(names, key=P._longest_first)):
        parts = key.split(" ")
        first = parts[0]
        if not all(parts) or any(p[0] in " \u00a0" for p in parts):
            pattern = regex.compile(r"(?<![\w\-])(?:" + regex.escape(key).replace(r"\ ", " ").replace(" ", r"[ \u00a0]+")
                                    + r")(?![\w\-])(?!['’][\p{L}&&[^s]])")
            found.extend((m.start(), rank, m.end()) for m in pattern.finditer(text))
            continue
        i = text.find(first)
        while i >= 0:
            pos = i + len(first)
            for part in parts[1:]:
                gap = P._SPACE_RUN.match(text, pos)
                if gap is None or not text.startswith(part, gap.end()):
                    pos = -1
                    break
                pos = gap.end() + len(part)
            if pos >= 0 and head_ok.match(text, i) and tail_ok.match(text, pos):
                found.append((i, rank, pos))
            i = text.find(first, i + 1)
    found.sort()
    spans, pos = [], 0
    for s, _, e in found:
        if s >= pos:
            spans.append((s, e))
            pos = e
    return spans


NAME_KEYS = ["Smith", "John Smith", "John", "Boris", "Boris Johnson", "Johnson", "al-Assad", "Bashar al-Assad",
             "El-Sisi", "el-Sisi", "Xi", "Xi Jinping", "O'Brien", "D’Angelo", "Jr.", "John  Smith", "John\u00a0Smith",
             "\u00a0Smith", "Smith ", "Theresa May", "May", "Kim Jong Un", "Émile", "Li", "A. Smith"]


@settings(max_examples=400, deadline=None)
@given(pieces, st.sets(st.sampled_from(NAME_KEYS), min_size=1, max_size=8))
def test_find_names_finds_what_the_reference_finds(parts, names):
    for text in (news_text(parts), "".join(parts), "\n".join(parts)):
        def check():
            assert N._find_names(text, names) == _find_names_reference(text, names)

        both_ways(check)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_slug_of_an_ascii_name_is_the_regex_slug(parts):
    import regex

    name = news_text(parts)
    assert N._slug(name) == (regex.sub(r"[^\p{L}\p{N}]+", "-", name.lower()).strip("-") or "person")


@settings(max_examples=300, deadline=None)
@given(title_pieces)
def test_parse_title_is_the_same_with_and_without_the_re_twins(parts):
    text = news_text(parts)
    seen = []
    both_ways(lambda: seen.append(C.parse_title(text, "before", 1, 5)))
    assert seen[0] == seen[1]


def test_white_space_of_the_regex_module_is_white_space_to_rstrip():
    import sys

    import regex

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert all(c.isspace() for c in regex.findall(r"\s", every))


@settings(max_examples=400, deadline=None)
@given(pieces)
def test_verb_before_is_the_verb_before_pattern(parts):
    text = news_text(parts)
    for s in range(len(text) + 1):
        assert P._verb_before(text, s) == (P._VERB_BEFORE.match(text[max(0, s - 30):s]) is not None)


def test_title_refs_cost_no_more_for_a_person_named_with_one_title_many_times():
    """Every title-only reference asked each of a holder's titles, repeats included: one huge
    paragraph of "Secretary of State Antony Blinken met the foreign minister." was quadratic."""
    import time

    from newslint.article.parsers.text import TextParser
    from newslint.article.source import decode

    unit = "Secretary of State Antony Blinken met the foreign minister. He said so so. "

    def cost(n):
        a = TextParser().parse(decode((unit * n).encode("utf-8"), "t.txt"), {})[0]
        a.analysis.quotations
        for b in a.blocks:
            a.analysis.sentences(b)
        t0 = time.process_time()
        cast = C.build_cast(a)
        assert len(cast.title_refs) == n
        return time.process_time() - t0

    cost(20)
    # 8 is linear; the quadratic code took ~20
    assert_scales_linearly(cost, 200, 8, allowed=14)
