"""Entities across articles: one person is one entity, whatever each outlet calls them.

Each article's mentions arrive keyed by a normalised name (short forms already
filed under their full name within the article). Here the names of all articles
meet, and are joined only on evidence, each join carrying its reason:

- ``exact`` / ``variant``: the same normalised name (case, accents, hyphens,
  dots, spacing), the same words in another order, or the same letters
  without spaces ("Son-hui" / "Sonhui");
- ``short form``: a one-word name that is part of exactly one full person name
  in the whole input ("Putin" / "Vladimir Putin"); an ambiguous one ("Kim"
  when there are two Kims) stays apart; an organisation's name without the
  words of what it does ("Apple" / "Apple Computer Inc.");
- ``initials``: "J. Kirby" / "John Kirby", when only one full name fits;
- ``acronym``: "KCNA" / "Korean Central News Agency", "US" / "United States";
  an acronym one article defines ("Singapore Airlines (SIA)") in every article;
- ``description``: "Seoul's intelligence agency" / "South Korea's National
  Intelligence Service": the same country, and the description's words in the name;
- ``role``: two people holding the same one-holder role (president, foreign
  minister, secretary-general, ...) for the same country or organisation, in
  different articles of the same story ("North Korean Foreign Minister Choe
  Son Hui" / "North Korean Foreign Minister Cui Shanji"). Former holders do not
  count, and two different names holding one role inside one article stay apart.

Capitals and seats of government ("Pyongyang", "the Kremlin") stay entities of
their own, linked to the country they stand for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from .disjoint import DisjointSets
from .extract.acronyms import is_acronym
from .extract.entities import LocalMention
from .lexicon import BUSINESS_WORDS, DEMONYMS, LEGAL_FORMS, ORG_TYPE_NOUNS, SINGULAR_ROLES
from .names import (
    acronym, body_first, country_of_metonym, normalise_name, organisation_key, place_blocks, placed_organisation, same_place,
)
from .records import Entity, Merge, Mention, Metonym

# When spaCy disagrees with itself about a name, prefer the more specific label.
_LABEL_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "FAC": 5}
_PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass(slots=True)
class _Local:
    """All mentions of one name in one article."""

    source: str
    key: str
    mentions: list[LocalMention] = field(default_factory=list)
    chosen_label: str | None = None  # ``label``, once all mentions are in (``freeze``)

    def freeze(self) -> None:
        """Fix the label now that every mention is added: it is read many times after."""
        self.chosen_label = self._label()

    @property
    def label(self) -> str:
        return self.chosen_label if self.chosen_label is not None else self._label()

    def _label(self) -> str:
        labels = Counter(m.label for m in self.mentions)
        if "PERSON" in labels and (any(m.roles for m in self.mentions) or len(self.key.split()) > 1):
            return "PERSON"
        return min(labels, key=lambda lab: (-labels[lab], _LABEL_PRIORITY.get(lab, 9)))

    @property
    def display(self) -> str:
        """The fullest way this article writes the name."""
        texts = [m.text for m in self.mentions if m.short_form_of is None] or [m.text for m in self.mentions]
        return max(texts, key=lambda t: (len(t.split()), len(t)))


class _Components:
    """Union-find over local entities that remembers why each join was made."""

    def __init__(self, nodes: Sequence[_Local]) -> None:
        self.nodes = nodes
        self.sets = DisjointSets(len(nodes))
        self.merges: list[tuple[int, int, str]] = []

    def find(self, i: int) -> int:
        return self.sets.find(i)

    def join(self, a: int, b: int, reason: str) -> None:
        if self.sets.join(a, b):
            self.merges.append((a, b, reason))


def _join_equal(components: _Components, keys: Sequence[str | None], reason: str | None) -> None:
    """Join nodes whose ``keys`` are equal (None never joins)."""
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in first:
            a = first[key]
            why = reason or ("exact" if components.nodes[a].display == components.nodes[index].display else "variant")
            components.join(a, index, why)
        else:
            first[key] = index


def _unique_match(candidates: set[str]) -> str | None:
    return next(iter(candidates)) if len(candidates) == 1 else None


# Words after a surname that are no part of it ("William Clay Ford Jr.").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# How alike two spellings of a first name must be (Jaro-Winkler) to be one ("Bettie" / "Betty").
FIRST_NAME_SIMILARITY = 0.88
# How alike two spellings of a surname must be (rapidfuzz ratio) beside one first name ("Rait" / "Raite").
SURNAME_SIMILARITY = 85


def _name_parts(key: str) -> tuple[str, tuple[str, ...], str]:
    """(first, middle words, surname) of a person's normalised name, suffixes dropped."""
    words = key.split()
    while len(words) > 2 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words[0], tuple(words[1:-1]), words[-1]


