"""Every rule fixture under tests/fixtures/rules/, and the rule that every
shipped rule has one.

Fixture files are picked up automatically (one per rule, named after the
rule id); the format is described in docs/architecture.md and run by
``newslint.testing``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.plugins.builtin import rules_folder
from newslint.testing import check, fixture_files, fixture_params, load_fixture, make_linter

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


@pytest.mark.parametrize("case", fixture_params(FIXTURES))
def test_fixture(case):
    check(case)


def _fixtures_by_rule() -> dict[str, list]:
    by_rule: dict[str, list] = {}
    for path in fixture_files(FIXTURES):
        by_rule.setdefault(load_fixture(path).rule, []).append(path)
    return by_rule


@pytest.mark.parametrize("path", fixture_files(FIXTURES), ids=lambda p: p.name)
def test_fixture_file_is_named_after_its_rule(path):
    # <rule-id>.yaml, or <rule-id>.<variant>.yaml for a second file (another profile)
    rule = load_fixture(path).rule
    assert path.stem == rule or path.stem.startswith(rule + "."), \
        f"{path.name} describes {rule}; name it {rule}.yaml (or {rule}.<variant>.yaml)"


def test_every_fixture_rule_has_enough_cases():
    thin = []
    for rule, paths in _fixtures_by_rule().items():
        cases = [c for p in paths for c in load_fixture(p).cases]
        failing = sum(1 for c in cases if c.findings)
        passing = len(cases) - failing
        if failing < 3 or passing < 3:
            thin.append(f"{rule} ({failing} failing, {passing} passing)")
    assert not thin, "rules need at least 3 failing and 3 passing cases: " + ", ".join(thin)


def test_every_shipped_rule_has_a_fixture():
    linter = make_linter(load_entry_points=False)
    shipped = Path(rules_folder()).resolve()
    ids = sorted(r.id for r in linter.all_rules if shipped in Path(r.path).resolve().parents)
    assert ids, "no shipped rules found"
    covered = _fixtures_by_rule()
    missing = [rule_id for rule_id in ids if rule_id not in covered]
    assert not missing, f"{len(missing)} shipped rule(s) without tests/fixtures/rules/<id>.yaml: {', '.join(missing)}"
