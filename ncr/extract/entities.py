"""Entity mentions in one article: spaCy's entities, repaired, with the roles people hold.

spaCy's small model splits and mislabels names ("Choe Son" + "Hui", "Ursula
von" + "Leyen", "Zelenskiy" as ORG) and misses some entirely. This stage
repairs them with evidence from the text itself:

- a title or role next to a name ("Foreign Minister X", "X, the country's vice
  foreign minister,", "Foreign Minister, X,") makes X a person and records the
  role with the body it belongs to ("North Korean" → north korea);
- a person's name runs on over capitalised words, name particles ("von der")
  and hyphenated parts ("Son-hui"), swallowing mislabelled fragments;
- determiners and possessives are trimmed ("the Kremlin", "Cui Shanji's");
- a short form ("Choe", "Rutte") is filed under the nearest full name before
  it that contains it, and relabelled as a person; occurrences the model missed
  are found the same way.

Linking the same entity across articles is ``ncr.resolve``'s job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_TYPE_NOUNS,
    PAST_ROLE_MARKERS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)
from ..names import normalise_name, place_key
from .acronyms import acronym_definitions
from .lines import name_runs
from .spans import ents_in

# spaCy labels kept as entities; numbers and dates are other stages' business.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_AFFILIATION_LABELS = frozenset({"NORP", "GPE", "ORG"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "a", "an"})
_ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
_COMPOUND_ROLES = ("secretary general", "attorney general", "inspector general", "surgeon general")
_MAX_NAME_TOKENS = 6


@dataclass(frozen=True, slots=True)
class Role:
    """A role someone holds, as written and normalised, with the body it is for."""

    title: str  # as written: "North Korean Foreign Minister"
    role: str  # normalised: "foreign minister"
    affiliation: str | None  # place or organisation key: "north korea", "nato"
    current: bool  # False for "former", "then", "incoming"
    # With no affiliation written: the places the sentence names, which may hold it.
    context: tuple[str, ...] = ()


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
    roles: tuple[Role, ...] = ()
    short_form_of: str | None = None  # the full name a short form was filed under
    place: str | None = None  # for organisations: the country or city they belong to
    description: tuple[str, ...] = ()  # for "Seoul's intelligence agency": ("intelligence", "agency")


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    label: str
    roles: list[Role]


def _is_name_word(token: Token) -> bool:
    """A capitalised word that can be part of a personal name."""
    text = token.text
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text):
        return False
    if not all(ch.isalpha() or ch in "'’." for ch in text):
        return False
    lower = token.lower_
    return lower not in NOT_NAME_WORDS and lower not in _ROLE_WORDS and token.ent_type_ not in {"DATE", "TIME"}


def _is_hyphen_join(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen glued to words on both sides ("Son-hui")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in {"-", "‐", "‑"}
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
    )


def _particles_then_name(doc: Doc, i: int) -> bool:
    """Tokens from ``i`` are name particles followed by a name word ("von der Leyen")."""
    while i < len(doc) and doc[i].lower_ in NAME_PARTICLES:
        i += 1
    return i < len(doc) and _is_name_word(doc[i])


def name_end(doc: Doc, start: int) -> int:
    """The token index just after the personal name that starts at ``start``."""
    i = end = start
    while i < len(doc) and i - start < _MAX_NAME_TOKENS:
        token = doc[i]
        if i > start and token.is_sent_start:
            break
        if i > start and _is_hyphen_join(doc, i):
            i += 2
            end = i
        elif _is_name_word(token):
            i += 1
            end = i
        elif i > start and token.lower_ in NAME_PARTICLES and _particles_then_name(doc, i):
            i += 1
        else:
            break
        if doc[i - 1].whitespace_ and "\n" in doc[i - 1].whitespace_:
            break
    return end


def _role_run(doc: Doc, i: int) -> int:
    """End of the run of role words starting at ``i`` (hyphen-joined parts included)."""
    j = i
    while j < len(doc):
        if doc[j].lower_ in _ROLE_WORDS:
            j += 1
        elif j > i and _is_hyphen_join(doc, j) and doc[j + 1].lower_ in _ROLE_WORDS:
            j += 2
        else:
            break
    return j


def _normalise_role(words: list[str]) -> str | None:
    role = " ".join(w.lower() for w in words if w not in {"-", "‐", "‑"})
    role = " ".join(w for w in role.split() if w not in PAST_ROLE_MARKERS)
    if any(role.endswith(compound) for compound in _COMPOUND_ROLES):
        return role
    last = role.split()[-1] if role else ""
    return role if last in ROLE_HEADS and last != "general" else None


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named-entity span holding token ``i``, read from the IOB tags (listing
    ``doc.ents`` builds every span anew, too slow for a lookup per token)."""
    if doc[i].ent_iob_ not in {"B", "I"}:
        return None
    start = i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type_)


