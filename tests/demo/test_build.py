"""The committed demo sites are exactly what the generator makes from the corpus."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from kupur.demo.build import MANIFEST, SITES_DIR, check_sites, write_sites


def test_committed_sites_equal_the_generator_output() -> None:
    problems = check_sites()
    assert problems == [], "run `python -m kupur.demo.build`: " + ", ".join(problems[:5])


def test_check_reports_an_edited_missing_or_stale_file(tmp_path: Path) -> None:
    root = tmp_path / "sites"
    shutil.copytree(SITES_DIR, root)
    (root / "bakanlik" / "robots.txt").write_text("User-agent: *\n")
    (root / "gazete" / "sitemap.xml").unlink()
    (root / "ilmudurlugu" / "eski.html").write_text("<p>eski</p>")
    problems = check_sites(root)
    assert "differs: bakanlik/robots.txt" in problems
    assert "missing: gazete/sitemap.xml" in problems
    assert "stale: ilmudurlugu/eski.html" in problems


def test_write_sites_builds_from_scratch_and_removes_stale_files(tmp_path: Path) -> None:
    stale = tmp_path / "gazete" / "eski" / "haber.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("eski")
    assert write_sites(tmp_path) > 60
    assert not stale.exists()
    assert not stale.parent.exists()
    assert check_sites(tmp_path) == []
    manifest = json.loads((tmp_path / "gazete" / MANIFEST).read_text(encoding="utf-8"))
    for entry in manifest.values():
        assert (tmp_path / "gazete" / entry["file"]).is_file()


def test_build_module_check_flag_exits_zero_when_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kupur.demo.build", "--check"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout
