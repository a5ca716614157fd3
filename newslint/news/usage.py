"""House-usage kinds that a word list cannot express.

- ``acronym-first-use``: an organisation's initials are spelled out before
  they are used alone. It needs the article's earlier text (was the long
  form given? do the acronym's letters match an earlier capitalised phrase?).
- ``s-possessive``: the possessive of a singular proper name ending in s
  ("Hamas'" in AP, "Hamas's" in British styles). Telling a singular name
  from a plural ("Americans'") needs the rest of the article.
- ``serial-comma``: the comma before the conjunction in a simple series.
  By default only a story that mixes both conventions is flagged (its
  minority form): telling a simple series from a complex one, where AP keeps
  the comma, is error-prone, while inconsistency within a story is the defect
  an editor always fixes. Strict house styles (``omit``, ``require``) remain.
  Only unambiguous one-word series are judged, because ", and" usually joins
  clauses.
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.article.furniture import furniture_blocks
from newslint.kinds.base import (CheckContext, Hit, Option, OptionError, RuleKind, article_text, compile_pattern,
                                  letter_runs, word_gate)
from newslint.kinds.consistency import Consistency
from newslint.kinds.substitution import Substitution
from newslint.kinds.words import token_pattern
from newslint.news.house_style import enforce_option, mix_note

# --------------------------------------------------------------------------
# acronyms

#: widely known initials that need no spelling out (AP and British usage)
KNOWN_ACRONYMS = (
    "ABC AFP AIDS AP ATM BBC BMW CBS CCTV CEO CFO CIA CNN COO COVID CPU CT DIY DJ DNA DVD EU FAQ "
    "FBI FIFA GCSE GDP GMT GOP GPS HIV HR ID IMF IQ IRA IRS ISIS ITV LGBT LGBTQ MBA MLB MP MPs "
    "MRI MSNBC NAACP NASA NASCAR NATO NBA NBC NCAA NFL NHL NHS NPR OPEC PBS PC PDF PGA PIN POW "
    "RAF SAT SUV SWAT TB TNT TV UEFA UFO UK UN UNESCO UNICEF URL US USA USB VAT VIP WHO WWE WWI "
    "WWII YMCA BP IBM HSBC AOL AT&T CD CDs DVDs GM HP ITN MTV RBS UBS VW WPP NYSE FTSE AGM ESPN "
    "NYC TUC CBI RSPCA NSPCC RSPB IOC ATP WTA ICC RFU IAAF PSP PDA HBO BAFTA BAFTAs MEP MEPs MSP MSPs AM AMs SNP DUP SDLP UKIP FA PR LA NYPD LAPD "
    "UAE AI API CSS HTML HTTP OK PS SMS "
    "BSE SARS MERS RAM ROM LCD LED NGO NGOs G7 G8 G20 EU's UN's KGB VCR"
).split()

#: what only a public body or a public scheme has, after its initials: rules, approvals and
#: accreditation ("lost its CCHA accreditation": an accrediting body's), and the
#: districts, zones, checkpoints, events and incidents a scheme or a law defines (not "system" or
#: "program", which brands and products have too: "the EDS system")
_SCHEME_NOUNS = frozenset("""
approval approvals requirement requirements rules regulation regulations standard standards guidelines guidance
permit permits license licenses licence licences sanctions certification accreditation ruling mandate district districts
zone zones checkpoint checkpoints event events incident incidents violation violations""".split())

_ACRONYM = regex.compile(
    r"\b(?:the|The|its|Its|their|Their)\s+(\p{Lu}{3,6})(?:['’]s|s)?\b(?![.\-’'&/]\w|\s+\p{Lu}|\s*\d)"
    # initials naming a public body's officers, money or statistics, with no article: "EPD officers",
    # "SBA loans", "ESSER money", "EIA data"
    # (not "spokesman" or "officials": companies named by initials have them too, "a KLM spokesman")
    r"|(?<![\p{L}\d.\-&/'’])(\p{Lu}{3,6})(?=\s+(?:officers|agents|investigators|inspectors|staff|monitors|"
    r"observers|peacekeepers|teams|crews|loans|grants|money|funds|funding|data|figures|statistics|lab|labs|laboratory)\b)"
    # a part of an organisation named by initials after the organisation's possessive: "Calder's FSG unit"
    r"|(?<=\p{Lu}\p{Ll}+['’]s\s+)(\p{Lu}{3,6})(?=\s+(?:unit|division|subsidiary|segment)\b)"
    # initials after a common noun's possessive, as after "its": "the hospital's PICU had room"
    r"|(?<=\b[Tt]he\s+\p{Ll}{3,}['’]s\s+)(\p{Lu}{3,6})(?:['’]s|s)?\b(?![.\-’'&/]\w|\s+\p{Lu}|\s*\d)"
    # a system or equipment named by initials as the object of having or using it: "The airport does
    # not have RWSL, and", "installed ASDE on"
    # (three capitals before equipment: "install GAC filters")
    r"|(?<=\b(?:have|has|had|without|install|installs|installed|use|uses|used|using)\s+)"
    r"(?=\p{Lu}{4,6}(?:\s*[,.;]|\s+(?:system|systems|technology|equipment)\b)"
    r"|\p{Lu}{3}\s+(?:system|systems|technology|equipment|filters?|units?|devices?)\b)(\p{Lu}{3,6})"
    r"(?=\s*[,.;]|\s+(?:system|systems|technology|equipment|filters?|units?|devices?)\b)"
    # an agreement or a law named by bare initials that something is done under, ending the phrase:
    # "radar systems promised under EDCA, which gives"
    # (not one of a list of initials: "applications under CICS, TSO, VM/CMS", systems a program runs under)
    r"|(?<=\b[Uu]nder\s+)(\p{Lu}{3,6})(?=\s*[,.;]|\s+(?:over|until|through|since|in|for|by)\s)(?![,;]\s*\p{Lu}{2,})"
    # a source by bare initials after "according to", ending the phrase: "According to OCHA, nearly 1.8
    # million" (not one of a list of initials, as after "under"); and a public body by bare initials as
    # the agent of its authority, ending the phrase: "Under rules enforced by BIS, American companies
    # need a license" (regulating, enforcing, imposing, issuing, compiling: what an agency does; not
    # "made by", "owned by", which companies are)
    r"|(?<=\b(?:[Aa]ccording\s+to|(?:filed|registered|lodged)\s+with|(?:enforced|imposed|administered|regulated|licensed|overseen|supervised|monitored"
    r"|issued|compiled|published|sanctioned|certified|mandated|audited|inspected|investigated|policed|approved"
    r"|funded|backed|guaranteed|insured|underwritten|set)\s+by)\s+)(\p{Lu}{3,6})"
    # (the phrase may end at its clause's verb: "rates set by CMS had not kept pace")
    r"(?=\s*[,.;]|\s+(?:had|has|have|was|were|is|are|would|will)\s)(?![,;]\s*\p{Lu}{2,})"
    # a news agency or a public body by bare initials reporting, opening its sentence: "KCNA reported
    # Friday that", "NTSB investigators" aside; or saying, after a lead-in that names a statement or a
    # report ("In a written statement, OPEI said": an association's or an agency's statement)
    r"|(?<=(?:^|[.!?][\"”’)]?\s+))(\p{Lu}{3,6})(?=\s+(?:reported|announced)\b)"
    r"|(?<=(?:^|[.!?][\"”’)]?\s+)(?:In|In\s+a|In\s+its)\s+(?:\p{Ll}+\s+)?(?:statement|report|letter|filing|release)"
    r"[^,.;:“”\"]{0,40},\s+)(\p{Lu}{3,6})(?=\s+(?:said|says|wrote|argued)\b)"
    # bare initials before what only a public body or a public scheme has: its rules and approvals
    # ("needs NEMA approval", "may violate WTO rules", "met NBIS requirements") or the districts,
    # zones, checkpoints, events and incidents a scheme or a law defines ("a TIF district", "before
    # PSPS events", "TWIC checkpoints", "suspected IUU incidents"; not "system" or "program", which
    # brands and products have: "the EDS system")
    r"|(?<![\p{L}\d.\-&/'’])(\p{Lu}{3,6})(?=\s+(?:" + "|".join(sorted(_SCHEME_NOUNS)) + r")\b)"
    # a public body's people by bare initials after them ("Agents from HSI seized", "officials from
    # IGAD, which"): as before "officers", the initials are a public body's
    r"|(?<=\b(?i:agents|officers|investigators|inspectors|officials|monitors|observers|auditors|regulators)\s+"
    r"(?:from|of|with|at)\s+)(\p{Lu}{3,6})\b(?![.\-&/'’]\w|\s+[\p{Lu}\d])"
    # initials asked, urged or ordered to act ("asked ADWR to audit"): a body with a duty
    r"|(?<=\b(?:asked|urged|ordered|directed|called\s+on|requested|pressed|petitioned)\s+)(\p{Lu}{3,6})"
    r"(?=\s+to\s+\p{Ll})"
    # initials set off after a sentence's opening noun, naming it ("The impurity, NDMA, is ...")
    r"|(?<=(?:^|[.!?][\"”’)]?\s+)[Tt]he\s+\p{Ll}{3,}(?:\s+\p{Ll}{3,})?,\s+)(\p{Lu}{3,6})(?=,)"
    # a body by "the", a place and its initials, speaking as a body ("The Georgia FOP called the
    # decision", "the state PSC said"): "the" is no brand's
    r"|(?<=\b[Tt]he\s+(?:\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?|state|city|county|federal)\s+)(\p{Lu}{3,6})"
    r"(?=\s+(?:said|says|called|announced|warned|urged|argued|endorsed|criticized|condemned|praised|sued)\b)"
    # a body by initials after "the" and another body's initials and "and" ("The FBI and CISA are
    # assisting"): the pair are two agencies
    r"|(?<=\b[Tt]he\s+\p{Lu}{2,6}\s+and\s+)(\p{Lu}{3,6})\b(?![.\-&/'’]\w|\s+[\p{Lu}\d])"
    # a union by its initials before one of its locals ("president of ATU Local 1287", "UAW Local 600")
    r"|(?<![\p{L}\d.\-&/'’])(\p{Lu}{3,6})(?=\s+Local\s+\d)")
#: the nouns after initials that name a public body's people, money or statistics (``_ACRONYM``'s
#: second branch): after "the"/"its" too they leave the initials judged ("its ESSER money")
_BODY_NOUNS = frozenset("officers agents investigators inspectors staff monitors observers peacekeepers teams crews "
                        "loans grants money funds funding data figures statistics lab labs laboratory".split())
_MONEY_NOUNS = frozenset("money funds funding".split())
#: a public body's proceedings or programmes after "the"/"its"/a common noun's possessive ("the state's
#: HCMO review", "its ASAP program"): they leave the initials judged, like its people or money (a
#: brand's product has none of these)
_PROCEEDINGS = frozenset("review reviews investigation inquiry probe audit hearing hearings program programme "
                         "scheme".split())
#: after an acronym, a lower-case word that is not one of these makes it a modifier
#: ("the EDS system", "the BDO index"): usually a brand or product, left alone
_FOLLOWER = regex.compile(r"\s+(\p{Ll}+)")
#: an object pronoun after the follower makes it a verb: "until the NMB releases them" (the initials
#: are its subject, not a brand modifying a noun)
_OBJECT_PRONOUN_AFTER = regex.compile(r"\s+(?:them|him|her|it|us|me)\b")
_VERBS_AND_LINKS = frozenset("""
the a an does do did cannot requires required regulates regulated oversees oversaw
last next this earlier later her his their its our found knew began took gave made sent
said says say told tells has have had is was are were will would could can may might should must
and or but nor in on of for to at by with from into over under about against after before since
until when while which who whose that as than if because also then added announced warned
during through across within without amid among despite toward towards
called claimed confirmed denied agreed refused decided launched began started struck insisted
administers administered manages managed runs ran operates operated controls controlled approves
approved sets set enforces enforced issues issued collects collected
""".split())
#: adverbs between a subject and its verb ("the ORA now has 40 fewer investigators"): initials before one
#: are the subject, not a modifier
#: "that" after an -ing word after the initials: a participle with its clause ("the state's PDMP
#: showing that customers ..."), so the initials are a noun, not a brand's modifier ("the ABC building")
_THAT_AFTER = regex.compile(r"\s+that\b")
_SUBJECT_ADVERBS = frozenset("now still already also never often recently currently usually previously".split())
_ROMAN = regex.compile(r"^[IVXLCDM]+$")
_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}]+)*")
_CONNECTORS = frozenset("of and for the on in de du des la le & to at".split())
#: the long form after the initials ("the IDF (Israel Defense Forces)", "the EEF, the Engineering
#: Employers' Federation"), or an appositive saying what the body is ("the MMA, a countrywide
#: alliance of religious parties")
_EXPANSION_AFTER = regex.compile(r"\s*[(,]\s*(?:the\s+)?\p{Lu}\p{Ll}+|,\s+(?:a|an|the)\s+\p{Ll}")
#: a comma and a capitalised word after initials that end a phrase ("under EDCA, Manila ...")
_CLAUSE_AFTER = regex.compile(r"\s*,\s*\p{Lu}\p{Ll}+")
_CAPS_RUN = regex.compile(r"\b\p{Lu}{2,}\b")
#: every acronym ``_ACRONYM`` judges has three capitals in a row (a cheap test first)
_THREE_CAPITALS = regex.compile(r"\p{Lu}{3}")
#: the same test for ASCII text, where ``\p{Lu}`` is ``[A-Z]`` (a range the scan tests five times faster)
_THREE_CAPITALS_ASCII = regex.compile(r"[A-Z]{3}")


def _acronyms_from(text: str, caps: int) -> int:
    """Where a search for ``_ACRONYM`` may start, given ``caps``, the first three capitals in a row:
    its initials start there or later, and "the"/"its"/"their" and blanks may come before them
    (no run of three capitals starts inside those)."""
    while caps and text[caps - 1].isspace():  # str.isspace takes every character \s does
        caps -= 1
    return max(0, caps - 5)


def _acronym_matches(text: str, caps):
    """``_ACRONYM.finditer`` from ``caps`` (the first three capitals in a row), tried only where a
    match can start: every reading's initials are a run of capitals after a non-letter, and a
    match starts at them or at the "the"/"its"/"their" before them (``_acronyms_from``), so the
    pattern, slow with its lookbehinds, is tried at those few places instead of along the text."""
    finder = _THREE_CAPITALS_ASCII if text.isascii() else _THREE_CAPITALS
    pos = 0
    while caps is not None:
        s = caps.start()
        if s >= pos and not (s and text[s - 1].isalpha()):
            lo = max(pos, _acronyms_from(text, s))
            for start in sorted({lo, *(w.start() for w in _WORD_START.finditer(text, lo, s)), s}):
                m = _ACRONYM.match(text, start)
                if m is not None:
                    yield m
                    pos = m.end()
                    break
        caps = finder.search(text, max(caps.end(), pos))


#: where a word starts (for ``_acronym_matches``)
_WORD_START = regex.compile(r"(?<![\p{L}\p{N}])[\p{L}\p{N}]")


def _initials_match(words: list[str], acronym: str) -> bool:
    """True when a run of capitalised words spells ``acronym`` ("Israel Defense Forces" -> IDF).

    Connectors ("of", "and") may be skipped or give a letter ("Department of
    Defense" -> DOD); hyphenated words may give one letter or one per part.
    """
    letters = acronym.upper()
    n, size = len(words), len(letters)

    def match(j: int, k: int, depth: int = 0) -> bool:
        if k == size:
            return True
        if j == n or depth > 2 * size + 2:
            return False
        word = words[j]
        head = word[:1]
        if head.isupper():
            parts = [p for p in word.split("-") if p]
            if len(parts) > 1 and "".join(p[0].upper() for p in parts) == letters[k:k + len(parts)]:
                if match(j + 1, k + len(parts), depth + 1):
                    return True
            return head == letters[k] and match(j + 1, k + 1, depth + 1)
        if k and word.lower() in _CONNECTORS:
            if head.upper() == letters[k] and match(j + 1, k + 1, depth + 1):
                return True
            return match(j + 1, k, depth + 1)
        return False

    return any(w[:1] == letters[0] and match(i, 0) for i, w in enumerate(words))


class AcronymFirstUse(RuleKind):
    name = "acronym-first-use"
    description = "Flags an organisation's initials used before (or without) its full name."
    OPTIONS = {
        "known": Option("list[str]", default=list(KNOWN_ACRONYMS),
                        doc="initials that need no spelling out (replaces the built-in list)"),
        "also_known": Option("list[str]", default=[], doc="initials added to 'known' (a newsroom's own)"),
        "min_length": Option("int", default=3, doc="shortest acronym judged"),
    }

    def setup(self, options):
        self.known = frozenset(options["known"]) | frozenset(options["also_known"])
        self.min_length = options["min_length"]

    def check(self, ctx: CheckContext):
        article = ctx.article
        in_scope = {b.index for b in ctx.blocks()}
        seen: set[str] = set()
        earlier_text: list[str] = []
        # the words of earlier blocks, split only when a candidate needs them (most articles have none)
        earlier_flat: list[str] = []
        split = [0]  # how many of earlier_text are in earlier_flat

        def earlier_words() -> list[str]:
            while split[0] < len(earlier_text):
                earlier_flat.extend(_WORD.findall(earlier_text[split[0]]))
                split[0] += 1
            return earlier_flat

        for block in article.blocks:
            text = block.text
            caps = (block.index in in_scope
                    and (_THREE_CAPITALS_ASCII if text.isascii() else _THREE_CAPITALS).search(text))
            if caps:
                shouty = None  # counted at the first match
                for m in _acronym_matches(text, caps):
                    group = m.lastindex  # the branch that matched: each has one group
                    acronym = m.group(group)
                    if acronym in seen:
                        continue
                    seen.add(acronym)
                    if len(acronym) < self.min_length or acronym in self.known or _ROMAN.match(acronym):
                        continue
                    if shouty is None:  # an all-capitals block: counted only when a candidate needs it
                        shouty = len(_CAPS_RUN.findall(text)) / (len(text.split()) or 1) > 0.3
                    if shouty:
                        continue
                    follower = _FOLLOWER.match(text, m.end())
                    body = follower is not None and follower.group(1) in _BODY_NOUNS
                    proceeding = group in (1, 4) and follower is not None and (
                        follower.group(1) in _PROCEEDINGS or follower.group(1) in _SCHEME_NOUNS)
                    if (group >= 5 or proceeding or body and (group != 2 or follower.group(1) in _MONEY_NOUNS)) and (
                            acronym in text[:m.start(group)] or any(acronym in t for t in earlier_text)):
                        # a system's, an agreement's or a source's initials, or a body's before its money or people after "the"/"its",
                        # judged only at their first use in the story ("the export enhancement
                        # program, EEP, ... the EEP funding ceiling")
                        continue
                    before = _WORD.findall(text[:m.start(group)])
                    if _initials_match(earlier_words() + before, acronym):
                        continue
                    after = _EXPANSION_AFTER.match(text, m.end())
                    if after and not (group in (6, 7) and _CLAUSE_AFTER.match(text, m.end())
                                      and not _initials_match(_WORD.findall(text, m.end(), m.end() + 80), acronym)):
                        # (after an introductory phrase, "Under rules enforced by BIS, American companies
                        # need ...": the capitalised word opens the sentence's clause, unless it spells
                        # the initials)
                        continue
                    if group in (1, 4) and follower and follower.group(1) not in _VERBS_AND_LINKS \
                            and follower.group(1) not in _SUBJECT_ADVERBS \
                            and not follower.group(1).endswith("ed") and follower.group(1) not in _BODY_NOUNS \
                            and not (follower.group(1).endswith("ing") and _THAT_AFTER.match(text, follower.end())) \
                            and not (follower.group(1).endswith("s") and _OBJECT_PRONOUN_AFTER.match(text, follower.end())) \
                            and not proceeding:
                        continue  # (a public body's people, money or statistics are not a brand's: "its ESSER money")
                    # the long form given anywhere before ("... Forces (IDF)" counts too)
                    if f"({acronym})" in "".join(earlier_text) + text[:m.start(group)]:
                        continue
                    yield Hit(block, m.start(group), m.end(group), args={"acronym": acronym})
            earlier_text.append(text)


# --------------------------------------------------------------------------
# possessives of names ending in s

_APOSTROPHES = "'’"
# "Hamas's" / "Hamas’s": a capitalised word ending in s, then apostrophe-s
_NAME_S_S = regex.compile(r"(?<![\w'’.-])(\p{Lu}\p{Ll}+s)(['’])s\b(?!['’\w-])")
# "Hamas'" / "Hamas’": a capitalised word ending in s, then a bare apostrophe
_NAME_S = regex.compile(r"(?<![\w'’.-])(?<!\bSt\.?\s)(\p{Lu}\p{Ll}*(?:as|is|us|ss|os|ez))(['’])(?![\w'’])")
#: endings of plural demonyms and groups that look like names ("Israelis'", "Iraqis'")
_PLURAL_LOOKING = regex.compile(r"(?:[aeiou]lis|stanis|qis|nis|dis|alis|ais|ees|ies|nes|ses|tes|des|les|res|ves|ges|kes|pes)$")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:][\"'”’)]*\s+|[\"“‘(]\s*)$")


def _at_sentence_start(text: str, at: int) -> bool:
    """``at`` opens a sentence (or a quotation): read in the 40 characters before it, not from the
    paragraph's start (a pattern anchored at its end is tried at every position before it: over a
    huge paragraph, once per match, that is quadratic)."""
    return _SENTENCE_START.search(text, max(0, at - 40), at) is not None


class SPossessive(RuleKind):
    name = "s-possessive"
    description = "The possessive of a singular proper name ending in s, by house style."
    FIXABLE = True
    OPTIONS = {
        "style": Option("str", default="apostrophe", choices=("apostrophe", "apostrophe-s"),
                        doc="apostrophe: Hamas' (AP); apostrophe-s: Hamas's (Guardian, BBC)"),
        "names": Option("list[str]", default=[],
                        doc="apostrophe-s style: more singular names ending in s to check (Jones, Williams)"),
        "enforce": enforce_option("the possessive form (Hamas'/Hamas's)"),
    }

    def setup(self, options):
        self.style = options["style"]
        self.names = frozenset(options["names"])

    def _with_s(self, ctx: CheckContext, blocks) -> list:
        """Uses of "Hamas's": a plural never takes 's after s, so each is a singular name."""
        found = []
        for block in blocks:
            for m in ctx.finditer(_NAME_S_S, block.text):
                if _at_sentence_start(block.text, m.start()):
                    continue  # "Witness's account": a common noun capitalised by position
                found.append((block, m))
        return found

    def _bare(self, ctx: CheckContext, blocks) -> list:
        """Uses of "Hamas'" that are a singular name's, not a plural's ("Israelis'")."""
        found = []
        words = None
        for block in blocks:
            for m in ctx.finditer(_NAME_S, block.text):
                name = m.group(1)
                if name not in self.names:
                    if _PLURAL_LOOKING.search(name) or _at_sentence_start(block.text, m.start()):
                        continue
                    if words is None:
                        words = _article_words(ctx.article)
                    if name[:-1] in words or (name.endswith("es") and name[:-2] in words):
                        continue  # "Americans'" next to "American": a plural
                found.append((block, m))
        return found

    def check(self, ctx: CheckContext):
        blocks = [b for b in ctx.blocks() if "s'" in b.text or "s’" in b.text]
        if not blocks:
            return
        apostrophe = self.style == "apostrophe"
        # AP: "Hamas's" -> "Hamas'"; apostrophe-s: "Hamas'" -> "Hamas's"
        wrong = self._with_s(ctx, blocks) if apostrophe else self._bare(ctx, blocks)
        if not wrong:
            return
        message = None
        if self.options["enforce"] == "consistent":
            # the form is a house choice: a story that writes one form throughout keeps it
            other = self._bare(ctx, blocks) if apostrophe else self._with_s(ctx, blocks)
            if not ctx.rule.quotes:
                analysis = ctx.article.analysis
                wrong = [(b, m) for b, m in wrong if not analysis.in_quote(b, m.start(), m.end())]
                other = [(b, m) for b, m in other if not analysis.in_quote(b, m.start(), m.end())]
            if not other or not wrong:
                return
            house, odd = ("Hamas'", "Hamas's") if apostrophe else ("Hamas's", "Hamas'")
            uses = sorted([(b.index, m.start(), odd) for b, m in wrong] + [(b.index, m.start(), house) for b, m in other])
            message = ("Possessive of a name ending in s: write \"{suggestion}\": "
                       + mix_note([label for *_, label in uses], f"\"{house}\"") + ".")
        for block, m in wrong:
            name, mark = m.group(1), m.group(2)
            right = name + mark if apostrophe else name + mark + "s"
            yield Hit(block, m.start(), m.end(), suggestion=right, replacement=right, args={"name": name},
                      message=message)