def _affiliation_before(doc: Doc, start: int) -> tuple[int, str | None]:
    """The body a role belongs to, written before it ("North Korean", "NATO", "South Korea's")."""
    i = start - 1
    if i >= 0 and doc[i].text in _POSSESSIVE_TOKENS:
        i -= 1
    if i >= 0 and doc[i].ent_type_ in _AFFILIATION_LABELS:
        ent = entity_at(doc, i)
        if ent is not None:
            text = ent.text
            for suffix in ("’s", "'s"):
                text = text.removesuffix(suffix)
            return ent.start, place_key(text)
    return start, None


def _affiliation_after(doc: Doc, end: int) -> str | None:
    """The body in "editor for X", "spokesman of X" (an organisation preferred)."""
    if end >= len(doc) or doc[end].lower_ not in {"of", "for", "at"}:
        return None
    found = []
    for token in doc[end + 1 : end + 8]:
        if token.is_punct:
            break
        if token.ent_type_ in _AFFILIATION_LABELS:
            found.append(token)
    if not found:
        return None
    chosen = next((t for t in found if t.ent_type_ == "ORG"), found[0])
    ent = entity_at(doc, chosen.i)
    return place_key(ent.text) if ent is not None else None


def _name_before_comma(doc: Doc, comma: int) -> tuple[int, int] | None:
    """The name that ends just before the comma at ``comma`` ("Kim Hong-kyun, ...")."""
    start = comma
    while start > 0 and comma - start < _MAX_NAME_TOKENS:
        previous = doc[start - 1]
        glued_after_hyphen = start - 2 >= 0 and _is_hyphen_join(doc, start - 2) and previous.is_alpha
        if _is_name_word(previous) or _is_hyphen_join(doc, start - 1) or glued_after_hyphen:
            start -= 1
        elif previous.lower_ in NAME_PARTICLES:
            start -= 1
        else:
            break
    while start < comma and not _is_name_word(doc[start]):
        start += 1
    return (start, comma) if start < comma else None


def _comma_after_affiliation(doc: Doc, end: int) -> int | None:
    """The comma right after a title ending at ``end``, or after the "of X" / "for X" that
    follows it ("governor of Osterby,"); None when there is none."""
    if end < len(doc) and doc[end].text == ",":
        return end
    if end >= len(doc) or doc[end].lower_ not in {"of", "for", "at"}:
        return None
    for token in doc[end + 1 : end + 6]:
        if token.text == ",":
            return token.i if token.i > end + 1 else None
        if not (_is_name_word(token) or token.lower_ == "the"):
            return None
    return None


def _sentence_places(doc: Doc, i: int) -> tuple[str, ...]:
    """Keys of the countries and nationalities named in the sentence of token ``i``."""
    sentence = doc[i].sent
    places = (place_key(e.text.removesuffix("’s").removesuffix("'s")) for e in ents_in(sentence) if e.label_ in {"GPE", "NORP"})
    return tuple(dict.fromkeys(places))


def find_roles(doc: Doc) -> list[tuple[int, int, Role]]:
    """People named next to a role: (name token start, name token end, role)."""
    found: list[tuple[int, int, Role]] = []
    i = 0
    while i < len(doc):
        if doc[i].lower_ not in _ROLE_WORDS:
            i += 1
            continue
        end = _role_run(doc, i)
        role = _normalise_role([t.text for t in doc[i:end]])
        if role is None:
            i = end
            continue
        title_start, affiliation = _affiliation_before(doc, i)
        past = any(t.lower_ in PAST_ROLE_MARKERS for t in doc[max(0, title_start - 1) : end])
        affiliation = affiliation or _affiliation_after(doc, end)
        title = doc[title_start:end].text
        context = () if affiliation else _sentence_places(doc, i)
        record = Role(title=title, role=role, affiliation=affiliation, current=not past, context=context)
        # Title before the name: "Foreign Minister Choe Son Hui", "Foreign Minister, Choe Son-hui,",
        # "the former governor of Osterby, Casimir Brannagh," (past the body the title is of).
        comma = _comma_after_affiliation(doc, end)
        after = comma + 1 if comma is not None else end
        if after < len(doc) and _is_name_word(doc[after]) and not doc[after].is_sent_start:
            stop = name_end(doc, after)
            needs_comma = comma is not None
            # "her publicist, Ivo Brannagh." as well as "..., Ivo Brannagh, said": the name closes the apposition.
            closed = stop < len(doc) and (doc[stop].text == "," or (doc[stop].is_sent_end and doc[stop].is_punct))
            if stop > after and (not needs_comma or closed):
                found.append((after, stop, record))
                i = stop
                continue
        # Name before the title: "Kim Hong-kyun, South Korea's vice foreign minister,".
        lead = title_start
        if lead - 1 >= 0 and doc[lead - 1].lower_ in _DETERMINERS:
            lead -= 1
        # Not when a verb follows the title: in "sold in Harlow, a company spokesman said" the
        # title is the subject of "said", no apposition of the name before the comma.
        subject = end < len(doc) and doc[end].pos_ in {"VERB", "AUX"}
        if lead - 1 >= 0 and doc[lead - 1].text == "," and not subject:
            name = _name_before_comma(doc, lead - 1)
            if name is not None:
                found.append((*name, record))
        i = end
    return found


