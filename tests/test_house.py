"""The house rules of src/: data flows one way, and every function says its types.

Imports are read from the source (function-local ones too), not from a running
interpreter, so a cycle hidden in a function's body is found as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src" / "briefgen"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The briefgen modules a file imports, anywhere in it."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("briefgen")}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])]) if node.level else node.module or ""
            if target.startswith("briefgen"):
                found.add(target)
                found |= {f"{target}.{a.name}" for a in node.names}  # `from . import checks` imports a module
    return found


MODULES = {module_name(p): p for p in SRC.rglob("*.py")}
GRAPH = {name: {m for m in imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def test_no_import_cycle() -> None:
    """A package's __init__ may be imported by its modules, but nothing imports in a circle."""
    def parent_init(a: str, b: str) -> bool:
        return a.startswith(b + ".")  # a module importing its own package's __init__ is fine

    seen: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        seen[name] = 1
        for target in sorted(GRAPH[name]):
            if parent_init(name, target):
                continue
            if seen.get(target) == 1:
                cycles.append(trail[trail.index(target):] + [target] if target in trail else [name, target])
            elif target not in seen:
                visit(target, [*trail, target])
        seen[name] = 2

    for name in sorted(GRAPH):
        if name not in seen:
            visit(name, [name])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_no_check_imports_another_check() -> None:
    checks = {n for n in MODULES if n.startswith("briefgen.checks.")}
    crossing = {name: sorted(GRAPH[name] & checks) for name in checks if GRAPH[name] & checks}
    assert not crossing, crossing


def test_domain_code_never_exits_the_process() -> None:
    """Only the command line turns a refusal into an exit; domain code raises Refused."""
    offenders = [name for name, path in MODULES.items() if name != "briefgen.cli"
                 and ("typer" in path.read_text("utf-8") or "sys.exit" in path.read_text("utf-8"))]
    assert not offenders, offenders
