"""Rules and packs as loaded from YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newslint.findings import Severity


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


@dataclass
class Rule:
    id: str
    kind: str
    message: str
    severity: Severity = Severity.WARNING
    scope: str = "all"
    quotes: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    doc: str = ""
    examples: list = field(default_factory=list)
    path: str = ""
    line: int = 0
    #: the compiled kind instance; set by the loader
    impl: Any = field(default=None, repr=False, compare=False)
    #: the keys this entry sets in its file (an override changes only these)
    present: set = field(default_factory=set, repr=False, compare=False)
    #: True for an entry that overrides a rule of an extended pack
    override: bool = field(default=False, repr=False, compare=False)
    #: the options mapping as loaded, with line numbers for error messages
    option_lines: Any = field(default=None, repr=False, compare=False)

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


@dataclass
class Pack:
    name: str
    description: str
    path: str
    extends: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
