"""Recall on seeded defects: plant one known slip in a real article, see if newslint finds it.

Blind test articles are few and costly to write; a corpus of published
articles is large and clean. This report takes each article of a JSON Lines
corpus, plants one defect of each kind where the article offers a natural
site (a "said" after a quote becomes "claimed", a "U.S." among others
becomes "US", a quote paragraph loses its attribution, a caption repeats the
lede, ...), lints the article before and after, and counts a defect as found
when a finding of the expected pack that the clean article did not have
overlaps the planted text. It prints recall per defect kind and the missed
sites to read::

    python -m newslint.tools.defect_recall corpus.jsonl --misses 5

The titles kinds plant on any sentence shape a reporter writes: ``long-title-run``
moves any post of four or more words set off after a name (a head such as
spokesman, head, founder, economist, analyst, member with its of/for/at/to/with
complement) before the name, unpunctuated; ``unheld-post-swap`` gives a
reference to a post's holder ("the finance minister said", "Hassan said") a post
of the same family that no word of the story can hold ("the interior minister
said").

The pronoun kinds (possessive-flip, object-pronoun-flip, subject-pronoun-flip,
title-pronoun-flip-any) flip one pronoun of a story whose he/she pronouns are all of one gender,
outside quotations and away from any gendered noun of the new gender: wherever it stands, it
now disagrees with whoever it means (hundreds of sites per corpus, in every clause shape).

A miss is not always newslint's fault (a site can be unusual: a "said" that
is not an attribution), so read the misses before changing a rule. The
sites are picked with a fixed seed, so two runs of the same tree agree.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
from collections import defaultdict

from newslint import rx as regex
from newslint.article.source import Source
from newslint.config import Config, Settings
from newslint.engine import Linter
from newslint.plugins.manager import PluginHost
from newslint.article.quotations import ATTRIBUTION_VERBS
from newslint.tools.corpus_report import _block_of


class Site:
    """One planted defect: the new record, where the defect sits (block kind, the
    paragraph's or caption's new text, the span in it) and the packs that should report it."""

    __slots__ = ("kind", "record", "block_kind", "block_text", "start", "end", "packs")

    def __init__(self, kind, record, block_kind, block_text, start, end, packs):
        self.kind, self.record, self.block_kind = kind, record, block_kind
        self.block_text, self.start, self.end, self.packs = block_text, start, end, packs

    @property
    def planted(self) -> str:
        return self.block_text[self.start:self.end]


def _paragraphs(record: dict) -> list[str]:
    return (record.get("body") or "").split("\n\n")


def _with_paragraph(record: dict, index: int, text: str) -> dict:
    paras = _paragraphs(record)
    paras[index] = text
    return dict(record, body="\n\n".join(paras))


def _pick(rng: random.Random, items: list):
    return items[rng.randrange(len(items))] if items else None


def _body_sites(record: dict, pattern) -> list[tuple[int, object]]:
    return [(i, m) for i, p in enumerate(_paragraphs(record)) for m in pattern.finditer(p)]


_QUOTE_LINTER = []


@functools.lru_cache(maxsize=256)
def _quote_spans(para: str) -> tuple:
    """The quotations of a paragraph as newslint reads them (running quotes across sentences,
    unclosed quotes that a new quote mark continues), as (start, end) spans."""
    if not _QUOTE_LINTER:
        _QUOTE_LINTER.append(Linter(PluginHost(load_entry_points=False), Config(), Settings()))
    source = Source(path="quotes.jsonl", text=json.dumps({"id": "q", "headline": "Q", "body": para}) + "\n")
    for article in _QUOTE_LINTER[0].parse(source, "quotes.jsonl", []):
        for block in article.blocks:
            if block.kind == "body" and block.text == para:
                return tuple(article.analysis.quote_spans(block))
    return ()


def _in_quotation(para: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation of its paragraph."""
    return any(start <= pos < end for start, end in _quote_spans(para))


_PROSE_END = regex.compile(r"[.!?…:;\"”’')]\s*$")


def _is_prose(para: str) -> bool:
    """Whether a paragraph reads as copy: a short line with no closing punctuation ("Record March
    13", "Pay April 9 REUTER", a table row) is a data line, not a sentence a style slip can sit in."""
    return bool(_PROSE_END.search(para)) or len(para.split()) > 10


def _replace_in_body(kind, record, rng, pattern, group, replacement, packs, outside_quotes=False, keep=None,
                     prose=False):
    """Replace ``group`` of one random match of ``pattern`` in a body paragraph (with
    ``outside_quotes``, only a match outside quotations; with ``keep(paragraph, match)``, only a
    match it accepts; with ``prose``, only in a paragraph that reads as copy)."""
    sites = _body_sites(record, pattern)
    if outside_quotes or keep or prose:
        paras = _paragraphs(record)
        sites = [(i, m) for i, m in sites
                 if not (outside_quotes and _in_quotation(paras[i], m.start(group)))
                 and (keep is None or keep(paras[i], m)) and (not prose or _is_prose(paras[i]))]
    chosen = _pick(rng, sites)
    if chosen is None:
        return None
    index, m = chosen
    para = _paragraphs(record)[index]
    new = replacement(m) if callable(replacement) else replacement
    s, e = m.span(group)
    text = para[:s] + new + para[e:]
    return Site(kind, _with_paragraph(record, index, text), "body", text, s, s + len(new), packs)


# -- defect kinds -----------------------------------------------------------------------------

_SAID_AFTER_QUOTE = regex.compile(r"[,.?!][”\"] (?:he|she|[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){0,2}) (said)\b")
_SAID_BEFORE = regex.compile(r"(?<=[a-z,] )(?:he|she|[A-Z][\p{L}'-]+) (said) (?=that\b|[“\"])")


def loaded_verb(record, rng):
    verb = _pick(rng, ["claimed", "insisted", "admitted", "conceded"])
    pattern = _SAID_AFTER_QUOTE if rng.random() < 0.5 else _SAID_BEFORE
    other = _SAID_BEFORE if pattern is _SAID_AFTER_QUOTE else _SAID_AFTER_QUOTE
    return (_replace_in_body("loaded-verb", record, rng, pattern, 1, verb, {"attributions"})
            or _replace_in_body("loaded-verb", record, rng, other, 1, verb, {"attributions"}))


#: "said" in other positions: inverted after a quote ('“…,” said Jane Smith'), between two quoted
#: sentences ('“…,” he said. “…”'), before a clause without "that" ('Smith said the plan would fail',
#: 'He said on Tuesday that'), closing reported speech ('The plan will fail, Smith said.')
_SAID_ANYWHERE = regex.compile(
    r"[,?!][”\"] (said) (?:\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2})[.,]"
    r"|[,][”\"] (?:he|she|\p{Lu}[\p{L}'’-]+) (said)\. [“\"]"
    r"|(?:^|(?<=[.!?] ))(?:He|She|\p{Lu}\p{Ll}+) (said) (?:on \p{Lu}\p{Ll}+day )?(?:that )?"
    r"(?=(?:the|he|she|they|it|there|its|his|her|their) (?:[a-z]+ ){0,3}(?:would|will|was|were|is|are|had|has|could|should|must)\b)"
    r"|(?<=\p{Ll}{3}), (?:he|she|\p{Lu}\p{Ll}+) (said)\.$")
#: what is not reported speech although "said" is there: "said to be", "is said"
_SAID_NOT = regex.compile(r"\b(?:is|was|were|are|be|been) said\b|\bsaid to\b")


def loaded_verb_any(record, rng):
    """ "said" in any position becomes a loaded verb ("claimed", "insisted", "admitted",
    "conceded"): after or inside a quote, before a clause, closing reported speech."""
    verb = _pick(rng, ["claimed", "insisted", "admitted", "conceded"])
    sites = [(i, m) for i, m in _body_sites(record, _SAID_ANYWHERE) if not _SAID_NOT.search(m.string)]
    chosen = _pick(rng, sites)
    if chosen is None:
        return None
    index, m = chosen
    group = next(g for g in range(1, 5) if m.start(g) >= 0)
    para = _paragraphs(record)[index]
    s, e = m.span(group)
    text = para[:s] + verb + para[e:]
    return Site("loaded-verb-any", _with_paragraph(record, index, text), "body", text, s, s + len(verb),
                {"attributions"})


