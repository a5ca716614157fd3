"""The human report: ``path:line:col: severity rule message``.

On a terminal it also shows the source line with a caret under the span, in
colour unless NO_COLOR is set; a summary line ends the report.
"""

from __future__ import annotations

from newslint.reporters.base import LineReporter

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


class TextReporter(LineReporter):
    name = "text"
    flush_each_file = False  # a terminal flushes by line; a pipe gets the report in a few large writes

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.options.get("color") else text

    def problems(self, result) -> None:
        write = self.stream.write
        if result.error is not None:
            write(f"{result.path}: error: {result.error}\n")
        for error in result.errors:
            write(f"{result.path}: {error.get('type', 'error')}: {error.get('message')}\n")

    def add_findings(self, result, findings) -> None:
        write = self.stream.write
        context = self.options.get("context")
        for f in findings:
            sev = str(f.severity)
            where = f"{result.path}:{f.line}:{f.column}:"
            article = f" [{f.article}]" if f.article else ""
            write(f"{self._c(_BOLD, where)} {self._c(_COLORS[sev], sev)} {self._c(_DIM, f.rule)}"
                  f"{article} {f.message}\n")
            if context and result.source is not None:
                line = result.source.line_text(f.line)
                width = max(1, (f.length if f.end_line == f.line else len(line) - f.column + 1))
                write(f"    {line.expandtabs(1)}\n")
                write("    " + " " * (f.column - 1) + self._c(_COLORS[sev], "^" * width) + "\n")

    def finish(self, summary) -> None:
        write = self.stream.write
        for error in summary.errors:
            write(f"error: {error}\n")
        if self.options.get("quiet") and not summary.findings:
            return
        c = summary.counts
        parts = [f"{c['error']} error{'s' * (c['error'] != 1)}", f"{c['warning']} warning{'s' * (c['warning'] != 1)}",
                 f"{c['info']} info"]
        text = (f"{summary.findings} finding{'s' * (summary.findings != 1)} ({', '.join(parts)}) "
                f"in {summary.files} file{'s' * (summary.files != 1)}")
        if summary.fixable:
            text += f"; {summary.fixable} fixable with --fix"
        if summary.files_with_errors:
            text += f"; {summary.files_with_errors} file{'s' * (summary.files_with_errors != 1)} could not be linted"
        write(self._c(_BOLD, text) + "\n")
