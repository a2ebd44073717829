"""Exit statuses and the exceptions the library raises (the CLI maps them to exits)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What ``ncr`` returns to the shell."""

    OK = 0
    ERROR = 1  # the run failed, or nothing could be read
    USAGE = 2  # bad arguments, e.g. a path that does not exist
    CONFLICT = 3  # --fail-on-conflict and at least one topic is a conflict


class NcrError(Exception):
    """A failure the user can act on; the CLI prints its message on one line."""

    exit_code = ExitCode.ERROR


class UsageError(NcrError):
    """The command line asks for something impossible (missing path, bad option)."""

    exit_code = ExitCode.USAGE


class ModelNotFound(NcrError):
    """No spaCy English model is installed under any name ncr tries."""


class UnknownModel(UsageError):
    """``--model`` or ``NCR_MODEL`` names a model that is not installed (a typo, most often)."""
