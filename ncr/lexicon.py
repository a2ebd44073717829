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
    kilogram kg gram pound ton tonne degree""".split()
)
# Determiners that make a small number refer back to things already named
# ("the two countries", "these three men"): incidental, not a claim.
ANAPHORIC_DETERMINERS = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "both", "all"})
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
    "civilians": "civilian resident inhabitant citizen people person",
    "displaced people": "refugee evacuee migrant asylum-seeker",
    "artillery ammunition": "shell round munition projectile",
    "missiles": "missile rocket",
    "drones": "drone uav",
    "casualties": "casualty fatality death dead victim toll",
}.items():
    for _word in _words.split():
        COUNT_CLASSES[_word] = _class

# What happened to the people counted: separates "10,000 soldiers" from
# "10,000 soldiers killed". Keyed by lemma of the verb, adjective or noun.
STATES: dict[str, str] = {}
for _state, _words in {
    "killed": "kill die dead death fatality slay",
    "injured": "injure wound hurt",
    "casualties": "casualty",
    "captured": "capture detain arrest imprison",
    "missing": "missing",
    "displaced": "displace evacuate flee",
}.items():
    for _word in _words.split():
        STATES[_word] = _state

# Verbs whose subject is what the state happened to ("14 people died").
INTRANSITIVE_STATES = frozenset({"die", "perish", "drown", "flee", "disappear", "vanish"})
# States that count the dead and hurt; people counted in any of them are one kind.
CASUALTY_STATES = frozenset({"killed", "injured", "casualties"})
PERSON_CLASSES = frozenset({"military personnel", "civilians", "casualties", "people"})
# Nouns that name an amount rather than a thing ("the number of volunteers", "the death toll").
MEASURE_NOUNS = frozenset({"number", "toll", "figure", "total", "count", "tally", "estimate"})
# Verbs that give an amount with "to"/"at" ("rose to 22", "put the number at 3,000").
AMOUNT_VERBS = frozenset(
    {"rise", "climb", "reach", "stand", "put", "estimate", "place", "number", "total", "hit", "jump", "increase", "grow", "fall", "drop"}
)

# Verbs (lemmas) that report speech or a claim; the subject is the source.
SPEECH_VERBS = frozenset(
    """say tell state note add warn claim suggest indicate report announce
    mention estimate confirm assert insist argue explain reveal disclose
    believe think estimate predict allege acknowledge admit deny stress
    emphasize emphasise underline tweet write remark declare testify
    brief inform show speculate fear expect assess conclude find express
    accuse calculate count put""".split()
)
# Phrasal speech verbs: lemma and the particle that must go with it.
SPEECH_PHRASAL = {("point", "out"), ("make", "clear")}
# Nouns that carry a claim ("the estimate of", "reports that").
SPEECH_NOUNS = frozenset({"estimate", "report", "assessment", "claim", "statement", "figure"})

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
