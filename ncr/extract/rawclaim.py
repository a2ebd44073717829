"""The claim one extractor hands another: a count found in a doc, still tied to its tokens."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..records import Interval, Qualifier


@dataclass(frozen=True, slots=True)
class RawClaim:
    """A claim as found in one doc, before ids, attribution and topics are assigned."""

    span: Span  # the number phrase with its hedge
    counted: Token  # the head noun of what is counted
    value: Interval
    qualifier: Qualifier
    unit: str
    subject: str
    kind: str
    state: str | None
    group: Span | None  # who the counted things belong to ("North Korean", "Russia's")
