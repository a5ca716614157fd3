"""The compiled name, title and pronoun patterns the build stages scan with, and their
stdlib ``re`` twins (``_Twin``, ``_TwinSwitch``, ``prepare_patterns``). Every ``_alt`` named list
and every ``_Twin`` is defined here, so ``_TO_RE_DEPENDS`` (this file) keys the pattern cache
for all of them and ``prepare_patterns`` finds every twin in this module's globals.
"""

from __future__ import annotations

import functools
import re as _re
import sys

from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.cache import remembered as _remembered
from newslint.article import lexicon as L
from newslint.article import twins


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
#: a complement's inner word: also an "and" between capitalised portfolios ("Commissioner of Labor
#: and Industry Joyce Whitaker"; ``_titled_cand`` tells them from a list of people)
_CW_INNER = r"(?:U\.S\.|(?!or\b)(?:and(?=" + _SP + r"+\p{Lu})|(?!and\b)[\w'’\-]+))"
_COMPLEMENT = (r"(?P<comp>" + _SP + r"+(?:of|for|to)" + _SP + r"+(?:the" + _SP + r"+)?(?:" + _CW_INNER + _SP
               + r"+){0,4}?" + _CW + r")")

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
#: a surname set off by a who-clause, then its verb: "Lindqvist, who took up the post in January, said"
_SURNAME_WHO_VERB = _re.compile(r",[ \u00a0]+who[ \u00a0][^,.;:()“”\"\n]{1,80},[ \u00a0]*(?:said|says|told|added|"
                                r"explained|wrote|writes|argued|noted|insisted|warned|stressed)\b")
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

#: a post set off by commas right before a name, lower case: "The union's executive director,| Marcus
#: Bell, said" (``_People.pre_appositive``; searched in the 90 characters before the name)
_PRE_APPOSITIVE = _compile(
    r"(?:(?<=^)|(?<=[.;:!?”\"—–(]\s)|(?<=^[“\"‘]))"
    r"(?:(?P<det>[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:(?P<lposs>[\p{L}.\-]+(?:[ \u00a0][\p{L}\-]+){0,3}['’]s?)\s+)?"
    r"|(?P<poss>(?:U\.S\.|\p{Lu}[\p{L}\-]*)(?:[ \u00a0]\p{Lu}[\p{L}\-]*){0,3}['’]s?)\s+)"
    r"(?P<t>\p{Ll}[\p{Ll}\-]*(?:[ \u00a0]\p{Ll}[\p{Ll}\-]*){0,5}),[ \u00a0]+\Z")

#: a who-clause holding a post: ", who chairs the Tehama County Board of Supervisors" (the verb, then
#: an organisation's capitalised name after "the", or a committee by its field; ``_Builder._who_post``)
_WHO_POST_HEADS = {"chairs": "chair", "heads": "head", "directs": "director", "manages": "manager",
                   "leads": "leader", "coaches": "coach", "edits": "editor", "owns": "owner"}
_WHO_POST = _re.compile(r",[ \u00a0]+who[ \u00a0]+(?P<v>" + "|".join(_WHO_POST_HEADS) + r")[ \u00a0]+the[ \u00a0]+"
                        # (a lower-case level of government first: "the state Public Utilities Commission")
                        r"(?:(?:(?:state|city|county|federal|national|regional)[ \u00a0]+)?"
                        r"(?P<org>[A-Z][A-Za-z\-]*(?:[ \u00a0]+(?:of[ \u00a0]+|and[ \u00a0]+)?[A-Z][A-Za-z\-]*)*)"
                        # or a committee by its lower-case field: "who chairs the commission's budget committee"
                        r"|(?P<committee>(?:[a-z]+['’]s[ \u00a0]+)?[a-z]+[ \u00a0]+(?:sub)?committee))"
                        r"(?=[ \u00a0]*[,;.]|[ \u00a0]+(?:and|since|for|in|until)[ \u00a0])")

