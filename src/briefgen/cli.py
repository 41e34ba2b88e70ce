"""The command line: parses arguments, calls the pipeline and prints; nothing more.

Exit codes: 0 clean, 1 validation errors (or warnings under --strict), 2 usage errors.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, List, NoReturn, Optional, ParamSpec, TypeVar

import typer

from . import __version__, authoring, cache, checks, pipeline
from .assemble import Period, PeriodError, assemble, latest_week
from .errors import Refused
from .model import Diagnostic, Dossier
from .parallel import WorkerLost
from .render import Job, formats as brief_formats
from .report import FORMATS
from .report.text import line, tally
from .verify import Verification
from .write import WriteError, write_all

if TYPE_CHECKING:
    from rich.progress import Progress

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Check hand-curated meeting summaries against their sources and build the weekly brief.")
cache_app = typer.Typer(help="Where the cache lives and how big it is; clear it.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

ROOT = typer.Option(Path("."), "--root", help="The brief repository (the folder holding seeds/ and briefs/).")
NO_CACHE = typer.Option(False, "--no-cache", help="Check everything afresh, without the cache.")
STRICT = typer.Option(False, "--strict", help="Treat warnings as errors.")
ReportFormat = Enum("ReportFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]  # from the registry
Kind = Enum("Kind", {name: name for name in ("meeting", "sources", "brief")}, type=str)  # type: ignore[misc]

P = ParamSpec("P")
R = TypeVar("R")


def refusals(command: Callable[P, R]) -> Callable[P, R]:
    """A command that prints a `Refused` as `error:` and its hint, and exits with its code."""
    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except Refused as refused:
            typer.echo(f"error: {refused.message}\n  hint: {refused.hint}", err=True)
            raise typer.Exit(refused.code) from None
    return run


PROGRESS_FROM = 300  # meeting files: below this a check takes well under a second


class ProgressBars:
    """Rich progress bars on stderr for a large repository checked on a terminal."""

    def __init__(self, shown: bool) -> None:
        self.shown = shown and sys.stderr.isatty()
        self.bars: Progress | None = None

    def __call__(self, stage: str, total: int) -> Callable[[], None]:
        if not self.shown or total < PROGRESS_FROM:
            return lambda: None
        if self.bars is None:
            from rich.console import Console
            from rich.progress import Progress  # imported when shown: 30 ms that a small check never pays

            self.bars = Progress(transient=True, console=Console(stderr=True))
            self.bars.start()
        bars, task = self.bars, self.bars.add_task(stage, total=total)
        return lambda: bars.advance(task)

    def __enter__(self) -> "ProgressBars":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bars is not None:
            self.bars.stop()


def failed(diagnostics: tuple[Diagnostic, ...], strict: bool) -> bool:
    """Errors stop a command; with --strict, warnings do too."""
    return any(d.severity == "error" or strict for d in diagnostics)


@app.command()
@refusals
def check(
    root: Path = ROOT, strict: bool = STRICT, no_cache: bool = NO_CACHE,
    report: ReportFormat = typer.Option("text", "--format", help="How to print the findings."),
    explain: Optional[str] = typer.Option(None, "--explain", metavar="CODE", help="Explain a finding's code."),
) -> None:
    """Validate every summary against the source texts."""
    if explain is not None:
        module = checks.registry().get(explain)
        if module is None:
            raise Refused(f"no finding has the code {explain!r}", "known codes: " + ", ".join(checks.registry()), 2)
        typer.echo(f"{module.ID} ({module.SEVERITY})\n\n{(module.__doc__ or '').strip()}")
        return
    with ProgressBars(report.value == "text") as bars:
        diagnostics = pipeline.findings(pipeline.repository(root), not no_cache, bars)
    typer.echo(FORMATS[report.value](diagnostics), nl=False)
    if report.value == "text":
        typer.echo(tally(diagnostics))
    raise typer.Exit(1 if failed(diagnostics, strict) else 0)


@app.command()
@refusals
def build(
    root: Path = ROOT, strict: bool = STRICT, no_cache: bool = NO_CACHE,
    week: Optional[str] = typer.Option(None, "--week", help="An ISO week, e.g. 2024-W20."),
    start: Optional[dt.datetime] = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="First day, YYYY-MM-DD."),
    end: Optional[dt.datetime] = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="Last day, YYYY-MM-DD."),
    everything: bool = typer.Option(False, "--all", help="Every meeting."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output folder (default: out/ in the repository)."),
    formats: str = typer.Option("docx,md", "--format", help=f"Comma-separated: {', '.join(brief_formats())}."),
    review: bool = typer.Option(False, "--review", help="Also write a review copy with a Word comment on every claim with a warning."),
) -> None:
    """Validate, then write the brief for a period as .docx and .md (nothing is written on error)."""
    root = pipeline.repository(root)
    kinds = parse_formats(formats) + ["review"] * review
    out_dir = pipeline.out_folder(out if out is not None else root / "out", root)
    asked = asked_period(week, start, end, everything)
    dossier, verification = checked(root, not no_cache, strict)
    period = asked or (Period.everything(dossier.meetings) if everything else latest_week(dossier.meetings))
    if period is None:
        typer.echo("nothing to report: there are no meetings in briefs/", err=True)
        return
    if not (asked or everything):
        typer.echo(f"building {period.slug} ({period.label}), the most recent week with a meeting", err=True)
    moment = pipeline.issue_moment(period)
    brief = assemble(dossier, verification.evidence, period, moment.date(), verification.diagnostics)
    if not (brief.sections or brief.falling_due):
        typer.echo(f"nothing to report for {period.label}: no meeting in that period and no commitment "
                   "falling due; nothing written", err=True)
        return
    try:
        written = write_all(pipeline.render(brief, list(dict.fromkeys(kinds)), Job(root, out_dir, moment)))
    except WriteError as exc:
        raise Refused(str(exc), "free some space, or pass --out DIR on another disk", 2) from None
    for path in written:
        typer.echo(f"wrote {path}")


def checked(root: Path, use_cache: bool, strict: bool) -> tuple[Dossier, Verification]:
    """The checked repository, its findings printed; a failed check ends the build, writing nothing."""
    with ProgressBars(True) as bars:
        dossier, verification = pipeline.checked(root, use_cache, bars)
    if verification.diagnostics:
        typer.echo("".join(line(d) + "\n" for d in verification.diagnostics), err=True, nl=False)
    if failed(verification.diagnostics, strict):
        typer.echo(f"{tally(verification.diagnostics)}: nothing written", err=True)
        raise typer.Exit(1)
    return dossier, verification


def parse_formats(text: str) -> list[str]:
    kinds = [k.strip().lower() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in brief_formats()]
    if unknown or not kinds:
        raise Refused(f"--format {text!r}: unknown format {', '.join(map(repr, unknown)) or '(none)'}",
                      f"write --format docx,md (or any of {', '.join(brief_formats())})", 2)
    return kinds


def asked_period(week: str | None, start: dt.datetime | None, end: dt.datetime | None, everything: bool) -> Period | None:
    """The period given on the command line (None: --all or the latest week), or a usage error."""
    if sum(x is not None for x in (week, start or end)) + everything > 1:
        raise Refused("choose one period: --week, --from/--to or --all", "e.g. briefgen build --week 2024-W20", 2)
    try:
        if week is not None:
            return Period.week(week)
        if start or end:
            if not (start and end):
                raise Refused("--from and --to go together", "e.g. --from 2024-05-01 --to 2024-05-31", 2)
            return Period.between(start.date(), end.date())
    except PeriodError as exc:
        raise Refused(str(exc), "an ISO week is the year, -W and the week number: --week 2024-W20", 2) from None
    return None


@app.command("add-source")
@refusals
def add_source(
    file: Path = typer.Argument(..., help="The article: a UTF-8 text file, one paragraph per line."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Who published it, as staff would cite it."),
    sid: Optional[str] = typer.Option(None, "--id", help="The id to cite it by (default: from the outlet and date)."),
    language: Optional[str] = typer.Option(None, "--language", help="ISO 639-1 code (default: from the script)."),
    root: Path = ROOT,
) -> None:
    """Copy an article into seeds/ unchanged and append its entry to seeds/sources.yaml."""
    typer.echo("\n".join(authoring.add_source(pipeline.repository(root), file, outlet, sid, language)))


@app.command()
@refusals
def new(ids: List[str] = typer.Argument(..., metavar="SOURCE_ID...", help="Ids from seeds/sources.yaml."),
        root: Path = ROOT) -> None:
    """Write briefs/<date>-<place>-<slug>.yaml pre-filled from the sources, candidates marked TODO."""
    typer.echo("\n".join(authoring.new(pipeline.repository(root), ids)))


@app.command()
@refusals
def rename(old: str = typer.Argument(..., metavar="MEETING", help="The meeting's id (its file name without .yaml)."),
           new: str = typer.Argument(..., metavar="NEW_ID", help="The id (and file name) it gets."),
           root: Path = ROOT) -> None:
    """Rename briefs/MEETING.yaml to briefs/NEW_ID.yaml and update the follows_up links to it."""
    typer.echo("\n".join(authoring.rename(pipeline.repository(root), old, new)))


@app.command("schema")
@refusals
def schema_command(
    kind: Kind = typer.Option("meeting", "--kind", help="Which format: meeting, sources or brief."),
    write: bool = typer.Option(False, "--write", help="Write all three to docs/schema/ instead of printing."),
    root: Path = typer.Option(Path("."), "--root", help="Where docs/schema/ is written (with --write)."),
) -> None:
    """Print the JSON Schema (draft 2020-12) of a YAML format, for editors and other tools."""
    from . import schema

    if not write:
        typer.echo(schema.render(kind.value), nl=False)
        return
    if not root.is_dir():
        raise Refused(f"{root} is not a folder", "pass --root DIR, the folder holding docs/", 2)
    for path in schema.write(root):
        typer.echo(f"wrote {path.relative_to(root)}")


@app.command()
@refusals
def status(root: Path = ROOT) -> None:
    """Show what is left to curate: sources and the meetings citing them, meetings by week, open findings."""
    from . import status as status_report

    root = pipeline.repository(root)
    dossier, verification = pipeline.checked(root)
    typer.echo(status_report.report(root, dossier, verification), nl=False)


LSP_NEEDS = ("pygls", "lsprotocol", "cattrs", "attrs")  # the packages the extra brings


@app.command()
@refusals
def lsp() -> None:
    """Serve the check to an editor: a language server on stdin and stdout (README: In your editor)."""
    try:
        from .lsp import server
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in LSP_NEEDS:
            raise
        raise Refused(f"briefgen lsp needs {exc.name}, which is not installed",
                      "pip install 'briefgen[lsp]'", 2) from None
    server.main()


@cache_app.command("info")
def cache_info() -> None:
    """Print the cache folder, its size and its cap."""
    count, total = cache.size(cache.base_folder())
    typer.echo(f"{cache.base_folder()}: {count} entries, {total / 2**20:.1f} MB "
               f"(cap {cache.cap_bytes() // 2**20} MB, set BRIEFGEN_CACHE_MB to change it)")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cache entry, of every repository (the next check starts afresh)."""
    count, total = cache.clear()
    typer.echo(f"removed {count} entries ({total / 2**20:.1f} MB) from {cache.base_folder()}")


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def common(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Print the version."),
) -> None:
    """briefgen: weekly meeting briefs whose every claim is checked against its sources."""


