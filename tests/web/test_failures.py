"""Hostile or absurd requests get a status and a message, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    "params",
    [
        {"q": "tarih:9999"},
        {"q": "tarih:0001-01-01..9999-12-31"},
        {"since": "0001-01-01", "until": "9999-12-31"},
    ],
)
def test_dates_beyond_the_index_years_are_not_server_errors(
    client: TestClient, params: dict[str, str]
) -> None:
    assert client.get("/api/search", params={**params, "histogram": "day"}).status_code == 200
    mentions = client.get("/api/mentions", params={**params, "interval": "day"})
    assert mentions.status_code == 200


@pytest.mark.parametrize("query", ["(" * 400, "NOT " * 100 + "x"])
def test_deeply_nested_query_is_a_400_with_its_position(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 400
    assert "nested" in response.json()["error"]
    assert isinstance(response.json()["position"], int)
