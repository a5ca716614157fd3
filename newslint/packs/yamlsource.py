"""Safe YAML loading that remembers where every key and item came from.

Only ``yaml.SafeLoader`` is used: a ``!!python/object`` tag is an error, never
code. Mappings load as ``LocDict`` and sequences as ``LocList`` so that a
validation error can name the line of the offending field.

Parsing with line tracking is pure Python and the shipped packs take tens of
milliseconds, so ``load_yaml(text, cache_as=path)`` keeps the parsed data
(with its lines) in the user cache (``newslint.cache.cache_dir()``), in
``marshal`` form -- data only, nothing a tampered file could run -- keyed by
the text and reused only for the byte-for-byte same text. PyYAML itself is
imported only when something has to be parsed.
"""

from __future__ import annotations

import marshal
import os
import zlib

from newslint import __version__
from newslint.cache import load_marshal

_CACHE_FORMAT = 2


class LocDict(dict):
    """A dict with ``line`` (its own) and ``key_lines`` (each key's), 1-based."""

    line = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


class LocList(list):
    line = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if index < len(lines) else self.line


class YAMLError(Exception):
    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    result = LocDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise YAMLError("a mapping key must be a plain value", key_node.start_mark.line + 1) from None
        if key in result:
            raise YAMLError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node):
    result = LocList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LOADER = None


def _loader():
    global _LOADER
    if _LOADER is None:
        import yaml

        class _LocLoader(yaml.SafeLoader):
            pass

        _LocLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
        _LocLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
        _LOADER = _LocLoader
    return _LOADER


def located(node, line_offset: int = 0):
    """The value of an already composed YAML node (``yaml.compose``) as LocDict/LocList data,
    its lines shifted by ``line_offset`` (the lines before the YAML text in its file)."""
    loader = _loader()("")
    try:
        value = loader.construct_document(node)
    finally:
        loader.dispose()
    if line_offset:
        _shift(value, line_offset)
    return value


def _shift(value, offset: int) -> None:
    if isinstance(value, LocDict):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        children = value.values()
    elif isinstance(value, LocList):
        value.line += offset
        value.item_lines = [v + offset for v in value.item_lines]
        children = value
    else:
        return
    for child in children:
        _shift(child, offset)


def _encode(value):
    """LocDict/LocList trees as plain tuples for ``marshal`` (TypeError for other types, e.g. dates)."""
    if isinstance(value, LocDict):
        keys = list(value)
        return ("D", value.line, keys, [value.line_of(k) for k in keys], [_encode(v) for v in value.values()])
    if isinstance(value, LocList):
        return ("L", value.line, list(getattr(value, "item_lines", [])), [_encode(v) for v in value])
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(type(value).__name__)


def _decode(value):
    if isinstance(value, tuple):
        if value[0] == "D":
            result = LocDict(zip(value[2], map(_decode, value[4])))
            result.line = value[1]
            result.key_lines = dict(zip(value[2], value[3]))
            return result
        result = LocList(map(_decode, value[3]))
        result.line = value[1]
        result.item_lines = value[2]
        return result
    return value


def _cache_file(text: str) -> str | None:
    from newslint.cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    # named by content: the same config text in a new folder (a fresh checkout, a CI workspace)
    # is still a hit, and importing PyYAML alone costs a short run 30 ms
    data = text.encode("utf-8", "surrogatepass")
    return os.path.join(folder, "yaml", f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}.marshal")


def load_yaml(text: str, cache_as: str | None = None):
    """Parse YAML text into LocDict/LocList values; errors carry a line.

    ``cache_as``: the file the text came from (any non-None value turns the
    cache on; entries are keyed by the text itself, see the module doc). Texts
    that fail to parse are never cached.
    """
    if cache_as is None:
        return _parse(text)
    where = _cache_file(text)
    if where is not None:
        try:
            stored = load_marshal(where)
            # the whole text is stored and compared: a different file with the same name hash, or
            # an edit that keeps size and mtime, can never be served stale data
            if stored[:3] == (_CACHE_FORMAT, __version__, text):
                return _decode(stored[3])
        except (OSError, EOFError, ValueError, TypeError, IndexError):
            pass
    data = _parse(text)
    from newslint.cache import writable

    if where is not None and writable():
        try:
            blob = marshal.dumps((_CACHE_FORMAT, __version__, text, _encode(data)))
            os.makedirs(os.path.dirname(where), exist_ok=True)
            tmp = f"{where}.{os.getpid()}.tmp"
            with open(tmp, "wb") as handle:
                handle.write(blob)
            os.replace(tmp, where)
        except (OSError, TypeError, ValueError):
            pass  # a read-only cache folder or data marshal cannot hold: just no cache
    return data


def read_text(path: str, error: type[Exception], what: str) -> str:
    """The text of a pack, config or profile file (a BOM dropped); ``error(path, message)``
    when it is missing or unreadable, ``what`` naming the kind of file."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except FileNotFoundError:
        raise error(path, f"{what} file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(path, f"cannot read {what}: {exc}") from None


def load_yaml_of(text: str, path: str, error: type[Exception]):
    """``load_yaml(text, cache_as=path)``, a parse error raised as ``error`` with its line."""
    try:
        return load_yaml(text, cache_as=path)
    except YAMLError as exc:
        raise error(path, f"invalid YAML: {exc}", line=exc.line) from None


def _parse(text: str):
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except YAMLError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or str(exc)
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
            problem = f"unsafe or unknown YAML tag refused ({problem})"
        raise YAMLError(problem, line) from None
    except yaml.YAMLError as exc:
        raise YAMLError(str(exc)) from None


def load_yaml_fast(text: str):
    """Parse YAML without locations (for data where errors need no line)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
