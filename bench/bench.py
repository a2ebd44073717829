"""Throughput benchmark behind ``make bench``: ncr claims against bare spaCy.

What it measures: documents per second on a corpus made of the articles in
``seeds/`` cycled to ``--docs`` documents (200 by default), for

* bare spaCy: ``for _ in nlp.pipe(texts, batch_size=BATCH_SIZE): pass`` over
  the article texts, and
* ncr claims: ``ncr.pipeline.analyse(articles, nlp)`` followed by building and
  serialising the ``ncr/v1`` JSON document, which is what
  ``ncr claims --format json`` does once the files are read.

Why: almost all of ncr's work is spaCy's parse, so bare ``nlp.pipe`` over the
same texts with the same loaded model is the floor ncr cannot beat. Everything
ncr adds (boilerplate masking, extraction, resolution, alignment, conflicts,
JSON) is overhead on top of it; the target is for ncr to keep at least 0.85 of
the bare throughput (median ncr docs/s / median bare docs/s >= 0.85).

Model loading is excluded: the model is loaded once and warmed up on a few
documents with both workloads before timing. Each measurement is repeated
``--repeat`` times, alternating bare and ncr so drift (thermal, caches, other
load) hits both alike; the best (max) and the median docs/s are reported.

This prints figures; it is not a test. It exits 0 whether or not the target is
met (missing it is reported, not a failure), and non-zero only on an error.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import ncr.contract  # noqa: E402
import ncr.ingest  # noqa: E402
import ncr.nlp  # noqa: E402
import ncr.pipeline  # noqa: E402
from ncr.errors import NcrError  # noqa: E402
from ncr.records import Article  # noqa: E402

TARGET_RATIO = 0.85
SEEDS = "seeds"
WARMUP_DOCS = 5


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


def measure(nlp: Any, articles: list[Article], repeat: int) -> dict[str, list[float]]:
    """Docs/s of each workload, ``repeat`` times, alternating bare and ncr."""
    texts = [a.text for a in articles]
    n = len(articles)
    # Warm-up on a few documents (not timed).
    run_bare(nlp, texts[:WARMUP_DOCS])
    run_ncr(nlp, articles[:WARMUP_DOCS])
    rates: dict[str, list[float]] = {"bare": [], "ncr": []}
    for _ in range(repeat):
        rates["bare"].append(n / timed(run_bare, nlp, texts))
        rates["ncr"].append(n / timed(run_ncr, nlp, articles))
    return rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=200, help="documents in the corpus (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each workload (default 3)")
    parser.add_argument("--model", default=None, help="spaCy model name (default: as ncr chooses)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.repeat < 1:
        parser.error("--docs and --repeat must be at least 1")

    os.chdir(ROOT)  # read seeds/ exactly as `ncr claims seeds/` would from the repo root
    try:
        articles = build_corpus(args.docs)
        nlp = ncr.nlp.load_model(args.model)
    except NcrError as exc:
        print(f"bench: error: {exc}", file=sys.stderr)
        return 1

    import spacy

    rates = measure(nlp, articles, args.repeat)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
