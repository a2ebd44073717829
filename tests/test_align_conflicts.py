"""Alignment into topics and conflict detection, on hand-built claims (no model)."""

from dataclasses import replace

import pytest

from ncr.align import assign_topics
from ncr.names import place_key, same_place
from ncr.conflicts import build_topic, compatible
from ncr.records import Claim, Interval, Qualifier, Status


def claim(cid, source, low, high, *, kind="military personnel", state=None, group=None, subject="troops"):
    estimate = None if low is None or high is None else (low + high) / 2
    return Claim(
        id=cid, source=source, text=str(low), start=0, end=1, sentence="", value=Interval(low, high, estimate),
        qualifier=Qualifier.EXACT, unit="troop", subject=subject, attributed_to=None, as_of=None,
        kind=kind, state=state, group=group,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [("North Korean", "North Korea’s"), ("Chinese", "China"), ("Ukrainian", "Ukraine"), ("Japanese", "Japan"),
     ("Israeli", "Israel"), ("German", "Germany"), ("U.S.", "American"), ("the United States", "US")],
)
def test_align_same_place_matches_countries_and_demonyms(a, b):
    assert same_place(place_key(a), place_key(b))


@pytest.mark.parametrize(("a", "b"), [("Austria", "Australia"), ("Iran", "Iraq"), ("North Korean", "South Korea"), ("Russian", "Belarus")])
def test_align_same_place_keeps_different_places_apart(a, b):
    assert not same_place(place_key(a), place_key(b))


def test_align_groups_claims_by_class_state_and_group():
    claims = [
        claim("C1", "a", 100, 100, group="Ruritanian", subject="Ruritanian soldiers"),
        claim("C2", "b", 120, 120, group="Ruritania's", subject="troops"),
        claim("C3", "b", 50, 50, group="Ruritanian", state="killed", kind="people"),
        claim("C4", "c", 7, 7, kind="artillery ammunition"),
        claim("C5", "c", 90, 90, group="Freedonian"),
    ]
    aligned, members, labels, _ = assign_topics(claims)
    topic = {c.id: c.topic for c in aligned}
    assert topic["C1"] == topic["C2"]
    assert len({topic["C1"], topic["C3"], topic["C4"], topic["C5"]}) == 4
    assert labels[topic["C1"]] == "Ruritanian soldiers"
    assert members[topic["C1"]] == ("C1", "C2")


def test_align_ungrouped_claim_joins_the_only_group_of_its_class():
    aligned, _, _, _ = assign_topics([claim("C1", "a", 1, 1, group="Ruritanian"), claim("C2", "b", 2, 2)])
    assert aligned[0].topic == aligned[1].topic


def test_align_ungrouped_claim_stays_apart_when_groups_compete():
    aligned, _, _, _ = assign_topics(
        [claim("C1", "a", 1, 1, group="Ruritanian"), claim("C2", "a", 1, 1, group="Freedonian"), claim("C3", "b", 2, 2)]
    )
    assert len({c.topic for c in aligned}) == 3


def test_align_is_independent_of_source_order():
    claims = [claim("C1", "a", 100, 100, group="Ruritanian"), claim("C2", "b", 200, 200), claim("C3", "c", 9, 9, kind="drones")]
    forward, _, _, _ = assign_topics(claims)
    backward, _, _, _ = assign_topics(list(reversed(claims)))
    same = lambda aligned: {frozenset(c.id for c in aligned if c.topic == t) for t in {c.topic for c in aligned}}  # noqa: E731
    assert same(forward) == same(backward)


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (Interval(9000, 11000, 10000), Interval(10000, 10000, 10000), True),
        (Interval(1350, 1650, 1500), Interval(10000, 10000, 10000), False),
        (Interval(None, 12000, 12000), Interval(1350, 1650, 1500), True),
        (Interval(600000, None, 600000), Interval(500000, 500000, 500000), False),
        (Interval(2000, 19999, None), Interval(1350, 1650, 1500), False),
    ],
)
def test_conflicts_compatible_compares_intervals(a, b, ok):
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


