"""Attribution rules: who said it, how, and whether the reader can tell.

These kinds read the quotation analysis (``article.analysis.quotations``:
spans, running quotes, speaker and verb of each quotation) rather than
matching text on their own, so a quotation is judged the same way by every
rule. Real copy is full of legitimate patterns that look like defects (a run
of bare quote paragraphs after "Smith said:", a running quote with no closing
mark, "officials said" in a story that explains why), so every kind errs on
the side of silence: when the evidence is unclear it says nothing.

Kinds:

- ``attribution-verb``: a loaded ("claimed") or non-speech ("smiled") verb
  used to attribute a quotation or reported speech;
- ``unattributed-quote``: a quote paragraph with no speaker that does not
  continue a speaker's quote from the paragraph before;
- ``attribution-placement``: a multi-sentence quote whose attribution comes
  only after two or more sentences;
- ``quote-balance``: an opening mark never closed in its paragraph (outside
  the running-quote convention), or a closing mark with nothing open;
- ``anonymous-source``: an unnamed source in a story that never says why;
- ``conflicting-quote``: the same attribution frame quoting different words.
"""

from __future__ import annotations

import bisect
import re

from newslint import rx as regex
from newslint.article import lexicon as LEXICON
from newslint.article.model import Block
from newslint.article.quotations import ATTRIBUTION_VERBS, GROUP_WORDS, SPEAKER_VERB
from newslint.kinds.base import (CheckContext, Hit, Option, OptionError, RuleKind, article_letter_runs,
                                  article_text, folded_text, letter_runs, per_article, word_gate)
from newslint.kinds.words import word_trie

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
# searched only for whether a segment has one: the prefix trie (three times
# faster than the plain alternation) finds the same
_SPEECH_WORDS = sorted(ATTRIBUTION_VERBS) + [
    "according to", "in a statement", "quoted", "quoting", "saying", "telling", "asking", "adding", "writing", "told"]
_SPEECH = regex.compile(r"(?<![\p{L}\-])" + word_trie(_SPEECH_WORDS) + r"(?![\p{L}\-])", regex.I)
#: the same for text in ASCII lower case (``_ascii_lower``): the standard library's
#: ``re`` finds a case-sensitive trie in lower-case text ten times faster
_SPEECH_ASCII = re.compile(r"(?<![a-z\-])" + word_trie(_SPEECH_WORDS) + r"(?![a-z\-])", re.ASCII)
assert all(w == w.lower() and w.isascii() for w in _SPEECH_WORDS)
#: punctuation outside ASCII mapped to ASCII punctuation of the same kind for the patterns above
#: (not a letter, not a hyphen, not a space; or a space for a space)
_ASCII_STAND_INS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "/", "—": "/", "…": ".",
                                  "\u00a0": " "})
#: a paragraph none of whose letter runs starts one of the words has none of them
_SPEECH_FIRSTS = word_gate(_SPEECH_WORDS)
_DOUBLE_MARKS = frozenset("“”\"")


def _outside(text: str, spans: list[tuple[int, int]], lo: int = 0, hi: int | None = None):
    """The pieces of ``text[lo:hi]`` outside the given (sorted) spans, as ``(start, end)``."""
    hi = len(text) if hi is None else hi
    pos = lo
    for s, e in spans:
        if e <= pos:
            continue
        if s >= hi:
            break
        if s > pos:
            yield pos, s
        pos = max(pos, e)
    if pos < hi:
        yield pos, hi


def _has_speech(ctx: CheckContext, block: Block, spans, lo: int = 0, hi: int | None = None) -> bool:
    """A speech verb ("said", "told", "according to", ...) outside the quotations of ``block.text[lo:hi]``."""
    text = block.text
    pieces = list(_outside(text, spans, lo, hi))
    if _SPEECH_FIRSTS is not None and _SPEECH_FIRSTS.isdisjoint(letter_runs(ctx.article, block)) \
            and not any(_splits_word(text, s) or _splits_word(text, e) for s, e in pieces):
        return False  # none of the words in the paragraph, nor a piece cut out of a longer word
    return any(_speech_in(ctx, text[s:e]) for s, e in pieces)


def _ascii_lower(text: str) -> str | None:
    """``text`` in lower case when it is ASCII after ``_ASCII_STAND_INS``, else None.

    On ASCII text, ``\\p{L}`` is ``[A-Za-z]``, ``\\s`` the same six characters in
    both modules and case-insensitive matching is lower-casing, so an ASCII
    pattern on this text finds what the ``regex`` pattern finds on ``text``."""
    if not text.isascii():
        text = text.translate(_ASCII_STAND_INS)
        if not text.isascii():
            return None
    return text.lower()


#: a capitalised word right before a match, nothing but spaces between: the match ends a name
#: ("the United States", "Member States"), it is no speech verb
_NAME_BEFORE = regex.compile(r"(?<![\p{L}\-'’.])\p{Lu}[\p{L}\-]*[ \u00a0]+\Z")


#: a bare noun phrase after a speech verb, no clause's verb in it: " temporary layoffs because of"
_BARE_OBJECT = regex.compile(r"(?:[ \u00a0]+(?!(?:that|was|were|is|are|had|has|have|would|will|could|should|can|may|might"
                             r"|must|did|does|do)(?![\p{L}]))\p{Ll}[\p{Ll}\-]*){1,3}"
                             r"(?:[.,;]|[ \u00a0]+(?:because|for|at|in|on|of|after|before|amid|over|from|with|and|as)"
                             r"(?![\p{L}]))")


def _content_objects_only(ctx: CheckContext, text: str, spans, lo: int, hi: int) -> bool:
    """Every speech verb of ``text[lo:hi]`` outside its quotations takes a content object ("have
    announced temporary layoffs", "reported a 25.8 pct advance"): what was done, not said (not
    said/told/asked, which take their audience, nor a verb before a clause or a quotation)."""
    found = False
    for s, e in _outside(text, spans, lo, hi):
        for m in ctx.finditer(_SPEECH, text, s, e):
            if _not_a_verb(text, m.start()):
                continue
            word = m.group().lower()
            if word in _AUDIENCE_VERBS or " " in word or word in _GERUNDS or word.endswith("ing") \
                    or _OBJECT_AFTER.match(text, m.end(), hi) is None and _BARE_OBJECT.match(text, m.end(), hi) is None:
                return False
            found = True
    return found


def _not_a_verb(text: str, at: int) -> bool:
    """The speech word at ``at`` is no verb: a capitalised one after a capitalised word ends a name
    ("sold in the United States"), one after a determiner is a noun ("to repair the beams")."""
    return (text[at].isupper() and _NAME_BEFORE.search(text, max(0, at - 40), at) is not None) \
        or _DETERMINER_BEFORE.search(text, max(0, at - 12), at) is not None


def _speech_in(ctx: CheckContext, piece: str) -> bool:
    """Whether ``_SPEECH`` matches in ``piece``, as a verb: a capitalised match after a
    capitalised word ends a name ("sold in the United States"), not speech."""
    low = _ascii_lower(piece)
    pattern = _SPEECH_ASCII if low is not None else _SPEECH
    searched = low if low is not None else piece
    pos = 0
    while True:
        m = pattern.search(searched, pos) if low is not None else ctx.search(pattern, piece, pos)
        if m is None:
            return False
        if _not_a_verb(piece, m.start()):
            pass
        elif searched[m.start():m.end()].lower() in _GERUNDS and not _GERUND_SPEAKS.match(searched, m.end()) \
                and not piece[max(0, m.start() - 2):m.start()].startswith(","):
            pass  # "the rail system was adding seats", "writing a book": no speech
        else:
            return True
        pos = m.end()


#: a determiner right before a word: the word is a noun ("the beams", "its claims", "these notes")
_DETERMINER_BEFORE = regex.compile(r"(?<![\p{L}\-'’])(?:the|a|an|its|their|his|her|our|your|my|these|those)"
                                   r"[ \u00a0]+\Z", regex.I)
#: speech words that are also other verbs' gerunds ("adding seats", "writing a book"): speech only after a
#: comma (", adding that ...") or before what was said ("adding that", "writing:", "adding, “...")
_GERUNDS = frozenset(("adding", "writing"))
_GERUND_SPEAKS = regex.compile(r"\s*(?:that(?![\p{L}])|[:,]|[“\"])", regex.I)


def _splits_word(text: str, i: int) -> bool:
    return 0 < i < len(text) and text[i - 1].isalpha() and text[i].isalpha()


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _forms(mapping: dict[str, str], field: str) -> dict[str, str]:
    """``{"claimed/claims": why}`` -> ``{"claimed": why, "claims": why}`` (lower case, spaces collapsed)."""
    forms: dict[str, str] = {}
    for key, why in mapping.items():
        for form in key.split("/"):
            form = " ".join(form.lower().split())
            if not form:
                raise OptionError(field, f"empty verb form in {key!r}")
            forms[form] = why
    return forms


# -- attribution-verb -------------------------------------------------------------

#: after a reported-speech verb: a clause ("that ...", "he would ...", "the attack was ...") or a colon
#: what ends a person's predicate before a second one: a relative or subordinate clause, another
#: clause after a stop or a conjunction ("Albright praised Moss, who voted no and insisted ...")
_OTHER_CLAUSE = regex.compile(r"[;:“”\"]|,[ \u00a0]+(?:who|whom|which|that|while|but|although|as)\b|"
                              r"[ \u00a0](?:who|whom|which|that|because|after|before|while|when|since|but|until|"
                              r"if|although|though|whose|where)[ \u00a0]")
_CLAUSE = regex.compile(
    r"[ \t]*(?:"
    r":"
    r"|,?[ \t]+that(?![\p{L}\-])"
    r"|[ \t]+(?:he|she|they|it|we|I|there|you|this|these|those)[ \t]+(?!(?:to|for|in|on|at|by|of|and|or)\b)[\p{L}]"
    r"|[ \t]+(?:(?:the|a|an|his|her|their|its|our|some|many|most|all|no)[ \t]+)?"
    r"(?:[\p{L}\p{N}][\p{L}\p{N}'’\-]*[ \t]+){0,4}?"
    r"(?:was|were|is|are|had|has|have|would|will|could|should|can|may|might|must|did|does|do)(?![\p{L}\-])"
    # "bemoaned what he called decades of broken promises": the speaker's own words, reported
    # ("scolded police leaders for what she called “a culture of ...”")
    r"|(?:(?:[ \t]+(?!for[ \t])[\p{L}\p{N}'’\-]+){0,4}?[ \t]+for)?"
    r"[ \t]+what[ \t]+(?:he|she|they|we|I)[ \t]+(?:called|termed|described[ \t]+as)(?![\p{L}\-])"
    r")"
)
#: the verb's object, then ", saying" and what was said: "scoffed at the committee's methods, saying its
#: members “went looking for a villain”", "blasted the utility, saying Pacific Northern Power had ignored
#: warnings" (the loaded verb frames the speech that follows)
_SAYING = regex.compile(
    r"[ \t]+[^.;:!?“”\"\n,]{1,60}?,[ \t]+(?:"
    r"saying(?=[ \t]+(?:[“\"]|(?:that|the|a|an|his|her|their|its|he|she|they|it|we|I)[ \t]|\p{Lu}))"
    # any other clause: "saying both pilots had been off duty" (see ``_CLAUSE``)
    r"|saying(?=[ \t]+(?:[\p{L}\p{N}][\p{L}\p{N}'’\-]*[ \t]+){1,4}?"
    r"(?:was|were|is|are|had|has|have|would|will|could|should|can|may|might|must|did|does|do)(?![\p{L}\-]))"
    # the speaker's own words for what the verb's object is: "scoffed at Western assurances that the
    # resolution was balanced, calling it “a document written in Washington”"
    r"|(?:calling|describing|labell?ing|branding|dubbing|terming)[ \t]+(?:it|them|him|her|this|that|these|those"
    r"|the[ \t]+\p{L}+(?:[ \t]+\p{L}+)?)(?:[ \t]+as)?[ \t]+(?=[“\"])"
    # what was said, told to an audience: "fumed at that answer, telling reporters after the hearing
    # that a president who ..." (a that-clause with its subject, or a quotation)
    r"|telling[ \t]+(?:[\p{L}\p{N}'’\-]+[ \t]+){1,8}?(?:that[ \t]+(?=(?:he|she|they|it|we|I|there|the|a|an|his|her"
    r"|their|its|our|this|these|those)[ \t]|\p{Lu})|(?=[“\"])))")
#: the cheap test before ``_SAYING``: the words that open what follows the verb's object
_SAYING_WORDS = (", saying ", ", calling ", ", describing ", ", labeling ", ", labelling ", ", branding ", ", dubbing ",
                 ", terming ", ", telling ")


def _object_then_speech(text: str, v_end: int, s_end: int):
    """``_SAYING`` after a verb, only where one of its words stands in the sentence."""
    rest = text[v_end:s_end]
    if not any(w in rest for w in _SAYING_WORDS):
        return None
    return _SAYING.match(text, v_end, s_end)
#: an audience or occasion between the verb and its that-clause: "admitted to the committee that he had
#: assembled", "admitted at a briefing Wednesday that the citations ...", "on Tuesday that", "in a
#: February letter to the council that", "in a written statement Tuesday evening that" (unlike
#: "admitted to hospital", a clause with its subject follows; "on" only before a capital, a day or date:
#: not "insisted on assurances that the plant ..."; "has maintained in the past that" is a stance held)
_AUDIENCE = regex.compile(
    r"[ \t]+(?!in[ \t]+the[ \t]+past[ \t])(?:(?:to|at|in|during|before|on(?=[ \t]+\p{Lu}))[ \t]+(?:[\p{L}\p{N}'’\-]+[ \t]+){0,3}?"
    # (and a second phrase: "admitted in a February letter to the council that the utility had")
    r"[\p{L}\p{N}'’\-]+(?:[ \t]+(?:to|at|before|with)[ \t]+(?:[\p{L}\p{N}'’\-]+[ \t]+){0,2}?[\p{L}\p{N}'’\-]+)?"
    # (then the day: "insisted in a written statement Tuesday evening that she had acted")
    r"(?:[ \t]+(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:[ \t]+(?:morning|afternoon|evening|night))?)?"
    r"|under[ \t]+(?:questioning|oath|cross-examination|pressure))[ \t]+(?=that[ \t]+"
    r"(?:(?:he|she|they|it|we|I|there|the|his|her|their|its|our|this|these|those)[ \t]"
    # or a bare noun phrase and its verb: "conceded under questioning that inspection records for
    # the line had been"
    r"|(?:\p{Ll}+[ \t]+){1,5}?(?:had|has|have|was|were|is|are|would|will|could|did)[ \t]))")
#: words after the verb that show it is not reporting speech ("admitted to hospital", "noted for")
_NOT_SPEECH_AFTER = regex.compile(r"[ \t]+(?:to|for|in|into|by|at|on|as|with|from|under|during)(?![\p{L}\-])", regex.I)
#: a reported-speech clause closed by the attribution ("The attack was a symptom, critics claimed.")
_TRAILING = regex.compile(r"[ \t]*(?:[.;!?]|,[ \t]+(?:adding|saying|although|but)(?![\p{L}]))")
#: speakers that are things, not people: "the report noted", "the documents revealed"
_THING_HEADS = frozenset(
    """report reports study studies document documents data figures survey surveys poll polls research
    analysis letter letters statement filing filings records record review investigation inquiry paper
    article book film video footage images photos pictures results findings evidence tests test audit
    memo email emails court website page site map chart table list index minutes transcript
    documentary series show episode program programme plan budget bill law rules guidance
    update release note notes message messages post posts tweet tweets lawsuit suit complaint
    ruling judgment judgement verdict indictment motion petition affidavit warrant charge charges
    year years month months week weeks day days time times night morning evening decade century
    figure number numbers rate index poll price prices share shares sales profits earnings
    talks negotiations discussions meeting meetings conversation conversations interview interviews
    exchanges consultations contacts hearing hearings""".split()
)
#: "talks with Disney's producers revealed …": the speaker matched is a preposition's object; the
#: verb's subject is the thing before it (a spokesman for the company is a person: not matched)
_THING_OF = regex.compile(r"([\p{L}]+)[ \t]+(?:with|from|between|among|amongst|by|of|to|for|involving)[ \t]+\Z", regex.I)
#: capitalised words that open a sentence but are not a name ("His claims were denied")
_NOT_NAMES = frozenset("his her its their our my your the this that these those a an some".split())


