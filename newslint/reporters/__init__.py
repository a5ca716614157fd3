"""Output formats. Each reporter streams: ``start()``, ``file(result)`` as each
file finishes, ``finish(summary)``. Reporters register through the
``newslint_reporters`` hook, the built-in ones included."""


def builtin_reporters() -> dict:
    from newslint.reporters.json import JSONReporter
    from newslint.reporters.text import TextReporter

    reporters = {"text": TextReporter, "json": JSONReporter}
    return reporters
