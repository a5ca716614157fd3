"""A command-line run: which config applies to which file, linting in one or
more processes, streaming results to the reporters, and the exit code."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping

from newslint.article.source import SourceError, decode
from newslint.config import Config, Settings, find_config, load_config
from newslint.discovery import expand_paths
from newslint.engine import FileResult, Linter
from newslint.findings import Severity
from newslint.plugins.manager import PluginHost
from newslint.reporters.base import ReportFeed

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: batches at least this large use every core unless -j says otherwise
AUTO_PARALLEL_FILES = 64

_WORKER_SESSION: "Session | None" = None


class Session:
    def __init__(self, host: PluginHost, cli: Settings, config_path: str | None = None,
                 use_config: bool = True, local_plugins: bool = True):
        self.host = host
        self.cli = cli
        self.config_path = config_path
        self.use_config = use_config
        self.local_plugins = local_plugins
        self._linters: dict[str | None, Linter] = {}
        self._config_for_dir: dict[str, str | None] = {}
        self._config_for_path: dict[str, str | None] = {}
        self.files: list[tuple[str, str | None]] = []
        self.stdin_name: str | None = None
        #: --fix: fix files in place (stdin: the fixed text goes to stdout)
        self.fix_mode = False
        self.stdin_fixed: bytes | None = None

    # -- configuration --------------------------------------------------------
    def config_file_for(self, path: str) -> str | None:
        if self.config_path:
            return self.config_path
        if not self.use_config:
            return None
        # asked for each file twice (prepare, then lint): remembered by the path as given too
        found = self._config_for_path.get(path, False)
        if found is not False:
            return found
        full = os.path.abspath(path)
        folder = full if os.path.isdir(full) else os.path.dirname(full)
        if folder not in self._config_for_dir:
            self._config_for_dir[folder] = find_config(folder)
        found = self._config_for_path[path] = self._config_for_dir[folder]
        return found

    def linter(self, config_file: str | None) -> Linter:
        if config_file not in self._linters:
            config = load_config(config_file) if config_file else Config()
            if not self.local_plugins:
                config.plugins = []
            self._linters[config_file] = Linter(self.host, config, self.cli)
        return self._linters[config_file]

    def linter_for(self, path: str) -> Linter:
        return self.linter(self.config_file_for(path))

    def reporters(self, formats: list[str], args):
        available = self.host.reporters()
        built = []
        for spec in formats:
            name, _, target = spec.partition(":")
            if name not in available:
                raise ValueError(f"unknown format {name!r} (available: {', '.join(sorted(available))})")
            built.append((name, target or None))
        color = getattr(args, "color", "auto")
        tty = sys.stdout.isatty()
        self._reporter_specs = (built, {
            "quiet": getattr(args, "quiet", False),
            "color": color == "always" or (color == "auto" and tty and not os.environ.get("NO_COLOR")),
            "context": tty or color == "always",
            "fail_on": getattr(args, "fail_on", "warning"),
        })
        return built

    def prepare(self, paths: list[str], stdin_filename: str | None, exclude=()) -> None:
        """Expand paths and load every config they need (config errors surface here)."""
        self.stdin_name = stdin_filename
        self.files = list(expand_paths(paths, exclude))
        by_folder: dict[str, str | None] = {}  # files are never folders: one lookup per folder as written
        for path, error in self.files:
            if error is None:
                if path == "-":
                    self.linter_for(stdin_filename or ".")
                    continue
                folder = os.path.dirname(path)
                if folder not in by_folder:
                    by_folder[folder] = self.config_file_for(path)
                self._config_for_path[path] = by_folder[folder]
                self.linter(by_folder[folder])
        if not self._linters:
            self.linter(self.config_file_for("."))

    def rule_catalog(self) -> "RuleCatalog":
        """Every rule the run's configs know, by id, for reporters (``options["rules"]``)."""
        return RuleCatalog(self)

    # -- running ---------------------------------------------------------------
    def lint_one(self, path: str, error: str | None) -> FileResult:
        if error is not None:
            return FileResult(path, error=error)
        if path == "-":
            name = self.stdin_name or "<stdin>"
            data = sys.stdin.buffer.read()
            try:
                source = decode(data, name)
            except SourceError as exc:
                if self.fix_mode:
                    self.stdin_fixed = data  # an editor piping through --fix must get its text back
                return FileResult(name, error=str(exc))
            linter = self.linter_for(self.stdin_name or ".")
            if self.fix_mode:
                from newslint.fixes import encode, fix_source

                outcome = fix_source(linter, source, name)
                self.stdin_fixed = encode(outcome.text, source.bom)
                outcome.result.fixed = outcome.applied
                return outcome.result
            return linter.lint_source(source, name)
        if self.fix_mode:
            from newslint.fixes import fix_path

            return fix_path(self.linter_for(path), path, write=True)[0]
        return self.linter_for(path).lint_path(path)

    def results(self, jobs: int | None, keep_source: bool):
        files = self.files
        if jobs is None:
            jobs = (os.cpu_count() or 1) if len(files) >= AUTO_PARALLEL_FILES else 1
        jobs = max(1, min(jobs, len(files) or 1, 61))
        if jobs == 1 or any(p == "-" for p, _ in files) or not hasattr(os, "fork"):
            for path, error in files:
                yield self.lint_one(path, error)
            return
        from newslint import parallel  # not on the one-process path: pickle and signal are 2-4 ms to import

        global _WORKER_SESSION
        _WORKER_SESSION = self
        # the analysis layers are imported on first use: import them once here, not in every worker
        import newslint.article.cast  # noqa: F401
        import newslint.article.quotations  # noqa: F401
        import newslint.article.sentences  # noqa: F401
        import newslint.article.tokens  # noqa: F401
        from newslint import cache
        from newslint.article import quotations
        from newslint.article.parsers import LazyParser  # built-in parsers are imported on first use too

        quotations._build_attribution_patterns()  # built on first use, like the parsers below
        newslint.article.cast.prepare_patterns()  # the cast's re twins, likewise
        from newslint import rx

        rx.build_all()  # the cached patterns, which a short run builds only as it uses them
        cache.workers_started()

        parsers = self.host.parsers()
        for ext in {os.path.splitext(p)[1].lower() for p, _ in files}:
            parser = parsers.get(ext) or parsers.get(".txt")
            if isinstance(parser, LazyParser):
                parser.load()

        # a worker inherits the streams' buffers: empty them, or what they hold is written twice
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        tasks = [(start, end, keep_source) for start, end in parallel.guided_chunks(len(files), jobs)]
        # a worker's linters keep their findings in each file's result: the report feed they stream
        # to takes findings only in the process that built it (ReportFeed.begin). The parent lints
        # too (``local``): on two cores, one fork, and its share crosses no pipe
        chunks = parallel.forked_map(_lint_chunk, tasks, jobs, local=self._lint_chunk_here)
        try:
            for results in chunks:
                yield from results
        finally:
            chunks.close()

    def _lint_chunk_here(self, task) -> list[FileResult]:
        """``_lint_chunk`` in the parent of a parallel run, as a worker runs it: findings stay in
        each file's result (streamed to the report now, they would come before the files ahead of
        them) and plugin errors start from none (``run`` records each file's on the host)."""
        linters = list(self._linters.values())
        sinks = [linter.stream_to for linter in linters]
        host = self.host
        recorded = list(host.errors)
        host.errors.clear()
        for linter in linters:
            linter.stream_to = None
        try:
            return _lint_chunk(task)
        finally:
            host.errors[:] = recorded + host.errors
            for linter, sink in zip(linters, sinks):
                linter.stream_to = sink

    def run(self, args, reporter_specs) -> int:
        if getattr(args, "diff", False):
            from newslint.fixes import run_diff

            return run_diff(self)
        self.fix_mode = bool(getattr(args, "fix", False))
        built, options = self._reporter_specs
        available = self.host.reporters()
        opened = []
        reporters = []
        # fixing stdin prints the fixed text on stdout, so the report goes to stderr; reporters write
        # as files come, so it is held (one document) and follows the run's own messages there
        import io

        held = io.StringIO() if self.fix_mode and any(p == "-" for p, _ in self.files) else None
        default_stream = sys.stdout if held is None else held
        catalog = self.rule_catalog()
        for name, target in built:
            stream = open(target, "w", encoding="utf-8") if target else default_stream
            if target:
                opened.append(stream)
            reporters.append(available[name](stream, dict(options, target=target, rules=catalog)))
        fixed = fixed_files = 0
        feed = ReportFeed(reporters, Severity.parse(args.fail_on))
        started = time.perf_counter()
        # a JSON Lines file's findings reach the reporters as each article is done (--fix needs
        # a file's findings whole: it lints again after fixing)
        linters = [] if self.fix_mode else list(self._linters.values())
        try:
            feed.start()
            for linter in linters:
                linter.stream_to = feed
            for result in self.results(args.jobs, keep_source=options["context"]):
                for error in result.plugin_errors:
                    self.host.record(error)
                fixed += result.fixed
                fixed_files += result.fixed > 0
                feed.file(result)
            if self.stdin_fixed is not None:
                sys.stdout.flush()
                sys.stdout.buffer.write(self.stdin_fixed)
                sys.stdout.buffer.flush()
            if self.fix_mode and fixed:
                sys.stderr.write(f"newslint: fixed {fixed} finding{'s' * (fixed != 1)} in {fixed_files} "
                                 f"file{'s' * (fixed_files != 1)}\n")
            summary = feed.summary
            summary.elapsed = time.perf_counter() - started
            summary.errors = [e.to_dict() for e in self.host.errors]
            for error in self.host.errors:
                sys.stderr.write(f"newslint: {error}\n")
                if error.traceback:
                    sys.stderr.write(error.traceback)
            feed.finish()
        finally:
            for linter in linters:
                linter.stream_to = None
            for stream in opened:
                stream.close()
            if held is not None:
                sys.stderr.write(held.getvalue())
            sys.stdout.flush()
        if feed.internal or self.host.errors:
            return EXIT_INTERNAL
        return EXIT_FINDINGS if feed.failed else EXIT_OK


