"""Pass 3 of the build (step 4): title-only references ("the secretary", "the Israeli prime
minister"), linked only when exactly one person holds a matching title.
"""

from __future__ import annotations

import re as _re

from newslint.article import lexicon as L
from newslint.article.cast.model import Mention, _norm_qualifier, TitleRef
from newslint.article.cast.patterns import (
    _AUX_AFTER, _CAP_AFTER_T, _FULL_ORG_NAME, _JOB_WORD_BEFORE, _LONG_TITLE_BEFORE, _NAME_NEXT, _ORG_AFTER_T,
    _ORG_NAME_NOUNS, _ORG_PHRASE_END, _PAST_AFTER, _PHRASE_HEADS, _SAID_BEFORE, _VERB_AFTER_T, _WEAK_APPOSITIVE, _WEAK_REF,
    _WEAK_REF_AFTER, _WEAK_REF_RUNS, _WEAK_REF_WORDS, _WHO_ASIDE, _WHOSE_ASIDE_THEN_WORD,
)
from newslint.article.cast.titles import parse_title
from newslint.article.cast.names import _lowered

#: the heads of posts a story may name by the post's own lower-case words ("the state health
#: commissioner", "the county elections director"; ``find_domain_title_refs``)
_DOMAIN_HEADS = frozenset({"commissioner", "secretary", "minister", "director", "treasurer", "superintendent",
                           "administrator", "auditor", "comptroller", "controller", "coordinator", "inspector",
                           "officer", "chief", "chair", "chairman", "chairwoman", "president", "attorney",
                           "prosecutor", "manager", "ombudsman", "epidemiologist", "examiner", "marshal"})
_POSSESSIVE_END = _re.compile(r"['’]s?$")


