"""Findings per 1,000 words on a corpus of published articles.

Professionally edited copy is the best test of false alarms: almost every
finding on it is noise. This report lints a JSON Lines corpus (one article
per line: ``{"id", "headline", "body", "captions": [...]}``, body paragraphs
separated by blank lines) and prints the total words, findings per 1,000
words overall, per pack and per rule, and a random sample of findings with
the sentence around each, to read and judge::

    python -m newslint.tools.corpus_report corpus.jsonl --profile uk --sample 50

Articles are read by newslint's own JSON Lines parser (the ``.jsonl`` input
format), so the blocks (headline, body, captions) and offsets are exactly
those a user linting the file would get. Suppression comments are not
applied; configuration files are not read unless ``--config`` is given.
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newslint.article.model import Article, Block
from newslint.article.source import SourceError, read_source
from newslint.config import Config, Settings, load_config
from newslint.engine import Linter
from newslint.findings import Finding
from newslint.plugins.manager import PluginHost


@dataclass
class Sampled:
    finding: Finding
    article: str
    block: str
    context: str


@dataclass
class Report:
    path: str
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    findings: list = field(default_factory=list)  # (article name, block kind, Finding, context)
    errors: list = field(default_factory=list)
    severities: dict = field(default_factory=dict)  # rule id -> severity name

    def per_thousand(self, count: int) -> float:
        return 1000.0 * count / self.words if self.words else 0.0

    @property
    def by_rule(self) -> Counter:
        return Counter(f.rule for _, _, f, _ in self.findings)

    @property
    def by_pack(self) -> Counter:
        return Counter(f.pack for _, _, f, _ in self.findings)

    def articles_by_rule(self) -> dict[str, int]:
        seen = defaultdict(set)
        for name, _, f, _ in self.findings:
            seen[f.rule].add(name)
        return {rule: len(names) for rule, names in seen.items()}


def _block_of(article: Article, offset: int) -> tuple[Block, int] | None:
    """The block holding a source offset and the offset's position in its prose."""
    for block in article.blocks:
        n = len(block.text)
        if not n:
            continue
        lo, hi = block.smap.start(0), block.smap.end(n)
        if lo <= offset < hi or (offset == hi and lo < hi):
            # SourceMap.start is monotonic in the prose position: bisect it
            positions = range(n + 1)
            pos = bisect.bisect_right(positions, offset, key=block.smap.start) - 1 \
                if sys.version_info >= (3, 10) else 0
            return block, max(pos, 0)
    return None


def context_of(article: Article, finding: Finding) -> tuple[str, str]:
    """(block kind, the sentence holding the finding with the match in »«)."""
    located = _block_of(article, finding.offset)
    if located is None:
        return "?", finding.match
    block, start = located
    end_located = _block_of(article, finding.offset + finding.length)
    end = end_located[1] if end_located and end_located[0] is block else min(start + len(finding.match), len(block.text))
    if finding.length == 0:
        end = start
    sentences = article.analysis.sentences(block) or [(0, len(block.text))]
    a = next((s for s, e in sentences if s <= start < max(e, s + 1)), 0)
    b = next((e for s, e in sentences if s <= max(end - 1, start) < max(e, s + 1)), len(block.text))
    a, b = min(a, start), max(b, end)
    text = block.text
    shown = f"{text[a:start]}»{text[start:end]}«{text[end:b]}"
    return block.kind, " ".join(shown.split())


def lint_corpus(path: str, linter: Linter, where: dict | None = None) -> Report:
    """Lint every article of a JSON Lines file; raises SourceError for an unreadable file.

    ``where`` keeps only articles whose extra fields match (``{"region": "US"}``).
    """
    report = Report(path)
    started = time.perf_counter()
    source = read_source(path)
    display = path if path.endswith((".jsonl", ".ndjson", ".json")) else path + ".jsonl"
    parse_errors: list = []
    articles = linter.parse(source, display, parse_errors)
    report.errors.extend(parse_errors)
    base = linter.config.settings_for(path)
    for article in articles:
        if where and any(str(article.meta.get(k)) != v for k, v in where.items()):
            continue
        report.articles += 1
        report.words += sum(len(b.text.split()) for b in article.blocks)
        for finding in linter.lint_article(article, base, report.errors):
            kind, context = context_of(article, finding)
            report.findings.append((article.name or "?", kind, finding, context))
    report.seconds = time.perf_counter() - started
    for _, _, f, _ in report.findings:
        report.severities.setdefault(f.rule, str(f.severity))
    return report


