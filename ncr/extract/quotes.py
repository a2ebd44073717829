"""Who said what: direct quotes and reported speech, each with its cue and speaker.

Direct quotes are found from the quotation marks themselves, paired one
paragraph at a time: curly marks by their direction, straight marks by the
spaces around them. A mark that finds no partner is dropped, never stretched
over the text around it, and never stops the rest of the article. Quoted
titles ("the "Comprehensive Strategic Partnership Treaty"") are names, not quotes.

A quote's speaker is the subject of the reporting verb in its sentence
("..., Kim said Monday", "Kirby said, "..."", "described X as "..."");
a quote with no cue of its own that follows another quote of the same
paragraph ("'...,' he said. '...'") continues it. A short quoted phrase with no
reporting verb belongs to the subject of the verb it sits under.

Reported speech is a reporting verb with its content clause, in either order
("Zelenskiy said that ...", "..., the Pentagon said on Monday"), plus
"according to X, ..." and "..., as stated by X". Pronouns and names are
resolved to entities by the caller.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .attribution import (
    antecedent,
    is_pronoun,
    is_speech_cue,
    named_speakers,
    speaker_span,
)
from .quotemarks import continues, paragraphs, quoted_spans
from .spans import doc_text, ents_in

# A quoted run of capitalised words this short is a title or a name, not a quote.
_TITLE_MAX_WORDS = 8
_CONTENT_DEPS = frozenset({"ccomp"})
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


@dataclass(frozen=True, slots=True)
class _Marked:
    start: int  # offset of the first character inside the marks
    end: int  # offset just after the last character inside the marks


# Short words a title leaves in lower case ("Face the Nation", "Out of Africa").
_TITLE_MINOR_WORDS = frozenset("a an the and or of in on at to for by with from".split())
# Words before an opening mark that make what follows a title: on "Face the Nation", in "The Ledger".
_TITLE_BEFORE = frozenset("on in to of called titled entitled named dubbed".split())


def _is_title(text: str, before: str = "") -> bool:
    """A quoted name rather than a quote: a short run of capitalised words (minor words
    aside) that ends no sentence; or, after "on", "in", "called" ..., one that ends with a
    comma (on "Face the Nation," she said)."""
    stripped = text.rstrip()
    if stripped.endswith(",") and before.lower() in _TITLE_BEFORE:
        stripped = stripped[:-1]
    words = [w for w in stripped.split() if any(ch.isalpha() for ch in w)]
    if not 0 < len(words) <= _TITLE_MAX_WORDS or stripped.endswith((".", ",", "!", "?")):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_MINOR_WORDS for w in words)


def _is_term(text: str) -> bool:
    """A single quoted word that ends no clause ("a “quack” cure"): a term or a sneer, not speech."""
    words = text.split()
    return len(words) == 1 and not text.rstrip().endswith((".", ",", "!", "?", ":", ";"))


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _cue_for(doc: Doc, quote: Span) -> Token | None:
    """The reporting verb of a quote: in its sentences, outside it, nearest first."""
    sentences = {quote.start: quote[0].sent, quote.end - 1: quote[-1].sent}
    candidates = []
    for sentence in {(s.start, s.end): s for s in sentences.values()}.values():
        for token in sentence:
            if quote.start <= token.i < quote.end or not is_speech_cue(token) or _negated(token):
                continue
            distance = quote.start - token.i if token.i < quote.start else token.i - quote.end + 1
            candidates.append((distance, token.i))
    return doc[min(candidates)[1]] if candidates else None


def _speaker(cue: Token) -> Span | None:
    for child in cue.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return speaker_span(objects[0])
    for child in cue.children:
        if child.dep_ in _SUBJECTS:
            if child.tag_ in {"WDT", "WP"} and cue.dep_ == "relcl":
                return speaker_span(cue.head)  # "the agency, which suggests ..."
            return speaker_span(child)
    # "..., said Kim" parses Kim as an object after the verb now and then.
    after = [c for c in cue.rights if c.dep_ in {"dobj", "attr"} and c.ent_type_ == "PERSON"]
    if after:
        return speaker_span(after[0])
    # A verb sharing a subject with the one before it ("noted the worries but insisted that").
    if cue.dep_ in {"conj", "xcomp", "advcl"} and cue.head.i != cue.i:
        return _speaker(cue.head)
    if cue.dep_ == "ROOT":
        return _name_before(cue)
    return None


def _name_before(verb: Token) -> Span | None:
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


def _governing_subject(start: Token) -> tuple[Token, Span] | None:
    """The nearest verb above ``start`` that has a subject, and that subject
    (a copula's subject is a topic, not a speaker: "the visit is "..."")."""
    node = start
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and node.lemma_ != "be":
            speaker = _speaker(node)
            if speaker is not None:
                return node, speaker
    return None


def _cue_text(cue: Token) -> str:
    return " ".join([cue.text, *(c.text for c in cue.children if c.dep_ == "prt")])


def _word_before(text: str, start: int) -> str:
    """The word before the quotation mark that opens at ``start - 1`` (or two before, for '')."""
    words = text[max(0, start - 40) : max(0, start - 1)].split()
    return words[-1].strip("''`\"“„«") if words else ""


# Dashes that credit a quote to a name after it ("…” ― Jane Roe").
_CREDIT_DASHES = "―—–-"
# Labels of the names a quote can be credited to.
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _dash_credit(doc: Doc, text: str, end: int) -> Span | None:
    """ "“…” ― Jane Roe": the name a dash after the closing mark credits the quote to."""
    rest = text[end : end + 12]
    stripped = rest.lstrip("”\"'’» ")
    if not stripped or stripped[0] not in _CREDIT_DASHES:
        return None
    dash = end + len(rest) - len(stripped)
    line_end = text.find("\n", dash)
    names = [e for e in ents_in(doc[:]) if e.label_ in _SPEAKER_LABELS and dash < e.start_char
             and (line_end < 0 or e.end_char <= line_end) and not text[dash + 1 : e.start_char].strip(" ―—–-")]
    return names[0] if names else None


def _colon_introducer(doc: Doc, text: str, start: int) -> tuple[str, Span] | None:
    """ "Jane Roe, The Daily: “…”", or "Roe wrote:" closing the paragraph before: the speaker
    a colon just before the quote introduces (the subject of a speech verb there, else the
    last person or organisation named before the colon)."""
    before = text[:max(0, start - 1)].rstrip(" \n\"“„«`'")
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sentence = colon[0].sent
    cues = [t for t in sentence if t.i < colon.start and is_speech_cue(t) and not _negated(t)]
    if cues and (speaker := _speaker(cues[-1])) is not None:
        return _cue_text(cues[-1]), speaker
    names = [e for e in ents_in(sentence) if e.end <= colon.start and e.label_ in {"PERSON", "ORG"}]
    return ("colon", names[-1]) if names else None


def _negated(cue: Token) -> bool:
    """ "has not said", "never said": a verb that denies speech reports none."""
    return any(c.dep_ == "neg" for c in cue.children)


# A speaker's label in a transcript: one to four capitalised words before a colon ("HOST:", "JANE ROE:").
_TURN = re.compile(r"([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):\s+(\S)")
# Turns a document needs, by two speakers at least, to read as a transcript.
_MIN_TURNS = 2


def transcript_turns(doc: Doc) -> list[FoundQuote]:
    """An interview as speaker turns: paragraphs opening "HOST: ..." / "GUEST: ...". A text needs
    at least two such turns by two different labels, so "Note:" or a dateline stays text."""
    text = doc_text(doc)
    turns = []
    for para_start, para_end in paragraphs(text):
        match = _TURN.match(text, para_start, para_end)
        if match is None or match.group(1).lower() in {"note", "update", "editor's note", "correction", "source"}:
            continue
        label = doc.char_span(para_start, para_start + len(match.group(1)), alignment_mode="expand")
        content_start, content_end = match.start(2), para_start + len(text[para_start:para_end].rstrip())
        if label is not None and content_end > content_start:
            turns.append(FoundQuote(content_start, content_end, text[content_start:content_end], True, "transcript", label))
    if len(turns) < _MIN_TURNS or len({q.speaker.text.lower() for q in turns if q.speaker is not None}) < 2:
        return []
    return turns


def find_direct_quotes(doc: Doc) -> list[FoundQuote]:
    """Text inside quotation marks, with the cue and speaker of each; and transcript turns."""
    quotes: list[FoundQuote] = []
    previous: FoundQuote | None = None
    doc_chars = doc_text(doc)
    turns = transcript_turns(doc)
    in_turns = [(q.start, q.end) for q in turns]
    for start, end in quoted_spans(doc_chars):
        text = doc_chars[start:end]
        if _is_title(text, _word_before(doc_chars, start)) or _is_term(text):
            continue
        if any(s <= start and end <= e for s, e in in_turns):
            continue  # a quotation inside a turn is the turn's
        span = _tokens_in(doc, start, end)
        if span is None or len(span) == 0:
            continue
        cue = _cue_for(doc, span)
        speaker = _speaker(cue) if cue is not None else None
        cue_text = _cue_text(cue) if cue is not None else None
        if cue is not None and speaker is None and (governing := _governing_subject(cue)) is not None:
            speaker = governing[1]
        if cue is None:
            continued = previous is not None and continues(doc_chars, previous.end) and "\n" in doc_chars[previous.end : start]
            same_paragraph = previous is not None and "\n" not in doc_chars[previous.end : start]
            if (same_paragraph or continued) and previous is not None:
                speaker, cue_text = previous.speaker, previous.cue  # "'...,' he said. '...'"
            elif (credit := _dash_credit(doc, doc_chars, end)) is not None:
                speaker, cue_text = credit, "dash"
            elif (introduced := _colon_introducer(doc, doc_chars, start)) is not None:
                cue_text, speaker = introduced
            elif (governing := _governing_subject(span.root)) is not None:
                verb, speaker = governing
                cue_text = _cue_text(verb)
        found = FoundQuote(start, end, text, True, cue_text, speaker)
        quotes.append(found)
        previous = found
    return sorted([*quotes, *turns], key=lambda q: q.start)


def _content_clause(cue: Token) -> Span | None:
    """The clause a reporting verb reports: its ``ccomp``, or the "that" clause of its object."""
    for child in cue.children:
        if child.dep_ in _CONTENT_DEPS:
            return _subtree_span(child)
    for child in cue.children:  # "expressed concern that ..."
        if child.dep_ == "dobj":
            for grandchild in child.children:
                if grandchild.dep_ in {"acl", "ccomp"} and any(g.lower_ == "that" for g in grandchild.children):
                    return _subtree_span(grandchild)
    return None


def _subtree_span(token: Token) -> Span:
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    while start < end and (doc[start].is_punct or doc[start].lower_ == "that" and doc[start].dep_ == "mark"):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _according_to(sentence: Span) -> tuple[Span, Span] | None:
    """(speaker, content) of "According to X, <clause>" or "<clause>, according to X"."""
    doc = sentence.doc
    for token in sentence:
        if token.lower_ != "according" or token.i + 1 >= sentence.end or doc[token.i + 1].lower_ != "to":
            continue
        objects = [o for o in doc[token.i + 1].children if o.dep_ == "pobj"]
        if not objects:
            return None
        speaker = speaker_span(objects[0])
        commas = [t.i for t in sentence if t.text == ","]
        if token.i <= sentence.start + 1:  # the phrase opens the sentence: content after its comma
            after = [i for i in commas if i > speaker.end - 1]
            content = doc[after[0] + 1 : sentence.end] if after else None
        else:  # the phrase closes it: content before its comma
            before = [i for i in commas if i < token.i]
            content = doc[sentence.start : before[-1]] if before else None
        if content is None:
            return None
        while len(content) and (content[-1].is_punct or content[-1].is_space):
            content = content[:-1]
        return (speaker, content) if len(content) >= 3 else None
    return None


def find_reported_speech(doc: Doc, direct: list[FoundQuote]) -> list[FoundQuote]:
    """Reporting verbs with their content clause, and "according to X" sentences.

    Content that overlaps a direct quote is left to the direct quote.
    """
    taken = _Taken((q.start, q.end) for q in direct)
    overlaps = taken.half_covered

    found: list[FoundQuote] = []
    for sentence in doc.sents:
        according = _according_to(sentence)
        if according is not None:
            speaker, content = according
            if not overlaps(content.start_char, content.end_char):
                found.append(FoundQuote(content.start_char, content.end_char, content.text, False, "according to", speaker))
                taken.add(content.start_char, content.end_char)
        for token in sentence:
            if not is_speech_cue(token):
                continue
            content = _content_clause(token)
            if content is None or len(content) < 3 or overlaps(content.start_char, content.end_char):
                continue
            speaker = _speaker(token)
            if speaker is None and (governing := _governing_subject(token)) is not None:
                speaker = governing[1]
            if speaker is None:
                continue  # a statement nobody is named for is the writer's
            found.append(FoundQuote(content.start_char, content.end_char, content.text, False, _cue_text(token), speaker))
            taken.add(content.start_char, content.end_char)
    return found


class _Taken:
    """Character ranges already given to a quote, sorted, for overlap questions in
    time near the log of their number (not a scan of all of them)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.longest = max((e - s for s, e in self.ranges), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self.ranges, (start, end))
        self.longest = max(self.longest, end - start)

    def half_covered(self, start: int, end: int) -> bool:
        """Whether half or more of ``start:end`` is already taken (a scare quote inside
        a reported clause does not take the clause)."""
        covered = 0
        index = bisect_left(self.ranges, (end, end)) - 1
        while index >= 0 and self.ranges[index][0] + self.longest > start:
            s, e = self.ranges[index]
            covered += max(0, min(end, e) - max(start, s))
            index -= 1
        return 2 * covered >= end - start


# Pronouns that cannot be resolved to a speaker by name ("It thinks ...").
_EMPTY_SPEAKERS = frozenset({"it", "they", "this", "that", "which", "who", "there"})


def _named(quote: FoundQuote, named: list[Span]) -> FoundQuote:
    speaker = quote.speaker
    if speaker is not None and speaker.text.lower() in _EMPTY_SPEAKERS:
        if not (is_pronoun(speaker) and antecedent(speaker, named) is not None):
            return FoundQuote(quote.start, quote.end, quote.text, quote.direct, quote.cue, None)
    return quote


def find_quotes(doc: Doc, named: list[Span] | None = None) -> list[FoundQuote]:
    """Direct quotes and reported speech, in text order.

    Reported speech by a speaker that is only "it" or "they" is dropped unless
    the pronoun stands for an earlier speaker (``attribution.antecedent``):
    otherwise it tells no reader who said what. A direct quote is kept even then.
    ``named``: the doc's named speakers (``attribution.named_speakers``), if already found.
    """
    named = named_speakers(doc) if named is None else named
    direct = [_named(q, named) for q in find_direct_quotes(doc)]
    reported = [q for q in (_named(q, named) for q in find_reported_speech(doc, direct)) if q.speaker is not None]
    return sorted([*direct, *reported], key=lambda q: (q.start, q.end))
