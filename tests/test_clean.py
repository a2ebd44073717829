"""Tests for ncr.clean: boilerplate masking keeps every offset."""

from __future__ import annotations

import pytest

from ncr.clean import mask_boilerplate


def test_clean_masks_url_only_lines_and_keeps_length() -> None:
    text = (
        "Officials said 40 people died.\n"
        "https://ads.example.com/click?id=42\n"
        "\n"
        "  www.shop.example  \n"
        "Rescuers worked overnight.\n"
    )

    masked = mask_boilerplate(text)

    assert len(masked) == len(text)
    assert masked.split("\n") == [
        "Officials said 40 people died.",
        " " * len("https://ads.example.com/click?id=42"),
        "",
        " " * len("  www.shop.example  "),
        "Rescuers worked overnight.",
        "",
    ]


def test_clean_offsets_still_index_original() -> None:
    text = "Intro.\nhttp://spam.example/x\nThe toll rose to 52.\n"
    masked = mask_boilerplate(text)

    start = masked.index("52")

    assert text[start : start + 2] == "52"
    assert masked[: len("Intro.\n")] == text[: len("Intro.\n")]


def test_clean_keeps_urls_inside_sentences() -> None:
    text = "Read the report at https://example.org/report today.\nSee www.example.org for more.\n"

    assert mask_boilerplate(text) == text


def test_clean_keeps_carriage_returns_and_tabs_positions() -> None:
    text = "First line.\r\n\tHTTPS://Example.com/a \r\nLast line.\r\n"

    masked = mask_boilerplate(text)

    assert len(masked) == len(text)
    assert masked == "First line.\r\n" + " " * len("\tHTTPS://Example.com/a ") + "\r\nLast line.\r\n"
    assert [i for i, ch in enumerate(masked) if ch in "\r\n"] == [i for i, ch in enumerate(text) if ch in "\r\n"]


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "No URLs at all.", "https://", "www.", "https://a.example and more", "ftp://files.example/x"],
)
def test_clean_leaves_non_boilerplate_alone(text: str) -> None:
    assert mask_boilerplate(text) == text


def test_clean_url_last_line_without_newline() -> None:
    text = "Body.\nhttps://example.com/x"

    assert mask_boilerplate(text) == "Body.\n" + " " * len("https://example.com/x")


def test_clean_dateline_is_blanked_keeping_offsets():
    text = "Storm hits coast\nHALIFAX, Nova Scotia — Officials said on Monday the port was closed."
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    assert masked.split("\n")[1].lstrip().startswith("Officials said")
    assert "HALIFAX" not in masked
    assert masked.index("Officials") == text.index("Officials")


def test_clean_dash_inside_a_sentence_is_not_a_dateline():
    text = "US officials - not all of them - agreed."
    assert mask_boilerplate(text) == text
