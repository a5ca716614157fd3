"""A salience reader for third-person pronouns: who could a he/she/his/her/him mean?

The pronoun links of pass 4 (``pronouns.py``) each follow one strong sentence shape. This reader
does not look at the shape at all. For a pronoun outside quotations it gathers everyone the
reader has in mind at that point -- the people (and references a pronoun could mean) mentioned
in its own sentence and the two sentences before it, across a paragraph break -- and asks what
the pronoun's gender leaves:

- the candidates are the cast's people mentioned there, each with the gender the rest of the
  story establishes for them (``established``: the caller's evidence, without this pronoun);
- anyone of the pronoun's own gender, anyone of unknown gender (a person the story gives no
  pronoun, a title nobody holds, an ambiguous surname, a tentative name), a singular person noun
  ("the driver", "the 34-year-old", "the Spaniard", "someone"), a gendered noun of the pronoun's
  gender ("the woman", "his wife") or another pronoun of its gender makes it readable: silence;
- the same for the pronoun's gender over a wider span (the four sentences before), so that a
  pronoun reaching back past a paragraph about someone else is not read as a slip.

When at least one candidate remains and every candidate is established with the other gender,
the pronoun disagrees with whoever it refers to: ``slips`` returns it, with the nearest
candidate. Plural nouns never count (a he/she cannot mean them). Cheap: it looks only at the
pronouns the cast recorded, the entity index the pronoun pass built and a few sentences each.
"""

from __future__ import annotations

import bisect

from newslint import rx as regex
from newslint.article import lexicon as L
from newslint.article.cast.model import Person, TitleRef
from newslint.article.cast.names import _Cand
import functools
import re as _re

from newslint.article.cast.patterns import _alt, _compile
from newslint.cache import longest_first

_OTHER = {"he": "she", "she": "he"}

_MALE_NOUNS = ("man", "boy", "father", "dad", "husband", "son", "brother", "uncle", "nephew", "grandson",
               "grandfather", "boyfriend", "widower", "king", "prince", "gentleman", "actor", "businessman",
               "spokesman", "chairman", "sportsman", "policeman", "fireman", "congressman", "frontman",
               "duke", "monk", "priest", "pope", "emperor", "sultan", "sheikh", "emir", "bishop", "lad",
               "guy", "groom", "bridegroom", "stepfather", "godfather", "count", "baron", "lord", "sir",
               "mr", "councilman", "alderman", "statesman", "countryman", "horseman", "landlord",
               "headmaster", "schoolboy", "fiance", "patriarch", "grandpa", "daddy")
_FEMALE_NOUNS = ("woman", "girl", "mother", "mum", "mom", "wife", "daughter", "sister", "aunt", "niece",
                 "granddaughter", "grandmother", "girlfriend", "widow", "queen", "princess", "lady", "dame",
                 "actress", "businesswoman", "spokeswoman", "chairwoman", "sportswoman", "policewoman",
                 "congresswoman", "duchess", "nun", "empress", "baroness", "heroine", "hostess", "waitress",
                 "bride", "stepmother", "godmother", "countess", "mrs", "ms", "miss", "councilwoman",
                 "stateswoman", "countrywoman", "horsewoman", "mistress", "madam", "diva", "ballerina",
                 "landlady", "stewardess", "headmistress", "schoolgirl", "housewife", "fiancee", "fiancée",
                 "matriarch", "granny", "grandma", "mummy")
#: a singular noun a he/she may mean, of either gender or none the story says: the person nouns,
#: occupations and titles, and the words sport and profile pieces name people by
_EITHER = sorted(
    (L.PERSON_NOUNS | L.OCCUPATIONS | L.TITLE_HEADS | L.WEAK_REF_HEADS | frozenset(
        """individual person champion holder winner veteran youngster star newcomer favourite favorite
        runner-up finalist seed debutant prodigy legend hero winger flanker fly-half scrum-half
        full-back batsman bowler keeper wicketkeeper rider jockey trainer skipper boss founder
        chairperson incumbent successor predecessor opponent rival team-mate teammate compatriot
        novice rookie graduate pupil child baby spaniard briton dane swede finn pole turk serb croat
        argentine kiwi aussie negotiator administrator investigator trader dealer broker banker analyst
        buyer seller worker supporter protester demonstrator campaigner spectator viewer listener
        reader subscriber consumer commuter traveller traveler pensioner taxpayer homeowner farmer
        miner builder lecturer tutor researcher inventor developer programmer hacker blogger editor
        publisher songwriter dancer entertainer pundit critic reviewer juror barrister solicitor
        constable inspector commander colonel sergeant marine sailor paramedic pharmacist dentist
        therapist carer caregiver volunteer donor benefactor sponsor adviser advisor aide assistant
        clerk receptionist cook waiter baker butcher shopkeeper smuggler trafficker gunman attacker
        assailant killer murderer robber thief burglar fugitive offender criminal terrorist militant
        rebel insurgent lobbyist politician lawmaker legislator councillor diplomat envoy mediator
        bureaucrat auditor accountant executive tycoon magnate mogul millionaire heir shareholder
        bidder creditor borrower applicant defendant claimant migrant immigrant refugee survivor
        prisoner inmate kicker pragmatist customer contestant housemate winner loser challenger
        organiser organizer promoter agent scout physio physiotherapist referee umpire linesman
        commissioner chairman chairwoman chief""".split()))
    - frozenset(_MALE_NOUNS) - frozenset(_FEMALE_NOUNS)
    # (words that are mostly something else: "head of", "in general", "going forward", "major",
    # "the centre", "a lock", "host the games", "the top seed" aside)
    - frozenset("head general forward centre center major lock prop hooker host chair tennis".split()),
    key=longest_first)


