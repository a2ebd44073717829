"""Who a speaker described only by a role is, when no one in the text holds that role.

"Kessel said the ferry was late. ... The captain said the engine needed
parts": if the article gives no one the role "captain", the description is the
person who spoke just before it; a lede's "a spokeswoman says ..." is the person
named as a speaker just after it ("Mirja Solberg said ..."). Only a
person with no role of their own on record is taken (a "police chief Ode" is
no captain), only within ``_SENTENCES`` sentences, the speaker before first.
A role someone holds in the text ("spokesman Casimir Brannagh") is left to
``ncr.speaker_entities``, which finds its holder.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lexicon import ROLE_HEADS
from .entities import find_roles

# Sentences before (then after) a description its person is looked for in.
_SENTENCES = 2
# Where a doc keeps its role words and role holders once found.
_ROLES = "ncr.role_holders"
_LABELS = frozenset({"PERSON"})


def _roles(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """The role words the text gives anyone, and the last words of the names that hold a role."""
    found = doc.user_data.get(_ROLES)
    if found is None:
        roles = find_roles(doc)
        words = frozenset(w for _, _, role in roles for w in role.role.split())
        holders = frozenset(doc[end - 1].lower_ for _, end, _ in roles)
        found = doc.user_data[_ROLES] = (words, holders)
    return found


def is_role_description(speaker: Span) -> bool:
    """A singular description by a role with no name in it ("the captain", "a spokeswoman")."""
    root = speaker.root
    return (root.pos_ == "NOUN" and root.tag_ == "NN" and root.lemma_.lower() in ROLE_HEADS
            and not any(t.ent_type_ or t.pos_ == "PROPN" for t in speaker))


def described_person(speaker: Span, named: list[Span]) -> Span | None:
    """The named person a role description stands for (module docstring), or None."""
    if not is_role_description(speaker):
        return None
    doc = speaker.doc
    role_words, holders = _roles(doc)
    if speaker.root.lemma_.lower() in role_words:
        return None
    sentences = list(doc.sents)
    at = next(i for i, s in enumerate(sentences) if s.start <= speaker.start < s.end)
    people = [s for s in named if s.root.ent_type_ in _LABELS and s.root.lower_ not in holders]
    before = [s for s in people if sentences[max(0, at - _SENTENCES)].start <= s.start < speaker.start]
    if before:
        return before[-1]
    last = sentences[min(len(sentences) - 1, at + _SENTENCES)].end
    after = [s for s in people if speaker.end <= s.start < last]
    return after[0] if after else None
