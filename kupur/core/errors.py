"""Every error Kupür raises on purpose, in one hierarchy.

The library raises these; only the CLI (and the web app) turn them into messages and exit codes.
Like ``kupur.core.models`` this module is a leaf that the stages may import.

    KupurError
    ├── ConfigError            bad kupur.toml, KUPUR_* variable or subscriptions file
    ├── SourceConfigError      bad sources file (every mistake listed with its place)
    ├── ArchiveError           the archive database cannot be opened or written
    ├── ImportFormatError      a JSON-lines import line that cannot be read
    ├── ModelNotFoundError     a configured embedding or NER model is missing locally
    ├── CrawlError             a crawl could not be started or did not finish
    │   └── CrawlStorageError  the archive refused the crawl's writes (read-only, disk full)
    ├── MailError              the mail server refused or could not be reached after retries
    ├── SchedulerError         a second scheduler on one job store, or an unknown job
    │   └── JobError           a scheduled job crashed or overran its time limit
    └── SearchError
        ├── QuerySyntaxError   a malformed query (with the position of the problem)
        ├── BackendUnavailable the search server cannot be reached
        └── BackendMismatch    the search server is not a version this client speaks
"""

from __future__ import annotations

__all__ = [
    "ArchiveError",
    "BackendMismatch",
    "BackendUnavailable",
    "ConfigError",
    "CrawlError",
    "CrawlStorageError",
    "ImportFormatError",
    "JobError",
    "KupurError",
    "MailError",
    "ModelNotFoundError",
    "QuerySyntaxError",
    "SchedulerError",
    "SearchError",
    "SourceConfigError",
]


class KupurError(Exception):
    """Base of every error Kupür raises on purpose; its message is fit for a user."""


class ConfigError(KupurError):
    """Raised by kupur.app.config when a setting is missing, mistyped or contradictory."""


class SourceConfigError(KupurError):
    """Raised by kupur.crawlers.sources when a sources file does not validate; lists every problem."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{path}: {len(problems)} problem(s) in the sources file:\n{lines}")


class ArchiveError(KupurError):
    """Raised by kupur.app.archive when the database cannot be opened, migrated or written."""


class ImportFormatError(KupurError):
    """Raised by kupur.importing for a JSON-lines record that cannot become an Article."""

    def __init__(self, line_number: int, reason: str) -> None:
        self.line_number = line_number
        self.reason = reason
        super().__init__(f"line {line_number}: {reason}")


class ModelNotFoundError(KupurError):
    """Raised by nlp when a configured model path or package is not on this machine."""


class CrawlError(KupurError):
    """Raised by the crawl runner when Scrapy cannot start or the crawl process fails."""


class CrawlStorageError(CrawlError):
    """Raised by the crawl runner when the archive refused the crawl's writes (a read-only
    database, a full disk): the crawl stopped early; what was stored before is kept."""


class MailError(KupurError):
    """Raised by kupur.digest when the mail server cannot be reached or refuses a message."""


class SchedulerError(KupurError):
    """Raised by scheduler/ when a job store already has a running scheduler or a job is unknown."""


class JobError(SchedulerError):
    """Raised by scheduler/ when a job's process crashed, failed or overran its time limit."""


class SearchError(KupurError):
    """Base of the errors raised by index/ backends and the query language."""


class QuerySyntaxError(SearchError):
    """Raised by kupur.index.query for a malformed query; ``position`` points at the problem."""

    def __init__(self, message: str, query: str, position: int) -> None:
        self.query = query
        self.position = position
        pointer = " " * position + "^"
        super().__init__(f"{message}\n  {query}\n  {pointer}")


class BackendUnavailable(SearchError):
    """Raised by a search backend that cannot reach its server or open its files."""


class BackendMismatch(SearchError):
    """Raised by a search backend when the server's product or major version is not supported."""
