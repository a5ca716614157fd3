"""Pronouns: one person, one set of pronouns; organisations take "it"; no "he/she".

A pronoun that contradicts the rest of the story about a person ("The
secretary ... when she arrived", in a story where Blinken is "he"
throughout) is a classic copy-desk catch, and only the cast of people can
make it: the cast links pronouns to people through strong patterns only (an
attribution after their quote, "NAME said he", a sentence that starts with a
pronoun after one about them), and this kind reports a pronoun only when the
same evidence gives the person the other pronoun at least twice as often.

Kinds:

- ``pronoun-mismatch``: a linked he/she that disagrees with the person's other
  pronoun evidence (singular "they" is never a mismatch).
- ``collective-they``: "The company said they ..." -- an organisation or a
  collective noun followed by they/their in the clause it governs.
- ``slash-pronoun``: "he/she", "s/he", "(s)he", "him/her".
"""

from __future__ import annotations

import re as _std_re
from collections import Counter

from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.article import lexicon as L
from newslint.article.cast.evidence import _own_who_appositive
from newslint.article.cast.model import Person
from newslint.article.cast.patterns import _WHO_ASIDE_SAID
from newslint.article.cast.pronouns import _WHOSE_ASIDE
from newslint.news.bodies import owns_body
from newslint.kinds.base import (CheckContext, Hit, Option, OptionError, RuleKind, article_letter_runs,
                                  letter_runs, word_gate)

EVIDENCE_LABELS = {
    "attribution": "the attribution after their quote",
    "said-after": "the attribution closing what they said",
    "said-that": "\"{name} said ...\" in the same sentence",
    "who": "a who-clause after their name",
    "same-sentence-subject": "the subject of the sentence",
    "sentence-start": "the person the previous sentence is about",
    "lead-in": "the speaker named right after the lead-in",
    "clause-object": "the one person the clause before the semicolon names",
    "courtesy": "a courtesy title",
}


#: the pronoun links firm enough to read a firmly linked pronoun against (``_salient``)
_FIRM = frozenset({"attribution", "said-after", "sentence-start", "lead-in"})
#: the pronouns the salience reader judges
_SALIENT_WORDS = frozenset({"he", "she", "his", "her", "him", "himself", "herself", "hers"})

#: (not before a noun it modifies: "signed the guest book", "student loans", "member states")
_NOT_COMPOUND = (r"(?![ \u00a0]+(?i:" + "|".join(sorted(L.PERSON_NOUN_COMPOUND_HEADS, key=_longest_first))
                 + r")(?![\w\-]))")
_OTHER_PERSON = regex.compile(r"\b(?i:" + "|".join(sorted(map(regex.escape, L.PERSON_NOUNS | L.OCCUPATIONS
                                                                 | L.TITLE_HEADS), key=_longest_first))
                              + r")s?\b" + _NOT_COMPOUND)


#: an appositive right after a name that describes only them: ", a former public defender," (not ", and
#: the defender,", not ", a lawyer for the senator,")
_APPOSITIVE = regex.compile(r",[ \u00a0]+(?:an?|the)[ \u00a0]+(?:(?![ \u00a0](?:of|for|to|with|and)[ \u00a0])[^,;:“”\"]){1,60}?,")

#: a quotation's text between its marks
_QUOTED = regex.compile(r"“[^“”]*”|\"[^\"]*\"")
#: a saying verb (whose object is what the subject reported) and one right after a sentence's he/she
_SAYING = regex.compile(r"(?<![\p{L}])(?:said|says|told|added)(?![\p{L}\-])")
#: a speaker's said after their name, past a post set off by commas ("Lorraine Pittman, the jail
#: administrator, said")
_SPEAKER_SAID = regex.compile(r"(?:,[ \u00a0]+[^,;:.“”\"]{1,80},)?[ \u00a0]+(?:also[ \u00a0]+)?"
                              r"(?:said|says|told|added)(?![\p{L}\-])")
_SAYING_NEXT = regex.compile(r"[ \u00a0]+(?:also[ \u00a0]+)?(?:said|says|told|added)(?![\p{L}\-])")
#: a person's own links that carry the reference on, for a pronoun closing a quote after them
_CHAIN = frozenset({"attribution", "said-after", "said-that", "sentence-start"})
#: the links ``given_name_alone`` takes: the firm ones that carry a reference on (``_CHAIN``): a
#: he/she opening the sentence after the name, "NAME said he/his ...", an attribution
_FIRM_ALONE = _CHAIN
#: pronoun links that outrank "same-sentence-subject" inside one sentence
_STRONGER = frozenset({"attribution", "said-after", "said-that", "who"})


#: a singular person noun or title: another possible antecedent of a he/she (``_sole``)
_OTHER_ONE = regex.compile(r"\b(?i:" + "|".join(sorted(map(regex.escape, L.PERSON_NOUNS | L.OCCUPATIONS
                                                             | L.TITLE_HEADS), key=_longest_first)) + r")\b"
                           + _NOT_COMPOUND)
#: what may stand before a person's name opening a paragraph and describe only them: "The
#: hospital's chief executive, " (an appositive before the name, when a comma closes it after the
#: name) or a job word ("Owner ")
_APPOSITIVE_BEFORE = regex.compile(r"[ \u00a0“\"‘'(]*(?:(?:The|A|An)[ \u00a0]+|[A-Z][\w\-]*['’]s[ \u00a0]+)"
                                   r"(?:[\w'’\-]+[ \u00a0]+){0,4}?[\w'’\-]+,[ \u00a0]+")
_JOB_BEFORE = regex.compile(r"[ \u00a0“\"‘'(]*(?:[A-Z][a-z\-]+[ \u00a0]+)?([A-Za-z][a-z\-]+)[ \u00a0]+")


#: an appositive with a complement: ", a 30-year veteran of the department,", ", a researcher at the
#: Delft University of Technology who studies peer-to-peer networks,"
_APPOSITIVE_OF = regex.compile(r",[ \u00a0]+(?:an?|the)[ \u00a0]+(?:(?![ \u00a0]and[ \u00a0])[^,;:“”\"]){1,80}?,")
_COMPLEMENT_START = regex.compile(r"[ \u00a0](?:of|for|to|with|at|in|on)[ \u00a0]")
#: the same with a bare post, AP's usual appositive: ", president of the controllers' local at the
#: tower," (the words before of/for/at a title: ``_described_by_of`` checks)
_BARE_POST_OF = regex.compile(r",[ \u00a0]+(?P<post>\p{Ll}[\p{Ll}\-]*(?:[ \u00a0]+\p{Ll}[\p{Ll}\-]*){0,2}?)"
                              r"[ \u00a0]+(?:of|for|at)[ \u00a0](?:(?![ \u00a0]and[ \u00a0])[^,;:“”\"]){1,80}?,")


#: a who-clause set off by dashes right after a name: " - who gained fame as one of the "metric
#: martyrs" -": the person's own description when it names nobody else (``_someone_between``)
_DASH_WHO_ASIDE = regex.compile(r"[ \u00a0]+[-–—][ \u00a0]+who[ \u00a0](?:[^-–—“”\"\n]|“[^-–—“”\"]{1,40}”|\"[^-–—“”\"]{1,40}\"){1,200}?"
                                r"[ \u00a0][-–—](?=[ \u00a0])")


def _described_by_of(text: str, start: int, end: int):
    """An appositive after a name whose of/for/to/with/at/in/on complement names no person (", a
    veteran of the department,", ", a researcher at the Delft University of Technology,", a bare
    post ", president of the controllers' local at the tower,"; not ", a lawyer for the senator,"):
    the person's own description."""
    app = _APPOSITIVE_OF.match(text, start, end)
    if app is None:
        app = _BARE_POST_OF.match(text, start, end)
        if app is None or app.group("post").split()[-1] not in L.TITLE_HEADS:
            return None
    comp = _COMPLEMENT_START.search(text, app.start(), app.end())
    if comp is not None and _OTHER_PERSON.search(text, comp.end(), app.end()):
        return None
    return app


def _own_appositive(text: str, pos: int, endpos: int | None = None):
    """The appositive at ``pos`` that describes only the person named before it (its match), or
    None: ", a former public defender,"; ", a researcher at the Delft University of Technology,";
    not ", a lawyer for the senator," (another person in its complement)."""
    end = len(text) if endpos is None else endpos
    return _APPOSITIVE.match(text, pos, end) or _described_by_of(text, pos, end)


#: from a name to the title the cast read after it: ", " or ", the "
_TITLE_AFTER_LEAD = regex.compile(r",[ \u00a0]+(?:(?:the|a|an)[ \u00a0]+)?")
#: the comma closing that title
_TITLE_AFTER_CLOSE = regex.compile(r",")


def _own_title_after(block, person, pos: int, endpos: int):
    """The person's own title set off by commas right after their name (a match ending after its
    closing comma), as the cast read it: "Marcus Delaney, Prairie Crest's chief executive, said";
    None when there is none."""
    for t in person.titles:
        if t.block == block.index and t.position == "after" and pos < t.start and t.end < endpos:
            lead = _TITLE_AFTER_LEAD.match(block.text, pos, t.start)
            if lead is not None and lead.end() == t.start:
                return _TITLE_AFTER_CLOSE.match(block.text, t.end, endpos)
    return None


def _where(article, block, pos: int) -> int:
    return article.source.position(block.smap.start(pos))[0]


def _tie_hit(article, person, slip, why: str, other, kind: str) -> Hit:
    """The finding of a one-he-against-one-she tie: ``slip`` (linked to ``person`` because ``why``)
    against the story's ``kind`` ("other", "firmer") link ``other``."""
    ob = article.blocks[other.block]
    message = (f"\"{slip.text}\" refers to {person.name} ({why}), "
               f"who is \"{other.pronoun}\" in the story's {kind} link to them "
               f"(\"{other.text}\" on line {_where(article, ob, other.start)}).")
    return Hit(article.blocks[slip.block], slip.start, slip.end,
               args={"name": person.name, "pronoun": slip.text, "expected": other.pronoun}, message=message)


#: between a name and the pronoun that opens what they told someone: " told passengers over the
#: intercom that ", " said that " (no comma, no quotation)
_TOLD_THAT = regex.compile(r"[ \u00a0]+(?:(?:has|had)[ \u00a0]+)?(?:said|says|told|tells)[ \u00a0]+"
                           r"(?:[^,;:.“”\"]{1,50}?[ \u00a0]+)?that[ \u00a0]+")
#: a who-clause set off after a name: ", who has flown for Pinecrest since 2009,"
_WHO_CLAUSE = regex.compile(r",[ \u00a0]+who[ \u00a0][^,;:“”\"]{1,80},")
#: a noun after a possessive pronoun: "his career" (not "her." or "her to")
_POSSESSED = regex.compile(r"[ \u00a0]+(?:own[ \u00a0]+)?\p{Ll}{3,}(?<!(?:to|for|and|that|the|with))(?![\p{L}])")


def sentence_bounds(article, block_index: int, pos: int) -> tuple[int, int]:
    """The sentence of block ``block_index`` holding ``pos``."""
    block = article.blocks[block_index]
    for ss, se in article.analysis.sentences(block):
        if ss <= pos < se:
            return ss, se
    return 0, len(block.text)


#: what stands between a name and the pronoun that opens what they said: " has said ", " said that ",
#: ", who cast the deciding vote, said " (a who-clause about the name, set off by commas, naming
#: nobody: no capitalised word)
_SAID_BETWEEN = regex.compile(r"(?:,[ \u00a0]+who[ \u00a0][^,;:.“”\"\p{Lu}]{1,80},)?"
                              r"[ \u00a0]+(?:(?:has|had)[ \u00a0]+)?(?:said|says)[ \u00a0]+(?:that[ \u00a0]+)?")
#: from a name or title to a he/she opening a second main clause after what they said: " said the
#: city's water system had held pressure, but " (no quotation, no clause break other than commas)
_SAID_THEN_CLAUSE = regex.compile(r"[ \u00a0]+(?:(?:has|had|also)[ \u00a0]+)?(?:said|says)[ \u00a0]"
                                  r"[^;:.!?“”\"]{1,160}?,[ \u00a0]+(?:but|and)[ \u00a0]+")
