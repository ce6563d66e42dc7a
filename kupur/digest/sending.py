"""Sending mail over SMTP (plain, STARTTLS or implicit TLS), with retries for passing failures.

Host, port, security, user and sender come from ``[smtp]`` in the settings; the password only from
``KUPUR_SMTP_PASSWORD``. A connection problem or a temporary (4xx) answer is retried
``smtp.retries`` times with a doubling delay; a permanent (5xx) refusal is not.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from collections.abc import Callable
from email.message import EmailMessage

from kupur.app.config import SMTPSettings
from kupur.core.errors import MailError

__all__ = ["Mailer"]

log = logging.getLogger(__name__)


class Mailer:
    def __init__(
        self,
        settings: SMTPSettings,
        password: str = "",
        *,
        sleep: Callable[[float], None] = time.sleep,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        self.settings = settings
        self._password = password
        self._sleep = sleep
        self._tls = tls_context

    @property
    def server(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    def send(self, message: EmailMessage) -> None:
        """Deliver ``message`` to its To: recipients, retrying passing failures; raises MailError."""
        attempts = self.settings.retries + 1
        delay = self.settings.retry_delay
        for attempt in range(1, attempts + 1):
            try:
                self._send_once(message)
            except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as exc:
                reason = _describe(exc)
                if not _temporary(exc) or attempt == attempts:
                    raise MailError(
                        f"the mail server {self.server} refused {message['Subject']!r}: {reason}"
                        f" (attempt {attempt} of {attempts})"
                    ) from exc
            except (OSError, smtplib.SMTPException) as exc:
                reason = _describe(exc)
                if attempt == attempts:
                    raise MailError(
                        f"cannot send {message['Subject']!r} through {self.server}: {reason} "
                        f"(tried {attempts} time(s)); check [smtp] host, port and security"
                    ) from exc
            else:
                if attempt > 1:
                    log.info("sent %r on attempt %d", str(message["Subject"]), attempt)
                return
            log.warning(
                "sending %r through %s failed (attempt %d of %d): %s; retrying in %.0f s",
                str(message["Subject"]),
                self.server,
                attempt,
                attempts,
                reason,
                delay,
            )
            self._sleep(delay)
            delay *= 2

    def _send_once(self, message: EmailMessage) -> None:
        smtp = self.settings
        context = self._tls or ssl.create_default_context()
        client: smtplib.SMTP
        if smtp.security == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=context)
            if smtp.user:
                try:
                    client.login(smtp.user, self._password)
                except UnicodeEncodeError as exc:
                    raise MailError(
                        "smtp.user and KUPUR_SMTP_PASSWORD may hold only ASCII characters: "
                        "SMTP login (smtplib) cannot send other letters"
                    ) from exc
            client.send_message(message)


def _temporary(exc: smtplib.SMTPException) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return True


def _describe(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{who}: {code} {text.decode(errors='replace')}"
            for who, (code, text) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error
        text = error.decode(errors="replace") if isinstance(error, bytes) else str(error)
        return f"{exc.smtp_code} {text}"
    return str(exc) or type(exc).__name__
