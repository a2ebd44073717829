"""The README's example outputs are what ncr prints today (``scripts/readme_examples.py``).

Runs every command between ``<!-- example: ... -->`` markers in the README, as the
script does, and compares with the block in the README. When it fails, run
``make readme`` (or ``python scripts/readme_examples.py``) and read the diff.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
assert _spec is not None and _spec.loader is not None
readme_examples = importlib.util.module_from_spec(_spec)
sys.modules["readme_examples"] = readme_examples  # its dataclass looks itself up there
_spec.loader.exec_module(readme_examples)


def test_readme_has_examples() -> None:
    found = readme_examples.examples((ROOT / "README.md").read_text(encoding="utf-8"))

    assert found, "no <!-- example: ... --> markers in README.md"
    assert all(example.command.startswith("ncr ") for example in found)


@pytest.mark.model
def test_readme_examples_are_fresh(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")

    # A cache of its own: the user's is neither read nor filled.
    fresh = readme_examples.regenerate(text, env={"NCR_CACHE_DIR": str(tmp_path)})

    for old, new in zip(readme_examples.examples(text), readme_examples.examples(fresh)):
        assert old.body == new.body, f"README example is stale: {old.command} (run make readme)"
