"""``substitution``: replace a wrong form with the right one.

Options: ``swap``, a map from wrong to right. Keys are words or phrases
matched on word boundaries (or regular expressions when ``regex: true``).
The suggestion keeps the case of the matched text ("Alright" -> "All
right"), and the fix replaces the match with it. ``requires``/``prefilter``
are speed hints (``newslint.kinds.base.BlockGate``).
"""

from __future__ import annotations

from newslint.kinds.base import (GATE_OPTIONS, BlockGate, CheckContext, Hit, Option, OptionError, RuleKind,
                                  article_letter_runs, compile_pattern, letter_runs, word_gate)
from newslint.kinds.words import preserve_case, token_pattern


class Substitution(RuleKind):
    name = "substitution"
    description = "Suggests the right form for a wrong one, with a case-preserving fix."
    FIXABLE = True
    OPTIONS = {
        "swap": Option("map[str,str]", required=True, doc="wrong -> right"),
        "ignore_case": Option("bool", default=True, doc="match in any case"),
        "regex": Option("bool", default=False, doc="treat the keys as regular expressions"),
        "fix": Option("bool", default=True, doc="offer the suggestion as a fix"),
        **GATE_OPTIONS,
    }

    def setup(self, options):
        swap = options["swap"]
        if not swap:
            raise OptionError("options.swap", "needs at least one wrong: right pair")
        self.fix = options["fix"]
        self.gate = BlockGate(options)
        if options["regex"]:
            flags = "(?i)" if options["ignore_case"] else ""
            self.entries = [(compile_pattern(flags + k, f"options.swap.{k}"), v) for k, v in swap.items()]
            self.lookup = None
            self.firsts = None
            return
        self.entries = None
        self.lookup = {(k.lower() if options["ignore_case"] else k): v for k, v in swap.items()}
        self.ignore_case = options["ignore_case"]
        self.pattern = compile_pattern(token_pattern(swap, options["ignore_case"]), "options.swap")
        # a block none of whose words starts a key cannot match: a set test, not a scan
        self.firsts = word_gate(swap)

    def _hit(self, block, start, end, right):
        original = block.text[start:end]
        suggestion = preserve_case(original, right)
        if suggestion == original:
            return None
        return Hit(block, start, end, suggestion=suggestion,
                   replacement=suggestion if self.fix else None)

    def check(self, ctx: CheckContext):
        gate = self.gate if self.gate.active else None
        if gate is not None and not gate.article(ctx):
            return
        if self.firsts is not None and self.firsts.isdisjoint(article_letter_runs(ctx.article)):
            return
        for block in ctx.blocks():
            if gate is not None and not gate(ctx, block):
                continue
            if self.entries is not None:
                for pattern, right in self.entries:
                    for m in ctx.finditer(pattern, block.text):
                        if m.end() > m.start():
                            hit = self._hit(block, m.start(), m.end(), m.expand(right))
                            if hit:
                                yield hit
                continue
            if self.firsts is not None and self.firsts.isdisjoint(letter_runs(ctx.article, block)):
                continue
            for m in ctx.finditer(self.pattern, block.text):
                key = " ".join(m.group().split())
                right = self.lookup.get(key.lower() if self.ignore_case else key)
                if right is not None:
                    hit = self._hit(block, m.start(), m.end(), right)
                    if hit:
                        yield hit
