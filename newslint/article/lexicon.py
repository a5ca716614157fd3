"""Word lists the cast of people is built from.

Compact on purpose: the cast only needs to tell people from the capitalised
things that surround them in news copy (places, organisations, nationalities,
dates) and to recognise titles. Every list is a frozenset of lower-case
strings, built once at import; ``words()`` keeps the source readable.
"""

from __future__ import annotations


#: accented letters of given names -> their plain letters (``unaccented``)
_PLAIN_LETTERS = str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüñçýÿ", "aaaaaaeeeeiiiiooooouuuuncyy")


def unaccented(word: str) -> str:
    """``word`` with the accents of ``_PLAIN_LETTERS`` taken off ("lucía" -> "lucia")."""
    return word.translate(_PLAIN_LETTERS)


def with_accented(names: frozenset[str]) -> frozenset[str]:
    """``names`` and the accented spellings in ``ACCENTED_GIVEN`` of the names in it ("lucía" with
    "lucia"): a plain frozenset, so ``in`` stays one C lookup."""
    return names | {w for w in ACCENTED_GIVEN if unaccented(w) in names}


def words(text: str) -> frozenset[str]:
    """A frozenset from a whitespace- or ``|``-separated list (``|`` keeps multi-word entries)."""
    if "|" in text:
        return frozenset(w.strip().lower() for w in text.split("|") if w.strip())
    return frozenset(text.lower().split())


MONTHS = words("january february march april may june july august september october november december "
               "jan feb mar apr jun jul aug sep sept oct nov dec")
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")

#: A word that makes a capitalised run an organisation (or a thing), never a person.
ORG_WORDS = words("""
    inc corp corporation co ltd llc plc group company companies holdings partners bank fund trust
    ministry department office agency administration authority commission committee council
    bureau service services board court courts parliament congress senate house assembly
    university college school elementary institute institution academy center centre foundation society
    association federation union league club team party movement front alliance coalition
    forces force army navy corps guard guards police brigade brigades battalion command
    church mosque temple cathedral hospital clinic museum library gallery theatre theater
    times post news press journal herald tribune telegraph guardian gazette magazine network
    radio television tv channel broadcasting media airlines airways airport station railway
    street avenue road square park bridge tower building hall palace plaza mall
    river lake sea ocean island islands mountains mountain valley desert bay gulf strait
    hollow springs creek falls heights canyon harbor harbour bayou junction mission
    city county district province state states region republic kingdom emirates territory territories
    affairs security defense defence health education energy commerce treasury interior justice
    agriculture labor labour transportation transport housing veterans homeland finance economy
    affairs relations development intelligence resources environment
    observatory survey laboratory lab labs technology technologies systems solutions industries motors
    pharmaceuticals software studios records entertainment productions
    program programme project initiative summit conference festival games cup championship
    prize award awards act law treaty accord agreement
    day week year war crisis revolution
    capital securities brokers stockbrokers brokerage markets exchange bourse boerse index reserve
    financial insurance investments investment associates consulting consultants advisers advisors
    research analytics economics insight management ventures trustees
    telecom telecoms communications networks electric electronics motor oil gas petroleum steel
    mining pharmaceutical pharma foods stores retail airline logistics brewery breweries
    chemical chemicals plastics materials metals utilities cement textiles aerospace semiconductor
    semiconductors biotech therapeutics biosciences automotive beverages
    international report review daily weekly mirror express mail observer independent standard
    chronicle shimbun watch forum organisation organization charity societies schools statistics
    ballet opera orchestra choir lecture stadium arena fair hotel hotels inn resort restaurant cafe
    united rovers athletic wanderers rangers albion hotspur
    """)

#: Function words and common sentence starters: never a name, never a title qualifier.
FUNCTION_WORDS = words("""
    the a an and but or nor yet so for of in on at to by from with without as after before
    when while if then there here this that these those it its we our you your they their he
    she his her him i my me us them what who whom whose which where why how all some many most
    more much no not none one two three four five six seven eight nine ten first last next new
    also even still however meanwhile instead indeed although though because since until unless
    despite during about above below under over into onto through across against among between
    according asked said says told added earlier later now today tonight yesterday tomorrow
    will may can could would should must might shall do does did has have had is are was were
    be been being get got let make made take took please thank thanks yes okay ok oh
    both either neither each every another
    """)

