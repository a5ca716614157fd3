"""``long-title``: a title of four or more content words before a name."""

from __future__ import annotations

import re
from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.article import lexicon as L
from newslint.kinds.base import (CheckContext, Hit, Option, RuleKind, article_letter_runs, article_text,
                                  letter_runs)
from newslint.news.titles.common import _SMALL, _WORD_RE, lower_title, sentence_span, title_case_line, title_core_start
from newslint.news.titles.posts import _CAP_WORD_BEFORE, _NOT_NAME_LEADS
from newslint.news.titles.case import _DET_BEFORE
from newslint.news.titles.references import _A_BEFORE

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


def _words_back(text: str, ss: int, end: int, accept, sep: str = " ") -> list:
    """The words joined by single spaces that end right before ``end`` (a name), read backwards
    to punctuation, the sentence start or a word ``accept(word, opens_sentence, words_read)``
    refuses; each ``(start, end, word)``, in reading order. ``sep`` is what stands right
    before ``end`` (a space, or the comma inside a series)."""
    words = []
    pos = end
    while pos > ss and len(words) < 24:
        if text[pos - 1] != (sep if not words else " "):
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


def _caps_series_run(text: str, ss: int, end: int):
    """``_caps_run``, going on back over a comma inside a series that "and" ends: "Commissioner
    for Political Affairs, Peace and Security| Kwame Asante" (each ``(start, end, word)``)."""
    words = _caps_run(text, ss, end)
    while words and words[0][0] - 2 > ss and text[words[0][0] - 2:words[0][0]] == ", " \
            and text[words[0][0] - 3].isalpha() and any(w == "and" for _, _, w in words):
        comma = words[0][0] - 2
        before = _words_back(text, ss, comma + 1, lambda word, first, n, at: word[0].isupper() or word in _RUN_SMALL,
                             sep=",")
        while before and before[0][2] in _RUN_SMALL:
            before.pop(0)
        if not before:
            break
        words = before + words
    return words


def _ranked_compound(word: str) -> bool:
    """A rank joined by hyphens to a title head in one word: "under-secretary-general",
    "vice-chancellor", "deputy-director" (a ranked post, as "deputy director" is); or two heads
    so joined, "director-general" (a post above its heads, as a ranked one is)."""
    rank, _, rest = word.partition("-")
    return bool(rest) and (rank in L.RANK_MODIFIERS or rank in L.TITLE_HEADS) and rest in L.TITLE_HEADS


#: a jurisdiction between a rank and its head: "Assistant City Manager", "Deputy County Executive"
_JURISDICTION = frozenset("city county state town village borough district municipal regional".split())


def long_caps_title(text: str, ss: int, name_start: int):
    """A long capitalised title with a rank before its head and an of/for complement with "and",
    before a name, that the cast does not parse ("Associate Vice President for Academic Affairs and
    Workforce Development Carlos Mendez"): ``(start, end, content words)`` or None. A rank
    (associate, assistant, deputy, vice ...) leads the head, or the complement alone has three
    content words ("European Commissioner for Home Affairs and Migration Henrik Dahl"): a cabinet
    title with a short one stays ("Secretary of Energy and Mines Ana Ruiz")."""
    if " and " not in text[max(ss, name_start - 160):name_start]:
        return None
    words = _caps_series_run(text, ss, name_start)
    low = [w.lower() for _, _, w in words]
    n = len(low)
    for i in range(n):
        head = next((h for h in _RUN_HEAD_FIRST.get(low[i], ()) if low[i:i + len(h)] == h), None)
        ranked = head is None and _ranked_compound(low[i])  # "Under-Secretary-General for ..."
        if ranked:
            head = [low[i]]
        elif head is None:
            continue
        j = i + len(head)
        if j >= n or low[j] not in ("of", "for") or "and" not in low[j:]:
            continue
        k = i
        while k > 0 and (low[k - 1] in L.RANK_MODIFIERS or low[k - 1] in L.OTHER_MODIFIERS
                         or k == i and low[k - 1] in _JURISDICTION and k > 1 and low[k - 2] in L.RANK_MODIFIERS):
            k -= 1
        if k == i and i > 0 and low[i - 1] in L.TITLE_HEADS:
            k -= 1  # "Director General of ...": two heads, one post (as "Director-General")
            ranked = True
        mods = [w for w in low[k:i] if w in L.RANK_MODIFIERS]
        comp = low[j:]
        last = 0
        if len(comp) > 3 and comp[-2] == "and" and comp[-1] in L.TITLE_HEADS:
            # two posts joined, the second a bare head right before the name: "Vice President for
            # Academic Affairs and Provost Laura Kim" (not a person and another's post: "Secretary of
            # Transportation Elizabeth Dole and President Reagan")
            if any(w in L.GIVEN_NAMES for w in comp[:-2]):
                return None
            comp, last = comp[:-2], 1
        if not mods and not ranked and len([w for w in comp if w not in _RUN_SMALL]) < 3 - last:
            return None
        if ranked and k == 0 and _RUN_DET_BEFORE.search(text, max(ss, words[0][0] - 12), words[0][0]):
            return None  # "the Under-Secretary-General for ...": a description
        if comp[-1] in _RUN_SMALL or any(w in _VERBISH or w in L.TITLE_HEADS or w.endswith(("'s", "’s"))
                                         for w in comp):
            return None
        count = len(low[k:i]) + len(head) + len([w for w in comp if w not in _RUN_SMALL]) + last
        return words[k][0], words[-1][1], count
    return None


