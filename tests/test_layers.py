"""The import direction of the house style, read from the source: bot -> surveys <- analysis, nothing imports bot."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The store's Telegram-side tables: the raw update inbox and the desk's cards and notes.
TELEGRAM_SIDE = ("surveys.store.inbox", "surveys.store.desk")


def imports(package: str) -> list[tuple[str, str]]:
    """(module file, imported module) for every import in a package's source."""
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(str(path.relative_to(ROOT)), alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found += [(str(path.relative_to(ROOT)), node.module)]
    return found


def under(module: str, *packages: str) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


@pytest.mark.parametrize("package", ["surveys", "analysis"])
def test_the_domain_and_the_analysis_know_nothing_of_telegram_or_the_bot(package: str) -> None:
    wrong = [(path, module) for path, module in imports(package) if under(module, "telegram", "bot")]
    assert wrong == []


def test_the_domain_does_not_import_the_analysis() -> None:
    assert [(path, module) for path, module in imports("surveys") if under(module, "analysis")] == []


def test_only_the_bot_and_the_store_itself_touch_the_telegram_side_tables() -> None:
    for package in ("surveys", "analysis"):
        wrong = [
            (path, module)
            for path, module in imports(package)
            if under(module, *TELEGRAM_SIDE) and not path.startswith("surveys/store/")
        ]
        assert wrong == [], package


def test_each_store_module_is_one_aggregate_and_imports_no_sibling_but_its_base() -> None:
    allowed = {
        "surveys.store.database",
        "surveys.store.rows",
        "surveys.store.leases",
        "surveys.store.schema",
        "surveys.store.orders",
        "surveys.store.reporting",
    }
    aggregates = {"answers", "complaints", "desk", "inbox", "invitations", "privacy"}
    also = {"privacy": {"surveys.store.inbox"}}  # /forget erases the person's raw updates too
    for path, module in imports("surveys/store"):
        stem = Path(path).stem
        if stem in aggregates and module.startswith("surveys.store."):
            assert module in allowed | also.get(stem, set()), (path, module)


def test_no_handler_module_imports_another_s_handlers() -> None:
    shared = {"bot.handlers.context", "bot.handlers.questions"}
    for path, module in imports("bot/handlers"):
        if module.startswith("bot.handlers."):
            assert module in shared, (path, module)
