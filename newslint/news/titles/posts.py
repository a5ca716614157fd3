"""Posts in running text, shared by wrong-title, unheld-title and long-title: one-holder offices, post
descriptions around a name, a country in a predicate."""

from __future__ import annotations

from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.article import lexicon as L
from newslint.news.titles.common import _WORD_RE

_COPULA_PRED = regex.compile(
    r"[ \u00a0]+(?:is|was|has[ \u00a0]+been|had[ \u00a0]+been|became|becomes|remains|remained|will[ \u00a0]+be)"
    r"[ \u00a0]+(?:the|a|an)[ \u00a0]+(?P<np>(?:[\w\-’'.]+[ \u00a0]+){0,4}[\w\-’'.]+)")
_COUNTRY_WORD = regex.compile(r"(?<![\w])(?:U\.S\.|U\.K\.|US|UK|\p{Lu}\p{Ll}+)(?![\w])")


def _country(word: str) -> str | None:
    w = word.lower().rstrip(".").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in L.QUALIFIER_ALIASES:
        return L.QUALIFIER_ALIASES[w]
    if w in ("u.s", "us"):
        return "us"
    if w in L.NATIONALITIES and w not in ("republican", "democratic", "democrat", "conservative", "liberal",
                                          "labour", "socialist", "communist", "arab", "muslim", "christian",
                                          "catholic", "protestant", "sunni", "shia", "shiite", "hindu", "sikh",
                                          "buddhist", "jewish", "african", "asian", "european"):
        return w
    if w in L.PLACES:
        return w
    return None


#: offices one person holds at a time in a place or body, so a story that refers to "the X"
#: names its holder; not roles many people share ("the judge", "the spokesman", "the MP")
UNHELD_OFFICES = sorted(L.words(
    "president|vice president|vice-president|prime minister|deputy prime minister|premier|chancellor|"
    "governor|lieutenant governor|mayor|deputy mayor|vice mayor|attorney general|solicitor general|surgeon general|"
    "secretary of state|secretary-general|secretary general|foreign minister|defense minister|"
    "defence minister|finance minister|interior minister|health minister|foreign secretary|home secretary|"
    "defense secretary|defence secretary|treasury secretary|health secretary|education secretary|"
    "homeland security secretary|press secretary|chief of staff|national security adviser|"
    "national security advisor|chief justice|house speaker|speaker of the house|majority leader|"
    "minority leader|first lady|crown prince|supreme leader|police chief|fire chief|sheriff|undersheriff|"
    "district attorney|state attorney|county executive|city manager|superintendent|commissioner|"
    "county clerk|city clerk|town clerk|county administrator|city administrator|undersecretary|under secretary|deputy secretary|deputy minister|"
    "fire marshal|state fire marshal|"
    "chancellor of the exchequer|chairman|chairwoman|chief executive|chief executive officer|"
    "chief financial officer|chief operating officer|general manager"), key=_longest_first)
_ONE_HOLDER = frozenset(UNHELD_OFFICES)


#: a description set off after a name: "Jalen Ward, 20, a starting guard for the Hawks,"
_DESCRIPTION_AFTER = regex.compile(r"[ \u00a0]?,[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?(?P<d>(?:a|an|the|his|her|their)[ \u00a0]+"
                                   r"[^,.;:()“”\"]{1,80})")
#: a lower-case post set off after a name without an article: "Martin Kessler, president and chief
#: executive officer of Gulf South Power," (``_names_post`` checks that it opens with a post)
_POST_AFTER = regex.compile(r",[ \u00a0]+(?P<d>\p{Ll}[^,.;:()“”\"]{1,80})")
#: a who-clause that says what the person is or was: ", who has been Brightwell's chief executive since 2019"
_WHO_WAS_POST = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had)[ \u00a0]+been|is|was|became|serves[ \u00a0]+as|"
                              r"served[ \u00a0]+as)[ \u00a0]+(?P<d>[^,.;:()“”\"]{1,80})")
#: a person introduced by a relative: "Tanya Rourke, whose 5-month-old son spent 11 days in hospital"
_WHOSE_KIN = regex.compile(r",[ \u00a0]+whose[ \u00a0]+(?:[\w\-]+[ \u00a0]+)?(?:son|daughter|child|baby|husband|wife|"
                           r"mother|father|brother|sister|parents|children|sons|daughters|grandson|granddaughter|"
                           r"partner)\b")
#: a parent, family or widow of the person named after their possessive: "Moreau's mother", "Hayes's
#: widow" (the story is about a private person and their family; not a spouse or a child, whom
#: stories about office holders name too: "Blair's wife, Cherie")
_KIN_OF = regex.compile(r"['’]s?[ \u00a0]+(?:\p{Ll}+[ \u00a0]+)?(?:mother|father|parents|family|widow|widower|"
                        r"grandmother|grandfather)\b")