def _lower_but_proper(title: str) -> str:
    """A capitalised title lower-cased for use after the name, but for its nationalities and
    places ("Director-General of the Asian Affairs Bureau" -> "director-general of the Asian
    affairs bureau")."""
    return " ".join(w if w.lower() in L.NATIONALITIES or w.lower() in L.PLACES else w.lower()
                    for w in title.split(" "))


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
        "min_stack_words": Option("int", default=5, doc="content words of an organisation's name and a title "
                                                        "stacked before a name that make the stack long "
                                                        "(0: never judged)"),
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

    def _post_runs(self, analysis, scope, found):
        """``post_run_title`` before each full name the other readings left alone."""
        min_words = self.options["min_words"]
        article = analysis.article

        def common(word):  # the story writes the word in lower case ("bond" for "Bond strategist")
            return (" " + word + " ") in article_text(article)
        for person in analysis.cast.people:
            for m in person.mentions:
                if m.kind != "full" or m.quoted or (m.block, m.start) in found:
                    continue
                block = scope.get(m.block)
                if block is None or m.start < 12:
                    continue
                text = block.text
                if text[m.start - 1] != " " or not text[m.start - 2].isalpha():
                    continue  # a word right before the name, or no post
                window = text[max(0, m.start - 160):m.start]
                if " of " not in window and " for " not in window and " at " not in window \
                        and " with " not in window and " to " not in window:
                    continue  # (a cheap test: no complement, no post)
                if _CAP_AFTER.match(text, m.end) and not _name_starts_clear(person):
                    continue  # "firm Trend Micro Todd Thiemann": the cast's "name" is the firm's
                parts = text[m.start:m.end].split()
                if len(parts) > 2 and parts[0].lower() not in L.GIVEN_NAMES and any(
                        w.lower() in L.GIVEN_NAMES for w in parts[1:-1]):
                    continue  # "Gerrard Simon Rubinsohn": a firm's name run into the person's (read below)
                ss, se = sentence_span(analysis, block, m.start)
                run = post_run_title(text, ss, m.start, min_words, common)
                if run is None:
                    continue
                start, end, n, head = run
                if title_case_line(text, ss, se):
                    continue  # a crosshead or a menu
                title, name = text[start:end], text[m.start:m.end]
                opening = _opening_capital(title)
                found.add((block.index, m.start))
                yield Hit(block, start, m.end, args={"title": title, "words": n, "name": name},
                          suggestion=f"{name}, {title[0].lower() + title[1:] if opening else title},")

    def _org_stacks(self, analysis, scope, found):
        """``org_stack_title`` before each full name the readings above left alone ("Harlow Springs
        Police Officers Association President Thomas Brandt said"): one with a known given name, or
        one the cast read a title right before (either way the name starts where the stack ends)."""
        min_words = self.options["min_stack_words"]
        cast = analysis.cast
        for person in cast.people:
            known = bool(person.given) and person.given.split()[0].lower() in L.GIVEN_NAMES
            for m in person.mentions:
                if m.kind != "full" or m.quoted or (m.block, m.start) in found:
                    continue
                block = scope.get(m.block)
                if block is None:
                    continue
                name_start = m.start
                if not known and m.title is None:
                    # (the name must start where the organisation's ends: a known given name, or a
                    # title the cast read right before it; or a known given name inside the run the
                    # cast took for the name, the post's words before it: "Supervisory Investigator
                    # Samuel Ortega")
                    name_start = _given_inside(block.text, m)
                    if name_start is None:
                        continue
                if name_start < 12 or block.text[name_start - 1] != " " \
                        or not block.text[name_start - 2].isalpha():
                    continue
                text = block.text
                ss, se = sentence_span(analysis, block, name_start)
                run = org_stack_title(text, ss, name_start, min_words)
                if run is None or title_case_line(text, ss, se):
                    continue
                start, head, n = run
                if any(x.block == m.block and start <= x.start < m.start for p in cast.people for x in p.mentions):
                    continue  # another person's name inside: a list ("Labour leader Tony Blair and ...")
                title, name = text[start:name_start - 1], text[name_start:m.end]
                found.add((block.index, m.start))
                org, post = text[start:head].rstrip(), lower_title(text[head:name_start - 1])
                if post.startswith("chief ") or post[:1].isupper() and all(
                        w[:1].isupper() and not w.isupper() and w.lower() not in L.NATIONALITIES for w in post.split()):
                    post = post.lower()  # a trade under "Chief": "chief bridge engineer"; "supervisory investigator"
                if any(f" {w} " in f" {post} " for w in ("of", "for", "to", "at")):
                    suggestion = f"{name}, {org} {post},"  # (the post has its own complement)
                elif org.split()[-1].lower() in _STACK_ORG_ENDS or " of " in org and \
                        org.split(" of ")[0].split()[-1].lower() in _STACK_ORG_ENDS:
                    # ("chief bridge engineer of the Pennsylvania Department of Transportation")
                    suggestion = f"{name}, {post} of the {org},"
                else:
                    suggestion = f"{name}, {post} at {org},"
                yield Hit(block, start, m.end, args={"title": title, "words": n, "name": name},
                          suggestion=suggestion)

    def _post_runs_in_text(self, analysis, scope, found):
        """``post_run_title`` before a known given name and a surname after a post's head and its
        preposition, where the cast read no name or a longer one ("said analyst at Calyon
        Securities Ray Neidl", "Chief economist at Gerrard Simon Rubinsohn said")."""
        article = analysis.article
        if article_letter_runs(article).isdisjoint(POST_HEADS):
            return  # (one set test for most articles)
        min_words = self.options["min_words"]
        done = {(b, s) for b, s in found}

        def common(word):
            return (" " + word + " ") in article_text(article)
        for block in scope.values():
            if letter_runs(article, block).isdisjoint(POST_HEADS):
                continue
            text = block.text
            for h in _PREP_RE.finditer(text):  # (a preposition, then a set test on the word before it)
                word = text[text.rfind(" ", 0, h.start()) + 1:h.start()].lstrip("\"“‘'(")
                if word.lower() not in POST_HEADS:
                    continue
                ss, se = sentence_span(analysis, block, h.start())
                m = next((g for g in _GIVEN_SURNAME.finditer(text, h.end(), min(se, h.end() + 160), overlapped=True)
                          if g.group(1).lower() in L.GIVEN_NAMES), None)
                if m is None or (block.index, m.start()) in done or any(
                        b == block.index and m.start() <= s < m.end() for b, s in done):
                    continue
                done.add((block.index, m.start()))
                if analysis.in_quote(block, m.start(), m.end()):
                    continue
                run = post_run_title(text, ss, m.start(), min_words, common)
                if run is None or title_case_line(text, ss, se):
                    continue
                start, end, n, head = run
                title, name = text[start:end], m.group()
                opening = _opening_capital(title)
                found.add((block.index, m.start()))
                yield Hit(block, start, m.end(), args={"title": title, "words": n, "name": name},
                          suggestion=f"{name}, {title[0].lower() + title[1:] if opening else title},")

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
                    elif n == 1 and t.capitalized and block.text[max(0, t.start - 4):t.start] == "and ":
                        # "Vice President for Academic Affairs and Provost Laura Kim": a capitalised
                        # post with its complement, "and", then the head the cast took for the title
                        ss = sentence_span(analysis, block, t.start)[0]
                        run = long_caps_title(block.text, ss, t.end + 1)
                        if run is not None and run[1] == t.end:
                            first_post = (run[0], run[2] - n)
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
                suggestion = f"{name}, {_lower_but_proper(title) if first_post is not None and t.capitalized else lower_title(title, [w for q in t.qualifiers for w in q.split()])},"
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
                          suggestion=f"{name}, {title if org else _lower_but_proper(title) if caps else lower_title(title)},")
        # any post of four or more words right before a full name that opens its clause ("said
        # economist at Deutsche Bank David Naude", "Spokesman for the show Philip Rinaldi said"),
        # whatever its head and complement, when no reading above judged the name
        yield from self._post_runs(analysis, scope, found)
        yield from self._post_runs_in_text(analysis, scope, found)
        if self.options["min_stack_words"]:
            yield from self._org_stacks(analysis, scope, found)
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


