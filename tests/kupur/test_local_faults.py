"""Local faults that must not pass unnoticed (issue 16, item 4): a read-only archive or a disk that
fills during a crawl, a full disk under the index, a killed ``kupur`` parent, a bad environment
variable. Each ends in exit status 1 with the reason on the terminal (cron and systemd see it), never
a traceback, and what was stored before the fault is kept.

Everything runs through the real command line in a subprocess, crawling a real loopback site. Full
disks are small tmpfs mounts and the read-only archive a read-only bind mount of the file (as root;
a non-root user gets a file without write permission instead); where mounting is not allowed the
test is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from kupur.app.archive import Archive
from kupur.core.models import Article, Entities
from tests.conftest import kupur_env
from tests.crawlers.fixture_site import AgencySite, running

#: Quick crawls: no politeness delay against the loopback site, no retries.
_FAST = {
    "KUPUR_CRAWL_DOWNLOAD_DELAY": "0",
    "KUPUR_CRAWL_DOWNLOAD_TIMEOUT": "2",
    "KUPUR_CRAWL_RETRY_TIMES": "0",
    "KUPUR_CRAWL_AUTOTHROTTLE": "false",
}


def _kupur(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kupur", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=kupur_env(**_FAST, **env),
        timeout=300,
        check=False,
    )


def _site() -> AgencySite:
    site = AgencySite()
    for path in [p for p in site.resources if "/haber-50" in p]:
        del site.resources[path]  # only the 30 plain articles
    return site


def _sources(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        f"""sources:
  - name: ajans
    kind: listing
    start_urls: ["{base}/bolge/liste/"]
    allowed_domains: ["127.0.0.1"]
    article_pattern: "/bolge/[a-z]+/haber-\\\\d+$"
""",
        encoding="utf-8",
    )
    return path


def _article_hits(site: AgencySite) -> int:
    return sum(count for path, count in site.hits.items() if "/haber-" in path)


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({' '.join(args)}): {done.stderr.strip() or 'refused'}")


def _unmount(path: Path) -> None:
    if subprocess.run(["umount", str(path)], capture_output=True, check=False).returncode:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextmanager
def _tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A small file system of its own at ``path`` (a disk that can fill up)."""
    if os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root to mount; not root here")
    path.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    try:
        yield path
    finally:
        _unmount(path)


@contextmanager
def _read_only(file: Path) -> Iterator[None]:
    """Make ``file`` read-only for Kupür: a read-only bind mount as root (root ignores file
    permissions), a file without write permission otherwise."""
    if os.geteuid() != 0:
        file.chmod(0o444)
        try:
            yield
        finally:
            file.chmod(0o644)
        return
    _mount("--bind", str(file), str(file))
    try:
        _mount("-o", "remount,ro,bind", str(file))
        yield
    finally:
        _unmount(file)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system holding ``folder`` until ``leave`` bytes are free."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        with suppress(OSError):
            while True:
                os.write(fd, b"\1" * 65536)
        with suppress(OSError):
            while True:
                os.write(fd, b"\1" * 4096)
    finally:
        os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - leave))


