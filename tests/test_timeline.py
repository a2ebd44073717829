"""The timeline view's ordering, update marks and bars, on hand-built claims (no model)."""

from ncr.conflicts import build_topic
from ncr.records import Article, Claim, Interval, Qualifier, Report
from ncr.render.timeline import bar, changes, ordered, timeline_markdown


def claim(cid, source, value, as_of):
    return Claim(
        id=cid, source=source, text=f"{value:,}", start=int(cid[1:]), end=int(cid[1:]) + 1, sentence="",
        value=Interval(value, value, value), qualifier=Qualifier.EXACT, unit="troop", subject="troops",
        attributed_to=None, as_of=as_of, topic="T1",
    )


CLAIMS = (
    claim("C1", "a", 10_000, "2031-05-09"),
    claim("C2", "a", 3_000, "2031-05-02"),
    claim("C3", "b", 1_500, None),
    claim("C4", "b", 12_000, "2031-05-08"),
)
REPORT = Report(
    articles=(Article(id="a", text="", path="a"), Article(id="b", text="", path="b")),
    claims=CLAIMS,
    topics=(build_topic("T1", "troops", CLAIMS),),
)


def test_timeline_orders_claims_by_date_with_undated_last():
    assert [c.id for c in ordered(REPORT, "T1")] == ["C2", "C4", "C1", "C3"]


def test_timeline_marks_each_revision_with_the_figure_it_revises():
    marks = changes(ordered(REPORT, "T1"), REPORT.topics[0].updates)
    # 3,000 (May 2) → 12,000 (May 8) → 10,000 (May 9), whoever gave them.
    assert marks == {"C4": "↑ update of C2", "C1": "↓ update of C4"}


def test_timeline_bars_scale_with_the_largest_value():
    assert bar(12_000, 12_000) == "█" * 24
    assert bar(3_000, 12_000) == "█" * 6
    assert bar(None, 12_000) == ""


def test_timeline_markdown_flags_conflicts_and_updates():
    text = timeline_markdown(REPORT)
    assert "## T1 troops: CONFLICT" in text
    rows = [line for line in text.splitlines() if line.startswith("| 2031") or line.startswith("| undated")]
    # The undated 1,500 fits no day's figures, so it is read as of the latest day: it contradicts
    # that day's 10,000 of the other source, not the older 3,000.
    assert rows[0].startswith("| 2031-05-02 | a | 3,000 troops") and "✗" not in rows[0]
    assert rows[1].endswith("| ↑ update of C2 |")  # b's own 1,500 is not b contradicting itself
    assert rows[2].endswith("✗ ↓ update of C4 |")
    assert rows[3].startswith("| undated | b | 1,500 troops") and "✗" in rows[3]
