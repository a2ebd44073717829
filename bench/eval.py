"""Accuracy evaluation behind ``make eval``: ncr against gold annotations.

This prints figures; it is not a test. It exits 0 after printing them, 2 when
the gold data (or the spaCy model) cannot be found, and non-zero on an error.
The script runs a list of named evaluations (``EVALUATIONS``); each returns
its figures as a JSON-ready dict plus the lines of its text table: ``entities``
and ``dates``.

entities: cross-document entity resolution on MEANTIME
------------------------------------------------------
What is measured: how well ``ncr.pipeline.analyse`` groups mentions of the
same person or organisation across the articles of one news cluster.

Data: the NewsReader MEANTIME corpus, English section, folder
``intra_cross-doc_annotation`` (Minard et al., LREC 2016; © 2015 FBK,
VU Amsterdam, UPV/EHU; licence CC BY 4.0; texts are English Wikinews
articles). Four topic clusters (airbus, apple, gm, stock) of 30 articles each,
read from ``<repo>/../shared/bench/meantime`` unless ``--meantime`` says
otherwise. Each CAT XML file is parsed by ``parse_cat``; the article text is
rebuilt from its tokens, joined by one space, one sentence per line (the first
line is usually the headline and is kept).

Gold: every ENTITY_MENTION that REFERS_TO an ENTITY of type PER or ORG, and is
a named mention: ``syntactic_type`` NAM or PRE.NAM. Its gold chain is the
corpus-level ``instance_id`` of that ENTITY (an ENTITY without an instance_id
is a chain of its own, local to its document). A mention's span runs from its
first to its last anchored token; its head is its last token. Note that the
corpus also holds ENTITY_MENTIONs with no ``syntactic_type`` at all (added in
the cross-document pass: "Jobs", "GM", "he", "the company", ...); they are
left out by default. ``--untyped-names`` adds those whose text looks like a
name (``looks_like_name``: the last token starts with a capital letter, and
the mention is neither a pronoun nor starts with "a"/"an").

System: each cluster's 30 articles go through ``analyse`` together; every
mention of every entity in ``report.entities`` is a system mention, and its
system chain is the entity's id (any label: PERSON, ORG, GPE, ...).

Alignment (``align``): within the same document, a gold mention is matched to
the system mention with which it shares the most characters, among those that
overlap it by at least half the gold span's length or contain the gold head
token. Several gold mentions may match one system mention.

Scoring ("gold mention" scoring): only gold mentions are scored. A matched
gold mention's system cluster is the set of gold mentions matched to the same
system entity; an unmatched one is a singleton of its own. Reported:

* detected: share of gold mentions matched by any system mention;
* B-cubed precision / recall / F1 (Bagga & Baldwin 1998);
* pairwise (link) precision / recall / F1: a pair of gold mentions is a gold
  link when they share a gold chain, a system link when they share a system
  entity;
* cross-doc pairwise F1: the same, counting only pairs whose mentions are in
  different documents, the part ncr's cross-document resolution adds.

The micro row pools all clusters (B-cubed: mean over all gold mentions;
pairwise: summed link counts; links never cross clusters). The PER and ORG rows
do the same over the gold mentions of that type only. A ratio with a zero
denominator is reported as 0.

dates: date normalisation on MEANTIME and TempEval-3 platinum
-------------------------------------------------------------
What is measured: how well ``ncr.extract.dates.find_dates`` finds and
normalises the dates of a news article, relative ones included, and whether
it leaves a date unresolved rather than wrong when it has no anchor.

Data: MEANTIME (above; every TIMEX3 of every document of the four clusters)
and the TempEval-3 platinum test set (UzZaman et al., SemEval 2013; 20 TimeML
news articles of March 2013, annotations CC BY 3.0), read from
``<repo>/../shared/bench/te3-platinum`` unless ``--te3`` says otherwise. Each
``.tml`` file is parsed by ``parse_timeml``: the text is the content of its
TEXT element with the tags taken out (so TIMEX3 offsets index it), and the DCT
is the value of the TIMEX3 with functionInDocument CREATION_TIME.

Gold: every TIMEX3 of type DATE except the creation time itself; TIME timexes
are scored apart, on the date part of their value ("2013-03-22TAF" ->
"2013-03-22"). Only values of the forms ncr produces are scored: YYYY,
YYYY-MM, YYYY-MM-DD and YYYY-Www. Others (PRESENT_REF, P1W, 2013-Q1, 2012-SU,
XXXX-XX-XX, ...) are counted as skipped.

System: each document is parsed once with ``ctx.nlp`` and ``find_dates`` runs
under three anchors: ``dct`` (the DCT as the publication date, source
"metadata"), ``text`` (``text_anchor(doc, today=DCT)``: the year the text fixes,
as when ncr runs soon after publication with no metadata) and ``none`` (no
anchor at all).

Alignment: a gold timex matches the ncr date span that shares the most
characters with it (any overlap). Reported, over scored gold timexes:

* det%: share matched by an ncr span;
* exact%: share whose matched ncr value equals the gold value (unmatched and
  unresolved ones count as misses);
* compat%: exact, or ncr's value is a coarser period that contains the gold
  one ("2024-10" or "2024-W44" for "2024-10-29": right date, coarser grain);
* none%: matched, but ncr left the value unresolved (None);
* wrong: ncr gave a value that is not compatible (a different period, or a
  finer one than the gold value), as a count and a share. With no anchor
  this should stay low: unresolved rather than wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# ncr.pipeline and ncr.nlp import spaCy: they are imported where needed, so the
# parser and the scoring functions load without it.

DEFAULT_MEANTIME = ROOT.parent / "shared" / "bench" / "meantime"
DEFAULT_ECBPLUS = ROOT.parent / "shared" / "bench" / "ecbplus"
DEFAULT_TE3 = ROOT.parent / "shared" / "bench" / "te3-platinum"
MEANTIME_SUBDIR = Path("meantime_newsreader_english_oct15") / "intra_cross-doc_annotation"
GOLD_TYPES = ("PER", "ORG")
NAMED_TYPES = frozenset({"NAM", "PRE.NAM"})
_PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours he him his himself she her hers herself "
    "it its itself they them their theirs themselves who whom whose which that this these those".split()
)


class MissingData(Exception):
    """Gold data or the model is not there; main prints the message on one line and exits 2."""


# --------------------------------------------------------------------------- MEANTIME (CAT XML)


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


# --------------------------------------------------------------------------- TempEval-3 (TimeML)


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML article: the text of its TEXT element, its DCT and its TIMEX3s (offsets index ``text``)."""

    doc_id: str
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]


