"""A real demo server for the whole tests/demo package (threads on 127.0.0.1, free ports)."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message

import pytest

from kupur.demo.server import serve_demo_sites


@dataclass
class Fetched:
    status: int
    headers: Message
    body: bytes


def fetch(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Fetched:
    """GET (or HEAD) a URL; 304 and 404 come back as results, not exceptions."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Fetched(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers, error.read())


@pytest.fixture(scope="session")
def demo_urls() -> Iterator[dict[str, str]]:
    with serve_demo_sites() as urls:
        yield urls
