"""Load a brief repository: YAML files -> typed records with positions, plus diagnostics.

A file that does not parse, or a record with a missing or malformed field, becomes a
diagnostic; every other file and record is still read, so one `check` reports all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, NamedTuple

from . import languages
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
from .reader import Invalid, Reader, optional, positions, scalar_texts
from .snapshot import CATALOGUE, SETTINGS, Snapshot
from .yamltree import Map, Node, Scalar, Seq, YamlProblem, parse

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
    values: dict[str, Any] = {}  # each field's reader gives its own type
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
        value = f.get(key)
        if value is None or (key not in MEETING_REQUIRED and isinstance(value, Scalar) and value.is_null):
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


def is_catalogue(entry: object) -> bool:
    """A (cached) entry of read_catalogue's shape."""
    return (isinstance(entry, tuple) and len(entry) == 4 and isinstance(entry[3], bool)
            and all(isinstance(s, Source) for s in entry[0]) and are_diagnostics(entry[1])
            and all(isinstance(i, str) for i in entry[2]))


def are_diagnostics(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(d, Diagnostic) for d in value)


def read_catalogue(snapshot: Snapshot) -> Catalogue:
    """The catalogue as the snapshot holds it (a missing one is one error: see Catalogue)."""
    if not snapshot.has(CATALOGUE):
        return Catalogue((), (Diagnostic(Where(CATALOGUE), "unreadable", "error", f"{CATALOGUE} is missing",
                                         "create it: a list of sources (see FORMAT.md); an empty file is an empty list"),),
                         (), False)
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


def is_loaded(entry: object) -> bool:
    """A (cached) entry of load_meeting's shape."""
    return (isinstance(entry, tuple) and len(entry) == 2 and (entry[0] is None or isinstance(entry[0], Meeting))
            and are_diagnostics(entry[1]))


Loaded = tuple[Meeting | None, tuple[Diagnostic, ...]]  # a meeting file's record and what is wrong with it


def dossier(snapshot: Snapshot, catalogue: Catalogue, loaded: list[Loaded]) -> Dossier:
    """The repository as read: settings, catalogue and each meeting file's record (in order)."""
    r = Reader()
    for folder, kind in snapshot.folders.items():
        if kind == "file":
            r.error(Where(folder), "unreadable", f"{folder} is a file, but briefgen expects a folder of that name",
                    f"rename the file and make a folder {folder}/ (see FORMAT.md)")
    settings = load_settings(r, snapshot)
    r.diagnostics.extend(catalogue.diagnostics)
    for _, diagnostics in loaded:
        r.diagnostics.extend(diagnostics)
    meetings = tuple(meeting for meeting, _ in loaded if meeting is not None)
    return Dossier(settings, catalogue.sources, meetings, tuple(r.diagnostics), snapshot.seed_names,
                   frozenset(catalogue.unread), catalogue.readable, snapshot)


def load(root: Path | Snapshot) -> Dossier:
    """Read the whole brief repository (a folder, or a snapshot of it), in this process."""
    snapshot = root if isinstance(root, Snapshot) else Snapshot.take(root)
    return dossier(snapshot, read_catalogue(snapshot), [load_meeting(snapshot, rel) for rel in snapshot.meetings])
