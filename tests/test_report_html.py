"""The shareable HTML report (``ncr report``), on a hand-built report (no model) and one CLI run.

The story is invented for these tests: a footbridge over the invented river
Tamble gives way at a fair in the invented town of Oxley Cross. Three sources
give the number of people hurt; one of them revises its own figure the next
day, and the mayor's figure cannot be squared with the fire service's.
One article carries markup that must reach the page as text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import Result
from typer.testing import CliRunner

from ncr.cli import app
from ncr.conflicts import build_topic
from ncr.errors import NcrError
from ncr.records import Article, Attribution, Claim, Entity, Interval, Mention, Qualifier, Quote, Report
from ncr.render.chart import _scale, topic_chart
from ncr.render.html import render_html, segments, write_html

if TYPE_CHECKING:
    from conftest import Story

HOSTILE = '<script>alert("owned")</script><img src=x onerror=alert(1)>'
TEXTS = {
    "oxley_times": (
        "Footbridge Gives Way at Oxley Cross Fair\n"
        "\n"
        "About 40 people were hurt when the footbridge over the Tamble gave way, the fire service said.\n"
        "\"We reached everyone within the hour,\" said fire chief Dara Quill.\n"
    ),
    "tamble_post": (
        "Mayor Ines Varga said 120 people were hurt at the fair.\n"
        f"Readers sent this comment: {HOSTILE}\n"
    ),
    "fair_daily": (
        "Organisers said 12 people were hurt on Saturday.\n"
        "On Sunday the organisers said 44 people were hurt.\n"
    ),
}
PUBLISHED = {"oxley_times": "2031-06-08", "tamble_post": "2031-06-08", "fair_daily": "2031-06-08"}


def make_claim(cid: str, source: str, number: str, value: Interval, qualifier: Qualifier, speaker: str,
               as_of: str, phase: int = 0) -> Claim:
    text = TEXTS[source]
    start = text.index(number)
    line_start = text.rfind("\n", 0, start) + 1
    sentence = text[line_start:text.index("\n", start)]
    return Claim(
        id=cid, source=source, text=number, start=start, end=start + len(number), sentence=sentence, value=value,
        qualifier=qualifier, unit="person", subject="people hurt", attributed_to=Attribution(speaker),
        as_of=as_of, topic="T1", phase=phase,
    )


CLAIMS = (
    make_claim("C1", "oxley_times", "About 40", Interval(36, 44, 40), Qualifier.APPROXIMATE, "the fire service", "2031-06-07"),
    make_claim("C2", "tamble_post", "120", Interval(120, 120, 120), Qualifier.EXACT, "Mayor Ines Varga " + HOSTILE,
               "2031-06-07"),
    make_claim("C3", "fair_daily", "12", Interval(12, 12, 12), Qualifier.EXACT, "Organisers", "2031-06-06", phase=-1),
    make_claim("C4", "fair_daily", "44", Interval(44, 44, 44), Qualifier.EXACT, "the organisers", "2031-06-07"),
)
QUILL = TEXTS["oxley_times"].index("Dara Quill")
REPORT = Report(
    articles=tuple(
        Article(id=s, text=t, path=f"{s}.txt", published=PUBLISHED[s], published_from="option",
                title=HOSTILE if s == "tamble_post" else None)
        for s, t in TEXTS.items()
    ),
    claims=CLAIMS,
    topics=(build_topic("T1", "people hurt " + HOSTILE, CLAIMS),),
    entities=(
        Entity(id="E1", name="Dara Quill", label="PERSON", aliases=(), roles=("fire chief",),
               mentions=(Mention("oxley_times", QUILL, QUILL + 10, "Dara Quill", "PERSON"),)),
    ),
    quotes=(
        Quote(id="Q1", source="oxley_times", text="We reached everyone within the hour",
              start=TEXTS["oxley_times"].index("We reached"), end=TEXTS["oxley_times"].index("within the hour") + 15,
              direct=True, cue="said", speaker=Attribution("fire chief Dara Quill", entity="E1")),
    ),
)


class Page(HTMLParser):
    """The parts of the page the tests look at: ids, links, resource attributes, script and svg counts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name == "href" and value and value.startswith("#"):
                self.links.append(value[1:])
            if name in {"src", "href", "srcset", "action", "data", "poster"}:
                self.resources.append((tag, name, value or ""))


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(REPORT)


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


def test_report_html_is_a_whole_document_that_loads_nothing(html: str, page: Page) -> None:
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    assert 'name="viewport"' in html and "@media print" in html
    assert "default-src 'none'" in html  # the browser itself refuses any load the page would attempt
    network = [r for r in page.resources if re.match(r"\s*(https?:)?//", r[2], re.I)]
    assert network == []
    assert all(value.startswith(("#", "data:")) for _, _, value in page.resources), page.resources
    assert page.tags.count("script") == 1 and page.tags.count("link") == 1  # our script; the empty data: icon


def test_report_html_escapes_article_text_speakers_titles_and_labels(html: str, page: Page) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in html
    assert "img" not in page.tags
    # The chart escapes its own text (speaker names reach it through tooltips, labels through aria-label).
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert "<script" not in svg and "&lt;script&gt;" in svg