# -- any post set before a name --------------------------------------------------------------
# The general reader behind the shape-by-shape ones above: a post is a head (any title or
# occupation: spokesman, head, founder, economist, analyst, member, chairman ...) with the
# lower-case modifiers in front of it ("chief currency strategist") and a complement after it
# ("of"/"for"/"at"/"with"/"to" + an organisation, a place, a field: "at HSBC in London", "for the
# show", "of UK equities for Standard Life Investments"). Four or more words of it right before a
# person's name, opening its clause (the sentence start, a comma, a colon, or a verb of saying:
# "said economist at Deutsche Bank David Naude"), make a long title, whatever the words are.

#: the head of a post: the last word of any title or occupation, and posts the lexicon lacks
POST_HEADS = frozenset(
    w for h in L.TITLE_HEADS | L.OCCUPATIONS for w in h.split()[-1:]
    if w not in L.FUNCTION_WORDS) - L.words(
    "opposition tennis star veteran rival challenger incumbent nominee candidate counterpart student "
    "model host player leader general major deputy lady house staff exchequer state security "
    "justice prince princess king queen emperor empress pope emir sultan sheikh") | L.words(
    "partner member lecturer executive official curator trustee fellow organiser organizer "
    "researcher chief head founder co-founder chair director economist counsel investigator coordinator "
    "ombudsman liaison steward")
