"""Reported speech: a reporting verb with its content clause, in either order
("Ostrovik said that ...", "..., the ministry said on Monday"), plus
"according to X, ..." and "..., as stated by X"; and attributions without a
speech verb: what someone wants, plans, demands, urges, calls for, agrees or
believes ("X plans to ...", "X called for ..."), each with its cue. Content a
direct quote already holds is left to it. A denied statement ("has not
said"), a question ("did not say why") and an impersonal passive ("it is
believed that") report nobody's statement.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .attribution import CUE_LEMMAS, is_speech_cue, speaker_span
from ..lexicon import ATTITUDE_VERBS, PREPOSITIONAL_ATTITUDES
from .speakers import FoundQuote, cue_words, governing_subject, negated, speaker_of
from .tokens import token_table

_CONTENT_DEPS = frozenset({"ccomp"})
_CUE_OR_ATTITUDE = frozenset({*CUE_LEMMAS, *ATTITUDE_VERBS})


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
    table = token_table(doc)
    for i in range(sentence.start, sentence.end - 1):
        if table.lower[i] != "according" or table.lower[i + 1] != "to":
            continue
        objects = [o for o in doc[i + 1].children if o.dep_ == "pobj"]
        if not objects:
            return None
        speaker = speaker_span(objects[0])
        commas = [k for k in range(sentence.start, sentence.end) if table.text[k] == ","]
        if i <= sentence.start + 1:  # the phrase opens the sentence: content after its comma
            after = [k for k in commas if k > speaker.end - 1]
            content = doc[after[0] + 1 : sentence.end] if after else None
        else:  # the phrase closes it: content before its comma
            before = [k for k in commas if k < i]
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
    table = token_table(doc)
    # Where a cue can be: a reporting or attitude verb's lemma, or "according".
    cues = [i for i, lemma in enumerate(table.lemma) if lemma.lower() in _CUE_OR_ATTITUDE]
    any_according = "according" in table.lower
    if not cues and not any_according:
        return found
    next_cue = 0
    for sentence in doc.sents:
        according = _according_to(sentence) if any_according else None
        if according is not None:
            speaker, content = according
            if not overlaps(content.start_char, content.end_char):
                found.append(FoundQuote(content.start_char, content.end_char, content.text, False, "according to", speaker))
                taken.add(content.start_char, content.end_char)
        while next_cue < len(cues) and cues[next_cue] < sentence.end:
            i = cues[next_cue]
            next_cue += 1
            lemma = table.lemma[i].lower()
            token = doc[i]
            if negated(token):
                continue  # "has not said who will pay"
            if is_speech_cue(token):
                content = _content_clause(token)
            elif lemma in ATTITUDE_VERBS:
                content = _attitude_content(token)
            else:
                continue
            if content is None or len(content) < 3 or overlaps(content.start_char, content.end_char) or _asks(content):
                continue
            if _impersonal(token):
                continue  # "it is believed that ...": nobody's
            speaker = speaker_of(token)
            if speaker is None and (governing := governing_subject(token)) is not None:
                speaker = governing[1]
            if speaker is None:
                continue  # a statement nobody is named for is the writer's
            found.append(FoundQuote(content.start_char, content.end_char, content.text, False, cue_words(token), speaker))
            taken.add(content.start_char, content.end_char)
    return found


# Words a content clause opens with when it asks rather than states ("did not say why", "said whether").
_QUESTION_WORDS = frozenset("why who whom whose what which whether how when where if".split())


def _asks(content: Span) -> bool:
    """A clause that asks ("why Hiller was suspended") reports no statement."""
    return content[0].lower_ in _QUESTION_WORDS


def _impersonal(cue: Token) -> bool:
    """ "It is believed that ...", "it was reported that ...": a passive with an empty "it"."""
    return any(c.dep_ == "auxpass" for c in cue.children) and any(
        c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in cue.children
    )


def _attitude_content(cue: Token) -> Span | None:
    """What a verb of intention, demand, belief or agreement attributes: "plans *to table twelve
    amendments*", "urged *the guild to return to work*", "called *for the dam to be
    lowered*", "agreed *that ...*". From its first object or complement to the end of the
    last, without the "to" or "for" that introduces it."""
    parts = [c for c in cue.rights if c.dep_ in {"dobj", "xcomp", "ccomp"}]
    if cue.lemma_.lower() in PREPOSITIONAL_ATTITUDES:
        particle = PREPOSITIONAL_ATTITUDES[cue.lemma_.lower()]
        parts += [g for c in cue.rights if c.dep_ in {"prep", "prt"} and c.lower_ == particle
                  for g in c.children if g.dep_ in {"pobj", "pcomp"}]
        # "called for the reservoir to be lowered": "for" marks a clause of its own.
        parts += [c for c in cue.rights if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == particle for g in c.children)]
    if not parts:
        return None
    doc = cue.doc
    start = min(p.left_edge.i for p in parts)
    # What the verb says of its content runs on to the end of the modifiers after it ("wants
    # the cap in force before the winter").
    last = max(p.i for p in parts)
    parts += [c for c in cue.rights if c.i > last and c.dep_ in {"prep", "advmod", "npadvmod", "advcl", "oprd"}]
    end = max(p.right_edge.i for p in parts) + 1
    while start < end and (doc[start].lower_ in {"to", "for", "that"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


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
