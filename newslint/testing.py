"""Testing rules with YAML fixtures: the runner newslint uses for its own
packs, public so that plugin and house-style authors test theirs the same way.

A fixture file describes one rule and its cases (see docs/architecture.md,
"Rule fixtures")::

    rule: mechanics.doubled-word
    settings: {profile: ap}         # optional config layer for every case
    packs: [../packs/house.yaml]    # optional extra packs, relative to this file
    cases:
      - name: doubled article
        text: "The the mayor said on Tuesday."
        format: txt                 # optional: the parser (a file extension); default txt
        findings:                   # exactly this rule's findings, in order
          - {line: 1, column: 1, match: "The the", message: "Doubled word: \\"The the\\".", fix: "The"}
        fixed: "The mayor said on Tuesday."   # optional: the text after applying the fixes
      - name: had had is fine
        text: "She had had enough."
        findings: []

Expected findings must give ``line`` and ``column`` (1-based, in the case
text); ``match``, ``message``, ``fix`` (the replacement, or ``null`` for no
fix) and ``severity`` are compared when given.

A plugin's whole test file::

    import pytest
    from newslint.testing import check, fixture_params

    @pytest.mark.parametrize("case", fixture_params("tests/fixtures"))
    def test_rule(case):
        check(case)

``check_examples(rule)`` runs the ``examples`` embedded in a rule's pack
entry: each ``wrong`` must produce a finding, each ``right`` none, and
``fixed`` must equal ``wrong`` with the rule's fixes applied.

The lower-level pieces (``load_fixture``, ``make_linter``, ``run_case``,
``assert_case``) are public too, for tests that need their own linter.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from newslint.config import SETTING_KEYS, Config, Settings, parse_settings
from newslint.engine import FileResult, Linter
from newslint.findings import Finding
from newslint.packs.model import Rule
from newslint.packs.yamlsource import LocDict, LocList, YAMLError, load_yaml
from newslint.plugins.manager import PluginHost

__all__ = [
    "FixtureError", "CaseFailure", "Expected", "Case", "RuleFixture", "load_fixture", "make_linter",
    "run_case", "assert_case", "apply_fixes", "fixture_params", "check", "check_examples",
]

FIXTURE_KEYS = {"rule", "settings", "packs", "cases", "description"}
CASE_KEYS = {"name", "text", "format", "findings", "fixed"}
EXPECTED_KEYS = {"line", "column", "match", "message", "fix", "severity"}
_UNSET = object()


class FixtureError(Exception):
    """A fixture file that cannot be used; names the file, line and field."""

    def __init__(self, path: str, message: str, line: int = 0, field: str | None = None):
        self.path, self.line, self.field, self.detail = path, line, field, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: field '{field}': {message}" if field else f"{where}: {message}")


class CaseFailure(AssertionError):
    """A case whose findings differ from the expected ones."""


@dataclass
class Expected:
    """One expected finding; attributes left ``_UNSET`` are not compared."""

    line: int
    column: int
    match: object = _UNSET
    message: object = _UNSET
    fix: object = _UNSET
    severity: object = _UNSET

    def describe(self) -> str:
        parts = [f"{self.line}:{self.column}"]
        for key in ("match", "message", "fix", "severity"):
            value = getattr(self, key)
            if value is not _UNSET:
                parts.append(f"{key}={value!r}")
        return " ".join(parts)


@dataclass
class Case:
    name: str
    text: str
    findings: list[Expected]
    format: str = "txt"
    fixed: str | None = None
    line: int = 0
    #: the fixture this case belongs to (set by load_fixture)
    fixture: "RuleFixture | None" = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        rule = self.fixture.rule if self.fixture else "?"
        return f"{rule}::{self.name}"


@dataclass
class RuleFixture:
    path: str
    rule: str
    cases: list[Case]
    settings: Settings = field(default_factory=Settings)
    #: extra pack files or folders, absolute
    packs: list[str] = field(default_factory=list)


# -- loading -------------------------------------------------------------------
def load_fixture(path: str | os.PathLike) -> RuleFixture:
    """Read and validate a fixture file; raise FixtureError naming file, line and field."""
    path = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FixtureError(path, f"cannot read fixture: {exc}") from None
    try:
        data = load_yaml(text)
    except YAMLError as exc:
        raise FixtureError(path, f"invalid YAML: {exc}", line=exc.line) from None
    if not isinstance(data, LocDict):
        raise FixtureError(path, "a fixture must be a mapping with 'rule' and 'cases'", line=1)

    def fail(where: LocDict, key, message: str, name: str | None = None):
        raise FixtureError(path, message, line=where.line_of(key) if isinstance(where, LocDict) else 0,
                           field=name or str(key))

    for key in data:
        if key not in FIXTURE_KEYS:
            fail(data, key, f"unknown key (a fixture has: {', '.join(sorted(FIXTURE_KEYS))})")
    rule = data.get("rule")
    if not isinstance(rule, str) or "." not in rule:
        fail(data, "rule", "expected a rule id such as 'usage.us-abbreviation'", "rule")
    settings = Settings()
    if "settings" in data:
        raw = data["settings"]
        if not isinstance(raw, dict):
            fail(data, "settings", "expected a mapping of config settings")
        for key in raw:
            if key not in SETTING_KEYS:
                fail(raw, key, f"unknown setting (use: {', '.join(sorted(SETTING_KEYS))})", f"settings.{key}")
        try:
            settings = parse_settings(raw, path, "settings.")
        except Exception as exc:  # ConfigError already names the field
            raise FixtureError(path, getattr(exc, "detail", str(exc)), line=getattr(exc, "line", 0),
                               field=getattr(exc, "field", "settings")) from None
    packs: list[str] = []
    if "packs" in data:
        raw = data["packs"]
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
            fail(data, "packs", "expected a list of pack files or folders (relative to the fixture)")
        base = os.path.dirname(os.path.abspath(path))
        for i, entry in enumerate(raw):
            full = os.path.normpath(os.path.join(base, entry))
            if not os.path.exists(full):
                raise FixtureError(path, f"pack path does not exist: {full}", line=data.line_of("packs"),
                                   field=f"packs[{i}]")
            packs.append(full)
    cases_data = data.get("cases")
    if not isinstance(cases_data, LocList) or not cases_data:
        fail(data, "cases", "expected a non-empty list of cases", "cases")
    fixture = RuleFixture(path=path, rule=rule, cases=[], settings=settings, packs=packs)
    names: set[str] = set()
    for i, entry in enumerate(cases_data):
        case = _read_case(path, entry, cases_data.line_of(i), i)
        if case.name in names:
            raise FixtureError(path, f"duplicate case name {case.name!r}", line=case.line, field=f"cases[{i}].name")
        names.add(case.name)
        case.fixture = fixture
        fixture.cases.append(case)
    return fixture


def _read_case(path: str, entry, line: int, index: int) -> Case:
    where = f"cases[{index}]"
    if not isinstance(entry, LocDict):
        raise FixtureError(path, "each case must be a mapping", line=line, field=where)

    def fail(key, message: str, sub: str | None = None):
        raise FixtureError(path, message, line=entry.line_of(key), field=f"{where}.{sub or key}")

    for key in entry:
        if key not in CASE_KEYS:
            fail(key, f"unknown key (a case has: {', '.join(sorted(CASE_KEYS))})")
    for key in ("name", "text", "findings"):
        if key not in entry:
            raise FixtureError(path, f"missing required key '{key}'", line=entry.line, field=f"{where}.{key}")
    if not isinstance(entry["name"], str) or not entry["name"].strip():
        fail("name", "expected a non-empty string")
    if not isinstance(entry["text"], str):
        fail("text", "expected a string")
    fmt = entry.get("format", "txt")
    if not isinstance(fmt, str) or not fmt.strip(". "):
        fail("format", "expected a format name such as txt, md or html")
    fixed = entry.get("fixed")
    if fixed is not None and not isinstance(fixed, str):
        fail("fixed", "expected a string")
    findings_data = entry["findings"]
    if not isinstance(findings_data, list):
        fail("findings", "expected a list of findings ([] for none)")
    expected = []
    for j, item in enumerate(findings_data):
        sub = f"findings[{j}]"
        item_line = findings_data.line_of(j) if isinstance(findings_data, LocList) else entry.line_of("findings")
        if not isinstance(item, dict):
            raise FixtureError(path, "expected a mapping with line and column", line=item_line,
                               field=f"{where}.{sub}")
        for key in item:
            if key not in EXPECTED_KEYS:
                raise FixtureError(path, f"unknown key (a finding has: {', '.join(sorted(EXPECTED_KEYS))})",
                                   line=item_line, field=f"{where}.{sub}.{key}")
        for key in ("line", "column"):
            value = item.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise FixtureError(path, f"'{key}' is required: a positive integer", line=item_line,
                                   field=f"{where}.{sub}.{key}")
        for key in ("match", "message", "severity"):
            if key in item and not isinstance(item[key], str):
                raise FixtureError(path, "expected a string", line=item_line, field=f"{where}.{sub}.{key}")
        if "fix" in item and item["fix"] is not None and not isinstance(item["fix"], str):
            raise FixtureError(path, "expected the replacement text, or null for no fix", line=item_line,
                               field=f"{where}.{sub}.fix")
        expected.append(Expected(**{k: item[k] for k in EXPECTED_KEYS if k in item}))
    return Case(name=entry["name"].strip(), text=entry["text"], findings=expected, format=fmt.strip(". "),
                fixed=fixed, line=line)


# -- running -------------------------------------------------------------------
def make_linter(packs: Iterable = (), plugins: Iterable = (), settings: Settings | None = None,
                config: Config | None = None, load_entry_points: bool = True) -> Linter:
    """A Linter with the built-in plugin (plus installed plugins unless
    ``load_entry_points=False``), extra ``packs`` (files or folders),
    ``plugins`` (plugin objects such as modules, or paths of plugin files)
    and ``settings`` as the config's own settings."""
    host = PluginHost(load_entry_points=load_entry_points)
    for plugin in plugins:
        if isinstance(plugin, (str, os.PathLike)):
            host.load_file(plugin)
        else:
            name = getattr(plugin, "__name__", None) or type(plugin).__name__
            taken = host.pm.get_plugin(name) is not None
            host.register(plugin, name=f"{name}-{id(plugin):x}" if taken else name)
    config = config or Config()
    extra = [str(p) for p in packs]
    if extra:
        config = config.replace(packs=[*config.packs, *extra])
    if settings is not None:
        config = config.replace(settings=config.settings.merge(settings))
    return Linter(host, config)


