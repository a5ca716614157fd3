"""The command line end to end, through a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLE, ROOT

PROBE = ROOT / "tests" / "packs" / "probe.yaml"
SCHEMA = json.loads((ROOT / "newslint" / "schemas" / "report-v1.schema.json").read_text())


@pytest.fixture
def project(tmp_path):
    """A folder with a config that adds only the probe pack."""
    (tmp_path / "newslint.yaml").write_text(f"packs: ['{PROBE}']\nselect: [probe]\n")
    return tmp_path


def lint_json(cli, *args, cwd):
    proc = cli("--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    jsonschema.validate(report, SCHEMA)
    return proc, report


def test_example_json_is_valid_and_offsets_are_exact(cli):
    proc, report = lint_json(cli, EXAMPLE, cwd=ROOT)
    text = EXAMPLE.read_text(encoding="utf-8")
    findings = report["files"][0]["findings"]
    assert findings, "the example article has defects"
    positions = [(f["offset"], f["length"]) for f in findings]
    assert positions == sorted(positions)
    for f in findings:
        assert text[f["offset"]:f["offset"] + f["length"]] == f["match"]
        line = text.count("\n", 0, f["offset"]) + 1
        column = f["offset"] - (text.rfind("\n", 0, f["offset"]) + 1) + 1
        assert (f["line"], f["column"]) == (line, column)
    assert proc.returncode == 1


def test_text_report_lines_and_summary(cli, project):
    (project / "a.txt").write_text("The mayor said the the vote was alright.\n")
    proc = cli("a.txt", cwd=project)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == "a.txt:1:16: warning probe.doubled Doubled word: the the."
    assert lines[1] == "a.txt:1:33: error probe.alright Use 'all right', not 'alright'."
    assert lines[-1].startswith("2 findings (1 error, 1 warning, 0 info) in 1 file")


def test_text_report_with_caret_when_colour_forced(cli, project):
    (project / "a.txt").write_text("The mayor said the the vote.\n")
    proc = cli("--color", "always", "a.txt", cwd=project, env={"NO_COLOR": ""})
    assert "    The mayor said the the vote." in proc.stdout
    assert "^^^^^^^" in proc.stdout
    assert "\033[" in proc.stdout


def test_fail_on_threshold(cli, project):
    (project / "a.txt").write_text("The vote was yesterday.\n")
    assert cli("a.txt", cwd=project).returncode == 0  # info < warning
    assert cli("--fail-on", "info", "a.txt", cwd=project).returncode == 1
    (project / "b.txt").write_text("Officials said the the vote.\n")
    assert cli("--fail-on", "error", "b.txt", cwd=project).returncode == 0
    assert cli("--fail-on", "warning", "b.txt", cwd=project).returncode == 1


def test_select_and_ignore(cli, project):
    (project / "a.txt").write_text("Officials said the the vote was alright yesterday.\n")
    _, report = lint_json(cli, "--select", "probe.alright", "a.txt", cwd=project)
    assert {f["rule"] for f in report["files"][0]["findings"]} == {"probe.alright"}
    _, report = lint_json(cli, "--ignore", "probe.alright,probe.yesterday", "a.txt", cwd=project)
    assert {f["rule"] for f in report["files"][0]["findings"]} == {"probe.doubled"}
    _, report = lint_json(cli, "--select", "probe.*", "--ignore", "probe.d*", "a.txt", cwd=project)
    assert {f["rule"] for f in report["files"][0]["findings"]} == {"probe.alright", "probe.yesterday"}


def test_bad_file_is_reported_and_others_still_linted(cli, project):
    (project / "good.txt").write_text("Officials said the the vote.\n")
    (project / "latin1.txt").write_bytes(b"caf\xe9 \xff\xfe broken\n")
    (project / "bin.txt").write_bytes(b"\x00\x01\x02\x00" * 100)
    proc, report = lint_json(cli, "latin1.txt", "bin.txt", "good.txt", "missing.txt", cwd=project)
    files = {f["path"]: f for f in report["files"]}
    assert "not valid UTF-8" in files["latin1.txt"]["error"]
    assert "binary" in files["bin.txt"]["error"]
    assert "no such file" in files["missing.txt"]["error"]
    assert files["good.txt"]["findings"][0]["rule"] == "probe.doubled"
    assert report["summary"]["files_with_errors"] == 3
    assert proc.returncode == 1


def test_unreadable_file_alone_exits_1_with_message(cli, project):
    (project / "latin1.txt").write_bytes(b"caf\xe9\n")
    proc = cli("latin1.txt", cwd=project)
    assert proc.returncode == 1
    assert "latin1.txt: error: not valid UTF-8" in proc.stdout


def test_stdin_with_filename(cli, project):
    proc = cli("--format", "json", "--stdin-filename", "draft.txt", "-", cwd=project, input="Officials said the the vote.\n")
    report = json.loads(proc.stdout)
    assert report["files"][0]["path"] == "draft.txt"
    assert report["files"][0]["findings"][0]["match"] == "the the"


def test_folders_are_walked_with_excludes(cli, project):
    (project / "drafts" / "old").mkdir(parents=True)
    (project / "drafts" / "a.txt").write_text("Officials said the the vote.\n")
    (project / "drafts" / "notes.csv").write_text("the the\n")
    (project / "drafts" / "old" / "b.txt").write_text("Officials said the the vote.\n")
    _, report = lint_json(cli, "drafts", cwd=project)
    assert sorted(f["path"] for f in report["files"]) == ["drafts/a.txt", "drafts/old/b.txt"]
    _, report = lint_json(cli, "--exclude", "old", "drafts", cwd=project)
    assert [f["path"] for f in report["files"]] == ["drafts/a.txt"]


def test_symlink_loop_does_not_hang(cli, project):
    (project / "d").mkdir()
    (project / "d" / "a.txt").write_text("Officials said the the vote.\n")
    (project / "d" / "loop").symlink_to(project / "d")
    _, report = lint_json(cli, "d", cwd=project)
    assert [f["path"] for f in report["files"]] == ["d/a.txt"]


def test_parallel_output_equals_serial(cli, project):
    for i in range(12):
        (project / f"{i:02}.txt").write_text(f"Story {i}: the the vote was alright yesterday.\n")
    files = sorted(p.name for p in project.glob("*.txt"))
    one = cli("-j", "1", "--format", "json", *files, cwd=project)
    two = cli("-j", "2", "--format", "json", *files, cwd=project)
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout)["files"] == json.loads(two.stdout)["files"]


def test_quiet_clean_run_prints_nothing(cli, project):
    (project / "a.txt").write_text("The vote is on Tuesday.\n")
    proc = cli("-q", "a.txt", cwd=project)
    assert proc.returncode == 0 and proc.stdout == ""


def test_usage_errors_exit_2(cli, project):
    assert cli(cwd=project).returncode == 2
    proc = cli("--format", "nope", "x.txt", cwd=project)
    assert proc.returncode == 2 and "unknown format 'nope'" in proc.stderr
    assert cli("--fail-on", "fatal", "x.txt", cwd=project).returncode == 2
    proc = cli("--profile", "martian", "x.txt", cwd=project)
    assert proc.returncode == 2 and "unknown profile 'martian'" in proc.stderr


def test_format_to_file_and_stdout_together(cli, project):
    (project / "a.txt").write_text("Officials said the the vote.\n")
    proc = cli("--format", "text", "--format", "json:out.json", "a.txt", cwd=project)
    assert "probe.doubled" in proc.stdout
    report = json.loads((project / "out.json").read_text())
    assert report["files"][0]["findings"][0]["rule"] == "probe.doubled"


def test_no_config_ignores_config_files(cli, project):
    (project / "a.txt").write_text("Officials said the the vote.\n")
    proc = cli("--no-config", "--format", "json", "a.txt", cwd=project)
    rules = {f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]}
    assert "probe.doubled" not in rules


def test_explicit_config(cli, tmp_path):
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "house.yaml").write_text(f"packs: ['{PROBE}']\nselect: [probe.doubled]\n")
    (tmp_path / "a.txt").write_text("Officials said the the vote was alright.\n")
    proc = cli("--config", "cfg/house.yaml", "--format", "json", "a.txt", cwd=tmp_path)
    assert {f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]} == {"probe.doubled"}


def test_python_dash_m_and_help(cli):
    proc = cli("--help")
    assert proc.returncode == 0 and "newslint" in proc.stdout


def test_rules_explain_commands(cli, project):
    proc = cli("rules", cwd=project)
    assert proc.returncode == 0
    assert "probe.alright" in proc.stdout and "yes" in proc.stdout
    proc = cli("rules", "--format", "json", cwd=project)
    entry = {r["id"]: r for r in json.loads(proc.stdout)}["probe.alright"]
    assert entry["fixable"] is True and entry["severity"] == "error" and entry["pack"] == "probe"
    proc = cli("explain", "probe.alright", cwd=project)
    assert proc.returncode == 0 and "Test rule: alright." in proc.stdout and "fixable: yes" in proc.stdout
    proc = cli("explain", "probe.nothing", cwd=project)
    assert proc.returncode == 2 and "unknown rule" in proc.stderr


def test_every_shipped_rule_can_be_explained(cli):
    proc = cli("rules", "--all", "--format", "json", cwd=ROOT)
    rules = json.loads(proc.stdout)
    assert rules
    for rule in rules:
        out = cli("explain", rule["id"], cwd=ROOT)
        assert out.returncode == 0, rule["id"]
        assert "Why:" in out.stdout and "Fix:" in out.stdout, f"{rule['id']} doc lacks Why:/Fix:"


def test_plugins_command_lists_builtin(cli):
    proc = cli("plugins", "--format", "json")
    data = json.loads(proc.stdout)
    builtin = next(p for p in data["plugins"] if p["name"] == "newslint")
    assert "existence" in builtin["kinds"] and "json" in builtin["reporters"]


def test_cast_command_runs(cli):
    proc = cli("cast", EXAMPLE)
    assert proc.returncode == 0, proc.stderr
    proc = cli("cast", "--format", "json", EXAMPLE)
    assert proc.returncode == 0
    json.loads(proc.stdout)