def _words(words) -> str:
    """An alternation of ``words`` (single words in a named list: ``cast.patterns._alt``; compile
    with ``_compile``)."""
    return _alt(list(words))


_GENDERED = {
    "he": _compile(r"\b(?i:(?:step-?|god|half-)?(?:" + _words(_MALE_NOUNS) + r"))\b"),
    "she": _compile(r"\b(?i:(?:step-?|god|half-)?(?:" + _words(_FEMALE_NOUNS) + r"))\b"),
}
#: a singular person noun of no known gender (not before a noun it modifies: "the player market"
#: is no person; a hyphen or apostrophe after it is still one: "the manager's")
#: given names that name one gender nearly always (not "Jordan", "Kim", "Robin", "Andrea", "Jean",
#: "Sasha", "Nicola", "Alex", "Leslie", "Ashley", "Jamie", "Sam"): a person's full name is evidence
_MALE_GIVEN = L.with_accented(frozenset("""aaron adam adrian ahmed alan alastair albert alexander alfred alistair andrew angus
    anthony antonio arnold arthur barack barry ben benjamin bernard bill bob boris brian bruce carl carlos dale
    charles chris christopher clive colin craig daniel darren david dennis derek dominic donald douglas
    duncan edward eric ernest francis frank fred frederick gareth gary gavin geoffrey george gerald gerard
    gerhard gordon graham gregory harold harry henry howard hugh iain ian ivan jack jacques james jason jeff
    jeffrey jeremy jim jimmy joe john jonathan jose joseph juan karl keith kenneth kevin kofi lawrence lee
    liam luis malcolm marco mark martin matthew michael mikhail mohammed muhammad neil nicholas nick nigel
    oliver oscar owen patrick paul peter philip pierre rafael ralph raymond richard rob robert roger ronald
    roy rupert russell ryan samuel scott sean sergei simon stanley stephen steve steven stuart ted terry
    thomas tim timothy todd tom tommy tony trevor victor vincent vladimir walter warren wayne william
    yuri
    abraham adolfo alberto alejandro alfonso alfredo allen alvin andre andres angelo armando arturo
    austin barton benito bennett bernie blake bradford bradley brady brendan brent brett bryant byron
    caleb calvin carlton cecil cedric chad chester clarence clark claude clayton clifford clifton clint
    clyde cody cole conrad cornelius curtis dalton damon darius darnell darrell darryl dave demetrius
    derrick desmond dewayne dmitri dominick donnell donovan duane dustin dwayne dwight earl eddie edgar
    edmund edwin elias elijah elliott elmer emmanuel enrique ernesto ethan eugene everett ezekiel felix
    fernando floyd forrest franklin fredrick gabriel garrett gilbert glen glenn grady grant gregg
    guillermo gustavo hector herbert herman homer horace hubert hunter irving isaac isaiah jake jamal
    jared jarrett javier jay jeffery jermaine jerome jesse jesus joel johnny jorge josh joshua julian
    julius justin kareem kendrick kenny kurt kyle lamar lance larry leland leon leonard leroy lester
    lewis lloyd lonnie lorenzo louis lowell luke lyle manuel marcus mario marlon marshall marvin mason
    maurice max melvin miguel milton mitchell morris moses nathan nathaniel neal nelson noah norman
    orlando otis pablo perry preston quentin quincy ramon randall randolph randy raul reggie reginald
    rex ricardo ricky rodney rodolfo roland rolando ross rudolph rufus salvador santiago seth shane
    shawn sheldon sherman solomon spencer sterling stewart tanner terrance terrell terrence thaddeus
    theodore tobias travis tristan troy tyler tyrone vernon wade wallace ward wesley wilbur willard
    willie wilson winston zachary
    viktor stefan stephan matthias tobias lukas jonas johannes henrik lars anders nils sven bjorn olaf
    jukka juha jussi matti mikko pekka antti timo ville heikki jari petri markku tapio sauli risto esko hannu
    teemu vytautas gintautas arvydas mindaugas andrius linas janis andris valdis edgars raimonds toomas jaak
    piotr tomasz marek pawel pavel dmitry dmitri sergei sergey andrei andriy oleksandr volodymyr
    vladimir igor mikhail nikolai yuri hendra budi agus joko bambang ahmad muhammad mohammed
    mohamed mohammad omar hassan hussein khalid tariq yusuf ibrahim mustafa kwame kofi chidi emeka
    tunde hiroshi takeshi kenji satoshi raj rajesh sanjay vikram arjun rahul amit gregor arvid luc tomas
    mamadou moussa ibrahima cheikh abdoulaye ousmane amadou seydou boubacar assimi souleymane modibo
    ji-hoon min-jun seo-jun do-yun ha-joon jun-seo hyun-woo sung-min jae-won dong-hyun sang-woo jin-woo
    young-ho min-ho""".split()))
