"""ncr diff: every row kind, on two articles written for the tests."""

import json

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from ncr.cli import app
from ncr.contract import load_schema
from ncr.diff import diff_sources
from ncr.errors import UsageError
from ncr.nlp import load_model
from ncr.pipeline import analyse
from ncr.records import Article

pytestmark = pytest.mark.model

MORNING = (
    "Freedonian Defence Minister Tomas Arbel said that about 4,000 Freedonian troops had crossed the border.\n"
    "Thousands of refugees had arrived in the camps, aid groups said.\n"
    "The Red Lantern Society said that 35 trucks of food were waiting at the crossing.\n"
    "“We are ready,” Arbel said.\n"
)
EVENING = (
    "Freedonian Defence Minister Tom Arbell said that 4,000 Freedonian troops were in the border zone.\n"
    "The border agency said that about 900 refugees had arrived in the camps.\n"
    "At least 12 tanks were destroyed, the Ruritanian army said.\n"
    "Mayor Ilse Darrow said the town was calm.\n"
)


@pytest.fixture(scope="module")
def report():
    return analyse(
        [Article(id="morning", text=MORNING, path="m.txt"), Article(id="evening", text=EVENING, path="e.txt")],
        load_model(),
    )


@pytest.fixture(scope="module")
def diff(report):
    return diff_sources(report, "morning", "evening")


def rows_about(report, diff, unit):
    claims = {c.id: c for c in report.claims}
    return [r for r in diff.claims if any(claims[i].unit == unit for i in (*r.a, *r.b))]


def test_diff_same_value_on_both_sides_agrees(report, diff):
    (row,) = rows_about(report, diff, "troop")
    assert row.status == "agree" and len(row.a) == len(row.b) == 1


def test_diff_values_that_cannot_both_hold_conflict(report, diff):
    statuses = {r.status for r in rows_about(report, diff, "refugee")}
    assert statuses == {"conflict"}  # thousands (at least 2,000) against about 900
    assert diff.has_conflict


def test_diff_claims_of_one_side_only(report, diff):
    assert [r.status for r in rows_about(report, diff, "truck")] == ["only_a"]
    assert [r.status for r in rows_about(report, diff, "tank")] == ["only_b"]


def test_diff_entities_shared_with_each_sides_name(report, diff):
    entities = {e.id: e for e in report.entities}
    shared = {entities[r.entity].name: r for r in diff.entities if r.status == "shared"}
    arbel = next(r for name, r in shared.items() if "Arbel" in name)
    assert set(arbel.a) == {"Tomas Arbel", "Arbel"} and arbel.b == ("Tom Arbell",)
    only = {(r.status, entities[r.entity].name) for r in diff.entities if r.status != "shared"}
    assert ("only_a", "Red Lantern Society") in only
    assert ("only_b", "Ilse Darrow") in only


def test_diff_quotes_per_speaker(diff):
    by_speaker = {r.speaker: r for r in diff.quotes}
    arbel = next(r for name, r in by_speaker.items() if "Arbel" in name)
    assert arbel.status == "both" and len(arbel.a) == 2 and len(arbel.b) == 1
    assert by_speaker["Ilse Darrow"].status == "only_b"


def test_diff_rejects_unknown_or_equal_sources(report):
    with pytest.raises(UsageError):
        diff_sources(report, "morning", "noon")
    with pytest.raises(UsageError):
        diff_sources(report, "morning", "morning")


def test_cli_diff_json_validates_and_fails_on_conflict(tmp_path):
    a, b = tmp_path / "morning.txt", tmp_path / "evening.txt"
    a.write_text(MORNING, encoding="utf-8")
    b.write_text(EVENING, encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", str(a), str(b), "--json", "--fail-on-conflict"])
    assert result.exit_code == 3, result.stderr
    document = json.loads(result.stdout)
    Draft202012Validator(load_schema()).validate(document)
    assert document["command"] == "diff"
    assert {row["status"] for row in document["diff"]["claims"]} == {"agree", "conflict", "only_a", "only_b"}
    assert CliRunner().invoke(app, ["diff", str(a), str(b)]).exit_code == 0


def test_cli_diff_by_id_inside_an_input(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "am", "text": MORNING}) + "\n" + json.dumps({"id": "pm", "text": EVENING}) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["diff", "am", "pm", "--in", str(feed), "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "## Claims" in result.stdout and "A: am" in result.stdout
    missing = CliRunner().invoke(app, ["diff", "am", "noon", "--in", str(feed)])
    assert missing.exit_code == 2 and "noon" in missing.stderr
