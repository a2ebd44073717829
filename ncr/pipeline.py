"""The pipeline: articles in, a ``Report`` out, in two phases with a record between them.

1. Extraction (``ncr.extraction``), per article and independent: ingest → clean →
   nlp → extract → one ``ArticleRecord``; the parse is dropped.
2. Reconciliation (``reconcile``), on records only: resolve (entities across
   sources) → align (topics) → conflicts.
Each stage is a plain function in its own module; this one only wires them.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from .align import assign_topics
from .article_record import ArticleRecord, Speaker
from .conflicts import build_topic
from .copies import copy_groups, wire_credit
from .extract.entities import LocalMention, find_known_names
from .extract.timing import within_story
from .extraction import BATCH_SIZE, extract_articles, input_year_of
from .records import Attribution, Claim, Measure, Quote, Report, Topic, replace
from .resolve import resolve_entities
from .speaker_entities import MentionIndex, resolve_speaker

if TYPE_CHECKING:
    from spacy.language import Language

    from .records import Article

__all__ = ["BATCH_SIZE", "MentionIndex", "analyse", "reconcile", "topics_of"]


class _QuoteIndex:
    """The direct quote holding a character offset of a source, by binary search
    (direct quotes never overlap)."""

    def __init__(self, quotes: Iterable[Quote]) -> None:
        by_source: dict[str, list[Quote]] = {}
        for quote in quotes:
            by_source.setdefault(quote.source, []).append(quote)
        self._quotes = {source: sorted(items, key=lambda q: q.start) for source, items in by_source.items()}
        self._starts = {source: [q.start for q in items] for source, items in self._quotes.items()}

    def at(self, source: str, offset: int) -> Quote | None:
        index = bisect_right(self._starts.get(source, []), offset) - 1
        if index < 0:
            return None
        quote = self._quotes[source][index]
        return quote if quote.start <= offset < quote.end else None


def person_name_words(mention_lists: Iterable[Sequence[LocalMention]]) -> frozenset[str]:
    """Words of full person names in the input, for finding names the model missed elsewhere."""
    return frozenset(
        word for mentions in mention_lists for m in mentions if m.label == "PERSON" and " " in m.key for word in m.key.split()
    )


# Labels of names the model's misses are recovered for from other articles, besides people.
_RECOVERED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})


def one_word_names(mention_lists: Iterable[Sequence[LocalMention]]) -> dict[str, str]:
    """One-word names of organisations and places in the input ("Opel", "GM"), each with the
    label most of its mentions have, for finding them where the model missed them."""
    labels: dict[str, Counter[str]] = {}
    for mentions in mention_lists:
        for m in mentions:
            if m.label in _RECOVERED_LABELS and " " not in m.key and m.short_form_of is None:
                labels.setdefault(m.key, Counter())[m.label] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in sorted(labels.items())}


def analyse(articles: Sequence[Article], nlp: Language, tolerance: float = 0.0, today: date | None = None) -> Report:
    """Extract every article, then reconcile the records.

    ``today`` bounds the year a text's weekday dates can fix ("Tuesday, October 29"
    is the latest such Tuesday not after today); it defaults to the real date.
    """
    today = today or date.today()
    return reconcile(list(extract_articles(articles, nlp, today, input_year_of(articles))), tolerance)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reconciliation makes millions of objects at scale and no garbage cycles to speak
    of; Python's cycle collector would walk every object alive again and again (a
    tenth of the time at 10⁵ claims, more as they grow), so it waits until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def topics_of(
    claims: Sequence[Claim], credits: dict[str, str | None], tolerance: float = 0.0,
) -> tuple[list[Claim], list[Topic]]:
    """The claims with their topics set, and the topics with their status; ``credits``
    gives each source's wire credit (``copies.wire_credit``)."""
    with _collector_paused():
        claims, topic_claims, labels, keys = assign_topics(claims)
        by_id = {c.id: c for c in claims}
        topics = []
        for topic_id, ids in topic_claims.items():
            members = [by_id[i] for i in ids]
            topics.append(
                build_topic(topic_id, labels[topic_id], members, tolerance, keys[topic_id], copy_groups(members, credits))
            )
        return claims, topics


