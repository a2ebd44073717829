"""Quantitative claims found in parsed text: hedges, ranges, counted things, exclusions."""

import pytest

from ncr.extract.attribution import find_speech
from ncr.extract.quantities import find_claims
from ncr.nlp import load_model
from ncr.records import Qualifier

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def claims_in(nlp, text):
    return find_claims(nlp(text))


def only_claim(nlp, text):
    found = claims_in(nlp, text)
    assert len(found) == 1, [c.span.text for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high", "estimate"),
    [
        ("Rescuers pulled 312 miners from the shaft.", Qualifier.EXACT, 312, 312, 312),
        ("Around 1,200 nurses joined the strike.", Qualifier.APPROXIMATE, 1080, 1320, 1200),
        ("An estimated 40,000 fans filled the stadium.", Qualifier.APPROXIMATE, 36000, 44000, 40000),
        ("As many as 900 workers lost their jobs.", Qualifier.AT_MOST, None, 900, 900),
        ("Up to 70 trucks crossed the border.", Qualifier.AT_MOST, None, 70, 70),
        ("More than 6,000 farmers protested in the capital.", Qualifier.AT_LEAST, 6000, None, 6000),
        ("At least 45 lorries were stranded.", Qualifier.AT_LEAST, 45, None, 45),
        ("No fewer than 18 ministers resigned.", Qualifier.AT_LEAST, 18, None, 18),
        ("Between 300 and 400 sheep drowned.", Qualifier.RANGE, 300, 400, 350),
        ("Organisers counted 11,000 to 12,000 marchers.", Qualifier.RANGE, 11000, 12000, 11500),
        ("Thousands of cyclists rode through the city.", Qualifier.VAGUE, 2000, 19999, None),
        ("Tens of thousands of voters queued for hours.", Qualifier.VAGUE, 20000, 99999, None),
        ("A couple thousand volunteers signed up.", Qualifier.VAGUE, 2000, 3000, None),
        ("Five thousand teachers walked out.", Qualifier.EXACT, 5000, 5000, 5000),
        ("Nearly 500 flights were cancelled.", Qualifier.APPROXIMATE, 450, 500, 500),
    ],
)
def test_quantities_hedges_give_interval_and_qualifier(nlp, text, qualifier, low, high, estimate):
    claim = only_claim(nlp, text)
    assert claim.qualifier is qualifier
    assert (claim.value.low, claim.value.high, claim.value.estimate) == (low, high, estimate)


def test_quantities_hedge_is_part_of_the_claim_text(nlp):
    claim = only_claim(nlp, "The ministry said an estimated 7,500 doctors had left the country.")
    assert claim.span.text == "an estimated 7,500"


@pytest.mark.parametrize(
    ("text", "unit", "subject"),
    [
        ("Officials said 2,400 Chilean miners had been rescued.", "miner", "Chilean miners"),
        ("The navy has fired thousands of artillery shells.", "artillery shell", "artillery shells"),
        ("Police detained 35 protesters outside parliament.", "protester", "protesters"),
        # A participle between "of" and a noun: the count is of the first noun, not the one held.
        ("Hundreds of students holding torches gathered in the square.", "student", "students"),
    ],
)
def test_quantities_find_the_counted_thing(nlp, text, unit, subject):
    claim = only_claim(nlp, text)
    assert claim.unit == unit
    assert claim.subject.startswith(subject)


def test_quantities_measure_nouns_point_to_what_is_counted(nlp):
    claim = only_claim(nlp, "Aid agencies put the number of volunteers at 3,000.")
    assert claim.unit == "volunteer"
    toll = only_claim(nlp, "The death toll has risen to 22, the mayor said.")
    assert toll.state == "killed"


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held on Monday, October 28, in Geneva.",  # a date
        "It was her second visit in the last six weeks.",  # an ordinal and a duration
        "The war is spreading beyond these two countries.",  # an incidental count
        "Both sides rejected the plan.",
        "One of the reasons is the cost.",
        "The 45-year-old driver was arrested in 2019.",  # an age and a year
        "Prices rose 12 percent last year.",  # a percentage
        "The fund is worth $5 billion.",  # money
        "The jets flew 300 kilometres north.",  # a measure
        "Pilots trained on the F-16 for years.",  # a code
        "Polls close at 6 p.m. local time (1700 GMT) on Sunday.",  # a clock time, labelled DATE
    ],
)
def test_quantities_skip_numbers_that_are_not_counts(nlp, text):
    assert claims_in(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Forty cottages were swept away by the river.", "Forty"),  # the model says DATE
        ("Relatives of the three victims gathered outside the court.", "three"),  # "the" still counts
        ("When the march turned violent, 52 were detained overnight.", "52"),
        ("Nearly half of the 316 applicants were turned away.", "316"),
    ],
)
def test_quantities_a_label_on_the_number_alone_does_not_veto_a_count(nlp, text, number):
    found = find_claims(nlp(text))
    assert [c.span.text for c in found if number in c.span.text]