#: Capitalised words that are not names (and common sentence starters).
NON_NAMES = FUNCTION_WORDS | words("""
    god lord allah jesus christ bible koran quran internet web online
    congress cabinet parliament senate government state church pentagon kremlin
    hamas hezbollah taliban isis isil al-qaeda houthis nato un eu
    christmas easter ramadan eid hanukkah passover thanksgiving halloween
    north south east west northern southern eastern western central
    mr mrs ms miss mx dr sir dame lady lord taoiseach tanaiste honourable hon supervisor under-secretary
    breaking update updated exclusive analysis opinion editorial photo video watch read listen
    share follow subscribe sign advertisement related more
    """)

#: Words that end a name run when capitalised (never part of a person's name).
STOP_NAME_WORDS = MONTHS | WEEKDAYS | ORG_WORDS | words("""
    the a an and but or of in on at to by from with for as said says told added
    mr mrs ms miss dr jr sr
    """)

NATIONALITIES = words("""
    afghan african albanian algerian american argentine argentinian armenian asian australian
    austrian azerbaijani bangladeshi belarusian belgian bolivian bosnian brazilian british
    bulgarian burmese cambodian cameroonian canadian chilean chinese colombian congolese croatian
    cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian
    ethiopian european filipino finnish french georgian german ghanaian greek guatemalan haitian
    honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian
    jamaican japanese jewish jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz
    latvian lebanese libyan lithuanian malaysian malian maltese mexican moldovan mongolian
    moroccan mozambican nepali nepalese nigerian nigerien norwegian pakistani palestinian panamanian
    paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi
    scottish senegalese serbian singaporean slovak slovenian somali spanish sri sudanese swedish
    swiss syrian taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian
    uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
    arab muslim christian catholic protestant sunni shia shiite hindu sikh buddhist
    republican democratic democrat conservative liberal labour socialist communist
    """)

#: Demonyms and spellings that name the same country, for matching title qualifiers.
QUALIFIER_ALIASES = {
    "us": "us", "u.s.": "us", "u.s": "us", "usa": "us", "american": "us", "america": "us",
    "united states": "us", "uk": "uk", "u.k.": "uk", "british": "uk", "britain": "uk",
    "united kingdom": "uk", "israeli": "israel", "palestinian": "palestine", "jordanian": "jordan",
    "egyptian": "egypt", "iranian": "iran", "iraqi": "iraq", "syrian": "syria", "lebanese": "lebanon",
    "russian": "russia", "ukrainian": "ukraine", "chinese": "china", "french": "france",
    "german": "germany", "japanese": "japan", "indian": "india", "saudi": "saudi arabia",
    "turkish": "turkey", "qatari": "qatar", "emirati": "uae", "canadian": "canada",
    "mexican": "mexico", "australian": "australia", "italian": "italy", "spanish": "spain",
    "polish": "poland", "pakistani": "pakistan", "afghan": "afghanistan", "korean": "korea",
}

