"""The article record: everything reconciliation needs from one parsed article, and nothing of the parse.

Extraction (``ncr.extraction``) reduces each article's spaCy ``Doc`` to one
``ArticleRecord`` and drops the ``Doc``; reconciliation (``ncr.pipeline``) reads
records only. A record holds plain values (strings, numbers, character offsets
into the article's text), so it can be cached, written to disk and sent to
another process or machine (``to_dict`` / ``from_dict``, format
``RECORD_FORMAT``), and peak memory grows with the records, not the parses.
"""

from __future__ import annotations

import functools
import sys
import types
import typing
from dataclasses import dataclass, fields
from typing import Any

from .extract.entities import LocalMention, Role
from .records import Article, Certainty, DateMention, Interval, Qualifier

# Bump when extraction changes what it finds or how a record is laid out: cached records then rebuild.
RECORD_FORMAT = "ncr-record/1"


@dataclass(frozen=True, slots=True)
class SpeakerText:
    """A speaker span as written, with its head word (what entity lookup needs)."""

    text: str
    root_start: int  # character offsets of the head word
    root_end: int
    root_lower: str
    tokens: int  # how many tokens the span has


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as written and, for a pronoun or a role no one holds ("the pastor"), the named speaker it stands for."""

    span: SpeakerText
    refers_to: SpeakerText | None = None


@dataclass(frozen=True, slots=True)
class NameCandidate:
    """A capitalised name word no mention of its article covers, for names known
    only from other articles (``ncr.extract.entities.find_known_names``)."""

    token: int
    word: str  # normalised
    stop: int  # token index after the name that starts here
    start: int  # character offsets of the name (token:stop), a glued possessive removed
    end: int
    text: str
    end_one: int  # the same for the word alone (token:token+1)
    text_one: str


@dataclass(frozen=True, slots=True)
class FoundClaim:
    """A claim as one article states it, before ids, entities and topics."""

    text: str
    start: int
    end: int
    sentence: str
    value: Interval
    qualifier: Qualifier
    unit: str
    subject: str
    kind: str
    state: str | None
    group: str | None
    speaker: Speaker | None
    as_of: str | None
    phase: int
    event: str | None
    day_stated: bool
    finished_act: bool
    context: tuple[str, ...]  # sorted
    certainty: Certainty | None


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A direct quote or reported statement of one article, before speakers become entities."""

    start: int
    end: int
    text: str
    direct: bool
    cue: str | None
    speaker: Speaker | None
    as_of: str | None


@dataclass(frozen=True, slots=True)
class FoundMeasure:
    """Money, a share or a measure in one article (never a count)."""

    text: str
    start: int
    end: int
    value: Interval
    qualifier: Qualifier
    kind: str
    unit: str


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article, extracted."""

    article: Article  # with what the text fixed (a date line's day, a year)
    mentions: tuple[LocalMention, ...]
    name_candidates: tuple[NameCandidate, ...]
    claims: tuple[FoundClaim, ...]
    quotes: tuple[FoundQuote, ...]
    dates: tuple[DateMention, ...]
    measures: tuple[FoundMeasure, ...]


def compact(record: ArticleRecord) -> ArticleRecord:
    """The same record, its strings interned and its equal speakers one object: a run
    holds thousands of records whose words repeat ("said", "people", an entity
    label), a claim and its quote name the same speaker, and one string or speaker
    each would take more memory than the rest of the record."""
    return _compacted(record, {})


def _compacted(value: Any, speakers: dict[Any, Any]) -> Any:
    cls = type(value)
    values = []
    for name, action in _plan(cls):
        item = getattr(value, name)
        if item is None or action is _KEEP:
            pass
        elif action is _STR:
            item = sys.intern(item) if type(item) is str else item
        elif action is _STRS:
            item = tuple([sys.intern(v) if type(v) is str else v for v in item])
        elif action is _NESTED:
            item = _compacted(item, speakers)
        else:
            item = tuple([_compacted(v, speakers) for v in item])
        values.append(item)
    rebuilt = cls(*values)
    # Speakers hold strings and integers only, so equal ones are interchangeable.
    return speakers.setdefault(rebuilt, rebuilt) if cls is Speaker or cls is SpeakerText else rebuilt


# What compacting does to a field, by its annotation: a string or tuple of strings
# is interned, a record class or tuple of them compacted, anything else kept.
_KEEP, _STR, _STRS, _NESTED, _NESTEDS = "keep", "str", "strs", "nested", "nesteds"


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, str], ...]:
    """Each field of the record class ``cls`` with what compacting does to it (read once per class)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _action(hints[f.name])) for f in fields(cls))


