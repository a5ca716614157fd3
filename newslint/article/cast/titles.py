"""Parsing a title as written ("Secretary of State", "chief of the Tehama County Fire
Department") into its head, qualifiers and the short forms a title-only reference may use
(``parse_title``), and the titles of known people (``_known_title``).
"""

from __future__ import annotations

import re as _re

from newslint.article import lexicon as L
from newslint.article.cast.model import Title
from newslint.article.cast.patterns import (
    _CAP_RUN, _CAP_RUN_T, _HEAD_MULTI_BY_START, _MODS, _QUAL_STOP, _re_span, _TWINS, _WORD, _WORD_T,
)


# ---------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------

_HEAD_ALIASES = {
    "spokesman": {"spokesperson"}, "spokeswoman": {"spokesperson"}, "spokesperson": {"spokesman", "spokeswoman"},
    "chairman": {"chair", "chairperson"}, "chairwoman": {"chair", "chairperson"},
    "chair": {"chairman", "chairwoman", "chairperson"}, "chairperson": {"chair"},
    "chief executive": {"ceo", "chief executive officer"}, "chief executive officer": {"chief executive", "ceo"},
    "ceo": {"chief executive", "chief executive officer"}, "house speaker": {"speaker"},
    "speaker of the house": {"speaker", "house speaker"}, "crown prince": {"prince"},
    "secretary-general": {"secretary general"}, "secretary general": {"secretary-general"},
    "congressman": {"representative", "lawmaker"}, "congresswoman": {"representative", "lawmaker"},
    "representative": {"congressman", "congresswoman", "lawmaker"},
    "senator": {"lawmaker"}, "vice-president": {"vice president"}, "vice president": {"vice-president"},
    "auditor general": {"auditor"}, "comptroller general": {"comptroller"},
    "premier": {"prime minister"}, "advisor": {"adviser"}, "adviser": {"advisor"},
    "speaker": {"house speaker"}, "homeland security secretary": {"secretary", "secretary of homeland security"},
    "national security adviser": {"national security advisor"},
    "police chief": {"chief"}, "fire chief": {"chief"}, "head coach": {"coach"},
    "county clerk": {"clerk"}, "city clerk": {"clerk"}, "town clerk": {"clerk"},
    "chief financial officer": {"cfo"}, "cfo": {"chief financial officer"},
    "chief operating officer": {"coo"}, "coo": {"chief operating officer"},
}


def _heads_for(head: str, mods: list[str], complement: str) -> frozenset:
    """The short forms a title-only reference may use for a post."""
    forms = {head} | _HEAD_ALIASES.get(head, set())
    parts = head.split()
    if len(parts) == 2 and parts[0] in L.PORTFOLIOS and parts[0] not in ("press", "state"):
        forms |= {parts[1], f"{parts[1]} of {parts[0]}"}  # defense secretary -> secretary (of defense)
    if head.startswith("secretary of "):
        forms |= {"secretary", head.split(" of ", 1)[1] + " secretary"}
    comp = complement.lower().split()
    if len(comp) == 2 and comp[0] == "of" and head in ("secretary", "minister"):
        forms |= {f"{head} of {comp[1]}", f"{comp[1]} {head}"}
    elif 3 <= len(comp) <= 4 and comp[0] in ("of", "for") and head in ("secretary", "minister") \
            and all(w.isalpha() for w in comp[1:]):
        # "minister of international trade" -> "trade minister", "international trade minister";
        # "minister for foreign affairs" -> "foreign minister"
        words = comp[2:] if comp[1] == "the" else comp[1:]
        forms.add(f"{' '.join(words)} {head}")
        if words[-1] == "affairs":
            forms.add(f"{' '.join(words[:-1])} {head}")
        elif words[-1] in L.PORTFOLIOS:
            forms.add(f"{words[-1]} {head}")
    ranks = [m for m in mods if m in L.RANK_MODIFIERS]
    kept = [m for m in mods if m not in L.STATUS_MODIFIERS]
    if ranks:
        forms = {f"{r} {f}" for r in ranks for f in forms}
        if kept:
            forms.add(" ".join(kept + [head]))
    elif kept:
        forms.add(" ".join(kept + [head]))
    return frozenset(forms)


