"""Brief -> Markdown, through the Jinja2 template `templates/brief.md.j2`.

Data text is escaped so that a `*`, `_`, `[` or `<` in a quote stays literal; footnotes
are `[^n]`, one definition per reference, linking to the seed file's line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..assemble import NO_MEETINGS, SINGLE_OUTLET, Brief, Note, long_date
from ..templating import template_path
from . import Job

# Characters that mean something inside a line of CommonMark/GFM; data never starts a line.
SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: object) -> str:
    """Markdown-escape data text; white space runs become one space (one line per item)."""
    flat = " ".join(str(text).split())
    return SPECIAL.sub(r"\\\1", flat)


def quoted(text: str) -> str:
    return "“" + escape(text) + "”"


SUFFIX = ".md"


def render(brief: Brief, job: Job) -> bytes:
    """The Markdown brief, with links to the seed files relative to where it is written."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    root, out_dir = job.root.resolve(), job.out_dir.resolve()

    path = template_path(root, "brief.md.j2")
    env = Environment(
        loader=FileSystemLoader(str(path.parent)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(e=escape, quoted=quoted, long_date=long_date)

    def link(note: Note) -> str:
        target = os.path.relpath(root / note.seed_path, out_dir).replace(os.sep, "/")
        return f"[{escape(note.seed_path)}, line {note.evidence.line}]({target}#L{note.evidence.line})"

    env.globals.update(
        link=link,
        refs=lambda notes: "".join(f"[^{n.number}]" for n in notes),
        mark=lambda cited: f" {SINGLE_OUTLET}" if cited.outlets == 1 else "",
        single_mark=SINGLE_OUTLET,
        no_meetings=NO_MEETINGS,
    )
    text = env.get_template(path.name).render(brief=brief)
    return re.sub(r"\n{3,}", "\n\n", text).encode("utf-8")
