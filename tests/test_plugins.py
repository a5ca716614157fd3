"""Plugins: local plugin files and packs from config, ``newslint plugins``, disabling,
isolation of broken plugins (import errors, raising hooks, garbage returns;
local files and real entry points), and the version contract."""

from __future__ import annotations

import inspect
import json
import os
import textwrap

import jsonschema
import pytest

from conftest import ROOT
from newslint.article.source import decode
from newslint.config import Config, Settings
from newslint.engine import Linter
from newslint.findings import Finding, Severity
from newslint.plugins import hookimpl, hookspecs
from newslint.plugins.manager import PluginHost

PROBE = ROOT / "tests" / "packs" / "probe.yaml"
SCHEMA = json.loads((ROOT / "newslint" / "schemas" / "report-v1.schema.json").read_text(encoding="utf-8"))
#: triggers probe.doubled, probe.alright and probe.yesterday
TEXT = "Council votes on budget\n\nThe council met yesterday and said the the plan was alright.\n"
HOOKS = [name for name in dir(hookspecs) if name.startswith("newslint_")]


def hook_args(name: str) -> list[str]:
    return list(inspect.signature(getattr(hookspecs, name)).parameters)


def write_project(tmp_path, plugin_name: str | None = None, source: str | None = None, extra: str = "") -> None:
    """A folder with a config (the probe pack, optionally a local plugin) and a.txt."""
    config = f"packs: ['{PROBE}']\nselect: [probe, house]\n" + extra
    if plugin_name is not None:
        (tmp_path / f"{plugin_name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        config += f"plugins: [{plugin_name}.py]\n"
    (tmp_path / "newslint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")


def findings_of(report: dict) -> list[tuple]:
    return [(f["rule"], f["line"], f["column"]) for file in report["files"] for f in file["findings"]]


def raising_plugin_source() -> str:
    """A plugin implementing every hook in the hookspecs module, each raising (like the external check)."""
    lines = ["import pluggy", "hookimpl = pluggy.HookimplMarker('newslint')"]
    for name in HOOKS:
        lines += ["@hookimpl", f"def {name}({', '.join(hook_args(name))}):",
                  f"    raise RuntimeError('broken plugin in {name}')"]
    return "\n".join(lines) + "\n"


GARBAGE_PLUGIN = """\
    import pluggy
    from newslint.findings import Finding, Severity
    from newslint.kinds.base import RuleKind

    hookimpl = pluggy.HookimplMarker("newslint")

    class Nameless(RuleKind):
        pass

    @hookimpl
    def newslint_rule_kinds():
        return [42, str, Nameless]

    @hookimpl
    def newslint_pack_paths():
        return 12

    @hookimpl
    def newslint_parsers():
        return ["not a parser"]

    @hookimpl
    def newslint_reporters():
        return {"garbage-format": 3}

    @hookimpl
    def newslint_enrich_article(article):
        article.people_extra.append(7)

    @hookimpl
    def newslint_check(article):
        yield "a finding, honest"
        yield Finding(rule="garbage.far", severity=Severity.INFO, message="x", offset=10**6, length=3)
    """


def assert_isolated(cli, tmp_path, plugin: str, reference: list[tuple], env=None) -> dict:
    """Exit 3, the plugin named with a traceback on stderr and in JSON errors, every other finding kept."""
    proc = cli("--format", "json", "a.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 3, proc.stderr
    assert f"plugin '{plugin}'" in proc.stderr
    assert 'File "' in proc.stderr
    report = json.loads(proc.stdout)
    jsonschema.validate(report, SCHEMA)
    assert findings_of(report) == reference
    errors = [e for e in report["errors"] if e.get("plugin") == plugin]
    assert errors, report["errors"]
    assert all(e["type"] == "plugin" and e["message"] and 'File "' in e["traceback"] for e in errors)
    return report


@pytest.fixture
def reference(tmp_path, cli):
    """The findings of the project without any plugin."""
    write_project(tmp_path)
    proc = cli("--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    found = findings_of(json.loads(proc.stdout))
    assert {r for r, _, _ in found} == {"probe.doubled", "probe.alright", "probe.yesterday"}
    return found


# -- isolation: local plugin files ------------------------------------------------
def test_local_plugin_failing_to_import(tmp_path, cli, reference):
    write_project(tmp_path, "noimport", "import no_such_module_for_newslint\n")
    report = assert_isolated(cli, tmp_path, "noimport", reference)
    error = next(e for e in report["errors"] if e["plugin"] == "noimport")
    assert error["where"] == "import" and "ModuleNotFoundError" in error["message"]
    assert "Traceback" in error["traceback"]


def test_local_plugin_raising_in_every_hook(tmp_path, cli, reference):
    write_project(tmp_path, "broken", raising_plugin_source())
    report = assert_isolated(cli, tmp_path, "broken", reference)
    failed = {e["where"] for e in report["errors"] if e["plugin"] == "broken"}
    assert failed == set(HOOKS)
    assert all("RuntimeError: broken plugin in" in e["message"] and "Traceback" in e["traceback"]
               for e in report["errors"] if e["plugin"] == "broken")


def test_local_plugin_returning_garbage(tmp_path, cli, reference):
    write_project(tmp_path, "garbage", GARBAGE_PLUGIN)
    report = assert_isolated(cli, tmp_path, "garbage", reference)
    messages = {(e["where"], e["message"]) for e in report["errors"] if e["plugin"] == "garbage"}
    wheres = {w for w, _ in messages}
    assert wheres == set(HOOKS), messages
    text = " | ".join(m for _, m in messages)
    for expected in ("kind 42 is not a subclass", "kind Nameless has no name", "returned 12, expected a list",
                     "parser 'not a parser'", "reporter 'garbage-format' is 3", "added 7 to article.people_extra",
                     "yielded 'a finding, honest'", "garbage.far at offset 1000000"):
        assert expected in text


def test_garbage_is_dropped_before_the_engine_sees_it(tmp_path):
    import types

    module = types.ModuleType("garbage")
    exec(textwrap.dedent(GARBAGE_PLUGIN), module.__dict__)
    host = PluginHost(load_entry_points=False)
    host.register(module, name="garbage")
    linter = Linter(host, Config(packs=[str(PROBE)], settings=Settings(select=("probe",))))
    assert "garbage-format" not in host.reporters() and 42 not in host.kinds().values()
    result = linter.lint_source(decode(TEXT.encode(), "a.txt"))
    assert [f.rule for f in result.findings] == ["probe.yesterday", "probe.doubled", "probe.alright"]
    assert {e["plugin"] for e in result.errors} == {"garbage"}


def test_disabling_local_plugins(tmp_path, cli, reference):
    write_project(tmp_path, "broken", raising_plugin_source())
    for args, env in ((["--no-plugins"], None), ([], {"NEWSLINT_DISABLE_PLUGINS": "other, broken"})):
        proc = cli(*args, "--format", "json", "a.txt", cwd=tmp_path, env=env)
        assert proc.returncode == 1, proc.stderr
        report = json.loads(proc.stdout)
        assert report["errors"] == [] and findings_of(report) == reference
        assert "broken" not in proc.stderr
    proc = cli("plugins", cwd=tmp_path, env={"NEWSLINT_DISABLE_PLUGINS": "broken"})
    assert proc.returncode == 0 and "disabled: broken" in proc.stdout


# -- isolation: a real entry point --------------------------------------------------
def make_entry_point_site(site, name: str, module_source: str, dist: str = "broken-dist") -> dict:
    """A distribution with a ``newslint`` entry point, found by importlib.metadata on PYTHONPATH."""
    site.mkdir(exist_ok=True)
    module = f"{name}_plugin"
    (site / f"{module}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-2.5.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 2.5\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[newslint]\n{name} = {module}\n", encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


@pytest.mark.parametrize("kind", ["import", "raise", "garbage"])
def test_entry_point_plugin_isolated(tmp_path, cli, reference, kind):
    source = {"import": "import no_such_module_for_newslint\n", "raise": raising_plugin_source(),
              "garbage": GARBAGE_PLUGIN}[kind]
    env = make_entry_point_site(tmp_path / "site", "epbroken", source)
    assert_isolated(cli, tmp_path, "epbroken", reference, env=env)
    for args, extra in ((["--no-plugins"], {}), ([], {"NEWSLINT_DISABLE_PLUGINS": "epbroken"}),
                        ([], {"NEWSLINT_DISABLE_PLUGINS": "broken-dist"})):
        proc = cli(*args, "--format", "json", "a.txt", cwd=tmp_path, env={**env, **extra})
        assert proc.returncode == 1, proc.stderr
        assert findings_of(json.loads(proc.stdout)) == reference


def test_entry_point_plugin_listed_with_its_distribution(tmp_path, cli):
    env = make_entry_point_site(tmp_path / "site", "epgood", """\
        import pluggy
        hookimpl = pluggy.HookimplMarker("newslint")

        @hookimpl
        def newslint_check(article):
            return []
        """, dist="good-dist")
    proc = cli("plugins", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "epgood 2.5 (entry point of good-dist)" in proc.stdout.splitlines()


# -- newslint plugins ------------------------------------------------------------------
FULL_PLUGIN = """\
    from pathlib import Path

    import pluggy
    from newslint.article.parsers.text import TextParser
    from newslint.kinds.base import Hit, RuleKind
    from newslint.reporters.base import Reporter

    __version__ = "3.1"
    hookimpl = pluggy.HookimplMarker("newslint")

    class Shout(RuleKind):
        name = "house-shout"

        def check(self, ctx):
            for block in ctx.blocks():
                for i, word in enumerate(block.text.split()):
                    pass
            return []

    class Memo(TextParser):
        name = "memo"
        extensions = (".memo",)

    class Count(Reporter):
        def finish(self, summary):
            self.stream.write(f"{summary.findings} findings\\n")

    @hookimpl
    def newslint_rule_kinds():
        return [Shout]

    @hookimpl
    def newslint_pack_paths():
        return [Path(__file__).with_name("house")]

    @hookimpl
    def newslint_parsers():
        return [Memo()]

    @hookimpl
    def newslint_reporters():
        return {"count": Count}
    """


def test_plugins_command_lists_what_each_plugin_registers(tmp_path, cli):
    from newslint.article.parsers import text as text_parser

    if not hasattr(text_parser, "TextParser"):
        pytest.skip("text parser class has another name")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(textwrap.dedent("""\
        pack: house
        rules:
          - id: house.weekday
            kind: existence
            message: "Weekday: {match}."
            options: {tokens: [Tuesday]}
            doc: |
              Test.
              Why: test.
              Fix: no.
        """), encoding="utf-8")
    write_project(tmp_path, "house_rules", FULL_PLUGIN)
    proc = cli("plugins", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    start = lines.index(f"house_rules 3.1 (file {tmp_path / 'house_rules.py'})")
    assert lines[start + 1:start + 5] == [
        "  kinds: house-shout",
        f"  packs: {tmp_path / 'house'}",
        "  parsers: memo (.memo)",
        "  reporters: count",
    ]
    assert lines[0].startswith("newslint ") and lines[0].endswith("(built-in)")
    data = json.loads(cli("plugins", "--format", "json", cwd=tmp_path).stdout)
    entry = next(p for p in data["plugins"] if p["name"] == "house_rules")
    assert entry == {"name": "house_rules", "version": "3.1", "origin": f"file {tmp_path / 'house_rules.py'}",
                     "kinds": ["house-shout"], "packs": [str(tmp_path / "house")], "parsers": ["memo (.memo)"],
                     "reporters": ["count"]}
    assert data["errors"] == [] and data["disabled"] == []
    # the plugin's parser, pack and reporter are used by a lint run
    (tmp_path / "b.memo").write_text("The vote is on Tuesday.\n", encoding="utf-8")
    proc = cli("--select", "house", "--format", "count", "b.memo", cwd=tmp_path)
    assert proc.stdout == "1 findings\n", proc.stderr


def test_packs_from_config_without_python(tmp_path, cli):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "terms.yaml").write_text(textwrap.dedent("""\
        pack: house
        rules:
          - id: house.website
            kind: substitution
            message: "Write {suggestion}."
            options: {swap: {web site: website}}
            doc: |
              Test.
              Why: test.
              Fix: yes.
        """), encoding="utf-8")
    (tmp_path / "newslint.yaml").write_text("packs: [house/]\nselect: [house]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The city put the plan on its web site.\n", encoding="utf-8")
    proc = cli("--format", "json", "a.txt", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert [(f["rule"], f["match"], f["fix"]["replacement"]) for f in report["files"][0]["findings"]] == [
        ("house.website", "web site", "website")]


def test_plugins_command_reports_a_broken_plugin(tmp_path, cli):
    write_project(tmp_path, "broken", raising_plugin_source())
    proc = cli("plugins", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 3
    data = json.loads(proc.stdout)
    assert any(p["name"] == "broken" for p in data["plugins"])
    assert {e["where"] for e in data["errors"]} >= {"newslint_rule_kinds", "newslint_pack_paths",
                                                    "newslint_parsers", "newslint_reporters"}
    assert "plugin 'broken' failed in newslint_rule_kinds" in proc.stderr and "Traceback" in proc.stderr


# -- registration problems ------------------------------------------------------------
def test_kind_name_clash_and_unknown_hook_are_reported():
    from newslint.kinds.existence import Existence

    class Impostor(Existence):
        name = "existence"

    class Plugin:
        @hookimpl
        def newslint_rule_kinds(self):
            return [Impostor]

        @hookimpl
        def newslint_rule_kind(self):  # a typo: never called
            return []

        @hookimpl(optionalhook=True)
        def newslint_from_the_future(self):
            return []

    host = PluginHost(load_entry_points=False)
    host.register(Plugin(), name="clash")
    assert host.kinds()["existence"] is Existence
    assert "existence" not in host.kind_owners().get("clash", [])
    messages = sorted(e.message for e in host.errors)
    assert len(messages) == 2, messages
    assert "implements unknown hook newslint_rule_kind " in messages[0]
    assert "kind name 'existence' is already registered by 'newslint'" in messages[1]
    assert all(e.plugin == "clash" for e in host.errors)


# -- version contract ---------------------------------------------------------------
def test_every_hook_has_a_stated_stability():
    assert set(hookspecs.HOOK_STABILITY) == set(HOOKS)
    assert set(hookspecs.HOOK_STABILITY.values()) <= {"stable", "provisional"}
    assert "stable" in (hookspecs.__doc__ or "")


class OldPlugin:
    """A plugin written against fewer arguments than the specs name."""

    def __init__(self):
        self.enriched = 0

    @hookimpl
    def newslint_enrich_article(self):  # the spec passes article and config
        self.enriched += 1

    @hookimpl
    def newslint_check(self, article):  # the spec also passes config
        at = article.source.text.find("budget")
        return [Finding(rule="old.budget", severity=Severity.INFO, message="Budget.", offset=at, length=6)]


def test_plugin_with_fewer_arguments_still_works():
    plugin = OldPlugin()
    host = PluginHost(load_entry_points=False)
    host.register(plugin, name="old")
    linter = Linter(host, Config(packs=[str(PROBE)]))
    result = linter.lint_source(decode(TEXT.encode(), "a.txt"))
    assert host.errors == [] and result.errors == []
    assert plugin.enriched == 1
    budget = next(f for f in result.findings if f.rule == "old.budget")
    assert (budget.line, budget.column, budget.match) == (1, 18, "budget")
    # a newer newslint may pass an argument this plugin has never heard of
    article = linter.parse(decode(TEXT.encode(), "a.txt"))[0]
    results = host.call("newslint_check", article=article, config=linter.config, added_in_a_later_version=1)
    assert [(name, [f.rule for f in found]) for name, found in results] == [("old", ["old.budget"])]
    # and pluggy's own hook call honours the same contract
    assert [f.rule for found in host.pm.hook.newslint_check(article=article, config=linter.config)
            for f in found] == ["old.budget"]
