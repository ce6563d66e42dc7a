"""Serve the three demo sites on 127.0.0.1, one ``ThreadingHTTPServer`` each on a free port.

    python -m kupur.demo.server                        # serve until Ctrl-C, print the URLs
    python -m kupur.demo.server --sources demo.yaml    # also write the sources file for them

The server serves exactly the URL paths listed in each site's ``_headers.json`` with the
Content-Type and Last-Modified given there, answers conditional requests (ETag/If-None-Match
first, then If-Modified-Since) with 304, and puts its own address where the committed files say
``%BASE_URL%``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from kupur.demo.build import MANIFEST, SITES_DIR
from kupur.demo.corpus import SITES
from kupur.demo.render.common import BASE_URL

__all__ = ["SOURCES_TEMPLATE", "render_sources", "serve_demo_sites"]

SOURCES_TEMPLATE = Path(__file__).with_name("sources.yaml")
_HOST_RE = re.compile(r"^[A-Za-z0-9.\-\[\]:]+$")


@dataclass(frozen=True)
class _Resource:
    body: bytes
    content_type: str
    last_modified: str


def _load_site(folder: Path) -> dict[str, _Resource]:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return {
        path: _Resource(
            (folder / entry["file"]).read_bytes(), entry["content_type"], entry["last_modified"]
        )
        for path, entry in manifest.items()
    }


def _handler(resources: Mapping[str, _Resource]) -> type[BaseHTTPRequestHandler]:
    class DemoSiteHandler(BaseHTTPRequestHandler):
        """Serves one demo site's resources from memory."""

        server_version = "KupurDemo/1.0"

        def do_GET(self) -> None:
            self._respond(with_body=True)

        def do_HEAD(self) -> None:
            self._respond(with_body=False)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: a demo crawl would otherwise print every request."""

        def _respond(self, *, with_body: bool) -> None:
            resource = resources.get(urlsplit(self.path).path)
            if resource is None:
                body = b"<!DOCTYPE html><html><body><h1>404 - Sayfa bulunamadi</h1></body></html>"
                self.send_response(HTTPStatus.NOT_FOUND)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if with_body:
                    self.wfile.write(body)
                return
            host = self.headers.get("Host", "")
            if not _HOST_RE.match(host):
                host = self._own_address()
            base = f"http://{host}".encode("ascii")
            body = resource.body.replace(BASE_URL.encode("ascii"), base)
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            if self._not_modified(etag, resource.last_modified):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", resource.last_modified)
                self.end_headers()
                return
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", resource.content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", resource.last_modified)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def _own_address(self) -> str:
            address = self.server.server_address
            host, port = (address[0], address[1]) if isinstance(address, tuple) else (address, 0)
            return f"{host!s}:{port}"

        def _not_modified(self, etag: str, last_modified: str) -> bool:
            if_none_match = self.headers.get("If-None-Match")
            if if_none_match is not None:
                tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
                return etag in tags or "*" in tags
            since = self.headers.get("If-Modified-Since")
            if since is None:
                return False
            try:
                return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False

    return DemoSiteHandler


@contextmanager
def serve_demo_sites(
    root: Path = SITES_DIR, ports: Mapping[str, int] | None = None
) -> Iterator[dict[str, str]]:
    """Serve every demo site on 127.0.0.1 for the duration of the ``with`` block.

    Yields ``{"bakanlik": "http://127.0.0.1:PORT", "ilmudurlugu": ..., "gazete": ...}``. A site
    gets the port named in ``ports`` when that port is free (so a second demo run crawls the same
    URLs and stores nothing twice), otherwise one chosen by the operating system, so several demos
    (or test runs) never collide.
    """
    servers: list[ThreadingHTTPServer] = []
    urls: dict[str, str] = {}
    try:
        for site in SITES:
            server = _bind(_handler(_load_site(root / site)), (ports or {}).get(site, 0))
            server.daemon_threads = True
            servers.append(server)
            threading.Thread(target=server.serve_forever, name=f"demo-{site}", daemon=True).start()
            urls[site] = f"http://127.0.0.1:{server.server_address[1]}"
        yield urls
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def _bind(handler: type[BaseHTTPRequestHandler], port: int) -> ThreadingHTTPServer:
    if port:
        try:
            return ThreadingHTTPServer(("127.0.0.1", port), handler)
        except OSError:
            pass
    return ThreadingHTTPServer(("127.0.0.1", 0), handler)


def render_sources(urls: Mapping[str, str], template: Path = SOURCES_TEMPLATE) -> str:
    """The demo sources file with ``{bakanlik}``, ``{ilmudurlugu}`` and ``{gazete}`` filled in."""
    missing = [site for site in SITES if site not in urls]
    if missing:
        raise ValueError(f"render_sources needs a base URL for every demo site; missing {missing}")
    text = template.read_text(encoding="utf-8")
    for site in SITES:
        text = text.replace("{" + site + "}", urls[site].rstrip("/"))
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kupur.demo.server", description="Serve the Kupür demo sites locally."
    )
    parser.add_argument("--sources", type=Path, help="write the demo sources file here")
    args = parser.parse_args(argv)
    with serve_demo_sites() as urls:
        for site, url in urls.items():
            print(f"{site:12} {url}/")
        if args.sources is not None:
            args.sources.write_text(render_sources(urls), encoding="utf-8")
            print(f"sources file written to {args.sources}")
        print("Serving the demo sites; press Ctrl-C to stop.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
