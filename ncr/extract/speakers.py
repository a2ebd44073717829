"""The speaker of a reporting cue, and the quote record both quote finders fill.

A cue's speaker is its subject ("Kim said"), its agent ("was told by Kim"),
a name the parser put after it ("said Kim"), the subject of the verb it
shares one with ("noted ... but insisted that"), or the nearest name before
a main verb left without one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import REPORT_NOUNS
from .attribution import speaker_span
from .spans import ents_in

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quote or reported statement in a doc, before speakers are resolved to entities."""

    start: int  # character offsets of the quoted text (without the marks) or of the content clause
    end: int
    text: str
    direct: bool
    cue: str | None
    speaker: Span | None


def speaker_of(cue: Token) -> Span | None:
    for child in cue.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return speaker_span(objects[0])
    for child in cue.children:
        if child.dep_ in _SUBJECTS and not child.is_punct:  # a stray "»" parsed as the subject
            if child.tag_ in {"WDT", "WP"} and cue.dep_ == "relcl":
                return speaker_span(cue.head)  # "the agency, which suggests ..."
            holder = next((g for g in child.children if g.dep_ == "poss"), None)
            if holder is not None and child.lemma_.lower() in REPORT_NOUNS:
                return speaker_span(holder)  # "Quill's view is that ...": Quill's
            return speaker_span(child)
    # "..., said Kim" parses Kim as an object after the verb now and then.
    after = [c for c in cue.rights if c.dep_ in {"dobj", "attr"} and c.ent_type_ == "PERSON"]
    if after:
        return speaker_span(after[0])
    # A verb sharing a subject with the one before it ("noted the worries but insisted that").
    if cue.dep_ in {"conj", "xcomp", "advcl"} and cue.head.i != cue.i:
        return speaker_of(cue.head)
    if cue.dep_ == "ROOT":
        return name_before(cue)
    return None


def name_before(verb: Token) -> Span | None:
    """A main verb the parser left without a subject ("X, the minister, expressed ..."
    parsed as an apposition): the nearest person or organisation named before it."""
    names = [e for e in ents_in(verb.sent) if e.end <= verb.i and e.label_ in {"PERSON", "ORG"}]
    if not names:
        return None
    nearest = names[-1]
    between = verb.doc[nearest.end : verb.i]
    if any(t.pos_ == "VERB" for t in between):
        return None  # another clause stands between the name and the verb
    return nearest


def governing_subject(start: Token) -> tuple[Token, Span] | None:
    """The nearest verb above ``start`` that has a subject, and that subject
    (a copula's subject is a topic, not a speaker: "the visit is "..."")."""
    node = start
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and node.lemma_ != "be":
            speaker = speaker_of(node)
            if speaker is not None:
                return node, speaker
    return None


def cue_words(cue: Token) -> str:
    """The cue as a reader names it: "pointed out", "called for", "view is"."""
    if cue.lemma_.lower() == "be":
        noun = next((c for c in cue.children if c.dep_ in _SUBJECTS and c.lemma_.lower() in REPORT_NOUNS), None)
        if noun is not None:
            return f"{noun.text} {cue.text}"
    after = [c.text for c in cue.children if c.dep_ == "prt" or (c.dep_ in {"prep", "mark"} and c.lower_ == "for")]
    after += [g.text for c in cue.rights if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark" and g.lower_ == "for"]
    return " ".join([cue.text, *after])


def negated(cue: Token) -> bool:
    """ "has not said", "never said": a verb that denies speech reports none."""
    return any(c.dep_ == "neg" for c in cue.children)
