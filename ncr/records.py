"""The in-memory records every stage passes on: frozen dataclasses with provenance.

Each record names its source and a character span into that source's text as
read, so any output can be traced back to (and sliced out of) the original.
The wire format lives apart, in ``ncr.contract``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum
from operator import attrgetter
from typing import Any, TypeVar

_Record = TypeVar("_Record")
_LAYOUTS: dict[type, tuple[tuple[str, ...], Any]] = {}
_set = object.__setattr__


def replace(record: _Record, /, **changes: Any) -> _Record:
    """``dataclasses.replace`` for the frozen, slotted records here, about three times as
    fast: the fields are copied into a new instance in one go (reconciliation replaces
    every claim of a run a few times over, a million claims for a large one).

    No record has a ``__post_init__``; the fields changed are checked to be fields."""
    cls = type(record)
    layout = _LAYOUTS.get(cls)
    if layout is None:
        names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
        layout = _LAYOUTS[cls] = (names, attrgetter(*names) if len(names) > 1 else lambda r: (getattr(r, names[0]),))
    names, values_of = layout
    copy = object.__new__(cls)
    for name, value in zip(names, values_of(record)):
        _set(copy, name, value)
    for name, value in changes.items():
        if name not in names:
            raise TypeError(f"{cls.__name__} has no field {name!r}")
        _set(copy, name, value)
    return copy


class Qualifier(str, Enum):
    """How a number is hedged in the text."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"


class Status(str, Enum):
    """Whether the sources of a topic can all be right (``ncr.conflicts`` says how it is decided)."""

    CONFLICT = "conflict"  # two voices give incompatible figures for the same moment
    AGREE = "agree"  # every figure can hold at once, and two or more sources give one
    UPDATE = "update"  # figures differ only because a later one revises an earlier one
    SINGLE = "single"  # one source, nothing disagreeing


@dataclass(frozen=True, slots=True)
class Article:
    """One source text, decoded, with whatever metadata came with it."""

    id: str
    text: str
    path: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    outlet: str | None = None
    # Where ``published`` came from: "metadata" (JSONL), "option" (--published),
    # "html" (the page's metadata or URL), "dateline", "text" (a year the text
    # fixes; ``published`` itself stays None), or None.
    published_from: str | None = None
    year: int | None = None  # a year the text fixes when the publication date is unknown
    author: str | None = None
    # True when ``text`` was extracted from a web page (a file or a URL): the
    # JSON then carries the text, since offsets index it and not the page.
    extracted: bool = False


@dataclass(frozen=True, slots=True)
class Problem:
    """One input that could not be (fully) read; listed in the JSON and on stderr.

    ``skipped``: nothing of the input was read (else it was read, and
    ``reason`` says what was repaired, renamed or left out).
    """

    path: str
    reason: str
    skipped: bool = False

    @property
    def message(self) -> str:
        return f"skipped: {self.reason}" if self.skipped else self.reason


@dataclass(frozen=True, slots=True)
class Interval:
    """A normalised amount: the range the text allows and its best single value.

    ``None`` for ``low`` or ``high`` means open on that side.
    """

    low: float | None
    high: float | None
    estimate: float | None


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in a source."""

    source: str
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Merge:
    """Why two names were taken for one entity (``exact``, ``variant``, ``role``, ...)."""

    name: str
    other: str
    reason: str


@dataclass(frozen=True, slots=True)
class Metonym:
    """A capital or seat of government standing for its country ("the Kremlin" → Russia)."""

    country: str
    entity: str | None  # the country's entity id, when the input names the country


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, with every name it goes by."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[Mention, ...]
    merges: tuple[Merge, ...] = ()
    metonym_of: Metonym | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a claim or quote comes from, as written, and the entity it resolves to.

    ``refers_to``: for a pronoun ("she said"), the earlier speaker it stands for,
    as written there ("a spokeswoman for the port authority").
    """

    text: str
    entity: str | None = None
    refers_to: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and its normalised value (``None`` when unresolved)."""

    source: str
    text: str
    start: int
    end: int
    value: str | None
    grain: str | None


@dataclass(frozen=True, slots=True)
class Certainty:
    """How sure the text is of a claim: the hedging cues as written, and whether it is denied."""

    cues: tuple[str, ...]
    denied: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantitative claim: a count of something, as one source reports it."""

    id: str
    source: str
    text: str
    start: int
    end: int
    sentence: str
    value: Interval
    qualifier: Qualifier
    unit: str
    subject: str
    attributed_to: Attribution | None
    as_of: str | None
    topic: str | None = None
    certainty: Certainty | None = None  # None: stated plainly
    # Alignment features, kept for align/conflicts; not part of the wire format.
    kind: str = field(default="", compare=False)
    state: str | None = field(default=None, compare=False)
    group: str | None = field(default=None, compare=False)
    phase: int = field(default=0, compare=False)  # -1 superseded by the text, 0 current, 1 newest (extract.timing)
    event: str | None = field(default=None, compare=False)  # another event or a standing fact; None: the story's
    day_stated: bool = field(default=False, compare=False)  # as_of comes from a day its own clause names
    # it counts what one finished act involved ("five lifeboats were sent"): it holds for that act, not the report's day
    finished_act: bool = field(default=False, compare=False)
    context: frozenset[str] = field(default=frozenset(), compare=False)  # content words around it (extract.context)


@dataclass(frozen=True, slots=True)
class TopicKey:
    """Why claims share a topic: what is counted, what happened to it, whose, and which event."""

    counted: str  # the class of the counted noun ("people", "military personnel", "fire engines")
    state: str | None  # killed, injured, arrested, gathered, ... (None: nothing said)
    group: str | None  # whose or where ("North Korean"), as first written
    event: str | None  # None for the story's own event; a year or period, "earlier" or "standing" otherwise


@dataclass(frozen=True, slots=True)
class Camp:
    """Claims of a topic that can all be true at once, with who holds them."""

    low: float | None  # the amount range every claim of the camp allows (None: open)
    high: float | None
    claims: tuple[str, ...]
    speakers: tuple[str, ...]  # as written; "" for the outlet's own voice
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Topic:
    """Claims about one measured thing across sources, and whether they agree."""

    id: str
    label: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    status: Status
    low: float | None
    high: float | None
    conflicts: tuple[tuple[str, str], ...] = ()  # claim id pairs that cannot both hold (at most two per claim)
    key: TopicKey | None = None
    camps: tuple[Camp, ...] = ()
    updates: tuple[tuple[str, str], ...] = ()  # (earlier, later): a later figure revising an earlier one
    independent_sources: int = 0  # sources, counting once those that carry the same copy
    copies: tuple[tuple[str, ...], ...] = ()  # groups of sources that carry the same copy


@dataclass(frozen=True, slots=True)
class Quote:
    """Something a source reports a speaker said, verbatim or reported."""

    id: str
    source: str
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Attribution | None
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    """A number that is money, a share or a measure: not a count, but not thrown away."""

    id: str
    source: str
    text: str
    start: int
    end: int
    value: Interval
    qualifier: Qualifier
    kind: str  # "money", "percent" or "measure"
    unit: str  # as written: "$", "euros", "%", "megawatts"


@dataclass(frozen=True, slots=True)
class Report:
    """Everything ncr found in a set of articles."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    topics: tuple[Topic, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    measures: tuple[Measure, ...] = ()
    problems: tuple[Problem, ...] = ()  # inputs skipped, and repairs made while reading
