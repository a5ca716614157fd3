"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, ...).

One ``<testsuite>`` (inside ``<testsuites>``) with one ``<testcase>`` per
file. Each finding at or above ``--fail-on`` is a ``<failure>`` in its
file's test case; findings below it go to the case's ``<system-out>`` so
the report agrees with the exit code. A file that could not be read is an
``<error>``. The counts (``tests``, ``failures``, ``errors``) count test
cases, as the common parsers expect.

The counts open the document but are known only at the end, so the test
cases are spooled as XML text in a temporary file (in memory up to
``SPOOL_BYTES``) and copied out by ``finish``; the ``<system-out>`` of the
file under way is spooled the same way (it closes the test case). A long run
holds no findings. In a JSON Lines file given by path, streamed, an
``<error>`` that comes after findings (the file broke off) follows the
failures.
"""

from __future__ import annotations

from newslint.findings import Severity
from newslint.reporters.base import Reporter

#: test cases (and the file under way's system-out) spooled in memory up to this size, then on disk
SPOOL_BYTES = 2**20

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
        self.tests = self.failures = self.errors = 0
        self.threshold = Severity.parse(self.options.get("fail_on") or "warning")
        self._cases = self._spool()

    @staticmethod
    def _spool():
        import tempfile

        return tempfile.SpooledTemporaryFile(SPOOL_BYTES, mode="w+", encoding="utf-8", errors="surrogatepass")

    def begin_file(self, result) -> None:
        self.tests += 1
        self._path = result.path.replace("\\", "/")
        self._opened = False  # the test case's head written, with a body to come
        self._failed = False
        self._below = None  # system-out lines: findings below the threshold, then the file's problems
        self._error_written = False
        if result.error is not None:  # known at once for a file that comes whole
            self._error(result)

    def _open(self) -> None:
        if not self._opened:
            self._opened = True
            self._cases.write(f"  <testcase classname=\"newslint\" name={_attr(self._path)} file={_attr(self._path)}>\n")

    def _error(self, result) -> None:
        self._error_written = True
        self.errors += 1
        self._open()
        self._cases.write(f"    <error type=\"unreadable\" message={_attr(result.error)}>{_text(result.error)}</error>\n")

    def _out(self, text: str) -> None:
        if self._below is None:
            self._below = self._spool()
        else:
            self._below.write("\n")
        self._below.write(_text(text))

    def add_findings(self, result, findings) -> None:
        path, threshold = self._path, self.threshold
        body = []
        for f in findings:
            where = f"{path}:{f.line}:{f.column}"
            text = f"{where}: {f.severity} {f.rule} {f.message}"
            if f.article:
                text += f" [{f.article}]"
            if f.severity >= threshold:
                self._failed = True
                body.append(f"    <failure type={_attr(f.rule)} message={_attr(f'{where}: {f.message}')}>"
                            f"{_text(text)}</failure>\n")
            else:
                self._out(text)
        if body:
            self._open()
            self._cases.write("".join(body))

    def end_file(self, result) -> None:
        if result.error is not None and not self._error_written:
            self._error(result)
        for problem in result.errors:
            self._out(f"{problem.get('type', 'error')}: {problem.get('message', '')}")
        if self._failed and result.error is None:
            self.failures += 1
        cases = self._cases
        if self._below is not None:
            self._open()
            cases.write("    <system-out>")
            self._below.seek(0)
            import shutil  # here: every run imports the reporters, few write JUnit (shutil: 1.8 ms)

            shutil.copyfileobj(self._below, cases)
            self._below.close()
            self._below = None
            cases.write("</system-out>\n")
        if self._opened:
            cases.write("  </testcase>\n")
        else:
            cases.write(f"  <testcase classname=\"newslint\" name={_attr(self._path)} file={_attr(self._path)} />\n")

    def finish(self, summary) -> None:
        counts = f'tests="{self.tests}" failures="{self.failures}" errors="{self.errors}"'
        elapsed = f"{summary.elapsed:.3f}"
        write = self.stream.write
        write('<?xml version="1.0" encoding="UTF-8"?>\n')
        write(f'<testsuites name="newslint" {counts} time="{elapsed}">\n')
        write(f'<testsuite name="newslint" {counts} skipped="0" time="{elapsed}">\n')
        self._cases.seek(0)
        import shutil

        shutil.copyfileobj(self._cases, self.stream)
        self._cases.close()
        if summary.errors:
            text = "\n".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in summary.errors)
            write(f"  <system-err>{_text(text)}</system-err>\n")
        write("</testsuite>\n</testsuites>\n")
