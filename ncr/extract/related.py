"""Counts read through another count near them, not through a noun of their own.

Parts ("30 of the 80 wounded", "six of them", "Of the 300 applicants, 120 were
women"), elided nouns ("3.9 million, up from 2.4 million", "an estimate of
400") and a bare figure beside a count ("police counted 18,000, the unions
90,000") take what they count from the claim they stand by; ``extract.quantities``
tries them after the claims that name their own noun.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import CASUALTY_STATES, COUNT_CLASSES, MEASURE_NOUNS, PERSON_CLASSES
from .counted import counted_noun, measured_by_verb, state_of, unowned_kind
from .notcounts import excluded
from .phrases import INF, NumberPhrase, hedge_before, interval_for, lower_at
from .rawclaim import RawClaim


def _part(doc: Doc, phrase: NumberPhrase, whole: RawClaim, counted: Token, state: str | None, end: int) -> RawClaim:
    """``phrase`` (up to token ``end``) as a part of the count ``whole``."""
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    value, qualifier = interval_for(phrase, qualifier, hedge)
    return RawClaim(
        span=doc[start:end], counted=counted, value=value, qualifier=qualifier, unit=whole.unit,
        subject=f"{whole.subject} (part)", kind=f"{whole.kind.split(' (')[0]} (part of)", state=state, group=whole.group,
    )


def part_of_frame(doc: Doc, phrase: NumberPhrase, claims: list[RawClaim]) -> RawClaim | None:
    """ "Of the 300 applicants, 120 were women": a bare subject number after an "Of the N X,"
    frame opening its sentence is a part of that count."""
    number = doc[phrase.start : phrase.end].root
    if number.dep_ not in {"nsubj", "nsubjpass"} or counted_noun(doc, phrase) is not None:
        return None
    sentence = number.sent
    opening = [t.lower_ for t in doc[sentence.start : sentence.start + 2]]
    if opening[:1] != ["of"]:
        return None
    whole = next(
        (c for c in claims if sentence.start < c.span.start <= sentence.start + len(opening) and c.span.end <= phrase.start),
        None,
    )
    if whole is None or (whole.value.low is not None and whole.value.low < phrase.high):
        return None
    return _part(doc, phrase, whole, number, None, phrase.end)


def partitive_of_count(doc: Doc, phrase: NumberPhrase, claims: list[RawClaim]) -> RawClaim | None:
    """ "30 of the 80 wounded": a part of the count that follows "of" (and a determiner)."""
    at = phrase.end
    if lower_at(doc, at) != "of" or (phrase.low == phrase.high == 1 and not phrase.vague):
        return None  # "one of the officers said": a determiner
    at += 1
    if lower_at(doc, at) in {"the", "its", "their", "those", "these"}:
        at += 1
    whole = next((c for c in claims if c.span.start == at or (c.span.start < at < c.span.end)), None)
    if whole is None or (whole.value.low is not None and whole.value.low < phrase.high):
        return None
    return _part(doc, phrase, whole, whole.counted, whole.state, phrase.end)


# How far apart in size two figures of one thing may be, as a factor.
_PARALLEL_RATIO = 10
# Prepositions whose bare number is a time ("before 9", "until 11"), never a count.
_TIME_PREPOSITIONS = frozenset({"before", "after", "until", "till", "since"})


def parallel_count(doc: Doc, phrase: NumberPhrase, claims: list[RawClaim]) -> RawClaim | None:
    """A bare number given side by side with a count of its sentence counts the same thing:
    "police counted 25,000 and the unions 90,000", "14,000 people took part, then 19,000",
    "five men were missing, while the union put the number at six".

    Only a number with no noun of its own, no label that makes it something else,
    of at least 2, beside a count of its sentence (``_beside``) and within a factor of
    ``_PARALLEL_RATIO`` of it: one measure given twice stays one order of size.
    """
    if phrase.vague or phrase.high < 2 or excluded(doc, phrase):
        return None
    number = doc[phrase.start : phrase.end].root
    if counted_noun(doc, phrase) is not None and not (number.dep_ == "pobj" and measured_by_verb(number) is None):
        return None
    if number.dep_ in {"nummod", "compound", "npadvmod"} or doc[phrase.end - 1].ent_type_ in {"DATE", "TIME"}:
        return None
    if number.dep_ == "pobj" and number.head.lower_ in _TIME_PREPOSITIONS:
        return None  # "the fire began before 9": an hour, not a count
    parallel = _beside(number, phrase, claims)
    if parallel is None:
        return None
    value_low, value_high = parallel.value.low, parallel.value.high
    anchor = value_high if value_high is not None else value_low
    if anchor is None or not anchor / _PARALLEL_RATIO <= phrase.high <= anchor * _PARALLEL_RATIO:
        return None
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    value, qualifier = interval_for(phrase, qualifier, hedge)
    kind, state = unowned_kind(parallel.kind), parallel.state
    own = state_of(number)[0]
    if own is not None and own != state:  # "Four passengers pulled alive; two found dead"
        state = own
        if own in CASUALTY_STATES and COUNT_CLASSES.get(parallel.unit, parallel.kind) in PERSON_CLASSES | {"people"}:
            kind = "people"
    return RawClaim(
        span=doc[start : phrase.end], counted=number, value=value, qualifier=qualifier, unit=parallel.unit,
        subject=parallel.subject, kind=kind, state=state, group=parallel.group,
    )


def _beside(number: Token, phrase: NumberPhrase, claims: list[RawClaim]) -> RawClaim | None:
    """The count a bare number sits beside in its sentence: the last one before it, else the
    first one after it ("who first counted 900, now put the crowd at 1,100"). A count of
    the sentence before is not taken: tried, it put more bare numbers in wrong topics."""
    sentence = number.sent
    earlier = [c for c in claims if sentence.start <= c.span.start and c.span.end <= phrase.start and c.kind]
    if earlier:
        return earlier[-1]
    return next((c for c in claims if phrase.end <= c.span.start and c.span.end <= sentence.end and c.kind), None)


# Prepositions that compare a number with another of the same thing ("up from 3.4 million").
_COMPARING = frozenset({"from", "to", "than", "against", "versus", "vs", "vs."})


# Words that open a date right after a number with no noun: "3,200 a year earlier", "12 the day before".
_DATE_OPENERS = frozenset({"a", "an", "the", "last", "this", "that", "one"})


def elided(doc: Doc, phrase: NumberPhrase, earlier: list[RawClaim]) -> RawClaim | None:
    """ "2.1 million cars, down from 3.4 million", "900 homes, up from an estimate of 400": a
    number with no noun, compared with a count earlier in its sentence, counts the same thing."""
    number = doc[phrase.start : phrase.end].root
    noun = counted_noun(doc, phrase)
    dated_after = noun is not None and noun.ent_type_ in {"DATE", "TIME"} and lower_at(doc, phrase.end) in _DATE_OPENERS
    if number.dep_ != "pobj" or (noun is not None and not dated_after):
        return None  # a noun of its own ("hundreds more years"), unless it is a date after it ("3,200 a year earlier")
    if any(c.like_num and not phrase.start <= c.i < phrase.end for c in number.children):
        return None  # "rises to six as 40,000 remain": a misparse, not a comparison
    measure = number.head.lower_ == "of" and number.head.head.lemma_.lower() in MEASURE_NOUNS  # "an estimate of 400"
    if number.head.lower_ not in _COMPARING and not measure:
        return None
    if excluded(doc, phrase):
        return None
    sentence = number.sent
    parallel = next((c for c in reversed(earlier) if c.span.start >= sentence.start and c.span.end <= phrase.start), None)
    if parallel is None:
        return None
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    value, qualifier = interval_for(phrase, qualifier, hedge)
    return RawClaim(
        span=doc[start : phrase.end], counted=number, value=value, qualifier=qualifier, unit=parallel.unit,
        subject=parallel.subject, kind=parallel.kind, state=parallel.state, group=parallel.group,
    )


# Pronouns a partitive can count from ("three of them", "two of which").
_PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "which", "whom", "us"})


def partitive_of_pronoun(doc: Doc, phrase: NumberPhrase, earlier: list[RawClaim]) -> RawClaim | None:
    """ "Guards fired 14 rounds, six of them into the engine": a part of the nearest earlier
    count, in this sentence or the one before, that is larger than the part."""
    if lower_at(doc, phrase.end) != "of" or lower_at(doc, phrase.end + 1) not in _PARTITIVE_PRONOUNS:
        return None
    if phrase.low == phrase.high == 1 and not phrase.vague:
        return None  # "one of them": a determiner
    pronoun = doc[phrase.end + 1]
    first_sentence = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
    whole = next(
        (c for c in reversed(earlier) if c.span.start >= first_sentence and (c.value.high or INF) > phrase.high), None
    )
    state = state_of(pronoun)[0]
    if whole is None:
        # "found his rivals and shot two of them": with no count before, the part of people a
        # casualty befell is itself a count of those people.
        if state not in CASUALTY_STATES:
            return None
        start, qualifier, hedge = hedge_before(doc, phrase.start)
        value, qualifier = interval_for(phrase, qualifier, hedge)
        return RawClaim(span=doc[start : phrase.end + 2], counted=pronoun, value=value, qualifier=qualifier, unit="person",
                        subject=f"people {state}", kind="people", state=state, group=None)
    return _part(doc, phrase, whole, pronoun, state or whole.state, phrase.end + 2)
