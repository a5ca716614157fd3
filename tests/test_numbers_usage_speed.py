"""The numbers and usage kinds' speed devices must never change a finding.

Each gate (a cheaper pattern or substring test that skips blocks, or a narrower
pattern whose matches are filtered the same way) is checked against the slow
path it replaces, on text drawn from the pieces the patterns care about.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article.model import Article
from newslint.article.parsers.text import TextParser
from newslint.article.source import Source
from newslint.news import numbers as N
from newslint.news import usage as U
from newslint.testing import make_linter
from newslint.config import Settings

_PIECES = st.sampled_from([
    "5", "12", "1,000", "2.5", "10234", ".6", "3rd", "1st", "21st", "%", "percent", "Percent", "per cent",
    "PER CENT", "five", "twenty-five", "the", "The", "a", "and", "or", ",", ".", "!", "?", "\"", "“", "”",
    "'", "’", "(", ")", "[", "]", " ", "  ", "\n", "\n\n", "Mr.", "No.", "tea", "Tea", "coffee", "Egypt",
    "IDF", "ABCD", "NATO", "Nato", "ISIS", "Isis", "US", "U.S.", "Jan.", "Sept.", "October", "May", "of",
    "$5", "£3", "€2", "¢", "$.50", ".00", "dollars", "old", "year", "-", "12 p.m.", "9am", "million",
])


def _text(pieces) -> str:
    return "".join(pieces)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_sentence_start_candidates_keep_every_sentence_start(pieces):
    text = _text(pieces)
    slow = [m.span() for m in N._STARTING_FIGURE.finditer(text) if N.at_sentence_start(text, m.start())]
    fast = [m.span() for m in N._MAY_START_FIGURE.finditer(text) if N.at_sentence_start(text, m.start())]
    assert fast == slow


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_percent_without_number_words_when_no_letter_precedes_a_form(pieces):
    text = _text(pieces)
    full = [m.span() for m in N._PERCENT.finditer(text)]
    figures = [m.span() for m in N._PERCENT.finditer(text) if m.group("fig")]
    assert [m.span() for m in N._PERCENT_FIGURE.finditer(text)] == figures
    slow_gate = regex.search(r"\p{L}\s*(?:%|percent\b|per\s+cent\b)", text, regex.I)
    assert bool(N._LETTER_BEFORE_FORM.search(text)) == bool(slow_gate)
    if not N._LETTER_BEFORE_FORM.search(text):
        assert full == figures


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_block_gates_are_necessary(pieces):
    text = _text(pieces)
    # each gate may only skip a block where its pattern finds nothing
    if ".00" not in text:
        assert not N._ZERO_CENTS.search(text)
    if "¢" not in text:
        assert not N._CENT_SIGN.search(text)
    if "$." not in text and "$0." not in text:
        assert not N._DOLLAR_CENTS.search(text)
    if not N._CURRENCY_WORDS.search(text):
        assert not N._REDUNDANT_UNIT.search(text)
    if not any(m + "," in text for m in N.MONTHS):
        assert not N._MONTH_YEAR_COMMA.search(text)
    if not any(a in text for a in N._ABBR_DOTS):
        assert not N._ABBR_YEAR.search(text)
    for pattern, gate in ((U._WITH_SERIAL, U._SERIES_GATE[id(U._WITH_SERIAL)]),
                          (U._WITHOUT_SERIAL, U._SERIES_GATE[id(U._WITHOUT_SERIAL)])):
        if not gate.search(text):
            assert not pattern.search(text)
    if not U._THREE_CAPITALS.search(text):
        assert not U._ACRONYM.search(text)


def _article(text: str) -> Article:
    return TextParser().parse(Source(path="t.txt", text=text), {})[0]


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_preferred_form_matches_the_consistency_kind(pieces):
    # usage.nato and usage.isis (kind preferred-form) with enforce: always, against the
    # generic consistency kind they replace (no substring gate)
    text = _text(pieces)
    linter = _linters()
    for rule in ("usage.nato", "usage.isis"):
        got = _spans(linter["fast"], text, rule)
        assert got == _spans(linter["slow"], text, rule)


_CACHE: dict = {}


def _linters():
    if not _CACHE:
        always = (("usage.nato", (("enforce", "always"),)), ("usage.isis", (("enforce", "always"),)))
        _CACHE["fast"] = (make_linter(load_entry_points=False), Settings(select=("usage.nato", "usage.isis"),
                                                                        rules=always))
        _CACHE["slow"] = (make_linter(load_entry_points=False), Settings(select=("usage.nato", "usage.isis"),
                                                                        rules=always))
        # the slow linter's rules use the generic kind
        from newslint.kinds.consistency import Consistency
        for rule in _CACHE["slow"][0].rules_for(_CACHE["slow"][0]._settings(_CACHE["slow"][1])):
            if rule.id in ("usage.nato", "usage.isis"):
                impl = rule.impl
                impl.check = Consistency.check.__get__(impl)
    return _CACHE


def _spans(pair, text, rule):
    linter, settings_ = pair
    result = linter.lint_text(text, settings=settings_)
    return [(f.offset, f.length, f.fix.replacement if f.fix else None) for f in result.findings if f.rule == rule]


_NUMBER_PIECES = st.sampled_from([
    "1", "5", "9", "12", "30", "2004", "10234", "1234567", "1,234,567", "1,2345,6", "3.5", ",", ".", ":", "-",
    "–", " ", "\t", "\u00a0", "\n", "st", "nd", "rd", "th", "of", "Oct", "Oct.", "October", "Sept.", "May",
    "March", "Mayor", "am", "a.m.", "PM", "p", "%", "percent", "Per cent", "pct", "m", "mn", "bn", "million",
    "$", "£", "€", "(", "“", "”", "\"", "'", "!", "?", "x", "A", "people", "year", "old",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_NUMBER_PIECES, max_size=20))
def test_figure_run_gates_are_necessary(pieces):
    from newslint.news.numbers import _CONSISTENCY
    text = "".join(pieces)
    runs = tuple(m.span() for m in N._DIGITS.finditer(text))
    if not N.may_open_sentence(text, runs):
        assert not N._MAY_START_FIGURE.search(text)
    if not N.month_next_to_figure(text, runs):
        for pattern in (N._DATE_MDY, N._DATE_DMY, N._MONTH_YEAR_COMMA, N._ABBR_YEAR):
            assert not pattern.search(text)
    if not N.meridian_after_figure(text, runs):
        assert not N._TIME.search(text)
    assert N._big_figure(text, runs) == bool(N._BIG_GATE.search(text))
    if not any(end - start == 1 and text[end:end + 2] in N._ORDINAL_SUFFIXES for start, end in runs):
        assert not N._FIGURE_ORDINAL.search(text)
    if not any(end - start <= 2 and text[end:end + 1].isspace() for start, end in runs):
        assert not N._SMALL_FIGURE.search(text)
    for m in N._BARE_NUMBER.finditer(text):
        assert m.span("int") in runs  # the figure is a whole run
    if not N._unit_after_figure(text, runs, "%pP"):
        assert not _CONSISTENCY["percent"][0].search(text)
    if not N._unit_after_figure(text, runs, "mb", currency=True):
        assert not _CONSISTENCY["million"][0].search(text)
