"""People's titles: capitalisation, length, abbreviations, references and consistency.

These checks need to know who is a person and which title belongs to whom,
so they read the cast of people (``article.analysis.cast``) instead of
matching words: "the Secretary" is only a standalone title when no name
follows it, "Governor Jerry Brown" only needs "Gov." when Jerry Brown is a
person, and "the foreign minister" can only be the wrong title when the cast
knows who the foreign minister is. Every kind prefers silence: when the cast
is unsure (ambiguous holders, a name inside a quotation, a line set in title
case) nothing is reported.

Kinds:

- ``title-standalone-case``: a capitalised title standing alone or after a name.
- ``title-before-name-case``: a formal title before a name in lower case.
- ``occupation-case``: a capitalised occupational description before a name.
- ``long-title``: a title of four or more content words before a name.
- ``title-abbreviation``: AP's abbreviated titles (Gov., Sen., the Rev. ...) or,
  in British style, the same abbreviations without a full point.
- ``first-reference``: a person first named by surname (or title + surname) only.
- ``repeated-full-name``: a later body reference repeating title and full name.
- ``wrong-title``: a title-only reference whose holder is not the person the
  sentence is about.
- ``courtesy-title``: Mr./Mrs./Ms. by profile (AP drops them; British style
  writes them without a full point).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

import regex

from newslint.cache import longest_first as _longest_first
from newslint.article import lexicon as L
from newslint.kinds.base import (CheckContext, Hit, Option, OptionError, RuleKind, article_letter_runs, letter_runs,
                                  per_article, word_gate)
from newslint.news.house_style import enforce_option

NAME_KINDS = ("full", "surname", "courtesy", "first-name")
BODY_KINDS = frozenset({"body", "dek"})

#: words a title is made of (lower-cased in a standalone title, capitalised before a name)
TITLE_WORDS = frozenset(w for h in L.TITLE_HEADS for w in regex.split(r"[ \-]", h)) | L.RANK_MODIFIERS \
    | L.OTHER_MODIFIERS | L.PORTFOLIOS | frozenset({"general", "affairs", "exchequer", "staff", "state"})
_SMALL = frozenset({"of", "for", "the", "and", "to", "on", "at", "in", "a", "an"})

#: formal titles AP capitalises directly before a name ("President Joe Biden")
FORMAL_HEADS = L.words(
    "president|vice president|vice-president|prime minister|secretary of state|secretary-general|"
    "secretary general|senator|governor|lieutenant governor|mayor|king|queen|pope|emperor|empress|"
    "chancellor|premier|foreign minister|defense minister|defence minister|finance minister|"
    "interior minister|health minister|foreign secretary|home secretary|defense secretary|"
    "defence secretary|treasury secretary|health secretary|education secretary|attorney general|"
    "crown prince|chief justice|house speaker|first lady|supreme leader|congressman|congresswoman|"
    "sheikh|emir|sultan|ambassador"
)
#: more offices whose "Title Surname" is judged at first reference ("Rep. Thornton", "Treasurer
#: Dillard"), though not capitalised as formal titles before a name ("corporate treasurer Lance Moir")
#: ("State Health Commissioner Reyes"; a lower-case "commissioner" before a name is no case slip)
FIRST_REFERENCE_HEADS = FORMAL_HEADS | L.words("representative|treasurer|comptroller|commissioner|judge|"
                                                "councilman|councilwoman|councilmember|alderman|alderwoman|"
                                                "assemblyman|assemblywoman")

_WORD_RE = regex.compile(r"[\p{L}][\p{L}'’.\-]*")
_CAPWORD = regex.compile(r"\b\p{Lu}[\p{L}'’\-]*")
_ANYWORD = regex.compile(r"\b\p{L}[\p{L}'’\-]*")
#: text between a sentence start and its subject
_OPENER = regex.compile(r"^[\s“\"‘'(]*(?:(?:But|And|Yet|So|Still|Now|Then|Later|Meanwhile|However|Also|"
                        r"Instead|Earlier)\b,?\s+)?$")


# -- shared helpers --------------------------------------------------------------

def title_case_line(text: str, start: int, end: int) -> bool:
    """True when a stretch of prose is set in title case or capitals (a crosshead, a menu)."""
    words = _ANYWORD.findall(text, start, end)
    long = [w for w in words if len(w) > 3]
    if len(long) < 3:
        return False
    lower = sum(1 for w in long if w[:1].islower())
    return lower <= len(long) // 8


def sentence_span(analysis, block, pos: int) -> tuple[int, int]:
    """The sentence of ``block`` that contains ``pos`` (a bisect: blocks can hold thousands)."""
    spans = analysis.sentences(block)
    i = bisect.bisect_right(spans, (pos, len(block.text) + 1)) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return 0, len(block.text)


def before_names(ctx: CheckContext, pattern, firsts, kinds=("full",)):
    """``(block, match, mention)`` for each match of ``pattern`` directly followed by a name
    mention of a person in the cast whose kind is in ``kinds`` ("Governor| Jay Inslee", with
    ``("full", "surname")`` also "Gov.| Inslee"). Blocks whose words share nothing with
    ``firsts`` (a word gate, or None) are not scanned, and the cast is built only on a match."""
    article = ctx.article
    cast = None
    if firsts is not None and firsts.isdisjoint(article_letter_runs(article)):
        return  # in no block (the article's runs hold every block's): one set test
    for block in ctx.blocks():
        if firsts is not None and firsts.isdisjoint(letter_runs(article, block)):
            continue
        for m in ctx.finditer(pattern, block.text):
            if cast is None:
                cast = article.analysis.cast
            found = cast.person_at(block.index, m.end(), m.end() + 1)
            if found is not None and found[1].start == m.end() and found[1].kind in kinds:
                yield block, m, found[1]


def before_full_names(ctx: CheckContext, pattern, firsts):
    """``(block, match)`` for each match of ``pattern`` directly followed by a full-name mention
    of a person in the cast (see ``before_names``)."""
    for block, m, _ in before_names(ctx, pattern, firsts):
        yield block, m


#: ``enforce`` for the rules that enforce a house-style choice where reputable guides disagree
ENFORCE = enforce_option("the other forms")


def line_of(article, block, pos: int) -> int:
    return article.source.position(block.smap.start(pos))[0]


def name_mentions(person) -> list:
    return [m for m in person.mentions if m.kind in NAME_KINDS]


def lower_title(text: str, keep=()) -> str:
    """Lower-case the title words of ``text`` ("Secretary of State" -> "secretary of state"),
    keeping proper words (nationalities, places, organisations, ``keep``)."""
    keep = {k.lower() for k in keep}

    def repl(m):
        w = m.group()
        wl = w.lower()
        if wl in keep or wl.rstrip("'’s") in keep:
            return w
        parts = wl.split("-")
        if all(p in TITLE_WORDS or p in _SMALL for p in parts):
            return wl
        return w

    return _WORD_RE.sub(repl, text)


def upper_title(text: str) -> str:
    """Capitalise the title words of ``text`` ("secretary of state" -> "Secretary of State")."""
    def repl(m):
        w = m.group()
        if w.lower() in _SMALL:
            return w
        return "-".join(p[:1].upper() + p[1:] for p in w.split("-"))

    return _WORD_RE.sub(repl, text)


def title_core_start(title) -> int:
    """Offset in ``title.text`` of the first modifier or head word (after qualifiers such as
    "Israeli" or "State Department")."""
    low = title.text.lower()
    best = len(low)
    for word in (*title.modifiers, *title.head.split()[:1]):
        m = regex.search(r"(?<![\w\-])" + regex.escape(word) + r"(?![\w])", low)
        if m:
            best = min(best, m.start())
    return best if best < len(low) else 0


def describe_title(person) -> str:
    formal = [t for t in person.titles if t.formal and t.head != "courtesy"]
    return formal[0].text if formal else ""


# -- titles.standalone-capitalized ------------------------------------------------

_WORK_BEFORE = regex.compile(r"\p{Lu}[\p{L}'’\-]*[ \u00a0]+(?:of|and|from|for)[ \u00a0]+$")
_WORK_AFTER = regex.compile(r"(?:['’]s?[ \u00a0]+\p{Lu}|[ \u00a0]+and[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu})")


_THE_BEFORE = regex.compile(r"\b(?:[Tt]he|\p{Lu}\p{L}+['’]s?)(?:[ \u00a0]+\p{Lu}[\p{L}.\-]*){0,2}[ \u00a0]+$")


def _title_key(text: str, head: str) -> str:
    """A title from its head word on, in lower case: "the Israeli prime minister" -> "prime
    minister", "Prince of Wales" -> "prince of wales" (the whole text when the head is not found)."""
    low = " ".join(text.lower().split())
    m = regex.search(r"(?<![\w\-])" + regex.escape(head.split()[0]) + r"(?![\w])", low)
    return low[m.start():] if m else low


_WEAK_PATTERN = None


def _weak_pattern():
    """"the" + an ordinary noun that is a title only for someone who holds it, capitalised ("the
    Coach"), not before a capitalised word, a possessive, a hyphen or "of"/"for"/"at" (an
    organisation or a name: "the Director of Public Prosecutions", "the Coach House")."""
    global _WEAK_PATTERN
    if _WEAK_PATTERN is None:
        alt = "|".join(regex.escape(h[:1].upper() + h[1:]) for h in sorted(L.WEAK_REF_HEADS, key=_longest_first))
        _WEAK_PATTERN = regex.compile(
            r"(?<![\w'’\-])[Tt]he[ \u00a0]+(?P<t>" + alt + r")(?![\w\-'’])"
            r"(?![ \u00a0]+(?:\p{Lu}|of\b|for\b|at\b|and[ \u00a0]+\p{Lu}))")
    return _WEAK_PATTERN


class TitleStandaloneCase(RuleKind):
    name = "title-standalone-case"
    description = "A capitalised title standing alone ('The Secretary will travel') or after a name."
    FIXABLE = True
    OPTIONS = {
        "allow": Option("list[str]", default=[], doc="title heads that may stay capitalised alone ('queen', 'pope')"),
        "appositive": Option("bool", default=True, doc="also check titles after a name ('Biden, the President,')"),
        "max_per_article": Option("int", default=1,
                                  doc="report the first N capitalised titles of an article, with the count (0: all)"),
        "enforce": ENFORCE,
    }

    def setup(self, options):
        self.allow = {a.lower() for a in options["allow"]}

    @staticmethod
    def _work_or_name(analysis, block, start, end, title) -> bool:
        """A title word inside a work's title or a name: "The Fisher King", "The Return of the King",
        "the Prince's Trust", "the CEO" (an acronym is not lowercased)."""
        full = block.text
        if any(w.isupper() and len(w) > 1 for w in _WORD_RE.findall(title)):
            return True
        ss, _ = sentence_span(analysis, block, start)
        if full.startswith("The", start) and full[ss:start].strip(" \u00a0“\"‘'(—–-"):
            return True  # a capitalised "The" inside a sentence starts a title of a work
        if _WORK_BEFORE.search(full, max(0, start - 40), start) or _WORK_AFTER.match(full, end):
            return True
        return False

    def _hit(self, ctx, block, start, end, text, quals, head):
        if title_case_line(block.text, *sentence_span(ctx.article.analysis, block, start)):
            return None
        fixed = lower_title(text, quals)
        if fixed == text:
            return None
        return Hit(block, start, end, args={"title": fixed, "head": head}, suggestion=fixed, replacement=fixed)

    def _standalone(self, ctx: CheckContext):
        article = ctx.article
        cast = article.analysis.cast
        scope = {b.index: b for b in ctx.blocks()}
        for ref in cast.title_refs:
            block = scope.get(ref.block)
            if block is None or ref.quoted or not ref.capitalized or ref.head in self.allow \
                    or ref.head.split()[-1] in self.allow:
                continue
            # the span: from the first title word (after "the", a possessive and qualifiers)
            text = block.text[ref.start:ref.end]
            quals = {w.lower() for q in ref.qualifiers for w in q.split()}
            first = None
            for m in _WORD_RE.finditer(text):
                wl = m.group().lower()
                if m.start() == 0 and (wl == "the" or wl.endswith(("'s", "’s", "'", "’"))):
                    continue
                if wl in quals or wl.rstrip("'’s") in quals:
                    continue
                first = m.start()
                break
            if first is None or not text[first:first + 1].isupper() and not _CAPWORD.search(text, first):
                continue
            if self._work_or_name(ctx.article.analysis, block, ref.start, ref.end, text[first:]):
                continue
            hit = self._hit(ctx, block, ref.start + first, ref.end, text[first:], quals, ref.head)
            if hit:
                yield hit
        # a capitalised title the cast took for a name ("The Foreign Minister said ..." -> a person
        # called "Foreign Minister"): every word is a title word and "the" comes just before
        for person in cast.people:
            words = person.name.lower().split()
            if not all(w in TITLE_WORDS for w in words) or words[-1] not in L.TITLE_HEADS:
                continue
            head = next(h for h in (" ".join(words[i:]) for i in range(len(words))) if h in L.TITLE_HEADS)
            for m in person.mentions:
                block = scope.get(m.block)
                if block is None or m.quoted or m.kind not in NAME_KINDS or m.text.isupper():
                    continue
                if not _THE_BEFORE.search(block.text, max(0, m.start - 40), m.start):
                    continue
                hit = self._hit(ctx, block, m.start, m.end, block.text[m.start:m.end], (), head)
                if hit and not self._work_or_name(ctx.article.analysis, block, m.start, m.end, m.text):
                    yield hit
        yield from self._weak_heads(ctx, scope)
        if not self.options["appositive"]:
            return
        yield from self._appositives(ctx, scope)

    def _weak_heads(self, ctx: CheckContext, scope: dict):
        """A capitalised ordinary noun that is someone's title in this story, standing alone
        ("Head coach Will Smith ... the Coach declined to comment"): the cast takes "the coach" for
        a common noun, but the capital shows the writer used it as the title. Only a word some person
        of the story holds as (the head of) a title, and not before a capitalised word, "of"/"for"
        or a possessive ("the Director of Public Prosecutions", "the Coach's Corner")."""
        article = ctx.article
        cast = article.analysis.cast
        held = {}
        for p in cast.people:
            for t in p.titles:
                if t.formal and t.head not in self.allow:
                    for h in (*t.heads, t.head.split()[-1]):
                        if h in L.WEAK_REF_HEADS and h not in self.allow:
                            held[h] = t.head
        if not held:
            return
        pattern = _weak_pattern()
        refs = {(r.block, r.start) for r in cast.title_refs}
        firsts = {h[:1].upper() + h[1:] for h in held}
        for block in scope.values():
            text = block.text
            if not any(f in text for f in firsts):
                continue  # a substring test: most blocks hold none of the capitalised heads
            for m in ctx.finditer(pattern, text):
                if m.group("t").lower() not in held:
                    continue
                start, end = m.start("t"), m.end("t")
                if (block.index, m.start()) in refs or cast.person_at(block.index, start, end) is not None \
                        or article.analysis.in_quote(block, start, end):
                    continue
                if self._work_or_name(article.analysis, block, m.start(), end, m.group()):
                    continue
                head = m.group("t").lower()
                hit = self._hit(ctx, block, start, end, m.group("t"), (), held[head])
                if hit:
                    yield hit

    def check(self, ctx: CheckContext):
        # capitalising titles is a house habit (British papers write "the Prime Minister"
        # throughout): the first one stands for the rest
        limit = self.options["max_per_article"]
        hits = list(self._standalone(ctx))
        if hits and self.options["enforce"] == "consistent":
            # a story that capitalises a title wherever it stands alone ("the Prime Minister",
            # British papers) keeps another recognised style; one that also writes the same title
            # in lower case ("The Secretary will ... The secretary said") mixes them
            # ("the Prince of Wales" and "the prince" are two forms, not a mix)
            lower = self._lowercase_titles(ctx)
            keys = [_title_key(h.args["title"], h.args["head"]) for h in hits]
            capital = Counter(keys)
            hits = [h for h, key in zip(hits, keys) if lower[key]]
            for h, key in zip(hits, (k for k in keys if lower[k])):
                h.message = (f"The story writes the title \"{key}\" standing alone both capitalised "
                             f"({capital[key]}) and in lower case ({lower[key]}); a title standing alone "
                             f"or after a name is lowercase: \"{{suggestion}}\"{{more}}.")
        if limit:
            hits.sort(key=lambda h: (h.block.index, h.start))
        yield from per_article(hits, limit)

    @staticmethod
    def _lowercase_titles(ctx: CheckContext) -> Counter:
        """Titles standing alone or after a name in lower case outside quotations, by ``_title_key``."""
        article = ctx.article
        cast = article.analysis.cast
        scope = {b.index for b in ctx.blocks()}
        lower = Counter(_title_key(r.text, r.head) for r in cast.title_refs
                        if r.block in scope and not r.quoted and not r.capitalized)
        for person in cast.people:
            for t in person.titles:
                if t.block in scope and t.position == "after" and not t.capitalized \
                        and not article.analysis.in_quote(article.blocks[t.block], t.start, t.end):
                    lower[_title_key(t.text, t.head)] += 1
        return lower

    def _appositives(self, ctx: CheckContext, scope: dict):
        article = ctx.article
        cast = article.analysis.cast
        for person in cast.people:
            for t in person.titles:
                block = scope.get(t.block) if t.block is not None else None
                if block is None or t.position != "after" or not t.capitalized or t.head in self.allow:
                    continue
                if article.analysis.in_quote(block, t.start, t.end):
                    continue
                core = title_core_start(t)
                quals = {w.lower() for q in t.qualifiers for w in q.split()}
                if any(w.isupper() and len(w) > 1 for w in _WORD_RE.findall(t.text[core:])):
                    continue  # "MP for West Ham", "CEO of ...": acronyms keep their capitals
                hit = self._hit(ctx, block, t.start + core, t.end, t.text[core:], quals, t.head)
                if hit:
                    yield hit


# -- titles.lowercase-before-name ---------------------------------------------------

_DET_BEFORE = regex.compile(r"(?:\b(?i:the|a|an|his|her|its|their|our|my|your|former|late|then|ex|acting|"
                            r"interim|outgoing|incoming|new|elected)|['’]s?)[ \u00a0]+$")


_HYPHENATED_BEFORE = regex.compile(r"\p{Ll}+-\p{Ll}+[ \u00a0]+$")


