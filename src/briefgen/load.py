"""Load a brief repository: YAML files -> typed records with positions, plus diagnostics.

A file that does not parse, or a record with a missing or malformed field, becomes a
diagnostic; every other file and record is still read, so one `check` reports all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Callable, NamedTuple, TypeVar

from . import languages
from .cache import Cache, digest
from .parallel import chunked_map
from .model import (
    Citation,
    Commitment,
    Diagnostic,
    Dossier,
    Meeting,
    Participant,
    Settings,
    Source,
    Statement,
    Where,
)
from .snapshot import CATALOGUE, SETTINGS, Snapshot
from .yamltree import Map, Node, Scalar, Seq, YamlProblem, parse

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
    if key not in fields or (isinstance(fields[key], Scalar) and fields[key].is_null):
        return default
    return reader(fields[key], f"{path}.{key}")


def positions(fields: dict[str, Node]) -> dict[str, Where]:
    return {key: node.where for key, node in fields.items()}


# --- records ---------------------------------------------------------------------------


def read_citation(r: Reader, node: Node, path: str) -> Citation:
    f = r.fields(node, path, ("source", "quote"), ("translation",))
    return Citation(
        pos=node.where,
        positions=positions(f),
        source=r.text(f["source"], f"{path}.source"),
        quote=r.text(f["quote"], f"{path}.quote"),
        translation=optional(r.text, f, "translation", path, None),
    )


def read_cite(r: Reader, node: Node, path: str) -> tuple[Citation, ...]:
    return r.items(node, path, lambda n, p: read_citation(r, n, p), non_empty=True)


def read_participant(r: Reader, node: Node, path: str) -> Participant:
    f = r.fields(node, path, ("name", "role", "cite"), ("country", "aliases", "titles"))
    return Participant(
        pos=node.where,
        positions=positions(f),
        name=r.text(f["name"], f"{path}.name"),
        role=r.text(f["role"], f"{path}.role"),
        cite=read_cite(r, f["cite"], f"{path}.cite"),
        country=optional(r.text, f, "country", path, None),
        aliases=optional(r.texts, f, "aliases", path, ()),
        titles=optional(r.texts, f, "titles", path, ()),
    )


def read_statement(r: Reader, node: Node, path: str) -> Statement:
    f = r.fields(node, path, ("speaker", "text", "cite"), ())
    return Statement(
        pos=node.where,
        positions=positions(f),
        speaker=r.text(f["speaker"], f"{path}.speaker"),
        text=r.text(f["text"], f"{path}.text"),
        cite=read_cite(r, f["cite"], f"{path}.cite"),
    )


STATUSES = ("open", "done")


def read_status(r: Reader, node: Node, path: str) -> str:
    value = r.text(node, path)
    if value not in STATUSES:
        r.error(node.where, "invalid-value", f"{path}: {value!r} is not a commitment status",
                "write `status: done` (with `done_cite:`) or `status: open`")
        raise Invalid
    return value


def read_commitment(r: Reader, node: Node, path: str) -> Commitment:
    f = r.fields(node, path, ("parties", "text", "cite"), ("due", "status", "done_cite"))
    commitment = Commitment(
        pos=node.where,
        positions=positions(f),
        parties=r.items(f["parties"], f"{path}.parties", r.text, non_empty=True),
        text=r.text(f["text"], f"{path}.text"),
        cite=read_cite(r, f["cite"], f"{path}.cite"),
        due=optional(r.date, f, "due", path, None),
        status=optional(lambda n, p: read_status(r, n, p), f, "status", path, "open"),
        done_cite=optional(lambda n, p: read_cite(r, n, p), f, "done_cite", path, ()),
    )
    if commitment.done and not commitment.done_cite:
        r.error(commitment.at("status"), "missing-field", f"{path}: `status: done` needs `done_cite`",
                "add `done_cite:` with a quote showing the commitment was fulfilled")
        raise Invalid
    return commitment


MEETING_REQUIRED = ("title", "date", "location", "cite", "summary", "participants")
MEETING_OPTIONAL = ("statements", "commitments", "tags", "series", "assessment", "location_aliases", "follows_up")


def read_meeting(r: Reader, node: Node, meeting_id: str, file: str) -> Meeting:
    path = "meeting"
    f = r.fields(node, path, MEETING_REQUIRED, MEETING_OPTIONAL)
    unread: list[str] = []  # names of participants whose records are reported as broken
    values: dict = {}
    readers: dict[str, Callable[[Node, str], object]] = {
        "title": r.text,
        "date": r.date,
        "location": r.text,
        "cite": lambda n, p: read_cite(r, n, p),
        "summary": r.text,
        "participants": lambda n, p: r.items(n, p, lambda m, q: read_participant(r, m, q), non_empty=True,
                                             salvage=lambda m: unread.extend(scalar_texts(m, "name", "aliases"))),
        "statements": lambda n, p: r.items(n, p, lambda m, q: read_statement(r, m, q)),
        "commitments": lambda n, p: r.items(n, p, lambda m, q: read_commitment(r, m, q)),
        "tags": r.texts,
        "series": r.text,
        "assessment": r.text,
        "location_aliases": r.texts,
        "follows_up": r.text,
    }
    failed = False
    for key, read in readers.items():
        if key not in f or (key not in MEETING_REQUIRED and isinstance(f[key], Scalar) and f[key].is_null):
            continue
        try:
            values[key] = read(f[key], key)
        except Invalid:
            failed = True
    if failed:
        raise Invalid
    return Meeting(pos=node.where, positions=positions(f), id=meeting_id, unread_names=tuple(unread), **values)


def read_source(r: Reader, node: Node, path: str) -> Source:
    f = r.fields(node, path, ("id", "file", "outlet", "language"), ("title", "published", "url"))
    language = r.text(f["language"], f"{path}.language")
    if language not in languages.ISO_639_1:
        r.error(
            f["language"].where, "invalid-value", f"{path}.language: {language!r} is not an ISO 639-1 code",
            "write a two-letter code such as `en` or `ru`",
        )
        raise Invalid
    return Source(
        pos=node.where,
        positions=positions(f),
        id=r.slug(f["id"], f"{path}.id"),
        file=r.text(f["file"], f"{path}.file"),
        outlet=r.text(f["outlet"], f"{path}.outlet"),
        language=language,
        title=optional(r.text, f, "title", path, None),
        published=optional(r.date, f, "published", path, None),
        url=optional(r.text, f, "url", path, None),
    )


def read_settings(r: Reader, node: Node, file: str) -> Settings:
    f = r.fields(node, "brief", (), ("title", "unit", "classification", "language"))
    values = {key: r.text(value, key) for key, value in f.items() if not (isinstance(value, Scalar) and value.is_null)}
    if "language" in values and values["language"] not in languages.ISO_639_1:
        r.error(f["language"].where, "invalid-value", f"language: {values['language']!r} is not an ISO 639-1 code",
                "write a two-letter code such as `en`")
        raise Invalid
    return Settings(pos=node.where, positions=positions(f), **values)


# --- files -----------------------------------------------------------------------------


def read_yaml(r: Reader, snapshot: Snapshot, rel: str, empty: Node | None = None) -> Node | None:
    """Parse one file as the snapshot read it, reporting why it cannot be read; None when it
    cannot. An empty file is `empty` where that means something (no sources, default
    settings), else reported."""
    try:
        raw = snapshot.read(rel)
    except IsADirectoryError:
        r.error(Where(rel), "unreadable", f"{rel} is a directory, expected a YAML file", "rename or remove it")
        return None
    except OSError as exc:
        r.error(Where(rel), "unreadable", f"cannot read {rel}: {exc.strerror}", "check the file's permissions")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        r.error(Where(rel, line), "encoding", f"{rel} is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                "save the file as UTF-8 in your editor")
        return None
    try:
        node = parse(text, rel)
    except YamlProblem as problem:
        r.error(problem.where, problem.code, problem.message, problem.hint)
        return None
    if node is None and empty is None:
        r.error(Where(rel), "yaml-syntax", f"{rel} is empty", "write the meeting's fields, or delete the file")
    return node if node is not None else empty


class Catalogue(NamedTuple):
    """seeds/sources.yaml as read: its entries, what is wrong with it, the ids of entries
    that could not be read, and whether it was a readable list at all (when not, its one
    error says so and no citation is reported as naming an unknown source)."""

    sources: tuple[Source, ...]
    diagnostics: tuple[Diagnostic, ...]
    unread: tuple[str, ...]
    readable: bool


def load_catalogue(snapshot: Snapshot, cache: Cache) -> Catalogue:
    """The catalogue, from the cache when its bytes are unchanged (an archive lists thousands)."""
    if not snapshot.has(CATALOGUE):
        return Catalogue((), (Diagnostic(Where(CATALOGUE), "unreadable", "error", f"{CATALOGUE} is missing",
                                         "create it: a list of sources (see FORMAT.md); an empty file is an empty list"),),
                         (), False)
    try:
        key = digest("sources", snapshot.read(CATALOGUE))
    except OSError:
        key = None  # read_yaml says why
    entry = cache.get("sources", key) if key else None
    if not _is_catalogue(entry):
        entry = tuple(read_catalogue(snapshot))
        if key:
            cache.put("sources", key, entry)
    return Catalogue(*entry)


def _is_catalogue(entry: object) -> bool:
    return (isinstance(entry, tuple) and len(entry) == 4 and isinstance(entry[3], bool)
            and all(isinstance(s, Source) for s in entry[0]) and _are_diagnostics(entry[1])
            and all(isinstance(i, str) for i in entry[2]))


def _are_diagnostics(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(d, Diagnostic) for d in value)


def read_catalogue(snapshot: Snapshot) -> Catalogue:
    r = Reader()
    unread: list[str] = []
    node = read_yaml(r, snapshot, CATALOGUE, empty=Seq([], Where(CATALOGUE)))
    sources: tuple[Source, ...] = ()
    readable = node is not None
    if node is not None:
        try:
            sources = r.items(node, "sources", lambda n, p: read_source(r, n, p),
                              salvage=lambda n: unread.extend(scalar_texts(n, "id")))
        except Invalid:
            readable = False
    return Catalogue(sources, tuple(r.diagnostics), tuple(unread), readable)


def load_settings(r: Reader, snapshot: Snapshot) -> Settings:
    if not snapshot.has(SETTINGS):
        return Settings(pos=Where(SETTINGS))
    node = read_yaml(r, snapshot, SETTINGS, empty=Map({}, Where(SETTINGS)))
    if node is None:
        return Settings(pos=Where(SETTINGS))
    try:
        return read_settings(r, node, SETTINGS)
    except Invalid:
        return Settings(pos=Where(SETTINGS))


def load_meeting(snapshot: Snapshot, rel: str) -> tuple[Meeting | None, tuple[Diagnostic, ...]]:
    """One meeting file: its record (None when unusable) and what is wrong with it."""
    r = Reader()
    node = read_yaml(r, snapshot, rel)
    meeting = None
    if node is not None:
        try:
            meeting = read_meeting(r, node, Path(rel).stem, rel)
        except Invalid:
            pass
    return meeting, tuple(r.diagnostics)


def _is_loaded(entry: object) -> bool:
    return (isinstance(entry, tuple) and len(entry) == 2 and (entry[0] is None or isinstance(entry[0], Meeting))
            and _are_diagnostics(entry[1]))


def load_meetings(r: Reader, snapshot: Snapshot, cache: Cache, tick: Callable[[], None],
                  contents: dict[str, str]) -> tuple[Meeting, ...]:
    """Every meeting file, each read from the cache when its bytes are unchanged; `contents`
    receives each file's content digest, so that later stages key on the bytes parsed.
    Many files left to parse are parsed on every core."""
    entries: dict[int, tuple] = {}
    todo: list[tuple[int, str, str | None]] = []
    for index, rel in enumerate(snapshot.meetings):
        try:
            key = contents[rel] = digest("load", rel, snapshot.read(rel))
        except OSError:
            key = None  # read_yaml says why
        entry = cache.get("load", key) if key else None
        if _is_loaded(entry):
            entries[index] = entry
            tick()
        else:
            todo.append((index, rel, key))
    for results in chunked_map(_load_chunk, todo, (snapshot, cache)):
        for index, entry in results:
            entries[index] = entry
            tick()
    meetings = []
    for index in sorted(entries):
        meeting, diagnostics = entries[index]
        r.diagnostics.extend(diagnostics)
        if meeting is not None:
            meetings.append(meeting)
    return tuple(meetings)


def _load_chunk(shared: tuple[Snapshot, Cache], items: list[tuple[int, str, str | None]]) -> list[tuple[int, tuple]]:
    """Parse some meeting files (in a worker, when there are many), keeping each in the cache."""
    snapshot, cache = shared
    done = []
    for index, rel, key in items:
        entry = load_meeting(snapshot, rel)
        if key:
            cache.put("load", key, entry)
        done.append((index, entry))
    return done


def load(root: Path | Snapshot, cache: Cache | None = None, tick: Callable[[], None] = lambda: None,
         catalogue: Catalogue | None = None) -> Dossier:
    """Read the whole brief repository (a folder, or the snapshot a check took of it);
    `tick` is called once per meeting file (progress)."""
    snapshot = root if isinstance(root, Snapshot) else Snapshot.take(root)
    cache = cache or Cache(None)
    r = Reader()
    for folder, kind in snapshot.folders.items():
        if kind == "file":
            r.error(Where(folder), "unreadable", f"{folder} is a file, but briefgen expects a folder of that name",
                    f"rename the file and make a folder {folder}/ (see FORMAT.md)")
    settings = load_settings(r, snapshot)
    catalogue = catalogue or load_catalogue(snapshot, cache)
    r.diagnostics.extend(catalogue.diagnostics)
    contents: dict[str, str] = {}
    meetings = load_meetings(r, snapshot, cache, tick, contents)
    return Dossier(settings, catalogue.sources, meetings, tuple(r.diagnostics), snapshot.seed_names,
                   frozenset(catalogue.unread), contents, catalogue.readable, snapshot)
