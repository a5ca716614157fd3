"""``unheld-title``: a title-only reference whose post nobody in the story holds."""

from __future__ import annotations

from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.article import lexicon as L
from newslint.kinds.base import CheckContext, Hit, Option, RuleKind, article_letter_runs, letter_runs
from newslint.news.titles.common import (BODY_KINDS, NAME_KINDS, _OPENER, _WORD_RE, lower_title, sentence_span,
    title_case_line)
from newslint.news.titles.posts import (UNHELD_OFFICES, _DESCRIPTION_AFTER, _DESCRIPTION_BEFORE, _DESK_ACTS,
    _DESK_GATE, _DESK_HEADS, _GENDER_TWIN, _GOV_LEGAL_HEADS, _GOV_NOUNS, _HONORIFICS, _JOB_WORD_BEFORE,
    _NAME_IN_APPOSITION, _NOT_DESKS, _NOT_DOMAINS, _NOT_ORG_MODIFIERS, _ORG_ONLY_HEADS, _ORG_POST_BEFORE,
    _PLURAL_JOBS, _PLURAL_JOB_BEFORE, _POST_AFTER, _RANK_ABBR_BEFORE, _SELF_ORG_HEADS, _SELF_ORG_RUNS,
    _UNHELD_ORG_NOUNS, _VERB_BETWEEN, _WHOSE_KIN, _SAID_KIN, _KIN_OF, _WHO_POST_AFTER, _WHO_POST_VERBS, _WHO_WAS_POST, _WORD_BEFORE,
    _holds_office, _names_post, _owner_only)
from newslint.news.titles.long_title import (_after_other_caps, _name_starts_clear, long_caps_title, long_org_title,
    long_run_title, org_stack_title, post_run_title)
from newslint.news.titles.wrong_title import WrongTitle

#: a quotation closed by a comma, "!" or "?" right before a reference, and a saying verb after it: the
#: reference is the quotation's speaker ('“…,” the mayor said.')
_QUOTE_BEFORE = regex.compile(r"[,!?][”\"][ \u00a0]+\Z")
_SAID_AFTER = regex.compile(r"[ \u00a0]+(?:said|says|added|asked|told)(?![\w'’\-])")
#: one-holder posts whose head word the cast does not read alone (``UnheldTitle.weak_ref``)
_WEAK_ONE_HOLDER = frozenset({"superintendent", "treasurer", "provost", "ambassador", "auditor", "dean",
                              "congressman", "congresswoman", "administrator", "comptroller", "principal",
                              "warden", "trade representative", "jailer", "admiral",
                              "arbitrator", "mediator"})
#: the words that let a block hold one of them (letter runs are single words)
_WEAK_GATE = frozenset(h.rsplit(None, 1)[-1] for h in _WEAK_ONE_HOLDER)
#: the verbs of what such a post's holder said or did as the subject of its sentence (an official
#: act too: "The treasurer signed off on the largest of them")
_WEAK_SAID = ("said", "says", "told", "added", "testified", "announced", "warned", "argued", "insisted", "wrote",
              "replied", "responded", "signed", "approved", "authorized", "ordered", "vetoed", "rejected",
              # and declining to speak, which a story says of someone it has named or means to
              "declined", "refused", r"did[ \u00a0]+not[ \u00a0]+(?:respond|return|reply)")


#: a person described by whose they are, set off after the name: "Helen Grady, Salazar's attorney,"
#: (an attorney: no treasurer), "Ana Ruiz, the club's general manager," is ``_DESCRIPTION_AFTER``'s
_OWNER_DESCRIPTION_AFTER = regex.compile(r",[ \u00a0]+\p{Lu}[\p{L}\-]*['’]s?[ \u00a0]+"
                                         # (set off, or closing the sentence: "said Angela Whitfield, Moreau's mother.")
                                         r"(?P<d>\p{Ll}[\p{Ll}\-]*(?:[ \u00a0]+\p{Ll}[\p{Ll}\-]*){0,3})(?:,|\.(?!\w))"
                                         # or by their hometown, as a private person is: "Raymond Tuck, 34,
                                         # of Calder Falls," (no post at all)
                                         r"|,[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?(?P<d>)of[ \u00a0]+\p{Lu}[\p{L}\-]*"
                                         r"(?:[ \u00a0]+\p{Lu}[\p{L}\-]*){0,3}(?:,[ \u00a0]+\p{Lu}[\p{L}.]*)?,"
                                         # or by age and a who-clause, no post: "Tamika Rhodes, 46, who has
                                         # driven for Zipway since 2020,"
                                         r"|,[ \u00a0]+\d{1,3},[ \u00a0]+(?P<d>)who[ \u00a0]")


