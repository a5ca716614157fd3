"""Malformed packs and configs: every one names file, line and field, and exits 2."""

from __future__ import annotations

import json
import textwrap

import pytest

from newslint.config import ConfigError, load_config
from newslint.packs.loader import load_rule_set, read_pack
from newslint.packs.model import PackError
from newslint.plugins.manager import PluginHost

GOOD_RULE = """\
  - id: house.no-alright
    kind: substitution
    message: "Use '{suggestion}', not '{match}'."
    options:
      swap: {alright: all right}
"""

# (name, pack text, expected line, expected field, words in the message)
BAD_PACKS = [
    ("yaml syntax", "pack: house\nrules: [\n", 3, None, "invalid YAML"),
    ("tab indentation", "pack: house\nrules:\n\t- id: house.x\n", 3, None, "invalid YAML"),
    ("not a mapping", "- just\n- a list\n", 1, None, "mapping"),
    ("python object tag", "pack: house\nrules: !!python/object/apply:os.system ['true']\n", 2, None, "unsafe"),
    ("unknown top-level key", "pack: house\nrulez: []\nrules: []\n", 2, "rulez", "unknown key"),
    ("missing pack name", "rules: []\n", 1, "pack", "'pack'"),
    ("bad pack name", "pack: House Style\nrules: []\n", 1, "pack", "lower-case"),
    ("rules not a list", "pack: house\nrules: {a: 1}\n", 2, "rules", "list of rules"),
    ("rule not a mapping", "pack: house\nrules:\n  - just a string\n", 3, "rules", "mapping"),
    ("missing id", "pack: house\nrules:\n  - kind: existence\n    message: x\n", 3, "id", "'id'"),
    ("bad id shape", "pack: house\nrules:\n  - id: NoDot\n    kind: existence\n    message: x\n", 3, "id", "pack.rule-name"),
    ("missing kind", "pack: house\nrules:\n  - id: house.x\n    message: x\n", 3, "kind", "'kind'"),
    ("missing message", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n", 3, "message", "'message'"),
    ("empty message", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n    message: ''\n", 5, "message", "non-empty"),
    ("unknown rule key", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n    message: x\n    level: error\n",
     6, "level", "unknown key"),
    ("bad severity", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n    message: x\n    severity: fatal\n",
     6, "severity", "severity"),
    ("bad scope", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n    message: x\n    scope: footer\n",
     6, "scope", "headline"),
    ("quotes not bool", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n    message: x\n    quotes: maybe\n",
     6, "quotes", "true or false"),
    ("options not mapping", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n    message: x\n    options: [a]\n",
     6, "options", "mapping"),
    ("doc not string", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n    message: x\n    doc: [a]\n",
     6, "doc", "string"),
    ("examples wrong shape", "pack: house\nrules:\n  - id: house.x\n    kind: existence\n    message: x\n"
     "    examples: [{bad: 1}]\n", 6, "examples", "wrong"),
    ("duplicate id", "pack: house\nrules:\n" + GOOD_RULE + GOOD_RULE, 8, "id", "duplicate"),
    ("duplicate key", "pack: house\npack: other\nrules: []\n", 2, None, "duplicate key"),
    ("id of another pack", "pack: house\nrules:\n  - id: usage.x\n    kind: existence\n    message: x\n", 3, "id",
     "must start with 'house.'"),
    ("description not string", "pack: house\ndescription: [1]\nrules: []\n", 2, "description", "string"),
    ("extends wrong type", "pack: house\nextends: {a: 1}\nrules: []\n", 2, "extends", "pack name"),
]

# (name, rule options/kind, expected line, expected field, words)
BAD_RULES = [
    ("unknown kind", "kind: exists\n    message: x\n", 3, "kind", "unknown kind"),
    ("bad regex", "kind: existence\n    message: x\n    options:\n      patterns: ['(unclosed']\n", 7, "options.patterns[0]",
     "bad regular expression"),
    ("second pattern bad", "kind: existence\n    message: x\n    options:\n      patterns: ['ok', '[z-a]']\n", 7,
     "options.patterns[1]", "bad regular expression"),
    ("third pattern bad, one a line", "kind: existence\n    message: x\n    options:\n      patterns:\n        - ok\n"
     "        - fine\n        - '(a'\n", 10, "options.patterns[2]", "bad regular expression"),
    ("patterns not a list", "kind: existence\n    message: x\n    options:\n      patterns: 'abc'\n", 7,
     "options.patterns", "list[regex]"),
    ("unknown option", "kind: existence\n    message: x\n    options:\n      tokenz: [a]\n", 7, "options.tokenz",
     "unknown option"),
    ("existence without tokens", "kind: existence\n    message: x\n    options: {}\n", 6, "options.tokens",
     "needs 'tokens' or 'patterns'"),
    ("swap missing", "kind: substitution\n    message: x\n", 3, "options.swap", "required"),
    ("swap not a map", "kind: substitution\n    message: x\n    options:\n      swap: [a, b]\n", 7, "options.swap",
     "map[str,str]"),
    ("swap value not string", "kind: substitution\n    message: x\n    options:\n      swap: {a: [b]}\n", 7,
     "options.swap", "map[str,str]"),
    ("ignore_case not bool", "kind: substitution\n    message: x\n    options:\n      swap: {a: b}\n      ignore_case: 1\n",
     8, "options.ignore_case", "bool"),
]


def _host():
    return PluginHost(load_entry_points=False)


@pytest.mark.parametrize("name,text,line,field,words", BAD_PACKS, ids=[c[0] for c in BAD_PACKS])
def test_malformed_pack_is_reported_with_location(tmp_path, name, text, line, field, words):
    path = tmp_path / "house.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_rule_set([path], _host().kinds())
    err = info.value
    assert err.path == str(path)
    assert err.line == line, str(err)
    assert err.field == field, str(err)
    assert words in str(err)
    assert str(path) in str(err)


@pytest.mark.parametrize("name,body,line,field,words", BAD_RULES, ids=[c[0] for c in BAD_RULES])
def test_malformed_rule_is_reported_with_rule_id(tmp_path, name, body, line, field, words):
    path = tmp_path / "house.yaml"
    path.write_text(f"pack: house\nrules:\n  - id: house.broken\n    {body}", encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_rule_set([path], _host().kinds())
    err = info.value
    assert err.rule == "house.broken"
    assert (err.line, err.field) == (line, field), str(err)
    assert words in str(err)


def test_extends_cycle(tmp_path):
    (tmp_path / "a.yaml").write_text("pack: a\nextends: b\nrules: []\n")
    (tmp_path / "b.yaml").write_text("pack: b\nextends: a\nrules: []\n")
    with pytest.raises(PackError) as info:
        load_rule_set([tmp_path], _host().kinds())
    assert "extends cycle" in str(info.value) and info.value.field == "extends"


def test_extends_missing(tmp_path):
    (tmp_path / "a.yaml").write_text("pack: a\nextends: nowhere.yaml\nrules: []\n")
    with pytest.raises(PackError, match="extends unknown pack or missing file 'nowhere.yaml'"):
        load_rule_set([tmp_path], _host().kinds())


def test_missing_pack_file(tmp_path):
    with pytest.raises(PackError, match="pack file not found"):
        read_pack(tmp_path / "nope.yaml")


def test_extends_overrides_fields_and_keeps_ids(tmp_path):
    (tmp_path / "base.yaml").write_text("pack: base\nrules:\n" + GOOD_RULE.replace("house.", "base."))
    (tmp_path / "house.yaml").write_text(textwrap.dedent("""\
        pack: house
        extends: base.yaml
        rules:
          - id: base.no-alright
            severity: error
            options: {swap: {alright: all right, irregardless: regardless}}
          - id: house.towards
            kind: substitution
            message: "Use '{suggestion}'."
            options: {swap: {towards: toward}}
        """))
    rules = load_rule_set([tmp_path / "house.yaml"], _host().kinds()).rules
    assert set(rules) == {"base.no-alright", "house.towards"}
    assert str(rules["base.no-alright"].severity) == "error"
    assert rules["base.no-alright"].options["swap"]["irregardless"] == "regardless"


def test_override_of_unknown_rule(tmp_path):
    (tmp_path / "base.yaml").write_text("pack: base\nrules: []\n")
    (tmp_path / "house.yaml").write_text("pack: house\nextends: base\nrules:\n  - id: base.nothing\n    severity: error\n")
    with pytest.raises(PackError, match="overrides a rule that does not exist"):
        load_rule_set([tmp_path], _host().kinds())


# -- configs ---------------------------------------------------------------------

BAD_CONFIGS = [
    ("unknown key", "profile: ap\nselekt: [a]\n", 2, "selekt", "unknown key"),
    ("select wrong type", "select: {a: 1}\n", 1, "select", "list of strings"),
    ("bad severity level", "severity:\n  usage.x: fatal\n", 2, "severity.usage.x", "unknown severity"),
    ("rules not a map", "rules: [usage.x]\n", 1, "rules", "map of rule id"),
    ("rule options not a map", "rules:\n  usage.x: 3\n", 2, "rules.usage.x", "map of options"),
    ("missing pack path", "packs: [nowhere/]\n", 1, "packs", "does not exist"),
    ("missing plugin file", "plugins: [nowhere.py]\n", 1, "plugins", "does not exist"),
    ("override without files", "overrides:\n  - ignore: [a]\n", 2, "overrides[0]", "files"),
    ("override unknown key", "overrides:\n  - files: ['*.md']\n    colour: red\n", 3, "overrides[0].colour", "unknown"),
    ("profile not a string", "profile: [uk]\n", 1, "profile", "profile name"),
    ("timeout negative", "timeout: -1\n", 1, "timeout", "positive"),
    ("fields bad key", "fields: {title: headline}\n", 1, "fields", "JSON field names"),
    ("invalid yaml", "select: [a\n", 2, None, "invalid YAML"),
    ("severity not a map", "severity: [usage.x]\n", 1, "severity", "map of rule id"),
    ("ignore item not a string", "profile: ap\nignore: [usage.nato, 3]\n", 2, "ignore", "list of strings"),
    ("override files not a list", "overrides:\n  - files: {a: 1}\n", 2, "overrides[0].files", "list of strings"),
    ("override rule options not a map", "overrides:\n  - files: ['*.md']\n    rules:\n      usage.nato: on\n", 4,
     "overrides[0].rules.usage.nato", "map of options"),
    ("override bad severity", "overrides:\n  - files: ['*.md']\n    severity:\n      usage.nato: loud\n", 4,
     "overrides[0].severity.usage.nato", "unknown severity"),
]


@pytest.mark.parametrize("name,text,line,field,words", BAD_CONFIGS, ids=[c[0] for c in BAD_CONFIGS])
def test_malformed_config(tmp_path, name, text, line, field, words):
    path = tmp_path / "newslint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(str(path))
    err = info.value
    assert (err.line, err.field) == (line, field), str(err)
    assert words in str(err)


# errors found when the config meets the packs (rule options, rule ids, profiles): the Linter
# compiles the default rule set and each override's at start, so all of these surface there
# (name, config text, expected line, expected field, words in the message)
BAD_CONFIG_RULES = [
    ("option value not a choice", "profile: ap\nrules:\n  numbers.percent:\n    enforce: sometimes\n", 4,
     "options.enforce", "expected one of consistent, always, got 'sometimes'"),
    ("unknown option", "rules:\n  numbers.percent:\n    enforz: always\n", 3, "options.enforz", "unknown option"),
    ("option of the wrong type", "rules:\n  numbers.percent:\n    allow: 3\n", 3, "options.allow", "expected list[str]"),
    ("bad item in a list option", "rules:\n  numbers.percent:\n    style: sign\n    allow:\n      - per cent\n"
     "      - 5\n", 4, "options.allow", "expected list[str]"),
    ("option in flow style", "select: [numbers]\nrules: {numbers.percent: {enforce: 1}}\n", 2, "options.enforce",
     "expected str"),
    ("options for an unknown rule", "rules:\n  numbers.percentt:\n    allow: [a]\n", 2, "rules.numbers.percentt",
     "options for unknown rule 'numbers.percentt' (did you mean 'numbers.percent'?)"),
    ("severity for an unknown rule", "severity:\n  usage.nato: error\n  numbers.percentt: error\n", 3,
     "severity.numbers.percentt", "severity for unknown rule 'numbers.percentt'"),
    ("select names no rule", "select: [numbers, numbers.percentt]\n", 1, "select[1]",
     "no rule or pack matches 'numbers.percentt'"),
    ("select one item a line", "select:\n  - usage\n  - numbers.percentt\n", 3, "select[1]", "no rule or pack"),
    ("select as a string", "select: numbers, numbers.nope\n", 1, "select", "no rule or pack matches 'numbers.nope'"),
    ("select a misspelt pack", "select: [numbrs]\n", 1, "select[0]", "did you mean 'numbers'?"),
    ("ignore glob matching nothing", "ignore:\n  - usage.*\n  - numbers.zz*\n", 3, "ignore[1]",
     "no rule or pack matches 'numbers.zz*'"),
    ("unknown profile", "profile: brit\n", 1, "profile", "unknown profile 'brit' (known: ap, ap-strict, uk)"),
    ("override option", "overrides:\n  - files: ['opinion/*']\n    rules:\n      numbers.percent: {enforce: never}\n",
     4, "options.enforce", "got 'never'"),
    ("override unknown option", "overrides:\n  - files: ['opinion/*']\n    rules:\n      numbers.percent:\n"
     "        style: sign\n        allw: [pc]\n", 6, "options.allw", "unknown option"),
    ("override severity for an unknown rule", "overrides:\n  - files: ['*.md']\n    severity: {numbers.percentx: info}\n",
     3, "overrides[0].severity.numbers.percentx", "severity for unknown rule"),
    ("override ignore names no rule", "select: [usage]\noverrides:\n  - files: ['*.md']\n    ignore: [usage.nat0]\n",
     4, "overrides[0].ignore[0]", "did you mean 'usage.nato'?"),
    ("override unknown profile", "overrides:\n  - files: ['*.md']\n    profile: brit\n", 3, "overrides[0].profile",
     "unknown profile 'brit'"),
]


def _linter(config_path, cli=None):
    from newslint.engine import Linter

    return Linter(_host(), load_config(str(config_path)), cli)


@pytest.mark.parametrize("name,text,line,field,words", BAD_CONFIG_RULES, ids=[c[0] for c in BAD_CONFIG_RULES])
def test_config_meeting_the_packs(tmp_path, name, text, line, field, words):
    path = tmp_path / "newslint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as info:
        _linter(path)
    err = info.value
    assert (err.path, err.line, err.field) == (str(path), line, field), str(err)
    assert words in str(err)
    assert str(err).startswith(f"{path}:{line}: ")


def test_a_select_the_command_line_replaces_is_still_checked(tmp_path):
    from newslint.config import Settings

    path = tmp_path / "newslint.yaml"
    path.write_text("profile: ap\nselect: [usage.nat0]\n", encoding="utf-8")
    with pytest.raises(PackError) as info:
        _linter(path, Settings(select=("usage",)))
    assert (info.value.line, info.value.field) == (2, "select[0]")


def test_a_pack_that_is_not_loaded_may_be_named(tmp_path):
    """A plugin's check hook may report ids of its own (and be disabled for a run): only a near
    miss of a loaded pack, or a missing rule of one, is a typo."""
    path = tmp_path / "newslint.yaml"
    path.write_text("select: [usage, house]\nignore: [house.weekday]\nseverity: {house.caps: error}\n")
    assert _linter(path).rules_for(_linter(path)._settings(load_config(str(path)).settings))


def test_command_line_settings_are_named_as_such(tmp_path):
    from newslint.config import Settings
    from newslint.engine import Linter

    with pytest.raises(PackError) as info:
        Linter(_host(), None, Settings(select=("usage.nat0",)))
    assert str(info.value) == ("<command line>: field '--select': no rule or pack matches 'usage.nat0' "
                               "(did you mean 'usage.nato'?)")
    with pytest.raises(PackError, match="<command line>: field '--profile': unknown profile 'brit'"):
        Linter(_host(), None, Settings(profile="brit"))


# a profile in a pack folder of the config: errors name the profile file
BAD_PROFILES = [
    ("invalid yaml", "ignore: [a\n", 2, None, "invalid YAML"),
    ("unknown key", "description: x\nignroe: [usage.nato]\n", 2, "ignroe", "unknown key"),
    ("not a mapping", "- usage\n", 1, None, "mapping"),
    ("description not a string", "description: [x]\n", 1, "description", "string"),
    ("option value", "rules:\n  usage.nato:\n    prefer: NATO\n", 3, "options.prefer", "expected list[str]"),
    ("unknown rule", "severity:\n  usage.natoo: info\n", 2, "severity.usage.natoo", "severity for unknown rule"),
]


@pytest.mark.parametrize("name,text,line,field,words", BAD_PROFILES, ids=[c[0] for c in BAD_PROFILES])
def test_malformed_profile(tmp_path, name, text, line, field, words):
    profile = tmp_path / "packs" / "profiles" / "house.yaml"
    profile.parent.mkdir(parents=True)
    (tmp_path / "packs" / "empty.yaml").write_text("pack: empty\nrules: []\n")
    profile.write_text(text, encoding="utf-8")
    (tmp_path / "newslint.yaml").write_text("packs: [packs]\nprofile: house\n")
    with pytest.raises(PackError) as info:
        _linter(tmp_path / "newslint.yaml")
    err = info.value
    assert (err.path, err.line, err.field) == (str(profile), line, field), str(err)
    assert words in str(err)


# an article's own settings: the error is on the file, at the line in the article
BAD_FRONT_MATTER = [
    ("unknown key", "  selekt: [usage]\n", 4, "newslint.selekt", "unknown key"),
    ("select names no rule", "  select:\n    - usage\n    - usage.nat0\n", 6, "newslint.select[1]", "no rule or pack"),
    ("bad severity", "  severity: {usage.nato: loud}\n", 4, "newslint.severity.usage.nato", "unknown severity"),
    ("option value", "  rules:\n    numbers.percent:\n      enforce: never\n", 6, "options.enforce", "got 'never'"),
    ("options for an unknown rule", "  rules:\n    numbers.pct: {style: sign}\n", 5, "newslint.rules.numbers.pct",
     "options for unknown rule"),
    ("unknown profile", "  profile: brit\n", 4, "newslint.profile", "unknown profile"),
]


@pytest.mark.parametrize("name,block,line,field,words", BAD_FRONT_MATTER, ids=[c[0] for c in BAD_FRONT_MATTER])
def test_malformed_front_matter_settings(tmp_path, name, block, line, field, words):
    from newslint.engine import Linter

    story = tmp_path / "story.md"
    story.write_text(f"---\nheadline: Vote set\nnewslint:\n{block}---\n\nThe the vote was on Tuesday.\n")
    result = Linter(_host()).lint_path(str(story))
    assert [e["type"] for e in result.errors] == ["parse"]
    message = result.errors[0]["message"]
    assert message.startswith(f"front-matter settings ignored: {story}:{line}: "), message
    assert f"field '{field}'" in message and words in message
    assert "mechanics.doubled-word" in {f.rule for f in result.findings}  # linted without them


def test_identical_front_matter_errors_name_their_own_file(tmp_path):
    """Settings are compared with their origins: a cached merge must not name another file."""
    from newslint.engine import Linter

    linter = Linter(_host())
    for name, lead in (("a.md", ""), ("b.md", "\n")):
        (tmp_path / name).write_text(f"---\n{lead}newslint:\n  ignore: [usage.nat0]\n---\n\nThe vote.\n")
        message = linter.lint_path(str(tmp_path / name)).errors[0]["message"]
        assert f"{tmp_path / name}:{3 + len(lead)}: field 'newslint.ignore[0]'" in message


@pytest.mark.parametrize("case", [BAD_PACKS[0], BAD_PACKS[3], BAD_PACKS[14]], ids=lambda c: c[0])
def test_cli_exits_2_and_names_the_pack(tmp_path, cli, case):
    name, text, line, field, words = case
    (tmp_path / "house.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "newslint.yaml").write_text("packs: [house.yaml]\n")
    (tmp_path / "a.txt").write_text("The mayor said.\n")
    proc = cli("a.txt", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert f"house.yaml:{line}" in proc.stderr
    assert words in proc.stderr
    assert not (tmp_path / "pwned").exists()


def test_cli_exits_2_on_bad_config(tmp_path, cli):
    (tmp_path / "newslint.yaml").write_text("selekt: [a]\n")
    (tmp_path / "a.txt").write_text("The mayor said.\n")
    proc = cli("--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "newslint.yaml:1" in proc.stderr and "selekt" in proc.stderr
    assert proc.stdout == ""


def test_shipped_packs_load_cleanly():
    rules = load_rule_set(_host().pack_paths(), _host().kinds()).rules
    assert rules, "no shipped rules"
    for rule in rules.values():
        assert rule.id.startswith(rule.pack + ".")
        json.dumps(rule.options)  # options are plain data


@pytest.mark.parametrize("case", [BAD_CONFIG_RULES[0], BAD_CONFIG_RULES[7], BAD_CONFIG_RULES[13]],
                         ids=lambda c: c[0])
def test_cli_exits_2_and_names_the_config_line(tmp_path, cli, case):
    name, text, line, field, words = case
    (tmp_path / "newslint.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The mayor said 5 percent.\n")
    proc = cli("--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"newslint: {tmp_path / 'newslint.yaml'}:{line}: "), proc.stderr
    assert f"field '{field}'" in proc.stderr and words in proc.stderr
    assert proc.stdout == ""


def test_cli_config_option_names_that_file(tmp_path, cli):
    (tmp_path / "desk.yaml").write_text("select: [usage]\nrules:\n  usage.nato: {prefer: NATO}\n")
    (tmp_path / "a.txt").write_text("The Nato summit.\n")
    proc = cli("--config", "desk.yaml", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("newslint: desk.yaml:3: rule usage.nato: field 'options.prefer': "), proc.stderr


def test_cli_unknown_select_is_an_error(tmp_path, cli):
    (tmp_path / "a.txt").write_text("The Nato summit.\n")
    proc = cli("--no-config", "--select", "usage.nat0", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "<command line>: field '--select': no rule or pack matches 'usage.nat0'" in proc.stderr
