"""What every command shares: the ``App`` context (the ``Kupur`` application object, opened on
first use, and the consoles) and the options defined once for all commands."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kupur.app.config import Settings, load_settings

if TYPE_CHECKING:
    from kupur.app.application import Kupur
    from kupur.app.archive import Archive
    from kupur.index.api import SearchBackend
    from kupur.nlp.embeddings import Embedder

__all__ = [
    "App",
    "configure_logging",
    "crawl_options",
    "data_dir_option",
    "pass_app",
    "progress_bar",
    "sources_file_option",
]

F = TypeVar("F", bound=Callable[..., Any])


class App:
    """Lazily opened resources of one CLI invocation; closed when the command ends."""

    def __init__(self, config_file: str | None, data_dir: str | None, verbosity: int) -> None:
        self.config_file = config_file
        self.data_dir = data_dir
        self.verbosity = verbosity
        #: Results go to stdout; progress, logs and messages to stderr, so --json stays clean.
        self.console = Console(highlight=False)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self._kupur: Kupur | None = None

    @cached_property
    def settings(self) -> Settings:
        return load_settings(self.config_file, data_dir=self.data_dir)

    def kupur(self) -> Kupur:
        """The application object for this command's settings (archive opened now)."""
        if self._kupur is None:
            from kupur.app.application import Kupur

            self._kupur = Kupur(self.settings)
        return self._kupur

    def archive(self) -> Archive:
        return self.kupur().archive

    def backend(self) -> SearchBackend:
        return self.kupur().backend

    def embedder(self) -> Embedder:
        return self.kupur().embedder

    def close(self) -> None:
        if self._kupur is not None:
            self._kupur.close()


pass_app = click.make_pass_decorator(App)


def data_dir_option(command: F) -> F:
    """``--data-dir`` on a subcommand too, so it may follow the command name."""

    def remember(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            app = ctx.find_object(App)
            if app is not None:
                app.data_dir = str(value)
                app.__dict__.pop("settings", None)

    return click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        callback=remember,
        expose_value=False,
        is_eager=True,
        help="Where the archive and index live (default: KUPUR_DATA_DIR or the config file).",
    )(command)


def configure_logging(verbosity: int) -> None:
    level = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    logging.basicConfig(
        level=level,
        format="%(message)s",
        handlers=[RichHandler(console=Console(stderr=True), show_path=False)],
        force=True,
    )
    for noisy in ("scrapy", "twisted", "trafilatura", "htmldate", "filelock", "elastic_transport"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


@contextmanager
def progress_bar(app: App, description: str) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr (hidden with -q); yields a (done, total) callback."""
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=app.err,
        disable=app.verbosity < 0,
        transient=False,
    )
    task = progress.add_task(description, total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    with progress:
        yield update


def sources_file_option(command: F) -> F:
    """``--sources FILE``, for every command that reads the sources file."""
    return click.option(
        "--sources",
        "sources_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Sources file (default: the configured one, crawlers/sources.yaml).",
    )(command)


def crawl_options(command: F) -> F:
    """``--sources``, ``--source`` and ``--refresh``, shared by ``kupur crawl`` and ``kupur run``."""
    command = click.option(
        "--refresh", is_flag=True, help="Fetch known articles again, ignore ETags."
    )(command)
    command = click.option(
        "--source", "names", multiple=True, help="Crawl only this source (repeatable)."
    )(command)
    return sources_file_option(command)
