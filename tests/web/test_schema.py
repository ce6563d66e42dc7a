"""The JSON API against its own OpenAPI schema, with schemathesis: requests generated from the
schema, valid and invalid, for every operation, and every answer checked — no server error, a
status the operation documents, a body and content type as the schema says, invalid input
refused. The number of examples is bounded (``MAX_EXAMPLES`` per operation and mode, plus the
coverage phase's boundary cases) and the generation is deterministic, so a run sends the same
requests each time.

The app runs over its own copy of the test corpus and its own subscriptions file, with an API
token, so the token-protected operations (reindex, saved-search changes) are exercised for real
without touching what the other tests read."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from schemathesis import Case
from schemathesis.config import SchemathesisConfig

from kupur.app.application import Kupur
from kupur.app.config import load_settings
from kupur.web import create_app
from tests.web.conftest import build_data_dir

#: Examples per operation and generation mode (positive, negative); KUPUR_TEST_SCHEMA_EXAMPLES
#: asks for a deeper run.
MAX_EXAMPLES = int(os.environ.get("KUPUR_TEST_SCHEMA_EXAMPLES", "15"))
TOKEN = "sema-jetonu"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _schema_only_app() -> FastAPI:
    """An app to read the schema from when this module is imported (schemathesis's pytest loader
    from a fixture does not work with pytest 9). The schema does not depend on the data, so this
    app opens nothing; the cases are sent to ``api`` below."""
    settings = load_settings(environ={}, data_dir="kupur-schema-only")
    return create_app(settings, Kupur.__new__(Kupur))


def _config() -> SchemathesisConfig:
    config = SchemathesisConfig()
    config.projects.default.generation.update(
        modes=["positive", "negative"],
        max_examples=MAX_EXAMPLES,
        deterministic=True,
        database="none",
    )
    # A schema-valid request may still be refused with 400 for what a schema cannot say: the
    # query language's grammar (q), since after until, offset + limit past 10,000, a series
    # longer than MAX_PERIODS. Every other refusal of valid data still fails.
    config.projects.default.checks.positive_data_acceptance.expected_statuses = [
        "2xx",
        "400",
        "401",
        "403",
        "404",
        "409",
    ]
    return config


schema = schemathesis.openapi.from_asgi("/openapi.json", _schema_only_app(), config=_config())


@pytest.fixture(scope="module")
def schema_kupur(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kupur]:
    settings = build_data_dir(tmp_path_factory.mktemp("schema-data"))
    with Kupur(settings) as opened:
        yield opened


@pytest.fixture(scope="module")
def api(schema_kupur: Kupur) -> Iterator[FastAPI]:
    """The real app over its own corpus, with an API token set."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KUPUR_API_TOKEN", TOKEN)
        yield create_app(schema_kupur.settings, schema_kupur)


@schema.parametrize()
def test_the_api_answers_as_its_schema_says(case: Case, api: FastAPI) -> None:
    case.call_and_validate(app=api, headers=AUTH)


def test_the_schema_lists_the_error_statuses_and_no_422(schema_kupur: Kupur) -> None:
    with TestClient(create_app(schema_kupur.settings, schema_kupur)) as client:
        document = client.get("/openapi.json").json()
        paths = document["paths"]
        statuses = {
            (path, method): set(operation["responses"])
            for path, operations in paths.items()
            for method, operation in operations.items()
        }
        assert all("422" not in found for found in statuses.values())
        assert {"400", "404"} <= statuses[("/api/articles/{article_id}", "get")]
        assert {"400", "503"} <= statuses[("/api/search", "get")]
        assert {"401", "403", "409", "413"} <= statuses[("/api/saved-searches", "post")]
        assert {"401", "403", "404"} <= statuses[
            ("/api/saved-searches/{subscription}/{search}", "delete")
        ]
        assert {"401", "403"} <= statuses[("/api/reindex", "post")]
        # What the server answers is what the schema lists: an unknown article is a 404 ...
        missing = client.get("/api/articles/0000000000000000")
        assert missing.status_code == 404
        assert set(missing.json()) <= set(
            document["components"]["schemas"]["ApiError"]["properties"]
        )
        # ... and a page larger than web.max_page_size is beyond the schema's maximum.
        limit = next(p for p in paths["/api/search"]["get"]["parameters"] if p["name"] == "limit")
        maximum = next(o["maximum"] for o in limit["schema"]["anyOf"] if o.get("type") == "integer")
        assert maximum == schema_kupur.settings.web.max_page_size
        assert client.get("/api/search", params={"limit": maximum}).status_code == 200
        assert client.get("/api/search", params={"limit": maximum + 1}).status_code == 400


def test_an_empty_date_is_documented_and_means_no_bound(schema_kupur: Kupur) -> None:
    with TestClient(create_app(schema_kupur.settings, schema_kupur)) as client:
        parameters = client.get("/openapi.json").json()["paths"]["/api/search"]["get"]["parameters"]
        until = next(p for p in parameters if p["name"] == "until")
        assert {"type": "string", "maxLength": 0} in until["schema"]["anyOf"]
        bounded = client.get("/api/search", params={"until": ""}).json()
        assert bounded["total"] == client.get("/api/search").json()["total"]
        assert client.get("/api/search", params={"until": "2025-13-01"}).status_code == 400
