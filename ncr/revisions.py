"""Revisions: which figures of a topic supersede which, over time.

A claim that is *before* another (an earlier day, or an earlier phase on the
same or an unknown day; ``relations.before``) and incompatible with it is
superseded by it: an ``update`` (earlier id, later id), whoever said either.
For this an undated claim that fits some day's figures is read as of that day.
A speaker who gives another figure in a later article revises their own
(``own_revisions``), even of an occasion's count, whose day reports do not set.

Memory stays linear in the claims: each claim is linked to a bounded number of
claims per side (the figures of the earlier moments it revises, nearest first,
and those of the earliest later one that revised it; ``UPDATE_FANOUT``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice, takewhile

from .lexicon import CUMULATIVE_STATES
from .records import Claim, Interval, replace
from .relations import bounds, moment, one_act, speaker_key, undated_days


def _closed(value: Interval) -> Interval:
    """An open bound closed at the figure given: "at least 9" is the count of 9 it reports."""
    low = value.low if value.low is not None else value.high
    high = value.high if value.high is not None else value.low
    return Interval(low, high, value.estimate)


# Figures of one moment a claim is linked with, on either side of it: every outlet's
# copy of a superseded figure is named, and memory stays linear in the claims.
UPDATE_FANOUT = 8


def updates(claims: Sequence[Claim], tolerance: float = 0.0) -> tuple[tuple[str, str], ...]:
    """(earlier, later) pairs: for each claim, the claims of earlier moments it is
    incompatible with (what it revises: the latest such moment's and a few before it), and
    those of the earliest later moment incompatible with it (what revised it), a bounded
    number each way, so that every superseded figure is named, not only one per moment.

    Looking forward, dated moments come before undated ones: the next day's toll is
    the nearest revision of today's, sooner than a figure of unknown day.

    Over time a running count's open bound is read as the figure it gives: "at least
    9 dead" on Monday and "23 dead" on Tuesday is a toll revised, though 23 is at
    least 9. So is any count the text says rose ("more than 40 aftershocks", then
    "the number climbed to 95").
    """
    rising = any(c.phase > 0 for c in claims)  # the text says the figure rose ("climbed to 112")
    claims = [
        replace(c, value=_closed(c.value))
        if (c.value.low is None or c.value.high is None) and (rising or c.state in CUMULATIVE_STATES) else c
        for c in claims
    ]
    span = {c.id: bounds(c.value, tolerance) for c in claims}
    # An undated claim that can be some day's figure is read as of that day (``_undated_days``):
    # "31 dead" in a feature with no date is the toll of the day it was 31, after the day of 27.
    by_day: dict[str, list[Claim]] = {}
    for claim in claims:
        if (day := moment(claim)) is not None:
            by_day.setdefault(day, []).append(claim)
    placed = undated_days(by_day, [c for c in claims if moment(c) is None], tolerance, fitting_only=True)
    day_of = {c.id: moment(c) or placed.get(c.id) for c in claims}
    moments: dict[tuple[str | None, int], list[Claim]] = {}
    for claim in claims:
        moments.setdefault((day_of[claim.id], claim.phase), []).append(claim)
    # Per moment, its claims by rising upper and by falling lower bound: those a figure cannot
    # agree with are the start of one list or the other.
    rising_high = {k: sorted(g, key=lambda c: (span[c.id][1], c.id)) for k, g in moments.items()}
    falling_low = {k: sorted(g, key=lambda c: (-span[c.id][0], c.id)) for k, g in moments.items()}
    # The walk goes a day at a time (all its phases together); undated moments, a phase at a time.
    steps: dict[tuple[str | None, int], list[tuple[str | None, int]]] = {}
    for key in sorted(moments, key=lambda k: (k[0] is None, k[0] or "", k[1])):
        steps.setdefault((key[0], 0) if key[0] else key, []).append(key)
    earliest_first = list(steps.values())
    latest_first = [*reversed([s for s in earliest_first if s[0][0]]), *reversed([s for s in earliest_first if not s[0][0]])]
    found: dict[tuple[str, str], None] = {}

    def nearest_incompatible(claim: Claim, walk: Iterable[list[tuple[str | None, int]]], earlier: bool) -> list[Claim]:
        """Walking the moments in order, the claims ``claim`` cannot agree with: looking forward,
        the first step's; looking back, those of the latest earlier step that has some and of
        up to ``UPDATE_FANOUT`` steps before it (a figure supersedes every older one it differs
        from, not only the latest), at most ``2 * UPDATE_FANOUT`` in all."""
        low, high = span[claim.id]
        mine = (day_of[claim.id], claim.phase)
        found_back: list[Claim] = []
        steps_back = 0
        for step in walk:
            hits: list[Claim] = []
            for key in step:
                first, then = (key, mine) if earlier else (mine, key)
                if not _moment_before(first, then):
                    continue  # no claim of this moment can be on the right side of this one
                below = takewhile(lambda c: span[c.id][1] < low, rising_high[key])
                above = takewhile(lambda c: span[c.id][0] > high, falling_low[key])
                days_differ = bool(first[0] and then[0] and first[0] != then[0])
                if first[1] < 0 and then[1] == 0 and not days_differ:  # superseded, beside another article's present
                    below, above = (filter(lambda c: c.source == claim.source, found_) for found_ in (below, above))
                hits += [*islice(below, UPDATE_FANOUT), *islice(above, UPDATE_FANOUT)]
            if hits and not earlier:
                return hits
            found_back += hits
            steps_back += bool(found_back)
            if len(found_back) >= 2 * UPDATE_FANOUT or steps_back > UPDATE_FANOUT:
                break
        return found_back

    for claim in claims:
        for revised in nearest_incompatible(claim, latest_first, earlier=True):
            if not (one_act(claim) and one_act(revised)):  # two reports of one finished act
                found.setdefault((revised.id, claim.id))
        for reviser in nearest_incompatible(claim, earliest_first, earlier=False):
            if not (one_act(claim) and one_act(reviser)):
                found.setdefault((claim.id, reviser.id))
    for pair in own_revisions(claims, span):
        found.setdefault(pair)
    order = {c.id: n for n, c in enumerate(claims)}
    return tuple(sorted(found, key=lambda p: (order[p[1]], order[p[0]])))


# Earlier figures of one speaker a figure is checked against (the work stays linear).
OWN_LOOKBACK = 32


def own_revisions(claims: Sequence[Claim], span: dict[str, tuple[float, float]]) -> list[tuple[str, str]]:
    """(earlier, later) pairs where one speaker gives another figure in a later article.

    "Police put the march at 5,000" on Saturday and "police now say 8,000" on
    Sunday: a speaker revising their own figure is an update, even of a count
    whose day the reports do not set apart (an occasion's crowd). Figures of
    another event, or without a day, are left out.
    """
    by_voice: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.as_of and not claim.event and (voice := speaker_key(claim)):
            by_voice.setdefault(voice, []).append(claim)
    pairs = []
    for said in by_voice.values():
        said.sort(key=lambda c: c.as_of or "")
        for n, later in enumerate(said):
            low, high = span[later.id]
            for earlier in said[max(0, n - OWN_LOOKBACK) : n]:
                before_day = (earlier.as_of or "") < (later.as_of or "")
                if before_day and earlier.source != later.source and (span[earlier.id][1] < low or span[earlier.id][0] > high):
                    pairs.append((earlier.id, later.id))
    return pairs


def _moment_before(a: tuple[str | None, int], b: tuple[str | None, int]) -> bool:
    """Whether moment ``a`` (day, phase) is before ``b``, as ``relations.before`` reads two claims."""
    if a[0] and b[0] and a[0] != b[0]:
        return a[0] < b[0]
    return a[1] < b[1]
