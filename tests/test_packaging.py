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
