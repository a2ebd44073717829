"""Entity mentions in one article: spaCy's entities, repaired, with the roles people hold.

spaCy's small model splits and mislabels names ("Pak Sol" + "Mi", "Greta
van" + "Haal", "Ostrovik" as ORG) and misses some entirely. This stage
repairs them with evidence from the text itself:

- a title or role next to a name ("Foreign Minister X", "X, the country's vice
  foreign minister,", "Foreign Minister, X,") makes X a person and records the
  role with the body it belongs to ("North Korean" → north korea);
- a person's name runs on over capitalised words, name particles ("von der")
  and hyphenated parts ("Sol-mi"), swallowing mislabelled fragments;
- determiners and possessives are trimmed ("the Kremlin", "Pak Sol-mi's");
- a short form ("Oster", "Brannagh") is filed under the nearest full name before
  it that contains it, and relabelled as a person; occurrences the model missed
  are found the same way.

Linking the same entity across articles is ``ncr.resolve``'s job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..lexicon import ORG_TYPE_NOUNS, PAST_ROLE_MARKERS, ROLE_HEADS
from ..names import normalise_name, place_key
from .acronyms import acronym_definitions
from .lines import name_runs
from .namewords import (
    HYPHENS,
    ROLE_WORDS,
    is_hyphen_join,
    missed_names,
    name_before_comma,
    name_end,
    name_words,
    span_text,
    text_of,
)
from .spans import doc_ents, ents_in
from .tokens import TokenTable, token_table

# spaCy labels kept as entities; numbers and dates are other stages' business.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_AFFILIATION_LABELS = frozenset({"NORP", "GPE", "ORG"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "a", "an"})
_COMPOUND_ROLES = ("secretary general", "attorney general", "inspector general", "surgeon general")


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


def _role_run(tokens: TokenTable, i: int) -> int:
    """End of the run of role words starting at ``i`` (hyphen-joined parts included)."""
    j = i
    while j < len(tokens):
        if tokens.lower[j] in ROLE_WORDS:
            j += 1
        elif j > i and is_hyphen_join(tokens, j) and tokens.lower[j + 1] in ROLE_WORDS:
            j += 2
        else:
            break
    return j


def _normalise_role(words: list[str]) -> str | None:
    role = " ".join(w.lower() for w in words if w not in HYPHENS)
    role = " ".join(w for w in role.split() if w not in PAST_ROLE_MARKERS)
    if any(role.endswith(compound) for compound in _COMPOUND_ROLES):
        return role
    last = role.split()[-1] if role else ""
    return role if last in ROLE_HEADS and last != "general" else None


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named-entity span holding token ``i``, read from the IOB tags (listing
    ``doc.ents`` builds every span anew, too slow for a lookup per token)."""
    tokens = token_table(doc)
    iob = tokens.ent_iob
    if iob[i] not in {"B", "I"}:
        return None
    start = i
    while iob[start] == "I" and start > 0:
        start -= 1
    end = i + 1
    while end < len(iob) and iob[end] == "I":
        end += 1
    return Span(doc, start, end, label=tokens.ent_type[start])


def _affiliation_before(doc: Doc, start: int) -> tuple[int, str | None]:
    """The body a role belongs to, written before it ("North Korean", "NATO", "South Korea's")."""
    tokens = token_table(doc)
    i = start - 1
    if i >= 0 and tokens.text[i] in _POSSESSIVE_TOKENS:
        i -= 1
    if i >= 0 and tokens.ent_type[i] in _AFFILIATION_LABELS:
        ent = entity_at(doc, i)
        if ent is not None:
            text = ent.text
            for suffix in ("’s", "'s"):
                text = text.removesuffix(suffix)
            return ent.start, place_key(text)
    return start, None


def _affiliation_after(doc: Doc, end: int) -> str | None:
    """The body in "editor for X", "spokesman of X" (an organisation preferred)."""
    tokens = token_table(doc)
    if end >= len(tokens) or tokens.lower[end] not in {"of", "for", "at"}:
        return None
    found = []
    for i in range(end + 1, min(end + 8, len(tokens))):
        if tokens.punct[i]:
            break
        if tokens.ent_type[i] in _AFFILIATION_LABELS:
            found.append(i)
    if not found:
        return None
    chosen = next((i for i in found if tokens.ent_type[i] == "ORG"), found[0])
    ent = entity_at(doc, chosen)
    return place_key(ent.text) if ent is not None else None


def _comma_after_affiliation(tokens: TokenTable, names: tuple[bool, ...], end: int) -> int | None:
    """The comma right after a title ending at ``end``, or after the "of X" / "for X" that
    follows it ("governor of Osterby,"); None when there is none."""
    if end < len(tokens) and tokens.text[end] == ",":
        return end
    if end >= len(tokens) or tokens.lower[end] not in {"of", "for", "at"}:
        return None
    for at in range(end + 1, min(end + 6, len(tokens))):
        if tokens.text[at] == ",":
            return at if at > end + 1 else None
        if not (names[at] or tokens.lower[at] == "the"):
            return None
    return None


def _sentence_places(doc: Doc, i: int) -> tuple[str, ...]:
    """Keys of the countries and nationalities named in the sentence of token ``i``."""
    sentence = doc[i].sent
    places = (place_key(e.text.removesuffix("’s").removesuffix("'s")) for e in ents_in(sentence) if e.label_ in {"GPE", "NORP"})
    return tuple(dict.fromkeys(places))


