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

A pronoun speaker ("she said", "it said") is read back to the earlier speaker
it stands for by ``extract.antecedents``; resolving names to entities is the
callers' job.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.strings import hash_string
from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from ..lexicon import (
    DOCUMENT_NOUNS,
    FINDING_NOUNS,
    FRAMING_VERBS,
    MEASURE_NOUNS,
    REVISING_VERBS,
    ATTRIBUTION_BARRIERS,
    REPORT_NOUNS,
    ROLE_HEADS,
    SPEECH_PHRASAL,
    SPEECH_VERBS,
)
from .entities import entity_at

# Tested for every token of every article (``is_speech_cue``): the numbers, not the strings,
# of the parts of speech of a verb and of the root label.
_VERB_POS = frozenset({VERB, AUX})
_ROOT = hash_string("ROOT")

# Children of the speaker head that are not part of how the speaker is named.
_SPEAKER_DROP = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "prep", "advcl"})
# Prepositions that still name the speaker ("officials in the province", "a spokesman for the army").
_SPEAKER_PREPOSITIONS = frozenset({"of", "in", "at", "from", "for"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Verbs that report only with a content clause or an "at" figure; otherwise they do something else.
_SPEECH_WITH_CONTENT = frozenset({"put", "find", "show", "count", "place"}) | REVISING_VERBS


# Common nouns that name a person as a speaker ("a spokeswoman", "the official").
PERSON_NOUNS = frozenset(
    """official officer witness source resident doctor lawyer neighbour neighbor man woman
    worker employee victim survivor friend relative mother father son daughter brother sister""".split()
)
# Verbs that report only with a particle ("point out", "make clear").
_PHRASAL_LEMMAS = frozenset(lemma for lemma, _ in SPEECH_PHRASAL)
# Every lemma ``is_speech_cue`` can accept: scans test this first, a set lookup, before the parse.
CUE_LEMMAS = frozenset({"be"} | SPEECH_VERBS | REVISING_VERBS | _PHRASAL_LEMMAS)


@dataclass(frozen=True, slots=True)
class Speech:
    """A reporting cue and the span naming its speaker (None when unnamed)."""

    cue: Token
    cue_text: str
    speaker: Span | None


def is_speech_cue(token: Token) -> bool:
    """True for a verb that reports speech or belief ("said", "pointed out"), or a report
    noun's "is that" ("Reports are that ...", "the police's estimate is that ...")."""
    if token.pos not in _VERB_POS and token.dep != _ROOT:
        return False
    lemma = token.lemma_.lower()
    if lemma == "be":
        return any(c.dep_ == "ccomp" for c in token.children) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in REPORT_NOUNS for c in token.children
        )
    if lemma in SPEECH_VERBS or lemma in REVISING_VERBS:
        if lemma in _SPEECH_WITH_CONTENT:
            # "the study found that ...", "police put the toll at 12"; not "found him guilty", "put on a uniform".
            return any(
                (c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}) or (c.dep_ == "prep" and c.lower_ == "at")
                or (c.dep_ == "dobj" and _counted_object(lemma, c))
                for c in token.children
            )
        return True
    if lemma not in _PHRASAL_LEMMAS:
        return False
    particles = {child.lower_ for child in token.children if child.dep_ == "prt"}
    return any((lemma, particle) in SPEECH_PHRASAL for particle in particles)


def _counted_object(lemma: str, obj: Token) -> bool:
    """True when a verb's object is a count its subject gives: "police counted 900 (marchers)",
    "a survey found 300 (homes)", "the board puts the number of pupils who ... at 40" (the
    "at" hung inside the object), "stewards revised their count ... to 4,000"."""
    counted = obj.like_num or any(c.dep_ == "nummod" for c in obj.children)
    if lemma == "count":
        return counted
    if lemma in {"find", "show"}:
        subject = next((c for c in obj.head.children if c.dep_ == "nsubj"), None)
        return counted and subject is not None and subject.lemma_.lower() in FINDING_NOUNS
    if lemma in REVISING_VERBS:
        verb = obj.head
        return obj.lemma_.lower() in MEASURE_NOUNS and any(t.dep_ == "prep" and t.lower_ == "to" for t in verb.subtree)
    return obj.lemma_.lower() in MEASURE_NOUNS and any(t.dep_ == "prep" and t.lower_ == "at" for t in obj.subtree)


