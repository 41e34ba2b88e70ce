"""The example folders, check-jsonschema style: adding a file adds a test.

- `examples/valid/*.yaml|*.yml`: a meeting that checks with no error and no warning when
  it is the only meeting in a copy of `examples/base/`.
- `examples/invalid/*.yaml|*.yml`: a meeting whose leading comment lines say what it
  must raise, one finding a line:

      # expect: error[quote-not-found] line 12
      # expect: warning[source-unused] seeds/sources.yaml line 9   (another file)
      # xfail: BUG what is wrong in src/ (optional: the example exposes a known bug)

- `examples/invalid/<name>/`: a whole mini repository (its own seeds/ and briefs/) for
  the catalogue-level codes, with `expect.txt` listing `error[code] path line` lines
  (and optionally `xfail: BUG ...`; `#` starts a comment).

The test asserts that a diagnostic with that severity, code, file and line exists.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen import checks

from conftest import BASE, EXAMPLES, add_templates, check, copy_base, copy_tree, show

INLINE = re.compile(r"#\s*expect:\s*(error|warning)\[([a-z0-9-]+)\]\s+(?:(\S+)\s+)?line\s+(\d+)\s*$")
LISTED = re.compile(r"(error|warning)\[([a-z0-9-]+)\]\s+(\S+)\s+(\d+)\s*$")
XFAIL = re.compile(r"(?:#\s*)?xfail:\s*(.+?)\s*$")

# Codes that no file can produce, so that no invalid example can show them. None today:
# every code of the registry, including `unreadable` (a folder named like a meeting file,
# or a missing seeds/sources.yaml) and `encoding` (a meeting saved as Windows-1251), is
# produced by an example below. Add a code here only with the reason it cannot be.
UNPRODUCIBLE: dict[str, str] = {
    "yaml-size": "needs a file of a million values (seconds to compose); test_load lowers the limit instead",
}


@dataclass(frozen=True)
class Expected:
    severity: str
    code: str
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}[{self.code}]"


@dataclass(frozen=True)
class Example:
    path: Path
    expected: tuple[Expected, ...]
    xfail: str | None

    @property
    def is_repository(self) -> bool:
        return self.path.is_dir()


def meeting_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))


def read_inline(path: Path) -> Example:
    """The `# expect:` lines of the leading comment block (read as bytes: some examples are
    deliberately not UTF-8)."""
    expected, xfail = [], None
    for raw in path.read_bytes().decode("latin-1").splitlines():
        line = raw.lstrip("\ufeff").strip()
        if not line.startswith("#"):
            break
        if match := INLINE.match(line):
            severity, code, file, number = match.groups()
            expected.append(Expected(severity, code, file or f"briefs/{path.name}", int(number)))
        elif match := XFAIL.match(line.lstrip("# ")):
            xfail = match.group(1)
    return Example(path, tuple(expected), xfail)


def read_listed(folder: Path) -> Example:
    expected, xfail = [], None
    for raw in (folder / "expect.txt").read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if match := XFAIL.match(line):
            xfail = match.group(1)
        elif match := LISTED.match(line):
            severity, code, file, number = match.groups()
            expected.append(Expected(severity, code, file, int(number)))
        else:
            raise ValueError(f"{folder}/expect.txt: cannot read {raw!r}")
    return Example(folder, tuple(expected), xfail)


VALID = meeting_files(EXAMPLES / "valid")
INVALID = [read_inline(p) for p in meeting_files(EXAMPLES / "invalid")] + [
    read_listed(p) for p in sorted((EXAMPLES / "invalid").iterdir()) if p.is_dir()
]


def param(example: Example):
    marks = [pytest.mark.xfail(reason=example.xfail, strict=True)] if example.xfail else []
    return pytest.param(example, id=example.path.name, marks=marks)


def place(example: Example, tmp_path: Path) -> Path:
    """The repository the example is checked in."""
    if example.is_repository:
        return copy_tree(example.path, tmp_path / "repo")
    root = copy_base(tmp_path / "repo")
    shutil.copyfile(example.path, root / "briefs" / example.path.name)
    return root


def test_examples_are_discovered() -> None:
    assert len(VALID) >= 3
    assert len(INVALID) >= len(checks.registry())
    for example in INVALID:
        assert example.expected, f"{example.path}: no `expect` line"


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_example_checks_clean(path: Path, tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo")
    shutil.copyfile(path, root / "briefs" / path.name)
    verification = check(root)
    assert verification.diagnostics == (), show(verification.diagnostics)


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_example_builds_under_strict(path: Path, tmp_path: Path, invoke) -> None:
    root = add_templates(copy_base(tmp_path / "repo"))
    shutil.copyfile(path, root / "briefs" / path.name)
    strict = invoke("check", "--strict", "--root", root)
    assert strict.exit_code == 0, strict.output
    assert "0 errors, 0 warnings" in strict.output
    result = invoke("build", "--all", "--root", root)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (root / "out").iterdir()) == ["brief-all.docx", "brief-all.md"]


@pytest.mark.parametrize("example", [param(e) for e in INVALID])
def test_invalid_example_raises_what_it_expects(example: Example, tmp_path: Path) -> None:
    verification = check(place(example, tmp_path))
    found = {(d.severity, d.code, d.where.file, d.where.line) for d in verification.diagnostics}
    missing = [e for e in example.expected if (e.severity, e.code, e.file, e.line) not in found]
    assert not missing, (
        f"expected {', '.join(map(str, missing))}\nfound:\n{show(verification.diagnostics)}"
    )


def test_every_code_has_an_invalid_example() -> None:
    """Each code of the registry is shown by an example that passes (not an xfail one)."""
    shown = {e.code for example in INVALID if not example.xfail for e in example.expected}
    registry = set(checks.registry())
    missing = registry - shown - set(UNPRODUCIBLE)
    assert not missing, f"codes without an invalid example: {sorted(missing)}"
    assert set(UNPRODUCIBLE) <= registry


def test_expected_codes_exist() -> None:
    """An example naming a code that does not exist would test nothing."""
    unknown = {e.code for example in INVALID for e in example.expected} - set(checks.registry())
    assert not unknown


def test_invalid_examples_fail_check_through_the_cli(tmp_path: Path, invoke) -> None:
    """Every single-file invalid example with an error makes `check` exit 1 and name it."""
    for example in INVALID:
        if example.is_repository or example.xfail:
            continue
        root = place(example, tmp_path / example.path.stem)
        result = invoke("check", "--root", root)
        errors = [e for e in example.expected if e.severity == "error"]
        assert result.exit_code == (1 if errors else 0), f"{example.path.name}\n{result.output}"
        for e in example.expected:
            assert f"{e.file}:{e.line}:" in result.output and f"{e.severity}[{e.code}]" in result.output


def test_base_alone_has_only_unused_sources(tmp_path: Path) -> None:
    """The base repository is sound: with no meeting, each source is merely unused."""
    verification = check(copy_base(tmp_path / "repo"))
    assert [(d.code, d.where.file, d.where.line) for d in verification.diagnostics] == [
        ("source-unused", "seeds/sources.yaml", 2),
        ("source-unused", "seeds/sources.yaml", 9),
    ], show(verification.diagnostics)
    assert BASE.joinpath("briefs", "brief.yaml").is_file()
