"""Adversarial cases found by trying to break the CLI like a new user and an unlucky production
day: each ends in a message and an exit status, never a traceback, and stored data survives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kupur.cli import cli


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
