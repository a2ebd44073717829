"""Quotation marks paired into quoted spans: every convention English news uses.

Pure string functions, one paragraph (line) at a time. Marks read:

- curly double marks “ ” and „ “, guillemets « »;
- straight double quotes " and two apostrophes '' (typewriter style, often
  left by conversions: ''This isn't reform,'' she said), and `` '' (TeX
  style); whether a straight mark opens or closes is judged by the spaces
  around it;
- curly single marks ‘ ’ outside a double quote (headlines: Mayor: ‘We will
  rebuild’); a ’ between letters is an apostrophe ("don’t"), never a mark.

Malformed pairs are repaired by the same spacing rule: a closing ” with a space
before it and a word after it opens a quote (“Yes,” he said. ”We will ...”),
and an opening mark of one style is closed by a closing mark of the other
("We will rebuild,” she said). A mark that finds no partner is dropped, never
stretched over the text around it; a quote still open when another opens after
a sentence end lost its closing mark and ends with its first sentence. A quote left open at the end of a
paragraph that ends a sentence, where the next paragraph opens again, is a
quote continued over paragraphs (the news convention): its first part ends
with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening and closing double marks, curly and guillemets.
_CURLY_OPEN = frozenset("“„«")
_CURLY_CLOSE = frozenset("”»")
# Characters before an opening mark, or after a closing one, besides spaces.
_BEFORE_OPEN = "([{—–-/"
_AFTER_CLOSE = ".,;:!?)]}—–-/"


@dataclass(frozen=True, slots=True)
class Mark:
    """A quotation mark: where it is, how many characters it takes, and whether it can open or close."""

    at: int
    size: int
    double: bool  # a double mark ("), not a single one (‘)
    opens: bool
    closes: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _spacing(text: str, at: int, size: int) -> tuple[bool, bool]:
    """(may open, may close) for a mark at ``at`` of ``size`` characters, by its neighbours."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + size] if at + size < len(text) else " "
    may_open = (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()
    may_close = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
    return may_open, may_close


# Every character sequence that may be a mark: pairs first, so "''" is read as one mark.
_MARK_CANDIDATES = re.compile("''|``|[\"‘’" + "".join(sorted(_CURLY_OPEN | _CURLY_CLOSE)) + "]")


def marks_in(text: str, start: int, end: int) -> list[Mark]:
    """The quotation marks of ``text[start:end]``, in order."""
    found: list[Mark] = []
    for match in _MARK_CANDIDATES.finditer(text, start, end):
        i, pair = match.start(), match.group()
        if pair in {"''", "``"}:
            may_open, may_close = _spacing(text, i, 2)
            found.append(Mark(i, 2, True, may_open or pair == "``", may_close and pair == "''"))
            continue
        if pair == '"':
            may_open, may_close = _spacing(text, i, 1)
            if may_open or may_close:
                found.append(Mark(i, 1, True, may_open, may_close))
        elif pair in _CURLY_OPEN:
            found.append(Mark(i, 1, True, True, False))
        elif pair in _CURLY_CLOSE:
            may_open, may_close = _spacing(text, i, 1)
            found.append(Mark(i, 1, True, may_open and not may_close, True))
        elif pair == "‘":
            found.append(Mark(i, 1, False, _spacing(text, i, 1)[0], False))
        elif pair == "’" and not (i + 1 < end and text[i + 1].isalpha()):
            found.append(Mark(i, 1, False, False, _spacing(text, i, 1)[1]))
    return found


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside matched quotation marks; unmatched marks are dropped."""
    found: list[tuple[int, int]] = []
    for para_start, para_end in paragraphs(text):
        open_double: Mark | None = None
        open_single: Mark | None = None
        for mark in marks_in(text, para_start, para_end):
            if mark.double:
                if open_double is None:
                    if mark.opens:
                        open_double, open_single = mark, None  # a single mark left open was an apostrophe
                elif mark.opens and not mark.closes and (lost := _lost_close(text, open_double, mark)) is not None:
                    found.append((open_double.at + open_double.size, lost))
                    open_double, open_single = mark, None
                elif mark.closes:
                    found.append((open_double.at + open_double.size, mark.at))
                    open_double = None
            elif open_double is None:
                if open_single is None and mark.opens:
                    open_single = mark
                elif open_single is not None and mark.closes:
                    found.append((open_single.at + 1, mark.at))
                    open_single = None
        # An opener left open at the end of a paragraph is a stray mark, or a quote
        # running into the next paragraph (which then opens again): either way the
        # text is taken no further than this paragraph, and only if the paragraph
        # ends where the quote would.
        line = text[para_start:para_end].rstrip()
        if open_double is not None and line.endswith((".", "?", "!")) and _opens_next(text, para_end + 1):
            found.append((open_double.at + open_double.size, para_start + len(line)))
    return [(s, e) for s, e in found if text[s:e].strip()]


# A sentence end inside a quote: a full stop, question or exclamation mark, a space, a capital.
_SENTENCE_END = re.compile(r"[.?!](?= +[A-Z])")


def _lost_close(text: str, opened: Mark, opener: Mark) -> int | None:
    """Where a quote ends whose closing mark the text lost: another quote opens (a mark with
    a space before it and a word after, ' "Harrowby') while it is still open, and a sentence
    ends between the two; the quote is taken to end with that first sentence, never
    stretched over the narration after it. None when no sentence ends in between."""
    end = _SENTENCE_END.search(text, opened.at + opened.size, opener.at)
    return end.end() if end is not None else None


def _opens_next(text: str, start: int) -> bool:
    """Whether the next paragraph from ``start`` on (past blank lines) begins with an opening double mark."""
    while start < len(text) and text[start].isspace():
        start += 1
    marks = marks_in(text, start, min(len(text), start + 2))
    return bool(marks) and marks[0].at == start and marks[0].double and marks[0].opens


def continues(text: str, end: int) -> bool:
    """Whether a quote ending at ``end`` runs on into the next paragraph (no closing mark
    before the line break, and the next paragraph opens a quote)."""
    rest = text[end:]
    line_end = rest.find("\n")
    return line_end >= 0 and not rest[:line_end].strip() and _opens_next(text, end + line_end + 1)
