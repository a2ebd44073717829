"""The whole pipeline on a story written for the tests: three outlets, one flood."""

import pytest

from ncr.nlp import load_model
from ncr.pipeline import analyse
from ncr.records import Article, Status

pytestmark = pytest.mark.model

WIRE = """Flooding forces thousands from homes in river valley
Officials in the province of Varnia said on Thursday that about 12,000 residents had been evacuated after the Lesk river burst its banks.
The regional emergency ministry said at least 14 people had died. Two bridges were destroyed.
According to the Red Crescent, some 3,500 volunteers are helping with the rescue effort.
"""
DAILY = """Varnia floods: toll rises
The provincial government estimated that as many as 30,000 residents had been evacuated, Governor Petra Sand told reporters on Friday.
Aid groups said five thousand volunteers had joined the rescue effort.
"""
BLOG = """In Varnia, between 11,000 and 13,000 residents were evacuated, local media reported.
https://ads.example.com/click?id=123
At least 20 people were killed, police said. Dozens of villages remain cut off.
"""


@pytest.fixture(scope="module")
def report():
    articles = [Article(id="wire", text=WIRE, path="wire.txt"), Article(id="daily", text=DAILY, path="daily.txt"),
                Article(id="blog", text=BLOG, path="blog.txt", published="2031-05-02")]
    return analyse(articles, load_model())


def topic_of(report, subject_word):
    claims = [c for c in report.claims if subject_word in c.subject]
    assert claims, subject_word
    topics = {c.topic for c in claims}
    assert len(topics) == 1, [(c.subject, c.topic) for c in claims]
    return next(t for t in report.topics if t.id in topics)


def test_pipeline_evacuations_align_across_three_sources(report):
    topic = topic_of(report, "residents")
    assert set(topic.sources) == {"wire", "daily", "blog"}
    assert topic.status is Status.AGREE  # 10,800-13,200, <= 30,000 and 11,000-13,000 can all hold


def test_pipeline_volunteers_conflict_and_deaths_agree(report):
    assert topic_of(report, "volunteers").status is Status.CONFLICT  # 3,150-3,850 vs 5,000
    deaths = topic_of(report, "people")
    assert deaths.status is Status.AGREE  # at least 14 and at least 20 killed
    assert set(deaths.sources) == {"wire", "blog"}


def test_pipeline_attributions_name_the_source_of_each_number(report):
    by_text = {c.text: c for c in report.claims}
    assert by_text["about 12,000"].attributed_to.text == "Officials in the province of Varnia"
    assert by_text["some 3,500"].attributed_to.text == "the Red Crescent"
    assert by_text["five thousand"].attributed_to.text == "Aid groups"
    assert by_text["At least 20"].attributed_to.text == "police"
    assert by_text["Two"].attributed_to is None


def test_pipeline_offsets_slice_the_text_as_read(report):
    texts = {a.id: a.text for a in report.articles}
    for claim in report.claims:
        assert texts[claim.source][claim.start : claim.end] == claim.text
    for entity in report.entities:
        for mention in entity.mentions:
            assert texts[mention.source][mention.start : mention.end] == mention.text


def test_pipeline_as_of_defaults_to_the_publication_date(report):
    assert {c.as_of for c in report.claims if c.source == "blog"} == {"2031-05-02"}
    assert {c.as_of for c in report.claims if c.source == "wire"} == {None}


def test_pipeline_headline_is_not_run_into_the_first_sentence(report):
    claim = next(c for c in report.claims if c.text == "about 12,000")
    assert not claim.sentence.startswith("Flooding")


def test_pipeline_source_order_does_not_change_topics(report):
    reordered = analyse(tuple(reversed(report.articles)), load_model())
    statuses = lambda r: sorted((t.label, t.status.value, tuple(sorted(t.sources))) for t in r.topics)  # noqa: E731
    assert statuses(reordered) == statuses(report)


def test_pipeline_dates_anchor_on_the_text_or_the_publication_date():
    from datetime import date

    text = (
        "The ferry sank on Sunday, March 9, off the coast.\n"
        "Officials said on Monday that 120 passengers had been rescued.\n"
        "The coast guard said last Friday's estimate of 80 survivors was too low.\n"
    )
    unanchored = analyse([Article(id="a", text=text, path="a.txt")], load_model(), today=date(2031, 1, 1))
    assert unanchored.articles[0].year == 2025 and unanchored.articles[0].published_from == "text"
    assert {d.text: d.value for d in unanchored.dates}["Sunday, March 9"] == "2025-03-09"
    assert {c.text: c.as_of for c in unanchored.claims}["120"] is None  # "Monday" needs the publication date

    anchored = analyse(
        [Article(id="a", text=text, path="a.txt", published="2025-03-11", published_from="option")],
        load_model(),
        today=date(2031, 1, 1),
    )
    as_of = {c.text: c.as_of for c in anchored.claims}
    assert as_of["120"] == "2025-03-10"  # "said on Monday" in a Tuesday article
    assert as_of["80"] == "2025-03-07"  # "last Friday's estimate"


LONG_STORY = "".join(
    f"Crews in district {i} said {10 + i} homes were flooded on Monday. \u201cWe moved {i + 2} families,\u201d "
    f"Warden Ilse Marrow said.\n\n"
    for i in range(12)
)


@pytest.mark.model
def test_long_article_is_parsed_in_pieces_with_offsets_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    import ncr.nlp
    from ncr.nlp import parse_texts, pieces

    nlp = load_model()
    whole = analyse([Article(id="a", text=LONG_STORY, path="a.txt")], nlp)
    monkeypatch.setattr(ncr.nlp, "PIECE_CHARS", 300)  # a few paragraphs a piece
    (doc,) = parse_texts(nlp, [LONG_STORY], batch_size=4)
    pieced = analyse([Article(id="a", text=LONG_STORY, path="a.txt")], nlp)

    assert len(pieces(LONG_STORY, 300)) > 5 and all(p.endswith("\n\n") for p in pieces(LONG_STORY, 300))
    assert doc.text == LONG_STORY
    assert [(c.start, c.end, c.value) for c in pieced.claims] == [(c.start, c.end, c.value) for c in whole.claims]
    assert [(q.start, q.end) for q in pieced.quotes] == [(q.start, q.end) for q in whole.quotes]
    assert all(LONG_STORY[c.start : c.end] == c.text for c in pieced.claims)
    assert len(pieced.claims) >= 24


def test_pieces_cut_at_the_best_break_and_join_back() -> None:
    from ncr.nlp import pieces

    text = "One. Two three.\nFour five six.\n\nSeven eight nine ten." + "x" * 50
    parts = pieces(text, 30)

    assert "".join(parts) == text
    assert parts[0] == "One. Two three.\n"  # the last break before 30 characters is a line break
    assert all(len(p) <= 30 for p in parts)
    assert pieces("y" * 70, 30) == ["y" * 30, "y" * 30, "y" * 10]  # no break at all: a hard cut
