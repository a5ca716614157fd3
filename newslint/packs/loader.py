"""Loading pack files: validation with exact error locations, ``extends``,
and compiling each rule's kind once.

A pack that ``extends`` another builds on it: the base is loaded too, and an
entry in ``rules`` whose id belongs to the base overrides only the fields it
names (``severity``, ``options``, ...). Rule ids are never renamed.
"""

from __future__ import annotations

import os

from newslint import rx as regex
from newslint.findings import Severity
from newslint.kinds.base import OptionError, validate_options
from newslint.packs.model import Pack, PackError, Rule
from newslint.packs.yamlsource import LocDict, LocList, load_yaml_of, read_text

PACK_KEYS = {"pack", "description", "extends", "rules"}
RULE_KEYS = {"id", "kind", "message", "severity", "scope", "quotes", "options", "doc", "examples"}
SCOPES = ("headline", "body", "caption", "all")
_ID = regex.compile(r"^[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*$")
_PACK_NAME = regex.compile(r"^[a-z0-9][a-z0-9_-]*$")


def path_str(path: str | os.PathLike) -> str:
    """``str(pathlib.Path(path))`` -- the same spelling (no ``.`` parts, no doubled or trailing
    slashes) -- without importing pathlib, which is 2.5-3 ms of a cold start with the
    urllib.parse and ipaddress modules it pulls in."""
    text = os.fspath(path)
    if os.sep != "/" or os.altsep or not isinstance(text, str):
        from pathlib import Path

        return str(Path(text))
    root = ""
    if text[:1] == "/":  # as POSIX and pathlib have it, exactly two leading slashes stay two
        root = "//" if text[:2] == "//" and text[:3] != "///" else "/"
    return root + "/".join(part for part in text.split("/") if part and part != ".") or "."


def _suffix(name: str) -> str:
    """``PurePath(name).suffix``."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def pack_files(location: str | os.PathLike) -> list[str]:
    """The pack files at a location: the file itself, or a folder's *.yaml files."""
    path = path_str(location)
    if os.path.isdir(path):
        try:
            names = os.listdir(path)
        except OSError:
            names = []
        files = (path_str(os.path.join(path, name)) for name in names if _suffix(name) in (".yaml", ".yml"))
        return sorted(f for f in files if os.path.isfile(f))
    return [path]


def read_pack(path: str | os.PathLike) -> Pack:
    """Parse and validate the structure of one pack file (kinds are checked later)."""
    path = str(path)
    data = load_yaml_of(read_text(path, PackError, "pack"), path, PackError)
    if not isinstance(data, LocDict):
        raise PackError(path, "a pack must be a YAML mapping with 'pack' and 'rules'", line=1)
    for key in data:
        if key not in PACK_KEYS:
            raise PackError(path, f"unknown key (a pack has: {', '.join(sorted(PACK_KEYS))})",
                            line=data.line_of(key), field=str(key))
    name = data.get("pack")
    if not isinstance(name, str) or not _PACK_NAME.match(name):
        raise PackError(path, "'pack' must be a lower-case name such as 'usage'",
                        line=data.line_of("pack"), field="pack")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise PackError(path, "expected a string", line=data.line_of("description"), field="description")
    extends = data.get("extends", [])
    if isinstance(extends, str):
        extends = [extends]
    if not isinstance(extends, list) or not all(isinstance(e, str) for e in extends):
        raise PackError(path, "expected a pack name or path, or a list of them",
                        line=data.line_of("extends"), field="extends")
    rules_data = data.get("rules")
    if not isinstance(rules_data, LocList):
        raise PackError(path, "expected a list of rules", line=data.line_of("rules"), field="rules")
    pack = Pack(name=name, description=description, path=path, extends=list(extends))
    seen: set[str] = set()
    for index, entry in enumerate(rules_data):
        rule = _read_rule(path, name, entry, rules_data.line_of(index))
        if rule.id in seen:
            raise PackError(path, "duplicate rule id", line=rule.line, rule=rule.id, field="id")
        seen.add(rule.id)
        pack.rules.append(rule)
    return pack


