"""The web app's guards: security headers, a request body cap, the API token, and a gate that
lets only a few costly requests run at once.

The Content-Security-Policy allows no script at all (and no inline style), so even if some text
escaped escaping, a planted ``<script>`` could not run. Everything is served from this origin;
nothing is loaded from the internet.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "BodySizeLimit",
    "CostGate",
    "SecurityHeaders",
    "ServerBusy",
    "cost_gate",
    "require_token",
]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the headers above to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in _HEADERS if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimit:
    """Refuses request bodies over ``max_bytes`` with 413, by Content-Length or as they stream.

    A body sent without a length (chunked) is read here, up to the cap, before the application
    sees any of it: an endpoint that parses the body would otherwise catch the overflow as a
    broken body and answer 400. Bodies are small (the cap is 64 KiB), so holding one is cheap.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        has_body = False
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.max_bytes:
                    await self._refuse(send)
                    return
                has_body = has_body or int(value) > 0
            elif name == b"transfer-encoding":
                has_body = True
        if not has_body:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            {"error": f"request body too large: at most {self.max_bytes} bytes are accepted"}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def require_token(request: Request) -> None:
    """Dependency of every state-changing endpoint: ``Authorization: Bearer <KUPUR_API_TOKEN>``.

    With no token configured such endpoints are disabled (403), so a default install is
    read-only.
    """
    expected: str = request.app.state.settings.api_token
    if not expected:
        raise HTTPException(
            status_code=403,
            detail="this endpoint changes state and is disabled: set KUPUR_API_TOKEN in the "
            "server's environment and send it as 'Authorization: Bearer <token>'",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        raise HTTPException(
            status_code=401,
            detail="missing or wrong API token: send 'Authorization: Bearer <KUPUR_API_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


class ServerBusy(Exception):
    """Raised by ``CostGate.held`` when the costly requests already running fill the gate."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            "the server is busy with other costly requests (entity counts, exports, deep "
            f"rankings); try again in {retry_after} s"
        )


class CostGate:
    """At most ``at_once`` costly requests run at a time in this process.

    Requests that cost seconds of CPU (entity counts over many articles, exports, rankings read
    far past the page) share the process with every search: under the GIL, each one running
    beside a search slows it, so four at once multiplied search latency. A request that finds the
    gate full waits up to ``wait_seconds``, then gets 503 with Retry-After; it never holds a
    worker thread longer. With ``kupur serve --workers N`` each process has its own gate.
    """

    def __init__(self, at_once: int = 1, wait_seconds: float = 1.0, retry_after: int = 5) -> None:
        self._slots = threading.BoundedSemaphore(at_once)
        self.wait_seconds = wait_seconds
        self.retry_after = retry_after

    @contextmanager
    def held(self) -> Iterator[None]:
        if not self._slots.acquire(timeout=self.wait_seconds):
            raise ServerBusy(self.retry_after)
        try:
            yield
        finally:
            self._slots.release()


def cost_gate(request: Request) -> CostGate:
    """The app's gate for costly requests (``app.state.cost_gate``)."""
    gate: CostGate = request.app.state.cost_gate
    return gate
