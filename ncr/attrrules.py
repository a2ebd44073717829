"""The model's attribute rules applied by table lookup: the same annotations as spaCy's, in a fraction of the time.

English pipelines end their tagging with an ``AttributeRuler``: about 180 rules
that set a token's coarse part of speech, morphology or lemma from its
fine-grained tag and its lower-case form ("TAG VBZ and LOWER 's" → the verb
"be"). spaCy finds where they apply with its general ``Matcher``, which tries
every rule at every token; on news that is about a seventh of the whole parse.
Most of the rules look at one token's tag, its lower-case form, or both, for
which a dictionary lookup per token says the same. ``index_attribute_rules``
gives a loaded pipeline's ruler a ``match`` that looks those rules up and
leaves only the others (dependency labels, regular expressions, several tokens,
spaces) to a ``Matcher`` of their own. The matches are the same, ordered as
spaCy orders them (by rule, later rules overriding earlier ones), and the ruler
sets them as it always does; ``tests/test_attrrules.py`` compares every
token's annotations with spaCy's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The token attributes a one-token rule may test for a lookup to stand in for the
# Matcher, in the order a rule is filed under them (its most selective test first).
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TAG, _LOWER, _DEP, _SPACE = range(4)


class _Test(NamedTuple):
    """One attribute test of a rule: the attribute's column and the values it allows or bans."""

    column: int
    allowed: frozenset[int] | None
    banned: frozenset[int] | None


def _test(column: int, test: Any, strings: Any) -> _Test | None:
    """A pattern's test of one attribute, its strings hashed as ``Doc.to_array`` gives them;
    None for a test only the Matcher knows (a regular expression, a comparison)."""
    if column == _SPACE:
        return _Test(column, frozenset({int(test)}), None) if isinstance(test, bool) else None
    if isinstance(test, str):
        return _Test(column, frozenset({strings.add(test)}), None)
    if isinstance(test, dict) and len(test) == 1 and isinstance(values := next(iter(test.values())), list):
        if all(isinstance(v, str) for v in values) and next(iter(test)) in {"IN", "NOT_IN"}:
            hashed = frozenset(strings.add(v) for v in values)
            return _Test(column, hashed, None) if "IN" in test else _Test(column, None, hashed)
    return None


def _filings(pattern: list[dict[str, Any]], strings: Any) -> list[tuple[tuple[int, ...], tuple[_Test, ...]]] | None:
    """Where a one-token pattern is filed (keys of the lookup) and what a token found there
    must still pass; None when the pattern is for the Matcher."""
    if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= set(_COLUMNS):
        return None
    tests = [_test(_COLUMNS.index(name), value, strings) for name, value in pattern[0].items()]
    if any(t is None for t in tests):
        return None
    by_column = {t.column: t for t in tests if t is not None}
    tag, lower = by_column.get(_TAG), by_column.get(_LOWER)
    if tag is not None and tag.allowed and lower is not None and lower.allowed:
        rest = tuple(t for c, t in by_column.items() if c not in {_TAG, _LOWER})
        return [((_TAG, _LOWER, t, w), rest) for t in tag.allowed for w in lower.allowed]
    for column in range(len(_COLUMNS)):
        anchor = by_column.get(column)
        if anchor is not None and anchor.allowed:
            rest = tuple(t for c, t in by_column.items() if c != column)
            return [((column, value), rest) for value in anchor.allowed]
    return None  # bans only: a token cannot be looked up by what it is not


class IndexedRuleMatch:
    """A stand-in for ``AttributeRuler.match``: the same matches, one-token rules found
    by looking up the token's tag, lower-case form, dependency label or whether it is a
    space, the rest (several tokens, regular expressions) by a ``Matcher`` of those only."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        strings = ruler.vocab.strings
        self.vocab = ruler.vocab
        self.filed: dict[tuple[int, ...], list[tuple[int, int, tuple[_Test, ...]]]] = {}
        self.rest = Matcher(ruler.vocab, validate=False)
        for number, rule in enumerate(ruler.patterns):
            match_id = strings.add(str(number))  # what AttributeRuler.add names rule ``number``
            filings = [_filings(pattern, strings) for pattern in rule["patterns"]]
            if any(f is None for f in filings):
                self.rest.add(match_id, rule["patterns"])
                continue
            for key, tests in dict.fromkeys(item for found in filings if found is not None for item in found):
                self.filed.setdefault(key, []).append((number, match_id, tests))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        filed = self.filed
        found: set[tuple[int, int, int, int]] = set()
        for i, token in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            tag, lower, dep, space = token
            for key in ((_TAG, _LOWER, tag, lower), (_TAG, tag), (_LOWER, lower), (_DEP, dep), (_SPACE, space)):
                for number, match_id, tests in filed.get(key, ()):
                    if all(
                        (t.allowed is None or token[t.column] in t.allowed) and (t.banned is None or token[t.column] not in t.banned)
                        for t in tests
                    ):
                        found.add((number, match_id, i, i + 1))
        strings = self.vocab.strings
        found.update((int(strings[m_id]), m_id, s, e) for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False))
        return sorted(found)


def index_attribute_rules(nlp: Language) -> None:
    """Give the pipeline's attribute ruler, if it has spaCy's, the indexed ``match``."""
    from spacy.pipeline import AttributeRuler

    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.match = IndexedRuleMatch(component)
