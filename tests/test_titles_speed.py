"""The titles kinds' speed devices must never change a finding (see test_rule_speed.py)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.news.titles import _COURTESY, _COURTESY_GATE

PIECES = ["Mr", "Mrs", "Ms", "Mx", "Miss", "M", "r", "s", ".", " ", "\u00a0", "Smith", "smith", "and", "-", "x",
          "Mr.", "MS", "mr", "Missy", "Ms.Jones"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10))
def test_courtesy_gate_keeps_every_match(pieces):
    # titles.courtesy skips blocks without "Mr", "Ms", "Mx" or "Miss" (_COURTESY_GATE): every match holds one
    text = "".join(pieces)
    for m in _COURTESY.finditer(text):
        assert any(w in m.group() for w in ("Mr", "Ms", "Mx", "Miss"))
    gated = "Mr" not in text and "Ms" not in text and "Mx" not in text and "Miss" not in text
    assert bool(_COURTESY_GATE(text)) == (not gated)
    assert not (gated and _COURTESY.search(text))