#: words around a speaker that make an -s verb form a noun ("amid Tory claims", "over his notes")
_NOUN_CUES = frozenset(
    """amid over about of to at after despite following against rejected denied dismissed dismissing rejecting
    by with and the his her their its these those such new fresh similar earlier recent repeated
    counter""".split()
)
_PREVIOUS_WORD = regex.compile(r"([\p{L}]+)[^\p{L}]*\Z")


def _named_person(analysis, block, start: int, end: int) -> bool:
    """The speaker's words are a name the story gives a person, in full or by surname ("Darnell
    Price ... Price fumed that"): a person, whatever else the word means."""
    found = analysis.cast.person_at(block.index, start, end)
    return found is not None and found[1].kind in ("full", "surname")


def _plausible(text: str, kind: str, start: int, end: int, verb: str) -> bool:
    """Whether "SPEAKER VERB" is an attribution by a person or organisation, not "the report noted" or
    a noun phrase ("His claims were", "amid Tory claims the ads were")."""
    words = _words(text[start:end])
    if not words:
        return False
    of = _THING_OF.search(text, max(0, start - 40), start)
    if of and of.group(1).lower() in _THING_HEADS:
        return False  # "talks with the producers revealed", "documents from the ministry noted"
    if kind == "title" and words[-1] in _THING_HEADS:
        return False  # "the report noted", "the EOC last year revealed"
    if kind == "name" and (words[0] in _NOT_NAMES or words[-1] in _THING_HEADS):
        return False  # "His claims were", "Report claims"
    if verb.split()[0].endswith("s") and not verb.split()[0].endswith("ss"):
        if kind in ("title", "group"):
            return False  # "the opposition claims", "officials' notes"
        before = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
        cues = words[:-1] + ([before.group(1).lower()] if before else [])
        if any(w in _NOUN_CUES for w in cues):
            return False
    return True


#: an adverb of repetition right before a reported-speech verb ("has repeatedly insisted", "has long claimed")
_REPEATEDLY = regex.compile(
    r"(?<![\p{L}])(?:repeatedly|consistently|persistently|continually|constantly|always|long|often|frequently)"
    r"[ \t]+\Z", regex.I)
_AFTER_TERM = regex.compile(r"[ \t]+\p{Ll}")


def _quoted_term(text: str, verb_end: int, q) -> bool:
    """The quotation is the verb's object, a quoted term inside the clause, not speech: it follows
    the verb directly, ends without punctuation and the sentence goes on in lower case
    ('claims “zero net carbon emissions” for its data centers')."""
    if text[verb_end:q.start].strip() or not q.closed or q.inner_end <= q.inner_start:
        return False
    return text[q.inner_end - 1].isalnum() and bool(_AFTER_TERM.match(text, q.end))


def _reported_around(text: str, verb_end: int, q) -> bool:
    """The quotation is part of a reported-speech clause, not the words the verb attributes:
    over three words stand between the verb and the quote ('He points out that universities
    … “click with”'), or a clause opens before a fragment ('claimed that Aizlewood had “verbally
    agreed”', 'claimed all four were “enemy combatants”'): words other than "that" before a
    quotation that opens in lower case or holds three words or fewer."""
    between = [w.lower() for w in _WORD.findall(text, verb_end, q.start)]
    if len(between) > 3:
        return True
    if not between or between == ["that"]:
        return False
    inner = text[q.inner_start:q.inner_end]
    first = next((c for c in inner if c.isalpha()), "")
    return first.islower() or len(_WORD.findall(inner)) <= 3


