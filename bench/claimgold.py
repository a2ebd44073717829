"""The count-claims gold (``bench/gold/claims/*.json`` on ECB+, ``bench/gold/revisions/*.json`` written): loading and checking.

The annotation rules are in ``bench/gold/claims/RULES.md``. Each gold claim is
located in the text ncr reads (``bench/ecbplus.py``) by its sentence, its
``text`` and the ``number`` inside it, giving the character span of the number.

``python bench/claimgold.py check [FILES...]`` checks every file (all by
default) and prints one line per problem; exit 1 if there is any.
``python bench/claimgold.py dump FILE`` prints a written file's articles with
numbered sentences, as ``bench/ecbplus.py dump`` does for ECB+.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from ecbplus import DEFAULT_ECBPLUS, EcbArticle, Sentence, load_subtopic

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "claims"
WRITTEN_DIR = Path(__file__).resolve().parent / "gold" / "revisions"
QUALIFIERS = frozenset({"exact", "approximate", "at_least", "at_most", "range", "vague"})
STATUSES = frozenset({"single", "agree", "update", "conflict"})


@dataclass(frozen=True, slots=True)
class GoldClaim:
    id: str
    article: str
    start: int  # the number's character span in the article's text
    end: int
    text: str
    qualifier: str
    low: float | None
    high: float | None
    topic: str
    attributed_to: str | None
    attributed_alt: tuple[str, ...]
    as_of: str | None
    supersedes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldTopic:
    id: str
    what: str
    event: str
    status: str
    rationale: str


@dataclass(frozen=True, slots=True)
class GoldSubtopic:
    name: str  # "19_ecbplus"
    articles: tuple[EcbArticle, ...]
    published: dict[str, str | None]
    topics: dict[str, GoldTopic]
    claims: tuple[GoldClaim, ...]


class GoldError(ValueError):
    pass


def _locate(article: EcbArticle, raw: dict) -> tuple[int, int]:
    sentence = article.sentence(int(raw["sentence"]))
    line = article.text[sentence.start : sentence.end]
    text, number = raw["text"], raw["number"]
    occurrence = int(raw.get("occurrence", 1))
    at = -1
    for _ in range(occurrence):
        at = line.find(text, at + 1)
        if at < 0:
            raise GoldError(f"{raw['id']}: text {text!r} (occurrence {occurrence}) not in s{raw['sentence']}: {line!r}")
    inner = text.find(number)
    if inner < 0:
        raise GoldError(f"{raw['id']}: number {number!r} not in text {text!r}")
    start = sentence.start + at + inner
    return start, start + len(number)


def written_article(name: str, paragraphs: list[list[str]]) -> EcbArticle:
    """A written gold article: paragraphs of sentences, numbered from 1 across the article.

    Sentences of a paragraph run on after one space; paragraphs are separated by
    a blank line, as in a saved article (the first paragraph is the headline).
    """
    parts: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        for i, line in enumerate(paragraph):
            gap = "" if not parts else (" " if i else "\n\n")
            parts.append(gap + line)
            offset += len(gap)
            sentences.append(Sentence(len(sentences) + 1, offset, offset + len(line)))
            offset += len(line)
    return EcbArticle(name, "written", "written", None, "".join(parts) + "\n", tuple(sentences))


def _articles(data: dict, ecbplus: Path) -> dict[str, EcbArticle]:
    if data.get("source") == "written":
        return {name: written_article(name, info["paragraphs"]) for name, info in data["articles"].items()}
    topic, _, sub = data["subtopic"].partition("_")
    return {a.name: a for a in load_subtopic(topic, sub, ecbplus)}


def load_gold(path: Path, ecbplus: Path = DEFAULT_ECBPLUS) -> GoldSubtopic:
    """One sub-topic's gold, every claim located; raises ``GoldError`` on any inconsistency.

    ECB+ files name a corpus sub-topic; written files (``"source": "written"``)
    carry their articles' text as paragraphs of sentences.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = _articles(data, ecbplus)
    missing = set(articles) - set(data["articles"])
    if missing:
        raise GoldError(f"{path.name}: articles not listed: {sorted(missing)}")
    topics: dict[str, GoldTopic] = {}
    for raw in data["topics"]:
        if raw["status"] not in STATUSES:
            raise GoldError(f"{path.name}: topic {raw['id']}: bad status {raw['status']!r}")
        if raw["id"] in topics:
            raise GoldError(f"{path.name}: topic {raw['id']} twice")
        topics[raw["id"]] = GoldTopic(raw["id"], raw["what"], raw.get("event", "current"), raw["status"], raw.get("rationale", ""))
    claims: list[GoldClaim] = []
    ids = {raw["id"] for raw in data["claims"]}
    if len(ids) != len(data["claims"]):
        raise GoldError(f"{path.name}: duplicate claim ids")
    for raw in data["claims"]:
        if raw["article"] not in articles:
            raise GoldError(f"{path.name}: {raw['id']}: unknown article {raw['article']}")
        if raw["topic"] not in topics:
            raise GoldError(f"{path.name}: {raw['id']}: unknown topic {raw['topic']}")
        if raw["qualifier"] not in QUALIFIERS:
            raise GoldError(f"{path.name}: {raw['id']}: bad qualifier {raw['qualifier']!r}")
        unknown = set(raw.get("supersedes", ())) - ids
        if unknown:
            raise GoldError(f"{path.name}: {raw['id']}: supersedes unknown {sorted(unknown)}")
        start, end = _locate(articles[raw["article"]], raw)
        claims.append(
            GoldClaim(
                id=raw["id"], article=raw["article"], start=start, end=end, text=raw["text"],
                qualifier=raw["qualifier"], low=raw.get("low"), high=raw.get("high"), topic=raw["topic"],
                attributed_to=raw.get("attributed_to"), attributed_alt=tuple(raw.get("attributed_alt", ())),
                as_of=raw.get("as_of"), supersedes=tuple(raw.get("supersedes", ())),
            )
        )
    spans = [(c.article, c.start) for c in claims]
    if len(set(spans)) != len(spans):
        raise GoldError(f"{path.name}: two claims on one number")
    published = {name: (info or {}).get("published") for name, info in data["articles"].items()}
    return GoldSubtopic(data["subtopic"], tuple(articles.values()), published, topics, tuple(claims))


def gold_files(directory: Path = GOLD_DIR) -> list[Path]:
    return sorted(directory.glob("*.json"))


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "dump":
        data = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        for article in _articles(data, DEFAULT_ECBPLUS).values():
            print(f"=== {article.name}  published: {data['articles'][article.name].get('published')}")
            for sentence in article.sentences:
                print(f"s{sentence.number}: {article.sentence_text(sentence.number)}")
            print()
        return 0
    if not argv or argv[0] != "check":
        print("usage: python bench/claimgold.py check [FILES...] | dump FILE", file=sys.stderr)
        return 2
    paths = [Path(p) for p in argv[1:]] or gold_files() + gold_files(WRITTEN_DIR)
    problems = 0
    for path in paths:
        try:
            gold = load_gold(path)
        except (GoldError, KeyError, ValueError) as error:
            print(f"{path}: {error}")
            problems += 1
            continue
        statuses: dict[str, int] = {}
        for t in gold.topics.values():
            statuses[t.status] = statuses.get(t.status, 0) + 1
        print(f"{path.name}: ok, {len(gold.articles)} articles, {len(gold.claims)} claims, {len(gold.topics)} topics {statuses}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
