"""Benchmark briefgen against its floors and print the figures (never a pass/fail test).

    python benchmarks/run.py                 # shipped data, sizes S, M, H, L
    python benchmarks/run.py S M --runs 5    # some sizes, median of 5 runs each
    python benchmarks/run.py --write         # also rewrite benchmarks/RESULTS.md

Synthetic repositories are generated once into $BRIEFGEN_BENCH_DIR (default
/tmp/briefgen-bench). For each size it prints `check` wall time, quotes verified per
second, MB of source text per second, peak memory (RSS of the briefgen process), and
the time of `build` for a 200-meeting period; beside them, on the same corpus, the floor:
`grep -F -c -f` of all quotes (normalised as briefgen normalises them) over the
normalised corpus. For the shipped data it compares `check` and `build` with a bare
`python -c "import docx"`.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from briefgen.load import load  # noqa: E402
from briefgen.text import normal, quote_parts  # noqa: E402

SIZES = {"S": 100, "M": 2000, "H": 5000, "L": 10000}
BRIEFGEN = [sys.executable, "-m", "briefgen"]
BENCH_DIR = Path(os.environ.get("BRIEFGEN_BENCH_DIR", "/tmp/briefgen-bench"))


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with {status}")
    return elapsed, usage.ru_maxrss // 1024


def median_run(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, int]:
    results = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def repository(size: str) -> tuple[Path, dict]:
    root = BENCH_DIR / size
    marker = root / ".generated"
    if not marker.exists():
        counts = generate(root, SIZES[size])
        marker.write_text(repr(counts))
    return root, eval(marker.read_text())  # our own marker file: a dict literal


def floor_files(root: Path) -> tuple[Path, Path]:
    """Normalised quotes (one part per line) and the normalised corpus, for grep."""
    patterns, corpus = root / ".patterns.txt", root / ".corpus.txt"
    if not patterns.exists():
        dossier = load(root)
        parts = {part for _, c in dossier.citations() for part in quote_parts(c.quote)}
        patterns.write_text("\n".join(sorted(parts)) + "\n", "utf-8")
        with corpus.open("w", encoding="utf-8") as out:
            for path in sorted((root / "seeds").glob("*.txt")):
                for line in path.read_text("utf-8").split("\n"):
                    out.write(normal(line) + "\n")
    return patterns, corpus


def period_of_200(root: Path) -> list[str]:
    days = sorted(p.name[:10] for p in (root / "briefs").glob("*.yaml"))
    chosen = days[:200]
    return ["--from", chosen[0], "--to", chosen[-1]]


def measure_size(size: str, runs: int) -> dict:
    root, counts = repository(size)
    check, memory = median_run([*BRIEFGEN, "check", "--root", str(root), "--no-cache"], runs)
    patterns, corpus = floor_files(root)
    grep, _ = median_run(["grep", "-F", "-c", "-f", str(patterns), str(corpus)], runs)
    timed([*BRIEFGEN, "check", "--root", str(root)])  # fills the cache
    unchanged, _ = median_run([*BRIEFGEN, "check", "--root", str(root)], runs)
    summaries = sorted((root / "briefs").glob("*.yaml"))
    edited = summaries[len(summaries) // 2]
    original = edited.read_bytes()
    times = []
    for _ in range(runs):  # one summary edited between checks, as an officer saving a file
        edited.write_bytes(original + f"# edit {time.time_ns()}\n".encode())  # never seen before
        times.append(timed([*BRIEFGEN, "check", "--root", str(root)])[0])
    edited.write_bytes(original)
    cached = statistics.median(times)
    out = root / ".out"
    build, _ = median_run([*BRIEFGEN, "build", "--root", str(root), "--out", str(out), "--no-cache",
                           *period_of_200(root)], max(1, runs // 2))
    build_warm, _ = median_run([*BRIEFGEN, "build", "--root", str(root), "--out", str(out),
                                *period_of_200(root)], max(1, runs // 2))
    return {
        "size": size, **counts, "check": check, "cached": cached, "unchanged": unchanged, "memory": memory, "grep": grep, "build": build,
        "build_warm": build_warm, "render": render_200(root),
        "quotes_per_s": counts["quotes"] / check, "mb_per_s": counts["bytes"] / 1e6 / check,
    }


RENDER_200 = """
import datetime as dt, gc, sys, time
from pathlib import Path
from briefgen.assemble import Period, assemble
from briefgen import pipeline
from briefgen.cli import GC_THRESHOLD
from briefgen.render import Job
gc.set_threshold(GC_THRESHOLD, 50, 100)  # as the command line does
root = Path(sys.argv[1])
dossier, verification = pipeline.checked(root, True)
days = sorted(m.date for m in dossier.meetings)[:200]
start = time.perf_counter()
brief = assemble(dossier, verification.evidence, Period.between(days[0], days[-1]), days[-1], verification.diagnostics)
pipeline.render(brief, ["docx", "md"], Job(root, root / ".out", dt.datetime(2020, 1, 1)))
print(time.perf_counter() - start)
"""


def render_200(root: Path) -> float:
    """Assemble and render (.docx and .md) a 200-meeting brief, the check already done."""
    result = subprocess.run([sys.executable, "-c", RENDER_200, str(root)], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def measure_shipped(runs: int) -> dict:
    root = HERE.parent
    bare, _ = median_run([sys.executable, "-c", "import docx"], runs)
    stack, _ = median_run([sys.executable, "-c", "import typer, yaml, jinja2, docx"], runs)
    check, _ = median_run([*BRIEFGEN, "check", "--no-cache"], runs, cwd=root)
    build, _ = median_run([*BRIEFGEN, "build", "--out", str(BENCH_DIR / "shipped-out"), "--no-cache"], runs, cwd=root)
    return {"bare": bare, "stack": stack, "check": check, "build": build}


def table(rows: list[dict], shipped: dict | None) -> str:
    lines = []
    if shipped:
        lines += [
            "| shipped data | seconds | × `python -c \"import docx\"` |",
            "|---|---:|---:|",
            f"| `python -c \"import docx\"` | {shipped['bare']:.3f} | 1.00 |",
            f"| `python -c \"import typer, yaml, jinja2, docx\"` (the stack's imports, no work) "
            f"| {shipped['stack']:.3f} | {shipped['stack'] / shipped['bare']:.2f} |",
            f"| `briefgen check` | {shipped['check']:.3f} | {shipped['check'] / shipped['bare']:.2f} |",
            f"| `briefgen build` (check + build) | {shipped['build']:.3f} | {shipped['build'] / shipped['bare']:.2f} |",
            "",
        ]
    if rows:
        lines += [
            "| size | sources | meetings | quotes | MB | check s | after one edit s | nothing changed s "
            "| quotes/s | MB/s | peak MB "
            "| grep -F floor s | × floor | build 200 meetings s (cold / cached check) | of which render s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in rows:
            lines.append(
                f"| {r['size']} | {r['sources']:,} | {r['meetings']:,} | {r['quotes']:,} | {r['bytes'] / 1e6:.1f} "
                f"| {r['check']:.2f} | {r['cached']:.2f} | {r['unchanged']:.2f} | {r['quotes_per_s']:,.0f} | {r['mb_per_s']:.1f} | {r['memory']} "
                f"| {r['grep']:.2f} | {r['check'] / r['grep']:.1f} | {r['build']:.2f} / {r['build_warm']:.2f} "
                f"| {r['render']:.2f} |"
            )
    return "\n".join(lines)


def targets(rows: list[dict], shipped: dict | None) -> str:
    """The issue's targets, each marked met or not."""
    by = {r["size"]: r for r in rows}
    lines = ["| target | measured | met |", "|---|---|---|"]

    def add(name: str, value: float, limit: float, shown: str) -> None:
        lines.append(f"| {name} | {shown} | {'yes' if value <= limit else 'no'} |")

    if shipped:
        ratio = shipped["build"] / shipped["bare"]
        add("shipped `build` (check + build) within 1.5x of `python -c \"import docx\"`", ratio, 1.5, f"{ratio:.2f}x")
    if "L" in by:
        large = by["L"]
        add("size L `check` within 3x of the `grep -F -f` floor", large["check"] / large["grep"], 3,
            f"{large['check'] / large['grep']:.1f}x ({large['check']:.1f} s / {large['grep']:.2f} s)")
        add("size L repeated `check`, nothing changed, within 3x of the floor", large["unchanged"] / large["grep"], 3,
            f"{large['unchanged'] / large['grep']:.1f}x ({large['unchanged']:.2f} s)")
        add("size L `check` after editing one summary within 3x of the floor", large["cached"] / large["grep"], 3,
            f"{large['cached'] / large['grep']:.1f}x ({large['cached']:.2f} s)")
        add("size L `check` under 1 GB peak memory", large["memory"], 1024, f"{large['memory']} MB")
        add("a 200-meeting .docx build under 5 s (render, check cached)", large["render"], 5, f"{large['render']:.2f} s")
        add("a 200-meeting `build` command under 5 s (whole command, cached check of the archive)",
            large["build_warm"], 5, f"{large['build_warm']:.2f} s")
    if "L" in by and "H" in by:
        doubling = by["L"]["check"] / by["H"]["check"]
        add("doubling the corpus (H -> L) costs at most 2.2x", doubling, 2.2, f"{doubling:.2f}x")
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", metavar="SIZE", help="S, M, H or L (default: all of them)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="rewrite benchmarks/RESULTS.md")
    parser.add_argument("--no-shipped", action="store_true")
    args = parser.parse_args()
    unknown = [size for size in args.sizes if size not in SIZES]
    if unknown:
        parser.error(f"unknown size {unknown[0]!r}: choose from {', '.join(SIZES)}")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    shipped = None if args.no_shipped else measure_shipped(max(args.runs, 5))
    rows = []
    for size in args.sizes or list(SIZES):
        rows.append(measure_size(size, args.runs))
        print(f"measured {size}", file=sys.stderr)
    text = table(rows, shipped) + "\n\n" + targets(rows, shipped)
    print(f"Machine: {machine()}\n\n{text}")
    if args.write:
        (HERE / "RESULTS.md").write_text(f"# Benchmark results\n\nMachine: {machine()}\n\n"
                                         f"Command: `python benchmarks/run.py --write`\n\n{text}\n", "utf-8")


if __name__ == "__main__":
    main()
