"""Direct quotes and reported speech, on texts written for the tests."""

import pytest

from ncr.extract.quotes import find_quotes, quoted_spans
from ncr.nlp import load_model
from ncr.pipeline import analyse
from ncr.records import Article

# --- quotation marks (no model) -----------------------------------------------


def inner(text):
    return [text[s:e] for s, e in quoted_spans(text)]


def test_quotes_marks_pair_curly_and_straight():
    assert inner("He said “we will win” and left.") == ["we will win"]
    assert inner('She said "not now," and left.') == ["not now,"]


def test_quotes_marks_span_sentences_within_a_paragraph():
    assert inner("“We came. We saw,” she said.") == ["We came. We saw,"]


def test_quotes_stray_closing_mark_is_dropped():
    text = "When asked about the talks,” the spokesman said the door was open.\n“Yes,” he added."
    assert inner(text) == ["Yes,"]


def test_quotes_unclosed_opening_mark_does_not_swallow_later_paragraphs():
    text = "The mayor said “the bridge is safe and\nThe council met on Friday. “Funding is short,” the treasurer said."
    assert inner(text) == ["Funding is short,"]


def test_quotes_quote_continued_in_the_next_paragraph():
    text = "“The first part ends here.\n“And the second part follows,” she said."
    assert inner(text) == ["The first part ends here.", "And the second part follows,"]


# --- direct quotes and speakers (model) -----------------------------------------


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def quotes_of(nlp, text):
    return [(q.text, q.direct, q.cue, q.speaker.text if q.speaker is not None else None) for q in find_quotes(nlp(text))]


@pytest.mark.model
def test_quotes_speaker_after_the_quote(nlp):
    found = quotes_of(nlp, "“This is a dark day for the harbour,” Mayor Ilse Darrow said on Friday.")
    assert found == [("This is a dark day for the harbour,", True, "said", "Mayor Ilse Darrow")]


@pytest.mark.model
def test_quotes_speaker_before_the_quote(nlp):
    found = quotes_of(nlp, "Fisheries spokesman Tomas Arbel said, “The quotas will be cut. Nobody is happy.”")
    assert found[0][0] == "The quotas will be cut. Nobody is happy."
    assert found[0][3] == "Fisheries spokesman Tomas Arbel"


@pytest.mark.model
def test_quotes_split_by_the_cue_keep_one_speaker(nlp):
    found = quotes_of(nlp, "“We will rebuild,” Darrow said. “It will take years.”")
    assert [f[0] for f in found] == ["We will rebuild,", "It will take years."]
    assert {f[3] for f in found} == {"Darrow"}


@pytest.mark.model
def test_quotes_short_phrase_inside_reported_speech(nlp):
    found = quotes_of(nlp, "The minister Lena Oster described the blockade as “cruel and pointless” on Monday.")
    direct = [f for f in found if f[1]]
    assert direct == [("cruel and pointless", True, "described", "The minister Lena Oster")]


@pytest.mark.model
def test_quotes_quoted_title_is_not_a_quote(nlp):
    found = quotes_of(nlp, "The two states signed the “Northern Waters Accord” in 2019.")
    assert [f for f in found if f[1]] == []


@pytest.mark.model
def test_quotes_reported_speech_in_both_orders(nlp):
    first = quotes_of(nlp, "The coast guard said that 42 fishermen were still missing.")
    assert ("42 fishermen were still missing", False, "said", "The coast guard") in first
    second = quotes_of(nlp, "Forty fishermen were still missing, the coast guard said on Sunday.")
    assert ("Forty fishermen were still missing", False, "said", "the coast guard") in second


@pytest.mark.model
def test_quotes_according_to_and_phrasal_cues(nlp):
    found = quotes_of(nlp, "According to the port authority, the ferry will not sail before May.")
    assert ("the ferry will not sail before May", False, "according to", "the port authority") in found
    found = quotes_of(nlp, "Analyst Mara Quell pointed out that the ferry was forty years old.")
    assert ("the ferry was forty years old", False, "pointed out", "Analyst Mara Quell") in found


@pytest.mark.model
def test_quotes_stray_mark_never_stops_the_rest_of_the_article(nlp):
    text = "Asked about the strike,” the union leader Ana Brant said talks would resume.\n“We are ready,” Brant said."
    found = quotes_of(nlp, text)
    assert ("We are ready,", True, "said", "Brant") in found
    assert not any(f[1] and "Asked" in f[0] for f in found)


@pytest.mark.model
def test_pipeline_quote_speakers_resolve_to_entities_and_numbers_inherit_them():
    text = (
        "Harbour master Ilse Darrow inspected the dock on Monday.\n"
        "“At least 300 boats were damaged,” she said.\n"
        "The ministry said that about 40 sailors had been rescued.\n"
    )
    report = analyse([Article(id="a", text=text, path="a.txt")], load_model())
    darrow = next(e for e in report.entities if e.name == "Ilse Darrow")
    quote = next(q for q in report.quotes if q.direct)
    assert quote.speaker.text == "she" and quote.speaker.entity == darrow.id
    boats = next(c for c in report.claims if c.unit == "boat")
    assert boats.attributed_to is not None and boats.attributed_to.entity == darrow.id
    sailors = next(c for c in report.claims if c.unit == "sailor")
    assert sailors.attributed_to.text == "The ministry"