#: a business's owner named as the agent of owning or running it: "The stand is owned by| Denise Hollis"
_OWNED_BY_BEFORE = regex.compile(r"(?<![\w\-])(?:owned|run|operated|founded)[ \u00a0]+by[ \u00a0]+\Z")


class UnheldTitle(RuleKind):
    name = "unheld-title"
    description = "A title-only reference ('the attorney general') to an office nobody in the story holds."
    OPTIONS = {
        "heads": Option("list[str]", default=UNHELD_OFFICES,
                        doc="offices judged: one holder at a time, so the story should name them"),
        "allow": Option("list[str]", default=[],
                        doc="offices readers know without a name in this house style ('prime minister')"),
    }

    def setup(self, options):
        self.heads = {h.lower() for h in options["heads"]} - {a.lower() for a in options["allow"]}
        heads = sorted(self.heads | _ORG_ONLY_HEADS | set(_SELF_ORG_HEADS), key=_longest_first)
        orgs = "|".join(sorted(_UNHELD_ORG_NOUNS))
        # "The irrigation district's general manager": a lower-case word may say which district
        self.org_ref = regex.compile(r"(?<![\w'’\-])The[ \u00a0]+(?:(?P<mod>[a-z][a-z\-]{2,})[ \u00a0]+)?(?P<org>" + orgs
                                     + r")(?:['’]s)?[ \u00a0]+(?P<head>" + "|".join(regex.escape(h) for h in heads)
                                     + r"|(?P<domain>[a-z]{3,})[ \u00a0]+director"
                                     # an organisation's chief officer of a field: "The system's chief
                                     # nursing officer", "The company's chief technology officer"
                                     + r"|chief[ \u00a0]+(?P<field>[a-z]{3,})[ \u00a0]+officer"
                                     + r")(?![\w'’\-])|(?<![\w'’\-])The[ \u00a0]+(?P<self>"
                                     + "|".join(regex.escape(h) for h in _SELF_ORG_HEADS)
                                     + r"|(?:" + "|".join(_GOV_NOUNS) + r")(?:['’]s)?[ \u00a0]+(?:"
                                     + "|".join(_GOV_LEGAL_HEADS) + r"))(?![\w'’\-])")
        # "The agriculture secretary, whose department runs ...", "The state's insurance commissioner,
        # whose office ...": a portfolio's one holder, whom a who-clause describes as a known person
        # ("The" opening the sentence, or "the" after an introductory phrase: "At a meeting with growers
        # that afternoon, the agriculture secretary promised"; ``check`` asks for the subject position)
        self.desk_ref = regex.compile(r"(?:(?<![\w'’\-])The|(?<=,[ \u00a0]+)the)[ \u00a0]+"
                                      r"(?:(?P<org>" + orgs + r")['’]s[ \u00a0]+)?"
                                      r"(?P<domain>[a-z]{3,})[ \u00a0]+(?P<head>" + "|".join(sorted(_DESK_HEADS))
                                      + r")(?:,[ \u00a0]+(?:who|whose)[ \u00a0]|[ \u00a0]+(?P<verb>"
                                      + "|".join(_DESK_ACTS) + r")(?![\w'’\-]))")
        self.allowed = {a.lower() for a in options["allow"]}
        # "The superintendent said": a post one person holds at a time whose head word is too ordinary
        # for the cast to read it alone (a superintendent, a treasurer, a provost of something), as
        # the subject of what someone said
        weak = sorted(h for h in _WEAK_ONE_HOLDER if h not in self.allowed)
        weak_heads = "|".join(h.replace(" ", r"[ \u00a0]+") for h in weak)
        self.weak_ref = regex.compile(r"(?<![\w'’\-])[Tt]he[ \u00a0]+(?P<head>" + weak_heads + r")"
                                      # (past a who-clause: "The provost, who oversees the compliance office,")
                                      r"(?:,[ \u00a0]+who[ \u00a0][^,;:.“”\"]{1,80},)?"
                                      r"(?:[ \u00a0]+(?:also|later|again|has|had))?[ \u00a0]+(?:" + "|".join(_WEAK_SAID)
                                      + r")(?![\w'’\-])") if weak else None

    def _org_refs(self, ctx: CheckContext, cast) -> list:
        """"The club president said", "The state epidemiologist said": an organisation's one-holder
        post by a lower-case noun for the organisation, which the cast leaves out (a block is read
        only when it holds one of the nouns and "the")."""
        from newslint.article.cast import TitleRef
        out = []
        analysis = ctx.article.analysis
        cast_refs = {(r.block, r.start) for r in cast.title_refs}
        for block in ctx.blocks():
            runs = letter_runs(ctx.article, block)
            if "the" not in runs:
                continue
            if not runs.isdisjoint(_DESK_HEADS) and not runs.isdisjoint(_DESK_GATE):
                out.extend(self._desk_refs(ctx, analysis, cast, block, cast_refs))
            if runs.isdisjoint(_UNHELD_ORG_NOUNS) and runs.isdisjoint(_SELF_ORG_RUNS) and runs.isdisjoint(_GOV_NOUNS):
                continue
            spans = analysis.quote_spans(block)
            for m in ctx.finditer(self.org_ref, block.text):
                s, e = m.span()
                if any(qs <= s < qe for qs, qe in spans) or cast.person_at(block.index, s, e) is not None:
                    continue
                if m.group("self"):  # "The harbor master said": the post names its own office
                    # ("The county prosecutor said": the government's legal officer, "county prosecutor")
                    ref = TitleRef(m.group(), block.index, s, e,
                                   " ".join(regex.sub(r"['’]s$", "", w) for w in m.group("self").lower().split()), [], False,
                                   capitalized=False)
                    ref.self_org = True
                    out.append(ref)
                    continue
                mod = m.group("mod")
                if mod is not None and mod in _NOT_ORG_MODIFIERS:
                    continue  # "The other club's president": one of several
                domain = m.group("domain")
                if domain is not None and domain in _NOT_DOMAINS:
                    continue  # "The company's regional director": one of several
                if m.group("field") is not None and m.group("field") in _NOT_DOMAINS:
                    continue  # ("The company's chief executive officer" is a head of its own)
                out.append(TitleRef(m.group(), block.index, s, e, m.group("head").lower(), [m.group("org")],
                                    False, capitalized=False))
        return out

    def _weak_refs(self, ctx: CheckContext, cast) -> list:
        """"The superintendent said": ``weak_ref``'s posts, which the cast leaves out as too ordinary
        alone, when nobody in the story holds a title with the word (a block is read only when it
        holds one of the heads)."""
        from newslint.article.cast import TitleRef
        if self.weak_ref is None or _WEAK_GATE.isdisjoint(article_letter_runs(ctx.article)):
            return []
        out = []
        analysis = ctx.article.analysis
        held = None
        for block in ctx.blocks():
            if _WEAK_GATE.isdisjoint(letter_runs(ctx.article, block)):
                continue
            spans = analysis.quote_spans(block)
            for m in ctx.finditer(self.weak_ref, block.text):
                s, e = m.start(), m.end("head")
                if any(qs <= s < qe for qs, qe in spans) or cast.person_at(block.index, s, e) is not None:
                    continue
                if held is None:
                    # (and the forms a title answers to: "Rep. Ann Lee" is the congresswoman)
                    held = {w for p in cast.people for t in p.titles
                            for w in _WORD_RE.findall(" ".join([t.text.lower(), *t.heads]))}
                head = m.group("head").lower()
                if held.issuperset(head.split()):
                    continue  # someone's title holds the words: the cast's title rules judge it
                ref = TitleRef(block.text[s:e], block.index, s, e, head, [], False, capitalized=False)
                ref.weak = True  # (not the cast's: ``_elsewhere`` must not take it for another mention)
                out.append(ref)
        return out

    def _desk_refs(self, ctx: CheckContext, analysis, cast, block, cast_refs) -> list:
        """"The agriculture secretary, whose department runs ...": a portfolio's secretary,
        commissioner or minister (by a word that names a portfolio, not "deputy", "junior" or
        "county"), optionally an organisation's ("The state's insurance commissioner, whose office
        ..."), set off by a who-clause that describes one known person; the cast reads no such
        reference unless its words are a title head ("defense secretary"), and then it is the cast's."""
        from newslint.article.cast import TitleRef
        out = []
        spans = analysis.quote_spans(block)
        for m in ctx.finditer(self.desk_ref, block.text):
            s, e = m.start(), m.end("head")
            domain = m.group("domain")
            if domain in _NOT_DOMAINS or domain in _NOT_DESKS or domain in _UNHELD_ORG_NOUNS \
                    or f"{domain} {m.group('head')}" in self.allowed \
                    or (block.index, s) in cast_refs or any(qs <= s < qe for qs, qe in spans) \
                    or cast.person_at(block.index, s, e) is not None:
                continue
            org = m.group("org")
            ref = TitleRef(block.text[s:e], block.index, s, e, f"{domain} {m.group('head')}",
                           [org] if org else [], False, capitalized=False)
            ref.desk = True
            out.append(ref)
        return out

    def check(self, ctx: CheckContext):
        article = ctx.article
        analysis = article.analysis
        cast = analysis.cast
        refs = [r for r in cast.title_refs if not r.candidates and not r.quoted and not r.former
                and r.head in self.heads and (not r.qualifiers or _owner_only(r))]
        refs += self._org_refs(ctx, cast)
        refs += self._weak_refs(ctx, cast)
        if not refs:
            return
        scope = {b.index: b for b in ctx.blocks()}
        body_order = [b.index for b in article.blocks if b.kind in BODY_KINDS]
        para = {idx: i for i, idx in enumerate(body_order)}
        seen = set()
        for ref in sorted(refs, key=lambda r: (r.block, r.start)):
            block = scope.get(ref.block)
            if block is None or ref.block not in para or ref.head in seen:
                continue
            seen.add(ref.head)
            if para[ref.block] == 0:
                continue  # a lede may hold the name back for the next paragraph
            text = block.text
            if not ref.qualifiers and not regex.match(r"(?i:the)[ \u00a0]", ref.text):
                continue
            if WrongTitle.deputy_runs_other(cast, article.blocks, text, ref) is not None:
                continue  # "The deputy governor, who has led the bank": wrong-title's (another's role)
            ss, _ = sentence_span(analysis, block, ref.start)
            if not _OPENER.match(text[ss:ref.start]) and not (_QUOTE_BEFORE.search(text, max(0, ref.start - 4), ref.start)
                                                              and _SAID_AFTER.match(text, ref.end)):
                # only the subject of its sentence ("The governor said ..."; also the speaker after a
                # quote: '“…,” the mayor said.'), not "met the governor"
                continue
            if title_case_line(text, ss, ref.end):
                continue
            if _NAME_IN_APPOSITION.match(text, ref.end):
                continue  # "the chairman of the working party, Ambassador Stefan Johannesson,": named
            if self._elsewhere(ctx, article, ref) or self._maybe_held(article, analysis, cast, ref, para):
                continue
            what = ref.text if ref.qualifiers and ref.text[:1] != "T" else ref.text[0].lower() + ref.text[1:]
            # a holder of a ranked post of the same name is the likely mix-up ("the district
            # attorney" for an assistant district attorney)
            near = next(((p, t) for p in cast.people for t in p.titles
                         if f" {ref.head} " in " " + " ".join(_WORD_RE.findall(t.text.lower())) + " "), None)
            if near is None and ref.head in _GENDER_TWIN:  # "the chairman" for the committee's chairwoman
                twin = " " + _GENDER_TWIN[ref.head] + " "
                near = next(((p, t) for p in cast.people for t in p.titles
                             if twin in " " + " ".join(_WORD_RE.findall(t.text.lower())) + " "), None)
            notes = []
            if near:
                held = lower_title(near[1].text)
                the = "the " if regex.match(r"\p{Ll}[\p{L}\-]*['’]s ", held) else ""  # "the committee's chairwoman"
                notes.append(f"{near[0].name} is {the}{held}")
            rep = WrongTitle._represents_other(cast, article.blocks, text, ref, None) \
                if ", who " in text[ref.end:ref.end + 6] else None
            if rep is not None:  # "The chairman, who has represented Kansas since 2011," (Sen. Gordon Pryce of Kansas)
                notes.append(f"the clause after it describes {rep[0].name} of {rep[1]}")
            also = f" ({'; '.join(notes)})" if notes else ""
            yield Hit(block, ref.start, ref.end, args={"title": what, "head": ref.head},
                      message=f"Nobody in the story is named as {what}{also}: name the {ref.head} at first "
                              f"reference, or use the title of the person meant.")

    @staticmethod
    def _elsewhere(ctx, article, ref) -> bool:
        """The title's words stand somewhere else in the story, not as "the" + title alone
        ("Scottish Finance Minister, Tom McCabe, said"): a holder the cast did not link."""
        plain = {(r.block, r.start) for r in article.analysis.cast.title_refs
                 if r.head == ref.head and not r.qualifiers and regex.match(r"(?i:the)[ \u00a0]", r.text)}
        owned = [(ref.block, ref.start, ref.end)] if ref.qualifiers or getattr(ref, "self_org", False) \
            or getattr(ref, "desk", False) or getattr(ref, "weak", False) else []
        words = ref.head.split()
        pattern = regex.compile(r"(?<![\w\-])" + r"[ \u00a0\-]+".join(regex.escape(w) for w in words)
                                + r"(?![\w\-])", regex.I)
        for block in article.blocks:
            for m in ctx.finditer(pattern, block.text):
                start = m.start()
                before = _WORD_BEFORE.search(block.text, max(0, start - 30), start)
                if before and before.group(1).lower() in L.RANK_MODIFIERS:
                    continue  # "Assistant District Attorney Owen Pryce": another post
                if any(block.index == b and s <= start < e for b, s, e in owned):
                    continue  # the reference itself: "Calder's chairman"
                if not any(block.index == b and s <= start < s + 40 for b, s in plain) \
                        or not regex.search(r"(?i:the)[ \u00a0]+$", block.text[max(0, start - 4):start]):
                    return True
        return False

    @staticmethod
    def _who_post(text, end, head, org):
        """What a who-clause after a name says of the person's post, as ``_described``: "Priya Raman,
        who chairs the faculty senate," holds a chair (True only for a chair); "Curtis Bell, who has
        run Greystone since 2020," runs an organisation: True when the clause names the title's words
        or its organisation, False when the title names its organisation ("the county prosecutor")
        and the clause another; None (could be any top post) otherwise."""
        w = _WHO_POST_AFTER.match(text, end)
        if w is None:
            return None
        obj = " " + " ".join(_WORD_RE.findall(w.group("o").lower())) + " "
        if head in obj or org and f" {org} " in obj:
            return True
        post = _WHO_POST_VERBS.get(w.group("v"))
        if post is not None:  # "who chairs ...": a chair
            return any(head.endswith(f" {h} ") for h in post)
        if head.split()[-1] in _GOVERNMENT_POSTS and _NON_GOVERNMENT_BODY.search(w.group("o")):
            # "Patrick Bishop, who runs the Norwegian Refugee Council's operations": an NGO's or a
            # company's head holds no government portfolio ("The development minister")
            return False
        if head.split()[-1] in _SCHOOL_POSTS and _NOT_A_SCHOOL.match(w.group("o")):
            # "Hannah Sorensen, who leads the parent-teacher organization at Pine Hollow Elementary
            # School": a group's leader, not the school's principal
            return False
        return False if org else None

    @staticmethod
    def _described(blocks, named, head, org=None):
        """How the story describes a person the cast gives no title: None when it does not; True
        when the description holds the title's words ("Jane Roe, the state's lieutenant governor,"),
        False when it describes someone else ("Jalen Ward, 20, a starting guard", "Lt. Marcus Bell")."""
        for m in named:
            text = blocks[m.block].text
            if _RANK_ABBR_BEFORE.search(text, max(0, m.start - 8), m.start):
                return False
            if _OWNED_BY_BEFORE.search(text, max(0, m.start - 20), m.start):
                return head in (" owner ", " founder ")  # "The stand is owned by Denise Hollis": its owner
            before = _DESCRIPTION_BEFORE.search(text, max(0, m.start - 90), m.start) \
                or _ORG_POST_BEFORE.search(text, max(0, m.start - 90), m.start)
            if before is not None:  # "the club's general manager, Ana Ruiz": a general manager
                # ("Greenbrier Ridge Energy's president and chief executive, Elaine Varney": the company's)
                return head in " " + " ".join(_WORD_RE.findall(before.group("d").lower())) + " "
            if m.kind == "full":
                w = _JOB_WORD_BEFORE.search(text, max(0, m.start - 24), m.start)
                if w is not None and (w.group(1).lower() in L.WEAK_REF_HEADS or w.group(1) in ("Chief", "Attorney")
                                      or w.group(1).lower() in L.OCCUPATIONS):  # ("Booster Ray Castellano")
                    # "Owner Victoria Lang": an owner; "Deputy Chief Lauren Pike": a chief; "U.S.
                    # Attorney Raymond Holt": an attorney (no attorney general)
                    return head == " " + w.group(1).lower() + " "
                p = _PLURAL_JOB_BEFORE.search(text, max(0, m.start - 160), m.start)
                if p is not None and p.group(1) in _PLURAL_JOBS:  # "trustees Linda Farrow and Samuel Greer"
                    return head == " " + p.group(1) + " "
            d = _DESCRIPTION_AFTER.match(text, m.end) or _OWNER_DESCRIPTION_AFTER.match(text, m.end)
            if d is None and text.startswith(",", m.end):
                # (", president and chief executive officer of Gulf South Power,", ", who has been
                # Brightwell's chief executive since 2019,": a post without an article)
                d = next((p for p in (_WHO_WAS_POST.match(text, m.end), _POST_AFTER.match(text, m.end))
                          if p is not None and _names_post(p.group("d"))), None)
            if d:
                return head in " " + " ".join(_WORD_RE.findall(d.group("d").lower())) + " "
            if ", who " in text[m.end:m.end + 7]:
                w = UnheldTitle._who_post(text, m.end, head, org)
                if w is not None:
                    return w
            if _WHOSE_KIN.match(text, m.end) or _SAID_KIN.match(text, m.end) or _KIN_OF.match(text, m.end):
                return False  # "Tanya Rourke, whose 5-month-old son spent 11 days in intensive care": a parent
                # (also "Loretta Hayes said her son's last words were ...")
        return None

    @staticmethod
    def _desk_held(blocks, cast, ref) -> bool:
        """Someone holds a secretary's, minister's or commissioner's post that may be this portfolio:
        its words or the lower-case words right before it hold the portfolio's word ("trade and
        industry secretary Jose Concepcion" for "The trade minister": the same office by another
        name), or it names no portfolio at all ("Minister Jose Concepcion")."""
        domain = ref.head.split()[0]
        for p in cast.people:
            for t in p.titles:
                if t.head.split()[-1] not in _DESK_HEADS or t.former:
                    continue
                words = _WORD_RE.findall(t.text.lower())
                if domain in words or len(words) == 1 and t.block is None:
                    return True
                if t.block is not None:
                    before = blocks[t.block].text[max(0, t.start - 40):t.start].lower()
                    if domain in _WORD_RE.findall(before) or len(words) == 1 and not before.rstrip()[-1:].isalpha():
                        return True
        return False

    @staticmethod
    def _maybe_held(article, analysis, cast, ref, para) -> bool:
        """Someone named before the reference, or in its paragraph or the next, could be its holder:
        a person the story gives no title ("Tony Blair ... The prime minister"; a courtesy title or
        "Sir" is no office), or one whose title holds the reference's words."""
        here = (ref.block, ref.start)
        last = para[ref.block] + 1
        head = " " + ref.head + " "
        blocks = article.blocks
        if getattr(ref, "desk", False) and UnheldTitle._desk_held(blocks, cast, ref):
            return True
        ref_sentence = sentence_span(analysis, blocks[ref.block], ref.start)
        # a sibling post's holder ("Home Secretary Charles Clarke" beside "The transport secretary
        # said"): the story introduces its office holders, so a person it gives no title is a
        # possible holder only when the reference goes on about them: the last person named
        # before it, in its paragraph or the two before ("Jack Straw has attacked ... The foreign
        # secretary said"), not anyone earlier
        sibling = _sibling_holder(cast, ref.head)
        latest = None  # the person named last before the reference: the one it may go on about
        if sibling is not None:
            latest = max(((para.get(m.block, -9), m.start, i) for i, q in enumerate(cast.people)
                          for m in q.mentions if m.kind in NAME_KINDS and (m.block, m.start) < here), default=None)
            latest = cast.people[latest[2]] if latest is not None else None
        for p in cast.people:
            named = [m for m in p.mentions if m.kind in NAME_KINDS
                     and ((m.block, m.start) < here or para.get(m.block, last + 1) <= last)
                     # not a name after the reference's verb in its own sentence ("The treasury
                     # secretary, who joined the lunch, told Fox Business that ..."): someone the
                     # holder speaks to or acts on
                     and not (m.block == ref.block and ref.end <= m.start < ref_sentence[1]
                              and _VERB_BETWEEN.search(blocks[m.block].text, ref.end, m.start) is not None)]
            if not named or all(m.quoted for m in named) \
                    or all(m.kind == "surname" and _after_other_caps(blocks[m.block].text, m.start) for m in named):
                # (named only inside someone's quotation, "Greg Tate's generosity": not introduced by
                # the story, no office holder it means)
                # (only a "surname" after other capitalised words: "the Cabinet Room", "the Situation
                # Room" for a "Benjamin Franklin Room" named later: a place's name, no person)
                continue
            for t in p.titles:
                words = " " + " ".join(_WORD_RE.findall(t.text.lower())) + " "
                at = words.find(head)
                if at >= 0 and words[:at].split()[-1:] not in ([m] for m in L.RANK_MODIFIERS):
                    return True  # not "assistant district attorney": a rank makes it another post
            if any(", who " in blocks[m.block].text[m.end:m.end + 7]
                   and _holds_office(blocks[m.block].text, m.end, head) for m in named):
                return True  # "Clara Vella, who holds the council's rotating presidency," (a post by its office)
            if any(t.head not in _HONORIFICS for t in p.titles):
                continue
            org = ref.qualifiers[0].lower() if ref.qualifiers and ref.qualifiers[0][:1].islower() \
                else ref.head.split()[0] if getattr(ref, "self_org", False) and ref.head.split()[0] in _GOV_NOUNS \
                else None
            described = UnheldTitle._described(blocks, named, head, org)
            if described is not None:
                if described:
                    return True
                continue
            # a lower-case title before the full name that the cast did not read
            # ("director of emergency management and homeland security Alicia Brandt")
            given = _name_starts_clear(p)
            runs = []
            for m in named:
                if m.kind != "full":
                    continue
                text = blocks[m.block].text
                ss = sentence_span(analysis, blocks[m.block], m.start)[0]
                run = long_run_title(text, ss, m.start) or long_caps_title(text, ss, m.start) \
                    or (long_org_title(text, ss, m.start) if given else None) or post_run_title(text, ss, m.start) \
                    or (org_stack_title(text, ss, m.start, 5) if given else None)
                if run is not None:
                    runs.append(" " + " ".join(_WORD_RE.findall(text[run[0]:run[1]].lower())) + " ")
            if runs:  # (or a capitalised one: "Associate Vice President for ... and ... Carlos Mendez"; or
                # one whose complement is an organisation: "regional manager for the Northern Region Tina Wexler")
                if any(at >= 0 and r[:at].split()[-1:] not in ([k] for k in L.RANK_MODIFIERS)
                       for r, at in ((r, r.find(head)) for r in runs)):
                    return True  # the long title is this office (not after a rank: "vice president of ...")
                continue
            if sibling is not None and sibling is not p and (p is not latest or not any(
                    para.get(m.block, -9) in range(para[ref.block] - SIBLING_REACH, para[ref.block] + 1)
                    and (m.block, m.start) < here for m in named)):
                continue  # named, untitled, not the last person named right before it: not its holder
            return True
        return False


