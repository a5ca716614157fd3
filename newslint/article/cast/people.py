"""Passes 1 and 2 of the build (steps 1-3 of the build order in the package docstring):
candidate names (titled names and capitalised runs), the evidence that they name people, then
people and their name mentions.
"""

from __future__ import annotations

import bisect
from collections import Counter

from newslint.article import lexicon as L
from newslint.article.cast.model import Mention, Person, Title
from newslint.article.cast.patterns import (
    _AFTER_OF_PLACE, _APPOSITIVE_T, _PRE_APPOSITIVE, _CAP_AFTER, _CAP_AFTER_T, _CAP_WORD_BEFORE, _COMP_END_WORDS, _COMP_FIRST,
    _COMPOUND_ADJECTIVE_ENDS, _INNER_TITLE_END, _joined_portfolios, _LIST_LAST, _LIST_NOT_NAME, _list_or_name,
    _LIST_SEP, _NOT_FIRST_NAME,
    _NOT_SURNAME, _ORG_RUN_END, _ORG_WORD_AFTER_T, _PLACE_OR_NATIONALITY, _PLAIN_WORD, _RUN_DROP, _RUN_DROP_AT_START,
    _RUN_DROP_PLURAL, _TITLE_NAME_STOP, _TITLE_START_WORDS, _TITLE_TOKEN_T, TITLE_WINDOW, _TITLE_WORDS, _VERB_AFTER_T,
    _verb_before, _WEAK_EVIDENCE, _WHO_POST, _WHO_POST_HEADS, _WORD_START_T,
)
from newslint.article.cast.titles import _known_title, parse_title
from newslint.article.cast.names import (
    _Cand, _find_names, _known_name, _name_runs, _name_tail, _norm_space, _split_name, _title_reach, _title_refs,
    _title_starts, _titled_at, _trigger_starts,
)
from newslint.article.cast.evidence import (
    _abbreviated_title_at, _COMMA_THEN, _of_follows, _REF_TAIL, _said_after, _speaks_alone, _title_before,
    _titled_name_ok,
)
from newslint.article.cast.core import _BUCKET, _buckets


def _korean_given(core) -> bool:
    """A Korean name, family name first, with a hyphenated given name ("Nam Ji-hoon", "Oh Se-hoon"):
    the shape alone names a person, as a known given name does."""
    return len(core) == 2 and core[0].lower() in L.SURNAME_FIRST_IF_KOREAN and "-" in core[1] \
        and core[1].split("-", 1)[1][:1].islower() and core[1][:1].isupper()

import re as _re

#: an office's name that ends in its holder's title: "Office of the| Attorney General"
_OFFICE_OF_THE = _re.compile(r"(?<![\w'’\-])(?:Office|Offices|Department|Ministry|Bureau|Cabinet|Chambers)"
                             r"[ \u00a0]+of[ \u00a0]+the[ \u00a0]+$")

#: a name, a comma and at most a lower-case post and "and" right before a title: "Martin Kessler,
#: president and " (the title opens or ends a post set off after the name)
#: a party and state tag after a lawmaker's name: ", D-Minn." (before a comma)
#: a connector of a title's or organisation's complement right before a capitalised run ("and ",
#: "for ", "of ", "& "; "in ": "Special Agent in| Charge Renee Kowalczyk")
_COMPLEMENT_BEFORE_RUN = _re.compile(r"(?:(?<![\w'’\-])(?:and|for|of|in)|&)[ \u00a0]+$")
#: an organisation word and "for"/"of"/"on" right before a capitalised run: "the Haldane Center for|
#: Childhood Cancer" (the run goes on with the organisation's name)
_ORG_FOR_BEFORE = _re.compile(r"(?<![\w'’\-])([A-Z][\w'’\-]*)[ \u00a0]+(?:for|of|on)[ \u00a0]+$")
#: a capitalised organisation word (which ends a name run), or a capitalised word and "and", right
#: before a name run: the run's first word ends an organisation's name ("Safety and Hospital
#: Accountability| Loretta Simms", "Research and Development| ...")
_CAPS_BEFORE_RUN = _re.compile(r"(?<![\w'’\-])([A-Z][\w'’\-]*)[ \u00a0]+(and[ \u00a0]+)?$")
#: a lower-case post whose of/for complement joins lower-case words with "and" and holds nothing
#: capitalised after it: one post, not a list ("Raymond Tolliver, the assistant secretary of labor
#: for mine safety and health,"; a list names someone after "and": "..., spokesman, and deputy
#: secretary Barbara Leaf")
_COMPLEMENT_AND = _re.compile(r"^[a-z][a-z\- ]*?[ \u00a0](?:of|for)[ \u00a0][a-z\- \u00a0]*[ \u00a0]and[ \u00a0]+[a-z][a-z\- \u00a0]*$")
_PARTY_TAG = _re.compile(r",[ \u00a0]+[DRI]-[A-Z][A-Za-z.]{1,12}(?=,[ \u00a0])")
#: a capitalised word and a comma before a post: the post is set off after a name (not after a
#: lead-in's place or day: "In Washington, Director of the Office of Research Integrity Kenneth
#: Alvarez said" opens its clause with the post)
_APPOSED_POST_START = _re.compile(r"(?<![A-Za-z'’.\-])(?<!In )(?<!On )(?<!At )(?<!From )(?<!After )(?<!Before )"
                                 r"(?<!During )(?<!Since )(?<!By )"
                                 r"[A-Z][A-Za-z'’.\-]*,[ \u00a0]+(?:(?:[a-z][a-z\-]*[ \u00a0]+){1,4}and[ \u00a0]+)?$")