def _same_first_name(a: str, b: str) -> bool:
    """ "fred" / "frederick" (one begins the other), "bettie" / "betty" (a spelling)."""
    if a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))):
        return True
    return len(a) > 1 and len(b) > 1 and JaroWinkler.similarity(a, b) >= FIRST_NAME_SIMILARITY


def _same_middle(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """No middle name, or the same ones, initials matching their names ("m" / "marie")."""
    a = tuple(w for w in a if w != "the")
    b = tuple(w for w in b if w != "the")
    if not a or not b:
        return True
    return len(a) == len(b) and all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b))


def _join_person_variants(components: _Components) -> None:
    """ "Dirk A. Kempthorne" / "Dirk Kempthorne", "Frederick C. LaRue" / "Fred LaRue",
    "Bettie Page" / "Betty Page", "Duncan Rait" / "Duncan Raite": full names of one person
    written with or without a middle name or initial, with a short or another spelling of
    the first name, or another spelling of the surname beside the same first name. Two
    different middle names ("George H. W." / "George W.") stay apart. Names are compared
    only within a surname, or within a first name for spellings of the surname.
    """
    nodes = components.nodes
    full = {n.key: i for i, n in enumerate(nodes) if n.label == "PERSON" and len(n.key.split()) > 1}
    by_surname: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for key in full:
        first, _, surname = _name_parts(key)
        by_surname.setdefault(surname, []).append(key)
        by_first.setdefault(first, []).append(key)
    for keys in by_surname.values():
        for i, a in enumerate(keys):
            first_a, middle_a, _ = _name_parts(a)
            for b in keys[i + 1 :]:
                first_b, middle_b, _ = _name_parts(b)
                if _same_first_name(first_a, first_b) and _same_middle(middle_a, middle_b):
                    components.join(full[a], full[b], "variant")
    for keys in by_first.values():
        for i, a in enumerate(keys):
            _, middle_a, surname_a = _name_parts(a)
            for b in keys[i + 1 :]:
                _, middle_b, surname_b = _name_parts(b)
                if (surname_a != surname_b and surname_a[0] == surname_b[0] and min(len(surname_a), len(surname_b)) >= 4
                        and fuzz.ratio(surname_a, surname_b) >= SURNAME_SIMILARITY and _same_middle(middle_a, middle_b)):
                    components.join(full[a], full[b], "spelling")


def _join_short_forms(components: _Components) -> None:
    nodes = components.nodes
    full = {n.key: i for i, n in reversed(list(enumerate(nodes))) if n.label == "PERSON" and len(n.key.split()) > 1}
    by_word: dict[str, set[str]] = {}
    by_last: dict[str, list[str]] = {}  # full names by their last word, for initials
    for key in full:
        for word in key.split():
            by_word.setdefault(word, set()).add(key)
        by_last.setdefault(key.split()[-1], []).append(key)
    for index, node in enumerate(nodes):
        words = node.key.split()
        if node.label != "PERSON":
            continue
        if len(words) == 1:
            # Full names already joined as one person count once ("Bettie Page", "Betty Page").
            people = {components.find(full[k]): k for k in sorted(by_word.get(words[0], set()))}
            match = _unique_match(set(people.values())) if len(people) == 1 else None
            if match is not None:
                components.join(full[match], index, "short form")
        elif len(words[0]) == 1:  # "j kirby"
            matches = {k for k in by_last.get(words[-1], ()) if k.split()[0].startswith(words[0]) and k != node.key}
            match = _unique_match(matches)
            if match is not None:
                components.join(full[match], index, "initials")


