"""Serving benchmark: searches per second and latency of `kupur serve` over real HTTP on
loopback, with one worker process and with several, under concurrent clients.

    .venv/bin/python bench/bench_serve.py                   # 50k articles, 8 clients, 1 and 2 workers
    .venv/bin/python bench/bench_serve.py --workers 1 2 4 --requests 60
    .venv/bin/python bench/bench_serve.py --data-dir /tmp/kupur-50k   # keep the corpus for next time

The corpus is bench_index.py's synthetic articles (Turkish sentence parts, entities, 512-dimension
embeddings) in the embedded tantivy index of a data directory (about a minute to build at 50k);
searches read only the index, so the archive stays empty. The server is the real command,
`python -m kupur serve --workers N`, started as a child process on a free loopback port; each
client is a thread with its own keep-alive connection sending `GET /api/search` with facets (the
API's default: six terms aggregations) and 20 highlighted hits a page, the ten queries of
bench_index.py in turn. Each worker count is warmed up, then measured; every run is bounded: at
most ``--requests`` per client and ``--seconds`` in all. The clients run in this process, on the
same machine as the server, so they take some of its CPU. Prints figures; passes or fails nothing.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_index import QUERIES, make_articles, percentile
from kupur.app.config import load_settings
from kupur.index import open_backend

#: The marker a finished corpus leaves in its data directory (its article count), so a second
#: run with the same --data-dir reuses it.
MARKER = "bench-serve-articles.txt"


def build_data_dir(data_dir: Path, count: int) -> None:
    """Index ``count`` synthetic articles into the embedded index of ``data_dir``."""
    marker = data_dir / MARKER
    if marker.is_file() and marker.read_text().strip() == str(count):
        print(f"corpus: reusing {count:,} articles in {data_dir}")
        return
    if data_dir.exists() and any(data_dir.iterdir()):
        raise SystemExit(f"{data_dir} holds something else; give an empty or new --data-dir")
    started = time.perf_counter()
    settings = load_settings(environ={}, data_dir=str(data_dir))
    backend = open_backend(kind="tantivy", url="", index_dir=settings.index_dir, index_name="kupur")
    try:
        for start in range(0, count, 5_000):
            # Chunks of 5,000 keep memory small; each gets its own URLs (the id derives from
            # them) and story ids.
            articles = [
                replace(
                    article,
                    url=f"https://{article.source}/haber/{start + n}",
                    canonical_url="",
                    id="",
                    story_id=f"story-{(start + n) // 3}" if (start + n) % 5 == 0 else None,
                )
                for n, article in enumerate(
                    make_articles(min(5_000, count - start), 512, seed=start + 7)
                )
            ]
            backend.upsert(articles)
            print(f"corpus: {start + len(articles):,} articles indexed", end="\r", flush=True)
        indexed = backend.count()
    finally:
        backend.close()
    marker.write_text(str(count))
    print(f"corpus: {indexed:,} articles indexed in {time.perf_counter() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """`python -m kupur serve` in a child process, stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, data_dir: Path, workers: int, cwd: Path) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("KUPUR_")}
        command = [sys.executable, "-m", "kupur", "--data-dir", str(data_dir), "serve"]
        command += ["--port", str(self.port)]
        if workers > 1:
            command += ["--workers", str(workers)]
        self.process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

    def wait_ready(self, timeout: float = 120.0) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode() if self.process.stderr else ""
                raise SystemExit(f"kupur serve exited with {self.process.returncode}:\n{error}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/api/health")
                if connection.getresponse().status == 200:
                    connection.close()
                    return time.perf_counter() - started
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"kupur serve did not answer on port {self.port} in {timeout:.0f} s")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) of the server and its worker processes so far."""
        tick = os.sysconf("SC_CLK_TCK")
        parents: dict[int, int] = {}
        times: dict[int, float] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
        tree, grown = {self.process.pid}, True
        while grown:
            found = {pid for pid, parent in parents.items() if parent in tree} - tree
            grown = bool(found)
            tree |= found
        return sum(times.get(pid, 0.0) for pid in tree)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Run:
    """One load run: latencies (ms) of the answered searches, failures, wall time."""

    workers: int
    clients: int
    latencies: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    #: CPU time the server's processes spent during the run.
    server_cpu: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def search_paths() -> list[str]:
    """The searches the clients send in turn (20 hits, facets on: the API's defaults)."""
    return ["/api/search?" + urlencode({"q": query}) for query in QUERIES]


def load(port: int, run: Run, requests: int, seconds: float) -> None:
    """``run.clients`` threads, each sending up to ``requests`` searches; all stop at ``seconds``."""
    paths = search_paths()
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for i in range(requests):
            if time.perf_counter() > deadline:
                break
            path = paths[(number + i) % len(paths)]
            t0 = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                outcome = str(response.status)
                if response.status == 200 and not body.startswith(b'{"query"'):
                    outcome = "not a search answer"  # (not parsed: the clients share the CPUs)
            except (OSError, http.client.HTTPException) as exc:
                outcome = type(exc).__name__
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            elapsed = (time.perf_counter() - t0) * 1000
            with lock:
                if outcome == "200":
                    run.latencies.append(elapsed)
                else:
                    run.failures[outcome] = run.failures.get(outcome, 0) + 1
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(run.clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - started


def measure(data_dir: Path, workers: int, clients: int, requests: int, seconds: float) -> Run:
    with tempfile.TemporaryDirectory() as cwd:
        server = Server(data_dir, workers, Path(cwd))
        try:
            ready = server.wait_ready()
            print(f"  {workers} worker(s): answering after {ready:.1f} s; warming up", flush=True)
            # Every worker opens its index and loads the analyzers on its first requests.
            load(server.port, Run(workers, clients), requests=max(2, 4 * workers), seconds=60)
            run = Run(workers, clients)
            cpu_before = server.cpu_seconds()
            load(server.port, run, requests, seconds)
            run.server_cpu = server.cpu_seconds() - cpu_before
        finally:
            server.stop()
    return run


def report(runs: list[Run], articles: int) -> None:
    print(f"\n{articles:,} articles, GET /api/search (facets, 20 highlighted hits), loopback HTTP")
    print(f"  {'workers':>7s} {'clients':>7s} {'searches/s':>10s} {'p50 ms':>8s} {'p95 ms':>8s}"
          f" {'server CPU ms/search':>21s} {'answered':>8s}  failures")  # fmt: skip
    for run in runs:
        values = run.latencies or [float("nan")]
        failures = ", ".join(f"{k}: {v}" for k, v in sorted(run.failures.items())) or "none"
        cpu = run.server_cpu * 1000 / max(1, len(run.latencies))
        print(
            f"  {run.workers:>7d} {run.clients:>7d} {run.rate:>10.1f} "
            f"{statistics.median(values):>8.0f} {percentile(values, 0.95):>8.0f} "
            f"{cpu:>21.1f} {len(run.latencies):>8d}  {failures}"
        )
    print(
        f"  (load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; "
        "server CPU per search is what bounds searches/s on idle cores)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=100, help="searches per client and run")
    parser.add_argument("--seconds", type=float, default=90.0, help="time limit of each run")
    parser.add_argument("--data-dir", type=Path, help="build the corpus here (and reuse it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        build_data_dir(data_dir, args.articles)
        runs = [
            measure(data_dir, workers, args.clients, args.requests, args.seconds)
            for workers in args.workers
        ]
    report(runs, args.articles)


if __name__ == "__main__":
    main()
