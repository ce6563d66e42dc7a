"""``kupur serve``: the web page and JSON API (uvicorn), bound to loopback unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kupur.cli.common import App, data_dir_option, pass_app

__all__ = ["serve"]


@click.command()
@click.option("--host", help="Address to bind (default: web.host, 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), help="Port (default: web.port, 8000).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes answering requests (about one per CPU core).",
)
@data_dir_option
@pass_app
def serve(app: App, host: str | None, port: int | None, workers: int) -> None:
    """Serve the search page, the JSON API (/api/...) and its docs (/docs).

    Read-only by default; POST /api/reindex works only when KUPUR_API_TOKEN is set. One process
    answers one search at a time: with --workers N, N processes share the port, each with its own
    view of the archive and index. For production run it behind a reverse proxy on loopback.
    """
    import uvicorn

    from kupur.web import create_app

    settings = app.settings
    bind_host = host or settings.web.host
    bind_port = settings.web.port if port is None else port
    if bind_host not in ("127.0.0.1", "localhost", "::1"):
        app.err.print(
            f"[yellow]Listening on {bind_host}: anyone who can reach this address can read "
            "the archive.[/]"
        )
    processes = f"{workers} worker processes; " if workers > 1 else ""
    address = f"http://{bind_host}:{bind_port}/"
    if workers == 1:
        web_app = create_app(settings)
        app.err.print(f"Kupür on {address}  (API docs: /docs; Ctrl+C stops)")
        uvicorn.run(web_app, host=bind_host, port=bind_port, log_level="warning")
        return
    # Each worker builds its own app from the environment (uvicorn's factory): these variables
    # make it read the same settings as this command. The archive is opened (and migrated) once
    # here first, so a bad archive is one message rather than N crashing workers.
    app.kupur().archive.count()
    app.close()
    os.environ["KUPUR_DATA_DIR"] = str(settings.data_dir)
    if app.config_file:
        os.environ["KUPUR_CONFIG"] = str(Path(app.config_file).expanduser().resolve())
    app.err.print(f"Kupür on {address}  ({processes}API docs: /docs; Ctrl+C stops)")
    uvicorn.run(
        "kupur.web.app:app_from_environment",
        factory=True,
        workers=workers,
        host=bind_host,
        port=bind_port,
        log_level="warning",
    )