#: from a name to a pronoun opening the second that-clause of what they said: " said his local
#: would provide food and fuel cards to striking members, and that " (no quotation, no clause
#: break other than commas)
_SECOND_THAT = regex.compile(r"[ \u00a0]+(?:(?:has|had|also)[ \u00a0]+)?(?:said|says)[ \u00a0]"
                             r"[^;:.!?“”\"]{1,200}?,?[ \u00a0]+and[ \u00a0]+that[ \u00a0]+")
#: a verb of saying (``PronounMismatch._in_what_they_said``)
_SAYING = regex.compile(r"\b(?:said|says|say|told|tells|added|adding|saying|explained|wrote|writes)\b")
_SAYING_OR_THAT = regex.compile(r"\b(?:said|says|say|told|tells|added|adding|saying|explained|wrote|writes|that)\b")
#: from the person's own attribution pronoun to a his/her continuing what they said: " said,
#: adding that " ('"...," she said, adding that his agency's stocks'; ``PronounMismatch._said_on``)
_SAID_ADDING = regex.compile(r"[ \u00a0]+(?:said|says|added|adds)(?:,[ \u00a0]+adding)?[ \u00a0]+that[ \u00a0]+")
#: between a name and its post set off after it: ", " or ", the " (``_said_after_name``)
_APPOSITIVE_FIRST_WORDS = regex.compile(r",[ \u00a0]+(?:the[ \u00a0]+)?")
#: from the end of that post to a he/she: "," and a which-clause naming no person (the
#: organisation's), then "said"/"says" ("..., which represents more than 900 companies, said ")
_POST_THEN_SAID = regex.compile(r"(?:,[ \u00a0]+which[ \u00a0](?:[^,;:.“”\"]|(?<=\d)[,.](?=\d)){1,80})?,[ \u00a0]+(?:(?:has|had)[ \u00a0]+)?"
                                r"(?:said|says)[ \u00a0]+(?:that[ \u00a0]+)?")
#: a who-clause opening right after a name (``_told_possessive_tie``)
_WHO_CLAUSE_START = regex.compile(r",[ \u00a0]+who[ \u00a0]")
#: from a name to a pronoun inside its who-clause: ", who took over " or ", 61, who took over "
_WHO_IN_ASIDE = regex.compile(r"(?:,[ \u00a0]+[^,;:.“”\"]{1,40})?,[ \u00a0]+who[ \u00a0][^,;:.“”\"]{1,80}[ \u00a0]")
#: an appositive whose who-clause gives the person a post (", a career diplomat who was
#: ambassador to Kenya before taking the U.N. post last year,"): a copula, then the post's head
#: (after up to three qualifiers, no possessive: not "who was the mayor's chief of staff")
_OWN_POST_APPOSITIVE = regex.compile(
    r",[ \u00a0]+an?[ \u00a0]+(?:(?!(?:of|for|to|with|at|in|on|and|or|who|his|her|their)[ \u00a0])[a-z][\w\-]*[ \u00a0]+){0,3}"
    r"[a-z][a-z\-]+[ \u00a0]+who[ \u00a0]+(?:was|is|(?:has|had)[ \u00a0]+been|became|serves[ \u00a0]+as|served[ \u00a0]+as)"
    r"[ \u00a0]+(?:(?:a|an|the|former)[ \u00a0]+)?(?P<post>\p{Ll}[\p{Ll}\-]+)(?P<rest>[^,;:“”\"'’]{0,100}),")
#: between a subject's name (and own appositive) and a possessive of their main clause: no
#: clause break, quotation, verb of saying or word opening a subordinate clause (``_own_clause_possessive``)
_CLAUSE_WORD = regex.compile(r"[,;:“”\"]|\b(?:where|who|whom|whose|which|that|when|while|because|after|before|"
                             r"as|if|but|and|or|said|says|told|tells|added|adding|saying)\b")
#: the same, with "after"/"before" opening a phrase of time, a preposition, not a clause ("cut the
#: briefing short after about 20 minutes to rejoin his staff")
_CLAUSE_WORD_NOT_TIME = regex.compile(r"[,;:“”\"]|\b(?:where|who|whom|whose|which|that|when|while|because|"
                                      r"(?:after|before)(?![ \u00a0](?:about|nearly|almost|more|less|some|"
                                      r"a|an|the|\d+)[ \u00a0])|as|if|but|and|or|said|says|told|tells|added|"
                                      r"adding|saying)\b")
#: a singular hidden in a plural: "one of the members", "each", "every"
_ONE_OF = regex.compile(r"\b(?i:one|each|every|either|neither)\b")
#: a capitalised word after a space, and the word before it when that makes it a place or a thing's
#: name ("in Potosi", "the Hawks"): group 1 is None for a word that may be someone's name
_CAPITALISED_AFTER = regex.compile(r"(?:\b((?i:in|at|from|of|near|across|outside|inside|for|the))[ \u00a0]+)?"
                                   r"(?<=[ \u00a0])\p{Lu}\p{Ll}+")
#: "who" and a pronoun right before the pronoun being read: "who he described" (who is the object)
_WHO_THEN = regex.compile(r"\bwho[ \u00a0]+(?:he|she)[ \u00a0]+\w+[ \u00a0]+$|\bwho[ \u00a0]+$", regex.I)
#: a role the subject held, "as a/an ...": "Rowe, who worked 19 years as an officer at a prison
#: before his election" -- the officer is Rowe, no one else the pronoun may mean
#: ... or after a verb of holding or taking up a post, with or without an article: "Hale, 57,
#: took over as chief executive in 2020", "served as the city's first mayor", "who became chief
#: executive in 2017"; or a post without an article after "is"/"was"/"has been" ("Kirchner has been
#: sheriff since 2018")
_AS_A_ROLE = regex.compile(r"(?:\bas[ \u00a0]+(?:a|an)[ \u00a0]+|\bbec(?:ame|omes)[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?"
                           r"|\b(?:(?:has|have|had)[ \u00a0]+been|is|was)[ \u00a0]+(?!(?:a|an|the)[ \u00a0])"
                           r"|\b(?:took[ \u00a0]+over|serv(?:ed|es|ing)|"
                           r"work(?:ed|s|ing)|elected|appointed|named|hired|sworn[ \u00a0]+in|"
                           r"step(?:ped|s)[ \u00a0]+down|resign(?:ed|s)|retir(?:ed|es)|(?:re)?join(?:ed|s)|"
                           r"start(?:ed|s)|beg[au]n|remain(?:ed|s)|stay(?:ed|s))[ \u00a0]+as[ \u00a0]+)"
                           r"[^,;:.“”\"]{1,60}?"
                           r"(?=[ \u00a0]+(?:at|in|for|with|before|after|until|since|from|on|and)\b|[,;:.]|$)")


#: the office a post's holder runs, after a his/her: whose it is after "TITLE said" is not in doubt
_POST_OWN_OFFICE = regex.compile(r"[ \u00a0]+(?:own[ \u00a0]+)?office(?![\p{L}\-'’])")
#: the nouns that name a man or a woman ("father", "wife"), by the pronoun they take
_GENDERED_NOUNS = {g: regex.compile(r"(?<![\p{L}\-])(?i:" + "|".join(sorted(w for w, x in L.SELF_GENDER_NOUNS.items()
                                                                          if x == g)) + r")s?(?![\p{L}\-])")
                   for g in ("he", "she")}
#: a post's office named by its holder's possessive after "the": "the clerk's office", "the mayor's staff" --
#: a place or a body, no antecedent of a he/she opening the next sentence
_POST_OFFICE = regex.compile(r"\bthe[ \u00a0]+(?:[a-z]+[ \u00a0]+)?[a-z]+['’]s?[ \u00a0]+(?:office|offices|department|"
                             r"ministry|staff|chambers|courtroom|agency|administration)\b")
#: a body after a his/her: whose it is may be told by the posts (``newslint.news.bodies``)
_BODY_POSSESSED = regex.compile(r"[ \u00a0]+(?P<noun>government|ministry|department|agency|administration|company|firm|"
                                r"airline|union|hospital|university|bank|party|office|campaign|team|board|committee|"
                                r"members)(?![\w\-])")


def _title_ref_before(cast, person, m):
    """The title-only reference to ``person`` before the pronoun ``m`` in its sentence, or None."""
    return next((r for r in cast.title_refs if r.block == m.block and r.person is person
                 and r.end <= m.start and r.sentence == m.sentence), None)


def _own_body_possessive(article, person, m) -> bool:
    """A his/her right after "NAME said (that)" owning the institution the person's own post is in:
    "Ahrens said her government" for Germany's defense minister, "Hendricks said her airline" for
    the chief executive of Northstar Regional Airlines. Whose government or airline is then not in
    doubt, whoever else the paragraphs name (``_sole`` is for the his/her of anything else)."""
    if m.text.lower() not in ("his", "her") or m.evidence != "said-that":
        return False
    text = article.blocks[m.block].text
    b = _BODY_POSSESSED.match(text, m.end)
    if b is None:
        return False
    noun = b.group("noun")

    def owns(titles, heads=()) -> bool:
        return owns_body(titles, noun, heads)

    if not owns(person.titles):
        return False
    # nobody else near (this paragraph or the body paragraph before) holds a post of that body: "After
    # meeting the mayor, ... Whitcombe said his administration" may mean the mayor's
    near = {m.block}
    before = [b.index for b in article.blocks[:m.block] if b.kind == "body"]
    if before:
        near.add(before[-1])
    cast = article.analysis.cast
    for p in cast.people:
        if p is not person and any(x.block in near for x in p.mentions) and owns(p.titles):
            return False
    return not any(r.block in near and r.person is not person and owns((), (r.head,)) for r in cast.title_refs)


#: the he/she's own post right after it: "Oyelaran said he had been president for only eight months"
_HELD_POST_AFTER = regex.compile(r"[ \u00a0]+(?:had[ \u00a0]+been|has[ \u00a0]+been|was|is|became)[ \u00a0]+"
                                 r"(?:(?:the|its|their)[ \u00a0]+)?(?P<post>\p{Ll}[\p{Ll}\-]*(?:[ \u00a0]+\p{Ll}[\p{Ll}\-]*)??)"
                                 r"(?=[ \u00a0]+(?:for|since|only|when|until|of|at)\b|[,.;])")


def _own_post_after(article, person, m) -> bool:
    """A he/she after "NAME said" whose clause says it holds the person's own post ("Oyelaran said he
    had been president for only eight months", Oyelaran being the university's president): the
    person, whoever else the paragraphs name."""
    if m.text.lower() not in ("he", "she") or m.evidence != "said-that":
        return False
    a = _HELD_POST_AFTER.match(article.blocks[m.block].text, m.end)
    if a is None:
        return False
    post = a.group("post").lower()
    return any(not t.former and (t.head == post or post in t.heads) for t in person.titles)


#: from a name opening its sentence to a his/her right after its verb of saying, across at most an
#: aside about the name: " said ", ", a Republican from suburban Westerville, said that "
_NAME_ASIDE_SAID = regex.compile(r"(?:,[ \u00a0]+(?:an?|the)[ \u00a0][^,;:“”\"()]{1,80},)?[ \u00a0]+"
                                 r"(?:(?:has|had|also)[ \u00a0]+)?(?:said|says)[ \u00a0]+(?:that[ \u00a0]+)?")
#: after that his/her, what only the speaker's own mind or agenda can be: "said her first priority
#: was", "said his goal", "said her own district office" (nobody reports another's priority so)
_OWN_MIND_AFTER = regex.compile(r"[ \u00a0]+(?:own[ \u00a0]+\p{Ll}|(?:(?:first|top|main|biggest|only|one|chief|immediate|"
                                r"overriding|greatest)[ \u00a0]+)?(?:priority|priorities|goal|goals|aim|focus|plan|plans|"
                                r"hope|intention|message|decision|mission|regret|preference)(?![\p{L}\-]))")


