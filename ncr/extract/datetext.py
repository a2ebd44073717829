"""Date text: the forms news copy writes dates in, parsed and resolved against what fixes the article's time.

News copy rarely writes a year: "on Monday", "last week", "in June", "the same
day". Resolved against today's date (what a plain date parser does) these give
wrong dates, so this module resolves them against an :class:`Anchor`: the
publication date when the caller knows it (metadata or an option), else the
year the text itself fixes (``extract.dates.text_anchor``), else nothing, in which case a
relative date stays unresolved (``value=None``): a wrong date is worse than none.

Only spaCy's DATE entity spans are read (TIME spans such as "Tuesday night" are
not dates here), and each span's text goes through a small hand-written parser
for the forms news copy uses. This parser does not use dateparser (``extract.dates``
calls it, strictly, only for complete dates in forms not listed): the forms below are
few and regular, the hand parser is fast (one cached regex pass per distinct
span text) and predictable (it never fills a missing year or day from the
clock), and it keeps dateparser's slow import off the run.

Values and grains (``FoundDate.value`` / ``FoundDate.grain``)
-------------------------------------------------------------
=========  ============  =====================================================
grain      value         written
=========  ============  =====================================================
``day``    ``2024-10-29`` "Tuesday, October 29", "Oct. 29, 2024", "29 October",
                          "the 29th of October", "2024-10-29", "Monday",
                          "last Wednesday", "yesterday", "today", "tomorrow",
                          "three days ago", "the same day", "the next day"
``week``   ``2024-W43``   "this week", "last week", "next week", "this weekend",
                          "two weeks ago" (ISO weeks, ``date.isocalendar()``)
``month``  ``2024-06``    "June 2024", "in June", "early June", "June this year",
                          "last June", "this month", "last month", "a month ago"
``year``   ``2024``       "2024", "this year", "last year", "next year",
                          "late 2006", "two years ago"
=========  ============  =====================================================

Conventions (P = the publication date, when known):

* direction: news copy mostly reports what has happened, so a date with no
  year, or a bare weekday, is read backward from P, unless the verb it hangs
  from looks ahead: future or modal ("will meet on Monday", "may be signed on
  September 12"), present tense ("the trial opens on Monday", "has a June 1
  deadline"), an infinitive not under a past verb ("plans to close in June",
  "an event to be held on October 12"), or "due" / "scheduled" / "upcoming".
  "since November" and "as of February" always look back. When no tense is
  found (no verb above the date, a bare participle at the top), a month and
  day is the occurrence nearest P (news copy leaves the year out for dates of
  the current year) and a month or weekday is read back;
* a bare weekday ("on Monday") is the most recent such day on or before P,
  within the past 7 days (a Monday article's "Monday" is P itself; a
  Wednesday article's "Monday" is two days before); read forward, the first
  such day on or after P;
* "last Wednesday" / "this past Wednesday" is the most recent Wednesday
  strictly before P (1 to 7 days back: in a Friday article the Wednesday two
  days before, in a Wednesday article the one a week before), the usual
  reading in news copy; "next Wednesday" is the first strictly after P;
  "this Wednesday" is the Wednesday of P's ISO week;
* a month with no year ("in June", "early June") is the most recent June on or
  before P's month (read forward: the first on or after it); "last June" is the
  most recent strictly before P's month, "next June" the first strictly after,
  "this June" / "June this year" the June of P's year;
* a month and day with no year ("October 29") likewise: the most recent on or
  before P (read forward: the first on or after P); written with a weekday
  ("Tuesday, October 29") the year within a year of P in which that day is that
  weekday, the nearest to P;
* with no P but a year (``Anchor.year``, from the text or the caller), a month,
  a month and day, and "this/last/next year" take that year; a weekday written
  with a month and day must fall on that weekday in that year, else it stays
  unresolved; everything relative to a day or week (weekdays, "last week",
  "yesterday") stays unresolved;
* "the same day", "that day", "the day" (not followed by "before", "after",
  "of", "when", ...) are the last day-grain date before them in the text
  ("the next day" / "the day before" / "three days later" step from it); if
  that date is unresolved ("on Monday" with no publication date), so are they,
  rather than reaching back to an older date;
* durations and vague periods ("six weeks", "the last six weeks", "the past
  week", "a few weeks", "recent weeks", "decades"), ranges ("2009-2010",
  "between June and August"), seasons, quarters, decades, holidays and ages
  have ``value=None`` and ``grain=None``: they stay in the list, because the
  caller lists every date mention;
* a relative date that cannot be resolved keeps its grain ("Monday" without P
  is ``(None, "day")``).

Reading the ``Doc`` (which spans, which direction, "the same day", the year
the text fixes, the date of a claim) is ``extract.dates``'s. Everything here is
a pure function of its arguments; the span parser is cached by span text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS: dict[str, int] = {
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
WEEKDAYS: dict[str, int] = {  # date.weekday(): Monday = 0
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
        )
    )
    for name in names
}
_FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
_ORDINAL_WORDS.update({f"twenty-{w}": 20 + n for w, n in list(_ORDINAL_WORDS.items())[:9]})
_ORDINAL_WORDS.update({"thirtieth": 30, "thirty-first": 31})
_COUNT_WORDS = {
    word: number
    for number, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}
_COUNT_WORDS.update({"a": 1, "an": 1})

GRAINS = ("day", "week", "month", "year")
BACK, FORWARD = "back", "forward"  # how a date with no year is read from the publication date


def _alternation(words: Sequence[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MON = rf"(?P<mon>{_alternation(list(MONTHS))})\.?"
_WD_ANY = rf"(?P<wd>{_alternation(list(WEEKDAYS))})\.?"
_WD_FULL = rf"(?P<wd>{_alternation(_FULL_WEEKDAYS)})"
_DAY = rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<dayword>{_alternation(list(_ORDINAL_WORDS))})"
_YEAR_TAIL = r"(?:,?\s+(?P<year>\d{4}))?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MODE = r"(?P<mode>this past|this coming|last|this|next|past|coming)"
_REL = r"(?P<rel>this|last|next|the coming|this coming|the current|the next)"
_COUNT = rf"(?P<n>\d{{1,3}}|{_alternation(list(_COUNT_WORDS))})"

# (kind, pattern); the first that matches the whole cleaned text wins.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("iso", r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})$"),
        ("slash", r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})$"),
        ("md", rf"^(?:{_WD_ANY},?\s+)?(?:the\s+)?{_MON}\s+(?:the\s+)?(?:{_DAY}){_YEAR_TAIL}{_PART_OF_DAY}$"),
        ("dm", rf"^(?:{_WD_ANY},?\s+)?(?:the\s+)?(?:{_DAY})\s+(?:of\s+)?{_MON}{_YEAR_TAIL}{_PART_OF_DAY}$"),
        ("month_year", rf"^(?:the\s+month\s+of\s+)?{_MON},?\s+(?:of\s+)?(?P<year>\d{{4}})$"),
        ("month_rel_year", rf"^{_MON},?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year$"),
        ("month", rf"^(?:{_MODE}\s+)?(?:the\s+month\s+of\s+)?{_MON}$"),
        ("year", r"^(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?|the\s+year\s+)?(?P<year>\d{4})$"),
        ("rel_unit", rf"^{_REL}\s+(?P<unit>week|weekend|month|year)$"),
        ("ago", rf"^{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago$"),
        ("weekday", rf"^(?:{_MODE}\s+)?{_WD_FULL}{_PART_OF_DAY}$"),
        ("anaphor_step", rf"^{_COUNT}\s+days?\s+(?P<dir>later|earlier|before|after)$"),
    )
)
# Whole texts with a fixed meaning: (kind, offset).
_FIXED: dict[str, tuple[str, int]] = {
    "today": ("rel_day", 0), "tonight": ("rel_day", 0), "this morning": ("rel_day", 0),
    "this afternoon": ("rel_day", 0), "this evening": ("rel_day", 0), "today's": ("rel_day", 0),
    "yesterday": ("rel_day", -1), "last night": ("rel_day", -1), "yesterday morning": ("rel_day", -1),
    "yesterday afternoon": ("rel_day", -1), "yesterday evening": ("rel_day", -1),
    "tomorrow": ("rel_day", 1), "tomorrow morning": ("rel_day", 1), "tomorrow night": ("rel_day", 1),
    "the day before yesterday": ("rel_day", -2), "the day after tomorrow": ("rel_day", 2),
    "the same day": ("anaphor", 0), "that day": ("anaphor", 0), "that same day": ("anaphor", 0),
    "the same date": ("anaphor", 0), "that date": ("anaphor", 0), "the day": ("anaphor_bare", 0),
    "the next day": ("anaphor", 1), "the following day": ("anaphor", 1), "the day after": ("anaphor", 1),
    "the next morning": ("anaphor", 1), "the following morning": ("anaphor", 1),
    "the previous day": ("anaphor", -1), "the day before": ("anaphor", -1), "the day prior": ("anaphor", -1),
    "the end of the year": ("rel_year", 0), "the start of the year": ("rel_year", 0),
    "the beginning of the year": ("rel_year", 0),
}
# Words stripped from the front of a span before matching: prepositions, and
# modifiers that narrow a period without changing its grain ("early June").
_PREFIXES = re.compile(
    r"^(?:on|in|at|by|since|until|till|from|during|of|as of|as early as|as late as|at least|no later than|"
    r"before|after|around|about|just|earlier|later|early|late|the end of|the beginning of|the start of|"
    r"the middle of|the first half of|the second half of|the latter half of|the early part of|"
    r"the late part of|the rest of|mid)[\s-]+"
)
_DASHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u00a0": " "})

@dataclass(frozen=True, slots=True)
class Anchor:
    """What fixes an article's time: its publication date and/or a year.

    ``published`` is ``YYYY-MM-DD`` (a longer ISO string is cut to its date);
    ``year`` a year fixed by the text or by ``published``; ``source`` says where
    they came from: ``"metadata"``, ``"option"``, ``"text"`` or ``None``.
    """

    published: str | None = None
    year: int | None = None
    source: str | None = None


NO_ANCHOR = Anchor()


def published_anchor(published: str, source: str = "metadata") -> Anchor:
    """The anchor of a known publication date (``YYYY-MM-DD``); raises ``ValueError`` on a bad date."""
    day = date.fromisoformat(published[:10])
    return Anchor(day.isoformat(), day.year, source)


# --------------------------------------------------------------------------- parsing span text


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a span's text says, before any anchor: ``kind`` and its fields (``None`` when absent)."""

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0  # relative kinds: steps of ``unit`` from the anchor
    unit: str | None = None  # rel_unit / ago: day, week, weekend, month, year
    mode: str | None = None  # weekday / month: None, "last", "next", "this"


