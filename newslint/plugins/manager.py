"""Building the plugin manager and calling hooks with isolation.

Each plugin (entry point or local file) is loaded in its own try/except, and
hooks are called one implementation at a time, so a plugin that fails to
import or raises inside a hook is recorded by name while everything else
still runs. What a hook returns is checked too: a plugin returning garbage
(a kind that is not a ``RuleKind``, a finding past the end of the text) is
recorded the same way and its bad items are dropped, so the failure shows up
by name instead of as a crash deep inside the engine. The CLI turns recorded
plugin errors into exit code 3.
"""

from __future__ import annotations

import importlib.util
import os
import sys

from newslint.findings import Record
from newslint.plugins import builtin

ENTRY_POINT_GROUP = "newslint"
DISABLE_ENV = "NEWSLINT_DISABLE_PLUGINS"


class PluginError(Record):
    FIELDS = ("plugin", "where", "message", "traceback", "count")

    def __init__(self, plugin: str, where: str, message: str, traceback: str = "", count: int = 1):
        self.plugin = plugin
        self.where = where
        self.message = message
        self.traceback = traceback
        #: how many times the same failure happened (a broken kind fails on every article)
        self.count = count

    def to_dict(self) -> dict:
        data = {"type": "plugin", "plugin": self.plugin, "where": self.where, "message": self.message}
        if self.count > 1:
            data["count"] = self.count
        if self.traceback:
            data["traceback"] = self.traceback
        return data

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} failed in {self.where}: {self.message}"


