"""Web pages to articles: the main text and metadata of an HTML page.

trafilatura finds the article's main text (no navigation, scripts, comments
or footer) and its title, site name and byline; htmldate finds the original
publication date in the page's metadata and URL only (never a date guessed from
the running text), which then anchors the article's relative dates
("on Friday") with ``published_from: "html"``. Both are well-kept libraries
that do this better than code of ncr's own would.

The article's text is the title on a line of its own, a blank line, then the
main text (one paragraph a line), as in a saved .txt article; its offsets index
this text, which the JSON carries per source (``extracted``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .decoding import clean_string, sanitise

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", re.IGNORECASE | re.DOTALL)
HTML_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True, slots=True)
class Page:
    """What a web page holds for ncr; ``text`` is empty when no main text was found."""

    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None  # YYYY-MM-DD
    url: str | None
    notes: tuple[str, ...] = ()  # repairs made to the text (``decoding.sanitise``)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes start like an HTML document (a doctype, or an html/head/body tag)."""
    return _HTML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")) is not None


def read_page(data: bytes | str, url: str | None = None) -> Page:
    """The main text and metadata of an HTML page (bytes in any encoding, or text)."""
    import htmldate
    import trafilatura
    from trafilatura.utils import decode_file

    html = decode_file(data) if isinstance(data, bytes) else data
    html, notes = sanitise(html)
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
    )
    body = (getattr(found, "text", None) or "").strip() if found is not None else ""
    title = _field(found, "title")
    published = htmldate.find_date(html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    text = f"{title}\n\n{body}\n" if title and body and not body.startswith(title) else (f"{body}\n" if body else "")
    return Page(
        text=text,
        title=title,
        outlet=_field(found, "sitename"),
        author=_field(found, "author"),
        published=published,
        url=_field(found, "url") or url,
        notes=notes,
    )


def _field(found: object, name: str) -> str | None:
    value = getattr(found, name, None) if found is not None else None
    if not isinstance(value, str):
        return None
    value = " ".join(clean_string(value).split())
    return value or None
