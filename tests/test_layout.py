"""The code's shape, checked: no import loops between modules (lazy imports included), no
module over 400 lines, cli.py thin. A loop means two modules that cannot be read, tested or
moved apart; it crept in once already (classify train <-> suite <-> baseline)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "triage"
MAX_MODULE_LINES = 400
MAX_CLI_LINES = 450


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    found["cli"] = ROOT / "cli.py"
    return found


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """Every triage module this one imports, at the top or inside a function, TYPE_CHECKING
    blocks excluded (they never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    pkg = name.split(".") if is_package else name.split(".")[:-1]
                    pkg = pkg[: len(pkg) - (child.level - 1)]
                    base = ".".join([*pkg, base] if base else pkg)
                found.add(base)
                found.update(f"{base}.{a.name}" for a in child.names)
            visit(child)

    visit(tree)
    return {m for m in found if m in known and m != name}


def test_no_import_loops() -> None:
    mods = modules()
    graph = {name: imports_of(path, name, set(mods)) for name, path in mods.items()}
    # a package's __init__ re-exporting its modules is not a loop with them
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    loops: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the path, 2 = done

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                loops.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            walk(start, [start])
    assert not loops, "import loops: " + "; ".join(" -> ".join(loop) for loop in loops)


def test_modules_stay_small() -> None:
    big = {
        name: n
        for name, path in modules().items()
        if name != "cli"
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not big, f"modules over {MAX_MODULE_LINES} lines: {big}"


def test_cli_is_thin() -> None:
    n = len((ROOT / "cli.py").read_text(encoding="utf-8").splitlines())
    assert n <= MAX_CLI_LINES, f"cli.py has {n} lines; the work belongs in triage/"
