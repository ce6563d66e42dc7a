"""The JSON API over a real archive and tantivy index: every endpoint, and bad parameters."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from kupur.app.application import Kupur
from kupur.app.config import Settings
from kupur.web import create_app
from tests.web.corpus import PLANTED_ID, PLANTED_TITLE, corpus


def test_search_returns_hits_facets_and_histogram(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "proje:siroma", "histogram": "month"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 4
    assert {hit["title"] for hit in data["hits"]} >= {"SİROMA projesi Samsun'da tanıtıldı"}
    provinces = {b["value"]: b["count"] for b in data["facets"]["province"]}
    assert provinces == {"Samsun": 2, "Ordu": 3}
    assert [(b["key"], b["count"]) for b in data["histogram"]] == [
        ("2025-09-01", 1),
        ("2025-10-01", 2),
        ("2025-11-01", 1),
    ]


def test_search_facet_filters_and_date_range_narrow_the_results(client: TestClient) -> None:
    everything = client.get("/api/search").json()["total"]
    assert everything == len(corpus())
    ordu = client.get("/api/search", params={"province": "Ordu", "person": "Selin Akbaş"}).json()
    assert ordu["total"] == 4
    assert 'kişi:"Selin Akbaş"' in ordu["query"]
    dated = client.get(
        "/api/search",
        params={"province": "Ordu", "since": "2025-10-03", "until": "2025-11-30"},
    ).json()
    assert {h["title"] for h in dated["hits"]} == {
        "Ordulu kadın girişimcilere hibe müjdesi",
        "SİROMA kursiyerleri sertifikalarını aldı",
    }


def test_search_sorts_pages_and_collapses_stories(client: TestClient) -> None:
    newest = client.get("/api/search", params={"sort": "date", "limit": 3}).json()
    dates = [h["published_at"] for h in newest["hits"]]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == 3
    second = client.get("/api/search", params={"sort": "date", "limit": 3, "offset": 3}).json()
    assert not {h["id"] for h in newest["hits"]} & {h["id"] for h in second["hits"]}
    collapsed = client.get("/api/search", params={"q": "kooperatif", "collapse": "true"}).json()
    story = [h for h in collapsed["hits"] if h["story_id"] == "story-ordu-kooperatif"]
    assert len(story) == 1
    assert story[0]["other_outlets"] == 1


def test_search_snippets_are_html_safe(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "bakım"}).json()
    planted = next(h for h in data["hits"] if h["id"] == PLANTED_ID)
    assert "<script" not in planted["snippet"]
    assert "<mark>" in planted["snippet"]
    # JSON carries the title as data; escaping is the page's job.
    assert planted["title"] == PLANTED_TITLE


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"q": '"never closed'}, "never closed"),
        ({"q": "x" * 501}, "parameter 'q'"),
        ({"limit": 0}, "parameter 'limit'"),
        ({"limit": 101}, "at most 100"),
        ({"offset": -1}, "parameter 'offset'"),
        ({"offset": 9995, "limit": 10}, "paging stops"),
        ({"sort": "popularity"}, "parameter 'sort'"),
        ({"since": "2025-13-45"}, "parameter 'since'"),
        ({"since": "2025-12-01", "until": "2025-01-01"}, "after 'until'"),
        ({"histogram": "year"}, "parameter 'histogram'"),
        ({"province": "x" * 201}, "at most 200"),
        ({"q": "bilinmez:alan"}, "bilinmez"),
    ],
)
def test_search_rejects_bad_parameters_with_a_message(
    client: TestClient, params: dict[str, object], fragment: str
) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 400
    assert fragment in response.json()["error"]


def test_malformed_query_reports_its_position(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": 'samsun "açık'})
    assert response.status_code == 400
    assert response.json()["position"] == 7


def test_article_with_entities(client: TestClient) -> None:
    article = corpus()[0]
    data = client.get(f"/api/articles/{article.id}").json()
    assert data["title"] == article.title
    assert data["entities"]["projects"] == [{"name": "SİROMA", "id": "siroma"}]
    assert data["entities"]["people"][0]["title"] == "Vali"
    assert any(m["label"] == "province" for m in data["entities"]["mentions"])


def test_article_unknown_or_malformed_id(client: TestClient) -> None:
    missing = client.get("/api/articles/0000000000000000")
    assert missing.status_code == 404
    assert "no article" in missing.json()["error"]
    bad = client.get("/api/articles/<script>")
    assert bad.status_code == 400
    assert "article_id" in bad.json()["error"]


def test_entity_lists_with_counts(client: TestClient) -> None:
    projects = client.get("/api/entities/projects").json()
    assert projects["total"] == 2
    assert projects["items"][0] == {
        "project": "siroma",
        "name": "SİROMA",
        "articles": 4,
        "query": 'proje:"siroma"',
    }
    provinces = client.get("/api/entities/provinces").json()["items"]
    assert [(p["province"], p["plate"], p["articles"]) for p in provinces] == [
        ("Ordu", 52, 4),
        ("Samsun", 55, 3),
        ("Trabzon", 61, 2),
    ]
    people = client.get("/api/entities/people", params={"q": "proje:yades"}).json()["items"]
    assert {(p["person"], p["articles"]) for p in people} == {
        ("Hülya Tunç", 2),
        ("Selin Akbaş", 1),
    }
    organizations = client.get("/api/entities/organizations", params={"limit": 1}).json()
    assert organizations["total"] == 2
    assert len(organizations["items"]) == 1


def test_entity_list_of_unknown_kind(client: TestClient) -> None:
    response = client.get("/api/entities/planets")
    assert response.status_code == 400
    assert "parameter 'kind'" in response.json()["error"]


def test_mentions_over_time_for_an_entity_and_a_query(client: TestClient) -> None:
    data = client.get("/api/mentions", params={"project": "yades"}).json()
    assert data["query"] == 'proje:"yades"'
    assert data["series"] == [
        {"period": "2025-10-01", "count": 1},
        {"period": "2025-11-01", "count": 1},
        {"period": "2025-12-01", "count": 1},
    ]
    weekly = client.get("/api/mentions", params={"q": "hibe", "interval": "week"}).json()
    assert weekly["interval"] == "week"
    assert weekly["total"] == sum(p["count"] for p in weekly["series"]) >= 2
    assert all(p["count"] >= 0 for p in weekly["series"])


def test_mentions_need_a_subject_and_a_known_interval(client: TestClient) -> None:
    empty = client.get("/api/mentions")
    assert empty.status_code == 400
    assert "mentions of what" in empty.json()["error"]
    bad = client.get("/api/mentions", params={"q": "hibe", "interval": "hour"})
    assert bad.status_code == 400


def test_export_csv(client: TestClient) -> None:
    response = client.get("/api/export", params={"q": "proje:siroma", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4
    assert rows[0]["published_at"] >= rows[-1]["published_at"]
    assert {r["projects"] for r in rows} == {"siroma"}
    assert "Selin Akbaş" in {name for r in rows for name in r["people"].split("; ")}


def test_export_jsonl_respects_max_rows(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "jsonl", "max_rows": 3})
    assert response.status_code == 200
    records = [json.loads(line) for line in response.text.splitlines()]
    assert len(records) == 3
    assert set(records[0]) >= {"id", "title", "url", "provinces", "projects"}


def test_export_rejects_bad_format_and_bad_query(client: TestClient) -> None:
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 400
    bad = client.get("/api/export", params={"q": "(samsun"})
    assert bad.status_code == 400
    assert "error" in bad.json()


def test_health_counts(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"archived": 8, "indexed": 8}


def test_reindex_is_disabled_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/reindex")
    assert response.status_code == 403
    assert "KUPUR_API_TOKEN" in response.json()["error"]


def test_reindex_needs_the_right_token(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KUPUR_API_TOKEN", "s3cret-token")
    missing = client.post("/api/reindex")
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/reindex", headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401
    done = client.post("/api/reindex", headers={"Authorization": "Bearer s3cret-token"})
    assert done.status_code == 200
    assert done.json() == {"indexed": 8}
    assert client.get("/api/search").json()["total"] == 8


def test_read_only_endpoints_refuse_writes(client: TestClient) -> None:
    assert client.post("/api/search").status_code == 405
    assert client.delete("/api/articles/0000000000000000").status_code == 405


def test_request_body_size_is_capped(client: TestClient) -> None:
    response = client.post("/api/reindex", content=b"x" * (64 * 1024 + 1))
    assert response.status_code == 413
    assert "too large" in response.json()["error"]


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/api/search", "/", "/docs", "/static/style.css", "/api/nowhere"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'none'" in policy
        assert "default-src 'none'" in policy


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/api/health",
        "/api/search",
        "/api/articles/{article_id}",
        "/api/entities/{kind}",
        "/api/mentions",
        "/api/export",
        "/api/reindex",
        "/api/saved-searches",
        "/api/saved-searches/{subscription}/{search}",
    }


def test_page_size_cap_follows_the_settings(data_settings: Settings, kupur: Kupur) -> None:
    small = data_settings.model_copy(
        update={"web": data_settings.web.model_copy(update={"max_page_size": 5})}
    )
    with TestClient(create_app(small, kupur)) as capped:
        assert capped.get("/api/search", params={"limit": 5}).status_code == 200
        refused = capped.get("/api/search", params={"limit": 6})
        assert refused.status_code == 400
        assert "at most 5" in refused.json()["error"]


def test_search_backend_down_is_a_503(data_settings: Settings, tmp_path) -> None:
    # A real backend that cannot open its files: the index directory is a plain file.
    blocked = tmp_path / "data"
    blocked.mkdir()
    (blocked / "index").write_text("not an index")
    settings = data_settings.model_copy(update={"data_dir": blocked})
    with TestClient(create_app(settings)) as down:
        response = down.get("/api/search", params={"q": "hibe"})
    assert response.status_code == 503
    assert response.json()["error"]


def test_facet_filters_bind_the_whole_typed_query(client: TestClient) -> None:
    data = client.get(
        "/api/search", params={"q": "Samsun OR Trabzon", "person": "Hülya Tunç"}
    ).json()
    assert data["query"] == '(Samsun OR Trabzon) kişi:"Hülya Tunç"'
    assert {h["title"] for h in data["hits"]} == {
        "Yaşlı Destek Programı Samsun'da genişliyor",
        "Trabzon'da yaşlılara evde bakım ziyareti",
    }


def test_snippets_mark_other_forms_of_a_word_on_every_search(client: TestClient) -> None:
    # Marked by stem: "kooperatifler" finds and marks "kooperatifine" and "kooperatifin". The
    # second search reads the stems the first one learned; both mark the same words.
    for _ in range(2):
        hits = client.get("/api/search", params={"q": "kooperatifler"}).json()["hits"]
        marked = sorted(
            m for hit in hits for m in re.findall(r"<mark>(.*?)</mark>", hit["snippet"])
        )
        assert marked == ["kooperatifin", "kooperatifine"]
