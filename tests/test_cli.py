"""End-to-end tests of the command line (``ncr.cli.app``), run in-process with Typer's CliRunner.

Every input is written by the tests: the three flood articles of
``tests/conftest.py`` (``flood_story``) and the small files below. Only
``test_cli_bundled_seeds_smoke`` reads the bundled seeds. Tests marked
``model`` run the spaCy pipeline; ``load_model`` is cached per process, so the
model is loaded once and each output format is produced once (``flood_output``).
"""

from __future__ import annotations

import atexit
import csv
import io
import json
import os
import re
import subprocess
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import typer.main
from click.testing import Result
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from ncr.cli import app
from ncr.contract import load_schema
from ncr.render import OutputFormat

if TYPE_CHECKING:
    from conftest import Story

# Click >= 8.2 (installed: 8.5) keeps the streams apart: result.stdout and
# result.stderr; result.output mixes them. CliRunner(mix_stderr=...) is gone.
RUNNER = CliRunner()

SCHEMA = load_schema()
DOCUMENT_VALIDATOR = Draft202012Validator(SCHEMA)
# One ``claims`` item (a line of --format jsonl), refs resolved inside the shipped schema.
CLAIM_VALIDATOR = Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": "#/$defs/claim"})

# The caller's shell must not force colour into our runs (None unsets a variable).
# The tests' own record cache, so that runs neither read nor fill the user's.
TEST_CACHE = tempfile.mkdtemp(prefix="ncr-test-cache-")
atexit.register(shutil.rmtree, TEST_CACHE, ignore_errors=True)
NEUTRAL_ENV: dict[str, str | None] = {
    "NO_COLOR": None, "FORCE_COLOR": None, "TTY_COMPATIBLE": None, "NCR_CACHE_DIR": TEST_CACHE,
}

CSV_HEADER = [
    "topic", "topic_label", "status", "claim", "source", "text", "low", "high", "estimate",
    "qualifier", "unit", "subject", "attributed_to", "attributed_entity", "as_of", "start", "end", "certainty",
]

SGR = re.compile(r"\x1b\[([0-9;]*)m")
COLOUR_PARAMS = {*range(30, 50), *range(90, 98), *range(100, 108)}  # foreground/background colours

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


# ---------------------------------------------------------------- helpers


def ncr(*args: object, input: str | bytes | None = None, env: dict[str, str | None] | None = None) -> Result:
    """Run ``ncr ARGS`` in-process."""
    return RUNNER.invoke(app, [str(a) for a in args], input=input, env={**NEUTRAL_ENV, **(env or {})})


def ncr_subprocess(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ncr.cli ARGS`` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "ncr.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "NCR_CACHE_DIR": TEST_CACHE, **(env or {})},
        timeout=120,
    )


def assert_exit(result: Result, code: int) -> None:
    """Exit status ``code``, reached without an escaped exception or a traceback."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"ncr raised {result.exception!r}; stderr: {result.stderr}") from result.exception
    assert "Traceback" not in result.stderr
    assert result.exit_code == code, f"exit {result.exit_code} != {code}; stderr: {result.stderr}"


def valid_document(stdout: str) -> dict[str, Any]:
    """stdout as JSON, checked against the shipped ``ncr/v1`` schema."""
    document = json.loads(stdout)
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in DOCUMENT_VALIDATOR.iter_errors(document)]
    assert not problems, problems
    assert document["schema"] == "ncr/v1"
    assert document["command"] == "claims"
    return document


def warnings(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("ncr: warning: ")]


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("ncr: error: ")]


def status_by_claim(document: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(source, claim as written) -> status of the claim's topic."""
    status = {t["id"]: t["status"] for t in document["topics"]}
    return {(c["source"], c["text"]): status[c["topic"]] for c in document["claims"]}


def assert_offsets_slice(document: dict[str, Any], texts: dict[str, str]) -> None:
    """Every claim's start:end cuts its own text out of its source, inside its sentence."""
    for claim in document["claims"]:
        text = texts[claim["source"]]
        assert text[claim["start"] : claim["end"]] == claim["text"], claim
        assert claim["text"] in claim["sentence"], claim
        assert claim["sentence"] in text, claim


