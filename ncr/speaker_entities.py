"""Speakers resolved to entities: a name, a pronoun, or a description of a body or a person.

A speaker as written ("Kirby", "he", "the company", "the agency", "its
chief executive") is looked up among the entities mentioned in its article:

- a name, or what covers it, is that entity;
- "he" / "she" is the nearest person mentioned before it; "it" / "they" the
  nearest organisation (an earlier speaker the pronoun stands for, when the
  extractor found one, comes first);
- "the company", "the firm", "the organization" ... (a word for any business or
  body) is the organisation mentioned most before it (the nearest of those tied):
  the one the article has been about; "the agency", "the police", "the
  union" ... is the nearest organisation whose name holds that word ("the
  Food Standards Agency");
- "the spokesman", "its chief executive" ... is the one person of the article
  whose role holds that word;
- "a statement from the ministry", "a report by the agency": whoever is named
  inside it issued the document.

Nothing is guessed beyond these: a description that fits nothing stays as written.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from .article_record import Speaker, SpeakerText
from .extract.entities import PRONOUNS
from .lexicon import DOCUMENT_NOUNS, ROLE_HEADS
from .names import normalise_name
from .records import Attribution, Entity

# Pronouns that stand for an organisation in news ("it said", "they said" of a company).
ORGANISATION_PRONOUNS = frozenset({"it", "its", "they", "their"})
# Words for any business: "the company" is the organisation the article is about.
BUSINESS_DESCRIPTIONS = frozenset(
    """company firm carrier airline maker manufacturer automaker carmaker retailer giant
    group corporation conglomerate operator business insurer lender organization
    organisation alliance""".split()
)

_PEOPLE = frozenset({"PERSON"})
_ORGANISATIONS = frozenset({"ORG"})
# Who can issue a document a speaker names: "a statement from the ministry".
_SOURCES = frozenset({"PERSON", "ORG", "GPE"})
# Descriptions of a person by what they do that roles do not list.
_PERSON_DESCRIPTIONS = frozenset({"rep", "representative", "publicist", "pastor", "owner", "founder", "executive", "officer"})


class MentionIndex:
    """Which entity a character range of a source belongs to, by binary search."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans: dict[str, list[tuple[int, int, str, str]]] = {}
        for entity in entities:
            for mention in entity.mentions:
                spans.setdefault(mention.source, []).append((mention.start, mention.end, entity.id, entity.label))
        self._spans = {source: sorted(items) for source, items in spans.items()}
        self._starts = {source: [s[0] for s in items] for source, items in self._spans.items()}
        self._words, self._role_words = entity_words(entities)
        self._labels = {e.id: e.label for e in entities}

    def label_of(self, entity_id: str) -> str:
        return self._labels[entity_id]

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

    def last_before(
        self, source: str, offset: int, labels: frozenset[str], named: str | None = None,
        named_like: Callable[[str], bool] | None = None,
    ) -> str | None:
        """The entity id of the nearest mention before ``offset`` with one of ``labels``
        (and, with ``named``, whose entity's names hold that word; with ``named_like``, a
        word that passes it)."""
        items = self._spans.get(source, [])
        index = bisect_right(self._starts.get(source, []), offset) - 1
        while index >= 0:
            m_start, m_end, entity_id, label = items[index]
            words = self._words.get(entity_id, ())
            if (label in labels and m_end <= offset and (named is None or named in words)
                    and (named_like is None or any(named_like(w) for w in words))):
                return entity_id
            index -= 1
        return None

    def most_before(self, source: str, offset: int, labels: frozenset[str]) -> str | None:
        """The entity id with one of ``labels`` mentioned most often before ``offset`` (the
        nearest of those tied): "the company" is the one the article has been about."""
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        for m_start, m_end, entity_id, label in self._spans.get(source, []):
            if m_end > offset:
                break
            if label in labels:
                counts[entity_id] = counts.get(entity_id, 0) + 1
                last[entity_id] = m_start
        return max(counts, key=lambda e: (counts[e], last[e])) if counts else None

    def first_within(self, source: str, start: int, end: int) -> str | None:
        """The entity id of the first person or organisation mentioned inside ``start:end``."""
        items = self._spans.get(source, [])
        index = bisect_right(self._starts.get(source, []), start - 1)
        while index < len(items) and items[index][0] < end:
            m_start, m_end, entity_id, label = items[index]
            if m_start >= start and m_end <= end and label in _SOURCES:
                return entity_id
            index += 1
        return None

    def people_with_role(self, source: str, word: str) -> set[str]:
        """The people mentioned in ``source`` whose roles hold ``word``."""
        return {
            entity_id for _, _, entity_id, label in self._spans.get(source, [])
            if label == "PERSON" and word in self._role_words.get(entity_id, ())
        }


