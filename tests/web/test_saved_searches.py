"""Saved searches in the web app: the page, ``GET /api/saved-searches``, and the token-protected
``POST`` / ``DELETE`` that rewrite the real subscriptions file, read back with the scheduler's own
loader."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kupur.app.application import Kupur
from kupur.app.config import Settings
from kupur.digest.subscriptions import load_subscriptions
from kupur.web import create_app

TOKEN = "kayitli-arama-jetonu"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: The corpus's "SİROMA kursiyerleri sertifikalarını aldı" is from 2025-11-20: inside the week.
TODAY = date(2025, 11, 21)
PLANTED_QUERY = '"<script>window.kupurPwned = 1</script>"'

SUBSCRIPTIONS = f"""\
# Samsun il müdürlüğü abonelikleri (elle yazıldı)
subscriptions:
  - name: samsun-haftalik
    title: "Samsun sosyal hizmetler haftalık özeti"
    recipients:
      - "Ayşe Yıldırım <ayse.yildirim@example.gov.tr>"
      - "iletisim@example.gov.tr"
    frequency: weekly
    searches:
      - name: Samsun
        query: "il:Samsun"
        alerts: {{new: true, spike: true, spike_factor: 3}}
      - name: SİROMA
        query: "proje:siroma"
  - name: ordu-gunluk
    recipient: "Mehmet Öztürk <mehmet.ozturk@example.gov.tr>"
    frequency: daily
    searches:
      - name: Planted
        query: '{PLANTED_QUERY}'
        alerts: true
