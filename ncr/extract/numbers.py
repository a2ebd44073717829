"""Reading the value of a number phrase: digits, number words, scales and vague amounts.

Pure string functions, no spaCy: ``quantities`` finds the phrases in a parsed
``Doc`` and asks this module what they are worth. Nothing here decides whether
a number is a claim.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,  # Indian English
}
# Abbreviated scales as written in news copy ("1.5m", "12k", "3bn").
SCALE_SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
# Group nouns that stand for a number ("a dozen", "a score of").
GROUP_NOUNS = {"dozen": 12, "score": 20}
# Plural scale nouns used vaguely ("thousands", "dozens"), with the unit they multiply.
VAGUE_PLURALS = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "billions": 1_000_000_000, "trillions": 1_000_000_000_000,
}
# Vague plurals whose span ends at ten of their unit (the next round word takes over).
_TENFOLD_PLURALS = frozenset({"dozens", "hundreds"})
# Vague determiners before a scale word ("several thousand", "a few hundred").
FEW = {"few": (2, 9), "several": (3, 9), "couple": (2, 3), "handful": (2, 5)}

NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | frozenset(GROUP_NOUNS)

DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
# "1.500": digits grouped in threes by dots, as continental styles write them.
DOT_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b)$", re.IGNORECASE)


def parse_digits(word: str) -> float | None:
    """``"10,000"`` → 10000.0, ``"1.5"`` → 1.5, ``"12k"`` → 12000.0; else None."""
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    match = _DIGITS_SUFFIX.match(word)
    if match:
        return float(match.group(1)) * SCALE_SUFFIXES[match.group(2).lower()]
    return None


def is_number_word(word: str) -> bool:
    """True for a word that can be part of a spelled-out number."""
    lower = word.lower()
    return lower in NUMBER_WORDS or _hyphenated_tens(lower) is not None


def _hyphenated_tens(word: str) -> int | None:
    """``"twenty-five"`` → 25."""
    if "-" not in word:
        return None
    tens, _, unit = word.partition("-")
    if tens in TENS and unit in UNITS and 0 < UNITS[unit] < 10:
        return TENS[tens] + UNITS[unit]
    return None


def parse_number(words: list[str]) -> float | None:
    """The value of a number phrase given as words (``["1.5", "million"]``,
    ``["five", "thousand"]``, ``["one", "hundred", "and", "twenty"]``, ``["a", "dozen"]``).

    Returns None when the words are not one well-formed number.
    """
    words = [w.lower() for w in words if w.lower() not in {"and", ","}]
    # "1,5 million": a decimal comma, as continental styles write it, before a scale word.
    words = [
        w.replace(",", ".") if DECIMAL_COMMA.match(w) and n + 1 < len(words) and words[n + 1] in SCALES else w
        for n, w in enumerate(words)
    ]
    if words and words[0] in {"a", "an"}:
        words = ["one", *words[1:]]
    if not words:
        return None
    total = 0.0
    current: float | None = None
    for word in words:
        digits = parse_digits(word)
        if digits is not None:
            if current is not None:
                return None
            current = digits
        elif word in UNITS:
            current = (current or 0) + UNITS[word]
        elif word in TENS:
            current = (current or 0) + TENS[word]
        elif _hyphenated_tens(word) is not None:
            current = (current or 0) + _hyphenated_tens(word)
        elif word in GROUP_NOUNS:
            current = (current if current is not None else 1) * GROUP_NOUNS[word]
        elif word in SCALES:
            scale = SCALES[word]
            base = current if current is not None else 1
            if scale == 100:
                current = base * 100
            else:
                total += base * scale
                current = None
        elif word == "half":
            current = 0.5 if current is None else current + 0.5
        else:
            return None
    return total + (current or 0)


def vague_interval(words: list[str]) -> tuple[float, float] | None:
    """The interval a vague amount allows, or None if the words are not one.

    ``thousands`` → [2,000, 20,000): at least two of the unit, and fewer than
    the next vague order people would use ("tens of thousands"); ``hundreds``
    → [200, 1,000) and ``dozens`` → [24, 120), where "a thousand" and "a
    hundred" take over.
    ``tens of thousands`` → [20,000, 100,000); ``hundreds of thousands`` →
    [200,000, 1,000,000); ``several thousand`` → [3,000, 9,000];
    ``a couple (of) thousand`` → [2,000, 3,000].
    """
    words = [w.lower() for w in words if w.lower() not in {"of", "a", "an"}]
    if not words:
        return None
    if len(words) == 1 and words[0] in VAGUE_PLURALS:
        unit = VAGUE_PLURALS[words[0]]
        # "hundreds" stops where "a thousand" takes over, "dozens" where "a hundred" does.
        return 2 * unit, (10 if words[0] in _TENFOLD_PLURALS else 20) * unit - 1
    if len(words) == 2 and words[1] in VAGUE_PLURALS:
        unit = VAGUE_PLURALS[words[1]]
        if words[0] == "tens":
            return 20 * unit, 100 * unit - 1
        if words[0] in {"hundreds", "dozens"}:
            multiplier = 100 if words[0] == "hundreds" else 12
            return 2 * multiplier * unit, 10 * multiplier * unit - 1
    if len(words) == 2 and words[0] in FEW and words[1] in SCALES | GROUP_NOUNS:
        unit = SCALES.get(words[1]) or GROUP_NOUNS[words[1]]
        low, high = FEW[words[0]]
        return low * unit, high * unit
    return None
