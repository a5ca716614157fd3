"""The cast of people: recognition, titles, linking, pronoun evidence, and ``newslint cast``."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newslint.article.cast import KnownPerson, build_cast, parse_title, render_cast
from newslint.article.parsers.text import TextParser
from newslint.article.source import Source

from conftest import run_cli
from timing import assert_cpu_within, assert_scales_linearly


def article(text: str, people_extra=None):
    a = TextParser().parse(Source("case.txt", text), {})[0]
    if people_extra:
        a.people_extra.extend(people_extra)
    return a


def cast_of(text: str, people_extra=None):
    return article(text, people_extra).analysis.cast


def names(cast) -> list[str]:
    return [p.name for p in cast.people]


def person(cast, name):
    found = [p for p in cast.people if p.name == name]
    assert found, f"{name!r} not in {names(cast)}"
    return found[0]


def pronoun_links(p):
    return [(m.text, m.evidence) for m in p.mentions if m.kind == "pronoun"]


VISIT = """\
Secretary of State Antony Blinken met with Israeli Prime Minister Benjamin Netanyahu at Kirya, the headquarters of the country’s Defense Ministry, following the attack by Hamas.

“We’re here and we’re not going anywhere,” Blinken told Netanyahu as the two shook hands. The secretary also said that he was sorry to see the Israeli prime minister in such circumstances.

Blinken landed in Tel Aviv shortly after dawn. He was greeted on the tarmac by government officials who gave him warm hugs. The secretary did not provide any information when she arrived.

He was welcomed by Israeli Foreign Minister Eli Cohen along with Michael Herzog, the US ambassador to the country, and Stephanie Hallett, the head of the US diplomatic mission to Israel.

A State Department official told the New York Times that Blinken planned to travel to Jordan to meet King Abdullah II of Jordan. He will also meet President Isaac Herzog.

The foreign minister will offer further military support when he meets Netanyahu.

