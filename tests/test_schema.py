"""The JSON Schemas: valid draft 2020-12, generated files up to date, one declaration that
mirrors the loader, every shipped file valid, and broken documents rejected."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefgen import load as loader
from briefgen import schema

from conftest import BASE, EXAMPLES, ROOT, copy_base


class StringDates(yaml.SafeLoader):
    """safe_load with dates left as the strings typed, as an editor's YAML 1.2 reader sees them."""


StringDates.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(path: Path):
    return yaml.load(path.read_text("utf-8-sig"), Loader=StringDates)


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema.document(kind))


def kind_of(path: Path) -> str:
    if path.name == "sources.yaml":
        return "sources"
    return "brief" if path.name == "brief.yaml" else "meeting"


SHIPPED = sorted((ROOT / "briefs").glob("*.yaml")) + [ROOT / "seeds" / "sources.yaml"]
VALID = sorted((EXAMPLES / "valid").glob("*.y*ml")) + [BASE / "seeds" / "sources.yaml", BASE / "briefs" / "brief.yaml"]


@pytest.mark.parametrize("kind", schema.KINDS)
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    document = schema.document(kind)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)


@pytest.mark.parametrize("kind", schema.KINDS)
def test_docs_schema_files_are_up_to_date(kind: str) -> None:
    assert schema.path(ROOT, kind).read_text("utf-8") == schema.render(kind), (
        "regenerate: briefgen schema --write")


def test_declaration_mirrors_the_loader(monkeypatch, tmp_path: Path) -> None:
    """The fields load.py asks for, record by record, are the fields schema.py declares."""
    asked: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    real = loader.Reader.fields
    records = {"meeting": "meeting", "brief": "settings", "sources": "source", "cite": "citation",
               "done_cite": "citation", "participants": "participant", "statements": "statement",
               "commitments": "commitment"}

    def spy(self, node, path, required, optional):
        record = records[re.sub(r"\[\d+\]$", "", path).rsplit(".", 1)[-1]]
        asked.setdefault(record, set()).add((tuple(required), tuple(optional)))
        return real(self, node, path, required, optional)

    monkeypatch.setattr(loader.Reader, "fields", spy)
    loader.load(ROOT)
    root = copy_base(tmp_path / "repo")
    (root / "briefs" / "full.yaml").write_text((EXAMPLES / "valid" / "full.yaml").read_text("utf-8"), "utf-8")
    loader.load(root)
    assert set(asked) == set(schema.RECORDS)
    for name, record in schema.RECORDS.items():
        assert asked[name] == {(record.required, record.optional)}, name


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_file_is_valid(path: Path) -> None:
    validator(kind_of(path)).validate(read(path))


@pytest.mark.parametrize("path", VALID, ids=[f"{p.parent.name}/{p.name}" for p in VALID])
def test_valid_example_is_valid(path: Path) -> None:
    validator(kind_of(path)).validate(read(path))


def test_text_typed_as_a_number_or_yes_is_valid_as_briefgen_reads_it() -> None:
    meeting = read(ROOT / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml")
    meeting["title"], meeting["series"] = 2024, True
    validator("meeting").validate(meeting)
    meeting["series"] = None  # an optional field left empty reads as absent
    validator("meeting").validate(meeting)


MEETING = read(ROOT / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml")
SOURCES = read(ROOT / "seeds" / "sources.yaml")


def broken(document, change) -> object:
    copied = copy.deepcopy(document)
    change(copied)
    return copied


INVALID = {
    "unknown field": ("meeting", broken(MEETING, lambda m: m.update(sumary="x"))),
    "missing summary": ("meeting", broken(MEETING, lambda m: m.pop("summary"))),
    "required field left empty": ("meeting", broken(MEETING, lambda m: m.update(summary=None))),
    "blank text": ("meeting", broken(MEETING, lambda m: m.update(title="   "))),
    "date not ISO": ("meeting", broken(MEETING, lambda m: m.update(date="16/05/2024"))),
    "year 9999": ("meeting", broken(MEETING, lambda m: m.update(date="9999-05-16"))),
    "participants as text": ("meeting", broken(MEETING, lambda m: m.update(participants="Tokayev"))),
    "no participant": ("meeting", broken(MEETING, lambda m: m.update(participants=[]))),
    "empty cite": ("meeting", broken(MEETING, lambda m: m["participants"][0].update(cite=[]))),
    "misspelt quote": ("meeting", broken(MEETING, lambda m: m["cite"][0].update(qoute=m["cite"][0].pop("quote")))),
    "control character": ("meeting", broken(MEETING, lambda m: m.update(summary="a\x07b"))),
    "bad status": ("meeting", broken(MEETING, lambda m: m.update(commitments=[
        {"parties": ["Kazakhstan"], "text": "x", "cite": m["cite"], "status": "finished"}]))),
    "catalogue as mapping": ("sources", {"id": "a", "file": "a.txt", "outlet": "A", "language": "en"}),
    "id not a slug": ("sources", broken(SOURCES, lambda s: s[0].update(id="Kazinform 2024"))),
    "language not ISO 639-1": ("sources", broken(SOURCES, lambda s: s[0].update(language="english"))),
    "file outside seeds": ("sources", broken(SOURCES, lambda s: s[0].update(file="../secret.txt"))),
    "settings unknown field": ("brief", {"title": "Brief", "colour": "red"}),
    "settings language": ("brief", {"language": "English"}),
}


@pytest.mark.parametrize("kind, document", INVALID.values(), ids=INVALID.keys())
def test_broken_document_is_rejected(kind: str, document) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validator(kind).validate(document)


@pytest.mark.parametrize("kind", schema.KINDS)
def test_schema_command_prints_the_schema(kind: str, invoke) -> None:
    result = invoke("schema", "--kind", kind)
    assert result.exit_code == 0, result.output
    assert result.stdout == schema.render(kind)


def test_schema_command_defaults_to_the_meeting_and_refuses_an_unknown_kind(invoke) -> None:
    assert invoke("schema").stdout == schema.render("meeting")
    result = invoke("schema", "--kind", "agenda")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_schema_write(tmp_path: Path, invoke) -> None:
    result = invoke("schema", "--write", "--root", tmp_path)
    assert result.exit_code == 0, result.output
    for kind in schema.KINDS:
        assert (tmp_path / "docs" / "schema" / f"{kind}.schema.json").read_text("utf-8") == schema.render(kind)
        assert f"wrote docs/schema/{kind}.schema.json" in result.stdout


MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_modeline_points_at_its_schema(path: Path) -> None:
    """A shipped file's schema comment is its first line and leads to the right schema."""
    lines = path.read_text("utf-8").splitlines()
    found = [i for i, line in enumerate(lines) if MODELINE.match(line)]
    assert found == [0], path
    if found:
        target = (path.parent / MODELINE.match(lines[0]).group(1)).resolve()
        assert target == schema.path(ROOT, kind_of(path)).resolve()
        assert lines[0] == schema.modeline(kind_of(path))
