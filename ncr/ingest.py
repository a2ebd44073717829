"""Ingest: turn command-line paths into ``Article`` records.

What it does: checks that every path exists (before reading anything), reads
text files, directories (recursively, in sorted order), JSONL files and stdin
(``-``), decodes bytes (BOM, UTF-8, then cp1252), derives an id, title and
metadata for each article, and makes ids unique. Inputs that cannot be
(fully) read become ``Problem`` records returned next to the articles.

What it does not do: it never prints, exits or changes the text. The decoded
string is kept exactly as decoded (no line-ending normalisation, no
stripping; only a BOM is dropped) so every later offset indexes it.
Boilerplate masking lives in ``ncr.clean``.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import BinaryIO, Sequence

from ncr.errors import UsageError
from ncr.records import Article

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIX = ".jsonl"
STDIN = "-"
STDIN_ID = "stdin"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 LE one.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f")
_CONTROL_SHARE = 0.10

_TITLE_MAX_WORDS = 20
_TITLE_MAX_CHARS = 150
_TITLE_BAD_ENDINGS = (".", "?", "!", ":", '"', "\u201d", "\u2019")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OPTIONAL_STRINGS = ("title", "url", "outlet")


@dataclass(frozen=True, slots=True)
class Problem:
    """One input that could not be (fully) read; the CLI prints it as a warning."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Ingested:
    """The articles read, in input order, and the problems met on the way."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


class Undecodable(ValueError):
    """Bytes that are not text ncr can read; ``reason`` is a short phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def decode(data: bytes) -> str:
    """Decode file bytes: BOM, else strict UTF-8, else cp1252; binary is refused.

    The BOM is not part of the result; nothing else is changed. Data without
    a BOM that holds a NUL byte or more than 10% control characters (other
    than tab, newline, carriage return and form feed) is binary, even if it
    happens to be valid UTF-8 (e.g. UTF-16 without a BOM).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise Undecodable("cannot decode text") from None
    if _looks_binary(data):
        raise Undecodable("binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise Undecodable("cannot decode text") from None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or a large share of control bytes."""
    if not data:
        return False
    if b"\x00" in data:
        return True
    controls = sum(1 for b in data if (b < 0x20 or b == 0x7F) and b not in _ALLOWED_CONTROLS)
    return controls / len(data) > _CONTROL_SHARE


def read_inputs(paths: Sequence[str], stdin: BinaryIO | None = None) -> Ingested:
    """Read every path (file, directory or ``-``) into articles, in the order given.

    Raises ``UsageError`` if any path does not exist, before anything is read.
    """
    for path in paths:
        if path != STDIN and not os.path.lexists(path):
            raise UsageError(f"no such file or directory: {path}")
    reader = _Reader(stdin)
    for path in paths:
        if path == STDIN:
            reader.read_stdin()
        elif os.path.isdir(path):
            reader.read_directory(path)
        elif path.lower().endswith(JSONL_SUFFIX):
            reader.read_file(path, jsonl=True)
        else:
            reader.read_file(path, jsonl=False)
    return Ingested(tuple(reader.articles), tuple(reader.problems))


