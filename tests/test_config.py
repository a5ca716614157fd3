"""Configuration: discovery, layering, overrides, profiles and inline suppression."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import ROOT
from newslint.config import Config, Settings, find_config, load_config
from newslint.engine import Linter
from newslint.findings import Severity
from newslint.plugins.manager import PluginHost

PROBE = ROOT / "tests" / "packs" / "probe.yaml"


def lint(config: Config, text: str, name: str = "a.txt", cli: Settings | None = None):
    from newslint.article.source import decode

    linter = Linter(PluginHost(load_entry_points=False), config, cli)
    return linter.lint_source(decode(text.encode(), name)).findings


def rules_of(findings):
    return [f.rule for f in findings]


def test_find_config_walks_up(tmp_path):
    (tmp_path / "newslint.yaml").write_text("profile: ap\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(str(deep / "story.txt")) == str(tmp_path / "newslint.yaml")
    (tmp_path / "a" / ".newslint.yaml").write_text("profile: ap\n")
    assert find_config(str(deep)) == str(tmp_path / "a" / ".newslint.yaml")


def test_pyproject_only_with_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(str(tmp_path)) is None or not find_config(str(tmp_path)).startswith(str(tmp_path))
    (tmp_path / "pyproject.toml").write_text(f"[tool.newslint]\npacks = ['{PROBE}']\nselect = ['probe']\n"
                                             "[tool.newslint.severity]\n'probe.doubled' = 'error'\n")
    path = find_config(str(tmp_path))
    assert path == str(tmp_path / "pyproject.toml")
    config = load_config(path)
    findings = lint(config, "Officials said the the vote.\n")
    assert rules_of(findings) == ["probe.doubled"]
    assert findings[0].severity is Severity.ERROR


def test_select_ignore_severity_and_rule_options(tmp_path):
    (tmp_path / "newslint.yaml").write_text(textwrap.dedent(f"""\
        packs: ['{PROBE}']
        select: [probe]
        ignore: [probe.yesterday]
        severity: {{probe.doubled: info}}
        rules:
          probe.alright:
            swap: {{alright: all right, irregardless: regardless}}
        """))
    config = load_config(str(tmp_path / "newslint.yaml"))
    findings = lint(config, "Irregardless, the the vote was alright yesterday.\n")
    assert rules_of(findings) == ["probe.alright", "probe.doubled", "probe.alright"]
    assert findings[0].suggestion == "Regardless"
    assert findings[1].severity is Severity.INFO


def test_overrides_apply_by_path(tmp_path):
    (tmp_path / "newslint.yaml").write_text(textwrap.dedent(f"""\
        packs: ['{PROBE}']
        select: [probe]
        overrides:
          - files: ['opinion/*']
            ignore: [probe.alright]
            severity: {{probe.doubled: error}}
        """))
    config = load_config(str(tmp_path / "newslint.yaml"))
    text = "The the vote was alright, she said, and the the count.\n"
    assert rules_of(lint(config, text, str(tmp_path / "news" / "a.txt"))) == ["probe.alright", "probe.doubled"]
    findings = lint(config, text, str(tmp_path / "opinion" / "a.txt"))
    assert rules_of(findings) == ["probe.doubled"]
    assert findings[0].severity is Severity.ERROR


def test_options_for_unknown_rule_is_an_error(tmp_path):
    from newslint.config import ConfigError

    (tmp_path / "newslint.yaml").write_text("rules:\n  nothing.here: {a: 1}\n")
    with pytest.raises(ConfigError, match="options for unknown rule 'nothing.here'"):
        Linter(PluginHost(load_entry_points=False), load_config(str(tmp_path / "newslint.yaml")))


def test_bad_option_value_in_config_names_config(tmp_path):
    from newslint.packs.model import PackError

    (tmp_path / "newslint.yaml").write_text(f"packs: ['{PROBE}']\nrules:\n  probe.alright: {{swap: [1]}}\n")
    with pytest.raises(PackError) as info:
        Linter(PluginHost(load_entry_points=False), load_config(str(tmp_path / "newslint.yaml")))
    assert info.value.path.endswith("newslint.yaml") and info.value.field == "options.swap"


def test_profile_is_an_overlay_under_the_config(tmp_path):
    packs = tmp_path / "packs"
    (packs / "profiles").mkdir(parents=True)
    (packs / "probe.yaml").write_text(PROBE.read_text())
    (packs / "profiles" / "house.yaml").write_text(textwrap.dedent("""\
        description: test profile
        ignore: [probe.yesterday]
        rules:
          probe.alright: {swap: {alright: all-right}}
        """))
    (tmp_path / "newslint.yaml").write_text("packs: [packs]\nselect: [probe]\nprofile: house\n")
    config = load_config(str(tmp_path / "newslint.yaml"))
    findings = lint(config, "It was alright yesterday.\n")
    assert rules_of(findings) == ["probe.alright"] and findings[0].suggestion == "all-right"
    # the command line wins over the config's profile
    findings = lint(config, "It was alright yesterday.\n", cli=Settings(profile="ap"))
    assert rules_of(findings) == ["probe.alright", "probe.yesterday"]


def test_cli_profile_uk_is_accepted(cli, tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said the vote is on Tuesday.\n")
    proc = cli("--profile", "uk", "--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    json.loads(proc.stdout)


SUPPRESSED = """\
The the vote was alright.
<!-- newslint-disable probe.doubled -->
The the vote was alright.
<!-- newslint-enable probe.doubled -->
<!-- newslint-disable-next-line probe.alright -->
The the vote was alright.
<!-- newslint-disable -->
The the vote was alright.
"""


def test_inline_suppression(tmp_path):
    config = Config(packs=[str(PROBE)], settings=Settings(select=("probe",)))
    text = SUPPRESSED.replace("The the", "So the the")
    found = [(f.line, f.rule) for f in lint(config, text)]
    assert found == [(1, "probe.doubled"), (1, "probe.alright"), (3, "probe.alright"), (6, "probe.doubled")]


def test_suppression_by_pack_name_and_glob(tmp_path):
    config = Config(packs=[str(PROBE)], settings=Settings(select=("probe",)))
    text = "<!-- newslint-disable-next-line probe -->\nSo the the vote was alright.\n" \
           "<!-- newslint-disable-next-line probe.a* -->\nSo the the vote was alright.\n"
    assert [(f.line, f.rule) for f in lint(config, text)] == [(4, "probe.doubled")]


def test_front_matter_settings_apply_to_that_article(tmp_path):
    config = Config(packs=[str(PROBE)], settings=Settings(select=("probe",)))
    body = "So the the vote was alright.\n"
    plain = lint(config, "---\nheadline: Vote set\n---\n\n" + body, "a.md")
    assert rules_of(plain) == ["probe.doubled", "probe.alright"]
    story = "---\nheadline: Vote set\nnewslint:\n  ignore: [probe.doubled]\n  severity: {probe.alright: info}\n---\n\n"
    findings = lint(config, story + body, "b.md")
    assert rules_of(findings) == ["probe.alright"]
    assert findings[0].severity is Severity.INFO


def test_front_matter_settings_with_unknown_key_are_reported(tmp_path, cli):
    (tmp_path / "a.md").write_text("---\nnewslint:\n  selekt: [x]\n---\n\nThe vote.\n")
    proc = cli("--format", "json", "a.md", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    errors = json.loads(proc.stdout)["files"][0]["errors"]
    assert errors[0]["type"] == "parse"
    assert "field 'newslint.selekt': unknown key" in errors[0]["message"]
    (tmp_path / "b.md").write_text("---\nnewslint:\n  rules: {nothing.here: {a: 1}}\n---\n\nThe the vote.\n")
    proc = cli("--format", "json", "b.md", cwd=tmp_path)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)["files"][0]
    assert "options for unknown rule 'nothing.here'" in report["errors"][0]["message"]
    assert any(f["rule"] == "mechanics.doubled-word" for f in report["findings"])