@pytest.mark.parametrize(
    "text",
    ["Ten pumps were damping down the barn, which caught fire before 9.",
     "Forty volunteers searched the woods until 11."],
)
def test_quantities_an_hour_beside_a_count_is_not_another_count(nlp, text):
    assert len(claims_in(nlp, text)) == 1


def test_quantities_casualty_verbs_set_the_state(nlp):
    claim = only_claim(nlp, "More than 600 Ruritanian sailors have been killed or wounded since May.")
    assert claim.state == "casualties"
    assert claim.kind == "military personnel"  # not the civilians' toll
    assert "killed or wounded" in claim.subject
    assert only_claim(nlp, "More than 600 civilians have been killed or wounded since May.").kind == "people"


def test_quantities_separate_subjects_keep_separate_states(nlp):
    found = claims_in(nlp, "At least 14 people died and 37 were injured in the storm.")
    assert [(c.span.text, c.state) for c in found] == [("At least 14", "killed"), ("37", "injured")]


def test_quantities_group_comes_from_nationality_or_sender(nlp):
    first = only_claim(nlp, "Around 800 Ruritanian engineers arrived in the port.")
    assert first.group is not None and first.group.text == "Ruritanian"
    sent = only_claim(nlp, "France has sent 2,000 troops to the region.")
    assert sent.group is not None and sent.group.text == "France"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("The health ministry said that about 300 patients were evacuated.", "The health ministry", "said"),
        ("About 300 patients were evacuated, the health ministry said on Friday.", "the health ministry", "said"),
        ("Local broadcasters have suggested that as many as 5,000 fans were inside.", "Local broadcasters", "suggested"),
        ("According to the coast guard, 42 fishermen are missing.", "the coast guard", "according to"),
        ("Union leader Mara Quell pointed out that 9,000 drivers had joined the strike.", "Union leader Mara Quell", "pointed out"),
        ("The guild maintains that 64 weavers were on strike.", "The guild", "maintains"),
        ("Stewards, who first counted 900, now put the crowd at 1,100.", "Stewards", "counted"),
        ("Wardens counted 700 geese on the marsh.", "Wardens", "counted"),
        ("The board puts the number of pupils who missed classes last week at 4,300.", "The board", "puts"),
        ("The warden reckons that 300 deer crossed the ridge.", "The warden", "reckons"),
    ],
)
def test_attribution_finds_the_speaker_in_both_orders(nlp, text, speaker, cue):
    doc = nlp(text)
    claim = find_claims(doc)[0]
    speech = find_speech(claim.span.root)
    assert speech is not None and speech.speaker is not None
    assert speech.speaker.text == speaker
    assert speech.cue_text == cue


def test_attribution_does_not_cross_into_the_writers_framing(nlp):
    doc = nlp("The minister announced a new budget, highlighting worries over thousands of unpaid nurses.")
    claim = find_claims(doc)[0]
    assert find_speech(claim.span.root) is None


def test_quantities_never_raise_on_odd_text(nlp):
    for text in ["", "1,2,3,4", "thousands of", "between and", "- - 5 -", "“” 10,000 \u2028 x", "a a a dozen of"]:
        claims_in(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three killed as storm hits coast.", [("Three", "killed")]),
        ("Police said 46 were arrested after the march.", [("46", "captured")]),
        ("Dozens were injured in the clashes.", [("Dozens", "injured")]),
        ("Two were gunned down outside the depot.", [("Two", "killed")]),
        ("He scored 30 in the final.", []),
    ],
)
def test_quantities_a_bare_number_counts_the_people_a_state_happened_to(nlp, text, expected):
    found = claims_in(nlp, text)
    assert [(c.span.text, c.state) for c in found] == expected
    assert all(c.kind == "people" for c in found)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The man was shot seven times, the coroner said.", "hits"),
        ("Seven bullets struck the car.", "hits"),
        ("He had been arrested five times before.", "arrest times"),
    ],
)
def test_quantities_n_times_counts_what_the_verb_did(nlp, text, kind):
    found = claims_in(nlp, text)
    assert [c.kind for c in found] == [kind]