#: posts AP writes before a name, capitalised, whatever their length ("Secretary of State Antony
#: Blinken", "Director of National Intelligence Avril Haines", "Chairman of the Joint Chiefs of
#: Staff"): silent when the complement names only the office's body or portfolio
FORMAL_POST_HEADS = L.words(
    "secretary minister undersecretary under-secretary chancellor speaker governor president premier "
    "attorney solicitor surgeon justice judge mayor senator representative ambassador commissioner "
    "administrator director chairman chairwoman chair chief envoy archbishop bishop cardinal "
    "superintendent commander marshal admiral colonel captain lieutenant sergeant inspector constable")
_POST_PREPS = frozenset(("of", "for", "at", "with", "to"))
#: small words inside a complement ("at the University of Lille", "in New York", "Standard & Poor's")
_COMPLEMENT_SMALL = frozenset(("of", "for", "the", "at", "in", "on", "and", "to", "with", "de", "du", "des",
                               "la", "le", "van", "von", "der", "&"))
#: a clause, not a post: a verb or a word that opens one
_CLAUSE_WORDS = (L.FUNCTION_WORDS - _COMPLEMENT_SMALL) | L.ATTRIBUTION_VERBS | L.words(
    "who which that whose is was are were has have had be been will would can could")
_POST_TOKEN = regex.compile(r"(?:[\p{L}\d][\p{L}\d'’.\-]*|&)(?= )")
#: where a post may open: the clause start (after punctuation) or a verb of saying
_POST_OPENERS = L.ATTRIBUTION_VERBS | frozenset(("according",))
#: words before a post that make the post and the name after it their object, as a verb of saying
#: does: "referred to| senior director of ... Leticia Barrow", "met with| deputy director for ..."
_OBJECT_OPENERS = frozenset("to with by from met thanked joined named appointed hired introduced is was".split())
# ("is"/"was": "At the center of the audit is Vice President for ... Gregory Lyle", before a known given name)
#: the complement gives a field or an organisation, not only a portfolio ("secretary of state")
_MODIFIER_WORDS = L.RANK_MODIFIERS | L.OTHER_MODIFIERS | POST_HEADS
_CAP_AFTER = regex.compile(r"[ \u00a0]+\p{Lu}")
_CAP_BEFORE_COMMA = regex.compile(r"\p{Lu}[\p{L}'’.\-]*$")
_PORTFOLIO_WORDS = L.PORTFOLIOS | L.words("national intelligence homeland security affairs the")


#: an organisation's possessive may open a post of at least this many words ("Keystone Unity’s senior
#: vice president for digital security ... Gregory Tan"); a shorter one is a description ("Spain's
#: minister of sport")
_OWNED_MIN_WORDS = 6
#: a capitalised qualifier by initials that may open a post ("U.N.", "U.S.", "EU")
_ABBREVIATED_QUALIFIER = regex.compile(r"(?:\p{Lu}\.){2,3}|\p{Lu}{2,3}")


def _opening_capital(title: str) -> bool:
    """The post's capital is the sentence's, not a name's: lower-case it after the name
    ("Spokesman for ..."; not "Keystone Unity’s senior vice president ...")."""
    words = title.split()
    return title[:1].isupper() and title[1:2].islower() and not words[0].endswith(("'s", "’s")) \
        and not (len(words) > 1 and words[1][:1].isupper())


def _plain_modifier(word: str) -> bool:
    """A lower-case word that can modify a post's head ("humanitarian", "deputy"), not a clause word."""
    lw = word.lower()
    return word[:1].islower() and lw not in _CLAUSE_WORDS and lw not in _COMPLEMENT_SMALL \
        and not lw.endswith(("'s", "’s", "'", "’"))


def _clause_cut(text: str, ss: int, name_start: int) -> int:
    """Where the words right before a name start: after the last punctuation mark between the
    sentence start and the name (a comma, a colon, a bracket, a quotation mark, a dash)."""
    return max(ss, *(text.rfind(c, ss, name_start) + 1 for c in ",;:()\"“”–—"))


#: a dateline opening the lede: "NEW LONDON, Conn. (AP) — ", "WASHINGTON — ", "LONDON (Reuters) - "
_DATELINE = regex.compile(r"[ \u00a0]*(?:\p{Lu}{2,}[\p{Lu} .'’\-]*(?:,[ \u00a0]+\p{Lu}[\p{L}.]*(?:[ \u00a0]+\p{Lu}[\p{L}.]*)?)?"
                          r"(?:[ \u00a0]+\([^()\n]{1,40}\))?"
                          # (after a state's abbreviation the sentence splitter may have ended: "(AP) — ")
                          r"|\([^()\n]{1,40}\))[ \u00a0]*[—–-]{1,2}[ \u00a0]*")


