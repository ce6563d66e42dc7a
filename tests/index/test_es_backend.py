"""The Elasticsearch / OpenSearch code paths that need no server: the shipped template, the
translation to query DSL, version checks, and a refused connection."""

from __future__ import annotations

import json
import socket
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from kupur.core.errors import BackendMismatch, BackendUnavailable
from kupur.core.turkish import APOSTROPHES
from kupur.index import open_backend, plan
from kupur.index.api import SearchRequest
from kupur.index.es_backend import build_template, version_problem
from kupur.index.es_query import scope_query, search_body, translate
from kupur.index.query import parse_query


def _template() -> dict:
    text = (resources.files("kupur.index") / "templates" / "articles.es.json").read_text("utf-8")
    return json.loads(text)


def test_template_has_the_turkish_analysis_the_issue_names() -> None:
    settings = _template()["template"]["settings"]["analysis"]
    stemmed = settings["analyzer"]["kupur_turkish"]
    assert stemmed["filter"] == [
        "kupur_turkish_lowercase",
        "kupur_protected_names",
        "kupur_turkish_stemmer",
        "asciifolding",
    ]
    assert settings["analyzer"]["kupur_folded"]["filter"] == [
        "kupur_turkish_lowercase",
        "asciifolding",
    ]
    for analyzer in settings["analyzer"].values():
        # Apostrophe suffixes dropped, words split as tantivy's simple tokenizer splits them.
        assert analyzer["char_filter"] == ["kupur_apostrophe_suffix"]
        assert analyzer["tokenizer"] == "kupur_words"
    suffix = settings["char_filter"]["kupur_apostrophe_suffix"]["pattern"]
    assert set(suffix.split("[")[2].split("]")[0]) == set(APOSTROPHES)
    assert settings["filter"]["kupur_turkish_lowercase"] == {
        "type": "lowercase",
        "language": "turkish",
    }
    assert settings["filter"]["kupur_turkish_stemmer"]["language"] == "turkish"
    protected = settings["filter"]["kupur_protected_names"]
    assert protected["type"] == "keyword_marker"
    assert {"samsun", "istanbul", "atakum", "aile"} <= set(protected["keywords"])
    assert "asciifolding" in settings["normalizer"]["kupur_keyword"]["filter"]


def test_template_mapping() -> None:
    properties = _template()["template"]["mappings"]["properties"]
    assert properties["text"]["fields"]["folded"]["analyzer"] == "kupur_folded"
    assert properties["province"]["fields"]["key"]["normalizer"] == "kupur_keyword"
    assert properties["embedding"]["type"] == "dense_vector"


def test_template_is_adapted_per_product_and_index_name() -> None:
    es = build_template("haberler", "elasticsearch")
    assert es["index_patterns"] == ["haberler-v*"]
    assert "_comment" not in es
    opensearch = build_template("haberler", "opensearch")
    assert "embedding" not in opensearch["template"]["mappings"]["properties"]
    assert opensearch["template"]["settings"]["index.knn"] is True


def test_words_become_match_clauses_never_query_strings() -> None:
    dsl = translate(parse_query('projeler "kadın kooperatifi" -ihale'), set())
    text = json.dumps(dsl, ensure_ascii=False)
    assert "query_string" not in text
    assert "simple_query_string" not in text
    must, must_not = dsl["bool"]["must"], dsl["bool"]["must_not"]
    word = must[0]["bool"]["should"]
    assert {"match_phrase": {"text.folded": {"query": "projeler", "boost": 1.5}}} in word
    assert {"match": {"text": {"query": "projeler", "boost": 1.0}}} in word
    assert must[1]["bool"]["should"][1] == {
        "match_phrase": {"text.folded": {"query": "kadın kooperatifi", "boost": 1.5}}
    }
    assert must_not[0]["bool"]["should"][0]["match_phrase"]["title.folded"]["query"] == "ihale"


def test_unsafe_and_protected_words_are_not_stemmed() -> None:
    aile = translate(parse_query("aile"), set())["bool"]["should"]
    assert {"match": {"text": {"query": "aile", "boost": 1.0, "analyzer": "kupur_folded"}}} in aile
    short = translate(parse_query("AI"), set())["bool"]["should"]
    assert [next(iter(clause)) for clause in short] == ["match_phrase", "match_phrase"]
    protected = translate(parse_query("Atakum"), {"atakum"})["bool"]["should"]
    assert protected[3]["match"]["text"]["analyzer"] == "kupur_folded"


