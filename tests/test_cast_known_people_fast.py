"""Known people (a plugin's staff list) in the cast: the cheap paths must never change a result.

The code the faster paths replaced (``seed_known``, ``link_names`` and ``finish`` as they
were) is kept below as the reference builder; casts of generated news-like text with known
people are compared with it, with the re twins off and on.
"""

from __future__ import annotations

import copy
import json
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import newslint.article.cast as C
import newslint.article.cast.builder as B
import newslint.article.cast.names as N
import newslint.article.cast.patterns as P
import newslint.article.cast.titles as T
from newslint.article.cast import KnownPerson, Title
from newslint.article.parsers.text import TextParser
from newslint.article.source import Source


class _Reference(B._Builder):
    def seed_known(self):
        for k in getattr(self.article, "people_extra", None) or []:
            name = getattr(k, "name", None) or (k.get("name") if isinstance(k, dict) else None)
            if not name:
                continue
            titles = getattr(k, "titles", None) or (k.get("titles", []) if isinstance(k, dict) else [])
            pron = getattr(k, "pronouns", None) or (k.get("pronouns") if isinstance(k, dict) else None)
            given, surname, _ = N._split_name(name)
            p = self.by_key.get((given.lower(), surname.lower())) or self.new_person(name, given, surname)
            p.known = True
            p.known_pronouns = pron
            p.evidence.add("known")
            for t in titles:
                if isinstance(t, Title):
                    title = t
                else:
                    title = C.parse_title(str(t), "known")
                    if title is not None:
                        title = copy.copy(title)
                        title.qualifiers = list(title.qualifiers)
                if title is not None:
                    p.titles.append(title)
            self.cast.known.append(p)

    def _may_be_named(self, p):
        pieces = p.surname.split()
        if not pieces:
            return True
        tail = pieces[-1] if len(pieces) > 1 else pieces[0][1:]
        return not tail or tail in self._joined()

    def link_names(self):
        names = {}
        for p in self.people:
            if p.known and not p.mentions and not self._may_be_named(p):
                continue
            if p.given:
                names.setdefault(f"{p.given} {p.surname}", ("full", []))[1].append(p)
                names.setdefault(N._norm_space(p.name), ("full", []))[1].append(p)
            if p.surname.lower() not in P._NOT_SURNAME:
                names.setdefault(p.surname, ("surname", []))[1].append(p)
                if p.surname[:1].islower():
                    names.setdefault(p.surname[:1].upper() + p.surname[1:], ("surname", []))[1].append(p)
        for p in self.people:
            owners = self.by_given.get(p.given.lower(), [])
            if p.given and len(owners) == 1 and p.given.lower() not in P._NOT_FIRST_NAME and len(p.given) > 2 \
                    and p.given not in names:
                names[p.given] = ("first-name", owners)
        names = {k: (kind, list(dict.fromkeys(v))) for k, (kind, v) in names.items()}
        if not names:
            return
        for block, s, e in self._name_spans(names):
            text = block.text
            if self.is_claimed(block.index, s, e):
                continue
            kind, owners = names.get(N._norm_space(text[s:e]), ("surname", []))
            if not owners:
                continue
            nxt = P._CAP_AFTER_T.on(text).match(text, e)
            if nxt and kind != "full":
                continue
            if text[max(0, s - 4):s].lower() == "the ":
                continue
            c = N._Cand(block.index, s, e, text[s:e])
            mention = self.mention_for(c, kind)
            if len(owners) == 1:
                owners[0].mentions.append(mention)
            else:
                self.cast.ambiguous.append((mention, owners))
            self.claim(block.index, s, e)

    def finish(self):
        order = {b.index: i for i, b in enumerate(self.article.blocks)}
        body_kinds = ("body", "dek", "caption")
        seen_ids = Counter()
        mentioned = []
        for p in self.people:
            p.mentions.sort(key=lambda m: (order[m.block], m.start))
            if not p.mentions:
                continue
            body = [m for m in p.mentions if self.article.blocks[m.block].kind in body_kinds
                    and m.kind != "pronoun"]
            p._first = body[0] if body else p.mentions[0]
            mentioned.append(p)
        mentioned.sort(key=lambda p: (order[p._first.block], p._first.start))
        for p in mentioned + [k for k in self.cast.known if not k.mentions]:
            base = N._slug(p.name)
            seen_ids[base] += 1
            p.id = base if seen_ids[base] == 1 else f"{base}-{seen_ids[base]}"
            uniq, keys = [], set()
            for t in sorted(p.titles, key=lambda t: (t.block is None, order.get(t.block, 0), t.start)):
                key = (t.text.lower(), t.position, t.block, t.start)
                if key not in keys:
                    keys.add(key)
                    uniq.append(t)
            p.titles = uniq
        self.cast.people = mentioned
        self.cast.unlinked_pronouns.sort(key=lambda m: (order[m.block], m.start))
        self.cast.title_refs.sort(key=lambda r: (order[r.block], r.start))