_FEMALE_GIVEN = L.with_accented(frozenset("""abigail agnes alice alison amanda amy angela angelina anna anne annie barbara
    beatrice brenda bridget carol caroline catherine charlotte cheryl christina christine claire clara
    claudia condoleezza cynthia deborah denise diana diane donna dorothy elaine eleanor elena elizabeth
    ellen emily emma erica esther eva evelyn fiona frances gemma georgina gillian gloria grace hannah
    harriet hazel heather helen helena hillary ingrid irene isabel jacqueline jane janet janice jennifer
    jessica jill joan joanna joanne josephine judith judy julia julie karen kate katherine kathleen
    kathryn katie kelly laura lauren linda lisa louise lucy lynn madeleine margaret maria marie marilyn
    martha mary maureen megan melanie melissa michelle monica nancy natalie natasha nicole olga pamela
    patricia paula pauline penelope penny rachel rebecca rose ruth sandra sarah sharon sheila shirley
    sophie stephanie susan suzanne sylvia tamika teresa tessa theresa valerie vanessa victoria virginia
    wendy yvonne zoe
    adriana aisha alejandra alexandra alicia allison alma alyssa amber ana angelica anita annette
    antoinette april arlene audrey autumn beatriz becky belinda bernadette bertha beth bethany betty
    beverly bianca bonnie brandy brianna brittany brooke camille candace carla carmen carolyn carrie
    cassandra cecilia celeste charlene chelsea cheyenne christy cindy claudette colleen connie constance
    corinne courtney crystal daisy danielle daphne darlene dawn debbie debra delia delores desiree
    dolores doreen dorothea edith edna eileen elisa elise ella eloise elsa elsie erin esperanza estelle
    ethel eugenia evangeline faith felicia fernanda florence gabriela gabrielle genevieve georgia
    geraldine gina ginger gladys greta gretchen gwendolyn heidi holly ida imani inez irma isabella ivy
    jaclyn jacquelyn jasmine jeanette jeanne jenna jenny joann jocelyn jodi jolene josefina joy joyce
    juanita julianne june kara karla kathy kayla keisha kelsey kendra kimberly kristen kristin kristina
    aino liisa sanna kaisa minna tuula riikka sirpa kersti kadri ieva egle kristiina
    janelle lakisha latasha latoya leah lena lotte leticia lillian lindsay lindsey liza lois lorena loretta lori lorraine
    lucia lucille luz lydia mabel madison mae mallory marcia margarita marian marianne maribel marisa
    marisol marjorie marla marlene marsha maxine meredith mildred miranda miriam molly monique myra
    nadia naomi nellie nina nora norma olivia paige patsy peggy phyllis priscilla priya rachael ramona
    regina renata renee rhonda rita roberta robyn rochelle rosa rosalind rosemary roxanne sabrina
    samantha sara savannah selena serena shauna shawna sherri sherry sonia sonya stacey stacy stella sue
    sylvie tamara tammy tanya tara tasha tatiana tiffany tina tonya trisha ursula vera veronica vicki
    viola violet vivian wanda whitney yolanda yvette
    stefanie katrin katharina anja ingrid astrid sigrid birgit heike petra agnieszka katarzyna
    magdalena olena natalia anastasia ekaterina yekaterina marina galina ludmila fatima aisha amina
    leila layla zeynep keiko yoko akiko emiko sakura anjali sunita deepa lakshmi ngozi chioma siti
    dewi amara helga gwen gwyneth hilary isabelle imelda
    aissatou fatou fatoumata aminata mariama awa khady ndeye coumba rokhaya aicha
    seo-yeon ha-eun soo-ah ji-yeon min-ji eun-ji hye-jin yoon-ah soo-jin ji-hye mi-kyung eun-young
    kyung-hee anneliese""".split()))


def given_gender(person) -> str | None:
    """The gender the person's given name says ("Paul Lindqvist" -> "he", "Nam Ji-hoon" -> "he"),
    when it names one gender nearly always and every full mention agrees; None otherwise."""
    said = set()
    for m in person.mentions:
        if m.kind == "full" and " " in m.text:
            words = m.text.split()
            first = words[0].lower()
            if len(words) == 2 and "-" in words[1] and first in L.SURNAME_FIRST_IF_KOREAN:
                first = words[1].lower()  # a Korean name, surname first: "Nam Ji-hoon"
            said.add("he" if first in _MALE_GIVEN else "she" if first in _FEMALE_GIVEN else None)
    return next(iter(said)) if len(said) == 1 else None


#: what may end a noun phrase: a stop, a function word, a verb ("-ed", "-s", "-ing"), a name or a number
_NP_END = (r"(?=[ \u00a0]*(?:$|[^\w\s\-]|(?:" + _words(L.FUNCTION_WORDS) + r")\b|[a-z][\w\-]*(?:ed|ing)\b"
           r"|[\p{Lu}\d]))")
#: a determiner or possessor before a person noun: "the", "a", "another", "his", "Chelsea's",
#: "the former Arsenal"
_DETERMINER = (r"(?:\b(?i:the|a|an|another|this|that|every|each|no|any|his|her|their|its|our|one)"
               r"|[\w\-]+['’]s?|\b\p{Lu}[\w\-]*)[ \u00a0]+(?:(?!(?i:and|or|but|of|to|in|on|at|by|for|with|as|is|was|"
               r"were|became|said|says|told)\b)"
               r"[\w\-]+[ \u00a0]+){0,3}?")
_UNKNOWN_ONE = _compile(
    # a singular person noun closing its noun phrase ("the driver said", "Chelsea's coach,"; not
    # "the player market", "a worker union")
    _DETERMINER + r"(?i:" + _words(_EITHER) + r")\b(?![\-])" + _NP_END
    + r"|\b(?i:someone|somebody|anyone|anybody|everyone|everybody|nobody|no[ \u00a0]+one|whoever)\b"
    r"|\b(?i:the|a|an)[ \u00a0]+\d+-year-old\b"
    # one of several people: "one of the players", "each of his team-mates"
    r"|\b(?i:one|each|either|neither|any|none)[ \u00a0]+of[ \u00a0]+(?:them|us|(?:the|his|her|their|its|our|those|these)"
    r"[ \u00a0]+(?:[\w\-]+[ \u00a0]+){0,2}?(?i:people|men|women|children|(?:" + _words(_EITHER) + r")s)\b)"
    # a nationality as a person ("the Argentine said", "a Jamaican who"; not "the British", a people)
    r"|\b(?:[Tt]he|an?|[Oo]ne)[ \u00a0]+(?i:" + _words(w for w in L.NATIONALITIES if not w.endswith(("ish", "ch", "sh")))
    + r")(?=[,.;:]|[ \u00a0]+(?:who|whose|whom|that|[a-z]+(?:ed|s))\b)"
    # "One is a ...": a pronoun "one" opening a clause
    r"|(?:^|[.;:][ \u00a0]+)One[ \u00a0]+(?:is|was|has|had|of)\b")