def parse_timeml(xml: str | bytes, name: str = "") -> TimeMLDocument:
    """One TimeML (.tml) document; the TIMEX3s are those inside TEXT, with ``t_ids`` empty.

    The text keeps the TEXT element's characters exactly, tags taken out
    (EVENT, SIGNAL, TIMEX3 ...). The DCT is the value of the first TIMEX3 with
    functionInDocument CREATION_TIME anywhere in the file.
    """
    root = ET.fromstring(xml)
    dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                spans.append((start, length, child))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    body = root.find("TEXT")
    if body is not None:
        walk(body)
    text = "".join(parts)
    timexes = tuple(sorted(
        (
            Timex(e.get("tid", ""), (), start, end, text[start:end], e.get("type", ""), e.get("value", ""),
                  e.get("functionInDocument", "NONE"))
            for start, end, e in spans
        ),
        key=lambda t: (t.start, t.end, t.m_id),
    ))
    docid = root.find("DOCID")
    doc_id = (docid.text or "").strip() if docid is not None and docid.text else name
    return TimeMLDocument(doc_id, text, dct, timexes)


def load_te3(path: Path) -> list[TimeMLDocument]:
    """Every ``.tml`` file under ``path``, parsed, in file-name order; raises ``MissingData``."""
    files = sorted(path.glob("*.tml"))
    if not files:
        raise MissingData(f"TempEval-3 platinum not found at {path} (expected *.tml); pass --te3 PATH")
    return [parse_timeml(file.read_bytes(), file.stem) for file in files]


# --------------------------------------------------------------------------- gold and alignment


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str
    start: int
    end: int
    head_start: int
    head_end: int
    text: str
    chain: str
    ent_type: str
    syntactic_type: str | None


@dataclass(frozen=True, slots=True)
class SystemMention:
    doc: str
    start: int
    end: int
    entity: str


