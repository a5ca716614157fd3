"""The data model of the cast: people, their mentions and titles, title-only references,
known people, and where a span is in the source (``_where``). Plain records, no patterns.

The classes are written out rather than made with ``@dataclass``, which generates and compiles
its methods on import (see ``newslint.findings.Record``): the cast is imported by every run.
"""

from __future__ import annotations

from collections import Counter
from newslint.article import lexicon as L
from newslint.findings import Record, field_repr


# ---------------------------------------------------------------------------
# The data model
# ---------------------------------------------------------------------------

MENTION_KINDS = ("full", "surname", "title", "pronoun", "courtesy", "first-name")
PRONOUN_EVIDENCE = ("attribution", "said-after", "said-that", "who", "same-sentence-subject", "sentence-start",
                    "lead-in", "clause-object")


class Title(Record):
    """A title as written next to a name, or standing alone in a ``KnownPerson``.

    ``head`` is the normalised head noun phrase ("secretary of state",
    "prime minister", "envoy"); ``heads`` the short forms a title-only
    reference may use for this post ("the secretary", "the minister"). A rank
    modifier changes the post: "deputy secretary" does not answer to "the
    secretary". ``formal`` is False for occupational descriptors ("astronaut
    Neil Armstrong"); ``former`` is True for former/late/outgoing holders.
    """

    FIELDS = ("text", "head", "heads", "qualifiers", "position", "block", "start", "end", "capitalized",
              "words", "formal", "former", "abbreviation", "modifiers", "org_heads")

    def __init__(self, text: str, head: str, heads: frozenset, qualifiers: list, position: str,
                 block: int | None = None, start: int = 0, end: int = 0, capitalized: bool = False,
                 words: int = 0, formal: bool = True, former: bool = False, abbreviation: bool = False,
                 modifiers: tuple = (), org_heads: frozenset = frozenset()):
        self.text = text
        self.head = head
        self.heads = heads
        self.qualifiers = qualifiers
        #: "before" the name, "after" it (appositive), or "known" (KnownPerson)
        self.position = position
        self.block = block
        self.start = start
        self.end = end
        self.capitalized = capitalized
        self.words = words
        self.formal = formal
        self.former = former
        self.abbreviation = abbreviation
        self.modifiers = modifiers
        #: short forms named after the organisation in the complement ("chief of the Tehama County
        #: Fire Department": "fire chief", "department chief"); they are in ``heads`` too
        self.org_heads = org_heads

    def matches(self, head: str, qualifiers=(), former: bool = False) -> bool:
        """True when a title-only reference ``head`` (+ qualifiers) can mean this title."""
        if head not in self.heads or former != self.former:
            return False
        if not qualifiers:
            return True
        own = {_norm_qualifier(q) for q in self.qualifiers}
        own_words = set(_norm_qualifier(self.text).split())
        return all(q in own or set(q.split()) <= own_words for q in qualifiers)

    def to_dict(self, article=None) -> dict:
        data = {"text": self.text, "head": self.head, "heads": sorted(self.heads),
                "qualifiers": list(self.qualifiers), "position": self.position,
                "capitalized": self.capitalized, "words": self.words, "formal": self.formal,
                "former": self.former}
        if article is not None and self.block is not None:
            data.update(_where(article, self.block, self.start, self.end))
        return data


