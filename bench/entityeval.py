"""The ``entities`` evaluation of ``bench/eval.py``: ncr and the fuzzy baseline on MEANTIME and ECB+.

What is measured: how well ``ncr.pipeline.analyse`` groups the mentions of one
person or organisation across the articles of one news cluster, next to a
plain baseline (spaCy's names grouped by fuzzy string match) run through the
same alignment and scorer (``entityscore``), on the same spaCy model, so that
only resolution differs.

Clusters: MEANTIME's four topics (30 Wikinews articles each); ECB+'s
sub-topics (``T_ecb`` and ``T_ecbplus`` of each topic present: one event
reported by several outlets each). Each cluster's articles go through
``analyse`` together; every mention of every entity in ``report.entities`` is
a system mention, its entity id the system chain (any label). The baseline
parses the same texts with the same model and keeps the entities labelled
PERSON and ORG, and for ECB+, whose gold includes countries acting as
participants (HUMAN_PART_GPE), GPE and NORP too. Gold: ``entitygold``.

Rows: one per MEANTIME cluster, the micro row pooling all clusters (B-cubed
over all gold mentions, summed link counts), and the same restricted to the
gold mentions of each type. ECB+ prints the pooled rows only; its sub-topics
are in the JSON figures.

``misses`` lists, per cluster, the gold chains ncr splits (over several ncr
entities, or not found) and the ncr entities that mix gold chains, with the
mention texts on each side: what to look at to improve resolution.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ecbplus
import meantime
from entitygold import ECBPLUS_TYPES, MEANTIME_TYPES, coref_sentences, ecbplus_gold, lower_case_words, meantime_gold
from entityscore import FUZZY_THRESHOLD, GoldMention, SystemMention, Tally, align, fuzzy_groups, score
from meantime import MissingData

SYSTEMS = ("ncr", "baseline")


@dataclass(frozen=True)
class Cluster:
    """Articles resolved together, and their gold mentions."""

    name: str
    articles: tuple[tuple[str, str, str], ...]  # (id, text, path)
    gold: tuple[GoldMention, ...]


def meantime_clusters(path: Path, untyped_names: bool) -> list[Cluster]:
    return [
        Cluster(name, tuple((doc.doc_id, doc.text, str(file)) for file, doc in documents),
                tuple(g for _, doc in documents for g in meantime_gold(doc, untyped_names=untyped_names)))
        for name, documents in meantime.load_meantime(path).items()
    ]


def ecbplus_topics(root: Path) -> list[str]:
    """The topics present under ``root/xml``, in numeric order; raises ``MissingData``."""
    folder = root / "xml"
    topics = sorted((p.name for p in folder.iterdir() if p.is_dir() and p.name.isdigit()), key=int) if folder.is_dir() else []
    if not topics or not (root / "ECBplus_coreference_sentences.csv").is_file():
        raise MissingData(f"no ECB+ corpus at {root} (expected xml/<topic>/ and ECBplus_coreference_sentences.csv)")
    return topics


def ecbplus_clusters(root: Path, topics: Sequence[str] | None = None) -> list[Cluster]:
    """One cluster per sub-topic (``1_ecb``, ``1_ecbplus``, ...) of the given topics (default: all)."""
    present = ecbplus_topics(root)
    sentences = coref_sentences(root)
    clusters = []
    for topic in [t for t in present if not topics or t in topics]:
        for sub in ("ecb", "ecbplus"):
            paths = ecbplus.subtopic_paths(topic, sub, root)
            articles = [ecbplus.load_article(p) for p in paths]
            lower = lower_case_words(articles)
            gold = tuple(
                g for path, article in zip(paths, articles)
                for g in ecbplus_gold(path.read_bytes(), article, sentences.get(article.name, frozenset()), lower)
            )
            if articles:
                clusters.append(Cluster(f"{topic}_{sub}", tuple((a.name, a.text, str(p)) for a, p in zip(articles, paths)), gold))
    return clusters


def run_ncr(nlp: Any, cluster: Cluster) -> tuple[list[SystemMention], dict[str, str]]:
    """ncr's mentions of the cluster, and each entity's name."""
    import ncr.pipeline
    from ncr.records import Article

    report = ncr.pipeline.analyse([Article(id=i, text=t, path=p) for i, t, p in cluster.articles], nlp)
    mentions = [SystemMention(m.source, m.start, m.end, e.id) for e in report.entities for m in e.mentions]
    return mentions, {e.id: e.name for e in report.entities}


def run_baseline(nlp: Any, cluster: Cluster, labels: Sequence[str]) -> list[SystemMention]:
    """The baseline's mentions: spaCy's entities of ``labels``, grouped by ``fuzzy_groups``."""
    found = [
        (doc_id, ent.start_char, ent.end_char, ent.text, ent.label_)
        for (doc_id, _, _), doc in zip(cluster.articles, nlp.pipe(text for _, text, _ in cluster.articles))
        for ent in doc.ents if ent.label_ in labels
    ]
    groups = fuzzy_groups([(text, label) for *_, text, label in found])
    return [SystemMention(doc_id, start, end, groups[(text, label)]) for doc_id, start, end, text, label in found]


def _texts(mentions: Sequence[GoldMention]) -> str:
    counts = Counter(" ".join(g.text.split()) for g in mentions)
    return ", ".join(t if n == 1 else f"{t} x{n}" for t, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))


def _chain_name(mentions: Sequence[GoldMention]) -> str:
    """A gold chain's most frequent text; of equally frequent ones, the longest."""
    counts = Counter(" ".join(g.text.split()) for g in mentions)
    return min(counts, key=lambda t: (-counts[t], -len(t), t))


