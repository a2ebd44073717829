"""The command line: parse arguments, call the library, render, return an exit code.

Nothing below this module imports Typer or exits the process. spaCy is
imported only when a command runs, so ``ncr --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .cli_help import Command, Group, epilog, version_text
from .errors import ExitCode, NcrError, UsageError
from .ingest import DEFAULT_MAX_CHARS, Ingested
from .runner import Settings, analyse_articles, analyse_inputs, extract_inputs, load_articles, stderr_console
from .render import OutputFormat
from .render.safe import printable

if TYPE_CHECKING:
    from .records import Report

app = typer.Typer(
    name="ncr",
    help="Compare what news sources claim: numbers, who said them, and where sources disagree.",
    cls=Group,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[
    Optional[list[str]],
    typer.Argument(
        metavar="PATHS",
        help="Articles: .txt or .html files, directories (read recursively), .jsonl files, http(s) URLs, or - for stdin. "
        "Default: the bundled seeds/.",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", metavar="FORMAT", help="Output: table, json, jsonl, csv or markdown."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
ModelOpt = Annotated[
    Optional[str],
    typer.Option("--model", metavar="NAME", help="spaCy model package (default: $NCR_MODEL, else the small English one); ncr --version says which."),
]
PublishedOpt = Annotated[
    Optional[list[str]],
    typer.Option("--published", metavar="ID=DATE", help="Publication date of a source, ID=YYYY-MM-DD (repeatable)."),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")]
FailOpt = Annotated[bool, typer.Option("--fail-on-conflict", help="Exit with status 3 when any topic is a conflict.")]
AllSpeakersOpt = Annotated[
    bool,
    typer.Option("--all-speakers", help="Who said what: also speakers quoted by one source only (table format)."),
]
ToleranceOpt = Annotated[
    float,
    typer.Option("--tolerance", min=0.0, max=1.0, metavar="F", help="Extra relative slack, 0 to 1, when comparing values across sources."),
]

UrlsOpt = Annotated[
    Optional[str],
    typer.Option("--urls", metavar="FILE", help="A file of URLs to fetch, one a line (# starts a comment)."),
]
MaxCharsOpt = Annotated[
    int,
    typer.Option(
        "--max-chars", min=1000, metavar="N",
        help="Longest article read, in characters (at least 1000); a longer one is cut at a paragraph break, with a warning.",
    ),
]

JobsOpt = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", min=1, metavar="N", help="Processes that parse articles (default: all cores)."),
]
CacheDirOpt = Annotated[
    Optional[str],
    typer.Option("--cache-dir", metavar="DIR", help="Where article records are cached (default: $NCR_CACHE_DIR, else the user cache directory)."),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Parse every article again; read and write no cache.")]
RecordsOpt = Annotated[
    Optional[list[str]],
    typer.Option("--records", metavar="DIR", help="Article records written by ncr extract --out (repeatable)."),
]
SchedulerOpt = Annotated[
    Optional[str],
    typer.Option("--scheduler", metavar="ADDRESS", help="Extract on a Dask cluster: its scheduler address, or 'local'."),
]


def _run(debug: bool, body: Callable[[], int]) -> None:
    """Run a command body, turning library errors into one stderr line and an exit code."""
    try:
        code = body()
    except NcrError as error:
        if debug:
            raise
        stderr_console().print(f"ncr: error: {error}", markup=False)
        raise typer.Exit(int(error.exit_code)) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as error:  # noqa: BLE001 - last resort: one line unless --debug
        if debug:
            raise
        stderr_console().print(
            f"ncr: error: internal error ({type(error).__name__}: {error}); run with --debug for the traceback",
            markup=False,
        )
        raise typer.Exit(int(ExitCode.ERROR)) from None
    raise typer.Exit(code)


def _write(report: Report, command: str, chosen: OutputFormat, all_speakers: bool = False) -> None:
    """Render ``report`` for ``command`` in the chosen format on stdout."""
    from .contract import write_document
    from .render import table, text, timeline

    if chosen is OutputFormat.TABLE:
        console = table.output_console()
        if command == "claims":
            table.print_claims(report, console, all_speakers)
            return
        printer = {
            "entities": table.print_entities,
            "quotes": table.print_quotes,
            "timeline": timeline.print_timeline,
        }[command]
        printer(report, console)
        return
    if chosen is OutputFormat.JSON:
        write_document(report, command, sys.stdout, COMMAND_SECTIONS[command])
        sys.stdout.flush()
        return
    rendered = {
        ("claims", OutputFormat.JSONL): text.claims_jsonl,
        ("claims", OutputFormat.CSV): text.claims_csv,
        ("claims", OutputFormat.MARKDOWN): text.claims_markdown,
        ("entities", OutputFormat.JSONL): text.entities_jsonl,
        ("entities", OutputFormat.CSV): text.entities_csv,
        ("entities", OutputFormat.MARKDOWN): text.entities_markdown,
        ("quotes", OutputFormat.JSONL): text.quotes_jsonl,
        ("quotes", OutputFormat.CSV): text.quotes_csv,
        ("quotes", OutputFormat.MARKDOWN): text.quotes_markdown,
        ("timeline", OutputFormat.JSONL): text.claims_jsonl,
        ("timeline", OutputFormat.CSV): text.claims_csv,
        ("timeline", OutputFormat.MARKDOWN): timeline.timeline_markdown,
    }[(command, chosen)](report)
    if chosen is OutputFormat.MARKDOWN:
        rendered = printable(rendered)
    sys.stdout.write(rendered)
    sys.stdout.flush()


# The ncr/v1 sections each command fills (None: all it can).
COMMAND_SECTIONS: dict[str, frozenset[str] | None] = {
    "claims": None,
    "entities": frozenset({"entities"}),
    "quotes": frozenset({"entities", "quotes"}),
    "timeline": frozenset({"entities", "claims", "topics", "dates"}),
}


def _report_command(
    command: str, paths: Sequence[str] | None, published: Sequence[str] | None, settings: Settings,
    chosen: OutputFormat, debug: bool,
) -> None:
    """The whole of a command that analyses its inputs and prints one view of them."""

    def body() -> int:
        _write(analyse_inputs(paths, published, settings), command, chosen)
        return int(ExitCode.OK)

    _run(debug, body)


@app.command(cls=Command, epilog=epilog("claims"))
def claims(
    paths: PathsArg = None,
    output: FormatOpt = OutputFormat.TABLE,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    published: PublishedOpt = None,
    tolerance: ToleranceOpt = 0.0,
    fail_on_conflict: FailOpt = False,
    all_speakers: AllSpeakersOpt = False,
    urls: UrlsOpt = None,
    records: RecordsOpt = None,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    scheduler: SchedulerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Quantitative claims of every source, aligned by topic, with conflicts flagged."""

    def body() -> int:
        from .records import Status

        settings = Settings(model, tolerance, max_chars, urls, jobs, cache_dir, no_cache, tuple(records or ()), scheduler)
        report = analyse_inputs(paths, published, settings)
        _write(report, "claims", OutputFormat.JSON if as_json else output, all_speakers)
        if fail_on_conflict and any(t.status is Status.CONFLICT for t in report.topics):
            return int(ExitCode.CONFLICT)
        return int(ExitCode.OK)

    _run(debug, body)


