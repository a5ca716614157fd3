"""The cast of people: who is in the story, under which titles, and how each is referred to.

The titles, pronouns and attributions packs all ask the same questions (is
this the first reference? which person does "the secretary" mean? which
pronouns has this person been given?), so the answers are built once per
article, on first use, by rules over compiled regular expressions (no NLP
dependencies). The model prefers silence to noise: a candidate needs evidence
to become a person, a title-only reference links only when exactly one person
holds a matching title, and a pronoun links only through a strong pattern.

Build order (``build_cast``):

1. titled names ("Secretary of State Antony Blinken", "Gov. Jerry Brown",
   "Dr Tony Holohan", "astronaut Neil Armstrong", "Mr. Smith") and other
   capitalised runs, with places, organisations, nationalities, dates and
   title words ("Trade Secretary") filtered out;
2. evidence that a run names a person: a known given name, an attribution,
   an appositive title, a title before it set off by commas ("Zelenskyy's
   chief of staff, Andriy Yermak,"), a list with a person in it ("Elizabeth
   Warren, Bernie Sanders and Pete Buttigieg"), its last word speaking alone
   elsewhere ("... Safadi said"); a run with weak evidence that the story
   repeats in full and never shortens is written like a company ("Ask
   Jeeves said ... Ask Jeeves") and stays tentative;
3. people from full names and titled single names (East Asian names family
   name first: "Xi Jinping"); surname, full-name and first-name mentions
   anywhere (headlines included) link to them ("Sir Alan", "Mayor Pete" are
   first-name mentions of the one Alan, Pete in the story);
4. title-only references ("the secretary", "the Israeli prime minister");
5. pronoun links, each with its evidence.

Offsets are prose offsets of ``article.blocks[block].text``; ``to_dict`` maps
them to source lines and columns.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re as _re
import sys
from collections import Counter
from dataclasses import dataclass, field

import regex

from newslint.cache import longest_first as _longest_first
from newslint.cache import remembered as _remembered
from newslint.article import lexicon as L
from newslint.article import twins

# ---------------------------------------------------------------------------
# The data model
# ---------------------------------------------------------------------------

MENTION_KINDS = ("full", "surname", "title", "pronoun", "courtesy", "first-name")
PRONOUN_EVIDENCE = ("attribution", "said-after", "said-that", "who", "same-sentence-subject", "sentence-start",
                    "lead-in", "clause-object")


@dataclass
class Title:
    """A title as written next to a name, or standing alone in a ``KnownPerson``.

    ``head`` is the normalised head noun phrase ("secretary of state",
    "prime minister", "envoy"); ``heads`` the short forms a title-only
    reference may use for this post ("the secretary", "the minister"). A rank
    modifier changes the post: "deputy secretary" does not answer to "the
    secretary". ``formal`` is False for occupational descriptors ("astronaut
    Neil Armstrong"); ``former`` is True for former/late/outgoing holders.
    """

    text: str
    head: str
    heads: frozenset
    qualifiers: list
    position: str  # "before" the name, "after" it (appositive), or "known" (KnownPerson)
    block: int | None = None
    start: int = 0
    end: int = 0
    capitalized: bool = False
    words: int = 0
    formal: bool = True
    former: bool = False
    abbreviation: bool = False
    modifiers: tuple = ()
    #: short forms named after the organisation in the complement ("chief of the Tehama County Fire
    #: Department": "fire chief", "department chief"); they are in ``heads`` too
    org_heads: frozenset = frozenset()

    def matches(self, head: str, qualifiers=(), former: bool = False) -> bool:
        """True when a title-only reference ``head`` (+ qualifiers) can mean this title."""
        if head not in self.heads or former != self.former:
            return False
        if not qualifiers:
            return True
        own = {_norm_qualifier(q) for q in self.qualifiers}
        own_words = set(_norm_qualifier(self.text).split())
        return all(q in own or set(q.split()) <= own_words for q in qualifiers)

    def to_dict(self, article=None) -> dict:
        data = {"text": self.text, "head": self.head, "heads": sorted(self.heads),
                "qualifiers": list(self.qualifiers), "position": self.position,
                "capitalized": self.capitalized, "words": self.words, "formal": self.formal,
                "former": self.former}
        if article is not None and self.block is not None:
            data.update(_where(article, self.block, self.start, self.end))
        return data


@dataclass(eq=False)
class Mention:
    """One reference to a person in the prose of a block.

    ``kind`` is one of ``MENTION_KINDS``. A name mention may carry the
    ``title`` written with it ("President Biden" is a ``surname`` mention with
    a title). Pronoun mentions carry ``evidence`` (one of ``PRONOUN_EVIDENCE``)
    and the pronoun in ``text``. ``quoted`` is True inside a quotation.
    """

    kind: str
    block: int
    start: int
    end: int
    text: str
    title: Title | None = None
    sentence: int = 0
    evidence: str | None = None
    strong: bool = True
    quoted: bool = False

    @property
    def pronoun(self) -> str | None:
        """"he", "she" or "they" for a pronoun mention."""
        return L.PRONOUN_GENDER.get(self.text.lower()) if self.kind == "pronoun" else None

    def to_dict(self, article=None) -> dict:
        data = {"kind": self.kind, "text": self.text, "sentence": self.sentence, "strong": self.strong}
        if self.evidence:
            data["evidence"] = self.evidence
        if self.quoted:
            data["quoted"] = True
        if self.title is not None:
            data["title"] = self.title.text
        if article is not None:
            data.update(_where(article, self.block, self.start, self.end))
        return data


@dataclass(eq=False)
class Person:
    """A person in the story (or a known person seeded from ``article.people_extra``)."""

    name: str
    surname: str
    given: str = ""
    titles: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    pronouns: Counter = field(default_factory=Counter)
    quotes: list = field(default_factory=list)
    id: str = ""
    evidence: set = field(default_factory=set)
    known: bool = False
    known_pronouns: str | None = None

    @property
    def first(self) -> Mention | None:
        """The first mention in reading order (body before headline: see ``build_cast``)."""
        return self._first

    _first: Mention | None = field(default=None, repr=False)

    @property
    def mentioned(self) -> bool:
        return bool(self.mentions)

    def mention_counts(self) -> Counter:
        return Counter(m.kind for m in self.mentions)

    def gender_evidence(self) -> Counter:
        """Pronoun evidence: strong pronoun links, courtesy titles (Mr. -> he,
        Mrs./Ms./Miss -> she) and, weighted 2, pronouns a KnownPerson declares."""
        counts = Counter(self.pronouns)
        for m in self.mentions:
            if m.kind == "courtesy" and m.title is not None:
                p = L.COURTESY.get(m.title.text.rstrip(".").lower())
                if p:
                    counts[p] += 1
        if self.known_pronouns:
            counts[self.known_pronouns] += 2
        return counts

    def to_dict(self, article=None) -> dict:
        return {
            "id": self.id, "name": self.name, "surname": self.surname, "given": self.given,
            "titles": [t.to_dict(article) for t in self.titles],
            "first": self.first.to_dict(article) if self.first else None,
            "counts": dict(self.mention_counts()),
            "pronouns": dict(self.pronouns),
            "quotes": list(self.quotes),
            "evidence": sorted(self.evidence),
            "known": self.known,
            "mentions": [m.to_dict(article) for m in self.mentions],
        }


@dataclass(eq=False)
class TitleRef:
    """A title standing alone ("the secretary", "The foreign minister").

    ``candidates`` are the people holding a title that matches ``head`` and
    ``qualifiers``; ``person`` is set only when there is exactly one.
    """

    text: str
    block: int
    start: int
    end: int
    head: str
    qualifiers: list = field(default_factory=list)
    former: bool = False
    capitalized: bool = False
    sentence: int = 0
    quoted: bool = False
    candidates: list = field(default_factory=list)
    person: Person | None = None

    @property
    def status(self) -> str:
        """"linked", "ambiguous" (several holders) or "unlinked" (nobody holds it)."""
        if self.person is not None:
            return "linked"
        return "ambiguous" if self.candidates else "unlinked"

    def to_dict(self, article=None) -> dict:
        data = {"text": self.text, "head": self.head, "qualifiers": list(self.qualifiers),
                "status": self.status, "candidates": [p.id for p in self.candidates],
                "person": self.person.id if self.person else None}
        if article is not None:
            data.update(_where(article, self.block, self.start, self.end))
        return data


@dataclass
class KnownPerson:
    """A person known before reading the article (a newsroom staff list, a CMS field).

    Added by plugins to ``article.people_extra`` in ``newslint_enrich_article``.
    ``titles`` are title strings ("Secretary of State"); ``pronouns`` is
    "he", "she" or "they" when known.
    """

    name: str
    titles: list = field(default_factory=list)
    pronouns: str | None = None


@dataclass
class Cast:
    """Everyone in the article, in order of first mention."""

    people: list = field(default_factory=list)
    title_refs: list = field(default_factory=list)
    unlinked_pronouns: list = field(default_factory=list)
    #: surname mentions two or more people could own: ``(Mention, [Person, ...])``
    ambiguous: list = field(default_factory=list)
    #: everyone seeded from ``article.people_extra``, mentioned or not
    known: list = field(default_factory=list)

    def person_by_surname(self, surname: str) -> Person | None:
        """The one person with this surname (None when nobody or several)."""
        s = surname.lower()
        found = [p for p in self.people if p.surname.lower() == s]
        return found[0] if len(found) == 1 else None

    def person_by_id(self, pid: str) -> Person | None:
        return next((p for p in self.people + self.known if p.id == pid), None)

    def person_at(self, block: int, start: int, end: int) -> tuple[Person, Mention] | None:
        """The person (and mention) whose mention overlaps ``[start, end)`` of a block."""
        for p in self.people:
            for m in p.mentions:
                if m.block == block and m.start < end and start < m.end:
                    return p, m
        return None

    def to_dict(self, article=None) -> dict:
        return {
            "people": [p.to_dict(article) for p in self.people],
            "title_refs": [r.to_dict(article) for r in self.title_refs],
            "unlinked_pronouns": [m.to_dict(article) for m in self.unlinked_pronouns],
        }


def _where(article, block: int, start: int, end: int) -> dict:
    b = article.blocks[block]
    offset, length = b.smap.span(start, end)
    line, column = article.source.position(offset)
    return {"block": block, "line": line, "column": column, "offset": offset, "length": length}


# ---------------------------------------------------------------------------
# Patterns (compiled once)
# ---------------------------------------------------------------------------

#: the named lists ``_alt`` registers; every pattern using ``_alt`` is compiled with ``_compile``
_LISTS: dict[str, list[str]] = {}


def _alt(items, cap_first=False) -> str:
    """A regex alternation, longest first, spaces matching any run of spaces.

    Single words go into a named list (``\\L<w3>``, looked up in a set by the
    regex engine, longest first with backtracking, like the alternation) and
    only multi-word items stay spelled out, before the list: compiling a
    thousand-word alternation costs the regex module about 30 ms, a named
    list almost nothing. Compile patterns that use it with ``_compile``.
    """
    out, single = [], set()
    for item in sorted(items, key=_longest_first):
        if " " in item:
            out.append(regex.escape(item).replace(r"\ ", " ").replace(" ", r"[ \u00a0]+"))
        else:
            single.add(item)
    if single - {""}:
        name = f"w{len(_LISTS)}"
        _LISTS[name] = sorted(single - {""})
        out.append(rf"\L<{name}>")
    if "" in single:
        out.append("")
    return "|".join(out)


def _compile(pattern: str, flags: int = 0):
    return regex.compile(pattern, flags, **{k: v for k, v in _LISTS.items() if f"\\L<{k}>" in pattern})


_SP = r"[ \u00a0]"
# Words that may never be part of a name (case-insensitive), except months that are also names.
_NAME_STOP = L.STOP_NAME_WORDS - {"may", "june", "april", "august", "march", "jan", "mar", "will", "guardian", "post"}
_NAME_STOP_ALT = _alt(_NAME_STOP)
_NW_WORD = r"(?:[OD]['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+(?:\p{Lu}\p{Ll}+)?)*"
_NW_AL = r"(?:al|el|ad|as|ash|at|an|az|bin|abu|abd)-\p{Lu}\p{Ll}+"
_NW = r"(?:(?!(?i:" + _NAME_STOP_ALT + r")\b)" + _NW_WORD + "|" + _NW_AL + ")"
# a middle initial: "A.", "H.W." or, in British style, a capital alone ("George W Bush"; not "A" or "I")
_INITIAL = r"\p{Lu}(?:\.(?:-?\p{Lu}\.)?|(?<![AI])(?=[ \u00a0]))"
_PARTICLE = r"(?:" + "|".join(sorted((p for p in L.PARTICLES if not p.endswith(".")), key=_longest_first)) + r")"
_SUFFIX = r"(?:,?" + _SP + r"(?:Jr\.|Sr\.|Jr\b|Sr\b)|" + _SP + r"(?:II|III|IV|VI|VII|VIII)\b)"


def _name_pattern(nw: str) -> str:
    return rf"{nw}(?:{_SP}(?:{_INITIAL}{_SP})?(?:{_PARTICLE}{_SP})*{nw}){{0,4}}(?:{_SUFFIX})?"


_NAME = _name_pattern(_NW)

_QUAL_STOP = (L.FUNCTION_WORDS - {"new"}) | L.MONTHS | L.WEEKDAYS
_QUAL_STOP_ALT = _alt(_QUAL_STOP)
_QUALW_WORD = r"\p{Lu}[\p{L}\-]*(?:['’]s)?"
_QUALW = r"(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|US|UK|UN|EU|(?!(?i:" + _QUAL_STOP_ALT + r")\b)" + _QUALW_WORD + ")"
_MODS = L.RANK_MODIFIERS | L.OTHER_MODIFIERS
_MOD = r"(?i:" + _alt(_MODS) + r")"
_BEFORE_HEADS = L.TITLE_HEADS - L.BEFORE_HEAD_EXCLUDE
_HEAD_BEFORE = r"(?i:" + _alt(_BEFORE_HEADS) + r")"
# (with the occupations that are titles too weak to be formal before a name: "North Korean leader Kim Jong Un")
_OCCUPATION = _alt((L.OCCUPATIONS - L.TITLE_HEADS) | (L.OCCUPATIONS & L.BEFORE_HEAD_EXCLUDE))
_ABBR = r"(?:" + "|".join(
    regex.escape(a.title()).replace(r"\ ", _SP + "+") for a in sorted(L.TITLE_ABBREVIATIONS, key=_longest_first)
    if a not in ("sir", "dame")) + r"|Sir|Dame)"
_CW = r"(?:U\.S\.|(?!and\b|or\b)[\w'’\-]+)"
_COMPLEMENT = (r"(?P<comp>" + _SP + r"+(?:of|for|to)" + _SP + r"+(?:the" + _SP + r"+)?(?:" + _CW + _SP + r"+){0,4}?"
               + _CW + r")")

_MONTH_OR_DAY_ALT = _alt(L.MONTHS | L.WEEKDAYS)


def _titled_pattern(qualw: str, name: str) -> str:
    return (
        r"(?<![\w'’.\-])(?:"
        rf"(?P<courtesy>(?:Mr|Mrs|Ms|Miss|Mx)\.?)"
        rf"|(?P<abbr>(?:the{_SP}+)?{_ABBR})"
        rf"|(?P<title>(?:(?i:former|then|ex-|late|acting|interim|outgoing|incoming){_SP}+)?"
        rf"(?:{qualw}{_SP}+){{0,3}}(?:{_MOD}[ \u00a0\-]+){{0,3}}(?:{_HEAD_BEFORE}){_COMPLEMENT}?)"
        rf"|(?P<occupation>(?:{qualw}{_SP}+){{0,2}}(?:{_OCCUPATION}))"
        rf"){_SP}+(?P<name>{name})(?![\w\-])"
        # a name is never followed by another capitalised word (that would be an organisation: "York Daily News")
        rf"(?!{_SP}+(?!(?i:" + _MONTH_OR_DAY_ALT + r")\b)\p{Lu}\p{Ll})"
    )


# "Secretary of State Antony Blinken", "Gov. Jerry Brown", "astronaut Neil Armstrong", "Mr. Smith"
_TITLED = _compile(_titled_pattern(_QUALW, _NAME), regex.V0)
# _TITLED without the stop-word lookaheads, capturing where they would be tested (q: qualifier
# words, nw: name words): ``_titled_at`` tests them in Python, half the cost of a match attempt
_TITLED_LOOSE = _compile(_titled_pattern(
    r"(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|US|UK|UN|EU|(?P<q>" + _QUALW_WORD + "))",
    _name_pattern(f"(?:(?P<nw>{_NW_WORD})|{_NW_AL})")), regex.V0)
_QUAL_STOP_AT = _compile(r"(?i:" + _QUAL_STOP_ALT + r")\b")
#: the lower-case words a ``_TITLED`` match can start with (any capitalised word may start one):
#: ``_titled_matches`` tries no other lower-case word. Keep in step with ``_TITLED``.
_TITLE_START_WORDS = frozenset(
    _re.match(r"[^\W\d_]*", w).group().lower()
    for w in (L.RANK_MODIFIERS | L.OTHER_MODIFIERS | _BEFORE_HEADS | L.OCCUPATIONS
              | set(L.TITLE_ABBREVIATIONS))
) | {"the", "former", "then", "ex", "late", "acting", "interim", "outgoing", "incoming"}
# the leading lookaheads are cheap necessary conditions that spare the engine the costlier tests at most positions
_NAME_RUN = _compile(rf"(?=\p{{Lu}}|(?:al|el|ad|as|ash|at|an|az|bin|abu|abd)-)(?<![\w'’\-])(?:{_NAME})(?![\w\-])")
# _NAME_RUN without the stop-word lookaheads (each costs the regex module ~2 µs): ``_name_runs``
# checks the words of its matches in Python instead and asks _NAME_RUN only when one is a stop word.
_NAME_RUN_LOOSE = _compile(rf"(?<![\w'’\-])(?=\p{{Lu}}|(?:al|el|ad|as|ash|at|an|az|bin|abu|abd)-)"
                           rf"(?:{_name_pattern('(?:' + _NW_WORD + '|' + _NW_AL + ')')})(?![\w\-])")
# _NAME_RUN_LOOSE's matches that hold a space (a run of two words or more, or a word and a suffix):
# ``_name_runs(multi_word=True)`` wants no others. Only the longest parse of a name word can be
# followed by a space, "," or the end of a run, so leaving the one-word match out changes no
# other. The first word is written to start with a character class (and the lookbehind is tested
# after it, on the character before it): re then skips the positions that cannot start a match
# in C instead of trying the pattern at each (a leading lookbehind made it try every position).
# The first word's "al-" branch starts with "a", "b" or "e", frequent letters: _NAME_RUN_MULTI_CAP
# leaves it out, for texts without a hyphen before a capital (which that branch needs).
_FIRST_NW_CAP = r"\p{Lu}(?<![\w'’\-].)(?:(?<=[OD])['’]\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+(?:\p{Lu}\p{Ll}+)?)*"
_FIRST_NW = (r"[\p{Lu}abe](?<![\w'’\-].)(?:(?<=\p{Lu})(?:(?<=[OD])['’]\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}+)?"
             r"(?:-\p{Lu}?\p{Ll}+(?:\p{Lu}\p{Ll}+)?)*|(?:(?<=a)(?:l|d|s|sh|t|n|z|bu|bd)|(?<=e)l|(?<=b)in)-\p{Lu}\p{Ll}+)")
assert _NW_WORD == r"(?:[OD]['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+(?:\p{Lu}\p{Ll}+)?)*"  # as _FIRST_NW spells it
assert _NW_AL == r"(?:al|el|ad|as|ash|at|an|az|bin|abu|abd)-\p{Lu}\p{Ll}+"  # (in its last branch)
_MULTI_REST = (rf"(?:(?:{_SP}(?:{_INITIAL}{_SP})?(?:{_PARTICLE}{_SP})*(?:{_NW_WORD}|{_NW_AL})){{1,4}}"
               rf"(?:{_SUFFIX})?|{_SUFFIX})(?![\w\-])")
# A name word's lower-case letters are taken possessively (re has "++" from Python 3.11): a shorter
# run of them is followed by another lower-case letter, which nothing after one accepts (a capital,
# "-", a space, "," or the end of the run), so giving letters back never makes a match; it only
# cost the scan a retry per letter of every capitalised word that starts no run (a quarter of it).
if sys.version_info >= (3, 11):
    _FIRST_NW_CAP, _FIRST_NW, _MULTI_REST = (x.replace(r"\p{Ll}+", r"\p{Ll}++")
                                             for x in (_FIRST_NW_CAP, _FIRST_NW, _MULTI_REST))
_NAME_RUN_MULTI = _compile(_FIRST_NW + _MULTI_REST)
_NAME_RUN_MULTI_CAP = _compile(_FIRST_NW_CAP + _MULTI_REST)
_HYPHEN_CAP = _compile(r"-\p{Lu}")

# The stdlib ``re`` scans about twice as fast as the regex module: the passes' costliest patterns
# have ``re`` twins (``newslint.article.twins``), exact on texts ``_re_span`` accepts. The cast's
# patterns use these classes (and named lists, ``_LISTS``).
_TWIN_CLASSES = (r"\p{Lu}", r"\p{Ll}", r"\p{L}", r"\w", r"\s", r"\d")
_RE_SPAN, _re_span, _span_chars = twins.RE_SPAN, twins.re_span, twins.span_chars


def _to_re(pattern: str) -> str:
    """``pattern`` (one of the cast's) in stdlib ``re`` syntax: ``twins.to_re``."""
    return twins.to_re(pattern, _LISTS, _TWIN_CLASSES)


@functools.lru_cache(maxsize=32)
def _re_ok(text: str) -> bool:
    """``_re_span(text)``, remembered: the passes ask it of each block several times. (Small
    caches: they keep their texts alive, and a streamed lint should hold little.)"""
    return _re_span(text)


#: what ``_to_re``'s output depends on besides the pattern: its own code and the named lists
_TO_RE_DEPENDS = (__file__, L.__file__) + twins.DEPENDS


class _Twin:
    """A regex-module pattern and its ``_to_re`` translation, compiled on first use (the big
    ones take 50-100 ms without the pattern cache); ``on(text)`` is the one to use on a text."""

    __slots__ = ("rx", "_re")

    def __init__(self, rx):
        self.rx = rx
        self._re = None

    def re(self):
        if self._re is None:
            # the translation (most of the 11 ms the twins take) is kept in the pattern cache
            pattern = self.rx.pattern
            self._re = _re.compile(_remembered("cast._to_re", pattern, lambda: _to_re(pattern), _TO_RE_DEPENDS))
        return self._re

    def on(self, text: str):
        return self.re() if _TWINS.on and _re_ok(text) else self.rx


class _TwinSwitch:
    """Whether the passes use the re twins. Translating and building them costs about 11 ms
    even from the pattern cache (120 ms without it), which the faster scans repay after some
    60 KB of text: so they are turned on once the cast has read ``TWIN_THRESHOLD`` characters
    in this process (or by ``prepare_patterns``). Both ways find the same."""

    __slots__ = ("on", "seen")

    def __init__(self):
        self.on = False
        self.seen = 0

    def count(self, chars: int):
        self.seen += chars
        if self.seen >= TWIN_THRESHOLD:
            self.on = True


TWIN_THRESHOLD = 64_000
_TWINS = _TwinSwitch()


def prepare_patterns() -> None:
    """Build the cast's re twins now and use them from the first article: for a process about
    to fork workers (they inherit them; a worker's own compiles never reach the pattern cache)."""
    for twin in list(globals().values()):
        if isinstance(twin, _Twin):
            twin.re()
    _TWINS.on = True


_NAME_RUN_LOOSE_TWIN, _NAME_RUN_TWIN = _Twin(_NAME_RUN_LOOSE), _Twin(_NAME_RUN)
_NAME_RUN_MULTI_TWIN, _NAME_RUN_MULTI_CAP_TWIN, _HYPHEN_CAP_TWIN = map(
    _Twin, (_NAME_RUN_MULTI, _NAME_RUN_MULTI_CAP, _HYPHEN_CAP))
_TITLED_TWIN = _Twin(_TITLED)
#: ``find_runs`` drops these from the front of a run; the first word also when it is in
#: ``_RUN_DROP_AT_START`` and starts a sentence ("Will", "May")
_RUN_DROP = (L.NON_NAMES - L.GIVEN_NAMES) | L.NATIONALITIES | L.MONTHS | L.WEEKDAYS | L.TITLE_HEADS | L.OCCUPATIONS
_RUN_DROP_AT_START = L.NON_NAMES & L.GIVEN_NAMES
#: the last part of a hyphenated adjective before a name ("Sydney-listed Virgin Blue", "Tunisian-born ...")
_COMPOUND_ADJECTIVE_ENDS = frozenset("based born listed owned led backed run made bred raised trained educated funded "
                                     "controlled registered headquartered".split())
#: ``find_runs`` drops these in the plural too ("Americans", "Chefs Jamie Oliver", "Justices Ruth Bader Ginsburg")
_RUN_DROP_PLURAL = L.NATIONALITIES | L.TITLE_HEADS | L.OCCUPATIONS
_PLACE_OR_NATIONALITY = L.PLACES | L.NATIONALITIES
#: a title's "of ..." complement that ends with one of these is complete ("Secretary of Energy| Spencer Abraham")
_COMP_END_WORDS = L.PORTFOLIOS | L.ORG_WORDS
#: a run's words up to one of these before a given name are a title ("Majority Leader| Chuck Schumer")
#: words that end an organisation's name, before which a run may hold a person's name
_ORG_RUN_END = (L.ORG_WORDS | L.words("diseases|services|sciences|studies|relations|resources|rights|standards|"
                                      "statistics|safety|security|prevention|control|protection|research")) \
    - L.GIVEN_NAMES
_INNER_TITLE_END = frozenset(w for h in L.TITLE_HEADS | L.OCCUPATIONS for w in [h.split()[-1]]) - L.GIVEN_NAMES
#: the words a title is made of (a run of nothing else is no name)
_TITLE_WORDS = L.TITLE_HEADS | L.OCCUPATIONS | L.RANK_MODIFIERS | L.OTHER_MODIFIERS | L.PORTFOLIOS
#: never linked as a first name alone ("... King Abdullah II of Jordan" is not Jordan Peterson)
_NOT_FIRST_NAME = L.NON_NAMES | L.PLACES | L.NATIONALITIES
#: function words that are never a surname (Theresa May's is one)
_NOT_SURNAME = L.FUNCTION_WORDS - L.GIVEN_NAMES - {"may"}
#: the first word of a title's complement, after "of/for/to" and "the" (group 1)
_COMP_FIRST = _re.compile(r"[ \u00a0]+(?:of|for|to)[ \u00a0]+(the[ \u00a0]+)?([\w'’\-]+)")
#: a name after a title never starts with one of these ("rival| Chancellor Gordon Brown")
_TITLE_NAME_STOP = (L.TITLE_HEADS | L.OCCUPATIONS | L.RANK_MODIFIERS | L.OTHER_MODIFIERS) - L.GIVEN_NAMES
#: what follows and precedes a surname that speaks alone (``_speaks_alone``: "Safadi said", "said Safadi.")
_SURNAME_VERB = _re.compile(r"[ \u00a0]+(?:said|says|told|added|explained|wrote|writes|argued|noted|insisted|"
                            r"warned|stressed)\b")
_SAID_BEFORE = _re.compile(r"\b(?:said|says|told|added|wrote)[ \u00a0]+$")
_CAP_WORD_BEFORE = _re.compile(r"(?<![\w'’\-.])(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \u00a0])[A-Z][\w'’\-.]*[ \u00a0]+$")
#: what separates the names of a list, and its last two ("Warren, Sanders and Buttigieg")
_LIST_SEP = _re.compile(r",[ \u00a0]+|,?[ \u00a0]+(?:and|or)[ \u00a0]+")
_LIST_NOT_NAME = L.TITLE_HEADS | L.RANK_MODIFIERS | L.OTHER_MODIFIERS | L.OCCUPATIONS
_LIST_LAST = _re.compile(r",?[ \u00a0]+(?:and|or)[ \u00a0]+")
#: evidence too weak to outweigh a run written like a company's name (``_Builder._org_like``)
_WEAK_EVIDENCE = frozenset({"attribution", "list"})
_NAME_STOP_AT = _compile(r"(?i:" + _NAME_STOP_ALT + r")\b")
_ASCII_WORD = _re.compile(r"[A-Za-z0-9_]*")  # what \w matches of an ASCII word
_AFTER_OF_PLACE = _compile(rf"{_SP}+of{_SP}+(?P<place>\p{{Lu}}\p{{Ll}}+(?:{_SP}\p{{Lu}}\p{{Ll}}+)?)")

_APPOSITIVE = _compile(
    r",\s+(?:(?:the|a|an|his|her|its|their)\s+|(?P<poss>\p{Lu}[\p{L}.]*['’]s)\s+)?"
    r"(?P<t>[^,;:!?“”\"()\n—–]{2,140}?)(?=\s*(?:,|;|:|(?<!\b(?:St|Mt|Ft))\.(?:\s(?!\s*\p{Ll})|$)|\)|—|–|”|$))")
# (a full stop before a lower-case word ends no sentence: ", the U.S. ambassador to NATO,"; nor
# does one after St., Mt., Ft.: ", president of St. Brendan,")

#: a who-clause holding a post: ", who chairs the Tehama County Board of Supervisors" (the verb, then
#: an organisation's capitalised name after "the"; ``_Builder._who_post``)
_WHO_POST_HEADS = {"chairs": "chair", "heads": "head", "directs": "director", "manages": "manager",
                   "leads": "leader", "coaches": "coach", "edits": "editor", "owns": "owner"}
_WHO_POST = _re.compile(r",[ \u00a0]+who[ \u00a0]+(?P<v>" + "|".join(_WHO_POST_HEADS) + r")[ \u00a0]+the[ \u00a0]+"
                        r"(?P<org>[A-Z][A-Za-z\-]*(?:[ \u00a0]+(?:of[ \u00a0]+|and[ \u00a0]+)?[A-Z][A-Za-z\-]*)*)"
                        r"(?=[ \u00a0]*[,;.]|[ \u00a0]+(?:and|since|for|in|until)[ \u00a0])")

# a capitalised word of a title-only reference's complement: a full stop only inside it ("U.S."),
# never the sentence's ("the Sultan of Brunei. He": the complement is "of Brunei"), or "St."
_COMP_WORD = r"(?:St\.|\p{Lu}(?:[\w\-]|\.(?=\w))*(?:(?<=\.\w)\.)?)"
# "and", or a known given name before another capitalised word (``_list_or_name``: the given names
# are looked up in a set; as an alternation the pattern's re twin took ~35 ms to compile)
_AND_WORD = _re.compile(r"\band\b")
_CAP_WORD_THEN_CAP = _re.compile(r"\b([A-Z][a-z'’\-]*)[ \u00a0]+(?=[^\W\d_])")  # (the given names are ASCII)


def _list_or_name(phrase: str) -> bool:
    """``phrase`` holds "and" or a given name before a capitalised word ("deputy secretary Barbara
    Leaf and ...", "press secretary for Bill Clinton"): a list or a name, not one title."""
    if _AND_WORD.search(phrase):
        return True
    return any(m.group(1).lower() in L.GIVEN_NAMES and phrase[m.end()].isupper()
               for m in _CAP_WORD_THEN_CAP.finditer(phrase))
_REF_HEADS = L.TITLE_HEADS - L.WEAK_REF_HEADS
_TITLE_REF = _compile(
    r"(?<![\w'’\-])(?P<det>[Tt]he|(?P<poss>(?:U\.S\.|\p{Lu}\p{L}+)['’]s?))" + _SP + r"+"
    r"(?P<t>(?:(?P<former>(?i:former|then|acting|interim|outgoing|late))" + _SP + r"+)?"
    r"(?:(?:" + _QUALW + r")" + _SP + r"+){0,2}"
    r"(?:(?:(?:" + _MOD + r")[ \u00a0\-]+){0,2}(?P<head>(?i:" + _alt(_REF_HEADS) + r"))"
    # an ordinary noun is a title only with a modifier: "the executive editor", not "the editor"
    r"|(?:(?:" + _MOD + r")[ \u00a0\-]+){1,2}(?P<weak>(?i:" + _alt(L.WEAK_REF_HEADS) + r"))))(?![\w\-])"
    r"(?P<comp>" + _SP + r"+(?:of|for)" + _SP + r"+(?:the" + _SP + r"+)?" + _COMP_WORD + r"(?:" + _SP + r"+" + _COMP_WORD
    + r"){0,3}(?![\w'’]))?"
)
# (and any capitalised name after the possessive: "the Prince's Trust", "The Governor's Mansion")
#: the heads a weak-head reference may have ("chief": a police or fire chief's short form)
_WEAK_REF_WORDS = L.WEAK_REF_HEADS | {"chief"}
_WEAK_REF_RUNS = frozenset(w for h in _WEAK_REF_WORDS for w in h.split("-"))  # letter runs ("co-founder")
#: the one-word heads of a two-word formal title that "the" + its lower-case words refers to ("Board
#: Chair Raymond Oduya" ... "the board chair", "Board President Thomas Whitley" ... "the board president")
_PHRASE_HEADS = _WEAK_REF_WORDS | frozenset(h for h in L.TITLE_HEADS if " " not in h)
_WEAK_REF = _compile(r"(?<![\w'’\-])[Tt]he" + _SP + r"+(?:(?P<lposs>\p{Ll}{3,}['’]s)" + _SP + r"+"
                     r"|(?P<org>\p{Ll}{3,})" + _SP + r"+)?"
                     r"(?P<head>(?i:" + _alt(_WEAK_REF_WORDS) + r"))(?![\w\-])")
#: an appositive naming a post with a weak head after a name: ", the city manager,", ", the
#: principal of Lincoln Elementary," (a few lower-case words before the head; ``find_weak_title_refs``)
_WEAK_APPOSITIVE = _re.compile(r",[ \u00a0]+(?:the|an?)[ \u00a0]+(?:[a-z]+(?:['’]s)?[ \u00a0]+){0,3}?"
                               r"(?P<head>[a-z]+(?:-[a-z]+)?)(?=[,;.]|[ \u00a0]+(?:of|for|at)[ \u00a0])")
#: a name right after a reference: the post is that person's ("said the club's owner, Ana Ruiz")
_NAME_NEXT = _re.compile(r",?[ \u00a0]+[A-Z][a-z]+[ \u00a0]+[A-Z]")
# a lower-case title with an of/for complement of lower-case words right before a name (the
# _TITLED pattern stops at "and": "director of emergency management and homeland security")
_JOB_WORD_BEFORE = _re.compile(r"(?<![\w'’\-])([A-Za-z]+)[ \u00a0]+$")
_LONG_TITLE_BEFORE = _compile(r"(?<![\w'’\-])(?P<head>(?:" + _alt(L.WEAK_REF_HEADS) + r"))" + _SP
                              + r"+(?:of|for)(?:" + _SP + r"+\p{Ll}[\p{Ll}\-]*){1,8}" + _SP + r"+$")
#: what may follow a post named after its organisation used as an object: punctuation or a function word
_ORG_PHRASE_END = _re.compile(r"[,;:.]|[ \u00a0]+(?:after|at|on|in|about|for|to|whether|if|that|during|before|"
                              r"when|why|how|what|and|but)\b")
_AUX_AFTER = _re.compile(r"[ \u00a0]+(?:(?:also|later|then|again|\w+ly)[ \u00a0]+)?(?:is|was|has|had|would|will|"
                         r"could|can|did|does|declined|refused|should|must|may|might)\b")
_WEAK_REF_AFTER = _compile(r"['’]|" + _SP + r"+(?:of|for)\b|" + _SP + r"+\p{Lu}")
_ORG_AFTER = _compile(r"['’]s?\s+(?i:office|residence|department|ministry|palace|cabinet|"
                           r"administration|government|staff|party|foundation|council)\b|['’]s[ \u00a0]+\p{Lu}\p{Ll}")
_CAP_AFTER = _compile(r"[ \u00a0]+\p{Lu}\p{Ll}")
_ORG_WORD_AFTER = _compile(r"[ \u00a0]+(?:of[ \u00a0]+)?(\p{Lu}\p{Ll}+)")

_ATTR_VERBS = _alt(L.ATTRIBUTION_VERBS)
_VERB_AFTER = _compile(r"\s+(?:(?:also|later|then|again|previously|\w+ly)\s+)?(?:" + _ATTR_VERBS + r")\b")
# matched backwards from the end ((?r)): a forward search tries the verb list at every position
_VERB_BEFORE = _compile(r"(?r)\b(?:" + _ATTR_VERBS + r"),?\s+$")
_ATTR_VERB_ENDS = tuple(sorted(L.ATTRIBUTION_VERBS))


def _verb_before(text: str, s: int) -> bool:
    """``_VERB_BEFORE`` matches the 30 characters before ``s`` ("..., said |Smith"). It needs them to
    end in a verb, maybe a comma, and white space, which ``str.rstrip`` takes (every \\s is a str
    space): a test that rules out nearly every name before the pattern is asked."""
    before = text[max(0, s - 30):s]
    bare = before.rstrip()
    if len(bare) == len(before):
        return False
    if bare.endswith(","):
        bare = bare[:-1]
    return bare.endswith(_ATTR_VERB_ENDS) and _VERB_BEFORE.match(before) is not None

_PRONOUN_WORDS = ("he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "theirs",
                  "themselves", "themself")
_PRONOUN = _compile(r"\b(?i:" + "|".join(_PRONOUN_WORDS) + r")\b")
# _PRONOUN for re (``_pronoun_scan``): the first letter is a character class, so re skips in C the
# positions where none stands (a leading \b made it try every one), and the \b before it is a
# lookbehind tested after it. A match is a whole word (between \b's): the order of the
# alternatives changes nothing.
_PRONOUN_FIRST = "HhSsTt\u017f"  # what (?i:[hst]) matches in _RE_SPAN (a test checks)
_PRONOUN_SCAN = _compile(rf"[{_PRONOUN_FIRST}](?<!\w.)(?:(?<=(?i:h))(?i:e|im|is|imself|er|ers|erself)"
                         r"|(?<=(?i:s))(?i:he)|(?<=(?i:t))(?i:hey|hem|heir|heirs|hemselves|hemself))\b")
assert sorted(_PRONOUN_WORDS) == sorted(["he", "him", "his", "himself", "her", "hers", "herself", "she", "they", "them",
                                         "their", "theirs", "themselves", "themself"])
_SUBJECT_PRONOUNS = {"he", "she", "they"}
# said (that) PRONOUN: verbs that take a clause, not an object
_SAID_THAT = _compile(
    r"^[ \u00a0]+(?:(?:also|later|then|again|previously|repeatedly|\w+ly)[ \u00a0]+)?"
    r"(?:said|says|added|adds|insisted|insists|claimed|claims|argued|argues|stressed|noted|notes|warned|"
    r"acknowledged|admitted|announced|believes|believed|thinks|thought|hoped|hopes|explained|"
    r"confirmed|denied|wrote|writes|predicted|suggested|recalled|felt|feels|knows|knew|promised|"
    r"vowed|pledged|conceded|maintained|maintains|stated|states)"
    r",?[ \u00a0]+(?:that[ \u00a0]+)?$")
#: from a name to a pronoun opening what a who-clause about them says: ", who said ", ", the U.S.
#: ambassador to NATO, who has said that " (``app``: an appositive that must be the person's title)
_WHO_SAID = _re.compile(r",[ \u00a0]+(?:(?:the[ \u00a0]+)?(?P<app>[^,;:“”\"]{2,80}),[ \u00a0]+)?who[ \u00a0]+"
                        r"(?:(?:has|had|also)[ \u00a0]+)?(?:said|says)[ \u00a0]+(?:that[ \u00a0]+)?$")
#: the capitalised words completing an organisation's short name ("St. Brendan" + " Medical Center")
_FULL_ORG_NAME = _re.compile(r"[ \u00a0]+((?:[A-Z][a-z]+[ \u00a0]+){0,2}[A-Z][a-z]+)(?![\w\-'’])")
#: what an organisation's full name ends in -> the common noun a story calls it by
_ORG_NAME_NOUNS = {"medical center": "hospital", "medical centre": "hospital", "hospital": "hospital",
                   "university": "university", "college": "college", "school": "school", "company": "company",
                   "bank": "bank", "church": "church", "museum": "museum", "library": "library",
                   "clinic": "clinic", "foundation": "foundation", "union": "union", "airline": "airline",
                   "airlines": "airline", "club": "club", "council": "council", "board": "board"}
#: what opens a second main clause right before its subject: ", and ", ", but ", "; "
_CLAUSE_SUBJECT_BEFORE = _re.compile(r"(?:,[ \u00a0]+(?:and|but)|;)[ \u00a0]+$")
#: a sentence opening with a subordinate clause: "When the sheriff reached the post, she ..."
_SUBORDINATE_OPENER = _re.compile(r"[\s“\"‘'(]*(?:(?:But|And|Yet)[ \u00a0]+)?(?:When|After|As|Before|While|Once|"
                                  r"Although|Though|Because|Since|Until|If)[ \u00a0]+")
_SAID_AFTER_END = _re.compile(r"(?:[ \u00a0]+(?:on[ \u00a0]+)?[A-Za-z]+){0,4}[ \u00a0]*[.!]?[ \u00a0]*$")
#: a word qualifying a title before a name (``_qualifies_title``): "Acme", "Corp.", "U.S.", "health"
_QUALIFIER_WORD = _re.compile(r"[A-Za-z][A-Za-z.&'’\-]*")
_ORG_OR_PORTFOLIO = L.ORG_WORDS | L.PORTFOLIOS
#: a job word alone before a name at a sentence's start ("Owner Victoria Lang"; ``subject_of``)
_JOB_WORD_OPENING = _re.compile(r"[ \u00a0“\"‘'(]*([A-Z][a-z]+(?:-[a-z]+)?)[ \u00a0]+$")
_JOB_WORDS = L.WEAK_REF_HEADS | L.OCCUPATIONS
#: a short quoted fragment of lower-case words ('had been "painful but necessary" and that she'):
#: the subject's own words, which name nobody (``link_pronoun``, step 4)
_QUOTED_FRAGMENT = _re.compile(r"[“\"](?:[a-z][a-z\-’']*[ \u00a0,]*){1,6}[”\"]")
_WHO_CLAUSE = _compile(r"^,\s+who\b[^,;:.!?“”\"]*$")
_AFTER_QUOTE = _compile(r"[,.!?…]?\s*[”\"]\s*$|[,.!?…][’']\s*$")
# (or a quotation the subject then attributes: "“We will not let this die,” Schumer told reporters")
_SUBJECT_PREFIX = _compile(
    r"^(?:[\s“\"‘'(]*(?:(?:But|And|Yet|So|Still|Now|Then|Later|Meanwhile|However|Also|Instead|Earlier)\b,?\s+)?"
    r"(?:[^,;:“”\"]{1,80},\s+)?|\s*[“\"][^“”\"]{1,400}[,!?…][”\"]\s+)$")
_SENTENCE_OPENER = _compile(
    r"^[\s“\"‘'(]*(?:(?:But|And|Yet|So|Still|Now|Then|Later|Meanwhile|However|Also|Instead)\b,?\s+)?$")
#: function words that follow a possessive his/her as a determiner, not an object her ("In his first
#: interview since the audit,", "In her last term,")
_AFTER_POSSESSIVE = frozenset({"first", "last", "next", "new"})
#: a short lead-in of lower-case words before a subject pronoun that opens the main clause ("In a
#: statement released through her attorney, she said"): the pronoun is still the sentence's subject
_LEAD_IN_OPENER = _re.compile(r"[\s“\"‘'(]*(?:(?:But|And|Yet|So|Still)[ \u00a0]+)?"
                              r"(?:In|At|On|After|Before|During|Asked|Speaking|Through|Earlier|Later|Since|Until)"
                              r"(?:[ \u00a0]+[a-z0-9][a-z0-9'’\-]*){1,10},[ \u00a0]+")
_PERSON_NOUN = _compile(r"\b(?i:" + _alt(L.PERSON_NOUNS) + r")\b")
# an indefinite person by a title word that always means a person ("a union leader", "a former
# minister"; not "as president", "while mayor": the subject's own posts; ``_other_title_between``)
_TITLE_WORD = _compile(r"\b(?i:an?)[ \u00a0]+(?:[\w\-]+[ \u00a0]+){0,2}?(?:" + _alt(_REF_HEADS | {"leader"}) + r")\b")
_WORD = _compile(r"[\p{L}][\p{L}'’.\-]*")
#: a title head word anywhere in a lower-case lead-in ("after meeting the mayor,")
_TITLE_WORD_HEADS = _re.compile(r"\b(?:" + "|".join(sorted(map(_re.escape, L.TITLE_HEADS | L.OCCUPATIONS),
                                                          key=_longest_first)) + r")s?\b")
_JOB_OR_TITLE = L.TITLE_HEADS | L.OCCUPATIONS  # (a _TITLE_WORD_HEADS match outside it is a plural)
_HEAD_MULTI = sorted((h for h in L.TITLE_HEADS if " " in h or "-" in h), key=_longest_first)
#: ``_HEAD_MULTI`` by their first two characters, in the same order (``parse_title`` tries each word)
_HEAD_MULTI_BY_START: dict[str, list[str]] = {}
for _h in _HEAD_MULTI:
    _HEAD_MULTI_BY_START.setdefault(_h[:2], []).append(_h)
_QUOTE_CHARS = "“”\""
_CAP_RUN = _compile(r"(?:\p{Lu}[\p{L}.'’\-]*(?:\s+(?:of\s+)?)?)+")
_INITIAL_RE = _compile(_INITIAL)
_NON_SLUG = _compile(r"[^\p{L}\p{N}]+")
_NON_SLUG_ASCII = _re.compile(r"[^a-z0-9]+")
_NONSPACE = _compile(r"\S+")
# Where a titled name can be: a head, abbreviation, courtesy title or occupation word. _TITLED is
# only tried at the word starts of a short window before each trigger (a full scan is 10x slower).
# (A set lookup per word is several times faster than one big alternation.)
_TRIGGER_WORDS = frozenset(
    w for phrase in (_BEFORE_HEADS | L.OCCUPATIONS | set(L.TITLE_ABBREVIATIONS) | set(L.COURTESY))
    for w in _re.split(r"[ .\-]+", phrase) if w and w not in ("of", "the"))
_PLAIN_WORD = _re.compile(r"[^\W\d_]+")
# A word of the text before a _TITLED match's head (or abbreviation, courtesy title, occupation),
# between spaces: qualifiers, modifiers, "former" words, "the" (a superset: see _title_starts).
_TITLE_TOKEN = _compile(
    r"-*(?:" + _MOD + r"-+)*(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|\p{Lu}[\p{L}\-]*(?:['’]s)?"
    r"|(?i:former|then|ex-|late|acting|interim|outgoing|incoming)|the|" + _MOD + r"-*)?")
#: letters the regex module's (?i) equates with an ASCII letter though they do not lower-case to one
_CASE_EXOTIC = _re.compile("[\u0130\u017f\u212a]")
#: a bytes.translate table keeping a-z and turning every other byte into a space
_NOT_ASCII_LOWER_BYTES = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
# the words of the heads a title-only reference ends with (_title_refs)
_REF_TRIGGER_WORDS = frozenset(
    w for phrase in (_REF_HEADS | L.WEAK_REF_HEADS) for w in _re.split(r"[ .\-]+", phrase) if w and w not in ("of", "the"))
# A word between a title-only reference's determiner and head, the determiner included (_title_refs)
_REF_TOKEN = _compile(
    r"-*(?:" + _MOD + r"-+)*(?:[Tt]he|U\.S\.(?:['’]s?)?|U\.K\.|U\.N\.|E\.U\.|\p{Lu}[\p{L}\-]*(?:['’]s?)?"
    r"|(?i:former|then|acting|interim|outgoing|late)|" + _MOD + r"-*)?")
#: ``_trigger_starts`` finds only words of these two sets; ``_lowered`` also tells which pronouns occur
_ANY_PRONOUN = frozenset(_PRONOUN_WORDS)
_ANY_TRIGGER_WORDS = _TRIGGER_WORDS | _REF_TRIGGER_WORDS | _ANY_PRONOUN
_ANY_TRIGGER_BYTES = frozenset(w.encode("ascii") for w in _ANY_TRIGGER_WORDS)
_REF_START = _compile(r"(?<![\w'’\-])[\w.]")
# _trigger_starts relies on this; and every head starts with a trigger word
assert all(w.isascii() and w.isalpha() and w.islower() for w in _TRIGGER_WORDS | _REF_TRIGGER_WORDS)
assert all(_re.fullmatch(r"[a-z][a-z .\-]*", h) for h in _REF_HEADS | L.WEAK_REF_HEADS | _BEFORE_HEADS | L.OCCUPATIONS)
_WORD_START = _compile(r"(?<![\w'’.\-])[\w“]")
TITLE_WINDOW = 90

# the stdlib re twins of the patterns the passes use most (see _Twin); not _PRONOUN: a search
# for it with re is 3x slower (re has no fast way to the start of a match beginning with \b):
# _PRONOUN_SCAN is _PRONOUN written for re
_TITLE_REF_T, _REF_TOKEN_T, _REF_START_T = map(_Twin, (_TITLE_REF, _REF_TOKEN, _REF_START))
_TITLE_TOKEN_T, _WORD_START_T, _APPOSITIVE_T, _ORG_WORD_AFTER_T = map(
    _Twin, (_TITLE_TOKEN, _WORD_START, _APPOSITIVE, _ORG_WORD_AFTER))
_PERSON_NOUN_T, _VERB_AFTER_T, _CAP_AFTER_T, _ORG_AFTER_T = map(
    _Twin, (_PERSON_NOUN, _VERB_AFTER, _CAP_AFTER, _ORG_AFTER))
_SUBJECT_PREFIX_T, _SENTENCE_OPENER_T, _AFTER_QUOTE_T, _SAID_THAT_T, _WHO_CLAUSE_T = map(
    _Twin, (_SUBJECT_PREFIX, _SENTENCE_OPENER, _AFTER_QUOTE, _SAID_THAT, _WHO_CLAUSE))
_PRONOUN_SCAN_T, _WORD_T, _CAP_RUN_T = map(_Twin, (_PRONOUN_SCAN, _WORD, _CAP_RUN))


def _pronoun_scan(text: str):
    """The pattern that finds ``_PRONOUN``'s matches in ``text`` fastest: ``_PRONOUN_SCAN``'s re twin
    where exact, else ``_PRONOUN`` itself."""
    return _PRONOUN_SCAN_T.re() if _TWINS.on and _re_ok(text) else _PRONOUN


@functools.lru_cache(maxsize=32)
def _exotic(text: str) -> bool:
    """``text`` holds a letter (?i) equates with an ASCII one though it does not lower-case to one."""
    return not text.isascii() and _CASE_EXOTIC.search(text) is not None


# ---------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------

_HEAD_ALIASES = {
    "spokesman": {"spokesperson"}, "spokeswoman": {"spokesperson"}, "spokesperson": {"spokesman", "spokeswoman"},
    "chairman": {"chair", "chairperson"}, "chairwoman": {"chair", "chairperson"},
    "chair": {"chairman", "chairwoman", "chairperson"}, "chairperson": {"chair"},
    "chief executive": {"ceo", "chief executive officer"}, "chief executive officer": {"chief executive", "ceo"},
    "ceo": {"chief executive", "chief executive officer"}, "house speaker": {"speaker"},
    "speaker of the house": {"speaker", "house speaker"}, "crown prince": {"prince"},
    "secretary-general": {"secretary general"}, "secretary general": {"secretary-general"},
    "congressman": {"representative", "lawmaker"}, "congresswoman": {"representative", "lawmaker"},
    "representative": {"congressman", "congresswoman", "lawmaker"},
    "senator": {"lawmaker"}, "vice-president": {"vice president"}, "vice president": {"vice-president"},
    "premier": {"prime minister"}, "advisor": {"adviser"}, "adviser": {"advisor"},
    "speaker": {"house speaker"}, "homeland security secretary": {"secretary", "secretary of homeland security"},
    "national security adviser": {"national security advisor"},
    "police chief": {"chief"}, "fire chief": {"chief"}, "head coach": {"coach"},
    "chief financial officer": {"cfo"}, "cfo": {"chief financial officer"},
    "chief operating officer": {"coo"}, "coo": {"chief operating officer"},
}


def _norm_qualifier(q: str) -> str:
    q = q.strip().lower().replace("’", "'")
    if q.endswith("'s"):
        q = q[:-2]
    q = q.rstrip("'")
    return L.QUALIFIER_ALIASES.get(q, q)


def _heads_for(head: str, mods: list[str], complement: str) -> frozenset:
    """The short forms a title-only reference may use for a post."""
    forms = {head} | _HEAD_ALIASES.get(head, set())
    parts = head.split()
    if len(parts) == 2 and parts[0] in L.PORTFOLIOS and parts[0] not in ("press", "state"):
        forms |= {parts[1], f"{parts[1]} of {parts[0]}"}  # defense secretary -> secretary (of defense)
    if head.startswith("secretary of "):
        forms |= {"secretary", head.split(" of ", 1)[1] + " secretary"}
    comp = complement.lower().split()
    if len(comp) == 2 and comp[0] == "of" and head in ("secretary", "minister"):
        forms |= {f"{head} of {comp[1]}", f"{comp[1]} {head}"}
    ranks = [m for m in mods if m in L.RANK_MODIFIERS]
    kept = [m for m in mods if m not in L.STATUS_MODIFIERS]
    if ranks:
        forms = {f"{r} {f}" for r in ranks for f in forms}
        if kept:
            forms.add(" ".join(kept + [head]))
    elif kept:
        forms.add(" ".join(kept + [head]))
    return frozenset(forms)


def parse_title(text: str, position: str = "known", block: int | None = None, start: int = 0,
                end: int | None = None) -> Title | None:
    """Analyse a title string ("Israeli Foreign Minister", "US ambassador to the country").

    Words before the head are modifiers (deputy, special, former) or
    capitalised qualifiers (Israeli, State Department, U.S.); words after it
    are a complement ("for hostage issues", "of Jordan") whose capitalised
    words are qualifiers too. Returns None when no head noun is found where
    a title's head can stand.
    """
    end = start + len(text) if end is None else end
    stripped = text.strip()
    low = stripped.lower()
    if low in L.TITLE_ABBREVIATIONS or low.startswith("the ") and low[4:] in L.TITLE_ABBREVIATIONS:
        key = low[4:] if low.startswith("the ") else low
        head = L.TITLE_ABBREVIATIONS[key]
        return Title(stripped, head, _heads_for(head, [], ""), [], position, block, start, end,
                     capitalized=stripped[:1].isupper(), words=len(stripped.split()), abbreviation=True)
    latin = _TWINS.on and _re_span(stripped)  # (not _re_ok: titles would crowd the blocks out of its cache)
    words = [(m.group(), m.start()) for m in (_WORD_T.re() if latin else _WORD).finditer(stripped)]
    i, n = 0, len(words)
    mods: list[str] = []
    quals: list[list[str]] = []
    head = None
    head_end = 0
    described = 0
    while i < n:
        w, off = words[i]
        wl = w.lower()
        rest = low[off:]
        multi = next((h for h in _HEAD_MULTI_BY_START.get(rest[:2], ()) if rest.startswith(h) and
                      (len(rest) == len(h) or not rest[len(h)].isalnum())), None)
        if multi:
            head, head_end = multi, off + len(multi)
            break
        if wl == "chief" and position == "after" and i + 1 < n and words[i + 1][0] == "of":
            head, head_end = wl, off + len(w)  # "chief of the Tehama County Fire Department"
            break
        if wl in _MODS and i + 1 < n:
            mods.append(wl)
            i += 1
            continue
        if wl in L.TITLE_HEADS or wl in L.OCCUPATIONS:
            head, head_end = wl, off + len(w)
            break
        # (an all-capitals stop word is an acronym, "US", but not "A": "A Little Princess tells ...")
        if w[:1].isupper() and (wl not in _QUAL_STOP or w.isupper() and len(w) > 1) or wl in ("u.s.", "u.k."):
            if quals and i > 0 and words[i - 1][0][:1].isupper() and words[i - 1][0].lower() not in _MODS \
                    and not words[i - 1][0].endswith(("'s", "’s")):
                quals[-1].append(w)
            else:
                quals.append([w])
            i += 1
            continue
        if wl in ("ex", "the"):
            i += 1
            continue
        # an appositive may name the post with lower-case words before its head ("Sandra Cole, the
        # county's police chief,", "a state senator", "the school board president"): up to three
        # plain words or possessives, none a function word ("the man who shot the president")
        if position == "after" and described < 3 and w.islower() and wl not in _QUAL_STOP \
                and _PLAIN_DESCRIPTOR.fullmatch(w):
            described += 1
            i += 1
            continue
        return None
    if head is None:
        return None
    complement = stripped[head_end:].strip()
    comp_quals = []
    for run in (_CAP_RUN_T.re() if latin else _CAP_RUN).finditer(complement):
        q = run.group().strip()
        if q.endswith(" of"):
            q = q[:-3]
        if q and q.lower() not in _QUAL_STOP:
            comp_quals.append(q)
    head_text = stripped[words[i][1]:head_end]
    heads = _heads_for(head, mods, complement)
    org_heads = _org_heads(head, mods, complement) if position == "after" and complement else frozenset()
    if org_heads:
        heads |= org_heads
    # ("chief" alone is no title: "chief of the X Fire Department" is one as a fire chief)
    formal = head in L.TITLE_HEADS or head == "chief" and not org_heads.isdisjoint(L.TITLE_HEADS)
    return Title(
        text=stripped, head=head, heads=heads, org_heads=org_heads,
        qualifiers=[" ".join(q) for q in quals] + comp_quals, position=position, block=block,
        start=start, end=end, capitalized=head_text[:1].isupper(), words=len(stripped.split()),
        formal=formal, former=any(m in L.STATUS_MODIFIERS for m in mods) or low.startswith(("former", "ex-")),
        modifiers=tuple(mods),
    )


#: an organisation named in a title's complement: "of the Tehama County Fire Department", "of the
#: Department of Transportation" (capitalised words, "of" and "and" between them)
#: (each word ends at a space: no two ways to split a run of capitals, so no backtracking blow-up)
_ORG_COMPLEMENT = _re.compile(r"(?:of|at|for)[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][A-Za-z\-]*(?:[ \u00a0]+(?:(?:of|and)[ \u00a0]+)?"
                              r"[A-Z][A-Za-z\-]*)*)[ \u00a0]*")


def _org_heads(head: str, mods: list[str], complement: str) -> frozenset:
    """The short forms of a post named after its organisation, for a head with no rank modifier and
    a complement that is an organisation's whole name: "chief of the Tehama County Fire Department"
    -> "fire chief", "department chief"; "executive director of the Westbrook Regional Transit
    Authority" -> "transit director", "authority director"; "director of the Department of
    Transportation" -> "transportation director". The words are the organisation word and the one
    naming its field (before it, or after its "of"), never a place, nationality, given name or a
    modifier ("National", "Regional")."""
    parts = head.split()
    if any(m in L.RANK_MODIFIERS for m in mods) or any(w not in _MODS or w in L.RANK_MODIFIERS for w in parts[:-1]):
        return frozenset()  # (not "deputy director", "secretary general": only "executive director" -> "director")
    m = _ORG_COMPLEMENT.fullmatch(complement)
    if m is None:
        return frozenset()
    names = m.group(1).split()
    at = max((k for k, w in enumerate(names) if w.lower() in L.ORG_WORDS), default=-1)
    if at < 0:
        return frozenset()
    keys = [names[at]]
    if at > 0 and names[at - 1] not in ("of", "and"):
        keys.append(names[at - 1])
    if at + 2 < len(names) and names[at + 1] == "of" and at + 3 == len(names):
        keys.append(names[at + 2])
    last = parts[-1]
    forms = set()
    for k in keys:
        kl = k.lower()
        if not k.isalpha() or kl in L.PLACES or kl in L.NATIONALITIES or kl in L.GIVEN_NAMES \
                or kl in L.FUNCTION_WORDS or kl in _MODS:
            continue  # (not "national minister" from "for National Development Planning")
        form = f"{kl} {last}"
        forms.add(form)
        forms |= {a for a in _HEAD_ALIASES.get(form, ()) if " " in a}  # (not "chief" alone: a weak head)
    return frozenset(forms)


#: a lower-case word an appositive title may have before its head: a plain word or a possessive
_PLAIN_DESCRIPTOR = _re.compile(r"[a-z]+(?:['’]s)?")


#: ``parse_title(text, "known")`` by text: a staff list's titles come with every article
_KNOWN_TITLES: dict[str, Title | None] = {}


def _known_title(text: str) -> Title | None:
    """``parse_title(text, "known")``, parsed once per process and copied (a cast may change its
    title objects): a plugin's staff list hands the same titles to every article."""
    try:
        proto = _KNOWN_TITLES[text]
    except KeyError:
        if len(_KNOWN_TITLES) >= 4096:  # (a long-running server fed titles from many CMS records)
            _KNOWN_TITLES.clear()
        proto = _KNOWN_TITLES[text] = parse_title(text, "known")
    if proto is None:
        return None
    # copy.copy, four times faster: a Title's state is its __dict__ (no slots, no __copy__)
    title = _new_object(Title)
    title.__dict__.update(proto.__dict__)
    title.qualifiers = list(proto.qualifiers)
    return title


_new_object = object.__new__

#: ``_split_name`` of known people's names (a staff list's names come with every article)
_KNOWN_NAMES: dict[str, tuple[str, str, tuple[str, ...]]] = {}


def _known_name(name: str) -> tuple[str, str, tuple[str, ...]]:
    try:
        return _KNOWN_NAMES[name]
    except KeyError:
        if len(_KNOWN_NAMES) >= 4096:
            _KNOWN_NAMES.clear()
    except TypeError:  # (not a str: _split_name says what is wrong)
        return _split_name(name)
    found = _KNOWN_NAMES[name] = _split_name(name)
    return found


def _name_tail(surname: str) -> str:
    """A piece of text every name key of a person with this surname holds (its last word; the
    first letter left out of a one-word surname, which may be capitalised: "el-Sissi" opening a
    sentence); "" when there is none."""
    pieces = surname.split()
    if not pieces:
        return ""
    return pieces[-1] if len(pieces) > 1 else pieces[0][1:]


# ---------------------------------------------------------------------------
# Building the cast
# ---------------------------------------------------------------------------

@dataclass(eq=False, slots=True)
class _Cand:
    """A capitalised run that may name a person (pass 1); internal, so with slots (many are made)."""

    block: int
    start: int
    end: int
    text: str
    title: Title | None = None
    kind: str = "name"  # name | titled | courtesy
    evidence: set = field(default_factory=set)
    person: Person | None = None
    attached: bool = False  # attach_titles has run
    outer: Title | None = None  # a title before the abbreviated one ("Health Commissioner| Dr. ...")


@functools.lru_cache(maxsize=1024)
def _split_name(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(given, surname, words) of a name: middle initials and suffixes dropped, particles kept.
    (Remembered: the passes split each candidate's name up to five times.)"""
    words = [w for w in name.replace("\u00a0", " ").split(" ") if w]
    while words and (words[-1].lower().rstrip(",") in L.NAME_SUFFIXES):
        words.pop()
    # initials: "A.", "H.W.", or a capital alone inside the name ("George W Bush", not "Malcolm X")
    core = tuple(w.rstrip(",") for i, w in enumerate(words)
                 if not (_INITIAL_RE.fullmatch(w) if "." in w else len(w) == 1 and w.isupper() and 0 < i < len(words) - 1))
    if not core:
        return "", name, tuple(words)
    if len(core) == 1:
        return "", core[0], core
    if _surname_first(core):
        return " ".join(core[1:]), core[0], core  # "Xi Jinping", "Kim Jong Un", "Moon Jae-in"
    # surname: last word with the particles before it ("van Gogh", "bin Salman")
    j = len(core) - 1
    while j > 1 and core[j - 1].lower() in L.PARTICLES:
        j -= 1
    return core[0], " ".join(core[j:]), core


def _surname_first(core) -> bool:
    """An East Asian name, family name first ("Xi Jinping", "Kim Jong Un"; see ``L.SURNAME_FIRST``)."""
    first = core[0].lower()
    if len(core) > 3:
        return False
    if first in L.SURNAME_FIRST:
        return True
    if first in L.SURNAME_FIRST_IF_KOREAN:
        rest = core[1:]
        # "Jae-in", "Jong-un"; or two short syllables: "Jong Un", "Yo Jong"
        return any("-" in w and w.split("-", 1)[1][:1].islower() for w in rest) or \
            len(rest) == 2 and all(len(w) <= 4 for w in rest)
    return False


def _is_demonym(word: str) -> bool:
    w = word.lower()
    return w in L.NATIONALITIES or w.endswith("s") and w[:-1] in L.NATIONALITIES


def _norm_space(text: str) -> str:
    return " ".join(text.split())


_NAME_HEAD_OK = regex.compile(r"(?<![\w\-])")
_NAME_TAIL_OK = regex.compile(r"(?![\w\-])(?!['’](?!s)\p{L})")
_SPACE_RUN = _re.compile(r"[ \u00a0]+")
_NAME_HEAD_OK_T, _NAME_TAIL_OK_T = _Twin(_NAME_HEAD_OK), _Twin(_NAME_TAIL_OK)


def _stop_word_at(text: str, start: int, word: str) -> bool:
    """True when ``_NW``'s stop-word lookahead fails at ``start`` (``word``: the text from there to the next space)."""
    if word.isascii():
        # (?i:stop)\b on ASCII text: the word characters from ``start``, lower-cased, are a stop word
        return _ASCII_WORD.match(word).group().lower() in _NAME_STOP
    return _NAME_STOP_AT.match(text, start) is not None


def _trigger_starts(text: str, words: frozenset = None) -> list[int]:
    """Where the words (``_PLAIN_WORD``) whose lower case is in ``words`` (a subset of
    ``_ANY_TRIGGER_WORDS``) start, in order.

    One ``findall`` over the lower-cased text tells which trigger words occur
    at all (in most blocks none or a few) and ``str.find`` places them: half
    the cost of lower-casing and testing every word in Python.
    """
    words = _TRIGGER_WORDS if words is None else words
    low, present = _lowered(text)
    if len(low) != len(text):  # a letter whose lower case is longer ("İ") would shift the offsets
        return [m.start() for m in _PLAIN_WORD.finditer(text) if m.group().lower() in words]
    out = []
    for w in words.intersection(present):
        n = len(w)
        i = low.find(w)
        while i >= 0:
            if not (i and _plain_char(low[i - 1])) and not _plain_char(low[i + n:i + n + 1]):
                out.append(i)
            i = low.find(w, i + n)
    out.sort()
    return out


def _title_refs(text: str):
    """The matches of ``_TITLE_REF.finditer(text)``, tried only where one can start.

    A reference ends with a head (its first word a trigger word) and before
    it stand only a determiner, "former" words, qualifiers and modifiers
    (``_REF_TOKEN``): from each head word back, the starts of such words
    (and the word starts inside the first word that is not one) are the only
    places a match can start. Near a letter that (?i) equates with an ASCII
    one ("ſ"), a head need not be a trigger word: the block is scanned.
    """
    if _exotic(text):
        yield from _TITLE_REF.finditer(text)
        return
    triggers = _trigger_starts(text, _REF_TRIGGER_WORDS)
    if not triggers:
        return
    title_ref, ref_token, ref_start = _TITLE_REF_T.on(text), _REF_TOKEN_T.on(text), _REF_START_T.on(text)
    starts = set()
    prev = -1
    for k in triggers:
        starts.add(k)
        j = k
        while j > prev + 1:
            i = j
            while i > prev + 1 and text[i - 1] in " \u00a0":
                i -= 1
            if i == prev + 1:
                break
            s = max(text.rfind(" ", prev + 1, i), text.rfind("\u00a0", prev + 1, i), prev) + 1
            if ref_token.fullmatch(text, s, i) is None:
                starts.update(m.start() for m in ref_start.finditer(text, s, i))
                break
            starts.add(s)
            j = s
        prev = k
    pos = 0
    for p in sorted(starts):
        if p >= pos:
            m = title_ref.match(text, p)
            if m is not None:
                yield m
                pos = m.end()


@functools.lru_cache(maxsize=64)
def _lowered(text: str) -> tuple[str, frozenset]:
    """A block's text lower-cased and the trigger words among its ASCII letter runs (shared by
    the two trigger-word scans; intersecting the list is cheaper than making a set of it)."""
    low = text.lower()
    # the runs of a-z: every other character to a space, then split; in bytes (each character not
    # ASCII encoded as one "?", which becomes a space too), where translate and split cost half of
    # a str translate or a findall
    runs = low.encode("ascii", "replace").translate(_NOT_ASCII_LOWER_BYTES).split()
    present = _ANY_TRIGGER_BYTES.intersection(runs)
    return low, frozenset(w.decode("ascii") for w in present) if present else frozenset()


def _may_hold_pronoun(text: str) -> bool:
    """False when ``_PRONOUN`` cannot match in ``text``: (?i) equates only "İ" and "ſ" (exotic)
    with the ASCII letters of a pronoun, and a match stands between non-word characters, so
    it lower-cases to one of the text's ASCII letter runs."""
    return _exotic(text) or not _ANY_PRONOUN.isdisjoint(_lowered(text)[1])


def _plain_char(c: str) -> bool:
    """True for a character of a ``_PLAIN_WORD`` word (a letter); False for ""."""
    return c.isalnum() and not c.isdecimal()


def _title_starts(text: str, lo: int, k: int, word_start=None, title_token=None) -> list[int]:
    """Where in ``[lo, k]`` a ``_TITLED`` match whose head is the trigger word at ``k`` or later may start.

    A match holds its head, abbreviation, courtesy title or occupation, whose
    first word is a trigger word; before it stand only qualifiers, modifiers,
    "former" words and "the" (``_TITLE_TOKEN``). So from ``k`` back, only the
    starts of such words qualify, and the word starts inside the first word
    that is not one ("“Foreign"). In "the Geneva Motor Show on Thursday. Mr"
    that is "Mr" alone. A superset, in no order: callers test each start.
    Near a letter (?i) equates with an ASCII one ("ſ"), a head need not be a
    trigger word, so every word start qualifies.
    """
    if word_start is None:
        word_start = _WORD_START_T.on(text)
    if _exotic(text) and _CASE_EXOTIC.search(text, lo, k):
        return [m.start() for m in word_start.finditer(text, lo, k + 1)]
    if title_token is None:
        title_token = _TITLE_TOKEN_T.on(text)
    out = [k]
    j = k
    while j > lo:
        i = j
        while i > lo and text[i - 1] in " \u00a0":
            i -= 1
        if i == lo:
            break
        s = max(text.rfind(" ", lo, i), text.rfind("\u00a0", lo, i), lo - 1) + 1
        if title_token.fullmatch(text, s, i) is None:
            out.extend(m.start() for m in word_start.finditer(text, s, i))
            break
        out.append(s)
        j = s
    return out


#: what a title before a name is made of (``_TITLED``'s qualifiers, modifiers, heads, abbreviations,
#: courtesy titles, "former" words, "the"): letters, spaces, "-", ".", "'" and "’"; this finds anything else
_TITLE_BARRIER = _re.compile(r"[^\w \u00a0.'’\-]|[\d_]")
assert all(_re.fullmatch(r"[a-z .'’\-]+", w) for w in _MODS | _BEFORE_HEADS | L.OCCUPATIONS
           | set(L.TITLE_ABBREVIATIONS) | set(L.COURTESY)), "_TITLE_BARRIER would stop inside a title"
#: a trigger word (at the match position) that can end a title before a name: after an optional ".",
#: spaces, then a name (anything but a lower-case ASCII letter; or a lower-case "al-" and the like:
#: _NW_AL) or a complement ("of", "for", "to": _COMPLEMENT)
_AL_WORDS = "al el ad as ash at an az bin abu abd".split()
assert _NW_AL == "(?:" + "|".join(_AL_WORDS) + r")-\p{Lu}\p{Ll}+"
_LIVE_TITLE_END = _re.compile(r"[^\W\d_]+\.?[ \u00a0]+(?:[^a-z \u00a0]|(?:" + "|".join(_AL_WORDS)
                              + r")-|(?:of|for|to)[ \u00a0])")
#: the characters of ``_RE_SPAN`` that ``_trigger_starts`` takes for letters but the patterns' \w
#: does not ("½"): a trigger word after one is not found, though a title may start there
_PLAIN_NOT_WORD = _re.compile("[\u00b2\u00b3\u00b9\u00bc\u00bd\u00be]")


def _title_reach(text: str, triggers: list[int]) -> list[bool] | None:
    """Per trigger word (``_trigger_starts``), whether a ``_TITLED`` match may start in its window.

    A match's title ends with a trigger word (the last word of its head,
    abbreviation, courtesy title or occupation: each is one) that is followed,
    after an optional ".", by spaces and a name (a capital, or "al-" and the
    like) or a complement ("of", "for", "to"): a live one. And from the match's
    start to that word there is nothing but letters, spaces, "-", ".", "'" and
    "’" (``_TITLE_BARRIER``). No trigger word lies between a window's starts and
    its own trigger, so a window can hold a match only if a live trigger word
    follows its own (or is it) with no barrier between. None when that does not
    hold for ``text``: near a letter (?i) equates with an ASCII one ("ſ"), or a
    character like "½" (see ``_PLAIN_NOT_WORD``), or outside ``_RE_SPAN``.
    """
    if not _re_ok(text) or not text.isascii() and (_exotic(text) or _PLAIN_NOT_WORD.search(text) is not None):
        return None
    live, barrier = _LIVE_TITLE_END.match, _TITLE_BARRIER.search
    reach = [False] * len(triggers)
    ok = False
    nxt = len(text)
    for i in range(len(triggers) - 1, -1, -1):
        k = triggers[i]
        if live(text, k) is not None:
            ok = True
        elif ok:
            ok = barrier(text, k, nxt) is None
        reach[i] = ok
        nxt = k
    return reach


def _titled_at(text: str, pos: int):
    """``_TITLED.match(text, pos)``: with ``re`` where exact (2.5x faster), else ``_TITLED_LOOSE``'s
    match, or ``_TITLED``'s when a word it took as a qualifier or a name word is a stop word (a
    rare case: "Jr.", "The" in a name)."""
    if _TWINS.on and _re_ok(text):
        return _TITLED_TWIN.re().match(text, pos)
    m = _TITLED_LOOSE.match(text, pos)
    if m is not None and (any(_QUAL_STOP_AT.match(text, s) for s in m.starts("q"))
                          or any(_NAME_STOP_AT.match(text, s) for s in m.starts("nw"))):
        return _TITLED.match(text, pos)
    return m


def _name_runs(text: str, multi_word: bool = False):
    """The matches of ``_NAME_RUN.finditer(text)``, found about twice as fast (only those of
    two words or more with ``multi_word``: ``find_runs`` has no use for the others).

    ``_NAME_RUN_LOOSE`` is ``_NAME_RUN`` without the stop-word lookaheads, so
    it matches wherever ``_NAME_RUN`` does, and its first match at a position
    is ``_NAME_RUN``'s too unless one of its name words (each starts the match
    or follows a space) is a stop word. Then ``_NAME_RUN`` decides at that
    position; when the first word is a capitalised stop word ("The") it fails
    there without asking (its other branch, "al-", starts lower-case). No match
    starts inside a one-word match (its characters are all letters, "-", "'" or
    "’": the leading lookbehind fails), so skipping one is the same as passing
    over it, whether it is a stop word or not. With ``multi_word`` the scan is
    ``_NAME_RUN_MULTI`` (or ``_NAME_RUN_MULTI_CAP`` where no "al-" word can
    start a run), which skips the one-word matches itself.
    """
    pos = 0
    stop = _NAME_STOP
    if not multi_word:
        loose = _NAME_RUN_LOOSE_TWIN.on(text)
    elif "-" in text and _HYPHEN_CAP_TWIN.on(text).search(text):
        loose = _NAME_RUN_MULTI_TWIN.on(text)
    else:
        loose = _NAME_RUN_MULTI_CAP_TWIN.on(text)
    strict = None
    while True:
        for m in loose.finditer(text, pos):
            g = m.group()
            if multi_word and " " not in g and "\u00a0" not in g:
                continue
            words = g.split(" ") if "\u00a0" not in g else g.replace("\u00a0", " ").split(" ")
            start = at = m.start()
            for i, word in enumerate(words):
                if word.lower() in stop if word.isalpha() and word.isascii() else _stop_word_at(text, at, word):
                    break
                at += len(word) + 1
            else:
                yield m
                continue
            if i or not word[:1].isupper():
                if strict is None:
                    strict = _NAME_RUN_TWIN.on(text)
                m = strict.match(text, start)
            else:
                m = None
            if m is None:
                pos = start + 1
            else:
                if not multi_word or " " in m.group() or "\u00a0" in m.group():
                    yield m
                pos = m.end()
            break
        else:
            return


#: after "her", what makes it an object, not a possessive ("cut her off", "nominated her to")
_OBJECT_NEXT = _re.compile(r"\s*(?:[,.;:!?)\]”\"’'—–]|$|(?:off|to|up|out|in|for|with|as|at|on|about|into|from|"
                           r"back|down|away|over|that|the|a|an)\b)")
#: between a subject and a pronoun, what starts another clause (where an object pronoun may be the subject's:
#: "Pinochet has never been tried, despite cases against him"); ``_object_of_subject`` first drops brackets and
#: an appositive right after the subject ("Rep. Ocasio-Cortez (D-N.Y.) agreed with her", "Biden, asked about
#: Harris, praised her")
_CLAUSE_BREAK = _re.compile(r"[,;:—–]|\b(?:that|who|whom|which|when|while|because|if|after|before|as|and|but|until|"
                            r"since|although|though|whether|where|said|says|thinks|believes|hopes|hoped|felt|feels|"
                            r"knew|knows|argued|insisted|claimed|added|warned|noted)\b")
_BRACKETED = _re.compile(r"\([^()]*\)")
# an appositive that describes only the name before it (", a former public defender,")
_APPOSITIVE_AT = _re.compile(r",[ \u00a0]+(?:an?|the)[ \u00a0]+(?:(?![ \u00a0](?:of|for|to|with|and|whose|who)[ \u00a0])"
                             r"[^,;:“”\"]){1,60}?,")
#: an appositive describing the name before it with nothing after its noun: ", a former Air Force
#: intelligence officer," (no complement, clause or possessive that could name someone else)
_OWN_PLAIN_APPOSITIVE = _re.compile(r",[ \u00a0]+an?[ \u00a0]+(?:(?!(?:of|for|to|with|at|in|on|and|or|who|whose|"
                                    r"whom|his|her|their)[ \u00a0,])[\w\-]+[ \u00a0]+){0,5}[a-z][a-z\-]+,")
#: an appositive describing the name before it with a whose-clause, all in lower case: ", a first-term
#: council member whose district includes the eastern end of the route,"
_OWN_WHOSE_APPOSITIVE = _re.compile(r",[ \u00a0]+an?[ \u00a0]+[a-z][a-z\- ]{0,40}?[ \u00a0]whose[ \u00a0]"
                                    r"[^,;:“”\"A-Z]{1,80},")
#: a person noun nobody is meant by ("like any other defendant", "no parent")
_ANY_PERSON = _re.compile(r"\b(?:[Aa]ny|[Ee]very|[Ee]ach|[Nn]o)[ \u00a0]+(?:other[ \u00a0]+)?[\w\-]+")
_APPOSITIVE_FIRST = _re.compile(r"^,[^,;:]{1,60},")
_COMMA_THEN = _re.compile(r",[ \u00a0]+")
_REF_TAIL = _re.compile(r"[ \u00a0]+(?:to|at|in)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w.\-]*(?:[ \u00a0]+[A-Z][\w.\-]*){0,3}(?=,)")
_QUOTED_HE_SHE = _re.compile(r"[“\"][^“”\"]*\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Hh]ers|[Hh]imself|[Hh]erself)\b")
#: the other half of a generic pronoun pair ("He or she is always an MP", "his/her")
_GENERIC_AFTER = _re.compile(r"[ \u00a0]*(?:or|/)[ \u00a0]*(?:he|she|him|her|his|hers)\b", _re.I)
_GENERIC_BEFORE = _re.compile(r"\b(?:he|she|him|her|his|hers)[ \u00a0]*(?:or|/)[ \u00a0]*$", _re.I)
#: a second subject after the first: "Alito and the others"
_AND_AFTER = _re.compile(r"[ \u00a0]+(?:and|&)[ \u00a0]+")
#: a speech verb right after a mention, past its appositive or dashed aside: "Lord Holme said",
#: "Mr Herron - who gained fame ... - said", "Dr Pouwelse, a researcher at Delft, said"
# (a dash clause may hold a short quoted term: "Mr Herron - one of the "metric martyrs" - said")
_SPEECH_AFTER = _re.compile(r"(?:,[^,;:“”\"]{1,100},|[ \u00a0]+[-–—](?:[^-–—“”\"]|“[^-–—“”\"]{1,40}”|\"[^-–—“”\"]{1,40}\")"
                            r"{1,200}[-–—])?[ \u00a0]+"
                            r"(?:(?:has|had|also)[ \u00a0]+)?(?:said|says|added|adds|told|tells|explained|"
                            r"explains|argued|argues|stressed|stresses|insisted|insists|warned|warns|continued)\b")
#: a speech verb right before a mention: "..., said Mr Lanzone."; "Also, said Mr Flynn, ..."
_SPEECH_BEFORE = _re.compile(r"\b(?:said|says|added|adds|according[ \u00a0]+to)[ \u00a0]+$")


def _object_of_subject(text: str, word: str, pe: int, between: str) -> bool:
    """An object pronoun in its subject's own clause, which never means the subject ("Alito cut
    her off", "Biden nominated him": the subject would be "herself", "himself"), or in a who-clause
    right after it ("Garciaparra, who was in the stands to see her")."""
    w = word.lower()
    if w != "him" and not (w == "her" and _OBJECT_NEXT.match(text, pe)):
        return False
    if _WHO_CLAUSE.match(between):
        return True
    between = _APPOSITIVE_FIRST.sub("", _BRACKETED.sub("", between), count=1)
    return _CLAUSE_BREAK.search(between) is None


def _speaks_alone(text: str, word: str) -> bool:
    """``word`` stands alone (not after another capitalised word but "Mr", "Dr") as the speaker
    of an attribution somewhere in ``text``: "Safadi said", "said Safadi."."""
    n = len(word)
    i = text.find(word)
    if i < 0 or text.find(word, i + n) < 0:
        return False  # (once: the candidate itself)
    while i >= 0:
        j = i + n
        if not (i and (text[i - 1].isalnum() or text[i - 1] in "'’-.")) and not (text[j:j + 1].isalnum()):
            if _SURNAME_VERB.match(text, j) and not _CAP_WORD_BEFORE.search(text, max(0, i - 40), i):
                return True
            if _SAID_BEFORE.search(text, max(0, i - 12), i) and _re.match(r"[.,;:]|[ \u00a0]*(?:\n|$)", text[j:j + 2]):
                return True
        i = text.find(word, j)
    return False


def _singular_person_noun(text: str, clause: str) -> bool:
    """A person noun in ``clause`` that could be a he/she's antecedent: not a plural ("residents",
    "people", "deputies"), which a he or she cannot mean."""
    for m in _PERSON_NOUN_T.on(text).finditer(clause):
        w = m.group().lower()
        if w in _PLURAL_PEOPLE or (w.endswith("s") and w[:-1] in L.PERSON_NOUNS) \
                or (w.endswith("ies") and w[:-3] + "y" in L.PERSON_NOUNS):
            continue
        return True
    return False


def _blank(segment: str, offset: int, spans) -> str:
    """``segment`` (the text from ``offset`` on) with each ``(start, end)`` span of the text blanked
    out, the length kept: what is left is what names nobody already accounted for."""
    end = offset + len(segment)
    for s, e in spans:
        s, e = max(s, offset), min(e, end)
        if s < e:
            segment = segment[:s - offset] + " " * (e - s) + segment[e - offset:]
    return segment


_PLURAL_PEOPLE = frozenset("people men women children police staff crowd crowds".split())
_PEOPLE_WORDS = L.PERSON_NOUNS | L.OCCUPATIONS | L.TITLE_HEADS


def _plural_person(w: str) -> bool:
    """``w`` (lower case) is people in the plural: "reporters", "lawmakers", "deputies", "people"."""
    return w in _PLURAL_PEOPLE or w.endswith("s") and (w[:-1] in _PEOPLE_WORDS or w.endswith("ies")
                                                        and w[:-3] + "y" in _PEOPLE_WORDS)


def _said_after(verb_after, text: str, pos: int) -> bool:
    """An attribution verb that is not the bare infinitive ("said", not "say") follows ``pos``."""
    v = verb_after.match(text, pos)
    return v is not None and not v.group().endswith("say")


def _titled_name_ok(text: str, name: str, name_e: int) -> bool:
    """The name of a titled match is no place, nationality or organisation ("President Obama
    Foundation")."""
    given, surname, _ = _split_name(name)
    first = name.split()[0].lower()
    if (first in L.NATIONALITIES or first in L.PLACES) and first not in L.GIVEN_NAMES \
            or surname.lower() in L.PLACES and not given or _is_demonym(surname):
        return False
    org = _ORG_WORD_AFTER_T.on(text).match(text, name_e)
    return not (org and org.group(1).lower() in L.ORG_WORDS)


#: an abbreviated title and the capital of a name after it ("Lt. Marcus", "Det Sgt Jo")
_ABBR_THEN_NAME = _re.compile(r"(?i:" + "|".join(
    _re.escape(a).replace(r"\ ", "[ \u00a0]+") for a in sorted(L.TITLE_ABBREVIATIONS, key=_longest_first)
    if a not in ("sir", "dame")) + r")(?![\w.])[ \u00a0]+[A-Z]")


_WORDS_BEFORE = _re.compile(r"(?:[^\W\d_][\w'’\-]*[ \u00a0]+){1,3}$")


def _title_before(text: str, block: int, pos: int) -> Title | None:
    """The post written before an abbreviated title ("Health Commissioner| Dr. Alan Whitaker",
    "Police spokesman| Lt. Marcus Bell"): the longest run of up to three words right before
    ``pos`` that is a title ending in its head."""
    m = _WORDS_BEFORE.search(text, max(0, pos - 60), pos)
    if m is None:
        return None
    words = list(_re.finditer(r"[^ \u00a0]+", text[m.start():pos]))
    for i in range(len(words)):
        s = m.start() + words[i].start()
        phrase = text[s:pos].rstrip(" \u00a0")
        last = phrase.split()[-1].lower()
        if last not in L.TITLE_HEADS and last not in L.OCCUPATIONS:
            return None
        t = parse_title(phrase, "before", block, s, s + len(phrase))
        if t is not None and t.head.split()[-1] == last and not t.abbreviation:
            t.formal = t.head in L.TITLE_HEADS and phrase.split()[-1][:1].isupper()
            return t
    return None


_ABBR_FIRST_WORDS = frozenset(a.split()[0].rstrip(".") for a in L.TITLE_ABBREVIATIONS if a not in ("sir", "dame"))


def _abbreviated_title_at(text: str, pos: int, word: str) -> bool:
    """The word at ``pos`` is an abbreviated title before a name ("Lt. Marcus Bell", "Det Sgt Jo
    Brown"), not a name word: the name of a title before it starts after it."""
    return word.lower() in _ABBR_FIRST_WORDS and _ABBR_THEN_NAME.match(text, pos) is not None


def _of_follows(text: str, pos: int) -> bool:
    """" of" follows ``pos`` after spaces: a necessary condition of ``_AFTER_OF_PLACE.match``."""
    i = pos
    while text[i:i + 1] in (" ", "\u00a0"):
        i += 1
    return i > pos and text.startswith("of", i)


def _find_names(text: str, names) -> list[tuple[int, int]]:
    """Where the ``names`` (a collection of strings) occur in ``text``, as ``(start, end)``.

    The same matches as ``finditer`` of the alternation ``_alt(names)`` between
    word boundaries (leftmost first, then the longest name; a space in a name
    matches any run of spaces), found with ``str.find`` instead of compiling
    a pattern for every article.
    """
    found = []
    head_ok, tail_ok = _NAME_HEAD_OK_T.on(text), _NAME_TAIL_OK_T.on(text)
    #: per first word of a name, where it occurs with no word character or "-" before it (names
    #: share first words: "Boris Johnson", "Boris")
    heads: dict[str, list[int]] = {}
    for rank, key in enumerate(sorted(names, key=_longest_first)):
        parts = key.split(" ")
        first = parts[0]
        if "" in parts or "\u00a0" in key and any(p[0] == "\u00a0" for p in parts):
            # odd spacing: let the regex engine do it (never seen in practice)
            pattern = regex.compile(r"(?<![\w\-])(?:" + regex.escape(key).replace(r"\ ", " ").replace(" ", r"[ \u00a0]+")
                                    + r")(?![\w\-])(?!['’][\p{L}&&[^s]])")
            found.extend((m.start(), rank, m.end()) for m in pattern.finditer(text))
            continue
        at = heads.get(first)
        if at is None:
            at = heads[first] = []
            i = text.find(first)
            while i >= 0:
                if head_ok.match(text, i):
                    at.append(i)
                i = text.find(first, i + 1)
        n = len(first)
        for i in at:
            pos = i + n
            for part in parts[1:]:
                gap = _SPACE_RUN.match(text, pos)
                if gap is None or not text.startswith(part, gap.end()):
                    pos = -1
                    break
                pos = gap.end() + len(part)
            if pos >= 0 and tail_ok.match(text, pos):
                found.append((i, rank, pos))
    found.sort()
    spans, pos = [], 0
    for s, _, e in found:
        if s >= pos:
            spans.append((s, e))
            pos = e
    return spans


_BUCKET = 64
_START = operator.itemgetter(0)


def _buckets(start: int, end: int) -> range:
    """The ``_BUCKET``-sized position buckets a span touches (a zero-length span touches one)."""
    return range(start // _BUCKET, (max(end, start + 1) - 1) // _BUCKET + 1)


#: ``_slug`` of known people's names (a staff list's people are in every article's cast)
_KNOWN_SLUGS: dict[str, str] = {}


def _known_slug(name: str) -> str:
    try:
        return _KNOWN_SLUGS[name]
    except KeyError:
        if len(_KNOWN_SLUGS) >= 4096:
            _KNOWN_SLUGS.clear()
        slug = _KNOWN_SLUGS[name] = _slug(name)
        return slug


def _slug(name: str) -> str:
    low = name.lower()
    if low.isascii():  # (\p{L} and \p{N} are a-z and 0-9 there)
        return _NON_SLUG_ASCII.sub("-", low).strip("-") or "person"
    return _NON_SLUG.sub("-", low).strip("-") or "person"


class _Builder:
    def __init__(self, article):
        self.article = article
        self.analysis = article.analysis
        self.blocks = [b for b in article.blocks if b.kind != "byline"]
        if not _TWINS.on:
            _TWINS.count(sum(len(b.text) for b in self.blocks))
        self.cands: list[_Cand] = []
        #: claimed spans by (block, position // _BUCKET): overlap checks stay local in huge blocks
        self.claimed: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.people: list[Person] = []
        self.by_key: dict[tuple[str, str], Person] = {}
        self.by_surname: dict[str, list[Person]] = {}
        self.by_given: dict[str, list[Person]] = {}
        self.cast = Cast()
        self._sent_starts: dict[int, list[int]] = {}
        self._speaker_spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        #: starts of the unlinked he/she pronouns by block, sorted (pass 4)
        self._unlinked_by_block: dict[int, list[int]] = {}
        self._title_spans_by_block: dict[int, list[tuple[int, int]]] | None = None
        #: (id(person), block, start) of every title written before a name (``_qualifies_title``)
        self._before_title_starts: set | None = None
        self._joined_text: str | None = None
        #: ``_title_refs`` matches by block (found once: ``titles_before_commas`` and ``find_title_refs``)
        self._refs_by_block: dict[int, list] = {}

    # -- helpers ----------------------------------------------------------
    def sentences(self, block):
        try:
            return self.analysis.sentences(block)
        except Exception:  # another layer failing must not take the cast down
            return [(0, len(block.text))]

    def sentence_index(self, block, pos: int) -> int:
        starts = self._sent_starts.get(block.index)
        if starts is None:
            starts = self._sent_starts[block.index] = [s for s, _ in self.sentences(block)]
        return max(bisect.bisect_right(starts, pos) - 1, 0)

    def sentence_span(self, block, pos: int) -> tuple[int, int]:
        spans = self.sentences(block)
        if not spans:
            return 0, len(block.text)
        i = self.sentence_index(block, pos)
        return spans[i][0], max(spans[i][1], pos)

    def in_quote(self, block, start, end) -> bool:
        try:
            return self.analysis.in_quote(block, start, end)
        except Exception:
            return False

    def claim(self, block: int, start: int, end: int):
        for b in _buckets(start, end):
            self.claimed.setdefault((block, b), []).append((start, end))

    def is_claimed(self, block: int, start: int, end: int) -> bool:
        claimed = self.claimed
        if not claimed:
            return False
        for b in range(start // _BUCKET, (max(end, start + 1) - 1) // _BUCKET + 1):  # _buckets, inlined
            for s, e in claimed.get((block, b), ()):
                if s < end and start < e:
                    return True
        return False

    def at_sentence_start(self, block, pos: int) -> bool:
        s, _ = self.sentence_span(block, pos)
        return not block.text[s:pos].strip(" \u00a0“\"‘'(—–-")

    # -- pass 1: candidates ---------------------------------------------------
    def collect_speakers(self):
        try:
            quotes = self.analysis.quotations
        except Exception:
            quotes = []
        for q in quotes:
            att = getattr(q, "attribution", None) or q
            s, e = getattr(att, "speaker_start", None), getattr(att, "speaker_end", None)
            if s is not None and e is not None:
                for b in _buckets(s, e):
                    self._speaker_spans.setdefault((getattr(att, "block", q.block), b), []).append((s, e))

    def is_speaker(self, block: int, start: int, end: int) -> bool:
        # a span containing [start, end) is in start's bucket
        return any(s <= start and end <= e for s, e in self._speaker_spans.get((block, start // _BUCKET), ()))

    def _titled_matches(self, text: str):
        """``_TITLED`` matches, left to right, tried only near trigger words.

        For each trigger word, the word starts of the ``TITLE_WINDOW`` characters
        before it (from the end of the last match) are tried in order; the first
        match wins. Only the starts ``_title_starts`` allows are tried: the others
        cannot match; and none in the window of a trigger ``_title_reach`` rules out.
        """
        triggers = _trigger_starts(text)
        if not triggers:
            return
        reach = _title_reach(text, triggers)
        starts: list[int] = []  # candidate word starts, in order
        word_start, title_token = _WORD_START_T.on(text), _TITLE_TOKEN_T.on(text)
        prev = -1
        for i, k in enumerate(triggers):
            if reach is not None and not reach[i]:
                prev = k  # (no start of this window can match)
                continue
            for p in sorted(set(_title_starts(text, max(prev + 1, k - TITLE_WINDOW, 0), k, word_start, title_token))):
                if word_start.match(text, p) is None:
                    continue
                word = _PLAIN_WORD.match(text, p)
                if word is None:
                    if text[p] == "“" or text[p].isdecimal():  # every _TITLED branch starts with a letter
                        continue
                elif word.group().islower() and word.group() not in _TITLE_START_WORDS:
                    continue  # "said", "vote": no title starts with them
                starts.append(p)
            prev = k
        pos = 0
        failed = set()  # windows overlap: a start that failed once fails again
        for t in triggers:
            if t < pos:
                continue
            for p in starts[bisect.bisect_left(starts, max(pos, t - TITLE_WINDOW)):bisect.bisect_right(starts, t)]:
                if p in failed:
                    continue
                m = _titled_at(text, p)
                if m:
                    yield m
                    pos = m.end()
                    break
                failed.add(p)

    def find_titled(self, block):
        text = block.text
        for m in self._titled_matches(text):
            c = self._titled_cand(block, m)
            if c is False or type(c) is int:
                # "rival Chancellor Gordon Brown": the name starts with a title; "spokesman for
                # President Joe Biden": the complement ends with one; try from there
                m = _titled_at(text, m.start("name") if c is False else c)
                c = self._titled_cand(block, m) if m is not None else None
                if type(c) is int:
                    c = None
            if c and c.title.abbreviation:
                c.outer = _title_before(text, block.index, c.title.start)
            if c:
                self.cands.append(c)
                self.claim(block.index, c.outer.start if c.outer else c.title.start, c.end)

    def _titled_cand(self, block, m):
        """The candidate of a ``_TITLED`` match; None when it names nobody, False when its name
        starts with a title word (the caller tries the match there), the position of the last
        word of its complement when that is a title ("spokesman for| President Joe Biden")."""
        text = block.text
        name_s, name_e = m.span("name")
        name = m.group("name")
        given, surname, words = _split_name(name)
        grp = None
        if m.group("courtesy"):
            t = Title(m.group("courtesy"), "courtesy", frozenset(), [], "before", block.index,
                      m.start("courtesy"), m.end("courtesy"), True, 1, formal=False)
            kind = "courtesy"
        else:
            grp = "abbr" if m.group("abbr") else "title" if m.group("title") else "occupation"
            if words and (grp != "abbr" and words[0].lower() in _TITLE_NAME_STOP  # (not "Sen. King")
                          or words[0] in ("Sir", "Dame")):  # "United manager| Sir Alex Ferguson"
                # "rival Chancellor Gordon Brown" (try from "Chancellor"); "NUJ General| Secretary"
                return False if len(words) > 1 else None
            if words and grp != "abbr" and _abbreviated_title_at(text, name_s, words[0]):
                return False  # "Police spokesman| Lt. Marcus Bell": the name starts with "Lt."
            comp = m.group("comp")
            gtext, g_end = m.group(grp), m.end(grp)
            if comp:
                last = comp.split()[-1]
                first = words[0].lower() if words else ""
                cw = _COMP_FIRST.match(comp)
                if cw is not None and cw.group(2).lower() in _TITLE_NAME_STOP:
                    # "spokesman for| President Joe Biden", "adviser to| chief executive Jeroen van der
                    # Veer": the name's own title starts there (try the match from there); after
                    # "the" it is unsure whose ("adviser to the president Jake Sullivan")
                    return None if cw.group(1) else m.start("comp") + cw.start(2)
                if _list_or_name(comp) or last.lower() in L.FUNCTION_WORDS:
                    return None  # "press secretary for Bill Clinton", "Secretary of State's office said the| ..."
                if not (last[:1].islower() or first in L.GIVEN_NAMES
                        or last[:1].isupper() and last.lower() in _COMP_END_WORDS):
                    # where does the complement end? "Chief Executive of Ask Jeeves Steve Berkowitz":
                    # at a known given name; "editor of Iowa Starting Line": nowhere, no name
                    split = self._resplit(text, name_s, words)
                    if split is None:
                        return None
                    name_s = split
                    name = text[name_s:name_e]
                    given, surname, words = _split_name(name)
                    gtext = text[m.start(grp):name_s].rstrip(" \u00a0")
                    g_end = m.start(grp) + len(gtext)
                if len(words) < 2:
                    return None  # "Minister for National Development| Planning"
            if not _titled_name_ok(text, name, name_e):
                return None  # (before parse_title: cheaper)
            t = parse_title(gtext, "before", block.index, m.start(grp), g_end)
            if t is None:
                return None
            # a name in a qualifier position is not part of a title ("Blinken told Netanyahu")
            if grp == "occupation":
                t.formal = False
                if t.text[:1].isupper() and not t.qualifiers:
                    return None  # "Author Name" at a sentence start is too weak
                if t.head in L.BEFORE_HEAD_EXCLUDE and not t.qualifiers:
                    return None  # "North Korean leader Kim Jong Un", not "market leader Best Buy"
            if len(words) < 2 and (grp == "occupation" or t.head in L.COMPANY_DESCRIPTORS and not t.capitalized):
                return None  # "rival Google", "German publisher Bertelsmann": as often a company
            kind = "titled"
            # (the regex module looks for the "of" in all the rest of the text before it tries)
            after = _AFTER_OF_PLACE.match(text, name_e) if _of_follows(text, name_e) else None
            if after and after.group("place").lower() in L.PLACES and len(words) == 1:
                t.qualifiers.append(after.group("place"))
        if kind == "courtesy" and not _titled_name_ok(text, name, name_e):
            return None
        return _Cand(block.index, name_s, name_e, name, t, kind, {"courtesy" if kind == "courtesy" else "title"})

    @staticmethod
    def _resplit(text: str, name_s: int, words) -> int | None:
        """Where a name starts inside the capitalised words after a title's "of ..." complement:
        at the last of them that is a known given name and leaves the name two words or more."""
        starts, pos = [], name_s
        for w in words:
            pos = text.find(w, pos)
            starts.append(pos)
            pos += len(w)
        for i in range(len(words) - 2, 0, -1):
            if words[i].lower() in L.GIVEN_NAMES and starts[i] >= 0:
                return starts[i]
        return None

    def find_runs(self, block):
        text = block.text
        bi = block.index
        org_word_after, verb_after = _ORG_WORD_AFTER_T.on(text), _VERB_AFTER_T.on(text)
        # a one-word run could only become a tentative candidate, and those need two words (a
        # surname alone is linked to its person by link_names)
        for m in _name_runs(text, multi_word=True):
            g = m.group()
            s, e = m.span()
            if self.is_claimed(bi, s, e):
                continue
            words = (g if "\u00a0" not in g else g.replace("\u00a0", " ")).split(" ")
            lows = g.lower().replace("\u00a0", " ").split(" ")  # (lower() keeps the length of these runs' words)
            if len(lows) != len(words):
                lows = [w.lower() for w in words]
            sentence_start = None  # computed when a word needs it
            # strip leading non-names: function words, nationalities, months, weekdays
            i = 0
            n = len(words)
            while i < n:
                wl = lows[i].rstrip(",")
                if wl in _RUN_DROP or wl.endswith("s") and wl[:-1] in _RUN_DROP_PLURAL \
                        or "-" in wl and wl.rsplit("-", 1)[1] in _COMPOUND_ADJECTIVE_ENDS \
                        or wl in L.PLACES and i + 2 < n and lows[i + 1] in L.GIVEN_NAMES:
                    i += 1  # "Houston-based", "Massachusetts Joshua Levy"
                    continue
                if i == 0 and wl in _RUN_DROP_AT_START:  # a name, except as the sentence's first word
                    sentence_start = self.at_sentence_start(block, s)
                    # ... unless a said/told follows: "Will Smith said" (a question has "Will Smith say")
                    if sentence_start and not (n == 2 and _said_after(verb_after, text, e)):
                        i += 1
                        continue
                break
            # a title inside the run before a given name: "Majority Leader| Chuck Schumer"
            for j in range(n - 3, i - 1, -1):
                if lows[j] in _INNER_TITLE_END and lows[j + 1] in L.GIVEN_NAMES:
                    i = j + 1
                    break
            else:
                # an organisation's name ending right before a given name and a surname: "(National
                # Institute of Allergy and) Infectious Diseases| Anthony Fauci"
                j = n - 3
                if j >= i and lows[j] in _ORG_RUN_END and lows[j + 1] in L.GIVEN_NAMES \
                        and lows[j + 1] not in _RUN_DROP_AT_START:
                    i = j + 1
            if n - i < 2:
                continue  # nothing or one word left (see above)
            lw = lows[i]
            if lw not in L.GIVEN_NAMES and (lows[-1] in L.TITLE_HEADS or lw in _TITLE_WORDS
                                            and _TITLE_WORDS.issuperset(lows[i:])):
                continue  # a title, not a name: "Trade Secretary", "Chief Executive"
            if lows[-1] in _NOT_SURNAME:
                continue  # "Party Like It('s 1923)": a title's words, and "It" would link everywhere
            run_start = s
            if i:
                s += sum(len(w) + 1 for w in words[:i])
                words = words[i:]
                lows = lows[i:]
            if text[max(0, s - 4):s].lower() == "the ":
                continue  # "the Kirya", "the Hague"
            name = text[s:e]
            if name.lower() in L.PLACES or _PLACE_OR_NATIONALITY.issuperset(lows):
                continue
            if any(w.rstrip(",") in L.ORG_WORDS for w in lows):
                continue
            nxt = org_word_after.match(text, e)
            if nxt and nxt.group(1).lower() in L.ORG_WORDS:
                continue  # part of an organisation name: "Herzog Center", "Bank of ..."
            c = _Cand(bi, s, e, name)
            given, surname, core = _split_name(name)
            if len(core) >= 2:
                gl = given.lower()
                if gl in L.GIVEN_NAMES:
                    if gl in L.NON_NAMES and sentence_start is None:
                        sentence_start = self.at_sentence_start(block, run_start)
                    if not (sentence_start and gl in L.NON_NAMES):
                        c.evidence.add("given-name")
                if self.is_speaker(bi, s, e) or verb_after.match(text, e) or _verb_before(text, s):
                    c.evidence.add("attribution")
                t = self.appositive(block, e)
                if t is not None:
                    c.title = t
                    c.evidence.add("appositive")
                    self.claim(bi, t.start, t.end)
            self.cands.append(c)

    def appositive(self, block, end: int) -> Title | None:
        """An appositive title right after a name ("Michael Herzog, the US ambassador to the country,").

        Not when the phrase holds another name (a list: "Matthew Miller,
        deputy secretary Barbara Leaf and ...") or runs into "and".
        """
        text = block.text
        if text.startswith(", who ", end) and text[end + 6:end + 7].islower():
            return self._who_post(block, end)
        ap = _APPOSITIVE_T.on(text).match(text, end)
        if not ap:
            return None
        ts, te = ap.span("t")
        phrase = ap.group("t")
        if self.is_claimed(block.index, ts, te) or _list_or_name(phrase):
            return None
        t = parse_title(phrase, "after", block.index, ts, te)
        if t is None or not t.formal:
            return None
        if ap.group("poss"):
            t.qualifiers.insert(0, ap.group("poss"))
        return t

    def _who_post(self, block, end: int) -> Title | None:
        """A post given by a who-clause right after a name, with an organisation's name as the
        object of a verb that holds a post: "Linda Carrasco, who chairs the Tehama County Board of
        Supervisors," (chair of the board), ", who heads the Federal Aviation Administration,"."""
        w = _WHO_POST.match(block.text, end)
        if w is None or self.is_claimed(block.index, w.start("v"), w.end()):
            return None
        head = _WHO_POST_HEADS[w.group("v")]
        t = parse_title(f"{head} of the {w.group('org').strip()}", "after", block.index, w.start("v"), w.end("org"))
        if t is None or not t.formal or not t.org_heads:
            return None
        return t

    # -- pass 2: people -------------------------------------------------------
    def new_person(self, name: str, given: str, surname: str) -> Person:
        p = Person(name=name, surname=surname, given=given)
        self.by_key[(given.lower(), surname.lower())] = p
        self.by_surname.setdefault(surname.lower(), []).append(p)
        if given:
            self.by_given.setdefault(given.lower(), []).append(p)
        self.people.append(p)
        return p

    def seed_known(self):
        for k in getattr(self.article, "people_extra", None) or []:
            name = getattr(k, "name", None) or (k.get("name") if isinstance(k, dict) else None)
            if not name:
                continue
            titles = getattr(k, "titles", None) or (k.get("titles", []) if isinstance(k, dict) else [])
            pron = getattr(k, "pronouns", None) or (k.get("pronouns") if isinstance(k, dict) else None)
            given, surname, _ = _known_name(name)
            p = self.by_key.get((given.lower(), surname.lower())) or self.new_person(name, given, surname)
            p.known = True
            p.known_pronouns = pron
            p.evidence.add("known")
            for t in titles:
                title = t if isinstance(t, Title) else _known_title(str(t))
                if title is not None:
                    p.titles.append(title)
            self.cast.known.append(p)

    def _org_like(self, c: _Cand) -> bool:
        """A run with weak evidence only (an attribution, a list of names) that the story repeats
        in full and never shortens to its last word: how companies are written ("Ask Jeeves said
        ... Ask Jeeves"), not people (a second reference to a person is the surname: "Smith")."""
        if not c.evidence <= _WEAK_EVIDENCE:
            return False
        given, surname, core = _split_name(c.text)
        return bool(given) and self._org_like_text(c.text, surname)

    def _org_like_text(self, name: str, surname: str) -> bool:
        """``name`` is repeated in full and its last word never stands alone."""
        text = self._joined()
        name = _norm_space(name)
        if text.count(name) < 2:  # (an upper bound of the word-bounded count: most names stop here)
            return False
        if len(_find_names(text, (name,))) < 2:
            return False
        # the last word alone: not inside the name, nor another capitalised run ("Warner Bros")
        for s, e in _find_names(text, (surname,)):
            if not (_CAP_AFTER.match(text, e) or _CAP_WORD_BEFORE.search(text, max(0, s - 40), s)):
                return False
        return True

    def _joined(self) -> str:
        """The text of all the blocks the cast reads, joined by newlines (a name never crosses one)."""
        if self._joined_text is None:
            self._joined_text = "\n".join(b.text for b in self.blocks)
        return self._joined_text

    def lists_of_names(self):
        """Names in a list with a person ("Elizabeth Warren, Bernie Sanders and Pete Buttigieg")
        are people too: runs of two words or more, one after another, separated by commas and a
        final "and"/"or" (or three or more, by commas), one of them with evidence of its own."""
        cands = self.cands
        i, n = 0, len(cands)
        while i < n:
            j = i
            while j + 1 < n and cands[j + 1].block == cands[j].block and _LIST_SEP.fullmatch(
                    self.article.blocks[cands[j].block].text, cands[j].end, cands[j + 1].start):
                j += 1
            if j > i:
                group = cands[i:j + 1]
                text = self.article.blocks[group[0].block].text
                closed = len(group) > 2 or _LIST_LAST.fullmatch(text, group[-2].end, group[-1].start)
                if closed and any(c.evidence - _WEAK_EVIDENCE for c in group):
                    for c in group:
                        words = _split_name(c.text)[2]
                        if not c.evidence and len(words) >= 2 and _LIST_NOT_NAME.isdisjoint(map(str.lower, words)):
                            c.evidence.add("list")  # (not "... and Acting Chief Medical Officer Dr Anton Best")
            i = j + 1

    def surname_speakers(self):
        """A run whose last word speaks alone elsewhere ("Ayman Safadi met the envoy ... Safadi
        said") is a person: a second reference by the surname is how news names people."""
        text = None
        for c in self.cands:
            if c.evidence or c.kind != "name":
                continue
            given, surname, core = _split_name(c.text)
            if not given or len(core) < 2 or not _LIST_NOT_NAME.isdisjoint(map(str.lower, core)):
                continue
            if text is None:
                text = self._joined()
            if _speaks_alone(text, surname) and not self._org_like_text(c.text, surname):
                c.evidence.add("surname-attribution")

    def _refs_of(self, block) -> list:
        refs = self._refs_by_block.get(block.index)
        if refs is None:
            refs = self._refs_by_block[block.index] = list(_title_refs(block.text))
        return refs

    def titles_before_commas(self):
        """A title-only phrase right before a name set off by commas is that name's title ("Zelenskyy’s
        chief of staff, Andriy Yermak, said"; "the Mayor of London, Ken Livingstone,"): evidence of
        a person, and no title-only reference."""
        blocks = self.article.blocks
        starts = {(c.block, c.start): c for c in self.cands if c.kind == "name" and c.title is None
                  and blocks[c.block].text[c.start - 2:c.start - 1] == ","}
        if not starts:
            return
        for bi in sorted({b for b, _ in starts}):
            block = blocks[bi]
            text = block.text
            for m in self._refs_of(block):
                te = m.end()
                tail = _REF_TAIL.match(text, te)  # "Israel's ambassador| to the United Nations, Gilad Erdan"
                if tail is not None:
                    te = tail.end()
                comma = _COMMA_THEN.match(text, te)
                c = starts.get((block.index, comma.end())) if comma else None
                if c is None or self.is_claimed(block.index, m.start("t"), m.end("t")):
                    continue
                ts = m.start("poss") if m.group("poss") else m.start("t")
                if m.group("poss") and m.group("poss").rstrip("'’s").lower() in L.NON_NAMES:
                    continue
                t = parse_title(text[ts:te], "after", block.index, ts, te)
                if t is None or not t.formal:
                    continue
                c.title = t
                c.evidence.add("appositive")
                self.claim(block.index, ts, te)

    def resolve_candidates(self):
        self.titles_before_commas()
        self.lists_of_names()
        for c in self.cands:
            if c.evidence and self._org_like(c):
                c.evidence = set()  # tentative (a pronoun link may still show it is a person)
        self.surname_speakers()
        confirmed = [c for c in self.cands if c.evidence]
        # full names first, so a titled surname ("President Biden") can find its owner
        for c in confirmed:
            given, surname, core = _split_name(c.text)
            if given:
                p = self.by_key.get((given.lower(), surname.lower()))
                if p is None:
                    # "Elizabeth A. Burton" / "Elizabeth Burton" share a key; a given-less
                    # person with this surname ("President Biden") is the same one
                    lone = [q for q in self.by_surname.get(surname.lower(), []) if not q.given]
                    if len(lone) == 1 and len(self.by_surname[surname.lower()]) == 1:
                        p = lone[0]
                        p.given = given
                        self.by_key[(given.lower(), surname.lower())] = p
                        self.by_given.setdefault(given.lower(), []).append(p)
                    else:
                        p = self.new_person(c.text, given, surname)
                c.person = p
                if len(c.text) > len(p.name) and not c.text.endswith(","):
                    p.name = c.text
                self.attach_titles(c)
        for c in confirmed:
            if c.person is not None:
                continue
            given, surname, core = _split_name(c.text)
            owners = self.by_surname.get(surname.lower(), [])
            if len(owners) > 1 and c.title is not None:
                owners = [p for p in owners if any(c.title.head in t.heads or t.head == c.title.head
                                                   for t in p.titles)] or owners
                if len(owners) > 1:
                    owners = [p for p in owners if any(t.head == c.title.head for t in self._titles_of(p))] or owners
            if not owners and not given:
                gowners = self.by_given.get(surname.lower(), [])
                if len(gowners) == 1 and c.kind != "courtesy":
                    owners = gowners  # "Sir Alan" (Budd), "Mayor Pete" (Buttigieg): a first name
                # ("Mr. Antony" is not a first-name mention)
            if len(owners) == 1:
                c.person = owners[0]
            elif not owners:
                c.person = self.new_person(c.text, "", surname)
            else:
                m = self.mention_for(c, "surname")
                self.cast.ambiguous.append((m, list(owners)))
        for c in confirmed:
            p = c.person
            if p is None:
                continue
            self.attach_titles(c)
            given, surname, core = _split_name(c.text)
            kind = "courtesy" if c.kind == "courtesy" else "full" if given else "surname"
            if kind == "surname" and c.title is not None and (c.title.head in L.SINGLE_NAME_HEADS
                                                                or list(core) != c.text.split()):
                kind = "full"  # "King Abdullah II", "Pope Francis", "Prince Harry"
            if c.kind != "courtesy" and not given and p.given and surname.lower() == p.given.lower():
                kind = "first-name"
            title = c.title if c.kind != "name" or c.title is None else None
            p.mentions.append(self.mention_for(c, kind, title))
            self.claim(c.block, c.start, c.end)
        self.tentative = [c for c in self.cands if not c.evidence]

    def attach_titles(self, c: _Cand):
        """Give the candidate's person the title written with it, and an appositive title after it."""
        if c.attached or c.person is None:
            return
        c.attached = True
        p = c.person
        p.evidence |= c.evidence
        if c.title is not None and c.kind != "courtesy":
            p.titles.append(c.title)
            if c.outer is not None:
                p.titles.append(c.outer)
        if c.kind != "name":
            ap = self.appositive(self.article.blocks[c.block], c.end)
            if ap is not None:
                p.titles.append(ap)
                self.claim(c.block, ap.start, ap.end)
                p.evidence.add("appositive")

    def _titles_of(self, p):
        return p.titles

    def mention_for(self, c: _Cand, kind: str, title: Title | None = None) -> Mention:
        block = self.article.blocks[c.block]
        return Mention(kind, c.block, c.start, c.end, c.text, title, self.sentence_index(block, c.start),
                       quoted=self.in_quote(block, c.start, c.end))

    def link_names(self):
        """Surname, full-name and first-name mentions anywhere, headlines included."""
        names: dict[str, tuple[str, list[Person]]] = {}
        joined = None
        for p in self.people:
            if p.known and not p.mentions:  # a staff list's person this story may not name (most of them)
                tail = _name_tail(p.surname)
                if tail:
                    if joined is None:
                        joined = self._joined()
                    if tail not in joined:
                        continue  # (``_may_be_named``, inline)
            if p.given:
                names.setdefault(f"{p.given} {p.surname}", ("full", []))[1].append(p)
                names.setdefault(_norm_space(p.name), ("full", []))[1].append(p)
            if p.surname.lower() not in _NOT_SURNAME:  # (never "It": a known person's odd name)
                names.setdefault(p.surname, ("surname", []))[1].append(p)
                if p.surname[:1].islower():  # "el-Sissi" opens a sentence as "El-Sissi"
                    names.setdefault(p.surname[:1].upper() + p.surname[1:], ("surname", []))[1].append(p)
        for p in self.people:
            owners = self.by_given.get(p.given.lower(), [])
            if p.given and len(owners) == 1 and p.given.lower() not in _NOT_FIRST_NAME and len(p.given) > 2 \
                    and p.given not in names:
                if p.known and not p.mentions and " " not in p.given and "\u00a0" not in p.given:
                    if joined is None:
                        joined = self._joined()
                    if p.given not in joined:
                        continue  # (a key that cannot match: most of a staff list's given names)
                names[p.given] = ("first-name", owners)
        names = {k: (kind, list(dict.fromkeys(v))) for k, (kind, v) in names.items()}
        if not names:
            return
        for block, s, e in self._name_spans(names):
            text = block.text
            if self.is_claimed(block.index, s, e):
                continue
            kind, owners = names.get(_norm_space(text[s:e]), ("surname", []))
            if not owners:
                continue
            # part of a longer capitalised run that is not this person ("Herzog Center")
            nxt = _CAP_AFTER_T.on(text).match(text, e)
            if nxt and kind != "full":
                continue
            if text[max(0, s - 4):s].lower() == "the ":
                continue
            c = _Cand(block.index, s, e, text[s:e])
            mention = self.mention_for(c, kind)
            if len(owners) == 1:
                owners[0].mentions.append(mention)
            else:
                self.cast.ambiguous.append((mention, owners))
            self.claim(block.index, s, e)

    def _may_be_named(self, p: Person) -> bool:
        """False when no name key of ``p`` can occur: each holds the surname's last word (its
        first letter may be capitalised: "el-Sissi" opening a sentence)."""
        tail = _name_tail(p.surname)
        return not tail or tail in self._joined()

    def _name_spans(self, names):
        """``(block, start, end)`` of the ``_find_names`` matches of every block, in order.

        One search of all the blocks joined by "\\n" (5x fewer ``str.find`` calls than
        block by block): a name cannot cross it unless a name holds one, and it is neither
        a word character nor a space to the boundary tests.
        """
        if any("\n" in k for k in names):
            for block in self.blocks:
                for s, e in _find_names(block.text, names):
                    yield block, s, e
            return
        starts, at = [], 0
        for block in self.blocks:
            starts.append(at)
            at += len(block.text) + 1
        for s, e in _find_names(self._joined(), names):
            k = bisect.bisect_right(starts, s) - 1
            yield self.blocks[k], s - starts[k], e - starts[k]

    # -- pass 3: title-only references ------------------------------------------
    def find_title_refs(self):
        # each holder's titles without repeats of one title (Title.matches reads only these
        # fields): a person named with the same title a thousand times would otherwise be asked
        # a thousand times per reference (quadratic in one huge paragraph)
        holders = []
        for p in self.people:
            if p.titles:
                if len(p.titles) == 1:  # (most holders, and most known people)
                    holders.append((p, p.titles[:]))
                    continue
                distinct: dict = {}  # the first of each: "points back" below compares where it was given
                for t in p.titles:
                    distinct.setdefault((t.text, t.heads, t.former, tuple(t.qualifiers)), t)
                holders.append((p, list(distinct.values())))
        for block in self.blocks:
            text = block.text
            for m in self._refs_of(block):
                s, e = m.span()
                if self.is_claimed(block.index, m.start("t"), m.end("t")):
                    continue
                if _ORG_AFTER_T.on(text).match(text, e) or _CAP_AFTER_T.on(text).match(text, e) and not m.group("comp"):
                    continue  # "the Prime Minister's Office", "the President Biden"
                t = parse_title(m.group("t") + (m.group("comp") or ""), "ref")
                if t is None:
                    continue
                quals = [q for q in t.qualifiers]
                poss = m.group("poss")
                if poss:
                    if poss.rstrip("'’s").lower() in L.NON_NAMES:
                        continue
                    quals.insert(0, poss)
                    s = m.start("poss")
                nq = [_norm_qualifier(q) for q in quals]
                head = t.head
                mods = [md for md in t.modifiers if md not in L.STATUS_MODIFIERS]
                ref_head = " ".join(mods + [head]) if mods else head
                former = t.former
                cands = [p for p, titles in holders if any(tt.matches(ref_head, nq, former) for tt in titles)]
                if not cands and any(md in L.OTHER_MODIFIERS for md in mods):
                    ref_head = head if not any(md in L.RANK_MODIFIERS for md in mods) else ref_head
                    cands = [p for p, titles in holders if any(tt.matches(ref_head, nq, former) for tt in titles)]
                person = cands[0] if len(cands) == 1 else None
                if len(cands) > 1:
                    # several hold it: a title-only reference points back, to the one person the
                    # story has given the post before it ("Rosa Delacruz, chief of the Tehama County
                    # Fire Department, ... The fire chief said", before anyone else is called one)
                    here = (block.index, s)
                    before = [p for p, titles in holders if any(p is c for c in cands) and any(
                        tt.matches(ref_head, nq, former) and (-1 if tt.block is None else tt.block, tt.start) < here
                        for tt in titles)]
                    if len(before) == 1:
                        person = before[0]
                ref = TitleRef(text[s:m.end()], block.index, s, m.end(), ref_head, quals, former,
                               capitalized=(m.group("head") or m.group("weak"))[:1].isupper(),
                               sentence=self.sentence_index(block, s), quoted=self.in_quote(block, s, m.end()),
                               candidates=cands, person=person)
                self.cast.title_refs.append(ref)
                self.claim(block.index, s, m.end())
                if ref.person is not None:
                    ref.person.mentions.append(Mention("title", block.index, s, m.end(), ref.text, None,
                                                       ref.sentence, quoted=ref.quoted))
        self.find_weak_title_refs(holders)

    def _named_org_phrases(self, holders) -> list:
        """``(phrase, person, where)`` for a post whose complement names an organisation by a short
        name that the story gives in full elsewhere, ending in words that say what it is: "Renata
        Falk, president of St. Brendan," with "St. Brendan Medical Center" in the story is "the
        hospital president"; "president of Lakeshore State" with "Lakeshore State University" is
        "the university president". The short name must be capitalised words only (no "the"), and
        its full name found right after it with one to three more capitalised words."""
        out = []
        texts = None
        for p, _ in holders:
            for t in p.titles:
                if t.former or t.position != "after" or " " in t.head or t.head not in _PHRASE_HEADS \
                        or t.modifiers or len(t.qualifiers) != 1 or t.block is None:
                    continue
                q = t.qualifiers[0]
                if not q[:1].isupper() or not t.text.endswith(" of " + q):
                    continue
                if texts is None:
                    texts = [b.text for b in self.blocks if b.kind != "headline"]
                noun = None
                for text in texts:
                    at = text.find(q + " ")
                    while at >= 0 and noun is None:
                        if at == 0 or not text[at - 1].isalnum():
                            m = _FULL_ORG_NAME.match(text, at + len(q))
                            if m is not None:
                                noun = _ORG_NAME_NOUNS.get(m.group(1).lower()) or _ORG_NAME_NOUNS.get(
                                    m.group(1).split()[-1].lower())
                        at = text.find(q + " ", at + 1)
                    if noun is not None:
                        break
                if noun is not None:
                    out.append((f"{noun} {t.head}", p, (t.block, t.start)))
        return out

    def find_weak_title_refs(self, holders):
        """"The lieutenant", "the director": an ordinary noun alone is a title-only reference only
        when exactly one person of the story holds it as the head of a formal title ("Police
        spokesman Lt. Marcus Bell ... The lieutenant said"); not before "of"/"for", a possessive or
        a capitalised word ("the director of the hospital", "the Director's Cut"). When two or more
        hold it, a reference before the second holder's title links to the first (a title-only
        reference points back). A formal title of a lower-case noun and such a head ("Board Chair
        Raymond Oduya") is held as a whole too: "the board chair said"."""
        phrase_runs = frozenset(w.lower() for p, _ in holders for t in p.titles if t.formal and not t.former
                                for w in t.text.split()[-1:] if len(t.text.split()) == 2)
        org_runs = frozenset(h.split()[-1] for p, _ in holders for t in p.titles if t.org_heads and not t.former
                             for h in t.org_heads)
        named = self._named_org_phrases(holders)
        if named:
            org_runs |= {h.split()[-1] for h, _, _ in named}
        if org_runs:
            phrase_runs |= org_runs
        gate = _WEAK_REF_RUNS | phrase_runs if phrase_runs else _WEAK_REF_RUNS
        blocks = [(b, words) for b in self.blocks if b.kind != "headline"
                  for words in [gate.intersection(_lowered(b.text)[1])] if words]
        if not blocks:
            return
        # head -> {id(person): (where the story first gives it to them, person)}
        first_at: dict = {}

        def note(h, p, pos):
            d = first_at.setdefault(h, {})
            if id(p) not in d or pos < d[id(p)][0]:
                d[id(p)] = (pos, p)

        phrases = set()
        org_phrases = set()
        for p, _ in holders:  # (all of p's titles: the distinct ones find_title_refs reads leave out formal)
            for t in p.titles:
                if t.formal and not t.former:
                    pos = (t.block if t.block is not None else -1, t.start)
                    for h in t.heads:
                        if h in _WEAK_REF_WORDS:
                            note(h, p, pos)
                    words = t.text.split()
                    if len(words) == 2 and words[-1].lower() in _PHRASE_HEADS and words[0].isalpha() \
                            and words[0].lower() not in L.NON_NAMES and not t.abbreviation:
                        phrase = " ".join(words).lower()  # "Board Chair" -> "the board chair"
                        note(phrase, p, pos)
                        phrases.add(phrase)
                    # a post named after its organisation: "executive director of the Westbrook
                    # Regional Transit Authority" -> "the transit director"
                    for h in t.org_heads:
                        if h.split()[-1] in _PHRASE_HEADS:
                            note(h, p, pos)
                            phrases.add(h)
                            org_phrases.add(h)
        for h, p, pos in named:  # "president of St. Brendan" ... "St. Brendan Medical Center": "the hospital president"
            note(h, p, pos)
            phrases.add(h)
            org_phrases.add(h)
        for p in self.people:  # "director of emergency management and homeland security Alicia Brandt"
            for m in p.mentions:
                if m.kind == "full" and not m.quoted:
                    # an appositive giving the post after the full name ("Sandra Cole, the city
                    # manager,", "Ruth Diaz, the principal of Lincoln Elementary,")
                    text = self.article.blocks[m.block].text
                    if text.startswith(",", m.end):
                        a = _WEAK_APPOSITIVE.match(text, m.end)
                        if a is not None and a.group("head").lower() in L.WEAK_REF_HEADS:
                            note(a.group("head").lower(), p, (m.block, a.start("head")))
                if m.kind == "full" and m.title is None and 2 < m.start:
                    text = self.article.blocks[m.block].text
                    window = text[max(0, m.start - 160):m.start]
                    if text[m.start - 2:m.start - 1].islower() and (" of " in window or " for " in window) \
                            and not L.WEAK_REF_HEADS.isdisjoint(window.split()):
                        t = _LONG_TITLE_BEFORE.search(text, max(0, m.start - 160), m.start)
                        if t is not None:
                            note(t.group("head").lower(), p, (m.block, m.start))
                        continue
                    # a lower-case job word right before the full name ("owner Victoria Lang", and
                    # "Owner Victoria Lang" opening a sentence): a post the story gives that person
                    w = _JOB_WORD_BEFORE.search(text, max(0, m.start - 24), m.start)
                    if w is not None and w.group(1).lower() in L.WEAK_REF_HEADS \
                            and (w.group(1).islower() or self.at_sentence_start(self.article.blocks[m.block],
                                                                                w.start(1))):
                        note(w.group(1).lower(), p, (m.block, m.start))
        if not first_at:
            return
        runs = {w for h in first_at for w in _re.split(r"[ \-]", h)}
        for block, words in blocks:
            if runs.isdisjoint(words):
                continue
            text = block.text
            found = [(m.start(), m.end(), m.group("head"), m.groupdict()) for m in _WEAK_REF.finditer(text)]
            low = _lowered(text)[0] if phrases else ""
            if phrases and len(low) == len(text):  # "the board chair": str.find, no pattern per story
                for phrase in phrases:
                    at = low.find("the " + phrase)
                    while at >= 0:
                        e = at + 4 + len(phrase)
                        if (at == 0 or not (low[at - 1].isalnum() or low[at - 1] in "'’-")) \
                                and not (e < len(low) and (low[e].isalnum() or low[e] == "-")):
                            found.append((at, e, text[at + 4:e], {}))
                        at = low.find("the " + phrase, at + 1)
                found.sort(key=lambda x: x[:2])
            for s, e, raw, g in found:
                head = " ".join(raw.lower().split())
                holders_of = first_at.get(head)
                if not holders_of:
                    continue
                if len(holders_of) == 1:
                    person = next(iter(holders_of.values()))[1]
                else:
                    # several hold it: "The director" is the one the story has introduced as a
                    # director so far, when that is one person (a reader cannot mean one given the
                    # post only later); otherwise it is ambiguous and stays unlinked
                    before = [p for pos, p in holders_of.values() if pos < (block.index, s)]
                    person = before[0] if len(before) == 1 else None
                if person is None or self.is_claimed(block.index, s, e) or _WEAK_REF_AFTER.match(text, e):
                    continue
                if text[s] == "T" and not self.at_sentence_start(block, s):
                    continue  # "a study by The Economist": a name
                # (g: the match's groups; a phrase found by str.find has neither lposs nor org)
                if (g.get("lposs") or g.get("org")) and _NAME_NEXT.match(text, e):
                    continue  # "the club's owner, Ana Ruiz": a post given to the person named
                if g.get("org") and g["org"] not in L.ORG_WORDS:
                    continue  # "The city manager", not "the general manager"
                if not (_VERB_AFTER_T.on(text).match(text, e) or _AUX_AFTER.match(text, e)
                        or _SAID_BEFORE.search(text, max(0, s - 12), s)
                        or not g and head in org_phrases and _ORG_PHRASE_END.match(text, e)):
                    continue  # only as the speaker or a subject: not "the general election"
                    # (a post named after its organisation may be an object too, before a comma,
                    # full stop or function word: "Reporters asked the transit director after")
                ref = TitleRef(text[s:e], block.index, s, e, head, [], False,
                               capitalized=raw[:1].isupper(), sentence=self.sentence_index(block, s),
                               quoted=self.in_quote(block, s, e), candidates=[person], person=person)
                self.cast.title_refs.append(ref)
                self.claim(block.index, s, e)
                person.mentions.append(Mention("title", block.index, s, e, ref.text, None, ref.sentence,
                                               quoted=ref.quoted))

    # -- pass 4: pronouns ---------------------------------------------------------
    def entity_index(self):
        """Per block, sorted ``(start, end, entity, kind)``: people's mentions, unresolved refs, tentatives."""
        index: dict[int, list] = {}
        for p in self.people:
            for m in p.mentions:
                t = m.title
                # a title written before the name is part of the mention ("Secretary of State Antony
                # Blinken said ...": the sentence's subject)
                start = t.start if t is not None and t.position == "before" and t.block == m.block \
                    and t.start < m.start and m.start - t.end <= 1 else m.start
                index.setdefault(m.block, []).append((start, m.end, p, m.kind))
        for r in self.cast.title_refs:
            if r.person is None:
                index.setdefault(r.block, []).append((r.start, r.end, r, "title"))
        for m, owners in self.cast.ambiguous:
            index.setdefault(m.block, []).append((m.start, m.end, m, "surname"))
        for c in self.tentative:
            if not self.is_claimed(c.block, c.start, c.end) and len(c.text.split()) >= 2:
                index.setdefault(c.block, []).append((c.start, c.end, c, "full"))
        for v in index.values():
            v.sort(key=lambda x: (x[0], x[1]))
        return index

    def link_pronouns(self):
        index = self.entity_index()
        self.index = index
        order = [b for b in self.blocks if b.kind != "headline"]
        prev_body_sentence = None  # (block, start, end) of the previous body sentence in reading order
        for block in order:
            spans = self.sentences(block) or [(0, len(block.text))]
            text = block.text
            ents = index.setdefault(block.index, [])
            if block.kind == "caption":
                prev = None
            else:
                prev = prev_body_sentence
            scan = _pronoun_scan(text) if _may_hold_pronoun(text) else None
            for si, (ss, se) in enumerate(spans):
                if scan is not None:
                    for pm in scan.finditer(text, ss, se):
                        self.link_pronoun(block, si, ss, se, pm, ents, prev)
                prev = (block, ss, se)
            if block.kind != "caption" and spans:
                prev_body_sentence = prev

    def persons_in(self, block, ss, se) -> list:
        """The index entries starting in ``[ss, se)`` (entries are sorted by start: a slice)."""
        ents = self.index.get(block.index, ())
        return ents[bisect.bisect_left(ents, ss, key=_START):bisect.bisect_left(ents, se, key=_START)]

    def subject_of(self, block, ss, se):
        """The entity in subject position of a sentence, or None."""
        text = block.text
        for s, e, ent, kind in self.persons_in(block, ss, se):
            if kind == "pronoun-attribution":
                return ent, s, e
            if _SUBJECT_PREFIX_T.on(text).match(text[ss:s]):
                return ent, s, e
            if s - ss < 40 and isinstance(ent, Person) and self._qualifies_title(block, ss, s, ent):
                return ent, s, e
            if kind == "full" and s - ss < 24:
                # a job word opening the sentence before the full name ("Owner Victoria Lang, who
                # ..., said"): the word describes the subject, as a title would
                w = _JOB_WORD_OPENING.match(text, ss, s)
                if w is not None and w.group(1).lower() in _JOB_WORDS:
                    return ent, s, e
            break
        return None

    def _qualifies_title(self, block, ss, s, person) -> bool:
        """The words opening a sentence before a person's title qualify the title ("State Sen.",
        "Fire Capt.", "County health director", "Acme Corp. Chief Executive"): one to four
        capitalised words that are no function words, or organisation and portfolio words."""
        words = block.text[ss:s].strip(" \u00a0“\"‘'(").split()
        if not (0 < len(words) <= 4 and all(
                w.lower() not in L.FUNCTION_WORDS and (w[:1].isupper() or w in _ORG_OR_PORTFOLIO)
                and _QUALIFIER_WORD.fullmatch(w) for w in words)):
            return False
        starts = self._before_title_starts
        if starts is None:  # (titles are settled before pass 4; a set, not a scan of every title per ask)
            starts = self._before_title_starts = {(id(p), t.block, t.start) for p in self.people
                                                  for t in p.titles if t.position == "before"}
        return (id(person), block.index, s) in starts

    def only_subject(self, block, ss, se):
        """The one entity a sentence mentions, when it is also the subject."""
        found = self.persons_in(block, ss, se)
        distinct = {id(e[2]) for e in found if e[3] != "pronoun-they"}
        if len(distinct) != 1:
            return None
        if self._unlinked_pronoun_in(block, ss, se):
            return None
        spans = self._title_spans(block)
        masked = _blank(block.text[ss:se], ss, [(x[0], x[1]) for x in found] + [
            r for r in spans[bisect.bisect_left(spans, (ss,)):bisect.bisect_left(spans, (se,))] if ss <= r[0] < se])
        if _PERSON_NOUN_T.on(block.text).search(masked):
            return None
        subj = self.subject_of(block, ss, se)
        if subj is not None and _AND_AFTER.match(block.text, subj[2]):
            return None  # "Alito and the others returned to the bench. He ...": a plural subject
        if subj is not None and _QUOTED_HE_SHE.search(block.text, ss, subj[1]):
            return None  # "“He is a danger,” Pelosi said. He ...": the quotation is about someone else
        return subj[0] if subj else None

    def speaker_of(self, block, ss, se):
        """The one person a sentence gives as the speaker of its words ("..., Lord Holme said.",
        "said Mr Lanzone", "Mr Herron - ... - said he was not convinced"), or None when it gives
        none or several. A quotation closing with '," she said' after such a sentence goes on
        with that speaker's words."""
        text = block.text
        found = None
        for s, e, ent, kind in self.persons_in(block, ss, se):
            if kind == "pronoun-they":
                continue
            if not (_SPEECH_AFTER.match(text, e, se) or _SPEECH_BEFORE.search(text[max(ss, s - 30):s])):
                continue
            person = self._resolved(ent)
            if person is None or (found is not None and person is not found):
                return None
            found = person
        return found

    def subject_by_courtesy(self, block, ss, se, gender: str):
        """The subject of a sentence that also names others, when a he/she opening the next sentence
        can mean only the subject: everyone else in it carries a courtesy title of the other
        pronoun ("Whitlock ... would treat Mr. Ward like any other defendant. She set ..."), and
        no other person noun could be meant (the subject's appositive and "any/every/no ..." aside)."""
        subj = self.subject_of(block, ss, se)
        if subj is None or not isinstance(subj[0], Person) or self._unlinked_pronoun_in(block, ss, se):
            return None
        text = block.text
        if _AND_AFTER.match(text, subj[2]) or _QUOTED_HE_SHE.search(text, ss, subj[1]):
            return None
        found = self.persons_in(block, ss, se)
        for _, _, ent, kind in found:
            if ent is subj[0] or kind == "pronoun-they":
                continue
            if not isinstance(ent, Person) or not self._courtesy_says(ent, "she" if gender == "he" else "he"):
                return None
        app = _APPOSITIVE_AT.match(text, subj[2])
        masked = _blank(text[ss:se], ss, [(x[0], x[1]) for x in found]
                        + [r for r in self._title_spans(block) if ss <= r[0] < se]
                        + ([(subj[2], app.end())] if app is not None and app.end() <= se else []))
        masked = _ANY_PERSON.sub(" ", masked)
        if _PERSON_NOUN_T.on(text).search(masked):
            return None
        return subj[0]

    @staticmethod
    def _courtesy_says(person, gender: str) -> bool:
        """The person's courtesy titles give them ``gender`` (and never the other)."""
        said = {L.COURTESY.get(m.title.text.rstrip(".").lower()) for m in person.mentions
                if m.kind == "courtesy" and m.title is not None}
        return said == {gender}

    def _other_title_between(self, block, subj, ps: int) -> bool:
        """A title word names someone else between a subject and a pronoun ("Gordon Brown has
        criticised a union leader who said ... himself"); the subject's own titles do not count
        ("Blinken, the secretary of state, said he")."""
        text = block.text
        start = subj[2]
        m = _TITLE_WORD.search(text, start, ps)  # (rarely asked: no re twin, whose compiling costs ~20 ms)
        if m is None:
            return False
        own = [(t.start, t.end) for t in getattr(subj[0], "titles", ()) if t.block == block.index]
        while m is not None:
            if not any(s <= m.start() and m.end() <= e for s, e in own):
                return True
            m = _TITLE_WORD.search(text, m.end(), ps)
        return False

    def _title_spans(self, block):
        """Sorted ``(start, end)`` of the people's titles in a block (titles are settled before pass 4)."""
        by_block = self._title_spans_by_block
        if by_block is None:
            by_block = self._title_spans_by_block = {}
            for p in self.people:
                for t in p.titles:
                    by_block.setdefault(t.block, []).append((t.start, t.end))
            for v in by_block.values():
                v.sort()
        return by_block.get(block.index, ())

    def _unlinked_pronoun_in(self, block, ss, se) -> bool:
        """An unlinked he/she starts in ``[ss, se)`` (``_unlinked_by_block``: their sorted starts)."""
        starts = self._unlinked_by_block.get(block.index, ())
        i = bisect.bisect_left(starts, ss)
        return i < len(starts) and starts[i] < se

    def _unlinked(self, mention: Mention):
        self.cast.unlinked_pronouns.append(mention)
        if mention.pronoun in ("he", "she"):
            bisect.insort(self._unlinked_by_block.setdefault(mention.block, []), mention.start)

    def link_pronoun(self, block, si, ss, se, pm, ents, prev):
        text = block.text
        ps, pe = pm.span()
        word = pm.group()
        gender = L.PRONOUN_GENDER[word.lower()]
        around = text[max(0, ps - 8):pe + 8]
        if ("/" in around or "or" in around) and gender != "they" and (
                _GENERIC_BEFORE.search(text, max(0, ps - 8), ps) or _GENERIC_AFTER.match(text, pe)):
            return  # "he or she", "his/her": anyone, nobody in particular
        quoted = self.in_quote(block, ps, pe)
        target, evidence = None, None
        before = [x for x in ents[bisect.bisect_left(ents, ss, key=_START):bisect.bisect_right(ents, ps, key=_START)]
                  if x[1] <= ps]  # (an entry starting after ps ends after it)
        # 1. attribution: '"...," he told reporters'
        if not quoted and word.lower() in _SUBJECT_PRONOUNS and _AFTER_QUOTE_T.on(text).search(text[max(ss, ps - 6):ps]) \
                and _VERB_AFTER_T.on(text).match(text, pe) and gender != "they":
            qstart = max(text.rfind("“", 0, ps), text.rfind('"', 0, ps - 3))
            q_si = self.sentence_index(block, max(qstart, 0))
            spans = self.sentences(block)
            if q_si > 0:
                pss, pse = spans[q_si - 1]
                target = self._resolved(self.only_subject(block, pss, pse)) or self.speaker_of(block, pss, pse)
            elif prev is not None:
                target = self._resolved(self.only_subject(*prev)) or self.speaker_of(*prev)
            evidence = "attribution" if target is not None else None
        if quoted:
            return
        # 1b. an unquoted trailing attribution: "None was in critical condition, he said." -- the
        # speaker of a paraphrase is the one person the sentence before is about, when the clause
        # before the comma names nobody (cheap test first: ", " right before a subject pronoun)
        if target is None and text[ps - 2:ps] == ", " and word.lower() in _SUBJECT_PRONOUNS and gender != "they" \
                and not before:
            target = self._said_after(block, si, ss, se, ps, pe, prev)
            evidence = "said-after" if target is not None else None
        # 2. "NAME said (that) he"
        if target is None and before:
            last = before[-1]
            if _SAID_THAT_T.on(text).match(text[last[1]:ps]) and (gender != "they" or last[3] in ("full", "surname")):
                target, evidence = self._resolved(last[2]), "said-that"
        # 2b. "NAME, who said she" (and "NAME, the ambassador to NATO, who said she", the appositive
        # being the person's own title): the relative clause's subject is the name, so this is
        # "NAME said she" (cheap test first: "who" and "sa" in the few words before the pronoun)
        if target is None and before and gender != "they" and "who " in text[max(ss, ps - 24):ps] \
                and before[-1][3] in ("full", "surname"):
            last = before[-1]
            w = _WHO_SAID.match(text, last[1], ps)
            person = self._resolved(last[2])
            if w is not None and isinstance(person, Person) and (
                    w.group("app") is None or any(t.block == block.index and t.start <= w.start("app")
                                                  and w.end("app") <= t.end for t in person.titles)):
                target, evidence = person, "said-that"
        # 3. "NAME, who ... his"
        if target is None and before:
            for s, e, ent, kind in reversed(before):
                if _WHO_CLAUSE_T.on(text).match(text[e:ps]) and not _object_of_subject(text, word, pe, ""):
                    # (not an object: "Nomar Garciaparra, who was in the stands to watch her")
                    target, evidence = self._resolved(ent), "who"
                break
        if gender == "they" and evidence not in ("said-that", "who"):
            target = None
        # 4. same sentence, after its subject: "The secretary ... when she arrived"
        if target is None and gender != "they":
            subj = self.subject_of(block, ss, se)
            if subj is None and before and before[-1][3] in ("full", "surname", "title") \
                    and text[before[-1][0] - 2:before[-1][0]] in (", ", "; ", "d ", "t "):
                # the subject of a second main clause, a name right after ", and", ", but" or "; "
                # and before its verb: "The tribe's lawyers filed a brief, and Ames said it was the
                # first time her council" (cheap test first: the two characters before the name)
                # Nobody the possessive could mean stands in the clause before: no other mention,
                # title, singular person noun, quotation or pronoun ("Judge Ana Ruiz denied the
                # motion, and Brown said her ruling": hers); a plural ("The tribe's lawyers") is none.
                last = before[-1]
                first = text[ss:last[0]]
                if _CLAUSE_SUBJECT_BEFORE.search(text, max(ss, last[0] - 6), last[0]) \
                        and _VERB_AFTER_T.on(text).match(text, last[1]) \
                        and all(self._resolved(x[2]) is self._resolved(last[2]) for x in before) \
                        and not any(q in first for q in _QUOTE_CHARS) and "‘" not in first \
                        and not _pronoun_scan(first).search(first) and not _singular_person_noun(text, first) \
                        and not self._title_spans_in(block, ss, last[0]):
                    subj = (last[2], last[0], last[1])
            if subj is not None and subj[2] <= ps:
                between = text[subj[2]:ps]
                own_end = subj[2]
                if between[:1] == ",":
                    # the subject's own description with a whose-clause about them: ", a first-term
                    # council member whose district includes the eastern end of the route," (its
                    # person noun is the subject, and it names nobody: no capitals); or with no
                    # complement at all: ", a former Air Force intelligence officer," (nobody else
                    # can stand in it)
                    own = _OWN_WHOSE_APPOSITIVE.match(text, subj[2], ps) or _OWN_PLAIN_APPOSITIVE.match(text, subj[2], ps)
                    if own is not None:
                        between = " " * (own.end() - subj[2]) + text[own.end():ps]
                        own_end = own.end()
                others = [x for x in before if x[0] >= subj[2] and x[2] is not subj[0]]
                if any(q in between for q in _QUOTE_CHARS) and not _pronoun_scan(between).search(between):
                    between = _QUOTED_FRAGMENT.sub(" ", between)
                if not others and not _PERSON_NOUN_T.on(text).search(between) and not any(q in between for q in _QUOTE_CHARS) \
                        and not self._other_title_between(block, (subj[0], subj[1], own_end), ps) \
                        and not _object_of_subject(text, word, pe, between) \
                        and not self._unlinked_pronoun_in(block, subj[2], ps):  # "cut her off before she"
                    target, evidence = self._resolved(subj[0]), "same-sentence-subject"
        # 4b. after a subordinate clause whose subject is the one person it mentions: "When the
        # sheriff reached the command post late Tuesday, she told reporters"
        if target is None and gender != "they" and word.lower() in ("he", "she") and text[ps - 2:ps] == ", " \
                and before and _SUBORDINATE_OPENER.fullmatch(text, ss, before[0][0]):
            first = self._resolved(before[0][2])
            clause = text[before[0][1]:ps]
            if first is not None and all(self._resolved(x[2]) is first for x in before) \
                    and not any(q in clause for q in _QUOTE_CHARS) and not _singular_person_noun(text, clause) \
                    and not self._unlinked_pronoun_in(block, ss, ps) \
                    and (_VERB_AFTER_T.on(text).match(text, pe) or _AUX_AFTER.match(text, pe)):
                target, evidence = first, "same-sentence-subject"
        # 4d. a he/she opening the clause after a semicolon, when the clause before it names one
        # person, not as its subject, and nobody else a he/she could mean: "Reporters asked the
        # transit director after the meeting whether fares would go up; he said he could not"
        # (cheap test first: "; " right before the pronoun)
        if target is None and text[ps - 2:ps] == "; " and before and word.lower() in ("he", "she"):
            target = self._clause_object(block, ss, ps, pe, before)
            evidence = "clause-object" if target is not None else None
        # 4c. a possessive in a lead-in before the sentence's speaker: "In her opening statement,
        # Beaulieu said", "Most of her constituents, Espinoza said, drive to work" (cheap test first:
        # his/her with nothing named before it in the sentence, near its start)
        if target is None and not before and ps - ss < 60 and word.lower() in ("his", "her"):
            target = self._lead_in_speaker(block, ss, se, pe)
            evidence = "lead-in" if target is not None else None
        # 5. sentence start after a sentence about one person: "... Blinken landed. He was greeted"
        if target is None and gender != "they" and prev is not None and (
                _SENTENCE_OPENER_T.on(text).match(text[ss:ps]) or self._lead_in_subject(text, ss, ps, pe, word)):
            target, evidence = self._resolved(self.only_subject(*prev)), "sentence-start"
            if target is None and gender in ("he", "she"):
                target = self._resolved(self.subject_by_courtesy(*prev, gender))
        mention = Mention("pronoun", block.index, ps, pe, word, None, si, evidence if target else None,
                          strong=target is not None, quoted=quoted)
        if target is None:
            self._unlinked(mention)
            return
        if isinstance(target, _Cand):
            first = target.text.split()[0].lower()
            if (self.at_sentence_start(self.article.blocks[target.block], target.start)
                    and first not in L.GIVEN_NAMES) or _is_demonym(target.text.split()[-1]):
                self._unlinked(mention)
                return
            target = self.promote(target)
        target.mentions.append(mention)
        target.pronouns[gender] += 1
        kind = "pronoun-attribution" if evidence in ("attribution", "said-after") else "pronoun-they" if gender == "they" else "pronoun"
        bisect.insort(ents, (ps, pe, target, kind), key=lambda x: (x[0], x[1]))

    def _clause_object(self, block, ss, ps, pe, before):
        """The person a he/she after "; " refers to: the one person the clause before the semicolon
        names, after its first word (an object: "Reporters asked the transit director ...; he
        said"), when that clause holds no quotation, other pronoun, other semicolon, singular
        person noun or someone else's title, and a verb follows the pronoun."""
        text = block.text
        clause = text[ss:ps - 2]
        first = self._resolved(before[0][2])
        if first is None or not isinstance(first, Person) or before[0][0] - ss < 3 \
                or any(self._resolved(x[2]) is not first for x in before):
            return None
        # the clause's subject is people in the plural ("Reporters", "Two lawmakers"), and nothing
        # before the person is capitalised but it or a function word ("Smith asked Ruiz ...; she")
        words = _PLAIN_WORD.findall(text, ss, before[0][0])
        if not any(_plural_person(w.lower()) for w in words) or any(
                w[:1].isupper() and w.lower() not in L.FUNCTION_WORDS and not _plural_person(w.lower()) for w in words):
            return None
        if ";" in clause or any(q in clause for q in _QUOTE_CHARS) or "‘" in clause \
                or _pronoun_scan(clause).search(clause) or self._unlinked_pronoun_in(block, ss, ps):
            return None
        masked = _blank(clause, ss, [(x[0], x[1]) for x in before]
                        + [(s, e) for s, e in self._title_spans(block) if ss <= s and e <= ps])
        if _singular_person_noun(text, masked) or any(
                w.group() in _JOB_OR_TITLE for w in _TITLE_WORD_HEADS.finditer(masked.lower())) \
                or self._other_title_between(block, (first, ss, ss), ps):
            return None  # ("A reporter asked the director ...; he said": the reporter may be meant)
        if not (_VERB_AFTER_T.on(text).match(text, pe) or _AUX_AFTER.match(text, pe)):
            return None
        return first

    def _said_after(self, block, si, ss, se, ps, pe, prev):
        """The speaker of '..., he said.' closing a sentence with no quotation in it: the one person
        the previous sentence is about (in the same paragraph, or the paragraph before), when the
        clause before the comma mentions no person (no name, title, person noun or other pronoun)."""
        text = block.text
        v = _VERB_AFTER_T.on(text).match(text, pe)
        # (or set off in the middle: "Most residents left when asked, he said, but some refused.")
        if v is None or not (_SAID_AFTER_END.match(text, v.end(), se) or text.startswith(", ", v.end())):
            return None
        clause = text[ss:ps - 2]
        if any(q in clause for q in _QUOTE_CHARS) or "‘" in clause or _singular_person_noun(text, clause) \
                or _pronoun_scan(clause).search(clause) or self._title_spans_in(block, ss, ps):
            return None
        if si > 0:
            pss, pse = self.sentences(block)[si - 1]
            return self._resolved(self.only_subject(block, pss, pse))
        if prev is not None:
            return self._resolved(self.only_subject(*prev))
        return None

    def _lead_in_speaker(self, block, ss, se, pe):
        """The speaker a possessive in a lead-in belongs to: the name right after the lead-in's
        comma, followed by a verb of saying ("In her opening statement, Beaulieu said"; "Most of
        her constituents, Espinoza said, drive to work"). The possessive stands before a
        lower-case word (not "After meeting her, Smith said": an object), and the lead-in holds no
        quotation, other pronoun, capitalised word, title or person noun (any of them could be its
        owner)."""
        text = block.text
        comma = text.find(", ", pe, min(se, pe + 80))
        if comma < 0 or not _re.match(r"[ \u00a0]+[a-z]", text[pe:pe + 2]):
            return None
        nxt = text[pe:comma].split(None, 1)[0] if text[pe:comma].strip() else ""
        if not nxt or nxt in L.FUNCTION_WORDS and nxt not in _AFTER_POSSESSIVE:
            return None  # (an object: "After giving her the award,"; not "In her first interview,")
        lead = text[ss:comma]
        if any(c.isupper() for c in text[pe:comma]):
            return None  # a capitalised word may be a name the cast does not know ("In her talk with Tremblay,")
        if any(q in lead for q in _QUOTE_CHARS) or "‘" in lead or _pronoun_scan(text[pe:comma]).search(text[pe:comma]) \
                or _PERSON_NOUN_T.on(text).search(text, pe, comma) or self._title_spans_in(block, ss, comma):
            return None
        ents = self.index.get(block.index, ())
        i = bisect.bisect_left(ents, pe, key=_START)
        if i >= len(ents) or ents[i][0] != comma + 2 or ents[i][3] not in ("full", "surname", "title"):
            return None
        v = _VERB_AFTER_T.on(text).match(text, ents[i][1])
        if v is None:
            return None
        if text.startswith(",", v.end()):
            # set off mid-sentence, the speaker leaves the main clause its own subject, which may own
            # the possessive when it is a person ("In her first week, Morrow said, the treasurer had
            # found the card"; not "Most of her constituents, Espinoza said, drive to work")
            rest = text[v.end() + 1:min(se, v.end() + 61)]
            if any(c.isupper() for c in rest) or _TITLE_WORD_HEADS.search(rest.lower()) \
                    or _PERSON_NOUN_T.on(rest).search(rest) or _pronoun_scan(rest).search(rest):
                return None
        return self._resolved(ents[i][2])

    def _title_spans_in(self, block, ss, se) -> bool:
        spans = self._title_spans(block)
        i = bisect.bisect_left(spans, (ss,))
        return i < len(spans) and spans[i][0] < se
    @staticmethod
    def _lead_in_subject(text: str, ss: int, ps: int, pe: int, word: str) -> bool:
        """A subject pronoun after a short lead-in of lower-case words and a comma, before its verb:
        "In a statement released through her attorney, she said". The lead-in holds no person
        noun or title ("After meeting the mayor, she said" may mean either) and no possessive of
        the other gender."""
        if word.lower() not in ("he", "she") or ps - ss > 90 or not _LEAD_IN_OPENER.fullmatch(text, ss, ps):
            return False
        lead = text[ss:ps].lower()
        other = (" his ", " him ") if word.lower() == "she" else (" her ", " hers ")
        if any(o in " " + lead.replace(",", " ") + " " for o in other):
            return False
        own = "her " if word.lower() == "she" else "his "
        for m in _TITLE_WORD_HEADS.finditer(lead):
            if not lead.endswith(own, 0, m.start()):
                return False  # someone else ("after meeting the mayor,"); not "through her attorney,"
        if _PERSON_NOUN_T.on(text).search(text, ss, ps):
            for m in _PERSON_NOUN_T.on(text).finditer(text, ss, ps):
                if not lead.endswith(own, 0, m.start() - ss):
                    return False
        return bool(_VERB_AFTER_T.on(text).match(text, pe) or _AUX_AFTER.match(text, pe))

    def _resolved(self, ent):
        """The person an entity stands for (None for unlinked references)."""
        if isinstance(ent, Person):
            return ent
        if isinstance(ent, _Cand):
            return ent.person or ent
        return None

    def promote(self, c: _Cand) -> Person:
        """A tentative full name that a strong pronoun link showed to be a person."""
        given, surname, core = _split_name(c.text)
        p = self.by_key.get((given.lower(), surname.lower())) or self.new_person(c.text, given, surname)
        p.evidence.add("pronoun")
        p.mentions.append(self.mention_for(c, "full"))
        c.person = p
        # re-point the index entries of this candidate (in its block, at its start) to the person
        ents = self.index.get(c.block, [])
        for i in range(bisect.bisect_left(ents, c.start, key=_START), len(ents)):
            x = ents[i]
            if x[0] != c.start:
                break
            if x[2] is c:
                ents[i] = (x[0], x[1], p, x[3])
        return p

    # -- finishing ---------------------------------------------------------------
    def attach_quotes(self):
        try:
            quotes = self.analysis.quotations
        except Exception:
            return
        spans = None  # (block, bucket) -> [(start, end, rank of the person in self.people)]
        # few mentions: a scan of them all per quotation costs less than an index
        scan = sum(len(p.mentions) for p in self.people) <= 256
        for i, q in enumerate(quotes):
            att = getattr(q, "attribution", None) or q
            s, e = getattr(att, "speaker_start", None), getattr(att, "speaker_end", None)
            b = getattr(att, "block", q.block)
            owner = None
            if s is not None and e is not None and scan:
                owner = next((p for p in self.people for m in p.mentions
                              if m.block == b and m.start < e and s < m.end), None)
            elif s is not None and e is not None:
                if spans is None:
                    spans = {}
                    for rank, p in enumerate(self.people):
                        for m in p.mentions:
                            for k in _buckets(m.start, m.end):
                                spans.setdefault((m.block, k), []).append((m.start, m.end, rank))
                # the first person (in self.people) with a mention overlapping the speaker
                ranks = [rank for k in _buckets(s, e) for ms, me, rank in spans.get((b, k), ()) if ms < e and s < me]
                owner = self.people[min(ranks)] if ranks else None
            if owner is None:
                speaker = getattr(att, "speaker", None)
                if isinstance(speaker, str) and speaker.strip():
                    words = speaker.strip().split()
                    cands = [p for p in self.people if p.surname.lower() == words[-1].lower()
                             or p.name.lower() == speaker.strip().lower()]
                    owner = cands[0] if len(cands) == 1 else None
            if owner is not None:
                owner.quotes.append(i)

    def finish(self):
        order = {b.index: i for i, b in enumerate(self.article.blocks)}
        body_kinds = ("body", "dek", "caption")
        seen_ids: Counter = Counter()
        mentioned = []
        for p in self.people:
            p.mentions.sort(key=lambda m: (order[m.block], m.start))
            if not p.mentions:
                continue
            body = [m for m in p.mentions if self.article.blocks[m.block].kind in body_kinds
                    and m.kind != "pronoun"]
            p._first = body[0] if body else p.mentions[0]
            mentioned.append(p)
        mentioned.sort(key=lambda p: (order[p._first.block], p._first.start))
        for p in mentioned + [k for k in self.cast.known if not k.mentions]:
            base = _known_slug(p.name) if p.known else _slug(p.name)
            seen_ids[base] += 1
            p.id = base if seen_ids[base] == 1 else f"{base}-{seen_ids[base]}"
            if len(p.titles) < 2:
                continue  # (already in order and without duplicates)
            # titles in reading order, without duplicates of the same text
            uniq, keys = [], set()
            for t in sorted(p.titles, key=lambda t: (t.block is None, order.get(t.block, 0), t.start)):
                key = (t.text.lower(), t.position, t.block, t.start)
                if key not in keys:
                    keys.add(key)
                    uniq.append(t)
            p.titles = uniq
        self.cast.people = mentioned
        self.cast.unlinked_pronouns.sort(key=lambda m: (order[m.block], m.start))
        self.cast.title_refs.sort(key=lambda r: (order[r.block], r.start))

    def build(self) -> Cast:
        self.collect_speakers()
        self.seed_known()
        for block in self.blocks:
            if block.kind == "headline":
                continue
            self.find_titled(block)
        for block in self.blocks:
            if block.kind == "headline":
                continue
            self.find_runs(block)
        self.cands.sort(key=lambda c: (c.block, c.start))
        self.resolve_candidates()
        self.link_names()
        self.find_title_refs()
        self.link_pronouns()
        self.attach_quotes()
        self.finish()
        return self.cast


def build_cast(article) -> Cast:
    """The cast of an article (use ``article.analysis.cast``: it is built once and shared)."""
    return _Builder(article).build()


# ---------------------------------------------------------------------------
# The editor's table
# ---------------------------------------------------------------------------

_KIND_LABELS = (("full", "full"), ("surname", "surname"), ("title", "title"), ("pronoun", "pronoun"),
                ("courtesy", "Mr./Ms."), ("first-name", "first name"))


def render_cast(article) -> str:
    """A who's who of the article for editors: titles, first reference, mentions, pronouns, quotes."""
    cast = article.analysis.cast
    if not cast.people and not cast.title_refs:
        return "(no people found)"
    lines = []
    for n, p in enumerate(cast.people, 1):
        lines.append(f"{n}. {p.name}" + ("  [known]" if p.known else ""))
        if p.titles:
            shown = dict.fromkeys(f"{t.text} ({t.position}{', descriptor' if not t.formal else ''})" for t in p.titles)
            lines.append("   titles:   " + "; ".join(shown))
        if p.first is not None:
            w = _where(article, p.first.block, p.first.start, p.first.end)
            written = p.first.text
            if p.first.title is not None and p.first.title.position == "before":
                b = article.blocks[p.first.block]
                written = b.text[p.first.title.start:p.first.end]
            lines.append(f"   first:    {w['line']}:{w['column']}  \"{written}\"  ({p.first.kind})")
        counts = p.mention_counts()
        lines.append("   mentions: " + ", ".join(f"{label} {counts[k]}" for k, label in _KIND_LABELS if counts[k]))
        if p.pronouns:
            ev = Counter(m.evidence for m in p.mentions if m.kind == "pronoun")
            lines.append("   pronouns: " + ", ".join(f"{k} {v}" for k, v in p.pronouns.most_common())
                         + "  (" + ", ".join(f"{k} {v}" for k, v in ev.most_common()) + ")")
        if p.quotes:
            lines.append(f"   quotes:   {len(p.quotes)} (#" + ", #".join(str(i + 1) for i in p.quotes) + ")")
    if cast.title_refs:
        lines.append("")
        lines.append("Title-only references:")
        for r in cast.title_refs:
            w = _where(article, r.block, r.start, r.end)
            if r.person is not None:
                who = f"-> {r.person.name}"
            elif r.candidates:
                who = "ambiguous: " + ", ".join(p.name for p in r.candidates)
            else:
                who = "nobody in the story holds this title"
            lines.append(f"  {w['line']}:{w['column']}  \"{r.text}\"  {who}")
    if cast.unlinked_pronouns:
        he_she = [m for m in cast.unlinked_pronouns if m.pronoun in ("he", "she") and not m.quoted]
        if he_she:
            lines.append("")
            lines.append(f"Pronouns not linked to anyone: {len(he_she)} (he/she outside quotations)")
    return "\n".join(lines)
