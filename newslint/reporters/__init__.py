"""Output formats. Each reporter streams: ``start()``, ``file(result)`` as each
file finishes, ``finish(summary)``. One module per format; a ``Reporter``
subclass with a ``name`` (the ``--format`` value) is registered by the
built-in plugin through the ``newslint_reporters`` hook."""


def builtin_reporters() -> dict:
    from newslint.registry import classes_in
    from newslint.reporters.base import Reporter

    return {cls.name: cls for cls in classes_in("newslint.reporters", Reporter)}
