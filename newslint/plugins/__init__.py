"""The pluggy host: hookspecs, the plugin manager, and the built-in plugin
through which newslint's own kinds, packs, parsers and reporters register."""

__all__ = ["hookimpl", "hookspec"]


def __getattr__(name: str):
    # the markers on first use: importing pluggy (with ``inspect`` and ``typing``) is ~15% of a
    # cold start, and a run with no plugin installed never needs it (see PluginHost.pm)
    if name in __all__:
        from newslint.plugins import hookspecs

        return getattr(hookspecs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
