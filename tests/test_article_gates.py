"""Article-level gates (one set or substring test skips a whole article) must drop nothing.

``article_letter_runs``/``article_folded_text`` hold every block's runs and folded prose;
the kinds that use them must report exactly what they report without them.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article.parsers.text import TextParser
from newslint.article.source import Source
from newslint.kinds.base import (BlockGate, CheckContext, article_folded_text, article_letter_runs, folded_text,
                                 letter_runs, validate_options, word_runs)
from newslint.kinds.existence import Existence
from newslint.kinds.substitution import Substitution
from newslint.news.pronouns import CollectiveThey

PIECES = ["The", "the", "company", "Company", "COMPANY", "said", "says", "told", "they", "their", "them", "Acme",
          "Widgets", "Inc.", "Ltd", "plc", "Co", "board", ",", ".", " ", " ", "\n", "\n\n", "night", "Last",
          "utilise", "Utilise", "  ", " .", "’s", "'", "-", "5", "é", "ǅ", "\u0345"]


def _article(text: str):
    return TextParser().parse(Source(path="t.txt", text=text), {})[0]


class _Rule:
    id = "t"
    scope = "all"
    quotes = True


def _hits(kind, options, text: str, gated: bool = True):
    impl = kind(_Rule(), validate_options(kind.OPTIONS, options))
    article = _article(text)
    if not gated:  # every article-level gate open: a set/string that holds everything
        impl.firsts = impl.subject_words = None
        if hasattr(impl, "gate"):
            impl.gate = BlockGate({})
    return [(h.block.index, h.start, h.end, h.suggestion) for h in impl.check(CheckContext(article, _Rule()))]


texts = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_article_index_holds_every_block(text):
    article = _article(text)
    runs, folded = article_letter_runs(article), article_folded_text(article)
    for block in article.blocks:
        assert letter_runs(article, block) <= runs
        assert folded_text(article, block) in folded


@settings(max_examples=200, deadline=None)
@given(texts)
def test_collective_they_subject_gate_drops_nothing(text):
    assert _hits(CollectiveThey, {}, text) == _hits(CollectiveThey, {}, text, gated=False)
    assert _hits(CollectiveThey, {"nouns": ["board"], "org_suffixes": False}, text) == \
        _hits(CollectiveThey, {"nouns": ["board"], "org_suffixes": False}, text, gated=False)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_substitution_and_existence_article_gates_drop_nothing(text):
    swap = {"swap": {"utilise": "use", "last night": "on Monday night"}}
    assert _hits(Substitution, swap, text) == _hits(Substitution, swap, text, gated=False)
    spaced = {"swap": {r"(?<=\w)[ \t]+(?=[.,;!?])": ""}, "regex": True, "requires": [" .", " ,"]}
    assert _hits(Substitution, spaced, text) == _hits(Substitution, spaced, text, gated=False)
    night = {"patterns": [r"(?i)last\s+night"], "requires": ["NIGHT"]}
    assert _hits(Existence, night, text) == _hits(Existence, night, text, gated=False)


RUN_PIECES = ["mayor", "Mayor's", "don’t", "'tis", "rock'n'roll", "e.g.", "5m", "£5m", "2004,", "(the", "the)",
              "“Yes,”", "—", "-", "co-op", "naïve", "nai\u0308ve", "\u0301a", "ǅ", "ß", "İ", "x\u0345y", "…", "*",
              "/", "a/b", "«oui»", " ", "\n", "\u00a0", "\u2028", "..."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(RUN_PIECES), max_size=20).map("".join))
def test_block_runs_equal_the_expressions(text):
    """word_runs/letter_runs are built token by token; they must equal the definitions."""
    import regex

    article = _article(text or "x")
    for block in article.blocks:
        folded = block.text.casefold()
        words = regex.findall(r"[\p{L}\p{M}'’]+", folded)
        assert word_runs(article, block) == words
        letters = set(words) | {r for w in words for r in regex.findall(r"\p{L}+", w)}
        if "\u0345" in block.text:
            letters |= set(regex.findall(r"\p{L}+", block.text.replace("\u0345", " ").casefold()))
        assert letter_runs(article, block) == letters


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES + [".The", "!Then", "said.", "“Yes.”", "?A", "x"]), max_size=30).map(" ".join))
def test_article_level_prefilter_drops_nothing(text):
    missing = {"swap": {r"(?<![\w.])(\p{Ll}{2,}|\p{Lu}\p{Ll}{3,})([.!?][”\"]?)(\p{Lu}\p{Ll}+)\b": r"\1\2 \3"},
               "regex": True, "ignore_case": False, "prefilter": r"[.!?][”\"]?\p{Lu}"}
    assert BlockGate({"prefilter": missing["prefilter"]}).joinable
    assert _hits(Substitution, missing, text) == _hits(Substitution, missing, text, gated=False)
    anchored = {"patterns": [r"(?m)^Last"], "prefilter": r"^Last"}
    assert not BlockGate({"prefilter": anchored["prefilter"]}).joinable
    assert _hits(Existence, anchored, text) == _hits(Existence, anchored, text, gated=False)
