"""Number phrases: where a number is written, how much it says, and the hedge around it.

Reads digits ("10,000", "1.5 million", "12k", "45 000"), number words ("five
thousand", "a dozen"), fractions of a scale ("half a million"), vague amounts
("thousands", "a couple thousand") and ranges ("11 to 12 million", "30 or
40"), and turns each with its hedge ("an estimated", "as many as", "or so")
into an interval. What a number counts, and whether it counts at all, is for
``extract.quantities`` and ``extract.measures`` to say.
"""

from __future__ import annotations

import math

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from ..lexicon import (
    ABOVE_HEDGES,
    BELOW_HEDGES,
    CHANGE_VERBS,
    HEDGES_AFTER,
    HEDGES_BEFORE,
)
from ..records import Interval, Qualifier
from . import numbers
from .tokens import token_table

# How far an approximate value may stray: "around 1,500" allows 1,350 to 1,650.
APPROXIMATE_MARGIN = 0.1
INF = float("inf")
# Words other than numbers that can open a number phrase ("a dozen", "tens of thousands").
_PHRASE_STARTERS = frozenset({"a", "an", "tens", "half", *numbers.VAGUE_PLURALS, *numbers.FEW})
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "and", "or"})


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    """Tokens ``start:end`` of a doc that state an amount, before hedges."""

    start: int
    end: int
    low: float
    high: float
    vague: bool



def lower_at(doc: Doc, i: int) -> str:
    """The lower-case form of token ``i``, or "" past either end of the doc."""
    return token_table(doc).lower_at(i)


def _is_number_text(text: str) -> bool:
    """Whether a token's text is a number or part of one ("10,000", "1.5", "12k", "five", "dozen")."""
    if text[:1].isdigit():
        return numbers.parse_digits(text) is not None or bool(numbers.DECIMAL_COMMA.match(text))
    return numbers.is_number_word(text)


def read_number_phrase(doc: Doc, i: int) -> NumberPhrase | None:
    """The number phrase starting at token ``i``, if one does."""
    tokens = token_table(doc)
    words = list(tokens.lower[i : i + 4])
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
    fraction = _fraction_of_scale(doc, i)
    if fraction is not None:
        return fraction
    # Digits and number words: "10,000", "1.5 million", "five thousand", "a dozen".
    end = i
    if words and words[0] in {"a", "an"}:
        if len(words) > 1 and words[1] in {*numbers.SCALES, *numbers.GROUP_NOUNS}:
            end = i + 1
        else:
            return None
    grouped = _space_grouped(doc, i)
    if grouped is not None:
        return grouped
    text, whitespace = tokens.text, tokens.whitespace
    while end < len(tokens):
        if end > i and text[end][:1].isdigit():
            break  # "four 12-year sentences", "two 500-page reports": digits after a number begin another
        if _is_number_text(text[end]):
            end += 1
        elif tokens.lower[end] == "and" and end > i and end + 1 < len(tokens) and numbers.is_number_word(text[end + 1]):
            end += 1
        elif (text[end] == "-" and end > i and not whitespace[end - 1] and not whitespace[end]
              and end + 1 < len(tokens) and numbers.is_number_word(text[end - 1])
              and numbers.is_number_word(text[end + 1])):
            end += 1  # "Twenty-six", split by the tokenizer
        else:
            break
    if end == i or (end == i + 1 and words[0] in {"a", "an"}):
        return None
    value = numbers.parse_number(_joined_hyphens(list(text[i:end])))
    if value is None:
        return None
    # "1.500 people": a count is whole, so dots grouping digits in threes before a plural noun group them.
    if end == i + 1 and numbers.DOT_GROUPED.match(text[i]) and end < len(tokens) and doc[end].tag_ == "NNS":
        value = float(text[i].replace(".", ""))
    # "35m phones", "8bn people": a scale letter the tokenizer split off the digits.
    suffix = tokens.lower_at(end)
    # "8 B users": a capital scale letter may stand apart from the digits.
    glued = not whitespace[end - 1] or (end < len(tokens) and text[end].isupper())
    if (suffix in numbers.SCALE_SUFFIXES and glued and tokens.like_num[end - 1]
            and end + 1 < len(doc) and doc[end + 1].tag_ == "NNS"):
        value *= numbers.SCALE_SUFFIXES[suffix]
        end += 1
    return NumberPhrase(i, end, value, value, vague=False)


def _joined_hyphens(texts: list[str]) -> list[str]:
    """["Twenty", "-", "six"] → ["Twenty-six"]: the form the number reader knows."""
    out: list[str] = []
    for text in texts:
        if out and (text == "-" or out[-1].endswith("-")):
            out[-1] += text
        else:
            out.append(text)
    return out


# Fractions that multiply a scale: "half a million", "a quarter of a million", "three quarters of a million".
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}


