"""Terminal output that fits (issue 15): width, numbers never split, compact who-said-what,
whole-number bounds of counts, the help pages, --version.

The articles are written for these tests (an invented harbour fire); none comes
from the seeds or a gold.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.testing import CliRunner

from ncr.cli import app
from ncr.diff import _topic_rows
from ncr.records import Attribution, Claim, Entity, Interval, Qualifier
from ncr.render.console import DEFAULT_WIDTH, fit, piped_width, truncate
from ncr.render.values import interval, who, whole

RUNNER = CliRunner()

HARBOUR = {
    "quay_gazette": (
        "Fire at Ostrel Harbour\n\n"
        "About 12 people were injured in the fire at Ostrel Harbour on Monday, the port authority said.\n"
        "Harbour master Lena Vasquez-Oberholtzer said 1,250,000 litres of fuel were stored on the quay.\n"
        "“We acted within minutes,” Lena Vasquez-Oberholtzer said.\n"
    ),
    "evening_lamp": (
        "Ostrel Harbour Burns\n\n"
        "As many as 40 people were injured, witnesses said.\n"
        "Vasquez-Oberholtzer said that the crews had been warned.\n"
        "Between 2,000,000 and 19,999,999 litres of water were pumped, the fire service said.\n"
        "“It could have been much worse,” Chief Officer Amadou Keita-Lindqvist said.\n"
    ),
    "coast_wire": (
        "Ostrel Fire Toll Rises\n\n"
        "At least 15 people were injured, a hospital spokesperson said.\n"
        "“The quay will reopen on Friday,” Lena Vasquez-Oberholtzer said.\n"
    ),
}


def run(*args: object, columns: int) -> str:
    result = RUNNER.invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns), "NO_COLOR": "1", "FORCE_COLOR": None})
    assert result.exit_code in (0, 3), result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    directory = tmp_path_factory.mktemp("harbour")
    paths = []
    for name, text in HARBOUR.items():
        path = directory / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- width


def test_terminal_piped_width_is_columns_else_default() -> None:
    assert piped_width({"COLUMNS": "80"}) == 80
    assert piped_width({"COLUMNS": "200"}) == 200
    assert piped_width({}) == DEFAULT_WIDTH == 100
    assert piped_width({"COLUMNS": "wide"}) == 100
    assert piped_width({"COLUMNS": "0"}) == 100


def test_terminal_fit_keeps_every_number_whole_at_80_columns() -> None:
    table = Table()
    table.add_column("what")
    table.add_column("interval", no_wrap=True)
    table.add_column("source", no_wrap=True, overflow="ellipsis", min_width=10)
    table.add_column("who")
    numbers = ["2,000,000–19,999,999", "[1,350–1,650]", "12,345,678"]
    table.add_row(
        Text("an estimated 12,345,678 tonnes of grain shipped through the northern corridor"),
        Text(numbers[0]), Text("a_very_long_source_identifier"),
        Text("a spokesperson for the regional grain board [1,350–1,650] said"),
    )
    console = Console(width=80, record=True, color_system=None)

    console.print(fit(table, console))

    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 80
    for number in numbers:
        assert any(number in line for line in lines), number
    assert any("…" in line for line in lines)  # the source id was cut, not wrapped


def test_terminal_truncate_never_cuts_a_number() -> None:
    assert truncate(Text("about 12,000 people fled"), 9).plain == "about…"
    assert truncate(Text("short"), 9).plain == "short"
    assert truncate(Text("abcdefghijklmnop"), 6).plain == "abcde…"


# ---------------------------------------------------------------- values


def test_terminal_counts_show_whole_number_bounds() -> None:
    assert whole(10.8, 13.2) == (11, 13)
    assert whole(1350.0, 1650.0) == (1350, 1650)
    assert whole(None, 13.2) == (None, 13)
    assert whole(0.2, 0.8) == (0.2, 0.8)  # no whole number inside: left as it is
    assert interval(Interval(10.8, 13.2, 12)) == "11–13"
    assert interval(Interval(2.7, 3.3, 3)) == "3"


def test_terminal_speaker_shown_with_the_entity_name_when_the_words_differ() -> None:
    entities = {
        "E1": Entity("E1", "Ilse Darrow", "PERSON", (), (), ()),
        "E2": Entity("E2", "Pentagon", "ORG", (), (), ()),
    }
    assert who(Attribution("Darrow", "E1"), entities) == "Darrow → Ilse Darrow"
    assert who(Attribution("the mayor", "E1"), entities) == "the mayor → Ilse Darrow"
    assert who(Attribution("Ilse Darrow", "E1"), entities) == "Ilse Darrow"
    assert who(Attribution("The Pentagon", "E2"), entities) == "The Pentagon"
    assert who(Attribution("she", "E1"), entities) == "she (Ilse Darrow)"
    assert who(None, entities) == "unattributed"


def _claim(claim_id: str, source: str, value: float) -> Claim:
    return Claim(
        id=claim_id, source=source, text=f"{value:,.0f}", start=0, end=1, sentence="", unit="ship",
        value=Interval(value, value, value), qualifier=Qualifier.EXACT, subject="ships",
        attributed_to=None, as_of=None, topic="T1",
    )


def test_terminal_diff_shows_a_conflicting_pair_once() -> None:
    rows = _topic_rows("T1", [_claim("C1", "a", 100)], [_claim("C2", "b", 500)])

    assert [(r.status, r.a, r.b) for r in rows] == [("conflict", ("C1",), ("C2",))]


# ---------------------------------------------------------------- help and version


COMMANDS = [["claims"], ["entities"], ["quotes"], ["timeline"], ["diff"], ["extract"], ["cache", "info"],
            ["cache", "clear"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_terminal_help_has_clean_metavars_and_examples(command: list[str]) -> None:
    text = run(*command, "--help", columns=80)

    assert not re.search(r"<(bool|str|int|float|list)|\{\w+\}|<=x<=|x>=", text), text
    assert "Examples:" in text
    examples = text.split("Examples:")[1]
    assert len(re.findall(r"^\s*ncr ", examples, re.MULTILINE)) >= 1
    assert max(len(line) for line in text.splitlines()) <= 80


def test_terminal_every_command_has_examples() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            for sub in command.commands.values():
                assert sub.epilog and "Examples" in sub.epilog, f"{name} {sub.name}"
        else:
            assert command.epilog and "Examples" in command.epilog, name


def test_terminal_version_names_ncr_model_and_spacy() -> None:
    text = run("--version", columns=80)

    lines = text.splitlines()
    assert lines[0].startswith("ncr ")
    assert lines[1].startswith("model ")
    assert lines[2].startswith("spaCy ")


def test_terminal_completion_can_be_installed() -> None:
    assert "--install-completion" in run("--help", columns=80)


# ---------------------------------------------------------------- whole runs


def _shown_numbers(document: dict) -> set[str]:
    """Every interval a table shows for the claims of ``document``."""
    return {
        interval(Interval(c["value"]["low"], c["value"]["high"], c["value"]["estimate"])) for c in document["claims"]
    }


@pytest.mark.model
@pytest.mark.parametrize("columns", [80, 200])
@pytest.mark.parametrize("command", ["claims", "timeline", "quotes", "entities", "diff"])
def test_terminal_no_table_splits_a_number(harbour: list[Path], command: str, columns: int) -> None:
    document = json.loads(run("claims", "--json", *harbour, columns=columns))
    args = ["diff", harbour[0], harbour[1]] if command == "diff" else [command, *harbour]

    text = run(*args, columns=columns)

    lines = text.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    if command in ("claims", "timeline"):
        for number in _shown_numbers(document):
            assert any(number in line for line in lines), f"{number!r} not whole on one line:\n{text}"
    # No line ends inside a number that the next line continues ("2,000–1" / "9,999").
    for line, after in zip(lines, lines[1:]):
        assert not (re.search(r"\d[,–]?$", line.rstrip(" │┃")) and re.match(r"^[│┃ ]*[,–]?\d", after)), (line, after)


@pytest.mark.model
def test_terminal_about_a_dozen_people_has_whole_bounds(harbour: list[Path]) -> None:
    document = json.loads(run("claims", "--json", harbour[0], columns=100))
    about = next(c for c in document["claims"] if c["text"].startswith("About 12"))

    assert (about["value"]["low"], about["value"]["high"]) == (10.8, 13.2)  # the JSON keeps ±10 %
    assert "11–13" in run("claims", harbour[0], columns=100)


@pytest.mark.model
def test_terminal_who_said_what_shows_speakers_of_two_sources_unless_all_speakers(harbour: list[Path]) -> None:
    compact = run("claims", *harbour, columns=120)
    everyone = run("claims", *harbour, "--all-speakers", columns=120)

    who_part = compact.split("Who said what")[1]
    assert "Vasquez-Oberholtzer" in who_part  # quoted by all three
    assert "Amadou" not in who_part  # by one source only
    assert re.search(r"\+ \d+ speakers? quoted by one source only \(--all-speakers", who_part)
    assert "Amadou" in everyone.split("Who said what")[1]
    assert "--all-speakers shows" not in everyone


@pytest.mark.model
def test_terminal_markdown_says_one_source_in_the_singular(harbour: list[Path]) -> None:
    text = run("claims", "--format", "markdown", harbour[0], columns=100)

    assert "(1 source)" in text and "1 sources" not in text


@pytest.mark.model
def test_terminal_diff_csv_carries_the_claim_texts(harbour: list[Path]) -> None:
    import csv
    import io

    text = run("diff", harbour[0], harbour[1], "--format", "csv", columns=100)

    rows = list(csv.DictReader(io.StringIO(text)))
    claims = [r for r in rows if r["section"] == "claims"]
    assert claims
    for row in claims:
        for side in ("a", "b"):
            assert bool(row[side]) == bool(row[f"{side}_text"])
            if row[side]:
                assert re.search(r"\d.*\[.+\]", row[f"{side}_text"]), row
