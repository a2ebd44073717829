"""Extraction on a Dask cluster: the same records as on one machine, from many.

Why Dask: it is a Python library that spreads plain Python functions over
processes and machines (``dask.bag`` for a sequence of independent items, which
is what articles are), installs with pip, runs the same code on a laptop
(``LocalCluster``) and on a cluster of any size (``dask-scheduler`` plus
``dask-worker`` on each machine, or Kubernetes, SLURM and cloud deployments).
Ray would do as well for the map, but brings a larger runtime for no gain here;
Spark would put a JVM between ncr and its Python extraction.

Each worker process loads the model once (``ncr.nlp.load_model`` is cached per
process) and extracts partitions of articles; the records come back in input
order, so the report is the same bytes as ``--jobs 1``. There are a few
partitions per worker, so that the workers finish together (a worker left with
one partition more than the others would keep them all waiting).

``scheduler="local"`` starts a LocalCluster of worker processes on 127.0.0.1
that stops with the run. Where processes can be forked (Linux), the model is
loaded here first and the workers are forked with it, as ``--jobs`` does: a
spawned worker would import spaCy and load the model again, which on a few
hundred articles costs more than the worker saves.
"""

from __future__ import annotations

import multiprocessing
import os
from datetime import date

from .article_record import ArticleRecord
from .errors import NcrError
from .records import Article

# At most this many articles per Dask partition (one spaCy batch), and about this many
# partitions per worker, so that the last ones can go to whichever worker is free.
PARTITION_ARTICLES = 32
PARTITIONS_PER_WORKER = 4


def _extract_partition(articles: list[Article], model: str | None, today: date, input_year: int | None) -> list[ArticleRecord]:
    from .extraction import extract_articles
    from .nlp import load_model

    return list(extract_articles(articles, load_model(model), today, input_year))


def partition_count(articles: int, workers: int) -> int:
    """Partitions for ``articles`` on ``workers`` workers: ``PARTITIONS_PER_WORKER`` each,
    unless that makes partitions larger than ``PARTITION_ARTICLES``."""
    return max(1, min(articles, max(workers * PARTITIONS_PER_WORKER, -(-articles // PARTITION_ARTICLES))))


def extract_on_dask(
    articles: list[Article], model: str | None, today: date, input_year: int | None, scheduler: str,
    workers: int | None = None,
) -> list[ArticleRecord]:
    """Records of ``articles``, in order, extracted by the Dask cluster at ``scheduler`` (or "local")."""
    try:
        import dask
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - dask is a dependency
        raise NcrError(f"Dask is not installed ({error.name}); pip install 'dask[bag]' distributed") from None

    def extract(client: Client) -> list[ArticleRecord]:
        partitions = partition_count(len(articles), max(1, sum(client.nthreads().values())))
        bag = db.from_sequence(articles, npartitions=partitions).map_partitions(
            _extract_partition, model, today, input_year
        )
        return list(client.compute(bag).result())

    if scheduler == "local":
        n = workers or min(os.cpu_count() or 1, partition_count(len(articles), 1))
        forking = "fork" in multiprocessing.get_all_start_methods()
        if forking:
            from .nlp import load_model

            load_model(model)  # here, once: the forked workers have it
        method = "fork" if forking else dask.config.get("distributed.worker.multiprocessing-method")
        with dask.config.set({"distributed.worker.multiprocessing-method": method}), LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
        ) as cluster, Client(cluster) as client:
            return extract(client)
    try:
        with Client(scheduler, timeout="20s") as client:
            return extract(client)
    except (OSError, TimeoutError) as error:
        raise NcrError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