@app.command(cls=Command, epilog=epilog("entities"))
def entities(
    paths: PathsArg = None,
    output: FormatOpt = OutputFormat.TABLE,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    urls: UrlsOpt = None,
    records: RecordsOpt = None,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    scheduler: SchedulerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """People, organisations and places across sources: every name each source uses, and why names were joined."""

    settings = Settings(model, 0.0, max_chars, urls, jobs, cache_dir, no_cache, tuple(records or ()), scheduler)
    _report_command("entities", paths, None, settings, OutputFormat.JSON if as_json else output, debug)


@app.command(cls=Command, epilog=epilog("quotes"))
def quotes(
    paths: PathsArg = None,
    output: FormatOpt = OutputFormat.TABLE,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    published: PublishedOpt = None,
    urls: UrlsOpt = None,
    records: RecordsOpt = None,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    scheduler: SchedulerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Who said what: direct quotes and reported speech, grouped by speaker across sources."""

    settings = Settings(model, 0.0, max_chars, urls, jobs, cache_dir, no_cache, tuple(records or ()), scheduler)
    _report_command("quotes", paths, published, settings, OutputFormat.JSON if as_json else output, debug)


@app.command(cls=Command, epilog=epilog("timeline"))
def timeline(
    paths: PathsArg = None,
    output: FormatOpt = OutputFormat.TABLE,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    published: PublishedOpt = None,
    tolerance: ToleranceOpt = 0.0,
    urls: UrlsOpt = None,
    records: RecordsOpt = None,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    scheduler: SchedulerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Per topic, the claims ordered by date: how estimates moved, update or contradiction."""

    settings = Settings(model, tolerance, max_chars, urls, jobs, cache_dir, no_cache, tuple(records or ()), scheduler)
    _report_command("timeline", paths, published, settings, OutputFormat.JSON if as_json else output, debug)


OutputFileOpt = Annotated[
    str,
    typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write (- for stdout).", show_default=False),
]


@app.command(cls=Command, epilog=epilog("report"))
def report(
    paths: PathsArg = None,
    output_file: OutputFileOpt = ...,  # type: ignore[assignment]
    model: ModelOpt = None,
    published: PublishedOpt = None,
    tolerance: ToleranceOpt = 0.0,
    urls: UrlsOpt = None,
    records: RecordsOpt = None,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    scheduler: SchedulerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """A shareable HTML report in one file: topics with camps and charts, who said what, entities, sources."""

    def body() -> int:
        from .render.html import check_destination, render_html, write_html

        check_destination(output_file)
        settings = Settings(model, tolerance, max_chars, urls, jobs, cache_dir, no_cache, tuple(records or ()), scheduler)
        analysed = analyse_inputs(paths, published, settings)
        if output_file == "-":
            sys.stdout.write(render_html(analysed))
            sys.stdout.flush()
            return int(ExitCode.OK)
        write_html(analysed, output_file)
        sys.stdout.write(
            f"wrote {printable(output_file)}: {len(analysed.articles):,} sources, {len(analysed.topics):,} topics\n"
        )
        return int(ExitCode.OK)

    _run(debug, body)


@app.command(cls=Command, epilog=epilog("diff"))
def diff(
    a: Annotated[str, typer.Argument(metavar="A", help="Side A: a file, or a source id when --in is given.", show_default=False)],
    b: Annotated[str, typer.Argument(metavar="B", help="Side B: a file, or a source id when --in is given.", show_default=False)],
    inputs: Annotated[
        Optional[list[str]],
        typer.Option("--in", metavar="PATH", help="Input holding the sources A and B name by id (repeatable)."),
    ] = None,
    output: FormatOpt = OutputFormat.TABLE,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    published: PublishedOpt = None,
    tolerance: ToleranceOpt = 0.0,
    fail_on_conflict: FailOpt = False,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Two sources side by side: claims they agree on or contradict, shared entities, who said what."""

    def body() -> int:
        from .contract import diff_record, document, dumps
        from .diff import diff_sources
        from .render import diff as render_diff
        from .render.table import output_console

        settings = Settings(model, tolerance, max_chars, None, jobs, cache_dir, no_cache)
        if inputs:
            ingested = load_articles(inputs, published, settings.limits)
            articles = ingested.articles
            ids = {article.id for article in articles}
            missing = [x for x in (a, b) if x not in ids]
            if missing:
                raise UsageError(f"no source {', '.join(map(repr, missing))} in --in (known: {', '.join(sorted(ids))})")
            chosen_articles = tuple(article for article in articles if article.id in (a, b))
            side_a, side_b = a, b
        else:
            ingested = load_articles([a, b], published, settings.limits)
            chosen_articles = ingested.articles
            if len(chosen_articles) != 2:
                raise UsageError(
                    f"{a} and {b} hold {len(chosen_articles)} articles; name two sources by id with --in PATH"
                )
            side_a, side_b = chosen_articles[0].id, chosen_articles[1].id
        report = analyse_articles(Ingested(chosen_articles, ingested.problems), settings)
        result = diff_sources(report, side_a, side_b)
        chosen = OutputFormat.JSON if as_json else output
        if chosen is OutputFormat.TABLE:
            render_diff.print_diff(report, result, output_console())
        else:
            if chosen is OutputFormat.JSON:
                data = document(report, "diff")
                data["diff"] = diff_record(result)
                rendered = dumps(data)
            else:
                rendered = {
                    OutputFormat.JSONL: lambda: render_diff.diff_jsonl(result),
                    OutputFormat.CSV: lambda: render_diff.diff_csv(report, result),
                    OutputFormat.MARKDOWN: lambda: printable(render_diff.diff_markdown(report, result)),
                }[chosen]()
            sys.stdout.write(rendered)
            sys.stdout.flush()
        if fail_on_conflict and result.has_conflict:
            return int(ExitCode.CONFLICT)
        return int(ExitCode.OK)

    _run(debug, body)


@app.command(cls=Command, epilog=epilog("extract"))
def extract(
    paths: PathsArg = None,
    out: Annotated[str, typer.Option("--out", metavar="DIR", help="Directory for the article records (JSONL partitions).")] = "records",
    model: ModelOpt = None,
    published: PublishedOpt = None,
    urls: UrlsOpt = None,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    jobs: JobsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    scheduler: SchedulerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Extract articles into records for later: ncr claims --records DIR reconciles them (on this machine or another)."""

    def body() -> int:
        from .record_files import write_records

        settings = Settings(model, 0.0, max_chars, urls, jobs, cache_dir, no_cache, (), scheduler)
        ingested = load_articles(paths, published, settings.limits, settings.urls_file)
        count = write_records(extract_inputs(ingested, settings), Path(out))
        sys.stdout.write(f"wrote {count:,} article records to {printable(out)}\n")
        return int(ExitCode.OK)

    _run(debug, body)


cache_app = typer.Typer(cls=Group, help="The cache of article records: where it is, how big, and emptying it.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


def _record_cache(cache_dir: str | None):  # type: ignore[no-untyped-def]
    from .cache import RecordCache, default_cache_dir

    return RecordCache(Path(cache_dir) if cache_dir else default_cache_dir())


@cache_app.command("info", cls=Command, epilog=epilog("cache info"))
def cache_info(cache_dir: CacheDirOpt = None, debug: DebugOpt = False) -> None:
    """Where the cache is, how many article records it holds and their size."""

    def body() -> int:
        cache = _record_cache(cache_dir)
        entries, size = cache.info()
        sys.stdout.write(f"{printable(str(cache.directory))}\n{entries:,} records, {size / 1024 / 1024:.1f} MiB\n")
        return int(ExitCode.OK)

    _run(debug, body)


@cache_app.command("clear", cls=Command, epilog=epilog("cache clear"))
def cache_clear(cache_dir: CacheDirOpt = None, debug: DebugOpt = False) -> None:
    """Remove every cached article record."""

    def body() -> int:
        cache = _record_cache(cache_dir)
        removed = cache.clear()
        sys.stdout.write(f"removed {removed:,} records from {printable(str(cache.directory))}\n")
        return int(ExitCode.OK)

    _run(debug, body)


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(version_text())
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True,
                     help="Print the versions of ncr, of the spaCy model it loads and of spaCy, and exit."),
    ] = False,
) -> None:
    """ncr: compare what news sources claim."""


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
