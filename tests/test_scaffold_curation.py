"""The scaffold against a careful curation (issue 17): `briefgen new` on the shipped
articles and on the article sets of tests/scaffold_sets/, each candidate kept or dropped
as tests/scaffold_sets/curation.yaml records. Most candidates are kept (at least 80% of
all offered), no person is offered twice, and no one from another meeting is offered.
`pytest tests/test_scaffold_curation.py -s` prints the table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.scaffold.people import same_person

from conftest import ROOT

SETS = Path(__file__).parent / "scaffold_sets"
CURATION: dict[str, dict[str, list[str]]] = yaml.safe_load((SETS / "curation.yaml").read_text("utf-8"))
KEPT_AT_LEAST = 0.8


def seeds_of(name: str) -> Path:
    return ROOT / "seeds" if name.startswith("shipped-") else SETS / name / "seeds"


def scaffold(name: str, root: Path, invoke) -> dict:
    """The meeting file `briefgen new` writes for the set, read as YAML."""
    shutil.copytree(seeds_of(name), root / "seeds")
    (root / "briefs").mkdir()
    result = invoke("new", *CURATION[name]["ids"], "--root", root)
    assert result.exit_code == 0, result.output
    [path] = (root / "briefs").glob("*.yaml")
    return yaml.safe_load(path.read_text("utf-8"))


def quotes(item: dict) -> list[str]:
    return [str(c["quote"]) for c in item.get("cite") or []]


def tally(name: str, drafted: dict) -> tuple[int, int]:
    """(kept, offered) by the recorded curation; every recorded line must name exactly one
    candidate, so that the record cannot go stale unnoticed."""
    record = CURATION[name]
    people = [str(p["name"]) for p in drafted.get("participants") or []]
    statements = [" | ".join(quotes(s)) for s in drafted.get("statements") or []]
    assert sorted(people) == sorted(record["participants"]), f"{name}: participants offered"
    for words in [*record["statements"], *record.get("dropped", [])]:
        matching = [s for s in statements if words in s]
        assert len(matching) == 1, f"{name}: {words!r} names {len(matching)} candidates of\n" + "\n".join(statements)
    assert len(record["statements"]) + len(record.get("dropped", [])) == len(statements), \
        f"{name}: candidates the record does not judge:\n" + "\n".join(
            s for s in statements if not any(w in s for w in [*record["statements"], *record.get("dropped", [])]))
    return len(people) + len(record["statements"]), len(people) + len(statements)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Every set's scaffold, written once for the module's tests."""
    runner = CliRunner()
    invoke = lambda *args: runner.invoke(app, [str(a) for a in args])  # noqa: E731
    return {name: scaffold(name, tmp_path_factory.mktemp(name) / "repo", invoke) for name in CURATION}


@pytest.mark.parametrize("name", CURATION)
def test_each_candidate_is_judged_and_each_person_offered_once(name: str, drafted) -> None:
    tally(name, drafted[name])
    people = [p for p in drafted[name].get("participants") or []]
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            assert not same_person(a["name"], b["name"]), f"{a['name']} and {b['name']} are one person"


@pytest.mark.parametrize("name", [n for n in CURATION if CURATION[n].get("not_participants")])
def test_no_one_from_another_meeting(name: str, drafted) -> None:
    text = yaml.safe_dump(drafted[name], allow_unicode=True)
    for person in CURATION[name]["not_participants"]:
        assert f"name: {person}" not in text and f"speaker: {person}" not in text


def test_most_candidates_are_kept(drafted) -> None:
    rows = {name: tally(name, drafted[name]) for name in CURATION}
    kept, offered = map(sum, zip(*rows.values()))
    print("\n| set | kept | offered |\n|---|---:|---:|")
    for name, (k, o) in rows.items():
        print(f"| {name} | {k} | {o} |")
    print(f"| all | {kept} | {offered} ({kept / offered:.0%}) |")
    assert kept >= KEPT_AT_LEAST * offered
