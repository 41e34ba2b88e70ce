"""`briefgen lsp`: the pygls wiring of `session` and `features`, over stdio.

Checks run in a worker thread, so the protocol keeps answering while one runs; a change is
checked once the officer pauses (DEBOUNCE), and a result for a text that has changed since
is dropped rather than shown. Every handler answers "nothing" on a failure and logs one
line: a half-typed buffer, a deleted seed or a malformed message never ends the server.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
from pathlib import Path
from typing import Awaitable, Callable, ParamSpec, TypeVar
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path
from pygls.workspace import TextDocument

from .. import __version__
from ..model import Diagnostic
from ..pipeline import FileCheck
from . import features
from .session import Session, root_of

# After the last keystroke: a typist's pause between words is under 0.2 s, and the check of
# one size L meeting takes about 0.02 s (benchmarks/lsp.py: 0.216 s median from didChange
# to publishDiagnostics, 0.243 s the slowest of 20), within the 0.3 s.
DEBOUNCE = 0.2

P = ParamSpec("P")
R = TypeVar("R")
log = logging.getLogger("briefgen.lsp")


class BriefServer(LanguageServer):
    """The language server, with a session per brief repository and a pending check per file."""

    def __init__(self) -> None:
        super().__init__("briefgen", __version__)
        self.sessions: dict[Path, Session] = {}
        self.starting = asyncio.Lock()  # files opened together start one session, not one each
        self.pending: dict[str, asyncio.Task[None]] = {}
        # uri -> its buffer's last check, and the version of the text it checked: hover and
        # code actions answer only for that text (lines of an older one point elsewhere)
        self.checked: dict[str, tuple[int | None, FileCheck | None]] = {}
        self.background: set[asyncio.Future[None]] = set()  # whole checks under way, kept from the collector
        self.refreshing: set[Path] = set()  # sessions whose whole check runs now
        self.again: set[Path] = set()  # ... and that a save since asks to run once more

    def report_server_error(self, error: Exception, source: object) -> None:
        """A malformed message: one line in the editor's log, not a pop-up (pygls's default)."""
        log.warning("ignored a message the server could not handle: %s", error)


server = BriefServer()


def quietly(handler: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R | None]]:
    """A handler that answers nothing and logs one line when it fails, never a traceback."""
    @functools.wraps(handler)
    async def run(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return await handler(*args, **kwargs)
        except Exception as exc:  # a bug or an input no check foresaw: this answer is lost, not the server
            log.warning("%s failed: %s: %s", handler.__name__, exc.__class__.__name__, exc)
            return None
    return run


def path_of(uri: str) -> Path | None:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


async def session_of(uri: str) -> tuple[Session, str] | None:
    """The session of the repository holding the file, started on its first file, and the
    file's path in it."""
    path = path_of(uri)
    root = root_of(path) if path else None
    if path is None or root is None:
        return None
    async with server.starting:
        if root not in server.sessions:
            server.sessions[root] = session = await asyncio.to_thread(Session, root)
            server.background.add(asyncio.ensure_future(refresh(session, reread=False)))
    session = server.sessions[root]
    return session, session.relative(path)


async def check_now(uri: str) -> None:
    """Check the buffer and publish its findings, unless it changed or closed meanwhile."""
    if uri not in server.workspace.text_documents:
        return  # closed: the file on disk is no buffer to show findings for
    found = await session_of(uri)
    if found is None:
        return
    session, rel = found
    document = server.workspace.get_text_document(uri)
    version, text = document.version, document.source
    session.buffers[rel] = text
    checked = await asyncio.to_thread(session.check, rel)
    if uri not in server.workspace.text_documents or server.workspace.get_text_document(uri).version != version:
        return  # a newer change has its own check pending, or the file was closed
    server.checked[uri] = (version, checked)
    publish(uri, document, session.findings(rel, checked))


def publish(uri: str, document: TextDocument, found: list[Diagnostic]) -> None:
    server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
        uri=uri, version=document.version, diagnostics=[lsp_diagnostic(document, d) for d in found]))


def lsp_diagnostic(document: TextDocument, d: Diagnostic) -> types.Diagnostic:
    """A finding underlined from its position to the end of its line."""
    lines = document.lines
    line = min(d.where.line - 1, max(len(lines) - 1, 0))
    end = len(lines[line].rstrip("\r\n")) if lines else 0
    return types.Diagnostic(
        range=types.Range(client_position(document, line, min(d.where.column - 1, end)),
                          client_position(document, line, end)),
        message=f"{d.message}\n{d.hint}" if d.hint else d.message,
        severity=types.DiagnosticSeverity.Error if d.severity == "error" else types.DiagnosticSeverity.Warning,
        code=d.code, source="briefgen")


def client_position(document: TextDocument, line: int, column: int) -> types.Position:
    return server.workspace.position_codec.position_to_client_units(document.lines, types.Position(line, column))


def server_position(document: TextDocument, position: types.Position) -> tuple[int, int]:
    """A client's position as a 0-based line and a code-point column."""
    found = server.workspace.position_codec.position_from_client_units(document.lines, position)
    return found.line, found.character


