"""Case rules: a standalone title, a title before a name, an occupation before a name."""

from __future__ import annotations

import re
from collections import Counter
from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.article import lexicon as L
from newslint.kinds.base import CheckContext, Hit, Option, OptionError, RuleKind, per_article, word_gate
from newslint.news.titles.common import (ENFORCE, FORMAL_HEADS, NAME_KINDS, TITLE_WORDS, _CAPWORD, _WORD_RE,
    before_full_names, lower_title, sentence_span, title_case_line, title_core_start, upper_title)
from newslint.news.titles.posts import _country

_WORK_BEFORE = regex.compile(r"\p{Lu}[\p{L}'’\-]*[ \u00a0]+(?:of|and|from|for)[ \u00a0]+$")
_WORK_AFTER = regex.compile(r"(?:['’]s?[ \u00a0]+\p{Lu}|[ \u00a0]+and[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu})")


_THE_BEFORE = regex.compile(r"\b(?:[Tt]he|\p{Lu}\p{L}+['’]s?)(?:[ \u00a0]+\p{Lu}[\p{L}.\-]*){0,2}[ \u00a0]+$")


def _person_ends_at(cast, block: int, m) -> bool:
    """The capitalised word ``_WORK_BEFORE`` found (before "and") ends a mention of someone in the cast."""
    word_end = m.start() + len(m.group().split()[0])
    return any(x.block == block and x.end == word_end and x.kind in ("full", "surname")
               for p in cast.people for x in p.mentions)


def _title_key(text: str, head: str) -> str:
    """A title from its head word on, in lower case: "the Israeli prime minister" -> "prime
    minister", "Prince of Wales" -> "prince of wales" (the whole text when the head is not found)."""
    low = " ".join(text.lower().split())
    m = regex.search(r"(?<![\w\-])" + regex.escape(head.split()[0]) + r"(?![\w])", low)
    return low[m.start():] if m else low


_WEAK_PATTERN = None
#: after a capitalised post: a capitalised word, "of", "for", "at" or a possessive make it a name
_ORG_AFTER_POST = regex.compile(r"[ \u00a0]+(?:\p{Lu}|of\b|for\b|at\b)|['’]")


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
                                  doc="report the first N of each capitalised title in an article, with the count (0: all)"),
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
        before = _WORK_BEFORE.search(full, max(0, start - 40), start)
        if before is not None and not (before.group().rstrip(" \u00a0").endswith("and")
                                       and _person_ends_at(analysis.cast, block.index, before)):
            return True  # ("Whitcomb and the Deputy Prime Minister": a person and the title, no work)
        if _WORK_AFTER.match(full, end):
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
        posts = {}
        for p in cast.people:
            for t in p.titles:
                if t.formal and t.head not in self.allow:
                    for h in (*t.heads, t.head.split()[-1]):
                        if h in L.WEAK_REF_HEADS and h not in self.allow:
                            held[h] = t.head
                    words = t.text.split()
                    if words and words[0].endswith(("'s", "’s")) and words[0].islower():
                        words = words[1:]  # "the city’s| finance director"
                    if 2 <= len(words) <= 4 and all(w.isalpha() and w.islower() for w in words):
                        # a post of several words someone holds, written in lower case with their
                        # name: "Dr. Howard Brandt, Veridan's chief medical officer" ... "the Chief
                        # Medical Officer said"
                        posts[" ".join(w.capitalize() for w in words)] = (t.head, " ".join(words))
        if posts:
            yield from self._held_posts(ctx, scope, posts)
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

    def _held_posts(self, ctx: CheckContext, scope: dict, posts: dict):
        """"the Chief Medical Officer said": a post of several words that someone in the story holds
        (written in lower case with their name), capitalised standing alone, not before a capitalised
        word, "of"/"for" or a possessive (an organisation's name)."""
        article = ctx.article
        cast = article.analysis.cast
        refs = {(r.block, r.start) for r in cast.title_refs}
        for block in scope.values():
            text = block.text
            for post, (head, lower) in posts.items():
                at = text.find(post)
                while at >= 0:
                    end = at + len(post)
                    before = text[max(0, at - 4):at]
                    after = text[end:end + 5]
                    if before in ("the ", "The ") and not (after[:1].isalnum() or after[:1] in "'’-") \
                            and not _ORG_AFTER_POST.match(after) \
                            and (block.index, at - 4) not in refs and cast.person_at(block.index, at, end) is None \
                            and not article.analysis.in_quote(block, at, end) \
                            and not self._work_or_name(article.analysis, block, at - 4, end, text[at - 4:end]):
                        if not title_case_line(text, *sentence_span(article.analysis, block, at)):
                            yield Hit(block, at, end, args={"title": lower, "head": head}, suggestion=lower,
                                      replacement=lower)
                    at = text.find(post, end)

    def check(self, ctx: CheckContext):
        # capitalising a title is a house habit (British papers write "the Prime Minister"
        # throughout): the first of each title stands for the rest
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
        if not limit:
            yield from per_article(hits, 0)
            return
        # one finding per title: "The Sheriff" twice is one habit, "the Attorney General" another
        hits.sort(key=lambda h: (h.block.index, h.start))
        by_title: dict = {}
        for h in hits:
            by_title.setdefault(_title_key(h.args["title"], h.args["head"]), []).append(h)
        kept = [h for same in by_title.values() for h in per_article(same, limit)]
        kept.sort(key=lambda h: (h.block.index, h.start))
        yield from kept

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