def _fraction_of_scale(doc: Doc, i: int) -> NumberPhrase | None:
    """ "half a million", "a quarter of a million", "three-quarters of a million", "half a dozen"."""
    tokens = token_table(doc)
    if i >= len(tokens):
        return None
    at, times = i, 1.0
    first = tokens.lower[i]
    count, _, part = first.partition("-")
    if first in {"a", "an", "one"}:
        at += 1
    elif first in numbers.UNITS and tokens.lower_at(i + 1) in {"quarters", "thirds"}:
        times, at = numbers.UNITS[first], i + 1  # "three quarters"
    elif first in numbers.UNITS and tokens.lower_at(i + 1) == "-" and tokens.lower_at(i + 2) in {"quarters", "thirds"}:
        times, at = numbers.UNITS[first], i + 2  # "three-quarters", split by the tokenizer
    elif count in numbers.UNITS and part in {"quarters", "thirds"}:
        times = numbers.UNITS[count]  # "three-quarters" as one token
    word = part if times != 1.0 and at == i else tokens.lower_at(at)
    if word not in _FRACTIONS:
        return None
    at += 1
    if tokens.lower_at(at) == "of":
        at += 1
    if tokens.lower_at(at) in {"a", "an"}:
        at += 1
    scale = tokens.lower_at(at)
    unit = numbers.SCALES.get(scale) or numbers.GROUP_NOUNS.get(scale)
    if unit is None:
        return None
    value = times * _FRACTIONS[word] * unit
    return NumberPhrase(i, at + 1, value, value, vague=False)


# Separators that group digits in threes in some styles: "20 000", "20 000" (thin and no-break spaces).
_GROUP_SPACES = frozenset({" ", "\u2009", "\u202f", "\xa0"})


def _space_grouped(doc: Doc, i: int) -> NumberPhrase | None:
    """ "20 000 people", "1 250 000": digits grouped in threes by spaces, read as one number."""
    tokens = token_table(doc)
    if i >= len(tokens):
        return None
    text = tokens.text
    if not (text[i].isdigit() and len(text[i]) <= 3):
        return None
    digits, end = text[i], i + 1
    while end < len(tokens) and text[end].isdigit() and len(text[end]) == 3 and tokens.whitespace[end - 1] in _GROUP_SPACES:
        digits += text[end]
        end += 1
    if end == i + 1:
        return None
    value = float(digits)
    return NumberPhrase(i, end, value, value, vague=False)


def _range_after(doc: Doc, first: NumberPhrase) -> NumberPhrase | None:
    """ "11,000 to 12,000", "11-12 million", "between 5 and 6 thousand" as one phrase."""
    joiner = lower_at(doc, first.end)
    if joiner not in _RANGE_WORDS or first.vague:
        return None
    if joiner == "and" and lower_at(doc, first.start - 1) != "between":
        return None
    second = read_number_phrase(doc, first.end + 1)
    if second is None or second.vague:
        return None
    low, high = first.low, second.high
    # "11 to 12 million": the scale written once applies to both ends.
    if low < high / 1000 and second.end - second.start > 1:
        scale = numbers.SCALES.get(token_table(doc).lower[second.end - 1], 1)
        low *= scale
    if low >= high:
        return None
    start = first.start - 1 if joiner == "and" else first.start  # keep "between" in the phrase
    return NumberPhrase(start, second.end, low, high, vague=False)


def hedge_before(doc: Doc, start: int) -> tuple[int, Qualifier | None, tuple[str, ...]]:
    """The hedge that ends just before token ``start``, as (new start, qualifier, words)."""
    lower = token_table(doc).lower
    for words, qualifier in HEDGES_BEFORE:
        begin = start - len(words)
        if begin >= 0 and lower[begin:start] == words:
            if words == ("up", "to") and _revised_up(doc, begin):
                return start, None, ()
            return begin, qualifier, words
    return start, None, ()


def _revised_up(doc: Doc, up: int) -> bool:
    """ "revised its estimate up to 1,100", "raised the toll up to 12 from 9": "up to" says
    which way a figure moved, not that it is a ceiling, after a verb of change."""
    head = doc[up].head if doc[up].dep_ != "ROOT" else doc[up]
    for token in (doc[up], doc[up + 1], head, head.head):
        if token.pos_ == "VERB" and token.lemma_.lower() in CHANGE_VERBS | {"adjust", "update", "correct"}:
            return True
    return False


def hedge_after(doc: Doc, end: int) -> tuple[int, Qualifier | None]:
    lower = token_table(doc).lower
    for words, qualifier in HEDGES_AFTER:
        stop = end + len(words)
        if stop <= len(lower) and lower[end:stop] == words:
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


def number_phrases(doc: Doc) -> Iterator[NumberPhrase]:
    """Every number phrase of ``doc``, ranges joined, in text order and never overlapping."""
    tokens = token_table(doc)
    starts = [
        i for i, (like_num, lower, text) in enumerate(zip(tokens.like_num, tokens.lower, tokens.text))
        if like_num or lower in _PHRASE_STARTERS or _is_number_text(text)
    ]
    i = 0  # where reading resumes: a phrase's tokens start no other phrase
    for start in starts:
        if start < i:
            continue
        phrase = read_number_phrase(doc, start)
        if phrase is None:
            continue
        phrase = _range_after(doc, phrase) or phrase
        i = phrase.end
        if _readable(phrase):
            yield phrase


# The largest whole number a float holds exactly (2**53): a count above it could not be
# given back as written, and no real count comes near it.
LARGEST_COUNT = float(2**53)


def _readable(phrase: NumberPhrase) -> bool:
    """Whether every bound of the phrase is a finite number no larger than ``LARGEST_COUNT``
    ("999,999,999,999,999,999 soldiers" and a 400-digit number are not read)."""
    return all(
        value is None or (math.isfinite(value) and abs(value) <= LARGEST_COUNT)
        for value in (phrase.low, phrase.high)
    )
