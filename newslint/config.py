"""Finding, validating and layering configuration.

Configuration lives in ``newslint.yaml``, ``.newslint.yaml`` or the
``[tool.newslint]`` table of ``pyproject.toml``, found by walking up from
each linted file. Settings are layered, later layers winning:

    house-style profile < config file < matching ``overrides`` <
    the article's front matter ``newslint:`` block < command-line flags

``select`` replaces the selection of the layer below it; ``ignore`` adds to
it; ``severity`` and ``rules`` (options per rule) merge key by key.
"""

from __future__ import annotations

import fnmatch
import os

from newslint.findings import FrozenRecord, Record, Severity
from newslint.packs.model import PackError
from newslint.packs.yamlsource import LocDict, LocList, load_yaml_of, read_text

CONFIG_FILES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")
SETTING_KEYS = {"profile", "select", "ignore", "severity", "rules"}
CONFIG_KEYS = SETTING_KEYS | {"packs", "plugins", "overrides", "fields", "timeout"}
FIELD_NAMES = {"id": "id", "headline": "headline", "dek": "dek", "byline": "byline",
               "body": "body", "captions": "captions"}


class ConfigError(PackError):
    """A configuration problem; same shape as a pack error (file, line, field)."""


class Settings(FrozenRecord):
    """The part of configuration that decides which rules run and how (immutable, hashable:
    compiled rule sets are cached by it).

    ``origins`` says where each entry was written, for error messages: sorted pairs of a key --
    ``("profile", name)``, ``("select", pattern)``, ``("ignore", pattern)``, ``("severity", id)``,
    ``("rules", id)``, ``("rules", id, option)`` -- and ``(path, line, field)``. It takes part in
    equality, so two articles' identical front matter never share an error naming the other file.
    Settings built in code (the command line's) have none."""

    __slots__ = ("profile", "select", "ignore", "severity", "rules", "origins")

    def __init__(self, profile: str | None = None, select: tuple[str, ...] | None = None,
                 ignore: tuple[str, ...] = (), severity: tuple[tuple[str, Severity], ...] = (),
                 rules: tuple[tuple[str, tuple], ...] = (), origins: tuple = ()):
        super().__init__(profile, select, ignore, severity, rules, origins)

    def merge(self, top: "Settings") -> "Settings":
        severity = dict(self.severity)
        severity.update(top.severity)
        rules = {k: dict(v) for k, v in self.rules}
        for rule_id, opts in top.rules:
            rules[rule_id] = {**rules.get(rule_id, {}), **dict(opts)}
        origins = self.origins or top.origins
        if self.origins and top.origins:
            origins = tuple(sorted({**dict(self.origins), **dict(top.origins)}.items()))
        return Settings(
            profile=top.profile or self.profile,
            select=top.select if top.select is not None else self.select,
            ignore=self.ignore + tuple(i for i in top.ignore if i not in self.ignore),
            severity=tuple(sorted(severity.items())),
            rules=tuple(sorted((k, _freeze(v)) for k, v in rules.items())),
            origins=origins,
        )

    @property
    def rule_options(self) -> dict[str, dict]:
        return {k: _thaw(v) for k, v in self.rules}

    def origin(self, *key) -> tuple[str, int, str] | None:
        """Where the entry ``key`` was written: (path, line, field), or None."""
        for found, where in self.origins:
            if found == key:
                return where
        return None


def _freeze(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("__list__",) + tuple(_freeze(v) for v in value)
    return value


def _thaw(value):
    if isinstance(value, tuple):
        if value[:1] == ("__list__",):
            return [_thaw(v) for v in value[1:]]
        return {k: _thaw(v) for k, v in value}
    return value


class Override(Record):
    """Settings for the files matching some globs (config ``overrides``)."""

    FIELDS = ("files", "settings")

    def __init__(self, files: tuple[str, ...], settings: Settings):
        self.files = files
        self.settings = settings


class Config(Record):
    """One config file as read: its settings, packs, local plugins, overrides, JSON field names
    and regex timeout (``Config()`` is the built-in default: no file)."""

    FIELDS = ("path", "settings", "packs", "plugins", "overrides", "fields", "timeout")

    def __init__(self, path: str | None = None, settings: Settings | None = None, packs: list[str] | None = None,
                 plugins: list[str] | None = None, overrides: list[Override] | None = None,
                 fields: dict | None = None, timeout: float = 1.0):
        self.path = path
        self.settings = Settings() if settings is None else settings
        self.packs = [] if packs is None else packs
        self.plugins = [] if plugins is None else plugins
        self.overrides = [] if overrides is None else overrides
        self.fields = dict(FIELD_NAMES) if fields is None else fields
        self.timeout = timeout

    def replace(self, **changes) -> "Config":
        """A copy with ``changes`` (fields shallow-copied, as ``dataclasses.replace`` does)."""
        return Config(**{**{name: getattr(self, name) for name in self.FIELDS}, **changes})

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def settings_for(self, path: str) -> Settings:
        """The settings that apply to one file, overrides included."""
        settings = self.settings
        if self.overrides:
            try:
                rel = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
            except ValueError:
                rel = path
            for override in self.overrides:
                if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(os.path.basename(path), g)
                       for g in override.files):
                    settings = settings.merge(override.settings)
        return settings


