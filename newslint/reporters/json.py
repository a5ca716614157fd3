"""The stable JSON report (version 1), for editors and tools.

Its JSON Schema ships as ``newslint/schemas/report-v1.schema.json``::

    {"version": 1,
     "files": [{"path": ..., "findings": [...], "error"?: ..., "errors"?: [...]}],
     "summary": {...},
     "errors": [...]}     # run-level problems: crashed plugins

Offsets are 0-based code points of the decoded text; line/column are 1-based.
"""

from __future__ import annotations

from newslint.reporters.base import Reporter

VERSION = 1


class JSONReporter(Reporter):
    name = "json"

    def start(self) -> None:
        self.files: list[dict] = []

    def file(self, result) -> None:
        self.files.append(result.to_dict())

    def finish(self, summary) -> None:
        report = {"version": VERSION, "files": self.files, "summary": summary.to_dict(),
                  "errors": [e if isinstance(e, dict) else e.to_dict() for e in summary.errors]}
        import json  # here: a run that prints text never imports it (1-1.5 ms of a cold start)

        json.dump(report, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
