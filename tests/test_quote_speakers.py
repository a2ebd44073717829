"""Who a pronoun speaker is: the sex the text gives people, names in quotes, names the model mislabels."""

import pytest

from ncr.extract.antecedents import antecedent, named_speakers
from ncr.extract.gender import FEMALE, MALE, sexes
from ncr.extract.quotemarks import quoted_spans
from ncr.extract.quotes import find_quotes
from ncr.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def pronoun_antecedents(doc):
    """Each he/she speaker of ``doc`` with the text of the name it is read back to."""
    named = named_speakers(doc)
    found = []
    for quote in find_quotes(doc, named):
        speaker = quote.speaker
        if speaker is not None and speaker.text.lower() in {"he", "she"}:
            earlier = antecedent(speaker, named)
            found.append((quote.text, earlier.text if earlier is not None else None))
    return found


@pytest.mark.model
def test_gender_honorifics_titles_and_self_reports_give_a_sex(nlp):
    doc = nlp("Mrs Odile Sarnow met Mr. Anders Olsen. The spokeswoman, Hanna Ekdal, spoke first. "
              "Tomas Brenn said he would stay.")
    found = sexes(doc)
    assert found["sarnow"] == FEMALE and found["olsen"] == MALE
    assert found["ekdal"] == FEMALE and found["brenn"] == MALE


@pytest.mark.model
def test_gender_a_name_with_evidence_of_both_sexes_gets_none(nlp):
    doc = nlp("Mr Kallo arrived. Mrs Kallo left.")
    assert "kallo" not in sexes(doc)


@pytest.mark.model
def test_she_is_never_read_back_to_a_man_of_the_text(nlp):
    text = ("Councillor Marisol Pardo opposed the bridge. Mayor Teo Maric said he would build it anyway. "
            "Maric signed the contract. \"It is a mistake,\" she said.")
    assert pronoun_antecedents(nlp(text)) == [("It is a mistake,", "Councillor Marisol Pardo")]


@pytest.mark.model
def test_a_titled_name_the_model_missed_is_a_person_for_he(nlp):
    doc = nlp("Mayor Ivar Tollen opened the depot in March, and he called for more buses on Friday.")
    called = next(q for q in find_quotes(doc) if q.speaker is not None and q.speaker.text == "he")
    assert antecedent(called.speaker, named_speakers(doc)).text.endswith("Tollen")


@pytest.mark.model
def test_the_holder_of_a_view_is_who_she_stands_for(nlp):
    doc = nlp("Councillor Marisol Pardo spoke on Monday.\n\nPardo's view is that the levy will fail. "
              "She wants to file an appeal.")
    wants = next(q for q in find_quotes(doc) if q.text.startswith("file"))
    assert antecedent(wants.speaker, named_speakers(doc)).text == "Pardo"


@pytest.mark.model
def test_a_name_inside_a_quotation_is_not_who_he_is(nlp):
    text = ("The club's radio station spoke to coach Oren Tal, who retires in May. "
            "\"My choice would be Jakob Wiese. I think he is ready,\" he says.")
    assert pronoun_antecedents(nlp(text)) == [("My choice would be Jakob Wiese. I think he is ready,", "Oren Tal")]


def test_quotes_a_quote_that_lost_its_closing_mark_ends_with_its_first_sentence():
    text = ('She wrote: "We are all proud of him. The crew sailed at dawn and docked in "Harrowby" at noon.'
            ' The harbour was full.')
    assert [text[s:e] for s, e in quoted_spans(text)] == ["We are all proud of him.", "Harrowby"]
    closed = 'He said: "We sailed. We docked in "Harrowby," he said.'
    assert [closed[s:e] for s, e in quoted_spans(closed)] == ["We sailed.", "Harrowby,"]


def described_as(nlp, text, start):
    from ncr.extract.described import described_person

    doc = nlp(text)
    named = named_speakers(doc)
    quote = next(q for q in find_quotes(doc, named) if q.text.startswith(start))
    found = described_person(quote.speaker, named)
    return found.text if found is not None else None


@pytest.mark.model
def test_a_role_no_one_holds_is_the_person_who_spoke_just_before(nlp):
    text = ("The ferry was late again on Monday, Tomas Kelling said. "
            "The captain said the engine needed new parts.")
    assert described_as(nlp, text, "the engine") == "Tomas Kelling"


@pytest.mark.model
def test_a_role_in_a_lede_is_the_person_named_as_a_speaker_just_after(nlp):
    text = ("A spokeswoman says the museum will close for a year. "
            "Mirja Solberg said the roof needed new beams before winter.")
    assert described_as(nlp, text, "the museum") == "Mirja Solberg"


@pytest.mark.model
def test_a_role_someone_holds_or_a_person_with_another_role_is_not_guessed(nlp):
    held = ("Spokesman Casimir Brannagh said the plant would stay open. Officials met on Monday, Rita Sola said. "
            "The spokesman said the talks went well.")
    assert described_as(nlp, held, "the talks") is None
    other = ("Police chief Arvid Ode said the road was closed, and Ode said it would reopen soon. "
             "The captain said the engine needed new parts.")
    assert described_as(nlp, other, "the engine") is None