def parse_title(text: str, position: str = "known", block: int | None = None, start: int = 0,
                end: int | None = None) -> Title | None:
    """Analyse a title string ("Israeli Foreign Minister", "US ambassador to the country").

    Words before the head are modifiers (deputy, special, former) or
    capitalised qualifiers (Israeli, State Department, U.S.); words after it
    are a complement ("for hostage issues", "of Jordan") whose capitalised
    words are qualifiers too. Returns None when no head noun is found where
    a title's head can stand.
    """
    end = start + len(text) if end is None else end
    stripped = text.strip()
    low = stripped.lower()
    if low in L.TITLE_ABBREVIATIONS or low.startswith("the ") and low[4:] in L.TITLE_ABBREVIATIONS:
        key = low[4:] if low.startswith("the ") else low
        head = L.TITLE_ABBREVIATIONS[key]
        return Title(stripped, head, _heads_for(head, [], ""), [], position, block, start, end,
                     capitalized=stripped[:1].isupper(), words=len(stripped.split()), abbreviation=True)
    latin = _TWINS.on and _re_span(stripped)  # (not _re_ok: titles would crowd the blocks out of its cache)
    words = [(m.group(), m.start()) for m in (_WORD_T.re() if latin else _WORD).finditer(stripped)]
    i, n = 0, len(words)
    mods: list[str] = []
    quals: list[list[str]] = []
    head = None
    head_end = 0
    described = 0
    while i < n:
        w, off = words[i]
        wl = w.lower()
        rest = low[off:]
        multi = next((h for h in _HEAD_MULTI_BY_START.get(rest[:2], ()) if rest.startswith(h) and
                      (len(rest) == len(h) or not rest[len(h)].isalnum())), None)
        if multi:
            head, head_end = multi, off + len(multi)
            break
        if wl == "chief" and position == "after" and i + 1 < n and words[i + 1][0] == "of":
            head, head_end = wl, off + len(w)  # "chief of the Tehama County Fire Department"
            break
        if wl in _MODS and i + 1 < n:
            mods.append(wl)
            i += 1
            continue
        if wl in L.TITLE_HEADS or wl in L.OCCUPATIONS:
            head, head_end = wl, off + len(w)
            break
        # (an all-capitals stop word is an acronym, "US", but not "A": "A Little Princess tells ...")
        if w[:1].isupper() and (wl not in _QUAL_STOP or w.isupper() and len(w) > 1) or wl in ("u.s.", "u.k."):
            if quals and i > 0 and words[i - 1][0][:1].isupper() and words[i - 1][0].lower() not in _MODS \
                    and not words[i - 1][0].endswith(("'s", "’s")):
                quals[-1].append(w)
            else:
                quals.append([w])
            i += 1
            continue
        if wl in ("ex", "the"):
            i += 1
            continue
        # an appositive may name the post with lower-case words before its head ("Sandra Cole, the
        # county's police chief,", "a state senator", "the school board president"): up to three
        # plain words or possessives, none a function word ("the man who shot the president")
        if position == "after" and described < 3 and w.islower() and wl not in _QUAL_STOP \
                and _PLAIN_DESCRIPTOR.fullmatch(w):
            described += 1
            i += 1
            continue
        return None
    if head is None:
        return None
    complement = stripped[head_end:].strip()
    comp_quals = []
    for run in (_CAP_RUN_T.re() if latin else _CAP_RUN).finditer(complement):
        q = run.group().strip()
        if q.endswith(" of"):
            q = q[:-3]
        if q and q.lower() not in _QUAL_STOP:
            comp_quals.append(q)
    head_text = stripped[words[i][1]:head_end]
    heads = _heads_for(head, mods, complement)
    org_heads = _org_heads(head, mods, complement) if position == "after" and complement else frozenset()
    if org_heads:
        heads |= org_heads
    # ("chief" alone is no title: "chief of the X Fire Department" is one as a fire chief)
    formal = head in L.TITLE_HEADS or head == "chief" and not org_heads.isdisjoint(L.TITLE_HEADS)
    return Title(
        text=stripped, head=head, heads=heads, org_heads=org_heads,
        qualifiers=[" ".join(q) for q in quals] + comp_quals, position=position, block=block,
        start=start, end=end, capitalized=head_text[:1].isupper(), words=len(stripped.split()),
        formal=formal, former=any(m in L.STATUS_MODIFIERS for m in mods) or low.startswith(("former", "ex-")),
        modifiers=tuple(mods),
    )


#: an organisation named in a title's complement: "of the Tehama County Fire Department", "of the
#: Department of Transportation" (capitalised words, "of" and "and" between them)
#: (each word ends at a space: no two ways to split a run of capitals, so no backtracking blow-up)
_ORG_COMPLEMENT = _re.compile(r"(?:of|at|for)[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][A-Za-z\-]*(?:[ \u00a0]+(?:(?:of|and)[ \u00a0]+)?"
                              r"[A-Z][A-Za-z\-]*)*)[ \u00a0]*")


_LOWER_ORG_COMPLEMENT = _re.compile(r"(?:of|at|for)[ \u00a0]+the[ \u00a0]+(?:[A-Z][A-Za-z\-]*[ \u00a0]+){1,4}"
                                   r"(?:(?P<field>[a-z]+)[ \u00a0]+)?(?P<kind>board|council|committee|commission|union|"
                                   r"association|district|department|agency|authority)[ \u00a0]*")


#: a committee named by its lower-case field alone: "of the budget committee", "of the commission's
#: finance committee" (a chair's complement; ``_org_heads``)
_COMMITTEE_COMPLEMENT = _re.compile(r"of[ \u00a0]+the[ \u00a0]+(?:[a-z]+['’]s[ \u00a0]+)?(?P<field>[a-z]+)[ \u00a0]+"
                                    r"(?:sub)?committee[ \u00a0]*")
_CHAIRS = frozenset({"chair", "chairman", "chairwoman", "chairperson"})


