"""Direct quotes and reported speech, on texts written for the tests."""

import pytest

from ncr.extract.quotemarks import quoted_spans
from ncr.extract.quotes import find_quotes
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
    spaced = "“Yes,” she said. “The first part ends here.\n\n“And the second part follows.”"
    assert inner(spaced) == ["Yes,", "The first part ends here.", "And the second part follows."]


def test_quotes_two_apostrophes_and_tex_marks_are_quotation_marks():
    assert inner("''This isn't reform,'' she said.") == ["This isn't reform,"]
    assert inner("He called it ``a fair deal'' on Monday.") == ["a fair deal"]


def test_quotes_guillemets_and_single_marks_of_a_headline():
    assert inner("Mayor: ‘We will rebuild’ after the flood") == ["We will rebuild"]
    assert inner("«Nous restons», a-t-il dit.") == ["Nous restons"]


def test_quotes_apostrophes_are_not_marks():
    assert inner("The crew’s boat didn’t sail, and the dogs’ kennels flooded.") == []
    assert inner("“We don’t know,” she said.") == ["We don’t know,"]


def test_quotes_mixed_and_reversed_marks_are_repaired():
    assert inner('He said "we will rebuild,” and left.') == ["we will rebuild,"]
    assert inner("“Yes,” he said. ”We will rebuild.”") == ["Yes,", "We will rebuild."]


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
def test_quotes_a_few_words_a_paraphrase_borrows_belong_to_the_reported_statement(nlp):
    found = quotes_of(nlp, 'Harbour master Sigrun Lunde said the roads out of the port were "utterly impassable" by noon.')
    assert [f for f in found if f[1]] == []
    assert [f[0] for f in found] == ['the roads out of the port were "utterly impassable" by noon']
    named = quotes_of(nlp, "Senator Bastian Brenn calls the levy ‘a tax on rain’ in a radio interview.")
    assert [f[0] for f in named if f[1]] == ["a tax on rain"]


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


# --- quoting conventions (model) -------------------------------------------------


@pytest.mark.model
def test_quotes_two_apostrophes_quote_with_its_speaker(nlp):
    found = quotes_of(nlp, "''This isn't reform,'' said Senator Ada Brill.")
    assert found == [("This isn't reform,", True, "said", "Senator Ada Brill")]


@pytest.mark.model
def test_quotes_transcript_turns_are_quotes_of_their_speakers(nlp):
    text = ("HOST: Welcome back. Is the harbour safe?\n"
            "MARA LINDQVIST: It is safe, and we will reopen on Monday.\n"
            "HOST: Thank you for joining us.\n")
    found = quotes_of(nlp, text)
    assert [(f[0], f[2], f[3]) for f in found] == [
        ("Welcome back. Is the harbour safe?", "transcript", "HOST"),
        ("It is safe, and we will reopen on Monday.", "transcript", "MARA LINDQVIST"),
        ("Thank you for joining us.", "transcript", "HOST"),
    ]


@pytest.mark.model
def test_quotes_transcript_parts_are_the_people_the_introduction_names(nlp):
    text = ("Transcript: the ferry strike\n\n"
            "What follows is an interview with Transport Minister Oskar Vell, recorded on Monday for "
            "the evening programme of Radio Kelm and presented by Maria Dahl.\n\n"
            "HOST: Minister, when will the ferries sail again?\n\n"
            "GUEST: On Thursday, if the crews accept the offer.\n\n"
            "HOST: Thank you, Minister.\n")
    found = quotes_of(nlp, text)
    assert [(f[0], f[3]) for f in found] == [
        ("Minister, when will the ferries sail again?", "Maria Dahl"),
        ("On Thursday, if the crews accept the offer.", "Oskar Vell"),
        ("Thank you, Minister.", "Maria Dahl"),
    ]


@pytest.mark.model
def test_quotes_dialogue_dashes_quote_each_line_from_its_credit(nlp):
    text = ("The two fishermen remember the storm.\n\n"
            "― The ice came early that year, said the elder, Tomas Vik.\n\n"
            "― Where were you then? asked his son.\n\n"
            "― Nets, ropes and buoys.\n")
    found = quotes_of(nlp, text)
    assert [(f[0], f[2], f[3]) for f in found] == [
        ("The ice came early that year", "said", "Tomas Vik"),
        ("Where were you then?", "asked", "his son"),
    ]


@pytest.mark.model
def test_quotes_one_labelled_paragraph_is_no_transcript(nlp):
    text = "Harbour master: The harbour reopens on Monday.\nRepairs took two weeks, officials said.\n"
    assert all(f[2] != "transcript" for f in quotes_of(nlp, text))