def test_field_filters_and_dates() -> None:
    assert translate(parse_query("İL:SAMSUN"), set()) == {"term": {"province_key": "samsun"}}
    assert translate(parse_query('kişi:"Kemal Gümrükçü"'), set()) == {
        "match_phrase": {"person_words": "Kemal Gümrükçü"}
    }
    assert translate(parse_query("tarih:2025-11"), set()) == {
        "range": {
            "published_at": {"gte": "2025-11-01T00:00:00+03:00", "lt": "2025-12-01T00:00:00+03:00"}
        }
    }
    assert translate(parse_query("koopera*"), set())["bool"]["should"][1] == {
        "prefix": {"text.folded": {"value": "koopera"}}
    }


class _RecordingEngine:
    """Compiles the plan's scopes and pages to DSL as the server backend does, with every
    query word unprotected, and records the bodies instead of sending them."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

    def compile(self, scope: plan.Scope) -> dict[str, Any]:
        return scope_query(scope, set(), index="kupur")

    def rank(self, scope: dict[str, Any], page: plan.Page) -> plan.Ranking:
        self.bodies.append(search_body(scope, page))
        return plan.Ranking([])

    def nearest(self, scope: dict[str, Any], vector: Any, limit: int) -> list[plan.Candidate]:
        raise AssertionError("not asked by a keyword search")

    def stored_vector(self, article_id: str) -> None:
        raise AssertionError("not asked by a keyword search")

    def holds(self, article_id: str) -> bool:
        raise AssertionError("not asked by a keyword search")

    def story_sizes(self, scope: dict[str, Any], story_keys: Any) -> dict[str, int]:
        raise AssertionError("not asked without hits")

    def snippet(self, candidate: plan.Candidate) -> str:
        raise AssertionError("not asked without hits")


def test_request_body() -> None:
    """What a keyword search asks the server: one request for the page, total and aggregations."""
    request = SearchRequest(
        "proje",
        provinces=["Samsun"],
        sort="date",
        limit=5,
        offset=10,
        facets=True,
        histogram="week",
        collapse_stories=True,
    )
    engine = _RecordingEngine()
    plan.search(request, engine)
    [body] = engine.bodies
    assert (body["from"], body["size"]) == (10, 5)
    assert body["sort"][0] == {"published_at": {"order": "desc", "missing": "_last"}}
    assert body["collapse"] == {"field": "story_key"}
    assert body["query"]["bool"]["filter"] == [{"terms": {"province_key": ["samsun"]}}]
    assert body["aggs"]["histogram"]["date_histogram"]["calendar_interval"] == "week"
    assert body["aggs"]["histogram"]["date_histogram"]["time_zone"] == "Europe/Istanbul"
    assert set(body["aggs"]) == {
        "province",
        "district",
        "person",
        "organization",
        "project",
        "source",
        "histogram",
    }
    assert body["highlight"]["pre_tags"] == ["<mark>"]


@pytest.mark.parametrize(
    ("info", "expected", "problem"),
    [
        ({"version": {"number": "8.15.3"}}, None, None),
        ({"version": {"number": "8.15.3"}}, "elasticsearch", None),
        ({"version": {"number": "9.1.0"}}, None, "Elasticsearch 9.1.0 is not supported"),
        ({"version": {"number": "7.17.0"}}, None, "Elasticsearch 7.17.0 is not supported"),
        ({"version": {"number": "2.19.0", "distribution": "opensearch"}}, "opensearch", None),
        ({"version": {"number": "3.1.0", "distribution": "opensearch"}}, None, None),
        ({"version": {"number": "1.3.0", "distribution": "opensearch"}}, None, "OpenSearch 1.3.0"),
        (
            {"version": {"number": "2.19.0", "distribution": "opensearch"}},
            "elasticsearch",
            'set search.backend = "opensearch"',
        ),
    ],
)
def test_version_check(info: dict, expected: str | None, problem: str | None) -> None:
    found = version_problem(info, expected)  # type: ignore[arg-type]
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert problem in found


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("kind", ["elasticsearch", "opensearch", "tantivy"])
def test_connection_refused_is_backend_unavailable_quickly(kind: str, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    started = time.monotonic()
    with pytest.raises(BackendUnavailable, match="cannot reach the search server"):
        open_backend(kind=kind, url=url, index_dir=tmp_path, index_name="kupur")
    assert time.monotonic() - started < 5


def test_a_server_that_is_not_a_search_engine(tmp_path: Path) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    class NotSearch(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>hello</html>")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), NotSearch)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        with pytest.raises(BackendMismatch, match="does not look like Elasticsearch"):
            open_backend(kind="elasticsearch", url=url, index_dir=tmp_path, index_name="kupur")
    finally:
        server.shutdown()