def colour_codes(text: str) -> list[str]:
    """The SGR escape sequences of ``text`` that set a colour (bold, dim etc. are not colour)."""
    return [
        m.group(0)
        for m in SGR.finditer(text)
        if any(p.isdigit() and int(p) in COLOUR_PARAMS for p in m.group(1).split(";"))
    ]


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def write_jsonl(path: Path, *rows: dict[str, Any] | str) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------- shared runs


@pytest.fixture(scope="module")
def flood_output(flood_story: Story) -> Callable[[str], Result]:
    """``ncr claims --format FMT <the three flood articles>``, run once per format."""
    runs: dict[str, Result] = {}

    def run(fmt: str) -> Result:
        if fmt not in runs:
            runs[fmt] = ncr("claims", "--format", fmt, *flood_story.paths, env={"NO_COLOR": "1"})
        return runs[fmt]

    return run


@pytest.fixture(scope="module")
def flood_document(flood_output: Callable[[str], Result]) -> dict[str, Any]:
    result = flood_output("json")
    assert_exit(result, 0)
    return valid_document(result.stdout)


@dataclass(frozen=True)
class MessyRun:
    """One run over good inputs mixed with bad ones."""

    result: Result
    bad: dict[str, Path]  # what is wrong -> path
    good: list[Path]
    texts: dict[str, str]  # source id -> text as it should be decoded


@pytest.fixture(scope="module")
def messy_run(tmp_path_factory: pytest.TempPathFactory) -> MessyRun:
    root = tmp_path_factory.mktemp("messy")
    texts = {
        "bridges": "Bridges Inspected\n\nWorkers repaired 14 bridges on Wednesday, the county said.\n",
        "ferry": "Ferry Service Halted\n\nAbout 300 passengers were stranded at the harbour, the operator said.\n",
        "schools": "Schools Closed\n\nThe council\u2019s spokesman said 9 schools were closed \u2014 the most since 1998.\n",
        "wire-1": "Volunteers filled 600 sandbags in Brackenford on Monday.",
        "wire-2": "The regional grid operator said 1,200 homes lost power.",
    }
    bridges = root / "bridges.txt"
    bridges.write_bytes(texts["bridges"].encode("utf-8"))
    ferry = root / "ferry.txt"
    ferry.write_bytes(texts["ferry"].encode("utf-16"))  # with a BOM
    assert ferry.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    schools = root / "schools.txt"
    schools.write_bytes(texts["schools"].encode("cp1252"))  # not UTF-8: 0x92, 0x97
    empty = root / "empty.txt"
    empty.write_bytes(b"")
    photo = root / "photo.txt"
    photo.write_bytes(PNG_BYTES)
    wire = write_jsonl(
        root / "wire.jsonl",
        {"id": "wire-1", "text": texts["wire-1"]},
        '{"id": "wire-bad", "text": "Forty boats were',
        {"id": "wire-2", "text": texts["wire-2"]},
    )
    result = ncr("claims", "--format", "json", empty, bridges, photo, ferry, wire, schools)
    return MessyRun(
        result=result,
        bad={"empty": empty, "binary": photo, "jsonl line 2": wire, "read as cp1252": schools},
        good=[bridges, ferry, wire, schools],
        texts=texts,
    )


# ---------------------------------------------------------------- help


def test_cli_help_lists_the_claims_command() -> None:
    result = ncr("--help")

    assert_exit(result, 0)
    assert "Usage: ncr" in result.stdout
    assert "claims" in result.stdout
    assert "--help" in result.stdout