class TitleBeforeNameCase(RuleKind):
    name = "title-before-name-case"
    description = "A formal title directly before a name written in lower case ('president Joe Biden')."
    FIXABLE = True
    OPTIONS = {
        "heads": Option("list[str]", default=sorted(FORMAL_HEADS), doc="formal titles capitalised before a name"),
    }

    def setup(self, options):
        self.heads = {h.lower() for h in options["heads"]}

    def check(self, ctx: CheckContext):
        article = ctx.article
        scope = {b.index: b for b in ctx.blocks()}
        for person in article.analysis.cast.people:
            for t in person.titles:
                block = scope.get(t.block) if t.block is not None else None
                if block is None or t.position != "before" or t.capitalized or t.abbreviation:
                    continue
                if t.head not in self.heads or any(m not in ("vice", "deputy") for m in t.modifiers):
                    continue
                core = title_core_start(t)
                start = t.start + core
                if _DET_BEFORE.search(block.text, max(0, start - 12), start):
                    continue  # "his deputy ...", "former president ...", "the company's ..."
                if article.analysis.in_quote(block, start, t.end):
                    continue
                if any(q[:1].islower() for q in t.qualifiers):
                    continue
                if t.qualifiers and not any(_country(w) for q in t.qualifiers for w in q.split()):
                    continue  # "NFU president Minette Batters": an organisation's officer
                if _HYPHENATED_BEFORE.search(block.text, max(0, start - 30), start):
                    continue  # "far-right president Jair Bolsonaro": a description
                text = block.text[start:t.end]
                fixed = upper_title(text)
                if fixed != text:
                    yield Hit(block, start, t.end, args={"title": fixed}, suggestion=fixed, replacement=fixed)


# -- titles.occupation-capitalized ---------------------------------------------------

#: occupations that are also formal titles or name parts are left alone
_NOT_OCCUPATION = L.TITLE_HEADS | L.words("leader opposition candidate nominee incumbent challenger rival "
                                          "star model host anchor officer doctor detective prosecutor "
                                          "professor captain coach manager director producer")
OCCUPATION_WORDS = sorted(L.OCCUPATIONS - _NOT_OCCUPATION, key=_longest_first)


class _AtStarts:
    """``pattern`` (for ``CheckContext.finditer``) tried only at the positions where ``starts``
    matches: it must find where every match of ``pattern`` begins, and no two of its matches
    may overlap (``starts`` is scanned without overlaps). Then the matches are the same:
    the leftmost match from each position on, as ``pattern.finditer`` finds them."""

    def __init__(self, pattern, starts):
        self.compiled = pattern
        self.pattern = pattern.pattern
        self.starts = starts

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, timeout=None):
        end = len(text) if endpos is None else endpos
        found = []
        last = pos
        for c in self.starts.finditer(text, pos, end):
            start = c.start()
            if start < last:
                continue
            m = self.compiled.match(text, start, end, timeout=timeout)
            if m is not None:
                found.append(m)
                last = m.end()
        return iter(found)


class OccupationCase(RuleKind):
    name = "occupation-case"
    description = "A capitalised occupational description before a name ('Astronaut Neil Armstrong')."
    FIXABLE = True
    OPTIONS = {
        "occupations": Option("list[str]", default=OCCUPATION_WORDS, doc="occupational descriptions (lower case)"),
    }

    def setup(self, options):
        words = sorted({o.lower() for o in options["occupations"]}, key=_longest_first)
        if not words:
            raise OptionError("options.occupations", "give at least one occupation")
        alt = "|".join(regex.escape(w.capitalize()) for w in words)
        # mid-sentence: after a lower-case word, a comma or a colon
        pattern = regex.compile(r"(?<=(?:(?<![\w'’\-])\p{Ll}[\p{L}'’\-]*|[,:;])[ \u00a0]+)(?P<occ>" + alt
                                + r")[ \u00a0]+(?=\p{Lu})")
        # tried only where a capitalised occupation starts (the look-behind first, at every
        # position, cost ~20 us per paragraph); the starts do not overlap when each word has
        # its only capital first
        capitalised = [w.capitalize() for w in words]
        if all(w[:1].isupper() and not any(c.isupper() for c in w[1:]) for w in capitalised):
            self.pattern = _AtStarts(pattern, re.compile("|".join(map(re.escape, capitalised))))
        else:
            self.pattern = pattern
        # a block with none of the occupations' first words (in any case) is not scanned
        self.firsts = word_gate(w.capitalize() for w in words)

    def check(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        for block, m in before_full_names(ctx, self.pattern, self.firsts):
            text = block.text
            if title_case_line(text, *sentence_span(analysis, block, m.start())):
                continue
            occ = m.group("occ")
            fixed = occ.lower()
            yield Hit(block, m.start("occ"), m.end("occ"), args={"title": fixed}, suggestion=fixed,
                      replacement=fixed)


# -- titles.long-title-before-name -----------------------------------------------------

_ORG_NOUNS = L.words("firm magazine newspaper paper website site network label band charity company group "
                     "union club team brand chain operator maker publisher agency bank party council committee "
                     "association institute university school foundation fund trust studio studios journal show "
                     "programme program series giant conglomerate developer startup start-up retailer "
                     "carrier insurer lender broadcaster automaker carmaker")
_VERBISH = L.words("is was are were has have had be been will would can could said says")


def title_words(t, person_named: bool = False) -> int:
    """Content words of a title before a name, as a reader counts the post: rank and other
    modifiers, the head, and the complement ("for hostage issues"); not "former"/"then", not
    qualifiers in front ("Israeli", "State Department"), not of/for/the. 0 when the title is not
    cleanly a title (it ends on a preposition, holds a verb, or ends on an organisation noun, so the
    "name" after it is an organisation -- unless ``person_named``: the name starts with a known
    given name, "chairman of VW's works council Walter Hiller")."""
    head_words = t.head.split()
    low = [w.lower() for w in _WORD_RE.findall(t.text)]
    try:
        h = next(i for i in range(len(low)) if low[i:i + len(head_words)] == head_words)
    except StopIteration:
        return 0
    raw_tail = _WORD_RE.findall(t.text)[h + len(head_words):]
    tail = low[h + len(head_words):]
    complement = [w for w in tail if w not in _SMALL]
    if tail and (tail[-1] in _SMALL or tail[-1] in _ORG_NOUNS and raw_tail[-1][:1].islower() and not person_named) \
            or any(w in _VERBISH or w in L.TITLE_HEADS for w in tail) \
            or any(a == "to" and b != "the" and r[:1].islower() for a, b, r in zip(tail, tail[1:], raw_tail[1:])):
        return 0  # "editor of film journal Trade Guide", "spokesman for trade commissioner Peter Mandelson",
        # "chief operating officer to succeed Irwin Jacobs" (an infinitive, not "ambassador to the UN")
    mods = [m for m in t.modifiers if m not in L.STATUS_MODIFIERS]
    return len(mods) + len([w for w in head_words if w not in _SMALL]) + len(complement)


#: a word of a lower-case title run ("director", "of", "homeland"), split by single spaces
_RUN_WORD = regex.compile(r"[\p{L}][\p{L}'’\-]*")
#: the small words a long lower-case complement may hold ("director of the office of budget and planning")
_RUN_SMALL = frozenset({"of", "for", "the", "and"})
#: heads that may lead a lower-case run: offices, not occupations ("teacher of the year" is no title)
#: (and a city's or county's attorney, an office though "attorney" alone is an occupation; and a
#: chief with a complement, "deputy chief for professional standards", though "chief" alone is no head)
_RUN_HEADS = tuple(sorted((h.split() for h in L.TITLE_HEADS | {"city attorney", "county attorney", "chief"}),
                          key=lambda words: (-len(words), words)))
#: first word -> the heads it starts, longest first
_RUN_HEAD_FIRST: dict = {}
for _h in _RUN_HEADS:
    _RUN_HEAD_FIRST.setdefault(_h[0], []).append(_h)
_RUN_LONG_HEADS = tuple(" ".join(h) for h in _RUN_HEADS if len(h) > 1)
#: adjectives that are part of a post's name in a lower-case run ("high representative for foreign
#: affairs ...", "high commissioner for refugees", "parliamentary state secretary at ...")
_POST_ADJECTIVES = frozenset({"high", "parliamentary"})
_RUN_DET = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "whose", "this", "that"})
_RUN_OPENER = regex.compile(r"^[\s“\"‘'(]*$")
#: a determiner or a status word right before a run that starts at a capitalised word: the run is a
#: description ("the director of ..."); an organisation's possessive is not one ("Tehama County's
#: assistant director of ...", "The bank's managing director of ...": the post is the title)
_RUN_DET_BEFORE = regex.compile(r"\b(?i:the|a|an|his|her|its|their|our|my|your|former|late|then|ex|acting|"
                                r"interim|outgoing|incoming|new|elected)[ \u00a0]+$")


def _words_back(text: str, ss: int, end: int, accept) -> list:
    """The words joined by single spaces that end right before ``end`` (a name), read backwards
    to punctuation, the sentence start or a word ``accept(word, opens_sentence, words_read)``
    refuses; each ``(start, end, word)``, in reading order."""
    words = []
    pos = end
    while pos > ss and len(words) < 24:
        if text[pos - 1] != " ":
            break
        wend = pos - 1
        wstart = wend
        while wstart > ss and (text[wstart - 1].isalpha() or text[wstart - 1] in "'’-"):
            wstart -= 1
        if wstart == wend or not text[wstart].isalpha():
            break
        word = text[wstart:wend]
        first = bool(_RUN_OPENER.match(text, ss, wstart))
        if not accept(word, first, len(words), wstart):
            break
        words.append((wstart, wend, word))
        if first:
            break
        pos = wstart
    words.reverse()
    return words


#: "of", "for" or "and" right before a capitalised word inside a lower-case complement ("for
#: Indo-Pacific security affairs": a proper adjective of the complement, not a qualifier in front)
_COMPLEMENT_BEFORE = regex.compile(r"(?<![\w'’\-])(?:of|for|and)[ \u00a0]$")


def _lower_run(text: str, ss: int, end: int):
    """The words of a lower-case run ending right before ``end`` (a name), each ``(start, end,
    word)``: lower-case words joined by single spaces, and the sentence's first word in any case
    ("State director of emergency management Alicia Brandt"), and a nationality inside it
    ("director of Canadian economic analysis"), or a capitalised word right after "of", "for" or
    "and" with lower-case words after it ("for Indo-Pacific security affairs"). Stops at any other capitalised word inside the
    sentence (a qualifier: "Eastbrook University vice president ..."), at punctuation and at the
    sentence start."""
    return _words_back(text, ss, end, lambda word, first, n, at: word[0].islower() or first
                       or n > 0 and (word.lower() in L.NATIONALITIES or _COMPLEMENT_BEFORE.search(text, max(ss, at - 5), at)))


def _caps_run(text: str, ss: int, end: int):
    """The words of a title-case run ending right before ``end`` (a name): capitalised words and
    of/for/the/and, joined by single spaces, back to punctuation, a lower-case word or the
    sentence start; each ``(start, end, word)``."""
    words = _words_back(text, ss, end, lambda word, first, n, at: word[0].isupper() or word in _RUN_SMALL)
    while words and words[0][2] in _RUN_SMALL:
        words.pop(0)
    return words


def _ranked_compound(word: str) -> bool:
    """A rank joined by hyphens to a title head in one word: "under-secretary-general",
    "vice-chancellor", "deputy-director" (a ranked post, as "deputy director" is)."""
    rank, _, rest = word.partition("-")
    return bool(rest) and rank in L.RANK_MODIFIERS and rest in L.TITLE_HEADS


def long_caps_title(text: str, ss: int, name_start: int):
    """A long capitalised title with a rank before its head and an of/for complement with "and",
    before a name, that the cast does not parse ("Associate Vice President for Academic Affairs and
    Workforce Development Carlos Mendez"): ``(start, end, content words)`` or None. A rank
    (associate, assistant, deputy, vice ...) must lead the head: a cabinet title has none
    ("Secretary of Health and Human Services Xavier Becerra" is one formal title)."""
    if " and " not in text[max(ss, name_start - 160):name_start]:
        return None
    words = _caps_run(text, ss, name_start)
    low = [w.lower() for _, _, w in words]
    n = len(low)
    for i in range(n):
        head = next((h for h in _RUN_HEAD_FIRST.get(low[i], ()) if low[i:i + len(h)] == h), None)
        ranked = head is None and _ranked_compound(low[i])  # "Under-Secretary-General for ..."
        if ranked:
            head = [low[i]]
        elif head is None or i == 0:
            continue
        j = i + len(head)
        if j >= n or low[j] not in ("of", "for") or "and" not in low[j:]:
            continue
        k = i
        while k > 0 and (low[k - 1] in L.RANK_MODIFIERS or low[k - 1] in L.OTHER_MODIFIERS):
            k -= 1
        mods = [w for w in low[k:i] if w in L.RANK_MODIFIERS]
        if not mods and not ranked:
            return None
        if ranked and k == 0 and _RUN_DET_BEFORE.search(text, max(ss, words[0][0] - 12), words[0][0]):
            return None  # "the Under-Secretary-General for ...": a description
        comp = low[j:]
        if comp[-1] in _RUN_SMALL or any(w in _VERBISH or w in L.TITLE_HEADS or w.endswith(("'s", "’s"))
                                         for w in comp):
            return None
        count = len(low[k:i]) + len(head) + len([w for w in comp if w not in _RUN_SMALL])
        return words[k][0], words[-1][1], count
    return None


def long_run_title(text: str, ss: int, name_start: int):
    """A long lower-case title before a name that the cast does not parse ("executive director of
    the state office of budget and planning John Doe"): ``(start, end, content words)`` or None.
    An office head (with its rank modifiers) leads it, an of/for complement of lower-case words
    (and "of", "for", "the", "and") follows and ends right before the name; no verb, no other
    office, and no "the", "a" or possessive in front (a description: "the director of ...")."""
    # cheap tests first: a content word in lower case right before the name, "of"/"for" before it
    cut = text.rfind(" ", ss, name_start - 1)
    last = text[cut + 1:name_start - 1]
    if not last[:1].islower() or last in L.FUNCTION_WORDS:
        return None
    window = text[max(ss, name_start - 240):name_start]
    if " of " not in window and " for " not in window:
        return None
    words = _lower_run(text, ss, name_start)
    low = [w.lower() for _, _, w in words]
    n = len(low)
    for i in range(n):
        head = next((h for h in _RUN_HEAD_FIRST.get(low[i], ()) if low[i:i + len(h)] == h), None)
        if head is None:
            continue
        j = i + len(head)
        if j >= n or low[j] not in ("of", "for"):
            continue
        comp = low[j:]
        if comp[-1] in _RUN_SMALL or any(w in L.FUNCTION_WORDS and w not in _RUN_SMALL or w in _VERBISH
                                         or w in L.TITLE_HEADS or w.endswith(("'s", "’s")) for w in comp):
            return None
        joined = " " + " ".join(comp) + " "
        if any(" " + h + " " in joined for h in _RUN_LONG_HEADS):
            return None  # "spokesman for the secretary of state ..."
        # rank and other modifiers in front belong to the title; a portfolio or "state" is a qualifier
        k = i
        while k > 0 and (low[k - 1] in L.RANK_MODIFIERS or low[k - 1] in L.OTHER_MODIFIERS
                         or low[k - 1] in L.PORTFOLIOS or low[k - 1] in _POST_ADJECTIVES):
            k -= 1
        before = low[k - 1] if k > 0 else ""
        if before in _RUN_DET or before in L.STATUS_MODIFIERS:
            return None
        if k == 0 and _RUN_DET_BEFORE.search(text, max(ss, words[0][0] - 12), words[0][0]):
            return None  # "the executive director of ...", "its executive director of ..."
        mods = [w for w in low[k:i] if w in L.RANK_MODIFIERS or w in L.OTHER_MODIFIERS]
        count = len(mods) + len(head) + len([w for w in comp if w not in _RUN_SMALL])
        return words[k][0], words[-1][1], count
    return None


#: an organisation's name right before a person's: capitalised words and the small words inside
#: such names ("National Institute of Allergy and Infectious Diseases")
_ORG_NAME_BEFORE = regex.compile(r"(?:\p{Lu}[\p{L}'’.&\-]*,?[ \u00a0]+(?:(?:of|for|and|on|the|&)[ \u00a0]+)*)*"
                                 r"\p{Lu}[\p{L}'’.&\-]*[ \u00a0]+$")
#: (a comma inside it only in a series that "and" ends: "Office of Miners' Health, Safety and Training")
_SERIES_END = regex.compile(r",[ \u00a0]+(?:\p{Lu}[\p{L}'’.&\-]*[ \u00a0]+)+and[ \u00a0]+\p{Lu}[\p{L}'’.&\-]*[ \u00a0]+$")


#: the lower-case office and "of"/"for" before an organisation's name: "director of the "
_OFFICE_OF_BEFORE = regex.compile(r"(?:^|[ \u00a0])((?:[a-z][a-z\-]*[ \u00a0]+){1,5}?)(?:of|for|at)[ \u00a0]+"
                                  r"(?:the[ \u00a0]+(?:(?P<lq>[a-z]{3,})[ \u00a0]+)?)?$")


def long_org_title(text: str, ss: int, name_start: int):
    """A lower-case office with an of/for complement that is an organisation's name, right before a
    full name ("director of the National Institute of Allergy and Infectious Diseases Anthony
    Fauci"): ``(start, end, content words)`` or None. The caller makes sure the name starts with a
    known given name, so the organisation's name ends where the person's begins; "the", "a" or a
    possessive in front makes it a description, as for ``long_run_title``."""
    window_start = max(ss, name_start - 200)
    org = _ORG_NAME_BEFORE.search(text, window_start, name_start)
    if org is None:
        return None
    if "," in org.group():
        # a series inside the name ("Health, Safety and Training"): the name starts after the
        # word before the series' first comma; a comma anywhere else ends it
        series = _SERIES_END.search(org.group())
        if series is None or "," in org.group()[:series.start()]:
            return None
    before = text[window_start:org.start()]
    m = _OFFICE_OF_BEFORE.search(before)
    if m is None or m.group("lq") is not None and (m.group("lq") in L.FUNCTION_WORDS or m.group("lq") in L.TITLE_HEADS):
        return None  # ("director of the state Office of ...": a lower-case word may say whose office)
    low = m.group(1).split()
    for i in range(len(low)):
        head = next((h for h in _RUN_HEAD_FIRST.get(low[i], ()) if low[i:i + len(h)] == h), None)
        if head is None or i + len(head) != len(low):
            continue
        k = i
        while k > 0 and (low[k - 1] in L.RANK_MODIFIERS or low[k - 1] in L.OTHER_MODIFIERS
                         or low[k - 1] in L.PORTFOLIOS or low[k - 1] in _POST_ADJECTIVES):
            k -= 1
        for r in (k - 2, k - 3):  # a rank, then the post's field: "deputy communications director"
            if r >= 0 and low[r] in L.RANK_MODIFIERS and not any(
                    w in L.FUNCTION_WORDS or w in _VERBISH or w in L.TITLE_HEADS for w in low[r + 1:k]):
                k = r
                break
        start = window_start + m.start(1) + sum(len(w) + 1 for w in low[:k])
        if k > 0 and (low[k - 1] in _RUN_DET or low[k - 1] in L.STATUS_MODIFIERS):
            return None  # "the director of ...": a description
        if k == 0 and _DET_BEFORE.search(text, max(ss, start - 12), start):
            return None
        org_words = [w for w in org.group().split() if w[:1].isupper()]
        count = (i - k) + len(head) + len(org_words)
        return start, org.end() - (len(org.group()) - len(org.group().rstrip())), count
    return None


