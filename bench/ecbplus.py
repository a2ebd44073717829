"""ECB+ articles as plain text: the text ncr reads and the claims gold is written against.

ECB+ (Cybulska & Vossen, LREC 2014; CC BY 3.0) ships each article as tokens
("120 , 000", "16 - year - old", "`` quoted ''"). ``load_article`` joins them back
into readable text, sentences running on in one paragraph (the corpus keeps no
paragraph breaks; a headline or date line, which ends without a full stop,
stays on a line of its own), so that number phrases and quotations look as they
did in print. In ``*ecbplus.xml`` files sentence 0 is the page's URL: it is kept
as ``url`` and left out of the text.

The joining rules, applied within a sentence:

* no space before closing punctuation (``, . ; : ! ? % ) ]``) and clitics
  (``'s n't 're 've 'll 'd 'm``); no space after ``( [ $ #``;
* PTB quotes become straight double quotes glued to the quoted words
  (`````` opens, ``''`` closes; a bare ``"`` alternates);
* a digit, a comma or a full stop, and a digit join ("120,000", "2.5");
* a hyphen between two words or numbers joins them ("16-year-old", "hit-and-run").

Usage: ``python bench/ecbplus.py dump 19 ecb`` prints every article of
sub-topic 19/ecb with numbered sentences (``s3: ...``); the claims gold under
``bench/gold/claims`` refers to sentences by these numbers.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ECBPLUS = ROOT.parent / "shared" / "bench" / "ecbplus"

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
_SENTENCE_ENDS = (".", "!", "?", '"', "'", "”", "’", ")")
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
_DIGITS = re.compile(r"^\d+$")
_WORDLIKE = re.compile(r"^[\w'’]+$")


@dataclass(frozen=True, slots=True)
class Sentence:
    number: int  # the corpus's sentence attribute
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EcbArticle:
    name: str  # "19_1ecb"
    topic: str  # "19"
    sub: str  # "ecb" or "ecbplus"
    url: str | None
    text: str
    sentences: tuple[Sentence, ...]
    token_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # t_id -> span in text (URL tokens left out)

    def sentence(self, number: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.number == number:
                return sentence
        raise KeyError(f"{self.name}: no sentence {number}")

    def sentence_text(self, number: int) -> str:
        s = self.sentence(number)
        return self.text[s.start : s.end]


def _opens(tokens: list[str], i: int, quote_open: bool) -> bool:
    """Whether the quotation mark at ``i`` opens a quotation (PTB and curly marks say; a straight one is guessed)."""
    token = tokens[i]
    if token in {"``", "“"}:
        return True
    if token in {"''", "”"}:
        return False
    if i == 0:
        return True
    if i + 1 == len(tokens) or tokens[i - 1] in {",", ".", "!", "?", ";", ":"} or tokens[i + 1] in {",", ".", ";", ":", "!", "?"}:
        return False
    return not quote_open


def join_tokens(tokens: list[str]) -> str:
    """One sentence's tokens as readable text (the rules in the module docstring)."""
    return layout_tokens(tokens)[0]


def layout_tokens(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """One sentence's tokens as readable text, with each token's character span in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0

    def put(piece: str, token: bool = False) -> None:
        nonlocal length
        if token:
            spans.append((length, length + len(piece)))
        out.append(piece)
        length += len(piece)

    quote_open = False
    glue_next = False
    for i, token in enumerate(tokens):
        if token in {"``", "''", '"', "“", "”"}:
            opening = _opens(tokens, i, quote_open)
            quote_open = opening
            if opening and out:
                put(" ")
            put('"', token=True)
            glue_next = glue_next or opening
            continue
        if token in {"’", "'"} and i and tokens[i + 1 : i + 2] and tokens[i + 1].lower() in _CLITICS:
            put("'", token=True)  # "they ’ re" is "they're"
            glue_next = True
            continue
        previous = tokens[i - 1] if i else ""
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        space = bool(out) and not glue_next
        if token in _NO_SPACE_BEFORE or token.lower() in _NO_SPACE_BEFORE:
            space = False
        if previous in _NO_SPACE_AFTER:
            space = False
        # "120 , 000" and "2 . 5": a separator between digits is part of the number.
        if token in {",", ".", ":"} and _DIGITS.match(previous) and _DIGITS.match(following) and (
            token != "," or len(following) == 3
        ):
            glue_next = True
            put(token, token=True)
            continue
        if token == "-" and _WORDLIKE.match(previous) and _WORDLIKE.match(following):
            put("-", token=True)
            glue_next = True
            continue
        if space:
            put(" ")
        put(token, token=True)
        glue_next = False
    return "".join(out), spans


def load_article(path: Path) -> EcbArticle:
    """One ECB+ XML file as text with its sentence offsets."""
    root = ET.parse(path).getroot()
    name = path.name.removesuffix(".xml")
    topic, _, rest = name.partition("_")
    sub = "ecbplus" if rest.endswith("ecbplus") else "ecb"
    by_sentence: dict[int, list[tuple[int, str, str]]] = {}
    for element in root.iter("token"):
        text = " ".join((element.text or "").split()) or "_"
        by_sentence.setdefault(int(element.get("sentence", "0")), []).append(
            (int(element.get("number", "0")), text, element.get("t_id", ""))
        )
    url = None
    parts: list[str] = []
    sentences: list[Sentence] = []
    token_spans: dict[str, tuple[int, int]] = {}
    offset = 0
    for number in sorted(by_sentence):
        ordered = sorted(by_sentence[number])
        tokens = [t for _, t, _ in ordered]
        if sub == "ecbplus" and number == 0:
            url = "".join(tokens)
            continue
        line, spans = layout_tokens(tokens)
        if parts:
            # The corpus keeps no paragraphs: sentences run on in one paragraph, as in print,
            # and a line that ends without a full stop (a headline, a date line) stands alone.
            parts.append(" " if parts[-1].rstrip().endswith(_SENTENCE_ENDS) else "\n")
            offset += 1
        sentences.append(Sentence(number, offset, offset + len(line)))
        token_spans.update((t_id, (offset + a, offset + b)) for (_, _, t_id), (a, b) in zip(ordered, spans))
        parts.append(line)
        offset += len(line)
    return EcbArticle(name, topic, sub, url, "".join(parts) + "\n", tuple(sentences), token_spans)


def subtopic_paths(topic: str, sub: str, root: Path = DEFAULT_ECBPLUS) -> list[Path]:
    """The article files of one sub-topic, in the corpus's numeric order."""
    folder = root / "xml" / topic
    paths = [p for p in folder.glob(f"{topic}_*{sub}.xml") if (sub == "ecbplus") == p.name.endswith("ecbplus.xml")]

    def number(path: Path) -> int:
        match = re.match(rf"{topic}_(\d+)", path.name)
        return int(match.group(1)) if match else 0

    return sorted(paths, key=number)


def load_subtopic(topic: str, sub: str, root: Path = DEFAULT_ECBPLUS) -> list[EcbArticle]:
    return [load_article(path) for path in subtopic_paths(topic, sub, root)]


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] != "dump":
        print("usage: python bench/ecbplus.py dump TOPIC ecb|ecbplus", file=sys.stderr)
        return 2
    for article in load_subtopic(argv[1], argv[2]):
        print(f"=== {article.name}" + (f"  url: {article.url}" if article.url else ""))
        for sentence in article.sentences:
            print(f"s{sentence.number}: {article.text[sentence.start:sentence.end]}")
        print()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        sys.exit(0)
