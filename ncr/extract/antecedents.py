"""Who a pronoun speaker is: "she said" read back to the earlier speaker it stands for.

The candidates are, sentence by sentence back from the pronoun's, the speakers
of that sentence's reporting cues, then its named subjects; "he"/"she" need a person (a
name, or a role such as "a spokeswoman"), "it" a singular thing or body, "they"
a plural or an organisation. A name quoted in the very quotation the pronoun
speaks ("'I am sorry Ann is leaving,' she wrote") is not who the pronoun is.
Resolving the speaker to an entity is ``ncr.speaker_entities``'s job.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import ROLE_HEADS
from .attribution import PERSON_NOUNS, according_to, cue_speaker, is_speech_cue, speaker_span

_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})

# Pronouns a speaker can be, and which earlier speakers each can stand for.
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they"})
# Nouns that say a person's sex, which "he" or "she" must not contradict.
_FEMALE = frozenset("spokeswoman woman mother daughter sister chairwoman congresswoman queen wife girl".split())
_MALE = frozenset("spokesman man father son brother chairman congressman king husband boy".split())
# Sentences back an antecedent is looked for.
ANTECEDENT_SENTENCES = 4


def named_speakers(doc: Doc) -> list[Span]:
    """The speaker of every reporting cue or "according to" of ``doc`` that is not a pronoun, in text order."""
    found: list[Span] = []
    for token in doc:
        if token.lower_ == "according":
            speaker = according_to(token.head)
        elif token.pos_ in {"VERB", "AUX"} and is_speech_cue(token):
            speaker = cue_speaker(token)
        else:
            continue
        if speaker is not None and not is_pronoun(speaker):
            found.append(speaker)
    return sorted(set(found), key=lambda s: (s.start, s.end))


def is_pronoun(speaker: Span) -> bool:
    return len(speaker) == 1 and speaker.root.lower_ in SPEAKER_PRONOUNS


def _person_surname(token: Token) -> bool:
    """A name the model labelled otherwise, though it ends a person's name given before
    ("Ann Kessel ... Kessel posted a letter", with "Kessel" read as an organisation)."""
    return token.pos_ == "PROPN" and any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == token.text
        for ent in token.doc.ents if ent.end <= token.i
    )


def _fits(pronoun: str, speaker: Span) -> bool:
    root = speaker.root
    person = root.ent_type_ == "PERSON" or _person_surname(root) or (
        root.ent_type_ not in _NAMED and root.lemma_.lower() in ROLE_HEADS | PERSON_NOUNS
    )
    plural = root.tag_ in {"NNS", "NNPS"}
    if pronoun in {"he", "she"}:
        other_sex = _MALE if pronoun == "she" else _FEMALE
        return person and not plural and root.lemma_.lower() not in other_sex and root.lower_ not in other_sex
    if pronoun == "it":
        return not person and not plural and root.pos_ in {"NOUN", "PROPN"}
    return plural or root.ent_type_ in {"ORG", "NORP"}  # "they": officials, the police, the company


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _quoted_before(i: int, pronoun: Span) -> bool:
    """Whether token ``i`` lies in a quotation opened earlier in the pronoun's sentence
    (“I'm sad that Ann is leaving,” she wrote: Ann is quoted, not the writer)."""
    sentence = pronoun.sent
    if not sentence.start <= i < pronoun.start:
        return False
    return sum(t.text in _QUOTE_MARKS for t in pronoun.doc[sentence.start : i]) % 2 == 1


def antecedent(pronoun: Span, named: list[Span], _depth: int = 2) -> Span | None:
    """The nearest earlier speaker a speaker pronoun ("she said", "it said") can stand for.

    Sentence by sentence back from the pronoun's, up to ``ANTECEDENT_SENTENCES``
    before it: the speakers of that sentence's reporting cues, then its named
    subjects (following a chain of the same pronoun back), nearest first; so the
    subject of the sentence just before ("Ann Roe welcomed the decision. ... she
    said") comes before a speaker further back. "he"/"she" need a person (a name
    or a role such as "a spokeswoman"), "it" a singular thing or body ("the
    statement", "the company"), "they" a plural or an organisation.
    """
    word = pronoun.root.lower_
    doc = pronoun.doc
    sentence = pronoun.sent
    for _ in range(ANTECEDENT_SENTENCES + 1):
        end = min(sentence.end, pronoun.start)
        for speaker in reversed(named):
            if sentence.start <= speaker.start < end and _fits(word, speaker) and not _quoted_before(speaker.start, pronoun):
                return speaker
        for token in reversed(doc[sentence.start : end]):
            if token.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if token.ent_type_ in _NAMED:
                subject = speaker_span(token)
                if _fits(word, subject) and not _quoted_before(token.i, pronoun):
                    return subject
            elif token.lower_ == word and _depth > 0:
                return antecedent(doc[token.i : token.i + 1], named, _depth - 1)
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    return None
