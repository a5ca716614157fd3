"""``existence``: flag text that should not appear at all.

Options: ``tokens`` (words or phrases matched on word boundaries, case
insensitive unless ``ignore_case: false``), ``patterns`` (regular
expressions), ``exceptions`` (regular expressions; a match that equals one
is not reported). Tokens and patterns are searched one expression each.
``requires``/``prefilter`` are speed hints (``newslint.kinds.base.BlockGate``).
``max_per_article`` reports only the first matches of an article (for words
that are a writer's habit), with ``{count}``/``{more}`` for the message.
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.kinds.base import (GATE_OPTIONS, BlockGate, CheckContext, Hit, Option, OptionError, RuleKind,
                                  compile_pattern, per_article)
from newslint.kinds.words import token_pattern


class Existence(RuleKind):
    name = "existence"
    description = "Flags words, phrases or patterns that should not appear."
    OPTIONS = {
        "tokens": Option("list[str]", default=[], doc="words or phrases, matched on word boundaries"),
        "patterns": Option("list[regex]", default=[], doc="regular expressions"),
        "exceptions": Option("list[regex]", default=[], doc="matches equal to one of these are allowed"),
        "ignore_case": Option("bool", default=True, doc="match tokens in any case"),
        "max_per_article": Option("int", default=0,
                                  doc="report only the first N matches of an article, with the count (0: all)"),
        **GATE_OPTIONS,
    }

    def setup(self, options):
        parts = []
        if options["tokens"]:
            parts.append(token_pattern(options["tokens"], options["ignore_case"]))
        parts.extend(f"(?:{p})" for p in options["patterns"])
        if not parts:
            raise OptionError("options.tokens", "existence needs 'tokens' or 'patterns'")
        # separate alternatives keep each pattern's own group numbers intact
        self.patterns = [compile_pattern(parts[0], "options.tokens")] if options["tokens"] else []
        self.patterns += [compile_pattern(p, "options.patterns") for p in options["patterns"]]
        self.exceptions = (
            regex.compile("|".join(f"(?:{e})" for e in options["exceptions"]), regex.V0)
            if options["exceptions"] else None
        )
        self.gate = BlockGate(options)

    def check(self, ctx: CheckContext):
        limit = self.options["max_per_article"]
        hits = self._hits(ctx)
        if not limit:
            yield from hits
            return
        # in article order (several patterns run over each block)
        yield from per_article(sorted(hits, key=lambda h: (h.block.index, h.start)), limit)

    def _hits(self, ctx: CheckContext):
        gate = self.gate if self.gate.active else None
        if gate is not None and not gate.article(ctx):
            return
        for block in ctx.blocks():
            if gate is not None and not gate(ctx, block):
                continue
            for pattern in self.patterns:
                for m in ctx.finditer(pattern, block.text):
                    if m.end() == m.start():
                        continue
                    if self.exceptions is not None and self.exceptions.fullmatch(m.group()):
                        continue
                    yield Hit(block, m.start(), m.end())
