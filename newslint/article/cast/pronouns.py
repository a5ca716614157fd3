"""Pass 4 of the build (step 5): pronoun links, each through a strong pattern and with its evidence."""

from __future__ import annotations

import bisect
import re as _re

from newslint import rx as regex
from newslint.article import lexicon as L
from newslint.article.cast.model import Mention, Person, TitleRef
from newslint.article.cast.patterns import (
    _AFTER_POSSESSIVE, _AFTER_QUOTE_T, _AUX_AFTER, _CLAUSE_SUBJECT_BEFORE, _JOB_OR_TITLE, _JOB_WORD_OPENING, _JOB_WORDS,
    _INDEFINITE_BEFORE, _LEAD_IN_OPENER, _ORG_OR_PORTFOLIO, _OWN_POST_WHO, _PERSON_NOUN_T, _PLAIN_WORD, _pronoun_scan, _QUALIFIER_WORD, _QUOTE_CHARS,
    _QUOTED_FRAGMENT, _SAID_AFTER_END, _SAID_THAT_T, _SAID_WHERE_THAT, _APP_SAID, _SENTENCE_OPENER_T, _SUBJECT_PREFIX_T, _SUBJECT_PRONOUNS,
    _SUBORDINATE_OPENER, _TITLE_WORD, _TITLE_WORD_HEADS, _VERB_AFTER_T, _WHO_ASIDE_SAID, _WHO_CLAUSE_T, _WHO_SAID,
)
from newslint.article.cast.names import _Cand, _is_demonym, _may_hold_pronoun, _split_name
from newslint.article.cast.evidence import (
    _AND_AFTER, _ANY_PERSON, _APPOSITIVE_AT, _blank, _GENERIC_AFTER, _GENERIC_BEFORE, _object_of_subject,
    _OWN_PLAIN_APPOSITIVE, _OWN_WHOSE_APPOSITIVE, _plural_person, _QUOTED_HE_SHE, _singular_person_noun, _SPEECH_AFTER,
    _own_who_appositive, _OWN_WHO_APPOSITIVE, _SPEECH_BEFORE,
)
from newslint.article.cast.core import _START


#: the tail of a quotation that began in an earlier sentence, up to its closing mark: 'We were pushed
#: out the door,” '
_QUOTE_TAIL = _re.compile(r"[^“”\"]{1,400}[,!?…][”\"][ \u00a0]+")
#: the words before a capitalised run that make it a place, not a person: "outside Hollis Memorial",
#: "near Grand Central", "on the Upper East Side" (no person's name follows "the" or these)
_PLACE_BEFORE = _re.compile(r"(?<![\w'’\-])(?:outside|inside|near|the)[ \u00a0]$")
#: a participial opener asking the subject something, ahead of them: "Asked whether Britain would drop
#: its digital services tax to clear the way for a trade agreement, " (a longer lead-in than
#: ``_SUBJECT_PREFIX`` allows; the caller asks that it names nobody of the cast)
_ASKED_OPENER = _re.compile(r"[\s“\"‘'(]*(?:Asked|Pressed|Questioned)[ \u00a0][^,;:“”\"()]{1,160},[ \u00a0]+")

#: the small words a lower-case post's complement may hold besides its nouns ("for foreign affairs
#: and security policy", "of the office of budget and planning")
_COMPLEMENT_SMALL = frozenset({"of", "for", "at", "the", "and", "on"})
#: the prepositions that open a post's complement ("high representative| for ...")
_COMPLEMENT_OPEN = ("of", "for", "at")


def _long_title_subject(text: str, ss: int, s: int) -> bool:
    """``text[ss:s]`` opening a sentence is a post written before the name at ``s``: up to four
    capitalised qualifiers ("European Union"; not "The"/"A"/"An", which make the phrase someone
    else, "A spokesman for ..."), up to two lower-case modifiers ("high", "deputy"), a title head
    ("representative", "director"), "of"/"for"/"at" and one to eight lower-case words naming no
    person ("for foreign affairs and security policy"; not "lawyer for the victim Jane Doe"),
    the last a noun right before the name (not "spokesman for Jane Doe")."""
    words = text[ss:s].strip(" \u00a0\"“‘'(").split()
    if not 3 <= len(words) <= 16:
        return False
    k = max((i for i, w in enumerate(words) if w in _COMPLEMENT_OPEN), default=-1)
    comp = words[k + 1:]
    if k < 1 or not 1 <= len(comp) <= 8 or comp[-1] in _COMPLEMENT_SMALL or any(
            not w.isalpha() and not w.replace("-", "").isalpha() or not w.islower()
            or w in L.PERSON_NOUNS or w in L.TITLE_HEADS or w in L.OCCUPATIONS
            or (w.endswith("s") and w[:-1] in L.PERSON_NOUNS) for w in comp):
        return False
    # the head: one word or two ("prime minister", "chief of staff" is no case here: the last
    # "of"/"for"/"at" opens the complement)
    heads = L.TITLE_HEADS | L.WEAK_REF_HEADS
    if " ".join(words[k - 2:k]).lower() in heads and k >= 2:
        h = k - 2
    elif words[k - 1].lower() in heads and words[k - 1].islower():
        h = k - 1
    else:
        return False
    before = words[:h]
    caps = 0
    while caps < len(before) and before[caps][:1].isupper():
        caps += 1
    if caps > 4 or (caps and before[0] in ("The", "A", "An")) or not (len(before) - caps <= 2) \
            or any(not w.isalpha() or not w.islower() or w in L.FUNCTION_WORDS for w in before[caps:]):
        return False
    return not any(w.lower() in L.FUNCTION_WORDS for w in before[:caps])


