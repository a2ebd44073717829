"""Scoring ncr's quotes (who said what) against the quotes-and-attributions gold.

What is measured: how well ``ncr.pipeline.analyse`` finds the attributions of
a news article (direct quotes and reported speech, ``report.quotes``) and who
it gives them to, on the hand-annotated gold in ``bench/gold/quotes`` (rules:
``bench/gold/quotes/RULES.md``; loader: ``bench/quotegold.py``). Each gold
file's articles go through ``analyse`` together, as one input (a written
story is one article; an ECB+ file holds the annotated articles of one
sub-topic).

Matching. A system quote and a gold attribution of the same article
**overlap** when their character spans share at least half of the shorter
span (``content`` for the gold; ``start``/``end`` for ncr). A system quote
**finds** every gold attribution it overlaps whose source is the source of the
gold attribution it fits best (most shared characters over the two spans'
union; the same ``speaker_name``, or the same ``speaker`` as written when it
is unnamed): one quote may find the pieces of an interrupted quote, and a
short quote nested in another source's reported speech is found by a quote of
its own span, but a quote that runs over two sources' words (two transcript
turns) finds only one source's and is listed as ``merged``.

Scored, per set (written, ECB+) and pooled:

* direct P / R / F1: the gold's direct attributions against ncr's direct
  quotes, matched as above within those subsets: precision is the share of
  system quotes that find a gold attribution, recall the share of gold
  attributions found;
* all P / R / F1: every gold attribution against every system quote;
* named speaker: of the found gold attributions whose source the article
  names, those where ncr's speaker names it: its text as written, its
  ``refers_to`` (the antecedent of a pronoun) or its entity's name or aliases
  is the same source as the gold ``speaker_name`` or a ``speaker_alt``
  (``claimscore.same_source``: equal, one inside the other, or the same last
  word, ignoring case, articles and possessives). With coordinated speakers,
  naming any one of them counts. The system quote used is the one sharing
  most characters with the gold content.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimscore import same_source
from quotegold import GoldAttribution, QuoteGold, gold_files, load_gold


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The matching rule: the spans share at least half of the shorter one (and at least one character)."""
    shared = overlap(a, b)
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def fit(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the union of two spans (1.0 for the same span)."""
    shared = overlap(a, b)
    return shared / (max(a[1], b[1]) - min(a[0], b[0]))


def source_key(g: GoldAttribution) -> tuple[str, ...]:
    """What makes two gold attributions one source's: the names, else the speaker as written."""
    return tuple(n.lower() for n in g.speaker_names) or ((g.speaker or "").lower(),)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _prf(found_system: int, system: int, found_gold: int, gold: int) -> dict[str, float]:
    p, r = _ratio(found_system, system), _ratio(found_gold, gold)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": gold, "system": system}


def match(gold: Sequence[GoldAttribution], system: Sequence[Any]) -> tuple[dict[str, Any], set[int], list[int]]:
    """Which system quote finds each gold attribution (same article assumed), by the rule in the docstring.

    Returns the finding system quote per gold id (the one sharing most
    characters), the indexes of the system quotes that find at least one,
    and the indexes of the ``merged`` ones (holding most of the words of a
    source other than the one they fit best).
    """
    found: dict[str, tuple[int, Any]] = {}
    correct: set[int] = set()
    merged: list[int] = []
    for i, s in enumerate(system):
        span = (s.start, s.end)
        hits = [g for g in gold if overlaps((g.start, g.end), span)]
        if not hits:
            continue
        correct.add(i)
        key = source_key(max(hits, key=lambda g: (fit((g.start, g.end), span), -g.start)))
        if any(source_key(g) != key and 2 * overlap((g.start, g.end), span) >= g.end - g.start for g in hits):
            merged.append(i)  # most of another source's words inside it (a quote nested in it is not that)
        for g in hits:
            if source_key(g) == key:
                shared = overlap((g.start, g.end), span)
                if g.id not in found or shared > found[g.id][0]:
                    found[g.id] = (shared, s)
    return {gid: s for gid, (_, s) in found.items()}, correct, merged


def system_names(quote: Any, entity_names: dict[str, tuple[str, ...]]) -> list[str]:
    """Every name ncr gives a quote's speaker: as written, its antecedent, its entity's name and aliases."""
    speaker = quote.speaker
    if speaker is None:
        return []
    names = [speaker.text]
    if speaker.refers_to:
        names.append(speaker.refers_to)
    if speaker.entity in entity_names:
        names += entity_names[speaker.entity]
    return names


def right_speaker(g: GoldAttribution, names: Iterable[str]) -> bool:
    return same_source(list(names), [*g.speaker_names, *g.speaker_alt])


@dataclass
class QuoteTally:
    """Counts behind one set's figures."""

    files: int = 0
    articles: int = 0
    counts: dict[str, list[int]] = field(default_factory=lambda: {"direct": [0, 0, 0, 0], "all": [0, 0, 0, 0]})
    named: int = 0
    named_right: int = 0
    merged: int = 0

    def add(self, other: QuoteTally) -> None:
        self.files += other.files
        self.articles += other.articles
        for key, values in other.counts.items():
            self.counts[key] = [a + b for a, b in zip(self.counts[key], values)]
        self.named += other.named
        self.named_right += other.named_right
        self.merged += other.merged

    def figures(self) -> dict[str, Any]:
        return {
            "files": self.files, "articles": self.articles,
            "direct": _prf(*self.counts["direct"]), "all": _prf(*self.counts["all"]),
            "named_speaker": {"accuracy": _ratio(self.named_right, self.named), "named": self.named},
            "merged": self.merged,
        }


def _where(article: Any, start: int, end: int, width: int = 90) -> str:
    text = " ".join(article.text[start:end].split())
    return repr(text if len(text) <= width else text[: width - 3] + "...")


def score_file(gold: QuoteGold, quotes: Sequence[Any], entities: Sequence[Any], tally: QuoteTally,
               misses: list[str] | None = None) -> None:
    """Add one gold file's comparison with ncr's quotes (and entities) to ``tally``."""
    entity_names = {e.id: (e.name, *e.aliases) for e in entities}
    tally.files += 1
    tally.articles += len(gold.articles)
    for article in gold.articles:
        g_all = [g for g in gold.attributions if g.article == article.name]
        s_all = [q for q in quotes if q.source == article.name]
        for key, gs, ss in (("all", g_all, s_all),
                            ("direct", [g for g in g_all if g.direct], [q for q in s_all if q.direct])):
            found, correct, merged = match(gs, ss)
            counts = tally.counts[key]
            counts[0] += len(correct)
            counts[1] += len(ss)
            counts[2] += len(found)
            counts[3] += len(gs)
            if key != "all":
                continue
            tally.merged += len(merged)
            for g in gs:
                s = found.get(g.id)
                if s is None:
                    if misses is not None:
                        misses.append(f"missed   {article.name} {g.id} [{g.kind}] {'direct' if g.direct else 'reported'} "
                                      f"{_where(article, g.start, g.end)} ({g.speaker})")
                    continue
                if not g.named:
                    continue
                tally.named += 1
                names = system_names(s, entity_names)
                if right_speaker(g, names):
                    tally.named_right += 1
                elif misses is not None:
                    misses.append(f"speaker  {article.name} {g.id} [{g.kind}] {_where(article, g.start, g.end, 60)}: "
                                  f"gold {' / '.join(g.speaker_names)!r}, ncr {names[:2] or None}")
            if misses is None:
                continue
            for i, s in enumerate(ss):
                if i in merged:
                    misses.append(f"merged   {article.name} {s.id} {_where(article, s.start, s.end)} runs over two sources")
                if i in correct:
                    continue
                kinds = sorted({n.kind for n in gold.non_quotes
                                if n.article == article.name and overlaps((n.start, n.end), (s.start, s.end))})
                misses.append(f"spurious {article.name} {s.id} [{'/'.join(kinds) or 'not in gold'}] "
                              f"{'direct' if s.direct else 'reported'} {_where(article, s.start, s.end)} "
                              f"(cue {s.cue!r}, speaker {s.speaker.text if s.speaker else None!r})")


def evaluate(nlp: Any, ecbplus: Path, paths: Sequence[Path] | None = None,
             misses: list[str] | None = None) -> dict[str, QuoteTally]:
    """Run ncr over every gold file (``paths``, default all) and tally the written and ECB+ sets and both."""
    from datetime import date

    import ncr.pipeline
    from ncr.records import Article

    tallies = {"written": QuoteTally(), "ecbplus": QuoteTally()}
    for path in paths if paths is not None else gold_files():
        gold = load_gold(path, ecbplus)
        articles = [Article(id=a.name, text=a.text, path=a.name) for a in gold.articles]
        report = ncr.pipeline.analyse(articles, nlp, today=date(2026, 1, 1))
        score_file(gold, report.quotes, report.entities, tallies["written" if gold.written else "ecbplus"], misses)
    pooled = QuoteTally()
    for tally in tallies.values():
        pooled.add(tally)
    tallies["pooled"] = pooled
    return tallies


def lines(figures: dict[str, dict[str, Any]], title: str) -> list[str]:
    """The text table of ``evaluate``'s figures, one row per set."""
    pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
    out = [title, f"  {'set':<9}{'files':>6}{'arts':>5}   {'direct P':>8}{'R':>6}{'F1':>6}{'gold':>6}"
                  f"   {'all P':>6}{'R':>6}{'F1':>6}{'gold':>6}   {'speaker':>7}{'of':>5}{'merged':>8}"]
    for name, f in figures.items():
        d, a, n = f["direct"], f["all"], f["named_speaker"]
        out.append(
            f"  {name:<9}{f['files']:>6}{f['articles']:>5}   {pct(d['p']):>8}{pct(d['r']):>6}{pct(d['f1']):>6}{d['gold']:>6}"
            f"   {pct(a['p']):>6}{pct(a['r']):>6}{pct(a['f1']):>6}{a['gold']:>6}   {pct(n['accuracy']):>7}{n['named']:>5}"
            f"{f['merged']:>8}"
        )
    return out
