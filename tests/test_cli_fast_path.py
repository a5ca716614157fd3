"""``newslint FILES`` skips argparse (and other imports a plain run does not need): same arguments, same run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newslint.cli import _plain_paths, lint_parser

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("argv", [["a.txt"], ["a.txt", "b.md", "folder"], ["rules.txt", "rules"], ["a b.txt"],
                                  ["x=1"], ["+a"]])
def test_plain_paths_parse_as_argparse_does(argv):
    fast = _plain_paths(argv)
    assert fast is not None
    assert vars(fast) == vars(lint_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [[], ["-"], ["-q", "a.txt"], ["a.txt", "--format", "json"], ["--", "a.txt"],
                                  ["a.txt", ""], ["--help"], ["-j2", "a.txt"]])
def test_anything_else_goes_to_argparse(argv):
    assert _plain_paths(argv) is None


def test_plain_paths_are_fresh_each_time():
    first = _plain_paths(["a.txt"])
    first.exclude.append("x")
    assert _plain_paths(["a.txt"]).exclude == []


def test_a_plain_run_imports_neither_argparse_nor_metadata_nor_pluggy(tmp_path):
    # with no plugin installed the host calls the built-in hooks directly: pluggy (and the typing,
    # inspect and dataclasses modules it or the records would pull in) stays out of a cold start
    (tmp_path / "a.txt").write_text("The the mayor said the vote would happen on Tuesday.\n", encoding="utf-8")
    code = """
        import json, sys
        from newslint.cli import main
        code = main(["a.txt"])
        print(json.dumps([code, sorted(m for m in ("argparse", "importlib.metadata", "pluggy", "typing", "inspect",
                                                   "dataclasses", "threading") if m in sys.modules)]))
    """
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
               NEWSLINT_CACHE_DIR=str(tmp_path / "cache"))
    for _ in range(2):  # the first run fills the caches (entry points: importlib.metadata reads site-packages)
        proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    code, imported = json.loads(proc.stdout.splitlines()[-1])
    assert code == 1 and "doubled-word" in proc.stdout
    assert imported == []