_DOUBLABLE = regex.compile(r"(?<= )(the|to|of|and|that|for|with|was|is|in)(?= [a-z])")


def doubled_word(record, rng):
    return _replace_in_body("doubled-word", record, rng, _DOUBLABLE, 1, lambda m: f"{m[1]} {m[1]}",
                            {"mechanics"})


_PARA_END = regex.compile(r"(?<=[a-z])(\.)$")


def space_before_period(record, rng):
    return _replace_in_body("space-before-period", record, rng, _PARA_END, 1, " .", {"mechanics"})


_US = regex.compile(r"\bU\.S\.(?= [a-z])")


def us_mixed(record, rng):
    """One "U.S." of several becomes "US" (AP keeps the periods)."""
    sites = _body_sites(record, _US)
    if len(sites) < 2:
        return None
    index, m = _pick(rng, sites[1:])
    para = _paragraphs(record)[index]
    text = para[:m.start()] + "US" + para[m.end():]
    return Site("us-mixed", _with_paragraph(record, index, text), "body", text, m.start(), m.start() + 2,
                {"usage"})


_STANDALONE_TITLE = regex.compile(
    r"\b[Tt]he (president|governor|mayor|senator|secretary|chancellor|prime minister|chief executive|"
    r"commissioner|superintendent|attorney general)(?= (?:said|told|says|has|had|was|is|will|would)\b)")


def standalone_title_capitalized(record, rng):
    return _replace_in_body("standalone-title-capitalized", record, rng, _STANDALONE_TITLE, 1,
                            lambda m: m[1].title(), {"titles"})


_ATTRIBUTED_QUOTE = regex.compile(
    r"^([“\"][^“”\"]{20,}?)[,]([”\"]),? (?:he|she|[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){0,2}) said\.$")


_SPEECH = regex.compile(r"\b(?:said|says|say|told|tells|added|asked|wrote|writes|stated|reported|according to|"
                        r"argued|explained|noted|recalled|warned|announced|stressed|denied|suggested|"
                        r"criticized|criticised|pointed out|speculated?|insisted|claimed|urged|predicted|"
                        r"described|called|believes?|thinks?|expects?)\b")


def unattributed_quote(record, rng):
    """A quote paragraph loses its attribution, after a paragraph that neither quotes nor
    reports anyone's words (after "Smith said ...", a quote is read as Smith's; after "Fellner
    cautioned that ..." or "Lyng's remarks came in a speech" too: see ``_SPOKEN``)."""
    paras = _paragraphs(record)
    sites = []
    for i, para in enumerate(paras):
        m = _ATTRIBUTED_QUOTE.match(para)
        if (m and i > 0 and not any(c in paras[i - 1] for c in "“”\"")
                and not _SPEECH.search(paras[i - 1]) and not _SPOKEN.search(paras[i - 1])):
            sites.append((i, m))
    chosen = _pick(rng, sites)
    if chosen is None:
        return None
    index, m = chosen
    text = m[1] + "." + m[2]
    return Site("unattributed-quote", _with_paragraph(record, index, text), "body", text, 0, len(text),
                {"attributions"})


# -- unattributed quote paragraphs in many shapes ------------------------------------------------
#
# A quote paragraph loses its attribution, whatever its shape: at the end ('“…,” Smith said.',
# '“…,” said Jane Smith, an analyst at X.'), between two quoted sentences ('“…,” she said. “…”') or
# inside one ('“…,” he said, “and …”'). Each kind names what the paragraph before leaves behind;
# a site is planted only where the result is a quote paragraph no reader can give a speaker:
# - ``uq-after-narrative``: the paragraph before neither quotes nor reports anyone's words;
# - ``uq-after-mention``: the same, and it mentions by name a person the story quotes elsewhere
#   (a mention is not speech);
# - ``uq-after-aside``: the paragraph before quotes or reports someone, then moves on to narrative
#   (its last sentence has no quotation and no speech verb);
# - ``uq-after-group``: the paragraph before ends with a quote of a group ('“…,” analysts said.'):
#   nobody in particular goes on;
# - ``uq-speech-later``: any of those, in a long paragraph that goes on, two sentences or more after
#   the quote, to someone's reported words (BBC's merged paragraphs): not the quote's attribution.
# Two more kinds plant where newslint must stay SILENT ("found" counts false alarms there):
# - ``uq-ok-running``: the attribution is stripped after a paragraph that ends with a quote of the
#   same speaker ('“…,” Collins said.' then '“…”': the wire's running voice);
# - ``uq-ok-paraphrase``: the same, after the same speaker's reported speech ("Collins said the fund
#   had cut its holdings." then '“…”');
# - ``uq-ok-delayed``: the attribution moves to the next paragraph ("That was how Collins put it.").
# Not planted: a bare quote after a closed quote or the paraphrase of someone else. Read alone, the
# text gives it to that speaker (the wire's practice, "“…,” Collins said." then "“…”"), so neither
# a copy editor nor a rule could tell the slip from the convention.

_Q_OPEN, _Q_CLOSE, _Q_IN = "[“\"]", "[”\"]", "[^“”\"\n]"
_UQ_SPEAKER = (r"(?:he|she|[A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){0,3}"
               r"|(?:the|a|an|his|her|its|their) (?:[a-zA-Z.'’-]+ ){0,3}[a-z]+)")
_UQ_VERB = r"(?:said|says|added|adds|explained|told (?:reporters|Reuters|the BBC|[a-z]+))"
#: where the attribution leaves the quote: after it, to the paragraph's end (with an appositive)
_UQ_END = regex.compile(
    rf"^({_Q_OPEN}{_Q_IN}{{25,}}?)[,.]({_Q_CLOSE}),? (?P<who>(?:{_UQ_SPEAKER}) {_UQ_VERB}|{_UQ_VERB} (?:{_UQ_SPEAKER}))"
    rf"(?:, (?:[^“”\"\n.!?]|\.(?! )){{3,90}}?)?\.(?P<rest>(?: \p{{Lu}}[^\n]{{20,}}[.!?”\"])?)$")
#: between two quoted sentences, or inside one
_UQ_MID = regex.compile(
    rf"^({_Q_OPEN}{_Q_IN}{{25,}}?)(?P<stop>[,.])({_Q_CLOSE}),? (?P<who>(?:{_UQ_SPEAKER}) {_UQ_VERB}|{_UQ_VERB} (?:{_UQ_SPEAKER}))"
    rf"(?P<sep>[.,]) ({_Q_OPEN})({_Q_IN}{{20,}}[.?!…]{_Q_CLOSE})$")
_UQ_GROUP = regex.compile(
    rf"[,.?!]{_Q_CLOSE},? (?:(?:some|many|most|other|several|two|three|the) )?(?:[a-z-]+ )?"
    rf"(?:analysts|economists|dealers|traders|officials|residents|experts|critics|observers|sources|bankers|"
    rf"brokers|delegates|diplomats|investors|executives|witnesses|protesters|campaigners|fans|locals|parents|"
    rf"students|workers|industry sources|market sources) (?:said|say|added|agreed)\.$")
_ANY_QUOTE = regex.compile(r"[“”\"]")
#: a sentence break: a stop after a lower-case word or a closing mark (not "U.K. Economist"), a capital after
_BREAK = regex.compile(r"(?<=\p{Ll}{2}[.!?][”\"’')]?|[.!?][”\"’')]) (?=\p{Lu})")
#: a person's name: "Mr Davey", "Jane Smith" (two capitalised words after a lower-case one or a comma)
_PERSON = regex.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\.? \p{Lu}\p{Ll}+|(?<=\p{Ll},? )\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(?! (?:Co|Corp|Inc|Ltd|Bank|Group)\b))")