def reconcile(records: Sequence[ArticleRecord], tolerance: float = 0.0) -> Report:
    """Entities across sources, topics and conflicts, from article records alone.

    Nothing of ``records`` is kept once the claims are gathered: a caller that
    hands over the only reference to its list (as ``ncr.runner`` does) lets the
    topics of a large run reuse the records' memory.
    """
    with _collector_paused():
        gathered, credits = _gather(records)
        del records
        claims, topics = topics_of(gathered.claims, credits, tolerance)
        return replace(gathered, claims=tuple(claims), topics=tuple(topics))


def _gather(records: Sequence[ArticleRecord]) -> tuple[Report, dict[str, str | None]]:
    """The report of ``records`` but for topics (its claims have none yet), and each source's wire credit."""
    known = person_name_words(r.mentions for r in records)
    names = one_word_names(r.mentions for r in records)
    docs_mentions = [
        (r.article.id, find_known_names(r.mentions, r.name_candidates, known, names)) for r in records
    ]
    entities = resolve_entities(docs_mentions)
    index = MentionIndex(entities)

    # One Attribution per speaker of a source and one set per context, shared by the claims
    # and quotes that have them: a large run holds every claim and quote at once.
    attributions: dict[tuple[str, Speaker], Attribution] = {}

    def attribution(source: str, speaker: Speaker | None) -> Attribution | None:
        if speaker is None:
            return None
        found = attributions.get((source, speaker))
        if found is None:
            found = attributions[(source, speaker)] = resolve_speaker(source, speaker, index)
        return found

    contexts: dict[tuple[str, ...], frozenset[str]] = {}
    quotes: list[Quote] = []
    for record in records:
        source = record.article.id
        for found in record.quotes:
            speaker = attribution(source, found.speaker)
            quotes.append(
                Quote(
                    id=f"Q{len(quotes) + 1}", source=source, text=found.text, start=found.start,
                    end=found.end, direct=found.direct, cue=found.cue, speaker=speaker, as_of=found.as_of,
                )
            )
    inside_quote = _QuoteIndex(q for q in quotes if q.direct and q.speaker is not None)

    claims: list[Claim] = []
    for record in records:
        source = record.article.id
        for found in record.claims:
            said_by = attribution(source, found.speaker)
            inside = inside_quote.at(source, found.start)
            if inside is not None:
                said_by = inside.speaker  # a number inside a quote is the speaker's
            context = contexts.get(found.context)
            if context is None:
                context = contexts[found.context] = frozenset(found.context)
            claims.append(
                Claim(
                    id=f"C{len(claims) + 1}", source=source, text=found.text, start=found.start, end=found.end,
                    sentence=found.sentence, value=found.value, qualifier=found.qualifier, unit=found.unit,
                    subject=found.subject, attributed_to=said_by, as_of=found.as_of, certainty=found.certainty,
                    kind=found.kind, state=found.state, group=found.group, phase=found.phase, event=found.event,
                    day_stated=found.day_stated, finished_act=found.finished_act, context=context,
                )
            )
    # A time one of the articles is about is the story's, not another event's (a trial
    # reported in 2012 of a shooting in 2010, read beside the 2010 reports).
    inputs = [r.article for r in records]
    events = {c.event for c in claims if c.event}
    story = {event for event in events if within_story(event, inputs)}
    claims = [replace(c, event=None) if c.event in story else c for c in claims]
    found_measures = [(r.article.id, m) for r in records for m in r.measures]
    measures = tuple(
        Measure(
            id=f"M{n}", source=source, text=m.text, start=m.start, end=m.end, value=m.value,
            qualifier=m.qualifier, kind=m.kind, unit=m.unit,
        )
        for n, (source, m) in enumerate(found_measures, start=1)
    )
    gathered = Report(
        articles=tuple(inputs),
        entities=entities,
        claims=tuple(claims),
        quotes=tuple(quotes),
        dates=tuple(d for r in records for d in r.dates),
        measures=measures,
    )
    return gathered, {r.article.id: wire_credit(r.article) for r in records}
