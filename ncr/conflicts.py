"""Conflicts and camps: can the sources of a topic all be right at once?

How two claims relate (compatible figures, the same voice, the same moment)
is ``ncr.relations``; which figures revise which over time, ``ncr.revisions``.

Time. Claims are compared only when they can describe the same moment: the
same ``phase`` (``extract.timing``: superseded / current / newest, as the text
marks them) and the same ``as_of`` day. An undated claim is compared with the
other undated ones and with the latest day whose figures it fits (it can be that
day's figure), else with the latest day's. A figure its article calls
superseded, with no day of its own, is not of the article's day. The reports of
one finished act ("the coastguard called in five more lifeboats"; ``relations.one_act``) are
of that act's moment, whichever days they came out.

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
voice below it, and the highest above it), so memory stays linear in the
number of claims.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .lexicon import CUMULATIVE_STATES
from .records import Camp, Claim, Status, Topic, TopicKey
from .relations import bounds as _bounds, compatible, different_voices, moment, one_act, speaker_key, undated_days
from .revisions import updates

__all__ = ["build_topic", "camps", "compatible", "conflicting_pairs", "moment", "stale", "updates"]

@dataclass(slots=True)
class _Lowest:
    """The claims with the lowest upper bounds seen so far, kept for two distinct voices at most."""

    voice: dict[str, str | None]  # each claim's speaker key (``relations.speaker_key``), worked out once
    by_source: list[Claim]  # the first claim of up to two distinct sources
    by_speaker: dict[str, list[Claim]]  # per source, the first claim of up to two distinct named speakers

    def add(self, claim: Claim) -> None:
        by_source = self.by_source
        if not by_source or (len(by_source) == 1 and by_source[0].source != claim.source):
            by_source.append(claim)
        key = self.voice[claim.id]
        if key is not None:
            mine = self.by_speaker.get(claim.source)
            if mine is None:
                self.by_speaker[claim.source] = [claim]
            elif len(mine) == 1 and self.voice[mine[0].id] != key:
                mine.append(claim)

    def other_voice(self, claim: Claim) -> Claim | None:
        for candidate in self.by_source:
            if candidate.source != claim.source:
                return candidate
        for candidate in self.by_speaker.get(claim.source, ()):
            if different_voices(candidate, claim):
                return candidate
        return None


def _conflicts_within(
    claims: Sequence[Claim], tolerance: float, voice: dict[str, str | None], mirror: bool = False
) -> list[tuple[str, str]]:
    """For each claim, one claim of another voice lying wholly below it (above it when ``mirror``): O(n log n)."""
    spans = {}
    for claim in claims:
        low, high = _bounds(claim.value, tolerance)
        spans[claim.id] = (-high, -low) if mirror else (low, high)
    by_high = sorted(claims, key=lambda c: (spans[c.id][1], c.id))
    by_low = sorted(claims, key=lambda c: (spans[c.id][0], c.id))
    lowest = _Lowest(voice, [], {})
    pairs: list[tuple[str, str]] = []
    next_up = 0
    for claim in by_low:
        low = spans[claim.id][0]
        while next_up < len(by_high) and spans[by_high[next_up].id][1] < low:
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
    voice = {c.id: speaker_key(c) for c in claims}
    undated = [c for c in claims if moment(c) is None]
    by_day: dict[str, list[Claim]] = {}
    for claim in claims:
        if (day := moment(claim)) is not None:
            by_day.setdefault(day, []).append(claim)
    groups = [undated, *_place_undated(by_day, undated, tolerance)]
    # The reports of one finished act, whichever days they came out, are of its moment.
    acts = [c for c in claims if one_act(c)] if len(by_day) > 1 else []
    if len({moment(c) for c in acts}) > 1:
        groups.append(acts)
    for group in groups:
        for phase in sorted({c.phase for c in group}):
            in_phase = [c for c in group if c.phase == phase]
            if phase > 0:
                # Two newest figures of a running count on one day ("rose to four" in the morning,
                # "bringing the toll to six" at night) are steps of its rise, not a contradiction.
                in_phase = [c for c in in_phase if c.state not in CUMULATIVE_STATES]
            for mirror in (False, True):
                for pair in _conflicts_within(in_phase, tolerance, voice, mirror):
                    found.setdefault(pair)
    order = {c.id: n for n, c in enumerate(claims)}
    return tuple(sorted(found, key=lambda p: (order[p[0]], order[p[1]])))


def _place_undated(by_day: dict[str, list[Claim]], undated: Sequence[Claim], tolerance: float) -> list[list[Claim]]:
    """Each day's claims with the undated claims that can be of that day (``_undated_days``)."""
    placed: dict[str, list[Claim]] = {day: list(by_day[day]) for day in sorted(by_day)}
    days = undated_days(by_day, undated, tolerance)
    for claim in undated:
        if claim.id in days:
            placed[days[claim.id]].append(claim)
    return list(placed.values())


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
        place = places[0] if len(places) == 1 else max(places, key=lambda n: (anchored[n], -n))
        members[place].append(claim)
    return tuple(_camp(group) for group in members if group)


def _camp(claims: Sequence[Claim]) -> Camp:
    if len(claims) == 1:  # most camps of a long feed: one figure
        claim = claims[0]
        speaker = claim.attributed_to.text if claim.attributed_to else ""
        return Camp(claim.value.low, claim.value.high, (claim.id,), (speaker,), (claim.source,))
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
