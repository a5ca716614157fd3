"""JSON Lines files given by path are read line by line (``open_line_stream``), with flat memory.

The streamed path must give byte for byte the report of the whole-text path
(``lint_source(read_source(path))``, still what stdin, --fix and --diff use) on
every edge case: BOM, CRLF, blank lines, bad lines, records broken over lines,
long lines, no final newline, suppression comments. A line that is not UTF-8 is
one skipped bad line (the whole-text path refuses the file).
"""

from __future__ import annotations

import io
import json
import tracemalloc

import pytest

from newslint.article import source as source_module
from newslint.article.source import FileLines, LineStream, SourceError, open_line_stream, read_source
from newslint.engine import FileResult, Linter
from newslint.plugins.manager import PluginHost
from newslint.reporters.base import Summary
from newslint.reporters.json import JSONReporter
from newslint.reporters.text import TextReporter


@pytest.fixture(scope="module")
def linter():
    return Linter(PluginHost())


def _record(i: int, **extra) -> str:
    row = {"id": str(i), "headline": "The the mayor said on tuesday",
           "body": "He said that that the  council would meet. It's 5 percent.\n\n"
                   "She said: \"The vote was very very close.\" Obama's  plan é ü 😀 ok."}
    row.update(extra)
    return json.dumps(row, ensure_ascii=False)


RECS = [_record(i) for i in range(5)]
LONG = json.dumps({"id": "long", "headline": "Long",
                   "body": "\n\n".join(["The the mayor said that that it was very very good."] * 3000)})

CASES = {
    "plain": "\n".join(RECS) + "\n",
    "no final newline": "\n".join(RECS),
    "bom": "\ufeff" + "\n".join(RECS) + "\n",
    "bom crlf": "\ufeff" + "\r\n".join(RECS) + "\r\n",
    "crlf": "\r\n".join(RECS) + "\r\n",
    "mixed line ends": RECS[0] + "\r\n" + RECS[1] + "\n" + RECS[2] + "\r\n" + RECS[3],
    "blank lines": "\n\n" + RECS[0] + "\n   \n\t\n" + RECS[1] + "\n\n\n" + RECS[2] + "\n \n",
    "bad lines": (RECS[0] + "\n{bad json\n" + RECS[1] + "\n[1,2]\n\"str\"\n" + RECS[2] + " extra\n" + RECS[3]
                  + "\n{\"headline\": 5}\n   {\"headline\": \"Indented the the\"}  \n"),
    "records over lines": (RECS[0] + '\n{"headline": "x",\n "body": "y"}\n' + RECS[1]
                           + '\n{"headline": "unterminated\n' + RECS[2] + "\n[\n" + RECS[3] + "\n" + RECS[4]
                           + '\n]\n{"a":\n\n\n'),
    "broken record at the end": RECS[0] + '\n{"headline": "x",\n "body":',
    "long line": RECS[0] + "\n" + LONG + "\n" + RECS[1] + "\n",
    "escapes": (json.dumps({"headline": "Caf\u00e9 the the", "body": "A\tb \u2014 \"the the\" \\ end\n\nB the the"})
                + "\n" + json.dumps({"headline": "x 😀 the the", "body": "😀😀 the the"}, ensure_ascii=False) + "\n"),
    "suppressions": "\n".join([
        RECS[0],
        json.dumps({"headline": "<!-- newslint-disable mechanics.doubled-word --> The the mayor", "body": "that that"}),
        RECS[1],
        json.dumps({"body": "<!-- newslint-enable mechanics.doubled-word --> x <!-- newslint-disable-next-line -->"}),
        RECS[2], RECS[3],
        json.dumps({"body": "<!-- NEWSLINT-disable mechanics -->"}),
        RECS[4]]) + "\n",
    "upper-case comment only": RECS[0] + "\n" + json.dumps({"body": "<!-- NEWSLINT-DISABLE --> the the"}) + "\n" + RECS[1],
    "settings in records": "\n".join([
        json.dumps({"headline": "The the x", "newslint": {"ignore": ["mechanics.*"]}}),
        json.dumps({"headline": "The the y", "newslint": {"bogus": 1}}), RECS[0]]) + "\n",
    "captions and lists": json.dumps({"headline": "H", "body": ["Para the the one.", None, "Two  spaces."],
                                      "captions": [{"text": "A caption the the"}, "cap two"],
                                      "byline": "By Jo", "dek": "the the dek"}) + "\n",
    "no usable record": "{x\n[1]\n\n",
    "empty": "",
    "blank only": "\n\n  \r\n",
    "lone CR (read whole)": "\r".join(RECS) + "\r",
    "a lone CR in a line (read whole)": RECS[0] + "\n" + RECS[1][:-1] + "\r}\n" + RECS[2] + "\n",
    "binary": "\x00" * 300 + "abc\n",
}


