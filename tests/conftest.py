"""Shared test helpers: running the CLI as a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# tests neither read nor fill the user's cache (~/.cache/newslint): one throwaway folder per
# session, removed when the session ends
import atexit as _atexit
import os as _os
import shutil as _shutil
import tempfile as _tempfile

if "NEWSLINT_CACHE_DIR" not in _os.environ:
    _cache_dir = _tempfile.mkdtemp(prefix="newslint-test-cache-")
    _os.environ["NEWSLINT_CACHE_DIR"] = _cache_dir
    _atexit.register(_shutil.rmtree, _cache_dir, True)
EXAMPLE = ROOT / "examples" / "blinken-visit.txt"


def run_cli(*args, cwd=None, input=None, env=None, timeout=120):
    """Run ``python -m newslint ARGS`` and return the CompletedProcess (text mode)."""
    import os

    full_env = dict(os.environ)
    full_env.pop("NEWSLINT_DISABLE_PLUGINS", None)
    full_env["NO_COLOR"] = "1"
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "newslint", *map(str, args)],
        cwd=cwd, input=input, capture_output=True, text=True, env=full_env, timeout=timeout,
        encoding="utf-8",
    )


@pytest.fixture
def cli():
    return run_cli
