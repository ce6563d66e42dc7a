"""``kupur serve``: the web page and JSON API (uvicorn), bound to loopback unless told otherwise."""

from __future__ import annotations

import click

from kupur.cli.common import App, data_dir_option, pass_app

__all__ = ["serve"]


@click.command()
@click.option("--host", help="Address to bind (default: web.host, 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), help="Port (default: web.port, 8000).")
@data_dir_option
@pass_app
def serve(app: App, host: str | None, port: int | None) -> None:
    """Serve the search page, the JSON API (/api/...) and its docs (/docs).

    Read-only by default; POST /api/reindex works only when KUPUR_API_TOKEN is set.
    """
    import uvicorn

    from kupur.web import create_app

    settings = app.settings
    bind_host = host or settings.web.host
    bind_port = settings.web.port if port is None else port
    web_app = create_app(settings)
    if bind_host not in ("127.0.0.1", "localhost", "::1"):
        app.err.print(
            f"[yellow]Listening on {bind_host}: anyone who can reach this address can read "
            "the archive.[/]"
        )
    app.err.print(f"Kupür on http://{bind_host}:{bind_port}/  (API docs: /docs; Ctrl+C stops)")
    uvicorn.run(web_app, host=bind_host, port=bind_port, log_level="warning")
