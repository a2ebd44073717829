"""How sure the text is of a claim, on sentences written for these tests."""

import pytest

from ncr.extract.certainty import certainty_of
from ncr.extract.quantities import find_claims
from ncr.nlp import load_model

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def certainty(nlp, text):
    claim = find_claims(nlp(text))[0]
    found = certainty_of(claim.span)
    return (tuple(c.lower() for c in found.cues), found.denied) if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The flood may have destroyed 80 homes.", (("may",), False)),
        ("Up to 20 boats were allegedly seized.", (("allegedly",), False)),
        ("Rebels claimed that 150 soldiers had surrendered.", (("claimed",), False)),
        ("The ministry did not confirm that 40 people were detained.", (("not", "confirm"), False)),
        ("Officials disputed reports that 500 homes were lost.", (("disputed",), True)),
        ("An unverified 60 miners are trapped.", (("unverified",), False)),
        ("Police said 14 people were arrested.", None),
        ("The storm could force 3,000 families from their homes, the mayor warned.", (("could",), False)),
    ],
)
def test_certainty_reads_hedges_and_denials_over_the_number(nlp, text, expected):
    assert certainty(nlp, text) == expected


def test_certainty_does_not_cross_into_a_sibling_clause(nlp):
    assert certainty(nlp, "Twelve shops were looted, and officials may reopen the market.") is None
