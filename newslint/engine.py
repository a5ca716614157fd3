"""One lint run: parse -> article -> enrich -> rules -> suppress -> sorted findings.

``Linter`` holds everything that depends on configuration (plugins, packs,
compiled rules) and lints sources with it. Rule sets are compiled once per
distinct set of settings and cached, so a folder of articles under one
config compiles its packs once.
"""

from __future__ import annotations

import os

from newslint.article.furniture import furniture_blocks
from newslint.article.model import Article
from newslint.article.source import LineStream, Source, SourceError, open_line_stream, read_source
from newslint.config import COMMAND_LINE, Config, ConfigError, Settings, check_rule_ids, load_profile, parse_settings
from newslint.findings import Finding, Fix, Record, Severity
from newslint.kinds.base import CheckContext, RuleTimeout
from newslint.packs.loader import RuleSet, load_rule_set, path_str
from newslint.packs.model import PackError, Rule
from newslint.plugins.manager import PluginError, PluginHost
from newslint.suppression import SuppressionReader, parse_suppressions, rule_matches, suppressions_from

DEFAULT_PROFILE = "ap"
#: a file bigger than this (except streamed JSON Lines) is reported, not linted: no article is 16 MB,
#: and a run must not spend minutes (or gigabytes) on one hostile file
MAX_DOCUMENT_BYTES = 16 * 2**20


class FileResult(Record):
    """What linting one file produced."""

    FIELDS = ("path", "findings", "error", "errors", "articles", "words", "fixed", "source", "plugin_errors")
    REPR = FIELDS[:-2]

    def __init__(self, path: str, findings: list[Finding] | None = None, error: str | None = None,
                 errors: list[dict] | None = None, articles: int = 0, words: int = 0, fixed: int = 0,
                 source: Source | None = None, plugin_errors: list | None = None):
        self.path = path
        self.findings = [] if findings is None else findings
        #: why the file could not be linted at all (unreadable, not UTF-8, ...)
        self.error = error
        #: problems while linting: timed-out rules, crashed plugins
        self.errors = [] if errors is None else errors
        self.articles = articles
        self.words = words
        #: findings fixed by --fix in this file (the findings listed are those left)
        self.fixed = fixed
        #: the decoded source, for reporters that show context (not serialised)
        self.source = source
        #: plugin failures raised in a worker process, handed to the parent's host
        self.plugin_errors = [] if plugin_errors is None else plugin_errors

    def to_dict(self) -> dict:
        data = {"path": self.path, "findings": [f.to_dict() for f in self.findings]}
        data.update(self.problems_dict())
        return data

    def problems_dict(self) -> dict:
        """The keys of ``to_dict`` after ``findings``: ``error`` and ``errors`` when there are any."""
        data = {}
        if self.error is not None:
            data["error"] = self.error
        if self.errors:
            data["errors"] = self.errors
        return data


class FindingSink:
    """Where a streamed file's findings go as each article is done (``Linter.stream_to``).

    The session's ``newslint.reporters.base.ReportFeed`` is one: it hands them on to the reporters,
    so a 100,000-article JSON Lines file is never held as findings either.
    """

    def begin(self, result: FileResult) -> bool:
        """A streamed file starts (``result`` has its path and source, nothing else yet). True to
        take its findings article by article through ``add``: ``result.findings`` then stays empty."""
        return False

    def add(self, result: FileResult, findings: list[Finding]) -> None:
        """One article's findings: suppressed ones dropped, sorted; articles come in file order."""


