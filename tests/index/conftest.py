"""Backends for the contract suite: tantivy always; Elasticsearch and OpenSearch when
KUPUR_TEST_ES_URL / KUPUR_TEST_OPENSEARCH_URL point at a server (each test gets its own index)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from index import open_backend
from index.api import SearchBackend
from tests.index.corpus import corpus

SERVERS = {
    "elasticsearch": "KUPUR_TEST_ES_URL",
    "opensearch": "KUPUR_TEST_OPENSEARCH_URL",
}

BackendFactory = Callable[[], SearchBackend]


def _factory(kind: str, directory: Path) -> tuple[BackendFactory, list[SearchBackend]]:
    opened: list[SearchBackend] = []
    name = f"kupur-test-{uuid.uuid4().hex[:10]}"

    def make() -> SearchBackend:
        if kind == "tantivy":
            backend = open_backend(kind="tantivy", url="", index_dir=directory, index_name=name)
        else:
            url = os.environ.get(SERVERS[kind], "")
            if not url:
                pytest.skip(f"{SERVERS[kind]} is not set: no {kind} server to run the suite on")
            backend = open_backend(kind=kind, url=url, index_dir=directory, index_name=name)
        opened.append(backend)
        return backend

    return make, opened


def _cleanup(opened: list[SearchBackend]) -> None:
    for backend in opened:
        drop = getattr(backend, "drop", None)
        if drop is not None:
            drop()
        backend.close()


@pytest.fixture(params=["tantivy", *SERVERS])
def make_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[BackendFactory]:
    """A factory of backends sharing one fresh index (two calls = two processes' views)."""
    make, opened = _factory(request.param, tmp_path / "index")
    yield make
    _cleanup(opened)


@pytest.fixture(scope="module", params=["tantivy", *SERVERS])
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SearchBackend]:
    """A backend holding the test corpus, shared by the read-only tests of a module."""
    make, opened = _factory(request.param, tmp_path_factory.mktemp("index"))
    backend = make()
    backend.upsert(corpus())
    yield backend
    _cleanup(opened)
