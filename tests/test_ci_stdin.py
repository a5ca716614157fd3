"""Editors and CI pipe drafts through stdin: ``-`` with ``--stdin-filename``,
checked end to end in a subprocess with the JSON report and the CI formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACK = HERE / "packs" / "fixable.yaml"


def run(cwd, *args, input_bytes: bytes):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, input=input_bytes,
                          capture_output=True, env=env, timeout=120)


def setup(tmp_path: Path) -> Path:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "newslint.yaml").write_text(f"packs: ['{PACK}']\nselect: [fixable]\n", encoding="utf-8")
    return tmp_path


def test_stdin_json_report(tmp_path):
    folder = setup(tmp_path)
    text = "\ufeffThe 🗳️ count was alright,\r\narguably.\r\n"
    proc = run(folder, "--format", "json", "--stdin-filename", "desk/draft.txt", "-",
               input_bytes=text.encode("utf-8"))
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout.decode("utf-8"))
    assert report["version"] == 1
    (entry,) = report["files"]
    assert entry["path"] == "desk/draft.txt"
    # the config of the named file's folder applied: only the test pack's rules
    assert [f["rule"] for f in entry["findings"]] == ["fixable.spelling", "fixable.hedge"]
    spelling = entry["findings"][0]
    decoded = text[1:]  # offsets are code points of the text without the BOM
    assert spelling["offset"] == decoded.index("alright") and spelling["column"] == decoded.index("alright") + 1
    assert spelling["fix"] == {"offset": spelling["offset"], "length": 7, "replacement": "all right"}
    assert entry["findings"][1]["line"] == 2 and entry["findings"][1]["column"] == 1
    assert report["summary"]["files"] == 1


def test_stdin_ci_formats_name_the_stdin_file(tmp_path):
    folder = setup(tmp_path)
    proc = run(folder, "--format", "github", "--format", "jsonl:out.jsonl", "--stdin-filename", "desk/d.txt", "-",
               input_bytes=b"It was alright.\n")
    assert proc.returncode == 1
    assert proc.stdout.decode() == ("::warning file=desk/d.txt,line=1,col=8,endLine=1,endColumn=15,"
                                    "title=fixable.spelling::Use \"all right\", not \"alright\".\n")
    line = json.loads((folder / "out.jsonl").read_text(encoding="utf-8"))
    assert line["path"] == "desk/d.txt" and line["rule"] == "fixable.spelling"


def test_stdin_diff_and_fix(tmp_path):
    folder = setup(tmp_path)
    data = "It was alright.\r\n".encode("utf-8")
    diff = run(folder, "--diff", "--stdin-filename", "desk/d.txt", "-", input_bytes=data)
    assert diff.returncode == 1
    assert b"-It was alright.\r\n+It was all right.\r\n" in diff.stdout
    fixed = run(folder, "--fix", "--format", "json", "--stdin-filename", "desk/d.txt", "-", input_bytes=data)
    assert fixed.stdout == b"It was all right.\r\n"
    err = fixed.stderr.decode()
    assert "newslint: fixed 1 finding in 1 file" in err
    # the report goes to stderr, since stdout carries the fixed text
    assert json.loads(err[err.index("{"):])["files"][0]["findings"] == []
    assert fixed.returncode == 0


def test_stdin_fix_gives_undecodable_text_back_unchanged(tmp_path):
    folder = setup(tmp_path)
    data = b"caf\xe9 was alright\r\n"
    proc = run(folder, "--fix", "--stdin-filename", "desk/d.txt", "-", input_bytes=data)
    assert proc.stdout == data
    assert b"not valid UTF-8" in proc.stderr and proc.returncode == 1