class Mention:
    """One reference to a person in the prose of a block.

    ``kind`` is one of ``MENTION_KINDS``. A name mention may carry the
    ``title`` written with it ("President Biden" is a ``surname`` mention with
    a title). Pronoun mentions carry ``evidence`` (one of ``PRONOUN_EVIDENCE``)
    and the pronoun in ``text``. ``quoted`` is True inside a quotation.
    """

    FIELDS = ("kind", "block", "start", "end", "text", "title", "sentence", "evidence", "strong", "quoted")

    def __init__(self, kind: str, block: int, start: int, end: int, text: str, title: Title | None = None,
                 sentence: int = 0, evidence: str | None = None, strong: bool = True, quoted: bool = False):
        self.kind = kind
        self.block = block
        self.start = start
        self.end = end
        self.text = text
        self.title = title
        self.sentence = sentence
        self.evidence = evidence
        self.strong = strong
        self.quoted = quoted

    def __repr__(self) -> str:
        return field_repr(self, self.FIELDS)

    @property
    def pronoun(self) -> str | None:
        """"he", "she" or "they" for a pronoun mention."""
        return L.PRONOUN_GENDER.get(self.text.lower()) if self.kind == "pronoun" else None

    def to_dict(self, article=None) -> dict:
        data = {"kind": self.kind, "text": self.text, "sentence": self.sentence, "strong": self.strong}
        if self.evidence:
            data["evidence"] = self.evidence
        if self.quoted:
            data["quoted"] = True
        if self.title is not None:
            data["title"] = self.title.text
        if article is not None:
            data.update(_where(article, self.block, self.start, self.end))
        return data


class Person:
    """A person in the story (or a known person seeded from ``article.people_extra``)."""

    FIELDS = ("name", "surname", "given", "titles", "mentions", "pronouns", "quotes", "id", "evidence",
              "known", "known_pronouns")

    def __init__(self, name: str, surname: str, given: str = "", titles: list | None = None,
                 mentions: list | None = None, pronouns: Counter | None = None, quotes: list | None = None,
                 id: str = "", evidence: set | None = None, known: bool = False,
                 known_pronouns: str | None = None, _first: Mention | None = None):
        self.name = name
        self.surname = surname
        self.given = given
        self.titles = [] if titles is None else titles
        self.mentions = [] if mentions is None else mentions
        self.pronouns = Counter() if pronouns is None else pronouns
        self.quotes = [] if quotes is None else quotes
        self.id = id
        self.evidence = set() if evidence is None else evidence
        self.known = known
        self.known_pronouns = known_pronouns
        self._first = _first

    def __repr__(self) -> str:
        return field_repr(self, self.FIELDS)

    @property
    def first(self) -> Mention | None:
        """The first mention in reading order (body before headline: see ``build_cast``)."""
        return self._first

    @property
    def mentioned(self) -> bool:
        return bool(self.mentions)

    def mention_counts(self) -> Counter:
        return Counter(m.kind for m in self.mentions)

    def gender_evidence(self) -> Counter:
        """Pronoun evidence: strong pronoun links, courtesy titles (Mr. -> he,
        Mrs./Ms./Miss -> she) and, weighted 2, pronouns a KnownPerson declares."""
        counts = Counter(self.pronouns)
        for m in self.mentions:
            if m.kind == "courtesy" and m.title is not None:
                p = L.COURTESY.get(m.title.text.rstrip(".").lower())
                if p:
                    counts[p] += 1
        if self.known_pronouns:
            counts[self.known_pronouns] += 2
        return counts

    def to_dict(self, article=None) -> dict:
        return {
            "id": self.id, "name": self.name, "surname": self.surname, "given": self.given,
            "titles": [t.to_dict(article) for t in self.titles],
            "first": self.first.to_dict(article) if self.first else None,
            "counts": dict(self.mention_counts()),
            "pronouns": dict(self.pronouns),
            "quotes": list(self.quotes),
            "evidence": sorted(self.evidence),
            "known": self.known,
            "mentions": [m.to_dict(article) for m in self.mentions],
        }