_PRONOUNS = {
    "he": regex.compile(r"\b(?i:he|him|his|himself)\b"),
    "she": regex.compile(r"\b(?i:she|her|hers|herself)\b"),
}

#: the gendered nouns by gender, for a word test before ``_GENDERED``'s pattern
_GENDERED_WORDS = {"he": frozenset(_MALE_NOUNS), "she": frozenset(_FEMALE_NOUNS)}
_ANY_WORD = regex.compile(r"[\w\-]+")


@functools.lru_cache(maxsize=2048)
def _word_forms(masked: str) -> frozenset:
    """The lower-case words of ``masked``, each hyphenated part and each part without a god/step
    prefix: what ``_GENDERED``'s nouns are looked up in (once per sentence for both genders)."""
    forms = set()
    for w in _ANY_WORD.findall(masked.lower()):
        for part in w.split("-"):
            forms.add(part)
            if part[:3] == "god":
                forms.add(part[3:])
            if part[:4] == "step":
                forms.add(part[4:])
    return frozenset(forms)


def _may_hold_gendered(gender: str, masked: str) -> bool:
    """Whether a word of ``masked`` is one of the gender's nouns, bare or after step-/god/half-."""
    return not _GENDERED_WORDS[gender].isdisjoint(_word_forms(masked))


@functools.lru_cache(maxsize=2048)
def _gendered(gender: str, masked: str):
    """The first gendered noun of ``gender`` in ``masked`` written in lower case, or capitalised
    opening a sentence ("Big Brother", "Mother Teresa" are names), or None."""
    if not _may_hold_gendered(gender, masked):
        return None
    for g in _GENDERED[gender].finditer(masked):
        if g.group().lower() in ("miss", "mr", "mrs", "ms", "sir", "lord", "dame") and g.group()[:1].islower():
            continue  # ("when you miss some": a courtesy title is capitalised)
        if g.group()[:1].islower() or not masked[:g.start()].strip() \
                or masked[:g.start()].rstrip()[-1:] in ".!?\"“”'‘’(" or g.group().lower() in ("mr", "mrs", "ms", "miss"):
            return g
    return None


#: a capitalised pair opening with a given name ("Germaine Greer"), for ``_unknown_name``
_NAME_PAIR = regex.compile(r"\b(\p{Lu}\p{Ll}+)[ \u00a0]+\p{Lu}[\p{L}'’\-]+")


def _unknown_name(text: str, masked: str, ss: int) -> str | None:
    """Two capitalised words inside a sentence that the cast has not made anyone, neither a place,
    month, organisation or other word no name is made of ("Feminist icon Germaine Greer" when the
    cast missed her; not "Royal Bank", "Manchester United"): someone a pronoun may mean. Cheap:
    on the masked text, where the cast's people are blanks."""
    for n in _NAME_PAIR.finditer(masked):
        first, last = n.group(1), n.group().split()[-1]
        if not masked[:n.start()].strip(" \u00a0\"“‘'("):
            continue  # (opening the sentence: "Big Brother had behaved")
        if first.isupper() or last.isupper():
            continue
        if _CAPS_TO_NAME.match(masked, n.end()):
            continue  # a title running up to a name the cast knows ("Associate Vice President ... Janelle Moss")
        if _may_be_name(n.group()):
            return n.group()
    return None


def _may_be_name(run: str) -> bool:
    """A capitalised run that may name a person: it opens with a given name ("Jean-Francois
    Theodore"), or none of its words is a place, month, organisation or other word no name is
    made of ("Germaine Greer"; not "Wall Street Journal", "Borussia Dortmund" is one)."""
    words = run.split()
    if words[0].lower().split("-")[0] in L.GIVEN_NAMES:
        return True
    return len(words) >= 2 and not any(w.lower().rstrip("'’s") in _NOT_PEOPLE or w.isupper() for w in words)


_CAPITAL_WORD = regex.compile(r"(?<=[^\s“\"‘'(][ \u00a0]+|[a-z,;][ \u00a0]+)(\p{Lu}[\p{L}'’\-]*)")
_NOT_PEOPLE = L.STOP_NAME_WORDS | L.PLACES | L.NATIONALITIES | L.NON_NAMES


def _stray_capital(masked: str) -> bool:
    """A capitalised word inside a sentence (not opening it or a quotation) that the cast has not
    made anyone's and that names no place, month or organisation word: maybe a person."""
    for c in _CAPITAL_WORD.finditer(masked):
        w = c.group(1).lower().rstrip("'’").removesuffix("'s").removesuffix("’s")
        if w not in _NOT_PEOPLE and not c.group(1).isupper():
            return True
    return False


#: a definite epithet for someone the story has named ("the 28-year-old", "the singer", "the
#: striker"): BBC and wire copy call its subject so between their name and a pronoun. Opening
#: its sentence, as its subject ("The actor began his film career in the 1940s"), the reader lets
#: it stand for the people it already has in mind; anywhere else it may be someone new ("met the
#: guitarist"). Not a role in an institution: "the judge", "the lawyer" are someone else.
_EPITHETS = frozenset("""star singer rapper actor comic comedian musician guitarist drummer pianist composer
    novelist author writer presenter host broadcaster player striker midfielder defender goalkeeper winger
    forward athlete sprinter swimmer boxer golfer cyclist champion holder legend veteran youngster newcomer
    favourite favorite artist film-maker filmmaker performer creator chart-topper billionaire entrepreneur
    designer chef model dancer tenor soprano batsman bowler skipper captain debutant frontman""".split())