#: posts of one organisation that a story names side by side ("the chief financial officer" beside
#: "Chief Executive Ann Lee"): one family
_COMPANY_POSTS = frozenset(("chief executive", "chief executive officer", "chief financial officer",
                            "chief operating officer", "general manager", "chairman", "chairwoman", "ceo", "cfo",
                            "coo", "managing director"))
#: a rank or a portfolio that makes a post a sibling of another of its family ("deputy mayor" of
#: "mayor", "transport secretary" of "home secretary"); a top office alone is no sibling (a story may
#: call Tony Blair "the prime minister" without the title)
_SIBLING_LEADS = L.RANK_MODIFIERS | L.PORTFOLIOS | L.words("lieutenant vice deputy")


#: paragraphs back (and the reference's own) where a person the story gives no title may still be
#: the holder of a sibling post's reference
SIBLING_REACH = 2


#: the last words of a government portfolio's post (``_who_post``)
_GOVERNMENT_POSTS = frozenset({"minister", "secretary", "commissioner"})
#: a school's or a college's one-holder posts, and a who-clause's object that is some other body
#: run by its own leader ("the parent-teacher organization at ...", "the teachers' union")
_SCHOOL_POSTS = frozenset({"principal", "dean", "provost", "superintendent"})
_NOT_A_SCHOOL = regex.compile(r"(?:the|a|an)[ \u00a0]+(?:[\p{L}'’\-]+[ \u00a0]+){0,3}?(?:organization|organisation|"
                              r"association|union|group|club|council|committee|foundation|booster|boosters|"
                              r"caucus|coalition|alliance|league|team|company|firm|society)(?![\p{L}])", regex.I)