def lint_case(linter: Linter, rule_id: str, case: Case) -> FileResult:
    """The FileResult of linting a case's text with only ``rule_id`` selected."""
    if rule_id not in linter.all_rules.rules:
        raise FixtureError(case.fixture.path if case.fixture else "<case>",
                           f"unknown rule {rule_id!r}: is its pack loaded? (add it under 'packs')", field="rule")
    settings = case.fixture.settings if case.fixture else Settings()
    settings = settings.merge(Settings(select=(rule_id,)))
    return linter.lint_text(case.text, path=f"case.{case.format}", settings=settings)


def run_case(linter: Linter, rule_id: str, case: Case) -> list[Finding]:
    """Lint a case selecting only ``rule_id``; the rule's findings in order.

    Raises CaseFailure when the run itself reported problems (the text could
    not be parsed, a rule timed out or crashed): a fixture must not pass by
    accident.
    """
    result = lint_case(linter, rule_id, case)
    problems = ([result.error] if result.error else []) + [e.get("message", str(e)) for e in result.errors]
    if problems:
        raise CaseFailure(f"{case.id}: the run reported problems:\n  " + "\n  ".join(problems))
    return [f for f in result.findings if f.rule == rule_id]


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with the findings' fixes applied (overlapping fixes: the first wins)."""
    fixes = sorted((f.fix for f in findings if f.fix is not None), key=lambda x: (x.offset, x.length))
    out, pos = [], 0
    for fix in fixes:
        if fix.offset < pos:
            continue
        out.append(text[pos:fix.offset])
        out.append(fix.replacement)
        pos = fix.offset + fix.length
    out.append(text[pos:])
    return "".join(out)