def _said_own_mind(article, person, m) -> bool:
    """A his/her right after "NAME said" (the name opening its sentence, at most an aside about
    them between) before what only the speaker's own mind or agenda can be ("Okafor, a Cincinnati
    bank executive who has served on the board since 2015, said her first priority was"): the
    person's, whoever else the paragraphs name."""
    if m.text.lower() not in ("his", "her") or m.evidence not in ("said-that", "same-sentence-subject"):
        return False
    text = article.blocks[m.block].text
    if _OWN_MIND_AFTER.match(text, m.end) is None:
        return False
    anchor = PronounMismatch._anchor(person, m)
    if anchor is None or anchor.kind not in ("full", "surname"):
        return False
    if _NAME_ASIDE_SAID.fullmatch(text, anchor.end, m.start) is None \
            and _WHO_ASIDE_SAID.fullmatch(text, anchor.end, m.start) is None:
        return False
    ss, _ = sentence_bounds(article, m.block, m.start)
    if not _opens_sentence(person, anchor, text, ss):
        return False
    cast = article.analysis.cast
    return not any(x.block == m.block and anchor.end <= x.start < m.start
                   for p in cast.people if p is not person for x in p.mentions)


class PronounMismatch(RuleKind):
    name = "pronoun-mismatch"
    description = "A pronoun that contradicts a person's other pronouns in the story."
    OPTIONS = {
        "min_evidence": Option("int", default=2, doc="consistent pieces of evidence a person needs"),
        "ratio": Option("int", default=2, doc="the majority must be at least this many times the minority"),
        "title_tie": Option("bool", default=True,
                            doc="at one he against one she, report the one after a title-only reference"),
        "salience": Option("bool", default=True,
                           doc="also report a pronoun that can only mean people the story gives the other "
                               "pronoun (the salience reader)"),
        "given_name_alone": Option("bool", default=True,
                                   doc="report a person's only pronoun link when it disagrees with a given name "
                                       "that names one gender nearly always (under the tie rules' guards)"),
    }

    def check(self, ctx: CheckContext):
        article = ctx.article
        cast = article.analysis.cast
        gendered = {}  # id(person) -> (credible links, evidence Counter)
        done = set()
        by_name = []  # ``given_name_alone``'s: after the salience reader's, which says more
        for hit in self._linked(ctx, gendered, by_name):
            done.add((hit.block.index, hit.start))
            yield hit
        aside = self._set_aside_slips(cast, gendered, done) if done else frozenset()
        if self.options["salience"]:
            for hit in self._salient(ctx, gendered, done, aside):
                done.add((hit.block.index, hit.start))
                yield hit
        for hit in by_name:
            if (hit.block.index, hit.start) not in done:
                yield hit

    def _set_aside_slips(self, cast, gendered, done) -> set:
        """Take the reported slips out of the evidence the salience reader weighs, and their echoes
        ("She told the board that her forecast", the "her" linked through the slip "She"): a
        pronoun already marked wrong says nothing of the person's gender. Returns the ids of the
        mentions set aside (the reader reads them as no votes either)."""
        aside = set()
        for person in cast.people:
            links, evidence = gendered.get(id(person), ((), None))
            slips = [m for m in links if (m.block, m.start) in done]
            if not slips:
                continue
            wrong = {id(m) for m in slips}
            for m in links:
                if m.evidence in ("said-that", "same-sentence-subject") \
                        and (echoed := self._echoed(person, m)) is not None and id(echoed) in wrong:
                    wrong.add(id(m))
            kept = [m for m in links if id(m) not in wrong]
            evidence = Counter(evidence)
            evidence.subtract(m.pronoun for m in links if id(m) in wrong)
            gendered[id(person)] = (kept, +evidence)
            aside |= wrong
        return aside

    def _evidence(self, article, cast, person):
        """The person's credible strong he/she links and the Counter of their gender evidence
        (links, courtesy titles, honorifics, their own words, a known pronoun)."""
        links = [m for m in person.mentions if m.kind == "pronoun" and m.strong and not m.quoted
                 and m.pronoun in ("he", "she")]
        links = self._credible(article, cast, person, links)
        evidence = Counter(m.pronoun for m in links)
        for m in person.mentions:
            if m.kind == "courtesy" and m.title is not None and not m.quoted:
                p = L.COURTESY.get(m.title.text.rstrip(".").lower())
                if p in ("he", "she"):
                    evidence[p] += 1
        honorific = _honorific_gender(person)
        if honorific is not None:  # "Lord Holme", "Sir Nick Carter": as a courtesy title would
            evidence[honorific] += 1
        own = _self_described_gender(article, person)
        if own is not None:  # '“I am a father, and ...,” Voight said': their own words say it
            evidence[own] += 1
        if person.known_pronouns in ("he", "she", "they"):
            evidence[person.known_pronouns] += self.options["min_evidence"]
        return links, evidence

    def _salient(self, ctx, gendered, done, aside=frozenset()):
        """The salience reader's slips (``cast.salience``): a he/she/his/her/him that can mean only
        people the story establishes with the other gender. A person's gender is established by at
        least ``min_evidence`` pieces for one gender and none for the other, once the pronoun
        itself is set aside: the evidence above (a courtesy title or an honorific counts as
        ``min_evidence`` on its own) and the reader's votes, each an unlinked pronoun that can
        mean only that person (nobody else and no person noun in its sentence and the two before)."""
        article = ctx.article
        cast = article.analysis.cast
        need = self.options["min_evidence"]
        scope = {b.index for b in ctx.blocks() if b.kind == "body"}
        if not scope or not any(m.kind == "pronoun" for p in cast.people for m in p.mentions) \
                and not cast.unlinked_pronouns:
            return
        # (imported here: a story without a pronoun, like most short test texts, never needs it)
        from newslint.article.cast.salience import SalienceReader, given_gender

        sure = {}  # id(person) -> the gender a courtesy title or honorific gives them
        mixed = set()  # people the cast may have made of two ("Janie Hendrix" and "Jimi Hendrix")
        named = {}  # id(person) -> the gender their given name says ("Paul Lindqvist")
        for p in cast.people:
            said = _courtesy_gender(p) or _honorific_gender(p)
            if said in ("he", "she"):
                sure[id(p)] = said
            elif (said := given_gender(p)) is not None:
                named[id(p)] = said
            if len({m.text.split()[0] for m in p.mentions if m.kind == "full" and " " in m.text}) > 1:
                mixed.add(id(p))

        if not sure and not named and not any(ev["he"] or ev["she"] for _, ev in gendered.values()) \
                and len(cast.unlinked_pronouns) < 2 * need:
            return  # (nobody has a gender yet, and too few pronouns to give anyone one by votes)
        if not _both_genders(cast, sure, named, gendered):
            return  # a slip needs a he/she and evidence of the other gender: the story has one gender only
        reader = SalienceReader(article, cast)
        readings = []
        for m in [m for p in cast.people for m in p.mentions if m.kind == "pronoun"] + cast.unlinked_pronouns:
            if id(m) in aside:
                continue
            if m.quoted or m.text.lower() not in _SALIENT_WORDS:
                continue
            r = reader.read(m)
            if r is not None:
                readings.append(r)
        if not readings:
            return
        linked = {id(m) for links, _ in gendered.values() for m in links}
        votes = {}  # id(person) -> Counter of the genders sole-candidate pronouns give them
        voted = {}  # id(mention) -> (id(person), gender)
        for r in readings:
            if id(r.mention) in linked:
                continue
            person = r.sole
            if person is not None:
                votes.setdefault(id(person), Counter())[r.gender] += 1
                voted[id(r.mention)] = (id(person), r.gender)
        def established_for(m):
            # a pronoun the cast itself links firmly to someone ('," he said', "NAME said he") is
            # read against that person's firm evidence only: a "NAME said she" link may be someone
            # else the person spoke of ("Richards says she must avoid ...")
            firm = m.strong and m.evidence in ("attribution", "said-after", "said-that") and id(m) in linked
            mine = L.PRONOUN_GENDER.get(m.text.lower())

            def established(person):
                links, evidence = gendered.get(id(person), ((), Counter()))
                counts = Counter(evidence)
                counts.update(votes.get(id(person), ()))
                if any(x is m for x in links):
                    counts[mine] -= 1
                if voted.get(id(m), (None,))[0] == id(person):
                    counts[mine] -= 1
                if firm:
                    for x in links:
                        if x is not m and x.evidence not in _FIRM:
                            counts[x.pronoun] -= 1
                if id(person) in sure:
                    counts[sure[id(person)]] += need
                elif id(person) in named and not any(x is not m for x in links) \
                        and not sum(counts[g] for g in ("he", "she", "they")):
                    # a given name that names one gender ("Paul") is the reader's only evidence when
                    # the story gives the person no pronoun but this one (never against pronouns)
                    counts[named[id(person)]] += need
                    return named[id(person)]
                if counts["they"] > 0 or id(person) in mixed:
                    return None
                said = [g for g in ("he", "she") if counts[g] > 0]
                if len(said) != 1 or counts[said[0]] < need:
                    return None
                if named.get(id(person)) not in (None, said[0]) and counts[said[0]] <= need:
                    return None  # a given name against the least evidence: either may be the slip
                # at least one piece must be firm: a courtesy title or honorific, a vote, or a link
                # other than "NAME said she" and the subject of the same sentence, which may be
                # someone else the person spoke of ("Richards says she must avoid ...")
                if id(person) not in sure and not votes.get(id(person), {}).get(said[0]) and not any(
                        x is not m and x.pronoun == said[0] and x.evidence in _FIRM for x in links):
                    return None
                return said[0]
            return established, mine

        for r in sorted(readings, key=lambda x: (x.mention.block, x.mention.start)):
            m = r.mention
            if m.block not in scope or (m.block, m.start) in done:
                continue
            established, mine = established_for(m)
            found = SalienceReader.judge(r, established)
            goes_on = found is None
            if goes_on:
                found = self._speaker_goes_on(article, cast, m, mine, gendered, named)
            if found is None:
                continue
            person, candidates = found
            expected = "she" if mine == "he" else "he"
            example = next((x for x in person.mentions if x.kind == "pronoun" and x.pronoun == expected
                            and not x.quoted), None)
            where = ""
            if example is not None:
                where = f", e.g. \"{example.text}\" on line {_where(article, article.blocks[example.block], example.start)}"
            names = sorted({c.name for c in candidates})
            who = person.name if len(names) == 1 else " or ".join(names)
            elsewhere = f"elsewhere in the story{where}"
            if example is None and id(person) not in sure and named.get(id(person)) == expected \
                    and len(names) == 1:
                elsewhere = f"by their given name ({person.name.split()[0]})"
            message = (f"\"{m.text}\" can only refer to {who} here (nobody else it could mean is "
                       f"mentioned in this sentence or the two before), who is \"{expected}\" {elsewhere}.") \
                if not goes_on else (f"\"{m.text} said\" goes on from {who}, the speaker of the sentence before, "
                                     f"whose given name, {person.given or person.name.split()[0]}, says \"{expected}\""
                                     + (f"; the story also uses \"{expected}\" for them{where}." if example is not None
                                        else "; the story gives no other pronoun for them."))
            yield Hit(article.blocks[m.block], m.start, m.end,
                      args={"name": person.name, "pronoun": m.text, "expected": expected}, message=message)

    @staticmethod
    def _speaker_goes_on(article, cast, m, mine, gendered, named):
        """"Lorraine Pittman, the jail administrator, said ... He said the jail has added ...": a
        he/she opening a sentence with "said" goes on from the speaker of the sentence before in the
        same paragraph when that sentence names nobody else (others further back are no reading: a
        reporter names a new speaker). A slip when the speaker's given name gives them the other
        gender and none of their own pronouns is of this one. ``(person, [person])`` or None."""
        block = article.blocks[m.block]
        text = block.text
        if _SAYING_NEXT.match(text, m.end) is None:
            return None
        spans = article.analysis.sentences(block)
        k = next((i for i, (s, e) in enumerate(spans) if s <= m.start < e), 0)
        if k == 0 or text[spans[k][0]:m.start].strip():
            return None  # (the pronoun must open a sentence after another of its paragraph)
        ps, pe = spans[k - 1]
        near = [(s, e, ent) for s, e, ent, kind in cast.entities.get(m.block, ())
                if ps <= s < m.start and not kind.startswith("pronoun")]
        people = {id(ent) for _, _, ent in near}
        if len(people) != 1 or len(near) != 1:
            return None  # nobody or more than one named, or an unheld title: unsure
        s0, e0, person = near[0]
        if not isinstance(person, Person) or text[ps:s0].strip(" \u00a0“\"‘'(") \
                or _SPEAKER_SAID.match(text, e0) is None:
            return None  # the speaker opens the sentence before: "NAME(, post,) said"
        other = "she" if mine == "he" else "he"
        _, evidence = gendered.get(id(person), ((), Counter()))
        if named.get(id(person)) != other or evidence[mine] or evidence["they"]:
            return None
        return person, [person]

    def _linked(self, ctx, gendered, by_name: list):
        from newslint.article.cast.salience import given_gender  # (lazily: most stories need no pronoun rule)

        article = ctx.article
        cast = article.analysis.cast
        scope = {b.index: b for b in ctx.blocks()}
        need, ratio = self.options["min_evidence"], self.options["ratio"]
        for person in cast.people:
            links, evidence = self._evidence(article, cast, person)
            gendered[id(person)] = (links, evidence)
            if not links:
                continue
            post = _post_gender(person)
            if post is not None and len(links) == 1 and links[0].pronoun != post[0] \
                    and sum(evidence.values()) == 1 and not person.known_pronouns:
                hit = self._post_gender_slip(article, cast, person, links[0], post, scope)
                if hit is not None:
                    yield hit
                    continue
            if len(links) == 1 and sum(evidence.values()) == 1 and not person.known_pronouns:
                # their one pronoun, and nothing else says which they use: their given name may,
                # when the link is one of the firm kinds (not a possessive somewhere in their sentence)
                if self.options["given_name_alone"] and (links[0].evidence in _FIRM_ALONE
                                                         or links[0].evidence == "same-sentence-subject"
                                                         and self._second_that(article, person, links[0], titles=True)
                                                         or self._main_clause_own(article, person, links[0])
                                                         or self._second_clause_subject(article, person, links[0])):
                    hit = self._given_name_tie(article, cast, person, links, scope)
                    if hit is not None:
                        by_name.append(hit)
                continue
            if len(evidence) < 2 and not person.known_pronouns:
                continue
            if self.options["title_tie"] and sum(evidence.values()) == len(links) > 2:
                # an echo ("he said he could not rule it out", "She told the board that her
                # projections": linked through the person's own pronoun right before it in the
                # sentence) repeats its antecedent's link: when the links of their
                # own are one he against one she and a tie rule finds the slip on the side the
                # echo makes the majority, that is the finding (the echo does not outvote)
                own = [m for m in links if not (m.evidence in ("said-that", "same-sentence-subject")
                                                 and self._echo(person, m))]
                if len(own) == 2 and {own[0].pronoun, own[1].pronoun} == {"he", "she"}:
                    hit = self._tie(article, cast, person, own, scope)
                    if hit is not None and evidence[L.PRONOUN_GENDER[hit.args["pronoun"].lower()]] \
                            > evidence[hit.args["expected"]]:
                        yield hit
                        continue
                    if hit is None:
                        said = given_gender(person)
                        if said in ("he", "she") and evidence[said] < max(evidence.values()):
                            continue  # an echo's majority against the given name, and no tie rule decides
            if self.options["title_tie"] and len(links) == 2 and sum(evidence.values()) == 2 \
                    and evidence["he"] == evidence["she"] == 1:
                hit = self._tie(article, cast, person, links, scope)
                if hit is not None:
                    yield hit
                continue
            if self.options["title_tie"] and evidence["he"] == evidence["she"] >= 2 \
                    and sum(evidence.values()) == len(links) == 2 * evidence["he"]:
                # two or more of each, links only: a given name that names one gender nearly always
                # decides, each link against it under the one-against-one guards ("Lukas Brandt":
                # "Brandt said that her airline", "The chief executive added that she")
                yield from self._given_name_ties(article, cast, person, links, scope)
                continue
            major, count = evidence.most_common(1)[0]
            if major == "they" or count < need:
                continue
            by_name_gender = given_gender(person)
            if count < 3 and count - evidence[{"he": "she", "she": "he"}[major]] < 2 \
                    and by_name_gender not in (None, major):
                # two against one, and the given name sides with the one ("Renee Castellano": "He
                # said ...", "The district attorney said his client" against "said her staff"): the
                # two may be the slips, or a title-only reference meant someone else; unsure, silent
                continue
            # a given name that agrees with the majority is one more piece of it ("Claire Beaumont":
            # three links "she" and the name against two "he")
            name_vote = 1 if by_name_gender == major else 0
            for m in links:
                if m.pronoun == major or m.block not in scope:
                    continue
                if _who_may_be_object(article, m):
                    continue
                if evidence[m.pronoun] * ratio > count + name_vote:
                    continue
                second_that = m.evidence == "same-sentence-subject" and self._second_that(article, person, m)
                if self._someone_between(article, cast, person, m, singular=second_that):
                    continue
                example = next((x for x in links if x.pronoun == major), None)
                where = ""
                if example is not None:
                    eb = article.blocks[example.block]
                    where = f", e.g. \"{example.text}\" on line {_where(article, eb, example.start)}"
                label = EVIDENCE_LABELS.get(m.evidence or "", "the sentence points at them")
                if second_that:
                    label = "the second that-clause of \"{name} said\""
                # a pronoun hanging on a title standing alone ("The director said ... he"): name the title
                anchor = self._anchor(person, m) if (m.evidence == "said-that" or self._after_title(person, m)) \
                    else None
                named = anchor.text if anchor is not None and anchor.kind == "title" else person.surname
                message = (f"\"{m.text}\" refers to {person.name} ({label.format(name=named)}), "
                           f"who is \"{major}\" elsewhere in the story ({count} times{where}).")
                yield Hit(article.blocks[m.block], m.start, m.end,
                          args={"name": person.name, "pronoun": m.text, "expected": major}, message=message)


    def _post_gender_slip(self, article, cast, person, m, post, scope):
        """The person's one pronoun against the post the story names with a -woman noun ("The
        chairwoman read aloud the names ... and paused twice when his voice broke"): a he/she of a
        firm kind, or a his/her in the main clause their mention opens with no saying verb between
        (not "The chairwoman said his concerns", which may be someone else's)."""
        if m.block not in scope or _who_may_be_object(article, m) or self._someone_between(article, cast, person, m):
            return None
        if m.text.lower() in ("his", "her") or m.evidence not in _FIRM_ALONE:
            if not self._main_clause_own(article, person, m, titles=True):
                return None
        label = EVIDENCE_LABELS.get(m.evidence or "", "the sentence points at them")
        anchor = self._anchor(person, m)
        named = anchor.text if anchor is not None and anchor.kind == "title" else person.surname
        message = (f"\"{m.text}\" refers to {person.name} ({label.format(name=named)}), whose post, "
                   f"\"{post[1]}\", says \"{post[0]}\"; the story gives no other pronoun for them.")
        return Hit(article.blocks[m.block], m.start, m.end,
                   args={"name": person.name, "pronoun": m.text, "expected": post[0]}, message=message)

    def _tie(self, article, cast, person, links, scope):
        """The slip of one he against one she, or None (the four tie rules in turn). A slip the
        first three choose must not be the pronoun the person's given name calls for ("he" for
        a Gregory whose other link is a "She"): the given name decides then."""
        hit = (self._title_tie(article, cast, person, links, scope)
               or self._name_tie(article, cast, person, links, scope)
               or self._told_possessive_tie(article, cast, person, links, scope))
        if hit is not None:
            from newslint.article.cast.salience import given_gender

            said = given_gender(person)
            if said not in ("he", "she") or hit.args.get("expected") == said:
                return hit
        return self._given_name_tie(article, cast, person, links, scope)

    @classmethod
    def _main_clause_own(cls, article, person, m, titles: bool = False) -> bool:
        """A his/her in the main clause of a sentence whose subject is the person's name (with
        ``titles``, also their title standing alone: "The chairwoman read aloud ... when his voice
        broke"), with no saying verb between ("Vega had urged residents in a post on his official
        account"; not "Berg said the delay had cost his office", which may mean whoever the report
        is about)."""
        if m.evidence != "same-sentence-subject" or m.text.lower() not in ("his", "her"):
            return False
        anchor = cls._anchor(person, m)
        if anchor is None or anchor.kind == "title" and not titles:
            return False
        text = article.blocks[m.block].text
        ss, _ = sentence_bounds(article, m.block, m.start)
        lead = text[ss:anchor.start].strip(" \u00a0\"“‘'(")
        if lead and not (titles and lead.lower() == "the"):
            return False  # (not the sentence's subject: "At the hearing, Vega ...", "Tenants thanked Vega")
        between = text[anchor.end:m.start]
        return _SAYING.search(between) is None and "," not in between and "“" not in between

    @classmethod
    def _second_clause_subject(cls, article, person, m) -> bool:
        """A he/she opening the second main clause of a sentence whose subject is the person ("The
        judge has handled several land-use disputes involving the county, and she denied ..."): one
        comma, right before "and", no saying verb or quotation between."""
        if m.evidence != "same-sentence-subject" or m.text.lower() not in ("he", "she"):
            return False
        anchor = cls._anchor(person, m)
        if anchor is None:
            return False
        text = article.blocks[m.block].text
        ss, _ = sentence_bounds(article, m.block, m.start)
        if text[ss:anchor.start].strip(" \u00a0\"“‘'("):
            return False  # (not the sentence's subject)
        between = text[anchor.end:m.start]
        return between.endswith(", and ") and between.count(",") == 1 and _SAYING.search(between) is None \
            and "“" not in between and '"' not in between

    def _given_name_ties(self, article, cast, person, links, scope):
        """``_given_name_tie`` for each link of an even tie of two or more each (``_linked``)."""
        from newslint.article.cast.salience import given_gender

        said = given_gender(person)
        other = next((m for m in links if m.pronoun == said), None) if said in ("he", "she") else None
        if other is None:
            return
        for slip in links:
            if slip.pronoun != said:
                hit = self._given_name_tie(article, cast, person, [other, slip], scope)
                if hit is not None:
                    yield hit

    def _given_name_tie(self, article, cast, person, links, scope):
        """One he and one she, and a given name that names one gender nearly always ("Tamika Rowe",
        ``given_gender``): the link that disagrees with the name is the slip, when nobody else
        stands between the person's mention and it. The two links already say the story is
        inconsistent about the person; the name only says which of them a copy editor would mark.
        With one link only (``given_name_alone``), the name is the other side: the same guards,
        and a message saying the story gives them no other pronoun."""
        from newslint.article.cast.salience import given_gender

        said = given_gender(person)
        if said not in ("he", "she"):
            return None
        slip = next((m for m in links if m.pronoun != said), None)
        other = next((m for m in links if m.pronoun == said), None)
        alone = len(links) == 1  # (``given_name_alone``: the name is all the evidence against it)
        if slip is None or other is None and not alone or slip.block not in scope \
                or self._someone_between(article, cast, person, slip):
            return None
        if _who_may_be_object(article, slip):
            return None
        own_mind = _said_own_mind(article, person, slip)
        if slip.evidence in ("said-that", "same-sentence-subject") \
                and not (slip.text.lower() in ("he", "she") and self._after_title(person, slip)) \
                and not self._sole(article, cast, person, slip, True, by_name=True) \
                and not _own_body_possessive(article, person, slip) \
                and not _own_post_after(article, person, slip) \
                and not own_mind \
                and not (other is not None and self._main_clause_own(article, person, slip)):
            # "Esther Rantzen said he was 'so lovely'", "Dr. Ann Ruiz, the head nurse, ... || Hale said
            # her nurses": the pronoun may be whom they spoke of, unless nobody else is near (a he/she
            # after the person's title standing alone, "The Mexican commissioner, who ..., said he", is
            # theirs: the title names them, as the title tie reads it; so is a his/her in the main
            # clause the name opens, "Anand then urged her supporters", against a link of the
            # name's gender: alone, "Ordway spent much of his career" may mean a man named before)
            return None
        if slip.text.lower() not in ("he", "she") and self._after_title(person, slip) \
                and not _POST_OWN_OFFICE.match(article.blocks[slip.block].text, slip.end):
            return None  # "The senator said his concerns ...": whose concerns, after a title alone, is unsure
            # (not the post's own office: "The provost said his office had placed Anand on leave")
        own = [x for x in person.mentions if x.block == slip.block and x.end <= slip.start and x.kind != "pronoun"]
        if own and slip.text.lower() not in ("he", "she") and not own_mind and any(
                w.group(1) is None for w in _CAPITALISED_AFTER.finditer(article.blocks[slip.block].text,
                                                                       own[-1].end, slip.start)):
            return None  # "Ruiz ... ordered Marsh to surrender his passport": a name the cast lacks
        label = EVIDENCE_LABELS.get(slip.evidence or "", "the sentence points at them")
        why = label.format(name=person.surname)
        given = person.name.split()[0]
        anchor = self._anchor(person, slip) if self._after_title(person, slip) else None
        if anchor is not None:
            why = label.format(name=anchor.text)
        if other is None:
            message = (f"\"{slip.text}\" refers to {person.name} ({why}), whose given name, {given}, says "
                       f"\"{said}\"; the story gives no other pronoun for them.")
            return Hit(article.blocks[slip.block], slip.start, slip.end,
                       args={"name": person.name, "pronoun": slip.text, "expected": said}, message=message)
        hit = _tie_hit(article, person, slip, why, other, "other")
        hit.message = hit.message[:-1] + f", and whose given name, {given}, agrees with it."
        return hit

    def _title_tie(self, article, cast, person, links, scope):
        """One he and one she: a he/she whose antecedent is a title standing alone in its sentence
        ("The lieutenant said she ...") is the slip, when the other is an attribution, "said" or
        sentence-start link (\'," he said\', "Brandt said her agency", "... Lopez toured the plant.
        She met") in the same or the next paragraph. A writer who names a person by their post alone is the one who may think of
        another holder; the same mix-up after the person's name is rarer."""
        anchored = [m for m in links if self._after_title(person, m)]
        if not anchored:
            return self._name_tie(article, cast, person, links, scope)
        if len(anchored) != 1 or anchored[0].text.lower() not in ("he", "she"):
            return None  # (a his/her/him may be someone else's: "the secretary said his concerns")
        m = anchored[0]
        other = next(x for x in links if x is not m)
        near = (other.evidence in ("attribution", "said-after", "said-that", "sentence-start")
                or self._said_after_name(article, person, other)
                or (other.block, other.start) < (m.block, m.start)
                and self._name_subject_possessive(article, cast, person, other)
                or self._own_clause_possessive(article, cast, person, other)) and abs(other.block - m.block) <= 1
        # (further away, the other link must leave no doubt and come first, so that the reader
        # already knows the person by it: a he/she after the person's name, earlier, in a paragraph
        # that mentions nobody else: "Owner Victoria Lang, who ..., said ... that she")
        settled = other.block < m.block and (
            other.text.lower() in ("he", "she") and self._sole(article, cast, person, other, False)
            # ("NAME said she" leaves no doubt wherever it stands: the name is the subject of the
            # saying and the pronoun of what was said, whoever else the paragraph mentions)
            or other.text.lower() in ("he", "she") and self._said_after_name(article, person, other, "said-that")
            # (a his/her after "NAME said", when the paragraph before names nobody who could be meant)
            or other.evidence == "said-that" and self._sole(article, cast, person, other, True))
        # a link by name that leaves no doubt ('," she said', "In her email ..., Whitcomb wrote"),
        # before or after, against a title only this person holds in the story: "The provost said
        # he" paragraphs away from the one provost's own words is the slip
        sole_post = other.evidence in ("attribution", "said-after", "lead-in") \
            and self._sole_post_holder(cast, person, m)
        if not (near or settled or sole_post):
            return self._own_post_tie(article, cast, person, m, other, scope)
        if m.block not in scope or m.evidence == "who" or self._someone_between(article, cast, person, m):
            return None
        title = self._anchor(person, m)
        label = EVIDENCE_LABELS.get(m.evidence or "", "the sentence points at them")
        where = label.format(name=title.text) if m.evidence == "said-that" else f"\"{title.text}\", {label}"
        return _tie_hit(article, person, m, where, other, "other")

    @staticmethod
    def _sole_post_holder(cast, person, m) -> bool:
        """Whether the title-only reference ``m`` hangs on names this person and only them: they
        hold the post by name ("Provost Dana Whitcomb") and nobody else in the story holds it."""
        ref = _title_ref_before(cast, person, m)
        if ref is None or len(ref.candidates) > 1:
            return False
        head = ref.head.lower()
        if not any(head in t.heads for t in person.titles):
            return False
        # (a rank modifier makes another post: an "associate vice provost" is no "provost")
        return not any(p is not person and any(head in t.heads for t in p.titles) for p in cast.people)

    def _own_post_tie(self, article, cast, person, m, other, scope):
        """The title tie's other way round: a he/she right after "TITLE said", where the title-only
        reference repeats the post its own paragraph has just given the person by name, and nobody
        else in the story holds ("Dana Whitfield, the president's national security adviser, told
        reporters ... The national security adviser said she expected"), names the person as firmly
        as "NAME said she"; a later his/her in a sentence that opens with the person's name ("Whitfield,
        a former deputy director of the CIA, cut the briefing short to rejoin his staff"), with
        nobody between, is then the slip. Asked only when the title tie finds no firm other link
        near the title's (a possessive in the next paragraph may still be the firm one, round 11)."""
        if m.evidence != "said-that" or other.text.lower() not in ("his", "her") \
                or (other.block, other.start) < (m.block, m.start) or other.block not in scope:
            return None
        ref = _title_ref_before(cast, person, m)
        if ref is None or len(ref.candidates) > 1:
            return None
        head = ref.head.lower()
        # the post, given to the person by name earlier in the same paragraph, ends with the head
        if not any(t.block == m.block and t.end <= ref.start and t.text.lower().endswith(head)
                   for t in person.titles):
            return None
        if any(p is not person and any(t.head.lower() == head for t in p.titles) for p in cast.people):
            return None
        if not self._own_clause_possessive(article, cast, person, other, _CLAUSE_WORD_NOT_TIME):
            return None
        label = EVIDENCE_LABELS.get(other.evidence or "", "the sentence points at them")
        return _tie_hit(article, person, other, label.format(name=person.surname), m, "firmer")

    def _name_tie(self, article, cast, person, links, scope):
        """One he and one she, both after the person's name: when one link is the firmest kind, a
        subject pronoun closing what the person said ('," he said', "..., he said.") or right after
        "NAME said", and the other is a weaker kind (a his/her/him after "NAME said", a
        sentence-start or same-sentence-subject link), the weaker is the slip -- only when each stands in a paragraph
        that mentions nobody else before it, the weaker also after a paragraph about the
        person alone, and the weaker comes second ("The hospital's chief executive, Gregory Hale, said ... None was in critical
        condition, he said. / Hale said her nurses had worked double shifts")."""
        a, b = links
        hit = self._introduction_tie(article, cast, person, *sorted(links, key=lambda x: (x.block, x.start)), scope)
        if hit is not None:
            return hit
        ra, rb = self._rank(article, person, a), self._rank(article, person, b)
        if ra == rb or max(ra, rb) < 2:
            return None
        strong, weak = (a, b) if ra > rb else (b, a)
        if self._after_introduction(article, person, strong) and (
                min(ra, rb) > 0 or self._after_title(person, weak) or self._in_what_they_said(article, person, weak)):
            return None  # (firm by the introduction only against the weakest links after the name, a
            # sentence-start or same-sentence-subject one outside what the person said: not "Voight
            # said, adding that her first call", nor "The senator said his concerns", which may be
            # someone else's)
        if (weak.block, weak.start) < (strong.block, strong.start) \
                and not (strong.block - weak.block <= 1 and self._in_own_aside(article, person, weak)):
            # the weaker came first: the reader met the person by it (silent when unsure); but not
            # by a possessive inside the who-clause of their own appositive, an aside of their
            # introduction ("Gov. Hiroshi Tanabe, a former university economist who is in her second
            # year at the central bank, said ... / The governor said he saw no need")
            return None
        # (a firmer link earlier in the weaker one's own paragraph has settled who the paragraph is
        # about from there on: only what stands after it counts, "Hale was joined by Rebecca Ordway,
        # ..., who said she ... Ordway, a former ... officer, spent much of his career")
        since = strong.end if weak.block == strong.block else 0
        if weak.block not in scope or weak.evidence == "who" or self._someone_between(article, cast, person, weak) \
                or not self._sole(article, cast, person, strong, False) \
                or not self._sole(article, cast, person, weak, weak.block != strong.block, since):
            return None
        label = EVIDENCE_LABELS.get(weak.evidence or "", "the sentence points at them")
        return _tie_hit(article, person, weak, label.format(name=person.surname), strong, "firmer")

    def _introduction_tie(self, article, cast, person, first, second, scope):
        """One he and one she: the he/she opening the sentence right after the person's introduction
        gave the reader their pronoun ("Attorney General Dana Whitfield announced 18 felony counts
        ... She said the scheme ..."); a later pronoun right after "NAME said", in a later paragraph
        that mentions nobody else before it ("Whitfield said his office began", "Whitcomb said he
        had asked"), is the slip. (Only these two kinds: each names the person as firmly as the
        other, and the one the reader met first settles it.)"""
        if second.block <= first.block or second.block not in scope or not self._after_introduction(article, person, first):
            return None
        if not self._said_after_name(article, person, second, "said-that"):
            return None
        if not self._sole(article, cast, person, second, False) or self._someone_between(article, cast, person, second):
            return None
        label = EVIDENCE_LABELS.get(second.evidence or "", "the sentence points at them")
        return _tie_hit(article, person, second, label.format(name=person.surname), first, "first")

    @classmethod
    def _rank(cls, article, person, m) -> int:
        """How firmly a link names its person: 2 a subject pronoun closing their words or right
        after "NAME said" (also "NAME, who ..., said he"); 1 a his/her/him after "NAME said" (it
        may be someone else's); 0 the rest."""
        if m.evidence not in ("attribution", "said-after", "said-that"):
            return 2 if m.text.lower() in ("he", "she") and (cls._said_after_name(article, person, m)
                                                             or cls._said_then_clause(article, person, m)
                                                             or cls._after_introduction(article, person, m)) else 0
        return 2 if m.text.lower() in ("he", "she") else 1

    @staticmethod
    def _after_introduction(article, person, m) -> bool:
        """``m`` is a he/she opening the sentence right after the one that introduces the person (their
        first mention in the story, by full name, in the same paragraph), linked as the subject of a
        sentence about them alone: "Chief Justice Margaret Ellison, writing for the majority, said
        the map ... She gave the General Assembly 60 days" (how a writer gives a new person their
        pronoun: as firm as "NAME said she")."""
        if m.evidence != "sentence-start" or m.text.lower() not in ("he", "she") or m.sentence < 1:
            return False
        first = min((x for x in person.mentions if x.kind != "pronoun"),
                    key=lambda x: (x.block, x.start), default=None)
        return first is not None and first.kind == "full" and first.block == m.block \
            and first.sentence == m.sentence - 1

    @classmethod
    def _in_what_they_said(cls, article, person, m) -> bool:
        """A verb of saying stands between the person's mention and ``m`` in its sentence ("Voight
        said, adding that her first call"): ``m`` is in the person's own account of themselves."""
        anchor = cls._anchor(person, m)
        if anchor is None:
            return False
        text = article.blocks[m.block].text
        saying = _SAYING.search(text, anchor.end, m.start)
        if saying is not None and saying.start() == anchor.end + 1 and text[anchor.start - 2:anchor.start - 1] in ("”", '"'):
            # the attribution of the quotation before the name ('“...,” Alvarez told several hundred
            # nurses ..., shouting through his bullhorn'): the quotation is what they said, and the
            # rest of the sentence is the narrator's, unless another saying or a that-clause follows
            return _SAYING_OR_THAT.search(text, saying.end(), m.start) is not None
        return saying is not None

    @classmethod
    def _in_own_aside(cls, article, person, m) -> bool:
        """``m`` is a his/her inside the who-clause of the appositive right after the person's name,
        which names nobody else ("Hiroshi Tanabe, a former university economist who is in| her
        second year"): linked as the subject's, in their own description."""
        if m.evidence != "same-sentence-subject" or m.text.lower() not in ("his", "her"):
            return False
        anchor = cls._anchor(person, m)
        if anchor is None or anchor.kind not in ("full", "surname"):
            return False
        own = _own_who_appositive(article.blocks[m.block].text, anchor.end, m.start)
        return own is not None and own.group("close") != ","

    @classmethod
    def _said_then_clause(cls, article, person, m) -> bool:
        """``m`` is the he/she opening a second main clause after what the person said, the person
        (by name or by a title that links to them) being the subject of "said": "The mayor said the
        city's water system had held pressure, but she asked residents" (the pronoun can only be the
        one who said it, as in "NAME said she"; cheap test first: ", but " or ", and " before it)."""
        if m.evidence != "same-sentence-subject" or m.text.lower() not in ("he", "she"):
            return False
        text = article.blocks[m.block].text
        if text[m.start - 6:m.start] != ", but " and text[m.start - 6:m.start] != ", and ":
            return False
        anchor = cls._anchor(person, m)
        if anchor is None or anchor.kind not in ("full", "surname", "title"):
            return False
        return _SAID_THEN_CLAUSE.fullmatch(text, anchor.end, m.start) is not None

    @staticmethod
    def _sole(article, cast, person, m, previous: bool, since: int = 0, by_name: bool = False) -> bool:
        """The person is the only one ``m``'s paragraph mentions before it (no one else's name,
        title-only reference, unlinked he/she or person noun outside the person's own mentions and
        titles), and it names them; with ``previous``, the paragraph before (captions skipped) also
        mentions nobody else. People the story has given only the other pronoun so far ("he" against
        a "her") and unlinked pronouns of the other gender do not count: they cannot be meant."""
        own = [x for x in person.mentions if x.block == m.block and x.end <= m.start and x.kind != "pronoun"]
        if not own:
            return False
        other_gender = {"he": "she", "she": "he"}.get(m.pronoun)
        cannot = {id(p) for p in cast.people if p is not person and other_gender
                  and {x.pronoun for x in p.mentions if x.kind == "pronoun" and x.strong
                       and x.pronoun in ("he", "she") and (x.block, x.start) < (m.block, m.start)} == {other_gender}}
        if by_name and other_gender:  # (and, when asked, people whose given name is the other gender's)
            from newslint.article.cast.salience import given_gender

            cannot |= {id(p) for p in cast.people if p is not person and given_gender(p) == other_gender
                       and not any(x.kind == "pronoun" and x.pronoun == m.pronoun for x in p.mentions)}
        blocks = [m.block]
        if previous:
            b = m.block - 1
            while b >= 0 and article.blocks[b].kind in ("caption", "headline"):
                b -= 1
            if b < 0:
                return False
            blocks.append(b)
        for bi in blocks:
            end = m.start if bi == m.block else len(article.blocks[bi].text)
            lo = since if bi == m.block else 0  # (``since``: only from there on in m's paragraph)
            if any(x.block == bi and lo <= x.start < end for p in cast.people if p is not person and id(p) not in cannot
                   for x in p.mentions):
                return False
            if any(r.block == bi and lo <= r.start < end and r.person is not person
                   and (r.person is None or id(r.person) not in cannot) for r in cast.title_refs):
                return False
            if any(u.block == bi and lo <= u.start < end and u.pronoun in ("he", "she") and u.pronoun != other_gender
                   for u in cast.unlinked_pronouns):
                return False
            full = article.blocks[bi].text
            text = full[:end]
            spans = sorted((x.start, x.end) for x in person.mentions if x.block == bi) + sorted(
                (t.start, t.end) for t in person.titles if t.block == bi) + sorted(
                (x.start, x.end) for p in cast.people if id(p) in cannot for x in p.mentions if x.block == bi) + sorted(
                (t.start, t.end) for p in cast.people if id(p) in cannot for t in p.titles if t.block == bi)
            spans.sort()
            for s, e in spans:
                if e <= len(text):
                    app = _own_appositive(full, e)  # "Hale, the hospital's chief executive, said": their own
                    if app is not None and app.end() <= len(text):
                        e = app.end()
                    elif e < len(text) and (app := _own_who_appositive(full, e, len(text))) is not None:
                        e = app.end()  # (up to ``m`` inside its who-clause: "..., a former economist who is in| her")
                    text = text[:s] + " " * (e - s) + text[e:]
            first = min((x for x in person.mentions if x.block == bi and x.kind != "pronoun"),
                        key=lambda x: x.start, default=None)
            if first is not None and 0 < first.start < 90:
                pre = full[:first.start]
                if _APPOSITIVE_BEFORE.fullmatch(pre) and full[first.end:first.end + 1] == "," or (
                        (j := _JOB_BEFORE.fullmatch(pre)) and j.group(1).lower() in L.OCCUPATIONS | L.WEAK_REF_HEADS):
                    text = " " * first.start + text[first.start:]
            if other_gender and _OTHER_ONE.search(text, lo):
                # (a noun of the other gender cannot be meant either: "whose father and grandfather
                # worked the docks, said her members")
                text = _GENDERED_NOUNS[other_gender].sub(lambda g: " " * len(g.group()), text)
            if _OTHER_ONE.search(text, lo):
                return False
        return True

    def _told_possessive_tie(self, article, cast, person, links, scope):
        """One he and one she in the same or the next paragraph, each in a sentence that opens with
        the person's name: the first a he/she reporting what the person said or told ("Lund told
        passengers over the intercom that she had seen lights"), the later a possessive before a
        noun with no one else between the name and it ("Lund, who has flown for Pinecrest since
        2009, had logged 11,000 hours in his career"). The later one contradicts the first."""
        first, later = sorted(links, key=lambda x: (x.block, x.start))
        if later.block - first.block > 1 or later.block not in scope or later.evidence == "who":
            return None
        if first.text.lower() not in ("he", "she") or later.text.lower() not in ("his", "her"):
            return None
        anchors = []
        for m in (first, later):
            anchor = self._anchor(person, m)
            if anchor is None or anchor.kind not in ("full", "surname"):
                return None
            text = article.blocks[m.block].text
            ss, _ = sentence_bounds(article, m.block, m.start)
            if text[ss:anchor.start].strip(" \u00a0\"“‘'("):
                return None  # the name opens its sentence: its subject
            anchors.append((anchor, text))
        (fa, ftext), (la, ltext) = anchors
        if not _TOLD_THAT.fullmatch(ftext, fa.end, first.start) and not (
                first.evidence in ("same-sentence-subject", "said-that")
                and self._said_after_name(article, person, first, first.evidence)):
            return None  # (or "NAME said she", also with their post set off: "NAME, president of ..., said she")
        if not _POSSESSED.match(ltext, later.end):
            return None
        start = la.end
        app = _APPOSITIVE.match(ltext, start, later.start) or _WHO_CLAUSE.match(ltext, start, later.start)
        if app is not None:
            start = app.end()
        if _OTHER_PERSON.search(ltext, start, later.start) or any(
                x.block == later.block and start <= x.start < later.start
                for p in cast.people if p is not person for x in p.mentions):
            # (a longer who-clause of their own, naming nobody, as the cast reads it: "Ostrander,
            # who spent 14 years running a machinery maker's Asia operations before joining the
            # chamber, said his group's")
            if app is not None or not _WHO_CLAUSE_START.match(ltext, la.end) \
                    or self._someone_between(article, cast, person, later):
                return None
        return _tie_hit(article, person, later, f"\"{la.text}\" opens the sentence", first, "other")

    @classmethod
    def _said_after_name(cls, article, person, m, evidence: str = "same-sentence-subject") -> bool:
        """``m`` is the he/she right after the person's name and "said", linked by ``evidence``:
        "same-sentence-subject" ("House Speaker Gloria Fitch has said she will not ...", as firm
        as "said-that") or "said-that" ("Kessler said she had recommended", "Kessler has said
        that she")."""
        if m.evidence != evidence:
            return False
        anchor = cls._anchor(person, m)
        if anchor is None or anchor.kind not in ("full", "surname"):
            return False
        text = article.blocks[m.block].text
        if _SAID_BETWEEN.fullmatch(text, anchor.end, m.start) is not None:
            return True
        # the person's own post set off after the name, then "said": "Rachel Ostrander, president
        # of the American Chamber of Commerce in China, which represents more than 900 companies,
        # said she" (the post the cast gives them there; a which-clause after it is the
        # organisation's; cheap test first: a comma right after the name)
        if text[anchor.end:anchor.end + 2] != ", ":
            return False
        if evidence == "said-that" and " who " in text[anchor.end:m.start] \
                and _WHO_ASIDE_SAID.fullmatch(text, anchor.end, m.start) is not None:
            # "Natarajan, a former human rights lawyer who entered Parliament in 2015, said she": an
            # aside about the name, naming nobody else of the cast, then "said"
            cast = article.analysis.cast
            return not any(x.block == m.block and anchor.end <= x.start < m.start
                           for p in cast.people if p is not person for x in p.mentions) \
                and not any(r.block == m.block and anchor.end <= r.start < m.start for r in cast.title_refs)
        post = next((t for t in person.titles if t.block == m.block and t.position == "after"
                     and anchor.end < t.start <= anchor.end + 6 and t.end < m.start), None)
        if post is None or not _APPOSITIVE_FIRST_WORDS.fullmatch(text, anchor.end, post.start):
            return False
        return _POST_THEN_SAID.fullmatch(text, post.end, m.start) is not None

    @staticmethod
    def _anchor(person, m):
        """The person's last mention other than a pronoun before ``m`` in its sentence, or None."""
        return max((x for x in person.mentions if x.kind != "pronoun" and x.block == m.block
                    and x.sentence == m.sentence and x.end <= m.start), key=lambda x: x.start, default=None)

    @classmethod
    def _after_title(cls, person, m) -> bool:
        """``m`` hangs on a title-only reference in its own sentence ("The director said ..., but he")."""
        if m.evidence not in ("said-that", "same-sentence-subject", "clause-object"):
            return False
        anchor = cls._anchor(person, m)
        return anchor is not None and anchor.kind == "title"

    @classmethod
    def _credible(cls, article, cast, person, links):
        """The links that count as evidence. A "same-sentence-subject" link is the cast's weakest:
        it is dropped when someone else is mentioned between the subject and the pronoun (the
        final cast knows people the link did not: "Whitlock ... ordered Ward to surrender his
        passport"), or when a stronger link in the same sentence gives the person the other
        pronoun ("The judge said she would allow him to keep practicing": a writer does not
        switch a person's pronoun inside one sentence, so "him" is someone else)."""
        stronger = {(m.block, m.sentence, m.pronoun) for m in links if m.evidence in _STRONGER}
        kept = []
        for m in links:
            if m.evidence == "same-sentence-subject":
                other = "she" if m.pronoun == "he" else "he"
                if cls._named_between(cast, person, m) or (m.block, m.sentence, other) in stronger \
                        and not cls._second_that(article, person, m) and cls._said_on(article, person, m) is None:
                    continue
            kept.append(m)
        return kept

    @classmethod
    def _second_that(cls, article, person, m, titles: bool = False) -> bool:
        """``m`` opens a second that-clause of what the person's name said, with nobody between
        who could be meant: "Reyes said his local would provide food and fuel cards to striking
        members, and that her members had been saving" (as firm as "NAME said her": a plural
        cannot be a he/she/his/her; no singular person noun, title, "one"/"each" or quotation
        between, and no one else's mention, which ``_named_between`` rules out). ``titles``: a
        title standing alone may have said it too ("The general manager said ... and that she"),
        as "TITLE said she" links alone."""
        anchor = cls._anchor(person, m)
        if anchor is None or anchor.kind not in (("full", "surname", "title") if titles else ("full", "surname")):
            return False
        text = article.blocks[m.block].text
        if not text.startswith("that", m.start - 5) or _SECOND_THAT.fullmatch(text, anchor.end, m.start) is None:
            return False
        return not _OTHER_ONE.search(text, anchor.end, m.start) and not _ONE_OF.search(text, anchor.end, m.start)

    @classmethod
    def _name_subject_possessive(cls, article, cast, person, m) -> bool:
        """``m`` is a his/her inside the who-clause right after the person's name opening its
        sentence, with nobody who could be meant between: "Gao, 61, who took over her economic
        portfolio in 2023, told Vance" -- how the reader met the person, so against a later he/she
        after a title alone (the caller asks that it comes first) as firm as a sentence-start link.
        (A possessive in the main clause may be the slip itself: "Delacruz, a 26-year veteran of
        the department, said his crews" after "The fire chief said she".)"""
        if m.evidence != "same-sentence-subject" or m.text.lower() not in ("his", "her"):
            return False
        anchor = cls._anchor(person, m)
        if anchor is None or anchor.kind not in ("full", "surname"):
            return False
        ss, _ = sentence_bounds(article, m.block, m.start)
        text = article.blocks[m.block].text
        if not _opens_sentence(person, anchor, text, ss):
            return False  # (the name opens its sentence, after their own title: its subject)
        if _WHO_IN_ASIDE.fullmatch(text, anchor.end, m.start) is None:
            return False  # (inside their own who-clause: ", who took over| her", ", 61, who ...")
        return not cls._someone_between(article, cast, person, m)

    @classmethod
    def _own_clause_possessive(cls, article, cast, person, m, clause_word=_CLAUSE_WORD) -> bool:
        """``m`` is a his/her in the main clause of a sentence that opens with the person's name,
        outside anything they said: "Whitcomb, a career diplomat who ..., has made Sudan a
        centerpiece of her tenure" (the narrator's, of the subject's own verb; nothing between the
        name, or their own appositive, and the pronoun but words of that clause). Not "Delacruz,
        ..., said his crews" (what they said may be about others) nor "..., where his staff"."""
        if m.evidence != "same-sentence-subject" or m.text.lower() not in ("his", "her"):
            return False
        anchor = cls._anchor(person, m)
        if anchor is None or anchor.kind not in ("full", "surname"):
            return False
        text = article.blocks[m.block].text
        ss, _ = sentence_bounds(article, m.block, m.start)
        if not _opens_sentence(person, anchor, text, ss):
            return False  # (the name opens its sentence, after their own title: its subject)
        start = anchor.end
        if text.startswith(",", start):
            app = _own_appositive(text, start, m.start) or _own_who_appositive(text, start, m.start) \
                or _own_post_appositive(text, start, m.start)
            if app is None or app.group()[-1:] != ",":
                return False
            start = app.end()
        if clause_word.search(text, start, m.start):
            return False
        return not cls._someone_between(article, cast, person, m)

    @staticmethod
    def _said_on(article, person, m):
        """The person's own attribution he/she whose saying ``m``, a his/her, continues, or None:
        '"...," she said, adding that his agency's stocks' (as firm as "NAME said her": the
        that-clause is what the pronoun's person said, and nobody stands between; cheap test first:
        "that " right before ``m``)."""
        if m.evidence != "same-sentence-subject" or m.text.lower() not in ("his", "her"):
            return None
        text = article.blocks[m.block].text
        if text[m.start - 5:m.start] != "that ":
            return None
        last = max((x for x in person.mentions if x.block == m.block and x.end <= m.start),
                   key=lambda x: x.start, default=None)
        if last is None or last.kind != "pronoun" or last.evidence not in ("attribution", "said-after") \
                or last.text.lower() not in ("he", "she") or not last.strong:
            return None
        return last if _SAID_ADDING.fullmatch(text, last.end, m.start) else None

    @staticmethod
    def _echoed(person, m):
        """The person's own pronoun right before ``m`` in its sentence, which ``m`` is linked
        through ("he said he could not rule it out"), or None: an echo repeats that link."""
        last = max((x for x in person.mentions if x.block == m.block and x.sentence == m.sentence
                    and x.end <= m.start), key=lambda x: x.start, default=None)
        return last if last is not None and last.kind == "pronoun" else None

    @classmethod
    def _echo(cls, person, m) -> bool:
        """``m`` is linked through the person's own pronoun right before it: it repeats that link,
        it is no evidence of its own."""
        return cls._echoed(person, m) is not None

    @staticmethod
    def _named_between(cast, person, m) -> bool:
        """Someone else's mention between the person's last mention (pronouns too) and ``m``."""
        start = max((x.end for x in person.mentions if x.block == m.block and x.end <= m.start), default=None)
        if start is None:
            return False
        return any(x.block == m.block and start <= x.start < m.start
                   for p in cast.people if p is not person for x in p.mentions)

    @staticmethod
    def _someone_between(article, cast, person, m, singular: bool = False) -> bool:
        """Another possible antecedent between the person's last mention and the pronoun, in the
        same block: a person noun ("the guitarist", "his wife"), a title, or someone else's name
        (with ``singular``, a plural person noun is none even before a his/her/him: the caller
        has ruled out "one of ...")."""
        block = article.blocks[m.block]
        before = [x for x in person.mentions if x.block == m.block and x.end <= m.start and x.kind != "pronoun"]
        if not before:
            return False
        start = before[-1].end
        # a chain of attributions: '"...," he said. "...," she said' -- from the person's last firm
        # link (their own attribution closing a quote) on, not from their name
        chain = [x.end for x in person.mentions if x.kind == "pronoun" and x.block == m.block and start <= x.start
                 and x.end <= m.start and x.evidence in _CHAIN and x.strong]
        if chain and m.evidence in ("attribution", "said-after"):
            start = max(chain)
        elif chain and (said := PronounMismatch._said_on(article, person, m)) is not None:
            start = said.end  # '"...," she said, adding that| his agency's': from her own attribution
        app = _own_appositive(block.text, start, m.start) or _own_who_appositive(block.text, start, m.start) \
            or _own_post_appositive(block.text, start, m.start) or _own_title_after(block, person, start, m.start)
        if app is not None and not any(x.block == m.block and start <= x.start < app.end()
                                       for p in cast.people if p is not person for x in p.mentions):
            start = app.end()  # "Whitlock, a former public defender, said ... his": her own description
            # (also with a place and a who-clause naming nobody, up to a pronoun inside it: "Tanabe, a
            # former university economist who is in| her second year")
        elif block.text[start:start + 8] == ", whose " and m.evidence == "sentence-start" \
                and (aside := _WHOSE_ASIDE.match(block.text, start, m.start)) is not None \
                and not any(x.block == m.block and aside.start() <= x.start < aside.end()
                            for p in cast.people if p is not person for x in p.mentions):
            start = aside.end()  # "Brandt, whose grandfather founded the company, flew ... He said": her relative
        elif "who" in block.text[start:start + 8]:
            aside = _DASH_WHO_ASIDE.match(block.text, start, m.start)
            if aside is not None and not any(x.block == m.block and aside.start() <= x.start < aside.end()
                                             for p in cast.people if p is not person for x in p.mentions):
                start = aside.end()  # "Mr Herron - who gained fame as ... - said": his own description
            elif m.evidence in ("said-that", "same-sentence-subject") and (
                    m.text.lower() in ("he", "she") or block.text[m.start - 5:m.start] in ("said ", "says ")) \
                    and _WHO_ASIDE_SAID.fullmatch(block.text, start, m.start) is not None:
                # "the foreign secretary, who flew in a day ahead of Whitcombe, said he": the
                # who-clause is an aside about the subject, whoever it names; the saying is theirs
                return False
        between = _AS_A_ROLE.sub(lambda r: " " * len(r.group()), block.text[start:m.start])
        if m.evidence == "sentence-start" and m.text.lower() in ("he", "she") and ("’s " in between or "'s " in between):
            between = _POST_OFFICE.sub(lambda r: " " * len(r.group()), between)
        if m.evidence == "sentence-start" and m.text.lower() in ("he", "she") \
                and _SAYING_NEXT.match(block.text, m.end) is not None:
            # "Okafor, president of the local, said one controller was handling both ... He said the
            # union had warned": a second saying continues the first speaker's; the people of what
            # they reported are no antecedent of it (someone else named there still is, below)
            said = _SAYING.search(between)
            ss, se = sentence_bounds(article, m.block, start)
            if said is not None and block.text[se:m.start].strip() == "":
                between = between[:said.end()] + " " * (len(between) - said.end())
        quoted_too = True
        if m.evidence == "attribution":
            # '"... the prime minister," she said': who the quotation speaks of is not who speaks it
            between = _QUOTED.sub(lambda q: " " * len(q.group()), between)
            quoted_too = False
        # (a he/she cannot mean a plural: "Lowe told reporters he would"; nor can a his/her/him
        # unless a singular hides in the plural: "one of the students in his lab", "each officer")
        other = _OTHER_ONE if singular or m.text.lower() in ("he", "she") or not _ONE_OF.search(between) \
            else _OTHER_PERSON
        if other.search(between):
            return True
        # someone else named between: unless a courtesy title gives them the other gender ("by Mr
        # Mallon's arguments. “…,” she said": no Mr is a she)
        gender = L.PRONOUN_GENDER.get(m.text.lower())
        other_gender = {"he": "she", "she": "he"}.get(gender)
        return any(x.block == m.block and start <= x.start < m.start and (quoted_too or not x.quoted)
                   and not (other_gender and _courtesy_gender(p) == other_gender)
                   for p in cast.people if p is not person for x in p.mentions)


