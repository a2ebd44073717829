"""Benchmarks behind ``make bench``: ncr claims throughput against bare spaCy, reconciliation memory, adversarial time.

What it measures: documents per second on a corpus made of the articles in
``seeds/`` cycled to ``--docs`` documents (200 by default), for

* bare spaCy: ``for _ in nlp.pipe(texts, batch_size=BATCH_SIZE): pass`` over
  the article texts, and
* ncr claims: ``ncr.pipeline.analyse(articles, nlp)`` followed by building and
  serialising the ``ncr/v1`` JSON document, which is what
  ``ncr claims --format json`` does once the files are read.

Why: almost all of ncr's work is spaCy's parse, so bare ``nlp.pipe`` over the
same texts with the same model, loaded as spaCy ships it
(``ncr.nlp.load_model(as_shipped=True)``), is the yardstick. Everything ncr adds
(boilerplate masking, extraction, resolution, alignment, conflicts, JSON) is
overhead on top of the parse, and ncr's own pipeline parses a little faster than
the shipped one (``ncr.attrrules``); the target is for ncr to keep at least 0.85
of the bare throughput (median ncr docs/s / median bare docs/s >= 0.85).

Model loading is excluded: the model is loaded once and warmed up on a few
documents with both workloads before timing. Each measurement is repeated
``--repeat`` times, alternating bare and ncr so drift (thermal, caches, other
load) hits both alike; the best (max) and the median docs/s are reported.

Reconciliation memory (``--only reconcile``, and after the throughput figures by
default): N inputs with many conflicts run in memory linear in their claims.
For N in ``RECONCILE_INPUTS`` synthetic articles, claims are built directly (no
spaCy): ``CLAIMS_PER_INPUT`` claims per article, all in one shared topic (people
killed, no group, the story's own event, current phase, no date), exact values
over ``VALUE_LEVELS`` levels so most pairs are incompatible, each article its
own source, every claim its own speaker words and sentence (so no copies are
found). Then the reconciliation ``ncr.pipeline.analyse`` runs after extraction
(``topics_of``: ``assign_topics``, then ``copy_groups`` and ``build_topic`` per topic) and the
JSON of every claim and topic (``claim_record``, ``topic_record``, ``dumps``)
are measured: peak memory with ``tracemalloc`` (the input claims, built before
tracing starts, are not counted) and wall time in a separate untraced run.
Linear memory shows as a roughly constant MiB per 1,000 claims; all pairs of a
topic would make it grow with N.

Adversarial time (``--only adversarial``, last by default): one article of
thousands of quotes, to show every stage stays near-linear in an article's
length (``bench/adversarial.py`` says how).

Scale (``--only scale``, last by default): cold and warm, one and two
processes, a Dask LocalCluster, peak memory at 1,000 and 10,000 articles, and
reconciliation of up to 1,000,000 claims (``bench/scale.py`` says how), on
``--scale-docs`` articles (default 400): a run in many processes pays once to
start them, which a feed's thousands of articles would make small.

This prints figures; it is not a test. It exits 0 whether or not the target is
met (missing it is reported, not a failure), and non-zero only on an error.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import platform
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import adversarial  # noqa: E402  (bench/adversarial.py)
import scale  # noqa: E402  (bench/scale.py)
import ncr.contract  # noqa: E402
import ncr.ingest  # noqa: E402
import ncr.nlp  # noqa: E402
import ncr.pipeline  # noqa: E402
from ncr.pipeline import topics_of  # noqa: E402
from ncr.errors import NcrError  # noqa: E402
from ncr.records import Article, Attribution, Claim, Interval, Qualifier, Topic  # noqa: E402

TARGET_RATIO = 0.85
SEEDS = "seeds"
WARMUP_DOCS = 5
BENCHMARKS = ("throughput", "reconcile", "adversarial", "scale")

RECONCILE_INPUTS = (1000, 2000, 5000)
CLAIMS_PER_INPUT = 3
VALUE_LEVELS = 97  # value = 10 * (claim number % VALUE_LEVELS + 1)
SPEAKERS = 50
# Filler words for the synthetic sentences: each sentence draws its own (and names
# its article twice), so no two of different articles share the SAME_COPY fraction
# of words ncr.copies needs to call them copies.
_VOCABULARY = (
    "officials hospital bridge river morning evening storm convoy market station village district harbour "
    "council border airport highway factory school church stadium tunnel railway valley coast mountain "
    "province capital suburb checkpoint warehouse barracks embassy ministry clinic shelter camp square "
    "avenue plant mine port depot base office tower hall court prison garrison outpost crossing junction "
    "terminal pier dam quarry"
).split()


def build_corpus(n_docs: int) -> list[Article]:
    """The seed articles cycled to ``n_docs`` documents, each with a unique id."""
    seeds = ncr.ingest.read_inputs([SEEDS]).articles
    if not seeds:
        raise NcrError(f"no articles found in {ROOT / SEEDS}")
    return [
        dataclasses.replace(seeds[n % len(seeds)], id=f"{seeds[n % len(seeds)].id}-{n}")
        for n in range(n_docs)
    ]


def run_bare(nlp: Any, texts: list[str]) -> None:
    for _ in nlp.pipe(texts, batch_size=ncr.pipeline.BATCH_SIZE):
        pass


def run_ncr(nlp: Any, articles: list[Article]) -> None:
    report = ncr.pipeline.analyse(articles, nlp)
    ncr.contract.dumps(ncr.contract.document(report, "claims"))


def timed(fn: Any, *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def measure(nlp: Any, shipped: Any, articles: list[Article], repeat: int) -> dict[str, list[float]]:
    """Docs/s of each workload, ``repeat`` times, alternating bare (on the ``shipped`` model) and ncr."""
    texts = [a.text for a in articles]
    n = len(articles)
    # Warm-up on a few documents (not timed).
    run_bare(shipped, texts[:WARMUP_DOCS])
    run_ncr(nlp, articles[:WARMUP_DOCS])
    rates: dict[str, list[float]] = {"bare": [], "ncr": []}
    for _ in range(repeat):
        rates["bare"].append(n / timed(run_bare, shipped, texts))
        rates["ncr"].append(n / timed(run_ncr, nlp, articles))
    return rates


def synthetic_claims(n_inputs: int) -> list[Claim]:
    """``CLAIMS_PER_INPUT`` claims from each of ``n_inputs`` articles, all of one topic, most pairs incompatible."""
    rng = random.Random(n_inputs)  # the same claims on every run
    claims: list[Claim] = []
    for i in range(n_inputs):
        for _ in range(CLAIMS_PER_INPUT):
            n = len(claims)
            value = 10.0 * (n % VALUE_LEVELS + 1)
            speaker = f"speaker {n % SPEAKERS}"
            figure = f"{value:.0f} people"
            sample = rng.sample(_VOCABULARY, 12)
            words = " ".join(sample)
            sentence = f"Ward{i + 1}: {words}; {figure} killed, {speaker} told reporter{i + 1}."
            start = sentence.index(figure)
            claims.append(
                Claim(
                    id=f"C{n + 1}", source=f"a{i + 1}", text=figure, start=start, end=start + len(figure),
                    sentence=sentence, value=Interval(value, value, value), qualifier=Qualifier.EXACT,
                    unit="person", subject="people", attributed_to=Attribution(text=speaker), as_of=None,
                    kind="people", state="killed", group=None, phase=0, event=None,
                    context=frozenset({"kill", *sample[:3]}),  # the state's own word, as extraction gives it
                )
            )
    return claims


def run_reconcile(claims: list[Claim], credits: dict[str, str | None]) -> tuple[list[Topic], str]:
    """What ``ncr.pipeline.analyse`` does once claims are extracted, then their ``ncr/v1`` JSON."""
    claims, topics = topics_of(claims, credits)
    text = ncr.contract.dumps(
        {
            "claims": [ncr.contract.claim_record(c) for c in claims],
            "topics": [ncr.contract.topic_record(t) for t in topics],
        }
    )
    return topics, text


def measure_reconcile(n_inputs: int) -> dict[str, Any]:
    """Peak traced memory and untraced wall time of ``run_reconcile`` on ``n_inputs`` synthetic articles."""
    claims = synthetic_claims(n_inputs)
    credits: dict[str, str | None] = {c.source: None for c in claims}  # no wire credits
    gc.collect()
    start = time.perf_counter()
    topics, text = run_reconcile(claims, credits)
    seconds = time.perf_counter() - start
    conflicts = sum(len(t.conflicts) for t in topics)
    camps = sum(len(t.camps) for t in topics)
    copies = sum(len(t.copies) for t in topics)
    json_bytes = len(text.encode("utf-8"))
    del topics, text
    gc.collect()
    tracemalloc.start()
    try:
        run_reconcile(claims, credits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    peak_mib = peak / 2**20
    return {
        "inputs": n_inputs,
        "claims": len(claims),
        "conflict_pairs": conflicts,
        "camps": camps,
        "copy_groups": copies,
        "json_bytes": json_bytes,
        "peak_mib": peak_mib,
        "mib_per_1000_claims": peak_mib / len(claims) * 1000,
        "seconds": seconds,
    }


def reconcile_figures() -> dict[str, Any]:
    rows = [measure_reconcile(n) for n in RECONCILE_INPUTS]
    per_k = [r["mib_per_1000_claims"] for r in rows]
    return {
        "claims_per_input": CLAIMS_PER_INPUT,
        "value_levels": VALUE_LEVELS,
        "runs": rows,
        # ~1 when memory is linear in the claims; ~(largest / smallest claims) if it were quadratic.
        "per_claim_growth": per_k[-1] / per_k[0],
        "claims_growth": rows[-1]["claims"] / rows[0]["claims"],
    }


def print_reconcile(figures: dict[str, Any]) -> None:
    print(
        f"ncr reconcile memory: {figures['claims_per_input']} claims per input, all in one topic, "
        f"exact values on {figures['value_levels']} levels; peak by tracemalloc, time untraced"
    )
    print(
        f"{'inputs':>8}{'claims':>9}{'conflict pairs':>16}{'camps':>7}"
        f"{'peak MiB':>10}{'MiB/1k claims':>15}{'seconds':>9}"
    )
    for row in figures["runs"]:
        print(
            f"{row['inputs']:>8,}{row['claims']:>9,}{row['conflict_pairs']:>16,}{row['camps']:>7,}"
            f"{row['peak_mib']:>10.1f}{row['mib_per_1000_claims']:>15.2f}{row['seconds']:>9.2f}"
        )
    print(
        f"MiB per 1,000 claims, largest / smallest: {figures['per_claim_growth']:.2f} "
        f"(linear ~1; quadratic ~{figures['claims_growth']:.1f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=200, help="documents in the corpus (default 200)")
    parser.add_argument("--scale-docs", type=int, default=400, help="articles the scale routes run on (default 400)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each workload (default 3)")
    parser.add_argument("--model", default=None, help="spaCy model name (default: as ncr chooses)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument(
        "--only", action="append", choices=BENCHMARKS,
        help="run only this benchmark (repeatable; default: throughput, reconcile, adversarial, scale)",
    )
    args = parser.parse_args(argv)
    if args.docs < 1 or args.repeat < 1 or args.scale_docs < 1:
        parser.error("--docs, --scale-docs and --repeat must be at least 1")
    wanted = set(args.only or BENCHMARKS)

    if "throughput" not in wanted:
        os.chdir(ROOT)
        figures: dict[str, Any] = {}
        measure_others(
            wanted, figures, lambda: ncr.nlp.load_model(args.model), lambda: build_corpus(args.scale_docs),
            lambda: ncr.nlp.load_model(args.model, as_shipped=True),
        )
        if args.json:
            print(json.dumps(figures))
        else:
            print_others(figures)
        return 0

    os.chdir(ROOT)  # read seeds/ exactly as `ncr claims seeds/` would from the repo root
    try:
        articles = build_corpus(args.docs)
        nlp = ncr.nlp.load_model(args.model)
        shipped = ncr.nlp.load_model(args.model, as_shipped=True)
    except NcrError as exc:
        print(f"bench: error: {exc}", file=sys.stderr)
        return 1

    import spacy

    rates = measure(nlp, shipped, articles, args.repeat)
    bare_med = statistics.median(rates["bare"])
    ncr_med = statistics.median(rates["ncr"])
    ratio = ncr_med / bare_med
    met = ratio >= TARGET_RATIO
    figures = {
        "docs": len(articles),
        "chars": sum(len(a.text) for a in articles),
        # meta["name"] lacks the language prefix of the package name ("core_web_sm").
        "model": f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name')}",
        "model_version": nlp.meta.get("version"),
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "batch_size": ncr.pipeline.BATCH_SIZE,
        "bare_docs_per_s": {"median": bare_med, "best": max(rates["bare"]), "runs": rates["bare"]},
        "ncr_docs_per_s": {"median": ncr_med, "best": max(rates["ncr"]), "runs": rates["ncr"]},
        "ratio": ratio,
        "target": TARGET_RATIO,
        "met": met,
    }
    measure_others(wanted, figures, lambda: nlp, lambda: build_corpus(args.scale_docs), lambda: shipped)
    if args.json:
        print(json.dumps(figures))
        return 0

    model = f"{figures['model']} {figures['model_version']}"
    print(
        f"ncr bench: {figures['docs']} documents, {figures['chars']:,} chars, model {model}, "
        f"spaCy {figures['spacy']}, Python {figures['python']}, {figures['cpus']} CPUs, "
        f"{args.repeat} runs each"
    )
    print(f"{'':<12}{'median docs/s':>15}{'best docs/s':>14}")
    for label, key in (("bare spaCy", "bare_docs_per_s"), ("ncr claims", "ncr_docs_per_s")):
        row = figures[key]
        print(f"{label:<12}{row['median']:>15.1f}{row['best']:>14.1f}")
    print(
        f"ratio (median ncr / bare): {ratio:.2f}   "
        f"target >= {TARGET_RATIO:.2f}: {'met' if met else 'not met'}"
    )
    print()
    print_others(figures)
    return 0


def measure_others(wanted: set[str], figures: dict[str, Any], nlp: Any, articles: Any, shipped: Any) -> None:
    """The benchmarks after throughput, into ``figures`` (``nlp``, the scale routes' ``articles``
    and the model as ``shipped``, for bare spaCy, load on demand)."""
    if "reconcile" in wanted:
        figures["reconcile"] = reconcile_figures()
    if "adversarial" in wanted:
        figures["adversarial"] = adversarial.measure(nlp())
    if "scale" in wanted:
        figures["scale"] = scale.measure(articles(), nlp(), shipped())


def print_others(figures: dict[str, Any]) -> None:
    """Each benchmark after throughput that ran, a blank line between them."""
    printers = (("reconcile", print_reconcile), ("adversarial", adversarial.print_figures), ("scale", scale.print_figures))
    blocks = [(printer, figures[name]) for name, printer in printers if name in figures]
    for n, (printer, data) in enumerate(blocks):
        if n:
            print()
        printer(data)


if __name__ == "__main__":
    sys.exit(main())
