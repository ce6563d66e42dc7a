"""Real OpenSearch nodes for the test suite and the bench, from Maven Central jars.

``distribution()`` resolves the jars named in ``pom.xml`` with Maven into a cache that survives
between runs (``$KUPUR_OPENSEARCH_CACHE``, else ``$XDG_CACHE_HOME/kupur/opensearch`` or
``~/.cache/kupur/opensearch``, one folder per version of pom.xml and the launcher; Maven's own
``~/.m2`` holds the downloads) and compiles ``KupurNode.java`` there. A second run finds the
folder complete and starts at once, without Maven and without the network.

``start_node()`` starts one node as its own JVM process (``java -Xmx… KupurNode HOME``), on
loopback, with every setting written to ``HOME/config/opensearch.yml`` here: a single node binds
free ports itself (``http.port: 0``, read back from ``logs/http.ports``); nodes of a cluster get
transport ports from ``free_port()`` so they can name each other as seeds. ``OpenSearchNode.stop``
sends SIGTERM (OpenSearch closes cleanly) and SIGKILL after a grace period; ``kill`` is the crash.
A node whose parent process dies (pytest killed outright) stops itself within seconds.

Errors: ``Unavailable`` when ``java`` (or ``mvn`` with an empty cache) is missing, which callers
turn into a skip with its message; ``NodeError`` when resolving or starting fails, with Maven's or
the node's own last lines.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "HERE",
    "Distribution",
    "NodeError",
    "OpenSearchNode",
    "Unavailable",
    "distribution",
    "free_port",
    "launch_node",
    "start_node",
]

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
LAUNCHER = HERE / "KupurNode.java"
KNN_PLUGIN = "org.opensearch.knn.plugin.KNNPlugin"
RESOLVE_TIMEOUT = 900
START_TIMEOUT = 180


class Unavailable(Exception):
    """Java or Maven is missing: the tests that need a node are skipped with this message."""


class NodeError(Exception):
    """Resolving the jars or starting a node failed."""


@dataclass(frozen=True)
class Distribution:
    """The resolved jars and the compiled launcher, ready to start nodes."""

    version: str
    folder: Path
    java: str
    knn: bool

    @property
    def classpath(self) -> str:
        parts = [str(self.folder / "lib" / "*"), str(self.folder / "classes")]
        if self.knn:
            parts.insert(1, str(self.folder / "knn" / "*"))
        return os.pathsep.join(parts)


def _versions() -> tuple[str, str]:
    text = POM.read_text("utf-8")
    runner = re.search(r"<opensearch\.runner\.version>([^<]+)<", text)
    knn = re.search(r"<opensearch\.knn\.version>([^<]+)<", text)
    if runner is None or knn is None:
        raise NodeError(f"{POM}: the opensearch.runner.version / opensearch.knn.version are gone")
    return runner.group(1), knn.group(1)


def cache_root() -> Path:
    configured = os.environ.get("KUPUR_OPENSEARCH_CACHE")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kupur" / "opensearch"


def _fingerprint() -> str:
    digest = hashlib.sha256(POM.read_bytes() + LAUNCHER.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One resolver at a time per cache folder (two test sessions may start together)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def distribution(*, cache: Path | None = None, knn: bool = True) -> Distribution:
    """The OpenSearch jars and launcher, resolved and compiled once into the cache."""
    java = shutil.which("java")
    javac = shutil.which("javac")
    if java is None or javac is None:
        raise Unavailable("no `java`/`javac` on PATH: install a JDK 17 to run the OpenSearch tests")
    runner, knn_version = _versions()
    # One folder per pom.xml and launcher: a changed one never rewrites jars that a node of
    # another checkout may still be running from.
    folder = (cache or cache_root()) / f"runner-{runner}-knn-{knn_version}-{_fingerprint()}"
    stamp = folder / "complete"
    with _locked(folder.with_name(folder.name + ".lock")):
        if not stamp.exists():
            _resolve(folder, javac)
            stamp.touch()
    return Distribution(version=runner, folder=folder, java=java, knn=knn)


def _resolve(folder: Path, javac: str) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Unavailable(
            f"no `mvn` on PATH and no resolved OpenSearch jars in {folder}: install Maven "
            "(the jars come from Maven Central once, then from this cache)"
        )
    shutil.rmtree(folder, ignore_errors=True)
    lib = folder / "lib"
    command = [
        mvn,
        "-B",
        "-q",
        "-Dstyle.color=never",
        "-f",
        str(POM),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={lib}",
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=RESOLVE_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise NodeError(
            f"Maven did not resolve the OpenSearch jars within {RESOLVE_TIMEOUT} s "
            f"({' '.join(command)}): is Maven Central reachable?"
        ) from exc
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise NodeError(
            f"Maven could not resolve the OpenSearch jars of {POM} from Maven Central "
            f"(exit {done.returncode}; command: {' '.join(command)}):\n{tail}"
        )
    # The k-NN plugin comes as a zip of jars (and its descriptor): unpack it beside lib/.
    for archive in lib.glob("opensearch-knn-*.zip"):
        with zipfile.ZipFile(archive) as unpacked:
            unpacked.extractall(folder / "knn")
        archive.unlink()
    classes = folder / "classes"
    compiled = subprocess.run(
        [javac, "-cp", str(lib / "*"), "-d", str(classes), str(LAUNCHER)],
        capture_output=True,
        text=True,
        check=False,
    )
    if compiled.returncode != 0:
        raise NodeError(f"javac could not compile {LAUNCHER}:\n{compiled.stderr[-2000:]}")


def free_port() -> int:
    """A loopback port nothing listens on now (for transport ports that seeds must name)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class OpenSearchNode:
    """One running node (its own JVM)."""

    name: str
    home: Path
    process: subprocess.Popen[bytes]
    url: str
    transport_port: int
    #: ``time.monotonic()`` at launch, and the seconds from launch to ready.
    launched: float
    command: list[str] = field(repr=False)
    started_in: float = 0.0

    @property
    def log(self) -> Path:
        return self.home / "node.out"

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log.read_text("utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self, wait_for: str = "yellow", timeout: float = START_TIMEOUT) -> None:
        """Wait for the HTTP port (and a ``wait_for`` cluster health, unless ""); stop the node
        and raise ``NodeError`` with its last lines when it does not get there in time."""
        deadline = self.launched + timeout
        logs = self.home / "logs"
        try:
            self.url = _wait_for_port(self, logs / "http.ports", deadline)
            if self.transport_port == 0:
                transport = _read_ports(logs / "transport.ports")
                self.transport_port = int(transport.rsplit(":", 1)[1])
            if wait_for:
                _wait_for_health(self, wait_for, deadline)
        except BaseException:
            self.stop(grace=5)
            raise
        self.started_in = time.monotonic() - self.launched

    def stop(self, grace: float = 20.0) -> None:
        """SIGTERM (a clean close), then SIGKILL when it has not ended within ``grace`` s."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL: the node dies as in a crash."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


def _yaml(settings: dict[str, object]) -> str:
    # JSON values are valid YAML flow values: no YAML library needed.
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in settings.items())


def start_node(
    dist: Distribution,
    home: Path,
    *,
    cluster_name: str,
    node_name: str = "kupur-test-1",
    heap: str = "512m",
    transport_port: int = 0,
    seed_hosts: Sequence[str] = (),
    initial_managers: Sequence[str] = (),
    wait_for: str = "yellow",
    timeout: float = START_TIMEOUT,
    quick_start: bool = True,
) -> OpenSearchNode:
    """Start a node with its data under ``home`` and wait until it answers with a ``wait_for``
    cluster ("" for any answer). See ``launch_node`` for the arguments."""
    node = launch_node(
        dist,
        home,
        cluster_name=cluster_name,
        node_name=node_name,
        heap=heap,
        transport_port=transport_port,
        seed_hosts=seed_hosts,
        initial_managers=initial_managers,
        quick_start=quick_start,
    )
    node.wait_ready(wait_for, timeout)
    return node


def launch_node(
    dist: Distribution,
    home: Path,
    *,
    cluster_name: str,
    node_name: str = "kupur-test-1",
    heap: str = "512m",
    transport_port: int = 0,
    seed_hosts: Sequence[str] = (),
    initial_managers: Sequence[str] = (),
    quick_start: bool = True,
) -> OpenSearchNode:
    """Start a node's JVM with its data under ``home`` and return at once (``wait_ready`` waits).

    ``quick_start`` compiles with the JVM's first-tier compiler only and collects garbage on one
    thread: a node is ready in about half the time (7 s instead of 11-15 s here) and runs the
    tests' small requests as fast; benchmarks turn it off for full-speed compiled code.

    Without ``seed_hosts`` it is a single-node cluster; with them it joins (or, with
    ``initial_managers``, bootstraps) a cluster of several, whose nodes must be launched
    together: a node opens its HTTP port only once it has found a cluster manager, or after 30 s.
    Launching again on the same ``home`` restarts the node on its data.
    """
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    logs = home / "logs"
    for stale in ("http.ports", "transport.ports"):
        (logs / stale).unlink(missing_ok=True)
    settings: dict[str, object] = {
        "cluster.name": cluster_name,
        "node.name": node_name,
        "network.host": "127.0.0.1",
        "http.port": 0,
        "transport.port": transport_port,
        "node.portsfile": True,
        "path.data": str(home / "data"),
        "path.logs": str(logs),
        # Test machines have little disk; the watermarks would make indices read-only.
        "cluster.routing.allocation.disk.threshold_enabled": False,
        "action.auto_create_index": False,
    }
    if seed_hosts:
        settings["discovery.seed_hosts"] = list(seed_hosts)
        if initial_managers:
            settings["cluster.initial_cluster_manager_nodes"] = list(initial_managers)
    else:
        settings["discovery.type"] = "single-node"
    (config / "opensearch.yml").write_text(_yaml(settings), "utf-8")
    command = [
        dist.java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *(["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"] if quick_start else []),
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        "-Dlog4j2.disable.jmx=true",
        f"-Dkupur.parent={os.getpid()}",
        "-cp",
        dist.classpath,
        "KupurNode",
        str(home),
        KNN_PLUGIN if dist.knn else "",
    ]
    with (home / "node.out").open("ab") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=home
        )
    return OpenSearchNode(
        name=node_name,
        home=home,
        process=process,
        url="",
        transport_port=transport_port,
        launched=time.monotonic(),
        command=command,
    )


def _read_ports(path: Path) -> str:
    lines = [line for line in path.read_text().splitlines() if line.startswith("127.0.0.1:")]
    if not lines:
        raise NodeError(f"{path} names no 127.0.0.1 address")
    return lines[0]


def _wait_for_port(node: OpenSearchNode, ports: Path, deadline: float) -> str:
    while not ports.exists() or not ports.read_text().strip():
        if node.process.poll() is not None:
            raise NodeError(
                f"the OpenSearch node {node.name} exited with {node.process.returncode} while "
                f"starting; its last lines ({node.log}):\n{node.log_tail()}"
            )
        if time.monotonic() > deadline:
            raise NodeError(
                f"the OpenSearch node {node.name} did not open its HTTP port in time; its last "
                f"lines ({node.log}):\n{node.log_tail()}"
            )
        time.sleep(0.2)
    return f"http://{_read_ports(ports)}"


def _wait_for_health(node: OpenSearchNode, status: str, deadline: float) -> None:
    url = f"{node.url}/_cluster/health?wait_for_status={status}&timeout=2s"
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                if not json.loads(answer.read()).get("timed_out", True):
                    return
        except (urllib.error.URLError, OSError, ValueError):
            pass
        if node.process.poll() is not None or time.monotonic() > deadline:
            raise NodeError(
                f"the OpenSearch node {node.name} never reported a {status} cluster; its last "
                f"lines ({node.log}):\n{node.log_tail()}"
            )
        time.sleep(0.3)
