"""Ingest: turn command-line paths into ``Article`` records.

What it does: checks that every path exists (before reading anything), reads
text files, directories (recursively, in sorted order), JSONL files (line by
line) and stdin (``-``), decodes and sanitises them (``ncr.decoding``), derives
an id, title and metadata for each article, and makes ids unique. Anything
that is not a regular file (FIFO, device, socket) is skipped unopened, so
nothing can block or read for ever; stdin is read up to a cap and an article
beyond ``--max-chars`` is cut at a paragraph break. Every input is either read
or returned as a ``Problem`` saying why not; every repair is a ``Problem`` too.

What it does not do: it never prints or exits. Repairs replace one character
by one (``ncr.decoding``), so offsets index the text every later stage sees.
Boilerplate masking lives in ``ncr.clean``.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import PurePath
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from ncr.decoding import Undecodable, clean_string, decode, sanitise
from ncr.errors import UsageError
from ncr.fetch import FetchError, FetchPolicy, fetch, is_url
from ncr.files import NotRegular, cut_point, open_regular, os_reason, utf8_boundary, walk_inputs
from ncr.pages import HTML_SUFFIXES, looks_like_html, read_page
from ncr.records import Article, Problem

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIX = ".jsonl"
STDIN = "-"
STDIN_ID = "stdin"

_TITLE_MAX_WORDS = 20
_TITLE_MAX_CHARS = 150
_TITLE_BAD_ENDINGS = (".", "?", "!", ":", '"', "\u201d", "\u2019")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OPTIONAL_STRINGS = ("title", "url", "outlet")

# The default longest article, in characters: far beyond any news story (a long
# feature is ~50,000), short enough that one article cannot exhaust memory.
DEFAULT_MAX_CHARS = 1_000_000
# UTF-8 takes at most four bytes a character; JSON escapes up to six ("\\u00e9").
_BYTES_PER_CHAR = 4
_JSON_BYTES_PER_CHAR = 6
# The most read from stdin (a JSONL feed of thousands of articles fits).
STDIN_MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much ncr reads: characters per article, bytes from stdin, and how it fetches URLs."""

    max_chars: int = DEFAULT_MAX_CHARS
    stdin_max_bytes: int = STDIN_MAX_BYTES
    fetch: FetchPolicy = FetchPolicy()