def _opens_sentence(person, anchor, text: str, ss: int) -> bool:
    """The person's mention ``anchor`` opens the sentence starting at ``ss``, alone or after a title
    the cast gives them there ("Deputy Mayor Ana Ruiz, 58, who ...")."""
    lead = text[ss:anchor.start].strip(" \u00a0\"“‘'(")
    if not lead:
        return True
    return any(t.block == anchor.block and ss <= t.start and t.end <= anchor.start
               and not text[ss:t.start].strip(" \u00a0\"“‘'(") and not text[t.end:anchor.start].strip(" \u00a0")
               for t in person.titles)


def _own_post_appositive(text: str, start: int, end: int):
    """The subject's own appositive whose who-clause gives them a post (``_OWN_POST_APPOSITIVE``),
    or None: the post's head a title or occupation, and no other person noun after it (cheap test
    first: " who " in the span)."""
    if " who " not in text[start:end]:
        return None
    m = _OWN_POST_APPOSITIVE.match(text, start, end)
    if m is None or (m.group("post") not in L.TITLE_HEADS and m.group("post") not in L.OCCUPATIONS):
        return None
    return None if _OTHER_PERSON.search(m.group("rest")) else m


def _who_may_be_object(article, m) -> bool:
    """A who-clause link that may not be the person's: "Ms Hassan, who he described" (the relative
    pronoun is the object of the pronoun's verb). A his/her further on in the clause is the
    subject's ("Villalobos, who crossed the bridge with growers from his state")."""
    return m.evidence == "who" and (m.text.lower() not in ("his", "her")
                                    or _WHO_THEN.search(article.blocks[m.block].text, 0, m.start) is not None)


