"""``path_str`` spells paths as ``str(pathlib.Path(...))`` does (the cold start avoids importing pathlib)."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.packs.loader import pack_files, path_str


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["/", "//", ".", "..", "a", "b.yaml", " ", "c d", "é"]), max_size=8))
def test_path_str_is_pathlibs_spelling(pieces):
    text = "".join(pieces)
    if os.sep == "/":
        assert path_str(text) == str(PurePosixPath(text))
    assert path_str(text) == str(Path(text))


@pytest.mark.parametrize("text", ["", ".", "./", "//a", "///a", "a//b/./c/", "../x", "/", "rules/"])
def test_path_str_examples(text):
    assert path_str(text) == str(Path(text))
    assert path_str(Path(text)) == str(Path(text))


def test_pack_files_as_pathlib_listed_them(tmp_path, monkeypatch):
    for name in ("b.yaml", "a.yml", ".yaml", "..yaml", "c.yaml.", "d.txt", "e.YAML"):
        (tmp_path / name).write_text("pack: x\n")
    (tmp_path / "folder.yaml").mkdir()
    monkeypatch.chdir(tmp_path)
    for location in (tmp_path, str(tmp_path) + "/", ".", "./", "b.yaml"):
        path = Path(location)
        if path.is_dir():
            want = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        else:
            want = [path]
        assert pack_files(location) == [str(p) for p in want]
