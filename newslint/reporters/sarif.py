"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` describes every active rule (id, the doc's
first line, the full doc, the default level, help with examples), and each
result points at its rule by id and index. Regions use 1-based code-point
columns (``columnKind: unicodeCodePoints``), the end column exclusive, as
everywhere in newslint. Paths relative to the working directory are written
as relative URIs against ``%SRCROOT%`` so code scanning can map them to the
repository. Fixes travel as SARIF ``fixes``; files that could not be read
become tool notifications, not results.

The rules (and each result's ``ruleIndex``) come before the results in the
log but are known only at the end, so the results are spooled as compact
JSON lines in a temporary file (in memory up to ``SPOOL_BYTES``) and written
out by ``finish``: a long run holds no findings.
"""

from __future__ import annotations

import os

from newslint import __version__
from newslint.reporters.base import Reporter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: results spooled in memory up to this size, then on disk
SPOOL_BYTES = 2**20


def artifact_uri(path: str) -> tuple[str, str | None]:
    """``(uri, uriBaseId)``: relative paths stay relative to ``%SRCROOT%``."""
    from urllib.parse import quote  # here, like json below: imported only when SARIF is written

    if path.startswith("<") and path.endswith(">"):  # <stdin>
        return quote(path.strip("<>")), "%SRCROOT%"
    norm = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(norm if norm.startswith("/") else "/" + norm), None
    while norm.startswith("./"):
        norm = norm[2:]
    return quote(norm), "%SRCROOT%"


def _location(path: str) -> dict:
    uri, base = artifact_uri(path)
    loc = {"uri": uri}
    if base:
        loc["uriBaseId"] = base
    return loc


def _region(f) -> dict:
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column,
              "charOffset": f.offset, "charLength": f.length}
    if f.match:
        region["snippet"] = {"text": f.match}
    return region


def _help(rule) -> str:
    lines = [rule.doc.strip() or rule.message]
    for ex in rule.examples or []:
        if "wrong" in ex:
            lines.append(f"Wrong: {ex['wrong']}")
        if "right" in ex:
            lines.append(f"Right: {ex['right']}")
    return "\n".join(lines)


def _help_markdown(rule) -> str:
    lines = [rule.doc.strip() or rule.message]
    examples = [ex for ex in rule.examples or [] if "wrong" in ex or "right" in ex]
    if examples:
        lines.append("")
        lines.append("Examples:")
        lines.append("")
        for ex in examples:
            if "wrong" in ex:
                lines.append(f"- wrong: `{ex['wrong']}`")
            if "right" in ex:
                lines.append(f"- right: `{ex['right']}`")
    return "\n".join(lines)


def rule_descriptor(rule) -> dict:
    summary = rule.summary
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.doc.strip() or summary},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
        "help": {"text": _help(rule), "markdown": _help_markdown(rule)},
        "properties": {"tags": [rule.pack, rule.kind], "fixable": rule.fixable, "scope": rule.scope},
    }


class SARIFReporter(Reporter):
    name = "sarif"

    def start(self) -> None:
        import json
        import tempfile

        self._compact = json.JSONEncoder(separators=(",", ":")).encode  # ASCII: a spool line is one line
        self._results = tempfile.SpooledTemporaryFile(SPOOL_BYTES, mode="w+", encoding="ascii")
        self.notifications: list[dict] = []
        self.referenced: dict[str, object] = {}

    def end_file(self, result) -> None:
        if result.error is not None:
            self.notifications.append({
                "level": "error",
                "message": {"text": f"{result.path}: {result.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": _location(result.path)}}],
            })
        for problem in result.errors:
            self.notifications.append({
                "level": "warning" if problem.get("type") in ("timeout", "fix") else "error",
                "message": {"text": str(problem.get("message", problem))},
                "locations": [{"physicalLocation": {"artifactLocation": _location(result.path)}}],
            })

    def add_findings(self, result, findings) -> None:
        location = _location(result.path)
        lines = []
        for f in findings:
            entry = {
                "ruleId": f.rule,
                "level": LEVELS[str(f.severity)],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": dict(location), "region": _region(f)}}],
            }
            if f.fix is not None:
                entry["fixes"] = [{
                    "description": {"text": f"Replace with \"{f.fix.replacement}\""},
                    "artifactChanges": [{
                        "artifactLocation": dict(location),
                        "replacements": [{
                            "deletedRegion": {"startLine": f.line, "startColumn": f.column,
                                              "endLine": f.end_line, "endColumn": f.end_column},
                            "insertedContent": {"text": f.fix.replacement},
                        }],
                    }],
                }]
            props = {}
            if f.article is not None:
                props["article"] = f.article
            if f.suggestion is not None:
                props["suggestion"] = f.suggestion
            if props:
                entry["properties"] = props
            lines.append(self._compact(entry))
            self.referenced.setdefault(f.rule, None)
        lines.append("")
        self._results.write("\n".join(lines))

    def _rules(self) -> list[dict]:
        catalog = self.options.get("rules") or {}
        rules = list(catalog.active()) if hasattr(catalog, "active") else [catalog[k] for k in sorted(catalog)]
        descriptors = {r.id: rule_descriptor(r) for r in rules}
        for rule_id in self.referenced:
            if rule_id not in descriptors:
                rule = catalog.get(rule_id) if hasattr(catalog, "get") else None
                descriptors[rule_id] = rule_descriptor(rule) if rule is not None else {
                    "id": rule_id, "shortDescription": {"text": rule_id}}
        return [descriptors[k] for k in sorted(descriptors)]

    def finish(self, summary) -> None:
        import json

        rules = self._rules()
        index = {d["id"]: i for i, d in enumerate(rules)}
        for error in summary.errors:
            text = error.get("message", str(error)) if isinstance(error, dict) else str(error)
            plugin = error.get("plugin") if isinstance(error, dict) else None
            self.notifications.append({"level": "error",
                                       "message": {"text": f"{plugin}: {text}" if plugin else text}})
        invocation = {"executionSuccessful": not summary.errors}
        if self.notifications:
            invocation["toolExecutionNotifications"] = self.notifications
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "newslint", "version": __version__, "semanticVersion": __version__,
                                    "rules": rules}},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": [],
            }],
        }
        text = json.dumps(log, ensure_ascii=False, indent=2)
        cut = text.rindex('"results": []') + len('"results": [')  # the last key: then only "]}]}"
        write = self.stream.write
        write(text[:cut])
        encode = json.JSONEncoder(ensure_ascii=False, indent=2).encode
        pad = "\n        "  # a result's depth in the log, as json.dump(log, indent=2) writes it
        self._results.seek(0)
        first = True
        for line in self._results:
            entry = json.loads(line)
            entry["ruleIndex"] = index[entry["ruleId"]]
            write(("" if first else ",") + pad + encode(entry).replace("\n", pad))
            first = False
        self._results.close()
        write(("]" if first else "\n      ]") + text[cut + 1:] + "\n")