def _article_words(article) -> frozenset:
    return frozenset(w for b in article.blocks for w in _WORD.findall(b.text))


# --------------------------------------------------------------------------
# serial comma

_ITEM = r"\p{L}[\p{L}'’]*"
#: "tea, coffee, and cake" (items of one word each)
_WITH_SERIAL = regex.compile(rf"(?<![\w-])({_ITEM}), ({_ITEM}),( (?:and|or) )({_ITEM})\b(?![-'’]\w)")
#: "tea, coffee and cake"
_WITHOUT_SERIAL = regex.compile(rf"(?<![\w-])({_ITEM}), ({_ITEM})( (?:and|or) )({_ITEM})\b(?![-'’]\w)")
#: what a block must hold for each pattern to match (a literal-led search, most blocks fail it)
_SERIES_GATE = {
    id(_WITH_SERIAL): regex.compile(rf", {_ITEM}, (?:and|or) "),
    id(_WITHOUT_SERIAL): regex.compile(rf", {_ITEM} (?:and|or) "),
}
#: words that make ", and" join clauses or asides, not list items
_NOT_ITEMS = frozenset("""
a an the he she it they we i you his her its their our my your this that these those there here
however though although also too then so but yet still now again instead meanwhile moreover
said says say told asked added is was are were be been has have had do does did will would can
could should may might must not no yes who which what when where why how as if because while
well oh please thus indeed perhaps finally first second third last next later earlier today
best least most worst otherwise
""".split())