def test_quantities_once_is_not_a_count(nlp):
    assert claims_in(nlp, "She was warned one time.") == []


@pytest.mark.parametrize(
    ("text", "number", "kind"),
    [
        ("Voters chose a 150-seat assembly on Sunday.", "150-seat", "seat"),
        ("The 3,120-member synod met in the capital.", "3,120-member", "member"),
        ("The mill ran on a six-cylinder diesel.", "six-cylinder", "cylinder"),
    ],
)
def test_quantities_a_hyphenated_compound_counts_its_own_noun(nlp, text, number, kind):
    found = {c.span.text: c.kind for c in find_claims(nlp(text))}
    assert found.get(number) == kind


@pytest.mark.parametrize(
    "text",
    [
        "A 5.8-magnitude tremor shook the valley.",
        "The three-storey warehouse burned down.",
        "He fired a .22-caliber rifle.",
        "The 15-year-old was questioned.",
        "Staff work a 35-hour week.",
    ],
)
def test_quantities_a_hyphenated_measure_is_not_a_count(nlp, text):
    assert claims_in(nlp, text) == []


def test_quantities_a_partitive_of_a_pronoun_is_a_part_of_the_count_before_it(nlp):
    found = find_claims(nlp("Guards fired 14 rounds at the van, and six of them struck the engine."))
    whole, part = found
    assert part.span.text == "six of them" and part.kind == f"{whole.kind} (part of)"
    assert (part.value.low, part.value.high) == (6, 6)


def test_quantities_one_of_them_is_not_a_part_count(nlp):
    found = find_claims(nlp("Police questioned 12 students; one of them was released."))
    assert [c.span.text for c in found] == ["12"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Half a million commuters were stranded.", 500_000, 500_000),
        ("A quarter of a million visitors came to the fair.", 250_000, 250_000),
        ("Three-quarters of a million voters stayed home.", 750_000, 750_000),
        ("Half a dozen guards stood at the gate.", 6, 6),
        ("The rally drew 45 000 supporters.", 45_000, 45_000),
        ("The service now has 6.2M subscribers.", 6_200_000, 6_200_000),
        ("The firm shipped 12m handsets last year.", 12_000_000, 12_000_000),
        ("Some 3bn viewers watched the final.", 2_700_000_000, 3_300_000_000),
        ("Maybe 30 or 40 fishermen were at sea.", 30, 40),
        ("The network now has 2 B members.", 2_000_000_000, 2_000_000_000),
    ],
)
def test_quantities_number_forms_are_read(nlp, text, low, high):
    found = find_claims(nlp(text))
    assert [(c.value.low, c.value.high) for c in found] == [(low, high)]


def test_quantities_only_groups_of_three_digits_join_a_number(nlp):
    found = find_claims(nlp("Rescuers reached 1 250 000 households, and 12 3456 codes failed."))
    assert [c.value.low for c in found][:1] == [1_250_000]
    assert all(c.value.low not in (123_456, 123_456.0) for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "The new motor delivers 540 horsepower.",
        "Each tablet holds 5 milligrams of the drug.",
        "The laptop ships with 512GB of storage.",
        "A coffee there costs four or five euros.",
        "The shares fell to 72p.",
        "The wind farm adds several hundred megawatts.",
        "Snow of 15 to 30 centimetres is expected.",
        "The fan turns at 1,200 rpm.",
        "A 640-horsepower truck led the convoy.",
        "The fine was USD 300.",
    ],
)
def test_quantities_measures_and_money_are_not_counts(nlp, text):
    assert claims_in(nlp, text) == []


def test_quantities_a_money_label_without_money_is_a_count(nlp):
    found = find_claims(nlp("The network now has more than 1.8 billion members."))
    assert [(c.unit, c.value.low) for c in found] == [("member", 1_800_000_000)]


