"""The layers of docs/architecture.md, checked on the source: every import points down.

    interfaces   kupur.cli, kupur.web, kupur.scheduler, kupur.digest, kupur.demo, kupur (facade)
    application  kupur.app
    stages       kupur.crawlers, kupur.nlp, kupur.index (never each other's modules)
    core         kupur.core

A module may import its own package, anything in a lower layer, and nothing above it. Stages do
not import each other. Imports are read from the files (``ast``), so a lazy import inside a
function counts too.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kupur"

#: Each top-level part of ``kupur`` and its layer (higher number = higher layer).
LAYERS: dict[str, int] = {
    "core": 0,
    "crawlers": 1,
    "nlp": 1,
    "index": 1,
    "app": 2,
    "cli": 3,
    "web": 3,
    "scheduler": 3,
    "digest": 3,
    "demo": 3,
    "__init__": 3,
    "__main__": 3,
}
STAGES = {"crawlers", "nlp", "index"}


def _part_of(module: str) -> str | None:
    """The top-level part of a ``kupur.*`` module name (``kupur.nlp.extract`` → ``nlp``)."""
    parts = module.split(".")
    if parts[0] != "kupur":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _modules() -> list[tuple[str, Path]]:
    """Every module of the installed package, as (part, file); the stage folders are linked in."""
    found = []
    files = [
        Path(folder) / name
        for folder, _, names in os.walk(PACKAGE, followlinks=True)
        for name in names
        if name.endswith(".py")
    ]
    for path in sorted(files):
        relative = path.relative_to(PACKAGE)
        part = relative.parts[0].removesuffix(".py")
        found.append((part, path))
    return found


def _kupur_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            if node.module == "kupur":
                names += [f"kupur.{alias.name}" for alias in node.names]
    return [name for name in names if name.split(".")[0] == "kupur"]


def _violations(part: str, path: Path) -> list[str]:
    shown = path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else path.name
    wrong = []
    for name in _kupur_imports(path):
        target = _part_of(name)
        if target is None or target == part or target not in LAYERS:
            continue
        upward = LAYERS[target] > LAYERS[part]
        sideways = part in STAGES and target in STAGES
        if upward or sideways:
            wrong.append(f"{shown} imports {name}")
    return wrong


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {part for part, _ in _modules()}
    assert parts <= set(LAYERS), f"give these a layer: {sorted(parts - set(LAYERS))}"
    assert {"core", "app", "cli", "web", "scheduler", "crawlers", "nlp", "index"} <= parts


@pytest.mark.parametrize("part", sorted(LAYERS))
def test_imports_point_down_only(part: str) -> None:
    wrong = [v for p, path in _modules() if p == part for v in _violations(p, path)]
    assert wrong == []


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    """The rule itself: a stage that imports the application or an interface is reported."""
    module = tmp_path / "bad.py"
    module.write_text(
        "from kupur.app.archive import Archive\nimport kupur.web.app\nfrom kupur.nlp import x\n"
        "from kupur.core.models import Article\n",
        encoding="utf-8",
    )
    assert _violations("index", module) == [
        "bad.py imports kupur.app.archive",
        "bad.py imports kupur.web.app",
        "bad.py imports kupur.nlp",
    ]
    assert _violations("app", module) == ["bad.py imports kupur.web.app"]


@pytest.mark.parametrize("stage", ["nlp", "index"])
def test_nlp_and_index_do_not_import_scrapy(stage: str) -> None:
    files = [path for part, path in _modules() if part == stage]
    assert files
    scrapy = [str(p) for p in files for name in _imports_any(p) if name.split(".")[0] == "scrapy"]
    assert scrapy == []


def _imports_any(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_no_generic_top_level_module_is_installed() -> None:
    """Only ``kupur`` is a package: the stage folders are not packages of their own."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["setuptools"]["packages"]["find"]["include"] == ["kupur*"]
    for stage in ("crawlers", "nlp", "index", "scheduler"):
        assert (PACKAGE / stage).resolve() == (ROOT / stage).resolve()
