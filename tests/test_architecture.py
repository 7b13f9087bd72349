"""The package's layers: each sub-package imports only those beneath it, and no module
imports itself back through a cycle. The graph is read from the code (every import
statement, those inside functions included), not from a list kept by hand."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"

# What each sub-package may import, besides itself. The top level (analysis/__init__.py
# and __main__.py) may import every sub-package; no sub-package may import the top level.
ALLOWED = {
    "language": set(),
    "tables": {"language"},
    "audit": {"tables", "language"},
    "extract": {"tables", "language"},
    "charts": {"audit", "tables", "language"},
    "briefing": {"charts", "audit", "tables", "language"},
    "explore": {"briefing", "charts", "audit", "tables", "language"},
    "teach": {"briefing", "charts", "audit", "extract", "tables", "language"},
}


def modules(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package at root."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's own modules that one module imports, anywhere in its code."""
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    root = name.split(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                module = ".".join(anchor + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # `from . import style` names a module; `from .frame import finish` a name in one
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in known else module
                       for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # a.b.c where a.b is the module
                target = target.rpartition(".")[0]
            if target.split(".")[0] == root and target != name:
                out.add(target)
    return out


def graph(root: Path) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imports(name, path, known) for name, path in known.items()}


def layer(module: str) -> str:
    """The sub-package a module belongs to; "" for the top level."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] != "__main__" else ""


def wrong_way(edges: dict[str, set[str]], allowed: dict[str, set[str]]) -> list[str]:
    problems = []
    for source, targets in sorted(edges.items()):
        for target in sorted(targets):
            a, b = layer(source), layer(target)
            if a == b or a == "":
                continue
            if a not in allowed:
                problems.append(f"{source}: sub-package {a!r} has no place in the layers")
            elif b not in allowed[a]:
                problems.append(f"{source} imports {target}: {a!r} may import only "
                                f"{sorted(allowed[a]) or 'nothing of the package'}")
    return problems


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first search, each once, as a path of modules."""
    found, state, stack = [], {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_every_sub_package_has_a_layer():
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert subpackages == set(ALLOWED)


def test_imports_run_down_the_layers():
    assert wrong_way(graph(PACKAGE), ALLOWED) == []


def test_no_import_cycle():
    assert cycles(graph(PACKAGE)) == []


def test_the_graph_is_read_from_the_code():
    edges = graph(PACKAGE)
    assert "analysis.tables.package" in edges["analysis"]
    assert "analysis.language.numbers" in edges["analysis.tables.package"]
    assert "analysis.charts.colours" in edges["analysis.charts.kinds"]  # from . import colours
    assert "analysis.audit.checks" in edges["analysis.charts.kinds"]
    assert "analysis.briefing.build" in edges["analysis.__main__"]  # imported inside a function


@pytest.fixture
def broken(tmp_path):
    """A small package whose data layer imports charts, inside a function, and whose two
    chart modules import each other."""
    files = {
        "__init__.py": "from .tables import figures\n",
        "tables/__init__.py": "",
        "tables/figures.py": "def f():\n    from ..charts.kinds import bar\n",
        "charts/__init__.py": "",
        "charts/kinds.py": "from . import frame\n",
        "charts/frame.py": "from .kinds import bar\nimport analysis\n",
    }
    root = tmp_path / "analysis"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_an_upward_import_and_a_cycle_would_be_caught(broken):
    edges = graph(broken)
    problems = wrong_way(edges, ALLOWED)
    assert any("analysis.tables.figures imports analysis.charts.kinds" in p for p in problems)
    assert any(p.startswith("analysis.charts.frame imports analysis:") for p in problems)  # the top
    found = cycles(edges)
    assert ["analysis.charts.kinds", "analysis.charts.frame", "analysis.charts.kinds"] in found
    assert ["analysis", "analysis.tables.figures", "analysis.charts.kinds", "analysis.charts.frame",
            "analysis"] in found  # through the upward import
