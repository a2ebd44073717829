"""When a claim holds relative to its article, and whether it is about the story at all.

Two readings of a claim's surroundings, both from the words and the parse of
its own sentence:

* ``phase``: where the text places the figure in the story's own course.
  ``EARLIER`` for a figure the text marks as superseded ("up from 3", "higher
  than the estimate of 3,000", "initially 12", "an earlier estimate of 40",
  "68 as the firm first said", "the 3,000 from last Wednesday" when that date
  cannot be resolved),
  ``LATER`` for one it marks as the newest ("rose to 10", "has climbed to",
  "now stands at", "10, up from 3"), ``PRESENT`` otherwise. Two figures in
  different phases describe different moments and are never a contradiction.
* ``event``: ``None`` for the story's own event; otherwise a key for the other
  event or standing fact the figure belongs to: a year before the article's
  ("the 2004 tsunami killed 230,000", "in 2003, 26,000 died") gives that year,
  a clause dated to a period that ended weeks before publication ("killed
  eight people in August" in a September article) gives that period,
  "last year" / "years ago" give ``"earlier"``; so do "earlier this year"
  (with a publication day, once the year is six weeks old), a clause under
  "weeks after" / "years after" or "the worst ... since", and, in an article
  with no publication date, a past clause dated only by a month that none of
  the days the article names falls in ("In May, two bridges were closed" beside
  "repairs end on October 31"). A past relative clause on a noun of a dated
  clause has that clause's time. A place's size ("a town of 500,000", "a
  population of 2 million", "home to 40,000") gives ``"standing"``.
  Such figures get topics of their own, apart from the story's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Span, Token

from ..lexicon import CHANGE_VERBS, LIGHT_VERBS, PAST_MARKERS, STANDING_NOUNS
from ..records import Article
from .datetext import MONTHS
from .spans import ents_in

EARLIER, PRESENT, LATER = -1, 0, 1

# Words that mark the figure after them as an older one ("up from 3", "higher than 3,000").
_FROM_MARKERS = frozenset({"up", "down"})
_COMPARATIVES = frozenset({"higher", "lower", "more", "fewer", "less", "greater", "larger", "smaller", "bigger", "up", "down"})
# How long a story runs: a clause dated to a period that ended longer before the
# publication day is about something else ("a shooting in August", "last month's raid").
STORY_DAYS = 21
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_LOOKBACK = 6  # tokens before a number read for phase cues
_LOOKAHEAD = 4  # tokens after a number read for phase cues


def _words(tokens: Span) -> list[str]:
    return [t.lower_ for t in tokens]


def phase(span: Span, counted: Token, unresolved_past_date: bool = False) -> int:
    """``EARLIER``, ``PRESENT`` or ``LATER`` for the claim whose number phrase is ``span``."""
    doc, sentence = span.doc, span.sent
    before = doc[max(sentence.start, span.start - _LOOKBACK) : span.start]
    after = doc[max(span.end, counted.i + 1) : min(sentence.end, max(span.end, counted.i + 1) + _LOOKAHEAD)]
    words_before, words_after = _words(before), _words(after)
    # "up from 3", "down from 12", "rose from 3 to 10": the number after "from" is the older one.
    if words_before[-2:-1] and words_before[-1] == "from" and (
        words_before[-2] in _FROM_MARKERS or _changes(before[:-1]) or "to" in words_after
    ):
        return EARLIER
    # "higher than the estimate of 3,000", "more than the 12 reported earlier".
    if "than" in words_before:
        at = len(words_before) - 1 - words_before[::-1].index("than")
        between = before[at + 1 :]
        # ... but "more than 2,000 booths in 125 constituencies": that "than" hedges another number.
        if at > 0 and words_before[at - 1] in _COMPARATIVES and not any(t.like_num for t in between):
            return EARLIER
    if any(w in PAST_MARKERS for w in words_before[-4:]) or any(w in PAST_MARKERS for w in words_after[:2]):
        return EARLIER
    if words_after[:1] == ["as"] and any(w in PAST_MARKERS or w == "first" for w in words_after[1:]):
        return EARLIER  # "61 passengers, not 68 as the firm first said"
    if unresolved_past_date:
        return EARLIER
    # "rose to 10", "has climbed to 22", "reached 40", "now stands at 12".
    if words_before[-1:] in (["to"], ["at"]) and _changes(before[:-1]):
        return LATER
    if before and before[-1].lemma_.lower() in CHANGE_VERBS and before[-1].pos_ == "VERB":
        return LATER
    if _changed_to(span.root):
        return LATER  # "bringing the death toll to six", "revised the number of cases up to 61"
    if "now" in words_before:
        return LATER
    # "10 people, up from 3", "10,000, higher than ...": the number before the comparison is the newer one.
    rest = [w for w in words_after if w != ","]
    if rest[:2] in (["up", "from"], ["down", "from"]) or (rest[:1] and rest[0] in _COMPARATIVES and rest[1:2] == ["than"]):
        return LATER
    return PRESENT


def _changed_to(number: Token) -> bool:
    """True when the number is what a verb of change took something "to", however far apart."""
    if number.dep_ != "pobj" or number.head.lower_ != "to":
        return False
    node = number.head.head
    for _ in range(3):
        if node.pos_ == "VERB":
            return node.lemma_.lower() in CHANGE_VERBS
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# Words that keep a finished act's count open: "still", "so far" (a count that may grow).
_OPEN_ADVERBS = frozenset({"still", "now", "far", "already", "yet"})
_PARTICLES = frozenset({"in", "out", "up", "off"})


def finished_act(counted: Token) -> bool:
    """True when the counted noun is what one finished act took or moved: the object or passive
    subject of a verb in the past ("called in five lifeboats", "nine buses were sent"), not of a
    present perfect ("have sent", a total still running) nor of a verb of being or having.

    Such a count belongs to the act, whichever later day reports it: two days' reports
    that differ disagree about it, rather than one revising the other.
    """
    verb = counted.head
    if counted.dep_ == "pobj" and verb.lower_ in _PARTICLES and verb.i == verb.head.i + 1:
        verb = verb.head  # "called in five lifeboats", its particle parsed as a preposition
    elif counted.dep_ not in {"dobj", "nsubjpass"}:
        return False
    if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT_VERBS:
        return False
    helpers = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in _OPEN_ADVERBS for c in verb.children) or any(c.tag_ in {"VBP", "VBZ", "MD"} for c in helpers):
        return False
    if verb.tag_ == "VBD":
        return True
    # "were sent", "had called"; or a past tense tagged as a participle, with a subject and no helper
    return verb.tag_ == "VBN" and (
        any(c.tag_ == "VBD" for c in helpers) or (not helpers and any(c.dep_ == "nsubj" for c in verb.children))
    )


def past_date_in_phrase(counted: Token) -> bool:
    """True when the counted noun's phrase carries a past date ("3,000 soldiers from last Wednesday")."""
    for ent in ents_in(counted.sent):
        if ent.label_ == "DATE" and counted.is_ancestor(ent.root):
            if {"last", "ago", "yesterday", "earlier", "previous"} & set(_words(ent)):
                return True
    return False