def resolve_speaker(source: str, speaker: Speaker, index: MentionIndex) -> Attribution:
    """The speaker as written, resolved to an entity (see the module docstring)."""
    span, earlier = speaker.span, speaker.refers_to
    if span.tokens == 1 and span.root_lower in {"it", "its"} and earlier is not None:
        said_by = index.covering(source, earlier.root_start, earlier.root_end)
        if said_by is not None and index.label_of(said_by) == "PERSON":
            earlier = None  # "it" is a body, whatever person came before
    named = earlier if earlier is not None else span
    entity = index.covering(source, named.root_start, named.root_end)
    if entity is None and earlier is not None and span.root_lower in {"he", "she"} and earlier.text[:1].isupper():
        # "Kessel posted a letter ... she wrote", the model taking "Kessel" for no person: the
        # person named so before it.
        entity = index.last_before(source, earlier.root_end, _PEOPLE, named=normalise_name(earlier.root_lower))
    if entity is None and named.root_lower in DOCUMENT_NOUNS:
        entity = index.first_within(source, named.root_end, _end_of(named))
    if entity is None:
        entity = _by_description(source, named.text, named.root_lower, named.root_start, named.tokens, index)
    return Attribution(text=span.text, entity=entity, refers_to=earlier.text if earlier is not None else None)


def _end_of(speaker: SpeakerText) -> int:
    """Where a speaker span ends, from its head word's place in its text."""
    head = speaker.text.lower().find(speaker.root_lower)
    return speaker.root_start + len(speaker.text) - max(head, 0)


def _by_description(source: str, text: str, head: str, offset: int, tokens: int, index: MentionIndex) -> str | None:
    """The entity a pronoun or a description stands for, by the rules of the module docstring."""
    if tokens == 1 and head in PRONOUNS:
        return index.last_before(source, offset, _PEOPLE)
    if tokens == 1 and head in ORGANISATION_PRONOUNS:
        return index.last_before(source, offset, _ORGANISATIONS)
    if head in BUSINESS_DESCRIPTIONS:
        return index.most_before(source, offset, _ORGANISATIONS)
    if head in POLICE_WORDS:  # "police said", "cops say": the police force the article names
        return index.last_before(source, offset, _ORGANISATIONS, named="police") or index.last_before(
            source, offset, _ORGANISATIONS, named_like=_police_acronym
        )
    holders = index.people_with_role(source, head) if head in ROLE_HEADS or head in _PERSON_DESCRIPTIONS else set()
    if len(holders) == 1:
        return holders.pop()
    if tokens > 1 or text[:1].isupper() or head.endswith("s"):
        return index.last_before(source, offset, _ORGANISATIONS, named=_singular(head))
    return None


# Speakers that are the police of the story, whatever the force is called.
POLICE_WORDS = frozenset({"police", "cops", "cop"})


def _police_acronym(word: str) -> bool:
    """ "HCPD", "KCPD": a force named by its city's letters and "PD" (police department)."""
    return 3 <= len(word) <= 6 and word.endswith("pd") and word.isalpha()


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def entity_words(entities: Sequence[Entity]) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each entity's name words and role words, for looking descriptions up."""
    names = {e.id: frozenset(w for alias in (e.name, *e.aliases) for w in normalise_name(alias).split()) for e in entities}
    roles = {e.id: frozenset(w for title in e.roles for w in normalise_name(title).split()) for e in entities}
    return names, roles