_NAME_GOES_ON = regex.compile(r" \p{Lu}")


class SerialComma(RuleKind):
    name = "serial-comma"
    description = "The comma before 'and'/'or' in a simple series: one convention per story, or the house's."
    FIXABLE = True
    OPTIONS = {
        "style": Option("str", default="consistent", choices=("consistent", "omit", "require"),
                        doc="consistent: flag only the minority form of a story that mixes both; "
                            "omit: flag every serial comma (strict AP, BBC); require: flag every series "
                            "without one (Chicago)"),
        "max_per_article": Option("int", default=1, doc="report at most this many series per article (0: all)"),
    }

    def setup(self, options):
        self.style = options["style"]
        self.limit = options["max_per_article"]

    def _series(self, ctx: CheckContext, pattern, blocks) -> list[Hit]:
        hits = []
        gate = _SERIES_GATE[id(pattern)]
        for block in blocks:
            text = block.text
            if not gate.search(text):
                continue
            for m in ctx.finditer(pattern, text):
                items = (m.group(1), m.group(2), m.group(4))
                if any(i.lower() in _NOT_ITEMS for i in items):
                    continue
                caps = {i[0].isupper() for i in items[1:]}
                if len(caps) > 1:
                    continue  # "Springfield, Illinois, and her husband": not one series
                with_comma = pattern is _WITH_SERIAL
                at_start = _at_sentence_start(text, m.start())
                if items[0][0].isupper() != items[1][0].isupper() and not at_start:
                    continue
                if items[1][0].isupper() and _NAME_GOES_ON.match(text, m.end()):
                    continue  # "Bismarck Archipelago, Marshall and Solomon Islands": items of several words
                if at_start and not with_comma:
                    continue  # "Yesterday, police and firefighters": an opening word, not a series
                # the span runs from the end of the second item to the last item
                conj = m.group(3)
                replacement = conj if with_comma else "," + conj
                hits.append(Hit(block, m.end(2), m.start(4), suggestion=replacement, replacement=replacement,
                                args={"series": m.group()}))
        if not ctx.rule.quotes:
            analysis = ctx.article.analysis
            hits = [h for h in hits if not analysis.in_quote(h.block, h.start, h.end)]
        return hits

    def _story_series(self, ctx: CheckContext, pattern, blocks) -> list[Hit]:
        """``_series`` outside page furniture: a copyright line's "published, broadcast,
        rewritten, or redistributed" is not the story's. Series are found block by block,
        so the furniture (a notice search per block) is looked up only when there are some."""
        if pattern is _WITH_SERIAL:
            blocks = [b for b in blocks if ", and " in b.text or ", or " in b.text]
        hits = self._series(ctx, pattern, blocks)
        if hits:
            furniture = furniture_blocks(ctx.article)
            hits = [h for h in hits if h.block.index not in furniture]
        return hits

    def check(self, ctx: CheckContext):
        blocks = [b for b in ctx.blocks() if " and " in b.text or " or " in b.text]
        if not blocks:
            return
        if self.style == "omit":
            hits, advice = self._story_series(ctx, _WITH_SERIAL, blocks), \
                "no comma before the conjunction in a simple series, house style"
        elif self.style == "require":
            hits, advice = self._story_series(ctx, _WITHOUT_SERIAL, blocks), \
                "a comma before the conjunction in a simple series, house style"
        else:
            with_comma = self._story_series(ctx, _WITH_SERIAL, blocks)
            if not with_comma:
                return
            without = self._story_series(ctx, _WITHOUT_SERIAL, blocks)
            if not without:
                return
            first_with = (with_comma[0].block.index, with_comma[0].start) < (without[0].block.index, without[0].start)
            # the story's majority form wins; a tie goes to the form it used first
            if len(with_comma) > len(without) or (len(with_comma) == len(without) and first_with):
                hits, kept, verb = without, with_comma, "without"
            else:
                hits, kept, verb = with_comma, without, "with"
            here = "serial comma here, none in" if verb == "with" else "no serial comma here, unlike"
            advice = (f"{here} the story's other series ({len(kept)}, e.g. \"{kept[0].args['series']}\"): "
                      f"use one convention")
        for hit in hits[:self.limit or None]:
            hit.args["count"] = len(hits)
            hit.args["advice"] = advice
            yield hit


