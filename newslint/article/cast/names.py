"""Finding names and titled names in text: splitting a name into given name, surname
and core (``_split_name``), the candidate runs (``_Cand``, ``_name_runs``), titled names
(``_titled_at``), title-only reference scans (``_title_refs``), the trigger-word prefilters,
finding known names anywhere (``_find_names``) and person ids (``_slug``).
"""

from __future__ import annotations

import functools
import re as _re

from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.findings import field_repr
from newslint.article import lexicon as L
from newslint.article.cast.model import Person, Title
from newslint.article.cast.patterns import (
    _ANY_PRONOUN, _ANY_TRIGGER_BYTES, _ASCII_WORD, _BEFORE_HEADS, _CASE_EXOTIC, _exotic, _HYPHEN_CAP_TWIN, _INITIAL_RE,
    _MODS, _NAME_HEAD_OK_T, _NAME_RUN_LOOSE_TWIN, _NAME_RUN_MULTI_CAP_TWIN, _NAME_RUN_MULTI_TWIN, _NAME_RUN_TWIN,
    _NAME_STOP, _NAME_STOP_AT, _NAME_TAIL_OK_T, _NON_SLUG, _NON_SLUG_ASCII, _NOT_ASCII_LOWER_BYTES, _NW_AL, _PLAIN_WORD,
    _QUAL_STOP_AT, _re_ok, _REF_START_T, _REF_TOKEN_T, _REF_TRIGGER_WORDS, _SPACE_RUN, _TITLE_REF, _TITLE_REF_T,
    _TITLE_TOKEN_T, _TITLED, _TITLED_LOOSE, _TITLED_TWIN, _TRIGGER_WORDS, _TWINS, _WORD_START_T,
)


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


class _Cand:
    """A capitalised run that may name a person (pass 1); internal, so with slots (many are made)."""

    __slots__ = ("block", "start", "end", "text", "title", "kind", "evidence", "person", "attached", "outer")

    def __init__(self, block: int, start: int, end: int, text: str, title: Title | None = None,
                 kind: str = "name", evidence: set | None = None, person: Person | None = None,
                 attached: bool = False, outer: Title | None = None):
        self.block = block
        self.start = start
        self.end = end
        self.text = text
        self.title = title
        self.kind = kind  # name | titled | courtesy
        self.evidence = set() if evidence is None else evidence
        self.person = person
        self.attached = attached  # attach_titles has run
        self.outer = outer  # a title before the abbreviated one ("Health Commissioner| Dr. ...")

    def __repr__(self) -> str:
        return field_repr(self, self.__slots__)


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
