"""`briefgen status`: what is left to curate, as plain-text tables.

Each source with the meetings citing it (and those no meeting cites yet), the meetings
by ISO week with their open findings, and the findings of `check` counted by code: the
officer sees at a glance which articles still wait for a summary and what blocks a build.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .model import Diagnostic, Dossier, Meeting
from .report.text import tally
from .verify import Verification

NONE = "-"


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned columns two spaces apart, indented under a section heading."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
            for row in [headers, *rows]]


def week(meeting: Meeting) -> str:
    year, number, _ = meeting.date.isocalendar()
    return f"{year}-W{number:02d}"


def sources_section(dossier: Dossier) -> list[str]:
    citing: dict[str, list[str]] = {s.id: [] for s in dossier.sources}
    for meeting, citation in dossier.citations():
        if citation.source in citing and meeting.id not in citing[citation.source]:
            citing[citation.source].append(meeting.id)
    lines = [f"Sources ({len(dossier.sources)})"]
    if not dossier.sources:
        return lines + ["  none yet: add one with `briefgen add-source FILE`"]
    rows = [[s.id, s.language, s.file, ", ".join(citing[s.id]) or NONE] for s in dossier.sources]
    lines += table(["SOURCE", "LANG", "FILE", "CITED BY"], rows)
    unused = [s.id for s in dossier.sources if not citing[s.id]]
    lines.append(f"  cited by no meeting: {', '.join(unused)}" if unused else "  every source is cited")
    catalogued = {s.file for s in dossier.sources}
    loose = [name for name in dossier.seed_files if name not in catalogued]
    if loose:
        lines.append(f"  in seeds/ but not catalogued: {', '.join(loose)}")
    return lines


def meetings_section(root: Path, dossier: Dossier, findings: list[Diagnostic]) -> list[str]:
    def count(file: str, severity: str) -> str:
        return str(sum(d.where.file == file and d.severity == severity for d in findings))

    meetings = sorted(dossier.meetings, key=lambda m: (m.date, m.id))
    lines = [f"Meetings by ISO week ({len(meetings)})"]
    rows, last = [], None
    for meeting in meetings:
        label = week(meeting)
        rows.append([label if label != last else "", meeting.date.isoformat(), meeting.id,
                     count(meeting.pos.file, "error"), count(meeting.pos.file, "warning")])
        last = label
    loaded = {m.pos.file for m in dossier.meetings}
    for rel in dossier.snapshot.meetings if dossier.snapshot else ():
        if rel not in loaded:
            rows.append(["?", "?", f"{Path(rel).stem} (does not load)", count(rel, "error"), count(rel, "warning")])
    if not rows:
        return lines + ["  none yet: write one with `briefgen new SOURCE_ID`"]
    return lines + table(["WEEK", "DATE", "MEETING", "ERRORS", "WARNINGS"], rows)


def findings_section(findings: list[Diagnostic]) -> list[str]:
    lines = ["Open findings"]
    if not findings:
        return lines + ["  none: `briefgen build` will write the brief"]
    counts = Counter((d.code, d.severity) for d in findings)
    rows = [[code, severity, str(n)] for (code, severity), n in
            sorted(counts.items(), key=lambda item: (item[0][1] != "error", -item[1], item[0][0]))]
    return lines + table(["CODE", "SEVERITY", "COUNT"], rows) + [f"  {tally(findings)} (details: `briefgen check`)"]


def report(root: Path, dossier: Dossier, verification: Verification) -> str:
    """The whole status report, sections separated by a blank line."""
    findings = list(verification.diagnostics)
    sections = [sources_section(dossier), meetings_section(root, dossier, findings), findings_section(findings)]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"