def _actual(finding: Finding) -> dict:
    return {"line": finding.line, "column": finding.column, "match": finding.match,
            "message": finding.message, "fix": finding.fix.replacement if finding.fix else None,
            "severity": str(finding.severity)}


def _describe_actual(finding: Finding) -> str:
    a = _actual(finding)
    return (f"{a['line']}:{a['column']} match={a['match']!r} message={a['message']!r} "
            f"fix={a['fix']!r} severity={a['severity']!r}")


def assert_case(case: Case, findings: list[Finding]) -> None:
    """Compare findings with the case's expectations; raise CaseFailure with a diff."""
    problems = []
    for i in range(max(len(case.findings), len(findings))):
        exp = case.findings[i] if i < len(case.findings) else None
        act = findings[i] if i < len(findings) else None
        if exp is None:
            problems.append(f"  unexpected finding #{i + 1}: {_describe_actual(act)}")
            continue
        if act is None:
            problems.append(f"  missing finding #{i + 1}: {exp.describe()}")
            continue
        actual = _actual(act)
        diffs = [f"{key}: expected {getattr(exp, key)!r}, got {actual[key]!r}"
                 for key in ("line", "column", "match", "message", "fix", "severity")
                 if getattr(exp, key) is not _UNSET and getattr(exp, key) != actual[key]]
        if diffs:
            problems.append(f"  finding #{i + 1} ({_describe_actual(act)}):\n" +
                            "\n".join(f"      {d}" for d in diffs))
    if case.fixed is not None:
        fixed = apply_fixes(case.text, findings)
        if fixed != case.fixed:
            problems.append(f"  after fixes:\n      expected {case.fixed!r}\n      got      {fixed!r}")
    if problems:
        where = f" ({case.fixture.path}:{case.line})" if case.fixture else ""
        listing = "\n".join(f"    {_describe_actual(f)}" for f in findings) or "    (none)"
        raise CaseFailure(f"{case.id}{where}\n" + "\n".join(problems) + f"\n  all findings:\n{listing}")