def test_cli_claims_help_documents_every_option() -> None:
    command = typer.main.get_command(app).commands["claims"]

    result = ncr("claims", "--help", env={"COLUMNS": "250"})

    assert_exit(result, 0)
    flat = " ".join(result.stdout.split())
    params = [p for p in command.params if p.name != "help"]
    assert {p.name for p in params} >= {"paths", "output", "as_json", "model", "published", "tolerance",
                                        "fail_on_conflict", "debug"}
    for param in params:
        assert param.help, f"{param.name} has no help text"
        assert " ".join(param.help.split()) in flat, param.name
        for opt in [*param.opts, *param.secondary_opts]:
            if opt.startswith("-"):
                assert opt in result.stdout, opt
    for fmt in OutputFormat:
        assert fmt.value in result.stdout


def test_cli_help_does_not_import_spacy(tmp_path: Path) -> None:
    script = (
        "import json, sys\n"
        "from ncr.cli import app\n"
        "codes = []\n"
        "for args in (['--help'], ['claims', '--help']):\n"
        "    try:\n"
        "        app(args, prog_name='ncr')\n"
        "    except SystemExit as exit:\n"
        "        codes.append(exit.code)\n"
        "print(json.dumps({'codes': codes, 'spacy': 'spacy' in sys.modules}), file=sys.stderr)\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )

    assert done.returncode == 0, done.stderr
    assert "Usage: ncr" in done.stdout
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report == {"codes": [0, 0], "spacy": False}


# ---------------------------------------------------------------- json


@pytest.mark.model
def test_cli_json_validates_against_schema(flood_output: Callable[[str], Result], flood_story: Story) -> None:
    result = flood_output("json")

    assert_exit(result, 0)
    assert result.stderr == ""
    document = valid_document(result.stdout)
    assert document["sources"] == [
        {
            "id": source_id,
            "path": str(flood_story.path(source_id)),
            "title": text.splitlines()[0],
            "published": None,
            "chars": len(text),
            "published_from": None,
            "year": None,
            "url": None,
            "outlet": None,
            "author": None,
            "text": None,  # offsets index the file as read
        }
        for source_id, text in flood_story.texts.items()
    ]
    assert document["skipped"] == [] and document["warnings"] == []
    assert {c["source"] for c in document["claims"]} == set(flood_story.texts)


@pytest.mark.model
def test_cli_json_offsets_slice_source_text(flood_document: dict[str, Any], flood_story: Story) -> None:
    texts = {
        source_id: flood_story.path(source_id).read_bytes().decode("utf-8") for source_id in flood_story.texts
    }

    assert flood_document["claims"]
    assert_offsets_slice(flood_document, texts)


@pytest.mark.model
def test_cli_json_reports_conflict_and_agreement(flood_document: dict[str, Any]) -> None:
    status = status_by_claim(flood_document)

    assert status[("marl_courier", "more than 5,000")] == "conflict"
    assert status[("valley_herald", "About 2,000")] == "conflict"
    assert status[("valley_herald", "12")] == "agree"
    assert status[("north_post", "At least 10")] == "agree"
    assert status[("marl_courier", "40")] == "single"
    claims = {c["id"]: c for c in flood_document["claims"]}
    for topic in flood_document["topics"]:
        assert (topic["status"] == "conflict") == bool(topic["conflicts"])
        for a, b in topic["conflicts"]:
            assert {a, b} <= set(topic["claims"])
            assert claims[a]["source"] != claims[b]["source"]


@pytest.mark.model
def test_cli_json_flag_is_shorthand_for_format_json(
    flood_output: Callable[[str], Result], flood_story: Story
) -> None:
    result = ncr("claims", "--json", *flood_story.paths)

    assert_exit(result, 0)
    assert result.stdout == flood_output("json").stdout


@pytest.mark.model
def test_cli_json_is_byte_identical_across_runs(flood_output: Callable[[str], Result], flood_story: Story) -> None:
    paths = [str(p) for p in flood_story.paths]
    again = ncr("claims", "--format", "json", *paths)
    # Fresh interpreters with different string hashing: no set or dict order may leak out.
    fresh = [ncr_subprocess("claims", "--format", "json", *paths, env={"PYTHONHASHSEED": s}) for s in ("1", "2")]

    assert_exit(again, 0)
    assert again.stdout == flood_output("json").stdout
    for done in fresh:
        assert done.returncode == 0, done.stderr
        assert done.stdout == flood_output("json").stdout


@pytest.mark.model
def test_cli_input_order_does_not_change_statuses(flood_document: dict[str, Any], flood_story: Story) -> None:
    result = ncr("claims", "--json", *reversed(flood_story.paths))

    assert_exit(result, 0)
    reordered = valid_document(result.stdout)
    assert [s["id"] for s in reordered["sources"]] == [s["id"] for s in reversed(flood_document["sources"])]
    assert status_by_claim(reordered) == status_by_claim(flood_document)


# ---------------------------------------------------------------- other formats


@pytest.mark.model
def test_cli_jsonl_lines_are_schema_claims(
    flood_output: Callable[[str], Result], flood_document: dict[str, Any]
) -> None:
    result = flood_output("jsonl")

    assert_exit(result, 0)
    assert result.stdout.endswith("\n")
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        problems = [e.message for e in CLAIM_VALIDATOR.iter_errors(record)]
        assert not problems, (record, problems)
    assert records == flood_document["claims"]


@pytest.mark.model
def test_cli_csv_has_header_and_one_row_per_claim(
    flood_output: Callable[[str], Result], flood_document: dict[str, Any]
) -> None:
    result = flood_output("csv")

    assert_exit(result, 0)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == CSV_HEADER
    records = [dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]]
    claims = {c["id"]: c for c in flood_document["claims"]}
    topics = {t["id"]: t for t in flood_document["topics"]}
    assert sorted(r["claim"] for r in records) == sorted(claims)
    for record in records:
        claim = claims[record["claim"]]
        assert record["topic"] == claim["topic"]
        assert record["status"] == topics[claim["topic"]]["status"]
        assert (record["source"], record["text"]) == (claim["source"], claim["text"])
        assert (int(record["start"]), int(record["end"])) == (claim["start"], claim["end"])
        assert record["low"] == ("" if claim["value"]["low"] is None else str(claim["value"]["low"]))
        assert record["high"] == ("" if claim["value"]["high"] is None else str(claim["value"]["high"]))


