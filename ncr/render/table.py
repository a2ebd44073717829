"""The terminal view: one Rich table per topic, conflicts flagged at a glance."""

from __future__ import annotations

import sys

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..records import Report, Status
from .values import bounds, entities_in_order, hedged, interval, names_by_source, snippet, speaker_groups, topic_notes, who
from .safe import SafeStream

_STATUS_STYLE = {Status.CONFLICT: "bold red", Status.AGREE: "bold green", Status.UPDATE: "bold yellow", Status.SINGLE: "dim"}
_STATUS_BADGE = {Status.CONFLICT: "✗ CONFLICT", Status.AGREE: "✓ agree", Status.UPDATE: "↻ update", Status.SINGLE: "· single source"}


def summary(report: Report) -> Text:
    """One line: how many sources, claims and topics, and how many conflicts."""
    counts = {status: sum(1 for t in report.topics if t.status is status) for status in Status}
    line = Text()
    line.append(f"{len(report.articles)} sources · {len(report.claims)} claims · {len(report.topics)} topics: ")
    line.append(f"{counts[Status.CONFLICT]} conflict", style=_STATUS_STYLE[Status.CONFLICT] if counts[Status.CONFLICT] else "")
    line.append(f", {counts[Status.AGREE]} agree, {counts[Status.UPDATE]} update, {counts[Status.SINGLE]} single")
    return line


def claims_tables(report: Report) -> Group:
    """A table per topic: value as written, interval, source, who said it, as of."""
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
        table = Table(title=title, title_justify="left", expand=False)
        table.add_column("", no_wrap=True)
        table.add_column("claim", no_wrap=True, style="dim")
        table.add_column("value as written", no_wrap=True)
        table.add_column("of what", ratio=2)
        table.add_column("interval", justify="right", no_wrap=True)
        table.add_column("source", no_wrap=True)
        table.add_column("attributed to", ratio=2)
        table.add_column("as of", no_wrap=True)
        for claim_id in topic.claims:
            claim = claims[claim_id]
            flagged = claim_id in in_conflict
            # Text cells, not strings: article text and ids are never read as Rich markup.
            table.add_row(
                Text("✗", style="bold red") if flagged else Text(""),
                Text(claim.id),
                Text(claim.text + hedged(claim)),
                Text(claim.subject),
                Text(interval(claim.value)),
                Text(claim.source),
                Text(who(claim.attributed_to, entities)),
                Text(claim.as_of or "—"),
                style="red" if flagged else None,
            )
        notes = topic_notes(topic, claims)
        if notes:
            table.caption = "\n".join(notes)
            table.caption_justify = "left"
        parts.append(table)
    if not report.topics:
        parts.append(Text("no quantitative claims found", style="dim"))
    return Group(*parts)


def print_claims(report: Report, console: Console) -> None:
    console.print(claims_tables(report))
    console.print(who_said_what(report))


# Quotes shown per cell of the who-said-what table before "+N more".
CELL_QUOTES = 2


def who_said_what(report: Report) -> Table:
    """One row per speaker, one column per source: who is quoted where, and with what."""
    table = Table(title=Text("Who said what", style="bold"), title_justify="left", show_lines=True)
    table.add_column("speaker", style="bold", ratio=1)
    sources = [a.id for a in report.articles]
    for source in sources:
        table.add_column(Text(source), ratio=2)
    for name, quotes in speaker_groups(report):
        cells = []
        for source in sources:
            mine = [q for q in quotes if q.source == source]
            lines = [snippet(q, 60) for q in mine[:CELL_QUOTES]]
            if len(mine) > CELL_QUOTES:
                lines.append(f"+{len(mine) - CELL_QUOTES} more")
            cells.append(Text("\n".join(lines)))
        table.add_row(Text(name), *cells)
    return table


def quotes_table(report: Report) -> Table:
    """Every quote with a speaker, grouped by speaker across sources."""
    table = Table(
        title=Text(f"{len(report.quotes)} quotes and reported statements in {len(report.articles)} sources", style="bold"),
        title_justify="left",
    )
    table.add_column("speaker", style="bold", ratio=1)
    table.add_column("source", no_wrap=True)
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
    console.print(quotes_table(report))


# Width used when stdout is not a terminal (a pipe or a file): wide enough for
# full source ids, fixed so that the output does not depend on the environment.
PIPE_WIDTH = 140


def output_console() -> Console:
    """The stdout console: colour only on a terminal (Rich honours NO_COLOR), and no
    character that could move the cursor or reorder a line (``safe.SafeStream``)."""
    stream = SafeStream(sys.stdout)
    console = Console(file=stream, highlight=False, emoji=False)
    if not console.is_terminal:
        console = Console(file=stream, highlight=False, emoji=False, width=PIPE_WIDTH)
    return console



def entities_table(report: Report) -> Table:
    """One row per entity: its names in each source, roles, and why names were joined."""
    table = Table(title=Text(f"{len(report.entities)} entities in {len(report.articles)} sources", style="bold"),
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
    console.print(entities_table(report))
