"""``conditional``: if X appears, Y must have come first; typically an
acronym must be spelled out (or bracketed) before its first use.

Options:

``first`` (required)
    A regular expression for the thing that needs an introduction. Its
    first capture group (or the whole match, without one) is the key, e.g.
    ``\\b([A-Z]{2,6})\\b`` for an acronym.
``second`` (required)
    What must appear before the first use. Two ways to write it:

    * a template that refers to the key with ``\\1``: ``\\(\\1\\)`` requires
      "(IDF)" at or before the first "IDF"; the key is inserted literally;
    * a pattern without ``\\1`` that introduces keys (Vale's semantics): its
      first group (or whole match) is the key it introduces, e.g.
      ``(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{2,6})\\)`` introduces "IDF" in "Israel
      Defense Forces (IDF)".

    "Before" means a match that starts at or before the use, so "(IDF)"
    introduces the "IDF" inside it.
``exceptions``
    Keys that need no introduction (FBI, NATO, U.S.), compared exactly.

Semantics: the blocks in the rule's scope are read in document order
(headline first); only the first use of each key is checked and flagged.
Uses inside quotations are skipped unless the rule sets ``quotes: true``
(an introduction inside a quotation still counts). To keep false alarms
low, uses in a block written mostly in capitals (an all-caps headline) are
skipped, and so are Roman numerals after a capitalised word (King Abdullah
II, World War II).

Message placeholders: ``{match}`` and ``{key}`` (the captured text).
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.kinds.base import CheckContext, Hit, Option, OptionError, RuleKind, compile_pattern

_BACKREF = regex.compile(r"(?<!\\)((?:\\\\)*)\\(?:1(?!\d)|g<1>)")
_ROMAN = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_AFTER_NAME = regex.compile(r"\p{Lu}[\p{L}.'’-]*\s+$")
_MAX_CACHED = 512


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


class Conditional(RuleKind):
    name = "conditional"
    description = "Flags the first use of something (an acronym) that was not introduced before it."
    OPTIONS = {
        "first": Option("regex", required=True, doc="what needs an introduction; group 1 is the key"),
        # a str, not a regex: a \1 template does not compile until the key is filled in
        "second": Option("str", required=True, doc="the introduction: a \\1 template, or a pattern whose "
                                                       "group 1 is the key it introduces"),
        "exceptions": Option("list[str]", default=[], doc="keys that need no introduction"),
    }

    def setup(self, options):
        self.first = compile_pattern(options["first"], "options.first")
        self.template = options["second"] if _BACKREF.search(options["second"]) else None
        if self.template is None:
            self.second = compile_pattern(options["second"], "options.second")
        else:
            # the template must compile with a sample key in place of \1
            compile_pattern(self._fill("X"), "options.second")
        self.exceptions = set(options["exceptions"])
        self._compiled: dict[str, object] = {}

    def _fill(self, key: str) -> str:
        escaped = regex.escape(key)
        return _BACKREF.sub(lambda m: m.group(1) + escaped, self.template)

    def _second_for(self, key: str):
        pattern = self._compiled.get(key)
        if pattern is None:
            if len(self._compiled) > _MAX_CACHED:
                self._compiled.clear()
            pattern = self._compiled[key] = regex.compile(self._fill(key), regex.V0)
        return pattern

    @staticmethod
    def _key(m) -> str:
        return m.group(1) if m.re.groups >= 1 and m.group(1) is not None else m.group()

    def check(self, ctx: CheckContext):
        blocks = list(ctx.blocks())
        analysis = ctx.article.analysis
        skip_quotes = not ctx.rule.quotes
        introduced: dict[str, tuple[int, int]] = {}
        if self.template is None:
            for order, block in enumerate(blocks):
                for m in ctx.finditer(self.second, block.text):
                    introduced.setdefault(self._key(m), (order, m.start()))
        done: set[str] = set()
        for order, block in enumerate(blocks):
            if _mostly_capitals(block.text):
                continue
            for m in ctx.finditer(self.first, block.text):
                key = self._key(m)
                if not key or key in done or key in self.exceptions:
                    continue
                start = m.start(1) if m.re.groups >= 1 and m.group(1) is not None else m.start()
                end = start + len(key)
                if _ROMAN.fullmatch(key) and _AFTER_NAME.search(block.text, 0, start):
                    continue
                if skip_quotes and analysis.in_quote(block, start, end):
                    continue
                done.add(key)
                if self._introduced(ctx, blocks, order, start, key, introduced):
                    continue
                yield Hit(block, start, end, args={"key": key})

    def _introduced(self, ctx, blocks, order, start, key, introduced) -> bool:
        if self.template is None:
            return key in introduced and introduced[key] <= (order, start)
        pattern = self._second_for(key)
        for earlier in blocks[:order]:
            if ctx.search(pattern, earlier.text) is not None:
                return True
        m = ctx.search(pattern, blocks[order].text)
        return m is not None and m.start() <= start
