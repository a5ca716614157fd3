"""The CI reporters (sarif, github, junit, jsonl) against golden files, SARIF
against the official 2.1.0 schema, and several formats in one run.

The input is a tiny fixed corpus linted with tests/packs/fixable.yaml only,
so the expected output does not move when the news packs change. To
regenerate after an intended change: NEWSLINT_UPDATE_GOLDEN=1 pytest this file.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newslint import __version__
from newslint.cli import main
from newslint.reporters.github import command, escape_data, escape_property

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
PACK = HERE / "packs" / "fixable.yaml"
SCHEMA = HERE / "data" / "sarif-schema-2.1.0.json"
UPDATE = os.environ.get("NEWSLINT_UPDATE_GOLDEN") == "1"

STORY = ("Towards the end 🗳️ it was alright, the govt said on Tuesday.\n"
         "It was arguably the best colour.\n")
NOTES = "In order to vote, go towards the hall.\r\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    (tmp_path / "newslint.yaml").write_text(f"packs: ['{PACK}']\nselect: [fixable]\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8", newline="")
    # a name with a comma and a colon: github properties must escape both
    (tmp_path / "notes:1,2.txt").write_text(NOTES, encoding="utf-8", newline="")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def run(capsys, *args) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr().out
    return code, out


def normalise(fmt: str, text: str) -> str:
    if fmt == "sarif":
        text = text.replace(f'"version": "{__version__}"', '"version": "VERSION"')
        text = text.replace(f'"semanticVersion": "{__version__}"', '"semanticVersion": "VERSION"')
    if fmt == "junit":
        text = re.sub(r'time="[0-9.]+"', 'time="T"', text)
    return text


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"missing golden file {path}; run with NEWSLINT_UPDATE_GOLDEN=1"
    with open(path, encoding="utf-8", newline="") as handle:
        assert text == handle.read()


FILES = ("story.txt", "notes:1,2.txt", "bad.txt")


@pytest.mark.parametrize("fmt, golden", [("sarif", "ci.sarif"), ("github", "ci.github.txt"),
                                          ("junit", "ci.junit.xml"), ("jsonl", "ci.jsonl")])
def test_golden_output(corpus, capsys, fmt, golden):
    code, out = run(capsys, "--format", fmt, *FILES)
    assert code == 1
    check_golden(golden, normalise(fmt, out))


def test_sarif_validates_against_the_official_schema(corpus, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    _, out = run(capsys, "--format", "sarif", *FILES)
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and "fixable.spelling" in ids
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    spelling = rules[ids.index("fixable.spelling")]
    assert spelling["shortDescription"]["text"] == "A spelling or wording the house style replaces."
    assert "Why:" in spelling["fullDescription"]["text"]
    assert spelling["defaultConfiguration"]["level"] == "warning"
    assert "It was alright." in spelling["help"]["text"]
    # the unreadable file is a notification, not a result
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert any("bad.txt" in n["message"]["text"] for n in notes)


def test_sarif_columns_are_code_points(corpus, capsys):
    _, out = run(capsys, "--format", "sarif", "story.txt")
    run_ = json.loads(out)["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    # "govt" comes after an emoji (two code points, three UTF-16 units)
    regions = {r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]:
               r["locations"][0]["physicalLocation"]["region"] for r in run_["results"]}
    line = STORY.splitlines()[0]
    assert regions["govt"]["startColumn"] == line.index("govt") + 1
    assert regions["govt"]["endColumn"] == line.index("govt") + 5
    assert regions["colour"]["startLine"] == 2


def test_several_formats_in_one_run_and_name_path_writes_files(corpus, capsys):
    code, out = run(capsys, "--format", "text", "--format", "sarif:report.sarif",
                    "--format", "junit:report.xml", "--format", "jsonl:report.jsonl", "story.txt")
    assert code == 1
    assert "story.txt:1:1: warning fixable.spelling" in out
    assert json.loads((corpus / "report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.parse(corpus / "report.xml").getroot().find("testsuite").get("tests") == "1"
    lines = (corpus / "report.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["path"] == "story.txt" for line in lines)
    assert "::" not in out and "<testsuite" not in out


def test_junit_follows_fail_on(corpus, capsys):
    _, out = run(capsys, "--format", "junit", "--fail-on", "error", "story.txt")
    root = ET.fromstring(out)
    case = root.find("testsuite/testcase")
    failures = case.findall("failure")
    assert [f.get("type") for f in failures] == ["fixable.hedge"]
    assert "fixable.spelling" in case.find("system-out").text
    assert root.find("testsuite").get("failures") == "1"


def test_jsonl_streams_one_line_per_file_as_it_finishes(corpus):
    import io

    from newslint.engine import FileResult
    from newslint.findings import Finding, Severity
    from newslint.reporters.jsonl import JSONLReporter

    class Spy(io.StringIO):
        flushes = 0

        def flush(self):
            Spy.flushes += 1
            super().flush()

    stream = Spy()
    reporter = JSONLReporter(stream, {})
    reporter.start()
    reporter.file(FileResult("a.txt", findings=[Finding("x.y", Severity.WARNING, "m", 0, 1, 1, 1, 1, 2, "a")]))
    assert Spy.flushes == 1 and stream.getvalue().count("\n") == 1
    reporter.file(FileResult("b.txt", error="not valid UTF-8"))
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[0]["path"] == "a.txt" and lines[0]["rule"] == "x.y"
    assert lines[1] == {"path": "b.txt", "error": "not valid UTF-8", "type": "file"}


def test_github_escaping():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = command("warning", "50% done\nnow", file="x,y:z.md", line=3, title="r.id")
    assert line == "::warning file=x%2Cy%3Az.md,line=3,title=r.id::50%25 done%0Anow\n"