def _capitalised_post_subject(text: str, ss: int, s: int) -> bool:
    """``text[ss:s]`` opening a sentence is a capitalised post with its complement, written before
    the name at ``s``: up to three capitalised qualifiers ("Norwegian"; not "The"/"A"/"An"), a
    title head ("Minister"), "of"/"for" and one to eight words of a portfolio or body, capitalised
    or joining ("Trade, Industry and Fisheries"), naming no person."""
    words = text[ss:s].strip(" \u00a0\"“‘'(").split()
    if not 3 <= len(words) <= 13:
        return False
    k = next((i for i, w in enumerate(words) if w in ("of", "for")), -1)
    if not 1 <= k <= 4 or words[k - 1].lower() not in L.TITLE_HEADS or not words[k - 1][:1].isupper():
        return False
    before = words[:k - 1]
    if (before and before[0] in ("The", "A", "An")) or any(
            not w[:1].isupper() or not w.isalpha() or w.lower() in L.FUNCTION_WORDS for w in before):
        return False
    comp = [w.rstrip(",") for w in words[k + 1:]]
    return 1 <= len(comp) <= 8 and comp[-1][:1].isupper() and all(
        (w[:1].isupper() and w.replace("-", "").replace("&", "").isalpha() and w.lower() not in L.PERSON_NOUNS)
        or w in ("and", "of", "the", "&") for w in comp)


#: the small words inside a stacked capitalised title ("Chief Nursing Officer and Senior Vice President
#: for Patient Care")
_STACK_JOINERS = frozenset(("and", "of", "for", "the", "&"))
#: single-word title heads (``_capitalised_stack_subject``)
_ONE_WORD_HEADS = frozenset(h for h in L.TITLE_HEADS if " " not in h and "-" not in h)


