"""The model's attribute rules applied by lookup give every token what spaCy's own ruler gives it."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from ncr.attrrules import IndexedRuleMatch
from ncr.nlp import load_model

# Invented sentences that reach the rules of every kind: tag and word ("his", "'s"),
# tag alone, dependency label ("it" as subject or object), spaces, and the rules of
# several tokens or patterns ("gonna", "ain't", "y'all", "let's").
TEXTS = [
    "The mayor said his office had received 40 complaints, and that it was 'far too many'.",
    "I ain't gonna sign it, y'all. Let's wait: she's told me nothin' new, hasn't she?",
    "Whether or not the board agrees, there are two options left.  They'd rather go.\n\nGotta run!",
    "\u201cWe do,\u201d he said. Did you? Have they? It is; it's been. You and I saw it.",
    "  \t\n  Spaces\u00a0 and\n\n\nline breaks \n",
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _through_ruler(nlp, text):
    """The doc as the pipeline leaves it just before the attribute ruler."""
    names = [name for name, _ in nlp.pipeline]
    with nlp.select_pipes(enable=names[: names.index("attribute_ruler")]):
        return nlp(text)


@pytest.mark.parametrize("text", TEXTS)
def test_lookup_finds_the_matches_spacy_finds(nlp, text):
    ruler = nlp.get_pipe("attribute_ruler")
    doc = _through_ruler(nlp, text)
    assert ruler.match.__class__ is IndexedRuleMatch  # ncr's pipeline has it ...
    shipped = type(ruler).match(ruler, doc)  # ... and the class still has spaCy's
    assert ruler.match(doc) == sorted(set(shipped))


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_get_the_same_annotations(nlp, text):
    ruler = nlp.get_pipe("attribute_ruler")
    ours, theirs = _through_ruler(nlp, text), _through_ruler(nlp, text)
    ruler.set_annotations(ours, ruler.match(ours))
    ruler.set_annotations(theirs, type(ruler).match(ruler, theirs))
    columns = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    assert (ours.to_array(columns) == theirs.to_array(columns)).all()


def test_as_shipped_is_spacy_untouched(nlp):
    shipped = load_model(as_shipped=True)
    assert "match" not in vars(shipped.get_pipe("attribute_ruler"))
    assert "ncr_line_breaks" not in shipped.pipe_names
    assert "ncr_line_breaks" in nlp.pipe_names


def test_the_rules_are_applied(nlp):
    """The part of speech and morphology come from the rules (the tagger gives only the tag)."""
    doc = nlp("She took his coat.")
    his = doc[2]
    assert his.tag_ == "PRP$"
    assert his.pos_ == "PRON"
    assert "Poss=Yes" in str(his.morph)
