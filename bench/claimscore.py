"""Scoring ncr's claims, topics, statuses, updates and attributions against the ECB+ claims gold.

What is measured: how ``ncr.pipeline.analyse`` reconciles the count claims of
several articles about one event, on the hand-annotated ECB+ sub-topics in
``bench/gold/claims`` (rules: ``bench/gold/claims/RULES.md``). Each sub-topic's
articles (text rebuilt by ``bench/ecbplus.py``) go through ``analyse``
together, with the publication day the gold records for each article (taken
from the article's own dateline or URL) passed as ``published``.

Matching: a gold claim is found when a system claim of the same article
overlaps the characters of its number. Scored, over all sub-topics pooled:

* detection P / R / F1: matched system claims over all system claims, matched
  gold claims over all gold claims;
* value: matched claims whose interval equals the gold's (low and high);
* topic pairs P / R / F1: over pairs of matched gold claims of one sub-topic,
  a gold link when the gold puts both in one topic, a system link when ncr does;
* status: of the gold topics reported by two or more articles, those whose
  status equals the status of the system topic holding most of their matched
  claims (a topic with no matched claim counts as wrong);
* updates: of the gold ``supersedes`` links (earlier, later), those where ncr
  puts both claims in one topic and links them through its ``updates``
  (directly or by a chain);
* attribution: of the matched gold claims the text attributes to someone, those
  whose system attribution names the same source (the written speaker or its
  entity's names equal, contain one another, or end on the same word, ignoring
  case, articles and possessives); also how many unattributed gold claims ncr
  leaves unattributed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgold import GoldSubtopic, gold_files, load_gold

_DROP = frozenset({"the", "a", "an", "some", "its", "their", "his", "her"})


def _name_words(text: str) -> list[str]:
    words = re.findall(r"[\w\-.&]+", text.lower().replace("’", "'").replace("'s", ""))
    return [w for w in words if w not in _DROP]


def same_source(system: Iterable[str], gold: Iterable[str]) -> bool:
    """True when one of the system's names for a speaker names one of the gold's."""
    for s in system:
        for g in gold:
            sw, gw = _name_words(s), _name_words(g)
            if not sw or not gw:
                continue
            ss, gs = " ".join(sw), " ".join(gw)
            if ss == gs or f" {ss} " in f" {gs} " or f" {gs} " in f" {ss} " or sw[-1] == gw[-1]:
                return True
    return False


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ClaimTally:
    gold: int = 0
    system: int = 0
    matched_gold: int = 0
    matched_system: int = 0
    value_right: int = 0
    pairs_gold: int = 0
    pairs_system: int = 0
    pairs_both: int = 0
    status_topics: int = 0
    status_right: int = 0
    updates: int = 0
    updates_found: int = 0
    attributed: int = 0
    attributed_right: int = 0
    unattributed: int = 0
    unattributed_right: int = 0
    status_confusion: Counter = field(default_factory=Counter)

    def figures(self) -> dict[str, Any]:
        dp, dr = _ratio(self.matched_system, self.system), _ratio(self.matched_gold, self.gold)
        tp, tr = _ratio(self.pairs_both, self.pairs_system), _ratio(self.pairs_both, self.pairs_gold)
        return {
            "gold_claims": self.gold,
            "system_claims": self.system,
            "detection": {"p": dp, "r": dr, "f1": _f1(dp, dr)},
            "value_accuracy": _ratio(self.value_right, self.matched_gold),
            "topic_pairs": {"p": tp, "r": tr, "f1": _f1(tp, tr), "gold_links": self.pairs_gold},
            "status": {"accuracy": _ratio(self.status_right, self.status_topics), "topics": self.status_topics,
                       "confusion": {f"{g}->{s}": n for (g, s), n in sorted(self.status_confusion.items())}},
            "updates": {"recognised": _ratio(self.updates_found, self.updates), "gold": self.updates},
            "attribution": {"accuracy": _ratio(self.attributed_right, self.attributed), "named": self.attributed,
                            "unattributed_kept": _ratio(self.unattributed_right, self.unattributed),
                            "unattributed": self.unattributed},
        }


def _closure(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    later: dict[str, set[str]] = {}
    for a, b in pairs:
        later.setdefault(a, set()).add(b)
    reach: set[tuple[str, str]] = set()
    for start in list(later):
        stack, seen = [start], set()
        while stack:
            for nxt in later.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        reach |= {(start, end) for end in seen}
    return reach


def score_subtopic(gold: GoldSubtopic, report: Any, tally: ClaimTally, misses: list[str] | None = None) -> None:
    """Add one sub-topic's comparison of ``report`` (ncr's) with ``gold`` to ``tally``."""
    entity_names = {e.id: (e.name, *e.aliases) for e in report.entities}
    system_by_article: dict[str, list[Any]] = {}
    for claim in report.claims:
        system_by_article.setdefault(claim.source, []).append(claim)
    match: dict[str, Any] = {}
    used: set[str] = set()
    for g in gold.claims:
        for s in system_by_article.get(g.article, ()):
            if s.id not in used and s.start < g.end and g.start < s.end:
                match[g.id] = s
                used.add(s.id)
                break
    tally.gold += len(gold.claims)
    tally.system += len(report.claims)
    tally.matched_gold += len(match)
    tally.matched_system += len(used)
    for g in gold.claims:
        s = match.get(g.id)
        if s is None:
            if misses is not None:
                misses.append(f"detection {gold.name} {g.id} {g.text!r} missed")
            continue
        if (s.value.low, s.value.high) == (g.low, g.high):
            tally.value_right += 1
        if g.attributed_to:
            tally.attributed += 1
            names = [s.attributed_to.text] if s.attributed_to else []
            if s.attributed_to and s.attributed_to.refers_to:
                names.append(s.attributed_to.refers_to)
            if s.attributed_to and s.attributed_to.entity in entity_names:
                names += entity_names[s.attributed_to.entity]
            if same_source(names, [g.attributed_to, *g.attributed_alt]):
                tally.attributed_right += 1
            elif misses is not None:
                misses.append(f"attribution {gold.name} {g.id} {g.text!r}: gold {g.attributed_to!r}, ncr {names[:1]}")
        else:
            tally.unattributed += 1
            tally.unattributed_right += s.attributed_to is None

    matched = [g for g in gold.claims if g.id in match]
    for i, a in enumerate(matched):
        for b in matched[i + 1 :]:
            in_gold = a.topic == b.topic
            in_system = match[a.id].topic == match[b.id].topic
            tally.pairs_gold += in_gold
            tally.pairs_system += in_system
            tally.pairs_both += in_gold and in_system

    topics = {t.id: t for t in report.topics}
    for topic in gold.topics.values():
        members = [g for g in gold.claims if g.topic == topic.id]
        if len({g.article for g in members}) < 2:
            continue
        tally.status_topics += 1
        system_topics = Counter(match[g.id].topic for g in members if g.id in match)
        status = topics[system_topics.most_common(1)[0][0]].status.value if system_topics else "missed"
        tally.status_confusion[(topic.status, status)] += 1
        if status == topic.status:
            tally.status_right += 1
        elif misses is not None:
            misses.append(f"status {gold.name} {topic.id}: gold {topic.status}, ncr {status}")

    reach = _closure(pair for t in report.topics for pair in t.updates)
    for g in gold.claims:
        for earlier in g.supersedes:
            tally.updates += 1
            a, b = match.get(earlier), match.get(g.id)
            if a is not None and b is not None and a.topic == b.topic and (a.id, b.id) in reach:
                tally.updates_found += 1
            elif misses is not None:
                why = ("missed" if a is None or b is None else "topics apart" if a.topic != b.topic
                       else "no revision link")
                misses.append(f"update {gold.name} {earlier}->{g.id} not recognised ({why})")


def evaluate(
    nlp: Any, ecbplus: Path, paths: list[Path] | None = None, misses: list[str] | None = None, given_dates: bool = True
) -> ClaimTally:
    """Run ncr over every gold sub-topic (``paths``, default all) and pool the scores.

    ``given_dates``: pass each article's publication day from the gold (as a
    user would with ``--published``); otherwise ncr finds what the text gives.
    """
    from datetime import date

    import ncr.pipeline
    from ncr.records import Article

    tally = ClaimTally()
    for path in paths if paths is not None else gold_files():
        gold = load_gold(path, ecbplus)
        articles = [
            Article(
                id=a.name, text=a.text, path=a.name,
                published=gold.published.get(a.name) if given_dates else None,
                published_from="metadata" if given_dates and gold.published.get(a.name) else None,
            )
            for a in gold.articles
        ]
        report = ncr.pipeline.analyse(articles, nlp, today=date(2026, 1, 1))
        score_subtopic(gold, report, tally, misses)
    return tally


def lines(figures: dict[str, Any], title: str) -> list[str]:
    pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
    d, t, s, u, a = (figures[k] for k in ("detection", "topic_pairs", "status", "updates", "attribution"))
    return [
        title,
        f"  detection        P {pct(d['p'])}  R {pct(d['r'])}  F1 {pct(d['f1'])}   value right {pct(figures['value_accuracy'])}",
        f"  topic pairs      P {pct(t['p'])}  R {pct(t['r'])}  F1 {pct(t['f1'])}   ({t['gold_links']} gold links)",
        f"  status right     {pct(s['accuracy'])}  of {s['topics']} topics with 2+ articles",
        f"  updates found    {pct(u['recognised'])}  of {u['gold']}",
        f"  attribution      {pct(a['accuracy'])}  of {a['named']} named sources; "
        f"unattributed kept {pct(a['unattributed_kept'])} of {a['unattributed']}",
    ]
