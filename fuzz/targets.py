"""Fuzz targets for the normalisers that read untrusted text: numbers, dates and ingest.

Run by ``make fuzz`` (``fuzz/run.py``) under atheris, a coverage-guided fuzzer,
each for a bounded time. A target fails only by raising an exception the code
does not document (a crash), or by breaking the invariant it asserts. Findings
that were fixed are kept as regression tests in ``tests/test_hostile.py`` and
``tests/test_properties.py``.
"""

from __future__ import annotations

import math
from datetime import date

from ncr.decoding import Undecodable, decode, sanitise
from ncr.extract.datetext import BACK, FORWARD, Anchor, normalise, normalise_absolute, published_anchor
from ncr.extract.numbers import parse_digits, parse_number, vague_interval
from ncr.ingest import parse_jsonl_line

_ANCHOR_DAYS = ("0001-01-01", "0001-01-07", "2024-10-29", "9999-12-25", "9999-12-31")


def _text(data: bytes) -> str:
    """Any string, lone surrogates and controls included: the first byte picks how the rest is read."""
    if not data:
        return ""
    body = data[1:]
    if data[0] % 3 == 0:
        return body.decode("utf-8", errors="replace")
    if data[0] % 3 == 1:
        return body[: len(body) // 2 * 2].decode("utf-16-le", errors="surrogatepass")
    return body.decode("latin-1")


def numbers(data: bytes) -> None:
    """Digits, number words and vague amounts: a value is finite, a range ordered."""
    text = _text(data)
    words = text.split()
    for value in (parse_digits(text.strip()), parse_number(words)):
        assert value is None or not math.isnan(value)
    interval = vague_interval(words)
    if interval is not None:
        assert interval[0] <= interval[1]


def dates(data: bytes) -> None:
    """Date expressions under anchors at the calendar's edges: never an overflow."""
    text = _text(data)
    normalise_absolute(text)
    for day in _ANCHOR_DAYS:
        anchor: Anchor = published_anchor(day)
        for direction in (BACK, FORWARD, None):
            value, _grain = normalise(text, anchor, direction=direction)
            if value is not None and len(value) == 10:
                date.fromisoformat(value)


def ingest(data: bytes) -> None:
    """Bytes as a file and as a JSONL line: text is safe, or the input is refused with a reason."""
    try:
        decoded = decode(data)
    except Undecodable as exc:
        assert exc.reason
    else:
        assert sanitise(decoded.text) == (decoded.text, ())
    try:
        article, _warnings = parse_jsonl_line(_text(data), "fuzz.jsonl:1")
    except ValueError as exc:
        assert str(exc)
    else:
        assert sanitise(article.text)[0] == article.text
        article.text.encode("utf-8")


TARGETS = {"numbers": numbers, "dates": dates, "ingest": ingest}

# Starting inputs, so the fuzzer begins where the code does something.
SEEDS: dict[str, tuple[bytes, ...]] = {
    "numbers": (b"1,000", b"twenty-six", b"10^100", b"1e308", b"3.5 million", b"dozens of", b"2 lakh", b"9" * 40),
    "dates": (b"Friday", b"last week", b"2 days ago", b"March 5", b"the same day", b"28.10.2024", b"next year",
              b"Tuesday, October 29", b"earlier this month", b"in 2 weeks"),
    "ingest": (b'{"id": "a", "text": "x \\ud800", "published": "9999-12-31"}', b"\xff\xfeh\x00i\x00", b"\x89PNG",
               b"caf\xe9", b"a\x00b\x1b[2J", b"[[[[[[[[", "\u201cq\u201d".encode()),
}
