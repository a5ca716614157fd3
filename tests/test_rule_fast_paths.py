"""Faster equivalents in the rules' shared helpers give exactly what the code they replaced gave.

Each old implementation is kept here as the reference, and hypothesis compares the two on
generated news-like text (ASCII and not, apostrophes, marks, figures, odd whitespace).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.article.model import Article
from newslint.article.parsers.text import TextParser
from newslint.article.source import Source
from newslint.kinds.base import _LETTER_RUN, _RUN_CHARS, letter_runs, word_runs

PIECES = ["The", "the", "Mayor", "SAID", "don't", "don’t", "O'Neill", "dogs'", "'", "’", "5", "10,000", "£3m",
          "Straße", "café", "cafe\u0301", "naïve", "İstanbul", "said\u0345", "é", " ", "  ", "\t", "\n", "\u00a0",
          "\x1c", "\x85", "\u2028", ".", ",", "-", "—", "“", "”", "\"", "(", ")", "a", "I", "x'y'z", "''"]


def _article(text: str) -> Article:
    return TextParser().parse(Source(path="t.txt", text=text), {})[0]


def _old_runs(text: str) -> tuple[list[str], frozenset[str]]:
    """``kinds.base._runs`` before its ASCII fast path (one ``str.translate`` of the folded text)."""
    words = text.casefold().translate(_RUN_CHARS).split()
    letters = frozenset(words)
    odd = [run for run in letters if not run.isalpha()]
    if odd or "\u0345" in text:
        extra = set(letters)
        for run in odd:
            extra.update(_LETTER_RUN.findall(run))
        if "\u0345" in text:
            extra.update(_LETTER_RUN.findall(text.replace("\u0345", " ").casefold()))
        letters = frozenset(extra)
    return words, letters


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_runs_fast_path_unchanged(pieces):
    text = "".join(pieces).strip() or "x"
    art = _article(text + "\n")
    for block in art.blocks:
        assert (word_runs(art, block), letter_runs(art, block)) == _old_runs(block.text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), min_size=1, max_size=80))
def test_runs_fast_path_unchanged_on_any_ascii(text):
    text = text.strip() or "x"
    art = _article(text + "\n")
    for block in art.blocks:
        assert (word_runs(art, block), letter_runs(art, block)) == _old_runs(block.text)


# -- attributions.anonymous-source: the head-word gate ------------------------------------------

ANON_PIECES = ["officials", "Officials", "OFFICIALS", "official", "sources", "Source", "insider", "aides", "staffers",
               "staff", "members", "member", "diplomats", "person", "people", "persons", "individuals", "ex-",
               "senior", "U.S.", "the", "a", "two", "according", "to", "familiar", "with", "knowledge", "of",
               "close", "briefed", "on", "aware", "involved", "in", "who", "has", "seen", "said", "say", "told",
               "added", "confirmed", "the matter", "the talks", ",", ", speaking privately,", "'", "’", "-", "\t",
               "official\u0301", "ſources", "OFFİCİALS", "İnsiders", "(", ")", "“", "”", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ANON_PIECES), min_size=1, max_size=16),
       st.lists(st.sampled_from([" ", " ", " ", "", "\t", "  "]), min_size=16, max_size=16))
def test_anonymous_source_head_gate_keeps_every_match(words, gaps):
    from newslint.news.attributions import _ANON_HEAD_RUNS, _ANONYMOUS

    text = "".join(w + g for w, g in zip(words, gaps)).strip() or "x"
    art = _article(text + "\n")
    for block in art.blocks:
        if _ANONYMOUS.search(block.text):
            assert not _ANON_HEAD_RUNS.isdisjoint(letter_runs(art, block)) or "\u0130" in block.text, block.text


# -- usage.acronym-first-use: the capitals gate and where the scan starts -------------------------

ACRONYM_PIECES = ["the", "The", "its", "Their", "their", "IDF", "EPD", "NASA", "ABCDEFG", "AB", "A", "US", "UK's",
                  "ÉTAT", "ΩΜΕ", "officers", "loans", "said", "Forces", "(IDF)", "x", "5", "-", ".", "&", "/", "'",
                  "’", "\u00a0", "\u2028", "\x1c", "\x85"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ACRONYM_PIECES), min_size=1, max_size=14),
       st.lists(st.sampled_from([" ", " ", "", "\t", "  ", "\u00a0", "\u3000", "\n"]), min_size=14, max_size=14))
def test_acronym_scan_starts_before_every_match(words, gaps):
    from newslint.news.usage import _ACRONYM, _THREE_CAPITALS, _THREE_CAPITALS_ASCII, _acronyms_from

    text = "".join(w + g for w, g in zip(words, gaps))
    gate = (_THREE_CAPITALS_ASCII if text.isascii() else _THREE_CAPITALS).search(text)
    assert bool(gate) == bool(_THREE_CAPITALS.search(text))
    every = [m.span() for m in _ACRONYM.finditer(text)]
    if gate is None:
        assert every == []
    else:
        assert [m.span() for m in _ACRONYM.finditer(text, _acronyms_from(text, gate.start()))] == every


# -- titles.repeated-full-name: the photo-credit gate ------------------------------------------------

CREDIT_PIECES = ["(", ")", "Picture", "PICTURES", "photo", "Photos", "photograph", "İmage", "İMAGES", "pics", "PİCS",
                 "ſ", "by", "By", "courtesy", "credit", ":", "/", "AP", "Getty", "Jane Doe", ".", "!", "?", " ",
                 "\u00a0", "\n", "the", "mayor"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_PIECES), min_size=1, max_size=14),
       st.lists(st.sampled_from([" ", "", "\u00a0", "\n"]), min_size=14, max_size=14))
@example(["İmage", "by", "Jane Doe"], [" "] * 14)
@example(["Seen.", "PİCTURE", "credit", ":", "Getty"], [" "] * 14)
def test_photo_credit_gate_keeps_every_match(words, gaps):
    from newslint.news.titles import _PHOTO_CREDIT, _may_credit

    text = "".join(w + g for w, g in zip(words, gaps))
    if _PHOTO_CREDIT.search(text):
        assert _may_credit(text)


# -- captions: the letters key of a sentence -------------------------------------------------------

def _old_letters_key(text: str) -> bytes:
    """``captions._letters_key`` before signs such as "£" were deleted for its ASCII path."""
    from newslint.news.captions import _APOSTROPHE_CHARS, _APOSTROPHES, _NOT_ALNUM_BYTES, _words

    if not text.isascii():
        stripped = text.translate(_APOSTROPHES) if any(c in text for c in _APOSTROPHE_CHARS) else text
        if not stripped.isascii():
            return "".join(_words(text)).encode()
        text = stripped
    return text.lower().encode().translate(None, _NOT_ALNUM_BYTES)


KEY_PIECES = ["The", "mayor", "SAID", "£5m", "€", "¥", "“Yes”", "„", "«", "»", "–", "—", "―", "…", "•", "·", "§", "¶",
              "°", "±", "×", "÷", "\u00a0", "\u2009", "\u202f", "′", "″", "don't", "don’t", "ʼ", "‘", "`", "´", "_", "5",
              "Straße", "café", "İ", "ǅ", "Ⅻ", "²", " ", ".", ",", "-"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(KEY_PIECES), min_size=0, max_size=20))
def test_letters_key_unchanged(pieces):
    from newslint.news.captions import _letters_key

    text = " ".join(pieces)
    assert _letters_key(text) == _old_letters_key(text)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=40))
def test_letters_key_unchanged_on_any_text(text):
    from newslint.news.captions import _letters_key

    assert _letters_key(text) == _old_letters_key(text)


# -- kinds.base.BlockGate: required strings grouped by their first character ----------------------

@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=" \t.,;ab\u00e9", min_size=0, max_size=3), min_size=1, max_size=8),
       st.text(alphabet=" \t.,;ab\u00e9x", max_size=30))
def test_block_gate_requires_unchanged(requires, text):
    from newslint.kinds.base import BlockGate

    gate = BlockGate({"requires": requires})
    folded = text.casefold()
    assert gate._holds_required(folded) == any(w in folded for w in gate.requires)


# -- numbers: the blocks with a digit, once per article ---------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["The mayor said.", "It cost £5m.", "In 2019", "٣ items", "x", "No figures here"]),
                min_size=1, max_size=6))
def test_digit_blocks_are_the_blocks_with_a_digit(paragraphs):
    from newslint.news.numbers import _DIGIT, digit_blocks

    art = _article("\n\n".join(paragraphs) + "\n")
    assert digit_blocks(art) == {b.index for b in art.blocks if _DIGIT.search(b.text)}


# -- usage.preferred-form: a group none of whose forms is in the article is skipped -------------------

def _rule_hits(kind, options, text):
    from newslint.kinds.base import CheckContext, validate_options

    class Rule:
        id = "t"
        scope = "all"
        quotes = True
    impl = kind(Rule(), validate_options(kind.OPTIONS, options))
    art = _article(text)
    hits = [(h.block.index, h.start, h.end, h.suggestion, h.message) for h in impl.check(CheckContext(art, Rule()))]
    impl.needles = [None] * len(impl.needles)  # no gate at all: every block scanned
    art = _article(text)
    slow = [(h.block.index, h.start, h.end, h.suggestion, h.message) for h in impl.check(CheckContext(art, Rule()))]
    return hits, slow


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["NATO", "Nato", "nato", "NATOs", "ISIS", "Isis", "the", "said", "\n\n", ".", " "]),
                min_size=1, max_size=20),
       st.sampled_from(["consistent", "always"]))
def test_preferred_form_article_gate_unchanged(words, enforce):
    from newslint.news.usage import PreferredForm

    text = " ".join(words).strip() or "x"
    options = {"either": [["NATO", "Nato"], ["ISIS", "Isis"]], "prefer": ["NATO"], "enforce": enforce}
    hits, slow = _rule_hits(PreferredForm, options, text + "\n")
    assert hits == slow


# -- numbers.sentence-start and numbers.age: the gates before the scans -----------------------------

FIGURE_PIECES = ["5", "12", "3.5", "$5", "£5", "€5", "A4", "x", "_", ".", ",", "!", "?", "“", "”", "\"", "'", "’", "(",
                 ")", "[", "]", " ", "\n", "\t", "\u00a0", "½", "²", "é", "٣", "The", "said", "-", ":", "%"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), min_size=1, max_size=16))
@example(["(", "5"])
@example([".", " ", "“", "(", "12"])
@example(["x", "!", "\n", "5"])
def test_sentence_start_gate_keeps_every_match(pieces):
    from newslint.news.numbers import _DIGITS, _MAY_START_FIGURE, may_open_sentence

    text = "".join(pieces)
    if _MAY_START_FIGURE.search(text):
        assert may_open_sentence(text, tuple(m.span() for m in _DIGITS.finditer(text)))


AGE_PIECES = ["five", "Five", "twenty", "twenty-one", "5", "12", "year", "years", "YEARS", "month", "weeks", "day",
              "dayſ", "weeK", "old", "OLD", "-", "‑", " ", "told", "bold", "a", "the"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(AGE_PIECES), min_size=0, max_size=4),
       st.tuples(st.sampled_from(["five", "Five", "twenty-one", "twenty‑one", "5", "12", "told"]),
                 st.sampled_from([" ", "-", "‑", ""]),
                 st.sampled_from(["year", "years", "YEARS", "month", "weeks", "day", "dayſ", "weeK", "gold"]),
                 st.sampled_from([" ", "-", "‑", ""]),
                 st.sampled_from(["old", "OLD", "olden", "bold"])),
       st.lists(st.sampled_from(AGE_PIECES), min_size=0, max_size=4))
def test_age_gate_keeps_every_match(before, age, after):
    from newslint.news.numbers import _AGE_FIGURES, _AGE_UNIT_RUNS, _AGE_WORDS

    text = " ".join(before + ["".join(age)] + after).strip() or "x"
    art = _article(text + "\n")
    for block in art.blocks:
        if _AGE_WORDS.search(block.text) or _AGE_FIGURES.search(block.text):
            runs = letter_runs(art, block)
            assert "old" in runs and not _AGE_UNIT_RUNS.isdisjoint(runs), block.text


# -- numbers.million (ranges) and numbers.range: gates before the scans ------------------------------

RANGE_PIECES = ["from", "From", "FROM", "between", "Between", "frome", "$", "£", "€", "5", "12", "3.5", "1,000", "%",
                "-", "–", "—", " ", "\u00a0", "\n", "million", "billion", "trillion", "to", "and", "x", ".", ","]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(RANGE_PIECES), min_size=1, max_size=14),
       st.lists(st.sampled_from([" ", "", ""]), min_size=14, max_size=14))
@example(["$", "12", "-", "14", " ", "million"], [""] * 14)
@example(["3.5", " ", "–", " ", "£", "4.5", " ", "billion"], [""] * 14)
@example(["from", " ", "5", "-", "10"], [""] * 14)
def test_range_gates_keep_every_match(words, gaps):
    from newslint.news.numbers import (_DIGITS, _MILLION_RANGE, _RANGE, _RANGE_GATE, _RANGE_WORDS,
                                       _unit_after_figure)

    text = "".join(w + g for w, g in zip(words, gaps)).strip() or "x"
    art = _article(text + "\n")
    for block in art.blocks:
        t = block.text
        if _MILLION_RANGE.search(t):
            assert _unit_after_figure(t, tuple(m.span() for m in _DIGITS.finditer(t)), "-–"), t
        if _RANGE.search(t) and _RANGE_GATE.search(t):
            assert not _RANGE_WORDS.isdisjoint(letter_runs(art, block)), t


# -- titles.occupation-capitalized: the pattern tried where an occupation starts ----------------------

OCC_PIECES = ["Astronaut", "astronaut", "Singer-songwriter", "Singer", "Songwriter", "Director", "Neil", "Armstrong",
              "the", "said", ",", ":", ";", "'", "’", "-", "\u00a0", " ", "  ", "Éclair", "x", "Chief", "executive"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(OCC_PIECES), min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", "", "\u00a0", ", "]), min_size=12, max_size=12))
@example(["the", "Astronaut", "Neil"], [" "] * 12)
@example(["said", "Singer-songwriter", "Neil"], [" "] * 12)
def test_occupation_pattern_at_starts_unchanged(words, gaps):
    from newslint.news.titles import OccupationCase, _AtStarts
    from newslint.kinds.base import validate_options

    class Rule:
        id = "t"
        scope = "all"
        quotes = False
    impl = OccupationCase(Rule(), validate_options(OccupationCase.OPTIONS, {
        "occupations": ["astronaut", "singer-songwriter", "singer", "songwriter", "director", "chief executive"]}))
    assert isinstance(impl.pattern, _AtStarts)
    text = "".join(w + g for w, g in zip(words, gaps))
    for pos in (0, 3):
        fast = [(m.span(), m.group("occ")) for m in impl.pattern.finditer(text, pos)]
        slow = [(m.span(), m.group("occ")) for m in impl.pattern.compiled.finditer(text, pos)]
        assert fast == slow


# -- findings.FrozenRecord: the hash is kept -----------------------------------------------------------

def test_frozen_record_hash_is_kept_and_equal_values_hash_alike():
    import copy
    import pickle

    from newslint.config import Settings
    from newslint.findings import Fix

    s = Settings(profile="uk", ignore=("a.b",), rules=(("x.y", (("k", 1),)),))
    assert hash(s) == hash(s) == hash(Settings(profile="uk", ignore=("a.b",), rules=(("x.y", (("k", 1),)),)))
    assert s == pickle.loads(pickle.dumps(s)) and hash(pickle.loads(pickle.dumps(s))) == hash(s)
    assert copy.deepcopy(s) == s and hash(copy.deepcopy(s)) == hash(s)
    assert s != Settings(profile="ap")
    fix = Fix(1, 2, "x")
    assert hash(fix) == hash(Fix(1, 2, "x")) and repr(fix) == "Fix(offset=1, length=2, replacement='x')"
    assert {fix: 1}[Fix(1, 2, "x")] == 1


# -- usage.abbreviation-style: a group whose forms are not both written is skipped when only a mix counts --

from newslint.kinds.base import CheckContext as _Ctx  # noqa: E402
from newslint.news.usage import _SENTENCE_NEXT, AbbreviationStyle, Hit, mix_note  # noqa: E402,F401


class _OldAbbreviationStyle(AbbreviationStyle):
    """``AbbreviationStyle`` with ``_hits`` as it was before the both-forms test."""

    def _hits(self, ctx: _Ctx):
        blocks = list(ctx.blocks())
        for letters, dotted_re, plain_re in self.groups:
            if not any(letters[0] in b.text for b in blocks):
                continue
            dotted_form = "".join(c + "." for c in letters)
            uses = {"dotted": [], "plain": []}
            names = self.names
            for block in blocks:
                # each pattern needs its form spelled out (case-sensitive): a substring test first
                if dotted_form in block.text:
                    for m in ctx.finditer(dotted_re, block.text):
                        if names is None or not names.match(block.text, m.start()):
                            uses["dotted"].append((block, m))
                if letters in block.text:
                    for m in ctx.finditer(plain_re, block.text):
                        if names is None or not names.match(block.text, m.start()):
                            uses["plain"].append((block, m))
            message = None
            if self.style == "consistent":
                if not uses["dotted"] or not uses["plain"]:
                    continue
                first = min(("dotted", "plain"), key=lambda k: (uses[k][0][0].index, uses[k][0][1].start()))
                counts = {k: len(v) for k, v in uses.items()}
                wanted = max(("dotted", "plain"), key=lambda k: (counts[k], k == first))
            else:
                wanted = self.style
                if self.options["enforce"] == "consistent":
                    # the form is a house choice: a story that writes one form throughout keeps it
                    if not ctx.rule.quotes:
                        analysis = ctx.article.analysis
                        uses = {k: [(b, m) for b, m in v if not analysis.in_quote(b, m.start(), m.end())]
                                for k, v in uses.items()}
                    if not uses["dotted"] or not uses["plain"]:
                        continue
                    forms = {"dotted": dotted_form, "plain": letters}
                    order = sorted((b.index, m.start(), forms[k]) for k, v in uses.items() for b, m in v)
                    message = ("Use \"{suggestion}\", not \"{form}\": "
                               + mix_note([form for *_, form in order], f"\"{forms[wanted]}\"") + ".")
            wrong = "plain" if wanted == "dotted" else "dotted"
            hits = []
            for block, m in uses[wrong]:
                if wrong == "plain":
                    # "US." at a sentence end becomes "U.S." (one point)
                    hits.append(Hit(block, m.start(), m.end(), suggestion=dotted_form, replacement=dotted_form,
                                    args={"form": letters}, message=message))
                    continue
                end = m.end()
                # "in the U.S. The ..." or "U.S. President ...": is the point also the full stop? no fix
                fix = None if _SENTENCE_NEXT.match(block.text, end) else letters
                hits.append(Hit(block, m.start(), end, suggestion=letters, replacement=fix,
                                args={"form": dotted_form}, message=message))
            yield letters, hits


ABBR_PIECES = ["US", "U.S.", "UN", "U.N.", "USA", "US Open", "U.S. Steel", "the", "said", ".", "\n\n", "“", "”",
               "Washington", "UNICEF"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ABBR_PIECES), min_size=1, max_size=14),
       st.sampled_from(["dotted", "plain", "consistent"]), st.sampled_from(["consistent", "always"]),
       st.booleans())
def test_abbreviation_style_both_forms_test_unchanged(words, style, enforce, quotes):
    from newslint.kinds.base import validate_options

    class Rule:
        id = "t"
        scope = "body"

    Rule.quotes = quotes
    options = validate_options(AbbreviationStyle.OPTIONS, {"abbreviations": ["US", "UN"], "style": style,
                                                           "enforce": enforce, "names": ["US Open", "U.S. Steel"]})
    text = " ".join(words).strip() or "x"
    results = []
    for kind in (AbbreviationStyle, _OldAbbreviationStyle):
        art = _article(text + "\n")
        ctx = _Ctx(art, Rule())
        results.append([(h.block.index, h.start, h.end, h.suggestion, h.replacement, h.message, sorted(h.args.items()))
                        for h in kind(Rule(), options).check(ctx)])
    assert results[0] == results[1]


# -- numbers.consistency: a category with fewer than two of its forms written is skipped -------------

CONSISTENCY_PIECES = ["5%", "5 %", "5 percent", "5 PERCENT", "5 per cent", "5 Per Cent", "5 pct", "percentage", "£5m",
                      "$5 million", "€5bn", "£5 billion", "$5 mn", "$5mln", "£5 bln", "I'm", "5 M", "“5%”", "the",
                      "said", ".", "\n\n", "per", "cent"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CONSISTENCY_PIECES), min_size=1, max_size=12), st.booleans())
def test_number_consistency_forms_written_unchanged(words, quotes):
    import newslint.news.numbers as numbers
    from newslint.kinds.base import validate_options

    class Rule:
        id = "t"
        scope = "all"

    Rule.quotes = quotes
    impl = numbers.NumberConsistency(Rule(), validate_options(numbers.NumberConsistency.OPTIONS,
                                                              {"categories": ["percent", "million"]}))
    text = " ".join(words).strip() or "x"
    fast = [(h.block.index, h.start, h.end, h.suggestion, sorted(h.args.items()))
            for h in impl.check(_Ctx(_article(text + "\n"), Rule()))]
    saved = dict(numbers._CONSISTENCY_WRITTEN)
    numbers._CONSISTENCY_WRITTEN.clear()  # the old path: every category scanned
    try:
        slow = [(h.block.index, h.start, h.end, h.suggestion, sorted(h.args.items()))
                for h in impl.check(_Ctx(_article(text + "\n"), Rule()))]
    finally:
        numbers._CONSISTENCY_WRITTEN.update(saved)
    assert fast == slow


# -- numbers.percent: an article whose percentages are all figures with a sign ---------------------------

PERCENT_PIECES = ["5%", "5 %", ".6%", "0.6%", "1.5%", "(.5%)", "x.5%", "1,000%", "five %", "Five%", "5 percent",
                  "5 PERCENT", "5 per cent", "5 per  cent", "fivepercent", "recent", "CENTRE", "centre", "per", "cent",
                  "the", "said", ".", "\n\n", "“5%”"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PERCENT_PIECES), min_size=1, max_size=12),
       st.sampled_from(["sign", "percent", "per cent"]), st.sampled_from([[], ["per cent"], ["sign"]]),
       st.booleans(), st.sampled_from(["consistent", "always"]), st.booleans(), st.booleans())
def test_number_percent_sign_only_unchanged(words, style, allow, leading_zero, enforce, collapse, quotes):
    import newslint.news.numbers as numbers
    from newslint.kinds.base import validate_options

    class Rule:
        id = "t"
        scope = "all"
        message = "m"

    Rule.quotes = quotes
    impl = numbers.NumberPercent(Rule(), validate_options(numbers.NumberPercent.OPTIONS, {
        "style": style, "allow": allow, "leading_zero": leading_zero, "enforce": enforce, "collapse": collapse}))
    text = " ".join(words).strip() or "x"

    def run():
        return [(h.block.index, h.start, h.end, h.suggestion, h.replacement, h.message)
                for h in impl.check(_Ctx(_article(text + "\n"), Rule()))]

    fast = run()
    impl._sign_only = lambda ctx, block: False  # the old path: every block scanned for every form
    assert fast == run()


# -- numbers.ordinal: the word-ordinal gate --------------------------------------------------------------

ORDINAL_PIECES = ["tenth", "Tenth", "eleventh", "twentieth", "twenty-first", "twenty‑first", "thirty-ninth", "ninetieth",
                  "fifteenth", "first", "tent", "tenths", "'", "’", "-", "the", "5th", "x", " ", ".", "seventy", "twenty"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ORDINAL_PIECES), min_size=1, max_size=10),
       st.lists(st.sampled_from([" ", "", "-"]), min_size=10, max_size=10))
@example(["twenty-first"], [" "] * 10)
@example(["the", "tenth"], [" "] * 10)
def test_word_ordinal_gate_keeps_every_match(words, gaps):
    from newslint.news.numbers import _ORDINAL_RUNS, _WORD_ORDINAL

    text = "".join(w + g for w, g in zip(words, gaps)).strip() or "x"
    art = _article(text + "\n")
    for block in art.blocks:
        if _WORD_ORDINAL.search(block.text):
            assert not _ORDINAL_RUNS.isdisjoint(letter_runs(art, block)), block.text


# -- article-level word gates (attribution verbs, anonymous sources, titles before names) ---------------

ARTICLE_PIECES = ["He claimed", "she smiled", "officials said", "OFFİCİALS said", "a source close to the talks told",
                  "Astronaut Neil Armstrong said", "Gov. Jay Inslee", "Governor Jay Inslee", "“We will win,” he said.",
                  "Mr Smith insisted that the plan would work.", "the", "\n\n", ".", "The report noted the rise."]


def _findings(linter, text, **patch):
    return [(f.rule, f.offset, f.length, f.message) for f in linter.lint_text(text).findings]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ARTICLE_PIECES), min_size=1, max_size=10), st.sampled_from(["ap", "uk"]))
def test_article_word_gates_unchanged(pieces, profile):
    import newslint.news.attributions as attributions
    import newslint.news.titles as titles
    from newslint.config import Config, Settings
    from newslint.engine import Linter
    from newslint.plugins.manager import PluginHost

    linter = Linter(PluginHost(load_entry_points=False), Config(),
                    Settings(profile=profile, select=("attributions.*", "titles.*")))
    text = " ".join(pieces).strip() + "\n"
    fast = _findings(linter, text)
    everything = lambda article: frozenset().union(_ANON_AND_VERBS, *(  # noqa: E731
        letter_runs(article, b) for b in article.blocks))
    # the titles pack is a package: patch every module of it that reads the article's words
    patched = [attributions] + [m for m in (titles.common, titles.long_title) if hasattr(m, "article_letter_runs")]
    saved = [m.article_letter_runs for m in patched]
    for m in patched:
        m.article_letter_runs = everything  # no article-level skip
    try:
        slow = _findings(linter, text)
    finally:
        for m, f in zip(patched, saved):
            m.article_letter_runs = f
    assert fast == slow


def _all_firsts():
    from newslint.config import Config, Settings
    from newslint.engine import Linter
    from newslint.news.attributions import _ANON_HEAD_RUNS
    from newslint.plugins.manager import PluginHost

    words = set(_ANON_HEAD_RUNS)
    for profile in ("ap", "uk"):
        linter = Linter(PluginHost(load_entry_points=False), Config(), Settings(profile=profile))
        for rule in linter.rules_for(linter._settings(linter.config.settings)):
            words |= getattr(rule.impl, "firsts", None) or set()
    return frozenset(words)


_ANON_AND_VERBS = _all_firsts()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["The mayor said.", "It cost £5m.", "Officials", "x", "café", "İ", "don't"]),
                min_size=1, max_size=6))
def test_article_letter_runs_hold_every_blocks(paragraphs):
    from newslint.kinds.base import article_letter_runs

    art = _article("\n\n".join(paragraphs) + "\n")
    for block in art.blocks:
        assert letter_runs(art, block) <= article_letter_runs(art)


# -- numbers.spell-out-small: the figure gate --------------------------------------------------------------

SMALL_PIECES = ["5", "12", "123", "3.5", "$5", "£5", "#5", "x5", "(5", "-5", "–5", "’5", "&5", "%5", "reporters", "Reporters",
                "Chinese", "ǆ", "ß", "\u1c8a", " ", "  ", "\n", "\u00a0", "\t", "the", "said", ".", ",", "people", "5th"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SMALL_PIECES), min_size=1, max_size=12))
@example(["5", " ", "reporters"])
@example(["(5", "\u00a0", "ß"])
@example(["5", " ", "\u1c8a"])
@example(["5", " ", "Reporters"])
@example(["5", " ", "Chinese"])
def test_small_figure_gate_keeps_every_match(pieces):
    """The gate is True wherever the rule acts on a match: a lower-case word after the figure, or a
    capitalised one that is a nationality ("9 Chinese coast guard ships"); the rule skips any other
    capitalised word ("Windows 7 Home"), and so may the gate."""
    from newslint.news.numbers import _DIGITS, _NATIONALITIES, _SMALL_FIGURE, _may_count

    text = "".join(pieces)
    if any(not m.group(2)[0].isupper() or m.group(2).lower() in _NATIONALITIES for m in _SMALL_FIGURE.finditer(text)):
        assert _may_count(text, tuple(m.span() for m in _DIGITS.finditer(text))), text


# -- engine.word_count ------------------------------------------------------------------------------------

@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u2028é")), max_size=40))
def test_word_count_is_len_split(text):
    from newslint.engine import word_count

    assert word_count(text) == len(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_word_count_is_len_split_on_any_ascii(text):
    from newslint.engine import word_count

    assert word_count(text) == len(text.split())
