"""Shared helpers of the titles pack: title words, sentence spans, name mentions, title forms."""

from __future__ import annotations

import bisect
from newslint import rx as regex
from newslint.article import lexicon as L
from newslint.kinds.base import CheckContext, article_letter_runs, letter_runs
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
                                                "assemblyman|assemblywoman|sheriff|police chief|fire chief|"
                                                "district attorney|county executive|county clerk|superintendent|"
                                                "provost|dean")
#: heads that are also given names ("Dean Whitford" may be a man named Dean, "minister of mines Sheriff
#: Musa" one named Sheriff): judged only when the title opens its clause or the story also refers to
#: the post by its title alone ("The dean said")
GIVEN_NAME_HEADS = L.words("dean sheriff")

_WORD_RE = regex.compile(r"[\p{L}][\p{L}'’.\-]*")
_CAPWORD = regex.compile(r"\b\p{Lu}[\p{L}'’\-]*")
_ANYWORD = regex.compile(r"\b\p{L}[\p{L}'’\-]*")
#: text between a sentence start and its subject
_OPENER = regex.compile(r"^[\s“\"‘'(]*(?:(?:But|And|Yet|So|Still|Now|Then|Later|Meanwhile|However|Also|"
                        r"Instead|Earlier)\b,?\s+)?"
                        # an introductory phrase of place or time set off by a comma: "At a meeting with
                        # growers in Socorro that afternoon, the agriculture secretary promised"
                        r"(?:(?:(?:At|In|On|During|After|Before|Later|Earlier|Outside|Inside|Back|Speaking)\b"
                        r"[^,;:“”\"()]{1,100}"
                        # a question put to the subject runs longer: "Asked whether the university would
                        # try to void Hughes' contract if the review found that he knew about the payments,"
                        r"|Asked\b[^,;:“”\"()]{1,180}),\s+)?$")


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
    # (a post written out says more than a rank's abbreviation: "chief of the defense staff", not "Gen.")
    spelled = [t for t in formal if not t.abbreviation]
    return (spelled or formal)[0].text if formal else ""
