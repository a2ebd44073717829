"""The hostile-input corpus: every case with its expected outcome.

Each case is written here, for the test. Outcomes: ``read`` (a source, maybe
with a warning saying what was repaired or cut) or ``skipped`` (with its
reason); never a crash, a hang, silent corruption or unbounded memory. The
first part runs ingest alone (fast); the last runs the whole command line over
every case at once and checks that each input is accounted for.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ncr.decoding import sanitise
from ncr.ingest import Limits, Problem, read_inputs
from ncr.render.safe import csv_writer, printable

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
STORY = "Harbour officials said 40 fishing boats were damaged in the storm on Tuesday.\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def only(result, path: Path) -> list[Problem]:  # type: ignore[no-untyped-def]
    return [p for p in result.problems if p.path == str(path)]


# ---------------------------------------------------------------- size and endless input


def test_huge_file_is_cut_with_a_warning_and_its_neighbour_read(tmp_path: Path) -> None:
    paragraph = "Crews cleared 12 roads after the storm, the county said.\n\n"
    huge = write(tmp_path / "huge.txt", paragraph * (20_000_000 // len(paragraph)))  # 20 MB
    good = write(tmp_path / "good.txt", STORY)

    result = read_inputs([str(huge), str(good)])

    big, small = result.articles
    assert small.text == STORY
    assert len(big.text) <= 1_000_000 and big.text.endswith("\n\n")  # cut at a paragraph break
    (problem,) = only(result, huge)
    assert not problem.skipped
    assert problem.reason == (
        f"{huge.stat().st_size:,} bytes: only the first {len(big.text):,} characters read "
        "(the limit is 1,000,000; see --max-chars)"
    )


def test_a_read_limit_inside_a_character_is_not_an_invalid_byte(tmp_path: Path) -> None:
    text = "Caf\u00e9 \u20ac" * 1000  # two- and three-byte characters throughout
    path = write(tmp_path / "wide.txt", text)

    for max_chars in (1000, 1001, 1002, 1003):
        result = read_inputs([str(path)], limits=Limits(max_chars=max_chars))
        (article,) = result.articles
        assert text.startswith(article.text) and "\ufffd" not in article.text
        assert [p.reason.split(":")[0] for p in result.problems] == [f"{len(text.encode()):,} bytes"]


def test_one_megabyte_line_without_newline_is_read(tmp_path: Path) -> None:
    line = write(tmp_path / "line.txt", "Officials said 40 people were hurt. " * 30_000)  # 1.08 MB, no newline

    result = read_inputs([str(line)], limits=Limits(max_chars=2_000_000))

    (article,) = result.articles
    assert len(article.text) == 1_080_000 and result.problems == ()


def test_one_megabyte_jsonl_line_is_read_and_cut(tmp_path: Path) -> None:
    text = "Officials said 40 people were hurt. " * 30_000
    feed = write(tmp_path / "feed.jsonl", json.dumps({"id": "long", "text": text}) + "\n" + json.dumps({"id": "short", "text": STORY}) + "\n")

    result = read_inputs([str(feed)])

    long, short = result.articles
    assert short.text == STORY
    assert text.startswith(long.text) and len(long.text) <= 1_000_000
    assert "only the first" in result.problems[0].reason


def test_endless_stdin_is_read_up_to_its_cap() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            assert size > 0, "an endless stream must never be read to its end"
            return (b"forty boats " * (size // 12 + 1))[:size]

    result = read_inputs(["-"], stdin=Endless(), limits=Limits(stdin_max_bytes=10_000))

    (article,) = result.articles
    assert len(article.text) == 10_000
    assert result.problems == (Problem("-", "more than 10,000 bytes: only the first 10,000 read"),)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_in_a_directory_is_skipped_unopened(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", STORY)
    os.mkfifo(tmp_path / "d" / "x.txt")  # nobody ever writes to it: opening it to read would block

    result = read_inputs([str(tmp_path / "d")])

    assert [a.id for a in result.articles] == ["a"]
    assert result.problems == (Problem(f"{tmp_path.as_posix()}/d/x.txt", "not a regular file (a FIFO)", skipped=True),)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_devices_are_skipped_unread(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", STORY)

    result = read_inputs(["/dev/zero", "/dev/urandom", str(good)])

    assert [a.id for a in result.articles] == ["good"]
    assert [(p.path, p.reason) for p in result.problems] == [
        ("/dev/zero", "not a regular file (a character device)"),
        ("/dev/urandom", "not a regular file (a character device)"),
    ]


# ---------------------------------------------------------------- encodings and characters


def test_one_invalid_byte_is_replaced_where_it_is_and_named(tmp_path: Path) -> None:
    text = "The mayor said \u201cnine bridges are shut\u201d on Monday.\n"
    data = text.encode("utf-8")
    bad_at = data.index(b"bridges")
    path = write(tmp_path / "bad.txt", data[:bad_at] + b"\xff" + data[bad_at:])

    result = read_inputs([str(path)])

    (article,) = result.articles
    assert article.text == text.replace("bridges", "\ufffdbridges")  # curly quotes intact: no whole-file recode
    assert result.problems == (Problem(str(path), f"invalid UTF-8 at byte {bad_at}: 1 byte sequence replaced by U+FFFD"),)


def test_lone_surrogate_in_jsonl_is_replaced(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", '{"id": "s\\udc00", "text": "Police said 30 people \\ud800 were hurt."}\n')

    result = read_inputs([str(feed)])

    (article,) = result.articles
    assert article.text == "Police said 30 people \ufffd were hurt." and article.id == "s\ufffd"
    assert result.problems[0].reason == "line 1: 1 lone surrogate replaced by U+FFFD (first at character 22)"
    article.text.encode("utf-8")  # writable


@pytest.mark.parametrize(
    ("name", "data", "outcome", "detail"),
    [
        ("empty", b"", "skipped", "empty file"),
        ("blank", b"  \n\t\r\n ", "skipped", "empty file"),
        ("png", PNG, "skipped", "binary file (PNG image)"),
        ("nul", b"Nine\x00 ships.", "read", "1 control character replaced by a space (first at character 4)"),
        ("utf16-bom", "Seven \u201cferries\u201d sailed.".encode("utf-16"), "read", None),
        ("utf16-le", "Seven ferries sailed at dawn.".encode("utf-16-le"), "read", "read as UTF-16-LE (no byte-order mark)"),
        ("utf16-be", "Seven ferries sailed at dawn.".encode("utf-16-be"), "read", "read as UTF-16-BE (no byte-order mark)"),
        ("cp1252", "Caf\u00e9 owners said \u201c30 tables\u201d were lost.".encode("cp1252"), "read", "not UTF-8: read as cp1252"),
        ("emoji", "Fans \U0001f389 said 300 flags flew \U0001f1ec\U0001f1e7.".encode(), "read", None),
        ("zero-width", "Some 4\u200b000 troops\u200d and \ufeff12 tanks.".encode(), "read", None),
        ("bidi", "Police said \u202e12 soldiers\u202c died \u2067here\u2069.".encode(), "read", None),
        ("escapes", b"Police said 30 people were hurt.\x1b[2J\x1b]0;owned\x07 hidden", "read",
         "3 control characters replaced by a space (first at character 32)"),
        ("bare-cr", b"Line one said 3.\rLine two said 4.\r\n", "read", "1 bare carriage return replaced by a line feed (first at character 16)"),
        ("numbers-only", b"1 2 3 4 5 6 7 8 9 10 11 12\n3.5 4,000 5e6 -7 +8\n", "read", None),
    ],
)
def test_encoding_cases(tmp_path: Path, name: str, data: bytes, outcome: str, detail: str | None) -> None:
    path = write(tmp_path / f"{name}.txt", data)

    result = read_inputs([str(path)])

    if outcome == "skipped":
        assert result.articles == ()
        assert result.problems == (Problem(str(path), detail or "", skipped=True),)
        return
    (article,) = result.articles
    assert [p.reason for p in result.problems] == ([detail] if detail else [])
    assert article.text == sanitise(article.text)[0]  # nothing unsafe left
    assert "\x1b" not in article.text and "\x00" not in article.text


def test_utf16_with_bom_is_read_exactly(tmp_path: Path) -> None:
    text = "Seven \u201cferries\u201d sailed.\n"
    path = write(tmp_path / "bom.txt", text.encode("utf-16"))

    assert read_inputs([str(path)]).articles[0].text == text


# ---------------------------------------------------------------- file system


def test_symlink_loop_is_skipped_with_its_reason(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    good = write(tmp_path / "good.txt", STORY)

    result = read_inputs([str(loop), str(good)])

    assert [a.id for a in result.articles] == ["good"]
    assert result.problems == (Problem(str(loop), "cannot read (too many levels of symbolic links)", skipped=True),)


def test_permission_denied_on_a_file_in_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "d" / "locked.txt", STORY)
    write(tmp_path / "d" / "open.txt", STORY)
    real_open = os.open

    def guarded_open(path, flags, *args):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", guarded_open)  # tests often run as root, who may read anything

    result = read_inputs([str(tmp_path / "d")])

    assert [a.id for a in result.articles] == ["open"]
    assert result.problems == (Problem(locked.as_posix(), "cannot read (permission denied)", skipped=True),)


def test_permission_denied_on_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "d" / "open.txt", STORY)
    write(tmp_path / "d" / "locked" / "inside.txt", STORY)
    real_scandir = os.scandir

    def guarded_scandir(path="."):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)

    result = read_inputs([str(tmp_path / "d")])

    assert [a.id for a in result.articles] == ["open"]
    assert result.problems == (
        Problem(str(tmp_path / "d" / "locked"), "cannot read directory (permission denied)", skipped=True),
    )


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every file")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", STORY)
    locked.chmod(0)

    result = read_inputs([str(locked)])

    assert result.problems == (Problem(str(locked), "cannot read (permission denied)", skipped=True),)


def test_thousands_of_tiny_files(tmp_path: Path) -> None:
    for i in range(3000):
        write(tmp_path / "many" / f"{i:04d}.txt", f"Item {i}: {i % 50} boats.")

    result = read_inputs([str(tmp_path / "many")])

    assert len(result.articles) == 3000 and result.problems == ()
    assert [a.id for a in result.articles[:3]] == ["0000", "0001", "0002"]


# ---------------------------------------------------------------- safe output


def test_printable_drops_controls_and_bidi_but_keeps_text() -> None:
    assert printable("a\x1b[2Jb\u202ec\u2066d\u2069e\x07f\tg\nh \U0001f389") == "a[2Jbcdef\tg\nh \U0001f389"


def test_csv_fields_with_carriage_returns_round_trip() -> None:
    rows = [("a\rb", 'say "hi"', "x,y", "line\nbreak", "plain")]
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerows(rows)

    read_back = list(csv.reader(io.StringIO(buffer.getvalue(), newline=""), strict=True))

    assert read_back == [list(rows[0])]


# ---------------------------------------------------------------- the whole command line over every case


@dataclass(frozen=True)
class Corpus:
    directory: Path
    inputs: list[str]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("hostile")
    files = {
        "story.txt": STORY.encode(),
        "empty.txt": b"",
        "png.txt": PNG,
        "nul.txt": b"Nine\x00 ships sailed into port.",
        "utf16.txt": "Seven ferries sailed at dawn.".encode("utf-16-le"),
        "cp1252.txt": "Caf\u00e9 owners said \u201c30 tables\u201d were lost.".encode("cp1252"),
        "badbyte.txt": "The mayor said \u201cnine bridges\u201d shut.".encode() + b"\xff",
        "escapes.txt": b"Police said 30 people were hurt.\x1b[2J\x1b[31m hidden \x1b]0;owned\x07 and 40 were killed.",
        "bidi.txt": "Police said \u202e12 soldiers\u202c died.".encode(),
        "bare-cr.txt": b"Officials said 300 homes flooded.\rOthers said 350 homes flooded.\r\n",
        "quotes.txt": (
            "\u201cOpen \u00ab nested \u2018inner \u201e deep\u201c \u300cJapanese\u300d \u300e \u201d said 5 people. "
            "\u201d\u201d\u201c\u201c \" \" \"a\" b\" \"\u00bb\u00ab \u2039x\u203a ''twice'' she said.\n"
        ).encode(),
        "numbers.txt": b"1 2 3 4 5 6 7 8 9 10\n3.5 4,000 5e6 -7 +8 99999999999999999999999999\n",
        "huge-numbers.txt": (
            "Officials said 10^100 soldiers, 1e308 soldiers and 999,999,999,999,999,999 soldiers came, "
            "and " + "9" * 400 + " people.\n"
        ).encode(),
        "edge-dates.jsonl": (
            json.dumps({"id": "late", "published": "9999-12-31", "text": "On Friday 20 people were arrested, police said."})
            + "\n"
            + '{"id": "surrogate", "text": "Police said 30 people \\ud800 were hurt."}\n'
            + "{not json\n"
        ).encode(),
    }
    for name, data in files.items():
        write(root / name, data)
    loop = root / "loop.txt"
    loop.symlink_to(loop)
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.txt")
    return Corpus(root, [str(root)])


@pytest.fixture(scope="module")
def corpus_runs(corpus: Corpus):  # type: ignore[no-untyped-def]
    from test_cli import ncr

    args = [*corpus.inputs, "--published", "story=0001-01-01"]
    return {
        "json": ncr("claims", "--format", "json", *args),
        "table": ncr("claims", *args),
        "markdown": ncr("claims", "--format", "markdown", *args),
        "csv": ncr("claims", "--format", "csv", *args),
        "quotes": ncr("quotes", *corpus.inputs),
        "timeline": ncr("timeline", *args),
    }


@pytest.mark.model
def test_cli_survives_every_hostile_case(corpus: Corpus, corpus_runs) -> None:  # type: ignore[no-untyped-def]
    from test_cli import assert_exit, valid_document

    for run in corpus_runs.values():
        assert_exit(run, 0)
    document = valid_document(corpus_runs["json"].stdout)
    read = {Path(s["path"]).name.split(":")[0] for s in document["sources"]}
    skipped = {Path(s["input"]).name: s["reason"] for s in document["skipped"]}
    assert read == {
        "story.txt", "nul.txt", "utf16.txt", "cp1252.txt", "badbyte.txt", "escapes.txt", "bidi.txt",
        "bare-cr.txt", "quotes.txt", "numbers.txt", "huge-numbers.txt", "edge-dates.jsonl",
    }
    expected_skips = {"empty.txt": "empty file", "png.txt": "binary file (PNG image)",
                      "loop.txt": "cannot read (too many levels of symbolic links)",
                      "edge-dates.jsonl": "line 3: invalid JSON (Expecting property name enclosed in double quotes)"}
    if hasattr(os, "mkfifo"):
        expected_skips["fifo.txt"] = "not a regular file (a FIFO)"
    assert skipped == expected_skips
    values = [c["value"] for c in document["claims"]]
    assert all(v["estimate"] is None or v["estimate"] < 2**53 for v in values)  # no huge or infinite count
    assert "Infinity" not in corpus_runs["json"].stdout and "NaN" not in corpus_runs["json"].stdout


@pytest.mark.model
def test_cli_output_carries_no_control_or_reordering_characters(corpus_runs) -> None:  # type: ignore[no-untyped-def]
    for name in ("table", "markdown", "quotes", "timeline"):
        out = corpus_runs[name].stdout + corpus_runs[name].stderr
        assert "\x1b" not in out, name  # not a terminal: no colour codes either
        assert not any(ch in out for ch in "\u202e\u202c\u2066\u2069\x07\r"), name
    assert "\u202e" in corpus_runs["json"].stdout  # the JSON keeps the text as it was


@pytest.mark.model
def test_cli_csv_round_trips_through_a_strict_reader(corpus_runs) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.reader(io.StringIO(corpus_runs["csv"].stdout, newline=""), strict=True))

    assert len({len(row) for row in rows}) == 1 and len(rows) > 5
