"""Authoring: the README walkthrough done non-interactively (add-source, new, edit, check,
build), then add-source's refusals and choices, the scaffold's candidates, and todo-left."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefgen import scaffold
from briefgen.checks import todo_left

from conftest import ROOT, check, copy_shipped, find, show

SEED = ROOT / "seeds" / "003_d3d4d4c83b83724b.txt"  # the 16 May 2024 Astana meeting, in English
MARKER = re.compile(r"\bTODO\b")


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A new brief repository: an empty catalogue and an empty briefs/."""
    root = tmp_path / "brief"
    (root / "seeds").mkdir(parents=True)
    (root / "briefs").mkdir()
    (root / "seeds" / "sources.yaml").write_text("", encoding="utf-8")
    return root


def officer_edit(text: str, date: str, summary: str) -> str:
    """What an officer does to a scaffold keeping every candidate: write the summary and the
    date, translate, delete the `# TODO` lines and comments, and the statements the sources
    give to no participant ("The sides stressed ...")."""
    lines: list[str] = []
    dropping = False
    for line in text.split("\n"):
        if line.startswith("  - "):  # a candidate: a statement whose speaker is no participant goes
            dropping = line.startswith("  - speaker: TODO")
        elif not line.startswith("    "):
            dropping = False
        if dropping or line.lstrip().startswith("# TODO"):
            continue
        line = re.sub(r"\s+# TODO.*$", "", line)
        if line.startswith("summary: TODO"):
            line = f"summary: {summary}"
        elif line.startswith("date: TODO"):
            line = f"date: {date}"
        line = re.sub(r"^(\s*)(translation|text|role): TODO .*", r"\1\2: English wording", line)
        lines.append(line)
    return "\n".join(lines)


def confirm_catalogue(root: Path) -> None:
    """What an officer does to the entries add-source appended: confirm each candidate,
    deleting its `# TODO` comment."""
    catalogue = root / "seeds" / "sources.yaml"
    catalogue.write_bytes(re.sub(rb"  # TODO[^\r\n]*", b"", catalogue.read_bytes()))


def only_meeting(root: Path) -> Path:
    [path] = [p for p in (root / "briefs").glob("*.yaml") if p.name != "brief.yaml"]
    return path


# --- the walkthrough --------------------------------------------------------------------------


def test_walkthrough_add_source_new_edit_check_build(fresh: Path, invoke) -> None:
    added = invoke("add-source", SEED, "--outlet", "Akorda.kz", "--root", fresh)
    assert added.exit_code == 0, added.output
    assert (fresh / "seeds" / SEED.name).read_bytes() == SEED.read_bytes()
    catalogue = (fresh / "seeds" / "sources.yaml").read_text("utf-8")
    assert "- id: akorda-kz\n" in catalogue and "  language: en\n" in catalogue
    assert f"  file: {SEED.name}\n" in catalogue and "  outlet: Akorda.kz\n" in catalogue
    assert "# TODO confirm or edit: the article's first line" in catalogue and "published:" not in catalogue  # no year in the text
    assert f"next: briefgen new akorda-kz --root {fresh}" in added.stdout

    created = invoke("new", "akorda-kz", "--root", fresh)
    assert created.exit_code == 0, created.output
    path = only_meeting(fresh)
    assert path.name.startswith("undated-astana-") and path.name in created.stdout
    scaffolded = path.read_text("utf-8")
    assert "summary: TODO write the bottom line" in scaffolded
    assert "date: TODO YYYY-05-16" in scaffolded  # 16 May, but the article never gives the year
    assert "location: Astana  # TODO" in scaffolded
    assert "quote: At a meeting in Astana on May 16," in scaffolded
    assert "quote: Afghanistan should be the focus of general attention." in scaffolded
    assert "  - name: Kassym-Jomart Tokayev  # TODO keep or delete" in scaffolded
    assert "quote: Kazakhstan's President, Kassym-Jomart Tokayev\n" in scaffolded

    refused = invoke("check", "--root", fresh)
    assert refused.exit_code == 1 and "error[todo-left]" in refused.stdout
    assert "source-unused" not in refused.stdout  # the scaffold cites it: its TODOs are what matter

    path.write_text(officer_edit(scaffolded, "2024-05-16", "Tokayev urged a common front against terrorism."),
                    encoding="utf-8")
    confirm_catalogue(fresh)
    checked = invoke("check", "--root", fresh)
    assert checked.exit_code == 0, checked.output
    assert "0 errors" in checked.stdout
    # the titles the article uses ("The president") are filled: no speaker-not-near on a correct statement
    assert set(re.findall(r"warning\[([a-z-]+)\]", checked.stdout)) <= {"year-not-cited"}

    built = invoke("build", "--all", "--root", fresh)
    assert built.exit_code == 0, built.output
    assert sorted(p.name for p in (fresh / "out").iterdir()) == ["brief-all.docx", "brief-all.md"]
    markdown = (fresh / "out" / "brief-all.md").read_text("utf-8")
    assert "Tokayev urged a common front against terrorism." in markdown and "Astana" in markdown


