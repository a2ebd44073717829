"""The JSON contract ``ncr/v1``: the one place records become wire documents.

Every JSON output of every command is built here and described by
``schema/ncr-v1.json``. Keys keep a fixed order and numbers are written as
integers when whole, so the same input gives the same bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any, TextIO

from .records import Article, Attribution, Claim, DateMention, Entity, Interval, Measure, Quote, Report, Topic

if TYPE_CHECKING:
    from .diff import Diff

SCHEMA_ID = "ncr/v1"


def load_schema() -> dict[str, Any]:
    """The JSON Schema of ``ncr/v1``, as shipped inside the package."""
    return json.loads(resources.files("ncr").joinpath("schema/ncr-v1.json").read_text(encoding="utf-8"))


def _number(value: float | None) -> int | float | None:
    """A JSON number: whole values as integers; no value for what JSON cannot hold (inf, NaN)."""
    if value is None or not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def _interval(value: Interval) -> dict[str, Any]:
    return {"low": _number(value.low), "high": _number(value.high), "estimate": _number(value.estimate)}


def _attribution(attribution: Attribution | None) -> dict[str, Any] | None:
    if attribution is None:
        return None
    return {"text": attribution.text, "entity": attribution.entity, "refers_to": attribution.refers_to}


def claim_record(claim: Claim) -> dict[str, Any]:
    """One claim as it appears in ``claims`` (and as one line of ``--format jsonl``)."""
    return {
        "id": claim.id,
        "source": claim.source,
        "topic": claim.topic,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "sentence": claim.sentence,
        "value": _interval(claim.value),
        "qualifier": claim.qualifier.value,
        "unit": claim.unit,
        "subject": claim.subject,
        "attributed_to": _attribution(claim.attributed_to),
        "as_of": claim.as_of,
        "certainty": (
            {"cues": list(claim.certainty.cues), "denied": claim.certainty.denied} if claim.certainty else None
        ),
    }


def topic_record(topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "label": topic.label,
        "claims": list(topic.claims),
        "sources": list(topic.sources),
        "status": topic.status.value,
        "low": _number(topic.low),
        "high": _number(topic.high),
        "conflicts": [list(pair) for pair in topic.conflicts],
        "key": (
            {"counted": topic.key.counted, "state": topic.key.state, "group": topic.key.group, "event": topic.key.event}
            if topic.key else None
        ),
        "camps": [
            {
                "low": _number(camp.low), "high": _number(camp.high), "claims": list(camp.claims),
                "speakers": list(camp.speakers), "sources": list(camp.sources),
            }
            for camp in topic.camps
        ],
        "updates": [list(pair) for pair in topic.updates],
        "independent_sources": topic.independent_sources,
        "copies": [list(group) for group in topic.copies],
    }


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "label": entity.label,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "mentions": [
            {"source": m.source, "start": m.start, "end": m.end, "text": m.text} for m in entity.mentions
        ],
        "merges": [{"names": [m.name, m.other], "reason": m.reason} for m in entity.merges],
        "metonym_of": (
            {"country": entity.metonym_of.country, "entity": entity.metonym_of.entity} if entity.metonym_of else None
        ),
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "source": quote.source,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "direct": quote.direct,
        "cue": quote.cue,
        "speaker": _attribution(quote.speaker),
        "as_of": quote.as_of,
    }


def measure_record(measure: Measure) -> dict[str, Any]:
    return {
        "id": measure.id,
        "source": measure.source,
        "text": measure.text,
        "start": measure.start,
        "end": measure.end,
        "value": _interval(measure.value),
        "qualifier": measure.qualifier.value,
        "kind": measure.kind,
        "unit": measure.unit,
    }


def date_record(date: DateMention) -> dict[str, Any]:
    return {
        "source": date.source,
        "text": date.text,
        "start": date.start,
        "end": date.end,
        "value": date.value,
        "grain": date.grain,
    }


def _sections(report: Report, sections: frozenset[str] | None) -> Iterator[tuple[str, Iterable[dict[str, Any]]]]:
    """The list sections of the document in their order, each as records made one at a time."""

    def wanted(name: str) -> bool:
        return sections is None or name in sections

    yield "sources", (source_record(a) for a in report.articles)
    yield "skipped", ({"input": p.path, "reason": p.reason} for p in report.problems if p.skipped)
    yield "warnings", ({"input": p.path, "message": p.reason} for p in report.problems if not p.skipped)
    yield "entities", (entity_record(e) for e in report.entities) if wanted("entities") else ()
    yield "claims", (claim_record(c) for c in report.claims) if wanted("claims") else ()
    yield "topics", (topic_record(t) for t in report.topics) if wanted("topics") else ()
    yield "quotes", (quote_record(q) for q in report.quotes) if wanted("quotes") else ()
    yield "dates", (date_record(d) for d in report.dates) if wanted("dates") else ()
    yield "measures", (measure_record(m) for m in report.measures) if wanted("claims") else ()


def source_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "path": article.path, "title": article.title, "published": article.published,
        "chars": len(article.text), "published_from": article.published_from, "year": article.year,
        "url": article.url, "outlet": article.outlet, "author": article.author,
        "text": article.text if article.extracted else None,
    }


def document(report: Report, command: str, sections: frozenset[str] | None = None) -> dict[str, Any]:
    """The ``ncr/v1`` document for ``report``; sections not in ``sections`` are left empty."""
    data: dict[str, Any] = {"schema": SCHEMA_ID, "command": command}
    data.update((name, list(items)) for name, items in _sections(report, sections))
    return data


def dumps(data: Any) -> str:
    """Deterministic JSON text: fixed key order, UTF-8 kept, a trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_document(report: Report, command: str, out: TextIO, sections: frozenset[str] | None = None) -> None:
    """Write ``dumps(document(report, command, sections))`` to ``out``, record by record.

    The same bytes, but only one record is ever held as JSON: the whole document
    of a large run (and the pieces ``json`` joins it from) would take several
    times the memory of the report itself.
    """
    out.write(f'{{\n  "schema": {_json(SCHEMA_ID)},\n  "command": {_json(command)}')
    for name, items in _sections(report, sections):
        out.write(f",\n  {_json(name)}: ")
        opening = "[\n    "
        for item in items:
            # Strings hold no raw newline in JSON, so every newline starts a line to indent.
            out.write(opening + _json(item, indent=2).replace("\n", "\n    "))
            opening = ",\n    "
        out.write("[]" if opening.startswith("[") else "\n  ]")
    out.write("\n}\n")


def _json(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)


def diff_record(diff: Diff) -> dict[str, Any]:
    """The ``diff`` section: rows with a ``status`` and each side by id."""
    return {
        "a": diff.a,
        "b": diff.b,
        "claims": [{"topic": r.topic, "status": r.status, "a": list(r.a), "b": list(r.b)} for r in diff.claims],
        "entities": [{"entity": r.entity, "status": r.status, "a": list(r.a), "b": list(r.b)} for r in diff.entities],
        "quotes": [
            {"speaker": r.speaker, "entity": r.entity, "status": r.status, "a": list(r.a), "b": list(r.b)}
            for r in diff.quotes
        ],
        "dates": [
            {"topic": r.topic, "a": r.a, "b": r.b, "a_date": r.a_date, "b_date": r.b_date} for r in diff.dates
        ],
    }