def _assert_reported(done: subprocess.CompletedProcess[str], *reasons: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert any(reason in done.stderr for reason in reasons), done.stderr


# -- a crawl whose archive cannot be written ------------------------------------------------------


@pytest.mark.parametrize("command", ["crawl", "run"])
def test_a_crawl_into_a_read_only_archive_exits_1_with_the_reason(
    command: str, tmp_path: Path
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    url = f"sqlite:///{folder / 'archive.sqlite3'}"
    Archive(url).engine.dispose()  # an up-to-date archive, then made read-only
    site = _site()
    with running(site) as base, _read_only(folder / "archive.sqlite3"):
        sources = _sources(tmp_path, base)
        done = _kupur(tmp_path / "data", command, "--sources", str(sources), KUPUR_DATABASE_URL=url)
    _assert_reported(done, "readonly database", "read-only")
    assert "archive" in done.stderr
    # Nothing can be kept, so there is no point fetching the site's articles.
    assert _article_hits(site) < 10, site.hits


@pytest.mark.parametrize("command", ["crawl", "run"])
def test_a_disk_that_fills_during_a_crawl_exits_1_and_keeps_what_was_stored(
    command: str, tmp_path: Path
) -> None:
    with _tmpfs(tmp_path / "disk", "2m") as disk:
        url = f"sqlite:///{disk / 'archive.sqlite3'}"
        Archive(url).engine.dispose()
        _fill(disk, leave=160 * 1024)  # room for a few articles of the 30
        site = _site()
        with running(site) as base:
            sources = _sources(tmp_path, base)
            done = _kupur(
                tmp_path / "data", command, "--sources", str(sources), KUPUR_DATABASE_URL=url
            )
        _assert_reported(done, "disk is full", "No space left")
        assert "free" in done.stderr.lower()
        (disk / "filler").unlink()
        kept = Archive(url)
        stored = kept.count()
        kept.engine.dispose()
    assert stored > 0
    assert f"{stored} article(s) stored before it are kept" in done.stderr.replace("\n", " ")
    assert _article_hits(site) < 30, site.hits


# -- the index on a full disk ---------------------------------------------------------------------


def _enriched_archive(data_dir: Path, count: int) -> Archive:
    archive = Archive(f"sqlite:///{data_dir / 'archive.sqlite3'}")
    articles = []
    for number in range(count):
        article = Article(
            url=f"https://bolgehaber.example/samsun/haber-{number}",
            source="ajans",
            title=f"Samsun'da yaşlı bakım merkezinde bahar şenliği {number}",
            text="Samsun Aile ve Sosyal Hizmetler İl Müdürlüğü ekipleri Atakum ilçesinde "
            "huzurevi sakinleri için şenlik düzenledi. " * 20,
        )
        archive.save(article)
        article.entities = Entities()
        article.embedding = [((number + i) % 7) / 7.0 + 0.1 for i in range(512)]
        articles.append(article)
    archive.save_enrichment(articles)
    return archive


@pytest.mark.parametrize(
    ("args", "size"),
    [
        (["index"], "64k"),  # fails on the embeddings beside the index
        (["index"], "144k"),  # fails on tantivy's commit
        (["index", "--rebuild"], "64k"),  # fails making the new copy
        (["index", "--rebuild"], "144k"),  # fails filling the new copy
    ],
)
def test_index_on_a_full_disk_is_a_message_and_loses_nothing(
    args: list[str], size: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    archive = _enriched_archive(data_dir, 40)
    with _tmpfs(data_dir / "index", size):
        done = _kupur(data_dir, *args)
        _assert_reported(done, "No space left", "disk is full")
        assert "kupur index" in done.stderr
        assert archive.count(unindexed=True) == 40  # still waiting in the archive
    archive.engine.dispose()
    again = _kupur(data_dir, "index")  # with room again, everything is indexed
    assert again.returncode == 0, again.stderr
    assert "Indexed 40 article(s); 40 in the index" in again.stderr


# -- the parent killed under its crawl ------------------------------------------------------------


def _children(pid: int) -> list[int]:
    with suppress(OSError):
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
        return [int(p) for p in text.split()]
    return []


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return False
    return "\nState:\tZ" not in status and "\nState:\tX" not in status


def _stored(database: Path) -> int:
    if not database.exists():
        return 0
    with suppress(sqlite3.Error), sqlite3.connect(database, timeout=5) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    return 0


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_a_crawl_whose_parent_is_killed_stops_and_records_the_run_honestly(
    tmp_path: Path,
) -> None:
    site = _site()
    for path, resource in site.resources.items():
        if "/haber-" in path:
            resource.delay = 1.0  # a crawl that takes a while
    data_dir = tmp_path / "data"
    database = data_dir / "archive.sqlite3"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with running(site) as base:
        sources = _sources(tmp_path, base)
        command = ["crawl", "--sources", str(sources)]
        parent = subprocess.Popen(
            [sys.executable, "-m", "kupur", "--data-dir", str(data_dir), *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=kupur_env(**{**_FAST, "KUPUR_CRAWL_DOWNLOAD_TIMEOUT": "20"}, TMPDIR=str(temporary)),
        )
        try:
            deadline = time.monotonic() + 120
            while _stored(database) < 3 and time.monotonic() < deadline:
                assert parent.poll() is None, "the crawl ended before it could be killed"
                time.sleep(0.2)
            assert _stored(database) >= 3
            children = _children(parent.pid)
            assert children, "no crawl child process"
            parent.send_signal(signal.SIGKILL)
            parent.wait()
            # The orphan notices and stops within a few seconds; it does not crawl on.
            deadline = time.monotonic() + 20
            while any(_alive(c) for c in children) and time.monotonic() < deadline:
                time.sleep(0.2)
            still = [c for c in children if _alive(c)]
            for pid in still:
                os.kill(pid, signal.SIGKILL)
            assert not still, "the orphaned crawl process did not stop"
        finally:
            if parent.poll() is None:
                parent.kill()
    assert _article_hits(site) < 30
    with sqlite3.connect(database) as conn:
        stored = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        status, stats = conn.execute(
            "SELECT status, stats FROM crawl_runs WHERE source = 'ajans' ORDER BY id DESC"
        ).fetchone()
    stats = json.loads(stats)
    assert status == "stopped", (status, stats)
    assert stats["failed"] == 0, stats
    assert stats["new"] == stored
    # The job file it was started with is gone and held no database URL anyway.
    for leftover in temporary.rglob("*"):
        if leftover.is_file():
            assert str(database) not in leftover.read_text(encoding="utf-8", errors="replace")


def test_the_crawl_job_file_holds_no_database_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kupur.app import crawling
    from kupur.app.config import load_settings

    secret = "sqlite:///" + str(tmp_path / "gizli" / "archive.sqlite3")
    settings = load_settings(environ={}, data_dir=str(tmp_path / "data"), database_url=secret)
    jobs: list[str] = []
    real_popen = subprocess.Popen

    def popen(args: list[str], **kwargs: object) -> subprocess.Popen[str]:
        jobs.append(Path(args[-1]).read_text(encoding="utf-8"))
        return real_popen(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(subprocess, "Popen", popen)
    site = _site()
    with running(site) as base:
        summary = crawling.run_crawl(
            settings, sources_file=_sources(tmp_path, base), show_progress=False, time_limit=60
        )
    assert len(jobs) == 1
    assert "gizli" not in jobs[0]
    assert summary.sources["ajans"].counts.new == 30  # the child found its archive anyway
    assert Archive(secret).count() == 30


# -- a bad environment variable --------------------------------------------------------------------


def test_a_bad_environment_variable_is_named_not_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "kupur.toml").write_text('[crawl]\nuser_agent = "Ofis/1.0"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "kupur", "sources", "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=kupur_env(KUPUR_WEB_PORT="sekiz", KUPUR_DATA_DIR=str(tmp_path / "data")),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "KUPUR_WEB_PORT" in done.stderr, done.stderr
    assert "kupur.toml" not in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_each_bad_value_is_blamed_on_its_own_origin(tmp_path: Path) -> None:
    from kupur.app.config import load_settings
    from kupur.core.errors import ConfigError

    config = tmp_path / "kupur.toml"
    config.write_text('[web]\nport = "sekiz"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config, environ={"KUPUR_CRAWL_RETRY_TIMES": "-1"})
    lines = str(caught.value).splitlines()
    assert lines[0] == f"invalid settings (environment variables, {config}):"
    assert any(
        line.startswith("  - KUPUR_CRAWL_RETRY_TIMES (crawl.retry_times): ") for line in lines
    )
    assert any(line.startswith("  - web.port: ") for line in lines)


def test_a_stop_that_comes_while_the_crawl_starts_up_still_stops_it(tmp_path: Path) -> None:
    # Scrapy's stop reaches only engines already running: a stop asked for while a spider was
    # starting (a time limit, or the parent found dead, in the first instants) was lost, and
    # the crawl went on to the end (or hung until the parent killed it).
    from kupur.app.config import load_settings
    from kupur.app.crawling import run_crawl

    site = _site()
    for resource in site.resources.values():
        resource.delay = 4.0  # every page hangs longer than the download timeout
    settings = load_settings(environ={}, data_dir=str(tmp_path / "data"))
    crawl = settings.crawl.model_copy(
        update={"download_delay": 0.0, "download_timeout": 2.0, "retry_times": 0}
    )
    settings = settings.model_copy(update={"crawl": crawl})
    with running(site) as base:
        started = time.monotonic()
        summary = run_crawl(
            settings, sources_file=_sources(tmp_path, base), show_progress=False, time_limit=0.05
        )
    assert summary.sources["ajans"].status in ("stopped", "not-started")
    assert time.monotonic() - started < 25
