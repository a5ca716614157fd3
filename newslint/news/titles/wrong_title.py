"""``wrong-title``: a title-only reference whose holder is not the person the sentence is about."""

from __future__ import annotations

import bisect
import re as _re
from newslint import rx as regex
from newslint.article import lexicon as L
from newslint.kinds.base import CheckContext, Hit, Option, RuleKind
from newslint.news.bodies import body_heads, owns_body
from newslint.news.titles.common import (BODY_KINDS, _CAPWORD, _OPENER, _WORD_RE, describe_title, lower_title,
                                         name_mentions, sentence_span)
from newslint.news.titles.posts import (_CHANGE_WORDS, _COPULA_PRED, _COUNTRY_WORD, _DESCRIPTION_AFTER, _DESCRIPTION_BEFORE, _HONORIFICS,
    _JOB_WORD_BEFORE, _ONE_HOLDER, _PLURAL_JOB_BEFORE, _TOP_JOB_WORDS, _WHO_POST_AFTER, _WORD_BEFORE, _country,
    _office_key)

#: what a lower-case organisation the person runs may end with ("the port authority", "the water district")
_BODY_NOUNS = ("authority", "agency", "district", "department", "commission", "board", "bureau", "hospital",
               "university", "college", "union", "council", "office", "service", "utility", "airline",
               "museum", "library", "port", "institute", "foundation", "society", "association", "center", "jail",
               "prison", "school", "plant", "bank", "fund")
#: "the company" and its kin: whichever organisation the story is about
_GENERIC_ORGS = frozenset("company firm business group startup start-up chain agency charity organization "
                          "organisation".split())
#: the words a post's body may be named by for a lower-case body word ("who has led the union" against
#: "president of the Meridian Pilots Association")
_BODY_SYNONYMS = {"union": frozenset({"union", "association", "guild", "local", "federation", "brotherhood"}),
                  "jail": frozenset({"jail", "detention"}), "prison": frozenset({"prison", "penitentiary",
                                                                                   "correctional"})}
#: a body's whole staff: leading it is leading the body ("who has led the fund's staff"); its board
#: is the board ("who has led the district's board")
_WHOLE_STAFF = r"['’]s[ \u00a0]+(?:staff|employees|workforce|operations|board)"
_WHOLE_STAFF_END = regex.compile(_WHOLE_STAFF + "$")
#: ", who has " / ", who also ": the opening of a who-clause about a person's post
_WHO_HAS = r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had)[ \u00a0]+)?(?:also[ \u00a0]+)?"
_RUNS_VERB = (r"(?P<verb>run|runs|ran|led|leads|headed|heads|founded|co-founded|managed|manages|owned|owns|commanded|"
              r"commands|took[ \u00a0]+command[ \u00a0]+of)[ \u00a0]+")
#: ", who has run Harland since 2019" (or the sentence's own "has led Harland since 2019", "took command
#: of the Kansas City District"): a clause saying whom the person leads
_RUNS_CLAUSE = regex.compile(r"(?:" + _WHO_HAS + r"|[ \u00a0]+(?:has|had)[ \u00a0]+|[ \u00a0]+(?=took[ \u00a0]+command))"
                             + _RUNS_VERB
                             + r"(?P<org>(?:the[ \u00a0]+(?=\p{Lu}))?(?:(?:St|Mt|Ft)\.[ \u00a0]+)?\p{Lu}[\p{L}&'’\-]*"
                             r"(?:[ \u00a0]\p{Lu}[\p{L}&'’\-]*){0,3}(?<!['’]s)"
                             # (not a part of the body, "who has led the bank's markets desk"; its whole
                             # staff is the body's, "who has led the fund's staff since 2017")
                             r"|the[ \u00a0]+(?:[a-z]+[ \u00a0]+){0,2}(?:" + "|".join(_BODY_NOUNS) + r")"
                             r"(?:" + _WHOLE_STAFF + r"|(?!['’]s)))"
                             r"(?![\p{L}\-])")
#: the same clause after a person's name, with "the company" as the object too
_RUNS_CLAUSE_ANY = regex.compile(_WHO_HAS + _RUNS_VERB + r"(?P<org>\p{Lu}[\p{L}&'’\-]*|the[ \u00a0]+(?:company|firm|"
                                 r"business|group|startup|start-up|chain|agency|charity|organization|organisation)"
                                 # (a lower-case body the reference's clause may name: "who commands the detention
                                 # center")
                                 r"|the[ \u00a0]+(?:[a-z]+[ \u00a0]+){0,2}(?:" + "|".join(_BODY_NOUNS) + r"))(?![\p{L}\-])")
#: ", who has represented Kansas since 2011": a clause saying which place the person represents
_REPRESENTS_CLAUSE = regex.compile(_WHO_HAS + r"(?:represented|represents)[ \u00a0]+"
                                   r"(?P<place>\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+)?)(?![\w'’\-])")
#: "of Kansas" right after a name ("Sen. Gordon Pryce of Kansas")
_OF_PLACE_AFTER = regex.compile(r"[ \u00a0]+of[ \u00a0]+(?P<place>\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+)?)(?![\w'’\-])")
_FOUNDED = frozenset({"founded", "co-founded"})
#: ", who flew in from Manila", ", who arrived from Ottawa on Sunday", ", who traveled from Tokyo"
_ARRIVED_FROM = regex.compile(_WHO_HAS + r"(?:flew|flown|arrived|traveled|travelled|came)[ \u00a0]+(?:in[ \u00a0]+)?"
                              r"from[ \u00a0]+(?P<city>\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+)?)(?![\w'’\-])")
#: a who-clause of a post held before: ", who served as Sweden's trade minister before" (``post``: the
#: post's words, lower case, ending before a preposition, a conjunction or a comma)
_SERVED_AS = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:had|has|once|previously|also)[ \u00a0]+)*(?P<verb>(?:served|worked)[ \u00a0]+as"
                           # (or was made the post: "who was elected attorney general in 2022")
                           r"|(?:was|had[ \u00a0]+been)[ \u00a0]+(?:elected|appointed|named)|became)"
                           r"[ \u00a0]+(?P<what>(?:(?P<country>\p{Lu}\p{Ll}+)['’]s[ \u00a0]+|(?:an?|the)[ \u00a0]+)?"
                           r"(?P<post>\p{Ll}+(?:[ \u00a0]\p{Ll}+){0,3}?))(?=[ \u00a0]+(?:before|until|from|in|for|under|and|at|during)"
                           r"(?![\p{L}])|,)")
#: a who-clause giving a role in a body or a portfolio: "who has chaired the board since 2021", "who
#: has served on the board since 2017", "who took over Canada's trade portfolio in 2023" (its object
#: runs to a preposition of time or place, or the clause's end)
_ROLE_CLAUSE = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had|also|now)[ \u00a0]+)*(?P<verb>chaired|chairs|"
                             r"served[ \u00a0]+on|serves[ \u00a0]+on|sat[ \u00a0]+on|sits[ \u00a0]+on|took[ \u00a0]+over|"
                             r"taken[ \u00a0]+over|oversees|oversaw|overseen)[ \u00a0]+(?P<object>(?:[\p{L}'’\-]+[ \u00a0]*)"
                             r"{1,6}?)(?=[ \u00a0]+(?:since|in|for|until|from|at|during|after|before|when)\b|[,;:.!?)])")
_CHAIR_VERBS = frozenset({"chaired", "chairs"})
_CHAIR_HEADS = frozenset({"chair", "chairman", "chairwoman", "chairperson"})
#: words of a role too common to say whose it is ("the county's", "its operations", "the portfolio")
_ROLE_GENERIC = L.FUNCTION_WORDS | L.words("county city state national federal regional department office agency "
                                          "portfolio portfolios operations operation affairs services service "
                                          "general public new main")


def _role_words(text: str) -> list:
    """The lower-case words of a role or a post, without possessive endings ("Canada's trade
    portfolio" -> canada, trade, portfolio)."""
    return [regex.sub(r"['’]s?$", "", w).lower() for w in _WORD_RE.findall(text)]


#: a who-clause's words, up to its first stop or comma: ", who has led the armed forces since 2022,"
_WHO_CLAUSE = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?P<words>[^,;:.!?“”\"()]{10,120})")


def _phrase_pattern(words) -> "_re.Pattern":
    """The words in a row, any blanks between them, whole words, any case (stdlib ``re``: a pattern
    made per story must not pull in the regex module's compiler, a cold start's 13 ms)."""
    return _re.compile(r"(?<![\w'’\-])" + r"[ \u00a0]+".join(_re.escape(w) for w in words) + r"(?![\w'’\-])",
                       _re.IGNORECASE)


#: a posting at a title's end: "(envoy) to Mexico" (the country of the post, not of its holder)
_POSTING = regex.compile(r"\bto[ \u00a0]+\p{L}[\p{L} \-]*$")
#: the kinds of cabinet post one government has one of per portfolio
_POST_KINDS = frozenset({"minister", "secretary"})


def _countries(person) -> set:
    """The countries the person's titles name by a demonym or the country ("Philippine Foreign
    Secretary", "Vietnam's foreign minister"), not a posting ("envoy to Mexico")."""
    found = set()
    for t in person.titles:
        if t.former:
            continue
        low = t.text.lower().replace("’", "'")
        low = _POSTING.sub("", low)
        for w in _WORD_RE.findall(low):
            w = w.removesuffix("'s")
            c = L.COUNTRY_OF.get(w)
            if c is not None:
                found.add(c)
    return found
#: titles of the person who runs an organisation
_LEAD_HEADS = frozenset({"chief executive", "chief executive officer", "ceo", "president", "chairman", "chairwoman",
                         "chair", "chairperson", "founder", "co-founder", "managing director", "executive director",
                         "director", "head", "owner", "boss", "leader", "manager", "principal", "chief operating officer",
                         "commander", "governor"})


#: an organisation's top post, one holder of it for each organisation: named with the organisation's
#: initials ("FAA Administrator Gregory Pace", "CIA Director ...") it is one office, as the offices of
#: `unheld-title` are ("Okafor, the FAA administrator," when Pace holds it: ``_apposed_titles``)
_ORG_TOP_HEADS = frozenset({"administrator", "chair", "chairperson", "president", "director", "commissioner",
                            "director general", "director-general", "secretary-general", "secretary general"})


