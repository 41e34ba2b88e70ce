"""Authoring (add-source, new): what the command line's authoring commands do, as text to print.

They write only what an officer would type: a verbatim copy of the article, an entry
appended to the catalogue (the file's comments survive), and a new meeting file of
candidates marked `TODO`, which `check` refuses until each is settled.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import hashlib
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NoReturn

from . import languages
from .corpus import SourceText, text_of
from .load import load
from .reader import SLUG
from .model import Dossier
from .errors import Refused
from .snapshot import MEETING_SUFFIXES, SourceProblem, is_meeting
from .write import WriteError, write_all
from .yamltree import Map, Scalar, Seq, YamlProblem, parse

CATALOGUE = "seeds/sources.yaml"
# The language a script implies when nothing else is said (the region's press).
SCRIPT_LANGUAGE = {"Cyrillic": "ru", "Latin": "en"}


def fail(message: str, hint: str, code: int = 1) -> NoReturn:
    """Refuse: 1 for refused input, 2 for usage (the command line prints it)."""
    raise Refused(message, hint, code)


@contextmanager
def writing(what: str) -> Iterator[None]:
    """Writes into the repository: a read-only checkout or a full disk is a sentence, exit 2."""
    try:
        yield
    except OSError as exc:
        reasons = {errno.EROFS: "the file system is read-only", errno.ENOSPC: "the disk is full",
                   errno.EACCES: "permission denied"}
        reason = reasons.get(exc.errno or 0) or exc.strerror or str(exc)
        fail(f"cannot write {what}: {reason}", "work in a writable copy of the brief repository", 2)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def command(root: Path, text: str) -> str:
    """A command line to suggest, with --root when the officer gave one."""
    return f"briefgen {text}" + ("" if root == Path(".") else f" --root {root}")


# --- add-source ---------------------------------------------------------------------------------


def read_article(path: Path) -> tuple[bytes, str]:
    """The article's bytes and text: UTF-8 with at least one letter, or refused."""
    if not path.is_file():
        fail(f"{path} is not a file", "give the path of the article's .txt file", 2)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        fail(f"{path} is not UTF-8 (line {line}, byte 0x{raw[exc.start]:02x})",
             f"convert it first: iconv -f ENCODING -t UTF-8 {path} > article.txt (ENCODING: e.g. CP1251)")
    if languages.dominant_script(text) is None:
        fail(f"{path} holds no text", "save the article's text, one paragraph per line")
    return raw, text


def catalogue(root: Path) -> tuple[str, list[Map]]:
    """The catalogue's text and entries, refused when it cannot be read (fix it first)."""
    path = root / CATALOGUE
    try:
        text = path.read_bytes().decode("utf-8-sig") if path.exists() else ""  # line endings as they are
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {CATALOGUE}: {exc}", f"`{command(root, 'check')}` says what is wrong with it")
    try:
        node = parse(text, CATALOGUE)
    except YamlProblem as problem:
        fail(f"{problem.where}: {problem.message}", f"fix {CATALOGUE} first ({problem.hint})")
    if node is not None and not isinstance(node, Seq):
        fail(f"{CATALOGUE} is not a list of sources", "each entry starts with `- id:` (see FORMAT.md)")
    return text, [item for item in (node.items if node else []) if isinstance(item, Map)]


def entry_value(entry: Map, key: str) -> str | None:
    node = entry.items.get(key)
    return node.value if isinstance(node, Scalar) else None


def duplicate_of(seeds: Path, raw: bytes) -> Path | None:
    """The file of seeds/ with the same content (by SHA-256; only files of the same size are read)."""
    digest = hashlib.sha256(raw).digest()
    same_size = (p for p in sorted(seeds.iterdir()) if p.is_file() and p.stat().st_size == len(raw))
    return next((p for p in same_size if hashlib.sha256(p.read_bytes()).digest() == digest), None)


