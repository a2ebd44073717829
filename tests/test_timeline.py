"""The timeline view's ordering, update marks and bars, on hand-built claims (no model)."""

from ncr.records import Article, Claim, Interval, Qualifier, Report, Status, Topic
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
    topics=(Topic("T1", "troops", tuple(c.id for c in CLAIMS), ("a", "b"), Status.CONFLICT, 1_500, 12_000, (("C2", "C4"),)),),
)


def test_timeline_orders_claims_by_date_with_undated_last():
    assert [c.id for c in ordered(REPORT, "T1")] == ["C2", "C4", "C1", "C3"]


def test_timeline_marks_a_sources_own_revision_as_an_update():
    marks = changes(ordered(REPORT, "T1"))
    assert marks == {"C1": "↑ update"}


def test_timeline_bars_scale_with_the_largest_value():
    assert bar(12_000, 12_000) == "█" * 24
    assert bar(3_000, 12_000) == "█" * 6
    assert bar(None, 12_000) == ""


def test_timeline_markdown_flags_conflicts_and_updates():
    text = timeline_markdown(REPORT)
    assert "## T1 troops: CONFLICT" in text
    rows = [line for line in text.splitlines() if line.startswith("| 2031") or line.startswith("| undated")]
    assert rows[0].startswith("| 2031-05-02 | a | 3,000 troops") and rows[0].endswith("✗  |")
    assert rows[2].endswith("↑ update |")
