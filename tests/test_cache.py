"""The incremental cache: same findings as a fresh check, never stale, never trusted when corrupt."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from briefgen import pipeline
from briefgen.cache import Cache, digest, for_repository

from conftest import copy_shipped


def findings(root: Path, use_cache: bool) -> list:
    return [(d.where, d.code, d.message) for d in pipeline.checked(root, use_cache)[1].diagnostics]


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
    run = pipeline.Run(root)
    verification = run.check()[1]
    assert any(d.code == "quote-not-found" and d.where.file.endswith(path.name) for d in verification.diagnostics)
    assert run.cache.misses == 3, "the last check is of other bytes; the edited file is read and checked again"
    assert run.cache.hits == 5, "the catalogue and the two other meetings come from the cache"


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

    cache = Cache(tmp_path / "cache", b"s" * 32)
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
    import briefgen.pipeline

    root = copy_shipped(tmp_path / "repo")
    env = {"SOURCE_DATE_EPOCH": "1715817600"}
    fresh, recalled = tmp_path / "fresh", tmp_path / "recalled"
    assert invoke("build", "--root", root, "--all", "--review", "--out", fresh, "--no-cache", env=env).exit_code == 0
    assert invoke("check", "--root", root).exit_code == 0
    monkeypatch.setattr(briefgen.pipeline.Run, "_verify", lambda *args, **kwargs: pytest.fail("checked every meeting again"))
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
    original = verifying.text_of
    monkeypatch.setattr(verifying, "text_of", lambda source, raw: read.append(source.id) or original(source, raw))
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


def test_the_key_sees_where_a_link_leads(tmp_path: Path) -> None:
    from briefgen.snapshot import Snapshot

    root = copy_shipped(tmp_path / "repo")
    seed = root / "seeds" / "004_989405a0cc2211a9.txt"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / seed.name).write_bytes(seed.read_bytes())
    seed.unlink()
    (tmp_path / "lib").symlink_to(tmp_path / "a")
    seed.symlink_to(Path("..") / ".." / "lib" / seed.name)

    def key() -> str:
        run = pipeline.Run(root)
        return run.key

    before = key()
    (tmp_path / "lib").unlink()
    (tmp_path / "lib").symlink_to(tmp_path / "b")
    assert key() != before, "same bytes, same link text, another target"


# --- a save during a check (issue 12): the bytes checked are the bytes keyed --------------------

TASHKENT = "briefs/2025-04-24-tashkent-intelligence-chiefs.yaml"


def falsify(root: Path) -> tuple[str, str]:
    """The Tashkent meeting placed in Samarkand: the correct text and the false one."""
    path = root / TASHKENT
    correct = path.read_text("utf-8")
    false = correct.replace("location: Tashkent, Uzbekistan", "location: Samarkand, Uzbekistan")
    assert false != correct
    return correct, false


def saving_during_the_check(monkeypatch, path: Path, text: str) -> None:
    """Every snapshot, once taken, is followed by the officer saving `text` (the check still runs)."""
    from briefgen.snapshot import Snapshot

    take = Snapshot.take.__func__

    def take_then_save(cls, root):
        snapshot = take(cls, root)
        path.write_text(text, "utf-8")
        return snapshot

    monkeypatch.setattr(Snapshot, "take", classmethod(take_then_save))


def test_a_save_during_a_check_never_poisons_the_cache(tmp_path: Path, monkeypatch) -> None:
    root = copy_shipped(tmp_path / "repo")
    path = root / TASHKENT
    correct, false = falsify(root)
    path.write_text(false, "utf-8")
    wrong = findings(root, use_cache=False)
    assert any(code == "location-not-cited" for _, code, _ in wrong)
    with monkeypatch.context() as patch:
        saving_during_the_check(patch, path, correct)
        assert findings(root, use_cache=True) == wrong, "the check judges the bytes it read"
    right = findings(root, use_cache=False)
    assert findings(root, use_cache=True) == right != wrong, "the saved correct text"
    path.write_text(false, "utf-8")  # undo, or git checkout
    assert findings(root, use_cache=True) == wrong
    with monkeypatch.context() as patch:  # the other way round: the correct text checked, a false one saved
        path.write_text(correct, "utf-8")
        saving_during_the_check(patch, path, false)
        assert findings(root, use_cache=True) == right
    assert findings(root, use_cache=True) == wrong
    path.write_text(correct, "utf-8")
    assert findings(root, use_cache=True) == right


def test_a_save_during_a_check_never_reaches_the_brief(tmp_path: Path, monkeypatch, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    path = root / TASHKENT
    correct, false = falsify(root)
    path.write_text(false, "utf-8")
    with monkeypatch.context() as patch:
        saving_during_the_check(patch, path, correct)
        assert invoke("check", "--root", root).exit_code == 1
    path.write_text(false, "utf-8")
    out = tmp_path / "out"
    built = invoke("build", "--root", root, "--all", "--out", out)
    assert built.exit_code == 1 and "error[location-not-cited]" in built.stderr, built.output
    assert not out.exists()


def test_a_file_rewritten_in_a_loop_is_judged_as_read(tmp_path: Path, monkeypatch) -> None:
    """Each read of the meeting file sees the other version (an editor saving in a loop):
    every verdict, cached or not, is --no-cache's verdict on the version that was read."""
    root = copy_shipped(tmp_path / "repo")
    path = root / TASHKENT
    correct, false = falsify(root)
    verdicts = {}
    for text in (correct, false):
        path.write_text(text, "utf-8")
        verdicts[text] = findings(root, use_cache=False)
    original = Path.read_bytes
    seen: list[str] = []

    def flipping(self: Path) -> bytes:
        data = original(self)
        if self == path:
            seen.append(data.decode("utf-8"))
            path.write_text(false if seen[-1] == correct else correct, "utf-8")
        return data

    monkeypatch.setattr(Path, "read_bytes", flipping)
    for _ in range(6):
        assert findings(root, use_cache=True) == verdicts[seen[-1]]
    assert set(seen) == {correct, false}


