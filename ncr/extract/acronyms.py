"""Acronyms a text defines: "Singapore Airlines (SIA)", "the European Central Bank (ECB)".

Pure functions over a parsed ``Doc`` and the name spans found in it (token
ranges). The model often runs the name and its bracketed acronym into one
span ("Singapore Airlines ( SIA"); both forms give the same definition.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

# How long an acronym is, in letters ("EU" to "NAACP").
ACRONYM_LETTERS = range(2, 7)


def is_acronym(text: str) -> bool:
    """ "SIA", "U.S.A.F.", "AT&T": two to six capital letters, dots and "&" aside."""
    letters = text.replace(".", "").replace("&", "")
    return len(letters) in ACRONYM_LETTERS and letters.isalpha() and letters.isupper()


def _bracketed_acronym(doc: Doc, i: int) -> bool:
    """An opening bracket at ``i``, an acronym after it, and a closing one (or the end) after that."""
    return (
        i + 1 < len(doc) and doc[i].text == "(" and is_acronym(doc[i + 1].text)
        and (i + 2 == len(doc) or doc[i + 2].text == ")")
    )


def acronym_definitions(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(name, acronym) token ranges for each name the text follows with its bracketed acronym.

    A span holding both is cut in two at the bracket; a name span must hold
    at least one word before the bracket.
    """
    found = []
    for start, end in spans:
        inside = next((i for i in range(start + 1, end) if _bracketed_acronym(doc, i)), None)
        if inside is not None:
            found.append(((start, inside), (inside + 1, inside + 2)))
        elif _bracketed_acronym(doc, end):
            found.append(((start, end), (end + 1, end + 2)))
    return found