# --- add-source -------------------------------------------------------------------------------


def test_duplicate_is_refused_naming_the_existing_file(fresh: Path, invoke, tmp_path: Path) -> None:
    assert invoke("add-source", SEED, "--outlet", "Akorda.kz", "--root", fresh).exit_code == 0
    before = (fresh / "seeds" / "sources.yaml").read_text("utf-8")
    renamed = tmp_path / "same-article.txt"
    shutil.copyfile(SEED, renamed)
    for article in (SEED, renamed):
        result = invoke("add-source", article, "--root", fresh)
        assert result.exit_code == 1, result.output
        assert f"error: {article} is already in seeds/ as {SEED.name} (same content)" in result.stderr
        assert "  hint: it is catalogued as 'akorda-kz'" in result.stderr
        assert "Traceback" not in result.output
    assert (fresh / "seeds" / "sources.yaml").read_text("utf-8") == before
    assert sorted(p.name for p in (fresh / "seeds").iterdir()) == [SEED.name, "sources.yaml"]


def test_catalogue_is_appended_to_never_rewritten(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    before = (root / "seeds" / "sources.yaml").read_text("utf-8")
    article = tmp_path / "tass.txt"
    article.write_text("Встреча секретарей советов безопасности прошла в Бишкеке 14 мая 2024 года.\n", "utf-8")
    result = invoke("add-source", article, "--outlet", "ТАСС", "--root", root)
    assert result.exit_code == 0, result.output
    after = (root / "seeds" / "sources.yaml").read_text("utf-8")
    assert after.startswith(before)  # comments and layout survive
    added = after[len(before):]
    assert "- id: tass-2024-05\n" in added and "  language: ru\n" in added and "  file: tass.txt\n" in added
    assert "  published: 2024-05-14  # TODO confirm" in added
    assert {d.code for d in check(root).errors} == {"todo-left"}  # the candidates, until confirmed
    confirm_catalogue(root)
    assert not [d for d in check(root).errors], show(check(root).errors)


def test_article_already_in_seeds_is_catalogued_in_place(fresh: Path, invoke) -> None:
    inside = fresh / "seeds" / "saved.txt"
    shutil.copyfile(SEED, inside)
    result = invoke("add-source", inside, "--outlet", "Akorda.kz", "--root", fresh)
    assert result.exit_code == 0, result.output
    assert "seeds/saved.txt is already in place" in result.stdout
    assert sorted(p.name for p in (fresh / "seeds").iterdir()) == ["saved.txt", "sources.yaml"]
    assert "  file: saved.txt\n" in (fresh / "seeds" / "sources.yaml").read_text("utf-8")
    again = invoke("add-source", inside, "--root", fresh)
    assert again.exit_code == 1 and "catalogued as 'akorda-kz'" in again.stderr


def test_catalogue_line_endings_are_kept(fresh: Path, invoke) -> None:
    catalogue = fresh / "seeds" / "sources.yaml"
    catalogue.write_bytes(b"# Windows catalogue\r\n")
    assert invoke("add-source", SEED, "--outlet", "Akorda.kz", "--root", fresh).exit_code == 0
    raw = catalogue.read_bytes()
    assert raw.startswith(b"# Windows catalogue\r\n- id: akorda-kz\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    confirm_catalogue(fresh)
    assert not check(fresh).errors


def test_seed_name_kept_when_free_else_suffixed(fresh: Path, invoke, tmp_path: Path) -> None:
    for number, words in enumerate(("The first article, about a meeting.", "A second, different article."), 1):
        article = tmp_path / f"v{number}" / "report.txt"
        article.parent.mkdir()
        article.write_text(words + "\n", "utf-8")
        assert invoke("add-source", article, "--outlet", "Wire", "--root", fresh).exit_code == 0
    assert sorted(p.name for p in (fresh / "seeds").glob("*.txt")) == ["report-2.txt", "report.txt"]
    catalogue = (fresh / "seeds" / "sources.yaml").read_text("utf-8")
    assert "- id: wire\n" in catalogue and "- id: wire-2\n" in catalogue and "  file: report-2.txt\n" in catalogue


def test_language_from_the_script_unless_given(fresh: Path, invoke) -> None:
    russian = ROOT / "seeds" / "002_1578cfc18d0bb0f0.txt"
    result = invoke("add-source", russian, "--root", fresh)
    assert result.exit_code == 0, result.output
    catalogue = (fresh / "seeds" / "sources.yaml").read_text("utf-8")
    assert "  language: ru\n" in catalogue
    assert "  outlet: TODO who published it  # candidate: Sputnik\n" in catalogue  # no --outlet: a TODO
    assert "- id: 002-1578cfc18d0bb0f0\n" in catalogue  # no outlet: the id comes from the file name
    english = ROOT / "seeds" / "004_989405a0cc2211a9.txt"
    assert invoke("add-source", english, "--language", "kk", "--outlet", "Orda.kz", "--root", fresh).exit_code == 0
    assert "  language: kk\n" in (fresh / "seeds" / "sources.yaml").read_text("utf-8")


def test_outlet_todo_is_refused_by_check(fresh: Path, invoke) -> None:
    assert invoke("add-source", SEED, "--root", fresh).exit_code == 0
    outlet, title = find(check(fresh), "todo-left")
    assert (outlet.where.file, outlet.where.line, outlet.where.column) == ("seeds/sources.yaml", 3, 11)
    assert title.where.line == 4 and "title:" in title.message  # a title candidate is refused until confirmed


def test_id_from_outlet_and_stated_date(fresh: Path, invoke) -> None:
    nca = ROOT / "seeds" / "000_b426be16baa9258b.txt"
    result = invoke("add-source", nca, "--outlet", "nCa (news Central Asia)", "--root", fresh)
    assert result.exit_code == 0, result.output
    catalogue = (fresh / "seeds" / "sources.yaml").read_text("utf-8")
    assert "- id: nca-2023-06\n" in catalogue
    assert "  published: 2023-06-24  # TODO confirm: the first date the text states\n" in catalogue
    assert "next: briefgen new nca-2023-06" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--id", "Akorda 2024"], "--id 'Akorda 2024' is not a valid id"),
    (["--language", "english"], "--language 'english' is not an ISO 639-1 code"),
])
def test_usage_errors_exit_2(fresh: Path, invoke, args: list[str], message: str) -> None:
    result = invoke("add-source", SEED, *args, "--root", fresh)
    assert result.exit_code == 2, result.output
    assert f"error: {message}" in result.stderr and "  hint: " in result.stderr
    assert (fresh / "seeds" / "sources.yaml").read_text("utf-8") == ""
    assert not (fresh / "seeds" / SEED.name).exists()


