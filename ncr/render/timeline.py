"""The timeline view: per topic, claims ordered by date, with a bar per value.

A claim that revises an earlier figure (``Topic.updates``, from any source) is
marked ``↑ update`` / ``↓ update`` with the claim it revises; claims of the
same moment that cannot both be true are marked ✗, as in the claims view. An
update and a contradiction look different.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..records import Claim, Report
from .console import fit
from .values import as_written, interval, many, who

BAR_WIDTH = 24
UNDATED = "9999-99-99"  # sorts undated claims last


def _size(claim: Claim) -> float | None:
    """The value drawn for a claim: its estimate, else the middle of its interval."""
    value = claim.value
    if value.estimate is not None:
        return value.estimate
    if value.low is not None and value.high is not None:
        return (value.low + value.high) / 2
    return value.low if value.low is not None else value.high


def ordered(report: Report, topic_id: str) -> list[Claim]:
    """The topic's claims by date (undated last), superseded figures first, then source and position."""
    order = {a.id: n for n, a in enumerate(report.articles)}
    claims = [c for c in report.claims if c.topic == topic_id]
    return sorted(claims, key=lambda c: (c.as_of or UNDATED, c.phase, order[c.source], c.start))


def changes(claims: list[Claim], updates: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """For each claim that revises an earlier one: "↑ update of C3" or "↓ update of C3"."""
    by_id = {c.id: c for c in claims}
    marks: dict[str, str] = {}
    for earlier, later in updates:
        before, now = _size(by_id[earlier]), _size(by_id[later])
        if before is not None and now is not None and now != before:
            marks[later] = f"{'↑' if now > before else '↓'} update of {earlier}"
    return marks


def bar(value: float | None, largest: float, width: int = BAR_WIDTH) -> str:
    if value is None or largest <= 0:
        return ""
    return "█" * max(1, round(width * value / largest))


def bar_width(console_width: int) -> int:
    """Bars as long as ``BAR_WIDTH`` on a wide console, shorter on a narrow one (8 at 80 columns)."""
    return max(6, min(BAR_WIDTH, (console_width - 64) // 2))


def timeline_tables(report: Report, console: Console) -> Group:
    entities = {e.id: e for e in report.entities}
    parts: list[Table | Text] = []
    longest = bar_width(console.width)
    for topic in report.topics:
        claims = ordered(report, topic.id)
        largest = max((_size(c) or 0 for c in claims), default=0)
        flagged = {i for pair in topic.conflicts for i in pair}
        moves = changes(claims, topic.updates)
        table = Table(title=Text(f"{topic.id} {topic.label} ({topic.status.value})", style="bold"), title_justify="left")
        table.add_column("as of", no_wrap=True)
        table.add_column("source", no_wrap=True, overflow="ellipsis", min_width=10)
        table.add_column("value as written")
        table.add_column("interval", justify="right", no_wrap=True)
        table.add_column("attributed to")
        table.add_column("", no_wrap=True)
        table.add_column("")
        for claim in claims:
            table.add_row(
                Text(claim.as_of or "undated", style="dim" if not claim.as_of else ""),
                Text(claim.source),
                Text(as_written(claim)),
                Text(interval(claim.value)),
                Text(who(claim.attributed_to, entities)),
                Text(bar(_size(claim), largest, longest), style="red" if claim.id in flagged else "cyan"),
                Text(("✗ " if claim.id in flagged else "") + moves.get(claim.id, ""), style="bold"),
            )
        parts.append(fit(table, console))
    if not parts:
        parts.append(Text("no quantitative claims found", style="dim"))
    return Group(*parts)


def print_timeline(report: Report, console: Console) -> None:
    console.print(timeline_tables(report, console))


def timeline_markdown(report: Report) -> str:
    entities = {e.id: e for e in report.entities}
    lines = [f"# Timeline ({many(len(report.articles), 'source')})", ""]
    for topic in report.topics:
        claims = ordered(report, topic.id)
        moves = changes(claims, topic.updates)
        flagged = {i for pair in topic.conflicts for i in pair}
        lines += [f"## {topic.id} {topic.label}: {topic.status.value.upper()}", "",
                  "| as of | source | value as written | interval | attributed to | |", "|---|---|---|---|---|---|"]
        for c in claims:
            mark = ("✗ " if c.id in flagged else "") + moves.get(c.id, "")
            cells = (c.as_of or "undated", c.source, as_written(c), interval(c.value), who(c.attributed_to, entities), mark)
            lines.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
        lines.append("")
    return "\n".join(lines)