#: a second post after a title-only phrase and before the comma that sets off a name: "president| and
#: chief executive|, Elaine Varney" (group 1 ends the post)
_AND_POST_THEN_COMMA = _re.compile(r"[ \u00a0]+and[ \u00a0]+([a-z][a-z\-]*(?:[ \u00a0]+[a-z][a-z\-]*){0,3})"
                                   r"(?=,[ \u00a0]+[A-Z])")
#: two posts held together, each of plain lower-case words ("president and chief executive",
#: "deputy prime minister and defense minister"); no name, no third item
_TWO_POSTS = _re.compile(r"^([^,]+?)[ \u00a0]+and[ \u00a0]+([a-z][a-z\- \u00a0]*?"
                        # (the second post's complement may name the body: "president and chief executive
                        # of Sonoran Valley Electric")
                        r"(?:[ \u00a0]+(?:of|at|for)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w'’.&\-]*(?:[ \u00a0]+[A-Z][\w'’.&\-]*){0,4})?)$")


#: the role after a post and "and" that makes no second person: up to three lower-case words, the
#: last a noun for a person's role ("chief negotiator", "spokeswoman", "co-founder")
_ROLE_AFTER_AND = _re.compile(r"(?:(?!his |her |their |its |the |an? )[a-z][a-z\-]*[ \u00a0]){0,2}"
                              r"[a-z\-]*(?:er|or|ist|man|woman|person|founder)")


#: a lower-case post, then "and a"/"and an" and a description of the same person
_POST_AND_DESCRIPTION = _re.compile(r"([a-z][a-z'’\- \u00a0]*?)[ \u00a0]+and[ \u00a0]+an?[ \u00a0]+[a-z]")


def _two_posts(phrase: str, block: int, start: int, end: int) -> Title | None:
    """An appositive naming two posts one person holds ("Angela Brandt, the company's president and
    chief executive,"): the first post's title, answering to the short forms of both ("the
    president", "the chief executive"). None unless both halves are formal titles on their own
    (not "a teacher and mother of three", not a list of people)."""
    m = _TWO_POSTS.match(phrase)
    if m is None or _list_or_name(m.group(1)):
        return None
    first = parse_title(m.group(1), "after", block, start, end)
    second = parse_title(m.group(2), "after", block, start, end)
    if first is not None and second is None and first.formal and _ROLE_AFTER_AND.fullmatch(m.group(2)):
        # a post and a role that is no title: "the league's general counsel and chief negotiator"
        return first
    if first is None or second is None or not (first.formal and second.formal) or first.former != second.former:
        return None
    first.text = phrase.strip()
    first.words = len(first.text.split())
    first.heads = first.heads | second.heads
    first.org_heads = first.org_heads | second.org_heads
    return first