def test_measures_registries_tell_units_and_currencies_from_counted_nouns():
    from ncr.extract.measures import is_currency, is_unit

    assert all(is_unit(w) for w in ("kilometres", "hp", "TB", "hectares", "knots"))
    assert not any(is_unit(w) for w in ("shots", "units", "stones", "candles", "counts", "people", "bullets"))
    assert all(is_currency(w) for w in ("rupees", "yen", "GBP", "pence", "€"))
    assert not any(is_currency(w) for w in ("units", "votes", "seats"))


@pytest.mark.parametrize(
    "text",
    [
        "Reviewers praised the Pixel 8 camera.",  # a model name
        "Stocks in the DAX 40 index slipped.",  # an index name
        "The office is at 48 Harbour Road.",  # an address
        "One demonstrator waved a flag.",  # a determiner, not a count
    ],
)
def test_quantities_names_addresses_and_determiners_are_not_counts(nlp, text):
    assert claims_in(nlp, text) == []


def test_quantities_a_count_of_rallies_counts_rallies_not_marchers(nlp):
    found = find_claims(nlp("Three separate marches crossed the city."))
    assert [(c.kind, c.state) for c in found] == [("march", None)]


def test_quantities_one_is_a_count_when_hedged_or_when_something_happened(nlp):
    assert [c.span.text for c in find_claims(nlp("At least one guard was injured."))] == ["At least one"]
    assert [c.span.text for c in find_claims(nlp("Only one marcher was hurt."))] == ["one"]


@pytest.mark.parametrize(
    ("text", "kind", "state"),
    [
        ("A crowd of 350 gathered outside the court.", "people", "gathered"),
        ("The final death toll of 27 was confirmed on Friday.", "people", "killed"),
        ("Dunmore has a population of about 60,000.", "population", None),
    ],
)
def test_quantities_a_bare_number_after_of_counts_the_noun_before_it(nlp, text, kind, state):
    assert [(c.kind, c.state) for c in find_claims(nlp(text))] == [(kind, state)]


def test_quantities_an_elided_noun_is_the_noun_of_the_parallel_count(nlp):
    found = find_claims(nlp("Dealers sold 4,100 tractors in May, up from 3,200 a year earlier."))
    assert [(c.value.low, c.unit) for c in found] == [(4100, "tractor"), (3200, "tractor")]
    found = find_claims(nlp("The estimate of 70 boats was revised to 95 boats."))
    assert [c.unit for c in found] == ["boat", "boat"]


@pytest.mark.parametrize(
    "text",
    [
        "The bid values the brewer at about 9.5 times profits.",
        "The airport handled 3.1 times as many flights as before.",
        "The pumps move 2,400 barrels a day.",
        "The clinic sees 4.2 visits per patient.",
        "A magnitude 5.4 tremor shook the coast.",
    ],
)
def test_quantities_multipliers_rates_and_magnitudes_are_not_counts(nlp, text):
    assert claims_in(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Fifty or so villagers were evacuated.", "Fifty or so"),
        ("The blast killed 7 people and injuring 55, officials said.", "55"),
        ("Police made 40 arrests a week ago.", "40"),
    ],
)
def test_quantities_counts_near_those_forms_are_kept(nlp, text, number):
    assert number in [c.span.text for c in find_claims(nlp(text))]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Some 2.400 workers joined the strike.", 2160, 2640),  # dots grouping a whole count
        ("Nearly 3,5 million tourists came.", 3_150_000, 3_500_000),  # a decimal comma before a scale
    ],
)
def test_quantities_continental_separators_are_read(nlp, text, low, high):
    assert [(c.value.low, c.value.high) for c in find_claims(nlp(text))] == [(low, high)]


def test_quantities_a_part_of_a_following_count_is_a_claim_of_its_own(nlp):
    found = find_claims(nlp("Doctors said 14 of the 60 injured were children."))
    assert [(c.span.text, c.kind) for c in found] == [("14", "people (part of)"), ("60", "people")]
    assert "One" not in [c.span.text for c in find_claims(nlp("One of the 60 miners spoke to reporters."))]


def test_quantities_one_beside_a_count_of_the_same_noun_is_a_count(nlp):
    found = find_claims(nlp("The jury convicted him on three counts of fraud and one count of forgery."))
    assert [(c.span.text, c.value.low) for c in found] == [("three", 3), ("one", 1)]
    assert claims_in(nlp, "One steward waved a flag at the crowd.") == []
    assert "One" not in [c.span.text for c in find_claims(nlp("One of the 12 miners spoke to reporters."))]


