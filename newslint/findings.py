"""What a lint run produces: findings, their fixes and severities.

A finding always points into the decoded text of the file it came from:
``offset``/``length`` count Unicode code points, ``line``/``column`` are
1-based and derived from the offset, so they can never disagree.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= threshold`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Fix:
    """Replace ``length`` code points at ``offset`` with ``replacement``."""

    offset: int
    length: int
    replacement: str

    def to_dict(self) -> dict:
        return {"offset": self.offset, "length": self.length, "replacement": self.replacement}


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    offset: int
    length: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    match: str = ""
    suggestion: str | None = None
    fix: Fix | None = None
    article: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def pack(self) -> str:
        return self.rule.split(".", 1)[0]

    @property
    def sort_key(self):
        return (self.offset, self.length, self.rule, self.message)

    def to_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "pack": self.pack,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "match": self.match,
            "suggestion": self.suggestion,
        }
        if self.fix is not None:
            data["fix"] = self.fix.to_dict()
        if self.article is not None:
            data["article"] = self.article
        return data
