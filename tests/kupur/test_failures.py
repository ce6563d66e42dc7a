"""Adversarial cases found by trying to break the CLI like a new user and an unlucky production
day: each ends in a message and an exit status, never a traceback, and stored data survives."""

from __future__ import annotations

from pathlib import Path

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
