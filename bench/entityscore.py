"""Scoring cross-document entity resolution against gold chains, and the fuzzy baseline.

Any system is scored the same way: its mentions (``SystemMention``: document,
character span, entity id) are aligned to the gold mentions (``GoldMention``:
document, span, head, gold chain), and the gold mentions are then clustered by
the system entity they matched.

Alignment (``align``): within the same document, a gold mention is matched to
the system mention with which it shares the most characters, among those that
overlap it by at least half the gold span's length or contain the gold head
token. Several gold mentions may match one system mention.

Scoring ("gold mention" scoring): only gold mentions are scored. A matched
gold mention's system cluster is the set of gold mentions matched to the same
system entity; an unmatched one is a singleton of its own. Reported:

* detected: share of gold mentions matched by any system mention;
* B-cubed precision / recall / F1 (Bagga & Baldwin 1998);
* pairwise (link) precision / recall / F1: a pair of gold mentions is a gold
  link when they share a gold chain, a system link when they share a system
  entity;
* cross-doc pairwise: the same, counting only pairs whose mentions are in
  different documents, the part cross-document resolution adds;
* name-variant pairwise: the same, counting only pairs whose mentions are
  written differently (``surface_key`` differs: compared case-insensitively,
  after dropping a leading "the" and a possessive "'s"). Recall is the share of
  gold links between different names of one entity ("Apple Computer" /
  "Apple", "U.S. Air Force" / "USAF") that the system makes; precision is the
  share of the system's links between different names that are right, so
  joining different entities with different names costs precision. Pairs of
  identical names, which any string match links, are left out.

Pooled rows (``Tally.add``) pool B-cubed over all gold mentions and sum the
link counts; links never cross clusters. A ratio with a zero denominator is 0.

Fuzzy baseline (``fuzzy_groups``): the named entities spaCy finds, grouped
across the documents of a cluster when their names, lower-cased and without a
leading "the", score ``fuzz.WRatio`` >= 90 (rapidfuzz) and their labels are
equal, by single link (union-find over name pairs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

FUZZY_THRESHOLD = 90


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str
    start: int
    end: int
    head_start: int
    head_end: int
    text: str
    chain: str
    ent_type: str
    syntactic_type: str | None


@dataclass(frozen=True, slots=True)
class SystemMention:
    doc: str
    start: int
    end: int
    entity: str


def align(gold: Sequence[GoldMention], system: Sequence[SystemMention]) -> list[str | None]:
    """The system entity each gold mention is matched to (``None``: missed); see the module docstring."""
    by_doc: dict[str, list[SystemMention]] = {}
    for mention in system:
        by_doc.setdefault(mention.doc, []).append(mention)
    matched: list[str | None] = []
    for g in gold:
        best: tuple[int, int, int, str] | None = None  # (-overlap, length, start, entity): smallest wins
        for s in by_doc.get(g.doc, ()):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap <= 0:
                continue
            head_inside = s.start <= g.head_start and g.head_end <= s.end
            if 2 * overlap >= g.end - g.start or head_inside:
                key = (-overlap, s.end - s.start, s.start, s.entity)
                if best is None or key < best:
                    best = key
        matched.append(best[3] if best is not None else None)
    return matched


def system_labels(matched: Sequence[str | None]) -> list[Hashable]:
    """System cluster labels for scoring: the matched entity, or a singleton of its own."""
    return [entity if entity is not None else ("missed", i) for i, entity in enumerate(matched)]


def surface_key(text: str) -> str:
    """How a mention is written, for telling name variants apart: "The Apple's" -> "apple"."""
    key = " ".join(text.lower().split())
    key = key.removeprefix("the ")
    for suffix in (" 's", " ’s", "'s", "’s"):
        key = key.removesuffix(suffix)
    return key.rstrip("'’ ")


# --------------------------------------------------------------------------- scores


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def b_cubed_sums(gold: Sequence[Hashable], system: Sequence[Hashable]) -> tuple[float, float, int]:
    """(sum of per-mention precision, sum of per-mention recall, mentions); ``gold[i]``/``system[i]`` label mention i."""
    if len(gold) != len(system):
        raise ValueError("gold and system label different numbers of mentions")
    cells = Counter(zip(gold, system))
    gold_sizes = Counter(gold)
    system_sizes = Counter(system)
    p_sum = sum(n * n / system_sizes[s] for (_, s), n in cells.items())
    r_sum = sum(n * n / gold_sizes[g] for (g, _), n in cells.items())
    return p_sum, r_sum, len(gold)


def pairwise_counts(
    gold: Sequence[Hashable], system: Sequence[Hashable], apart: Sequence[Hashable] | None = None
) -> tuple[int, int, int]:
    """(links in both, system links, gold links); with ``apart``, only pairs whose ``apart`` labels
    differ (documents for cross-document links, surface keys for name variants)."""
    if len(gold) != len(system) or (apart is not None and len(apart) != len(gold)):
        raise ValueError("gold, system and apart label different numbers of mentions")

    def links(*labels: Sequence[Hashable]) -> int:
        total = sum(_pairs(n) for n in Counter(zip(*labels)).values())
        if apart is not None:
            total -= sum(_pairs(n) for n in Counter(zip(*labels, apart)).values())
        return total

    return links(gold, system), links(system), links(gold)


def ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def prf(precision: float, recall: float) -> tuple[float, float, float]:
    return precision, recall, ratio(2 * precision * recall, precision + recall)


def b_cubed(gold: Sequence[Hashable], system: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of one clustering against another over the same mentions."""
    p_sum, r_sum, n = b_cubed_sums(gold, system)
    return prf(ratio(p_sum, n), ratio(r_sum, n))