#: before it: 'Smith said: “…”', 'He added, “…”'
_UQ_BEFORE = regex.compile(
    rf"^(?P<who>(?:{_UQ_SPEAKER}) (?:said|added|told (?:reporters|Reuters|the BBC))(?: on \p{{Lu}}\p{{Ll}}+)?)[:,] "
    rf"({_Q_OPEN}\p{{Lu}}{_Q_IN}{{25,}}[.?!…]{_Q_CLOSE})$")


def _stripped(para: str):
    """(new text, speaker words) of a quote paragraph with its attribution taken out, or None."""
    m = _UQ_MID.match(para)
    if m is not None:
        if m["sep"] == "." or m[7][:1].isupper():  # '“A,” she said. “B.”' -> '“A. B.”'
            text = f"{m[1]}. {m[7]}"
        else:  # '“A,” he said, “and b.”' -> '“A, and b.”'
            text = f"{m[1]}, {m[7]}"
        return text, m["who"]
    m = _UQ_BEFORE.match(para)
    if m is not None:
        return m[2], m["who"]
    m = _UQ_END.match(para)
    if m is not None:
        return f"{m[1]}.{m[2]}{m['rest']}", m["who"]
    return None


def _speaker_word(who: str) -> str:
    """The word that names the speaker in an attribution ("said Jane Smith" -> "smith")."""
    words = [w for w in regex.findall(r"[\p{L}'’-]+", who)
             if w not in ("said", "says", "added", "adds", "explained", "told", "reporters")]
    return words[-1].lower() if words else ""


#: words that report speech or a statement without a speech verb of ``_SPEECH`` ("commented",
#: "sounded a warning", "in an interview"): a paragraph with one may introduce the quote after it
_SPOKEN = regex.compile(r"\b(?:" + "|".join(sorted(ATTRIBUTION_VERBS | {
    "statement", "statements", "speech", "interview", "remarks", "comment", "comments", "commented", "warning",
    "criticism", "criticisms", "conference", "briefing", "testimony", "spoke", "speaking", "told", "view",
    "views", "blames", "blamed", "sees", "expects", "expected", "predicts", "forecast", "forecasts", "believes",
    "thinks", "argues", "hopes", "fears", "feels", "letter", "message", "words", "put it", "asks", "question",
    "questions", "answer", "answers", "reply", "response", "responded", "reaction"}, key=len, reverse=True))
    + r")\b", regex.I)


def _narrative(para: str) -> bool:
    return (not _ANY_QUOTE.search(para) and not _SPEECH.search(para) and not _SPOKEN.search(para)
            and _is_prose(para))


def _quote_sites(record):
    """(index, new text, speaker word, context) of every quote paragraph whose attribution can be
    stripped; context is what the paragraph before leaves behind (see the kinds above)."""
    paras = _paragraphs(record)
    out = []
    for i in range(1, len(paras)):
        para = paras[i]
        if not para[:1] in "“\"" and not (" said" in para or " added" in para or " told" in para):
            continue
        got = _stripped(para)
        if got is None:
            continue
        text, who = got
        later = ""
        if _SPEECH.search(text) or _SPOKEN.search(text):
            # a long paragraph that goes on to someone's words two sentences or more after the
            # quote ('“….” Raynsford also plans savings. … Davies said the IAAF …'): its speech is
            # not the quote's attribution (``uq-speech-later``)
            close = max(text.find("” "), text.find('" ', 1))
            pieces = _BREAK.split(text[close + 2:]) if close > 0 else []
            if len(pieces) < 2 or any(_SPEECH.search(x) or _SPOKEN.search(x) for x in [text[:close + 1], pieces[0]]):
                continue  # another speech word: still attributed
            later = "+later"
        if len(text.split()) < 8:
            continue  # a phrase
        nxt = paras[i + 1] if i + 1 < len(paras) else ""
        first_next = _SENTENCE_END.split(nxt, 1)[0]
        if nxt and not nxt[:1] in "“\"" and _SPEECH.search(first_next):
            continue  # the next paragraph may name the speaker (a delayed attribution)
        before = paras[i - 1]
        if before.rstrip().endswith((":", ",")) or not before.strip():
            continue  # an introduction
        last = _BREAK.split(before.rstrip())[-1]
        speaker = _speaker_word(who)
        if speaker in ("he", "she") and (_PERSON.search(last) or regex.match(r"(?:[\p{L}.]+ ){0,3}\p{Lu}\p{Ll}+ (?:has|had|is|was)\b", last)):
            continue  # an introduction of the person ("Tomas de Hora has watched the movements closely.")
        if _narrative(before):
            # the speaker named in the paragraph before, but not as the subject of its last sentence
            # (there the name may introduce the quote: "Petricioli sounded a warning to the banks.")
            names = {w.lower() for w in regex.findall(r"\p{Lu}\p{Ll}+", before)}
            in_last = {w.lower() for w in regex.findall(r"\p{Lu}\p{Ll}+", " ".join(last.split()[:6]))}
            if speaker and speaker not in ("he", "she") and speaker in names:
                if speaker not in in_last:
                    out.append((i, text, speaker, "mention" + later))
            elif _PERSON.search(before) and speaker not in ("he", "she"):
                out.append((i, text, speaker, "mention" + later))  # someone named who does not speak
            elif not (speaker in ("he", "she") and regex.search(r"\b(?:he|she|his|her)\b", last, regex.I)):
                # (not "he said" after a sentence about a man: he may be the one)
                out.append((i, text, speaker, "narrative" + later))
        elif (_ANY_QUOTE.search(before) or _SPEECH.search(before)) and _narrative(last) and last != before \
                and len(last.split()) >= 8 and not regex.search(r"\b(?:he|she|his|her|they|their|it|its)\b", last, regex.I):
            out.append((i, text, speaker, "aside" + later))
        elif _UQ_GROUP.search(before.rstrip()):
            out.append((i, text, speaker, "group" + later))
        elif before[:1] in "“\"" and speaker:
            prev = _stripped(before)
            if prev is not None and _speaker_word(prev[1]) == speaker and speaker not in ("he", "she") and not later:
                out.append((i, text, speaker, "running"))
        elif not _ANY_QUOTE.search(last) and speaker and not later:
            m = _PARAPHRASE.match(last)
            if m is not None and (m[1].split()[-1].lower() == speaker or m[1] in ("He", "She") and speaker in ("he", "she")):
                out.append((i, text, speaker, "paraphrase"))
    return out


#: reported speech of one speaker opening the last sentence: "Collins said the fund had ...", "He
#: told reporters that ..." (a paraphrase the speaker's own words follow: the wire's practice)
_PARAPHRASE = regex.compile(r"(He|She|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?) (?:also )?(?:said|told reporters|added) (?:that )?"
                            r"(?:the|he|she|it|they|there|its|his|her|their|a|an) ")


_SENTENCE_END = regex.compile(r"(?<=[.!?][”\"’')]?) ")


def _uq_kind(context: str, kind: str):
    def plant(record, rng):
        sites = [s for s in _quote_sites(record) if s[3] == context or context == "+later" and s[3].endswith(context)]
        chosen = _pick(rng, sites)
        if chosen is None:
            return None
        index, text, _, _ = chosen
        return Site(kind, _with_paragraph(record, index, text), "body", text, 0, len(text), {"attributions"})
    plant.__name__ = kind.replace("-", "_")
    return plant


