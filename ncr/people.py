"""Joins of people's names across articles: variants, short forms, initials, roles.

See ``ncr.resolve`` for the list of joins and their reasons; each function
here adds one kind of join to a ``Components`` graph.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from .entity_graph import Components, unique_match
from .lexicon import SINGULAR_ROLES
from .names import place_blocks, same_place

# Words after a surname that are no part of it ("William Clay Ford Jr.").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# How alike two spellings of a first name must be (Jaro-Winkler) to be one ("Marjorie" / "Marjory").
FIRST_NAME_SIMILARITY = 0.88
# How alike two spellings of a surname must be (rapidfuzz ratio) beside one first name ("Harrowgate" / "Harrogate").
SURNAME_SIMILARITY = 85


def _name_parts(key: str) -> tuple[str, tuple[str, ...], str]:
    """(first, middle words, surname) of a person's normalised name, suffixes dropped."""
    words = key.split()
    while len(words) > 2 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words[0], tuple(words[1:-1]), words[-1]


def _same_first_name(a: str, b: str) -> bool:
    """ "fred" / "frederick" (one begins the other), "bettie" / "betty" (a spelling)."""
    if a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))):
        return True
    return len(a) > 1 and len(b) > 1 and JaroWinkler.similarity(a, b) >= FIRST_NAME_SIMILARITY


def _same_middle(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """No middle name, or the same ones, initials matching their names ("m" / "marie")."""
    a = tuple(w for w in a if w != "the")
    b = tuple(w for w in b if w != "the")
    if not a or not b:
        return True
    return len(a) == len(b) and all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b))


def join_person_variants(components: Components) -> None:
    """ "Tomas R. Vell" / "Tomas Vell", "Frederick C. Orm" / "Fred Orm",
    "Marjorie Quell" / "Marjory Quell", "Duncan Harrowgate" / "Duncan Harrogate": full names of one person
    written with or without a middle name or initial, with a short or another spelling of
    the first name, or another spelling of the surname beside the same first name. Two
    different middle names ("George H. W." / "George W.") stay apart. Names are compared
    only within a surname, or within a first name for spellings of the surname.
    """
    nodes = components.nodes
    full = {n.key: i for i, n in enumerate(nodes) if n.label == "PERSON" and len(n.key.split()) > 1}
    by_surname: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for key in full:
        first, _, surname = _name_parts(key)
        by_surname.setdefault(surname, []).append(key)
        by_first.setdefault(first, []).append(key)
    for keys in by_surname.values():
        for i, a in enumerate(keys):
            first_a, middle_a, _ = _name_parts(a)
            for b in keys[i + 1 :]:
                first_b, middle_b, _ = _name_parts(b)
                if _same_first_name(first_a, first_b) and _same_middle(middle_a, middle_b):
                    components.join(full[a], full[b], "variant")
    for keys in by_first.values():
        for i, a in enumerate(keys):
            _, middle_a, surname_a = _name_parts(a)
            for b in keys[i + 1 :]:
                _, middle_b, surname_b = _name_parts(b)
                if (surname_a != surname_b and surname_a[0] == surname_b[0] and min(len(surname_a), len(surname_b)) >= 4
                        and fuzz.ratio(surname_a, surname_b) >= SURNAME_SIMILARITY and _same_middle(middle_a, middle_b)):
                    components.join(full[a], full[b], "spelling")


def join_short_forms(components: Components) -> None:
    nodes = components.nodes
    full = {n.key: i for i, n in reversed(list(enumerate(nodes))) if n.label == "PERSON" and len(n.key.split()) > 1}
    by_word: dict[str, set[str]] = {}
    by_last: dict[str, list[str]] = {}  # full names by their last word, for initials
    for key in full:
        for word in key.split():
            by_word.setdefault(word, set()).add(key)
        by_last.setdefault(key.split()[-1], []).append(key)
    for index, node in enumerate(nodes):
        words = node.key.split()
        if node.label != "PERSON":
            continue
        if len(words) == 1:
            # Full names already joined as one person count once ("Marjorie Quell", "Marjory Quell").
            people = {components.find(full[k]): k for k in sorted(by_word.get(words[0], set()))}
            match = unique_match(set(people.values())) if len(people) == 1 else None
            if match is not None:
                components.join(full[match], index, "short form")
        elif len(words[0]) == 1:  # "j kirby"
            matches = {k for k in by_last.get(words[-1], ()) if k.split()[0].startswith(words[0]) and k != node.key}
            match = unique_match(matches)
            if match is not None:
                components.join(full[match], index, "initials")


def join_roles(components: Components) -> None:
    """The one holder of a singular role for a place ("North Korean Foreign Minister") is one person.

    Holders are compared only within a block of the same role whose places can be
    the same (``names.place_blocks``), never all with all; the joins are made in the
    same order as if every pair were tried.
    """
    nodes = components.nodes
    holders: list[tuple[str, str, int]] = []  # (role, affiliation, node), each once
    seen: set[tuple[str, str, int]] = set()
    for index, node in enumerate(nodes):
        for mention in node.mentions:
            for role in mention.roles:
                holder = (role.role, role.affiliation or "", index)
                if role.current and role.affiliation and role.role in SINGULAR_ROLES and holder not in seen:
                    seen.add(holder)
                    holders.append(holder)
    blocks: dict[tuple[str, tuple[tuple[str, ...], str]], list[int]] = {}  # (role, place block) -> holder positions
    by_role: dict[str, list[int]] = {}
    for position, (role_name, place, _) in enumerate(holders):
        by_role.setdefault(role_name, []).append(position)
        for block in place_blocks(place):
            blocks.setdefault((role_name, block), []).append(position)
    for i, (role_a, place_a, a) in enumerate(holders):
        later = sorted({j for block in place_blocks(place_a) for j in blocks.get((role_a, block), ()) if j > i})
        for j in later:
            _, place_b, b = holders[j]
            if components.find(a) == components.find(b):
                continue  # joined already: joining again would change nothing
            if not same_place(place_a, place_b):
                continue
            if nodes[a].source == nodes[b].source and nodes[a].key != nodes[b].key:
                continue  # one article naming two holders is telling them apart
            components.join(a, b, "role")
    # A role written without its body ("Foreign Minister X" in a sentence about
    # North Korea) matches the one holder of that role for a place the sentence names.
    for index, node in enumerate(nodes):
        affiliated = {r.role for m in node.mentions for r in m.roles if r.affiliation}
        for mention in node.mentions:
            for role in mention.roles:
                if not role.current or role.affiliation or role.role not in SINGULAR_ROLES or role.role in affiliated:
                    continue  # the article says elsewhere whose role it is
                candidates = {
                    nodes[other].key: other
                    for place, other in (holders[j][1:] for j in by_role.get(role.role, ()))
                    if nodes[other].source != node.source and any(same_place(place, context) for context in role.context)
                }
                if len(candidates) == 1:
                    components.join(next(iter(candidates.values())), index, "role")
