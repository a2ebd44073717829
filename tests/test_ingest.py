"""Tests for ncr.ingest: paths, stdin and JSONL into Articles, with problems returned."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ncr.errors import UsageError
from ncr.decoding import Decoded, Undecodable, decode, sanitise
from ncr.ingest import Ingested, Problem, read_inputs
from ncr.records import Article

PNG_LIKE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def jsonl(*rows: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


def test_ingest_txt_file(tmp_path: Path) -> None:
    text = "Quake Kills 40 in Coastal Town\n\nAt least 40 people died, officials said.\n"
    path = write(tmp_path / "000_abc.txt", text)

    result = read_inputs([str(path)])

    assert result == Ingested(
        articles=(
            Article(id="000_abc", text=text, path=str(path), title="Quake Kills 40 in Coastal Town"),
        ),
        problems=(),
    )


def test_ingest_keeps_text_exactly(tmp_path: Path) -> None:
    text = "  Headline\r\n\r\nBody with CRLF.\r\n\n  "
    path = write(tmp_path / "a.txt", text)

    (article,) = read_inputs([str(path)]).articles

    assert article.text == text
    assert article.title == "Headline"


def test_ingest_html_file_read_as_a_page(tmp_path: Path) -> None:
    path = write(tmp_path / "story.html", "<html><body><p>Hello there, 12 boats.</p><script>x = 5</script></body></html>")

    (article,) = read_inputs([str(path)]).articles

    assert article.id == "story"
    assert article.text == "Hello there, 12 boats.\n" and article.extracted


def test_ingest_explicit_other_extension_read_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "story.log", "Hello there, <b>12</b> boats.")

    (article,) = read_inputs([str(path)]).articles

    assert article.id == "story"
    assert article.text == "Hello there, <b>12</b> boats." and not article.extracted


def test_ingest_directory_recursion_and_ordering(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "B text.")
    write(root / "a.md", "A text.")
    write(root / "sub" / "c.text", "C text.")
    write(root / "a" / "z.txt", "Z text.")
    write(root / "notes.csv", "ignored,1")
    write(root / ".hidden.txt", "hidden file.")
    write(root / ".git" / "x.txt", "hidden dir.")
    write(root / "feed.jsonl", jsonl({"id": "j1", "text": "J text."}))

    result = read_inputs([str(root)])

    posix = root.as_posix()
    assert [(a.id, a.path) for a in result.articles] == [
        ("a", f"{posix}/a.md"),
        ("z", f"{posix}/a/z.txt"),
        ("b", f"{posix}/b.txt"),
        ("j1", f"{posix}/feed.jsonl:1"),
        ("c", f"{posix}/sub/c.text"),
    ]
    assert result.problems == ()


def test_ingest_paths_in_given_order(tmp_path: Path) -> None:
    b = write(tmp_path / "b.txt", "Second.")
    a = write(tmp_path / "a.txt", "First.")

    result = read_inputs([str(b), str(a)])

    assert [x.id for x in result.articles] == ["b", "a"]


def test_ingest_directory_without_inputs_is_a_problem(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    write(root / "x.csv", "a,b")

    result = read_inputs([str(root)])

    assert result.articles == ()
    assert result.problems == (Problem(str(root), "no .txt, .text, .md, .html, .htm or .jsonl files", skipped=True),)


def test_ingest_stdin_text() -> None:
    stdin = io.BytesIO("Flood Warning Issued\nRivers rose overnight.\n".encode())

    result = read_inputs(["-"], stdin=stdin)

    assert result.articles == (
        Article(
            id="stdin",
            text="Flood Warning Issued\nRivers rose overnight.\n",
            path="-",
            title="Flood Warning Issued",
        ),
    )


def test_ingest_stdin_jsonl() -> None:
    data = jsonl({"id": "s1", "text": "One."}, {"id": 2, "text": "Two."})
    stdin = io.BytesIO(b"\n  " + data.encode())

    result = read_inputs(["-"], stdin=stdin)

    assert [(a.id, a.path, a.text) for a in result.articles] == [
        ("s1", "-:2", "One."),
        ("2", "-:3", "Two."),
    ]
    assert result.problems == ()


def test_ingest_stdin_only_read_once(tmp_path: Path) -> None:
    stdin = io.BytesIO(b"Once.")

    result = read_inputs(["-", "-"], stdin=stdin)

    assert [a.id for a in result.articles] == ["stdin"]
    assert result.problems == (Problem("-", "stdin given more than once", skipped=True),)


def test_ingest_jsonl_good_and_malformed_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {"id": "a", "text": "Alpha.", "title": "Alpha", "url": "https://x.test/a", "outlet": "X"},
            "{not json",
            "",
            "[1, 2]",
            {"text": "no id"},
            {"id": "c", "text": "   "},
            {"id": "d", "text": 5},
            {"id": True, "text": "bool id"},
            {"id": "e", "text": "Echo.", "title": 3},
            {"id": "f", "text": "Foxtrot."},
        ),
    )

    result = read_inputs([str(path)])

    p = str(path)
    assert result.articles == (
        Article(id="a", text="Alpha.", path=f"{p}:1", title="Alpha", url="https://x.test/a", outlet="X"),
        Article(id="f", text="Foxtrot.", path=f"{p}:10"),
    )
    assert all(pr.skipped for pr in result.problems)
    assert [pr.reason for pr in result.problems] == [
        "line 2: invalid JSON (Expecting property name enclosed in double quotes)",
        "line 4: not a JSON object",
        "line 5: missing 'id'",
        "line 6: empty 'text'",
        "line 7: 'text' must be a string",
        "line 8: 'id' must be a string",
        "line 9: 'title' must be a string",
    ]
    assert {pr.path for pr in result.problems} == {p}


def test_ingest_jsonl_crlf_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"id": "a", "text": "A."}\r\n{"id": "b", "text": "B."}\r\n')

    result = read_inputs([str(path)])

    assert [a.id for a in result.articles] == ["a", "b"]
    assert result.problems == ()


def test_ingest_jsonl_published_parsing(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {"id": "a", "text": "A.", "published": "2024-03-05"},
            {"id": "b", "text": "B.", "published": "2024-03-05T14:30:00Z"},
            {"id": "c", "text": "C.", "published": "2024-03-05 14:30:00+02:00"},
            {"id": "d", "text": "D.", "published": "March 5, 2024"},
            {"id": "e", "text": "E.", "published": "2024-02-30"},
            {"id": "f", "text": "F.", "published": "2024-03-05garbage"},
            {"id": "g", "text": "G.", "published": 20240305},
            {"id": "h", "text": "H.", "published": None},
        ),
    )

    result = read_inputs([str(path)])

    assert [(a.id, a.published) for a in result.articles] == [
        ("a", "2024-03-05"),
        ("b", "2024-03-05"),
        ("c", "2024-03-05"),
        ("d", None),
        ("e", None),
        ("f", None),
        ("g", None),
        ("h", None),
    ]
    assert [pr.message.split(":")[0] for pr in result.problems] == ["line 4", "line 5", "line 6", "line 7"]
    assert all("published" in pr.message for pr in result.problems)


def test_ingest_missing_path_raises_before_reading(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", "Fine.")
    missing = tmp_path / "nope.txt"
    stdin = io.BytesIO(b"should stay unread")

    with pytest.raises(UsageError, match="no such file or directory: .*nope.txt"):
        read_inputs(["-", str(good), str(missing)], stdin=stdin)

    assert stdin.tell() == 0


def test_ingest_empty_file_skipped(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", " \n\t\r\n")
    good = write(tmp_path / "good.txt", "Still read.")

    result = read_inputs([str(empty), str(blank), str(good)])

    assert [a.id for a in result.articles] == ["good"]
    assert result.problems == (
        Problem(str(empty), "empty file", skipped=True),
        Problem(str(blank), "empty file", skipped=True),
    )


def test_ingest_binary_file_skipped(tmp_path: Path) -> None:
    image = write(tmp_path / "image.txt", PNG_LIKE)
    good = write(tmp_path / "good.txt", "Still read.")

    result = read_inputs([str(image), str(good)])

    assert [a.id for a in result.articles] == ["good"]
    assert result.problems == (Problem(str(image), "binary file (PNG image)", skipped=True),)


def test_ingest_binary_file_in_directory_skipped(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", PNG_LIKE)
    write(tmp_path / "d" / "b.txt", "Text.")

    result = read_inputs([str(tmp_path / "d")])

    assert [a.id for a in result.articles] == ["b"]
    assert [pr.message for pr in result.problems] == ["skipped: binary file (PNG image)"]


def test_ingest_utf16_with_bom_decoded(tmp_path: Path) -> None:
    text = "Zürich Headline\nBody “quoted” text.\n"
    le = write(tmp_path / "le.txt", text.encode("utf-16"))  # native order with BOM
    be = write(tmp_path / "be.txt", b"\xfe\xff" + text.encode("utf-16-be"))

    result = read_inputs([str(le), str(be)])

    assert [a.text for a in result.articles] == [text, text]
    assert result.articles[0].title == "Zürich Headline"


def test_ingest_decode_boms() -> None:
    text = "naïve text"
    assert decode(b"\xef\xbb\xbf" + text.encode()) == Decoded(text)
    assert decode(text.encode("utf-32")) == Decoded(text)
    assert decode(b"\x00\x00\xfe\xff" + text.encode("utf-32-be")) == Decoded(text)
    assert decode(b"\xff\xfe\x00\x00" + text.encode("utf-32-le")) == Decoded(text)


def test_ingest_cp1252_decoded_with_a_note(tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", b"caf\xe9 \x93quoted\x94")

    result = read_inputs([str(path)])

    assert result.articles[0].text == "café “quoted”"
    assert result.problems == (Problem(str(path), "not UTF-8: read as cp1252"),)


def test_decode_utf16_without_bom() -> None:
    text = "Plain words, 12 of them.\n"
    assert decode(text.encode("utf-16-le")) == Decoded(text, ("read as UTF-16-LE (no byte-order mark)",))
    assert decode(text.encode("utf-16-be")) == Decoded(text, ("read as UTF-16-BE (no byte-order mark)",))


def test_decode_one_bad_byte_in_utf8_is_replaced_not_recoded() -> None:
    data = "Caf\u00e9 “open”".encode() + b" \xff tail"

    result = decode(data)

    assert result.text == "Caf\u00e9 “open” \ufffd tail"
    bad_at = data.index(b"\xff")
    assert result.notes == (f"invalid UTF-8 at byte {bad_at}: 1 byte sequence replaced by U+FFFD",)


def test_decode_errors() -> None:
    with pytest.raises(Undecodable, match="binary file"):
        decode(PNG_LIKE)
    with pytest.raises(Undecodable, match="binary file"):
        decode(b"\x01\x02\x03\x04 ab")
    assert issubclass(Undecodable, ValueError)


def test_decode_repairs_are_reported() -> None:
    # undefined in cp1252
    assert decode(b"bad \x81 byte") == Decoded(
        "bad \ufffd byte", ("not UTF-8: read as cp1252", "invalid CP1252 at byte 4: replaced by U+FFFD")
    )
    # a UTF-16 BOM before an odd number of bytes
    assert decode(b"\xff\xfe" + "ok".encode("utf-16-le") + b"x").text == "ok\ufffd"


def test_sanitise_controls_surrogates_and_bare_carriage_returns() -> None:
    text, notes = sanitise("a\x1b[2Jb\x00c\ud800d\re\r\nf\x9bg")

    assert text == "a [2Jb c\ufffdd\ne\r\nf g"
    assert len(text) == len("a\x1b[2Jb\x00c\ud800d\re\r\nf\x9bg")
    assert notes == (
        "1 lone surrogate replaced by U+FFFD (first at character 8)",
        "3 control characters replaced by a space (first at character 1)",
        "1 bare carriage return replaced by a line feed (first at character 10)",
    )


def test_ingest_nul_bytes_in_text_are_spaces(tmp_path: Path) -> None:
    path = write(tmp_path / "nul.txt", b"Nine\x00 ships sailed.")

    result = read_inputs([str(path)])

    assert result.articles[0].text == "Nine  ships sailed."
    assert result.problems[0].reason.startswith("1 control character replaced")


def test_ingest_duplicate_ids_renamed(tmp_path: Path) -> None:
    one = write(tmp_path / "x" / "story.txt", "One.")
    two = write(tmp_path / "y" / "story.txt", "Two.")
    feed = write(
        tmp_path / "feed.jsonl",
        jsonl({"id": "story", "text": "Three."}, {"id": "story-3", "text": "Taken."}, {"id": "story", "text": "Four."}),
    )

    result = read_inputs([str(one), str(two), str(feed)])

    assert [(a.id, a.text) for a in result.articles] == [
        ("story", "One."),
        ("story-2", "Two."),
        ("story-3", "Three."),
        ("story-3-2", "Taken."),
        ("story-4", "Four."),
    ]
    assert [pr.message for pr in result.problems] == [
        "duplicate id 'story' renamed to 'story-2'",
        "duplicate id 'story' renamed to 'story-3'",
        "duplicate id 'story-3' renamed to 'story-3-2'",
        "duplicate id 'story' renamed to 'story-4'",
    ]
    assert result.problems[0].path == str(two)
    assert result.problems[1].path == f"{feed}:1"


def test_ingest_deterministic(tmp_path: Path) -> None:
    for name in ["c.txt", "a.txt", "b/b.md"]:
        write(tmp_path / "d" / name, f"{name} text.")

    first = read_inputs([str(tmp_path / "d")])
    second = read_inputs([str(tmp_path / "d")])

    assert first == second


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Mayor Resigns After Audit\nBody.", "Mayor Resigns After Audit"),
        ("\n\n   Leading Blank Lines  \nBody.", "Leading Blank Lines"),
        ("# Markdown Heading\nBody.", "Markdown Heading"),
        ("The mayor resigned on Monday.\nMore.", None),
        ("Did the mayor resign?\nMore.", None),
        ("Breaking!\nMore.", None),
        ("Update:\nMore.", None),
        ('He said "no"\nMore.', None),
        ("He said “no”\nMore.", None),
        (" ".join(["word"] * 21), None),
        ("x" * 151, None),
        (" ".join(["word"] * 20), " ".join(["word"] * 20)),
    ],
)
def test_ingest_titles(tmp_path: Path, text: str, title: str | None) -> None:
    path = write(tmp_path / "t.txt", text)

    (article,) = read_inputs([str(path)]).articles

    assert article.title == title