def _past_dateline(text: str, ss: int, cut: int) -> int:
    """The sentence's start past a dateline that ends right where the words before a name start
    (the lede's clause starts after it), else ``ss``."""
    if cut > ss and text[cut - 1] in "—–-" and _DATELINE.fullmatch(text, ss, cut) is not None:
        return cut
    return ss


#: the words before a capitalised head that belong to the post ("Vice President", "Special Investigator")
_CAPITAL_MODIFIERS = L.RANK_MODIFIERS | L.OTHER_MODIFIERS


def post_run_title(text: str, ss: int, name_start: int, min_words: int = 4, common=None):
    """A post of ``min_words`` or more words right before a name (``name_start``):
    ``(start, end, words, head)`` or None. Reads the words back from the name to punctuation or
    the sentence start; the post is the last head followed by of/for/at/with/to, the lower-case
    modifiers before it (any case when it opens the sentence) and everything after it up to the
    name. Silent when anything but a verb of saying, or a word that makes the post and name its
    object ("referred to", "met with", "appointed by"; ``_OBJECT_OPENERS``), precedes it ("the",
    "a", a possessive: a description, unless "the" and a lower-case noun's possessive after such a
    word, "referred to the company’s senior director of ..."; "and": a list), when the complement
    holds a clause word or another person's post, and for a capitalised formal office whose
    complement is its portfolio or body ("Secretary of State Antony Blinken", "Director of
    National Intelligence Avril Haines").
    A capitalised word opening the sentence is a modifier of the post only when it is a rank or
    ``common(word)`` says the story writes it in lower case ("Bond strategist at ..."; not
    "Bath director of rugby"); no possessive ("Spain's minister of sport": a description), and
    not after a comma that follows a capitalised word (another name's appositive: "Tom Hale,
    economist at brokers James Capel")."""
    cut = _clause_cut(text, ss, name_start)
    if cut > ss and text[cut - 1] in ",(" and (cap := _CAP_BEFORE_COMMA.search(text, max(ss, cut - 40), cut - 1)) \
            and text[ss:cut - 1].strip(" \"“‘'(").count(" ") > 0 \
            and cap.group().lower() not in L.WEEKDAYS and cap.group().lower() not in L.MONTHS:
        # "Tom Hale, economist at brokers James Capel": another name's appositive (not a lead-in
        # ending at a day: "In a letter to staff Sunday, vice president for ...")
        return None
    while cut < name_start and text[cut] in " \u00a0'‘’":
        cut += 1
    tokens = [(m.start(), m.end(), m.group()) for m in _POST_TOKEN.finditer(text, cut, name_start)]
    if len(tokens) < min_words - 1 or tokens[-1][1] != name_start - 1:
        return None
    for a, b in zip(tokens, tokens[1:]):
        if text[a[1]:b[0]] != " ":
            return None  # not one run of words
    low = [w.lower() for _, _, w in tokens]
    n = len(tokens)
    h = next((i for i in range(n - 2, -1, -1) if low[i + 1] in _POST_PREPS and low[i] in POST_HEADS
              and (tokens[i][2][:1].islower() or i == 0 or tokens[i - 1][2][:1].isupper()
                   and (i == 1 or low[i - 1] in POST_HEADS or low[i - 1] in _CAPITAL_MODIFIERS)
                   # (a capitalised post joined by "and" before it: "Senior Partner and| Head of ...")
                   or i > 1 and low[i - 1] == "and" and tokens[i - 2][2][:1].isupper() and low[i - 2] in POST_HEADS)),
             None)
    if h is None:
        return None
    k = h  # modifiers: lower-case words before the head (any case at the clause start)
    while k > 0 and low[k - 1] not in _CLAUSE_WORDS and low[k - 1] not in _COMPLEMENT_SMALL and h - k < 3 \
            and not low[k - 1].endswith(("'s", "’s", "'", "’")) and (
            tokens[k - 1][2][:1].islower() or k == 1 and tokens[0][0] == cut and (
                low[0] in _MODIFIER_WORDS or common is not None and common(low[0]))
            # a capitalised rank before a capitalised head: "is Vice President for ...", "by Special
            # Investigator for ..."
            or k == h and low[k - 1] in _CAPITAL_MODIFIERS and tokens[h][2][:1].isupper()):
        k -= 1
        if k > 1 and low[k - 1] == "and" and _plain_modifier(tokens[k - 2][2]):
            k -= 1  # two modifiers of one head: "resident and humanitarian coordinator for Sudan"
    caps_pair = tokens[k - 2][2][:1].isupper() and tokens[h][2][:1].isupper() if k > 1 else False
    if k > 1 and low[k - 1] == "and" and low[k - 2] in POST_HEADS and (tokens[k - 2][2].islower() or caps_pair):
        # a first post of the same person, joined by "and", opening the clause: "jail administrator
        # and chief of detention services Troy Bennett" (its lower-case modifiers, at most two), or
        # both capitalised: "Senior Partner and Head of Competition Law at Lyle & Partners" (a rank
        # before the first)
        first = k - 2
        while first > 0 and k - 2 - first < 2 and (
                tokens[first - 1][2].islower() and tokens[first - 1][2].isalpha()
                and low[first - 1] not in _CLAUSE_WORDS and low[first - 1] not in _COMPLEMENT_SMALL
                or caps_pair and low[first - 1] in _CAPITAL_MODIFIERS):
            first -= 1
        if first == 1 and k - 2 - first < 2 and tokens[0][0] == cut and tokens[0][2][:1].isupper() \
                and (low[0] in _MODIFIER_WORDS or common is not None and common(low[0])):
            first = 0  # (capitalised at the sentence start: "Jail administrator and chief of ...")
        if first == 0 and tokens[0][0] == cut:
            k = 0
    if k == 1 and tokens[0][0] == cut and _ABBREVIATED_QUALIFIER.fullmatch(tokens[0][2]):
        k = 0  # a country or body by its initials opens the post: "U.N. resident coordinator for Sudan"
    owner = k  # an organisation's possessive opening a long post: "Keystone Unity’s senior vice president ..."
    if k > 0 and tokens[k - 1][2].endswith(("'s", "’s")) and tokens[k - 1][2][:1].isupper():
        owner = k - 1
        while owner > 0 and tokens[owner - 1][2][:1].isupper() and low[owner - 1] not in _POST_OPENERS:
            owner -= 1
        if owner > 0 and low[owner - 1] not in _POST_OPENERS or owner == 0 and tokens[0][0] != cut \
                or n - k < _OWNED_MIN_WORDS:
            return None  # "said Spain's minister of sport ...": a short description
    if owner > 0 and owner == k and k > 1 and low[k - 1].endswith(("'s", "’s")) and tokens[k - 1][2].islower() \
            and low[k - 2] == "the" and (k == 2 or low[k - 3] in _POST_OPENERS or low[k - 3] in _OBJECT_OPENERS) \
            and n - k >= _OWNED_MIN_WORDS:
        owner = k - 2  # "referred to the company’s senior director of ... operations Leticia Barrow"
    elif owner > 0:
        if low[owner - 1] not in _POST_OPENERS and low[owner - 1] not in _OBJECT_OPENERS \
                and not (low[owner - 1] == "to" and owner > 1 and low[owner - 2] == "according"):
            return None  # "the ...", "its ...", "and ...": a description or a list
        if low[owner - 1] in ("is", "was") and text[name_start:].split(" ", 1)[0].lower() not in L.GIVEN_NAMES:
            return None  # "He is editor of film journal Trade Guide": after a copula, a known given name only
    elif tokens[0][0] != cut:
        return None
    comp = tokens[h + 2:]
    if not comp or low[-1] in _COMPLEMENT_SMALL or len(comp) > 12:
        return None
    joined = False  # past an "and" that joins a second post of the same person
    for j, (_, _, w) in enumerate(comp):
        lw = w.lower()
        if lw == "and" and j + 1 < len(comp) and comp[j + 1][2][:1].islower():
            joined = True  # "... for digital security and chief information security officer Gregory Tan"
        if lw in _CLAUSE_WORDS or lw in POST_HEADS and not joined \
                and not (j + 1 < len(comp) and comp[j + 1][2].lower().endswith(("'s", "’s"))) \
                or w[:1].islower() and lw.endswith("ed") and "-" not in lw:
            return None  # a clause ("who ...", "told Reuters"), another post ("adviser to the chairman")
    head_word = tokens[h][2]
    if head_word[:1].isupper() and k == h and h > 0:
        return None  # "Bank of England Governor ...": a capitalised title with its qualifiers
    if low[h] in FORMAL_POST_HEADS and low[h + 1] in ("of", "for", "to") \
            and not (low[h] == "president" and low[h + 1] == "for") \
            and (k == h or n - k < 6) and (
            head_word[:1].isupper() and len(comp) <= 4
            and all(w[:1].isupper() or w.lower() in _COMPLEMENT_SMALL for _, _, w in comp)
            or all(w.lower() in _PORTFOLIO_WORDS for _, _, w in comp)):
        return None  # "Secretary of State Antony Blinken", "director of national intelligence Avril Haines"
        # (not a body's name of five words or more: "Director of Property and Casualty Market Conduct
        # Examinations Howard Lin"; nor a president "for" a field: "Vice President for Finance and
        # Administration Gregory Lyle", a university's or a company's post; nor ranks before an office
        # that make six words or more: "Deputy Assistant Secretary of Defense for European Policy")
    # ("former" and the like say when the post was held, not what it is: "former chief of staff
    # Donald Regan" is a three-word title)
    words = n - k - sum(1 for w in low[k:h] if w in L.STATUS_MODIFIERS)
    if words < min_words:
        return None
    return tokens[owner][0], tokens[-1][1], words, low[h]