def clean(text: str) -> str:
    """Lower case, one space, no space before a comma, no possessive, no trailing punctuation."""
    text = " ".join(text.translate(_DASHES).lower().split())
    text = re.sub(r"\s+(?=[,.])", "", text)
    return re.sub(r"\s*'s?$", "", text).strip(" ,;:.")


def _mode(word: str | None) -> str | None:
    if word in ("last", "past", "this past"):
        return "last"
    if word in ("next", "coming", "this coming"):
        return "next"
    return "this" if word == "this" else None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


@lru_cache(maxsize=4096)
def parse(text: str) -> Parsed | None:
    """The anchor-free reading of a date span's text; ``None`` when it is not a date (a duration, a range...)."""
    cleaned = clean(text)
    while True:
        if cleaned in _FIXED:
            kind, offset = _FIXED[cleaned]
            return Parsed(kind, offset=offset)
        for kind, pattern in _PATTERNS:
            match = pattern.match(cleaned)
            if match:
                return _from_match(kind, match)
        stripped = _PREFIXES.sub("", cleaned, count=1)
        if stripped == cleaned or not stripped:
            return None
        cleaned = stripped


def _from_match(kind: str, match: re.Match[str]) -> Parsed | None:
    g = match.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if year is not None and not 1000 <= year <= 2999:
        return None
    month = MONTHS[g["mon"]] if g.get("mon") else None
    weekday = WEEKDAYS[g["wd"]] if g.get("wd") else None
    if kind == "iso":
        return _checked(Parsed("day", year, int(g["mnum"]), int(g["day"])))
    if kind == "slash":  # only when the order is unambiguous (a part above 12): US and UK copy differ
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            return _checked(Parsed("day", year, b, a))
        if b > 12 >= a:
            return _checked(Parsed("day", year, a, b))
        return None
    if kind in ("md", "dm"):
        day = int(g["day"]) if g.get("day") else _ORDINAL_WORDS[g["dayword"]]
        return _checked(Parsed("day" if year else "month_day", year, month, day, weekday))
    if kind == "month_year":
        return Parsed("month", year, month)
    if kind == "month_rel_year":
        return Parsed("month_rel_year", month=month, offset={"this": 0, "last": -1, "next": 1}[g["rel"]])
    if kind == "month":
        return Parsed("bare_month", month=month, mode=_mode(g.get("mode")))
    if kind == "year":
        return Parsed("year", year)
    if kind == "rel_unit":
        rel = g["rel"]
        offset = -1 if rel == "last" else 1 if rel in ("next", "the coming", "this coming") else 0
        if rel == "the next":  # "the next week/year": a span ahead, not a date
            return None
        unit = g["unit"]
        if unit == "year":
            return Parsed("rel_year", offset=offset)
        return Parsed("rel_unit", offset=offset, unit=unit)
    if kind == "ago":
        n = _count(g["n"])
        return Parsed("rel_year", offset=-n) if g["unit"] == "year" else Parsed("rel_unit", offset=-n, unit=g["unit"])
    if kind == "weekday":
        return Parsed("weekday", weekday=weekday, mode=_mode(g.get("mode")))
    if kind == "anaphor_step":
        n = _count(g["n"])
        return Parsed("anaphor", offset=n if g["dir"] in ("later", "after") else -n)
    return None


