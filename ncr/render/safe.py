"""Output that an article cannot hijack: no control or reordering characters reach a reader.

Ingest already replaces control characters in article text (``ncr.decoding``),
but names of files and command-line values reach the output too, and
bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C)
are legitimate in text yet can reorder a terminal line or a Markdown table so
that a number reads as another. Every renderer that writes for people (tables,
Markdown) passes its text through here; JSON escapes control characters itself,
and CSV is written with full quoting (``csv_text``) so any field round-trips.
"""

from __future__ import annotations

import csv
import re
from typing import IO, Any

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_KEEPING_ESCAPE = re.compile("[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` without control, bidirectional-control and surrogate characters (tab and
    line feed kept): safe to print and to put in Markdown. They are invisible, so
    dropping them changes nothing a reader sees but the order they would impose;
    the JSON keeps them."""
    return _UNSAFE.sub("", text)


class SafeStream:
    """A text stream that writes through ``printable``, for a Rich console. With
    ``keep_escape`` (for a console that colours) the escape character passes, so
    Rich's own colour codes do; an escape sequence inside an article cannot,
    because ingest replaces every escape character in article text and file names
    (``ncr.decoding.sanitise``)."""

    def __init__(self, stream: IO[str], *, keep_escape: bool = True) -> None:
        self._stream = stream
        self._unsafe = _UNSAFE_KEEPING_ESCAPE if keep_escape else _UNSAFE

    def write(self, text: str) -> int:
        return self._stream.write(self._unsafe.sub("", text))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def csv_writer(buffer: IO[str]) -> Any:
    """A CSV writer by RFC 4180: CRLF line ends, and any field holding a comma, a quote,
    a line feed or a carriage return quoted, so a strict reader gets every field back.
    (With a bare line feed as line end, the csv module leaves a carriage return unquoted.)"""
    return csv.writer(buffer, dialect="excel", quoting=csv.QUOTE_MINIMAL, strict=True)