@pytest.mark.model
def test_cli_markdown_has_heading_and_table_per_topic(
    flood_output: Callable[[str], Result], flood_document: dict[str, Any]
) -> None:
    result = flood_output("markdown")

    assert_exit(result, 0)
    claims_part, who_part = result.stdout.split("## Who said what\n")
    lines = claims_part.splitlines()
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [
        f"## {t['id']} {t['label']}: {t['status'].upper()}" for t in flood_document["topics"]
    ]
    who_rows = [line for line in who_part.splitlines() if line.startswith("|")]
    assert {unescaped_pipes(row) for row in who_rows} == {len(flood_document["sources"]) + 2}
    rows = [line for line in lines if line.startswith("|")]
    header = "| | value as written | interval | source | attributed to | as of |"
    assert rows.count(header) == len(flood_document["topics"])
    assert len(rows) == 2 * len(flood_document["topics"]) + len(flood_document["claims"])
    assert {unescaped_pipes(row) for row in rows} == {unescaped_pipes(header)}


@pytest.mark.model
def test_cli_table_piped_with_no_color_has_no_ansi(
    flood_output: Callable[[str], Result], flood_story: Story
) -> None:
    result = flood_output("table")  # run with NO_COLOR=1

    assert_exit(result, 0)
    assert "\x1b" not in result.stdout
    assert "CONFLICT" in result.stdout
    for source_id in flood_story.texts:
        assert source_id in result.stdout


@pytest.mark.model
def test_cli_table_on_a_terminal_drops_colour_under_no_color(flood_story: Story) -> None:
    # FORCE_COLOR makes Rich treat the captured stdout as a terminal; NO_COLOR still wins for colour.
    terminal = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "140"}

    coloured = ncr("claims", *flood_story.paths, env=terminal)
    plain = ncr("claims", *flood_story.paths, env={**terminal, "NO_COLOR": "1"})

    assert_exit(coloured, 0)
    assert_exit(plain, 0)
    assert colour_codes(coloured.stdout), "control run: a terminal should get colour"
    assert colour_codes(plain.stdout) == []
    # Note: Rich still emits bold/dim (SGR 1, 2) here; NO_COLOR only covers colour.