def _both_genders(cast, sure: dict, named: dict, gendered: dict) -> bool:
    """Whether the story has anything at all for both "he" and "she": a slip is a pronoun of one
    and a person established (by pronouns, titles, votes or a given name) as the other, so a story
    with one of them only can hold none, and the salience reader need not read it."""
    seen = set(sure.values()) | set(named.values())
    for _, evidence in gendered.values():
        seen.update(g for g in ("he", "she") if evidence[g] > 0)
    for m in cast.unlinked_pronouns:
        seen.add(L.PRONOUN_GENDER.get(m.text.lower()))
    for p in cast.people:
        if len(seen & {"he", "she"}) == 2:
            return True
        seen.update(L.PRONOUN_GENDER.get(m.text.lower()) for m in p.mentions if m.kind == "pronoun")
    return len(seen & {"he", "she"}) == 2


def _honorific_gender(person) -> str | None:
    """The pronoun an honorific gives the person ("Sir Nick Carter", "Lord Holme", "Dame Judi
    Dench"): as a title before the name or as the name's first word; None when none or both."""
    said = {L.HONORIFIC_GENDER.get(t.text.lower()) for t in person.titles} - {None}
    first = person.name.split()[0].lower() if person.name else ""
    if first in L.HONORIFIC_GENDER:
        said.add(L.HONORIFIC_GENDER[first])
    return next(iter(said)) if len(said) == 1 else None


