"""Entities across articles: mentions filed under the same name become one entity.

Each article's mentions arrive already keyed by a normalised name (short forms
resolved to their full name within the article). Here the keys of all articles
meet: equal keys are one entity, and a one-word key ("Rutte") joins the
only multi-word person name across the articles that contains it. Ids are
assigned in order of first appearance, so they are stable for the same input.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from .extract.entities import LocalMention
from .records import Entity, Mention

# When spaCy disagrees with itself about a name, prefer the more specific label.
_LABEL_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "FAC": 5}


def resolve_entities(mentions_by_source: Sequence[tuple[str, Sequence[LocalMention]]]) -> tuple[Entity, ...]:
    """One ``Entity`` per name across all sources, with every mention and alias."""
    person_words: dict[str, set[str]] = defaultdict(set)
    for _, mentions in mentions_by_source:
        for mention in mentions:
            words = mention.key.split()
            if mention.label == "PERSON" and len(words) > 1:
                for word in words:
                    person_words[word].add(mention.key)

    grouped: dict[str, list[Mention]] = {}
    for source, mentions in mentions_by_source:
        for mention in mentions:
            key = mention.key
            candidates = person_words.get(key, set())
            if len(key.split()) == 1 and len(candidates) == 1:
                key = next(iter(candidates))
            grouped.setdefault(key, []).append(
                Mention(source=source, start=mention.start, end=mention.end, text=mention.text, label=mention.label)
            )

    entities = []
    for number, (key, mentions) in enumerate(grouped.items(), start=1):
        labels = Counter(m.label for m in mentions)
        label = min(labels, key=lambda lab: (-labels[lab], _LABEL_PRIORITY.get(lab, 9)))
        if any(m.label == "PERSON" and len(m.text.split()) > 1 for m in mentions):
            label = "PERSON"
        aliases = tuple(sorted({m.text for m in mentions}))
        counts = Counter(m.text for m in mentions)
        name = max(aliases, key=lambda a: (len(a.split()), counts[a], -aliases.index(a)))
        entities.append(
            Entity(id=f"E{number}", name=name, label=label, aliases=aliases, roles=(), mentions=tuple(mentions))
        )
    return tuple(entities)


def entity_at(entities: Sequence[Entity], source: str, start: int, end: int) -> Entity | None:
    """The entity with a mention in ``source`` covering characters ``start:end``."""
    for entity in entities:
        for mention in entity.mentions:
            if mention.source == source and mention.start <= start and end <= mention.end:
                return entity
    return None