# ---------------------------------------------------------------- exit codes


def test_cli_missing_path_is_a_usage_error(tmp_path: Path, flood_story: Story) -> None:
    missing = tmp_path / "no such [dir]" / "gone.txt"

    result = ncr("claims", "--json", *flood_story.paths, missing)

    assert_exit(result, 2)
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"ncr: error: no such file or directory: {missing}"]


def test_cli_error_names_path_verbatim_even_with_emoji_codes(tmp_path: Path) -> None:
    missing = tmp_path / "notes :fire: draft.txt"

    result = ncr("claims", missing)

    assert_exit(result, 2)
    assert result.stderr.splitlines() == [f"ncr: error: no such file or directory: {missing}"]


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["--format", "yaml"], "--format"),
        (["--published", "valley_herald"], "--published"),
        (["--published", "valley_herald=05/03/2024"], "--published"),
        (["--tolerance", "1.5"], "--tolerance"),
    ],
    ids=["bad-format", "published-without-date", "published-wrong-date-format", "tolerance-out-of-range"],
)
def test_cli_bad_option_is_a_usage_error(args: list[str], mentions: str, flood_story: Story) -> None:
    result = ncr("claims", *args, *flood_story.paths)

    assert_exit(result, 2)
    assert result.stdout == ""
    assert mentions in result.stderr


@pytest.mark.model
def test_cli_fail_on_conflict_exits_3_on_conflict(flood_output: Callable[[str], Result], flood_story: Story) -> None:
    result = ncr("claims", "--json", "--fail-on-conflict", *flood_story.paths)

    assert_exit(result, 3)
    assert result.stdout == flood_output("json").stdout  # the report is still printed


@pytest.mark.model
def test_cli_fail_on_conflict_exits_0_without_conflict(flood_story: Story) -> None:
    result = ncr("claims", "--json", "--fail-on-conflict", flood_story.path("valley_herald"))

    assert_exit(result, 0)
    assert valid_document(result.stdout)["claims"]


@pytest.mark.model
def test_cli_full_tolerance_clears_the_conflict(flood_story: Story) -> None:
    result = ncr("claims", "--json", "--fail-on-conflict", "--tolerance", "1", *flood_story.paths)

    assert_exit(result, 0)
    assert "conflict" not in {t["status"] for t in valid_document(result.stdout)["topics"]}


def test_cli_unknown_model_is_a_usage_error_naming_the_installed_ones(flood_story: Story) -> None:
    from spacy.util import get_installed_models

    result = ncr("claims", "--model", "ncr_test_no_such_model", flood_story.path("valley_herald"))

    assert_exit(result, 2)
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    message = errors(result)[0]
    assert "no model named 'ncr_test_no_such_model'" in message
    for installed in get_installed_models():
        assert installed in message


# ---------------------------------------------------------------- bad inputs


@pytest.mark.model
def test_cli_unreadable_inputs_are_warned_about_and_skipped(messy_run: MessyRun) -> None:
    result = messy_run.result

    assert_exit(result, 0)
    assert result.stderr.splitlines() == warnings(result)
    *each, summary = warnings(result)
    assert len(each) == len(messy_run.bad)
    assert summary.startswith("ncr: warning: 5 sources read, 3 inputs skipped, 1 other warning")
    document = valid_document(result.stdout)
    assert [s["input"] for s in document["skipped"]] == [
        str(messy_run.bad["empty"]), str(messy_run.bad["binary"]), str(messy_run.bad["jsonl line 2"])
    ]
    assert document["warnings"] == [{"input": str(messy_run.bad["read as cp1252"]), "message": "not UTF-8: read as cp1252"}]
    for problem, path in messy_run.bad.items():
        naming = [line for line in warnings(result) if f" {path}: " in line]
        assert len(naming) == 1, (problem, result.stderr)
        if problem == "jsonl line 2":
            assert "line 2" in naming[0]
        else:
            assert problem in naming[0]