class AttributionVerb(RuleKind):
    name = "attribution-verb"
    description = "Flags attribution verbs from a list (loaded 'claimed', non-speech 'smiled') next to quotes or in reported speech."
    OPTIONS = {
        "verbs": Option("map[str,str]", required=True,
                        doc="verb forms ('claimed/claims') -> why the verb is a problem ({why} in the message)"),
        "reported_speech": Option("list[str]", default=[],
                                  doc="verb forms (of `verbs`) also flagged in reported speech with no quotation "
                                      "('critics claimed the attack was ...'); the rest only next to a quotation"),
        "quote_ends": Option("str", default="",
                             doc="if set, flag a verb after a quotation only when the quote's last character "
                                 "inside the marks is one of these ('“Yes,” she smiled' but not '“Yes.” She smiled.')"),
        "max_per_verb": Option("int", default=0,
                               doc="report the first N uses of each verb in an article, with the count (0: all)"),
    }

    def setup(self, options):
        self.verbs = _forms(options["verbs"], "options.verbs")
        self.reported = {" ".join(v.lower().split()) for v in options["reported_speech"]}
        unknown = sorted(self.reported - set(self.verbs))
        if unknown:
            raise OptionError("options.reported_speech", f"{unknown[0]!r} is not one of the forms in 'verbs'")
        self.quote_ends = options["quote_ends"]
        # searched only for whether a block has one of the verbs: a prefix trie
        self.gate = regex.compile(rf"(?<![\p{{L}}\-]){word_trie(sorted(self.verbs))}(?![\p{{L}}\-])", regex.I)
        # the gate needs a verb's first word as a whole run of letters: a set test first
        self.firsts = word_gate(self.verbs)
        # a reported verb as the second predicate of a person's sentence: "Albright ... voted
        # against the bill and insisted it would drive up premiums" (``_second_predicates``)
        self.and_verb = regex.compile(r"[ \u00a0]+and[ \u00a0]+(?P<verb>" + word_trie(sorted(self.reported))
                                      + r")(?![\p{L}\-])") if self.reported else None

    def _hit(self, block, start: int, end: int, verb: str) -> Hit:
        form = " ".join(verb.lower().split())
        present = form.endswith("s") and not form.endswith("ed") or form.split()[0].endswith("s") and " " in form
        return Hit(block, start, end, args={"verb": form, "why": self.verbs.get(form, ""),
                                            "said": "says" if present else "said"})

    def check(self, ctx: CheckContext):
        limit = self.options["max_per_verb"]
        # a writer's favourite verb ("claimed" three times) is one habit: one finding per verb
        by_verb: dict[str, list] = {}
        for hit in self._hits(ctx):
            by_verb.setdefault(hit.args["verb"], []).append(hit)
        kept = [h for hits in by_verb.values() for h in per_article(hits, limit)]
        yield from sorted(kept, key=lambda h: (h.block.index, h.start))

    def _hits(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        if self.firsts is not None and self.firsts.isdisjoint(article_letter_runs(ctx.article)):
            return  # none of the verbs in the whole article (its runs hold every block's): one set test
        for block in ctx.blocks():
            text = block.text
            if self.firsts is not None and self.firsts.isdisjoint(letter_runs(ctx.article, block)):
                continue
            if not ctx.search(self.gate, text):
                continue
            quotes = analysis.quotes_in(block)
            done: set[int] = set()
            for q in quotes:
                a = q.attribution
                if a is None or a.verb_start in done:
                    continue
                verb = " ".join(text[a.verb_start:a.verb_end].lower().split())
                if verb not in self.verbs:
                    continue
                if a.position == "before" and (_NOT_SPEECH_AFTER.match(text, a.verb_end) or not _plausible(
                        text, a.speaker_kind, a.speaker_start, a.speaker_end, verb)):
                    continue  # 'he admitted to a “sense of frustration”', 'amid Tory claims the ads were “…”'
                if a.position == "before" and _quoted_term(text, a.verb_end, q):
                    continue  # 'Google claims “zero net carbon emissions” for its data centers': a quoted term
                if verb not in self.reported and (
                        a.shape == "quote-then-sentence"
                        or a.shape == "speaker-verb-that-quote" and _reported_around(text, a.verb_end, q)):
                    # reported speech next to a quotation: '“….” He also noted that earnings …',
                    # 'He points out that … “click with”', 'Vaughan claimed that Aizlewood had “verbally agreed”'
                    continue
                if self.quote_ends:
                    if a.position not in ("after", "after-first-sentence"):
                        continue  # "he shrugged off claims that …", "She smiled: “…”" (not '“…,” he
                        # shrugged. “…”', whose verb closes the first quote's sentence)
                    last = text[q.inner_end - 1] if q.inner_end > q.inner_start else ""
                    if last not in self.quote_ends:
                        continue
                done.add(a.verb_start)
                yield self._hit(block, a.verb_start, a.verb_end, verb)
            if not self.reported:
                continue
            spans = analysis.quote_spans(block)
            for s_start, s_end in analysis.sentences(block):
                if not ctx.search(self.gate, text[s_start:s_end]):
                    continue
                for m in ctx.finditer(SPEAKER_VERB, text, s_start, s_end):
                    v_start, v_end = m.span("verb")
                    verb = " ".join(m.group("verb").lower().split())
                    if v_start in done or analysis.in_quote(block, v_start, v_end):
                        continue
                    saying = None
                    if verb not in self.reported:
                        if verb not in self.verbs:
                            continue
                        saying = _object_then_speech(text, v_end, s_end)
                        if saying is None:
                            continue
                    else:
                        # 'scoffed at the committee's methods, saying …', 'scoffed at Western assurances
                        # …, calling it “…”': the object, then the speech
                        saying = _object_then_speech(text, v_end, s_end)
                    kind = next(k for k in ("title", "pronoun", "group", "name") if m.group(k) is not None)
                    if not _plausible(text, kind, *m.span("speaker"), verb) and not (
                            kind == "name" and _named_person(analysis, block, *m.span("speaker"))):
                        continue  # (a surname that is also a word, "Price fumed", is still a person)
                    if any(s <= m.start() < e for s, e in spans):
                        continue
                    clause_at = v_end
                    if _NOT_SPEECH_AFTER.match(text, v_end) and saying is None:
                        # (a cheap test first: "that" must follow somewhere in the sentence)
                        audience = _AUDIENCE.match(text, v_end, s_end) if " that " in text[v_end:s_end] else None
                        if audience is None:
                            continue
                        clause_at = audience.end() - 1  # "admitted to the committee that he had ..."
                    if _REPEATEDLY.search(text, max(s_start, v_start - 30), v_start):
                        continue  # 'has repeatedly insisted that': the verb reports a stance held, not a tone
                    if not (saying or _CLAUSE.match(text, clause_at, s_end) or self._trailing(ctx, text, m, s_start, v_end)):
                        continue
                    done.add(v_start)
                    yield self._hit(block, v_start, v_end, verb)
                if self.and_verb is not None and " and " in text[s_start:s_end]:
                    yield from self._second_predicates(ctx, block, s_start, s_end, done)

    def _second_predicates(self, ctx: CheckContext, block, s_start: int, s_end: int, done: set):
        """A reported verb after "and" whose subject is the person opening the sentence, with
        what was said after it ("Albright, a Republican from Dunmore, voted against the bill and
        insisted it would drive up premiums"): not past a who/which/that clause or another
        clause's subject, which may be someone else's."""
        text = block.text
        analysis = ctx.article.analysis
        for m in ctx.finditer(self.and_verb, text, s_start, s_end):
            v_start, v_end = m.span("verb")
            if v_start in done or analysis.in_quote(block, v_start, v_end):
                continue
            first = next((x for x in analysis.cast.entities.get(block.index, ()) if x[0] >= s_start), None)
            if first is None or first[0] >= m.start() or text[s_start:first[0]].strip(" \u00a0“\"‘'(") \
                    or not first[3].startswith(("full", "surname", "title", "pronoun")):
                continue  # the sentence must open with a person of the cast
            between = text[first[1]:m.start()]
            if len(between) > 140 or _OTHER_CLAUSE.search(between):
                continue
            if not _CLAUSE.match(text, v_end, s_end) or _REPEATEDLY.search(text, max(s_start, v_start - 30), v_start):
                continue
            done.add(v_start)
            yield self._hit(block, v_start, v_end, " ".join(m.group("verb").lower().split()))

    @staticmethod
    def _trailing(ctx, text: str, m, s_start: int, v_end: int) -> bool:
        """'The attack was a symptom, critics claimed.': a clause, a comma, then speaker and verb at the end."""
        before = text[s_start:m.start()].rstrip()
        return before.endswith(",") and len(_WORD.findall(before)) >= 4 and bool(_TRAILING.match(text, v_end))


# -- unattributed-quote ----------------------------------------------------------

_SPOKEN_END = frozenset(".,?!…—–-:;")


#: an attribution the writer put inside the quotation by leaving out its closing mark: '“It's a rather
#: gloomy outlook, said David Wyss of Data Resources. “I'm ...'
_SWALLOWED = regex.compile(r",[ \u00a0]+(?:(?:said|says)[ \u00a0]+\p{Lu}|(?:\p{Lu}[\p{L}'’\-]+[ \u00a0]+){1,3}(?:said|says)[.,])")
#: a quote closed by a comma, then a speaker and a verb the speech lexicon does not know: '“…,” Dub detailed.'
_OTHER_VERB = regex.compile(r"[ \u00a0]+(?:he|she|\p{Lu}[\p{L}'’\-]+(?:[ \u00a0]+\p{Lu}[\p{L}'’\-]+){0,2})[ \u00a0]+\p{Ll}+ed[.,]")


#: a speaker's full name and post closing the paragraph after a quotation, the verb left out:
#: '…,” Anthony J.F. O'Reilly, Heinz's newly elected chairman.'
_VERBLESS_SPEAKER = regex.compile(r"[ \u00a0]+\p{Lu}[\p{L}'’\-]*(?:[ \u00a0]+(?:\p{Lu}\.)+)?(?:[ \u00a0]+\p{Lu}[\p{L}'’\-]*)+"
                                  r",[ \u00a0]+[^.;:!?“”\"]{3,80}\.[ \u00a0]*")


def _attributed_anyway(ctx, text: str, q) -> bool:
    """The writer attributed the quotation in a shape the quotation analysis does not read: the
    attribution inside it (a closing mark left out), a verb outside the speech lexicon after it, or
    no verb at all before the speaker's name and post that close the paragraph."""
    inner = text[q.inner_start:q.inner_end]
    if "," in inner and ctx.search(_SWALLOWED, inner):
        return True
    return q.closed and inner.rstrip().endswith(",") and bool(_OTHER_VERB.match(text, q.end)
                                                              or _VERBLESS_SPEAKER.fullmatch(text, q.end))


#: where or when a closed quote's attribution says it was said, ending the paragraph: " in an
#: interview.", " in his closing remarks.", " on Tuesday." (no clause, no more quotation)
_SAID_WHERE = regex.compile(r"[ \u00a0]+(?:in|at|on|during|after|before|outside|to|from)[ \u00a0]+"
                            r"(?:[\p{L}\p{N}'’\-]+[ \u00a0]+){0,6}?[\p{L}\p{N}'’\-]+\.[ \u00a0]*")


def _closed_turn(block, quotes) -> bool:
    """The paragraph ends with a closed, attributed quotation: its attribution after it, and
    nothing more ('… we are still waiting,” Brennan said.'), or before it ('Lasley said the
    position had never changed: “This pipeline does not belong on our land.”', '“…,” Marsh said.
    “Nobody is pretending this has been a good year.”'). By AP's running quotes the speaker's turn
    is over: going on, the quote would stay open ('He said, “I am shocked ...' then '“I am so
    horrified ...”')."""
    if not quotes:
        return False
    last = quotes[-1]
    a = last.attribution
    if not last.closed or last.running or a is None or _many_voices(a):
        return False
    if a.speaker_end <= last.start and a.verb_end <= last.start:
        # (led into, or more of the speaker's words after the attribution: the quotation closes the
        # paragraph, '“…,” Marsh said. “Nobody is pretending this has been a good year.”'; a whole
        # quoted sentence, not a fragment of reported speech: 'dropped a pledge to “resist
        # protectionism.”')
        text = block.text
        lead = text[:last.start].rstrip(" \u00a0")
        return (lead[-1:] in (":", ",", ".") and text[last.inner_start:last.inner_start + 1].isupper()
                and not text[last.end:].strip(" \u00a0."))
    if a.speaker_start < last.end or a.verb_start < last.end:
        return False
    rest = block.text[max(a.speaker_end, a.verb_end):]
    # (also with where or when it was said: '…,” Delgado said in an interview.', '…,” Alemu said
    # in his closing remarks.'; or whom it was told: '…,” Shaw told the New York Times on Monday.')
    return not rest.strip(" \u00a0.") or _SAID_WHERE.fullmatch(rest) is not None \
        or _SPEAKER_DESCRIBED.fullmatch(rest) is not None \
        or block.text[a.verb_start:a.verb_end].lower() in ("told", "tells") and _TOLD_WHOM.fullmatch(rest) is not None


def _paraphrase_after(block, quotes) -> bool:
    """The paragraph's last quotation is closed and attributed after it, and the paragraph goes on
    with sentences of reported speech and no more quotation ('“…,” said Janet Albright, a lawyer
    who represents Ruiz. She said her client has not worked in the industry since.'): the quote
    ended the speaker's turn and a paraphrase closes the paragraph (AP: a new quotation after it
    needs its speaker)."""
    if not quotes:
        return False
    last = quotes[-1]
    a = last.attribution
    if not last.closed or last.running or a is None or _many_voices(a) or a.speaker_start < last.end:
        return False
    text = block.text
    rest = text[max(a.speaker_end, a.verb_end):]
    stop = rest.find(". ")
    if stop < 0:
        return False
    after = rest[stop + 2:]
    return bool(after[:1].isupper()) and not any(c in after for c in "“”\"") and _SPEECH.search(after) is not None


#: whom a closed quote was told, and where or when, ending the paragraph: " reporters.", " the New York
#: Times on Monday." (up to five words, no pronoun or "that": not " the council he would resign.")
_NO_CLAUSE_WORD = r"(?!(?:he|she|it|they|we|I|that|him|her|them)[ \u00a0.])"
_TOLD_WHOM = regex.compile(r"[ \u00a0]+" + _NO_CLAUSE_WORD + r"(?:[\p{L}\p{N}'’\-]+[ \u00a0]+" + _NO_CLAUSE_WORD
                           + r"){0,4}[\p{L}\p{N}'’\-]+"
                           r"(?:[ \u00a0]+(?:in|at|on|during|after|before|outside|from)[ \u00a0]+"
                           r"(?:[\p{L}\p{N}'’\-]+[ \u00a0]+){0,6}?[\p{L}\p{N}'’\-]+)?\.[ \u00a0]*")
#: the speaker's description closing the paragraph after the attribution: '…,” said Lawrence Boateng,
#: a lawyer for the Mayfield family.', '…,” said Hank Sheinkopf, who was an adviser to Bloomberg.'
#: (not another clause: '…,” Kistler said, in explaining why ...')
_SPEAKER_DESCRIBED = regex.compile(r",[ \u00a0]+(?:a|an|the|who)[ \u00a0]+[^.;:!?“”\"]{1,100}\.[ \u00a0]*")


_CLOSED_MESSAGE = ("Unattributed quotation: the quote before it is closed and attributed, so this is a new "
                   "quotation; say who said it (“…,” Smith said), or leave the previous paragraph's quote "
                   "open if the same speaker goes on.")
_PARAPHRASE_MESSAGE = ("Unattributed quotation: the previous paragraph reports what someone said but quotes "
                       "nobody; attribute the quote (“…,” Smith said).")


class UnattributedQuote(RuleKind):
    name = "unattributed-quote"
    description = "Flags quote paragraphs with no speaker that do not continue the previous paragraph's speaker."
    QUOTES_DEFAULT = True
    OPTIONS = {
        "min_words": Option("int", default=6, doc="a quotation shorter than this is a phrase, not a quote paragraph"),
        "delayed_attribution": Option(
            "bool", default=True,
            doc="accept a single bare quote paragraph whose speaker is named in the next paragraph's first sentence"),
        "reported_speech_continues": Option(
            "bool", default=False,
            doc="a bare quote paragraph after a named speaker's reported speech (\"Smith said the plan would "
                "fail.\") is that speaker's (false: it needs its own attribution)"),
        "closed_quote_ends_turn": Option(
            "bool", default=True,
            doc="AP's running quotes: a speaker who goes on into the next paragraph leaves the quote open, so a "
                "bare quote paragraph after a paragraph ending in a closed, attributed quote is a new quotation "
                "and needs its own speaker (false: it continues that speaker, as British copy often has it)"),
    }

    def setup(self, options):
        self.min_words = options["min_words"]
        self.delayed = options["delayed_attribution"]
        self.closed_ends_turn = options["closed_quote_ends_turn"]
        self.reported_continues = options["reported_speech_continues"]

    def _turn(self, state: str, block, quotes) -> str:
        """``state`` ("voice": a speaker goes on), or "closed" when that speaker's closed quote ends
        the paragraph (``_closed_turn``, with ``closed_quote_ends_turn``), or only a paraphrase of
        theirs follows it (``_paraphrase_after``, unless ``reported_speech_continues``)."""
        if state == "voice" and self.closed_ends_turn and (
                _closed_turn(block, quotes) or not self.reported_continues and _paraphrase_after(block, quotes)):
            return "closed"
        return state

    def _quote_paragraph(self, text: str, q) -> bool:
        if not q.paragraph_quote:
            return False
        if text[q.start] in "'’" and text.startswith("s ", q.start + 1):
            return False  # "’s thunder in the final": a possessive cut from its name, no quote
        inner = text[q.inner_start:q.inner_end].rstrip()
        if len(_WORD.findall(inner)) < self.min_words:
            return False
        # a quoted title or name ("“The Lord of the Rings: The Two Towers” opens Friday") ends with no
        # punctuation; a spoken sentence does (or runs on into the next paragraph)
        return not q.closed or (inner != "" and inner[-1] in _SPOKEN_END)

    def check(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        blocks = [b for b in ctx.blocks() if b.kind == "body" and not b.blockquote]
        # "voice": the previous paragraph leaves a speaker talking; "bad": it was an unattributed quote
        state = "narrative"
        pending = None  # a lone bare quote waiting to see whether the next paragraph names its speaker
        # attributed quotations, to recognise a pull quote that repeats one of them (joined at the first bare quote)
        attributed = None
        for index, block in enumerate(blocks):
            text = block.text
            quotes = analysis.quotes_in(block)
            first = quotes[0] if quotes else None
            if pending is not None:
                flagged, before_quote = pending
                pending = None
                if not self._names_speaker(ctx, block, analysis.quote_spans(block), before_quote):
                    yield flagged
            if first is not None and first.continuation:
                continue  # the running quote carries on; its state is the previous paragraph's
            if first is None or not self._quote_paragraph(text, first):
                state = (block, quotes)  # what it leaves behind is worked out if a bare quote follows
                continue
            # the attribution stands next to the quote: in its sentences or the one right after them
            # (a long paragraph may go on to other people's words: "… Davies said the IAAF …")
            near = self._near_end(analysis, block, first)
            said = [q.attribution for q in quotes if q.attribution is not None and q.start < near]
            if said or _has_speech(ctx, block, analysis.quote_spans(block), 0, near) \
                    or _attributed_anyway(ctx, text, first):
                # '“…,” residents said.': attributed, but to a group; nobody in particular goes on
                state = self._turn("narrative" if said and _many_voices(said[-1]) else "voice", block, quotes)
                continue
            if isinstance(state, tuple):
                prev_block, prev_quotes = state
                state = self._turn(self._narrative_state(ctx, prev_block, prev_quotes,
                                                         analysis.quote_spans(prev_block)), prev_block, prev_quotes)
            if state == "reported":
                state = "voice" if self.reported_continues else "paraphrase"
            if state == "organisation":
                # an organisation's reported speech goes on into its own words ("We will appeal"), not
                # into a person's ("Every substation they hit means a hospital running on diesel")
                state = "voice" if _ORG_VOICE.search(text, first.inner_start, first.inner_end) else "narrative"
            if state != "voice" and block.index > 0:
                before = ctx.article.blocks[block.index - 1]
                if before.kind != "body" and _INTRODUCTION.search(before.text):
                    # "Today's statement from the Treasury said-": an introduction the parser took
                    # for a caption or a heading still introduces the quote under it
                    state = "voice"
            if state == "voice":
                continue  # same speaker, next paragraph ("Smith said: ..." then a bare quote)
            if index > 0 and self._echoes(analysis, blocks[index - 1], text[first.inner_start:first.inner_end]):
                state = "voice"
                continue  # 'the governor called for “calm at this time”.' then the statement saying so
            if attributed is None:
                # quotations whose speaker the reader learns: attributed ones, and those inside a
                # paragraph of the story's prose ('Bolger's lawyer, Jeremy Robinson, had a more
                # succinct statement. “It is impossible …”')
                attributed = "\n".join(" ".join(_words(ctx.article.blocks[q.block].text[q.inner_start:q.inner_end]))
                                        for q in analysis.quotations
                                        if q.attribution is not None or not q.paragraph_quote)
            if attributed and " ".join(_words(text[first.inner_start:first.inner_end])) in attributed:
                continue  # a pull quote repeating words the story quotes with their speaker
            end = first.end if first.closed else len(text.rstrip())
            if state == "bad":
                hit = Hit(block, first.start, end, message="Unattributed quotation: it follows another quote "
                          "paragraph with no speaker; say who said it (“…,” Smith said).")
                yield hit
            else:
                hit = Hit(block, first.start, end, message=_CLOSED_MESSAGE if state == "closed"
                          else _PARAPHRASE_MESSAGE if state == "paraphrase" else None)
                nxt = blocks[index + 1] if index + 1 < len(blocks) else None
                if self.delayed and nxt is not None and self._starts_narrative(analysis, nxt):
                    pending = hit, (blocks[index - 1] if index > 0 else None)
                else:
                    yield hit
            state = "bad"
        if pending is not None:
            yield pending[0]

    @staticmethod
    def _near_end(analysis, block, q) -> int:
        """Where the text next to a quotation ends: the end of the sentence after the one that
        holds the quotation's end (the whole paragraph for an unclosed quote)."""
        if not q.closed:
            return len(block.text)
        sentences = analysis.sentences(block)
        for n, (start, end) in enumerate(sentences):
            if end >= q.end:
                return sentences[n + 1][1] if n + 1 < len(sentences) else len(block.text)
        return len(block.text)

    @staticmethod
    def _echoes(analysis, previous, quoted: str) -> bool:
        """The previous paragraph quotes a phrase (two words or more) of this quotation: it
        introduced the speaker of the statement that follows."""
        inner = None
        for q in analysis.quotes_in(previous):
            phrase = _words(previous.text[q.inner_start:q.inner_end])
            if len(phrase) < 2:
                continue
            if inner is None:
                inner = " " + " ".join(_words(quoted)) + " "
            if " " + " ".join(phrase) + " " in inner:
                return True
        return False

    @staticmethod
    def _starts_narrative(analysis, block) -> bool:
        quotes = analysis.quotes_in(block)
        lead = len(block.text) - len(block.text.lstrip())
        return not quotes or quotes[0].start != lead

    def _names_speaker(self, ctx, block, spans, before_quote=None) -> bool:
        """The paragraph after a lone bare quote names who said it in its first sentence
        ("That was how Jane Smith, 42, described ...", "So said the mayor, ..."): a sentence
        that attributes and states nothing of its own. One that reports a statement of its own
        ("Keller, a midfielder, said the squad had let Sorensen down.", "The ruling appeared to
        be based on the argument that ..., Hall said.") names the speaker of that statement, not
        of the quote; so does one that opens with a pronoun ("He said the country had been
        loyal ..."), unless the paragraph before the quote left that person as its subject (see
        ``_person_subject``)."""
        sentences = ctx.article.analysis.sentences(block)
        if not sentences:
            return False
        s_start, s_end = sentences[0]
        words = _WORD.findall(block.text)
        if len(words) <= 10 and not _TERMINAL.search(block.text) and _CREDIT.match(block.text):
            return True  # a credit line under a pull quote: "— Sasha Luccioni, Mila"
        first = block.text[s_start:s_end]
        # a pointer back at the quote ("That was how ...", "So said the mayor") or, after a
        # conjunction, at a person ("But he added that ...")
        lead = _CONJUNCTION.match(first)
        back = _BACK_REFERENCE.match(first, lead.end() if lead else 0)
        personal = back is not None and back.group().strip().lower() in _PERSONAL
        if personal and not self._person_subject(ctx, before_quote):
            # "He said the country had been loyal ...": a "he" the paragraph before the quote does not
            # name; what the sentence says is its own
            back = None
        if _NEW_STATEMENT.search(first) and back is None:
            return False  # "Keller, a midfielder, said the squad had let Sorensen down.": a statement of its own
        if not (_has_speech(ctx, block, spans, s_start, s_end) or ctx.search(_DESCRIBED, first)):
            # "Those were the words of Jane Smith.", "That is the view of the union's president.": a
            # pointer back at the quote that names a person is its attribution, with or without a verb
            return bool(_POINTER_IS.match(first)) and self._names_person(ctx, block, s_start, s_end)
        if back is not None:
            # "That was how ...": the quote's; "He said he will ..." after a paragraph whose subject
            # is a person: the quote sits between two paragraphs about that person, who speaks on
            return True
        return not self._states(ctx, block, spans, s_start, s_end)

    @staticmethod
    def _names_person(ctx, block, s_start: int, s_end: int) -> bool:
        """A short sentence (14 words or fewer) that names someone after its first word: a capitalised
        name, a person the cast reads there, or a descriptor ("the union's president")."""
        words = list(_WORD.finditer(block.text, s_start, s_end))
        if len(words) > 14:
            return False
        return any(m.group()[0].isupper() or m.group().lower() in _PERSON_HEADS for m in words[1:])

    @staticmethod
    def _states(ctx, block, spans, s_start: int, s_end: int) -> bool:
        """The sentence's first speech verb reports a statement of its own, so it names the
        speaker of that statement, not of a quote before it: a clause with its verb before the
        speaker ("A delegation to promote the seaway should result in more traffic, Blair said.",
        "But imports do not seem to be picking up, he said.") or after the verb ("Greenidge said
        Guyana has taken steps", "he added that the strikes could resume", "Reagan has repeatedly
        denied he knew", "All of those firms, he said, have been establishing themselves"); a
        passive or negated verb ("is reported to have", "He declined to say if"). Not an
        appositive ("Jane Smith, a lawyer for the family, said.", "Smith, who retired in 2010,
        said") nor a lead-in ("Speaking after the hearing, the mayor said.")."""
        text = block.text
        verb = None
        for s, e in _outside(text, spans, s_start, s_end):
            verb = next(iter(ctx.finditer(_SPEECH, text, s, e)), None)
            if verb is not None:
                break
        if verb is None:
            return False
        near = text[max(s_start, verb.start() - 30):verb.end()]
        if _PASSIVE_SPEECH.search(near) or _NEGATED.search(near):
            return True  # "is reported to have", "were told", "declined to say": nobody attributes anything
        if _CLAUSE_AFTER.match(text, verb.end(), s_end):  # (bounded: no backtracking to time)
            return True
        if verb.group().lower() in ("asked", "asks", "told", "tells") and _ASKED_TO.match(text, verb.end(), s_end):
            return True  # "Okafor asked the sheriff and the hospital's chief to meet": a request of its own
        if verb.group().lower() not in _AUDIENCE_VERBS and _OBJECT_AFTER.match(text, verb.end(), s_end):
            return True  # "Anglo American last month reported a 25.8 pct advance in profit"
        segments = text[s_start:verb.start()].split(",")
        for n, segment in enumerate(segments):
            words = _WORD.findall(segment)
            if len(words) < 4 or _RELATIVE.intersection(w.lower() for w in words):
                continue  # a name, an appositive ("a lawyer for the family"), a who-clause
            lower = {w.lower() for w in words}
            if not _FINITE.isdisjoint(lower) or not _PAST.isdisjoint(lower):
                return True  # "Relying on the dollar alone would risk inflation, he said."
            if n == 0 and _LEAD_IN.match(segment) and len(segments) > 1:
                continue  # "Speaking after the hearing," / "In addition to price competitiveness,"
            if any(w.endswith("ed") and w.islower() for w in words[1:]) or ctx.search(_SUBJECT_VERB, segment):
                return True
        return False

    @staticmethod
    def _person_subject(ctx, block) -> bool:
        """A sentence of ``block`` (the paragraph before a bare quote) has a person near its start:
        a name or title-only reference the cast reads, a subject pronoun, or a descriptor ("But the
        official expressed deep misgivings ...", "In the meantime, the governor also indicated
        ...", "He said prices of tea ... fell."): the one a pronoun after the quote points back at."""
        if block is None:
            return False
        sentences = ctx.article.analysis.sentences(block)
        text = block.text
        starts = []
        for start, end in sentences:
            words = list(_WORD.finditer(text, start, end))[:8]
            if not words:
                continue
            if any(m.group().lower() in _PERSONAL or m.group().lower() in _PERSON_HEADS for m in words):
                return True  # "He was appointed in 2010.", "the official expressed ..."
            starts.append((start, words[-1].end()))
        cast = ctx.article.analysis.cast
        index = block.index
        mentions = [(m.start, m.quoted) for p in cast.people for m in p.mentions if m.block == index]
        mentions += [(r.start, False) for r in cast.title_refs if r.block == index]
        return any(lo <= pos < hi and not quoted for pos, quoted in mentions for lo, hi in starts)

    @staticmethod
    def _narrative_state(ctx, block, quotes, spans) -> str:
        """What a paragraph that is not a quote paragraph leaves behind for the next one."""
        text = block.text.rstrip()
        if not text:
            return "narrative"
        if text[-1] in ":," or _INTRODUCTION.search(text):  # an introduction ("the company said:", "said-")
            return "voice"  # "In a statement, the company said:" introduces the next paragraph
        sentences = ctx.article.analysis.sentences(block)
        last_start = sentences[-1][0] if sentences else 0
        if quotes and quotes[-1].end >= last_start:
            last = quotes[-1]
            head = ctx.article.analysis.quotations[last.run]
            a = last.attribution or head.attribution
            if a is not None:
                if _many_voices(a):
                    return "narrative"  # '“…,” residents said.': a group, nobody in particular goes on
                if a is last.attribution and last_start <= a.verb_start < last.start \
                        and not _has_speech(ctx, block, spans, last_start, a.verb_start) \
                        and _group_speaks(ctx, block, spans, last_start, a.verb_end):
                    # "Two officials familiar with the drafting said the statement dropped a pledge to
                    # “resist protectionism”": a fragment in a group's reported speech (the quotation's
                    # speaker, "the drafting", is the end of the group's description)
                    return "narrative"
                return "voice"  # it ends with a speaker's quote (or the running quote of one)
            if last.start == last_start and last.closed:
                return "voice"  # it ends with a whole quoted sentence: whoever speaks there goes on
        # reported speech in the last sentence ("Smith said the plan would fail.") leaves Smith talking;
        # a group's ("Residents waiting in line said they wanted answers.") leaves nobody in particular
        if _has_speech(ctx, block, spans, last_start, len(text)):
            if _content_objects_only(ctx, text, spans, last_start, len(text)):
                # "two assembly plants in Ontario have announced temporary layoffs.": an act reported,
                # nobody left talking
                return "narrative"
            passive = [m.span() for m in _PASSIVE_SPEECH.finditer(text, last_start)]
            if passive:  # "Players were told of the change": who was told, not who spoke
                spans = sorted(list(spans) + passive)
                if not _has_speech(ctx, block, spans, last_start, len(text)):
                    return "narrative"
            if _ORG_SOURCES.search(text, last_start) and not _STATEMENT.search(text, last_start):
                return "narrative"  # "..., the airline said.": a fact the airline is the source of
            if "according to" in text[last_start:]:  # (a cheap test first)
                m = ctx.search(_ORG_ACCORDING, text, last_start)
                if m is not None and not _has_speech(ctx, block, spans, last_start, m.start()):
                    # "..., according to UK Steel, the industry's trade association.": a fact sourced to an
                    # organisation, whose voice goes on only into words it says as itself (``_ORG_VOICE``)
                    return "organisation"
            if _org_speaks_last(ctx, text, spans, last_start):
                # "..., which the union says would eliminate hundreds of jobs.": the last voice in the
                # paragraph is an organisation's claim, and an organisation's voice does not go on
                return "narrative"
            if _group_speaks(ctx, block, spans, last_start, len(text)):
                return "narrative"
            document = _DOCUMENT_SOURCE.match(text, last_start) or _DOCUMENT_SUBJECT.match(text, last_start) \
                or (ctx.search(_DOCUMENT_ACCORDING, text, last_start) if "according to" in text[last_start:] else None)
            if document is not None and not _has_speech(
                    ctx, block, sorted([*spans, document.span(),
                                        *(n.span() for n in _NEGATED_SPEECH.finditer(text, last_start))]),
                    last_start, len(text)):
                # "According to the complaint, stores ... ignored alerts", "..., according to state
                # labor data.", "The report said the utility had stopped ...": facts from a document,
                # whose words nobody speaks on into the next paragraph
                return "narrative"
            if _unnamed_speaks(ctx, block, spans, last_start, len(text)):
                # "A person familiar with the negotiations said Corvant had offered ...": whose words a
                # bare quote after it would be, the reader cannot tell (nor check)
                return "narrative"
            m = _ORG_SUBJECT.match(text, last_start)
            if m is not None and not _STATEMENT.search(text, last_start) \
                    and not _has_speech(ctx, block, spans, m.end(), len(text)):
                # "Ukraine's state grid operator said crews had restored power ...": the organisation's
                # voice goes on only into words it says as itself ("We will ..."), see ``_ORG_VOICE``
                return "organisation"
            return "reported"
        return "narrative"


#: an organisation named as the source of the sentence's facts at its end: "The passengers were
#: rebooked on a flight the next morning, the airline said." (it speaks through a statement, not a
#: voice that goes on into the next paragraph)
_ORG_SOURCES = regex.compile(
    r",[ \u00a0]+(?:the|a|an)[ \u00a0]+(?:[\p{Ll}\-]+[ \u00a0]+){0,2}?"
    r"(?:airline|company|firm|agency|department|ministry|university|hospital|league|club|team|district|utility|"
    r"bank|carrier|operator|authority|commission|council|board|school|college|railroad|railway|insurer|lender|"
    r"retailer|manufacturer|automaker|airport|museum|church|charity|foundation)"
    r"[ \u00a0]+(?:said|says)(?:[ \u00a0]+[\p{L}\p{N}][\p{L}\p{N}.\-]*){0,3}[.!][\"'”’)]*[ \u00a0]*\Z")
#: an organisation as the source of the sentence's facts at its end: ", according to the system.",
#: ", according to UK Steel, the industry's trade association." (a name, then what it is)
_ORG_ACCORDING = regex.compile(
    r",[ \u00a0]+according[ \u00a0]+to[ \u00a0]+(?:(?:the|its)[ \u00a0]+(?:[\p{Ll}\-]+[ \u00a0]+){0,2}?"
    r"|(?:\p{Lu}[\p{L}\-]*[ \u00a0]+){0,4}\p{Lu}[\p{L}\-]*,[ \u00a0]+(?:the|its|an?)[ \u00a0]+"
    r"(?:[\p{L}\-]+(?:['’]s)?[ \u00a0]+){0,3}?)"
    r"(?:airline|company|firm|agency|department|ministry|university|hospital|league|club|team|district|utility|"
    r"bank|carrier|operator|authority|commission|council|board|school|college|railroad|railway|insurer|lender|"
    r"retailer|manufacturer|automaker|airport|museum|church|charity|foundation|union|association|alliance|"
    r"system|group|institute|federation|organi[sz]ation|regulator|watchdog|government|administration|chamber|"
    r"coalition)[.!][\"'”’)]*[ \u00a0]*\Z")
#: an organisation as the subject of a sentence's reported speech, opening the sentence: "The company
#: said it would appeal", "Ukraine's state grid operator said crews had restored power", "The city's
#: water utility said"
_ORG_SUBJECT = regex.compile(
    r"[ \u00a0]*(?:(?:(?i:the)[ \u00a0]+)?\p{L}[\p{L}\-]*['’]s|(?i:the|its))[ \u00a0]+(?:[\p{Ll}\-]+[ \u00a0]+){0,2}?"
    r"(?:airline|company|firm|agency|department|ministry|university|hospital|league|club|team|district|utility|"
    r"bank|carrier|operator|authority|commission|council|board|school|college|railroad|railway|insurer|lender|"
    r"retailer|manufacturer|automaker|airport|museum|church|charity|foundation|union|association|alliance)"
    r"[ \u00a0]+(?:(?:has|had|also)[ \u00a0]+)?(?:says|said)(?![\p{L}])")
#: a quotation in an organisation's own voice, the first person plural of its statements ("We
#: believe the court got this wrong"): what an organisation that spoke in the paragraph before says
_ORG_VOICE = regex.compile(r"(?<![\p{L}])(?:[Ww]e|us|[Oo]urs?|[Oo]urselves)(?![\p{L}])")  # (not "US")
#: an organisation as the subject of a speech verb: "which the union says", "the company said"
_ORG_SAYS = regex.compile(
    r"(?<![\p{L}])(?:the|its)[ \u00a0]+(?:[\p{Ll}\-]+[ \u00a0]+){0,2}?"
    r"(?:airline|company|firm|agency|department|ministry|university|hospital|league|club|team|district|utility|"
    r"bank|carrier|operator|authority|commission|council|board|school|college|railroad|railway|insurer|lender|"
    r"retailer|manufacturer|automaker|airport|museum|church|charity|foundation|union|association|alliance)"
    r"[ \u00a0]+(?:(?:has|had|also)[ \u00a0]+)?(?:says|said|argues|argued|contends|contended|maintains|maintained)"
    r"(?![\p{L}])")


def _org_speaks_last(ctx, text: str, spans, lo: int) -> bool:
    """The last speech verb outside quotations in ``text[lo:]`` has an organisation for its subject,
    after another speaker's verb: the voice changed within the sentence ("She said the issue was
    automation, which the union says would eliminate hundreds of jobs."; not "The company also said
    its priority is to raise capital.", where the organisation is the one speaker and speaks as one)."""
    if not any(w in text for w in (" says", " said", " argue", " contend", " maintain")):
        return False  # (a cheap test first)
    verbs = [m for s, e in _outside(text, spans, lo, len(text)) for m in ctx.finditer(_SPEECH, text, s, e)]
    if len(verbs) < 2:
        return False
    last = verbs[-1]
    org = None
    for m in ctx.finditer(_ORG_SAYS, text, max(lo, last.start() - 60), last.end()):
        org = m
    return org is not None and org.end() == last.end()


#: the organisation's words are a statement that may go on ("said in a statement.")
_STATEMENT = regex.compile(r"(?<![\p{L}])(?:statement|release|news[ \u00a0]+conference|briefing|spokes\p{L}+)(?![\p{L}])",
                           regex.I)
#: the subject of reported speech when it is a group of people, not one speaker: "They", "Many of
#: them", "Several students", "Consumer advocates who filled the back rows", "Residents waiting in
#: line outside the school on Tuesday" (a plural head, then the verb or what describes the head)
_GROUP_SUBJECT = regex.compile(
    r"\s*(?:(?:but|and|yet|still|now)[ \t]+)?(?:"
    r"(?P<pronoun>they|others|some|many|most|several|both|a[ \t]+few)"
    r"(?:[ \t]+of[ \t]+(?:them|those|these|the[ \t]+[\p{L}\-]+(?:[ \t]+[\p{L}\-]+)?))?[ \t]*\Z"
    r"|(?:(?:many|most|some|several|dozens|hundreds|thousands|scores|a[ \t]+few|few|other|both|all|the|these|those"
    r"|\p{N}[\p{N},]*|two|three|four|five|six|seven|eight|nine|ten|a[ \t]+(?:group|number|handful|crowd|couple)"
    r")[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?)?"
    r"(?P<mods>(?:(?!(?:and|or|of|the|a|an|his|her|its|their|our|my|your|who|which|that|whose)[ \t])[\p{L}\-]+[ \t]+){0,2}?)"
    r"(?P<head>\p{L}[\p{L}\-]*)"
    r"(?:[ \t]*\Z|[ \t]+(?:also|later|then|have|had|both|all)[ \t]*\Z"
    r"|,?[ \t]+(?:who|that|in|at|from|outside|inside|near|on|across|with|for|gathered|interviewed|\p{Ll}+ing"
    # unnamed sources described by what they know: "Two officials familiar with the drafting said"
    r"|(?:familiar|involved|knowledgeable|close|briefed|privy)[ \t]+(?:with|in|about|on|to))"
    r"(?![\p{L}\-]))"
    r")", regex.I)
#: a relative clause closing a lead-in: "At the plant, which employs 640 people, workers said"
_LEAD_IN_CLAUSE = regex.compile(r"[ \t]+(?:which|where|whose)[ \t][^,“”\"]{1,60},")
#: groups that speak as one body ("police said"): its spokesperson goes on
_ONE_VOICE = frozenset("police authorities".split())


def _many_voices(a) -> bool:
    """The attribution's speaker is a group of people ("residents", "critics"), not one body that
    speaks as one ("police")."""
    return a.speaker_kind == "group" and a.speaker.split()[-1].lower() not in _ONE_VOICE


#: plurals that do not end in -s
_PLURALS = frozenset("people children men women".split())
#: groups of people that open a sentence with a capital ("Parents said"): known plurals, not names
_GROUP_NOUNS = frozenset(GROUP_WORDS) | frozenset(
    """neighbors neighbours families volunteers customers shoppers passengers commuters tenants homeowners
    employees teachers nurses farmers relatives locals demonstrators advocates members patients travelers
    travellers visitors onlookers bystanders mourners owners investors traders dealers consumers users
    drivers riders players athletes veterans retirees pensioners immigrants refugees evacuees""".split())
#: words ending in -s that are not plural nouns ("news", "series")
_NOT_PLURAL = frozenset("news series species means bus gas lens thus this his hers its yours ours whereas".split())


#: a sentence opening with a document as the source of its facts: "According to the complaint, "
#: the documents a story takes facts from (``_DOCUMENT_*``): one that can be a sentence's subject
#: ("The report said"), and the bodies of figures a fact is only sourced to ("according to the data")
_DOCUMENT_NOUNS = r"complaint|lawsuit|suit|filing|indictment|report|study|survey|ruling|audit|analysis|census|poll"
_DOCUMENT_FIGURES = r"records|documents|data|figures|estimates?"
_DOCUMENT_SOURCE = regex.compile(r"[ \u00a0]*[Aa]ccording[ \u00a0]+to[ \u00a0]+(?:the|a|an|its|their)[ \u00a0]+"
                                 r"(?:[\p{Ll}\-]+[ \u00a0]+){0,2}?(?:" + _DOCUMENT_NOUNS + "|" + _DOCUMENT_FIGURES
                                 + r")(?![\p{L}])")

#: a speech verb denied: "had not told state regulators", "never said" (nobody spoke)
_NEGATED_SPEECH = regex.compile(r"(?<![\p{L}])(?:not|never|n['’]t)[ \u00a0]+(?:told|tell|said|say|informed|notified)(?![\p{L}])")
#: the same at the sentence's end: ", according to state labor data."
_DOCUMENT_ACCORDING = regex.compile(
    r",[ \u00a0]+according[ \u00a0]+to[ \u00a0]+(?:(?:the|a|an|its|their)[ \u00a0]+)?(?:[\p{Ll}\-]+[ \u00a0]+){0,3}?"
    r"(?:" + _DOCUMENT_NOUNS + "|" + _DOCUMENT_FIGURES + r"|statistics)[.!][\"'”’)]*[ \u00a0]*\Z")
#: a document as the subject of the sentence's speech verb: "The report said the utility had stopped",
#: "The state's audit says" (not a letter or a statement, whose own words a quote may go on with)
_DOCUMENT_SUBJECT = regex.compile(
    r"[ \u00a0]*(?:(?:(?i:the)[ \u00a0]+)?\p{L}[\p{L}\-]*['’]s|(?i:the|its|their))[ \u00a0]+(?:[\p{Ll}\-]+[ \u00a0]+){0,2}?"
    r"(?:" + _DOCUMENT_NOUNS + r")[ \u00a0]+(?:also[ \u00a0]+)?(?:said|says)(?![\p{L}])")


def _unnamed_speaks(ctx, block, spans, lo: int, hi: int) -> bool:
    """The first speech verb outside quotations in ``block.text[lo:hi]`` is an unnamed source's,
    the subject of its sentence ("A person familiar with the negotiations said", "A senior
    official, who was not authorised to speak publicly, told")."""
    if _ANON_HEAD_RUNS.isdisjoint(letter_runs(ctx.article, block)):
        return False
    text = block.text
    for s, e in _outside(text, spans, lo, hi):
        m = ctx.search(_ANONYMOUS, text, s)
        if m is None or m.start() >= e:
            continue
        verb = m.start("verb")
        if verb < 0 or text[lo:m.start()].strip(" \u00a0,") != "" and not _LEAD_IN.match(text[lo:m.start()]):
            return False
        return not _has_speech(ctx, block, spans, lo, m.start())
    return False


def _group_speaks(ctx, block, spans, lo: int, hi: int) -> bool:
    """The first speech verb outside quotations in ``block.text[lo:hi]`` has a group of people
    for its subject (not one identified speaker): "Residents waiting in line said they wanted
    answers.", "Several Eastbrook students said". A capitalised head is a name ("the Smiths
    said", "Senate Democrats said") unless it opens the sentence and is a known group of people
    ("Parents") or the story writes it in lower case elsewhere ("Residents" and "residents")."""
    text = block.text
    verb = None
    for s, e in _outside(text, spans, lo, hi):
        for m in ctx.finditer(_SPEECH, text, s, e):
            verb = m.start()
            break
        if verb is not None:
            break
    if verb is None:
        return False
    subject_start = lo
    m = _GROUP_SUBJECT.match(text, subject_start, verb)
    if m is None:
        # a scene-setting lead-in: "Across the street, neighbors said ...", also one with a clause
        # of its own: "At the plant, which employs 640 people, workers leaving the shift said ..."
        comma = text.find(",", lo, verb)
        if comma < 0 or comma - lo > 60 or text[lo:lo + 1].islower():
            return False
        subject_start = comma + 1
        m = _GROUP_SUBJECT.match(text, subject_start, verb)
        if m is None and _LEAD_IN_CLAUSE.match(text, subject_start, verb):
            subject_start = text.find(",", subject_start, verb) + 1
            m = _GROUP_SUBJECT.match(text, subject_start, verb) if subject_start else None
        if m is None:
            return False
    if m.group("pronoun"):
        return True
    head = m.group("head")
    low = head.lower()
    if low in _NOT_PLURAL or not (low in _PLURALS or low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))):
        return False
    if head[0].isupper():
        # a name ("the Smiths", "Senate Democrats"), unless the head opens the sentence and the
        # story writes it in lower case elsewhere ("Residents waiting ..." and "residents")
        return not text[subject_start:m.start("head")].strip() and (low in _GROUP_NOUNS or _lower_elsewhere(ctx, head))
    return True