class TitleRef:
    """A title standing alone ("the secretary", "The foreign minister").

    ``candidates`` are the people holding a title that matches ``head`` and
    ``qualifiers``; ``person`` is set only when there is exactly one.
    """

    FIELDS = ("text", "block", "start", "end", "head", "qualifiers", "former", "capitalized", "sentence",
              "quoted", "candidates", "person")

    def __init__(self, text: str, block: int, start: int, end: int, head: str, qualifiers: list | None = None,
                 former: bool = False, capitalized: bool = False, sentence: int = 0, quoted: bool = False,
                 candidates: list | None = None, person: Person | None = None):
        self.text = text
        self.block = block
        self.start = start
        self.end = end
        self.head = head
        self.qualifiers = [] if qualifiers is None else qualifiers
        self.former = former
        self.capitalized = capitalized
        self.sentence = sentence
        self.quoted = quoted
        self.candidates = [] if candidates is None else candidates
        self.person = person

    def __repr__(self) -> str:
        return field_repr(self, self.FIELDS)

    @property
    def status(self) -> str:
        """"linked", "ambiguous" (several holders) or "unlinked" (nobody holds it)."""
        if self.person is not None:
            return "linked"
        return "ambiguous" if self.candidates else "unlinked"

    def to_dict(self, article=None) -> dict:
        data = {"text": self.text, "head": self.head, "qualifiers": list(self.qualifiers),
                "status": self.status, "candidates": [p.id for p in self.candidates],
                "person": self.person.id if self.person else None}
        if article is not None:
            data.update(_where(article, self.block, self.start, self.end))
        return data


class KnownPerson(Record):
    """A person known before reading the article (a newsroom staff list, a CMS field).

    Added by plugins to ``article.people_extra`` in ``newslint_enrich_article``.
    ``titles`` are title strings ("Secretary of State"); ``pronouns`` is
    "he", "she" or "they" when known.
    """

    FIELDS = ("name", "titles", "pronouns")

    def __init__(self, name: str, titles: list | None = None, pronouns: str | None = None):
        self.name = name
        self.titles = [] if titles is None else titles
        self.pronouns = pronouns


class Cast(Record):
    """Everyone in the article, in order of first mention."""

    FIELDS = ("people", "title_refs", "unlinked_pronouns", "ambiguous", "known", "entities")
    REPR = FIELDS[:-1]

    def __init__(self, people: list | None = None, title_refs: list | None = None,
                 unlinked_pronouns: list | None = None, ambiguous: list | None = None,
                 known: list | None = None, entities: dict | None = None):
        self.people = [] if people is None else people
        self.title_refs = [] if title_refs is None else title_refs
        self.unlinked_pronouns = [] if unlinked_pronouns is None else unlinked_pronouns
        #: surname mentions two or more people could own: ``(Mention, [Person, ...])``
        self.ambiguous = [] if ambiguous is None else ambiguous
        #: everyone seeded from ``article.people_extra``, mentioned or not
        self.known = [] if known is None else known
        #: per block, the sorted ``(start, end, entity, kind)`` the pronoun pass read: people's
        #: mentions (and linked pronouns), unlinked title references, ambiguous surnames and
        #: tentative names that may be people (``_Pronouns.entity_index``); what a pronoun may
        #: refer to, for the rules
        self.entities = {} if entities is None else entities

    def person_by_surname(self, surname: str) -> Person | None:
        """The one person with this surname (None when nobody or several)."""
        s = surname.lower()
        found = [p for p in self.people if p.surname.lower() == s]
        return found[0] if len(found) == 1 else None

    def person_by_id(self, pid: str) -> Person | None:
        return next((p for p in self.people + self.known if p.id == pid), None)

    def person_at(self, block: int, start: int, end: int) -> tuple[Person, Mention] | None:
        """The person (and mention) whose mention overlaps ``[start, end)`` of a block."""
        for p in self.people:
            for m in p.mentions:
                if m.block == block and m.start < end and start < m.end:
                    return p, m
        return None

    def to_dict(self, article=None) -> dict:
        return {
            "people": [p.to_dict(article) for p in self.people],
            "title_refs": [r.to_dict(article) for r in self.title_refs],
            "unlinked_pronouns": [m.to_dict(article) for m in self.unlinked_pronouns],
        }


def _where(article, block: int, start: int, end: int) -> dict:
    b = article.blocks[block]
    offset, length = b.smap.span(start, end)
    line, column = article.source.position(offset)
    return {"block": block, "line": line, "column": column, "offset": offset, "length": length}


def _norm_qualifier(q: str) -> str:
    q = q.strip().lower().replace("’", "'")
    if q.endswith("'s"):
        q = q[:-2]
    q = q.rstrip("'")
    return L.QUALIFIER_ALIASES.get(q, q)
