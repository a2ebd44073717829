"""Article records on disk: ``ncr extract --out DIR`` writes them, ``--records DIR`` reads them back.

A records directory holds JSONL partitions, ``part-00000.jsonl``,
``part-00001.jsonl``, ... of ``PARTITION_SIZE`` records each, one
``ncr.article_record.to_dict`` object a line, in input order. Partitions are
written atomically (a temporary name, then a rename), so a reader never sees
half a file; the partition files of a directory are read in name order. A line
that is not a record of this format is skipped with its reason, never trusted.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from .article_record import ArticleRecord, from_dict, to_dict
from .records import Problem

PARTITION_SIZE = 1000
_PATTERN = "part-*.jsonl"


def write_records(records: Iterable[ArticleRecord], directory: Path, partition_size: int = PARTITION_SIZE) -> int:
    """Write ``records`` as partitions under ``directory`` (created; earlier partitions removed); the count."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob(_PATTERN):
        old.unlink()
    count, part, lines = 0, 0, []
    for record in records:
        lines.append(json.dumps(to_dict(record), ensure_ascii=False, allow_nan=False))
        count += 1
        if len(lines) == partition_size:
            _write_partition(directory, part, lines)
            part, lines = part + 1, []
    if lines or count == 0:
        _write_partition(directory, part, lines)
    return count


def _write_partition(directory: Path, part: int, lines: Sequence[str]) -> None:
    fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in lines)
    os.replace(temporary, directory / f"part-{part:05d}.jsonl")


def read_records(directory: str) -> tuple[list[ArticleRecord], list[Problem]]:
    """The records of a records directory, in order, and the lines or files that could not be read."""
    root = Path(directory)
    problems: list[Problem] = []
    if not root.is_dir():
        return [], [Problem(directory, "not a records directory (see ncr extract --out)", skipped=True)]
    parts = sorted(root.glob(_PATTERN))
    if not parts:
        problems.append(Problem(directory, "no part-*.jsonl records files", skipped=True))
    records: list[ArticleRecord] = []
    for part in parts:
        try:
            with part.open(encoding="utf-8", errors="replace") as fh:
                for lineno, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        records.append(from_dict(json.loads(line)))
                    except (ValueError, RecursionError) as error:
                        problems.append(Problem(str(part), f"line {lineno}: {error}", skipped=True))
        except OSError as error:
            problems.append(Problem(str(part), f"cannot read ({error.strerror or error})", skipped=True))
    return records, problems


def with_unique_ids(records: Sequence[ArticleRecord], taken: set[str]) -> tuple[list[ArticleRecord], list[Problem]]:
    """``records`` with any id already in ``taken`` (or earlier in ``records``) renamed ``<id>-N``,
    as ingest renames duplicates, with a warning for each; ``taken`` gains the ids."""
    from dataclasses import replace

    out, problems = [], []
    for record in records:
        source = record.article.id
        if source in taken:
            n, new = 2, f"{source}-2"
            while new in taken:
                n += 1
                new = f"{source}-{n}"
            problems.append(Problem(record.article.path, f"duplicate id {source!r} renamed to {new!r}"))
            record = replace(
                record,
                article=replace(record.article, id=new),
                dates=tuple(replace(d, source=new) for d in record.dates),
            )
        taken.add(record.article.id)
        out.append(record)
    return out, problems
