"""Discovering the built-in kinds, parsers and reporters from their packages.

One module per kind (or parser, or reporter) is the convention, so adding one
is adding a file: nothing else needs editing. The built-in plugin returns
what these functions find through the ordinary hooks.
"""

from __future__ import annotations

import importlib
import os


def _module_name(entry: str, suffixes) -> str | None:
    """``inspect.getmodulename``: the module a file name is, if any."""
    for suffix in suffixes:
        if entry.endswith(suffix):
            return entry[: -len(suffix)]
    return None


def module_names(package_name: str, path) -> list[str]:
    """The public modules of a package (no leading underscore), sorted: what ``pkgutil.iter_modules``
    finds in a folder, from its listing (without importing pkgutil); anything else goes to pkgutil."""
    from importlib.machinery import all_suffixes

    suffixes = sorted(all_suffixes(), key=len, reverse=True)
    names = set()
    for folder in path:
        try:
            entries = os.listdir(folder)
        except OSError:
            import pkgutil

            names.update(info.name for info in pkgutil.iter_modules([folder]))
            continue
        for entry in entries:
            name = _module_name(entry, suffixes)
            if name is None and "." not in entry and os.path.isdir(os.path.join(folder, entry)):
                try:
                    inside = os.listdir(os.path.join(folder, entry))
                except OSError:
                    continue
                if any(_module_name(f, suffixes) == "__init__" for f in inside):
                    name = entry
            if name and "." not in name and name != "__init__":
                names.add(name)
    return sorted(n for n in names if not n.startswith("_"))


def _modules(package_name: str):
    package = importlib.import_module(package_name)
    for name in module_names(package_name, package.__path__):
        yield importlib.import_module(f"{package_name}.{name}")


def _defined_in(value: type, module) -> bool:
    """``value`` is defined in ``module``, or in a module of it when it is a package (a pack
    split one idea per module, ``newslint.news.titles``, re-exports its kinds from there)."""
    where = value.__module__
    return where == module.__name__ or (hasattr(module, "__path__") and where.startswith(module.__name__ + "."))


def classes_in(package_name: str, base: type) -> list[type]:
    """Concrete subclasses of ``base`` defined in the package's modules (with a ``name``)."""
    found = []
    for module in _modules(package_name):
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, base) and value is not base
                    and _defined_in(value, module) and getattr(value, "name", "")):
                found.append(value)
    return found
