"""The pipeline: articles in, a ``Report`` out.

ingest → clean → nlp → extract (entities, dates, quantities, attribution, quotes)
→ resolve (entities across sources) → align (topics) → conflicts.
Each stage is a plain function in its own module; this one only wires them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from .align import assign_topics
from .clean import mask_boilerplate
from .conflicts import build_topic
from .copies import copy_groups, wire_credit
from .extract.certainty import certainty_of
from .extract.attribution import antecedent, find_speech, is_pronoun, named_speakers
from .extract.dates import FoundDate, date_of_clause, dateline, find_dates, text_anchor
from .extract.datetext import Anchor, published_anchor
from .extract.headlines import recased_headlines, with_headline_claims
from .extract.measures import RawMeasure, find_measures
from .extract.entities import PRONOUNS, LocalMention, find_known_names, find_mentions
from .extract.phrases import number_phrases
from .extract.quantities import RawClaim, find_claims
from .extract.context import local_context
from .extract.quotes import FoundQuote, find_quotes
from .extract.timing import anchor_year_of, event_of, past_date_in_phrase, phase, within_story, years_in
from .nlp import parse_texts
from .records import Article, Attribution, Certainty, Claim, DateMention, Entity, Measure, Quote, Report
from .resolve import resolve_entities

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# Articles per batch handed to spaCy's nlp.pipe.
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class _Speaker:
    """A speaker span as written and, for a pronoun, the earlier speaker it stands for."""

    span: Span
    refers_to: Span | None


def _speaker(span: Span, named: list[Span]) -> _Speaker:
    return _Speaker(span, antecedent(span, named) if is_pronoun(span) else None)


@dataclass(frozen=True, slots=True)
class _Parsed:
    article: Article
    mentions: list[LocalMention]
    raw_claims: list[RawClaim]
    speeches: list[_Speaker | None]  # per raw claim
    claim_dates: list[str | None]  # as_of per raw claim
    claim_times: list[tuple[int, str | None, bool]]  # (phase, event, dated by its clause) per raw claim
    contexts: list[frozenset[str]]  # content words around each raw claim
    certainties: list[Certainty | None]  # hedges and denials over each raw claim
    dates: list[DateMention]
    quotes: list[FoundQuote]
    quote_speakers: list[_Speaker | None]  # per quote
    quote_dates: list[str | None]  # as_of per quote
    measures: list[RawMeasure]  # money, shares and measures: not counts, kept for the JSON


class MentionIndex:
    """Which entity a character range of a source belongs to, by binary search."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans: dict[str, list[tuple[int, int, str, str]]] = {}
        for entity in entities:
            for mention in entity.mentions:
                spans.setdefault(mention.source, []).append((mention.start, mention.end, entity.id, entity.label))
        self._spans = {source: sorted(items) for source, items in spans.items()}
        self._starts = {source: [s[0] for s in items] for source, items in self._spans.items()}

    def covering(self, source: str, start: int, end: int) -> str | None:
        """The entity id of the mention that contains ``start:end``."""
        items = self._spans.get(source, [])
        index = bisect_right(self._starts.get(source, []), start) - 1
        while index >= 0:
            m_start, m_end, entity_id, _ = items[index]
            if m_start <= start and end <= m_end:
                return entity_id
            if m_end < start and start - m_start > 200:
                break
            index -= 1
        return None

    def last_person_before(self, source: str, offset: int) -> str | None:
        """The entity id of the nearest person mentioned before ``offset`` (for "he", "she")."""
        items = self._spans.get(source, [])
        index = bisect_right(self._starts.get(source, []), offset) - 1
        while index >= 0:
            m_start, m_end, entity_id, label = items[index]
            if label == "PERSON" and m_end <= offset:
                return entity_id
            index -= 1
        return None


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


def _anchor(article: Article, doc: Doc, today: date) -> tuple[Article, Anchor]:
    """The article's time anchor, and the article with what the text fixed (a year) recorded."""
    if article.published:
        return article, published_anchor(article.published, article.published_from or "metadata")
    day = dateline(article.text, today)
    if day is not None:
        return replace(article, published=day, published_from="dateline"), published_anchor(day, "dateline")
    anchor = text_anchor(doc, today)
    if anchor.year is None:
        return article, anchor
    return replace(article, year=anchor.year, published_from="text"), anchor


