"""Scoring ncr's count detection sentence by sentence against the quantity gold.

The gold (``bench/gold/quantities/*.json``, rules in its README) lists, per
sentence, the count claims (surface, number, interval, qualifier, counted
noun) and the numbers that are not counts (money, percentages, measures, times,
labels, determiners, multipliers). Each sentence goes through spaCy and
``ncr.extract.quantities.find_claims`` on its own.

A gold count is found when a system claim overlaps the characters of its
number. Scored, pooled over all sentences:

* detection P / R / F1: every system claim that matches no gold count is wrong,
  above all one on a gold not-count (reported apart: ``on not-counts``, by kind);
* value: matched claims whose interval equals the gold's (low and high);
* qualifier: matched claims with the gold's qualifier;
* counted noun: matched claims whose unit (the counted noun's lemma) is the
  gold's ``counted`` (where the gold names one; "person" and "people" are one).

``python bench/quantscore.py [--misses]`` prints the figures; ``make eval`` runs
it as the ``quantities`` evaluation.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimscore import _f1, _ratio

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "quantities"
QUALIFIERS = frozenset({"exact", "approximate", "at_least", "at_most", "range", "vague"})


@dataclass(frozen=True, slots=True)
class GoldCount:
    start: int  # the number's span in the sentence
    end: int
    surface: str
    low: float | None
    high: float | None
    qualifier: str
    counted: str | None


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    domain: str
    text: str
    counts: tuple[GoldCount, ...]
    not_counts: tuple[tuple[int, int, str], ...]  # (start, end, kind)


def _span(text: str, surface: str, inner: str | None = None) -> tuple[int, int]:
    """Where ``surface`` stands in ``text`` as whole words (not "3" inside "1,003"), and ``inner`` in it."""
    match = re.search(rf"(?<![\w.,]){re.escape(surface)}(?!\d|[.,]\d)", text)
    if match is None:
        raise ValueError(f"{surface!r} not in {text!r}")
    at = match.start()
    if inner is None:
        return at, at + len(surface)
    offset = surface.find(inner)
    if offset < 0:
        raise ValueError(f"number {inner!r} not in surface {surface!r}")
    return at + offset, at + offset + len(inner)


def load_items(paths: list[Path] | None = None) -> list[GoldItem]:
    """Every gold sentence of ``paths`` (default: every file of the gold folder), checked as it loads."""
    items: list[GoldItem] = []
    for path in paths if paths is not None else sorted(GOLD_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for raw in data["items"]:
            text = raw["text"]
            counts = []
            for c in raw["counts"]:
                if c["qualifier"] not in QUALIFIERS:
                    raise ValueError(f"{path.name} {raw['id']}: qualifier {c['qualifier']!r}")
                start, end = _span(text, c["surface"], c.get("number") or c["surface"])
                counts.append(GoldCount(start, end, c["surface"], c["low"], c["high"], c["qualifier"], c.get("counted")))
            not_counts = tuple((*_span(text, n["surface"]), n["kind"]) for n in raw["not_counts"])
            items.append(GoldItem(raw["id"], raw.get("domain", path.stem), text, tuple(counts), not_counts))
    return items


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _same_noun(system: str, gold: str) -> bool:
    people = {"person", "people"}
    return system.lower() == gold.lower() or {system.lower(), gold.lower()} <= people


@dataclass
class QuantityTally:
    gold: int = 0
    system: int = 0
    matched: int = 0
    value_right: int = 0
    qualifier_right: int = 0
    nouns: int = 0
    noun_right: int = 0
    on_not_counts: Counter = field(default_factory=Counter)
    by_domain: dict[str, list[int]] = field(default_factory=dict)  # domain -> [gold, system, matched]

    def figures(self) -> dict[str, Any]:
        p, r = _ratio(self.matched, self.system), _ratio(self.matched, self.gold)
        return {
            "gold_counts": self.gold,
            "system_claims": self.system,
            "detection": {"p": p, "r": r, "f1": _f1(p, r)},
            "value_accuracy": _ratio(self.value_right, self.matched),
            "qualifier_accuracy": _ratio(self.qualifier_right, self.matched),
            "counted_accuracy": _ratio(self.noun_right, self.nouns),
            "claims_on_not_counts": dict(sorted(self.on_not_counts.items())),
            "by_domain": {d: {"gold": g, "system": s, "matched": m} for d, (g, s, m) in sorted(self.by_domain.items())},
        }


def evaluate(nlp: Any, items: list[GoldItem], misses: list[str] | None = None) -> QuantityTally:
    from ncr.extract.quantities import find_claims

    tally = QuantityTally()
    for item, doc in zip(items, nlp.pipe(i.text for i in items), strict=True):
        claims = find_claims(doc)
        used: set[int] = set()
        domain = tally.by_domain.setdefault(item.domain, [0, 0, 0])
        domain[0] += len(item.counts)
        domain[1] += len(claims)
        for gold in item.counts:
            match = next(
                (n for n, c in enumerate(claims) if n not in used and c.span.start_char < gold.end and gold.start < c.span.end_char),
                None,
            )
            if match is None:
                if misses is not None:
                    misses.append(f"missed {item.id} {gold.surface!r}: {item.text}")
                continue
            used.add(match)
            claim = claims[match]
            tally.matched += 1
            domain[2] += 1
            value_ok = _same_value(claim.value.low, gold.low) and _same_value(claim.value.high, gold.high)
            tally.value_right += value_ok
            tally.qualifier_right += claim.qualifier.value == gold.qualifier
            if gold.counted:
                tally.nouns += 1
                tally.noun_right += _same_noun(claim.unit, gold.counted)
            if misses is not None and not value_ok:
                misses.append(f"value {item.id} {gold.surface!r}: gold {gold.low}-{gold.high}, ncr {claim.value.low}-{claim.value.high}")
        for n, claim in enumerate(claims):
            if n in used:
                continue
            kind = next((k for s, e, k in item.not_counts if claim.span.start_char < e and s < claim.span.end_char), None)
            if kind is not None:
                tally.on_not_counts[kind] += 1
            if misses is not None:
                misses.append(f"wrong {item.id} {claim.span.text!r} ({kind or 'not in gold'}): {item.text}")
        tally.gold += len(item.counts)
        tally.system += len(claims)
    return tally


def lines(figures: dict[str, Any], title: str) -> list[str]:
    pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
    d = figures["detection"]
    wrong = ", ".join(f"{k} {v}" for k, v in figures["claims_on_not_counts"].items()) or "none"
    out = [
        title,
        f"  detection        P {pct(d['p'])}  R {pct(d['r'])}  F1 {pct(d['f1'])}   "
        f"({figures['gold_counts']} gold counts, {figures['system_claims']} ncr claims)",
        f"  value right      {pct(figures['value_accuracy'])}   qualifier right {pct(figures['qualifier_accuracy'])}   "
        f"counted noun right {pct(figures['counted_accuracy'])}",
        f"  claims on not-counts: {wrong}",
        "  by domain (gold / ncr / matched): "
        + "; ".join(f"{k} {v['gold']}/{v['system']}/{v['matched']}" for k, v in figures["by_domain"].items()),
    ]
    return out


def main(argv: list[str]) -> int:
    import ncr.nlp

    misses: list[str] | None = [] if "--misses" in argv else None
    items = load_items()
    figures = evaluate(ncr.nlp.load_model(None), items, misses).figures()
    print("\n".join(lines(figures, f"quantities: {len(items)} gold sentences (bench/gold/quantities)")))
    if misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
