"""The token attributes extractors scan most, as plain tuples read once per doc.

Every ``doc[i]`` makes a new ``Token`` object, and every string attribute is a
lookup in the vocabulary. Stages that walk the whole doc token by token, often
several times (names, roles, number phrases, hedges), read these tuples
instead: one pass over the doc, kept in its ``user_data`` like ``extract.spans``.
A doc must not be changed after its table is read (extraction never changes one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TOKENS = "ncr.tokens"


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Attributes of every token of a doc, indexed by token position (``token.i``)."""

    text: tuple[str, ...]
    lower: tuple[str, ...]  # token.lower_
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
        rows = [
            (t.text, t.lower_, t.whitespace_, t.idx, t.ent_iob_, t.ent_type_, t.is_sent_start, t.is_alpha,
             t.is_punct, t.like_num)
            for t in doc
        ]
        columns = tuple(zip(*rows)) if rows else ((),) * 10
        table = doc.user_data[_TOKENS] = TokenTable(*columns)
    return table