def _initial_spans(doc: Doc) -> list[_Span]:
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].text in _POSSESSIVE_TOKENS or doc[end - 1].is_punct):
            end -= 1
        if start < end:
            spans.append(_Span(start, end, ent.label_, []))
    return spans


def _place(spans: list[_Span], new: _Span) -> list[_Span]:
    """Put ``new`` in, dropping the spans it overlaps (their tokens are now its)."""
    kept = [s for s in spans if s.end <= new.start or s.start >= new.end]
    for s in spans:
        if not (s.end <= new.start or s.start >= new.end):
            new.roles.extend(s.roles)
    kept.append(new)
    return kept


def _repair(doc: Doc) -> list[_Span]:
    spans = _initial_spans(doc)
    for start, end, role in find_roles(doc):
        span = _Span(start, end, "PERSON", [role])
        for s in spans:
            if s.start < end and s.end > start and s.label == "PERSON":
                span.start, span.end = min(span.start, s.start), max(span.end, s.end)
        spans = _place(spans, span)
    # A person's name runs on over the fragments the model cut off.
    for span in sorted((s for s in spans if s.label == "PERSON"), key=lambda s: s.start):
        if span not in spans:
            continue
        stop = name_end(doc, span.start)
        if stop > span.end:
            spans = _place(spans, _Span(span.start, stop, "PERSON", list(span.roles)))
    return sorted(spans, key=lambda s: s.start)


