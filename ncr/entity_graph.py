"""The graph entity resolution works on: each article's names, and the joins between them.

A ``LocalName`` is every mention of one name in one article; ``Components``
joins them (union-find) and remembers why each join was made, so that every
entity can say which evidence made it one. The joins themselves live in
``ncr.people`` and ``ncr.organisations``; ``ncr.resolve`` runs them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .disjoint import DisjointSets
from .extract.entities import LocalMention

# When spaCy disagrees with itself about a name, prefer the more specific label.
LABEL_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "FAC": 5}
PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass(slots=True)
class LocalName:
    """All mentions of one name in one article."""

    source: str
    key: str
    mentions: list[LocalMention] = field(default_factory=list)
    chosen_label: str | None = None  # ``label``, once all mentions are in (``freeze``)
    chosen_display: str | None = None  # ``display``, likewise

    def freeze(self) -> None:
        """Fix the label and display now that every mention is added: they are read many times after."""
        self.chosen_label = self._label()
        self.chosen_display = self._display()

    @property
    def label(self) -> str:
        return self.chosen_label if self.chosen_label is not None else self._label()

    def _label(self) -> str:
        labels = Counter(m.label for m in self.mentions)
        if "PERSON" in labels and (any(m.roles for m in self.mentions) or len(self.key.split()) > 1):
            return "PERSON"
        return min(labels, key=lambda lab: (-labels[lab], LABEL_PRIORITY.get(lab, 9)))

    @property
    def display(self) -> str:
        """The fullest way this article writes the name."""
        return self.chosen_display if self.chosen_display is not None else self._display()

    def _display(self) -> str:
        texts = [m.text for m in self.mentions if m.short_form_of is None] or [m.text for m in self.mentions]
        return max(texts, key=lambda t: (len(t.split()), len(t)))


class Components:
    """Union-find over local entities that remembers why each join was made."""

    def __init__(self, nodes: Sequence[LocalName]) -> None:
        self.nodes = nodes
        self.sets = DisjointSets(len(nodes))
        self.merges: list[tuple[int, int, str]] = []

    def find(self, i: int) -> int:
        return self.sets.find(i)

    def join(self, a: int, b: int, reason: str) -> None:
        if self.sets.join(a, b):
            self.merges.append((a, b, reason))


def join_equal(components: Components, keys: Sequence[str | None], reason: str | None) -> None:
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


def unique_match(candidates: set[str]) -> str | None:
    return next(iter(candidates)) if len(candidates) == 1 else None
