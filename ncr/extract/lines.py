"""Lines of a text: title-case headlines, and the words its running text capitalises.

The parser is trained on running text; a title-case line ("Gunman Kills 3
Students In Campus Attack") reads to it as one long name. These functions
find such lines and the words the article capitalises inside its sentences
(its names), for ``extract.headlines`` (counts) and ``extract.entities``
(names) to read the lines as what they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from .tokens import token_table

# Short words a title-case line may leave in lower case.
_MINOR_WORDS = frozenset("a an the and or but of in on at to for by as with from into over after".split())
# Share of a line's other words that must be capitalised for it to read as a title-case headline.
TITLE_SHARE = 0.7
# Fewest words of a headline.
_MIN_WORDS = 3


def is_title_case(line: Span) -> bool:
    """True for a line, not ending like a sentence, most of whose words are capitalised
    ("Ten Dead In Flood", "TEN DEAD IN FLOOD")."""
    last = next((t for t in reversed(line) if not t.is_space), None)
    if last is None or last.text == ".":
        return False
    words = [t for t in line if t.is_alpha and t.lower_ not in _MINOR_WORDS]
    if len(words) < _MIN_WORDS:
        return False
    capitalised = sum(t.text[0].isupper() for t in words[1:])
    return capitalised >= TITLE_SHARE * (len(words) - 1)


# Where a doc keeps its title-case lines once found (headlines and names both ask).
_TITLE_LINES = "ncr.title_lines"


def title_lines_of(doc: Doc) -> list[Span]:
    """The doc's title-case lines (``is_title_case``), found once per doc."""
    found = doc.user_data.get(_TITLE_LINES)
    if found is None:
        found = doc.user_data[_TITLE_LINES] = [line for line in lines_of(doc) if is_title_case(line)]
    return found


def lines_of(doc: Doc) -> list[Span]:
    """The doc's lines: runs of tokens between line breaks, without the breaks."""
    table = token_table(doc)
    found: list[Span] = []
    start = None
    for i, (word, space) in enumerate(zip(table.text, table.whitespace)):
        if "\n" in word and word.isspace():
            if start is not None:
                found.append(doc[start:i])
            start = None
            continue
        if start is None:
            start = i
        if "\n" in space:
            found.append(doc[start : i + 1])
            start = None
    if start is not None:
        found.append(doc[start:])
    return found


def names_in_running_text(
    doc: Doc, title_lines: Sequence[Span] | None = None, after_comma: bool = False,
) -> frozenset[str]:
    """Words the doc capitalises inside a sentence of running text (not a title-case line)
    more often than it writes them in lower case: names. "Times" of a newspaper's name is
    no name where the text says "shot four times" twice.

    ``title_lines``: the doc's title-case lines, if already found. A word after
    punctuation is left out ("...,” Hardly"), unless ``after_comma`` and the
    punctuation is a comma ("the mayor, Peter Vance,")."""
    capitalised: dict[str, int] = {}
    lowered: dict[str, int] = {}
    if title_lines is None:
        title_lines = [line for line in lines_of(doc) if is_title_case(line)]
    headlines = {t.i for line in title_lines for t in line}
    for sentence in doc.sents:
        if sentence.start in headlines:
            continue
        for token in sentence[1:]:
            if not token.is_alpha:
                continue
            if token.is_lower:
                lowered[token.text] = lowered.get(token.text, 0) + 1
            elif token.text[0].isupper() and (not (before := doc[token.i - 1]).is_punct or after_comma and before.text == ","):
                word = token.text.lower()
                capitalised[word] = capitalised.get(word, 0) + 1
    return frozenset(word for word, times in capitalised.items() if times > lowered.get(word, 0))


def _within_lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A token range cut at its line breaks: no name runs from one line into the next."""
    pieces, piece_start = [], start
    for i in range(start, end):
        if doc[i].is_space and "\n" in doc[i].text:
            if piece_start < i:
                pieces.append((piece_start, i))
            piece_start = i + 1
        elif "\n" in doc[i].whitespace_ and i + 1 < end:
            pieces.append((piece_start, i + 1))
            piece_start = i + 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def name_runs(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """For each name span (token range), the parts of it that are names. A name never runs
    over a line break. On a title-case line the model runs names and headline words together
    ("Lindsay Lohan Checks Into Betty Ford", "Okafor Defeats Brandt"); there a span keeps only its
    runs of words the running text capitalises too. A span off such lines, or with no such
    word, is kept whole."""
    title_lines = title_lines_of(doc)
    on_title = {t.i for line in title_lines for t in line}
    names = names_in_running_text(doc, title_lines, after_comma=True) if title_lines else frozenset()
    found = []
    for start, end in spans:
        parts = []
        for piece_start, piece_end in _within_lines(doc, start, end):
            if piece_start in on_title and piece_end - piece_start > 1:
                parts += _runs_of_names(doc, piece_start, piece_end, names) or [(piece_start, piece_end)]
            else:
                parts.append((piece_start, piece_end))
        found.append(parts)
    return found


def _runs_of_names(doc: Doc, start: int, end: int, names: frozenset[str]) -> list[tuple[int, int]]:
    """The runs of tokens ``start:end`` whose words are in ``names``."""
    runs: list[tuple[int, int]] = []
    run_start = None
    for i in range(start, end + 1):
        is_name = i < end and doc[i].lower_ in names
        if is_name and run_start is None:
            run_start = i
        elif not is_name and run_start is not None:
            runs.append((run_start, i))
            run_start = None
    return runs
