"""Word lists the extractors share: general English news vocabulary, nothing story-specific.

Every list here is about how English news text is written (which words hedge a
number, which verbs report speech, which nouns count people in uniform), never
about a particular story: no names, no numbers, no phrasings of any article.
"""

from __future__ import annotations

from .records import Qualifier

# Hedges before a number, longest first so "no more than" wins over "more than".
HEDGES_BEFORE: tuple[tuple[tuple[str, ...], Qualifier], ...] = tuple(
    sorted(
        (
            (("no", "fewer", "than"), Qualifier.AT_LEAST),
            (("no", "less", "than"), Qualifier.AT_LEAST),
            (("not", "less", "than"), Qualifier.AT_LEAST),
            (("more", "than"), Qualifier.AT_LEAST),
            (("at", "least"), Qualifier.AT_LEAST),
            (("upwards", "of"), Qualifier.AT_LEAST),
            (("in", "excess", "of"), Qualifier.AT_LEAST),
            (("over",), Qualifier.AT_LEAST),
            (("well", "over"), Qualifier.AT_LEAST),
            (("no", "more", "than"), Qualifier.AT_MOST),
            (("not", "more", "than"), Qualifier.AT_MOST),
            (("as", "many", "as"), Qualifier.AT_MOST),
            (("as", "much", "as"), Qualifier.AT_MOST),
            (("up", "to"), Qualifier.AT_MOST),
            (("at", "most"), Qualifier.AT_MOST),
            (("fewer", "than"), Qualifier.AT_MOST),
            (("less", "than"), Qualifier.AT_MOST),
            (("under",), Qualifier.AT_MOST),
            (("around",), Qualifier.APPROXIMATE),
            (("about",), Qualifier.APPROXIMATE),
            (("approximately",), Qualifier.APPROXIMATE),
            (("approx",), Qualifier.APPROXIMATE),
            (("roughly",), Qualifier.APPROXIMATE),
            (("some",), Qualifier.APPROXIMATE),
            (("an", "estimated"), Qualifier.APPROXIMATE),
            (("estimated",), Qualifier.APPROXIMATE),
            (("an", "approximate"), Qualifier.APPROXIMATE),
            (("close", "to"), Qualifier.APPROXIMATE),
            (("circa",), Qualifier.APPROXIMATE),
            (("nearly",), Qualifier.APPROXIMATE),
            (("almost",), Qualifier.APPROXIMATE),
            (("just", "under"), Qualifier.APPROXIMATE),
            (("just", "over"), Qualifier.APPROXIMATE),
        ),
        key=lambda item: -len(item[0]),
    )
)
# Hedges that put the value just under the number ("nearly 500" is a little below 500).
BELOW_HEDGES = frozenset({("nearly",), ("almost",), ("just", "under")})
ABOVE_HEDGES = frozenset({("just", "over"),})
# Hedges after a number ("10,000 or so", "500 or more").
HEDGES_AFTER: tuple[tuple[tuple[str, ...], Qualifier], ...] = (
    (("or", "so"), Qualifier.APPROXIMATE),
    (("or", "more"), Qualifier.AT_LEAST),
    (("or", "fewer"), Qualifier.AT_MOST),
    (("or", "less"), Qualifier.AT_MOST),
    (("and", "more"), Qualifier.AT_LEAST),
    (("plus",), Qualifier.AT_LEAST),
)

