"""The researchers' notebooks, executed cell by cell in a real kernel (nbclient): a cell that
raises fails the test, and each notebook must draw its plots.

They run on the demo corpus: the data directory a real ``kupur demo`` run filled.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import DemoRun

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_for_both_questions() -> None:
    assert {p.name for p in NOTEBOOKS} >= {
        "project_mentions.ipynb",
        "officials_and_projects.ipynb",
    }


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_plots(
    path: Path, demo_run: DemoRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KUPUR_DATA_DIR", str(demo_run.data_dir))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on failure
    images = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert len(images) >= 2, "each notebook draws at least two plots"
    nbformat.write(notebook, tmp_path / path.name)  # the executed copy, for a look when it fails