def _text_of(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """Character offsets and text of tokens ``start:end``, a glued possessive removed."""
    span = doc[start:end]
    text = span.text
    for suffix in ("’s", "'s"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return span.start_char, span.start_char + len(text), text


def _missed_names(doc: Doc, covered: set[int], words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Token spans of capitalised names made of known person-name ``words`` outside ``covered``."""
    found = []
    i = 0
    while i < len(doc):
        if i in covered or not _is_name_word(doc[i]) or normalise_name(doc[i].text) not in words:
            i += 1
            continue
        stop = max(name_end(doc, i), i + 1)
        if any(j in covered for j in range(i, stop)):
            stop = i + 1
        found.append((i, stop))
        i = stop
    return found


def _place_of(doc: Doc, start: int) -> str | None:
    """The place written as a possessive just before token ``start`` ("South Korea's ...")."""
    if start >= 2 and doc[start - 1].text in _POSSESSIVE_TOKENS and doc[start - 2].ent_type_ in {"GPE", "NORP"}:
        ent = entity_at(doc, start - 2)
        return place_key(ent.text) if ent is not None else None
    return None


def find_descriptions(doc: Doc) -> list[LocalMention]:
    """Organisations named by description: "Seoul's intelligence agency", "the Russian foreign ministry".

    Only descriptions tied to a place count: "the agency" alone names nothing.
    """
    found = []
    for token in doc:
        if token.lemma_.lower() not in ORG_TYPE_NOUNS or not token.is_lower:
            continue
        modifiers = [c for c in token.lefts if c.dep_ in {"compound", "amod"} and c.is_lower and c.is_alpha]
        places = [c for c in token.lefts if c.dep_ in {"poss", "amod", "compound"} and c.ent_type_ in {"GPE", "NORP"}]
        if not places:
            continue
        place = entity_at(doc, places[0].i)
        if place is None:
            continue
        start = min([place.start, *(m.i for m in modifiers)])
        span = doc[start : token.i + 1]
        words = tuple(m.lower_ for m in sorted(modifiers, key=lambda m: m.i)) + (token.lemma_.lower(),)
        found.append(
            LocalMention(
                start=span.start_char, end=span.end_char, text=span.text, label="ORG",
                key=normalise_name(span.text), token_start=span.start, token_end=span.end,
                place=place_key(place.text.removesuffix("’s").removesuffix("'s")), description=words,
            )
        )
    return found


def name_candidates(doc: Doc, mentions: Sequence[LocalMention]) -> list[tuple[int, str, int, int, int, str, int, str]]:
    """The capitalised name words no mention covers, each with the name that would start
    there: (token, normalised word, stop token, start, end, text, end of the word alone,
    the word alone). ``find_known_names`` later picks those whose word other articles
    know as part of a person's name; only these are kept from the parse for it."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    for i, token in enumerate(doc):
        if i in covered or not _is_name_word(token):
            continue
        stop = max(name_end(doc, i), i + 1)
        start, end, text = _text_of(doc, i, stop)
        _, end_one, text_one = _text_of(doc, i, i + 1)
        found.append((i, normalise_name(token.text), stop, start, end, text, end_one, text_one))
    return found


def find_known_names(
    mentions: Sequence[LocalMention], candidates: Sequence, words: frozenset[str], names: Mapping[str, str] | None = None,
) -> list[LocalMention]:
    """Mentions of names known from other articles that the model missed in this one.

    ``words`` are words of full person names seen elsewhere in the input;
    ``names`` are one-word names of organisations and places seen elsewhere, with
    their label ("Opel", "GM"); ``candidates`` are the article's ``name_candidates``
    (as ``NameCandidate`` records). A capitalised occurrence outside the existing
    mentions becomes a mention filed under its own name, for ``ncr.resolve`` to
    join (or not).
    """
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    extra = []
    next_free = 0
    for c in candidates:
        if c.token < next_free:
            continue
        if c.word not in words:
            if names and c.word in names and c.token not in covered:
                extra.append(LocalMention(c.start, c.end_one, c.text_one, names[c.word], c.word, c.token, c.token + 1))
                next_free = c.token + 1
            continue
        if any(j in covered for j in range(c.token, c.stop)):
            start, end, text, stop = c.start, c.end_one, c.text_one, c.token + 1
        else:
            start, end, text, stop = c.start, c.end, c.text, c.stop
        extra.append(LocalMention(start, end, text, "PERSON", normalise_name(text), c.token, stop))
        next_free = stop
    return sorted([*mentions, *extra], key=lambda m: m.start)


def find_mentions(doc: Doc) -> list[LocalMention]:
    """Named-entity mentions in text order, short forms filed under their full name."""
    spans = _repair(doc)
    # "Lindsay Lohan Checks Into Betty Ford": on a title-case line, only the names are names.
    runs = name_runs(doc, [(s.start, s.end) for s in spans])
    spans = [_Span(a, b, s.label, s.roles if len(cut) == 1 else []) for s, cut in zip(spans, runs) for a, b in cut]
    # Occurrences of a person's name words that the model missed ("Choe Son-hui's visit").
    person_words = {w for s in spans if s.label == "PERSON" and s.end - s.start > 1 for w in normalise_name(doc[s.start : s.end].text).split()}
    covered = {i for s in spans for i in range(s.start, s.end)}
    spans.extend(_Span(start, end, "PERSON", []) for start, end in _missed_names(doc, covered, person_words))
    spans.sort(key=lambda s: s.start)

    # "Singapore Airlines (SIA)": the acronym is filed under the name it stands for.
    defined: dict[int, _Span] = {}
    for (name_start, name_end), (acronym_start, acronym_end) in acronym_definitions(doc, [(s.start, s.end) for s in spans]):
        name = next(s for s in spans if s.start == name_start)
        spans = [s for s in spans if s is not name and not (s.start < acronym_end and acronym_start < s.end)]
        name = _Span(name_start, name_end, name.label, name.roles)
        defined[acronym_start] = name
        spans.extend([name, _Span(acronym_start, acronym_end, name.label, [])])
    spans.sort(key=lambda s: s.start)

    mentions: list[LocalMention] = []
    full_names: dict[str, str] = {}  # a word of a multi-word person name → the latest such name
    # "Ford" beside "Ford Motor Co." and "William Clay Ford Jr.": a name the article gives an
    # organisation stays the organisation's when the model calls it one.
    company_words = {normalise_name(doc[s.start].text) for s in spans if s.label == "ORG" and s.end - s.start > 1}
    for span in spans:
        start, end, text = _text_of(doc, span.start, span.end)
        key = normalise_name(text)
        if not key:
            continue
        label, short_form_of = span.label, None
        words = key.split()
        if span.start in defined:
            short_form_of = key = normalise_name(_text_of(doc, defined[span.start].start, defined[span.start].end)[2])
        elif label == "PERSON" and len(words) > 1:
            for word in words:
                full_names[word] = key
        elif (len(words) == 1 and words[0] in full_names and label in {"PERSON", "ORG", "GPE", "NORP"}
              and not (label == "ORG" and words[0] in company_words)):
            short_form_of = key = full_names[words[0]]
            label = "PERSON"
        mentions.append(
            LocalMention(
                start=start,
                end=end,
                text=text,
                label=label,
                key=key,
                token_start=span.start,
                token_end=span.end,
                roles=tuple(span.roles),
                short_form_of=short_form_of,
                place=_place_of(doc, span.start) if label == "ORG" else None,
            )
        )
    return sorted([*mentions, *find_descriptions(doc)], key=lambda m: (m.start, m.end))
