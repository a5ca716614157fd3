"""The text parser's fast paths must give what the expressions they replace give."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article.parsers import text as T

PIECES = ["a", "End", ".", "!", "?", ":", ";", "…", "'", "\"", "”", "’", ")", "]", " ", "\t", "\n", "\r", "\r\n",
          "\u00a0", "\x1c", "\x85", "\u2028", "\u3000", "<!-- x -->", "5"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_ends_sentence_is_the_expression(text):
    assert T.ends_sentence(text) == bool(T._TERMINAL.search(text))


def _lines_by_expression(text):
    pos, n, out = 0, len(text), []
    while pos < n:
        m = T._LINE.match(text, pos)
        out.append((pos, pos + len(m.group().rstrip("\r\n"))))
        if m.end() == pos:
            break
        pos = m.end()
    return out


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_lines_are_the_expression(text):
    assert list(T._lines(text)) == _lines_by_expression(text)
