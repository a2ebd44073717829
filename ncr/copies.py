"""Repetition is not confirmation: sources that carry the same copy count once.

Outlets often reprint one wire story. When they do, five articles saying "12
dead" are one report, not five. Two sources carry the same copy of a topic when
they give that topic the same value in near-identical sentences (the same
words, in any order, for at least ``SAME_COPY`` of the shorter sentence's
words), or when both credit the same wire service ("(Reuters)", "Associated
Press") and give the same value.

Only claims with the same value are ever compared, and within one value at
most ``PER_VALUE`` sentences, so the work stays linear in the number of claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .disjoint import DisjointSets
from .lexicon import WIRES
from .records import Article, Claim

SAME_COPY = 0.8
PER_VALUE = 64
_WORD = re.compile(r"\w+")
_CREDIT_CHARS = 300  # credits stand at the start or the end of an article


def wire_credit(article: Article) -> str | None:
    """The wire service an article credits at its start or end, if any."""
    ends = (article.text[:_CREDIT_CHARS] + " \n " + article.text[-_CREDIT_CHARS:]).lower()
    found = sorted({name for words, name in WIRES.items() if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", ends)})
    return found[0] if len(found) == 1 else None


def _words(sentence: str) -> frozenset[str]:
    return frozenset(_WORD.findall(sentence.lower()))


def _near(a: frozenset[str], b: frozenset[str]) -> bool:
    shorter = min(len(a), len(b))
    return shorter > 0 and len(a & b) >= SAME_COPY * shorter


def copy_groups(claims: Sequence[Claim], credits: dict[str, str | None]) -> tuple[tuple[str, ...], ...]:
    """Groups of two or more sources that carry the same copy of these claims (one topic's)."""
    sources = list(dict.fromkeys(c.source for c in claims))
    number = {source: n for n, source in enumerate(sources)}
    sets = DisjointSets(len(sources))

    def join(a: str, b: str) -> None:
        sets.join(number[a], number[b])

    by_value: dict[tuple[float | None, float | None], list[Claim]] = {}
    for claim in claims:
        by_value.setdefault((claim.value.low, claim.value.high), []).append(claim)
    for same_value in by_value.values():
        if len(same_value) < 2:
            continue  # a value given once is no one's copy
        seen: list[tuple[Claim, frozenset[str]]] = []
        wire_first: dict[str, str] = {}
        for claim in same_value:
            wire = credits.get(claim.source)
            if wire is not None:
                if wire in wire_first and wire_first[wire] != claim.source:
                    join(wire_first[wire], claim.source)
                wire_first.setdefault(wire, claim.source)
            if len(seen) >= PER_VALUE:
                continue
            words = _words(claim.sentence)
            for other, other_words in seen:
                if other.source != claim.source and _near(words, other_words):
                    join(other.source, claim.source)
                    break
            seen.append((claim, words))
    return tuple(tuple(sources[n] for n in group) for group in sets.groups().values() if len(group) > 1)
