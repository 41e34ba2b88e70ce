"""The command line: wires load -> verify -> assemble -> render -> write, and nothing more.

Exit codes: 0 clean, 1 validation errors (or warnings under --strict), 2 usage errors.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, NoReturn, Optional

import typer

from . import __version__, authoring, checks
from .cache import for_repository
from .assemble import Period, PeriodError, assemble, latest_week
from .load import fingerprint, load, meeting_files
from .model import Dossier
from .report import FORMATS
from .report.text import line, tally
from .verify import StaleFindings, Verification, recall, verify
from .write import write_all

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


def remembered(root: Path, use_cache: bool) -> tuple[str | None, tuple | None]:
    """The fingerprint of every file a check reads, and the findings of an earlier check
    of exactly these files (None when there was none, or without the cache)."""
    key = fingerprint(root) if use_cache else None
    return key, for_repository(root, use_cache).get("check", key) if key else None


def run_checks(root: Path, use_cache: bool = True, show_progress: bool = False,
               known: tuple[str | None, tuple | None] | None = None) -> tuple[Dossier, Verification]:
    """Load and verify; on a terminal, a large repository shows a progress bar (on stderr).

    When no file changed since the last check, its findings are recalled instead of
    checking every meeting again (only the quotes a brief cites are located afresh).
    `known` is `remembered()` when the caller has asked already.
    """
    cache = for_repository(root, use_cache)
    key, found = known or remembered(root, use_cache)

    def verified(dossier: Dossier, tick: Callable[[], None] = lambda: None) -> Verification:
        return recall(root, dossier, found) if found is not None else verify(root, dossier, cache, tick)

    files = len(meeting_files(root)) if show_progress and sys.stderr.isatty() else 0
    if files < PROGRESS_FROM:
        dossier = load(root, cache)
        verification = verified(dossier)
    else:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(transient=True, console=Console(stderr=True)) as progress:
            reading = progress.add_task("reading summaries", total=files)
            dossier = load(root, cache, lambda: progress.advance(reading))
            checking = progress.add_task("checking against sources", total=len(dossier.meetings))
            verification = verified(dossier, lambda: progress.advance(checking))
    if key and found is None:
        cache.put("check", key, verification.diagnostics)
    return dossier, verification


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
    diagnostics = check_repository(brief_root(root), not no_cache, report is ReportFormat.text)
    typer.echo(FORMATS[report.value](diagnostics), nl=False)
    if report is ReportFormat.text:
        typer.echo(tally(diagnostics))
    raise typer.Exit(1 if failed(diagnostics, strict) else 0)


def check_repository(root: Path, use_cache: bool, show_progress: bool) -> tuple:
    """All findings; when no file changed since the last check, its findings as they were."""
    key, found = remembered(root, use_cache)
    return found if found is not None else run_checks(root, use_cache, show_progress, (key, None))[1].diagnostics


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
    formats: str = typer.Option("docx,md", "--format", help="Comma-separated: docx, md."),
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
    try:
        brief = assemble(dossier, verification.evidence, period, moment.date(), verification.diagnostics)
    except StaleFindings as stale:
        typer.echo(f"{stale}: checking every summary again", err=True)
        dossier, verification = checked(root, not no_cache, strict, recalling=False)
        brief = assemble(dossier, verification.evidence, period, moment.date(), verification.diagnostics)
    if not (brief.sections or brief.falling_due):
        typer.echo(f"nothing to report for {period.label}: no meeting in that period and no commitment "
                   "falling due; nothing written", err=True)
        return
    outputs = render_all(brief, kinds, root, out_dir, moment, review)
    for path in write_all(outputs):
        typer.echo(f"wrote {path}")


def checked(root: Path, use_cache: bool, strict: bool, recalling: bool = True) -> tuple[Dossier, Verification]:
    """The checked repository, its findings printed; a failed check ends the build, writing nothing."""
    known = None if recalling else (fingerprint(root) if use_cache else None, None)
    dossier, verification = run_checks(root, use_cache, show_progress=True, known=known)
    if verification.diagnostics:
        typer.echo("".join(line(d) + "\n" for d in verification.diagnostics), err=True, nl=False)
    if failed(verification.diagnostics, strict):
        typer.echo(f"{tally(verification.diagnostics)}: nothing written", err=True)
        raise typer.Exit(1)
    return dossier, verification


def parse_formats(text: str) -> list[str]:
    kinds = [k.strip().lower() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in ("docx", "md")]
    if unknown or not kinds:
        usage_error(f"--format {text!r}: unknown format {', '.join(map(repr, unknown)) or '(none)'}",
                    "write --format docx,md (or one of them)")
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


def render_all(brief, kinds: list[str], root: Path, out_dir: Path, moment: dt.datetime, review: bool) -> dict[Path, bytes]:
    outputs: dict[Path, bytes] = {}
    stem = f"brief-{brief.period.slug}"
    if "docx" in kinds or review:
        from .render import docx as docx_render

    if "docx" in kinds:
        outputs[out_dir / f"{stem}.docx"] = docx_render.render(brief, moment, root)
    if review:
        outputs[out_dir / f"{stem}-review.docx"] = docx_render.render(brief, moment, root, review=True)
    if "md" in kinds:
        from .render import markdown

        outputs[out_dir / f"{stem}.md"] = markdown.render(brief, root.resolve(), out_dir.resolve())
    return outputs


authoring.register(app)


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


def main() -> None:
    """Entry point: run the app; an unexpected failure is one line, never a traceback.

    A check builds millions of small records that live until it ends; with the default
    threshold the cyclic collector walks them again and again (loading the 5,000-meeting
    benchmark archive took 8.8 s instead of 5.0 s, unpickling it 6.9 s instead of 1.0 s).
    A one-shot command makes almost no cyclic garbage, so collecting rarely costs nothing.
    """
    gc.set_threshold(GC_THRESHOLD, 50, 100)
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # a bug in briefgen, not in the input: say so briefly
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        print(f"briefgen: internal error: {exc.__class__.__name__}: {exc}\n"
              "  hint: please report this with the command you ran; set BRIEFGEN_DEBUG=1 for details", file=sys.stderr)
        sys.exit(3)