def _lower_elsewhere(ctx, word: str) -> bool:
    """The story writes ``word`` in lower case somewhere: a common noun that opened a sentence."""
    low = word.lower()
    pattern = regex.compile(r"(?<![\p{L}\-])" + regex.escape(low) + r"(?![\p{L}\-])")
    return any(pattern.search(b.text) for b in ctx.article.blocks)


#: a paragraph that ends by introducing the next one: a colon, or a speech verb and a dash ("said-")
_INTRODUCTION = regex.compile(r"(?::|(?<![\p{L}])(?:said|says|added|adds|told|wrote|writes)[ \u00a0]*[-—–])[ \u00a0]*\Z")
_TERMINAL = regex.compile(r"[.!?…][\"'”’)]*\s*\Z")
_CREDIT = regex.compile(r"\s*(?:[—–-]\s*)?\p{Lu}")
#: a passive speech verb: its subject was spoken to or asked ("Players were told"), or is what was
#: said or published ("after the ruling was posted", "the figures were announced"), and speaks no further
_PASSIVE_SPEECH = regex.compile(r"(?<![\p{L}])(?:was|were|been|being|is|are|be|get|got|gets)[ \u00a0]+"
                                r"(?:(?:\p{L}+ly|first|also|later|never|not|widely|originally)[ \u00a0]+)?"
                                r"(?:\L<participles>|pointed[ \u00a0]+out)(?![\p{L}])", regex.I,
                                participles=sorted(v for v in ATTRIBUTION_VERBS
                                                   if " " not in v and (v.endswith("ed") or v in ("said", "told", "read"))))