# --------------------------------------------------------------------------
# abbreviations with or without full points: U.S./US, U.N./UN


def _abbreviation_patterns(letters: str):
    dotted = "".join(regex.escape(c) + r"\." for c in letters)
    # "U.S." not inside "U.S.A."; "US" not in "US$5", "US 1" (a highway), "USA", "us"
    dotted_re = regex.compile(rf"(?<![\w.])({dotted})(?!\w|\p{{Lu}}\.)")
    plain_re = regex.compile(rf"(?<![\w.$'’-])({regex.escape(letters)})(?![\w$'’]|\.\w|[ \t]+\d|-\d)(\.(?!\w))?")
    return dotted_re, plain_re


_SENTENCE_NEXT = regex.compile(r"\s+[\"“‘(]?\p{Lu}|\s*$")


class AbbreviationStyle(RuleKind):
    name = "abbreviation-style"
    description = "Abbreviations with or without full points (U.S./US), by house style or by majority."
    FIXABLE = True
    OPTIONS = {
        "abbreviations": Option("list[str]", default=["US", "UN"], doc="the letters of each abbreviation"),
        "style": Option("str", default="dotted", choices=("dotted", "plain", "consistent"),
                        doc="dotted: U.S. (AP); plain: US (BBC, Guardian); consistent: the article's majority"),
        "max_per_article": Option("int", default=0,
                                  doc="report at most this many per abbreviation and article (0: all)"),
        "names": Option("list[str]", default=[],
                        doc="proper names spelled with the abbreviation, left as they are ('US Airways', 'U.S. Steel')"),
        "enforce": enforce_option("the house form (style dotted or plain)"),
    }

    def setup(self, options):
        self.groups = []
        for letters in options["abbreviations"]:
            if not regex.fullmatch(r"\p{Lu}{2,5}", letters):
                from newslint.kinds.base import OptionError

                raise OptionError("options.abbreviations", f"expected capital letters such as 'US', got {letters!r}")
            self.groups.append((letters, *_abbreviation_patterns(letters)))
        # a company's or an event's own spelling is not the writer's choice
        names = sorted(options["names"], key=len, reverse=True)
        self.names = (regex.compile("|".join(regex.escape(n) + r"(?![\w-])" for n in names)) if names else None)
        self.style = options["style"]
        self.limit = options["max_per_article"]

    def check(self, ctx: CheckContext):
        for letters, hits in self._hits(ctx):
            if not ctx.rule.quotes:
                analysis = ctx.article.analysis
                hits = [h for h in hits if not analysis.in_quote(h.block, h.start, h.end)]
            for hit in hits[:self.limit or None]:
                hit.args["count"] = len(hits)
                yield hit

    def _hits(self, ctx: CheckContext):
        blocks = list(ctx.blocks())
        for letters, dotted_re, plain_re in self.groups:
            if not any(letters[0] in b.text for b in blocks):
                continue
            dotted_form = "".join(c + "." for c in letters)
            if (self.style == "consistent" or self.options["enforce"] == "consistent") and not (
                    any(dotted_form in b.text for b in blocks) and any(letters in b.text for b in blocks)):
                continue  # only a mix of the forms is judged, and one form is not written at all
            uses = {"dotted": [], "plain": []}
            names = self.names
            for block in blocks:
                # each pattern needs its form spelled out (case-sensitive): a substring test first
                if dotted_form in block.text:
                    for m in ctx.finditer(dotted_re, block.text):
                        if names is None or not names.match(block.text, m.start()):
                            uses["dotted"].append((block, m))
                if letters in block.text:
                    for m in ctx.finditer(plain_re, block.text):
                        if names is None or not names.match(block.text, m.start()):
                            uses["plain"].append((block, m))
            message = None
            if self.style == "consistent":
                if not uses["dotted"] or not uses["plain"]:
                    continue
                first = min(("dotted", "plain"), key=lambda k: (uses[k][0][0].index, uses[k][0][1].start()))
                counts = {k: len(v) for k, v in uses.items()}
                wanted = max(("dotted", "plain"), key=lambda k: (counts[k], k == first))
            else:
                wanted = self.style
                if self.options["enforce"] == "consistent":
                    # the form is a house choice: a story that writes one form throughout keeps it
                    if not ctx.rule.quotes:
                        analysis = ctx.article.analysis
                        uses = {k: [(b, m) for b, m in v if not analysis.in_quote(b, m.start(), m.end())]
                                for k, v in uses.items()}
                    if not uses["dotted"] or not uses["plain"]:
                        continue
                    forms = {"dotted": dotted_form, "plain": letters}
                    order = sorted((b.index, m.start(), forms[k]) for k, v in uses.items() for b, m in v)
                    message = ("Use \"{suggestion}\", not \"{form}\": "
                               + mix_note([form for *_, form in order], f"\"{forms[wanted]}\"") + ".")
            wrong = "plain" if wanted == "dotted" else "dotted"
            hits = []
            for block, m in uses[wrong]:
                if wrong == "plain":
                    # "US." at a sentence end becomes "U.S." (one point)
                    hits.append(Hit(block, m.start(), m.end(), suggestion=dotted_form, replacement=dotted_form,
                                    args={"form": letters}, message=message))
                    continue
                end = m.end()
                # "in the U.S. The ..." or "U.S. President ...": is the point also the full stop? no fix
                fix = None if _SENTENCE_NEXT.match(block.text, end) else letters
                hits.append(Hit(block, m.start(), end, suggestion=letters, replacement=fix,
                                args={"form": dotted_form}, message=message))
            yield letters, hits