def _action(hint: Any) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None) and a is not Ellipsis]
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return _action(args[0]) if len(args) == 1 else _KEEP
    if origin is tuple:
        inner = _action(args[0]) if len(args) == 1 else _KEEP
        return {_STR: _STRS, _NESTED: _NESTEDS}.get(inner, _KEEP)
    if hint is str:
        return _STR
    if _is_dataclass(hint) and any(action is not _KEEP for _, action in _plan(hint)):
        return _NESTED
    return _KEEP


# ---------------------------------------------------------------- plain data, both ways

def to_dict(record: ArticleRecord) -> dict[str, Any]:
    """The record as JSON-ready data (``from_dict`` gives it back, equal)."""
    return {"format": RECORD_FORMAT, **_plain(record)}


def from_dict(data: dict[str, Any]) -> ArticleRecord:
    """A record from ``to_dict``'s data; raises ``ValueError`` on anything else."""
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
        raise ValueError(f"not a {RECORD_FORMAT} record")
    try:
        return compact(_build(ArticleRecord, data))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"malformed {RECORD_FORMAT} record ({type(error).__name__}: {error})") from None


def _plain(value: Any) -> Any:
    cls = type(value)
    if cls is str or value is None or cls is int or cls is float or cls is bool:
        return value
    if cls is tuple or cls is list:
        return [_plain(v) for v in value]
    if _is_dataclass(cls):
        return {name: _plain(getattr(value, name)) for name, _ in _layout(cls)}
    if isinstance(value, Qualifier):
        return value.value
    return value


# What each field holds, for rebuilding: a dataclass, a tuple of one, or a plain value.
_TYPES: dict[tuple[type, str], Any] = {
    (ArticleRecord, "article"): Article,
    (ArticleRecord, "mentions"): (LocalMention,),
    (ArticleRecord, "name_candidates"): (NameCandidate,),
    (ArticleRecord, "claims"): (FoundClaim,),
    (ArticleRecord, "quotes"): (FoundQuote,),
    (ArticleRecord, "dates"): (DateMention,),
    (ArticleRecord, "measures"): (FoundMeasure,),
    (LocalMention, "roles"): (Role,),
    (LocalMention, "description"): (str,),
    (Role, "context"): (str,),
    (FoundClaim, "value"): Interval,
    (FoundClaim, "qualifier"): Qualifier,
    (FoundClaim, "speaker"): Speaker,
    (FoundClaim, "context"): (str,),
    (FoundClaim, "certainty"): Certainty,
    (Certainty, "cues"): (str,),
    (FoundQuote, "speaker"): Speaker,
    (FoundMeasure, "value"): Interval,
    (FoundMeasure, "qualifier"): Qualifier,
    (Speaker, "span"): SpeakerText,
    (Speaker, "refers_to"): SpeakerText,
}


_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


@functools.cache
def _is_dataclass(cls: type) -> bool:
    return hasattr(cls, "__dataclass_fields__")


def _layout(cls: type) -> tuple[tuple[str, Any], ...]:
    """The fields of ``cls`` with what each holds (looked up once per class)."""
    layout = _FIELDS.get(cls)
    if layout is None:
        layout = _FIELDS[cls] = tuple((f.name, _TYPES.get((cls, f.name))) for f in fields(cls))
    return layout


def _build(cls: type, data: dict[str, Any]) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} must be an object")
    values = {}
    for name, kind in _layout(cls):
        raw = data[name]
        if raw is None or kind is None:
            values[name] = raw
        elif kind is Qualifier:
            values[name] = Qualifier(raw)
        elif isinstance(kind, tuple):
            (item,) = kind
            if not isinstance(raw, list):
                raise TypeError(f"{cls.__name__}.{name} must be a list")
            values[name] = tuple(raw if item is str else (_build(item, v) for v in raw))
        else:
            values[name] = _build(kind, raw)
    return cls(**values)