# Nouns that measure time: a number counting these is a duration or an age, not a claim.
TIME_UNITS = frozenset(
    """second minute hour day night week weekend month year decade century
    millennium fortnight season quarter term""".split()
)
# Nouns after which a number is a label, a rate or a measure rather than a count.
NON_COUNT_HEADS = frozenset(
    """percent percentage % per cent point time times o'clock am pm
    kilometre kilometer km mile metre meter m foot feet inch yard
    kilogram kg gram pound ton tonne degree magnitude
    story storey caliber calibre gauge""".split()
)
# Fractions after a number that make it a share ("two thirds of the cake").
SHARE_WORDS = frozenset("half halves third thirds quarter quarters fifth fifths sixth sixths eighth eighths tenth tenths".split())
# Words that end a street name, after which a number is an address ("221 Baker Street").
STREET_WORDS = frozenset(
    "street st avenue ave road rd way boulevard blvd lane ln drive dr place pl court ct terrace highway".split()
)
# Determiners that make a small number point back to things already named ("these two
# countries", "those three"): incidental, not a claim. "the", "all" and possessives are not
# among them: "the three victims", "all three bridges", "their three guns" say how many.
ANAPHORIC_DETERMINERS = frozenset({"these", "those"})
# Below this, a number after an anaphoric determiner is incidental.
INCIDENTAL_BELOW = 10

# Classes of counted nouns that news treats as the same measured thing.
# Keyed by lemma; a noun not listed is its own class.
COUNT_CLASSES: dict[str, str] = {}
for _class, _words in {
    "military personnel": """troop soldier force personnel serviceman servicemen
        servicewoman fighter combatant recruit conscript mercenary marine
        paratrooper infantryman reservist commando militiaman army
        sailor airman pilot guardsman""",
    "people": """civilian resident inhabitant citizen people person individual
        man men woman women child children kid boy girl teenager teen youth
        adult passenger pedestrian tourist visitor patient student pupil
        worshipper other""",
    "crowd": """crowd protester protestor demonstrator marcher rioter mourner
        participant attendee turnout gathering""",
    "workers": "worker employee coworker co-worker colleague staff staffer",
    "police": "police policeman policewoman cop constable trooper officer",
    "emergency workers": "firefighter fireman rescuer paramedic",
    "fire engines": "engine appliance pump tender apparatus",
    "observers": "observer monitor",
    "displaced people": "refugee evacuee migrant asylum-seeker",
    "artillery ammunition": "shell munition projectile",
    "shots": "shot gunshot round",
    "hits": "bullet wound",
    "missiles": "missile rocket",
    "drones": "drone uav",
    "casualties": "casualty fatality death dead victim toll",
}.items():
    for _word in _words.split():
        COUNT_CLASSES[_word] = _class
# "shot seven times", "struck 11 times": counted by the verb, one class with the bullets that hit.
for _verb in "shoot hit strike stab wound".split():
    COUNT_CLASSES[f"{_verb} times"] = "hits"

# What happened to the people counted: separates "10,000 soldiers" from
# "10,000 soldiers killed". Keyed by lemma of the verb, adjective or noun.
STATES: dict[str, str] = {}
for _state, _words in {
    "killed": "kill die dead death fatality slay toll gun execute",
    "injured": "injure wound hurt injury",
    "casualties": "casualty",
    "captured": "capture detain arrest imprison",
    "missing": "missing unaccounted",
    "displaced": "displace evacuate flee relocate rehouse move",
    "shot": "shoot",
    "gathered": "march protest demonstrate rally gather riot assemble",
    "destroyed": "destroy damage flatten raze collapse gut cut sever snap smash wreck ransack vandalise vandalize torch",
    "ill": "ill sick sicken infect",
    "hospitalised": "hospitalise hospitalize hospitalised hospitalized",
}.items():
    for _word in _words.split():
        STATES[_word] = _state

# Verbs that make their subject part of a gathering when their object is one ("joined a vigil").
JOINING_VERBS = frozenset({"join", "attend"})
GATHERING_EVENTS = frozenset(
    {"vigil", "march", "protest", "rally", "demonstration", "funeral", "memorial", "gathering", "ceremony", "service", "procession"}
)
# Verbs whose object says what befell their subject ("suffered injuries", "sustained damage").
UNDERGOING_VERBS = frozenset({"suffer", "sustain", "incur"})
# Nouns for a margin, whose size a count may give in any unit ("a two-seat majority").
MARGIN_NOUNS = frozenset({"majority", "lead", "margin"})
# Nouns that count what their "of" names: "17 pieces of equipment", "500 head of cattle".
UNIT_NOUNS = frozenset({"piece", "item", "head", "article", "unit"})
# Nouns for a body of people: "a group of 30 youths attacked", "a crowd of 200 people gathered".
COLLECTIVE_NOUNS = frozenset(
    {"group", "crowd", "band", "gang", "mob", "team", "contingent", "party", "throng", "convoy", "sect", "congregation",
     "workforce", "militia", "army", "force"}
)

