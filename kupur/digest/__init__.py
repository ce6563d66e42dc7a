"""Digests and alerts: what staff are mailed about the news their saved searches match.

subscriptions  the subscriptions file (recipients, language, frequency, saved searches)
periods        which days a digest covers
ledger         what was sent (never twice for one period) and what alerts already reported
compose        top stories, counts against the previous period, newly seen names, per day
chart          the per-day chart (PNG)
render         Jinja2 templates → MIME messages (HTML + plain text + embedded chart)
sending        SMTP with STARTTLS/SSL and retries
service        sending due digests, dry runs, the demo's sample digest
alerts         new-article and spike alerts
"""

from kupur.digest.alerts import AlertOutcome, check_alerts
from kupur.digest.ledger import MailLedger
from kupur.digest.periods import Period
from kupur.digest.sending import Mailer
from kupur.digest.service import (
    DigestOutcome,
    example_subscriptions,
    send_digests,
    write_sample_digest,
)
from kupur.digest.subscriptions import (
    AlertRule,
    SavedSearch,
    Subscription,
    load_subscriptions,
    parse_subscriptions,
)

__all__ = [
    "AlertOutcome",
    "AlertRule",
    "DigestOutcome",
    "MailLedger",
    "Mailer",
    "Period",
    "SavedSearch",
    "Subscription",
    "check_alerts",
    "example_subscriptions",
    "load_subscriptions",
    "parse_subscriptions",
    "send_digests",
    "write_sample_digest",
]