#: a verb that reports a statement (not only "said": "Anand claimed in a letter ... that his lab's")
_STATEMENT_VERB = (r"(?:said|says|claimed|claims|insisted|insists|argued|argues|wrote|writes|added|adds|noted|notes|"
                   r"admitted|admits|conceded|concedes|acknowledged|acknowledges|maintained|maintains|contended|contends)")
#: a paragraph's first sentence that reports speech of its own: a verb of saying ("said", "claimed", ...) before a clause
#: ("said the squad had let him down", "said that ..."), or "told" someone "that" or a clause ("told
#: the council the trip takes")
_NEW_STATEMENT = regex.compile(r"(?<![\p{L}])(?:" + _STATEMENT_VERB + r"[ \u00a0]+(?:that|the|a|an|his|her|their|its|he|she|they|it|we|i"
                               r"|this|these|those|there|our|some|most|many|several|no"
                               # "said four people who fell into the water were pulled out": a count opens it
                               r"|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands"
                               # "said at least a dozen pilots had left", "said nearly half the": a count
                               # with its qualifier
                               r"|(?:(?:more|fewer|less)[ \u00a0]+than|about|nearly|almost|roughly|only|at[ \u00a0]+least)"
                               r"[ \u00a0]+(?:a|an|half|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)"
                               # "said 4 insurers had stopped writing", "said more than 200 parents had
                               # signed": a figure opens the clause
                               r"|(?:(?:more|fewer|less)[ \u00a0]+than[ \u00a0]+|(?:about|nearly|almost|roughly|over"
                               r"|only|at[ \u00a0]+least)[ \u00a0]+)?\p{N}[\p{N},.]*(?=[ \u00a0%])"
                               # "said Mayfield had been held": a name and its verb
                               r"|(?-i:\p{Lu}\p{Ll}+)(?:[ \u00a0](?-i:\p{Lu}\p{Ll}+))?[ \u00a0]+(?:would|will|was|were|is|are|had"
                               r"|has|have|could|should|can|may|might|must)(?![\p{L}])"
                               # "said academic programs would be reviewed": a clause with its verb
                               r"|(?-i:\p{Ll}[\p{Ll}\-]*)(?:[ \u00a0]+(?-i:\p{Ll}[\p{Ll}\-]*)){0,3}[ \u00a0]+"
                               r"(?:would|will|was|were|is|are|had|has|have|could|should|can|may|might|must))"
                               r"|told[ \u00a0]+[^.;:“”\"]{1,60}?[ \u00a0]that"
                               # "told the council the trip takes ...", "told reporters he would ...": the
                               # clause without "that" (not "told him the truth": a pronoun object)
                               r"|told[ \u00a0]+(?:(?:the|a|an)[ \u00a0]+)?(?!(?:him|her|them|me|us|you|it)[ \u00a0])"
                               r"[\p{Ll}\-]+[ \u00a0]+(?:the|a|an|his|her|their|its|he|she|they|it|we|this|these|those"
                               r"|there|our))(?![\p{L}])"
                               # "..., according to a person familiar with the contracts": facts with their
                               # source, a statement of its own ("According to the union, ...", too)
                               r"|,[ \u00a0]+according[ \u00a0]+to[ \u00a0]|\A[ \u00a0]*according[ \u00a0]+to[ \u00a0][^.;:,“”\"]{1,60},"
                               # 'Reagan added: “Rest assured ...”': a quotation of its own
                               r"|(?<![\p{L}])(?:said|says|added|adds)[ \u00a0]*:[ \u00a0]*[“\"]"
                               # ", saying Pacific Northern Power had ignored warnings": a clause of its own
                               r"|,[ \u00a0]+saying[ \u00a0]+(?:(?i:that|the|a|an|his|her|their|its|he|she|they|it|we)"
                               r"(?![\p{L}])|(?-i:\p{Lu}))"
                               # "said gas equipment sold since 2011 meets federal standards and that local
                               # bans ...": a second that-clause after a first one without "that"
                               r"|(?<![\p{L}])" + _STATEMENT_VERB + r"[ \u00a0]+[^.;:“”\"\n]{1,160}?[ \u00a0]and[ \u00a0]+that[ \u00a0]+"
                               # "said in Geneva that investigators had documented ...", "said late Thursday
                               # that the ...": where or when, then a that-clause with its subject
                               r"|(?<![\p{L}])" + _STATEMENT_VERB + r"[ \u00a0]+(?!that[ \u00a0])[^.;:,“”\"\n]{1,40}?[ \u00a0]that[ \u00a0]+"
                               r"(?:(?:the|a|an|his|her|their|its|he|she|they|it|we|i|this|these|those|there|our"
                               # ("said by telephone that many crews in his community had stopped")
                               r"|some|most|many|several|no|all|both|every|each)(?![\p{L}])"
                               r"|(?-i:\p{Lu})|\p{N}"
                               r"|(?-i:\p{Ll}[\p{Ll}\-]*)(?:[ \u00a0]+(?-i:\p{Ll}[\p{Ll}\-]*)){0,3}[ \u00a0]+"
                               r"(?:would|will|was|were|is|are|had|has|have|could|should|can|may|might|must)(?![\p{L}]))", regex.I)
#: ... unless it opens by pointing back at the quote ("That was how ...", "So said the mayor") or at
#: a speaker already in the story ("He said he will provide more information")
_BACK_REFERENCE = regex.compile(r"[ \u00a0]*(?:that|this|those|these|so|such|thus|which|the[ \u00a0]+words|"
                                r"those[ \u00a0]+words|he|she|they|it|we|i)(?![\p{L}])", regex.I)
#: a pointer back at the quote that says what it was: "That was ...", "Those were ...", "This is ..."
_POINTER_IS = regex.compile(r"[ \u00a0]*(?:that|this|those|these|such)[ \u00a0]+(?:was|were|is|are|has[ \u00a0]+been|had[ \u00a0]+been)"
                            r"(?![\p{L}])", regex.I)
#: a conjunction opening a sentence ("But he added ...")
_CONJUNCTION = regex.compile(r"[ \u00a0]*(?:but|and|yet|still|however,?)[ \u00a0]+", regex.I)
#: a speech verb that attributes nothing: negated ("declined to say", "would not say")
_NEGATED = regex.compile(r"(?<![\p{L}])(?:declined|refused|would[ \u00a0]+not|wouldn['’]t|did[ \u00a0]+not|didn['’]t|could[ \u00a0]+not"
                         r"|couldn['’]t|not)[ \u00a0]+(?:to[ \u00a0]+)?\p{L}+\Z", regex.I)
#: what follows a speech verb that reports a clause: "that", a subject pronoun and a verb, a name and
#: a verb ("said Guyana has taken", "said ATT currently controls", "said Spanish businessmen
#: traditionally turned"), or a parenthetical attribution inside a statement (", he said, have been")
_CLAUSE_AFTER = regex.compile(
    r"(?:,?[ \u00a0]+that[ \u00a0]+(?!was[ \u00a0]+(?:how|what|why)(?![\p{L}]))"
    r"|[ \u00a0]+(?:he|she|they|it|we|i|there)[ \u00a0]+(?:\p{Ll}+ly[ \u00a0]+)?(?:\p{Ll}+(?:ed|s)|was|were|is|are|had|has|have|would|will|could|should|can|may|might|must|did|does|do|knew|felt|thought|saw|took|made|gave|went|got)(?![\p{L}])"
    r"|[ \u00a0]+\p{Lu}[\p{L}.&\-]*(?:[ \u00a0]+\p{L}[\p{L}.&\-]*){0,2}?[ \u00a0]+(?:\p{Ll}+ly[ \u00a0]+)?"
    r"(?:\p{Ll}+(?:ed|s)|was|were|is|are|had|has|have|would|will|could|should|can|may|might|must|did|does|do)(?![\p{L}'’])"
    r"|[ \u00a0]*,[ \u00a0]+(?:\p{Ll}+[ \u00a0]+){0,2}?(?:was|were|is|are|had|has|have|would|will|could|should|can|may|might|must|did|does|do)(?![\p{L}])"
    # a quotation of its own: 'He said, “the decision was also taken ...”'
    r"|[ \u00a0]*[,:]?[ \u00a0]*[“\"])",
    regex.I)
#: someone asked or told to do something: " the sheriff and the hospital's chief executive to meet"
_ASKED_TO = regex.compile(r"[ \u00a0]+[^,.;:!?“”\"]{1,80}?[ \u00a0]to[ \u00a0]+\p{Ll}+(?![\p{L}])")
#: speech verbs whose object is the audience or the speaker, not what was said ("told the council", "said
#: the mayor")
_AUDIENCE_VERBS = frozenset("said says say told tells tell asked asks ask according to".split())
#: a content object right after another speech verb: "reported a 25.8 pct advance", "announced the sale"
_OBJECT_AFTER = regex.compile(r"[ \u00a0]+(?:a|an|the|its|his|her|their|our|\p{N})(?![\p{L}])", regex.I)
#: common irregular past forms: a clause's verb ("Employment in manufacturing fell 430,000 ...")
_PAST = frozenset("""fell rose grew took made gave went came saw knew thought felt left lost won paid sold bought
    kept held put set cut hit met ran began became brought spent built sent found stood struck meant broke chose
    drove fought forgot froze hid led lent shook shot sank slid spoke stole swore threw understood woke wore wrote""".split())
#: a name or noun and a verb in -s: "The United States wants", "India plans"
_SUBJECT_VERB = regex.compile(r"\p{Lu}[\p{L}.]*[ \u00a0]+(?:\p{Ll}+ly[ \u00a0]+)?\p{Ll}{2,}[^s'’\s]s(?![\p{L}'’])")
#: nouns for a person, the head of a descriptor ("the official", "a company spokesman")
_PERSON_HEADS = frozenset(LEXICON.TITLE_HEADS | LEXICON.OCCUPATIONS | LEXICON.PERSON_NOUNS) - frozenset(
    LEXICON.FUNCTION_WORDS)
#: pronouns that point back at a person, not at the quote
_PERSONAL = frozenset("he she they we i".split())
#: a lead-in before the speaker, not a statement: "Speaking after the hearing, ...", "Asked about it, ..."
_LEAD_IN = regex.compile(r"[ \u00a0]*(?:\p{L}+ing|asked|interviewed|reached|contacted|in|at|on|during|after|before|later|"
                         r"earlier|when|while|outside|inside|back|then|now|for|from|with|by|under|as)(?![\p{L}])", regex.I)
