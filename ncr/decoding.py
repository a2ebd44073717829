"""Bytes to safe text: decoding with every repair reported, and sanitising at ingest.

Rules, in order (``decode``):

1. A byte-order mark names the codec (UTF-8, UTF-16, UTF-32); the mark itself is dropped.
2. Known binary formats (PNG, JPEG, GIF, PDF, ZIP, gzip) are refused, and so is
   data that is mostly NUL or control bytes.
3. UTF-16 without a mark is recognised by its NUL bytes, all on even or all on
   odd positions of mostly-ASCII text.
4. Valid UTF-8 is UTF-8.
5. Invalid UTF-8 is still UTF-8 when it holds valid multi-byte sequences (one
   bad byte in a UTF-8 file): each bad byte becomes U+FFFD and a note names the
   first byte offset. Text with no valid multi-byte sequence at all is a
   single-byte legacy file and is read as cp1252, with a note saying so.

Then ``sanitise`` makes the string safe for every later stage and every output,
one character for one so that lengths and offsets do not move: lone surrogates
become U+FFFD; control characters other than tab, line feed, carriage return and
form feed (NUL, escape, C1 controls, DEL) become spaces, so an article can never
send an escape sequence to a terminal; a carriage return that does not end a
CRLF line becomes a line feed. Each kind of change gets one note with its count
and first offset. Nothing is changed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 LE one.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
)
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f")
# Share of control bytes (NUL included) above which data is binary, not text with a few stray bytes.
_CONTROL_SHARE = 0.10
# Bytes looked at to tell text from binary and UTF-16 from UTF-8.
_SAMPLE = 65_536

_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_BARE_CR = re.compile("\r(?!\n)")


class Undecodable(ValueError):
    """Bytes that are not text ncr can read; ``reason`` is a short phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and what was done to it on the way (empty when it was read as is)."""

    text: str
    notes: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode file bytes by the rules in the module docstring, then sanitise them.

    Raises ``Undecodable`` for binary data.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _finish(*_decode_replacing(data, codec))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise Undecodable(f"binary file ({kind})")
    sample = data[:_SAMPLE]
    utf16 = _utf16_without_bom(sample)
    if utf16 is not None:
        text, notes = _decode_replacing(data, utf16)
        return _finish(text, (f"read as {utf16.upper()} (no byte-order mark)", *notes))
    if _looks_binary(sample):
        raise Undecodable("binary file")
    try:
        return _finish(data.decode("utf-8"), ())
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _has_utf8_sequences(data):
        text, _ = _decode_replacing(data, "utf-8")
        bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        note = f"invalid UTF-8 at byte {first_bad}: {_count(bad, 'byte sequence')} replaced by U+FFFD"
        return _finish(text, (note,))
    text, notes = _decode_replacing(data, "cp1252")
    return _finish(text, ("not UTF-8: read as cp1252", *notes))


def _finish(text: str, notes: tuple[str, ...]) -> Decoded:
    clean, more = sanitise(text)
    return Decoded(clean, (*notes, *more))


def _decode_replacing(data: bytes, codec: str) -> tuple[str, tuple[str, ...]]:
    """``data`` in ``codec``, undecodable bytes as U+FFFD (with a note naming the first)."""
    try:
        return data.decode(codec), ()
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = data.decode(codec, errors="replace")
    return text, (f"invalid {codec.upper().removesuffix('-SIG')} at byte {first_bad}: replaced by U+FFFD",)


def _utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NULs sit on one parity of mostly-ASCII text."""
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
        if len(sample) < 4:
            return None
    evens, odds = sample[0::2], sample[1::2]
    half = len(sample) // 2
    even_nuls, odd_nuls = evens.count(0), odds.count(0)
    if odd_nuls >= 0.7 * half and even_nuls <= 0.05 * half:
        codec = "utf-16-le"
    elif even_nuls >= 0.7 * half and odd_nuls <= 0.05 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
    return codec if printable >= 0.9 * len(text) else None


def _looks_binary(sample: bytes) -> bool:
    """Mostly NUL or control bytes."""
    if not sample:
        return False
    controls = sum(1 for b in sample if (b < 0x20 or b == 0x7F) and b not in _ALLOWED_CONTROLS)
    return controls / len(sample) > _CONTROL_SHARE


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether the data holds a well-formed multi-byte UTF-8 sequence (cp1252 text rarely does)."""
    return _UTF8_SEQUENCE.search(data) is not None


def sanitise(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with surrogates, control characters and bare carriage returns replaced
    one for one, and a note per kind of change (see the module docstring)."""
    notes: list[str] = []
    for pattern, replacement, what in (
        (_SURROGATES, "\ufffd", "lone surrogate"),
        (_CONTROLS, " ", "control character"),
        (_BARE_CR, "\n", "bare carriage return"),
    ):
        first = pattern.search(text)
        if first is None:
            continue
        text, count = pattern.subn(replacement, text)
        shown = "U+FFFD" if replacement == "\ufffd" else ("a space" if replacement == " " else "a line feed")
        notes.append(f"{_count(count, what)} replaced by {shown} (first at character {first.start()})")
    return text, tuple(notes)


def clean_string(value: str) -> str:
    """A metadata string (id, title, outlet) made safe to print: sanitised, without the notes."""
    return sanitise(value)[0]


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"