def test_conflicts_tolerance_widens_both_sides():
    assert not compatible(Interval(100, 100, 100), Interval(108, 108, 108))
    assert compatible(Interval(100, 100, 100), Interval(108, 108, 108), tolerance=0.05)


def test_conflicts_status_conflict_agree_single():
    a, b, c = claim("C1", "a", 100, 100), claim("C2", "b", 100, 100), claim("C3", "c", 500, 500)
    conflict = build_topic("T1", "x", [a, b, c])
    assert conflict.status is Status.CONFLICT
    assert set(conflict.conflicts) == {("C1", "C3"), ("C2", "C3")}
    sources = {"C1": "a", "C2": "b", "C3": "c"}
    assert all(sources[x] != sources[y] for x, y in conflict.conflicts)
    assert build_topic("T1", "x", [a, b]).status is Status.AGREE
    assert build_topic("T1", "x", [a]).status is Status.SINGLE


def test_conflicts_one_source_never_contradicts_itself():
    old, new = claim("C1", "a", 3000, 3000), claim("C2", "a", 10000, 10000)
    topic = build_topic("T1", "x", [old, new])
    assert topic.status is Status.SINGLE and topic.conflicts == ()


def test_conflicts_envelope_is_open_when_a_claim_is():
    topic = build_topic("T1", "x", [claim("C1", "a", 100, 100), replace(claim("C2", "b", 5, None), value=Interval(5, None, 5))])
    assert (topic.low, topic.high) == (5, None)


def test_align_stated_claims_with_nothing_in_common_stay_apart_unless_they_agree():
    marched = dict(kind="people", state="gathered", subject="people")
    claims = [
        replace(claim("C1", "a", 300, 300, **marched), context=("hospital", "closure")),
        replace(claim("C2", "b", 5000, 5000, **marched), context=("stadium", "concert")),
        replace(claim("C3", "c", 280, 320, **marched), context=("hospital", "march")),
        replace(claim("C4", "d", 4500, 5500, **marched), context=("harbour",)),
    ]
    topic = {c.id: c.topic for c in assign_topics(claims)[0]}
    assert topic["C1"] == topic["C3"]  # a shared word
    assert topic["C2"] == topic["C4"]  # nothing shared, but the figures agree
    assert topic["C1"] != topic["C2"]  # nothing shared and figures that cannot both be true


def test_align_stated_claims_of_one_sentence_share_a_topic():
    marched = dict(kind="people", state="gathered", subject="people")
    claims = [
        replace(claim("C1", "a", 18000, 18000, **marched), sentence="s1", context=("police",)),
        replace(claim("C2", "a", 85000, 85000, **marched), sentence="s1", context=("organisers",)),
    ]
    aligned = assign_topics(claims)[0]
    assert aligned[0].topic == aligned[1].topic


def test_align_a_word_shared_by_many_stated_claims_still_joins_them():
    killed = dict(kind="people", state="killed", subject="people")
    claims = [replace(claim(f"C{n}", f"s{n}", 10 * n, 10 * n, **killed), context=("kill",)) for n in range(1, 121)]
    topics = {c.topic for c in assign_topics(claims)[0]}
    assert len(topics) == 1


def test_align_one_word_spelt_two_ways_is_one_counted_thing():
    from ncr.align import spelling_variants

    variants = spelling_variants(["ambulance", "ambulance", "ambulence", "volunteers", "volunteer", "volunteer"])
    assert variants == {"ambulence": "ambulance", "volunteers": "volunteer"}


@pytest.mark.parametrize(("a", "b"), [("villager", "village"), ("patient", "patent"), ("prisoner", "printer")])
def test_align_different_words_a_letter_apart_stay_apart(a, b):
    from ncr.align import spelling_variants

    assert spelling_variants([a, a, b]) == {}


