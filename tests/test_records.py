"""Article records: extraction reduced to plain data, which reconciliation alone turns into the report."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date

import pytest

from ncr.article_record import RECORD_FORMAT, from_dict, to_dict
from ncr.contract import document, dumps, write_document
from ncr.extraction import extract_articles, input_year_of
from ncr.pipeline import analyse, reconcile
from ncr.records import Article, Problem

TODAY = date(2031, 6, 1)
ARTICLES = [
    Article(
        id="coast",
        text=(
            "Storm Hits Pellmouth\n\nAt least 14 people were killed on Tuesday, police said. "
            "\u201cWe counted 300 damaged homes,\u201d said Mayor Ottilie Brandt. She said 2 ferries sank.\n"
        ),
        path="coast.txt",
        published="2031-05-21",
    ),
    Article(
        id="wire",
        text=(
            "Pellmouth storm toll rises\n\nThe death toll rose to 17 on Wednesday, Brandt said. Repairs will cost "
            "about $40 million. Ottilie Brandt's office said 280 homes were damaged.\n"
        ),
        path="wire.txt",
    ),
]


@pytest.fixture(scope="module")
def records():  # type: ignore[no-untyped-def]
    from ncr.nlp import load_model

    return list(extract_articles(ARTICLES, load_model(), TODAY, input_year_of(ARTICLES)))


@pytest.mark.model
def test_records_round_trip_through_json(records) -> None:  # type: ignore[no-untyped-def]
    for record in records:
        data = json.loads(json.dumps(to_dict(record)))
        assert data["format"] == RECORD_FORMAT
        assert from_dict(data) == record


@pytest.mark.model
def test_reconciling_records_gives_the_report_of_the_whole_pipeline(records) -> None:  # type: ignore[no-untyped-def]
    from ncr.nlp import load_model

    direct = analyse(ARTICLES, load_model(), today=TODAY)
    from_records = reconcile([from_dict(json.loads(json.dumps(to_dict(r)))) for r in records])

    assert dumps(document(from_records, "claims")) == dumps(document(direct, "claims"))
    assert {c.text for c in direct.claims} >= {"At least 14", "17", "300", "280"}
    assert any(e.name == "Ottilie Brandt" and {m.source for m in e.mentions} == {"coast", "wire"} for e in direct.entities)


@pytest.mark.model
def test_a_record_holds_no_parse(records) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc, Span, Token

    def walk(value: object) -> None:
        assert not isinstance(value, (Doc, Span, Token)), value
        if hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:  # type: ignore[attr-defined]
                walk(getattr(value, name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    for record in records:
        walk(record)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"format": "ncr-record/0"},
        {"format": RECORD_FORMAT},
        {"format": RECORD_FORMAT, "article": {"id": "x"}, "mentions": [], "name_candidates": [], "claims": [],
         "quotes": [], "dates": [], "measures": []},
        [],
    ],
)
def test_a_foreign_or_broken_record_is_refused(data: object) -> None:
    with pytest.raises(ValueError):
        from_dict(data)  # type: ignore[arg-type]


@pytest.mark.model
@pytest.mark.parametrize("sections", [None, frozenset({"entities"}), frozenset({"entities", "quotes"}), frozenset()])
def test_the_document_written_record_by_record_is_the_same_bytes(records, sections) -> None:  # type: ignore[no-untyped-def]
    shown = [replace(records[0].article, extracted=True, text=records[0].article.text + "\t\u201cq\u201d\n"), records[1].article]
    report = replace(
        reconcile(records), articles=tuple(shown),
        problems=(Problem("a.bin", "binary file", skipped=True), Problem("b.txt", "cut at 5 chars", skipped=False)),
    )
    streamed = io.StringIO()
    write_document(report, "quotes", streamed, sections)
    assert streamed.getvalue() == dumps(document(report, "quotes", sections))
    empty = io.StringIO()
    write_document(replace(report, articles=(), problems=()), "claims", empty)
    assert empty.getvalue() == dumps(document(replace(report, articles=(), problems=()), "claims"))


@pytest.mark.model
def test_compact_records_are_equal_and_share_their_strings_and_speakers(records) -> None:  # type: ignore[no-untyped-def]
    from ncr.article_record import compact

    for record in records:
        assert compact(record) == record
        speakers = [f.speaker for f in (*record.claims, *record.quotes) if f.speaker is not None]
        assert all(a is b for a in speakers for b in speakers if a == b)
    read_back = [from_dict(json.loads(json.dumps(to_dict(r)))) for r in records]
    said = [q.cue for r in read_back for q in r.quotes if q.cue == "said"]
    assert len(said) > 1 and all(cue is said[0] for cue in said)


@pytest.mark.model
def test_reconciling_leaves_the_cycle_collector_as_it_found_it(records) -> None:  # type: ignore[no-untyped-def]
    import gc

    assert gc.isenabled()
    reconcile(records)
    assert gc.isenabled()
    gc.disable()
    try:
        reconcile(records)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.model
def test_reconcile_lets_go_of_the_records_before_it_builds_topics(records, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ncr.pipeline

    freed: list[bool] = []

    class Handed(list):  # type: ignore[type-arg]
        def __del__(self) -> None:
            freed.append(True)

    topics_of = ncr.pipeline.topics_of

    def checked(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert freed, "the records' list is still alive while topics are built"
        return topics_of(*args, **kwargs)

    monkeypatch.setattr(ncr.pipeline, "topics_of", checked)
    report = reconcile(Handed(records))
    assert dumps(document(report, "claims")) == dumps(document(ncr.pipeline.reconcile(list(records)), "claims"))


def test_replace_is_dataclasses_replace() -> None:
    import dataclasses

    from ncr.records import Attribution, Claim, Interval, Qualifier, replace

    claim = Claim(
        id="C1", source="a", text="12", start=0, end=2, sentence="12 died.", value=Interval(12, 12, 12),
        qualifier=Qualifier.EXACT, unit="person", subject="people", attributed_to=Attribution("police"),
        as_of=None, kind="people", state="killed", context=frozenset({"die"}),
    )
    for changes in ({}, {"topic": "T1"}, {"topic": "T2", "event": "2010", "context": frozenset()}):
        assert replace(claim, **changes) == dataclasses.replace(claim, **changes)
        assert replace(claim, **changes).event == dataclasses.replace(claim, **changes).event  # compare=False fields too
    assert replace(Attribution("police"), entity="E1") == Attribution("police", entity="E1")
    with pytest.raises(TypeError):
        replace(claim, colour="red")
