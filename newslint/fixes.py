"""Applying fixes safely: to text, to files (``--fix``) and as a diff (``--diff``).

Fixes are applied in passes. A pass sorts the fixes and applies every one
that does not overlap a fix already taken; the rest wait for the next pass,
which re-lints the new text (offsets have moved, and a deferred fix may no
longer apply). Passes repeat until nothing changes, at most ``MAX_PASSES``.

Writing a file is conservative, because a linter that damages an article is
worse than one that leaves a typo:

- only the fixed spans change: the text is the decoded file (BOM removed,
  line endings untouched) and is encoded back the same way, BOM re-added;
- the file is re-read just before writing and left alone if it changed on
  disk since it was read;
- the new content goes to a temporary file in the same folder, gets the old
  file's permissions, and replaces the file with ``os.replace`` (atomic);
- a symbolic link is never written through, so a fix can never land outside
  the files that were named or found;
- in JSON inputs a fix whose replacement would need escaping (quotes,
  backslashes, control characters) is not applied, and the result must
  still parse as JSON; in HTML a replacement containing ``<``, ``>`` or
  ``&`` is not applied.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Iterable

from newslint.article.source import Source, SourceError, decode
from newslint.engine import FileResult
from newslint.findings import Fix

#: the most lint-and-fix passes over one text
MAX_PASSES = 10

_JSON_EXTS = (".json", ".jsonl", ".ndjson")
_HTML_EXTS = (".html", ".htm", ".xhtml")
_JSON_UNSAFE = frozenset('"\\') | frozenset(chr(c) for c in range(0x20)) | {"\u2028", "\u2029"}
_HTML_UNSAFE = frozenset("<>&")


class FixError(Exception):
    """A file that was not written (changed on disk, symbolic link, ...)."""


def select_fixes(fixes: Iterable[Fix]) -> tuple[list[Fix], list[Fix]]:
    """Split fixes into ``(applicable, deferred)``: applicable ones do not overlap.

    Identical fixes (two rules proposing the same edit) count once. Two
    insertions at the same offset conflict (their order would be arbitrary),
    as does an insertion strictly inside a replaced span.
    """
    taken: list[Fix] = []
    deferred: list[Fix] = []
    seen: set[Fix] = set()
    end = -1  # end of the taken spans so far
    insert_at = -1  # offset of the last taken insertion
    # insertions sort before replacements at the same offset, so they go in front
    for fix in sorted(fixes, key=lambda f: (f.offset, f.length, f.replacement)):
        if fix in seen:
            continue
        seen.add(fix)
        if fix.offset < end or (fix.length == 0 and fix.offset == insert_at):
            deferred.append(fix)
            continue
        taken.append(fix)
        end = max(end, fix.offset + fix.length)
        if fix.length == 0:
            insert_at = fix.offset
    return taken, deferred


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix], list[Fix]]:
    """Apply the non-overlapping fixes to ``text``; return ``(new_text, applied, deferred)``.

    A fix whose replacement equals the text it replaces is dropped. Fixes
    pointing outside the text are deferred (never applied).
    """
    candidates = [f for f in fixes if 0 <= f.offset and f.offset + f.length <= len(text) and f.length >= 0
                  and text[f.offset:f.offset + f.length] != f.replacement]
    taken, deferred = select_fixes(candidates)
    if not taken:
        return text, [], deferred
    parts = []
    pos = 0
    for fix in taken:
        parts.append(text[pos:fix.offset])
        parts.append(fix.replacement)
        pos = fix.offset + fix.length
    parts.append(text[pos:])
    return "".join(parts), taken, deferred


def safe_for(ext: str) -> Callable[[Fix], bool]:
    """Which fixes can be applied verbatim in a file of this format."""
    ext = ext.lower()
    unsafe: frozenset = frozenset()
    if ext in _JSON_EXTS:
        unsafe = _JSON_UNSAFE | _HTML_UNSAFE  # JSON bodies are often HTML
    elif ext in _HTML_EXTS:
        unsafe = _HTML_UNSAFE
    if not unsafe:
        return lambda fix: True
    return lambda fix: not any(ch in unsafe for ch in fix.replacement)


def _still_valid(ext: str, text: str) -> bool:
    """JSON must still parse after fixing (it did before, or we would not have findings)."""
    ext = ext.lower()
    try:
        if ext == ".json":
            json.loads(text)
        elif ext in (".jsonl", ".ndjson"):
            for line in text.splitlines():
                if line.strip():
                    json.loads(line)
    except ValueError:
        return False
    return True


@dataclass
class FixOutcome:
    """What fixing one text did."""

    text: str
    #: the findings left in the final text (the last lint)
    result: FileResult
    applied: int = 0
    passes: int = 0
    #: False when MAX_PASSES ran out before the text settled
    settled: bool = True
    notes: list[str] = field(default_factory=list)


def fix_source(linter, source: Source, display_path: str | None = None,
               max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint and fix ``source.text`` until it settles; nothing is written."""
    name = display_path or source.path
    ext = os.path.splitext(name)[1]
    safe = safe_for(ext)
    text = source.text
    applied = 0
    result = linter.lint_source(source, display_path)
    passes = 0
    settled = True
    skipped_unsafe = False
    while result.error is None:
        fixes = [f.fix for f in result.findings if f.fix is not None]
        usable = [f for f in fixes if safe(f)]
        skipped_unsafe = skipped_unsafe or len(usable) != len(fixes)
        new_text, taken, _ = apply_fixes(text, usable)
        if not taken:
            break
        if passes >= max_passes:
            settled = False
            break
        if not _still_valid(ext, new_text):
            break  # keep the last good text; the rest stay findings
        new_result = linter.lint_source(Source(path=source.path, text=new_text, bom=source.bom), display_path)
        if new_result.error is not None:
            break  # the fixed text no longer parses: keep the last good one
        passes += 1
        applied += len(taken)
        text, result = new_text, new_result
    outcome = FixOutcome(text, result, applied, passes, settled)
    if not settled:
        outcome.notes.append(f"fixes did not settle after {max_passes} passes; some findings remain")
    if skipped_unsafe:
        outcome.notes.append("some fixes were not applied: the replacement would need escaping in this format")
    return outcome


