"""The token attributes extractors scan most, as plain tuples read once per doc.

Every ``doc[i]`` makes a new ``Token`` object, and every string attribute is a
lookup in the vocabulary. Stages that walk the whole doc token by token, often
several times (names, roles, number phrases, hedges), read these tuples
instead: one ``Doc.to_array`` call per doc, kept in its ``user_data`` like ``extract.spans``.
A doc must not be changed after its table is read (extraction never changes one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_ALPHA, IS_PUNCT, LEMMA, LENGTH, LIKE_NUM, SENT_START, SPACY

from .spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TOKENS = "ncr.tokens"


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Attributes of every token of a doc, indexed by token position (``token.i``)."""

    text: tuple[str, ...]
    lower: tuple[str, ...]  # token.lower_
    lemma: tuple[str, ...]  # token.lemma_
    whitespace: tuple[str, ...]  # token.whitespace_
    idx: tuple[int, ...]  # character offset of each token
    ent_iob: tuple[str, ...]  # token.ent_iob_
    ent_type: tuple[str, ...]  # token.ent_type_
    sent_start: tuple[bool | None, ...]  # token.is_sent_start, as spaCy gives it
    alpha: tuple[bool, ...]  # token.is_alpha
    punct: tuple[bool, ...]  # token.is_punct
    like_num: tuple[bool, ...]  # token.like_num

    def __len__(self) -> int:
        return len(self.text)

    def lower_at(self, i: int) -> str:
        """The lower-case form of token ``i``, or "" past either end of the doc."""
        return self.lower[i] if 0 <= i < len(self.lower) else ""

    def char_range(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of tokens ``start:end`` (``end > start``), as ``doc[start:end]`` gives them."""
        return self.idx[start], self.idx[end - 1] + len(self.text[end - 1])


def token_table(doc: Doc) -> TokenTable:
    """The doc's ``TokenTable``, read on first use."""
    table = doc.user_data.get(_TOKENS)
    if table is None:
        table = doc.user_data[_TOKENS] = _read(doc)
    return table


# What one ``Doc.to_array`` call reads, in this order.
_COLUMNS = (IDX, LENGTH, SPACY, ENT_IOB, ENT_TYPE, SENT_START, IS_ALPHA, IS_PUNCT, LIKE_NUM, LEMMA)
_IOB = ("", "I", "O", "B")  # token.ent_iob_ by token.ent_iob
_WHITESPACE = ("", " ")  # token.whitespace_ by SPACY
_SENT_STARTS = {1: True, -1: False, 0: None}  # token.is_sent_start by SENT_START


def _read(doc: Doc) -> TokenTable:
    """The table from one ``to_array`` call, the words cut out of the doc's text: asking each
    ``Token`` for eleven attributes would cost more than what the table saves."""
    array = doc.to_array(_COLUMNS)
    idx, _, spacy, iob, ent_type, _, alpha, punct, like_num, lemma = array.T.tolist()
    sent_start = array[:, 5].astype(numpy.int64).tolist()  # -1 is stored unsigned
    text = doc_text(doc)
    words = tuple(map(text.__getitem__, map(slice, idx, (array[:, 0] + array[:, 1]).tolist())))
    strings = doc.vocab.strings
    named = {key: strings[key] for key in {*ent_type, *lemma}}  # the few distinct labels and lemmas
    return TokenTable(
        text=words,
        lower=tuple(map(str.lower, words)),  # what spaCy's LOWER is
        lemma=tuple(map(named.__getitem__, lemma)),
        whitespace=tuple(map(_WHITESPACE.__getitem__, spacy)),
        idx=tuple(idx),
        ent_iob=tuple(map(_IOB.__getitem__, iob)),
        ent_type=tuple(map(named.__getitem__, ent_type)),
        sent_start=tuple(map(_SENT_STARTS.__getitem__, sent_start)),
        alpha=tuple(map(bool, alpha)),
        punct=tuple(map(bool, punct)),
        like_num=tuple(map(bool, like_num)),
    )