_EPITHET = _compile(r"\b[Tt]he[ \u00a0]+(?:(?:\d+-year-old|former|veteran|young|teenage|[A-Z][\w\-]*|"
                         r"[a-z]+-[a-z]+)[ \u00a0]+){0,3}(?:\d+-year-old|(?i:" + _words(_EPITHETS) + r"))\b(?![\-'’])")
#: what may stand before an epithet that is its sentence's subject: nothing, or a short lead-in
#: and a comma ("On Sunday, the 28-year-old said")
_LEAD_ONLY = regex.compile(r"[ \u00a0\"“‘'(]*(?:(?:[\w\-'’]+[ \u00a0]+){0,5}[\w\-'’]+,[ \u00a0]+)?")


#: a copula or "as" before a noun phrase: what follows describes someone, it is nobody new
_ROLE_BEFORE = regex.compile(r"\b(?i:as|is|was|were|be|been|being|became|become|becomes|remains|remained|"
                             r"named|appointed|elected|made)[ \u00a0]+\Z")


_LOWER_WORD = _re.compile(r"[a-z][a-z\-]*")
#: a word each of ``_UNKNOWN_ONE``'s readings needs in the sentence (checked before the pattern,
#: which is slow: up to four words of a noun phrase tried before a long alternation): the last
#: word of a person noun, "someone" and its kin, a nationality; and "one"/"each"/... only with "of"
_NOUN_TRIGGERS = frozenset({item.split()[-1] for item in _EITHER} | L.NATIONALITIES | set(
    "someone somebody anyone anybody everyone everybody nobody whoever".split()))
_OF_TRIGGERS = frozenset("one each either neither any none".split())
#: how far before its trigger word a reading of ``_UNKNOWN_ONE`` may start, in characters
_UNKNOWN_REACH = 120


@functools.lru_cache(maxsize=2048)
def _unknown_one(masked: str) -> str | None:
    """The text of the first singular person noun in ``masked`` that may be someone the story has
    not named, or None (see ``_first_unknown``); cheap test first: one of its words."""
    low = masked.lower()
    words = set(_LOWER_WORD.findall(low))
    if "year-old" not in masked and _NOUN_TRIGGERS.isdisjoint(words) and "no one" not in low \
            and "One " not in masked and (" of " not in masked or _OF_TRIGGERS.isdisjoint(words)):
        return None
    # a reading holds its trigger word within its first few words: start a word boundary well
    # before the first trigger (a person noun's noun phrase opens at most four words before it)
    first = min((w.start() for w in _LOWER_WORD.finditer(low)
                 if w.group() in _NOUN_TRIGGERS or w.group() in _OF_TRIGGERS), default=0)
    for other in ("year-old", "no one"):
        at = low.find(other)
        if at >= 0:
            first = min(first, at)
    at = masked.find("One ")
    if at >= 0:
        first = min(first, at)
    start = 0 if first < _UNKNOWN_REACH else max(0, masked.rfind(" ", 0, first - _UNKNOWN_REACH) + 1)
    u = _first_unknown(masked, start)
    return None if u is None else u.group()


#: capitalised words (and the small words of a title's complement) up to a blanked name
_CAPS_TO_NAME = regex.compile(r"(?:[ \u00a0]+(?:\p{Lu}[\p{L}\-'’]*|of|for|and|the|on|in|to|at))*[ \u00a0]{3}")


def _first_unknown(masked: str, start: int = 0):
    """The first singular person noun in ``masked`` that may be someone the story has not named,
    or None: a definite epithet (``_EPITHET``) is no one new. ``start``: a word start before which
    no reading can begin (the pattern is slow; ``_unknown_one`` skips the words before the first
    one a reading needs)."""
    for u in _UNKNOWN_ONE.finditer(masked, start):
        if _ROLE_BEFORE.search(masked, max(0, u.start() - 16), u.start()):
            continue  # a role of someone named ("as a player", "was a judge", "became home secretary")
        if u.group()[:1].isupper() and _CAPS_TO_NAME.match(masked, u.end()):
            continue  # a capitalised title running up to a name the cast knows (blanked): theirs
            # ("Associate Vice President for Athletic Compliance and Integrity Janelle Moss")
        e = _EPITHET.search(masked, max(0, u.start() - 40), u.end() + 1)
        if e is not None and e.start() <= u.start() and e.end() >= u.end() \
                and _LEAD_ONLY.fullmatch(masked, 0, e.start()):
            continue  # (opening its sentence, its subject: "The actor began ..."; not "met the guitarist")
        return u
    return None


#: the noun phrase a his/her possesses, up to a name set off after it: " own former coach, " in
#: "his own former coach, Jose Mourinho" (lower-case words, a comma)
_POSSESSUM = regex.compile(r"(?:[ \u00a0]+[a-z][\w\-'’]*){1,4}(?:,?[ \u00a0]+)?")
#: the words between a possessive and a name apposed to its noun: " LSE counterpart " in "his LSE
#: counterpart Clara Furse", " former coach, " (no verb, no function word)
_APPOSED_TO_POSSESSUM = _compile(r"(?:[ \u00a0]+(?!(?:" + _words(L.FUNCTION_WORDS) + r")\b)[\w\-'’]+(?<!ed)){0,4}"
                                      r",?[ \u00a0]+")