#: the person's own relative in what they are reported to say: "Loretta Hayes said her son's last words
#: were ...", a private person speaking of their family
_SAID_KIN = regex.compile(r"[ \u00a0]+(?:said|says|told[ \u00a0]+[\w\- \u00a0]{1,30}?)[ \u00a0]+(?:that[ \u00a0]+)?"
                          r"(?:her|his|their)[ \u00a0]+(?:[\w\-]+[ \u00a0]+)?(?:son|daughter|child|baby|husband|wife|mother|"
                          r"father|brother|sister|parents|children|sons|daughters|grandson|granddaughter)(?:['’]s)?\b")


def _names_post(d: str) -> bool:
    """A description opens with a post: its first words (past "the", "a", a possessive and
    modifiers) are a title head ("president and chief executive officer of ...", "Brightwell's
    chief executive since 2019"), not "elected in 2022"."""
    words = _WORD_RE.findall(d.lower())[:8]
    i = 0
    while i < len(words) and (words[i] in ("the", "a", "an", "its", "his", "her", "their")
                              or words[i].endswith(("'s", "’s"))):
        i += 1  # (a possessive: the organisation's, "Brightwell's", "the company's")
    free = 1  # one other word may say which post ("international president of the United Mine Workers")
    for j in range(i, min(i + 4, len(words))):
        if any(" ".join(words[j:j + k]) in L.TITLE_HEADS for k in (3, 2, 1)):
            return True  # ("chief executive", "president")
        if words[j] not in L.RANK_MODIFIERS and words[j] not in L.OTHER_MODIFIERS:
            if free == 0 or j != i or words[j] in L.FUNCTION_WORDS or not words[j].isalpha():
                break
            free -= 1
    return False


def _office_key(t) -> str:
    """The office a title names: its head, or a portfolio's secretary or minister ("Interior
    Secretary": "interior secretary", though the cast's head is "secretary")."""
    words = t.text.lower().split()
    if t.head in ("secretary", "minister") and len(words) > 1 and words[-1] == t.head and words[-2] in L.PORTFOLIOS:
        return f"{words[-2]} {t.head}"
    return t.head


#: generic words for an organisation's top post, which any formal title of it may name
_TOP_JOB_WORDS = frozenset("head chief boss leader founder owner".split())
#: words saying that a person's post changes or changed (``WrongTitle._new_office``); "then" only
#: as "then-minister" or "the then minister" (not "met X and then Y")
_CHANGE_WORDS = regex.compile(r"(?<![\w'’\-])(?i:former|ex|new|newly|now|then(?=[\-\u2010\u2011])|(?<=the[ \u00a0]+)then|named|appointed|nominated|nominee|"
                              r"promoted|moved|became|become|becomes|succeed|succeeds|succeeded|replace|replaces|"
                              r"replaced|reshuffle|designate|elect|elected|acting|interim|previously|until|"
                              r"confirmed|sworn|took[ \u00a0]+over|takes[ \u00a0]+over|resigned|stepped[ \u00a0]+down)"
                              r"(?![\w'’])")
#: a rank abbreviation the cast may have cut from the name ("Lt. Marcus Bell")
_RANK_ABBR_BEFORE = regex.compile(r"(?<![\w.])(?:Lt|Sgt|Capt|Cpl|Col|Maj|Gen|Adm|Cmdr|Det|Insp|Supt|Const|PC|DC|DI|"
                                  r"DS|Dr|Prof|Rev|Sen|Rep|Gov|Amb)\.?[ \u00a0]+$")
#: a description set off before a name: "the club's general manager, Ana Ruiz"
_DESCRIPTION_BEFORE = regex.compile(r"(?<![\w'’\-])(?i:the|a|an|his|her|its|their)[ \u00a0]+"
                                    r"(?P<d>(?:[\p{L}\-]+['’]s[ \u00a0]+)?[\p{Ll}\-]+(?:[ \u00a0]+[\p{Ll}\-]+){0,3}),[ \u00a0]+$")
#: a post set off before a name after an organisation's capitalised name in the possessive:
#: "Greenbrier Ridge Energy's president and chief executive, Elaine Varney" (a president and chief executive)
_ORG_POST_BEFORE = regex.compile(r"(?<![\w'’\-])(?:\p{Lu}[\p{L}\-]*[ \u00a0]+){0,3}\p{Lu}[\p{L}\-]*['’]s[ \u00a0]+"
                                 r"(?P<d>\p{Ll}[\p{Ll}\-]*(?:[ \u00a0]+[\p{Ll}\-]+){0,4}),[ \u00a0]+$")
