"""The adversarial benchmark of ``make bench``: one article made of thousands of quotes.

What it measures: for one synthetic article of N direct quotes ("“Item 17 is
ready,” Mara Quist said.", each its own sentence, paragraphs of ten) and for N in
``QUOTES``, the seconds ``ncr.pipeline.analyse`` takes, the seconds bare spaCy
takes to parse the same text, and ncr's seconds per 1,000 quotes. Near-linear
time shows as a roughly constant time per 1,000 quotes as N grows (and a
roughly constant ratio to bare spaCy); a stage that compared every quote with
every other would make it grow with N. Peak memory is the process's maximum
resident set size after the run (it includes the model).

This prints figures; it is not a test.
"""

from __future__ import annotations

import resource
import time
from typing import Any

from ncr.nlp import parse_texts
from ncr.pipeline import BATCH_SIZE, analyse
from ncr.records import Article

QUOTES = (500, 1000, 2500)
_SPEAKERS = ("Mara Quist", "Olen Baptiste", "the harbour master", "she", "Councillor Ivo Stade")


def quote_article(n_quotes: int) -> str:
    """``n_quotes`` quotes, one a sentence, ten a paragraph, with numbers among them."""
    sentences = [
        f"\u201cItem {i} is ready and {i % 40 + 2} crates wait,\u201d {_SPEAKERS[i % len(_SPEAKERS)]} said."
        for i in range(n_quotes)
    ]
    return "\n\n".join(" ".join(sentences[i : i + 10]) for i in range(0, n_quotes, 10)) + "\n"


def measure(nlp: Any) -> dict[str, Any]:
    rows = []
    for n in QUOTES:
        text = quote_article(n)
        started = time.perf_counter()
        list(parse_texts(nlp, [text], BATCH_SIZE))
        bare = time.perf_counter() - started
        started = time.perf_counter()
        report = analyse([Article(id="quotes", text=text, path="quotes.txt")], nlp)
        seconds = time.perf_counter() - started
        rows.append({
            "quotes": n, "chars": len(text), "found": sum(1 for q in report.quotes if q.direct),
            "bare_seconds": bare, "ncr_seconds": seconds, "seconds_per_1000": seconds / n * 1000,
            "ratio_to_bare": seconds / bare,
        })
    return {
        "runs": rows,
        "per_quote_growth": rows[-1]["seconds_per_1000"] / rows[0]["seconds_per_1000"],
        "quotes_growth": rows[-1]["quotes"] / rows[0]["quotes"],
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def print_figures(figures: dict[str, Any]) -> None:
    print("ncr adversarial: one article of N direct quotes (analyse, including its parse)")
    print(f"{'quotes':>8}{'chars':>10}{'found':>7}{'bare s':>9}{'ncr s':>9}{'s/1k quotes':>13}{'ncr/bare':>10}")
    for row in figures["runs"]:
        print(
            f"{row['quotes']:>8,}{row['chars']:>10,}{row['found']:>7,}{row['bare_seconds']:>9.1f}"
            f"{row['ncr_seconds']:>9.1f}{row['seconds_per_1000']:>13.2f}{row['ratio_to_bare']:>10.2f}"
        )
    print(
        f"seconds per 1,000 quotes, largest / smallest: {figures['per_quote_growth']:.2f} "
        f"(linear ~1; quadratic ~{figures['quotes_growth']:.1f}); peak RSS {figures['peak_rss_mib']:.0f} MiB"
    )