@pytest.mark.model
def test_cli_readable_inputs_survive_bad_neighbours(messy_run: MessyRun) -> None:
    assert_exit(messy_run.result, 0)
    document = valid_document(messy_run.result.stdout)

    bridges, ferry, wire, schools = messy_run.good
    assert [(s["id"], s["path"]) for s in document["sources"]] == [
        ("bridges", str(bridges)),
        ("ferry", str(ferry)),
        ("wire-1", f"{wire}:1"),
        ("wire-2", f"{wire}:3"),
        ("schools", str(schools)),
    ]
    for source in document["sources"]:
        assert source["chars"] == len(messy_run.texts[source["id"]])
    assert {c["source"] for c in document["claims"]} == set(messy_run.texts)
    assert_offsets_slice(document, messy_run.texts)


def test_cli_all_inputs_unreadable_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    photo = tmp_path / "photo.txt"
    photo.write_bytes(PNG_BYTES)

    result = ncr("claims", "--json", empty, photo)

    assert_exit(result, 1)
    assert result.stdout == ""
    assert len(warnings(result)) == 3  # one per input, and the summary
    assert warnings(result)[-1].startswith("ncr: warning: 0 sources read, 2 inputs skipped")
    assert errors(result) == ["ncr: error: no readable articles in the input"]
    assert len(result.stderr.splitlines()) == 4


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_cli_traceback_only_with_debug(debug: bool, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    done = ncr_subprocess("claims", *(["--debug"] if debug else []), str(empty))

    assert done.returncode == 1
    assert done.stdout == ""
    if debug:
        assert "Traceback" in done.stderr
        assert "no readable articles" in done.stderr
    else:
        assert "Traceback" not in done.stderr
        assert done.stderr.splitlines()[-1] == "ncr: error: no readable articles in the input"


# ---------------------------------------------------------------- --published, stdin, seeds


@pytest.mark.model
def test_cli_published_sets_source_date_and_as_of(flood_story: Story) -> None:
    result = ncr(
        "claims", "--json",
        "--published", "valley_herald=2024-03-05",
        "--published", "atlantis_gazette=2024-03-06",
        *flood_story.paths,
    )

    assert_exit(result, 0)
    assert len(warnings(result)) == 1
    assert "atlantis_gazette" in warnings(result)[0]
    document = valid_document(result.stdout)
    published = {s["id"]: s["published"] for s in document["sources"]}
    assert published == {"valley_herald": "2024-03-05", "marl_courier": None, "north_post": None}
    assert document["claims"]
    for claim in document["claims"]:
        assert claim["as_of"] == published[claim["source"]]


@pytest.mark.model
def test_cli_published_rejects_impossible_date(flood_story: Story) -> None:
    result = ncr("claims", "--json", "--published", "valley_herald=2024-02-30", flood_story.path("valley_herald"))

    assert_exit(result, 2)
    assert "--published" in result.stderr


@pytest.mark.model
def test_cli_reads_text_from_stdin(flood_story: Story) -> None:
    text = flood_story.texts["valley_herald"]

    result = ncr("claims", "--json", "-", input=text.encode("utf-8"))

    assert_exit(result, 0)
    document = valid_document(result.stdout)
    assert document["sources"] == [
        {
            "id": "stdin", "path": "-", "title": "River Marl Floods Brackenford", "published": None,
            "chars": len(text), "published_from": None, "year": None, "url": None, "outlet": None,
            "author": None, "text": None,
        }
    ]
    assert document["claims"]
    assert_offsets_slice(document, {"stdin": text})


@pytest.mark.model
def test_cli_bundled_seeds_smoke() -> None:
    result = ncr("claims", "--json")

    assert_exit(result, 0)
    document = valid_document(result.stdout)
    assert document["sources"]
    assert document["claims"]


# ---------------------------------------------------------------- renderer bugs


@pytest.mark.model
@pytest.mark.parametrize("source_id", ["[red]wire", "wire [/b]"])
def test_cli_table_prints_source_ids_verbatim(source_id: str, tmp_path: Path) -> None:
    feed = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": source_id, "text": "About 2,000 residents were evacuated, officials said."},
    )

    result = ncr("claims", feed, env={"NO_COLOR": "1"})

    assert_exit(result, 0)
    assert source_id in result.stdout


