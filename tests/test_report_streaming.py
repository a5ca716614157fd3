"""The report streams: a JSON Lines file's findings reach the reporters as each article is done.

``Linter.stream_to`` (an ``engine.FindingSink``, in a run the session's
``reporters.base.ReportFeed``) takes a streamed file's findings article by
article; reporters that override ``add_findings`` get them at once, reporters
that only have ``file(result)`` get the file whole, as before. The reports must
be those of the whole-file path.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tracemalloc

import pytest

from newslint.engine import FileResult, Linter
from newslint.findings import Severity
from newslint.plugins.manager import PluginHost
from newslint.reporters.base import Reporter, ReportFeed, Summary, streams
from newslint.reporters.github import GitHubReporter
from newslint.reporters.json import JSONReporter
from newslint.reporters.jsonl import JSONLReporter
from newslint.reporters.junit import JUnitReporter
from newslint.reporters.sarif import SARIFReporter
from newslint.reporters.text import TextReporter
from test_jsonl_streaming import CASES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = {"json": JSONReporter, "jsonl": JSONLReporter, "text": TextReporter, "github": GitHubReporter,
           "sarif": SARIFReporter, "junit": JUnitReporter}


@pytest.fixture(scope="module")
def linter():
    return Linter(PluginHost())


class Whole(Reporter):
    """A plugin reporter written before streaming: it only has ``file``."""

    def start(self):
        self.seen = []

    def file(self, result):
        self.seen.append((result.path, list(result.findings), result.error, list(result.errors)))


class TextWhole(TextReporter):
    """A subclass of a streaming reporter that overrides ``file`` alone: it still gets files whole."""

    def file(self, result):
        self.stream.write(f"== {result.path} ({len(result.findings)})\n")
        super().file(result)


def _options(linter, context=True):
    return {"context": context, "fail_on": "warning", "rules": {r.id: r for r in linter.all_rules}}


def _run(linter, paths, reporters, stream: bool, threshold=Severity.WARNING) -> ReportFeed:
    feed = ReportFeed(reporters, threshold)
    feed.start()
    linter.stream_to = feed if stream else None
    try:
        for path in paths:
            feed.file(linter.lint_path(path))
    finally:
        linter.stream_to = None
    feed.finish()
    return feed


def _outputs(linter, paths, stream: bool, context: bool) -> dict:
    outs = {name: io.StringIO() for name in FORMATS}
    reporters = [cls(outs[name], _options(linter, context)) for name, cls in FORMATS.items()]
    feed = _run(linter, paths, reporters, stream)
    found = {name: out.getvalue() for name, out in outs.items()}
    found["junit"] = found["junit"].replace(f'time="{feed.summary.elapsed:.3f}"', 'time="T"')
    return found, feed


@pytest.mark.parametrize("name", list(CASES))
def test_streamed_reports_are_those_of_whole_files(linter, tmp_path, name):
    path = tmp_path / "articles.jsonl"
    path.write_bytes(CASES[name].encode("utf-8"))
    other = tmp_path / "other.md"
    other.write_text("# The the title\n\nHe said that that it was alright.\n", encoding="utf-8")
    paths = [str(path), str(other), str(path)]
    context = name != "long line"  # thousands of findings on one line, each reading it again from disk
    streamed, feed_s = _outputs(linter, paths, stream=True, context=context)
    whole, feed_w = _outputs(linter, paths, stream=False, context=context)
    for fmt in ("json", "sarif", "junit"):
        assert streamed[fmt] == whole[fmt], fmt
    # line formats write a streamed file's problems (bad records, timeouts) after its findings
    for fmt in ("text", "jsonl", "github"):
        assert sorted(streamed[fmt].splitlines()) == sorted(whole[fmt].splitlines()), fmt
        if '"type":"parse"' not in whole["jsonl"]:
            assert streamed[fmt] == whole[fmt], fmt
    assert feed_s.summary == feed_w.summary
    assert (feed_s.failed, feed_s.internal) == (feed_w.failed, feed_w.internal)
    json.loads(streamed["json"])
    json.loads(streamed["sarif"])


def test_whole_file_reporters_still_get_every_finding(linter, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(CASES["suppressions"].encode("utf-8"))
    expected = linter.lint_path(str(path))
    assert expected.findings
    out, text_out = io.StringIO(), io.StringIO()
    whole, text_whole, json_reporter = Whole(io.StringIO()), TextWhole(text_out, {}), JSONReporter(out, {})
    assert not streams(whole) and not streams(text_whole) and streams(json_reporter)
    assert streams(Reporter(io.StringIO()))  # overrides nothing: nothing to hold for it
    feed = _run(linter, [str(path)], [json_reporter, whole, text_whole], stream=True)
    assert whole.seen == [(str(path), expected.findings, expected.error, expected.errors)]
    assert text_out.getvalue().startswith(f"== {path} ({len(expected.findings)})\n")
    assert json.loads(out.getvalue())["summary"]["findings"] == len(expected.findings) == feed.summary.findings


def test_only_the_process_that_built_the_feed_streams(linter, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(CASES["plain"].encode("utf-8"))
    feed = ReportFeed([JSONReporter(io.StringIO(), {})], Severity.WARNING)
    feed.start()
    feed._pid = -1  # as in a forked worker: its results come back whole
    linter.stream_to = feed
    try:
        result = linter.lint_path(str(path))
    finally:
        linter.stream_to = None
    assert result.findings and feed.summary.findings == 0


def test_the_cli_streams_a_big_json_lines_file_completely(tmp_path):
    count = 3000
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            bad = "{broken\n" if i % 997 == 5 else ""
            handle.write(bad + json.dumps({"id": f"a{i}", "headline": f"Council meets on tuesday {i}",
                                           "body": f"The the council said that that item {i} passed. "
                                                   "It's 5 percent."}) + "\n")
    env = dict(os.environ, PYTHONPATH=ROOT)

    def cli(*args, stdin=None):
        return subprocess.run([sys.executable, "-m", "newslint", "-j1", *args], capture_output=True, env=env,
                              cwd=tmp_path, stdin=stdin)

    streamed = cli("--format", "json", "big.jsonl")
    assert streamed.returncode == 1, streamed.stderr
    report = json.loads(streamed.stdout)
    findings = report["files"][0]["findings"]
    assert report["summary"]["findings"] == len(findings) >= count
    assert {f["article"] for f in findings} >= {f"a{i}" for i in range(count)}
    assert [f["offset"] for f in findings] == sorted(f["offset"] for f in findings)
    assert len(report["files"][0]["errors"]) == 4  # the broken records
    # the same document as the whole-text path (stdin)
    with open(path, "rb") as handle:
        whole = cli("--format", "json", "--stdin-filename", "big.jsonl", "-", stdin=handle)
    assert whole.stdout == streamed.stdout
    # and the other formats agree on the count
    jsonl = cli("--format", "jsonl", "big.jsonl")
    assert sum('"rule"' in line for line in jsonl.stdout.decode().splitlines()) == len(findings)
    sarif = json.loads(cli("--format", "sarif", "big.jsonl").stdout)
    assert len(sarif["runs"][0]["results"]) == len(findings)


def _write_articles(path, count: int, tag: str) -> None:
    """Articles with findings (doubled words, a lower-case day): the report must not hold them."""
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            body = " ".join(f"The the council met on tuesday about item {tag}{i}-{k}." for k in range(4))
            handle.write(json.dumps({"id": f"a{i}", "headline": f"Budget plan {tag}{i}", "body": body}) + "\n")


def test_memory_is_flat_with_findings(linter, tmp_path):
    files = {}
    for name, count in (("warm", 400), ("n", 150), ("4n", 600)):
        files[name] = tmp_path / f"{name}.jsonl"
        _write_articles(files[name], count, name)
    with open(os.devnull, "w", encoding="utf-8") as sink:
        def run(path):
            reporters = [cls(sink, _options(linter)) for cls in FORMATS.values()]
            feed = _run(linter, [str(path)], reporters, stream=True)
            assert feed.summary.findings >= 4 * sum(1 for _ in open(path, encoding="utf-8"))
        run(files["warm"])
        peaks = {}
        for name in ("n", "4n"):
            tracemalloc.start()
            try:
                run(files[name])
                peaks[name] = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    assert peaks["4n"] < 1.5 * peaks["n"], peaks


def test_summary_counts_a_file_in_parts():
    whole, parts = Summary(), Summary()
    from newslint.findings import Finding, Fix

    findings = [Finding("a.b", Severity.ERROR, "m", 0, 1, fix=Fix(0, 1, "x")), Finding("a.c", Severity.INFO, "m", 2, 1)]
    result = FileResult("p", findings=findings, articles=2, words=10)
    whole.add(result)
    parts.add_findings(findings[:1])
    parts.add_findings(findings[1:])
    parts.add_file(result)
    assert whole == parts and whole.fixable == 1 and whole.counts == {"error": 1, "warning": 0, "info": 1}


def test_parallel_workers_hand_back_json_lines_findings_whole(tmp_path):
    # forked workers inherit the parent's report feed; it takes findings only in the parent, so a
    # worker's JSON Lines file comes back whole in its result and the report is the -j1 one
    for n in range(4):
        with open(tmp_path / f"f{n}.jsonl", "w", encoding="utf-8") as handle:
            for i in range(20):
                handle.write(json.dumps({"id": f"a{n}-{i}", "body": "The the council said it's 5 percent."}) + "\n")
    env = dict(os.environ, PYTHONPATH=ROOT)

    def run(jobs):
        proc = subprocess.run([sys.executable, "-m", "newslint", "-j", jobs, "--format", "json", "."],
                              capture_output=True, env=env, cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        report = json.loads(proc.stdout)
        return [(f["path"], f["findings"]) for f in report["files"]], report["summary"]

    one, two = run("1"), run("2")
    assert one == two
    assert all(len(findings) >= 20 for _, findings in one[0])