def seed_file(root: Path, article: Path, raw: bytes, entries: list[Map]) -> tuple[str, bool]:
    """The article's name in seeds/, and whether it must be copied there; a duplicate is refused.

    An article already saved in seeds/ but not catalogued is catalogued where it is."""
    seeds = root / "seeds"
    twin = duplicate_of(seeds, raw)
    if twin is None:
        return seed_name(seeds, article.name), True
    known = next((entry_value(e, "id") for e in entries if entry_value(e, "file") == twin.name), None)
    if known is None and twin.resolve() == article.resolve():
        return twin.name, False
    fail(f"{article} is already in seeds/ as {twin.name} (same content)",
         f"it is catalogued as {known!r}: cite that id, e.g. {command(root, f'new {known}')}" if known
         else f"catalogue it: {command(root, f'add-source seeds/{twin.name}')}")


def seed_name(seeds: Path, original: str) -> str:
    """The article's own name (as .txt) when free in seeds/, else with a suffix: `name-2.txt`."""
    stem = Path(original).stem if Path(original).suffix.lower() in (".txt", "") else Path(original).name
    name, number = f"{stem}.txt", 1
    while (seeds / name).exists():
        number += 1
        name = f"{stem}-{number}.txt"
    return name


def language_of(text: str, given: str | None) -> str:
    if given is not None:
        if given not in languages.ISO_639_1:
            fail(f"--language {given!r} is not an ISO 639-1 code", "write a two-letter code such as en or ru", 2)
        return given
    script = languages.dominant_script(text)
    only = [code for code, scripts in languages.EXPECTED_SCRIPTS.items() if scripts == {script}]
    found = SCRIPT_LANGUAGE.get(script or "") or (only[0] if len(only) == 1 else None)
    if found is None:
        fail(f"cannot tell the language of a text in {script} script", "give it: --language CODE (e.g. --language fa)", 2)
    return found


def source_id(given: str | None, outlet: str | None, published: dt.date | None, file: str,
              taken: dict[str, str | None]) -> str:
    """The given id, checked; else a slug of the outlet and month (`kazinform-2024-05`) or of the file name."""
    from . import scaffold
    if given is not None:
        if not SLUG.match(given):
            fail(f"--id {given!r} is not a valid id", f"use lowercase letters, digits and '-', e.g. --id {scaffold.slug(given) or 'source-1'}", 2)
        if given in taken:
            fail(f"--id {given!r} is taken by seeds/{taken[given]}", f"choose another, e.g. --id {given}-2", 2)
        return given
    base = scaffold.slug(re.sub(r"\(.*?\)", "", outlet or ""), 3)
    base = f"{base}-{published:%Y-%m}" if base and published else base
    base = base or scaffold.slug(Path(file).stem) or "source"
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}-{number}"
    return found


def entry_lines(sid: str, file: str, outlet: str | None, text: str, language: str,
                published: dt.date | None) -> list[str]:
    """The catalogue entry, candidates marked `TODO` (refused by `check` until confirmed):
    the title and the publication date the text suggests, the outlet when not given."""
    from . import scaffold
    lines = [f"- id: {sid}", f"  file: {scaffold.scalar(file)}"]
    if outlet:
        lines.append(f"  outlet: {scaffold.scalar(outlet)}")
    else:
        guess = scaffold.outlet_candidate(text)
        lines.append("  outlet: TODO who published it" + (f"  # candidate: {guess}" if guess else ""))
    title = scaffold.title_candidate(text)
    if title:
        lines.append(f"  title: {scaffold.scalar(title)}  # TODO confirm or edit: the article's first line")
    if published:
        lines.append(f"  published: {published.isoformat()}  # TODO confirm: the first date the text states")
    lines.append(f"  language: {language}")
    return lines


def appended(existing: str, lines: list[str], sid: str, count: int) -> str:
    """The text to append to the catalogue (in its line endings), proven to read back as one more entry."""
    eol = "\r\n" if "\r\n" in existing else "\n"
    gap = ("" if not existing or existing.endswith("\n") else eol) + (eol if count else "")
    addition = gap + eol.join(lines) + eol
    try:
        node = parse(existing + addition, CATALOGUE)
    except YamlProblem:
        node = None
    items = node.items if isinstance(node, Seq) else []
    if len(items) != count + 1 or not isinstance(items[-1], Map) or entry_value(items[-1], "id") != sid:
        fail(f"cannot append an entry to {CATALOGUE}: its list is not written as `- id: ...` lines from the first column",
             "write the entry by hand (see FORMAT.md), or rewrite the list in that form")
    return addition