#: the small words inside an organisation's name or a post ("Board of Trustees", "Ways and Means")
_STACK_SMALL = frozenset(("of", "for", "and", "&", "on", "to", "the"))
#: words before a stack that are no part of it: when the post was held ("Former", "New")
_STACK_LEADS = L.STATUS_MODIFIERS | frozenset(("new",))
#: a company's suffix, not counted in a stack
_COMPANY_SUFFIXES = frozenset("inc co corp ltd plc llc ag sa nv spa".split())
#: words a stack's head may be: a formal post or an office's head ("President", "chairman", "Vice Chair")
_STACK_HEADS = FORMAL_POST_HEADS | L.words("chairperson president chief executive officer director manager "
                                          "secretary-general counsel mediator spokesman spokeswoman spokesperson "
                                          "leader head coordinator investigator treasurer editor-in-chief steward")


#: the last word of an organisation's name that takes "the" after the post ("chairman of the House
#: Ways and Means Committee"; "president at Penn Traffic")
_STACK_ORG_ENDS = _OFFICE_NOUNS | _ORG_NOUNS | frozenset("alliance coalition federation league society "
                                                         "service court senate house assembly legislature "
                                                         "trustees directors governors regents".split())


def _given_inside(text: str, m) -> int | None:
    """Where a known given name starts inside a full mention, after capitalised words that are no
    given names and with a surname after it ("Supervisory Investigator |Samuel Ortega"); None when
    there is none."""
    words = text[m.start:m.end].split(" ")
    at = m.start
    for k, w in enumerate(words[:-1]):
        if k and w.lower() in L.GIVEN_NAMES:
            return at
        at += len(w) + 1
    return None