"""


@pytest.fixture
def subscriptions_file(tmp_path: Path) -> Path:
    return tmp_path / "conf" / "subscriptions.yaml"


@pytest.fixture
def app_client(
    data_settings: Settings, kupur: Kupur, subscriptions_file: Path
) -> Iterator[TestClient]:
    settings = data_settings.model_copy(update={"subscriptions_file": str(subscriptions_file)})
    app = create_app(settings, kupur)
    app.state.today = lambda: TODAY
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def written(subscriptions_file: Path) -> Path:
    subscriptions_file.parent.mkdir(parents=True, exist_ok=True)
    subscriptions_file.write_text(SUBSCRIPTIONS, encoding="utf-8")
    return subscriptions_file


@pytest.fixture
def token(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KUPUR_API_TOKEN", TOKEN)
    return TOKEN


def _post(client: TestClient, body: dict[str, Any]) -> Any:
    return client.post("/api/saved-searches", json=body, headers=AUTH)


# -- reading -----------------------------------------------------------------------------------


def test_api_lists_subscriptions_with_masked_recipients_and_counts(
    app_client: TestClient, written: Path
) -> None:
    data = app_client.get("/api/saved-searches").json()
    assert data["exists"] is True
    assert data["problems"] is None
    assert data["week"] == {"since": "2025-11-15", "until": "2025-11-21"}
    samsun, ordu = data["subscriptions"]
    assert samsun["recipients"] == ["a***@example.gov.tr", "i***@example.gov.tr"]
    assert ordu["recipients"] == ["m***@example.gov.tr"]
    assert "Yıldırım" not in str(data)
    assert "ayse.yildirim" not in str(data)
    assert (samsun["frequency"], ordu["frequency"]) == ("weekly", "daily")
    by_name = {s["name"]: s for s in samsun["searches"]}
    assert (by_name["Samsun"]["matches"], by_name["Samsun"]["matches_last_7_days"]) == (3, 1)
    assert (by_name["SİROMA"]["matches"], by_name["SİROMA"]["matches_last_7_days"]) == (4, 1)
    assert by_name["Samsun"]["alerts"] == {"new": True, "spike": True, "spike_factor": 3.0}
    assert by_name["SİROMA"]["alerts"] is None
    assert by_name["SİROMA"]["search_url"] == "/?q=proje%3Asiroma&collapse=true"
    assert ordu["searches"][0]["query"] == PLANTED_QUERY
    assert ordu["searches"][0]["matches"] == 0


def test_page_shows_the_searches_with_the_planted_query_escaped(
    app_client: TestClient, written: Path
) -> None:
    response = app_client.get("/kayitli-aramalar")
    assert response.status_code == 200
    html = response.text
    assert "<script>window.kupurPwned" not in html
    assert "&lt;script&gt;window.kupurPwned = 1&lt;/script&gt;" in html
    assert "Samsun sosyal hizmetler haftalık özeti" in html
    assert "a***@example.gov.tr" in html
    assert "ayse.yildirim" not in html
    assert "Haftalık" in html
    assert "Günlük" in html
    assert "ani artış (×3)" in html
    assert 'href="/?q=il%3ASamsun&amp;collapse=true"' in html
    assert 'href="/kayitli-aramalar"' in html  # in the navigation
    assert "<form" not in html.split("</header>")[1]  # nothing on the page changes state
    assert "curl -X POST" in html
    assert "Değişiklik API'si kapalı" in html


def test_missing_file_shows_where_it_goes(app_client: TestClient, subscriptions_file: Path) -> None:
    page = app_client.get("/kayitli-aramalar")
    assert page.status_code == 200
    assert "Henüz abonelik dosyası yok" in page.text
    assert str(subscriptions_file) in page.text
    data = app_client.get("/api/saved-searches").json()
    assert (data["exists"], data["subscriptions"], data["problems"]) == (False, [], None)


def test_broken_file_shows_its_problems_escaped_not_a_500(
    app_client: TestClient, subscriptions_file: Path
) -> None:
    subscriptions_file.parent.mkdir(parents=True)
    subscriptions_file.write_text(
        "subscriptions:\n  - name: bozuk\n    recipients: ['<b>yanlis</b>']\n"
        "    searches:\n      - name: x\n        query: 'il:('\n",
        encoding="utf-8",
    )
    page = app_client.get("/kayitli-aramalar")
    assert page.status_code == 200
    assert "Abonelik dosyasında sorunlar var" in page.text
    assert "&lt;b&gt;yanlis&lt;/b&gt;" in page.text
    assert "<b>yanlis" not in page.text
    assert "subscriptions[bozuk].searches[x].query: not a valid query" in page.text
    data = app_client.get("/api/saved-searches").json()
    assert data["subscriptions"] == []
    assert "2 problem(s)" in data["problems"]


# -- changing: auth ------------------------------------------------------------------------------


def test_changes_are_disabled_without_a_configured_token(
    app_client: TestClient, written: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KUPUR_API_TOKEN", raising=False)
    body = {"subscription": "samsun-haftalik", "search": {"name": "Ordu", "query": "il:Ordu"}}
    assert _post(app_client, body).status_code == 403
    assert app_client.delete("/api/saved-searches/samsun-haftalik/Samsun").status_code == 403
    assert written.read_text(encoding="utf-8") == SUBSCRIPTIONS


def test_changes_need_the_right_token(app_client: TestClient, written: Path, token: str) -> None:
    body = {"subscription": "samsun-haftalik", "search": {"name": "Ordu", "query": "il:Ordu"}}
    missing = app_client.post("/api/saved-searches", json=body)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = app_client.post(
        "/api/saved-searches", json=body, headers={"Authorization": "Bearer tahmin"}
    )
    assert wrong.status_code == 401
    deleted = app_client.delete(
        "/api/saved-searches/samsun-haftalik/Samsun", headers={"Authorization": "Bearer tahmin"}
    )
    assert deleted.status_code == 401
    assert written.read_text(encoding="utf-8") == SUBSCRIPTIONS


# -- changing: adding ----------------------------------------------------------------------------


def test_added_search_is_what_the_scheduler_reads_back(
    app_client: TestClient, written: Path, token: str
) -> None:
    body = {
        "subscription": "samsun-haftalik",
        "search": {
            "name": "Yaşlı bakımı",
            "query": 'proje:yades OR "evde bakım"',
            "alerts": {"new": True, "spike": False},
        },
    }
    response = _post(app_client, body)
    assert response.status_code == 201, response.text
    stored = response.json()["subscription"]
    assert [s["name"] for s in stored["searches"]] == ["Samsun", "SİROMA", "Yaşlı bakımı"]

    loaded = {s.name: s for s in load_subscriptions(written)}
    assert set(loaded) == {"samsun-haftalik", "ordu-gunluk"}
    added = loaded["samsun-haftalik"].searches[-1]
    assert (added.name, added.query) == ("Yaşlı bakımı", 'proje:yades OR "evde bakım"')
    assert added.alerts is not None
    assert (added.alerts.new, added.alerts.spike, added.alerts.spike_factor) == (True, False, None)
    # The rest of the file is unchanged in meaning, shorthands included.
    assert loaded["samsun-haftalik"].searches[0].alerts.spike_factor == 3  # type: ignore[union-attr]
    assert loaded["ordu-gunluk"].recipients == ("Mehmet Öztürk <mehmet.ozturk@example.gov.tr>",)
    text = written.read_text(encoding="utf-8")
    assert "recipient: Mehmet Öztürk" in text
    assert "alerts: true" in text
    # Comments are not kept: the previous file is beside it, and the new one says so.
    assert (written.parent / "subscriptions.yaml.bak").read_text(encoding="utf-8") == SUBSCRIPTIONS
    assert text.startswith("# Written by Kupür's web API")
    assert "subscriptions.yaml.bak" in text.splitlines()[0]
    assert sorted(p.name for p in written.parent.iterdir()) == [
        "subscriptions.yaml",
        "subscriptions.yaml.bak",
    ]  # no temporary file left behind
    listed = app_client.get("/api/saved-searches").json()["subscriptions"][0]["searches"]
    assert listed[-1]["matches"] == 3  # two YADES articles and the planted one


def test_creating_a_subscription_starts_a_missing_file(
    app_client: TestClient, subscriptions_file: Path, token: str
) -> None:
    body = {
        "subscription": "trabzon.gunluk",
        "title": "Trabzon günlük",
        "recipients": ["Zeynep Kaya <zeynep.kaya@example.gov.tr>"],
        "frequency": "daily",
        "search": {"name": "Trabzon", "query": "il:Trabzon", "alerts": True},
    }
    response = _post(app_client, body)
    assert response.status_code == 201, response.text
    (loaded,) = load_subscriptions(subscriptions_file)
    assert (loaded.name, loaded.title, loaded.frequency, loaded.language) == (
        "trabzon.gunluk",
        "Trabzon günlük",
        "daily",
        "tr",
    )
    assert loaded.recipients == ("Zeynep Kaya <zeynep.kaya@example.gov.tr>",)
    assert loaded.searches[0].query == "il:Trabzon"
    assert loaded.searches[0].alerts is not None
    assert not (subscriptions_file.parent / "subscriptions.yaml.bak").exists()
    page = app_client.get("/kayitli-aramalar").text
    assert "Trabzon günlük" in page
    assert "z***@example.gov.tr" in page


def test_malformed_query_is_a_400_with_the_caret_and_nothing_is_written(
    app_client: TestClient, written: Path, token: str
) -> None:
    body = {"subscription": "samsun-haftalik", "search": {"name": "Bozuk", "query": "il:(Samsun"}}
    response = _post(app_client, body)
    assert response.status_code == 400
    data = response.json()
    assert data["position"] == 3
    assert data["error"].endswith("il:(Samsun\n     ^")
    assert written.read_text(encoding="utf-8") == SUBSCRIPTIONS
    assert not (written.parent / "subscriptions.yaml.bak").exists()


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        (
            {"subscription": "samsun haftalik", "search": {"name": "a", "query": "a"}},
            400,
            "subscription",
        ),
        ({"subscription": "samsun-haftalik"}, 400, "search"),
        ({"subscription": "samsun-haftalik", "search": {"name": "", "query": "a"}}, 400, "name"),
        (
            {"subscription": "samsun-haftalik", "search": {"name": "a", "query": "x" * 501}},
            400,
            "query",
        ),
        (
            {"subscription": "samsun-haftalik", "search": {"name": "a", "query": "a"}, "bcc": "x"},
            400,
            "bcc",
        ),
        (
            {
                "subscription": "samsun-haftalik",
                "search": {"name": "a", "query": "a", "alerts": {"spike_factor": 1}},
            },
            400,
            "spike_factor",
        ),
        (
            {"subscription": "samsun-haftalik", "search": {"name": "Samsun", "query": "a"}},
            409,
            "already has",
        ),
        (
            {
                "subscription": "samsun-haftalik",
                "title": "Yeni",
                "search": {"name": "b", "query": "b"},
            },
            409,
            "leave out title",
        ),
        ({"subscription": "yok-boyle", "search": {"name": "a", "query": "a"}}, 404, "recipients"),
        (
            {
                "subscription": "yeni",
                "recipients": ["adres-degil"],
                "search": {"name": "a", "query": "a"},
            },
            400,
            "not a mail address",
        ),
        (
            {"subscription": "yeni", "recipients": [], "search": {"name": "a", "query": "a"}},
            400,
            "recipients",
        ),
    ],
)
def test_bad_additions_are_refused_and_nothing_is_written(
    app_client: TestClient,
    written: Path,
    token: str,
    body: dict[str, Any],
    status: int,
    expected: str,
) -> None:
    response = _post(app_client, body)
    assert response.status_code == status, response.text
    assert expected in response.json()["error"]
    assert written.read_text(encoding="utf-8") == SUBSCRIPTIONS


def test_not_json_and_oversized_bodies_are_refused(
    app_client: TestClient, written: Path, token: str
) -> None:
    not_json = app_client.post(
        "/api/saved-searches",
        content=b"subscription=samsun",
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert not_json.status_code == 400
    huge = app_client.post(
        "/api/saved-searches",
        content=b'{"subscription": "' + b"x" * (64 * 1024) + b'"}',
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert huge.status_code == 413
    assert written.read_text(encoding="utf-8") == SUBSCRIPTIONS


def test_a_broken_file_is_not_changed(
    app_client: TestClient, subscriptions_file: Path, token: str
) -> None:
    subscriptions_file.parent.mkdir(parents=True)
    broken = "subscriptions:\n  - name: eksik\n"
    subscriptions_file.write_text(broken, encoding="utf-8")
    body = {"subscription": "eksik", "search": {"name": "a", "query": "a"}}
    response = _post(app_client, body)
    assert response.status_code == 409
    assert "fix them before changing it" in response.json()["error"]
    deleted = app_client.delete("/api/saved-searches/eksik/a", headers=AUTH)
    assert deleted.status_code == 409
    assert subscriptions_file.read_text(encoding="utf-8") == broken


# -- changing: deleting --------------------------------------------------------------------------


def test_delete_removes_one_search_and_the_rest_reads_back(
    app_client: TestClient, written: Path, token: str
) -> None:
    response = app_client.delete("/api/saved-searches/samsun-haftalik/S%C4%B0ROMA", headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "deleted": "SİROMA",
        "subscription": "samsun-haftalik",
        "subscription_removed": False,
    }
    loaded = {s.name: s for s in load_subscriptions(written)}
    assert [s.name for s in loaded["samsun-haftalik"].searches] == ["Samsun"]
    assert loaded["ordu-gunluk"].searches[0].query == PLANTED_QUERY


def test_deleting_the_last_search_removes_its_subscription(
    app_client: TestClient, written: Path, token: str
) -> None:
    response = app_client.delete("/api/saved-searches/ordu-gunluk/Planted", headers=AUTH)
    assert response.status_code == 200
    assert response.json()["subscription_removed"] is True
    assert [s.name for s in load_subscriptions(written)] == ["samsun-haftalik"]


def test_search_names_with_slashes_and_spaces_can_be_deleted(
    app_client: TestClient, written: Path, token: str
) -> None:
    body = {
        "subscription": "samsun-haftalik",
        "search": {"name": "Ordu / Giresun", "query": "il:Ordu"},
    }
    assert _post(app_client, body).status_code == 201
    response = app_client.delete(
        "/api/saved-searches/samsun-haftalik/Ordu%20/%20Giresun", headers=AUTH
    )
    assert response.status_code == 200, response.text
    names = [s.name for s in load_subscriptions(written)[0].searches]
    assert names == ["Samsun", "SİROMA"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/saved-searches/yok-boyle/Samsun", 404),
        ("/api/saved-searches/samsun-haftalik/Yok", 404),
        ("/api/saved-searches/samsun%20haftalik/Samsun", 400),
        ("/api/saved-searches/samsun-haftalik/", 400),
    ],
)
def test_bad_deletions_are_refused(
    app_client: TestClient, written: Path, token: str, url: str, status: int
) -> None:
    response = app_client.delete(url, headers=AUTH)
    assert response.status_code == status, response.text
    assert written.read_text(encoding="utf-8") == SUBSCRIPTIONS
