"""How sure the text is of a claim: the hedges and denials a reader weighs.

"Reportedly", "allegedly", "may", "could", "suggested", "unconfirmed", and a
denial ("officials denied that 300 were killed") change what a figure is worth
without changing the figure. They are read from the number's own words and from
the clauses above it up to the sentence's root (so the "may" of "may have
killed 40" and the "denied" of a reporting verb both count), never from a
sibling clause. Each cue is kept as written, in text order.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..records import Certainty

# Words that hedge a figure wherever they modify its clause.
HEDGE_WORDS = frozenset(
    """reportedly allegedly purportedly apparently possibly probably perhaps maybe supposedly reputedly
    unconfirmed unverified alleged possible suspected presumed rumoured rumored""".split()
)
# Modal verbs that make a clause a possibility.
MODALS = frozenset({"may", "might", "could"})
# Verbs that report a claim as only a claim or a guess.
HEDGING_VERBS = frozenset({"suggest", "allege", "claim", "speculate", "rumour", "rumor", "believe", "suspect", "fear"})
# Verbs that deny what they report.
DENYING_VERBS = frozenset({"deny", "dispute", "reject", "refute", "contest"})
# Verbs that, negated, leave a figure unconfirmed ("did not confirm").
CONFIRMING_VERBS = frozenset({"confirm", "verify", "corroborate"})
# Dependency labels of words that modify a clause's certainty.
_MODIFIERS = frozenset({"advmod", "aux", "amod", "neg", "npadvmod"})


def certainty_of(span: Span) -> Certainty | None:
    """The hedges and denials over the number ``span``; None when the text states it plainly."""
    found: list[Token] = []
    denied = False
    node = span.root
    seen: set[int] = set()
    chain = [node, *node.ancestors]
    for head in chain:
        for token in (head, *head.children):
            if token.i in seen or (token is not head and token.dep_ not in _MODIFIERS and token.i not in range(span.start, span.end)):
                continue
            seen.add(token.i)
            lemma = token.lemma_.lower()
            if token.lower_ in HEDGE_WORDS or (token.dep_ == "aux" and token.lower_ in MODALS):
                found.append(token)
            elif token is head and token.pos_ == "VERB" and lemma in HEDGING_VERBS | DENYING_VERBS:
                found.append(token)
                denied = denied or lemma in DENYING_VERBS
            elif token is head and token.pos_ == "VERB" and lemma in CONFIRMING_VERBS and _negated(token):
                found.extend([t for t in token.children if t.dep_ == "neg"] + [token])
    if not found:
        return None
    found.sort(key=lambda t: t.i)
    return Certainty(cues=tuple(t.text for t in found), denied=denied)


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)
