"""Quantitative claims: counts of something, with their hedges, ranges and counted thing.

Takes the number phrases of a parsed ``Doc`` with their hedges and intervals
(``extract.phrases``), decides which are counts, and assembles each claim with
what ``extract.counted`` reads of the thing it counts. A bare number a state happened to ("52 were detained") counts
people; "shot seven times" counts hits.

Numbers that are never counts (dates, ages, money, measures, names, codes,
incidental counts) are told apart by ``extract.notcounts``. Some numbers count
only through the counts around them: parts ("30 of the 80 wounded"), elided
nouns ("3.9 million from 2.4 million"), a bare figure beside a count ("police
counted 18,000, the unions 90,000"); ``extract.related`` reads those. Attribution
and dates are left to their own stages.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..lexicon import (
    CASUALTY_STATES,
    COUNT_CLASSES,
    GATHERING_CLASSES,
    GATHERING_EVENTS,
    GENERIC_PERSON_CLASSES,
    INTRANSITIVE_STATES,
    LIGHT_VERBS,
    MARGIN_NOUNS,
    NON_COUNT_HEADS,
    PERSON_CLASSES,
    SERVICE_CLASSES,
    SPEECH_VERBS,
    STATES,
    TIME_UNITS,
    UNDESCRIBED_PERSON_CLASSES,
)
from ..records import Qualifier
from .counted import (
    counted_noun,
    group_of,
    noun_phrase,
    owned_kind,
    owner_of,
    phrase_head,
    predicate_of,
    state_of,
    state_of_measure,
    state_word,
    subset_of,
    system_of,
)
from .notcounts import (
    FUNCTION_POS,
    NOT_COUNT_LABELS,
    excluded,
    is_incidental,
    is_measured,
    is_rate,
    label_vetoes,
)
from .phrases import (
    NumberPhrase,
    hedge_after,
    hedge_before,
    interval_for,
    lower_at,
    number_phrases,
)
from .rawclaim import RawClaim
from .related import elided, parallel_count, part_of_frame, partitive_of_count, partitive_of_pronoun


def find_claims(doc: Doc, phrases: Sequence[NumberPhrase] | None = None) -> list[RawClaim]:
    """Every quantitative claim in ``doc``, in text order (``phrases``: its number phrases, if already read)."""
    claims: list[RawClaim] = []
    unclaimed: list[NumberPhrase] = []
    for phrase in number_phrases(doc) if phrases is None else phrases:
        claim = (
            partitive_of_pronoun(doc, phrase, claims) or _claim_for(doc, phrase) or _compound_count(doc, phrase)
            or elided(doc, phrase, claims) or _partitive_of_state(doc, phrase) or _children_of_parent(doc, phrase)
        )
        if claim is not None:
            claims.append(claim)
        else:
            unclaimed.append(phrase)
    # Numbers that count only through the counts around them, read once those are known.
    parts = [
        part for phrase in unclaimed
        if (part := partitive_of_count(doc, phrase, claims) or _one_beside(doc, phrase, claims)
            or part_of_frame(doc, phrase, claims) or parallel_count(doc, phrase, claims)) is not None
    ]
    return sorted(claims + parts, key=lambda c: c.span.start) if parts else claims


def _one_beside(doc: Doc, phrase: NumberPhrase, claims: list[RawClaim]) -> RawClaim | None:
    """ "two counts of murder and one count of attempted murder": a "one" beside another count of
    the same noun in its sentence is a count, not a determiner."""
    if not (phrase.low == phrase.high == 1 and doc[phrase.start].lower_ == "one") or lower_at(doc, phrase.end) == "of":
        return None  # "one of the miners": a determiner whatever else the sentence counts
    counted = counted_noun(doc, phrase)
    sentence = doc[phrase.start].sent
    if counted is None or not any(
        c.unit.split()[-1:] == [counted.lemma_.lower()] and sentence.start <= c.span.start < sentence.end for c in claims
    ):
        return None
    return _claim_for(doc, phrase, one_counts=True)


# "a mother of two": the number after "of" counts the parent's children (or grandchildren).
_PARENT_NOUNS = {"mother": "child", "father": "child", "parent": "child", "mom": "child", "dad": "child",
                 "grandmother": "grandchild", "grandfather": "grandchild", "grandparent": "grandchild"}


def _children_of_parent(doc: Doc, phrase: NumberPhrase) -> RawClaim | None:
    """ "a mother of two", "father of 3": how many children the person has."""
    if phrase.start < 2 or lower_at(doc, phrase.start - 1) != "of" or phrase.vague:
        return None
    child = _PARENT_NOUNS.get(doc[phrase.start - 2].lemma_.lower())
    following = doc[phrase.end] if phrase.end < len(doc) else None
    if child is None or (following is not None and following.pos_ in {"NOUN", "PROPN"}):
        return None  # "mother of two sons" is counted by its own noun
    value, qualifier = interval_for(phrase, None, ())
    return RawClaim(
        span=doc[phrase.start : phrase.end], counted=doc[phrase.start - 2], value=value, qualifier=qualifier,
        unit=child, subject=f"{doc[phrase.start - 2].text}'s children", kind=child, state=None, group=None,
    )


def _partitive_of_state(doc: Doc, phrase: NumberPhrase) -> RawClaim | None:
    """ "Nine of the injured", "23 of the dead": a part of the people a state happened to,
    named by the state word alone."""
    at = phrase.end
    if lower_at(doc, at) != "of" or lower_at(doc, at + 1) != "the" or at + 2 >= len(doc):
        return None
    word = doc[at + 2]
    state = state_word(word)
    following = doc[at + 3] if at + 3 < len(doc) else None
    if state is None or word.pos_ not in {"ADJ", "VERB", "NOUN"} or (following is not None and following.pos_ in {"NOUN", "PROPN"}):
        return None  # "two of the injured workers" is counted by its noun
    if phrase.low == phrase.high == 1 and not phrase.vague:
        return None  # "one of the dead was a child": a determiner
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    value, qualifier = interval_for(phrase, qualifier, hedge)
    return RawClaim(
        span=doc[start : phrase.end], counted=word, value=value, qualifier=qualifier, unit="person",
        subject=f"people {word.text} (part)", kind="people (part of)", state=state, group=None,
    )


def _compound_count(doc: Doc, phrase: NumberPhrase) -> RawClaim | None:
    """ "a 150-seat assembly", "a 3,120-member synod", "a four-cylinder engine": the number
    counts the noun glued to it by a hyphen, not the noun the compound describes."""
    end = phrase.end
    if phrase.vague or end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return None
    noun = doc[end + 1]
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not noun.is_alpha or noun.dep_ not in {"compound", "amod", "nmod"}:
        return None
    if lemma in TIME_UNITS or lemma in NON_COUNT_HEADS or lower_at(doc, end + 2) == "-" or is_measured(noun):
        return None  # "a 40-hour week", "a 10-mile walk", "a 16-year-old", "a 938-horsepower engine"
    if phrase.start > 0 and doc[phrase.start - 1].text in {"-", "/"} or label_vetoes(doc, phrase):
        return None
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    value, qualifier = interval_for(phrase, qualifier, hedge)
    # "a two-seat majority", "a nine-member majority": the size of a margin, whatever unit it is told in.
    kind = noun.head.lemma_.lower() if noun.head.lemma_.lower() in MARGIN_NOUNS else COUNT_CLASSES.get(lemma, lemma)
    return RawClaim(
        span=doc[start : end + 2], counted=noun, value=value, qualifier=qualifier, unit=lemma,
        subject=f"{noun.text} ({noun.head.text})", kind=kind, state=None, group=None,
    )


def _times_count(doc: Doc, phrase: NumberPhrase, times: Token) -> RawClaim | None:
    """ "shot seven times", "arrested five times": a count of what the verb did.

    Hits of a weapon (shot, hit, struck, stabbed) are one class with the
    bullets and wounds that count them; any other verb counts its own events,
    and a state that befell a named person N times is that person's own count
    ("Smith was arrested five times" = "Smith has five arrests").
    """
    verb = times.head
    lemma = verb.lemma_.lower()
    if phrase.low == phrase.high and phrase.low < 2:
        return None  # "one time", "once more"
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    end, after_qualifier = hedge_after(doc, phrase.end)
    value, qualifier = interval_for(phrase, qualifier or after_qualifier, hedge)
    kind = COUNT_CLASSES.get(f"{lemma} times", f"{lemma} times")
    state = None
    person = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ == "PROPN"), None)
    if person is not None and lemma in STATES and kind == f"{lemma} times":
        # "Smith was arrested five times" is Smith's five arrests, as "Smith has five arrests" counts them
        kind, state = owned_kind("people", person), STATES[lemma]
    return RawClaim(
        span=doc[start:end], counted=times, value=value, qualifier=qualifier, unit=f"{lemma} times",
        subject=f"{verb.text} {doc[phrase.start:phrase.end].text} times", kind=kind, state=state, group=None,
    )


def _bare_casualty_count(doc: Doc, phrase: NumberPhrase) -> RawClaim | None:
    """A number that is itself what a state happened to: "52 were detained", "killing 10",
    "Dozens were injured", "Three killed as ...". What it counts is people."""
    number = doc[phrase.start : phrase.end].root
    verb = number.head
    # "2 dead, 1 wounded", "left 12 dead", "Ten dead in flood": an adjective or participle of state says it.
    adjective = next(
        (t for t in (verb, *number.children) if state_word(t) and t.i > number.i and (
            t.pos_ == "ADJ" and (t is verb and number.dep_ in {"nsubj", "nummod", "npadvmod"} or t.dep_ == "amod")
            or t.tag_ == "VBN" and t.dep_ == "acl"  # "2 wounded" hanging on its number
        )),
        None,
    )
    if adjective is not None:
        verb = adjective
    elif verb.pos_ != "VERB" or not state_word(verb):
        return None
    else:
        passive = number.dep_ == "nsubjpass" or (
            number.dep_ == "nsubj" and (verb.lemma_.lower() in INTRANSITIVE_STATES or verb.lower_ in STATES)  # "four missing"
        )
        # A headline's "Three killed as ...": the participle heads the number.
        headline = number.dep_ in {"nsubj", "npadvmod"} and verb.tag_ == "VBN"
        if not (passive or headline or number.dep_ == "dobj"):
            return None
    if phrase.low == phrase.high == 1 and not phrase.vague and not number.text.isdigit():
        return None  # "one was killed" may be a determiner's "one"; a written "1 wounded" is a count
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    end, after_qualifier = hedge_after(doc, phrase.end)
    value, qualifier = interval_for(phrase, qualifier or after_qualifier, hedge)
    state = state_word(verb)
    return RawClaim(
        span=doc[start:end], counted=number, value=value, qualifier=qualifier, unit="person",
        subject=f"people {verb.text}", kind="people", state=state, group=None,
    )


def _bare_vague_subject(doc: Doc, phrase: NumberPhrase) -> RawClaim | None:
    """ "Dozens sang ...", "Thousands marched": a vague amount that is a verb's subject on its
    own counts people, and what they did tells the measure apart."""
    number = doc[phrase.start : phrase.end].root
    verb = number.head
    if not phrase.vague or number.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in LIGHT_VERBS or lemma in SPEECH_VERBS:
        return None  # "Hundreds said ...": nothing of what they are
    state = state_word(verb) or lemma
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    value, qualifier = interval_for(phrase, qualifier, hedge)
    return RawClaim(
        span=doc[start : phrase.end], counted=number, value=value, qualifier=qualifier, unit="person",
        subject=f"people who {verb.text}", kind="people", state=state, group=None,
    )


# Verbs that have, hold or find things rather than say they struck someone.
_HOLDING_VERBS = frozenset({"load", "carry", "contain", "hold", "have", "recover", "find", "seize", "keep"})


def _held(counted: Token) -> bool:
    """True when the nearest verb over the counted noun holds or finds it ("loaded with six bullets")."""
    for token in counted.ancestors:
        if token.pos_ == "VERB":
            return token.lemma_.lower() in _HOLDING_VERBS
    return False


def _claim_for(doc: Doc, phrase: NumberPhrase, one_counts: bool = False) -> RawClaim | None:
    """The claim of a number phrase, or None when it is no count. ``one_counts``: a bare
    "one" is a count here, not a determiner (the sentence counts the same noun elsewhere)."""
    if excluded(doc, phrase):
        return None
    counted = counted_noun(doc, phrase)
    if counted is None:
        return _bare_casualty_count(doc, phrase) or _bare_vague_subject(doc, phrase)
    counted = phrase_head(counted, phrase)
    lemma = counted.lemma_.lower()
    if lemma == "time" and counted.dep_ == "npadvmod" and counted.head.pos_ == "VERB":
        return _times_count(doc, phrase, counted)
    if lemma in TIME_UNITS or lemma in NON_COUNT_HEADS or counted.ent_type_ in NOT_COUNT_LABELS - {"QUANTITY"}:
        return None
    if is_measured(counted) or (phrase.end < len(doc) and doc[phrase.end].pos_ not in FUNCTION_POS and is_measured(doc[phrase.end])):
        return None  # "938 horsepower", "2 milligrams", "eight euros", "256 GB", "50 mg ethanol"
    if is_rate(doc, counted):
        return None  # "3,000 requests a second", "3.4 items per patient": a rate, not a count
    if is_incidental(doc, phrase, counted):
        return None
    start, qualifier, hedge = hedge_before(doc, phrase.start)
    end, after_qualifier = hedge_after(doc, phrase.end)
    if qualifier is None:
        qualifier = after_qualifier
    value, qualifier = interval_for(phrase, qualifier, hedge)
    skip = range(start, end)
    unit, subject = noun_phrase(counted, skip)
    state, state_words = state_of(counted)
    if state is None:
        state = state_of_measure(counted)
    if state_words:
        subject = f"{subject} {state_words}"
    named = system_of(counted)
    if named:
        unit = lemma = named  # "four pipeline systems" count pipelines
    kind = COUNT_CLASSES.get(unit, COUNT_CLASSES.get(lemma, lemma))
    if kind == "hits" and _held(counted):
        kind = lemma  # "a pistol loaded with six bullets": bullets as things, not bullets that hit
    if lemma in STATES and lemma not in GATHERING_EVENTS and kind not in PERSON_CLASSES:
        kind = "people"  # "46 arrests", "ten deaths": the events stand for the people they happened to
    said_state = state  # what the text says happened, before any class default
    if state is None and kind in GATHERING_CLASSES:
        state = "gathered"  # "a crowd of 200", "130 marchers": the size of a gathering
    if state in CASUALTY_STATES and kind in PERSON_CLASSES - SERVICE_CLASSES:
        kind = "people"  # "people who died", "victims" and "the death toll" count the same dead
    elif state is not None and kind in GENERIC_PERSON_CLASSES:
        kind = "people"  # "46 demonstrators arrested" and "46 people arrested" count the same people
    elif state is None and kind in UNDESCRIBED_PERSON_CLASSES:
        # Nothing happened to them: "two children" and "five women" are two counts, not one.
        kind = "people" if lemma in {"people", "person", "individual"} else lemma
        state = said_state = predicate_of(counted)  # "100 people worked there" and "7 people were trapped" are two measures
    if (phrase.low == phrase.high == 1 and not phrase.vague and said_state is None and qualifier is Qualifier.EXACT
            and doc[phrase.start].lower_ in {"one", "a", "an"} and not one_counts):
        return None  # "one protester threw a stone": a determiner, unless the count is the news ("one person died")
    owner = owner_of(counted) if any(t.head.i == counted.i for t in doc[phrase.start : phrase.end]) else None
    if owner is not None:
        # "Smith has six children": Smith's, not a count the story shares (and not "Jones has two"
        # after it, whose number stands apart from the noun it borrows)
        kind = owned_kind(kind, owner)
    subset = subset_of(doc, phrase, counted)
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
        group=group_of(counted),
    )
