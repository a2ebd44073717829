"""Extraction on a Dask cluster: the same records as on one machine, from many.

Why Dask: it is a Python library that spreads plain Python functions over
processes and machines (``dask.bag`` for a sequence of independent items, which
is what articles are), installs with pip, runs the same code on a laptop
(``LocalCluster``) and on a cluster of any size (``dask-scheduler`` plus
``dask-worker`` on each machine, or Kubernetes, SLURM and cloud deployments).
Ray would do as well for the map, but brings a larger runtime for no gain here;
Spark would put a JVM between ncr and its Python extraction.

Each worker process loads the model once (``ncr.nlp.load_model`` is cached per
process) and extracts a partition of articles; the records come back in input
order, so the report is the same bytes as ``--jobs 1``. ``scheduler="local"``
starts a LocalCluster of worker processes on 127.0.0.1 that stops with the run.
"""

from __future__ import annotations

import os
from datetime import date

from .article_record import ArticleRecord
from .errors import NcrError
from .records import Article

# Articles per Dask partition: enough to batch the parse, small enough to spread.
PARTITION_ARTICLES = 32


def _extract_partition(articles: list[Article], model: str | None, today: date, input_year: int | None) -> list[ArticleRecord]:
    from .extraction import extract_articles
    from .nlp import load_model

    return list(extract_articles(articles, load_model(model), today, input_year))


def extract_on_dask(
    articles: list[Article], model: str | None, today: date, input_year: int | None, scheduler: str,
    workers: int | None = None,
) -> list[ArticleRecord]:
    """Records of ``articles``, in order, extracted by the Dask cluster at ``scheduler`` (or "local")."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - dask is a dependency
        raise NcrError(f"Dask is not installed ({error.name}); pip install 'dask[bag]' distributed") from None
    partitions = max(1, -(-len(articles) // PARTITION_ARTICLES))
    bag = db.from_sequence(articles, npartitions=partitions).map_partitions(
        _extract_partition, model, today, input_year
    )
    if scheduler == "local":
        n = workers or min(os.cpu_count() or 1, partitions)
        with LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
        ) as cluster, Client(cluster) as client:
            return list(client.compute(bag).result())
    try:
        with Client(scheduler, timeout="20s") as client:
            return list(client.compute(bag).result())
    except (OSError, TimeoutError) as error:
        raise NcrError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