“There will be further requests and we have already worked closely with Congress on this,” said Alex Vatanka, director of the Iran program at the Middle East Institute.
"""


@pytest.fixture(scope="module")
def visit():
    a = article(VISIT)
    return a, a.analysis.cast


def test_visit_people_and_order(visit):
    _, cast = visit
    assert names(cast) == ["Antony Blinken", "Benjamin Netanyahu", "Eli Cohen", "Michael Herzog",
                           "Stephanie Hallett", "Abdullah II", "Isaac Herzog", "Alex Vatanka"]


@pytest.mark.parametrize("not_a_person", ["Kirya", "Tel Aviv", "Hamas", "Congress", "Middle East Institute",
                                          "State Department", "New York Times", "Jordan", "Defense Ministry",
                                          "Israel", "Times"])
def test_visit_places_and_organisations_are_not_people(visit, not_a_person):
    _, cast = visit
    assert all(not_a_person not in p.name for p in cast.people)


def test_title_before_name(visit):
    _, cast = visit
    blinken = person(cast, "Antony Blinken")
    t = blinken.titles[0]
    assert (t.text, t.head, t.position, t.capitalized, t.words) == ("Secretary of State", "secretary of state",
                                                                    "before", True, 3)
    assert {"secretary of state", "secretary"} <= t.heads
    assert blinken.first.kind == "full" and blinken.first.title is t
    assert VISIT[t.start:t.end] == "Secretary of State"  # first block starts at offset 0
    bibi = person(cast, "Benjamin Netanyahu")
    assert (bibi.titles[0].head, bibi.titles[0].qualifiers) == ("prime minister", ["Israeli"])
    cohen = person(cast, "Eli Cohen")
    assert cohen.titles[0].head == "foreign minister"
    assert {"foreign minister", "minister"} <= cohen.titles[0].heads


def test_title_after_name(visit):
    _, cast = visit
    herzog = person(cast, "Michael Herzog")
    t = herzog.titles[0]
    assert (t.text, t.head, t.position, t.qualifiers) == ("US ambassador to the country", "ambassador", "after",
                                                          ["US"])
    vatanka = person(cast, "Alex Vatanka")
    assert vatanka.titles[0].head == "director"
    assert vatanka.titles[0].text == "director of the Iran program at the Middle East Institute"


def test_royal_with_regnal_number_is_a_full_first_reference(visit):
    _, cast = visit
    king = person(cast, "Abdullah II")
    assert king.first.kind == "full"
    assert king.titles[0].head == "king" and "Jordan" in king.titles[0].qualifiers


def test_people_sharing_a_surname_stay_apart(visit):
    _, cast = visit
    isaac, michael = person(cast, "Isaac Herzog"), person(cast, "Michael Herzog")
    assert isaac is not michael
    assert isaac.titles[0].head == "president"
    assert cast.person_by_surname("Herzog") is None
    assert cast.person_by_surname("Blinken").name == "Antony Blinken"


def test_surname_mentions_link(visit):
    _, cast = visit
    counts = person(cast, "Antony Blinken").mention_counts()
    assert counts["full"] == 1 and counts["surname"] == 3
    assert person(cast, "Benjamin Netanyahu").mention_counts()["surname"] == 2


def test_title_only_references(visit):
    _, cast = visit
    refs = [(r.text, r.status, r.person.name if r.person else None) for r in cast.title_refs]
    assert refs == [
        ("The secretary", "linked", "Antony Blinken"),
        ("the Israeli prime minister", "linked", "Benjamin Netanyahu"),
        ("The secretary", "linked", "Antony Blinken"),
        ("The foreign minister", "linked", "Eli Cohen"),
    ]
    assert cast.title_refs[0].capitalized is False
    capital = cast_of("Antony Blinken, the secretary of state, landed. The Secretary will travel to Jordan.\n")
    assert [(r.text, r.capitalized, r.person.name) for r in capital.title_refs] == [
        ("The Secretary", True, "Antony Blinken")]


def test_pronoun_links_with_evidence(visit):
    _, cast = visit
    links = pronoun_links(person(cast, "Antony Blinken"))
    assert ("he", "said-that") in links            # The secretary also said that he ...
    assert ("He", "sentence-start") in links       # Blinken landed ... He was greeted
    assert ("him", "same-sentence-subject") in links
    assert ("she", "same-sentence-subject") in links  # The secretary ... when she arrived
    blinken = person(cast, "Antony Blinken")
    assert blinken.pronouns["he"] >= 3 and blinken.pronouns["she"] == 1
    # "He was welcomed by ... Eli Cohen" follows a sentence naming three people: no link
    unlinked = [m.text for m in cast.unlinked_pronouns]
    assert "He" in unlinked
    assert pronoun_links(person(cast, "Eli Cohen")) == [("he", "same-sentence-subject")]


def test_quotes_spoken(visit):
    a, cast = visit
    quotes = a.analysis.quotations
    vatanka = person(cast, "Alex Vatanka")
    assert len(vatanka.quotes) == 1
    assert "Congress" in a.blocks[quotes[vatanka.quotes[0]].block].text


def test_first_reference_by_surname_with_title():
    cast = cast_of("The White House said on Monday that President Biden would travel to Israel.\n\n"
                   "Joe Biden has spoken to Netanyahu twice this week.\n")
    biden = person(cast, "Joe Biden")
    assert biden.first.kind == "surname" and biden.first.text == "Biden"
    assert biden.first.title.head == "president"
    assert [m.kind for m in biden.mentions] == ["surname", "full"]


def test_titled_surname_disambiguates_shared_surname():
    cast = cast_of("President Isaac Herzog met Michael Herzog, the ambassador, on Monday.\n\n"
                   "President Herzog said the talks were useful. Herzog did not comment.\n")
    isaac = person(cast, "Isaac Herzog")
    assert [m.kind for m in isaac.mentions] == ["full", "surname"]
    assert len(cast.ambiguous) == 1
    mention, owners = cast.ambiguous[0]
    assert mention.text == "Herzog" and {p.name for p in owners} == {"Isaac Herzog", "Michael Herzog"}


@pytest.mark.parametrize("text, who, head, formal", [
    ("Gov. Jerry Brown signed the bill on Tuesday.", "Jerry Brown", "governor", True),
    ("The mission was commanded by astronaut Neil Armstrong.", "Neil Armstrong", "astronaut", False),
    ("The plan was announced by State Department spokesman Matthew Miller.", "Matthew Miller", "spokesman", True),
    ("The team included deputy special presidential envoy for hostage issues Steve Gillen.", "Steve Gillen",
     "envoy", True),
    ("Officials met former President Donald Trump at the club.", "Donald Trump", "president", True),
])
def test_titles_before_names(text, who, head, formal):
    cast = cast_of(text + "\n")
    p = person(cast, who)
    t = p.titles[0]
    assert (t.head, t.formal, t.position) == (head, formal, "before")


def test_deputy_is_not_the_principal():
    t = parse_title("deputy special presidential envoy for hostage issues")
    assert t.head == "envoy" and "envoy" not in t.heads and "deputy envoy" in t.heads
    assert parse_title("Deputy Secretary of State").heads.isdisjoint({"secretary", "secretary of state"})
    assert parse_title("former Israeli Prime Minister").former is True
    assert parse_title("Defense Secretary").heads >= {"defense secretary", "secretary", "secretary of defense"}
    assert parse_title("to the beach") is None


def test_title_only_reference_unlinked_and_ambiguous():
    cast = cast_of("Foreign Minister Eli Cohen met Jordanian Foreign Minister Ayman Safadi in Amman.\n\n"
                   "The foreign minister said talks went well. The Jordanian foreign minister agreed. "
                   "The governor was not there.\n")
    status = [(r.text, r.status) for r in cast.title_refs]
    assert status == [("The foreign minister", "ambiguous"), ("The Jordanian foreign minister", "linked"),
                      ("The governor", "unlinked")]
    assert {p.name for p in cast.title_refs[0].candidates} == {"Eli Cohen", "Ayman Safadi"}
    assert cast.title_refs[1].person.name == "Ayman Safadi"


def test_two_holders_given_a_title_before_the_reference_stay_ambiguous():
    # the second holder's title repeats after the reference: where each was first given the post
    # counts, so neither is "the one given it before" (once the later repeat made it Morrow)
    cast = cast_of("Lyon County Clerk Raymond Tso said his staff had checked the card twice.\n\n"
                   "Elko County Clerk Janet Morrow said small offices had been stretched thin.\n\n"
                   "Asked about the report, the County Clerk said he had no idea.\n\n"
                   "Lyon County Clerk Raymond Tso said the count would start Monday.\n")
    [ref] = cast.title_refs
    assert ref.status == "ambiguous" and {p.name for p in ref.candidates} == {"Raymond Tso", "Janet Morrow"}


def test_titles_inside_organisation_names_are_not_references():
    cast = cast_of("A spokesman for the Prime Minister's Office declined to comment. "
                   "The Secretary of State’s office said it would respond.\n")
    assert cast.title_refs == [] and cast.people == []


def test_will_smith_is_a_person_will_at_a_sentence_start_is_not():
    cast = cast_of("The film stars Will Smith and Frank Sinatra Jr. in a remake.\n\n"
                   "Will Grant survive the vote? Nobody knows.\n")
    assert names(cast) == ["Will Smith", "Frank Sinatra Jr."]


def test_sentence_initial_and_date_words_are_not_names():
    cast = cast_of("On Tuesday the council met in Paris.\n\nMeanwhile Congress adjourned. God Save the Queen "
                   "played as Palestinian officials arrived in Gaza City.\n")
    assert cast.people == []


def test_courtesy_titles_and_gender_evidence():
    cast = cast_of("Mr. Rivera declined to comment on Friday.\n")
    p = person(cast, "Rivera")
    assert p.first.kind == "courtesy"
    assert p.gender_evidence()["he"] == 1


def test_pronoun_attribution_after_quote():
    cast = cast_of("Jane Okafor led the inquiry for three years.\n\n"
                   "“We found nothing that could excuse the delay,” she told reporters on Monday.\n")
    assert pronoun_links(person(cast, "Jane Okafor")) == [("she", "attribution")]


def test_pronoun_who_clause():
    cast = cast_of("The award went to Maria Lopez, who took her oath in March, and to the city.\n")
    assert ("her", "who") in pronoun_links(person(cast, "Maria Lopez"))


def test_no_link_when_the_previous_sentence_has_two_people_or_a_person_noun():
    cast = cast_of("Tom Hardy met Sarah Connor on Monday. He said little.\n\n"
                   "Paul Rudd arrived with his wife on Tuesday. She waved.\n")
    assert pronoun_links(person(cast, "Tom Hardy")) == []
    rudd = person(cast, "Paul Rudd")
    assert ("his", "same-sentence-subject") in pronoun_links(rudd)
    assert all(text != "She" for text, _ in pronoun_links(rudd))
    assert {m.text for m in cast.unlinked_pronouns} >= {"He", "She"}


def test_pronouns_inside_quotes_are_not_linked():
    cast = cast_of("Ann Lee spoke first. “He will not win,” Lee said.\n")
    assert pronoun_links(person(cast, "Ann Lee")) == []


def test_tentative_name_becomes_a_person_through_a_pronoun_link():
    cast = cast_of("The report was written last year by Zorba Quillfeather. He said it took months.\n")
    assert cast.people == []  # not the subject: no link, no person
    cast = cast_of("On Monday, Zorba Quillfeather finished the report. He said it took months.\n")
    p = person(cast, "Zorba Quillfeather")
    assert "pronoun" in p.evidence and pronoun_links(p) == [("He", "sentence-start")]


def test_known_people_seed_the_cast():
    extra = [KnownPerson("Dana Whitfield", titles=["Executive Editor"], pronouns="she"),
             KnownPerson("Omar Haddad", titles=["photographer"])]
    cast = cast_of("Whitfield approved the story on Sunday. The executive editor declined to comment.\n", extra)
    assert names(cast) == ["Dana Whitfield"]
    dana = cast.people[0]
    assert dana.known and dana.first.kind == "surname"
    assert cast.title_refs[0].person is dana
    assert dana.gender_evidence()["she"] == 2
    assert {p.name for p in cast.known} == {"Dana Whitfield", "Omar Haddad"}


def test_headline_mentions_link_but_do_not_introduce():
    cast = cast_of("Blinken lands in Israel\n\nSecretary of State Antony Blinken landed in Tel Aviv on "
                   "Thursday.\n")
    blinken = person(cast, "Antony Blinken")
    assert [m.kind for m in blinken.mentions] == ["surname", "full"]
    assert blinken.first.kind == "full"  # the first reference in the body


def test_to_dict_has_lines_and_is_json_ready(visit):
    a, cast = visit
    data = json.loads(json.dumps(cast.to_dict(a)))
    blinken = data["people"][0]
    assert blinken["id"] == "antony-blinken"
    assert (blinken["first"]["line"], blinken["first"]["column"]) == (1, 20)
    assert blinken["titles"][0]["line"] == 1
    assert data["title_refs"][0]["person"] == "antony-blinken"
    ref = data["title_refs"][0]
    assert a.source.text[ref["offset"]:ref["offset"] + ref["length"]] == "The secretary"


def test_render_cast_table(visit):
    a, _ = visit
    table = render_cast(a)
    assert "1. Antony Blinken" in table
    assert '1:20  "Secretary of State Antony Blinken"  (full)' in table
    assert '"The foreign minister"  -> Eli Cohen' in table
    assert render_cast(article("Nothing to see here.\n")) == "(no people found)"


def test_build_cast_is_linear_enough():
    text = "\n\n".join(VISIT for _ in range(20))
    a = article(text)
    assert_cpu_within(lambda: build_cast(a), 5)


def test_cast_command_text_and_json(tmp_path):
    path = tmp_path / "visit.txt"
    path.write_text(VISIT, encoding="utf-8")
    proc = run_cli("cast", path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Antony Blinken" in proc.stdout and "Title-only references:" in proc.stdout
    proc = run_cli("cast", "--format", "json", path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["path"] == str(path)
    assert [p["name"] for p in data["people"]][:2] == ["Antony Blinken", "Benjamin Netanyahu"]
    assert any(r["status"] == "linked" for r in data["title_refs"])


# The fast paths of the cast must find exactly what the plain scans they replace find.
TRICKY = [
    VISIT,
    "The an-Nahyan family met at-Tayyib Erdogan. John A. Smith Jr. and The Mayor of Paris spoke.",
    "O'Brien The Times said D’Angelo Russell, Jr. visited Mary Of Smith and Ann\u00a0Smith\u00a0The Guardian.",
    "the Geneva Motor Show on Thursday. Mr Bez - himself a former US Secretary of State Colin Powell aide - said.",
    "Foreign Minister Eli Cohen, deputy - chief executive Jane Doe and vice-president Kamala Harris met "
    "Anglo-French astronaut Neil Armstrong, “Secretary of State Antony Blinken” and (Gov. Jerry Brown).",
    "Lt. Gov. Mary Smith, Dr. Who, Sir Keir Starmer, Dame Judi Dench and the Rev. Al Green; Mrs. Jones, Mx Lee.",
    "Israel’s prime minister, the U.S.’s ambassador, the executive editor, the Israeli foreign minister "
    "and Netanyahu's former chief of staff all said.The secretary left; “The president” stayed.",
    "\u212aing Charles and the \u017fecretary of state John Kerry met \u0130stanbul's mayor Ekrem Imamoglu.",
    "Prime Minister\u00a0Boris Johnson and Health  Secretary Sajid Javid said that Chancellor Rishi Sunak "
    "2005 Minister Pedro Sanchez, said-Foreign Secretary Liz Truss.",
    "President George W Bush, Malcolm X, Obama A Promised Land, Det Supt Jo Brown and Dr Tony Holohan met "
    "the Sultan of Brunei. He and the Minister of St. Lucia, Lt Col Eric Schnaible, Prof Green.",
]


def _windowed_titled(text):
    """The titled-name scan before it was sped up: every word start near a trigger word."""
    import newslint.article.cast as C
    import newslint.article.cast.patterns as P

    pos = 0
    triggers = [m.start() for m in P._PLAIN_WORD.finditer(text) if m.group().lower() in P._TRIGGER_WORDS]
    for t in triggers:
        if t < pos:
            continue
        for ws in P._WORD_START.finditer(text, max(pos, t - C.TITLE_WINDOW), t + 1):
            word = P._PLAIN_WORD.match(text, ws.start())
            if word is not None and word.group().islower() and word.group() not in P._TITLE_START_WORDS:
                continue
            m = P._TITLED.match(text, ws.start())
            if m:
                yield m
                pos = m.end()
                break


@pytest.fixture(params=[False, True], ids=["regex", "re-twins"])
def twins(request, monkeypatch):
    """Run a test with the cast's re twins off and on (see ``_TwinSwitch``)."""
    import newslint.article.cast.patterns as P

    monkeypatch.setattr(P._TWINS, "on", request.param)
    return request.param


