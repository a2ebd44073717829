"""Alignment: claims about the same measured thing of the same event share a topic.

Two claims measure the same thing when their counted nouns fall in the same
class (troops, soldiers, forces and personnel are all military personnel;
people, crowds and marchers counted at a march are all people), the same thing
happened to them (killed, injured, arrested, gathered, or nothing said), they
belong to the same group (North Korean / North Korea's / of North Korea), and
they are about the same event: a figure the text ties to another year or to a
standing fact (``extract.timing``) never joins the story's own.
A claim whose group the text leaves open joins the one topic of its class,
state and event, if there is exactly one; otherwise it stays on its own.

Whether a topic's sources agree is ``ncr.conflicts``'s question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .names import place_key, same_place
from .records import Claim, TopicKey


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


Key = tuple[str, str, str, str]  # (class, state, event, group)


def topic_key(claim: Claim, group: str | None) -> Key:
    return (claim.kind, claim.state or "", claim.event or "", group or "")


def assign_topics(
    claims: Sequence[Claim],
) -> tuple[list[Claim], dict[str, tuple[str, ...]], dict[str, str], dict[str, TopicKey]]:
    """Give every claim a topic id.

    Returns the claims with ``topic`` set, the claim ids of each topic, each
    topic's label (the subject phrasing its claims use most) and its key.
    """
    groups = {c.id: place_key(c.group) for c in claims if c.group}
    canonical = _canonical_groups(list(groups.values()))
    keys: dict[str, Key] = {}
    for claim in claims:
        keys[claim.id] = topic_key(claim, canonical[groups[claim.id]] if claim.id in groups else None)
    # A claim with no group joins the single grouped topic of its class, state and event.
    grouped_keys: dict[tuple[str, str, str], set[str]] = {}
    for key in keys.values():
        if key[3]:
            grouped_keys.setdefault(key[:3], set()).add(key[3])
    for claim_id, key in keys.items():
        if not key[3] and len(grouped_keys.get(key[:3], ())) == 1:
            keys[claim_id] = (*key[:3], next(iter(grouped_keys[key[:3]])))

    order: list[Key] = []
    members: dict[Key, list[Claim]] = {}
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
    topic_keys: dict[str, TopicKey] = {}
    for number, key in enumerate(order, start=1):
        topic_id = f"T{number}"
        topic_claims[topic_id] = tuple(c.id for c in members[key])
        labels[topic_id] = _label(members[key])
        first_group = next((c.group for c in members[key] if c.group), None)
        topic_keys[topic_id] = TopicKey(key[0], key[1] or None, first_group, key[2] or None)
        for claim in members[key]:
            topic_of[claim.id] = topic_id
    return [replace(c, topic=topic_of[c.id]) for c in claims], topic_claims, labels, topic_keys


def _label(claims: Sequence[Claim]) -> str:
    """The most common subject phrasing; ties go to the longer (more specific) one."""
    counts = Counter(c.subject for c in claims)
    return max(counts, key=lambda s: (counts[s], len(s), s))
