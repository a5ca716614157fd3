"""The public fixture runner ``newslint.testing``: loading errors, the diff
a failing case prints, fixture ids, plugin objects, embedded examples."""

from __future__ import annotations

import textwrap
import types

import pytest

from newslint.kinds.base import Hit, Option, RuleKind
from newslint.plugins.hookspecs import hookimpl
from newslint.testing import (CaseFailure, FixtureError, assert_case, check, check_examples, fixture_params,
                              load_fixture, make_linter, run_case)

PACK = textwrap.dedent("""\
    pack: house
    rules:
      - id: house.doubled
        kind: repetition
        message: 'Doubled word: "{match}".'
        doc: |
          A word typed twice.
          Why: a slip.
          Fix: yes.
        examples:
          - wrong: "The the mayor said."
            right: "The mayor said."
            fixed: "The mayor said."
    """)


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "house.yaml").write_text(PACK, encoding="utf-8")
    return folder / "house.yaml"


def write(tmp_path, text: str, name: str = "house.doubled.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


GOOD = """\
    rule: house.doubled
    packs: [packs/house.yaml]
    cases:
      - name: doubled article
        text: "The the mayor said on Tuesday."
        findings:
          - {line: 1, column: 1, match: "The the", message: 'Doubled word: "The the".', fix: "The", severity: warning}
        fixed: "The mayor said on Tuesday."
      - name: clean
        text: "She had had enough."
        findings: []
    """


def test_fixture_params_ids_and_check(tmp_path, pack):
    write(tmp_path, GOOD)
    params = fixture_params(tmp_path)
    assert [p.id for p in params] == ["house.doubled::doubled article", "house.doubled::clean"]
    for param in params:
        check(param.values[0])


def test_failing_case_shows_a_diff(tmp_path, pack):
    path = write(tmp_path, GOOD.replace('column: 1,', 'column: 2,').replace('fix: "The"', 'fix: null'))
    case = load_fixture(path).cases[0]
    with pytest.raises(CaseFailure) as info:
        check(case)
    text = str(info.value)
    assert "house.doubled::doubled article" in text and str(path) in text
    assert "column: expected 2, got 1" in text
    assert "fix: expected None, got 'The'" in text
    assert "all findings:" in text


def test_missing_and_unexpected_findings(tmp_path, pack):
    fixture = load_fixture(write(tmp_path, GOOD))
    linter = make_linter(packs=fixture.packs, load_entry_points=False)
    doubled, clean = fixture.cases
    found = run_case(linter, "house.doubled", doubled)
    with pytest.raises(CaseFailure, match=r"unexpected finding #1: 1:1 match='The the'"):
        assert_case(clean, found)
    with pytest.raises(CaseFailure, match=r"missing finding #1: 1:1"):
        assert_case(doubled, [])


def test_wrong_fixed_text_fails(tmp_path, pack):
    case = load_fixture(write(tmp_path, GOOD.replace('fixed: "The mayor said on Tuesday."',
                                                     'fixed: "The mayor spoke."'))).cases[0]
    with pytest.raises(CaseFailure, match="after fixes"):
        check(case)


@pytest.mark.parametrize(("text", "line", "field", "words"), [
    ("rule: house.doubled\ncases: []\n", 2, "cases", "non-empty list"),
    ("rule: nodot\ncases: [{name: a, text: b, findings: []}]\n", 1, "rule", "rule id"),
    ("rule: a.b\nextra: 1\ncases: []\n", 2, "extra", "unknown key"),
    ("rule: a.b\ncases:\n  - name: a\n    text: b\n", 3, "cases[0].findings", "missing required key"),
    ("rule: a.b\ncases:\n  - name: a\n    text: b\n    findings: [{column: 3}]\n", 5,
     "cases[0].findings[0].line", "positive integer"),
    ("rule: a.b\ncases:\n  - name: a\n    text: b\n    findings:\n      - {line: 1, column: 1, colour: red}\n",
     6, "cases[0].findings[0].colour", "unknown key"),
    ("rule: a.b\ncases:\n  - {name: a, text: b, findings: []}\n  - {name: a, text: c, findings: []}\n", 4,
     "cases[1].name", "duplicate case name"),
    ("rule: a.b\nsettings: {colour: red}\ncases: [{name: a, text: b, findings: []}]\n", 2,
     "settings.colour", "unknown setting"),
    ("rule: a.b\npacks: [missing.yaml]\ncases: [{name: a, text: b, findings: []}]\n", 2,
     "packs[0]", "does not exist"),
    ("rule: a.b\ncases:\n  - name: a\n    text: [b]\n    findings: []\n", 4, "cases[0].text", "expected a string"),
])
def test_load_errors_name_file_line_and_field(tmp_path, text, line, field, words):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FixtureError) as info:
        load_fixture(path)
    exc = info.value
    assert (exc.line, exc.field) == (line, field), str(exc)
    assert words in exc.detail and str(path) in str(exc)