def quote_delayed_attribution(record, rng):
    """A negative: the attribution moves to the next paragraph ("That was how Collins put it.",
    "Those were the words of Collins.", "So says Collins.", ...)."""
    sites = [s for s in _quote_sites(record) if s[3] in ("narrative", "mention")]  # (not "+later")
    chosen = _pick(rng, sites)
    if chosen is None:
        return None
    index, text, speaker, _ = chosen
    m = _UQ_END.match(_paragraphs(record)[index])
    if m is None:
        return None
    who = regex.sub(r"^(?:said|says|added|adds|explained|told \S+(?: the BBC)?) |"
                    r" (?:said|says|added|adds|explained|told \S+(?: the BBC)?)$", "", m["who"])
    if who in ("he", "she") or who[:1].islower():
        return None  # a pronoun or "the official": who it is needs the attribution's own paragraph
    paras = _paragraphs(record)
    paras[index] = text
    template = _pick(rng, ["That was how {} put it.", "That was the message from {}.", "Those were the words of {}.",
                           "So says {}.", "That is the view of {}."])
    paras.insert(index + 1, template.format(who))
    return Site("uq-ok-delayed", dict(record, body="\n\n".join(paras)), "body", text, 0, len(text),
                {"attributions"})


#: kinds where newslint must stay silent: their "found" is a false alarm
NEGATIVE_KINDS = ("uq-ok-running", "uq-ok-paraphrase", "uq-ok-delayed")


_SENTENCE = regex.compile(r"\p{Lu}[^.!?]{40,200}?[.!?](?= \p{Lu}|$)")
#: what comes before a sentence's first letter: the paragraph's start or a stop and a space
_SENTENCE_START = regex.compile(r"(?:^|[.!?][\"”’')]?\s+)$")


def caption_repeats_lede(record, rng):
    paras = [p for p in _paragraphs(record) if p.strip()]
    if not paras:
        return None
    m = _SENTENCE.match(paras[0].strip())
    if m is None:
        return None
    caption = m[0]
    captions = list(record.get("captions") or [])
    captions.append(caption)
    return Site("caption-repeats-lede", dict(record, captions=captions), "caption", caption, 0, len(caption),
                {"captions"})


def caption_repeats_body(record, rng):
    """A caption that repeats a body sentence (not the lede) with its last word dropped."""
    paras = [p for p in _paragraphs(record)[1:] if p.strip() and not any(c in p for c in "“”\"")]
    # a whole sentence: not a tail that starts after a decimal point ("0.6% in January, twice what
    # ..."), and not a list ("Replacements: Fortey, Murphy, Daly, ...")
    sentences = [m[0] for p in paras for m in _SENTENCE.finditer(p)
                 if _SENTENCE_START.search(p, 0, m.start()) and m[0].count(",") + m[0].count(";") < 4]
    sentence = _pick(rng, sentences)
    if sentence is None:
        return None
    words = sentence[:-1].split()
    if len(words) < 8:
        return None
    caption = " ".join(words[:-1])
    captions = list(record.get("captions") or [])
    captions.append(caption)
    return Site("caption-repeats-body", dict(record, captions=captions), "caption", caption, 0, len(caption),
                {"captions"})


_TITLED_FULL_NAME = regex.compile(
    r"\b(President|Gov\.|Sen\.|Rep\.|Mayor|Secretary of State|Prime Minister|Chancellor|Judge) "
    r"(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)\b(?![-'’\p{L}])")


def first_reference_surname(record, rng):
    """The first mention "Gov. Jay Inslee" becomes "Gov. Inslee" (the given name is never written)."""
    body = record.get("body") or ""
    seen = set()
    sites = []
    for index, m in _body_sites(record, _TITLED_FULL_NAME):
        surname = m[3]
        if surname in seen:
            continue
        seen.add(surname)
        first = regex.search(rf"\b{surname}\b", body)
        if first and first.start() == body.find(m[0]) + len(m[1]) + len(m[2]) + 2 and body.count(m[2]) == 1:
            sites.append((index, m))
    chosen = _pick(rng, sites)
    if chosen is None:
        return None
    index, m = chosen
    para = _paragraphs(record)[index]
    new = f"{m[1]} {m[3]}"
    text = para[:m.start()] + new + para[m.end():]
    return Site("first-reference-surname", _with_paragraph(record, index, text), "body", text, m.start(),
                m.start() + len(new), {"titles"})


_TEENS = {10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty", 30: "thirty", 40: "forty",
          50: "fifty"}
_FIGURE = regex.compile(r"(?<=[a-z] )(10|11|12|15|20|30|40|50)(?= (?:people|years|days|weeks|months|"
                        r"miles|countries|states|companies|cases|times|members|students|children)\b)")


def figures_spelled_out(record, rng):
    # not inside a quotation: how a quoted number is written is left to the writer (the numbers
    # pack's spelling rules do not judge quotations)
    return _replace_in_body("figures-spelled-out", record, rng, _FIGURE, 1, lambda m: _TEENS[int(m[1])],
                            {"numbers"}, outside_quotes=True, prose=True)


_SMALL_WORD = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
               "nine": "9"}
_SMALL = regex.compile(r"(?<=[a-z] )(two|three|four|five|six|seven|eight|nine)(?= (?:people|days|weeks|"
                       r"months|countries|states|companies|cases|times|members|children|men|women)\b(?! old\b))")


#: a ratio's second term ("one in three women"): "one in 3" is a form AP allows
_RATIO_HEAD = regex.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:in|out of) $", regex.I)


def small_number_as_figure(record, rng):
    # not an age ("3 months old" takes figures), not a ratio's term and not inside a quotation
    # (see figures_spelled_out)
    return _replace_in_body("small-number-figure", record, rng, _SMALL, 1, lambda m: _SMALL_WORD[m[1]],
                            {"numbers"}, outside_quotes=True, prose=True,
                            keep=lambda para, m: not _RATIO_HEAD.search(para, max(0, m.start() - 20), m.start()))


_DECADE = regex.compile(r"\b(?:19|20)\d0(s)\b")
#: where "1990's" cannot be a year's possessive ("the 1990's strategy" may be the strategy of
#: 1990): after "a"/"an" or "early"/"mid"/"late", or at the end of a clause or before a function word
_DECADE_CLEAR_BEFORE = regex.compile(r"\b(?:an?|early|mid|late)[ -]$", regex.I)
_DECADE_CLEAR_AFTER = regex.compile(
    r"[\"”’']?\s*(?:[.,;:!?)]|$)"
    r"|\s+(?:and|or|to|when|as|until|in|of|with|at|on|for|was|were|is|are|had|but|through|before|after|into)\b")


def _clear_decade(para: str, m) -> bool:
    return bool(_DECADE_CLEAR_BEFORE.search(para[max(0, m.start() - 8):m.start()])
                or _DECADE_CLEAR_AFTER.match(para, m.end()))


def decade_apostrophe(record, rng):
    return _replace_in_body("decade-apostrophe", record, rng, _DECADE, 1, "'s", {"numbers"}, keep=_clear_decade,
                            prose=True)


_TIME = regex.compile(r"(?<![\d:.,])(\d{1,2}) (a\.m\.|p\.m\.)")


def time_format(record, rng):
    style = _pick(rng, ["nodots", "zeros"])

    def new(m):
        return f"{m[1]}{m[2].replace('.', '')}" if style == "nodots" else f"{m[1]}:00 {m[2]}"

    return _replace_in_body("time-format", record, rng, _TIME, 0, new, {"numbers"}, prose=True)


_DATE = regex.compile(r"\b(?:Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|March|April|May|June|July) (\d{1,2})\b"
                      r"(?!,? \d|[.,]\d)")


def date_ordinal(record, rng):
    def ordinal(m):
        n = int(m[1])
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    return _replace_in_body("date-ordinal", record, rng, _DATE, 1, ordinal, {"numbers"}, prose=True,
                            keep=lambda para, m: 1 <= int(m[1]) <= 31)  # not "March 67", a typo


_PAPER = regex.compile(r"(?<=[a-z,] )(The) (?:New York Times|Washington Post|Wall Street Journal|Boston Globe)\b")


def newspaper_name(record, rng):
    return _replace_in_body("newspaper-name", record, rng, _PAPER, 1, "the", {"usage"})


_HE_SAID = regex.compile(r"[,.?!][”\"] (he|she) said\b")