#: a sentence opening with a preposition before a possessive: "In her ruling, the judge" is a lead-in
#: and its subject, not a possessum and a name set off after it
_LEAD_IN_PREPOSITION = regex.compile(r"[ \u00a0“\"‘'(]*(?:In|During|After|Before|Since|At|On|With|Throughout|"
                                     r"Despite|Under|Through)[ \u00a0]+")
#: a verb of travel and "in" right before a tentative name: the name is a place's ("landed in Al Rams")
_PLACE_AFTER_IN = regex.compile(r"\b(?:landed|arrived|stopped|stayed|lives|lived|born|based|held|met)"
                                 r"[ \u00a0]+in[ \u00a0]+$")
#: a passive after a subject pronoun, up to its agent's "by" ("he was received by ")
_PASSIVE_BY = regex.compile(r"[ \u00a0]+(?:was|were|is|are|had[ \u00a0]+been|has[ \u00a0]+been|will[ \u00a0]+be|"
                            r"would[ \u00a0]+be|is[ \u00a0]+being|was[ \u00a0]+being)[ \u00a0]+"
                            r"(?:\p{Ll}+ly[ \u00a0]+)?\p{Ll}+(?:ed|en|wn|ght|nt|lt|ne|de)[ \u00a0]+by[ \u00a0]+")
#: what follows an object "her" (not a possessive's noun): a stop, a particle or a function word
_OBJECT_AFTER = regex.compile(r"[.,;:!?)”\"]|[ \u00a0]+(?:off|up|out|down|back|away|over|in|on|to|with|for|at|as|"
                              r"from|into|about|that|and|or|but|if|when|after|before|the|a|an|this|his|"
                              r"their|its|of|by|again|too|so|because|until|while|\d[\d,.]*|one|two|three|four|"
                              r"five|six|seven|eight|nine|ten|some|more|all)\b")
#: a clause boundary before an object pronoun
_CLAUSE_BREAK = regex.compile(r"[,;:()]|[ \u00a0](?:that|who|whom|which|when|where|because|and|but|after|before|"
                              r"while|as|if|although|though|since|until|unless)\b")

#: a job word right before a name ("Singer ", "economist ", "the 40-year-old comic ") or an
#: appositive right after it (", the chief government spokesman,", ", a former CEO at Santander,"):
#: the named person's own description
_EITHER_SET = frozenset(_EITHER)
_DESCRIPTION_WORD = _re.compile(r"[\w\-'’]+")


def _description_before(text: str, lo: int, hi: int):
    """``(start, comma)`` of a job word and up to three words before it ending right before a
    name at ``hi`` ("Singer ", "the club's chief executive, "), with "the"/"a"/"an" before them, or
    None (plain string work: this is asked for every name near a pronoun)."""
    seg = text[lo:hi]
    stripped = seg.rstrip(" \u00a0")
    if len(stripped) == len(seg) or not stripped:
        return None
    comma = stripped.endswith(",")
    if comma:
        stripped = stripped[:-1]
    words = [(m.start(), m.group()) for m in _DESCRIPTION_WORD.finditer(stripped)]
    if not words or words[-1][0] + len(words[-1][1]) != len(stripped):
        return None
    n = 1 if words[-1][1].lower() in _EITHER_SET else 2 if len(words) > 1 and \
        f"{words[-2][1]} {words[-1][1]}".lower() in _EITHER_SET else 0
    if not n:
        return None
    first = max(0, len(words) - n - 3)
    # (the words between must be joined by single spaces: no clause break inside)
    while first < len(words) - n and any(c in stripped[words[first][0]:] for c in ",;:.“”\"()"):
        first += 1
    start = words[first][0]
    if first > 0 and words[first - 1][1] in ("the", "The", "a", "A", "an", "An") \
            and not stripped[words[first - 1][0]:start].strip(" \u00a0").strip("theTAna"):
        start = words[first - 1][0]
    return lo + start, comma


_APPOSITIVE_AFTER = regex.compile(r",[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?(?:the|a|an|[\w\-]+['’]s)[ \u00a0]+"
                                  r"(?:(?![ \u00a0](?:of|for|to|with|at|in|on|by)[ \u00a0])[^,;:“”\"()]){1,80}?"
                                  r"(?:,|(?=[.;:]))")

#: how many sentences before the pronoun's hold the candidates, and the span its own gender is looked for in
NEAR, WIDE = 2, 4


class Reading:
    """What the reader sees around one pronoun: the people it could mean (``near``: ``(position,
    person)``), why nothing else settles it (``blocked``: a reason, or None) and whether something
    of the pronoun's own gender stands in the wider span (``same``: a reason, or None)."""

    __slots__ = ("mention", "gender", "near", "blocked", "same", "at", "other_noun", "voter")

    def __init__(self, mention, gender, near, blocked, same, at, other_noun, voter):
        self.voter = voter  # whether it may vote (``sole``): not an object, no stray name by it
        self.mention, self.gender, self.near, self.blocked, self.same = mention, gender, near, blocked, same
        self.at = at  # the pronoun's (sentence, start), comparable with the candidates' positions
        self.other_noun = other_noun  # a gendered noun of the other gender near it (no vote then)

    @property
    def sole(self):
        """The one person the pronoun can mean when nothing else could be meant (a vote), or None."""
        if self.blocked is not None or self.other_noun is not None or not self.voter:
            return None
        people = {id(p): p for _, p in self.near}
        return next(iter(people.values())) if len(people) == 1 else None


