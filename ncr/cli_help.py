"""What the command line says about itself: ``--version``, the examples under each
command's ``--help``, and help pages without Typer's type artefacts.

Typer prints a type beside every parameter that has no metavar (``<bool>`` for a
flag, ``<list[str]>`` for the paths) and braces around required arguments in
the usage line (``{a} {b}``). ``Command`` and ``Group`` print flags bare,
arguments by their metavar, and the usage line as ``ncr diff [OPTIONS] A B``.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

# Two or three examples per command, shown under its --help (one per line: "\b" keeps
# the lines as written).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "claims": (
        "ncr claims saved/ notes/wire.txt https://news.example/2025/03/14/toll",
        "ncr claims --urls links.txt --format json > claims.json",
        "ncr claims a.txt b.txt --published a=2025-03-14 --fail-on-conflict",
    ),
    "entities": (
        "ncr entities saved/",
        "ncr entities a.txt b.txt --format markdown",
    ),
    "quotes": (
        "ncr quotes saved/",
        "ncr quotes feed.jsonl --format csv > quotes.csv",
    ),
    "timeline": (
        "ncr timeline saved/ --published a=2025-03-14 --published b=2025-03-16",
        "ncr timeline feed.jsonl --format markdown",
    ),
    "report": (
        "ncr report saved/ -o report.html",
        "ncr report a.txt b.txt --published a=2025-03-14 -o story.html",
        "ncr report --records records/ -o - > report.html",
    ),
    "diff": (
        "ncr diff a.txt b.txt",
        "ncr diff reuters ap --in feed.jsonl --format csv",
        "ncr diff a.txt b.txt --fail-on-conflict && echo compatible",
    ),
    "extract": (
        "ncr extract saved/ --out records/ --jobs 4",
        "ncr claims --records records/",
    ),
    "cache info": ("ncr cache info", "ncr cache info --cache-dir /tmp/ncr-cache"),
    "cache clear": ("ncr cache clear",),
}


def epilog(command: str) -> str:
    """The examples of ``command`` as a help epilog."""
    lines = "\n".join(EXAMPLES[command])
    return f"\b\nExamples:\n{lines}"


def _usage_name(param: TyperArgument) -> str:
    name = param.metavar or (param.name or "").upper()
    if param.nargs != 1:
        name += "..."
    return name if param.required else f"[{name}]"


def _clean(params: list[Any]) -> None:
    """No type beside a flag or an argument (its metavar says what it takes), and no
    "[0.0<=x<=1.0]" beside a number (its help says the bounds in words)."""
    for param in params:
        if isinstance(param, TyperArgument) or (isinstance(param, TyperOption) and param.is_flag):
            param.display_type_rich = _no_type  # type: ignore[method-assign]
        if isinstance(param, TyperOption):
            param._get_number_range_help_str = _no_type  # type: ignore[method-assign]


def _no_type(*args: Any, **kwargs: Any) -> None:
    return None


class Command(TyperCommand):
    """A command whose help has clean metavars (see the module docstring)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                pieces.append(_usage_name(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _clean(self.get_params(ctx))
        super().format_help(ctx, formatter)


class Group(TyperGroup):
    """The ``ncr`` group (and ``ncr cache``): flags in its help shown without ``<bool>``."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _clean(self.get_params(ctx))
        super().format_help(ctx, formatter)


def version_text(model: str | None = None) -> str:
    """``ncr 0.1.0``, the model ncr would load (name and version, read from its meta.json
    without loading it) and spaCy's version."""
    from importlib import metadata

    from . import __version__
    from .cache import ModelId
    from .nlp import model_candidates

    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy_version = "not installed"
    lines = [f"ncr {__version__}"]
    for candidate in model_candidates(model):
        found = ModelId.installed(candidate)
        if found is not None:
            package = "" if candidate == found.name else f" (package {candidate})"
            lines.append(f"model {found.name} {found.version}{package}")
            break
    else:
        lines.append(f"model: none of {', '.join(model_candidates(model))} is installed")
    lines.append(f"spaCy {spacy_version}")
    return "\n".join(lines) + "\n"