def test_invalid_yaml_and_broken_file_become_a_failing_param(tmp_path):
    (tmp_path / "broken.yaml").write_text("rule: a.b\ncases: [\n", encoding="utf-8")
    params = fixture_params(tmp_path)
    assert [p.id for p in params] == ["broken.yaml::load-error"]
    with pytest.raises(FixtureError, match="invalid YAML"):
        check(params[0].values[0])


def test_unknown_rule_is_a_clear_error(tmp_path, pack):
    case = load_fixture(write(tmp_path, GOOD.replace("rule: house.doubled", "rule: house.missing"))).cases[0]
    with pytest.raises(FixtureError, match="unknown rule 'house.missing'"):
        check(case)


def test_fixture_settings_apply(tmp_path, pack):
    text = GOOD.replace("packs: [packs/house.yaml]",
                        "packs: [packs/house.yaml]\n    settings: {severity: {house.doubled: error}}")
    case = load_fixture(write(tmp_path, text)).cases[0]
    with pytest.raises(CaseFailure, match="severity: expected 'warning', got 'error'"):
        check(case)


class Shouting(RuleKind):
    name = "shouting-test"
    OPTIONS = {"min": Option("int", default=3)}

    def check(self, ctx):
        for block in ctx.blocks():
            for token in ctx.article.analysis.tokens(block):
                if len(token.text) >= self.options["min"] and token.text.isupper():
                    yield Hit(block, token.start, token.end)


def test_make_linter_with_a_plugin_object(tmp_path):
    plugin = types.SimpleNamespace(__name__="shouting_plugin",
                                   newslint_rule_kinds=hookimpl(lambda: [Shouting]))
    pack = tmp_path / "shout.yaml"
    pack.write_text("pack: shout\nrules:\n  - id: shout.caps\n    kind: shouting-test\n    message: m\n",
                    encoding="utf-8")
    fixture = tmp_path / "shout.caps.yaml"
    fixture.write_text(textwrap.dedent("""\
        rule: shout.caps
        cases:
          - name: caps
            text: "The mayor said NO to the plan."
            findings: [{line: 1, column: 16, match: "NO"}]
        """), encoding="utf-8")
    linter = make_linter(packs=[pack], plugins=[plugin], load_entry_points=False,
                         settings=None)
    case = load_fixture(fixture).cases[0]
    with pytest.raises(CaseFailure, match="missing finding"):  # min 3: "NO" is too short
        assert_case(case, run_case(linter, "shout.caps", case))
    from newslint.config import Settings
    tuned = make_linter(packs=[pack], plugins=[plugin], load_entry_points=False,
                        settings=Settings(rules=(("shout.caps", (("min", 2),)),)))
    assert_case(case, run_case(tuned, "shout.caps", case))


def test_check_examples(tmp_path, pack):
    linter = make_linter(packs=[pack], load_entry_points=False)
    rule = linter.all_rules.rules["house.doubled"]
    assert check_examples(rule, linter) == 1
    assert check_examples(rule) == 1  # loads the rule's own pack next to the shipped ones
    rule.examples = [{"wrong": "The mayor said.", "right": "The the mayor said.", "fixed": "x"}]
    with pytest.raises(CaseFailure) as info:
        check_examples(rule, linter)
    text = str(info.value)
    assert "examples[0].wrong: no finding" in text and "examples[0].right: unexpected finding" in text


def test_headline_examples_are_linted_as_headlines(tmp_path):
    pack = tmp_path / "hl.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: hl
        rules:
          - id: hl.length
            kind: occurrence
            message: "Headline of {count} characters."
            scope: headline
            options: {unit: characters, max: 20}
            examples:
              - wrong: "Blinken arrives in Israel for talks"
                right: "Blinken in Israel"
        """), encoding="utf-8")
    linter = make_linter(packs=[pack], load_entry_points=False)
    assert check_examples(linter.all_rules.rules["hl.length"], linter) == 1
