"""Renderers: a ``Report`` as a terminal table, CSV, Markdown or JSON lines.

JSON documents themselves are built by ``ncr.contract``; renderers only format.
"""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    """The ``--format`` choices."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
