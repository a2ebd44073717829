"""Numbers that are never counts, whatever the grammar around them suggests.

Dates and times, ordinals, ages, percentages, money and measures (units from
pint's registry and currencies from CLDR, ``extract.measures``), numbers inside
names, codes and addresses ("Resolution 2231", "F-16", "221 Baker Street"),
multipliers and shares ("6.5 times earnings", "two thirds"), rates ("3,000
requests a second") and incidental small counts ("these two countries"). The
model's entity label is evidence here, not a veto (``label_vetoes``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import (
    ANAPHORIC_DETERMINERS,
    INCIDENTAL_BELOW,
    NON_COUNT_HEADS,
    SHARE_WORDS,
    STATES,
    STREET_WORDS,
    TIME_UNITS,
)
from .counted import measured_by_verb
from .entities import entity_at
from .measures import is_currency, is_currency_sign, is_unit
from .phrases import NumberPhrase, hedge_after, hedge_before, lower_at

# Words after "N times" that make it a multiplier ("2.5 times as many", "three times more").
_COMPARATIVE_WORDS = frozenset({"as", "more", "less", "fewer", "higher", "lower", "larger", "bigger", "greater", "the"})
# Arithmetic between numbers: a formula, not a count.
_OPERATORS = frozenset({"^", "**", "×", "*", "="})
# Entity labels whose numbers are never counts.
NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Entity labels that make a number part of a name ("Apollo 11", "Resolution 2231").
_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "GPE", "LOC"})


# Parts of speech of words that are never a unit, however they are spelt ("19 in ..." is no inch).
FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "ADV", "PUNCT"})


def is_incidental(doc: Doc, phrase: NumberPhrase, counted: Token) -> bool:
    """ "these two countries", "both sides", "one of": small numbers that refer back."""
    if phrase.vague or phrase.high >= INCIDENTAL_BELOW:
        return False
    if phrase.start > 0:
        before = doc[phrase.start - 1]
        if before.lower_ in ANAPHORIC_DETERMINERS or before.dep_ == "poss":
            return True
    return phrase.low == 1 and lower_at(doc, phrase.end) == "of"


def _address(doc: Doc, end: int) -> bool:
    """True when the number opens a street address: proper nouns, then a street word."""
    at = end
    while at < len(doc) and doc[at].pos_ == "PROPN" and doc[at].lower_.rstrip(".") not in STREET_WORDS:
        at += 1
    return end < at < len(doc) and doc[at].lower_.rstrip(".") in STREET_WORDS


def is_rate(doc: Doc, counted: Token) -> bool:
    """True when the counted noun is followed by "per X" or "a day" / "an hour": a rate."""
    after = lower_at(doc, counted.i + 1)
    if after == "per":
        return True
    return (
        after in {"a", "an", "each", "every"}
        and lower_at(doc, counted.i + 2) in TIME_UNITS
        and lower_at(doc, counted.i + 3) not in {"ago", "earlier", "later", "before", "after"}  # "40 arrests a week ago"
    )


def is_measured(noun: Token) -> bool:
    """True when the noun after a number is a unit of measure or a currency (``extract.measures``)."""
    return is_unit(noun.text) or is_currency(noun.text)


def label_vetoes(doc: Doc, phrase: NumberPhrase) -> bool:
    """True when the model's entity label says the number is no count.

    The label is evidence, not a veto, where it sits on the number alone and the
    grammar says count: "Forty" tagged DATE before the plural noun of "Forty homes
    burned" or the verb of "52 were detained", "316" tagged FAC in "the 316
    applicants". A label that reaches past the number ("10 days", "Apollo 11"), a
    measure label (money, percent, time, quantity) and a DATE before a singular
    noun ("the 12000 block", "1300 GMT") stand.
    """
    hedged_start = hedge_before(doc, phrase.start)[0]
    for token in doc[phrase.start : phrase.end]:
        label = token.ent_type_
        if label not in _NAME_LABELS and (phrase.vague or label not in NOT_COUNT_LABELS):
            continue
        if label == "ORDINAL" and not token.lower_.endswith(("st", "nd", "rd", "th")):
            continue  # "8bn" read as an ordinal: nothing ordinal is written
        entity = entity_at(doc, token.i)
        # "44 overnight" tagged TIME: an adverb after the number does not make it a time.
        reach = entity.end if entity is not None else phrase.end
        while reach > phrase.end and doc[reach - 1].pos_ == "ADV":
            reach -= 1
        if entity is None or reach > phrase.end or (entity.start < hedged_start and not _object_name_before(doc, phrase)):
            return True
        if reach < entity.end and label in {"TIME", "DATE"}:
            continue  # the label came from the adverb, not from the number
        if label == "MONEY" and _count_follows(doc, phrase.end) and not is_currency(doc[phrase.end].text):
            continue  # "more than 2.2 billion users" tagged MONEY: no currency is written
        if label in NOT_COUNT_LABELS - {"DATE"}:
            return True
        if label == "DATE" and not _count_follows(doc, phrase.end) and measured_by_verb(token) is None:
            return True  # ... but "put the number of cases at 47" says what 61 counts
    return False


def _object_name_before(doc: Doc, phrase: NumberPhrase) -> bool:
    """True when the word before the number is a name that is a verb's object, so the number
    is not part of it: "hitting Lutz four times", "gave Ames 20 votes" (the model may tag
    "Lutz four" as one name; "Flight 370" and "iPhone 15" are no verb's objects)."""
    before = doc[phrase.start - 1] if phrase.start else None
    return before is not None and before.pos_ == "PROPN" and before.dep_ in {"dobj", "dative"} and before.head.pos_ == "VERB"


def _count_follows(doc: Doc, end: int) -> bool:
    """A plural common noun or a verb right after a number ("Forty homes", "52 were detained",
    "Forty or so passengers"), or a verb of state whose object it is ("injuring 80")."""
    end = hedge_after(doc, end)[0]
    if end >= len(doc):
        return False
    after, number = doc[end], doc[end - 1]
    if number.dep_ == "dobj" and number.head.lemma_.lower() in STATES:
        return True
    return (after.pos_ == "NOUN" and after.tag_ == "NNS") or after.pos_ in {"AUX", "VERB"}


def excluded(doc: Doc, phrase: NumberPhrase) -> bool:
    """Numbers that are never counts: dates, ordinals, measures, names, codes."""
    tokens = doc[phrase.start : phrase.end]
    if label_vetoes(doc, phrase):
        return True
    before = doc[phrase.start - 1] if phrase.start else None
    if before is not None and before.pos_ == "PROPN" and before.tag_ == "NNP" and before.ent_type_ not in {"DATE", "TIME"} and not (
        _object_name_before(doc, phrase)
    ):
        return True  # a model or series name: "iPhone 15", "FTSE 100", "Flight 370"
    if _address(doc, phrase.end):
        return True  # "221 Baker Street"
    if lower_at(doc, phrase.end) in SHARE_WORDS:
        return True  # "two thirds of the cake", "three quarters": a share, not a count
    if lower_at(doc, phrase.end) == "times" and phrase.end + 1 < len(doc) and (
        lower_at(doc, phrase.end + 1) in _COMPARATIVE_WORDS or doc[phrase.end + 1].pos_ in {"NOUN", "ADJ"}
    ):
        return True  # "6.5 times earnings", "2.5 times as many": a multiplier
    if before is not None and before.lemma_.lower() in NON_COUNT_HEADS:
        return True  # "magnitude 6.1"
    if before is not None and (before.lower_ in {"aged", "ages"} or (
            before.lower_ == "of" and phrase.start >= 2 and doc[phrase.start - 2].lemma_.lower() == "age")):
        return True  # "under the age of five", "aged 12": an age
    if before is not None and (before.text in {"#", "No."} or before.is_currency or is_currency_sign(before.text)):
        return True
    if before is not None and before.text in {"-", "/"} or lower_at(doc, phrase.end) in {"-", "/", "%"}:
        return True  # "F-16", "24/7", "3-2" scores and codes
    if before is not None and before.text in _OPERATORS or lower_at(doc, phrase.end) in _OPERATORS:
        return True  # "10^100", "2 ^ 10": a power or a formula, not a count
    if len(tokens) == 1 and not phrase.vague:
        text = tokens[0].text
        if text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100:
            return True  # a year written without its DATE label
    return False
