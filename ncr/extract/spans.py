"""Fast lookups on a parsed ``Doc``: its text and named entities, built once per doc.

spaCy rebuilds ``Doc.text`` by joining every token, and ``Doc.ents`` /
``Span.ents`` by making a span for every entity of the doc, on each access.
Called once per claim, quote or date, that makes extraction quadratic in an
article's length (a long article with thousands of claims took minutes). These
helpers build the text and the entity list once, keep them in the doc's
``user_data``, and answer "which entities lie in this span" by binary search.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TEXT = "ncr.text"
_ENTS = "ncr.ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep ``text``, the string ``doc`` was parsed from, as its text: spaCy's tokenizer
    keeps every character, so they are equal (checked at the last token), and
    ``doc_text`` then need not join every token of the doc."""
    last = doc[-1] if len(doc) else None
    if last is None or (last.idx + len(last.text_with_ws) == len(text) and text.startswith(last.text, last.idx)):
        doc.user_data[_TEXT] = text
    return doc


def _ents(doc: Doc) -> tuple[tuple[int, ...], tuple[Span, ...]]:
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS] = (tuple(e.start for e in ents), ents)
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once."""
    return _ents(doc)[1]


def ents_in(span: Span) -> tuple[Span, ...]:
    """The entities that lie wholly inside ``span`` (what ``span.ents`` gives), by bisection."""
    starts, ents = _ents(span.doc)
    first = bisect_left(starts, span.start)
    last = bisect_left(starts, span.end, lo=first)
    return tuple(e for e in ents[first:last] if e.end <= span.end)


def ent_covering(token: Token) -> Span | None:
    """The entity holding ``token``, if any."""
    starts, ents = _ents(token.doc)
    index = bisect_left(starts, token.i + 1) - 1
    if index >= 0 and ents[index].start <= token.i < ents[index].end:
        return ents[index]
    return None
