"""Two sources side by side: what they agree on, where they contradict, what only one says.

Works on a ``Report`` of the two sources analysed together, so that topics and
entities are already aligned across them. Within a topic, claims are paired
one to one, closest values first, when they can both be true (``agree``); a
claim left over that no claim of the other side can agree with is a
``conflict`` (shown against the other side's closest claim); any other claim
left over is the side's own (``only_a`` / ``only_b``). A vague amount
("thousands") is paired only with another vague amount: "thousands" and
"10,000" can both hold, but they are not the same report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .conflicts import compatible
from .errors import UsageError
from .records import Claim, Qualifier, Report


@dataclass(frozen=True, slots=True)
class ClaimRow:
    topic: str
    status: str  # agree | conflict | only_a | only_b
    a: tuple[str, ...]  # claim ids
    b: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntityRow:
    entity: str
    status: str  # shared | only_a | only_b
    a: tuple[str, ...]  # the names each side uses
    b: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    speaker: str  # the speaker's name as shown
    entity: str | None
    status: str  # both | only_a | only_b
    a: tuple[str, ...]  # quote ids
    b: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DateRow:
    """Two reports of one thing (a matched pair of claims) dated differently."""

    topic: str
    a: str  # claim id
    b: str
    a_date: str
    b_date: str


@dataclass(frozen=True, slots=True)
class Diff:
    a: str
    b: str
    claims: tuple[ClaimRow, ...]
    entities: tuple[EntityRow, ...]
    quotes: tuple[QuoteRow, ...]
    dates: tuple[DateRow, ...]

    @property
    def has_conflict(self) -> bool:
        return any(row.status == "conflict" for row in self.claims)


def _midpoint(claim: Claim) -> float:
    value = claim.value
    if value.estimate is not None:
        return value.estimate
    low = value.low if value.low is not None else (value.high or 1) / 10
    high = value.high if value.high is not None else low * 10
    return math.sqrt(max(low, 1e-9) * max(high, 1e-9))


def _distance(a: Claim, b: Claim) -> float:
    return abs(math.log(max(_midpoint(a), 1e-9)) - math.log(max(_midpoint(b), 1e-9)))


def _pairable(a: Claim, b: Claim) -> bool:
    vague = (a.qualifier is Qualifier.VAGUE, b.qualifier is Qualifier.VAGUE)
    return vague[0] == vague[1] and compatible(a.value, b.value)


def _topic_rows(topic: str, side_a: Sequence[Claim], side_b: Sequence[Claim]) -> list[ClaimRow]:
    rows: list[ClaimRow] = []
    candidates = sorted(
        ((_distance(a, b), i, j) for i, a in enumerate(side_a) for j, b in enumerate(side_b) if _pairable(a, b)),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            rows.append(ClaimRow(topic, "agree", (side_a[i].id,), (side_b[j].id,)))
    shown: set[tuple[str, str]] = set()  # conflict pairs: each once, whichever side found it
    for mine, theirs, used, status in ((side_a, side_b, used_a, "only_a"), (side_b, side_a, used_b, "only_b")):
        for index, claim in enumerate(mine):
            if index in used:
                continue
            if theirs and not any(compatible(claim.value, other.value) for other in theirs):
                nearest = min(theirs, key=lambda other: _distance(claim, other))
                pair = (claim.id, nearest.id) if status == "only_a" else (nearest.id, claim.id)
                if pair not in shown:
                    shown.add(pair)
                    rows.append(ClaimRow(topic, "conflict", (pair[0],), (pair[1],)))
            elif status == "only_a":
                rows.append(ClaimRow(topic, status, (claim.id,), ()))
            else:
                rows.append(ClaimRow(topic, status, (), (claim.id,)))
    return rows


def _speaker_key(speaker_text: str, entity: str | None) -> str:
    return entity or speaker_text.casefold().removeprefix("the ")


def diff_sources(report: Report, a: str, b: str) -> Diff:
    """Compare sources ``a`` and ``b`` of ``report``."""
    known = {article.id for article in report.articles}
    for source in (a, b):
        if source not in known:
            raise UsageError(f"no source with id {source!r} in the input (known: {', '.join(sorted(known))})")
    if a == b:
        raise UsageError("diff needs two different sources")

    claim_rows: list[ClaimRow] = []
    dates: list[DateRow] = []
    by_id = {c.id: c for c in report.claims}
    for topic in report.topics:
        side_a = [by_id[i] for i in topic.claims if by_id[i].source == a]
        side_b = [by_id[i] for i in topic.claims if by_id[i].source == b]
        if not side_a and not side_b:
            continue
        rows = _topic_rows(topic.id, side_a, side_b)
        claim_rows.extend(rows)
        for row in rows:
            if row.a and row.b:
                first, second = by_id[row.a[0]], by_id[row.b[0]]
                if first.as_of and second.as_of and first.as_of != second.as_of:
                    dates.append(DateRow(topic.id, first.id, second.id, first.as_of, second.as_of))

    entity_rows = []
    for entity in report.entities:
        names_a = tuple(dict.fromkeys(m.text for m in entity.mentions if m.source == a))
        names_b = tuple(dict.fromkeys(m.text for m in entity.mentions if m.source == b))
        if names_a and names_b:
            entity_rows.append(EntityRow(entity.id, "shared", names_a, names_b))
        elif names_a:
            entity_rows.append(EntityRow(entity.id, "only_a", names_a, ()))
        elif names_b:
            entity_rows.append(EntityRow(entity.id, "only_b", (), names_b))

    entities = {e.id: e for e in report.entities}
    speakers: dict[str, tuple[str, str | None, list[str], list[str]]] = {}
    for quote in report.quotes:
        if quote.speaker is None or quote.source not in (a, b):
            continue
        key = _speaker_key(quote.speaker.text, quote.speaker.entity)
        entity = entities.get(quote.speaker.entity) if quote.speaker.entity else None
        name = entity.name if entity is not None else quote.speaker.text
        slot = speakers.setdefault(key, (name, quote.speaker.entity, [], []))
        (slot[2] if quote.source == a else slot[3]).append(quote.id)
    quote_rows = [
        QuoteRow(name, entity_id, "both" if qa and qb else ("only_a" if qa else "only_b"), tuple(qa), tuple(qb))
        for name, entity_id, qa, qb in speakers.values()
    ]
    order = {"both": 0, "only_a": 1, "only_b": 2}
    quote_rows.sort(key=lambda row: order[row.status])
    entity_order = {"shared": 0, "only_a": 1, "only_b": 2}
    entity_rows.sort(key=lambda row: entity_order[row.status])
    return Diff(a, b, tuple(claim_rows), tuple(entity_rows), tuple(quote_rows), tuple(dates))
