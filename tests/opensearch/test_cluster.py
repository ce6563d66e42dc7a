"""A three-node OpenSearch cluster (three JVMs from tests/opensearch/node.py) under ``kupur index``.

The index has one shard and one replica. The node holding the primary is killed with SIGKILL in
the middle of a bulk ``kupur index``; the run either finishes (the replica took over) or reports
what is still pending, and a second run leaves nothing out: the archive and the index hold the
same number of articles. Searches keep answering while the cluster is yellow; the node restarts
on its data and the cluster turns green again. Then ``kupur index --rebuild`` builds a new
version behind the alias while searches run, and none of them answers empty.

Figures (nodes, articles, seconds) are printed; run with ``-s`` to see them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bench.bench_index import make_articles
from kupur.app.archive import Archive
from kupur.index import open_backend
from kupur.index.api import SearchRequest
from kupur.index.es_backend import ServerBackend
from tests.conftest import kupur_env
from tests.opensearch import node as opensearch_node

ARTICLES = 2000
NAMES = ("kupur-a", "kupur-b", "kupur-c")
INDEX = "kupur"


@dataclass
class Cluster:
    dist: opensearch_node.Distribution
    name: str
    base: Path
    ports: dict[str, int]
    nodes: dict[str, opensearch_node.OpenSearchNode] = field(default_factory=dict)

    def launch(self, name: str) -> opensearch_node.OpenSearchNode:
        self.nodes[name] = opensearch_node.launch_node(
            self.dist,
            self.base / name,
            cluster_name=self.name,
            node_name=name,
            heap="384m",
            transport_port=self.ports[name],
            seed_hosts=[f"127.0.0.1:{port}" for port in self.ports.values()],
            initial_managers=list(NAMES),
        )
        return self.nodes[name]

    def urls(self) -> list[str]:
        return [node.url for node in self.nodes.values() if node.alive()]

    def get(self, path: str) -> Any:
        for url in self.urls():
            try:
                with urllib.request.urlopen(url + path, timeout=30) as answer:
                    return json.loads(answer.read())
            except OSError:
                continue
        raise AssertionError(f"no node of the cluster answers {path}")

    def health(self, wait_for: str = "", nodes: int = 0) -> dict[str, Any]:
        query = "timeout=60s"
        if wait_for:
            query += f"&wait_for_status={wait_for}"
        if nodes:
            query += f"&wait_for_nodes={nodes}"
        answer: dict[str, Any] = self.get(f"/_cluster/health?{query}")
        return answer


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    if os.environ.get("KUPUR_TEST_OPENSEARCH_URL", "").lower() == "off":
        pytest.skip("KUPUR_TEST_OPENSEARCH_URL=off: the OpenSearch tests are switched off")
    try:
        dist = opensearch_node.distribution()
    except opensearch_node.Unavailable as exc:
        pytest.skip(f"no OpenSearch cluster: {exc}")
    except opensearch_node.NodeError as exc:
        pytest.fail(f"no OpenSearch cluster: {exc}", pytrace=False)
    ports = {name: opensearch_node.free_port() for name in NAMES}
    found = Cluster(
        dist, f"kupur-cluster-{uuid.uuid4().hex[:8]}", tmp_path_factory.mktemp("cluster"), ports
    )
    started = time.monotonic()
    try:
        for name in NAMES:
            found.launch(name)
        for node in found.nodes.values():
            node.wait_ready(wait_for="")
        assert found.health("green", nodes=3)["number_of_nodes"] == 3
        print(f"\ncluster: 3 nodes ready in {time.monotonic() - started:.1f} s")
        yield found
    except opensearch_node.NodeError as exc:
        pytest.fail(f"the OpenSearch cluster did not start: {exc}", pytrace=False)
    finally:
        for node in found.nodes.values():
            node.stop()


class Searcher(threading.Thread):
    """Searches the index over and over until stopped, noting every error and empty answer
    (with the cluster's health at the time)."""

    def __init__(self, urls: list[str]) -> None:
        super().__init__(daemon=True)
        self.backend = open_backend(
            kind="opensearch", url=",".join(urls), index_dir=Path(), index_name=INDEX
        )
        self.answers: list[tuple[float, int]] = []
        self.problems: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            try:
                result = self.backend.search(SearchRequest("kooperatif", facets=True, limit=5))
            except Exception as exc:
                self.problems.append(f"{time.monotonic():.1f}: {exc}")
            else:
                self.answers.append((time.monotonic(), result.total))
                if result.total == 0 or not result.hits:
                    self.problems.append(f"{time.monotonic():.1f}: an empty answer")
            time.sleep(0.05)

    def stop(self) -> None:
        self.halt.set()
        self.join(timeout=30)
        self.backend.close()


def _kupur(data_dir: Path, urls: list[str], *args: str) -> subprocess.Popen[str]:
    env = kupur_env(
        KUPUR_DATA_DIR=str(data_dir),
        KUPUR_SEARCH_URL=",".join(urls),
        KUPUR_SEARCH_BACKEND="opensearch",
        KUPUR_SEARCH_INDEX_NAME=INDEX,
    )
    return subprocess.Popen(
        [sys.executable, "-m", "kupur", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of ``ARTICLES`` enriched articles, none indexed yet."""
    folder = tmp_path_factory.mktemp("cluster-data")
    archive = Archive(f"sqlite:///{folder / 'archive.sqlite3'}")
    articles = make_articles(ARTICLES, 32)
    for article in articles:
        article.text = article.text.replace("hibe desteği", "kooperatif hibe desteği")
        archive.save(article)
    archive.save_enrichment(articles)
    archive.close()
    return folder


def _archive(data_dir: Path) -> Archive:
    return Archive(f"sqlite:///{data_dir / 'archive.sqlite3'}")


def _primary_node(cluster: Cluster) -> str:
    shards = cluster.get(f"/_cat/shards/{INDEX}?format=json")
    return str(next(s["node"] for s in shards if s["prirep"] == "p" and s["state"] == "STARTED"))


def test_a_node_killed_during_kupur_index_loses_nothing(cluster: Cluster, data_dir: Path) -> None:
    archive = _archive(data_dir)
    urls = cluster.urls()
    backend = ServerBackend.connect(",".join(urls), index_name=INDEX, product="opensearch")
    # The lost copy waits for its node (not rebuilt elsewhere after the default minute), so the
    # cluster stays yellow until the restart however slow the machine is.
    settings = {"index.unassigned.node_left.delayed_timeout": "10m"}
    backend.writer.indices.create(
        index=f"{INDEX}-v1", body={"aliases": {INDEX: {}}, "settings": settings}
    )
    cluster.health("green")
    victim = _primary_node(cluster)

    run = _kupur(data_dir, urls, "index")
    # (The two copies refresh on their own clocks during a bulk: counts may differ between them.)
    while (indexed_before_kill := backend.count()) < ARTICLES // 4:
        assert run.poll() is None, f"kupur index ended before the kill: {run.communicate()}"
        time.sleep(0.1)
    searcher = Searcher(urls)  # the victim's URL too: a client is not told which node died
    searcher.start()
    killed_at = time.monotonic()
    cluster.nodes[victim].kill()
    _, err = run.communicate(timeout=600)
    print(
        f"\nkilled {victim} (primary) at {indexed_before_kill} of {ARTICLES} articles; "
        f"kupur index exited {run.returncode} {time.monotonic() - killed_at:.1f} s later"
    )
    if run.returncode != 0:
        assert "pending" in err, err  # the run says what is left for the next one
    assert cluster.health()["status"] == "yellow"  # the lost copy is not rebuilt yet
    yellow_answers = sum(1 for at, _ in searcher.answers if at > killed_at)
    surviving = [u for n, u in zip(cluster.nodes, urls, strict=True) if n != victim]
    second = _kupur(data_dir, surviving, "index")
    _, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    assert backend.count() == archive.count() == ARTICLES
    assert archive.count(unindexed=True) == 0

    restarted = time.monotonic()
    cluster.launch(victim).wait_ready(wait_for="")
    health = cluster.health("green", nodes=3)
    recovered = time.monotonic() - restarted
    searcher.stop()
    print(
        f"{len(searcher.answers)} searches while it ran ({yellow_answers} after the kill, by "
        f"the end of the first run), none failed; {victim} rejoined and the cluster was green "
        f"{recovered:.1f} s after its restart"
    )
    assert health["status"] == "green"
    assert health["number_of_nodes"] == 3
    assert searcher.problems == []
    assert yellow_answers > 0
    assert backend.count() == ARTICLES
    backend.close()
    archive.close()


def test_a_reindex_behind_the_alias_never_answers_empty(cluster: Cluster, data_dir: Path) -> None:
    urls = cluster.urls()
    backend = ServerBackend.connect(",".join(urls), index_name=INDEX, product="opensearch")
    if backend.count() == 0:  # the first test did not run
        backend.upsert(make_articles(500, 32))
    before = backend._live_index()
    archive = _archive(data_dir)
    searcher = Searcher(urls)
    searcher.start()
    run = _kupur(data_dir, urls, "index", "--rebuild")
    _, err = run.communicate(timeout=600)
    time.sleep(0.5)
    searcher.stop()
    assert run.returncode == 0, err
    assert backend._live_index() != before
    assert backend.count() == archive.count() == ARTICLES
    assert len(searcher.answers) > 10
    assert searcher.problems == []
    print(f"\nreindex: {len(searcher.answers)} searches while it ran, none empty or failed")
    backend.close()
    archive.close()
