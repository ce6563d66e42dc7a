"""Settings come from shipped defaults, a user's kupur.toml and KUPUR_* variables, in that order,
and every mistake is reported by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kupur.app.config import load_settings
from kupur.core.errors import ConfigError


def test_defaults_work_offline_with_sqlite_and_tantivy(tmp_path: Path) -> None:
    settings = load_settings(environ={}, data_dir=str(tmp_path))
    assert settings.archive_url == f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    assert settings.search.backend == "tantivy"
    assert settings.search_url == ""
    assert settings.index_dir == tmp_path / "index"
    assert settings.crawl.concurrent_per_domain == 2
    assert settings.crawl.obey_robots is True


def test_user_file_then_environment_then_command_line(tmp_path: Path) -> None:
    config = tmp_path / "kupur.toml"
    config.write_text(
        'data_dir = "/srv/kupur"\n[crawl]\nconcurrent_per_domain = 1\nuser_agent = "Ofis/1.0"\n',
        encoding="utf-8",
    )
    env = {"KUPUR_CRAWL_USER_AGENT": "Basin/2.0", "KUPUR_SMTP_PORT": "2525"}
    settings = load_settings(config, environ=env)
    assert settings.data_dir == Path("/srv/kupur")
    assert settings.crawl.concurrent_per_domain == 1
    assert settings.crawl.user_agent == "Basin/2.0"
    assert settings.smtp.port == 2525
    assert load_settings(config, environ=env, data_dir=str(tmp_path)).data_dir == tmp_path


def test_every_bad_value_is_named(tmp_path: Path) -> None:
    config = tmp_path / "kupur.toml"
    config.write_text('[crawl]\nconcurrent_per_domain = 0\n[smtp]\nsecurity = "tls"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(config, environ={})
    message = str(caught.value)
    assert "crawl.concurrent_per_domain" in message
    assert "smtp.security" in message


def test_unknown_keys_and_variables_are_rejected(tmp_path: Path) -> None:
    config = tmp_path / "kupur.toml"
    config.write_text("dataa_dir = '/tmp'\n")
    with pytest.raises(ConfigError, match=r"unknown setting.*dataa_dir"):
        load_settings(config, environ={})
    with pytest.raises(ConfigError, match="KUPUR_CRAWL_SPEED"):
        load_settings(environ={"KUPUR_CRAWL_SPEED": "9"})


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    config = tmp_path / "kupur.toml"
    config.write_text("[crawl\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(config, environ={})
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "yok.toml", environ={})


def test_secrets_come_only_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "kupur.toml"
    config.write_text('[smtp]\npassword = "dosyada"\n')
    with pytest.raises(ConfigError, match=r"smtp\.password"):
        load_settings(config, environ={})
    monkeypatch.setenv("KUPUR_SMTP_PASSWORD", "ortamda")
    assert load_settings(environ={}).smtp_password == "ortamda"