def find_roles(doc: Doc) -> list[tuple[int, int, Role]]:
    """People named next to a role: (name token start, name token end, role)."""
    tokens, names = token_table(doc), name_words(doc)
    found: list[tuple[int, int, Role]] = []
    i = 0  # where reading resumes: a role's words, and the name read with it, are not read again
    for at in [at for at, lower in enumerate(tokens.lower) if lower in ROLE_WORDS]:
        if at < i:
            continue
        i = at
        end = _role_run(tokens, i)
        role = _normalise_role(list(tokens.text[i:end]))
        if role is None:
            i = end
            continue
        title_start, affiliation = _affiliation_before(doc, i)
        past = any(lower in PAST_ROLE_MARKERS for lower in tokens.lower[max(0, title_start - 1) : end])
        affiliation = affiliation or _affiliation_after(doc, end)
        title = doc[title_start:end].text
        context = () if affiliation else _sentence_places(doc, i)
        record = Role(title=title, role=role, affiliation=affiliation, current=not past, context=context)
        # Title before the name: "Foreign Minister Pak Sol Mi", "Foreign Minister, Pak Sol-mi,",
        # "the former governor of Osterby, Casimir Brannagh," (past the body the title is of).
        comma = _comma_after_affiliation(tokens, names, end)
        after = comma + 1 if comma is not None else end
        if after < len(tokens) and names[after] and not tokens.sent_start[after]:
            stop = name_end(doc, after)
            needs_comma = comma is not None
            # "her publicist, Ivo Brannagh." as well as "..., Ivo Brannagh, said": the name closes the apposition.
            closed = stop < len(tokens) and (
                tokens.text[stop] == "," or (tokens.punct[stop] and doc[stop].is_sent_end)
            )
            if stop > after and (not needs_comma or closed):
                found.append((after, stop, record))
                i = stop
                continue
        # Name before the title: "Lena Oster, Norway's deputy health minister,".
        lead = title_start
        if lead - 1 >= 0 and tokens.lower[lead - 1] in _DETERMINERS:
            lead -= 1
        # Not when a verb follows the title: in "sold in Harlow, a company spokesman said" the
        # title is the subject of "said", no apposition of the name before the comma.
        subject = end < len(tokens) and doc[end].pos_ in {"VERB", "AUX"}
        if lead - 1 >= 0 and tokens.text[lead - 1] == "," and not subject:
            name = name_before_comma(doc, lead - 1)
            if name is not None:
                found.append((*name, record))
        i = end
    return found


def _initial_spans(doc: Doc) -> list[_Span]:
    tokens = token_table(doc)
    spans = []
    for ent in doc_ents(doc):
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and (tokens.lower[start] in _DETERMINERS or tokens.punct[start]):
            start += 1
        while end > start and (tokens.text[end - 1] in _POSSESSIVE_TOKENS or tokens.punct[end - 1]):
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


def _place_of(doc: Doc, start: int) -> str | None:
    """The place written as a possessive just before token ``start`` ("South Korea's ...")."""
    tokens = token_table(doc)
    if start >= 2 and tokens.text[start - 1] in _POSSESSIVE_TOKENS and tokens.ent_type[start - 2] in {"GPE", "NORP"}:
        ent = entity_at(doc, start - 2)
        return place_key(ent.text) if ent is not None else None
    return None


def find_descriptions(doc: Doc) -> list[LocalMention]:
    """Organisations named by description: "Oslo's health agency", "the Danish foreign ministry".

    Only descriptions tied to a place count: "the agency" alone names nothing.
    """
    found = []
    for i, lemma in enumerate(token_table(doc).lemma):
        if lemma.lower() not in ORG_TYPE_NOUNS or not doc[i].is_lower:
            continue
        token = doc[i]
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
    words = token_table(doc).text
    found = []
    for i, is_name in enumerate(name_words(doc)):
        if not is_name or i in covered:
            continue
        stop = max(name_end(doc, i), i + 1)
        start, end, text = text_of(doc, i, stop)
        _, end_one, text_one = text_of(doc, i, i + 1)
        found.append((i, normalise_name(words[i]), stop, start, end, text, end_one, text_one))
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
    # Occurrences of a person's name words that the model missed ("Pak Sol-mi's visit").
    person_words = {
        w for s in spans if s.label == "PERSON" and s.end - s.start > 1 for w in normalise_name(span_text(doc, s.start, s.end)).split()
    }
    covered = {i for s in spans for i in range(s.start, s.end)}
    spans.extend(_Span(start, end, "PERSON", []) for start, end in missed_names(doc, covered, person_words))
    spans.sort(key=lambda s: s.start)

    # "Singapore Airlines (SIA)": the acronym is filed under the name it stands for.
    defined: dict[int, _Span] = {}
    for (name_start, name_stop), (acronym_start, acronym_end) in acronym_definitions(doc, [(s.start, s.end) for s in spans]):
        name = next(s for s in spans if s.start == name_start)
        spans = [s for s in spans if s is not name and not (s.start < acronym_end and acronym_start < s.end)]
        name = _Span(name_start, name_stop, name.label, name.roles)
        defined[acronym_start] = name
        spans.extend([name, _Span(acronym_start, acronym_end, name.label, [])])
    spans.sort(key=lambda s: s.start)

    mentions: list[LocalMention] = []
    full_names: dict[str, str] = {}  # a word of a multi-word person name → the latest such name
    # "Ford" beside "Ford Motor Co." and "William Clay Ford Jr.": a name the article gives an
    # organisation stays the organisation's when the model calls it one.
    words_of = token_table(doc).text
    company_words = {normalise_name(words_of[s.start]) for s in spans if s.label == "ORG" and s.end - s.start > 1}
    for span in spans:
        start, end, text = text_of(doc, span.start, span.end)
        key = normalise_name(text)
        if not key:
            continue
        label, short_form_of = span.label, None
        words = key.split()
        if span.start in defined:
            short_form_of = key = normalise_name(text_of(doc, defined[span.start].start, defined[span.start].end)[2])
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
