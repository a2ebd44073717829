"""Renderers for ``ncr diff``: two aligned columns, differences highlighted."""

from __future__ import annotations

import io
import json

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from typing import Any

from ..contract import diff_record
from ..diff import Diff
from ..records import Report
from .console import fit
from .values import as_written, interval, snippet, who
from .safe import csv_writer

_STYLE = {
    "agree": "green", "shared": "green", "both": "green",
    "conflict": "bold red", "only_a": "cyan", "only_b": "magenta",
}
_LABEL = {"agree": "agree", "conflict": "✗ conflict", "only_a": "only A", "only_b": "only B", "shared": "shared", "both": "both"}


def _claim_cell(report: Report, claim_ids: tuple[str, ...]) -> str:
    claims = {c.id: c for c in report.claims}
    entities = {e.id: e for e in report.entities}
    lines = []
    for claim_id in claim_ids:
        claim = claims[claim_id]
        lines.append(f"{as_written(claim)} [{interval(claim.value)}] — {who(claim.attributed_to, entities)}")
    return "\n".join(lines)


def _quote_cell(report: Report, quote_ids: tuple[str, ...], width: int = 80) -> str:
    quotes = {q.id: q for q in report.quotes}
    return "\n".join(snippet(quotes[i], width) for i in quote_ids)


def _side_by_side(title: str, about: str, diff: Diff, show_lines: bool) -> Table:
    """An empty table with a status column, what the row is about, and the A and B columns."""
    table = Table(title=Text(title, style="bold"), title_justify="left", show_lines=show_lines)
    table.add_column("", no_wrap=True)
    table.add_column(about, ratio=1)
    table.add_column(Text(f"A: {diff.a}"), ratio=2)
    table.add_column(Text(f"B: {diff.b}"), ratio=2)
    return table


def diff_tables(report: Report, diff: Diff, console: Console) -> Group:
    topics = {t.id: t for t in report.topics}
    entities = {e.id: e for e in report.entities}
    conflicts = sum(1 for r in diff.claims if r.status == "conflict")
    header = Text()
    header.append(f"A = {diff.a}    B = {diff.b}\n", style="bold")
    header.append(f"{len(diff.claims)} claim rows, ")
    header.append(f"{conflicts} conflict", style="bold red" if conflicts else "")
    header.append(f"; {sum(1 for r in diff.entities if r.status == 'shared')} shared entities; "
                  f"{sum(1 for r in diff.quotes if r.status == 'both')} speakers quoted by both")

    claims = _side_by_side("Claims", "topic", diff, show_lines=True)
    for row in diff.claims:
        claims.add_row(
            Text(_LABEL[row.status], style=_STYLE[row.status]), Text(topics[row.topic].label),
            Text(_claim_cell(report, row.a)), Text(_claim_cell(report, row.b)),
        )

    names = _side_by_side("Entities", "entity", diff, show_lines=False)
    for row in diff.entities:
        entity = entities[row.entity]
        if entity.label == "NORP":
            continue  # nationalities ("Russian") crowd the view; they are in the JSON
        differ = row.status == "shared" and set(row.a) != set(row.b)
        style = "yellow" if differ else None
        names.add_row(
            Text(_LABEL[row.status], style=_STYLE[row.status]), Text(f"{entity.name} ({entity.label})"),
            Text(", ".join(row.a), style=style), Text(", ".join(row.b), style=style),
        )

    quotes = _side_by_side("Who said what", "speaker", diff, show_lines=True)
    for row in diff.quotes:
        quotes.add_row(
            Text(_LABEL[row.status], style=_STYLE[row.status]), Text(row.speaker),
            Text(_quote_cell(report, row.a)), Text(_quote_cell(report, row.b)),
        )
    parts: list[Text | Table] = [header, fit(claims, console), fit(names, console), fit(quotes, console)]
    if diff.dates:
        dates = Table(title=Text("Dates that differ", style="bold"), title_justify="left")
        for column in ("topic", "A", "A date", "B", "B date"):
            dates.add_column(column)
        for d in diff.dates:
            dates.add_row(Text(topics[d.topic].label), Text(d.a), Text(d.a_date, style="yellow"), Text(d.b), Text(d.b_date, style="yellow"))
        parts.append(fit(dates, console))
    return Group(*parts)


