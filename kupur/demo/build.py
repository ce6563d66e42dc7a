"""Generate the three demo sites from the corpus into the committed files under kupur/demo/sites/.

    python -m kupur.demo.build           # (re)write kupur/demo/sites/
    python -m kupur.demo.build --check   # exit 1 if the committed files differ from the corpus

Each site folder holds its files plus ``_headers.json``: for every served URL path, the file that
backs it, its Content-Type and its Last-Modified date. The server serves exactly those paths, so a
page's URL, encoding and headers are decided here, once, and checked in with the pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from kupur.demo.corpus import SITES, DemoArticle, load_corpus
from kupur.demo.render import bakanlik, gazete, ilmudurlugu
from kupur.demo.render.common import SiteFile, http_date

__all__ = ["MANIFEST", "SITES_DIR", "check_sites", "render_files", "write_sites"]

SITES_DIR = Path(__file__).with_name("sites")
MANIFEST = "_headers.json"

_RENDERERS: dict[str, Callable[[tuple[DemoArticle, ...]], dict[str, SiteFile]]] = {
    "bakanlik": bakanlik.render,
    "ilmudurlugu": ilmudurlugu.render,
    "gazete": gazete.render,
}


def _file_for(path: str) -> str:
    """Where the resource for a URL path lives inside its site folder."""
    relative = path.lstrip("/")
    if not relative or relative.endswith("/"):
        return relative + "index.html"
    if "." in relative.rsplit("/", 1)[-1]:
        return relative
    return relative + ".html"


def render_files() -> dict[str, dict[str, bytes]]:
    """Site → file path inside the site folder → bytes, manifest included."""
    corpus = load_corpus()
    result: dict[str, dict[str, bytes]] = {}
    for site in SITES:
        articles = tuple(a for a in corpus if a.site == site)
        resources = _RENDERERS[site](articles)
        files: dict[str, bytes] = {}
        manifest: dict[str, dict[str, str]] = {}
        for path in sorted(resources):
            resource = resources[path]
            name = _file_for(path)
            files[name] = resource.body
            manifest[path] = {
                "file": name,
                "content_type": resource.content_type,
                "last_modified": http_date(resource.last_modified),
            }
        files[MANIFEST] = (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode()
        result[site] = files
    return result


def _existing(root: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(root)): p
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def check_sites(root: Path = SITES_DIR) -> list[str]:
    """Differences between the committed sites and a fresh render; empty when up to date."""
    problems: list[str] = []
    for site, files in render_files().items():
        existing = _existing(root / site)
        for name, data in files.items():
            path = existing.pop(name, None)
            if path is None:
                problems.append(f"missing: {site}/{name}")
            elif path.read_bytes() != data:
                problems.append(f"differs: {site}/{name}")
        problems.extend(f"stale: {site}/{name}" for name in existing)
    return problems


def write_sites(root: Path = SITES_DIR) -> int:
    """Write every site under ``root``, removing files no longer produced; returns files written."""
    written = 0
    for site, files in render_files().items():
        folder = root / site
        stale = _existing(folder) if folder.exists() else {}
        for name, data in files.items():
            stale.pop(name, None)
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
                written += 1
        for path in stale.values():
            path.unlink()
        for directory in sorted(folder.rglob("*"), reverse=True):
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kupur.demo.build", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = check_sites()
        for line in problems:
            print(line)
        print("demo sites up to date" if not problems else f"{len(problems)} file(s) out of date")
        return 1 if problems else 0
    written = write_sites()
    print(f"wrote {written} file(s) under {SITES_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
