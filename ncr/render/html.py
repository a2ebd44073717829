"""The shareable report: a ``Report`` as one self-contained HTML file.

For a reader without a terminal (an editor): per topic its status, camps,
conflicts and updates, a timeline chart (``ncr.render.chart``, inline SVG),
every claim with its sentence; who said what; entities and their names per
source; the sources with their dates and their text, each claim's sentence
marked there. Nothing is loaded at view time (inline CSS, SVG and a few lines
of script, and a Content-Security-Policy that forbids any other load).

This module only builds a view model (frozen dataclasses of display strings)
and hands it to the Jinja2 template ``templates/report.html.j2``, which is
autoescaped: article text, names and file names are untrusted. The same report
gives the same bytes (no time stamps; every order comes from the report).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NcrError, UsageError
from ..records import Article, Claim, Entity, Report, Status, Topic
from .chart import camp_colour, topic_chart
from .safe import printable
from .values import amount, as_written, bounds, entities_in_order, interval, names_by_source, speaker_groups, who

if TYPE_CHECKING:
    import jinja2

STATUS_BADGE = {Status.CONFLICT: "✗ conflict", Status.AGREE: "✓ agree", Status.UPDATE: "↻ update", Status.SINGLE: "· single source"}
OWN_VOICE = "the outlet itself"


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: str
    source: str
    written: str
    interval: str
    who: str
    as_of: str
    conflict: bool
    change: str  # "↑ update of C3", or ""
    camp_colour: str
    before: str  # the claim's sentence, cut around the claim's own words
    marked: str
    after: str


@dataclass(frozen=True, slots=True)
class CampView:
    colour: str
    range: str
    holders: tuple[tuple[str, tuple[str, ...]], ...]  # (speaker, their sources)


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim named in a conflict or a revision: the amount kept apart so it never wraps."""

    id: str
    interval: str
    who: str
    source: str
    as_of: str


@dataclass(frozen=True, slots=True)
class TopicView:
    id: str
    label: str
    status: str
    badge: str
    overall: str
    sources: str
    camps: tuple[CampView, ...]
    conflicts: tuple[tuple[ClaimRef, tuple[ClaimRef, ...]], ...]  # a claim, and those it contradicts
    updates: tuple[tuple[ClaimRef, ClaimRef], ...]  # (earlier, later)
    copies: tuple[str, ...]
    claims: tuple[ClaimView, ...]
    chart: str  # SVG markup, escaped by ``chart`` itself
    campless: bool  # some claim is in no camp (an earlier figure, since revised): drawn grey


@dataclass(frozen=True, slots=True)
class QuoteView:
    id: str
    direct: bool
    cue: str
    text: str


@dataclass(frozen=True, slots=True)
class SpeakerView:
    name: str
    source_count: int
    by_source: tuple[tuple[str, str, tuple[QuoteView, ...]], ...]  # (source id, its anchor, quotes)


@dataclass(frozen=True, slots=True)
class EntityView:
    id: str
    name: str
    label: str
    names: tuple[tuple[str, str], ...]  # (source id, its names)
    roles: str
    joined: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of a source's text: plain, inside claims' sentences, or a claim's own words."""

    text: str
    anchors: tuple[str, ...]  # claim ids whose sentence starts here (link targets "s-C1")
    claims: str  # space-separated ids of the claims whose sentence covers it ("" when none)
    marked: bool


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    anchor: str
    title: str
    outlet: str
    published: str
    author: str
    url: str
    chars: str
    claim_count: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    summary: str
    topics: tuple[TopicView, ...]
    speakers: tuple[SpeakerView, ...]
    entities: tuple[EntityView, ...]
    sources: tuple[SourceView, ...]
    problems: tuple[str, ...]
    version: str


def sentence_span(claim: Claim, text: str) -> tuple[int, int]:
    """Where the claim's sentence lies in its source text (the claim's own span when not found)."""
    # The last occurrence starting at or before the claim (a slice bounds the whole match).
    start = text.rfind(claim.sentence, 0, claim.start + len(claim.sentence)) if claim.sentence else -1
    if start < 0 or start + len(claim.sentence) < claim.end:
        return claim.start, claim.end
    return start, start + len(claim.sentence)