def test_report_html_is_deterministic() -> None:
    assert render_html(REPORT) == render_html(REPORT)
    copy = Report(**{f: getattr(REPORT, f) for f in REPORT.__slots__})  # equal, not the same object
    assert render_html(copy) == render_html(REPORT)


def test_report_html_shows_each_topic_with_its_camps_speakers_and_sources(html: str) -> None:
    topic = REPORT.topics[0]
    assert topic.status.value == "conflict" and len(topic.camps) >= 2
    section = html[html.index('id="topic-T1"'):html.index('id="who"')]
    assert "Camps: these cannot all be true" in section
    for camp in topic.camps:
        assert f'<strong class="num">{camp.low:,.0f}' in section
    for speaker in ("the fire service", "Mayor Ines Varga", "the organisers"):
        assert speaker in section
    assert "oxley_times" in section and "tamble_post" in section
    assert "Revisions, not contradictions" in section  # 12 on Saturday → 44 on Sunday, the same source


def test_report_html_draws_a_dated_chart_per_topic(html: str) -> None:
    charts = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(charts) == len(REPORT.topics)
    chart = charts[0]
    for day in ("2031-06-06", "2031-06-07"):
        assert f">{day}</text>" in chart
    assert 'class="update"' in chart and "marker-end" in chart  # the revision is an arrow
    assert chart.count('class="cross"') >= 2  # the contradicting claims carry ✗
    for claim in CLAIMS:
        assert f'href="#claim-{claim.id}"' in chart


def test_report_html_links_every_claim_to_its_sentence(html: str, page: Page) -> None:
    missing = [target for target in page.links if target not in page.ids]
    assert missing == []
    for claim in CLAIMS:
        assert f"claim-{claim.id}" in page.ids and f"s-{claim.id}" in page.ids
        assert f'href="#s-{claim.id}"' in html
    # The claim's own words are marked inside its sentence, in the claim's row and in the source text.
    assert 'people were hurt at the fair.' in html
    assert "<mark>About 40</mark> people were hurt when the footbridge" in html
    assert '<span class="sent" data-claims="C1"><mark>About 40</mark></span>' in html


def test_report_html_who_said_what_and_entities(html: str) -> None:
    who = html[html.index('id="who"'):html.index('id="entities"')]
    assert "Dara Quill" in who and "“We reached everyone within the hour”" in who
    entities = html[html.index('id="entities"'):html.index('id="sources"')]
    assert "Dara Quill" in entities and "fire chief" in entities
    sources = html[html.index('id="sources"'):]
    assert sources.count("2031-06-08 (from option)") == 3


def test_report_html_source_text_segments_give_back_the_text() -> None:
    for article in REPORT.articles:
        pieces = segments(article.text, [c for c in CLAIMS if c.source == article.id])
        assert "".join(p.text for p in pieces) == article.text


def test_chart_axis_ticks_are_whole_numbers() -> None:
    linear = _scale([CLAIMS[0], CLAIMS[2]])  # 12 … 44
    assert not linear.log and all(float(t).is_integer() for t in linear.ticks())
    assert linear.ticks()[-1] > 44
    small = _scale([CLAIMS[2]])  # 12: steps of at least one
    assert all(float(t).is_integer() for t in small.ticks())
    wide = _scale([CLAIMS[2], make_claim("C9", "tamble_post", "120", Interval(1_000_000, 1_000_000, None),
                                         Qualifier.EXACT, "x", "2031-06-07")])
    assert wide.log and wide.ticks()[0] == 10 and wide.ticks()[-1] >= 1_000_000


def test_chart_without_dates_has_a_column_per_source() -> None:
    undated = tuple(make_claim(c.id, c.source, c.text, c.value, c.qualifier, "x", None) for c in CLAIMS[:2])  # type: ignore[arg-type]
    report = Report(articles=REPORT.articles, claims=undated, topics=(build_topic("T1", "people hurt", undated),))
    chart = topic_chart(report, report.topics[0], {})
    assert ">oxley_times</text>" in chart and ">tamble_post</text>" in chart


def test_write_html_failure_is_one_ncr_error(tmp_path: Path) -> None:
    with pytest.raises(NcrError, match="cannot write /dev/full"):
        write_html(REPORT, "/dev/full")
    write_html(REPORT, str(tmp_path / "r.html"))
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == render_html(REPORT)


# ---------------------------------------------------------------- the command


def ncr(*args: object) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], env={"NO_COLOR": "1"})


def test_cli_report_refuses_an_output_it_cannot_write_before_reading_anything(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    for target in (blocker / "report.html", tmp_path):
        result = ncr("report", tmp_path / "does-not-matter", "-o", target)
        assert result.exit_code == 2, result.stderr
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("ncr: error: --output ")
        assert "Traceback" not in result.stderr


@pytest.mark.model
def test_cli_report_writes_one_file_for_the_flood_story(flood_story: Story, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = ncr("report", *flood_story.paths, "-o", target, "--no-cache", "--jobs", 1,
                 "--published", "valley_herald=2031-04-02", "--published", "marl_courier=2031-04-02")
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(rf"wrote {re.escape(str(target))}: 3 sources, \d+ topics\n", result.stdout)
    html = target.read_text(encoding="utf-8")
    page = Page(html)
    assert [t for t in page.links if t not in page.ids] == []
    assert page.tags.count("svg") >= 1 and "Brackenford" in html and "2031-04-02" in html
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # one file, nothing beside it
