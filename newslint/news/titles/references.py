"""``first-reference`` and ``repeated-full-name``: how a person is named on first and later reference."""

from __future__ import annotations

import re as _std_re
from collections import Counter
from newslint import rx as regex
from newslint.article import lexicon as L
from newslint.kinds.base import CheckContext, Hit, Option, RuleKind
from newslint.news.titles.common import (BODY_KINDS, FIRST_REFERENCE_HEADS, FORMAL_HEADS, GIVEN_NAME_HEADS, _SMALL, _WORD_RE,
    name_mentions, sentence_span, title_core_start)
from newslint.news.titles.abbreviations import _CAP_BEFORE, _NAME_AS_MODIFIER, _NAME_GOES_ON

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
                    title.head in self.heads or self._cabinet_post(title, block.text)) \
                    or person.surname.lower() in L.GIVEN_NAMES or person.surname.lower() in L.ORG_WORDS:
                continue
            if title.head in GIVEN_NAME_HEADS and not any(r.head == title.head for r in cast.title_refs) and (
                    title.head == "dean" or title.block != first.block
                    or not _CLAUSE_OPENS.search(block.text, max(0, title.start - 40), title.start)
                    or _DESCRIBED_AFTER.match(block.text, first.end)):
                # "Dean Young, a pediatrician", "power Sheriff Musa": a given name, unless the story has
                # "the dean" or "the sheriff" (a sheriff: or the title opens its clause, no description after)
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
        yield from self._bare_surnames(ctx, scope)

    def _bare_surnames(self, ctx: CheckContext, scope):
        """A person introduced by one capitalised word, a who-clause or a post set off after it, and a
        verb of saying, whom the story never names in full ("Raman, who teaches labor relations at
        Inland Northwest University, said", "named Okafor, the provost, to lead"): the cast reads no
        person there (one word), so the text is read here. Not a word the story also writes after
        another capitalised word (a given name), nor a place, a nation, an organisation word, a given
        name or a common word."""
        article = ctx.article
        texts = [b.text for b in article.blocks]
        seen = set()
        for block in scope.values():
            if block.kind not in BODY_KINDS or ", " not in block.text:
                continue
            text = block.text
            for c in _BARE_CANDIDATE.finditer(text):
                m = _BARE_SURNAME.match(text, c.start())
                if m is None:
                    continue
                word = m.group("name")
                low = word.lower()
                if word in seen or low in self.allow or low in _NOT_SURNAMES:
                    continue
                seen.add(word)
                if m.group("post") is not None and m.group("post").lower() not in L.TITLE_HEADS \
                        and m.group("post").lower() not in L.OCCUPATIONS:
                    continue  # "Exxon, the oil company,": an organisation
                if any(_after_capitalised(t, word) for t in texts):
                    continue  # named in full somewhere ("Priya Raman"), or part of a longer name
                yield Hit(block, m.start("name"), m.end("name"), args={"name": word, "written": word},
                          message=f"{word} is never named in full: give the full name at first reference.")

    @staticmethod
    def _cabinet_post(title, text: str) -> bool:
        """A portfolio's secretary ("Labor Secretary", "Energy Secretary") or a bare capitalised one
        ("Secretary Nolan", a cabinet secretary's short title): a cabinet title, as the portfolio
        secretaries spelled out in ``heads`` are ("defense secretary"), and a bare capitalised
        minister ("Minister Lachance"). Not a portfolio's minister: wire copy names ministers who use
        one name with their portfolio ("Energy Minister Subroto")."""
        if title.head not in ("secretary", "minister"):
            return False
        if title.head == "secretary" and any(q.lower() in L.PORTFOLIOS for q in title.qualifiers):
            return True
        # "Secretary Nolan" opening its clause; not "the club's membership Secretary Hughes"
        return not title.qualifiers and not title.modifiers and title.text[:1].isupper() \
            and title.block is not None and _CLAUSE_OPENS.search(text, max(0, title.start - 40), title.start) is not None


#: one capitalised word opening its sentence (or after "named"/"appointed"), then a who-clause or a
#: "the"/"a" post set off by commas, then a verb of saying or a verb of being named: a person
#: introduced by surname (``FirstReference._bare_surnames``)
_BARE_SURNAME = regex.compile(
    r"(?:(?<=^)|(?<=[.!?][\"”’)]?[ \u00a0]+)|(?<=\b(?:named|appointed|hired)[ \u00a0]+))"
    r"(?P<name>\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?),[ \u00a0]+"
    r"(?:who[ \u00a0]+(?:teaches|studies|taught|studied|researches|directs|heads|leads|chairs|runs|represents|"
    r"oversees|advises|tracks|covers|lectures|specializes|specialises)[ \u00a0][^,;:“”\"()]{3,120}"
    r"|(?:the|a|an)[ \u00a0]+(?:[\p{Ll}’'\-]+[ \u00a0]+){0,3}(?P<post>\p{Ll}+)),[ \u00a0]+"
    r"(?:(?:said|says|told|added|argued|wrote|warned|noted)\b|(?:to|as)[ \u00a0]+\p{Ll})")
#: where ``_BARE_SURNAME`` may match, found first by the stdlib ``re`` (its look-behinds cost a try at
#: every position of a block)
_BARE_CANDIDATE = _std_re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?, (?:who|the|a|an) ")
#: one-word subjects that are no surname: places, nations, months, organisation words, given names
_NOT_SURNAMES = L.PLACES | L.NATIONALITIES | L.MONTHS | L.WEEKDAYS | L.ORG_WORDS | L.GIVEN_NAMES | L.FUNCTION_WORDS


def _after_capitalised(text: str, word: str) -> bool:
    """Whether ``word`` stands somewhere in ``text`` right after a capitalised word and a space
    ("Priya Raman", "Chief Raman"): a full name or a longer name holds it."""
    i = text.find(word)
    while i >= 0:
        if i and text[i - 1] in " \u00a0" and not text[i + len(word):i + len(word) + 1].isalpha():
            s = max(text.rfind(" ", 0, i - 1), text.rfind("\u00a0", 0, i - 1)) + 1
            if text[s:s + 1].isupper():
                return True
        i = text.find(word, i + 1)
    return False


#: a description set off right after a name: ", a pediatrician at the clinic"
_DESCRIBED_AFTER = regex.compile(r",[ \u00a0]+(?:a|an|the)[ \u00a0]")
#: what may stand right before a title that opens its clause: nothing, a sentence end, a comma
_CLAUSE_OPENS = regex.compile(r"(?:^|[.!?:;,][\"”’)]?[ \u00a0]+|[“\"(][ \u00a0]*)$")


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
