"""Reading a file into decoded text, and mapping offsets to lines and columns.

Offsets everywhere in newslint are code points of the decoded text: UTF-8,
with a leading BOM removed, line endings untouched. ``\\n``, ``\\r\\n`` and a
lone ``\\r`` each end a line, as they do in editors and in LSP.
"""

from __future__ import annotations

import bisect
import os

import regex

from newslint.findings import Record

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")


class SourceError(Exception):
    """A file that cannot be linted: unreadable, binary or not UTF-8."""


class Source(Record):
    """One input file (or stdin) after decoding."""

    FIELDS = ("path", "text", "bom", "raw", "_line_starts")
    REPR = ("path", "text", "bom")

    def __init__(self, path: str, text: str, bom: bool = False, raw: bytes | None = None,
                 _line_starts: list[int] | None = None):
        self.path = path
        self.text = text
        self.bom = bom
        self.raw = raw
        self._line_starts = _line_starts

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        starts = self.line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def decode(data: bytes, path: str) -> Source:
    """Decode bytes as UTF-8 (BOM allowed); refuse binary data with a clear error."""
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    if b"\x00" in data[:8192] and data.count(b"\x00") > max(1, len(data) // 100):
        raise SourceError("binary file (contains NUL bytes), not linted")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start + 3 * bom}); "
            "save the file as UTF-8"
        ) from None
    return Source(path=path, text=text, bom=bom, raw=data)


def read_source(path: str) -> Source:
    """Read and decode one file; every failure becomes a SourceError."""
    try:
        if os.path.isdir(path):
            raise SourceError("is a directory")
        with open(path, "rb") as handle:
            data = handle.read()
    except SourceError:
        raise
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    return decode(data, path)