class PluginHost:
    """The pluggy manager plus error bookkeeping and cached registrations.

    The manager is built on first need (``pm``): until a plugin other than the built-in one is
    loaded, hooks are the built-in plugin's functions, called directly."""

    def __init__(self, load_entry_points: bool = True, disabled: set[str] | None = None):
        self._pm = None
        self.errors: list[PluginError] = []
        self.versions: dict[str, str] = {}
        #: where each plugin came from: "built-in", "entry point of <dist>", "file <path>"
        self.origins: dict[str, str] = {"newslint": "built-in"}
        #: plugins found but not loaded because they are disabled
        self.skipped: list[str] = []
        self.disabled = set(disabled or ())
        env = os.environ.get(DISABLE_ENV, "")
        self.disabled |= {name.strip() for name in env.split(",") if name.strip()}
        self._cache: dict[str, object] = {}
        self.versions["newslint"] = builtin.VERSION
        if load_entry_points:
            self._load_entry_points()

    @property
    def pm(self):
        """The pluggy manager, with the hookspecs and the built-in plugin registered.

        Built when a plugin is loaded or registered (or someone asks for it): importing pluggy,
        with the ``inspect`` and ``typing`` modules it needs, is ~15% of a cold start, which a
        run with no plugin installed does not have to pay."""
        if self._pm is None:
            import pluggy

            from newslint.plugins import hookspecs

            pm = pluggy.PluginManager("newslint")
            pm.add_hookspecs(hookspecs)
            for name in builtin.HOOKS:
                hookspecs.hookimpl(getattr(builtin, name))
            pm.register(builtin, name="newslint")
            self._pm = pm
        return self._pm

    def _has_plugin(self, name: str) -> bool:
        return name == "newslint" or (self._pm is not None and self._pm.get_plugin(name) is not None)

    # -- loading -----------------------------------------------------------
    def _load_entry_points(self) -> None:
        from newslint.cache import entry_points  # cached: importlib.metadata is slow to import

        for ep in entry_points(ENTRY_POINT_GROUP):
            dist = getattr(ep, "dist", None)
            dist_name = getattr(dist, "name", None) or ""
            if self._has_plugin(ep.name):
                continue
            if ep.name in self.disabled or dist_name in self.disabled:
                self.skipped.append(ep.name)
                continue
            self.versions[ep.name] = getattr(dist, "version", "") or ""
            self.origins[ep.name] = f"entry point of {dist_name}" if dist_name else "entry point"
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
            except Exception as exc:  # noqa: BLE001 - isolate any plugin failure
                self._record(ep.name, "import", exc)
                continue
            self._check_hook_names(ep.name, plugin)
        self._cache.clear()

    def load_file(self, path: str | os.PathLike) -> None:
        """Load a local Python file as a plugin (config ``plugins:``)."""
        from pathlib import Path  # only with local plugins: pathlib is 2.5 ms of a cold start

        path = Path(path)
        name = path.stem
        if self._has_plugin(name):
            return
        if name in self.disabled:
            if name not in self.skipped:
                self.skipped.append(name)
            return
        self.origins[name] = f"file {path}"
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
        self.versions[name] = str(getattr(module, "__version__", "") or "")
        self._check_hook_names(name, module)
        self._cache.clear()

    def register(self, plugin, name: str) -> None:
        """Register an in-process plugin object (tests, embedding)."""
        self.pm.register(plugin, name=name)
        self.origins.setdefault(name, "registered in process")
        self._check_hook_names(name, plugin)
        self._cache.clear()

    def _check_hook_names(self, name: str, plugin) -> None:
        """A ``newslint_*`` implementation with no spec is a typo or a hook from a newer
        newslint; either way it would never be called, so say so (pluggy's
        ``optionalhook=True`` marks one the plugin knows may be missing)."""
        for caller in self.pm.get_hookcallers(plugin) or ():
            if caller.spec is not None:
                continue
            for impl in caller.get_hookimpls():
                if impl.plugin is plugin and not impl.optionalhook:
                    from newslint.plugins import hookspecs

                    known = ", ".join(sorted(n for n in dir(hookspecs) if n.startswith("newslint_")))
                    self.record(PluginError(name, "register", f"implements unknown hook {caller.name} "
                                            f"(known hooks: {known})", _location(impl.function)))

    def _record(self, plugin: str, where: str, exc: BaseException) -> PluginError:
        import traceback  # only on failures: a 1.5 ms import

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
        validate = _VALIDATORS.get(hook_name)
        results = []
        for name, function, argnames in self._implementations(hook_name):
            before = _before(hook_name, kwargs)
            try:
                value = function(*[kwargs[arg] for arg in argnames])
                if hasattr(value, "__next__"):
                    value = list(value)
            except Exception as exc:  # noqa: BLE001
                error = self._record(name, hook_name, exc)
                if _errors is not None:
                    _errors.append(error)
                continue
            if validate is not None:
                value, problems = validate(value, kwargs, before)
                for problem in problems:
                    error = self.record(PluginError(name, hook_name, problem, _location(function)))
                    if _errors is not None:
                        _errors.append(error)
            if value is not None:
                results.append((name, value))
        return results

    def _implementations(self, hook_name: str) -> list[tuple[str, object, tuple[str, ...]]]:
        """``(plugin name, function, argument names)`` for each implementation of a hook, in the
        order pluggy calls them (the last registered first)."""
        if self._pm is None:
            if hook_name not in builtin.HOOKS:
                return []
            function = getattr(builtin, hook_name)
            code = function.__code__
            return [("newslint", function, code.co_varnames[:code.co_argcount])]
        hook = getattr(self._pm.hook, hook_name)
        return [(self._pm.get_name(impl.plugin) or repr(impl.plugin), impl.function, tuple(impl.argnames))
                for impl in reversed(hook.get_hookimpls())]

    def _collect(self, hook_name: str) -> list[tuple[str, object]]:
        if hook_name not in self._cache:
            items = []
            for name, value in self.call(hook_name):
                items.extend((name, item) for item in value)
            self._cache[hook_name] = items
        return self._cache[hook_name]

    def kinds(self) -> dict[str, type]:
        """Kind name -> class. Names are unique: the first registration (the built-in
        plugin, then plugins in load order) keeps a name, a later one is an error."""
        if "kinds" in self._cache:
            return dict(self._cache["kinds"])
        result: dict[str, type] = {}
        for plugin, kind in self._kinds_in_order():
            if kind.name in result and result[kind.name] is not kind:
                self.record(PluginError(plugin, "newslint_rule_kinds",
                                        f"kind name {kind.name!r} is already registered by "
                                        f"{self._kind_owner(kind.name)!r}; rename the kind"))
                continue
            result[kind.name] = kind
        self._cache["kinds"] = result
        return dict(result)

    def _kinds_in_order(self) -> list[tuple[str, type]]:
        """(plugin, kind) pairs in registration order: the built-in plugin first."""
        names = ["newslint"] if self._pm is None else [name for name, _ in self._pm.list_name_plugin()]
        order = {name: i for i, name in enumerate(names)}
        return sorted(self._collect("newslint_rule_kinds"), key=lambda p: order.get(p[0], len(order)))

    def _kind_owner(self, name: str) -> str:
        return next((plugin for plugin, kind in self._kinds_in_order() if kind.name == name), "?")

    def kind_owners(self) -> dict[str, list[str]]:
        """Plugin -> the kind names it owns (a kind that lost a name clash is not listed)."""
        first: dict[str, str] = {}
        for plugin, kind in self._kinds_in_order():
            first.setdefault(kind.name, plugin)
        owners: dict[str, list[str]] = {}
        for name in self.kinds():
            owners.setdefault(first[name], []).append(name)
        return owners

    def pack_paths(self) -> list[str]:
        """The pack files and folders plugins name, spelled as ``str(pathlib.Path(p))``."""
        from newslint.packs.loader import path_str

        return [path_str(p) for _, p in self._collect("newslint_pack_paths")]

    def parsers(self) -> dict[str, object]:
        """Extension -> parser; plugins win over the built-in parsers (worked out once: the
        engine asks for every file)."""
        if "parser-map" not in self._cache:
            result: dict[str, object] = {}
            for plugin, parser in sorted(self._collect("newslint_parsers"), key=lambda p: p[0] == "newslint"):
                for ext in getattr(parser, "extensions", ()):
                    result.setdefault(ext.lower(), parser)
            self._cache["parser-map"] = result
        return dict(self._cache["parser-map"])

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
        kinds = self.kind_owners()
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            plugins.append({
                "name": name,
                "version": self.versions.get(name, ""),
                "origin": self.origins.get(name, ""),
                "kinds": kinds.get(name, []),
                "packs": self._owners("newslint_pack_paths", lambda p: p).get(name, []),
                "parsers": self._owners("newslint_parsers",
                                        lambda p: f"{p.name} ({' '.join(p.extensions)})").get(name, []),
                "reporters": self._owners("newslint_reporters", lambda r: r[0]).get(name, []),
            })
        return plugins


