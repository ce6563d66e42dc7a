"""Subscriptions: who gets which digest, in which language, how often, and for which searches.

The subscriptions file (``subscriptions_file`` in the settings, by default
``<data_dir>/subscriptions.yaml``; ``subscriptions.example.yaml`` beside this module documents every
key) holds a list of subscriptions. Each has a ``name`` (its id in ``kupur digest --subscription``
and in the record of what was sent), one or more recipients, the mail's language (``tr`` unless
told otherwise), a frequency (``weekly`` or ``daily``) and one or more saved searches written in
the query language. A saved search may ask for alerts: a mail when new articles match it, and a
spike alert when today's matches far exceed its daily average.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.headerregistry import Address
from email.utils import parseaddr
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kupur.core.errors import ConfigError, QuerySyntaxError

__all__ = [
    "AlertRule",
    "SavedSearch",
    "Subscription",
    "load_subscriptions",
    "parse_subscriptions",
]

Language = Literal["tr", "en"]
Frequency = Literal["daily", "weekly"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AlertRule(_Strict):
    """What a saved search alerts on. ``spike_factor`` overrides ``[alerts] spike_factor``."""

    new: bool = True
    spike: bool = True
    spike_factor: float | None = Field(default=None, gt=1)


class SavedSearch(_Strict):
    name: str = Field(min_length=1)
    query: str = Field(min_length=1)
    alerts: AlertRule | None = None

    @model_validator(mode="before")
    @classmethod
    def _alerts_shorthand(cls, data: Any) -> Any:
        """``alerts: true`` means both kinds with the default factor; ``false`` means none."""
        if isinstance(data, dict) and isinstance(data.get("alerts"), bool):
            data = dict(data)
            data["alerts"] = {} if data["alerts"] else None
        return data

    @field_validator("query")
    @classmethod
    def _parses(cls, query: str) -> str:
        from kupur.index.query import parse_query

        try:
            parse_query(query)
        except QuerySyntaxError as exc:
            raise ValueError(f"not a valid query: {exc}") from exc
        return query


class Subscription(_Strict):
    name: str = Field(min_length=1, pattern=r"^[\w.-]+$")
    title: str = ""
    recipients: tuple[str, ...] = Field(min_length=1)
    language: Language = "tr"
    frequency: Frequency = "weekly"
    searches: tuple[SavedSearch, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _single_recipient(cls, data: Any) -> Any:
        """Accept ``recipient: one address`` as well as ``recipients: [...]``."""
        if isinstance(data, dict) and "recipient" in data:
            data = dict(data)
            single = data.pop("recipient")
            if "recipients" in data:
                raise ValueError("give either recipient or recipients, not both")
            data["recipients"] = [single] if isinstance(single, str) else single
        return data

    @field_validator("recipients")
    @classmethod
    def _addresses(cls, recipients: tuple[str, ...]) -> tuple[str, ...]:
        for recipient in recipients:
            _address(recipient)
        return recipients

    @model_validator(mode="after")
    def _unique_search_names(self) -> Subscription:
        names = [s.name for s in self.searches]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"saved search names must be unique: {', '.join(duplicates)}")
        return self

    @property
    def display_title(self) -> str:
        return self.title or self.name

    def addresses(self) -> list[Address]:
        """The recipients as addresses whose display names (Turkish letters too) encode cleanly."""
        return [_address(r) for r in self.recipients]


def _address(text: str) -> Address:
    name, addr = parseaddr(text)
    local, _, domain = addr.partition("@")
    if not local or not domain or " " in addr:
        raise ValueError(f"not a mail address: {text!r} (write 'Ad Soyad <ad@alan.gov.tr>')")
    return Address(display_name=name, username=local, domain=domain)


class _File(_Strict):
    subscriptions: tuple[Subscription, ...] = ()

    @model_validator(mode="after")
    def _unique_names(self) -> _File:
        names = [s.name for s in self.subscriptions]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"subscription names must be unique: {', '.join(duplicates)}")
        return self


def parse_subscriptions(text: str, origin: str = "<subscriptions>") -> list[Subscription]:
    """Subscriptions from YAML text; every problem is listed with where it is."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: expected a mapping with a 'subscriptions:' list")
    try:
        return list(_File.model_validate(data).subscriptions)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, origin, data)) from exc


def load_subscriptions(path: Path) -> list[Subscription]:
    """The subscriptions in ``path``; a missing file means there are none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the subscriptions file {path}: {exc}") from exc
    return parse_subscriptions(text, str(path))


def _describe(error: ValidationError, origin: str, data: dict[str, Any]) -> str:
    problems = []
    errors = error.errors()
    for item in errors:
        loc = tuple(item["loc"])
        if item["type"] == "too_short" and any(
            tuple(other["loc"])[: len(loc)] == loc and len(other["loc"]) > len(loc)
            for other in errors
        ):
            continue  # a list whose entries are all wrong: the entries' errors say why
        where = _where(item["loc"], data)
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(f"  - {where}: {message}")
    return f"{origin}: {len(problems)} problem(s) in the subscriptions file:\n" + "\n".join(
        problems
    )


def _where(location: Sequence[int | str], data: dict[str, Any]) -> str:
    """``subscriptions[0].searches[1].query`` with the subscription's name where it has one."""
    parts: list[str] = []
    node: Any = data
    for part in location:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            name = item.get("name") if isinstance(item, dict) else None
            parts[-1] += f"[{name}]" if isinstance(name, str) else f"[{part}]"
        else:
            parts.append(part)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return ".".join(parts) or "(top level)"