def test_quantities_a_bare_subject_after_an_of_frame_is_a_part(nlp):
    found = find_claims(nlp("Of the 300 applicants, 120 were women."))
    assert [(c.span.text, c.kind) for c in found] == [("300", "applicant"), ("120", "applicant (part of)")]


def test_quantities_a_duration_after_a_count_is_not_an_elided_count(nlp):
    found = claims_in(nlp, "A court sentenced the woman who robbed four banks to life in prison, "
                           "and to hundreds more years on 30 counts.")
    assert [c.span.text for c in found] == ["four", "30"]


@pytest.mark.parametrize(
    ("text", "number", "kind", "state"),
    [
        ("Police gave the toll as nine.", "nine", "people", "killed"),
        ("Police said the death toll remained at three.", "three", "people", "killed"),
        ("A patient died, bringing the death toll to nine, police said.", "nine", "people", "killed"),
        ("Police on Tuesday revised the death toll from the crash down to eight.", "eight", "people", "killed"),
        ("The death toll rose to 44 overnight.", "44", "people", "killed"),  # "31 overnight" is tagged TIME
        ("Death toll climbs to 19 in hill town landslide", "19", "people", "killed"),  # "in" is no inch
        ("She put the number of barns destroyed across the county at 220.", "220", "barn", "destroyed"),
        ("The health office put the number of cases at 61.", "61", "case", None),  # "61" is tagged DATE
        ("Landslide: death toll reaches nine as last missing hikers found", "nine", "people", "killed"),
        ("The number of cases has topped 100.", "100", "case", None),
        ("Divers found the bodies, bringing the death toll from Friday's bridge collapse to eleven.", "eleven",
         "people", "killed"),  # "collapse" tagged as a verb
    ],
)
def test_quantities_a_figure_given_to_a_measure_noun_counts_what_it_measures(nlp, text, number, kind, state):
    claim = only_claim(nlp, text)
    assert (claim.span.text, claim.kind, claim.state) == (number, kind, state)


def test_quantities_lowered_from_one_figure_to_another_gives_both(nlp):
    found = claims_in(nlp, "A day earlier police lowered the toll from nine to eight.")
    assert [(c.span.text, c.kind, c.state) for c in found] == [("nine", "people", "killed"), ("eight", "people", "killed")]


def test_quantities_revised_up_to_is_a_direction_not_a_ceiling(nlp):
    found = claims_in(nlp, "The council revised its count of damaged homes up to 640 from 410.")
    assert [(c.span.text, c.qualifier) for c in found] == [("640", Qualifier.EXACT), ("410", Qualifier.EXACT)]
    ceiling = only_claim(nlp, "The stadium holds up to 40,000 fans.")
    assert ceiling.qualifier is Qualifier.AT_MOST


def test_quantities_a_time_put_back_is_not_an_amount(nlp):
    assert claims_in(nlp, "The flight was put back to 11 on Monday.") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [("Four people were still missing after the flood.", "Four"), ("Three killed, four missing in blast at depot", "four")],
)
def test_quantities_missing_is_a_state_though_its_lemma_is_miss(nlp, text, number):
    claim = next(c for c in claims_in(nlp, text) if c.span.text == number)
    assert (claim.kind, claim.state) == ("people", "missing")


def test_quantities_a_toll_then_another_clause_keeps_its_own_figure(nlp):
    found = claims_in(nlp, "Flood death toll rises to six as 40,000 remain without water")
    assert [(c.span.text, c.kind, c.state) for c in found if c.state == "killed"] == [("six", "people", "killed")]


@pytest.mark.parametrize(("text", "state"), [("Nine of the injured were in a critical condition.", "injured"),
                                             ("Clinics had taken in 17 of the wounded by evening.", "injured")])
def test_quantities_a_part_of_the_people_a_state_names(nlp, text, state):
    claim = only_claim(nlp, text)
    assert (claim.kind, claim.state) == ("people (part of)", state)


def test_quantities_one_of_the_dead_is_a_determiner(nlp):
    assert claims_in(nlp, "One of the dead was a child.") == []


