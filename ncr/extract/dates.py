"""Date mentions in a parsed article: spaCy's DATE spans found, normalised and tied to claims.

The text of each span goes through ``extract.datetext`` (the parser for the
forms news copy uses, and their resolution against an :class:`Anchor`; its
docstring gives every convention). This module reads the ``Doc``: which spans
are dates, which way a date with no year is read (the tense of the verb it
hangs from), what "the same day" refers back to, the year the text alone
fixes (:func:`text_anchor`), the publication day a date line gives
(:func:`dateline`), and the date a claim at a token range belongs to
(:func:`date_of_clause`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .datetext import (
    BACK,
    FORWARD,
    MONTHS,
    NO_ANCHOR,
    Anchor,
    parse,
    resolve,
    safe_date,
)
from .spans import doc_ents, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A DATE span of a doc: character offsets (``start``/``end``), token offsets, text, value and grain.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY`` as ``grain``
    says (``day``/``week``/``month``/``year``); ``None`` when unresolved or not
    a date at all (durations: then ``grain`` is ``None`` too).
    """

    start: int
    end: int
    text: str
    value: str | None
    grain: str | None
    token_start: int
    token_end: int



_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE_FORMS = (
    re.compile(rf"(?i)(?<![\w]){_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"),  # Mar. 14, 2013
    re.compile(rf"(?i)(?<![\w\d])(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})(?!\d)"),  # 22 JUL 2013
)
_DATELINE_LINES = 6  # lines from the top read for a date line
_DATELINE_WORDS = 10  # words a date line may hold besides its date ("Posted:", a time, a byline)


def dateline(text: str, today: date) -> str | None:
    """The publication day a date line near the top of an article gives ("MAR. 14, 2013, 8:12 PM").

    Only a short line among the first few, holding a complete date with its
    year and little else (a time, "Posted:", "|", a byline), counts: a date
    inside a sentence or a headline is not the article's own. A date after
    ``today`` is refused.
    """
    for line in text.splitlines()[:_DATELINE_LINES]:
        for form in _DATELINE_FORMS:
            match = form.search(line)
            if match is None:
                continue
            groups = match.groups()
            month_word, day_text = (groups[0], groups[1]) if form is _DATELINE_FORMS[0] else (groups[1], groups[0])
            rest = (line[: match.start()] + " " + line[match.end() :]).split()
            if len([w for w in rest if any(ch.isalpha() for ch in w)]) > _DATELINE_WORDS:
                continue
            found = safe_date(int(groups[2]), MONTHS[month_word.lower()], int(day_text))
            if found is not None and found <= today:
                return found.isoformat()
    return None


# --------------------------------------------------------------------------- over a Doc

