"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, ...).

One ``<testsuite>`` (inside ``<testsuites>``) with one ``<testcase>`` per
file. Each finding at or above ``--fail-on`` is a ``<failure>`` in its
file's test case; findings below it go to the case's ``<system-out>`` so
the report agrees with the exit code. A file that could not be read is an
``<error>``. The counts (``tests``, ``failures``, ``errors``) count test
cases, as the common parsers expect.
"""

from __future__ import annotations

from newslint.findings import Severity
from newslint.reporters.base import Reporter

# characters XML 1.0 cannot carry at all, even escaped
_XML_BAD = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_XML_BAD.update({0xFFFE: None, 0xFFFF: None})


def _clean(text: str) -> str:
    return str(text).translate(_XML_BAD)


def _attr(value) -> str:
    # imported here: xml.sax.saxutils pulls in urllib.request (10 ms of every run's start-up)
    from xml.sax.saxutils import quoteattr

    return quoteattr(_clean(value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _text(value) -> str:
    from xml.sax.saxutils import escape

    return escape(_clean(value))


class JUnitReporter(Reporter):
    name = "junit"

    def start(self) -> None:
        self.cases: list[str] = []
        self.tests = self.failures = self.errors = 0
        self.threshold = Severity.parse(self.options.get("fail_on") or "warning")

    def file(self, result) -> None:
        self.tests += 1
        path = result.path.replace("\\", "/")
        body: list[str] = []
        below: list[str] = []
        if result.error is not None:
            self.errors += 1
            body.append(f"    <error type=\"unreadable\" message={_attr(result.error)}>{_text(result.error)}</error>\n")
        failed = False
        for f in result.findings:
            where = f"{path}:{f.line}:{f.column}"
            text = f"{where}: {f.severity} {f.rule} {f.message}"
            if f.article:
                text += f" [{f.article}]"
            if f.severity >= self.threshold:
                failed = True
                body.append(f"    <failure type={_attr(f.rule)} message={_attr(f'{where}: {f.message}')}>"
                            f"{_text(text)}</failure>\n")
            else:
                below.append(text)
        for problem in result.errors:
            below.append(f"{problem.get('type', 'error')}: {problem.get('message', '')}")
        if failed and result.error is None:
            self.failures += 1
        if below:
            body.append(f"    <system-out>{_text(chr(10).join(below))}</system-out>\n")
        head = f"  <testcase classname=\"newslint\" name={_attr(path)} file={_attr(path)}"
        self.cases.append(head + (">\n" + "".join(body) + "  </testcase>\n" if body else " />\n"))

    def finish(self, summary) -> None:
        counts = f'tests="{self.tests}" failures="{self.failures}" errors="{self.errors}"'
        elapsed = f"{summary.elapsed:.3f}"
        write = self.stream.write
        write('<?xml version="1.0" encoding="UTF-8"?>\n')
        write(f'<testsuites name="newslint" {counts} time="{elapsed}">\n')
        write(f'<testsuite name="newslint" {counts} skipped="0" time="{elapsed}">\n')
        for case in self.cases:
            write(case)
        if summary.errors:
            text = "\n".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in summary.errors)
            write(f"  <system-err>{_text(text)}</system-err>\n")
        write("</testsuite>\n</testsuites>\n")
