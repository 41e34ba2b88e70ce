"""Where a cold `check` of a synthetic archive spends its time, phase by phase (the profile
evidence behind RESULTS.md).

    python benchmarks/phases.py L            # or S, M, H

Every phase runs in this one process, one after the other, so the figures add up to the
work a check does; `check` itself spreads parsing and the meeting checks over the cores.
The first rows are floors no Python implementation on PyYAML goes below: libyaml composing
the files without converting anything, and normalising every source once.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Callable

os.environ["BRIEFGEN_WORKERS"] = "1"  # time the work, not the spread
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402

from run import SIZES, repository  # noqa: E402

from briefgen import checks  # noqa: E402
from briefgen.cli import GC_THRESHOLD  # noqa: E402
from briefgen.load import load  # noqa: E402
from briefgen.snapshot import Snapshot  # noqa: E402
from briefgen.verify import meeting_checks, read_texts  # noqa: E402
from briefgen.yamltree import FastLoader  # noqa: E402


def timed(rows: list[tuple[str, float]], name: str, work: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = work()
    rows.append((name, time.perf_counter() - start))
    return result


def compose_only(root: Path) -> None:
    for rel in ["seeds/sources.yaml", *Snapshot.take(root).meetings]:
        yaml.compose((root / rel).read_text("utf-8"), Loader=FastLoader)


def measure(root: Path) -> list[tuple[str, float]]:
    gc.set_threshold(GC_THRESHOLD, 50, 100)  # as the command line does
    rows: list[tuple[str, float]] = []
    timed(rows, "floor: libyaml composes every YAML file (no conversion)", lambda: compose_only(root))
    dossier = timed(rows, "load: parse, convert and read every record", lambda: load(root))
    ctx = timed(rows, "read every source text", lambda: read_texts(root, dossier))
    timed(rows, "floor: normalise every source once", lambda: [p.norm for t in ctx.texts.values() for p in t.paragraphs])
    data = timed(rows, "pickle the meetings (what a worker sends back)", lambda: pickle.dumps(dossier.meetings, 5))
    timed(rows, "unpickle the meetings (the parent's part)", lambda: pickle.loads(data))
    per_meeting = meeting_checks()
    for module in checks.verifiers():
        if module not in per_meeting:
            timed(rows, f"whole-repository check {module.ID}", lambda: list(module.check(ctx)))
    spent = dict.fromkeys((m.ID for m in per_meeting), 0.0)
    for meeting in dossier.meetings:
        one = ctx.only(meeting)
        for module in per_meeting:
            start = time.perf_counter()
            list(module.check(one))
            spent[module.ID] += time.perf_counter() - start
    rows += [(f"meeting check {name}", seconds) for name, seconds in spent.items()]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=list(SIZES))
    args = parser.parse_args()
    root, counts = repository(args.size)
    rows = measure(root)
    work = sum(seconds for name, seconds in rows if not name.startswith("floor"))
    print(f"Size {args.size}: {counts['sources']:,} sources, {counts['meetings']:,} meetings, "
          f"{counts['quotes']:,} quotes, {counts['bytes'] / 1e6:.1f} MB\n")
    print("| phase (one process) | seconds | share of the work |\n|---|---:|---:|")
    for name, seconds in sorted(rows, key=lambda row: (not row[0].startswith("floor"), -row[1])):
        share = "" if name.startswith("floor") else f"{seconds / work:.0%}"
        if seconds >= 0.01 or name.startswith("floor"):
            print(f"| {name} | {seconds:.2f} | {share} |")
    print(f"| **all the work** | **{work:.2f}** | 100% |")


if __name__ == "__main__":
    main()
