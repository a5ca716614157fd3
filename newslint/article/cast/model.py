"""The data model of the cast: people, their mentions and titles, title-only references,
known people, and where a span is in the source (``_where``). Plain dataclasses, no patterns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newslint.article import lexicon as L


# ---------------------------------------------------------------------------
# The data model
# ---------------------------------------------------------------------------

MENTION_KINDS = ("full", "surname", "title", "pronoun", "courtesy", "first-name")
PRONOUN_EVIDENCE = ("attribution", "said-after", "said-that", "who", "same-sentence-subject", "sentence-start",
                    "lead-in", "clause-object")


@dataclass
class Title:
    """A title as written next to a name, or standing alone in a ``KnownPerson``.

    ``head`` is the normalised head noun phrase ("secretary of state",
    "prime minister", "envoy"); ``heads`` the short forms a title-only
    reference may use for this post ("the secretary", "the minister"). A rank
    modifier changes the post: "deputy secretary" does not answer to "the
    secretary". ``formal`` is False for occupational descriptors ("astronaut
    Neil Armstrong"); ``former`` is True for former/late/outgoing holders.
    """

    text: str
    head: str
    heads: frozenset
    qualifiers: list
    position: str  # "before" the name, "after" it (appositive), or "known" (KnownPerson)
    block: int | None = None
    start: int = 0
    end: int = 0
    capitalized: bool = False
    words: int = 0
    formal: bool = True
    former: bool = False
    abbreviation: bool = False
    modifiers: tuple = ()
    #: short forms named after the organisation in the complement ("chief of the Tehama County Fire
    #: Department": "fire chief", "department chief"); they are in ``heads`` too
    org_heads: frozenset = frozenset()

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


@dataclass(eq=False)
class Mention:
    """One reference to a person in the prose of a block.

    ``kind`` is one of ``MENTION_KINDS``. A name mention may carry the
    ``title`` written with it ("President Biden" is a ``surname`` mention with
    a title). Pronoun mentions carry ``evidence`` (one of ``PRONOUN_EVIDENCE``)
    and the pronoun in ``text``. ``quoted`` is True inside a quotation.
    """

    kind: str
    block: int
    start: int
    end: int
    text: str
    title: Title | None = None
    sentence: int = 0
    evidence: str | None = None
    strong: bool = True
    quoted: bool = False

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


@dataclass(eq=False)
class Person:
    """A person in the story (or a known person seeded from ``article.people_extra``)."""

    name: str
    surname: str
    given: str = ""
    titles: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    pronouns: Counter = field(default_factory=Counter)
    quotes: list = field(default_factory=list)
    id: str = ""
    evidence: set = field(default_factory=set)
    known: bool = False
    known_pronouns: str | None = None

    @property
    def first(self) -> Mention | None:
        """The first mention in reading order (body before headline: see ``build_cast``)."""
        return self._first

    _first: Mention | None = field(default=None, repr=False)

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


@dataclass(eq=False)
class TitleRef:
    """A title standing alone ("the secretary", "The foreign minister").

    ``candidates`` are the people holding a title that matches ``head`` and
    ``qualifiers``; ``person`` is set only when there is exactly one.
    """

    text: str
    block: int
    start: int
    end: int
    head: str
    qualifiers: list = field(default_factory=list)
    former: bool = False
    capitalized: bool = False
    sentence: int = 0
    quoted: bool = False
    candidates: list = field(default_factory=list)
    person: Person | None = None

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


@dataclass
class KnownPerson:
    """A person known before reading the article (a newsroom staff list, a CMS field).

    Added by plugins to ``article.people_extra`` in ``newslint_enrich_article``.
    ``titles`` are title strings ("Secretary of State"); ``pronouns`` is
    "he", "she" or "they" when known.
    """

    name: str
    titles: list = field(default_factory=list)
    pronouns: str | None = None


@dataclass
class Cast:
    """Everyone in the article, in order of first mention."""

    people: list = field(default_factory=list)
    title_refs: list = field(default_factory=list)
    unlinked_pronouns: list = field(default_factory=list)
    #: surname mentions two or more people could own: ``(Mention, [Person, ...])``
    ambiguous: list = field(default_factory=list)
    #: everyone seeded from ``article.people_extra``, mentioned or not
    known: list = field(default_factory=list)
    #: per block, the sorted ``(start, end, entity, kind)`` the pronoun pass read: people's mentions
    #: (and linked pronouns), unlinked title references, ambiguous surnames and tentative names that
    #: may be people (``_Pronouns.entity_index``); what a pronoun may refer to, for the rules
    entities: dict = field(default_factory=dict, repr=False)

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
