"""Shared fixtures: an isolated environment for every test (no user config, offline models)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep tests away from the user's kupur.toml, data directory and any model hub."""
    for name in list(os.environ):
        if name.startswith("KUPUR_") and not name.startswith("KUPUR_TEST_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("KUPUR_DATA_DIR", str(tmp_path / "kupur-data"))


def kupur_env(**extra: str) -> dict[str, str]:
    """The environment for a ``kupur`` subprocess: no user KUPUR_* settings, models offline."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUPUR_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", COLUMNS="120", **extra)
    return env


@dataclass(frozen=True)
class DemoRun:
    """A data directory filled by one real ``kupur demo`` run, and what the command printed."""

    data_dir: Path
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """``kupur demo`` once per test session: demo sites on loopback, real crawl in a subprocess,
    real enrichment, the real tantivy index."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    done = subprocess.run(
        [sys.executable, "-m", "kupur", "demo", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=kupur_env(),
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return DemoRun(data_dir, done.stdout, done.stderr)
