"""The reporter lifecycle and the run summary every reporter receives.

A reporter gets ``start()``, then each file, then ``finish(summary)``. A file
comes whole, as ``file(result)``, or, for a reporter that streams, in parts:
``begin_file(result)``, ``add_findings(result, findings)`` for each article's
findings as it is done, ``end_file(result)``. The session streams the files
the engine streams (JSON Lines given by path, see ``engine.FindingSink``), so a
100,000-article file is never held as findings; every other file, and every
file for a reporter that only has ``file``, comes whole.
"""

from __future__ import annotations

TYPE_CHECKING = False  # ``typing`` is for the type checker only: importing it costs ms of a cold start
if TYPE_CHECKING:
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
        """Count a whole file: ``add_file`` and ``add_findings`` of its findings."""
        self.add_file(result)
        self.add_findings(result.findings)

    def add_file(self, result) -> None:
        """Count a file, not its findings."""
        self.files += 1
        self.articles += result.articles
        self.words += result.words
        if result.error is not None:
            self.files_with_errors += 1

    def add_findings(self, findings) -> None:
        counts = self.counts
        for finding in findings:
            counts[str(finding.severity)] += 1
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
    """Base class: override what you need. ``options`` holds CLI settings
    such as ``color`` (bool) and ``quiet`` (bool).

    A reporter that overrides only ``file`` gets every file whole (the session
    holds a streamed file's findings for it). One that overrides
    ``add_findings`` (in ``file``'s class or a subclass of it) streams: it gets
    ``begin_file``/``add_findings``/``end_file`` for a streamed file and
    ``file`` for the others, which by default calls the three.
    """

    #: the --format name; set on concrete reporters
    name = ""

    def __init__(self, stream: TextIO, options: dict | None = None):
        self.stream = stream
        self.options = options or {}

    def start(self) -> None:
        pass

    def file(self, result) -> None:
        """A whole file: ``result.findings`` holds all its findings."""
        self.begin_file(result)
        if result.findings:
            self.add_findings(result, result.findings)
        self.end_file(result)

    def begin_file(self, result) -> None:
        """A file starts: ``result.path`` and ``result.source`` are set, the rest may not be yet."""

    def add_findings(self, result, findings: list) -> None:
        """Some of the file's findings (one article's, for a streamed file), in the file's order."""

    def end_file(self, result) -> None:
        """The file is done: ``error``, ``errors``, ``articles``, ``words`` and ``fixed`` are final.
        Its findings all came through ``add_findings``: do not read ``result.findings`` here."""

    def finish(self, summary: Summary) -> None:
        pass


class LineReporter(Reporter):
    """A report written a line at a time as findings come (text, jsonl, github).

    A whole file's problems (could not be linted, bad lines, timed-out rules)
    come before its findings; a streamed file's come after them, since they
    are known only at its end. Subclasses write them in ``problems``.
    """

    #: flush after each file, so a tool reading the stream gets it file by file
    flush_each_file = True

    def file(self, result) -> None:
        self.problems(result)
        self.add_findings(result, result.findings)
        if self.flush_each_file:
            self.stream.flush()

    def end_file(self, result) -> None:  # a streamed file: its findings came first
        self.problems(result)
        if self.flush_each_file:
            self.stream.flush()

    def problems(self, result) -> None:
        """Write the file's problems: ``result.error`` and ``result.errors``."""


def _defined_by(cls: type, name: str) -> type | None:
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass
    return None


def streams(reporter) -> bool:
    """Whether ``reporter`` takes a file in parts (``add_findings``), not only whole (``file``).

    A subclass of a streaming reporter that overrides ``file`` alone still gets files whole.
    """
    adds = _defined_by(type(reporter), "add_findings")
    files = _defined_by(type(reporter), "file")
    return adds is not None and (files is None or issubclass(adds, files))


class ReportFeed:
    """Hands a run's files to its reporters and keeps the summary and the exit status.

    It is the ``engine.FindingSink`` of the run's linters: a streamed file's findings go to
    the streaming reporters as each article is done, and are held only for reporters that
    take files whole (``streams``). Only the process that built the feed takes findings: a
    forked worker's linters lint whole files (their results come back to the parent).
    """

    def __init__(self, reporters: list, threshold: Severity):
        import os

        self.reporters = reporters
        self.streaming = [r for r in reporters if streams(r)]
        self.whole = [r for r in reporters if not streams(r)]
        self.threshold = threshold
        self.summary = Summary()
        #: a finding at or above the threshold, a file that could not be linted, a bad record
        self.failed = False
        #: a crashed plugin or an internal error
        self.internal = False
        self._pid = os.getpid()
        self._current = None  # the streamed file under way
        self._held: list | None = None  # its findings, for the reporters that take files whole

    def start(self) -> None:
        for reporter in self.reporters:
            reporter.start()

    # -- engine.FindingSink ---------------------------------------------------
    def begin(self, result) -> bool:
        import os

        if not self.streaming or os.getpid() != self._pid:
            return False
        self._current = result
        self._held = [] if self.whole else None
        for reporter in self.streaming:
            reporter.begin_file(result)
        return True

    def add(self, result, findings: list) -> None:
        self.summary.add_findings(findings)
        if not self.failed:
            threshold = self.threshold
            self.failed = any(f.severity >= threshold for f in findings)
        if self._held is not None:
            self._held.extend(findings)
        for reporter in self.streaming:
            reporter.add_findings(result, findings)

    # -- files --------------------------------------------------------------------
    def file(self, result) -> None:
        """A file is done (streamed through ``begin``/``add`` or not)."""
        streamed = result is self._current
        self.summary.add_file(result)
        if not streamed:
            self.summary.add_findings(result.findings)
        threshold = self.threshold
        self.failed = (self.failed or result.error is not None
                       or any(e.get("type") == "parse" for e in result.errors)
                       or (not streamed and any(f.severity >= threshold for f in result.findings)))
        self.internal = self.internal or any(e.get("type") in ("plugin", "internal") for e in result.errors)
        if streamed:
            self._current = None
            for reporter in self.streaming:
                reporter.end_file(result)
            if self._held is not None:
                result.findings, self._held = self._held, None
                for reporter in self.whole:
                    reporter.file(result)
        else:
            for reporter in self.reporters:
                reporter.file(result)

    def finish(self, summary: Summary | None = None) -> None:
        for reporter in self.reporters:
            reporter.finish(self.summary if summary is None else summary)


SEVERITY_ORDER = {str(s): s for s in Severity}
