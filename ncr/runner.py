"""What a command does before it renders: read the inputs, extract them, reconcile the records.

The plain functions behind the command line (``ncr.cli`` parses options into a
``Settings`` and calls them). Problems with the input are printed on stderr
here, one line each and a summary, and kept in the report for the JSON.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from .errors import NcrError, UsageError
from .ingest import DEFAULT_MAX_CHARS, Ingested, Limits, read_inputs, read_url_list
from .render.safe import SafeStream

if TYPE_CHECKING:
    from .article_record import ArticleRecord
    from .records import Problem, Report

BUNDLED_SEEDS = "seeds"


@dataclass(frozen=True, slots=True)
class Settings:
    """How a command reads and analyses its inputs (the options every analysing command shares)."""

    model: str | None = None
    tolerance: float = 0.0
    max_chars: int = DEFAULT_MAX_CHARS
    urls_file: str | None = None
    jobs: int | None = None
    cache_dir: str | None = None
    no_cache: bool = False
    records: tuple[str, ...] = ()
    scheduler: str | None = None

    @property
    def limits(self) -> Limits:
        return Limits(max_chars=self.max_chars)


_PUBLISHED = re.compile(r"^(?P<id>.+)=(?P<date>\d{4}-\d{2}-\d{2})$")


def stderr_console() -> Console:
    return Console(file=SafeStream(sys.stderr, keep_escape=False), highlight=False, emoji=False, soft_wrap=True)


def _published_dates(values: Sequence[str] | None) -> dict[str, str]:
    dates: dict[str, str] = {}
    for value in values or ():
        match = _PUBLISHED.match(value)
        if not match:
            raise UsageError(f"--published expects ID=YYYY-MM-DD, got {value!r}")
        try:
            date.fromisoformat(match.group("date"))
        except ValueError:
            raise UsageError(f"--published: {match.group('date')} is not a calendar date") from None
        dates[match.group("id")] = match.group("date")
    return dates


def _bundled_seeds() -> str:
    """The seeds/ folder shipped beside the package (the default input)."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    candidate = os.path.join(here, BUNDLED_SEEDS)
    if not os.path.isdir(candidate):
        return BUNDLED_SEEDS
    # A relative path keeps the output free of this machine's directories.
    return os.path.relpath(candidate)


def load_articles(
    paths: Sequence[str] | None, published: Sequence[str] | None, limits: Limits | None = None,
    urls_file: str | None = None,
) -> Ingested:
    """Read the inputs, report unreadable ones on stderr, apply ``--published``.

    Each problem gets a line of its own, and a last line sums them up.
    """
    dates = _published_dates(published)
    urls = read_url_list(urls_file) if urls_file else []
    default = [] if urls else [_bundled_seeds()]
    ingested = read_inputs(list(paths) if paths else default, limits=limits or Limits(), urls=urls)
    err = stderr_console()
    for problem in ingested.problems:
        err.print(f"ncr: warning: {problem.path}: {problem.message}", markup=False)
    known = {article.id for article in ingested.articles}
    for source_id in sorted(set(dates) - known):
        err.print(f"ncr: warning: --published names unknown source {source_id!r}", markup=False)
    if ingested.problems:
        err.print(f"ncr: warning: {problem_summary(ingested)}", markup=False)
    if not ingested.articles:
        raise NcrError("no readable articles in the input")
    articles = tuple(
        replace(article, published=dates[article.id], published_from="option") if article.id in dates else article
        for article in ingested.articles
    )
    return Ingested(articles, ingested.problems)


def problem_summary(ingested: Ingested) -> str:
    """One line: how many sources were read, how many inputs skipped, how many repaired."""
    skipped = sum(1 for p in ingested.problems if p.skipped)
    noted = len(ingested.problems) - skipped
    read = len(ingested.articles)
    parts = [f"{read} source{'' if read == 1 else 's'} read", f"{skipped} input{'' if skipped == 1 else 's'} skipped"]
    if noted:
        parts.append(f"{noted} other warning{'' if noted == 1 else 's'}")
    return ", ".join(parts) + " (listed in the JSON under \"skipped\" and \"warnings\")"


def analyse_inputs(paths: Sequence[str] | None, published: Sequence[str] | None, settings: Settings) -> Report:
    """Ingest and run the whole pipeline (records given with ``--records`` first); the
    report carries the input problems."""
    from .pipeline import reconcile

    records, problems = _stored_records(settings.records)
    if settings.records and not paths and not settings.urls_file:
        if not records:
            raise NcrError("no readable article records in the input")
        return replace(reconcile(records, settings.tolerance), problems=tuple(problems))
    # Before importing spaCy: bad input fails fast.
    ingested = load_articles(paths, published, settings.limits, settings.urls_file)
    if not records:
        # Nothing here keeps the records: reconcile frees them once it has read them.
        report = reconcile(extract_inputs(ingested, settings), settings.tolerance)
        return replace(report, problems=(*problems, *ingested.problems))
    from .record_files import with_unique_ids

    extracted, renamed = with_unique_ids(extract_inputs(ingested, settings), {r.article.id for r in records})
    everything = [*problems, *renamed, *ingested.problems]
    return replace(reconcile([*records, *extracted], settings.tolerance), problems=tuple(everything))


def _stored_records(directories: Sequence[str]) -> tuple[list[ArticleRecord], list[Problem]]:
    """Records of ``--records`` directories, ids made unique, with problems printed on stderr."""
    if not directories:
        return [], []
    from .record_files import read_records, with_unique_ids

    records, problems = [], []
    for directory in directories:
        found, trouble = read_records(directory)
        records.extend(found)
        problems.extend(trouble)
    records, renamed = with_unique_ids(records, set())
    problems.extend(renamed)
    err = stderr_console()
    for problem in problems:
        err.print(f"ncr: warning: {problem.path}: {problem.message}", markup=False)
    return records, problems


def analyse_articles(ingested: Ingested, settings: Settings) -> Report:
    """Extract, then reconcile."""
    from .pipeline import reconcile

    return replace(reconcile(extract_inputs(ingested, settings), settings.tolerance), problems=ingested.problems)


def extract_inputs(ingested: Ingested, settings: Settings) -> list[ArticleRecord]:
    """A record per article: from the cache, here, in worker processes or on a Dask cluster."""
    from .cache import RecordCache, default_cache_dir
    from .nlp import load_model
    from .workers import extract_records

    cache = None
    if not settings.no_cache:
        cache = RecordCache(Path(settings.cache_dir) if settings.cache_dir else default_cache_dir())
    jobs = settings.jobs or os.cpu_count() or 1
    with _progress(len(ingested.articles)) as advance:
        return extract_records(
            ingested.articles, lambda: load_model(settings.model), settings.model, date.today(),
            cache=cache, jobs=jobs, progress=advance, scheduler=settings.scheduler,
        )


# Runs with fewer articles than this finish before a progress bar would help.
PROGRESS_MIN_ARTICLES = 50


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar on stderr for long runs, only when stderr is a terminal."""
    if total < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=stderr_console(), transient=True,
    ) as bar:
        task = bar.add_task("articles", total=total)
        yield lambda n: bar.advance(task, n)
