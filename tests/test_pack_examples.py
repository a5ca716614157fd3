"""The ``examples`` embedded in every shipped rule (and in the generic test
pack) run as tests: ``wrong`` must be flagged, ``right`` must not, and
``fixed`` must be what the rule's fixes make of ``wrong``."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.plugins.builtin import rules_folder
from newslint.testing import check_examples, make_linter

GENERIC = Path(__file__).parent / "packs" / "generic.yaml"


def _rules():
    try:
        linter = make_linter(packs=[GENERIC], load_entry_points=False)
    except Exception as exc:  # a broken pack: one failing test that says why
        return [pytest.param(None, exc, id="packs-load")]
    shipped = Path(rules_folder()).resolve()
    return [pytest.param(linter, rule, id=rule.id) for rule in linter.all_rules
            if shipped in Path(rule.path).resolve().parents or rule.id.startswith("generic.")]


@pytest.mark.parametrize(("linter", "rule"), _rules())
def test_examples(linter, rule):
    if linter is None:
        raise rule
    assert any("wrong" in e for e in rule.examples), f"{rule.id}: needs an example with 'wrong'"
    assert any("right" in e for e in rule.examples), f"{rule.id}: needs an example with 'right'"
    assert check_examples(rule, linter) == len(rule.examples)


@pytest.mark.parametrize(("linter", "rule"), _rules())
def test_doc_shape(linter, rule):
    if linter is None:
        raise rule
    lines = [line.strip() for line in rule.doc.strip().splitlines()]
    assert lines and lines[0], f"{rule.id}: the doc's first line says what the rule checks"
    assert any(line.startswith("Why:") for line in lines), f"{rule.id}: the doc needs a 'Why:' line"
    assert any(line.startswith("Fix:") for line in lines), f"{rule.id}: the doc needs a 'Fix:' line"