def speaker_span(head: Token) -> Span:
    """The words that name a speaker: the head and its modifiers, without appositions or clauses.

    "Lena Oster, Norway's deputy health minister," gives "Lena Oster";
    "Oslo's health agency" stays whole.
    """
    doc = head.doc
    if head.ent_type_ not in _NAMED:
        for child in head.children:
            # "The head of the team, Jane Roe, estimated": the name, not the description.
            if child.dep_ == "appos" and child.ent_type_ in _NAMED and doc[child.left_edge.i - 1].text == ",":
                return speaker_span(child)
    keep = [head]
    # A document keeps who issued it: "a survey by the institute", "a report published by the board".
    document = head.lemma_.lower() in DOCUMENT_NOUNS
    for child in head.children:
        glued_hyphen = child.dep_ == "punct" and child.text == "-" and not child.whitespace_
        named_apposition = child.dep_ == "appos" and doc[child.left_edge.i - 1].text != ","  # "the minister Lena Oster"
        kept_preposition = child.dep_ == "prep" and (child.lower_ in _SPEAKER_PREPOSITIONS or (document and child.lower_ == "by"))
        if document and child.dep_ == "acl" and any(c.dep_ == "agent" for c in child.children):
            keep.extend(child.subtree)
            continue
        if child.dep_ in _SPEAKER_DROP and not (kept_preposition or glued_hyphen or named_apposition):
            continue
        keep.extend(child.subtree)
    # A name the parser split ("Yoon Suk-Yeol" headed by "Yeol") is kept whole.
    entity = entity_at(doc, head.i)
    if entity is not None:
        keep.extend(entity)
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


def cue_speaker(cue: Token) -> Span | None:
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
    # Of two subjects the parser hung on one verb ("the guards fired 11 shots — the report
    # showed that ..."), the one nearest before the verb is its own.
    subjects = sorted((c for c in cue.children if c.dep_ in ("nsubj", "csubj")), key=lambda c: (c.i > cue.i, -c.i))
    for child in subjects[:1]:
        if child.lower_ in _RELATIVE_PRONOUNS and cue.dep_ == "relcl":
            return speaker_span(cue.head)  # "the leader, who has admitted ...": the leader speaks
        return speaker_span(_finding_author(child))
    if cue.dep_ in {"advcl", "xcomp", "pcomp"} and cue.head.i != cue.i:
        frame = cue.head.head if cue.head.pos_ == "ADP" else cue.head  # past the "as" of "as saying"
        if frame.lemma_.lower() == "quote":
            return _quoted(frame)
    # "The minister cancelled the visit, noting that ...", "police issued a statement saying ...":
    # a participle with no subject of its own speaks for the subject of the clause it hangs on.
    governing = cue.head.head if cue.dep_ == "acl" and cue.head.dep_ in {"dobj", "attr"} else cue.head
    if cue.dep_ in {"advcl", "acl"} and cue.tag_ == "VBG" and governing.pos_ in {"VERB", "AUX"}:
        for child in governing.children:
            if child.dep_ == "nsubj" and child.lower_ not in _RELATIVE_PRONOUNS:
                return speaker_span(child)
    return None


def _finding_author(subject: Token) -> Token:
    """Who made a count or study the sentence cites: "a count by Crowdwatch found 900"
    is Crowdwatch's figure; a finding with no author named is its own source."""
    if subject.lemma_.lower() in FINDING_NOUNS:
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ == "by":
                author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if author is not None:
                    return author
    return subject


def _quoted(frame: Token) -> Span | None:
    """Who a quoting frame reports: the object ("quoted the governor"), else the passive subject."""
    for dep in ("dobj", "nsubjpass"):
        for child in frame.children:
            if child.dep_ == dep and child.pos_ in {"NOUN", "PROPN", "PRON"}:
                return speaker_span(child)
    return None


def according_to(token: Token) -> Span | None:
    """The X of an "according to X" attached to ``token``."""
    for child in token.children:
        if child.lower_ == "according" and child.dep_ == "prep":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return speaker_span(obj)
    return None


def _as_stated_by(token: Token, number: Token | None = None) -> tuple[Token, Span] | None:
    """The cue and X of an "as stated by X" / "as reported by X" clause on ``token``.

    A clause right after another figure is that figure's, not ``number``'s: in
    "carrying 61 passengers, not 68 as the firm first said" the firm said 68.
    """
    for child in token.children:
        if child.dep_ != "advcl" or not is_speech_cue(child):
            continue
        mark = next((c for c in child.children if c.lower_ == "as"), None)
        if mark is None or _figure_before(mark) not in (None, getattr(number, "i", None)):
            continue
        speaker = cue_speaker(child)
        if speaker is not None:
            return child, speaker
    return None


