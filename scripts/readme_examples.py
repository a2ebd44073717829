"""Regenerate the example outputs in README.md from real runs of ncr.

Each example in the README sits between two marker comments:

    <!-- example: ncr claims seeds/ -->
    ```
    $ ncr claims seeds/
    ...the output of that command...
    ```
    <!-- /example -->

``<!-- example lines=20: ncr ... -->`` keeps the first 20 lines of the output and
ends the block with ``...``. Commands run in-process at a fixed width
(``COLUMNS=100``, ``NO_COLOR=1``), so the same code gives the same README.

    python scripts/readme_examples.py          # rewrite README.md
    python scripts/readme_examples.py --check  # exit 1 if an example is stale

``tests/test_readme.py`` runs the same commands and compares.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WIDTH = "100"

EXAMPLE = re.compile(
    r"<!-- example(?: lines=(?P<lines>\d+))?: (?P<command>.+?) -->\n(?P<body>.*?)<!-- /example -->",
    re.DOTALL,
)


@dataclass(frozen=True)
class Example:
    command: str
    lines: int | None
    body: str  # the block between the markers, as in the README
    start: int
    end: int


def examples(text: str) -> list[Example]:
    return [
        Example(m["command"], int(m["lines"]) if m["lines"] else None, m["body"], m.start("body"), m.end("body"))
        for m in EXAMPLE.finditer(text)
    ]


def run(command: str, env: dict[str, str | None] | None = None) -> str:
    """The stdout of ``command`` (which starts with ``ncr``), run in-process from the repository root."""
    import os

    from typer.testing import CliRunner

    from ncr.cli import app

    words = shlex.split(command)
    if words[:1] != ["ncr"]:
        raise ValueError(f"an example runs ncr, not {command!r}")
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            app, words[1:], env={"COLUMNS": WIDTH, "NO_COLOR": "1", "FORCE_COLOR": None, **(env or {})}
        )
    finally:
        os.chdir(here)
    if result.exit_code not in (0, 3):
        raise RuntimeError(f"{command}: exit {result.exit_code}: {result.stderr}")
    return result.stdout


def block(example: Example, output: str) -> str:
    """The README block for ``output``: the command, the output (right-trimmed lines, cut at
    ``lines``) in a fence."""
    lines = [line.rstrip() for line in output.rstrip("\n").splitlines()]
    if example.lines is not None and len(lines) > example.lines:
        lines = [*lines[: example.lines], "..."]
    return "```\n$ " + example.command + "\n" + "\n".join(lines) + "\n```\n"


def regenerate(text: str, env: dict[str, str | None] | None = None) -> str:
    """``text`` with every example block replaced by a fresh run."""
    out: list[str] = []
    position = 0
    for example in examples(text):
        out.append(text[position : example.start])
        out.append(block(example, run(example.command, env)))
        position = example.end
    out.append(text[position:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if README.md is not up to date")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    text = README.read_text(encoding="utf-8")
    fresh = regenerate(text)
    if args.check:
        if fresh != text:
            print("README.md examples are stale: run python scripts/readme_examples.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    print(f"README.md: {len(examples(text))} examples regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