class _Reader:
    """Collects articles and problems; makes ids unique as articles arrive."""

    def __init__(self, stdin: BinaryIO | None) -> None:
        self.stdin = stdin
        self.stdin_read = False
        self.articles: list[Article] = []
        self.problems: list[Problem] = []
        self.ids: set[str] = set()
        self.repeats: dict[str, int] = {}

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def add(self, article: Article) -> None:
        """Keep the article, renaming its id to ``<id>-N`` if already taken."""
        if article.id in self.ids:
            base = article.id
            n = self.repeats.get(base, 1)
            new = base
            while new in self.ids:
                n += 1
                new = f"{base}-{n}"
            self.repeats[base] = n
            self.problem(article.path, f"duplicate id {base!r} renamed to {new!r}")
            article = _replace_id(article, new)
        self.ids.add(article.id)
        self.articles.append(article)

    def read_stdin(self) -> None:
        if self.stdin_read:
            self.problem(STDIN, "skipped: stdin given more than once")
            return
        self.stdin_read = True
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        try:
            data = stream.read()
        except OSError as exc:
            self.problem(STDIN, f"skipped: cannot read ({exc.strerror or exc})")
            return
        text = self.decoded(STDIN, data)
        if text is None:
            return
        if text.lstrip().startswith("{"):
            self.read_jsonl(STDIN, text)
        else:
            self.read_text(STDIN, STDIN_ID, text)

    def read_directory(self, root: str) -> None:
        found = _walk(root)
        if not found:
            self.problem(root, "skipped: no .txt, .text, .md or .jsonl files")
        for path in found:
            self.read_file(path, jsonl=path.lower().endswith(JSONL_SUFFIX))

    def read_file(self, path: str, *, jsonl: bool) -> None:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            self.problem(path, f"skipped: cannot read ({exc.strerror or exc})")
            return
        text = self.decoded(path, data)
        if text is None:
            return
        if jsonl:
            self.read_jsonl(path, text)
        else:
            self.read_text(path, PurePath(path).stem, text)

    def decoded(self, path: str, data: bytes) -> str | None:
        """The text, or ``None`` after noting why it is skipped."""
        try:
            text = decode(data)
        except Undecodable as exc:
            self.problem(path, f"skipped: {exc.reason}")
            return None
        if not text.strip():
            self.problem(path, "skipped: empty file")
            return None
        return text

    def read_text(self, path: str, source_id: str, text: str) -> None:
        self.add(Article(id=source_id, text=text, path=path, title=guess_title(text)))

    def read_jsonl(self, path: str, text: str) -> None:
        for lineno, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                article, warning = parse_jsonl_line(line, f"{path}:{lineno}")
            except ValueError as exc:
                self.problem(path, f"line {lineno}: {exc}")
                continue
            if warning:
                self.problem(path, f"line {lineno}: {warning}")
            self.add(article)


def _replace_id(article: Article, new_id: str) -> Article:
    return replace(article, id=new_id)


def _walk(root: str) -> list[str]:
    """Readable files under ``root``, hidden entries skipped, sorted by posix path."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            suffix = os.path.splitext(name)[1].lower()
            if suffix in TEXT_SUFFIXES or suffix == JSONL_SUFFIX:
                found.append(Path(dirpath, name).as_posix())
    return sorted(found)


def guess_title(text: str) -> str | None:
    """The first non-empty line, if it looks like a headline; else ``None``.

    A headline has at most 20 words and 150 characters and does not end like
    a sentence (``.``, ``?``, ``!``, ``:``) or a quote. A Markdown ``#``
    heading marker is dropped.
    """
    for line in text.splitlines():
        line = line.strip()
        if line:
            break
    else:
        return None
    if line.startswith("#"):
        line = line.lstrip("#").strip()
    if not line or len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS:
        return None
    if line.endswith(_TITLE_BAD_ENDINGS):
        return None
    return line


def parse_jsonl_line(line: str, path: str) -> tuple[Article, str | None]:
    """One JSONL line as an article, plus a warning about a dropped ``published``.

    Raises ``ValueError`` with a short reason if the line is unusable.
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")

    raw_id = obj.get("id")
    if raw_id is None:
        raise ValueError("missing 'id'")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise ValueError("'id' must be a string")
    source_id = str(raw_id).strip()
    if not source_id:
        raise ValueError("empty 'id'")

    text = obj.get("text")
    if text is None:
        raise ValueError("missing 'text'")
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    if not text.strip():
        raise ValueError("empty 'text'")

    extras: dict[str, str | None] = {}
    for key in _OPTIONAL_STRINGS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be a string")
        extras[key] = (value or "").strip() or None

    published, warning = _published(obj.get("published"))
    article = Article(
        id=source_id, text=text, path=path, published=published,
        published_from="metadata" if published else None, **extras,
    )
    return article, warning


def _published(value: object) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD or None, warning or None)`` for a ``published`` value."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        value = value.strip()
        if parse_date(value) is not None:
            return value[:10], None
    return None, f"invalid 'published' {value!r} (want YYYY-MM-DD), ignored"


def parse_date(value: str) -> date | None:
    """The date of ``YYYY-MM-DD`` or an ISO datetime starting with one, else ``None``."""
    if not _DATE.match(value):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None
