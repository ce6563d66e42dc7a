"""Shared fixtures: an isolated environment for every test (no user config, offline models)."""

from __future__ import annotations

import os
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