def encode(text: str, bom: bool) -> bytes:
    """The bytes of a decoded text: UTF-8, with the BOM put back if the file had one."""
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def _fingerprint(st: os.stat_result, data: bytes) -> tuple:
    return (st.st_mtime_ns, st.st_size, st.st_ino, hashlib.sha256(data).digest())


def _read_regular(path: str) -> tuple[bytes, os.stat_result]:
    """Read a file for fixing; refuse symbolic links and anything not a regular file."""
    try:
        lst = os.lstat(path)
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    if stat.S_ISLNK(lst.st_mode):
        raise FixError("is a symbolic link; not fixed (fix the file it points to directly)")
    if not stat.S_ISREG(lst.st_mode):
        raise FixError("not a regular file; not fixed")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        data = handle.read()
    return data, st


def write_atomic(path: str, data: bytes, expected: tuple) -> None:
    """Replace ``path`` with ``data`` unless it changed since ``expected`` was taken."""
    current, st = _read_regular(path)
    if _fingerprint(st, current) != expected:
        raise FixError("changed on disk while newslint was running; not fixed")
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".newslint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except (OSError, AttributeError):
            pass  # not allowed to give the file away: it stays ours, with the same mode
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fix_path(linter, path: str, write: bool = True) -> tuple[FileResult, FixOutcome | None, bytes]:
    """Fix one file. Returns ``(remaining findings, outcome, original bytes)``.

    With ``write=False`` nothing is written (``--diff``). A file that cannot
    be fixed safely is still linted; why it was not written is in
    ``result.errors`` (type ``fix``).
    """
    try:
        data, st = _read_regular(path)
    except FixError as exc:
        result = linter.lint_path(path)
        result.errors.append({"type": "fix", "message": str(exc)})
        return result, None, b""
    except SourceError as exc:
        return FileResult(path, error=str(exc)), None, b""
    try:
        source = decode(data, path)
    except SourceError as exc:
        return FileResult(path, error=str(exc)), None, data
    before = _fingerprint(st, data)
    outcome = fix_source(linter, source)
    result = outcome.result
    result.fixed = outcome.applied
    for note in outcome.notes:
        result.errors.append({"type": "fix", "message": note})
    if write and outcome.applied:
        try:
            write_atomic(path, encode(outcome.text, source.bom), before)
        except (FixError, OSError) as exc:
            why = str(exc) if isinstance(exc, FixError) else f"cannot write: {exc.strerror or exc}"
            # report the file as it was read: none of the fixes landed
            result = linter.lint_source(source)
            result.errors.append({"type": "fix", "message": why})
            return result, None, data
    return result, outcome, data


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of two texts (line endings kept, so CRLF changes show)."""
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """The single replacement ``(start, end, text)`` in ``old`` that gives ``new``."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


def run_diff(session) -> int:
    """``--diff``: print what ``--fix`` would change; exit 1 if anything would.

    Nothing is written. Files that cannot be read are reported on stderr and
    also make the exit code 1.
    """
    import sys

    changed = 0
    failed = False
    for path, error in session.files:
        if error is not None:
            sys.stderr.write(f"newslint: {path}: {error}\n")
            failed = True
            continue
        if path == "-":
            name = session.stdin_name or "<stdin>"
            try:
                source = decode(sys.stdin.buffer.read(), name)
            except SourceError as exc:
                sys.stderr.write(f"newslint: {name}: {exc}\n")
                failed = True
                continue
            outcome = fix_source(session.linter_for(session.stdin_name or "."), source, name)
            old, display = source.text, name
        else:
            result, outcome, data = fix_path(session.linter_for(path), path, write=False)
            if result.error is not None:
                sys.stderr.write(f"newslint: {path}: {result.error}\n")
                failed = True
            if outcome is None:
                for problem in result.errors:
                    if problem.get("type") == "fix":
                        sys.stderr.write(f"newslint: {path}: {problem['message']}\n")
                continue
            old, display = decode(data, path).text, path
        for note in outcome.notes:
            sys.stderr.write(f"newslint: {display}: {note}\n")
        if outcome.text != old:
            changed += 1
            sys.stdout.write(unified_diff(display.replace(os.sep, "/"), old, outcome.text))
    sys.stdout.flush()
    if changed:
        sys.stderr.write(f"newslint: {changed} file{'s' * (changed != 1)} would be fixed\n")
    return 1 if changed or failed else 0
