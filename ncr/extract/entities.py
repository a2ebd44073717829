"""Entity mentions in one article: the named people, organisations and places.

Takes spaCy's entity spans, trims what does not belong to a name (a leading
"the", a trailing possessive), and links a short form ("Putin") to the full
name it follows in the same article ("Vladimir Putin"). Linking the same
entity across articles is ``ncr.resolve``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

# spaCy labels kept as entities; numbers and dates are other stages' business.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_POSSESSIVES = ("'s", "’s", "'", "’")
_LEADING = ("the ",)
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


@dataclass(frozen=True, slots=True)
class LocalMention:
    """A mention in one article; ``key`` is the name it is filed under in that article."""

    start: int  # character offsets into the article text
    end: int
    text: str
    label: str
    key: str
    token_start: int
    token_end: int


def normalise_name(text: str) -> str:
    """The comparable form of a name: no case, dots, hyphen or spacing differences.

    "U.S." → "us", "Kim Jong-un" → "kim jong un", "the Kremlin" → "kremlin".
    """
    lowered = text.casefold().replace("’", "'")
    for prefix in _LEADING:
        if lowered.startswith(prefix):
            lowered = lowered[len(prefix) :]
    for suffix in _POSSESSIVES:
        if lowered.endswith(suffix):
            lowered = lowered[: -len(suffix)]
            break
    cleaned = "".join(ch if ch.isalnum() else (" " if ch in "-_ " else "") for ch in lowered)
    return " ".join(cleaned.split())


def _trim(span: Span) -> Span | None:
    """The span without a leading determiner and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    if start == end:
        return None
    return doc[start:end]


def find_mentions(doc: Doc) -> list[LocalMention]:
    """Named-entity mentions in text order, short forms filed under their full name."""
    mentions: list[LocalMention] = []
    full_names: dict[str, str] = {}  # a word of a multi-word person name → that name's key
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = _trim(ent)
        if span is None:
            continue
        text = span.text
        # spaCy keeps possessives inside a single token sometimes ("Shanji’s").
        for suffix in _POSSESSIVES[:2]:
            if text.endswith(suffix):
                text = text[: -len(suffix)]
        key = normalise_name(text)
        if not key:
            continue
        words = key.split()
        if ent.label_ == "PERSON" and len(words) > 1:
            for word in words:
                full_names.setdefault(word, key)
        elif len(words) == 1 and words[0] in full_names:
            key = full_names[words[0]]
        start = span.start_char
        mentions.append(
            LocalMention(
                start=start,
                end=start + len(text),
                text=text,
                label=ent.label_,
                key=key,
                token_start=span.start,
                token_end=span.end,
            )
        )
    return mentions