#: countries by name, demonym and capital: (key, names and demonyms, capital). For telling whose
#: country a title names ("Philippine Foreign Secretary") and where a capital puts someone.
_COUNTRIES = (
    ("afghanistan", "afghanistan afghan", "kabul"), ("argentina", "argentina argentine argentinian", "buenos aires"),
    ("australia", "australia australian", "canberra"), ("austria", "austria austrian", "vienna"),
    ("bangladesh", "bangladesh bangladeshi", "dhaka"), ("belgium", "belgium belgian", "brussels"),
    ("brazil", "brazil brazilian", "brasilia"), ("cambodia", "cambodia cambodian", "phnom penh"),
    ("canada", "canada canadian", "ottawa"), ("chile", "chile chilean", "santiago"),
    ("china", "china chinese", "beijing"), ("colombia", "colombia colombian", "bogota"),
    ("cuba", "cuba cuban", "havana"), ("czech republic", "czech", "prague"), ("denmark", "denmark danish", "copenhagen"),
    ("egypt", "egypt egyptian", "cairo"), ("ethiopia", "ethiopia ethiopian", "addis ababa"),
    ("finland", "finland finnish", "helsinki"), ("france", "france french", "paris"),
    ("germany", "germany german", "berlin"), ("greece", "greece greek", "athens"),
    ("hungary", "hungary hungarian", "budapest"), ("india", "india indian", "new delhi"),
    ("indonesia", "indonesia indonesian", "jakarta"), ("iran", "iran iranian", "tehran"),
    ("iraq", "iraq iraqi", "baghdad"), ("ireland", "ireland irish", "dublin"),
    ("israel", "israel israeli", "jerusalem"), ("italy", "italy italian", "rome"),
    ("japan", "japan japanese", "tokyo"), ("jordan", "jordan jordanian", "amman"),
    ("kenya", "kenya kenyan", "nairobi"), ("laos", "laos laotian", "vientiane"),
    ("lebanon", "lebanon lebanese", "beirut"), ("malaysia", "malaysia malaysian", "kuala lumpur"),
    ("mexico", "mexico mexican", "mexico city"), ("netherlands", "netherlands dutch", "amsterdam"),
    ("new zealand", "zealander", "wellington"), ("nigeria", "nigeria nigerian", "abuja"),
    ("north korea", "", "pyongyang"), ("norway", "norway norwegian", "oslo"),
    ("pakistan", "pakistan pakistani", "islamabad"), ("peru", "peru peruvian", "lima"),
    ("philippines", "philippines philippine filipino filipina", "manila"), ("poland", "poland polish", "warsaw"),
    ("portugal", "portugal portuguese", "lisbon"), ("qatar", "qatar qatari", "doha"),
    ("russia", "russia russian", "moscow"), ("saudi arabia", "saudi", "riyadh"),
    ("singapore", "singapore singaporean", "singapore"), ("south africa", "", "pretoria"),
    ("south korea", "", "seoul"), ("spain", "spain spanish", "madrid"), ("sweden", "sweden swedish", "stockholm"),
    ("switzerland", "switzerland swiss", "bern"), ("syria", "syria syrian", "damascus"),
    ("taiwan", "taiwan taiwanese", "taipei"), ("thailand", "thailand thai", "bangkok"),
    ("turkey", "turkey turkish", "ankara"), ("ukraine", "ukraine ukrainian", "kyiv"),
    ("united arab emirates", "emirati", "abu dhabi"), ("united kingdom", "britain british", "london"),
    ("united states", "american u.s. us usa", "washington"), ("venezuela", "venezuela venezuelan", "caracas"),
    ("vietnam", "vietnam vietnamese", "hanoi"),
)
#: a demonym or a one-word country name -> the country ("philippine" -> "philippines")
COUNTRY_OF = {w: key for key, names, _ in _COUNTRIES for w in names.split()}
#: a capital (lower case) -> its country ("manila" -> "philippines"; "kiev" too)
CAPITALS = {capital: key for key, _, capital in _COUNTRIES} | {"kiev": "ukraine"}

PLACES = words("""
    afghanistan|albania|algeria|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|
    belarus|belgium|bolivia|bosnia|brazil|bulgaria|burma|cambodia|cameroon|canada|chad|chile|china|
    colombia|congo|croatia|cuba|cyprus|czech republic|denmark|ecuador|egypt|england|eritrea|estonia|
    ethiopia|europe|finland|france|germany|ghana|greece|guatemala|haiti|honduras|hungary|iceland|
    india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|kosovo|
    kuwait|laos|latvia|lebanon|libya|lithuania|malaysia|mali|malta|mexico|moldova|mongolia|morocco|
    mozambique|myanmar|nepal|netherlands|new zealand|nicaragua|niger|nigeria|north korea|norway|
    oman|pakistan|palestine|panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|
    rwanda|saudi arabia|scotland|senegal|serbia|singapore|slovakia|slovenia|somalia|south africa|
    south korea|south sudan|spain|sri lanka|sudan|sweden|switzerland|syria|taiwan|tajikistan|
    tanzania|thailand|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|
    united kingdom|united states|america|uruguay|uzbekistan|venezuela|vietnam|wales|yemen|zambia|
    zimbabwe|britain|great britain|africa|asia|latin america|middle east|gulf|europe|
    gaza|gaza strip|west bank|golan heights|sinai|kurdistan|crimea|donbas|kashmir|tibet|
    balkans|caucasus|scandinavia|arctic|antarctica|pacific|atlantic|mediterranean|
    alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|
    idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|
    minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|
    new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|
    south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|
    wisconsin|wyoming|puerto rico|
    london|paris|berlin|rome|madrid|moscow|kyiv|kiev|beijing|tokyo|delhi|new delhi|mumbai|
    cairo|amman|beirut|damascus|baghdad|tehran|riyadh|doha|dubai|abu dhabi|ankara|istanbul|
    jerusalem|tel aviv|ramallah|rafah|khan younis|haifa|brussels|geneva|vienna|warsaw|prague|
    budapest|athens|lisbon|dublin|edinburgh|glasgow|manchester|liverpool|birmingham|leeds|bristol|
    cardiff|belfast|oxford|cambridge|amsterdam|stockholm|oslo|copenhagen|helsinki|ottawa|toronto|
    montreal|vancouver|sydney|melbourne|canberra|auckland|wellington|seoul|pyongyang|taipei|
    hong kong|shanghai|singapore|bangkok|jakarta|manila|hanoi|kabul|islamabad|karachi|lahore|
    nairobi|lagos|johannesburg|cape town|addis ababa|khartoum|tripoli|tunis|algiers|
    mexico city|havana|caracas|bogota|lima|santiago|buenos aires|brasilia|rio de janeiro|sao paulo|
    chicago|los angeles|san francisco|boston|houston|dallas|miami|atlanta|seattle|denver|detroit|
    philadelphia|phoenix|las vegas|new orleans|baltimore|pittsburgh|cleveland|san diego|
    silicon valley|wall street|capitol hill|downing street|white house|whitehall|westminster|
    manhattan|brooklyn|queens|bronx|hollywood|kirya
    """)

