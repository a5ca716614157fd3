"""Every default rule together stays linear on one huge paragraph.

A copy-pasted archive or a scraper's output can put megabytes on one line;
a rule that compares each sentence with the whole paragraph (a search of the
block per repeated sentence, say) turns that into minutes. The robustness
check lints a 9 MB line of one repeated sentence; these units are its cousins.
"""

from __future__ import annotations

import pytest

from newslint.article.source import decode
from newslint.config import Config
from newslint.engine import Linter
from newslint.plugins.manager import PluginHost
from timing import assert_scales_linearly, cpu_seconds

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
    source = decode(text.encode("utf-8"), "huge.txt")
    return cpu_seconds(lambda: _linter().lint_source(source))


@pytest.mark.parametrize("unit", UNITS, ids=range(len(UNITS)))
def test_every_rule_is_linear_in_one_huge_paragraph(unit):
    # ~25 KB -> ~200 KB on one line: linear costs 8 times more; a quadratic step 64 times
    small = 25_000 // len(unit)
    _cost(unit * 50)  # compile and warm up outside the measurement
    assert_scales_linearly(lambda n: _cost(unit * n), small, 8, allowed=8 * 3, floor=0.01)
