"""``kupur search`` end to end on the embedded index under the data directory."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kupur.cli import cli
from kupur.cli.search import render_snippet
from kupur.index import open_backend
from tests.index.corpus import KOOP, KOOP_COPY, corpus


@pytest.fixture
def indexed() -> Path:
    data_dir = Path(os.environ["KUPUR_DATA_DIR"])
    backend = open_backend(kind="tantivy", url="", index_dir=data_dir / "index", index_name="kupur")
    backend.upsert(corpus())
    backend.close()
    return data_dir


def test_json_output(indexed: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "gumrukcu", "--json", "--histogram", "month"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total"] == 2
    assert {h["id"] for h in data["hits"]} == {corpus()[KOOP].id, corpus()[KOOP_COPY].id}
    assert set(data["hits"][0]) >= {
        "id",
        "url",
        "title",
        "published_at",
        "source",
        "snippet",
        "score",
        "entities",
    }
    assert {"value": "Samsun", "count": 2} in data["facets"]["province"]
    assert data["histogram"] == [{"key": "2025-11-01", "count": 2}]


def test_human_output_with_collapse(indexed: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "kooperatif", "--collapse", "--province", "Samsun"])
    assert result.exit_code == 0, result.output
    assert "+1 other outlet" in result.output
    assert "samsun.aile.gov.tr" in result.output or "karadenizgazetesi" in result.output
    assert "2 result(s)" in result.output


def test_pages_and_date_sort(indexed: Path) -> None:
    runner = CliRunner()
    pages = [
        json.loads(
            runner.invoke(
                cli,
                ["search", "il:Samsun", "--sort", "date", "--limit", "2", "--page", p, "--json"],
            ).output
        )
        for p in ("1", "2")
    ]
    assert [len(p["hits"]) for p in pages] == [2, 1]
    dates = [h["published_at"] for p in pages for h in p["hits"]]
    assert dates == sorted(dates, reverse=True)


def test_malformed_query_exits_2_with_a_caret(indexed: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "kooperatif AND (hibe"])
    assert result.exit_code == 2
    assert "never closed" in result.output
    assert "^" in result.output


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_is_an_error(indexed: Path, query: str) -> None:
    result = CliRunner().invoke(cli, ["search", query])
    assert result.exit_code == 2
    assert "empty" in result.output


def test_like_an_article(indexed: Path) -> None:
    article = corpus()[KOOP]
    result = CliRunner().invoke(cli, ["search", "--like", article.id, "--limit", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["hits"][0]["id"] == corpus()[KOOP_COPY].id


def test_unreachable_server_is_a_clean_error(indexed: Path) -> None:
    result = CliRunner().invoke(
        cli, ["search", "kooperatif"], env={"KUPUR_SEARCH_URL": "http://127.0.0.1:9"}
    )
    assert result.exit_code == 1
    assert "cannot reach the search server" in result.output
    assert "Traceback" not in result.output


def test_render_snippet_shows_marks_as_highlight() -> None:
    text = render_snippet("a &amp; <mark>Samsun</mark>&#x27;da")
    assert text.plain == "a & Samsun'da"
    assert [(s.start, s.end) for s in text.spans] == [(4, 10)]
