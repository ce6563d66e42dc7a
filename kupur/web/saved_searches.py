"""The saved searches of the subscriptions file, as the web app shows and changes them.

Reading goes through the scheduler's own loader (``kupur.digest.subscriptions``), so the page shows
exactly what the digests and alerts will use. A change is made on the file's YAML data (so keys
written as ``recipient:`` or ``alerts: true`` stay as written), checked by that same loader before
anything is written, and written atomically: a temporary file in the same folder, then
``os.replace``. PyYAML does not keep comments, so the previous file is first copied to
``<name>.bak`` and the new file starts with a line saying so.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parseaddr
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

import yaml
from pydantic import BaseModel, ConfigDict, Field

from kupur.app.application import Kupur
from kupur.core.errors import ConfigError, KupurError, SearchError
from kupur.digest.subscriptions import Subscription, load_subscriptions, parse_subscriptions
from kupur.index.query import parse_query

__all__ = [
    "NewSavedSearch",
    "SavedSearchConflict",
    "SavedSearchNotFound",
    "SubscriptionsView",
    "add_saved_search",
    "delete_saved_search",
    "mask_address",
    "read_subscriptions",
    "summary",
]

#: One read-modify-write at a time within this process (the endpoints run in a thread pool).
_WRITE_LOCK = threading.Lock()
_NAME_LENGTH = 200
_ADDRESS_LENGTH = 320


class SavedSearchConflict(ConfigError):
    """The change clashes with the file as it is: a name already taken, or a broken file."""


class SavedSearchNotFound(ConfigError):
    """No subscription, or no saved search, with the name given."""


class AlertsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    new: bool = True
    spike: bool = True
    spike_factor: float | None = Field(default=None, gt=1, le=1000)


class SearchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=_NAME_LENGTH)
    query: str = Field(min_length=1, max_length=500)
    alerts: AlertsIn | bool | None = None


class NewSavedSearch(BaseModel):
    """The body of ``POST /api/saved-searches``. ``title``, ``recipients``, ``language`` and
    ``frequency`` are only for a new subscription; leave them out to add to an existing one."""

    model_config = ConfigDict(extra="forbid")

    subscription: str = Field(min_length=1, max_length=_NAME_LENGTH, pattern=r"^[\w.-]+$")
    search: SearchIn
    title: str | None = Field(default=None, max_length=_NAME_LENGTH)
    recipients: list[str] | None = Field(default=None, min_length=1, max_length=100)
    language: Literal["tr", "en"] | None = None
    frequency: Literal["daily", "weekly"] | None = None

    def subscription_fields(self) -> dict[str, Any]:
        given = {
            "title": self.title,
            "recipients": self.recipients,
            "language": self.language,
            "frequency": self.frequency,
        }
        return {key: value for key, value in given.items() if value is not None}

    def search_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.search.name, "query": self.search.query}
        alerts = self.search.alerts
        if isinstance(alerts, AlertsIn):
            data["alerts"] = alerts.model_dump(exclude_none=True)
        elif alerts is not None:
            data["alerts"] = alerts
        return data


@dataclass
class SubscriptionsView:
    """The file as found: its subscriptions, or why there are none."""

    path: Path
    exists: bool
    subscriptions: list[Subscription] = field(default_factory=list)
    problems: str | None = None


def read_subscriptions(path: Path) -> SubscriptionsView:
    """The subscriptions in ``path``; a broken file gives its problems instead of raising."""
    try:
        subscriptions = load_subscriptions(path)
    except ConfigError as exc:
        return SubscriptionsView(path, path.exists(), problems=str(exc))
    return SubscriptionsView(path, path.exists(), subscriptions)


def mask_address(recipient: str) -> str:
    """``"Ayşe Yıldırım <ayse@example.gov.tr>"`` → ``"a***@example.gov.tr"``: the page is not
    behind the token, so it shows only enough to recognise whom a digest goes to."""
    address = parseaddr(recipient)[1] or recipient
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


def add_saved_search(path: Path, request: NewSavedSearch) -> Subscription:
    """Add the search to its subscription (creating it when ``recipients`` are given) and write
    the file; the subscription as the scheduler's loader reads it back. A malformed query raises
    QuerySyntaxError (with the caret under the problem), anything else the loader rejects
    ConfigError, and nothing is written."""
    parse_query(request.search.query)
    with _WRITE_LOCK:
        data = _raw_data(path)
        entries = data["subscriptions"]
        entry = _find(entries, request.subscription)
        extra = request.subscription_fields()
        if entry is None:
            if "recipients" not in extra:
                raise SavedSearchNotFound(
                    f"no subscription named {request.subscription!r}: to create it, give "
                    "'recipients' (and optionally 'title', 'language', 'frequency')"
                )
            entries.append({"name": request.subscription, **extra, "searches": []})
            entry = entries[-1]
        elif extra:
            raise SavedSearchConflict(
                f"subscription {request.subscription!r} already exists: to add a search to it, "
                f"leave out {', '.join(sorted(extra))}"
            )
        searches = entry.setdefault("searches", [])
        if not isinstance(searches, list):
            raise SavedSearchConflict(f"{path}: 'searches' of {request.subscription!r} is no list")
        if any(isinstance(s, dict) and s.get("name") == request.search.name for s in searches):
            raise SavedSearchConflict(
                f"subscription {request.subscription!r} already has a saved search named "
                f"{request.search.name!r}"
            )
        searches.append(request.search_data())
        written = _write(path, data)
    return next(s for s in written if s.name == request.subscription)


def delete_saved_search(path: Path, subscription: str, search: str) -> bool:
    """Remove one saved search and write the file. A subscription needs at least one search, so
    removing its last one removes the subscription too; returns whether that happened."""
    with _WRITE_LOCK:
        data = _raw_data(path)
        entries = data["subscriptions"]
        entry = _find(entries, subscription)
        if entry is None:
            raise SavedSearchNotFound(f"no subscription named {subscription!r}")
        searches = entry.get("searches") or []
        kept = [s for s in searches if not (isinstance(s, dict) and s.get("name") == search)]
        if len(kept) == len(searches):
            raise SavedSearchNotFound(
                f"subscription {subscription!r} has no saved search named {search!r}"
            )
        removed = not kept
        if removed:
            entries.remove(entry)
        else:
            entry["searches"] = kept
        _write(path, data)
    return removed


def _raw_data(path: Path) -> dict[str, Any]:
    """The file's YAML data, refusing a file the loader rejects: a change must not be made on
    top of problems nobody has seen."""
    view = read_subscriptions(path)
    if view.problems is not None:
        raise SavedSearchConflict(
            f"the subscriptions file has problems; fix them before changing it:\n{view.problems}"
        )
    if not view.exists:
        return {"subscriptions": []}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data.get("subscriptions"), list):
        data["subscriptions"] = []
    return dict(data)


def _find(entries: list[Any], name: str) -> dict[str, Any] | None:
    for entry in entries:
        if isinstance(entry, dict) and entry.get("name") == name:
            return entry
    return None


def _write(path: Path, data: dict[str, Any]) -> list[Subscription]:
    """Check ``data`` with the scheduler's loader, then replace the file atomically."""
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    subscriptions = parse_subscriptions(body, str(path))  # raises ConfigError: nothing written
    header = (
        f"# Written by Kupür's web API on {datetime.now().astimezone():%Y-%m-%d %H:%M %z}. "
        f"Comments are not kept: the previous version is {path.name}.bak\n"
    )
    try:
        _replace(path, header + body)
    except OSError as exc:
        raise KupurError(f"cannot write the subscriptions file {path}: {exc}") from exc
    return subscriptions


