"""Tests of ncr.extract.dates: span-text normalisation (model-free) and the Doc functions (``model``).

Every text here is written for these tests (an invented ferry strike in an
invented port); ``today`` is always passed explicitly, so nothing depends on
the clock. Reference dates: 2030-03-20 is a Wednesday in ISO week 12 of 2030;
2030-11-07 is a Thursday; 2031-01-15 is a Wednesday.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date

import pytest

from ncr.extract.dates import FoundDate, date_of_clause, find_dates, text_anchor
from ncr.extract.datetext import FORWARD, NO_ANCHOR, Anchor, normalise, normalise_absolute, parse, published_anchor

PUB = published_anchor("2030-03-20")  # a Wednesday
YEAR_ONLY = Anchor(published=None, year=2030, source="text")
TODAY = date(2031, 1, 15)


def test_reference_dates_are_what_the_tables_assume():
    assert date(2030, 3, 20).strftime("%A") == "Wednesday" and date(2030, 3, 20).isocalendar()[:2] == (2030, 12)
    assert date(2030, 11, 7).strftime("%A") == "Thursday"
    assert date(2031, 1, 15).strftime("%A") == "Wednesday"


def test_published_anchor():
    assert PUB == Anchor("2030-03-20", 2030, "metadata")
    assert published_anchor("2030-03-20T08:15:00Z", source="option") == Anchor("2030-03-20", 2030, "option")
    with pytest.raises(ValueError):
        published_anchor("20-03-2030")


def test_records_are_frozen_and_slotted():
    for cls in (FoundDate, Anchor):
        assert dataclasses.fields(cls) and not hasattr(cls(*[None] * len(dataclasses.fields(cls))), "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        PUB.year = 2031  # type: ignore[misc]


# --------------------------------------------------------------------------- model-free: text + anchor -> value

ABSOLUTE = [
    ("Nov. 7, 2028", "2028-11-07", "day"),
    ("November 7th, 2028", "2028-11-07", "day"),
    ("7 November 2028", "2028-11-07", "day"),
    ("the 7th of November, 2028", "2028-11-07", "day"),
    ("Thursday, Nov. 7, 2030", "2030-11-07", "day"),
    ("Sept. 3 , 2029", "2029-09-03", "day"),  # tokens joined by spaces
    ("2029-09-03", "2029-09-03", "day"),
    ("13/4/2030", "2030-04-13", "day"),  # unambiguous day/month order
    ("4/13/2030", "2030-04-13", "day"),
    ("June 2029", "2029-06", "month"),
    ("in June 2029", "2029-06", "month"),
    ("June of 2029", "2029-06", "month"),
    ("2029", "2029", "year"),
    ("mid-2029", "2029", "year"),
    ("late 2029", "2029", "year"),
]


@pytest.mark.parametrize("text,value,grain", ABSOLUTE)
def test_absolute_dates_need_no_anchor(text, value, grain):
    assert normalise(text, NO_ANCHOR) == (value, grain)
    assert normalise(text, PUB) == (value, grain)
    assert normalise_absolute(text) == (value, grain)


RELATIVE_WITH_PUBLISHED = [
    # weekdays: on or before the publication day, within the past week
    ("Monday", "2030-03-18", "day"),
    ("on Monday", "2030-03-18", "day"),
    ("Wednesday", "2030-03-20", "day"),
    ("Thursday", "2030-03-14", "day"),
    ("Friday morning", "2030-03-15", "day"),
    # "last <weekday>": strictly before the publication day, 1-7 days back
    ("last Wednesday", "2030-03-13", "day"),
    ("last Friday", "2030-03-15", "day"),
    ("this past Monday", "2030-03-18", "day"),
    ("next Friday", "2030-03-22", "day"),
    ("this Friday", "2030-03-22", "day"),
    ("yesterday", "2030-03-19", "day"),
    ("today", "2030-03-20", "day"),
    ("earlier today", "2030-03-20", "day"),
    ("tomorrow", "2030-03-21", "day"),
    ("three days ago", "2030-03-17", "day"),
    # weeks: ISO weeks relative to the publication date
    ("last week", "2030-W11", "week"),
    ("this week", "2030-W12", "week"),
    ("earlier this week", "2030-W12", "week"),
    ("next week", "2030-W13", "week"),
    ("two weeks ago", "2030-W10", "week"),
    ("this weekend", "2030-W12", "week"),
    # months: the most recent such month not after the publication month
    ("in June", "2029-06", "month"),
    ("June", "2029-06", "month"),
    ("early February", "2030-02", "month"),
    ("March", "2030-03", "month"),
    ("as early as January", "2030-01", "month"),
    ("last March", "2029-03", "month"),
    ("next March", "2031-03", "month"),
    ("June this year", "2030-06", "month"),
    ("June of this year", "2030-06", "month"),
    ("this June", "2030-06", "month"),
    ("June last year", "2029-06", "month"),
    ("late last July", "2029-07", "month"),
    ("last month", "2030-02", "month"),
    ("this month", "2030-03", "month"),
    ("next month", "2030-04", "month"),
    # month and day with no year: the most recent such day not after publication
    ("November 7", "2029-11-07", "day"),
    ("Nov. 7th", "2029-11-07", "day"),
    ("7 November", "2029-11-07", "day"),
    ("the 7th of November", "2029-11-07", "day"),
    ("March 20", "2030-03-20", "day"),
    ("Friday, March 15", "2030-03-15", "day"),
    ("Thursday, November 7", "2030-11-07", "day"),  # the weekday picks the year nearest publication
    # years
    ("this year", "2030", "year"),
    ("last year", "2029", "year"),
    ("last year's", "2029", "year"),
    ("next year", "2031", "year"),
    ("two years ago", "2028", "year"),
    ("the end of last year", "2029", "year"),
]


@pytest.mark.parametrize("text,value,grain", RELATIVE_WITH_PUBLISHED)
def test_relative_dates_resolve_against_publication(text, value, grain):
    assert normalise(text, PUB) == (value, grain)


@pytest.mark.parametrize("text,value,grain", [
    ("Friday", "2030-03-22", "day"),  # "will sail on Friday"
    ("Wednesday", "2030-03-20", "day"),
    ("in June", "2030-06", "month"),
    ("March", "2030-03", "month"),
    ("November 7", "2030-11-07", "day"),
    ("March 20", "2030-03-20", "day"),
])
def test_forward_reading(text, value, grain):
    assert normalise(text, PUB, direction=FORWARD) == (value, grain)


def test_month_and_day_with_no_tense_is_the_nearest():
    assert normalise("March 28", PUB, direction=None) == ("2030-03-28", "day")
    assert normalise("March 28", PUB) == ("2029-03-28", "day")  # read back by default
    assert normalise("November 7", PUB, direction=None) == ("2029-11-07", "day")
    assert normalise("Monday", PUB, direction=None) == ("2030-03-18", "day")


def test_iso_week_across_new_year():
    new_year = published_anchor("2031-01-01")  # a Wednesday in ISO week 1 of 2031
    assert normalise("last week", new_year) == ("2030-W52", "week")
    assert normalise("this week", new_year) == ("2031-W01", "week")
    assert normalise("last month", new_year) == ("2030-12", "month")
    assert normalise("in December", new_year) == ("2030-12", "month")


@pytest.mark.parametrize("text,value,grain", [
    ("November 7", "2030-11-07", "day"),  # month and day take the anchor's year
    ("7 November", "2030-11-07", "day"),
    ("Thursday, November 7", "2030-11-07", "day"),
    ("Friday, November 7", None, "day"),  # not a Friday in 2030: left unresolved
    ("in June", "2030-06", "month"),
    ("June this year", "2030-06", "month"),
    ("this year", "2030", "year"),
    ("last year", "2029", "year"),
    ("last June", None, "month"),  # relative to a month: needs the publication date
    ("Monday", None, "day"),
    ("last Wednesday", None, "day"),
    ("yesterday", None, "day"),
    ("last week", None, "week"),
    ("last month", None, "month"),
])
def test_year_only_anchor(text, value, grain):
    assert normalise(text, YEAR_ONLY) == (value, grain)


@pytest.mark.parametrize("text", [
    "Monday", "last Wednesday", "yesterday", "today", "last week", "this week", "in June", "June this year",
    "last month", "this year", "last year", "November 7", "Thursday, November 7", "the same day", "two years ago",
])
def test_unknown_anchor_leaves_relative_dates_unresolved(text):
    value, grain = normalise(text, NO_ANCHOR)
    assert value is None and grain in ("day", "week", "month", "year")


@pytest.mark.parametrize("text", [
    "six weeks", "the last six weeks", "the past six weeks", "a few weeks", "recent weeks", "decades",
    "the past week", "the last week", "several months", "18 months", "a decade", "two-year", "the 1990s",
    "between June and August", "2028-2029", "summer", "the fourth quarter", "the next few years", "now", "annual",
    "February 30",
])
def test_durations_and_vague_periods_are_not_dates(text):
    assert normalise(text, PUB) == (None, None)


def test_anaphoric_days_follow_the_previous_day():
    assert normalise("the same day", PUB, previous_day="2030-03-18") == ("2030-03-18", "day")
    assert normalise("that day", PUB, previous_day="2030-03-18") == ("2030-03-18", "day")
    assert normalise("the next day", PUB, previous_day="2030-03-18") == ("2030-03-19", "day")
    assert normalise("the day before", PUB, previous_day="2030-03-18") == ("2030-03-17", "day")
    assert normalise("two days later", PUB, previous_day="2030-03-18") == ("2030-03-20", "day")
    assert normalise("the same day", PUB) == (None, "day")


def test_ambiguous_slash_dates_stay_unresolved():
    assert parse("3/4/2030") is None  # 3 April or March 4: US and UK copy differ
    assert parse("3/4/30") is None


def test_string_helpers_load_neither_spacy_nor_dateparser():
    code = (
        "import sys, ncr.extract.datetext as d\n"
        "assert d.normalise('last week', d.published_anchor('2030-03-20')) == ('2030-W11', 'week')\n"
        "assert 'spacy' not in sys.modules and 'dateparser' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------- with the spaCy model


@pytest.fixture(scope="module")
def nlp():
    import ncr.nlp

    return ncr.nlp.load_model()


STORY = (
    "Ferry strike enters second week in Port Alder\n"
    "Dockworkers in Port Alder said on Monday that 40 ferries had been idle since the strike began last week. "
    "The union met port officials on Thursday, November 7, and talks collapsed the same day. "
    "Crews said they had lost six weeks of wages. "
    "The harbour authority reported that 2,300 passengers were stranded yesterday."
)


def _by_text(found):
    return {d.text: d for d in found}


@pytest.mark.model
def test_weekday_with_month_and_day_fixes_the_year(nlp):
    doc = nlp(STORY)
    assert text_anchor(doc, TODAY) == Anchor(published=None, year=2030, source="text")
    # the latest such year not after today: in mid-2030, 7 November 2030 is still ahead
    assert text_anchor(doc, date(2030, 6, 1)).year == 2024


@pytest.mark.model
def test_text_anchor_with_written_years(nlp):
    doc = nlp("On Thursday, November 7, the union rejected the offer made on November 5, 2024.")
    # 2024 and 2030 both fit the weekday; 2024 is also written in the text
    assert text_anchor(doc, TODAY) == Anchor(None, 2024, "text")
    doc = nlp("The port reopened in March 2029 after repairs.")
    assert text_anchor(doc, TODAY) == Anchor(None, 2029, "text")
    doc = nlp("The port plans to double its capacity by 2035. It reopened in 2029.")
    assert text_anchor(doc, TODAY) == NO_ANCHOR  # bare years fix nothing
    assert text_anchor(nlp("Dockworkers met on Monday."), TODAY) == NO_ANCHOR


@pytest.mark.model
def test_find_dates_offsets_and_order(nlp):
    doc = nlp(STORY)
    found = find_dates(doc, PUB)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        assert doc.text[d.start:d.end] == d.text
        assert doc[d.token_start:d.token_end].text == d.text
    expected = {"Monday", "last week", "Thursday, November 7", "the same day", "six weeks", "yesterday"}
    assert expected <= set(_by_text(found))


@pytest.mark.model
def test_find_dates_with_published(nlp):
    found = _by_text(find_dates(nlp(STORY), published_anchor("2030-11-13")))  # a Wednesday
    assert (found["Monday"].value, found["Monday"].grain) == ("2030-11-11", "day")
    assert (found["last week"].value, found["last week"].grain) == ("2030-W45", "week")
    assert found["Thursday, November 7"].value == "2030-11-07"
    assert (found["the same day"].value, found["the same day"].grain) == ("2030-11-07", "day")
    assert found["yesterday"].value == "2030-11-12"
    assert (found["six weeks"].value, found["six weeks"].grain) == (None, None)


@pytest.mark.model
def test_find_dates_without_anchor_resolves_only_self_contained_dates(nlp):
    text = STORY + " The port last closed in May 2027."
    found = _by_text(find_dates(nlp(text), NO_ANCHOR))
    assert found["May 2027"].value == "2027-05"
    for relative in ("Monday", "last week", "Thursday, November 7", "the same day", "yesterday"):
        assert found[relative].value is None and found[relative].grain is not None
    # with the year the text fixes, month and day take it; "the same day" follows
    found = _by_text(find_dates(nlp(text), text_anchor(nlp(text), TODAY)))
    assert found["Thursday, November 7"].value == "2030-11-07"
    assert found["the same day"].value == "2030-11-07"
    assert found["Monday"].value is None and found["last week"].value is None


@pytest.mark.model
def test_relative_months_and_weekdays_in_sentences(nlp):
    text = (
        "Ferry traffic fell sharply in June. "
        "Ticket sales for June this year were lower. "
        "The council voted last Wednesday to extend the contract. "
        "The minister will visit the port on Friday."
    )
    found = _by_text(find_dates(nlp(text), PUB))
    assert found["June"].value == "2029-06"
    assert found["June this year"].value == "2030-06"
    assert found["last Wednesday"].value == "2030-03-13"
    assert found["Friday"].value == "2030-03-22"  # future tense reads forward


@pytest.mark.model
def test_date_of_clause(nlp):
    doc = nlp(
        "The port authority stated on Monday that the strike had stranded 2,300 passengers. "
        "The estimate of 900 cars from last Wednesday was revised on Friday. "
        "Officials said 40 ferries were idle, and on Tuesday the union counted 12 more. "
        "Crews said 15 boats were damaged."
    )
    dates = find_dates(doc, PUB)

    def clause_date(number):
        token = next(t for t in doc if t.text == number)
        found = date_of_clause(range(token.i, token.i + 1), dates, doc)
        return found.text if found else None

    assert clause_date("2,300") == "Monday"  # the reporting verb's date
    assert clause_date("900") == "last Wednesday"  # the number's own noun phrase wins over the verb's date
    assert clause_date("12") == "Tuesday"
    assert clause_date("40") is None  # Tuesday belongs to the other clause
    assert clause_date("15") is None  # no date in the sentence
    assert date_of_clause(range(0), dates, doc) is None


@pytest.mark.model
def test_a_weekday_with_a_part_of_the_day_dates_its_clause(nlp):
    doc = nlp("After the match, 31 fans were detained Saturday night. Police held 12 more on Sunday evening.")
    dates = find_dates(doc, PUB)
    assert {d.text for d in dates if d.value} >= {"Saturday", "Sunday"}
    for number, day in (("31", "Saturday"), ("12", "Sunday")):
        token = next(t for t in doc if t.text == number)
        found = date_of_clause(range(token.i, token.i + 1), dates, doc)
        assert found is not None and found.text == day


# --------------------------------------------------------------------------- bench/eval.py: the dates evaluation

TML = """<?xml version="1.0" ?><TimeML>
<DOCID>ferry_1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2030-03-20">March 20, 2030</TIMEX3></DCT>
<TEXT>Ferries stopped <TIMEX3 tid="t1" type="DATE" value="2030-03-18">on Monday</TIMEX3>, \
the <EVENT eid="e1">union</EVENT> said <TIMEX3 tid="t2" type="DATE" value="PRESENT_REF">now</TIMEX3> \
for <TIMEX3 tid="t3" type="DURATION" value="P1W">a week</TIMEX3>.</TEXT>
</TimeML>
"""


def _load_eval():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "eval.py"
    spec = importlib.util.spec_from_file_location("ncr_bench_eval_dates", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_eval_parse_timeml_and_date_scoring():
    ev = _load_eval()
    doc = ev.parse_timeml(TML)
    assert doc.doc_id == "ferry_1" and doc.dct == "2030-03-20"
    assert doc.text == "Ferries stopped on Monday, the union said now for a week."
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("on Monday", "DATE", "2030-03-18"), ("now", "DATE", "PRESENT_REF"), ("a week", "DURATION", "P1W"),
    ]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)
    monday, now, _ = doc.timexes
    assert ev.gold_date_value(monday) == "2030-03-18" and ev.gold_date_value(now) is None
    assert ev.date_compatible("2030-03", "2030-03-18") and ev.date_compatible("2030-W12", "2030-03-18")
    assert not ev.date_compatible("2030-03-18", "2030-03") and not ev.date_compatible("2029", "2030-03-18")
    system = [FoundDate(19, 25, "Monday", "2030-03-18", "day", 3, 4)]
    assert ev.align_dates([monday, now], system) == [system[0], None]
    tally = ev.DateTally()
    tally.add_gold(monday, system[0])
    tally.add_gold(now, None)
    assert (tally.gold, tally.skipped, tally.exact, tally.wrong) == (1, 1, 1, 0)


def test_dates_unusual_complete_dates_fall_back_to_strict_dateparser():
    from ncr.extract.dates import _dateparser_day

    assert _dateparser_day("28.10.2024") == ("2024-10-28", "day")
    assert _dateparser_day("Oct 28th 2024") == ("2024-10-28", "day")
    assert _dateparser_day("mid-October") == (None, None)  # strict: nothing filled in from today


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Flood Hits Lowmoor\nMAR. 14, 2031, 8:12 PM\nThe river rose overnight.\n", "2031-03-14"),
        ("Sunday, March 16, 2031 | 5:00 PM\nRiots in the capital\n", "2031-03-16"),
        ("Bus crash\nPosted: Sep 10, 2030 3:21 PM\nA bus left the road.\n", "2030-09-10"),
        ("Store fire\n22 JUL 2030\nA fire broke out.\n", "2030-07-22"),
        # A date inside a sentence, or in the future, is not a date line.
        ("Store fire\nThe fire on March 3, 2030 destroyed the store of the family that had owned it for sixty years.\n", None),
        ("Festival\nJune 1, 2099\n", None),
    ],
)
def test_dateline_gives_the_publication_day(text, day):
    from ncr.extract.dates import dateline

    assert dateline(text, date(2031, 6, 1)) == day


@pytest.mark.model
def test_dateline_anchors_relative_dates_and_as_of():
    from ncr.nlp import load_model
    from ncr.pipeline import analyse
    from ncr.records import Article

    text = "Lowmoor blast\nMarch 5, 2031\nThe death toll rose to 10 on Tuesday, police said.\n"
    report = analyse([Article(id="a", text=text, path="a")], load_model(), today=date(2031, 6, 1))
    assert report.articles[0].published == "2031-03-05" and report.articles[0].published_from == "dateline"
    assert report.claims[0].as_of == "2031-03-04"


# Found by `make fuzz` (fuzz/targets.py, dates): a zero month or day is no date, not a crash.
@pytest.mark.parametrize("text", ["22/0/2666", "0/22/2031", "2031-00-12", "2031-04-00", "14/00/2031"])
def test_zero_month_or_day_is_no_date(text: str) -> None:
    assert parse(text) is None
    assert normalise_absolute(text) == (None, None)


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-07", "9999-12-25", "9999-12-31"])
@pytest.mark.parametrize("text", ["Friday", "last week", "next week", "2 days ago", "next year", "the next day"])
def test_dates_at_the_calendar_edges_do_not_overflow(published: str, text: str) -> None:
    value, _grain = normalise(text, published_anchor(published))
    assert value is None or len(value) >= 4
