"""Quotations: where they are, and who said them.

Attribution rules ("every quote needs a speaker", "said, not claimed",
"anonymous sources") and quote-aware rules (nothing inside a quote is the
reporter's style) all need the same two facts: the exact span of each
quotation, and the speaker and verb attached to it. This module finds both
with a few compiled regexes and a small stack machine over the quotation
marks of each paragraph (the loop runs per *mark*, never per character).

Marks. Curly (“ ” ‘ ’) and straight (" ') marks are classified by what
surrounds them: a mark after a space or an opening bracket and before a word
opens; a mark after a word and before a space or punctuation closes; the
glyph (and, for straight marks, whether one is open) decides the rest. A
single mark between letters ("don't", "O’Brien"), before an elided word or
a decade ("’em", "'90s"), in "rock ’n’ roll", or after a word when no
single quote is open ("Hamas’ attack") is an apostrophe. A straight double
mark right after a digit with no quote open is an inch sign. Single quotes
nest inside double quotes (and double inside single, UK style); a nested
quote is recorded on its outer quotation, which alone is the span
``in_quote`` uses.

Running quotes (AP). A body paragraph that opens a quote and does not close
it, followed by a body paragraph that opens with a quotation mark of the same
kind, continues into it: the first quotation is ``running`` (its span ends at
the paragraph end), the next one is a ``continuation``. An unclosed quote
without such a next paragraph is ``closed=False, running=False`` and its
opening mark's role is ``unmatched``.

Attribution. Looked for next to the quote, in this order:

- after it: ``“…,” NAME|PRONOUN|the TITLE VERB`` (``quote-then-speaker-verb``),
  ``“…,” VERB NAME`` (``quote-then-verb-speaker``), ``“…,” according to NAME``
  (``according-to``); when the quote ends its sentence (``“….” He added: …``)
  and the attribution sentence goes on, the shape is ``quote-then-sentence``;
- before it, in the same sentence: ``NAME VERB: “…”``
  (``speaker-verb-colon-quote``), ``NAME VERB, “…”``
  (``speaker-verb-comma-quote``), ``NAME VERB (that) … “…”``
  (``speaker-verb-that-quote``, also partial quotes), ``according to NAME, “…”``.

``position`` says where the attribution stands relative to the quotation:
``after``; ``after-first-sentence`` (it follows a one-sentence quote and the
same speaker's quote resumes right after the attribution sentence, AP's
preferred placement); ``inside`` (it interrupts a sentence:
``“…,” he said, “and …”``; both pieces carry it); ``before`` (it precedes
the quote, including the piece that resumes after an attribution).

NAME is a capitalised name sequence ("Prime Minister Benjamin Netanyahu",
"Elizabeth A. Burton", "Gov. Jerry Brown"); an appositive after it
("Alex Vatanka, director of …") is not part of the speaker span. A
descriptor is a determiner and up to three words before a head noun ("the
secretary", "a State Department official", "his spokesman"); a group is a
bare plural from a short list ("officials", "U.S. officials", "critics").
"""

from __future__ import annotations

import bisect
import re

from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.findings import Record
from newslint.article import twins
from newslint.article.sentences import STARTERS, split_sentences

# -- the verb lexicon ------------------------------------------------------------

#: neutral speech verbs (said and its kin)
NEUTRAL_VERBS = frozenset(
    """said says say told tells tell asked asks added adds wrote writes explained explains
    replied replies continued continues declared declares announced announces tweeted tweets
    posted posts recalled recalls responded responds confirmed confirms stressed stresses
    cautioned cautions urged urges predicted predicts suggested suggests commented comments
    remarked remarks observed observes testified testifies interjected interjects rejoined
    remembered remembers recounted recounts exclaimed exclaims shouted shouts yelled yells cried
    whispered whispers murmured murmurs mused muses wondered wonders answered answers
    concluded concludes agreed agrees countered counters retorted retorts joked jokes
    pleaded pleads demanded demands read reads reported reports""".split()
) | {"went on", "goes on"}
#: verbs that colour the quote; news style prefers "said"
LOADED_VERBS = frozenset(
    """claimed claims insisted insists admitted admits conceded concedes revealed reveals
    noted notes stated states argued argues warned warns quipped quips boasted boasts
    alleged alleges asserted asserts maintained maintains acknowledged acknowledges complained
    complains protested protests lamented laments confessed confesses bragged brags gushed gushes
    fumed fumes scoffed scoffs sneered sneers contended contends snapped snaps grumbled grumbles
    griped gripes groused grouses crowed crows sniped snipes thundered thunders bellowed bellows
    roared barked raged ranted railed seethed seethes hissed growled snarled blasted slammed
    trumpeted touted gloated gloats whined whinged whinges moaned bemoaned bemoans opined opines
    pontificated pontificates proclaimed proclaims sniffed huffed enthused enthuses raved bristled bristles
    trumpets scolded scolds""".split()
) | {"pointed out", "points out"}
#: things people do that are not speaking ("“Yes,” he smiled")
NONSPEECH_VERBS = frozenset(
    """smiled smiles laughed laughs grinned grins sighed sighs nodded nods shrugged shrugs
    frowned frowns chuckled chuckles giggled giggles snorted snorts beamed beams
    smirked smirks""".split()
)
ATTRIBUTION_VERBS = NEUTRAL_VERBS | LOADED_VERBS | NONSPEECH_VERBS


def verb_class(verb: str) -> str:
    """``neutral``, ``loaded`` or ``nonspeech`` for an attribution verb (``according to`` is neutral)."""
    verb = " ".join(verb.lower().split())
    if verb in LOADED_VERBS:
        return "loaded"
    if verb in NONSPEECH_VERBS:
        return "nonspeech"
    return "neutral"


# Word lists are named lists (``\L<verbs>``: a set lookup inside the regex engine,
# longest first with backtracking, like an alternation): spelled out as
# alternations they made each speaker pattern 10,000 characters long and cost
# the regex module 50 ms apiece to compile. Compile with ``_compile``.
_LISTS = {"verbs": sorted(v for v in ATTRIBUTION_VERBS if " " not in v)}