_JOB_WORD_BEFORE = regex.compile(r"(?<![\w'’\-])([A-Za-z]+)[ \u00a0]+$")
#: a lower-case plural job word before one or two names: "trustees Linda Farrow and Samuel Greer"
#: a plural job word before a name, or before a list of names ("trustees Linda Farrow and Samuel
#: Greer", "Council members Raul Espinoza, Tamara Boyd and Kevin Osei")
_PLURAL_JOB_BEFORE = regex.compile(r"(?<![\w'’\-])(\p{Ll}[\p{Ll}\-]+)s[ \u00a0]+"
                                   r"(?:(?:\p{Lu}[\p{L}'’.\-]*[ \u00a0]+){0,2}\p{Lu}[\p{L}'’\-]*"
                                   r"(?:,[ \u00a0]+(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+)){0,6}"
                                   r"(?:\p{Lu}[\p{L}'’\-]*[ \u00a0]+){0,3}(?:and[ \u00a0]+)?$")
_PLURAL_JOBS = L.OCCUPATIONS | L.PERSON_NOUNS | L.TITLE_HEADS | L.words("trustee regent governor member")
_WORD_BEFORE = regex.compile(r"(\p{L}+)[ \u00a0\-]+$")
#: a capitalised word right before a surname ("Cabinet Room"): its name's first word, unless it is a
#: function word, a title or a courtesy title (``_NOT_NAME_LEADS``)
_CAP_WORD_BEFORE = regex.compile(r"(?<![\w'’\-.])(\p{Lu}[\p{L}\-]*)[ \u00a0]+$")
_HONORIFICS = frozenset({"courtesy", "sir", "dame", "lord", "lady", "baroness", "baron", "hon", "honourable"})
_NOT_NAME_LEADS = (L.FUNCTION_WORDS | L.TITLE_HEADS | L.WEAK_REF_HEADS | L.RANK_MODIFIERS | L.OTHER_MODIFIERS
                   | L.STATUS_MODIFIERS | L.NATIONALITIES | L.MONTHS | L.WEEKDAYS | frozenset(L.COURTESY)
                   | _HONORIFICS | L.OCCUPATIONS)


#: a who-clause giving a post after a name: ", who chairs the faculty senate", ", who has run Greystone"
_WHO_POST_AFTER = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had)[ \u00a0]+)?(?P<v>chairs|chaired|leads|led|"
                                r"heads|headed|runs|run|directs|directed|manages|managed|owns|owned)[ \u00a0]+"
                                r"(?P<o>[^,.;:()“”\"]{1,80})")
#: a who-clause that gives a person an office by its abstract noun: ", who holds the council's rotating
#: presidency," (a president), ", who took over the chairmanship in May," (a chair)
_WHO_HOLDS_OFFICE = regex.compile(r",[ \u00a0]+who[ \u00a0]+(?:(?:has|had|now|currently)[ \u00a0]+)?"
                                  r"(?:holds|held|took[ \u00a0]+over|takes[ \u00a0]+over|assumed|assumes|occupies)"
                                  r"[ \u00a0]+(?P<o>[^,.;:()“”\"]{0,60}?)(?P<n>presidency|chairmanship|governorship|"
                                  r"premiership|mayoralty|speakership|directorship|chairship)(?![\w'’\-])")
#: the posts each such noun gives
_OFFICE_NOUNS_HELD = {"presidency": ("president",), "chairmanship": ("chair", "chairman", "chairwoman", "chairperson"),
                      "chairship": ("chair", "chairman", "chairwoman", "chairperson"), "governorship": ("governor",),
                      "premiership": ("premier", "prime minister"), "mayoralty": ("mayor",),
                      "speakership": ("speaker",), "directorship": ("director",)}


def _holds_office(text: str, end: int, head: str) -> bool:
    """A who-clause right after a name at ``end`` gives the person the office ``head`` (" council
    president ") by its abstract noun: "Clara Vella, who holds the council's rotating presidency,"."""
    w = _WHO_HOLDS_OFFICE.match(text, end)
    return w is not None and any(head.endswith(f" {h} ") for h in _OFFICE_NOUNS_HELD[w.group("n")])


#: the posts such a verb gives ("who chairs ...": a chair); leading, heading or running may be any top post
_WHO_POST_VERBS = {"chairs": ("chair", "chairman", "chairwoman", "chairperson"),
                   "chaired": ("chair", "chairman", "chairwoman", "chairperson"),
                   "directs": ("director",), "directed": ("director",),
                   "manages": ("manager",), "managed": ("manager",),
                   # ("Owen Pruitt, who owns Pruitt Tool and Die," is its owner: no county administrator)
                   "owns": ("owner",), "owned": ("owner",)}
#: a name set off right after a title (and its "of" complement): "the chairman of the working
#: party, Ambassador Stefan Johannesson of Iceland, warned"
_NAME_IN_APPOSITION = regex.compile(r"(?:[ \u00a0]+of[ \u00a0]+[^,.;:“”\"]{1,60})?,[ \u00a0]+\p{Lu}\p{L}*[ \u00a0]+\p{Lu}")