#: the noun an office's name opens its "of" with ("Governor's Office of Homeland Security and ...")
_OFFICE_NOUNS = frozenset("office department ministry bureau agency administration authority commission "
                          "committee council board institute division service".split())


def long_office_title(text: str, ss: int, name_start: int):
    """A capitalised title whose qualifier is an office's full name with an "of" complement holding
    "and", right before a name ("Governor's Office of Homeland Security and Emergency Preparedness
    Director Curtis Broussard", "Department of Health and Human Services Secretary ..."): the cast
    reads only the words nearest the head as the title. ``(start, end, content words, head)`` or
    None. Not a cabinet title whose "of" follows the head ("Secretary of Health and Human Services
    Xavier Becerra"), nor a body named without "of" ("House Oversight and Government Reform
    Committee Chairman", which AP writes), nor after "the", "a" or a possessive."""
    if " of " not in text[max(ss, name_start - 160):name_start]:
        return None
    words = _caps_run(text, ss, name_start)
    low = [w.lower() for _, _, w in words]
    n = len(low)
    if n < 5 or low[-1] not in L.TITLE_HEADS or low[-1] in _RUN_SMALL:
        return None
    try:
        i = low.index("of")
    except ValueError:
        return None
    if i == 0 or low[i - 1] not in _OFFICE_NOUNS or "and" not in low[i + 2:n - 1]:
        return None
    if any(w in L.TITLE_HEADS for w in low[:i]) or any(w in L.TITLE_HEADS and w not in _OFFICE_NOUNS
                                                       for w in low[i + 1:n - 1] if w not in _RUN_SMALL):
        return None  # a head before the "of" ("Secretary of ..."), or a second office inside it
    if _RUN_DET_BEFORE.search(text, max(ss, words[0][0] - 12), words[0][0]):
        return None  # "the ... Director": a description
    count = len([w for w in low if w not in _RUN_SMALL])
    return words[0][0], words[-1][1], count, words[-1][2]


#: place and organisation words that are also common surnames ("Helen Park", "Ann Hall", "Doris
#: Day"): the cast never takes them for a name
_SURNAME_ORG_WORDS = frozenset("park hall church day law lake post house".split()) & L.ORG_WORDS
#: a given name and such a word after a lower-case word: "programs Helen Park" (checked in Python)
_LEFT_OUT_NAME = re.compile(r"[a-z] ([A-Z][a-z]+) (" + "|".join(sorted(w.capitalize() for w in _SURNAME_ORG_WORDS))
                            + r")(?![\w'’\-]|[ \u00a0][A-Z])")


#: a lower-case post and "and" right before another post: "executive vice president and "
_POST_AND_BEFORE = regex.compile(r"(?<![\w'’\-])((?:[a-z][a-z\-]*[ \u00a0]+){1,4})and[ \u00a0]+$")


def _post_and_before(text: str, start: int):
    """A lower-case post joined by "and" to the title that starts at ``start`` ("executive vice
    president and chief operating officer Janet Cole": one person's two posts, one title before
    the name): ``(its start, content words)`` or None. Its last word is a title head and the words
    before it are rank or other modifiers, a rank among them (a ranked post is long already; not
    "chairman and chief executive officer", the pair wire copy writes like "Chairman and CEO");
    not after "the", "a" or a possessive (a description)."""
    m = _POST_AND_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return None
    words = m.group(1).split()
    k = len(words) - 1
    if words[k] not in L.TITLE_HEADS or words[k] in L.WEAK_REF_HEADS and k == 0:
        return None
    while k > 0 and (words[k - 1] in L.RANK_MODIFIERS or words[k - 1] in L.OTHER_MODIFIERS):
        k -= 1
    if not any(w in L.RANK_MODIFIERS for w in words[k:]):
        return None  # "chairman and chief executive officer John Smith": the usual pair, as "Chairman and CEO"
    at = m.start(1) + sum(len(w) + 1 for w in words[:k])
    if _RUN_DET_BEFORE.search(text, max(0, at - 12), at) or _A_BEFORE.search(text, max(0, at - 4), at):
        return None
    return at, len(words) - k


_RANKS_ALT = "|".join(sorted(L.RANK_MODIFIERS | L.OTHER_MODIFIERS, key=_longest_first))
#: ranks and a country before a lower-case post that the cast reads from its head on ("deputy
#: assistant U.S. trade representative for China affairs Mark Ellison": the cast's title is
#: "representative for China affairs"): ranks, a country's initials or nationality, up to two
#: lower-case words of the post's field, ending right before the head (``_ranked_prefix``)
_RANKED_PREFIX = regex.compile(r"(?<![\w'’.\-])(?P<rank>(?:(?:" + _RANKS_ALT + r")[ \u00a0]+)+)"
                               r"(?P<q>(?:U\.S\.|U\.N\.|U\.K\.|E\.U\.|\p{Lu}\p{Ll}+)[ \u00a0]+)?"
                               r"(?P<field>(?:\p{Ll}[\p{Ll}\-]+[ \u00a0]+){0,2})$")


#: two ranked lower-case posts joined by "and" before a lower-case head: "vice minister of commerce and
#: deputy international trade " before "representative Li Fei" (``_ranked_pair``)
_RANKED_PAIR = regex.compile(r"(?<![\w'’.\-])(?P<first>(?:" + "|".join(sorted(L.RANK_MODIFIERS, key=_longest_first))
                             + r")[ \u00a0]+(?:[a-z][a-z\-]*[ \u00a0]+){1,3}?(?:(?:of|for)[ \u00a0]+"
                             r"(?:[a-z][a-z\-]*[ \u00a0]+){1,2})?)and[ \u00a0]+"
                             r"(?P<second>(?:[a-z][a-z\-]*[ \u00a0]+){1,3})$")


def _ranked_pair(text: str, start: int):
    """Two posts joined by "and" before the lower-case head at ``start``, each led by a rank: "vice
    minister of commerce and deputy international trade " before "representative Li Fei" (one
    person's two posts, one title before the name): ``(its start, content words)`` or None. The
    first is ranks, a title head and maybe an of/for complement of one or two words; the second
    ranks and up to two words of its field; no function word, verb or other post among them; not
    after "the", "a" or a possessive."""
    m = _RANKED_PAIR.search(text, max(0, start - 120), start)
    if m is None:
        return None
    second = m.group("second").split()
    if second[0] not in L.RANK_MODIFIERS or len(second) > 3 or any(
            w in L.FUNCTION_WORDS or w in _VERBISH or w in L.TITLE_HEADS and w not in L.RANK_MODIFIERS
            for w in second):
        return None
    first = m.group("first").split()
    cut = next((i for i, w in enumerate(first) if w in ("of", "for")), len(first))
    post, comp = first[:cut], first[cut + 1:]
    if len(post) < 2 or post[-1] not in L.TITLE_HEADS or post[0] not in L.RANK_MODIFIERS \
            or any(w not in L.RANK_MODIFIERS and w not in L.OTHER_MODIFIERS for w in post[:-1]) \
            or any(w in L.FUNCTION_WORDS or w in _VERBISH or w in L.TITLE_HEADS for w in comp):
        return None
    at = m.start()
    if _RUN_DET_BEFORE.search(text, max(0, at - 12), at) or _A_BEFORE.search(text, max(0, at - 4), at) \
            or regex.search(r"['’]s?[ \u00a0]+$", text[max(0, at - 4):at]):
        return None
    return at, len(post) + len(comp) + len(second)


def _ranked_prefix(text: str, start: int):
    """Ranks and a country, maybe with a field after it, right before a lower-case post that starts
    at ``start`` ("deputy assistant U.S. trade " before "representative for China affairs"): ``(its
    start, content words)`` or None. A rank (deputy, assistant, vice ...) must lead; the country is
    a country's initials or a nationality, set inside the post (the ranks come before it, so it is no
    qualifier in front), and does not count; the field's words are no function word, verb or other
    post; not after "the", "a" or a possessive (a description)."""
    m = _RANKED_PREFIX.search(text, max(0, start - 100), start)
    if m is None or not m.group("q"):
        return None  # (ranks alone right before the head are the cast's title already; ranks and a
        # field alone are a post's everyday name: "shadow international development secretary Alan
        # Duncan", "deputy management board chairman Arno Bohn", BBC and Reuters)
    ranks = m.group("rank").split()
    if not any(w in L.RANK_MODIFIERS for w in ranks):
        return None
    q = m.group("q")
    if q and "." not in q and q.strip().lower() not in L.NATIONALITIES:
        return None
    field = m.group("field").split()
    if any(w in L.FUNCTION_WORDS or w in _VERBISH or w in L.TITLE_HEADS for w in field):
        return None
    at = m.start()
    if _RUN_DET_BEFORE.search(text, max(0, at - 12), at) or _A_BEFORE.search(text, max(0, at - 4), at) \
            or regex.search(r"['’]s?[ \u00a0]+$", text[max(0, at - 4):at]):
        return None
    return at, len(ranks) + len(field)


def _after_other_caps(text: str, start: int) -> bool:
    """A capitalised word right before ``start`` that is no function word, title, courtesy title,
    nationality or date: the word at ``start`` ends another capitalised name ("Cabinet Room")."""
    b = _CAP_WORD_BEFORE.search(text, max(0, start - 30), start)
    return b is not None and b.group(1).lower() not in _NOT_NAME_LEADS


def _name_starts_clear(person) -> bool:
    """Where the person's name starts is clear, so an organisation's capitalised name may end right
    before it: its first word is a known given name, or it is two words whose last the story uses
    alone ("... Safety and Hospital Accountability Loretta Simms" ... "Simms said")."""
    if not person.given:
        return False
    if person.given.split()[0].lower() in L.GIVEN_NAMES:
        return True
    return len(person.name.split()) == 2 and any(m.kind == "surname" for m in person.mentions)


#: a post "to the" superior whose title the cast read as the name's ("deputy assistant to the "
#: before "president for international economics Laura Benning": the cast's title is the superior's)
_POST_TO_THE = regex.compile(r"(?<![\w'’.\-])(?P<post>(?:(?:" + _RANKS_ALT + r")[ \u00a0]+){0,3}"
                             r"(?P<head>[a-z][a-z\-]+))[ \u00a0]+to[ \u00a0]+the[ \u00a0]+$")


def _post_to_the(text: str, start: int):
    """A lower-case post and "to the" right before the title at ``start``: "deputy assistant to the
    " before "president for international economics" (one post, the assistant's, whose superior
    the cast read as the title): ``(its start, content words)`` or None. The post is a title head
    or a rank used as one ("assistant", "adviser", "counselor"), maybe after ranks; not after
    "the", "a" or a possessive (a description)."""
    if not text.endswith("the ", 0, start):
        return None
    m = _POST_TO_THE.search(text, max(0, start - 80), start)
    if m is None:
        return None
    head = m.group("head")
    if head not in L.TITLE_HEADS and head not in L.RANK_MODIFIERS:
        return None
    at = m.start()
    if _RUN_DET_BEFORE.search(text, max(0, at - 12), at) or _A_BEFORE.search(text, max(0, at - 4), at) \
            or regex.search(r"['’]s?[ \u00a0]+$", text[max(0, at - 4):at]):
        return None
    return at, len(m.group("post").split())


class LongTitle(RuleKind):
    name = "long-title"
    description = "A title of four or more content words before a name."
    OPTIONS = {
        "min_words": Option("int", default=4, doc="content words (not of/for/the, not nationality or "
                                                  "organisation qualifiers) that make a title long"),
    }

    def _office_title(self, ctx, analysis, block, person, t, found):
        """``long_office_title`` before the name this title stands before."""
        mention = next((m for m in person.mentions if m.block == t.block and m.title is t), None)
        if mention is None or mention.quoted or mention.kind != "full":
            return None
        text = block.text
        ss, se = sentence_span(analysis, block, mention.start)
        run = long_office_title(text, ss, mention.start)
        if run is None or run[2] < self.options["min_words"] or title_case_line(text, mention.end, se):
            return None
        start, end, n, head = run
        title, name = text[start:end], text[mention.start:mention.end]
        org = text[start:end - len(head)].rstrip()
        found.add((block.index, mention.start))
        return Hit(block, start, mention.end, args={"title": title, "words": n, "name": name},
                   suggestion=f"{name}, {head.lower()} of the {org},")

    def check(self, ctx: CheckContext):
        article = ctx.article
        analysis = article.analysis
        scope = {b.index: b for b in ctx.blocks()}
        found = set()
        for person in analysis.cast.people:
            for t in person.titles:
                block = scope.get(t.block) if t.block is not None else None
                if block is None or t.position != "before" or t.abbreviation or t.head == "courtesy":
                    continue
                n = title_words(t, bool(person.given) and person.given.split()[0].lower() in L.GIVEN_NAMES)
                first_post = None
                if n < self.options["min_words"]:
                    if t.capitalized and " of " in block.text[max(0, t.start - 120):t.start]:
                        hit = self._office_title(ctx, analysis, block, person, t, found)
                        if hit is not None:
                            yield hit
                    if n and not t.capitalized and " and " in block.text[max(0, t.start - 5):t.start + 1]:
                        first_post = _post_and_before(block.text, t.start)
                    elif n and not t.capitalized and t.start > 3:
                        # "deputy assistant U.S. trade representative for China affairs Mark Ellison"
                        first_post = _ranked_prefix(block.text, t.start + title_core_start(t)) \
                            or _post_to_the(block.text, t.start + title_core_start(t)) \
                            or (_ranked_pair(block.text, t.start) if " and " in block.text[max(0, t.start - 60):t.start]
                                else None)
                    if first_post is None or n + first_post[1] < self.options["min_words"]:
                        continue
                    n += first_post[1]  # "executive vice president and chief operating officer Janet Cole"
                core = title_core_start(t)
                mention = next((m for m in person.mentions if m.block == t.block and m.title is t), None)
                if mention is None or mention.quoted:
                    continue
                start = t.start + core if first_post is None else first_post[0]
                if _A_BEFORE.search(block.text, max(0, start - 4), start):
                    continue  # "a spokesman for ...": a description, not a title
                title = t.text[core:] if first_post is None else block.text[start:t.end]
                name = block.text[mention.start:mention.end]
                suggestion = f"{name}, {lower_title(title, [w for q in t.qualifiers for w in q.split()])},"
                found.add((block.index, mention.start))
                yield Hit(block, start, mention.end, args={"title": title, "words": n, "name": name},
                          suggestion=suggestion)
        # a lower-case title with a long complement the cast does not read as a title ("director of
        # emergency management and homeland security Alicia Brandt"): before a full name it has none for
        for person in analysis.cast.people:
            for m in person.mentions:
                if m.kind != "full" or m.title is not None or m.quoted:
                    continue  # (a title the cast found before the name was judged above)
                block = scope.get(m.block)
                if block is None or m.start < 2:
                    continue
                text = block.text
                if text[m.start - 1] != " " or not text[m.start - 2].isalpha() or (block.index, m.start) in found:
                    continue  # a word right before the name, or no title run
                ss, se = sentence_span(analysis, block, m.start)
                caps = text[text.rfind(" ", ss, m.start - 1) + 1:m.start - 1][:1].isupper()  # the word before
                org = False
                # "Associate Vice President for Academic Affairs and Workforce Development Carlos Mendez"
                run = long_caps_title(text, ss, m.start) if caps else long_run_title(text, ss, m.start)
                if run is None and text[m.start - 2].isalpha() and person.given \
                        and text[text.rfind(" ", 0, m.start - 1) + 1].isupper() \
                        and _name_starts_clear(person):
                    run = long_org_title(text, ss, m.start)  # "director of the National Institute ..."
                    org = True
                if run is None or run[2] < self.options["min_words"]:
                    continue
                start, end, n = run
                own = caps and not org  # a capitalised title: judge the words after the name
                if title_case_line(text, m.end if own else ss, se if own else m.end):
                    continue  # a crosshead or menu (a capitalised title: the words after the name)
                title = text[start:end]
                name = text[m.start:m.end]
                found.add((block.index, m.start))
                yield Hit(block, start, m.end, args={"title": title, "words": n, "name": name},
                          suggestion=f"{name}, {title if org else title.lower() if caps else lower_title(title)},")
        # a known given name whose surname is also a place or organisation word, which keeps it out
        # of the cast ("senior manager for ballot tabulation and audit programs Helen Park"): a long
        # lower-case title run right before it makes it a person's name
        if article_letter_runs(article).isdisjoint(_SURNAME_ORG_WORDS):
            return  # (one set test for most articles)
        for block in scope.values():
            text = block.text
            if letter_runs(article, block).isdisjoint(_SURNAME_ORG_WORDS) or (" of " not in text and " for " not in text):
                continue
            for m in _LEFT_OUT_NAME.finditer(text):
                if m.group(1).lower() not in L.GIVEN_NAMES or (block.index, m.start(1)) in found:
                    continue
                ss, _ = sentence_span(analysis, block, m.start(1))
                run = long_run_title(text, ss, m.start(1))
                if run is None or run[2] < self.options["min_words"]:
                    continue
                start, end, n = run
                title, name = text[start:end], m.group()[2:]
                found.add((block.index, m.start(1)))
                yield Hit(block, start, m.end(), args={"title": title, "words": n, "name": name},
                          suggestion=f"{name}, {lower_title(title)},")


# -- titles.abbreviation --------------------------------------------------------------

AP_ABBREVIATIONS = {
    "Governor": "Gov.", "Lieutenant Governor": "Lt. Gov.", "Senator": "Sen.", "Representative": "Rep.",
    "Doctor": "Dr.", "Reverend": "the Rev.", "General": "Gen.", "Lieutenant General": "Lt. Gen.",
    "Major General": "Maj. Gen.", "Brigadier General": "Brig. Gen.", "Colonel": "Col.",
    "Lieutenant Colonel": "Lt. Col.", "Sergeant": "Sgt.", "Admiral": "Adm.", "Commander": "Cmdr.",
    "Lieutenant": "Lt.",
}
#: the name goes on after the match: a longer word, "&", or past a reporter's bracket
#: ("(Brazilian Finance Minister Dilson) Funaro": the quote named him "Dilson", the writer's insert is cut)
_NAME_GOES_ON = regex.compile(r"[&\w]|[)\]][ \u00a0]+\p{Lu}")
#: "Title Surname" naming a work or an era, not the person: "the Judge Dredd film", "the President
#: Obama administration"
_NAME_AS_MODIFIER = regex.compile(r"[ \u00a0]+(?:film|films|movie|movies|series|soundtrack|book|books|novel|"
                                  r"show|comic|comics|character|game|administration|era|years)\b")
_CAP_BEFORE = regex.compile(r"\p{Lu}[\p{L}.'’\-]*[ \u00a0]+$")
#: abbreviations that take a full point in AP style ("Dr." not "Dr")
_POINTED = frozenset(("Gov", "Sen", "Rep", "Gen", "Col", "Sgt", "Adm", "Cmdr", "Lt. Gov", "Lt. Gen", "Lt. Col",
                      "Maj. Gen", "Brig. Gen", "Dr", "Rev"))


def _abbreviation_key(form: str) -> str:
    """The abbreviation a title is written as, without "the" and the final point ("the Rev." -> "Rev")."""
    form = form.strip()
    if form.lower().startswith("the "):
        form = form[4:]
    return form.rstrip(".")


