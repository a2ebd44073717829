"""Which people of a text the text itself says are a woman or a man, for "he"/"she".

A pronoun speaker must not be read back to a person of the other sex. The
model knows no one's sex, so only what the text says is used:

- an honorific before the name ("Mr Vance", "Ms. Ode", "Dame Ilse Roe");
- a noun of one sex the name stands with: a title before it ("actress Ann
  Roe", "spokeswoman Ode"), or an apposition ("Ode, the chairwoman,");
- a pronoun of one sex as the subject of what the name says or thinks
  ("Vance said he would stay", "Ode believes she was right").

Each person is keyed by the last word of the name, lower case (how the
article goes on to name them). A name with evidence of both sexes gets none.
The same evidence says that a name the model labelled otherwise (or not at
all) is a person's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import FEMALE_NOUNS, FEMALE_TITLES, MALE_NOUNS, MALE_TITLES
from .tokens import token_table

FEMALE, MALE = "female", "male"
_PRONOUN_SEX = {"he": MALE, "she": FEMALE, "himself": MALE, "herself": FEMALE}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Where a doc keeps the sexes once found.
_SEXES = "ncr.sexes"


def sex_of_noun(word: str) -> str | None:
    """ "spokeswoman" -> female, "husband" -> male; None for a word of either sex."""
    word = word.lower().rstrip(".")
    if word in FEMALE_NOUNS or word in FEMALE_TITLES:
        return FEMALE
    if word in MALE_NOUNS or word in MALE_TITLES:
        return MALE
    return None


def name_key(token: Token) -> str:
    """How a person is keyed: the last word of the name ``token`` heads, lower case."""
    return token.lower_


def _name_head(token: Token) -> Token | None:
    """The last word of the proper name ``token`` starts or stands in ("Ann" of "Ann Roe" -> "Roe")."""
    if token.pos_ != "PROPN":
        return None
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
        token = token.head
    return token


def _titled(token: Token) -> tuple[Token, str] | None:
    """An honorific or a noun of one sex just before a name ("Mrs Roe", "actress Ann Roe")."""
    sex = sex_of_noun(token.text)
    if sex is None or token.i + 1 >= len(token.doc):
        return None
    after = token.doc[token.i + 1]
    if after.text == ".":
        after = token.doc[token.i + 2] if token.i + 2 < len(token.doc) else after
    head = _name_head(after)
    return (head, sex) if head is not None else None


def _apposed(token: Token) -> tuple[Token, str] | None:
    """A name in apposition with a noun of one sex ("Ode, the chairwoman," / "the widow, Ann Roe")."""
    if token.dep_ != "appos":
        return None
    for noun, name in ((token, token.head), (token.head, token)):
        sex = sex_of_noun(noun.lemma_) or sex_of_noun(noun.text)
        if sex is not None and noun.pos_ == "NOUN" and name.pos_ == "PROPN":
            return name, sex
    return None


def _self_reported(token: Token) -> tuple[Token, str] | None:
    """ "Vance said he would stay": a he/she subject of the clause a name's verb reports."""
    sex = _PRONOUN_SEX.get(token.lower_)
    if sex is None or token.dep_ not in _SUBJECTS or token.head.dep_ != "ccomp":
        return None
    names = [c for c in token.head.head.children if c.dep_ in _SUBJECTS and c.pos_ == "PROPN"]
    return (names[0], sex) if names else None


def sexes(doc: Doc) -> dict[str, str]:
    """Name key -> FEMALE or MALE, for each person the text gives a sex (found once per doc)."""
    found = doc.user_data.get(_SEXES)
    if found is not None:
        return found
    seen: dict[str, set[str]] = {}
    tokens = token_table(doc)
    # Only a word of one sex or a he/she can give evidence: those are looked at, through the parse.
    for i, (text, lemma) in enumerate(zip(tokens.text, tokens.lemma)):
        if text.lower() in _PRONOUN_SEX:
            candidates = [doc[i]]
        elif sex_of_noun(text) or sex_of_noun(lemma):
            token = doc[i]
            candidates = [token, *(c for c in token.children if c.dep_ == "appos")]
        else:
            continue
        for token in candidates:
            for rule in (_titled, _apposed, _self_reported):
                evidence = rule(token)
                if evidence is not None:
                    seen.setdefault(name_key(evidence[0]), set()).add(evidence[1])
    found = doc.user_data[_SEXES] = {key: next(iter(s)) for key, s in seen.items() if len(s) == 1}
    return found


def sex_of(token: Token) -> str | None:
    """The sex the text gives the person whose name ``token`` ends, if it gives one."""
    return sexes(token.doc).get(name_key(token))


def pronoun_sex(word: str) -> str | None:
    return _PRONOUN_SEX.get(word.lower())