@pytest.mark.parametrize("text", TRICKY)
def test_fast_scans_match_the_plain_scans(text, twins):
    import newslint.article.cast.patterns as P
    import newslint.article.cast.names as N
    import newslint.article.cast.builder as B

    spans = lambda ms: [(m.span(), m.group()) for m in ms]  # noqa: E731
    assert spans(N._name_runs(text)) == spans(P._NAME_RUN.finditer(text))
    assert spans(N._name_runs(text, multi_word=True)) == [
        x for x in spans(P._NAME_RUN.finditer(text)) if len(x[1].replace("\u00a0", " ").split(" ")) > 1]
    assert spans(N._title_refs(text)) == spans(P._TITLE_REF.finditer(text))
    b = B._Builder.__new__(B._Builder)
    assert [(m.span(), m.group("name")) for m in b._titled_matches(text)] == \
        [(m.span(), m.group("name")) for m in _windowed_titled(text)]
    for p in range(len(text)):
        loose, strict = N._titled_at(text, p), P._TITLED.match(text, p)
        assert (loose and loose.span()) == (strict and strict.span())
    for words in (P._TRIGGER_WORDS, P._REF_TRIGGER_WORDS):
        assert N._trigger_starts(text, words) == [
            m.start() for m in P._PLAIN_WORD.finditer(text) if m.group().lower() in words]


def test_re_translation_finds_the_same_name_runs(monkeypatch):
    """``_name_runs`` scans Latin text with a stdlib ``re`` translation of its pattern: the same
    runs as the regex module on random texts of letters of every case class in ``_RE_SPAN``."""
    import random

    import newslint.article.cast.patterns as P
    import newslint.article.cast.names as N

    monkeypatch.setattr(P._TWINS, "on", True)
    rnd = random.Random(7)
    span = [chr(c) for a, b in P._RE_SPAN for c in range(a, b)]
    words = ["John", "Smith", "O'Neil", "D’Angelo", "al-Assad", "Jr.", "Jr", "II", "van", "de", "The", "É", "Émile",
             "ǅuro", "Ŋa", "ªb", "µ", "ß", "Ab-Cd", "Ab-cd", "A.", "B.-C.", "of", ",", "-", "’", "\u00a0", "  ",
             "\u200c", "Ąą", "Ɓɓ", "Ǆǆ", "€", "\u2071", "Ⅷ"]
    for _ in range(1500):
        parts = [rnd.choice(words) if rnd.random() < 0.6 else rnd.choice(span) if rnd.random() < 0.5 else " "
                 for _ in range(rnd.randint(1, 25))]
        text = "".join(parts) if rnd.random() < 0.5 else " ".join(parts)
        plain = [(m.span(), m.group()) for m in P._NAME_RUN.finditer(text)]
        assert [(m.span(), m.group()) for m in N._name_runs(text)] == plain, text
        assert [(m.span(), m.group()) for m in N._name_runs(text, multi_word=True)] == \
            [x for x in plain if " " in x[1] or "\u00a0" in x[1]], text


def test_re_translation_refuses_what_it_cannot_translate():
    import newslint.article.cast.patterns as P

    assert P._to_re(r"\p{Lu}[\w\-]x\b").startswith("[A-Z")
    # re's (?i) equates "ı" with "i" and "İ" with "I"; the regex module does neither
    assert P._to_re(r"(?i:is)") == "(?i:(?-i:[Iiİ])s)"
    for bad in (r"\p{N}", r"[\p{L}&&[^s]]", r"(?i)x", r"\X", r"(?i:[a-z])"):
        with pytest.raises(ValueError):
            P._to_re(bad)


@pytest.mark.parametrize("lead", ["", "Ωmega. "])  # Greek: the regex module's scans, not re's
def test_build_cast_time_is_linear_in_a_huge_block(lead, monkeypatch):
    """One block of 8x the text takes about 8x the time (quadratic spots made it 20-30x: a scan
    of the whole block's mentions per pronoun or quotation, a regex looking for "of" in all the
    rest of the block after every titled name)."""
    import time

    import newslint.article.cast.patterns as P

    monkeypatch.setattr(P._TWINS, "on", True)
    unit = ("“We will stay,” said Secretary Antony Blinken, who met Mr Smith of London and President "
            "Biden. He said he was sure. ")

    def cost(n):
        best = None
        for _ in range(2 if n < 1000 else 1):
            a = article(lead + unit * n)
            a.analysis.quotations
            for b in a.blocks:
                a.analysis.sentences(b)
            t0 = time.process_time()
            build_cast(a)
            t = time.process_time() - t0
            best = t if best is None else min(best, t)
        return best

    cost(5)  # patterns compiled on first use
    assert_scales_linearly(cost, 300, 8, allowed=15)


