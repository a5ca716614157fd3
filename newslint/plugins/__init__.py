"""The pluggy host: hookspecs, the plugin manager, and the built-in plugin
through which newslint's own kinds, packs, parsers and reporters register."""

from newslint.plugins.hookspecs import hookimpl, hookspec

__all__ = ["hookimpl", "hookspec"]