# -- checking what hooks return ---------------------------------------------------
def _location(function) -> str:
    """A one-frame traceback pointing at a hook implementation (for garbage returns)."""
    import inspect

    function = inspect.unwrap(function)
    code = getattr(function, "__code__", None)
    if code is None:
        return ""
    return (f'  File "{code.co_filename}", line {code.co_firstlineno}, in {code.co_name}\n'
            "    (the hook implementation that returned it)\n")


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _items(value, what: str, problems: list[str], allow_single=()) -> list:
    """``value`` as a list; a str, bytes, number or other non-iterable is a problem."""
    if value is None:
        return []
    if allow_single and isinstance(value, allow_single):
        return [value]
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        problems.append(f"returned {_short(value)}, expected a list of {what}")
        return []
    return list(value)


def _before(hook_name: str, kwargs: dict):
    if hook_name == "newslint_enrich_article":
        return len(getattr(kwargs.get("article"), "people_extra", None) or ())
    return None


def _validate_kinds(value, kwargs, before):
    from newslint.kinds.base import RuleKind

    problems: list[str] = []
    good = []
    for kind in _items(value, "RuleKind subclasses", problems):
        if not (isinstance(kind, type) and issubclass(kind, RuleKind)):
            problems.append(f"kind {_short(kind)} is not a subclass of newslint.kinds.RuleKind")
        elif not isinstance(kind.name, str) or not kind.name.strip():
            problems.append(f"kind {kind.__qualname__} has no name")
        else:
            good.append(kind)
    return good, problems


