"""Sending the digests that are due, or writing them to files in a dry run; the demo's sample digest."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Literal

from kupur.app.archive import Archive
from kupur.app.config import Settings
from kupur.core.errors import ConfigError, KupurError
from kupur.digest.compose import compose_digest
from kupur.digest.ledger import MailLedger
from kupur.digest.periods import FREQUENCY_DAYS, Period, local_today, next_period
from kupur.digest.render import RenderedMail, digest_mail
from kupur.digest.sending import Mailer
from kupur.digest.subscriptions import Subscription, load_subscriptions, parse_subscriptions
from kupur.index.api import SearchBackend, SearchRequest

__all__ = [
    "DigestOutcome",
    "example_subscriptions",
    "select_subscriptions",
    "send_digests",
    "write_mail_files",
    "write_sample_digest",
]

log = logging.getLogger(__name__)

Status = Literal["sent", "written", "skipped", "failed"]


@dataclass
class DigestOutcome:
    subscription: str
    period: Period | None
    status: Status
    detail: str = ""
    files: list[Path] = field(default_factory=list)


def select_subscriptions(
    subscriptions: list[Subscription], names: list[str] | None = None
) -> list[Subscription]:
    """Those named (all when no names are given); an unknown name is a configuration error."""
    if not names:
        return subscriptions
    known = {s.name: s for s in subscriptions}
    missing = [n for n in names if n not in known]
    if missing:
        have = ", ".join(sorted(known)) or "none"
        raise ConfigError(f"no subscription named {', '.join(missing)} (subscriptions: {have})")
    return [known[n] for n in names]


def send_digests(
    settings: Settings,
    archive: Archive,
    backend: SearchBackend,
    *,
    names: list[str] | None = None,
    frequency: str | None = None,
    dry_run_dir: Path | None = None,
    today: date | None = None,
    mailer: Mailer | None = None,
) -> list[DigestOutcome]:
    """Send (or with ``dry_run_dir`` write) each subscription's digest for its period.

    A subscription's period runs from the end of its last digest sent to today (see
    ``kupur.digest.periods``); one already sent for that period is skipped. A failure with one
    subscription is recorded and reported, and the others still go out.
    """
    subscriptions = select_subscriptions(load_subscriptions(settings.subscriptions_path), names)
    if frequency is not None:
        subscriptions = [s for s in subscriptions if s.frequency == frequency]
    ledger = MailLedger(archive.engine)
    today = today or local_today(settings.scheduler.timezone)
    mailer = mailer or Mailer(settings.smtp, settings.smtp_password)
    outcomes = []
    for subscription in subscriptions:
        period = next_period(subscription.frequency, ledger.last_sent_end(subscription.name), today)
        if period is None:
            outcomes.append(
                DigestOutcome(subscription.name, None, "skipped", "already sent up to today")
            )
            continue
        if dry_run_dir is not None:
            mail = _render(settings, backend, subscription, period)
            files = write_mail_files(mail, dry_run_dir, f"{subscription.name}_{period.key()}")
            outcomes.append(
                DigestOutcome(subscription.name, period, "written", mail.subject, files)
            )
            continue
        outcomes.append(_send_one(settings, backend, ledger, mailer, subscription, period))
    return outcomes


def _send_one(
    settings: Settings,
    backend: SearchBackend,
    ledger: MailLedger,
    mailer: Mailer,
    subscription: Subscription,
    period: Period,
) -> DigestOutcome:
    if not ledger.claim(subscription.name, period):
        return DigestOutcome(
            subscription.name, period, "skipped", "already sent (or being sent) for this period"
        )
    try:
        mail = _render(settings, backend, subscription, period)
        mailer.send(mail.message)
    except KupurError as exc:
        ledger.mark_failed(subscription.name, period, str(exc))
        log.error("digest %s for %s not sent: %s", subscription.name, period.key(), exc)
        return DigestOutcome(subscription.name, period, "failed", str(exc))
    ledger.mark_sent(subscription.name, period, str(mail.message["Message-ID"]))
    log.info("digest %s for %s sent: %s", subscription.name, period.key(), mail.subject)
    return DigestOutcome(subscription.name, period, "sent", mail.subject)


def _render(
    settings: Settings, backend: SearchBackend, subscription: Subscription, period: Period
) -> RenderedMail:
    digest = compose_digest(backend, subscription, period)
    return digest_mail(digest, sender=settings.smtp.sender, timezone=settings.scheduler.timezone)


def write_mail_files(mail: RenderedMail, out_dir: Path, stem: str) -> list[Path]:
    """``<stem>.eml`` (the message as it would be sent) and ``<stem>.html`` (to open in a browser)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        eml = out_dir / f"{stem}.eml"
        eml.write_bytes(mail.message.as_bytes())
        html = out_dir / f"{stem}.html"
        html.write_text(mail.html_page, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write the mail files to {out_dir}: {exc}") from exc
    return [eml, html]


def example_subscriptions() -> list[Subscription]:
    """The subscriptions of the shipped, documented example file."""
    text = (resources.files("kupur.digest") / "subscriptions.example.yaml").read_text("utf-8")
    return parse_subscriptions(text, "subscriptions.example.yaml")


def write_sample_digest(settings: Settings, backend: SearchBackend, out_dir: Path) -> list[Path]:
    """Write the example file's first subscription's digest for the busiest week in the index.

    Nothing is sent or recorded as sent. The period is the week (of the subscription's frequency)
    with the most articles matching its first saved search, the latest such week on a tie, so a
    sample corpus from any date gives a digest with content; today's when nothing matches.
    """
    subscription = example_subscriptions()[0]
    length = FREQUENCY_DAYS[subscription.frequency]
    days = backend.search(
        SearchRequest(query=subscription.searches[0].query, limit=0, histogram="day")
    ).histogram
    counts = {date.fromisoformat(b.key): b.count for b in days if b.count}
    if counts:
        end = max(
            (day + timedelta(days=1) for day in counts),
            key=lambda end: (
                sum(n for day, n in counts.items() if end - timedelta(days=length) <= day < end),
                end,
            ),
        )
    else:
        end = local_today(settings.scheduler.timezone)
    period = Period(end - timedelta(days=length), end)
    mail = _render(settings, backend, subscription, period)
    return write_mail_files(mail, out_dir, f"{subscription.name}_{period.key()}")