def _compile(pattern: str, flags: int = 0):
    return regex.compile(pattern, flags, **{k: v for k, v in _LISTS.items() if f"\\L<{k}>" in pattern})


# multi-word verbs ("pointed out") are longer than any one-word verb they could start with: they go first
_VERB = r"(?:" + "|".join(
    v.replace(" ", r"\s+") for v in sorted((v for v in ATTRIBUTION_VERBS if " " in v), key=_longest_first)
) + r"|\L<verbs>)(?![\p{L}\p{N}\-])"

# words that may stand between speaker and verb ("he also said", "she has said")
_ADVERBS = """also later then once previously earlier recently further repeatedly often again
    has had have would will simply just quickly only reportedly publicly privately separately
    flatly bluntly angrily quietly since""".split()
_LISTS["adverbs"] = sorted(_ADVERBS)
_ADV = r"(?:\L<adverbs>)"

_FUNCTION = """the a an and or but nor as of in on at to for with by from into that which who whom
    whose when while after before he she they it we i you is was were are be been being has had
    have will would can could should may might must not no this these those there here his her
    its their our my your than then so if because""".split()
_LISTS["not_word"] = sorted(set(_FUNCTION + _ADVERBS))
# (every word of both lists starts with a lowercase ASCII letter: the guard spares the list
# lookups at the capitalised words of names, where the speaker patterns try this most)
_NOT_WORD = r"(?!(?=[a-z])(?:\L<not_word>|" + _VERB + r")(?![\p{L}\-]))"
assert all(w[:1].isascii() and w[:1].islower() for w in _LISTS["not_word"] + _LISTS["verbs"])
assert all(v[:1].isascii() and v[:1].islower() for v in ATTRIBUTION_VERBS)

_TITLE_ABBR = r"(?:Mr|Mrs|Ms|Mx|Dr|Gov|Lt|Sen|Rep|Rev|Gen|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Pres|Supt|Det|Insp|Fr|St)\."
_NAME_WORD = (
    r"(?:" + _TITLE_ABBR
    + r"|\p{Lu}\.(?:\p{Lu}\.)*"
    + r"|(?:al|el|bin|ibn|abu|Al|El|Abu)-\p{Lu}[\p{L}\p{M}'’\-]*(?<!['’\-])"
    + r"|\p{Lu}[\p{L}\p{M}'’\-]*(?<!['’\-])(?<!['’]s))"
)
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|ter|bin|ibn|bint|al|el|la|le|of|y)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_NAME_WORD}){{0,6}}"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|[Ss]omeone|[Ss]omebody|[Oo]ne)(?![\p{L}'’])"
_MOD = rf"(?:{_NOT_WORD}[\p{{L}}\p{{N}}][\p{{L}}\p{{M}}\p{{N}}.\-]*(?<!\.)|\p{{Lu}}\.(?:\p{{Lu}}\.)+)"
_HEAD = rf"{_NOT_WORD}\p{{L}}[\p{{L}}\p{{M}}\-]*"
_DETERMINER = (
    r"(?:(?i:the|a|an|one|another|his|her|their|its|our|two|three|several|some|many|other)"
    r"|\p{Lu}[\p{L}\p{M}\-]*['’]s?)"
)
_GROUPS = """officials critics analysts experts sources residents witnesses police authorities
    protesters lawmakers legislators investigators researchers doctors officers prosecutors
    organizers organisers scientists economists diplomats activists supporters opponents aides
    observers leaders voters students parents workers spokesmen spokeswomen spokespeople
    executives insiders advisers advisors negotiators campaigners fans villagers survivors""".split()
_LISTS["groups"] = sorted(_GROUPS)
#: bare plurals that name a group of people ("officials", "residents", "critics")
GROUP_WORDS = frozenset(_GROUPS)
_GROUP = r"(?i:\L<groups>)(?![\p{L}\-])"

_SPEAKER = (
    rf"(?P<speaker>(?P<title>{_DETERMINER}[ \t]+(?:{_MOD}[ \t]+){{0,3}}{_HEAD})"
    rf"|(?P<pronoun>{_PRONOUN})"
    rf"|(?P<group>(?:{_MOD}[ \t]+){{0,2}}{_GROUP})"
    rf"|(?P<name>(?:(?:{_DETERMINER}[ \t]+)?(?:{_MOD}[ \t]+){{1,4}}(?=\p{{Lu}}))?{_NAME}))"
    # "Lukas Stefanko with ESET said": an affiliation after the name, outside the speaker span
    rf"(?:[ \t]+(?:with|of|from|at)[ \t]+(?:the[ \t]+)?{_NAME})?"
)
# an appositive between a speaker and the verb: "Alex Vatanka, director of X, said"
# (an apostrophe between letters is no quotation mark: "the union’s vice president", nor one after
# a plural's s: "the Ironhounds’ principal owner")
# or two, the first a lower-case post: "Martin Kessler, chief executive of Summit Co., the state’s largest
# insurer, conceded" (not after a name: "At the White House, Dana Whitfield, the adviser, told")
_APPOSITIVE = (r"(?:,[ \t](?:(?=\p{Ll})(?:[^,;:“”\"‘’()]|(?<=\p{L})’(?=\p{L})|(?<=\p{L}s)’(?=[ \t]\p{L})){1,150}?"
               r",[ \t](?:[^,;:“”\"‘’()]|(?<=\p{L})’(?=\p{L})|(?<=\p{L}s)’(?=[ \t]\p{L})){1,120}?"
               r"|(?:[^,;:“”\"‘’()]|(?<=\p{L})’(?=\p{L})|(?<=\p{L}s)’(?=[ \t]\p{L})){1,150}?),)?")
# right after a quote, the closing comma may be missing: "…,” Michael Lamberty, a Lufthansa spokesman told"
_APPOSITIVE_AFTER = r"(?:,[ \t][^,;:“”\"‘’()]{1,150}?,|,[ \t](?i:a|an|the)[ \t][^,;:“”\"‘’()]{1,80}?)?"
_SPEAKER_VERB = rf"{_SPEAKER}{_APPOSITIVE}(?:\s+{_ADV}){{0,2}}\s+(?P<verb>{_VERB})"