def _validate_pack_paths(value, kwargs, before):
    problems: list[str] = []
    good = []
    for item in _items(value, "pack files or folders", problems, allow_single=(str, os.PathLike)):
        if not isinstance(item, (str, os.PathLike)):
            problems.append(f"pack path {_short(item)} is not a str or path")
        elif not os.path.exists(item):
            problems.append(f"pack path does not exist: {item}")
        else:
            good.append(item)
    return good, problems


def _validate_parsers(value, kwargs, before):
    problems: list[str] = []
    good = []
    for parser in _items(value, "parsers", problems):
        exts = getattr(parser, "extensions", None)
        if not isinstance(getattr(parser, "name", None), str) or not callable(getattr(parser, "parse", None)):
            problems.append(f"parser {_short(parser)} needs a 'name' and a 'parse(source, options)' method")
        elif isinstance(exts, str) or not exts or not all(isinstance(e, str) and e.startswith(".") for e in exts):
            problems.append(f"parser {parser.name!r}: 'extensions' must be a list such as ['.docx']")
        else:
            good.append(parser)
    return good, problems


def _validate_reporters(value, kwargs, before):
    problems: list[str] = []
    if isinstance(value, dict):
        value = list(value.items())
    good = []
    for item in _items(value, "(format name, reporter class) pairs", problems):
        if not (isinstance(item, tuple) and len(item) == 2):
            problems.append(f"reporter entry {_short(item)} is not a (format name, class) pair")
        elif not isinstance(item[0], str) or not item[0].strip() or ":" in item[0]:
            problems.append(f"reporter name {_short(item[0])} is not a format name")
        elif not isinstance(item[1], type):
            problems.append(f"reporter {item[0]!r} is {_short(item[1])}, expected a class")
        else:
            good.append(item)
    return good, problems


def _validate_enrich(value, kwargs, before):
    """Entries appended to ``article.people_extra`` need a name; bad ones are removed."""
    article = kwargs.get("article")
    people = getattr(article, "people_extra", None)
    problems: list[str] = []
    if not isinstance(people, list) or before is None:
        return None, problems
    added = people[before:]
    bad = [p for p in added
           if not isinstance(getattr(p, "name", None) or (p.get("name") if isinstance(p, dict) else None), str)]
    for p in bad:
        problems.append(f"added {_short(p)} to article.people_extra; expected a KnownPerson with a name")
    if bad:
        people[before:] = [p for p in added if not any(p is b for b in bad)]
    return None, problems


def _validate_check(value, kwargs, before):
    from newslint.findings import Finding

    problems: list[str] = []
    article = kwargs.get("article")
    size = len(article.source.text) if article is not None else None
    good = []
    for finding in _items(value, "Finding objects", problems, allow_single=(Finding,)):
        if not isinstance(finding, Finding):
            problems.append(f"yielded {_short(finding)}, expected a newslint.findings.Finding")
        elif not isinstance(finding.rule, str) or "." not in finding.rule:
            problems.append(f"finding rule {_short(finding.rule)} is not a rule id such as 'house.weekday'")
        elif not (isinstance(finding.offset, int) and isinstance(finding.length, int)
                  and 0 <= finding.offset and finding.length >= 0
                  and (size is None or finding.offset + finding.length <= size)):
            problems.append(f"finding {finding.rule} at offset {finding.offset!r}+{finding.length!r} "
                            f"is outside the text ({size} characters)")
        else:
            good.append(finding)
    return good, problems


_VALIDATORS = {
    "newslint_rule_kinds": _validate_kinds,
    "newslint_pack_paths": _validate_pack_paths,
    "newslint_parsers": _validate_parsers,
    "newslint_reporters": _validate_reporters,
    "newslint_enrich_article": _validate_enrich,
    "newslint_check": _validate_check,
}