def add_source(root: Path, file: Path, outlet: str | None, sid: str | None, language: str | None) -> list[str]:
    """Copy an article into seeds/ unchanged and append its entry to seeds/sources.yaml;
    what was done, and what to do next."""
    from . import scaffold
    raw, text = read_article(file)
    with writing("seeds/"):
        (root / "seeds").mkdir(exist_ok=True)
    existing, entries = catalogue(root)
    name, copy = seed_file(root, file, raw, entries)
    published = scaffold.published_date(text)
    taken = {sid_: entry_value(e, "file") for e in entries if (sid_ := entry_value(e, "id"))}
    new_id = source_id(sid, outlet, published, name, taken)
    lines = entry_lines(new_id, name, outlet, text, language_of(text, language), published)
    addition = appended(existing, lines, new_id, len(entries))
    with writing(f"seeds/{name}"):
        if copy:
            (root / "seeds" / name).write_bytes(raw)
    with writing(CATALOGUE), (root / CATALOGUE).open("a", encoding="utf-8", newline="") as out:
        out.write(addition)
    said = [f"copied {file} to seeds/{name}" if copy else f"seeds/{name} is already in place",
            f"appended to {CATALOGUE}:", *(f"  {line}" for line in lines)]
    if not outlet:
        said.append(f"then: write the outlet in {CATALOGUE} (the TODO), and confirm the candidates")
    return [*said, f"next: {command(root, f'new {new_id}')}"]


# --- new ----------------------------------------------------------------------------------------


def cited_texts(root: Path, dossier: Dossier, ids: list[str]) -> list[SourceText]:
    """The texts of the given sources, refused when an id is unknown or its file unreadable."""
    known = [s.id for s in dossier.sources]
    texts = []
    for sid in dict.fromkeys(ids):
        source = dossier.source(sid)
        if source is None:
            close = difflib.get_close_matches(sid, known, n=1)
            fail(f"no source {sid!r} in {CATALOGUE}",
                 f"did you mean {close[0]!r}?" if close else f"add the article first: {command(root, 'add-source FILE')}", 2)
        snapshot = dossier.snapshot
        assert snapshot is not None, "a dossier comes from load()"
        snapshot.read_seeds([source.file])
        text = text_of(source, snapshot.seed(source.file))
        if isinstance(text, SourceProblem):
            fail(f"{sid}: {text.message}", text.hint)
        texts.append(text)
    return texts


def new(root: Path, ids: list[str]) -> list[str]:
    """Write briefs/<date>-<place>-<slug>.yaml pre-filled from the sources, candidates marked
    TODO; what was written, and what to do next."""
    from . import scaffold, schema  # imported when used: other commands need not pay for them
    dossier = load(root)
    texts = cited_texts(root, dossier, ids)
    line = schema.modeline("meeting") if schema.path(root, "meeting").exists() else None
    draft = scaffold.draft(texts, dossier.settings.language, line)
    target = free_name(root / "briefs", draft.name, draft.text.split("\n")[1 if line else 0])
    with writing(f"briefs/{target.name}"):
        target.parent.mkdir(exist_ok=True)
        target.write_text(draft.text, encoding="utf-8")
    return [f"wrote briefs/{target.name}: {plural(draft.participants, 'participant')} and "
            f"{plural(draft.statements, 'statement')} to keep or delete, {plural(draft.todos, 'line')} marked TODO",
            f"next: edit it, then {command(root, 'check')} (it refuses the file while a TODO is left)"]