def segments(text: str, claims: list[Claim]) -> tuple[Segment, ...]:
    """The text cut at every sentence and claim boundary, each piece knowing which claims cover it."""
    spans = [(*sentence_span(c, text), c) for c in claims]
    cuts = sorted({0, len(text)} | {p for s, e, c in spans for p in (s, e, c.start, c.end)})
    starts: dict[int, list[str]] = {}
    for s, _, c in spans:
        starts.setdefault(s, []).append(c.id)
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [c.id for s, e, c in spans if s <= a and b <= e]
        marked = any(c.start <= a and b <= c.end for c in claims)
        out.append(Segment(printable(text[a:b]), tuple(starts.get(a, ())), " ".join(covering), marked))
    return tuple(out)


def _claim_view(claim: Claim, text: str, entities: Mapping[str, Entity], conflict: bool,
                change: str, colour: str) -> ClaimView:
    start, end = sentence_span(claim, text)
    return ClaimView(
        id=claim.id, source=printable(claim.source), written=printable(as_written(claim)),
        interval=interval(claim.value), who=printable(who(claim.attributed_to, entities)), as_of=claim.as_of or "undated",
        conflict=conflict, change=change, camp_colour=colour,
        before=printable(text[start:claim.start]), marked=printable(text[claim.start:claim.end]),
        after=printable(text[claim.end:end]),
    )


def _ref(claim: Claim, entities: Mapping[str, Entity]) -> ClaimRef:
    return ClaimRef(claim.id, interval(claim.value), printable(who(claim.attributed_to, entities)),
                    printable(claim.source), claim.as_of or "undated")


