"""How two claims relate: compatible figures, the same voice, the same moment, one before the other.

Each claim's interval already carries its own looseness (an approximate value
spans ±10 %, "thousands" spans 2,000 to 19,999, "as many as" is open below).
Two intervals are *compatible* when some single amount satisfies both, after
widening both by ``tolerance`` (a fraction, 0 by default).

A claim's *moment* is the day its figure holds on (its ``as_of``), with the
exceptions ``moment`` lists; an undated claim can be read as of the day whose
figures it fits (``undated_days``). ``ncr.conflicts`` and ``ncr.revisions``
build on these.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .lexicon import OCCASION_STATES
from .records import Claim, Interval

INF = float("inf")


def bounds(value: Interval, tolerance: float) -> tuple[float, float]:
    """The interval as two floats, open ends infinite, widened by ``tolerance``."""
    low = value.low if value.low is not None else -INF
    high = value.high if value.high is not None else INF
    return low * (1 - tolerance), high * (1 + tolerance)


def compatible(a: Interval, b: Interval, tolerance: float = 0.0) -> bool:
    """True when some single amount satisfies both intervals."""
    a_low, a_high = bounds(a, tolerance)
    b_low, b_high = bounds(b, tolerance)
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


def one_act(claim: Claim) -> bool:
    """True when the claim counts what one finished act of the story involved ("the coastguard called
    in five more lifeboats"), with no day of its own and no word of revision: two days' reports of
    that act describe one moment, and differing figures disagree rather than revise."""
    return claim.finished_act and claim.state is None and claim.phase == 0 and not claim.day_stated and not claim.event


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
    return earlier_on(a, b, moment(a), moment(b))


def earlier_on(a: Claim, b: Claim, day_a: str | None, day_b: str | None) -> bool:
    """``before``, with the days the two claims are read as of."""
    if day_a and day_b and day_a != day_b:
        return day_a < day_b
    if a.phase < 0 and a.source != b.source and b.phase == 0:
        return False
    return a.phase < b.phase


def undated_days(
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
        spans = sorted(bounds(c.value, tolerance) for c in by_day[day])
        reach: list[float] = []
        for _, high in spans:
            reach.append(max(high, reach[-1]) if reach else high)
        index[day] = ([low for low, _ in spans], reach)
    placed: dict[str, str] = {}
    for claim in undated:
        low, high = bounds(claim.value, tolerance)
        fitting = []
        for day in days:
            lows, reach = index[day]
            at = bisect_right(lows, high)  # the intervals starting at or below this one's top
            if at and reach[at - 1] >= low:
                fitting.append(day)
        if fitting or not fitting_only:
            placed[claim.id] = (fitting or days)[-1]
    return placed
