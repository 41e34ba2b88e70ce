"""Brief -> Markdown, through the Jinja2 template `templates/brief.md.j2`.

Data text is escaped so that a `*`, `_`, `[` or `<` in a quote stays literal; footnotes
are `[^n]`, one definition per reference, linking to the seed file's line.
"""

from __future__ import annotations

import re

from ..assemble import DISPUTED, NO_MEETINGS, PASSED, SINGLE_OUTLET, TRANSLATED, Brief, long_date, quotation
from ..templating import template_path
from . import Job

# Characters that mean something inside a line of CommonMark/GFM; data never starts a line.
SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: object) -> str:
    """Markdown-escape data text; white space runs become one space (one line per item)."""
    flat = " ".join(str(text).split())
    return SPECIAL.sub(r"\\\1", flat)


def quoted(text: str) -> str:
    return escape(quotation(text))


SUFFIX = ".md"


def render(brief: Brief, job: Job) -> bytes:
    """The Markdown brief. Notes name their seed file as text, and the sources link to the
    articles' URLs: a link relative to the output folder breaks once the brief is e-mailed."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    path = template_path(job.root.resolve(), "brief.md.j2")
    env = Environment(
        loader=FileSystemLoader(str(path.parent)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(e=escape, quoted=quoted, long_date=long_date)

    env.globals.update(
        # the list of sources says outlet, title, date and link once; a note names the number
        number=brief.source_numbers,
        # markers parted by a comma: side by side they read as one number ("1617")
        refs=lambda notes: ",".join(f"[^{n.number}]" for n in notes),
        mark=lambda cited: f" {SINGLE_OUTLET}" if cited.outlets == 1 else "",
        single_mark=SINGLE_OUTLET,
        no_meetings=NO_MEETINGS,
        passed=PASSED,
        disputed=DISPUTED,
        translated=TRANSLATED,
    )
    text = env.get_template(path.name).render(brief=brief)
    return re.sub(r"\n{3,}", "\n\n", text).encode("utf-8")