#: words that make a clause a statement (a finite verb), and words that make it an appositive
_FINITE = frozenset("is was are were has had have will would could should can may might must did does do be been "
                    "won't can't isn't wasn't aren't weren't hasn't haven't hadn't didn't doesn't don't".split())
_RELATIVE = frozenset("who whom whose which".split())
_DESCRIBED = regex.compile(r"(?<![\p{L}])(?:described|recalled|remembered|put\s+it|said|says|explained)(?![\p{L}])",
                           regex.I)


# -- attribution-placement -------------------------------------------------------

_WRITTEN = frozenset("wrote writes tweeted tweets posted posts read reads".split())


class AttributionPlacement(RuleKind):
    name = "attribution-placement"
    description = "Flags a multi-sentence quotation whose attribution comes only after two or more complete sentences."
    QUOTES_DEFAULT = True
    OPTIONS = {
        "min_complete": Option("int", default=2,
                               doc="flag when at least this many complete sentences of the quote come before "
                                   "the sentence the attribution ends ('“A. B. C,” she said' has two)"),
    }

    def setup(self, options):
        if options["min_complete"] < 1:
            raise OptionError("options.min_complete", "must be 1 or more")
        self.min_complete = options["min_complete"]

    def check(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        for block in ctx.blocks():
            text = block.text
            for q in analysis.quotes_in(block):
                a = q.attribution
                if a is None or a.position != "after" or not q.closed or q.continuation:
                    continue
                if a.shape not in ("quote-then-speaker-verb", "quote-then-verb-speaker", "according-to"):
                    continue
                if q.sentences - 1 < self.min_complete or a.verb in _WRITTEN:
                    continue  # a tweet or a letter is quoted whole; the attribution cannot split it
                # the attribution must belong to the quote's last sentence ("…,” he said"), not follow a full stop
                last = text[q.inner_end - 1] if q.inner_end > q.inner_start else ""
                if last not in ",?!—–-":
                    continue
                yield Hit(block, q.start, q.end, args={"sentences": q.sentences, "complete": q.sentences - 1,
                                                       "speaker": a.speaker})


# -- quote-balance ---------------------------------------------------------------

#: a single mark closing a quote: after the quote's last punctuation, before a space or the end
#: ('… transmission,’ he says.')
_SINGLE_CLOSE = regex.compile(r"[,.?!…][’'](?=\s|\Z)")


class QuoteBalance(RuleKind):
    name = "quote-balance"
    description = "Flags quotation marks that do not pair up within a paragraph (running quotes allowed)."
    QUOTES_DEFAULT = True
    OPTIONS = {
        "single": Option("bool", default=False,
                         doc="also check single marks (‘ ’ '), which are easily confused with apostrophes"),
    }

    def setup(self, options):
        self.single = options["single"]

    def check(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        for block in ctx.blocks():
            marks = analysis.quote_marks(block)
            if not marks:
                continue
            text = block.text
            starts = None  # where quotations start, and the last single closing mark: once per block
            last_single = -1
            for pos, char, role in marks:
                if role != "unmatched" or (char not in _DOUBLE_MARKS and not self.single):
                    continue
                if starts is None:  # (per mark, a scan of the paragraph would be quadratic in a huge one)
                    starts = {q.start for q in analysis.quotes_in(block)}
                    last_single = max((m.start() for m in _SINGLE_CLOSE.finditer(text)), default=-1)
                opening = pos in starts
                if text[pos - 1:pos] in _DOUBLE_MARKS or text[pos + 1:pos + 2] in _DOUBLE_MARKS:
                    message = "Doubled quotation mark (a typo?): keep one of them."
                elif 0 < pos < len(text) - 1 and text[pos - 1].isalpha() and text[pos + 1].isalpha():
                    message = "A double quotation mark inside a word (Britain\"s): an apostrophe was meant?"
                elif opening and char in _DOUBLE_MARKS and last_single > pos:
                    message = ("This quote opens with a double quotation mark but closes with a single one; "
                               "use a double mark at both ends.")
                elif opening:
                    message = ("This quotation mark opens a quote that is not closed in its paragraph "
                               "(and the next paragraph does not continue it with an opening mark).")
                else:
                    message = "This closing quotation mark has no opening mark in its paragraph."
                yield Hit(block, pos, pos + 1, message=message)


# -- anonymous-source ------------------------------------------------------------

#: what makes "a person" a source: familiar with, with knowledge of, close to, briefed on, aware of,
#: involved in, who has seen ...; then up to five words, possessives included ("the state’s inspection records")
_ANON_QUALIFIED = (
    r"(?:familiar\s+with|with\s+(?:direct\s+|first-?hand\s+)?knowledge\s+of|knowledgeable\s+about|close\s+to"
    r"|(?:who\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?briefed\s+on|aware\s+of|involved\s+in"
    r"|who\s+(?:has|have|had)\s+(?:seen|reviewed)"
    r"|who\s+(?:attended|sat\s+in\s+on)\s+(?:the|a)\s+(?:closed-door|private|confidential)"
    # "someone who attended the meeting": a participant known only by having been there
    r"|who\s+attended\s+(?:the|a)(?=\s+(?:[\p{L}\-]+\s+){0,2}?(?:meeting|briefing|session|call|dinner)(?![\p{L}]))"
    # an insider known only by the shift or the workplace: "a controller who was working in the tower"
    r"|who\s+(?:was|were|is|are|had\s+been|has\s+been)\s+(?:working|on\s+duty|on\s+shift)"
    r"|who\s+(?:works?|worked)\s+(?:at|in|inside|for|on)"
    # a member of a closed body: "a faculty member who sat on the investigating committee"
    r"|who\s+(?:sat|sits|serves|served)\s+on)"
    r"(?:\s+[\p{L}\p{N}\-]+(?:['’]\p{L}*)?){1,5}?"
)
#: where a source works or whom it serves: "an aide to the senator", "a source in the prime minister’s office",
#: "a senior official in the secretary of state’s office" (up to five words)
_ANON_WHERE = r"(?:to|for|at|in|inside|within|with|from)\s+(?:[\p{L}\p{N}\-]+(?:['’]\p{L}*)?\s+){0,4}?[\p{L}\p{N}\-]+(?:['’]\p{L}*)?"
_ANON_HEADS = (
    rf"(?:(?:officials?|sources?|insiders?|aides?|staffers?|staff\s+members?|diplomats?)"
    rf"(?:\s+(?:{_ANON_QUALIFIED}|{_ANON_WHERE}))?"
    rf"|(?:someone|somebody|person|people|persons|individuals?|managers?|executives?|employees?|lawmakers?|legislators?"
    rf"|controllers?|workers?|nurses?|officers?|members?)"
    rf"\s+{_ANON_QUALIFIED}"
    # one insider known only by rank: "a senior police commander said", "one senior executive told"
    rf"|(?<=(?<![\p{{L}}])(?:a|an|one)[ \t]+)senior[ \t]+(?:[\p{{L}}\-]+[ \t]+){{0,2}}?"
    rf"(?:commander|officer|executive|manager|member|employee|adviser|advisor|figure)"
    # one insider known only by the workplace or the job: "a jail employee said", "a hospital worker told",
    # "One inspector said", "A district administrator said", "One shipping executive said"
    rf"|(?<=(?<![\p{{L}}])(?:a|an|one)[ \t]+)(?:[\p{{L}}\-]+[ \t]+){{0,2}}?(?:employee|worker|staffer|guard|inspector|administrator|engineer|executive)"
    # or a few of them by a count: "two jail employees told", "three hospital workers said"
    rf"|(?<=(?<![\p{{L}}])(?:two|three|four|several)[ \t]+)(?:[\p{{L}}\-]+[ \t]+){{0,2}}?(?:employees|workers|staffers|guards))"
)
#: up to four describing words ("senior State Department", "U.S."), never a function word or a sentence end
_ANON_STOP = (r"(?:by|of|to|from|in|on|at|for|with|and|or|but|that|which|who|the|a|an|is|was|are|were|has|have|had|said|says|told"
              r"|between|among|amongst|about|against|toward|towards|into|after|before|than|like|when|while|as|if|because|since|until)")
_ANON_MODS = rf"(?:(?!{_ANON_STOP}[ \t])(?:(?:\p{{Lu}}\.)+|[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}\-]*)[ \t]+){{0,4}}?"
_ANON_SPEAKER = (
    rf"(?P<speaker>(?:(?:a|an|one|two|three|four|several|some|other|many|the)[ \t]+)?"
    rf"{_ANON_MODS}{_ANON_HEADS})"
)
_ANON_VERB = r"(?:said|say|says|told|tell|tells|added|confirmed|confirm|confirms|suggested|briefed)"
_ANONYMOUS = regex.compile(
    rf"(?<![\p{{L}}\-'’])(?:"
    rf"{_ANON_SPEAKER}(?P<apposition>,[^,;:“”\"]{{1,120}},)?[ \t]+(?:(?:also|later|have|has|had|privately)[ \t]+)?(?P<verb>{_ANON_VERB})"
    # "according to officials" but not "according to official data"
    rf"|(?P<verb2>according[ \t]+to)[ \t]+{_ANON_SPEAKER}(?![ \t]+(?!(?:who|in|at|on|from|with|and|close|familiar)\b)\p{{Ll}})"
    rf")(?![\p{{L}}\-])",
    regex.I,
)
#: an insider known only by the workplace, whatever the job: "a Northway mechanic who worked on the jet
#: last week said", "an engineer who works at the plant told" (one person, by "a", "an" or "one", with
#: a lower-case head; the job names of ``_ANON_HEADS`` are a few of these)
_ANON_WORKPLACE = regex.compile(
    rf"(?<![\p{{L}}\-'’])(?P<speaker>(?:a|an|one)[ \t]+{_ANON_MODS}(?-i:\p{{Ll}}[\p{{Ll}}\-]+)[ \t]+"
    rf"who[ \t]+(?:works|worked)[ \t]+(?:at|in|inside|for|on)(?:[ \t]+[\p{{L}}\p{{N}}\-]+(?:['’]\p{{L}}*)?){{1,5}}?)"
    rf"(?P<apposition>,[^,;:“”\"]{{1,120}},)?[ \t]+(?:(?:also|later|have|has|had|privately)[ \t]+)?(?P<verb>{_ANON_VERB})"
    rf"(?![\p{{L}}\-])",
    regex.I,
)
_ANON_GATE = regex.compile(r"(?i:official|source|insider|aide|staffer|employee|worker|guard|inspector|administrator|engineer|executive|staff\s+member|diplomat|familiar|knowledge|close\s+to|briefed|aware|involved|seen|reviewed|attended|sat\s+in\s+on|who\s+work|working|on\s+duty|on\s+shift|senior|sat\s+on|sits\s+on|serve[sd]\s+on)")
#: a case-insensitive scan is slow: blocks whose case-folded text lacks all of these cannot match it
_ANON_WORDS = ("official", "source", "insider", "aide", "staffer", "employee", "worker", "guard", "inspector",
               "administrator", "engineer", "executive",
               "staff member", "diplomat", "familiar", "knowledge", "close", "briefed",
               "aware", "involved", "seen", "reviewed", "attended", "sat in on", "work", "on duty", "on shift", "senior",
               "sat on", "sits on", "serves on", "served on")
_ONE_EXECUTIVE = re.compile(r"\b(?:a|an|one)\s+(?:[\w\-]+\s+){0,2}?executive\b")


def _has_anon_word(folded: str) -> bool:
    """``any(w in folded for w in _ANON_WORDS)`` spelled out (the generator cost more than the scans)."""
    return ("official" in folded or "source" in folded or "insider" in folded or "aide" in folded
            or "staffer" in folded or "employee" in folded or "worker" in folded or "guard" in folded
            or "inspector" in folded or "administrator" in folded or "engineer" in folded
            # (one executive by "a", "an" or "one": "chief executive" alone is in most business stories)
            or "executive" in folded and _ONE_EXECUTIVE.search(folded) is not None
            or "staff member" in folded or "diplomat" in folded or "familiar" in folded or "knowledge" in folded
            or "close" in folded or "briefed" in folded or "senior" in folded
            # the qualifiers only "a person" needs ("aware of", "who has seen"): common words alone
            or ("aware" in folded or "involved" in folded or "seen" in folded or "reviewed" in folded
                or "attended" in folded or "sat in on" in folded
                # ("who works at", "who was working": a "work" with a "who", not every "network")
                or "work" in folded and "who" in folded or "on duty" in folded or "on shift" in folded
                or "sat on" in folded or "sits on" in folded or "serves on" in folded or "served on" in folded)
            and ("person" in folded or "people" in folded or "individual" in folded or "manager" in folded
                 or "someone" in folded or "somebody" in folded
                 or "executive" in folded or "employee" in folded or "lawmaker" in folded or "legislator" in folded
                 or "controller" in folded or "worker" in folded or "nurse" in folded or "officer" in folded
                 or "member" in folded))


assert set(_has_anon_word.__code__.co_consts) >= set(_ANON_WORDS)
#: every match of ``_ANONYMOUS`` holds one of these (its verb: said, say(s), tell(s), told, added, confirm(ed|s),
#: suggested, briefed, according)
_ANON_VERB_PARTS = ("said", "say", "tell", "told", "added", "confirm", "suggested", "briefed", "according")
#: the heads of ``_ANON_HEADS``: a group word, or a person word with what qualifies it
_ANON_GROUPS = ("official", "source", "insider", "aide", "staffer", "staff member", "diplomat", "senior",
                "employee", "worker", "guard", "inspector", "administrator", "engineer", "executive")
_ANON_PERSONS = ("person", "people", "individual", "manager", "executive", "employee", "lawmaker", "legislator",
                 "controller", "worker", "nurse", "officer", "someone", "somebody", "member")
_ANON_QUALIFIERS = ("familiar", "knowledge", "close", "briefed", "aware", "involved", "seen", "reviewed", "attended",
                    "sat in on", "work", "on duty", "on shift", "sat on", "sits on", "serves on", "served on")
#: the head of every match of ``_ANONYMOUS`` is a whole run of letters (after the start, blanks or a
#: non-letter; before a blank, a comma or a non-letter), so a block whose ``letter_runs`` hold none of
#: these cannot match -- unless it has a "İ", which the (?i) pattern takes for "i" but case folding
#: turns into "i" and a mark (no longer one run)
_ANON_HEAD_RUNS = frozenset("""official officials source sources insider insiders aide aides staffer staffers
staff diplomat diplomats person people persons individual individuals manager managers executive executives
employee employees lawmaker lawmakers legislator legislators controller controllers worker workers nurse nurses
officer officers someone somebody member members commander commanders adviser advisers advisor advisors
figure figures guard guards inspector inspectors administrator engineer""".split())


def _may_be_anonymous(folded: str) -> bool:
    """Whether a case-folded sentence holds a head and a verb of ``_ANONYMOUS`` (substrings: a
    necessary condition, tested before the full pattern)."""
    if not any(w in folded for w in _ANON_GROUPS) and not (
            any(w in folded for w in _ANON_PERSONS) and any(w in folded for w in _ANON_QUALIFIERS)):
        return False
    return any(v in folded for v in _ANON_VERB_PARTS)


#: a preposition right before the source: it is an object ("a letter to officials said", "talks between
#: diplomats said nothing"), the subject is something else
_OBJECT_OF = regex.compile(
    r"(?:(?<![\p{L}])(?i:to|by|with|between|among|amongst|from|for|about|against|into|toward|towards|like|than)"
    # "of" inside a name is not one: "Bank of Japan officials said"
    r"|(?<![\p{L}])(?<!\p{Lu}[\p{L}\-]*[ \t]+)(?i:of))"
    r"[ \t]+\Z")
#: the first word after an unnamed source's head ("to" in "an aide to the senator")
_ANON_AFTER_HEAD = frozenset(
    "to for at in inside within with from familiar close briefed aware involved who knowledgeable".split())
_NAME_IN = regex.compile(r"\p{Lu}[\p{L}'’\-]+[ \t]+(?:\p{Lu}\.[ \t]+)?\p{Lu}[\p{L}'’\-]+")
#: a public, on-the-record statement in the sentence: the speaker is unnamed, not anonymous
#: ("In a live television broadcast, the president's chief aide said", "officials said in a statement")
_ON_RECORD = regex.compile(
    r"(?<![\p{L}])(?:in|during|at)[ \t]+(?:a|an|the|its|his|her|their)[ \t]+(?:[\p{L}\-]+[ \t]+){0,2}?"
    r"(?:statement|broadcast|(?:news|press)[ \t]+(?:conference|release|briefing)|speech|televised[ \t]+address)"
    r"(?![\p{L}])", regex.I)


class AnonymousSource(RuleKind):
    name = "anonymous-source"
    description = "Flags unnamed sources ('a source said', 'officials told') in a story that never says why."
    OPTIONS = {
        "explained": Option("regex", required=True,
                            doc="text anywhere in the article that explains the anonymity (case-insensitive)"),
        "groups": Option("bool", default=True, doc="also flag a bare plural group ('officials said', 'sources said')"),
        "max_per_article": Option("int", default=1, doc="report at most this many per article (0: all)"),
    }

    def setup(self, options):
        self.explained = regex.compile(options["explained"], regex.I | regex.V0)
        self.groups = options["groups"]
        self.limit = options["max_per_article"]

    def check(self, ctx: CheckContext):
        found = []
        analysis = ctx.article.analysis
        article = ctx.article
        workplace = []  # any job, known only by the workplace: "a Northway mechanic who worked on the jet"
        if _ANON_HEAD_RUNS.isdisjoint(article_letter_runs(article)):
            whole = article_text(article)
            if (whole.isascii() or "\u0130" not in whole) and " who work" not in whole:
                return  # no head word in any block (the article's runs hold every block's)
        for block in ctx.blocks():
            text = block.text
            if " who work" in text:  # (a substring test first; the head words below cover the rest)
                for s_start, s_end in analysis.sentences(block):
                    if " who work" in text[s_start:s_end]:
                        workplace.extend(self._matches(ctx, block, s_start, s_end, _ANON_WORKPLACE))
            if _ANON_HEAD_RUNS.isdisjoint(letter_runs(article, block)) and (text.isascii() or "\u0130" not in text):
                continue  # no head word: a set test on the runs other rules built (most blocks)
            folded = folded_text(article, block)
            if not _has_anon_word(folded):
                continue
            # the full pattern runs only on the sentences that hold a head word and a verb
            if len(folded) == len(text):
                # one character each (no "ß" -> "ss"): the folded sentence is the sentence's
                # simple case folding, which is how the (?i) patterns compare
                for s_start, s_end in analysis.sentences(block):
                    sentence = folded[s_start:s_end]
                    if _may_be_anonymous(sentence):
                        found.extend(self._matches(ctx, block, s_start, s_end))
                continue
            heads = [m.start() for m in ctx.finditer(_ANON_GATE, text)]
            if not heads:
                continue
            for s_start, s_end in analysis.sentences(block):
                if not any(s_start <= h < s_end for h in heads):
                    continue
                found.extend(self._matches(ctx, block, s_start, s_end))
        if workplace:
            known = {(b.index, start) for b, start, *_ in found}
            found = sorted(found + [w for w in workplace if (w[0].index, w[1]) not in known],
                           key=lambda f: (f[0].index, f[1]))
        if not found or any(ctx.search(self.explained, b.text) for b in ctx.article.blocks):
            return
        which = "the first"
        if self.limit == 0:
            shown = found
        else:
            # one person known only by a description ("a senior government official said") says more
            # of what the story hides than a group ("officials said" of a death toll): shown first
            single = [f for f in found if f[3].split()[0].lower() in ("a", "an", "one")]
            shown = (single + [f for f in found if f not in single])[:self.limit]
            if single and single[0] is not found[0]:
                which = "the first single unnamed person"
        for block, start, end, speaker in shown:
            yield Hit(block, start, end, args={"speaker": speaker, "count": len(found), "which": which})

    def _matches(self, ctx, block, s_start: int, s_end: int, pattern=_ANONYMOUS):
        text = block.text
        for m in ctx.finditer(pattern, text, s_start, s_end):
            speaker = m.group("speaker")
            words = speaker.split()
            if not self.groups and words[-1].lower().endswith("s") and words[0].lower() not in ("a", "an", "one"):
                continue
            apposition = m.group("apposition") or ""
            if _NAME_IN.search(apposition) or self._named_nearby(text, m):
                continue
            if words[0].lower() == "the" and len(self._core(words)) <= 2:
                continue  # "the official said", "the aide to Lyng said": a later reference to someone introduced earlier
            if m.group("verb") and _OBJECT_OF.search(text, max(s_start, m.start() - 40), m.start()):
                continue  # "the letter to officials said": the officials are not who said it
            if ctx.search(_ON_RECORD, text[s_start:s_end]):
                continue  # said in a statement, a broadcast, at a news conference: on the record
            if not words[-1].lower().endswith("s") and words[0].lower() not in ("a", "an", "one") \
                    and _POSSESSOR_BEFORE.search(text, max(0, m.start() - 40), m.start()) and self._in_lede(ctx, block):
                continue  # "Ohio's top transportation official told lawmakers": a lede holding the name back
            yield block, m.start(), m.end(), speaker

    @staticmethod
    def _in_lede(ctx, block) -> bool:
        """``block`` is the story's first body paragraph (a lede may name its subject in the next)."""
        first = next((b for b in ctx.article.blocks if b.kind == "body"), None)
        return first is block

    @staticmethod
    def _core(words: list[str]) -> list[str]:
        """The speaker's words before what qualifies the head ("the aide" of "the aide to Lyng")."""
        for i, w in enumerate(words):
            if i and w.lower() in _ANON_AFTER_HEAD:
                return words[:i]
        return words

    @staticmethod
    def _named_nearby(text: str, m) -> bool:
        """'officials said' right after names: "Officials, including Mayor Jane Smith, said"."""
        return bool(regex.match(r"[ \t]*\(\s*\p{Lu}", text[m.end("speaker"):m.end("speaker") + 4]))


# -- conflicting-quote -----------------------------------------------------------

_MARKER = "\u0000"
#: a frame ending in one of these words defines the quote: "his message was “…”", "described it as “…”"
_DEFINING = frozenset("is was are were be been being remains remained as reads read".split())
_NAMING = frozenset("called calls dubbed dubs labelled labeled branded brands termed terms described".split())
#: "was simple:", "is clear:": a defining word, one describing word and a colon (a frame word of its own)
#: a named speaker set off by commas before the speech verb: ", Marcus Lyle, said"
_APPOSED_SPEAKER = regex.compile(r",[ \u00a0]+(?:\p{Lu}[\p{L}'’\-]+[ \u00a0]+){1,2}(?P<surname>\p{Lu}[\p{L}'’\-]+),"
                                 r"[ \u00a0]+(?:said|says|told)(?![\p{L}])")
#: what a colon frame may announce as one statement: "her position had not changed: “…”"
_STANCE = frozenset("message position stance view answer verdict lesson advice promise pledge plea priority thing point reason goal"
                    " demand request aim hope wish mission focus concern fear worry objective purpose"
                    " phrase slogan motto summary decision sentence".split())
_COLON = ":"
_NOT_COUNTED = frozenset((_MARKER, _COLON))
#: words that may stand between a stance's "was" and its quotation ("was to make sure that",
#: "was simple", "was that the county")
_STANCE_TAIL = 6


def _stance_that(words) -> bool:
    """The words end with a stance noun and "that", which say what the quote after them is: "sent
    a message that “…”" (``ConflictingQuote`` keeps such a "that" in the frame)."""
    return len(words) > 1 and words[-1] == "that" and words[-2] in _STANCE


#: a place's or an organisation's possessive right before an unnamed speaker: "Ohio's (top
#: transportation official)": one post's holder, whom a lede may name in the next paragraph
_POSSESSOR_BEFORE = regex.compile(r"(?<![\p{L}\-])\p{Lu}[\p{L}.\-]*['’]s[ \u00a0]+\Z")


def _stance_cut(before: list) -> int | None:
    """Where a frame that says what a stance was ("her goal for the trip was") ends, when a few
    words stand between its defining word and the quotation: right after that word; else None."""
    for i in range(len(before) - 1, max(-1, len(before) - 2 - _STANCE_TAIL), -1):
        if before[i] in _DEFINING:
            if i + 1 < len(before) and any(w in _STANCE for w in before[max(0, i - 6):i]):
                return i + 1
            return None
    return None
#: words that cannot be the describing word of "was simple:" ("the question was this:" is, "was not:" is not)
_FRAME_FUNCTION = frozenset("not never also still always the a an and or but that these those".split())


def _described(before: list[str]) -> bool:
    """The words before a colon end in a defining word and a description: one or two words ("was
    simple", "was crystal clear"), two joined by "and" ("was short and blunt") or an indefinite
    description of two words ("was a narrow one"), no function
    word among them ("was not:"); or a stance noun stands among the last five ("the governor's
    position had not changed:": what follows is the position)."""
    if before and before[-1] not in _DEFINING and any(w in _STANCE for w in before[-5:]):
        return True  # (a frame that ends in "was" defines the quote already: "his message was: “…”")
    for n in (1, 2, 3):
        if len(before) > n and before[-n - 1] in _DEFINING:
            tail = before[-n:]
            if n == 3:  # "short and simple"; "a narrow one" (an indefinite description: what the quote is)
                tail = tail[::2] if tail[1] == "and" else tail[1:] if tail[0] in ("a", "an") else []
            return bool(tail) and all(w not in _DEFINING and w not in _FRAME_FUNCTION for w in tail)
    return False


def _named_colon(text: str, q) -> bool:
    """A named speaker introduces the quotation with a colon after the speech verb and its
    occasion or audience ("Lindqvist said in her opening statement: “…”", "Fontenot told the
    crowd at the church: “…”"): the frame says what was said there, so the same frame quoting
    other words is a second version of it (the frame's length, six words, keeps "Smith said:"
    out: a speaker says many things)."""
    a = q.attribution
    if a is None or a.position != "before" or a.speaker_kind != "name" or a.shape != "speaker-verb-colon-quote" \
            or a.verb_end >= q.start or not text[a.verb_end:q.start].rstrip().endswith(":"):
        return False
    # an occasion or audience, not a clause of its own ("said the bank's job was the narrow one:")
    between = _words(text[a.verb_end:q.start])
    # (up to ten words: "told the families at the Pineville fire hall Tuesday night:")
    return 0 < len(between) <= 10 and not any(w in _DEFINING or w in _CLAUSE_WORDS for w in between)


#: words that open or carry a clause of reported speech between a verb and a colon
_CLAUSE_WORDS = frozenset("that had has have would will could should can may might must did does do".split())
#: an occasion that is one moment, the opening of something: what a speaker said there is their
#: opening line, one remark ("told Marchenko at the start of their meeting", "in her opening remarks")
_OPENING = regex.compile(
    r"(?<![\p{L}])(?:(?:at|in)[ \u00a0]+the[ \u00a0]+(?:very[ \u00a0]+)?(?:start|outset|beginning|opening)[ \u00a0]+of"
    r"|(?:his|her|their|the)[ \u00a0]+opening[ \u00a0]+(?:remarks|statement|words|address|speech|line)"
    r"|(?:his|her|their)[ \u00a0]+first[ \u00a0]+words)(?![\p{L}])", regex.I)
#: the frame key of an opening-moment attribution (a word no text yields)
_OPENING_MARK = "\u0001"


def _opening_frame(text: str, s_start: int, s_end: int, q) -> tuple | None:
    """A named speaker's attribution of the quotation with an occasion that is an opening moment,
    before the quote ("Whitaker told Marchenko at the start of their meeting that “…”") or after it
    ("“…,” Whitaker told Marchenko at the start of their meeting."): the surname, the verb and the
    occasion, the same frame wherever the quote stands. None for any other attribution."""
    a = q.attribution
    if a is None or a.speaker_kind != "name" or not s_start <= a.speaker_start < s_end:
        return None
    if a.position == "before" and a.verb_end <= q.start:
        occasion = text[a.verb_end:q.start]
    elif a.position == "after" and q.end <= a.speaker_start:
        if _words(text[q.end:a.speaker_start]):
            return None  # words between the quote and its speaker
        occasion = text[a.verb_end:s_end]
    else:
        return None
    if "pen" not in occasion and "rst" not in occasion and "tart" not in occasion and "utset" not in occasion \
            and "eginning" not in occasion:
        return None  # (a cheap test first)
    words = _words(occasion)
    if a.position == "before" and words and words[-1] == "that":
        words.pop()
    if not words or len(words) > 10 or any(w in _CLAUSE_WORDS for w in words) or not _OPENING.search(occasion):
        return None  # an occasion of up to ten words, not a clause of its own
    return (_OPENING_MARK, _words(a.speaker)[-1], *_words(a.verb), *words)


#: the lead-in of a sentence that names one occasion: "At a rally in Denver last month, ",
#: "In a September letter to faculty members, ", "After the vote, " (a preposition, a few words, a comma)
_OCCASION_LEAD = regex.compile(r"(?:At|In|During|On|After|Before|Speaking|Writing|Testifying|Addressing)[ \u00a0]"
                               r"[^,;:“”\"]{6,80}?,[ \u00a0]+")
_OCCASION_MARK = "\u0002"
#: a clause's verb that says what the quote is
_COPULAS = frozenset(("was", "were", "is", "are"))
#: the last word of a that-less clause whose verb the quotation completes: a copula or an auxiliary
#: ("Ellison said the county would “not sell its aquifer”")
_CLAUSE_ENDS = _COPULAS | frozenset(("would", "will", "could", "should", "must", "had", "has", "might"))
#: a one-time occasion between the verb and its that-clause: "told reporters before the session
#: that", "said before the vote that", "told his guests in opening remarks ... that"
_OCCASION_AFTER = regex.compile(r"(?:^|[ \u00a0])(?:before|after|during|at|in|on)[ \u00a0]+(?:the|a|an|his|her|their|its|"
                                r"opening|closing|\p{Lu})")
#: an occasion's lead-in, then a surname saying: "In a brief interview at his dealership, Tate said"
_LEAD_NAME_SAID = regex.compile(_OCCASION_LEAD.pattern + r"(?P<name>\p{Lu}[\p{L}'’\-]+)[ \u00a0]+(?:said|says|told)"
                                r"(?![\p{L}])")


#: words of an occasion's lead-in that name one statement in full (``_statement_frame``)
_LONG_OCCASION = 8
#: verbs that open a clause's predicate after its subject, besides ``_CLAUSE_ENDS`` ("the fund did")
_AUXILIARIES = frozenset("did does do can may shall".split())


def _statement_frame(text: str, s_start: int, s_end: int, q) -> tuple | None:
    """One statement named in full before a named speaker ("In a statement posted to the
    department's website Thursday morning, Vance said the state was “…”" and "..., Vance said the
    state had been “…”"): the occasion (``_LONG_OCCASION`` words or more), the surname, the verb
    and the subject of the clause leading into the quote are the frame, whatever its verb; a
    second quote there is the one statement quoted two ways. None for any other shape."""
    a = q.attribution
    if a is None or a.position != "before" or a.speaker_kind != "name" or "," not in text[s_start:q.start]:
        return None
    lead = _OCCASION_LEAD.match(text, s_start, q.start)
    if lead is None or not lead.end() <= a.speaker_start < a.verb_end <= q.start \
            or text[a.speaker_end:a.verb_start].strip():
        return None
    occasion = _words(lead.group())
    if len(occasion) < _LONG_OCCASION:
        return None
    clause = _words(text[a.verb_end:q.start])
    first = 1 if clause[:1] == ["that"] else 0
    aux = next((i for i, w in enumerate(clause) if w in _CLAUSE_ENDS or w in _AUXILIARIES), None)
    if aux is None or not 1 <= aux - first <= 4:
        return None
    return (_OCCASION_MARK, *occasion, _words(a.speaker)[-1], *_words(a.verb), *clause[first:aux], _MARKER)


#: after a quote, the speaker's second predicate: " and promised to sign it", ", and urged"
_SECOND_PREDICATE = regex.compile(r",?[ \u00a0]+and[ \u00a0]+(?:(?:also|then)[ \u00a0]+)?\p{Ll}+ed[ \u00a0]")


def _occasion_frame(text: str, s_start: int, s_end: int, q) -> tuple | None:
    """A sentence that names one occasion and a named speaker saying that something would be,
    with the quotation as the rest of that clause ("At a rally in Denver last month, Thorne told
    pilots that the union would “…”", "In a video statement, Halvorsen said the allegations were
    “…”"): the whole sentence outside the quote is the frame, so a
    second sentence with the same occasion and the same words up to the quote is the same remark
    quoted two ways. None for any other shape."""
    lead = _OCCASION_LEAD.match(text, s_start, q.start)
    a = q.attribution
    if a is None or a.position != "before" or a.speaker_kind != "name":
        return None
    if lead is None:
        # the occasion after the verb, before its that-clause: "Marsh said before the vote that the
        # report left the council “…”", "Halvorsen told reporters before the session that she had “…”"
        if text[s_start:a.speaker_start].strip(" \u00a0\"“‘'(") or not a.speaker_start < a.verb_end <= q.start:
            return None
        between = text[a.verb_end:q.start]
        that = between.find(" that ")
        before = _words(text[s_start:q.start])
        if that < 0 or not _OCCASION_AFTER.search(between, 0, that + 1) or len(before) < 9:
            return None
        return (_OCCASION_MARK, *before, _MARKER, *_words(text[q.end:s_end]))
    if not lead.end() <= a.speaker_start < a.verb_end <= q.start:
        return None
    clause = _words(text[a.verb_end:q.start])
    predicate = 1 <= len(clause) <= 3 and "that" not in clause and q.inner_end > q.inner_start \
        and text[q.inner_start].islower() and _words(text[q.inner_start:q.inner_end])[:1] != ["to"]
    if ("that" not in clause or clause[-1] == "that") and not (len(clause) >= 2 and clause[-1] in _CLAUSE_ENDS) \
            and not predicate:
        # no that-clause with its own subject and verb leading into the quote; nor one with "that"
        # left out whose verb defines the quote ("In a video statement, Halvorsen said the
        # allegations were “…”"); nor a subject whose predicate the quote is ("In a statement
        # Monday, Trent said Salazar “welcomes the board's review ...”")
        return None
    before = _words(text[s_start:q.start])
    if len(before) < (9 if "that" in clause else 7):
        return None
    # (a second predicate of the speaker after the quote is another thing they did, not part of
    # what frames the quote: "Calloway said the bill “…” and promised to sign it")
    tail = "" if _SECOND_PREDICATE.match(text, q.end, s_end) else text[q.end:s_end]
    return (_OCCASION_MARK, *before, _MARKER, *_words(tail))


#: the frame key of an answer to one question (``_asked_frame``)
_ASKED_MARK = "\u0004"
#: a sentence opening with the question put to its speaker: "Asked what she would tell Orvalia's
#: leaders, Varga said"
_ASKED_LEAD = regex.compile(r"[\s“\"‘'(]*(?:(?:Late|Early|Later|On)[ \u00a0][\p{L}\d ]{3,30},[ \u00a0]+)?"
                            r"(?:Asked|Pressed|Questioned|asked|pressed|questioned)(?:[ \u00a0]again)?[ \u00a0]"
                            r"(?P<q>[^,;:“”\"()]{8,160}),[ \u00a0]+")


def _asked_frame(text: str, s_start: int, s_end: int, q) -> tuple | None:
    """A sentence that opens with the question put to a named speaker, who answers in it ("Asked
    what she would tell Orvalia's leaders, Varga said, “…”"): the question and the surname are
    the frame, so the same question answered with other words elsewhere ("Asked what she would
    tell Orvalia's leaders, Varga said she would demand “…”") is one answer quoted two ways."""
    lead = _ASKED_LEAD.match(text, s_start, q.start)
    a = q.attribution
    if lead is None or a is None or a.position != "before" or a.speaker_kind != "name" \
            or not lead.end() <= a.speaker_start < a.verb_end <= q.start:
        return None
    question = _words(lead.group("q"))
    if len(question) < 3:
        return None
    return (_ASKED_MARK, *question, a.speaker.split()[-1].lower(), _MARKER)


#: a place or body after a speaker's name, then the verb or an appositive ("Raymond Holt of the
#: Eastern District of Virginia, whose office ..., said"; ``ConflictingQuote._frame``)
_OF_PLACE = regex.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}[\p{L}.'’\-]*"
                          r"(?:[ \u00a0]+(?:of|the|and|\p{Lu}[\p{L}.'’\-]*))*?(?:,|[ \u00a0]+(?=\p{Ll}))")
_NEAR_MARK = "\u0003"
#: words that say nothing of a remark's content, for ``_worded_nearly`` (articles, pronouns,
#: prepositions and auxiliaries only: the lexicon's function words also hold "one", "first", "about",
#: "next", which are part of what a remark says: "about one thing: accountability")
_GLUE_WORDS = frozenset("""a an the and or but of to in on at for with by from as is are was were be been it its
this that these those we our us i you he she they them his her their who which what will would can could
has have had do does did""".split())


def _unpossessed(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _worded_nearly(first: tuple, second: tuple) -> bool:
    """Two different quotes that are one remark worded two ways: at least three content words in
    common, and half the content words of the shorter ("no one in this county is above the law,
    and that includes the man who runs the jail" / "nobody in Aldridge County is above the law,
    including the man in charge of the jail")."""
    a = {_unpossessed(w) for w in first if w not in _GLUE_WORDS}
    b = {_unpossessed(w) for w in second if w not in _GLUE_WORDS}
    shared = len(a & b)
    return shared >= 3 and shared * 2 >= min(len(a), len(b))


def _contains(longer: tuple, shorter: tuple) -> bool:
    """``shorter`` is a run of words of ``longer``."""
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


class ConflictingQuote(RuleKind):
    name = "conflicting-quote"
    description = "Flags the same attribution frame quoting two different texts."
    QUOTES_DEFAULT = True
    OPTIONS = {
        "min_frame_words": Option("int", default=6,
                                  doc="the words the two sentences share outside the quotes, at least"),
    }

    def setup(self, options):
        self.min_words = options["min_frame_words"]

    def check(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        source = ctx.article.source
        seen: dict[tuple, tuple] = {}
        for block in ctx.blocks():
            quotes = analysis.quotes_in(block)
            if not quotes:
                continue
            text = block.text
            sentences = analysis.sentences(block)
            starts = [s for s, _ in sentences]
            # the quotations starting in each sentence (quotes_in is in text order)
            by_sentence: dict[int, list] = {}
            for q in quotes:
                i = bisect.bisect_right(starts, q.start) - 1
                if i >= 0 and q.start < sentences[i][1]:
                    by_sentence.setdefault(i, []).append(q)
            for i, inside in by_sentence.items():
                if len(inside) != 1:
                    continue
                s_start, s_end = sentences[i]
                q = inside[0]
                if not q.closed or q.continuation:
                    continue
                frame = _statement_frame(text, s_start, s_end, q) or _opening_frame(text, s_start, s_end, q)
                if frame is None:
                    if self._may_define(text, s_start, q.start) or _named_colon(text, q):
                        frame = self._frame(text, s_start, s_end, q)
                        if sum(1 for w in frame if w not in _NOT_COUNTED) < self.min_words or not self._defines(frame):
                            frame = None
                    # a frame that says what the quote is comes first; else one occasion's that-clause;
                    # else a named speaker's frame, for a quote worded nearly as another in it
                    frame = frame or _occasion_frame(text, s_start, s_end, q) or _asked_frame(text, s_start, s_end, q) \
                        or self._near_frame(text, s_start, s_end, q)
                    if frame is None:
                        continue
                elif len(frame) - 1 < self.min_words:
                    continue
                quoted = tuple(_words(text[q.inner_start:q.inner_end]))
                if not quoted:
                    continue
                earlier = seen.get(frame)
                if earlier is None:
                    offset = block.smap.start(q.start)
                    seen[frame] = (quoted, source.position(offset)[0], text[q.start:q.end])
                    continue
                if earlier[0] == quoted:
                    continue
                if frame[0] in (_OPENING_MARK, _OCCASION_MARK, _ASKED_MARK) \
                        and (_contains(earlier[0], quoted) or _contains(quoted, earlier[0])):
                    continue  # one quotes part of the other: the same opening line
                if frame[0] == _NEAR_MARK and not _worded_nearly(earlier[0], quoted):
                    continue  # two remarks in one frame: only one remark worded two ways conflicts
                shown = self._show(text, s_start, s_end, q, whole=frame[0] in (_OCCASION_MARK, _ASKED_MARK))
                yield Hit(block, q.start, q.end, args={"line": earlier[1], "first": earlier[2], "frame": shown})

    def _near_frame(self, text: str, s_start: int, s_end: int, q) -> tuple | None:
        """A named speaker's frame that does not say what the quote is ("Pierce said in a
        statement that the company “…”"), marked: a second quote in it conflicts only when it is
        the same remark worded another way (``_worded_nearly``), not another remark."""
        a = q.attribution
        if a is None or a.position != "before" or a.speaker_kind not in ("name", "title"):
            return None
        if a.speaker_kind == "title" and self._frame_start(s_start, q, text) == a.speaker_start:
            return None  # a title alone ("the chief executive said"): whose, another paragraph may change
        frame = self._frame(text, s_start, s_end, q)
        if sum(1 for w in frame if w not in _NOT_COUNTED) < self.min_words - 1:
            return None  # (one word fewer than a defining frame: the wording must match as well)
        return (_NEAR_MARK, *frame)

    @staticmethod
    def _may_define(text: str, s_start: int, q_start: int) -> bool:
        """``_defines`` can hold: one of the last five words before the quote is a defining or
        naming word (read from the 80 characters before it, which are enough unless
        they hold fewer than six words: then all of them)."""
        lo = max(s_start, q_start - 80)
        words = _words(text[lo:q_start])
        if lo > s_start and len(words) < 6:
            words = _words(text[s_start:q_start])
        return any(w in _DEFINING or w in _NAMING for w in words[-5:]) or _stance_that(words) \
            or (text[lo:q_start].rstrip().endswith(":") and any(w in _STANCE for w in words[-5:]))

    @staticmethod
    def _defines(frame: tuple) -> bool:
        """The frame names what the quote is ("his message was “…”", "called it “…”"), so a second,
        different quote in the same frame contradicts the first. Two quotes that merely share an
        attribution ("“…,” he told BBC Radio Five Live.") are two remarks, not a conflict."""
        before = frame[:frame.index(_MARKER)]
        if not before:
            return False
        last = before[-1]
        if last in _DEFINING or last == _COLON or _stance_that(before):
            return True  # "his message was “…”", "his message was simple: “…”", "sent a message that “…”"
        return any(w in _NAMING for w in before[-4:-1])  # "called it “…”", "called the decision “…”"

    @staticmethod
    def _frame_start(s_start: int, q, text: str = "", surname: bool = True) -> int:
        """Where the frame starts: at the named speaker of an attribution before the quote (a
        lead-in, "Later, at a news conference, Delgado said …", sets the scene, it does not make
        the remark another one), else at the sentence start ("he said" needs its context)."""
        a = q.attribution
        if a is not None and a.position == "before" and a.speaker_kind in ("name", "title") \
                and s_start <= a.speaker_start < q.start:
            words = a.speaker.split()
            if surname and a.speaker_kind == "name" and len(words) > 1 \
                    and len(a.speaker) == a.speaker_end - a.speaker_start:
                # at the surname: "Marcus Lyle said ..." and a later "Lyle said ..." are one frame
                return a.speaker_end - len(words[-1])
            if surname and a.speaker_kind == "title" and text[a.speaker_end:a.speaker_end + 1] == ",":
                m = _APPOSED_SPEAKER.match(text, a.speaker_end, q.start)
                if m:  # "Veridan's chief executive, Lauren Pierce, said" and a later "Pierce said"
                    return m.start("surname")
            return a.speaker_start
        if a is not None and a.position == "after" and text[q.inner_start:q.inner_end].rstrip().endswith("."):
            a = None  # ('Tate said his only motive was “….” He said ...': the next sentence's speaker)
        if a is None and surname:
            # a speaker named in apposition that the attribution reader does not take: "Thornbury's
            # chief of staff, Marcus Lyle, said the ... : “…”" (the frame starts at the surname)
            m = _APPOSED_SPEAKER.search(text, s_start, q.start)
            if m:
                return m.start("surname")
            # or after a lead-in that sets the scene: "In a brief interview at his dealership, Tate
            # said his only motive was “…”" (the frame starts at the name, as for an attribution)
            m = _LEAD_NAME_SAID.match(text, s_start, q.start)
            if m:
                return m.start("name")
        return s_start

    @classmethod
    def _frame(cls, text: str, s_start: int, s_end: int, q) -> tuple:
        start = cls._frame_start(s_start, q, text)
        a = q.attribution
        if a is not None and a.position == "before" and a.speaker_kind == "name" and a.speaker_start <= start \
                < a.speaker_end < a.verb_start < q.start and (text[a.speaker_end:a.verb_start].lstrip().startswith(",")
                                                               or _OF_PLACE.match(text, a.speaker_end, a.verb_start)):
            # "Dana Whitfield, the president's national security adviser, told reporters that ..." and a
            # later "Whitfield told reporters that ...": one speaker, one frame (the appositive left out;
            # so is the place or body after the name: "U.S. Attorney Raymond Holt of the Eastern
            # District of Virginia, whose office ..., said" and "Holt said")
            before = _words(text[start:a.speaker_end]) + _words(text[a.verb_start:q.start])
        else:
            before = _words(text[start:q.start])
        cut = _stance_cut(before)
        if cut is not None:
            # 'said her goal for the trip was to make sure that “…”' and 'said her goal for the trip was
            # “…”', 'her one demand was simple: “…”' and 'was that the county “…”': what the stance was
            # begins after "was"; one frame
            before = before[:cut]
        elif before and before[-1] == "that" and not _stance_that(before):
            before.pop()  # 'said his message was that “…”' and 'said his message was: “…”' are one frame
            # (not after a stance: 'sent a message that “…”' says what the message was, ``_defines``)
        elif text[start:q.start].rstrip().endswith(":") and (
                _described(before) or before and before[-1] not in _DEFINING and _named_colon(text, q)):
            # "his message was simple: “…”": the colon introduces what it was; "Lindqvist said in
            # her opening statement: “…”": what she said there (a frame ending in "was" is one
            # with 'was that “…”' already)
            before.append(_COLON)
        after = _words(text[q.end:s_end])
        if after and after[0] == "and" and before and (before[-1] in _DEFINING or before[-1] == _COLON
                                                        or text[start:q.start].rstrip().endswith("that")):
            # 'was “a gesture of good faith, not a concession,” and that Garland had asked ...': what
            # follows is another statement; the frame that defines the quote ends with it
            after = []
        return (*before, _MARKER, *after)

    @classmethod
    def _show(cls, text: str, s_start: int, s_end: int, q, whole: bool = False) -> str:
        start = s_start if whole else cls._frame_start(s_start, q, text, surname=False)
        before = " ".join(text[start:q.start].split())
        after = " ".join(text[q.end:s_end].split())
        shown = f"{before} …{(' ' + after) if after else ''}".strip()
        return shown if len(shown) <= 90 else shown[:87] + "..."
