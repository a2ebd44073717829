"""MEANTIME's CAT XML documents: text rebuilt from tokens, entity mentions and instances, timexes.

Data: the NewsReader MEANTIME corpus, English section, folder
``intra_cross-doc_annotation`` (Minard et al., LREC 2016; © 2015 FBK,
VU Amsterdam, UPV/EHU; licence CC BY 4.0; texts are English Wikinews
articles). Four topic clusters (airbus, apple, gm, stock) of 30 articles each.
Each file is parsed by ``parse_cat``; the article text is rebuilt from its
tokens, joined by one space, one sentence per line (the first line is usually
the headline and is kept).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MEANTIME = ROOT.parent / "shared" / "bench" / "meantime"
MEANTIME_SUBDIR = Path("meantime_newsreader_english_oct15") / "intra_cross-doc_annotation"


class MissingData(Exception):
    """Gold data or the model is not there; main prints the message on one line and exits 2."""


@dataclass(frozen=True, slots=True)
class Token:
    t_id: str
    sentence: int
    number: int
    text: str
    start: int  # character offsets into CatDocument.text
    end: int


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An ENTITY_MENTION markable; ``start:end`` covers its first to last token."""

    m_id: str
    syntactic_type: str | None  # None: the attribute is absent (cross-doc layer)
    t_ids: tuple[str, ...]
    start: int
    end: int
    head_start: int  # the last token
    head_end: int
    text: str  # text[start:end]


@dataclass(frozen=True, slots=True)
class EntityInstance:
    """An ENTITY element: a document's handle on an entity, corpus-level when instance_id is set."""

    m_id: str
    instance_id: str | None
    ent_type: str
    descriptor: str
    external_ref: str | None


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 anchored in the text (the CREATION_TIME one included, see ``function``)."""

    m_id: str
    t_ids: tuple[str, ...]
    start: int
    end: int
    text: str
    type: str
    value: str
    function: str  # functionInDocument: CREATION_TIME or NONE


@dataclass(frozen=True, slots=True)
class CatDocument:
    doc_id: str
    name: str
    url: str | None
    text: str
    tokens: tuple[Token, ...]
    mentions: dict[str, EntityMention]  # m_id -> ENTITY_MENTION
    entities: dict[str, EntityInstance]  # m_id -> ENTITY
    refers_to: dict[str, str]  # mention m_id -> ENTITY m_id
    dct: str | None  # value of the TIMEX3 with functionInDocument="CREATION_TIME"
    timexes: tuple[Timex, ...]  # in text order

    def chain(self, mention_id: str) -> str | None:
        """The gold chain of a mention: its instance_id, else ``<doc_id>#<ENTITY m_id>``."""
        target = self.refers_to.get(mention_id)
        if target is None:
            return None
        entity = self.entities[target]
        return entity.instance_id or f"{self.doc_id}#{target}"


def parse_cat(xml: str | bytes, name: str = "") -> CatDocument:
    """One MEANTIME CAT XML document: text, tokens, entity mentions and instances, REFERS_TO, timexes.

    The text is the tokens joined by one space, with a line break wherever the
    ``sentence`` attribute changes. REFERS_TO links from event mentions (to
    EVENT instances) are ignored; a mention linked to several ENTITY elements
    keeps the first with an instance_id, else the first.
    """
    root = ET.fromstring(xml)
    raw_tokens = sorted(root.iter("token"), key=lambda t: int(t.get("number", "0")))
    tokens: list[Token] = []
    parts: list[str] = []
    offset = 0
    previous_sentence: int | None = None
    for element in raw_tokens:
        sentence = int(element.get("sentence", "0"))
        text = " ".join((element.text or "").split()) or "_"  # a token never holds spaces or is empty
        if previous_sentence is not None:
            parts.append("\n" if sentence != previous_sentence else " ")
            offset += 1
        tokens.append(Token(element.get("t_id", ""), sentence, int(element.get("number", "0")), text, offset, offset + len(text)))
        parts.append(text)
        offset += len(text)
        previous_sentence = sentence
    text = "".join(parts)
    by_id = {token.t_id: token for token in tokens}

    def anchored(element: ET.Element) -> list[Token]:
        found = [by_id[a.get("t_id", "")] for a in element.findall("token_anchor") if a.get("t_id") in by_id]
        return sorted(found, key=lambda t: t.number)

    mentions: dict[str, EntityMention] = {}
    entities: dict[str, EntityInstance] = {}
    timexes: list[Timex] = []
    dct: str | None = None
    markables = root.find("Markables")
    for element in markables if markables is not None else ():
        m_id = element.get("m_id", "")
        if element.tag == "ENTITY_MENTION":
            toks = anchored(element)
            if not toks:
                continue
            start, end = toks[0].start, toks[-1].end
            mentions[m_id] = EntityMention(
                m_id, element.get("syntactic_type"), tuple(t.t_id for t in toks),
                start, end, toks[-1].start, toks[-1].end, text[start:end],
            )
        elif element.tag == "ENTITY":
            entities[m_id] = EntityInstance(
                m_id, element.get("instance_id") or None, element.get("ent_type", ""),
                element.get("TAG_DESCRIPTOR", ""), element.get("external_ref") or None,
            )
        elif element.tag == "TIMEX3":
            function = element.get("functionInDocument", "NONE")
            if function == "CREATION_TIME" and dct is None:
                dct = element.get("value")
            toks = anchored(element)
            if toks:
                start, end = toks[0].start, toks[-1].end
                timexes.append(Timex(
                    m_id, tuple(t.t_id for t in toks), start, end, text[start:end],
                    element.get("type", ""), element.get("value", ""), function,
                ))

    refers_to: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations.findall("REFERS_TO") if relations is not None else ():
        target = relation.find("target")
        if target is None or target.get("m_id") not in entities:
            continue
        target_id = target.get("m_id", "")
        for source in relation.findall("source"):
            m_id = source.get("m_id", "")
            current = refers_to.get(m_id)
            if current is None or (entities[current].instance_id is None and entities[target_id].instance_id):
                refers_to[m_id] = target_id

    return CatDocument(
        doc_id=root.get("doc_id", name),
        name=root.get("doc_name", name),
        url=root.get("url"),
        text=text,
        tokens=tuple(tokens),
        mentions=mentions,
        entities=entities,
        refers_to=refers_to,
        dct=dct,
        timexes=tuple(sorted(timexes, key=lambda t: (t.start, t.end, t.m_id))),
    )


def meantime_clusters(path: Path) -> dict[str, list[Path]]:
    """``{"airbus": [xml files...], ...}`` under a MEANTIME folder; raises ``MissingData``.

    ``path`` may be the folder holding ``meantime_newsreader_english_oct15``,
    that folder, or its ``intra_cross-doc_annotation``.
    """
    for base in (path / MEANTIME_SUBDIR, path / MEANTIME_SUBDIR.name, path):
        dirs = sorted(d for d in base.glob("corpus_*") if d.is_dir())
        if dirs:
            return {d.name.removeprefix("corpus_"): sorted(d.glob("*.xml")) for d in dirs}
    raise MissingData(
        f"MEANTIME corpus not found at {path} (expected {MEANTIME_SUBDIR}/corpus_*/*.xml); pass --meantime PATH"
    )


def load_meantime(path: Path) -> dict[str, list[tuple[Path, CatDocument]]]:
    """Every document of every cluster, parsed, in file-name order."""
    return {
        cluster: [(file, parse_cat(file.read_bytes(), file.stem)) for file in files]
        for cluster, files in meantime_clusters(path).items()
    }