def looks_like_name(text: str) -> bool:
    """Whether an untyped mention's text reads as a name ("GM", "the Air Force"; not "he", "the company")."""
    words = text.split()
    if not words or words[0].lower() in {"a", "an"}:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return False
    return words[-1][:1].isupper()


def gold_mentions(doc: CatDocument, types: Sequence[str] = GOLD_TYPES, untyped_names: bool = False) -> list[GoldMention]:
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


def align(gold: Sequence[GoldMention], system: Sequence[SystemMention]) -> list[str | None]:
    """The system entity each gold mention is matched to (``None``: missed); see the module docstring."""
    by_doc: dict[str, list[SystemMention]] = {}
    for mention in system:
        by_doc.setdefault(mention.doc, []).append(mention)
    matched: list[str | None] = []
    for g in gold:
        best: tuple[int, int, int, str] | None = None  # (-overlap, length, start, entity): smallest wins
        for s in by_doc.get(g.doc, ()):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap <= 0:
                continue
            head_inside = s.start <= g.head_start and g.head_end <= s.end
            if 2 * overlap >= g.end - g.start or head_inside:
                key = (-overlap, s.end - s.start, s.start, s.entity)
                if best is None or key < best:
                    best = key
        matched.append(best[3] if best is not None else None)
    return matched


def system_labels(matched: Sequence[str | None]) -> list[Hashable]:
    """System cluster labels for scoring: the matched entity, or a singleton of its own."""
    return [entity if entity is not None else ("missed", i) for i, entity in enumerate(matched)]


# --------------------------------------------------------------------------- scoring


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def b_cubed_sums(gold: Sequence[Hashable], system: Sequence[Hashable]) -> tuple[float, float, int]:
    """(sum of per-mention precision, sum of per-mention recall, mentions); ``gold[i]``/``system[i]`` label mention i."""
    if len(gold) != len(system):
        raise ValueError("gold and system label different numbers of mentions")
    cells = Counter(zip(gold, system))
    gold_sizes = Counter(gold)
    system_sizes = Counter(system)
    p_sum = sum(n * n / system_sizes[s] for (_, s), n in cells.items())
    r_sum = sum(n * n / gold_sizes[g] for (g, _), n in cells.items())
    return p_sum, r_sum, len(gold)


def pairwise_counts(
    gold: Sequence[Hashable], system: Sequence[Hashable], docs: Sequence[Hashable] | None = None
) -> tuple[int, int, int]:
    """(links in both, system links, gold links); with ``docs``, only pairs from different documents."""
    if len(gold) != len(system) or (docs is not None and len(docs) != len(gold)):
        raise ValueError("gold, system and docs label different numbers of mentions")

    def links(*labels: Sequence[Hashable]) -> int:
        total = sum(_pairs(n) for n in Counter(zip(*labels)).values())
        if docs is not None:
            total -= sum(_pairs(n) for n in Counter(zip(*labels, docs)).values())
        return total

    return links(gold, system), links(system), links(gold)


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def prf(precision: float, recall: float) -> tuple[float, float, float]:
    return precision, recall, _ratio(2 * precision * recall, precision + recall)


