"""Properties over the whole pipeline, by hypothesis: any text, any order of sources.

- decoding never fails on bytes except to call them binary, and leaves nothing unsafe;
- no exception on any Unicode text, and every offset slices out the text it reports;
- the JSON document always validates against the shipped schema, and written record by
  record it is the same bytes;
- results do not depend on the order the sources are given in.
"""

from __future__ import annotations

import io
import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ncr.contract import document, dumps, write_document
from ncr.decoding import Undecodable, decode, sanitise
from ncr.records import Article

SCHEMA = json.loads(resources.files("ncr").joinpath("schema/ncr-v1.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
UNSAFE = {chr(c) for c in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_any_bytes(data: bytes) -> None:
    try:
        result = decode(data)
    except Undecodable as exc:
        assert exc.reason.startswith("binary file")
        return
    assert not UNSAFE & set(result.text)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in result.text)
    result.text.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_sanitise_keeps_length_and_is_idempotent(text: str) -> None:
    clean, _ = sanitise(text)
    assert len(clean) == len(text)
    assert sanitise(clean) == (clean, ())


# News-like pieces, so that generated texts hold claims, quotes and dates, mixed with any text at all.
_PIECES = st.sampled_from([
    "Officials said 40 people were killed on Monday. ", "About 1,200 residents were evacuated, police said. ",
    "\u201cWe counted 300 tents,\u201d said Mayor Lina Vos. ", "The toll rose to 52 from 40 a day earlier. ",
    "Organisers put the turnout at 85,000; police said 18,000 marched. ", "At least a dozen boats sank. ",
    "Dozens were hurt in Port Ardent last week. ", '"Nine houses burned," she said. ', "\n\n", "\n",
    "Between 3,000 and 4,000 troops crossed on 12 March 2024. ", "In 2019, 7 people died in a similar fire. ",
])
TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=40)), min_size=1, max_size=12).map("".join)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from ncr.nlp import load_model

    return load_model()


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
def test_any_text_runs_and_offsets_slice(nlp, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    from ncr.pipeline import analyse

    articles = [Article(id=f"s{i}", text=sanitise(t)[0], path=f"s{i}.txt") for i, t in enumerate(texts)]
    report = analyse(articles, nlp)

    source_text = {a.id: a.text for a in articles}
    for claim in report.claims:
        assert source_text[claim.source][claim.start : claim.end] == claim.text
    for quote in report.quotes:
        assert source_text[quote.source][quote.start : quote.end] == quote.text
    for found in report.dates:
        assert source_text[found.source][found.start : found.end] == found.text
    for entity in report.entities:
        for mention in entity.mentions:
            assert source_text[mention.source][mention.start : mention.end] == mention.text
    text = dumps(document(report, "claims"))
    assert not list(VALIDATOR.iter_errors(json.loads(text)))
    streamed = io.StringIO()
    write_document(report, "claims", streamed)
    assert streamed.getvalue() == text


def _outcome(report):  # type: ignore[no-untyped-def]
    """What a reader sees, free of ids that depend on input order: each claim, and its topic
    as the set of claims in it with its status."""
    key = {c.id: (c.source, c.start, c.end, c.value) for c in report.claims}
    members: dict[str, frozenset] = {}
    for claim in report.claims:
        members.setdefault(claim.topic, set()).add(key[claim.id])  # type: ignore[union-attr]
    status = {t.id: t.status for t in report.topics}
    return {(key[c.id], frozenset(members[c.topic]), status[c.topic]) for c in report.claims}


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.lists(_PIECES, min_size=1, max_size=6).map("".join), min_size=2, max_size=4), data=st.data())
def test_results_do_not_depend_on_source_order(nlp, texts: list[str], data) -> None:  # type: ignore[no-untyped-def]
    from ncr.pipeline import analyse

    articles = [Article(id=f"s{i}", text=t, path=f"s{i}.txt") for i, t in enumerate(texts)]
    shuffled = data.draw(st.permutations(articles))

    assert _outcome(analyse(articles, nlp)) == _outcome(analyse(list(shuffled), nlp))
