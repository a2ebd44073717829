"""Units, currencies and measures: the numbers that are money, shares or measures, not counts.

Knowledge comes from well-kept registries, not hand lists: units of measure
from pint's registry ("horsepower", "megawatts", "rpm", "GB", "centimetres",
with prefixes and plurals), currencies from the Unicode CLDR through Babel
(every currency's English names, singular and plural, its ISO code and its
symbol). Both are loaded once, on first use.

Guards keep counts counts, because pint knows some everyday nouns as units
("shot" is a measure of liquor, "candle" of light): not units are a noun ncr's
lexicon counts (``COUNT_CLASSES``), an everyday noun pint also defines, a name
pint reads only by taking a letter as a prefix ("unit" as micro-"nit"), the
dimensionless ones that are numbers or shares ("count", "percent", "dozen"),
and single letters other than a few exact symbols ("4 L", "5 g"). Minor
currency units (cents, pence) are not in CLDR and are listed here.

``find_measures`` lists the numbers that are money, shares or measures, so that
what the count tables leave out is still in the JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from ..lexicon import COUNT_CLASSES
from ..records import Interval, Qualifier
from .phrases import NumberPhrase, hedge_before, interval_for, lower_at, number_phrases

# The day whose tendered currencies count (fixed, so output never depends on the run's date).
_TODAY = date(2026, 1, 1)
# Minor currency units, which CLDR does not name.
MINOR_CURRENCY_UNITS = frozenset(
    {"cent", "cents", "penny", "pence", "p", "dime", "dimes", "kopek", "kopeks", "paisa", "centavo", "centavos", "centime", "centimes"}
)
# Everyday count nouns pint also defines as units (or as a prefix and a unit).
_EVERYDAY_NOUNS = frozenset({"stone", "hand", "chain", "cup", "bar", "drop", "block", "square", "link", "pole", "rod", "barn", "candle", "candela"})
# One-letter unit symbols read as units (others, such as "a" or "K", are too often something else).
_SINGLE_LETTER_UNITS = frozenset({"L", "l", "g", "m", "t"})
# Dimensionless "units" that are numbers or shares, read as such elsewhere.
_NUMBER_LIKE = frozenset({"count", "percent", "dozen", "gross", "pair", "score", "ppm", "ppb"})


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint  # imported on first use: loading the registry takes most of a second

    return pint.UnitRegistry()


@lru_cache(maxsize=4096)
def is_unit(word: str) -> bool:
    """True when ``word`` names a unit of measure ("kilometres", "hp", "GB"), not a count."""
    lower = word.lower()
    singular = lower.removesuffix("s")
    if not word.isalpha() or {lower, singular} & (COUNT_CLASSES.keys() | _EVERYDAY_NOUNS):
        return False
    registry = _registry()
    try:
        if len(word) == 1:  # a one-letter unit only as its exact symbol: "4 L", "5 g"
            names = registry.parse_unit_name(word) if word in _SINGLE_LETTER_UNITS else ()
            return any(_is_symbol(registry, name, word) or _is_symbol(registry, name, lower) for _, name, _ in names)
        candidates = registry.parse_unit_name(word) or registry.parse_unit_name(lower)
    except Exception:  # noqa: BLE001 - pint raises several kinds on odd input
        return False
    for prefix, name, _ in candidates:
        if prefix and not lower.startswith(prefix) and not _is_symbol(registry, prefix + name, word):
            continue  # "unit" read as micro + "nit"; "GB" is giga + byte by its symbol
        if name in _EVERYDAY_NOUNS or name in COUNT_CLASSES or name in _NUMBER_LIKE:
            continue
        return True
    return False


def _is_symbol(registry: Any, name: str, word: str) -> bool:
    try:
        return str(registry.get_symbol(name)) == word
    except Exception:  # noqa: BLE001
        return False


@lru_cache(maxsize=1)
def _currencies() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(lower-case currency nouns, ISO codes, symbols) from CLDR."""
    from babel.core import get_global
    from babel.numbers import (
        get_currency_name,
        get_currency_symbol,
        get_territory_currencies,
    )

    nouns: set[str] = set(MINOR_CURRENCY_UNITS)
    codes: set[str] = set()
    symbols: set[str] = set()
    # The currencies tendered today (historic ones name things like the "European Currency Unit").
    current = {c for territory in get_global("territory_currencies") for c in get_territory_currencies(territory, _TODAY)}
    for code in sorted(current):
        codes.add(code)
        symbols.add(get_currency_symbol(code, locale="en"))
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            nouns.add(name.split()[-1])
    return frozenset(nouns), frozenset(codes), frozenset(s for s in symbols if not s.isalpha())


def is_currency(word: str) -> bool:
    """True for a currency noun ("euros", "shekels", "pence"), ISO code ("USD") or symbol ("€")."""
    nouns, codes, symbols = _currencies()
    return word.lower() in nouns or word in codes or word in symbols


def is_currency_sign(word: str) -> bool:
    """True for what stands before an amount of money: an ISO code ("USD") or a symbol ("€", "$").

    Currency nouns come after the number ("500 won"); before it, "won" is a verb. A
    code that is also a common English word ("ALL", "TOP") is read as the word."""
    _, codes, symbols = _currencies()
    return word in symbols or (word in codes and word.lower() not in STOP_WORDS)


@dataclass(frozen=True, slots=True)
class RawMeasure:
    """A number that is money, a share or a measure, as found in one doc."""

    span: Span  # the number with its hedge and its unit: "about $5 billion", "12 percent", "300 megawatts"
    value: Interval
    qualifier: Qualifier
    kind: str  # "money", "percent" or "measure"
    unit: str  # as written: "$", "euros", "%", "megawatts"


# Words after a number that make it a share.
_PERCENT_WORDS = frozenset({"%", "percent", "pct"})


def find_measures(
    doc: Doc, claimed: Iterable[Span], phrases: Sequence[NumberPhrase] | None = None
) -> list[RawMeasure]:
    """Every number phrase of ``doc`` outside ``claimed`` that is money, a share or a measure
    (``phrases``: the doc's number phrases, if already read).

    Kept so that nothing is dropped silently: the count tables leave these out,
    the JSON lists them under ``measures``.
    """
    taken = {i for span in claimed for i in range(span.start, span.end)}
    found: list[RawMeasure] = []
    for phrase in number_phrases(doc) if phrases is None else phrases:
        if any(i in taken for i in range(phrase.start, phrase.end)):
            continue
        measure = _measure_of(doc, phrase)
        if measure is not None:
            found.append(measure)
    return found


def _measure_of(doc: Doc, phrase: NumberPhrase) -> RawMeasure | None:
    start, end = phrase.start, phrase.end
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and (before.is_currency or is_currency_sign(before.text)):
        kind, unit, start = "money", before.text, start - 1
    elif after is not None and after.lower_ in _PERCENT_WORDS:
        kind, unit, end = "percent", "%", end + 1
    elif after is not None and after.lower_ == "per" and lower_at(doc, end + 1) == "cent":
        kind, unit, end = "percent", "%", end + 2
    elif after is not None and is_currency(after.text):
        kind, unit, end = "money", after.text, end + 1
    elif after is not None and is_unit(after.text):
        kind, unit, end = "measure", after.text, end + 1
    else:
        return None
    hedged, qualifier, hedge = hedge_before(doc, start)
    value, qualifier = interval_for(phrase, qualifier, hedge)
    return RawMeasure(span=doc[hedged:end], value=value, qualifier=qualifier, kind=kind, unit=unit)