#: common accented spellings of given names (Spanish, Portuguese, French, ...): ``with_accented``
#: adds those whose plain spelling a list holds
ACCENTED_GIVEN = words("""
    josé maría lucía andrés jesús tomás joaquín martín ramón nicolás sebastián inés raúl óscar ángel
    álvaro adrián iván julián rubén víctor héctor sofía mónica verónica rené renée hélène françois
    françoise jérôme zoë chloé noémie léa élise mélanie agustín simón germán efraín josué ángela
    beatríz héloïse anaïs joão conceição estéban gaëlle loïc stéphane stéphanie frédéric frédérique
    cécile céline andré andrée désirée érica érico fabián elías matías cristián benjamín damián
    aïssatou aïcha
    """)

#: A compact list of common given names (several languages): evidence that a
#: two-word capitalised run is a person ("Frank Sinatra", "Will Smith").
GIVEN_NAMES = with_accented(words("""
    beverly brittany caleb carolyn danielle darnell elijah kayla leticia lori marisol nathaniel priya
    randy tiffany tyler
    aaron abdul abdullah abigail adam adrian ahmad ahmed aisha alan albert alex alexander alexandra
    alexei ali alice alicia alison amanda amber amir amy ana andrea andrew andy angela angelina anita
    ann anna anne anthony antonio antony april ariel arthur ashley ashraf avi barack barbara ben
    benjamin benny bernard beth betty bill billy bob bobby boris brad brandon brenda brian bruce
    bryan carl carla carlos carol caroline catherine charles charlie charlotte chloe chris christian
    christina christine christopher chuck claire claudia colin connor craig dan daniel danny david
    deborah debbie denis dennis diana diane dmitry donald donna doug douglas dylan ed eddie edward
    elena eli elizabeth ellen emily emma emmanuel eric erik ethan eugene eva evan fatima felix
    fernando francis frank fred frederick gabriel gary george gerald gideon gordon grace greg
    gregory hady hamad hannah harold harry hassan heather helen henry hillary howard hugh hussein
    ian ibrahim igor isaac ivan jack jacob jake james jamie jan jane janet jason javier jean jeff
    jeffrey jennifer jenny jeremy jerry jessica jill jim jimmy joan joanna joe joel john johnny jon
    jonathan jordan jorge jose joseph josh joshua joyce juan judith julia julian julie justin karen
    karl kate katherine kathleen kathy katie keir keith kelly kemal ken kenneth kevin kim kimberly
    kyle larry laura lauren lee leo leon linda lisa liz lloyd louis louise luis lukas luke lynn
    mahmoud marco margaret maria marie marine mario mark martin mary matt matthew maurice max megan
    melissa michael michel michelle miguel mike mohamed mohammad mohammed muhammad nadia nancy naomi
    natalie nathan neil nicholas nick nicola nicolas nikki noah olaf olivia omar oscar pamela patricia
    patrick paul paula pedro peter philip phillip pierre rachel rafael ralph raymond rebecca richard
    rishi rob robert robin roger ron ronald rose ruth ryan sadiq salman sam samantha samuel sandra
    sara sarah scott sean sebastian sergei sergey shimon simon sophie stephanie stephen steve steven
    stuart susan tamar tanya ted teresa terry theresa thomas tim timothy tina todd tom tony tracy
    valerie vanessa victor victoria vincent vladimir volodymyr walter wayne wendy william willie
    will xi yair yasser yitzhak yoav yuri yusuf zach zachary
    aidan alastair alistair alfred allan andre andrei andres angus antoine anton archie arnold
    arturo bernie bertrand bradley brendan brett calvin carlo cesar christoph christophe claude
    clive conor cyril damian damien darren declan derek desmond dick dieter dominic don duncan
    edgar edmund eduardo elliot emil enrique ernest ernesto fabio fergus francesco francisco
    franco francois frederic fritz gareth gavin geoff geoffrey gerard gerhard gerry giovanni
    giuseppe glenn graeme hamid hans harvey hector helmut herbert hugo ilya jacques jaime jamal
    jared jens jerome jesse joachim johan johannes jonas juergen jurgen keanu klaus kurt lars
    lawrence leonard leonardo liam lionel lorenzo lucas ludwig luigi malcolm manuel marc marcel
    marcus matthias micheal mick mitchell moshe neville nigel niall nikolai norbert norman olivier
    oliver otto pablo paolo pascal pete phil raul reginald ricardo rick ricky roberto rodney
    rodrigo roland rolf rory roy rudolf rupert silvio stefan sven theo theodore thierry tobias
    toby trevor ulf ulrich viktor vince werner wolfgang xavier yves bernd hannes henri alain
    laurent philippe segolene dominique joaquin alejandro diego emilio felipe gonzalo guillermo
    ignacio julio marcelo nestor sergio anatoly dmitri evgeny gennady leonid mikhail nikita oleg
    pavel vitaly yevgeny petro horst manfred rainer heinz hermann sigmar matteo enrico massimo
    gianluca thabo kofi olusegun ehud avigdor naftali tzipi yossi gilad ayman khaled khalid
    mustafa walid saeed salim abdel abbas adel ahmet aziz bashar hosni imran jalal nawaz pervez
    rajiv sanjay sunil deepak amit anand arjun rahul narendra manmohan vijay hiroshi takashi
    shinzo junichiro naoki kenji akira yoshihiko burt logan graham
    abby adriana agnes aileen alexandria amelia anastasia angelique anjelica annette antonia
    beatrice belinda bernadette bianca bonnie brigitte bridget britney camilla candice carmen
    carole cate catalina cecilia celine charlize cheryl cindy clara colleen courtney cynthia
    dana daphne debra deirdre denise dolores doris dorothy edith eileen elaine eleanor elisa
    elise eliza ella erica evelyn fiona frances francesca gabriela gail geraldine gemma gina gloria
    gwen gwyneth harriet heidi helena hilary imelda ingrid irene isabel isabella isabelle
    jacqueline janice jasmine jeanne jemima jodie josephine judy juliet kamala karin katarina
    kathryn katrina kirsten kristen kristin kristina lara leah lena leslie lillian lorraine lucia
    lucy lydia lynne madeleine maggie mandy marcia margot marian marianne marilyn marion marjorie
    martha maureen maxine melanie meryl mia michaela miriam molly monica muriel nadine natalia
    natalya natasha nicole nina nora norma olga pauline peggy penelope philippa phoebe polly
    priscilla rachael regina renee rita roberta rosemary roxanne sabine sally sharon sheila
    shirley silvia simone sonia sophia susanna suzanne sylvia tamara tessa tracey ulrike
    ursula veronica vicky vivian yasmin yvonne zainab zoe svetlana tatiana irina yulia oksana
    adolfo agnieszka akiko alberto alejandra alfonso alfredo alyssa amara amina anders andriy angelica
    angelo anja anjali annie antoinette arlene armando arvid astrid beatriz becky benito bertha bethany
    birgit bjorn brianna camille candace cassandra cedric celeste charlene chelsea chioma christy
    clarence condoleezza constance corinne cornelius darius darlene darrell darryl deepa delia delores
    demetrius derrick desiree dewayne dominick donnell donovan doreen dorothea duane dustin dwayne dwight
    edna edwin ekaterina elias elliott elmer eloise elsa elsie emeka emiko esperanza estelle esther
    ethel eugenia evangeline ezekiel felicia fernanda gabrielle galina genevieve georgina gillian
    gladys gregg gregor greta gretchen gustavo gwendolyn heike helga hendra henrik horace hubert iain
    imani inez irma isaiah jaclyn jacquelyn jarrett jeanette jeffery jenna jermaine joann joanne jocelyn
    jodi jolene josefina juanita julianne julius kareem karla katarzyna katharina katrin keiko keisha
    kelsey kendra kendrick kwame lakisha lakshmi latasha latoya layla leila leland leroy lester lindsay
    lindsey liza lorena loretta luc lucille ludmila magdalena mallory marek margarita maribel marisa
    marla marlene marlon melvin meredith mildred monique myra nellie ngozi nils oleksandr olena patsy
    pawel petra phyllis piotr quentin quincy rajesh ramon ramona reggie renata rhonda robyn rochelle
    rodolfo rolando rosalind rudolph sabrina satoshi selena serena shauna shawn shawna sheldon sherri
    sherry sigrid stefanie stephan sylvie takeshi tamika tammy tariq tasha terrance terrell terrence
    thaddeus tomas tomasz tommy tonya trisha tristan tunde tyrone vikram wilbur willard yekaterina yoko
    yolanda yvette zeynep anneliese
    aissatou fatou fatoumata aminata mariama awa khady ndeye coumba rokhaya aicha
    mamadou moussa ibrahima cheikh abdoulaye ousmane amadou seydou boubacar assimi souleymane modibo
    """))