# --- planted, moved and undeletable entries ----------------------------------------------------


def test_a_planted_verdict_is_never_recalled(tmp_path: Path) -> None:
    """`()` stored as the repository's last check by someone without this user's secret."""
    from briefgen.cache import MAC

    root = copy_shipped(tmp_path / "repo")
    path = root / TASHKENT
    path.write_text(falsify(root)[1], "utf-8")
    wrong = findings(root, use_cache=True)
    run = pipeline.Run(root)
    planted = pickle.dumps((run.key, ()))
    (run.cache.directory / "last-check").write_bytes(b"\0" * MAC + planted)
    assert findings(root, use_cache=True) == wrong


def test_an_entry_of_the_wrong_shape_is_recomputed(tmp_path: Path) -> None:
    """A valid HMAC over a payload its reader does not expect (a planted or buggy store)."""
    root = copy_shipped(tmp_path / "repo")
    expected = findings(root, use_cache=True)
    run = pipeline.Run(root)
    for kind in ("load", "verify", "sources"):
        for entry in (run.cache.directory / kind).rglob("*"):
            if entry.is_file():
                run.cache.put(kind, entry.name, ("not", "a", "record"))
    run.cache.keep_check(run.key, ("not a finding",))
    assert findings(root, use_cache=True) == expected
    assert findings(root, use_cache=True) == expected


def test_an_entry_moved_to_another_key_is_refused(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", b"s" * 32)
    cache.put("load", "a" * 64, (None, ()))
    moved = tmp_path / "cache" / "load" / "bb" / ("b" * 64)
    moved.parent.mkdir(parents=True)
    moved.write_bytes((tmp_path / "cache" / "load" / "aa" / ("a" * 64)).read_bytes())
    assert cache.get("load", "a" * 64) == (None, ())
    assert cache.get("load", "b" * 64) is None


def test_an_undeletable_bad_entry_is_only_a_miss(tmp_path: Path, monkeypatch) -> None:
    root = copy_shipped(tmp_path / "repo")
    expected = findings(root, use_cache=True)
    for entry in entries(root):
        entry.write_bytes(b"garbage")

    def refuse(self, missing_ok=False):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "unlink", refuse)
    assert findings(root, use_cache=True) == expected


def test_another_users_secret_disables_the_cache(tmp_path: Path, monkeypatch, capsys) -> None:
    import os

    from briefgen import cache as caching

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(caching, "_warned", [])
    assert for_repository(tmp_path, True).directory is not None
    secret = tmp_path / "xdg" / "briefgen" / "secret"
    secret.chmod(0o644)
    assert for_repository(tmp_path, True).directory is None
    assert "is not this user's private file" in capsys.readouterr().err
    secret.chmod(0o600)
    (tmp_path / "xdg" / "briefgen").chmod(0o777)
    assert for_repository(tmp_path, True).directory is not None
    assert "writable by other users" in capsys.readouterr().err
    assert os.stat(secret).st_mode & 0o777 == 0o600


# --- a bounded cache ----------------------------------------------------------------------------


def test_the_cache_stays_under_its_cap_across_many_edits(tmp_path: Path, monkeypatch) -> None:
    """1,000 edit-and-check rounds (a new entry each), with a 1 MB cap: never over it."""
    from briefgen.cache import base_folder, size

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("BRIEFGEN_CACHE_MB", "1")
    cache = for_repository(tmp_path, True)
    payload = tuple(str(i) * 50 for i in range(40))  # about 4 kB an entry
    for edit in range(1_000):
        cache.put("verify", digest(str(edit)), payload)
        cache.trim()
        assert size(base_folder())[1] <= 2**20
    assert cache.get("verify", digest("999")) == payload, "the most recent entries stay"
    assert cache.get("verify", digest("0")) is None, "the least recently used went first"


def test_the_last_check_has_one_slot(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "repo")
    path = root / TASHKENT
    text = path.read_text("utf-8")
    for n in range(5):
        path.write_text(text + f"# edit {n}\n", "utf-8")
        findings(root, use_cache=True)
    assert [p.name for p in pipeline.Run(root).cache.directory.iterdir() if p.is_file()] == ["last-check"]


def test_a_stale_temporary_store_is_removed(tmp_path: Path, monkeypatch) -> None:
    import os

    from briefgen.cache import STALE_TEMP, trim

    old = tmp_path / "repo1" / "load" / "ab" / ".x.tmp"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"")
    os.utime(old, (0, 0))
    young = old.with_name(".y.tmp")
    young.write_bytes(b"")
    trim(tmp_path, 2**30)
    assert not old.exists() and young.exists(), f"older than {STALE_TEMP} s goes, a store in progress stays"


def test_cache_clear(tmp_path: Path, monkeypatch, invoke) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = copy_shipped(tmp_path / "repo")
    assert invoke("check", "--root", root).exit_code == 0
    assert entries(root)
    info = invoke("cache", "info")
    assert info.exit_code == 0 and str(tmp_path / "xdg" / "briefgen") in info.stdout, info.output
    cleared = invoke("cache", "clear")
    assert cleared.exit_code == 0 and "removed" in cleared.stdout, cleared.output
    assert not entries(root)
    assert invoke("check", "--root", root).exit_code == 0