def _grouped(pairs: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    """Conflict pairs as each first claim with every claim it contradicts, in the topic's order."""
    grouped: dict[str, list[str]] = {}
    for a, b in pairs:
        grouped.setdefault(a, []).append(b)
    return grouped


def _topic_view(report: Report, topic: Topic, claims: Mapping[str, Claim], entities: Mapping[str, Entity],
                articles: Mapping[str, Article]) -> TopicView:
    from .timeline import changes, ordered

    camp_of = {claim_id: n for n, camp in enumerate(topic.camps) for claim_id in camp.claims}
    flagged = {i for pair in topic.conflicts for i in pair}
    moves = changes(ordered(report, topic.id), topic.updates)
    camps = []
    for n, camp in enumerate(topic.camps):
        holders: dict[str, list[str]] = {}
        for claim_id in camp.claims:
            claim = claims[claim_id]
            name = who(claim.attributed_to, entities) if claim.attributed_to else (articles[claim.source].outlet or OWN_VOICE)
            sources = holders.setdefault(printable(name), [])
            if claim.source not in sources:
                sources.append(claim.source)
        camps.append(CampView(camp_colour(n), bounds(camp.low, camp.high),
                              tuple((k, tuple(map(printable, v))) for k, v in holders.items())))
    count = len(topic.sources)
    copies = f", {topic.independent_sources} independent" if topic.independent_sources not in (0, count) else ""
    return TopicView(
        id=topic.id, label=printable(topic.label), status=topic.status.value, badge=STATUS_BADGE[topic.status],
        overall=bounds(topic.low, topic.high), sources=f"{count} source{'s' if count != 1 else ''}{copies}",
        camps=tuple(camps),
        conflicts=tuple((_ref(claims[a], entities), tuple(_ref(claims[b], entities) for b in others))
                        for a, others in _grouped(topic.conflicts).items()),
        updates=tuple((_ref(claims[a], entities), _ref(claims[b], entities)) for a, b in topic.updates),
        copies=tuple(printable(", ".join(group)) for group in topic.copies),
        claims=tuple(
            _claim_view(claims[i], articles[claims[i].source].text, entities, i in flagged,
                        moves.get(i, ""), camp_colour(camp_of.get(i)))
            for i in topic.claims
        ),
        chart=topic_chart(report, topic, camp_of),
        campless=any(i not in camp_of for i in topic.claims),
    )


def _speaker_views(report: Report, anchors: Mapping[str, str]) -> tuple[SpeakerView, ...]:
    views = []
    for name, quotes in speaker_groups(report):
        by_source = []
        for article in report.articles:
            mine = tuple(QuoteView(q.id, q.direct, printable(q.cue or ""), printable(" ".join(q.text.split())))
                         for q in quotes if q.source == article.id)
            if mine:
                by_source.append((printable(article.id), anchors[article.id], mine))
        views.append(SpeakerView(printable(name), len(by_source), tuple(by_source)))
    return tuple(views)


def _entity_view(entity: Entity) -> EntityView:
    joined = list(dict.fromkeys(f"{m.name} = {m.other} ({m.reason})" for m in entity.merges if m.name != m.other))
    if entity.metonym_of is not None:
        joined.append(f"stands for {entity.metonym_of.country}")
    return EntityView(
        id=entity.id, name=printable(entity.name), label=entity.label,
        names=tuple((printable(s), printable(", ".join(n))) for s, n in names_by_source(entity).items()),
        roles=printable(", ".join(entity.roles)), joined=printable("; ".join(joined)),
    )


def _source_view(article: Article, anchor: str, claims: list[Claim]) -> SourceView:
    published = article.published or ("year " + str(article.year) if article.year else "no date")
    if article.published and article.published_from:
        published += f" (from {article.published_from})"
    return SourceView(
        id=printable(article.id), anchor=anchor, title=printable(article.title or ""), outlet=printable(article.outlet or ""),
        published=published, author=printable(article.author or ""), url=printable(article.url or ""),
        chars=amount(len(article.text)), claim_count=len(claims), segments=segments(article.text, claims),
    )


def page(report: Report) -> Page:
    """The view model of the whole report."""
    from .. import __version__

    claims = {c.id: c for c in report.claims}
    entities = {e.id: e for e in report.entities}
    articles = {a.id: a for a in report.articles}
    anchors = {a.id: f"src-{n}" for n, a in enumerate(report.articles, 1)}
    counts = {s: sum(1 for t in report.topics if t.status is s) for s in Status}
    plural = "s" if len(report.articles) != 1 else ""
    summary = (f"{len(report.articles)} source{plural} · {len(report.claims)} claims · {len(report.topics)} topics: "
               f"{counts[Status.CONFLICT]} conflict, {counts[Status.AGREE]} agree, {counts[Status.UPDATE]} update, "
               f"{counts[Status.SINGLE]} single")
    return Page(
        title=f"ncr report: {len(report.articles)} source{plural}, {len(report.topics)} topics",
        summary=summary,
        topics=tuple(_topic_view(report, t, claims, entities, articles) for t in report.topics),
        speakers=_speaker_views(report, anchors),
        entities=tuple(_entity_view(e) for e in entities_in_order(report)),
        sources=tuple(
            _source_view(a, anchors[a.id], [c for c in report.claims if c.source == a.id]) for a in report.articles
        ),
        problems=tuple(printable(f"{p.path}: {p.message}") for p in report.problems),
        version=__version__,
    )


@cache
def _environment() -> jinja2.Environment:
    """The Jinja2 environment: templates shipped in the package, autoescape on, undefined names an error."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("ncr", "render/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(report: Report) -> str:
    """The report as one self-contained HTML document."""
    return _environment().get_template("report.html.j2").render(page=page(report))


def check_destination(path: str) -> None:
    """Fail before any analysis when ``path`` cannot be written: its folder missing, or a folder itself."""
    if path == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"--output {path}: is a directory; name a file such as report.html")
    if not target.parent.is_dir():
        raise UsageError(f"--output {path}: no directory {target.parent}")


def write_html(report: Report, path: str) -> None:
    """Render ``report`` and write it to ``path`` (UTF-8, LF line ends)."""
    rendered = render_html(report)
    try:
        Path(path).write_text(rendered, encoding="utf-8", newline="\n")
    except OSError as error:
        raise NcrError(f"cannot write {path}: {error.strerror or error}") from None
