"""Alignment: claims about the same measured thing of the same event share a topic.

Two claims measure the same thing when their counted nouns fall in the same
class (troops, soldiers, forces and personnel are all military personnel;
people, crowds and marchers counted at a march are all people), the same thing
happened to them (killed, injured, arrested, gathered, or nothing said; one
word spelt two ways in the input is one word), they
belong to the same group (Ruritanian / Ruritania's / of Ruritania), and
they are about the same event: a figure the text ties to another year or to a
standing fact (``extract.timing``) never joins the story's own; a figure of
an undated past event takes the date of the one dated past event it fits.
A claim whose group the text leaves open joins the one topic of its class,
state and event, if there is exactly one; otherwise it stays on its own. A claim
that says nothing of what happened joins the one state of its class whose
figures its value fits ("the two clerks" beside "two people were killed" and
"five were arrested"), if exactly one fits: on the same day, and an open bound
("more than 40") reaching only a little past its figure. So does a count of a
noun no class lists, in a state that happens to people ("three rangers were
killed"), to the one count of people in that state its figure fits. An undated count of a day-bound
state (arrests, a crowd) joins the one dated occasion its figure fits.

A key that says only what is counted (no state, no group) may hold several
measures ("12 booths abroad", "900 booths in all"): it is split by evidence,
values that agree, a revision in one sentence, or shared words around the
claims (``extract.context``), leaving out the words the whole story uses around
its figures ("fire" in a story of a fire). A claim never joins a measure it cannot
agree with when it fits the other of two measures a sentence gives side by side.
A key with a state but no group may hold several occasions (Monday's march and
Saturday's vigil): its claims join when they share a word around them or a
sentence; but a running count of the story (its dead,
its injured, its evacuated) is one measure however its reports are worded. Its
parts ("12 of the injured") are not: they need the evidence a count without a
state needs.
Either way, parts whose figures can all be true at once are put back together
(``ncr.rejoin``):
keeping them apart would only hide that they confirm each other. For the same
reason, topics of other articles that give one exact figure in other words,
with words around them in common, are joined (``join_restated``); and a part
the text says rose or fell to its figure, or a later finding gives, joins the
one part dated before it (``join_superseding``). An older
figure a sentence compares with a newer one takes the newer one's key.

Whether a topic's sources agree is ``ncr.conflicts``'s question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .conflicts import camps
from .relations import INF, bounds, compatible
from .disjoint import DisjointSets
from .rejoin import join_restated, join_superseding, rejoin_agreeing
from .fitting import (
    CLASS_NAMES, DAY_BOUND_STATES, KNOWN_STATES, Figures, Key, join_dated_occasions, join_fitting, people_of_state, stated_class,
)
from .lexicon import COUNT_CLASSES, CUMULATIVE_STATES
from .names import place_blocks, place_key, same_place
from .records import Claim, TopicKey, replace


def _canonical_groups(groups: Sequence[str]) -> dict[str, str]:
    """Map each group key to one representative of the groups it names the same place as.

    Each representative is filed under its ``place_blocks``, and a group is compared
    only with the representatives filed under its own, never with all of them.
    """
    canonical: dict[str, str] = {}
    order: dict[str, int] = {}
    blocks: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for group in sorted(set(groups), key=lambda g: (len(g), g)):
        keys = place_blocks(group)
        candidates = {rep for key in keys for rep in blocks.get(key, ())}
        matches = [rep for rep in candidates if same_place(rep, group)]
        match = min(matches, key=order.__getitem__) if matches else None
        if match is None:
            order[group] = len(order)
            for key in keys:
                blocks.setdefault(key, []).append(group)
            match = group
        canonical[group] = match
    return canonical


# Content words two claims of a key without a state must share to be one measure.
SHARED_CONTEXT = 2
# A context word more claims of one key than this share says nothing (and would cost all pairs).
_COMMON = 50


def topic_key(claim: Claim, group: str | None) -> Key:
    event = claim.event or ""
    # The day of an occasion, not of a revision: "stewards on Sunday raised their count of
    # Saturday's walkers to 19,000" dates the revision, and the crowd stays Saturday's.
    if not event and claim.day_stated and claim.state in DAY_BOUND_STATES and claim.as_of and claim.phase == 0:
        event = f"on {claim.as_of}"
    return (claim.kind, claim.state or "", event, group or "")


def assign_topics(
    claims: Sequence[Claim],
) -> tuple[list[Claim], dict[str, tuple[str, ...]], dict[str, str], dict[str, TopicKey]]:
    """Give every claim a topic id.

    Returns the claims with ``topic`` set, the claim ids of each topic, each
    topic's label (the subject phrasing its claims use most) and its key.
    """
    claims = inherit_revised(date_past_events(claims))
    spelling = spelling_variants([c.kind for c in claims])
    if spelling:
        claims = [replace(c, kind=spelling[c.kind]) if c.kind in spelling else c for c in claims]
    place_keys = {group: place_key(group) for group in {c.group for c in claims if c.group}}
    groups = {c.id: place_keys[c.group] for c in claims if c.group}
    canonical = _canonical_groups(list(groups.values()))
    keys: dict[str, Key] = {}
    for claim in claims:
        keys[claim.id] = topic_key(claim, canonical[groups[claim.id]] if claim.id in groups else None)
    # A claim with no group joins the single grouped topic of its class, state and event.
    grouped_keys: dict[tuple[str, str, str], set[str]] = {}
    for key in keys.values():
        if key[3]:
            grouped_keys.setdefault(key[:3], set()).add(key[3])
    for claim_id, key in keys.items():
        if not key[3] and len(grouped_keys.get(key[:3], ())) == 1:
            keys[claim_id] = (*key[:3], next(iter(grouped_keys[key[:3]])))

    order: list[Key] = []
    members: dict[Key, list[Claim]] = {}
    for claim in claims:
        key = keys[claim.id]
        if key not in members:
            order.append(key)
            members[key] = []
        members[key].append(claim)
    # A claim that says nothing of what happened, and fits the figures of exactly one state its
    # class has ("Forty tenants" beside "Forty tenants were evacuated"), joins that state's topic.
    position = {c.id: n for n, c in enumerate(claims)}
    figures = Figures()
    stated: dict[tuple[str, str, str], list[Key]] = {}
    stated_any_group: dict[tuple[str, str], list[Key]] = {}
    for key in order:
        if key[1] in KNOWN_STATES:
            stated.setdefault((key[0], key[2], key[3]), []).append(key)
            stated_any_group.setdefault((key[0], key[2]), []).append(key)
    for key in list(order):
        if key[1] in KNOWN_STATES:
            siblings = people_of_state(key, stated)
        else:
            siblings = stated.get((stated_class(key[0]), key[2], key[3]), [])
            if not siblings and not key[3]:  # "the two men" of no group fits the stated topic of any one
                siblings = stated_any_group.get((stated_class(key[0]), key[2]), [])
        if siblings:
            members[key] = join_fitting(members[key], [members[k] for k in siblings], position, figures)
    join_dated_occasions(order, members, position)
    story = story_words(claims)
    # A key without a group may hold several measures or occasions: split it by context.
    split_order: list[Key] = []
    for key in order:
        if not members[key]:
            del members[key]  # every claim joined a stated topic
            continue
        if len(members[key]) < 2 or key[3] or (_running_count(key) and not key[0].endswith(PART_OF)):
            parts = [members[key]]  # a group says which measure; a running toll of the story is one
        elif key[1] and not key[0].endswith(PART_OF):  # a state: one shared word or one sentence is enough
            parts = split_by_context(members[key], shared_words=1, sentence_apart=False)
        else:  # nothing said of what happened: only words that tell measures apart are evidence
            # "an additional eight drones" / "a further eleven UAVs": being more of a kind
            # is one shared word already.
            needed = SHARED_CONTEXT - key[0].endswith(OTHERS)
            parts = split_by_context(without_words(members[key], story), shared_words=needed)
        if len(parts) > 1:
            parts = rejoin_agreeing(join_superseding(rejoin_agreeing(parts, position)), position)
        if len(parts) == 1:
            split_order.append(key)
            continue
        del members[key]
        for n, part in enumerate(parts):
            members[(*key[:3], f"{key[3]}#{n}")] = part
            split_order.append((*key[:3], f"{key[3]}#{n}"))
    order = join_restated(split_order, members, position)
    # Topics reported by more sources first; ties keep first appearance.
    order.sort(key=lambda k: (-len({c.source for c in members[k]}), -len(members[k])))

    topic_of: dict[str, str] = {}
    topic_claims: dict[str, tuple[str, ...]] = {}
    labels: dict[str, str] = {}
    topic_keys: dict[str, TopicKey] = {}
    for number, key in enumerate(order, start=1):
        topic_id = f"T{number}"
        topic_claims[topic_id] = tuple(c.id for c in members[key])
        labels[topic_id] = _label(members[key])
        first_group = next((c.group for c in members[key] if c.group), None)
        topic_keys[topic_id] = TopicKey(key[0], key[1] or None, first_group, key[2] or None)
        for claim in members[key]:
            topic_of[claim.id] = topic_id
    return [replace(c, topic=topic_of[c.id]) for c in claims], topic_claims, labels, topic_keys


# How long a counted word must be to be merged with a spelling one letter away from it
# ("ambulences" / "ambulance"): shorter words a letter apart are often two words.
SPELLING_MIN_LENGTH = 8


def same_word_spelt_twice(a: str, b: str) -> bool:
    """ "ambulance" / "ambulence" (a changed letter), "refinery" / "refinerie" (a plural
    the lemmatiser did not know), "stations" / "station": one letter inserted, dropped
    or changed, once "-ie" ends are read as "-y" and a plural "s" is dropped."""
    a, b = (_singular(w) for w in (a, b))
    if a == b:
        return True
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    return any(a[:i] + a[i + 1 :] == b for i in range(len(a)))


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("ie"):
        return word[:-2] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def spelling_variants(kinds: Sequence[str]) -> dict[str, str]:
    """Counted words that are one word spelt two ways, mapped to the more common spelling.

    Only words with no class of their own, of at least ``SPELLING_MIN_LENGTH``
    letters and starting with the same two letters (which also keeps the
    comparisons few).
    """
    counts = Counter(
        k for k in kinds
        if len(k) >= SPELLING_MIN_LENGTH and k.isalpha() and k not in COUNT_CLASSES and k not in CLASS_NAMES
    )
    by_start: dict[str, list[str]] = {}
    for kind in sorted(counts, key=lambda k: (-counts[k], k)):
        by_start.setdefault(kind[:2], []).append(kind)
    variants: dict[str, str] = {}
    for words in by_start.values():
        for n, word in enumerate(words):
            for common in words[:n]:
                if common not in variants and same_word_spelt_twice(word, common):
                    variants[word] = common
                    break
    return variants


# How a kind that counts a part of a group counted elsewhere ends ("12 of the injured").
PART_OF = " (part of)"
OTHERS = " (others)"


def _running_count(key: Key) -> bool:
    """A count that only grows while the story runs (its dead, its injured): one measure however
    worded (but not its parts, see the module doc)."""
    return key[1] in CUMULATIVE_STATES and key[1] not in DAY_BOUND_STATES


# A context word around the claims of more than this share of the articles (and of at least
# STORY_WORD_SOURCES of them) is the story's ("fire" in a story of a fire), not a measure's.
STORY_WORD_SHARE = 0.5
STORY_WORD_SOURCES = 3


def story_words(claims: Sequence[Claim]) -> frozenset[str]:
    """The words the whole story uses around its figures: no evidence that two claims are one.

    "two patrol boats will stay" and "ten patrol boats searched the bay" share
    "patrol" and "search" because every report of the search does; such words
    tell no two measures apart.
    """
    sources: dict[str, set[str]] = {}
    for claim in claims:
        for word in claim.context:
            sources.setdefault(word, set()).add(claim.source)
    articles = len({c.source for c in claims})
    limit = max(STORY_WORD_SOURCES - 1, int(articles * STORY_WORD_SHARE))
    return frozenset(word for word, found in sources.items() if len(found) > limit)


def without_words(claims: Sequence[Claim], words: frozenset[str]) -> list[Claim]:
    """The claims with ``words`` left out of their context."""
    return [replace(c, context=c.context - words) if c.context & words else c for c in claims]


# The event ``extract.timing`` gives a past event it cannot date, and a standing fact.
UNDATED_PAST, STANDING = "earlier", "standing"


def date_past_events(claims: Sequence[Claim]) -> list[Claim]:
    """A figure of an undated past event takes the date of the one dated past event the input
    tells of the same thing (the same state, else the same kind) whose figures it fits.

    "Nine men died in the blast years ago" beside "the 2011 blast killed nine
    miners" is one past event, told twice.
    """
    dated: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.event and claim.event not in (UNDATED_PAST, STANDING):
            dated.setdefault(claim.state or claim.kind, []).append(claim)
    out = []
    for claim in claims:
        if claim.event == UNDATED_PAST:
            told = dated.get(claim.state or claim.kind, [])
            events = {c.event for c in told[:_COMMON] if compatible(c.value, claim.value)}
            if len(events) == 1 and len({c.event for c in told}) == 1:
                claim = replace(claim, event=events.pop())
        out.append(claim)
    return out


def inherit_revised(claims: Sequence[Claim]) -> list[Claim]:
    """An older figure the sentence compares with a newer one measures the same thing.

    In "900 homes were destroyed, up from an earlier estimate of 400 homes" the
    400 says nothing of its own state; it takes the 900's kind, state and group.
    """
    latest: dict[tuple[str, str], Claim] = {}
    out: list[Claim] = []
    for claim in claims:
        place = (claim.source, claim.sentence)
        newer = latest.get(place)
        if claim.phase < 0 and newer is not None and newer.unit == claim.unit and claim.state is None:
            claim = replace(claim, kind=newer.kind, state=newer.state, group=claim.group or newer.group)
        elif claim.phase >= 0:
            latest[place] = claim
        out.append(claim)
    return out


def split_by_context(
    claims: Sequence[Claim], shared_words: int = SHARED_CONTEXT, sentence_apart: bool = True
) -> list[list[Claim]]:
    """Claims of one kind, grouped into measures: two claims are one measure when they count
    with the same word and their values agree (one camp), when one revises the other in
    one sentence ("800, higher than the estimate of 500"), or when their contexts
    share ``shared_words`` content words, unless that would put together two different
    figures that one sentence gives side by side. With ``sentence_apart`` off, claims
    of one sentence are always one measure (two speakers' figures for one thing).

    Comparisons go through an index of context words (a word shared by more
    than ``_COMMON`` claims is not used), so the work stays near linear.
    """
    sets = DisjointSets(len(claims))
    find, join = sets.find, sets.join
    index = {c.id: n for n, c in enumerate(claims)}

    for camp in camps(claims):
        first_of_unit: dict[str, int] = {}
        for claim_id in camp.claims:
            n = index[claim_id]
            join(first_of_unit.setdefault(claims[n].unit, n), n)
    by_sentence: dict[tuple[str, str], int] = {}
    for n, claim in enumerate(claims):
        if claim.phase != 0 or not sentence_apart:  # "800, higher than the estimate of 500": one measure, revised
            by_sentence.setdefault((claim.source, claim.sentence), n)
    for n, claim in enumerate(claims):
        if (claim.source, claim.sentence) in by_sentence:
            join(by_sentence[(claim.source, claim.sentence)], n)
    postings: dict[str, list[int]] = {}
    for n, claim in enumerate(claims):
        for word in claim.context:
            postings.setdefault(word, []).append(n)
    if shared_words <= 1 and not sentence_apart:
        # One shared word is enough and nothing keeps claims apart: join every claim of a
        # word, however many share it (linear, so no word needs to be left out).
        for ids in postings.values():
            for a, b in zip(ids, ids[1:]):
                join(a, b)
        return [[claims[n] for n in members] for members in sets.groups().values()]
    shared: dict[tuple[int, int], int] = {}
    for ids in postings.values():
        if len(ids) > _COMMON:
            continue
        for a_pos, a in enumerate(ids):
            for b in ids[a_pos + 1 :]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    # Two different figures side by side in one sentence, neither revising the other ("five
    # suspended terms and two terms without remission"), are two measures: shared
    # words never join their groups.
    side_by_side: dict[int, dict[tuple[str, str], list[Claim]]] = {}
    for n, claim in enumerate(claims):
        if claim.phase == 0:
            side_by_side.setdefault(find(n), {}).setdefault((claim.source, claim.sentence), []).append(claim)

    def apart(a: int, b: int) -> bool:
        mine, theirs = side_by_side.get(a, {}), side_by_side.get(b, {})
        for place, ours in mine.items():
            for other in theirs.get(place, ()):
                if any(not compatible(c.value, other.value) for c in ours):
                    return True
        return False

    # A group's envelope: its figures' highest lower and lowest upper bound. Two groups' figures
    # can all be true together exactly when each one's highest low is below the other's lowest high.
    envelope: dict[int, tuple[float, float]] = {}
    for n, claim in enumerate(claims):
        low, high = bounds(claim.value, 0.0)
        was = envelope.get(find(n), (-INF, INF))
        envelope[find(n)] = (max(was[0], low), min(was[1], high))
    crowded: dict[tuple[str, str], list[int]] = {}
    for n, claim in enumerate(claims):
        if claim.phase == 0:
            crowded.setdefault((claim.source, claim.sentence), []).append(n)

    def fits_beside(a: int, b: int) -> bool:
        """True when group ``a`` cannot agree with group ``b`` but fits a measure one of ``b``'s
        sentences gives beside it: after "12 branches in the north and three without cash machines",
        a report of "three branches" is the second measure, not a contradiction
        of the first."""
        (a_low, a_high), (b_low, b_high) = envelope[a], envelope[b]
        if a_low <= b_high and b_low <= a_high:
            return False
        for place in side_by_side.get(b, {}):
            for n in crowded[place]:
                low, high = bounds(claims[n].value, 0.0)
                if find(n) not in (a, b) and a_low <= high and low <= a_high:
                    return True
        return False

    for (a, b), count in sorted(shared.items()):
        root_a, root_b = find(a), find(b)
        if count < shared_words or root_a == root_b or (sentence_apart and apart(root_a, root_b)):
            continue
        if sentence_apart and (fits_beside(root_a, root_b) or fits_beside(root_b, root_a)):
            continue
        join(root_a, root_b)
        kept, gone = min(root_a, root_b), max(root_a, root_b)
        (kept_low, kept_high), (gone_low, gone_high) = envelope[kept], envelope.pop(gone)
        envelope[kept] = (max(kept_low, gone_low), min(kept_high, gone_high))
        for place, found in side_by_side.pop(gone, {}).items():
            side_by_side.setdefault(kept, {}).setdefault(place, []).extend(found)
    return [[claims[n] for n in members] for members in sets.groups().values()]


def _label(claims: Sequence[Claim]) -> str:
    """The most common subject phrasing; ties go to the longer (more specific) one."""
    counts = Counter(c.subject for c in claims)
    return max(counts, key=lambda s: (counts[s], len(s), s))