def test_re_twins_match_like_their_patterns():
    """Every ``_Twin``'s re translation finds what its regex-module pattern finds: at every
    position, and with ``pos``/``endpos`` as the passes call them (random texts of corpus-like
    words, title and pronoun words, and any character of ``_RE_SPAN``)."""
    import random

    import newslint.article.cast.patterns as P

    rnd = random.Random(11)
    span = [chr(c) for a, b in P._RE_SPAN for c in range(a, b)]
    words = (VISIT.replace("\n", " \n ").split(" ")
             + ["Mr", "Dr.", "Gov.", "the", "The", "former", "ex-", "deputy", "vice-", "U.S.", "ſecretary", "İ", "ı",
                "hİm", "ſhe", "HE", "Jr.", "O'Brien", "al-Assad", "Émile", "W", "A", "I", "Dr", "Det", "Supt", "Brunei.", "\u00a0", "  ", "’s", "\x1c", "“", "”", "("])
    twins = [t for t in vars(P).values() if isinstance(t, P._Twin)]
    assert len(twins) >= 10
    key = lambda m: m and (m.span(), m.groups())  # noqa: E731
    for _ in range(25):
        parts = [rnd.choice(words) if rnd.random() < 0.85 else rnd.choice(span) for _ in range(rnd.randint(3, 30))]
        text = " ".join(parts) if rnd.random() < 0.8 else "".join(parts)
        assert P._re_span(text)
        for t in twins:
            fast, plain = t.re(), t.rx
            for p in range(len(text)):
                assert key(fast.match(text, p)) == key(plain.match(text, p)), (plain.pattern[:60], p, text)
            for _ in range(5):
                p, q = sorted((rnd.randint(0, len(text)), rnd.randint(0, len(text))))
                assert key(fast.fullmatch(text, p, q)) == key(plain.fullmatch(text, p, q))
                assert [m.span() for m in fast.finditer(text, p, q)] == [m.span() for m in plain.finditer(text, p, q)]
                assert key(fast.search(text[p:q])) == key(plain.search(text[p:q]))


