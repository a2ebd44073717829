"""Entities across articles: one person is one entity, whatever each outlet calls them.

Each article's mentions arrive keyed by a normalised name (short forms already
filed under their full name within the article). Here the names of all articles
meet, and are joined only on evidence, each join carrying its reason:

- ``exact`` / ``variant``: the same normalised name (case, accents, hyphens,
  dots, spacing), the same words in another order, or the same letters
  without spaces ("Son-hui" / "Sonhui"); a person's name with or without a
  middle name or initial, or with a short or other spelling of the first name
  ("Frederick C. Orm" / "Fred Orm"); an organisation named after its
  country however both are written ("US Fisheries Department" / "U.S.
  Department of Fisheries");
- ``spelling``: another spelling of a surname beside the same first name; a
  rare slip of the keys in an organisation's or a place's name ("Harrowgaet" beside a frequent "Harrowgate");
- ``short form``: a one-word name that is part of exactly one full person name
  in the whole input ("Putin" / "Vladimir Putin"); an ambiguous one ("Kim"
  when there are two Kims) stays apart; an organisation's name without the
  words of what it does ("Apple" / "Apple Computer Inc."), or without its
  country ("the Coast Guard" / "the United States Coast Guard");
- ``initials``: "J. Kirby" / "John Kirby", when only one full name fits;
- ``acronym``: "KCNA" / "Korean Central News Agency", "US" / "United States";
  an acronym one article defines ("Singapore Airlines (SIA)") in every article;
- ``description``: "Seoul's intelligence agency" / "South Korea's National
  Intelligence Service": the same country, and the description's words in the name;
- ``role``: two people holding the same one-holder role (president, foreign
  minister, secretary-general, ...) for the same country or organisation, in
  different articles of the same story ("Norwegian Health Minister Lena
  Oster" / "Norwegian Health Minister Lena Øster"). Former holders do not
  count, and two different names holding one role inside one article stay apart.

Capitals and seats of government ("Pyongyang", "the Kremlin") stay entities of
their own, linked to the country they stand for.

The joins of people are in ``ncr.people``, those of organisations in
``ncr.organisations``, the graph they build in ``ncr.entity_graph``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .entity_graph import LABEL_PRIORITY, PLACE_LABELS, Components, LocalName, join_equal
from .extract.entities import LocalMention
from .names import country_of_metonym, normalise_name, organisation_key, same_place
from .organisations import (
    join_acronyms, join_defined_acronyms, join_descriptions, join_misspellings, join_organisation_short_forms,
    join_placed_organisations,
)
from .people import join_person_variants, join_roles, join_short_forms
from .records import Entity, Merge, Mention, Metonym


def resolve_entities(mentions_by_source: Sequence[tuple[str, Sequence[LocalMention]]]) -> tuple[Entity, ...]:
    """One ``Entity`` per person, organisation or place across all sources."""
    nodes: list[LocalName] = []
    index_of: dict[tuple[str, str], int] = {}
    for source, mentions in mentions_by_source:
        for mention in mentions:
            slot = (source, mention.key)
            if slot not in index_of:
                index_of[slot] = len(nodes)
                nodes.append(LocalName(source, mention.key))
            nodes[index_of[slot]].mentions.append(mention)
    for node in nodes:
        node.freeze()

    components = Components(nodes)
    join_equal(components, [n.key for n in nodes], None)
    multi = [" ".join(sorted(n.key.split())) if len(n.key.split()) > 1 else None for n in nodes]
    join_equal(components, multi, "variant")
    join_equal(components, [n.key.replace(" ", "") if n.label == "PERSON" else None for n in nodes], "variant")
    join_equal(components, [organisation_key(n.key) if n.label == "ORG" else None for n in nodes], "variant")
    join_person_variants(components)
    join_misspellings(components)
    join_short_forms(components)
    join_placed_organisations(components)
    join_defined_acronyms(components)
    join_acronyms(components)
    join_organisation_short_forms(components)
    join_roles(components)
    join_descriptions(components)
    return _build(nodes, components)


def _build(nodes: Sequence[LocalName], components: Components) -> tuple[Entity, ...]:
    groups: dict[int, list[int]] = {}
    for index in range(len(nodes)):
        groups.setdefault(components.find(index), []).append(index)
    merges_of: dict[int, list[Merge]] = {}
    for a, b, reason in components.merges:
        merge = Merge(nodes[a].display, nodes[b].display, reason)
        existing = merges_of.setdefault(components.find(a), [])
        if merge not in existing:  # the same name in five articles is one "exact", not four
            existing.append(merge)
    for index, node in enumerate(nodes):
        for mention in node.mentions:
            if mention.short_form_of is not None:
                merge = Merge(node.display, mention.text, "short form")
                existing = merges_of.setdefault(components.find(index), [])
                if merge not in existing and mention.text != node.display:
                    existing.append(merge)

    source_order = {source: rank for rank, source in enumerate(dict.fromkeys(n.source for n in nodes))}
    entities: list[Entity] = []
    for number, (root, members) in enumerate(sorted(groups.items(), key=lambda item: min(item[1])), start=1):
        mentions = [m for i in members for m in nodes[i].mentions]
        member_nodes = [nodes[i] for i in members]
        labels = Counter(n.label for n in member_nodes for _ in n.mentions)
        label = "PERSON" if "PERSON" in labels else min(labels, key=lambda lab: (-labels[lab], LABEL_PRIORITY.get(lab, 9)))
        counts = Counter(m.text for m in mentions)
        aliases = tuple(sorted(counts))
        name = max(aliases, key=lambda a: (len(a.split()), counts[a], -aliases.index(a)))
        roles = tuple(dict.fromkeys(r.title for m in mentions for r in m.roles))
        entities.append(
            Entity(
                id=f"E{number}",
                name=name,
                label=label,
                aliases=aliases,
                roles=roles,
                mentions=tuple(
                    sorted(
                        (
                            Mention(source=n.source, start=m.start, end=m.end, text=m.text, label=m.label)
                            for n in member_nodes
                            for m in n.mentions
                        ),
                        key=lambda m: (source_order[m.source], m.start),
                    )
                ),
                merges=tuple(merges_of.get(root, ())),
            )
        )
    return _link_metonyms(entities)


def _link_metonyms(entities: list[Entity]) -> tuple[Entity, ...]:
    """Link "Pyongyang", "the Kremlin" to the country they stand for."""
    places = [(normalise_name(e.name), e.id) for e in entities if e.label in PLACE_LABELS]
    linked = []
    for entity in entities:
        country = country_of_metonym(normalise_name(entity.name)) if entity.label != "PERSON" else None
        if country is None:
            linked.append(entity)
            continue
        target = next((eid for key, eid in places if same_place(key, country) and eid != entity.id), None)
        linked.append(replace(entity, metonym_of=Metonym(country=country, entity=target)))
    return tuple(linked)
