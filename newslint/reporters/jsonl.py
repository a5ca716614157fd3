"""JSON Lines: one finding per line, written as each file finishes (as each
article is done in a JSON Lines file given by path, whose problem lines then
come after its findings).

For batch jobs over many articles: a consumer can start on the first file's
findings while the rest are linted, and a killed run leaves whole lines.
Each finding line is the JSON report's finding plus ``path``; a file that
could not be linted, or a problem while linting it (a timed-out rule, a
crashed plugin), is a line with an ``error`` key instead:

    {"path": "a.md", "rule": "usage.alright", "severity": "warning", "line": 3, ...}
    {"path": "b.md", "error": "not valid UTF-8 ...", "type": "file"}
"""

from __future__ import annotations

from newslint.reporters.base import LineReporter


def _line(data: dict) -> str:
    import json  # here: a run that prints text never imports it (1-1.5 ms of a cold start)

    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


class JSONLReporter(LineReporter):
    name = "jsonl"

    def problems(self, result) -> None:
        write = self.stream.write
        if result.error is not None:
            write(_line({"path": result.path, "error": result.error, "type": "file"}))
        for problem in result.errors:
            data = {"path": result.path, "error": problem.get("message", ""), "type": problem.get("type", "error")}
            data.update({k: v for k, v in problem.items() if k not in ("message", "type")})
            write(_line(data))

    def add_findings(self, result, findings) -> None:
        path = result.path
        self.stream.write("".join(_line({"path": path, **f.to_dict()}) for f in findings))

    def finish(self, summary) -> None:
        for error in summary.errors:
            data = dict(error) if isinstance(error, dict) else {"message": str(error)}
            data = {"path": None, "error": data.pop("message", ""), "type": "plugin", **data}
            self.stream.write(_line(data))
        self.stream.flush()