@pytest.mark.model
def test_cli_markdown_escapes_pipes_in_source_ids(tmp_path: Path) -> None:
    feed = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": "AP|Reuters", "text": "About 2,000 residents were evacuated, officials said."},
    )

    result = ncr("claims", "--format", "markdown", feed)

    assert_exit(result, 0)
    claims_part, who_part = result.stdout.split("## Who said what\n")
    rows = [line for line in claims_part.splitlines() if line.startswith("|")]
    assert len(rows) == 3
    assert {unescaped_pipes(row) for row in rows} == {7}
    assert {unescaped_pipes(row) for row in who_part.splitlines() if row.startswith("|")} == {3}


@pytest.mark.model
@pytest.mark.parametrize(("command", "filled"), [("entities", {"entities"}), ("quotes", {"entities", "quotes"})])
def test_cli_other_commands_print_valid_documents(flood_story: Story, command: str, filled: set[str]) -> None:
    result = ncr(command, "--json", *flood_story.paths)

    assert_exit(result, 0)
    document = json.loads(result.stdout)
    DOCUMENT_VALIDATOR.validate(document)
    assert document["command"] == command
    sections = {"entities", "claims", "topics", "quotes", "dates"}
    assert {name for name in sections if document[name]} <= filled
    assert document["entities"]


@pytest.mark.model
@pytest.mark.parametrize("command", ["entities", "quotes"])
@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "markdown"])
def test_cli_other_commands_render_every_format(flood_story: Story, command: str, fmt: str) -> None:
    result = ncr(command, "--format", fmt, *flood_story.paths, env={"NO_COLOR": "1"})

    assert_exit(result, 0)
    assert result.stdout.strip()
    if fmt == "jsonl":
        for line in result.stdout.splitlines():
            json.loads(line)


@pytest.mark.model
def test_cli_json_lists_money_shares_and_measures_apart_from_counts(tmp_path: Path) -> None:
    story = tmp_path / "mill.txt"
    story.write_text(
        "The mill, which cost about $40 million to build, will employ 350 workers. "
        "Output will rise 12 percent to 900 megawatts, officials said.\n",
        encoding="utf-8",
    )
    result = ncr("claims", story, "--format", "json")
    assert_exit(result, 0)
    document = json.loads(result.stdout)
    DOCUMENT_VALIDATOR.validate(document)
    text = story.read_text(encoding="utf-8")
    assert [c["text"] for c in document["claims"]] == ["350"]
    measures = {m["kind"]: m for m in document["measures"]}
    assert set(measures) == {"money", "percent", "measure"}
    assert measures["money"]["value"] == {"low": 36_000_000, "high": 44_000_000, "estimate": 40_000_000}
    assert measures["measure"]["unit"] == "megawatts"
    for m in document["measures"]:
        assert text[m["start"] : m["end"]] == m["text"]


@pytest.mark.model
def test_cli_hedged_and_denied_figures_say_so(tmp_path: Path) -> None:
    story = tmp_path / "raid.txt"
    story.write_text(
        "About 30 fighters were reportedly killed in the raid on Tuesday. "
        "The army denied that 12 civilians were hurt. "
        "Medics said 9 soldiers were wounded.\n",
        encoding="utf-8",
    )
    document = json.loads(ncr("claims", story, "--format", "json").stdout)
    DOCUMENT_VALIDATOR.validate(document)
    certainty = {c["text"]: c["certainty"] for c in document["claims"]}
    assert certainty["About 30"] == {"cues": ["reportedly"], "denied": False}
    assert certainty["12"] == {"cues": ["denied"], "denied": True}
    assert certainty["9"] is None
    table = ncr("claims", story, env={"COLUMNS": "200"}).stdout
    assert "About 30 (reportedly)" in table and "12 (denied)" in table