@pytest.mark.parametrize(
    ("text", "number", "state"),
    [
        ("The operator said four residents were still missing, while the union put the number at seven.", "seven", "missing"),
        ("A rally last spring drew 15,000 people according to police, and 70,000 according to the organisers.", "70,000",
         "draw"),
        ("Only one patient died in the study, compared with six in the control group.", "six", "killed"),
        ("Four passengers pulled alive from the ravine; two found dead", "two", "killed"),  # its own state
    ],
)
def test_quantities_a_bare_number_beside_a_count_counts_the_same_thing(nlp, text, number, state):
    claim = next(c for c in claims_in(nlp, text) if c.span.text == number)
    assert (claim.kind, claim.state) == ("people", state)


@pytest.mark.parametrize("text", ["Twelve people died, including three children under the age of five.",
                                  "Twelve people died and the road was closed for 3 hours."])
def test_quantities_a_bare_number_beside_a_count_that_is_an_age_or_time_is_not_one(nlp, text):
    assert [c.span.text for c in claims_in(nlp, text)] in (["Twelve"], ["Twelve", "three"])


@pytest.mark.parametrize(("text", "number"), [("A 41-year-old mother of three died in the fire.", "three"),
                                              ("Crash leaves Tarn father of 3 dead", "3")])
def test_quantities_a_parent_of_n_counts_children(nlp, text, number):
    claim = only_claim(nlp, text)
    assert (claim.span.text, claim.kind) == (number, "child")


def test_quantities_a_vague_amount_as_a_subject_counts_people(nlp):
    claim = only_claim(nlp, 'Dozens chanted "stop the cuts" outside the clinic.')
    assert (claim.span.text, claim.kind, claim.state) == ("Dozens", "people", "chant")
    assert claims_in(nlp, "Hundreds said they would return.") == []


def test_quantities_a_hyphenated_number_word_split_by_the_tokenizer_is_one_number(nlp):
    claims = claims_in(nlp, "Thirty-four people die in bus crash")
    assert [(c.span.text, c.value.low) for c in claims] == [("Thirty-four", 34)]


@pytest.mark.parametrize(
    "text",
    ["About 40 marchers gathered on Marl Ave. in the old town, witnesses said.",
     "Police said about 40 marchers were held at the Elm St. station overnight."],
)
def test_quantities_a_sentence_goes_on_after_an_abbreviation(nlp, text):
    doc = nlp(text)
    assert len(list(doc.sents)) == 1


def test_quantities_a_full_stop_before_a_capital_still_ends_the_sentence(nlp):
    assert len(list(nlp("About 40 marchers gathered on Marl Ave. Police said they left.").sents)) == 2


@pytest.mark.parametrize(
    ("text", "state"),
    [("Forty-one pupils fell ill after lunch on Tuesday.", "ill"), ("Almost 70 pupils had been sick.", "ill"),
     ("The outbreak has sickened 48 tourists.", "ill"), ("Seventeen patients were hospitalised.", "hospitalised"),
     ("Medics said 80 people were being treated for injuries.", "injured")],
)
def test_quantities_illness_is_a_state(nlp, text, state):
    claim = only_claim(nlp, text)
    assert (claim.kind, claim.state) == ("people", state)


@pytest.mark.parametrize(("text", "number"), [("Rescuers said 12 people were reported missing after the storm.", "12"),
                                              ("Rescuers found two climbers alive, leaving four unaccounted for.", "four")])
def test_quantities_reported_missing_and_unaccounted_for_are_missing(nlp, text, number):
    claim = next(c for c in claims_in(nlp, text) if c.span.text == number)
    assert claim.state == "missing"


def test_quantities_bullets_held_are_not_bullets_that_hit(nlp):
    assert only_claim(nlp, "The magazine held six bullets when it was found.").kind == "bullet"
    assert only_claim(nlp, "Six bullets struck the car.").kind == "hits"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # the count it sits beside comes after it in the sentence
        ("Stewards, who first counted 900, now put the crowd at 1,100.", [900, 1100]),
    ],
)
def test_quantities_a_bare_number_counts_the_count_beside_it(nlp, text, values):
    found = find_claims(nlp(text))
    assert [c.value.low for c in found] == values
    assert len({c.unit for c in found}) == 1