def misses(cluster: str, gold: Sequence[GoldMention], matched: Sequence[str | None], names: dict[str, str]) -> list[str]:
    """Readable lines: gold chains split by the system (largest first), then system entities mixing chains."""
    by_chain: dict[str, list[int]] = {}
    by_entity: dict[str, list[int]] = {}
    for i, (g, entity) in enumerate(zip(gold, matched)):
        by_chain.setdefault(g.chain, []).append(i)
        if entity is not None:
            by_entity.setdefault(entity, []).append(i)
    chain_names = {chain: _chain_name([gold[i] for i in members]) for chain, members in by_chain.items()}
    lines = []
    for chain, members in sorted(by_chain.items(), key=lambda x: (-len(x[1]), x[0])):
        parts: dict[str | None, list[GoldMention]] = {}
        for i in members:
            parts.setdefault(matched[i], []).append(gold[i])
        if len(parts) > 1:
            sides = [
                f"[{'not found' if e is None else e + ' ' + repr(names.get(e, ''))}] {_texts(ms)}"
                for e, ms in sorted(parts.items(), key=lambda x: (x[0] is None, -len(x[1]), x[0] or ""))
            ]
            lines.append(f"[{cluster}] split {gold[members[0]].ent_type} {chain_names[chain]!r}: " + " | ".join(sides))
    for entity, members in sorted(by_entity.items(), key=lambda x: (-len(x[1]), x[0])):
        chains: dict[str, list[GoldMention]] = {}
        for i in members:
            chains.setdefault(gold[i].chain, []).append(gold[i])
        if len(chains) > 1:
            sides = [f"[{ms[0].ent_type} {chain_names[chain]!r}] {_texts(ms)}"
                     for chain, ms in sorted(chains.items(), key=lambda x: (-len(x[1]), x[0]))]
            lines.append(f"[{cluster}] mixed {entity} {names.get(entity, '')!r}: " + " | ".join(sides))
    return lines


def evaluate_corpus(
    nlp: Any, clusters: Sequence[Cluster], types: Sequence[str], labels: Sequence[str], missed: list[str] | None
) -> dict[str, Any]:
    """Tallies of ncr and the baseline per cluster, pooled, and per gold type, as figures."""
    per_cluster: dict[str, dict[str, Tally]] = {}
    micro = {s: Tally() for s in SYSTEMS}
    by_type = {t: {s: Tally() for s in SYSTEMS} for t in types}
    for cluster in clusters:
        system, names = run_ncr(nlp, cluster)
        runs = {"ncr": system, "baseline": run_baseline(nlp, cluster, labels)}
        per_cluster[cluster.name] = {}
        for name, mentions in runs.items():
            matched = align(cluster.gold, mentions)
            tally = per_cluster[cluster.name][name] = score(cluster.gold, matched, docs=len(cluster.articles))
            micro[name].add(tally)
            for ent_type in types:
                keep = [i for i, g in enumerate(cluster.gold) if g.ent_type == ent_type]
                by_type[ent_type][name].add(
                    score([cluster.gold[i] for i in keep], [matched[i] for i in keep], docs=len(cluster.articles))
                )
            if name == "ncr" and missed is not None:
                missed += misses(cluster.name, cluster.gold, matched, names)
    figures = lambda tallies: {s: t.figures() for s, t in tallies.items()}  # noqa: E731
    return {
        "clusters": {name: figures(t) for name, t in per_cluster.items()},
        "micro": figures(micro),
        "by_type": {t: figures(tallies) for t, tallies in by_type.items()},
    }


