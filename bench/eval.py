"""Accuracy evaluation behind ``make eval``: ncr against gold annotations.

This prints figures; it is not a test. It exits 0 after printing them, 2 when
the gold data (or the spaCy model) cannot be found, and non-zero on an error.
The script runs a list of named evaluations (``EVALUATIONS``); each returns
its figures as a JSON-ready dict plus the lines of its text table: ``entities``,
``dates``, ``claims``, ``quantities`` and ``quotes``.

quotes: who said what (direct quotes and reported speech, their speakers) on
the quotes-and-attributions gold: written articles (CC0) and ECB+ passages
(CC BY 3.0); see ``bench/quotescore.py`` (matching and figures),
``bench/quotegold.py`` (the gold) and ``bench/gold/quotes/RULES.md``;
``--quote-misses`` lists every miss.

entities: cross-document entity resolution on MEANTIME and ECB+
----------------------------------------------------------------
ncr's entity resolution and a fuzzy-matching baseline, scored by the same
alignment and scorer; see ``bench/entityeval.py`` (what is run),
``bench/entitygold.py`` (the gold) and ``bench/entityscore.py`` (alignment,
B-cubed, pairwise, cross-document and name-variant pairwise scores, the
baseline). MEANTIME is read from ``<repo>/../shared/bench/meantime`` unless
``--meantime`` says otherwise, ECB+ from ``<repo>/../shared/bench/ecbplus``
unless ``--ecbplus`` does; ``--ecbplus-topics`` scores only some ECB+ topics
and ``--entity-misses`` lists ncr's errors.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "bench"):  # ncr, and the sibling modules below
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

# ncr.pipeline and ncr.nlp import spaCy: they are imported where needed, so the
# parsers and the scoring functions load without it.
from entityscore import ratio  # noqa: E402
from meantime import DEFAULT_MEANTIME, MissingData, Timex, load_meantime  # noqa: E402

DEFAULT_ECBPLUS = ROOT.parent / "shared" / "bench" / "ecbplus"
DEFAULT_TE3 = ROOT.parent / "shared" / "bench" / "te3-platinum"


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


def evaluate_entities(ctx: Context) -> Result:
    """Entity resolution, ncr and the fuzzy baseline, on MEANTIME and ECB+ (bench/entityeval.py)."""
    import entityeval

    figures, lines = entityeval.evaluate(ctx.nlp, ctx.args)
    return Result(figures, lines)


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
        share = lambda n: round(ratio(n, self.gold), 4)  # noqa: E731
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


def evaluate_quotes(ctx: Context) -> Result:
    """Quotes and attributions on the written and ECB+ quote gold (bench/quotescore.py)."""
    import quotegold
    import quotescore

    ecbplus = Path(ctx.args.ecbplus)
    if not (ecbplus / "xml").is_dir():
        raise MissingData(f"no ECB+ corpus at {ecbplus} (expected {ecbplus / 'xml'})")
    misses: list[str] | None = [] if ctx.args.quote_misses else None
    tallies = quotescore.evaluate(ctx.nlp, ecbplus, quotegold.gold_files(), misses)
    figures = {name: tally.figures() for name, tally in tallies.items()}
    head = ("quotes: who said what, bench/gold/quotes (written: CC0, ECB+: CC BY 3.0); a gold attribution is found "
            "by a quote overlapping half the shorter span; figures in %")
    text = quotescore.lines(figures, head)
    if misses:
        text += ["misses:", *(f"  {m}" for m in misses)]
    return Result(figures, text)


# Named evaluations, run in this order; each takes the shared Context.
EVALUATIONS: list[tuple[str, Callable[[Context], Result]]] = [
    ("entities", evaluate_entities),
    ("dates", evaluate_dates),
    ("claims", evaluate_claims),
    ("quantities", evaluate_quantities),
    ("quotes", evaluate_quotes),
]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--meantime", default=str(DEFAULT_MEANTIME), help="MEANTIME folder (default: <repo>/../shared/bench/meantime)")
    parser.add_argument("--te3", default=str(DEFAULT_TE3), help="TempEval-3 platinum folder of .tml files (default: <repo>/../shared/bench/te3-platinum)")
    parser.add_argument("--ecbplus", default=str(DEFAULT_ECBPLUS), help="ECB+ folder (default: <repo>/../shared/bench/ecbplus)")
    parser.add_argument("--gold", action="append", metavar="SUBTOPIC", help="claims: score only this gold sub-topic, e.g. 19_ecb (repeatable)")
    parser.add_argument("--misses", action="store_true", help="claims, quantities: list every miss")
    parser.add_argument("--quote-misses", action="store_true", help="quotes: list every missed, spurious, merged and wrong-speaker quote")
    parser.add_argument("--model", default=None, help="spaCy model name (default: as ncr chooses)")
    parser.add_argument("--only", action="append", choices=[name for name, _ in EVALUATIONS], help="run only this evaluation (repeatable)")
    parser.add_argument("--untyped-names", action="store_true", help="entities: also score MEANTIME name-like mentions that have no syntactic_type")
    parser.add_argument("--ecbplus-topics", nargs="+", metavar="TOPIC", help="entities: score only these ECB+ topics, e.g. 1 19 (default: all)")
    parser.add_argument("--entity-misses", action="store_true", help="entities: list the gold entities ncr splits and the ncr entities that mix gold ones")
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