def test_quantities_a_relative_clause_on_the_measured_noun_does_not_hide_the_amount_verb(nlp):
    found = find_claims(nlp("The board puts the number of pupils who missed classes last week at 4,300."))
    assert [(c.value.low, c.unit) for c in found] == [(4300, "pupil")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Divers said all four of the pipelines were damaged.", "pipeline"),
        ("Rescuers reached all 12 of the trapped climbers.", "climber"),
        ("Four of the pipelines were damaged.", "pipeline (part of)"),
    ],
)
def test_quantities_all_of_the_things_is_the_whole_not_a_part(nlp, text, kind):
    assert [c.kind for c in claims_in(nlp, text)] == [kind]


@pytest.mark.parametrize(("text", "number"), [
    ("The guards opened fire, hitting Lutz four times in the legs.", "four"),
    ("The panel gave Ames 20 votes in the first round.", "20"),
])
def test_a_name_that_is_a_verb_s_object_does_not_take_the_number_after_it(nlp, text, number):
    assert [c.span.text for c in claims_in(nlp, text)] == [number]


@pytest.mark.parametrize("text", ["Investigators searched for Flight 370 for years.", "She bought an iPhone 15 on launch day."])
def test_a_name_with_a_number_in_it_is_no_count(nlp, text):
    assert claims_in(nlp, text) == []


def test_attribution_an_as_clause_right_after_a_figure_is_that_figure_s(nlp):
    doc = nlp("Harbour police confirmed that the ferry had been carrying 61 passengers, not 68 as the company first said.")
    speakers = {c.span.text: find_speech(c.span.root).speaker.text for c in find_claims(doc)}
    assert speakers == {"61": "Harbour police", "68": "the company"}
    doc = nlp("The storm destroyed 300 homes, as the mayor said on Monday.")
    assert find_speech(find_claims(doc)[0].span.root).speaker.text == "the mayor"


@pytest.mark.parametrize(("text", "kind", "state"), [
    ("The brigade sent 17 pieces of apparatus to the mill fire.", "fire engines", None),
    ("Farmers lost 500 head of cattle in the flood.", "cattle", None),
    ("Four pipeline systems were cut near the port.", "pipeline", "destroyed"),
    ("The army deployed two radar systems.", "radar", None),
])
def test_quantities_a_unit_or_a_system_counts_what_it_names(nlp, text, kind, state):
    claim = only_claim(nlp, text)
    assert (claim.kind, claim.state) == (kind, state)


@pytest.mark.parametrize("text", ["The ruling party kept a two-seat majority in the assembly.",
                                  "The reform would let a nine-member majority decide the verdict."])
def test_quantities_a_compound_count_of_a_majority_is_the_majority_s_size(nlp, text):
    assert only_claim(nlp, text).kind == "majority"


@pytest.mark.parametrize(("text", "number", "kind"), [
    ("The court handed him four 12-year sentences.", "four", "sentence"),
    ("Auditors filed two 500-page reports.", "two", "report"),
])
def test_quantities_digits_after_a_number_word_begin_another_number(nlp, text, number, kind):
    assert any(c.span.text == number and c.kind == kind for c in claims_in(nlp, text))


@pytest.mark.parametrize(("text", "low", "high"), [
    ("The elder leads a breakaway sect of about 250 in the valley.", 225, 275),
    ("The rebels fielded a force of 5,000 near the pass.", 5000, 5000),
])
def test_quantities_a_body_of_n_counts_its_members(nlp, text, low, high):
    claim = only_claim(nlp, text)
    assert (claim.value.low, claim.value.high) == (low, high)


def test_quantities_a_part_of_people_a_casualty_befell_counts_them_with_no_count_before(nlp):
    claim = only_claim(nlp, "The gunman found his rivals in the yard and shot two of them before fleeing.")
    assert (claim.kind, claim.state, claim.value.low) == ("people", "shot", 2)
    claim = only_claim(nlp, "Rebels seized the guards and executed three of them at dawn.")
    assert (claim.kind, claim.state, claim.value.low) == ("people", "killed", 3)


@pytest.mark.parametrize(("text", "state"), [
    ("In Lindport, 212 kiosks suffered serious damage in the riots.", "destroyed"),
    ("Twelve passengers sustained injuries in the crash.", "injured"),
    ("The guild counted 80 stalls suffering heavy damage or being destroyed.", "destroyed"),
])
def test_quantities_what_the_counted_things_underwent_is_their_state(nlp, text, state):
    assert only_claim(nlp, text).state == state