def _acronym_qualified(words) -> bool:
    """A title's words before the head hold an organisation's initials ("FAA", "NTSB"): 2-6 capitals."""
    return any(2 <= len(w) <= 6 and w.isalpha() and w.isupper() for w in words[:-1])


#: what closes an appositive title: a comma that does not go on with a list, or a bracket
_APPOSITION_END = regex.compile(r"(?:,(?![ \u00a0]+(?:and|or)[ \u00a0])|\))")
#: what opens an appositive title after a name: ", the" and maybe an organisation's possessive
_APPOSED_LEAD = regex.compile(r", the(?: [a-z][a-z\-]*['’]s)?\Z")
#: lower-case job words before a full name that give a seat, not an office ("board member Alvin Brody")
_MEMBER_WORDS = frozenset("member trustee regent".split())
#: a who-clause (``_WHO_POST_AFTER``) saying which body the person leads: ", who leads Local 19 in
#: Seattle," (a post for comparing later titles with, not a title of the cast): one of these verbs
#: and a capitalised name
_LEADING_VERBS = frozenset("leads heads chairs runs".split())
_NAMED_BODY = regex.compile(r"(?:the[ \u00a0]+)?\p{Lu}")
#: capitalised words and numbers right before a title the cast read ("Local 23 " before "President")
_ORG_WORDS_BEFORE = regex.compile(r"(?<![\w'’\-])(?:(?:\p{Lu}[\p{L}'’\-]*|\d+)[ \u00a0]+)+$")
#: the words of a post that name its body: capitalised words and numbers
_NAMING_TOKEN = regex.compile(r"\b(?:\p{Lu}[\p{L}'’\-]*|\d+)\b")
#: any word or number of a post; those that name no body
_NAMING_ANY = regex.compile(r"\b(?:\p{L}[\p{L}\-]*|\d+)\b")
_NOT_BODY = L.FUNCTION_WORDS | L.RANK_MODIFIERS | L.OTHER_MODIFIERS | L.STATUS_MODIFIERS | {"who"}


def _initials_in(word: str, text: str) -> bool:
    """``word`` is the initials of consecutive capitalised words of ``text`` ("FAA" in "Federal
    Aviation Administration Administrator")."""
    if not (2 <= len(word) <= 6 and word.isupper() and word.isalpha()):
        return False
    caps = "".join(w[0] for w in _CAPWORD.findall(text))
    return word in caps


def _ref_as_quoted(ref) -> str:
    """A title-only reference as a message quotes it: "the chairman" (a leading "The" lowered), or
    as written when qualifiers say whose it is ("Calder's chairman")."""
    if ref.qualifiers or ref.text[:4] not in ("The ", "The\u00a0"):
        return ref.text
    return ref.text[0].lower() + ref.text[1:]


def _holders(others, noun: str) -> str:
    """ "Ana Ruiz's post", or "the post of Ana Ruiz and Tom Hale" for several holders."""
    if len(others) == 1:
        return f"{others[0].name}'s {noun}"
    return f"the {noun} of " + ", ".join(q.name for q in others[:-1]) + f" and {others[-1].name}"


def _others_post_hit(block, start: int, end: int, label: str, whose: str, others, p, first: str,
                     note: str = "") -> Hit:
    """The finding for a title given at a name that belongs to someone else in the story."""
    return Hit(block, start, end, args={"person": others[0].name, "holder": p.name},
               message=f"\"{label}\"{note} is {whose} in this story; {p.name} was introduced as \"{first}\": "
                       f"check which title is right.")


def _same_sentence_post_or_change(analysis, block, post, mine) -> bool:
    """Another post of the person's in the sentence of ``post`` (two posts held together, "Defense
    Secretary and Deputy Prime Minister"), or a word there saying the post changes (``_CHANGE_WORDS``)."""
    ss, se = sentence_span(analysis, block, post[1])
    return any(x is not post and x[0] == post[0] and ss <= x[1] < se for x in mine) \
        or _CHANGE_WORDS.search(block.text, ss, se) is not None


#: what a whose-clause may give a person that only certain posts have, and those posts' words:
#: a company's head, a legislator's seat ("The governor, whose company ...", "whose Calgary riding")
_CHARGE_HEADS = {
    "company": {"executive", "ceo", "founder", "chairman", "chairwoman", "owner", "president"},
    "firm": {"executive", "ceo", "founder", "chairman", "chairwoman", "owner", "partner", "president"},
    "utility": {"executive", "ceo", "chairman", "chairwoman", "president"},
    "riding": {"mp", "member", "critic", "legislator", "lawmaker", "representative", "senator", "congressman",
               "congresswoman", "assemblyman", "assemblywoman"},
    "constituency": {"mp", "member", "legislator", "lawmaker", "representative", "senator"},
    "district": {"representative", "senator", "congressman", "congresswoman", "legislator", "lawmaker",
                 "assemblyman", "assemblywoman", "councilman", "councilwoman", "councilmember", "alderman"},
}
_WHOSE_CHARGE = regex.compile(r",[ \u00a0]+whose[ \u00a0]+(?:(?:\p{Lu}[\p{L}\-]*|own|home|former)[ \u00a0]+){0,2}"
                              r"(?P<noun>company|firm|utility|riding|constituency|district)(?![\p{L}\-])")
#: "The commissioner said her company's insurance ...": a company's head speaking of it (not a
#: riding or a district, which may be anyone's home)
_SAID_CHARGE = regex.compile(r"[ \u00a0]+(?:also[ \u00a0]+)?(?:said|says)[ \u00a0]+(?:that[ \u00a0]+)?(?:his|her)[ \u00a0]+"
                             r"(?P<noun>company|firm|utility)(?![\p{L}\-])")
#: ", whose coalition ...", ", whose 60-member mission": a body the person heads or belongs to, which
#: another person's post names (``_whose_body``; not "party", which every politician has)
_WHOSE_BODY = regex.compile(r",[ \u00a0]+whose[ \u00a0]+(?:[\p{L}\d\-]+[ \u00a0]+){0,2}?(?P<noun>coalition|federation|"
                            r"mission|union|association|alliance|bureau|foundation|network|campaign)(?![\p{L}\-])")
#: ", whose lab produced ...": something one person has of their own, which the story gives another person
#: by their surname's possessive ("Anand's lab"; ``_whose_possessed``; not an office, staff or family, which
#: every office holder has)
_WHOSE_OWN = regex.compile(r",[ \u00a0]+whose[ \u00a0]+(?P<noun>lab|laboratory|clinic|practice|restaurant|farm|"
                           r"ranch|studio|gallery|shop|store|bakery|startup|start-up|website|podcast|blog|column|"
                           r"lawsuit|research|dissertation|novel|memoir|band|vineyard|winery|brewery)(?![\p{L}\-])")
#: the same things given by "said his/her" right after the reference ("The district attorney said his
#: client would live with a sister"), and a lawyer's client or a doctor's patient
_SAID_POSSESSIVE = r"[ \u00a0]+(?:also[ \u00a0]+)?(?:said|says)[ \u00a0]+(?:that[ \u00a0]+)?(?:his|her)[ \u00a0]+"
_SAID_OWN = regex.compile(_SAID_POSSESSIVE + r"(?P<noun>client|clients|patient|patients|"
                          + _WHOSE_OWN.pattern.split("(?P<noun>", 1)[1])
#: a body only some posts own, given by "said his/her" right after the reference ("The auditor said her
#: members": a union's; ``_body_of_other``)
_SAID_BODY = regex.compile(_SAID_POSSESSIVE + r"(?P<noun>members|department|ministry|company|firm|airline|bank)(?![\p{L}\-])")
#: ", who was appointed by Marsh in 2021": who appointed the person, and when (``_appointed_like_other``)
_APPOINTED_BY = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:was|had[ \u00a0]+been)[ \u00a0]+(?P<verb>appointed|named|nominated|"
                              r"hired|picked|chosen)[ \u00a0]+by[ \u00a0]+(?:Gov\.[ \u00a0]+|Mayor[ \u00a0]+|President[ \u00a0]+)?"
                              r"(?P<by>\p{Lu}[\p{L}'’\-]+)(?:[^,;.]{0,40}?[ \u00a0]in[ \u00a0]+(?P<year>(?:19|20)\d\d))?")
#: ", who has led the village since 2019": a place that only one kind of post runs (``_whose_other``)
_LED_PLACE = regex.compile(_WHO_HAS + r"(?:run|runs|ran|led|leads|headed|heads|governed|governs)[ \u00a0]+"
                           r"the[ \u00a0]+(?P<noun>village|town|city|state)(?![\p{L}\-])")
_LED_PLACE_HEADS = {"village": {"mayor"}, "town": {"mayor"}, "city": {"mayor", "manager"}, "state": {"governor"}}
#: offices an abbreviated title before a name stands for that a person holds by election or appointment,
#: not by rank or degree: "Sen.", "Rep.", "Gov.", "Lt. Gov.", "Atty. Gen." (``_office_abbreviation_swaps``)
_ELECTED_OFFICES = frozenset({"senator", "representative", "governor", "lieutenant governor", "attorney general"})


#: a sentence's opening phrase pointing back at a statement given before ("In the statement, the
#: jail administrator said"): "the", "that", "the same"; not "a" (a statement of its own)
_STATEMENT_LEAD = _re.compile(r"[ \u00a0“\"]*(?:In|in)[ \u00a0]+(?:the[ \u00a0]+same|the|that)[ \u00a0]+"
                              r"(?P<noun>statement|letter|email|e-mail|release|news[ \u00a0]+release|post)"
                              r",[ \u00a0]+(?:the[ \u00a0]+)?")
#: "also said": what the subject says goes on from something it said before
_ALSO_SAID = _re.compile(r" also (?:said|says|told|announced|questioned|noted|argued|warned|urged|asked|criticized|criticised)\b")
#: "also said" and an organisation's possessive opening what was said: " also said the chain's turnover"
_ALSO_SAID_ORG = _re.compile(r" also (?:said|says|told|announced|noted|argued|warned)(?: that)? the ([a-z]+)['’]s ")
#: a speech verb right after a mention, past an appositive or in a who-clause: "Fell, the secretary
#: of state, said", "Petrak, who said"
_SPEECH_AFTER = _re.compile(r"(?:,[^,.;:“”\"]{1,80},|,[ \u00a0]+who)?[ \u00a0]+(?:also[ \u00a0]+|later[ \u00a0]+)?"
                            r"(?:said|says|told|added|asked|wrote|warned|argued|explained|spoke)\b")