_ABBR_FORMS = ("Gov", "Lt. Gov", "Sen", "Rep", "Dr", "Rev", "Gen", "Lt. Gen", "Maj. Gen", "Brig. Gen", "Col",
               "Lt. Col", "Sgt", "Capt", "Adm", "Cmdr", "Maj", "Lt", "Prof")


class TitleAbbreviation(RuleKind):
    name = "title-abbreviation"
    description = "AP's abbreviated titles before a full name (Gov., Sen., the Rev.) and their full points."
    FIXABLE = True
    OPTIONS = {
        "abbreviate": Option("map[str,str]", default=dict(AP_ABBREVIATIONS),
                             doc="full title -> abbreviation used before a full name ({} to keep titles whole)"),
        "points": Option("bool", default=True, doc="abbreviations take a full point (AP 'Dr.'; British 'Dr')"),
        "the_rev": Option("bool", default=True, doc="'Rev.' before a name takes 'the' ('the Rev. Bill Graham')"),
        "max_per_article": Option("int", default=1,
                                  doc="report the first N titles of an article, with the count (0: all)"),
        "enforce": ENFORCE,
    }

    def setup(self, options):
        full = sorted(options["abbreviate"], key=_longest_first)
        alt = "|".join(regex.escape(f).replace(r"\ ", " ") for f in full)
        abbr = "|".join(regex.escape(a).replace(r"\ ", " ") for a in sorted(_ABBR_FORMS, key=_longest_first))
        parts = [rf"(?P<abbr>{abbr})(?P<point>\.?)"]
        if full:
            parts.insert(0, rf"(?P<full>{alt})")
        self.pattern = regex.compile(r"(?<![\w.\-])(?P<the>(?i:the)[ \u00a0]+)?(?:" + "|".join(parts)
                                     + r")[ \u00a0]+(?=\p{Lu})")
        # every match starts with a title's first word, a whole run of letters: most
        # blocks have none, and a set test costs less than the pattern's scan
        self.firsts = word_gate([*full, *_ABBR_FORMS])

    def check(self, ctx: CheckContext):
        # "Governor Jay Inslee", "Dr Tony Holohan": the writer's (or the feed's) form for every
        # title of the story; the first one, with the count, says it
        for hit in per_article(list(self._hits(ctx)), self.options["max_per_article"]):
            if hit.args["more"]:
                hit.message = hit.message[:-1] + hit.args["more"] + "."
            yield hit

    def _hits(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        options = self.options
        consistent = options["enforce"] == "consistent"
        points = options["points"]
        # every title before a person's name (full or surname): the story's forms are counted
        # there, its findings are judged before full names only
        uses = []
        written = Counter()  # abbreviation ("Gov") -> titles written out before a name ("Governor")
        short = Counter()  # abbreviation -> the abbreviation before a name ("Gov. Inslee")
        dots = Counter()  # abbreviations with a full point (True) and without (False)
        for block, m, mention in before_names(ctx, self.pattern, self.firsts, ("full", "surname")):
            text = block.text
            full = m.groupdict().get("full")
            if full:
                if title_case_line(text, *sentence_span(analysis, block, m.start())):
                    continue
                if _CAP_BEFORE.search(text, max(0, m.start() - 30), m.start()) and not m.group("the") \
                        and full.split()[0] in ("General", "Commander", "Lieutenant", "Representative"):
                    continue  # "Attorney General Letitia James", "Supreme Allied Commander", "Trade Representative"
                written[_abbreviation_key(options["abbreviate"][full])] += 1
            else:
                abbr = m.group("abbr")
                short[abbr] += 1
                if (abbr in _POINTED) if points else "." not in abbr:
                    dots[bool(m.group("point"))] += 1
            if mention.kind == "full":
                uses.append((block, m))
        for block, m in uses:
            if m.groupdict().get("full"):
                full = m.group("full")
                repl = options["abbreviate"][full]
                key = _abbreviation_key(repl)
                if consistent and not short[key]:
                    continue  # the title written out throughout: another recognised style
                if not points:
                    repl = repl.replace(".", "")
                start = m.start("full")
                if repl.lower().startswith("the ") and m.group("the"):
                    repl = repl[4:]
                elif repl.lower().startswith("the ") and self._sentence_start(analysis, block, start):
                    repl = "The " + repl[4:]
                what = f"bbreviate the title before a full name: \"{repl}\", not \"{full}\"."
                if consistent:
                    what = (f"The story writes \"{full}\" ({written[key]}) and \"{key}{'.' if points else ''}\" "
                            f"({short[key]}) before names; a{what}")
                else:
                    what = "A" + what
                yield Hit(block, start, m.end("full"), args={"title": full, "form": repl}, suggestion=repl,
                          replacement=repl, message=what)
                continue
            abbr, point = m.group("abbr"), m.group("point")
            if abbr == "Rev" and options["the_rev"] and not m.group("the"):
                # every guide that abbreviates it writes "the Rev.": not a house-style choice
                form = "Rev." if points else "Rev"
                repl = ("The " if self._sentence_start(analysis, block, m.start("abbr")) else "the ") + form
                yield Hit(block, m.start("abbr"), m.end("point"), args={"title": abbr + point, "form": repl},
                          suggestion=repl, replacement=repl,
                          message=f"\"Rev.\" before a name takes \"the\": \"{repl}\".")
                continue
            mix = ""
            if consistent:
                if not (dots[True] and dots[False]):
                    continue  # "Dr Tony Holohan" and never "Dr.": one recognised style throughout
                mix = (f"The story writes abbreviated titles both with a full point ({dots[True]}) and "
                       f"without ({dots[False]}); ")
            if points and not point and abbr in _POINTED:
                what = "the abbreviated title takes a full point" if mix else \
                    "The abbreviated title takes a full point"
                yield Hit(block, m.start("abbr"), m.end("abbr"), args={"title": abbr, "form": abbr + "."},
                          suggestion=abbr + ".", replacement=abbr + ".",
                          message=f"{mix}{what}: \"{abbr}.\".")
            elif not points and point and "." not in abbr:
                what = "no full point after an abbreviated title" if mix else \
                    "No full point after an abbreviated title"
                yield Hit(block, m.start("abbr"), m.end("point"), args={"title": abbr + point, "form": abbr},
                          suggestion=abbr, replacement=abbr,
                          message=f"{mix}{what}: \"{abbr}\", not \"{abbr}.\".")

    @staticmethod
    def _sentence_start(analysis, block, pos) -> bool:
        s, _ = sentence_span(analysis, block, pos)
        return not block.text[s:pos].strip(" \u00a0“\"‘'(—–-")


# -- titles.first-reference --------------------------------------------------------------

class FirstReference(RuleKind):
    name = "first-reference"
    description = "A person first named by surname or title + surname only ('President Biden')."
    QUOTES_DEFAULT = True
    OPTIONS = {
        "in_quotes": Option("bool", default=True,
                            doc="report a first mention inside a quotation when the story never gives the full name"),
        "allow": Option("list[str]", default=[], doc="surnames that may stand alone at first reference"),
        "heads": Option("list[str]", default=sorted(FIRST_REFERENCE_HEADS),
                        doc="formal titles whose 'Title Surname' first reference is judged ('President Biden')"),
    }

    def setup(self, options):
        self.allow = {a.lower() for a in options["allow"]}
        self.heads = {h.lower() for h in options["heads"]}

    def check(self, ctx: CheckContext):
        article = ctx.article
        cast = article.analysis.cast
        scope = {b.index: b for b in ctx.blocks()}
        blocks = article.blocks
        givens = None
        for person in cast.people:
            if person.known or person.surname.lower() in self.allow:
                continue
            named = [m for m in name_mentions(person) if blocks[m.block].kind != "headline"]
            if not named:
                continue
            first = named[0]
            block = scope.get(first.block)
            if block is None or first.kind != "surname":
                continue
            title = first.title
            # only "President Biden"-style references: a formal title the cast is sure of
            if title is None or title.position != "before" or not (
                    title.head in self.heads or self._cabinet_post(title)) \
                    or person.surname.lower() in L.GIVEN_NAMES or person.surname.lower() in L.ORG_WORDS:
                continue
            if _CAP_BEFORE.search(block.text, max(0, first.start - 30), first.start) and \
                    (title.block != first.block or title.end < first.start - 1):
                continue  # "Trevin Skeens": a given name the cast did not know
            has_full = any(m.kind == "full" for m in named)
            if first.quoted and (has_full or not self.options["in_quotes"]):
                continue
            if not has_full:
                if givens is None:
                    givens = {p.given.lower() for p in cast.people if p.given}
                if person.surname.lower() in givens:
                    continue  # "Mayor Pete": a first name (of Pete Buttigieg), not a surname
            if "under" in title.modifiers or _NAME_GOES_ON.match(block.text, first.end) \
                    or _NAME_AS_MODIFIER.match(block.text, first.end):
                continue  # "under President Clinton"; a name cut short ("President Jos&#233;"); "the Judge Dredd film"
            start = first.start
            if title.block == first.block:
                start = min(start, title.start + title_core_start(title))
            written = block.text[start:first.end]
            if has_full:
                message = (f"First reference to {person.surname} uses the surname only (\"{written}\"); "
                           f"give the full name here.")
            else:
                message = (f"{person.surname} is never named in full: give the full name at first "
                           f"reference (\"{written}\").")
            yield Hit(block, start, first.end, args={"name": person.name, "written": written}, message=message)

    @staticmethod
    def _cabinet_post(title) -> bool:
        """A portfolio's secretary ("Labor Secretary", "Energy Secretary"): a cabinet title, as the
        portfolio secretaries spelled out in ``heads`` are ("defense secretary"). Not any portfolio's
        minister: wire copy names ministers who use one name ("Energy Minister Subroto")."""
        return title.head == "secretary" and any(q.lower() in L.PORTFOLIOS for q in title.qualifiers)


# -- titles.repeated-full-name --------------------------------------------------------------

_INLINE_CAPTION = regex.compile(r",[ \u00a0]+(?:left|right|center|centre|center-right|center-left|"
                                r"centre-right|centre-left|second[ \u00a0-]+(?:left|right)|top|bottom|pictured),|"
                                r"\((?:left|right|center|centre|pictured|above|below|L|R)\)", regex.I)


#: a photo credit: the paragraph is a caption printed in the body ("... (Picture by Jane Doe)",
#: "(AP Photo/John Smith)", "Image credit: www.example.com")
_PHOTO_CREDIT = regex.compile(
    r"\((?:(?:AP|AFP|Reuters|Getty|PA)[ \u00a0]+)?(?:pictures?|photos?|photographs?|images?|pics?)"
    r"(?:[ \u00a0]+(?:by|courtesy|credit)\b|[ \u00a0]*[:/])[^()\n]{0,80}\)"
    r"|(?:^|[.!?][ \u00a0]+)(?:photo|picture|image)[ \u00a0]+(?:credit|by)\b:?[^\n]{0,80}$",
    regex.I)
_NOT_REPEAT = L.words("courtesy sir dame lord lady")


def _may_credit(text: str) -> bool:
    """Whether ``_PHOTO_CREDIT`` can match: it needs a "(" or the word photo, picture or image (in
    any case: lower-casing keeps them, except a "İ", which the (?i) pattern takes for "i")."""
    if "(" in text:
        return True
    low = text.lower()
    return "photo" in low or "picture" in low or "image" in low or "\u0130" in text
_A_BEFORE = regex.compile(r"\b(?i:an?)[ \u00a0]+$")


#: references by name or title after which a person is a main figure of the story, whom a late
#: repeat of the title and full name does not need to introduce again (``RepeatedFullName``)
_MAIN_FIGURE_REFS = 3


def paragraphs_before(article, index: int) -> set:
    return {b.text for b in article.blocks[:index] if b.kind in BODY_KINDS}


#: the start of a sentence up to a title: nothing, or capitalised words and the small words of a name
_QUALIFIER_OPENS = regex.compile(r"[\s“\"‘'(]*(?:(?:\p{Lu}[\p{L}'’.\-]*|and|of|for|the|&)[ \u00a0]+)*")


class RepeatedFullName(RuleKind):
    name = "repeated-full-name"
    description = "A later body reference that repeats a person's title and full name."
    OPTIONS = {
        "require_title": Option("bool", default=True, doc="only when the repeat carries a title before the name, "
                                                          "and an earlier reference gave a title too"),
        "reintroduce": Option("int", default=10, doc="body paragraphs since the person was last mentioned after "
                                                     "which the full name may be given again (0: never; not for a main "
                                                     "figure, three references before, with a title given before)"),
    }

    def check(self, ctx: CheckContext):
        article = ctx.article
        analysis = article.analysis
        cast = article.analysis.cast
        scope = {b.index: b for b in ctx.blocks()}
        blocks = article.blocks
        require_title = self.options["require_title"]
        reintroduce = self.options["reintroduce"]
        para = {b.index: i for i, b in enumerate(b for b in blocks if b.kind in BODY_KINDS)}
        surnames = Counter(p.surname.lower() for p in cast.people)
        credited: dict[int, bool] = {}  # block index -> it holds a photo credit (searched once per block)

        def photo_caption(index: int) -> bool:
            if index not in credited:
                text = blocks[index].text
                credited[index] = _may_credit(text) and ctx.search(_PHOTO_CREDIT, text) is not None
            return credited[index]

        for person in cast.people:
            if surnames[person.surname.lower()] > 1:
                continue  # people who share a surname keep their full names
            body = [m for m in name_mentions(person) if blocks[m.block].kind in BODY_KINDS]
            seen_full = None
            for m in body:
                titled = m.title is not None and m.title.position == "before" and m.title.formal \
                    and (m.title.capitalized or m.title.head in FORMAL_HEADS) \
                    and m.title.head not in _NOT_REPEAT and m.title.head not in L.SINGLE_NAME_HEADS \
                    and not (m.title.block == m.block and _A_BEFORE.search(blocks[m.block].text,
                                                                        max(0, m.title.start - 4), m.title.start))
                if m.kind == "full" and seen_full is not None and not m.quoted and m.block in scope \
                        and (titled or not require_title) and m.block != seen_full.block:
                    block = blocks[m.block]
                    ss, se = sentence_span(analysis, block, m.start)
                    if block.text in paragraphs_before(article, m.block) or _INLINE_CAPTION.search(block.text, ss, se) \
                            or photo_caption(m.block):
                        continue  # a page that repeats itself, a photo caption printed in the body
                    if titled and _WORD_RE.findall(m.title.text)[-1].lower() in _SMALL:
                        continue  # "vice president of search properties at| Ask Jeeves": an organisation
                    if reintroduce and self._last_seen(person, m, para) <= para[m.block] - reintroduce \
                            and (self._references_before(person, m, para) < _MAIN_FIGURE_REFS
                                 or not titled or not self._same_title_before(person, m, para)):
                        continue  # many paragraphs on: the story introduces the person again (not a main
                        # figure, referred to three times or more before, with the title it gave them)
                    if require_title and not self._titled_before(person, m, para):
                        continue  # "Tony Blair ... Prime Minister Tony Blair": the title is new here
                    # the sentence up to the name, or the whole sentence when the name opens it (up to
                    # the name, every repeat of a title and name that opens a sentence is "printed twice")
                    # (capitalised words before the title are its qualifier, which the cast may cut at
                    # "and": "Food and |Drug Administration Commissioner Helen Castellano said")
                    opens = titled and m.title.block == m.block and _QUALIFIER_OPENS.fullmatch(block.text, ss, m.title.start)
                    if self._sentence_repeated(article, block, ss, se if opens else m.end):
                        continue  # the sentence itself is printed twice (a page that repeats itself)
                    start = m.title.start if titled and m.title.block == m.block else m.start
                    if opens and start > ss:  # from the qualifier the cast cut ("Food and Drug ...")
                        start = ss + len(block.text[ss:start]) - len(block.text[ss:start].lstrip(" \t\n\u00a0“\"‘'("))
                    written = block.text[start:m.end]
                    yield Hit(block, start, m.end, args={"name": person.name, "surname": person.surname,
                                                         "written": written}, suggestion=person.surname)
                    break  # once per person
                if m.kind == "full" and not m.quoted and seen_full is None \
                        and not photo_caption(m.block):
                    seen_full = m  # a photo caption printed in the body ("(Picture by …)") introduces nobody

    @staticmethod
    def _last_seen(person, mention, para) -> int:
        """The body paragraph of the person's previous mention (by name or title, not a pronoun)."""
        here = (para[mention.block], mention.start)
        last = -1
        for m in person.mentions:
            if m.kind != "pronoun" and m.block in para and (para[m.block], m.start) < here:
                last = max(last, para[m.block])
        return last

    @staticmethod
    def _references_before(person, mention, para) -> int:
        """The person's body references before ``mention`` by name or title (not pronouns)."""
        here = (para[mention.block], mention.start)
        return sum(1 for m in person.mentions
                   if m.kind != "pronoun" and m.block in para and (para[m.block], m.start) < here)

    @staticmethod
    def _same_title_before(person, mention, para) -> bool:
        """An earlier body reference gave the person the title of ``mention`` (the same head)."""
        here = (para[mention.block], mention.start)
        return any(t is not mention.title and t.block in para and t.head == mention.title.head
                   and (para[t.block], t.start) < here for t in person.titles)

    @staticmethod
    def _titled_before(person, mention, para) -> bool:
        """An earlier body reference gave the person a title (before or after the name)."""
        here = (para[mention.block], mention.start)
        return any(t is not mention.title and t.block in para and t.head != "courtesy"
                   and t.position in ("before", "after") and (para[t.block], t.start) < here
                   for t in person.titles)

    @staticmethod
    def _sentence_repeated(article, block, start: int, end: int) -> bool:
        """The sentence up to the name appears in an earlier block (a page printed twice)."""
        piece = block.text[start:end].strip()
        return len(piece) >= 30 and any(piece in b.text for b in article.blocks[:block.index])


# -- titles.wrong-title ----------------------------------------------------------------

_COPULA_PRED = regex.compile(
    r"[ \u00a0]+(?:is|was|has[ \u00a0]+been|had[ \u00a0]+been|became|becomes|remains|remained|will[ \u00a0]+be)"
    r"[ \u00a0]+(?:the|a|an)[ \u00a0]+(?P<np>(?:[\w\-’'.]+[ \u00a0]+){0,4}[\w\-’'.]+)")
_COUNTRY_WORD = regex.compile(r"(?<![\w])(?:U\.S\.|U\.K\.|US|UK|\p{Lu}\p{Ll}+)(?![\w])")


def _country(word: str) -> str | None:
    w = word.lower().rstrip(".").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in L.QUALIFIER_ALIASES:
        return L.QUALIFIER_ALIASES[w]
    if w in ("u.s", "us"):
        return "us"
    if w in L.NATIONALITIES and w not in ("republican", "democratic", "democrat", "conservative", "liberal",
                                          "labour", "socialist", "communist", "arab", "muslim", "christian",
                                          "catholic", "protestant", "sunni", "shia", "shiite", "hindu", "sikh",
                                          "buddhist", "jewish", "african", "asian", "european"):
        return w
    if w in L.PLACES:
        return w
    return None


#: ", who has " / ", who also ": the opening of a who-clause about a person's post
_WHO_HAS = r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had)[ \u00a0]+)?(?:also[ \u00a0]+)?"
_RUNS_VERB = r"(?P<verb>run|runs|ran|led|leads|headed|heads|founded|co-founded|managed|manages|owned|owns)[ \u00a0]+"
#: ", who has run Harland since 2019": a clause saying whom the person leads
_RUNS_CLAUSE = regex.compile(_WHO_HAS + _RUNS_VERB + r"(?P<org>\p{Lu}[\p{L}&'’\-]*)")
#: the same clause after a person's name, with "the company" as the object too
_RUNS_CLAUSE_ANY = regex.compile(_WHO_HAS + _RUNS_VERB + r"(?P<org>\p{Lu}[\p{L}&'’\-]*|the[ \u00a0]+(?:company|firm|"
                                 r"business|group|startup|start-up|chain|agency|charity|organization|organisation))")