def _report(results: list[FileResult]) -> str:
    out = io.StringIO()
    reporter = JSONReporter(out, {})
    reporter.start()
    summary = Summary()
    for result in results:
        summary.add(result)
        reporter.file(result)
    reporter.finish(summary)
    return out.getvalue()


def _whole(linter: Linter, path: str) -> FileResult:
    """Today's path: the file read and decoded whole."""
    try:
        source = read_source(path)
    except SourceError as exc:
        return FileResult(path, error=str(exc))
    return linter.lint_source(source)


@pytest.mark.parametrize("name", list(CASES))
def test_streamed_report_is_byte_identical(linter, tmp_path, name):
    path = tmp_path / "articles.jsonl"
    path.write_bytes(CASES[name].encode("utf-8"))
    streamed = linter.lint_path(str(path))
    whole = _whole(linter, str(path))
    assert _report([streamed]) == _report([whole])
    assert (streamed.articles, streamed.words) == (whole.articles, whole.words)
    if "read whole" in name:
        assert open_line_stream(str(path)) is None
    elif name != "binary":
        assert isinstance(open_line_stream(str(path)), LineStream)
        assert isinstance(streamed.source, FileLines)  # no decoded text kept


def test_ndjson_is_streamed_too(linter, tmp_path):
    path = tmp_path / "a.ndjson"
    path.write_text(CASES["bad lines"], encoding="utf-8")
    streamed = linter.lint_path(str(path))
    assert isinstance(streamed.source, FileLines)
    assert _report([streamed]) == _report([_whole(linter, str(path))])


def test_a_line_that_is_not_utf8_is_one_bad_line(linter, tmp_path):
    bad = tmp_path / "bad.jsonl"
    good = tmp_path / "good.jsonl"
    lines = [RECS[0].encode(), b'{"headline": "caf\xe9 the the"}', RECS[1].encode(), b"", RECS[2].encode()]
    bad.write_bytes(b"\n".join(lines) + b"\n")
    # the same file with the bad byte as the replacement character: the other lines' offsets must match
    good.write_bytes(b"\n".join(lines).replace(b"\xe9", "\ufffd".encode()) + b"\n")
    result = linter.lint_path(str(bad))
    assert result.error is None
    assert result.errors == [{"type": "parse", "where": "line 2", "message":
                              f"line 2: not valid UTF-8 (byte 0xe9 at byte offset {len(lines[0]) + 1 + 17}); "
                              "save the file as UTF-8; line skipped"}]
    expected = [f.to_dict() for f in linter.lint_path(str(good)).findings if f.line != 2]
    assert [f.to_dict() for f in result.findings] == expected and expected
    assert result.articles == 3
    # the whole-text path (stdin, --fix) still refuses the file
    assert "not valid UTF-8" in _whole(linter, str(bad)).error