# States whose counts only grow while a story runs (a toll, arrests so far): a later,
# lower figure of one, with no word of revision, is another count, not a revision.
CUMULATIVE_STATES = frozenset(
    {"killed", "injured", "casualties", "shot", "captured", "displaced", "destroyed", "ill", "hospitalised"}
)
# States counted per occasion (a march's crowd): the figure is the occasion's, whichever
# day reports it, so a publication day does not make it a different moment.
OCCASION_STATES = frozenset({"gathered"})

# Verbs whose subject is what the state happened to ("14 people died").
INTRANSITIVE_STATES = frozenset(
    {"die", "perish", "drown", "flee", "disappear", "vanish", "march", "protest", "demonstrate", "rally", "gather", "riot",
     "assemble"}
)
# States that count the dead and hurt; people counted in any of them are one kind.
CASUALTY_STATES = frozenset({"killed", "injured", "casualties", "shot"})
PERSON_CLASSES = frozenset(
    {"military personnel", "people", "crowd", "workers", "police", "emergency workers", "displaced people", "casualties"}
)
# People counted by their service: "seven officers hurt" is not the crowd's injured, nor
# "three soldiers killed" the civilians' toll; they stay their own count when hurt or killed.
SERVICE_CLASSES = frozenset({"military personnel", "police", "emergency workers"})
# Words that say the people counted are women or men (singular and plural, as lemmas and as written).
FEMALE_WORDS = frozenset(
    "woman women girl girls wife wives mother mothers daughter daughters sister sisters female females".split()
)
MALE_WORDS = frozenset("man men boy boys husband husbands father fathers son sons brother brothers male males".split())
# Classes that say nothing of who the people are beyond being people: once the
# text says what happened to them (arrested, gathered), they count as "people".
GENERIC_PERSON_CLASSES = frozenset({"people", "crowd", "workers", "casualties", "displaced people"})
# Classes that say nothing at all of who is counted ("100 people", "seven workers"): without a
# state, what they did (the verb they are subject or object of) tells measures apart.
UNDESCRIBED_PERSON_CLASSES = frozenset({"people", "workers"})
# Classes that count a gathering's size ("a crowd of 200", "130 marchers").
GATHERING_CLASSES = frozenset({"crowd"})
# Verbs that say nothing of what happened to what they count ("there were 40 people", "it has 125 seats").
LIGHT_VERBS = frozenset(
    """be have include get make take give see become remain number total reach
    count exceed involve contain comprise hold carry house employ accommodate""".split()
)
# Nouns that name an amount rather than a thing ("the number of volunteers", "the death toll").
MEASURE_NOUNS = frozenset({"number", "toll", "figure", "total", "count", "tally", "estimate"})
# Verbs that give an amount with "to"/"at" ("rose to 22", "put the number at 3,000").
AMOUNT_VERBS = frozenset(
    """rise climb reach stand put estimate place number total hit jump increase grow fall drop
    revise raise lower bring remain give set adjust update correct cut lift push take""".split()
)

