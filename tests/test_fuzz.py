"""Fuzzing briefgen's front door: the loader, the verifier and `briefgen check` must never
raise, whatever the files hold.

Hypothesis generates

- YAML-ish text: fragments that matter to a YAML parser (indentation, tabs, `- `, `: `,
  quotes, brackets, anchors, aliases, tags, document markers, directives, BOMs, line
  separators, control characters, escapes) mixed with briefgen's field names, plausible
  values and arbitrary Unicode, written as UTF-8 (lone surrogates passed through, so
  ill-formed bytes occur too) or as raw bytes;
- structures: dicts, lists and scalars (text, numbers, booleans, null, dates) whose keys are
  the real field names mixed with junk, dumped with `yaml.safe_dump`;
- meeting-shaped documents: the required fields with plausible values (quotes cut from the
  real seed paragraphs, sometimes mangled; real and unknown source ids; dates anywhere in
  the calendar), randomly missing, retyped or joined by junk, so that the verifier's checks
  run on them and not only the loader's;
- catalogues: entries with real, missing, absolute, `..` and odd file names and languages.

and feeds them to `briefgen.load.load` (on a temporary brief repository holding the
shipped seeds), to `briefgen.verify.verify`, and to `briefgen check` through Typer's
CliRunner (with `--format json` too). Zero uncaught exceptions is the property; the
diagnostics must also be well formed (a known code, a severity, a file of the repository,
a line and column from 1).

Bounded for CI: 200 examples per test, no deadline, derandomized (the same examples every
run, no example database written). For a longer local run set BRIEFGEN_FUZZ_EXAMPLES,
e.g.

    BRIEFGEN_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -q tests/test_fuzz.py

and BRIEFGEN_FUZZ_SEED=<n> to explore other examples than the derandomized ones.

Inputs that are already known to crash briefgen are kept out of the generators, so that
the fuzzers look for new failures (each is a strict xfail in test_bad_inputs.py): nesting
deeper than a few dozen levels (no depth limit before composing), catalogue file names
longer than the file system allows, and symbolic-link loops.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, seed, settings
from hypothesis import strategies as st

from bad_inputs.harness import OUTPUTS, ROOT, assert_clean, invoke, no_traceback_anywhere
from briefgen import checks
from briefgen.load import load
from briefgen.verify import verify

EXAMPLES = int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "200"))
SEED = os.environ.get("BRIEFGEN_FUZZ_SEED")

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=SEED is None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                           HealthCheck.large_base_example],
)


def fuzz(test):
    test = FUZZ(test)
    return seed(int(SEED))(test) if SEED is not None else test


CODES = set(checks.registry())
MEETING = "briefs/2024-06-10-fuzz.yaml"

# --- the repository the fuzzers write into ---------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def no_traceback_in_this_module():
    yield
    no_traceback_anywhere()


@pytest.fixture(scope="module")
def repo():
    """The shipped seeds/ and briefs/brief.yaml; each example writes its files, then they are restored."""
    folder = Path(tempfile.mkdtemp(prefix="briefgen-fuzz-"))
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    (folder / "briefs").mkdir()
    shutil.copy(ROOT / "briefs" / "brief.yaml", folder / "briefs" / "brief.yaml")
    yield folder
    shutil.rmtree(folder)


class Written:
    """Write files into the repository for one example; put the originals back after it."""

    def __init__(self, root: Path, files: dict[str, bytes]) -> None:
        self.root, self.files, self.saved = root, files, {}

    def __enter__(self) -> Path:
        for rel, data in self.files.items():
            path = self.root / rel
            self.saved[rel] = path.read_bytes() if path.exists() else None
            path.write_bytes(data)
        return self.root

    def __exit__(self, *exc) -> None:
        for rel, data in self.saved.items():
            path = self.root / rel
            if data is None:
                path.unlink()
            else:
                path.write_bytes(data)


def evidence(dossier, verification) -> list:
    """Where each verified quote stands (computed on demand, as a brief asks for it)."""
    cited = [c.pos for m in dossier.meetings for c in m.citations()]
    return [verification.evidence[pos] for pos in cited if pos in verification.evidence]


def well_formed(diagnostics, root: Path) -> None:
    for d in diagnostics:
        assert d.code in CODES, d
        assert d.severity in ("error", "warning"), d
        assert d.where.line >= 1 and d.where.column >= 1, d
        assert d.where.file.startswith(("briefs/", "seeds/")), d
        assert d.message, d


# --- what the officer might write ---------------------------------------------------------------

CATALOGUE = yaml.safe_load((ROOT / "seeds" / "sources.yaml").read_text(encoding="utf-8"))
SOURCE_IDS = [entry["id"] for entry in CATALOGUE]
PARAGRAPHS = {
    entry["id"]: [line for line in (ROOT / "seeds" / entry["file"]).read_text(encoding="utf-8").split("\n") if line.strip()]
    for entry in CATALOGUE
}

MEETING_FIELDS = ["title", "date", "location", "cite", "summary", "participants", "statements", "commitments",
                  "tags", "series", "assessment", "location_aliases"]
RECORD_FIELDS = ["name", "role", "country", "aliases", "titles", "cite", "speaker", "text", "parties", "due",
                 "source", "quote", "translation"]
SOURCE_FIELDS = ["id", "file", "outlet", "title", "published", "language", "url"]
SETTINGS_FIELDS = ["title", "unit", "classification", "language"]
FIELDS = sorted(set(MEETING_FIELDS + RECORD_FIELDS + SOURCE_FIELDS + SETTINGS_FIELDS))
JUNK_KEYS = ["participnts", "quot", "<<", "", " ", "~", "null", "1", "true", "Title", "title ", "ü", "\u2028",
             "a: b", "- x", "#", "&a", "*a", "!tag", "\ud800"]

PLAUSIBLE = [
    "yes", "no", "on", "off", "null", "~", "1.0", "0x1A", "1e3", ".inf", ".nan", "2024-05-16", "2024-13-45",
    "16/05/2024", "2024-05-16T10:00:00", "0001-01-01", "9998-12-31", "Astana", "Astana, Kazakhstan",
    "Kassym-Jomart Tokayev", "Tokayev", "Токаев", "80%", "10 billion", "6th", "…", " ... ", "...", "",
    "Secretary of the Security Council of Kazakhstan Gizat Nurdauletov", "en", "ru", "kk", "english",
    *SOURCE_IDS, "kazinfrom-2024-05", "Tass 2024", "000_b426be16baa9258b.txt", "../briefs/brief.yaml",
    "/etc/passwd", "missing.txt", ".", "..", "sources.yaml", "a\\b.txt",
]

FRAGMENTS = [
    *(f"{name}: " for name in FIELDS), *(f"- {name}: " for name in FIELDS[:8]),
    "\n", "\n", "\n", "  ", "  ", "    ", " ", "\t", "- ", "-", ": ", ":", "? ", ",", ", ", "#", "# note\n",
    "'", '"', "''", '""', "[", "]", "[]", "{", "}", "{}", "|", "|-\n", ">", ">-\n", "|2\n",
    "&a ", "&b ", "*a", "*b", "*missing", "<<: *a", "!!python/object:os.system ", "!!python/name:os.system ",
    "!include ", "!!str ", "!!binary ", "!!map ", "!!set ", "!<tag:yaml.org,2002:str> ", "! ",
    "---\n", "--- ", "...\n", "%YAML 1.1\n", "%YAML 1.2\n", "%TAG ! tag:x,2024:\n", "%FOO\n",
    "\ufeff", "\u2028", "\u2029", "\x85", "\r", "\r\n", "\x00", "\x07", "\x1b", "\x7f", "\ufffe", "\u00ad",
    '"\\ud800"', '"\\x07"', '"\\u0000"', '"\\N"', '"\\"', "\\", "\ud800", "\udfff",
    "@", "`", "%", "!", "*", "&", "|", ">",
    *[p for p in PLAUSIBLE if p],
]


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


yamlish_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)
yamlish_bytes = st.one_of(yamlish_text.map(encode), yamlish_text.map(encode), st.binary(max_size=200))

# Scalars as YAML would type them, and text with everything a paste can bring.
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.dates(), st.datetimes(),
    st.sampled_from(PLAUSIBLE), st.text(max_size=30),
    st.text(st.characters(exclude_categories=()), max_size=10),  # surrogates and controls too
)
keys = st.one_of(st.sampled_from(FIELDS), st.sampled_from(JUNK_KEYS), st.text(max_size=8), st.integers(), st.booleans(),
                 st.none())
structures = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=7)),
    max_leaves=40,
)


# Text an officer would type: letters, digits, spaces and punctuation, never empty.
typed = st.text(st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=40).filter(str.strip)


@st.composite
def quotes(draw) -> tuple[str, str]:
    """(source id, quote): mostly a real slice of a real paragraph, sometimes mangled."""
    source = draw(st.sampled_from(SOURCE_IDS + ["kazinfrom-2024-05", "nowhere"]))
    paragraphs = PARAGRAPHS.get(source) or PARAGRAPHS[SOURCE_IDS[0]]
    paragraph = draw(st.sampled_from(paragraphs))
    words = paragraph.split(" ")
    start = draw(st.integers(0, len(words) - 1))
    end = draw(st.integers(start + 1, min(len(words), start + 30)))
    quote = " ".join(words[start:end])  # whole words: a quote never starts or ends inside a word
    mangle = draw(st.sampled_from(["none", "none", "none", "ellipsis", "upper", "word", "junk", "dots-only", "cut"]))
    if mangle == "cut" and len(quote) > 2:
        quote = quote[draw(st.integers(0, len(quote) // 2)):]
    if mangle == "ellipsis" and len(quote) > 10:
        cut = draw(st.integers(1, len(quote) - 1))
        quote = quote[:cut] + draw(st.sampled_from([" ... ", "…", "...", " … "])) + quote[cut:]
    elif mangle == "upper":
        quote = quote.upper()
    elif mangle == "word":
        quote = quote.replace(" ", " not ", 1)
    elif mangle == "junk":
        quote = draw(st.text(max_size=40))
    elif mangle == "dots-only":
        quote = draw(st.sampled_from(["...", "…", " ... ... ", "… …"]))
    return source, quote


@st.composite
def citation(draw) -> dict:
    source, quote = draw(quotes())
    item = {"source": source, "quote": quote}
    if draw(st.booleans()):
        item["translation"] = draw(st.one_of(typed, st.sampled_from(PLAUSIBLE)))
    return item


def cites():
    return st.lists(citation(), min_size=1, max_size=3)


names = st.one_of(st.sampled_from(["Kassym-Jomart Tokayev", "Tokayev", "Gizat Nurdauletov", "Marat Imankulov",
                                   "Shavkat Mirziyoyev", "Касым-Жомарт Токаев", "Ivan", "The President", "X Y Z W V U"]),
                  typed)
participant = st.fixed_dictionaries(
    {"name": names, "role": st.one_of(typed, st.sampled_from(PLAUSIBLE)), "cite": cites()},
    optional={"country": st.sampled_from(PLAUSIBLE), "aliases": st.lists(names, max_size=3),
              "titles": st.lists(names, max_size=2)},
)
statement = st.fixed_dictionaries({"speaker": names, "text": st.one_of(typed, st.sampled_from(PLAUSIBLE)),
                                   "cite": cites()})
commitment = st.fixed_dictionaries(
    {"parties": st.lists(names, min_size=1, max_size=3), "text": typed, "cite": cites()},
    optional={"due": st.one_of(st.dates(), st.sampled_from(PLAUSIBLE))},
)


@st.composite
def meetings(draw) -> object:
    """A meeting-shaped document: plausible fields, then a few random mutations."""
    meeting = {
        "title": draw(st.one_of(typed, st.sampled_from(PLAUSIBLE))),
        "date": draw(st.one_of(st.dates(), st.sampled_from(["2024-05-16", "2023-06-23", "2025-04-24"]),
                               st.sampled_from(PLAUSIBLE))),
        "location": draw(st.sampled_from(["Astana, Kazakhstan", "Almaty", "Tashkent, Uzbekistan", "Бишкек", "",
                                          "Astana, Kazakhstan, Earth", ",", "Nur-Sultan"])),
        "cite": draw(cites()),
        "summary": draw(st.one_of(typed, st.sampled_from(PLAUSIBLE))),
        "participants": draw(st.lists(participant, min_size=1, max_size=3)),
    }
    for field, strategy in (("statements", st.lists(statement, max_size=3)),
                            ("commitments", st.lists(commitment, max_size=2)),
                            ("tags", st.lists(typed, max_size=3)),
                            ("series", typed), ("assessment", st.one_of(typed, st.text(max_size=40))),
                            ("location_aliases", st.lists(names, max_size=2))):
        if draw(st.booleans()):
            meeting[field] = draw(strategy)
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2, 3]))):
        action = draw(st.sampled_from(["drop", "retype", "junk"]))
        field = draw(st.sampled_from(list(meeting) or ["title"]))
        if action == "drop":
            meeting.pop(field, None)
        elif action == "retype":
            meeting[field] = draw(structures)
        else:
            meeting[draw(keys)] = draw(structures)
    return meeting


def dump(document: object, unicode: bool = True) -> bytes:
    return encode(yaml.safe_dump(document, allow_unicode=unicode, sort_keys=False))


catalogue_entry = st.fixed_dictionaries(
    {
        "id": st.one_of(st.sampled_from(SOURCE_IDS), st.sampled_from(PLAUSIBLE), st.text(max_size=12)),
        "file": st.one_of(st.sampled_from([e["file"] for e in CATALOGUE]), st.sampled_from(PLAUSIBLE),
                          st.text(max_size=30)),  # file names short of the file system's limit
        "outlet": st.sampled_from(PLAUSIBLE),
        "language": st.sampled_from(["en", "ru", "kk", "de", "english", "", "EN", "zz"]),
    },
    optional={"published": st.one_of(st.dates(), st.sampled_from(PLAUSIBLE)), "title": st.text(max_size=20),
              "url": st.text(max_size=20)},
)
catalogues = st.one_of(
    st.lists(catalogue_entry, max_size=7),
    st.builds(lambda extra: CATALOGUE + extra, st.lists(catalogue_entry, max_size=3)),
    structures,
)


# --- the properties ------------------------------------------------------------------------------------


@fuzz
@given(target=st.sampled_from([MEETING, MEETING, "seeds/sources.yaml", "briefs/brief.yaml"]), data=yamlish_bytes)
def test_loader_survives_yamlish_text(repo: Path, target: str, data: bytes) -> None:
    with Written(repo, {target: data}) as root:
        dossier = load(root)
    well_formed(dossier.diagnostics, root)


@fuzz
@given(target=st.sampled_from([MEETING, "seeds/sources.yaml", "briefs/brief.yaml"]), document=structures,
       unicode=st.booleans())
def test_loader_survives_structures(repo: Path, target: str, document: object, unicode: bool) -> None:
    with Written(repo, {target: dump(document, unicode)}) as root:
        dossier = load(root)
    well_formed(dossier.diagnostics, root)


def test_verifier_survives_meetings(repo: Path) -> None:
    """Meeting-shaped documents through load and verify; and the generator does reach the
    verifier: some documents load, and some of their quotes are found in the seeds."""
    seen = {"loaded": 0, "quote found": 0}

    @fuzz
    @given(meeting=meetings(), unicode=st.booleans())
    def examples(meeting: object, unicode: bool) -> None:
        with Written(repo, {MEETING: dump(meeting, unicode)}) as root:
            dossier = load(root)
            verification = verify(root, dossier)
            found = evidence(dossier, verification)
        well_formed(verification.diagnostics, root)
        assert all(e.line >= 1 and 0 <= e.start < e.end for e in found)
        seen["loaded"] += bool(dossier.meetings)
        seen["quote found"] += bool(found)
        event("the meeting loaded" if dossier.meetings else "the loader refused the meeting")
        event("a quote was found in a seed" if found else "no quote found")

    examples()
    assert seen["loaded"] > 0 and seen["quote found"] > 0, seen


@fuzz
@given(catalogue=catalogues, meeting=meetings())
def test_verifier_survives_catalogues(repo: Path, catalogue: object, meeting: object) -> None:
    with Written(repo, {"seeds/sources.yaml": dump(catalogue), MEETING: dump(meeting)}) as root:
        verification = verify(root, load(root))
    well_formed(verification.diagnostics, root)


@fuzz
@given(data=st.one_of(yamlish_bytes, meetings().map(dump), structures.map(dump)),
       report=st.sampled_from(["text", "json", "sarif"]), strict=st.booleans())
def test_check_survives_anything(repo: Path, data: bytes, report: str, strict: bool) -> None:
    with Written(repo, {MEETING: data}) as root:
        run = invoke(["check", "--root", root, "--format", report, *(["--strict"] if strict else [])], root)
    assert_clean(run)
    assert run.exit_code in (0, 1), run.text
    if report == "text":
        return
    parsed = json.loads(run.stdout)
    if report == "json":
        levels = {d["severity"] for d in parsed}
    else:
        levels = {r["level"] for r in parsed["runs"][0]["results"]}
    assert run.exit_code == int("error" in levels or (strict and "warning" in levels)), run.text


def test_zz_no_traceback_in_any_output() -> None:
    assert OUTPUTS
    no_traceback_anywhere()
