"""Joins of organisations' names across articles: short forms, acronyms, countries, descriptions.

See ``ncr.resolve`` for the list of joins and their reasons; each function
here adds one kind of join to a ``Components`` graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from .entity_graph import PLACE_LABELS, Components, LocalName, join_equal
from .extract.acronyms import is_acronym
from .lexicon import BUSINESS_WORDS, DEMONYMS, LEGAL_FORMS, ORG_TYPE_NOUNS
from .names import acronym, body_first, country_of_metonym, normalise_name, organisation_key, placed_organisation, same_place

# The share of the articles writing a short name that must agree on the longer name it stands for.
AGREEING_ARTICLES = 0.75


def join_organisation_short_forms(components: Components) -> None:
    """ "Quillon" / "Quillon Capital Management", "China Eastern" / "China Eastern
    Airlines": an organisation name whose words begin longer organisation names
    that add only words of what a business does or is (``BUSINESS_WORDS``, legal
    forms, kinds of body; not "Apple Corps", "Harlow Europe" or "Harlow Solstice") is
    the one longer name it begins; when it begins several ("Apple Computer",
    "Apple Corps"), the one whose articles name most of the other names its own
    article names, when one clearly does. A short name already joined across
    articles moves only when ``AGREEING_ARTICLES`` of the articles that write it
    agree on what it stands for. Names are filed under their prefixes, so
    nothing is compared all with all.
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
    context = _Context(nodes)
    chosen: dict[int, dict[int, str]] = {}  # component -> node -> the longer name it begins
    for index, node in enumerate(nodes):
        if node.label != "ORG":
            continue
        candidates = _outermost(by_prefix.get(organisation_key(node.key), {}))
        if len(candidates) > 1:
            candidates = _best_in_context(node, candidates, context)
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


class _Context:
    """The names each article writes, and, per organisation name, the names its articles write
    (each worked out once, so choosing between longer names stays linear in the names)."""

    def __init__(self, nodes: Sequence[LocalName]) -> None:
        self.of_source: dict[str, set[str]] = {}
        self.sources: dict[str, set[str]] = {}
        for node in nodes:
            self.of_source.setdefault(node.source, set()).add(node.key)
            if node.label == "ORG":
                self.sources.setdefault(organisation_key(node.key), set()).add(node.source)
        self._around: dict[str, frozenset[str]] = {}

    def around(self, key: str) -> frozenset[str]:
        """The names written in the articles that name the organisation ``key``."""
        if key not in self._around:
            self._around[key] = frozenset().union(*(self.of_source[s] for s in sorted(self.sources.get(key, ()))))
        return self._around[key]


def _best_in_context(node: LocalName, candidates: dict[str, int], context: _Context) -> dict[str, int]:
    """Of several longer names, the one whose articles share most other names with ``node``'s
    article (at least one more than any other); none when no one stands out."""
    own = context.of_source.get(node.source, set()) - {node.key}
    shared = {key: len((own & context.around(key)) - {key, node.key}) for key in candidates}
    ranked = sorted(shared.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        return {}
    best = max(shared, key=shared.__getitem__)
    return {best: candidates[best]}


def join_acronyms(components: Components) -> None:
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


def join_placed_organisations(components: Components) -> None:
    """ "the US Coast Guard" / "the United States Coast Guard" / "the Coast Guard",
    "the U.S. Department of Fisheries" / "the US Fisheries Department": an organisation named
    after its country is one whichever way the country and the body are written, and
    the body's name alone is it when the input places that body in one country only."""
    nodes = components.nodes
    places = set(DEMONYMS.values()) | {
        DEMONYMS.get(n.key, n.key) for n in nodes if n.label in PLACE_LABELS or n.label == "NORP"
    }
    placed: dict[int, tuple[str, str]] = {}
    for index, node in enumerate(nodes):
        if node.label == "ORG" and (found := placed_organisation(node.key, places)):
            placed[index] = (found[0], organisation_key(found[1]))
    join_equal(components, [" ".join(placed[i]) if i in placed else None for i in range(len(nodes))], "variant")
    homes: dict[str, dict[str, int]] = {}  # the body's name -> its place -> first node
    for index, (place, body) in placed.items():
        homes.setdefault(body, {}).setdefault(place, index)
    for index, node in enumerate(nodes):
        if node.label == "ORG" and index not in placed:
            found = homes.get(organisation_key(body_first(node.key)), {})
            if len(found) == 1:
                components.join(next(iter(found.values())), index, "short form")


def join_defined_acronyms(components: Components) -> None:
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


def _country(place: str) -> str:
    return country_of_metonym(place) or place


def join_descriptions(components: Components) -> None:
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


def _description_of(node: LocalName) -> tuple[str, ...]:
    return next((m.description for m in node.mentions if m.description), ())


def _place(node: LocalName) -> str | None:
    return next((m.place for m in node.mentions if m.place), None)


# How alike a misspelt name must be to the name it misspells (Jaro-Winkler: "Harrowgaet" / "Harrowgate").
MISSPELLING_SIMILARITY = 0.95
# The shortest name a misspelling is looked for in ("Austria" / "Australia" are two countries).
MISSPELLING_MIN_LETTERS = 8
# How often the input must write the right spelling, at least, for a rare one to be a slip of it.
ESTABLISHED_MENTIONS = 3


def join_misspellings(components: Components) -> None:
    """ "Harrowgaet" once, "Harrowgate" thirty times: a name of an organisation or a place written
    once or twice, in one article, that differs by a slip of the keys from a name of the same
    kind the input writes often, is that name. Names are compared only within their label and
    first two letters."""
    nodes = components.nodes
    mentions: Counter[tuple[str, str]] = Counter()
    articles: dict[tuple[str, str], set[str]] = {}
    for node in nodes:
        if node.label != "PERSON" and len(node.key) >= MISSPELLING_MIN_LETTERS:
            mentions[(node.label, node.key)] += len(node.mentions)
            articles.setdefault((node.label, node.key), set()).add(node.source)
    blocks: dict[tuple[str, str], list[str]] = {}
    for label, key in sorted(mentions):
        blocks.setdefault((label, key[:2]), []).append(key)
    first = {(n.label, n.key): i for i, n in reversed(list(enumerate(nodes)))}
    for (label, _), keys in blocks.items():
        established = [k for k in keys if mentions[(label, k)] >= ESTABLISHED_MENTIONS]
        for rare in keys:
            if mentions[(label, rare)] > 2 or len(articles[(label, rare)]) > 1:
                continue
            close = process.extract(rare, established, scorer=JaroWinkler.similarity,
                                    score_cutoff=MISSPELLING_SIMILARITY, limit=2)
            if len(close) == 1:
                components.join(first[(label, close[0][0])], first[(label, rare)], "spelling")
