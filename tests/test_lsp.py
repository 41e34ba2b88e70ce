"""`briefgen lsp` end to end: the real server as a subprocess over stdio, driven by
pytest-lsp's client, on a copy of the shipped repository; and its malformed-input cases.

Waits are hang guards (GUARD seconds), never speed targets: benchmarks/lsp.py measures speed.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Callable, Sequence

import pytest

pytest.importorskip("pygls")
import pytest_lsp  # noqa: E402
from lsprotocol import types  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from conftest import copy_shipped  # noqa: E402

GUARD = 60.0  # seconds: a cold whole check of the shipped data takes 0.4
ASTANA = "briefs/2024-05-16-astana-security-council-secretaries.yaml"
AKORDA = "seeds/003_d3d4d4c83b83724b.txt"
SERVER = [sys.executable, "-m", "briefgen", "lsp"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_shipped(tmp_path / "shipped")


class Buffer:
    """An open document as the editor holds it: its text and version."""

    def __init__(self, client: LanguageClient, path: Path) -> None:
        self.client, self.path, self.uri = client, path, from_fs_path(str(path)) or ""
        self.text, self.version = path.read_text(encoding="utf-8"), 1
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(self.uri, "yaml", self.version, self.text)))

    def change(self, text: str) -> None:
        self.text, self.version = text, self.version + 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(self.version, self.uri),
            [types.TextDocumentContentChangeWholeDocument(text)]))

    def save(self) -> None:
        self.path.write_text(self.text, encoding="utf-8")
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(self.uri)))

    def line_of(self, needle: str) -> int:
        return next(n for n, line in enumerate(self.text.split("\n")) if needle in line)

    def at(self, needle: str, after: str = "") -> types.Position:
        """The position just after `after` on the line holding `needle` (its start without)."""
        line = self.line_of(needle)
        text = self.text.split("\n")[line]
        return types.Position(line, text.index(after) + len(after) if after else text.index(needle))

    async def diagnostics(self, until: Callable[[Sequence[types.Diagnostic]], bool]) -> Sequence[types.Diagnostic]:
        """The diagnostics published for the buffer once they satisfy `until`."""
        async def wait() -> Sequence[types.Diagnostic]:
            while True:
                found = self.client.diagnostics.get(self.uri)
                if found is not None and until(found):
                    return found
                await asyncio.sleep(0.02)
        return await asyncio.wait_for(wait(), GUARD)


def codes(found: Sequence[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in found}


def applied(text: str, edits: Sequence[types.TextEdit]) -> str:
    """The text with the edits made (code points: the shipped meeting files are all in the BMP)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


WRONG = "Most modern challenges and threats are cross-border in nature"
RIGHT = "Most modern challenges and threats are transboundary in nature"


@pytest.mark.asyncio
async def test_open_change_save(client: LanguageClient, repo: Path) -> None:
    buffer = Buffer(client, repo / ASTANA)
    opened = await buffer.diagnostics(lambda found: "year-not-cited" in codes(found))
    assert [d.range.start.line for d in opened if d.code == "year-not-cited"] == [buffer.line_of("date: 2024-05-16")]

    buffer.change(buffer.text.replace(RIGHT, WRONG))  # unsaved: the buffer is checked, not the file
    changed = await buffer.diagnostics(lambda found: "quote-not-found" in codes(found))
    [wrong] = [d for d in changed if d.code == "quote-not-found"]
    assert wrong.range.start.line == buffer.line_of(WRONG)
    assert "'cross-border' where the source has 'transboundary'" in wrong.message
    assert "line 5, 94% similar" in wrong.message

    # a whole-repository check (unknown-meeting) shows only once the file is saved
    buffer.change(buffer.text.replace("summary: >-", "follows_up: 2099-01-01-nowhere\nsummary: >-"))
    typed = await buffer.diagnostics(lambda found: len(found) and found is not changed)
    assert "unknown-meeting" not in codes(typed)
    buffer.save()
    saved = await buffer.diagnostics(lambda found: "unknown-meeting" in codes(found))
    assert "quote-not-found" in codes(saved)