#: Title head nouns and noun phrases (lower case). Multi-word heads come first
#: in the pattern so "prime minister" wins over "minister".
TITLE_HEADS = words("""
    prime minister|vice president|vice-president|chief of staff|deputy chief of staff|chief executive|
    chief executive officer|chief operating officer|chief financial officer|general counsel|attorney general|
    solicitor general|surgeon general|auditor general|inspector general|comptroller general|postmaster general|
    secretary of state|secretary-general|secretary general|director general|
    director-general|
    lieutenant governor|crown prince|first lady|supreme leader|chief justice|house speaker|
    speaker of the house|press secretary|national security adviser|national security advisor|
    foreign minister|foreign secretary|home secretary|defense minister|defence minister|
    defense secretary|defence secretary|finance minister|interior minister|health minister|
    health secretary|education secretary|treasury secretary|chancellor of the exchequer|
    police chief|fire chief|fire marshal|city attorney|county attorney|
    board member|council member|councilmember|committee member|
    head coach|managing director|executive director|general manager|county executive|
    county clerk|city clerk|town clerk|county administrator|city administrator|medical examiner|coroner|
    harbor master|harbour master|harbormaster|harbourmaster|
    public advocate|
    majority leader|minority leader|majority whip|minority whip|speaker|
    homeland security secretary|secretary of homeland security|district attorney|
    president|minister|premier|secretary|undersecretary|under-secretary|ambassador|senator|congressman|congresswoman|mp|mep|
    councilman|councilwoman|councilmember|alderman|alderwoman|assemblyman|assemblywoman|
    lawmaker|legislator|governor|mayor|spokesman|spokeswoman|spokesperson|director|chairman|
    chairwoman|chair|chairperson|ceo|cfo|coo|founder|co-founder|chancellor|king|queen|prince|
    princess|pope|emperor|empress|sheikh|emir|sultan|envoy|representative|commissioner|
    justice|judge|magistrate|prosecutor|sheriff|undersheriff|diplomat|general|admiral|colonel|major|captain|
    lieutenant|sergeant|commander|marshal|professor|rabbi|imam|bishop|archbishop|cardinal|
    reverend|pastor|coach|manager|editor|publisher|economist|analyst|adviser|advisor|
    counselor|consul|attache|administrator|superintendent|inspector|detective|constable|officer|
    dean|provost|rector|principal|treasurer|auditor|comptroller|assessor|regent|clerk|leader|head|boss|owner|deputy
    """)