#: organisations a lower-case noun names in "The club president said" (one holder of each post)
_UNHELD_ORG_NOUNS = frozenset("club team league company firm hospital union board school university college museum "
                       "state county city airline airport agency district utility bank charity foundation "
                       "church diocese newspaper network campaign party department ministry commission "
                       "council authority port system".split())
#: posts one person holds for such an organisation that are no title heads of the cast
_ORG_ONLY_HEADS = frozenset("epidemiologist treasurer auditor comptroller coroner".split()) | frozenset(
    ["general counsel", "chief pilot", "provost", "athletic director", "chief medical officer",
     "medical examiner", "executive director", "manager", "chief economist", "ombudsman", "ombudswoman",
     "ombudsperson", "inspector general"])
#: words before "director" that do not say which department the director runs ("The company's regional
#: director", "The bank's managing director": one of several; "The club's new director": no department);
#: any other word does ("The county's elections director", "The state health director": one holder)
_NOT_DOMAINS = L.RANK_MODIFIERS | L.OTHER_MODIFIERS | L.STATUS_MODIFIERS | L.FUNCTION_WORDS | L.words(
    "new longtime current previous recent sole only own board non-executive nonexecutive independent "
    "associate area district division project program programme account site store branch local")
#: one-holder posts whose name says whose they are, so "The" + the post alone is one office:
#: "The harbor master said", "The ombudsman said" (no title heads of the cast)
_SELF_ORG_HEADS = ("harbor master", "harbour master", "harbormaster", "harbourmaster", "ombudsman",
                   "ombudswoman", "ombudsperson", "inspector general",
                   # a government's one engineer (an elected office in some states)
                   "county engineer", "city engineer", "state engineer", "town engineer")
#: the same post named for the other sex: "the chairman" beside "the committee's chairwoman"
_GENDER_TWIN = {a: b for x, y in (("chairman", "chairwoman"), ("spokesman", "spokeswoman"),
                                  ("congressman", "congresswoman"), ("councilman", "councilwoman"),
                                  ("alderman", "alderwoman"), ("assemblyman", "assemblywoman"),
                                  ("ombudsman", "ombudswoman")) for a, b in ((x, y), (y, x))}
#: a portfolio's one holder, by a word before these heads ("The agriculture secretary, whose department ...")
_DESK_HEADS = frozenset(("secretary", "commissioner", "minister"))
_WHO_WORDS = frozenset(("who", "whose"))
#: past-tense verbs of a reported act right after such a post, which make it the subject of an
#: attribution: "The commerce secretary told Japanese officials on Friday that ..." (one person's
#: words, like "The defense secretary said"); not "has said", "says", "would" (a standing position)
_DESK_ACTS = ("said", "told", "announced", "added", "warned", "urged", "insisted", "argued", "acknowledged",
              "conceded", "admitted", "promised", "pledged", "declined")
_DESK_GATE = _WHO_WORDS | frozenset(_DESK_ACTS)
#: a reporting or acting verb between a title-only reference and a name later in its sentence
_VERB_BETWEEN = regex.compile(r"(?<![\w'’\-])(?:" + "|".join(sorted(L.ATTRIBUTION_VERBS | frozenset(_DESK_ACTS),
                                                                    key=_longest_first)) + r")(?![\w'’\-])")
#: words before those heads that name no portfolio: a rank or a kind of post many hold ("The junior
#: minister", "The parliamentary secretary", "The cabinet secretary") or a generic one
_NOT_DESKS = L.words("junior cabinet parliamentary private personal permanent general executive assistant "
                     "former state federal provincial regional elected appointed")
#: a local government's legal officer: "The city attorney said", "The county prosecutor said" (one
#: holder of each; not after "state", where many prosecutors may work, nor "attorney" alone)
_GOV_NOUNS = ("city", "county", "town", "village", "borough")
_GOV_LEGAL_HEADS = ("attorney", "prosecutor", "solicitor")
#: a lower-case word before the organisation noun that does not say which organisation ("The other
#: club's president", "The local union president": one of several)
_NOT_ORG_MODIFIERS = L.STATUS_MODIFIERS | L.FUNCTION_WORDS | L.words(
    "other another same each every rival new local neighboring neighbouring nearby sister parent one two")
#: a block may hold one of them only when it holds one of these letter runs
_SELF_ORG_RUNS = frozenset(h.split()[0] for h in _SELF_ORG_HEADS)


def _owner_only(ref) -> bool:
    """The reference's one qualifier is a name's possessive that opens it: "Calder's chairman"
    (whose office, not which holder)."""
    q = ref.qualifiers
    return (len(q) == 1 and q[0][:1].isupper() and q[0].endswith(("'s", "’s"))
            and ref.text.startswith(q[0]))
