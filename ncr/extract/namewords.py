"""Personal names in the token stream: the words that can be part of one, and where one ends.

``extract.entities`` runs names on over the fragments the model cut off and
finds occurrences it missed; both scan the whole doc, so these functions read
the doc's ``TokenTable`` by token index, and which tokens are name words is
decided once per doc (``name_words``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import NAME_PARTICLES, NOT_NAME_WORDS, ROLE_HEADS, ROLE_MODIFIERS
from ..names import normalise_name
from .spans import doc_text
from .tokens import TokenTable, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
HYPHENS = frozenset({"-", "‐", "‑"})
MAX_NAME_TOKENS = 6
_NOT_NAME_LABELS = frozenset({"DATE", "TIME"})
_NAME_PUNCTUATION = frozenset("'’.")
_NAME_WORDS = "ncr.name_words"


def is_name_word(text: str, lower: str, ent_type: str) -> bool:
    """A capitalised word that can be part of a personal name (a token's text, lower form and entity label)."""
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text):
        return False
    if not all(ch.isalpha() or ch in _NAME_PUNCTUATION for ch in text):
        return False
    return lower not in NOT_NAME_WORDS and lower not in ROLE_WORDS and ent_type not in _NOT_NAME_LABELS


def name_words(doc: Doc) -> tuple[bool, ...]:
    """For every token of ``doc``, whether it is a name word (``is_name_word``); decided once per doc."""
    found = doc.user_data.get(_NAME_WORDS)
    if found is None:
        tokens = token_table(doc)
        flags = [False] * len(tokens.text)
        for i, text in enumerate(tokens.text):
            if text[:1].isupper():  # the first test of is_name_word, made here for every token
                flags[i] = is_name_word(text, tokens.lower[i], tokens.ent_type[i])
        found = doc.user_data[_NAME_WORDS] = tuple(flags)
    return found


def is_hyphen_join(tokens: TokenTable, i: int) -> bool:
    """Token ``i`` is a hyphen glued to words on both sides ("Son-hui")."""
    return (
        0 < i < len(tokens) - 1
        and tokens.text[i] in HYPHENS
        and not tokens.whitespace[i - 1]
        and not tokens.whitespace[i]
        and tokens.alpha[i + 1]
    )


def _particles_then_name(tokens: TokenTable, names: tuple[bool, ...], i: int) -> bool:
    """Tokens from ``i`` are name particles followed by a name word ("von der Leyen")."""
    while i < len(tokens) and tokens.lower[i] in NAME_PARTICLES:
        i += 1
    return i < len(tokens) and names[i]


def name_end(doc: Doc, start: int) -> int:
    """The token index just after the personal name that starts at ``start``."""
    tokens, names = token_table(doc), name_words(doc)
    i = end = start
    while i < len(tokens) and i - start < MAX_NAME_TOKENS:
        if i > start and tokens.sent_start[i]:
            break
        if i > start and is_hyphen_join(tokens, i):
            i += 2
            end = i
        elif names[i]:
            i += 1
            end = i
        elif i > start and tokens.lower[i] in NAME_PARTICLES and _particles_then_name(tokens, names, i):
            i += 1
        else:
            break
        if "\n" in tokens.whitespace[i - 1]:
            break
    return end


def name_before_comma(doc: Doc, comma: int) -> tuple[int, int] | None:
    """The name that ends just before the comma at ``comma`` ("Lena Oster, ...")."""
    tokens, names = token_table(doc), name_words(doc)
    start = comma
    while start > 0 and comma - start < MAX_NAME_TOKENS:
        previous = start - 1
        glued_after_hyphen = start - 2 >= 0 and is_hyphen_join(tokens, start - 2) and tokens.alpha[previous]
        if names[previous] or is_hyphen_join(tokens, previous) or glued_after_hyphen:
            start -= 1
        elif tokens.lower[previous] in NAME_PARTICLES:
            start -= 1
        else:
            break
    while start < comma and not names[start]:
        start += 1
    return (start, comma) if start < comma else None


def missed_names(doc: Doc, covered: set[int], words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Token spans of capitalised names made of known person-name ``words`` outside ``covered``."""
    tokens = token_table(doc)
    found: list[tuple[int, int]] = []
    if not words:
        return found
    i = 0  # where reading resumes: a name's words start no other name
    for at, is_name in enumerate(name_words(doc)):
        if at < i or not is_name or at in covered or normalise_name(tokens.text[at]) not in words:
            continue
        i = at
        stop = max(name_end(doc, i), i + 1)
        if any(j in covered for j in range(i, stop)):
            stop = i + 1
        found.append((i, stop))
        i = stop
    return found


def span_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``start:end`` (``end > start``): ``doc[start:end].text``, without making the span."""
    begin, stop = token_table(doc).char_range(start, end)
    return doc_text(doc)[begin:stop]


def text_of(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """Character offsets and text of tokens ``start:end`` (``end > start``), a glued possessive removed."""
    begin = token_table(doc).idx[start]
    text = span_text(doc, start, end)
    for suffix in ("’s", "'s"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return begin, begin + len(text), text
