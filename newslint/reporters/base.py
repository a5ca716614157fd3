"""The reporter lifecycle and the run summary every reporter receives."""

from __future__ import annotations

from typing import TextIO

from newslint.findings import Record, Severity


class Summary(Record):
    FIELDS = ("files", "files_with_errors", "articles", "words", "counts", "fixable", "errors", "elapsed")

    def __init__(self, files: int = 0, files_with_errors: int = 0, articles: int = 0, words: int = 0,
                 counts: dict | None = None, fixable: int = 0, errors: list | None = None, elapsed: float = 0.0):
        self.files = files
        self.files_with_errors = files_with_errors
        self.articles = articles
        self.words = words
        self.counts = {"error": 0, "warning": 0, "info": 0} if counts is None else counts
        self.fixable = fixable
        #: run-level problems: crashed plugins, timed-out rules
        self.errors = [] if errors is None else errors
        self.elapsed = elapsed

    def add(self, result) -> None:
        self.files += 1
        self.articles += result.articles
        self.words += result.words
        if result.error is not None:
            self.files_with_errors += 1
        for finding in result.findings:
            self.counts[str(finding.severity)] += 1
            self.fixable += finding.fix is not None

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "files_with_errors": self.files_with_errors,
            "findings": self.findings,
            "errors": self.counts["error"],
            "warnings": self.counts["warning"],
            "infos": self.counts["info"],
            "fixable": self.fixable,
        }


class Reporter:
    #: the --format name; set on concrete reporters
    name = ""

    """Base class: override what you need. ``options`` holds CLI settings
    such as ``color`` (bool) and ``quiet`` (bool)."""

    def __init__(self, stream: TextIO, options: dict | None = None):
        self.stream = stream
        self.options = options or {}

    def start(self) -> None:
        pass

    def file(self, result) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass


SEVERITY_ORDER = {str(s): s for s in Severity}
