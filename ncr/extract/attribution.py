"""Who a piece of text comes from: the speech cue above a token and its speaker.

Reads the dependency parse: from a token, climb towards the root until a
reporting verb ("said", "claims", "indicated", "pointed out") or an
"according to X" / "as stated by X" is found, and return its subject. The climb
stops at clause boundaries that leave the content clause (an adverbial or
relative clause), so the writer's own framing is not pinned on a speaker,
unless the whole sentence is reported: the boundary lies inside what a speaker
says, or the sentence ends ", X said." or has "according to X" on its main verb.
Quoting frames ("quoted by AP as saying", "quoted the governor as saying") give
the one quoted; an appositive fact and a number naming the speakers themselves
are nobody's claim.

It does not resolve pronouns or names to entities; callers do that with the
spans it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import ATTRIBUTION_BARRIERS, SPEECH_PHRASAL, SPEECH_VERBS

# Children of the speaker head that are not part of how the speaker is named.
_SPEAKER_DROP = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "prep", "advcl"})
# Prepositions that still name the speaker ("officials in the province", "a spokesman for the army").
_SPEAKER_PREPOSITIONS = frozenset({"of", "in", "at", "from", "for"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Verbs that report only with a content clause or an "at" figure; otherwise they do something else.
_SPEECH_WITH_CONTENT = frozenset({"put", "find", "show", "count", "place"})


@dataclass(frozen=True, slots=True)
class Speech:
    """A reporting cue and the span naming its speaker (None when unnamed)."""

    cue: Token
    cue_text: str
    speaker: Span | None


def is_speech_cue(token: Token) -> bool:
    """True for a verb that reports speech or belief ("said", "pointed out")."""
    if token.pos_ not in {"VERB", "AUX"} and token.dep_ != "ROOT":
        return False
    lemma = token.lemma_.lower()
    if lemma in SPEECH_VERBS:
        if lemma in _SPEECH_WITH_CONTENT:
            # "the study found that ...", "police put the toll at 12"; not "found him guilty", "put on a uniform".
            return any(
                (c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}) or (c.dep_ == "prep" and c.lower_ == "at")
                for c in token.children
            )
        return True
    particles = {child.lower_ for child in token.children if child.dep_ == "prt"}
    return any((lemma, particle) in SPEECH_PHRASAL for particle in particles)


def speaker_span(head: Token) -> Span:
    """The words that name a speaker: the head and its modifiers, without appositions or clauses.

    "Kim Hong-kyun, South Korea's vice foreign minister," gives "Kim Hong-kyun";
    "Seoul's intelligence agency" stays whole.
    """
    doc = head.doc
    if head.ent_type_ not in _NAMED:
        for child in head.children:
            # "The head of the team, Jane Roe, estimated": the name, not the description.
            if child.dep_ == "appos" and child.ent_type_ in _NAMED and doc[child.left_edge.i - 1].text == ",":
                return speaker_span(child)
    keep = [head]
    for child in head.children:
        glued_hyphen = child.dep_ == "punct" and child.text == "-" and not child.whitespace_
        named_apposition = child.dep_ == "appos" and doc[child.left_edge.i - 1].text != ","  # "the minister Lena Oster"
        kept_preposition = child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPOSITIONS
        if child.dep_ in _SPEAKER_DROP and not (kept_preposition or glued_hyphen or named_apposition):
            continue
        keep.extend(child.subtree)
    # A name the parser split ("Yoon Suk-Yeol" headed by "Yeol") is kept whole.
    for ent in doc.ents:
        if ent.start <= head.i < ent.end:
            keep.extend(ent)
    # The head plus its kept modifiers, as a contiguous run around the head.
    index_set = {t.i for t in keep}
    start = end = head.i
    # Contiguous around the head, and never past a comma: "X, the minister," names X.
    while start - 1 in index_set and doc[start - 1].text != ",":
        start -= 1
    while end + 1 in index_set and doc[end + 1].text != ",":
        end += 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start : end + 1]


def _speaker_of(cue: Token) -> Span | None:
    """The speaker of a reporting verb: its subject, or the agent of a passive.

    A reporting verb with no subject of its own inside a frame ("officials
    were quoted by AP as saying", "AP quoted the governor as saying") takes
    the one the frame reports: the object of the verb above it, else its
    passive subject.
    """
    if cue.lemma_.lower() == "quote":
        quoted = _quoted(cue)  # "X quoted Y as saying": Y speaks, X reports
        if quoted is not None:
            return quoted
    for child in cue.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return speaker_span(grandchild)
    for child in cue.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in _RELATIVE_PRONOUNS and cue.dep_ == "relcl":
                return speaker_span(cue.head)  # "the leader, who has admitted ...": the leader speaks
            return speaker_span(child)
    if cue.dep_ in {"advcl", "xcomp", "pcomp"} and cue.head.i != cue.i:
        frame = cue.head.head if cue.head.pos_ == "ADP" else cue.head  # past the "as" of "as saying"
        if frame.lemma_.lower() == "quote":
            return _quoted(frame)
    return None


def _quoted(frame: Token) -> Span | None:
    """Who a quoting frame reports: the object ("quoted the governor"), else the passive subject."""
    for dep in ("dobj", "nsubjpass"):
        for child in frame.children:
            if child.dep_ == dep and child.pos_ in {"NOUN", "PROPN", "PRON"}:
                return speaker_span(child)
    return None


def _according_to(token: Token) -> Span | None:
    """The X of an "according to X" attached to ``token``."""
    for child in token.children:
        if child.lower_ == "according" and child.dep_ == "prep":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return speaker_span(obj)
    return None


def _as_stated_by(token: Token) -> tuple[Token, Span] | None:
    """The cue and X of an "as stated by X" / "as reported by X" clause on ``token``."""
    for child in token.children:
        if child.dep_ == "advcl" and is_speech_cue(child) and any(c.lower_ == "as" for c in child.children):
            speaker = _speaker_of(child)
            if speaker is not None:
                return child, speaker
    return None


def _cue_text(cue: Token) -> str:
    particles = [child.text for child in cue.children if child.dep_ == "prt"]
    return " ".join([cue.text, *particles])


def find_speech(token: Token) -> Speech | None:
    """The nearest speech above ``token`` in its sentence, or None if it is the writer's own.

    A number that is part of how the speaker is named ("Two jurors who spoke
    said ...") is the writer's description of the speakers, not their claim.
    """
    speech = _nearest_speech(token)
    if speech is not None and speech.speaker is not None and speech.speaker.start <= token.i < speech.speaker.end:
        return None
    return speech


def _nearest_speech(token: Token) -> Speech | None:
    node = token
    while True:
        according = _according_to(node)
        if according is not None:
            return Speech(cue=node, cue_text="according to", speaker=according)
        if node.i != token.i and is_speech_cue(node):
            speaker = _speaker_of(node)
            # "X is alleged to ...", "it was reported that ...": a passive cue with no agent names
            # no one; a speaker further up ("Oppal said X is alleged to ...") still may.
            unnamed_passive = speaker is None and any(c.dep_ in {"auxpass", "nsubjpass"} for c in node.children)
            if speaker is not None or (node.lemma_.lower() != "accuse" and not unnamed_passive):
                return Speech(cue=node, cue_text=_cue_text(node), speaker=speaker)
        stated = _as_stated_by(node)
        if stated is not None:
            cue, speaker = stated
            return Speech(cue=cue, cue_text=_cue_text(cue), speaker=speaker)
        if node.dep_ == "appos":
            return None  # "Smallville, a town of 500,000, ...": background, not the speaker's
        if node.dep_ in ATTRIBUTION_BARRIERS or node.head.i == node.i:
            return _reported_clause(node) or _trailing_speech(token)
        node = node.head


def _reported_clause(node: Token) -> Speech | None:
    """The speech whose reported content holds ``node``'s clause, subordinate clauses and all.

    In "Police say that Gray was standing outside when he noticed two officers"
    the "when" clause is part of what police say; in "After 5 people died,
    police said ..." the clause hangs on "said" itself and is the writer's.
    """
    child = node
    for ancestor in node.ancestors:
        if is_speech_cue(ancestor) and child.dep_ in {"ccomp", "xcomp"}:
            speaker = _speaker_of(ancestor)
            if speaker is not None:
                return Speech(cue=ancestor, cue_text=_cue_text(ancestor), speaker=speaker)
            return None
        child = ancestor
    return None


def _trailing_speech(token: Token) -> Speech | None:
    """The "…, police said." that ends a sentence and so covers all of it, clauses included;
    likewise an "according to X" on the sentence's main verb, wherever it stands.

    A reporting verb that is the sentence's root, comes after ``token`` and
    has its subject after a comma ("Ten cables were cut after the storm hit,
    the operator said.") makes the whole sentence the speaker's.
    """
    root = token.sent.root
    according = _according_to(root)
    if according is not None:
        return Speech(cue=root, cue_text="according to", speaker=according)  # "..., according to X."
    if root.i <= token.i or not is_speech_cue(root):
        return None
    if any(c.dep_ == "ccomp" and c.i > root.i for c in root.children):
        return None  # "After 40 homes burned, the mayor said the town ...": what follows is what was said
    speaker = _speaker_of(root)
    if speaker is None or speaker.start < token.i:
        return None
    if not any(t.text == "," for t in token.doc[token.i : speaker.start]):
        return None
    return Speech(cue=root, cue_text=_cue_text(root), speaker=speaker)
