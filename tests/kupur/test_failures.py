"""Adversarial cases found by trying to break the CLI like a new user and an unlucky production
day: each ends in a message and an exit status, never a traceback, and stored data survives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kupur.cli import cli
from tests.conftest import DemoRun


def _run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), f"uncaught {result.exception!r}\n{result.output}"
    return result


def test_config_file_that_is_not_utf8_is_a_message(tmp_path: Path) -> None:
    config = tmp_path / "kupur.toml"
    config.write_bytes("[crawl]\nuser_agent = 'Bülten'\n".encode("cp1254"))
    result = _run("--config", str(config), "export")
    assert result.exit_code == 1
    assert "not UTF-8" in result.output


def test_unknown_scheduler_time_zone_is_named(tmp_path: Path) -> None:
    config = tmp_path / "kupur.toml"
    config.write_text('[scheduler]\ntimezone = "Mars/Olympus"\n', encoding="utf-8")
    result = _run("--config", str(config), "scheduler", "jobs")
    assert result.exit_code == 1
    assert "scheduler.timezone" in result.output
    assert "Mars/Olympus" in result.output


def test_scheduler_job_runs_from_inside_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The data directory holds an index/ folder; a job's child process once imported that as
    # Kupür's ``index`` package when started from there, and every job crashed.
    data_dir = tmp_path / "data"
    (data_dir / "index").mkdir(parents=True)
    monkeypatch.chdir(data_dir)
    result = _run("--data-dir", str(data_dir), "scheduler", "run", "alerts")
    assert result.exit_code == 0, result.output
    assert '"alerts": []' in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["tarih:9999"],
        ["tarih:9999-12"],
        ["tarih:0001-01-01"],
        ["tarih:..1600"],
        ["samsun", "--until", "9999-12-31"],
        ["samsun", "--since", "0001-01-01", "--histogram", "week"],
    ],
)
def test_dates_beyond_what_the_index_holds_find_nothing(args: list[str]) -> None:
    result = _run("search", *args)
    assert result.exit_code == 0, result.output
    assert "0 result(s)" in result.output


@pytest.mark.parametrize("query", ["(" * 5000, "NOT " * 3000 + "x", "x " + "-" * 3000 + "x"])
def test_absurdly_nested_query_is_a_syntax_error(query: str) -> None:
    result = _run("search", query)
    assert result.exit_code == 2
    assert "nested" in result.output


@pytest.fixture
def demo_copy(demo_run: DemoRun, tmp_path: Path) -> Path:
    """A private copy of the session's demo data directory, free to damage."""
    data_dir = tmp_path / "data"
    shutil.copytree(demo_run.data_dir, data_dir)
    return data_dir


def _generation(data_dir: Path) -> Path:
    return data_dir / "index" / (data_dir / "index" / "CURRENT").read_text().strip()


def test_damaged_index_is_repaired_by_the_rebuild_its_message_names(demo_copy: Path) -> None:
    (_generation(demo_copy) / "meta.json").write_text("garbage")
    broken = _run("--data-dir", str(demo_copy), "search", "samsun")
    assert broken.exit_code == 1
    assert "`kupur index --rebuild`" in broken.output
    rebuilt = _run("--data-dir", str(demo_copy), "index", "--rebuild")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "42 article(s)" in rebuilt.output
    assert "samsun" in _run("--data-dir", str(demo_copy), "search", "samsun").output.lower()


def test_current_naming_a_folder_outside_the_index_is_never_removed(demo_copy: Path) -> None:
    outside = demo_copy / "elsewhere"
    outside.mkdir()
    (outside / "keep.txt").write_text("kept")
    (demo_copy / "index" / "CURRENT").write_text("../elsewhere")
    assert "names no index generation" in _run("--data-dir", str(demo_copy), "search", "x").output
    assert _run("--data-dir", str(demo_copy), "index", "--rebuild").exit_code == 0
    assert (outside / "keep.txt").read_text() == "kept"
    assert _run("--data-dir", str(demo_copy), "search", "samsun").exit_code == 0


def test_damaged_embeddings_are_a_message(demo_copy: Path) -> None:
    (_generation(demo_copy) / "vectors.f32").write_bytes(b"\x00" * 10)
    result = _run("--data-dir", str(demo_copy), "search", "aile", "--semantic")
    assert result.exit_code == 1
    assert "embeddings" in result.output
    assert "--rebuild" in result.output


def test_deleted_index_is_refilled_by_the_next_index_run(demo_copy: Path) -> None:
    shutil.rmtree(demo_copy / "index")
    result = _run("--data-dir", str(demo_copy), "index")
    assert result.exit_code == 0, result.output
    assert "Indexed 42 article(s); 42 in the index." in result.output


def test_import_of_windows_1254_lines_reports_them_and_keeps_the_good_ones(tmp_path: Path) -> None:
    good = '{"url": "http://a.example/1", "title": "Başlık", "text": "Metin.", "source": "a"}'
    bad = '{"url": "http://a.example/2", "title": "İl Müdürlüğü", "text": "Şu.", "source": "a"}'
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_bytes(b"\xef\xbb\xbf" + good.encode() + b"\n" + bad.encode("cp1254") + b"\n")
    result = _run("import", str(jsonl), "--no-index")
    assert result.exit_code == 1
    assert "line 2: not UTF-8 text" in result.output
    assert "Imported 1 new" in result.output  # line 1 despite its byte order mark


@pytest.mark.parametrize("url", ["not-a-url", "http://[::1", "ftp://search.example"])
def test_search_url_that_is_no_address_is_named(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KUPUR_SEARCH_URL", url)
    result = _run("search", "samsun")
    assert result.exit_code == 1
    assert f"search_url {url!r} is not a search server address" in result.output


def test_enrich_survives_an_article_longer_than_spacy_accepts(tmp_path: Path) -> None:
    record = {"url": "http://a.example/uzun", "title": "Uzun", "text": "Samsun " * 200_000}
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({**record, "source": "a"}) + "\n", encoding="utf-8")
    assert _run("import", str(jsonl), "--no-index").exit_code == 0
    assert _run("enrich").exit_code == 0  # _run raises when an error escapes as a traceback
    exported = json.loads(_run("export").stdout.splitlines()[0])
    assert [p["name"] for p in exported["entities"]["provinces"]] == ["Samsun"]


@pytest.mark.parametrize("url", ["mysql://kupur:gizli@db.example/kupur", "nosql://kupur:gizli@h"])
def test_unusable_database_url_is_named_without_its_password(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KUPUR_DATABASE_URL", url)
    result = _run("export")
    assert result.exit_code == 1
    assert "kupur:***@" in result.output
    assert "gizli" not in result.output