class SalienceReader:
    """Reads the pronouns of one article (``read``); built once per article by the rule."""

    def __init__(self, article, cast):
        self.article, self.cast = article, cast
        self.flat = []  # (block index, start, end) of every body sentence, in reading order
        self.where = {}  # (block index, sentence index) -> index in ``flat``
        for block in article.blocks:
            if block.kind in ("headline", "caption"):
                continue
            for si, (ss, se) in enumerate(article.analysis.sentences(block) or [(0, len(block.text))]):
                self.where[(block.index, si)] = len(self.flat)
                self.flat.append((block.index, ss, se))
        self.spans = {}  # block index -> sorted (start, end) of people's titles and mentions
        for p in cast.people:
            for t in p.titles:
                if t.block is not None:
                    self.spans.setdefault(t.block, []).append((t.start, t.end))
        for b, ents in cast.entities.items():
            self.spans.setdefault(b, []).extend((s, e) for s, e, _, kind in ents if not kind.startswith("pronoun"))
        for v in self.spans.values():
            v.sort()
        # per block: the spans' starts and longest span, to find a sentence's spans by bisection
        # (a scan of every span per sentence is quadratic in one huge paragraph)
        self._span_index = {b: ([s for s, _ in v], max(e - s for s, e in v)) for b, v in self.spans.items() if v}
        self._sentence_cache = {}
        self._descriptions = {}

    def _describes(self, b: int, s: int, e: int) -> bool:
        """``[s, e)`` of block ``b`` lies in the description of a person of the cast written right
        before or after their name (a job word, an appositive)."""
        ranges = self._descriptions.get(b)
        if ranges is None:
            text = self.article.blocks[b].text
            ranges = self._descriptions[b] = []
            for ps, pe, ent, kind in self.cast.entities.get(b, ()):
                if not isinstance(ent, Person) or kind.startswith("pronoun"):
                    continue
                before = _description_before(text, max(0, ps - 60), ps)
                if before is not None and (not before[1] or text.startswith(",", pe)):
                    ranges.append((before[0], ps))
                after = _APPOSITIVE_AFTER.match(text, pe)
                if after is not None:
                    ranges.append((pe, after.end()))
        return any(lo <= s and e <= hi for lo, hi in ranges)

    def _masked(self, b: int, ss: int, se: int, descriptions: bool = True) -> str:
        """Sentence ``[ss, se)`` of block ``b`` with the cast's names and titles blanked, and a job
        word or appositive that describes a named person with them ("Singer Ronan Keating",
        "Ahmed Shaheed, the chief government spokesman,")."""
        key = (b, ss, descriptions)
        hit = self._sentence_cache.get(key)
        if hit is not None:
            return hit
        text = self.article.blocks[b].text
        out = list(text[ss:se])
        spans = self.spans.get(b, ())
        if spans:
            starts, longest = self._span_index[b]
            spans = spans[bisect.bisect_left(starts, ss - longest):bisect.bisect_left(starts, se)]
        for s, e in spans:
            if e <= ss or s >= se:
                continue
            lo, hi = max(s, ss), min(e, se)
            # the person's own description right before or after the name
            if descriptions:
                before = _description_before(text, max(ss, lo - 60), lo)
                if before is not None and (not before[1] or text.startswith(",", hi)):
                    lo = before[0]
                after = _APPOSITIVE_AFTER.match(text, hi, se)
                if after is not None:
                    hi = after.end()
            for i in range(lo, hi):
                out[i - ss] = " "
        masked = self._sentence_cache[key] = "".join(out)
        return masked

    def read(self, m) -> Reading | None:
        """The reading of pronoun mention ``m`` (he/she/his/her/him/himself/herself, unquoted), or
        None for any other."""
        gender = L.PRONOUN_GENDER.get(m.text.lower())
        if gender not in _OTHER or m.quoted or m.text.isupper() and len(m.text) > 1:
            return None  # (not "SHE", a ticker, nor a pronoun in capitals)
        k = self.where.get((m.block, m.sentence))
        if k is None:
            return None
        blocks = self.article.blocks
        analysis = self.article.analysis
        ptext = blocks[m.block].text
        word = m.text.lower()
        # an object him/her is never the subject of its own clause ("Alito cut her off": someone
        # else; that would be "herself"): people named in the clause before it are no candidates
        clause_from = None
        lead_subject = None
        obj = word == "him" or word == "her" and _OBJECT_AFTER.match(ptext, m.end) is not None
        if obj:
            clause_from = self.flat[k][1]
            for b in _CLAUSE_BREAK.finditer(ptext, clause_from, m.start):
                clause_from = b.end()
            # nor the subject right after a lead-in that holds it ("After thanking her, Beaulieu
            # said": the one who thanked)
            if clause_from == self.flat[k][1]:
                comma = ptext.find(", ", m.end, self.flat[k][2])
                if comma >= 0 and "," not in ptext[self.flat[k][1]:m.start]:
                    lead_subject = comma + 2
        # the agent of a passive the pronoun is the subject of is someone else ("where he was
        # received by Faisal al-Mansouri": nobody receives himself)
        agent = _PASSIVE_BY.match(ptext, m.end) if word in ("he", "she") else None
        agent_at = agent.end() if agent is not None else -1
        # the pronoun's own possessum is no antecedent ("his wife", "her coach, Jose Mourinho,")
        own = None
        nxt = ptext[m.end:m.end + 20].split(None, 1)
        possessive = word in ("his", "her") and bool(nxt) and nxt[0].lower() not in L.FUNCTION_WORDS
        if possessive:
            own = _POSSESSUM.match(ptext, m.end, self.flat[k][2])
        # where the possessum ends at a comma ("her ruling, "): a name from there may be the subject
        own_end = own.end() if own is not None and ptext[own.start():own.end()].rstrip(" \u00a0").endswith(",") \
            else len(ptext) + 1
        near, blocked, same, other_noun, bound = [], None, None, None, set()
        for j in range(max(0, k - WIDE), k + 1):
            b, ss, se = self.flat[j]
            is_near = j >= k - NEAR
            text = blocks[b].text
            if same is None and any(x.start() != m.start or b != m.block
                                    for x in _PRONOUNS[gender].finditer(text, ss, se)):
                same = "pronoun"  # another pronoun of the same gender: someone of that gender is about
            masked = self._masked(b, ss, se)
            described = self._masked(b, ss, se, False)  # (a person's own description may say their gender)
            if own is not None and b == m.block and j == k:
                masked = masked[:own.start() - ss] + " " * (own.end() - own.start()) + masked[own.end() - ss:]
                described = described[:own.start() - ss] + " " * (own.end() - own.start()) + described[own.end() - ss:]
            if same is None and (g := _gendered(gender, described)):
                same = "noun:" + g.group()
            if not is_near:
                continue
            if other_noun is None and (g := _gendered(_OTHER[gender], masked)):
                other_noun = g.group()  # (no vote: "the woman" may be the one meant)
            if blocked is None:
                if u := _unknown_one(masked):
                    blocked = "noun:" + u
                elif any(q.start < se and q.end > ss and q.inner_end - q.inner_start >= 40 and not _attributed(analysis, q)
                         for q in analysis.quotes_in(blocks[b])):
                    # a quotation nobody is named for (not a phrase quoted in the narrative: "were
                    # "speculation""): its speaker may be meant
                    blocked = "unattributed-quote"
                elif u := _unknown_name(text, masked, ss):
                    blocked = "name:" + u
            ents = self.cast.entities.get(b, ())
            lo = bisect.bisect_left(ents, ss, key=_FIRST)
            for s, e, ent, kind in ents[lo:]:
                if s >= se:
                    break
                if kind.startswith("pronoun"):
                    continue
                if not isinstance(ent, Person) and isinstance(ent, TitleRef) and self._describes(b, s, e):
                    continue  # ("Charles Saumarez Smith, the gallery's director, said": his own post)
                if not isinstance(ent, Person):
                    # a title nobody holds, an ambiguous surname, a tentative name that opens with a
                    # given name ("Salam Pax" may be anyone; "Borussia Dortmund", "Wall Street
                    # Journal" are no one a pronoun means)
                    if not isinstance(ent, _Cand) or _may_be_name(ent.text) \
                            and not _PLACE_AFTER_IN.search(text, max(0, s - 12), s):
                        # (a tentative name after "landed in", "arrived in": a place, "Al Rams")
                        blocked = blocked or f"entity:{type(ent).__name__}:{getattr(ent, 'text', '')}"
                    continue
                if possessive and j == k and (own is not None and own.start() <= s <= own.end()
                                              or _APPOSED_TO_POSSESSUM.fullmatch(ptext, m.end, s)) \
                        and not (s >= own_end and _LEAD_IN_PREPOSITION.fullmatch(ptext, ss, m.start)):
                    # (not the subject after a lead-in: "In her ruling, the judge found")
                    continue
                if clause_from is not None and j == k and clause_from <= s < m.start \
                        or lead_subject is not None and j == k and s == lead_subject \
                        or agent is not None and j == k and agent_at <= s <= agent_at + 40 and b == m.block \
                        and not ptext[agent_at:s].strip(" \u00a0").count(" ") > 4 and "," not in ptext[agent_at:s]:
                    # (the object's own subject is nobody it can mean, wherever else they stand)
                    bound.add(id(ent))
                    continue
                near.append(((j, s), ent))
        near = [c for c in near if id(c[1]) not in bound]
        # (a gendered noun of the other gender no longer blocks once it is no candidate either:
        # the judge asks all near people to have the other gender anyway)
        # a vote needs the pronoun's own sentence to name nobody the cast does not know: no
        # capitalised word inside it but the cast's names and titles, places and the like ("In her
        # talk with Tremblay, Beaulieu said": Tremblay may be meant)
        voter = not obj and not _stray_capital(self._masked(m.block, self.flat[k][1], self.flat[k][2]))
        return Reading(m, gender, near, blocked, same, (k, m.start), other_noun, voter)

    @staticmethod
    def judge(reading, established) -> tuple | None:
        """``(person, candidates)`` when the pronoun can only mean people the story establishes with
        the other gender (``established(person)``: "he", "she" or None, without this pronoun), else
        None (``last_silence`` says why)."""
        if reading.same is not None:
            return _silent("same:" + reading.same)
        if reading.blocked is not None:
            return _silent("blocked:" + reading.blocked)
        if not reading.near:
            return _silent("no-candidates")
        m = reading.mention
        for _, person in reading.near:
            said = established(person)
            if said != _OTHER[reading.gender]:
                return _silent(f"person:{said}:{person.name}")
        # the nearest before the pronoun, else the first after it in its sentence
        before = [c for c in reading.near if c[0] < reading.at]
        person = max(before, key=lambda c: c[0])[1] if before else min(reading.near, key=lambda c: c[0])[1]
        return person, [c[1] for c in reading.near]


def _attributed(analysis, q) -> bool:
    """The quotation, or the running quote it continues, names its speaker."""
    if q.attribution is not None:
        return True
    quotes = analysis.quotations
    return q.run != q.index and 0 <= q.run < len(quotes) and quotes[q.run].attribution is not None


def _FIRST(x):
    return x[0]


#: why the last ``judge`` stayed silent (for diagnostics)
last_silence = [None]


def _silent(reason: str):
    last_silence[0] = reason
    return None