@pytest.mark.model
def test_quotes_titles_and_scare_quotes_are_not_speech(nlp):
    assert [f for f in quotes_of(nlp, 'Speaking on "Harbour Watch," Lindqvist said the port would reopen.') if f[1]] == []
    assert [f for f in quotes_of(nlp, "Critics called it a “quack” cure.") if f[1]] == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Vell starred in “The Long Tide,” a film about the fishing fleet.",
    "The informant known to reporters as “Night Heron,” met them twice.",
    "The browser has a “ghost tab” flaw, the vendor said.",
    "The so-called “harbour tax” was dropped in May.",
    "Readers of the weekly named him their “angler of the year” on Friday.",
    'The vendor issued a patch for a "drive - by", or previously unseen, flaw in its mail app, it said.',
    '"Copper Lantern" director Rudi Mlinar left the project, the studio said.',
    'She won a nomination for "Best Original Score for a Feature Film or Limited Series Drama."',
])
def test_quotes_titles_nicknames_and_terms_are_not_speech(nlp, text):
    assert [f for f in quotes_of(nlp, text) if f[1]] == []


@pytest.mark.model
def test_quotes_a_phrase_a_speaker_uses_is_a_quote(nlp):
    found = [f for f in quotes_of(nlp, "Fire chief Ola Brun described the plan as a “reckless gamble”.") if f[1]]
    assert [f[0] for f in found] == ["reckless gamble"]
    hyphenated = [f for f in quotes_of(nlp, 'Critics called the plan "half-baked" on Monday.') if f[1]]
    assert [f[0] for f in hyphenated] == ["half-baked"]


@pytest.mark.model
def test_quotes_credited_by_a_dash_after_the_quote(nlp):
    found = quotes_of(nlp, "“The sea gives and the sea takes.” ― Mara Lindqvist\n")
    assert found == [("The sea gives and the sea takes.", True, "dash", "Mara Lindqvist")]


@pytest.mark.model
def test_quotes_introduced_by_a_colon_at_the_end_of_the_paragraph_before(nlp):
    text = "In a statement on Sunday, harbour master Mara Lindqvist wrote:\n“We will reopen the harbour on Monday.”\n"
    found = [f for f in quotes_of(nlp, text) if f[1]]
    assert found == [("We will reopen the harbour on Monday.", True, "wrote", "harbour master Mara Lindqvist")]


@pytest.mark.model
def test_quotes_continued_in_the_next_paragraph_keep_the_speaker(nlp):
    text = ("“We will reopen the harbour,” Lindqvist said. “The repairs are done.\n"
            "“The ferries will run again on Monday.”\n")
    found = [f for f in quotes_of(nlp, text) if f[1]]
    assert [f[0] for f in found] == ["We will reopen the harbour,", "The repairs are done.",
                                     "The ferries will run again on Monday."]
    assert {f[3] for f in found} == {"Lindqvist"}


@pytest.mark.model
def test_quotes_a_verb_that_denies_speech_is_no_cue(nlp):
    text = "“We will win this vote,” though Tom Quell has not said whether he will stand, Ada Brill told reporters."
    found = [f for f in quotes_of(nlp, text) if f[1]]
    assert found[0][3] == "Ada Brill"


# --- attributions without a speech verb (model) ------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("Mayor Tova Grell wants the ferry fares frozen before the summer.", "the ferry fares frozen before the summer",
     "wants", "Mayor Tova Grell"),
    ("He plans to file nine objections on Friday.", "file nine objections on Friday", "plans", "He"),
    ("Fishermen called for the harbour wall to be raised at once.", "the harbour wall to be raised at once",
     "called for", "Fishermen"),
    ("The council urged residents to boil their water until Friday.", "residents to boil their water until Friday",
     "urged", "The council"),
    ("Senator Rhea Lund's view is that the levy will drive fishermen out of the trade.",
     "the levy will drive fishermen out of the trade", "view is", "Senator Rhea Lund's"),
])
def test_quotes_intention_demand_and_belief_are_attributions(nlp, text, content, cue, speaker):
    assert quotes_of(nlp, text) == [(content, False, cue, speaker)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The ministry has not said who will fund the new pier.",
    "Officials did not say why the ferry turned back.",
    "It is believed that the quarry will close in June.",
])
def test_quotes_denied_asked_and_impersonal_statements_are_nobodys(nlp, text):
    assert quotes_of(nlp, text) == []


# --- speakers resolved to entities (model) ------------------------------------------


def speaker_entity(report, text_start):
    quote = next(q for q in report.quotes if q.text.startswith(text_start))
    entity = next((e for e in report.entities if quote.speaker and e.id == quote.speaker.entity), None)
    return entity.name if entity is not None else None


@pytest.mark.model
def test_quotes_it_and_the_company_are_the_organisation_named_before():
    report = analyse([Article(id="a", path="a", text=(
        "Ostrel Dairies recalled 6,000 crates of yoghurt on Monday.\n"
        "The company said nobody had fallen ill. It said the recall was a precaution.\n"))], load_model())
    assert speaker_entity(report, "nobody") == "Ostrel Dairies"
    assert speaker_entity(report, "the recall") == "Ostrel Dairies"