def find_config(start: str) -> str | None:
    """The nearest config file at or above ``start`` (a file or folder)."""
    folder = os.path.realpath(start)  # Path.resolve(), without importing pathlib (2.5 ms)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        for name in CONFIG_FILES:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                if name == "pyproject.toml" and not _has_tool_table(path):
                    continue
                return path
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "[tool.newslint" in handle.read()
    except OSError:
        return False


def load_config(path: str) -> Config:
    """Read and validate a config file; raise ConfigError naming file, line and field."""
    text = read_text(path, ConfigError, "config")
    if path.endswith(".toml"):
        try:
            import tomllib
        except ImportError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(text).get("tool", {}).get("newslint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(path, f"invalid TOML: {exc}") from None
    else:
        data = load_yaml_of(text, path, ConfigError)
        if data is None:
            data = {}
    return parse_config(data, path)


def _line(data, key) -> int:
    return data.line_of(key) if isinstance(data, (LocDict, LocList)) else 0


def _strings(data, key, path, where: str = "") -> tuple[str, ...]:
    value = data[key]
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, "expected a list of strings", line=_line(data, key), field=where + str(key))
    return tuple(value)


def parse_settings(data, path: str, where: str = "", allowed=SETTING_KEYS) -> Settings:
    """Validate the rule-selecting keys of a config, override, profile or front-matter block
    (``where`` prefixes the fields named in errors; keys outside ``allowed`` are an error) and
    note where each entry was written (``Settings.origins``)."""
    for key in data:
        if key not in allowed:
            raise ConfigError(path, f"unknown key (allowed: {', '.join(sorted(allowed))})",
                              line=_line(data, key), field=f"{where}{key}")
    kwargs: dict = {}
    origins: dict = {}

    def note(key: tuple, container, index, name: str) -> None:
        origins[key] = (path, _line(container, index), where + name)

    if "profile" in data:
        if not isinstance(data["profile"], str):
            raise ConfigError(path, "expected a profile name such as 'ap' or 'uk'",
                              line=_line(data, "profile"), field=where + "profile")
        kwargs["profile"] = data["profile"]
        note(("profile", data["profile"]), data, "profile", "profile")
    for key in ("select", "ignore"):
        if key in data:
            kwargs[key] = _strings(data, key, path, where)
            items = data[key]
            for i, pattern in enumerate(kwargs[key]):
                if isinstance(items, list):
                    note((key, pattern), items, i, f"{key}[{i}]")
                else:  # "a, b": the key's line
                    note((key, pattern), data, key, key)
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict):
            raise ConfigError(path, "expected a map of rule id to level", line=_line(data, "severity"),
                              field=where + "severity")
        parsed = {}
        for rule_id, level in sev.items():
            try:
                parsed[str(rule_id)] = Severity.parse(level)
            except ValueError as exc:
                raise ConfigError(path, str(exc), line=_line(sev, rule_id),
                                  field=f"{where}severity.{rule_id}") from None
            note(("severity", str(rule_id)), sev, rule_id, f"severity.{rule_id}")
        kwargs["severity"] = tuple(sorted(parsed.items()))
    if "rules" in data:
        rules = data["rules"]
        if not isinstance(rules, dict):
            raise ConfigError(path, "expected a map of rule id to a map of options",
                              line=_line(data, "rules"), field=where + "rules")
        for rule_id, options in rules.items():
            if not isinstance(options, dict):
                raise ConfigError(path, "expected a map of options (option: value)",
                                  line=_line(rules, rule_id), field=f"{where}rules.{rule_id}")
            note(("rules", str(rule_id)), rules, rule_id, f"rules.{rule_id}")
            for option in options:
                note(("rules", str(rule_id), str(option)), options, option, f"rules.{rule_id}.{option}")
        kwargs["rules"] = tuple(sorted((str(k), _freeze(dict(v))) for k, v in rules.items()))
    return Settings(**kwargs, origins=tuple(sorted(origins.items())))


def load_profile(path: str) -> Settings:
    """A house-style profile file: settings plus a ``description``."""
    data = load_yaml_of(read_text(path, ConfigError, "profile"), path, ConfigError)
    if data is None:
        return Settings()
    if not isinstance(data, dict):
        raise ConfigError(path, "a profile must be a mapping", line=1)
    if "description" in data and not isinstance(data["description"], str):
        raise ConfigError(path, "expected a string", line=_line(data, "description"), field="description")
    return parse_settings(data, path, allowed=SETTING_KEYS | {"description"})