GC_THRESHOLD = 200_000  # allocations between young collections (CPython's default: 700)


class Interrupted(BaseException):
    """Ctrl-C, raised by our own handler: click turns a KeyboardInterrupt into "Aborted!"."""


def _interrupt(signum: int, frame: object) -> None:
    """The first Ctrl-C stops the run; later ones are ignored, so that none cuts short the
    cleanup it started (the workers ended, temporary files removed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise Interrupted


MEMORY_HINT = "close other programs or raise the memory limit; BRIEFGEN_WORKERS=1 checks in one process, with less"


def main() -> None:
    """Entry point: run the app; every ending is one sentence, never a traceback.

    A check builds millions of small records that live until it ends; with the default
    threshold the cyclic collector walks them again and again (loading the 5,000-meeting
    benchmark archive took 8.8 s instead of 5.0 s, unpickling it 6.9 s instead of 1.0 s).
    A one-shot command makes almost no cyclic garbage, so collecting rarely costs nothing.
    """
    gc.set_threshold(GC_THRESHOLD, 50, 100)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except Interrupted:
        _last_words("briefgen: interrupted; nothing written", 130)
    except (MemoryError, WorkerLost) as exc:
        reason = str(exc) if isinstance(exc, WorkerLost) else "out of memory"
        _last_words(f"briefgen: {reason}; nothing written\n  hint: {MEMORY_HINT}", 2)
    except Exception as exc:  # a bug in briefgen, not in the input: say so briefly
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        _last_words(f"briefgen: internal error: {exc.__class__.__name__}: {exc}\n"
                    "  hint: please report this with the command you ran; set BRIEFGEN_DEBUG=1 for details", 3)


def _last_words(message: str, code: int) -> NoReturn:
    """One message, and the exit code; a second Ctrl-C does not cut the sentence, and
    nothing comes after it: the interpreter's teardown of a process pool ended by Ctrl-C
    may still print "OSError: [Errno 9] Bad file descriptor" (seen once in CI, test_faults
    under load, after the sentence), so stderr is closed behind it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    print(message, file=sys.stderr, flush=True)
    sys.stdout.flush()
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, sys.stderr.fileno())
        os.close(quiet)
    except (OSError, ValueError):  # no file behind stderr (an embedding program's): nothing to close
        pass
    sys.exit(code)
