"""Number phrases: digits, words, scales and vague amounts (no model needed)."""

import pytest

from ncr.extract import numbers


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["10,000"], 10_000),
        (["1.5", "million"], 1_500_000),
        (["five", "thousand"], 5_000),
        (["twenty-five"], 25),
        (["one", "hundred", "and", "twenty"], 120),
        (["three", "hundred", "thousand"], 300_000),
        (["a", "dozen"], 12),
        (["two", "dozen"], 24),
        (["a", "million"], 1_000_000),
        (["12k"], 12_000),
        (["3bn"], 3_000_000_000),
    ],
)
def test_numbers_parse_number_reads_digits_words_and_scales(words, expected):
    assert numbers.parse_number(words) == expected


@pytest.mark.parametrize("words", [["10,000", "5"], ["troops"], ["five", "troops"], []])
def test_numbers_parse_number_rejects_non_numbers(words):
    assert numbers.parse_number(words) is None


@pytest.mark.parametrize(
    ("words", "low", "high"),
    [
        (["thousands"], 2_000, 19_999),
        (["tens", "of", "thousands"], 20_000, 99_999),
        (["hundreds", "of", "thousands"], 200_000, 999_999),
        (["millions"], 2_000_000, 19_999_999),
        (["dozens"], 24, 119),
        (["hundreds"], 200, 999),
        (["several", "thousand"], 3_000, 9_000),
        (["a", "couple", "thousand"], 2_000, 3_000),
        (["a", "few", "hundred"], 200, 900),
    ],
)
def test_numbers_vague_interval_spans_the_plausible_range(words, low, high):
    assert numbers.vague_interval(words) == (low, high)


def test_numbers_vague_interval_is_none_for_exact_numbers():
    assert numbers.vague_interval(["5,000"]) is None
    assert numbers.vague_interval(["five", "thousand"]) is None


def test_numbers_digits_accept_only_well_formed_groups():
    assert numbers.parse_digits("1,500") == 1_500
    assert numbers.parse_digits("1,50") is None
    assert numbers.parse_digits("F-16") is None


def test_numbers_indian_scales():
    assert numbers.parse_number(["13", "lakh"]) == 1_300_000
    assert numbers.parse_number(["two", "crore"]) == 20_000_000
