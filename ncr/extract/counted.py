"""What a number counts, and what happened to it: the counted noun, its state, its group.

Reads the dependency parse around a number phrase found by
``extract.quantities``: the noun it counts ("troops" in "10,000 troops",
"officers" in "two plainclothes police officers"), what happened to the counted
things (killed, injured, arrested, gathered, destroyed ...), whether the count is
a part of or an addition to a group counted elsewhere, the verb that tells
undescribed people apart, and whose they are (a nationality, country or
organisation). Word lists come from ``ncr.lexicon``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    AMOUNT_VERBS,
    COLLECTIVE_NOUNS,
    COUNT_CLASSES,
    GATHERING_CLASSES,
    GATHERING_EVENTS,
    INTRANSITIVE_STATES,
    JOINING_VERBS,
    LIGHT_VERBS,
    MEASURE_NOUNS,
    SPEECH_VERBS,
    STANDING_NOUNS,
    STATES,
    UNDERGOING_VERBS,
    UNIT_NOUNS,
)
from .spans import ent_covering

if TYPE_CHECKING:
    from .phrases import NumberPhrase

_NOUNS = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
_PLACE_LABELS = frozenset({"NORP", "GPE"})
_GROUP_LABELS = frozenset({"NORP", "GPE", "ORG"})


def counted_noun(doc: Doc, phrase: NumberPhrase) -> Token | None:
    """The noun a number phrase counts: "troops" in "10,000 troops" or "thousands of troops"."""
    last = doc[phrase.end - 1]
    after = doc[phrase.end] if phrase.end < len(doc) else None
    if after is not None and after.lower_ == "of":
        objects = [c for c in after.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
        # "hundreds of students holding torches" is sometimes parsed with "torches" as
        # the object: a noun and then a verb between "of" and its object mean the object is
        # the verb's ("40 of a planned 300 turbines" has no noun before its verb).
        if objects and not _noun_then_verb(doc[after.i + 1 : objects[0].i]):
            return objects[0]
        return _next_noun(doc, phrase.end + 1)
    for token in doc[phrase.start : phrase.end]:
        head = token.head
        if token.dep_ in {"nummod", "quantmod", "compound", "amod"} and head.pos_ in _NOUNS and not (
            phrase.start <= head.i < phrase.end
        ):
            if head.i < phrase.start:
                return None  # "troops numbering 10,000" and the like: too loose to trust
            return head
    if last.dep_ == "nummod":
        return None  # it modifies a noun the checks above refused (a date, a name part)
    return _counted_by_of(last) or _next_noun(doc, phrase.end) or measured_by_verb(last)


def _noun_then_verb(tokens: Span) -> bool:
    noun_at = next((t.i for t in tokens if t.pos_ in _NOUNS), None)
    return noun_at is not None and any(t.pos_ == "VERB" and t.i > noun_at for t in tokens)


def _counted_by_of(number: Token) -> Token | None:
    """The noun a bare number measures through "of": "a crowd of 200", "a death toll of 45",
    "a population of 80,000", "a town of 5,000". ("An estimate of 400" says nothing of
    what is counted: the sentence's other count does, see ``quantities``.)"""
    if number.dep_ != "pobj" or number.head.lower_ != "of":
        return None
    noun = number.head.head
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN":
        return None
    if lemma == "toll" or lemma in COLLECTIVE_NOUNS | STANDING_NOUNS or COUNT_CLASSES.get(lemma) in GATHERING_CLASSES:
        return noun
    return None


def phrase_head(counted: Token, phrase: NumberPhrase) -> Token:
    """The head of the noun phrase a counted word modifies.

    "two plainclothes police officers" counts officers, not "plainclothes";
    "two co-workers" counts workers, not "co".
    """
    doc = counted.doc
    for _ in range(4):
        after = doc[counted.i + 1] if counted.i + 1 < len(doc) else None
        if after is not None and after.text == "-" and not counted.whitespace_ and counted.i + 2 < len(doc):
            following = doc[counted.i + 2]
            if following.pos_ in _NOUNS and not after.whitespace_:
                counted = following  # "co-workers", "fire-fighters"
                continue
        head = counted.head
        if (
            counted.dep_ in {"compound", "amod", "nmod"}
            and head.pos_ == "NOUN"
            and head.i > counted.i
            and head.i - counted.i <= 3
            and not (phrase.start <= head.i < phrase.end)
            and not any(t.pos_ == "VERB" for t in doc[counted.i + 1 : head.i])  # "students holding torches"
        ):
            counted = head
            continue
        break
    return _through_unit(counted)


def _through_unit(counted: Token) -> Token:
    """ "17 pieces of rescue equipment", "500 head of cattle": a unit noun counts what
    its "of" names."""
    if counted.lemma_.lower() not in UNIT_NOUNS:
        return counted
    of = next((c for c in counted.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    thing = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in _NOUNS), None) if of is not None else None
    return thing if thing is not None else counted


def system_of(counted: Token) -> str | None:
    """ "four pipeline systems", "two radar systems": what a system counts, named by its compound."""
    if counted.lemma_.lower() != "system":
        return None
    named = [c for c in counted.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return named[-1].lemma_.lower() if named else None


# Roles in which a word tagged as a verb is a participle or a noun ("roof collapse"), not a clause's verb.
_NOMINAL_DEPS = frozenset({"acl", "pobj", "dobj", "nsubj", "compound"})
# Verbs whose object is the amount their subject reached ("the toll reached 22").
_REACHING_VERBS = frozenset({"reach", "hit", "top", "pass", "exceed", "surpass", "total"})


def _measure_subject(verb: Token) -> Token | None:
    """The counted noun a reaching verb's subject names: "the death toll", "the number of cases"."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"), None)
    if subject is None or subject.lemma_.lower() not in MEASURE_NOUNS:
        return None  # "sales reached 900" is no count of a thing; "He hit 12" says nothing
    return _counted_by_measure(subject)


def _counted_by_measure(noun: Token) -> Token | None:
    """What a measure noun counts: "the number of volunteers" → volunteers; "the death toll",
    "the toll" → itself (in news a toll counts the dead); a bare "the number" → nothing."""
    of_objects = [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if of_objects:
        return of_objects[0]
    if any(c.dep_ == "compound" for c in noun.children) or noun.lemma_.lower() == "toll":
        return noun
    return None


# Words after which a new clause starts ("rises to six as 40,000 remain without water").
_CLAUSE_OPENERS = frozenset({"as", "while", "when", "after", "with", ",", ";"})


def measured_by_verb(number: Token) -> Token | None:
    """The counted noun of "the death toll rose to 22", "put the number of volunteers at 3,000",
    "revised the toll down to five", "gave the toll as nine", "lowered the toll from six to five".

    The number is the object of "to", "at", "as" or "from" (a "from" paired with a "to")
    under a verb of amount (rise, reach, stand, put, revise, bring, remain ...), however the
    parser attached the preposition on the way up; what it counts is that verb's subject or
    object, or the noun after "of" when that is a measure noun ("the number of volunteers").
    """
    object_ = number
    if number.dep_ == "quantmod" and number.head.dep_ == "pobj" and number.head.like_num:
        object_ = number.head  # "rises to six as 40,000 remain" parsed with "six" inside "40,000"
    if object_.dep_ == "dobj" and object_.head.lemma_.lower() in _REACHING_VERBS:
        return _measure_subject(object_.head)  # "the death toll reaches nine", "the toll topped 100"
    preposition = object_.head
    if object_.dep_ != "pobj" or preposition.lower_ not in {"to", "at", "as", "from"}:
        return None
    doc = number.doc
    if any(t.like_num and doc[t.i + 1].lower_ in _CLAUSE_OPENERS for t in doc[preposition.i + 1 : number.i]):
        return None  # "rises to six as 40,000 remain": the object was the number before "as"
    verb = preposition.head
    # Up past what the parser hung the preposition on: "revised the toll down to five",
    # "put the number of barns destroyed across the county at 220" (a participle of the noun).
    for _ in range(5):
        # A relative clause on the measured noun is climbed past ("the number of customers
        # who lost power on Monday at 9,000"), unless its own verb gives the amount.
        inside = verb.dep_ in _NOMINAL_DEPS or (verb.dep_ == "relcl" and verb.lemma_.lower() not in AMOUNT_VERBS)
        if (verb.pos_ == "VERB" and not inside) or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in AMOUNT_VERBS:
        return None
    if any(c.dep_ in {"prt", "advmod"} and c.lower_ in {"back", "off", "forward", "out"} for c in verb.children):
        return None  # "the flight was put back to 11": a time, not an amount
    if preposition.lower_ == "from" and not any(t.lower_ == "to" for t in verb.subtree if t.i > number.i):
        return None  # "from" marks an older figure only when a newer one follows with "to"
    arguments = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.pos_ == "NOUN"]
    for child in arguments:
        if child.lemma_.lower() in MEASURE_NOUNS:
            return _counted_by_measure(child)
    # "put the crowd at 20,000" counts the object; "arrivals rose to 900" the subject.
    objects = [c for c in arguments if c.dep_ == "dobj"]
    return (objects or arguments or [None])[0]


def _next_noun(doc: Doc, i: int) -> Token | None:
    """The first noun in the run of modifiers starting at ``i`` ("North Korean soldiers")."""
    for token in doc[i : i + 5]:
        if token.pos_ == "NOUN":
            # Take the last noun of a compound run ("artillery shells").
            while token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "NOUN" and token.dep_ == "compound":
                token = doc[token.i + 1]
            return token
        if token.pos_ not in {"ADJ", "PROPN", "DET"} and token.ent_type_ not in _PLACE_LABELS:
            return None
    return None


def noun_phrase(counted: Token, skip: range) -> tuple[str, str]:
    """(unit, subject) for a counted noun: "artillery shell", "North Korean soldiers"."""
    doc = counted.doc
    left: list[Token] = []
    for child in counted.lefts:
        if child.dep_ in _MODIFIER_DEPS:
            left.extend(t for t in child.subtree if t.i not in skip and not t.is_punct)
    compounds = [c for c in counted.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in skip]
    unit = " ".join([*(c.lemma_.lower() for c in compounds), counted.lemma_.lower()])
    words = sorted({*left, counted}, key=lambda t: t.i)
    subject = "".join(t.text_with_ws for t in words[:-1]) + words[-1].text
    return unit, subject.replace(" 's", "'s").strip() or doc[counted.i].text


def _shared_conjuncts(verb: Token) -> list[Token]:
    """Verbs coordinated with ``verb`` that share its subject and object ("killed or injured"),
    not those with a subject or object of their own ("14 died and 37 were injured",
    "killing two and injuring a third")."""
    return [
        c for c in verb.children
        if c.dep_ == "conj" and not any(g.dep_ in {"nsubj", "nsubjpass", "dobj"} for g in c.children)
    ]


def state_of(counted: Token) -> tuple[str | None, str]:
    """What happened to the counted things, and the words that say it.

    "600,000 soldiers have been killed or injured" gives ("casualties", "killed or injured").
    """
    lemma = counted.lemma_.lower()
    if lemma in STATES and lemma not in GATHERING_EVENTS:  # "two rallies" counts rallies, not marchers
        return STATES[lemma], ""
    for child in counted.children:
        if child.dep_ == "compound" and child.lemma_.lower() in STATES:
            return STATES[child.lemma_.lower()], ""  # "death toll"
    # "a group of 130 people were marching": what happened to the group happened to them.
    if counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.lemma_.lower() in COLLECTIVE_NOUNS:
        counted = counted.head.head
        if COUNT_CLASSES.get(counted.lemma_.lower()) in GATHERING_CLASSES:
            return "gathered", ""
    head = counted.head
    if head.lemma_.lower() in JOINING_VERBS and counted.dep_ == "nsubj" and _joins_gathering(head):
        return "gathered", ""  # "more than 100 people joined a candlelit vigil"
    verbs: list[Token] = []
    if head.pos_ == "VERB" and (
        counted.dep_ in {"nsubjpass", "dobj"}
        or (counted.dep_ == "nsubj" and (head.lemma_.lower() in INTRANSITIVE_STATES or head.lower_ in STATES))
    ):
        verbs = [head, *_shared_conjuncts(head)]  # "were killed", "died", "were missing"
    for child in counted.children:
        if child.dep_ in {"acl", "amod"} and state_word(child):
            verbs = [child, *_shared_conjuncts(child)]
        elif child.dep_ == "acl":  # "seven people reported missing", "two feared dead"
            verbs += [c for c in child.children if c.dep_ in {"oprd", "acomp", "xcomp"} and state_word(c)]
    # "left dead", "pronounced dead", "found dead": the state is the verb's complement.
    verbs += [c for v in verbs for c in v.children if c.dep_ in {"acomp", "oprd", "xcomp"} and state_word(c)]
    # "80 people were treated for injuries": what they were treated for says what happened to them.
    verbs += [o for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "for"
              for o in p.children if o.dep_ == "pobj" and state_word(o)]
    # "12 people suffered injuries", "80 stalls suffering heavy damage": what they underwent.
    undergoing = [head] if counted.dep_ == "nsubj" and head.lemma_.lower() in UNDERGOING_VERBS else []
    undergoing += [c for c in counted.children if c.dep_ == "acl" and c.lemma_.lower() in UNDERGOING_VERBS]
    verbs += [o for v in undergoing for o in v.children if o.dep_ == "dobj" and state_word(o)]
    if not verbs and counted.dep_ == "nsubj" and head.pos_ in {"VERB", "AUX"}:
        # "40 pupils fell ill", "70 pupils had been sick": the subject's complement says it.
        verbs = [c for c in head.children if c.dep_ in {"acomp", "oprd", "advmod"} and state_word(c)]
    found = [v for v in verbs if state_word(v)]
    states = sorted({state_word(v) or "" for v in found})
    if not states:
        return None, ""
    # "killed or injured" together are casualties.
    if len(states) > 1 and "shot" in states:
        states.remove("shot")  # "shot dead", "shot and wounded": what the shooting did
    state = states[0] if len(states) == 1 else "casualties"
    words = " or ".join(v.text for v in found)
    return state, words


def state_word(token: Token) -> str | None:
    """The state a word says, by its lemma or its own form ("missing", whose lemma is "miss")."""
    return STATES.get(token.lemma_.lower()) or STATES.get(token.lower_)


# Words that make a count a part of, or an addition to, a group counted elsewhere.
_SUBSET_WORDS = frozenset({"other", "another", "additional", "further", "more", "extra", "remaining"})


def subset_of(doc: Doc, phrase: NumberPhrase, counted: Token) -> str | None:
    """ "part of" for "three of the nine arrows" / "two of them"; "others" for "two other bullets"."""
    after = doc[phrase.end] if phrase.end < len(doc) else None
    whole = phrase.start > 0 and doc[phrase.start - 1].lower_ in {"all", "both"}  # "all three of the bridges": every one
    if after is not None and after.lower_ == "of" and not whole:
        objects = [c for c in after.children if c.dep_ == "pobj"]
        if any(o.pos_ == "PRON" or any(c.dep_ in {"det", "poss"} for c in o.children) for o in objects):
            return "part of"
    window = doc[max(phrase.start - 1, 0) : counted.i]
    if any(t.lower_ in _SUBSET_WORDS and not (phrase.start <= t.i < phrase.end) for t in window):
        return "others"
    return None


def _joins_gathering(verb: Token) -> bool:
    """True when a verb's object (or the object of its "in") is a gathering: "joined (in) a vigil"."""
    for child in verb.children:
        targets = [child] if child.dep_ == "dobj" else [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        if any(t.lemma_.lower() in GATHERING_EVENTS for t in targets):
            return True
    return False


def state_of_measure(counted: Token) -> str | None:
    """The state a measure noun gives a figure put "at" or "to" a number: "put the turnout at 85,000 people"."""
    preposition = counted.head if counted.dep_ == "pobj" else None
    if preposition is None or preposition.lower_ not in {"at", "to"} or preposition.head.pos_ != "VERB":
        return None
    if preposition.head.lemma_.lower() not in AMOUNT_VERBS:
        return None
    for child in preposition.head.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and child.pos_ == "NOUN":
            lemma = child.lemma_.lower()
            if COUNT_CLASSES.get(lemma) in GATHERING_CLASSES:
                return "gathered"
            for part in (child, *child.children):
                if part.dep_ in {"compound", "nsubj", "nsubjpass", "dobj"} and part.lemma_.lower() in STATES:
                    return STATES[part.lemma_.lower()]
    return None


def predicate_of(counted: Token) -> str | None:
    """The verb the counted things are the subject or object of, when no state word says more.

    "seven employees were trapped" gives "trap" and "about 100 people worked
    there" gives "work": counts of the same kind of thing doing different
    things are different measures. Light and reporting verbs say nothing.
    """
    head = counted.head
    if head.pos_ != "VERB" or counted.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return None
    lemma = head.lemma_.lower()
    if lemma in LIGHT_VERBS or lemma in SPEECH_VERBS:
        return None
    return STATES.get(lemma, lemma)  # "police arrested 200 people": the state the verb names


def group_of(counted: Token) -> Span | None:
    """Whose things are counted: a nationality, a country or an organisation next to the noun.

    "North Korean soldiers", "Russia's troops", "troops from Chad"; failing that,
    the country that sends, supplies or holds them ("North Korea has sent ...").
    """
    for child in counted.lefts:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            for token in child.subtree:
                if token.ent_type_ in _GROUP_LABELS:
                    return _entity_span(token)
    for child in counted.rights:
        if child.dep_ == "prep" and child.lower_ in {"from", "of"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in _GROUP_LABELS:
                    return _entity_span(obj)
    # Climb to the noun or verb that governs the counted noun, at most a few steps.
    node = counted
    for _ in range(4):
        if node.dep_ not in {"pobj", "prep", "dobj", "pcomp"} or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN":
            for child in node.children:
                if child.dep_ == "poss" and child.ent_type_ in _GROUP_LABELS:
                    return _entity_span(child)
        if node.pos_ == "VERB":
            subject = _subject_of(node)
            if subject is not None and subject.ent_type_ in _GROUP_LABELS:
                return _entity_span(subject)
            break
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is an argument of ("accused of supplying")."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if verb.dep_ not in {"pcomp", "xcomp", "pobj", "prep", "conj"}:
            return None
        verb = verb.head
    return None


def _entity_span(token: Token) -> Span:
    """The named-entity span a token belongs to, or the token itself."""
    return ent_covering(token) or token.doc[token.i : token.i + 1]


def owned_kind(kind: str, owner: Token) -> str:
    """The kind of things one owner has: "child (of Smith)"."""
    return f"{kind} (of {owner.text})"


def unowned_kind(kind: str) -> str:
    """A kind without its owner: a bare number beside "Smith has six children" ("and Jones four")
    borrows what is counted, not whose."""
    at = kind.find(" (of ")
    return kind if at < 0 else kind[:at] + kind[kind.index(")", at) + 1 :]


def owner_of(counted: Token) -> Token | None:
    """The named person or body that "has" the counted things: "Smith has six children", "Smith,
    who has six children", "Smith, accused of having six children" give Smith. Such counts are
    the owner's own, not a measure of the story that other figures of the kind share."""
    have = counted.head
    if counted.dep_ != "dobj" or have.lemma_.lower() != "have":
        return None
    node = have
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in {"who", "that"} and node.dep_ == "relcl":
            subject = node.head
        if subject is None and node.dep_ == "acl":
            subject = node.head
        if subject is not None:
            return subject if subject.pos_ == "PROPN" else None
        if node.dep_ not in {"pcomp", "xcomp", "prep"}:
            return None
        node = node.head
    return None
