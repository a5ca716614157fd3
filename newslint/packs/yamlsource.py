"""Safe YAML loading that remembers where every key and item came from.

Only ``yaml.SafeLoader`` is used: a ``!!python/object`` tag is an error, never
code. Mappings load as ``LocDict`` and sequences as ``LocList`` so that a
validation error can name the line of the offending field.
"""

from __future__ import annotations

import yaml

try:  # the C loader is much faster; fall back to pure Python
    _Base = yaml.CSafeLoader  # type: ignore[attr-defined]
    _HAS_C = True
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader
    _HAS_C = False


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


class _LocLoader(yaml.SafeLoader):
    pass


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


_LocLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LocLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(text: str):
    """Parse YAML text into LocDict/LocList values; errors carry a line."""
    try:
        return yaml.load(text, Loader=_LocLoader)  # noqa: S506 - a SafeLoader subclass
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
    return yaml.load(text, Loader=yaml.CSafeLoader if _HAS_C else yaml.SafeLoader)  # noqa: S506