def free_name(briefs: Path, name: str, header: str) -> Path:
    """Where to write a scaffold: its name, or `name-2.yaml` ... when another meeting has it
    (two undated meetings in one place); refused when the file is this scaffold already,
    which its first line (`# Scaffold written by briefgen new <ids>`) tells."""
    stem, number, target = name.removesuffix(".yaml"), 1, briefs / name
    while target.exists():
        if header in target.read_text("utf-8", "replace").split("\n")[:3]:
            fail(f"briefs/{target.name} already exists", "edit it, or delete it to start again")
        number += 1
        target = briefs / f"{stem}-{number}.yaml"
    return target


# --- rename -------------------------------------------------------------------------------------

FOLLOWS_UP = r"^([ \t]*follows_up:[ \t]*)([\"']?){}\2([ \t]*(?:#[^\r\n]*)?)(\r?)$"


def meeting_id(given: str) -> str:
    """A meeting id from what the officer typed: the id, or the file's path (`briefs/x.yaml`);
    a path elsewhere is refused, not cut down to its last part."""
    path = Path(given)
    if len(path.parts) > 1 and path.parent != Path("briefs"):
        fail(f"{given!r} is not a meeting of briefs/", "give the meeting's id: its file name without .yaml", 2)
    return next((path.name[:-len(s)] for s in MEETING_SUFFIXES if path.name.endswith(s)), path.name)


def meeting_files(briefs: Path) -> list[Path]:
    """The meeting files of briefs/ (`.yaml` and `.yml`; not the settings), as `check` reads them."""
    return sorted(p for p in briefs.iterdir() if p.is_file() and is_meeting(f"briefs/{p.name}")) if briefs.is_dir() else []


def rename(root: Path, old: str, new: str) -> list[str]:
    """Rename a meeting: move briefs/<old>.yaml (or .yml) to briefs/<new> with the same
    suffix and point every `follows_up: <old>` of the other meetings at the new id (the id
    is the file's stem, so a moved file without them would leave dangling links). Refused,
    changing nothing, when the meeting is missing (the settings file is none), the new id
    invalid or taken."""
    old_id, new_id = meeting_id(old), meeting_id(new)
    briefs = root / "briefs"
    files = meeting_files(briefs)
    source = next((p for p in files if p.stem == old_id), None)
    if source is None:
        known = [p.stem for p in files]
        close = [k for k in known if k.startswith(old_id)] or difflib.get_close_matches(old_id, known, n=1, cutoff=0.5)
        fail(f"no meeting briefs/{old_id}.yaml", f"did you mean {close[0]!r}?" if close else "give a meeting's id: its file name without .yaml", 2)
    if not SLUG.match(new_id) or new_id == "brief":
        fail(f"{new_id!r} is not a valid meeting id", "use lowercase letters, digits and '-', e.g. 2024-05-16-astana-secretaries", 2)
    target = briefs / f"{new_id}{source.suffix}"
    if any(p.stem == new_id for p in files) or target.exists():
        fail(f"briefs/{target.name} already exists", "choose another id, or delete that file first", 2)
    pattern = re.compile(FOLLOWS_UP.format(re.escape(old_id)), re.MULTILINE)
    edits = {}
    for path in files:
        raw = path.read_bytes()
        if path == source or old_id.encode() not in raw:
            continue
        bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        text = raw[len(bom):].decode("utf-8", "surrogateescape")  # bytes it cannot read go back as they were
        changed = pattern.sub(lambda m: f"{m[1]}{m[2]}{new_id}{m[2]}{m[3]}{m[4]}", text)
        if changed != text:
            edits[path] = bom + changed.encode("utf-8", "surrogateescape")
    try:  # the new file and the edited links replaced together; the old file goes last
        write_all({target: source.read_bytes(), **edits})
    except WriteError as exc:
        fail(f"cannot rename: {exc}", "work in a writable copy of the brief repository", 2)
    with writing(f"briefs/{source.name}"):
        source.unlink()
    return [f"renamed briefs/{source.name} to briefs/{target.name}",
            *(f"updated follows_up in briefs/{p.name}" for p in edits),
            f"next: {command(root, 'check')}"]
