"""Putting topics back together: parts of a key, or keys, that measure one thing.

``ncr.align`` splits what no evidence joins; some evidence only shows once the
parts are formed. Parts whose figures can all be true at once are one measure
(``rejoin_agreeing``); a part the text says rose or fell to its figure revises
the one part dated before it, and so does a part a later finding gives
(``join_superseding``); topics of other articles that
give one exact figure in other words are one measure (``join_restated``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .disjoint import DisjointSets
from .fitting import CLASS_NAMES, KNOWN_STATES, Key
from .lexicon import FINDING_SOURCES, MEASURE_NOUNS
from .records import Claim

INF = float("inf")
# A figure more topics than this give is left alone (and would cost all pairs).
CROWDED = 50


def join_superseding(parts: list[list[Claim]]) -> list[list[Claim]]:
    """Parts of one key put back together where the text says a figure supersedes an older one.

    "The number of guards was raised to 40" revises an earlier figure of its kind,
    whatever words surround it; so does the figure of a check made after the first
    reports ("an autopsy found five wounds", "a recount gave 212"): a part with a
    claim the text calls newest (``phase`` 1) or credits to a finding
    (``FINDING_SOURCES``), and that holds nothing dated before that claim, joins the
    one other part dated before it, when there is exactly one.
    """
    first_day = [min((c.as_of for c in part if c.as_of), default=None) for part in parts]
    sets = DisjointSets(len(parts))
    for n, part in enumerate(parts):
        newest = min((c.as_of for c in part if c.as_of and (c.phase > 0 or _found(c))), default=None)
        if newest is None or (first_day[n] or newest) < newest:
            continue
        earlier = [m for m, day in enumerate(first_day) if m != n and day and day < newest]
        if len(earlier) == 1:
            sets.join(n, earlier[0])
    return [[c for m in group for c in parts[m]] for group in sets.groups().values()]


def _found(claim: Claim) -> bool:
    """True when the claim is credited to a check of the facts ("the autopsy", "a count by the agency")."""
    source = claim.attributed_to
    return source is not None and any(word in FINDING_SOURCES for word in source.text.lower().split())


# Content words two topics of one figure must share around their claims to be one measure
# said in other words: one for a figure of ``COMMON_FIGURE_BELOW`` or more, two below it,
# where two measures of a story often share a figure by chance ("two guards", "two counts").
RESTATED_CONTEXT = 1
COMMON_FIGURE_BELOW = 10


def join_restated(order: list[Key], members: dict[Key, list[Claim]], position: dict[str, int]) -> list[Key]:
    """Topics that give one and the same figure in other words, in other articles, joined.

    "Nine ward cleaners were laid off at the clinic" and "the clinic's nine dismissed
    ward staff" have different keys (other nouns, another verb), but one exact
    figure (the same interval, open or not), no article in common and words around
    them in common (``RESTATED_CONTEXT``, one more for a small figure): one
    measure, which the articles agree on. Both must
    say the same of what happened (the same state, or none), and two classes the
    lexicon names apart stay apart ("nine shots fired" and "shot nine times" count
    other things, the shots and the hits). Topics are compared only within one
    figure, and figures held by more than ``CROWDED`` topics are left alone, so
    the work stays near linear. Returns the new order of keys.
    """
    by_figure: dict[tuple[str, str, float | None, float | None], list[int]] = {}
    for n, key in enumerate(order):
        figures = {(c.value.low, c.value.high) for c in members[key]}
        if len(figures) != 1:
            continue
        low, high = next(iter(figures))
        if low is not None or high is not None:
            state = key[1] if key[1] in KNOWN_STATES else ""
            by_figure.setdefault((key[2], state, low, high), []).append(n)
    sets = DisjointSets(len(order))
    for (_, _, low, high), found in by_figure.items():
        if len(found) > CROWDED:
            continue
        needed = RESTATED_CONTEXT + (max(low or 0, high or 0) < COMMON_FIGURE_BELOW)
        words = {n: frozenset().union(*(c.context for c in members[order[n]])) for n in found}
        sources = {n: {c.source for c in members[order[n]]} for n in found}
        for i, a in enumerate(found):
            for b in found[i + 1 :]:
                if sources[a] & sources[b] or _named_apart(order[a][0], order[b][0]):
                    continue
                if len(words[a] & words[b]) >= needed:
                    sets.join(a, b)
    _join_bare_measures(order, members, sets)
    joined: list[Key] = []
    for group in sets.groups().values():
        first = order[min(group)]
        members[first] = sorted((c for n in group for c in members[order[n]]), key=lambda c: position[c.id])
        for n in group:
            if order[n] != first:
                del members[order[n]]
        joined.append(first)
    rank = {key: n for n, key in enumerate(order)}
    return sorted(joined, key=rank.__getitem__)


def _named_apart(kind: str, other: str) -> bool:
    """True when two kinds are classes the lexicon keeps apart ("shots" and "hits", "police" and "people")."""
    kind, other = kind.split(" (")[0], other.split(" (")[0]
    return kind != other and kind in CLASS_NAMES and other in CLASS_NAMES


# Measure nouns that name no counted thing; "count" also names a charge ("three counts of fraud").
_BARE_MEASURES = MEASURE_NOUNS - {"count"}


def _join_bare_measures(order: list[Key], members: dict[Key, list[Claim]], sets: DisjointSets) -> None:
    """ "has put its peak figure at 9,000": a topic keyed by a measure noun alone ("figure",
    "estimate") says nothing of what it counts; it joins the topic of its event that gives
    its figure most often, when one does. Lookups go through a figure index, so near linear."""
    holders: dict[tuple[str, float | None, float | None], dict[int, int]] = {}
    for n, key in enumerate(order):
        if key[0] not in _BARE_MEASURES:
            for c in members[key]:
                counts = holders.setdefault((key[2], c.value.low, c.value.high), {})
                counts[n] = counts.get(n, 0) + 1
    for n, key in enumerate(order):
        figures = {(c.value.low, c.value.high) for c in members[key]}
        if key[0] not in _BARE_MEASURES or len(figures) != 1:
            continue
        found = holders.get((key[2], *next(iter(figures))), {})
        if not found or len(found) > CROWDED:
            continue
        ranked = sorted(found.values(), reverse=True)
        if len(ranked) == 1 or ranked[0] > ranked[1]:
            sets.join(n, max(found, key=found.__getitem__))


def rejoin_agreeing(parts: Sequence[Sequence[Claim]], position: dict[str, int]) -> list[list[Claim]]:
    """Parts whose figures can all be true at once, put back together.

    Splitting by context keeps apart what no evidence joins; parts that agree
    on some single amount lose nothing by being one topic (their status is
    agree either way) and gain the sources that confirm each other. Parts are
    grouped by the same greedy stabbing as camps, so the work is O(n log n).
    """
    spans: list[tuple[float, float, int]] = []
    alone: list[int] = []
    for n, part in enumerate(parts):
        low = max((c.value.low for c in part if c.value.low is not None), default=-INF)
        high = min((c.value.high for c in part if c.value.high is not None), default=INF)
        if low <= high:
            spans.append((low, high, n))
        else:
            alone.append(n)
    groups: list[list[int]] = [[n] for n in alone]
    point = None
    for low, high, n in sorted(spans, key=lambda s: (s[1], s[2])):
        if point is None or low > point:
            point = high
            groups.append([])
        groups[-1].append(n)
    merged = [sorted((c for n in group for c in parts[n]), key=lambda c: position[c.id]) for group in groups]
    return sorted(merged, key=lambda g: position[g[0].id])