def _read_rule(path: str, pack_name: str, entry, line: int) -> Rule:
    if not isinstance(entry, LocDict):
        raise PackError(path, "each rule must be a mapping", line=line, field="rules")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise PackError(path, "'id' must look like 'pack.rule-name' (lower case)",
                        line=entry.line_of("id"), field="id")

    def fail(key: str, message: str):
        raise PackError(path, message, line=entry.line_of(key), rule=rule_id, field=key)

    for key in entry:
        if key not in RULE_KEYS:
            fail(key, f"unknown key (a rule has: {', '.join(sorted(RULE_KEYS))})")
    override = not rule_id.startswith(pack_name + ".")
    rule = Rule(id=rule_id, kind=entry.get("kind", ""), message=entry.get("message", ""),
                path=path, line=entry.line)
    rule.present = set(entry)  # which fields an override sets
    rule.override = override
    if not override:
        for key in ("kind", "message"):
            if key not in entry:
                raise PackError(path, f"missing required field '{key}'", line=entry.line, rule=rule_id, field=key)
    for key in ("kind", "message"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            fail(key, "expected a non-empty string")
    if "severity" in entry:
        try:
            rule.severity = Severity.parse(entry["severity"])
        except ValueError as exc:
            fail("severity", str(exc))
    if "scope" in entry:
        if entry["scope"] not in SCOPES:
            fail("scope", f"expected one of {', '.join(SCOPES)}, got {entry['scope']!r}")
        rule.scope = entry["scope"]
    if "quotes" in entry:
        if not isinstance(entry["quotes"], bool):
            fail("quotes", "expected true or false")
        rule.quotes = entry["quotes"]
    if "options" in entry:
        if entry["options"] is not None and not isinstance(entry["options"], dict):
            fail("options", "expected a mapping")
        rule.options = dict(entry["options"] or {})
        rule.option_lines = entry["options"]
    if "doc" in entry:
        if not isinstance(entry["doc"], str):
            fail("doc", "expected a string")
        rule.doc = entry["doc"]
    if "examples" in entry:
        examples = entry["examples"]
        if not isinstance(examples, list) or not all(
            isinstance(e, dict) and set(e) <= {"wrong", "right", "fixed"} and e
            and all(isinstance(v, str) for v in e.values()) for e in examples
        ):
            fail("examples", "expected a list of mappings with 'wrong', 'right' and/or 'fixed' strings")
        rule.examples = list(examples)
    return rule


class RuleSet:
    """All loaded packs and their compiled rules, keyed by id."""

    def __init__(self):
        self.packs: dict[str, Pack] = {}
        self.rules: dict[str, Rule] = {}

    def __iter__(self):
        return iter(self.rules.values())

    def __len__(self):
        return len(self.rules)


def load_rule_set(locations: list, kinds: dict[str, type], rule_options: dict | None = None,
                  severities: dict | None = None, config_path: str = "", origins=()) -> RuleSet:
    """Load packs from files or folders, resolve ``extends``, compile every rule.

    ``rule_options`` maps rule ids to option overrides and ``severities`` rule
    ids to severities, both from configuration; ``origins`` (``Settings.origins``)
    says where each option was written, for errors (else ``config_path``, no line).
    """
    by_path: dict[str, Pack] = {}
    order: list[Pack] = []
    names: dict[str, Pack] = {}
    for location in locations:
        for file in pack_files(location):
            key = os.path.realpath(file)
            if key in by_path:
                continue
            pack = read_pack(file)
            if pack.name in names and names[pack.name].path != pack.path:
                raise PackError(str(file), f"pack name '{pack.name}' is already used by {names[pack.name].path}",
                                field="pack")
            by_path[key] = pack
            names[pack.name] = pack
            order.append(pack)

    # extends may name a loaded pack, or a file relative to the extending pack
    def resolve(pack: Pack, ref: str) -> Pack:
        if ref in names:
            return names[ref]
        target = path_str(os.path.join(os.path.dirname(pack.path), ref))
        key = os.path.realpath(target)
        if key not in by_path:
            if not os.path.exists(target):
                raise PackError(pack.path, f"extends unknown pack or missing file {ref!r}", field="extends")
            base = read_pack(target)
            if base.name in names:
                return names[base.name]
            by_path[key] = base
            names[base.name] = base
        return by_path[key]

    result = RuleSet()
    state: dict[str, str] = {}

    def visit(pack: Pack, chain: list[str]):
        if state.get(pack.name) == "done":
            return
        if state.get(pack.name) == "active":
            cycle = " -> ".join(chain + [pack.name])
            raise PackError(pack.path, f"extends cycle: {cycle}", field="extends")
        state[pack.name] = "active"
        bases = [resolve(pack, ref) for ref in pack.extends]
        for base in bases:
            visit(base, chain + [pack.name])
        base_names = {b.name for b in bases}
        for rule in pack.rules:
            if rule.override:
                if rule.pack not in base_names and rule.id not in result.rules:
                    raise PackError(pack.path, f"rule id must start with '{pack.name}.' "
                                    "(or name a rule of a pack this one extends)",
                                    line=rule.line, rule=rule.id, field="id")
                if rule.id not in result.rules:
                    raise PackError(pack.path, "overrides a rule that does not exist",
                                    line=rule.line, rule=rule.id, field="id")
                _merge(result.rules[rule.id], rule)
            else:
                if rule.id in result.rules:
                    raise PackError(pack.path, f"duplicate rule id (also in {result.rules[rule.id].path})",
                                    line=rule.line, rule=rule.id, field="id")
                result.rules[rule.id] = rule
        result.packs[pack.name] = pack
        state[pack.name] = "done"

    for pack in order:
        visit(pack, [])

    rule_options = rule_options or {}
    severities = severities or {}
    for rule in result.rules.values():
        if rule.id in severities:
            rule.severity = severities[rule.id]
        if rule.id in rule_options:
            rule.options = {**rule.options, **rule_options[rule.id]}
        where = None
        if rule.id in rule_options:
            where = {key[2] if len(key) > 2 else None: place for key, place in origins
                     if key[:2] == ("rules", rule.id)} or ({None: (config_path, 0, "")} if config_path else None)
        compile_rule(rule, kinds, where)
    return result


def _merge(rule: Rule, override: Rule) -> None:
    for key in override.present - {"id"}:
        if key == "options":
            rule.options = {**rule.options, **override.options}
        else:
            setattr(rule, key, getattr(override, key))


def compile_rule(rule: Rule, kinds: dict[str, type], config: dict | None = None) -> None:
    """Validate a rule's kind and options and build its kind instance.

    ``config``: where configuration set this rule's options, by option name
    (``None`` for the rule's own entry) -> ``(path, line, field)``; an error in
    an option set there names that place, any other the pack's line.
    """
    kind_cls = kinds.get(rule.kind)
    line_map = getattr(rule, "option_lines", None)
    if kind_cls is None:
        known = ", ".join(sorted(kinds))
        raise PackError(rule.path, f"unknown kind {rule.kind!r} (known kinds: {known})",
                        line=rule.line, rule=rule.id, field="kind")
    if "quotes" not in getattr(rule, "present", ()):
        rule.quotes = kind_cls.QUOTES_DEFAULT
    try:
        options = validate_options(kind_cls.OPTIONS, rule.options)
        rule.impl = kind_cls(rule, options)
    except OptionError as exc:
        path, line = rule.path, rule.line
        top = exc.field.split(".")[1].split("[")[0] if "." in exc.field else None
        if config and (top in config or None in config):
            # the option came from a config, or the config's options for this rule made it invalid
            path, line, _ = config.get(top) or config[None]
        elif isinstance(line_map, LocDict):
            line = _field_line(line_map, exc.field) if top else line_map.line
        raise PackError(path, str(exc), line=line, rule=rule.id, field=exc.field) from None


def _field_line(options: LocDict, field: str) -> int:
    """The line of ``options.name[i]...`` in a rule's options as loaded: as deep as the data has lines."""
    parts = regex.findall(r"\[(\d+)\]|([^.\[\]]+)", field.split(".", 1)[1])
    node, line = options, options.line
    for index, name in parts:
        if isinstance(node, LocDict) and name and name in node:
            line, node = node.line_of(name), node[name]
        elif isinstance(node, LocList) and index and int(index) < len(node):
            line, node = node.line_of(int(index)), node[int(index)]
        else:
            break
    return line