class _TitleRefs:
    """Pass 3: title-only references."""

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
                    person = before[0] if len(before) == 1 else self._paragraph_holder(block.index, s, before)
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
        self.find_domain_title_refs(holders)

    def find_domain_title_refs(self, holders):
        """"The state health commissioner said": "the" and the last two or three lower-case words of
        a post the story gives someone ("Dr. Linda Osei, the state health commissioner,"), when those
        words are that one person's ("the health commissioner" is nobody's when the city has one too:
        "Dr. Paul Menendez, the city's health commissioner"). The reference reader takes only capitalised
        qualifiers and known modifiers before a head; a post's own lower-case words name it as well."""
        phrases: dict = {}  # "state health commissioner" -> {id(person): person}
        for p, titles in holders:
            for t in titles:
                if t.former or t.block is None or t.head.split()[-1] not in _DOMAIN_HEADS:
                    continue
                words = [_POSSESSIVE_END.sub("", w) for w in t.text.lower().split(" of ")[0].split(" for ")[0].split()]
                if not words or words[-1] != t.head.split()[-1]:
                    continue
                # the short forms of a portfolio in the complement: "minister of international trade"
                # answers to "the trade minister" (``_heads_for``)
                for h in t.heads:
                    if 1 <= h.count(" ") <= 2 and h.split()[-1] == words[-1] and h.replace(" ", "").isalpha() \
                            and h.split()[0] not in L.FUNCTION_WORDS:
                        phrases.setdefault(h, {})[id(p)] = p
                if len(words) < 2 or not all(w.isalpha() for w in words):
                    continue
                for k in (2, 3):
                    if len(words) >= k and not any(w in L.STATUS_MODIFIERS or w in L.FUNCTION_WORDS
                                                   for w in words[-k:-1]):
                        phrases.setdefault(" ".join(words[-k:]), {})[id(p)] = p
        phrases = {ph: next(iter(ps.values())) for ph, ps in phrases.items() if len(ps) == 1}
        if not phrases:
            return
        for block in self.blocks:
            if block.kind == "headline":
                continue
            text = block.text
            low = _lowered(text)[0]
            if len(low) != len(text):
                continue
            for phrase, person in phrases.items():
                at = low.find("the " + phrase)
                while at >= 0:
                    e = at + 4 + len(phrase)
                    if (at == 0 or not (low[at - 1].isalnum() or low[at - 1] in "'’-")) \
                            and not (e < len(low) and (low[e].isalnum() or low[e] in "-'’")) \
                            and text[at + 4:e].islower() and not self.is_claimed(block.index, at, e) \
                            and not (_ORG_AFTER_T.on(text).match(text, e) or _CAP_AFTER_T.on(text).match(text, e)):
                        ref = TitleRef(text[at:e], block.index, at, e, phrase, [], False, capitalized=False,
                                       sentence=self.sentence_index(block, at), quoted=self.in_quote(block, at, e),
                                       candidates=[person], person=person)
                        self.cast.title_refs.append(ref)
                        self.claim(block.index, at, e)
                        person.mentions.append(Mention("title", block.index, at, e, ref.text, None,
                                                       ref.sentence, quoted=ref.quoted))
                    at = low.find("the " + phrase, at + 1)

    def _paragraph_holder(self, block_index: int, s: int, holders):
        """Of several people given the post before a title-only reference, the one its paragraph
        names before it when it names no other holder (nor anyone else) there: "Okafor said
        investigators would also examine ... The chair said she expected" with another chair
        elsewhere in the story (the reader takes the post for the person just named); else None."""
        if len(holders) < 2:
            return None
        named = {id(p) for p in self.people for x in p.mentions
                 if x.block == block_index and x.start < s and x.kind in ("full", "surname")}
        here = [p for p in holders if id(p) in named]
        return here[0] if len(here) == 1 and len(named) == 1 else None

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
                                for w in t.text.split()[-1:] if len(t.text.split()) == 2
                                or _last_two_capitalised(t.text.split()))
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
                    if len(words) > 2 and _last_two_capitalised(words):
                        words = words[-2:]  # "U.S. Trade Representative Katherine Vance" -> "the trade representative"
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
                        if a is not None and a.group("head").lower() in L.WEAK_REF_HEADS \
                                and L.RANK_MODIFIERS.isdisjoint(text[a.start():a.start("head")].lower().split()):
                            # (not after a rank: "the county's deputy clerk" is no clerk)
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
                    person = before[0] if len(before) == 1 else self._paragraph_holder(block.index, s, before)
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
                        or not g and head in org_phrases and _ORG_PHRASE_END.match(text, e)
                        or _PAST_AFTER.match(text, e) and self.at_sentence_start(block, s)
                        or text.startswith(", who", e) and (_who_then_verb(text, e) or (
                            _WHOSE_ASIDE_THEN_WORD.match(text, e) and self.at_sentence_start(block, s)))):
                    continue  # only as the speaker or a subject: not "the general election" (a who- or
                    # whose-clause set off after it at its sentence's start: "The dean, whose lab ..., joined")
                    # (a post named after its organisation may be an object too, before a comma,
                    # full stop or function word: "Reporters asked the transit director after")
                ref = TitleRef(text[s:e], block.index, s, e, head, [], False,
                               capitalized=raw[:1].isupper(), sentence=self.sentence_index(block, s),
                               quoted=self.in_quote(block, s, e), candidates=[person], person=person)
                self.cast.title_refs.append(ref)
                self.claim(block.index, s, e)
                person.mentions.append(Mention("title", block.index, s, e, ref.text, None, ref.sentence,
                                               quoted=ref.quoted))


def _last_two_capitalised(words) -> bool:
    """A formal title of three words or more whose last two are capitalised words ("U.S. Trade
    Representative", "Lake Caddock County Sheriff"): the last two name the post, as a two-word title
    does ("the trade representative", "the county sheriff"); the words before them say whose it is."""
    return len(words) > 2 and words[-1][:1].isupper() and words[-2][:1].isupper() and words[-2].isalpha() \
        and words[-2].lower() not in L.NON_NAMES


def _who_then_verb(text: str, e: int) -> bool:
    """A who-clause set off by commas after a reference at ``e``, then a verb of saying or an
    auxiliary: the reference is that verb's subject ("The administrator, who flew in from Washington
    on Monday night and spent the morning in a helicopter, told reporters")."""
    w = _WHO_ASIDE.match(text, e)
    return w is not None and bool(_VERB_AFTER_T.on(text).match(text, w.end()) or _AUX_AFTER.match(text, w.end()))
