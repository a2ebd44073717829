"""Clean: blank out boilerplate lines without moving any character.

What it does: ``mask_boilerplate`` replaces every character of a boilerplate
line with a space, keeping ``\\n`` and ``\\r`` where they are, so the result
has exactly the length of the input and any offset found in it indexes the
original article text. A boilerplate line is one whose stripped content is
only a URL (``http://…``, ``https://…`` or ``www.…``), such as ad or "read
more" links pasted between paragraphs. A dateline opening one of the first
lines ("SEOUL, South Korea — ", "JAKARTA - ") is blanked the same way: it is
where the story was filed, and the parser would take it for the subject of
the first sentence.

What it does not do: it does not delete, normalise or reflow anything, does
not touch URLs inside sentences, and does not detect other boilerplate
(bylines, "Advertisement", share buttons, cookie notices).
"""

from __future__ import annotations

import re

_URL_LINE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_KEEP = frozenset("\n\r")
# "SEOUL, South Korea — ", "JAKARTA - ", "NEW YORK (Reuters) - ": a place in capitals, a dash.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][\w.'\- ]{1,40})?(?:\s*\([\w .]{1,30}\))?\s*(?:—|–|--|-)\s+")
_DATELINE_LINES = 3


def mask_boilerplate(text: str) -> str:
    """``text`` with URL-only lines turned into spaces; same length, same line breaks."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _is_boilerplate(line):
            lines[i] = _blank(line)
        elif i < _DATELINE_LINES and (match := _DATELINE.match(line)):
            lines[i] = _blank(line[: match.end()]) + line[match.end() :]
    return "\n".join(lines)


def _blank(text: str) -> str:
    return "".join(ch if ch in _KEEP else " " for ch in text)


def _is_boilerplate(line: str) -> bool:
    """Whether a line (without its ``\\n``) holds nothing but a URL."""
    return _URL_LINE.fullmatch(line.strip()) is not None
