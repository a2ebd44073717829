"""Conflicts: can the sources of a topic all be right?

Each claim's interval already carries its own looseness (an approximate value
spans ±10 %, "thousands" spans 2,000 to 19,999, "as many as" is open below).
Two claims from different sources conflict when their intervals do not
overlap, after widening both by ``tolerance`` (a fraction, 0 by default).
Claims of one source are never compared with each other: an article that
reports an old and a new estimate is not contradicting itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

from .records import Claim, Interval, Status, Topic


def _bounds(value: Interval, tolerance: float) -> tuple[float, float]:
    low = value.low if value.low is not None else float("-inf")
    high = value.high if value.high is not None else float("inf")
    return low * (1 - tolerance), high * (1 + tolerance)


def compatible(a: Interval, b: Interval, tolerance: float = 0.0) -> bool:
    """True when some single amount satisfies both intervals."""
    a_low, a_high = _bounds(a, tolerance)
    b_low, b_high = _bounds(b, tolerance)
    return a_low <= b_high and b_low <= a_high


def conflicting_pairs(claims: Sequence[Claim], tolerance: float = 0.0) -> tuple[tuple[str, str], ...]:
    """Ids of the claim pairs, from different sources, that cannot both be true."""
    return tuple(
        (a.id, b.id)
        for a, b in combinations(claims, 2)
        if a.source != b.source and not compatible(a.value, b.value, tolerance)
    )


def _envelope(claims: Iterable[Claim]) -> tuple[float | None, float | None]:
    """The smallest interval holding every claim's interval (None when open)."""
    lows = [c.value.low for c in claims]
    highs = [c.value.high for c in claims]
    low = None if any(v is None for v in lows) else min(v for v in lows if v is not None)
    high = None if any(v is None for v in highs) else max(v for v in highs if v is not None)
    return low, high


def build_topic(topic_id: str, label: str, claims: Sequence[Claim], tolerance: float = 0.0) -> Topic:
    """A ``Topic`` with its status decided from its claims."""
    sources = tuple(dict.fromkeys(c.source for c in claims))
    pairs = conflicting_pairs(claims, tolerance)
    if pairs:
        status = Status.CONFLICT
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
    )