# --------------------------------------------------------------------------
# house choices between spellings: NATO/Nato, towards/toward


class PreferredForm(Consistency):
    """``consistency`` with a house form per group, enforced by default only where a story
    mixes forms (``enforce: consistent``); ``enforce: always`` is the ``consistency`` kind."""

    name = "preferred-form"
    description = "Alternative forms of one name (NATO/Nato): the house's, where a story mixes them."
    OPTIONS = {**Consistency.OPTIONS,
               "enforce": enforce_option("the other forms")}

    def setup(self, options):
        super().setup(options)
        # a form is matched case-sensitively (a lower-case first letter may be capitalised):
        # a block holding none of a group's first words as a substring has no use of it
        self.needles = []
        for forms, _, _ in self.groups:
            if options["ignore_case"]:
                self.needles.append(None)
                continue
            firsts = {f.split()[0] for f in forms}
            self.needles.append(tuple(sorted(firsts | {w[0].upper() + w[1:] for w in firsts if w[:1].islower()})))

    def check(self, ctx: CheckContext):
        blocks = list(ctx.blocks())
        analysis = ctx.article.analysis
        skip_quotes = not ctx.rule.quotes
        always = self.options["enforce"] == "always"
        text = None
        for g, (forms, pattern, order) in enumerate(self.groups):
            uses = []
            needles = self.needles[g]
            if needles is not None:
                # none in the whole article (most articles): no use of the group, nothing to say
                text = article_text(ctx.article) if text is None else text
                if not any(n in text for n in needles):
                    continue
            for block in blocks:
                if needles is not None and not any(n in block.text for n in needles):
                    continue
                for m in ctx.finditer(pattern, block.text):
                    if m.end() == m.start():
                        continue
                    if skip_quotes and analysis.in_quote(block, m.start(), m.end()):
                        continue
                    uses.append((order[m.lastindex - 1], block, m.start(), m.end()))
            used = {i for i, *_ in uses}
            counts = {i: sum(1 for u in uses if u[0] == i) for i in used}
            if always:
                # the ``consistency`` kind's rule: the preferred form, else the majority of a mix
                if g in self.prefer:
                    winner = self.prefer[g]
                elif len(used) > 1:
                    winner = min(used, key=lambda i: (-counts[i], next(k for k, u in enumerate(uses) if u[0] == i)))
                else:
                    continue
                for i, block, start, end in uses:
                    if i != winner:
                        yield self._hit(block, start, end, forms[i], forms[winner], counts[i], counts.get(winner, 0))
                continue
            if len(used) < 2:
                continue  # one form throughout: the story's convention
            if g in self.prefer:
                winner = self.prefer[g]
            else:
                winner = min(used, key=lambda i: (-counts[i], next(k for k, u in enumerate(uses) if u[0] == i)))
            note = mix_note([forms[i] for i, *_ in uses], f"\"{forms[winner]}\"")
            for i, block, start, end in uses:
                if i != winner:
                    hit = self._hit(block, start, end, forms[i], forms[winner], counts[i], counts.get(winner, 0))
                    hit.message = "Write \"{suggestion}\", not \"{match}\": " + note + "."
                    yield hit


