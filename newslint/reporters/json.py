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


def _encoder():
    import json  # here: a run that prints text never imports it (1-1.5 ms of a cold start)

    return json.JSONEncoder(ensure_ascii=False, indent=2)


def _at(encode, value, depth: int) -> str:
    """``value`` as ``json.dump(..., indent=2)`` writes it ``depth`` levels deep in a document
    (JSON text holds no raw line break but those of the indentation)."""
    return encode(value).replace("\n", "\n" + "  " * depth)


class JSONReporter(Reporter):
    """Written as it goes: the head and each file's entry at once, each finding as it comes, the
    summary at the end; the same bytes ``json.dump`` of the whole report with ``indent=2`` gives."""

    name = "json"

    def start(self) -> None:
        self._encode = _encoder().encode
        self._files = 0
        self._findings = 0

    def begin_file(self, result) -> None:
        head = '{\n  "version": %d,\n  "files": [\n' % VERSION if not self._files else ",\n"
        self.stream.write(f'{head}    {{\n      "path": {self._encode(result.path)},\n      "findings": [')
        self._files += 1
        self._findings = 0

    def add_findings(self, result, findings) -> None:
        encode = self._encode
        pad = "\n        "
        parts = [pad + encode(f.to_dict()).replace("\n", pad) for f in findings]
        self.stream.write(("," if self._findings else "") + ",".join(parts))
        self._findings += len(parts)

    def end_file(self, result) -> None:
        text = "\n      ]" if self._findings else "]"
        for key, value in result.problems_dict().items():
            text += f",\n      {self._encode(key)}: {_at(self._encode, value, 3)}"
        self.stream.write(text + "\n    }")

    def finish(self, summary) -> None:
        write = self.stream.write
        write('{\n  "version": %d,\n  "files": [],\n' % VERSION if not self._files else "\n  ],\n")
        errors = [e if isinstance(e, dict) else e.to_dict() for e in summary.errors]
        write(f'  "summary": {_at(self._encode, summary.to_dict(), 1)},\n'
              f'  "errors": {_at(self._encode, errors, 1)}\n}}\n')