def _replace(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        shutil.copy2(path, path.with_name(path.name + ".bak"))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def summary(view: SubscriptionsView, kupur: Kupur, today: date) -> dict[str, Any]:
    """What the page and ``GET /api/saved-searches`` show: every subscription with masked
    recipients and each saved search with its alert settings and how many articles it matches,
    in all and in the last 7 days (today included). A count the search cannot give is None."""
    week = (date.fromordinal(today.toordinal() - 6), today)
    subscriptions = []
    for sub in view.subscriptions:
        searches = []
        for saved in sub.searches:
            searches.append(
                {
                    "name": saved.name,
                    "query": saved.query,
                    "alerts": saved.alerts.model_dump() if saved.alerts else None,
                    "matches": _count(kupur, saved.query),
                    "matches_last_7_days": _count(kupur, saved.query, *week),
                    "search_url": "/?" + urlencode([("q", saved.query), ("collapse", "true")]),
                }
            )
        subscriptions.append(
            {
                "name": sub.name,
                "title": sub.display_title,
                "recipients": [mask_address(r) for r in sub.recipients],
                "language": sub.language,
                "frequency": sub.frequency,
                "searches": searches,
            }
        )
    return {
        "file": str(view.path),
        "exists": view.exists,
        "problems": view.problems,
        "week": {"since": week[0].isoformat(), "until": week[1].isoformat()},
        "subscriptions": subscriptions,
    }


def _count(
    kupur: Kupur, query: str, since: date | None = None, until: date | None = None
) -> int | None:
    try:
        return kupur.search(query, since=since, until=until, limit=1).total
    except SearchError:
        return None
