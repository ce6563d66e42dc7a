"""A real data directory for the web and research tests: the corpus saved into a real Archive,
marked enriched, and indexed with the real (tantivy) backend through the pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kupur.app.application import Kupur
from kupur.app.archive import Archive
from kupur.app.config import Settings, load_settings
from kupur.app.pipeline import index_pending
from kupur.index import open_backend
from kupur.web import create_app
from tests.web.corpus import corpus


def build_data_dir(data_dir: Path) -> Settings:
    """Archive and index the test corpus under ``data_dir``; the settings that point at it."""
    settings = load_settings(environ={}, data_dir=str(data_dir))
    archive = Archive(settings.archive_url)
    articles = corpus()
    for article in articles:
        archive.save(article)
    archive.save_enrichment(articles)
    backend = open_backend(kind="tantivy", url="", index_dir=settings.index_dir, index_name="kupur")
    try:
        index_pending(archive, backend)
    finally:
        backend.close()
        archive.close()
    return settings


@pytest.fixture(scope="session")
def data_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return build_data_dir(tmp_path_factory.mktemp("web-data"))


@pytest.fixture(scope="session")
def kupur(data_settings: Settings) -> Iterator[Kupur]:
    with Kupur(data_settings) as opened:
        yield opened


@pytest.fixture(scope="session")
def client(data_settings: Settings, kupur: Kupur) -> Iterator[TestClient]:
    with TestClient(create_app(data_settings, kupur)) as test_client:
        yield test_client
