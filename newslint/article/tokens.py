"""Words with their offsets."""

from __future__ import annotations

import gc
from collections import namedtuple
from functools import partial

from newslint import rx as regex

# words, with inner apostrophes, periods and hyphens (don't, U.S, 5-year-old)
_WORD = regex.compile(r"\w+(?:['’.\-]\w+)*")
#: every word of a stretch in one match: ``_WORD.finditer`` skips non-word characters between
#: words and takes each word greedily; so does this, and it hands back the words and their offsets
#: as lists (``captures``/``starts``/``ends``) instead of one match object per word
_WORDS = regex.compile(r"(?:\W*(" + _WORD.pattern + r"))*")
#: stretches this long are cut at a space (no word holds one): the capture lists stay small
_CHUNK = 20_000


#: a word and its offsets in the block's text (a plain ``namedtuple``: ``typing.NamedTuple``
#: would import ``typing``, several milliseconds of a cold start)
Token = namedtuple("Token", "text start end")


_new_token = partial(tuple.__new__, Token)


def tokenize(text: str) -> list[Token]:
    """The words of ``text``: what ``_WORD.finditer`` finds, as ``Token(text, start, end)``.

    A block's tokens are tens of thousands of tuples, none of them cyclic: they are built with
    the garbage collector paused (as ``newslint.cache.load_marshal`` does), or every few hundred
    of them would set off a collection, and every few thousand a pass over the whole heap.
    """
    tokens: list[Token] = []
    start, n = 0, len(text)
    enabled = gc.isenabled()
    gc.disable()
    try:
        while start < n:
            end = text.find(" ", start + _CHUNK) if n - start > _CHUNK else -1
            end = n if end < 0 else end
            m = _WORDS.match(text, start, end)
            tokens.extend(map(_new_token, zip(m.captures(1), m.starts(1), m.ends(1))))
            start = end
    finally:
        if enabled:
            gc.enable()
    return tokens
