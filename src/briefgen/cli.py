"""The command line: wires load -> verify -> assemble -> render -> write, and nothing more.

Exit codes: 0 clean, 1 validation errors (or warnings under --strict), 2 usage errors.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, NoReturn, Optional

import typer

from . import __version__, authoring, checks, pipeline
from .assemble import Period, PeriodError, assemble, latest_week
from .model import Dossier
from .render import Job, formats as brief_formats
from .report import FORMATS
from .report.text import line, tally
from .verify import Verification
from .parallel import WorkerLost
from .write import WriteError, write_all

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Check hand-curated meeting summaries against their sources and build the weekly brief.",
)

ROOT_HELP = "The brief repository (the folder holding seeds/ and briefs/)."


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


def usage_error(message: str, hint: str) -> NoReturn:
    typer.echo(f"error: {message}\n  hint: {hint}", err=True)
    raise typer.Exit(2)


def brief_root(root: Path) -> Path:
    """The repository to work on, refusing a folder that is not one."""
    if not root.is_dir():
        usage_error(f"{root} is not a folder", "pass --root DIR, the folder holding seeds/ and briefs/")
    if not (root / "seeds").is_dir() and not (root / "briefs").is_dir():
        usage_error(
            f"{root.resolve()} is not a brief repository: it has no seeds/ or briefs/ folder",
            "cd into the brief repository, or pass --root DIR",
        )
    return root


PROGRESS_FROM = 300  # meeting files: below this a check takes well under a second


class ProgressBars:
    """Rich progress bars on stderr for a large repository checked on a terminal."""

    def __init__(self, shown: bool) -> None:
        self.shown = shown and sys.stderr.isatty()
        self.bars = None

    def __call__(self, stage: str, total: int) -> Callable[[], None]:
        if not self.shown or total < PROGRESS_FROM:
            return lambda: None
        if self.bars is None:
            from rich.console import Console
            from rich.progress import Progress

            self.bars = Progress(transient=True, console=Console(stderr=True))
            self.bars.start()
        task = self.bars.add_task(stage, total=total)
        return lambda: self.bars.advance(task)

    def __enter__(self) -> "ProgressBars":
        return self

    def __exit__(self, *exc) -> None:
        if self.bars is not None:
            self.bars.stop()


def failed(diagnostics, strict: bool) -> bool:
    """Errors stop a command; with --strict, warnings do too."""
    return any(d.severity == "error" or strict for d in diagnostics)


@app.command()
def check(
    root: Path = typer.Option(Path("."), "--root", help=ROOT_HELP),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    report: ReportFormat = typer.Option(ReportFormat.text, "--format", help="How to print the findings."),
    explain: Optional[str] = typer.Option(None, "--explain", metavar="CODE", help="Explain a finding's code."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Check everything afresh, without the cache."),
) -> None:
    """Validate every summary against the source texts."""
    if explain is not None:
        explain_code(explain)
        return
    with ProgressBars(report is ReportFormat.text) as bars:
        diagnostics = pipeline.findings(brief_root(root), not no_cache, bars)
    typer.echo(FORMATS[report.value](diagnostics), nl=False)
    if report is ReportFormat.text:
        typer.echo(tally(diagnostics))
    raise typer.Exit(1 if failed(diagnostics, strict) else 0)


def explain_code(code: str) -> None:
    registry = checks.registry()
    module = registry.get(code)
    if module is None:
        usage_error(f"no finding has the code {code!r}", "known codes: " + ", ".join(registry))
    typer.echo(f"{module.ID} ({module.SEVERITY})\n\n{(module.__doc__ or '').strip()}")


@app.command()
def build(
    root: Path = typer.Option(Path("."), "--root", help=ROOT_HELP),
    week: Optional[str] = typer.Option(None, "--week", help="An ISO week, e.g. 2024-W20."),
    start: Optional[dt.datetime] = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="First day, YYYY-MM-DD."),
    end: Optional[dt.datetime] = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="Last day, YYYY-MM-DD."),
    everything: bool = typer.Option(False, "--all", help="Every meeting."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output folder (default: out/ in the repository)."),
    formats: str = typer.Option("docx,md", "--format", help=f"Comma-separated: {', '.join(brief_formats())}."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    review: bool = typer.Option(False, "--review", help="Also write a review copy with a Word comment on every claim with a warning."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Check everything afresh, without the cache."),
) -> None:
    """Validate, then write the brief for a period as .docx and .md (nothing is written on error)."""
    root = brief_root(root)
    kinds = parse_formats(formats)
    out_dir = out if out is not None else root / "out"
    check_out_dir(out_dir, root)
    asked = asked_period(week, start, end, everything)
    dossier, verification = checked(root, not no_cache, strict)
    period = asked or (Period.everything(dossier.meetings) if everything else latest_week(dossier.meetings))
    if period is None:
        typer.echo("nothing to report: there are no meetings in briefs/", err=True)
        return
    if not (asked or everything):
        typer.echo(f"building {period.slug} ({period.label}), the most recent week with a meeting", err=True)
    moment = issue_moment(dossier, period)
    brief = assemble(dossier, verification.evidence, period, moment.date(), verification.diagnostics)
    if not (brief.sections or brief.falling_due):
        typer.echo(f"nothing to report for {period.label}: no meeting in that period and no commitment "
                   "falling due; nothing written", err=True)
        return
    outputs = pipeline.render(brief, kinds + ["review"] * (review and "review" not in kinds), Job(root, out_dir, moment))
    try:
        written = write_all(outputs)
    except WriteError as exc:
        usage_error(str(exc), "free some space, or pass --out DIR on another disk")
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
        usage_error(f"--format {text!r}: unknown format {', '.join(map(repr, unknown)) or '(none)'}",
                    f"write --format docx,md (or any of {', '.join(brief_formats())})")
    return list(dict.fromkeys(kinds))


def check_out_dir(out_dir: Path, root: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        usage_error(f"--out {out_dir} is a file, not a folder", "pass a folder, e.g. --out out")
    existing = next((p for p in [out_dir, *out_dir.parents] if p.exists()), None)
    if existing is not None and not existing.is_dir():
        usage_error(f"--out {out_dir}: {existing} is a file, so no folder can be made inside it",
                    "pass a folder, e.g. --out out")
    for kept in ("seeds", "briefs"):
        if out_dir.resolve().is_relative_to((root / kept).resolve()):
            usage_error(f"--out {out_dir} is inside {kept}/, which briefgen never writes to",
                        "pass a folder of its own, e.g. --out out")
    if existing is not None and not os.access(existing, os.W_OK):
        usage_error(f"cannot write to {out_dir}: {existing} is not writable", "pass a folder you can write to with --out")


def asked_period(week: str | None, start, end, everything: bool) -> Period | None:
    """The period given on the command line (None: --all or the latest week), or a usage error."""
    if sum(x is not None for x in (week, start or end)) + everything > 1:
        usage_error("choose one period: --week, --from/--to or --all", "e.g. briefgen build --week 2024-W20")
    try:
        if week is not None:
            return Period.week(week)
        if start or end:
            if not (start and end):
                usage_error("--from and --to go together", "e.g. --from 2024-05-01 --to 2024-05-31")
            return Period.between(start.date(), end.date())
    except PeriodError as exc:
        usage_error(str(exc), "an ISO week is the year, -W and the week number: --week 2024-W20")
    return None


def issue_moment(dossier: Dossier, period: Period) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else the day of the period's latest meeting: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            usage_error(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds", "unset it or export SOURCE_DATE_EPOCH=1715817600")
    days = [m.date for m in dossier.meetings if period.holds(m.date)] or [period.end]
    return dt.datetime.combine(max(days), dt.time())


authoring.register(app)

cache_app = typer.Typer(help="Where the cache lives and how big it is; clear it.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info() -> None:
    """Print the cache folder, its size and its cap."""
    from . import cache

    count, total = cache.size(cache.base_folder())
    typer.echo(f"{cache.base_folder()}: {count} entries, {total / 2**20:.1f} MB "
               f"(cap {cache.cap_bytes() // 2**20} MB, set BRIEFGEN_CACHE_MB to change it)")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cache entry, of every repository (the next check starts afresh)."""
    from . import cache

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
    """One message, and the exit code; a second Ctrl-C does not cut the sentence."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    print(message, file=sys.stderr, flush=True)
    sys.exit(code)