def pronoun_flip(record, rng):
    """One of three or more ``," he said`` (and no ``she``, or the reverse) changes gender."""
    sites = _body_sites(record, _HE_SAID)
    words = {m[1] for _, m in sites}
    if len(sites) < 3 or len(words) != 1:
        return None
    body = record.get("body") or ""
    other = "she" if words == {"he"} else "he"
    if regex.search(rf"\b{other}\b", body, regex.I):
        return None
    return _replace_in_body("pronoun-flip", record, rng, _HE_SAID, 1, other, {"pronouns"})


_APPOSED_LONG = regex.compile(
    r"(?<=(?:^|[.!?] |, | and ))(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+), (?:the|a) ((?:[a-z]+ ){1,3}(?:of|for) [^,;:.“”\"]{3,40}?),")


def long_title_before_name(record, rng):
    """", the deputy director of the agency," after a full name moves before it, unpunctuated."""
    def new(m):
        title = m[2]
        if m.start() == 0 or m.string[m.start() - 2:m.start()] in (". ", "! ", "? "):
            title = title[0].upper() + title[1:]  # opening the sentence
        return f"{title} {m[1]}"
    site = _replace_in_body("long-title-before-name", record, rng, _APPOSED_LONG, 0, new, {"titles"})
    if site is not None:  # the planted span is the moved title and the name
        site.end = site.start + len(site.planted.rstrip())
    return site


_NAMED_SAID = regex.compile(r"(?:^|(?<=\. ))(\p{Lu}\p{Ll}+ said)(?= (?:the|it|that|a|there|he|she|they)\b)")


def anonymous_source(record, rng):
    """A surname that opens a sentence and says something becomes an unnamed source."""
    who = _pick(rng, ["A source said", "An official said", "A person familiar with the matter said"])
    return _replace_in_body("anonymous-source", record, rng, _NAMED_SAID, 1, who, {"attributions"})


_DEFINED = regex.compile(r"\b(?:the )?((?:\p{Lu}\p{Ll}+ )(?:(?:of|for|and|the) |\p{Lu}\p{Ll}+ ){1,5}?\p{Lu}\p{Ll}+) "
                         r"\((\p{Lu}{3,5})\)")


def acronym_undefined(record, rng):
    """ "the Federal Aviation Administration (FAA)" loses its spelling out: "the FAA"."""
    def new(m):
        return ("the " if m[0].startswith("the ") else "") + m[2]
    site = _replace_in_body("acronym-undefined", record, rng, _DEFINED, 0, new, {"usage"})
    if site is not None and site.planted.startswith("the "):
        site.start += 4
    return site


_TITLE_SAID_PRONOUN = regex.compile(
    r"\b[Tt]he (?:president|governor|mayor|secretary|minister|prime minister|chief executive|director|"
    r"chairman|chairwoman|commissioner|senator|judge|coach|manager|spokesman|spokeswoman) "
    r"(?:said|told [a-z]+|added) (?:that )?(he|she|his|her)\b")
_FLIP = {"he": "she", "she": "he", "his": "her", "her": "his"}


def title_pronoun_flip(record, rng):
    """ "The secretary said he" becomes "The secretary said she" (the title-only reference of a
    person the story gives the other pronoun)."""
    return _replace_in_body("title-pronoun-flip", record, rng, _TITLE_SAID_PRONOUN, 1,
                            lambda m: _FLIP[m[1]], {"pronouns"})



# -- titles: long titles before a name, posts nobody holds ------------------------------------

#: heads of a post a reporter sets off after a name and might move before it; not the formal
#: offices AP writes before a name whatever their length ("Secretary of State Antony Blinken",
#: "Director of National Intelligence Avril Haines", "Prime Minister ..."), not a body's leader
#: ("leader of the opposition"), not an ambassador or a minister "of" a portfolio
_RUN_HEADS = ("spokesman", "spokeswoman", "spokesperson", "head", "founder", "co-founder", "director",
              "chairman", "chairwoman", "chief executive", "chief executive officer", "chief economist",
              "economist", "analyst", "strategist", "professor", "lecturer", "editor", "manager", "coach",
              "adviser", "advisor", "lawyer", "member", "executive", "officer", "official", "researcher",
              "partner", "owner", "chief", "trustee", "curator", "producer", "organiser", "organizer",
              "vice president", "vice-president", "vice chairman", "treasurer", "administrator",
              "co-ordinator", "coordinator", "president")
_RUN_HEAD_ALT = "|".join(sorted(_RUN_HEADS, key=lambda h: (-len(h), h)))
#: "Philip Rinaldi, spokesman for the show, said" / "said Tim Renner, head of Universal Music Germany."
_APPOSED_POST = regex.compile(
    r"(?<=(?:^|[.!?][”\"]? |[,;:] |\bsaid |\bsays |\band |\bby |\bwith |\bfrom |\bto |\bthat ))"
    r"(?P<name>\p{Lu}\p{Ll}+(?: \p{Lu}\.)?(?: (?:de|van|von|der|da|al|el|bin|le|la))? \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r", (?:(?P<art>the|a|an) )?"
    r"(?P<title>(?P<mods>(?:[a-z][a-z\-]+ ){0,3})(?P<head>" + _RUN_HEAD_ALT + r") (?P<prep>of|for|at|to|with) "
    r"(?P<comp>[^,;:.()“”\"\d]{3,70}?))(?P<end>,(?! (?:and|or|who|which|but) )|\.(?= |$))")
#: words that make the apposition something else than a post: a verb or a clause, another noun phrase
_NOT_POST = regex.compile(r"\b(?:who|which|that|whose|is|was|are|were|has|have|had|said|says|will|would|"
                          r"and|or|but|since|until|when|where|while|after|before|as|than|both|like|"
                          r"national intelligence|state|staff|the year|the month|the week)\b")
#: modifiers of a post (a rank, a field): not a verb or an adjective of the person
_NOT_MOD = regex.compile(r"\b(?:also|now|then|once|still|himself|herself|whose|who|the|a|an|his|her|its|their|"
                         r"one|two|three|former|later|then-[a-z]+|ex-[a-z]+|late|new|newly|outgoing|incoming|"
                         r"acting|interim|[a-z]+ly)\b")
_NOT_NAME_WORDS = frozenset("The A An In On At For But And Mr Mrs Ms Dr Sir Lord Lady Prof Professor Rev "
                            "President Minister Secretary Mayor Governor Senator Judge Justice Chief "
                            "King Queen Prince Princess Pope Saint St Mount Lake River Fort Port Cape "
                            "North South East West New Old Great United Royal".split())


def _apposed_post_site(para: str, m) -> bool:
    """An honest site: a person's name set off by a post of four or more words with a
    complement (not a clause, not a list), the name not already a title's, outside quotations."""
    title = m["title"]
    words = title.split()
    if len(words) < 4 or len(words) > 10 or _NOT_POST.search(m["comp"]) or _NOT_MOD.search(m["mods"]):
        return False
    if m["head"] == "president" and not m["mods"]:
        return False  # "President of France": a formal office before a name
    first = m["name"].split()[0]
    if first in _NOT_NAME_WORDS or _in_quotation(para, m.start()):
        return False
    if m["end"] == "," and not regex.match(r" \p{Ll}", para[m.end():]):
        return False  # "Merrill Lynch Pierce, Fenner and Smith": the post's organisation goes on
    if regex.search(r"(?<![\w\-])(?:[a-z]+ed|told|tells|says|said)\b", m["comp"]):
        return False  # a verb: the apposition is a clause ("... Exporters told Reuters")
    if m["end"] == "," and regex.match(r" (?:a|an|the|his|her|its|their)\b", para[m.end():]):
        return False  # "John Palmer, political director at the Centre, a think-tank": nested appositions
    before = para[max(0, m.start() - 40):m.start()]
    if regex.search(r"\b(?:the|a|an|his|her|its|their|and|of|for|at|to|by)\s+$", before) and \
            not regex.search(r"\b(?:said|says|told|according to)\s+$", before):
        # "the show's producer and" / "a letter to": only a sentence start, ", ", "said" and the like
        if not regex.search(r"(?:^|[.!?;:,][”\"]?)\s*$", before):
            return False
    return True


