"""The quotes-and-attributions gold (``bench/gold/quotes/*.json``): loading and checking.

The annotation rules are in ``bench/gold/quotes/RULES.md``. Each gold
attribution names its article and the exact characters of its ``content``
(with an ``occurrence`` when they occur more than once); loading locates it in
the text ncr reads and gives its character span. Written files carry their
articles as paragraphs of sentences (``claimgold.written_article``); ECB+
files name a corpus sub-topic and the articles annotated in it.

``python bench/quotegold.py check [FILES...]`` checks every file (all by
default) and prints one line per file or problem; exit 1 if there is any.
``python bench/quotegold.py dump FILE`` prints a file's articles.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from claimgold import written_article
from ecbplus import DEFAULT_ECBPLUS, EcbArticle, load_article

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "quotes"
NON_QUOTE_KINDS = frozenset({"title", "scare", "nickname"})


class GoldError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    id: str
    article: str
    start: int  # the content's character span in the article's text
    end: int
    content: str
    direct: bool
    cue: str | None
    speaker: str | None
    speaker_names: tuple[str, ...]  # the named source (several for coordinated speakers); empty when never named
    speaker_alt: tuple[str, ...]
    kind: str
    note: str

    @property
    def named(self) -> bool:
        return bool(self.speaker_names)


@dataclass(frozen=True, slots=True)
class NonQuote:
    article: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class QuoteGold:
    name: str  # "w_ferry" or "19_ecbplus"
    written: bool
    articles: tuple[EcbArticle, ...]
    attributions: tuple[GoldAttribution, ...]
    non_quotes: tuple[NonQuote, ...]


def locate(text: str, piece: str, occurrence: int | None = None) -> tuple[int, int]:
    """The span of the ``occurrence``-th ``piece`` in ``text``; ``GoldError`` when there are fewer,
    or when no occurrence is given and the piece occurs more than once (the gold must say which)."""
    at = -1
    for _ in range(occurrence or 1):
        at = text.find(piece, at + 1)
        if at < 0:
            raise GoldError(f"{piece!r} (occurrence {occurrence}) not in the article")
    if occurrence is None and text.find(piece, at + 1) >= 0:
        raise GoldError(f"{piece!r} occurs more than once: give its occurrence")
    return at, at + len(piece)


def _articles(data: dict, ecbplus: Path) -> dict[str, EcbArticle]:
    if data.get("source") == "written":
        return {name: written_article(name, info["paragraphs"]) for name, info in data["articles"].items()}
    topic = data["subtopic"].partition("_")[0]
    folder = ecbplus / "xml" / topic
    return {name: load_article(folder / f"{name}.xml") for name in data["articles"]}


def load_gold(path: Path, ecbplus: Path = DEFAULT_ECBPLUS) -> QuoteGold:
    """One gold file, every attribution and non-quote located; raises ``GoldError`` on any inconsistency."""
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = _articles(data, ecbplus)
    attributions: list[GoldAttribution] = []
    for raw in data["attributions"]:
        where = f"{path.name}: {raw.get('id')}"
        if raw["article"] not in articles:
            raise GoldError(f"{where}: unknown article {raw['article']}")
        try:
            start, end = locate(articles[raw["article"]].text, raw["content"], raw.get("occurrence"))
        except GoldError as error:
            raise GoldError(f"{where}: {error}") from None
        names = raw.get("speaker_name")
        names = tuple(names) if isinstance(names, list) else (names,) if names else ()
        attributions.append(
            GoldAttribution(
                id=raw["id"], article=raw["article"], start=start, end=end, content=raw["content"],
                direct=bool(raw["direct"]), cue=raw.get("cue"), speaker=raw.get("speaker"), speaker_names=names,
                speaker_alt=tuple(raw.get("speaker_alt", ())), kind=raw.get("kind", ""), note=raw.get("note", ""),
            )
        )
    ids = [a.id for a in attributions]
    if len(set(ids)) != len(ids):
        raise GoldError(f"{path.name}: duplicate attribution ids")
    spans = [(a.article, a.start, a.end) for a in attributions]
    if len(set(spans)) != len(spans):
        raise GoldError(f"{path.name}: two attributions on one span")
    non_quotes: list[NonQuote] = []
    for raw in data.get("non_quotes", ()):
        if raw["kind"] not in NON_QUOTE_KINDS:
            raise GoldError(f"{path.name}: non-quote {raw['text']!r}: bad kind {raw['kind']!r}")
        try:
            start, end = locate(articles[raw["article"]].text, raw["text"], raw.get("occurrence"))
        except GoldError as error:
            raise GoldError(f"{path.name}: non-quote: {error}") from None
        non_quotes.append(NonQuote(raw["article"], start, end, raw["text"], raw["kind"]))
    return QuoteGold(data["subtopic"], data.get("source") == "written", tuple(articles.values()),
                     tuple(attributions), tuple(non_quotes))


def gold_files(directory: Path = GOLD_DIR) -> list[Path]:
    return sorted(directory.glob("*.json"))


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "dump":
        gold = load_gold(Path(argv[1]))
        for article in gold.articles:
            print(f"=== {article.name}")
            print(article.text)
        return 0
    if not argv or argv[0] != "check":
        print("usage: python bench/quotegold.py check [FILES...] | dump FILE", file=sys.stderr)
        return 2
    problems = 0
    for path in [Path(p) for p in argv[1:]] or gold_files():
        try:
            gold = load_gold(path)
        except (GoldError, KeyError, ValueError, OSError) as error:
            print(f"{path}: {error}")
            problems += 1
            continue
        direct = sum(a.direct for a in gold.attributions)
        print(f"{path.name}: ok, {len(gold.articles)} articles, {len(gold.attributions)} attributions "
              f"({direct} direct), {len(gold.non_quotes)} non-quotes")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
