"""Output formats for diagnostics: `text` for people, `json` and `sarif` for machines."""

from __future__ import annotations

from typing import Callable, Sequence

from ..model import Diagnostic
from . import json as json_format
from . import sarif as sarif_format
from . import text as text_format

FORMATS: dict[str, Callable[[Sequence[Diagnostic]], str]] = {
    "text": text_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
}
