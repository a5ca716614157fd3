"""Small text tests the build stages take as evidence: whether a word speaks alone, a
pronoun is an object, a title is written before a name, a person noun is singular, and the
patterns they use.
"""

from __future__ import annotations

import re as _re

from newslint.cache import longest_first as _longest_first
from newslint.article import lexicon as L
from newslint.article.cast.model import Title
from newslint.article.cast.patterns import (
    _CAP_WORD_BEFORE, _ORG_WORD_AFTER_T, _PERSON_NOUN_T, _SAID_BEFORE, _SURNAME_VERB, _SURNAME_WHO_VERB, _WHO_CLAUSE,
)
from newslint.article.cast.titles import parse_title
from newslint.article.cast.names import _is_demonym, _split_name


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
#: an appositive describing the name before it with the place they come from and a who-clause about
#: them, or either: ", a former circuit judge from Bowling Green who has led the court since 2021,"
#: (the head noun is the person; the place is capitalised, the clause all lower case); or the same
#: up to a pronoun inside its who-clause: ", a former university economist who is in| her second year"
_OWN_WHO_APPOSITIVE = _re.compile(
    r",[ \u00a0]+an?[ \u00a0]+(?:(?!(?:of|for|to|with|at|in|on|and|or|who|whose|whom|his|her|their|from)[ \u00a0,])"
    r"[a-z][\w\-]*[ \u00a0]+){0,4}(?P<head>[a-z][a-z\-]+)"
    r"(?:[ \u00a0]+from[ \u00a0]+(?P<place>[A-Z][a-z\-]+(?:[ \u00a0]+[A-Z][a-z\-]+){0,2}))?"
    r"(?:[ \u00a0]+who[ \u00a0](?P<who>[^,;:“”\"A-Z()]{1,80}?))?(?P<close>,|[ \u00a0]$)")


def _own_who_appositive(text: str, start: int, end: int):
    """The subject's own appositive between ``start`` (right after the name) and ``end`` (a
    pronoun) with a place of origin or a who-clause (``_OWN_WHO_APPOSITIVE``), or None: its
    who-clause names no person ("who has led the court since 2021"; not "who worked for the
    mayor"), and a who-clause reaching the pronoun ends right before it."""
    if "who" not in text[start:end] and "from" not in text[start:end]:
        return None  # (cheap test first)
    m = _OWN_WHO_APPOSITIVE.match(text, start, end)
    if m is None or (m.group("place") is None and m.group("who") is None):
        return None
    if m.group("close") != "," and m.group("who") is None:
        return None  # (only a who-clause may reach the pronoun: ", a lawyer from| his ...")
    who = m.group("who")
    if who is not None and (_PERSON_NOUN_T.on(text).search(who) or not L.TITLE_HEADS.isdisjoint(who.split())
                            or not L.OCCUPATIONS.isdisjoint(who.split())):
        return None
    if m.group("head") not in L.PERSON_NOUNS and m.group("head") not in L.OCCUPATIONS \
            and m.group("head") not in L.TITLE_HEADS and m.group("head") not in L.WEAK_REF_HEADS:
        return None  # (the head names what the person is: "a former circuit judge", "economist")
    return m


#: a person noun nobody is meant by ("like any other defendant", "no parent")
_ANY_PERSON = _re.compile(r"\b(?:[Aa]ny|[Ee]very|[Ee]ach|[Nn]o)[ \u00a0]+(?:other[ \u00a0]+)?[\w\-]+")
_APPOSITIVE_FIRST = _re.compile(r"^,[^,;:]{1,60},")
_COMMA_THEN = _re.compile(r",[ \u00a0]+")
_REF_TAIL = _re.compile(r"[ \u00a0]+(?:(?:to|at|in)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w.\-]*(?:[ \u00a0]+[A-Z][\w.\-]*){0,3}"
                       # (a lower-case portfolio: "Canada's minister| of international trade, Helena Marchetti")
                       r"|(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?[a-z]+(?:[ \u00a0]+[a-z]+){0,2})(?=,)")
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


def _speaks_alone(text: str, word: str, who: bool = False) -> bool:
    """``word`` stands alone (not after another capitalised word but "Mr", "Dr") as the speaker
    of an attribution somewhere in ``text``: "Safadi said", "said Safadi."; with ``who`` also
    "Safadi, who took up the post in January, said"."""
    n = len(word)
    i = text.find(word)
    if i < 0 or text.find(word, i + n) < 0:
        return False  # (once: the candidate itself)
    while i >= 0:
        j = i + n
        if not (i and (text[i - 1].isalnum() or text[i - 1] in "'’-.")) and not (text[j:j + 1].isalnum()):
            if (_SURNAME_VERB.match(text, j) or who and text[j:j + 1] == "," and _SURNAME_WHO_VERB.match(text, j)) \
                    and not _CAP_WORD_BEFORE.search(text, max(0, i - 40), i):
                return True  # (``who``: "Lindqvist, who took up the post in January, said")
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