KNOWN = [KnownPerson("Miriam Okafor", ["executive editor"], "she"), KnownPerson("Harold Finch", ["mayor"], "he"),
         KnownPerson("Jo Lindqvist", ["police chief", "chief of police"], "they"),
         KnownPerson("Priya Raman", ["public editor", "reader's editor", "public editor"]),
         KnownPerson("Abdel Fattah el-Sissi", ["President"]), KnownPerson("Omar van der Veer", ["photographer"]),
         KnownPerson("Xi Jinping", ["President", "General Secretary"]), KnownPerson("Madonna"),
         KnownPerson("John Smith Jr.", ["spokesman"]), KnownPerson("Miriam Okafor", ["managing editor"]),
         {"name": "Harold Finch", "titles": ["deputy mayor"], "pronouns": "he"}, {"name": "Grace Adeyemi"}]
WORDS = ["Miriam", "Okafor", "OKAFOR", "Harold", "Finch", "Finch's", "Jo", "Lindqvist", "Priya", "Raman", "Abdel",
         "Fattah", "el-Sissi", "El-Sissi", "Sissi", "Omar", "van", "Van", "der", "Veer", "Xi", "Jinping", "Madonna",
         "John", "Smith", "Jr.", "Grace", "Adeyemi", "Mary", "Finchley", "the", "The", "executive", "editor",
         "Executive", "Editor", "mayor", "Mayor", "deputy", "police", "chief", "of", "public", "reader's",
         "President", "president", "photographer", "spokesman", "General", "Secretary", "said", "he", "she",
         "they", "his", "her", "told", "and", "Mr", "Ms", "Herzog", "Center", "in", "London"]
MARKS = ["“", "”", '"', ",", ".", ". ", ", ", ":", "(", ")", "—", "-", "\n", "\n\n", "\u00a0", " ", "  ", " ", " "]


def _text(parts) -> str:
    out = []
    for p in parts:
        if out and p in WORDS and out[-1] in WORDS:
            out.append(" ")
        out.append(p)
    return "".join(out) + "\n"


def _dump(builder, text, people) -> str:
    article = TextParser().parse(Source("case.txt", text), {})[0]
    article.people_extra.extend(people)
    return json.dumps(builder(article).build().to_dict(article), sort_keys=True, default=str)


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS)),
                      max_size=50),
       people=st.lists(st.sampled_from(KNOWN), max_size=6), twins=st.booleans())
def test_known_people_cast_equals_the_reference(parts, people, twins):
    text = _text(parts)
    on = P._TWINS.on
    P._TWINS.on = twins
    try:
        assert _dump(B._Builder, text, people) == _dump(_Reference, text, people)
    finally:
        P._TWINS.on = on


def test_a_known_person_not_named_still_answers_a_title_only_reference():
    people = [KnownPerson("Miriam Okafor", ["executive editor"], "she")]
    article = TextParser().parse(Source("case.txt", "The executive editor said the story would run.\n"), {})[0]
    article.people_extra.extend(people)
    cast = article.analysis.cast
    assert [(r.text, r.person.name if r.person else None) for r in cast.title_refs] == \
        [("The executive editor", "Miriam Okafor")]
    assert [p.id for p in cast.known] == ["miriam-okafor"]


def test_known_titles_are_copies_with_their_own_qualifiers():
    first = T._known_title("Executive Editor of the Ledger")
    second = T._known_title("Executive Editor of the Ledger")
    assert first is not second and first.qualifiers is not second.qualifiers
    assert first == second == C.parse_title("Executive Editor of the Ledger", "known")