@pytest.mark.asyncio
async def test_hover_on_quotes(client: LanguageClient, repo: Path) -> None:
    buffer = Buffer(client, repo / ASTANA)
    buffer.change(buffer.text.replace(RIGHT, WRONG))
    await buffer.diagnostics(lambda found: "quote-not-found" in codes(found))

    found = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(buffer.uri), buffer.at("quote: Afghanistan should be the focus")))
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert "**News report citing Akorda.kz**" in found.contents.value
    assert f"`{AKORDA}` line 3" in found.contents.value
    assert '"Afghanistan should be the focus of general attention."' in found.contents.value

    near = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(buffer.uri), buffer.at(f"quote: {WRONG}")))
    assert near is not None and isinstance(near.contents, types.MarkupContent)
    assert "closest passage: line 5, 94% similar" in near.contents.value
    assert "quote has 'cross-border' where the source has 'transboundary'" in near.contents.value


@pytest.mark.asyncio
async def test_definition_of_a_source(client: LanguageClient, repo: Path) -> None:
    buffer = Buffer(client, repo / ASTANA)
    await buffer.diagnostics(lambda found: True)
    lines = buffer.text.split("\n")
    line = buffer.line_of("quote: Afghanistan should be the focus") - 1
    assert "source: akorda-2024-05" in lines[line]
    found = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(buffer.uri), types.Position(line, lines[line].index("akorda"))))
    assert isinstance(found, types.Location)
    assert found.uri == from_fs_path(str(repo / AKORDA))
    assert found.range.start.line == 2  # line 3 of the seed file, where the quote stands


@pytest.mark.asyncio
async def test_completion_of_sources_and_speakers(client: LanguageClient, repo: Path) -> None:
    buffer = Buffer(client, repo / ASTANA)
    await buffer.diagnostics(lambda found: True)
    sources = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(buffer.uri), buffer.at("- source: akorda-2024-05", "source: ")))
    assert isinstance(sources, types.CompletionList)
    assert {i.label for i in sources.items} == {"nca-2023-06", "kazinform-2024-05", "sputnik-2023-06",
                                                "akorda-2024-05", "orda-2025-04"}
    assert any(i.detail and i.detail.startswith("Kazinform: Kazakh President") for i in sources.items)

    speakers = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(buffer.uri), buffer.at("- speaker: Kassym-Jomart Tokayev", "speaker: ")))
    assert isinstance(speakers, types.CompletionList)
    labels = [i.label for i in speakers.items]
    assert labels[:2] == ["Kassym-Jomart Tokayev", "Gizat Nurdauletov"] and "Annamyrat Yagmyrov" in labels


async def a_near_miss(client: LanguageClient, repo: Path) -> tuple[Buffer, Sequence[types.Diagnostic]]:
    """The 2024 meeting open with a quote reworded, once its quote-not-found is published."""
    buffer = Buffer(client, repo / ASTANA)
    buffer.change(buffer.text.replace(RIGHT, WRONG))
    return buffer, await buffer.diagnostics(lambda found: "quote-not-found" in codes(found))


async def actions_for(client: LanguageClient, buffer: Buffer, found: Sequence[types.Diagnostic]
                      ) -> Sequence[types.Command | types.CodeAction] | None:
    """The code actions the server offers for the buffer's quote-not-found finding."""
    wrong = [d for d in found if d.code == "quote-not-found"]
    return await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(buffer.uri), wrong[0].range, types.CodeActionContext(wrong)))


@pytest.mark.asyncio
async def test_code_action_uses_the_sources_wording(client: LanguageClient, repo: Path) -> None:
    buffer, before = await a_near_miss(client, repo)
    offered = await actions_for(client, buffer, before)
    assert offered
    [action] = [a for a in offered if isinstance(a, types.CodeAction) and a.title.startswith("Use the source's wording")]
    assert action.edit is not None and action.edit.document_changes is not None
    [change] = action.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)  # versioned: an editor refuses it on a newer text
    assert (change.text_document.uri, change.text_document.version) == (buffer.uri, buffer.version)
    mended = applied(buffer.text, change.edits)
    assert '"\\"Most modern challenges and threats are transboundary in nature' in mended
    buffer.change(mended)
    after = await buffer.diagnostics(lambda found: found is not before and "quote-not-found" not in codes(found))
    assert codes(after) == {"year-not-cited"}