def b_cubed(gold: Sequence[Hashable], system: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of one clustering against another over the same mentions."""
    p_sum, r_sum, n = b_cubed_sums(gold, system)
    return prf(_ratio(p_sum, n), _ratio(r_sum, n))


def pairwise(
    gold: Sequence[Hashable], system: Sequence[Hashable], docs: Sequence[Hashable] | None = None
) -> tuple[float, float, float]:
    """Pairwise (precision, recall, F1); with ``docs``, over cross-document pairs only."""
    both, sys_links, gold_links = pairwise_counts(gold, system, docs)
    return prf(_ratio(both, sys_links), _ratio(both, gold_links))


@dataclass(slots=True)
class Tally:
    """Poolable counts behind one row of the table."""

    docs: int = 0
    mentions: int = 0
    detected: int = 0
    chains: set[str] = field(default_factory=set)
    b3_p: float = 0.0
    b3_r: float = 0.0
    pairs: tuple[int, int, int] = (0, 0, 0)
    cross: tuple[int, int, int] = (0, 0, 0)

    def add(self, other: Tally) -> None:
        self.docs += other.docs
        self.mentions += other.mentions
        self.detected += other.detected
        self.chains |= other.chains
        self.b3_p += other.b3_p
        self.b3_r += other.b3_r
        self.pairs = tuple(a + b for a, b in zip(self.pairs, other.pairs))  # type: ignore[assignment]
        self.cross = tuple(a + b for a, b in zip(self.cross, other.cross))  # type: ignore[assignment]

    def figures(self) -> dict[str, Any]:
        def scores(counts: tuple[int, int, int]) -> dict[str, Any]:
            both, sys_links, gold_links = counts
            p, r, f = prf(_ratio(both, sys_links), _ratio(both, gold_links))
            return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
                    "links_both": both, "links_system": sys_links, "links_gold": gold_links}

        p, r, f = prf(_ratio(self.b3_p, self.mentions), _ratio(self.b3_r, self.mentions))
        return {
            "docs": self.docs,
            "gold_mentions": self.mentions,
            "gold_chains": len(self.chains),
            "detected": round(_ratio(self.detected, self.mentions), 4),
            "b_cubed": {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)},
            "pairwise": scores(self.pairs),
            "cross_doc_pairwise": scores(self.cross),
        }


def score(gold: Sequence[GoldMention], matched: Sequence[str | None], docs: int = 0) -> Tally:
    """The counts for one set of gold mentions and the system entities they matched."""
    gold_labels = [g.chain for g in gold]
    sys_labels = system_labels(matched)
    p_sum, r_sum, n = b_cubed_sums(gold_labels, sys_labels)
    return Tally(
        docs=docs,
        mentions=n,
        detected=sum(m is not None for m in matched),
        chains=set(gold_labels),
        b3_p=p_sum,
        b3_r=r_sum,
        pairs=pairwise_counts(gold_labels, sys_labels),
        cross=pairwise_counts(gold_labels, sys_labels, [g.doc for g in gold]),
    )


# --------------------------------------------------------------------------- evaluations


@dataclass
class Context:
    """What evaluations share: the command line, and the spaCy model, loaded once on first use."""

    args: argparse.Namespace
    _nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            import ncr.nlp
            from ncr.errors import ModelNotFound

            try:
                self._nlp = ncr.nlp.load_model(self.args.model)
            except ModelNotFound as exc:
                raise MissingData(str(exc)) from exc
        return self._nlp

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'xx')}_{meta.get('name')} {meta.get('version')}"


@dataclass(frozen=True)
class Result:
    figures: dict[str, Any]
    lines: list[str]


def _table(title: str, rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    header = (
        f"{'':<8}{'docs':>5}{'gold':>6}{'chains':>7}{'det%':>7}"
        f"{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}{'pair P':>8}{'pair R':>8}{'pair F1':>8}{'xdoc F1':>8}"
    )
    lines = [title, header]
    for label, f in rows:
        pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
        lines.append(
            f"{label:<8}{f['docs']:>5}{f['gold_mentions']:>6}{f['gold_chains']:>7}{pct(f['detected']):>7}"
            f"{pct(f['b_cubed']['p']):>7}{pct(f['b_cubed']['r']):>7}{pct(f['b_cubed']['f1']):>7}"
            f"{pct(f['pairwise']['p']):>8}{pct(f['pairwise']['r']):>8}{pct(f['pairwise']['f1']):>8}"
            f"{pct(f['cross_doc_pairwise']['f1']):>8}"
        )
    return lines


def evaluate_entities(ctx: Context) -> Result:
    """Cross-document entity resolution on MEANTIME (see the module docstring)."""
    corpus = load_meantime(Path(ctx.args.meantime))
    import ncr.pipeline
    from ncr.records import Article

    nlp = ctx.nlp
    clusters: dict[str, Tally] = {}
    by_type = {t: Tally() for t in GOLD_TYPES}
    micro = Tally()
    for cluster, documents in corpus.items():
        articles = [Article(id=doc.doc_id, text=doc.text, path=str(file)) for file, doc in documents]
        report = ncr.pipeline.analyse(articles, nlp)
        system = [
            SystemMention(m.source, m.start, m.end, entity.id)
            for entity in report.entities
            for m in entity.mentions
        ]
        gold = [
            g for _, doc in documents
            for g in gold_mentions(doc, untyped_names=ctx.args.untyped_names)
        ]
        matched = align(gold, system)
        clusters[cluster] = score(gold, matched, docs=len(documents))
        micro.add(clusters[cluster])
        for ent_type, tally in by_type.items():
            keep = [i for i, g in enumerate(gold) if g.ent_type == ent_type]
            tally.add(score([gold[i] for i in keep], [matched[i] for i in keep], docs=len(documents)))

    rows = [(name, tally.figures()) for name, tally in clusters.items()]
    rows += [("micro", micro.figures())] + [(t, tally.figures()) for t, tally in by_type.items()]
    named = "NAM, PRE.NAM" + (", untyped names" if ctx.args.untyped_names else "")
    title = (
        "entities: cross-document entity resolution, MEANTIME English (CC BY 4.0), "
        f"gold named PER/ORG mentions ({named}); figures in %"
    )
    figures = {
        "data": "MEANTIME English, intra_cross-doc_annotation (CC BY 4.0)",
        "gold": f"mentions of PER/ORG entities with syntactic_type {named}; chain = instance_id",
        "clusters": dict(rows[: len(clusters)]),
        "micro": micro.figures(),
        "by_type": {t: tally.figures() for t, tally in by_type.items()},
    }
    return Result(figures, _table(title, rows))


# --------------------------------------------------------------------------- dates

SCORED_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
DATE_ANCHORS = ("dct", "text", "none")


def iso_day(value: str | None) -> date | None:
    """The day of an ISO date or date-time value ("2013-03-22", "2013-03-22T10:00"); ``None`` otherwise."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def gold_date_value(timex: Timex) -> str | None:
    """The gold value to score a DATE/TIME timex against, or ``None`` when it is not of a scored form."""
    value = timex.value.split("T", 1)[0] if timex.type == "TIME" else timex.value
    return value if SCORED_DATE.match(value) else None


def date_period(value: str) -> tuple[date, date] | None:
    """First and last day of a YYYY / YYYY-MM / YYYY-MM-DD / YYYY-Www value; ``None`` if it is not one."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = date(int(m[1]), int(m[2]), 1)
            return first, date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
        day = date.fromisoformat(value)
        return day, day
    except ValueError:
        return None


def date_compatible(system: str, gold: str) -> bool:
    """Whether ``system`` is ``gold`` or a coarser period containing it ("2024-10" for "2024-10-29")."""
    if system == gold:
        return True
    s, g = date_period(system), date_period(gold)
    return s is not None and g is not None and s[0] <= g[0] and g[1] <= s[1]


def align_dates(gold: Sequence[Timex], system: Sequence[Any]) -> list[Any | None]:
    """For each gold timex, the system date (``start``/``end``/``value``) sharing most characters with it."""
    matched: list[Any | None] = []
    for g in gold:
        best, best_overlap = None, 0
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap:
                best, best_overlap = s, overlap
        matched.append(best)
    return matched


@dataclass(slots=True)
class DateTally:
    """Counts behind one row of the dates table."""

    docs: int = 0
    gold: int = 0
    skipped: int = 0
    detected: int = 0
    exact: int = 0
    compatible: int = 0
    unresolved: int = 0
    wrong: int = 0

    def add_gold(self, timex: Timex, system: Any | None) -> None:
        value = gold_date_value(timex)
        if value is None:
            self.skipped += 1
            return
        self.gold += 1
        if system is None:
            return
        self.detected += 1
        if system.value is None:
            self.unresolved += 1
        elif system.value == value:
            self.exact += 1
            self.compatible += 1
        elif date_compatible(system.value, value):
            self.compatible += 1
        else:
            self.wrong += 1

    def figures(self) -> dict[str, Any]:
        share = lambda n: round(_ratio(n, self.gold), 4)  # noqa: E731
        return {
            "docs": self.docs, "gold": self.gold, "skipped": self.skipped,
            "detected": share(self.detected), "exact": share(self.exact), "compatible": share(self.compatible),
            "unresolved": share(self.unresolved), "wrong": self.wrong, "wrong_share": share(self.wrong),
        }


def _dates_table(title: Sequence[str], rows: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
    header = (
        f"{'':<14}{'anchor':<7}{'docs':>5}{'gold':>6}{'skip':>6}{'det%':>7}"
        f"{'exact%':>8}{'compat%':>8}{'none%':>7}{'wrong':>7}{'wrong%':>8}"
    )
    lines = [*title, header]
    pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
    for label, anchor, f in rows:
        lines.append(
            f"{label:<14}{anchor:<7}{f['docs']:>5}{f['gold']:>6}{f['skipped']:>6}{pct(f['detected']):>7}"
            f"{pct(f['exact']):>8}{pct(f['compatible']):>8}{pct(f['unresolved']):>7}{f['wrong']:>7}"
            f"{pct(f['wrong_share']):>8}"
        )
    return lines


def evaluate_dates(ctx: Context) -> Result:
    """Date detection and normalisation on MEANTIME and TempEval-3 platinum (see the module docstring)."""
    corpora: dict[str, list[tuple[str, str | None, Sequence[Timex]]]] = {
        "meantime": [
            (doc.text, doc.dct, doc.timexes)
            for documents in load_meantime(Path(ctx.args.meantime)).values() for _, doc in documents
        ],
        "te3": [(doc.text, doc.dct, doc.timexes) for doc in load_te3(Path(ctx.args.te3))],
    }
    from ncr.extract.dates import find_dates, text_anchor
    from ncr.extract.datetext import NO_ANCHOR, Anchor

    nlp = ctx.nlp
    rows: list[tuple[str, str, dict[str, Any]]] = []
    figures: dict[str, Any] = {}
    for corpus, documents in corpora.items():
        tallies = {(t, a): DateTally() for t in ("DATE", "TIME") for a in DATE_ANCHORS}
        unusable_dct = 0
        for (text, dct, timexes), doc in zip(documents, nlp.pipe(text for text, _, _ in documents)):
            published = iso_day(dct)
            if published is None:
                unusable_dct += 1
            anchors = {  # a DCT that is not an ISO date leaves the document with no anchor at all
                "dct": Anchor(published.isoformat(), published.year, "metadata") if published else NO_ANCHOR,
                "text": text_anchor(doc, published) if published else NO_ANCHOR,
                "none": NO_ANCHOR,
            }
            for anchor_name, anchor in anchors.items():
                system = find_dates(doc, anchor)
                for timex_type in ("DATE", "TIME"):
                    gold = [t for t in timexes if t.type == timex_type and t.function != "CREATION_TIME"]
                    tally = tallies[(timex_type, anchor_name)]
                    tally.docs += 1
                    for timex, match in zip(gold, align_dates(gold, system)):
                        tally.add_gold(timex, match)
        figures[corpus] = {
            timex_type: {a: tallies[(timex_type, a)].figures() for a in DATE_ANCHORS} for timex_type in ("DATE", "TIME")
        }
        figures[corpus]["docs_without_iso_dct"] = unusable_dct
        rows += [(corpus, a, tallies[("DATE", a)].figures()) for a in DATE_ANCHORS]
        rows.append((f"{corpus} TIME", "dct", tallies[("TIME", "dct")].figures()))
    title = (
        (
            "dates: normalisation of gold DATE timexes (creation time excluded), MEANTIME English (CC BY 4.0) "
            "and TempEval-3 platinum (CC BY 3.0); figures in %, wrong as count and %"
        ),
        (
            "anchor: dct = the DCT as publication date, text = text_anchor(doc, today=DCT), none = no anchor; "
            "TIME rows: the date part of gold TIME values"
        ),
    )
    figures["data"] = "MEANTIME English intra_cross-doc_annotation; TempEval-3 platinum (20 .tml)"
    figures["gold"] = "TIMEX3 of type DATE (TIME apart), not CREATION_TIME, value YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www"
    return Result(figures, _dates_table(title, rows))


def evaluate_claims(ctx: Context) -> Result:
    """Count claims, topics, statuses, updates and attributions on the ECB+ claims gold and the
    written revision clusters (bench/claimscore.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import claimgold
    import claimscore

    ecbplus = Path(ctx.args.ecbplus)
    if not (ecbplus / "xml").is_dir():
        raise MissingData(f"no ECB+ corpus at {ecbplus} (expected {ecbplus / 'xml'})")
    paths = [p for p in claimgold.gold_files() if not ctx.args.gold or p.stem in ctx.args.gold]
    misses: list[str] | None = [] if ctx.args.misses else None
    given = claimscore.evaluate(ctx.nlp, ecbplus, paths, misses=misses).figures()
    found = claimscore.evaluate(ctx.nlp, ecbplus, paths, given_dates=False).figures()
    head = (f"claims: count claims across sources, ECB+ development gold (CC BY 3.0; {len(paths)} sub-topics, "
            f"{given['gold_claims']} gold claims; bench/gold/claims); figures in %")
    text = [
        head,
        *claimscore.lines(given, "publication days given (as with --published):")[0:],
        *claimscore.lines(found, "publication days from the text only:"),
    ]
    written_paths = [p for p in claimgold.gold_files(claimgold.WRITTEN_DIR) if not ctx.args.gold or p.stem in ctx.args.gold]
    written = claimscore.evaluate(ctx.nlp, ecbplus, written_paths, misses=misses).figures() if written_paths else {}
    if written:
        text += [
            f"claims: written revision clusters (CC0; {len(written_paths)} stories, {written['gold_claims']} gold claims, "
            "figures revised over days; bench/gold/revisions); figures in %",
            *claimscore.lines(written, "publication days given where the article has one:"),
        ]
    if misses:
        text += ["misses (publication days given):", *(f"  {m}" for m in misses)]
    return Result({"dates_given": given, "dates_from_text": found, "written_revisions": written}, text)


def evaluate_quantities(ctx: Context) -> Result:
    """Count detection sentence by sentence on the quantity gold (bench/quantscore.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import quantscore

    items = quantscore.load_items()
    misses: list[str] | None = [] if ctx.args.misses else None
    figures = quantscore.evaluate(ctx.nlp, items, misses).figures()
    sources = ", ".join(sorted({i.domain for i in items}))
    head = (f"quantities: count detection on {len(items)} gold sentences (bench/gold/quantities: {sources}); "
            "a claim on money, a measure or a label counts as wrong; figures in %")
    text = quantscore.lines(figures, head)
    if misses:
        text += ["misses:", *(f"  {m}" for m in misses)]
    return Result(figures, text)


# Named evaluations, run in this order; each takes the shared Context.
EVALUATIONS: list[tuple[str, Callable[[Context], Result]]] = [
    ("entities", evaluate_entities),
    ("dates", evaluate_dates),
    ("claims", evaluate_claims),
    ("quantities", evaluate_quantities),
]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--meantime", default=str(DEFAULT_MEANTIME), help="MEANTIME folder (default: <repo>/../shared/bench/meantime)")
    parser.add_argument("--te3", default=str(DEFAULT_TE3), help="TempEval-3 platinum folder of .tml files (default: <repo>/../shared/bench/te3-platinum)")
    parser.add_argument("--ecbplus", default=str(DEFAULT_ECBPLUS), help="ECB+ folder (default: <repo>/../shared/bench/ecbplus)")
    parser.add_argument("--gold", action="append", metavar="SUBTOPIC", help="claims: score only this gold sub-topic, e.g. 19_ecb (repeatable)")
    parser.add_argument("--misses", action="store_true", help="claims, quantities: list every miss")
    parser.add_argument("--model", default=None, help="spaCy model name (default: as ncr chooses)")
    parser.add_argument("--only", action="append", choices=[name for name, _ in EVALUATIONS], help="run only this evaluation (repeatable)")
    parser.add_argument("--untyped-names", action="store_true", help="entities: also score name-like mentions that have no syntactic_type")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)

    ctx = Context(args)
    results: dict[str, Result] = {}
    try:
        for name, evaluate in EVALUATIONS:
            if not args.only or name in args.only:
                results[name] = evaluate(ctx)
        model = ctx.model_name if ctx._nlp is not None else None
    except MissingData as exc:
        print(f"eval: error: {exc}", file=sys.stderr)
        return 2

    command = shlex.join(["bench/eval.py", *argv])
    if args.json:
        print(json.dumps({"command": command, "model": model, "evaluations": {n: r.figures for n, r in results.items()}}, indent=2))
        return 0
    print(f"command: {command}")
    print(f"model: {model}")
    for result in results.values():
        print()
        print("\n".join(result.lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
