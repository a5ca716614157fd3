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
from dataclasses import dataclass, field, replace

from newslint.findings import FrozenRecord, Record, Severity
from newslint.packs.model import PackError
from newslint.packs.yamlsource import LocDict, YAMLError, load_yaml

CONFIG_FILES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")
SETTING_KEYS = {"profile", "select", "ignore", "severity", "rules"}
CONFIG_KEYS = SETTING_KEYS | {"packs", "plugins", "overrides", "fields", "timeout"}
FIELD_NAMES = {"id": "id", "headline": "headline", "dek": "dek", "byline": "byline",
               "body": "body", "captions": "captions"}


class ConfigError(PackError):
    """A configuration problem; same shape as a pack error (file, line, field)."""


class Settings(FrozenRecord):
    """The part of configuration that decides which rules run and how (immutable, hashable:
    compiled rule sets are cached by it)."""

    __slots__ = ("profile", "select", "ignore", "severity", "rules")

    def __init__(self, profile: str | None = None, select: tuple[str, ...] | None = None,
                 ignore: tuple[str, ...] = (), severity: tuple[tuple[str, Severity], ...] = (),
                 rules: tuple[tuple[str, tuple], ...] = ()):
        super().__init__(profile, select, ignore, severity, rules)

    def merge(self, top: "Settings") -> "Settings":
        severity = dict(self.severity)
        severity.update(top.severity)
        rules = {k: dict(v) for k, v in self.rules}
        for rule_id, opts in top.rules:
            rules[rule_id] = {**rules.get(rule_id, {}), **dict(opts)}
        return Settings(
            profile=top.profile or self.profile,
            select=top.select if top.select is not None else self.select,
            ignore=self.ignore + tuple(i for i in top.ignore if i not in self.ignore),
            severity=tuple(sorted(severity.items())),
            rules=tuple(sorted((k, _freeze(v)) for k, v in rules.items())),
        )

    @property
    def rule_options(self) -> dict[str, dict]:
        return {k: _thaw(v) for k, v in self.rules}


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


@dataclass
class Config:
    path: str | None = None
    settings: Settings = field(default_factory=Settings)
    packs: list[str] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    fields: dict = field(default_factory=lambda: dict(FIELD_NAMES))
    timeout: float = 1.0

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
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise ConfigError(path, "config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot read config: {exc}") from None
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
        try:
            data = load_yaml(text, cache_as=path)
        except YAMLError as exc:
            raise ConfigError(path, f"invalid YAML: {exc}", line=exc.line) from None
        if data is None:
            data = {}
    return parse_config(data, path)


def _line(data, key) -> int:
    return data.line_of(key) if isinstance(data, LocDict) else 0


def _strings(data, key, path) -> tuple[str, ...]:
    value = data[key]
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, "expected a list of strings", line=_line(data, key), field=key)
    return tuple(value)


def parse_settings(data, path: str, where: str = "") -> Settings:
    """Validate the rule-selecting keys of a config, override or front-matter block."""
    kwargs: dict = {}
    if "profile" in data:
        if not isinstance(data["profile"], str):
            raise ConfigError(path, "expected a profile name such as 'ap' or 'uk'",
                              line=_line(data, "profile"), field=where + "profile")
        kwargs["profile"] = data["profile"]
    if "select" in data:
        kwargs["select"] = _strings(data, "select", path)
    if "ignore" in data:
        kwargs["ignore"] = _strings(data, "ignore", path)
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
        kwargs["severity"] = tuple(sorted(parsed.items()))
    if "rules" in data:
        rules = data["rules"]
        if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
            raise ConfigError(path, "expected a map of rule id to a map of options",
                              line=_line(data, "rules"), field=where + "rules")
        kwargs["rules"] = tuple(sorted((str(k), _freeze(dict(v))) for k, v in rules.items()))
    return Settings(**kwargs)


def parse_config(data, path: str) -> Config:
    if not isinstance(data, dict):
        raise ConfigError(path, "a config must be a mapping", line=1)
    for key in data:
        if key not in CONFIG_KEYS:
            raise ConfigError(path, f"unknown key (config keys: {', '.join(sorted(CONFIG_KEYS))})",
                              line=_line(data, key), field=str(key))
    base = os.path.dirname(os.path.abspath(path))
    config = Config(path=path, settings=parse_settings(data, path))
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
            for key in entry:
                if key not in SETTING_KEYS | {"files"}:
                    raise ConfigError(path, "unknown key in override", line=_line(entry, key), field=where + key)
            files = _strings(entry, "files", path)
            config.overrides.append(Override(files, parse_settings(entry, path, where)))
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
    return replace(config, settings=config.settings.merge(settings))