#: a post named with a -woman noun ("chairwoman", "Congresswoman", "spokeswoman"; ``_post_gender``)
_WOMAN_POST = regex.compile(r"(?<![\p{L}\-])\p{L}+woman(?![\p{L}\-])", regex.I)


def _post_gender(person) -> tuple[str, str] | None:
    """``("she", noun)`` when the story names the person's post with a -woman noun ("chairwoman of
    the National Transportation Safety Board"): AP names a woman's post so (the -man forms are no
    evidence: British style keeps "chairman" for a woman)."""
    for t in person.titles:
        w = _WOMAN_POST.search(t.text)
        if w is not None:
            return "she", w.group().lower()
    return None


#: a speaker calling themselves a gendered family noun in their own words: "I am a father", "I'm a
#: single mother", "I was a young man" (not "as a mother", which is often a role: "cast as a mother")
_SELF_NOUN = regex.compile(r"\bI(?:[ \u00a0]+am|['’]m|[ \u00a0]+was|['’]ve[ \u00a0]+been|[ \u00a0]+have[ \u00a0]+been)"
                           r"[ \u00a0]+(?:a|an|the)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,2}?(?P<noun>" + "|".join(
                               sorted(L.SELF_GENDER_NOUNS, key=_longest_first)) + r")(?![\w\-])")


