"""The stdout console and the rule that keeps every table inside it.

Width: the terminal's when stdout is one (Rich reads it, and an exported
``COLUMNS`` too), else ``COLUMNS``, else ``DEFAULT_WIDTH``: piped output
(``| less``, ``| head``, a file) is as wide as the user says, and the same
everywhere when nothing is said.

A table too wide for the console is narrowed by ``fit`` before Rich lays it
out: only columns that may wrap give up width, the widest first, and none
below its longest word with a digit, so no number is ever split across lines
("2,000–1" / "9,999" reads as two numbers); a one-line column declared with
``overflow="ellipsis"`` and a ``min_width`` (source ids, quotes) is cut with an
ellipsis at a word boundary. Columns of numbers (values, intervals, dates) are
``no_wrap`` and keep their full width.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping

from rich.console import Console
from rich.measure import Measurement
from rich.table import Column, Table
from rich.text import Text

from .safe import SafeStream

# Width when stdout is not a terminal and COLUMNS does not say.
DEFAULT_WIDTH = 100
# Narrowest a wrapping column is made, unless its content is narrower.
MIN_TEXT_WIDTH = 8

_HAS_DIGIT = re.compile(r"\d")


def piped_width(environ: Mapping[str, str] | None = None) -> int:
    """The width for output that is not a terminal: ``COLUMNS`` when it is a positive number, else 100."""
    value = (os.environ if environ is None else environ).get("COLUMNS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_WIDTH


def output_console() -> Console:
    """The stdout console: colour only on a terminal (Rich honours NO_COLOR), and no
    character that could move the cursor or reorder a line (``safe.SafeStream``)."""
    stream = SafeStream(sys.stdout)
    console = Console(file=stream, highlight=False, emoji=False)
    if not console.is_terminal:
        console = Console(file=stream, highlight=False, emoji=False, width=piped_width())
    return console


def _plain(renderable: object) -> str:
    if isinstance(renderable, Text):
        return renderable.plain
    return renderable if isinstance(renderable, str) else ""


def _longest_number(column_cells: list[object]) -> int:
    """The widest whitespace-separated word with a digit in a column: "2,000–19,999", "[9,000–11,000]"."""
    longest = 0
    for cell in column_cells:
        for word in _plain(cell).split():
            if _HAS_DIGIT.search(word):
                longest = max(longest, Text(word).cell_len)
    return longest


def _chrome(table: Table) -> int:
    """Columns taken by borders and padding."""
    count = len(table.columns)
    left, right = table.padding[3], table.padding[1]
    padding = (left + right) * count
    if not table.pad_edge:
        padding -= left + right
    borders = 0
    if table.box is not None:
        borders = count - 1 + (2 if table.show_edge else 0)
    return padding + borders


def fit(table: Table, console: Console, width: int | None = None) -> Table:
    """Give ``table`` explicit column widths when its natural width exceeds ``width``
    (default: the console's), taking width from wrapping columns only, widest first,
    never below the longest word with a digit in a column (nor ``MIN_TEXT_WIDTH``).

    Columns that do not wrap (numbers, ids, dates) keep their natural width. If even
    the minimums do not fit, the minimums are used: a number is never split.
    """
    available = (width or console.width) - _chrome(table)
    options = console.options.update_width(max(1, width or console.width))
    natural: list[int] = []
    floor: list[int] = []
    for column in table.columns:
        cells = [column.header, *column._cells]
        widest = max((Measurement.get(console, options, cell).maximum for cell in cells), default=1)
        if column.max_width is not None:
            widest = min(widest, column.max_width)
        natural.append(max(widest, column.min_width or 0))
        if column.width is not None or (column.no_wrap and not _cut(column)):
            floor.append(natural[-1])
        elif column.no_wrap:  # cut with an ellipsis (at a word boundary: ``truncate``)
            floor.append(min(natural[-1], column.min_width or 0))
        else:
            floor.append(min(natural[-1], max(MIN_TEXT_WIDTH, _longest_number(cells), column.min_width or 0)))
    if sum(natural) <= available:
        _truncate_cells(table, natural)
        return table
    widths = _level(natural, floor, available)
    for column, chosen in zip(table.columns, widths):
        column.width = chosen
    _truncate_cells(table, widths)
    return table


def _level(natural: list[int], floor: list[int], available: int) -> list[int]:
    """Widths: each column capped at one common level, never below its floor, filling ``available``."""
    # The highest level such that every wrapping column capped at it (and kept above its floor) fits.
    low, high = 0, max(natural)
    while low < high:
        level = (low + high + 1) // 2
        if sum(max(f, min(n, level)) for n, f in zip(natural, floor)) <= available:
            low = level
        else:
            high = level - 1
    widths = [max(f, min(n, low)) for n, f in zip(natural, floor)]
    # Hand out what rounding left over, left to right, to columns that wanted more.
    spare = available - sum(widths)
    for index, (want, now) in enumerate(zip(natural, widths)):
        if spare <= 0:
            break
        extra = min(spare, want - now)
        widths[index] += extra
        spare -= extra
    return widths


def _cut(column: Column) -> bool:
    """A one-line column that may be cut with an ellipsis down to its ``min_width`` (ids, quotes)."""
    return column.no_wrap and column.overflow == "ellipsis" and column.min_width is not None


def _truncate_cells(table: Table, widths: list[int]) -> None:
    """Cut the cells of one-line ellipsis columns ourselves, at word boundaries (Rich cuts anywhere)."""
    for column, chosen in zip(table.columns, widths):
        if _cut(column):
            column._cells[:] = [truncate(cell, chosen) for cell in column._cells]


def truncate(cell: object, width: int) -> object:
    """A one-line cell cut to ``width`` with an ellipsis; a word with a digit is never cut in
    two: the cut moves back to the space before it, so a number is shown whole or not at all."""
    if not isinstance(cell, Text) or cell.cell_len <= width or width < 2:
        return cell
    line = cell.plain
    cut = width - 1
    if not line[cut - 1].isspace() and not line[cut].isspace():
        start = line.rfind(" ", 0, cut) + 1
        end = line.find(" ", cut)
        word = line[start : len(line) if end < 0 else end]
        if _HAS_DIGIT.search(word) and start > 0:
            cut = start
    short = cell[:cut]
    short.rstrip()
    short.append("…")
    return short
