"""Number style: the figures-vs-words, dates, times, money and percent checks
of the ``numbers`` pack.

Numbers are where news style guides are most precise and where a naive regex
is noisiest (ages, scores, addresses, IDs, years all look like "a number").
Each kind here is narrow: it fires only in a context it understands and stays
silent otherwise. Profile differences (AP vs UK) are options, so a newsroom
config can flip any single choice.
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.article.lexicon import NATIONALITIES
from newslint.cache import longest_first as _longest_first
from newslint.news.house_style import enforce_option, mix_note
from newslint.kinds.base import (CheckContext, Hit, Option, OptionError, RuleKind, article_cache,
                                  article_letter_runs, article_text, folded_text, letter_runs)

# -- shared vocabulary ---------------------------------------------------------

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: i + 10 for i, w in enumerate(_TEENS)})
WORD_VALUES.update({w: (i + 2) * 10 for i, w in enumerate(_TENS)})
SMALL_WORDS = {i + 1: w for i, w in enumerate(_UNITS)}

_ORD_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
              "seventeenth", "eighteenth", "nineteenth"]
_ORD_TENS = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
             "ninetieth"]
ORDINAL_VALUES: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
ORDINAL_VALUES.update({w: i + 10 for i, w in enumerate(_ORD_TEENS)})
ORDINAL_VALUES.update({w: (i + 2) * 10 for i, w in enumerate(_ORD_TENS)})

# a cardinal in words, 1-99 ("five", "twelve", "twenty-five", "twenty five")
_CARDINAL = (r"(?:(?:" + "|".join(_TENS) + r")(?:[-‑](?:" + "|".join(_UNITS) + r"))?|"
             + "|".join(_TEENS + _UNITS) + r")")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
#: AP's abbreviations, used only with a day; March-July are never abbreviated
AP_ABBREVIATIONS = {"January": "Jan.", "February": "Feb.", "August": "Aug.", "September": "Sept.",
                    "October": "Oct.", "November": "Nov.", "December": "Dec."}
#: abbreviated spellings found in copy, with or without a period
_MONTH_ABBR = {"Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
               "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
               "Oct": "October", "Nov": "November", "Dec": "December"}
_MONTH_RE = r"(?:" + "|".join(MONTHS) + "|" + "|".join(sorted(_MONTH_ABBR, key=_longest_first)) + r")"


def month_name(token: str) -> str:
    """The full month name of a month token ("Oct." -> "October")."""
    token = token.rstrip(".")
    return _MONTH_ABBR.get(token, token)


def int_value(digits: str) -> int:
    return int(digits.replace(",", ""))


def group_thousands(digits: str) -> str:
    return f"{int(digits):,}"


def _word_value(word: str) -> int | None:
    parts = regex.split(r"[-‑ ]", word.lower())
    if len(parts) == 1:
        return WORD_VALUES.get(parts[0])
    tens, unit = WORD_VALUES.get(parts[0]), WORD_VALUES.get(parts[1])
    if tens is None or unit is None or tens < 20 or unit > 9:
        return None
    return tens + unit


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


#: plural nouns that are units, money, time or sports statistics: AP uses figures with them
UNIT_NOUNS = frozenset("""
cents pence pounds dollars euros yen yuan rupees francs pesos rand
points goals runs yards wickets seconds minutes hours innings overs rebounds assists saves
touchdowns tackles sacks steals birdies bogeys strokes shots laps sets frames tries caps
inches feet foot metres meters miles kilometres kilometers kilograms kilos grams ounces tons
tonnes litres liters gallons acres hectares degrees megabytes gigabytes terabytes bytes bits
kilobytes kilobits megabits gigabits terabits megapixels hertz kilohertz megahertz gigahertz knots decibels
pixels volts watts megawatts gigawatts kilowatts centimetres centimeters millimetres millimeters
odds pts mins hrs secs yrs kms kgs lbs mph kph
""".split())
#: a concentration's unit after "parts": "4 parts per trillion", "2 parts per million"
_PARTS_PER = regex.compile(r"[ \u00a0]+per[ \u00a0]+(?:hundred|thousand|million|billion|trillion)\b")
#: words ending in "s" that are not plural nouns
NOT_PLURAL = frozenset("""
does goes says gets makes takes plus minus less unless news series species thus always perhaps
whereas besides towards afterwards sometimes across
""".split())
IRREGULAR_PLURALS = frozenset("people children men women mice teeth geese police staff".split())
#: words before a figure that make it a label, not a count ("Category 5 storms", "Level 4")
LABELS = frozenset("""
no no. nos nos. number category cat level grade stage phase type class division league route
page pages chapter section article room gate platform channel tier size version model series
round game week day year act title floor exit highway interstate pier terminal covid formula
apollo top band key zone district ward unit block lot flight bus lane road box rank ranked
seed seeded step part volume vol issue episode season test match series figure table
paragraph clause annex appendix schedule item count
""".split())


def is_plural_noun(word: str) -> bool:
    if word in IRREGULAR_PLURALS:
        return True
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
            and word not in NOT_PLURAL)


#: abbreviations whose period does not end a sentence
_ABBREVIATIONS = frozenset("""
no nos st mt rd ave gen vol pp p fig art sec ch vs v approx est inc co corp ltd jr sr dr mr mrs ms
sen rep gov lt col capt sgt jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
_BEFORE_START = regex.compile(r"(?P<word>[\w.’'-]*?)(?P<stop>[.!?])[\"”’')\]]*\s+[\"“‘'(\[]*$")
#: a plain count (not a time, a score or a decimal) followed by a word: "12 current or former players"
_COUNT_AT = regex.compile(r"\d{1,3}(?:,\d{3})*[ \u00a0]+\p{Ll}")
_BLOCK_START = regex.compile(r"^[\s\"“‘'(\[]*$")
_OPENERS = "\"“‘'(["
_CLOSERS = "\"”’')]"
_PREV_WORD = regex.compile(r"([\w.’'&-]+)[\s,]*$")


def _may_follow_stop(head: str) -> bool:
    """Whether ``head`` ends in a stop, closers, blanks and openers, as ``_BEFORE_START`` needs."""
    head = head.rstrip(_OPENERS)
    return bool(head) and head[-1].isspace() and head.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?"))