def _capitalised_stack_subject(text: str, ss: int, s: int) -> bool:
    """``text[ss:s]`` opening a sentence is an organisation's name stacked with capitalised posts
    before the name at ``s`` ("Allegheny Crest Chief Nursing Officer and Senior Vice President for
    Patient Care Thomas Reyes said"; or up to the second post, which the cast reads): three to
    sixteen words, each capitalised or a joiner, one of them a title head, the first no article.
    The cast does not read such a title whole (the long-title rule reports it), but the name is
    the sentence's subject all the same."""
    words = text[ss:s].strip(" \u00a0\"“‘'(").split()
    if words[-1:] == ["and"]:
        words = words[:-1]  # (the cast read the second post: "... Officer and| Senior Vice President")
    if not 3 <= len(words) <= 16 or words[0] in ("The", "A", "An") or words[-1].lower() in _STACK_JOINERS:
        return False
    if not all(w in _STACK_JOINERS or w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    # (or ending in an occupation: "Aquatic Invasive Species Program Coordinator Dana Whitcomb")
    return any(w[:1].isupper() and w.lower() in _ONE_WORD_HEADS for w in words) or words[-1].lower() in L.OCCUPATIONS


#: from a name to a his/her own in its clause: a verb right after the name, then a few words and no
#: comma, quotation or capital ("Kessler| registered in |her own name")
_OWN_CLAUSE = regex.compile(r"[ \u00a0]+(?:had[ \u00a0]+|has[ \u00a0]+)?\p{Ll}+(?:ed|s)(?:[ \u00a0]+[\p{Ll}\-]+){0,5}[ \u00a0]+")
#: after a tentative name: "&" (within one more capitalised word) or the next capitalised word
#: what stands between a subject's name and the person noun of its own appositive: ", an ",
#: ", the longtime " ("Joanna Reyes, an attorney who ...": her description, nobody else)
_OWN_APPOSITIVE = _re.compile(r",[ \u00a0]+(?:an?|the)[ \u00a0]+(?:[\w\-'’]+[ \u00a0]+){0,4}")
#: a whose-clause set off right after the subject: its person noun is the subject's own relative or
#: colleague ("Brandt, whose grandfather founded the company in 1952, flew to Anchorage"), which the
#: next sentence's he/she does not go on about
_WHOSE_ASIDE = _re.compile(r",[ \u00a0]+whose[ \u00a0][^,;:“”\"()]{1,80},")
_ORG_AFTER = regex.compile(r"[ \u00a0]+(?:(?:\p{Lu}[\w'’.\-]*[ \u00a0]+)?&|(\p{Lu}[\w'’.\-]*))")


#: a verb in the past tense right after a subject pronoun ("he described", "she toured")
_PAST_VERB_AFTER = _re.compile(r"[ \u00a0]+(?:also[ \u00a0]+)?[a-z]{3,}ed(?![\w\-])")


class _Pronouns:
    """Pass 4: pronoun links."""

    # -- pass 4: pronouns ---------------------------------------------------------
    def entity_index(self):
        """Per block, sorted ``(start, end, entity, kind)``: people's mentions, unresolved refs, tentatives."""
        index: dict[int, list] = {}
        for p in self.people:
            for m in p.mentions:
                t = m.title
                # a title written before the name is part of the mention ("Secretary of State Antony
                # Blinken said ...": the sentence's subject)
                start = t.start if t is not None and t.position == "before" and t.block == m.block \
                    and t.start < m.start and m.start - t.end <= 1 else m.start
                index.setdefault(m.block, []).append((start, m.end, p, m.kind))
        for r in self.cast.title_refs:
            if r.person is None:
                index.setdefault(r.block, []).append((r.start, r.end, r, "title"))
        for m, owners in self.cast.ambiguous:
            index.setdefault(m.block, []).append((m.start, m.end, m, "surname"))
        blocks = self.article.blocks
        for c in self.tentative:
            if not self.is_claimed(c.block, c.start, c.end) and len(c.text.split()) >= 2:
                before = blocks[c.block].text[max(0, c.start - 4):c.start]
                if before.endswith(("a ", "an ", "a\u00a0", "an\u00a0")) and _INDEFINITE_BEFORE.search(before):
                    continue  # "a Black Hawk helicopter", "a Toyota Camry": a make, not a person's name
                if before[-1:] in (" ", "\u00a0") and _PLACE_BEFORE.search(
                        blocks[c.block].text, max(0, c.start - 8), c.start):
                    continue  # "outside Hollis Memorial", "on the Upper East Side": a place
                index.setdefault(c.block, []).append((c.start, c.end, c, "full"))
        for v in index.values():
            v.sort(key=lambda x: (x[0], x[1]))
        return index

    def link_pronouns(self):
        index = self.entity_index()
        self.index = self.cast.entities = index
        order = [b for b in self.blocks if b.kind != "headline"]
        prev_body_sentence = None  # (block, start, end) of the previous body sentence in reading order
        for block in order:
            spans = self.sentences(block) or [(0, len(block.text))]
            text = block.text
            ents = index.setdefault(block.index, [])
            if block.kind == "caption":
                prev = None
            else:
                prev = prev_body_sentence
            scan = _pronoun_scan(text) if _may_hold_pronoun(text) else None
            for si, (ss, se) in enumerate(spans):
                if scan is not None:
                    for pm in scan.finditer(text, ss, se):
                        self.link_pronoun(block, si, ss, se, pm, ents, prev)
                prev = (block, ss, se)
            if block.kind != "caption" and spans:
                prev_body_sentence = prev
        self._link_beside_others()

    def _link_beside_others(self):
        """5b, once every pronoun is read: a he/she opening a sentence after one whose subject
        shares it with people the rest of the story gives the other gender is the subject's
        ("Nwosu said ... voted for Halvorsen. She said", Halvorsen being "he" three times).
        Firmly: two links or more to the other gender and none to this one (or courtesy titles
        that say so); nobody else a he/she could mean, as ``subject_by_courtesy`` asks."""
        for mention, prev, gender, ents in self._deferred:
            other = "she" if gender == "he" else "he"

            def of_other_gender(person, other=other, gender=gender):
                return (person.pronouns[other] >= 2 and not person.pronouns[gender]) \
                    or self._courtesy_says(person, other)

            target = self._resolved(self._subject_beside(*prev, of_other_gender))
            if not isinstance(target, Person):
                continue
            self.cast.unlinked_pronouns.remove(mention)
            starts = self._unlinked_by_block[mention.block]
            del starts[bisect.bisect_left(starts, mention.start)]
            mention.evidence, mention.strong = "sentence-start", True
            target.mentions.append(mention)
            target.pronouns[gender] += 1
            bisect.insort(ents, (mention.start, mention.end, target, "pronoun"), key=lambda x: (x[0], x[1]))

    def persons_in(self, block, ss, se) -> list:
        """The index entries starting in ``[ss, se)`` (entries are sorted by start: a slice)."""
        ents = self.index.get(block.index, ())
        return ents[bisect.bisect_left(ents, ss, key=_START):bisect.bisect_left(ents, se, key=_START)]

    def subject_of(self, block, ss, se):
        """The entity in subject position of a sentence, or None."""
        text = block.text
        for s, e, ent, kind in self.persons_in(block, ss, se):
            if kind == "pronoun-attribution":
                return ent, s, e
            if _SUBJECT_PREFIX_T.on(text).match(text[ss:s]):
                return ent, s, e
            if text[s - 2:s - 1] in ("”", '"') and _QUOTE_TAIL.fullmatch(text, ss, s) \
                    and text.rfind("“", 0, ss) > text.rfind("”", 0, ss):
                # the attribution after a quotation of several sentences, whose last sentence the
                # span opens inside the quotation: '“We did not walk away. We were pushed out,”
                # Alvarez told the crowd' (cheap test first: a closing mark right before the name)
                return ent, s, e
            if s - ss < 40 and isinstance(ent, Person) and self._qualifies_title(block, ss, s, ent):
                return ent, s, e
            if kind == "full" and s - ss > 12 and text[s - 2:s - 1].islower() and _long_title_subject(text, ss, s):
                # a lower-case post with its complement written before the full name, opening the
                # sentence ("European Union high representative for foreign affairs and security
                # policy Katrin Lindqvist joined the session"): the title is the name's, as a
                # capitalised one would be (cheap test first: a lower-case letter right before it)
                return ent, s, e
            if kind == "full" and s - ss > 12 and text[s - 2:s - 1].isalpha() and (
                    _capitalised_post_subject(text, ss, s) or _capitalised_stack_subject(text, ss, s)):
                # the same with a capitalised post: "Norwegian Minister of Trade, Industry and
                # Fisheries Anders Holm said" (the long title is the name's, reported by its own rule)
                return ent, s, e
            if kind == "full" and s - ss < 24:
                # a job word opening the sentence before the full name ("Owner Victoria Lang, who
                # ..., said"): the word describes the subject, as a title would
                w = _JOB_WORD_OPENING.match(text, ss, s)
                if w is not None and w.group(1).lower() in _JOB_WORDS:
                    return ent, s, e
            break
        return None

    def _qualifies_title(self, block, ss, s, person) -> bool:
        """The words opening a sentence before a person's title qualify the title ("State Sen.",
        "Fire Capt.", "County health director", "Acme Corp. Chief Executive"): one to four
        capitalised words that are no function words, or organisation and portfolio words."""
        words = block.text[ss:s].strip(" \u00a0“\"‘'(").split()
        if 2 < len(words) <= 6 and ("of" in words or "the" in words) and words[0] not in ("of", "the") \
                and words[-1] not in ("of", "the"):
            # an organisation's name with "of"/"the" inside it ("Bank of Japan Gov.", "University of
            # the Arts President"): its capitalised words qualify the title
            words = [w for w in words if w not in ("of", "the")]
        if not (0 < len(words) <= 4 and all(
                w.lower() not in L.FUNCTION_WORDS and (w[:1].isupper() or w in _ORG_OR_PORTFOLIO)
                and _QUALIFIER_WORD.fullmatch(w) for w in words)):
            return False
        starts = self._before_title_starts
        if starts is None:  # (titles are settled before pass 4; a set, not a scan of every title per ask)
            starts = self._before_title_starts = {(id(p), t.block, t.start) for p in self.people
                                                  for t in p.titles if t.position == "before"}
        return (id(person), block.index, s) in starts

    def only_subject(self, block, ss, se):
        """The one entity a sentence mentions, when it is also the subject."""
        found = self.persons_in(block, ss, se)
        distinct = {id(e[2]) for e in found if e[3] != "pronoun-they"}
        if len(distinct) > 1:
            found = self._others_dropped(block, ss, se, found)
            distinct = {id(e[2]) for e in found if e[3] != "pronoun-they"}
        if len(distinct) != 1:
            return None
        if self._unlinked_pronoun_in(block, ss, se):
            return None
        spans = self._title_spans(block)
        masked = _blank(block.text[ss:se], ss, [(x[0], x[1]) for x in found] + [
            r for r in spans[bisect.bisect_left(spans, (ss,)):bisect.bisect_left(spans, (se,))] if ss <= r[0] < se])
        subj = self.subject_of(block, ss, se)
        person_noun = _PERSON_NOUN_T.on(block.text)
        noun = person_noun.search(masked)
        if noun is not None and subj is not None and _OWN_APPOSITIVE.fullmatch(block.text, subj[2], ss + noun.start()):
            # the subject's own appositive, set off after the name: "Joanna Reyes, an attorney who
            # represents 40 families, told the crowd ..." (then look on after it)
            noun = person_noun.search(masked, noun.end())
        if noun is not None and subj is not None and (aside := _WHOSE_ASIDE.match(block.text, subj[2], se)) \
                and ss + noun.start() < aside.end():
            noun = person_noun.search(masked, aside.end() - ss)  # (look on after the aside)
        if noun is not None:
            # (a lower-case post written before the subject's name is theirs: "European Union high
            # representative for ... Katrin Lindqvist joined": blank it and look again)
            if subj is None or subj[1] - ss <= 12 or not (_long_title_subject(block.text, ss, subj[1])
                                                           or _capitalised_stack_subject(block.text, ss, subj[1])) \
                    or person_noun.search(masked, subj[1] - ss):
                return None
        if subj is not None and _AND_AFTER.match(block.text, subj[2]):
            return None  # "Alito and the others returned to the bench. He ...": a plural subject
        if subj is not None and _QUOTED_HE_SHE.search(block.text, ss, subj[1]):
            return None  # "“He is a danger,” Pelosi said. He ...": the quotation is about someone else
        return subj[0] if subj else None

    def _others_dropped(self, block, ss, se, found):
        """``found`` without what can be no one else the sentence is about: a tentative name ending in
        a nationality ("its Southeast Asian neighbors", which a pronoun never links to either), and a
        post nobody holds that the subject's own who-clause gives them ("Richard Voight, who has been
        Brightwell's chief executive since 2019 ..., apologized": his post, not another person)."""
        subj = self.subject_of(block, ss, se)
        text = block.text
        kept = []
        for x in found:
            s, e, ent, kind = x
            if isinstance(ent, _Cand) and (_is_demonym(ent.text.split()[-1]) or self._org_elsewhere(ent)):
                continue
            if subj is not None and kind == "title" and isinstance(ent, TitleRef) and ent.person is None \
                    and text[e:e + 1] not in ("'", "’") and _OWN_POST_WHO.fullmatch(text, subj[2], s):
                continue  # (not "who was the mayor's chief of staff": the mayor is someone else)
            kept.append(x)
        return kept

    def _org_elsewhere(self, cand) -> bool:
        """A tentative name the story writes elsewhere as the start of an organisation's name, with
        an ampersand or an organisation word after it ("Redwood Coast" beside "Redwood Coast
        Power & Light"): a company, not a person ("Graham Pell ... told commissioners that Redwood
        Coast accepted responsibility. He said ...")."""
        if cand.person is not None or cand.evidence:
            return False
        name = cand.text
        for b in self.article.blocks:
            i = b.text.find(name + " ")
            while i >= 0:
                after = _ORG_AFTER.match(b.text, i + len(name))
                if after is not None and (after.group(1) is None or after.group(1).lower() in L.ORG_WORDS):
                    return True
                i = b.text.find(name + " ", i + 1)
        return False

    def speaker_of(self, block, ss, se):
        """The one person a sentence gives as the speaker of its words ("..., Lord Holme said.",
        "said Mr Lanzone", "Mr Herron - ... - said he was not convinced"), or None when it gives
        none or several. A quotation closing with '," she said' after such a sentence goes on
        with that speaker's words."""
        text = block.text
        found = None
        for s, e, ent, kind in self.persons_in(block, ss, se):
            if kind == "pronoun-they":
                continue
            if not (_SPEECH_AFTER.match(text, e, se) or _SPEECH_BEFORE.search(text[max(ss, s - 30):s])):
                continue
            person = self._resolved(ent)
            if person is None or (found is not None and person is not found):
                return None
            found = person
        return found

    def _quote_paragraph_speaker(self, block, ss, se):
        """The one speaker of the paragraph before, when its last sentence is quoted words and every
        person it mentions is that speaker ('“...,” Lindqvist said. “I wanted them to hear it from
        me.”' then "She said she had signed ..."): a he/she opening the next paragraph goes on about
        whoever was talking."""
        text = block.text
        if text[ss:se].lstrip()[:1] not in ("“", '"'):
            return None
        found = None
        for s, e, ent, kind in self.persons_in(block, 0, se):
            person = self._resolved(ent)
            if not isinstance(person, Person) or (found is not None and person is not found):
                return None
            found = person
        if found is None:
            return None
        spoke = any(self.speaker_of(block, a, b) is found for a, b in self.sentences(block) if b <= se)
        return found if spoke else None

    def subject_by_courtesy(self, block, ss, se, gender: str):
        """The subject of a sentence that also names others, when a he/she opening the next sentence
        can mean only the subject: everyone else in it carries a courtesy title of the other
        pronoun ("Whitlock ... would treat Mr. Ward like any other defendant. She set ..."), and
        no other person noun could be meant (the subject's appositive and "any/every/no ..." aside)."""
        other = "she" if gender == "he" else "he"
        return self._subject_beside(block, ss, se, lambda person: self._courtesy_says(person, other))

    def _subject_beside(self, block, ss, se, of_other_gender):
        """``subject_by_courtesy`` with ``of_other_gender(person)`` saying who the pronoun cannot mean."""
        subj = self.subject_of(block, ss, se)
        if subj is None or not isinstance(subj[0], Person) or self._unlinked_pronoun_in(block, ss, se):
            return None
        text = block.text
        if _AND_AFTER.match(text, subj[2]) or _QUOTED_HE_SHE.search(text, ss, subj[1]):
            return None
        found = self.persons_in(block, ss, se)
        for _, _, ent, kind in found:
            if ent is subj[0] or kind == "pronoun-they":
                continue
            if not isinstance(ent, Person) or not of_other_gender(ent):
                return None
        app = _APPOSITIVE_AT.match(text, subj[2])
        masked = _blank(text[ss:se], ss, [(x[0], x[1]) for x in found]
                        + [r for r in self._title_spans(block) if ss <= r[0] < se]
                        + ([(subj[2], app.end())] if app is not None and app.end() <= se else []))
        masked = _ANY_PERSON.sub(" ", masked)
        if _PERSON_NOUN_T.on(text).search(masked):
            return None
        return subj[0]

    @staticmethod
    def _courtesy_says(person, gender: str) -> bool:
        """The person's courtesy titles give them ``gender`` (and never the other)."""
        said = {L.COURTESY.get(m.title.text.rstrip(".").lower()) for m in person.mentions
                if m.kind == "courtesy" and m.title is not None}
        return said == {gender}

    def _other_title_between(self, block, subj, ps: int) -> bool:
        """A title word names someone else between a subject and a pronoun ("Gordon Brown has
        criticised a union leader who said ... himself"); the subject's own titles do not count
        ("Blinken, the secretary of state, said he")."""
        text = block.text
        start = subj[2]
        m = _TITLE_WORD.search(text, start, ps)  # (rarely asked: no re twin, whose compiling costs ~20 ms)
        if m is None:
            return False
        own = [(t.start, t.end) for t in getattr(subj[0], "titles", ()) if t.block == block.index]
        while m is not None:
            if not any(s <= m.start() and m.end() <= e for s, e in own):
                return True
            m = _TITLE_WORD.search(text, m.end(), ps)
        return False

    def _title_spans(self, block):
        """Sorted ``(start, end)`` of the people's titles in a block (titles are settled before pass 4)."""
        by_block = self._title_spans_by_block
        if by_block is None:
            by_block = self._title_spans_by_block = {}
            for p in self.people:
                for t in p.titles:
                    by_block.setdefault(t.block, []).append((t.start, t.end))
            for v in by_block.values():
                v.sort()
        return by_block.get(block.index, ())

    def _unlinked_pronoun_in(self, block, ss, se) -> bool:
        """An unlinked he/she starts in ``[ss, se)`` (``_unlinked_by_block``: their sorted starts)."""
        starts = self._unlinked_by_block.get(block.index, ())
        i = bisect.bisect_left(starts, ss)
        return i < len(starts) and starts[i] < se

    def _unlinked(self, mention: Mention):
        self.cast.unlinked_pronouns.append(mention)
        if mention.pronoun in ("he", "she"):
            bisect.insort(self._unlinked_by_block.setdefault(mention.block, []), mention.start)

    def link_pronoun(self, block, si, ss, se, pm, ents, prev):
        text = block.text
        ps, pe = pm.span()
        word = pm.group()
        gender = L.PRONOUN_GENDER[word.lower()]
        around = text[max(0, ps - 8):pe + 8]
        if ("/" in around or "or" in around) and gender != "they" and (
                _GENERIC_BEFORE.search(text, max(0, ps - 8), ps) or _GENERIC_AFTER.match(text, pe)):
            return  # "he or she", "his/her": anyone, nobody in particular
        quoted = self.in_quote(block, ps, pe)
        target, evidence = None, None
        before = [x for x in ents[bisect.bisect_left(ents, ss, key=_START):bisect.bisect_right(ents, ps, key=_START)]
                  if x[1] <= ps]  # (an entry starting after ps ends after it)
        # 1. attribution: '"...," he told reporters'
        if not quoted and word.lower() in _SUBJECT_PRONOUNS and _AFTER_QUOTE_T.on(text).search(text[max(ss, ps - 6):ps]) \
                and _VERB_AFTER_T.on(text).match(text, pe) and gender != "they":
            qstart = max(text.rfind("“", 0, ps), text.rfind('"', 0, ps - 3))
            q_si = self.sentence_index(block, max(qstart, 0))
            spans = self.sentences(block)
            if q_si > 0:
                pss, pse = spans[q_si - 1]
                target = self._resolved(self.only_subject(block, pss, pse)) or self.speaker_of(block, pss, pse)
            elif prev is not None:
                target = self._resolved(self.only_subject(*prev)) or self.speaker_of(*prev)
            evidence = "attribution" if target is not None else None
        if quoted:
            return
        # 1b. an unquoted trailing attribution: "None was in critical condition, he said." -- the
        # speaker of a paraphrase is the one person the sentence before is about, when the clause
        # before the comma names nobody (cheap test first: ", " right before a subject pronoun)
        if target is None and text[ps - 2:ps] == ", " and word.lower() in _SUBJECT_PRONOUNS and gender != "they" \
                and not before:
            target = self._said_after(block, si, ss, se, ps, pe, prev)
            evidence = "said-after" if target is not None else None
        # 2. "NAME said (that) he"
        if target is None and before:
            last = before[-1]
            if _SAID_THAT_T.on(text).match(text[last[1]:ps]) and (gender != "they" or last[3] in ("full", "surname")):
                target, evidence = self._resolved(last[2]), "said-that"
        # 2b. "NAME, who said she" (and "NAME, the ambassador to NATO, who said she", the appositive
        # being the person's own title): the relative clause's subject is the name, so this is
        # "NAME said she" (cheap test first: "who" and "sa" in the few words before the pronoun)
        if target is None and before and gender != "they" and "who " in text[max(ss, ps - 24):ps] \
                and before[-1][3] in ("full", "surname"):
            last = before[-1]
            w = _WHO_SAID.match(text, last[1], ps)
            person = self._resolved(last[2])
            if w is not None and isinstance(person, Person) and (
                    w.group("app") is None or any(t.block == block.index and t.start <= w.start("app")
                                                  and w.end("app") <= t.end for t in person.titles)):
                target, evidence = person, "said-that"
        # 2b'. "NAME, her own post, said in a letter to employees that her", "NAME told reporters that
        # he": the that-clause of the name's verb of saying, after an occasion or audience (cheap
        # test first: "that " right before the pronoun)
        if target is None and before and gender != "they" and text[ps - 5:ps] == "that " \
                and before[-1][3] in ("full", "surname"):
            last = before[-1]
            w = _SAID_WHERE_THAT.match(text, last[1], ps)
            person = self._resolved(last[2])
            if w is not None and w.end() == ps and isinstance(person, Person) and (
                    w.group("app") is None or any(t.block == block.index and t.start <= w.start("app")
                                                  and w.end("app") <= t.end for t in person.titles)):
                target, evidence = person, "said-that"
        # 2b''. "NAME, TITLE, said she": the appositive is a title the cast gave the person there
        # (cheap test first: "said "/"says "/"that " right before the pronoun, a comma before that)
        if target is None and before and word.lower() in ("he", "she") \
                and text[ps - 5:ps] in ("said ", "says ", "that ") and before[-1][3] in ("full", "surname") \
                and text[before[-1][1]:before[-1][1] + 1] == ",":
            last = before[-1]
            w = _APP_SAID.match(text, last[1], ps)
            person = self._resolved(last[2])
            if w is not None and w.end() == ps and isinstance(person, Person) \
                    and any(t.block == block.index and t.start <= w.start("app") and w.end("app") <= t.end
                            for t in person.titles):
                target, evidence = person, "said-that"
        # 2c. "NAME/TITLE, who ..., said he" (or "NAME, whose ..., said her members"), the first mention
        # of its sentence: the who-clause is an
        # aside (whoever it names), and the verb of saying is the mention's ("Asked whether ..., the
        # foreign secretary, who flew in a day ahead of Whitcombe, said he had told Kessler"; cheap
        # test first: "said "/"says "/"that " right before the pronoun, and " who " in the sentence)
        if target is None and before and (word.lower() in ("he", "she") or word.lower() in ("his", "her")
                                          and text[ps - 5:ps] in ("said ", "says ")) \
                and text[ps - 5:ps] in ("said ", "says ", "that ") and " who" in text[ss:ps]:
            first, opens = before[0], ss
            if before[-1][0] > ss and text[before[-1][0] - 2:before[-1][0]] == ". " \
                    and (first is before[-1] or _WHO_ASIDE_SAID.fullmatch(text, first[1], ps) is None):
                # a sentence the splitter did not end, after an abbreviation: "had gathered by 6 a.m.
                # Castillo, whose father ..., said her members"
                first = before[-1]
                opens = first[0]
            person = self._resolved(first[2])
            if first[3] in ("full", "surname", "title") and isinstance(person, Person) \
                    and _WHO_ASIDE_SAID.fullmatch(text, first[1], ps) is not None \
                    and (first[0] == opens or _SUBJECT_PREFIX_T.on(text).match(text[opens:first[0]])
                         or _ASKED_OPENER.fullmatch(text, opens, first[0])):
                # (as firm as "NAME said he" when the aside names nobody else, or after a title alone,
                # which the rule never takes for the firmer link; else the weaker kind: "Delgado, who
                # met Whitfield on Monday, said he")
                target = person
                # (a his/her there is the weaker kind: "Whitcomb, who ..., said her staff" may mean whoever
                # the report is about)
                evidence = "said-that" if word.lower() in ("he", "she") and (
                    first[3] == "title" or all(self._resolved(x[2]) is person for x in before)) \
                    else "same-sentence-subject"
        # 2d. "District Attorney Marcus Oyelaran opened a formal review ..., saying he expects": the
        # participle's subject is the sentence's, the one person named before it (the weaker kind:
        # "Smith criticized Jones, saying he ..." may mean the object; cheap test first: "saying ")
        if target is None and before and word.lower() in ("he", "she") \
                and text[max(ss, ps - 14):ps].endswith((", saying ", ", saying that ")):
            first = before[0]
            person = self._resolved(first[2])
            if first[3] in ("full", "surname", "title") and isinstance(person, Person) \
                    and all(self._resolved(x[2]) is person for x in before) \
                    and _SUBJECT_PREFIX_T.on(text).match(text[ss:first[0]]):
                target, evidence = person, "same-sentence-subject"
        # 3. "NAME, who ... his"
        if target is None and before:
            for s, e, ent, kind in reversed(before):
                if _WHO_CLAUSE_T.on(text).match(text[e:ps]) and not _object_of_subject(text, word, pe, ""):
                    # (not an object: "Nomar Garciaparra, who was in the stands to watch her")
                    target, evidence = self._resolved(ent), "who"
                break
        # 3b. "his/her own" in the clause of the name right before it: "a pickup truck that Kessler
        # registered in his own name" (own binds to the clause's subject; cheap test first: " own ")
        if target is None and before and word.lower() in ("his", "her") and text[pe:pe + 5] == " own " \
                and before[-1][3] in ("full", "surname"):
            last = before[-1]
            person = self._resolved(last[2])
            if isinstance(person, Person) and _OWN_CLAUSE.fullmatch(text, last[1], ps) is not None:
                target, evidence = person, "same-sentence-subject"
        if gender == "they" and evidence not in ("said-that", "who"):
            target = None
        # 4. same sentence, after its subject: "The secretary ... when she arrived"
        if target is None and gender != "they":
            subj = self.subject_of(block, ss, se)
            if subj is None and before and before[-1][3] in ("full", "surname", "title") \
                    and text[before[-1][0] - 2:before[-1][0]] in (", ", "; ", "d ", "t "):
                # the subject of a second main clause, a name right after ", and", ", but" or "; "
                # and before its verb: "The tribe's lawyers filed a brief, and Ames said it was the
                # first time her council" (cheap test first: the two characters before the name)
                # Nobody the possessive could mean stands in the clause before: no other mention,
                # title, singular person noun, quotation or pronoun ("Judge Ana Ruiz denied the
                # motion, and Brown said her ruling": hers); a plural ("The tribe's lawyers") is none.
                last = before[-1]
                first = text[ss:last[0]]
                if _CLAUSE_SUBJECT_BEFORE.search(text, max(ss, last[0] - 6), last[0]) \
                        and _VERB_AFTER_T.on(text).match(text, last[1]) \
                        and all(self._resolved(x[2]) is self._resolved(last[2]) for x in before) \
                        and not any(q in first for q in _QUOTE_CHARS) and "‘" not in first \
                        and not _pronoun_scan(first).search(first) and not _singular_person_noun(text, first) \
                        and not self._title_spans_in(block, ss, last[0]):
                    subj = (last[2], last[0], last[1])
            if subj is not None and subj[2] <= ps:
                between = text[subj[2]:ps]
                own_end = subj[2]
                own = None
                if between[:1] == ",":
                    # the subject's own description with a whose-clause about them: ", a first-term
                    # council member whose district includes the eastern end of the route," (its
                    # person noun is the subject, and it names nobody: no capitals); or with no
                    # complement at all: ", a former Air Force intelligence officer," (nobody else
                    # can stand in it)
                    own = _OWN_WHOSE_APPOSITIVE.match(text, subj[2], ps) or _OWN_PLAIN_APPOSITIVE.match(text, subj[2], ps) \
                        or _own_who_appositive(text, subj[2], ps)
                    if own is not None:
                        between = " " * (own.end() - subj[2]) + text[own.end():ps]
                        own_end = own.end()
                others = [x for x in before if x[0] >= subj[2] and x[2] is not subj[0]
                          and not (own is not None and own.re is _OWN_WHO_APPOSITIVE and own.start("place") <= x[0]
                                   and x[1] <= own.end("place") and isinstance(x[2], _Cand))]
                if any(q in between for q in _QUOTE_CHARS) and not _pronoun_scan(between).search(between):
                    between = _QUOTED_FRAGMENT.sub(" ", between)
                if not others and not _PERSON_NOUN_T.on(text).search(between) and not any(q in between for q in _QUOTE_CHARS) \
                        and not self._other_title_between(block, (subj[0], subj[1], own_end), ps) \
                        and not _object_of_subject(text, word, pe, between) \
                        and not self._unlinked_pronoun_in(block, subj[2], ps):  # "cut her off before she"
                    target, evidence = self._resolved(subj[0]), "same-sentence-subject"
        # 4b. after a subordinate clause whose subject is the one person it mentions: "When the
        # sheriff reached the command post late Tuesday, she told reporters"
        if target is None and gender != "they" and word.lower() in ("he", "she") and text[ps - 2:ps] == ", " \
                and before and _SUBORDINATE_OPENER.fullmatch(text, ss, before[0][0]):
            first = self._resolved(before[0][2])
            clause = text[before[0][1]:ps]
            if first is not None and all(self._resolved(x[2]) is first for x in before) \
                    and not any(q in clause for q in _QUOTE_CHARS) and not _singular_person_noun(text, clause) \
                    and not self._unlinked_pronoun_in(block, ss, ps) \
                    and (_VERB_AFTER_T.on(text).match(text, pe) or _AUX_AFTER.match(text, pe)):
                target, evidence = first, "same-sentence-subject"
        # 4d. a he/she opening the clause after a semicolon, when the clause before it names one
        # person, not as its subject, and nobody else a he/she could mean: "Reporters asked the
        # transit director after the meeting whether fares would go up; he said he could not"
        # (cheap test first: "; " right before the pronoun)
        if target is None and text[ps - 2:ps] == "; " and before and word.lower() in ("he", "she"):
            target = self._clause_object(block, ss, ps, pe, before)
            evidence = "clause-object" if target is not None else None
        # 4c. a possessive in a lead-in before the sentence's speaker: "In her opening statement,
        # Beaulieu said", "Most of her constituents, Espinoza said, drive to work" (cheap test first:
        # his/her with nothing named before it in the sentence, near its start)
        if target is None and not before and ps - ss < 60 and word.lower() in ("his", "her"):
            target = self._lead_in_speaker(block, ss, se, pe)
            evidence = "lead-in" if target is not None else None
        # 5. sentence start after a sentence about one person: "... Blinken landed. He was greeted"
        if target is None and gender != "they" and prev is not None and (
                _SENTENCE_OPENER_T.on(text).match(text[ss:ps]) or self._lead_in_subject(text, ss, ps, pe, word)):
            target, evidence = self._resolved(self.only_subject(*prev)), "sentence-start"
            if target is None and gender in ("he", "she"):
                target = self._resolved(self.subject_by_courtesy(*prev, gender))
            if target is None and word.lower() in ("he", "she") and prev[0] is not block:
                target = self._quote_paragraph_speaker(*prev)
            deferred = target is None and gender in ("he", "she")
        else:
            deferred = False
        mention = Mention("pronoun", block.index, ps, pe, word, None, si, evidence if target else None,
                          strong=target is not None, quoted=quoted)
        if target is None:
            self._unlinked(mention)
            if deferred:
                self._deferred.append((mention, prev, gender, ents))
            return
        if isinstance(target, _Cand):
            first = target.text.split()[0].lower()
            if (self.at_sentence_start(self.article.blocks[target.block], target.start)
                    and first not in L.GIVEN_NAMES) or _is_demonym(target.text.split()[-1]):
                self._unlinked(mention)
                return
            target = self.promote(target)
        target.mentions.append(mention)
        target.pronouns[gender] += 1
        kind = "pronoun-attribution" if evidence in ("attribution", "said-after") else "pronoun-they" if gender == "they" else "pronoun"
        bisect.insort(ents, (ps, pe, target, kind), key=lambda x: (x[0], x[1]))

    def _clause_object(self, block, ss, ps, pe, before):
        """The person a he/she after "; " refers to: the one person the clause before the semicolon
        names, after its first word (an object: "Reporters asked the transit director ...; he
        said"), when that clause holds no quotation, other pronoun, other semicolon, singular
        person noun or someone else's title, and a verb follows the pronoun."""
        text = block.text
        clause = text[ss:ps - 2]
        first = self._resolved(before[0][2])
        if first is None or not isinstance(first, Person) or before[0][0] - ss < 3 \
                or any(self._resolved(x[2]) is not first for x in before):
            return None
        # the clause's subject is people in the plural ("Reporters", "Two lawmakers"), and nothing
        # before the person is capitalised but it or a function word ("Smith asked Ruiz ...; she")
        words = _PLAIN_WORD.findall(text, ss, before[0][0])
        if not any(_plural_person(w.lower()) for w in words) or any(
                w[:1].isupper() and w.lower() not in L.FUNCTION_WORDS and not _plural_person(w.lower()) for w in words):
            return None
        if ";" in clause or any(q in clause for q in _QUOTE_CHARS) or "‘" in clause \
                or _pronoun_scan(clause).search(clause) or self._unlinked_pronoun_in(block, ss, ps):
            return None
        masked = _blank(clause, ss, [(x[0], x[1]) for x in before]
                        + [(s, e) for s, e in self._title_spans(block) if ss <= s and e <= ps])
        if _singular_person_noun(text, masked) or any(
                w.group() in _JOB_OR_TITLE for w in _TITLE_WORD_HEADS.finditer(masked.lower())) \
                or self._other_title_between(block, (first, ss, ss), ps):
            return None  # ("A reporter asked the director ...; he said": the reporter may be meant)
        if not (_VERB_AFTER_T.on(text).match(text, pe) or _AUX_AFTER.match(text, pe)):
            return None
        return first

    def _said_after(self, block, si, ss, se, ps, pe, prev):
        """The speaker of '..., he said.' closing a sentence with no quotation in it: the one person
        the previous sentence is about (in the same paragraph, or the paragraph before), when the
        clause before the comma mentions no person (no name, title, person noun or other pronoun)."""
        text = block.text
        v = _VERB_AFTER_T.on(text).match(text, pe)
        # (or set off in the middle: "Most residents left when asked, he said, but some refused.")
        if v is None or not (_SAID_AFTER_END.match(text, v.end(), se) or text.startswith(", ", v.end())):
            return None
        clause = text[ss:ps - 2]
        if any(q in clause for q in _QUOTE_CHARS) or "‘" in clause or _singular_person_noun(text, clause) \
                or _pronoun_scan(clause).search(clause) or self._title_spans_in(block, ss, ps):
            return None
        if si > 0:
            pss, pse = self.sentences(block)[si - 1]
            return self._resolved(self.only_subject(block, pss, pse))
        if prev is not None:
            return self._resolved(self.only_subject(*prev))
        return None

    def _lead_in_speaker(self, block, ss, se, pe):
        """The speaker a possessive in a lead-in belongs to: the name right after the lead-in's
        comma, followed by a verb of saying ("In her opening statement, Beaulieu said"; "Most of
        her constituents, Espinoza said, drive to work"). The possessive stands before a
        lower-case word (not "After meeting her, Smith said": an object), and the lead-in holds no
        quotation, other pronoun, capitalised word, title or person noun (any of them could be its
        owner)."""
        text = block.text
        comma = text.find(", ", pe, min(se, pe + 80))
        if comma < 0 or not _re.match(r"[ \u00a0]+[a-z]", text[pe:pe + 2]):
            return None
        nxt = text[pe:comma].split(None, 1)[0] if text[pe:comma].strip() else ""
        if not nxt or nxt in L.FUNCTION_WORDS and nxt not in _AFTER_POSSESSIVE:
            return None  # (an object: "After giving her the award,"; not "In her first interview,")
        lead = text[ss:comma]
        if any(c.isupper() for c in text[pe:comma]):
            return None  # a capitalised word may be a name the cast does not know ("In her talk with Tremblay,")
        if any(q in lead for q in _QUOTE_CHARS) or "‘" in lead or _pronoun_scan(text[pe:comma]).search(text[pe:comma]) \
                or _PERSON_NOUN_T.on(text).search(text, pe, comma) or self._title_spans_in(block, ss, comma):
            return None
        ents = self.index.get(block.index, ())
        i = bisect.bisect_left(ents, pe, key=_START)
        if i >= len(ents) or ents[i][0] != comma + 2 or ents[i][3] not in ("full", "surname", "title"):
            return None
        v = _VERB_AFTER_T.on(text).match(text, ents[i][1])
        if v is None:
            return None
        if text.startswith(",", v.end()):
            # set off mid-sentence, the speaker leaves the main clause its own subject, which may own
            # the possessive when it is a person ("In her first week, Morrow said, the treasurer had
            # found the card"; not "Most of her constituents, Espinoza said, drive to work")
            rest = text[v.end() + 1:min(se, v.end() + 61)]
            if any(c.isupper() for c in rest) or _TITLE_WORD_HEADS.search(rest.lower()) \
                    or _PERSON_NOUN_T.on(rest).search(rest) or _pronoun_scan(rest).search(rest):
                return None
        return self._resolved(ents[i][2])

    def _title_spans_in(self, block, ss, se) -> bool:
        spans = self._title_spans(block)
        i = bisect.bisect_left(spans, (ss,))
        return i < len(spans) and spans[i][0] < se
    @staticmethod
    def _lead_in_subject(text: str, ss: int, ps: int, pe: int, word: str) -> bool:
        """A subject pronoun after a short lead-in of lower-case words and a comma, before its verb:
        "In a statement released through her attorney, she said". The lead-in holds no person
        noun or title ("After meeting the mayor, she said" may mean either) and no possessive of
        the other gender."""
        if word.lower() not in ("he", "she") or ps - ss > 90 or not _LEAD_IN_OPENER.fullmatch(text, ss, ps):
            return False
        lead = text[ss:ps].lower()
        other = (" his ", " him ") if word.lower() == "she" else (" her ", " hers ")
        if any(o in " " + lead.replace(",", " ") + " " for o in other):
            return False
        own = "her " if word.lower() == "she" else "his "
        for m in _TITLE_WORD_HEADS.finditer(lead):
            if not lead.endswith(own, 0, m.start()):
                return False  # someone else ("after meeting the mayor,"); not "through her attorney,"
        if _PERSON_NOUN_T.on(text).search(text, ss, ps):
            for m in _PERSON_NOUN_T.on(text).finditer(text, ss, ps):
                if not lead.endswith(own, 0, m.start() - ss):
                    return False
        return bool(_VERB_AFTER_T.on(text).match(text, pe) or _AUX_AFTER.match(text, pe)
                    or _PAST_VERB_AFTER.match(text, pe))  # ("On Tuesday he described the talks as ...")

    def _resolved(self, ent):
        """The person an entity stands for (None for unlinked references)."""
        if isinstance(ent, Person):
            return ent
        if isinstance(ent, _Cand):
            return ent.person or ent
        return None

    def promote(self, c: _Cand) -> Person:
        """A tentative full name that a strong pronoun link showed to be a person."""
        given, surname, core = _split_name(c.text)
        p = self.by_key.get((given.lower(), surname.lower())) or self.new_person(c.text, given, surname)
        p.evidence.add("pronoun")
        p.mentions.append(self.mention_for(c, "full"))
        c.person = p
        # re-point the index entries of this candidate (in its block, at its start) to the person
        ents = self.index.get(c.block, [])
        for i in range(bisect.bisect_left(ents, c.start, key=_START), len(ents)):
            x = ents[i]
            if x[0] != c.start:
                break
            if x[2] is c:
                ents[i] = (x[0], x[1], p, x[3])
        return p
