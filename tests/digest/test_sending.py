"""SMTP delivery over STARTTLS and implicit TLS with a login, against a real aiosmtpd server using
a certificate made for the test (cryptography comes with Scrapy), verified by the client."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kupur.app.config import load_settings
from kupur.core.errors import MailError
from kupur.digest import Mailer
from tests.digest.conftest import RecordingHandler, free_port

USER, PASSWORD = "kupur", "gizli-parola-2025"


@dataclass
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Certificate(cert_path, key_path)


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535


@pytest.fixture
def tls_server(certificate: Certificate, request: pytest.FixtureRequest) -> Iterator[Any]:
    handler = RecordingHandler()
    port = free_port()
    implicit = request.param == "ssl"
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        ssl_context=certificate.server_context() if implicit else None,
        tls_context=None if implicit else certificate.server_context(),
        require_starttls=not implicit,
        authenticator=_authenticate,
        auth_required=True,
        auth_require_tls=not implicit,  # aiosmtpd counts only STARTTLS as TLS for AUTH
    )
    controller.start()
    try:
        yield request.param, port, handler
    finally:
        controller.stop()


def _message() -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "Deneme: güvenli bağlantı"
    message["From"] = "kupur@example.gov.tr"
    message["To"] = "Ayşe Yıldırım <ayse@example.gov.tr>"
    message.set_content("Merhaba")
    return message


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
@pytest.mark.parametrize("tls_server", ["starttls", "ssl"], indirect=True)
def test_delivers_over_tls_with_the_password_from_the_environment(
    tls_server: Any, certificate: Certificate, monkeypatch: pytest.MonkeyPatch
) -> None:
    security, port, handler = tls_server
    monkeypatch.setenv("KUPUR_SMTP_PASSWORD", PASSWORD)
    settings = load_settings(
        None,
        smtp={
            "host": "127.0.0.1",
            "port": port,
            "security": security,
            "user": USER,
            "timeout": 5,
            "retries": 0,
        },
    )

    Mailer(settings.smtp, settings.smtp_password, tls_context=certificate.client_context()).send(
        _message()
    )

    [received] = handler.received
    assert received.rcpt_tos == ["ayse@example.gov.tr"]
    assert received.message["Subject"] == "Deneme: güvenli bağlantı"


@pytest.mark.parametrize("tls_server", ["starttls"], indirect=True)
def test_a_wrong_password_is_refused_without_retrying(
    tls_server: Any, certificate: Certificate
) -> None:
    _, port, handler = tls_server
    settings = load_settings(
        None,
        smtp={
            "host": "127.0.0.1",
            "port": port,
            "security": "starttls",
            "user": USER,
            "timeout": 5,
            "retries": 0,
        },
    )
    slept: list[float] = []
    mailer = Mailer(
        settings.smtp, "yanlis", tls_context=certificate.client_context(), sleep=slept.append
    )

    with pytest.raises(MailError, match="refused 'Deneme: güvenli bağlantı': 535"):
        mailer.send(_message())
    assert slept == []
    assert handler.received == []


@pytest.mark.parametrize("tls_server", ["starttls"], indirect=True)
def test_a_non_ascii_password_is_a_clear_error(tls_server: Any, certificate: Certificate) -> None:
    _, port, _ = tls_server
    settings = load_settings(
        None,
        smtp={"host": "127.0.0.1", "port": port, "security": "starttls", "user": USER},
    )
    mailer = Mailer(settings.smtp, "parola-ğüş", tls_context=certificate.client_context())

    with pytest.raises(MailError, match="may hold only ASCII characters"):
        mailer.send(_message())