# Tense of the verb a date attaches to: a date with no year (or a bare weekday)
# is read forward from the publication date when that verb is future or
# present ("will vote on Monday", "may be signed on September 12", "the
# trial begins on Monday", "plans to close in June"), backward when it is past,
# and (a month and day only) to the nearest occurrence when no tense is found.
_MODALS = frozenset({"will", "'ll", "shall", "wo", "should", "could", "may", "might", "can", "ca", "must"})
_PAST_AUX = frozenset({"has", "have", "had", "'ve", "'d", "was", "were", "did"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m", "does", "do"})
_FUTURE_WORDS = frozenset({"due", "upcoming", "scheduled", "planned", "forthcoming"})
# After "the day", these make it a description ("the day before the vote"), not "that day".
_NOT_ANAPHORIC_AFTER = frozenset({"before", "after", "of", "when", "that", "which", "on", "in", "following", "prior"})


def _governing_verb(token: Token) -> tuple[Token | None, bool]:
    """The first verb above ``token`` (through a preposition and nouns), and whether a word like "due" was passed."""
    for _ in range(4):
        if token.head.i == token.i:
            return None, False
        token = token.head
        if token.lower_ in _FUTURE_WORDS:
            return token, True
        if token.pos_ in ("VERB", "AUX"):
            return token, False
    return None, False


def _tense(verb: Token, depth: int = 0) -> str | None:
    """``"future"``, ``"present"``, ``"past"`` or ``None`` (a bare participle) for a verb token."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in _MODALS for a in auxes):
        return "future"
    if "to" in auxes and "have" in auxes:  # "is predicted to have dipped in March"
        return "past"
    if "to" in auxes:  # an infinitive: forward unless it hangs from a past verb ("went to Paris to meet ...")
        if verb.dep_ in ("acl", "relcl") or (verb.head.lemma_ == "go" and verb.head.tag_ == "VBG"):
            return "future"  # "an event to be held on ...", "is going to ..."
        governor, marked = _governing_verb(verb)
        if marked:
            return "future"
        if governor is None or depth > 2:
            return "future"
        return "past" if _tense(governor, depth + 1) == "past" else "future"
    if any(a in _PAST_AUX for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if any(a in _PRESENT_AUX for a in auxes) or verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ in ("VBG", "VBN") and depth <= 2:  # a bare participle takes the tense of its clause's verb
        governor, marked = _governing_verb(verb)
        if marked:
            return "future"
        if governor is not None:
            return _tense(governor, depth + 1)
    return None


def _direction(span: Span) -> str | None:
    """``FORWARD``, ``BACK`` or ``None`` (no tense found) for a date span, from the verb it hangs from."""
    root = span.root
    if root.dep_ == "pobj":  # "since November", "as of February": a time before publication
        prep = root.head
        if prep.lower_ == "since" or (prep.lower_ == "of" and prep.head.lower_ == "as"):
            return BACK
    verb, marked = _governing_verb(root)
    if marked:
        return FORWARD
    tense = _tense(verb) if verb is not None else None
    return FORWARD if tense in ("future", "present") else BACK if tense == "past" else None


def _trimmed(span: Span) -> Span | None:
    """The span without leading/trailing whitespace tokens (``None`` if nothing is left)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None


def date_spans(doc: Doc) -> list[Span]:
    """spaCy's DATE entity spans of the doc, trimmed of whitespace tokens, in text order; and
    the weekday of a TIME span ("Wednesday" of "Wednesday night", "last Friday" of "last Friday evening")."""
    spans = []
    for ent in doc_ents(doc):
        if ent.label_ == "DATE" and (span := _trimmed(ent)) is not None:
            spans.append(span)
        elif ent.label_ == "TIME":
            weekday = next((t for t in ent if t.lower_ in WEEKDAY_NAMES), None)
            if weekday is not None:
                start = weekday.i - 1 if weekday.i > ent.start and doc[weekday.i - 1].lower_ in _WEEKDAY_MODES else weekday.i
                spans.append(doc[start : weekday.i + 1])
    return spans


WEEKDAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_WEEKDAY_MODES = frozenset({"last", "next", "this"})


_FULL_YEAR = re.compile(r"\b\d{4}\b")


def _dateparser_day(text: str) -> tuple[str | None, str | None]:
    """A complete date in a form the parser above does not read ("28.10.2024",
    "the 3rd of September 2024"), by dateparser in strict mode: day, month and
    year must all be written, so nothing is filled in from today."""
    import dateparser  # imported only for the rare span that needs it

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past"})
    return (parsed.date().isoformat(), "day") if parsed is not None else (None, None)


# How many paragraphs back "the same day" may find the day it repeats.
ANAPHOR_PARAGRAPHS = 1


def find_dates(doc: Doc, anchor: Anchor = NO_ANCHOR) -> list[FoundDate]:
    """Every DATE span of ``doc``, in text order, with its value and grain under ``anchor``.

    Character offsets index ``doc.text``; token offsets index ``doc``. See the
    module docstring for the forms read and the conventions for relative dates.
    """
    found: list[FoundDate] = []
    previous_day: str | None = None
    previous_paragraph = 0
    text, paragraph, counted_to = doc_text(doc), 0, 0  # line breaks before the span, counted as we go
    for span in date_spans(doc):
        # "the same day" reaches back at most to the paragraph before its own:
        # further back, the day it means is anybody's guess.
        paragraph += text.count("\n", counted_to, span.start_char)
        counted_to = span.start_char
        if paragraph - previous_paragraph > ANAPHOR_PARAGRAPHS:
            previous_day = None
        parsed = parse(span.text)
        if parsed is not None and parsed.kind == "anaphor_bare":
            following = doc[span.end].lower_ if span.end < len(doc) else ""
            if following in _NOT_ANAPHORIC_AFTER:
                parsed = None
        direction = BACK
        if (parsed is not None and parsed.kind in ("month_day", "bare_month", "weekday") and parsed.mode is None
                and anchor.published is not None):
            direction = _direction(span)
        value, grain = resolve(parsed, anchor, direction=direction, previous_day=previous_day)
        if parsed is None and _FULL_YEAR.search(span.text):
            value, grain = _dateparser_day(span.text)
        if grain == "day":  # an unresolved day ("Monday" with no anchor) leaves "that day" unresolved too
            previous_day = value
            previous_paragraph = paragraph
        found.append(FoundDate(span.start_char, span.end_char, span.text, value, grain, span.start, span.end))
    return found


def text_anchor(doc: Doc, today: date) -> Anchor:
    """The year the text alone fixes (``published`` stays ``None``); ``Anchor()`` when nothing does.

    Evidence, from DATE spans only:

    * a weekday written with a month and day ("Tuesday, October 29") allows
      the years, up to ``today.year``, in which that day is that weekday and is
      not after ``today``;
    * a date with a month and a year ("June 2023", "October 28, 2024", not in
      the future of ``today``) fixes that year and bounds publication from
      below. Bare years ("2030", "since 1953") are not used: they are as often
      targets or history as the present.

    With weekday evidence the year is the one allowed by most weekday mentions,
    among those not below the latest written month-year (ties: a year also
    written in the text, then the latest). Without, it is the latest written
    month-year. ``source`` is ``"text"`` when a year was found.
    """
    weekday_years: list[set[int]] = []
    written: set[int] = set()
    for span in date_spans(doc):
        parsed = parse(span.text)
        if parsed is None:
            continue
        if parsed.kind in ("day", "month") and parsed.year is not None:
            if date(parsed.year, parsed.month or 1, parsed.day or 1) <= today:
                written.add(parsed.year)
            if parsed.kind == "day" and parsed.weekday is not None:
                continue  # the year is written: nothing to infer from the weekday
        if parsed.kind == "month_day" and parsed.weekday is not None:
            assert parsed.month is not None and parsed.day is not None
            years = {
                y for y in range(today.year - 60, today.year + 1)
                if (d := safe_date(y, parsed.month, parsed.day)) and d <= today and d.weekday() == parsed.weekday
            }
            if years:
                weekday_years.append(years)
    bound = max(written) if written else None
    if weekday_years:
        support: dict[int, int] = {}
        for years in weekday_years:
            for y in years:
                support[y] = support.get(y, 0) + 1
        consistent = [y for y in support if bound is None or y >= bound] or list(support)
        year = max(consistent, key=lambda y: (support[y], y in written, y))
        return Anchor(None, year, "text")
    if bound is not None:
        return Anchor(None, bound, "text")
    return NO_ANCHOR


# --------------------------------------------------------------------------- the date of a claim

CLAUSE_GRAINS = frozenset({"day", "week", "month"})


# Words for a part of a day a weekday can name ("Wednesday night").
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "overnight"})


