"""A topic's timeline as an inline SVG chart: no server, no script, no library.

One column per ``as_of`` date (undated claims in a last column), or per source
in input order when no claim of the topic is dated. Each claim is a vertical
bar from its low to its high bound (a dot at its estimate, a dot alone for an
exact figure, an arrowhead where a bound is open), coloured by its camp. A claim
that contradicts another camp carries a red ✗ above it; a later figure revising
an earlier one (``Topic.updates``) is joined to it by an arrow, so an update and
a contradiction look different, as in the terminal timeline.

The y axis is linear from zero, or logarithmic when the values span more than
two orders of magnitude. Tick labels are whole numbers with thousands
separators; SVG text never wraps, so no label splits a number. Every string is
XML-escaped here: article text reaches the chart through speakers and labels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from ..records import Claim, Entity, Report, Topic
from .timeline import UNDATED, _size, ordered
from .values import amount, interval, who

# Okabe-Ito: distinguishable with the common colour-vision deficiencies, and in grey print.
CAMP_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
NO_CAMP = "#888888"
CONFLICT = "#C8102E"
UPDATE = "#444444"

PLOT_HEIGHT = 240
TOP = 28  # room for ✗ marks and open-bound arrows above the highest value
SLOT = 28  # horizontal room per claim inside a column
MIN_COLUMN = 96
CHAR = 7.0  # average width of a 12px label character, for margins
LABEL_CHARS = 22  # longest x label before it is shortened
LOG_SPAN = 100  # largest/smallest value from which the axis is logarithmic


def camp_colour(index: int | None) -> str:
    """The colour of the ``index``-th camp of a topic (the HTML legend uses the same)."""
    return NO_CAMP if index is None else CAMP_COLOURS[index % len(CAMP_COLOURS)]


@dataclass(frozen=True, slots=True)
class _Scale:
    """Value → y coordinate, linear from zero or logarithmic."""

    low: float
    high: float
    log: bool
    step: float = 1.0  # between linear ticks

    def y(self, value: float | None) -> float:
        bottom = TOP + PLOT_HEIGHT
        if value is None:
            return bottom
        if self.log:
            value = max(value, self.low)
            share = (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))
        else:
            share = (value - self.low) / (self.high - self.low)
        return round(bottom - share * PLOT_HEIGHT, 1)

    def ticks(self) -> list[float]:
        if self.log:
            first, last = round(math.log10(self.low)), round(math.log10(self.high))
            return [10.0**k for k in range(first, last + 1)]
        return [self.low + self.step * n for n in range(round((self.high - self.low) / self.step) + 1)]


def _nice_step(span: float) -> float:
    """A whole step of 1, 2 or 5 times a power of ten giving about four ticks over ``span``."""
    raw = max(span / 4, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return float(10 * power)


def _scale(claims: list[Claim]) -> _Scale:
    values = [v for c in claims for v in (c.value.low, c.value.high, c.value.estimate) if v is not None and math.isfinite(v)]
    largest = max(values, default=1.0)
    smallest = min((v for v in values if v > 0), default=1.0)
    if largest / smallest > LOG_SPAN:
        low = 10.0 ** math.floor(math.log10(smallest))
        high = 10.0 ** math.ceil(math.log10(largest))
        if high <= largest:  # a value on a power of ten: room above it
            high *= 10
        return _Scale(max(low, 1.0), high, True)
    step = _nice_step(largest)
    return _Scale(0.0, step * (math.floor(largest / step) + 1), False, step)


def _columns(report: Report, topic: Topic, claims: list[Claim]) -> tuple[list[str], dict[str, str]]:
    """Column labels in order, and each claim's column: dates when any claim is dated, else sources."""
    if any(c.as_of for c in claims):
        keys = sorted({c.as_of or UNDATED for c in claims})
        return [k if k != UNDATED else "undated" for k in keys], {c.id: c.as_of or "undated" for c in claims}
    order = [a.id for a in report.articles if a.id in {c.source for c in claims}]
    return order, {c.id: c.source for c in claims}


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def topic_chart(report: Report, topic: Topic, camp_of: dict[str, int]) -> str:
    """The SVG of ``topic``'s claims over time; ``camp_of`` maps a claim id to its camp's index."""
    claims = ordered(report, topic.id)
    if not claims:
        return ""
    entities = {e.id: e for e in report.entities}
    scale = _scale(claims)
    columns, column_of = _columns(report, topic, claims)
    tick_labels = [amount(round(t)) for t in scale.ticks()]
    left = 14 + CHAR * max(len(t) for t in tick_labels)
    per_column = {name: [c for c in claims if column_of[c.id] == name] for name in columns}
    widths = [max(MIN_COLUMN, SLOT * len(per_column[name]) + 16) for name in columns]
    plot_width = sum(widths)
    longest = max(len(_short(name)) for name in columns)
    bottom_room = 18 + CHAR * longest * 0.6  # labels at -35°: sin(35°) ≈ 0.57
    width = round(left + plot_width + CHAR * longest * 0.85)
    height = round(TOP + PLOT_HEIGHT + bottom_room + 8)
    flagged = {i for pair in topic.conflicts for i in pair}
    marker = f"arrow-{topic.id}"

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="{escape(topic.label)}: values over time">',
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{UPDATE}"/></marker></defs>',
    ]
    right = left + plot_width
    for value, label in zip(scale.ticks(), tick_labels):
        y = scale.y(value)
        out.append(f'<line x1="{left:.0f}" x2="{right:.0f}" y1="{y}" y2="{y}" class="gridline"/>')
        out.append(f'<text x="{left - 6:.0f}" y="{y + 4}" text-anchor="end" class="tick">{label}</text>')
    if scale.log:
        out.append(f'<text x="{left:.0f}" y="12" class="tick">log scale</text>')

    x_of: dict[str, float] = {}
    x = left
    for name, column_width in zip(columns, widths):
        mine = per_column[name]
        first = x + column_width / 2 - SLOT * (len(mine) - 1) / 2
        for n, claim in enumerate(mine):
            x_of[claim.id] = first + SLOT * n
        base = TOP + PLOT_HEIGHT
        centre = x + column_width / 2
        out.append(f'<line x1="{centre:.1f}" x2="{centre:.1f}" y1="{base}" y2="{base + 4}" class="axis"/>')
        out.append(
            f'<text transform="translate({centre:.1f},{base + 16}) rotate(35)" class="tick">'
            f"<title>{escape(name)}</title>{escape(_short(name))}</text>"
        )
        x += column_width
    out.append(f'<line x1="{left:.0f}" x2="{right:.0f}" y1="{TOP + PLOT_HEIGHT}" y2="{TOP + PLOT_HEIGHT}" class="axis"/>')

    for earlier, later in topic.updates:
        a, b = next(c for c in claims if c.id == earlier), next(c for c in claims if c.id == later)
        ya, yb = scale.y(_size(a)), scale.y(_size(b))
        out.append(
            f'<path d="M{x_of[earlier]:.1f},{ya} L{x_of[later] - 6:.1f},{yb}" class="update" stroke="{UPDATE}" '
            f'marker-end="url(#{marker})"><title>{escape(f"{later} revises {earlier}")}</title></path>'
        )

    for claim in claims:
        out.append(_mark(claim, x_of[claim.id], scale, camp_colour(camp_of.get(claim.id)), claim.id in flagged, entities))
    out.append("</svg>")
    return "\n".join(out)


