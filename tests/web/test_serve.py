"""``kupur serve`` as a user starts it: the real command in a child process, on a free loopback
port, answering real HTTP; with ``--workers 2`` two worker processes share the port."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kupur.app.config import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(port: int, path: str) -> tuple[int, dict[str, object]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture
def served(data_settings: Settings, request: pytest.FixtureRequest) -> Iterator[tuple[int, int]]:
    """``kupur serve --workers N`` (N from the test's parameter); yields (port, server pid)."""
    workers: int = request.param
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUPUR_")}
    command = [sys.executable, "-m", "kupur", "--data-dir", str(data_settings.data_dir), "serve"]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", str(workers)],
        env=env,
        cwd=data_settings.data_dir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.communicate()[1][-3000:]
            try:
                if _get(port, "/api/health")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "kupur serve did not answer within 60 s"
            time.sleep(0.2)
        yield port, server.pid
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.mark.parametrize("served", [2], indirect=True)
def test_serve_with_two_workers_answers_from_two_processes(served: tuple[int, int]) -> None:
    port, pid = served
    status, health = _get(port, "/api/health")
    assert status == 200
    assert health["indexed"] == health["archived"] > 0
    status, found = _get(port, "/api/search?q=proje:siroma")
    assert status == 200
    assert found["total"] > 0
    # uvicorn's supervisor and its workers: two processes that each run the app.
    workers = [
        child
        for child in _children(pid)
        if b"multiprocessing" in Path(f"/proc/{child}/cmdline").read_bytes()
        and b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes()
    ]
    assert len(workers) == 2
    # The abusive series is refused by every worker alike.
    status, refused = _get(
        port, "/api/mentions?q=proje:siroma&interval=day&since=0001-01-01&until=9999-12-31"
    )
    assert status == 400
    assert "5,000" in str(refused["error"])
