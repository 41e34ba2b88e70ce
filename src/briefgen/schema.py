"""JSON Schemas (draft 2020-12) of the three YAML formats, for editors and other tools.

One declaration, `RECORDS`, mirrors the fields `load.py` reads (a test holds the two
together); the schemas of `briefgen schema` and docs/schema/ are generated from it. The
schema is an editor's aid: it sees the shape of a file (fields, types, ids, dates,
language codes), never the sources, so `briefgen check` stays the proof.

Scalars are described as a YAML 1.2 editor reads them: `title: 2024` is a number there but
text for briefgen, which reads every scalar as typed, so text fields accept numbers and
booleans too. An optional field may be left empty (`url:`), which briefgen reads as absent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from .languages import ISO_639_1
from .reader import SLUG

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "docs/schema"
KINDS = ("meeting", "sources", "brief")
FLAT_LIST = re.compile(r"\[\n\s*([^\[\]{}]*?)\n\s*\]")  # JSON strings hold no raw line break

# Non-blank, and free of the control characters load.FORBIDDEN refuses (surrogates aside:
# JSON cannot carry them).
_FORBIDDEN = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff"
TEXT_PATTERN = f"^(?![\\s\\S]*[{_FORBIDDEN}])[\\s\\S]*\\S"

SCALARS: dict[str, dict[str, object]] = {
    "text": {"type": ["string", "number", "boolean"], "pattern": TEXT_PATTERN},
    "id": {"type": ["string", "integer"], "minimum": 0, "pattern": "^" + SLUG.pattern.removesuffix("\\Z") + "$"},
    "date": {"type": "string", "format": "date", "pattern": "^(?!9999)\\d{4}-\\d{2}-\\d{2}$"},  # load: year <= 9998
    "language": {"enum": sorted(ISO_639_1)},
    "file": {"type": "string", "pattern": "^(?!\\.\\.?$)[^/\\\\]+$"},
    "status": {"enum": ["open", "done"]},
}


@dataclass(frozen=True)
class Of:
    """A list of `item` (a scalar kind or a record's name) with at least `least` items."""

    item: str
    least: int = 0


@dataclass(frozen=True)
class Field:
    name: str
    kind: str | Of
    about: str
    required: bool = False
    default: str | None = None


@dataclass(frozen=True)
class Record:
    about: str
    fields: tuple[Field, ...]

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if not f.required)


def need(name: str, kind: str | Of, about: str) -> Field:
    return Field(name, kind, about, required=True)


def may(name: str, kind: str | Of, about: str, default: str | None = None) -> Field:
    return Field(name, kind, about, default=default)


CITE = "evidence: a non-empty list of quotes copied from the sources"

RECORDS: dict[str, Record] = {
    "citation": Record("One evidence item: a quote copied from a source.", (
        need("source", "id", "an id from seeds/sources.yaml"),
        need("quote", "text", "copied from the source, within one paragraph; ` ... ` skips text"),
        may("translation", "text", "required when the source's language is not the brief's"),
    )),
    "participant": Record("Someone who took part, as named by the sources.", (
        need("name", "text", "as the sources spell it"),
        need("role", "text", "office or function, e.g. Secretary of the Security Council of Kyrgyzstan"),
        need("cite", Of("citation", 1), CITE + " naming the participant"),
        may("country", "text", "the country the participant represents"),
        may("aliases", Of("text"), "other spellings and scripts of the name, e.g. Токаев"),
        may("titles", Of("text"), "briefgen extension: how articles refer to them by office, e.g. the Head of State"),
    )),
    "statement": Record("A key statement: who said it, in the analyst's words.", (
        need("speaker", "text", "a participant's name or alias"),
        need("text", "text", "the analyst's wording"),
        need("cite", Of("citation", 1), CITE + " reporting the statement"),
    )),
    "commitment": Record("A commitment or agreed action.", (
        need("parties", Of("text", 1), "countries, organisations or participants bound by it"),
        need("text", "text", "what was agreed"),
        need("cite", Of("citation", 1), CITE + " reporting the commitment"),
        may("due", "date", "ISO date by which it is due"),
        may("status", "status", "open, or done (with done_cite)", default="open"),
        may("done_cite", Of("citation", 1), "evidence that the commitment was fulfilled"),
    )),
    "meeting": Record("One meeting summary (briefs/<meeting>.yaml); the file stem is the meeting id.", (
        need("title", "text", "one line: the section heading"),
        need("date", "date", "ISO date YYYY-MM-DD of the meeting"),
        need("location", "text", "City or City, Country"),
        need("cite", Of("citation", 1), CITE + " giving the date and the place"),
        need("summary", "text", "the analyst's bottom line, 1-3 sentences"),
        need("participants", Of("participant", 1), "who took part, at least one"),
        may("statements", Of("statement"), "key statements"),
        may("commitments", Of("commitment"), "commitments and agreed actions"),
        may("tags", Of("text"), "topic words, e.g. terrorism"),
        may("series", "text", "a recurring format, to link meetings of the same series"),
        may("assessment", "text", "analyst comment, shown labelled as assessment"),
        may("location_aliases", Of("text"), "briefgen extension: other names of the place in the sources"),
        may("follows_up", "text", "the id of an earlier meeting this one continues"),
    )),
    "source": Record("One article of seeds/, catalogued.", (
        need("id", "id", "short slug used in citations, unique"),
        need("file", "file", "file name inside seeds/ (UTF-8 text)"),
        need("outlet", "text", "who published it, as staff would cite it"),
        need("language", "language", "ISO 639-1 code of the text's language"),
        may("title", "text", "headline"),
        may("published", "date", "ISO date of publication, when the text states it"),
        may("url", "text", "original address"),
    )),
    "settings": Record("Settings of the brief (briefs/brief.yaml), all optional.", (
        may("title", "text", "the brief's title", default="Weekly Brief"),
        may("unit", "text", "the issuing unit, shown under the title"),
        may("classification", "text", "the marking shown on every page", default="OFFICIAL"),
        may("language", "language", "the brief's language", default="en"),
    )),
}

