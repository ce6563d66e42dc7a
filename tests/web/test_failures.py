"""Hostile or absurd requests get a status and a message, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("params", "mentions_status"),
    [
        ({"q": "tarih:9999"}, 200),
        ({"q": "tarih:0001-01-01..9999-12-31"}, 200),
        # Filling every day from year 1 to 9999 is refused with the limit (see test_limits).
        ({"since": "0001-01-01", "until": "9999-12-31"}, 400),
    ],
)
def test_dates_beyond_the_index_years_are_not_server_errors(
    client: TestClient, params: dict[str, str], mentions_status: int
) -> None:
    assert client.get("/api/search", params={**params, "histogram": "day"}).status_code == 200
    mentions = client.get("/api/mentions", params={**params, "interval": "day"})
    assert mentions.status_code == mentions_status
    assert "error" in mentions.json() if mentions_status == 400 else "series" in mentions.json()


@pytest.mark.parametrize("query", ["(" * 400, "NOT " * 100 + "x"])
def test_deeply_nested_query_is_a_400_with_its_position(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 400
    assert "nested" in response.json()["error"]
    assert isinstance(response.json()["position"], int)


@pytest.mark.parametrize("value", ["0", "20250101", "2025-02-30", "dün"])
def test_a_day_that_is_not_yyyy_mm_dd_is_a_400(client: TestClient, value: str) -> None:
    # Pydantic alone read "0" as a Unix timestamp (1970-01-01) and answered 200.
    response = client.get("/api/search", params={"until": value})
    assert response.status_code == 400
    assert "parameter 'until'" in response.json()["error"]


def test_stories_like_an_unknown_article_is_a_404(client: TestClient) -> None:
    # It was a 502, as if the search server had failed.
    response = client.get("/api/search", params={"like": "0000000000000000"})
    assert response.status_code == 404
    assert "0000000000000000" in response.json()["error"]
    page = client.get("/", params={"like": "0000000000000000"})
    assert page.status_code == 404
    assert "Bu kimlikle bir haber yok" in page.text


def test_a_wrong_method_names_every_method_the_path_takes(client: TestClient) -> None:
    response = client.put("/api/saved-searches")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
