"""A cache of article records, so a second run on the same articles does not parse them again.

An entry is keyed by a SHA-256 of everything extraction depends on: the
record format (``RECORD_FORMAT``), ncr's version and a fingerprint of its
source code (any change to the rules makes new keys), the model's name and version and spaCy's, the article (its text and
metadata, publication date included) and, for an article with no publication
date, ``today`` and the inputs' latest year (``ncr.extraction``). Entries live
in the platform's user cache directory (platformdirs), or ``--cache-dir``.

Trust nothing read back: an entry that does not parse, holds another key, or is
not a record of this format is ignored (and overwritten by the fresh one), never
a crash. Writes are atomic (a temporary file in the same directory, then
``os.replace``), so two runs at once can only write the same bytes twice.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .article_record import RECORD_FORMAT, ArticleRecord, from_dict, to_dict
from .records import Article

_SUFFIX = ".json"


def default_cache_dir() -> Path:
    """Where records are cached unless ``--cache-dir`` says otherwise: ``$NCR_CACHE_DIR``, else the platform's."""
    import platformdirs

    chosen = os.environ.get("NCR_CACHE_DIR")
    return Path(chosen) if chosen else Path(platformdirs.user_cache_dir("ncr")) / "records"


@dataclass(frozen=True, slots=True)
class ModelId:
    """What identifies the parse a record came from."""

    name: str
    version: str
    spacy: str

    @classmethod
    def of(cls, nlp: Any) -> ModelId:
        import spacy

        return cls._from_meta(nlp.meta, spacy.__version__)

    @classmethod
    def installed(cls, name: str | None) -> ModelId | None:
        """The id of the model ``ncr.nlp.load_model(name)`` loads, read from the meta.json
        of its package without loading it (so a run whose records are all cached never
        loads the model); ``None`` when that cannot be told without loading it."""
        from importlib import metadata, util

        from .nlp import model_candidates

        for candidate in model_candidates(name):
            try:
                spec = util.find_spec(candidate) if candidate.isidentifier() else None
            except (ImportError, ValueError):
                spec = None
            if spec is None or not spec.submodule_search_locations:
                if Path(candidate).exists():
                    return None  # a model directory: spaCy decides how to read it
                continue  # not installed: load_model tries the next one too
            try:
                meta = json.loads((Path(next(iter(spec.submodule_search_locations))) / "meta.json").read_text("utf-8"))
                return cls._from_meta(meta, metadata.version("spacy"))
            except (OSError, ValueError, AttributeError, metadata.PackageNotFoundError):
                return None
        return None

    @classmethod
    def _from_meta(cls, meta: dict[str, Any], spacy_version: str) -> ModelId:
        return cls(f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}", str(meta.get("version", "?")), spacy_version)


@functools.cache
def code_fingerprint() -> str:
    """A SHA-256 of ncr's own source files: any change to the code that extracts (a lexicon
    word, a rule) changes every key, so a record is never read back by code that would
    have extracted it differently, and no one has to remember to bump a version."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def record_key(article: Article, model: ModelId, today: date, input_year: int | None) -> str:
    """The cache key of an article's record (see the module docstring for what goes in)."""
    undated = article.published is None
    parts = {
        "format": RECORD_FORMAT,
        "ncr": __version__,
        "code": code_fingerprint(),
        "model": asdict(model),
        "article": asdict(article),
        "today": today.isoformat() if undated else None,
        "input_year": input_year if undated else None,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


class RecordCache:
    """Records on disk, one JSON file per key under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}{_SUFFIX}"

    def get(self, key: str) -> ArticleRecord | None:
        """The record stored under ``key``, or ``None`` if there is none or it cannot be trusted."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("key") != key:
                return None
            return from_dict(data["record"])
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None

    def put(self, key: str, record: ArticleRecord) -> bool:
        """Store ``record`` atomically; ``False`` (and nothing stored) if the disk refuses."""
        path = self._path(key)
        text = json.dumps({"key": key, "record": to_dict(record)}, ensure_ascii=False, allow_nan=False)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, ValueError):
            return False
        return True

    def entries(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.glob(f"??/*{_SUFFIX}") if not p.name.startswith(".tmp-"))

    def info(self) -> tuple[int, int]:
        """(entries, bytes) on disk."""
        files = self.entries()
        return len(files), sum(p.stat().st_size for p in files if p.exists())

    def clear(self) -> int:
        """Remove every entry (and stray temporary file); the number of entries removed."""
        removed = 0
        if not self.directory.is_dir():
            return 0
        for path in self.directory.glob("??/*"):
            if path.suffix == _SUFFIX:
                path.unlink(missing_ok=True)
                removed += not path.name.startswith(".tmp-")
        for folder in self.directory.glob("??"):
            try:
                folder.rmdir()
            except OSError:
                pass
        return removed