# a capitalised word of a title-only reference's complement: a full stop only inside it ("U.S."),
# never the sentence's ("the Sultan of Brunei. He": the complement is "of Brunei"), or "St."
_COMP_WORD = r"(?:St\.|\p{Lu}(?:[\w\-]|\.(?=\w))*(?:(?<=\.\w)\.)?)"
# "and", or a known given name before another capitalised word (``_list_or_name``: the given names
# are looked up in a set; as an alternation the pattern's re twin took ~35 ms to compile)
_AND_WORD = _re.compile(r"\band\b")
_CAP_WORD_THEN_CAP = _re.compile(r"\b([A-Z][a-z'’\-]*)[ \u00a0]+(?=[^\W\d_])")  # (the given names are ASCII)


def _joined_portfolios(title: str, phrase: str) -> bool:
    """A plain cabinet-style title whose complement is two capitalised words joined by "and", the
    second no given name: "Commissioner of Labor and Industry", "Secretary of Energy and Mines"
    (one portfolio, not a list of people). Longer complements, ranks and hyphenated heads are left
    to the long-title rule's own readings ("Secretary of Health and Human Services", "Senior Vice
    President for Operations and Safety")."""
    words = phrase.split()
    if len(words) != 4 or words[0] not in ("of", "for") or words[2] != "and" or "-" in title:
        return False
    if not (words[1][:1].isupper() and words[3][:1].isupper()) or words[3].lower() in L.GIVEN_NAMES:
        return False
    return not any(w in L.RANK_MODIFIERS or w in L.OTHER_MODIFIERS for w in title.lower().split())


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
#: a verb in the past tense after a subject ("The board president took command of ...")
_PAST_AFTER = _re.compile(r"[ \u00a0]+(?:also[ \u00a0]+)?(?:[a-z]{2,}ed|took|made|gave|led|ran|went|came|left|won|lost|met|"
                          r"sent|began|became|held|kept|brought|bought|built|paid|spent|wrote|sold|signed)(?![\w\-])")
_AUX_AFTER = _re.compile(r"[ \u00a0]+(?:(?:also|later|then|again|\w+ly)[ \u00a0]+)?(?:is|was|has|had|would|will|"
                         r"could|can|did|does|declined|refused|should|must|may|might)\b")
#: a who-clause set off by commas, with no other clause break or quotation in it: ", who flew in from
#: Washington on Monday night and spent the morning in a helicopter,"
_WHO_ASIDE = _re.compile(r",[ \u00a0]+who[ \u00a0][^,;:“”\"]{1,200},")
#: the same aside with "whose" too, then a lower-case word: a subject opening its sentence ("The dean,
#: whose lab produced the images, joined ...")
_WHOSE_ASIDE_THEN_WORD = _re.compile(r",[ \u00a0]+whose?[ \u00a0][^,;:“”\"]{1,200},[ \u00a0]+[a-z]")
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
#: from a name to a pronoun opening the that-clause of its verb of saying, with the person's own
#: appositive (``app``) before the verb or an occasion or audience after it: "Marcus Delaney, Prairie
#: Crest's chief executive, said in a letter to employees that her", "Pike told reporters that he"
_SAID_WHERE_THAT = _re.compile(
    r"(?:,[ \u00a0]+(?P<app>[^,;:“”\"()]{2,80}),)?[ \u00a0]+(?:(?:also|later|then)[ \u00a0]+)?"
    r"(?:(?:said|says|wrote|writes)(?:[ \u00a0]+(?:in|at|on|during|to|before)[ \u00a0]+[^,;:“”\"()]{1,60}?"
    # (or a bare day: "said Tuesday that he")
    r"|[ \u00a0]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[ \u00a0]+(?:morning|afternoon|evening|night))?)?"
    r"|(?:told|tells)[ \u00a0]+[^,;:“”\"()]{1,60}?),?[ \u00a0]+that[ \u00a0]+$")