def _mark(claim: Claim, x: float, scale: _Scale, colour: str, conflict: bool, entities: Mapping[str, Entity]) -> str:
    """One claim: its interval bar, its estimate dot, open-bound arrows and a ✗ when it contradicts."""
    value = claim.value
    said = f"{claim.id} {claim.text} {claim.subject}: {interval(value)}, {who(claim.attributed_to, entities)} ({claim.source})"
    parts = [f'<a href="#claim-{claim.id}" class="mark" data-claim="{claim.id}"><title>{escape(said)}</title>']
    top = TOP - 12 if value.high is None else scale.y(value.high)
    bottom = scale.y(value.low)
    if value.low != value.high:
        parts.append(
            f'<rect x="{x - 5:.1f}" y="{top}" width="10" height="{max(bottom - top, 2):.1f}" rx="2" '
            f'fill="{colour}" fill-opacity="0.3" stroke="{colour}"/>'
        )
    if value.high is None:
        parts.append(f'<path d="M{x - 6:.1f},{top + 6} L{x:.1f},{top - 2} L{x + 6:.1f},{top + 6}z" fill="{colour}"/>')
    middle = _size(claim)
    if middle is not None and (value.estimate is not None or value.low == value.high):
        parts.append(f'<circle cx="{x:.1f}" cy="{scale.y(middle)}" r="5" fill="{colour}" stroke="#fff"/>')
    if conflict:
        parts.append(f'<text x="{x:.1f}" y="{top - 4:.1f}" text-anchor="middle" class="cross" fill="{CONFLICT}">✗</text>')
    parts.append("</a>")
    return "".join(parts)