def _self_described_gender(article, person) -> str | None:
    """The pronoun the person's own quotations give them by a gendered noun they call themselves
    ('“I am a father, and I cannot imagine ...,” Voight said'), when the quotation is attributed to
    them by name or title (not by a pronoun, whose link is what is being judged) and all such nouns
    agree; None otherwise. Cheap test first: "I" and a space or an apostrophe in the quotation."""
    if not person.quotes:
        return None
    quotes = article.analysis.quotations
    said = set()
    for i in person.quotes:
        q = quotes[i]
        att = q.attribution
        if att is None or att.speaker_kind not in ("name", "title"):
            continue
        text = article.blocks[q.block].text
        inner = text[q.inner_start:q.inner_end]
        if "I " not in inner and "I'" not in inner and "I’" not in inner:
            continue
        for m in _SELF_NOUN.finditer(text, q.inner_start, q.inner_end):
            said.add(L.SELF_GENDER_NOUNS[m.group("noun").lower()])
    return next(iter(said)) if len(said) == 1 else None


def _courtesy_gender(person) -> str | None:
    """The pronoun the person's courtesy titles give ("Mr" -> "he"), when they give exactly one."""
    said = {L.COURTESY.get(x.title.text.rstrip(".").lower()) for x in person.mentions
            if x.kind == "courtesy" and x.title is not None}
    return next(iter(said)) if len(said) == 1 and None not in said else None