#: Heads that are too ordinary as nouns to make a title-only reference on their
#: own ("the general public", "the head of the snake", "the major cities").
WEAK_REF_HEADS = words("""
    general major captain justice head chair leader principal officer manager owner boss editor
    publisher economist analyst adviser advisor director founder co-founder coach deputy dean
    lieutenant commander marshal constable inspector detective treasurer administrator counselor
    consul attache superintendent professor diplomat lawmaker legislator representative clerk auditor
    comptroller assessor
    """)

#: Heads that may stand right before a name as a formal title (AP) or a
#: descriptor; in the appositive position any head is accepted.
BEFORE_HEAD_EXCLUDE = words("head leader boss owner deputy principal officer manager")

#: Modifiers that change the post: a deputy secretary is not "the secretary".
RANK_MODIFIERS = words("deputy vice assistant associate under co shadow")
#: Modifiers that keep the post ("special envoy" is an envoy).
OTHER_MODIFIERS = words("special chief senior top principal executive managing acting interim "
                        "former outgoing incoming then late presidential national regional "
                        "general lead permanent")
#: Modifiers that say the post is not (or not yet) held.
STATUS_MODIFIERS = words("former then late ex outgoing incoming")

#: Portfolio words: "Defense Secretary" = "secretary of defense".
PORTFOLIOS = words("foreign home defense defence finance interior health education treasury "
                   "justice energy commerce trade labor labour agriculture transport "
                   "transportation environment culture economy housing state press")