ROOTS = {"meeting": "meeting", "sources": "source", "brief": "settings"}
TITLES = {
    "meeting": "briefgen meeting summary (briefs/<meeting>.yaml)",
    "sources": "briefgen source catalogue (seeds/sources.yaml)",
    "brief": "briefgen brief settings (briefs/brief.yaml)",
}


def kind_schema(kind: str | Of, nullable: bool) -> dict[str, object]:
    """The schema of one field's value; an optional field may also be left empty (null)."""
    if isinstance(kind, Of):
        items = dict(SCALARS[kind.item]) if kind.item in SCALARS else {"$ref": f"#/$defs/{kind.item}"}
        schema: dict[str, object] = {"type": ["array", "null"] if nullable else "array", "items": items}
        if kind.least:
            schema["minItems"] = kind.least
        return schema
    schema = dict(SCALARS[kind])
    if nullable and "enum" in schema:
        schema["enum"] = [*cast(list[str], schema["enum"]), None]
    elif nullable:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        schema["type"] = [*types, "null"]
    return schema


def record_schema(name: str) -> dict[str, object]:
    record = RECORDS[name]
    properties = {}
    for f in record.fields:
        properties[f.name] = {"description": f.about, **kind_schema(f.kind, not f.required)}
        if f.default is not None:
            properties[f.name]["default"] = f.default
    schema = {"type": "object", "description": record.about, "properties": properties,
              "additionalProperties": False}
    if record.required:
        schema["required"] = list(record.required)
    return schema


def used(name: str) -> list[str]:
    """The records a record refers to, itself first, each once."""
    found = [name]
    for f in RECORDS[name].fields:
        if isinstance(f.kind, Of) and f.kind.item in RECORDS:
            found += [r for r in used(f.kind.item) if r not in found]
    return found


def document(kind: str) -> dict[str, object]:
    """The JSON Schema of `kind` (meeting, sources or brief)."""
    root = ROOTS[kind]
    records = used(root)
    head = {"$schema": DRAFT, "title": TITLES[kind]}
    body: dict[str, object]
    if kind == "sources":
        body = {"description": "The catalogue: one entry per article of seeds/.", "type": "array",
                "items": {"$ref": f"#/$defs/{root}"}}
        defs = records
    else:
        body = record_schema(root)
        defs = records[1:]
    if defs:
        body["$defs"] = {name: record_schema(name) for name in defs}
    return head | body


def render(kind: str) -> str:
    """The schema as JSON text, lists of plain values kept on one line (the language codes)."""
    text = json.dumps(document(kind), indent=2, ensure_ascii=False)
    return FLAT_LIST.sub(lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",\n")) + "]", text) + "\n"


def path(root: Path, kind: str) -> Path:
    return root / FOLDER / f"{kind}.schema.json"


def write(root: Path) -> list[Path]:
    """Write every schema under docs/schema/; only files whose text changed are touched."""
    written = []
    for kind in KINDS:
        target = path(root, kind)
        text = render(kind)
        if not target.exists() or target.read_text("utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def modeline(kind: str, depth: int = 1) -> str:
    """The comment that points an editor (yaml-language-server) at the schema, from a file
    `depth` folders below the repository (briefs/, seeds/)."""
    return f"# yaml-language-server: $schema={'../' * depth}{FOLDER}/{kind}.schema.json"