#: ", who has represented Kansas since 2011": a clause saying which place the person represents
_REPRESENTS_CLAUSE = regex.compile(_WHO_HAS + r"(?:represented|represents)[ \u00a0]+"
                                   r"(?P<place>\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+)?)(?![\w'’\-])")
#: "of Kansas" right after a name ("Sen. Gordon Pryce of Kansas")
_OF_PLACE_AFTER = regex.compile(r"[ \u00a0]+of[ \u00a0]+(?P<place>\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+)?)(?![\w'’\-])")
_FOUNDED = frozenset({"founded", "co-founded"})
#: titles of the person who runs an organisation
_LEAD_HEADS = frozenset({"chief executive", "chief executive officer", "ceo", "president", "chairman", "chairwoman",
                         "chair", "chairperson", "founder", "co-founder", "managing director", "executive director",
                         "director", "head", "owner", "boss", "leader", "manager", "principal", "chief operating officer"})


#: an organisation's top post, one holder of it for each organisation: named with the organisation's
#: initials ("FAA Administrator Gregory Pace", "CIA Director ...") it is one office, as the offices of
#: `unheld-title` are ("Okafor, the FAA administrator," when Pace holds it: ``_apposed_titles``)
_ORG_TOP_HEADS = frozenset({"administrator", "chair", "chairperson", "president", "director", "commissioner",
                            "director general", "director-general", "secretary-general", "secretary general"})


def _acronym_qualified(words) -> bool:
    """A title's words before the head hold an organisation's initials ("FAA", "NTSB"): 2-6 capitals."""
    return any(2 <= len(w) <= 6 and w.isalpha() and w.isupper() for w in words[:-1])


#: what closes an appositive title: a comma that does not go on with a list, or a bracket
_APPOSITION_END = regex.compile(r"(?:,(?![ \u00a0]+(?:and|or)[ \u00a0])|\))")
#: what opens an appositive title after a name: ", the" and maybe an organisation's possessive
_APPOSED_LEAD = regex.compile(r", the(?: [a-z][a-z\-]*['’]s)?\Z")
#: lower-case job words before a full name that give a seat, not an office ("board member Alvin Brody")
_MEMBER_WORDS = frozenset("member trustee regent".split())
#: a who-clause (``_WHO_POST_AFTER``) saying which body the person leads: ", who leads Local 19 in
#: Seattle," (a post for comparing later titles with, not a title of the cast): one of these verbs
#: and a capitalised name
_LEADING_VERBS = frozenset("leads heads chairs runs".split())
_NAMED_BODY = regex.compile(r"(?:the[ \u00a0]+)?\p{Lu}")
#: capitalised words and numbers right before a title the cast read ("Local 23 " before "President")
_ORG_WORDS_BEFORE = regex.compile(r"(?<![\w'’\-])(?:(?:\p{Lu}[\p{L}'’\-]*|\d+)[ \u00a0]+)+$")
#: the words of a post that name its body: capitalised words and numbers
_NAMING_TOKEN = regex.compile(r"\b(?:\p{Lu}[\p{L}'’\-]*|\d+)\b")
#: any word or number of a post; those that name no body
_NAMING_ANY = regex.compile(r"\b(?:\p{L}[\p{L}\-]*|\d+)\b")
_NOT_BODY = L.FUNCTION_WORDS | L.RANK_MODIFIERS | L.OTHER_MODIFIERS | L.STATUS_MODIFIERS | {"who"}


def _initials_in(word: str, text: str) -> bool:
    """``word`` is the initials of consecutive capitalised words of ``text`` ("FAA" in "Federal
    Aviation Administration Administrator")."""
    if not (2 <= len(word) <= 6 and word.isupper() and word.isalpha()):
        return False
    caps = "".join(w[0] for w in _CAPWORD.findall(text))
    return word in caps


def _ref_as_quoted(ref) -> str:
    """A title-only reference as a message quotes it: "the chairman" (a leading "The" lowered), or
    as written when qualifiers say whose it is ("Calder's chairman")."""
    if ref.qualifiers or ref.text[:4] not in ("The ", "The\u00a0"):
        return ref.text
    return ref.text[0].lower() + ref.text[1:]


