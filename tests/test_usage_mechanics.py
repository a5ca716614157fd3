"""The usage and mechanics packs: fixtures, embedded examples, profiles, fixes.

The per-rule fixtures live in tests/fixtures/rules/<rule-id>.yaml; this file
runs those of the two packs, their doc examples, and what the fixtures cannot
express: the uk profile's flipped choices, a newsroom overriding a single
option, and ``--fix`` end to end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.cli import main
from newslint.config import Settings
from newslint.packs.model import PackError
from newslint.testing import check, check_examples, fixture_params, make_linter

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
OURS = sorted(p for p in FIXTURES.glob("*.yaml") if p.name.startswith(("usage.", "mechanics.")))


@pytest.fixture(scope="module")
def linter():
    return make_linter()


def findings(linter, text, rule=None, profile=None, rules=None, path="case.txt"):
    settings = Settings(select=(rule,) if rule else ("usage", "mechanics"), profile=profile,
                        rules=tuple(sorted((k, tuple(sorted(v.items()))) for k, v in (rules or {}).items())))
    result = linter.lint_text(text, path=path, settings=settings)
    assert not result.errors, result.errors
    return result.findings


@pytest.mark.parametrize("case", fixture_params(OURS))
def test_fixture(case):
    check(case)


def test_every_rule_has_a_fixture_with_enough_cases(linter):
    ids = [r.id for r in linter.all_rules if r.id.startswith(("usage.", "mechanics."))]
    assert len(ids) >= 15
    for rule_id in ids:
        path = FIXTURES / f"{rule_id}.yaml"
        assert path.is_file(), f"no fixture for {rule_id}"
        params = fixture_params([path])
        failing = [p for p in params if p.values[0].findings]
        passing = [p for p in params if not p.values[0].findings]
        assert len(failing) >= 3 and len(passing) >= 3, rule_id


def test_examples(linter):
    checked = 0
    for rule in linter.all_rules:
        if rule.id.startswith(("usage.", "mechanics.")):
            assert rule.doc and "Why:" in rule.doc and "Fix:" in rule.doc, rule.id
            checked += check_examples(rule.id)
    assert checked >= 15


# -- the uk profile -----------------------------------------------------------
def test_uk_profile_flips_us_un(linter):
    text = "The U.S. envoy met U.N. officials and US diplomats.\n"
    ap = [(f.match, f.fix.replacement if f.fix else None) for f in findings(linter, text, "usage.us-un")]
    uk = [(f.match, f.fix.replacement if f.fix else None) for f in findings(linter, text, "usage.us-un", "uk")]
    assert ap == [("US", "U.S.")]
    # enforce: consistent: "U.N." alone is the story's convention, "U.S." against "US" a mix
    assert uk == [("U.S.", "US")]
    always = findings(linter, text, "usage.us-un", "uk", rules={"usage.us-un": {"enforce": "always"}})
    assert [(f.match, f.fix.replacement if f.fix else None) for f in always] == [("U.S.", "US"), ("U.N.", "UN")]


def test_uk_dotted_form_before_a_capital_gets_no_fix(linter):
    # "in the U.S. The ..." - the point may also end the sentence
    [f] = findings(linter, "He lived in the U.S. The family moved in 2004.", "usage.us-un", "uk",
                   rules={"usage.us-un": {"enforce": "always"}})
    assert f.match == "U.S." and f.fix is None


_HOUSE_CHOICES = ["usage.us-un", "usage.s-possessive", "usage.nato", "usage.ap-word-forms"]


@pytest.mark.parametrize("rule, text", [
    ("usage.us-un", "The US envoy met US troops."),
    ("usage.s-possessive", "The talks followed Hamas’s attack on the Jewish state."),
    ("usage.nato", "Nato leaders met. The summit was Nato’s biggest."),
    ("usage.ap-word-forms", "The convoy moved towards the border, amongst others, and afterwards left."),
])
def test_enforce_consistent_leaves_one_convention_alone(linter, rule, text):
    assert findings(linter, text, rule) == []
    assert findings(linter, text, rule, rules={rule: {"enforce": "always"}})


@pytest.mark.parametrize("rule", _HOUSE_CHOICES)
def test_bad_enforce_value_is_a_config_error(linter, rule):
    with pytest.raises(PackError) as info:
        findings(linter, "Text.", rule, rules={rule: {"enforce": "never"}})
    assert info.value.field == "options.enforce" and "consistent, always" in str(info.value)


@pytest.mark.parametrize("rule, text, ap, uk", [
    ("usage.nato", "Nato and NATO allies met.", ["Nato"], ["NATO"]),
    ("usage.isis", "Isis and ISIS fighters.", ["Isis"], ["ISIS"]),
    ("usage.s-possessive", "The talks followed Hamas’ attack and Hamas’s raids.", ["Hamas’s"], ["Hamas’"]),
])
def test_uk_profile_flips(linter, rule, text, ap, uk):
    assert [f.match for f in findings(linter, text, rule)] == ap
    assert [f.match for f in findings(linter, text, rule, "uk")] == uk


def test_uk_possessive_leaves_plurals_and_place_names(linter):
    text = ("The Israelis’ demands and the Americans’ view. The American view differs. "
            "He played at St James’ Park. The Blues’ coach left.")
    assert findings(linter, text, "usage.s-possessive", "uk") == []


def test_uk_profile_turns_off_ap_only_rules(linter):
    text = "An official told the New York Times the convoy moved towards the border and back toward the city."
    assert {f.rule for f in findings(linter, text)} == {"usage.newspaper-names", "usage.ap-word-forms"}
    assert findings(linter, text, profile="uk") == []


def test_newsroom_overrides_one_option(linter):
    text = "The U.S. and US officials met at the UN."
    found = findings(linter, text, "usage.us-un", rules={"usage.us-un": {"style": "consistent"}})
    # two dotted against one plain for US; UN alone is not a mix
    assert [f.match for f in found] == ["US"]


def test_serial_comma_require_style(linter):
    text = "He spoke to leaders in Egypt, Jordan and Qatar."
    [f] = findings(linter, text, "usage.serial-comma", rules={"usage.serial-comma": {"style": "require"}})
    assert f.fix.replacement == ", and "


def test_acronym_known_list_can_be_extended(linter):
    text = "The talks were hosted by the GAA on Monday."
    assert [f.match for f in findings(linter, text, "usage.acronym-first-use")] == ["GAA"]
    assert findings(linter, text, "usage.acronym-first-use",
                    rules={"usage.acronym-first-use": {"also_known": ["GAA"]}}) == []


# -- the brief's end-to-end cases ------------------------------------------------
@pytest.mark.parametrize("text, fmt", [
    ("Officials said the the vote would happen", "caption"),
    ("Officials said the the vote would happen on Tuesday.", "body"),
    ("Officials said the the vote would happen\n\nThe vote is on Tuesday.", "headline"),
])
def test_doubled_word_in_every_block(linter, text, fmt):
    if fmt == "caption":
        text = "Vote delayed\n\nThe council met on Monday. It will vote on Tuesday.\n\nPhoto: " + text
    found = findings(linter, text, "mechanics.doubled-word")
    assert [f.match for f in found] == ["the the"]


def test_fix_removes_doubled_word_and_stray_space(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text("Officials said the the vote would happen on Tuesday .\n", encoding="utf-8")
    main(["--no-config", "--select", "mechanics", "--fix", str(path)])
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") == "Officials said the vote would happen on Tuesday.\n"


def test_mixed_quotes_reports_every_mark_when_asked(linter):
    text = "“We’re here,” he said. “We’re staying.” She said \"no\" and \"never\"."
    found = findings(linter, text, "mechanics.mixed-quotes", rules={"mechanics.mixed-quotes": {"max_per_article": 0}})
    assert [f.fix.replacement for f in found] == ["“", "”", "“", "”"]
