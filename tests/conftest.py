"""Shared helpers: copies of the example and shipped brief repositories, and the pipeline.

`tests/examples/base/` is a tiny brief repository written for the tests (two short
articles, one English and one Russian, about an invented meeting). The shipped data is
the repository's own `seeds/` and `briefs/`; tests never touch it, only copies of it.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.load import load
from briefgen.model import Diagnostic
from briefgen.verify import Verification, verify

@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory) -> None:
    """Keep the tests' cache entries out of the user's cache folder."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
EXAMPLES = TESTS / "examples"
BASE = EXAMPLES / "base"

# A meeting that checks clean against tests/examples/base (with every source cited).
MINIMAL = """\
title: Border commanders meet in Bishkek
date: 2024-05-14
location: Bishkek, Kyrgyzstan
cite:
  - source: border-en-2024
    quote: took place in Bishkek on 14 May 2024
  - source: border-ru-2024
    quote: прошла в Бишкеке 14 мая
    translation: took place in Bishkek on 14 May
summary: The border commanders met in Bishkek.
participants:
  - name: Almaz Temirov
    role: Head of the Border Service of Kyrgyzstan
    cite:
      - source: border-en-2024
        quote: Kyrgyz border service chief Almaz Temirov
"""


def copy_tree(source: Path, dest: Path) -> Path:
    """Copy a repository, keeping symbolic links as links (one example needs them)."""
    shutil.copytree(source, dest, symlinks=True)
    return dest


def add_templates(root: Path) -> Path:
    """Give a repository the project's templates/, as a real brief repository has."""
    shutil.copytree(ROOT / "templates", root / "templates", dirs_exist_ok=True)
    return root


def copy_base(dest: Path, meetings: dict[str, str] | None = None) -> Path:
    """A copy of tests/examples/base with the given meeting files added to briefs/."""
    copy_tree(BASE, dest)
    for name, text in (meetings or {}).items():
        (dest / "briefs" / name).write_text(text, encoding="utf-8")
    return dest


def copy_shipped(dest: Path) -> Path:
    """A copy of the shipped seeds/, briefs/ and templates/."""
    dest.mkdir(parents=True, exist_ok=True)
    for folder in ("seeds", "briefs", "templates"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


def build_shipped(dest: Path) -> Path:
    """`briefgen build --all` on a copy of the shipped data at `dest`; the briefs are in dest/out."""
    root = copy_shipped(dest)
    result = CliRunner().invoke(app, ["build", "--all", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root


def check(root: Path) -> Verification:
    """load + verify, as `briefgen check` runs them."""
    return verify(root, load(root))


def show(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> str:
    """Diagnostics as `briefgen check` prints them, for assertion messages."""
    return "\n".join(f"{d.where}: {d.severity}[{d.code}]: {d.message} | hint: {d.hint}" for d in diagnostics) or "(none)"


def codes(verification: Verification) -> set[str]:
    return {d.code for d in verification.diagnostics}


def find(verification: Verification, code: str) -> list[Diagnostic]:
    return [d for d in verification.diagnostics if d.code == code]


def docx_texts(path: Path) -> dict[str, list[str]]:
    """Every text of a .docx, by where it stands: body paragraphs, table cells, headers,
    and footnotes (should citations become real Word footnotes)."""
    import docx
    from lxml import etree

    document = docx.Document(str(path))
    body = [p.text for p in document.paragraphs]
    cells: list[str] = []

    def walk(tables) -> None:
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    cells.extend(p.text for p in cell.paragraphs)
                    walk(cell.tables)

    walk(document.tables)
    headers = [p.text for section in document.sections for p in section.header.paragraphs]
    footnotes: list[str] = []
    with zipfile.ZipFile(path) as archive:
        if "word/footnotes.xml" in archive.namelist():
            tree = etree.fromstring(archive.read("word/footnotes.xml"))
            ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
            for note in tree.findall("w:footnote", ns):
                footnotes.append("".join(note.itertext()))
    return {"body": body, "cells": cells, "headers": headers, "footnotes": footnotes}


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_texts(root) -> list[str]:
    """The text of each w:p under `root`: its w:t joined as Word shows them (runs touch)."""
    return ["".join(t.text or "" for t in p.iter(f"{W_NS}t")) for p in root.iter(f"{W_NS}p")]


def docx_footnotes(path: Path) -> list[str]:
    """Each footnote's text, in order, without Word's separator notes (those with a
    w:type), which hold no words of the brief."""
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    return [" ".join(_paragraph_texts(note)).strip() for note in root.iter(f"{W_NS}footnote")
            if note.get(f"{W_NS}type") is None]


def docx_word_counts(path: Path) -> tuple[int, int]:
    """Words of the body (word/document.xml) and of the footnotes, counted as Word's word
    count does: runs of characters between spaces. Issue #16 measures the notes' share so."""
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    words = [sum(len(text.split()) for text in texts) for texts in (_paragraph_texts(body), docx_footnotes(path))]
    return words[0], words[1]


def docx_all_text(path: Path) -> str:
    texts = docx_texts(path)
    return "\n".join(texts["body"] + texts["cells"] + texts["headers"] + texts["footnotes"])


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):
    """Run the CLI in-process; the result has exit_code, output (both streams), stdout, stderr."""

    def run(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, [str(a) for a in args], env=env)

    return run


@pytest.fixture
def base_repo(tmp_path: Path) -> Path:
    """tests/examples/base with MINIMAL as its only meeting, and templates/."""
    return add_templates(copy_base(tmp_path / "repo", {"2024-05-14-bishkek.yaml": MINIMAL}))


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    return copy_shipped(tmp_path / "shipped")