def test_a_file_of_bad_utf8_lines_has_no_usable_record(linter, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\xff\xfe\n\n\xc3(\n")
    result = linter.lint_path(str(path))
    assert result.error == ("no usable JSON Lines record: line 1: not valid UTF-8 (byte 0xff at byte offset 0); "
                            "save the file as UTF-8 (and 1 more bad lines)")
    assert [e["where"] for e in result.errors] == ["line 1", "line 3"]


def test_line_ends_at_the_scan_chunk_boundary(tmp_path, monkeypatch):
    # a \r\n split by the pre-scan's 64 KB chunks is one line end; a \r alone there is a lone CR
    filler = "x" * ((1 << 16) - 1)
    path = tmp_path / "a.jsonl"
    path.write_bytes((filler + "\r\n" + "y\n").encode())
    assert isinstance(open_line_stream(str(path)), LineStream)
    path.write_bytes((filler + "\r" + "y\n").encode())
    assert open_line_stream(str(path)) is None
    path.write_bytes((filler + "\r").encode())
    assert open_line_stream(str(path)) is None


def test_unreadable_and_folder(linter, tmp_path):
    assert linter.lint_path(str(tmp_path / "missing.jsonl")).error
    folder = tmp_path / "dir.jsonl"
    folder.mkdir()
    assert linter.lint_path(str(folder)).error == "is a directory"


def test_context_lines_of_a_streamed_file(linter, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(CASES["bom crlf"].encode())
    outputs = []
    for result in (linter.lint_path(str(path)), _whole(linter, str(path))):
        out = io.StringIO()
        TextReporter(out, {"context": True}).file(result)
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    assert outputs[0].count("^") > 10
    # asked out of order, it reads again from the start
    lines = FileLines(str(path), bom=True)
    assert lines.line_text(3) == RECS[2] and lines.line_text(1) == RECS[0] and lines.line_text(9) == ""


def _write_articles(path, count: int, tag: str) -> None:
    """Clean articles (no findings: the findings of a file are kept, its articles must not be)."""
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            body = "\n\n".join(f"The council met on Monday to discuss the budget for the coming year and item "
                               f"{tag}{i}-{k} of the plan." for k in range(6))
            handle.write(json.dumps({"id": f"a{i}", "headline": f"Council approves budget plan {tag}{i}",
                                     "body": body}) + "\n")


def _peak(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_is_flat_when_streaming(linter, tmp_path):
    files = {}
    for name, count, tag in (("warm", 1000, "w"), ("n", 250, "n"), ("4n", 1000, "n"), ("old n", 100, "o"),
                             ("old 4n", 400, "o")):
        files[name] = tmp_path / f"{name.replace(' ', '-')}.jsonl"
        _write_articles(files[name], count, tag)
    # warm with other articles: compiled rules, and the bounded per-text caches filled (until about
    # 1,000 articles they grow: 0.39 MB for 300 articles, 0.51 for 1,200, then 0.2 MB whatever the count)
    linter.lint_path(str(files["warm"]))
    peaks = {name: _peak(lambda p=files[name]: linter.lint_path(str(p))) for name in ("n", "4n")}
    assert peaks["4n"] < 1.5 * peaks["n"], peaks
    # the whole-text path holds the text: the same measurement sees it grow
    whole = {name: _peak(lambda p=files[name]: _whole(linter, str(p))) for name in ("old n", "old 4n")}
    assert whole["old 4n"] > 2 * whole["old n"], whole


def test_stream_reads_one_line_at_a_time(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(RECS) + "\n", encoding="utf-8")
    stream = open_line_stream(str(path))
    windows = iter(stream)
    first = next(windows)
    assert (first.base_line, first.base_offset, first.text) == (1, 0, RECS[0] + "\n")
    assert [w.base_line for w in stream.ahead(2)] == [2, 3]
    assert [w.base_line for w in windows] == [2, 3, 4, 5]
    assert stream.length == len(path.read_text(encoding="utf-8"))
    assert source_module.SourceWindow("p", "ab\ncd\n", 10, 7).position(4) == (8, 2)


def test_a_named_pipe_is_read_whole(linter, tmp_path):
    import os
    import threading

    path = tmp_path / "pipe.jsonl"
    os.mkfifo(path)
    assert open_line_stream(str(path)) is None  # os.stat only: nothing is read from the pipe

    def feed():
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(CASES["plain"])

    writer = threading.Thread(target=feed)
    writer.start()
    result = linter.lint_path(str(path))
    writer.join()
    assert result.articles == 5 and result.findings


def test_file_lines_reads_a_line_once_for_all_its_findings(tmp_path):
    # a terminal report asks the line of every finding; thousands of findings on one long line
    # read it from disk once, not once per finding
    path = tmp_path / "a.jsonl"
    path.write_text('{"body": "one"}\n{"body": "two two two"}\n', encoding="utf-8")
    lines = FileLines(str(path), bom=False)
    assert lines.line_text(2) == '{"body": "two two two"}'
    path.unlink()
    assert lines.line_text(2) == '{"body": "two two two"}'  # remembered
    assert lines.line_text(1) == ""  # another line is read again: the file is gone
