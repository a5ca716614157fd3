"""Reading a file into decoded text, and mapping offsets to lines and columns.

Offsets everywhere in newslint are code points of the decoded text: UTF-8,
with a leading BOM removed, line endings untouched. ``\\n``, ``\\r\\n`` and a
lone ``\\r`` each end a line, as they do in editors and in LSP.
"""

from __future__ import annotations

import bisect
import os
import stat
from collections import deque
from itertools import islice

from newslint import rx as regex
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


class SourceWindow(Source):
    """One line of a JSON Lines file read as a stream (``LineStream``).

    ``text`` is the line with its line break; offsets into it are the line's
    own, and ``base_offset`` (code points of the file's decoded text before the
    line) turns them into the file's: the engine shifts findings by it.
    ``position`` answers in the file's lines (a rule may name a line in its
    message); columns need no shift, the line starts a line. ``error`` is set
    (and ``text`` decoded with replacement characters) for a line that is not
    valid UTF-8.
    """

    FIELDS = Source.FIELDS + ("base_offset", "base_line", "error")
    REPR = ("path", "base_line", "base_offset", "error")

    def __init__(self, path: str, text: str, base_offset: int, base_line: int, bom: bool = False,
                 error: str | None = None):
        super().__init__(path, text, bom)
        self.base_offset = base_offset
        self.base_line = base_line
        self.error = error

    def position(self, offset: int) -> tuple[int, int]:
        line, column = Source.position(self, offset)
        return line + self.base_line - 1, column

    def line_text(self, line: int) -> str:
        return Source.line_text(self, line - self.base_line + 1)


class LineStream:
    """A ``.jsonl`` file read line by line (split on ``\\n``), each line a ``SourceWindow``.

    Peak memory does not grow with the file: one line is held at a time (and
    the lines a parser looks ahead at with ``ahead``). Offsets, lines and
    columns are those of the whole decoded file, as ``read_source`` would give.
    Open it with ``open_line_stream``. Suppression comments (``<!--
    newslint-disable ... -->``, see ``newslint.suppression``) are collected
    from each line as it is read, in file coordinates (``comments``).
    """

    def __init__(self, path: str, bom: bool):
        self.path = path
        self.bom = bom
        self._handle = None
        self._pending: deque[SourceWindow] = deque()
        self._offset = 0  # code points before the next line
        self._line = 1
        self._byte = 0
        self._done = False
        #: suppression comments seen so far (``newslint.suppression.comments``), and whether a line
        #: holds a lower-case "newslint-" (``parse_suppressions`` looks for comments only then)
        self.comments: list = []
        self.hint = False

    @property
    def length(self) -> int:
        """Code points of the decoded file read so far (all of it once iterated)."""
        return self._offset

    def __iter__(self):
        while True:
            if self._pending:
                yield self._pending.popleft()
                continue
            window = self._read()
            if window is None:
                return
            yield window

    def ahead(self, count: int) -> list[SourceWindow]:
        """The next ``count`` lines (fewer at the end of the file), without consuming them."""
        while len(self._pending) < count:
            window = self._read()
            if window is None:
                break
            self._pending.append(window)
        return list(islice(self._pending, count))

    def _read(self) -> SourceWindow | None:
        if self._handle is None:
            if self._done:
                return None
            self._handle = open(self.path, "rb")  # noqa: SIM115 - closed at the end of the file
            if self.bom:
                self._handle.read(3)
                self._byte = 3
        raw = self._handle.readline()
        if not raw:
            self.close()
            return None
        error = None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = raw.decode("utf-8", "replace")
            error = (f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte offset {self._byte + exc.start}); "
                     "save the file as UTF-8")
        window = SourceWindow(self.path, text, self._offset, self._line, bom=self.bom and self._line == 1,
                              error=error)
        if not self.hint and "newslint-" in text:
            self.hint = True
        if "-->" in text:  # a comment in a record sits on its line: JSON strings hold no line break
            from newslint.suppression import comments

            self.comments.extend(comments(window))
        self._offset += len(text)
        self._line += 1
        self._byte += len(raw)
        return window

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        self._done = True

    def lines(self) -> "FileLines":
        """What a reporter needs for context lines, without the text."""
        return FileLines(self.path, self.bom)


class FileLines:
    """``line_text`` of a file read again from disk: the context lines of a streamed file's report.

    Asked in ascending line order (findings are sorted), it reads the file once;
    an earlier line starts over. Picklable (no open file is kept between calls).
    """

    def __init__(self, path: str, bom: bool):
        self.path = path
        self.bom = bom
        self._line = 1  # the line at byte ``_byte``
        self._byte = 0
        self._last: tuple[int, str] = (0, "")  # the line asked last: many findings share one line

    def line_text(self, line: int) -> str:
        if line == self._last[0]:
            return self._last[1]
        if line < self._line:
            self._line, self._byte = 1, 0
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self._byte)
                raw = handle.readline()
                while self._line < line and raw:
                    self._byte += len(raw)
                    self._line += 1
                    raw = handle.readline()
        except OSError:
            return ""
        if self._byte == 0 and self.bom:
            raw = raw[3:]
        text = raw.decode("utf-8", "replace").rstrip("\r\n")
        self._last = (line, text)
        return text


def _scan(path: str) -> tuple[bool, bool]:
    """(BOM, lone CR) of a file, or SourceError as ``decode`` would give for it (binary, unreadable)."""
    try:
        if os.path.isdir(path):
            raise SourceError("is a directory")
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            chunk = handle.read(1 << 16)  # 64 KB at a time: the scan adds nothing to a stream's peak
            bom = chunk.startswith(b"\xef\xbb\xbf")
            nul = b"\x00" in (chunk[3:8195] if bom else chunk[:8192])
            nuls = 0
            lone_cr = trailing_cr = False  # a lone \r; a chunk that ends with \r (\n may follow)
            while chunk:
                if nul:
                    nuls += chunk.count(b"\x00")
                if not lone_cr:
                    if trailing_cr and not chunk.startswith(b"\n"):
                        lone_cr = True
                    trailing_cr = chunk.endswith(b"\r")
                    lone_cr = lone_cr or chunk.count(b"\r") - chunk.count(b"\r\n") - trailing_cr > 0
                chunk = handle.read(1 << 16)
            lone_cr = lone_cr or trailing_cr
    except SourceError:
        raise
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    if nul and nuls > max(1, (size - 3 * bom) // 100):
        raise SourceError("binary file (contains NUL bytes), not linted")
    return bom, bool(lone_cr)


def open_line_stream(path: str) -> LineStream | None:
    """A ``LineStream`` over ``path``; None for a file that ends lines with a lone ``\\r``, or that is
    not a regular file (a named pipe): read it whole with ``read_source``. SourceError for what
    ``read_source`` refuses as a whole (unreadable, binary); a line that is not UTF-8 is the
    parser's to report, with its number."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) and not os.path.isdir(path):
            return None  # a pipe or a device can be read once only: whole
    except OSError:
        pass  # _scan reports it
    bom, lone_cr = _scan(path)
    return None if lone_cr else LineStream(path, bom)
