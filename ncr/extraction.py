"""Extraction: one article in, one ``ArticleRecord`` out; the parse is dropped as soon as it is read.

clean → nlp → extract (entities, dates, quantities, attribution, quotes) → record.
Each article is extracted on its own (what other articles say is used only in
reconciliation), so extraction can be cached, spread over processes and run on
other machines. Its only inputs besides the article are ``today`` (which bounds
the year a weekday date can fix, for an article with no date) and ``input_year``
(the latest publication year among the inputs, for an article with no year of
its own): ``extraction_inputs`` says which of them a record depends on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING

from .article_record import (
    ArticleRecord,
    FoundClaim,
    FoundMeasure,
    FoundQuote,
    NameCandidate,
    Speaker,
    SpeakerText,
    compact,
)
from .clean import mask_boilerplate
from .extract.antecedents import antecedent, is_pronoun, named_speakers
from .extract.described import described_person
from .extract.attribution import find_speech
from .extract.certainty import certainty_of
from .extract.context import local_context
from .extract.dates import FoundDate, date_of_clause, dateline, find_dates, text_anchor
from .extract.datetext import Anchor, published_anchor
from .extract.entities import find_mentions, name_candidates
from .extract.headlines import recased_headlines, with_headline_claims
from .extract.measures import find_measures
from .extract.phrases import number_phrases
from .extract.quantities import find_claims
from .extract.quotes import find_quotes
from .extract.spans import doc_ents
from .extract.timing import anchor_year_of, event_of, finished_act, months_of_days, past_date_in_phrase, phase, years_in
from .nlp import parse_texts
from .records import Article, DateMention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# Articles per batch handed to spaCy's nlp.pipe.
BATCH_SIZE = 32


def input_year_of(articles: Iterable[Article]) -> int | None:
    """The latest publication year among the inputs: the year an article without a date of its own is read in."""
    return max((int(a.published[:4]) for a in articles if a.published and a.published[:4].isdigit()), default=None)


def extract_articles(
    articles: Iterable[Article], nlp: Language, today: date, input_year: int | None, batch_size: int = BATCH_SIZE,
) -> Iterator[ArticleRecord]:
    """A record per article, in order; at most one batch of parses is alive at a time,
    and what spaCy learnt from it (strings, lexemes) is dropped with it. Records
    are compacted (``article_record.compact``): they are what a run holds."""
    articles = iter(articles)
    while batch := list(islice(articles, batch_size)):
        # Strings and lexemes spaCy adds for a batch are freed with it (a memory zone), so
        # the model's vocabulary does not grow with every article ever read.
        with nlp.memory_zone():
            docs = list(parse_texts(nlp, (mask_boilerplate(a.text) for a in batch), batch_size))
            # Title-case headlines that may hold a count are parsed again in sentence case, all in one batch.
            recased = [recased_headlines(doc) for doc in docs]
            line_docs = iter(nlp.pipe((text for lines in recased for _, text in lines), batch_size=batch_size))
            headlines = [[(line, next(line_docs)) for line, _ in lines] for lines in recased]
            records = [
                compact(extract_record(article, doc, today, lines, input_year))
                for article, doc, lines in zip(batch, docs, headlines, strict=True)
            ]
            del docs, headlines, recased, line_docs
        yield from records


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


def _speaker_text(span: Span) -> SpeakerText:
    root = span.root
    return SpeakerText(span.text, root.idx, root.idx + len(root.text), root.lower_, len(span))


def _speaker(span: Span | None, named: list[Span]) -> Speaker | None:
    """The speaker as written and, for a pronoun or a role description, the named speaker it stands for."""
    if span is None:
        return None
    earlier = antecedent(span, named) if is_pronoun(span) else described_person(span, named)
    return Speaker(_speaker_text(span), _speaker_text(earlier) if earlier is not None else None)


def extract_record(
    article: Article, doc: Doc, today: date, headlines: Sequence[tuple[Span, Doc]], input_year: int | None = None,
) -> ArticleRecord:
    """Everything reconciliation needs from one parsed article."""
    article, anchor = _anchor(article, doc, today)
    found_dates = find_dates(doc, anchor)
    phrases = list(number_phrases(doc))
    raw_claims = with_headline_claims(doc, find_claims(doc, phrases), headlines)
    named = named_speakers(doc)
    year = anchor_year_of(article.published, article.year, years_in(doc_ents(doc)), input_year)
    resolved = [(d.token_start, d.value) for d in found_dates if d.value]
    day_months = months_of_days([(d.text, d.grain) for d in found_dates]) if not article.published else frozenset()
    claims = []
    for raw in raw_claims:
        speech = find_speech(raw.span.root)
        clause_date = date_of_clause(range(raw.span.start, raw.span.end), found_dates, doc)
        stated_day = _day_of(clause_date)
        undated_past = past_date_in_phrase(raw.counted) and clause_date is None
        span = raw.span
        claims.append(
            FoundClaim(
                text=span.text, start=span.start_char, end=span.end_char, sentence=span.sent.text.strip(),
                value=raw.value, qualifier=raw.qualifier, unit=raw.unit, subject=raw.subject, kind=raw.kind,
                state=raw.state, group=raw.group.text if raw.group is not None else None,
                speaker=_speaker(speech.speaker, named) if speech is not None else None,
                as_of=stated_day or article.published,
                phase=phase(span, raw.counted, undated_past),
                event=event_of(span, raw.counted, year, article.published, resolved, day_months),
                day_stated=stated_day is not None,
                finished_act=finished_act(raw.counted),
                context=tuple(sorted(local_context(span, raw.counted))),
                certainty=certainty_of(span),
            )
        )
    quotes = []
    for quote in find_quotes(doc, named):
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        tokens = range(span.start, span.end) if span is not None else range(0)
        as_of = _as_of(tokens, found_dates, doc, article.published) if len(tokens) else article.published
        quotes.append(
            FoundQuote(quote.start, quote.end, quote.text, quote.direct, quote.cue, _speaker(quote.speaker, named), as_of)
        )
    measures = tuple(
        FoundMeasure(m.span.text, m.span.start_char, m.span.end_char, m.value, m.qualifier, m.kind, m.unit)
        for m in find_measures(doc, [raw.span for raw in raw_claims], phrases)
    )
    mentions = find_mentions(doc)
    return ArticleRecord(
        article=article,
        mentions=tuple(mentions),
        name_candidates=tuple(NameCandidate(*c) for c in name_candidates(doc, mentions)),
        claims=tuple(claims),
        quotes=tuple(quotes),
        dates=tuple(DateMention(article.id, d.text, d.start, d.end, d.value, d.grain) for d in found_dates),
        measures=measures,
    )