def long_title_run(record, rng):
    """A post of four or more words set off after a name ("Philip Rinaldi, spokesman for the show,
    said") moves before it, unpunctuated ("Spokesman for the show Philip Rinaldi said") -- any
    head, any complement, the article dropped."""
    def new(m):
        title = m["title"]
        opening = m.start() == 0 or regex.search(r"[.!?][”\"]? $", m.string[max(0, m.start() - 3):m.start()])
        if opening:
            title = title[0].upper() + title[1:]
        return f"{title} {m['name']}" + ("" if m["end"] == "," else m["end"])
    site = _replace_in_body("long-title-run", record, rng, _APPOSED_POST, 0, new, {"titles"},
                            keep=_apposed_post_site, prose=True)
    if site is not None:  # the planted span: the moved title and the name
        site.end = site.start + len(site.planted.rstrip(". "))
    return site


#: one-holder posts and a post of the same family nobody else holds, to swap in
_POST_FAMILIES = (
    ("finance minister", "foreign minister", "defence minister", "defense minister", "interior minister",
     "health minister", "justice minister", "trade minister", "energy minister", "oil minister",
     "agriculture minister", "economy minister", "education minister", "labour minister", "labor minister"),
    ("foreign secretary", "home secretary", "health secretary", "defence secretary", "education secretary",
     "culture secretary", "transport secretary", "environment secretary", "trade secretary",
     "treasury secretary", "defense secretary", "commerce secretary", "agriculture secretary",
     "energy secretary", "labor secretary"),
    ("mayor", "deputy mayor"), ("governor", "lieutenant governor"), ("president", "vice president"),
    ("prime minister", "deputy prime minister"), ("attorney general", "solicitor general"),
    ("chief executive", "chief financial officer", "chief operating officer", "chairman", "general manager"),
    ("chairman", "chief executive", "chief financial officer", "chief operating officer", "general manager"),
    ("general manager", "chief executive", "chief financial officer", "chairman"),
    ("district attorney", "county executive", "sheriff"), ("chief justice", "attorney general"),
    ("house speaker", "majority leader", "minority leader"), ("premier", "deputy premier"),
    ("police chief", "fire chief"), ("sheriff", "undersheriff"),
)
#: offices a British reader needs no name for (the uk profile's ``allow``): never swapped in
_NAMELESS_OFFICES = frozenset({"foreign secretary", "home secretary", "deputy prime minister"})
_FAMILY_OF = {}
for _family in _POST_FAMILIES:
    for _post in _family:
        _FAMILY_OF.setdefault(_post, []).extend(p for p in _family if p != _post and p not in _FAMILY_OF[_post]
                                                and p not in _NAMELESS_OFFICES)
_POST_ALT = "|".join(sorted(_FAMILY_OF, key=lambda h: (-len(h), h)))
#: "the finance minister said" as a title-only reference: "the" + the post, no name after it
_TITLE_ONLY = regex.compile(r"(?<![\w'’\-])(?P<the>[Tt]he(?: (?:company|bank|firm|group|club|party|team|union|"
                            r"agency|airline|ministry|council|city|county|state|country|government|board)['’]s)?) "
                            r"(?P<post>" + _POST_ALT + r")(?=, who | (?:(?:also|later|then|now) )?(?:said|says|told|"
                            r"tells|added|announced|warned|urged|argued|insisted|conceded|confirmed|described|"
                            r"defended|declined|denied)\b)")


def _holder_named(body: str, post: str) -> bool:
    """The story names the post's holder: the post before a name ("Finance Minister Ali Hassan",
    "finance minister Ali Hassan") or set off after one ("Ali Hassan, the finance minister,")."""
    p = regex.escape(post).replace(r"\ ", r"[ \-]")
    return bool(regex.search(rf"(?i:{p}) \p{{Lu}}\p{{Ll}}+ \p{{Lu}}\p{{Ll}}+|\p{{Lu}}\p{{Ll}}+ \p{{Lu}}\p{{Ll}}+, "
                             rf"(?:the |[\p{{Lu}}][\p{{L}}.]+['’]s )?(?i:{p})\b", body))


#: a later reference by surname that opens a sentence and says something: "Hassan said", "Mr Hassan told"
_SURNAME_SAYS = regex.compile(r"(?:^|(?<=[.!?][”\"]? ))(?P<ref>(?:(?:Mr|Mrs|Ms|Dr)\.? )?(?P<surname>\p{Lu}\p{Ll}+)) "
                              r"(?=(?:said|told|added|says|warned|announced|insisted|argued)\b)")


def unheld_post_swap(record, rng):
    """A reference to a post's holder becomes a post of the same family nobody in the story holds:
    "the finance minister said" (after the story names its finance minister) becomes "the interior
    minister said", or "Hassan said" (Finance Minister Ali Hassan) becomes "The interior minister
    said". No word of the new post appears anywhere in the story, so nobody there can hold it."""
    body = record.get("body") or ""
    lower = body.lower()
    paras = _paragraphs(record)
    sites = []
    for i, m in _body_sites(record, _TITLE_ONLY):
        post = m["post"].lower()
        if _holder_named(body, post) and not _in_quotation(paras[i], m.start()) and _is_prose(paras[i]):
            sites.extend((i, m.span("post"), o) for o in _FAMILY_OF[post] if _free_post(lower, o))
    held = _held_posts(body)
    for i, m in _body_sites(record, _SURNAME_SAYS):
        post = held.get(m["surname"])
        if post and not _in_quotation(paras[i], m.start()) and _is_prose(paras[i]) and i > 0:
            sites.extend((i, m.span("ref"), o) for o in _FAMILY_OF[post] if _free_post(lower, o))
    chosen = _pick(rng, sites)
    if chosen is None:
        return None
    index, (s, e), other = chosen
    para = paras[index]
    if para[s:e][:1].isupper() and (s == 0 or para[s - 2:s].rstrip()[-1:] in ".!?”\""):
        new = f"The {other}"  # "Hassan said" -> "The interior minister said"
    elif para[s:e][:1].isupper() and para[s:e].split()[0] not in ("Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."):
        new = other if para[max(0, s - 4):s].lower().endswith("the ") else f"the {other}"
    else:
        new = other
    text = para[:s] + new + para[e:]
    start = s + (4 if new.startswith(("The ", "the ")) else 0)
    return Site("unheld-post-swap", _with_paragraph(record, index, text), "body", text, start, s + len(new),
                {"titles"})


def _held_posts(body: str) -> dict:
    """Surname -> one-holder post the story gives that person ("Finance Minister Ali Hassan", "Ali
    Hassan, the finance minister,"); a surname two people share, or a person with two posts, is left out."""
    found: dict = {}
    for m in _HOLDER.finditer(body):
        post = (m["p1"] or m["p2"]).lower().replace("-", " ")
        surname = m["s1"] or m["s2"]
        if post in _FAMILY_OF:
            found.setdefault(surname, set()).add(post)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


_HOLDER = regex.compile(r"(?i:(?P<p1>" + _POST_ALT.replace(" ", "[ \\-]") + r")) \p{Lu}\p{Ll}+ (?P<s1>\p{Lu}\p{Ll}+)\b"
                        r"|\p{Lu}\p{Ll}+ (?P<s2>\p{Lu}\p{Ll}+), (?:the |\p{Lu}[\p{L}.]+['’]s )?"
                        r"(?P<p2>" + _POST_ALT.replace(" ", "[ \\-]") + r")\b")


def _free_post(lower_body: str, post: str) -> bool:
    """Nobody in the story can hold ``post``: the post is nowhere in it, nor a portfolio's word
    ("interior" for "interior minister"); a rank may stand elsewhere ("deputy leader" beside "the
    deputy mayor")."""
    if regex.search(r"\b" + regex.escape(post).replace(r"\ ", r"[ \-]"), lower_body):
        return False
    words = [w for w in post.split() if w not in ("minister", "secretary", "mayor", "governor", "president",
                                                  "chief", "general", "officer", "executive", "deputy", "vice",
                                                  "lieutenant", "under", "prime", "manager", "attorney")]
    return not any(regex.search(rf"\b{regex.escape(w)}", lower_body) for w in words)