def test_conflicts_an_undated_figure_is_compared_with_the_days_it_fits():
    day1 = replace(claim("C1", "a", 10, 10, state="killed"), as_of="2031-03-10")
    day3 = replace(claim("C2", "b", 26, 26, state="killed"), as_of="2031-03-12")
    feature = claim("C3", "c", 26, 26, state="killed")  # no date: it can be day three's figure
    topic = build_topic("T1", "dead", [day1, day3, feature])
    assert topic.status is Status.UPDATE and not topic.conflicts
    # One that fits no day is read as of the latest day, and contradicts it.
    odd = claim("C4", "d", 50, 50, state="killed")
    topic = build_topic("T1", "dead", [day1, day3, odd])
    assert {frozenset(p) for p in topic.conflicts} == {frozenset({"C2", "C4"})}


def test_conflicts_every_superseded_figure_is_named_by_an_update():
    first = [replace(claim(f"C{n}", src, 6, 6, state="killed"), as_of="2031-07-07") for n, src in ((1, "a"), (2, "b"))]
    revised = replace(claim("C3", "c", 5, 5, state="killed"), as_of="2031-07-08")
    topic = build_topic("T1", "dead", [*first, revised])
    assert topic.status is Status.UPDATE
    assert {earlier for earlier, later in topic.updates if later == "C3"} == {"C1", "C2"}


def test_conflicts_at_least_a_figure_then_a_higher_one_days_later_is_a_revised_toll():
    monday = replace(claim("C1", "a", 9, None, state="killed"), as_of="2031-03-10")
    tuesday = replace(claim("C2", "b", 23, 23, state="killed"), as_of="2031-03-11")
    topic = build_topic("T1", "dead", [monday, tuesday])
    assert topic.status is Status.UPDATE and topic.updates == (("C1", "C2"),)
    # The same two figures on one day do not contradict each other: 27 is at least 12.
    same_day = replace(tuesday, as_of="2031-03-10")
    assert build_topic("T1", "dead", [monday, same_day]).status is Status.AGREE


def test_conflicts_two_rises_of_a_toll_on_one_day_are_not_a_contradiction():
    morning = replace(claim("C1", "a", 4, 4, state="killed"), as_of="2031-02-21", phase=1)  # "rose to four"
    night = replace(claim("C2", "b", 6, 6, state="killed"), as_of="2031-02-21", phase=1)  # "bringing the toll to six"
    assert not build_topic("T1", "dead", [morning, night]).conflicts
    # Two different crowds both called the latest are still a contradiction.
    crowd = [replace(c, state="gathered", kind="people") for c in (morning, night)]
    assert build_topic("T1", "marchers", crowd).conflicts


def test_conflicts_a_past_events_figures_are_not_revised_by_the_days_that_recall_it():
    first = replace(claim("C1", "a", 410, 410, state="killed"), as_of="2031-03-10", event="1979")
    later = replace(claim("C2", "b", 400, None, state="killed"), as_of="2031-03-11", event="1979")  # "more than 400"
    topic = build_topic("T1", "dead in 1979", [first, later])
    assert topic.status is Status.AGREE and not topic.updates


def test_conflicts_an_open_figure_then_a_rise_the_text_names_is_a_revision():
    tuesday = replace(claim("C1", "a", 40, None, kind="aftershock"), as_of="2031-03-11")  # "more than 40"
    wednesday = replace(claim("C2", "b", 95, 95, kind="aftershock"), as_of="2031-03-12", phase=1)  # "climbed to 95"
    assert build_topic("T1", "aftershocks", [tuesday, wednesday]).status is Status.UPDATE
    # Without a word of rising, 95 is simply more than 40: they agree.
    assert build_topic("T1", "aftershocks", [tuesday, replace(wednesday, phase=0)]).status is Status.AGREE


