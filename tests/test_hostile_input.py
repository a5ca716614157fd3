"""Hostile input on the command line: each bad file gets a clear message and the
right exit code, and the files around it are still linted.

Every case lints the bad file next to a good file with a known finding
(``The the``), so "the rest of the run goes on" is checked each time.
"""

from __future__ import annotations

import json
import os

import pytest

GOOD = "The the mayor said the vote would happen on Tuesday.\n"


def _report(proc) -> dict:
    assert proc.returncode in (0, 1), proc.stderr
    return {f["path"].replace(os.sep, "/"): f for f in json.loads(proc.stdout)["files"]}


def _lint(cli, tmp_path, *paths, extra=()):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return cli("--no-config", "--format", "json", *extra, *paths, "good.txt", cwd=tmp_path)


def _assert_good_linted(files):
    assert [f["rule"] for f in files["good.txt"]["findings"]] == ["mechanics.doubled-word"]


def test_fifty_megabyte_single_line_is_refused_quickly(cli, tmp_path):
    line = "The mayor said the vote would happen on Tuesday. "
    with open(tmp_path / "huge.txt", "w", encoding="utf-8") as handle:
        for _ in range(50):
            handle.write(line * (2**20 // len(line) + 1))
    assert (tmp_path / "huge.txt").stat().st_size > 50 * 2**20
    proc = _lint(cli, tmp_path, "huge.txt")
    files = _report(proc)
    assert proc.returncode == 1
    assert "too large" in files["huge.txt"]["error"] and "MB" in files["huge.txt"]["error"]
    _assert_good_linted(files)


def test_deeply_nested_html(cli, tmp_path):
    depth = 20000
    page = "<html><body>" + "<div>" * depth + "<p>The the vote was close.</p>" + "</div>" * depth + "</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    proc = _lint(cli, tmp_path, "deep.html")
    files = _report(proc)
    [finding] = files["deep.html"]["findings"]
    assert finding["match"] == "The the"
    assert page[finding["offset"]:finding["offset"] + finding["length"]] == "The the"
    _assert_good_linted(files)


def test_a_folder_of_ten_thousand_files(cli, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(10_000):
        text = "The the mayor spoke.\n" if i % 2500 == 0 else "The mayor spoke.\n"
        (folder / f"{i:05}.txt").write_text(text, encoding="utf-8")
    proc = _lint(cli, tmp_path, "archive", extra=("-q",))
    files = _report(proc)
    assert proc.returncode == 1
    assert len(files) == 10_001
    flagged = sorted(p for p, f in files.items() if f["findings"])
    assert flagged == ["archive/00000.txt", "archive/02500.txt", "archive/05000.txt", "archive/07500.txt",
                       "good.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loops(cli, tmp_path):
    folder = tmp_path / "loop"
    folder.mkdir()
    (folder / "self").symlink_to(folder, target_is_directory=True)  # a folder containing itself
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")  # two links pointing at each other
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    proc = _lint(cli, tmp_path, "loop", "x.txt")
    files = _report(proc)
    assert proc.returncode == 1
    assert files["loop/a.txt"]["findings"] and "error" not in files["loop/a.txt"]
    assert not any(p.startswith("loop/self") for p in files)  # the loop is not followed
    assert "symbolic link" in files["x.txt"]["error"].lower()
    _assert_good_linted(files)


def test_binary_file_and_nul_bytes(cli, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50)
    # one stray NUL in real text: linted, offsets exact
    (tmp_path / "nul.txt").write_bytes("A line with a NUL \0 inside.\nThe the mayor spoke.\n".encode())
    proc = _lint(cli, tmp_path, "image.txt", "nul.txt")
    files = _report(proc)
    assert proc.returncode == 1
    assert "binary" in files["image.txt"]["error"]
    [finding] = files["nul.txt"]["findings"]
    assert (finding["line"], finding["column"], finding["offset"]) == (2, 1, 28)
    _assert_good_linted(files)


def test_invalid_utf8(cli, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Café officials said.\n".encode("latin-1"))
    proc = _lint(cli, tmp_path, "latin1.txt")
    files = _report(proc)
    assert proc.returncode == 1
    error = files["latin1.txt"]["error"]
    assert "UTF-8" in error and "0xe9" in error and "byte offset 3" in error
    _assert_good_linted(files)


def test_crlf_and_lone_cr_offsets_are_exact(cli, tmp_path):
    text = "First line.\r\nSecond line.\rThe the mayor said .\r\nLast line. The the end.\n"
    (tmp_path / "odd.txt").write_bytes(text.encode("utf-8"))
    proc = _lint(cli, tmp_path, "odd.txt", extra=("--select", "mechanics.doubled-word"))
    files = _report(proc)
    found = files["odd.txt"]["findings"]
    assert [(f["line"], f["column"]) for f in found] == [(3, 1), (4, 12)]
    for f in found:
        assert text[f["offset"]:f["offset"] + f["length"]] == f["match"] == "The the"
    _assert_good_linted(files)


def test_zero_width_and_right_to_left_characters(cli, tmp_path):
    text = ("\u200fThe\u200b mayor said the the vote was on Tuesday.\u200e\n"
            "\u202eReversed text\u202c then The the end. \u05e9\u05dc\u05d5\u05dd the the.\n")
    (tmp_path / "bidi.txt").write_text(text, encoding="utf-8")
    proc = _lint(cli, tmp_path, "bidi.txt", extra=("--select", "mechanics.doubled-word"))
    files = _report(proc)
    found = files["bidi.txt"]["findings"]
    assert len(found) == 3
    for f in found:
        assert text[f["offset"]:f["offset"] + f["length"]] == f["match"]
        line_start = text.rfind("\n", 0, f["offset"]) + 1
        assert f["column"] == f["offset"] - line_start + 1
    _assert_good_linted(files)


def test_empty_files(cli, tmp_path):
    for name in ("empty.txt", "empty.md", "empty.html", "empty.json", "empty.jsonl"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "blank.txt").write_text("\n\r\n  \n", encoding="utf-8")
    proc = _lint(cli, tmp_path, "empty.txt", "empty.md", "empty.html", "blank.txt", "empty.jsonl")
    files = _report(proc)
    for name in ("empty.txt", "empty.md", "empty.html", "blank.txt", "empty.jsonl"):
        assert files[name]["findings"] == [], name
        assert "error" not in files[name], files[name]
    _assert_good_linted(files)


def test_only_good_files_exit_zero_and_a_bad_one_alone_exits_one(cli, tmp_path):
    (tmp_path / "clean.txt").write_text("The mayor said the vote would happen on Tuesday.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    assert cli("--no-config", "clean.txt", cwd=tmp_path).returncode == 0
    proc = cli("--no-config", "bad.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "bad.txt" in proc.stdout + proc.stderr
