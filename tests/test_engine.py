"""The engine: plugins' checks and kinds, isolation, timeouts, and exact spans for any input."""

from __future__ import annotations

import json
import textwrap

import pytest
from hypothesis import given, settings, strategies as st

from conftest import ROOT
from newslint.article.source import SourceError, decode
from newslint.config import Config, Settings
from newslint.engine import Linter
from newslint.findings import Finding, Severity
from newslint.kinds.base import Hit, RuleKind
from newslint.packs.model import PackError
from newslint.plugins import hookimpl
from newslint.plugins.manager import PluginHost

PROBE = ROOT / "tests" / "packs" / "probe.yaml"


class ShoutKind(RuleKind):
    name = "shout"
    description = "flags ALL-CAPS words (test kind)"

    def check(self, ctx):
        for block in ctx.blocks():
            for m in ctx.finditer(__import__("regex").compile(r"\b[A-Z]{4,}\b"), block.text):
                yield Hit(block, m.start(), m.end(), args={"n": len(m.group())})


class CrashKind(RuleKind):
    name = "crash"

    def check(self, ctx):
        raise RuntimeError("kind bug")
        yield  # pragma: no cover


class TestPlugin:
    @hookimpl
    def newslint_rule_kinds(self):
        return [ShoutKind, CrashKind]

    @hookimpl
    def newslint_check(self, article):  # fewer arguments than the spec: still called
        text = article.source.text
        at = text.find("Tuesday")
        if at >= 0:
            yield Finding(rule="house.weekday", severity=Severity.INFO, message="Check the date.", offset=at, length=7)


def make(tmp_path, extra_rules: str = "", select=("probe", "house")):
    (tmp_path / "house.yaml").write_text(textwrap.dedent("""\
        pack: house
        rules:
          - id: house.shout
            kind: shout
            message: "Shouting ({n} letters): {match}"
            severity: warning
        """) + extra_rules)
    host = PluginHost(load_entry_points=False)
    host.register(TestPlugin(), name="house-plugin")
    config = Config(packs=[str(PROBE), str(tmp_path / "house.yaml")], settings=Settings(select=select))
    return Linter(host, config)


def test_plugin_kind_and_check(tmp_path):
    linter = make(tmp_path)
    result = linter.lint_source(decode(b"The VOTE is on Tuesday.\n", "a.txt"))
    found = [(f.rule, f.match, f.message) for f in result.findings]
    assert found == [("house.shout", "VOTE", "Shouting (4 letters): VOTE"),
                     ("house.weekday", "Tuesday", "Check the date.")]
    assert result.findings[1].line == 1 and result.findings[1].column == 16


def test_crashing_kind_is_isolated_and_named(tmp_path):
    linter = make(tmp_path, "  - id: house.crash\n    kind: crash\n    message: x\n")
    result = linter.lint_source(decode(b"The VOTE was alright.\n", "a.txt"))
    assert [f.rule for f in result.findings] == ["house.shout", "probe.alright"]
    assert any(e["type"] == "plugin" and e["plugin"] == "house-plugin" and "kind bug" in e["message"]
               for e in result.errors)
    assert any(e.plugin == "house-plugin" for e in linter.host.errors)


def test_catastrophic_regex_times_out_and_other_rules_run(tmp_path):
    (tmp_path / "evil.yaml").write_text(textwrap.dedent("""\
        pack: evil
        rules:
          - id: evil.backtrack
            kind: existence
            message: Backtracking.
            options: {patterns: ['(a+)+$']}
        """))
    config = Config(packs=[str(PROBE), str(tmp_path / "evil.yaml")], settings=Settings(select=("probe", "evil")),
                    timeout=0.2)
    linter = Linter(PluginHost(load_entry_points=False), config)
    text = "So the the vote. " + "a" * 40000 + "!"
    result = linter.lint_source(decode(text.encode(), "a.txt"))
    assert [f.rule for f in result.findings] == ["probe.doubled"]
    assert [e["rule"] for e in result.errors if e["type"] == "timeout"] == ["evil.backtrack"]


