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

from ..lexicon import BUSINESS_WORDS, LEGAL_FORMS, ORG_TYPE_NOUNS, REPORT_NOUNS, ROLE_HEADS
from .attribution import CUE_LEMMAS, PERSON_NOUNS, according_to, cue_speaker, is_speech_cue, speaker_span
from .gender import pronoun_sex, sex_of, sex_of_noun
from .quotemarks import quoted_spans
from .spans import doc_text
from .tokens import token_table

_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})

# Pronouns a speaker can be, and which earlier speakers each can stand for.
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they"})
# Sentences back an antecedent is looked for.
ANTECEDENT_SENTENCES = 4


def named_speakers(doc: Doc) -> list[Span]:
    """The speaker of every reporting cue or "according to" of ``doc`` that is not a pronoun, in text order."""
    found: list[Span] = []
    tokens = token_table(doc)
    for i, (lower, lemma) in enumerate(zip(tokens.lower, tokens.lemma)):
        if lower == "according":
            speaker = according_to(doc[i].head)
        elif lemma.lower() in CUE_LEMMAS and (token := doc[i]).pos_ in {"VERB", "AUX"} and is_speech_cue(token):
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


def _titled_name(token: Token) -> bool:
    """A proper name after a person's title or a noun of one sex ("Mayor Ivar Tollen",
    "Mrs Roe"), whatever label the model gave it."""
    return token.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.i < token.i and (c.lower_ in ROLE_HEADS or sex_of_noun(c.text) is not None)
        for c in token.children
    )


def _person_shaped(token: Token) -> bool:
    """A name of two or three capitalised words with no word of a body's name ("Ann Roe",
    not "Harlow Foods"), in its longest form in the text ("Roe" after "Ann Roe"): a
    person's, whatever label the model gave it."""
    forms = [w for w in ([t for t in e if t.dep_ != "case" and not t.is_punct] for e in token.doc.ents)
             if w and w[-1].text == token.text]
    forms.append([c for c in token.lefts if c.dep_ == "compound"] + [token])
    words = max(forms, key=len)
    return (token.pos_ == "PROPN" and 2 <= len(words) <= 3
            and all(w.pos_ == "PROPN" and w.text[:1].isupper() and w.is_alpha for w in words)
            and not any(w.lower_ in _BODY_WORDS for w in words))


_BODY_WORDS = ORG_TYPE_NOUNS | BUSINESS_WORDS | LEGAL_FORMS


def _is_person(root: Token, loose: bool = False) -> bool:
    return (root.ent_type_ == "PERSON" or _person_surname(root) or _titled_name(root) or sex_of(root) is not None
            or (root.ent_type_ not in _NAMED and root.lemma_.lower() in ROLE_HEADS | PERSON_NOUNS)
            or (loose and _person_shaped(root)))


def _fits(pronoun: str, speaker: Span, loose: bool = False) -> bool:
    root = speaker.root
    plural = root.tag_ in {"NNS", "NNPS"}
    if pronoun in {"he", "she"}:
        sex = sex_of(root) if root.pos_ == "PROPN" else (sex_of_noun(root.lemma_) or sex_of_noun(root.text))
        return _is_person(root, loose) and not plural and sex in {None, pronoun_sex(pronoun)}
    person = _is_person(root)
    if pronoun == "it":
        return not person and not plural and root.pos_ in {"NOUN", "PROPN"}
    return plural or root.ent_type_ in {"ORG", "NORP"}  # "they": officials, the police, the company


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _quoted_before(i: int, pronoun: Span) -> bool:
    """Whether token ``i`` lies in a quotation opened earlier in the pronoun's sentence
    (“I'm sad that Ann is leaving,” she wrote: Ann is quoted, not the writer), or in any
    quotation of the text."""
    doc = pronoun.doc
    if _in_quotation(doc, doc[i].idx):
        return True
    sentence = pronoun.sent
    if not sentence.start <= i < pronoun.start:
        return False
    return sum(t.text in _QUOTE_MARKS for t in doc[sentence.start : i]) % 2 == 1


# Where a doc keeps the character spans of its quotations once found.
_QUOTED = "ncr.quoted_spans"


def _in_quotation(doc: Doc, char: int) -> bool:
    spans = doc.user_data.get(_QUOTED)
    if spans is None:
        spans = doc.user_data[_QUOTED] = quoted_spans(doc_text(doc))
    return any(s <= char < e for s, e in spans)


def _candidate(speaker: Span) -> Span:
    """Who a named speaker is as a person: the holder of "Pardo's view", else the speaker."""
    root = speaker.root
    holder = next((c for c in root.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if holder is None or root.lemma_.lower() not in REPORT_NOUNS:
        return speaker
    name = speaker_span(holder)
    end = name.end
    while end > name.start + 1 and name.doc[end - 1].dep_ == "case":
        end -= 1
    return name.doc[name.start : end]


def _subject(token: Token) -> Token:
    """A subject as the name it stands for: "who" of "Tal, who retires in May, ..." is Tal."""
    if token.lower_ == "who" and token.head.dep_ == "relcl":
        return token.head.head
    return token


def antecedent(pronoun: Span, named: list[Span], _depth: int = 2) -> Span | None:
    """The nearest earlier speaker a speaker pronoun ("she said", "it said") can stand for.

    Sentence by sentence back from the pronoun's, up to ``ANTECEDENT_SENTENCES``
    before it: the speakers of that sentence's reporting cues, then its named
    subjects (following a chain of the same pronoun back), nearest first; so the
    subject of the sentence just before ("Ann Roe welcomed the decision. ... she
    said") comes before a speaker further back. "he"/"she" need a person (a name
    or a role such as "a spokeswoman") the text does not give the other sex
    (``gender``), "it" a singular thing or body ("the statement", "the
    company"), "they" a plural or an organisation. Names inside quotation marks
    are the quoted speaker's words, never candidates. When no name the model
    took for a person fits "he"/"she", a second look accepts a name shaped like
    a person's that it labelled a body ("Ann Roe" read as an organisation).
    """
    word = pronoun.root.lower_
    found = _look_back(pronoun, named, word, _depth, loose=False)
    if found is None and word in {"he", "she"}:
        found = _look_back(pronoun, named, word, _depth, loose=True)
    return found


def _look_back(pronoun: Span, named: list[Span], word: str, depth: int, loose: bool) -> Span | None:
    """``antecedent``'s search, with ``loose`` the second look at names shaped like a person's."""
    doc = pronoun.doc
    sentence = pronoun.sent
    for _ in range(ANTECEDENT_SENTENCES + 1):
        end = min(sentence.end, pronoun.start)
        for speaker in reversed(named):
            if not sentence.start <= speaker.start < end:
                continue
            candidate = _candidate(speaker)
            if _fits(word, candidate, loose) and not _quoted_before(candidate.root.i, pronoun):
                return candidate
        for token in reversed(doc[sentence.start : end]):
            if token.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            name = _subject(token)
            if name.ent_type_ in _NAMED or (name.pos_ == "PROPN" and _is_person(name)):
                subject = speaker_span(name)
                if _fits(word, subject, loose) and not _quoted_before(name.i, pronoun):
                    return subject
            elif token.lower_ == word and depth > 0:
                return antecedent(doc[token.i : token.i + 1], named, depth - 1)
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    return None