_SPEECH_BEFORE = _re.compile(r"\b(?:said|says|told|added|asked|according[ \u00a0]+to)[ \u00a0]+$")


def _post_names(person, noun: str) -> bool:
    """Whether one of the person's current posts names ``noun`` ("chain's chief executive": the chain)."""
    return any(not t.former and noun in {w.lower().removesuffix("'s").removesuffix("’s") for w in t.text.split()}
               for t in person.titles)


def _speaks_of_own_org(text: str, ref, speaker, holder) -> str | None:
    """The organisation an "also said" opens with when it names ``speaker``'s post and not the
    holder's ("The health secretary also said the chain's turnover" after the chain's chief
    executive spoke): the noun, or None."""
    org = _ALSO_SAID_ORG.match(text, ref.end)
    if org is None or not _post_names(speaker, org.group(1)) or _post_names(holder, org.group(1)):
        return None
    return org.group(1)


def _only_holder(ref, holder) -> str:
    """"the only foreign minister in the story is Eli Cohen (Israeli Foreign Minister)": what every
    wrong-title message says of the title's one holder."""
    title = describe_title(holder)
    return f"the only {ref.head} in the story is {holder.name}" + (f" ({title})" if title else "")


def _spoke(text: str, mention) -> bool:
    """The mention is the subject of a speech verb ("Fell said", "She told", "said Fell")."""
    return _SPEECH_AFTER.match(text, mention.end) is not None \
        or _SPEECH_BEFORE.search(text, max(0, mention.start - 16), mention.start) is not None


#: a clause that dissents from a court's ruling: "argued in his dissent", "dissented", "called the
#: majority's remedy ..."
_DISSENT = r"dissent|dissented|dissents|dissenting"
_DISSENTS = regex.compile(r"(?<![\w\-])(?:" + _DISSENT + r"|(?:called|criticized|criticised|attacked|"
                          r"rejected|faulted|derided|dismissed|assailed)[ \u00a0]+the[ \u00a0]+majority['’]s)(?![\w\-])")
_DISSENT_WORD = regex.compile(r"(?<![\w\-])(?:" + _DISSENT + r")(?![\w\-])", regex.I)
#: the author of the majority's opinion: "The 5-2 decision, written by Chief Justice ...", "Writing for
#: the majority, ...", "the majority opinion"
_MAJORITY_AUTHOR = regex.compile(r"(?<![\w\-])(?:(?:decision|opinion|ruling)[ \u00a0,]+written[ \u00a0]+by|"
                                 r"(?:writing|wrote)[ \u00a0]+for[ \u00a0]+the[ \u00a0]+(?:majority|court)|"
                                 r"majority[ \u00a0]+opinion)(?![\w\-])", regex.I)
#: the dissent's author among those who joined it
_WROTE = regex.compile(r"(?<![\w\-])(?:wrote|writes|written|writing|authored)(?![\w\-])")


class _Nobody:
    """The holder of a post nobody in the cast holds (``deputy_runs_other``): no titles, no name."""
    titles = ()
    name = ""


_NOBODY = _Nobody()


