"""Comparable forms of names: people, organisations, places and nationalities.

Pure string functions shared by the entity stage (which name is which) and
alignment (whose troops). They only normalise and compare; deciding that two
mentions are the same entity is ``ncr.resolve``'s job.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .lexicon import CAPITALS, DEMONYMS, LEGAL_FORMS, ORG_TYPE_NOUNS

_POSSESSIVES = ("'s", "'")
# Endings that turn a country's name into its demonym ("Korea" → "Korean").
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "y", "ic")
# Words left out of an acronym ("Organisation *of* the Petroleum ...").
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def strip_accents(text: str) -> str:
    """ "Ostrovik" stays, "Nuñez" → "Nunez", "Gödel" → "Godel"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def normalise_name(text: str) -> str:
    """The comparable form of a name: no case, accents, dots, hyphens or spacing differences.

    "U.S." → "us", "Kim Jong-un" → "kim jong un", "the Kremlin" → "kremlin",
    "Pak Sol-mi’s" → "pak sol mi". Cached: extraction and resolution ask for the same
    few names again and again.
    """
    lowered = strip_accents(text).casefold().replace("’", "'").strip()
    if lowered.startswith("the "):
        lowered = lowered[4:]
    for suffix in _POSSESSIVES:
        if lowered.endswith(suffix):
            lowered = lowered[: -len(suffix)]
            break
    cleaned = "".join(ch if ch.isalnum() else (" " if ch in "-_ \u2010\u2011" else "") for ch in lowered)
    return " ".join(cleaned.split())


@lru_cache(maxsize=1 << 16)  # a feed writes the same names over and over
def organisation_key(key: str) -> str:
    """A normalised organisation name without its legal form or plural ending:
    "ford motors co" → "ford motor", "chrysler llc" → "chrysler"."""
    words = key.split()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    last = words[-1]
    if len(words) > 1 and len(last) > 3 and last.endswith("s") and not last.endswith("ss") and last[:-1] not in LEGAL_FORMS:
        words[-1] = last[:-1]  # but "Corps" is no plural of "Corp"
    return " ".join(words)


def body_first(key: str) -> str:
    """ "department of labor" → "labor department": a kind of body named "of" its field, in the
    order news also writes it, so that both forms compare equal."""
    words = key.split()
    if len(words) > 2 and words[0] in ORG_TYPE_NOUNS and words[1] == "of" and "of" not in words[2:]:
        return " ".join([*words[2:], words[0]])
    return key


# How many words a place at the head of an organisation's name may have ("united states").
_PLACE_WORDS = (3, 2, 1)


def placed_organisation(key: str, places: set[str] | frozenset[str]) -> tuple[str, str] | None:
    """An organisation name that begins with a place, split into the place (its comparable
    form) and the rest: "us federal reserve" → ("united states", "federal reserve"), as is
    "united states federal reserve". ``places`` are the place keys the input knows."""
    words = key.split()
    for size in _PLACE_WORDS:
        if len(words) > size:
            head = " ".join(words[:size])
            place = DEMONYMS.get(head, head)
            if place in places:
                return place, body_first(" ".join(words[size:]))
    return None


def acronym(key: str) -> str:
    """Initials of a normalised multi-word name: "korean central news agency" → "kcna"."""
    words = [w for w in key.split() if w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def place_key(text: str) -> str:
    """The comparable form of a place or nationality: "North Korea's" → "north korea"."""
    key = normalise_name(text)
    return DEMONYMS.get(key, key)


def same_place(a: str, b: str) -> bool:
    """True when two place keys name the same country or people ("north korean" / "north korea")."""
    if a == b:
        return True
    a_words, b_words = a.split(), b.split()
    if len(a_words) != len(b_words) or a_words[:-1] != b_words[:-1]:
        return False
    short, long = sorted((a_words[-1], b_words[-1]), key=len)
    for cut in range(0, 3):
        stem = short[: len(short) - cut] if cut else short
        if len(stem) >= 3 and long.startswith(stem) and long[len(stem) :] in DEMONYM_ENDINGS:
            return True
    return False


def place_blocks(place: str) -> set[tuple[tuple[str, ...], str]]:
    """Keys any two places share whenever ``same_place`` holds (the place itself, and the
    stems its last word can share with a demonym of it), so that places can be blocked
    on them instead of compared all with all."""
    words = place.split()
    if not words:
        return {((), "")}
    *first, last = words
    if any(ch.isdigit() for ch in last):
        return {(tuple(words), "")}  # "district9": no demonym is made of a word with digits
    stems = {last[: len(last) - cut] for cut in range(3)}
    stems |= {last[: len(last) - len(ending)] for ending in DEMONYM_ENDINGS if ending and last.endswith(ending)}
    return {(tuple(words), ""), *((tuple(first), stem) for stem in stems if len(stem) >= 3)}


def country_of_metonym(key: str) -> str | None:
    """The country a capital or seat of government stands for: "kremlin" → "russia"."""
    return CAPITALS.get(key)