# Time and events (extract.timing), copies (copies).
# Verbs of a changing amount: the figure after "to" (or their object) is the newest.
CHANGE_VERBS = frozenset(
    """rise climb increase jump grow soar mount reach swell revise raise lift up double bring
    triple surge spike balloon fall drop decline decrease lower shrink ease""".split()
)
# Adjectives and adverbs that call a figure superseded ("the initial estimate", "earlier reports").
PAST_MARKERS = frozenset(
    {"initially", "originally", "previously", "earlier", "initial", "original", "previous", "preliminary", "prior", "former", "old"}
)
# Nouns whose "of" names a place whose size is a standing fact, not an event's count.
STANDING_NOUNS = frozenset(
    """population town city village community country nation district region island
    province county municipality suburb neighbourhood neighborhood borough""".split()
)
# Wire services named in credits, by the words that name them.
WIRES = {
    "reuters": "Reuters", "associated press": "AP", "(ap)": "AP", "afp": "AFP", "agence france-presse": "AFP",
    "press association": "PA", "upi": "UPI", "dpa": "dpa", "xinhua": "Xinhua", "efe": "EFE",
    "bloomberg": "Bloomberg", "ians": "IANS", "pti": "PTI", "yonhap": "Yonhap",
}

# Verbs (lemmas) that report speech or a claim; the subject is the source.
SPEECH_VERBS = frozenset(
    """say tell state note add warn claim suggest indicate report announce
    mention estimate confirm assert insist argue explain reveal disclose
    believe think estimate predict allege acknowledge admit deny stress
    emphasize emphasise underline tweet write remark declare testify
    brief inform show speculate fear expect assess conclude find express
    accuse calculate count put quote maintain reckon contend""".split()
)
# Nouns that report when they are the subject of "is that" ("Reports are that ...", "Her view is that ...").
REPORT_NOUNS = frozenset(
    {"report", "estimate", "word", "indication", "assessment", "understanding", "finding", "view", "position",
     "belief", "opinion", "argument", "contention", "stance", "hope", "fear", "plan"}
)
# Verbs of the writer's commentary in a trailing participle (", highlighting ...",
# ", underscoring ..."): what follows is framing, even after a reported clause.
FRAMING_VERBS = frozenset({"highlight", "underscore", "underline", "signal", "illustrate", "reflect", "deepen", "fuel"})
# Verbs by which a source changes its own figure ("stewards revised their count to 4,000"):
# the source of the new figure, when their object is the estimate and a "to" gives it.
REVISING_VERBS = frozenset({"revise", "raise", "lower", "update", "correct", "adjust"})
# Nouns for a count or study whose author is the source of what it found ("a tally by
# the port office found 60", "the inspection showed that nine valves ...").
FINDING_NOUNS = frozenset(
    {"count", "tally", "survey", "study", "census", "analysis", "audit", "review", "autopsy", "investigation",
     "inquiry", "report", "estimate", "assessment", "poll", "test", "examination"}
)
# Checks of the facts whose figure supersedes the first reports ("the autopsy found five
# wounds", "a recount gave 212"); estimates and polls are not among them.
FINDING_SOURCES = frozenset(
    {"count", "recount", "tally", "census", "audit", "autopsy", "investigation", "inquiry", "examination", "post-mortem"}
)
# Documents that speak for whoever issued them ("a statement from the ministry", "a survey by
# the institute"): the issuer is the speaker.
DOCUMENT_NOUNS = FINDING_NOUNS | frozenset(
    "statement release letter filing memo announcement communique bulletin toll tally".split()
)
# Verbs that attribute an intention, a demand, a belief or an agreement, not speech ("X wants
# ...", "X plans to ...", "X urged Y to ...", "X agreed that ..."): attributions in quotes,
# but not sources of a count (a company that "plans to hire 200" gives no count of its own).
ATTITUDE_VERBS = frozenset(
    """want wish plan intend hope aim seek vow pledge promise propose demand urge agree
    refuse threaten ask recommend advise call press favour favor""".split()
)
# Attitude verbs that take their content after a preposition: "called for", "pressed for".
PREPOSITIONAL_ATTITUDES = {"call": "for", "press": "for", "push": "for", "ask": "for"}
# Phrasal speech verbs: lemma and the particle that must go with it.
SPEECH_PHRASAL = {("point", "out"), ("make", "clear")}

# Dependency labels that leave a content clause: a number below one of these
# belongs to the writer's own framing, not to the speech above it.
ATTRIBUTION_BARRIERS = frozenset({"advcl", "relcl", "parataxis"})

