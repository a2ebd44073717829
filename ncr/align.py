"""Alignment: claims about the same measured thing, across sources, share a topic.

Two claims measure the same thing when their counted nouns fall in the same
class (troops, soldiers, forces and personnel are all military personnel),
the same thing happened to them (killed, injured, or nothing said), and they
belong to the same group (North Korean / North Korea's / of North Korea).
A claim whose group the text leaves open joins the one topic of its class and
state, if there is exactly one; otherwise it stays on its own.

Whether a topic's sources agree is ``ncr.conflicts``'s question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .names import place_key, same_place
from .records import Claim


def _canonical_groups(groups: Sequence[str]) -> dict[str, str]:
    """Map each group key to one representative of the groups it names the same place as."""
    canonical: dict[str, str] = {}
    representatives: list[str] = []
    for group in sorted(set(groups), key=lambda g: (len(g), g)):
        match = next((rep for rep in representatives if same_place(rep, group)), None)
        if match is None:
            representatives.append(group)
            match = group
        canonical[group] = match
    return canonical


def topic_key(claim: Claim, group: str | None) -> tuple[str, str, str]:
    return (claim.kind, claim.state or "", group or "")


def assign_topics(claims: Sequence[Claim]) -> tuple[list[Claim], dict[str, tuple[str, ...]], dict[str, str]]:
    """Give every claim a topic id.

    Returns the claims with ``topic`` set, the claim ids of each topic, and each
    topic's label (the subject phrasing its claims use most).
    """
    groups = {c.id: place_key(c.group) for c in claims if c.group}
    canonical = _canonical_groups(list(groups.values()))
    keys: dict[str, tuple[str, str, str]] = {}
    for claim in claims:
        keys[claim.id] = topic_key(claim, canonical[groups[claim.id]] if claim.id in groups else None)
    # A claim with no group joins the single grouped topic of its class and state.
    grouped_keys: dict[tuple[str, str], set[str]] = {}
    for key in keys.values():
        if key[2]:
            grouped_keys.setdefault(key[:2], set()).add(key[2])
    for claim_id, key in keys.items():
        if not key[2] and len(grouped_keys.get(key[:2], ())) == 1:
            keys[claim_id] = (*key[:2], next(iter(grouped_keys[key[:2]])))

    order: list[tuple[str, str, str]] = []
    members: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        key = keys[claim.id]
        if key not in members:
            order.append(key)
            members[key] = []
        members[key].append(claim)
    # Topics reported by more sources first; ties keep first appearance.
    order.sort(key=lambda k: (-len({c.source for c in members[k]}), -len(members[k])))

    topic_of: dict[str, str] = {}
    topic_claims: dict[str, tuple[str, ...]] = {}
    labels: dict[str, str] = {}
    for number, key in enumerate(order, start=1):
        topic_id = f"T{number}"
        topic_claims[topic_id] = tuple(c.id for c in members[key])
        labels[topic_id] = _label(members[key])
        for claim in members[key]:
            topic_of[claim.id] = topic_id
    return [replace(c, topic=topic_of[c.id]) for c in claims], topic_claims, labels


def _label(claims: Sequence[Claim]) -> str:
    """The most common subject phrasing; ties go to the longer (more specific) one."""
    counts = Counter(c.subject for c in claims)
    return max(counts, key=lambda s: (counts[s], len(s), s))