def _changes(tokens: Span) -> bool:
    """True when a verb of change ends ``tokens`` (allowing an adverb or particle after it)."""
    for token in reversed(tokens[-3:]):
        if token.lemma_.lower() in CHANGE_VERBS and token.pos_ in {"VERB", "AUX", "ADP", "ADV"}:
            return True
    return False


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a token sits in (or the sentence root)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def event_of(
    span: Span, counted: Token, anchor_year: int | None, published: str | None = None,
    dates: Sequence[tuple[int, str | None]] = (), day_months: frozenset[int] = frozenset(),
) -> str | None:
    """The other event or standing fact a claim belongs to, or None for the story's own (see module doc).

    ``dates`` are the resolved DATE spans of the doc, as (first token, value);
    with ``published`` known, a clause dated to a period that ended more than
    ``STORY_DAYS`` before it ("in August", "last month") is another event's.
    Without it, ``day_months`` (the months the article's own dated days fall in,
    ``months_of_days``) place it: a past clause dated only by another month is
    another event's.
    """
    if _is_standing(counted, span):
        return "standing"
    clause = _clause_head(counted)
    if _after_earlier_event(clause):
        return "earlier"
    clauses = {clause.i}
    # "In March, a gunman opened fire at a mall, killing five": a participle's clause has its governing clause's time.
    if clause.tag_ in {"VBG", "VBN"} and clause.dep_ in {"advcl", "xcomp"} and clause.head.i != clause.i:
        clauses.add(_clause_head(clause.head).i)
    # "Earlier this year, the town opened an inquiry into a fire that destroyed 12 homes": a past
    # relative clause on a noun of a dated clause happened no later than it.
    if clause.dep_ == "relcl" and _past(clause) and clause.head.i != clause.i:
        clauses.add(_clause_head(clause.head).i)
    for ent in ents_in(span.sent):
        if ent.label_ != "DATE":
            continue
        if _clause_head(ent.root).i not in clauses and not (ent.root.is_ancestor(counted) or counted.is_ancestor(ent.root)):
            continue
        value = dict(dates).get(ent.start)
        if value and published and _ended_before(value, published):
            return value
        words = _words(ent)
        years = [int(t.text) for t in ent if _YEAR.match(t.text)]
        if years and anchor_year is not None and max(years) < anchor_year:
            return str(max(years))
        if "ago" in words and any(w in {"years", "decades"} for w in words):
            return "earlier"
        if words[-2:] == ["last", "year"] or words[-2:] == ["previous", "year"]:
            return "earlier"
        # "Earlier this year, four bridges were closed": another time than the story's days.
        if {"earlier", "last", "previous"} & set(words) and {"month", "year"} & set(words) and not published:
            return "earlier"
        # ... and with a publication day, when that year began long before the story's days.
        if {"earlier", "year"} <= set(words) and published and _year_began_long_before(published):
            return "earlier"
        # "In May, two bridges were closed" in an undated article whose own days are in October.
        if not published and day_months and _past(clause) and (month := _bare_month(words)) and month not in day_months:
            return "earlier"
    # "the 2004 tsunami": a year inside a noun phrase of the clause.
    for token in clause.subtree:
        if _YEAR.match(token.text) and token.dep_ in {"nummod", "compound", "amod", "npadvmod"} and token.head.pos_ == "NOUN":
            year = int(token.text)
            if anchor_year is not None and year < anchor_year and not (span.start <= token.i < span.end):
                return str(year)
    return None


