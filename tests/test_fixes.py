"""--fix and --diff: overlap handling, passes, and the safety of writing files.

Uses tests/packs/fixable.yaml (substitutions with fixes, an existence rule
without) so the expectations do not depend on the shipped news packs.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import fixes
from newslint.article.source import Source
from newslint.cli import main
from newslint.config import Settings
from newslint.engine import FileResult
from newslint.findings import Finding, Fix, Severity
from newslint.fixes import apply_fixes, fix_path, select_fixes
from newslint.plugins.manager import PluginHost
from newslint.session import Session

HERE = Path(__file__).resolve().parent
PACK = HERE / "packs" / "fixable.yaml"
CONFIG = f"packs: ['{PACK}']\nselect: [fixable]\n"


def write_config(folder: Path) -> Path:
    path = folder / "newslint.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def make_linter(folder: Path):
    config = write_config(folder)
    session = Session(PluginHost(load_entry_points=False), Settings())
    return session.linter(str(config))


def fixable_findings(linter, path: Path) -> list[Finding]:
    return [f for f in linter.lint_path(str(path)).findings if f.fix is not None]


# -- applying fixes to text ------------------------------------------------------
def test_overlapping_fixes_are_deferred():
    text = "abcdefghij"
    taken, deferred = select_fixes([Fix(2, 3, "X"), Fix(0, 3, "Y"), Fix(5, 2, "Z"), Fix(6, 1, "W")])
    assert taken == [Fix(0, 3, "Y"), Fix(5, 2, "Z")]
    assert set(deferred) == {Fix(2, 3, "X"), Fix(6, 1, "W")}
    new, applied, _ = apply_fixes(text, taken + deferred)
    assert new == "YdeZhij" and len(applied) == 2


def test_adjacent_fixes_and_insertions():
    taken, deferred = select_fixes([Fix(3, 0, "+"), Fix(3, 0, "-"), Fix(3, 2, "Q"), Fix(0, 3, "P")])
    # one insertion at 3 (the other would have an arbitrary order), then the span starting at 3
    assert taken == [Fix(0, 3, "P"), Fix(3, 0, "+"), Fix(3, 2, "Q")]
    assert deferred == [Fix(3, 0, "-")]
    assert apply_fixes("abcdefg", taken)[0] == "P+Qfg"


def test_identical_fixes_apply_once_and_noops_are_dropped():
    new, applied, deferred = apply_fixes("the the cat", [Fix(0, 8, "the "), Fix(0, 8, "the "), Fix(8, 3, "cat")])
    assert new == "the cat" and applied == [Fix(0, 8, "the ")] and deferred == []


class _Toggle:
    """A linter whose only rule flips A and B forever: the pass bound must stop it."""

    def lint_source(self, source, display_path=None):
        text = source.text
        f = Finding("t.toggle", Severity.WARNING, "flip", 0, 1, fix=Fix(0, 1, "B" if text[0] == "A" else "A"))
        return FileResult(source.path, findings=[f])


def test_passes_are_bounded():
    outcome = fixes.fix_source(_Toggle(), Source(path="x.txt", text="A rest"))
    assert not outcome.settled and outcome.passes == fixes.MAX_PASSES
    assert outcome.notes and "did not settle" in outcome.notes[0]


def test_fixes_repeat_until_nothing_changes():
    """A fix deferred by an overlap is applied in the next pass, against the new text."""

    class Overlap:
        def lint_source(self, source, display_path=None):
            text = source.text
            found = []
            if "ab" in text:
                i = text.index("ab")
                found.append(Finding("t.a", Severity.WARNING, "m", i, 2, fix=Fix(i, 2, "AB")))
            if "bc" in text.lower():
                i = text.lower().index("bc")
                found.append(Finding("t.b", Severity.WARNING, "m", i, 2, fix=Fix(i, 2, "BC")))
            return FileResult(source.path, findings=found)

    outcome = fixes.fix_source(Overlap(), Source(path="x.txt", text="abc"))
    assert outcome.text == "ABC"
    assert outcome.settled and outcome.passes == 2 and outcome.applied == 2


# -- property tests ----------------------------------------------------------------
WORDS = ["It", "was", "alright", "towards", "colour", "govt", "in order to", "arguably", "the", "mayor", "said",
         "Alright", "TOWARDS", "café", "🗳️", "𝒳", "Tuesday", "9:00", "“quoted”"]
SEPARATORS = [" ", " ", ", ", ". ", "\n", "\r\n", "\r\n\r\n", "  "]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts))


def _expected_after_one_pass(text: str, found: list[Finding]) -> str:
    """The original with exactly the fix spans replaced, built independently of fixes.py."""
    out, pos = [], 0
    for f in sorted(found, key=lambda f: f.offset):
        assert f.offset >= pos, "the fixable pack never produces overlapping fixes"
        out.append(text[pos:f.offset])
        out.append(f.fix.replacement)
        pos = f.offset + f.length
    out.append(text[pos:])
    return "".join(out)


@pytest.fixture(scope="module")
def prop_dir():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, bom=st.booleans())
def test_fix_properties(prop_dir, text, bom):
    linter = make_linter(prop_dir)
    path = prop_dir / "draft.txt"
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    path.write_bytes(raw)
    before = linter.lint_path(str(path))
    found = [f for f in before.findings if f.fix is not None]

    result, outcome, _ = fix_path(linter, str(path), write=True)
    after = path.read_bytes()
    # the BOM is kept, and nothing outside the fixed spans changed (line endings included)
    assert after.startswith(b"\xef\xbb\xbf") == bom
    fixed_text = after[3 if bom else 0:].decode("utf-8")
    if outcome.passes <= 1:
        assert fixed_text == _expected_after_one_pass(text, found)
    assert fixed_text.count("\r\n") == text.count("\r\n")
    # no fixable finding remains, and what is reported is what is left
    assert not [f for f in result.findings if f.fix is not None]
    assert not fixable_findings(linter, path)
    assert result.fixed == (outcome.applied if outcome else 0)
    # idempotent: a second run changes nothing
    _, again, _ = fix_path(linter, str(path), write=True)
    assert path.read_bytes() == after
    assert again is None or again.applied == 0
    # findings without a fix are untouched
    assert sum(f.rule == "fixable.hedge" for f in result.findings) == sum(f.rule == "fixable.hedge"
                                                                         for f in before.findings)


# -- writing files safely ----------------------------------------------------------
def cli(*args):
    return main([str(a) for a in args])


def test_fix_keeps_bom_crlf_and_permissions(tmp_path, monkeypatch, capsys):
    write_config(tmp_path)
    path = tmp_path / "draft.txt"
    path.write_bytes(b"\xef\xbb\xbfIt was alright.\r\nThe govt said so, arguably.\r\n")
    os.chmod(path, 0o640)
    monkeypatch.chdir(tmp_path)
    code = cli("--fix", "draft.txt")
    out = capsys.readouterr()
    assert path.read_bytes() == b"\xef\xbb\xbfIt was all right.\r\nThe government said so, arguably.\r\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    # the remaining (unfixable) finding is reported as usual, and decides the exit code
    assert "fixable.hedge" in out.out and "fixable.spelling" not in out.out
    assert "fixed 2 findings in 1 file" in out.err
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "newslint.yaml"]  # no temp file left


def test_diff_prints_and_writes_nothing(tmp_path, monkeypatch, capsys):
    write_config(tmp_path)
    path = tmp_path / "draft.txt"
    original = b"Towards noon it was alright.\r\n"
    path.write_bytes(original)
    clean = tmp_path / "clean.txt"
    clean.write_bytes(b"It was arguably fine.\n")
    monkeypatch.chdir(tmp_path)
    assert cli("--diff", "draft.txt", "clean.txt") == 1
    out = capsys.readouterr().out
    assert path.read_bytes() == original
    assert out.startswith("--- a/draft.txt\n+++ b/draft.txt\n")
    assert "-Towards noon it was alright.\r\n" in out and "+Toward noon it was all right.\r\n" in out
    assert "clean.txt" not in out
    assert cli("--diff", "clean.txt") == 0
    assert capsys.readouterr().out == ""


def test_fix_refuses_a_file_changed_during_the_run(tmp_path, monkeypatch):
    linter = make_linter(tmp_path)
    path = tmp_path / "draft.txt"
    path.write_text("It was alright.\n", encoding="utf-8")
    real = fixes.fix_source

    def meddle(*args, **kwargs):
        outcome = real(*args, **kwargs)
        path.write_text("An editor saved this meanwhile, alright.\n", encoding="utf-8")
        return outcome

    monkeypatch.setattr(fixes, "fix_source", meddle)
    result, outcome, _ = fix_path(linter, str(path), write=True)
    assert path.read_text(encoding="utf-8") == "An editor saved this meanwhile, alright.\n"
    assert outcome is None and result.fixed == 0
    assert any("changed on disk" in e["message"] for e in result.errors)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_fix_never_writes_through_a_symlink(tmp_path, monkeypatch, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "secret.txt"
    target.write_text("It was alright.\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    write_config(work)
    (work / "link.txt").symlink_to(target)
    monkeypatch.chdir(work)
    cli("--fix", "link.txt")
    captured = capsys.readouterr()
    assert target.read_text(encoding="utf-8") == "It was alright.\n"
    assert os.path.islink(work / "link.txt")
    assert "symbolic link" in captured.out + captured.err
    # it is still linted
    assert "fixable.spelling" in captured.out


def test_fix_stdin_prints_the_fixed_text(tmp_path, monkeypatch, capsys):
    import io

    write_config(tmp_path)
    monkeypatch.chdir(tmp_path)

    class Stdin:
        buffer = io.BytesIO("The govt said it was alright.\r\n".encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin)
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    code = cli("--fix", "--stdin-filename", "draft.txt", "-")
    stdout.flush()
    assert stdout.buffer.getvalue() == b"The government said it was all right.\r\n"
    assert code == 0


def test_json_fixes_stay_valid_json(tmp_path, monkeypatch):
    import json

    linter = make_linter(tmp_path)
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"headline": "Vote set", "body": "It was alright, the govt said."}) + "\n",
                    encoding="utf-8")
    fix_path(linter, str(path), write=True)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {"headline": "Vote set", "body": "It was all right, the government said."}
    # a replacement that would need escaping is never applied to JSON, nor markup to HTML
    assert not fixes.safe_for(".json")(Fix(0, 1, 'say "hi"'))
    assert not fixes.safe_for(".jsonl")(Fix(0, 1, "a\\b"))
    assert not fixes.safe_for(".html")(Fix(0, 1, "AT&T"))
    assert fixes.safe_for(".json")(Fix(0, 1, "all right"))
    assert fixes.safe_for(".txt")(Fix(0, 1, 'say "hi"'))