def _checked(parsed: Parsed) -> Parsed | None:
    """``parsed`` when its month and day can exist (Feb 29 in some year), else ``None``."""
    try:
        date(
            parsed.year if parsed.year is not None else 2000,
            parsed.month if parsed.month is not None else 1,  # a month 0 is no month, not January
            parsed.day if parsed.day is not None else 1,
        )
    except ValueError:
        return None
    return parsed


# --------------------------------------------------------------------------- resolving against an anchor


def _published(anchor: Anchor) -> date | None:
    if not anchor.published:
        return None
    try:
        return date.fromisoformat(anchor.published[:10])
    except ValueError:
        return None


def _day(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(parsed: Parsed | None, anchor: Anchor, *, direction: str | None = BACK,
            previous_day: str | None = None) -> tuple[str | None, str | None]:
    """(value, grain) of a parsed span under ``anchor``; see the module docstring for the conventions.

    ``direction``: how to read a date with no year, or a bare weekday, from the
    publication date: ``BACK`` (the default: the verb is past), ``FORWARD``
    (future or present verb) or ``None`` (no tense found: a month and day is
    then the nearest such day, a weekday or month is read back).
    ``previous_day``: the last day-grain value resolved before the span in the text (for "the same day").
    A date that would fall off the calendar (a weekday before 0001-01-01 or after
    9999-12-31) has no value.
    """
    if parsed is None:
        return None, None
    try:
        return _resolve(parsed, anchor, direction, previous_day)
    except OverflowError:
        return None, None


def _resolve(p: Parsed, anchor: Anchor, direction: str | None, previous_day: str | None) -> tuple[str | None, str | None]:
    """``resolve`` for a parsed span; date arithmetic may overflow (the caller catches it)."""
    pub = _published(anchor)
    year = anchor.year if anchor.year is not None else (pub.year if pub else None)
    kind = p.kind

    if kind == "day":
        return _day(date(p.year, p.month, p.day)), "day"  # type: ignore[arg-type]
    if kind == "month":
        return _month(p.year, p.month), "month"  # type: ignore[arg-type]
    if kind == "year":
        return f"{p.year:04d}", "year"

    if kind == "month_day":
        assert p.month is not None and p.day is not None
        if pub is not None:
            if p.weekday is not None:
                fits = [d for y in (pub.year - 1, pub.year, pub.year + 1)
                        if (d := safe_date(y, p.month, p.day)) and d.weekday() == p.weekday]
                if fits:
                    return _day(min(fits, key=lambda d: (abs((d - pub).days), d))), "day"
            days = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := safe_date(y, p.month, p.day))]
            if direction == FORWARD:
                days = [d for d in days if d >= pub][:1]
            elif direction == BACK:
                days = [d for d in days if d <= pub][-1:]
            if days:
                return _day(min(days, key=lambda d: (abs((d - pub).days), d))), "day"
            return None, "day"  # Feb 29 with no leap year nearby
        if year is not None:
            d = safe_date(year, p.month, p.day)
            if d is None or (p.weekday is not None and d.weekday() != p.weekday):
                return None, "day"
            return _day(d), "day"
        return None, "day"

    if kind == "bare_month":
        assert p.month is not None
        if pub is not None:
            mode = p.mode or ("next_or_this" if direction == FORWARD else "last_or_this")
            if mode == "this":
                return _month(pub.year, p.month), "month"
            after = p.month > pub.month or (p.month == pub.month and mode == "next_or_this")
            before = p.month < pub.month or (p.month == pub.month and mode == "last_or_this")
            if mode in ("last", "last_or_this"):
                return _month(pub.year if before else pub.year - 1, p.month), "month"
            return _month(pub.year if after else pub.year + 1, p.month), "month"
        if year is not None and p.mode in (None, "this"):
            return _month(year, p.month), "month"
        return None, "month"

    if kind == "month_rel_year":
        if year is None:
            return None, "month"
        return _month(year + p.offset, p.month), "month"  # type: ignore[arg-type]

    if kind == "rel_year":
        return (f"{year + p.offset:04d}", "year") if year is not None else (None, "year")

    if kind == "rel_unit":
        grain = "week" if p.unit in ("week", "weekend") else p.unit
        if pub is None:
            return None, grain
        if p.unit == "day":
            return _day(pub + timedelta(days=p.offset)), "day"
        if grain == "week":
            return _week(pub + timedelta(weeks=p.offset)), "week"
        return _month(*_add_months(pub.year, pub.month, p.offset)), "month"

    if kind == "rel_day":
        return (_day(pub + timedelta(days=p.offset)), "day") if pub is not None else (None, "day")

    if kind == "weekday":
        if pub is None:
            return None, "day"
        assert p.weekday is not None
        back = (pub.weekday() - p.weekday) % 7  # 0..6 days back to that weekday
        ahead = (p.weekday - pub.weekday()) % 7
        if p.mode == "last":
            return _day(pub - timedelta(days=back or 7)), "day"
        if p.mode == "next":
            return _day(pub + timedelta(days=ahead or 7)), "day"
        if p.mode == "this":
            return _day(pub + timedelta(days=p.weekday - pub.weekday())), "day"
        return _day(pub + timedelta(days=ahead) if direction == FORWARD else pub - timedelta(days=back)), "day"

    if kind in ("anaphor", "anaphor_bare"):
        if previous_day is None:
            return None, "day"
        return _day(date.fromisoformat(previous_day) + timedelta(days=p.offset)), "day"

    return None, None


def normalise(text: str, anchor: Anchor = NO_ANCHOR, *, direction: str | None = BACK,
              previous_day: str | None = None) -> tuple[str | None, str | None]:
    """(value, grain) of a date's text under ``anchor``: ``parse`` then ``resolve`` (model-free)."""
    return resolve(parse(text), anchor, direction=direction, previous_day=previous_day)


def normalise_absolute(text: str) -> tuple[str | None, str | None]:
    """(value, grain) of a date that needs no anchor ("October 28, 2024", "June 2024", "2024"), else (None, None)."""
    parsed = parse(text)
    if parsed is None or parsed.kind not in ("day", "month", "year"):
        return None, None
    return resolve(parsed, NO_ANCHOR)