class WrongTitle(RuleKind):
    name = "wrong-title"
    description = "A title-only reference ('the foreign minister') whose holder is not the person meant."
    OPTIONS = {
        "min_mentions": Option("int", default=4, doc="name mentions that make someone a main person of the story"),
        "passing": Option("int", default=2, doc="most name mentions of a holder 'mentioned in passing'"),
        "gap": Option("int", default=3, doc="paragraphs since the holder was last named that count as a signal"),
    }

    def check(self, ctx: CheckContext):
        yield from self._post_swaps(ctx)
        yield from self._apposed_titles(ctx)
        article = ctx.article
        analysis = article.analysis
        cast = analysis.cast
        if not cast.title_refs:
            return
        counts = {id(p): len(name_mentions(p)) for p in cast.people}
        scope = {b.index: b for b in ctx.blocks()}
        body_order = [b.index for b in article.blocks if b.kind in BODY_KINDS]
        para = {idx: i for i, idx in enumerate(body_order)}
        ref_heads: dict = {}
        for r in cast.title_refs:
            ref_heads.setdefault((r.block, r.start), r.head)
        holder_marks: dict = {}  # (holder, head) -> sorted (paragraph, start) of qualifying mentions
        for ref in cast.title_refs:
            holder = ref.person
            block = scope.get(ref.block)
            if block is None or holder is None or ref.quoted or ref.block not in para:
                continue
            runner = self._runs_other(cast, block.text, ref, holder, article.blocks)
            if runner is not None:
                other, org, title = runner[:3]
                doing = runner[3] if len(runner) > 3 else f"running {org}"
                yield self._described_other(block, ref, holder, other,
                                            f"is described as {doing}, which is {other.name}'s role ({title})")
                continue
            rep = self._represents_other(cast, article.blocks, block.text, ref, holder) \
                if ", who " in block.text[ref.end:ref.end + 6] else None
            if rep is not None:
                other, place = rep
                yield self._described_other(block, ref, holder, other,
                                            f"is described as representing {place}, which fits {other.name} (of {place})")
                continue
            named = self._apposed_to_other(cast, block, ref, holder)
            if named is not None:
                holder_title = describe_title(holder)
                own = describe_title(named)
                yield Hit(block, ref.start, ref.end, args={"person": named.name, "holder": holder.name},
                          message=f"\"{ref.text}\" is set after {named.name}'s name"
                                  + (f" ({own})" if own else "")
                                  + f", but the only {ref.head} in the story is {holder.name}"
                                  + (f" ({holder_title})" if holder_title else "") + ".")
                continue
            if counts[id(holder)] > self.options["passing"]:
                continue
            ss, se = sentence_span(analysis, block, ref.start)
            if not _OPENER.match(block.text[ss:ref.start]):
                continue  # not the subject of its sentence
            here = para[ref.block]
            # the paragraph where the holder was last named before this reference, not counting
            # references by this same title (which may be the mistake)
            marks = holder_marks.get((id(holder), ref.head))
            if marks is None:
                marks = holder_marks[(id(holder), ref.head)] = sorted(
                    (para[m.block], m.start) for m in holder.mentions
                    if m.block in para and not m.quoted
                    and not (m.kind == "title" and ref_heads.get((m.block, m.start)) == ref.head))
            before = bisect.bisect_left(marks, (here, ref.start))
            last = marks[before - 1][0] if before else -1
            if last >= here - 1:
                continue  # the holder was just named: the reference is probably right
            # the person the story is following: the subject of the previous sentence, a main character
            main = self._previous_subject(article, analysis, cast, block, ss, para)
            if main is None or main is holder or counts[id(main)] < self.options["min_mentions"] \
                    or counts[id(main)] < 3 * max(counts[id(holder)], 1):
                continue
            if not main.titles or any(t.matches(ref.head, (), ref.former) for t in main.titles):
                continue
            conflict = self._conflict(block.text, ref, holder)
            gap = here - last
            if not conflict and gap < self.options["gap"] + 1:
                continue
            what = _ref_as_quoted(ref)
            main_title = describe_title(main)
            holder_title = describe_title(holder)
            message = (f"\"{what}\" here seems to mean {main.name}"
                       + (f" ({main_title})" if main_title else "")
                       + f"; the only {ref.head} in the story is {holder.name}"
                       + (f" ({holder_title})" if holder_title else "") + ".")
            yield Hit(block, ref.start, ref.end, args={"person": main.name, "holder": holder.name}, message=message)

    @staticmethod
    def _posts(article, person) -> list:
        """The posts the story gives ``person`` at a name: ``(block, start, end, text, last word,
        word before it)`` in story order: a title the cast read ("Health Director Gregory Hale"), a
        description set off before the full name ("the club's owner, Ana Ruiz") or a job word right
        before it ("owner Victoria Lang")."""
        posts = []
        for t in person.titles:
            if t.block is None or t.abbreviation or t.former or t.head in _HONORIFICS:
                continue
            words = _WORD_RE.findall(t.text.lower().split(" of ")[0].split(" for ")[0])
            if words:
                start, label = t.start, t.text
                if t.position == "before" and t.text[:1].isupper() and any(c.isdigit() for c in
                                                                            article.blocks[t.block].text[max(0, t.start - 12):t.start]):
                    # a body named with a number before the title: "Local 23 President Teresa Vance"
                    b = _ORG_WORDS_BEFORE.search(article.blocks[t.block].text, max(0, t.start - 40), t.start)
                    if b is not None:
                        start, label = b.start(), article.blocks[t.block].text[b.start():t.end]
                posts.append((t.block, start, t.end, label, words[-1], words[-2] if len(words) > 1 else ""))
        for m in person.mentions:
            if m.kind != "full" or m.quoted:
                continue
            text = article.blocks[m.block].text
            if "who" in text[m.end:m.end + 8]:
                c = _WHO_POST_AFTER.match(text, m.end)
                if c is not None and c.group("v") in _LEADING_VERBS and _NAMED_BODY.match(c.group("o")):
                    # ", who leads Local 19 in Seattle,": the body the person leads
                    post = text[c.start("v"):c.end("o")].rstrip()
                    posts.append((m.block, c.start("v"), c.start("v") + len(post), "who " + post,
                                  post.split()[0], ""))
            if m.title is not None:
                continue
            d = _DESCRIPTION_BEFORE.search(text, max(0, m.start - 90), m.start)
            if d is not None:
                words = _WORD_RE.findall(d.group("d").lower())
                posts.append((m.block, d.start(), d.end("d"), text[d.start():d.end("d")], words[-1],
                              words[-2] if len(words) > 1 else ""))
                continue
            w = _JOB_WORD_BEFORE.search(text, max(0, m.start - 24), m.start)
            if w is not None and (w.group(1).lower() in L.WEAK_REF_HEADS or w.group(1) in _MEMBER_WORDS):
                posts.append((m.block, w.start(1), w.end(1), w.group(1), w.group(1).lower(), ""))
                continue
            # a seat given to a list of names: "Council members Raul Espinoza, Tamara Boyd and Kevin Osei"
            p = _PLURAL_JOB_BEFORE.search(text, max(0, m.start - 160), m.start)
            if p is not None and p.group(1) in _MEMBER_WORDS:
                q = _WORD_BEFORE.search(text, max(0, p.start(1) - 30), p.start(1))
                label = f"{q.group(1).lower()} {p.group(1)}" if q and q.group(1)[:1].isupper() else p.group(1)
                posts.append((m.block, p.start(1), p.end(1) + 1, label, p.group(1), ""))
        return sorted(posts)

    def _post_swaps(self, ctx: CheckContext):
        """A post given at a later name that differs from the person's first post and is the post of
        someone else in the story ("the club's general manager, Ana Ruiz" ... "the club's owner,
        Ana Ruiz" beside "Owner Victoria Lang"; "The hospital's chief executive, Gregory Hale" ...
        "Health Director Gregory Hale" beside the health department's director)."""
        article = ctx.article
        people = article.analysis.cast.people
        if len(people) < 2:
            return
        # only someone given two posts can swap one: most stories have nobody (a person needs two
        # titles or full mentions for that), and then nobody else's posts are read at all
        posts = {id(p): self._posts(article, p) for p in people
                 if len(p.titles) + sum(m.kind == "full" and not m.quoted for m in p.mentions) >= 2}
        if not any(len(v) >= 2 for v in posts.values()):
            return
        for p in people:
            if id(p) not in posts:
                posts[id(p)] = self._posts(article, p)
        scope = {b.index: b for b in ctx.blocks()}
        holders: dict = {}
        for p in people:
            for post in posts[id(p)]:
                if post[5] not in L.RANK_MODIFIERS:  # a vice president holds no presidency
                    holders.setdefault(post[4], set()).add(id(p))
        for p in people:
            mine = posts[id(p)]
            if len(mine) < 2:
                continue
            seen = {mine[0][4]}
            for i, post in enumerate(mine[1:], 1):
                word = post[4]
                if word in seen and post[5] not in L.RANK_MODIFIERS:
                    hit = self._body_swap(ctx, scope, people, posts, p, mine[:i], post)
                    if hit is None and post[0] in scope:
                        # the same last word, another office: "Ukrainian Foreign Minister Andriy Koval"
                        # ... "Defense Minister Koval"; "Justice Raymond Okafor" ... "Chief Justice Okafor"
                        hit = self._head_change(ctx, scope[post[0]], people, p, mine, post)
                    if hit is not None:
                        yield hit
                    continue
                if word in seen or post[5] in L.RANK_MODIFIERS:
                    seen.add(word)
                    continue
                seen.add(word)
                block = scope.get(post[0])
                if block is None:
                    continue
                # the others whose post is this one: it names nothing theirs does not ("Liberal
                # Democrat leader" beside "Conservative leader": another party's post; "Council
                # President" is not the post of "ATU Local 1338 president Gloria Vance")
                others = [q for q in people if id(q) in holders.get(word, ()) and q is not p
                          and self._same_post(post[3], word, " ".join(x[3] for x in posts[id(q)] if x[4] == word))]
                if not others:  # "Tribal Chairman Jim Halvorsen" beside "Gerald Ames, chairman of the
                    # Cottonwood Creek Rancheria, said the tribe ...": the sentence calls Ames's body a tribe
                    others = [q for q in people if id(q) in holders.get(word, ()) and q is not p
                              and self._kind_named(article, post[3], word, posts[id(q)], mine[:i])]
                if not others:
                    hit = self._new_office(ctx, block, people, p, mine, post)
                    if hit is not None:
                        yield hit
                    continue
                if len(others) != 1 or self._names_own_body(post[3], word, mine[:i]):
                    continue
                first = mine[0][3]
                yield Hit(block, post[1], post[2], args={"person": others[0].name, "holder": p.name},
                          message=f"\"{post[3]}\" is {others[0].name}'s post in this story; {p.name} was "
                                  f"introduced as \"{first}\": check which title is right.")

    @classmethod
    def _head_change(cls, ctx, block, people, p, mine, post):
        """A later formal title before the name with the same last word as the person's earlier
        posts but another office, one person's at a time ("Ukrainian Foreign Minister Andriy Koval"
        ... "Defense Minister Koval"; "Justice Raymond Okafor" ... "Chief Justice Okafor"): the
        post of the others who hold that office in the story ("Chief Justice Margaret Ellison"),
        or, when nobody does, a post the story never gave them (``_new_office``). Only when every
        earlier post of that word is a title the cast read whose head differs."""
        t = next((t for t in p.titles if t.block == post[0] and t.start == post[1]), None)
        if t is None or t.position != "before" or not t.text[:1].isupper() or t.former or t.modifiers:
            return None
        office = _office_key(t)
        if office not in _ONE_HOLDER and office == t.head:
            return None  # (a portfolio's secretary or minister is one office too: "Labor Secretary")
        earlier = []
        ranked = False
        for x in mine:
            if x is post:
                break
            if x[4] != post[4]:
                continue
            e = next((e for e in p.titles if e.block == x[0] and e.start == x[1]), None)
            if e is None or _office_key(e) == office:
                return None
            if e.head == t.head:
                # the same head with a rank the later title drops: "Raymond Tolliver, the assistant
                # secretary of labor for mine safety and health," ... "Labor Secretary Raymond Tolliver"
                if office not in _ONE_HOLDER and office == t.head or not any(m in L.RANK_MODIFIERS for m in e.modifiers):
                    return None
                ranked = True
            earlier.append(e)
        if not earlier:
            return None
        others = [q for q in people if q is not p
                  and any(_office_key(x) == office and not x.former for x in q.titles)]
        if ranked:
            return None if others else cls._rank_dropped(ctx, block, p, mine, post, earlier)
        if office not in _ONE_HOLDER:
            return None
        if not others:
            return cls._new_office(ctx, block, people, p, mine, post, earlier[0].head)
        analysis = ctx.article.analysis
        ss, se = sentence_span(analysis, block, post[1])
        if any(x is not post and x[0] == post[0] and ss <= x[1] < se for x in mine) \
                or _CHANGE_WORDS.search(block.text, ss, se):
            return None
        first = mine[0]
        whose = (f"{others[0].name}'s post" if len(others) == 1 else
                 "the post of " + ", ".join(q.name for q in others[:-1]) + f" and {others[-1].name}")
        return Hit(block, post[1], post[2], args={"person": others[0].name, "holder": p.name},
                   message=f"\"{post[3]}\" is {whose} in this story; {p.name} was "
                           f"introduced as \"{first[3]}\": check which title is right.")

    @staticmethod
    def _rank_dropped(ctx, block, p, mine, post, earlier):
        """A later one-holder office before the name ("Labor Secretary") whose head the person's
        earlier post holds behind a rank ("the assistant secretary of labor for ..."), when nobody
        else holds it: the rank is dropped, and the person is given their superior's office. Not in
        the sentence of another post of theirs, nor where either sentence says the post changes."""
        analysis = ctx.article.analysis
        ss, se = sentence_span(analysis, block, post[1])
        first = next(x for x in mine if x[0] == earlier[0].block and x[1] == earlier[0].start)
        fb = ctx.article.blocks[first[0]]
        fs, fe = sentence_span(analysis, fb, first[1])
        if any(x is not post and x[0] == post[0] and ss <= x[1] < se for x in mine) \
                or _CHANGE_WORDS.search(block.text, ss, se) or _CHANGE_WORDS.search(fb.text, fs, fe):
            return None
        rank = next(m for m in earlier[0].modifiers if m in L.RANK_MODIFIERS)
        return Hit(block, post[1], post[2], args={"person": p.name, "holder": p.name},
                   message=f"\"{post[3]}\" is not the post {p.name} was introduced with (\"{first[3]}\"): "
                           f"the title drops \"{rank}\", and nobody else in the story holds it: check which "
                           f"title is right.")

    @staticmethod
    def _new_office(ctx, block, people, p, mine, post, shared: str = ""):
        """A later formal title before the person's name that is an office one person holds at a
        time (``titles.unheld-title``'s offices: "Homeland Security Secretary Dana Whitcomb") and
        differs from the post the story introduced them with ("Dana Whitcomb, administrator of the
        Federal Emergency Management Agency"), when nobody else in the story holds it: one person
        given two formal posts is a slip, unless the story says they hold or take both (the two in
        one sentence, or a word of change there: "former", "new", "named", "now" ...)."""
        t = next((t for t in p.titles if t.block == post[0] and t.start == post[1]), None)
        if t is None or t.position != "before" or not t.text[:1].isupper() or t.former or t.modifiers \
                or mine[0][4] in _TOP_JOB_WORDS:
            return None  # (not after "Tokyo stock exchange (TSE) head Michio Takeuchi": any top post)
        office = _office_key(t)
        if office not in _ONE_HOLDER and office == t.head:
            return None  # (a portfolio's secretary or minister is one office too: "Commerce Secretary")
        if any(q is not p and any(_office_key(x) == office for x in q.titles) for q in people):
            return None  # someone else's office (``_post_swaps`` judges that)
        first = mine[0]
        if any(w in first[3].lower() for w in t.head.split() if w not in shared.split()):
            return None  # the same office by another name ("secretary of homeland security")
        if shared and not any(w not in shared.split() for w in t.head.split()):
            return None  # (the later head adds nothing to the earlier one's words)
        analysis = ctx.article.analysis
        ss, se = sentence_span(analysis, block, post[1])
        if any(x is not post and x[0] == post[0] and ss <= x[1] < se for x in mine):
            return None  # two posts in one sentence: held together ("Defense Secretary and Deputy Prime Minister")
        fb = ctx.article.blocks[first[0]]
        fs, fe = sentence_span(analysis, fb, first[1])
        if _CHANGE_WORDS.search(block.text, ss, se) or _CHANGE_WORDS.search(fb.text, fs, fe):
            return None  # "the new homeland security secretary", "was named ..."
        return Hit(block, post[1], post[2], args={"person": p.name, "holder": p.name},
                   message=f"\"{post[3]}\" is not the post {p.name} was introduced with (\"{first[3]}\"), "
                           f"and nobody else in the story holds it: check which title is right.")

    @staticmethod
    def _kind_named(article, mine: str, word: str, theirs: list, own: list) -> bool:
        """The capitalised words of ``mine`` that the other's post does not hold say what kind of body
        it is, and the sentence of the other's post calls their body that in lower case, while the
        person's own earlier posts never do: "Tribal Chairman" for "chairman of the Cottonwood Creek
        Rancheria" in "Gerald Ames, chairman of the Cottonwood Creek Rancheria, said the tribe had
        asked" (a stem of the word, "trib"). Numbers must match as for ``_same_post``."""
        theirs_posts = [x for x in theirs if x[4] == word]
        cased = " ".join(x[3] for x in theirs_posts)
        low = cased.lower()
        missing = [q.lower() for q in _WORD_RE.findall(mine) if q[:1].isupper()
                   and q.lower() not in ("the", word) and q.lower().rstrip("'’s") not in low
                   and not _initials_in(q, cased)]
        if not missing or len(missing) > 1 or regex.search(r"\d", mine):
            return False
        stem = missing[0][:max(4, len(missing[0]) - 2)]
        if len(missing[0]) < 5 or missing[0] in L.FUNCTION_WORDS:
            return False
        analysis = article.analysis
        lowword = regex.compile(r"(?<![\w'’\-])" + regex.escape(stem) + r"[a-z]*")

        def said(x) -> bool:
            block = article.blocks[x[0]]
            ss, se = sentence_span(analysis, block, x[1])
            return lowword.search(block.text, ss, se) is not None

        return any(said(x) for x in theirs_posts) and not any(said(x) for x in own)

    @staticmethod
    def _same_post(mine: str, word: str, theirs_cased: str) -> bool:
        """Every capitalised word of ``mine`` (but "The" and the post's own word) stands in
        ``theirs_cased``, or its initials do ("FAA" for "Federal Aviation Administration"), and so
        does every number ("Local 23")."""
        theirs = theirs_cased.lower()
        return not any(q.lower().rstrip("'’s") not in theirs and not _initials_in(q, theirs_cased)
                       for q in _WORD_RE.findall(mine) if q[:1].isupper() and q.lower() not in ("the", word)) \
            and all(regex.search(r"(?<!\d)" + n + r"(?!\d)", theirs) for n in regex.findall(r"\d+", mine))

    @staticmethod
    def _body_words(post: str, word: str) -> list:
        """The words of a post that name its body: its capitalised words and numbers but "The" and
        the post's own word ("Local 23 President": Local, 23; "Board President": Board)."""
        return [q for q in _NAMING_TOKEN.findall(post) if q.lower() not in ("the", word, "who")]

    @classmethod
    def _names_own_body(cls, post: str, word: str, earlier) -> bool:
        """The later post names only what a body the person was said to lead names ("who leads
        Local 23" ... "Local 23 President"): leading it is the post, whatever it is called (not
        "Council member" ... "Council President": another post in the same body)."""
        named = cls._body_words(post, word)
        led = " ".join(x[3] for x in earlier if x[3].startswith("who "))
        return bool(named and led) and cls._same_post(" ".join(named), word, led)

    def _body_swap(self, ctx, scope, people, posts, p, earlier, post):
        """The later post has the person's earlier post's name but another body, which is exactly one
        other person's post: "Renee Kowalski, president of the Cedar Valley Education Association" ...
        "Board President Renee Kowalski" beside "School Board President Marcus Delgado". Only when
        the earlier post names its body too and none of the later post's body words stand in it."""
        word = post[4]
        named = self._body_words(post[3], word)
        block = scope.get(post[0])
        if not named or block is None:
            return None
        own = [x for x in earlier if x[4] == word]
        if not any(w.lower() not in _NOT_BODY and w.lower() != word
                   for x in own for w in _NAMING_ANY.findall(x[3].replace("'s", "").replace("’s", ""))):
            return None  # "President X" ... "Board President X": the first post named no body
        theirs = " ".join(x[3] for x in earlier)
        low = theirs.lower()
        if any(q.lower().rstrip("'’s") in low or _initials_in(q, theirs) for q in named):
            return None  # a word of the same body ("CVEA President" for the association's president)
        others = [q for q in people if q is not p and any(
            x[4] == word and x[5] not in L.RANK_MODIFIERS for x in posts[id(q)])
            and self._same_post(post[3], word, " ".join(x[3] for x in posts[id(q)] if x[4] == word))]
        if len(others) != 1:
            return None
        return Hit(block, post[1], post[2], args={"person": others[0].name, "holder": p.name},
                   message=f"\"{post[3]}\" is {others[0].name}'s post in this story; {p.name} was "
                           f"introduced as \"{own[0][3]}\": check which title is right.")

    def _apposed_titles(self, ctx: CheckContext):
        """Another person's formal title of two words or more, written in lower case and set off
        right after a name ("Marcus Tillman, the faculty senate president, told" when Faculty
        Senate President Helen Quist holds it and Tillman has a post of his own): the cast reads no
        title-only reference there (its qualifiers are lower case). Offices one person holds at a
        time only, and not in a list."""
        article = ctx.article
        cast = article.analysis.cast
        phrases = {}
        for p in cast.people:
            for t in p.titles:
                words = t.text.split()
                if t.formal and not t.former and not t.abbreviation and t.block is not None \
                        and t.position == "before" \
                        and 2 <= len(words) <= 5 and (t.head in _ONE_HOLDER or t.head in _ORG_TOP_HEADS
                                                      and _acronym_qualified(words)) and " of " not in t.text:
                    phrases.setdefault(" ".join(words).lower(), set()).add(id(p))
        phrases = {ph: ids for ph, ids in phrases.items() if len(ids) == 1}
        if not phrases:
            return
        holders = {id(p): p for p in cast.people}
        refs = {(r.block, r.start) for r in cast.title_refs}
        for block in ctx.blocks():
            if ", the " not in block.text:
                continue  # (a str test: most paragraphs hold no appositive)
            low = block.text.lower()
            for phrase, ids in phrases.items():
                holder = holders[next(iter(ids))]
                at = low.find(" " + phrase)
                while at >= 0:
                    end = at + 1 + len(phrase)
                    # ", the faculty senate president," or ", the company's chief financial officer,"
                    lead = _APPOSED_LEAD.search(low, max(0, at - 30), at)
                    at = low.find(" " + phrase, at + 1)
                    if lead is None:
                        continue
                    start = lead.start() + 2
                    if (block.index, start) in refs or not _APPOSITION_END.match(block.text, end):
                        continue
                    named = next((q for q in cast.people if q is not holder and any(
                        m.block == block.index and m.end == start - 2 and m.kind in ("full", "surname")
                        for m in q.mentions)), None)
                    # (the cast may read this very appositive as one of their titles)
                    if named is None or any(phrase in t.text.lower() for t in named.titles
                                            if not (t.block == block.index and start <= t.start < end)):
                        continue
                    if not [x for x in self._posts(article, named) if not (x[0] == block.index and start <= x[1] < end)]:
                        continue  # an untitled person may be introduced by the post
                    own = next((t.text for t in named.titles if t.formal and t.head != "courtesy"
                                and not (t.block == block.index and start <= t.start < end)), "")
                    written = block.text[end - len(phrase):end]  # (as the story writes it: "FAA administrator")
                    yield Hit(block, start, end, args={"person": named.name, "holder": holder.name},
                              message=f"\"{block.text[start:end]}\" is set after {named.name}'s name"
                                      + (f" ({own})" if own else "")
                                      + f", but the {written} in this story is {holder.name}.")

    @staticmethod
    def _apposed_to_other(cast, block, ref, holder):
        """The reference is an appositive set off after another person's name ("Mendes, the House
        speaker, told reporters" when Gloria Fitch is the House speaker): that person, or None.
        Only offices one person holds at a time, and not in a list ("Mendes, the House speaker,
        and the governor")."""
        if ref.former or ref.head not in _ONE_HOLDER or not regex.match(r"(?i:the)[ \u00a0]", ref.text):
            return None
        text = block.text
        if not _APPOSITION_END.match(text, ref.end) or text[max(0, ref.start - 2):ref.start] not in (", ", ",\u00a0"):
            return None
        for p in cast.people:
            if p is holder:
                continue
            if any(m.block == ref.block and m.end == ref.start - 2 and m.kind in ("full", "surname")
                   for m in p.mentions):
                if any(t.matches(ref.head, (), False) for t in p.titles):
                    return None
                # a person with no post of their own may be introduced by this one ("Greg Abbott, the
                # governor, said", another state's governor): only a person with another post is judged
                if not any(t.formal and t.head not in _HONORIFICS and not t.former for t in p.titles):
                    return None
                return p
        return None

    @staticmethod
    def _runs_other(cast, text: str, ref, holder, blocks=()):
        """A relative clause right after the reference says the person runs an organisation that
        another person of the story leads by their title, and the holder's titles never name it
        ("The commissioner, who has run Harland since 2019," when Diane Okafor is the chief executive
        of Harland Water Co.): ``(other person, organisation, their title)`` or None."""
        m = _RUNS_CLAUSE.match(text, ref.end)
        if not m:
            return None
        org = regex.sub(r"['’]s?$", "", m.group("org"))
        if _country(org) or org.lower() in L.FUNCTION_WORDS:
            return None
        key = org.lower()

        def names(t):
            return key in {regex.sub(r"['’]s?$", "", w).lower() for w in _WORD_RE.findall(t.text)}

        if any(names(t) for t in holder.titles):
            return None
        others = [(p, t) for p in cast.people if p is not holder for t in p.titles
                  if t.head in _LEAD_HEADS and not t.former and names(t)]
        if not others:
            return WrongTitle._said_to_run(cast, blocks, ref, holder, key, m.group("verb"))
        if len({id(p) for p, _ in others}) != 1:
            return None
        return others[0][0], org, others[0][1].text

    @staticmethod
    def _described_other(block, ref, holder, other, described: str) -> Hit:
        """The finding for a title-only reference whose clause describes ``other``, not the title's one
        holder: '"The chairman" is described as ..., which fits ...; the only chairman ... is ...'."""
        holder_title = describe_title(holder)
        return Hit(block, ref.start, ref.end, args={"person": other.name, "holder": holder.name},
                   message=f"\"{_ref_as_quoted(ref)}\" {described}; the only {ref.head} in the story is "
                           f"{holder.name}" + (f" ({holder_title})" if holder_title else "") + ".")

    @staticmethod
    def _represents_other(cast, blocks, text: str, ref, holder):
        """A relative clause right after the reference says the person represents a place ("The
        chairman, who has represented Kansas since 2011,") that the story ties to exactly one other
        person by "of" right after their name ("Sen. Gordon Pryce of Kansas") and never to the
        holder: ``(that person, the place)`` or None."""
        m = _REPRESENTS_CLAUSE.match(text, ref.end)
        if m is None:
            return None
        place = m.group("place")
        tied = set()
        for p in cast.people:
            for mn in p.mentions:
                if mn.kind in ("full", "surname") and not mn.quoted and mn.block < len(blocks):
                    o = _OF_PLACE_AFTER.match(blocks[mn.block].text, mn.end)
                    if o is not None and o.group("place") == place:
                        tied.add(id(p))
                        break
            if any(place in t.text for t in p.titles if not t.former):
                tied.add(id(p))
        if id(holder) in tied or len(tied) != 1:
            return None
        return next(p for p in cast.people if id(p) in tied), place

    @staticmethod
    def _said_to_run(cast, blocks, ref, holder, org: str, verb: str):
        """Another person of the story is the one a clause after their name says did the same
        ("Chief Executive Priya Nandakumar, who founded the company in 2009," against "The chief
        operating officer, who founded Calder 14 years ago,"), and the holder never is:
        ``(that person, organisation, the clause)`` or None."""
        family = _FOUNDED if verb.lower() in _FOUNDED else None
        found = []
        for p in cast.people:
            for mn in p.mentions:
                if mn.kind not in ("full", "surname") or mn.quoted or (mn.block, mn.start) == (ref.block, ref.start):
                    continue
                if mn.block >= len(blocks):
                    continue
                text = blocks[mn.block].text
                c = _RUNS_CLAUSE_ANY.match(text, mn.end)
                if not c or (c.group("verb").lower() in _FOUNDED) != (family is not None):
                    continue
                obj = regex.sub(r"['’]s?$", "", c.group("org")).lower()
                if obj == org or obj.split()[0] == "the":
                    found.append((p, c.group(0).lstrip(", ").rstrip()))
                    break
        if any(p is holder for p, _ in found) or len({id(p) for p, _ in found}) != 1:
            return None
        org = org[:1].upper() + org[1:]
        return found[0][0], org, found[0][1], f"{'founding' if family else 'running'} {org}"

    @staticmethod
    def _previous_subject(article, analysis, cast, block, ss, para):
        """The person the sentence before ``ss`` (in body order) starts with, outside quotations."""
        spans = analysis.sentences(block)
        prev = [(block, s, e) for s, e in spans if e <= ss]
        if prev:
            target = prev[-1]
        else:
            order = [b for b in article.blocks if b.index in para and para[b.index] < para[block.index]]
            if not order:
                return None
            pb = order[-1]
            pspans = analysis.sentences(pb) or [(0, len(pb.text))]
            target = (pb, *pspans[-1])
        b, s, e = target
        first = None
        for p in cast.people:
            for m in p.mentions:
                if m.block == b.index and s <= m.start < e and not m.quoted and m.kind != "first-name":
                    if first is None or m.start < first[0]:
                        first = (m.start, p)
        return first[1] if first else None

    @staticmethod
    def _conflict(text: str, ref, holder) -> bool:
        """The sentence calls the subject something of another country than the holder's title says
        ("The foreign minister was the highest-ranking U.S. official", holder: Israeli)."""
        own = {c for q in (q for t in holder.titles for q in t.qualifiers) for w in q.split()
               if (c := _country(w))}
        if not own:
            return False
        m = _COPULA_PRED.match(text, ref.end)
        if not m:
            return False
        for w in _COUNTRY_WORD.findall(m.group("np")):
            c = _country(w)
            if c and c not in own:
                return True
        return False


# -- titles.unheld-title ----------------------------------------------------------------

#: offices one person holds at a time in a place or body, so a story that refers to "the X"
#: names its holder; not roles many people share ("the judge", "the spokesman", "the MP")
UNHELD_OFFICES = sorted(L.words(
    "president|vice president|vice-president|prime minister|deputy prime minister|premier|chancellor|"
    "governor|lieutenant governor|mayor|deputy mayor|attorney general|solicitor general|surgeon general|"
    "secretary of state|secretary-general|secretary general|foreign minister|defense minister|"
    "defence minister|finance minister|interior minister|health minister|foreign secretary|home secretary|"
    "defense secretary|defence secretary|treasury secretary|health secretary|education secretary|"
    "homeland security secretary|press secretary|chief of staff|national security adviser|"
    "national security advisor|chief justice|house speaker|speaker of the house|majority leader|"
    "minority leader|first lady|crown prince|supreme leader|police chief|fire chief|sheriff|undersheriff|"
    "district attorney|state attorney|county executive|city manager|superintendent|commissioner|"
    "county clerk|city clerk|town clerk|"
    "chancellor of the exchequer|chairman|chairwoman|chief executive|chief executive officer|"
    "chief financial officer|chief operating officer|general manager"), key=_longest_first)
_ONE_HOLDER = frozenset(UNHELD_OFFICES)


#: a description set off after a name: "Jalen Ward, 20, a starting guard for the Hawks,"
_DESCRIPTION_AFTER = regex.compile(r",[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?(?P<d>(?:a|an|the|his|her|their)[ \u00a0]+"
                                   r"[^,.;:()“”\"]{1,80})")
#: a lower-case post set off after a name without an article: "Martin Kessler, president and chief
#: executive officer of Gulf South Power," (``_names_post`` checks that it opens with a post)
_POST_AFTER = regex.compile(r",[ \u00a0]+(?P<d>\p{Ll}[^,.;:()“”\"]{1,80})")
#: a who-clause that says what the person is or was: ", who has been Brightwell's chief executive since 2019"
_WHO_WAS_POST = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had)[ \u00a0]+been|is|was|became|serves[ \u00a0]+as|"
                              r"served[ \u00a0]+as)[ \u00a0]+(?P<d>[^,.;:()“”\"]{1,80})")
