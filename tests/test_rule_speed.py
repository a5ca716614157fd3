"""The rules' speed devices must never change a finding.

Gates (``requires``/``prefilter``, letter-run sets, substring tests) skip
blocks that cannot match, and prefix tries replace plain alternations; each
is checked here against the slow path it replaces.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article.model import Article
from newslint.article.parsers.text import TextParser
from newslint.article.source import Source
from newslint.kinds.base import BlockGate, first_letter_run, letter_runs, validate_options, word_gate
from newslint.kinds.existence import Existence
from newslint.kinds.repetition import _DOUBLE
from newslint.kinds.substitution import Substitution
from newslint.kinds.words import word_trie

RULES = Path(__file__).resolve().parent.parent / "rules"


def _article(text: str) -> Article:
    return TextParser().parse(Source(path="t.txt", text=text), {})[0]


# -- word_trie -------------------------------------------------------------------


def test_word_trie_shape():
    assert word_trie(["added", "adds", "add", "asked"]) == "a(?:dd(?:ed|s)?|sked)"
    assert word_trie(["pointed out", "pointed"]) == r"pointed(?:\s+out)?"
    assert word_trie(["a.b"]) == r"a\.b"


WORDS = ["said", "says", "say", "told", "added", "adds", "according to", "in a statement", "went on", "went",
         "claimed", "claims", "Claims", "point", "pointed out", "pointed"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["x", "-", " ", "\n", "ED", "S", "on", "out", "a", "in", "5", "é"]),
                max_size=12))
def test_word_trie_finds_what_the_alternation_finds(pieces):
    text = " ".join(pieces) + "".join(pieces)
    plain = regex.compile(r"(?<![\p{L}\-])(?:" + "|".join(
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(WORDS, key=lambda w: (-len(w), w)))
        + r")(?![\p{L}\-])", regex.I)
    trie = regex.compile(r"(?<![\p{L}\-])" + word_trie(WORDS) + r"(?![\p{L}\-])", regex.I)
    assert [m.span() for m in trie.finditer(text, overlapped=True)] == \
        [m.span() for m in plain.finditer(text, overlapped=True)]


# -- letter runs -------------------------------------------------------------------


def test_letter_runs_are_folded_and_cached():
    art = _article("Officials SAID the Straße was closed; 5claimed it.\n")
    block = art.blocks[0]
    runs = letter_runs(art, block)
    assert {"officials", "said", "strasse", "claimed"} <= runs
    assert letter_runs(art, block) is runs


def test_letter_runs_keep_words_before_a_folding_mark():
    # U+0345 folds to a letter and would glue itself to the word before it
    art = _article("He said\u0345 so.\n")
    assert "said" in letter_runs(art, art.blocks[0])


def test_word_gate():
    assert word_gate(["pointed out", "Claims", "e-mail"]) == frozenset({"pointed", "claims", "e"})
    assert word_gate(["said", "24/7"]) is None
    assert first_letter_run("$5") is None


# -- rules with gates against the same rules without --------------------------------


def _rule(kind, options):
    class Rule:
        id = "t"
        scope = "all"
        quotes = True
    return kind(Rule(), validate_options(kind.OPTIONS, options))


def _hits(kind_impl, text):
    from newslint.kinds.base import CheckContext

    class Rule:
        scope = "all"
        quotes = True
    art = _article(text)
    return [(h.block.index, h.start, h.end, h.suggestion) for h in kind_impl.check(CheckContext(art, Rule()))]


def test_block_gate_requires_and_prefilter():
    gate = BlockGate({"requires": ["Night"], "prefilter": r"\d"})
    assert gate.active and gate.requires == ("night",)
    gated = _rule(Existence, {"patterns": [r"night \d"], "requires": ["NIGHT"]})
    assert _hits(gated, "Last NIGHT 5 times.\n\nNo match here.\n") == []
    assert _hits(gated, "Last night 5 times.\n") == [(0, 5, 12, None)]
    pre = _rule(Substitution, {"swap": {r"(?<=\w)[ \t]+(?=[.,])": ""}, "regex": True, "prefilter": r"[ \t][.,]"})
    assert _hits(pre, "Word , word.\n\nWord, word.\n") == [(0, 4, 5, "")]


def _shipped(pack: str, rule_id: str) -> dict:
    for rule in yaml.safe_load((RULES / pack).read_text(encoding="utf-8"))["rules"]:
        if rule["id"] == rule_id:
            return rule
    raise LookupError(rule_id)


SAMPLES = [
    "The mayor said last night that the vote was close.",
    "Tomorrow's vote is set. He will vote tomorrow. This MORNING the council met.",
    "The plan failed .The next one worked!Then it ended.  Twice  spaced.",
    "“We won,” she said yesterday at 9 am. Officials said it , again.",
    "YESTERDAY, the talks ended. Tonight at 8 the show opens.",
]


@pytest.mark.parametrize("pack, rule_id", [
    ("usage.yaml", "usage.relative-time"),
    ("mechanics.yaml", "mechanics.space-before-punctuation"),
    ("mechanics.yaml", "mechanics.doubled-space"),
    ("mechanics.yaml", "mechanics.missing-space-after-sentence"),
])
def test_shipped_speed_hints_drop_nothing(pack, rule_id):
    rule = _shipped(pack, rule_id)
    kind = {"existence": Existence, "substitution": Substitution}[rule["kind"]]
    options = dict(rule["options"])
    assert options.get("requires") or options.get("prefilter")
    bare = {k: v for k, v in options.items() if k not in ("requires", "prefilter")}
    fast, slow = _rule(kind, options), _rule(kind, bare)
    examples = [e[side] for e in rule.get("examples", []) for side in ("wrong", "right") if side in e]
    fixture = RULES.parent / "tests" / "fixtures" / "rules" / f"{rule_id}.yaml"
    if fixture.exists():
        examples += [c["text"] for c in yaml.safe_load(fixture.read_text(encoding="utf-8"))["cases"]]
    found = 0
    for text in SAMPLES + examples:
        expected = _hits(slow, text)
        assert _hits(fast, text) == expected, text
        found += len(expected)
    assert found, "the samples should exercise the rule"


def test_substitution_word_gate_matches_the_scan():
    swap = {"e-mail": "email", "Towards": "toward", "per cent": "percent"}
    for ignore_case in (True, False):
        rule = _rule(Substitution, {"swap": swap, "ignore_case": ignore_case})
        assert rule.firsts == frozenset({"e", "towards", "per"})
        text = "Send an E-mail towards Towards the end.\n\nIt rose 5 PER  CENT.\n\nNothing here.\n"
        ungated = _rule(Substitution, {"swap": swap, "ignore_case": ignore_case})
        ungated.firsts = None
        assert _hits(rule, text) == _hits(ungated, text)
        assert _hits(rule, text)


# -- doubled words -----------------------------------------------------------------

_OLD_DOUBLE = regex.compile(r"(?<![\w'’.-])(\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?)(\s+)(\1)(?![\w'’-])",
                            regex.IGNORECASE | regex.V0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "THE", "don't", "don’t", "is", "a", "-", ".", "'", "5",
                                 " ", "  ", "\n", "é", "e\u0301", "ſ", "s"]), max_size=14))
def test_doubled_word_pattern_unchanged(pieces):
    for text in (" ".join(pieces), "".join(pieces)):
        assert [m.span() for m in _DOUBLE.finditer(text)] == [m.span() for m in _OLD_DOUBLE.finditer(text)]


# -- sentence starts ---------------------------------------------------------------

def _old_at_sentence_start(text: str, pos: int) -> bool:
    from newslint.news import numbers as n
    lo = max(0, pos - 40)
    if lo == 0 and n._BLOCK_START.match(text, 0, pos):
        return True
    m = n._BEFORE_START.search(text, lo, pos)
    if not m:
        return False
    if m.group("stop") == ".":
        word = m.group("word")
        if "." in word or word.lower() in n._ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
        if word.isdigit():
            return False
    return True


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("ab.!?\"”’')]“‘([ \n\t5") + ["Mr", "\u00a0", "\x1c", "\u2028", "\x85"]),
                max_size=60),
       st.integers(min_value=0, max_value=120))
def test_at_sentence_start_unchanged(pieces, pos):
    from newslint.news.numbers import at_sentence_start
    text = "".join(pieces)
    pos = min(pos, len(text))
    assert at_sentence_start(text, pos) == _old_at_sentence_start(text, pos)


# -- speech verbs ------------------------------------------------------------------

def test_has_speech_gate_keeps_pieces_cut_from_words():
    from newslint.kinds.base import CheckContext
    from newslint.news.attributions import _has_speech

    class Rule:
        scope = "all"
        quotes = True
    art = _article("The film was retold often. Then nothing else happened here.\n")
    ctx, block = CheckContext(art, Rule()), art.blocks[0]
    assert not _has_speech(ctx, block, [])
    # a piece that starts inside "retold" reads "told", as the search over the piece always did
    assert _has_speech(ctx, block, [], block.text.index("told"))
    said = _article("Then she SAID so.\n")
    assert _has_speech(CheckContext(said, Rule()), said.blocks[0], [])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "THE", "don't", "don’t", "dogs'", "is", "-", ".", "'", "5", " ",
                                 "  ", "\n", "é", "e\u0301", "ſ", "s", "Σ", "σ", "ς", "K", "\u212a", "k"]),
                min_size=1, max_size=14))
def test_doubled_word_rule_finds_every_double(pieces):
    from newslint.kinds.repetition import Repetition
    text = " ".join(pieces).replace("\n", " ").strip() or "x"
    rule = _rule(Repetition, {"allow": [], "names": True})
    found = [(start, end) for _, start, end, _ in _hits(rule, text + "\n")]
    art = _article(text + "\n")
    expected = [(m.start(), m.end()) for b in art.blocks for m in _OLD_DOUBLE.finditer(b.text)]
    assert found == expected


def test_collective_they_gate_covers_every_verb():
    from newslint.news.pronouns import _SAY_VERBS, _SAY_WORDS
    assert _SAY_VERBS.startswith("(?:") and _SAY_VERBS.endswith(")")
    firsts = {regex.match(r"[a-z]+", alt).group() for alt in _SAY_VERBS[3:-1].split("|")}
    assert firsts == _SAY_WORDS