def _chair_forms(forms: set) -> frozenset:
    """``forms`` with a chair's other words for the same post, as the bare head has them
    (``_HEAD_ALIASES``): "committee chair" also answers to "committee chairman", "committee
    chairwoman" and "committee chairperson"; "committee chairwoman" to "committee chair"."""
    more = set()
    for form in forms:
        lead, _, last = form.rpartition(" ")
        if lead and last in _CHAIRS:
            more |= {f"{lead} {c}" for c in _HEAD_ALIASES[last]}
    return frozenset(forms | more)


def _org_heads(head: str, mods: list[str], complement: str) -> frozenset:
    """The short forms of a post named after its organisation, for a head with no rank modifier and
    a complement that is an organisation's whole name: "chief of the Tehama County Fire Department"
    -> "fire chief", "department chief"; "executive director of the Westbrook Regional Transit
    Authority" -> "transit director", "authority director"; "director of the Department of
    Transportation" -> "transportation director". The words are the organisation word and the one
    naming its field (before it, or after its "of"), never a place, nationality, given name or a
    modifier ("National", "Regional")."""
    parts = head.split()
    if any(m in L.RANK_MODIFIERS for m in mods) or any(w not in _MODS or w in L.RANK_MODIFIERS for w in parts[:-1]):
        return frozenset()  # (not "deputy director", "secretary general": only "executive director" -> "director")
    m = _ORG_COMPLEMENT.fullmatch(complement)
    if m is None:
        # an organisation by its lower-case kind after a name or a place: "president of the Harlow
        # school board" -> "board president", "school board president"
        low = _LOWER_ORG_COMPLEMENT.fullmatch(complement)
        if low is None:
            committee = _COMMITTEE_COMPLEMENT.fullmatch(complement)
            if committee is not None and parts[-1] in _CHAIRS:
                # a committee named by its field alone: "chair of the budget committee" -> "committee
                # chair", "budget chair", "budget committee chairman" (how stories name a committee's chair)
                field = committee.group("field")
                forms = {f"committee {parts[-1]}"}
                if field not in L.FUNCTION_WORDS and field not in _MODS:
                    forms |= {f"{field} {parts[-1]}", f"{field} committee {parts[-1]}"}
                return _chair_forms(forms)
            if parts[-1] == "chief":  # "chief of the authority's transit police": a police chief
                words = complement.lower().replace("’", "'").split()
                return frozenset(f"{w} chief" for w in ("police", "fire") if w in words)
            return frozenset()
        kind, field = low.group("kind"), low.group("field")
        forms = {f"{kind} {parts[-1]}"}
        if field and field not in L.FUNCTION_WORDS and field not in _MODS:
            forms.add(f"{field} {kind} {parts[-1]}")
        return _chair_forms(forms)
    names = m.group(1).split()
    at = max((k for k, w in enumerate(names) if w.lower() in L.ORG_WORDS), default=-1)
    if at < 0:
        return frozenset()
    keys = [names[at]]
    if at > 0 and names[at - 1] not in ("of", "and"):
        keys.append(names[at - 1])
    if at + 2 < len(names) and names[at + 1] == "of" and at + 3 == len(names):
        keys.append(names[at + 2])
    last = parts[-1]
    forms = set()
    for k in keys:
        kl = k.lower()
        if not k.isalpha() or kl in L.PLACES or kl in L.NATIONALITIES or kl in L.GIVEN_NAMES \
                or kl in L.FUNCTION_WORDS or kl in _MODS:
            continue  # (not "national minister" from "for National Development Planning")
        form = f"{kl} {last}"
        forms.add(form)
        forms |= {a for a in _HEAD_ALIASES.get(form, ()) if " " in a}  # (not "chief" alone: a weak head)
    # a field word further from the organisation word that makes a known post with the head: "chief of
    # the Ridgeline Fire Protection District" -> "fire chief"
    for k in names[:max(at - 1, 0)]:
        form = f"{k.lower()} {last}"
        if form in L.TITLE_HEADS:
            forms.add(form)
            forms |= {a for a in _HEAD_ALIASES.get(form, ()) if " " in a}
    return _chair_forms(forms)


#: a lower-case word an appositive title may have before its head: a plain word or a possessive
_PLAIN_DESCRIPTOR = _re.compile(r"[a-z]+(?:['’]s)?")


#: ``parse_title(text, "known")`` by text: a staff list's titles come with every article
_KNOWN_TITLES: dict[str, Title | None] = {}


def _known_title(text: str) -> Title | None:
    """``parse_title(text, "known")``, parsed once per process and copied (a cast may change its
    title objects): a plugin's staff list hands the same titles to every article."""
    try:
        proto = _KNOWN_TITLES[text]
    except KeyError:
        if len(_KNOWN_TITLES) >= 4096:  # (a long-running server fed titles from many CMS records)
            _KNOWN_TITLES.clear()
        proto = _KNOWN_TITLES[text] = parse_title(text, "known")
    if proto is None:
        return None
    # copy.copy, four times faster: a Title's state is its __dict__ (no slots, no __copy__)
    title = _new_object(Title)
    title.__dict__.update(proto.__dict__)
    title.qualifiers = list(proto.qualifiers)
    return title


_new_object = object.__new__
