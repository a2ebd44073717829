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
from .spans import doc_text, ents_in

_OPENERS = {"“": "”", "„": "“", "«": "»"}
_CLOSERS = frozenset({"”", "»"})
_STRAIGHT = '"'
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


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _straight_role(text: str, i: int) -> str | None:
    """Whether a straight double quote at ``i`` opens or closes, judged by its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
        return "close"
    return None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside matched quotation marks; unmatched marks are dropped."""
    found: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text):
        open_at: int | None = None
        open_kind = ""
        for i in range(para_start, para_end):
            ch = text[i]
            if ch in _OPENERS and open_at is None:
                open_at, open_kind = i, "curly"
            elif ch in _CLOSERS and open_kind == "curly" and open_at is not None:
                found.append((open_at + 1, i))
                open_at = None
            elif ch == _STRAIGHT:
                role = _straight_role(text, i)
                if role == "open" and open_at is None:
                    open_at, open_kind = i, "straight"
                elif role == "close" and open_kind == "straight" and open_at is not None:
                    found.append((open_at + 1, i))
                    open_at = None
        # An opener left open at the end of a paragraph is a stray mark, or a quote
        # running into the next paragraph (which then opens again): either way the
        # text is taken no further than this paragraph, and only if the paragraph
        # ends where the quote would.
        if open_at is not None and text[para_start:para_end].rstrip().endswith((".", "?", "!")):
            next_start = para_end + 1
            if next_start < len(text) and text[next_start : next_start + 1] in {*_OPENERS, _STRAIGHT}:
                found.append((open_at + 1, para_start + len(text[para_start:para_end].rstrip())))
    return [(s, e) for s, e in found if text[s:e].strip()]


def _is_title(text: str) -> bool:
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return 0 < len(words) <= _TITLE_MAX_WORDS and all(w[0].isupper() for w in words) and not text.rstrip().endswith((".", ",", "!", "?"))


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _cue_for(doc: Doc, quote: Span) -> Token | None:
    """The reporting verb of a quote: in its sentences, outside it, nearest first."""
    sentences = {quote.start: quote[0].sent, quote.end - 1: quote[-1].sent}
    candidates = []
    for sentence in {(s.start, s.end): s for s in sentences.values()}.values():
        for token in sentence:
            if quote.start <= token.i < quote.end or not is_speech_cue(token):
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


def find_direct_quotes(doc: Doc) -> list[FoundQuote]:
    """Text inside quotation marks, with the cue and speaker of each."""
    quotes: list[FoundQuote] = []
    previous: FoundQuote | None = None
    doc_chars = doc_text(doc)
    for start, end in quoted_spans(doc_chars):
        text = doc_chars[start:end]
        if _is_title(text):
            continue
        span = _tokens_in(doc, start, end)
        if span is None or len(span) == 0:
            continue
        cue = _cue_for(doc, span)
        speaker = _speaker(cue) if cue is not None else None
        cue_text = _cue_text(cue) if cue is not None else None
        if cue is not None and speaker is None and (governing := _governing_subject(cue)) is not None:
            speaker = governing[1]
        if cue is None:
            same_paragraph = previous is not None and "\n" not in doc_chars[previous.end : start]
            if same_paragraph and previous is not None:
                speaker, cue_text = previous.speaker, previous.cue  # "'...,' he said. '...'"
            elif (governing := _governing_subject(span.root)) is not None:
                verb, speaker = governing
                cue_text = _cue_text(verb)
        found = FoundQuote(start, end, text, True, cue_text, speaker)
        quotes.append(found)
        previous = found
    return quotes


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
