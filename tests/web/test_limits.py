"""What one request may cost: series over time, result depth and request bodies are bounded, and
an absurd request is refused with a message (never a huge answer, a crash or a server error)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from kupur.app import application
from kupur.app.application import Kupur, TooManyPeriods
from kupur.app.config import Settings
from kupur.web import api
from kupur.web.app import MAX_BODY_BYTES
from kupur.web.params import MAX_PERIODS, MAX_RANKED_OFFSET


def test_a_day_series_over_years_1_to_9999_is_refused_not_computed(client: TestClient) -> None:
    # The probe's abusive request: 213,301 rows (7.25 MB, ~2 s of CPU) for anyone who asked.
    response = client.get(
        "/api/mentions",
        params={
            "q": "proje:siroma",
            "interval": "day",
            "since": "0001-01-01",
            "until": "9999-12-31",
        },
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert f"{MAX_PERIODS:,}" in error
    assert "interval" in error
    assert len(response.content) < 1_000


def test_a_series_within_the_limit_is_answered_with_every_period(client: TestClient) -> None:
    response = client.get(
        "/api/mentions",
        params={
            "q": "proje:siroma",
            "interval": "day",
            "since": "2025-01-01",
            "until": "2025-12-31",
        },
    )
    assert response.status_code == 200
    series = response.json()["series"]
    assert len(series) == 365
    assert series[0]["period"] == "2025-01-01"
    assert series[-1]["period"] == "2025-12-31"
    # The same span by month is fine even when unbounded by the client.
    monthly = client.get("/api/mentions", params={"q": "proje:siroma", "since": "0001-01-01"})
    assert monthly.status_code == 200


def test_the_limit_counts_periods_of_the_interval(kupur: Kupur) -> None:
    # Monday 2000-01-03 to Sunday 2019-03-03: exactly 1,000 weeks, or 7,000 days.
    since, until = date(2000, 1, 3), date(2019, 3, 3)
    weekly = kupur.mentions_over_time(
        "proje:siroma", "week", since=since, until=until, max_periods=1000
    )
    assert len(weekly) == 1000
    with pytest.raises(TooManyPeriods, match="7,000 periods, more than the 1,000"):
        kupur.mentions_over_time("proje:siroma", "day", since=since, until=until, max_periods=1000)
    # Without bounds the data's own span counts (here a few months).
    with pytest.raises(TooManyPeriods):
        kupur.mentions_over_time("proje:siroma", "day", max_periods=5)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_page_far_past_the_end_is_empty_instead_of_aborting_the_process(
    data_settings: Settings,
) -> None:
    # In a child process: before the bound, tantivy reserved 16 bytes for every position down to
    # the page asked for (1.6 TB here) and the allocation failure aborted the process, which
    # would kill a notebook's kernel.
    result = _run(
        f"""
        from kupur import open_kupur
        k = open_kupur({str(data_settings.data_dir)!r})
        whole = k.search("", limit=1)
        far = k.search("", offset=99_999_999_990, limit=10, facets=True)
        print(far.total == whole.total > 0, far.hits == [], bool(far.facets))
        huge = k.search("", limit=10**12)
        print(len(huge.hits) == whole.total)
        """
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["True", "True", "True", "True"]


def test_kupur_search_with_an_absurd_page_prints_the_total(data_settings: Settings) -> None:
    kupur = [sys.executable, "-m", "kupur", "--data-dir", str(data_settings.data_dir)]
    result = subprocess.run(
        [*kupur, "search", "siroma", "--page", "99999999999"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "result(s)" in result.stdout


def test_whole_result_sets_are_still_read_past_the_depth_bound(kupur: Kupur) -> None:
    everything = kupur.article_ids("")
    assert len(everything) > 4
    with pytest.MonkeyPatch.context() as patch:
        # Bounds small enough for the test corpus: pages of 2, bounded by the index past 3.
        patch.setattr(application, "_PAGE", 2)
        patch.setattr(application, "DEEP_RESULTS", 3)
        paged = kupur.article_ids("")
        last_page = kupur.search("", sort="date", offset=len(everything) - 1, limit=5)
    assert paged == everything
    assert [hit.id for hit in last_page.hits] == everything[-1:]


def test_a_negative_page_is_a_clear_error(kupur: Kupur) -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        kupur.search("", offset=-1)


def _chunks(total: int, size: int = 8192) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        chunk = b" " * min(size, total - sent)
        sent += len(chunk)
        yield chunk


def test_an_oversized_chunked_body_gets_413(client: TestClient) -> None:
    # No Content-Length: the body streams in chunks past the cap. The endpoint parses JSON, so the
    # overflow used to surface as a broken body (400).
    response = client.post(
        "/api/saved-searches",
        content=_chunks(MAX_BODY_BYTES + 10_000),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert "too large" in response.json()["error"]


def test_a_small_chunked_body_still_reaches_the_endpoint(client: TestClient) -> None:
    response = client.post(
        "/api/saved-searches",
        content=iter([b'{"subscription": ', b'"x"}']),
        headers={"Content-Type": "application/json"},
    )
    # Read whole and passed on: the token check answers (no token is configured).
    assert response.status_code == 403


def test_while_a_costly_request_runs_another_waits_briefly_then_gets_503(
    client: TestClient,
) -> None:
    gate = client.app.state.cost_gate  # type: ignore[attr-defined]
    with gate.held():  # a costly request in progress (an export, entity counts...)
        refused = client.get("/api/entities/people", params={"q": "proje:siroma"})
        page = client.get("/liste/kisiler")
        deep = client.get("/api/search", params={"collapse": "true", "offset": 200})
        search = client.get("/api/search", params={"q": "proje:siroma"})
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "5"
    assert "busy" in refused.json()["error"]
    assert page.status_code == 503
    assert "meşgul" in page.text
    assert deep.status_code == 503
    # Searches that read only their page are never held back.
    assert search.status_code == 200
    assert client.get("/api/entities/people", params={"q": "proje:siroma"}).status_code == 200


def test_rankings_that_read_past_the_page_stop_paging_sooner(client: TestClient) -> None:
    for params in ({"collapse": "true"}, {"q": "bakım", "mode": "hybrid"}):
        response = client.get("/api/search", params={**params, "offset": MAX_RANKED_OFFSET})
        assert response.status_code == 400
        assert f"stops at result {MAX_RANKED_OFFSET}" in response.json()["error"]
    plain = client.get("/api/search", params={"offset": MAX_RANKED_OFFSET})
    assert plain.status_code == 200


def test_entity_counts_over_filters_selecting_too_many_articles_are_refused(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    selected = client.get("/api/search", params={"q": "il:Samsun", "limit": 1}).json()["total"]
    assert selected > 1
    monkeypatch.setattr(api, "MAX_COUNTED", selected - 1)
    refused = client.get("/api/entities/people", params={"q": "il:Samsun"})
    assert refused.status_code == 400
    assert f"select {selected} articles" in refused.json()["error"]
    monkeypatch.setattr(api, "MAX_COUNTED", selected)
    assert client.get("/api/entities/people", params={"q": "il:Samsun"}).status_code == 200
    # Without filters every article counts (from the cached corpus).
    monkeypatch.setattr(api, "MAX_COUNTED", 1)
    assert client.get("/api/entities/people").status_code == 200
