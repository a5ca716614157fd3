"""``ledger-staff-title``: people the newsroom knows get their agreed title on first reference.

The people come from ``article.people_extra`` (the plugin's
``newslint_enrich_article`` hook puts the staff list there, and any other
plugin's known people count too). For each person with titles on file, the
first full-name mention outside quotations in the rule's scope must carry one
of them: before the name ("Executive Editor Miriam Okafor", "executive
editor of The Daily Ledger, Miriam Okafor") or after it ("Miriam Okafor, the
Ledger's executive editor,"). A rank word in front of the title ("Deputy
Mayor Harold Finch") makes it a different post. Only the first mention is
checked, and a mention the plugin cannot read confidently (a name inside a
quotation) is skipped rather than guessed at.

Names are matched with one compiled expression per person, cached on the
rule, and only in blocks that contain the surname: a story that names none of
the staff costs one substring test of the article's text per person.
"""

from __future__ import annotations

import regex

from newslint.kinds.base import CheckContext, Hit, Option, RuleKind, article_text

#: words that turn a title into another post: "deputy mayor" is not "mayor"
RANK_WORDS = ("deputy", "vice", "assistant", "associate", "acting", "interim", "former", "ex", "senior")
#: capitalised words that start a sentence rather than a title ("But Miriam Okafor said")
NOT_TITLES = frozenset("""a an and as at but by for from in of on or so the then to when while with yesterday today
    tomorrow after before later also only meanwhile however""".split())
#: last words of a title as written: only these make a "different title" message
TITLE_WORDS = frozenset("""editor reporter columnist writer producer photographer director manager chief
    mayor councilor councilman councilwoman councilmember commissioner supervisor administrator clerk treasurer
    president chair chairman chairwoman secretary governor gov. senator sen. representative rep. judge sheriff
    superintendent principal dean officer sgt. sergeant detective lt. lieutenant capt. captain inspector
    spokesman spokeswoman spokesperson attorney pastor rev. coach""".split())

_WORD = r"[\p{L}\p{M}][\p{L}\p{M}'’.-]*"
#: capitalised words directly before a name: a title as written ("Editor", "City Councilor")
_WRITTEN = regex.compile(rf"((?:\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*\s+){{1,4}})$")
#: where an appositive or a clause ends: sentence punctuation or a dash
_CLAUSE_END = regex.compile(r"[.;:!?—–(]|\s-\s")


def _name_pattern(name: str) -> str:
    words = name.split()
    given, surname = words[0], words[-1]
    middle = "".join(rf"(?:\s+{regex.escape(w)})?" for w in words[1:-1])
    # an optional middle initial the list leaves out ("Miriam A. Okafor")
    return (rf"(?<![\p{{L}}\p{{M}}'’-]){regex.escape(given)}{middle}(?:\s+\p{{Lu}}\.)?\s+"
            rf"{regex.escape(surname)}(?![\p{{L}}\p{{M}}-])")


def _title_alternatives(titles) -> str:
    return "|".join(r"\s+".join(regex.escape(w) for w in t.split()) for t in sorted(titles, key=len, reverse=True))


class _Person:
    """The compiled patterns for one known person."""

    def __init__(self, name: str, titles: tuple[str, ...]):
        self.name = name
        self.surname = name.split()[-1]  # in the text wherever the name is: a cheap test first
        self.titles = titles
        alts = _title_alternatives(titles)
        rank = "|".join(RANK_WORDS)
        self.name_re = regex.compile(_name_pattern(name), regex.V1)
        # the title ends the text before the name, optionally followed by "of/at/for" and up to four words
        self.before_re = regex.compile(
            rf"(?i)(?<!\b(?:{rank})[\s-]+)\b(?:{alts})"
            rf"(?:\s+(?:of|at|for)\s+{_WORD}(?:\s+{_WORD}){{0,3}})?\s*,?\s*$",
            regex.V1)
        # an appositive or copula after the name: ", the Ledger's executive editor", " is the mayor"
        self.after_re = regex.compile(
            rf"(?i)^\s*(?:,|\s(?:is|was|who\s+is|who\s+was)\s)\s*(?:(?!(?:{rank})\b){_WORD}\s+){{0,4}}?"
            rf"(?:{alts})\b",
            regex.V1)

    @property
    def titles_text(self) -> str:
        return " or ".join(f'"{t}"' for t in self.titles)

    def has_title(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 120):start]
        if self.before_re.search(before):
            return True
        after = text[end:end + 120]
        stop = _CLAUSE_END.search(after)
        if stop is not None:
            after = after[:stop.start()]
        return bool(self.after_re.search(after))

    def written_title(self, text: str, start: int) -> tuple[int, str] | None:
        """``(offset, words)``: capitalised words right before the name that form a title of their own."""
        window = max(0, start - 80)
        m = _WRITTEN.search(text[window:start])
        if m is None:
            return None
        words = list(regex.finditer(r"\S+", m.group(1)))
        while words and words[0].group().lower().strip(".") in NOT_TITLES:
            words.pop(0)
        if not words or words[-1].group().lower() not in TITLE_WORDS:
            return None
        return window + m.start(1) + words[0].start(), " ".join(w.group() for w in words)


class StaffTitle(RuleKind):
    name = "ledger-staff-title"
    description = "People on the newsroom's staff list are given their agreed title on first reference."
    OPTIONS = {
        "names": Option("list[str]", default=[],
                        doc="check only these people (default: every known person with titles)"),
    }

    def setup(self, options):
        self.only = frozenset(" ".join(n.split()).lower() for n in options["names"])
        self._people: dict[tuple, _Person] = {}

    def _person(self, known) -> _Person | None:
        name = getattr(known, "name", None)
        titles = getattr(known, "titles", None) or ()
        if not isinstance(name, str) or len(name.split()) < 2:
            return None
        titles = tuple(t for t in titles if isinstance(t, str) and t.strip())
        if not titles or (self.only and " ".join(name.split()).lower() not in self.only):
            return None
        key = (name, titles)
        if key not in self._people:
            self._people[key] = _Person(" ".join(name.split()), titles)
        return self._people[key]

    def check(self, ctx: CheckContext):
        # a person whose surname is nowhere in the article cannot be named in it: most of the staff
        # in most stories, skipped with one substring test (before the patterns are looked up)
        text = None
        present = []
        for known in ctx.article.people_extra or ():
            name = getattr(known, "name", None)
            if not isinstance(name, str):
                continue
            words = name.split()
            if len(words) < 2:
                continue
            if text is None:
                text = article_text(ctx.article)
            if words[-1] in text:
                present.append(known)
        people = [p for p in map(self._person, present) if p is not None]
        if not people:
            return
        blocks = list(ctx.blocks())
        analysis = ctx.article.analysis
        seen: set[str] = set()
        for person in people:
            if person.name in seen:
                continue
            seen.add(person.name)
            first = None
            for block in blocks:
                if person.surname not in block.text:  # most of the staff are not in most stories
                    continue
                for m in ctx.finditer(person.name_re, block.text):
                    if not analysis.in_quote(block, m.start(), m.end()):
                        first = (block, m)
                        break
                if first is not None:
                    break
            if first is None:
                continue
            block, m = first
            if person.has_title(block.text, m.start(), m.end()):
                continue
            args = {"name": person.name, "titles": person.titles_text, "title": person.titles[0]}
            written = person.written_title(block.text, m.start())
            if written is not None:
                start, words = written
                yield Hit(block, start, m.end(), args=dict(args, written=words),
                          message='"{written}" is not the title on file for {name}: use {titles}.')
            else:
                yield Hit(block, m.start(), m.end(), args=args)