# Irregular demonyms the suffix rules in ``align.same_place`` cannot derive.
DEMONYMS = {
    "american": "united states", "u.s.": "united states", "us": "united states",
    "america": "united states", "british": "united kingdom", "britain": "united kingdom",
    "uk": "united kingdom", "u.k.": "united kingdom", "french": "france",
    "dutch": "netherlands", "swiss": "switzerland", "welsh": "wales",
    "scottish": "scotland", "irish": "ireland", "english": "england",
    "greek": "greece", "thai": "thailand", "filipino": "philippines",
    "philippine": "philippines", "polish": "poland", "swedish": "sweden",
    "danish": "denmark", "finnish": "finland", "turkish": "turkey",
    "spanish": "spain", "portuguese": "portugal", "emirati": "united arab emirates",
}

# --- Entities ---------------------------------------------------------------

# Words a title or role ends with ("Foreign Minister", "Secretary-General", "spokesperson").
ROLE_HEADS = frozenset(
    """president minister secretary secretary-general general spokesperson spokesman
    spokeswoman ambassador governor mayor chancellor premier king queen prince
    senator congressman congresswoman lawmaker chief director chairman chairwoman
    chair ceo leader commander envoy adviser advisor editor analyst professor
    researcher correspondent diplomat attorney judge justice admiral colonel
    lieutenant sergeant captain representative deputy head pope emperor
    publicist rep pastor priest lawyer manager coach""".split()
)
# Nouns for a person of one sex, as written or as lemmas: a name they stand with is a woman's
# or a man's ("actress Ann Roe", "Ode, the chairwoman,"), which "he" or "she" must agree with.
FEMALE_NOUNS = frozenset(
    """woman girl lady wife mother daughter sister aunt niece grandmother granddaughter widow
    girlfriend fiancee bride actress waitress hostess heiress duchess princess queen empress
    countess baroness nun spokeswoman chairwoman congresswoman councilwoman councilwomen
    businesswoman sportswoman policewoman stepmother stepdaughter mom mum""".split()
)
MALE_NOUNS = frozenset(
    """man boy gentleman husband father son brother uncle nephew grandfather grandson widower
    boyfriend fiance groom duke prince king emperor baron monk spokesman chairman
    congressman councilman businessman sportsman policeman stepfather stepson dad""".split()
)
# Honorifics of one sex before a name ("Mrs Roe", "Mr. Vance").
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "mme", "dame", "lady", "sister"})
MALE_TITLES = frozenset({"mr", "mister", "sir", "lord", "monsieur", "brother", "father"})
# Words that may stand inside a role before its head ("vice foreign", "prime", "state").
ROLE_MODIFIERS = frozenset(
    """vice deputy prime foreign defence defense interior finance home state
    first acting former interim national security chief senior general
    secretary foreign-affairs affairs trade economy justice health education
    executive press special assistant supreme top opposition party""".split()
)
# Roles one person holds at a time for a given country or organisation: two names
# holding one of these for the same body, in the same story, are one person.
SINGULAR_ROLES = frozenset(
    {
        "president", "prime minister", "foreign minister", "defence minister", "defense minister",
        "finance minister", "interior minister", "secretary general", "chancellor", "premier",
        "king", "queen", "pope", "emperor", "mayor", "governor", "ceo", "chairman",
        "chairwoman", "supreme leader",
    }
)
# Role modifiers that say the person no longer (or not yet) holds the role.
PAST_ROLE_MARKERS = frozenset({"former", "ex", "late", "then", "incoming", "outgoing", "future"})
# Lower-case particles inside personal names ("Ursula von der Leyen", "Ibn Saud").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn", "al", "el", "dos", "das", "ter"})
# Capitalised words that follow names but are not part of them.
NOT_NAME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    the a an and or but of in on at to for with by from said says""".split()
)
# Nouns that end an organisation's name or description ("National Intelligence Service",
# "intelligence agency"): two descriptions match when they share the other words.
ORG_TYPE_NOUNS = frozenset(
    """agency service office ministry department bureau council committee
    commission institute organization organisation administration authority
    directorate""".split()
)

# Capitals and seats of government that news uses for their country
# ("Moscow said", "the Kremlin denied"): kept as entities of their own, linked
# to the country they stand for. World knowledge, not any story's.
CAPITALS: dict[str, str] = {
    "washington": "united states", "white house": "united states",
    "moscow": "russia", "kremlin": "russia",
    "beijing": "china", "zhongnanhai": "china",
    "london": "united kingdom", "downing street": "united kingdom", "whitehall": "united kingdom",
    "paris": "france", "elysee": "france", "elysee palace": "france",
    "berlin": "germany", "rome": "italy", "madrid": "spain", "lisbon": "portugal",
    "brussels": "belgium", "the hague": "netherlands", "amsterdam": "netherlands",
    "vienna": "austria", "bern": "switzerland", "warsaw": "poland", "prague": "czech republic",
    "budapest": "hungary", "bucharest": "romania", "sofia": "bulgaria", "athens": "greece",
    "ankara": "turkey", "kyiv": "ukraine", "kiev": "ukraine", "minsk": "belarus",
    "chisinau": "moldova", "tbilisi": "georgia", "yerevan": "armenia", "baku": "azerbaijan",
    "vilnius": "lithuania", "riga": "latvia", "tallinn": "estonia", "helsinki": "finland",
    "stockholm": "sweden", "oslo": "norway", "copenhagen": "denmark", "dublin": "ireland",
    "reykjavik": "iceland", "belgrade": "serbia", "zagreb": "croatia",
    "pyongyang": "north korea", "seoul": "south korea", "tokyo": "japan", "taipei": "taiwan",
    "manila": "philippines", "hanoi": "vietnam", "bangkok": "thailand", "jakarta": "indonesia",
    "kuala lumpur": "malaysia", "new delhi": "india", "delhi": "india", "islamabad": "pakistan",
    "kabul": "afghanistan", "tehran": "iran", "baghdad": "iraq", "damascus": "syria",
    "beirut": "lebanon", "amman": "jordan", "riyadh": "saudi arabia", "doha": "qatar",
    "abu dhabi": "united arab emirates", "cairo": "egypt", "jerusalem": "israel",
    "tripoli": "libya", "tunis": "tunisia", "algiers": "algeria", "rabat": "morocco",
    "khartoum": "sudan", "addis ababa": "ethiopia", "nairobi": "kenya", "abuja": "nigeria",
    "pretoria": "south africa", "ottawa": "canada", "mexico city": "mexico",
    "havana": "cuba", "caracas": "venezuela", "bogota": "colombia", "lima": "peru",
    "brasilia": "brazil", "buenos aires": "argentina", "santiago": "chile",
    "canberra": "australia", "wellington": "new zealand",
}

# Legal-form words that end company names ("Chrysler LLC", "Ford Motor Company"):
# dropped when comparing organisation names.
# Words a company's full name adds to the name it is known by ("Apple *Computer*", "China
# Eastern *Airlines*", "Boeing *Commercial Airplanes*"): what it does or is, not another body's
# name ("Apple Corps"), a place ("Harlow Europe") or a product ("Harlow Solstice").
BUSINESS_WORDS = frozenset(
    """air airline airlines airway airways aircraft airplane airplanes aerospace aviation
    motor motors automotive automobile automobiles auto car cars truck trucks
    computer computers electronics software systems technology technologies
    communications telecom telecommunications network networks broadcasting
    media entertainment pictures studios records publishing press news
    bank banking financial finance capital investment investments insurance
    management partners securities trust fund funds
    energy oil petroleum gas power electric steel mining chemical chemicals
    pharmaceutical pharmaceuticals laboratories labs foods food beverages
    industries industrial manufacturing commercial international global worldwide
    railway railways shipping logistics stores retail""".split()
)

LEGAL_FORMS = frozenset(
    """inc incorporated corp corporation co company companies llc ltd limited plc
    group spa ag sa nv gmbh holdings""".split()
)