def later(uri: str, delay: float) -> None:
    """Check the file once no change has come for `delay` seconds."""
    pending = server.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()

    async def wait_then_check() -> None:
        await asyncio.sleep(delay)
        await quietly(check_now)(uri)

    server.pending[uri] = asyncio.ensure_future(wait_then_check())


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@quietly
async def did_open(ls: BriefServer, params: types.DidOpenTextDocumentParams) -> None:
    await check_now(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
@quietly
async def did_change(ls: BriefServer, params: types.DidChangeTextDocumentParams) -> None:
    later(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
@quietly
async def did_save(ls: BriefServer, params: types.DidSaveTextDocumentParams) -> None:
    """Read the repository again and run the whole check, then show every open file anew."""
    found = await session_of(params.text_document.uri)
    if found is not None:
        await refresh(found[0])


@quietly
async def refresh(session: Session, reread: bool = True) -> None:
    """The repository read again (when `reread`) and checked whole, then every open file of
    it shown anew. One at a time per repository: saves during a run ask for one more run
    after it, so the newest files are what is shown and no two whole checks (750 MB each on
    size L) run together."""
    if session.root in server.refreshing:
        server.again.add(session.root)
        return
    server.refreshing.add(session.root)
    try:
        while True:
            if reread:
                await asyncio.to_thread(session.reread)
            await asyncio.to_thread(session.check_whole)
            if session.root not in server.again:
                break
            server.again.discard(session.root)
            reread = True
    finally:
        server.refreshing.discard(session.root)
    for uri in list(server.workspace.text_documents):
        path = path_of(uri)
        if path is not None and root_of(path) == session.root:
            await quietly(check_now)(uri)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
@quietly
async def did_change_files(ls: BriefServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A seed added or deleted outside the editor (where the client reports it)."""
    for session in list(server.sessions.values()):
        await refresh(session)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
@quietly
async def did_close(ls: BriefServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    pending = server.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    server.checked.pop(uri, None)
    found = await session_of(uri)
    if found is not None:
        found[0].buffers.pop(found[1], None)
    server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def at_cursor(uri: str, position: types.Position) -> tuple[FileCheck, TextDocument, int, int] | None:
    """The last check of the buffer, the document and the cursor in code points; nothing
    while the text has changed since that check (its lines would point at other words)."""
    version, checked = server.checked.get(uri, (None, None))
    document = server.workspace.get_text_document(uri)
    if checked is None or document.version != version:
        return None
    return checked, document, *server_position(document, position)


@server.feature(types.TEXT_DOCUMENT_HOVER)
@quietly
async def hover(ls: BriefServer, params: types.HoverParams) -> types.Hover | None:
    found = at_cursor(params.text_document.uri, params.position)
    said = features.hover(found[0], found[1].source, found[2]) if found else None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, said)) if said else None


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
@quietly
async def definition(ls: BriefServer, params: types.DefinitionParams) -> types.Location | None:
    found = at_cursor(params.text_document.uri, params.position)
    target = features.definition(found[0], found[1].source, found[2]) if found else None
    uri = from_fs_path(str(target.path)) if target else None
    if target is None or uri is None:
        return None
    start = types.Position(target.line, 0)
    return types.Location(uri, types.Range(start, start))


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", "["]))
@quietly
async def completion(ls: BriefServer, params: types.CompletionParams) -> types.CompletionList | None:
    uri = params.text_document.uri
    found = await session_of(uri)
    if found is None:
        return None
    session, rel = found
    document = server.workspace.get_text_document(uri)
    line, column = server_position(document, params.position)
    before = document.lines[line][:column] if line < len(document.lines) else ""
    checked = server.checked.get(uri, (None, None))[1]
    meeting = checked.meeting if checked and checked.meeting else session.readable.get(rel)
    items = features.completion(before, session.sources(), meeting)
    return types.CompletionList(is_incomplete=False, items=[
        types.CompletionItem(label=item.label, detail=item.detail, kind=types.CompletionItemKind.Value)
        for item in items])


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
@quietly
async def code_action(ls: BriefServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    found = at_cursor(uri, params.range.start)
    if found is None:
        return None
    checked, document, first, _ = found
    last = server_position(document, params.range.end)[0]
    return [types.CodeAction(
        title=action.title, kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic(document, action.diagnostic)],
        edit=types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(  # versioned: an editor refuses it on a newer text
            types.OptionalVersionedTextDocumentIdentifier(uri, document.version),
            [lsp_edit(document, e) for e in action.edits])]))
        for action in features.actions(checked, document.source, first, last)]


def lsp_edit(document: TextDocument, edit: features.TextEdit) -> types.TextEdit:
    return types.TextEdit(types.Range(client_position(document, edit.line, edit.column),
                                      client_position(document, edit.end_line, edit.end_column)), edit.text)


class OneLine(logging.Formatter):
    """A record's first line only: the editor's log gets a sentence, not the stack that pygls
    puts into some messages (`Unable to deserialize message` carries a whole traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"briefgen lsp: {record.levelname.lower()}: {record.getMessage().partition(chr(10))[0]}"


def main() -> None:
    """Serve on stdin and stdout until the editor says exit (or closes the pipe)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    server.start_io()