#: a person introduced by a relative: "Tanya Rourke, whose 5-month-old son spent 11 days in hospital"
_WHOSE_KIN = regex.compile(r",[ \u00a0]+whose[ \u00a0]+(?:[\w\-]+[ \u00a0]+)?(?:son|daughter|child|baby|husband|wife|"
                           r"mother|father|brother|sister|parents|children|sons|daughters|grandson|granddaughter|"
                           r"partner)\b")


def _names_post(d: str) -> bool:
    """A description opens with a post: its first words (past "the", "a", a possessive and
    modifiers) are a title head ("president and chief executive officer of ...", "Brightwell's
    chief executive since 2019"), not "elected in 2022"."""
    words = _WORD_RE.findall(d.lower())[:8]
    i = 0
    while i < len(words) and (words[i] in ("the", "a", "an", "its", "his", "her", "their")
                              or words[i].endswith(("'s", "’s"))):
        i += 1  # (a possessive: the organisation's, "Brightwell's", "the company's")
    free = 1  # one other word may say which post ("international president of the United Mine Workers")
    for j in range(i, min(i + 4, len(words))):
        if any(" ".join(words[j:j + k]) in L.TITLE_HEADS for k in (3, 2, 1)):
            return True  # ("chief executive", "president")
        if words[j] not in L.RANK_MODIFIERS and words[j] not in L.OTHER_MODIFIERS:
            if free == 0 or j != i or words[j] in L.FUNCTION_WORDS or not words[j].isalpha():
                break
            free -= 1
    return False


def _office_key(t) -> str:
    """The office a title names: its head, or a portfolio's secretary or minister ("Interior
    Secretary": "interior secretary", though the cast's head is "secretary")."""
    words = t.text.lower().split()
    if t.head in ("secretary", "minister") and len(words) > 1 and words[-1] == t.head and words[-2] in L.PORTFOLIOS:
        return f"{words[-2]} {t.head}"
    return t.head


#: generic words for an organisation's top post, which any formal title of it may name
_TOP_JOB_WORDS = frozenset("head chief boss leader founder owner".split())
#: words saying that a person's post changes or changed (``WrongTitle._new_office``); "then" only
#: as "then-minister" or "the then minister" (not "met X and then Y")
_CHANGE_WORDS = regex.compile(r"(?<![\w'’\-])(?i:former|ex|new|newly|now|then(?=[\-\u2010\u2011])|(?<=the[ \u00a0]+)then|named|appointed|nominated|nominee|"
                              r"promoted|moved|became|become|becomes|succeed|succeeds|succeeded|replace|replaces|"
                              r"replaced|reshuffle|designate|elect|elected|acting|interim|previously|until|"
                              r"confirmed|sworn|took[ \u00a0]+over|takes[ \u00a0]+over|resigned|stepped[ \u00a0]+down)"
                              r"(?![\w'’])")
#: a rank abbreviation the cast may have cut from the name ("Lt. Marcus Bell")
_RANK_ABBR_BEFORE = regex.compile(r"(?<![\w.])(?:Lt|Sgt|Capt|Cpl|Col|Maj|Gen|Adm|Cmdr|Det|Insp|Supt|Const|PC|DC|DI|"
                                  r"DS|Dr|Prof|Rev|Sen|Rep|Gov|Amb)\.?[ \u00a0]+$")
#: a description set off before a name: "the club's general manager, Ana Ruiz"
_DESCRIPTION_BEFORE = regex.compile(r"(?<![\w'’\-])(?i:the|a|an|his|her|its|their)[ \u00a0]+"
                                    r"(?P<d>(?:[\p{L}\-]+['’]s[ \u00a0]+)?[\p{Ll}\-]+(?:[ \u00a0]+[\p{Ll}\-]+){0,3}),[ \u00a0]+$")
#: a post set off before a name after an organisation's capitalised name in the possessive:
#: "Greenbrier Ridge Energy's president and chief executive, Elaine Varney" (a president and chief executive)
_ORG_POST_BEFORE = regex.compile(r"(?<![\w'’\-])(?:\p{Lu}[\p{L}\-]*[ \u00a0]+){0,3}\p{Lu}[\p{L}\-]*['’]s[ \u00a0]+"
                                 r"(?P<d>\p{Ll}[\p{Ll}\-]*(?:[ \u00a0]+[\p{Ll}\-]+){0,4}),[ \u00a0]+$")
_JOB_WORD_BEFORE = regex.compile(r"(?<![\w'’\-])([A-Za-z]+)[ \u00a0]+$")
#: a lower-case plural job word before one or two names: "trustees Linda Farrow and Samuel Greer"
#: a plural job word before a name, or before a list of names ("trustees Linda Farrow and Samuel
#: Greer", "Council members Raul Espinoza, Tamara Boyd and Kevin Osei")
_PLURAL_JOB_BEFORE = regex.compile(r"(?<![\w'’\-])(\p{Ll}[\p{Ll}\-]+)s[ \u00a0]+"
                                   r"(?:(?:\p{Lu}[\p{L}'’.\-]*[ \u00a0]+){0,2}\p{Lu}[\p{L}'’\-]*"
                                   r"(?:,[ \u00a0]+(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+)){0,6}"
                                   r"(?:\p{Lu}[\p{L}'’\-]*[ \u00a0]+){0,3}(?:and[ \u00a0]+)?$")
_PLURAL_JOBS = L.OCCUPATIONS | L.PERSON_NOUNS | L.TITLE_HEADS | L.words("trustee regent governor member")
_WORD_BEFORE = regex.compile(r"(\p{L}+)[ \u00a0\-]+$")
#: a capitalised word right before a surname ("Cabinet Room"): its name's first word, unless it is a
#: function word, a title or a courtesy title (``_NOT_NAME_LEADS``)
_CAP_WORD_BEFORE = regex.compile(r"(?<![\w'’\-.])(\p{Lu}[\p{L}\-]*)[ \u00a0]+$")
_HONORIFICS = frozenset({"courtesy", "sir", "dame", "lord", "lady", "baroness", "baron", "hon", "honourable"})
_NOT_NAME_LEADS = (L.FUNCTION_WORDS | L.TITLE_HEADS | L.WEAK_REF_HEADS | L.RANK_MODIFIERS | L.OTHER_MODIFIERS
                   | L.STATUS_MODIFIERS | L.NATIONALITIES | L.MONTHS | L.WEEKDAYS | frozenset(L.COURTESY)
                   | _HONORIFICS | L.OCCUPATIONS)


#: a who-clause giving a post after a name: ", who chairs the faculty senate", ", who has run Greystone"
_WHO_POST_AFTER = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had)[ \u00a0]+)?(?P<v>chairs|chaired|leads|led|"
                                r"heads|headed|runs|run|directs|directed|manages|managed)[ \u00a0]+"
                                r"(?P<o>[^,.;:()“”\"]{1,80})")
#: a who-clause that gives a person an office by its abstract noun: ", who holds the council's rotating
#: presidency," (a president), ", who took over the chairmanship in May," (a chair)
_WHO_HOLDS_OFFICE = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had|now|currently)[ \u00a0]+)?"
                                  r"(?:holds|held|took[ \u00a0]+over|takes[ \u00a0]+over|assumed|assumes|occupies)"
                                  r"[ \u00a0]+(?P<o>[^,.;:()“”\"]{0,60}?)(?P<n>presidency|chairmanship|governorship|"
                                  r"premiership|mayoralty|speakership|directorship|chairship)(?![\w'’\-])")
#: the posts each such noun gives
_OFFICE_NOUNS_HELD = {"presidency": ("president",), "chairmanship": ("chair", "chairman", "chairwoman", "chairperson"),
                      "chairship": ("chair", "chairman", "chairwoman", "chairperson"), "governorship": ("governor",),
                      "premiership": ("premier", "prime minister"), "mayoralty": ("mayor",),
                      "speakership": ("speaker",), "directorship": ("director",)}


def _holds_office(text: str, end: int, head: str) -> bool:
    """A who-clause right after a name at ``end`` gives the person the office ``head`` (" council
    president ") by its abstract noun: "Clara Vella, who holds the council's rotating presidency,"."""
    w = _WHO_HOLDS_OFFICE.match(text, end)
    return w is not None and any(head.endswith(f" {h} ") for h in _OFFICE_NOUNS_HELD[w.group("n")])


#: the posts such a verb gives ("who chairs ...": a chair); leading, heading or running may be any top post
_WHO_POST_VERBS = {"chairs": ("chair", "chairman", "chairwoman", "chairperson"),
                   "chaired": ("chair", "chairman", "chairwoman", "chairperson"),
                   "directs": ("director",), "directed": ("director",),
                   "manages": ("manager",), "managed": ("manager",)}
#: a name set off right after a title (and its "of" complement): "the chairman of the working
#: party, Ambassador Stefan Johannesson of Iceland, warned"
_NAME_IN_APPOSITION = regex.compile(r"(?:[ \u00a0]+of[ \u00a0]+[^,.;:“”\"]{1,60})?,[ \u00a0]+\p{Lu}\p{L}*[ \u00a0]+\p{Lu}")


#: organisations a lower-case noun names in "The club president said" (one holder of each post)
_UNHELD_ORG_NOUNS = frozenset("club team league company firm hospital union board school university college museum "
                       "state county city airline airport agency district utility bank charity foundation "
                       "church diocese newspaper network campaign party department ministry commission "
                       "council authority port system".split())
#: posts one person holds for such an organisation that are no title heads of the cast
_ORG_ONLY_HEADS = frozenset("epidemiologist treasurer auditor comptroller coroner".split()) | frozenset(
    ["general counsel", "chief pilot", "provost", "athletic director", "chief medical officer",
     "medical examiner", "executive director", "manager", "chief economist", "ombudsman", "ombudswoman",
     "ombudsperson", "inspector general"])
#: words before "director" that do not say which department the director runs ("The company's regional
#: director", "The bank's managing director": one of several; "The club's new director": no department);
#: any other word does ("The county's elections director", "The state health director": one holder)
_NOT_DOMAINS = L.RANK_MODIFIERS | L.OTHER_MODIFIERS | L.STATUS_MODIFIERS | L.FUNCTION_WORDS | L.words(
    "new longtime current previous recent sole only own board non-executive nonexecutive independent "
    "associate area district division project program programme account site store branch local")
#: one-holder posts whose name says whose they are, so "The" + the post alone is one office:
#: "The harbor master said", "The ombudsman said" (no title heads of the cast)
_SELF_ORG_HEADS = ("harbor master", "harbour master", "harbormaster", "harbourmaster", "ombudsman",
                   "ombudswoman", "ombudsperson", "inspector general")
#: the same post named for the other sex: "the chairman" beside "the committee's chairwoman"
_GENDER_TWIN = {a: b for x, y in (("chairman", "chairwoman"), ("spokesman", "spokeswoman"),
                                  ("congressman", "congresswoman"), ("councilman", "councilwoman"),
                                  ("alderman", "alderwoman"), ("assemblyman", "assemblywoman"),
                                  ("ombudsman", "ombudswoman")) for a, b in ((x, y), (y, x))}
#: a portfolio's one holder, by a word before these heads ("The agriculture secretary, whose department ...")
_DESK_HEADS = frozenset(("secretary", "commissioner", "minister"))
_WHO_WORDS = frozenset(("who", "whose"))
#: past-tense verbs of a reported act right after such a post, which make it the subject of an
#: attribution: "The commerce secretary told Japanese officials on Friday that ..." (one person's
#: words, like "The defense secretary said"); not "has said", "says", "would" (a standing position)
_DESK_ACTS = ("said", "told", "announced", "added", "warned", "urged", "insisted", "argued", "acknowledged",
              "conceded", "admitted", "promised", "pledged", "declined")
_DESK_GATE = _WHO_WORDS | frozenset(_DESK_ACTS)
#: a reporting or acting verb between a title-only reference and a name later in its sentence
_VERB_BETWEEN = regex.compile(r"(?<![\w'’\-])(?:" + "|".join(sorted(L.ATTRIBUTION_VERBS | frozenset(_DESK_ACTS),
                                                                    key=_longest_first)) + r")(?![\w'’\-])")
#: words before those heads that name no portfolio: a rank or a kind of post many hold ("The junior
#: minister", "The parliamentary secretary", "The cabinet secretary") or a generic one
_NOT_DESKS = L.words("junior cabinet parliamentary private personal permanent general executive assistant "
                     "former state federal provincial regional elected appointed")
#: a local government's legal officer: "The city attorney said", "The county prosecutor said" (one
#: holder of each; not after "state", where many prosecutors may work, nor "attorney" alone)
_GOV_NOUNS = ("city", "county", "town", "village", "borough")
_GOV_LEGAL_HEADS = ("attorney", "prosecutor", "solicitor")
#: a lower-case word before the organisation noun that does not say which organisation ("The other
#: club's president", "The local union president": one of several)
_NOT_ORG_MODIFIERS = L.STATUS_MODIFIERS | L.FUNCTION_WORDS | L.words(
    "other another same each every rival new local neighboring neighbouring nearby sister parent one two")
#: a block may hold one of them only when it holds one of these letter runs
_SELF_ORG_RUNS = frozenset(h.split()[0] for h in _SELF_ORG_HEADS)


def _owner_only(ref) -> bool:
    """The reference's one qualifier is a name's possessive that opens it: "Calder's chairman"
    (whose office, not which holder)."""
    q = ref.qualifiers
    return (len(q) == 1 and q[0][:1].isupper() and q[0].endswith(("'s", "’s"))
            and ref.text.startswith(q[0]))


