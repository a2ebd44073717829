"""Human-readable forms of amounts, intervals and attributions, shared by every renderer."""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..records import Attribution, Camp, Claim, Entity, Interval, Qualifier, Quote, Report, Topic


def amount(value: float | None) -> str:
    """``10000.0`` → ``"10,000"``, ``1.5`` → ``"1.5"``."""
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def many(count: int, word: str, plural: str | None = None) -> str:
    """``"1 source"``, ``"5 sources"``, ``"1 entity"`` / ``"2 entities"`` (``plural`` when not word + "s")."""
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def whole(low: float | None, high: float | None) -> tuple[float | None, float | None]:
    """The bounds of a count as the whole numbers they hold: "about 12 people" is 10.8–13.2
    in the JSON (±10 %), and 11–13 for a reader, the same counts (a count is a whole
    number, so no comparison changes). Bounds that hold no whole number stay as they are."""
    up = None if low is None else float(math.ceil(low - 1e-9))
    down = None if high is None else float(math.floor(high + 1e-9))
    if up is not None and down is not None and up > down:
        return low, high
    return up, down


def interval(value: Interval) -> str:
    """``"1,350–1,650"``, ``"≥ 600,000"``, ``"≤ 12,000"``, ``"10,000"``; bounds of a count in
    whole numbers (``whole``)."""
    if value.low is None and value.high is None:
        return "any"
    low, high = whole(value.low, value.high)
    value = Interval(low, high, value.estimate)
    if value.low is None:
        return f"≤ {amount(value.high)}"
    if value.high is None:
        return f"≥ {amount(value.low)}"
    if value.low == value.high:
        return amount(value.low)
    return f"{amount(value.low)}–{amount(value.high)}"


def bounds(low: float | None, high: float | None) -> str:
    return interval(Interval(low, high, None))


def who(attribution: Attribution | None, entities: Mapping[str, Entity]) -> str:
    """The speaker as written; a pronoun is shown with the name or speaker it stands for, and
    a speaker resolved to an entity whose name the words do not contain with that name:
    "Oster → Lena Oster" (a short form, another spelling, a role), so that the claims read
    with the same name as who-said-what and the entities."""
    if attribution is None:
        return "unattributed"
    entity = entities.get(attribution.entity) if attribution.entity else None
    pronoun = attribution.text.lower() in {"he", "she", "him", "her", "it", "they"}
    if pronoun and entity is not None:
        return f"{attribution.text} ({entity.name})"
    if pronoun and attribution.refers_to:
        return f"{attribution.text} ({attribution.refers_to})"
    if entity is not None and not _names(attribution.text, entity.name):
        return f"{attribution.text} → {entity.name}"
    return attribution.text


def _names(written: str, name: str) -> bool:
    """True when the words as written contain the entity's name ("the Storting", "Storting")."""
    words = " ".join(written.replace("’", "'").casefold().replace("'s ", " ").split())
    return f" {' '.join(name.replace('’', chr(39)).casefold().split())} " in f" {words} "


_LABEL_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "FAC": 4, "NORP": 5}


def entities_in_order(report: Report) -> list[Entity]:
    """People first, then organisations, places and nationalities; first seen first."""
    return sorted(report.entities, key=lambda e: (_LABEL_ORDER.get(e.label, 9), int(e.id[1:])))


def names_by_source(entity: Entity) -> dict[str, list[str]]:
    """Each source's distinct names for an entity, in order of appearance."""
    names: dict[str, list[str]] = {}
    for mention in entity.mentions:
        seen = names.setdefault(mention.source, [])
        if mention.text not in seen:
            seen.append(mention.text)
    return names


def speaker_groups(report: Report) -> list[tuple[str, list[Quote]]]:
    """Quotes grouped by speaker (their entity, else the words naming them), most quoted first.

    Quotes with no speaker are left out: they say nothing of who said what.
    """
    entities = {e.id: e for e in report.entities}
    groups: dict[str, list[Quote]] = {}
    names: dict[str, str] = {}
    for quote in report.quotes:
        if quote.speaker is None:
            continue
        entity = entities.get(quote.speaker.entity) if quote.speaker.entity else None
        key = entity.id if entity is not None else quote.speaker.text.casefold().removeprefix("the ")
        names.setdefault(key, entity.name if entity is not None else quote.speaker.text)
        groups.setdefault(key, []).append(quote)
    order = sorted(groups, key=lambda k: (-len({q.source for q in groups[k]}), -len(groups[k]), names[k]))
    return [(names[k], groups[k]) for k in order]


def snippet(quote: Quote, width: int = 70) -> str:
    """A quote shortened for a table cell: direct quotes in quotation marks."""
    text = " ".join(quote.text.split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return f"“{text}”" if quote.direct else text


def as_written(claim: Claim) -> str:
    """The number and what it counts, readable: "thousands of troops", "an estimated 10,000 troops",
    with how sure the text is: "300 people killed (reportedly)"."""
    joiner = " of " if claim.qualifier is Qualifier.VAGUE and claim.text.lower().endswith("s") else " "
    return f"{claim.text}{joiner}{claim.subject}{hedged(claim)}"


def hedged(claim: Claim) -> str:
    """The cues that hedge a claim, as " (reportedly)", " (may)", " (denied)"; "" when stated plainly."""
    if claim.certainty is None:
        return ""
    return f" ({' '.join(dict.fromkeys(cue.lower() for cue in claim.certainty.cues))})"


def camp_line(camp: Camp, claims: Mapping[str, Claim]) -> str:
    """ "1,350–1,650: Seoul's intelligence agency (002); outlet (001, 003)": who holds a range."""
    holders: dict[str, list[str]] = {}
    for claim_id in camp.claims:
        claim = claims[claim_id]
        name = claim.attributed_to.text if claim.attributed_to else "the outlet itself"
        sources = holders.setdefault(name, [])
        if claim.source not in sources:
            sources.append(claim.source)
    who_holds = "; ".join(f"{name} ({', '.join(sources)})" for name, sources in holders.items())
    return f"{bounds(camp.low, camp.high)}: {who_holds}"


def topic_notes(topic: Topic, claims: Mapping[str, Claim]) -> list[str]:
    """What a reader needs under a topic's table: camps of a conflict, revisions, copies."""
    notes: list[str] = []
    if topic.conflicts and len(topic.camps) > 1:
        notes.append("✗ cannot all be true: " + "  vs  ".join(camp_line(c, claims) for c in topic.camps))
    for earlier, later in topic.updates:
        a, b = claims[earlier], claims[later]
        def said(c: Claim) -> str:
            speaker = c.attributed_to.text if c.attributed_to else "unattributed"
            return f"{c.id} {interval(c.value)} {speaker}, {c.source}, {c.as_of or ('earlier' if c is a else 'later')}"

        notes.append(f"↻ {said(a)} → {said(b)}: a revision, not a contradiction")
    for group in topic.copies:
        notes.append(f"≡ same copy, counted once: {', '.join(group)}")
    return notes
