"""Run one fuzz target under atheris for a bounded time: ``python fuzz/run.py TARGET SECONDS``.

Exit status 0 when the time ran out with no finding; atheris's own non-zero
status (and the crashing input, written to ``fuzz/findings/``) otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

with atheris.instrument_imports(include=["ncr"]):
    import targets  # noqa: E402


def main() -> None:
    name, seconds = sys.argv[1:3]
    target = targets.TARGETS[name]
    findings = HERE / "findings"
    findings.mkdir(exist_ok=True)
    corpus = Path(tempfile.mkdtemp(prefix=f"ncr-fuzz-{name}-"))  # the fuzzer adds to it; the repo stays clean
    for i, seed in enumerate(targets.SEEDS[name]):
        (corpus / f"seed-{i}").write_bytes(seed)
    args = [sys.argv[0], f"-max_total_time={int(seconds)}", f"-artifact_prefix={findings}{os.sep}{name}-",
            "-rss_limit_mb=2048", "-timeout=10", "-print_final_stats=1", str(corpus)]
    atheris.Setup(args, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