class UnheldTitle(RuleKind):
    name = "unheld-title"
    description = "A title-only reference ('the attorney general') to an office nobody in the story holds."
    OPTIONS = {
        "heads": Option("list[str]", default=UNHELD_OFFICES,
                        doc="offices judged: one holder at a time, so the story should name them"),
        "allow": Option("list[str]", default=[],
                        doc="offices readers know without a name in this house style ('prime minister')"),
    }

    def setup(self, options):
        self.heads = {h.lower() for h in options["heads"]} - {a.lower() for a in options["allow"]}
        heads = sorted(self.heads | _ORG_ONLY_HEADS | set(_SELF_ORG_HEADS), key=_longest_first)
        orgs = "|".join(sorted(_UNHELD_ORG_NOUNS))
        # "The irrigation district's general manager": a lower-case word may say which district
        self.org_ref = regex.compile(r"(?<![\w'’\-])The[ \u00a0]+(?:(?P<mod>[a-z][a-z\-]{2,})[ \u00a0]+)?(?P<org>" + orgs
                                     + r")(?:['’]s)?[ \u00a0]+(?P<head>" + "|".join(regex.escape(h) for h in heads)
                                     + r"|(?P<domain>[a-z]{3,})[ \u00a0]+director"
                                     # an organisation's chief officer of a field: "The system's chief
                                     # nursing officer", "The company's chief technology officer"
                                     + r"|chief[ \u00a0]+(?P<field>[a-z]{3,})[ \u00a0]+officer"
                                     + r")(?![\w'’\-])|(?<![\w'’\-])The[ \u00a0]+(?P<self>"
                                     + "|".join(regex.escape(h) for h in _SELF_ORG_HEADS)
                                     + r"|(?:" + "|".join(_GOV_NOUNS) + r")(?:['’]s)?[ \u00a0]+(?:"
                                     + "|".join(_GOV_LEGAL_HEADS) + r"))(?![\w'’\-])")
        # "The agriculture secretary, whose department runs ...", "The state's insurance commissioner,
        # whose office ...": a portfolio's one holder, whom a who-clause describes as a known person
        self.desk_ref = regex.compile(r"(?<![\w'’\-])The[ \u00a0]+(?:(?P<org>" + orgs + r")['’]s[ \u00a0]+)?"
                                      r"(?P<domain>[a-z]{3,})[ \u00a0]+(?P<head>" + "|".join(sorted(_DESK_HEADS))
                                      + r")(?:,[ \u00a0]+(?:who|whose)[ \u00a0]|[ \u00a0]+(?P<verb>"
                                      + "|".join(_DESK_ACTS) + r")(?![\w'’\-]))")
        self.allowed = {a.lower() for a in options["allow"]}

    def _org_refs(self, ctx: CheckContext, cast) -> list:
        """"The club president said", "The state epidemiologist said": an organisation's one-holder
        post by a lower-case noun for the organisation, which the cast leaves out (a block is read
        only when it holds one of the nouns and "the")."""
        from newslint.article.cast import TitleRef
        out = []
        analysis = ctx.article.analysis
        cast_refs = {(r.block, r.start) for r in cast.title_refs}
        for block in ctx.blocks():
            runs = letter_runs(ctx.article, block)
            if "the" not in runs:
                continue
            if not runs.isdisjoint(_DESK_HEADS) and not runs.isdisjoint(_DESK_GATE):
                out.extend(self._desk_refs(ctx, analysis, cast, block, cast_refs))
            if runs.isdisjoint(_UNHELD_ORG_NOUNS) and runs.isdisjoint(_SELF_ORG_RUNS) and runs.isdisjoint(_GOV_NOUNS):
                continue
            spans = analysis.quote_spans(block)
            for m in ctx.finditer(self.org_ref, block.text):
                s, e = m.span()
                if any(qs <= s < qe for qs, qe in spans) or cast.person_at(block.index, s, e) is not None:
                    continue
                if m.group("self"):  # "The harbor master said": the post names its own office
                    # ("The county prosecutor said": the government's legal officer, "county prosecutor")
                    ref = TitleRef(m.group(), block.index, s, e,
                                   " ".join(regex.sub(r"['’]s$", "", w) for w in m.group("self").lower().split()), [], False,
                                   capitalized=False)
                    ref.self_org = True
                    out.append(ref)
                    continue
                mod = m.group("mod")
                if mod is not None and mod in _NOT_ORG_MODIFIERS:
                    continue  # "The other club's president": one of several
                domain = m.group("domain")
                if domain is not None and domain in _NOT_DOMAINS:
                    continue  # "The company's regional director": one of several
                if m.group("field") is not None and m.group("field") in _NOT_DOMAINS:
                    continue  # ("The company's chief executive officer" is a head of its own)
                out.append(TitleRef(m.group(), block.index, s, e, m.group("head").lower(), [m.group("org")],
                                    False, capitalized=False))
        return out

    def _desk_refs(self, ctx: CheckContext, analysis, cast, block, cast_refs) -> list:
        """"The agriculture secretary, whose department runs ...": a portfolio's secretary,
        commissioner or minister (by a word that names a portfolio, not "deputy", "junior" or
        "county"), optionally an organisation's ("The state's insurance commissioner, whose office
        ..."), set off by a who-clause that describes one known person; the cast reads no such
        reference unless its words are a title head ("defense secretary"), and then it is the cast's."""
        from newslint.article.cast import TitleRef
        out = []
        spans = analysis.quote_spans(block)
        for m in ctx.finditer(self.desk_ref, block.text):
            s, e = m.start(), m.end("head")
            domain = m.group("domain")
            if domain in _NOT_DOMAINS or domain in _NOT_DESKS or domain in _UNHELD_ORG_NOUNS \
                    or f"{domain} {m.group('head')}" in self.allowed \
                    or (block.index, s) in cast_refs or any(qs <= s < qe for qs, qe in spans) \
                    or cast.person_at(block.index, s, e) is not None:
                continue
            org = m.group("org")
            ref = TitleRef(block.text[s:e], block.index, s, e, f"{domain} {m.group('head')}",
                           [org] if org else [], False, capitalized=False)
            ref.desk = True
            out.append(ref)
        return out

    def check(self, ctx: CheckContext):
        article = ctx.article
        analysis = article.analysis
        cast = analysis.cast
        refs = [r for r in cast.title_refs if not r.candidates and not r.quoted and not r.former
                and r.head in self.heads and (not r.qualifiers or _owner_only(r))]
        refs += self._org_refs(ctx, cast)
        if not refs:
            return
        scope = {b.index: b for b in ctx.blocks()}
        body_order = [b.index for b in article.blocks if b.kind in BODY_KINDS]
        para = {idx: i for i, idx in enumerate(body_order)}
        seen = set()
        for ref in sorted(refs, key=lambda r: (r.block, r.start)):
            block = scope.get(ref.block)
            if block is None or ref.block not in para or ref.head in seen:
                continue
            seen.add(ref.head)
            if para[ref.block] == 0:
                continue  # a lede may hold the name back for the next paragraph
            text = block.text
            if not ref.qualifiers and not regex.match(r"(?i:the)[ \u00a0]", ref.text):
                continue
            ss, _ = sentence_span(analysis, block, ref.start)
            if not _OPENER.match(text[ss:ref.start]):
                continue  # only the subject of its sentence ("The governor said ..."), not "met the governor"
            if title_case_line(text, ss, ref.end):
                continue
            if _NAME_IN_APPOSITION.match(text, ref.end):
                continue  # "the chairman of the working party, Ambassador Stefan Johannesson,": named
            if self._elsewhere(ctx, article, ref) or self._maybe_held(article, analysis, cast, ref, para):
                continue
            what = ref.text if ref.qualifiers and ref.text[:1] != "T" else ref.text[0].lower() + ref.text[1:]
            # a holder of a ranked post of the same name is the likely mix-up ("the district
            # attorney" for an assistant district attorney)
            near = next(((p, t) for p in cast.people for t in p.titles
                         if f" {ref.head} " in " " + " ".join(_WORD_RE.findall(t.text.lower())) + " "), None)
            if near is None and ref.head in _GENDER_TWIN:  # "the chairman" for the committee's chairwoman
                twin = " " + _GENDER_TWIN[ref.head] + " "
                near = next(((p, t) for p in cast.people for t in p.titles
                             if twin in " " + " ".join(_WORD_RE.findall(t.text.lower())) + " "), None)
            notes = []
            if near:
                held = lower_title(near[1].text)
                the = "the " if regex.match(r"\p{Ll}[\p{L}\-]*['’]s ", held) else ""  # "the committee's chairwoman"
                notes.append(f"{near[0].name} is {the}{held}")
            rep = WrongTitle._represents_other(cast, article.blocks, text, ref, None) \
                if ", who " in text[ref.end:ref.end + 6] else None
            if rep is not None:  # "The chairman, who has represented Kansas since 2011," (Sen. Gordon Pryce of Kansas)
                notes.append(f"the clause after it describes {rep[0].name} of {rep[1]}")
            also = f" ({'; '.join(notes)})" if notes else ""
            yield Hit(block, ref.start, ref.end, args={"title": what, "head": ref.head},
                      message=f"Nobody in the story is named as {what}{also}: name the {ref.head} at first "
                              f"reference, or use the title of the person meant.")

    @staticmethod
    def _elsewhere(ctx, article, ref) -> bool:
        """The title's words stand somewhere else in the story, not as "the" + title alone
        ("Scottish Finance Minister, Tom McCabe, said"): a holder the cast did not link."""
        plain = {(r.block, r.start) for r in article.analysis.cast.title_refs
                 if r.head == ref.head and not r.qualifiers and regex.match(r"(?i:the)[ \u00a0]", r.text)}
        owned = [(ref.block, ref.start, ref.end)] if ref.qualifiers or getattr(ref, "self_org", False) \
            or getattr(ref, "desk", False) else []
        words = ref.head.split()
        pattern = regex.compile(r"(?<![\w\-])" + r"[ \u00a0\-]+".join(regex.escape(w) for w in words)
                                + r"(?![\w\-])", regex.I)
        for block in article.blocks:
            for m in ctx.finditer(pattern, block.text):
                start = m.start()
                before = _WORD_BEFORE.search(block.text, max(0, start - 30), start)
                if before and before.group(1).lower() in L.RANK_MODIFIERS:
                    continue  # "Assistant District Attorney Owen Pryce": another post
                if any(block.index == b and s <= start < e for b, s, e in owned):
                    continue  # the reference itself: "Calder's chairman"
                if not any(block.index == b and s <= start < s + 40 for b, s in plain) \
                        or not regex.search(r"(?i:the)[ \u00a0]+$", block.text[max(0, start - 4):start]):
                    return True
        return False

    @staticmethod
    def _who_post(text, end, head, org):
        """What a who-clause after a name says of the person's post, as ``_described``: "Priya Raman,
        who chairs the faculty senate," holds a chair (True only for a chair); "Curtis Bell, who has
        run Greystone since 2020," runs an organisation: True when the clause names the title's words
        or its organisation, False when the title names its organisation ("the county prosecutor")
        and the clause another; None (could be any top post) otherwise."""
        w = _WHO_POST_AFTER.match(text, end)
        if w is None:
            return None
        obj = " " + " ".join(_WORD_RE.findall(w.group("o").lower())) + " "
        if head in obj or org and f" {org} " in obj:
            return True
        post = _WHO_POST_VERBS.get(w.group("v"))
        if post is not None:  # "who chairs ...": a chair
            return any(head.endswith(f" {h} ") for h in post)
        return False if org else None

    @staticmethod
    def _described(blocks, named, head, org=None):
        """How the story describes a person the cast gives no title: None when it does not; True
        when the description holds the title's words ("Jane Roe, the state's lieutenant governor,"),
        False when it describes someone else ("Jalen Ward, 20, a starting guard", "Lt. Marcus Bell")."""
        for m in named:
            text = blocks[m.block].text
            if _RANK_ABBR_BEFORE.search(text, max(0, m.start - 8), m.start):
                return False
            before = _DESCRIPTION_BEFORE.search(text, max(0, m.start - 90), m.start) \
                or _ORG_POST_BEFORE.search(text, max(0, m.start - 90), m.start)
            if before is not None:  # "the club's general manager, Ana Ruiz": a general manager
                # ("Greenbrier Ridge Energy's president and chief executive, Elaine Varney": the company's)
                return head in " " + " ".join(_WORD_RE.findall(before.group("d").lower())) + " "
            if m.kind == "full":
                w = _JOB_WORD_BEFORE.search(text, max(0, m.start - 24), m.start)
                if w is not None and w.group(1).lower() in L.WEAK_REF_HEADS:
                    return head == " " + w.group(1).lower() + " "  # "Owner Victoria Lang": an owner
                p = _PLURAL_JOB_BEFORE.search(text, max(0, m.start - 160), m.start)
                if p is not None and p.group(1) in _PLURAL_JOBS:  # "trustees Linda Farrow and Samuel Greer"
                    return head == " " + p.group(1) + " "
            d = _DESCRIPTION_AFTER.match(text, m.end)
            if d is None and text.startswith(",", m.end):
                # (", president and chief executive officer of Gulf South Power,", ", who has been
                # Brightwell's chief executive since 2019,": a post without an article)
                d = next((p for p in (_WHO_WAS_POST.match(text, m.end), _POST_AFTER.match(text, m.end))
                          if p is not None and _names_post(p.group("d"))), None)
            if d:
                return head in " " + " ".join(_WORD_RE.findall(d.group("d").lower())) + " "
            if ", who " in text[m.end:m.end + 7]:
                w = UnheldTitle._who_post(text, m.end, head, org)
                if w is not None:
                    return w
            if _WHOSE_KIN.match(text, m.end):
                return False  # "Tanya Rourke, whose 5-month-old son spent 11 days in intensive care": a parent
        return None

    @staticmethod
    def _desk_held(blocks, cast, ref) -> bool:
        """Someone holds a secretary's, minister's or commissioner's post that may be this portfolio:
        its words or the lower-case words right before it hold the portfolio's word ("trade and
        industry secretary Jose Concepcion" for "The trade minister": the same office by another
        name), or it names no portfolio at all ("Minister Jose Concepcion")."""
        domain = ref.head.split()[0]
        for p in cast.people:
            for t in p.titles:
                if t.head.split()[-1] not in _DESK_HEADS or t.former:
                    continue
                words = _WORD_RE.findall(t.text.lower())
                if domain in words or len(words) == 1 and t.block is None:
                    return True
                if t.block is not None:
                    before = blocks[t.block].text[max(0, t.start - 40):t.start].lower()
                    if domain in _WORD_RE.findall(before) or len(words) == 1 and not before.rstrip()[-1:].isalpha():
                        return True
        return False

    @staticmethod
    def _maybe_held(article, analysis, cast, ref, para) -> bool:
        """Someone named before the reference, or in its paragraph or the next, could be its holder:
        a person the story gives no title ("Tony Blair ... The prime minister"; a courtesy title or
        "Sir" is no office), or one whose title holds the reference's words."""
        here = (ref.block, ref.start)
        last = para[ref.block] + 1
        head = " " + ref.head + " "
        blocks = article.blocks
        if getattr(ref, "desk", False) and UnheldTitle._desk_held(blocks, cast, ref):
            return True
        ref_sentence = sentence_span(analysis, blocks[ref.block], ref.start)
        for p in cast.people:
            named = [m for m in p.mentions if m.kind in NAME_KINDS
                     and ((m.block, m.start) < here or para.get(m.block, last + 1) <= last)
                     # not a name after the reference's verb in its own sentence ("The treasury
                     # secretary, who joined the lunch, told Fox Business that ..."): someone the
                     # holder speaks to or acts on
                     and not (m.block == ref.block and ref.end <= m.start < ref_sentence[1]
                              and _VERB_BETWEEN.search(blocks[m.block].text, ref.end, m.start) is not None)]
            if not named or all(m.kind == "surname" and _after_other_caps(blocks[m.block].text, m.start)
                                for m in named):
                # (only a "surname" after other capitalised words: "the Cabinet Room", "the Situation
                # Room" for a "Benjamin Franklin Room" named later: a place's name, no person)
                continue
            for t in p.titles:
                words = " " + " ".join(_WORD_RE.findall(t.text.lower())) + " "
                at = words.find(head)
                if at >= 0 and words[:at].split()[-1:] not in ([m] for m in L.RANK_MODIFIERS):
                    return True  # not "assistant district attorney": a rank makes it another post
            if any(", who " in blocks[m.block].text[m.end:m.end + 7]
                   and _holds_office(blocks[m.block].text, m.end, head) for m in named):
                return True  # "Clara Vella, who holds the council's rotating presidency," (a post by its office)
            if any(t.head not in _HONORIFICS for t in p.titles):
                continue
            org = ref.qualifiers[0].lower() if ref.qualifiers and ref.qualifiers[0][:1].islower() \
                else ref.head.split()[0] if getattr(ref, "self_org", False) and ref.head.split()[0] in _GOV_NOUNS \
                else None
            described = UnheldTitle._described(blocks, named, head, org)
            if described is not None:
                if described:
                    return True
                continue
            # a lower-case title before the full name that the cast did not read
            # ("director of emergency management and homeland security Alicia Brandt")
            given = _name_starts_clear(p)
            runs = []
            for m in named:
                if m.kind != "full":
                    continue
                text = blocks[m.block].text
                ss = sentence_span(analysis, blocks[m.block], m.start)[0]
                run = long_run_title(text, ss, m.start) or long_caps_title(text, ss, m.start) \
                    or (long_org_title(text, ss, m.start) if given else None)
                if run is not None:
                    runs.append(" " + " ".join(_WORD_RE.findall(text[run[0]:run[1]].lower())) + " ")
            if runs:  # (or a capitalised one: "Associate Vice President for ... and ... Carlos Mendez"; or
                # one whose complement is an organisation: "regional manager for the Northern Region Tina Wexler")
                if any(at >= 0 and r[:at].split()[-1:] not in ([k] for k in L.RANK_MODIFIERS)
                       for r, at in ((r, r.find(head)) for r in runs)):
                    return True  # the long title is this office (not after a rank: "vice president of ...")
                continue
            return True
        return False


# -- titles.courtesy ---------------------------------------------------------------------

_COURTESY = regex.compile(r"(?<![\w.\-])(?P<t>Mr|Mrs|Ms|Mx|Miss)(?P<point>\.?)(?P<sp>[ \u00a0]+)(?=\p{Lu})")
_COURTESY_GATE = re.compile(r"M(?:[rsx]|iss)").search
_COUPLE = regex.compile(r"(?:Mr|Mrs|Ms|Dr)\.?[ \u00a0]+and[ \u00a0]+$")
#: a surname used as a modifier, not as a reference to the person ("the Blair government", "Trump-era")
_ATTRIBUTIVE_BEFORE = regex.compile(r"\b(?i:the|a|an)[ \u00a0]+$")
_ATTRIBUTIVE_AFTER = regex.compile(r"[\-–]\p{L}")


class CourtesyTitle(RuleKind):
    name = "courtesy-title"
    description = "Courtesy titles by house style: AP drops them; British style writes 'Mr' without a point."
    FIXABLE = True
    OPTIONS = {
        "style": Option("str", default="drop", choices=("drop", "no-point", "point"),
                        doc="drop (AP: no Mr./Ms.), no-point (British: 'Mr Smith'), point (NYT: 'Mr. Smith')"),
        "max_per_article": Option("int", default=1,
                                  doc="with style drop: findings per article (the first, with the count); 0 = all"),
        "enforce": ENFORCE,
    }

    def check(self, ctx: CheckContext):
        article = ctx.article
        analysis = article.analysis
        style = self.options["style"]
        limit = self.options["max_per_article"]
        consistent = self.options["enforce"] == "consistent"
        raw = []
        for block in ctx.blocks():
            text = block.text
            # every match holds "Mr" (also in "Mrs"), "Ms", "Mx" or "Miss": most blocks hold none,
            # and a literal search (the re module's) costs less than the pattern's scan
            if not _COURTESY_GATE(text):
                continue
            raw.extend((block, m) for m in ctx.finditer(_COURTESY, text))
        if not raw:
            return
        if consistent and style != "drop":
            # only a story that writes "Mr." and "Mr" can be reported: the filters below only
            # remove titles, so one form among all the matches settles it
            forms = {bool(m.group("point")) for _, m in raw if m.group("t") != "Miss"}
            if len(forms) < 2:
                return
        found = []  # (block, match, a couple) for each courtesy title before a person, outside quotations
        for block, m in raw:
            if analysis.in_quote(block, m.start(), m.end()):
                continue
            if m.group("t") == "Miss":
                who = analysis.cast.person_at(block.index, m.end(), m.end() + 1)
                if who is None or who[1].start != m.end():
                    continue  # "Miss America", "Miss Saigon"
            couple = bool(_COUPLE.search(block.text[max(0, m.start() - 12):m.start()]))
            found.append((block, m, couple))
        if not found:
            return
        # "Mr." and "Mr" ("Miss" takes no point in any style)
        pointed = sum(1 for _, m, _ in found if m.group("point") and m.group("t") != "Miss")
        plain = sum(1 for _, m, _ in found if not m.group("point") and m.group("t") != "Miss")
        mixed_points = pointed and plain
        if style == "drop":
            found = [(b, m) for b, m, couple in found if not couple]  # "Mr. and Mrs. Smith" names a couple
            if not found:
                return
            total = len(found)
            if not consistent:
                why = "No courtesy titles in news copy"
            elif mixed_points:
                why = (f"The story writes courtesy titles both with a full point ({pointed}) and without "
                       f"({plain}); the house style uses none")
            else:
                bare = self._bare_later(ctx)
                if not bare:
                    return  # courtesy titles used throughout: another recognised style, kept consistently
                why = (f"The story uses a courtesy title in some references ({total}) and the surname "
                       f"alone in later ones ({bare}); the house style uses none")
            for i, (block, m) in enumerate(found):
                if limit and i >= limit:
                    break
                title = m.group("t") + m.group("point")
                more = f" ({total} in this article)" if total > 1 and limit and not consistent else ""
                yield Hit(block, m.start(), m.end(), args={"title": title, "count": total}, suggestion="",
                          replacement="", message=f"{why}: drop \"{title}\" (use the surname alone){more}.")
            return
        if consistent and not mixed_points:
            return  # one form throughout: "Mr." (the New York Times) or "Mr" (British papers)
        mix = f"The story writes courtesy titles both with a full point ({pointed}) and without ({plain}); " \
            if consistent else ""
        for block, m, _ in found:
            t, point = m.group("t"), m.group("point")
            if style == "no-point" and point:
                what = f"no full point after a courtesy title" if mix else "No full point after a courtesy title"
                yield Hit(block, m.start("t"), m.end("point"), args={"title": t + point, "form": t},
                          suggestion=t, replacement=t,
                          message=f"{mix}{what}: \"{t}\", not \"{t}.\".")
            elif style == "point" and not point and t != "Miss":
                what = "a courtesy title takes a full point" if mix else "A courtesy title takes a full point"
                yield Hit(block, m.start("t"), m.end("t"), args={"title": t, "form": t + "."},
                          suggestion=t + ".", replacement=t + ".",
                          message=f"{mix}{what}: \"{t}.\".")

    @staticmethod
    def _bare_later(ctx: CheckContext) -> int:
        """Later references by the surname alone ("Smith said") to people the story also calls
        "Mr. Smith": a story that gives courtesy titles to some references and not others."""
        article = ctx.article
        scope = {b.index for b in ctx.blocks()}
        blocks = article.blocks
        bare = 0
        for person in article.analysis.cast.people:
            named = sorted((m for m in person.mentions if m.kind in NAME_KINDS and m.block in scope
                            and blocks[m.block].kind in BODY_KINDS), key=lambda m: (m.block, m.start))
            if not any(m.kind == "courtesy" and not m.quoted for m in named):
                continue
            for m in named[1:]:
                if m.kind != "surname" or m.quoted or m.title is not None:
                    continue
                text = blocks[m.block].text
                if _CAP_BEFORE.search(text, max(0, m.start - 30), m.start) \
                        or _ATTRIBUTIVE_BEFORE.search(text, max(0, m.start - 8), m.start) \
                        or _ATTRIBUTIVE_AFTER.match(text, m.end):
                    continue  # "Zoe Anderson" (a given name the cast did not know), "the Blair government"
                bare += 1
        return bare
