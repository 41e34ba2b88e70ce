"""Time `briefgen lsp` as an editor meets it: didChange -> publishDiagnostics for one edited
meeting of a synthetic archive (never a pass/fail test).

    python benchmarks/lsp.py            # size L: 10,000 sources, 5,000 meetings
    python benchmarks/lsp.py S --edits 10

The archive is generated once into $BRIEFGEN_BENCH_DIR (as benchmarks/run.py does) and
checked once with `briefgen check`, so the cache is warm as an officer's is. The server is
started over stdio, a meeting opened, and the whole check on open awaited; then each edit
changes one word of a quote (a new text every time, so each is loaded and verified afresh,
never recalled) and the time from sending didChange to receiving the diagnostics of that
version is taken. The debounce (0.2 s) is part of what is measured, as the officer waits it.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import SIZES, repository  # noqa: E402

BRIEFGEN = [sys.executable, "-m", "briefgen"]


class Timed(LanguageClient):
    """A client that notes when each version's diagnostics arrive."""

    def __init__(self) -> None:
        super().__init__("briefgen-bench", "1")
        self.arrived: dict[int, tuple[float, list[types.Diagnostic]]] = {}
        self.published = 0

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published += 1
            if params.version is not None:
                self.arrived[params.version] = (time.perf_counter(), list(params.diagnostics))

    async def until(self, test: object, timeout: float = 600) -> None:
        start = time.perf_counter()
        while not test():  # type: ignore[operator]
            if time.perf_counter() - start > timeout:
                raise SystemExit("no diagnostics within the timeout")
            await asyncio.sleep(0.002)


async def measure(root: Path, edits: int) -> tuple[float, list[float], int]:
    """Seconds to the first diagnostics on open, each edit's seconds, and the findings seen."""
    meeting = sorted((root / "briefs").glob("*.yaml"))[len(list((root / "briefs").glob("*.yaml"))) // 2]
    text = meeting.read_text(encoding="utf-8")
    quote = next(line for line in text.split("\n") if line.strip().startswith("quote:") and " ... " not in line)
    word = quote.split()[-1]
    client = Timed()
    await client.start_io(*BRIEFGEN, "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = from_fs_path(str(meeting)) or ""
    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text)))
    await client.until(lambda: 1 in client.arrived)
    opened = client.arrived[1][0] - start
    await client.until(lambda: client.published >= 2)  # the whole check on open, recalled from the cache
    times, found = [], 0
    for version in range(2, edits + 2):
        edited = text.replace(quote, quote.replace(word, f"edited{version}{word}"), 1)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri), [types.TextDocumentContentChangeWholeDocument(edited)]))
        await client.until(lambda: version in client.arrived)
        arrived, diagnostics = client.arrived[version]
        times.append(arrived - sent)
        found += sum(d.code == "quote-not-found" for d in diagnostics)
        await asyncio.sleep(0.3)  # the officer reads it
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return opened, times, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", default="L", choices=list(SIZES))
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    root, counts = repository(args.size)
    subprocess.run([*BRIEFGEN, "check", "--root", str(root)], stdout=subprocess.DEVNULL, check=False)
    opened, times, found = asyncio.run(measure(root, args.edits))
    print(f"size {args.size}: {counts['sources']:,} sources, {counts['meetings']:,} meetings")
    print(f"open -> first diagnostics: {opened:.2f} s (reads the repository once)")
    print(f"didChange -> publishDiagnostics, {len(times)} edits: median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s, min {min(times):.3f} s (debounce 0.2 s included); "
          f"quote-not-found reported {found} of {len(times)} times")


if __name__ == "__main__":
    main()