def _attachment(span: Span) -> int:
    """The token a date span modifies: above its root, past a part of the day and a preposition
    ("on Monday" -> the verb; "arrested Wednesday night" -> "arrested")."""
    token = span.root.head
    if token.i in range(span.start, span.end):
        return span.root.i
    if span.root.dep_ == "compound" and token.lower_ in PARTS_OF_DAY and token.head.i != token.i:
        token = token.head
    while token.dep_ in ("prep", "agent") and token.head.i != token.i:
        token = token.head
    return token.i


def date_of_clause(tokens: range, dates: Sequence[FoundDate], doc: Doc) -> FoundDate | None:
    """The resolved day/week/month date that the claim or quote at token range ``tokens`` belongs to.

    Candidates are the dates with a value and a day, week or month grain in the
    sentence of ``tokens.start``. The rule follows the dependency tree upward
    from the range's head (its root token) to the sentence root:

    1. a date inside the range, or attached to the range itself;
    2. else the date attached nearest above the head on that path: on the noun
       phrase of the number first ("the estimate of 400 tents from last
       Wednesday"), then on the clause's verb, then on a reporting verb above
       it ("the agency stated on Monday that the army had set up 900 ...");
    A date attached off that path is not the claim's date, even in the same
    clause: in "set up 900 tents, more than the estimate of 400 from
    last Wednesday" the Wednesday is the 400's, not the 900's; and in
    "sent troops after the talks on Monday" Monday is the talks'. A date that
    belongs to another clause (a conjunct, relative or adverbial
    clause off the path: "..., and on Tuesday officials counted 700 more") is
    not the claim's date. ``None`` when no candidate is left. A date is
    "attached" to the token above its root, past a preposition ("on Monday" ->
    the verb).
    """
    if len(tokens) == 0 or not 0 <= tokens.start < len(doc):
        return None
    stop = min(tokens.stop, len(doc))
    sentence = doc[tokens.start].sent
    candidates = [
        d for d in dates
        if d.value is not None and d.grain in CLAUSE_GRAINS
        and sentence.start <= d.token_start and d.token_end <= sentence.end
        # "200 people have been rescued since Friday": a start, not the day the figure holds on
        and not (d.token_start > 0 and doc[d.token_start - 1].lower_ == "since")
    ]
    if not candidates:
        return None
    head = doc[tokens.start:stop].root
    path: dict[int, int] = {}  # token index -> steps above the range's head
    token, steps = head, 0
    while True:
        path.setdefault(token.i, steps)
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1

    ranked: list[tuple[tuple[int, int, int], FoundDate]] = []
    for d in candidates:
        if d.token_start < stop and tokens.start < d.token_end:
            ranked.append(((0, 0, d.token_start), d))
            continue
        attached = _attachment(doc[d.token_start:d.token_end])
        if tokens.start <= attached < stop:
            ranked.append(((0, 0, d.token_start), d))
        elif attached in path:
            ranked.append(((1, path[attached], d.token_start), d))
    return min(ranked, key=lambda item: item[0])[1] if ranked else None