#: Abbreviated titles before a name, with the head they stand for.
TITLE_ABBREVIATIONS = {
    "gov.": "governor", "lt. gov.": "lieutenant governor", "sen.": "senator",
    "rep.": "representative", "dr.": "doctor", "rev.": "reverend", "gen.": "general",
    "lt. gen.": "general", "maj. gen.": "general", "brig. gen.": "general", "col.": "colonel",
    "lt. col.": "colonel", "sgt.": "sergeant", "capt.": "captain", "adm.": "admiral",
    "maj.": "major", "lt.": "lieutenant", "cmdr.": "commander", "pres.": "president",
    "supt.": "superintendent", "insp.": "inspector", "det.": "detective", "prof.": "professor",
    "amb.": "ambassador", "atty. gen.": "attorney general", "sir": "sir", "dame": "dame",
    "cllr.": "councillor",
    # British style writes them without a full point ("Dr Tony Holohan", "Det Supt Jo Brown")
    "dr": "doctor", "prof": "professor", "rev": "reverend", "cllr": "councillor", "gen": "general",
    "lt gen": "general", "maj gen": "general", "brig": "brigadier", "col": "colonel", "lt col": "colonel",
    "capt": "captain", "sgt": "sergeant", "det sgt": "sergeant", "supt": "superintendent",
    "ch supt": "superintendent", "det supt": "superintendent", "det ch supt": "superintendent",
    "insp": "inspector", "det insp": "inspector", "det ch insp": "inspector", "cdr": "commander",
    "maj": "major", "lt": "lieutenant",
}

#: Courtesy titles and the pronoun each implies.
COURTESY = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "mx": "they"}
#: Honorifics that open a name and say the person's gender as a courtesy title does ("Lord Holme",
#: "Sir Nick Carter", "Dame Judi Dench"); not "King"/"Queen", which are surnames too
HONORIFIC_GENDER = {"lord": "he", "sir": "he", "baron": "he", "lady": "she", "dame": "she", "baroness": "she"}

#: Occupational descriptors that may stand before a name ("astronaut Neil Armstrong").
OCCUPATIONS = words("""
    booster donor actor actress cartoonist illustrator singer singer-songwriter rapper musician composer pianist guitarist drummer
    astronaut author writer novelist poet playwright journalist reporter columnist photographer
    filmmaker director producer comedian presenter broadcaster host anchor artist painter
    sculptor designer architect model chef scientist researcher physicist chemist biologist
    economist historian philosopher astronomer mathematician engineer inventor entrepreneur
    businessman businesswoman billionaire investor banker lawyer attorney activist campaigner
    striker midfielder defender goalkeeper quarterback pitcher player captain coach manager
    athlete sprinter swimmer boxer golfer cyclist skier tennis star footballer cricketer
    candidate nominee challenger incumbent rival opposition leader whistleblower
    conductor film-maker correspondent commentator coordinator olympian paralympian counterpart
    analyst strategist pollster consultant lobbyist professor teacher student doctor nurse
    surgeon psychiatrist psychologist pilot soldier veteran officer detective prosecutor
    """)

#: Descriptors that fit a company as well as a person: before a single word ("rival Google",
#: "German publisher Bertelsmann") they are no evidence of a person.
COMPANY_DESCRIPTORS = words("rival publisher producer owner investor partner supplier maker manufacturer "
                            "retailer operator carrier broadcaster distributor lender insurer bidder buyer "
                            "seller founder co-founder shareholder")