def _as_stated_after(number: Token) -> Speech | None:
    """The speech of an "as X said" clause right after ``number``, wherever the parser hung
    it: "not 68 as the firm first said" is the firm's figure."""
    doc = number.doc
    for i in (number.i + 1, number.i + 2):
        if i < len(doc) and doc[i].lower_ == "as" and doc[i].dep_ == "mark" and _figure_before(doc[i]) == number.i:
            cue = doc[i].head
            speaker = cue_speaker(cue) if is_speech_cue(cue) else None
            return Speech(cue=cue, cue_text=_cue_text(cue), speaker=speaker) if speaker is not None else None
    return None


def _figure_before(mark: Token) -> int | None:
    """Where the number just before an "as" is ("68 as the firm said", "68 people as ..."), if any."""
    doc = mark.doc
    i = mark.i - 1
    if i >= 0 and doc[i].pos_ == "NOUN":
        i -= 1
    return i if i >= 0 and doc[i].like_num else None


def _aside(token: Token) -> tuple[Token, Span] | None:
    """The cue and X of an ", X said," set off by commas inside ``token``'s clause
    ("after which, the police said, 30 people were held"): the clause is X's."""
    doc = token.doc
    for child in token.children:
        if child.dep_ != "parataxis" or not is_speech_cue(child) or any(c.dep_ == "ccomp" for c in child.children):
            continue
        left, right = child.left_edge.i, child.right_edge.i
        if left > 0 and doc[left - 1].text == "," or doc[right].text == ",":
            speaker = cue_speaker(child)
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
    speech = _nearest_speech(token) or _introduced(token) or _credited_after(token) or _final_credit(token)
    if speech is not None and speech.speaker is not None and speech.speaker.start <= token.i < speech.speaker.end:
        return None
    return speech


def _nearest_speech(token: Token) -> Speech | None:
    stated = _as_stated_after(token)
    if stated is not None:
        return stated
    node = came_from = token
    while True:
        according = according_to(node)
        if according is not None:
            return Speech(cue=node, cue_text="according to", speaker=according)
        if node.i != token.i and is_speech_cue(node):
            if came_from.dep_ in _SUBJECTS:
                return None  # in a subject of the cue: who or what speaks, not what is said
            speaker = cue_speaker(node)
            # "X is alleged to ...", "it was reported that ...": a passive cue with no agent names
            # no one; a speaker further up ("the mayor said X is alleged to ...") still may.
            unnamed_passive = speaker is None and any(c.dep_ in {"auxpass", "nsubjpass"} for c in node.children)
            if speaker is not None or (node.lemma_.lower() != "accuse" and not unnamed_passive):
                return Speech(cue=node, cue_text=_cue_text(node), speaker=speaker)
        stated = _as_stated_by(node, token) or _aside(node)
        if stated is not None:
            cue, speaker = stated
            return Speech(cue=cue, cue_text=_cue_text(cue), speaker=speaker)
        if node.dep_ == "appos":
            return None  # "Smallville, a town of 500,000, ...": background, not the speaker's
        # "puts the number of pupils who missed classes at 40": the parser hung the amount's
        # "at" on the relative clause; the clause is no barrier for it.
        misattached = node.dep_ == "relcl" and token.head.lower_ == "at" and token.head.head.i == node.i
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_.lower() in FRAMING_VERBS:
            return None  # "..., highlighting fears of thousands of ...": the writer's framing, said by no one
        if (node.dep_ in ATTRIBUTION_BARRIERS and not misattached) or node.head.i == node.i:
            return _reported_clause(node) or _trailing_speech(token)
        came_from, node = node, node.head


def _introduced(token: Token) -> Speech | None:
    """The speech of a colon introducer just before ``token``'s sentence ("According to
    the city's fire service:", "The ministry said:"): that sentence is what it reports."""
    sentence = token.sent
    if sentence.start == 0:
        return None
    before = token.doc[sentence.start - 1].sent
    words = [t for t in before if not t.is_space]
    if not words or words[-1].text != ":":
        return None
    root = before.root
    according = next((s for t in before if (s := according_to(t)) is not None), None)
    if according is None and root.lower_ == "according":  # the frame alone: "According to X:"
        according = next((speaker_span(o) for to in root.children if to.lower_ == "to"
                          for o in to.children if o.dep_ == "pobj"), None)
    if according is not None:
        return Speech(cue=root, cue_text="according to", speaker=according)
    if is_speech_cue(root) and not any(c.dep_ in {"ccomp", "dobj"} for c in root.children):
        speaker = cue_speaker(root)
        if speaker is not None:
            return Speech(cue=root, cue_text=_cue_text(root), speaker=speaker)
    return None


