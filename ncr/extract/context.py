"""The words around a claim that say what exactly it counts, for telling measures of one kind apart.

"12 booths were set up abroad" and "more than 900 booths" count the same kind
of thing, but not the same thing; "three pumps will stay at the scene overnight"
and "twelve engines fought the blaze" neither. The content words near the
number (nouns, proper nouns, verbs, adjectives and adverbs, by lemma) are what
two reports of one measure share, and two different measures do not.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

CONTEXT_WINDOW = 6  # tokens on each side of the number phrase, within its sentence
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
_EMPTY = frozenset(
    """be have do say tell also more most other least many much there then now so
    just only very about around some new""".split()
)


def local_context(span: Span, counted: Token) -> frozenset[str]:
    """Content lemmas within ``CONTEXT_WINDOW`` tokens of the number, without the counted noun
    and the compound words that name it with it."""
    doc, sentence = span.doc, span.sent
    start = max(sentence.start, span.start - CONTEXT_WINDOW)
    end = min(sentence.end, max(span.end, counted.i + 1) + CONTEXT_WINDOW)
    name = _name_of(counted)
    words = set()
    for token in doc[start:end]:
        if span.start <= token.i < span.end or token.i in name or token.pos_ not in _CONTENT or token.like_num:
            continue
        lemma = token.lemma_.lower()
        if lemma not in _EMPTY and len(lemma) > 1:
            words.add(lemma)
    return frozenset(words)


def _name_of(counted: Token) -> set[int]:
    """The counted noun and the compound nouns right before it that name it ("army" in "two army
    drones"): what is counted, which its class already compares, not what tells two measures apart."""
    name = {counted.i}
    token = counted
    while token.i > 0 and (left := token.doc[token.i - 1]).dep_ == "compound" and left.head.i in name:
        name.add(left.i)
        token = left
    return name
