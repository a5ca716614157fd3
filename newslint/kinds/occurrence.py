"""``occurrence``: limits on length: a headline over 70 characters, a
sentence over 40 words, a caption of more than two sentences.

Options:

``unit`` (required)
    What is counted: ``words``, ``characters`` or ``sentences``.
``per`` (default ``block``)
    What is measured: each ``block`` in the rule's scope (a headline, a
    paragraph, a caption) or each ``sentence``. Counting sentences per
    sentence is refused.
``max``, ``min``
    The limits (at least one). A unit with more than ``max`` or fewer than
    ``min`` is flagged. ``min`` ignores empty units.

Words are the analysis's tokens ("5-year-old", "U.S." and "don't" are one
word each); characters are code points of the unit with surrounding
whitespace stripped; sentences come from the article's sentence splitter.

The finding spans the whole unit. Message placeholders: ``{count}``,
``{max}``, ``{min}``, ``{unit}``.
"""

from __future__ import annotations

import bisect

from newslint.kinds.base import CheckContext, Hit, Option, OptionError, RuleKind


class Occurrence(RuleKind):
    name = "occurrence"
    description = "Flags blocks or sentences with too many (or too few) words, characters or sentences."
    OPTIONS = {
        "unit": Option("str", required=True, choices=("words", "characters", "sentences"),
                       doc="what to count"),
        "per": Option("str", default="block", choices=("block", "sentence"), doc="what to measure"),
        "max": Option("int", doc="flag a unit with more than this"),
        "min": Option("int", doc="flag a unit with fewer than this"),
    }

    def setup(self, options):
        self.unit, self.per = options["unit"], options["per"]
        self.max, self.min = options["max"], options["min"]
        if self.max is None and self.min is None:
            raise OptionError("options.max", "occurrence needs 'max' or 'min'")
        for key in ("max", "min"):
            if options[key] is not None and options[key] < 0:
                raise OptionError(f"options.{key}", "must not be negative")
        if self.max is not None and self.min is not None and self.min > self.max:
            raise OptionError("options.min", f"min ({self.min}) is greater than max ({self.max})")
        if self.unit == "sentences" and self.per == "sentence":
            raise OptionError("options.unit", "cannot count sentences per sentence (use per: block)")

    def _units(self, ctx: CheckContext, block):
        if self.per == "sentence":
            return ctx.article.analysis.sentences(block)
        text = block.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [(start, end)] if end > start else []

    def _count(self, ctx: CheckContext, block, start: int, end: int) -> int:
        if self.unit == "characters":
            piece = block.text[start:end]
            return len(piece.strip())
        if self.unit == "sentences":
            return sum(1 for s, e in ctx.article.analysis.sentences(block) if s < end and e > start)
        starts = self._starts(ctx, block)
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)

    @staticmethod
    def _starts(ctx: CheckContext, block) -> list[int]:
        # token starts per block, once per check (a CheckContext lives for one rule and article)
        cache = ctx.__dict__.setdefault("_occurrence_starts", {})
        if block.index not in cache:
            cache[block.index] = [t.start for t in ctx.article.analysis.tokens(block)]
        return cache[block.index]

    def check(self, ctx: CheckContext):
        for block in ctx.blocks():
            for start, end in self._units(ctx, block):
                count = self._count(ctx, block, start, end)
                too_many = self.max is not None and count > self.max
                too_few = self.min is not None and 0 < count < self.min
                if too_many or too_few:
                    yield Hit(block, start, end, args={"count": count, "max": self.max, "min": self.min,
                                                       "unit": self.unit})
