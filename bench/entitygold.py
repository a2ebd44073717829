"""Gold entity mentions of MEANTIME and ECB+ clusters, for ``entityscore``.

MEANTIME (``meantime_gold``): every ENTITY_MENTION that REFERS_TO an ENTITY of
type PER or ORG and is a named mention, ``syntactic_type`` NAM or PRE.NAM. Its
chain is the corpus-level ``instance_id`` of that ENTITY (an ENTITY without an
instance_id is a chain of its own, local to its document). A mention's span
runs from its first to its last anchored token; its head is its last token.
The corpus also holds ENTITY_MENTIONs with no ``syntactic_type`` at all (added
in the cross-document pass: "Jobs", "GM", "he", "the company", ...); they are
left out unless ``untyped_names``, which adds those that ``looks_like_name``.

ECB+ (``ecbplus_gold``): every HUMAN_PART_PER, HUMAN_PART_ORG and
HUMAN_PART_GPE mention (the participants that are people, organisations and
countries acting as such; GENERIC, MET, VEH ... are left out) that lies in a
sentence listed in ``ECBplus_coreference_sentences.csv`` (where the corpus
authors say coreference was fully annotated), is the source of a
CROSS_DOC_COREF relation, and whose text is a name. Its chain is the instance
that relation points to, shared by the articles of a sub-topic. Mentions only
in INTRA_DOC_COREF relations, or in none, are left out: the corpus links
across documents only the participants of its annotated events, so "FBI" in
six articles is six unlinked mentions, which would count as six entities.
ECB+ marks no syntactic type, so a mention is a name when ``looks_like_name``
and, if it is one word, that word is not also written in lower case in the
sub-topic's articles (which tells "Police" or "Officials" opening a sentence
from "Reid"). Spans are placed on the text ``ecbplus.load_article`` rebuilds.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from ecbplus import EcbArticle
from entityscore import GoldMention
from meantime import CatDocument

MEANTIME_TYPES = ("PER", "ORG")
ECBPLUS_TYPES = ("PER", "ORG", "GPE")
NAMED_TYPES = frozenset({"NAM", "PRE.NAM"})
_PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours he him his himself she her hers herself "
    "it its itself they them their theirs themselves who whom whose which that this these those".split()
)


def looks_like_name(text: str) -> bool:
    """Whether a mention's text reads as a name ("GM", "the Air Force"; not "he", "the company")."""
    words = text.split()
    if not words or words[0].lower() in {"a", "an"}:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return False
    return words[-1][:1].isupper()


def meantime_gold(doc: CatDocument, types: Sequence[str] = MEANTIME_TYPES, untyped_names: bool = False) -> list[GoldMention]:
    """The document's named mentions of PER/ORG entities, in text order."""
    found = []
    for mention in doc.mentions.values():
        target = doc.refers_to.get(mention.m_id)
        if target is None or doc.entities[target].ent_type not in types:
            continue
        named = mention.syntactic_type in NAMED_TYPES or (
            untyped_names and mention.syntactic_type is None and looks_like_name(mention.text)
        )
        if not named:
            continue
        found.append(GoldMention(
            doc.doc_id, mention.start, mention.end, mention.head_start, mention.head_end, mention.text,
            doc.chain(mention.m_id) or "", doc.entities[target].ent_type, mention.syntactic_type,
        ))
    return sorted(found, key=lambda g: (g.start, g.end, g.chain))


def coref_sentences(root: Path) -> dict[str, frozenset[int]]:
    """``{"1_10ecbplus": {1, 3}, ...}``: the sentences of each article where coreference was fully annotated."""
    found: dict[str, set[int]] = {}
    with (root / "ECBplus_coreference_sentences.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(f"{row['Topic']}_{row['File']}", set()).add(int(row["Sentence Number"]))
    return {name: frozenset(numbers) for name, numbers in found.items()}


def lower_case_words(articles: Sequence[EcbArticle]) -> frozenset[str]:
    """The words written in lower case somewhere in the articles."""
    return frozenset(w for a in articles for w in re.findall(r"\b[a-z][a-z'-]*\b", a.text))


def ecbplus_gold(
    xml: str | bytes, article: EcbArticle, sentences: frozenset[int], lower_words: frozenset[str],
    types: Sequence[str] = ECBPLUS_TYPES,
) -> list[GoldMention]:
    """The article's named participant mentions in its coreference sentences, in text order."""
    root = ET.fromstring(xml)
    sentence_of = {t.get("t_id", ""): int(t.get("sentence", "-1")) for t in root.iter("token")}
    markables = root.find("Markables")
    elements = {e.get("m_id", ""): e for e in (markables if markables is not None else ())}
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations.findall("CROSS_DOC_COREF") if relations is not None else ():
        target = relation.find("target")
        instance = elements.get(target.get("m_id", "") if target is not None else "")
        if instance is not None and instance.get("instance_id"):
            chain_of.update((source.get("m_id", ""), instance.get("instance_id", "")) for source in relation.findall("source"))
    found = []
    for m_id, element in elements.items():
        ent_type = element.tag.removeprefix("HUMAN_PART_")
        t_ids = [a.get("t_id", "") for a in element.findall("token_anchor")]
        spans = sorted(article.token_spans[t] for t in t_ids if t in article.token_spans)
        if ent_type not in types or not element.tag.startswith("HUMAN_PART_") or not spans or m_id not in chain_of:
            continue
        if not all(sentence_of.get(t) in sentences for t in t_ids):
            continue
        start, end = spans[0][0], spans[-1][1]
        text = article.text[start:end]
        if not looks_like_name(text) or (" " not in text.strip() and text.strip().lower() in lower_words):
            continue
        found.append(GoldMention(article.name, start, end, spans[-1][0], spans[-1][1], text, chain_of[m_id], ent_type, None))
    return sorted(found, key=lambda g: (g.start, g.end, g.chain))
