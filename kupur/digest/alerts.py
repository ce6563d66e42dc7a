"""Alerts on saved searches: new matching articles, and days with far more matches than usual.

*New articles*: each check looks at matches published in the last few days and mails those the
search has not reported before; the ids reported are kept in the ledger. The first check of a
search only takes what already matches as its baseline (no mail), so turning alerts on does not
mail the whole archive.

*Spikes*: today's matches (in the configured timezone) against the daily average of the
``baseline_days`` before today. An alert goes out when today's count is at least
``spike_min_count`` and more than ``spike_factor`` times the average; at most one per search a day.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from kupur.app.archive import Archive
from kupur.app.config import Settings
from kupur.core.errors import KupurError
from kupur.digest.ledger import MailLedger
from kupur.digest.periods import local_today
from kupur.digest.render import RenderedMail, alert_mail
from kupur.digest.sending import Mailer
from kupur.digest.service import select_subscriptions, write_mail_files
from kupur.digest.subscriptions import SavedSearch, Subscription, load_subscriptions
from kupur.digest.texts import format_number, labels
from kupur.index.api import SearchBackend, SearchRequest

__all__ = ["AlertOutcome", "check_alerts"]

log = logging.getLogger(__name__)

#: Matches published this many days before the last check are still looked at (late crawls).
LOOKBACK_DAYS = 3
#: Most articles listed in one alert mail.
MAX_LISTED = 50

Kind = Literal["new", "spike", "baseline"]
Status = Literal["sent", "written", "failed", "recorded"]


@dataclass
class AlertOutcome:
    subscription: str
    search: str
    kind: Kind
    count: int
    status: Status
    detail: str = ""
    files: list[Path] = field(default_factory=list)


@dataclass
class _Context:
    settings: Settings
    backend: SearchBackend
    ledger: MailLedger
    mailer: Mailer
    today: date
    dry_run_dir: Path | None


def check_alerts(
    settings: Settings,
    archive: Archive,
    backend: SearchBackend,
    *,
    names: list[str] | None = None,
    dry_run_dir: Path | None = None,
    today: date | None = None,
    mailer: Mailer | None = None,
) -> list[AlertOutcome]:
    """Check every saved search that asks for alerts; mail (or write) what fired.

    A dry run writes the mails to ``dry_run_dir`` and records nothing, so the same alerts fire
    again on the next real check.
    """
    context = _Context(
        settings=settings,
        backend=backend,
        ledger=MailLedger(archive.engine),
        mailer=mailer or Mailer(settings.smtp, settings.smtp_password),
        today=today or local_today(settings.scheduler.timezone),
        dry_run_dir=dry_run_dir,
    )
    outcomes: list[AlertOutcome] = []
    subscriptions = select_subscriptions(load_subscriptions(settings.subscriptions_path), names)
    for subscription in subscriptions:
        for search in subscription.searches:
            rule = search.alerts
            if rule is None:
                continue
            if rule.new:
                outcomes.extend(_check_new(context, subscription, search))
            if rule.spike:
                outcomes.extend(_check_spike(context, subscription, search))
            if dry_run_dir is None:
                context.ledger.record_check(subscription.name, search.name)
    return outcomes


def _check_new(
    context: _Context, subscription: Subscription, search: SavedSearch
) -> list[AlertOutcome]:
    ledger = context.ledger
    checked_at = ledger.alert_checked_at(subscription.name, search.name)
    last_day = context.today if checked_at is None else checked_at.date()
    hits = context.backend.search(
        SearchRequest(
            query=search.query,
            since=min(last_day, context.today) - timedelta(days=LOOKBACK_DAYS),
            sort="date",
            limit=MAX_LISTED * 4,
        )
    ).hits
    seen = ledger.seen(subscription.name, search.name, [h.id for h in hits])
    fresh = [h for h in hits if h.id not in seen]
    if checked_at is None:
        if context.dry_run_dir is None:
            ledger.mark_seen(subscription.name, search.name, [h.id for h in fresh])
        return [AlertOutcome(subscription.name, search.name, "baseline", len(fresh), "recorded")]
    if not fresh:
        return []
    text = labels(subscription.language)
    mail = alert_mail(
        subscription,
        search,
        fresh[:MAX_LISTED],
        subject=text["new_alert_subject"].format(search=search.name, count=len(fresh)),
        intro=text["new_alert_intro"].format(search=search.name),
        sender=context.settings.smtp.sender,
        timezone=context.settings.scheduler.timezone,
    )
    outcome = _deliver(context, subscription, search, "new", len(fresh), mail)
    if outcome.status == "sent":
        ledger.mark_seen(subscription.name, search.name, [h.id for h in fresh])
    return [outcome]


def _check_spike(
    context: _Context, subscription: Subscription, search: SavedSearch
) -> list[AlertOutcome]:
    ledger = context.ledger
    if ledger.last_spike_day(subscription.name, search.name) == context.today:
        return []
    settings = context.settings.alerts
    today = context.backend.search(
        SearchRequest(
            query=search.query,
            since=context.today,
            until=context.today,
            sort="date",
            limit=MAX_LISTED,
        )
    )
    past = context.backend.search(
        SearchRequest(
            query=search.query,
            since=context.today - timedelta(days=settings.baseline_days),
            until=context.today - timedelta(days=1),
            limit=0,
        )
    )
    baseline = past.total / settings.baseline_days
    factor = (search.alerts.spike_factor if search.alerts else None) or settings.spike_factor
    if today.total < settings.spike_min_count or today.total <= factor * baseline:
        return []
    language = subscription.language
    text = labels(language)
    mail = alert_mail(
        subscription,
        search,
        today.hits,
        subject=text["spike_alert_subject"].format(search=search.name, count=today.total),
        intro=text["spike_alert_intro"].format(
            search=search.name,
            count=today.total,
            days=settings.baseline_days,
            baseline=format_number(baseline, language, decimals=1),
            factor=format_number(factor, language, decimals=1),
        ),
        sender=context.settings.smtp.sender,
        timezone=context.settings.scheduler.timezone,
    )
    outcome = _deliver(context, subscription, search, "spike", today.total, mail)
    if outcome.status == "sent":
        ledger.record_check(subscription.name, search.name, spike_day=context.today)
    return [outcome]


def _deliver(
    context: _Context,
    subscription: Subscription,
    search: SavedSearch,
    kind: Kind,
    count: int,
    mail: RenderedMail,
) -> AlertOutcome:
    if context.dry_run_dir is not None:
        stem = f"{subscription.name}_{_slug(search.name)}_{kind}_{context.today.isoformat()}"
        files = write_mail_files(mail, context.dry_run_dir, stem)
        return AlertOutcome(
            subscription.name, search.name, kind, count, "written", mail.subject, files
        )
    try:
        context.mailer.send(mail.message)
    except KupurError as exc:
        log.error("%s alert for %s/%s not sent: %s", kind, subscription.name, search.name, exc)
        return AlertOutcome(subscription.name, search.name, kind, count, "failed", str(exc))
    log.info("%s alert sent: %s", kind, mail.subject)
    return AlertOutcome(subscription.name, search.name, kind, count, "sent", mail.subject)


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name).strip("-") or "arama"
