"""Building the plugin manager and calling hooks with isolation.

Each plugin (entry point or local file) is loaded in its own try/except, and
hooks are called one implementation at a time, so a plugin that fails to
import or raises inside a hook is recorded by name while everything else
still runs. The CLI turns recorded plugin errors into exit code 3.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pluggy

from newslint.plugins import hookspecs

ENTRY_POINT_GROUP = "newslint"
DISABLE_ENV = "NEWSLINT_DISABLE_PLUGINS"


@dataclass
class PluginError:
    plugin: str
    where: str
    message: str
    traceback: str = ""
    #: how many times the same failure happened (a broken kind fails on every article)
    count: int = 1

    def to_dict(self) -> dict:
        data = {"type": "plugin", "plugin": self.plugin, "where": self.where, "message": self.message}
        if self.count > 1:
            data["count"] = self.count
        return data

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} failed in {self.where}: {self.message}"


class PluginHost:
    """The pluggy manager plus error bookkeeping and cached registrations."""

    def __init__(self, load_entry_points: bool = True, disabled: set[str] | None = None):
        self.pm = pluggy.PluginManager("newslint")
        self.pm.add_hookspecs(hookspecs)
        self.errors: list[PluginError] = []
        self.versions: dict[str, str] = {}
        self.disabled = set(disabled or ())
        env = os.environ.get(DISABLE_ENV, "")
        self.disabled |= {name.strip() for name in env.split(",") if name.strip()}
        self._cache: dict[str, object] = {}
        from newslint.plugins import builtin

        self.pm.register(builtin, name="newslint")
        self.versions["newslint"] = builtin.VERSION
        if load_entry_points:
            self._load_entry_points()

    # -- loading -----------------------------------------------------------
    def _load_entry_points(self) -> None:
        from importlib.metadata import entry_points

        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name in self.disabled or self.pm.get_plugin(ep.name) is not None:
                continue
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
            except Exception as exc:  # noqa: BLE001 - isolate any plugin failure
                self._record(ep.name, "import", exc)
                continue
            dist = getattr(ep, "dist", None)
            self.versions[ep.name] = getattr(dist, "version", "") or ""
        self._cache.clear()

    def load_file(self, path: str | os.PathLike) -> None:
        """Load a local Python file as a plugin (config ``plugins:``)."""
        path = Path(path)
        name = path.stem
        if name in self.disabled or self.pm.get_plugin(name) is not None:
            return
        try:
            spec = importlib.util.spec_from_file_location(f"newslint_local_{name}", path)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot import {path}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module
            spec.loader.exec_module(module)
            self.pm.register(module, name=name)
        except Exception as exc:  # noqa: BLE001
            self._record(name, "import", exc)
            return
        self.versions[name] = "local " + str(path)
        self._cache.clear()

    def register(self, plugin, name: str) -> None:
        """Register an in-process plugin object (tests, embedding)."""
        self.pm.register(plugin, name=name)
        self._cache.clear()

    def _record(self, plugin: str, where: str, exc: BaseException) -> PluginError:
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return self.record(PluginError(plugin, where, f"{type(exc).__name__}: {exc}", tb))

    def record(self, error: PluginError) -> PluginError:
        """Keep one entry per distinct failure, counting repeats, so a kind that
        fails on every article is reported once, not once per article."""
        for seen in self.errors:
            if (seen.plugin, seen.where, seen.message) == (error.plugin, error.where, error.message):
                seen.count += 1
                return error
        self.errors.append(error)
        return error

    # -- calling -------------------------------------------------------------
    def call(self, hook_name: str, _errors: list | None = None, **kwargs) -> list[tuple[str, object]]:
        """Call every implementation of a hook, isolating failures.

        Returns ``(plugin_name, result)`` pairs for implementations that
        returned something other than None. Implementations receive only the
        arguments they declare, so older plugins keep working. Failures are
        recorded on the host and, when given, appended to ``_errors``.
        """
        hook = getattr(self.pm.hook, hook_name)
        results = []
        for impl in reversed(hook.get_hookimpls()):
            name = self.pm.get_name(impl.plugin) or repr(impl.plugin)
            try:
                value = impl.function(*[kwargs[arg] for arg in impl.argnames])
                if hasattr(value, "__next__"):
                    value = list(value)
            except Exception as exc:  # noqa: BLE001
                error = self._record(name, hook_name, exc)
                if _errors is not None:
                    _errors.append(error)
                continue
            if value is not None:
                results.append((name, value))
        return results

    def _collect(self, hook_name: str) -> list[tuple[str, object]]:
        if hook_name not in self._cache:
            items = []
            for name, value in self.call(hook_name):
                if isinstance(value, dict):
                    value = list(value.items())
                try:
                    items.extend((name, item) for item in value)
                except TypeError as exc:
                    self._record(name, hook_name, exc)
            self._cache[hook_name] = items
        return self._cache[hook_name]

    def kinds(self) -> dict[str, type]:
        result: dict[str, type] = {}
        for plugin, kind in self._collect("newslint_rule_kinds"):
            name = getattr(kind, "name", None)
            if not name:
                self.errors.append(PluginError(plugin, "newslint_rule_kinds", f"kind {kind!r} has no name"))
                continue
            result.setdefault(name, kind)
        return result

    def kind_owners(self) -> dict[str, list[str]]:
        return self._owners("newslint_rule_kinds", lambda k: k.name)

    def pack_paths(self) -> list[Path]:
        return [Path(p) for _, p in self._collect("newslint_pack_paths")]

    def parsers(self) -> dict[str, object]:
        """Extension -> parser; plugins win over the built-in parsers."""
        result: dict[str, object] = {}
        for plugin, parser in sorted(self._collect("newslint_parsers"), key=lambda p: p[0] == "newslint"):
            for ext in getattr(parser, "extensions", ()):
                result.setdefault(ext.lower(), parser)
        return result

    def reporters(self) -> dict[str, type]:
        result: dict[str, type] = {}
        for plugin, (name, cls) in sorted(self._collect("newslint_reporters"), key=lambda p: p[0] == "newslint"):
            result.setdefault(name, cls)
        return result

    def _owners(self, hook_name: str, key) -> dict[str, list[str]]:
        owners: dict[str, list[str]] = {}
        for plugin, item in self._collect(hook_name):
            try:
                owners.setdefault(plugin, []).append(str(key(item)))
            except Exception:  # noqa: BLE001
                continue
        return owners

    def describe(self) -> list[dict]:
        """One entry per plugin: what it registers (for ``newslint plugins``)."""
        plugins = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            plugins.append({
                "name": name,
                "version": self.versions.get(name, ""),
                "kinds": self._owners("newslint_rule_kinds", lambda k: k.name).get(name, []),
                "packs": self._owners("newslint_pack_paths", lambda p: p).get(name, []),
                "parsers": self._owners("newslint_parsers",
                                        lambda p: f"{p.name} ({' '.join(p.extensions)})").get(name, []),
                "reporters": self._owners("newslint_reporters", lambda r: r[0]).get(name, []),
            })
        return plugins