def _day_of(clause_date: FoundDate | None) -> str | None:
    """The day a clause's date names, if it names one."""
    if clause_date is not None and clause_date.grain == "day" and clause_date.value:
        return clause_date.value
    return None


def _as_of(tokens: range, found: Sequence[FoundDate], doc: Doc, published: str | None) -> str | None:
    """The day a claim or quote belongs to: its clause's date, else the publication date."""
    return _day_of(date_of_clause(tokens, found, doc)) or published


def _parse_article(
    article: Article, doc: Doc, today: date, headlines: Sequence[tuple[Span, Doc]], input_year: int | None = None
) -> _Parsed:
    article, anchor = _anchor(article, doc, today)
    found_dates = find_dates(doc, anchor)
    phrases = list(number_phrases(doc))
    raw_claims = with_headline_claims(doc, find_claims(doc, phrases), headlines)
    named = named_speakers(doc)
    speeches = []
    for raw in raw_claims:
        speech = find_speech(raw.span.root)
        speeches.append(_speaker(speech.speaker, named) if speech and speech.speaker is not None else None)
    year = anchor_year_of(article.published, article.year, years_in(list(doc.ents)), input_year)
    resolved = [(d.token_start, d.value) for d in found_dates if d.value]
    claim_dates = []
    claim_times = []
    for raw in raw_claims:
        clause_date = date_of_clause(range(raw.span.start, raw.span.end), found_dates, doc)
        stated_day = _day_of(clause_date)
        claim_dates.append(stated_day or article.published)
        undated_past = past_date_in_phrase(raw.counted) and clause_date is None
        event = event_of(raw.span, raw.counted, year, article.published, resolved)
        claim_times.append((phase(raw.span, raw.counted, undated_past), event, stated_day is not None))
    contexts = [local_context(raw.span, raw.counted) for raw in raw_claims]
    certainties = [certainty_of(raw.span) for raw in raw_claims]
    quotes = find_quotes(doc, named)
    quote_speakers = [_speaker(q.speaker, named) if q.speaker is not None else None for q in quotes]
    quote_dates = []
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        tokens = range(span.start, span.end) if span is not None else range(0)
        quote_dates.append(_as_of(tokens, found_dates, doc, article.published) if len(tokens) else article.published)
    dates = [DateMention(article.id, d.text, d.start, d.end, d.value, d.grain) for d in found_dates]
    return _Parsed(
        article, find_mentions(doc), raw_claims, speeches, claim_dates, claim_times, contexts, certainties, dates, quotes,
        quote_speakers, quote_dates, find_measures(doc, [raw.span for raw in raw_claims], phrases),
    )


def _attribution(source: str, speaker: _Speaker, index: MentionIndex) -> Attribution:
    """The speaker as written, resolved to an entity; a pronoun through the speaker it stands for."""
    span, earlier = speaker.span, speaker.refers_to
    named = earlier if earlier is not None else span
    root = named.root
    entity = index.covering(source, root.idx, root.idx + len(root.text))
    if entity is None and earlier is None and root.lower_ in PRONOUNS and len(span) == 1:
        entity = index.last_person_before(source, root.idx)
    return Attribution(text=span.text, entity=entity, refers_to=earlier.text if earlier is not None else None)


