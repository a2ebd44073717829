"""Shared fixtures for the ncr tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

# "Same story, three sources": an invented flood in the invented town of
# Brackenford. The evacuation counts conflict (about 2,000 and roughly 2,100
# cannot be squared with more than 5,000); the injury counts agree (12 is at
# least 10); the boat count has a single source. marl_courier has non-ASCII
# characters before its claims and north_post has CRLF line endings, so that
# character offsets are exercised on more than plain ASCII with LF.
FLOOD_STORY: dict[str, str] = {
    "valley_herald": (
        "River Marl Floods Brackenford\n"
        "\n"
        "About 2,000 residents were evacuated from Brackenford on Tuesday after the River Marl "
        "burst its banks, the town council said.\n"
        "Mayor Elin Hartwell said 12 people were injured.\n"
    ),
    "marl_courier": (
        "Brackenford Empties as River Rises\n"
        "\n"
        "Officials said more than 5,000 residents were evacuated from Brackenford on Tuesday \u2014 "
        "the town\u2019s largest evacuation in decades.\n"
        "Rescue crews used 40 boats to reach stranded families.\n"
    ),
    "north_post": (
        "Night of Rescues in Brackenford\r\n"
        "\r\n"
        "Police said roughly 2,100 residents had been evacuated.\r\n"
        "At least 10 people were injured, a hospital spokesperson said.\r\n"
    ),
}


@dataclass(frozen=True)
class Story:
    """Articles written to disk: one ``<source id>.txt`` per article."""

    directory: Path
    texts: dict[str, str]  # source id -> text exactly as written (UTF-8)

    @property
    def paths(self) -> list[Path]:
        return [self.directory / f"{source_id}.txt" for source_id in self.texts]

    def path(self, source_id: str) -> Path:
        return self.directory / f"{source_id}.txt"


@pytest.fixture(scope="session")
def flood_story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    """The three Brackenford flood articles as .txt files in a fresh directory."""
    directory = tmp_path_factory.mktemp("flood_story")
    for source_id, text in FLOOD_STORY.items():
        # write_bytes: no newline translation, so the file holds exactly ``text``.
        (directory / f"{source_id}.txt").write_bytes(text.encode("utf-8"))
    return Story(directory=directory, texts=dict(FLOOD_STORY))
