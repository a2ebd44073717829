"""Conflicts, updates and camps: can the sources of a topic all be right, and when?

Each claim's interval already carries its own looseness (an approximate value
spans ±10 %, "thousands" spans 2,000 to 19,999, "as many as" is open below).
Two intervals are *compatible* when some single amount satisfies both, after
widening both by ``tolerance`` (a fraction, 0 by default).

Time. Claims are compared only when they can describe the same moment: the
same ``phase`` (``extract.timing``: superseded / current / newest, as the text
marks them) and the same ``as_of`` day. An undated claim is compared with the
other undated ones and with the latest day whose figures it fits (it can be that
day's figure), else with the latest day's. A figure its article calls
superseded, with no day of its own, is not of the article's day. A
claim that is *before* another (an earlier day, or an earlier phase on the same
or an unknown day) and incompatible with it is superseded by it: an
``update`` (earlier id, later id), whoever said either; for this an undated
claim that fits some day's figures is read as of that day.

Stale repeats. A running count (a toll) that only repeats a figure of an earlier
day, printed beside a newer, higher one, is stale, not a contradiction of it.

Voices. Two incompatible claims of the same moment conflict when their voices
differ: different articles, or two different named speakers inside one
article ("police said 18,000; organisers 85,000"). One article's own figures
without two named speakers are never compared: a story that mentions an old
and a new estimate is not contradicting itself.

Camps. The claims no later figure supersedes are grouped into camps of
mutually compatible claims (all in a camp can be true at once) by the classic
greedy stabbing of intervals: sort by upper bound, open a camp at the lowest
upper bound, take every interval that reaches it. That gives the fewest camps,
in O(n log n). A claim that fits several camps joins the one with the most
claims that fit only there.

Nothing here enumerates all pairs: ``conflicts`` holds at most one pair per
claim and direction (the claim and the lowest incompatible claim of another
voice below it, and the highest above it), and
``updates`` at most ``UPDATE_FANOUT`` per claim and side (the figures of the latest
earlier moment it revises, those of the earliest later one that revised it), so
memory stays linear in the number of claims.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import islice, takewhile
from dataclasses import dataclass, replace

from .lexicon import CUMULATIVE_STATES, OCCASION_STATES
from .records import Camp, Claim, Interval, Status, Topic, TopicKey

INF = float("inf")


def _bounds(value: Interval, tolerance: float) -> tuple[float, float]:
    low = value.low if value.low is not None else -INF
    high = value.high if value.high is not None else INF
    return low * (1 - tolerance), high * (1 + tolerance)


def compatible(a: Interval, b: Interval, tolerance: float = 0.0) -> bool:
    """True when some single amount satisfies both intervals."""
    a_low, a_high = _bounds(a, tolerance)
    b_low, b_high = _bounds(b, tolerance)
    return a_low <= b_high and b_low <= a_high


def speaker_key(claim: Claim) -> str | None:
    """Who a claim comes from inside its article: the resolved entity, else the words, else None."""
    attribution = claim.attributed_to
    if attribution is None:
        return None
    if attribution.entity:
        return attribution.entity
    written = attribution.refers_to or attribution.text
    words = [w for w in written.lower().split() if w not in {"the", "a", "an", "some"}]
    return " ".join(words) or None


def different_voices(a: Claim, b: Claim) -> bool:
    """Different articles, or two different named speakers of one article.

    Inside one article, two speakers differ when their entities differ, or,
    unresolved, when their names share no word ("police" and "police sources"
    are one voice; "police" and "organisers" two).
    """
    if a.source != b.source:
        return True
    key_a, key_b = speaker_key(a), speaker_key(b)
    if key_a is None or key_b is None or key_a == key_b:
        return False
    resolved = a.attributed_to is not None and a.attributed_to.entity and b.attributed_to is not None and b.attributed_to.entity
    return bool(resolved) or not set(key_a.split()) & set(key_b.split())


def moment(claim: Claim) -> str | None:
    """The day a claim's figure holds on, as far as comparing goes: its ``as_of``.

    Except for the count of an occasion (a march's crowd): that is the
    occasion's, whichever day reports it, so only a day its own clause names
    sets it apart; for a figure of another event or a standing fact, which
    no day of the story revises; and for a figure its own article calls
    superseded ("officials had first put the toll at four") without naming its
    day: it held some time before the article, not on the article's day.
    """
    if claim.state in OCCASION_STATES and not claim.day_stated:
        return None
    if claim.phase < 0 and not claim.day_stated:
        return None
    if claim.event:
        return None  # a past event's or a standing figure does not change with the day that recalls it
    return claim.as_of


def same_moment(a: Claim, b: Claim) -> bool:
    """True when the two claims can describe the same moment (see module doc)."""
    day_a, day_b = moment(a), moment(b)
    return a.phase == b.phase and (day_a is None or day_b is None or day_a == day_b)


def before(a: Claim, b: Claim) -> bool:
    """True when ``a`` describes an earlier moment than ``b``.

    Days decide when both are known. Otherwise the phases do, with one limit:
    a figure its own article calls superseded ("the estimate of 3,000 from
    last Wednesday") is older than that article's present, but says nothing
    of another undated article's.
    """
    return _earlier(a, b, moment(a), moment(b))


def _earlier(a: Claim, b: Claim, day_a: str | None, day_b: str | None) -> bool:
    """``before``, with the days the two claims are read as of."""
    if day_a and day_b and day_a != day_b:
        return day_a < day_b
    if a.phase < 0 and a.source != b.source and b.phase == 0:
        return False
    return a.phase < b.phase


@dataclass(slots=True)
class _Lowest:
    """The claims with the lowest upper bounds seen so far, kept for two distinct voices at most."""

    by_source: list[Claim]  # the first claim of up to two distinct sources
    by_speaker: dict[str, list[Claim]]  # per source, the first claim of up to two distinct named speakers

    def add(self, claim: Claim) -> None:
        if len(self.by_source) < 2 and all(c.source != claim.source for c in self.by_source):
            self.by_source.append(claim)
        key = speaker_key(claim)
        if key is not None:
            mine = self.by_speaker.setdefault(claim.source, [])
            if len(mine) < 2 and all(speaker_key(c) != key for c in mine):
                mine.append(claim)

    def other_voice(self, claim: Claim) -> Claim | None:
        for candidate in self.by_source:
            if candidate.source != claim.source:
                return candidate
        for candidate in self.by_speaker.get(claim.source, ()):
            if different_voices(candidate, claim):
                return candidate
        return None


def _conflicts_within(claims: Sequence[Claim], tolerance: float, mirror: bool = False) -> list[tuple[str, str]]:
    """For each claim, one claim of another voice lying wholly below it (above it when ``mirror``): O(n log n)."""

    def bounds(claim: Claim) -> tuple[float, float]:
        low, high = _bounds(claim.value, tolerance)
        return (-high, -low) if mirror else (low, high)

    by_high = sorted(claims, key=lambda c: (bounds(c)[1], c.id))
    by_low = sorted(claims, key=lambda c: (bounds(c)[0], c.id))
    lowest = _Lowest([], {})
    pairs: list[tuple[str, str]] = []
    next_up = 0
    for claim in by_low:
        low = bounds(claim)[0]
        while next_up < len(by_high) and bounds(by_high[next_up])[1] < low:
            lowest.add(by_high[next_up])
            next_up += 1
        other = lowest.other_voice(claim)
        if other is not None:
            pairs.append((claim.id, other.id) if mirror else (other.id, claim.id))
    return pairs


def conflicting_pairs(claims: Sequence[Claim], tolerance: float = 0.0) -> tuple[tuple[str, str], ...]:
    """Pairs of claims of the same moment and different voices that cannot both be true.

    At most two pairs per claim and day (see module doc); a topic conflicts if and only
    if this is not empty.
    """
    found: dict[tuple[str, str], None] = {}
    undated = [c for c in claims if moment(c) is None]
    by_day: dict[str, list[Claim]] = {}
    for claim in claims:
        if (day := moment(claim)) is not None:
            by_day.setdefault(day, []).append(claim)
    for group in (undated, *_place_undated(by_day, undated, tolerance)):
        for phase in sorted({c.phase for c in group}):
            in_phase = [c for c in group if c.phase == phase]
            if phase > 0:
                # Two newest figures of a running count on one day ("rose to four" in the morning,
                # "bringing the toll to six" at night) are steps of its rise, not a contradiction.
                in_phase = [c for c in in_phase if c.state not in CUMULATIVE_STATES]
            for mirror in (False, True):
                for pair in _conflicts_within(in_phase, tolerance, mirror):
                    found.setdefault(pair)
    order = {c.id: n for n, c in enumerate(claims)}
    return tuple(sorted(found, key=lambda p: (order[p[0]], order[p[1]])))


def _place_undated(by_day: dict[str, list[Claim]], undated: Sequence[Claim], tolerance: float) -> list[list[Claim]]:
    """Each day's claims with the undated claims that can be of that day (``_undated_days``)."""
    placed: dict[str, list[Claim]] = {day: list(by_day[day]) for day in sorted(by_day)}
    days = _undated_days(by_day, undated, tolerance)
    for claim in undated:
        if claim.id in days:
            placed[days[claim.id]].append(claim)
    return list(placed.values())


def _undated_days(
    by_day: dict[str, list[Claim]], undated: Sequence[Claim], tolerance: float, fitting_only: bool = False
) -> dict[str, str]:
    """The day each undated claim is read as of, when some claims have one.

    An undated figure that fits some day's figures may be that day's ("26 dead" in a
    feature with no date, beside dated reports of 10, 19 and 26): it is read as of
    the latest such day. One that fits no day's is read as of the latest day, the
    likeliest time of a figure printed without one (unless ``fitting_only``: then
    it gets no day). Fitting is tested by bisection on
    each day's intervals sorted by lower bound, so the work stays O(n log n).
    """
    days = sorted(by_day)
    if not undated or not days:
        return {}
    index: dict[str, tuple[list[float], list[float]]] = {}
    for day in days:
        spans = sorted(_bounds(c.value, tolerance) for c in by_day[day])
        reach: list[float] = []
        for _, high in spans:
            reach.append(max(high, reach[-1]) if reach else high)
        index[day] = ([low for low, _ in spans], reach)
    placed: dict[str, str] = {}
    for claim in undated:
        low, high = _bounds(claim.value, tolerance)
        fitting = []
        for day in days:
            lows, reach = index[day]
            at = bisect_right(lows, high)  # the intervals starting at or below this one's top
            if at and reach[at - 1] >= low:
                fitting.append(day)
        if fitting or not fitting_only:
            placed[claim.id] = (fitting or days)[-1]
    return placed


# Earlier claims a figure is checked against when deciding whether it merely repeats one.
STALE_LOOKBACK = 256


def stale(claims: Sequence[Claim], tolerance: float = 0.0) -> set[str]:
    """Running counts that only repeat a figure of an earlier day ("3 killed" still printed on
    day two, after another outlet's "toll rises to 10"): not a contradiction of the newer one.
    """
    dated = sorted((c for c in claims if moment(c) and c.state in CUMULATIVE_STATES), key=lambda c: moment(c) or "")
    found: set[str] = set()
    for n, claim in enumerate(dated):
        earlier = [d for d in dated[max(0, n - STALE_LOOKBACK) : n] if (moment(d) or "") < (moment(claim) or "")]
        if any(compatible(d.value, claim.value, tolerance) for d in earlier):
            found.add(claim.id)
    return found


def _without_stale(pairs: tuple[tuple[str, str], ...], claims: Sequence[Claim], tolerance: float) -> tuple[tuple[str, str], ...]:
    """The conflict pairs left once a stale repeat below a newer figure is not counted against it."""
    repeats = stale(claims, tolerance)
    if not repeats:
        return pairs
    high = {c.id: _bounds(c.value, tolerance)[1] for c in claims}
    kept = []
    for a, b in pairs:
        lower, upper = (a, b) if high[a] <= high[b] else (b, a)
        if not (lower in repeats and upper not in repeats):
            kept.append((a, b))
    return tuple(kept)


def _closed(value: Interval) -> Interval:
    """An open bound closed at the figure given: "at least 9" is the count of 9 it reports."""
    low = value.low if value.low is not None else value.high
    high = value.high if value.high is not None else value.low
    return Interval(low, high, value.estimate)


# Figures of one moment a claim is linked with, on either side of it: every outlet's
# copy of a superseded figure is named, and memory stays linear in the claims.
UPDATE_FANOUT = 8


def updates(claims: Sequence[Claim], tolerance: float = 0.0) -> tuple[tuple[str, str], ...]:
    """(earlier, later) pairs: for each claim, the claims of the latest earlier moment it is
    incompatible with (what it revises), and those of the earliest later moment incompatible
    with it (what revised it), at most ``UPDATE_FANOUT`` each way per side, so that every
    superseded figure is named, not only one per moment.

    Looking forward, dated moments come before undated ones: the next day's toll is
    the nearest revision of today's, sooner than a figure of unknown day.

    Over time a running count's open bound is read as the figure it gives: "at least
    9 dead" on Monday and "23 dead" on Tuesday is a toll revised, though 23 is at
    least 9. So is any count the text says rose ("more than 40 aftershocks", then
    "the number climbed to 95").
    """
    rising = any(c.phase > 0 for c in claims)  # the text says the figure rose ("climbed to 112")
    claims = [replace(c, value=_closed(c.value)) if rising or c.state in CUMULATIVE_STATES else c for c in claims]
    bounds = {c.id: _bounds(c.value, tolerance) for c in claims}
    # An undated claim that can be some day's figure is read as of that day (``_undated_days``):
    # "31 dead" in a feature with no date is the toll of the day it was 31, after the day of 27.
    by_day: dict[str, list[Claim]] = {}
    for claim in claims:
        if (day := moment(claim)) is not None:
            by_day.setdefault(day, []).append(claim)
    placed = _undated_days(by_day, [c for c in claims if moment(c) is None], tolerance, fitting_only=True)
    day_of = {c.id: moment(c) or placed.get(c.id) for c in claims}
    # A day is one moment to walk, its phases ordered by ``before``; undated claims, by phase.
    moments: dict[tuple[str | None, int], list[Claim]] = {}
    for claim in claims:
        day = day_of[claim.id]
        moments.setdefault((day, 0) if day else (None, claim.phase), []).append(claim)
    # Per moment, its claims by rising upper and by falling lower bound: those a figure cannot
    # agree with are the start of one list or the other.
    rising_high = {k: sorted(g, key=lambda c: (bounds[c.id][1], c.id)) for k, g in moments.items()}
    falling_low = {k: sorted(g, key=lambda c: (-bounds[c.id][0], c.id)) for k, g in moments.items()}
    dated = sorted((k for k in moments if k[0] is not None), key=lambda k: (k[0] or "", k[1]))
    undated = sorted((k for k in moments if k[0] is None), key=lambda k: k[1])
    latest_first = [*reversed(dated), *reversed(undated)]
    earliest_first = [*dated, *undated]
    found: dict[tuple[str, str], None] = {}

    def nearest_incompatible(claim: Claim, keys: Iterable[tuple[str | None, int]], earlier: bool) -> list[Claim]:
        """Walking the moments ``keys`` in order, the first one's claims ``claim`` cannot agree with."""
        low, high = bounds[claim.id]
        for key in keys:
            def in_order(c: Claim) -> bool:
                first, then = (c, claim) if earlier else (claim, c)
                return _earlier(first, then, day_of[first.id], day_of[then.id])

            below = filter(in_order, takewhile(lambda c: bounds[c.id][1] < low, rising_high[key]))
            above = filter(in_order, takewhile(lambda c: bounds[c.id][0] > high, falling_low[key]))
            hits = [*islice(below, UPDATE_FANOUT), *islice(above, UPDATE_FANOUT)]
            if hits:
                return hits
        return []

    for claim in claims:
        for revised in nearest_incompatible(claim, latest_first, earlier=True):
            found.setdefault((revised.id, claim.id))
        for reviser in nearest_incompatible(claim, earliest_first, earlier=False):
            found.setdefault((claim.id, reviser.id))
    order = {c.id: n for n, c in enumerate(claims)}
    return tuple(sorted(found, key=lambda p: (order[p[1]], order[p[0]])))


def camps(claims: Sequence[Claim], tolerance: float = 0.0) -> tuple[Camp, ...]:
    """Groups of mutually compatible claims, fewest possible (see module doc), lowest values first."""
    if not claims:
        return ()
    bounds = {c.id: _bounds(c.value, tolerance) for c in claims}
    points: list[float] = []
    for claim in sorted(claims, key=lambda c: (bounds[c.id][1], c.id)):
        low, high = bounds[claim.id]
        if not points or low > points[-1]:
            points.append(high)
    # Stabbing points rise, so the points a claim reaches are one run, found by bisection.
    fits = {
        c.id: range(bisect_left(points, bounds[c.id][0]), bisect_right(points, bounds[c.id][1])) for c in claims
    }
    anchored = [0] * len(points)
    for places in fits.values():
        if len(places) == 1:
            anchored[places[0]] += 1
    members: list[list[Claim]] = [[] for _ in points]
    for claim in claims:
        places = fits[claim.id]
        members[max(places, key=lambda n: (anchored[n], -n))].append(claim)
    return tuple(_camp(group) for group in members if group)


def _camp(claims: Sequence[Claim]) -> Camp:
    lows = [c.value.low for c in claims if c.value.low is not None]
    highs = [c.value.high for c in claims if c.value.high is not None]
    speakers: dict[str, None] = {}
    for claim in claims:
        speakers.setdefault(claim.attributed_to.text if claim.attributed_to else "")
    return Camp(
        low=max(lows) if lows else None,
        high=min(highs) if highs else None,
        claims=tuple(c.id for c in claims),
        speakers=tuple(speakers),
        sources=tuple(dict.fromkeys(c.source for c in claims)),
    )


def _envelope(claims: Iterable[Claim]) -> tuple[float | None, float | None]:
    """The smallest interval holding every claim's interval (None when open)."""
    lows = [c.value.low for c in claims]
    highs = [c.value.high for c in claims]
    low = None if any(v is None for v in lows) else min(v for v in lows if v is not None)
    high = None if any(v is None for v in highs) else max(v for v in highs if v is not None)
    return low, high


def build_topic(
    topic_id: str,
    label: str,
    claims: Sequence[Claim],
    tolerance: float = 0.0,
    key: TopicKey | None = None,
    copies: tuple[tuple[str, ...], ...] = (),
) -> Topic:
    """A ``Topic`` with its status decided from its claims.

    ``copies`` are groups of sources that carry the same copy (``ncr.copies``):
    each counts once among the independent sources.
    """
    sources = tuple(dict.fromkeys(c.source for c in claims))
    pairs = conflicting_pairs(claims, tolerance)
    if pairs:
        pairs = _without_stale(pairs, claims, tolerance)
    revisions = updates(claims, tolerance)
    superseded = {earlier for earlier, _ in revisions}
    copied = sum(len([s for s in group if s in sources]) - 1 for group in copies if any(s in sources for s in group))
    independent = len(sources) - copied
    if pairs:
        status = Status.CONFLICT
    elif revisions:
        status = Status.UPDATE
    elif len(sources) > 1:
        status = Status.AGREE
    else:
        status = Status.SINGLE
    low, high = _envelope(claims)
    return Topic(
        id=topic_id,
        label=label,
        claims=tuple(c.id for c in claims),
        sources=sources,
        status=status,
        low=low,
        high=high,
        conflicts=pairs,
        key=key,
        camps=camps([c for c in claims if c.id not in superseded] or list(claims), tolerance),
        updates=revisions,
        independent_sources=independent,
        copies=tuple(group for group in copies if sum(s in sources for s in group) > 1),
    )