def test_taken_id_and_missing_file_are_usage_errors(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    article = tmp_path / "new.txt"
    article.write_text("Another article.\n", "utf-8")
    taken = invoke("add-source", article, "--id", "akorda-2024-05", "--root", root)
    assert taken.exit_code == 2 and "is taken by seeds/003_d3d4d4c83b83724b.txt" in taken.stderr
    missing = invoke("add-source", tmp_path / "absent.txt", "--root", root)
    assert missing.exit_code == 2 and "error: " in missing.stderr and "Traceback" not in missing.output


def test_article_not_utf8_is_refused(fresh: Path, invoke, tmp_path: Path) -> None:
    article = tmp_path / "cp1251.txt"
    article.write_bytes("Встреча в Бишкеке".encode("cp1251"))
    result = invoke("add-source", article, "--root", fresh)
    assert result.exit_code == 1 and "is not UTF-8" in result.stderr and "iconv" in result.stderr


def test_catalogue_that_cannot_take_an_entry_is_left_alone(fresh: Path, invoke) -> None:
    (fresh / "seeds" / "sources.yaml").write_text("[]\n", "utf-8")
    result = invoke("add-source", SEED, "--outlet", "Akorda.kz", "--root", fresh)
    assert result.exit_code == 1 and "cannot append an entry" in result.stderr
    assert (fresh / "seeds" / "sources.yaml").read_text("utf-8") == "[]\n"
    assert not (fresh / "seeds" / SEED.name).exists()


# --- new ----------------------------------------------------------------------------------------

# Every shipped article alone, and the two pairs that report the same meeting.
MEETINGS = {
    ("nca-2023-06",): "2023", ("sputnik-2023-06",): "2023", ("kazinform-2024-05",): "2024",
    ("akorda-2024-05",): "2024", ("orda-2025-04",): "2025",
    ("nca-2023-06", "sputnik-2023-06"): "2023", ("kazinform-2024-05", "akorda-2024-05"): "2024",
}


@pytest.mark.parametrize("ids, year", MEETINGS.items(), ids=["+".join(k) for k in MEETINGS])
def test_scaffold_checks_once_its_todos_are_settled(ids: tuple[str, ...], year: str, tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    for path in (root / "briefs").glob("20*.yaml"):
        path.unlink()
    result = invoke("new", *ids, "--root", root)
    assert result.exit_code == 0, result.output
    path = only_meeting(root)
    text = path.read_text("utf-8")
    if ids == ("kazinform-2024-05",):  # its only dated sentence is of the summit to come, not this meeting
        assert "date: TODO YYYY-MM-DD  # no date found in the sources" in text
        return
    stated = re.search(r"^date: (?:TODO YYYY-(\d\d-\d\d)|(\d{4}-\d\d-\d\d))", text, re.MULTILINE)
    date = f"{year}-{stated[1]}" if stated[1] else stated[2]
    path.write_text(officer_edit(text, date, "The officials met."), encoding="utf-8")
    errors = check(root).errors
    assert not errors, show(errors) + "\n" + path.read_text("utf-8")


def test_foreign_source_gets_translation_todos(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    assert invoke("new", "sputnik-2023-06", "--root", root).exit_code == 0
    text = [p for p in (root / "briefs").glob("undated-*.yaml")][0].read_text("utf-8")
    quotes = len(re.findall(r"^\s*quote: ", text, re.MULTILINE))
    assert quotes and len(re.findall(r"^\s*translation: TODO your English wording", text, re.MULTILINE)) == quotes
    assert "name: Касым-Жомарт Токаев" in text and "quote: глава государства Касым-Жомарт Токаев" in text


def test_people_named_with_their_titles(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    assert invoke("new", "kazinform-2024-05", "orda-2025-04", "--root", root).exit_code == 0
    text = [p for p in (root / "briefs").glob("*.yaml") if p.stem not in {q.stem for q in (ROOT / "briefs").glob("*")}][0].read_text("utf-8")
    people = re.findall(r"- name: (.+?)  # TODO keep or delete\n    role: (.+)\n", text)
    assert ("Marat Imankulov", "Secretary of the Security Council of Kyrgyzstan") in people
    assert ("Shavkat Mirziyoyev", "Uzbek President") in people
    assert ("Annamyrat Yagmyrov", "Military attaché of the embassy of Turkmenistan in Kazakhstan") in people
    assert "quote: secretary of the Security Council of Kyrgyzstan Marat Imankulov\n" in text
    assert "quote: Uzbek President Shavkat Mirziyoyev\n" in text
    assert not re.search(r"name: .*(Goes|Makes|Developer)", text)  # the headlines name no one


def test_article_without_date_place_or_people_gets_todos_not_guesses(fresh: Path, invoke, tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("The weather was fine and the talks were friendly.\n", "utf-8")
    assert invoke("add-source", article, "--outlet", "Wire", "--root", fresh).exit_code == 0
    assert invoke("new", "wire", "--root", fresh).exit_code == 0
    text = only_meeting(fresh).read_text("utf-8")
    assert only_meeting(fresh).name == "undated-weather-was-fine.yaml"  # three words of the title
    for line in ("date: TODO YYYY-MM-DD", "location: TODO City, Country", "  - name: TODO who took part",
                 "    quote: TODO the sentence that gives the date and the place, copied from the source"):
        assert line in text
    result = invoke("check", "--root", fresh)
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_new_refuses_unknown_ids_and_existing_files(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    unknown = invoke("new", "akorda-2024", "--root", root)
    assert unknown.exit_code == 2 and "error: no source 'akorda-2024'" in unknown.stderr
    assert "did you mean 'akorda-2024-05'?" in unknown.stderr
    assert invoke("new", "orda-2025-04", "--root", root).exit_code == 0
    again = invoke("new", "orda-2025-04", "--root", root)
    assert again.exit_code == 1 and "already exists" in again.stderr


def test_another_meeting_of_the_same_draft_name_gets_a_suffix(fresh: Path, invoke, tmp_path: Path) -> None:
    for name, words in (("one", "The weather was fine and the talks were friendly."),
                        ("two", "The weather was fine and the dinner was long.")):
        article = tmp_path / f"{name}.txt"
        article.write_text(words + "\n", "utf-8")
        assert invoke("add-source", article, "--outlet", "Wire", "--id", name, "--root", fresh).exit_code == 0
    assert invoke("new", "one", "--root", fresh).exit_code == 0
    second = invoke("new", "two", "--root", fresh)
    assert second.exit_code == 0 and "wrote briefs/undated-weather-was-fine-2.yaml" in second.stdout
    assert invoke("new", "two", "--root", fresh).exit_code == 1  # that scaffold exists: refused, not a third


def test_scaffold_points_at_the_schema_when_the_repository_has_it(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    shutil.copytree(ROOT / "docs" / "schema", root / "docs" / "schema")
    assert invoke("new", "orda-2025-04", "--root", root).exit_code == 0
    [path] = (root / "briefs").glob("undated-*.yaml")
    assert path.read_text("utf-8").startswith("# yaml-language-server: $schema=../docs/schema/meeting.schema.json\n")


# --- todo-left ----------------------------------------------------------------------------------


def test_check_refuses_todo_markers_with_the_right_line(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    path = root / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml"
    lines = path.read_text("utf-8").split("\n")
    summary = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[summary] = "summary: TODO write the bottom line"
    while lines[summary + 1].startswith("  "):  # the folded summary's continuation lines
        del lines[summary + 1]
    name = next(i for i, line in enumerate(lines) if "- name: Marat Imankulov" in line)
    lines[name] += "  # TODO keep or delete"
    column = lines[name].index("TODO") + 1
    path.write_text("\n".join(lines), encoding="utf-8")
    result = invoke("check", "--root", root)
    assert result.exit_code == 1, result.output
    assert result.stdout.endswith("2 errors, 3 warnings\n")  # nothing but the two markers
    rel = "briefs/2024-05-16-astana-security-council-secretaries.yaml"
    assert f"{rel}:{summary + 1}:10: error[todo-left]: TODO left: summary: TODO write the bottom line" in result.stdout
    assert f"{rel}:{name + 1}:{column}: error[todo-left]: TODO left: - name: Marat Imankulov  # TODO keep or delete" in result.stdout
    hints = re.findall(r"error\[todo-left\].*\n  hint: (.*)", result.stdout)
    assert hints[0].startswith("replace `TODO ...`") and hints[1].startswith("do what the comment asks")


def test_todo_left_reads_files_that_do_not_load_but_not_broken_ones(base_repo: Path) -> None:
    (base_repo / "briefs" / "draft.yaml").write_text("title: x\ndate: TODO YYYY-05-14\n", "utf-8")
    (base_repo / "briefs" / "notes.yaml").write_text("# TODO: summarise the meeting\n", "utf-8")
    found = [(d.where.file, d.where.line, d.where.column) for d in find(check(base_repo), "todo-left")]
    assert found == [("briefs/draft.yaml", 2, 7)]


def test_todo_left_is_a_whole_word_marker() -> None:
    assert todo_left.MARKER.search("summary: TODO")
    assert not todo_left.MARKER.search("quote: Estamos todos aquí TODOS")


def test_scalar_reads_back_unchanged() -> None:
    import yaml

    for value in ("plain words", "He said: it is", "#hash", "- dash", "yes", "2024-05-16", '"quoted"', "Кто: он"):
        assert yaml.safe_load(f"k: {scaffold.scalar(value)}") == {"k": value}, value


# --- rename --------------------------------------------------------------------------------------


def test_rename_moves_the_meeting_and_its_follows_up_links(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    old, new = "2023-06-23-almaty-security-council-secretaries", "2023-06-23-almaty-secretaries-with-russia"
    later = root / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml"
    later.write_text(later.read_text("utf-8") + f"follows_up: {old}  # the format before\n", "utf-8")
    before = (root / "briefs" / f"{old}.yaml").read_bytes()
    result = invoke("rename", old, f"briefs/{new}.yaml", "--root", root)
    assert result.exit_code == 0, result.output
    assert not (root / "briefs" / f"{old}.yaml").exists()
    assert (root / "briefs" / f"{new}.yaml").read_bytes() == before
    assert f"follows_up: {new}  # the format before\n" in later.read_text("utf-8")
    assert f"updated follows_up in briefs/{later.name}" in result.stdout
    assert not check(root).errors, show(check(root).errors)


@pytest.mark.parametrize("old, new, message", [
    ("2023-06-23-almaty", "x", "did you mean '2023-06-23-almaty-security-council-secretaries'?"),
    ("2023-06-23-almaty-security-council-secretaries", "Bad Id", "is not a valid meeting id"),
    ("2023-06-23-almaty-security-council-secretaries", "2024-05-16-astana-security-council-secretaries",
     "already exists"),
    ("2023-06-23-almaty-security-council-secretaries", "../outside", "is not a meeting of briefs/"),
    ("../seeds/sources", "x", "is not a meeting of briefs/"),
    ("brief", "settings", "no meeting briefs/brief.yaml"),  # the settings are no meeting
])
def test_rename_refuses_and_changes_nothing(old: str, new: str, message: str, tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    files = {p: p.read_bytes() for p in (root / "briefs").iterdir()}
    result = invoke("rename", old, new, "--root", root)
    assert result.exit_code == 2 and message in result.output
    assert {p: p.read_bytes() for p in (root / "briefs").iterdir()} == files


def test_rename_a_yml_meeting_and_a_link_in_a_crlf_file(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    old = root / "briefs" / "2023-06-23-almaty-security-council-secretaries.yaml"
    old.rename(old.with_suffix(".yml"))
    later = root / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml"
    later.write_bytes(later.read_bytes().replace(b"\n", b"\r\n")
                      + b"follows_up: 2023-06-23-almaty-security-council-secretaries\r\n")
    result = invoke("rename", "2023-06-23-almaty-security-council-secretaries", "2023-06-23-almaty-with-russia",
                    "--root", root)
    assert result.exit_code == 0, result.output
    assert (root / "briefs" / "2023-06-23-almaty-with-russia.yml").is_file()
    assert later.read_bytes().endswith(b"follows_up: 2023-06-23-almaty-with-russia\r\n")
    assert not check(root).errors, show(check(root).errors)
