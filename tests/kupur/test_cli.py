"""Every command documents itself and is in the README; the global options work everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kupur.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "kupur") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found += _commands(command, path)
    return found


COMMANDS = _commands(cli)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_help_and_is_in_the_readme(path: str, command: click.Command) -> None:
    assert (command.help or "").strip(), f"{path} has no help text"
    documented = re.search(rf"(^|`|\$ ){re.escape(path)}\b", README, flags=re.MULTILINE)
    assert documented, f"{path} is not documented in README.md"
    result = CliRunner().invoke(cli, [*path.split()[1:], "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_bad_config_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    config = tmp_path / "kupur.toml"
    config.write_text("[crawl]\nconcurrent_per_domain = 'iki'\n")
    result = CliRunner().invoke(cli, ["--config", str(config), "export"])
    assert result.exit_code == 1
    assert "crawl.concurrent_per_domain" in result.output
    assert "Traceback" not in result.output


def test_data_dir_from_environment_and_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KUPUR_DATA_DIR", str(tmp_path / "env"))
    CliRunner().invoke(cli, ["export"])
    assert (tmp_path / "env" / "archive.sqlite3").exists()
    CliRunner().invoke(cli, ["export", "--data-dir", str(tmp_path / "opt")])
    assert (tmp_path / "opt" / "archive.sqlite3").exists()
