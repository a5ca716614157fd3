"""Option validation of the generic kinds (errors name file, line, rule and
field) and the per-regex timeout."""

from __future__ import annotations

import textwrap

import pytest

from newslint.config import Config, Settings
from newslint.packs.loader import load_rule_set
from newslint.packs.model import PackError
from newslint.plugins.manager import PluginHost
from newslint.testing import make_linter


@pytest.fixture(scope="module")
def kinds():
    return PluginHost(load_entry_points=False).kinds()


def load(tmp_path, kinds, kind: str, options: str, extra: str = ""):
    """Load a one-rule pack; ``options`` is the YAML body under ``options:``."""
    body = textwrap.indent(textwrap.dedent(options).strip(), " " * 6)
    text = (f"pack: t\nrules:\n  - id: t.rule\n    kind: {kind}\n    message: m\n{extra}"
            f"    options:\n{body}\n")
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rule_set([path], kinds), str(path), text.splitlines()


def error(tmp_path, kinds, kind, options, extra=""):
    with pytest.raises(PackError) as info:
        load(tmp_path, kinds, kind, options, extra)
    exc = info.value
    assert exc.rule == "t.rule"
    assert exc.path.endswith("t.yaml")
    return exc


def line_of(tmp_path, needle: str) -> int:
    lines = (tmp_path / "t.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_all_generic_kinds_are_registered(kinds):
    assert {"existence", "substitution", "consistency", "repetition", "occurrence", "conditional",
            "capitalization"} <= set(kinds)


def test_bad_regex_names_file_line_rule_and_field(tmp_path, kinds):
    exc = error(tmp_path, kinds, "existence", "patterns: ['(unclosed']")
    assert exc.field == "options.patterns[0]"
    assert exc.line == line_of(tmp_path, "patterns:")
    message = str(exc)
    assert f"t.yaml:{exc.line}" in message and "rule t.rule" in message
    assert "options.patterns[0]" in message and "bad regular expression" in message


def test_second_bad_regex_is_numbered(tmp_path, kinds):
    exc = error(tmp_path, kinds, "existence", "patterns: ['fine', '[z-a]']")
    assert exc.field == "options.patterns[1]"


@pytest.mark.parametrize(("kind", "options", "field", "words"), [
    # unknown options
    ("consistency", "either: [[a, b]]\nprefered: [a]", "options.prefered", "unknown option"),
    ("repetition", "allowed: [had had]", "options.allowed", "unknown option"),
    ("occurrence", "unit: words\nmax: 3\nlimit: 4", "options.limit", "unknown option"),
    ("conditional", "first: 'x'\nsecond: 'y'\nexception: [FBI]", "options.exception", "unknown option"),
    ("capitalization", "match: sentence\nstyle: title", "options.style", "unknown option"),
    # wrong types
    ("consistency", "either: [U.S., US]", "options.either", "expected list[list[str]]"),
    ("consistency", "either: [[a, b]]\nignore_case: 'yes'", "options.ignore_case", "expected bool"),
    ("repetition", "allow: had had", "options.allow", "expected list[str]"),
    ("repetition", "messages: [so]", "options.messages", "expected map[str,str]"),
    ("occurrence", "unit: words\nmax: '40'", "options.max", "expected int"),
    ("occurrence", "unit: words\nmax: true", "options.max", "expected int"),
    ("conditional", "first: 5\nsecond: 'y'", "options.first", "expected regex"),
    ("capitalization", "match: [sentence]", "options.match", "expected str"),
    # choices and required options
    ("occurrence", "unit: lines\nmax: 3", "options.unit", "expected one of"),
    ("occurrence", "unit: words\nper: article\nmax: 3", "options.per", "expected one of"),
    ("occurrence", "max: 3", "options.unit", "required"),
    ("consistency", "prefer: [US]", "options.either", "required"),
    ("conditional", "first: '\\b([A-Z]+)\\b'", "options.second", "required"),
    ("capitalization", "per: block", "options.match", "required"),
    ("capitalization", "match: sentence\nper: paragraph", "options.per", "expected one of"),
    # values the schema allows but the kind cannot use
    ("consistency", "either: []", "options.either", "at least one group"),
    ("consistency", "either: [[U.S.]]", "options.either[0]", "at least two"),
    ("consistency", "either: [[a, b], [c, c]]", "options.either[1]", "same form twice"),
    ("consistency", "either: [[U.S., US]]\nprefer: [USA]", "options.prefer[0]", "not a form of any group"),
    ("consistency", "either: [[U.S., US]]\nprefer: [U.S., US]", "options.prefer[1]", "already has a preferred"),
    ("repetition", "allow: [had had, so that]", "options.allow[1]", "doubled word"),
    ("repetition", "allow_before: {'is is': '(unclosed'}", "options.allow_before['is is']", "bad regular expression"),
    ("repetition", "allow_after: {'so that': 'x'}", "options.allow_after", "doubled word"),
    ("occurrence", "unit: words", "options.max", "needs 'max' or 'min'"),
    ("occurrence", "unit: words\nmin: 5\nmax: 2", "options.min", "greater than max"),
    ("occurrence", "unit: words\nmax: -1", "options.max", "negative"),
    ("occurrence", "unit: sentences\nper: sentence\nmax: 2", "options.unit", "per sentence"),
    ("conditional", "first: '(unclosed'\nsecond: 'y'", "options.first", "bad regular expression"),
    ("conditional", "first: '([A-Z]+)'\nsecond: '(\\1'", "options.second", "bad regular expression"),
    ("conditional", "first: '([A-Z]+)'\nsecond: '[z-a]'", "options.second", "bad regular expression"),
    ("capitalization", "match: '(unclosed'", "options.match", "bad regular expression"),
    ("capitalization", "match: sentence\nmin_words: 0", "options.min_words", "at least 1"),
])
def test_option_errors(tmp_path, kinds, kind, options, field, words):
    exc = error(tmp_path, kinds, kind, options)
    assert exc.field == field, str(exc)
    assert words in exc.detail, str(exc)
    top = field.split(".")[1].split("[")[0]
    if f"{top}:" in (tmp_path / "t.yaml").read_text():
        assert exc.line == line_of(tmp_path, f"{top}:")  # the line of the offending option
    else:
        assert exc.line == line_of(tmp_path, "options:") + 1  # a missing option: the options block


@pytest.mark.parametrize(("kind", "options"), [
    ("consistency", "either: [[U.S., US], ['%', percent, per cent]]\nprefer: ['%']\nignore_case: false\nfix: false"),
    ("repetition", "allow: [had had]\nmessages: {so: 'Did you mean \"so, so that\"?'}\nno_fix: [so]\nnames: true"),
    ("repetition", "allow_before: {'is is': 'what it\\s+'}\nallow_after: {'that that': '\\s+\\w'}"),
    ("occurrence", "unit: characters\nper: block\nmax: 70\nmin: 10"),
    ("conditional", "first: '\\b([A-Z]{2,6})\\b'\nsecond: '\\(\\1\\)'\nexceptions: [FBI, NATO]"),
    ("conditional", "first: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'"),
    ("capitalization", "match: title\nper: sentence\nexceptions: [iPhone]\nsmall_words: [a, of]\nfix: false"),
    ("capitalization", "match: '\\p{Lu}.*'"),
])
def test_valid_options_load(tmp_path, kinds, kind, options):
    rules, _, _ = load(tmp_path, kinds, kind, options)
    assert rules.rules["t.rule"].impl is not None


def test_config_override_of_options_is_validated_too(tmp_path, kinds):
    path = tmp_path / "t.yaml"
    path.write_text("pack: t\nrules:\n  - id: t.rule\n    kind: occurrence\n    message: m\n"
                    "    options: {unit: words, max: 40}\n", encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_rule_set([path], kinds, rule_options={"t.rule": {"max": "forty"}}, config_path="newslint.yaml")
    assert info.value.path == "newslint.yaml" and info.value.field == "options.max"


def test_catastrophic_regex_times_out_and_other_rules_still_report(tmp_path):
    pack = tmp_path / "slow.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: slow
        rules:
          - id: slow.backtrack
            kind: existence
            message: never reported
            options: {patterns: ['(a+)+$']}
          - id: slow.doubled
            kind: repetition
            message: 'Doubled word: "{match}".'
        """), encoding="utf-8")
    linter = make_linter(config=Config(packs=[str(pack)], timeout=0.2), load_entry_points=False)
    text = "The the mayor said on Tuesday.\n\n" + "a" * 40_000 + "!\n"
    result = linter.lint_text(text, settings=Settings(select=("slow",)))
    assert [f.rule for f in result.findings] == ["slow.doubled"]
    assert result.findings[0].match == "The the"
    timeouts = [e for e in result.errors if e["type"] == "timeout"]
    assert len(timeouts) == 1 and timeouts[0]["rule"] == "slow.backtrack"
    assert "timed out" in timeouts[0]["message"]


@pytest.mark.parametrize(("kind", "options"), [
    ("consistency", "either: [['(a+)+$', b]]"),  # forms are literal: never a regex
    ("conditional", "first: '(a+)+$'\nsecond: '\\(\\1\\)'"),
    ("capitalization", "match: '(a+)+$'"),
])
def test_timeout_applies_to_every_regex_kind(tmp_path, kind, options):
    pack = tmp_path / "slow.yaml"
    body = textwrap.indent(options, " " * 6)
    pack.write_text(f"pack: slow\nrules:\n  - id: slow.rule\n    kind: {kind}\n    message: m\n"
                    f"    options:\n{body}\n", encoding="utf-8")
    linter = make_linter(config=Config(packs=[str(pack)], timeout=0.2), load_entry_points=False)
    result = linter.lint_text("Some words first.\n\n" + "a" * 40_000 + "!",
                              settings=Settings(select=("slow",)))
    timed_out = [e for e in result.errors if e["type"] == "timeout"]
    if kind == "consistency":
        assert not timed_out and not result.findings
    else:
        assert timed_out and timed_out[0]["rule"] == "slow.rule"
