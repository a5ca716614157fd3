"""``capitalization``: the case style of a headline (or of each sentence).

Options:

``match`` (required)
    ``sentence``, ``title``, ``lower``, ``upper``, or any other string as a
    regular expression the whole unit must match.
``per`` (default ``block``)
    Check each ``block`` in the rule's scope (headlines, captions) or each
    ``sentence``.
``exceptions``
    Words or phrases allowed exactly as written (proper nouns, brands),
    matched case-sensitively on word boundaries: "iPhone", "New York Times".
``small_words``
    For ``title``: words that stay lower case unless first, last or after
    a colon. Default: a, an, and, as, at, but, by, for, in, nor, of, on, or,
    the, to, via, vs., v.
``fix`` (default true)
    Offer the corrected unit as a fix (never for a regular expression).

``min_words`` (default 2)
    Sentence case: capitalised words are flagged only when at least this
    many are found in one unit (a Title Case headline has several; a lone
    capital is more often a name: "Carry On star dies").

Sentence case, and why it stays quiet (AP headlines are sentence case, and
headlines are full of names): the first word must start with a capital. A
capitalised word later on is flagged only with evidence that it is not a
proper noun:

* it is a function word (and, of, to, in, for, with, ...), which a name
  never is on its own; or
* the article uses the word in lower case elsewhere and never capitalises it
  in the middle of a sentence outside this unit ("Visits" when the body says
  "visits" and never "Visits").

"Capitalised mid-sentence" counts every word of a capitalised run after a
lower-case word ("met Prime Minister Benjamin Netanyahu"), so titles and
names used in the story are safe. Words in capitals (IDF), with inner
capitals (McCain, iPhone), single letters, words after a colon or sentence
end (either case is a house choice there), and exceptions are never
flagged. The fix changes only the flagged
words: a word with no evidence either way keeps its capital, so applying
the fix never makes a headline worse.

One finding per unit, spanning it. Message placeholders: ``{words}`` (the
offending words, quoted, comma-separated), ``{style}`` (the ``match`` value)
and ``{suggestion}`` (the corrected unit).
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.kinds.base import CheckContext, Hit, Option, OptionError, RuleKind, RuleTimeout, compile_pattern
from newslint.kinds.words import token_pattern

STYLES = ("sentence", "title", "lower", "upper")
DEFAULT_SMALL_WORDS = ["a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or",
                       "the", "to", "via", "vs.", "v."]
#: words that are never a proper noun on their own ("the" is left out: "The Hague")
FUNCTION_WORDS = frozenset(
    "a an and as at but by for from if in into nor of on onto or over than that to via with is are was "
    "were be been its it their his her after before amid against about".split())

_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])\p{L}[\p{L}\p{M}\p{N}]*(?:['’.\-]\p{L}[\p{L}\p{M}\p{N}]*)*\.?")
_LOWER_WORDS = regex.compile(r"(?<![\w'’.-])\p{Ll}[\p{Ll}\p{M}'’]*(?![\w-])")
#: runs of capitalised words after a lower-case word: names in running text ("met Prime Minister Benjamin")
_MID_CAPS = regex.compile(r"(?<=[\p{Ll}\p{N},;] )\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*)*")
_OPENERS = " \t\n'\"“‘([¡¿"
#: what may end a clause inside a unit: "Letters: Tax | Recount", "Headline - The Site Name"
_CLAUSE_START = regex.compile(r"(?:[:.!?—–|]|\s-)['\"”’)]*\s+['\"“‘(]*$")


def _quote(words) -> str:
    return ", ".join(f'"{w}"' for w in words)


class Capitalization(RuleKind):
    name = "capitalization"
    description = "Checks the case style of headlines or sentences: sentence, title, lower, upper or a pattern."
    FIXABLE = True
    OPTIONS = {
        "match": Option("str", required=True, doc="sentence, title, lower, upper, or a regular expression"),
        "per": Option("str", default="block", choices=("block", "sentence"), doc="what to check"),
        "exceptions": Option("list[str]", default=[], doc="words or phrases allowed as written"),
        "small_words": Option("list[str]", default=DEFAULT_SMALL_WORDS, doc="title case: lower-case words"),
        "min_words": Option("int", default=2, doc="sentence case: flag capitalised words only when "
                                                       "at least this many are found in a unit"),
        "fix": Option("bool", default=True, doc="offer the corrected unit as a fix"),
    }

    def setup(self, options):
        self.style = options["match"]
        self.pattern = None if self.style in STYLES else compile_pattern(self.style, "options.match")
        self.per = options["per"]
        self.fix = options["fix"] and self.pattern is None
        self.exceptions = (compile_pattern(token_pattern(options["exceptions"], ignore_case=False),
                                           "options.exceptions") if options["exceptions"] else None)
        self.small = {w.lower() for w in options["small_words"]}
        self.min_words = options["min_words"]
        if self.min_words < 1:
            raise OptionError("options.min_words", "must be at least 1")

    # -- units and words -----------------------------------------------------
    def _units(self, ctx, block):
        if self.per == "sentence":
            return ctx.article.analysis.sentences(block)
        text = block.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [(start, end)] if end > start else []

    def _words(self, ctx, text, start, end):
        """(word, start, end, clause_start) for the words of a unit."""
        covered = []
        if self.exceptions is not None:
            covered = [(m.start(), m.end()) for m in ctx.finditer(self.exceptions, text, start, end)]
        words = []
        for m in ctx.finditer(_WORD, text, start, end):
            if any(a <= m.start() and m.end() <= b for a, b in covered):
                continue
            word = m.group()
            if word.endswith(".") and word.lower() not in self.small and "." not in word[:-1]:
                word = word[:-1]  # a full stop, not part of the word
            clause = not words or bool(_CLAUSE_START.search(text, start, m.start()))
            words.append((word, m.start(), m.start() + len(word), clause))
        return words

    @staticmethod
    def _plain_capital(word: str) -> bool:
        """Capitalised like an ordinary word: "War", not "IDF", "McCain" or "I"."""
        head = word.split("-")[0]
        letters = [c for c in head if c.isalpha()]
        return (len(letters) > 1 and letters[0].isupper()
                and all(c.islower() for c in letters[1:]))

    # -- evidence for sentence case -------------------------------------------
    def _evidence(self, ctx):
        cache = ctx.__dict__.get("_capitalization_evidence")
        if cache is None:
            lower, caps = set(), {}
            for block in ctx.article.blocks:
                lower.update(w.lower() for w in _LOWER_WORDS.findall(block.text))
                caps[block.index] = {w.rstrip(".").split("-")[0] for run in _MID_CAPS.findall(block.text)
                                     for w in run.split()}
            cache = ctx.__dict__["_capitalization_evidence"] = (lower, caps)
        return cache

    def _sentence(self, ctx, block, words, start):
        lower, caps = self._evidence(ctx)

        def text_before(pos):
            return block.text[start:pos]

        caps_elsewhere = None
        offending, changes = [], {}
        first, capitals, capital_changes = True, [], {}
        for word, a, b, clause in words:
            head = word.split("-")[0]
            if first:
                first = False
                # "$1m payoff ...", "2004: ...": the unit does not start with a word
                lead = text_before(a)
                if lead.strip(_OPENERS) == "" and word[:1].islower() and not any(c.isupper() for c in word):
                    offending.append(word)
                    changes[a] = word[0].upper() + word[1:]
                continue
            if clause or not self._plain_capital(word):
                continue  # after a colon either case is house style; IDF, McCain: names
            key = head.lower()
            if key in FUNCTION_WORDS and "-" not in word:
                capitals.append(word)
                capital_changes[a] = word.lower()
                continue
            if caps_elsewhere is None:
                caps_elsewhere = set().union(*(v for k, v in caps.items() if k != block.index))
            if head in caps_elsewhere:
                continue  # capitalised mid-sentence elsewhere: a name
            if key in lower:
                capitals.append(word)
                capital_changes[a] = word[0].lower() + word[1:]
        if len(capitals) >= self.min_words:
            offending.extend(capitals)
            changes.update(capital_changes)
        return offending, changes

    def _title(self, words):
        offending, changes = [], {}
        last = len(words) - 1
        for i, (word, a, b, clause) in enumerate(words):
            head = word.split("-")[0]
            if any(c.isupper() for c in head[1:]) or not head[:1].isalpha():
                continue  # IDF, McCain, iPhone: written as the name is
            small = word.lower() in self.small
            if small and not clause and i != last:
                if word[:1].isupper():
                    offending.append(word)
                    changes[a] = word.lower()
            elif word[:1].islower():
                offending.append(word)
                changes[a] = word[0].upper() + word[1:]
        return offending, changes

    @staticmethod
    def _case(words, upper: bool):
        offending, changes = [], {}
        for word, a, b, clause in words:
            target = word.upper() if upper else word.lower()
            if target != word:
                offending.append(word)
                changes[a] = target
        return offending, changes

    # -- checking -------------------------------------------------------------
    def check(self, ctx: CheckContext):
        for block in ctx.blocks():
            text = block.text
            for start, end in self._units(ctx, block):
                if self.pattern is not None:
                    try:
                        ok = self.pattern.fullmatch(text, start, end, timeout=ctx.timeout)
                    except TimeoutError:
                        raise RuleTimeout(f"regular expression {self.style!r:.80} timed out") from None
                    if ok is None:
                        yield Hit(block, start, end, args={"words": "", "style": self.style})
                    continue
                words = self._words(ctx, text, start, end)
                if self.style == "sentence":
                    offending, changes = self._sentence(ctx, block, words, start)
                elif self.style == "title":
                    offending, changes = self._title(words)
                else:
                    offending, changes = self._case(words, self.style == "upper")
                if not offending:
                    continue
                pieces, pos = [], start
                for word, a, b, clause in words:
                    if a in changes:
                        pieces.append(text[pos:a])
                        pieces.append(changes[a])
                        pos = b
                pieces.append(text[pos:end])
                corrected = "".join(pieces)
                yield Hit(block, start, end, args={"words": _quote(offending), "style": self.style},
                          suggestion=corrected, replacement=corrected if self.fix else None)