# -- pytest integration ------------------------------------------------------
_LINTERS: dict[tuple, Linter] = {}


def _cached_linter(packs: Iterable[str] = ()) -> Linter:
    key = tuple(packs)
    if key not in _LINTERS:
        _LINTERS[key] = make_linter(packs=key)
    return _LINTERS[key]


def check(case: Case) -> None:
    """Run one case (from ``fixture_params``) and assert its findings.

    The linter is built once per set of extra packs and reused; the
    fixture's ``settings`` are applied per case.
    """
    if isinstance(case, FixtureError):  # a fixture file that failed to load
        raise case
    linter = _cached_linter(case.fixture.packs if case.fixture else ())
    assert_case(case, run_case(linter, case.fixture.rule, case))


def fixture_files(folder_or_files) -> list[Path]:
    """The ``*.yaml`` fixture files directly in a folder (sorted), or the files given.

    Not recursive, so a plugin can keep its test packs in a subfolder."""
    items = [folder_or_files] if isinstance(folder_or_files, (str, os.PathLike)) else list(folder_or_files)
    files: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            files.append(path)
    return files


def fixture_params(folder_or_files) -> list:
    """``pytest.param``s for every case, with ids ``rule-id::case-name``.

    A file that fails to load becomes one param that fails with the error,
    so one broken fixture does not hide the others.
    """
    import pytest

    params = []
    for path in fixture_files(folder_or_files):
        try:
            fixture = load_fixture(path)
        except FixtureError as exc:
            params.append(pytest.param(exc, id=f"{path.name}::load-error"))
            continue
        params.extend(pytest.param(case, id=case.id) for case in fixture.cases)
    return params


# -- embedded examples ---------------------------------------------------------
_PLACEHOLDER_BODY = "\n\nThe story continues in this paragraph."
_CAPTION_PREFIX = "Caption: "


def _example_text(rule: Rule, text: str) -> tuple[str, str, str]:
    """(prefix, text, suffix): a headline or caption rule's example is linted in that role."""
    if rule.scope == "headline" and "\n\n" not in text:
        return "", text, _PLACEHOLDER_BODY
    if rule.scope == "caption" and "\n" not in text:
        return _CAPTION_PREFIX, text, ""
    return "", text, ""


def check_examples(rule: Rule | str, linter: Linter | None = None) -> int:
    """Run a rule's embedded ``examples``; return how many were checked.

    ``wrong`` must produce at least one finding of the rule, ``right`` none,
    and ``fixed`` must equal ``wrong`` after applying the rule's fixes. An
    example of a headline-scoped rule is linted as a headline (a body
    paragraph is added after it), one of a caption-scoped rule as a caption.
    Without ``linter``, the rule's own pack file is loaded next to the
    built-in packs.
    """
    if linter is None:
        if isinstance(rule, str):
            linter = _cached_linter()
        else:
            from newslint.plugins.builtin import rules_folder

            shipped = os.path.realpath(rules_folder())
            inside = os.path.realpath(rule.path).startswith(shipped + os.sep)
            linter = _cached_linter(() if inside else (os.path.realpath(rule.path),))
    rule_id = rule if isinstance(rule, str) else rule.id
    rules = linter.all_rules.rules
    if rule_id not in rules:
        raise FixtureError(getattr(rule, "path", "<examples>"), f"unknown rule {rule_id!r}", field="rule")
    rule = rules[rule_id]
    settings = Settings(select=(rule_id,))
    problems = []
    for i, example in enumerate(rule.examples):
        for key in ("wrong", "right"):
            if key not in example:
                continue
            prefix, text, suffix = _example_text(rule, example[key])
            result = linter.lint_text(prefix + text + suffix, settings=settings)
            trouble = ([result.error] if result.error else []) + [e.get("message", "") for e in result.errors]
            if trouble:
                problems.append(f"examples[{i}].{key}: the run reported problems: {'; '.join(trouble)}")
                continue
            found = [f for f in result.findings if f.rule == rule_id]
            if key == "wrong" and not found:
                problems.append(f"examples[{i}].wrong: no finding for {example[key]!r}")
            if key == "right" and found:
                problems.append(f"examples[{i}].right: unexpected finding(s) for {example[key]!r}: "
                                + "; ".join(_describe_actual(f) for f in found))
            if key == "wrong" and "fixed" in example:
                fixed = apply_fixes(prefix + text + suffix, found)
                fixed = fixed[len(prefix):len(fixed) - len(suffix)]
                if fixed != example["fixed"]:
                    problems.append(f"examples[{i}].fixed: expected {example['fixed']!r}, got {fixed!r}")
    if problems:
        raise CaseFailure(f"{rule_id} ({rule.path}:{rule.line}):\n  " + "\n  ".join(problems))
    return len(rule.examples)
