"""Headlines: title-case lines read as the sentences they are.

The parser is trained on running text; a title-case line ("Gunman Kills 3
Students In Campus Attack") reads to it as one long name, so the
counts in it are lost. Each such line is parsed once more in sentence case and
the claims found there are mapped back onto the article's own tokens. Callers
parse the recased lines of all their docs in one batch (``recased_headlines``).

Sentence case is decided by the article itself: a capitalised word of the
headline keeps its capital only when the article's running text capitalises it
inside a sentence too (a name: "Dunmore", "Varga"); every other word is lowered
("Kills" → "kills"). Lowering keeps every offset (a word whose lower case has
another length is left as is).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from .lines import names_in_running_text, title_lines_of
from .numbers import VAGUE_PLURALS
from .quantities import find_claims
from .rawclaim import RawClaim


def _may_count(token: Token) -> bool:
    """True for a token a count can start with: a headline without one is not parsed again."""
    return token.like_num or token.lower_ in VAGUE_PLURALS or token.lower_ in {"half", "dozen", "dozens"}


def sentence_case(line: Span, names: frozenset[str]) -> str:
    """The line with every word but the first and the names lowered."""
    text = line.text
    chars = list(text)
    for token in line[1:]:
        lowered = token.text.lower()
        if token.is_alpha and lowered != token.text and lowered not in names and len(lowered) == len(token.text):
            start = token.idx - line.start_char
            chars[start : start + len(lowered)] = lowered
    return "".join(chars)


def recased_headlines(doc: Doc) -> list[tuple[Span, str]]:
    """The title-case lines of ``doc`` that may hold a count, each with its sentence-cased text
    (lines sentence case leaves unchanged are left out), for the caller to parse in one batch."""
    title_lines = title_lines_of(doc)
    lines = [line for line in title_lines if any(_may_count(t) for t in line)]
    if not lines:
        return []
    names = names_in_running_text(doc, title_lines)
    recased = [(line, sentence_case(line, names)) for line in lines]
    return [(line, text) for line, text in recased if text != line.text]


def _onto(doc: Doc, line: Span, raw: RawClaim) -> RawClaim | None:
    """``raw``, found in a line's own doc, with its span and counted token on ``doc``."""
    offset = line.start_char
    span = doc.char_span(offset + raw.span.start_char, offset + raw.span.end_char, alignment_mode="expand")
    counted = doc.char_span(offset + raw.counted.idx, offset + raw.counted.idx + len(raw.counted), alignment_mode="expand")
    if span is None or counted is None or not len(counted):
        return None
    return RawClaim(
        span=span, counted=counted[0], value=raw.value, qualifier=raw.qualifier, unit=raw.unit, subject=raw.subject,
        kind=raw.kind, state=raw.state, group=None if raw.group is None else doc.char_span(
            offset + raw.group.start_char, offset + raw.group.end_char, alignment_mode="expand"
        ),
    )


def with_headline_claims(doc: Doc, claims: list[RawClaim], parsed_lines: Sequence[tuple[Span, Doc]]) -> list[RawClaim]:
    """``claims`` with those of each title-case line replaced by the claims of its sentence-cased
    reading (``parsed_lines``: each line of ``recased_headlines`` with its parsed text), on ``doc``'s tokens."""
    if not parsed_lines:
        return claims
    ranges = [(line.start, line.end) for line, _ in parsed_lines]
    kept = [c for c in claims if not any(start <= c.span.start < end for start, end in ranges)]
    found = [claim for line, line_doc in parsed_lines for raw in find_claims(line_doc) if (claim := _onto(doc, line, raw))]
    return sorted(kept + found, key=lambda c: c.span.start)