def print_diff(report: Report, diff: Diff, console: Console) -> None:
    console.print(diff_tables(report, diff, console))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def diff_markdown(report: Report, diff: Diff) -> str:
    topics = {t.id: t for t in report.topics}
    entities = {e.id: e for e in report.entities}
    a, b = _cell(diff.a), _cell(diff.b)
    lines = [f"# Diff: A = {a}, B = {b}", "", "## Claims", "", f"| | topic | A: {a} | B: {b} |", "|---|---|---|---|"]
    for row in diff.claims:
        lines.append(
            f"| {_LABEL[row.status]} | {_cell(topics[row.topic].label)} | {_cell(_claim_cell(report, row.a))} "
            f"| {_cell(_claim_cell(report, row.b))} |"
        )
    lines += ["", "## Entities", "", f"| | entity | A: {a} | B: {b} |", "|---|---|---|---|"]
    for row in diff.entities:
        entity = entities[row.entity]
        lines.append(f"| {_LABEL[row.status]} | {_cell(entity.name)} | {_cell(', '.join(row.a))} | {_cell(', '.join(row.b))} |")
    lines += ["", "## Who said what", "", f"| | speaker | A: {a} | B: {b} |", "|---|---|---|---|"]
    for row in diff.quotes:
        lines.append(
            f"| {_LABEL[row.status]} | {_cell(row.speaker)} | {_cell(_quote_cell(report, row.a))} "
            f"| {_cell(_quote_cell(report, row.b))} |"
        )
    if diff.dates:
        lines += ["", "## Dates that differ", "", "| topic | A | A date | B | B date |", "|---|---|---|---|---|"]
        for d in diff.dates:
            lines.append(f"| {_cell(topics[d.topic].label)} | {d.a} | {d.a_date} | {d.b} | {d.b_date} |")
    return "\n".join(lines) + "\n"


def _rows(diff: Diff) -> list[dict[str, Any]]:
    record = diff_record(diff)
    return [{"section": section, **row} for section in ("claims", "entities", "quotes", "dates") for row in record[section]]


def diff_jsonl(diff: Diff) -> str:
    """One diff row per line, with its ``section``."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in _rows(diff))


def _texts(report: Report, section: str, ids: object) -> str:
    """What a diff row's ids stand for: each claim as written with its interval, each quote."""
    if not isinstance(ids, list):
        ids = [ids] if ids else []
    if section in ("claims", "dates"):
        claims = {c.id: c for c in report.claims}
        return "\n".join(f"{as_written(claims[i])} [{interval(claims[i].value)}]" for i in ids if i in claims)
    if section == "quotes":
        quotes = {q.id: q for q in report.quotes}
        return "\n".join(" ".join(quotes[i].text.split()) for i in ids if i in quotes)
    return ", ".join(str(i) for i in ids)


def diff_csv(report: Report, diff: Diff) -> str:
    """One diff row per line: section, status, what it is about (id and name), side A and B
    ids (or names, for entities), and what they say: the claims as written with their
    intervals, the quotes' words (several on lines of their own)."""
    topics = {t.id: t.label for t in report.topics}
    entities = {e.id: e.name for e in report.entities}
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(("section", "status", "about", "about_name", "a", "b", "a_text", "b_text"))
    for row in _rows(diff):
        about = row.get("topic") or row.get("entity") or row.get("speaker") or ""
        name = topics.get(about) or entities.get(about) or (row.get("speaker") or "")
        status = row.get("status", "differ")
        a = " ".join(row["a"]) if isinstance(row["a"], list) else row["a"]
        b = " ".join(row["b"]) if isinstance(row["b"], list) else row["b"]
        writer.writerow((
            row["section"], status, about, name, a, b,
            _texts(report, row["section"], row["a"]), _texts(report, row["section"], row["b"]),
        ))
    return buffer.getvalue()