@pytest.mark.asyncio
async def test_no_code_action_or_hover_for_a_text_changed_since_its_check(client: LanguageClient, repo: Path) -> None:
    """Lines of an older check point at other words once lines are added above them."""
    buffer, before = await a_near_miss(client, repo)
    buffer.change("# a note\n# another\n" + buffer.text)  # asked at once, before its check
    assert not await actions_for(client, buffer, before)
    said = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(buffer.uri), buffer.at("quote: Afghanistan should be", "quote: ")))
    assert said is None


@pytest.mark.asyncio
async def test_half_typed_buffer_and_deleted_seed(client: LanguageClient, repo: Path) -> None:
    buffer = Buffer(client, repo / ASTANA)
    await buffer.diagnostics(lambda found: True)
    buffer.change("participants:\n  - name: [")
    broken = await buffer.diagnostics(lambda found: "yaml-syntax" in codes(found))
    assert broken[0].range.start.line == 1
    nothing = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(buffer.uri), types.Position(1, 5)))
    assert nothing is None
    buffer.change("statements:\n  - speaker: ")  # no meeting yet: the last readable one's participants
    await buffer.diagnostics(lambda found: "yaml-syntax" not in codes(found))
    speakers = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(buffer.uri), types.Position(1, 13)))
    assert isinstance(speakers, types.CompletionList)
    assert "Kassym-Jomart Tokayev" in [i.label for i in speakers.items]

    (repo / AKORDA).unlink()
    buffer.change((repo / ASTANA).read_text(encoding="utf-8"))
    buffer.save()
    gone = await buffer.diagnostics(lambda found: "yaml-syntax" not in codes(found))
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(buffer.uri), buffer.at("quote: Afghanistan should be the focus")))
    assert "yaml-syntax" not in codes(gone)
    assert hover is None or "seeds/003" not in str(hover.contents)  # no passage from a file that is gone


def frame(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def replies(stream: bytes) -> list[dict]:
    """The JSON-RPC messages of a server's stdout."""
    found = []
    while stream:
        header, _, rest = stream.partition(b"\r\n\r\n")
        length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        found.append(json.loads(rest[:length]))
        stream = rest[length:]
    return found


def test_garbage_messages_do_not_end_the_server(tmp_path: Path) -> None:
    """Bytes that are no JSON-RPC, a body that is no JSON, then a real session: the server
    answers it and exits 0, with no traceback on stderr."""
    garbage = (b"hello\r\n\r\n" + b"Content-Length: 9\r\n\r\n{not json" + frame({"jsonrpc": "2.0", "id": 7})
               + frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"bogus": 1}}))
    session = (frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
               + frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
               + frame({"jsonrpc": "2.0", "method": "exit"}))
    done = subprocess.run(SERVER, input=garbage + session, capture_output=True, timeout=GUARD, cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    answers = {m.get("id"): m for m in replies(done.stdout)}
    assert answers[1]["result"]["serverInfo"]["name"] == "briefgen"
    assert answers[2]["result"] is None  # shutdown answered: the garbage did not stop the loop
    assert b"Traceback" not in done.stderr, done.stderr.decode()


@pytest.mark.asyncio
async def test_a_file_closed_before_its_check_shows_nothing(client: LanguageClient, repo: Path) -> None:
    buffer = Buffer(client, repo / ASTANA)
    await buffer.diagnostics(lambda found: True)
    buffer.change(buffer.text.replace(RIGHT, WRONG))
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(buffer.uri)))
    await asyncio.sleep(1.0)  # past the pause after which the change would have been checked
    assert not client.diagnostics.get(buffer.uri)  # the empty list did_close published, nothing after it
