"""The sources file: what to crawl, as data.

A YAML file with one list, ``sources:``; each entry is a ``Source`` (see the header of the
shipped ``crawlers/sources.yaml`` for the fields). ``load_sources`` validates the whole file and
raises ``SourceConfigError`` listing every problem with its line number, so a user fixes a file in
one pass.

An entry with ``for_each: province`` is a template: it becomes one source per province (81), with
``{province}`` (ASCII slug, "sanliurfa"), ``{province_name}`` ("Şanlıurfa") and ``{plate}`` ("63")
replaced in its name, start URLs, allowed domains and article pattern. Placeholders are replaced
literally, so regex braces such as ``\\d{4}`` are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml
from parsel import Selector

from kupur.core.errors import SourceConfigError
from kupur.core.places import provinces

__all__ = ["KINDS", "Source", "load_sources", "parse_sources", "select_sources"]

SourceKind = Literal["listing", "feed", "sitemap"]
KINDS: tuple[SourceKind, ...] = ("listing", "feed", "sitemap")
_NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HOST_RE = re.compile(r"^[a-z0-9.-]+$")
_SELECTOR_KEYS = ("title", "date", "body")
_FIELDS = {
    "name", "kind", "start_urls", "allowed_domains", "article_pattern", "next_page",
    "selectors", "interval_minutes", "enabled", "for_each",
}  # fmt: skip
_PLACEHOLDERS = ("{province}", "{province_name}", "{plate}")


@dataclass(frozen=True)
class Source:
    """One crawled source. ``line`` is where it starts in its file (for messages)."""

    name: str
    kind: SourceKind
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    article_pattern: str | None = None
    next_page: str | None = None
    selectors: Mapping[str, str] = field(default_factory=dict)
    interval_minutes: int = 60
    enabled: bool = True
    line: int = 0

    def matches(self, url: str) -> bool:
        """Whether ``url`` is an article URL of this source (no pattern: every URL is)."""
        return self.article_pattern is None or re.search(self.article_pattern, url) is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "start_urls": list(self.start_urls),
            "allowed_domains": list(self.allowed_domains),
            "article_pattern": self.article_pattern,
            "next_page": self.next_page,
            "selectors": dict(self.selectors),
            "interval_minutes": self.interval_minutes,
            "enabled": self.enabled,
        }


class _Checker:
    """Collects problems for one file; each message carries its line."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._constructor = yaml.SafeLoader("")

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(f"line {node.start_mark.line + 1}: {message}")

    def value(self, node: yaml.Node) -> Any:
        return self._constructor.construct_object(node, deep=True)


def _css_ok(selector: str) -> bool:
    try:
        Selector(text="<html></html>").css(selector)
    except Exception:
        return False
    return True


def _url_list(check: _Checker, node: yaml.Node, where: str, key: str) -> list[str]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        check.problem(node, f"{where}: {key} must be a non-empty list")
        return []
    values: list[str] = []
    for item in node.value:
        value = check.value(item)
        if not isinstance(value, str) or not value.strip():
            check.problem(item, f"{where}: every entry of {key} must be a non-empty string")
            continue
        values.append(value.strip())
    return values


