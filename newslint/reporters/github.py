"""GitHub Actions workflow commands: findings become pull-request annotations.

``::warning file=drafts/a.md,line=3,col=5,endLine=3,endColumn=12,title=usage.alright::message``

Severities map to ``error``, ``warning`` and ``notice``. Columns are 1-based
code points with an exclusive end, like the rest of newslint's output.
Values are escaped as the workflow-command parser requires: ``%``, CR and
LF everywhere, and ``:`` and ``,`` too inside properties. A file that could
not be linted is an ``error`` annotation on the file.
"""

from __future__ import annotations

from newslint.reporters.base import LineReporter

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props) -> str:
    parts = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items() if value is not None)
    return f"::{name}{' ' + parts if parts else ''}::{escape_data(message)}\n"


class GitHubReporter(LineReporter):
    name = "github"

    def problems(self, result) -> None:
        path = result.path.replace("\\", "/")
        write = self.stream.write
        if result.error is not None:
            write(command("error", f"could not lint: {result.error}", file=path, title="newslint"))
        for problem in result.errors:
            kind = problem.get("type", "error")
            write(command("warning" if kind in ("timeout", "fix") else "error", str(problem.get("message", "")),
                          file=path, title=f"newslint {kind}"))

    def add_findings(self, result, findings) -> None:
        path = result.path.replace("\\", "/")
        write = self.stream.write
        for f in findings:
            message = f"{f.message} [{f.article}]" if f.article else f.message
            write(command(COMMANDS[str(f.severity)], message, file=path, line=f.line, col=f.column,
                          endLine=f.end_line, endColumn=f.end_column, title=f.rule))

    def finish(self, summary) -> None:
        for error in summary.errors:
            text = error.get("message", str(error)) if isinstance(error, dict) else str(error)
            self.stream.write(command("error", text, title="newslint plugin error"))
