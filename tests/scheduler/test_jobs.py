"""A scheduled crawl of a site that accepts connections and never answers is stopped at the crawl
time limit (a real Scrapy crawl in a child process), and enrichment and indexing still follow."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kupur.scheduler.jobs import crawl_source


@pytest.fixture
def silent_site() -> Iterator[int]:
    """127.0.0.1:PORT accepts every connection and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return  # the server socket was closed: the test is over
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield int(server.getsockname()[1])
    finally:
        server.close()
        for connection in held:
            connection.close()
        thread.join(5)


def test_a_hanging_crawl_is_stopped_at_its_time_limit_and_the_pipeline_runs(
    silent_site: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "sources:\n"
        "  - name: sessiz-site\n"
        "    kind: feed\n"
        f'    start_urls: ["http://127.0.0.1:{silent_site}/rss"]\n'
        '    allowed_domains: ["127.0.0.1"]\n',
        encoding="utf-8",
    )
    # The job's children read the same environment.
    monkeypatch.setenv("KUPUR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KUPUR_SOURCES_FILE", str(sources))
    monkeypatch.setenv("KUPUR_SCHEDULER_CRAWL_TIME_LIMIT", "2")
    monkeypatch.setenv("KUPUR_CRAWL_DOWNLOAD_TIMEOUT", "3")
    monkeypatch.setenv("KUPUR_CRAWL_RETRY_TIMES", "0")
    monkeypatch.setenv("KUPUR_CRAWL_OBEY_ROBOTS", "false")
    caplog.set_level(logging.INFO, logger="kupur.scheduler")
    started = time.monotonic()

    summary = crawl_source("sessiz-site")

    assert time.monotonic() - started < 100  # the hard backstop would be 2 + 120 s
    assert summary["sources"]["sessiz-site"]["status"] == "stopped"
    assert summary["sources"]["sessiz-site"]["counts"]["fetched"] == 0
    assert "enrichment and indexing finished: {'enriched': 0, 'indexed': 0}" in caplog.text
