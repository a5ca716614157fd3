"""Every default rule together stays linear on one huge paragraph.

A copy-pasted archive or a scraper's output can put megabytes on one line;
a rule that compares each sentence with the whole paragraph (a search of the
block per repeated sentence, say) turns that into minutes. The robustness
check lints a 9 MB line of one repeated sentence; these units are its cousins.
"""

from __future__ import annotations

import time

import pytest

from newslint.article.source import decode
from newslint.config import Config
from newslint.engine import Linter
from newslint.plugins.manager import PluginHost

_LINTER = None

UNITS = [
    "The mayor said the vote would happen on Tuesday. ",
    "“We will rebuild,” Gov. Maria Lopez said. ",
    "Secretary of State Antony Blinken met the foreign minister. He said so so. ",
    "A State Department official told reporters the US and the U.S. agreed on Oct. 10th . ",
]


def _linter() -> Linter:
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter(PluginHost(load_entry_points=False), Config())
    return _LINTER


def _cost(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        source = decode(text.encode("utf-8"), "huge.txt")
        start = time.process_time()
        _linter().lint_source(source)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", UNITS, ids=range(len(UNITS)))
def test_every_rule_is_linear_in_one_huge_paragraph(unit):
    # ~25 KB -> ~200 KB on one line: linear costs 8 times more; a quadratic step 64 times
    small = 25_000 // len(unit)
    _cost(unit * 50)  # compile and warm up outside the measurement
    cheap, dear = _cost(unit * small), _cost(unit * small * 8)
    assert dear < max(cheap, 0.01) * 8 * 3, (cheap, dear)
