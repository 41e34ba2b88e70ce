"""The incremental cache: same findings as a fresh check, never stale, never trusted when corrupt."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from briefgen.cache import Cache, digest, for_repository
from briefgen.cli import run_checks

from conftest import copy_shipped


def findings(root: Path, use_cache: bool) -> list:
    return [(d.where, d.code, d.message) for d in run_checks(root, use_cache)[1].diagnostics]


def entries(root: Path) -> list[Path]:
    directory = for_repository(root, True).directory
    return [p for p in directory.rglob("*") if p.is_file()] if directory.exists() else []


def test_cached_check_reports_exactly_what_a_fresh_check_does(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "repo")
    fresh = findings(root, use_cache=False)
    assert not entries(root), "--no-cache keeps nothing"
    first = findings(root, use_cache=True)
    assert entries(root), "a cached check keeps its work"
    second = findings(root, use_cache=True)
    assert fresh == first == second


def test_an_edit_is_seen_and_only_the_edited_meeting_is_checked_again(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "repo")
    findings(root, use_cache=True)
    path = root / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml"
    path.write_text(path.read_text("utf-8").replace("transboundary in nature", "cross-border in nature"), "utf-8")
    cache = for_repository(root, True)
    from briefgen.load import load
    from briefgen.verify import verify

    verification = verify(root, load(root, cache), cache)
    assert any(d.code == "quote-not-found" and d.where.file.endswith(path.name) for d in verification.diagnostics)
    assert cache.misses == 2, "the edited file is read and checked again (one load, one verify entry)"
    assert cache.hits == 5, "the catalogue and the two other meetings come from the cache"


def test_a_changed_source_invalidates_the_meetings_citing_it(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "repo")
    findings(root, use_cache=True)
    seed = root / "seeds" / "004_989405a0cc2211a9.txt"
    seed.write_text(seed.read_text("utf-8").replace("convened in Tashkent", "convened in Dushanbe"), "utf-8")
    codes = {d[1] for d in findings(root, use_cache=True)}
    assert {"quote-not-found", "source-conflict"} <= codes


def test_a_corrupt_entry_is_detected_and_rebuilt(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "repo")
    expected = findings(root, use_cache=True)
    for entry in entries(root):
        entry.write_bytes(entry.read_bytes()[:-7] + b"garbage")
    assert findings(root, use_cache=True) == expected
    assert findings(root, use_cache=True) == expected


def test_a_planted_entry_cannot_run_code(tmp_path: Path) -> None:
    class Planted:
        def __reduce__(self):
            return (exec, ("raise SystemExit('planted code ran')",))

    cache = Cache(tmp_path / "cache")
    cache.put("load", "k" * 64, Planted())
    assert cache.get("load", "k" * 64) is None
    assert not list((tmp_path / "cache").rglob("k" * 64)), "the refused entry is deleted"
    assert pickle.dumps(1)  # the standard pickle is untouched


def test_keys_depend_on_every_ingredient() -> None:
    assert digest("a", "b") != digest("ab")
    assert digest("a", b"b") == digest("a", "b")


def test_no_progress_bar_when_output_is_not_a_terminal(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    result = invoke("check", "--root", str(root))
    assert "reading summaries" not in result.output and "━" not in result.output


def test_loading_and_checking_over_several_processes_finds_the_same(tmp_path: Path, monkeypatch) -> None:
    from briefgen import load as load_module

    root = copy_shipped(tmp_path / "repo")
    monkeypatch.setenv("BRIEFGEN_WORKERS", "1")
    serial = findings(root, use_cache=False)
    meetings = load_module.load(root).meetings
    monkeypatch.setenv("BRIEFGEN_WORKERS", "2")
    monkeypatch.setattr("briefgen.parallel.MINIMUM", 1)
    monkeypatch.setattr("briefgen.parallel.CHUNK", 1)
    assert load_module.load(root).meetings == meetings
    assert findings(root, use_cache=False) == serial
    assert findings(root, use_cache=True) == serial and entries(root), "the workers fill the cache"
    assert findings(root, use_cache=True) == serial


def test_a_repeated_check_with_nothing_changed_says_the_same_and_sees_any_change(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    first = invoke("check", "--root", str(root))
    again = invoke("check", "--root", str(root))
    assert (first.exit_code, first.stdout) == (again.exit_code, again.stdout) == (0, first.stdout)
    seed = root / "seeds" / "003_d3d4d4c83b83724b.txt"
    seed.write_text(seed.read_text("utf-8").replace("transboundary in nature", "cross-border in nature"), "utf-8")
    changed = invoke("check", "--root", str(root))
    assert changed.exit_code == 1 and "error[quote-not-found]" in changed.stdout
    assert invoke("check", "--root", str(root), "--strict").exit_code == 1


def test_a_build_after_an_unchanged_check_recalls_its_findings_and_writes_the_same_brief(
        tmp_path: Path, invoke, monkeypatch) -> None:
    import briefgen.cli

    root = copy_shipped(tmp_path / "repo")
    env = {"SOURCE_DATE_EPOCH": "1715817600"}
    fresh, recalled = tmp_path / "fresh", tmp_path / "recalled"
    assert invoke("build", "--root", root, "--all", "--review", "--out", fresh, "--no-cache", env=env).exit_code == 0
    assert invoke("check", "--root", root).exit_code == 0
    monkeypatch.setattr(briefgen.cli, "verify", lambda *args, **kwargs: pytest.fail("checked every meeting again"))
    result = invoke("build", "--root", root, "--all", "--review", "--out", recalled, env=env)
    assert result.exit_code == 0, result.output
    assert "source-conflict" in result.stderr, "the recalled warnings are still shown"
    names = sorted(p.name for p in fresh.iterdir())
    assert names == sorted(p.name for p in recalled.iterdir()) and len(names) == 3
    for name in names:
        assert (fresh / name).read_bytes() == (recalled / name).read_bytes(), name


def test_recalled_evidence_reads_only_the_sources_the_brief_cites(shipped: Path, monkeypatch) -> None:
    from briefgen import verify as verifying
    from briefgen.load import load

    dossier = load(shipped)
    checked = verifying.verify(shipped, dossier)
    read: list[str] = []
    original = verifying.read_source
    monkeypatch.setattr(verifying, "read_source", lambda seeds, source: read.append(source.id) or original(seeds, source))
    recalled = verifying.recall(shipped, dossier, checked.diagnostics)
    assert recalled.diagnostics == checked.diagnostics and not read
    tashkent = next(m for m in dossier.meetings if m.city == "Tashkent")
    for citation in tashkent.citations():
        assert recalled.evidence[citation.pos] == checked.evidence[citation.pos]
    assert set(read) == {c.source for c in tashkent.citations()}
    for _, citation in dossier.citations():
        assert (citation.pos in recalled.evidence) == (citation.pos in checked.evidence)
        if citation.pos in checked.evidence:
            assert recalled.evidence[citation.pos] == checked.evidence[citation.pos]


def test_an_edited_catalogue_is_read_again(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "repo")
    assert "language-mismatch" not in {d[1] for d in findings(root, use_cache=True)}
    catalogue = root / "seeds" / "sources.yaml"
    catalogue.write_text(catalogue.read_text("utf-8").replace("language: ru", "language: en"), "utf-8")
    assert "language-mismatch" in {d[1] for d in findings(root, use_cache=True)}


def test_a_source_changed_under_recalled_findings_is_checked_again(tmp_path: Path, invoke, monkeypatch) -> None:
    """Saved between the fingerprint and the reading of a cited source: the build checks afresh."""
    from briefgen import verify as verifying

    root = copy_shipped(tmp_path / "repo")
    assert invoke("check", "--root", root).exit_code == 0
    original = verifying.read_source

    def saved_meanwhile(seeds, source):
        text = original(seeds, source)
        return verifying.SourceText(source, text.text.replace("Tashkent", "Samarkand"))

    monkeypatch.setattr(verifying, "read_source", saved_meanwhile)
    out = tmp_path / "out"
    result = invoke("build", "--root", root, "--all", "--out", out)
    assert "is no longer found in its source: checking every summary again" in result.stderr
    assert result.exit_code == 1 and "error[quote-not-found]" in result.stderr, result.output
    assert not out.exists()


def test_the_fingerprint_sees_where_a_link_leads(tmp_path: Path) -> None:
    from briefgen.load import fingerprint

    root = copy_shipped(tmp_path / "repo")
    seed = root / "seeds" / "004_989405a0cc2211a9.txt"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / seed.name).write_bytes(seed.read_bytes())
    seed.unlink()
    (tmp_path / "lib").symlink_to(tmp_path / "a")
    seed.symlink_to(Path("..") / ".." / "lib" / seed.name)
    before = fingerprint(root)
    (tmp_path / "lib").unlink()
    (tmp_path / "lib").symlink_to(tmp_path / "b")
    assert fingerprint(root) != before, "same bytes, same link text, another target"