def table(title: Sequence[str], rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """The entities table: one line per (row, system)."""
    header = (
        f"{'':<18}{'docs':>5}{'gold':>6}{'chains':>7}{'det%':>7}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}"
        f"{'pair F1':>8}{'var P':>7}{'var R':>7}{'var F1':>7}{'xdoc F1':>8}"
    )
    lines = [*title, header]
    pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
    for label, by_system in rows:
        for system, f in by_system.items():
            v = f["name_variant_pairwise"]
            lines.append(
                f"{label + ' ' + system:<18}{f['docs']:>5}{f['gold_mentions']:>6}{f['gold_chains']:>7}{pct(f['detected']):>7}"
                f"{pct(f['b_cubed']['p']):>7}{pct(f['b_cubed']['r']):>7}{pct(f['b_cubed']['f1']):>7}"
                f"{pct(f['pairwise']['f1']):>8}{pct(v['p']):>7}{pct(v['r']):>7}{pct(v['f1']):>7}"
                f"{pct(f['cross_doc_pairwise']['f1']):>8}"
            )
    return lines


def evaluate(nlp: Any, args: Any) -> tuple[dict[str, Any], list[str]]:
    """Both corpora: (figures, text lines); ``args`` carries the eval.py options."""
    missed: list[str] | None = [] if args.entity_misses else None
    baseline = f"rapidfuzz WRatio >= {FUZZY_THRESHOLD}, same label, single link"
    named = "NAM, PRE.NAM" + (", untyped names" if args.untyped_names else "")
    mt = evaluate_corpus(nlp, meantime_clusters(Path(args.meantime), args.untyped_names), MEANTIME_TYPES, ("PERSON", "ORG"), missed)
    mt_rows = [(name, f) for name, f in mt["clusters"].items()] + [("micro", mt["micro"])] + list(mt["by_type"].items())
    ecb_root = Path(args.ecbplus)
    ecb_clusters = ecbplus_clusters(ecb_root, args.ecbplus_topics)
    ecb = evaluate_corpus(nlp, ecb_clusters, ECBPLUS_TYPES, ("PERSON", "ORG", "GPE", "NORP"), missed)
    ecb_rows = [("micro", ecb["micro"])] + list(ecb["by_type"].items())
    lines = table((
        f"entities: cross-document entity resolution, MEANTIME English (CC BY 4.0), gold named PER/ORG mentions ({named}); "
        "figures in %",
        f"baseline: spaCy PERSON/ORG names grouped per cluster ({baseline}); var = name-variant pairs",
    ), mt_rows)
    topics = ", ".join(args.ecbplus_topics) if args.ecbplus_topics else "all"
    lines += ["", *table((
        f"entities: ECB+ (CC BY 3.0), {len(ecb_clusters)} sub-topics (topics: {topics}), gold named HUMAN_PART PER/ORG/GPE "
        "mentions linked across documents, in the coreference sentences; figures in %",
        f"baseline: spaCy PERSON/ORG/GPE/NORP names grouped per sub-topic ({baseline}); var = name-variant pairs",
    ), ecb_rows)]
    if missed:
        lines += ["", "entity misses of ncr (split: one gold entity over several ncr entities; mixed: one ncr entity, "
                  "several gold entities):", *(f"  {m}" for m in missed)]
    figures = {
        "meantime": {"data": "MEANTIME English, intra_cross-doc_annotation (CC BY 4.0)",
                     "gold": f"mentions of PER/ORG entities with syntactic_type {named}; chain = instance_id", **mt},
        "ecbplus": {"data": f"ECB+ 1.0 (CC BY 3.0), topics: {topics}",
                    "gold": "named HUMAN_PART_PER/ORG/GPE mentions in the coreference sentences; chain = CROSS_DOC_COREF instance",
                    **ecb},
        "baseline": baseline,
    }
    return figures, lines
