"""Clean: blank out boilerplate lines without moving any character.

What it does: ``mask_boilerplate`` replaces every character of a boilerplate
line with a space, keeping ``\\n`` and ``\\r`` where they are, so the result
has exactly the length of the input and any offset found in it indexes the
original article text. A boilerplate line is one whose stripped content is
only a URL (``http://…``, ``https://…`` or ``www.…``), such as ad or "read
more" links pasted between paragraphs.

What it does not do: it does not delete, normalise or reflow anything, does
not touch URLs inside sentences, and does not detect other boilerplate
(bylines, "Advertisement", share buttons, cookie notices).
"""

from __future__ import annotations

import re

_URL_LINE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_KEEP = frozenset("\n\r")


def mask_boilerplate(text: str) -> str:
    """``text`` with URL-only lines turned into spaces; same length, same line breaks."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _is_boilerplate(line):
            lines[i] = "".join(ch if ch in _KEEP else " " for ch in line)
    return "\n".join(lines)


def _is_boilerplate(line: str) -> bool:
    """Whether a line (without its ``\\n``) holds nothing but a URL."""
    return _URL_LINE.fullmatch(line.strip()) is not None