class WordForms(Substitution):
    """``substitution`` for regional word forms ("towards" -> "toward"). By default
    (``enforce: consistent``) a story is held to the house forms only when it also uses
    them: one that writes "towards" and "amongst" throughout follows another convention.
    House forms both conventions use ("among", "while": option ``neutral``) show nothing."""

    name = "word-forms"
    description = "Regional word forms (towards/toward): the house's, where a story mixes conventions."
    OPTIONS = {**Substitution.OPTIONS,
               "neutral": Option("list[str]", default=[],
                                 doc="house forms that the other convention uses too ('among', 'while'): "
                                     "not a sign of the house convention"),
               "enforce": enforce_option("the other convention's forms")}

    def setup(self, options):
        if options["regex"]:
            raise OptionError("options.regex", "word-forms takes words and phrases, not expressions")
        super().setup(options)
        neutral = {n.lower() for n in options["neutral"]}
        house = sorted({v for v in options["swap"].values() if v.lower() not in neutral})
        self.house_pattern = compile_pattern(token_pattern(house, options["ignore_case"]), "options.swap") \
            if house else None
        self.house_firsts = word_gate(house) if house else None

    def check(self, ctx: CheckContext):
        hits = list(super().check(ctx))
        if not hits or self.options["enforce"] == "always":
            yield from hits
            return
        analysis = ctx.article.analysis
        if not ctx.rule.quotes:
            hits = [h for h in hits if not analysis.in_quote(h.block, h.start, h.end)]
        if not hits or self.house_pattern is None:
            return
        uses = [(h.block.index, h.start, h.block.text[h.start:h.end].lower()) for h in hits]
        for block in ctx.blocks():
            if self.house_firsts is not None and self.house_firsts.isdisjoint(letter_runs(ctx.article, block)):
                continue
            for m in ctx.finditer(self.house_pattern, block.text):
                if ctx.rule.quotes or not analysis.in_quote(block, m.start(), m.end()):
                    uses.append((block.index, m.start(), m.group().lower()))
        if len(uses) == len(hits):
            return  # the other convention throughout
        labels = [label for *_, label in sorted(uses)]
        for hit in hits:
            hit.message = ("Write \"{suggestion}\", not \"{match}\": "
                           + mix_note(labels, f"\"{hit.suggestion.lower()}\"") + ".")
            yield hit
