"""The review copy: the Word brief with a comment on every claim the check warned about,
for the officer who signs it off (never for distribution)."""

from __future__ import annotations

from ..assemble import Brief
from . import Job, docx

SUFFIX = "-review.docx"


def render(brief: Brief, job: Job) -> bytes:
    return docx.document(brief, job.moment, job.root, review=True)