# The share of the articles writing a short name that must agree on the longer name it stands for.
AGREEING_ARTICLES = 0.75


def _join_organisation_short_forms(components: _Components) -> None:
    """ "Cerberus" / "Cerberus Capital Management", "China Eastern" / "China Eastern
    Airlines": an organisation name whose words begin longer organisation names
    that add only words of what a business does or is (``BUSINESS_WORDS``, legal
    forms, kinds of body; not "Apple Corps", "GM Europe" or "Chrysler Aspen") is
    the one longer name it begins; when it begins
    several ("Apple Computer", "Apple Corps"), the one whose articles name most of
    the other names its own article names, when one clearly does. A short name
    already joined across articles moves only when every article agrees on what
    it stands for (``AGREEING_ARTICLES`` of them). Names are filed under their prefixes, so nothing is compared
    all with all.
    """
    nodes = components.nodes
    by_prefix: dict[str, dict[str, int]] = {}  # prefix -> longer organisation key -> first node
    first_of: dict[str, int] = {}
    for index, node in enumerate(nodes):
        words = organisation_key(node.key).split() if node.label == "ORG" else []
        for cut in range(1, len(words)):
            if all(w in BUSINESS_WORDS or w in LEGAL_FORMS or w in ORG_TYPE_NOUNS for w in words[cut:]):
                by_prefix.setdefault(" ".join(words[:cut]), {}).setdefault(" ".join(words), index)
        if len(words) > 1:
            first_of.setdefault(" ".join(words), index)
    context = _names_by_source(nodes)
    chosen: dict[int, dict[int, str]] = {}  # component -> node -> the longer name it begins
    for index, node in enumerate(nodes):
        if node.label != "ORG":
            continue
        candidates = _outermost(by_prefix.get(organisation_key(node.key), {}))
        if len(candidates) > 1:
            candidates = _best_in_context(node, candidates, nodes, context)
        if len(candidates) == 1:
            chosen.setdefault(components.find(index), {})[index] = next(iter(candidates))
    for choices in chosen.values():
        votes = Counter(choices.values())
        key, most = votes.most_common(1)[0]
        if most >= AGREEING_ARTICLES * len(choices):  # the articles that write it agree on what it stands for
            for index, choice in choices.items():
                if choice == key:
                    components.join(first_of[key], index, "short form")


def _outermost(candidates: dict[str, int]) -> dict[str, int]:
    """The longer names that do not begin with another of them: "Ford Motor" stands for
    "Ford Motor Company" too, so "Ford" has one candidate, not two."""
    return {
        key: index for key, index in candidates.items()
        if not any(other != key and key.startswith(other + " ") for other in candidates)
    }


