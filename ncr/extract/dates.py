"""Date mentions: spaCy's DATE spans, with a value where the text alone fixes one.

This first version normalises only self-contained dates ("October 28, 2024",
"28 October 2024", "June 2024", "2024", "2024-10-28"). Relative dates
("Monday", "last week") stay unresolved (``None``): resolving them needs a
publication date to anchor on, and a wrong date is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]+)\.?"
_PATTERNS = (
    (re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})$"), "day"),
    (re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"), "day"),
    (re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})$"), "day"),
    (re.compile(rf"^(?:in\s+)?{_MONTH},?\s+(?P<year>\d{{4}})$"), "month"),
    (re.compile(r"^(?:in\s+)?(?P<year>\d{4})$"), "year"),
)
_WEEKDAY_PREFIX = re.compile(
    r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date span in a doc: character offsets, text, value and grain."""

    start: int
    end: int
    text: str
    value: str | None
    grain: str | None


def normalise_absolute(text: str) -> tuple[str | None, str | None]:
    """(value, grain) for a date that needs no anchor, else (None, None)."""
    cleaned = _WEEKDAY_PREFIX.sub("", text.strip().removeprefix("the ").strip())
    for pattern, grain in _PATTERNS:
        match = pattern.match(cleaned)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if not 1000 <= year <= 2999:
            return None, None
        if grain == "year":
            return f"{year:04d}", grain
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"].lower())
        if month is None or not 1 <= month <= 12:
            return None, None
        if grain == "month":
            return f"{year:04d}-{month:02d}", grain
        day = int(parts["day"])
        if not 1 <= day <= 31:
            return None, None
        return f"{year:04d}-{month:02d}-{day:02d}", grain
    return None, None


def find_dates(doc: Doc) -> list[FoundDate]:
    """Every DATE span of the doc, in text order."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value, grain = normalise_absolute(ent.text)
        found.append(FoundDate(ent.start_char, ent.end_char, ent.text, value, grain))
    return found