COMMAND_LINE = "<command line>"


def check_rule_ids(settings: Settings, rule_set) -> None:
    """Raise ConfigError for an entry of ``rules``, ``severity``, ``select`` or ``ignore`` in any
    layer of ``settings`` (including a ``select`` a higher layer replaced) that names no rule or
    pack of ``rule_set``: a typo must not pass silently. The error names where it was written.

    Options (``rules``) need a loaded rule. ``severity``, ``select`` and ``ignore`` may name a pack
    that is not loaded -- a plugin's ``newslint_check`` hook may report its ids, and the plugin may
    be disabled for this run -- unless the name is a near miss of a loaded pack ("numbrs"); a
    missing rule of a loaded pack ("numbers.percnt") is always an error.
    """
    rules = rule_set.rules
    packs = set(getattr(rule_set, "packs", ())) | {r.split(".", 1)[0] for r in rules}
    entries = [key for key, _ in settings.origins if key[0] != "profile" and len(key) == 2]  # every layer's
    entries += [("rules", r) for r, _ in settings.rules] + [("severity", r) for r, _ in settings.severity]
    entries += [("select", p) for p in settings.select or ()] + [("ignore", p) for p in settings.ignore]
    difflib = None
    for key in entries:
        kind, name = key
        if name in rules or (kind in ("select", "ignore") and (name in packs or _glob_matches(name, rules))):
            continue
        pack = name.split(".", 1)[0]
        if difflib is None:
            import difflib  # only when something is amiss

        if kind != "rules" and pack not in packs and not difflib.get_close_matches(pack, packs, n=1, cutoff=0.8):
            continue
        close = difflib.get_close_matches(name, [*rules, *packs], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        message = {"rules": f"options for unknown rule {name!r}{hint}",
                   "severity": f"severity for unknown rule {name!r}{hint}"}.get(
                       kind, f"no rule or pack matches {name!r}{hint}")
        default = (COMMAND_LINE, 0, f"--{kind}" if kind in ("select", "ignore") else f"{kind}.{name}")
        path, line, field = settings.origin(*key) or default
        raise ConfigError(path, message, line=line, field=field)


def _glob_matches(pattern: str, rule_ids) -> bool:
    if not any(c in pattern for c in "*?["):
        return False
    return any(fnmatch.fnmatchcase(rule_id, pattern) for rule_id in rule_ids)


def parse_config(data, path: str) -> Config:
    if not isinstance(data, dict):
        raise ConfigError(path, "a config must be a mapping", line=1)
    base = os.path.dirname(os.path.abspath(path))
    config = Config(path=path, settings=parse_settings(data, path, allowed=CONFIG_KEYS))
    for key in ("packs", "plugins"):
        if key in data:
            setattr(config, key, [os.path.join(base, p) for p in _strings(data, key, path)])
    for entry in config.packs:
        if not os.path.exists(entry):
            raise ConfigError(path, f"pack path does not exist: {entry}", line=_line(data, "packs"), field="packs")
    for entry in config.plugins:
        if not os.path.isfile(entry):
            raise ConfigError(path, f"plugin file does not exist: {entry}", line=_line(data, "plugins"),
                              field="plugins")
    if "overrides" in data:
        overrides = data["overrides"]
        if not isinstance(overrides, list):
            raise ConfigError(path, "expected a list of {files: [...], ...} entries",
                              line=_line(data, "overrides"), field="overrides")
        for i, entry in enumerate(overrides):
            where = f"overrides[{i}]."
            if not isinstance(entry, dict) or "files" not in entry:
                raise ConfigError(path, "each override needs 'files' (a list of globs)",
                                  line=getattr(overrides, "line_of", lambda _: 0)(i), field=f"overrides[{i}]")
            settings = parse_settings(entry, path, where, allowed=SETTING_KEYS | {"files"})
            config.overrides.append(Override(_strings(entry, "files", path, where), settings))
    if "fields" in data:
        fields = data["fields"]
        if not isinstance(fields, dict) or not all(k in FIELD_NAMES and isinstance(v, str) for k, v in fields.items()):
            raise ConfigError(path, f"expected a map from {', '.join(FIELD_NAMES)} to JSON field names",
                              line=_line(data, "fields"), field="fields")
        config.fields.update(fields)
    if "timeout" in data:
        if not isinstance(data["timeout"], (int, float)) or isinstance(data["timeout"], bool) or data["timeout"] <= 0:
            raise ConfigError(path, "expected a positive number of seconds", line=_line(data, "timeout"),
                              field="timeout")
        config.timeout = float(data["timeout"])
    return config


def with_settings(config: Config, settings: Settings) -> Config:
    return config.replace(settings=config.settings.merge(settings))
