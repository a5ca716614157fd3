"""A per-user cache of compiled regular expressions, for a fast cold start.

The ``regex`` module compiles patterns in pure Python: newslint's own
patterns (speaker and title shapes, hundreds of pack rules) cost several
hundred milliseconds per process, more than everything else a short run does.
The expensive part is turning the pattern text into the engine's opcode
list; building the pattern object from that list is a fast C call. This
module keeps those opcode lists on disk (``marshal``, keyed by the pattern,
its flags and named lists, the regex and Python versions) so a later process
builds the same pattern objects without parsing anything. A changed pattern
(a pack edited, a new newslint) is a new key; stale entries are dropped when
the file is rewritten.

Only the command line turns it on (``install()`` in ``newslint.cli``), so a
library user's ``regex`` module is left alone. Anything unexpected -- an
unreadable or corrupt file, a read-only cache folder, a regex release that
changed its internals -- falls back to the normal compiler: the cache can
make newslint faster, never wrong or broken. ``NEWSLINT_NO_CACHE=1`` turns
it off; ``NEWSLINT_CACHE_DIR`` moves it (default ``$XDG_CACHE_HOME/newslint``).
"""

from __future__ import annotations

import atexit
from array import array
import gc
import marshal
import os
import sys
from _thread import RLock  # (the threading module itself is 4 ms of a cold start)

from newslint import __version__

#: entries kept in the file; per-article patterns beyond this are not recorded
MAX_ENTRIES = 3000
#: longer patterns are compiled normally (a pathological user pattern must not bloat the file)
MAX_PATTERN = 50_000
#: an entry no run used in this many writes of the file is dropped (see ``save``)
KEEP_GENERATIONS = 8
_FORMAT = 2

_lock = RLock()
_state: dict | None = None
_read_only = False


def read_only() -> None:
    """Use what is cached but write nothing (the language server must not touch the disk)."""
    global _read_only
    _read_only = True


def writable() -> bool:
    return not _read_only


def cache_dir() -> str | None:
    """The folder for newslint's caches, or None when caching is off."""
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint")


