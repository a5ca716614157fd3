"""Discovering the built-in kinds, parsers and reporters from their packages.

One module per kind (or parser, or reporter) is the convention, so adding one
is adding a file: nothing else needs editing. The built-in plugin returns
what these functions find through the ordinary hooks.
"""

from __future__ import annotations

import importlib
import pkgutil


def _modules(package_name: str):
    package = importlib.import_module(package_name)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{package_name}.{info.name}")


def classes_in(package_name: str, base: type) -> list[type]:
    """Concrete subclasses of ``base`` defined in the package's modules (with a ``name``)."""
    found = []
    for module in _modules(package_name):
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, base) and value is not base
                    and value.__module__ == module.__name__ and getattr(value, "name", "")):
                found.append(value)
    return found