def _entry(check: _Checker, node: yaml.Node, index: int) -> Source | None:
    if not isinstance(node, yaml.MappingNode):
        check.problem(node, f"sources[{index}]: an entry must be a mapping of fields")
        return None
    fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    names = [check.value(v) for k, v in node.value if check.value(k) == "name"]
    label = f"sources[{index}]" + (f" ({names[0]})" if names and isinstance(names[0], str) else "")
    for key_node, value_node in node.value:
        key = check.value(key_node)
        if key not in _FIELDS:
            check.problem(key_node, f"{label}: unknown field {key!r}")
        elif key in fields:
            check.problem(key_node, f"{label}: field {key!r} given twice")
        else:
            fields[key] = (key_node, value_node)
    before = len(check.problems)
    name_value = check.value(fields["name"][1]) if "name" in fields else None
    where = f"sources[{index}]" + (f" ({name_value})" if isinstance(name_value, str) else "")
    template = "for_each" in fields
    for required in ("name", "kind", "start_urls"):
        if required not in fields:
            check.problem(node, f"{where}: missing required field {required!r}")
    if template and check.value(fields["for_each"][1]) != "province":
        check.problem(fields["for_each"][1], f"{where}: for_each must be 'province'")
    name = ""
    if "name" in fields:
        raw = name_value
        probe = str(raw)
        for placeholder in _PLACEHOLDERS:
            probe = probe.replace(placeholder, "x")
        if not isinstance(raw, str) or not _NAME_RE.match(probe):
            check.problem(fields["name"][1], f"{where}: name must match [a-z0-9-]+, got {raw!r}")
        elif template and "{province}" not in raw and "{plate}" not in raw:
            check.problem(fields["name"][1], f"{where}: a for_each name needs {{province}}")
        else:
            name = raw
    kind: Any = check.value(fields["kind"][1]) if "kind" in fields else "listing"
    if kind not in KINDS:
        check.problem(
            fields["kind"][1], f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}"
        )
    start_urls: list[str] = []
    if "start_urls" in fields:
        start_urls = _url_list(check, fields["start_urls"][1], where, "start_urls")
        for url in start_urls:
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
                check.problem(fields["start_urls"][1], f"{where}: {url!r} is not an http(s) URL")
    domains: list[str] = []
    if "allowed_domains" in fields:
        domains = _url_list(check, fields["allowed_domains"][1], where, "allowed_domains")
        for domain in domains:
            probe = domain
            for placeholder in _PLACEHOLDERS:
                probe = probe.replace(placeholder, "x")
            if not _HOST_RE.match(probe):
                check.problem(
                    fields["allowed_domains"][1],
                    f"{where}: allowed domain {domain!r} must be a bare host name",
                )
    else:
        domains = [urlsplit(u).hostname or "" for u in start_urls]
    pattern: str | None = None
    if "article_pattern" in fields:
        pattern = check.value(fields["article_pattern"][1])
        try:
            re.compile(str(pattern))
        except re.error as exc:
            check.problem(
                fields["article_pattern"][1],
                f"{where}: article_pattern is not a valid regex: {exc}",
            )
        if not isinstance(pattern, str) or not pattern:
            check.problem(fields["article_pattern"][1], f"{where}: article_pattern must be text")
    elif kind == "listing":
        check.problem(node, f"{where}: a listing source needs an article_pattern")
    next_page: str | None = None
    if "next_page" in fields:
        next_page = check.value(fields["next_page"][1])
        if kind in KINDS and kind != "listing":
            check.problem(fields["next_page"][1], f"{where}: next_page is only for listings")
        if not isinstance(next_page, str) or not _css_ok(next_page):
            check.problem(
                fields["next_page"][1],
                f"{where}: next_page is not a valid CSS selector: {next_page!r}",
            )
    selectors: dict[str, str] = {}
    if "selectors" in fields:
        sel_node = fields["selectors"][1]
        if not isinstance(sel_node, yaml.MappingNode):
            check.problem(sel_node, f"{where}: selectors must be a mapping (title, date, body)")
        else:
            for key_node, value_node in sel_node.value:
                key, value = check.value(key_node), check.value(value_node)
                if key not in _SELECTOR_KEYS:
                    check.problem(
                        key_node,
                        f"{where}: unknown selector {key!r} (known: {', '.join(_SELECTOR_KEYS)})",
                    )
                elif not isinstance(value, str) or not _css_ok(value):
                    check.problem(
                        value_node, f"{where}: selector {key} is not valid CSS: {value!r}"
                    )
                else:
                    selectors[key] = value
    interval = 60
    if "interval_minutes" in fields:
        interval = check.value(fields["interval_minutes"][1])
        if isinstance(interval, bool) or not isinstance(interval, int) or interval < 1:
            check.problem(
                fields["interval_minutes"][1],
                f"{where}: interval_minutes must be a whole number ≥ 1",
            )
    enabled = True
    if "enabled" in fields:
        enabled = check.value(fields["enabled"][1])
        if not isinstance(enabled, bool):
            check.problem(fields["enabled"][1], f"{where}: enabled must be true or false")
    if len(check.problems) > before:
        return None
    return (
        Source(
            name=name,
            kind=kind,
            start_urls=tuple(start_urls),
            allowed_domains=tuple(domains),
            article_pattern=pattern,
            next_page=next_page,
            selectors=selectors,
            interval_minutes=interval,
            enabled=enabled,
            line=node.start_mark.line + 1,
        )
        if not template
        else _Template(
            name,
            kind,
            tuple(start_urls),
            tuple(domains),
            pattern,
            next_page,
            selectors,
            interval,
            enabled,
            node.start_mark.line + 1,
        )
    )