# -- general pronoun agreement: many clause shapes ------------------------------------------------
#
# A story that gives every he/him/his of its copy to men (or every she/her to women) and never uses
# the other gender's pronouns has one pronoun flipped: wherever it stands (a possessive, an object,
# a subject in any clause, the sentence after the one that names the person, a clause about a
# title standing alone), whoever it refers to is someone the story gives the other pronoun. Sites
# are honest only where no one of the new gender could be meant: the story has at least three
# pronouns of the old gender and none of the new one, and the site's paragraph and the one before
# it hold no gendered noun of the new gender ("his wife", "the woman", "Mrs", "Queen").

_GENDER_WORDS = {
    "he": regex.compile(r"\b(?i:he|him|his|himself)\b"),
    "she": regex.compile(r"\b(?i:she|her|hers|herself)\b"),
}
_GENDERED_NOUNS = {
    "he": regex.compile(r"\b(?i:man|men|boys?|father|fathers|dad|husband|sons?|brothers?|uncle|nephew|grandson|"
                        r"grandfather|boyfriend|widower|kings?|princes?|lords?|sir|mr|gentlem[ae]n|actors?|"
                        r"\w+man|\w+men|duke|monks?|priests?|pope|emperor|sultan|sheikh|emir|bishop)\b\.?"),
    "she": regex.compile(r"\b(?i:woman|women|girls?|mothers?|mum|mom|wife|wives|daughters?|sisters?|aunt|niece|"
                         r"granddaughter|grandmother|girlfriend|widow|queens?|princess(?:es)?|lady|ladies|dame|"
                         r"mrs|ms|miss|actress(?:es)?|\w+woman|\w+women|duchess|nuns?|empress|baroness|"
                         r"heroine|hostess|waitress)\b\.?"),
}
_OTHER_GENDER = {"he": "she", "she": "he"}


def _one_gender(record: dict) -> str | None:
    """The gender all of the story's he/she pronouns have (at least three, none of the other), or None."""
    body = record.get("body") or ""
    he = len(_GENDER_WORDS["he"].findall(body))
    she = len(_GENDER_WORDS["she"].findall(body))
    if he >= 3 and not she:
        return "he"
    if she >= 3 and not he:
        return "she"
    return None


def _flip_word(word: str, new: str) -> str:
    return new[0].upper() + new[1:] if word[:1].isupper() else new


def _plant_flip(kind: str, record, rng, patterns: dict, flips: dict, keep=None):
    """Flip one pronoun matched by ``patterns[gender]`` (group 1) in a one-gender story."""
    gender = _one_gender(record)
    if gender is None:
        return None
    target = _OTHER_GENDER[gender]
    paras = _paragraphs(record)
    sites = []
    for i, para in enumerate(paras):
        if _GENDERED_NOUNS[target].search(para) or (i > 0 and _GENDERED_NOUNS[target].search(paras[i - 1])):
            continue
        if not _is_prose(para):
            continue
        for m in patterns[gender].finditer(para):
            if _in_quotation(para, m.start(1)) or (keep is not None and not keep(para, m)):
                continue
            sites.append((i, m))
    chosen = _pick(rng, sites)
    if chosen is None:
        return None
    index, m = chosen
    para = paras[index]
    new = _flip_word(m[1], flips[m[1].lower()])
    s, e = m.span(1)
    text = para[:s] + new + para[e:]
    return Site(kind, _with_paragraph(record, index, text), "body", text, s, s + len(new), {"pronouns"})


#: a word right after a pronoun that makes "her" an object ("told her to", "asked her.")
_OBJECT_NEXT = r"(?=[.,;:!?]|[ ](?:to|with|for|in|on|at|as|from|into|that|and|about|after|before|if|when|over)\b)"
_NOT_GENERIC = r"(?<!\bor )(?<!/)(?![ ]or\b)(?!/)"

_POSSESSIVE_SITES = {
    "he": regex.compile(_NOT_GENERIC + r"\b(his)\b" + _NOT_GENERIC + r"(?= (?:own )?[a-z]{3,})"),
    "she": regex.compile(_NOT_GENERIC + r"\b(her)\b" + _NOT_GENERIC
                         + r"(?= (?:own )?(?!(?:to|with|for|in|on|at|as|from|into|that|and|about|after|before|if|"
                           r"when|over|the|a|an|was|is|had|has|would|will|up|out|off|down|back|away|again|how|"
                           r"what|who|why|not|this|it)\b)[a-z]{3,})"),
}


def possessive_flip(record, rng):
    """A his/her before a noun ("his team", "her own", "his office") flips in a one-gender story."""
    return _plant_flip("possessive-flip", record, rng, _POSSESSIVE_SITES, {"his": "her", "her": "his"})


_OBJECT_SITES = {
    "he": regex.compile(_NOT_GENERIC + r"\b(him|himself)\b" + _NOT_GENERIC),
    # an object "her": after a verb or a preposition and before a stop or a preposition ("told her
    # to", "thanked her.", "with her in"); "herself" anywhere
    "she": regex.compile(_NOT_GENERIC + r"(?:(?<=\b(?:[a-z]+ed|told|gave|made|let|saw|sent|met|called|asked|"
                         r"thanked|urged|helped|forced|allowed|left|took|brought|beat|to|for|with|by|of|"
                         r"against|about|from|on|at) )(?=her\b" + _OBJECT_NEXT + r")|(?=herself\b))"
                         r"\b(her|herself)\b"),
}


def object_pronoun_flip(record, rng):
    """A him/her/himself/herself as an object flips in a one-gender story."""
    flips = {"him": "her", "himself": "herself", "her": "him", "herself": "himself"}
    return _plant_flip("object-pronoun-flip", record, rng, _OBJECT_SITES, flips)


_SUBJECT_SITES = {
    "he": regex.compile(r"(?<![”\"] )" + _NOT_GENERIC + r"\b([Hh]e)\b" + _NOT_GENERIC + r"(?![\'’])"),
    "she": regex.compile(r"(?<![”\"] )" + _NOT_GENERIC + r"\b([Ss]he)\b" + _NOT_GENERIC + r"(?![\'’])"),
}


def subject_pronoun_flip(record, rng):
    """A he/she in any clause but an attribution closing a quote (that is ``pronoun-flip``) flips in a
    one-gender story: "He was ...", "..., when he arrived", "... said he would"."""
    return _plant_flip("subject-pronoun-flip", record, rng, _SUBJECT_SITES, {"he": "she", "she": "he"})


_TITLE_ONLY_REF = regex.compile(
    r"\b[Tt]he (?:(?:former|deputy|acting|interim|foreign|prime|home|finance|defence|defense|health|"
    r"chief|head|shadow|vice|[A-Z][a-z]+|[a-z]+['’]s) )?(?:president|prime minister|minister|secretary|"
    r"chancellor|manager|coach|chief executive|boss|chairman|chairwoman|director|governor|mayor|senator|"
    r"judge|leader|captain|commissioner|ambassador|spokesman|spokeswoman|premier|president-elect|"
    r"governor-elect|executive|founder|owner|striker|midfielder|defender|goalkeeper|player|singer|actor|"
    r"actress|star|presenter|author|chief|head)\b(?![-'’])")
_ANY_PRONOUN = {
    "he": regex.compile(_NOT_GENERIC + r"\b(he|He|his|His|him|himself)\b" + _NOT_GENERIC),
    "she": regex.compile(_NOT_GENERIC + r"\b(she|She|her|Her|herself)\b" + _NOT_GENERIC),
}