#: Verbs of attribution (present, past) for "NAME said", "said NAME", "he told".
ATTRIBUTION_VERBS = words("""
    said says say told tells added adds explained explains wrote writes asked asks replied
    replies answered noted notes stressed stresses insisted insists claimed claims argued argues
    warned warns acknowledged acknowledges admitted admits announced announces declared declares
    confirmed confirms denied denies recalled recalls continued continues suggested suggests
    believes believed thinks thought posted tweeted emphasized emphasised observed
    """)

#: Singular person nouns: a pronoun near one of these may refer to it, not to a named person.
PERSON_NOUNS = words("""
    man woman boy girl child baby son daughter mother father mom mum dad wife husband sister
    brother aunt uncle niece nephew grandmother grandfather grandson granddaughter widow widower
    girlfriend boyfriend fiance fiancee partner friend colleague neighbor neighbour
    victim suspect witness defendant plaintiff patient student teacher doctor nurse officer
    official spokesman spokeswoman spokesperson driver passenger resident owner worker
    employee employer customer client staffer teenager teen toddler infant kid adult member voter
    citizen shopper tourist visitor guest caller fan spouse relative cousin lawyer attorney
    """)

#: Inanimate nouns a singular person noun may modify, which then names no person: "the guest book",
#: "student loans", "voter turnout", "member states", "customer service", "witness stand".
PERSON_NOUN_COMPOUND_HEADS = words("""
    book books list lists room rooms house houses loan loans fees debt union body turnout registration
    rolls identification training pay numbers traffic miles cars support stand statement statements
    benefit benefits stock orders base service services states countries nations firms industry
    visa visas care safety data records shortage shortages rights protection attraction attractions
    """)

#: Gendered nouns a speaker may call themselves ("I am a father"), with the pronoun each says
#: (``pronouns.mismatch`` counts one in the person's own quotation as evidence).
SELF_GENDER_NOUNS = {
    **dict.fromkeys(words("father dad husband grandfather grandpa son brother widower man boy uncle "
                          "nephew grandson boyfriend"), "he"),
    **dict.fromkeys(words("mother mom mum wife grandmother grandma daughter sister widow woman girl aunt "
                          "niece granddaughter girlfriend"), "she"),
}

PRONOUN_GENDER = {
    "he": "he", "him": "he", "his": "he", "himself": "he",
    "she": "she", "her": "she", "hers": "she", "herself": "she",
    "they": "they", "them": "they", "their": "they", "theirs": "they", "themselves": "they",
    "themself": "they",
}

#: Name particles that join a surname ("Ludwig van Beethoven", "Osama bin Laden").
PARTICLES = words("de da di del della des dos das du van von der den ter ten la le bin ibn al el "
                  "abu bint ben st.")

#: Chinese, Korean and Vietnamese family names, written first ("Xi Jinping": Xi is the surname),
#: leaving out those that are English words or given names (Long, Song, Moon, Lee, Kim, Park:
#: see ``SURNAME_FIRST_IF_KOREAN``).
SURNAME_FIRST = words("""
    xi li wang zhang liu chen yang huang zhao zhou xu sun zhu gao lin guo luo liang zheng xie tang
    feng dong xiao cheng cao yuan deng shen zeng peng jiang cai jia wei yan pan dai xia zhong tian
    yao liao zou xiong qiu qin hou shao meng lei qian wu
    choi jung kang cho yoon jang lim
    nguyen tran pham hoang phan vu dang bui duong
    """)
#: Korean family names that are also English names or words: first only before a Korean given
#: name ("Kim Jong Un", "Moon Jae-in", "Lee Jae-myung"; not "Kim Kardashian", "Lee Evans").
SURNAME_FIRST_IF_KOREAN = words("kim lee park moon han seo shin kwon hwang ahn ryu jeon hong bae baek "
                                 "nam noh kwak yoo chae byun oh son song ko ha min")

#: Generational suffixes and regnal numbers after a name.
NAME_SUFFIXES = words("jr. sr. jr sr jnr snr ii iii iv v vi vii viii")

#: Titles held under a single name: "Pope Francis", "King Abdullah II" are full names.
SINGLE_NAME_HEADS = words("king|queen|prince|princess|pope|emperor|empress|sheikh|emir|sultan|"
                          "crown prince|grand ayatollah|ayatollah|cardinal|archbishop")