def test_conflicts_every_copy_of_a_superseded_figure_is_named_before_an_undated_later_one():
    day1 = [replace(claim(f"C{n}", src, 4, 4, state="killed"), as_of="2031-05-02") for n, src in ((1, "a"), (2, "b"))]
    day2 = [replace(claim(f"C{n}", src, 6, 6, state="killed"), as_of="2031-05-03") for n, src in ((3, "c"), (4, "d"))]
    undated = replace(claim("C5", "e", 9, 9, state="killed"), phase=1)  # "bringing the toll to nine", no date
    topic = build_topic("T1", "dead", [*day1, *day2, undated])
    assert {("C1", "C3"), ("C1", "C4"), ("C2", "C3"), ("C2", "C4")} <= set(topic.updates)


def test_align_a_figure_without_a_state_joins_a_stated_one_only_near_its_figure():
    ill = claim("C1", "a", 15, None, kind="people", state="ill", subject="people")  # "more than 15 fell ill"
    near = claim("C2", "b", 18, 18, kind="people", subject="people")
    far = claim("C3", "c", 400, 400, kind="people", subject="people")  # "the hotel's 400 guests"
    aligned, _, _, _ = assign_topics([ill, near, far])
    topic = {c.id: c.topic for c in aligned}
    assert topic["C2"] == topic["C1"] and topic["C3"] != topic["C1"]


def test_align_a_figure_without_a_state_does_not_join_another_days_toll_by_its_value():
    toll = replace(claim("C1", "a", 3, 3, kind="people", state="killed", subject="people"), as_of="2031-05-02")
    later = replace(claim("C2", "b", 3, 3, kind="people", subject="people"), as_of="2031-05-04")
    aligned, _, _, _ = assign_topics([toll, later])
    assert aligned[0].topic != aligned[1].topic
    # Unless the text says the figure rose or fell: then it is that count on its later day.
    aligned, _, _, _ = assign_topics([toll, replace(later, phase=1)])
    assert aligned[0].topic == aligned[1].topic


def test_align_parts_of_a_running_count_are_measures_of_their_own():
    part = dict(kind="people (part of)", state="injured", subject="people injured (part)")
    serious = replace(claim("C1", "a", 12, 12, **part), context=frozenset({"serious", "condition", "ward"}))
    intensive = replace(claim("C2", "b", 8, 8, **part), context=frozenset({"intensive", "care", "unit"}))
    aligned, _, _, _ = assign_topics([serious, intensive])
    assert aligned[0].topic != aligned[1].topic
    # The whole count stays one measure however its reports are worded.
    whole = [replace(c, kind="people", subject="people") for c in (serious, intensive)]
    aligned, _, _, _ = assign_topics(whole)
    assert aligned[0].topic == aligned[1].topic


@pytest.mark.parametrize("kind", ["casualties", "workers", "displaced people"])
def test_align_a_count_of_a_generic_class_without_a_state_joins_the_state_it_fits(kind):
    killed = claim("C1", "a", 5, 5, kind="people", state="killed", subject="people")
    victims = claim("C2", "b", 5, 5, kind=kind, subject="victims")  # "the five victims", "five workers"
    hurt = claim("C3", "c", 40, 40, kind="people", state="injured", subject="people")
    aligned, _, _, _ = assign_topics([killed, victims, hurt])
    assert aligned[0].topic == aligned[1].topic != aligned[2].topic


def test_align_a_count_of_an_unlisted_noun_joins_the_peoples_count_of_its_state_when_it_fits():
    people = claim("C1", "a", 3, 3, kind="people", state="killed", subject="people")  # "three people died"
    rangers = claim("C2", "b", 3, 3, kind="ranger", state="killed", subject="rangers")  # "three rangers were killed"
    aligned, _, _, _ = assign_topics([people, rangers])
    assert aligned[0].topic == aligned[1].topic
    # Not when its figure is another, nor for what happens to things ("three kiosks destroyed").
    aligned, _, _, _ = assign_topics([people, replace(rangers, value=Interval(30, 30, 30))])
    assert aligned[0].topic != aligned[1].topic
    kiosks = claim("C3", "b", 3, 3, kind="kiosk", state="destroyed", subject="kiosks")
    aligned, _, _, _ = assign_topics([replace(people, state="destroyed"), kiosks])
    assert aligned[0].topic != aligned[1].topic


