"""Word-list patterns are searched without the regex timeout; every other expression keeps it.

``newslint.kinds.base.searched_untimed`` recognises the shape of ``token_pattern``'s output
(one alternation of escaped words, ``\\s+`` between the words of a phrase): such a pattern
cannot backtrack catastrophically, and the timeout's clock readings cost more than the search.
"""

from __future__ import annotations

import textwrap

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.config import Config, Settings
from newslint.kinds.base import CheckContext, compile_pattern, searched_untimed
from newslint.kinds.words import token_pattern
from newslint.testing import make_linter

CHARS = st.sampled_from(list("abcXYZ09éß’'-.&#()[]{}|?*+^$\\/~@!:;,_\u0130\u212a"))
WORD = st.text(CHARS, min_size=1, max_size=6)
TOKEN = st.lists(WORD, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(TOKEN, min_size=1, max_size=8), ignore_case=st.booleans(),
       text=st.text(st.sampled_from(list("abcXYZ09éß’'-.&#()|?*+ \n\u00a0\t")), max_size=80))
def test_word_list_patterns_are_untimed_and_find_what_the_timed_search_finds(tokens, ignore_case, text):
    pattern = compile_pattern(token_pattern(tokens, ignore_case), "options.tokens")
    assert searched_untimed(pattern)
    ctx = CheckContext(None, None, timeout=1.0)
    assert [m.span() for m in ctx.finditer(pattern, text)] == [m.span() for m in pattern.finditer(text, timeout=1.0)]
    found = ctx.search(pattern, text, 1)
    timed = pattern.search(text, 1, timeout=1.0)
    assert (found and found.span()) == (timed and timed.span())


SHAPE = "(?<![\\w'’-])(?:{})(?![\\w-]|['’]\\w)"


def test_every_other_expression_keeps_the_timeout():
    for body in ["a+", "(a|a)\\s+b", "a\\s+\\s+b", "a\\d\\s+b", "a{1,9}b", "a\\s+", "\\s+a", "a*b", "a?b",
                 "a.b", "[ab]c", "(?:a)", "(a)\\1", "a\\s*b", "a\\ b", "a||b", "|a", "a\\w"]:
        assert not searched_untimed(regex.compile(SHAPE.format(body))), body
        assert not searched_untimed(regex.compile("(?i)" + SHAPE.format(body))), body
    assert searched_untimed(regex.compile(SHAPE.format("a\\s+b|c")))
    for other in ["(a+)+$", "(?x)" + SHAPE.format("a\\#b"), "(?<![\\w'’-])(?:a)(?![\\w-])", "\\bword\\b"]:
        assert not searched_untimed(regex.compile(other)), other
    # the same text in another flavour or flag set is not taken on trust either
    assert not searched_untimed(regex.compile(SHAPE.format("a"), regex.V1))
    assert not searched_untimed(regex.compile(SHAPE.format("a"), regex.VERBOSE))
    assert not searched_untimed(regex.compile(SHAPE.format("a"), regex.REVERSE))


def test_a_catastrophic_pattern_beside_a_word_list_still_times_out(tmp_path):
    pack = tmp_path / "slow.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: slow
        rules:
          - id: slow.backtrack
            kind: existence
            message: never reported
            options: {tokens: [mayor, vote now], patterns: ['(a+)+$']}
        """), encoding="utf-8")
    linter = make_linter(config=Config(packs=[str(pack)], timeout=0.2), load_entry_points=False)
    result = linter.lint_text("The mayor said vote  now.\n\n" + "a" * 40_000 + "!\n", settings=Settings(select=("slow",)))
    timeouts = [e for e in result.errors if e["type"] == "timeout"]
    assert len(timeouts) == 1 and timeouts[0]["rule"] == "slow.backtrack"