@pytest.mark.model
def test_quotes_a_colon_introducer_names_the_person_before_the_body():
    text = "Ines Vardo, editor of The Harbour Ledger: “The bridge is a fine plan at a foolish cost.”\n"
    found = [f for f in quotes_of(load_model(), text) if f[1]]
    assert found == [("The bridge is a fine plan at a foolish cost.", True, "colon", "Ines Vardo")]


@pytest.mark.model
def test_quotes_a_statement_from_a_body_is_the_body_speaking():
    report = analyse([Article(id="a", path="a", text=(
        "A statement from the Calder Harbour Authority said the pier would reopen on Monday.\n"))], load_model())
    assert speaker_entity(report, "the pier") == "Calder Harbour Authority"


def test_quotes_a_surname_the_model_takes_for_a_body_can_still_be_she(nlp):
    from spacy.tokens import Doc

    from ncr.extract.antecedents import antecedent

    words = ["Ann", "Kessel", "arrived", ".", "Kessel", "posted", "notes", ".", '"', "Fine", ",", '"', "she", "wrote", "."]
    heads = [1, 2, 2, 2, 5, 5, 5, 5, 13, 13, 13, 13, 13, 13, 13]
    deps = ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct", "punct", "ccomp", "punct", "punct",
            "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "NOUN", "PUNCT", "PUNCT", "ADJ", "PUNCT", "PUNCT", "PRON",
           "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    starts = [True] + [False] * 3 + [True] + [False] * 3 + [True] + [False] * 6
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents, sent_starts=starts)
    found = antecedent(doc[12:13], [])
    assert found is not None and found.text == "Kessel" and found.start == 4


def test_quotes_she_of_a_name_with_no_mention_is_the_person_named_so():
    from ncr.article_record import Speaker, SpeakerText
    from ncr.records import Entity, Mention
    from ncr.speaker_entities import MentionIndex, resolve_speaker

    # "Ann Kessel arrived. ... Kessel posted notes. ... she wrote": the model kept no mention
    # of the second "Kessel", and "Kofi Osei" is the person named nearest before "she".
    text = "Ann Kessel arrived. Kofi Osei waved. Kessel posted notes. Fine, she wrote."
    kessel = Entity("E1", "Ann Kessel", "PERSON", ("Ann Kessel",), (), (Mention("s", 0, 9, "Ann Kessel", "PERSON"),))
    osei = Entity("E2", "Kofi Osei", "PERSON", ("Kofi Osei",), (), (Mention("s", 19, 28, "Kofi Osei", "PERSON"),))
    at = text.index("Kessel posted")
    she = text.index("she")
    speaker = Speaker(SpeakerText("she", she, she + 3, "she", 1), SpeakerText("Kessel", at, at + 5, "kessel", 1))
    assert resolve_speaker("s", speaker, MentionIndex([kessel, osei])).entity == "E1"


@pytest.mark.parametrize(
    ("force", "speaker"),
    [("Harlow Police Department", "police"), ("HCPD", "Police"), ("HCPD", "cops")],
)
def test_quotes_police_as_a_speaker_is_the_force_the_article_names(force, speaker):
    from ncr.article_record import Speaker, SpeakerText
    from ncr.records import Entity, Mention
    from ncr.speaker_entities import MentionIndex, resolve_speaker

    text = f"Kofi Osei of the {force} arrived. Two men fled, {speaker} said."
    at = text.index(force)
    entities = [
        Entity("E1", "Kofi Osei", "PERSON", ("Kofi Osei",), (), (Mention("s", 0, 9, "Kofi Osei", "PERSON"),)),
        Entity("E2", force, "ORG", (force,), (), (Mention("s", at, at + len(force), force, "ORG"),)),
    ]
    said = text.index(speaker + " said")
    written = SpeakerText(speaker, said, said + len(speaker), speaker.lower(), 1)
    assert resolve_speaker("s", Speaker(written), MentionIndex(entities)).entity == "E2"


def test_quotes_the_company_is_the_one_the_article_is_about():
    from ncr.article_record import Speaker, SpeakerText
    from ncr.records import Entity, Mention
    from ncr.speaker_entities import MentionIndex, resolve_speaker

    # Brightmill is named three times, another company once just before "the company said".
    text = "Brightmill cut prices. Brightmill hired staff. Brightmill grew. Rivals praised Fernlight. The company said so."
    starts = [i for i in range(len(text)) if text.startswith("Brightmill", i)]
    mill = Entity("E1", "Brightmill", "ORG", ("Brightmill",), (), tuple(Mention("s", i, i + 10, "Brightmill", "ORG") for i in starts))
    at = text.index("Fernlight")
    fern = Entity("E2", "Fernlight", "ORG", ("Fernlight",), (), (Mention("s", at, at + 9, "Fernlight", "ORG"),))
    said = text.index("The company")
    written = SpeakerText("The company", said + 4, said + 11, "company", 2)
    assert resolve_speaker("s", Speaker(written), MentionIndex([mill, fern])).entity == "E1"
