"""Quantitative claims: counts of something, with their hedges, ranges and counted thing.

Scans a parsed ``Doc`` for number phrases (digits, number words, vague amounts
such as "thousands" or "a couple thousand"), reads the hedge around each
("an estimated", "as many as", "more than", "or so"), turns it into an
interval, and finds the noun it counts through the dependency parse.

Not claims, and dropped here: dates and times, ordinals, durations and ages,
percentages, money and measures, numbers inside names ("Resolution 2231"),
and incidental counts ("the two countries", "one of them").
Attribution and dates are left to their own stages.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    ABOVE_HEDGES,
    ANAPHORIC_DETERMINERS,
    BELOW_HEDGES,
    COUNT_CLASSES,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    INCIDENTAL_BELOW,
    NON_COUNT_HEADS,
    AMOUNT_VERBS,
    GATHERING_CLASSES,
    GENERIC_PERSON_CLASSES,
    UNDESCRIBED_PERSON_CLASSES,
    CASUALTY_STATES,
    COLLECTIVE_NOUNS,
    GATHERING_EVENTS,
    JOINING_VERBS,
    INTRANSITIVE_STATES,
    LIGHT_VERBS,
    SPEECH_VERBS,
    MEASURE_NOUNS,
    PERSON_CLASSES,
    STATES,
    TIME_UNITS,
)
from ..records import Interval, Qualifier
from . import numbers

# How far an approximate value may stray: "around 1,500" allows 1,350 to 1,650.
APPROXIMATE_MARGIN = 0.1

# Entity labels whose numbers are never counts.
_NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Entity labels that make a number part of a name ("Apollo 11", "Resolution 2231").
_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "GPE", "LOC"})
# Words other than numbers that can open a number phrase ("a dozen", "tens of thousands").
_PHRASE_STARTERS = frozenset({"a", "an", "tens", *numbers.VAGUE_PLURALS, *numbers.FEW})
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "and"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
_PLACE_LABELS = frozenset({"NORP", "GPE"})
_GROUP_LABELS = frozenset({"NORP", "GPE", "ORG"})


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    """Tokens ``start:end`` of a doc that state an amount, before hedges."""

    start: int
    end: int
    low: float
    high: float
    vague: bool


@dataclass(frozen=True, slots=True)
class RawClaim:
    """A claim as found in one doc, before ids, attribution and topics are assigned."""

    span: Span  # the number phrase with its hedge
    counted: Token  # the head noun of what is counted
    value: Interval
    qualifier: Qualifier
    unit: str
    subject: str
    kind: str
    state: str | None
    group: Span | None  # who the counted things belong to ("North Korean", "Russia's")


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _is_number_token(token: Token) -> bool:
    return numbers.parse_digits(token.text) is not None or numbers.is_number_word(token.text)


def read_number_phrase(doc: Doc, i: int) -> NumberPhrase | None:
    """The number phrase starting at token ``i``, if one does."""
    words = [t.lower_ for t in doc[i : i + 4]]
    # Vague amounts: "tens of thousands", "hundreds of thousands", "thousands".
    if len(words) >= 3 and words[1] == "of" and words[0] in {"tens", *numbers.VAGUE_PLURALS}:
        interval = numbers.vague_interval(words[:3])
        if interval is not None:
            return NumberPhrase(i, i + 3, *interval, vague=True)
    if words and words[0] in numbers.VAGUE_PLURALS:
        low, high = numbers.vague_interval(words[:1]) or (0, 0)
        return NumberPhrase(i, i + 1, low, high, vague=True)
    # "a few thousand", "a couple of thousand", "several hundred".
    rest = words[1:] if words and words[0] in {"a", "an"} else words
    offset = len(words) - len(rest)
    if rest and rest[0] in numbers.FEW:
        scale_at = 2 if len(rest) > 2 and rest[1] == "of" else 1
        if len(rest) > scale_at:
            interval = numbers.vague_interval([rest[0], rest[scale_at]])
            if interval is not None:
                return NumberPhrase(i, i + offset + scale_at + 1, *interval, vague=True)
        return None
    # Digits and number words: "10,000", "1.5 million", "five thousand", "a dozen".
    end = i
    if words and words[0] in {"a", "an"}:
        if len(words) > 1 and words[1] in {*numbers.SCALES, *numbers.GROUP_NOUNS}:
            end = i + 1
        else:
            return None
    while end < len(doc):
        token = doc[end]
        if _is_number_token(token):
            end += 1
        elif token.lower_ == "and" and end > i and end + 1 < len(doc) and numbers.is_number_word(doc[end + 1].text):
            end += 1
        else:
            break
    if end == i or (end == i + 1 and words[0] in {"a", "an"}):
        return None
    value = numbers.parse_number([t.text for t in doc[i:end]])
    if value is None:
        return None
    return NumberPhrase(i, end, value, value, vague=False)


def _range_after(doc: Doc, first: NumberPhrase) -> NumberPhrase | None:
    """ "11,000 to 12,000", "11-12 million", "between 5 and 6 thousand" as one phrase."""
    joiner = _lower(doc, first.end)
    if joiner not in _RANGE_WORDS or first.vague:
        return None
    if joiner == "and" and _lower(doc, first.start - 1) != "between":
        return None
    second = read_number_phrase(doc, first.end + 1)
    if second is None or second.vague:
        return None
    low, high = first.low, second.high
    # "11 to 12 million": the scale written once applies to both ends.
    if low < high / 1000 and second.end - second.start > 1:
        scale = numbers.SCALES.get(doc[second.end - 1].lower_, 1)
        low *= scale
    if low >= high:
        return None
    start = first.start - 1 if joiner == "and" else first.start  # keep "between" in the phrase
    return NumberPhrase(start, second.end, low, high, vague=False)


def _hedge_before(doc: Doc, start: int) -> tuple[int, Qualifier | None, tuple[str, ...]]:
    """The hedge that ends just before token ``start``, as (new start, qualifier, words)."""
    for words, qualifier in HEDGES_BEFORE:
        begin = start - len(words)
        if begin >= 0 and tuple(t.lower_ for t in doc[begin:start]) == words:
            return begin, qualifier, words
    return start, None, ()


def _hedge_after(doc: Doc, end: int) -> tuple[int, Qualifier | None]:
    for words, qualifier in HEDGES_AFTER:
        stop = end + len(words)
        if stop <= len(doc) and tuple(t.lower_ for t in doc[end:stop]) == words:
            return stop, qualifier
    return end, None


def interval_for(phrase: NumberPhrase, qualifier: Qualifier | None, hedge: tuple[str, ...]) -> tuple[Interval, Qualifier]:
    """The normalised interval and qualifier of a phrase under its hedge."""
    if phrase.vague:
        return Interval(phrase.low, phrase.high, None), Qualifier.VAGUE
    if phrase.low != phrase.high:
        return Interval(phrase.low, phrase.high, (phrase.low + phrase.high) / 2), Qualifier.RANGE
    value = phrase.low
    if qualifier is Qualifier.AT_LEAST:
        return Interval(value, None, value), qualifier
    if qualifier is Qualifier.AT_MOST:
        return Interval(None, value, value), qualifier
    if qualifier is Qualifier.APPROXIMATE:
        low = value * (1 - APPROXIMATE_MARGIN)
        high = value * (1 + APPROXIMATE_MARGIN)
        if hedge in BELOW_HEDGES:
            high = value
        elif hedge in ABOVE_HEDGES:
            low = value
        return Interval(round(low, 6), round(high, 6), value), qualifier
    return Interval(value, value, value), Qualifier.EXACT


def _counted_noun(doc: Doc, phrase: NumberPhrase) -> Token | None:
    """The noun a number phrase counts: "troops" in "10,000 troops" or "thousands of troops"."""
    last = doc[phrase.end - 1]
    after = doc[phrase.end] if phrase.end < len(doc) else None
    if after is not None and after.lower_ == "of":
        objects = [c for c in after.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
        if objects:
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
    return _next_noun(doc, phrase.end) or _measured_by_verb(last)


def _phrase_head(counted: Token, phrase: NumberPhrase) -> Token:
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
        ):
            counted = head
            continue
        break
    return counted


def _measured_by_verb(number: Token) -> Token | None:
    """The counted noun of "the death toll rose to 22", "put the number of volunteers at 3,000".

    The number is the object of "to"/"at" after a verb of amount (rise, reach,
    stand, put, estimate); what it counts is that verb's subject or object, or
    the noun after "of" when that is a measure noun ("the number of volunteers").
    """
    preposition = number.head
    if number.dep_ != "pobj" or preposition.lower_ not in {"to", "at"}:
        return None
    verb = preposition.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in AMOUNT_VERBS:
        return None
    arguments = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.pos_ == "NOUN"]
    for child in arguments:
        if child.lemma_.lower() in MEASURE_NOUNS:
            of_objects = [o for p in child.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if of_objects:
                return of_objects[0]
            if any(c.dep_ == "compound" for c in child.children) or child.lemma_.lower() == "toll":
                return child  # "the death toll", "the toll": in news, a toll counts the dead
            return None  # a bare "the number rose to 22" says nothing of what is counted
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


def _is_incidental(doc: Doc, phrase: NumberPhrase, counted: Token) -> bool:
    """ "the two countries", "both sides", "one of": small numbers that refer back."""
    if phrase.vague or phrase.high >= INCIDENTAL_BELOW:
        return False
    if phrase.start > 0:
        before = doc[phrase.start - 1]
        if before.lower_ in ANAPHORIC_DETERMINERS or before.dep_ == "poss":
            return True
    return phrase.low == 1 and _lower(doc, phrase.end) == "of"


def _excluded(doc: Doc, phrase: NumberPhrase) -> bool:
    """Numbers that are never counts: dates, ordinals, measures, names, codes."""
    tokens = doc[phrase.start : phrase.end]
    if any(t.ent_type_ in _NOT_COUNT_LABELS for t in tokens if not phrase.vague):
        return True
    if any(t.ent_type_ in _NAME_LABELS for t in tokens):
        return True
    before = doc[phrase.start - 1] if phrase.start else None
    if before is not None and (before.text in {"$", "€", "£", "¥", "#", "No."} or before.is_currency):
        return True
    if before is not None and before.text in {"-", "/"} or _lower(doc, phrase.end) in {"-", "/", "%"}:
        return True  # "F-16", "24/7", "3-2" scores and codes
    if len(tokens) == 1 and not phrase.vague:
        text = tokens[0].text
        if text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100:
            return True  # a year written without its DATE label
    return False


def _noun_phrase(counted: Token, skip: range) -> tuple[str, str]:
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


def _state(counted: Token) -> tuple[str | None, str]:
    """What happened to the counted things, and the words that say it.

    "600,000 soldiers have been killed or injured" gives ("casualties", "killed or injured").
    """
    lemma = counted.lemma_.lower()
    if lemma in STATES:
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
        or (counted.dep_ == "nsubj" and head.lemma_.lower() in INTRANSITIVE_STATES)
    ):
        verbs = [head, *_shared_conjuncts(head)]
    for child in counted.children:
        if child.dep_ in {"acl", "amod"} and child.lemma_.lower() in STATES:
            verbs = [child, *_shared_conjuncts(child)]
    # "left dead", "pronounced dead", "found dead": the state is the verb's complement.
    verbs += [c for v in verbs for c in v.children if c.dep_ in {"acomp", "oprd", "xcomp"} and c.lemma_.lower() in STATES]
    found = [v for v in verbs if v.lemma_.lower() in STATES]
    states = sorted({STATES[v.lemma_.lower()] for v in found})
    if not states:
        return None, ""
    # "killed or injured" together are casualties.
    state = states[0] if len(states) == 1 else "casualties"
    words = " or ".join(v.text for v in found)
    return state, words


# Words that make a count a part of, or an addition to, a group counted elsewhere.
_SUBSET_WORDS = frozenset({"other", "another", "additional", "further", "more", "extra", "remaining"})


def _subset(doc: Doc, phrase: NumberPhrase, counted: Token) -> str | None:
    """ "part of" for "three of the seven bullets" / "two of them"; "others" for "two other bullets"."""
    after = doc[phrase.end] if phrase.end < len(doc) else None
    if after is not None and after.lower_ == "of":
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


def _state_of_measure(counted: Token) -> str | None:
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


def _predicate(counted: Token) -> str | None:
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
    return lemma


def _group(counted: Token) -> Span | None:
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
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return token.doc[token.i : token.i + 1]


def find_claims(doc: Doc) -> list[RawClaim]:
    """Every quantitative claim in ``doc``, in text order."""
    claims: list[RawClaim] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not (token.like_num or token.lower_ in _PHRASE_STARTERS or _is_number_token(token)):
            i += 1
            continue
        phrase = read_number_phrase(doc, i)
        if phrase is None:
            i += 1
            continue
        phrase = _range_after(doc, phrase) or phrase
        i = phrase.end
        claim = _claim_for(doc, phrase)
        if claim is not None:
            claims.append(claim)
    return claims


def _times_count(doc: Doc, phrase: NumberPhrase, times: Token) -> RawClaim | None:
    """ "shot seven times", "arrested four times": a count of what the verb did.

    Hits of a weapon (shot, hit, struck, stabbed) are one class with the
    bullets and wounds that count them; any other verb counts its own events.
    """
    verb = times.head
    lemma = verb.lemma_.lower()
    if phrase.low == phrase.high and phrase.low < 2:
        return None  # "one time", "once more"
    start, qualifier, hedge = _hedge_before(doc, phrase.start)
    end, after_qualifier = _hedge_after(doc, phrase.end)
    value, qualifier = interval_for(phrase, qualifier or after_qualifier, hedge)
    kind = COUNT_CLASSES.get(f"{lemma} times", f"{lemma} times")
    return RawClaim(
        span=doc[start:end], counted=times, value=value, qualifier=qualifier, unit=f"{lemma} times",
        subject=f"{verb.text} {doc[phrase.start:phrase.end].text} times", kind=kind, state=None, group=None,
    )


def _bare_casualty_count(doc: Doc, phrase: NumberPhrase) -> RawClaim | None:
    """A number that is itself what a state happened to: "46 were arrested", "killing 10",
    "Dozens were injured", "Three killed as ...". What it counts is people."""
    number = doc[phrase.start : phrase.end].root
    verb = number.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in STATES:
        return None
    passive = number.dep_ == "nsubjpass" or (number.dep_ == "nsubj" and verb.lemma_.lower() in INTRANSITIVE_STATES)
    # A headline's "Three killed as ...": the participle heads the number.
    headline = number.dep_ in {"nsubj", "npadvmod"} and verb.tag_ == "VBN"
    if not (passive or headline or number.dep_ == "dobj"):
        return None
    if phrase.low == phrase.high == 1 and not phrase.vague:
        return None
    start, qualifier, hedge = _hedge_before(doc, phrase.start)
    end, after_qualifier = _hedge_after(doc, phrase.end)
    value, qualifier = interval_for(phrase, qualifier or after_qualifier, hedge)
    state = STATES[verb.lemma_.lower()]
    return RawClaim(
        span=doc[start:end], counted=number, value=value, qualifier=qualifier, unit="person",
        subject=f"people {verb.text}", kind="people", state=state, group=None,
    )


def _claim_for(doc: Doc, phrase: NumberPhrase) -> RawClaim | None:
    if _excluded(doc, phrase):
        return None
    counted = _counted_noun(doc, phrase)
    if counted is None:
        return _bare_casualty_count(doc, phrase)
    counted = _phrase_head(counted, phrase)
    lemma = counted.lemma_.lower()
    if lemma == "time" and counted.dep_ == "npadvmod" and counted.head.pos_ == "VERB":
        return _times_count(doc, phrase, counted)
    if lemma in TIME_UNITS or lemma in NON_COUNT_HEADS or counted.ent_type_ in _NOT_COUNT_LABELS - {"QUANTITY"}:
        return None
    if _is_incidental(doc, phrase, counted):
        return None
    start, qualifier, hedge = _hedge_before(doc, phrase.start)
    end, after_qualifier = _hedge_after(doc, phrase.end)
    if qualifier is None:
        qualifier = after_qualifier
    value, qualifier = interval_for(phrase, qualifier, hedge)
    skip = range(start, end)
    unit, subject = _noun_phrase(counted, skip)
    state, state_words = _state(counted)
    if state is None:
        state = _state_of_measure(counted)
    if state_words:
        subject = f"{subject} {state_words}"
    kind = COUNT_CLASSES.get(unit, COUNT_CLASSES.get(lemma, lemma))
    if lemma in STATES and kind not in PERSON_CLASSES:
        kind = "people"  # "46 arrests", "ten deaths": the events stand for the people they happened to
    if state is None and kind in GATHERING_CLASSES:
        state = "gathered"  # "a crowd of 200", "130 marchers": the size of a gathering
    if state in CASUALTY_STATES and kind in PERSON_CLASSES:
        kind = "people"  # "soldiers killed", "people who died" and "the death toll" count the same dead
    elif state is not None and kind in GENERIC_PERSON_CLASSES:
        kind = "people"  # "46 demonstrators arrested" and "46 people arrested" count the same people
    elif state is None and kind in UNDESCRIBED_PERSON_CLASSES:
        # Nothing happened to them: "two children" and "five women" are two counts, not one.
        kind = "people" if lemma in {"people", "person", "individual"} else lemma
        state = _predicate(counted)  # "100 people worked there" and "7 people were trapped" are two measures
    if phrase.low == phrase.high == 1 and not phrase.vague and state is None and doc[phrase.start].lower_ in {"one", "a", "an"}:
        return None  # "one protester threw a stone": a determiner, unless the count is the news ("one person died")
    subset = _subset(doc, phrase, counted)
    if subset:
        kind = f"{kind} ({subset})"  # "four of her co-workers", "two other bullets": a part, not the whole
    return RawClaim(
        span=doc[start:end],
        counted=counted,
        value=value,
        qualifier=qualifier,
        unit=unit,
        subject=subject,
        kind=kind,
        state=state,
        group=_group(counted),
    )
