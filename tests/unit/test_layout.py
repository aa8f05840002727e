"""The import graph between the project's modules: flows/ is pure, and nothing goes round.

Every `import` counts, wherever it is written: at the top of a module, inside a
function, or under `if TYPE_CHECKING:` (an import moved into a function to dodge a
circle is still the circle).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("bot", "flows", "storage")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(package: str) -> dict[str, Path]:
    return {module_name(p): p for p in sorted((ROOT / package).rglob("*.py"))}


ALL = {name: path for package in PROJECT for name, path in modules(package).items()}


def resolve(name: str) -> str | None:
    """The project module an imported name lives in (`flows.steps.STEPS` -> flows.steps)."""
    while name and name not in ALL:
        name = name.rpartition(".")[0]
    return name or None


def imported(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """The project modules a module's source imports, from anywhere in it."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from this package, `level - 1` packages up
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *([base] if base else [])])
            # `from flows import events` imports the module flows.events; `from flows.steps
            # import STEPS` the module flows.steps. (A parent package's __init__ runs too,
            # but is never counted: it is how every submodule is reached.)
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {target for target in map(resolve, names) if target and target != module}
    return found


def imports(module: str) -> set[str]:
    path = ALL[module]
    return imported(path.read_text(encoding="utf-8"), module,
                    is_package=path.name == "__init__.py")


def graph(package: str) -> dict[str, set[str]]:
    return {m: imports(m) for m in modules(package)}


def cycles(package: str) -> list[list[str]]:
    """Each group of the package's modules that import one another (Tarjan's strongly
    connected components of more than one module), sorted."""
    edges = {m: {t for t in targets if t.split(".")[0] == package}
             for m, targets in graph(package).items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_helper_sees_every_kind_of_import():
    source = """
from typing import TYPE_CHECKING
import storage.db
from flows import events
from flows.steps import STEPS
from .receive import Receiver
if TYPE_CHECKING:
    from flows.engine import step
def later():
    from bot.i18n import catalog
"""
    assert imported(source, "bot.turns") == {
        "storage.db", "flows.events", "flows.steps", "bot.receive", "flows.engine", "bot.i18n"}
    assert imported("from . import views\nfrom .render import render", "bot.admin",
                    is_package=True) == {"bot.admin.views", "bot.admin.render"}


# Libraries that talk to the world: none of them has a place in flows/.
IO_LIBRARIES = {"aiohttp", "asyncpg", "aiosqlite", "alembic", "httpx", "requests", "socket",
                "sqlalchemy", "sqlmodel", "telegram", "twilio", "urllib"}


def libraries(module: str) -> set[str]:
    """The top-level names of everything a module imports absolutely (`aiohttp.web` -> aiohttp)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(ALL[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_flows_is_pure():
    """flows/ knows nothing of channels, HTTP or the database."""
    outside = {(m, t) for m, targets in graph("flows").items() for t in targets
               if t.split(".")[0] != "flows"}
    assert outside == set()
    io = {(m, lib) for m in modules("flows") for lib in libraries(m) & IO_LIBRARIES}
    assert io == set()


def test_no_import_circles_in_flows():
    assert cycles("flows") == []


def test_no_import_circles_in_bot_or_storage():
    """A newcomer can read the glue from the outside in without coming back: the app and
    the runtime build the services, channels hand messages in, turns run the engine."""
    assert cycles("bot") == []
    assert cycles("storage") == []