#: present-tense verbs that are also plural nouns: not trusted after "the X" or a bare plural
_NOUN_LIKE = frozenset(
    """remarks notes comments reports posts tweets states answers demands protests jokes shouts cries
    reads counters laments muses wonders concludes pleads recounts retorts yells whispers murmurs
    smiles laughs grins sighs nods shrugs frowns chuckles giggles snorts beams smirks boasts quips
    claims reveals maintains responds stresses urges asserts alleges crows""".split()
)

#: capitalised words that open a sentence but are not part of a name ("Later Blinken said")
_NOT_NAME_LEAD = (STARTERS - {"Mr", "Mrs", "Ms", "Dr"}) | frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Speaking Addressing Writing Asked
    Yesterday Overnight Separately""".split()
)

#: the longest stretch between "NAME said" and the quote it introduces
MAX_GAP_WORDS = 25

# -- the marks -----------------------------------------------------------------

_MARK = regex.compile(r"[“”\"‘’']")
_MARK_STD = re.compile(_MARK.pattern)  # the same literal class; the stdlib scans for it twice as fast
#: the characters of ``_MARK``
_MARK_CHARS = "“”\"‘’'"
_ROCK_N_ROLL = regex.compile(r"(?<=\s)['‘’]n['’](?=\s)")
_ELISION = regex.compile(r"(?:em|tis|twas|cause|til|bout|n)(?![\p{L}])|\d\ds?(?![\p{L}\p{N}])", regex.I)
_SENTENCE_END_BEFORE = regex.compile(r"[.!?…][’')\]]*\s+\Z")
_DOUBLE = frozenset("“”\"")
_CURLY = frozenset("“”‘’")
_QUOTE_CHARS = frozenset("“”\"‘’'")
_OPEN_BEFORE = frozenset("([{<—–-/:") | _QUOTE_CHARS
_CLOSE_AFTER = frozenset(".,;:!?)]}>—–-/…") | _QUOTE_CHARS
_NO_OPEN_AFTER = frozenset(".,;:!?)]}")


class Attribution(Record):
    """Who said a quotation, and how (spans in the quotation's block prose)."""

    FIELDS = ("speaker", "speaker_start", "speaker_end", "verb", "verb_start", "verb_end", "shape", "position",
              "speaker_kind", "verb_class")

    def __init__(self, speaker: str, speaker_start: int, speaker_end: int, verb: str, verb_start: int,
                 verb_end: int, shape: str, position: str, speaker_kind: str = "name",
                 verb_class: str = "neutral"):
        self.speaker = speaker
        self.speaker_start = speaker_start
        self.speaker_end = speaker_end
        self.verb = verb
        self.verb_start = verb_start
        self.verb_end = verb_end
        self.shape = shape
        self.position = position
        #: ``name``, ``pronoun``, ``title`` ("the secretary", "a State Department official") or ``group`` ("officials")
        self.speaker_kind = speaker_kind
        #: ``neutral``, ``loaded`` or ``nonspeech`` (see ``verb_class``)
        self.verb_class = verb_class

    def replace(self, **changes) -> "Attribution":
        """A copy with ``changes`` (what ``dataclasses.replace`` did: fields shallow-copied)."""
        new = object.__new__(Attribution)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new


class Quotation(Record):
    """One top-level quotation in a block; nested quotes are listed in ``nested``."""

    FIELDS = ("block", "start", "end", "inner_start", "inner_end", "closed", "style", "running", "continuation",
              "nested", "attribution", "paragraph_quote", "sentences", "kind", "index", "run")

    def __init__(self, block: int, start: int, end: int, inner_start: int, inner_end: int, closed: bool,
                 style: str, running: bool = False, continuation: bool = False,
                 nested: list[tuple[int, int]] | None = None, attribution: Attribution | None = None,
                 paragraph_quote: bool = False, sentences: int = 0, kind: str = "double", index: int = 0,
                 run: int = 0):
        self.block = block
        self.start = start
        self.end = end
        self.inner_start = inner_start
        self.inner_end = inner_end
        self.closed = closed
        #: ``curly``, ``straight`` or ``mixed`` (a curly mark paired with a straight one)
        self.style = style
        self.running = running
        self.continuation = continuation
        self.nested = [] if nested is None else nested
        self.attribution = attribution
        self.paragraph_quote = paragraph_quote
        self.sentences = sentences
        #: ``double`` or ``single``: the kind of mark that opens it
        self.kind = kind
        #: position in the article's list of quotations
        self.index = index
        #: index of the first quotation of the running quote this one belongs to (itself if none)
        self.run = run

    @property
    def speaker(self) -> str | None:
        return self.attribution.speaker if self.attribution else None

    @property
    def verb(self) -> str | None:
        return self.attribution.verb if self.attribution else None


class QuoteAnalysis(Record):
    FIELDS = ("quotations", "marks")

    def __init__(self, quotations: list[Quotation], marks: dict[int, list[tuple[int, str, str]]]):
        self.quotations = quotations
        #: per block index: ``(pos, char, role)`` with role open/close/apostrophe/unmatched
        self.marks = marks


# -- scanning one block ------------------------------------------------------------

class _Open:
    __slots__ = ("pos", "char", "double", "mark", "nested", "continuation")

    def __init__(self, pos: int, char: str, double: bool, mark: int, continuation: bool = False):
        #: ``mark``: the index of the opening mark in the block's marks
        self.pos, self.char, self.double, self.mark = pos, char, double, mark
        self.nested: list[tuple[int, int]] = []
        self.continuation = continuation


def _style(a: str, b: str | None) -> str:
    if b is None:
        return "curly" if a in _CURLY else "straight"
    ca, cb = a in _CURLY, b in _CURLY
    return "curly" if ca and cb else "straight" if not ca and not cb else "mixed"


def _flanks(prev: str, nxt: str) -> tuple[bool, bool]:
    """(left, right): a mark between ``prev`` and ``nxt`` can open / can close (a space stands for
    the text's start or end)."""
    prev_space, next_space = prev.isspace(), nxt.isspace()
    left = not next_space and nxt not in _NO_OPEN_AFTER and (prev_space or prev in _OPEN_BEFORE)
    right = not prev_space and prev not in "([{<" and (next_space or nxt in _CLOSE_AFTER)
    return left, right


def _rstrip_end(text: str, end: int) -> int:
    """``len(text[:end].rstrip())`` without the copy."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _sentence_end_before(text: str, pos: int) -> bool:
    """``_SENTENCE_END_BEFORE.search(text, 0, pos)``, read backwards from ``pos`` (not a scan from 0)."""
    i = pos
    while i and text[i - 1].isspace() and text[i - 1] not in _NOT_REGEX_SPACE:
        i -= 1
    if i == pos:
        return False
    while i and text[i - 1] in _CLOSERS_BEFORE:
        i -= 1
    return bool(i) and text[i - 1] in ".!?…"


#: ``str.isspace`` takes these; the regex module's ``\s`` does not
_NOT_REGEX_SPACE = frozenset("\x1c\x1d\x1e\x1f")
_CLOSERS_BEFORE = frozenset("’')]")
_SINGLE = "‘’'"


def _positions_of(text: str, chars: str) -> list[int]:
    """Where any of ``chars`` stands in ``text``, in order: each character's positions by
    ``str.find``, merged: a few C scans, faster than a regex class search (a Latin-1 text is
    not even read for the curly marks)."""
    positions: list[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            positions.append(i)
            i = text.find(c, i + 1)
    positions.sort()
    return positions


def _scan(text: str, block: int):
    """Marks with roles, closed top-level quotations, and the unclosed one at the end (if any).

    The marks come back as three parallel lists (positions, characters, roles) so that roles can
    be settled later (a running quote's opening mark) by index.
    """
    # the same as ``_MARK_STD.finditer`` finds, in a third of the time
    positions = _positions_of(text, _MARK_CHARS)
    chars = [text[p] for p in positions]
    roles = ["unmatched"] * len(positions)
    marks = (positions, chars, roles)
    quotes: list[Quotation] = []
    if not positions:
        return marks, quotes, None
    n = len(text)
    # a mark of "rock 'n' roll" is an apostrophe: looked up only for a single mark that is not
    # between letters (matches of the pattern never overlap: each is one, or the one two back)
    rnr = "n'" in text or "n’" in text

    def around(j: int) -> tuple[str, str]:
        pos = positions[j]
        return (text[pos - 1] if pos else " "), (text[pos + 1] if pos + 1 < n else " ")

    stack: list[_Open] = []

    def top_level_unclosed(entry: _Open, end: int, running: bool = False):
        end = _rstrip_end(text, end)
        quotes.append(Quotation(block, entry.pos, max(end, entry.pos + 1), entry.pos + 1, max(end, entry.pos + 1),
                                False, _style(entry.char, None), running=running, continuation=entry.continuation,
                                nested=entry.nested, kind="double" if entry.double else "single"))

    def close_out(index: int, pos: int):
        """Entries above ``index`` (and it) end unclosed at ``pos``."""
        while len(stack) > index:
            entry = stack.pop()
            roles[entry.mark] = "unmatched"
            if not stack:
                top_level_unclosed(entry, pos)

    for k, pos in enumerate(positions):
        ch = chars[k]
        # the text's ends read as spaces
        prev = text[pos - 1] if pos else " "
        nxt = text[pos + 1] if pos + 1 < n else " "
        double = ch in _DOUBLE
        if double:
            left, right = _flanks(prev, nxt)
            if left and not right:
                act = "open"
            elif right and not left:
                act = "close"
            elif ch == "“":
                act = "open"
            elif ch == "”":
                act = "close"
            else:
                act = "close" if any(e.double for e in stack) else "open"
            if act == "close" and ch == '"' and prev.isdigit() and not any(e.double for e in stack):
                roles[k] = "apostrophe"  # an inch sign: 5'10"
                continue
        else:
            if (prev.isalnum() and nxt.isalnum()) or rnr and (
                    _ROCK_N_ROLL.match(text, pos) or pos >= 2 and _ROCK_N_ROLL.match(text, pos - 2)):
                roles[k] = "apostrophe"
                continue
            left, right = _flanks(prev, nxt)
            if left and not right:
                if _ELISION.match(text, pos + 1):
                    roles[k] = "apostrophe"
                    continue
                act = "open"
            elif right and not left:
                if any(not e.double for e in stack):
                    act = "close"
                    if prev in "sSzZ" and nxt == " " and pos + 2 < n and text[pos + 2].islower():
                        later = None
                        for j in range(k + 1, len(positions)):
                            if chars[j] in _SINGLE:
                                p, x = around(j)
                                if not (p.isalnum() and x.isalnum()):
                                    later = j
                                    break
                        if later is not None:
                            later_left, later_right = _flanks(*around(later))
                            if later_right and not later_left:
                                roles[k] = "apostrophe"  # 'the Hamas’ attack was brutal'
                                continue
                elif prev.isalpha():
                    roles[k] = "apostrophe"  # Hamas’ attack, goin’
                    continue
                else:
                    continue  # a stray closing mark: unmatched
            else:
                continue  # a lone mark between spaces
        if act == "open":
            if not stack:  # (the common case: nothing open, nothing to close out)
                stack.append(_Open(pos, ch, double, k))
                continue
            same = [i for i, e in enumerate(stack) if e.double == double]
            continuation = False
            if same == [0] and _sentence_end_before(text, pos):
                # '... outset. "Some people ...': a running quote whose paragraph
                # break was lost (merged paragraphs); the open quote runs into this one
                close_out(1, pos)
                entry = stack.pop()
                roles[entry.mark] = "open"
                top_level_unclosed(entry, pos, running=True)
                continuation = True
            elif same:
                close_out(same[-1], pos)
            stack.append(_Open(pos, ch, double, k, continuation))
            continue
        if len(stack) == 1 and stack[0].double == double:  # (the common case: it closes the one open quote)
            entry = stack.pop()
        else:
            same = [i for i, e in enumerate(stack) if e.double == double]
            if not same:
                continue  # a closing mark with nothing open: unmatched
            close_out(same[-1] + 1, pos)
            entry = stack.pop()
        roles[entry.mark] = "open"
        roles[k] = "close"
        if stack:
            stack[0].nested.append((entry.pos, pos + 1))
            stack[0].nested.extend(entry.nested)
        else:
            quotes.append(Quotation(block, entry.pos, pos + 1, entry.pos + 1, pos, True, _style(entry.char, ch),
                                    continuation=entry.continuation, nested=sorted(entry.nested),
                                    kind="double" if entry.double else "single"))
    tail = None
    if stack:
        close_out(1, n)
        tail = stack.pop()
        top_level_unclosed(tail, n)
        tail = quotes[-1], tail.mark
    quotes.sort(key=lambda q: q.start)
    return marks, quotes, tail


# -- attribution ----------------------------------------------------------------

def _speaker_kind(m) -> str:
    for kind in ("pronoun", "title", "group", "name"):
        if m.group(kind) is not None:
            return kind
    return "name"


def _and_follows(text: str, pos: int) -> bool:
    """Whether ``[ \t]+and`` stands at ``pos`` (what ``_AND_VERB`` needs first)."""
    i, n = pos, len(text)
    while i < n and text[i] in " \t":
        i += 1
    return i > pos and text.startswith("and", i)


def _make(text: str, m, shape: str, position: str) -> Attribution | None:
    start, end = m.span("speaker")
    kind = _speaker_kind(m)
    verb_start, verb_end = m.span("verb")
    verb = " ".join(m.group("verb").split()).lower()
    if kind in ("title", "group") and verb in _NOUN_LIKE:
        return None  # "her closing remarks", "the official notes"
    # (tested by hand first: without an "and" right there, the regex module's match would look for
    # the word in all the rest of the block, once per attribution)
    then = _AND_VERB.match(text, verb_end) if _and_follows(text, verb_end) else None
    if then and verb in NONSPEECH_VERBS:
        # "Tegnell laughed and said": the speech verb is the attribution
        verb_start, verb_end = then.span("verb")
        verb = " ".join(then.group("verb").split()).lower()
    if kind == "name":
        # "Later Blinken said", "On Tuesday Blinken said": drop sentence openers and dates
        while True:
            word = _LEAD_WORD.match(text, start, end)
            if word is None or word.group().strip() not in _NOT_NAME_LEAD:
                break
            start = word.end()
        if text[start:end] in _NOT_NAME_LEAD:
            return None
    return Attribution(text[start:end], start, end, verb, verb_start, verb_end,
                       shape, position, kind, verb_class(verb))


def _sentence_at(sentences: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    return sentences[i] if i >= 0 else (0, 0)


class _Block:
    """Per-block facts the attribution patterns share, each found once (lazily).

    The speaker patterns are expensive per start position (four speaker shapes, an appositive
    scanned lazily), so they run only where they can match: every match ends at an attribution
    verb that follows whitespace (``_verb_ends_in``), and no match contains a *barrier* character
    (``;:“”"‘()``: none of the pattern's classes takes one). Cutting ``endpos`` back to the
    next barrier or the last such verb end, or starting after a barrier, drops only positions
    where the pattern fails; the lookarounds that read the cut point see a non-word character
    either way. ``tests/test_analysis_speed.py`` checks this against the plain calls.
    """

    __slots__ = ("text", "sentences", "starts", "_barriers", "_doubles", "after_speaker_verb",
                 "after_verb_speaker", "before_speaker_verb")

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        if not _built:
            _build_patterns()
        twins = _TWINS
        if not twins.on:
            twins.count(len(text))
        # the speaker patterns to use on this text: their re twins where those find the same
        if twins.on and _re_span(text):
            self.after_speaker_verb = twins.after_speaker_verb
            self.after_verb_speaker = twins.after_verb_speaker
            self.before_speaker_verb = twins.before_speaker_verb
        else:
            self.after_speaker_verb = _AFTER_SPEAKER_VERB
            self.after_verb_speaker = _AFTER_VERB_SPEAKER
            self.before_speaker_verb = _BEFORE_SPEAKER_VERB
        self.text = text
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self._barriers: list[int] | None = None
        self._doubles: list[int] | None = None

    @property
    def barriers(self) -> list[int]:
        if self._barriers is None:
            self._barriers = _positions_of(self.text, _BARRIER_CHARS)  # (what _BARRIER.finditer finds)
        return self._barriers

    @property
    def doubles(self) -> list[int]:
        """Positions of ``“`` and ``"``."""
        if self._doubles is None:
            self._doubles = [m.start() for m in _DOUBLE_OPEN.finditer(self.text)]
        return self._doubles

    def next_barrier(self, pos: int) -> int:
        """The first barrier at or after ``pos`` (the text length if none)."""
        barriers = self.barriers
        i = bisect.bisect_left(barriers, pos)
        return barriers[i] if i < len(barriers) else len(self.text)

    def last_barrier(self, lo: int, hi: int) -> int | None:
        """The last barrier in ``[lo, hi)``, or None."""
        barriers = self.barriers
        i = bisect.bisect_left(barriers, hi) - 1
        return barriers[i] if i >= 0 and barriers[i] >= lo else None


def _trie(words) -> str:
    """A regular expression (stdlib syntax) that matches any of ``words``, as a trie of alternations."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(c) + _trie(rest) for c, rest in sorted(groups.items())]
    if not alternatives:
        return ""
    group = "(?:" + "|".join(alternatives) + ")"
    return group + "?" if "" in words else group


_VERB_FIRST_WORDS = sorted({v.split()[0] for v in ATTRIBUTION_VERBS})
_LONGEST_FIRST_WORD = max(map(len, _VERB_FIRST_WORDS))
_LOWER_RUN = re.compile(r"[a-z]+")
_ONE_WORD_VERBS = frozenset(v for v in ATTRIBUTION_VERBS if " " not in v)
#: first words of the multi-word verbs ("went on"): left to the verb pattern itself
_MULTI_FIRST = frozenset(v.split()[0] for v in ATTRIBUTION_VERBS if " " in v)
_WORD_GOES_ON = regex.compile(r"[\p{L}\p{N}\-]")
assert all(v.isascii() and v.isalpha() and v.islower() for v in _ONE_WORD_VERBS | _MULTI_FIRST)
assert not _MULTI_FIRST & _ONE_WORD_VERBS


def _verb_end_at(text: str, pos: int) -> int | None:
    r"""``_VERB_AT.match(text, pos)``'s end (None if no match), for ``pos`` right after whitespace
    (as the stdlib sees it), without the regex module in the common case.

    A one-word verb is lowercase ASCII and may not run on into a letter: it is the whole run of
    ``[a-z]`` at ``pos``, in the list, and not followed by ``[\p{L}\p{N}\-]``.
    """
    if text[pos - 1] in _NOT_REGEX_SPACE:
        return None  # the stdlib's \s takes it, the verb pattern's \s does not
    word = _LOWER_RUN.match(text, pos).group()
    if word in _MULTI_FIRST:
        m = _VERB_AT.match(text, pos)
        return m.end() if m is not None else None
    if word not in _ONE_WORD_VERBS:
        return None
    end = pos + len(word)
    if end < len(text):
        after = text[end]
        if (after.isalnum() or after == "-") if after.isascii() else _WORD_GOES_ON.match(after) is not None:
            return None
    return end


_BARRIER = re.compile(r"[;:“”\"‘()]")
_BARRIER_CHARS = ";:“”\"‘()"
_DOUBLE_OPEN = re.compile(r"[“\"]")
#: what may stand between a quotation and its attribution (``[ \t]*,?\s*(?:[—–][ \t]*)?``); the stdlib's
#: ``\s`` takes a few more characters, so this ends at or after that prefix: exactly at it when a
#: letter or digit follows
_AFTER_PREFIX = re.compile(r"[\s,—–]*")


# -- the attribution patterns, built on first use ------------------------------------
# Only a block with quotations is attributed, and many files have none (a short item, a
# headline, most captions): building these from the pattern cache (five speaker patterns of
# ~17,000 opcodes each, two verb tries) is 5 ms of a 90 ms cold start, so it happens the
# first time a block is attributed (``_Block``), or when one is read from the module
# (``module.__getattr__`` below; ``SPEAKER_VERB`` stands in until its first use).

_LAZY_PATTERNS = frozenset({
    "_AFTER_SPEAKER_VERB", "_AFTER_VERB_SPEAKER", "_AFTER_ACCORDING", "_BEFORE_SPEAKER_VERB", "_BEFORE_ACCORDING",
    "_GAP_WORD", "_AND_VERB", "_LEAD_WORD", "_VERB_AT", "_VERB_CANDIDATE", "_VERB_START",
})
_built = False


def _build_patterns() -> None:
    global _AFTER_SPEAKER_VERB, _AFTER_VERB_SPEAKER, _AFTER_ACCORDING, _BEFORE_SPEAKER_VERB, _BEFORE_ACCORDING
    global _GAP_WORD, _AND_VERB, _LEAD_WORD, _VERB_AT, _VERB_CANDIDATE, _VERB_START, _built
    if _built:
        return
    _AFTER_SPEAKER_VERB = _compile(
        rf"[ \t]*,?\s*(?:[—–][ \t]*)?{_SPEAKER}{_APPOSITIVE_AFTER}(?:\s+{_ADV}){{0,2}}\s+(?P<verb>{_VERB})"
    )
    _AFTER_VERB_SPEAKER = _compile(
        rf"[ \t]*,?\s*(?:[—–][ \t]*)?(?P<verb>{_VERB})\s+{_SPEAKER}(?![\p{{L}}\p{{N}}])"
    )
    _AFTER_ACCORDING = _compile(rf"[ \t]*,?\s*(?:[—–][ \t]*)?(?P<verb>according\s+to)\s+{_SPEAKER}")
    _BEFORE_SPEAKER_VERB = _compile(rf"(?<![\p{{L}}\p{{N}}\-'’.]){_SPEAKER_VERB}")
    _BEFORE_ACCORDING = _compile(rf"(?P<verb>(?<![\p{{L}}])[Aa]ccording\s+to)\s+{_SPEAKER}")
    _GAP_WORD = _compile(r"[\p{L}\p{N}]+")
    _AND_VERB = _compile(rf"[ \t]+and[ \t]+(?:{_ADV}[ \t]+)?(?:\p{{Ll}}+ly[ \t]+)?(?P<verb>{_VERB})")
    _LEAD_WORD = _compile(r"\S+\s+")
    #: an attribution verb after whitespace, as the speaker patterns take it (their verb follows ``\s+``)
    _VERB_AT = _compile(rf"(?<=\s){_VERB}")
    first_words = _trie(_VERB_FIRST_WORDS)
    #: where one may start: after whitespace, the first word of a verb (as a prefix), for ``re`` (the
    #: regex module tries a named list at every position, ten times slower); ``_verb_end_at`` decides
    _VERB_CANDIDATE = re.compile(r"(?<=\s)" + first_words)
    _VERB_START = re.compile(first_words)
    _built = True


def _build_attribution_patterns() -> None:
    """Build the attribution patterns and their ``re`` twins (and the sentence splitter's) now,
    and use the twins from the first block: for a process about to fork workers (they inherit
    them, and only this process keeps new translations in the pattern cache; ``session`` calls it)."""
    from newslint.article import sentences

    _build_patterns()
    _TWINS.build()
    if sentences._twin is None:
        sentences._build_twin()


# -- re twins of the speaker patterns ---------------------------------------------------
# The stdlib ``re`` runs the three speaker patterns two to three times as fast as the regex
# module (and they are the costliest part of attribution): their twins (``newslint.article.twins``,
# exact on texts ``_re_span`` accepts) are used where they find the same. These patterns use
# these classes (and named lists, ``_LISTS``).
_TWIN_CLASSES = (r"\p{Lu}", r"\p{Ll}", r"\p{L}", r"\p{M}", r"\p{N}", r"\s")
_re_span, _span_chars = twins.re_span, twins.span_chars


def _to_re(pattern: str) -> str:
    """``pattern`` (one of this module's) in stdlib ``re`` syntax: ``twins.to_re``."""
    return twins.to_re(pattern, _LISTS, _TWIN_CLASSES)


def _re_twin(pattern: str):
    """The compiled ``re`` twin of a regex-module ``pattern`` (the translation is kept in the
    pattern cache, like the compiled twin itself)."""
    from newslint import cache

    depends = (__file__,) + twins.DEPENDS
    return re.compile(cache.remembered("quotations._to_re", pattern, lambda: _to_re(pattern), depends))


class _Twins:
    """The ``re`` twins of the speaker patterns, and whether to use them. Building them costs
    about 1.5 ms from the pattern cache (some 300 ms without it), which the faster matching
    repays after tens of kilobytes of quoted paragraphs: so they are turned on once
    ``TWIN_THRESHOLD`` characters of such paragraphs were attributed in this process, or by
    ``prepare_patterns``. Both ways find the same."""

    __slots__ = ("on", "seen", "after_speaker_verb", "after_verb_speaker", "before_speaker_verb")

    def __init__(self):
        self.on = False
        self.seen = 0

    def count(self, chars: int) -> None:
        self.seen += chars
        if self.seen >= TWIN_THRESHOLD and not self.on:
            self.build()

    def build(self) -> None:
        if self.on:
            return
        _build_patterns()
        twins = [_re_twin(rx.pattern) for rx in (_AFTER_SPEAKER_VERB, _AFTER_VERB_SPEAKER, _BEFORE_SPEAKER_VERB)]
        self.after_speaker_verb, self.after_verb_speaker, self.before_speaker_verb = twins
        self.on = True


TWIN_THRESHOLD = 64_000
_TWINS = _Twins()


def __getattr__(name: str):
    if name in _LAZY_PATTERNS:
        _build_patterns()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _LazyPattern:
    """A module pattern that is built on first use; every attribute is the built pattern's."""

    __slots__ = ("_name",)

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        if attr.startswith("__") or attr == "_name":  # copy/pickle probing a half-made instance
            raise AttributeError(attr)
        _build_patterns()
        return getattr(globals()[self._name], attr)

    def __repr__(self) -> str:
        _build_patterns()
        return repr(globals()[self._name])


#: public: "SPEAKER [, appositive,] [adverbs] VERB" anywhere (groups speaker, title, pronoun,
#: group, name, verb); the attributions pack uses it for reported speech ("critics claimed ...")
SPEAKER_VERB = _LazyPattern("_BEFORE_SPEAKER_VERB")


def _continues_sentence(text: str, blk: _Block, start: int, end: int) -> bool:
    """Whether the attribution sentence goes on after ``start`` (``text[start:end]`` is the rest of it):
    it opens with a colon, has more than four words, or holds a double quotation mark."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and text[i] == ":":
        return True
    words = 0
    for _ in _GAP_WORD.finditer(text, start, end):
        words += 1
        if words > 4:
            return True
    doubles = blk.doubles
    j = bisect.bisect_left(doubles, start)
    return j < len(doubles) and doubles[j] < end


def _after(text: str, q: Quotation, blk: _Block) -> Attribution | None:
    if not q.closed:
        return None
    final = q.inner_end > q.inner_start and text[q.inner_end - 1] == "."
    # Each pattern opens with the same prefix (spaces, a comma, a dash) and then needs a letter or
    # digit (the speaker), "according" or a verb's first word: ``lead`` is where that stands (the
    # stdlib class takes every prefix character and none of those), so cheap tests go first.
    lead = _AFTER_PREFIX.match(text, q.end).end()
    if lead == len(text):
        return None
    if text.startswith("according", lead):
        m = _AFTER_ACCORDING.match(text, q.end)
        if m:
            return _make(text, m, "according-to", "after")
    first = text[lead]
    if not first.isascii() or first.isalnum():
        # the speaker and its verb stand before the next barrier
        m = blk.after_speaker_verb.match(text, q.end, blk.next_barrier(q.end))
        if m:
            shape = "quote-then-speaker-verb"
            if final:
                _, s_end = _sentence_at(blk.sentences, blk.starts, m.end("verb"))
                if _continues_sentence(text, blk, m.end("verb"), s_end):
                    shape = "quote-then-sentence"
            return _make(text, m, shape, "after")
    if final:
        return None  # "“….” Said ..." is not an inverted attribution
    # "“…,” said NAME": the verb comes right after the prefix
    m = blk.after_verb_speaker.match(text, q.end) if _VERB_START.match(text, lead) else None
    if m:
        return _make(text, m, "quote-then-verb-speaker", "after")
    return None


def _verb_ends_in(text: str, lo: int, hi: int) -> list[int]:
    """The ends of the attribution verbs (what ``_VERB_AT`` matches) that start in ``[lo, hi)``
    and end by ``hi``, in order (verbs never overlap). A verb is read in the whole text, never
    cut at ``hi``: ``endpos`` would end "smiledthe" after "smiled"."""
    ends: list[int] = []
    for m in _VERB_CANDIDATE.finditer(text, lo, min(len(text), hi + _LONGEST_FIRST_WORD)):
        start = m.start()
        if start >= hi:
            break
        end = _verb_end_at(text, start)
        if end is not None and end <= hi:
            ends.append(end)
    return ends


def _last_speaker_verb(blk: _Block, lo: int, hi: int):
    """The last match of ``_BEFORE_SPEAKER_VERB.finditer(text, lo, hi)``.

    ``hi`` must not cut a word (the caller passes a quotation mark's position). Matches never
    span a barrier, so the barrier-free stretches are independent: the last one with a match
    holds the answer, and within it the search ends at its last verb.
    """
    text = blk.text
    ends = _verb_ends_in(text, lo, hi)
    i = len(ends) - 1
    while i >= 0:
        verb_end = ends[i]
        barrier = blk.last_barrier(lo, verb_end)
        start = lo if barrier is None else barrier + 1
        best = None
        for m in blk.before_speaker_verb.finditer(text, start, verb_end):
            best = m
        if best is not None or barrier is None:
            return best
        i = bisect.bisect_right(ends, barrier, 0, i) - 1  # the last verb that ends by the barrier
    return None


def _before(text: str, q: Quotation, lo: int, blk: _Block) -> Attribution | None:
    if lo >= q.start:
        return None
    best = _last_speaker_verb(blk, lo, q.start)
    acc = None
    if text.find("ccording", lo, q.start) >= 0:
        for m in _BEFORE_ACCORDING.finditer(text, lo, q.start):
            acc = m
    if acc is not None and (best is None or acc.start() > best.start()):
        if len(_GAP_WORD.findall(text, acc.end(), q.start)) <= MAX_GAP_WORDS:
            return _make(text, acc, "according-to", "before")
        return None
    if best is None:
        return None
    gap = text[best.end():q.start]
    if len(_GAP_WORD.findall(gap)) > MAX_GAP_WORDS:
        return None
    tail = gap.rstrip()
    if tail.endswith(":"):
        shape = "speaker-verb-colon-quote"
    elif tail.endswith(","):
        shape = "speaker-verb-comma-quote"
    else:
        shape = "speaker-verb-that-quote"
    return _make(text, best, shape, "before")


def _attribute_block(text: str, quotes: list[Quotation], sentences: list[tuple[int, int]]) -> None:
    blk = _Block(text, sentences)
    sentences, starts = blk.sentences, blk.starts
    after: dict[int, Attribution | None] = {}  # quote index -> _after (pure: found once)

    def after_of(i: int) -> Attribution | None:
        if i not in after:
            after[i] = _after(text, quotes[i], blk)
        return after[i]

    previous_end = 0
    for i, q in enumerate(quotes):
        if q.attribution is None:
            q.attribution = after_of(i)
            if q.attribution is None:
                s_start, _ = _sentence_at(sentences, starts, q.start)
                q.attribution = _before(text, q, max(s_start, previous_end), blk)
            elif q.attribution.position == "after":
                # a quote that ends a sentence its own named speaker opens ("Halvorsen told reporters
                # before the session that she had “…”.") is that speaker's, not the next sentence's
                # ("The commissioner said she would not comment"): that is another statement
                s_start, s_end = _sentence_at(sentences, starts, q.start)
                a = q.attribution
                if s_start < q.start and min(a.speaker_start, a.verb_start) >= s_end >= q.end \
                        and text[s_start:q.start].strip():
                    own = _before(text, q, max(s_start, previous_end), blk)
                    if own is not None and own.speaker_kind == "name" and own.speaker_start >= s_start:
                        q.attribution = own
        a = q.attribution
        if a is not None and a.position == "after" and i + 1 < len(quotes):
            nxt = quotes[i + 1]
            if after_of(i + 1) is None:
                attr_end = max(a.verb_end, a.speaker_end)
                between = text[attr_end:nxt.start]
                if between.strip() == ",":
                    a.position = "inside"
                    nxt.attribution = a.replace(position="inside")
                elif (
                    len(_GAP_WORD.findall(between)) <= 12
                    and _sentence_at(sentences, starts, nxt.start)[0] == nxt.start
                    and bisect.bisect_right(starts, nxt.start) == bisect.bisect_right(starts, attr_end) + 1
                ):
                    if q.sentences == 1:
                        a.position = "after-first-sentence"
                    nxt.attribution = a.replace(position="before")
        previous_end = q.end


# -- the article ------------------------------------------------------------------

def analyze_quotations(article) -> QuoteAnalysis:
    """Quotations of every block (with running quotes resolved and attributions) and their marks."""
    analysis = article.analysis
    per_block: list[tuple] = []
    marks: dict[int, list[tuple[int, str, str]]] = {}
    for block in article.blocks:
        block_marks, quotes, tail = _scan(block.text, block.index)
        per_block.append((block, block_marks, quotes, tail))
    # running quotes: an unclosed quote at the end of a body paragraph continues
    # when the next body paragraph opens with a mark of the same kind
    body = [entry for entry in per_block if entry[0].kind == "body"]
    continues: dict[int, Quotation] = {}  # id(continuation) -> the running quote it continues
    for (block, block_marks, _, tail), nxt in zip(body, body[1:] + [None]):
        if tail is None:
            continue
        quote, open_mark = tail
        follow = None
        if nxt is not None and nxt[2]:
            first = nxt[2][0]
            lead = len(nxt[0].text) - len(nxt[0].text.lstrip())
            positions, _, roles = nxt[1]
            if first.start == lead and first.kind == quote.kind and positions and positions[0] == lead \
                    and roles[0] in ("open", "unmatched"):
                follow = first
        if follow is not None:
            quote.running = True
            block_marks[2][open_mark] = "open"
            follow.continuation = True
            continues[id(follow)] = quote
    quotations: list[Quotation] = []
    for block, (positions, chars, roles), quotes, tail in per_block:
        marks[block.index] = list(zip(positions, chars, roles))
        if not quotes:
            continue
        text = block.text
        lead = len(text) - len(text.lstrip())
        for q in quotes:
            inner = text[q.inner_start:q.inner_end]
            if "." in inner or "?" in inner or "!" in inner or "…" in inner:
                q.sentences = len(split_sentences(inner))
            else:  # no sentence end to split at: one sentence, or none if blank
                q.sentences = 1 if inner.strip() else 0
        quotes[0].paragraph_quote = quotes[0].start == lead
        _attribute_block(text, quotes, analysis.sentences(block))
        for previous, q in zip([None, *quotes], quotes):
            if q.continuation and previous is not None and previous.running:
                continues[id(q)] = previous
        for q in quotes:
            q.index = q.run = len(quotations)
            if id(q) in continues:
                q.run = continues[id(q)].run
            quotations.append(q)
    return QuoteAnalysis(quotations, marks)


def find_quotations(article) -> list[Quotation]:
    """Every top-level quotation in the article, in order."""
    return analyze_quotations(article).quotations