def test_align_one_figure_restated_in_other_words_in_other_articles_is_one_measure():
    cleaners = replace(claim("C1", "a", 9, 9, kind="cleaner", subject="ward cleaners"),
                       context=frozenset({"ward", "clinic", "lay"}))
    staff = replace(claim("C2", "b", 9, 9, kind="staff", subject="dismissed ward staff"),
                    context=frozenset({"ward", "clinic", "dismiss"}))
    aligned, _, _, _ = assign_topics([cleaners, staff])
    assert aligned[0].topic == aligned[1].topic
    # Not with another figure, nor in one article, nor with fewer words in common.
    for other in (replace(staff, value=Interval(8, 8, 8)), replace(staff, source="a"),
                  replace(staff, context=frozenset({"ward", "dismiss"}))):
        aligned, _, _, _ = assign_topics([cleaners, other])
        assert aligned[0].topic != aligned[1].topic


def test_align_words_the_whole_story_uses_do_not_join_two_measures():
    def pumps(cid, source, n, words):
        return replace(claim(cid, source, n, n, kind="fire engines", subject="pumps"), context=frozenset(words))

    staying = pumps("C1", "a", 2, {"blaze", "crew", "stay", "overnight"})
    fighting = pumps("C2", "b", 12, {"blaze", "crew", "fight", "roof"})
    others = [pumps(f"C{n}", src, 12, {"blaze", "crew"}) for n, src in ((3, "c"), (4, "d"))]
    aligned, _, _, _ = assign_topics([staying, fighting, *others])
    assert aligned[0].topic != aligned[1].topic
    # In two articles alone the same words are evidence.
    aligned, _, _, _ = assign_topics([staying, fighting])
    assert aligned[0].topic == aligned[1].topic


def test_conflicts_a_figure_an_article_calls_superseded_is_older_than_the_figures_that_revised_it():
    def toll(cid, source, n, day, phase=0, stated=False):
        return replace(claim(cid, source, n, n, kind="people", state="killed"), as_of=day, phase=phase, day_stated=stated)

    first = toll("C1", "a", 12, "2031-08-04")
    said = toll("C2", "b", 27, "2031-08-05")  # "27 people were killed"
    rose = toll("C3", "c", 27, "2031-08-05", phase=1)  # "the toll rose to 27"
    recalled = toll("C4", "d", 12, "2031-08-06", phase=-1)  # "officials had first said 12"
    topic = build_topic("T1", "dead", [first, said, rose, recalled])
    assert {("C4", "C2"), ("C4", "C3"), ("C1", "C2"), ("C1", "C3")} <= set(topic.updates)
    assert not any(later == "C4" for _, later in topic.updates)


def test_conflicts_an_undated_figure_that_fits_a_day_is_revised_as_that_days():
    monday = replace(claim("C1", "a", 3, 3, kind="people", state="killed"), as_of="2031-08-04")
    tuesday = replace(claim("C2", "b", 7, 7, kind="people", state="killed"), as_of="2031-08-05")
    feature = claim("C3", "c", 3, 3, kind="people", state="killed")  # undated, "three died"
    topic = build_topic("T1", "dead", [monday, tuesday, feature])
    assert ("C3", "C2") in topic.updates and ("C2", "C3") not in topic.updates


def test_align_a_figure_that_fits_two_states_joins_the_one_its_own_article_gives():
    killed = claim("C1", "a", 2, 2, kind="people", state="killed", subject="people")  # "two co-workers were killed"
    hurt = claim("C2", "b", 2, 2, kind="people", state="injured", subject="people")  # "two others were hurt"
    women = claim("C3", "a", 2, 2, kind="woman", subject="women")  # "the two women", beside C1
    aligned, _, _, _ = assign_topics([killed, hurt, women])
    assert aligned[2].topic == aligned[0].topic != aligned[1].topic