class WrongTitle(RuleKind):
    name = "wrong-title"
    description = "A title-only reference ('the foreign minister') whose holder is not the person meant."
    OPTIONS = {
        "min_mentions": Option("int", default=4, doc="name mentions that make someone a main person of the story"),
        "passing": Option("int", default=2, doc="most name mentions of a holder 'mentioned in passing'"),
        "gap": Option("int", default=3, doc="paragraphs since the holder was last named that count as a signal"),
    }

    def check(self, ctx: CheckContext):
        yield from self._post_swaps(ctx)
        yield from self._office_abbreviation_swaps(ctx)
        yield from self._apposed_titles(ctx)
        article = ctx.article
        analysis = article.analysis
        cast = analysis.cast
        if not cast.title_refs:
            return
        counts = {id(p): len(name_mentions(p)) for p in cast.people}
        scope = {b.index: b for b in ctx.blocks()}
        body_order = [b.index for b in article.blocks if b.kind in BODY_KINDS]
        para = {idx: i for i, idx in enumerate(body_order)}
        ref_heads: dict = {}
        for r in cast.title_refs:
            ref_heads.setdefault((r.block, r.start), r.head)
        holder_marks: dict = {}  # (holder, head) -> sorted (paragraph, start) of qualifying mentions
        dissent_blocks: dict = {}  # paragraph -> whether it speaks of a dissent or a majority
        for ref in cast.title_refs:
            holder = ref.person
            block = scope.get(ref.block)
            if block is None or ref.quoted or ref.block not in para:
                continue
            if holder is None:
                runner = self.deputy_runs_other(cast, article.blocks, block.text, ref)
                if runner is not None:
                    other, org, title = runner[:3]
                    rank = ref.head.split()[0]
                    article_word = "an" if rank[:1] in "aeiou" else "a"  # "not an assistant's"
                    yield Hit(block, ref.start, ref.end, args={"person": other.name, "holder": ""},
                              message=f"\"{_ref_as_quoted(ref)}\" is described as running {org}, which is "
                                      f"{other.name}'s role ({title}), not {article_word} {rank}'s.")
                continue
            runner = self._runs_other(cast, block.text, ref, holder, article.blocks)
            if runner is not None:
                other, org, title = runner[:3]
                doing = runner[3] if len(runner) > 3 else f"running {org}"
                yield self._described_other(block, ref, holder, other,
                                            f"is described as {doing}, which is {other.name}'s role ({title})")
                continue
            after = block.text[ref.end:ref.end + 8]
            saying = after.startswith((" said ", " says ", " also "))
            whose = self._whose_other(cast, block.text, ref, holder) \
                if ", whose " in after or ", who " in after or saying else None
            said_own = whose is not None and saying
            if whose is None and (", whose " in after or saying):
                whose = self._whose_possessed(article, cast, block.text, ref, holder)
                said_own = whose is not None and ", whose " not in after
            body = self._body_of_other(cast, block.text, ref, holder) if whose is None and saying else None
            if body is not None:
                other, noun, post = body
                yield self._described_other(block, ref, holder, other, f"speaks of their {noun}, which {'are' if noun == 'members' else 'is'} "
                                            f"{other.name}'s" + (f" ({post})" if post else ""))
                continue
            if whose is not None:
                other, noun, post = whose
                has = f"speaks of their {noun}" if said_own \
                    else f"has a {noun} (\"whose {noun}\")" if ", whose " in after else f"is described as leading the {noun}"
                yield self._described_other(block, ref, holder, other, f"{has}, as {other.name}"
                                            + (f", the {post}," if post else "") + " does")
                continue
            rep = self._represents_other(cast, article.blocks, block.text, ref, holder) \
                if ", who " in block.text[ref.end:ref.end + 6] else None
            if rep is not None:
                other, place = rep
                yield self._described_other(block, ref, holder, other,
                                            f"is described as representing {place}, which fits {other.name} (of {place})")
                continue
            came = self._came_from_other(cast, block.text, ref, holder) if ", who " in after else None
            served = self._served_as_other(article, cast, block.text, ref, holder) \
                if came is None and ", who " in after else None
            if served is not None:
                other, post, verb = served
                own = describe_title(other)
                yield self._described_other(block, ref, holder, other,
                                            f"is described as {'having' if verb.startswith(('served', 'worked')) else 'one who'} "
                                            f"{verb} {post}, which fits {other.name}"
                                            + (f" ({own})" if own else ""))
                continue
            role = self._role_of_other(cast, article.blocks, block.text, ref, holder) \
                if came is None and served is None and ", who " in after else None
            if role is not None:
                other, clause, post = role
                yield self._described_other(block, ref, holder, other,
                                            f"is described as one who {clause}, which is {other.name}'s post ({post})")
                continue
            if came is None and served is None and ", who " in after:
                repeated = self._repeats_other(article, cast, block, ref, holder) \
                    or self._appointed_like_other(article, cast, block, ref, holder)
                if repeated is not None:
                    other, said, line = repeated
                    own = describe_title(other)
                    yield self._described_other(block, ref, holder, other,
                                                f"is described as one who \"{said}\", which the story says of "
                                                f"{other.name}" + (f" ({own})" if own else "")
                                                + f" on line {line}")
                    continue
            if came is not None:
                other, city, country = came
                own = describe_title(other)
                yield self._described_other(block, ref, holder, other,
                                            f"is described as arriving from {city}, which fits {other.name}"
                                            + (f" ({own})" if own else f" ({country})"))
                continue
            named = self._apposed_to_other(cast, block, ref, holder)
            if named is not None:
                own = describe_title(named)
                yield Hit(block, ref.start, ref.end, args={"person": named.name, "holder": holder.name},
                          message=f"\"{ref.text}\" is set after {named.name}'s name"
                                  + (f" ({own})" if own else "") + f", but {_only_holder(ref, holder)}.")
                continue
            issuer = self._statement_of_other(article, analysis, cast, block, ref, holder, para) \
                if block.text.startswith(" said ", ref.end) else None
            if issuer is not None:
                other, noun = issuer
                own = describe_title(other)
                yield self._described_other(block, ref, holder, other,
                                            f"is given the {noun} the sentence before gives {other.name}"
                                            + (f" ({own})" if own else ""))
                continue
            also = self._also_said_other(article, analysis, cast, block, ref, holder, para) \
                if block.text.startswith(" also ", ref.end) else None
            if also is not None:
                own = describe_title(also)
                org = _speaks_of_own_org(block.text, ref, also, holder)
                why = f", and speaks of the {org}, which is theirs; {_only_holder(ref, holder)}" if org \
                    else f"; {_only_holder(ref, holder)}, who has not spoken"
                yield Hit(block, ref.start, ref.end, args={"person": also.name, "holder": holder.name},
                          message=f"\"{_ref_as_quoted(ref)} {_ALSO_SAID.match(block.text, ref.end).group().strip()}\" "
                                  f"goes on from {also.name}"
                                  + (f" ({own})" if own else "")
                                  + f", who spoke just before{why}.")
                continue
            if block.index not in dissent_blocks:  # (once per paragraph: a long one holds many references)
                dissent_blocks[block.index] = "dissent" in block.text or "majority" in block.text
            dissenter = self._dissent_of_other(article, analysis, cast, block, ref, holder) \
                if dissent_blocks[block.index] else None
            if dissenter is not None:
                yield self._described_other(block, ref, holder, dissenter,
                                            f"is described as dissenting, which is {dissenter.name}'s side "
                                            f"(the dissent), not the majority's, whose opinion {holder.name} wrote")
                continue
            if counts[id(holder)] > self.options["passing"]:
                continue
            ss, se = sentence_span(analysis, block, ref.start)
            if not _OPENER.match(block.text[ss:ref.start]):
                continue  # not the subject of its sentence
            here = para[ref.block]
            # the paragraph where the holder was last named before this reference, not counting
            # references by this same title (which may be the mistake)
            marks = holder_marks.get((id(holder), ref.head))
            if marks is None:
                marks = holder_marks[(id(holder), ref.head)] = sorted(
                    (para[m.block], m.start) for m in holder.mentions
                    if m.block in para and not m.quoted
                    and not (m.kind == "title" and ref_heads.get((m.block, m.start)) == ref.head))
            before = bisect.bisect_left(marks, (here, ref.start))
            last = marks[before - 1][0] if before else -1
            if last >= here - 1:
                continue  # the holder was just named: the reference is probably right
            # the person the story is following: the subject of the previous sentence, a main character
            main = self._previous_subject(article, analysis, cast, block, ss, para)
            if main is None or main is holder or counts[id(main)] < self.options["min_mentions"] \
                    or counts[id(main)] < 3 * max(counts[id(holder)], 1):
                continue
            if not main.titles or any(t.matches(ref.head, (), ref.former) for t in main.titles):
                continue
            conflict = self._conflict(block.text, ref, holder)
            gap = here - last
            if not conflict and gap < self.options["gap"] + 1:
                continue
            main_title = describe_title(main)
            message = (f"\"{_ref_as_quoted(ref)}\" here seems to mean {main.name}"
                       + (f" ({main_title})" if main_title else "") + f"; {_only_holder(ref, holder)}.")
            yield Hit(block, ref.start, ref.end, args={"person": main.name, "holder": holder.name}, message=message)

    @staticmethod
    def _posts(article, person) -> list:
        """The posts the story gives ``person`` at a name: ``(block, start, end, text, last word,
        word before it)`` in story order: a title the cast read ("Health Director Gregory Hale"), a
        description set off before the full name ("the club's owner, Ana Ruiz") or a job word right
        before it ("owner Victoria Lang")."""
        posts = []
        for t in person.titles:
            if t.block is None or t.abbreviation or t.former or t.head in _HONORIFICS:
                continue
            words = _WORD_RE.findall(t.text.lower().split(" of ")[0].split(" for ")[0])
            if words:
                start, label = t.start, t.text
                if t.position == "before" and t.text[:1].isupper() and any(c.isdigit() for c in
                                                                            article.blocks[t.block].text[max(0, t.start - 12):t.start]):
                    # a body named with a number before the title: "Local 23 President Teresa Vance"
                    b = _ORG_WORDS_BEFORE.search(article.blocks[t.block].text, max(0, t.start - 40), t.start)
                    if b is not None:
                        start, label = b.start(), article.blocks[t.block].text[b.start():t.end]
                posts.append((t.block, start, t.end, label, words[-1], words[-2] if len(words) > 1 else ""))
        for m in person.mentions:
            if m.kind != "full" or m.quoted:
                continue
            text = article.blocks[m.block].text
            if "who" in text[m.end:m.end + 8]:
                c = _WHO_POST_AFTER.match(text, m.end)
                if c is not None and c.group("v") in _LEADING_VERBS and _NAMED_BODY.match(c.group("o")):
                    # ", who leads Local 19 in Seattle,": the body the person leads
                    post = text[c.start("v"):c.end("o")].rstrip()
                    posts.append((m.block, c.start("v"), c.start("v") + len(post), "who " + post,
                                  post.split()[0], ""))
            if m.title is not None:
                continue
            d = _DESCRIPTION_BEFORE.search(text, max(0, m.start - 90), m.start)
            if d is not None:
                words = _WORD_RE.findall(d.group("d").lower())
                posts.append((m.block, d.start(), d.end("d"), text[d.start():d.end("d")], words[-1],
                              words[-2] if len(words) > 1 else ""))
                continue
            w = _JOB_WORD_BEFORE.search(text, max(0, m.start - 24), m.start)
            if w is not None and (w.group(1).lower() in L.WEAK_REF_HEADS or w.group(1) in _MEMBER_WORDS):
                posts.append((m.block, w.start(1), w.end(1), w.group(1), w.group(1).lower(), ""))
                continue
            # a seat given to a list of names: "Council members Raul Espinoza, Tamara Boyd and Kevin Osei"
            p = _PLURAL_JOB_BEFORE.search(text, max(0, m.start - 160), m.start)
            if p is not None and p.group(1) in _MEMBER_WORDS:
                q = _WORD_BEFORE.search(text, max(0, p.start(1) - 30), p.start(1))
                label = f"{q.group(1).lower()} {p.group(1)}" if q and q.group(1)[:1].isupper() else p.group(1)
                posts.append((m.block, p.start(1), p.end(1) + 1, label, p.group(1), ""))
        return sorted(posts)

    def _post_swaps(self, ctx: CheckContext):
        """A post given at a later name that differs from the person's first post and is the post of
        someone else in the story ("the club's general manager, Ana Ruiz" ... "the club's owner,
        Ana Ruiz" beside "Owner Victoria Lang"; "The hospital's chief executive, Gregory Hale" ...
        "Health Director Gregory Hale" beside the health department's director)."""
        article = ctx.article
        people = article.analysis.cast.people
        if len(people) < 2:
            return
        # only someone given two posts can swap one: most stories have nobody (a person needs two
        # titles or full mentions for that), and then nobody else's posts are read at all
        posts = {id(p): self._posts(article, p) for p in people
                 if len(p.titles) + sum(m.kind == "full" and not m.quoted for m in p.mentions) >= 2}
        if not any(len(v) >= 2 for v in posts.values()):
            return
        for p in people:
            if id(p) not in posts:
                posts[id(p)] = self._posts(article, p)
        scope = {b.index: b for b in ctx.blocks()}
        holders: dict = {}
        for p in people:
            for post in posts[id(p)]:
                if post[5] not in L.RANK_MODIFIERS:  # a vice president holds no presidency
                    holders.setdefault(post[4], set()).add(id(p))
        for p in people:
            mine = posts[id(p)]
            if len(mine) < 2:
                continue
            seen = {mine[0][4]}
            for i, post in enumerate(mine[1:], 1):
                word = post[4]
                if word in seen and post[5] not in L.RANK_MODIFIERS:
                    hit = self._body_swap(ctx, scope, people, posts, p, mine[:i], post)
                    if hit is None and post[0] in scope:
                        # the same last word, another office: "Ukrainian Foreign Minister Andriy Koval"
                        # ... "Defense Minister Koval"; "Justice Raymond Okafor" ... "Chief Justice Okafor"
                        hit = self._head_change(ctx, scope[post[0]], people, p, mine, post) \
                            or self._exact_other_title(ctx, scope[post[0]], people, p, mine, post)
                    if hit is not None:
                        yield hit
                    continue
                if word in seen or post[5] in L.RANK_MODIFIERS:
                    seen.add(word)
                    continue
                seen.add(word)
                block = scope.get(post[0])
                if block is None:
                    continue
                # the others whose post is this one: it names nothing theirs does not ("Liberal
                # Democrat leader" beside "Conservative leader": another party's post; "Council
                # President" is not the post of "ATU Local 1338 president Gloria Vance")
                others = [q for q in people if id(q) in holders.get(word, ()) and q is not p
                          and self._same_post(post[3], word, " ".join(x[3] for x in posts[id(q)] if x[4] == word))]
                if not others:  # "Tribal Chairman Jim Halvorsen" beside "Gerald Ames, chairman of the
                    # Cottonwood Creek Rancheria, said the tribe ...": the sentence calls Ames's body a tribe
                    others = [q for q in people if id(q) in holders.get(word, ()) and q is not p
                              and self._kind_named(article, post[3], word, posts[id(q)], mine[:i])]
                if not others:
                    hit = self._new_office(ctx, block, people, p, mine, post)
                    if hit is not None:
                        yield hit
                    continue
                if len(others) != 1 or self._names_own_body(post[3], word, mine[:i]):
                    continue
                yield _others_post_hit(block, post[1], post[2], post[3], _holders(others, "post"), others, p,
                                       mine[0][3])

    @staticmethod
    def _exact_other_title(ctx, block, people, p, mine, post):
        """A later formal title of two words or more before the name, with the same last word as the
        person's first post but other words, that is word for word the title another person in the
        story was introduced with, earlier: "Chief Justice Harold Kimbrough" ... "Presiding Justice
        Kimbrough", beside "Presiding Justice Lydia Serrano". A bare head ("Justice Kimbrough") names
        a kind of post many hold, and is left alone."""
        t = next((t for t in p.titles if t.block == post[0] and t.start == post[1]), None)
        if t is None or t.position != "before" or not t.text[:1].isupper() or t.former or len(t.text.split()) < 2:
            return None
        key = " ".join(t.text.lower().split())
        if " ".join(mine[0][3].lower().split()) == key:
            return None
        others = [q for q in people if q is not p and any(
            not x.former and x.block is not None and (x.block, x.start) < (t.block, t.start)
            and " ".join(x.text.lower().split()) == key for x in q.titles)]
        if len(others) != 1 or _same_sentence_post_or_change(ctx.article.analysis, block, post, mine):
            return None
        return _others_post_hit(block, post[1], post[2], post[3], _holders(others, "post"), others, p, mine[0][3])

    def _office_abbreviation_swaps(self, ctx: CheckContext):
        """A later abbreviated office before the name ("Sen. Whitfield", "Gov. Ruiz") that the person
        was not introduced with and that is someone else's office in the story: "Regents Chair Thomas
        Whitfield" ... "Sen. Whitfield", beside "Sen. Karen Lindqvist". ``_posts`` leaves abbreviated
        titles out (a "Dr." or a rank goes with any post); an elected office does not. Not when the
        person's first post already names the office ("state senator Thomas Whitfield"), nor in a
        sentence that gives two of their posts or says one changes (``_CHANGE_WORDS``)."""
        people = ctx.article.analysis.cast.people
        if len(people) < 2:
            return
        scope = {b.index: b for b in ctx.blocks()}
        analysis = ctx.article.analysis
        for p in people:
            titles = sorted((t for t in p.titles if t.block is not None), key=lambda t: (t.block, t.start))
            if len(titles) < 2 or titles[0].abbreviation or titles[0].former:
                continue
            first = titles[0]
            for t in titles[1:]:
                if not t.abbreviation or t.former or t.position != "before" or t.head not in _ELECTED_OFFICES \
                        or t.block not in scope:
                    continue
                earlier = [e for e in titles if (e.block, e.start) < (t.block, t.start)]
                if any(e.head == t.head or t.head.split()[-1] in e.text.lower() for e in earlier):
                    continue
                others = [q for q in people if q is not p
                          and any(x.head == t.head and not x.former for x in q.titles)]
                if not others:
                    continue
                block = scope[t.block]
                ss, se = sentence_span(analysis, block, t.start)
                fb = ctx.article.blocks[first.block]
                fs, fe = sentence_span(analysis, fb, first.start)
                # (at the first post, only its own clause: "Raman will serve as interim president, Board
                # of Regents Chair Thomas Whitfield said" changes Raman's post, not Whitfield's)
                fs = max(fs, fb.text.rfind(",", fs, first.start) + 1, fb.text.rfind(";", fs, first.start) + 1)
                fe = min(fe, first.end + 40)
                if any(e.block == t.block and ss <= e.start < se for e in earlier) \
                        or _CHANGE_WORDS.search(block.text, ss, se) or _CHANGE_WORDS.search(fb.text, fs, fe):
                    continue
                yield _others_post_hit(block, t.start, t.end, t.text, _holders(others, "office"), others, p,
                                       first.text, note=f" ({t.head})")

    @classmethod
    def _head_change(cls, ctx, block, people, p, mine, post):
        """A later formal title before the name with the same last word as the person's earlier
        posts but another office, one person's at a time ("Ukrainian Foreign Minister Andriy Koval"
        ... "Defense Minister Koval"; "Justice Raymond Okafor" ... "Chief Justice Okafor"): the
        post of the others who hold that office in the story ("Chief Justice Margaret Ellison"),
        or, when nobody does, a post the story never gave them (``_new_office``). Only when every
        earlier post of that word is a title the cast read whose head differs."""
        t = next((t for t in p.titles if t.block == post[0] and t.start == post[1]), None)
        if t is None or t.position != "before" or not t.text[:1].isupper() or t.former or t.modifiers:
            return None
        office = _office_key(t)
        if office not in _ONE_HOLDER and office == t.head:
            return None  # (a portfolio's secretary or minister is one office too: "Labor Secretary")
        earlier = []
        ranked = False
        for x in mine:
            if x is post:
                break
            if x[4] != post[4]:
                continue
            e = next((e for e in p.titles if e.block == x[0] and e.start == x[1]), None)
            if e is None or _office_key(e) == office:
                return None
            if e.head == t.head:
                # the same head with a rank the later title drops: "Raymond Tolliver, the assistant
                # secretary of labor for mine safety and health," ... "Labor Secretary Raymond Tolliver"
                if office not in _ONE_HOLDER and office == t.head or not any(m in L.RANK_MODIFIERS for m in e.modifiers):
                    return None
                ranked = True
            earlier.append(e)
        if not earlier:
            return None
        others = [q for q in people if q is not p
                  and any(_office_key(x) == office and not x.former for x in q.titles)]
        if ranked:
            return None if others else cls._rank_dropped(ctx, block, p, mine, post, earlier)
        if office not in _ONE_HOLDER:
            return None
        if not others:
            return cls._new_office(ctx, block, people, p, mine, post, earlier[0].head)
        if _same_sentence_post_or_change(ctx.article.analysis, block, post, mine):
            return None
        return _others_post_hit(block, post[1], post[2], post[3], _holders(others, "post"), others, p, mine[0][3])

    @staticmethod
    def _rank_dropped(ctx, block, p, mine, post, earlier):
        """A later one-holder office before the name ("Labor Secretary") whose head the person's
        earlier post holds behind a rank ("the assistant secretary of labor for ..."), when nobody
        else holds it: the rank is dropped, and the person is given their superior's office. Not in
        the sentence of another post of theirs, nor where either sentence says the post changes."""
        analysis = ctx.article.analysis
        first = next(x for x in mine if x[0] == earlier[0].block and x[1] == earlier[0].start)
        fb = ctx.article.blocks[first[0]]
        fs, fe = sentence_span(analysis, fb, first[1])
        if _same_sentence_post_or_change(analysis, block, post, mine) or _CHANGE_WORDS.search(fb.text, fs, fe):
            return None
        rank = next(m for m in earlier[0].modifiers if m in L.RANK_MODIFIERS)
        return Hit(block, post[1], post[2], args={"person": p.name, "holder": p.name},
                   message=f"\"{post[3]}\" is not the post {p.name} was introduced with (\"{first[3]}\"): "
                           f"the title drops \"{rank}\", and nobody else in the story holds it: check which "
                           f"title is right.")

    @staticmethod
    def _new_office(ctx, block, people, p, mine, post, shared: str = ""):
        """A later formal title before the person's name that is an office one person holds at a
        time (``titles.unheld-title``'s offices: "Homeland Security Secretary Dana Whitcomb") and
        differs from the post the story introduced them with ("Dana Whitcomb, administrator of the
        Federal Emergency Management Agency"), when nobody else in the story holds it: one person
        given two formal posts is a slip, unless the story says they hold or take both (the two in
        one sentence, or a word of change there: "former", "new", "named", "now" ...)."""
        t = next((t for t in p.titles if t.block == post[0] and t.start == post[1]), None)
        if t is None or t.position != "before" or not t.text[:1].isupper() or t.former or t.modifiers \
                or mine[0][4] in _TOP_JOB_WORDS:
            return None  # (not after "Tokyo stock exchange (TSE) head Michio Takeuchi": any top post)
        office = _office_key(t)
        if office not in _ONE_HOLDER and office == t.head:
            return None  # (a portfolio's secretary or minister is one office too: "Commerce Secretary")
        if any(q is not p and any(_office_key(x) == office for x in q.titles) for q in people):
            return None  # someone else's office (``_post_swaps`` judges that)
        first = mine[0]
        if any(w in first[3].lower() for w in t.head.split() if w not in shared.split()):
            return None  # the same office by another name ("secretary of homeland security")
        if shared and not any(w not in shared.split() for w in t.head.split()):
            return None  # (the later head adds nothing to the earlier one's words)
        analysis = ctx.article.analysis
        fb = ctx.article.blocks[first[0]]
        fs, fe = sentence_span(analysis, fb, first[1])
        if _same_sentence_post_or_change(analysis, block, post, mine) or _CHANGE_WORDS.search(fb.text, fs, fe):
            return None  # held together, or "the new homeland security secretary", "was named ..."
        return Hit(block, post[1], post[2], args={"person": p.name, "holder": p.name},
                   message=f"\"{post[3]}\" is not the post {p.name} was introduced with (\"{first[3]}\"), "
                           f"and nobody else in the story holds it: check which title is right.")

    @staticmethod
    def _kind_named(article, mine: str, word: str, theirs: list, own: list) -> bool:
        """The capitalised words of ``mine`` that the other's post does not hold say what kind of body
        it is, and the sentence of the other's post calls their body that in lower case, while the
        person's own earlier posts never do: "Tribal Chairman" for "chairman of the Cottonwood Creek
        Rancheria" in "Gerald Ames, chairman of the Cottonwood Creek Rancheria, said the tribe had
        asked" (a stem of the word, "trib"). Numbers must match as for ``_same_post``."""
        theirs_posts = [x for x in theirs if x[4] == word]
        cased = " ".join(x[3] for x in theirs_posts)
        low = cased.lower()
        missing = [q.lower() for q in _WORD_RE.findall(mine) if q[:1].isupper()
                   and q.lower() not in ("the", word) and q.lower().rstrip("'’s") not in low
                   and not _initials_in(q, cased)]
        if not missing or len(missing) > 1 or regex.search(r"\d", mine):
            return False
        stem = missing[0][:max(4, len(missing[0]) - 2)]
        if len(missing[0]) < 5 or missing[0] in L.FUNCTION_WORDS:
            return False
        analysis = article.analysis
        lowword = regex.compile(r"(?<![\w'’\-])" + regex.escape(stem) + r"[a-z]*")

        def said(x) -> bool:
            block = article.blocks[x[0]]
            ss, se = sentence_span(analysis, block, x[1])
            return lowword.search(block.text, ss, se) is not None

        return any(said(x) for x in theirs_posts) and not any(said(x) for x in own)

    @staticmethod
    def _same_post(mine: str, word: str, theirs_cased: str) -> bool:
        """Every capitalised word of ``mine`` (but "The" and the post's own word) stands in
        ``theirs_cased``, or its initials do ("FAA" for "Federal Aviation Administration"), and so
        does every number ("Local 23")."""
        theirs = theirs_cased.lower()
        return not any(q.lower().rstrip("'’s") not in theirs and not _initials_in(q, theirs_cased)
                       for q in _WORD_RE.findall(mine) if q[:1].isupper() and q.lower() not in ("the", word)) \
            and all(regex.search(r"(?<!\d)" + n + r"(?!\d)", theirs) for n in regex.findall(r"\d+", mine))

    @staticmethod
    def _body_words(post: str, word: str) -> list:
        """The words of a post that name its body: its capitalised words and numbers but "The" and
        the post's own word ("Local 23 President": Local, 23; "Board President": Board)."""
        return [q for q in _NAMING_TOKEN.findall(post) if q.lower() not in ("the", word, "who")]

    @classmethod
    def _names_own_body(cls, post: str, word: str, earlier) -> bool:
        """The later post names only what a body the person was said to lead names ("who leads
        Local 23" ... "Local 23 President"): leading it is the post, whatever it is called (not
        "Council member" ... "Council President": another post in the same body)."""
        named = cls._body_words(post, word)
        led = " ".join(x[3] for x in earlier if x[3].startswith("who "))
        return bool(named and led) and cls._same_post(" ".join(named), word, led)

    def _body_swap(self, ctx, scope, people, posts, p, earlier, post):
        """The later post has the person's earlier post's name but another body, which is exactly one
        other person's post: "Renee Kowalski, president of the Cedar Valley Education Association" ...
        "Board President Renee Kowalski" beside "School Board President Marcus Delgado". Only when
        the earlier post names its body too and none of the later post's body words stand in it."""
        word = post[4]
        named = self._body_words(post[3], word)
        block = scope.get(post[0])
        if not named or block is None:
            return None
        own = [x for x in earlier if x[4] == word]
        if not any(w.lower() not in _NOT_BODY and w.lower() != word
                   for x in own for w in _NAMING_ANY.findall(x[3].replace("'s", "").replace("’s", ""))):
            return None  # "President X" ... "Board President X": the first post named no body
        theirs = " ".join(x[3] for x in earlier)
        low = theirs.lower()
        if any(q.lower().rstrip("'’s") in low or _initials_in(q, theirs) for q in named):
            return None  # a word of the same body ("CVEA President" for the association's president)
        others = [q for q in people if q is not p and any(
            x[4] == word and x[5] not in L.RANK_MODIFIERS for x in posts[id(q)])
            and self._same_post(post[3], word, " ".join(x[3] for x in posts[id(q)] if x[4] == word))]
        if len(others) != 1:
            return None
        return _others_post_hit(block, post[1], post[2], post[3], _holders(others, "post"), others, p, own[0][3])

    def _apposed_titles(self, ctx: CheckContext):
        """Another person's formal title of two words or more, written in lower case and set off
        right after a name ("Marcus Tillman, the faculty senate president, told" when Faculty
        Senate President Helen Quist holds it and Tillman has a post of his own): the cast reads no
        title-only reference there (its qualifiers are lower case). Offices one person holds at a
        time only, and not in a list."""
        article = ctx.article
        cast = article.analysis.cast
        phrases = {}
        for p in cast.people:
            for t in p.titles:
                words = t.text.split()
                if t.formal and not t.former and not t.abbreviation and t.block is not None \
                        and t.position == "before" \
                        and 2 <= len(words) <= 5 and (t.head in _ONE_HOLDER or t.head in _ORG_TOP_HEADS
                                                      and _acronym_qualified(words)) and " of " not in t.text:
                    phrases.setdefault(" ".join(words).lower(), set()).add(id(p))
        phrases = {ph: ids for ph, ids in phrases.items() if len(ids) == 1}
        if not phrases:
            return
        holders = {id(p): p for p in cast.people}
        refs = {(r.block, r.start) for r in cast.title_refs}
        for block in ctx.blocks():
            if ", the " not in block.text:
                continue  # (a str test: most paragraphs hold no appositive)
            low = block.text.lower()
            for phrase, ids in phrases.items():
                holder = holders[next(iter(ids))]
                at = low.find(" " + phrase)
                while at >= 0:
                    end = at + 1 + len(phrase)
                    # ", the faculty senate president," or ", the company's chief financial officer,"
                    lead = _APPOSED_LEAD.search(low, max(0, at - 30), at)
                    at = low.find(" " + phrase, at + 1)
                    if lead is None:
                        continue
                    start = lead.start() + 2
                    if (block.index, start) in refs or not _APPOSITION_END.match(block.text, end):
                        continue
                    named = next((q for q in cast.people if q is not holder and any(
                        m.block == block.index and m.end == start - 2 and m.kind in ("full", "surname")
                        for m in q.mentions)), None)
                    # (the cast may read this very appositive as one of their titles)
                    if named is None or any(phrase in t.text.lower() for t in named.titles
                                            if not (t.block == block.index and start <= t.start < end)):
                        continue
                    if not [x for x in self._posts(article, named) if not (x[0] == block.index and start <= x[1] < end)]:
                        continue  # an untitled person may be introduced by the post
                    own = next((t.text for t in named.titles if t.formal and t.head != "courtesy"
                                and not (t.block == block.index and start <= t.start < end)), "")
                    written = block.text[end - len(phrase):end]  # (as the story writes it: "FAA administrator")
                    yield Hit(block, start, end, args={"person": named.name, "holder": holder.name},
                              message=f"\"{block.text[start:end]}\" is set after {named.name}'s name"
                                      + (f" ({own})" if own else "")
                                      + f", but the {written} in this story is {holder.name}.")

    @staticmethod
    def _apposed_to_other(cast, block, ref, holder):
        """The reference is an appositive set off after another person's name ("Mendes, the House
        speaker, told reporters" when Gloria Fitch is the House speaker): that person, or None.
        Only offices one person holds at a time, and not in a list ("Mendes, the House speaker,
        and the governor")."""
        if ref.former or ref.head not in _ONE_HOLDER or not regex.match(r"(?i:the)[ \u00a0]", ref.text):
            return None
        text = block.text
        if not _APPOSITION_END.match(text, ref.end) or text[max(0, ref.start - 2):ref.start] not in (", ", ",\u00a0"):
            return None
        for p in cast.people:
            if p is holder:
                continue
            if any(m.block == ref.block and m.end == ref.start - 2 and m.kind in ("full", "surname")
                   for m in p.mentions):
                if any(t.matches(ref.head, (), False) for t in p.titles):
                    return None
                # a person with no post of their own may be introduced by this one ("Greg Abbott, the
                # governor, said", another state's governor): only a person with another post is judged
                if not any(t.formal and t.head not in _HONORIFICS and not t.former for t in p.titles):
                    return None
                return p
        return None

    @staticmethod
    def _runs_other(cast, text: str, ref, holder, blocks=()):
        """A relative clause right after the reference says the person runs an organisation that
        another person of the story leads by their title, and the holder's titles never name it
        ("The commissioner, who has run Harland since 2019," when Diane Okafor is the chief executive
        of Harland Water Co.): ``(other person, organisation, their title)`` or None."""
        m = _RUNS_CLAUSE.match(text, ref.end)
        if not m:
            return None
        org = m.group("org")
        # (a body's board is the board: "who has led the district's board" is the board's chair)
        org = "the board" if org.endswith(("'s board", "’s board")) else \
            regex.sub(r"['’]s?$", "", _WHOLE_STAFF_END.sub("", org))
        if org.startswith("the ") and org[4:5].isupper():
            org = org[4:]  # "the Kansas City District": its name
        if _country(org) or org.lower() in L.FUNCTION_WORDS:
            return None
        lower = org.startswith("the")
        # "St. Anselm": its name word; "the port authority": every word after "the" must be the post's
        words = org.lower().split()
        keys = words[1:] if lower else [words[1] if words[0] in ("st.", "mt.", "ft.") and len(words) > 1 else words[0]]
        key = org.lower() if lower else keys[0]

        def names(t):
            words = {regex.sub(r"['’]s?$", "", w).rstrip(".").lower() for w in _WORD_RE.findall(t.text)}
            return all(k in words or not _BODY_SYNONYMS.get(k, frozenset()).isdisjoint(words) for k in keys)

        if any(names(t) for t in holder.titles):
            return None
        # (a deputy's post is not the body's lead: "Port Authority Deputy Director")
        others = [(p, t) for p in cast.people if p is not holder for t in p.titles
                  if t.head in _LEAD_HEADS and not t.former and names(t)
                  and not (lower and set(t.modifiers) & L.RANK_MODIFIERS)]
        if not others:
            return WrongTitle._said_to_run(cast, blocks, ref, holder, key, m.group("verb"))
        if len({id(p) for p, _ in others}) != 1:
            return None
        return others[0][0], org, others[0][1].text

    @staticmethod
    def deputy_runs_other(cast, blocks, text: str, ref):
        """A ranked post that nobody in the cast holds, with a clause saying its holder runs a body
        another person of the story leads: "The deputy governor, who has led the bank since 2021,"
        when Isabel Ferrando is the governor of the Central Bank (a deputy does not lead the body).
        ``_runs_other``'s answer, or None. ``unheld-title`` leaves these references to this rule."""
        head = ref.head.split()
        if ref.candidates or len(head) < 2 or head[0] not in L.RANK_MODIFIERS \
                or ", who " not in text[ref.end:ref.end + 6]:
            return None
        runner = WrongTitle._runs_other(cast, text, ref, _NOBODY, blocks)
        if runner is None or runner[0].titles and any(t.matches(ref.head, (), False) for t in runner[0].titles):
            return None
        return runner

    @staticmethod
    def _role_of_other(cast, blocks, text: str, ref, holder):
        """A who-clause right after the reference gives the person a role in a body or a portfolio
        ("chaired the board", "served on the board", "took over Canada's trade portfolio") whose
        words belong to exactly one other person's posts and to none of the holder's: "The general
        manager, who has chaired the board since 2021," when Howard Bingley is the board's chair and
        the general manager is Lorraine Castellano. ``(that person, the clause, their post)`` or None.
        Only verbs of holding a role are read (not "appointed the police chief", which names another
        post as an object); a chair verb needs the other's post to be a chair."""
        m = _ROLE_CLAUSE.match(text, ref.end)
        if m is None:
            return None
        verb = m.group("verb").split()[0].lower()
        words = {w for w in _role_words(m.group("object")) if w not in _ROLE_GENERIC}
        if not words:
            return None

        roles = {}  # id(person) -> the role clauses right after their full name ("Howard Bingley, who chairs ...")
        for p in cast.people:
            if p is holder:
                continue
            for x in p.mentions:
                if x.kind == "full":
                    r = _ROLE_CLAUSE.match(blocks[x.block].text, x.end)
                    if r is not None:
                        roles.setdefault(id(p), []).append(r)

        def post_words(p):
            found = {w for t in p.titles if not t.former for w in _role_words(t.text)}
            for r in roles.get(id(p), ()):
                found |= set(_role_words(r.group("object")))
            return found

        def heads(p):
            found = {t.head.split()[-1] for t in p.titles if not t.former}
            if any(r.group("verb").lower() in _CHAIR_VERBS for r in roles.get(id(p), ())):
                found.add("chair")
            return found

        if words & post_words(holder) or verb in _CHAIR_VERBS and heads(holder) & _CHAIR_HEADS:
            return None  # (the clause may be the holder's own post)
        # the object's proper words (a country, a body's name) must be the other's too: "Canada's trade
        # portfolio" is not New Zealand's trade minister's
        proper = {regex.sub(r"['’]s?$", "", w).lower() for w in _WORD_RE.findall(m.group("object")) if w[:1].isupper()}
        fits = [p for p in cast.people if p is not holder and (p.titles or id(p) in roles)
                and words & post_words(p) and proper <= post_words(p)
                and (verb not in _CHAIR_VERBS or heads(p) & _CHAIR_HEADS)]
        if len(fits) != 1:
            return None
        other = fits[0]
        post = next((t.text for t in other.titles if not t.former and words & set(_role_words(t.text))), None) \
            or next(("who " + r.group("verb") + " " + r.group("object") for r in roles.get(id(other), ())), None)
        clause = (m.group("verb") + " " + m.group("object")).strip()
        return other, clause, post

    @staticmethod
    def _described_other(block, ref, holder, other, described: str) -> Hit:
        """The finding for a title-only reference whose clause describes ``other``, not the title's one
        holder: '"The chairman" is described as ..., which fits ...; the only chairman ... is ...'."""
        return Hit(block, ref.start, ref.end, args={"person": other.name, "holder": holder.name},
                   message=f"\"{_ref_as_quoted(ref)}\" {described}; {_only_holder(ref, holder)}.")

    @staticmethod
    def _whose_other(cast, text: str, ref, holder):
        """A whose-clause right after the reference gives the person something only a post of
        another kind has ("The governor, whose company drew criticism" -- a company's head; "The
        governor, whose Calgary riding" -- a legislator's seat), or a who-clause says they lead a
        place only such a post leads ("The chief executive, who has led the village since 2019" --
        a mayor), the holder's posts have no such head and exactly one other person's do: ``(that
        person, the noun, their post)`` or None."""
        m = _WHOSE_CHARGE.match(text, ref.end) or _SAID_CHARGE.match(text, ref.end)
        if m is not None:
            heads = _CHARGE_HEADS[m.group("noun").lower()]
        elif text.startswith((" said ", " says ", " also "), ref.end):
            return None
        else:
            # "The chief executive, who has led the village since 2019": a village is a mayor's
            m = _LED_PLACE.match(text, ref.end)
            if m is None:
                return WrongTitle._whose_body(cast, text, ref, holder)
            heads = _LED_PLACE_HEADS[m.group("noun").lower()]

        def posts(p):
            return [t for t in p.titles if not t.former and not t.abbreviation
                    and any(w in heads for w in t.text.lower().replace("-", " ").split())]

        if posts(holder) or any(w in heads for w in ref.head.split()):
            return None
        others = [(p, posts(p)) for p in cast.people if p is not holder]
        others = [(p, ts) for p, ts in others if ts]
        if len(others) != 1:
            return None
        return others[0][0], m.group("noun").lower(), lower_title(others[0][1][0].text)

    @staticmethod
    def _whose_body(cast, text: str, ref, holder):
        """A whose-clause gives the person a body ("The city attorney, whose coalition has held
        nightly vigils", "The chairwoman, whose 60-member mission") that exactly one other person's
        post names and none of the holder's: ``(that person, the noun, their post)`` or None."""
        m = _WHOSE_BODY.match(text, ref.end)
        if m is None:
            return None
        noun = m.group("noun").lower()

        def posts(p):
            return [t for t in p.titles if not t.former
                    and (noun in (words := set(_role_words(t.text))) or noun + "s" in words)]

        if posts(holder):
            return None
        others = [(p, ts) for p in cast.people if p is not holder for ts in [posts(p)] if ts]
        if len(others) != 1:
            return None
        return others[0][0], noun, lower_title(others[0][1][0].text)

    @staticmethod
    def _whose_possessed(article, cast, text: str, ref, holder):
        """A whose-clause gives the person something of their own ("The dean, whose lab produced the
        disputed images,"), or "said his/her" does ("The district attorney said his client would live
        with a sister"), that the story gives exactly one other person by their surname's possessive or
        their own "said his/her" ("Anand's lab", "Okoro said his client had earned a degree") and
        never the holder: ``(that person, the noun, their post or "")`` or None."""
        m = _WHOSE_OWN.match(text, ref.end) or _SAID_OWN.match(text, ref.end)
        if m is None:
            return None
        noun = m.group("noun").lower()
        by_surname: dict = {}
        for p in cast.people:
            surname = p.name.split()[-1]
            if len(surname) >= 3:
                by_surname.setdefault(surname, []).append(p)
        if not by_surname:
            return None
        # one pattern for the story's surnames (stdlib ``re``, as ``_phrase_pattern``: made per story)
        owned = _re.compile(r"(?<![^\W\d_])(?<!-)(" + "|".join(map(_re.escape, sorted(by_surname, key=len, reverse=True)))
                            + r")(?:['’]s?[ \u00a0]+(?:own[ \u00a0]+)?|,?[ \u00a0]+(?:also[ \u00a0]+)?(?:said|says)[ \u00a0]+"
                            r"(?:that[ \u00a0]+)?(?:his|her)[ \u00a0]+)" + _re.escape(noun) + r"(?![^\W\d_])(?!-)")
        owners = {id(p) for b in article.blocks for o in owned.finditer(b.text) for p in by_surname[o.group(1)]}
        if id(holder) in owners:
            return None
        others = [p for p in cast.people if id(p) in owners]
        if len(others) != 1:
            return None
        other = others[0]
        post = next((lower_title(t.text) for t in other.titles if not t.former and t.formal
                     and not t.abbreviation), "")
        return other, noun, post

    @staticmethod
    def _body_of_other(cast, text: str, ref, holder):
        """"said his/her" right after the reference gives the person a body that no post of the
        title's kind owns and exactly one other person's post does ("The auditor said her members"
        when the story's union has a president; "The mayor said her department" when a director of a
        state department is in it): ``(that person, the noun, their post)`` or None."""
        m = _SAID_BODY.match(text, ref.end)
        if m is None:
            return None
        noun = m.group("noun")
        if ref.head.split()[-1] in body_heads(noun) or owns_body(holder.titles, noun):
            return None  # (a post of a kind that may own one: whose is unsure)
        others = [p for p in cast.people if p is not holder and owns_body(p.titles, noun)]
        if len(others) != 1:
            return None
        other = others[0]
        post = next((t.text for t in other.titles if owns_body((t,), noun)), "")
        return other, noun, post

    @staticmethod
    def _served_as_other(article, cast, text: str, ref, holder):
        """A who-clause says the person served as a post ("The ambassador, who served as Sweden's
        trade minister before joining the commission,") that exactly one other person's title in
        the story names, as the same post of the same country ("Lindqvist, a former Swedish trade
        minister"), and none of the holder's: ``(that person, the post as written)`` or None."""
        m = _SERVED_AS.match(text, ref.end)
        if m is None:
            return None
        post = m.group("post").lower()
        country = m.group("country")
        country = L.COUNTRY_OF.get(country.lower().replace("’", "'").removesuffix("'s")) if country else None
        words = post.split()
        if words[-1] not in L.TITLE_HEADS:
            return None

        def names(low: str) -> bool:
            return post in low and (country is None or country in {
                L.COUNTRY_OF.get(w.removesuffix("'s")) for w in _WORD_RE.findall(low)})

        def holds(person) -> bool:
            # a title, or a description set off after the name ("Lindqvist, a former Swedish trade
            # minister,"), which the cast does not take for a title
            if any(names(t.text.lower().replace("’", "'")) for t in person.titles):
                return True
            for x in person.mentions:
                if x.kind in ("full", "surname"):
                    d = _DESCRIPTION_AFTER.match(article.blocks[x.block].text, x.end)
                    if d is not None and names(d.group("d").lower().replace("’", "'")):
                        return True
            return False

        if holds(holder):
            return None
        others = [p for p in cast.people if p is not holder and holds(p)]
        if len(others) != 1:
            return None
        return others[0], text[m.start("what"):m.end("post")], " ".join(m.group("verb").split())

    @staticmethod
    def _repeats_other(article, cast, block, ref, holder):
        """The reference's who-clause repeats, word for word, what another sentence says of another
        person by name ("The governor, who has led the armed forces since 2022," after "Reiner, who
        has led the armed forces since 2022 ..."): ``(that person, the words, their line)`` or None.
        At least four words alike, two of them no function words; the other sentence names that
        person before the words and never the holder."""
        clause = _WHO_CLAUSE.match(block.text, ref.end)
        if clause is None:
            return None
        said = " ".join(clause.group("words").split())
        words = said.lower().split()
        if len(words) < 4 or sum(w not in L.FUNCTION_WORDS for w in words[:4]) < 2:
            return None
        phrase = _phrase_pattern(words[:4])
        analysis = article.analysis
        for other_block in article.blocks:
            if other_block.kind not in BODY_KINDS:
                continue
            for m in phrase.finditer(other_block.text):
                if other_block.index == block.index and m.start() < ref.end + 12:
                    continue  # (the clause itself)
                ss, se = sentence_span(analysis, other_block, m.start())
                if any(x.block == other_block.index and ss <= x.start < se for x in holder.mentions):
                    continue
                first = min(((x.start, p) for p in cast.people for x in name_mentions(p)
                             if x.block == other_block.index and ss <= x.start and x.end <= m.start()),
                            key=lambda n: n[0], default=(None, None))[1]
                if first is None or first is holder or any(t.matches(ref.head, (), ref.former) for t in first.titles):
                    continue
                line = article.source.position(other_block.smap.span(m.start(), m.end())[0])[0]
                return first, said, line
        return None

    @staticmethod
    def _appointed_like_other(article, cast, block, ref, holder):
        """The reference's who-clause says who appointed the person and when ("The warden, who was
        appointed by Marsh in 2021,") and another sentence says that of exactly one other person by
        name, in either voice ("Leonard Vasquez, whom Marsh appointed correction commissioner in
        2021,"), and never of the holder: ``(that person, the clause, its line)`` or None."""
        m = _APPOINTED_BY.match(block.text, ref.end)
        if m is None:
            return None
        by, stem, year = m.group("by"), m.group("verb")[:5].lower(), m.group("year")
        found = {}
        for p in cast.people:
            if by in p.name.split():
                continue  # (the one who appointed)
            for x in name_mentions(p):
                b = article.blocks[x.block]
                if b.kind not in BODY_KINDS or (x.block == block.index and x.start <= ref.end):
                    continue
                ss, se = sentence_span(article.analysis, b, x.start)
                sentence = b.text[ss:se]
                if by in sentence and stem in sentence.lower() and (year is None or year in sentence):
                    found.setdefault(id(p), (p, article.source.position(b.smap.span(ss, se)[0])[0]))
        if len(found) != 1:
            return None
        other, line = next(iter(found.values()))
        if other is holder:
            return None
        return other, " ".join(m.group(0).lstrip(", ").split()[1:]), line

    @staticmethod
    def _came_from_other(cast, text: str, ref, holder):
        """A who-clause says the person arrived from a capital ("The foreign minister, who flew in
        from Manila on Wednesday night,") whose country the story gives another person by a
        demonym or country in their title ("Philippine Foreign Secretary Ramon Castillo"), and
        the holder another country ("Vietnamese Foreign Minister Pham Thu Trang"): ``(that person,
        the city, the country)`` or None. Among several of that country, the one whose post shares
        the reference's portfolio or kind (minister, secretary) is meant; else nobody is sure."""
        m = _ARRIVED_FROM.match(text, ref.end)
        if m is None:
            return None
        city = m.group("city")
        country = L.CAPITALS.get(city.lower())
        if country is None:
            return None
        home = _countries(holder)
        if not home or country in home:
            return None  # the holder's country unknown, or the city's: nothing to say
        of_country = [p for p in cast.people if p is not holder and country in _countries(p)]
        if len(of_country) > 1:
            words = set(ref.head.split())
            if words & _POST_KINDS:  # a minister and a secretary are one kind of post
                words |= _POST_KINDS
            kind = [p for p in of_country
                    if any(words & set(_WORD_RE.findall(t.text.lower())) for t in p.titles if not t.former)]
            of_country = kind
        if len(of_country) != 1:
            return None
        return of_country[0], city, country

    @staticmethod
    def _represents_other(cast, blocks, text: str, ref, holder):
        """A relative clause right after the reference says the person represents a place ("The
        chairman, who has represented Kansas since 2011,") that the story ties to exactly one other
        person by "of" right after their name ("Sen. Gordon Pryce of Kansas") and never to the
        holder: ``(that person, the place)`` or None."""
        m = _REPRESENTS_CLAUSE.match(text, ref.end)
        if m is None:
            return None
        place = m.group("place")
        tied = set()
        for p in cast.people:
            for mn in p.mentions:
                if mn.kind in ("full", "surname") and not mn.quoted and mn.block < len(blocks):
                    o = _OF_PLACE_AFTER.match(blocks[mn.block].text, mn.end)
                    if o is not None and o.group("place") == place:
                        tied.add(id(p))
                        break
            if any(place in t.text for t in p.titles if not t.former):
                tied.add(id(p))
        if id(holder) in tied or len(tied) != 1:
            return None
        return next(p for p in cast.people if id(p) in tied), place

    @staticmethod
    def _said_to_run(cast, blocks, ref, holder, org: str, verb: str):
        """Another person of the story is the one a clause after their name says did the same
        ("Chief Executive Priya Nandakumar, who founded the company in 2009," against "The chief
        operating officer, who founded Calder 14 years ago,"), and the holder never is:
        ``(that person, organisation, the clause)`` or None."""
        family = _FOUNDED if verb.lower() in _FOUNDED else None
        found = []
        for p in cast.people:
            for mn in p.mentions:
                if mn.kind not in ("full", "surname") or mn.quoted or (mn.block, mn.start) == (ref.block, ref.start):
                    continue
                if mn.block >= len(blocks):
                    continue
                text = blocks[mn.block].text
                c = _RUNS_CLAUSE_ANY.match(text, mn.end)
                if not c or (c.group("verb").lower() in _FOUNDED) != (family is not None):
                    continue
                obj = regex.sub(r"['’]s?$", "", c.group("org")).lower()
                if obj == org or obj.split()[0] == "the" and obj.split()[-1] in _GENERIC_ORGS and len(obj.split()) == 2:
                    found.append((p, c.group(0).lstrip(", ").rstrip()))
                    break
        if any(p is holder for p, _ in found) or len({id(p) for p, _ in found}) != 1:
            return None
        org = org if org.startswith("the ") else org[:1].upper() + org[1:]
        return found[0][0], org, found[0][1], f"{'founding' if family else 'running'} {org}"

    @staticmethod
    def _statement_of_other(article, analysis, cast, block, ref, holder, para):
        """``(person, noun)`` when "In the statement, the jail administrator said" points back at a
        statement (letter, email, release) the sentence before, in this paragraph or the one
        before, gives exactly one other person ("Elise Hartung said in a statement"), and neither
        names the title's holder; else None."""
        text = block.text
        ss, _ = sentence_span(analysis, block, ref.start)
        lead = _STATEMENT_LEAD.fullmatch(text, ss, ref.start)
        if lead is None:
            return None
        noun = lead.group("noun").lower()
        here = para[ref.block]
        spans = [(block, s, e) for s, e in analysis.sentences(block) if e <= ss]
        if not spans and here:
            pb = next((b for b in article.blocks if para.get(b.index) == here - 1), None)
            if pb is not None:
                spans = [(pb, s, e) for s, e in (analysis.sentences(pb) or [(0, len(pb.text))])]
        if not spans:
            return None
        b, s, e = spans[-1]
        if _re.search(r"\b(?:a|an|the|his|her|its|their)[ \u00a0]+(?:\w+[ \u00a0]+)?" + noun + r"\b",
                      b.text[s:e], _re.I) is None:
            return None
        issuers = {id(p): p for p in cast.people for m in p.mentions
                   if m.block == b.index and s <= m.start < e and not m.quoted and _spoke(b.text, m)}
        named = {id(p) for p in cast.people for m in p.mentions if m.block == b.index and s <= m.start < e}
        if len(issuers) != 1 or id(holder) in named:
            return None
        other = next(iter(issuers.values()))
        return (other, noun) if other is not holder else None

    @staticmethod
    def _dissent_of_other(article, analysis, cast, block, ref, holder):
        """The person who wrote a court's dissent, when the reference's clause dissents ("The chief
        justice argued in his dissent", "The chief justice called the majority's remedy ...") and the
        title's holder wrote the majority's opinion ("The 5-2 decision, written by Chief Justice
        Margaret Ellison", "Writing for the majority, Chief Justice ..."); else None. One dissenter
        only, and the holder never in a sentence about a dissent."""
        text = block.text
        _, se = sentence_span(analysis, block, ref.start)
        if _DISSENTS.search(text, ref.end, se) is None:
            return None

        def sentences_of(person):
            for m in person.mentions:
                if m.kind in ("pronoun", "title") or m.quoted:
                    continue  # (by name: a title standing alone may be the mistake)
                b = article.blocks[m.block]
                s, e = sentence_span(analysis, b, m.start)
                yield b.text[s:e]

        own = list(sentences_of(holder))
        if any(_DISSENT_WORD.search(t) for t in own) or not any(_MAJORITY_AUTHOR.search(t) for t in own):
            return None
        dissenters = [p for p in cast.people if p is not holder
                      and any(_DISSENT_WORD.search(t) for t in sentences_of(p))]
        if len(dissenters) > 1:  # (the justice who wrote it, not those who joined it)
            dissenters = [p for p in dissenters if any(_DISSENT_WORD.search(t) and _WROTE.search(t)
                                                       for t in sentences_of(p))]
        return dissenters[0] if len(dissenters) == 1 else None

    @staticmethod
    def _also_said_other(article, analysis, cast, block, ref, holder, para):
        """The speaker an "also said" goes on from, when the title's holder never spoke before.

        "The foreign minister also said ..." says the subject spoke just before; when the sentence
        before is someone else's "said" (another title, named or by pronoun) and the story gives
        the only foreign minister no word before this one, the title names the wrong person.
        """
        if _ALSO_SAID.match(block.text, ref.end) is None:
            return None
        ss, _ = sentence_span(analysis, block, ref.start)
        if not _OPENER.match(block.text[ss:ref.start]):
            return None
        main = WrongTitle._previous_subject(article, analysis, cast, block, ss, para)
        if main is None or main is holder or not main.titles \
                or any(t.matches(ref.head, (), ref.former) for t in main.titles):
            return None
        here = (para[ref.block], ref.start)
        texts = {b.index: b.text for b in article.blocks if b.index in para}

        def before(m) -> bool:
            return m.block in texts and not m.quoted and (para[m.block], m.start) < here

        if not any(before(m) and para[m.block] >= here[0] - 1 and _spoke(texts[m.block], m)
                   for m in main.mentions):
            return None  # main did not speak just before
        if _speaks_of_own_org(block.text, ref, main, holder):
            return main  # "... The health secretary also said the chain's turnover": the chain's chief executive goes on
        quotes = analysis.quotations
        if any(i < len(quotes) and para.get(quotes[i].block, here[0]) < here[0] for i in holder.quotes):
            return None  # the holder was quoted before
        if any(before(m) and _spoke(texts[m.block], m) for m in holder.mentions):
            return None  # ... or said something
        return main

    @staticmethod
    def _previous_subject(article, analysis, cast, block, ss, para):
        """The person the sentence before ``ss`` (in body order) starts with, outside quotations."""
        spans = analysis.sentences(block)
        prev = [(block, s, e) for s, e in spans if e <= ss]
        if prev:
            target = prev[-1]
        else:
            order = [b for b in article.blocks if b.index in para and para[b.index] < para[block.index]]
            if not order:
                return None
            pb = order[-1]
            pspans = analysis.sentences(pb) or [(0, len(pb.text))]
            target = (pb, *pspans[-1])
        b, s, e = target
        first = None
        for p in cast.people:
            for m in p.mentions:
                if m.block == b.index and s <= m.start < e and not m.quoted and m.kind != "first-name":
                    if first is None or m.start < first[0]:
                        first = (m.start, p)
        return first[1] if first else None

    @staticmethod
    def _conflict(text: str, ref, holder) -> bool:
        """The sentence calls the subject something of another country than the holder's title says
        ("The foreign minister was the highest-ranking U.S. official", holder: Israeli)."""
        own = {c for q in (q for t in holder.titles for q in t.qualifiers) for w in q.split()
               if (c := _country(w))}
        if not own:
            return False
        m = _COPULA_PRED.match(text, ref.end)
        if not m:
            return False
        for w in _COUNTRY_WORD.findall(m.group("np")):
            c = _country(w)
            if c and c not in own:
                return True
        return False