# Words a month can come with and still name no day or year ("in early May").
_MONTH_HEDGES = frozenset({"in", "early", "late", "mid", "mid-", "the", "of", "end", "start", "beginning"})


def _bare_month(words: Sequence[str]) -> int | None:
    """The month a date names when it names only a month ("in early May"), else None."""
    months = [MONTHS[w] for w in words if w in MONTHS]
    rest = [w for w in words if w not in MONTHS and w not in _MONTH_HEDGES]
    return months[0] if len(months) == 1 and not rest else None


def _past(verb: Token) -> bool:
    """A past-tense clause: "cut" (VBD), "were cut", "had cut"."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children))


def months_of_days(dates: Sequence[tuple[str, str | None]]) -> frozenset[int]:
    """The months an article's dates name together with a day ("December 31", "on 4 May"),
    as (text, grain) pairs: the months its own story happens in."""
    months = set()
    for text, grain in dates:
        words = text.lower().replace(",", " ").split()
        named = [MONTHS[w] for w in words if w in MONTHS]
        if grain == "day" and len(named) == 1 and any(w.isdigit() for w in words):
            months.add(named[0])
    return frozenset(months)


# "weeks after", "two years after": a gap this long before "after" puts what follows in another event.
_LONG_GAPS = frozenset({"week", "fortnight", "month", "year", "decade", "century"})


def _after_earlier_event(clause: Token) -> bool:
    """True when the clause tells an earlier event the story is compared with.

    "The fire comes two years after a blaze at the plant killed 12 workers": the
    clause sits under an "after" with a gap of weeks or more. "The worst flood
    since a storm left 40 dead": under a "since" whose governing clause has a
    superlative. ("Days after the quake killed 300" is still the story's own.)
    """
    for token in (clause, *clause.ancestors):
        links = [c for c in token.children if c.dep_ == "mark"]
        if token.dep_ == "pobj":
            links.append(token.head)
        for link in links:
            word = link.lower_
            if word == "after" and _long_gap_before(link):
                return True
            if word == "since" and any(t.tag_ in {"JJS", "RBS"} for t in clause.doc[clause.sent.start : link.i]):
                return True
    return False


def _long_gap_before(link: Token) -> bool:
    """ "weeks after", "two years after", "just months after": a long gap right before ``link``."""
    for token in reversed(link.doc[max(link.sent.start, link.i - 3) : link.i]):
        if token.is_punct:
            return False
        if token.lemma_.lower() in _LONG_GAPS:
            return True
    return False


def _year_began_long_before(published: str) -> bool:
    """True when most of "earlier this year" lies before the story's days: its year began more
    than twice ``STORY_DAYS`` before ``published``."""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (day - date(day.year, 1, 1)).days > 2 * STORY_DAYS


def _ended_before(value: str, published: str) -> bool:
    """True when the period ``value`` (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) ended ``STORY_DAYS`` before ``published``."""
    try:
        day = date.fromisoformat(published[:10])
        if "W" in value:
            year, week = value.split("-W")
            end = date.fromisocalendar(int(year), int(week), 7)
        elif len(value) == 4:
            end = date(int(value), 12, 31)
        elif len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        else:
            end = date.fromisoformat(value)
        return end < day - timedelta(days=STORY_DAYS)
    except (ValueError, OverflowError):  # not a date, or a year at the calendar's edge
        return False


def within_story(event: str, articles: Sequence[Article]) -> bool:
    """True when an event key (a year or a period) is a time one of the input articles is about:
    its publication year or the weeks before one of its publication days."""
    years = {str(a.year or (a.published or "")[:4]) for a in articles}
    if event in years:
        return True
    if not event[:1].isdigit():
        return False
    days = sorted(a.published[:10] for a in articles if a.published)
    # The first publication day on or after the period's start is the likeliest to be about it.
    at = bisect_left(days, event[:10])
    return at < len(days) and not _ended_before(event, days[at])


def _is_standing(counted: Token, span: Span) -> bool:
    """ "a town of 500,000", "a population of 2 million", "home to 40,000 people"."""
    number = span.root
    for token in (number, counted):
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in STANDING_NOUNS:
            return True
    if counted.lemma_.lower() == "population":
        return True
    doc = span.doc
    if span.start >= 2 and doc[span.start - 2].lower_ == "home" and doc[span.start - 1].lower_ == "to":
        return True
    return False


def anchor_year_of(
    published: str | None, text_year: int | None, doc_years: list[int], input_year: int | None = None
) -> int | None:
    """The year the article is about: its publication year, else a year the text fixes, else
    the latest publication year of the articles read with it (``input_year``), else its own
    latest year (which makes "in 1979, 250 died" the story's when nothing else is known)."""
    if published:
        return int(published[:4])
    if text_year is not None:
        return text_year
    if input_year is not None:
        return input_year
    return max(doc_years) if doc_years else None


def years_in(doc_ents: Sequence[Span]) -> list[int]:
    """Every four-digit year written in the DATE entities of a doc."""
    return [int(t.text) for ent in doc_ents if ent.label_ == "DATE" for t in ent if _YEAR.match(t.text)]