def engine_path() -> str | None:
    """The file of regex's C extension (``regex._regex``), found without importing the package."""
    from importlib.machinery import EXTENSION_SUFFIXES, PathFinder

    loaded = sys.modules.get("regex")
    if loaded is not None:
        folders = getattr(loaded, "__path__", None) or []
    else:
        spec = PathFinder.find_spec("regex")
        folders = (spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        for suffix in EXTENSION_SUFFIXES:
            path = os.path.join(folder, "_regex" + suffix)
            if os.path.isfile(path):
                return path
    return None


def _cache_file(folder: str, engine: str) -> str:
    """The cache of one regex build (its extension's name and size: the opcode format is its
    own), one Python version and one newslint version."""
    import zlib

    ver = f"{sys.version_info[0]}{sys.version_info[1]}"
    build = zlib.crc32(f"{os.path.basename(engine)}\0{os.path.getsize(engine)}".encode())
    return os.path.join(folder, f"regex-{build:08x}-py{ver}-{__version__}.marshal")


def _load_engine(path: str):
    """regex's C extension, loaded by itself when the ``regex`` package is not imported yet.

    It is registered as ``regex._regex``, so a later ``import regex`` takes this module
    instead of loading it again: the patterns built before and after are of one type."""
    loaded = sys.modules.get("regex._regex")
    if loaded is not None:
        return loaded
    from importlib.machinery import ExtensionFileLoader, ModuleSpec

    loader = ExtensionFileLoader("regex._regex", path)
    spec = ModuleSpec("regex._regex", loader, origin=path)
    spec.has_location = True
    module = loader.create_module(spec)
    loader.exec_module(module)
    for attr, value in (("__spec__", spec), ("__loader__", loader), ("__file__", path), ("__package__", "regex")):
        try:
            setattr(module, attr, value)
        except (AttributeError, TypeError):
            pass
    return sys.modules.setdefault("regex._regex", module)


class _Recorder:
    """Stands in for the ``_regex`` C module during one compile, keeping ``compile``'s arguments."""

    def __init__(self, real):
        self._real = real
        self.args = None

    def compile(self, *args):
        self.args = args
        return self._real.compile(*args)

    def __getattr__(self, name):
        return getattr(self._real, name)


#: ``regex.DEFAULT_VERSION`` (VERSION0) while the module is not imported (nothing can have changed it)
_DEFAULT_VERSION = 0x2000


def _key(pattern, flags, kwargs):
    lists = ()
    if kwargs:
        lists = tuple(sorted((k, tuple(sorted(v))) for k, v in kwargs.items()))
    real = sys.modules.get("regex")
    version = int(getattr(real, "DEFAULT_VERSION", _DEFAULT_VERSION)) if real is not None else _DEFAULT_VERSION
    return (pattern, int(flags), version, lists)


def _pack(args: tuple) -> tuple:
    """``_regex.compile``'s arguments in a form ``marshal`` loads fast: the opcode list as bytes."""
    code = args[2]
    if all(0 <= c < 2**32 for c in code):
        code = array("I", code).tobytes()
    # flags come as RegexFlag members, which do not marshal
    return tuple(code if i == 2 else int(a) if isinstance(a, int) else a for i, a in enumerate(args))


def _unpack(args: tuple) -> tuple:
    code = args[2]
    if isinstance(code, bytes):
        code = array("I", code).tolist()
    return (args[0], args[1], code, *args[3:])


def _through_cache(key, owner, attr: str, compile_normally, storable=lambda args: True):
    """The pattern for ``key``: already built in this process, rebuilt from its stored
    opcode list with one C call, or compiled normally while ``owner.attr`` (the C module
    that builds pattern objects) is replaced by a recorder that keeps what it was given."""
    entries = _state["entries"]
    with _lock:
        built = _state["built"].get(key)
        if built is not None:
            return built
        args = entries.get(key)
        if args is not None:
            try:
                compiled = getattr(owner, attr).compile(*_unpack(args))
            except Exception:  # noqa: BLE001 - a stale or foreign entry: compile normally
                entries.pop(key, None)
            else:
                _state["built"][key] = compiled
                _state["used"].add(key)
                return compiled
        recorder = _Recorder(getattr(owner, attr))
        setattr(owner, attr, recorder)
        try:
            compiled = compile_normally()
        finally:
            setattr(owner, attr, recorder._real)
        args = recorder.args
        if args is not None:
            args = _pack(args)
        if (args is not None and len(entries) < MAX_ENTRIES and storable(args)
                and os.getpid() == _state["pid"]):
            try:
                marshal.dumps(args)
            except ValueError:
                pass
            else:
                entries[key] = args
                _state["used"].add(key)
                _state["new"] += 1
        _state["built"][key] = compiled
        return compiled


def load_marshal(path: str):
    """``marshal.load`` of a whole file, fast: one read (``marshal.load`` on a file object reads
    item by item, 4x slower on the 1.7 MB pattern cache), and no garbage collection while the
    tens of thousands of tuples it builds -- none of them cyclic -- are allocated."""
    with open(path, "rb") as f:
        blob = f.read()
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(blob)
    finally:
        if enabled:
            gc.enable()


def install() -> bool:
    """Route ``regex`` compilation through the cache (idempotent). False when off or unusable."""
    global _state
    if _state is not None:
        return True
    folder = cache_dir()
    engine = engine_path() if folder is not None else None
    if engine is None:
        return False
    path = _cache_file(folder, engine)
    entries: dict = {}
    last_used: dict = {}
    generation = 0
    try:
        data = load_marshal(path)
        if isinstance(data, dict) and data.get("format") == _FORMAT:
            entries = data["entries"]
            # (absent from files an older newslint wrote: its entries count as used now)
            last_used = data.get("last_used") or {}
            generation = int(data.get("generation") or 0)
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        entries = {}
    if not isinstance(last_used, dict):
        last_used = {}
    _state = {"path": path, "folder": folder, "entries": entries, "used": set(), "new": 0,
              "built": {}, "pid": os.getpid(), "engine_path": engine, "engine": None,
              "hooked": False, "last_used": last_used, "generation": generation, "workers": False}
    if "regex._main" in sys.modules:
        hook_regex()
    _install_stdlib_re()
    atexit.register(save)
    return True


def holds(pattern, flags, kwargs) -> bool:
    """Whether ``built_pattern`` can build this pattern from the cache (``newslint.rx`` then builds
    it on first use: ``LazyPattern``)."""
    state = _state
    if state is None or not isinstance(pattern, str):
        return False
    try:
        key = _key(pattern, flags, kwargs)
        if key in state["entries"]:
            state["used"].add(key)  # (asked for: kept in the file, built or not)
            return True
        return key in state["built"]
    except TypeError:
        return False


def built_pattern(pattern, flags, kwargs):
    """The pattern object for ``regex.compile(pattern, flags, **kwargs)`` if this process built
    it already or the cache holds its opcode list, else None (``newslint.rx`` then compiles
    it with the module). Needs no ``import regex``: the C extension builds it."""
    state = _state
    if state is None or not isinstance(pattern, str):
        return None
    try:
        key = _key(pattern, flags, kwargs)
        built = state["built"].get(key)
    except TypeError:  # unhashable or unsortable named lists
        return None
    if built is not None:
        return built
    with _lock:
        args = state["entries"].get(key)
        if args is None:
            return None
        engine = state["engine"]
        if engine is None:
            try:
                engine = state["engine"] = _load_engine(state["engine_path"])
            except Exception:  # noqa: BLE001 - no extension to load by itself: the module's way
                state["entries"] = {}
                return None
        try:
            compiled = engine.compile(*_unpack(args))
        except Exception:  # noqa: BLE001 - a stale or foreign entry: compile normally
            state["entries"].pop(key, None)
            return None
        state["built"][key] = compiled
        state["used"].add(key)
        return compiled


def hook_regex() -> None:
    """Make the imported ``regex`` module compile through the cache (idempotent): what it
    compiles anew is recorded for the next run. Called once the module is imported."""
    state = _state
    if state is None or state["hooked"]:
        return
    with _lock:
        if state["hooked"]:
            return
        state["hooked"] = True
        import regex
        import regex._main as rx_main

        if not hasattr(rx_main, "_compile") or not hasattr(rx_main, "_regex"):
            return  # a regex release that changed its internals: no recording
        original = rx_main._compile
        state["original"] = original
        # as ints: an operation on two RegexFlag members is a Python call (~1 us; 700+ compiles a run)
        not_cached, locale = int(regex.DEBUG | regex.LOCALE), int(regex.LOCALE)

        def cached_compile(pattern, flags, ignore_unused, kwargs, cache_it):
            if (not cache_it or not isinstance(pattern, str) or len(pattern) > MAX_PATTERN
                    or int(flags) & not_cached):
                return original(pattern, flags, ignore_unused, kwargs, cache_it)
            try:
                key = _key(pattern, flags, kwargs)
                hash(key)
            except TypeError:  # named lists of unhashable or unsortable things
                return original(pattern, flags, ignore_unused, kwargs, cache_it)
            return _through_cache(key, rx_main, "_regex",
                                  lambda: original(pattern, flags, ignore_unused, kwargs, cache_it),
                                  storable=lambda args: not int(args[1]) & locale)

        rx_main._compile = cached_compile


def _install_stdlib_re() -> None:
    """The same for the standard ``re`` module (argparse, html.parser, json and the Markdown parser
    compile about a hundred patterns per run): its compiler's result is ``_sre.compile``'s arguments."""
    import re

    compiler = getattr(re, "_compiler", None)  # Python 3.11+; 3.10 keeps its compiler as is
    if compiler is None or not hasattr(compiler, "_sre") or not hasattr(compiler, "compile"):
        return
    original = compiler.compile
    not_cached = int(re.DEBUG | re.LOCALE)

    def cached_re_compile(p, flags=0):
        if not isinstance(p, str) or len(p) > MAX_PATTERN or int(flags) & not_cached:
            return original(p, flags)
        key = ("re", p, int(flags))
        return _through_cache(key, compiler, "_sre", lambda: original(p, flags))

    compiler.compile = cached_re_compile


def remembered(namespace: str, key, compute, depends: tuple[str, ...] = ()):
    """``compute()``, kept in the pattern cache by ``(namespace, key)``: for a costly pure
    function of ``key`` whose result marshals (the cast translates its patterns for the ``re``
    module: ~9 ms a run). ``depends`` names the files whose code or data the result comes
    from; their size and modification time are part of the key, so an edit recomputes.
    Without the cache (off, or newslint used as a library) it is just ``compute()``."""
    state = _state
    if state is None:
        return compute()
    stamps = state.setdefault("stamps", {})
    signature = []
    for path in depends:
        stamp = stamps.get(path)
        if stamp is None:
            try:
                st = os.stat(path)
                stamp = stamps[path] = (st.st_size, st.st_mtime_ns)
            except (OSError, TypeError, ValueError):
                return compute()
        signature.append(stamp)
    full = ("memo", namespace, key, tuple(signature))
    entries = state["entries"]
    with _lock:
        value = entries.get(full)
        if value is not None:
            state["used"].add(full)
            return value
    value = compute()
    with _lock:
        if len(entries) < MAX_ENTRIES and os.getpid() == state["pid"]:
            try:
                marshal.dumps(value)
            except ValueError:
                return value
            entries[full] = value
            state["used"].add(full)
            state["new"] += 1
    return value


def workers_started() -> None:
    """This process forks workers: patterns only they use are never counted as used here, so
    its write of the file must not drop entries for going unused (see ``save``)."""
    if _state is not None:
        _state["workers"] = True


def _worth_a_write(entries: dict) -> int:
    """How many droppable entries make a write worth it when nothing new was compiled."""
    return max(32, len(entries) // 4)


def save() -> None:
    """Write the cache if this process compiled anything new, or if much of it can go.

    Each write is a new *generation*, and every entry remembers the last
    generation whose run used it. Entries no run used in the last
    ``KEEP_GENERATIONS`` writes are dropped: the patterns of an edited pack
    or of an older newslint do not pile up (the whole file is read at every
    start: 2 MB of them cost 5-10 ms), while those of another profile or
    input format, which a run that compiles nothing new never rewrites,
    stay for a while. A run with worker processes ages nothing (it cannot see
    what they used). An entry of a file an older newslint wrote has no age:
    it stays only if the run that writes used it. Once the file nears
    ``MAX_ENTRIES`` only the ones this run used survive.
    """
    state = _state
    if state is None or os.getpid() != state["pid"] or _read_only:
        return
    if not state["new"] and len(state["entries"]) - len(state["used"]) < _worth_a_write(state["entries"]):
        return  # (at most that many could go: not worth looking)
    with _lock:
        entries = state["entries"]
        generation = state["generation"] + 1
        last_used = state["last_used"]
        used = state["used"]
        workers = state["workers"]

        def stays(key) -> bool:
            if key in used:
                return True
            if key not in last_used:
                return False  # no age (an older newslint's file) and this run did not use it
            return workers or generation - last_used[key] < KEEP_GENERATIONS

        keep = {k: v for k, v in entries.items() if stays(k)}
        if not state["new"] and len(entries) - len(keep) < _worth_a_write(entries):
            return  # nothing new, and not much to drop: not worth a write
        for key in used:
            last_used[key] = generation
        if len(keep) > MAX_ENTRIES * 0.8:
            keep = {k: entries[k] for k in used if k in entries}
        stamps = {k: last_used[k] for k in keep}
        state["new"] = 0
        state["generation"] = generation
    try:
        os.makedirs(state["folder"], exist_ok=True)
        tmp = f"{state['path']}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            marshal.dump({"format": _FORMAT, "entries": keep, "last_used": stamps, "generation": generation}, f)
        os.replace(tmp, state["path"])
    except (OSError, ValueError):
        try:
            os.unlink(tmp)  # noqa: F821 - defined when the failure came after open
        except (OSError, NameError):
            pass


def longest_first(item: str) -> tuple:
    """Sort key for the words of an alternation: longest first (what the regex needs), then
    alphabetical, so the pattern text is the same in every process. Python's set order
    changes with hash randomisation, and this cache is keyed by pattern text."""
    return (-len(item), item)


# -- plugin entry points ------------------------------------------------------------


class _CachedEntryPoint:
    """An entry point read from the cache: what ``PluginHost`` uses of ``importlib.metadata.EntryPoint``."""

    def __init__(self, name: str, value: str, dist_name: str, dist_version: str):
        self.name, self.value = name, value
        self.dist = type("Dist", (), {"name": dist_name, "version": dist_version})() if dist_name else None

    def load(self):
        import importlib

        module, _, attrs = self.value.partition(":")
        obj = importlib.import_module(module.strip())
        for attr in filter(None, attrs.split("[")[0].strip().split(".")):  # "mod:obj [extra]"
            obj = getattr(obj, attr)
        return obj


#: bump when the entry-point cache's layout changes
_EP_FORMAT = 2
#: sys.path entries remembered besides the current ones (``python -m`` from other folders, PYTHONPATH)
_EP_KEEP_OTHER = 32
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


def _stamp(entry: str) -> int:
    try:
        return os.stat(entry).st_mtime_ns
    except OSError:
        return 0


def _scan_entry(entry: str, group: str) -> list:
    """The distributions ``importlib.metadata`` finds on one ``sys.path`` entry, in its order, as
    ``(normalized name, [(entry point, value, distribution, version), ...])`` for ``group``.

    A folder without a ``*.dist-info`` or ``*.egg-info`` inside holds none (the working folder
    of ``python -m newslint``, a source tree): that is told from its listing, without importing
    ``importlib.metadata`` (15-40 ms with the email and zipfile modules it pulls in).
    """
    if not os.path.isdir(entry):
        if not os.path.exists(entry):
            return []
        names = None  # a zip or egg file: importlib.metadata reads it
    else:
        try:
            names = os.listdir(entry)
        except OSError:
            return []
    if names is not None and not entry.lower().endswith(".egg") and not any(
            n.lower().endswith(_METADATA_SUFFIXES) for n in names):
        return []
    from importlib.metadata import distributions

    found = []
    for dist in distributions(path=[entry]):
        norm = getattr(dist, "_normalized_name", None) or (dist.metadata["Name"] or "")
        eps = [(ep.name, ep.value, dist.name or "", dist.version or "")
               for ep in dist.entry_points if ep.group == group]
        found.append((norm, eps))
    return found


def entry_points(group: str) -> list:
    """``importlib.metadata.entry_points(group=group)``, from a cache kept per ``sys.path`` entry.

    Importing ``importlib.metadata`` and scanning every installed distribution
    costs 20-40 ms per run. Each ``sys.path`` folder's distributions are
    cached with the folder's modification time (installing, upgrading or
    removing a package changes its site-packages folder), so a new or removed
    plugin is seen on the next run, and only a changed folder is read again.
    As in ``importlib.metadata``, the first distribution of a name on
    ``sys.path`` wins.
    """
    folder = cache_dir()
    # one file per Python environment: two virtualenvs must not keep overwriting each other's
    import zlib

    env = zlib.crc32(f"{sys.prefix}\0{sys.executable}".encode("utf-8", "surrogatepass"))
    path = os.path.join(folder, f"entry-points-{__version__}-{env:08x}.marshal") if folder else None
    stored: dict = {}
    if path:
        try:
            data = load_marshal(path)
            if data[0] == _EP_FORMAT and data[1] == group and isinstance(data[2], dict):
                stored = data[2]
        except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError):
            stored = {}
    current: dict = {}
    changed = False
    for raw in sys.path:
        entry = os.path.abspath(raw or ".")  # "bin/../lib" and "lib" are one folder
        if entry in current:
            continue
        stamp = _stamp(entry)
        record = stored.get(entry)
        if not (isinstance(record, tuple) and len(record) == 2 and record[0] == stamp):
            record = (stamp, _scan_entry(entry, group))
            changed = True
        current[entry] = record
    seen: set = set()
    found = []
    for _, dists in current.values():
        for norm, eps in dists:
            if norm in seen:
                continue
            seen.add(norm)
            found.extend(_CachedEntryPoint(*item) for item in eps)
    if path and changed and not _read_only:
        others = [(k, v) for k, v in stored.items() if k not in current][-_EP_KEEP_OTHER:]
        try:
            os.makedirs(folder, exist_ok=True)
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "wb") as f:
                marshal.dump((_EP_FORMAT, group, dict(others + list(current.items()))), f)
            os.replace(tmp, path)
        except (OSError, ValueError):
            pass
    return found
