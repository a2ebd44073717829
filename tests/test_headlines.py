"""Headlines read in sentence case, their counts and their trailing credit, on texts written for these tests."""

import pytest

from ncr.extract.attribution import find_speech
from ncr.extract.headlines import recased_headlines, sentence_case, with_headline_claims
from ncr.extract.lines import is_title_case, names_in_running_text
from ncr.extract.quantities import find_claims
from ncr.nlp import load_model

pytestmark = pytest.mark.model

BODY = "A gunman opened fire at Dunmore College on Monday, and Ned Varga was later arrested, police said.\n"


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def all_claims(nlp, doc):
    """What the pipeline does: recased headlines parsed in one batch, their claims in place of the raw ones."""
    lines = recased_headlines(doc)
    return with_headline_claims(doc, find_claims(doc), list(zip([line for line, _ in lines], nlp.pipe(text for _, text in lines))))


def claims(nlp, text):
    return [(c.span.text, c.kind, c.state) for c in all_claims(nlp, nlp(text))]


def test_headlines_title_case_is_lowered_except_the_article_s_names(nlp):
    doc = nlp("Gunman Kills 3 Students At Dunmore College\n" + BODY)
    headline = next(doc.sents)
    assert is_title_case(headline)
    assert sentence_case(headline, names_in_running_text(doc)).strip() == "Gunman kills 3 students at Dunmore College"


def test_headlines_counts_in_a_title_case_line_are_found(nlp):
    found = claims(nlp, "Gunman Kills 3 Students At Dunmore College\n" + BODY)
    assert ("3", "people", "killed") in found


def test_headlines_dead_and_wounded_are_counts(nlp):
    found = claims(nlp, "4 Dead, 2 Wounded In Dunmore College Shooting\n" + BODY)
    assert ("4", "people", "killed") in found and ("2", "people", "injured") in found


def test_headlines_a_running_sentence_is_not_recased(nlp):
    doc = nlp(BODY)
    assert not any(is_title_case(s) for s in doc.sents)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Gunman Kills 3 Students At Dunmore College: Police\n" + BODY, "Police"),
    ("Storm Leaves 12 Dead: State Fire Officials\nThe storm hit the coast.\n", "State Fire Officials"),
    ("Reasons for 12 closures: weather\nThe storm hit the coast.\n", None),
])
def test_headlines_a_trailing_credit_is_the_source(nlp, text, speaker):
    doc = nlp(text)
    claim = all_claims(nlp, doc)[0]
    speech = find_speech(claim.span.root)
    assert (speech.speaker.text if speech and speech.speaker is not None else None) == speaker


def test_headlines_state_adjectives_count_in_running_text_too(nlp):
    found = claims(nlp, "The blast left 12 dead and 30 injured.\n")
    assert ("12", "people", "killed") in found and ("30", "people", "injured") in found


def test_headlines_a_sentence_full_of_names_is_not_a_headline(nlp):
    doc = nlp("Freedonian President Ivo Marek Met Ruritanian Premier Lena Oster In Dunmore.\n" + BODY)
    assert recased_headlines(doc) == []  # it ends like a sentence
    doc = nlp("Intro.\nOn Monday, when Choe arrived in Ruritania, Freedonian President Ivo Marek held talks with "
              "Ruritanian President Lena Oster about 300 prisoners, officials said\n")
    assert all("300" not in text for _, text in recased_headlines(doc))


def test_headlines_a_word_the_text_mostly_writes_in_lower_case_is_no_name(nlp):
    # "Times" of a newspaper's name once, "times" twice in running text: lowered in the headline.
    body = ("The Eastport Times reported that the guard was struck four times. "
            "Witnesses said the dog was hit four times before it fled.\n")
    doc = nlp("Dog Hit Four Times By Guard In Eastport\n" + body)
    names = names_in_running_text(doc)
    assert "times" not in names and "eastport" in names
    assert ("Four", "hits", None) in claims(nlp, "Dog Hit Four Times By Guard In Eastport\n" + body)
