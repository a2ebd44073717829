"""Extraction at scale: cached records first, then the rest on every core (or a Dask cluster).

``extract_records`` gives one record per article, in input order, whatever the
route: read back from the cache (``ncr.cache``), extracted in this process, or
extracted by worker processes that each load the model once (``--jobs``). A
record depends only on its article (``ncr.extraction``), so the routes give the
same records, and the report the same bytes.
"""

from __future__ import annotations

import ctypes
import math
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import TYPE_CHECKING, Any

from .article_record import ArticleRecord
from .cache import ModelId, RecordCache, record_key
from .extraction import BATCH_SIZE, extract_articles, input_year_of
from .records import Article

if TYPE_CHECKING:
    from spacy.language import Language

# Fewer articles to extract than this are not worth starting worker processes for
# (each loads the model, about two seconds).
MIN_PER_WORKER = 16


def extract_records(
    articles: Sequence[Article],
    load_nlp: Callable[[], Language],
    model: str | None,
    today: date,
    *,
    cache: RecordCache | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    scheduler: str | None = None,
) -> list[ArticleRecord]:
    """A record per article, in order: from the cache where it holds one, else extracted
    (here, by ``jobs`` worker processes loading ``model``, or on the Dask cluster at
    ``scheduler``), then cached."""
    input_year = input_year_of(articles)
    records: list[ArticleRecord | None] = [None] * len(articles)
    keys: list[str | None] = [None] * len(articles)
    nlp: Language | None = None
    if cache is not None:
        model_id = ModelId.installed(model)
        if model_id is None:
            nlp = load_nlp()
            model_id = ModelId.of(nlp)
        for i, article in enumerate(articles):
            keys[i] = key = record_key(article, model_id, today, input_year)
            records[i] = cache.get(key)
    missing = [i for i, record in enumerate(records) if record is None]
    if progress is not None:
        progress(len(articles) - len(missing))
    todo = [articles[i] for i in missing]
    fresh: list[ArticleRecord] = []  # and, when every record was cached, the model is not even loaded
    if todo and scheduler:
        from .cluster import extract_on_dask

        fresh = extract_on_dask(todo, model, today, input_year, scheduler)
        if progress is not None:
            progress(len(fresh))
    elif jobs > 1 and len(todo) >= 2 * MIN_PER_WORKER:
        if nlp is None and "fork" in multiprocessing.get_all_start_methods():
            nlp = load_nlp()  # loaded once here, inherited by every forked worker
        fresh = _in_workers(todo, model, today, input_year, jobs, progress, nlp)
    elif todo:
        for record in extract_articles(todo, nlp or load_nlp(), today, input_year):
            fresh.append(record)
            if progress is not None:
                progress(1)
        release_freed_memory()
    for i, record in zip(missing, fresh, strict=True):
        records[i] = record
        key = keys[i]
        if cache is not None and key is not None:
            cache.put(key, record)
    return [r for r in records if r is not None]


def release_freed_memory() -> None:
    """Hand the C heap that parses freed back to the system, where the C library allows it (glibc).

    A parse lives in C buffers on the C heap; records, and everything reconciliation
    builds from them, are small Python objects in Python's own arenas, which never
    reuse that heap. Kept, it would sit idle beside them for the rest of the run.
    """
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # not glibc
        return
    trim(0)


# ---------------------------------------------------------------- worker processes

_WORKER: dict[str, Any] = {}


def _start_worker(model: str | None) -> None:
    """Load the model, unless the worker was forked from a process that had it loaded."""
    if "nlp" not in _WORKER:
        from .nlp import load_model

        _WORKER["nlp"] = load_model(model)


def _extract_chunk(chunk: list[Article], today: date, input_year: int | None) -> list[ArticleRecord]:
    return list(extract_articles(chunk, _WORKER["nlp"], today, input_year))


def _in_workers(
    articles: list[Article], model: str | None, today: date, input_year: int | None, jobs: int,
    progress: Callable[[int], None] | None, nlp: Language | None = None,
) -> list[ArticleRecord]:
    """Records of ``articles`` from ``jobs`` processes. Where processes can be forked
    (Linux) and the model is already loaded here, workers inherit it instead of
    loading it again; elsewhere each worker starts fresh and loads it once."""
    workers = min(jobs, max(1, len(articles) // MIN_PER_WORKER))
    size = max(1, min(BATCH_SIZE, math.ceil(len(articles) / (workers * 4))))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    forking = nlp is not None and "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    out: list[ArticleRecord] = []
    if forking:
        _WORKER["nlp"] = nlp
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(model,)) as pool:
            for records in pool.map(_extract_chunk, chunks, [today] * len(chunks), [input_year] * len(chunks)):
                out.extend(records)
                if progress is not None:
                    progress(len(records))
    finally:
        _WORKER.pop("nlp", None)
    return out