class _Template(Source):
    """A ``for_each: province`` entry before expansion."""

    def expand(self) -> list[Source]:
        expanded = []
        for province in provinces():
            values = {
                "{province}": province.slug,
                "{province_name}": province.name,
                "{plate}": f"{province.plate:02d}",
            }

            def fill(text: str, values: dict[str, str] = values) -> str:
                for placeholder, value in values.items():
                    text = text.replace(placeholder, value)
                return text

            expanded.append(
                replace(
                    Source(**{k: getattr(self, k) for k in Source.__dataclass_fields__}),
                    name=fill(self.name),
                    start_urls=tuple(fill(u) for u in self.start_urls),
                    allowed_domains=tuple(fill(d) for d in self.allowed_domains),
                    article_pattern=fill(self.article_pattern) if self.article_pattern else None,
                )
            )
        return expanded


def parse_sources(text: str, path: str = "<sources>") -> list[Source]:
    """Validate and load sources from YAML text; raises SourceConfigError with every problem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise SourceConfigError(path, [f"{where}not valid YAML: {problem}"]) from exc
    check = _Checker()
    if root is None:
        raise SourceConfigError(path, ["the file is empty; it needs a 'sources:' list"])
    entries: list[yaml.Node] = []
    if not isinstance(root, yaml.MappingNode):
        check.problem(root, "the file must be a mapping with a 'sources:' list")
    else:
        found = False
        for key_node, value_node in root.value:
            key = check.value(key_node)
            if key != "sources":
                check.problem(key_node, f"unknown top-level key {key!r} (only 'sources')")
            elif not isinstance(value_node, yaml.SequenceNode):
                check.problem(value_node, "'sources' must be a list of entries")
                found = True
            else:
                entries = list(value_node.value)
                found = True
        if not found:
            check.problem(root, "missing the 'sources:' list")
    sources: list[Source] = []
    for index, node in enumerate(entries):
        source = _entry(check, node, index)
        if isinstance(source, _Template):
            sources.extend(source.expand())
        elif source is not None:
            sources.append(source)
    seen: dict[str, int] = {}
    for source in sources:
        if source.name in seen:
            check.problems.append(
                f"line {source.line}: name {source.name!r} is already used "
                f"by the source at line {seen[source.name]}"
            )
        else:
            seen[source.name] = source.line
    if check.problems:
        raise SourceConfigError(path, check.problems)
    return sources


def load_sources(path: Path | str) -> list[Source]:
    """Load and validate a sources file."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SourceConfigError(str(file), ["the file does not exist"]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceConfigError(str(file), [f"cannot be read: {exc}"]) from exc
    return parse_sources(text, str(file))


def select_sources(
    sources: list[Source], names: list[str] | None, path: str = "<sources>"
) -> list[Source]:
    """The sources to crawl: the named ones (enabled or not), else every enabled one.

    An unknown name raises SourceConfigError that lists the known names.
    """
    if not names:
        return [s for s in sources if s.enabled]
    by_name = {s.name: s for s in sources}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        known = (
            ", ".join(sorted(by_name))
            if len(by_name) <= 30
            else (", ".join(sorted(by_name)[:30]) + f", … ({len(by_name)} in all)")
        )
        raise SourceConfigError(
            path, [f"unknown source {n!r}; known sources: {known}" for n in unknown]
        )
    return [by_name[n] for n in names]