def test_local_plugin_raising_everywhere_exits_3_and_keeps_findings(tmp_path, cli):
    (tmp_path / "broken.py").write_text(textwrap.dedent("""\
        import pluggy
        hookimpl = pluggy.HookimplMarker("newslint")
        @hookimpl
        def newslint_check(article, config):
            raise RuntimeError("broken plugin in newslint_check")
        @hookimpl
        def newslint_rule_kinds():
            raise RuntimeError("broken plugin in newslint_rule_kinds")
        """))
    (tmp_path / "newslint.yaml").write_text(f"packs: ['{PROBE}']\nselect: [probe]\nplugins: [broken.py]\n")
    (tmp_path / "a.txt").write_text("So the the vote was alright.\n")
    proc = cli("--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 3
    assert "broken" in proc.stderr and "Traceback" in proc.stderr
    report = json.loads(proc.stdout)
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["probe.doubled", "probe.alright"]
    assert any(e["plugin"] == "broken" for e in report["errors"]) or report["files"][0].get("errors")
    proc = cli("--no-plugins", "--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1


def test_plugin_failing_to_import(tmp_path, cli):
    (tmp_path / "bad.py").write_text("import no_such_module_anywhere\n")
    (tmp_path / "newslint.yaml").write_text(f"packs: ['{PROBE}']\nselect: [probe]\nplugins: [bad.py]\n")
    (tmp_path / "a.txt").write_text("So the the vote.\n")
    proc = cli("--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 3
    assert "plugin 'bad' failed in import" in proc.stderr
    assert json.loads(proc.stdout)["files"][0]["findings"][0]["rule"] == "probe.doubled"


_LINTER = None


def shared_linter():
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter(PluginHost(load_entry_points=False), Config())
    return _LINTER


NEWSY = st.text(alphabet=st.sampled_from(list("abcXYZ .,;:!?'\"“”‘’—-\n\r\t0123456789$%é😀\u200b\u202e")), max_size=300)


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(st.text(max_size=300), NEWSY))
def test_any_text_lints_with_exact_spans(text):
    try:
        source = decode(text.encode("utf-8"), "h.txt")
    except SourceError as error:  # valid UTF-8 is refused only as binary: mostly NUL bytes
        assert "binary" in str(error) and text.count("\x00") > 1
        return
    first = shared_linter().lint_source(source)
    second = shared_linter().lint_source(decode(text.encode("utf-8"), "h.txt"))
    assert [f.to_dict() for f in first.findings] == [f.to_dict() for f in second.findings]
    for f in first.findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(source.text)
        assert f.match == source.text[f.offset:f.offset + f.length]
        assert (f.line, f.column) == source.position(f.offset)


def test_an_unknown_kind_names_the_plugin_whose_kinds_hook_failed(tmp_path):
    # a kinds hook that cannot run (here: a module it imports has a bad pattern) leaves its packs'
    # kinds unknown; the pack error says why instead of only listing the kinds that did register
    class Broken:
        @hookimpl
        def newslint_rule_kinds(self):
            import re
            re.compile(r"(?<!\b(?:a|bb) )x")  # look-behind requires fixed-width pattern

    (tmp_path / "needs.yaml").write_text("pack: needs\nrules:\n  - id: needs.one\n    kind: gone\n    message: x\n")
    host = PluginHost(load_entry_points=False)
    host.register(Broken(), name="broken-plugin")
    with pytest.raises(PackError) as caught:
        Linter(host, Config(packs=[str(tmp_path / "needs.yaml")]))
    message = str(caught.value)
    assert "unknown kind 'gone'" in message
    assert "plugin 'broken-plugin' failed to register its kinds" in message
    assert "look-behind requires fixed-width pattern" in message and "test_engine.py" in message
