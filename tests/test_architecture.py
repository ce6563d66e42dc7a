"""The dependency arrows of ARCHITECTURE.md, checked on the source: the shell depends on the
stages, never the other way round, and the stages keep their own dependencies apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("crawlers", "nlp", "index")
#: The only parts of the shell a stage may use: the shared record and the error hierarchy.
SHARED = {"kupur.models", "kupur.errors"}


def _imports(package: str) -> list[tuple[Path, str]]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(path, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((path, node.module))
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_stages_use_only_the_shared_record_from_the_shell(stage: str) -> None:
    wrong = [
        f"{path.relative_to(ROOT)}: {name}"
        for path, name in _imports(stage)
        if name.split(".")[0] in {"kupur", "scheduler"} and name not in SHARED
    ]
    assert wrong == []


@pytest.mark.parametrize("stage", ["nlp", "index"])
def test_nlp_and_index_do_not_import_scrapy(stage: str) -> None:
    assert [str(p) for p, name in _imports(stage) if name.split(".")[0] == "scrapy"] == []


def test_crawlers_do_not_import_the_index() -> None:
    assert [str(p) for p, name in _imports("crawlers") if name.split(".")[0] == "index"] == []