# -- collective nouns ----------------------------------------------------------------------

DEFAULT_COLLECTIVES = [
    "company", "firm", "corporation", "government", "council", "committee", "board", "agency", "ministry",
    "department", "bank", "administration", "commission", "authority", "court", "jury", "panel", "union",
    "group", "organization", "organisation", "team", "club", "university", "school", "hospital", "charity",
    "party", "regulator", "watchdog", "airline", "retailer", "carrier", "insurer", "lender", "manufacturer",
    "consortium", "association", "federation", "coalition", "alliance", "foundation", "institute",
]
_ORG_SUFFIX = r"\p{Lu}[\p{L}&\-]*(?:[ \u00a0]+\p{Lu}[\p{L}&\-]*)*[ \u00a0]+(?:Inc|Corp|Ltd|LLC|plc|PLC|Co)\.?"
_ORG_SUFFIX_WORDS = ("Inc", "Corp", "Ltd", "LLC", "plc", "PLC", "Co")
_SAY_VERBS = (r"(?:said|says|announced|announces|added|adds|confirmed|confirms|stated|states|warned|warns|"
              r"insisted|insists|argued|argues|explained|explains|expects|expected|hopes|hoped|plans|planned|"
              r"believes|believed|acknowledged|acknowledges|admitted|admits|denied|denies|told[ \u00a0]+\p{L}+|"
              r"wrote|writes)")
#: the words that end a business's full name, whose first word alone names it later: "Crestline
#: Airways" ... "Crestline said they would keep negotiating"
_BUSINESS_NAME_ENDS = frozenset("""Airways Airlines Air Inc Corp Corporation Co Company Group Holdings Bank Motors
Industries Systems Technologies Shipping Logistics Railways Railroad Energy Power Steel Mining Insurance Foods
Pharmaceuticals Manufacturing Construction Brands Stores""".split())
_SHORT_NAME_SAID = regex.compile(r"(?<![\w\-'’.])(?P<short>\p{Lu}\p{Ll}[\p{L}\-]+)(?![\w\-'’])[ \u00a0]+"
                                 r"(?:(?:has|had|also|later|previously|again)[ \u00a0]+){0,2}"
                                 r"(?:said|says|announced|added|told[ \u00a0]+\p{L}+)"
                                 r"(?:[ \u00a0]+(?:on|in)[ \u00a0]+\p{L}+)?,?[ \u00a0]+(?:that[ \u00a0]+)?"
                                 # (what the business itself will do: "they would keep negotiating";
                                 # not "Qantas believes they will pay for themselves", the aircraft)
                                 r"(?P<pron>they)[ \u00a0]+(?:would|will|plan|planned|intend|intended|"
                                 r"expect|expected)(?![\w\-'’])")
#: the verbs' words: the pattern needs one as a whole word (case-sensitive, so folded runs are a superset)
_SAY_WORDS = frozenset("""said says announced announces added adds confirmed confirms stated states warned warns
insisted insists argued argues explained explains expects expected hopes hoped plans planned believes believed
acknowledged acknowledges admitted admits denied denies told wrote writes""".split())


class CollectiveThey(RuleKind):
    name = "collective-they"
    description = "An organisation or collective noun referred to as 'they' ('The company said they will')."
    OPTIONS = {
        "nouns": Option("list[str]", default=DEFAULT_COLLECTIVES, doc="collective nouns and organisation words"),
        "org_suffixes": Option("bool", default=True, doc="also names ending in Inc., Corp., Ltd, plc"),
    }

    def setup(self, options):
        nouns = sorted({n.lower() for n in options["nouns"]}, key=_longest_first)
        if not nouns and not options["org_suffixes"]:
            raise OptionError("options.nouns", "give at least one noun or enable org_suffixes")
        subjects = []
        if nouns:
            subjects.append(r"(?:[Tt]he|[Ii]ts)[ \u00a0]+(?:[\p{L}\-]+[ \u00a0]+){0,2}?(?P<noun>(?i:"
                            + "|".join(regex.escape(n) for n in nouns) + r"))")
        if options["org_suffixes"]:
            subjects.append(r"(?P<org>" + _ORG_SUFFIX + r")")
        # every match has a noun or suffix as a whole word: articles and paragraphs with none are skipped
        self.subject_words = word_gate([*nouns, *(_ORG_SUFFIX_WORDS if options["org_suffixes"] else ())])
        self.org_suffixes = options["org_suffixes"]
        self.business_words = word_gate(_BUSINESS_NAME_ENDS)
        # SUBJECT (has) (also) VERB (, that) they/their -- the pronoun in the clause the subject governs
        self.pattern = regex.compile(
            r"(?<![\w\-])(?:" + "|".join(subjects) + r")(?![\w\-'’])(?:,[^,;:“”\"]{1,60},)?[ \u00a0]+"
            r"(?:(?:has|have|had|also|later|previously|again)[ \u00a0]+){0,2}" + _SAY_VERBS
            + r"(?:[ \u00a0]+(?:on|in)[ \u00a0]+\p{L}+)?,?[ \u00a0]+(?:that[ \u00a0]+)?"
            r"(?P<pron>they|their|them)(?![\w\-'’])"
        )

    def check(self, ctx: CheckContext):
        article = ctx.article
        words = self.subject_words
        article_runs = article_letter_runs(article)
        main = words is None or not words.isdisjoint(article_runs)
        # a business named short ("Crestline said they") after its full name ("Crestline Airways")
        short = self.org_suffixes and (self.business_words is None or not self.business_words.isdisjoint(article_runs))
        if not main and not short:
            return
        analysis = article.analysis
        for block in ctx.blocks():
            text = block.text
            if "they" not in text and "their" not in text and "them" not in text:
                continue
            runs = letter_runs(article, block)
            if _SAY_WORDS.isdisjoint(runs):
                continue
            if short:
                yield from self._short_names(ctx, analysis, block)
            if not main or (words is not None and words.isdisjoint(runs)):
                continue
            for m in ctx.finditer(self.pattern, text):
                noun = m.group("noun") if m.group("noun") else m.group("org")
                # a plural noun phrase: "the company's lawyers said they"
                if m.group("noun") and regex.match(r"['’]s?\b", text[m.end("noun"):m.end("noun") + 2]):
                    continue
                if analysis.in_quote(block, m.start("pron"), m.end("pron")):
                    continue
                if text[max(0, m.start() - 2):m.start()].startswith(","):
                    continue  # an appositive ("backers, including JP Morgan, the bank, have said they")
                pron = m.group("pron")
                it = {"they": "it", "their": "its", "them": "it"}[pron]
                yield Hit(block, m.start("pron"), m.end("pron"), args={"noun": noun, "pronoun": pron, "it": it},
                          suggestion=it)

    @staticmethod
    def _short_names(ctx, analysis, block):
        """"Crestline said they would ...": a business named by the first word of the full name the
        story gives it elsewhere ("Crestline Airways"), not a person's surname."""
        text = block.text
        for m in ctx.finditer(_SHORT_NAME_SAID, text):
            short = m.group("short")
            if analysis.in_quote(block, m.start("pron"), m.end("pron")):
                continue
            # (stdlib re: a pattern made for one story is not worth the regex module's compile)
            full = _std_re.search(r"(?<![\w\-])" + _std_re.escape(short) + r"[ \u00a0]+([A-Z]\w*)\.?(?![\w\-])",
                                  ctx.article.source.text)
            if full is None or full.group(1) not in _BUSINESS_NAME_ENDS:
                continue
            cast = analysis.cast
            if any(p.surname == short or short in p.name.split() for p in cast.people):
                continue  # (a person's name: "Brandt said they")
            pron = m.group("pron")
            it = {"they": "it", "their": "its", "them": "it"}[pron]
            yield Hit(block, m.start("pron"), m.end("pron"), args={"noun": short, "pronoun": pron, "it": it},
                      suggestion=it)


# -- slash forms --------------------------------------------------------------------------------

_SLASH = regex.compile(
    r"(?<![\w/])(?:(?i:he/she|she/he|him/her|her/him|his/her|her/his|his/hers|hers/his|himself/herself|"
    r"herself/himself|s/he)|\((?i:s)\)(?i:he)|(?i:he)\((?i:she)\)|(?i:he)\s?/\s?(?i:she))(?![\w/])"
)
_THEY = {"he/she": "they", "she/he": "they", "s/he": "they", "(s)he": "they", "him/her": "them",
         "her/him": "them", "his/her": "their", "her/his": "their", "his/hers": "theirs", "hers/his": "theirs",
         "himself/herself": "themselves", "herself/himself": "themselves"}


class SlashPronoun(RuleKind):
    name = "slash-pronoun"
    description = "'he/she', 's/he', '(s)he', 'him/her' and the like."

    def check(self, ctx: CheckContext):
        for block in ctx.blocks():
            text = block.text
            if "/" not in text and "(s)" not in text.lower():
                continue
            for m in ctx.finditer(_SLASH, text):
                key = regex.sub(r"\s", "", m.group().lower())
                they = _THEY.get(key, "they")
                yield Hit(block, m.start(), m.end(), args={"they": they}, suggestion=they)
