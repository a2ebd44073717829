"""Joining claims that say less to the topic whose figures they fit.

A claim that says nothing of what happened ("Forty tenants"), or counts a noun
no class lists ("three rangers were killed"), or gives no day for a count of an
occasion ("a dozen had been detained"), has too little in its key to find its topic.
It joins the one candidate topic whose figures its own fits, read strictly: on
the same day, an open bound reaching only a little past its figure. ``ncr.align``
decides which topics are candidates; this module only fits and moves claims.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .relations import bounds, compatible, moment
from .lexicon import COUNT_CLASSES, FEMALE_WORDS, GENERIC_PERSON_CLASSES, MALE_WORDS, STATES
from .records import Claim, Interval

Key = tuple[str, str, str, str]  # (class, state, event, group)

# States that happen on a day and are counted per occasion: "17 people were arrested
# on Friday" and "two were arrested on Tuesday" are two counts, not a revision.
DAY_BOUND_STATES = frozenset({"gathered", "captured"})
# Claims of a candidate topic a figure is compared with (the work stays linear).
SAMPLE = 50
CLASS_NAMES = frozenset(COUNT_CLASSES.values())
# What can happen to counted things; a key's other "states" are only the verb of undescribed people.
KNOWN_STATES = frozenset(STATES.values())


# States that happen to people (or animals), not to things: a count of any noun in one of
# these, said of the story's people, is likely a count of them.
PERSON_STATES = frozenset({"killed", "injured", "casualties", "shot", "captured", "missing", "ill", "hospitalised"})


def people_of_state(key: Key, stated: dict[tuple[str, str, str], list[Key]]) -> list[Key]:
    """For a count of a noun no class lists ("three rangers were killed"), the story's count of
    people in the same state it may be ("three people died"): of its group, or of any one
    group when it has none."""
    kind, state, event, group = key
    if state not in PERSON_STATES or kind in COUNT_CLASSES or kind in CLASS_NAMES or " (" in kind:
        return []
    people = [k for k in stated.get(("people", event, group), []) if k[1] == state]
    if not people and not group:
        people = [k for (c, e, _), keys in stated.items() if c == "people" and e == event for k in keys if k[1] == state]
    return people


def join_fitting(
    claims: list[Claim], siblings: list[list[Claim]], position: dict[str, int], figures: Figures | None = None
) -> list[Claim]:
    """Move the claims that fit the only sibling topic their figures fit into it; return the rest.

    ``figures``: what fitting reads of each claim, kept across calls (a topic is the
    sibling of many others)."""
    figure = (figures if figures is not None else Figures()).of
    mine = [figure(c) for c in claims]
    target = _fitting_sibling(siblings, mine, figure)
    if target is None:
        return claims
    joined = len(target)
    seen = [figure(t) for t in target[:SAMPLE]]
    added: list[_Figure] = []
    for own in mine:
        if any(own.fits(t) for t in [*seen, *added[:SAMPLE]]):
            target.append(own.claim)  # seen by the next claims' fit, as it joins
            added.append(own)
    if len(target) == joined:
        return claims
    moved = {c.id for c in target[joined:]}
    target.sort(key=lambda c: position[c.id])
    return [c for c in claims if c.id not in moved]


def _fitting_sibling(siblings: list[list[Claim]], mine: list[_Figure], figure: Callable[[Claim], _Figure]) -> list[Claim] | None:
    """The stated topic a state-less group of claims joins: the only one whose figures fit theirs,
    or, when several do, the only one that fits in an article of their own ("two women" beside
    "two co-workers were killed" in one report, though another says two were hurt)."""
    samples = [[figure(t) for t in s[:SAMPLE]] for s in siblings]
    genders = {f.gender for f in mine} - {None}
    fits = [
        n for n, sample in enumerate(samples)
        if any(f.fits(t) for f in mine for t in sample) and not any(t.gender and t.gender not in genders for t in sample if genders)
    ]
    if len(fits) > 1:
        mine_by_source: dict[str, list[_Figure]] = {}
        for f in mine:
            mine_by_source.setdefault(f.claim.source, []).append(f)
        fits = [
            n for n in fits
            if any(f.fits(t) for t in samples[n] for f in mine_by_source.get(t.claim.source, ()))
        ]
    return siblings[fits[0]] if len(fits) == 1 else None


# How far past its figure an open bound reaches when a figure is matched to it: "more than
# 40" is rarely said of 60 or more, so it fits 45 but not 400.
OPEN_REACH = 1.5


# Below this, one figure given on two days is as likely two counts as one recalled.
RECALLED_FROM = 10


@dataclass(frozen=True, slots=True)
class _Figure:
    """A claim with what fitting compares of it, worked out once: its day and its reach."""

    claim: Claim
    day: str | None
    low: float  # its reach, as floats (``_reach``, ``relations.bounds``)
    high: float
    gender: str | None  # "female" or "male" when the counted words say (women, men, wives)

    @classmethod
    def of(cls, claim: Claim) -> _Figure:
        return cls(claim, moment(claim), *bounds(_reach(claim.value), 0.0), gender_of(claim))

    def fits(self, stated: _Figure) -> bool:
        """Whether this figure can be one a stated claim gives: on the same day (when both
        have one, unless the text says the figure rose or fell, or repeats the very figure,
        ``RECALLED_FROM`` or more), an open bound reaching only ``OPEN_REACH`` past its
        figure. "More than 15 guests fell ill" says nothing of a hotel's 400 guests, nor
        Monday's toll of Wednesday's "three people"; "about 350 homes" recalls "about 350
        homes were evacuated" of the day before."""
        if (self.day and stated.day and self.day != stated.day and self.claim.phase == 0
                and not _recalled(self.claim, stated.claim)):
            return False
        return self.low <= stated.high and stated.low <= self.high