def title_pronoun_flip_any(record, rng):
    """The first pronoun after a title standing alone ("the prime minister", "the manager"), in the
    same sentence or the next one of the paragraph, flips in a one-gender story, whatever the clause
    shape: "The minister, who ..., said his", "Asked ..., the coach said he", "The manager ... . He"."""
    def keep(para, m):
        before = para[max(0, m.start() - 260):m.start()]
        t = None
        for t in _TITLE_ONLY_REF.finditer(before):
            pass
        if t is None or before[-2:-1] in ("”", '"'):
            return False  # (an attribution closing a quote is ``pronoun-flip``'s)
        if _in_quotation(para, max(0, m.start() - 260) + t.start()):
            return False
        between = before[t.end():]
        # at most one sentence break between them, and no other pronoun of the gender between
        return between.count(". ") <= 1 and not _ANY_PRONOUN["he"].search(between) \
            and not _ANY_PRONOUN["she"].search(between)
    flips = {"he": "she", "his": "her", "him": "her", "himself": "herself", "she": "he", "herself": "himself"}
    site = _plant_flip("title-pronoun-flip-any", record, rng, _ANY_PRONOUN,
                       {**flips, "her": "his"}, keep=keep)
    if site is not None and site.planted.lower() == "his":
        # "her" flipped to "his" is right only for a possessive; an object "her" becomes "him"
        text = site.block_text
        if regex.match(r"[.,;:!?]|[ ](?:to|with|for|in|on|at|as|from|into|that|and|about|after|before|if|"
                       r"when|over|the|a|an)\b", text[site.end:]):
            new = _flip_word(site.planted, "him")
            text = text[:site.start] + new + text[site.end:]
            index = _paragraphs(site.record).index(site.block_text)
            site = Site(site.kind, _with_paragraph(site.record, index, text), "body", text, site.start,
                        site.start + len(new), site.packs)
    return site


KINDS = {
    "loaded-verb": loaded_verb,
    "loaded-verb-any": loaded_verb_any,
    "doubled-word": doubled_word,
    "space-before-period": space_before_period,
    "us-mixed": us_mixed,
    "standalone-title-capitalized": standalone_title_capitalized,
    "unattributed-quote": unattributed_quote,
    "uq-after-narrative": _uq_kind("narrative", "uq-after-narrative"),
    "uq-after-mention": _uq_kind("mention", "uq-after-mention"),
    "uq-after-aside": _uq_kind("aside", "uq-after-aside"),
    "uq-after-group": _uq_kind("group", "uq-after-group"),
    "uq-speech-later": _uq_kind("+later", "uq-speech-later"),
    "uq-ok-running": _uq_kind("running", "uq-ok-running"),
    "uq-ok-paraphrase": _uq_kind("paraphrase", "uq-ok-paraphrase"),
    "uq-ok-delayed": quote_delayed_attribution,
    "caption-repeats-lede": caption_repeats_lede,
    "caption-repeats-body": caption_repeats_body,
    "first-reference-surname": first_reference_surname,
    "figures-spelled-out": figures_spelled_out,
    "small-number-figure": small_number_as_figure,
    "decade-apostrophe": decade_apostrophe,
    "time-format": time_format,
    "date-ordinal": date_ordinal,
    "newspaper-name": newspaper_name,
    "pronoun-flip": pronoun_flip,
    "title-pronoun-flip": title_pronoun_flip,
    "long-title-before-name": long_title_before_name,
    "anonymous-source": anonymous_source,
    "acronym-undefined": acronym_undefined,
    "long-title-run": long_title_run,
    "unheld-post-swap": unheld_post_swap,
    "possessive-flip": possessive_flip,
    "object-pronoun-flip": object_pronoun_flip,
    "subject-pronoun-flip": subject_pronoun_flip,
    "title-pronoun-flip-any": title_pronoun_flip_any,
}

# -- linting ----------------------------------------------------------------------------------


def _located(linter: Linter, record: dict):
    """(block kind, block text, start, end, finding) of each finding on one record."""
    source = Source(path="seeded.jsonl", text=json.dumps(record, ensure_ascii=False) + "\n")
    errors: list = []
    out = []
    for article in linter.parse(source, "seeded.jsonl", errors):
        base = linter.config.settings_for("seeded.jsonl")
        for finding in linter.lint_article(article, base, errors):
            first = _block_of(article, finding.offset)
            if first is None:
                continue
            block, start = first
            last = _block_of(article, finding.offset + finding.length)
            end = last[1] if last and last[0] is block else start + len(finding.match)
            out.append((block.kind, block.text, start, max(end, start + 1), finding))
    return out


def _key(item) -> tuple:
    kind, text, start, end, finding = item
    return finding.rule, kind, text, start, end


def found(linter: Linter, site: Site, before: set) -> list:
    """The new findings of an expected pack that overlap the planted text."""
    hits = []
    for item in _located(linter, site.record):
        kind, text, start, end, finding = item
        if _key(item) in before or finding.pack not in site.packs or kind != site.block_kind:
            continue
        if text.strip() != site.block_text.strip():
            continue
        shift = text.find(site.block_text.strip()) if text != site.block_text else 0
        if start < site.end + shift and end > site.start + shift:
            hits.append(finding)
    return hits


def run(path: str, linter: Linter, kinds: list[str], seed: int = 0, limit: int | None = None):
    """Per kind: (sites, found, [missed Site]) (for ``NEGATIVE_KINDS``, the flagged sites)."""
    tally = defaultdict(lambda: [0, 0, []])
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                break
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if not isinstance(record, dict) or not record.get("body"):
                continue
            before = None
            for kind in kinds:
                rng = random.Random(f"{seed}:{record.get('id', n)}:{kind}")
                site = KINDS[kind](record, rng)
                if site is None:
                    continue
                if before is None:
                    before = {_key(item) for item in _located(linter, record)}
                entry = tally[kind]
                entry[0] += 1
                hit = bool(found(linter, site, before))
                entry[1] += hit
                if hit == (kind in NEGATIVE_KINDS):  # a miss, or a false alarm on a planted non-defect
                    entry[2].append((record.get("id", str(n)), site))
    return tally


def _context(site: Site, width: int = 90) -> str:
    a, b = max(0, site.start - width), min(len(site.block_text), site.end + width)
    text = site.block_text
    return " ".join(f"{text[a:site.start]}»{text[site.start:site.end]}«{text[site.end:b]}".split())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m newslint.tools.defect_recall",
                                description="Plant known defects in real articles and report newslint's recall.")
    p.add_argument("corpus", help="a .jsonl file: one article per line (id, headline, body, captions)")
    p.add_argument("--profile", help="house-style profile (default: ap)")
    p.add_argument("--kinds", help=f"comma-separated defect kinds (default: all): {', '.join(KINDS)}")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=int, help="only the first N articles")
    p.add_argument("--misses", type=int, default=3, metavar="N", help="missed sites to print per kind")
    p.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    args = p.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else list(KINDS)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        p.error(f"unknown defect kind(s): {', '.join(unknown)}")
    linter = Linter(PluginHost(load_entry_points=not args.no_plugins), Config(), Settings(profile=args.profile))
    tally = run(args.corpus, linter, kinds, args.seed, args.limit)
    total_sites = total_found = 0
    print(f"{'defect':<30} {'sites':>6} {'found':>6} {'recall':>7}")
    for kind in kinds:
        sites, hits, _ = tally[kind]
        if kind in NEGATIVE_KINDS:  # a planted non-defect: what is "found" is a false alarm
            print(f"{kind:<30} {sites:>6} {hits:>6} {'(false alarms; want 0)':>7}")
            continue
        total_sites += sites
        total_found += hits
        recall = f"{100 * hits / sites:.0f}%" if sites else "-"
        print(f"{kind:<30} {sites:>6} {hits:>6} {recall:>7}")
    if total_sites:
        print(f"{'all':<30} {total_sites:>6} {total_found:>6} {100 * total_found / total_sites:>6.0f}%")
    if args.misses:
        for kind in kinds:
            missed = tally[kind][2]
            if missed:
                what = "false alarms on" if kind in NEGATIVE_KINDS else "missed"
                print(f"\n{what} {kind} ({len(missed)}):")
                for name, site in missed[:args.misses]:
                    print(f"- [{name}] {_context(site)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