def test_align_a_figure_the_text_says_was_raised_joins_the_one_earlier_figure_of_its_kind():
    sent = replace(claim("C1", "a", 60, 60), as_of="2031-09-01", context=frozenset({"send", "ministry", "border"}))
    raised = replace(claim("C2", "b", 200, 200), as_of="2031-09-02", phase=1, context=frozenset({"raise", "valley"}))
    aligned, _, _, _ = assign_topics([sent, raised])
    assert aligned[0].topic == aligned[1].topic
    # With two earlier figures of the kind, which one it revises is not known.
    other = replace(claim("C3", "c", 900, 900), as_of="2031-09-01", context=frozenset({"garrison", "total"}))
    aligned, _, _, _ = assign_topics([sent, raised, other])
    assert len({c.topic for c in aligned}) == 3


def test_conflicts_a_speaker_giving_another_figure_in_a_later_article_revises_their_own():
    from ncr.records import Attribution

    police = Attribution(text="police", entity=None)
    crowd = dict(kind="people", state="gathered", subject="marchers")
    saturday = replace(claim("C1", "a", 5_000, 5_000, **crowd), as_of="2031-10-04", attributed_to=police)
    sunday = replace(claim("C2", "b", 8_000, 8_000, **crowd), as_of="2031-10-05", attributed_to=police)
    assert ("C1", "C2") in build_topic("T1", "marchers", [saturday, sunday]).updates
    # Two speakers' figures for the march are not one's revision of the other's.
    organisers = replace(sunday, attributed_to=Attribution(text="organisers", entity=None))
    assert not build_topic("T1", "marchers", [saturday, organisers]).updates


def test_align_a_larger_figure_restated_needs_one_word_in_common_a_small_one_two():
    def count(cid, source, low, high, kind, words):
        return replace(claim(cid, source, low, high, kind=kind, subject=kind), context=frozenset(words))

    boats = count("C1", "a", 170, None, "boat", {"harbour", "moor"})  # "more than 170 boats moored"
    vessels = count("C2", "b", 170, None, "vessel", {"harbour", "shelter"})  # "more than 170 vessels sheltered"
    aligned, _, _, _ = assign_topics([boats, vessels])
    assert aligned[0].topic == aligned[1].topic
    small = [replace(c, value=Interval(4, 4, 4)) for c in (boats, vessels)]
    aligned, _, _, _ = assign_topics(small)
    assert aligned[0].topic != aligned[1].topic


def test_align_a_figure_of_an_undated_past_event_joins_the_one_dated_past_event_it_fits():
    dated = replace(claim("C1", "a", 9, 9, kind="people", state="killed", subject="people"), event="2011")
    undated = replace(claim("C2", "b", 9, 9, kind="people", state="killed", subject="men"), event="earlier")
    current = claim("C3", "b", 4, 4, kind="people", state="killed", subject="people")
    aligned, _, _, _ = assign_topics([dated, undated, current])
    assert aligned[0].topic == aligned[1].topic != aligned[2].topic
    aligned, _, _, _ = assign_topics([dated, replace(undated, value=Interval(40, 40, 40))])
    assert aligned[0].topic != aligned[1].topic


def test_align_a_figure_without_a_state_recalling_the_very_figure_of_another_day_joins_it():
    homes = dict(kind="home", subject="homes")
    evacuated = replace(claim("C1", "a", 315, 385, state="displaced", **homes), as_of="2031-05-02")  # "about 350"
    recalled = replace(claim("C2", "b", 315, 385, **homes), as_of="2031-05-03")  # "about 350 homes" next day
    aligned, _, _, _ = assign_topics([evacuated, recalled])
    assert aligned[0].topic == aligned[1].topic
    # A small figure on another day is as likely another count.
    small = [replace(c, value=Interval(3, 3, 3)) for c in (evacuated, recalled)]
    aligned, _, _, _ = assign_topics(small)
    assert aligned[0].topic != aligned[1].topic