_GENDER_WORDS = FEMALE_WORDS | MALE_WORDS


def gender_of(claim: Claim) -> str | None:
    """ "female" or "male" when the words of what is counted say ("two women", "the male
    staff"), else None: "two women" are not "the two men" arrested, whatever their figure."""
    words = [*claim.unit.split(), *claim.subject.lower().split()]
    if _GENDER_WORDS.isdisjoint(words):
        return None
    female, male = not FEMALE_WORDS.isdisjoint(words), not MALE_WORDS.isdisjoint(words)
    return "female" if female and not male else "male" if male and not female else None


class Figures(dict[str, _Figure]):
    """Each claim's ``_Figure``, by claim id, worked out on first use."""

    def of(self, claim: Claim) -> _Figure:
        found = self.get(claim.id)
        if found is None:
            found = self[claim.id] = _Figure.of(claim)
        return found


def _recalled(claim: Claim, stated: Claim) -> bool:
    return claim.value == stated.value and (claim.value.high or claim.value.low or 0) >= RECALLED_FROM


def _reach(value: Interval) -> Interval:
    """The interval with an open bound closed ``OPEN_REACH`` past the figure it gives."""
    low, high = value.low, value.high
    if high is None and low is not None:
        high = low * OPEN_REACH
    elif low is None and high is not None:
        low = high / OPEN_REACH
    return Interval(low, high, value.estimate)


def stated_class(kind: str) -> str:
    """The class a kind joins once a state is said: "resident", "child" → "people"; so does a
    generic class itself ("victims" are "casualties", "staff" are "workers")."""
    return "people" if kind in GENERIC_PERSON_CLASSES or COUNT_CLASSES.get(kind) in GENERIC_PERSON_CLASSES else kind


# How many days before its own date an undated report can be about a dated occasion ("46 had
# been arrested" in Friday's paper, of Wednesday night's protest).
OCCASION_LAG_DAYS = 3


def join_dated_occasions(order: list[Key], members: dict[Key, list[Claim]], position: dict[str, int]) -> None:
    """An undated count of a day-bound state joins the one dated occasion its figure fits.

    "38 people had been arrested" (no day) beside "38 were arrested Wednesday night"
    is Wednesday's count, not a later revision of Monday's one arrest: it moves to
    the occasion whose figures fit its own, dated no later than the claim and at
    most ``OCCASION_LAG_DAYS`` before it, when exactly one does. A figure the text
    marks as a revision ("revised the estimate up to 19,000") need not fit.
    """
    dated: dict[tuple[str, str, str], list[Key]] = {}
    for key in order:
        if key[1] in DAY_BOUND_STATES and key[2].startswith("on "):
            dated.setdefault((key[0], key[1], key[3]), []).append(key)
    moved: set[Key] = set()
    for key in order:
        occasions = dated.get((key[0], key[1], key[3]))
        if key[2] or not occasions:
            continue
        staying = []
        for claim in members[key]:
            fits = [
                k for k in occasions
                if claim.as_of and _days_before(k[2][3:], claim.as_of) in range(OCCASION_LAG_DAYS + 1)
                and (claim.phase != 0 or any(compatible(claim.value, t.value) for t in members[k][:SAMPLE]))
            ]
            if len(fits) == 1:
                members[fits[0]].append(claim)  # seen by the next claims' fit, as it joins
                moved.add(fits[0])
            else:
                staying.append(claim)
        members[key] = staying
    for target in moved:
        members[target].sort(key=lambda c: position[c.id])


def _days_before(day: str, later: str) -> int:
    """Days from ``day`` to ``later`` (YYYY-MM-DD prefixes); -1 when either does not parse."""
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(day[:10])).days
    except ValueError:
        return -1