#: a body named by its capitalised name that no government runs: a charity or aid group ("Norwegian
#: Refugee Council", "International Rescue Committee", "Christian Aid"), a foundation, a company
_NON_GOVERNMENT_BODY = regex.compile(
    r"\p{Lu}[\p{L}'’\-]*(?:[ \u00a0]+\p{Lu}[\p{L}'’\-]*)*[ \u00a0]+(?:(?:Refugee|Rescue|Relief)[ \u00a0]+"
    r"(?:Council|Committee)|Aid|Relief|Foundation|"
    r"Fund|Trust|Charity|Society|Institute|Association|Alliance|Coalition|Federation|Group|Company|"
    r"Corporation|Corp\.?|Inc\.?|Ltd\.?|LLC|Partners|Bank|Holdings|International|Network|Cross|Crescent)"
    r"(?![\p{L}])")


def _post_family(head: str):
    """The family of a one-holder post: the company's posts together, or the post's last word
    ("secretary", "minister", "mayor", "governor", "president")."""
    return "company" if head in _COMPANY_POSTS else head.split()[-1]


def _sibling_holder(cast, head: str):
    """The person holding another post of ``head``'s family ("Home Secretary Charles Clarke" for
    "transport secretary", "Mayor Ann Price" for "deputy mayor", "Chief Executive Ann Lee" for "chief
    financial officer") when ``head`` is a sibling post (a rank or portfolio leads it, or a company
    post), the first named; None otherwise."""
    words = head.split()
    if head not in _COMPANY_POSTS and (len(words) < 2 or words[0] not in _SIBLING_LEADS):
        return None
    family = _post_family(head)
    for p in cast.people:
        for t in p.titles:
            other = " ".join(_WORD_RE.findall(t.head.lower())) if t.head else ""
            if other and other != head and _post_family(other) == family:
                return p
    return None