#: from a name to a pronoun right after its verb of saying, with an appositive between that is the
#: person's own post: "Dr. Priya Raman, St. Adalbert’s chief medical officer, said she" (as firm as
#: "NAME said she"; the caller checks that the appositive is one of the person's titles)
_APP_SAID = _re.compile(r",[ \u00a0]+(?:(?:the|a|an)[ \u00a0]+)?(?P<app>[^,;:“”\"()]{2,80}),[ \u00a0]+"
                        r"(?:(?:also|later|then)[ \u00a0]+)?(?:said|says)[ \u00a0]+(?:that[ \u00a0]+)?$")
#: a who-clause of any content set off by commas, then the verb of saying whose subject is the
#: mention before it: "the foreign secretary, who flew in a day ahead of Whitcombe, said he", "Natarajan,
#: a former human rights lawyer who entered Parliament in 2015, said she"
_WHO_ASIDE_SAID = _re.compile(r",[ \u00a0]+(?:(?:an?|the)[ \u00a0][^,;:“”\"()]{1,80}?[ \u00a0])?who(?:se)?[ \u00a0]+[^,;:“”\"()]{1,160},[ \u00a0]+(?:(?:has|had|also)[ \u00a0]+)?"
                              r"(?:said|says)[ \u00a0]+(?:that[ \u00a0]+)?")
#: the capitalised words completing an organisation's short name ("St. Brendan" + " Medical Center")
_FULL_ORG_NAME = _re.compile(r"[ \u00a0]+((?:[A-Z][a-z]+[ \u00a0]+){0,2}[A-Z][a-z]+)(?![\w\-'’])")
#: what an organisation's full name ends in -> the common noun a story calls it by
_ORG_NAME_NOUNS = {"medical center": "hospital", "medical centre": "hospital", "hospital": "hospital",
                   "university": "university", "college": "college", "school": "school", "company": "company",
                   "bank": "bank", "church": "church", "museum": "museum", "library": "library",
                   "clinic": "clinic", "foundation": "foundation", "union": "union", "airline": "airline",
                   "airlines": "airline", "club": "club", "council": "council", "board": "board"}
#: between a name and a post its who-clause gives the person: ", who has been ", ", who was named "
_OWN_POST_WHO = _re.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had)[ \u00a0]+been|is|was|became|"
                            r"(?:has|had)[ \u00a0]+served[ \u00a0]+as|serves[ \u00a0]+as|served[ \u00a0]+as|"
                            r"(?:is|was|has[ \u00a0]+been)[ \u00a0]+(?:named|appointed))[ \u00a0]+(?:also[ \u00a0]+)?")
#: "a"/"an" right before a capitalised run: a make or model ("a Black Hawk helicopter"), not a person
_INDEFINITE_BEFORE = _re.compile(r"(?<![\w'’\-])(?:[Aa]|[Aa]n)[ \u00a0]$")
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
                              r"(?:(?:In|At|On|After|Before|During|Asked|Speaking|Through|Earlier|Later|Since|Until)"
                              r"(?:[ \u00a0]+[a-z0-9][a-z0-9'’\-]*){1,10},[ \u00a0]+"
                              # a day, with or without a comma: "On Tuesday he described", "Late Monday, she"
                              r"|(?:(?:On|Late|Early|By)[ \u00a0]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                              r"Sunday)(?:[ \u00a0]+(?:morning|afternoon|evening|night))?,?[ \u00a0]+)")
#: (not before an inanimate noun it modifies: "signed the guest book", "student loans", "voter turnout")
_PERSON_NOUN = _compile(r"\b(?i:" + _alt(L.PERSON_NOUNS) + r")\b(?![ \u00a0]+(?i:"
                        + _alt(L.PERSON_NOUN_COMPOUND_HEADS) + r")(?![\w\-]))")
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


_NAME_HEAD_OK = regex.compile(r"(?<![\w\-])")
_NAME_TAIL_OK = regex.compile(r"(?![\w\-])(?!['’](?!s)\p{L})")
_SPACE_RUN = _re.compile(r"[ \u00a0]+")
_NAME_HEAD_OK_T, _NAME_TAIL_OK_T = _Twin(_NAME_HEAD_OK), _Twin(_NAME_TAIL_OK)
