"""Digest and alert mails: Jinja2 templates in the subscription's language, as MIME messages.

A digest is ``multipart/alternative``: a plain-text part, then ``multipart/related`` holding the
HTML and the chart PNG that the HTML shows through its ``Content-ID``. Headers with Turkish letters
(the subject, the recipients' names) are encoded by the standard library's ``email`` policy.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from kupur.digest.chart import mentions_chart
from kupur.digest.compose import CountRow, Digest
from kupur.digest.subscriptions import SavedSearch, Subscription
from kupur.digest.texts import format_date, format_number, format_period, labels
from kupur.index.api import Hit

__all__ = ["RenderedMail", "alert_mail", "digest_mail"]


@dataclass
class RenderedMail:
    """A mail ready to send, and the HTML as a standalone page (chart inlined) for dry runs."""

    message: EmailMessage
    html_page: str

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])


def _environment(language: str, timezone: str) -> Environment:
    env = Environment(
        loader=PackageLoader("kupur.digest", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    text = labels(language)
    zone = ZoneInfo(timezone)

    def day(moment: datetime) -> str:
        return format_date(moment.astimezone(zone).date(), language)

    def outlets(count: int) -> str:
        return text["one_outlet"] if count == 1 else text["outlets"].format(count=count)

    def change(row: CountRow) -> str:
        if row.previous == 0 and row.current > 0:
            return text["new"]
        return f"{row.change:+d}" if row.change else "0"

    env.filters.update(
        day=day,
        outlets=outlets,
        change=change,
        number=lambda value: format_number(value, language),
    )
    return env


def _envelope(subject: str, sender: str, recipients: list[Address]) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    name, addr = parseaddr(sender)
    local, _, domain = addr.partition("@")
    message["From"] = Address(display_name=name, username=local, domain=domain or "localhost")
    message["To"] = recipients
    message["Date"] = format_datetime(datetime.now().astimezone())
    message["Message-ID"] = make_msgid(domain=domain or "kupur.local")
    return message


def digest_mail(digest: Digest, *, sender: str, timezone: str) -> RenderedMail:
    subscription = digest.subscription
    language = subscription.language
    text = labels(language)
    env = _environment(language, timezone)
    period = digest.period
    period_text = format_period(period.start, period.last_day, language)
    subject = text[f"{subscription.frequency}_subject"].format(
        title=subscription.display_title, period=period_text
    )
    chart = mentions_chart(
        [(section.search.name, section.per_day) for section in digest.searches], text["chart"]
    )
    message = _envelope(subject, sender, subscription.addresses())
    message["X-Kupur-Subscription"] = subscription.name
    message["X-Kupur-Period"] = period.key()
    chart_id = make_msgid(domain="kupur.chart")
    context: dict[str, Any] = {
        "digest": digest,
        "t": text,
        "language": language,
        "subject": subject,
        "period_text": period_text,
    }
    message.set_content(env.get_template("digest.txt.j2").render(**context))
    html_template = env.get_template("digest.html.j2")
    message.add_alternative(
        html_template.render(**context, chart_src=f"cid:{chart_id[1:-1]}"), subtype="html"
    )
    html_part = next(p for p in message.iter_parts() if p.get_content_type() == "text/html")
    html_part.add_related(chart, "image", "png", cid=chart_id, filename="grafik.png")
    inline = "data:image/png;base64," + base64.b64encode(chart).decode("ascii")
    return RenderedMail(message, html_template.render(**context, chart_src=inline))


def alert_mail(
    subscription: Subscription,
    search: SavedSearch,
    hits: list[Hit],
    *,
    subject: str,
    intro: str,
    sender: str,
    timezone: str,
) -> RenderedMail:
    """An alert: a short intro and the articles (new ones, or today's for a spike) with links."""
    language = subscription.language
    env = _environment(language, timezone)
    context: dict[str, Any] = {
        "subscription": subscription,
        "search": search,
        "hits": hits,
        "t": labels(language),
        "language": language,
        "subject": subject,
        "intro": intro,
    }
    message = _envelope(subject, sender, subscription.addresses())
    message["X-Kupur-Subscription"] = subscription.name
    message.set_content(env.get_template("alert.txt.j2").render(**context))
    html = env.get_template("alert.html.j2").render(**context)
    message.add_alternative(html, subtype="html")
    return RenderedMail(message, html)