# Nouns that name where news comes from, beyond people and roles.
_SOURCE_NOUNS = frozenset("police official authority witness source report agency ministry government".split())
# Most words a headline's trailing credit ("...: Police", "...: Officials") has.
_CREDIT_WORDS = 3


def _credited_after(token: Token) -> Speech | None:
    """The source a headline credits after a colon ("Storm Leaves 12 Dead: Officials")."""
    doc = token.doc
    line_end = token.i
    while line_end + 1 < len(doc) and "\n" not in doc[line_end].whitespace_ and not doc[line_end + 1].is_space:
        line_end += 1
    colons = [t for t in doc[token.i : line_end + 1] if t.text == ":"]
    if not colons:
        return None
    names = [t for t in doc[colons[-1].i + 1 : line_end + 1] if not t.is_punct]
    if not names or len(names) > _CREDIT_WORDS or any(t.pos_ not in {"NOUN", "PROPN"} for t in names):
        return None
    head = names[-1]
    sources = _SOURCE_NOUNS | ROLE_HEADS | PERSON_NOUNS
    if head.ent_type_ not in _NAMED and not {head.lemma_.lower(), head.lower_.removesuffix("s")} & sources:
        return None  # "Reason for 12 closures: weather" credits no one
    return Speech(cue=colons[-1], cue_text=":", speaker=doc[names[0].i : names[-1].i + 1])


def _reported_clause(node: Token) -> Speech | None:
    """The speech whose reported content holds ``node``'s clause, subordinate clauses and all.

    In "Police say that Gray was standing outside when he noticed two officers"
    the "when" clause is part of what police say; in "After 5 people died,
    police said ..." the clause hangs on "said" itself and is the writer's.
    """
    child = node
    for ancestor in node.ancestors:
        if is_speech_cue(ancestor) and child.dep_ in {"ccomp", "xcomp"}:
            speaker = cue_speaker(ancestor)
            if speaker is not None:
                return Speech(cue=ancestor, cue_text=_cue_text(ancestor), speaker=speaker)
            return None
        child = ancestor
    return None


def _trailing_speech(token: Token) -> Speech | None:
    """The "…, police said." that ends a sentence and so covers all of it, clauses included;
    likewise an "according to X" on the sentence's main verb, wherever it stands.

    A reporting verb that is the sentence's root, comes after ``token`` and
    has its subject after a comma ("Ten bridges were closed after the storm hit,
    the council said.") makes the whole sentence the speaker's.
    """
    root = token.sent.root
    according = according_to(root)
    if according is not None:
        return Speech(cue=root, cue_text="according to", speaker=according)  # "..., according to X."
    if root.i <= token.i or not is_speech_cue(root):
        return None
    if any(c.dep_ == "ccomp" and c.i > root.i for c in root.children):
        return None  # "After 40 homes burned, the mayor said the town ...": what follows is what was said
    speaker = cue_speaker(root)
    if speaker is None or speaker.start < token.i:
        return None
    if not any(t.text == "," for t in token.doc[token.i : speaker.start]):
        return None
    return Speech(cue=root, cue_text=_cue_text(root), speaker=speaker)


def _final_credit(token: Token) -> Speech | None:
    """The credit that closes a sentence, however the parser attached it: "..., and officials
    said they were treating it as arson, the Daily News reported Sunday." The last comma
    is followed only by a subject, a reporting verb with nothing reported after it, and
    words of time; everything before the comma is what was reported."""
    if any(t.dep_ == "appos" for t in (token, *token.ancestors)):
        return None  # "Smallville, a town of 500,000, ...": background, not the credited source's
    sentence = token.sent
    words = [t for t in sentence if not t.is_space]
    while words and words[-1].is_punct and words[-1].text != ",":
        words.pop()
    commas = [n for n, t in enumerate(words) if t.text == ","]
    if not commas or words[commas[-1]].i < token.i:
        return None
    tail = words[commas[-1] + 1 :]
    cues = [t for t in tail if t.pos_ == "VERB" and is_speech_cue(t)]
    if len(cues) != 1:
        return None
    cue = cues[0]
    after = [t for t in tail if t.i > cue.i]
    if any(t.ent_type_ not in {"DATE", "TIME"} and t.pos_ not in {"ADV", "PART"} for t in after):
        return None  # "..., the mayor said the town would rebuild": the tail reports something of its own
    speaker = next((speaker_span(c) for c in cue.children if c.dep_ == "nsubj" and c.i > words[commas[-1]].i), None)
    if speaker is None:
        return None
    return Speech(cue=cue, cue_text=_cue_text(cue), speaker=speaker)
