"""Turning command-line paths into the list of files to lint."""

from __future__ import annotations

import fnmatch
import os

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.json", "*.jsonl")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


def _excluded(path: str, exclude) -> bool:
    norm = path.replace(os.sep, "/")
    parts = norm.split("/")
    return any(fnmatch.fnmatch(norm, g) or fnmatch.fnmatch(parts[-1], g) or g.rstrip("/") in parts
               for g in exclude)


def expand_paths(paths, exclude=(), include=DEFAULT_INCLUDE):
    """Yield ``(path, error)`` pairs: files named directly are always linted;
    folders are walked (without following symlinks, so loops cannot trap us)
    for files matching ``include``."""
    seen: set[str] = set()
    for path in paths:
        if path == "-":
            yield path, None
            continue
        if _excluded(path, exclude):
            continue
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                                 and not _excluded(os.path.join(folder, d), exclude))
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if not any(fnmatch.fnmatch(name.lower(), g) for g in include) or _excluded(full, exclude):
                        continue
                    real = os.path.realpath(full)
                    if real in seen:
                        continue
                    seen.add(real)
                    yield full, None
        elif os.path.exists(path):
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield path, None
        elif os.path.islink(path):
            yield path, "broken symbolic link"
        else:
            yield path, "no such file or directory"