def _hyphenated_words(word: str) -> int:
    """The words a reader counts in one token: "editor-in-chief" 2, "president" 1."""
    return sum(1 for part in word.split("-") if part and part not in _STACK_SMALL and part not in ("in", "at"))


def org_stack_title(text: str, ss: int, name_start: int, min_words: int):
    """An organisation's name stacked with a post before a name, opening its clause: "Harlow Springs
    Police Officers Association President Thomas Brandt", "Carver University Board of Trustees
    Chairman Marcus Bell", "Castlebrook Taxpayers Alliance general counsel and litigation director
    Margaret Hale": ``(start, head start, content words)`` when the words (not of/for/and/the)
    number ``min_words`` or more, else None. The stack is the run of capitalised words, small words
    and post words right before the name, from the sentence start, a verb of saying or a word
    that makes it an object ("led by", "before"); the post is
    its last head and what follows it (an "of"/"for"/"to" complement: "European Union Ambassador to
    the United States"); a capitalised word that is not a post's must come before it (the
    organisation). "the", "a" or a possessive in front makes it a description; AP's formal titles
    with a short qualifier ("Senate Majority Leader", three words) stay under the count."""
    last = text[text.rfind(" ", ss, name_start - 1) + 1:name_start - 1]
    if not last[:1].isupper() and last.lower() not in _STACK_HEADS and last.lower() not in POST_HEADS:
        return None  # (a cheap test: a post's head, or a capitalised word, ends every stack)
    cut = _clause_cut(text, ss, name_start)
    ss = _past_dateline(text, ss, cut)
    tokens = [(m.start(), m.end(), m.group()) for m in _POST_TOKEN.finditer(text, cut, name_start)]
    if len(tokens) < min_words or tokens[-1][1] != name_start - 1:
        return None
    i = len(tokens)
    while i > 0:
        w = tokens[i - 1][2]
        lw = w.lower()
        if i < len(tokens) and text[tokens[i - 1][1]:tokens[i][0]] != " ":
            break
        nxt = tokens[i][2].lower() if i < len(tokens) else ""
        if w.isdigit() and (i >= 2 and tokens[i - 2][2] == "Local" or i < len(tokens) and tokens[i][2][:1].isupper()):
            i -= 1  # a union local's number, a number in a post's name: "Amalgamated Transit Union Local
            continue  # 1142 president", "Director and 911 Coordinator"
        if w[:1].isupper() and (not lw.endswith(("'s", "’s"))
                                # (a possessive inside an organisation's name: "Downeast Fishermen's Alliance")
                                or i < len(tokens) and nxt in L.ORG_WORDS and tokens[i][2][:1].isupper()) \
                or lw in _STACK_SMALL or lw in POST_HEADS \
                or lw in _STACK_HEADS or lw in L.RANK_MODIFIERS or lw in L.OTHER_MODIFIERS \
                or f"{lw} {nxt}" in L.TITLE_HEADS \
                or nxt in _STACK_HEADS and w.isalpha() and lw not in _CLAUSE_WORDS \
                or w.islower() and w.isalpha() and lw not in _CLAUSE_WORDS and i + 1 < len(tokens) \
                and tokens[i][2].islower() and tokens[i][2].isalpha() and nxt not in _CLAUSE_WORDS \
                and tokens[i + 1][2].lower() in _STACK_HEADS:
            # (a lower-case word right before a head is its field: "litigation director"; so are two:
            # "economic development director")
            i -= 1
            continue
        break
    if i > 0:
        before = tokens[i - 1][2].lower()
        if before not in _POST_OPENERS and before not in _OBJECT_OPENERS and before not in ("before", "after"):
            return None  # ("the ...", "its ...", "and ...": a description or a list; a clause word)
    elif tokens[0][0] > cut + 1 or cut > ss and text[cut - 1] != ":":
        return None  # (after a comma: an appositive or a list, not the clause's own start)
    run = tokens[i:]
    while run and (run[0][2].lower() in _STACK_LEADS or run[0][2].lower() in L.FUNCTION_WORDS
                   and run[0][2].lower() not in _STACK_SMALL):
        run = run[1:]  # "But ...", "Former ...", "New ...": the clause's word or when the post was held
    low = [w.lower() for _, _, w in run]
    if not low or low[0] in _STACK_SMALL or low[-1] in _STACK_SMALL:
        return None
    if any(w in ("The", "A", "An", "In") for _, _, w in run[1:]):
        return None  # a work's title ("Dancer In The Dark director"), not an organisation's name
    # the post: the last head whose words after it are its complement (a preposition first) or none
    h = None
    for j in range(len(run) - 1, -1, -1):
        if low[j] in _STACK_HEADS or low[j] in POST_HEADS and "chief" in low[max(0, j - 2):j]:
            # (a trade under "Chief" is a post: "Chief Bridge Engineer", "Chief Economist")
            after = low[j + 1:]
            if not after or after[0] in ("of", "for", "to") and all(
                    w[:1].isupper() or w.lower() in _STACK_SMALL for _, _, w in run[j + 2:]):
                h = j
                break
            if after and all(w in _STACK_HEADS or w in POST_HEADS or w in L.RANK_MODIFIERS or w in L.OTHER_MODIFIERS
                             or w in _STACK_SMALL for w in after):
                continue  # a head inside the post ("President and Chief Executive"): read on back
            return None
    if h is None:
        return None
    k = h  # the post's own modifiers and an "and"-joined post before its head
    if low[h] not in _STACK_HEADS:  # a trade under "Chief": the post starts there
        k = max(j for j in range(max(0, h - 2), h) if low[j] == "chief")
    while k > 0 and (low[k - 1] in L.RANK_MODIFIERS or low[k - 1] in L.OTHER_MODIFIERS or low[k - 1] in POST_HEADS
                     or low[k - 1] == "and" or run[k - 1][2][:1].islower()
                     or run[k - 1][2].isdigit() and k > 1 and low[k - 2] != "local"):  # ("911 Coordinator")
        k -= 1
    while k < h and low[k] == "and":
        k += 1
    # capitalised words between the organisation's last word and the head are the post's own
    # ("Chemical Safety Board | Supervisory Investigator")
    last_org = max((j for j in range(k) if low[j] in L.ORG_WORDS), default=-1)
    if 0 <= last_org < k - 1 and all(run[j][2][:1].isupper() and low[j] not in _STACK_SMALL
                                     for j in range(last_org + 1, k)):
        k = last_org + 1
    org = [w for _, _, w in run[:k] if w.lower() not in _STACK_SMALL]
    if not org or not all(w[:1].isupper() or w.isdigit() and j and org[j - 1] == "Local" for j, w in enumerate(org)):
        return None  # no organisation before the post: the other readings judge a post alone
    if any(w.lower() in L.GIVEN_NAMES and j + 1 < k and run[j + 1][2][:1].isupper() for j, (_, _, w) in enumerate(run[:k])):
        return None  # a name inside ("Tony Blair and ..."), which the cast may not have read
    # the words a reader counts: not of/for/and/the, a nationality or country ("South Korean Foreign
    # Trade Minister" is a formal title), or a company's suffix ("Inc", "Ltd")
    # (a nationality or country in the post's complement counts: "Ambassador to the United States"; so
    # does one that opens an organisation's name: "European Union")
    # (a hyphenated post counts its words: "Editor-in-Chief" is an editor and a chief, as "Secretary
    # General" is two)
    words = sum(_hyphenated_words(w) if j == h else 1
                for j, w in enumerate(low) if w not in _STACK_SMALL and w.rstrip(".") not in _COMPANY_SUFFIXES
                and (j > h or not (w in L.NATIONALITIES or w in L.COUNTRY_OF)
                     or j + 1 < len(low) and low[j + 1] in L.ORG_WORDS))
    if words < min_words:
        return None
    return run[0][0], run[k][0], words


#: a post's preposition ("analyst at", "Spokesman for"): where a post's complement may start
#: (the caller tests the word before it against ``POST_HEADS``: cheaper than an alternation)
_PREP_RE = re.compile(r" (?:of|for|at|with|to) ")
#: a known given name (checked by the caller) and a surname: "Ray Neidl", "Simon Rubinsohn"
_GIVEN_SURNAME = regex.compile(r"(?<=[ \u00a0])(\p{Lu}\p{Ll}+)(?:[ \u00a0]\p{Lu}\.)?[ \u00a0]\p{Lu}\p{Ll}[\p{L}'’\-]*"
                               r"(?![\p{L}'’\-])")