def pairwise(
    gold: Sequence[Hashable], system: Sequence[Hashable], apart: Sequence[Hashable] | None = None
) -> tuple[float, float, float]:
    """Pairwise (precision, recall, F1); with ``apart``, over pairs whose ``apart`` labels differ."""
    both, sys_links, gold_links = pairwise_counts(gold, system, apart)
    return prf(ratio(both, sys_links), ratio(both, gold_links))


def name_variants(gold: Sequence[GoldMention], matched: Sequence[str | None]) -> tuple[float, float, float]:
    """Name-variant pairwise (precision, recall, F1) of gold mentions and the system entities they matched."""
    return pairwise([g.chain for g in gold], system_labels(matched), [surface_key(g.text) for g in gold])


def _add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


@dataclass(slots=True)
class Tally:
    """Poolable counts behind one row of a table."""

    docs: int = 0
    mentions: int = 0
    detected: int = 0
    chains: set[str] = field(default_factory=set)
    b3_p: float = 0.0
    b3_r: float = 0.0
    pairs: tuple[int, int, int] = (0, 0, 0)
    cross: tuple[int, int, int] = (0, 0, 0)
    variants: tuple[int, int, int] = (0, 0, 0)

    def add(self, other: Tally) -> None:
        self.docs += other.docs
        self.mentions += other.mentions
        self.detected += other.detected
        self.chains |= other.chains
        self.b3_p += other.b3_p
        self.b3_r += other.b3_r
        self.pairs = _add(self.pairs, other.pairs)
        self.cross = _add(self.cross, other.cross)
        self.variants = _add(self.variants, other.variants)

    def figures(self) -> dict[str, Any]:
        def scores(counts: tuple[int, int, int]) -> dict[str, Any]:
            both, sys_links, gold_links = counts
            p, r, f = prf(ratio(both, sys_links), ratio(both, gold_links))
            return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
                    "links_both": both, "links_system": sys_links, "links_gold": gold_links}

        p, r, f = prf(ratio(self.b3_p, self.mentions), ratio(self.b3_r, self.mentions))
        return {
            "docs": self.docs,
            "gold_mentions": self.mentions,
            "gold_chains": len(self.chains),
            "detected": round(ratio(self.detected, self.mentions), 4),
            "b_cubed": {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)},
            "pairwise": scores(self.pairs),
            "cross_doc_pairwise": scores(self.cross),
            "name_variant_pairwise": scores(self.variants),
        }


def score(gold: Sequence[GoldMention], matched: Sequence[str | None], docs: int = 0) -> Tally:
    """The counts for one set of gold mentions and the system entities they matched."""
    gold_labels = [g.chain for g in gold]
    sys_labels = system_labels(matched)
    p_sum, r_sum, n = b_cubed_sums(gold_labels, sys_labels)
    return Tally(
        docs=docs,
        mentions=n,
        detected=sum(m is not None for m in matched),
        chains=set(gold_labels),
        b3_p=p_sum,
        b3_r=r_sum,
        pairs=pairwise_counts(gold_labels, sys_labels),
        cross=pairwise_counts(gold_labels, sys_labels, [g.doc for g in gold]),
        variants=pairwise_counts(gold_labels, sys_labels, [surface_key(g.text) for g in gold]),
    )


# --------------------------------------------------------------------------- fuzzy baseline


def fuzzy_key(name: str) -> str:
    """A name as the baseline compares it: lower case, single spaces, no leading "the"."""
    return " ".join(name.lower().split()).removeprefix("the ")


def fuzzy_groups(names: Sequence[tuple[str, str]], threshold: float = FUZZY_THRESHOLD) -> dict[tuple[str, str], str]:
    """Each ``(name, label)`` mapped to its group id: names of one label whose ``fuzzy_key``s score
    ``fuzz.WRatio`` >= ``threshold`` are joined, transitively. A group's id is its label and its
    alphabetically first key, so the result does not depend on the order of ``names``."""
    by_label: dict[str, set[str]] = {}
    for name, label in names:
        by_label.setdefault(label, set()).add(fuzzy_key(name))
    group_of_key: dict[tuple[str, str], str] = {}
    for label, key_set in by_label.items():
        keys = sorted(key_set)
        parent = list(range(len(keys)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        similar = process.cdist(keys, keys, scorer=fuzz.WRatio, score_cutoff=threshold)
        for i, j in zip(*similar.nonzero()):  # scores under the cutoff are 0
            a, b = root(int(i)), root(int(j))
            parent[max(a, b)] = min(a, b)  # the smaller index, the first key, stays the root
        group_of_key.update(((key, label), f"{label}:{keys[root(i)]}") for i, key in enumerate(keys))
    return {(name, label): group_of_key[(fuzzy_key(name), label)] for name, label in names}
