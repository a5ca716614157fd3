"""Expanding command-line paths, and each file's nearest config (one lookup per folder)."""

from __future__ import annotations

import os

import pytest

from newslint.config import Settings
from newslint.discovery import expand_paths
from newslint.plugins.manager import PluginHost
from newslint.session import Session


def test_files_folders_duplicates_links_and_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text("A.\n")
    (tmp_path / "d" / "sub" / "b.md").write_text("B.\n")
    (tmp_path / "d" / "skip.py").write_text("x = 1\n")
    (tmp_path / "c.txt").write_text("C.\n")
    os.symlink("c.txt", tmp_path / "link.txt")
    os.symlink("nowhere.txt", tmp_path / "broken.txt")
    found = list(expand_paths(["c.txt", "d", "link.txt", "c.txt", "d/a.txt", "missing.txt", "broken.txt"]))
    assert found == [
        ("c.txt", None),
        (os.path.join("d", "a.txt"), None),
        (os.path.join("d", "sub", "b.md"), None),
        ("missing.txt", "no such file or directory"),
        ("broken.txt", "broken symbolic link"),
    ]
    assert list(expand_paths(["d"], exclude=["sub"])) == [(os.path.join("d", "a.txt"), None)]


def test_each_file_gets_its_folders_nearest_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "uk" / "deep").mkdir(parents=True)
    (tmp_path / "plain").mkdir()
    (tmp_path / "newslint.yaml").write_text("profile: ap\n")
    (tmp_path / "uk" / "newslint.yaml").write_text("profile: uk\n")
    paths = ["uk/a.txt", "uk/deep/b.txt", "plain/c.txt", "d.txt", "uk/../plain/e.txt", "uk/f.txt"]
    for p in paths:
        (tmp_path / p).write_text("Text.\n")
    session = Session(PluginHost(load_entry_points=False), Settings())
    session.prepare(paths, None)
    top, uk = str(tmp_path / "newslint.yaml"), str(tmp_path / "uk" / "newslint.yaml")
    assert [session.config_file_for(p) for p in paths] == [uk, uk, top, top, top, uk]
    assert len(session._linters) == 2
    assert session.linter_for("uk/deep/b.txt") is session.linter(uk)


@pytest.mark.parametrize("flags", [{"config_path": "given.yaml"}, {"use_config": False}])
def test_config_flags_win_over_the_folders(tmp_path, monkeypatch, flags):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "given.yaml").write_text("profile: uk\n")
    (tmp_path / "newslint.yaml").write_text("profile: ap\n")
    (tmp_path / "a.txt").write_text("Text.\n")
    session = Session(PluginHost(load_entry_points=False), Settings(), **flags)
    session.prepare(["a.txt"], None)
    assert session.config_file_for("a.txt") == flags.get("config_path")
