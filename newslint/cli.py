"""The ``newslint`` command: lint files, and inspect rules, people and plugins.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it
(or a file that could not be read); 2 a usage, config or pack error; 3 an
internal error or a crashed plugin.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
COMMANDS = ("rules", "explain", "cast", "plugins", "lsp")


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it (COLUMNS, then the terminal, then 80)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


_help_formatter_class = None


def _help_formatter():
    """argparse's formatter, sized without importing ``shutil``: argparse builds one for every
    ``add_argument`` to check it, and ``shutil`` (with the compression modules it imports)
    costs 3-5 ms of a 100 ms cold start. Defined on first use: a plain ``newslint FILES``
    never imports argparse (see ``_plain_paths``)."""
    global _help_formatter_class
    if _help_formatter_class is None:
        import argparse

        class HelpFormatter(argparse.HelpFormatter):
            __doc__ = _help_formatter.__doc__

            def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
                super().__init__(prog, indent_increment, max_help_position,
                                 _columns() - 2 if width is None else width)

        HelpFormatter.__qualname__ = "HelpFormatter"
        _help_formatter_class = HelpFormatter
    return _help_formatter_class


def __getattr__(name: str):
    if name == "HelpFormatter":  # ``from newslint.cli import HelpFormatter`` (the commands)
        return _help_formatter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _common(parser) -> None:
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    parser.add_argument("--no-config", action="store_true", help="ignore config files")
    parser.add_argument("--profile", help="house-style profile (default: ap; shipped: ap, ap-strict, uk)")
    parser.add_argument("--no-plugins", action="store_true", help="load no third-party or local plugins")


def lint_parser():
    import argparse

    p = argparse.ArgumentParser(
        prog="newslint", formatter_class=_help_formatter(),
        description="An editorial style linter for news copy. Also: newslint rules | explain RULE | "
                    "cast FILE | plugins | lsp",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; - reads stdin")
    p.add_argument("--format", action="append", metavar="NAME[:PATH]",
                   help="output format (text, json, ...); repeat for several; NAME:PATH writes to a file")
    p.add_argument("--select", action="append", metavar="RULES", help="only these rules (ids, globs, packs; comma-separated)")
    p.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning",
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip matching paths")
    p.add_argument("--stdin-filename", metavar="NAME", help="name (and format) of the text read from -")
    fix = p.add_mutually_exclusive_group()
    fix.add_argument("--fix", action="store_true",
                     help="apply safe fixes in place, then report what is left (stdin: fixed text to stdout)")
    fix.add_argument("--diff", action="store_true",
                     help="print the fixes as a unified diff, write nothing; exit 1 if there is anything to fix")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="parallel processes (default: 1, or all cores for large batches)")
    p.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary when clean")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _common(p)
    return p


#: ``lint_parser().parse_args(paths)`` for a command line of paths alone (tests/test_cli_fast_path.py
#: keeps the two equal)
_LINT_DEFAULTS = {"format": None, "select": None, "ignore": None, "fail_on": "warning", "exclude": [],
                  "stdin_filename": None, "fix": False, "diff": False, "jobs": None, "quiet": False,
                  "color": "auto", "config": None, "no_config": False, "profile": None, "no_plugins": False}


def _plain_paths(argv: list[str]):
    """The parsed arguments when every one is a path (``newslint story.txt``), without argparse
    (2-3 ms to import and build the parser); None when there is anything for argparse to do."""
    if not argv or any(not arg or arg[0] == "-" for arg in argv):
        return None
    from types import SimpleNamespace

    return SimpleNamespace(paths=list(argv), **{k: list(v) if isinstance(v, list) else v
                                                for k, v in _LINT_DEFAULTS.items()})


def _split(values) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _die(message: str, code: int = EXIT_USAGE) -> int:
    sys.stderr.write(f"newslint: {message}\n")
    return code


def main(argv: list[str] | None = None) -> int:
    """The command line. Called without ``argv`` (the ``newslint`` command, ``python -m newslint``)
    it ends the process itself when done (``_exit``); with ``argv`` it returns the exit code."""
    global _COMMAND
    _COMMAND = argv is None
    code = _main(list(sys.argv[1:] if argv is None else argv))
    if argv is None:
        _exit(code)
    return code


#: main() runs as the command (it ends the process itself, flushing stdout), not in process
_COMMAND = False


def _exit(code: int) -> None:
    """End the process without tearing the interpreter down: the streams are flushed and the
    ``atexit`` handlers run (the pattern cache is saved), but the thousands of objects startup
    built are not freed one by one, which is a sixth of a short run (20 ms)."""
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:  # not CPython: the ordinary exit
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    run_exit_handlers()
    os._exit(code)


def _main(argv: list[str]) -> int:
    # startup (imports, packs, compiled rules) allocates thousands of long-lived objects and no
    # garbage: the collector would only walk them over and over (see _startup_done)
    collecting = gc.isenabled()
    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        from newslint import cache

        if argv[:1] == ["lsp"]:
            cache.read_only()  # the language server reads the caches but writes nothing
        cache.install()  # compiled patterns from earlier runs: the cold start is mostly regex compilation
        if argv and argv[0] in COMMANDS:
            from newslint import commands

            _startup_done(collecting)
            return getattr(commands, "cmd_" + argv[0])(argv[1:])
        args = _plain_paths(argv)
        return run_lint(lint_parser().parse_args(argv) if args is None else args, collecting)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    finally:
        if not frozen:  # main() called in process (tests): its objects are collectable again
            gc.unfreeze()
        if collecting:
            gc.enable()


def _startup_done(collecting: bool = True) -> None:
    """Turn the collector back on, with what startup built moved out of its way (``gc.freeze``):
    the compiled rules live as long as the process, and forked workers then share those pages
    instead of copying them when a collection touches their headers."""
    gc.freeze()
    if collecting:
        gc.enable()


def make_session(args):
    """The plugin host and a config resolver shared by lint and the commands."""
    from newslint.config import Settings
    from newslint.plugins.manager import PluginHost
    from newslint.session import Session

    cli = Settings(profile=getattr(args, "profile", None), select=_split(getattr(args, "select", None)),
                   ignore=_split(getattr(args, "ignore", None)) or ())
    host = PluginHost(load_entry_points=not args.no_plugins)
    return Session(host, cli, config_path=args.config, use_config=not args.no_config,
                   local_plugins=not args.no_plugins)


def run_lint(args, collecting: bool = True) -> int:
    from newslint.config import ConfigError
    from newslint.packs.model import PackError

    if not args.paths:
        lint_parser().print_usage(sys.stderr)
        return _die("no paths given (use - for stdin)")
    try:
        session = make_session(args)
        # configs first: their local plugins may add formats
        session.prepare(args.paths, args.stdin_filename, args.exclude)
        reporters = session.reporters(args.format or ["text"], args)
    except (ConfigError, PackError) as exc:
        return _die(str(exc))
    except ValueError as exc:
        return _die(str(exc))
    _startup_done(collecting)
    if _COMMAND:
        _buffer_report()
    return session.run(args, reporters)


def _buffer_report() -> None:
    """Let the report collect in the text stream's buffer when it goes to a file or a pipe.

    With ``PYTHONUNBUFFERED`` set (as many containers and CI images do) every write is a
    system call: the JSON report is ~2 per file, 1,300 for 600 files, more than the rest
    of what the parent process does while its workers lint. A terminal still gets each
    write at once; ``_exit`` flushes what is left. Only for the command itself: a caller
    of ``main(argv)`` keeps its streams as they are."""
    stream = sys.stdout
    try:
        if stream is sys.__stdout__ and getattr(stream, "write_through", False) and not stream.isatty():
            stream.reconfigure(write_through=False)
    except (AttributeError, ValueError, OSError):
        pass