def analyse(articles: Sequence[Article], nlp: Language, tolerance: float = 0.0, today: date | None = None) -> Report:
    """Run every stage over ``articles`` and gather what they found.

    ``today`` bounds the year a text's weekday dates can fix ("Tuesday, October 29"
    is the latest such Tuesday not after today); it defaults to the real date.
    """
    today = today or date.today()
    texts = (mask_boilerplate(article.text) for article in articles)
    docs = list(parse_texts(nlp, texts, BATCH_SIZE))
    # Title-case headlines that may hold a count are parsed again in sentence case, all in one batch.
    recased = [recased_headlines(doc) for doc in docs]
    line_docs = iter(nlp.pipe((text for lines in recased for _, text in lines), batch_size=BATCH_SIZE))
    headlines = [[(line, next(line_docs)) for line, _ in lines] for lines in recased]
    # An article without a date of its own is read as of the latest year the others were published.
    input_year = max((int(a.published[:4]) for a in articles if a.published and a.published[:4].isdigit()), default=None)
    parsed = [
        _parse_article(article, doc, today, lines, input_year)
        for article, doc, lines in zip(articles, docs, headlines, strict=True)
    ]
    known = person_name_words(p.mentions for p in parsed)
    docs_mentions = [
        (p.article.id, find_known_names(doc, p.mentions, known)) for p, doc in zip(parsed, docs, strict=True)
    ]
    entities = resolve_entities(docs_mentions)
    index = MentionIndex(entities)

    quotes: list[Quote] = []
    for p in parsed:
        for found, found_speaker, as_of in zip(p.quotes, p.quote_speakers, p.quote_dates, strict=True):
            speaker = _attribution(p.article.id, found_speaker, index) if found_speaker is not None else None
            quotes.append(
                Quote(
                    id=f"Q{len(quotes) + 1}", source=p.article.id, text=found.text, start=found.start,
                    end=found.end, direct=found.direct, cue=found.cue, speaker=speaker, as_of=as_of,
                )
            )
    inside_quote = _QuoteIndex(q for q in quotes if q.direct and q.speaker is not None)

    claims: list[Claim] = []
    for p in parsed:
        for raw, speech, as_of, (claim_phase, event, dated), context, certainty in zip(
            p.raw_claims, p.speeches, p.claim_dates, p.claim_times, p.contexts, p.certainties, strict=True
        ):
            span = raw.span
            attribution = _attribution(p.article.id, speech, index) if speech else None
            inside = inside_quote.at(p.article.id, span.start_char)
            if inside is not None:
                attribution = inside.speaker  # a number inside a quote is the speaker's
            claims.append(
                Claim(
                    id=f"C{len(claims) + 1}",
                    source=p.article.id,
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    sentence=span.sent.text.strip(),
                    value=raw.value,
                    qualifier=raw.qualifier,
                    unit=raw.unit,
                    subject=raw.subject,
                    attributed_to=attribution,
                    as_of=as_of,
                    certainty=certainty,
                    kind=raw.kind,
                    state=raw.state,
                    group=raw.group.text if raw.group is not None else None,
                    phase=claim_phase,
                    event=event,
                    day_stated=dated,
                    context=context,
                )
            )
    # A time one of the articles is about is the story's, not another event's (a trial
    # reported in 2012 of a shooting in 2010, read beside the 2010 reports).
    inputs = [p.article for p in parsed]
    events = {c.event for c in claims if c.event}
    story = {event for event in events if within_story(event, inputs)}
    claims = [replace(c, event=None) if c.event in story else c for c in claims]
    claims, topic_claims, labels, keys = assign_topics(claims)
    by_id = {c.id: c for c in claims}
    credits = {p.article.id: wire_credit(p.article) for p in parsed}
    topics = []
    for topic_id, ids in topic_claims.items():
        members = [by_id[i] for i in ids]
        topics.append(
            build_topic(topic_id, labels[topic_id], members, tolerance, keys[topic_id], copy_groups(members, credits))
        )
    found_measures = [(p.article.id, m) for p in parsed for m in p.measures]
    measures = tuple(
        Measure(
            id=f"M{n}", source=source, text=m.span.text, start=m.span.start_char, end=m.span.end_char, value=m.value,
            qualifier=m.qualifier, kind=m.kind, unit=m.unit,
        )
        for n, (source, m) in enumerate(found_measures, start=1)
    )
    return Report(
        articles=tuple(p.article for p in parsed),
        entities=entities,
        claims=tuple(claims),
        topics=tuple(topics),
        quotes=tuple(quotes),
        dates=tuple(d for p in parsed for d in p.dates),
        measures=measures,
    )
