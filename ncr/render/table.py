"""The terminal view: one Rich table per topic, conflicts flagged at a glance."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..records import Report, Status
from .values import bounds, many, entities_in_order, hedged, interval, names_by_source, snippet, speaker_groups, topic_notes, who
from .console import fit, output_console

__all__ = ["claims_tables", "entities_table", "output_console", "print_claims", "print_entities", "print_quotes",
           "quotes_table", "summary", "who_said_what"]

_STATUS_STYLE = {Status.CONFLICT: "bold red", Status.AGREE: "bold green", Status.UPDATE: "bold yellow", Status.SINGLE: "dim"}
_STATUS_BADGE = {Status.CONFLICT: "✗ CONFLICT", Status.AGREE: "✓ agree", Status.UPDATE: "↻ update", Status.SINGLE: "· single source"}


def summary(report: Report) -> Text:
    """One line: how many sources, claims and topics, and how many conflicts."""
    counts = {status: sum(1 for t in report.topics if t.status is status) for status in Status}
    line = Text()
    line.append(f"{many(len(report.articles), 'source')} · {many(len(report.claims), 'claim')} · {many(len(report.topics), 'topic')}: ")
    line.append(f"{counts[Status.CONFLICT]} conflict", style=_STATUS_STYLE[Status.CONFLICT] if counts[Status.CONFLICT] else "")
    line.append(f", {counts[Status.AGREE]} agree, {counts[Status.UPDATE]} update, {counts[Status.SINGLE]} single")
    return line


def claims_tables(report: Report, console: Console) -> Group:
    """A table per topic: value as written, interval, source, who said it (with the entity's
    name when the words differ), as of (only when a claim of the topic has a date)."""
    claims = {c.id: c for c in report.claims}
    entities = {e.id: e for e in report.entities}
    parts: list[Text | Table] = [summary(report)]
    for topic in report.topics:
        in_conflict = {claim_id for pair in topic.conflicts for claim_id in pair}
        title = Text()
        title.append(f"{topic.id} {topic.label}  ", style="bold")  # Text.append takes no markup
        title.append(_STATUS_BADGE[topic.status], style=_STATUS_STYLE[topic.status])
        count = len(topic.sources)
        copies = f", {topic.independent_sources} independent" if topic.independent_sources != count else ""
        title.append(
            f"  ({count} source{'s' if count != 1 else ''}{copies}, overall {bounds(topic.low, topic.high)})", style="dim"
        )
        dated = any(claims[claim_id].as_of for claim_id in topic.claims)
        table = Table(title=title, title_justify="left", expand=False)
        table.add_column("claim", no_wrap=True)
        table.add_column("value as written")
        table.add_column("of what")
        table.add_column("interval", justify="right", no_wrap=True)
        table.add_column("source", no_wrap=True, overflow="ellipsis", min_width=SOURCE_MIN)
        table.add_column("attributed to")
        if dated:
            table.add_column("as of", no_wrap=True)
        for claim_id in topic.claims:
            claim = claims[claim_id]
            flagged = claim_id in in_conflict
            # Text cells, not strings: article text and ids are never read as Rich markup.
            cells = [
                Text(f"✗ {claim.id}" if flagged else f"  {claim.id}"),
                Text(claim.text + hedged(claim)),
                Text(claim.subject),
                Text(interval(claim.value)),
                Text(claim.source),
                Text(who(claim.attributed_to, entities)),
            ]
            if dated:
                cells.append(Text(claim.as_of or "—"))
            table.add_row(*cells, style="red" if flagged else None)
        notes = topic_notes(topic, claims)
        if notes:
            table.caption = "\n".join(notes)
            table.caption_justify = "left"
        parts.append(fit(table, console))
    if not report.topics:
        parts.append(Text("no quantitative claims found", style="dim"))
    return Group(*parts)


def print_claims(report: Report, console: Console, all_speakers: bool = False) -> None:
    console.print(claims_tables(report, console))
    for part in who_said_what(report, console, all_speakers):
        console.print(part)


# Narrowest a column of source ids is cut to ("000_20358…"), with an ellipsis.
SOURCE_MIN = 10
# Quotes shown per cell of the who-said-what table before "+N more".
CELL_QUOTES = 1
# Widest a source's column of who-said-what gets, in characters.
CELL_WIDTH = 40


def who_said_what(report: Report, console: Console, all_speakers: bool = False) -> list[Table | Text]:
    """One row per speaker, one column per source: who is quoted where, and with what, one line
    a cell. By default only speakers quoted by two or more sources (the comparison); a note says
    how many others ``--all-speakers`` would add."""
    groups = speaker_groups(report)
    shown = groups if all_speakers else [g for g in groups if len({q.source for q in g[1]}) >= 2]
    hidden = len(groups) - len(shown)
    table = Table(title=Text("Who said what", style="bold"), title_justify="left")
    table.add_column("speaker", style="bold", no_wrap=True, overflow="ellipsis", min_width=SOURCE_MIN, max_width=24)
    sources = [a.id for a in report.articles]
    for source in sources:
        table.add_column(Text(source), no_wrap=True, overflow="ellipsis", min_width=6, max_width=CELL_WIDTH)
    for name, quotes in shown:
        cells = []
        for source in sources:
            mine = [q for q in quotes if q.source == source]
            more = f" +{len(mine) - CELL_QUOTES}" if len(mine) > CELL_QUOTES else ""
            cells.append(Text(" ".join(snippet(q, CELL_WIDTH) for q in mine[:CELL_QUOTES]) + more))
        table.add_row(Text(name), *cells)
    parts: list[Table | Text] = [fit(table, console)] if shown else []
    if hidden:
        few = "1 speaker" if hidden == 1 else f"{hidden} speakers"
        parts.append(Text(f"+ {few} quoted by one source only (--all-speakers shows them)", style="dim"))
    if not groups:
        parts.append(Text("Who said what: no attributed quotes", style="dim"))
    return parts


def quotes_table(report: Report) -> Table:
    """Every quote with a speaker, grouped by speaker across sources."""
    table = Table(
        title=Text(f"{many(len(report.quotes), 'quote or reported statement', 'quotes and reported statements')} in {many(len(report.articles), 'source')}", style="bold"),
        title_justify="left",
    )
    table.add_column("speaker", style="bold", ratio=1)
    table.add_column("source", no_wrap=True, overflow="ellipsis", min_width=SOURCE_MIN)
    table.add_column("", no_wrap=True)
    table.add_column("cue", no_wrap=True, style="dim")
    table.add_column("what they said", ratio=4)
    for name, quotes in speaker_groups(report):
        for n, quote in enumerate(quotes):
            table.add_row(
                Text(name if n == 0 else ""), Text(quote.source), Text("quote" if quote.direct else "reported"),
                Text(quote.cue or ""), Text(snippet(quote, 400)),
                end_section=n == len(quotes) - 1,
            )
    return table


def print_quotes(report: Report, console: Console) -> None:
    console.print(fit(quotes_table(report), console))




def entities_table(report: Report) -> Table:
    """One row per entity: its names in each source, roles, and why names were joined."""
    table = Table(title=Text(f"{many(len(report.entities), 'entity', 'entities')} in {many(len(report.articles), 'source')}", style="bold"),
                  title_justify="left", show_lines=True)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column("name", ratio=2, style="bold")
    table.add_column("label", no_wrap=True)
    table.add_column("names per source", ratio=3)
    table.add_column("roles", ratio=2)
    table.add_column("joined because", ratio=2)
    for entity in entities_in_order(report):
        per_source = "\n".join(f"{source}: {', '.join(names)}" for source, names in names_by_source(entity).items())
        merges = list(dict.fromkeys(f"{m.name} = {m.other} ({m.reason})" for m in entity.merges if m.name != m.other))
        if entity.metonym_of is not None:
            merges.append(f"stands for {entity.metonym_of.country}")
        table.add_row(
            Text(entity.id), Text(entity.name), Text(entity.label), Text(per_source),
            Text("\n".join(entity.roles)), Text("\n".join(merges)),
        )
    return table


def print_entities(report: Report, console: Console) -> None:
    console.print(fit(entities_table(report), console))
