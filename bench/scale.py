"""The scale benchmark of ``make bench``: cold and warm, one and two processes, Dask, memory, big reconciliations.

What it measures, on the seeds cycled to ``--docs`` articles (each its own id):

* articles/s of bare spaCy (``nlp.pipe`` of the model as shipped), of ncr's own
  pipeline parsing alone, and of ncr extraction plus
  reconciliation (``ncr.workers.extract_records`` then ``ncr.pipeline.reconcile``)
  cold (an empty record cache) with ``jobs=1`` and ``jobs=2``, warm (every record
  in the cache), and on a Dask LocalCluster of 2 worker processes; the model
  loads of worker processes and of the cluster are inside the timings, as a user
  would wait for them; bare spaCy, ncr's parse and ncr cold ``jobs=1``, whose
  ratio is the target most exposed to the machine's drift, take turns every
  few articles (``throughput`` says why);
* peak memory (the high-water mark of resident memory, VmHWM, of a fresh
  ``ncr claims --no-cache --jobs 1 --format json`` process) on ``MEMORY_ARTICLES`` short synthetic
  articles: with records, memory grows with what is found, not with the parses;
* reconciliation alone (no spaCy: ``ncr.pipeline.topics_of``, that is
  ``align.assign_topics``, then ``copies`` and ``conflicts.build_topic`` per topic) on ``RECONCILE_CLAIMS`` synthetic claims spread over
  many topics, as in a news feed: seconds, and seconds per claim.

This prints figures; it is not a test.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from ncr.article_record import ArticleRecord
from ncr.cache import RecordCache
from ncr.pipeline import reconcile
from ncr.records import Article
from ncr.workers import extract_records

MEMORY_ARTICLES = (1000, 10000)
WARMUP_ARTICLES = 20
CHUNK_ARTICLES = 20
RECONCILE_CLAIMS = (10_000, 100_000, 1_000_000)
TODAY = date(2026, 11, 30)


def _extract_and_reconcile(articles: list[Article], nlp: Any, **options: Any) -> list[ArticleRecord]:
    records = extract_records(articles, lambda: nlp, None, TODAY, **options)
    reconcile(records)
    return records


def throughput(articles: list[Article], nlp: Any, shipped: Any) -> dict[str, Any]:
    """Articles per second of each route.

    Bare spaCy (the model as spaCy ships it, ``shipped``), ncr's own pipeline parsing
    alone (``nlp``: a sentence at each line break, attribute rules by lookup) and ncr
    cold ``--jobs 1`` (extraction into an empty record cache, then one reconciliation
    of every record) take turns chunk by chunk, ``CHUNK_ARTICLES`` articles at a time,
    each chunk in the opposite order to the one before: this machine's speed drifts by
    a fifth within minutes, and a route timed minutes apart from another would measure
    the drift as much as the route. The models are warmed up on a few articles first,
    so no route pays for that. ``--jobs 2`` and Dask (worker start-up included) run
    twice each, before and after, and keep their best run; ``runs`` holds every rate."""
    n = len(articles)
    routes = ("bare spaCy", "ncr parse only", "ncr cold, --jobs 1")
    seconds = dict.fromkeys(routes, 0.0)
    runs: dict[str, list[float]] = {"ncr cold, --jobs 2": [], "ncr on Dask, 2 workers": []}
    for model in (shipped, nlp):
        for _ in model.pipe([a.text for a in articles[:WARMUP_ARTICLES]]):
            pass

    def in_workers() -> None:
        from ncr.cluster import extract_on_dask

        started = time.perf_counter()
        _extract_and_reconcile(articles, nlp, cache=None, jobs=2)
        runs["ncr cold, --jobs 2"].append(n / (time.perf_counter() - started))
        started = time.perf_counter()
        reconcile(extract_on_dask(articles, None, TODAY, None, "local", workers=2))
        runs["ncr on Dask, 2 workers"].append(n / (time.perf_counter() - started))

    in_workers()
    with tempfile.TemporaryDirectory(prefix="ncr-bench-cache-") as folder:
        cache = RecordCache(Path(folder))
        records: list[ArticleRecord] = []
        for number, first in enumerate(range(0, n, CHUNK_ARTICLES)):
            chunk = articles[first : first + CHUNK_ARTICLES]
            for route in routes if number % 2 == 0 else reversed(routes):
                started = time.perf_counter()
                if route == "ncr cold, --jobs 1":
                    records += extract_records(chunk, lambda: nlp, None, TODAY, cache=cache, jobs=1)
                else:
                    for _ in (shipped if route == "bare spaCy" else nlp).pipe([a.text for a in chunk], batch_size=32):
                        pass
                seconds[route] += time.perf_counter() - started
        started = time.perf_counter()
        reconcile(records)
        seconds["ncr cold, --jobs 1"] += time.perf_counter() - started
        rates: dict[str, Any] = {route: n / seconds[route] for route in routes}
        started = time.perf_counter()
        _extract_and_reconcile(articles, nlp, cache=cache, jobs=1)
        rates["ncr warm (cached)"] = n / (time.perf_counter() - started)
    in_workers()
    rates.update((label, max(each)) for label, each in runs.items())
    return {"rates": rates, "runs": runs}


def short_articles(n: int) -> list[str]:
    return [
        f"Report {i}\n\nAt least {i % 90 + 3} boats were damaged in Harl Bay on Monday, the coastguard said. "
        f"About {i % 400 + 100} people were moved, officials in district {i % 50} said.\n"
        for i in range(n)
    ]


def peak_memory(n: int) -> dict[str, float]:
    """Peak RSS (MiB) and seconds of a fresh ``ncr claims`` over ``n`` short articles, as JSONL on stdin."""
    import json

    feed = "".join(json.dumps({"id": f"s{i}", "text": t}) + "\n" for i, t in enumerate(short_articles(n)))
    # VmHWM, not ru_maxrss: on Linux a child keeps the ru_maxrss of the process it was forked from.
    code = (
        "import sys; from ncr.cli import main; sys.argv = ['ncr', 'claims', '-', '--no-cache', "
        "'--jobs', '1', '--format', 'json']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')]\n"
        "print(hwm[0].split()[1] if hwm else 0, file=sys.stderr)"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], input=feed, capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    seconds = time.perf_counter() - started
    return {"articles": n, "peak_mib": int(done.stderr.strip().splitlines()[-1]) / 1024, "seconds": seconds}


def reconcile_many(n_claims: int, make_claims: Any) -> dict[str, float]:
    """Seconds to reconcile ``n_claims`` synthetic claims (``make_claims(n)``) spread over topics.

    Each size runs in a fresh process, as a real run would: what earlier parts of the
    benchmark left in this one (a loaded model, freed arenas) would weigh on the time."""
    import json

    code = (
        "import json, sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
        "from scale import " + make_claims.__name__ + " as make\n"
        "from ncr.pipeline import topics_of\n"
        f"claims = make({n_claims})\n"
        "credits = {c.source: None for c in claims}\n"
        "started = time.perf_counter()\n"
        "_, topics = topics_of(claims, credits)\n"
        "print(json.dumps([time.perf_counter() - started, len(topics)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, topics = json.loads(done.stdout.strip().splitlines()[-1])
    return {"claims": n_claims, "topics": topics, "seconds": seconds, "us_per_claim": seconds / n_claims * 1e6}


def feed_claims(n: int) -> list[Any]:
    """``n`` claims as a news feed gives them: many stories (a topic each of a few dozen claims), three states."""
    from ncr.records import Attribution, Claim, Interval, Qualifier

    states = ("killed", "injured", "evacuated")
    claims = []
    for k in range(n):
        story, state = k // 60, states[k % 3]
        value = float(10 + (k * 7) % 40)
        text = f"{value:.0f} people"
        sentence = f"In town{story} {text} were {state}, officials of town{story} said; report {k}."
        start = sentence.index(text)
        claims.append(
            Claim(
                id=f"C{k + 1}", source=f"a{k // 3}", text=text, start=start, end=start + len(text), sentence=sentence,
                value=Interval(value, value, value), qualifier=Qualifier.EXACT, unit="person", subject="people",
                attributed_to=Attribution(text="officials"), as_of=None, kind="people", state=state,
                group=f"town{story}", phase=0, event=None, context=frozenset({state, f"town{story}"}),
            )
        )
    return claims


def measure(articles: list[Article], nlp: Any, shipped: Any, memory: bool = True) -> dict[str, Any]:
    figures: dict[str, Any] = {"articles": len(articles), **throughput(articles, nlp, shipped)}
    figures["memory"] = [peak_memory(n) for n in MEMORY_ARTICLES] if memory else []
    figures["reconcile"] = [reconcile_many(n, feed_claims) for n in RECONCILE_CLAIMS]
    figures["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def print_figures(figures: dict[str, Any]) -> None:
    rates = figures["rates"]
    cold = rates["ncr cold, --jobs 1"]
    print(
        f"ncr scale: {figures['articles']} seed articles; articles/s (model loads included; "
        f"the first three take turns every {CHUNK_ARTICLES} articles; --jobs 2 and Dask: the best of two runs)"
    )
    print(f"{'route':<26}{'articles/s':>11}{'× cold --jobs 1':>17}")
    for label, rate in rates.items():
        print(f"{label:<26}{rate:>11.1f}{rate / cold:>17.2f}")
    for label, each in figures["runs"].items():
        print(f"  {label} runs: " + ", ".join(f"{rate:.1f}" for rate in each))
    print(f"ncr cold --jobs 1 / bare spaCy: {cold / rates['bare spaCy']:.2f}   "
          f"/ ncr parse only: {cold / rates['ncr parse only']:.2f}")
    if figures["memory"]:
        print("peak memory of `ncr claims - --no-cache --jobs 1 --format json` on short articles:")
        for row in figures["memory"]:
            print(f"{row['articles']:>8,} articles  {row['peak_mib']:>7.0f} MiB  {row['seconds']:>7.1f} s")
        first, last = figures["memory"][0], figures["memory"][-1]
        print(f"peak at {last['articles']:,} / at {first['articles']:,}: {last['peak_mib'] / first['peak_mib']:.2f}")
    print("reconciliation alone (synthetic feed: topics of 20 claims, three states):")
    for row in figures["reconcile"]:
        print(f"{row['claims']:>10,} claims {row['topics']:>8,} topics {row['seconds']:>8.1f} s {row['us_per_claim']:>8.1f} µs/claim")


def corpus(articles: list[Article], n: int) -> list[Article]:
    return [dataclasses.replace(articles[i % len(articles)], id=f"{articles[i % len(articles)].id}-{i}") for i in range(n)]
