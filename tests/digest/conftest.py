"""Real parts for the digest tests: an SMTP server in the test process (aiosmtpd), the real tantivy
index filled with the test corpus, and an SQLite archive for the send ledger."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from kupur.app.archive import Archive
from kupur.app.config import Settings, load_settings
from kupur.index import open_backend
from kupur.index.api import SearchBackend
from tests.digest.corpus import ALL

SUBSCRIPTIONS = """
subscriptions:
  - name: samsun-haftalik
    title: "Samsun sosyal hizmetler"
    recipients:
      - "Ayşe Yıldırım <ayse.yildirim@example.gov.tr>"
      - "İletişim Birimi <iletisim@example.gov.tr>"
    frequency: weekly
    searches:
      - name: Samsun
        query: "il:Samsun"
        alerts: true
  - name: ordu-gunluk
    recipient: "Oğuz Çelik <oguz.celik@example.gov.tr>"
    language: en
    frequency: daily
    searches:
      - name: Ordu
        query: "il:Ordu"
"""


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class RecordingHandler:
    """Accepts every message, or answers 451 (try later) to the first ``fail_first`` ones."""

    fail_first: int = 0
    refuse_with: str = ""
    received: list[Received] = field(default_factory=list)
    attempts: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.attempts += 1
        if self.refuse_with:
            return self.refuse_with
        if self.attempts <= self.fail_first:
            return "451 4.3.0 Geçici bir sorun var, sonra deneyin"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SMTPServer:
    handler: RecordingHandler
    port: int


@pytest.fixture
def smtp_server() -> Iterator[SMTPServer]:
    handler = RecordingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SMTPServer(handler, port)
    finally:
        controller.stop()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    (path / "subscriptions.yaml").write_text(SUBSCRIPTIONS, encoding="utf-8")
    return path


def make_settings(data_dir: Path, smtp_port: int = 25, **smtp: Any) -> Settings:
    return load_settings(
        None,
        data_dir=str(data_dir),
        smtp={
            "host": "127.0.0.1",
            "port": smtp_port,
            "retry_delay": 0,
            "sender": "Kupür Haber İzleme <kupur@example.gov.tr>",
            **smtp,
        },
    )


@pytest.fixture
def settings(data_dir: Path, smtp_server: SMTPServer) -> Settings:
    return make_settings(data_dir, smtp_server.port)


@pytest.fixture
def backend(data_dir: Path) -> Iterator[SearchBackend]:
    search = open_backend(kind="tantivy", url="", index_dir=data_dir / "index", index_name="kupur")
    search.upsert(ALL)
    try:
        yield search
    finally:
        search.close()


@pytest.fixture
def archive(data_dir: Path) -> Iterator[Archive]:
    store = Archive(f"sqlite:///{data_dir / 'archive.sqlite3'}")
    try:
        yield store
    finally:
        store.close()
