"""Typed values read from a YAML tree, every problem collected with a hint that acts.

A `Reader` is mkdocs' config options in small: each accessor either returns the value,
typed, or records a diagnostic naming the key, what was expected and what was found, and
raises `Invalid` so that the record it belongs to is skipped while the rest is still read.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Callable, TypeVar

from .model import Diagnostic, Where
from .yamltree import Map, Node, Scalar, Seq

T = TypeVar("T")

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# Word cannot hold C0 controls (but tab and newline), lone surrogates or U+FFFE/FFFF.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Invalid(Exception):
    """A field's value cannot be used; the diagnostic is already recorded."""


class Reader:
    """Collects diagnostics while typed values are read from a YAML tree (mkdocs-style options)."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def error(self, where: Where, code: str, message: str, hint: str) -> None:
        self.diagnostics.append(Diagnostic(where, code, "error", message, hint))

    def fields(
        self, node: Node, path: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Node]:
        """The fields of a mapping; unknown and missing fields are reported."""
        if not isinstance(node, Map):
            self.error(
                node.where, "wrong-type", f"{path}: expected a mapping (key: value lines), found {describe(node)}",
                f"write the fields of {path} as `key: value` lines",
            )
            raise Invalid
        known = required + optional
        for key in node.items:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else "valid fields: " + ", ".join(known)
                self.error(node.key_where[key], "unknown-field", f"{path}: unknown field {key!r}", hint)
        missing = [k for k in required if k not in node.items]
        for key in missing:
            self.error(
                node.where, "missing-field", f"{path}: missing required field {key!r}",
                f"add `{key}:` to {path} (see FORMAT.md)",
            )
        if missing:
            raise Invalid
        return {k: v for k, v in node.items.items() if k in known}

    def text(self, node: Node, path: str) -> str:
        """A non-empty one-piece text, exactly as typed (so `yes` stays "yes")."""
        if not isinstance(node, Scalar) or node.is_null:
            self.error(
                node.where, "wrong-type", f"{path}: expected text, found {describe(node)}",
                f'write the text after `{leaf(path)}:`, in quotes if it contains ": " or starts with a symbol',
            )
            raise Invalid
        value = node.value.strip()
        if not value:
            self.error(node.where, "wrong-type", f"{path}: expected text, found an empty string", "write the text")
            raise Invalid
        bad = FORBIDDEN.search(value)
        if bad:
            self.error(
                node.where, "bad-character",
                f"{path}: contains the control character U+{ord(bad.group()):04X}, which Word cannot hold",
                "delete the character (often pasted from Word or a PDF) and type the text again",
            )
            raise Invalid
        return value

    def slug(self, node: Node, path: str) -> str:
        value = self.text(node, path)
        if not SLUG.match(value):
            suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "source-1"
            self.error(
                node.where, "invalid-value",
                f"{path}: {value!r} is not a valid id (lowercase letters, digits and '-', starting with a letter or digit)",
                f"write `{leaf(path)}: {suggestion}`",
            )
            raise Invalid
        return value

    def date(self, node: Node, path: str) -> dt.date:
        value = self.text(node, path)
        if ISO_DATE.match(value):
            try:
                day = dt.date.fromisoformat(value)
                if day.year > 9998:
                    raise ValueError("the year must be at most 9998")
                return day
            except ValueError as exc:
                self.error(node.where, "invalid-date", f"{path}: {value!r} is not a real date ({exc})",
                           "write an existing date as YYYY-MM-DD")
                raise Invalid from None
        self.error(
            node.where, "invalid-date", f"{path}: expected an ISO date YYYY-MM-DD, found {value!r}",
            f"write `{leaf(path)}: {guess_iso(value) or 'YYYY-MM-DD'}`",
        )
        raise Invalid

    def items(self, node: Node, path: str, read: Callable[[Node, str], T], *, non_empty: bool = False,
              salvage: Callable[[Node], None] = lambda node: None) -> tuple[T, ...]:
        """A list whose bad items are reported and skipped (`salvage` keeps what they still tell)."""
        if not isinstance(node, Seq):
            self.error(
                node.where, "wrong-type", f"{path}: expected a list, found {describe(node)}",
                f"write each item of {leaf(path)} on its own line starting with `- `",
            )
            raise Invalid
        if non_empty and not node.items:
            self.error(node.where, "wrong-type", f"{path}: expected at least one item, found an empty list",
                       f"add at least one item to {leaf(path)}")
            raise Invalid
        result = []
        for index, item in enumerate(node.items):
            try:
                result.append(read(item, f"{path}[{index}]"))
            except Invalid:
                salvage(item)
        if non_empty and not result:
            raise Invalid
        return tuple(result)

    def texts(self, node: Node, path: str) -> tuple[str, ...]:
        return self.items(node, path, self.text)


def scalar_texts(node: Node, *keys: str) -> list[str]:
    """The plain texts under `keys` of a mapping that could not be read whole."""
    found = []
    if isinstance(node, Map):
        for key in keys:
            value = node.items.get(key)
            values = value.items if isinstance(value, Seq) else [value]
            found += [v.value.strip() for v in values if isinstance(v, Scalar) and not v.is_null and v.value.strip()]
    return found


def describe(node: Node) -> str:
    """How a misplaced value looks to the officer, for 'expected X, found Y'."""
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    if node.is_null:
        return "nothing (null)"
    return f"{node.value!r}"


def leaf(path: str) -> str:
    return re.sub(r"\[\d+\]$", "", path).rsplit(".", 1)[-1]


def guess_iso(value: str) -> str | None:
    """`16/05/2024` or `16.05.2024` -> `2024-05-16`, when it is a real date."""
    match = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", value.strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def optional(reader: Callable[[Node, str], T], fields: dict[str, Node], key: str, path: str, default: T) -> T:
    node = fields.get(key)
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return default
    return reader(fields[key], f"{path}.{key}")


def positions(fields: dict[str, Node]) -> dict[str, Where]:
    return {key: node.where for key, node in fields.items()}