@dataclass(frozen=True, slots=True)
class Ingested:
    """The articles read, in input order, and the problems met on the way."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def read_inputs(
    paths: Sequence[str], stdin: BinaryIO | None = None, limits: Limits = Limits(), urls: Sequence[str] = (),
) -> Ingested:
    """Read every path (file, directory, URL or ``-``), then every URL of ``urls``
    (a ``--urls`` file's lines), into articles, in the order given.

    Raises ``UsageError`` if any path does not exist, before anything is read.
    """
    for path in paths:
        if path != STDIN and not is_url(path) and not os.path.lexists(path):
            raise UsageError(f"no such file or directory: {path}")
    reader = _Reader(stdin, limits)
    for path in paths:
        if path == STDIN:
            reader.read_stdin()
        elif is_url(path):
            reader.read_url(path)
        elif os.path.isdir(path):
            reader.read_directory(path)
        else:
            reader.read_file(path)
    for url in urls:
        reader.read_url(url)
    return Ingested(tuple(reader.articles), tuple(reader.problems))


class _Reader:
    """Collects articles and problems; makes ids unique as articles arrive."""

    def __init__(self, stdin: BinaryIO | None, limits: Limits) -> None:
        self.stdin = stdin
        self.limits = limits
        self.stdin_read = False
        self.articles: list[Article] = []
        self.problems: list[Problem] = []
        self.ids: set[str] = set()
        self.repeats: dict[str, int] = {}

    def problem(self, path: str, reason: str, *, skipped: bool = False) -> None:
        self.problems.append(Problem(path, reason, skipped))

    def skip(self, path: str, reason: str) -> None:
        self.problem(path, reason, skipped=True)

    def add(self, article: Article, whole: str | None = None) -> None:
        """Keep the article (cut to the size limit), renaming its id to ``<id>-N`` if taken.

        ``whole``: how long the input was, when only part of it was read ("20,000,361 bytes").
        """
        article = self.within_limit(article, whole)
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

    def within_limit(self, article: Article, whole: str | None = None) -> Article:
        """The article cut at a paragraph break before ``max_chars``, with a warning saying so."""
        text, limit = article.text, self.limits.max_chars
        if len(text) <= limit:
            return article
        cut = cut_point(text, limit)
        self.problem(
            article.path,
            f"{whole or f'{len(text):,} characters'}: only the first {cut:,} characters read "
            f"(the limit is {limit:,}; see --max-chars)",
        )
        return replace(article, text=text[:cut])

    def read_stdin(self) -> None:
        if self.stdin_read:
            self.skip(STDIN, "stdin given more than once")
            return
        self.stdin_read = True
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        cap = self.limits.stdin_max_bytes
        try:
            data = stream.read(cap + 1)
        except OSError as exc:
            self.skip(STDIN, f"cannot read ({os_reason(exc)})")
            return
        if len(data) > cap:
            data = data[:cap]
            self.problem(STDIN, f"more than {cap:,} bytes: only the first {cap:,} read")
        text = self.decoded(STDIN, data)
        if text is None:
            return
        if text.lstrip().startswith("{"):
            self.read_jsonl_text(STDIN, text)
        else:
            self.read_text(STDIN, STDIN_ID, text)

    def read_directory(self, root: str) -> None:
        errors: list[OSError] = []
        found = walk_inputs(root, TEXT_SUFFIXES | HTML_SUFFIXES | {JSONL_SUFFIX}, errors.append)
        for error in errors:
            where = error.filename or root
            self.skip(str(where), f"cannot read directory ({os_reason(error)})")
        if not found and not errors:
            self.skip(root, "no .txt, .text, .md, .html, .htm or .jsonl files")
        for path in found:
            self.read_file(path)

    def read_file(self, path: str) -> None:
        try:
            with open_regular(path) as fh:
                if path.lower().endswith(JSONL_SUFFIX):
                    self.read_jsonl(path, fh)
                    return
                cap = self.limits.max_chars * _BYTES_PER_CHAR
                if path.lower().endswith(tuple(HTML_SUFFIXES)):
                    cap = max(cap, self.limits.fetch.max_bytes)  # markup weighs more than its text
                data = fh.read(cap + 1)
                size = os.fstat(fh.fileno()).st_size
        except NotRegular as exc:
            self.skip(path, f"not a regular file ({exc.kind})")
            return
        except OSError as exc:
            self.skip(path, f"cannot read ({os_reason(exc)})")
            return
        whole = None
        if len(data) > cap:  # the character limit cuts the text further, and warns
            data, whole = utf8_boundary(data[:cap]), f"{size:,} bytes"
        stem = clean_string(PurePath(path).stem)
        if path.lower().endswith(tuple(HTML_SUFFIXES)) or looks_like_html(data):
            self.read_page(path, stem, data, url=None)
            return
        text = self.decoded(path, data)
        if text is not None:
            self.read_text(path, stem, text, whole)

    def read_url(self, url: str) -> None:
        """Fetch a URL: a web page is read like a saved one, plain text like a .txt file."""
        try:
            fetched = fetch(url, self.limits.fetch)
        except FetchError as exc:
            self.skip(url, f"cannot fetch ({exc})")
            return
        source_id = url_id(fetched.url)
        if fetched.content_type in {"text/html", "application/xhtml+xml"} or looks_like_html(fetched.data):
            self.read_page(url, source_id, fetched.data, url=fetched.url)
        elif fetched.content_type.startswith("text/"):
            text = self.decoded(url, fetched.data)
            if text is not None:
                self.add(Article(id=source_id, text=text, path=url, title=guess_title(text), url=fetched.url))
        else:
            self.skip(url, f"not a web page or text ({fetched.content_type or 'no content type'})")

    def read_page(self, path: str, source_id: str, data: bytes, url: str | None) -> None:
        """An HTML page's main text, title, outlet, byline and publication date (``ncr.pages``)."""
        try:
            page = read_page(data, url)
        except Exception as exc:  # noqa: BLE001 - a page the extractor cannot take is one skipped input
            self.skip(path, f"cannot read the page ({type(exc).__name__})")
            return
        if not page.text.strip():
            self.skip(path, "no main text found in the page")
            return
        for note in page.notes:
            self.problem(path, note)
        self.add(
            Article(
                id=source_id, text=page.text, path=path, title=page.title, published=page.published,
                published_from="html" if page.published else None, url=page.url, outlet=page.outlet,
                author=page.author, extracted=True,
            )
        )

    def decoded(self, path: str, data: bytes) -> str | None:
        """The text, or ``None`` after noting why it is skipped; repairs become warnings."""
        try:
            result = decode(data)
        except Undecodable as exc:
            self.skip(path, exc.reason)
            return None
        if not result.text.strip():
            self.skip(path, "empty file")
            return None
        for note in result.notes:
            self.problem(path, note)
        return result.text

    def read_text(self, path: str, source_id: str, text: str, whole: str | None = None) -> None:
        self.add(Article(id=source_id, text=text, path=path, title=guess_title(text)), whole)

    def read_jsonl(self, path: str, fh: BinaryIO) -> None:
        """A JSONL file line by line (never all at once); a line too long for the limit is skipped."""
        cap = self.limits.max_chars * _JSON_BYTES_PER_CHAR + 65_536
        lineno = 0
        while True:
            line = fh.readline(cap + 1)
            if not line:
                break
            lineno += 1
            if len(line) > cap and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # drop the rest of the line unread
                    line = fh.readline(cap + 1)
                self.skip(path, f"line {lineno}: longer than {cap:,} bytes")
                continue
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            self.read_jsonl_line(path, lineno, line.decode("utf-8", errors="replace"))

    def read_jsonl_text(self, path: str, text: str) -> None:
        for lineno, line in enumerate(text.split("\n"), start=1):
            self.read_jsonl_line(path, lineno, line)

    def read_jsonl_line(self, path: str, lineno: int, line: str) -> None:
        if not line.strip():
            return
        try:
            article, warnings = parse_jsonl_line(line, f"{path}:{lineno}")
        except ValueError as exc:
            self.skip(path, f"line {lineno}: {exc}")
            return
        for warning in warnings:
            self.problem(path, f"line {lineno}: {warning}")
        self.add(article)


def url_id(url: str) -> str:
    """A source id for a URL: its last path segment without extension ("quake-toll"),
    else its host."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    name = PurePath(unquote(segments[-1])).stem if segments else ""
    if not name or name.lower() in {"index", "default", "article", "story"}:
        name = "-".join([parts.hostname or "page", *segments[:-1][-1:]])
    return clean_string(name).strip() or "page"


def read_url_list(path: str) -> list[str]:
    """The URLs of a ``--urls`` file: one a line; blank lines and ``#`` comments skipped.

    Raises ``UsageError`` if the file cannot be read.
    """
    try:
        with open_regular(path) as fh:
            data = fh.read(STDIN_MAX_BYTES)
    except NotRegular as exc:
        raise UsageError(f"--urls {path}: not a regular file ({exc.kind})") from None
    except OSError as exc:
        raise UsageError(f"--urls {path}: cannot read ({os_reason(exc)})") from None
    lines = data.decode("utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _replace_id(article: Article, new_id: str) -> Article:
    return replace(article, id=new_id)


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


def parse_jsonl_line(line: str, path: str) -> tuple[Article, tuple[str, ...]]:
    """One JSONL line as an article, plus warnings (a dropped ``published``, repaired text).

    Strings are sanitised (``ncr.decoding.sanitise``): a JSON escape can hold a
    lone surrogate or a control character. Raises ``ValueError`` with a short
    reason if the line is unusable.
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise ValueError("invalid JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")

    raw_id = obj.get("id")
    if raw_id is None:
        raise ValueError("missing 'id'")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise ValueError("'id' must be a string")
    source_id = clean_string(str(raw_id)).strip()
    if not source_id:
        raise ValueError("empty 'id'")

    raw_text = obj.get("text")
    if raw_text is None:
        raise ValueError("missing 'text'")
    if not isinstance(raw_text, str):
        raise ValueError("'text' must be a string")
    text, notes = sanitise(raw_text)
    if not text.strip():
        raise ValueError("empty 'text'")

    extras: dict[str, str | None] = {}
    for key in _OPTIONAL_STRINGS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be a string")
        extras[key] = clean_string(value or "").strip() or None

    published, warning = _published(obj.get("published"))
    article = Article(
        id=source_id, text=text, path=path, published=published,
        published_from="metadata" if published else None, **extras,
    )
    return article, (*notes, *([warning] if warning else []))


def _published(value: object) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD or None, warning or None)`` for a ``published`` value."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        value = value.strip()
        if parse_date(value) is not None:
            return value[:10], None
    return None, f"invalid 'published' {clean_string(repr(value))[:80]} (want YYYY-MM-DD), ignored"


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
