"""What a lint run produces: findings, their fixes and severities.

A finding always points into the decoded text of the file it came from:
``offset``/``length`` count Unicode code points, ``line``/``column`` are
1-based and derived from the offset, so they can never disagree.
"""

from __future__ import annotations

import enum


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


def field_repr(obj, names) -> str:
    """``Name(a=1, b='x')``: what a dataclass would print."""
    return f"{type(obj).__name__}({', '.join(f'{n}={getattr(obj, n)!r}' for n in names)})"


class Record:
    """Value equality and a dataclass-like repr over ``FIELDS`` (``REPR`` when it differs).

    newslint's record types are written out by hand rather than as dataclasses, because
    ``@dataclass`` generates and compiles its methods when the module is imported: about
    0.5 ms a class (1 ms a frozen one), a tenth of the command's cold start over twenty classes.
    """

    FIELDS: tuple[str, ...] = ()
    REPR: tuple[str, ...] | None = None

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.FIELDS)

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return field_repr(self, self.FIELDS if self.REPR is None else self.REPR)


class FrozenRecord:
    """An immutable, hashable value over its ``__slots__`` (in constructor order): compared,
    hashed, printed and pickled by those fields. Hand-written for the same reason as ``Record``."""

    #: the hash, worked out on first use (not a field: subclasses list their fields in their own
    #: ``__slots__``); settings are hashed several times per article to find their rule set
    __slots__ = ("_hash",)

    def __init__(self, *values):
        for name, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r} of {type(self).__name__}")

    __delattr__ = __setattr__

    def _key(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other):
        return self._key() == other._key() if type(other) is type(self) else NotImplemented

    def __hash__(self):
        try:
            return self._hash
        except AttributeError:
            value = hash(self._key())
            object.__setattr__(self, "_hash", value)
            return value

    def __repr__(self) -> str:
        return field_repr(self, self.__slots__)

    def __reduce__(self):
        return type(self), self._key()


class Fix(FrozenRecord):
    """Replace ``length`` code points at ``offset`` with ``replacement`` (immutable, hashable)."""

    __slots__ = ("offset", "length", "replacement")

    def __init__(self, offset: int, length: int, replacement: str):
        super().__init__(offset, length, replacement)

    def to_dict(self) -> dict:
        return {"offset": self.offset, "length": self.length, "replacement": self.replacement}


class Finding(Record):
    FIELDS = ("rule", "severity", "message", "offset", "length", "line", "column", "end_line", "end_column",
              "match", "suggestion", "fix", "article", "extra")

    def __init__(self, rule: str, severity: Severity, message: str, offset: int, length: int,
                 line: int = 0, column: int = 0, end_line: int = 0, end_column: int = 0, match: str = "",
                 suggestion: str | None = None, fix: Fix | None = None, article: str | None = None,
                 extra: dict | None = None):
        self.rule = rule
        self.severity = severity
        self.message = message
        self.offset = offset
        self.length = length
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.match = match
        self.suggestion = suggestion
        self.fix = fix
        self.article = article
        self.extra = {} if extra is None else extra

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
