"""Rules and packs as loaded from YAML."""

from __future__ import annotations

TYPE_CHECKING = False  # ``typing`` is for the type checker only: importing it costs ms of a cold start
if TYPE_CHECKING:
    from typing import Any

from newslint.findings import Record, Severity


class PackError(Exception):
    """A pack (or config) that cannot be used: names file, line, rule and field."""

    def __init__(self, path: str, message: str, line: int = 0, rule: str | None = None,
                 field: str | None = None):
        self.path, self.line, self.rule, self.field, self.detail = path, line, rule, field, message
        where = f"{path}:{line}" if line else path
        parts = [where]
        if rule:
            parts.append(f"rule {rule}")
        if field:
            parts.append(f"field '{field}'")
        super().__init__(": ".join(parts) + ": " + message)


class Rule(Record):
    FIELDS = ("id", "kind", "message", "severity", "scope", "quotes", "options", "doc", "examples", "path", "line")

    def __init__(self, id: str, kind: str, message: str, severity: Severity = Severity.WARNING,
                 scope: str = "all", quotes: bool = False, options: dict[str, Any] | None = None,
                 doc: str = "", examples: list | None = None, path: str = "", line: int = 0):
        self.id = id
        self.kind = kind
        self.message = message
        self.severity = severity
        self.scope = scope
        self.quotes = quotes
        self.options = {} if options is None else options
        self.doc = doc
        self.examples = [] if examples is None else examples
        self.path = path
        self.line = line
        #: the compiled kind instance; set by the loader
        self.impl: Any = None
        #: the keys this entry sets in its file (an override changes only these)
        self.present: set = set()
        #: True for an entry that overrides a rule of an extended pack
        self.override = False
        #: the options mapping as loaded, with line numbers for error messages
        self.option_lines: Any = None

    @property
    def pack(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split(".", 1)[1]

    @property
    def fixable(self) -> bool:
        return bool(self.impl is not None and self.impl.is_fixable())

    @property
    def summary(self) -> str:
        """The first line of the doc: a one-line description."""
        for line in self.doc.strip().splitlines():
            if line.strip():
                return line.strip()
        return self.message


class Pack(Record):
    FIELDS = ("name", "description", "path", "extends", "rules")

    def __init__(self, name: str, description: str, path: str, extends: list[str] | None = None,
                 rules: list[Rule] | None = None):
        self.name = name
        self.description = description
        self.path = path
        self.extends = [] if extends is None else extends
        self.rules = [] if rules is None else rules
