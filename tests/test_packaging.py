"""Packaging: the hand-kept package list and package data match the tree."""

from __future__ import annotations

import sys

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _setuptools():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def test_every_subpackage_is_listed():
    listed = set(_setuptools()["packages"])
    found = {"newslint.rules"}
    for init in (ROOT / "newslint").rglob("__init__.py"):
        found.add(".".join(init.parent.relative_to(ROOT).parts))
    assert found == listed


def test_package_data_covers_every_pack_profile_and_schema():
    data = _setuptools()["package-data"]
    assert "schemas/*.json" in data["newslint"]
    assert {"*.yaml", "profiles/*.yaml"} <= set(data["newslint.rules"])
    subfolders = {p.name for p in (ROOT / "rules").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert subfolders <= {"profiles"}, f"rules/ has folders the package data misses: {subfolders}"


def test_runtime_dependencies_stay_minimal():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {d.split(">")[0].split(";")[0].split("=")[0].strip().lower() for d in deps}
    assert names == {"pluggy", "regex", "pyyaml", "tomli"}


def test_a_source_checkout_never_installed_finds_its_packs(tmp_path):
    """``python -m newslint`` in a checkout that was never ``pip install``-ed: no ``newslint.rules``
    package exists there (the install maps ``rules/`` to it), so the packs are the checkout's
    ``rules/`` folder. ``-S`` keeps the installed (editable) newslint out; the dependencies come
    from this environment's site-packages on ``PYTHONPATH``."""
    import os
    import shutil
    import site
    import subprocess

    shutil.copytree(ROOT / "newslint", tmp_path / "newslint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "story.txt").write_text("The mayor said so so many people came .\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), *site.getsitepackages()]),
               NEWSLINT_NO_CACHE="1")
    proc = subprocess.run([sys.executable, "-S", "-m", "newslint", "--no-config", "story.txt"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=120)
    assert "No module named" not in proc.stderr, proc.stderr
    assert "mechanics.doubled-word" in proc.stdout and "mechanics.space-before-punctuation" in proc.stdout, \
        proc.stdout + proc.stderr
