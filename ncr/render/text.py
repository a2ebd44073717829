"""Plain-text formats for scripts and documents: CSV, Markdown and JSON lines."""

from __future__ import annotations

import io
import json

from ..contract import claim_record, entity_record, quote_record
from ..records import Report
from .values import (
    as_written, bounds, entities_in_order, hedged, interval, many, names_by_source, snippet, speaker_groups, topic_notes,
    who,
)
from .safe import csv_writer

CSV_COLUMNS = (
    "topic", "topic_label", "status", "claim", "source", "text", "low", "high", "estimate",
    "qualifier", "unit", "subject", "attributed_to", "attributed_entity", "as_of", "start", "end", "certainty",
)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def claims_csv(report: Report) -> str:
    """One row per claim, grouped by topic, with a header row."""
    topics = {t.id: t for t in report.topics}
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for topic in report.topics:
        for claim in (c for c in report.claims if c.topic == topic.id):
            writer.writerow(
                (
                    topic.id, topics[topic.id].label, topic.status.value, claim.id, claim.source, claim.text,
                    _number(claim.value.low), _number(claim.value.high), _number(claim.value.estimate),
                    claim.qualifier.value, claim.unit, claim.subject,
                    claim.attributed_to.text if claim.attributed_to else "",
                    (claim.attributed_to.entity or "") if claim.attributed_to else "",
                    claim.as_of or "", claim.start, claim.end, hedged(claim).strip(" ()"),
                )
            )
    return buffer.getvalue()


def claims_jsonl(report: Report) -> str:
    """One ``ncr/v1`` claim object per line."""
    return "".join(json.dumps(claim_record(c), ensure_ascii=False) + "\n" for c in report.claims)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def claims_markdown(report: Report) -> str:
    """A section and a table per topic."""
    claims = {c.id: c for c in report.claims}
    entities = {e.id: e for e in report.entities}
    lines = [f"# Claims ({many(len(report.articles), 'source')})", ""]
    for topic in report.topics:
        flagged = {claim_id for pair in topic.conflicts for claim_id in pair}
        lines.append(f"## {topic.id} {_cell(topic.label)}: {topic.status.value.upper()}")
        lines.append("")
        count = len(topic.sources)
        lines.append(f"Overall {bounds(topic.low, topic.high)} across {many(count, 'source')}.")
        lines.append("")
        lines.append("| | value as written | interval | source | attributed to | as of |")
        lines.append("|---|---|---|---|---|---|")
        for claim_id in topic.claims:
            claim = claims[claim_id]
            lines.append(
                f"| {'✗' if claim_id in flagged else ''} | {_cell(as_written(claim))} "
                f"| {interval(claim.value)} | {_cell(claim.source)} | {_cell(who(claim.attributed_to, entities))} "
                f"| {claim.as_of or '—'} |"
            )
        lines.append("")
        notes = topic_notes(topic, claims)
        if notes:
            lines.extend(f"- {_cell(note)}" for note in notes)
            lines.append("")
    if not report.topics:
        lines.append("No quantitative claims found.")
        lines.append("")
    return "\n".join(lines) + "\n" + who_said_what_markdown(report)



ENTITY_CSV_COLUMNS = ("entity", "name", "label", "source", "start", "end", "text")


def entities_csv(report: Report) -> str:
    """One row per mention, with its entity."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(ENTITY_CSV_COLUMNS)
    for entity in report.entities:
        for mention in entity.mentions:
            writer.writerow((entity.id, entity.name, entity.label, mention.source, mention.start, mention.end, mention.text))
    return buffer.getvalue()


def entities_jsonl(report: Report) -> str:
    """One ``ncr/v1`` entity object per line."""
    return "".join(json.dumps(entity_record(e), ensure_ascii=False) + "\n" for e in report.entities)


def entities_markdown(report: Report) -> str:
    """A table of entities with their names per source, roles and merge reasons."""
    lines = [f"# Entities ({many(len(report.articles), 'source')})", "", "| id | name | label | names per source | roles | joined because |", "|---|---|---|---|---|---|"]
    for entity in entities_in_order(report):
        names = "; ".join(f"{s}: {', '.join(n)}" for s, n in names_by_source(entity).items())
        reasons = [f"{m.name} = {m.other} ({m.reason})" for m in entity.merges if m.name != m.other]
        if entity.metonym_of is not None:
            reasons.append(f"stands for {entity.metonym_of.country}")
        merges = ", ".join(dict.fromkeys(reasons))
        lines.append(
            f"| {entity.id} | {_cell(entity.name)} | {entity.label} | {_cell(names)} | {_cell(', '.join(entity.roles))} | {_cell(merges)} |"
        )
    return "\n".join(lines) + "\n"


QUOTE_CSV_COLUMNS = ("quote", "speaker", "speaker_entity", "source", "direct", "cue", "start", "end", "as_of", "text")


def quotes_csv(report: Report) -> str:
    """One row per quote or reported statement."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(QUOTE_CSV_COLUMNS)
    for quote in report.quotes:
        speaker = quote.speaker
        writer.writerow(
            (quote.id, speaker.text if speaker else "", (speaker.entity or "") if speaker else "", quote.source,
             "true" if quote.direct else "false", quote.cue or "", quote.start, quote.end, quote.as_of or "", quote.text)
        )
    return buffer.getvalue()


def quotes_jsonl(report: Report) -> str:
    """One ``ncr/v1`` quote object per line."""
    return "".join(json.dumps(quote_record(q), ensure_ascii=False) + "\n" for q in report.quotes)


def who_said_what_markdown(report: Report) -> str:
    """The who-said-what table: a row per speaker, a column per source."""
    sources = [a.id for a in report.articles]
    lines = ["## Who said what", "", "| speaker | " + " | ".join(_cell(s) for s in sources) + " |", "|---" * (len(sources) + 1) + "|"]
    for name, quotes in speaker_groups(report):
        cells = ["<br>".join(_cell(snippet(q, 60)) for q in quotes if q.source == source) for source in sources]
        lines.append(f"| {_cell(name)} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def quotes_markdown(report: Report) -> str:
    """Quotes grouped by speaker."""
    lines = [f"# Quotes ({many(len(report.articles), 'source')})", ""]
    for name, quotes in speaker_groups(report):
        lines.append(f"## {_cell(name)}")
        lines.append("")
        for quote in quotes:
            kind = "quoted" if quote.direct else "reported"
            lines.append(f"- **{_cell(quote.source)}** ({kind}, {_cell(quote.cue or '—')}): {_cell(snippet(quote, 400))}")
        lines.append("")
    return "\n".join(lines)