def format_report(report: Report, sample: int = 50, seed: int = 0, top: int | None = None) -> str:
    total = len(report.findings)
    lines = [
        f"corpus: {report.path}",
        f"articles: {report.articles:,}   words: {report.words:,}   findings: {total:,}   "
        f"per 1,000 words: {report.per_thousand(total):.3f}",
    ]
    if report.seconds:
        lines.append(f"time: {report.seconds:.1f} s ({report.words / report.seconds:,.0f} words/s)")
    if report.errors:
        lines.append(f"problems while linting: {len(report.errors)} (first: {report.errors[0].get('message', '')[:120]})")
    lines += ["", "by pack:", f"  {'pack':<16} {'findings':>8} {'per 1k':>8}"]
    for pack, count in sorted(report.by_pack.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {pack:<16} {count:>8} {report.per_thousand(count):>8.3f}")
    affected = report.articles_by_rule()
    width = max([len(r) for r in report.by_rule] + [4])
    lines += ["", "by rule:", f"  {'rule':<{width}} {'severity':<8} {'findings':>8} {'per 1k':>8} {'articles':>8}"]
    rules = sorted(report.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    for rule, count in rules[:top] if top else rules:
        lines.append(f"  {rule:<{width}} {report.severities.get(rule, ''):<8} {count:>8} "
                     f"{report.per_thousand(count):>8.3f} {affected[rule]:>8}")
    if sample and report.findings:
        chosen = random.Random(seed).sample(report.findings, min(sample, total))
        chosen.sort(key=lambda item: (item[2].rule, item[0], item[2].offset))
        lines += ["", f"sample of {len(chosen)} findings (seed {seed}):"]
        for name, kind, finding, context in chosen:
            lines.append(f"- {finding.rule} [{name}, {kind}, line {finding.line}:{finding.column}] {finding.message}")
            lines.append(f"    {context}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m newslint.tools.corpus_report",
                                description="Lint a JSON Lines news corpus and report findings per 1,000 words.")
    p.add_argument("corpus", help="a .jsonl file: one article per line (id, headline, body, captions)")
    p.add_argument("--profile", help="house-style profile (default: ap)")
    p.add_argument("--select", action="append", metavar="RULES", help="only these rules (ids, globs, packs)")
    p.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules")
    p.add_argument("--config", metavar="FILE", help="a newslint config file to apply (none by default)")
    p.add_argument("--sample", type=int, default=50, metavar="N", help="findings to print with context (default 50)")
    p.add_argument("--seed", type=int, default=0, help="random seed for the sample (default 0)")
    p.add_argument("--top", type=int, default=None, metavar="N", help="show only the N noisiest rules")
    p.add_argument("--where", action="append", default=[], metavar="KEY=VALUE",
                   help="only articles whose field KEY equals VALUE, e.g. region=US (repeatable)")
    p.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    return p


def _split(values):
    if not values:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from newslint.packs.model import PackError

    try:
        config = load_config(args.config) if args.config else Config()
        cli = Settings(profile=args.profile, select=_split(args.select), ignore=_split(args.ignore) or ())
        linter = Linter(PluginHost(load_entry_points=not args.no_plugins), config, cli)
        where = dict(item.split("=", 1) for item in args.where if "=" in item)
        report = lint_corpus(args.corpus, linter, where)
    except (PackError, SourceError) as exc:  # ConfigError is a PackError
        sys.stderr.write(f"corpus_report: {exc}\n")
        return 2
    print(format_report(report, args.sample, args.seed, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