def _names_by_source(nodes: Sequence[_Local]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for node in nodes:
        names.setdefault(node.source, set()).add(node.key)
    return names


def _best_in_context(
    node: _Local, candidates: dict[str, int], nodes: Sequence[_Local], context: dict[str, set[str]]
) -> dict[str, int]:
    """Of several longer names, the one whose articles share most other names with ``node``'s
    article (at least one more than any other); none when no one stands out."""
    own = context.get(node.source, set()) - {node.key}
    sources: dict[str, set[str]] = {}
    for other in nodes:
        if other.label == "ORG" and (key := organisation_key(other.key)) in candidates:
            sources.setdefault(key, set()).add(other.source)
    shared = {
        key: len(own & set().union(*(context[s] for s in sources.get(key, ()))) - {key, node.key})
        for key in candidates
    }
    ranked = sorted(shared.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        return {}
    best = max(shared, key=shared.__getitem__)
    return {best: candidates[best]}


def _join_acronyms(components: _Components) -> None:
    """ "KCNA" / "Korean Central News Agency", "US" / "United States": an organisation's
    or a place's initials, when exactly one name of the same kind has them."""
    nodes = components.nodes
    by_acronym: dict[tuple[str, str], set[int]] = {}
    for index, node in enumerate(nodes):
        if node.label != "PERSON" and (letters := acronym(organisation_key(node.key))):
            by_acronym.setdefault((node.label, letters), set()).add(index)
    for index, node in enumerate(nodes):
        words = node.key.split()
        if node.label == "PERSON" or len(words) != 1 or not 2 <= len(words[0]) <= 6:
            continue
        targets = by_acronym.get((node.label, words[0]), set())
        if len({organisation_key(nodes[t].key) for t in targets}) == 1:
            components.join(min(targets), index, "acronym")


def _join_placed_organisations(components: _Components) -> None:
    """ "the US Federal Reserve" / "the United States Federal Reserve" / "the Federal Reserve",
    "the U.S. Department of Labor" / "the US Labor Department": an organisation named
    after its country is one whichever way the country and the body are written, and
    the body's name alone is it when the input places that body in one country only."""
    nodes = components.nodes
    places = set(DEMONYMS.values()) | {
        DEMONYMS.get(n.key, n.key) for n in nodes if n.label in _PLACE_LABELS or n.label == "NORP"
    }
    placed: dict[int, tuple[str, str]] = {}
    for index, node in enumerate(nodes):
        if node.label == "ORG" and (found := placed_organisation(node.key, places)):
            placed[index] = (found[0], organisation_key(found[1]))
    _join_equal(components, [" ".join(placed[i]) if i in placed else None for i in range(len(nodes))], "variant")
    homes: dict[str, dict[str, int]] = {}  # the body's name -> its place -> first node
    for index, (place, body) in placed.items():
        homes.setdefault(body, {}).setdefault(place, index)
    for index, node in enumerate(nodes):
        if node.label == "ORG" and index not in placed:
            found = homes.get(organisation_key(body_first(node.key)), {})
            if len(found) == 1:
                components.join(next(iter(found.values())), index, "short form")


def _join_defined_acronyms(components: _Components) -> None:
    """ "SIA" in one article, "Singapore Airlines (SIA)" in another: an acronym some article
    defines stands for that name in every article, when the input defines it only one way."""
    nodes = components.nodes
    meanings: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for index, node in enumerate(nodes):
        first.setdefault(node.key, index)
        for mention in node.mentions:
            if mention.short_form_of is not None and is_acronym(mention.text):
                meanings.setdefault(normalise_name(mention.text), set()).add(mention.short_form_of)
    for index, node in enumerate(nodes):
        meaning = meanings.get(node.key, set())
        if len(meaning) == 1 and (full := next(iter(meaning))) in first:
            components.join(first[full], index, "acronym")


def _join_roles(components: _Components) -> None:
    """The one holder of a singular role for a place ("North Korean Foreign Minister") is one person.

    Holders are compared only within a block of the same role whose places can be
    the same (``names.place_blocks``), never all with all; the joins are made in the
    same order as if every pair were tried.
    """
    nodes = components.nodes
    holders: list[tuple[str, str, int]] = []  # (role, affiliation, node), each once
    seen: set[tuple[str, str, int]] = set()
    for index, node in enumerate(nodes):
        for mention in node.mentions:
            for role in mention.roles:
                holder = (role.role, role.affiliation or "", index)
                if role.current and role.affiliation and role.role in SINGULAR_ROLES and holder not in seen:
                    seen.add(holder)
                    holders.append(holder)
    blocks: dict[tuple[str, tuple[tuple[str, ...], str]], list[int]] = {}  # (role, place block) -> holder positions
    by_role: dict[str, list[int]] = {}
    for position, (role_name, place, _) in enumerate(holders):
        by_role.setdefault(role_name, []).append(position)
        for block in place_blocks(place):
            blocks.setdefault((role_name, block), []).append(position)
    for i, (role_a, place_a, a) in enumerate(holders):
        later = sorted({j for block in place_blocks(place_a) for j in blocks.get((role_a, block), ()) if j > i})
        for j in later:
            _, place_b, b = holders[j]
            if not same_place(place_a, place_b):
                continue
            if nodes[a].source == nodes[b].source and nodes[a].key != nodes[b].key:
                continue  # one article naming two holders is telling them apart
            components.join(a, b, "role")
    # A role written without its body ("Foreign Minister X" in a sentence about
    # North Korea) matches the one holder of that role for a place the sentence names.
    for index, node in enumerate(nodes):
        affiliated = {r.role for m in node.mentions for r in m.roles if r.affiliation}
        for mention in node.mentions:
            for role in mention.roles:
                if not role.current or role.affiliation or role.role not in SINGULAR_ROLES or role.role in affiliated:
                    continue  # the article says elsewhere whose role it is
                candidates = {
                    nodes[other].key: other
                    for place, other in (holders[j][1:] for j in by_role.get(role.role, ()))
                    if nodes[other].source != node.source and any(same_place(place, context) for context in role.context)
                }
                if len(candidates) == 1:
                    components.join(next(iter(candidates.values())), index, "role")


def _country(place: str) -> str:
    return country_of_metonym(place) or place


def _join_descriptions(components: _Components) -> None:
    """ "Seoul's intelligence agency" is "South Korea's National Intelligence Service":
    the same country (a capital counts as its country), the description's words
    all in the name, and both naming a kind of organisation."""
    nodes = components.nodes
    named = [
        (i, n) for i, n in enumerate(nodes)
        if n.label == "ORG" and not _description_of(n) and _place(n) and n.key.split()[-1] in ORG_TYPE_NOUNS
    ]
    for index, node in enumerate(nodes):
        words = _description_of(node)
        place = _place(node)
        if not words or place is None:
            continue
        content = set(words[:-1])
        matches = {
            other.key: i for i, other in named
            if content and content <= set(other.key.split()) and same_place(_country(place), _country(_place(other) or ""))
        }
        if len(matches) == 1:
            components.join(next(iter(matches.values())), index, "description")


def _description_of(node: _Local) -> tuple[str, ...]:
    return next((m.description for m in node.mentions if m.description), ())


def _place(node: _Local) -> str | None:
    return next((m.place for m in node.mentions if m.place), None)


def resolve_entities(mentions_by_source: Sequence[tuple[str, Sequence[LocalMention]]]) -> tuple[Entity, ...]:
    """One ``Entity`` per person, organisation or place across all sources."""
    nodes: list[_Local] = []
    index_of: dict[tuple[str, str], int] = {}
    for source, mentions in mentions_by_source:
        for mention in mentions:
            slot = (source, mention.key)
            if slot not in index_of:
                index_of[slot] = len(nodes)
                nodes.append(_Local(source, mention.key))
            nodes[index_of[slot]].mentions.append(mention)
    for node in nodes:
        node.freeze()

    components = _Components(nodes)
    _join_equal(components, [n.key for n in nodes], None)
    multi = [" ".join(sorted(n.key.split())) if len(n.key.split()) > 1 else None for n in nodes]
    _join_equal(components, multi, "variant")
    _join_equal(components, [n.key.replace(" ", "") if n.label == "PERSON" else None for n in nodes], "variant")
    _join_equal(components, [organisation_key(n.key) if n.label == "ORG" else None for n in nodes], "variant")
    _join_person_variants(components)
    _join_short_forms(components)
    _join_placed_organisations(components)
    _join_defined_acronyms(components)
    _join_acronyms(components)
    _join_organisation_short_forms(components)
    _join_roles(components)
    _join_descriptions(components)
    return _build(nodes, components)


def _build(nodes: Sequence[_Local], components: _Components) -> tuple[Entity, ...]:
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
        label = "PERSON" if "PERSON" in labels else min(labels, key=lambda lab: (-labels[lab], _LABEL_PRIORITY.get(lab, 9)))
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
    places = [(normalise_name(e.name), e.id) for e in entities if e.label in _PLACE_LABELS]
    linked = []
    for entity in entities:
        country = country_of_metonym(normalise_name(entity.name)) if entity.label != "PERSON" else None
        if country is None:
            linked.append(entity)
            continue
        target = next((eid for key, eid in places if same_place(key, country) and eid != entity.id), None)
        linked.append(replace(entity, metonym_of=Metonym(country=country, entity=target)))
    return tuple(linked)