class _Placeholders(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def format_message(template: str, **values) -> str:
    try:
        return template.format_map(_Placeholders(values))
    except (ValueError, IndexError, AttributeError):
        return template


class Linter:
    """Lints sources under one configuration."""

    #: a ``FindingSink`` that takes the findings of a streamed JSON Lines file (``lint_path``) as
    #: each article is done, instead of ``FileResult.findings``; None: every finding is kept
    stream_to: FindingSink | None = None

    def __init__(self, host: PluginHost, config: Config | None = None, cli: Settings | None = None):
        self.host = host
        self.config = config or Config()
        self.cli = cli or Settings()
        for plugin in self.config.plugins:
            host.load_file(plugin)
        self.kinds = host.kinds()
        self.pack_locations = [*host.pack_paths(), *map(path_str, self.config.packs)]
        self._rule_sets: dict[Settings, list[Rule]] = {}
        self._compiled: dict[tuple, RuleSet] = {}
        self._profiles: dict[str, Settings] = {}
        self._merged: dict[tuple, Settings] = {}
        self._kind_plugin = {name: plugin for plugin, names in host.kind_owners().items() for name in names}
        # compile the default rule set now, so pack errors surface before any file
        self.rules_for(self._settings(self.config.settings))
        for override in self.config.overrides:  # and each override's, so their errors do too
            self.rules_for(self._settings(self.config.settings, override.settings))

    # -- rules ----------------------------------------------------------------
    def profile(self, name: str, settings: Settings | None = None) -> Settings:
        """A house-style profile: a config overlay in a pack location's ``profiles/``."""
        if name not in self._profiles:
            for location in self.pack_locations:
                candidate = path_str(os.path.join(location, "profiles", f"{name}.yaml"))
                if os.path.isfile(candidate):
                    self._profiles[name] = load_profile(candidate)
                    break
            else:
                if name != DEFAULT_PROFILE:
                    from pathlib import Path  # only for this message

                    known = sorted({p.stem for loc in self.pack_locations
                                    for p in (Path(loc) / "profiles").glob("*.yaml")})
                    where = settings.origin("profile", name) if settings else None
                    path, line, field = where or (COMMAND_LINE, 0, "--profile")
                    raise ConfigError(path, f"unknown profile {name!r} (known: {', '.join(known) or 'none'})",
                                      line=line, field=field)
                self._profiles[name] = Settings()
        return self._profiles[name]

    def _settings(self, *layers: Settings) -> Settings:
        """The profile, then ``layers``, then the command line, merged (cached: every article of a
        folder asks with the same layers)."""
        key = (layers, self.cli)
        found = self._merged.get(key)
        if found is None:
            merged = Settings()
            for layer in (*layers, self.cli):
                merged = merged.merge(layer)
            profile = merged.profile or DEFAULT_PROFILE
            found = self._merged[key] = self.profile(profile, merged).merge(merged)
        return found

    def rule_set(self, settings: Settings) -> RuleSet:
        """The compiled packs under these settings' options and severities (cached:
        settings that differ only in select/ignore share one compilation)."""
        key = (settings.rules, settings.severity)
        if key not in self._compiled:
            try:
                self._compiled[key] = load_rule_set(self.pack_locations, self.kinds, settings.rule_options,
                                                    dict(settings.severity), self.config.path or "",
                                                    settings.origins)
            except PackError as exc:
                raise _with_failed_kinds(exc, self.host.errors) from None
        return self._compiled[key]

    def rules_for(self, settings: Settings) -> list[Rule]:
        """The active rules for fully merged settings (cached)."""
        if settings not in self._rule_sets:
            rules = self.rule_set(settings)
            check_rule_ids(settings, rules)  # a typo in an id or pattern of any layer is an error
            self._rule_sets[settings] = [
                rule for rule in rules
                if (settings.select is None or rule_matches(rule.id, settings.select))
                and not rule_matches(rule.id, settings.ignore)
            ]
        return self._rule_sets[settings]

    @property
    def all_rules(self) -> RuleSet:
        return self.rule_set(self._settings(self.config.settings))

    # -- linting ----------------------------------------------------------
    def parse(self, source: Source, display_path: str | None = None, errors: list | None = None) -> list[Article]:
        """Articles of a source; a parser may append ``{"type": "parse", ...}`` problems to ``errors``
        (a skipped bad JSON Lines record) without failing the whole file."""
        parsers = self.host.parsers()
        ext = os.path.splitext(display_path or source.path)[1].lower()
        parser = parsers.get(ext) or parsers[".txt"]
        return parser.parse(source, {"fields": self.config.fields, "errors": errors if errors is not None else []})

    def iter_articles(self, source: Source, display_path: str | None = None, errors: list | None = None):
        """Like ``parse``, but streamed when the parser has ``iter_parse`` (JSON Lines): one article
        at a time, so a 100,000-article file is never held as articles."""
        parsers = self.host.parsers()
        ext = os.path.splitext(display_path or source.path)[1].lower()
        parser = parsers.get(ext) or parsers[".txt"]
        options = {"fields": self.config.fields, "errors": errors if errors is not None else []}
        if isinstance(source, LineStream):
            return parser.iter_stream(source, options)
        if hasattr(parser, "iter_parse"):
            return parser.iter_parse(source, options)
        return parser.parse(source, options)

    def lint_path(self, path: str) -> FileResult:
        parser = self.host.parsers().get(os.path.splitext(path)[1].lower())
        if not hasattr(parser, "iter_parse"):  # JSON Lines archives are streamed: any size
            try:
                size = os.path.getsize(path)
            except OSError:
                size = 0  # read_source reports it
            if size > MAX_DOCUMENT_BYTES:
                return FileResult(path, error=f"too large to lint as one document ({size / 2**20:.1f} MB; "
                                              f"the limit is {MAX_DOCUMENT_BYTES // 2**20} MB): split it, "
                                              "or give an archive as JSON Lines")
        try:
            # JSON Lines is read line by line (flat memory); a file with lone \r line ends is read whole
            source = (open_line_stream(path) if hasattr(parser, "iter_stream") else None) or read_source(path)
        except SourceError as exc:
            return FileResult(path, error=str(exc))
        return self.lint_source(source)

    def with_settings(self, settings: Settings) -> "Linter":
        """This linter with ``settings`` layered on top, like command-line flags.

        A shallow copy: plugins, packs and the compiled-rules cache are shared
        (the cache is keyed by fully merged settings, so sharing is safe).
        """
        import copy

        clone = copy.copy(self)
        clone.cli = self.cli.merge(settings)
        return clone

    def lint_text(self, text: str, path: str = "case.txt", settings: Settings | None = None) -> FileResult:
        """Lint a string as the file ``path`` (its extension picks the parser).

        ``settings`` is an extra top layer, e.g. ``Settings(select=("usage.*",))``.
        """
        linter = self.with_settings(settings) if settings is not None else self
        return linter.lint_source(Source(path=path, text=text))

    def lint_source(self, source: Source | LineStream, display_path: str | None = None) -> FileResult:
        streamed = isinstance(source, LineStream)  # a JSON Lines file read line by line (lint_path)
        result = FileResult(display_path or source.path, source=source.lines() if streamed else source)
        suppressions = base = None
        articles = None
        # a streamed file's findings can leave as each article is done: its articles come in file
        # order, one line each, and its suppression comments are read before the lines they cover
        sink = self.stream_to if streamed else None
        if sink is not None and not sink.begin(result):
            sink = None
        reader, seen = None, 0
        while True:
            try:
                if articles is None:
                    articles = iter(self.iter_articles(source, display_path, result.errors))
                article = next(articles)
            except StopIteration:
                break
            except SourceError as exc:
                result.error = str(exc)
                break
            except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
                result.error = f"cannot parse: {type(exc).__name__}: {exc}"
                import traceback  # only on failures: a 1.5 ms import

                result.errors.append({"type": "internal", "message": traceback.format_exc(limit=3)})
                break
            if base is None:
                suppressions = None if streamed else parse_suppressions(source)
                base = self.config.settings_for(source.path)
            result.articles += 1
            result.words += sum(map(word_count, (b.text for b in article.blocks)))
            found = self.lint_article(article, base, result.errors)
            if sink is None:
                result.findings.extend(found)
            else:
                # the comments read so far decide, as the whole file's do (see the end below)
                if source.hint and len(source.comments) > seen:
                    reader = reader or SuppressionReader()
                    reader.add(source.comments[seen:])
                    seen = len(source.comments)
                if reader and found:
                    found = [f for f in found if not reader.suppressed(f.rule, f.offset, f.line)]
                if found:
                    found.sort(key=_sort_key)
                    sink.add(result, found)
            # the analysis refers back to the article: a cycle the garbage collector frees late, so
            # a streamed file's memory would grow with its articles; break it now the article is done
            article.__dict__.pop("analysis", None)
        if streamed:
            source.close()
            if sink is None and base is not None and source.hint and source.comments:
                suppressions = suppressions_from(source.comments, source.length)
        if suppressions:
            result.findings = [f for f in result.findings
                               if not suppressions.suppressed(f.rule, f.offset, f.line)]
        result.findings.sort(key=_sort_key)
        return result

    def lint_article(self, article: Article, base: Settings, errors: list[dict]) -> list[Finding]:
        settings = self._settings(base)
        if article.settings:
            # an article's own settings are content, not config: a mistake in them
            # is reported on the file and the article is linted without them
            try:
                with_article = self._settings(base, parse_settings(article.settings, article.source.path,
                                                                    "newslint."))
                self.rules_for(with_article)
                settings = with_article
            except PackError as exc:
                errors.append({"type": "parse", "message": f"front-matter settings ignored: {exc}"})
        rules = self.rules_for(settings)
        hook_errors: list = []
        self.host.call("newslint_enrich_article", _errors=hook_errors, article=article, config=self.config)
        findings: list[Finding] = []
        source = article.source
        for rule in rules:
            ctx = CheckContext(article, rule, self.config.timeout, self.config)
            try:
                for hit in rule.impl.check(ctx):
                    if hit.block.index in furniture_blocks(article):
                        continue
                    finding = self._finding(rule, hit, article)
                    if finding is not None:
                        findings.append(finding)
            except RuleTimeout as exc:
                errors.append({"type": "timeout", "rule": rule.id, "message": f"rule {rule.id} timed out: {exc}"})
            except Exception as exc:  # noqa: BLE001 - isolate a crashing kind
                import traceback

                plugin = self._kind_plugin.get(rule.kind, "newslint")
                self.host.record(PluginError(plugin, f"rule {rule.id}", f"{type(exc).__name__}: {exc}",
                                             traceback.format_exc()))
                errors.append({"type": "plugin", "plugin": plugin, "rule": rule.id,
                               "message": f"{type(exc).__name__}: {exc}"})
        selected = None
        for plugin, produced in self.host.call("newslint_check", _errors=hook_errors, article=article,
                                               config=self.config):
            if selected is None:
                selected = {r.id: r for r in rules}
            for finding in produced if isinstance(produced, (list, tuple)) else [produced]:
                if not isinstance(finding, Finding):
                    continue
                if not rule_matches(finding.rule, settings.select or ("*",)) or rule_matches(finding.rule, settings.ignore):
                    continue
                if finding.rule in selected:
                    finding.severity = selected[finding.rule].severity
                if not (0 <= finding.offset <= finding.offset + finding.length <= len(source.text)):
                    continue
                findings.append(self._locate(finding, source, article))
        for error in hook_errors:
            errors.append({"type": "plugin", "plugin": error.plugin, "message": str(error)})
        return findings

    def _finding(self, rule: Rule, hit, article: Article) -> Finding | None:
        block = hit.block
        if not rule.quotes and article.analysis.in_quote(block, hit.start, hit.end):
            return None
        offset, length = block.smap.span(hit.start, hit.end)
        source = article.source
        matched = block.text[hit.start:hit.end]
        fix = None
        if hit.replacement is not None and source.text[offset:offset + length] == matched:
            fix = Fix(offset, length, hit.replacement)
        message = hit.message or rule.message
        message = format_message(message, match=matched, suggestion=hit.suggestion or "", **hit.args)
        finding = Finding(rule=rule.id, severity=rule.severity, message=message, offset=offset, length=length,
                          suggestion=hit.suggestion, fix=fix)
        return self._locate(finding, source, article)

    @staticmethod
    def _locate(finding: Finding, source: Source, article: Article) -> Finding:
        finding.line, finding.column = source.position(finding.offset)
        finding.end_line, finding.end_column = source.position(finding.offset + finding.length)
        finding.match = source.text[finding.offset:finding.offset + finding.length]
        shift = getattr(source, "base_offset", 0)  # a streamed line: its offsets become the file's
        if shift:
            finding.offset += shift
            if finding.fix is not None:
                finding.fix = Fix(finding.fix.offset + shift, finding.fix.length, finding.fix.replacement)
        if article.name is not None and finding.article is None:
            finding.article = article.name
        return finding


def _with_failed_kinds(exc: PackError, errors) -> PackError:
    """``exc``, or for an unknown kind whose plugin's kinds hook failed (the built-in one too, when a
    module of it cannot be imported), the same error naming that failure and the deepest frame of
    the plugin's own code (not Python's, nor newslint's pattern cache)."""
    failed = next((e for e in errors if e.where == "newslint_rule_kinds"), None)
    if exc.field != "kind" or failed is None:
        return exc
    import re  # (only on this failure)

    frames = [f for f in re.findall(r'File "([^"]+)", line (\d+)', failed.traceback)
              if ("/lib/python3." not in f[0] or "-packages" in f[0])
              and not f[0].endswith(("newslint/cache.py", "newslint/rx.py"))]
    at = f" ({frames[-1][0]}:{frames[-1][1]})" if frames else ""
    return PackError(exc.path, f"{exc.detail}; plugin {failed.plugin!r} failed to register its kinds: "
                               f"{failed.message}{at}", line=exc.line, rule=exc.rule, field=exc.field)


#: for ``word_count``: the whitespace ``str.split`` splits ASCII text at -> a space, the rest -> "x"
_ASCII_BLANKS = bytes(32 if chr(c).isspace() else 120 for c in range(128)) + bytes([120]) * 128


def word_count(text: str) -> int:
    """``len(text.split())`` without building the words: for ASCII text, the runs of "x" after
    one ``bytes.translate`` (passes in C, 1.5x faster on news paragraphs)."""
    if not text.isascii():
        return len(text.split())
    marks = text.encode("ascii").translate(_ASCII_BLANKS)
    return marks.count(b" x") + (marks[:1] == b"x")


def _sort_key(finding: Finding):
    return finding.sort_key


def threshold_reached(results, threshold: Severity) -> bool:
    return any(f.severity >= threshold for r in results for f in r.findings)
