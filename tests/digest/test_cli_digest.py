"""``kupur digest`` and ``kupur alerts check`` as a user runs them."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from kupur.cli import cli
from kupur.index import open_backend
from tests.digest.conftest import SMTPServer
from tests.digest.corpus import ALL


@pytest.fixture
def indexed(data_dir: Path) -> Path:
    """The data directory with the corpus in its index (closed again, as after `kupur index`)."""
    backend = open_backend(kind="tantivy", url="", index_dir=data_dir / "index", index_name="k")
    backend.upsert(ALL)
    backend.close()
    return data_dir


def test_dry_run_writes_files_for_each_subscription(indexed: Path, tmp_path: Path) -> None:
    out = tmp_path / "outbox"

    result = CliRunner().invoke(
        cli, ["digest", "--data-dir", str(indexed), "--dry-run", "--out", str(out)]
    )

    assert result.exit_code == 0, result.output
    emls = sorted(out.glob("*.eml"))
    assert [p.name.split("_")[0] for p in emls] == ["ordu-gunluk", "samsun-haftalik"]
    assert len(list(out.glob("*.html"))) == 2
    message = email.message_from_bytes(emls[1].read_bytes(), policy=policy.default)
    assert str(message["Subject"]).startswith("Kupür haftalık özet: Samsun sosyal hizmetler")
    assert "written" in result.output


def test_out_without_dry_run_is_a_usage_error(indexed: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["digest", "--data-dir", str(indexed), "--out", "x"])
    assert result.exit_code == 2
    assert "--out goes with --dry-run" in result.output


def test_send_then_skip_through_the_configured_server(
    indexed: Path, smtp_server: SMTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KUPUR_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("KUPUR_SMTP_PORT", str(smtp_server.port))
    args = ["digest", "--data-dir", str(indexed), "--subscription", "samsun-haftalik"]

    first = CliRunner().invoke(cli, args)
    second = CliRunner().invoke(cli, args)

    assert first.exit_code == 0, first.output
    assert "sent" in first.output
    assert second.exit_code == 0, second.output
    assert "skipped" in second.output
    assert len(smtp_server.handler.received) == 1


def test_a_failed_send_exits_1_with_the_reason(
    indexed: Path, smtp_server: SMTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    smtp_server.handler.refuse_with = "554 5.7.1 Reddedildi"
    monkeypatch.setenv("KUPUR_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("KUPUR_SMTP_PORT", str(smtp_server.port))

    result = CliRunner().invoke(cli, ["digest", "--data-dir", str(indexed)])

    assert result.exit_code == 1
    assert "failed" in result.output
    assert "554" in result.output


def test_alerts_check_reports_the_baseline(indexed: Path) -> None:
    result = CliRunner().invoke(cli, ["alerts", "check", "--data-dir", str(indexed)])

    assert result.exit_code == 0, result.output
    assert "baseline" in result.output
    assert "Samsun" in result.output