def test_pronoun_prefilter_never_hides_a_pronoun():
    """``link_pronouns`` skips the pronoun scan of a block ``_may_hold_pronoun`` rules out."""
    import random

    import newslint.article.cast.patterns as P
    import newslint.article.cast.names as N

    rnd = random.Random(5)
    pieces = ["he", "HE", "Him", "hİm", "ſhe", "theirs", "THEMSELVES", "her5", "_his", "é", "ﬁ", "’", "-", " ", ".",
              "the", "Smith", "\u212a", "\u0130", "ı", "hers", "x", "“", "\u00a0", "they’re", "She"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        N._lowered.cache_clear()
        if P._PRONOUN.search(text):
            assert N._may_hold_pronoun(text), text
    assert not N._may_hold_pronoun("The minister met Smith on Monday.")
    assert N._may_hold_pronoun("Then she left.")


def test_re_twins_are_used_after_enough_text(monkeypatch):
    """Small runs do not pay for building the twins; ``prepare_patterns`` turns them on at once."""
    import newslint.article.cast as C
    import newslint.article.cast.core as CORE
    import newslint.article.cast.names as N
    import newslint.article.cast.patterns as P
    import newslint.article.cast.titles as T

    def new_switch():  # every module that reads ``_TWINS`` gets the new switch
        switch = P._TwinSwitch()
        for module in (P, T, N, CORE):
            monkeypatch.setattr(module, "_TWINS", switch)

    new_switch()
    build_cast(article("Secretary of State Antony Blinken met Mr Smith.\n"))
    assert not P._TWINS.on
    P._TWINS.count(C.TWIN_THRESHOLD)
    assert P._TWINS.on
    new_switch()
    C.prepare_patterns()
    assert P._TWINS.on and P._TITLED_TWIN._re is not None


# -- reading names the way a copy editor does -------------------------------------------------

def test_names_in_a_list_with_a_person_are_people():
    # "Ilse" and "Tomasz" are not in the given-name list: the list makes them people
    cast = cast_of("The debate featured Elizabeth Warren, Ilse Aigner and Tomasz Lis on one stage.\n\n"
                   "Aigner said the plan was too costly.\n")
    assert names(cast) == ["Elizabeth Warren", "Ilse Aigner", "Tomasz Lis"]
    assert person(cast, "Ilse Aigner").mention_counts()["surname"] == 1


def test_a_list_of_companies_alone_stays_out_of_the_cast():
    cast = cast_of("Shares in Goldman Sachs, Morgan Stanley and Deutsche Boerse fell on Monday.\n")
    assert cast.people == []


def test_a_company_repeated_in_full_is_not_a_person():
    cast = cast_of("Shares in Ask Jeeves rose 5% after the search firm said profits had doubled.\n\n"
                   "Ask Jeeves said it would hire 200 staff.\n\n"
                   "The results were the best since Ask Jeeves was founded.\n")
    assert cast.people == []


def test_a_person_quoted_once_is_still_a_person():
    cast = cast_of("“Demand is strong,” said Bhanu Baweja, a strategist at UBS.\n\n"
                   "Baweja expects rates to rise.\n")
    assert names(cast) == ["Bhanu Baweja"]


def test_title_only_reference_stops_at_the_full_stop():
    cast = cast_of("Guests at the wedding included the Sultan of Brunei. He arrived with his wife.\n\n"
                   "The Minister of St. Lucia spoke later.\n")
    texts = [r.text for r in cast.title_refs]
    assert texts == ["the Sultan of Brunei", "The Minister of St. Lucia"]
    assert cast.title_refs[0].qualifiers == ["Brunei"]
    assert [m.text for m in cast.unlinked_pronouns][:1] == ["He"]


@pytest.mark.parametrize("text, who, title", [
    ("Secretary of Energy Spencer Abraham said the plan was sound.\n", "Spencer Abraham", "Secretary of Energy"),
    ("Minister of Foreign Affairs Ayman Safadi met the envoy.\n", "Ayman Safadi", "Minister of Foreign Affairs"),
    ("Chief Executive of Ask Jeeves Steve Berkowitz said profits rose.\n", "Steve Berkowitz",
     "Chief Executive of Ask Jeeves"),
    ("Labour's rival Chancellor Gordon Brown said the plan was sound.\n", "Gordon Brown", "Chancellor"),
])
def test_the_name_is_not_swallowed_into_the_title(text, who, title):
    cast = cast_of(text)
    assert names(cast) == [who]
    assert [t.text for t in person(cast, who).titles] == [title]


def test_a_title_complement_that_runs_into_a_publication_names_nobody():
    cast = cast_of("The story was broken by editor of Iowa Starting Line on Monday.\n")
    assert cast.people == []


def test_a_descriptor_and_one_word_is_not_a_person():
    cast = cast_of("Its rival Google and German publisher Bertelsmann both bid for the company.\n")
    assert cast.people == []


def test_first_name_after_a_title_is_the_first_name_of_the_person():
    cast = cast_of("Sir Alan Budd will lead the inquiry into the visa.\n\n"
                   "It will be up to Sir Alan to decide.\n\n"
                   "Pete Buttigieg drew a crowd. Voters chanted for Mayor Pete.\n")
    assert names(cast) == ["Alan Budd", "Pete Buttigieg"]
    assert person(cast, "Alan Budd").mention_counts()["first-name"] == 1
    assert person(cast, "Pete Buttigieg").mention_counts()["first-name"] == 1


def test_will_smith_said_at_a_sentence_start():
    cast = cast_of("Will Smith said he would attend the premiere.\n\n"
                   "Will Grant survive the vote? Will Jones say yes?\n")
    assert names(cast) == ["Will Smith"]
    assert pronoun_links(person(cast, "Will Smith")) == [("he", "said-that")]


def test_shadow_title_is_another_post():
    cast = cast_of("Shadow home secretary David Davis says Mr Blunkett should quit.\n\n"
                   "The home secretary described how it affected his friends.\n")
    ref = cast.title_refs[0]
    assert ref.text == "The home secretary" and ref.status == "unlinked"


def test_titled_name_is_the_subject_of_its_sentence():
    cast = cast_of("Secretary of State Antony Blinken said the talks went well. He flew home on Friday.\n")
    assert pronoun_links(person(cast, "Antony Blinken")) == [("He", "sentence-start")]


def test_an_object_pronoun_is_not_its_own_subject():
    cast = cast_of("In 2021, President Joe Biden nominated her to be solicitor general.\n\n"
                   "Justice Samuel Alito cut her off before she could finish.\n")
    assert person(cast, "Joe Biden").pronouns == Counter()
    assert person(cast, "Samuel Alito").pronouns == Counter()


def test_a_plural_subject_gives_no_sentence_start_link():
    cast = cast_of("Judge Samuel Alito and the others returned to the bench. He praised the lawyers.\n")
    assert person(cast, "Samuel Alito").pronouns == Counter()


def test_the_subjects_own_appositive_leaves_a_sentence_start_link_and_a_company_is_no_person():
    cast = cast_of("Joanna Reyes, an attorney who represents 40 families suing Hollis Chemical, told the crowd "
                   "that tests had found PFAS in children. He said the families want the company to pay.\n")
    assert names(cast) == ["Joanna Reyes"]
    assert pronoun_links(person(cast, "Joanna Reyes")) == [("He", "sentence-start")]
    # someone else in the appositive ("the mother of a boy") may be meant: no link
    cast = cast_of("Joanna Reyes, the mother of a boy who was sick, told the crowd that tests had found PFAS. "
                   "He said the families want the company to pay.\n")
    assert pronoun_links(person(cast, "Joanna Reyes")) == []


def test_a_post_owned_by_a_lower_case_noun_before_a_name_set_off_by_commas():
    cast = cast_of("The union’s executive director, Marcus Bell, said the offer was low. The executive director "
                   "said he would meet.\n\nHis wife, Jane Doe, said he was home.\n")
    bell = person(cast, "Marcus Bell")
    assert [(t.text, t.head) for t in bell.titles] == [("union’s executive director", "executive director")]
    assert [(r.text, r.person) for r in cast.title_refs] == [("The executive director", bell)]
    assert person(cast, "Jane Doe").titles == []  # (no post)


def test_a_post_and_a_role_that_is_no_title_after_a_name():
    cast = cast_of("Robert Hanley, the league’s general counsel and chief negotiator, spent two decades in "
                   "Chicago. The general counsel said he was ready.\n")
    hanley = person(cast, "Robert Hanley")
    assert [t.head for t in hanley.titles] == ["general counsel"]
    assert [(r.text, r.person) for r in cast.title_refs] == [("The general counsel", hanley)]


def test_a_lower_case_portfolio_in_a_title_answers_to_its_short_form():
    cast = cast_of("NAIROBI, Kenya — Canada’s minister of international trade, Helena Marchetti, signed the deal."
                   "\n\nThe trade minister said she was pleased.\n")
    marchetti = person(cast, "Helena Marchetti")
    assert [t.text for t in marchetti.titles] == ["Canada’s minister of international trade"]
    assert {"trade minister", "international trade minister"} <= marchetti.titles[0].heads
    assert [(r.text, r.person) for r in cast.title_refs] == [("The trade minister", marchetti)]
    cast = cast_of("Minister for Foreign Affairs Ann Lee met Minister of the Interior Tom Hale.\n")
    assert "foreign minister" in person(cast, "Ann Lee").titles[0].heads
    assert "interior minister" in person(cast, "Tom Hale").titles[0].heads


def test_a_post_and_a_description_and_a_lower_case_organisation_kind():
    cast = cast_of("Daniel Okafor, the committee’s chair and a member of the governing Centre Alliance, opened "
                   "the session.\n\nVictor Salazar, president of the Harlow school board, said the board would wait. "
                   "The board president said the members had not been briefed.\n")
    assert [t.text for t in person(cast, "Daniel Okafor").titles] == ["committee’s chair"]
    salazar = person(cast, "Victor Salazar")
    assert {"board president", "school board president"} <= salazar.titles[0].heads
    assert [(r.text, r.person) for r in cast.title_refs] == [("The board president", salazar)]


def test_titles_in_organisation_names_hold_no_person():
    cast = cast_of("The President Obama Foundation and the Secretary of State's office declined to comment.\n")
    assert cast.people == [] and cast.title_refs == []


def test_british_abbreviated_titles_without_a_full_point():
    cast = cast_of("Dr Tony Holohan said the virus was spreading. Det Supt Jo Brown said she was concerned.\n\n"
                   "Lt Col Eric Schnaible said he agreed.\n")
    assert names(cast) == ["Tony Holohan", "Jo Brown", "Eric Schnaible"]
    assert [person(cast, n).titles[0].text for n in names(cast)] == ["Dr", "Det Supt", "Lt Col"]
    assert [person(cast, n).titles[0].head for n in names(cast)] == ["doctor", "superintendent", "colonel"]


def test_a_middle_initial_without_a_point():
    cast = cast_of("President George W Bush said he would veto the bill. Bush spoke in Texas.\n\n"
                   "Malcolm X was born in Omaha. Obama A Promised Land sold well.\n")
    bush = person(cast, "George W Bush")
    assert (bush.given, bush.surname, bush.first.kind) == ("George", "Bush", "full")
    assert bush.mention_counts()["surname"] == 1
    assert all("Promised" not in n for n in names(cast))


def test_a_name_whose_surname_speaks_later_is_a_person():
    cast = cast_of("Officials met Nesma Hajjaj at the border crossing on Monday.\n\n"
                   "“We waited for hours,” Hajjaj said.\n\n"
                   "Shares in Time Warner rose. Time Warner said profits were up.\n")
    assert names(cast) == ["Nesma Hajjaj"]
    assert "surname-attribution" in person(cast, "Nesma Hajjaj").evidence


def test_adjectives_and_determiners_before_a_name_are_not_part_of_it():
    cast = cast_of("Both Jamie Foxx and Tunisian-born Abdellatif Kechiche won awards. Houston-based Continental "
                   "Airlines fell.\n\nKechiche said he was delighted.\n")
    assert names(cast) == ["Jamie Foxx", "Abdellatif Kechiche"]


def test_a_person_noun_between_subject_and_pronoun_blocks_the_link():
    cast = cast_of("Usman Hasib runs the business now.\n\n"
                   "Hasib said an employee noticed after six minutes when she saw the reflection.\n")
    assert person(cast, "Usman Hasib").pronouns == Counter()


def test_an_object_pronoun_after_a_bracket_or_an_appositive_is_not_the_subject():
    cast = cast_of("Sen. Elizabeth Warren, D-Mass., praised her. Rep. Alexandria Ocasio-Cortez (D-N.Y.) agreed "
                   "with her. Gen Augusto Pinochet has never been put on trial, despite cases against him.\n")
    assert person(cast, "Elizabeth Warren").pronouns == Counter()
    assert person(cast, "Alexandria Ocasio-Cortez").pronouns == Counter()
    assert pronoun_links(person(cast, "Augusto Pinochet")) == [("him", "same-sentence-subject")]


def test_titles_inside_more_organisation_names():
    cast = cast_of("The Prince's Trust said it would help. The Governor's Mansion was closed. Guests stayed at the "
                   "President Hotel.\n\nThe Secretary of State's office said the report was late. Dan Fellman, "
                   "president of distribution at Warner Bros, said sales rose.\n")
    assert names(cast) == ["Dan Fellman"]
    assert person(cast, "Dan Fellman").titles[0].text == "president of distribution at Warner Bros"
    assert cast.title_refs == []


def test_a_run_of_title_words_is_no_name():
    cast = cast_of("The Trade Secretary said exports rose. Jeremy Dear, NUJ General Secretary, said staff would "
                   "strike. Supervisor Alfredo Pedroza said the county would help. Massachusetts Joshua Levy said "
                   "no.\n\nMr King said he was pleased.\n")
    assert names(cast) == ["Jeremy Dear", "Alfredo Pedroza", "Joshua Levy", "King"]
    assert person(cast, "Jeremy Dear").titles[0].text == "NUJ General Secretary"


def test_east_asian_names_put_the_family_name_first():
    cast = cast_of("Chinese President Xi Jinping met North Korean leader Kim Jong Un in Beijing. Xi said he "
                   "welcomed the visit.\n\nSouth Korean President Moon Jae-in and Kim Kardashian were not there. "
                   "Lee Evans said he was busy.\n")
    xi, kim, moon = person(cast, "Xi Jinping"), person(cast, "Kim Jong Un"), person(cast, "Moon Jae-in")
    assert [(p.surname, p.given) for p in (xi, kim, moon)] == [("Xi", "Jinping"), ("Kim", "Jong Un"), ("Moon", "Jae-in")]
    assert xi.mention_counts()["surname"] == 1 and pronoun_links(xi) == [("he", "said-that")]
    assert kim.titles[0].text == "North Korean leader" and not kim.titles[0].formal
    assert [(p.surname, p.given) for p in (person(cast, "Kim Kardashian"), person(cast, "Lee Evans"))] == \
        [("Kardashian", "Kim"), ("Evans", "Lee")]


def test_a_korean_name_with_no_known_given_name_is_a_person_by_its_shape():
    cast = cast_of("Nam Ji-hoon, a senior analyst at the institute, said he was not surprised. Later, Song Ji-hyo "
                   "arrived later. Song Lines and Han Solo were not there.\n")
    assert names(cast) == ["Nam Ji-hoon", "Song Ji-hyo"]
    nam = person(cast, "Nam Ji-hoon")
    # (its own post set off before the verb: "NAME, TITLE, said he", as firm as "NAME said he")
    assert (nam.surname, nam.given) == ("Nam", "Ji-hoon") and pronoun_links(nam) == [("he", "said-that")]


def test_a_company_the_story_names_in_full_elsewhere_is_nobody_a_pronoun_could_mean():
    cast = cast_of("Redwood Coast Power & Light agreed to pay $1.6 billion.\n\nGraham Pell, the utility's chief "
                   "executive, told commissioners that Redwood Coast accepted responsibility. He said the company "
                   "would not raise rates.\n")
    assert pronoun_links(person(cast, "Graham Pell")) == [("He", "sentence-start")]
    alone = cast_of("Graham Pell, the utility's chief executive, told commissioners that Redwood Coast accepted "
                    "responsibility. He said the company would not raise rates.\n")
    assert pronoun_links(person(alone, "Graham Pell")) == []  # (a two-word name the story gives nothing else on)


def test_leader_needs_a_qualifier_and_sir_stays_a_title():
    cast = cast_of("Sales at market leader Best Buy rose. Manchester United manager Sir Alex Ferguson said he "
                   "was pleased.\n\nSir Alex added that the team would improve.\n")
    assert names(cast) == ["Alex Ferguson"]
    fergie = person(cast, "Alex Ferguson")
    # (the post written before "Sir" is his title too)
    assert [t.text for t in fergie.titles][:2] == ["Manchester United manager", "Sir"]
    assert fergie.mention_counts()["first-name"] == 1


def test_a_place_is_never_a_first_name_mention():
    cast = cast_of("Jordan Peterson spoke in Amman on Monday.\n\nKing Abdullah II of Jordan listened.\n")
    assert person(cast, "Jordan Peterson").mention_counts()["first-name"] == 0


def test_a_company_whose_last_word_is_only_part_of_other_names():
    cast = cast_of("Time Warner said profits rose. Warner Bros had a good year.\n\n"
                   "Time Warner shares fell 2% on Friday.\n")
    assert cast.people == []


def test_us_congressional_and_cabinet_titles():
    cast = cast_of("Senate Majority Leader Chuck Schumer met House Speaker Mike Johnson and Homeland Security "
                   "Secretary Alejandro Mayorkas.\n\n"
                   "The homeland security secretary said he needed more agents. The speaker declined.\n")
    assert names(cast) == ["Chuck Schumer", "Mike Johnson", "Alejandro Mayorkas"]
    assert person(cast, "Chuck Schumer").titles[0].text == "Senate Majority Leader"
    refs = [(r.text, r.person.name if r.person else None) for r in cast.title_refs]
    assert refs == [("The homeland security secretary", "Alejandro Mayorkas"), ("The speaker", "Mike Johnson")]


def test_the_speaker_of_a_quotation_is_the_subject_of_its_sentence():
    cast = cast_of("Chuck Schumer spoke on Tuesday.\n\n"
                   "“We are not going to let this die,” Schumer told reporters. He said the vote could come soon.\n")
    assert pronoun_links(person(cast, "Chuck Schumer")) == [("He", "sentence-start")]


def test_a_title_inside_a_run_before_a_given_name():
    cast = cast_of("Carib Chief Charles Williams said the land was theirs. Baark Volunteer Coordinator Bonnie "
                   "Young agreed.\n")
    assert names(cast) == ["Charles Williams", "Bonnie Young"]


def test_a_title_before_a_name_set_off_by_commas_is_the_name_s():
    cast = cast_of("Zelenskyy’s chief of staff, Andriy Yermak, said the visit was a success. The Mayor of London, "
                   "Ken Livingstone, agreed.\n\nThe chief of staff said more aid would come.\n")
    yermak, ken = person(cast, "Andriy Yermak"), person(cast, "Ken Livingstone")
    assert [(t.text, t.position) for t in yermak.titles] == [("Zelenskyy’s chief of staff", "after")]
    assert [t.text for t in ken.titles] == ["Mayor of London"]
    assert [(r.text, r.person) for r in cast.title_refs] == [("The chief of staff", yermak)]

    cast = cast_of("Israel's ambassador to the United Nations, Gilad Erdan, said the resolution was one-sided.\n")
    assert [t.text for t in person(cast, "Gilad Erdan").titles] == ["Israel's ambassador to the United Nations"]
    assert cast.title_refs == []


def test_no_sentence_start_link_after_a_quotation_about_someone_else():
    cast = cast_of("Nancy Pelosi spoke on Monday.\n\n“He is a danger to democracy,” Pelosi said. He has denied it.\n")
    assert pronoun_links(person(cast, "Nancy Pelosi")) == []


def test_generic_he_or_she_is_nobody():
    cast = cast_of("Michael Martin is the Speaker of the Commons. He or she is always an MP chosen by fellow "
                   "MPs, and his/her word is final.\n")
    assert person(cast, "Michael Martin").pronouns == Counter()


def test_an_indefinite_titled_person_between_subject_and_pronoun_blocks_the_link():
    cast = cast_of("Gordon Brown has criticised a union leader who said conflict between himself and Tony Blair "
                   "was harmful.\n\nMr Khatami's second term as president ends in August, making this his last "
                   "budget.\n")
    assert person(cast, "Gordon Brown").pronouns == Counter()
    assert pronoun_links(person(cast, "Khatami")) == [("his", "same-sentence-subject")]


def test_an_object_pronoun_in_a_who_clause_is_not_the_name():
    cast = cast_of("Her husband, Tony Garciaparra, who was in the stands to see her, cheered. On Sunday, Lleyton Hewitt, "
                   "who had never reached the final, said he was proud.\n")
    assert person(cast, "Tony Garciaparra").pronouns == Counter()
    assert pronoun_links(person(cast, "Lleyton Hewitt")) == [("he", "same-sentence-subject")]


def test_local_offices_are_titles():
    cast = cast_of("Manhattan District Attorney Alvin Bragg said the case would proceed. The district attorney "
                   "declined to comment further.\n")
    assert person(cast, "Alvin Bragg").titles[0].head == "district attorney"
    assert [(r.text, r.status) for r in cast.title_refs] == [("The district attorney", "linked")]


def test_a_run_ending_in_a_function_word_is_no_name():
    cast = cast_of("Party Like It’s 1923: the show opened.\n\nIt ran for a year, and he said it was a hit.\n")
    assert cast.people == []
    cast = cast_of("Theresa May said the talks would go on. May spoke later.\n")
    assert person(cast, "Theresa May").mention_counts()["surname"] == 1


def test_a_title_complement_with_to_and_the_title_of_the_name_after_it():
    cast = cast_of("U.S. Ambassador to Israel Jack Lew said Washington stood with Israel. The ambassador said he "
                   "had visited the border.\n\nJohn Kirby, spokesman for President Joe Biden, agreed. He met special "
                   "advisor to chief executive Jeroen van der Veer.\n")
    assert person(cast, "Jack Lew").titles[0].text == "U.S. Ambassador to Israel"
    assert [(r.text, r.person.name) for r in cast.title_refs] == [("The ambassador", "Jack Lew")]
    assert [t.text for t in person(cast, "Joe Biden").titles] == ["President"]
    assert [t.text for t in person(cast, "Jeroen van der Veer").titles] == ["chief executive"]


def test_a_complement_running_past_a_word_that_may_end_one_ends_at_a_given_name():
    # "Research" may end a complement ("Director of Research John Smith"); here the complement goes on
    cast = cast_of("Associate Vice Provost for Research Integrity Samuel Okafor said the panel would meet. "
                   "Director of Research John Paul Hale agreed.\n")
    assert names(cast) == ["Samuel Okafor", "John Paul Hale"]
    assert person(cast, "Samuel Okafor").titles[0].text == "Associate Vice Provost for Research Integrity"


def test_a_lower_case_particle_surname_opening_a_sentence():
    cast = cast_of("Egyptian President Abdel Fattah el-Sissi met the envoy in Cairo. El-Sissi said he welcomed "
                   "the visit.\n")
    sissi = person(cast, "Abdel Fattah el-Sissi")
    assert sissi.mention_counts()["surname"] == 1 and pronoun_links(sissi) == [("he", "said-that")]


def test_known_titles_are_parsed_once_but_each_cast_gets_its_own():
    extra = [KnownPerson("Dana Whitfield", titles=["Executive Editor of the Ledger"])]
    first = cast_of("Whitfield approved the story on Sunday.\n", extra)
    second = cast_of("Whitfield declined to comment.\n", extra)
    t1, t2 = first.people[0].titles[0], second.people[0].titles[0]
    assert t1 is not t2 and t1.qualifiers is not t2.qualifiers
    assert (t1.head, t1.qualifiers, t1.position) == (t2.head, t2.qualifiers, "known")
    t1.qualifiers.append("Gazette")  # one cast changing its title leaves the next one alone
    third = cast_of("Whitfield said no.\n", extra)
    assert third.people[0].titles[0].qualifiers == t2.qualifiers


def test_known_people_the_story_does_not_name_are_skipped_cheaply_but_exactly():
    extra = [KnownPerson("Abdel Fattah el-Sissi", titles=["President"]),
             KnownPerson("Dana Whitfield", titles=["Executive Editor"]),
             KnownPerson("Omar van der Veer", titles=["photographer"])]
    cast = cast_of("El-Sissi met the delegation on Sunday. Later, Van  der Veer took pictures.\n", extra)
    assert sorted(names(cast)) == ["Abdel Fattah el-Sissi", "Omar van der Veer"]
    assert [m.text for m in person(cast, "Abdel Fattah el-Sissi").mentions] == ["El-Sissi"]
    assert [m.text for m in person(cast, "Omar van der Veer").mentions] == ["Van  der Veer"]
    assert {p.name for p in cast.known} == {"Abdel Fattah el-Sissi", "Dana Whitfield", "Omar van der Veer"}


def test_an_abbreviated_title_after_an_occupation_and_a_weak_head_standing_alone():
    cast = cast_of("Police spokesman Lt. Marcus Bell said officers were called. The lieutenant said he could not "
                   "discuss the video.\n")
    assert names(cast) == ["Marcus Bell"]
    assert [t.text for t in person(cast, "Marcus Bell").titles] == ["Police spokesman", "Lt."]
    assert [(r.text, r.person.name) for r in cast.title_refs] == [("The lieutenant", "Marcus Bell")]
    assert pronoun_links(person(cast, "Marcus Bell")) == [("he", "said-that")]
    cast = cast_of("Health Commissioner Dr. Alan Whitaker said 40 cases were confirmed. The commissioner said he "
                   "expected more.\n")
    assert [t.text for t in person(cast, "Alan Whitaker").titles] == ["Health Commissioner", "Dr."]
    assert [(r.text, r.person.name) for r in cast.title_refs] == [("The commissioner", "Alan Whitaker")]
    cast = cast_of("Police spokeswoman Det Sgt Jane Doe said officers arrived. The sergeant said she had no details.\n")
    assert names(cast) == ["Jane Doe"]
    assert [(r.text, r.person.name) for r in cast.title_refs] == [("The sergeant", "Jane Doe")]


def test_a_weak_head_alone_links_only_as_a_subject_or_speaker():
    cast = cast_of("State director of emergency management and homeland security Alicia Brandt said her agency "
                   "had opened shelters.\n\nThe director said the shelters were full. Turnout in the general "
                   "election was low, and a study by The Director found little.\n")
    assert [(r.text, r.person.name) for r in cast.title_refs] == [("The director", "Alicia Brandt")]


def test_a_police_or_fire_chief_is_the_chief():
    cast = cast_of("Fire Chief Robert Alvarez said crews had contained the blaze. The chief said he expected the "
                   "road to reopen Friday.\n")
    assert [(r.text, r.person.name) for r in cast.title_refs] == [("The chief", "Robert Alvarez")]


def test_a_county_executive_is_a_title():
    cast = cast_of("County Executive Janet Moore announced the budget. The county executive said she had no choice.\n")
    assert [(r.text, r.person.name) for r in cast.title_refs] == [("The county executive", "Janet Moore")]


def test_a_courtesy_title_settles_whom_a_sentence_start_pronoun_means():
    text = "Judge Karen Whitlock told Mr. Ward to stay away from the bar. She set the next hearing for Dec. 4.\n"
    assert ("She", "sentence-start") in pronoun_links(person(cast_of(text), "Karen Whitlock"))
    text = "Judge Karen Whitlock told Jalen Ward to stay away from the bar. She set the next hearing for Dec. 4.\n"
    assert pronoun_links(person(cast_of(text), "Karen Whitlock")) == []


def test_title_alone_links_by_story_order_possessive_and_appositive():
    """Several directors: "The director" is the one introduced as director so far; "the
    department's chief" is the one chief; a post with a name after it is that person's; an
    appositive may name the post with lower-case words ("the county's police chief")."""
    cast = build_cast(article(
        "Dr. Priya Natarajan, director of the county health department, said cases rose.\n\n"
        "The director said schools would check records.\n\n"
        "Health Director Gregory Hale said beds were full.\n\n"
        "The director said more doses were coming."))
    refs = [(r.text, r.person.name if r.person else None) for r in cast.title_refs]
    assert refs == [("The director", "Priya Natarajan")]  # (the second: two directors known by then)
    cast = build_cast(article(
        "Sandra Cole, the county's police chief, said crews arrived fast.\n\n"
        "The department's chief said the road would reopen."))
    assert [(r.text, r.person.name) for r in cast.title_refs] == [("The department's chief", "Sandra Cole")]
    cast = build_cast(article(
        "Owner Victoria Lang said the club would wait.\n\n"
        "“We will look at everything,” said the club's owner, Ana Ruiz."))
    assert [r.text for r in cast.title_refs if r.person is not None and r.person.name == "Victoria Lang"] == []


def test_a_post_named_after_its_organisation_has_short_forms():
    t = parse_title("chief of the Tehama County Fire Department", "after")
    assert t is not None and t.formal and {"fire chief", "department chief"} <= t.heads
    t = parse_title("executive director of the Westbrook Regional Transit Authority", "after")
    assert "transit director" in t.org_heads and "regional director" not in t.heads  # (a modifier)
    assert "transportation director" in parse_title("director of the Department of Transportation", "after").heads
    assert not parse_title("deputy director of the Westbrook Regional Transit Authority", "after").org_heads
    assert not parse_title("chief of the Acme Corp", "after").formal  # no chief's title among its forms
    assert parse_title("chief of the Tehama County Fire Department", "ref") is None  # (appositives only)


def test_a_who_clause_naming_an_organisation_gives_a_post_and_a_title_points_back():
    cast = cast_of("Rosa Delacruz, chief of the Tehama County Fire Department, said the fire spread fast.\n\n"
                   "The fire chief said she had not seen anything like it.\n\n"
                   "Linda Carrasco, who chairs the Tehama County Board of Supervisors, said the county asked for help.\n\n"
                   "Fire Chief Linda Carrasco said fees would be waived.\n\nThe board chair said the county would pay.")
    carrasco = person(cast, "Linda Carrasco")
    assert any(t.head == "chair" and "board chair" in t.heads for t in carrasco.titles)
    refs = {r.text: r for r in cast.title_refs}
    assert refs["The fire chief"].person is person(cast, "Rosa Delacruz")  # the one given the post before it
    assert refs["The board chair"].person is carrasco


def test_a_pronoun_after_a_semicolon_links_to_the_one_person_its_clause_names():
    text = ("Lorraine Pike, executive director of the Westbrook Regional Transit Authority, said ridership "
            "would double.\n\nReporters asked the transit director after the meeting whether fares would go up; "
            "he said he could not rule it out.")
    assert ("he", "clause-object") in pronoun_links(person(cast_of(text), "Lorraine Pike"))
    for subject in ("A reporter asked", "Smith asked"):  # someone the he may mean
        cast = cast_of(text.replace("Reporters asked", subject))
        assert ("he", "clause-object") not in pronoun_links(person(cast, "Lorraine Pike"))


def test_an_organisation_complement_of_capitals_does_not_backtrack():
    # each word of the organisation's name ends at a space: a run of capitals has one split only
    # (a pattern that could split "ABC" as "A" + "BC" took 0.8 s at 22 capitals, and doubles per letter)
    for text in ("chief of the " + "A" * 200 + " x", "chief of the " + "Ab " * 2000 + "x"):
        assert not parse_title(text, "after").org_heads


def test_a_post_set_off_after_a_name_whose_organisation_goes_on_in_capitals_names_nobody():
    cast = cast_of("Martin Kessler, president and chief executive officer of Gulf South Power, said crews were out. "
                   "Kessler said 3,800 poles were down.\n\nOthers on the list included Matthew Miller, deputy "
                   "secretary for Near Eastern Affairs Barbara Leaf and special envoy for hostage issues Steve Gillen.")
    assert "South Power" not in names(cast)
    assert {"Martin Kessler", "Barbara Leaf", "Steve Gillen"} <= set(names(cast))  # (a list of titled names stays)


def test_an_appositive_after_a_party_tag_or_a_home_state_is_the_lawmakers_post():
    cast = cast_of("Sen. Patricia Lindqvist, D-Minn., the committee's chairwoman, opened the hearing. Lindqvist said "
                   "the panel would vote.\n\nSen. Gordon Pryce of Kansas, the committee's chairman, pressed the company.")
    assert any(t.head == "chairwoman" for t in person(cast, "Patricia Lindqvist").titles)
    assert any(t.head == "chairman" for t in person(cast, "Gordon Pryce").titles)


def test_a_title_that_ends_an_office_name_is_not_the_next_names_title():
    cast = cast_of("Attorney General Daniel Whitcomb said he would appeal. The motion would be filed within 10 days, "
                   "said deputy communications director for the Office of the Attorney General Nathan Price.")
    assert not person(cast, "Nathan Price").titles
    assert any(t.head == "attorney general" for t in person(cast, "Daniel Whitcomb").titles)


def test_a_surname_set_off_by_a_who_clause_then_speaking_is_a_person():
    cast = cast_of("European Union high representative for foreign affairs and security policy Katrin Lindqvist "
                   "joined the afternoon session.\n\nLindqvist, who took up the post in January, said the quarrel "
                   "had cost her team three weeks.")
    assert "Katrin Lindqvist" in names(cast)


def test_a_place_named_for_its_landform_is_nobody():
    # "Pine Hollow", "Cedar Springs", "Bear Creek": the last word is a place's, never a surname here
    cast = cast_of("Premier Catherine Moreau toured Pine Hollow by helicopter. Crews reached Cedar Springs "
                   "and Bear Creek on Friday.\n")
    assert names(cast) == ["Catherine Moreau"]


def test_a_post_opening_its_clause_after_a_lead_in_is_the_named_persons():
    # "In Washington," is a lead-in's place, not a name the post is set off after
    cast = cast_of("In Washington, Director of the Office of Research Integrity Kenneth Alvarez said his "
                   "office had opened its own review.\n")
    assert person(cast, "Kenneth Alvarez").titles[0].text == "Director of the Office of Research Integrity"
    # a post set off after a name is that person's own (both posts, the body named after the second)
    cast = cast_of("Martin Kessler, president and chief executive officer of Gulf South Power, said no.\n")
    assert [t.text for t in person(cast, "Martin Kessler").titles] == [
        "president and chief executive officer of Gulf South Power"]
    assert names(cast) == ["Martin Kessler"]


def test_a_mission_ends_an_organisations_name():
    cast = cast_of("Head of the International Election Observation Mission Anneliese Brandt said the delay "
                   "was no cause for alarm.\n")
    assert names(cast) == ["Anneliese Brandt"]


@pytest.mark.parametrize("text, name, head", [
    # a fire district with a longer name, and a body named for its police
    ("Lydia Fairbanks, chief of the Ridgeline Fire Protection District, said the town burned.\n",
     "Lydia Fairbanks", "fire chief"),
    ("Kevin Lindqvist, chief of the authority’s transit police, said the inspectors carry no weapons.\n",
     "Kevin Lindqvist", "police chief"),
])
def test_a_chief_of_a_fire_or_police_body_is_a_fire_or_police_chief(text, name, head):
    (title,) = person(cast_of(text), name).titles
    assert head in title.heads and title.formal


def test_the_clerk_is_the_county_clerk_not_a_deputy_clerk():
    cast = cast_of("Marlow County Clerk Denise Harlow said the count would resume.\n\n"
                   "Victor Szabo, the county’s deputy clerk, said he found the bins.\n\n"
                   "The clerk said the envelopes had reached her office before the polls closed.\n")
    (ref,) = [r for r in cast.title_refs if r.text == "The clerk"]
    assert ref.person is person(cast, "Denise Harlow")


def test_a_weak_title_opening_its_sentence_before_a_whose_aside_is_a_reference():
    cast = cast_of("Dean Karen Welles said a review was under way.\n\n"
                   "The dean, whose office ran the review, joined the faculty in 2009.\n")
    (ref,) = [r for r in cast.title_refs if r.text == "The dean"]
    assert ref.person is person(cast, "Karen Welles")


def test_a_survey_ends_an_organisations_name():
    # "U.S. Geological Survey" is no person: "He" in the next sentence links to the geologist
    cast = cast_of("Gwen Tallis, a geologist with the U.S. Geological Survey who has studied the canyon, said "
                   "the slope had moved. He said the rate had doubled.\n")
    assert names(cast) == ["Gwen Tallis"]
    assert pronoun_links(person(cast, "Gwen Tallis")) == [("He", "sentence-start")]


def test_a_state_auditor_is_a_title_and_a_four_word_board_name_gives_the_board_president():
    cast = cast_of("State Auditor Patricia Nwosu said the audit was final.\n\n"
                   "Graham Petrakis, president of the Carver Falls Levee District board, said the board had asked "
                   "for a study.\n\nThe board president took command of the meeting.\n")
    assert [t.head for t in person(cast, "Patricia Nwosu").titles] == ["auditor"]
    (ref,) = [r for r in cast.title_refs if r.text == "The board president"]
    assert ref.person is person(cast, "Graham Petrakis")
