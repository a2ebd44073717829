"""The record cache and worker processes: same bytes whatever the route, nothing trusted that should not be."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ncr.article_record import ArticleRecord
from ncr.cache import ModelId, RecordCache, record_key
from ncr.records import Article

MODEL = ModelId("en_core_web_sm", "3.8.0", "3.8.18")
ARTICLE = Article(id="a", text="Officials said 12 barges ran aground.", path="a.txt", published="2031-04-02")
TODAY = date(2031, 6, 1)


def test_key_changes_with_everything_extraction_depends_on() -> None:
    key = record_key(ARTICLE, MODEL, TODAY, 2031)

    changed = [
        record_key(replace(ARTICLE, text=ARTICLE.text + " "), MODEL, TODAY, 2031),
        record_key(replace(ARTICLE, published="2031-04-03"), MODEL, TODAY, 2031),
        record_key(replace(ARTICLE, id="b"), MODEL, TODAY, 2031),
        record_key(ARTICLE, replace(MODEL, name="en_core_web_md"), TODAY, 2031),
        record_key(ARTICLE, replace(MODEL, version="3.8.1"), TODAY, 2031),
        record_key(ARTICLE, replace(MODEL, spacy="3.9.0"), TODAY, 2031),
    ]

    assert len({key, *changed}) == len(changed) + 1
    # A dated article does not depend on today or on the other inputs' year.
    assert record_key(ARTICLE, MODEL, date(2032, 1, 1), 2040) == key
    undated = replace(ARTICLE, published=None)
    assert record_key(undated, MODEL, TODAY, 2031) != record_key(undated, MODEL, date(2032, 1, 1), 2031)
    assert record_key(undated, MODEL, TODAY, 2031) != record_key(undated, MODEL, TODAY, 2030)


def test_key_changes_with_ncr_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import ncr.cache

    key = record_key(ARTICLE, MODEL, TODAY, None)
    monkeypatch.setattr(ncr.cache, "__version__", "99.0")
    assert record_key(ARTICLE, MODEL, TODAY, None) != key
    monkeypatch.setattr(ncr.cache, "RECORD_FORMAT", "ncr-record/999")
    assert record_key(ARTICLE, MODEL, TODAY, None) != key


def test_key_changes_with_the_code(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import ncr.cache

    key = record_key(ARTICLE, MODEL, TODAY, None)
    package = tmp_path / "ncr"
    package.mkdir()
    (package / "cache.py").write_text("# another rule\n")
    ncr.cache.code_fingerprint.cache_clear()
    monkeypatch.setattr(ncr.cache, "__file__", str(package / "cache.py"))
    try:
        assert record_key(ARTICLE, MODEL, TODAY, None) != key
    finally:
        ncr.cache.code_fingerprint.cache_clear()


STORY = [
    f"Storm report {i}\n\nAt least {i + 3} boats were damaged in Harl Bay on Monday, the coastguard said. "
    f"\u201cWe moved {i * 10 + 5} people,\u201d said Warden Ines Corra.\n"
    for i in range(36)
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many")
    for i, text in enumerate(STORY):
        (root / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return root


def run(*args: object, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    return subprocess.run(
        [sys.executable, "-m", "ncr.cli", *map(str, args), *extra], capture_output=True, text=True, encoding="utf-8",
        timeout=600, check=False,
    )


@pytest.mark.model
def test_same_bytes_without_cache_cold_warm_and_with_workers(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plain = run("claims", corpus, "--json", "--jobs", "1")
    cold = run("claims", corpus, "--json", "--jobs", "1", cache=cache)
    entries = RecordCache(cache).info()[0]
    warm = run("claims", corpus, "--json", "--jobs", "1", cache=cache)
    workers = run("claims", corpus, "--json", "--jobs", "2")  # started fresh: each loads the model
    forked = run("claims", corpus, "--json", "--jobs", "2", cache=tmp_path / "other")  # inherit the loaded model

    for result in (plain, cold, warm, workers, forked):
        assert result.returncode == 0, result.stderr
    assert plain.stdout == cold.stdout == warm.stdout == workers.stdout == forked.stdout
    assert entries == len(STORY)
    assert len(json.loads(plain.stdout)["claims"]) >= 2 * len(STORY)


@pytest.mark.model
def test_corrupt_truncated_and_foreign_entries_are_rebuilt(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run("claims", corpus, "--json", "--jobs", "1", cache=cache)
    entries = RecordCache(cache).entries()
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_text(entries[1].read_text(encoding="utf-8")[:100], encoding="utf-8")
    other = json.loads(entries[3].read_text(encoding="utf-8"))
    entries[2].write_text(json.dumps(other), encoding="utf-8")  # another article's entry under this key
    data = json.loads(entries[4].read_text(encoding="utf-8"))
    data["record"]["format"] = "ncr-record/0"
    entries[4].write_text(json.dumps(data), encoding="utf-8")
    entries[5].write_bytes(b"\x89PNG\r\n\x1a\n\x00")

    again = run("claims", corpus, "--json", "--jobs", "1", cache=cache)

    assert again.returncode == 0 and again.stderr == ""
    assert again.stdout == first.stdout
    store = RecordCache(cache)
    for path in entries[:6]:
        assert store.get(path.stem) is not None  # rebuilt


@pytest.mark.model
def test_two_concurrent_runs_share_a_cache(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "ncr.cli", "claims", str(corpus), "--json", "--jobs", "1", "--cache-dir", str(cache)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=600) for r in runs]

    assert all(r.returncode == 0 for r in runs), [o[1] for o in outputs]
    assert outputs[0][0] == outputs[1][0]
    store = RecordCache(cache)
    assert len(store.entries()) == len(STORY)
    assert all(store.get(path.stem) is not None for path in store.entries())
    assert not list(cache.glob("*/.tmp-*"))


def test_cache_info_and_clear(tmp_path: Path) -> None:
    from test_cli import ncr

    cache = tmp_path / "c"
    (cache / "ab").mkdir(parents=True)
    (cache / "ab" / ("ab" + "0" * 62 + ".json")).write_text("{}", encoding="utf-8")

    info = ncr("cache", "info", "--cache-dir", cache)
    cleared = ncr("cache", "clear", "--cache-dir", cache)

    assert info.exit_code == 0 and info.stdout.splitlines()[1].startswith("1 records")
    assert cleared.exit_code == 0 and cleared.stdout.startswith("removed 1 records")
    assert RecordCache(cache).info() == (0, 0)


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    store = RecordCache(blocker / "cache")

    record = ArticleRecord(ARTICLE, (), (), (), (), (), ())

    assert store.get("ab" * 32) is None
    assert store.put("ab" * 32, record) is False


@pytest.mark.model
def test_extract_then_records_gives_the_same_report(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "records"
    direct = run("claims", corpus, "--json", "--jobs", "1")
    extracted = run("extract", corpus, "--out", out, "--jobs", "1")
    from_records = run("claims", "--records", out, "--json")

    assert extracted.returncode == 0 and extracted.stdout == f"wrote {len(STORY)} article records to {out}\n"
    assert [p.name for p in out.iterdir()] == ["part-00000.jsonl"]
    assert from_records.returncode == 0, from_records.stderr
    assert from_records.stdout == direct.stdout


@pytest.mark.model
def test_records_directory_problems_are_reported(tmp_path: Path) -> None:
    from ncr.record_files import read_records

    out = tmp_path / "records"
    out.mkdir()
    (out / "part-00000.jsonl").write_text('{"format": "ncr-record/0"}\n\n[1]\n', encoding="utf-8")

    records, problems = read_records(str(out))
    missing, gone = read_records(str(tmp_path / "nowhere"))

    assert records == [] and [p.reason.split(":")[0] for p in problems] == ["line 1", "line 3"]
    assert missing == [] and gone[0].skipped


@pytest.mark.model
def test_dask_local_cluster_gives_the_same_records(corpus: Path) -> None:
    from ncr.cluster import extract_on_dask
    from ncr.extraction import extract_articles, input_year_of
    from ncr.ingest import read_inputs
    from ncr.nlp import load_model

    articles = list(read_inputs([str(corpus)]).articles)
    today = date(2031, 6, 1)
    year = input_year_of(articles)

    on_cluster = extract_on_dask(articles, None, today, year, "local", workers=2)

    assert on_cluster == list(extract_articles(articles, load_model(), today, year))


def test_dask_partitions_keep_every_worker_busy_to_the_end() -> None:
    from ncr.cluster import PARTITION_ARTICLES, PARTITIONS_PER_WORKER, partition_count

    assert partition_count(200, 2) == 2 * PARTITIONS_PER_WORKER  # 25 articles each, not 7 of 32
    assert partition_count(10_000, 2) == -(-10_000 // PARTITION_ARTICLES)  # never more than a batch each
    assert partition_count(3, 2) == 3 and partition_count(0, 2) == 1


@pytest.mark.model
def test_a_warm_run_never_loads_the_model(corpus: Path, tmp_path: Path) -> None:
    from ncr.ingest import read_inputs
    from ncr.nlp import load_model
    from ncr.workers import extract_records

    assert ModelId.installed(None) == ModelId.of(load_model())
    articles = list(read_inputs([str(corpus)]).articles)
    cache = RecordCache(tmp_path / "cache")
    today = date(2031, 6, 1)
    cold = extract_records(articles, load_model, None, today, cache=cache)

    def no_model():  # type: ignore[no-untyped-def]
        raise AssertionError("the model was loaded though every record is cached")

    assert extract_records(articles, no_model, None, today, cache=cache) == cold