class _People:
    """Passes 1 and 2: candidates, evidence, people and their name mentions."""

    # -- pass 1: candidates ---------------------------------------------------
    def collect_speakers(self):
        try:
            quotes = self.analysis.quotations
        except Exception:
            quotes = []
        for q in quotes:
            att = getattr(q, "attribution", None) or q
            s, e = getattr(att, "speaker_start", None), getattr(att, "speaker_end", None)
            if s is not None and e is not None:
                for b in _buckets(s, e):
                    self._speaker_spans.setdefault((getattr(att, "block", q.block), b), []).append((s, e))

    def is_speaker(self, block: int, start: int, end: int) -> bool:
        # a span containing [start, end) is in start's bucket
        return any(s <= start and end <= e for s, e in self._speaker_spans.get((block, start // _BUCKET), ()))

    def _titled_matches(self, text: str):
        """``_TITLED`` matches, left to right, tried only near trigger words.

        For each trigger word, the word starts of the ``TITLE_WINDOW`` characters
        before it (from the end of the last match) are tried in order; the first
        match wins. Only the starts ``_title_starts`` allows are tried: the others
        cannot match; and none in the window of a trigger ``_title_reach`` rules out.
        """
        triggers = _trigger_starts(text)
        if not triggers:
            return
        reach = _title_reach(text, triggers)
        starts: list[int] = []  # candidate word starts, in order
        word_start, title_token = _WORD_START_T.on(text), _TITLE_TOKEN_T.on(text)
        prev = -1
        for i, k in enumerate(triggers):
            if reach is not None and not reach[i]:
                prev = k  # (no start of this window can match)
                continue
            for p in sorted(set(_title_starts(text, max(prev + 1, k - TITLE_WINDOW, 0), k, word_start, title_token))):
                if word_start.match(text, p) is None:
                    continue
                word = _PLAIN_WORD.match(text, p)
                if word is None:
                    if text[p] == "“" or text[p].isdecimal():  # every _TITLED branch starts with a letter
                        continue
                elif word.group().islower() and word.group() not in _TITLE_START_WORDS:
                    continue  # "said", "vote": no title starts with them
                starts.append(p)
            prev = k
        pos = 0
        failed = set()  # windows overlap: a start that failed once fails again
        for t in triggers:
            if t < pos:
                continue
            for p in starts[bisect.bisect_left(starts, max(pos, t - TITLE_WINDOW)):bisect.bisect_right(starts, t)]:
                if p in failed:
                    continue
                m = _titled_at(text, p)
                if m:
                    yield m
                    pos = m.end()
                    break
                failed.add(p)

    def find_titled(self, block):
        text = block.text
        for m in self._titled_matches(text):
            c = self._titled_cand(block, m)
            if c is False or type(c) is int:
                # "rival Chancellor Gordon Brown": the name starts with a title; "spokesman for
                # President Joe Biden": the complement ends with one; try from there
                m = _titled_at(text, m.start("name") if c is False else c)
                c = self._titled_cand(block, m) if m is not None else None
                if type(c) is int:
                    c = None
            if c and c.title.abbreviation:
                c.outer = _title_before(text, block.index, c.title.start)
            if c:
                self.cands.append(c)
                self.claim(block.index, c.outer.start if c.outer else c.title.start, c.end)

    def _titled_cand(self, block, m):
        """The candidate of a ``_TITLED`` match; None when it names nobody, False when its name
        starts with a title word (the caller tries the match there), the position of the last
        word of its complement when that is a title ("spokesman for| President Joe Biden")."""
        text = block.text
        name_s, name_e = m.span("name")
        name = m.group("name")
        given, surname, words = _split_name(name)
        grp = None
        if m.group("courtesy"):
            t = Title(m.group("courtesy"), "courtesy", frozenset(), [], "before", block.index,
                      m.start("courtesy"), m.end("courtesy"), True, 1, formal=False)
            kind = "courtesy"
        else:
            grp = "abbr" if m.group("abbr") else "title" if m.group("title") else "occupation"
            if words and (grp != "abbr" and words[0].lower() in _TITLE_NAME_STOP  # (not "Sen. King")
                          or words[0] in ("Sir", "Dame")):  # "United manager| Sir Alex Ferguson"
                # "rival Chancellor Gordon Brown" (try from "Chancellor"); "NUJ General| Secretary"
                return False if len(words) > 1 else None
            if words and grp != "abbr" and _abbreviated_title_at(text, name_s, words[0]):
                return False  # "Police spokesman| Lt. Marcus Bell": the name starts with "Lt."
            if grp == "title" and text[max(0, m.start(grp) - 4):m.start(grp)] == "the " \
                    and _OFFICE_OF_THE.search(text, max(0, m.start(grp) - 40), m.start(grp)):
                # "... for the Office of the Attorney General| Nathan Price": the title ends an
                # office's name; the name after it does not hold it
                return None
            comp = m.group("comp")
            gtext, g_end = m.group(grp), m.end(grp)
            if comp:
                last = comp.split()[-1]
                first = words[0].lower() if words else ""
                cw = _COMP_FIRST.match(comp)
                if cw is not None and cw.group(2).lower() in _TITLE_NAME_STOP:
                    # "spokesman for| President Joe Biden", "adviser to| chief executive Jeroen van der
                    # Veer": the name's own title starts there (try the match from there); after
                    # "the" it is unsure whose ("adviser to the president Jake Sullivan")
                    return None if cw.group(1) else m.start("comp") + cw.start(2)
                if _list_or_name(comp) and not (grp == "title" and gtext[:1].isupper() and _joined_portfolios(gtext, comp)) \
                        or last.lower() in L.FUNCTION_WORDS:
                    return None  # "press secretary for Bill Clinton", "Secretary of State's office said the| ..."
                if last[:1].isupper() and first not in L.GIVEN_NAMES \
                        and text[max(0, m.start(grp) - 2):m.start(grp)] in (", ", "d ") \
                        and _APPOSED_POST_START.search(text, max(0, m.start(grp) - 60), m.start(grp)):
                    # "Martin Kessler, president and chief executive officer of Gulf South Power,": a post
                    # set off after a name, whose organisation goes on in capitalised words, names nobody
                    # (not a list of titled names: "Barbara Leaf, special envoy for ... Hady Amr" has a
                    # lower-case complement; a known given name starts a name)
                    return None
                split = None
                if not (last[:1].islower() or first in L.GIVEN_NAMES
                        or last[:1].isupper() and last.lower() in _COMP_END_WORDS):
                    # where does the complement end? "Chief Executive of Ask Jeeves Steve Berkowitz":
                    # at a known given name; "editor of Iowa Starting Line": nowhere, no name
                    split = self._resplit(text, name_s, words)
                    if split is None:
                        return None
                elif last[:1].isupper() and len(words) > 2 and first not in L.GIVEN_NAMES:
                    # a complement going on past a word that may end one: "Vice Provost for Research|
                    # Integrity Samuel Okafor" (a known given name after words that are none)
                    split = self._resplit(text, name_s, words)
                if split is not None:
                    name_s = split
                    name = text[name_s:name_e]
                    given, surname, words = _split_name(name)
                    gtext = text[m.start(grp):name_s].rstrip(" \u00a0")
                    g_end = m.start(grp) + len(gtext)
                if len(words) < 2:
                    return None  # "Minister for National Development| Planning"
            if not _titled_name_ok(text, name, name_e):
                return None  # (before parse_title: cheaper)
            t = parse_title(gtext, "before", block.index, m.start(grp), g_end)
            if t is None:
                return None
            # a name in a qualifier position is not part of a title ("Blinken told Netanyahu")
            if grp == "occupation":
                t.formal = False
                if t.text[:1].isupper() and not t.qualifiers:
                    return None  # "Author Name" at a sentence start is too weak
                if t.head in L.BEFORE_HEAD_EXCLUDE and not t.qualifiers:
                    return None  # "North Korean leader Kim Jong Un", not "market leader Best Buy"
            if len(words) < 2 and (grp == "occupation" or t.head in L.COMPANY_DESCRIPTORS and not t.capitalized):
                return None  # "rival Google", "German publisher Bertelsmann": as often a company
            if len(words) < 2 and f"{t.head} {name}".lower() in L.TITLE_HEADS:
                return None  # "The General Counsel said": one title, no rank and surname
            kind = "titled"
            # (the regex module looks for the "of" in all the rest of the text before it tries)
            after = _AFTER_OF_PLACE.match(text, name_e) if _of_follows(text, name_e) else None
            if after and after.group("place").lower() in L.PLACES and len(words) == 1:
                t.qualifiers.append(after.group("place"))
        if kind == "courtesy" and not _titled_name_ok(text, name, name_e):
            return None
        return _Cand(block.index, name_s, name_e, name, t, kind, {"courtesy" if kind == "courtesy" else "title"})

    @staticmethod
    def _resplit(text: str, name_s: int, words) -> int | None:
        """Where a name starts inside the capitalised words after a title's "of ..." complement:
        at the last of them that is a known given name and leaves the name two words or more."""
        starts, pos = [], name_s
        for w in words:
            pos = text.find(w, pos)
            starts.append(pos)
            pos += len(w)
        for i in range(len(words) - 2, 0, -1):
            if words[i].lower() in L.GIVEN_NAMES and starts[i] >= 0:
                return starts[i]
        return None

    def find_runs(self, block):
        text = block.text
        bi = block.index
        org_word_after, verb_after = _ORG_WORD_AFTER_T.on(text), _VERB_AFTER_T.on(text)
        # a one-word run could only become a tentative candidate, and those need two words (a
        # surname alone is linked to its person by link_names)
        for m in _name_runs(text, multi_word=True):
            g = m.group()
            s, e = m.span()
            if self.is_claimed(bi, s, e):
                continue
            words = (g if "\u00a0" not in g else g.replace("\u00a0", " ")).split(" ")
            lows = g.lower().replace("\u00a0", " ").split(" ")  # (lower() keeps the length of these runs' words)
            if len(lows) != len(words):
                lows = [w.lower() for w in words]
            sentence_start = None  # computed when a word needs it
            # strip leading non-names: function words, nationalities, months, weekdays
            i = 0
            n = len(words)
            while i < n:
                wl = lows[i].rstrip(",")
                if wl in _RUN_DROP or wl.endswith("s") and wl[:-1] in _RUN_DROP_PLURAL \
                        or "-" in wl and wl.rsplit("-", 1)[1] in _COMPOUND_ADJECTIVE_ENDS \
                        or wl in L.PLACES and i + 2 < n and lows[i + 1] in L.GIVEN_NAMES:
                    i += 1  # "Houston-based", "Massachusetts Joshua Levy"
                    continue
                if i == 0 and wl in _RUN_DROP_AT_START:  # a name, except as the sentence's first word
                    sentence_start = self.at_sentence_start(block, s)
                    # ... unless a said/told follows: "Will Smith said" (a question has "Will Smith say")
                    if sentence_start and not (n == 2 and _said_after(verb_after, text, e)):
                        i += 1
                        continue
                break
            # a title inside the run before a given name: "Majority Leader| Chuck Schumer"
            for j in range(n - 3, i - 1, -1):
                if lows[j] in _INNER_TITLE_END and lows[j + 1] in L.GIVEN_NAMES:
                    i = j + 1
                    break
            else:
                # an organisation's name ending right before a given name and a surname: "(National
                # Institute of Allergy and) Infectious Diseases| Anthony Fauci"
                j = n - 3
                before = i
                if j >= i and lows[j] in _ORG_RUN_END and lows[j + 1] in L.GIVEN_NAMES \
                        and lows[j + 1] not in _RUN_DROP_AT_START:
                    i = j + 1
                # a three-word run right after an organisation word that ended a capitalised run (or
                # after a capitalised word and "and"), whose first word is no given name: that word
                # ends the organisation's name ("(the Coalition for Patient Safety and) Hospital
                # Accountability| Loretta Simms")
                elif j == i == 0 and lows[1] not in _RUN_DROP_AT_START and lows[0] not in L.GIVEN_NAMES \
                        and text[s - 1:s] == " ":
                    b = _CAPS_BEFORE_RUN.search(text, max(0, s - 40), s)
                    if b is not None and (b.group(2) is not None or b.group(1).lower() in L.ORG_WORDS):
                        i = 1
                # the last words of a title's complement after "and"/"for"/"of"/"in", right before a
                # given name and a surname: "(Undersecretary for Foreign Trade and) Industrial
                # Competitiveness| Lucía Ferrer", "(Special Agent in) Charge| Renee Kowalczyk" (no
                # given name among those words)
                if i == before and j >= i and lows[j + 1] in L.GIVEN_NAMES and lows[j + 1] not in _RUN_DROP_AT_START \
                        and not any(w in L.GIVEN_NAMES for w in lows[i:j + 1]) \
                        and _COMPLEMENT_BEFORE_RUN.search(text, max(0, s - 8), s) is not None:
                    i = j + 1
            if n - i < 2:
                continue  # nothing or one word left (see above)
            lw = lows[i]
            if lw not in L.GIVEN_NAMES and (lows[-1] in L.TITLE_HEADS or lw in _TITLE_WORDS
                                            and _TITLE_WORDS.issuperset(lows[i:])):
                continue  # a title, not a name: "Trade Secretary", "Chief Executive"
            if lows[-1] in _NOT_SURNAME:
                continue  # "Party Like It('s 1923)": a title's words, and "It" would link everywhere
            run_start = s
            if i:
                s += sum(len(w) + 1 for w in words[:i])
                words = words[i:]
                lows = lows[i:]
            if text[max(0, s - 4):s].lower() == "the ":
                continue  # "the Kirya", "the Hague"
            name = text[s:e]
            if name.lower() in L.PLACES or _PLACE_OR_NATIONALITY.issuperset(lows):
                continue
            if any(w.rstrip(",") in L.ORG_WORDS for w in lows):
                continue
            nxt = org_word_after.match(text, e)
            if nxt and nxt.group(1).lower() in L.ORG_WORDS:
                continue  # part of an organisation name: "Herzog Center", "Bank of ..."
            if lows[0] not in L.GIVEN_NAMES and text[s - 1:s] == " " \
                    and (ob := _ORG_FOR_BEFORE.search(text, max(0, s - 30), s)) is not None \
                    and ob.group(1).lower() in L.ORG_WORDS:
                continue  # the rest of an organisation's name: "(the Haldane Center for) Childhood Cancer"
            c = _Cand(bi, s, e, name)
            given, surname, core = _split_name(name)
            if len(core) >= 2:
                gl = given.lower()
                if gl not in L.GIVEN_NAMES and _korean_given(core):
                    c.evidence.add("given-name")  # "Nam Ji-hoon": a family name before a Korean given name
                elif gl in L.GIVEN_NAMES:
                    if gl in L.NON_NAMES and sentence_start is None:
                        sentence_start = self.at_sentence_start(block, run_start)
                    if not (sentence_start and gl in L.NON_NAMES):
                        c.evidence.add("given-name")
                if self.is_speaker(bi, s, e) or verb_after.match(text, e) or _verb_before(text, s):
                    c.evidence.add("attribution")
                t = self.appositive(block, e) or self.pre_appositive(block, s, e)
                if t is not None:
                    c.title = t
                    c.evidence.add("appositive")
                    self.claim(bi, t.start, t.end)
            self.cands.append(c)

    def appositive(self, block, end: int) -> Title | None:
        """An appositive title right after a name ("Michael Herzog, the US ambassador to the country,").

        Not when the phrase holds another name (a list: "Matthew Miller,
        deputy secretary Barbara Leaf and ...") or runs into "and".
        """
        text = block.text
        # past a party tag or a home place: "Sen. Patricia Lindqvist, D-Minn., the committee's
        # chairwoman,", "Sen. Gordon Pryce of Kansas, the committee's ranking Republican,"
        if text.startswith(", ", end) and text[end + 3:end + 4] == "-":
            tag = _PARTY_TAG.match(text, end)
            if tag is not None:
                end = tag.end()
        elif text.startswith(" of ", end):
            at = _AFTER_OF_PLACE.match(text, end)
            if at is not None and at.group("place").lower() in L.PLACES and text.startswith(", ", at.end()):
                end = at.end()
        if text.startswith(", who ", end) and text[end + 6:end + 7].islower():
            return self._who_post(block, end)
        ap = _APPOSITIVE_T.on(text).match(text, end)
        if not ap:
            return None
        ts, te = ap.span("t")
        phrase = ap.group("t")
        if self.is_claimed(block.index, ts, te):
            return None
        if _list_or_name(phrase) and not _COMPLEMENT_AND.search(phrase):
            t = _two_posts(phrase, block.index, ts, te)
            if t is None and (first := _POST_AND_DESCRIPTION.match(phrase)) is not None:
                # a post and a description of the same person: "the committee's chair and a member
                # of the governing Centre Alliance"
                t = parse_title(first.group(1), "after", block.index, ts, ts + len(first.group(1)))
                t = t if t is not None and t.formal else None
            if t is not None and ap.group("poss"):
                t.qualifiers.insert(0, ap.group("poss"))
            return t
        t = parse_title(phrase, "after", block.index, ts, te)
        if t is None or not t.formal:
            return None
        if ap.group("poss"):
            t.qualifiers.insert(0, ap.group("poss"))
        return t

    def pre_appositive(self, block, start: int, end: int) -> Title | None:
        """A post set off by commas right before a name that opens its sentence, owned by a
        lower-case noun: "The union's executive director, Marcus Bell, said" (the name closed by a
        comma too; ``titles_before_commas`` reads the others, "Zelenskyy’s chief of staff, Andriy
        Yermak,", "The chief executive, Jane Doe,"). Formal titles only ("His wife, ..." is none)."""
        text = block.text
        if text[start - 2:start] != ", " or text[end:end + 1] != ",":
            return None
        ap = _PRE_APPOSITIVE.search(text, max(0, start - 90), start)
        if ap is None or ap.group("lposs") is None:
            return None
        ts, te = ap.start("lposs"), ap.end("t")
        if self.is_claimed(block.index, ts, te):
            return None
        t = parse_title(text[ts:te], "after", block.index, ts, te)
        if t is None or not t.formal:
            return None
        return t

    def _who_post(self, block, end: int) -> Title | None:
        """A post given by a who-clause right after a name, with an organisation's name as the
        object of a verb that holds a post: "Linda Carrasco, who chairs the Tehama County Board of
        Supervisors," (chair of the board), ", who heads the Federal Aviation Administration,", ", who
        chairs the commission's budget committee," (the committee's chair)."""
        w = _WHO_POST.match(block.text, end)
        if w is None or self.is_claimed(block.index, w.start("v"), w.end()):
            return None
        head = _WHO_POST_HEADS[w.group("v")]
        org = w.group("org") or w.group("committee")
        if w.group("committee") and head not in ("chair", "head", "leader"):
            return None  # ("who manages the club's finance committee": no post of it)
        t = parse_title(f"{head} of the {org.strip()}", "after", block.index, w.start("v"), w.end())
        if t is None or not t.formal or not t.org_heads:
            return None
        return t

    # -- pass 2: people -------------------------------------------------------
    def new_person(self, name: str, given: str, surname: str) -> Person:
        p = Person(name=name, surname=surname, given=given)
        self.by_key[(given.lower(), surname.lower())] = p
        self.by_surname.setdefault(surname.lower(), []).append(p)
        if given:
            self.by_given.setdefault(given.lower(), []).append(p)
        self.people.append(p)
        return p

    def seed_known(self):
        for k in getattr(self.article, "people_extra", None) or []:
            name = getattr(k, "name", None) or (k.get("name") if isinstance(k, dict) else None)
            if not name:
                continue
            titles = getattr(k, "titles", None) or (k.get("titles", []) if isinstance(k, dict) else [])
            pron = getattr(k, "pronouns", None) or (k.get("pronouns") if isinstance(k, dict) else None)
            given, surname, _ = _known_name(name)
            p = self.by_key.get((given.lower(), surname.lower())) or self.new_person(name, given, surname)
            p.known = True
            p.known_pronouns = pron
            p.evidence.add("known")
            for t in titles:
                title = t if isinstance(t, Title) else _known_title(str(t))
                if title is not None:
                    p.titles.append(title)
            self.cast.known.append(p)

    def _org_like(self, c: _Cand) -> bool:
        """A run with weak evidence only (an attribution, a list of names) that the story repeats
        in full and never shortens to its last word: how companies are written ("Ask Jeeves said
        ... Ask Jeeves"), not people (a second reference to a person is the surname: "Smith")."""
        if not c.evidence <= _WEAK_EVIDENCE:
            return False
        given, surname, core = _split_name(c.text)
        return bool(given) and self._org_like_text(c.text, surname)

    def _org_like_text(self, name: str, surname: str) -> bool:
        """``name`` is repeated in full and its last word never stands alone (remembered per name:
        each test reads the whole story, and a long one asks about the same names many times)."""
        key = (name, surname)
        known = self._org_like_memo.get(key)
        if known is None:
            known = self._org_like_memo[key] = self._org_like_uncached(name, surname)
        return known

    def _org_like_uncached(self, name: str, surname: str) -> bool:
        text = self._joined()
        name = _norm_space(name)
        if text.count(name) < 2:  # (an upper bound of the word-bounded count: most names stop here)
            return False
        if len(_find_names(text, (name,))) < 2:
            return False
        # the last word alone: not inside the name, nor another capitalised run ("Warner Bros")
        for s, e in _find_names(text, (surname,)):
            if not (_CAP_AFTER.match(text, e) or _CAP_WORD_BEFORE.search(text, max(0, s - 40), s)):
                return False
        return True

    def _joined(self) -> str:
        """The text of all the blocks the cast reads, joined by newlines (a name never crosses one)."""
        if self._joined_text is None:
            self._joined_text = "\n".join(b.text for b in self.blocks)
        return self._joined_text

    def lists_of_names(self):
        """Names in a list with a person ("Elizabeth Warren, Bernie Sanders and Pete Buttigieg")
        are people too: runs of two words or more, one after another, separated by commas and a
        final "and"/"or" (or three or more, by commas), one of them with evidence of its own."""
        cands = self.cands
        i, n = 0, len(cands)
        while i < n:
            j = i
            while j + 1 < n and cands[j + 1].block == cands[j].block and _LIST_SEP.fullmatch(
                    self.article.blocks[cands[j].block].text, cands[j].end, cands[j + 1].start):
                j += 1
            if j > i:
                group = cands[i:j + 1]
                text = self.article.blocks[group[0].block].text
                closed = len(group) > 2 or _LIST_LAST.fullmatch(text, group[-2].end, group[-1].start)
                if closed and any(c.evidence - _WEAK_EVIDENCE for c in group):
                    for c in group:
                        words = _split_name(c.text)[2]
                        if not c.evidence and len(words) >= 2 and _LIST_NOT_NAME.isdisjoint(map(str.lower, words)):
                            c.evidence.add("list")  # (not "... and Acting Chief Medical Officer Dr Anton Best")
            i = j + 1

    def surname_speakers(self):
        """A run whose last word speaks alone elsewhere ("Ayman Safadi met the envoy ... Safadi
        said") is a person: a second reference by the surname is how news names people."""
        text = None
        runs = None
        for c in self.cands:
            if c.evidence or c.kind != "name":
                continue
            given, surname, core = _split_name(c.text)
            if not given or len(core) < 2 or not _LIST_NOT_NAME.isdisjoint(map(str.lower, core)):
                continue
            if text is None:
                text = self._joined()
                # the surnames that end one run only: a who-clause speaker ("Lindqvist, who took up
                # the post in January, said") confirms a run only when it is the one run it can
                # shorten ("Whatever Kilroy-Silk", "Euro-Sceptic Kilroy-Silk": not names)
                runs = Counter(_split_name(d.text)[1] for d in self.cands)
            if _speaks_alone(text, surname, runs[surname] == 1) and not self._org_like_text(c.text, surname):
                c.evidence.add("surname-attribution")

    def _refs_of(self, block) -> list:
        refs = self._refs_by_block.get(block.index)
        if refs is None:
            refs = self._refs_by_block[block.index] = list(_title_refs(block.text))
        return refs

    def titles_before_commas(self):
        """A title-only phrase right before a name set off by commas is that name's title ("Zelenskyy’s
        chief of staff, Andriy Yermak, said"; "the Mayor of London, Ken Livingstone,"): evidence of
        a person, and no title-only reference."""
        blocks = self.article.blocks
        starts = {(c.block, c.start): c for c in self.cands if c.kind == "name" and c.title is None
                  and blocks[c.block].text[c.start - 2:c.start - 1] == ","}
        if not starts:
            return
        for bi in sorted({b for b, _ in starts}):
            block = blocks[bi]
            text = block.text
            for m in self._refs_of(block):
                te = m.end()
                tail = _REF_TAIL.match(text, te)  # "Israel's ambassador| to the United Nations, Gilad Erdan"
                if tail is not None:
                    te = tail.end()
                second = _AND_POST_THEN_COMMA.match(text, te) if tail is None else None
                comma = _COMMA_THEN.match(text, second.end(1) if second is not None else te)
                c = starts.get((block.index, comma.end())) if comma else None
                if c is None or self.is_claimed(block.index, m.start("t"), m.end("t")):
                    continue
                ts = m.start("poss") if m.group("poss") else m.start("t")
                if m.group("poss") and m.group("poss").rstrip("'’s").lower() in L.NON_NAMES:
                    continue
                if second is not None:
                    # "Greenbrier Ridge Energy’s president and chief executive, Elaine Varney,": two
                    # posts of one person, answering to the short forms of both
                    t = _two_posts(text[m.start("t"):second.end(1)], block.index, ts, second.end(1))
                    if t is not None and m.group("poss"):
                        t.qualifiers.insert(0, m.group("poss"))
                    te = second.end(1)
                else:
                    t = parse_title(text[ts:te], "after", block.index, ts, te)
                if t is None or not t.formal:
                    continue
                c.title = t
                c.evidence.add("appositive")
                self.claim(block.index, ts, te)

    def resolve_candidates(self):
        self.titles_before_commas()
        self.lists_of_names()
        for c in self.cands:
            if c.evidence and self._org_like(c):
                c.evidence = set()  # tentative (a pronoun link may still show it is a person)
        self.surname_speakers()
        confirmed = [c for c in self.cands if c.evidence]
        # full names first, so a titled surname ("President Biden") can find its owner
        for c in confirmed:
            given, surname, core = _split_name(c.text)
            if given:
                p = self.by_key.get((given.lower(), surname.lower()))
                if p is None:
                    # "Elizabeth A. Burton" / "Elizabeth Burton" share a key; a given-less
                    # person with this surname ("President Biden") is the same one
                    lone = [q for q in self.by_surname.get(surname.lower(), []) if not q.given]
                    if len(lone) == 1 and len(self.by_surname[surname.lower()]) == 1:
                        p = lone[0]
                        p.given = given
                        self.by_key[(given.lower(), surname.lower())] = p
                        self.by_given.setdefault(given.lower(), []).append(p)
                    else:
                        p = self.new_person(c.text, given, surname)
                c.person = p
                if len(c.text) > len(p.name) and not c.text.endswith(","):
                    p.name = c.text
                self.attach_titles(c)
        for c in confirmed:
            if c.person is not None:
                continue
            given, surname, core = _split_name(c.text)
            owners = self.by_surname.get(surname.lower(), [])
            if len(owners) > 1 and c.title is not None:
                owners = [p for p in owners if any(c.title.head in t.heads or t.head == c.title.head
                                                   for t in p.titles)] or owners
                if len(owners) > 1:
                    owners = [p for p in owners if any(t.head == c.title.head for t in self._titles_of(p))] or owners
            if not owners and not given:
                gowners = self.by_given.get(surname.lower(), [])
                if len(gowners) == 1 and c.kind != "courtesy":
                    owners = gowners  # "Sir Alan" (Budd), "Mayor Pete" (Buttigieg): a first name
                # ("Mr. Antony" is not a first-name mention)
            if len(owners) == 1:
                c.person = owners[0]
            elif not owners:
                c.person = self.new_person(c.text, "", surname)
            else:
                m = self.mention_for(c, "surname")
                self.cast.ambiguous.append((m, list(owners)))
        for c in confirmed:
            p = c.person
            if p is None:
                continue
            self.attach_titles(c)
            given, surname, core = _split_name(c.text)
            kind = "courtesy" if c.kind == "courtesy" else "full" if given else "surname"
            if kind == "surname" and c.title is not None and (c.title.head in L.SINGLE_NAME_HEADS
                                                                or list(core) != c.text.split()):
                kind = "full"  # "King Abdullah II", "Pope Francis", "Prince Harry"
            if c.kind != "courtesy" and not given and p.given and surname.lower() == p.given.lower():
                kind = "first-name"
            title = c.title if c.kind != "name" or c.title is None else None
            p.mentions.append(self.mention_for(c, kind, title))
            self.claim(c.block, c.start, c.end)
        self.tentative = [c for c in self.cands if not c.evidence]

    def attach_titles(self, c: _Cand):
        """Give the candidate's person the title written with it, and an appositive title after it."""
        if c.attached or c.person is None:
            return
        c.attached = True
        p = c.person
        p.evidence |= c.evidence
        if c.title is not None and c.kind != "courtesy":
            p.titles.append(c.title)
            if c.outer is not None:
                p.titles.append(c.outer)
        if c.kind != "name":
            ap = self.appositive(self.article.blocks[c.block], c.end)
            if ap is not None:
                p.titles.append(ap)
                self.claim(c.block, ap.start, ap.end)
                p.evidence.add("appositive")

    def _titles_of(self, p):
        return p.titles

    def mention_for(self, c: _Cand, kind: str, title: Title | None = None) -> Mention:
        block = self.article.blocks[c.block]
        return Mention(kind, c.block, c.start, c.end, c.text, title, self.sentence_index(block, c.start),
                       quoted=self.in_quote(block, c.start, c.end))

    def link_names(self):
        """Surname, full-name and first-name mentions anywhere, headlines included."""
        names: dict[str, tuple[str, list[Person]]] = {}
        joined = None
        for p in self.people:
            if p.known and not p.mentions:  # a staff list's person this story may not name (most of them)
                tail = _name_tail(p.surname)
                if tail:
                    if joined is None:
                        joined = self._joined()
                    if tail not in joined:
                        continue  # (``_may_be_named``, inline)
            if p.given:
                names.setdefault(f"{p.given} {p.surname}", ("full", []))[1].append(p)
                names.setdefault(_norm_space(p.name), ("full", []))[1].append(p)
            if p.surname.lower() not in _NOT_SURNAME:  # (never "It": a known person's odd name)
                names.setdefault(p.surname, ("surname", []))[1].append(p)
                if p.surname[:1].islower():  # "el-Sissi" opens a sentence as "El-Sissi"
                    names.setdefault(p.surname[:1].upper() + p.surname[1:], ("surname", []))[1].append(p)
        for p in self.people:
            owners = self.by_given.get(p.given.lower(), [])
            if p.given and len(owners) == 1 and p.given.lower() not in _NOT_FIRST_NAME and len(p.given) > 2 \
                    and p.given not in names:
                if p.known and not p.mentions and " " not in p.given and "\u00a0" not in p.given:
                    if joined is None:
                        joined = self._joined()
                    if p.given not in joined:
                        continue  # (a key that cannot match: most of a staff list's given names)
                names[p.given] = ("first-name", owners)
        names = {k: (kind, list(dict.fromkeys(v))) for k, (kind, v) in names.items()}
        if not names:
            return
        for block, s, e in self._name_spans(names):
            text = block.text
            if self.is_claimed(block.index, s, e):
                continue
            kind, owners = names.get(_norm_space(text[s:e]), ("surname", []))
            if not owners:
                continue
            # part of a longer capitalised run that is not this person ("Herzog Center")
            nxt = _CAP_AFTER_T.on(text).match(text, e)
            if nxt and kind != "full":
                continue
            if text[max(0, s - 4):s].lower() == "the ":
                continue
            c = _Cand(block.index, s, e, text[s:e])
            mention = self.mention_for(c, kind)
            if len(owners) == 1:
                owners[0].mentions.append(mention)
            else:
                self.cast.ambiguous.append((mention, owners))
            self.claim(block.index, s, e)

    def _may_be_named(self, p: Person) -> bool:
        """False when no name key of ``p`` can occur: each holds the surname's last word (its
        first letter may be capitalised: "el-Sissi" opening a sentence)."""
        tail = _name_tail(p.surname)
        return not tail or tail in self._joined()

    def _name_spans(self, names):
        """``(block, start, end)`` of the ``_find_names`` matches of every block, in order.

        One search of all the blocks joined by "\\n" (5x fewer ``str.find`` calls than
        block by block): a name cannot cross it unless a name holds one, and it is neither
        a word character nor a space to the boundary tests.
        """
        if any("\n" in k for k in names):
            for block in self.blocks:
                for s, e in _find_names(block.text, names):
                    yield block, s, e
            return
        starts, at = [], 0
        for block in self.blocks:
            starts.append(at)
            at += len(block.text) + 1
        for s, e in _find_names(self._joined(), names):
            k = bisect.bisect_right(starts, s) - 1
            yield self.blocks[k], s - starts[k], e - starts[k]