class RuleCatalog(Mapping):
    """Rules by id across every config of the run, built on first use.

    The active rules of each config come first (their severity is the one
    the config gives); rules only a front-matter block or ``select`` turns
    on are looked up in the full rule sets.
    """

    def __init__(self, session: "Session"):
        self._session = session
        self._rules: dict | None = None

    def _load(self) -> dict:
        if self._rules is None:
            rules: dict = {}
            linters = list(self._session._linters.values())
            for linter in linters:
                for rule in linter.rules_for(linter._settings(linter.config.settings)):
                    rules.setdefault(rule.id, rule)
            for linter in linters:
                for rule in linter.all_rules:
                    rules.setdefault(rule.id, rule)
            self._rules = rules
        return self._rules

    def active(self) -> list:
        """The rules some config turns on, sorted by id."""
        seen: dict = {}
        for linter in self._session._linters.values():
            for rule in linter.rules_for(linter._settings(linter.config.settings)):
                seen.setdefault(rule.id, rule)
        return [seen[k] for k in sorted(seen)]

    def __getitem__(self, rule_id):
        return self._load()[rule_id]

    def __iter__(self):
        return iter(self._load())

    def __len__(self):
        return len(self._load())


def _lint_chunk(task) -> list[FileResult]:
    """In a worker: the results of files ``[start, end)`` of the session."""
    start, end, keep_source = task
    session = _WORKER_SESSION
    results = []
    for path, error in session.files[start:end]:
        result = session.lint_one(path, error)
        if not keep_source:
            result.source = None
        # the parent records these on its own host, so they are reported once, with tracebacks
        result.plugin_errors = list(session.host.errors)
        session.host.errors.clear()
        results.append(result)
    return results