def at_sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` opens a sentence: block start, or after ., ! or ? (not an abbreviation)."""
    lo = max(0, pos - 40)
    if lo == 0 and _BLOCK_START.match(text, 0, pos):
        return True
    # most figures follow a word: the stop, closers, blanks and openers the search needs are
    # checked by stripping them off first (``$`` also matches before a final line break)
    head = text[lo:pos]
    if not _may_follow_stop(head) and not (head.endswith("\n") and _may_follow_stop(head[:-1])):
        return False
    m = _BEFORE_START.search(text, lo, pos)
    if not m:
        return False
    if m.group("stop") == ".":
        word = m.group("word")
        if "." in word or word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
        if word.isdigit() and not (len(word) == 4 and word[:2] in ("19", "20") and _COUNT_AT.match(text, pos)):
            # "1. Item" list numbering (a year ends a sentence before a count: "registered in 2021. 12
            # players"; not a time after a dateline's date: "April 21, 2022. 10:11 pm")
            return False
    return True


def previous_word(text: str, pos: int):
    """The word before ``pos`` (skipping spaces and commas), as a match with .group(1) and .start(1)."""
    return _PREV_WORD.search(text, max(0, pos - 40), pos)




def scan(ctx: CheckContext, pattern, text: str, pos: int = 0):
    """``ctx.finditer(pattern, text, pos)`` for a pattern most blocks do not match: a search without
    the timeout first (the timeout costs a clock reading per call, more than the search itself).
    Only for the kinds' own linear patterns (no nested quantifiers), never for a pack's.

    The matches are taken from the first one's start: what ``finditer`` finds from the text's start
    is no match before it, then the same matches (a lookbehind or ``\\b`` still sees the text before
    ``pos``; none of these patterns uses ``\\G`` or REVERSE), so the text before it is not scanned twice."""
    first = pattern.search(text, pos)
    if first is None:
        return ()
    return ctx.finditer(pattern, text, first.start())


_DIGIT = regex.compile(r"\d")
_DIGITS = regex.compile(r"\d+")


def digit_blocks(article) -> frozenset:
    """Indexes of the blocks whose prose has a digit, once per article (several kinds ask)."""
    return article_cache(article, "numbers.digits",
                         lambda: frozenset(b.index for b in article.blocks if _DIGIT.search(b.text)))


def figure_runs(article, block) -> tuple:
    """The (start, end) of each run of digits in the block's prose, once per article.

    A dozen number rules each scanned every block with a figure for their own
    trigger; a test on these few runs (what follows or precedes a figure) tells
    most of them the block has nothing for them, without a pass over the text.
    """
    return article_cache(article, ("numbers.runs", block.index),
                         lambda: tuple(m.span() for m in _DIGITS.finditer(block.text)))


_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_BLANKS = " \t\u00a0"
_STOPS = ".!?"
#: between a stop and a figure that opens a sentence: blanks, closers and openers
_QUOTES_BRACKETS = frozenset("\"“‘'([”’)]")
_MONTH_PREFIXES = frozenset(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"))


#: characters right before a figure that ``_MAY_START_FIGURE``'s first look-behind refuses (its
#: ``[\w.,$£€]``; the ASCII word characters only, the rest are left to the pattern)
_STUCK_BEFORE_FIGURE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.,$£€")


def may_open_sentence(text: str, runs) -> bool:
    """Whether a run of digits follows the block's start or a stop with only blanks, closers
    and openers between (what ``_MAY_START_FIGURE`` needs), and not right after a letter,
    a digit, a point, a comma or a currency sign ("3.5", "$5": nor does it)."""
    for start, _ in runs:
        if start and text[start - 1] in _STUCK_BEFORE_FIGURE:
            continue
        i = start
        while i and (text[i - 1] in _QUOTES_BRACKETS or text[i - 1].isspace()):
            i -= 1
        if i == 0 or text[i - 1] in _STOPS:
            return True
    return False


def meridian_after_figure(text: str, runs) -> bool:
    """Whether a figure is followed by "a"/"p" (after one blank at most): "9am", "9:30 P.M."."""
    for _, end in runs:
        c = text[end:end + 1]
        if c and c in _BLANKS:
            c = text[end + 1:end + 2]
        if c and c in "aApP":
            return True
    return False


def _month_word_before(text: str, pos: int) -> bool:
    """A word starting with a month's first three letters ends at ``pos``."""
    i = pos
    while i and text[i - 1].isalpha():
        i -= 1
    return pos - i >= 3 and text[i:i + 3] in _MONTH_PREFIXES


def month_next_to_figure(text: str, runs) -> bool:
    """Whether a figure is next to a month: "Oct. 10", "October, 2009", "10th of October"
    (what the date patterns need; a word starting Jan ... Dec counts as a month)."""
    n = len(text)
    for start, end in runs:
        # before: blanks, then "." or ",", then the month
        i = start
        while i and text[i - 1] in _BLANKS:
            i -= 1
        if i < start:
            if i and text[i - 1] in ".,":
                i -= 1
            if _month_word_before(text, i):
                return True
        # after: a suffix, blanks, "of" and blanks, then the month
        j = end
        if text[j:j + 2] in _ORDINAL_SUFFIXES:
            j += 2
        k = j
        while k < n and text[k] in _BLANKS:
            k += 1
        if k == j:
            continue
        if text[k:k + 2] == "of" and k + 2 < n and text[k + 2] in _BLANKS:
            k += 2
            while k < n and text[k] in _BLANKS:
                k += 1
        if text[k:k + 3] in _MONTH_PREFIXES:
            return True
    return False


_PROSE_END = regex.compile(r"[.!?…:;\"”’')]\s*$")


class NumberKind(RuleKind):
    """Shared options and helpers for the number kinds (no ``name``: not registered)."""

    FIXABLE = True
    HEADLINES_DEFAULT = True
    #: skip blocks without a digit (a cheap test that spares most regex scans)
    NEEDS_DIGIT = True

    def blocks(self, ctx: CheckContext):
        """The blocks in scope that read as prose.

        A short body line with no closing punctuation ("Posted: Nov 8, 2023 / 04:43 PM",
        "4 Min Read", a bullet of figures) is page furniture or a data line, not
        copy a style rule should judge; headlines and captions are judged as they are.
        """
        headlines = self.options.get("headlines", self.HEADLINES_DEFAULT)
        # a dozen number rules ask the same of every block: decided once per article, and the
        # list for a scope once per article too
        return article_cache(ctx.article, ("numbers.blocks", self.rule.scope, headlines, self.NEEDS_DIGIT),
                             lambda: self._blocks(ctx, headlines))

    def _blocks(self, ctx: CheckContext, headlines: bool) -> list:
        prose = article_cache(ctx.article, ("numbers.prose", self.NEEDS_DIGIT),
                              lambda: self._prose_blocks(ctx.article, self.NEEDS_DIGIT))
        return [block for block in ctx.blocks()
                if (headlines if block.kind == "headline" else block.index in prose)]

    @staticmethod
    def _prose_blocks(article, needs_digit: bool) -> frozenset[int]:
        """Indexes of the article's blocks (headline aside) that ``blocks`` may judge."""
        keep = []
        digits = digit_blocks(article)
        for block in article.blocks:
            text = block.text
            if needs_digit and block.index not in digits:
                continue
            if (block.kind != "caption" and not _PROSE_END.search(text, max(0, len(text) - 12))
                    and len(text.split()) <= 10):
                continue
            keep.append(block.index)
        return frozenset(keep)


    def collapsed(self, ctx: CheckContext, hits: list, house_uses: list, house: str) -> list:
        """Hits for a house-style *choice* (percent sign, date order, a.m.).

        When an article never uses the house form, it follows another style
        throughout (wire copy, a syndicated piece): one finding at the first use
        says so, instead of one per use. When it mixes forms, each stray use is
        flagged. ``collapse: false`` flags every use.
        """
        if not hits:
            return hits
        if not self.rule.quotes:
            analysis = ctx.article.analysis
            hits = [h for h in hits if not analysis.in_quote(h.block, h.start, h.end)]
        if not self.options.get("collapse", True) or len(hits) < 2:
            return hits
        if any(self.outside_quotes(ctx, block, start, end) for block, start, end in house_uses):
            return hits
        first = hits[0]
        first.message = ((first.message or self.rule.message)
                         + f" The article uses this form throughout ({len(hits)} times); house style: {house}.")
        return [first]

    def outside_quotes(self, ctx: CheckContext, block, start: int, end: int) -> bool:
        return self.rule.quotes or not ctx.article.analysis.in_quote(block, start, end)


_COLLAPSE = Option("bool", default=True,
                   doc="enforce: always: one finding per article when the article never uses the house form")

def _headlines_option(default: bool) -> Option:
    return Option("bool", default=default,
                  doc="also check headlines (AP headlines use figures for all numbers)")


# -- spelling out -------------------------------------------------------------------

#: determiners before a figure that make it a count of the noun phrase after it ("its 9 assistant
#: principal jobs"; ``NumberSpelling._modified_count``)
_COUNT_DETERMINERS = frozenset("its their the his her our these those all".split())
#: a conjunction that opens a clause whose subject the figure counts: "when 7 tank cars carrying
#: vinyl chloride left the tracks" (the noun phrase is the clause's subject, as after a determiner)
_CLAUSE_OPENERS = frozenset("when after while because before until once if".split())
_SUBJECT_LEADS = _COUNT_DETERMINERS | _CLAUSE_OPENERS
#: prepositions whose object a figure opens: "by 6 state attorneys general", "for 3 straight nights",
#: "on 9 bus routes"
_COUNT_PREPOSITIONS = frozenset("by with from for among into about against over under after before on in at across "
                                "through within".split())


#: contractions that end like a possessive but are a pronoun and a verb ("it's 8 miles")
_NOT_POSSESSIVES = frozenset("it's that's there's here's he's she's what's who's where's let's".split())


#: members of a party counted by a capitalised plural ("7 Republicans")
_PARTY_MEMBERS = frozenset("republicans democrats conservatives tories socialists liberals greens".split())


def _capital_people(word: str) -> bool:
    """A capitalised plural of people a figure counts: party members, a nationality's people
    ("Republicans", "Americans", "Germans"; not a label's word, "Windows", "Jets")."""
    low = word.lower()
    return low in _PARTY_MEMBERS or low.endswith("s") and low[:-1] in _NATIONALITIES \
        and low[:-1].endswith(("an", "er")) and word[1:].islower()


#: words between a count's lead and the figure ("filed at least 4 ...", "sent nearly 8 ...")
_QUANTIFIERS = frozenset("nearly about only just roughly approximately almost some".split())


def _count_lead(word: str) -> bool:
    """A word before a figure that makes the noun phrase after it a count: a determiner, a
    possessive noun ("the district's 8 elementary schools"), a clause opener, a preposition, or
    a verb in the past tense ("notified 6 state attorneys general")."""
    if word.endswith(("'s", "’s")):
        return len(word) > 3 and word.replace("’", "'") not in _NOT_POSSESSIVES
    return word in _SUBJECT_LEADS or word in _COUNT_PREPOSITIONS or len(word) > 4 and word.endswith("ed") \
        or word in _HAVING_VERBS


#: verbs of having or running what the figure counts ("operates 5 crew bases", "has 4 polling stations",
#: "flies 2 round trips a day")
_HAVING_VERBS = frozenset("has have had operates operate runs run owns own employs employ manages oversees "
                          "includes include flies fly serves serve".split())


#: irregular past verbs that count what they found or kept ("found 3 that")
_PAST_COUNTING = frozenset("found saw had made took got kept lost won left chose picked named identified".split())

#: a sentence opening with the whole a count is part of, up to the count: "Of the 41 residents who
#: signed up to speak, only |9 supported the plan" (the count stands for the whole's noun)
_OF_WHOLE_BEFORE = regex.compile(r"(?:^|(?<=[.!?][ \u00a0]))Of[ \u00a0]+(?:the|those|these|its|their|his|her)[ \u00a0]"
                                 r"[^,.;:!?“”\"]{3,100},[ \u00a0]+(?:(?:only|just|about|nearly|roughly|at[ \u00a0]+least)"
                                 r"[ \u00a0]+)?\Z")
#: what a count standing alone does next: a verb, lower case ("9 supported", "3 were children")
_VERB_AFTER_COUNT = regex.compile(r"[ \u00a0]+(?:were|was|are|had|have|has|did|could|would|will|can|said|say"
                                  r"|\p{Ll}+ed)(?![\p{L}\-])")


#: words before a base verb that make it one ("would close", "to hire")
_MODALS = frozenset("would will could can may might must should to".split())


def _modal_verb_lead(text: str, prev) -> bool:
    """The word before a figure is a verb after a modal or "to", and the figure opens its object:
    "would close 7 elementary schools", "plans to hire 6 field inspectors"."""
    word = prev.group(1)
    if not word.isalpha() or not word.islower() or word in _SUBJECT_LEADS or word in _MODALS:
        return False
    before = previous_word(text, prev.start(1))
    return before is not None and before.group(1).lower() in _MODALS and not text[before.end(1):prev.start(1)].strip(" ")


#: the next lower-case word of a noun phrase
_MODIFIER_NEXT = regex.compile(r"[ \u00a0]+(\p{Ll}+(?:-\p{Ll}+)*)(?![\w'’-])")
#: a capitalised modifier right after a count adjective: "7 other Maya pieces", "3 more Chinese ships"
_PROPER_MODIFIER_NEXT = regex.compile(r"[ \u00a0]+(\p{Lu}\p{Ll}+)(?![\w'’-])")
#: words that are no modifier in a counted noun phrase
_NOT_MODIFIERS = frozenset("""percent pct per cent million billion trillion thousand hundred mln bln dozen
a an the and or of to in on at for by with from as than that which who year years month months week
weeks day days hour hours old""".split())
#: a figure of one or two digits and the lower-case word after it, which may be a possessive
#: ("6 months' time", "2 men's faces")
_SMALL_FIGURE = regex.compile(r"(?<![\w$£€¥#.,:/+\-–−'’&%])(\d{1,2})"
                              r"(?=\s+(\p{Ll}+(?:-\p{Ll}+)?|\p{Lu}\p{Ll}+)(?:['’]s?)?(?![\w'’-]))")
#: words that end a partitive's noun phrase before its plural ("3 of the votes" is one; "3 of the
#: members of" is cut at "of" after the plural anyway)
_PARTITIVE_STOP = frozenset("and or but of to in on at by for with as that which who was were is are".split())
#: what follows "N of" in a partitive: a determiner, then up to three words ("of the city's five wells")
_PARTITIVE = regex.compile(r"[ \u00a0]+(?:the|its|their|his|her|our|these|those)"
                           r"(?P<words>(?:[ \u00a0]+[\p{L}\d][\p{L}\d'’\-]*){1,3})")
#: words right after a figure that make what follows a count with no determiner: "3 other allies",
#: "4 more officers", "2 additional inspectors", "5 smaller hospitals"
_COUNT_ADJECTIVES = frozenset("other more additional new separate different extra fewer smaller larger bigger "
                               "older younger newer".split())


def _participle(word: str) -> bool:
    """A participle used as an adjective opens a counted noun phrase as those words do: "in 5
    shuttered auto-parts factories", "3 armed guards", "4 skimming vessels" (a plural must still
    end it)."""
    return len(word) > 4 and word.endswith("ed") or len(word) > 5 and word.endswith("ing")


#: the last part of a compound that makes a measure or an age with the figure before it
_MEASURE_ENDS = frozenset("""year month week day hour minute second mile foot inch yard meter metre
kilometer kilometre acre ton tonne pound ounce gallon liter litre point goal run old story storey
seat man person member page""".split())


def _compound_modifier(word: str) -> bool:
    """A hyphenated compound adjective ("low-cost", "regular-season") opens a counted noun phrase
    too, when the plural follows it directly: "8 low-cost carriers" (not a measure or an age
    missing its first hyphen: "5 square-mile areas", "3 year-old boys")."""
    parts = word.split("-")
    return len(parts) == 2 and all(len(p) > 1 and p.isalpha() for p in parts) \
        and parts[1] not in _MEASURE_ENDS and parts[0] not in _MEASURE_ENDS
#: the verb of a clause right after its subject's plural: "said 4 rescue teams were rotating"
_AUXILIARY_AFTER = regex.compile(r"[ \t]+(?:were|are|have|had|will|would|could|can|must|remain|remained)(?![\p{L}\-])")
_AUXILIARY_AFTER_GATE = regex.compile(r"[ \t](?:were|are|have|had|will|would|could|can|must|remain|remained)(?![\p{L}\-])")
#: a nationality after a figure starts the noun phrase it counts ("9 Chinese coast guard ships")
_NATIONALITIES = NATIONALITIES
#: characters right before a figure that ``_SMALL_FIGURE``'s look-behind refuses (the ASCII word
#: characters of its ``\w``, the rest as written; other characters are left to the pattern)
_STUCK_BEFORE_SMALL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$£€¥#.,:/+-–−'’&%")


def _may_count(text: str, runs) -> bool:
    """Whether ``_SMALL_FIGURE`` can match: a run of one or two digits, not right after a character
    its look-behind refuses, then blanks and a lower-case letter (or any character outside ASCII)."""
    n = len(text)
    for start, end in runs:
        if end - start > 2 or not text[end:end + 1].isspace() or (start and text[start - 1] in _STUCK_BEFORE_SMALL):
            continue
        j = end + 1
        while j < n and text[j].isspace():
            j += 1
        if j < n and (text[j].islower() or not text[j].isascii()):
            return True  # (outside ASCII, the pattern's \p{Ll} knows letters str.islower may not)
        if j < n and text[j].isupper():
            k = j + 1
            while k < n and text[k].isalpha():
                k += 1
            if text[j:k].lower() in _NATIONALITIES or _capital_people(text[j:k]):
                return True  # "9 Chinese coast guard ships", "7 Republicans"
    return False
#: "more" and a verb after a number word: the count of a noun named before ("forty more were anchored")
_MORE_THEN_VERB = regex.compile(r"[ \u00a0]+more[ \u00a0]+(?:were|are|was|is|had|have|has|will|would|could|"
                                r"remain|remained|died|arrived|waited|stood|sat|lay)(?![\w'’\-])")
_LARGE_WORD = regex.compile(r"\b(?<![\w'’-])(" + _CARDINAL + r")(?![\w'’]|[-‑]\w)")
_RANGE_BEFORE = regex.compile(r"(?:\d|\b(?:" + "|".join(_UNITS + _TEENS + _TENS)
                              + r"))\s*(?:to|and|or|-|–|,|in|out\s+of|of)\s*$", regex.I)
#: a number word or "point" just before: "Fifty nine percent", "one point three per cent"
_NUMBER_WORD_BEFORE = regex.compile(r"\b(?:" + "|".join(_UNITS + _TEENS + _TENS)
                                    + r"|point|(?:hundred|thousand|million|billion)\s+and)[\s-]+$", regex.I)
#: "one in ten", "nine out of ten": a ratio, left alone
_RATIO_BEFORE = regex.compile(r"(?:\d|\b(?:" + "|".join(_UNITS + _TEENS + _TENS) + r"))\s*(?:in|out\s+of|of)\s*$",
                              regex.I)
_AGE_BEFORE = regex.compile(r"\b(?:aged?|ages)\s+$", regex.I)
#: a spelled-out partner in a range or alternative before a small figure ("two or 3 weeks",
#: "one to 2 months"): the figure is then a slip for a word like its partner
_WORD_PARTNER = regex.compile(r"\b(" + "|".join(_UNITS + ["ten"]) + r")\s*(?:to|or|and|,)\s*$", regex.I)
#: a span of time dated by what follows ("Amsterdam 6 weeks ago", "Cuba 3 days later") or a
#: frequency ("Tokyo 5 days a week"): a count after a capitalized word, not a label ("Windows 7 users")
_SPAN_NOUNS = frozenset("days weeks months years decades nights times".split())
_DATED_SPAN = regex.compile(r"\s+(?:ago|later|earlier|after|before|a\s+(?:day|week|month|year))\b")
_NEXT_WORD = regex.compile(r"\s+(\p{Ll}[\w'’]*)")


class NumberSpelling(NumberKind):
    name = "number-spelling"
    description = "One to nine in words, 10 and up in figures, outside the usual exceptions."
    OPTIONS = {
        "check": Option("str", default="small", choices=("small", "large"),
                        doc="small: figures that should be words; large: words that should be figures"),
        "threshold": Option("int", default=9, doc="the largest number spelled out (AP and BBC 9, Economist 10)"),
        "units": Option("list[str]", default=[], doc="more plural nouns that take figures (units, statistics)"),
        "labels": Option("list[str]", default=[], doc="more words that make a following figure a label"),
        "headlines": _headlines_option(False),
    }

    def setup(self, options):
        if not 1 <= options["threshold"] <= 20:
            raise OptionError("options.threshold", "expected a number from 1 to 20")
        self.NEEDS_DIGIT = options["check"] == "small"
        # a number word above the threshold starts with a tens word or is one: without any of
        # them among a block's words (letter runs) ``_large`` has nothing to scan for
        self.large_firsts = frozenset(_TENS) | {w for w, v in WORD_VALUES.items() if v > options["threshold"]}
        self.units = UNIT_NOUNS | {u.lower() for u in options["units"]}
        self.labels = LABELS | {u.lower() for u in options["labels"]}

    def check(self, ctx):
        small = self.options["check"] == "small"
        for block in self.blocks(ctx):
            yield from (self._small(ctx, block) if small else self._large(ctx, block))

    def _counted_noun(self, text: str, end: int, noun: str, units: bool = False) -> bool:
        """A plain plural noun after the number, not an age ("5 years old") or (unless ``units``) a unit."""
        if not (is_plural_noun(noun) or (units and noun in self.units)) or (noun in self.units and not units):
            return False
        after = text[end:end + 12]
        if noun in ("years", "months", "weeks", "days") and regex.match(r"\s+old\b", after):
            return False
        if noun.endswith("-olds"):
            return False  # an age missing its first hyphen: "3 year-olds"
        if noun == "parts" and _PARTS_PER.match(text, end):
            return False  # a concentration: "4 parts per trillion" is a measure
        return True

    def _modified_count(self, text: str, start: int, first_end: int, first: str, nationality: bool = False):
        """The noun phrase a figure counts through one or two modifiers, when a determiner stands
        before the figure ("its 9 assistant principal jobs" -> "assistant principal jobs"); None
        when the words are not modifiers (function words, units, multipliers) or no plural ends them."""
        prev = previous_word(text, start)
        # past a quantifier to the lead before it: "filed at least 4 written requests", "sent
        # nearly 8 rescue boats"
        if prev is not None and not text[prev.end(1):start].strip():
            word = prev.group(1).lower()
            if word in _QUANTIFIERS or word in ("least", "most") and text[:prev.start(1)].rstrip().endswith(" at"):
                at = prev.start(1) if word in _QUANTIFIERS else text.rindex("at", 0, prev.start(1))
                lead = previous_word(text, at)
                if lead is not None and not text[lead.end(1):at].strip():
                    prev, start = lead, at
        subject = False
        compound = not nationality and _compound_modifier(first)
        if not nationality and first not in _COUNT_ADJECTIVES and not _participle(first) and not compound and (
                prev is None or not (_count_lead(prev.group(1).lower()) or _modal_verb_lead(text, prev))
                or text[prev.end(1):start].strip()):
            # (a nationality first needs no determiner: "9 Chinese ships" is a count; nor does the
            # subject of a clause, its verb right after the plural: "said 4 rescue teams were rotating")
            if not _AUXILIARY_AFTER_GATE.search(text, first_end, first_end + 80):
                return None
            subject = True
        words = [first]
        nxt = _MODIFIER_NEXT.match(text, first_end)
        if nxt is None and first in _COUNT_ADJECTIVES:
            nxt = _PROPER_MODIFIER_NEXT.match(text, first_end)
        while nxt is not None and len(words) < (4 if nationality else 2 if compound else 3):
            words.append(nxt.group(1))
            if self._counted_noun(text, nxt.end(), nxt.group(1)):
                if "-" in nxt.group(1):  # a compound plural modifying the noun: "auto-parts factories"
                    head = _MODIFIER_NEXT.match(text, nxt.end())
                    if head is not None and self._counted_noun(text, head.end(), head.group(1)):
                        words.append(head.group(1))
                        nxt = head
                mods = words[:-1]
                if any(w in _NOT_MODIFIERS or w in self.units or (is_plural_noun(w) and "-" not in w) for w in mods):
                    return None
                if subject and not _AUXILIARY_AFTER.match(text, nxt.end()):
                    return None
                return " ".join(words)
            nxt = _MODIFIER_NEXT.match(text, nxt.end())
        return None

    def _coordinated_count(self, text: str, start: int, nm) -> bool:
        """After a count's lead (a verb in the past, a determiner, a preposition), lower-case
        modifiers joined by "and" or "or" up to a plural: "examined eleven private real estate and
        hedge funds" (no punctuation, no function word but the one "and"/"or")."""
        prev = previous_word(text, start)
        if prev is None or text[prev.end(1):start].strip() or not _count_lead(prev.group(1).lower()):
            return False
        joined = False
        word = nm
        for _ in range(6):
            w = word.group(1).lower()
            if w in ("and", "or") and not joined:
                joined = True
            elif w in _NOT_MODIFIERS or w in _PARTITIVE_STOP or w in self.units or not w.isalpha():
                return False
            elif is_plural_noun(w):
                return joined and self._counted_noun(text, word.end(), w)
            word = _MODIFIER_NEXT.match(text, word.end())
            if word is None:
                return False
        return False

    def _modifier_then_plural(self, text: str, nm, start: int | None = None) -> bool:
        """One lower-case modifier, then a counted plural: "eleven exploration licenses"; or two
        after a count's lead (``_count_lead``, the word right before the number at ``start``):
        "operates fourteen urgent care clinics"."""
        word = nm.group(1).lower()
        if word in _NOT_MODIFIERS or word in self.units or word in _PARTITIVE_STOP or is_plural_noun(word) \
                or not word.isalpha():
            return False
        nxt = _MODIFIER_NEXT.match(text, nm.end())
        if nxt is None:
            return False
        if self._counted_noun(text, nxt.end(), nxt.group(1)):
            return True
        if start is None:
            return False
        prev = previous_word(text, start)
        if prev is None or text[prev.end(1):start].strip() or not _count_lead(prev.group(1).lower()):
            return False
        second = nxt.group(1).lower()
        if second in _NOT_MODIFIERS or second in self.units or second in _PARTITIVE_STOP \
                or is_plural_noun(second) or not second.isalpha():
            return False
        third = _MODIFIER_NEXT.match(text, nxt.end())
        return third is not None and self._counted_noun(text, third.end(), third.group(1))

    def _partitive(self, text: str, of_end: int) -> str | None:
        """The counted whole after "N of": a determiner and a plural noun within three words
        ("of the city's five wells" -> "of the city's five wells"); None for anything else ("3 of
        10", "4 of the law", "2 of the 10")."""
        m = _PARTITIVE.match(text, of_end)
        if m is None:
            return None
        pos = m.start("words")
        for w in m.group("words").split():
            pos = text.index(w, pos) + len(w)
            low = w.lower()
            if not w.islower() and not w[0].isdigit() and not low.endswith(("'s", "’s")):
                return None  # a name ("3 of the Ravens") is not a counted noun phrase
            if self._counted_noun(text, pos, low):
                return "of " + " ".join(text[of_end:pos].split())
            if low in _PARTITIVE_STOP or low in self.units:
                return None
        return None

    def _label_before(self, text: str, start: int, named: bool = True) -> bool:
        """ "Category 5 storms", "No. 3 seeds", "Windows 7 users": a label, not a count (with
        ``named`` false, only a label word such as "Category", not any capitalized word)."""
        m = previous_word(text, start)
        if not m or text[m.end(1):start].strip():
            return False  # (a comma between is no label: "By Wednesday, 4 skimming vessels")
        prev = m.group(1)
        if prev.lower().rstrip(".") in self.labels:
            return True
        return named and prev[0].isupper() and not at_sentence_start(text, m.start(1))

    def _small(self, ctx, block):
        text = block.text
        threshold = self.options["threshold"]
        if not _may_count(text, figure_runs(ctx.article, block)):
            return
        for m in scan(ctx, _SMALL_FIGURE, text):
            value = int(m.group(1))
            if not 1 <= value <= threshold or m.group(1).startswith("0"):
                continue
            noun = m.group(2)
            noun_end = m.end() + len(text[m.end():]) - len(text[m.end():].lstrip()) + len(noun)
            if noun[0].isupper():
                # a capital is a label's or a name's ("Windows 7 Home"), save a nationality that
                # opens the counted noun phrase: "9 Chinese coast guard ships", or people counted
                # by their party or nation: "with 7 Republicans joining", "3 Americans"
                phrase = self._modified_count(text, m.start(), noun_end, noun, nationality=True) \
                    if noun.lower() in _NATIONALITIES else noun if _capital_people(noun) else None
                if phrase is None:
                    continue
                noun = phrase
            elif noun == "of":
                # a part of a counted whole: "3 of the city's five wells", "won 4 of its last 6 games"
                noun = self._partitive(text, noun_end)
                if noun is None:
                    continue
            elif noun in ("that", "who", "which"):
                # a count standing for a noun named before it: "reviewed 200 tows and found 3 that
                # should not have been ordered" (after a verb in the past only: after a preposition it
                # may be an age, "children under 5 who")
                prev = previous_word(text, m.start())
                word = prev.group(1).lower() if prev is not None else ""
                if not word or text[prev.end(1):m.start()].strip() or not (
                        len(word) > 4 and word.endswith("ed") or word in _PAST_COUNTING):
                    continue
            elif _VERB_AFTER_COUNT.match(text, m.end(1)) and _OF_WHOLE_BEFORE.search(text, max(0, m.start() - 130),
                                                                                   m.start()):
                pass  # a count of the whole the sentence opened with: "Of the 41 residents ..., only 9 supported"
            elif not self._counted_noun(text, noun_end, noun):
                # after a determiner a figure counts its noun phrase, modifiers and all ("two of its
                # 9 assistant principal jobs"): a label or an age takes none
                phrase = self._modified_count(text, m.start(), noun_end, noun)
                if phrase is None:
                    continue
                noun = phrase
            start = m.start()
            if at_sentence_start(text, start):
                continue  # numbers.sentence-start covers it
            head = text[max(0, start - 30):start]
            if _RANGE_BEFORE.search(head):
                partner = _WORD_PARTNER.search(head)
                if partner is None or _word_value(partner.group(1).lower()) > threshold:
                    continue  # "3 to 12 weeks", "one in 5": figures may pair with figures
            if _AGE_BEFORE.search(head):
                continue
            if self._label_before(text, start) and not (
                    (noun in _SPAN_NOUNS and _DATED_SPAN.match(text, noun_end))
                    or (noun == "times" and not self._label_before(text, start, named=False))):
                continue  # (a name before "4 times" is what won: "won the Cup 4 times")
            word = SMALL_WORDS.get(value) if value <= 9 else "ten"
            yield Hit(block, start, m.end(), suggestion=word, replacement=word,
                      args={"value": value, "word": word, "noun": noun})

    def _large(self, ctx, block):
        text = block.text
        threshold = self.options["threshold"]
        if self.large_firsts.isdisjoint(letter_runs(ctx.article, block)):
            return
        for m in ctx.finditer(_LARGE_WORD, text):
            word = m.group(1)
            if not word.islower():
                continue  # sentence starts are spelled out; capitals mid-sentence are names
            value = _word_value(word)
            if value is None or value <= threshold:
                continue
            compound = "-" in word or "‑" in word
            nm = _NEXT_WORD.match(text, m.end())
            if nm is None:
                nat = _PROPER_MODIFIER_NEXT.match(text, m.end())
                if nat is not None and nat.group(1).lower() in _NATIONALITIES:
                    # a nationality opening the counted noun phrase, judged as a modifier: "twelve
                    # Finnish companies", not "twelve Finns"
                    nm = nat
            # units count too ("forty miles"): above the threshold every number takes figures
            counted = nm is not None and (self._counted_noun(text, nm.end(), nm.group(1).lower().rstrip("'’"),
                                                             units=True)
                                          or nm.group(1) == "of" and self._partitive(text, nm.end()) is not None
                                          or self._modifier_then_plural(text, nm, m.start())
                                          or self._coordinated_count(text, m.start(), nm)
                                          # a count of a noun named before it: "7 ships were tied up and
                                          # nearly forty more were anchored"
                                          or nm.group(1) == "more"
                                          and _MORE_THEN_VERB.match(text, m.end()) is not None)
            if not (counted or (compound and (nm is None or not nm.group(1).startswith(("hundred", "thousand")))
                                and not text[m.end():m.end() + 1] in "-‑")):
                continue
            head = text[max(0, m.start() - 30):m.start()]
            if (_RATIO_BEFORE.search(head) or _NUMBER_WORD_BEFORE.search(head)
                    or regex.search(r"\b(?:top|one|a)\s+$", head, regex.I)):
                continue
            figure = str(value)
            yield Hit(block, m.start(), m.end(), suggestion=figure, replacement=figure,
                      args={"value": value, "word": word})


# -- sentence starts -------------------------------------------------------------------

_STARTING_FIGURE = regex.compile(r"(?<![\w.,$£€])\d[\w,.:/%'’-]*")
#: the figures of ``_STARTING_FIGURE`` that may open a sentence (``at_sentence_start`` decides):
#: after the block's start or a stop, with only blanks, closers and openers between
_MAY_START_FIGURE = regex.compile(r"(?<![\w.,$£€])(?<=(?:^|[.!?])[\s\"“‘'(\[”’)\]]*)\d[\w,.:/%'’-]*")
_CAPITALIZED_NEXT = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")
#: a nationality, then a lower-case word: a counted noun phrase, not a name ("14 British chief executives")
_NATIONALITY_NEXT = regex.compile(r"[ \t]+(\p{Lu}\p{Ll}+)[ \t]+\p{Ll}")
_YEAR_LIKE = regex.compile(r"^(?:1\d{3}|20\d{2})(?:s|['’]s|[-–/]\d{2,4})?$")
_DECADE_LIKE = regex.compile(r"^\d{0,2}\d0['’]?s$")


class NumberSentenceStart(NumberKind):
    name = "number-sentence-start"
    description = "A figure that begins a sentence (a calendar year is fine)."
    FIXABLE = False
    OPTIONS = {
        "years": Option("bool", default=True, doc="allow a calendar year to start a sentence (AP)"),
        "headlines": _headlines_option(False),
    }

    def check(self, ctx):
        for block in self.blocks(ctx):
            text = block.text
            if not may_open_sentence(text, figure_runs(ctx.article, block)):
                continue
            for m in scan(ctx, _MAY_START_FIGURE, text):
                token = m.group().rstrip(".,:'’-")
                if not at_sentence_start(text, m.start()):
                    continue
                if self.options["years"] and _YEAR_LIKE.match(token):
                    continue
                if _DECADE_LIKE.match(token) or "/" in token or regex.search(r"\d\p{L}", token.rstrip("s%")):
                    continue  # 9/11, 24/7, 5G, 3D, 1990s
                after = text[m.end():m.end() + 3]
                if regex.match(r"[.)]\s", text[m.start() + len(regex.match(r"\d+", token).group()):][:2]) \
                        and regex.fullmatch(r"\d+", token):
                    continue  # "1. Item" / "2) Item" numbering
                if not after.strip() and m.end() >= len(text.rstrip()):
                    continue  # a number alone is a data line, not a sentence
                if _CAPITALIZED_NEXT.match(text, m.end()):
                    nat = _NATIONALITY_NEXT.match(text, m.end())
                    if nat is None or nat.group(1).lower() not in _NATIONALITIES:
                        continue  # "50 Cent", "3 Doors Down": a name, or a ranked list entry
                line_end = text.find("\n", m.start())
                line = text[m.start():line_end if line_end >= 0 else len(text)]
                if not _PROSE_END.search(line) and len(line.split()) <= 10:
                    continue  # "1 Roger Federer (Switzerland)": a list line, not a sentence
                yield Hit(block, m.start(), m.start() + len(token), args={"number": token})


# -- ages ---------------------------------------------------------------------------

_AGE_WORDS = regex.compile(r"(?<![\w'’-])(" + _CARDINAL + r")([-‑ ])(year|month|week|day)(s?)([-‑ ])old\b", regex.I)
_AGE_FIGURES = regex.compile(
    r"(?<![\w.,-])(\d{1,3})(?:(-)(year|month|week|day)s(-)old|( )(year|month|week|day)( )old"
    r"|(-)(year|month|week|day)( )old|( )(year|month|week|day)(-)old)\b")


_AGE_UNIT_RUNS = frozenset("year years month months week weeks day days".split())


class NumberAge(NumberKind):
    name = "number-age"
    description = "Ages in figures, hyphenated only as adjectives (\"a 5-year-old\", \"5 years old\")."
    OPTIONS = {
        "words": Option("bool", default=True, doc="flag ages in words (\"a five-year-old\")"),
        "hyphens": Option("bool", default=True, doc="flag hyphenation slips (\"5-years-old\", \"5 year old\")"),
    }
    NEEDS_DIGIT = False

    def check(self, ctx):
        for block in self.blocks(ctx):
            text = block.text
            if "old" not in text:
                continue
            runs = letter_runs(ctx.article, block)
            if "old" not in runs or _AGE_UNIT_RUNS.isdisjoint(runs):
                continue  # both patterns need "old" and a unit as whole words ("told", "gold" are not)
            if self.options["words"]:
                for m in scan(ctx, _AGE_WORDS, text):
                    number = m.group(1)
                    if number[0].isupper() and at_sentence_start(text, m.start()):
                        continue  # AP spells out a number that starts a sentence
                    if not number.islower() and not number[0].isupper():
                        continue
                    value = _word_value(number)
                    if value is None or _NUMBER_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                        continue
                    unit, plural = m.group(3).lower(), m.group(4)
                    if m.group(2) == " " and m.group(5) == " ":
                        right = f"{value} {unit}{plural} old"
                    else:
                        right = f"{value}-{unit}-old"
                    yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                              message="Use figures for ages: \"{suggestion}\".")
            if self.options["hyphens"] and block.index in digit_blocks(ctx.article):
                for m in scan(ctx, _AGE_FIGURES, text):
                    value = m.group(1)
                    if m.group(3):  # 5-years-old
                        right = f"{value} {m.group(3).lower()}s old"
                    else:
                        unit = next(g for g in (m.group(6), m.group(9), m.group(12)) if g)
                        right = f"{value}-{unit.lower()}-old"
                    yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                              message="Hyphenate an age only before a noun or as a noun: "
                                      "\"{suggestion}\" (\"5 years old\" otherwise).")


# -- percent ---------------------------------------------------------------------------

_PERCENT = regex.compile(
    r"(?<![\w.,])(?:(?P<fig>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)|(?P<word>" + _CARDINAL
    + r"))(?P<sp>\s*)(?P<form>%|percent\b|per\s+cent\b)", regex.I)
#: ``_PERCENT`` without the number words: the alternation of words tried at every position is
#: the expensive part, and a block needs a letter right before a form for a word to match
_PERCENT_FIGURE = regex.compile(
    r"(?<![\w.,])(?P<fig>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?P<word>)(?P<sp>\s*)(?P<form>%|percent\b|per\s+cent\b)",
    regex.I)
_LETTER_BEFORE_FORM = regex.compile(r"(?<=\p{L}\s*)(?:%|percent\b|per\s+cent\b)", regex.I)
_PERCENT_SIGN = regex.compile(r"(?<![\w.,])(?P<fig>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?P<word>)(?P<sp>\s*)(?P<form>%)")
#: the matches of ``_PERCENT_SIGN`` whose figure starts with a point (".6%"), scanned for the point
#: (the look-behind after it says what ``_PERCENT_SIGN``'s says before it)
_PER_CENT_FOLDED = regex.compile(r"per\s*cent")
_PERCENT_POINT = regex.compile(r"(?P<fig>\.(?<![\w.,]\.)\d+)(?P<word>)(?P<sp>\s*)(?P<form>%)")
PERCENT_FORMS = {"sign": "%", "percent": " percent", "per cent": " per cent"}


def percent_form(raw: str) -> str:
    raw = raw.lower()
    if raw == "%":
        return "sign"
    return "percent" if raw == "percent" else "per cent"


#: the dateline of AP copy: "UNITED NATIONS (AP) —" (its first paragraphs)
_AP_DATELINE = regex.compile(r"\((?:AP|The[ \u00a0]+Associated[ \u00a0]+Press)\)[ \u00a0]*[—–-]")


def _ap_dateline(article) -> bool:
    """Whether one of the article's first three paragraphs opens with an AP dateline."""
    for block in article.blocks[:3]:
        head = block.text[:80]
        if "(" in head and _AP_DATELINE.search(head):
            return True
    return False


class NumberPercent(NumberKind):
    name = "number-percent"
    description = "Percentages in figures, with the house form (\"3.1%\" in AP since 2019)."
    OPTIONS = {
        "style": Option("str", default="sign", choices=("sign", "percent", "per cent"),
                        doc="the preferred form: sign (3.1%), percent (3.1 percent), per cent"),
        "allow": Option("list[str]", default=[], doc="other forms also accepted (sign, percent, per cent)"),
        "leading_zero": Option("bool", default=True, doc="flag \".6%\" (write \"0.6%\")"),
        "collapse": _COLLAPSE,
        "enforce": enforce_option("the form (3.1%/3.1 percent/3.1 per cent)"),
    }
    NEEDS_DIGIT = False

    def setup(self, options):
        for i, form in enumerate(options["allow"]):
            if form not in PERCENT_FORMS:
                raise OptionError(f"options.allow[{i}]", "expected sign, percent or per cent")
        self.accepted = {options["style"], *options["allow"]}

    @staticmethod
    def _sign_only(ctx, block) -> bool:
        """Whether ``_percentages`` finds only figures with a sign in the block: it reads no word
        form ("percent", "per cent": "per", blanks, "cent" in the folded text) and no number word
        (which needs a letter before the form)."""
        text = block.text
        if "cent" not in text and "CENT" not in text:
            return True  # the sign pattern
        return not _PER_CENT_FOLDED.search(folded_text(ctx.article, block)) and not _LETTER_BEFORE_FORM.search(text)

    def _percentages(self, ctx, point_only: bool = False):
        """(block, match, form, figure or None, value of a number word or None) per percentage;
        with ``point_only`` (no block has a word form) only those whose figure starts with a point."""
        for block in self.blocks(ctx):
            text = block.text
            words = "cent" in text or "CENT" in text
            if "%" not in text and (not words or "per" not in folded_text(ctx.article, block)):
                continue  # no form at all: "%", "percent", "per cent" ("recent", "century" are not)
            if point_only:
                for m in scan(ctx, _PERCENT_POINT, text):
                    yield block, m, "sign", m.group("fig"), None
                continue
            if not words:
                pattern = _PERCENT_SIGN
            else:
                pattern = _PERCENT if _LETTER_BEFORE_FORM.search(text) else _PERCENT_FIGURE
            for m in ctx.finditer(pattern, text):
                form = percent_form(m.group("form"))
                word = m.group("word")
                if word:
                    if not word.islower() or (form != "sign" and at_sentence_start(text, m.start())):
                        continue  # "Five percent of ..." starts a sentence: spelled out is right
                    if _NUMBER_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                        continue  # "Fifty nine percent": a compound we do not parse
                    value = _word_value(word)
                    if value is None:
                        continue
                    yield block, m, form, None, value
                else:
                    yield block, m, form, m.group("fig"), None

    def check(self, ctx):
        style = self.options["style"]
        consistent = self.options["enforce"] == "consistent"
        point_only = False
        if ("sign" in self.accepted or consistent) and all(self._sign_only(ctx, b) for b in self.blocks(ctx)):
            # every percentage is a figure with a sign, which is accepted or, the story's only
            # form, kept: a figure with no zero before its point is all there is to flag
            if not self.options["leading_zero"]:
                return
            point_only = True
        found = list(self._percentages(ctx, point_only))
        if consistent:
            # the form is a house choice: judged only where the story mixes forms
            uses = [percent_form(m.group("form")) for block, m, *_ in found
                    if self.outside_quotes(ctx, block, m.start(), m.end())]
            mixed = len(set(uses)) > 1
            note = mix_note(["5" + PERCENT_FORMS[u] for u in uses], f"\"5{PERCENT_FORMS[style]}\"") if mixed else ""
        # a story under an AP dateline ("UNITED NATIONS (AP) —") is AP copy, which writes "%" (or, before
        # 2019, "percent") but never "per cent": that form is no house choice there, even used throughout
        ap_copy = consistent and not mixed and "per cent" not in self.accepted and any(
            form == "per cent" for _, _, form, _, _ in found) and _ap_dateline(ctx.article)
        form_hits, house_uses = [], []
        for block, m, form, fig, value in found:
            if value is not None:
                # figures for percentages: every guide agrees
                keep = form in self.accepted or (consistent and not mixed)
                right = str(value) + PERCENT_FORMS[form if keep else style]
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          message="Use figures for percentages: \"{suggestion}\".")
                continue
            bad_form = form not in self.accepted and (not consistent or mixed or ap_copy and form == "per cent")
            bad_zero = self.options["leading_zero"] and fig.startswith(".")
            if form in self.accepted:
                house_uses.append((block, m.start(), m.end()))
            if not (bad_form or bad_zero):
                continue
            if bad_zero:
                fig = "0" + fig
            right = fig + PERCENT_FORMS[style if bad_form else form]
            if bad_form and consistent and not mixed:
                message = ("Write the percentage as \"{suggestion}\": the story has an AP dateline, and AP "
                           "never writes \"per cent\".")
            elif bad_form and consistent:
                message = "Write the percentage as \"{suggestion}\": " + note + "."
            elif bad_form:
                message = "Write percentages as \"{suggestion}\" in this house style."
            else:
                message = "Put a zero before the decimal point: \"{suggestion}\"."
            hit = Hit(block, m.start(), m.end(), suggestion=right, replacement=right, message=message)
            if bad_form and not bad_zero and not consistent:
                form_hits.append(hit)
            else:
                yield hit
        yield from self.collapsed(ctx, form_hits, house_uses, f"\"5{PERCENT_FORMS[style]}\"")


# -- thousands and millions -----------------------------------------------------------------

_BARE_NUMBER = regex.compile(
    r"(?<![\w$£€¥.,:/#\-–'’+])(?P<cur>[$£€]?)(?P<int>\d{4,})(?P<dec>\.\d+)?(?!\w|,\d|[.:/\-–]\d|\s\d{3}\b)")
_FOUR_DIGITS = regex.compile(r"\d{4}")
#: a figure after these words names something ("known as 121102", "designated 67890")
_NAMED_BEFORE = regex.compile(r"\b(?:known\s+as|named|called|dubbed|designated|codenamed|numbered|labell?ed)"
                              r"\s+[\"“‘']?$", regex.I)
_FOLLOWING = regex.compile(r"\s+(\S+)")


class NumberThousands(NumberKind):
    name = "number-thousands"
    description = "Commas in figures of 10,000 and up (and optionally 1,000 to 9,999)."
    OPTIONS = {
        "min_digits": Option("int", default=5, choices=(4, 5),
                             doc="the shortest figure that needs a comma: 5 (10,000) or 4 (1,000)"),
        "labels": Option("list[str]", default=[], doc="more words that mark an ID, not a quantity"),
    }

    def setup(self, options):
        self.labels = LABELS | {"id", "code", "case", "zip", "postcode", "phone", "tel", "ref", "serial",
                                "reference", "account", "patent", "bill", "order", "item", "licence",
                                "license", "call", "dial"} | {x.lower() for x in options["labels"]}

    def check(self, ctx):
        min_digits = self.options["min_digits"]
        for block in self.blocks(ctx):
            text = block.text
            # the figure the pattern takes is a whole run of digits: one as long as min_digits
            if not any(end - start >= min_digits for start, end in figure_runs(ctx.article, block)):
                continue
            for m in ctx.finditer(_BARE_NUMBER, text):
                digits = m.group("int")
                if len(digits) < min_digits or digits.startswith("0"):
                    continue
                value = int(digits)
                if len(digits) == 4 and (not m.group("cur") and (1000 <= value <= 2100)):
                    continue  # a year, most likely
                if value >= 1_000_000 and value % 10_000 == 0:
                    continue  # numbers.million suggests "1 million"
                if not m.group("cur"):
                    pm = previous_word(text, m.start())
                    prev = pm.group(1) if pm else ""
                    if prev and (prev.lower().rstrip(".:") in self.labels
                                 or (prev[0].isupper() and not at_sentence_start(text, pm.start(1)))):
                        continue  # "Flight 12345", "CA 90210", "Room 10234"
                    if _NAMED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                        continue  # "a source known as 121102": a name, not a quantity
                    nxt = _FOLLOWING.match(text, m.end())
                    if nxt and nxt.group(1)[:1].isupper():
                        continue  # "12345 Main Street": an address
                    if len(digits) > 9:
                        continue  # phone numbers, account numbers
                right = m.group("cur") + group_thousands(digits) + (m.group("dec") or "")
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right)


_BIG_NUMBER = regex.compile(r"(?<![\w.,\-–/])(?P<cur>[$£€]?)(?P<num>\d{1,3}(?:,\d{3}){2,}|\d{7,})(?!\w|,\d|\.\d)")
_MILLION_RANGE = regex.compile(
    r"(?<![\w.,])(?P<cur>[$£€]?)(?P<a>\d+(?:\.\d+)?)\s*[-–]\s*(?P<cur2>[$£€]?)(?P<b>\d+(?:\.\d+)?)"
    r"\s+(?P<unit>million|billion|trillion)\b")
_BIG_GATE = regex.compile(r"\d,\d{3},\d|\d{7}")


def _big_figure(text: str, runs) -> bool:
    """What ``_BIG_GATE`` finds, from the runs of digits: seven digits, or "1,234,5"."""
    starts = {start: end for start, end in runs}
    for start, end in runs:
        if end - start >= 7:
            return True
        if text[end:end + 1] == ",":
            nxt = starts.get(end + 1)
            if nxt == end + 4 and text[nxt:nxt + 1] == "," and (nxt + 1) in starts:
                return True
    return False
_SCALES = ((1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"))


def scaled(value: int) -> str | None:
    """ "2.5 million" for 2,500,000; None unless it rounds to at most two decimals."""
    for size, unit in _SCALES:
        if value >= size:
            if (value * 100) % size:
                return None
            amount = f"{value / size:.2f}".rstrip("0").rstrip(".")
            return f"{amount} {unit}"
    return None


class NumberMillion(NumberKind):
    name = "number-million"
    description = "\"1 million\", not \"1,000,000\"; \"$12 million to $14 million\", not \"$12-14 million\"."
    OPTIONS = {
        "round": Option("bool", default=True, doc="flag round figures of a million and up written out in full"),
        "ranges": Option("bool", default=True, doc="flag \"$12-14 million\" ranges"),
    }

    def check(self, ctx):
        for block in self.blocks(ctx):
            text = block.text
            if self.options["round"] and _big_figure(text, figure_runs(ctx.article, block)):
                for m in ctx.finditer(_BIG_NUMBER, text):
                    num = m.group("num")
                    if "," not in num and not m.group("cur"):
                        continue  # a bare run of digits is more often an ID than an amount
                    value = int_value(num)
                    words = scaled(value)
                    if words is None:
                        continue
                    right = m.group("cur") + words
                    yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                              message="Write \"{suggestion}\", not \"{match}\".")
            # a range needs a figure (with its decimals), blanks, then a hyphen or an en dash
            if self.options["ranges"] and "illion" in text \
                    and _unit_after_figure(text, figure_runs(ctx.article, block), "-–"):
                for m in scan(ctx, _MILLION_RANGE, text):
                    a, b = float(m.group("a")), float(m.group("b"))
                    if a >= b:
                        continue  # "3-2 million"? not a range we understand
                    cur = m.group("cur") or m.group("cur2")
                    unit = m.group("unit")
                    right = f"{cur}{m.group('a')} {unit} to {cur}{m.group('b')} {unit}"
                    yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                              message="Repeat the unit in a range: \"{suggestion}\".")


# -- money ---------------------------------------------------------------------------

_ZERO_CENTS = regex.compile(r"(?<![\w.])(?P<amt>[$£€]\d{1,3}(?:,\d{3})*|[$£€]\d+)\.00(?![\d,]|\.\d)")
_CENT_SIGN = regex.compile(r"(?<![\w.,])(\d+)\s?¢")
_DOLLAR_CENTS = regex.compile(r"(?<![\w.])\$0?\.(\d{2})(?![\d,]|\.\d)")
_REDUNDANT_UNIT = regex.compile(
    r"(?<![\w.])(?P<amt>(?P<cur>[$£€])\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion))?)"
    r"(?P<unit>\s+(?:dollars|pounds|euros))\b")
#: an amount in figures with the word and no sign: "5.00 dollars", "a 10 dollar cover charge",
#: "2 million dollars" ("5 Australian dollars", "in 2015 dollars" are left alone: see ``check``)
_BARE_DOLLARS = regex.compile(
    r"(?<![\w.,$£€\-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<cents>\.\d+)?(?![\d.,]\d)"
    r"(?P<mult>[ \t\u00a0]+(?:thousand|million|billion|trillion))?[ \t\u00a0\-]+dollars?\b(?![\-'’])")
_YEAR_LIKE = regex.compile(r"(?:1[89]|20)\d\d")
_CURRENCY_WORD = {"$": "dollars", "£": "pounds", "€": "euros"}
_CURRENCY_WORDS = regex.compile(r"dollars|pounds|euros")


class NumberMoney(NumberKind):
    name = "number-money"
    description = "\"$5\", not \"$5.00\"; \"5 cents\", not \"5¢\" or \"$0.05\"; no \"$5 dollars\"."
    OPTIONS = {}

    def check(self, ctx):
        for block in self.blocks(ctx):
            text = block.text
            for m in ctx.finditer(_BARE_DOLLARS, text) if "dollar" in text else ():
                if m.group("cents") is None and not m.group("mult") and _YEAR_LIKE.fullmatch(m.group("num")):
                    continue  # "in 2015 dollars": a year's money, not an amount
                if m.group("cents") and len(m.group("cents")) != 3 and not m.group("mult"):
                    continue  # "2.5 dollars": not a sum of dollars and cents
                cents = m.group("cents") if m.group("cents") not in (None, ".00") else ""
                right = f"${m.group('num')}{cents}{m.group('mult') or ''}"
                if m.group("mult") and m.group("mult").strip() == "thousand":
                    if cents or "," in m.group("num"):
                        continue
                    right = f"${int(m.group('num')) * 1000:,}"  # "150 thousand dollars": "$150,000"
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          message="Write dollar amounts with the sign: \"{suggestion}\".")
            if "$" not in text and "£" not in text and "€" not in text and "¢" not in text:
                continue
            for m in ctx.finditer(_ZERO_CENTS, text) if ".00" in text else ():
                right = m.group("amt")
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          message="Drop the zero cents: \"{suggestion}\".")
            for m in ctx.finditer(_CENT_SIGN, text) if "¢" in text else ():
                right = f"{int(m.group(1))} cent" + ("" if int(m.group(1)) == 1 else "s")
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          message="Write cents as a word: \"{suggestion}\".")
            for m in ctx.finditer(_DOLLAR_CENTS, text) if "$." in text or "$0." in text else ():
                cents = int(m.group(1))
                if cents == 0:
                    continue
                right = f"{cents} cent" + ("" if cents == 1 else "s")
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          message="Write amounts under a dollar in cents: \"{suggestion}\".")
            for m in scan(ctx, _REDUNDANT_UNIT, text) if _CURRENCY_WORDS.search(text) else ():
                if _CURRENCY_WORD[m.group("cur")] != m.group("unit").split()[-1].lower():
                    continue  # "$5 Australian dollars"-style conversions are not caught here
                right = m.group("amt")
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          message="The sign already says the currency: \"{suggestion}\".")


# -- dates -------------------------------------------------------------------------------

_MONTH_GATE = regex.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_DATE_MDY = regex.compile(
    r"\b(?P<month>" + _MONTH_RE + r")(?P<dot>\.?)[ \t\u00a0]+(?P<day>\d{1,2})"
    # an ordinal may open a range ("April 1st-15"); a bare day may not run into more figures ("May 2-1")
    r"(?:(?P<ord>st|nd|rd|th)(?![\w%])|(?![\w,]\d|\d|[.:/\-–]\d|%))"
    r"(?P<year>,?[ \t\u00a0]+(?:1[6-9]|20)\d\d(?!\d))?")
_DATE_DMY = regex.compile(
    r"(?<![\w.,:/\-–$£€])(?P<day>\d{1,2})(?P<ord>st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?P<month>"
    + _MONTH_RE + r")(?P<dot>\.?)(?!\w)(?P<year>,?[ \t\u00a0]+(?:1[6-9]|20)\d\d(?!\d))?")
_MONTH_YEAR_COMMA = regex.compile(r"\b(?P<month>" + "|".join(MONTHS) + r"),[ \t]+(?P<year>(?:1[6-9]|20)\d\d)(?![\d,])")
_ABBR_DOTS = ("Jan.", "Feb.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")
_ABBR_YEAR = regex.compile(r"\b(?P<month>Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.[ \t]+(?P<year>(?:1[6-9]|20)\d\d)(?![\d,])")


class NumberDate(NumberKind):
    name = "number-date"
    description = "Dates in the house form: \"Oct. 10\" (AP) or \"10 October\" (UK); no ordinals."
    OPTIONS = {
        "order": Option("str", default="mdy", choices=("mdy", "dmy"),
                        doc="mdy (\"Oct. 10, 2023\", AP) or dmy (\"10 October 2023\", UK)"),
        "abbreviate": Option("bool", default=True,
                             doc="AP month abbreviations with a day (Jan., Feb., Aug., Sept., Oct., Nov., Dec.)"),
        "require_abbreviation": Option("bool", default=False,
                                       doc="also flag \"October 10\" (many US papers spell months out)"),
        "ordinals": Option("bool", default=True, doc="flag ordinals in dates (\"October 10th\")"),
        "month_year_comma": Option("bool", default=True, doc="flag \"February, 2009\""),
        "names": Option("list[str]", default=["September 11"],
                        doc="dates that are names of events and keep their order"),
        "collapse": _COLLAPSE,
        "enforce": enforce_option("the order of day and month (Oct. 10/10 October)"),
    }

    def setup(self, options):
        self.names = set(options["names"])

    def canonical(self, month: str, day: int, year: str | None, order: str | None = None, written=None) -> str:
        """The date in the house form, or in ``order`` with the month as ``written`` (a story's
        own consistent convention: only what every convention agrees on is changed)."""
        if written is not None:
            if order == "dmy":
                return f"{day} {written}" + (f" {year}" if year else "")
            return f"{written} {day}" + (f", {year}" if year else "")
        if self.options["order"] == "dmy":
            return f"{day} {month}" + (f" {year}" if year else "")
        name = AP_ABBREVIATIONS.get(month, month) if self.options["abbreviate"] else month
        return f"{name} {day}" + (f", {year}" if year else "")

    def _problems(self, m, month: str, order: str, target: str | None = None) -> list[str]:
        """What differs from the house form; with ``target`` (the story's own order, when it
        is not the house's) only the ordinal: its abbreviations follow its own convention."""
        problems = []
        token = m.group("month")
        abbr = self.options["abbreviate"] and self.options["order"] == "mdy"
        if m.group("ord") and self.options["ordinals"]:
            problems.append("no ordinal in a date")
        if target is not None and target != self.options["order"]:
            return problems
        if order != self.options["order"] and f"{month} {int(m.group('day'))}" not in self.names:
            problems.append("day before month" if order == "mdy" else "month before day")
        if token != month:  # abbreviated in the text
            if not abbr:
                problems.append("spell out the month")
            elif month not in AP_ABBREVIATIONS:
                problems.append(f"never abbreviate {month}")
            elif token + m.group("dot") != AP_ABBREVIATIONS[month]:
                problems.append(f"abbreviate it as {AP_ABBREVIATIONS[month]}")
        elif abbr and self.options["require_abbreviation"] and month in AP_ABBREVIATIONS:
            problems.append(f"abbreviate it as {AP_ABBREVIATIONS[month]} with a day")
        return problems

    def _date_hit(self, block, m, month: str, problems: list[str], right: str, note: str = ""):
        text = block.text
        end = m.end()
        if m.group("dot") and not m.group("year") and m.group("month") in MONTHS:
            end -= 1  # "until 30 April.": the full stop ends the sentence, not the month
        elif m.group("dot") and not m.group("year"):
            right = _keep_sentence_stop(text, m.start(), end, text[m.start():end], right)
        if right.endswith(".") and text[end:end + 1] == ".":
            end += 1  # "Oct." at a sentence end keeps one period
        return Hit(block, m.start(), end, suggestion=right, replacement=right,
                   args={"problem": "; ".join(problems)},
                   message="Write the date as \"{suggestion}\" ({problem})" + (f": {note}." if note else "."))

    def check(self, ctx):
        house = self.options["order"]
        consistent = self.options["enforce"] == "consistent"
        order_hits, house_uses = [], []
        # enforce: consistent: the order of each date the story writes (outside names such as
        # "September 11"), and the dates that differ from the house form, judged at the end
        orders: list[tuple[str, object, int, int]] = []
        pending = []
        for block in self.blocks(ctx):
            text = block.text
            if not month_next_to_figure(text, figure_runs(ctx.article, block)):
                continue
            taken: list[tuple[int, int]] = []
            for pattern, order in ((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy")):
                for m in scan(ctx, pattern, text):
                    day = int(m.group("day"))
                    token = m.group("month")
                    if not 1 <= day <= 31 or any(s < m.end() and m.start() < e for s, e in taken):
                        continue
                    if token in _MONTH_ABBR and token != "May" and not m.group("dot") and token not in MONTHS:
                        if order == "dmy" or not m.group("ord"):
                            # "Mar 5" without a period: too often a name or a heading to judge
                            continue
                    if order == "mdy" and not m.group("ord") and not m.group("year"):
                        nxt = _NEXT_WORD.match(text, m.end())
                        if nxt and is_plural_noun(nxt.group(1).lower()):
                            continue  # "In October 10 people died"
                    month = month_name(token)
                    if order == house:
                        house_uses.append((block, m.start(), m.end()))
                    if consistent and f"{month} {day}" not in self.names:
                        orders.append((order, block, m.start(), m.end()))
                    problems = self._problems(m, month, order)
                    if not problems:
                        continue
                    year = m.group("year")
                    year = year.strip(", \t\u00a0") if year else None
                    right = self.canonical(month, day, year)
                    hit = self._date_hit(block, m, month, problems, right)
                    taken.append((m.start(), hit.end))
                    if consistent:
                        pending.append((block, m, month, day, year, order))
                    elif len(problems) == 1 and order != house and "before" in problems[0]:
                        order_hits.append(hit)
                    else:
                        yield hit
            if self.options["month_year_comma"]:
                for m in scan(ctx, _MONTH_YEAR_COMMA, text) if any(m + "," in text for m in MONTHS) else ():
                    if any(s < m.end() and m.start() < e for s, e in taken):
                        continue
                    right = f"{m.group('month')} {m.group('year')}"
                    yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                              message="No comma between a month and a year: \"{suggestion}\".")
            for m in scan(ctx, _ABBR_YEAR, text) if any(a in text for a in _ABBR_DOTS) else ():
                right = f"{month_name(m.group('month'))} {m.group('year')}"
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          message="Spell out a month used without a day: \"{suggestion}\".")
        if consistent:
            yield from self._consistent(ctx, pending, orders)
            return
        yield from self.collapsed(ctx, order_hits, house_uses,
                                  "\"Oct. 10\"" if house == "mdy" else "\"10 October\"")

    def _consistent(self, ctx, pending, orders):
        """The day-month order is a house choice: a story that writes every date one way keeps
        its order (and its month abbreviations); one that mixes the orders is held to the house's.
        An ordinal is wrong in any convention."""
        house = self.options["order"]
        labels = {"mdy": "Oct. 10" if self.options["abbreviate"] and house == "mdy" else "October 10",
                  "dmy": "10 October"}
        uses = [labels[order] for order, block, start, end in orders if self.outside_quotes(ctx, block, start, end)]
        mixed = len(set(uses)) > 1
        note = mix_note(uses, f"\"{labels[house]}\"") if mixed else ""
        for block, m, month, day, year, order in pending:
            target = house if mixed or order == house else order
            problems = self._problems(m, month, order, target)
            if not problems:
                continue
            if target == house:
                right = self.canonical(month, day, year)
            else:
                written = m.group("month") + ("" if m.group("month") in MONTHS else m.group("dot"))
                right = self.canonical(month, day, year, target, written)
            yield self._date_hit(block, m, month, problems, right, note if target != order else "")


# -- times ---------------------------------------------------------------------------

_MERIDIAN = r"(?P<mer>[aApP]\.\s?[mM]\.|[aApP]\.[mM](?![\w.])|[ap]m(?!\w)|[AP]M(?!\w))"
_TIME_GATE = regex.compile(r"\d\s?[aApP]\.?\s?[mM]")
_TIME = regex.compile(
    r"(?<![\w.:,$£€/-])(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?(?P<sp>[ \t\u00a0]?)" + _MERIDIAN
    + r"(?P<red>\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|this\s+(?:morning|afternoon|evening)"
    r"|tonight|tomorrow\s+(?:morning|afternoon|evening)))?")
_NOON = regex.compile(
    r"(?<![\w.:,$£€/-])12(?:[:.]00)?(?:[ \t\u00a0]?(?:(?P<pm>[pP]\.\s?[mM]\.|pm(?![\w.])|PM(?![\w.]))"
    r"|(?P<am>[aA]\.\s?[mM]\.|am(?![\w.])|AM(?![\w.])))|[ \t\u00a0]+(?P<noon>noon|midday)\b|[ \t\u00a0]+(?P<midnight>midnight)\b)")
_SENTENCE_GOES_ON = regex.compile(r"\s+(?!\p{Lu}{2,}\b)\p{Lu}|\s*$")


def _keep_sentence_stop(text: str, start: int, end: int, matched: str, right: str) -> str:
    """When a dotted "p.m." also ends the sentence, the replacement keeps the stop."""
    if matched.endswith(".") and not right.endswith(".") and _SENTENCE_GOES_ON.match(text, end):
        return right + "."
    return right


class NumberTime(NumberKind):
    name = "number-time"
    description = "Times in the house form: \"9 a.m.\", \"9:30 p.m.\" (AP) or \"9am\", \"6.30pm\" (UK)."
    OPTIONS = {
        "style": Option("str", default="ap", choices=("ap", "uk"), doc="ap: 9:30 a.m.; uk: 9.30am"),
        "separators": Option("list[str]", default=[":"],
                             doc="accepted hour-minute separators; the first is suggested"),
        "redundant": Option("bool", default=True, doc="flag \"9 a.m. in the morning\""),
        "collapse": _COLLAPSE,
        "enforce": enforce_option("the form of a time (9 a.m./9am/9 AM, 9:30/9.30, 9:00/9)"),
        "zero_minutes": Option("str", default="consistent", choices=("consistent", "always"),
                               doc="with enforce: consistent, \"9:00 a.m.\" judged like the other choices "
                                   "(consistent) or flagged in any story (always: AP drops \":00\")"),
    }

    def _times(self, ctx, uk: bool):
        """(block, match) for each clock time the rule judges."""
        for block in self.blocks(ctx):
            text = block.text
            if not meridian_after_figure(text, figure_runs(ctx.article, block)) or not _TIME_GATE.search(text):
                continue
            for m in ctx.finditer(_TIME, text):
                hour, minutes = int(m.group("h")), m.group("m")
                if not 1 <= hour <= 12 or (minutes is not None and int(minutes) > 59):
                    continue
                if hour == 12 and (minutes is None or minutes == "00"):
                    continue  # numbers.noon-midnight
                if m.group("sep") == "." and not uk and m.group("sp"):
                    continue  # "3.5 AM"? too odd to judge
                yield block, m

    def check(self, ctx):
        uk = self.options["style"] == "uk"
        if self.options["enforce"] == "consistent":
            yield from self._consistent(ctx, uk)
            return
        seps = self.options["separators"] or [":"]
        form_hits, house_uses = [], []
        for block, m in self._times(ctx, uk):
            text = block.text
            hour, minutes = int(m.group("h")), m.group("m")
            pm = m.group("mer")[0].lower() == "p"
            mer = m.group("mer")
            house_form = (mer in ("am", "pm") and not m.group("sp")) if uk else (
                mer in ("a.m.", "p.m.") and m.group("sp") == " ")
            if house_form:
                house_uses.append((block, m.start(), m.end()))
            only_form = (not house_form and minutes != "00" and not m.group("red")
                         and (m.group("sep") is None or m.group("sep") in seps))
            sep = m.group("sep") if m.group("sep") in seps else seps[0]
            clock = str(hour) + (f"{sep}{minutes}" if minutes not in (None, "00") else "")
            right = clock + (("pm" if pm else "am") if uk else (" p.m." if pm else " a.m."))
            hit = self._hit(block, m, right)
            if hit is None:
                continue
            if only_form:
                form_hits.append(hit)
            else:
                yield hit
        yield from self.collapsed(ctx, form_hits, house_uses, "\"9am\"" if uk else "\"9 a.m.\"")

    def _hit(self, block, m, right: str, note: str = ""):
        """The hit that writes ``right`` for the time ``m`` (None when it is written so)."""
        text = block.text
        end = m.end()
        matched = text[m.start():end]
        if m.group("red") and not self.options["redundant"]:
            end = m.end("mer")
            matched = text[m.start():end]
        if right.endswith(".") and text[end:end + 1] == "." and not matched.endswith("."):
            end += 1
            matched += "."
        right = _keep_sentence_stop(text, m.start(), end, matched, right)
        if right == matched:
            return None
        if m.group("red") and self.options["redundant"]:
            message = "\"{suggestion}\" says it already: drop the time of day."
            if note:
                message += f" Also, {note}."
        else:
            message = "Write the time as \"{suggestion}\"" + (f": {note}." if note else ".")
        return Hit(block, m.start(), end, suggestion=right, replacement=right, message=message)

    def _consistent(self, ctx, uk: bool):
        """``enforce: consistent``: the meridian (9 a.m./9am/9 AM), the separator (9:30/9.30)
        and the zero minutes of a whole hour (9:00/9) are each a house choice, judged only
        where the story mixes forms; a redundant time of day is flagged in any story."""
        seps = self.options["separators"] or [":"]
        house_mer = "9am" if uk else "9 a.m."
        times = []
        uses: dict[str, list[str]] = {"mer": [], "sep": [], "zero": []}
        for block, m in self._times(ctx, uk):
            minutes, sep = m.group("m"), m.group("sep")
            mer = "".join(m.group("mer").split()).replace("p", "a").replace("P", "A")
            labels = {"mer": "9" + (" " if m.group("sp") else "") + mer}
            if minutes == "00" or minutes is None:
                labels["zero"] = ("9:00" if minutes else "9") + house_mer[1:]
            else:
                labels["sep"] = f"9{sep}30" + house_mer[1:]
            times.append((block, m, labels))
            if self.outside_quotes(ctx, block, m.start(), m.end()):
                for choice, label in labels.items():
                    uses[choice].append(label)
        mixed = {choice: len(set(labels)) > 1 for choice, labels in uses.items()}
        always_zero = self.options["zero_minutes"] == "always"
        house = {"mer": house_mer, "zero": house_mer, "sep": f"9{seps[0]}30" + house_mer[1:]}
        for block, m, labels in times:
            minutes, sep = m.group("m"), m.group("sep")
            fix = {choice for choice, label in labels.items() if (mixed[choice] or (choice == "zero" and always_zero))
                   and (label != house[choice] if choice != "sep" else sep not in seps)}
            if not fix and not (m.group("red") and self.options["redundant"]):
                continue
            pm = m.group("mer")[0].lower() == "p"
            if minutes is None or (minutes == "00" and "zero" in fix):
                clock = m.group("h")
            else:
                clock = m.group("h") + (seps[0] if "sep" in fix else sep) + minutes
            if "mer" in fix:
                meridian = ("pm" if pm else "am") if uk else (" p.m." if pm else " a.m.")
            else:
                meridian = block.text[m.start("sp"):m.end("mer")]
            note = "; ".join(mix_note(uses[choice], f"\"{house[choice]}\"") if mixed[choice]
                             else "a whole hour takes no \":00\"" for choice in ("mer", "sep", "zero")
                             if choice in fix)
            hit = self._hit(block, m, str(int(m.group("h"))) + clock[len(m.group("h")):] + meridian, note)
            if hit is not None:
                yield hit


class NumberNoon(NumberKind):
    name = "number-noon"
    description = "\"noon\" and \"midnight\", not \"12 p.m.\" and \"12 a.m.\" (or \"12 noon\")."
    OPTIONS = {
        "noon": Option("str", default="noon", doc="the word for 12 in the day (noon or midday)"),
    }

    def check(self, ctx):
        for block in self.blocks(ctx):
            text = block.text
            if "12" not in text:
                continue
            for m in scan(ctx, _NOON, text):
                if m.group("pm") or m.group("noon"):
                    right = self.options["noon"]
                    reason = "12 p.m." if m.group("pm") else "12 noon"
                else:
                    right = "midnight"
                    reason = "12 a.m." if m.group("am") else "12 midnight"
                word = right
                right = _keep_sentence_stop(text, m.start(), m.end(), m.group(), right)
                redundant = m.group("noon") or m.group("midnight")
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          args={"word": word},
                          message="\"{match}\" is redundant: write \"{word}\"." if redundant
                          else "Write \"{word}\", not \"{match}\".")


# -- ranges, ordinals, decades ---------------------------------------------------------

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
_RANGE_GATE = regex.compile(r"\d\s*[-–—]\s*[$£€]?\d")
_RANGE_WORDS = frozenset(("from", "between"))
_RANGE = regex.compile(
    r"\b(?P<w>from|between)(?P<s1>\s+)(?P<a>[$£€]?" + _NUM + r"(?:\.\d+)?%?)\s*(?P<d>[-–—])\s*"
    r"(?P<b>[$£€]?" + _NUM + r"(?:\.\d+)?)(?![\d-]|\.\d)", regex.I)
_RANGE_AFTER_SKIP = regex.compile(
    r"(?:%?\s*(?:million|billion|trillion|bn|m|mn)\b|\s+(?:down|up|behind|ahead|deficit|lead|win|victory|"
    r"defeat|loss|scoreline|score|and|to|margin|draw|result)\b|\w)", regex.I)


class NumberRange(NumberKind):
    name = "number-range"
    description = "\"from 10 to 20\" and \"between 10 and 20\", not \"from 10-20\"."
    OPTIONS = {}

    def check(self, ctx):
        for block in self.blocks(ctx):
            text = block.text
            if _RANGE_WORDS.isdisjoint(letter_runs(ctx.article, block)) or not _RANGE_GATE.search(text):
                continue  # "from"/"between" is a whole word of every match
            for m in scan(ctx, _RANGE, text):
                if _RANGE_AFTER_SKIP.match(text, m.end()):
                    continue  # a score ("from 2-0 down"), or a million range (numbers.million)
                a, b = m.group("a"), m.group("b")
                da, db = a.strip("$£€%").replace(",", ""), b.strip("$£€").replace(",", "")
                if "," in b and "," not in a and len(da) < 4 and da.isdigit() and int(da) * 1000 < float(db):
                    continue  # "$50-100,000" means $50,000: the writer dropped the thousands (not "600-1,000")
                if regex.fullmatch(r"(?:1\d|20)\d\d", da) and len(db) == 2:
                    continue  # a season ("2019-20")
                try:
                    if float(da) >= float(db):
                        continue  # not ascending: a score, not a range
                except ValueError:
                    continue
                joiner = "to" if m.group("w").lower() == "from" else "and"
                if a[:1] in "$£€" and b[:1] not in "$£€":
                    b = a[0] + b  # "from $500-2,000" -> "from $500 to $2,000" (AP repeats the sign)
                right = f"{m.group('w')}{m.group('s1')}{a} {joiner} {b}"
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right,
                          args={"joiner": joiner})


_FIGURE_ORDINAL = regex.compile(r"(?<![\w.,/\-–$£€])([1-9])(st|nd|rd|th)\b")
_WORD_ORDINAL = regex.compile(
    r"\b(?<![\w'’-])((?:(?:" + "|".join(_TENS) + r")[-‑](?:" + "|".join(_ORD_UNITS) + r"))|"
    + "|".join(_ORD_TEENS + _ORD_TENS) + r")(?![\w'’]|[-‑]\w)")
#: substrings every spelled-out ordinal of 10 or more contains (a cheap pre-test)
_ORDINAL_STEMS = ("tieth", "teenth", "tenth", "eleventh", "twelfth", "ty-", "ty‑")
#: a match of ``_WORD_ORDINAL`` is one of these as a whole word, or starts with a tens word
#: ("twenty-first"): a block whose letter runs hold none of them has no match
_ORDINAL_RUNS = frozenset(_ORD_TEENS + _ORD_TENS + _TENS)
_ORDINAL_LABELS = frozenset("""
district ward precinct circuit congressional division battalion regiment infantry fleet army corps
brigade squadron cavalry airborne marine marines armored amendment
""".split())
_MONTH_NEAR = regex.compile(r"\s*(?:of\s+)?" + _MONTH_RE + r"\b")
_MONTH_BEFORE = regex.compile(_MONTH_RE + r"\.?\s+$")
#: a lower-case noun after "a 3rd": an ordinal counting it ("a 3rd term"), not a fraction ("a 5th of")
_COUNTED_AFTER_ORDINAL = regex.compile(r"[ \u00a0]+(?!(?:of|the|as|that|more|less|or|and|to)(?![\p{L}]))\p{Ll}{3,}(?![\p{L}\-])")
_FRACTION_BEFORE = regex.compile(r"(?:\b(?:a|one|two|three|four|five|six|seven|eight|nine|\d+)[\s-]+)$", regex.I)


#: a street name after an ordinal: "6th Street", "5th Ave." (AP: "Sixth Street", "Fifth Avenue")
_STREET_AFTER = regex.compile(r"[ \u00a0]+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Place|Lane|"
                              r"Drive|Terrace|Court)(?![\p{L}])")


class NumberOrdinal(NumberKind):
    name = "number-ordinal"
    description = "\"first\" to \"ninth\" in words, \"10th\" and up in figures."
    OPTIONS = {
        "headlines": _headlines_option(False),
        "streets": Option("bool", default=True,
                          doc="numbered streets follow the rule too ('Sixth Street', AP); false keeps '6th Street'"),
    }
    NEEDS_DIGIT = False

    def check(self, ctx):
        digits = digit_blocks(ctx.article)
        whole = None  # the story's text, for a name it also spells out
        for block in self.blocks(ctx):
            text = block.text
            figures = block.index in digits
            ordinal = figures and any(end - start == 1 and text[end:end + 2] in _ORDINAL_SUFFIXES
                                      for start, end in figure_runs(ctx.article, block))
            for m in scan(ctx, _FIGURE_ORDINAL, text) if ordinal else ():
                value = int(m.group(1))
                if m.group(2) != ordinal_suffix(value):
                    continue
                fraction = _FRACTION_BEFORE.search(text, max(0, m.start() - 8), m.start())
                if fraction is not None and not (fraction.group().lower().startswith("a")
                                                 and _COUNTED_AFTER_ORDINAL.match(text, m.end())):
                    continue  # "one 5th the speed", "a 10th of": a fraction (not "a 3rd term")
                if _MONTH_NEAR.match(text, m.end()) or _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # dates: numbers.date-format
                nxt = _NEXT_WORD.match(text, m.end()) or regex.compile(r"\s+(\S+)").match(text, m.end())
                word = _ORD_UNITS[value - 1]
                if nxt and (nxt.group(1)[:1].isupper() or nxt.group(1).lower() in _ORDINAL_LABELS):
                    # "1st Cavalry Division", "2nd Circuit": names keep their form -- except a numbered
                    # street (AP: "Sixth Street") and a name the story spells out elsewhere ("Sixth
                    # Army" ... "6th Army")
                    if not (self.options["streets"] and _STREET_AFTER.match(text, m.end())):
                        if not nxt.group(1)[:1].isupper():
                            continue
                        if whole is None:
                            whole = "\n".join(b.text for b in ctx.article.blocks)
                        name = nxt.group(1).rstrip(".,;:!?)”’\"'")
                        if regex.search(r"(?<![\w-])" + word.capitalize() + r"[ \u00a0]+" + regex.escape(name)
                                        + r"(?![\w-])", whole) is None:
                            continue
                    yield Hit(block, m.start(), m.end(), suggestion=word.capitalize(), replacement=word.capitalize())
                    continue
                if at_sentence_start(text, m.start()):
                    word = word.capitalize()
                yield Hit(block, m.start(), m.end(), suggestion=word, replacement=word)
            # only an all-lower-case word is judged below: the stems are in the text as written
            if _ORDINAL_RUNS.isdisjoint(letter_runs(ctx.article, block)) \
                    or not any(stem in text for stem in _ORDINAL_STEMS):
                continue
            for m in ctx.finditer(_WORD_ORDINAL, text):
                word = m.group(1)
                if not word.islower():
                    continue
                lower = word.lower()
                parts = regex.split(r"[-‑]", lower)
                value = ORDINAL_VALUES.get(parts[0]) if len(parts) == 1 else (
                    WORD_VALUES[parts[0]] + ORDINAL_VALUES[parts[1]])
                if value < 10:
                    continue
                if lower == "eleventh" and regex.match(r"\s+hour\b", text[m.end():]):
                    continue  # the idiom
                if _FRACTION_BEFORE.search(text, max(0, m.start() - 12), m.start()) or regex.match(r"\s+of\b", text[m.end():]):
                    continue  # "a tenth of", "one-twentieth": fractions
                right = f"{value}{ordinal_suffix(value)}"
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right)


_DECADE = regex.compile(r"(?<![\w'’])(?P<num>['’]?(?:(?:1\d|20)\d0|\d0))['’]s\b")
#: contexts where "1990's" can only be a decade: "the early 1990's", "in the 1990's", "her 30's"
_DECADE_BEFORE = regex.compile(
    r"(?:\b(?:early|mid|late)[\s-]+|\bmid-|\b(?:in|during|since|throughout|through|until|from|of|by|to|"
    r"over|across)\s+the\s+|\b(?:his|her|their)\s+)$", regex.I)
_DECADE_AFTER = regex.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:and|or|to|when|as|until|in|of|with|at|on|for|was|were|is|are|"
                              r"had|but|through|before|after|into)\b")
#: a decade that ends a clause ("the "wild" 1960's.", "We remember the 1980's".", "the 1960s and
#: 1970's."): a year's possessive is always followed by what it owns
_DECADE_END = regex.compile(r"[\"”’']?\s*(?:[.;:!?)]|$)")
#: "a 1990's theme party", "an 80's hit": an article never comes before a year's possessive
#: ("1990's budget" is "the budget of 1990", never "a 1990's budget")
_DECADE_ARTICLE = regex.compile(r"(?:^|[\s(“\"])(?:[Aa]n?)\s+$")


class NumberDecade(NumberKind):
    name = "number-decade"
    description = "Decades without an apostrophe before the s: \"1990s\", \"the '90s\"."
    OPTIONS = {}

    def check(self, ctx):
        for block in self.blocks(ctx):
            text = block.text
            if "0's" not in text and "0’s" not in text:
                continue
            for m in ctx.finditer(_DECADE, text):
                # "the 1990's budget" may be the budget of 1990: judge only clear decades
                if not (_DECADE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                        or _DECADE_ARTICLE.search(text, max(0, m.start() - 5), m.start())
                        or text[m.end():m.end() + 1] == "-"  # "1990's-era", "1960's-style"
                        or (text[max(0, m.start() - 4):m.start()].lower() == "the "
                            and _DECADE_AFTER.match(text, m.end()))
                        or _DECADE_END.match(text, m.end())):
                    continue
                right = m.group("num") + "s"
                yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right)


# -- consistency -------------------------------------------------------------------------

_CONSISTENCY = {
    "percent": (regex.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?P<form>%|\s*percent\b|\s*per\s+cent\b|\s*pct\b)",
                              regex.I),
                "percentages", {"%": "%", "percent": "percent", "per cent": "per cent", "pct": "pct"}),
    "million": (regex.compile(r"(?<![\w.])[$£€]\d+(?:\.\d+)?(?P<form>\s*million\b|\s*billion\b|m\b|bn\b|\s*mn\b|\s*mln\b|\s*bln\b)"),
                "millions and billions", {"million": "million", "billion": "million", "m": "m", "bn": "m",
                                          "mn": "mn", "bln": "mln", "mln": "mln"}),
    "meridian": (regex.compile(r"(?<![\w.:])\d{1,2}(?:[:.]\d\d)?(?P<form>\s?[ap]\.m\.|\s?[ap]m\b|\s?[AP]M\b)"),
                 "times", {"a.m.": "a.m.", "p.m.": "a.m.", "am": "am", "pm": "am", "AM": "AM", "PM": "AM"}),
}
_PERCENT_RUNS = frozenset({"percent", "per", "pct"})
#: what a block must hold for a category's pattern to match (a cheap test before the scan)
def _unit_after_figure(text: str, runs, units: str, currency: bool = False) -> bool:
    """Whether a figure (with its decimals, after a currency sign if ``currency``) is followed,
    after blanks, by one of the characters ``units`` ("%", or the "m"/"b" of "m", "million", "bn")."""
    n = len(text)
    ends = {start: end for start, end in runs}
    for start, end in runs:
        if currency and not (start and text[start - 1] in "$£€"):
            continue
        j = end
        if text[j:j + 1] == "." and j + 1 in ends:
            j = ends[j + 1]
        while j < n and text[j].isspace():
            j += 1
        if j < n and text[j] in units:
            return True
    return False


_CONSISTENCY_NEEDS = {
    # a figure, blanks and "%", "percent", "per cent" or "pct"; the word forms as whole letter runs
    "percent": lambda article, block: ("%" in block.text
                                       or not _PERCENT_RUNS.isdisjoint(letter_runs(article, block)))
    and _unit_after_figure(block.text, figure_runs(article, block), "%pP"),
    # "$5m", "£3.5 billion": a sign, a figure, then "m", "mn", "mln", "million", "bn", "bln", "billion"
    "million": lambda article, block: ("$" in block.text or "£" in block.text or "€" in block.text)
    and _unit_after_figure(block.text, figure_runs(article, block), "mb", currency=True),
}
#: how many of a category's forms (as ``forms`` names them) the article may write, at most: a form's
#: words are whole letter runs of the article (case-folded), the sign a character of its text
_CONSISTENCY_WRITTEN = {
    "percent": lambda article: (("%" in article_text(article)) + ("percent" in article_letter_runs(article))
                                + ("per" in article_letter_runs(article)) + ("pct" in article_letter_runs(article))),
    "million": lambda article: sum(not article_letter_runs(article).isdisjoint(words) for words in (
        ("million", "billion"), ("m", "bn"), ("mn",), ("mln", "bln"))),
}
_FORM_EXAMPLES = {"%": "5%", "percent": "5 percent", "per cent": "5 per cent", "pct": "5 pct",
                  "million": "5 million", "m": "5m", "mn": "5 mn", "mln": "5 mln",
                  "a.m.": "9 a.m.", "am": "9am", "AM": "9 AM"}


class NumberConsistency(NumberKind):
    name = "number-consistency"
    description = "One article, one way of writing a kind of quantity (\"5 percent\" and \"5%\" mixed)."
    FIXABLE = False
    OPTIONS = {
        "categories": Option("list[str]", default=["percent"],
                             doc="which quantities to compare: percent, million, meridian"),
    }

    def setup(self, options):
        for i, name in enumerate(options["categories"]):
            if name not in _CONSISTENCY:
                raise OptionError(f"options.categories[{i}]", f"expected one of {', '.join(_CONSISTENCY)}")

    def check(self, ctx):
        analysis = ctx.article.analysis
        digits = digit_blocks(ctx.article)
        blocks = [block for block in ctx.blocks() if block.index in digits]
        for name in self.options["categories"]:
            pattern, label, forms = _CONSISTENCY[name]
            written = _CONSISTENCY_WRITTEN.get(name)
            if written is not None and written(ctx.article) < 2:
                continue  # only a mix is flagged, and at most one of the forms is written at all
            seen: list[tuple[str, object, int, int]] = []
            needs = _CONSISTENCY_NEEDS.get(name)
            for block in blocks:
                if needs is not None and not needs(ctx.article, block):
                    continue
                for m in ctx.finditer(pattern, block.text):
                    raw = " ".join(m.group("form").split())
                    form = forms.get(raw) or forms.get(raw.lower())
                    if form is None or analysis.in_quote(block, m.start(), m.end()):
                        continue
                    seen.append((form, block, m.start(), m.end()))
            counts: dict[str, int] = {}
            for form, *_ in seen:
                counts[form] = counts.get(form, 0) + 1
            if len(counts) < 2:
                continue
            main = max(counts, key=lambda f: (counts[f], -[s[0] for s in seen].index(f)))
            for form, block, start, end in seen:
                if form != main:
                    uses = "once" if counts[main] == 1 else f"{counts[main]} times"
                    yield Hit(block, start, end, args={"label": label, "main": _FORM_EXAMPLES[main],
                                                       "count": counts[main], "uses": uses},
                              suggestion=_FORM_EXAMPLES[main])
