"""``repetition``: a word typed twice ("the the"), a slip spell-checkers pass.

The second word may follow after any whitespace, including a line break
inside the paragraph, and in any case ("The the"). The finding spans both
words; the suggestion is the first word alone, and the fix removes the
second word with the whitespace before it.

Options:

``allow``
    Doubles that are grammatical, compared case-insensitively. Default:
    ``had had``, ``that that``, ``is is`` ("what it is is ..."), ``do do``
    ("what they do do"), ``her her`` ("gave her her coat"), ``blah blah``,
    ``bye bye``. Setting the option replaces the list. Not allowed: "so so"
    ("to do so so that" lacks a comma) and "was was" (in the BBC and
    Reuters corpora every "was was" is a slip).
``allow_before`` / ``allow_after``
    Doubles that are grammatical only in some company: a map from the double
    to a pattern that the text before it must match at its end (``before``)
    or the text after it must match at its start (``after``), compared
    case-insensitively. "what it is is" is grammatical, "Steyer is is
    making" is a slip: ``allow_before: {"is is": '\\b(?:what|all)\\s+\\w+\\s+'}`` (the
    pattern is anchored for you: at the double's start, or right after its end).
    A double listed here and not in ``allow`` is flagged when its pattern
    does not match.
``messages``
    A map from a word (lower case) to a message template used for its
    double instead of the rule's message, e.g. ``so: 'Doubled "{match}":
    did you mean "so, so that"?'``.
``no_fix``
    Words whose doubles get no fix because the right repair is not a
    deletion ("so so" needs a comma, or is "so-so").
``names`` (default false)
    Whether to check doubles of two capitalised words. They are usually
    names (Walla Walla, Sing Sing, Duran Duran), so they are skipped unless
    this is true. "The the" (second word lower case) is always checked.

Only words that start with a letter are considered: "5 5" in a table or
"1 1" in a score is not a typing slip of this kind.
"""

from __future__ import annotations

from itertools import islice
from operator import eq

from newslint import rx as regex
from newslint.kinds.base import (CheckContext, Hit, Option, OptionError, RuleKind, compile_pattern, folded_text,
                                 word_runs)

DEFAULT_ALLOW = ["had had", "that that", "is is", "do do", "her her", "blah blah", "bye bye"]

# ``\b`` (implied by the look-behind) lets the engine skip to word starts, and
# the atomic group stops it retrying shorter words, which could never be
# followed by the whitespace: twice as fast, the same matches.
_DOUBLE = regex.compile(
    r"\b(?<![\w'’.-])((?>\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?))(\s+)(\1)(?![\w'’-])",
    regex.IGNORECASE | regex.V0,
)


class Repetition(RuleKind):
    name = "repetition"
    description = "Flags a word typed twice in a row, with a fix that removes the second."
    FIXABLE = True
    OPTIONS = {
        "allow": Option("list[str]", default=DEFAULT_ALLOW, doc="grammatical doubles, e.g. 'had had'"),
        "allow_before": Option("map[str,str]", default={},
                               doc="double -> pattern the text before it must end with for it to be allowed"),
        "allow_after": Option("map[str,str]", default={},
                              doc="double -> pattern the text after it must start with for it to be allowed"),
        "messages": Option("map[str,str]", default={}, doc="word -> message template for its double"),
        "no_fix": Option("list[str]", default=[], doc="words whose doubles get no fix"),
        "names": Option("bool", default=False, doc="also check doubled capitalised words"),
    }

    def setup(self, options):
        self.allow = set()
        for i, pair in enumerate(options["allow"]):
            words = pair.split()
            if len(words) != 2 or words[0].lower() != words[1].lower():
                raise OptionError(f"options.allow[{i}]", f"expected a doubled word such as 'had had', got {pair!r}")
            self.allow.add(words[0].lower())
        self.before = self._contexts(options["allow_before"], "allow_before", r"(?:{})$")
        self.after = self._contexts(options["allow_after"], "allow_after", r"^(?:{})")
        self.messages = {k.lower(): v for k, v in options["messages"].items()}
        self.no_fix = {w.lower() for w in options["no_fix"]}
        self.names = options["names"]

    @staticmethod
    def _contexts(mapping: dict, name: str, anchored: str) -> dict:
        """The patterns of ``allow_before``/``allow_after`` by the doubled word (lower case)."""
        out = {}
        for pair, pattern in mapping.items():
            words = pair.split()
            if len(words) != 2 or words[0].lower() != words[1].lower():
                raise OptionError(f"options.{name}", f"expected a doubled word such as 'is is', got {pair!r}")
            out[words[0].lower()] = compile_pattern(anchored.format(pattern), f"options.{name}[{pair!r}]",
                                                    regex.IGNORECASE)
        return out

    def _grammatical(self, ctx: CheckContext, word: str, text: str, start: int, end: int) -> bool:
        """Whether the company around a double listed in ``allow_before``/``allow_after`` allows it."""
        before, after = self.before.get(word), self.after.get(word)
        if before is None and after is None:
            return False
        # (within the sentence-sized window around the double)
        return ((before is None or ctx.search(before, text[max(0, start - 80):start]) is not None)
                and (after is None or ctx.search(after, text[end:end + 80]) is not None))

    def check(self, ctx: CheckContext):
        for block in ctx.blocks():
            # a double is two equal word runs in a row: most blocks have none, and the
            # runs are shared with other rules (kinds.base.word_runs); ``operator.eq`` compares
            # in C without the method wrapper ``str.__eq__`` goes through (2.3x faster)
            runs = word_runs(ctx.article, block)
            if not any(map(eq, runs, islice(runs, 1, None))):
                continue
            # runs leave out digits and punctuation ("£5m-£6m" gives "m", "m"): the two words
            # must also stand with only whitespace between them
            spaced = " ".join(folded_text(ctx.article, block).split())
            if not any(f"{a} {a}" in spaced for a, b in zip(runs, islice(runs, 1, None)) if a == b):
                continue
            for m in ctx.finditer(_DOUBLE, block.text):
                first, second = m.group(1), m.group(3)
                word = first.lower()
                if word in self.allow or self._grammatical(ctx, word, block.text, m.start(), m.end()):
                    continue
                if not self.names and first[:1].isupper() and second[:1].isupper():
                    continue
                replacement = None if word in self.no_fix else first
                yield Hit(block, m.start(), m.end(), args={"word": first}, suggestion=first,
                          replacement=replacement, message=self.messages.get(word))
