"""How the test node's launcher fails when its tools are missing or Maven cannot resolve."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.opensearch import node as opensearch_node


def test_no_java_is_a_skip_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(
        shutil, "which", lambda name: None if name in ("java", "javac") else "/usr/bin/" + name
    )
    with pytest.raises(opensearch_node.Unavailable, match="install a JDK"):
        opensearch_node.distribution(cache=tmp_path)


def test_no_maven_and_an_empty_cache_is_a_skip_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if shutil.which("java") is None or shutil.which("javac") is None:
        pytest.skip("no JDK on this machine")
    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "mvn" else real(name))
    with pytest.raises(opensearch_node.Unavailable, match="no `mvn`"):
        opensearch_node.distribution(cache=tmp_path)


def test_maven_failing_to_resolve_is_an_error_with_its_output(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if shutil.which("java") is None or shutil.which("javac") is None:
        pytest.skip("no JDK on this machine")
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "mvn"
    fake.write_text(
        "#!/bin/sh\necho '[ERROR] Could not resolve dependencies: Network is unreachable'\nexit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(opensearch_node.NodeError) as caught:
        opensearch_node.distribution(cache=tmp_path / "cache")
    message = str(caught.value)
    assert "Could not resolve dependencies: Network is unreachable" in message
    assert "pom.xml" in message
    assert "Maven Central" in message
    assert not list((tmp_path / "cache").glob("*/complete"))  # nothing marked resolved
