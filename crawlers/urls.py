"""Canonical URLs: one article reachable by several URLs gets one key.

``canonicalize`` removes what does not name the page — tracking parameters (``utm_*``, ``fbclid``,
``gclid``…), session ids (``PHPSESSID``, ``;jsessionid=``…) and the fragment — lower-cases the
host, drops a default port and sorts the query. w3lib's ``canonicalize_url`` alone keeps ``utm_*``
(ENGINEERING.md), so tracking parameters are cleaned first.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

__all__ = ["canonicalize", "is_tracking_parameter", "registered_host", "same_site"]

_TRACKING_EXACT = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "spm", "scid",
        "twclid", "ttclid", "li_fat_id", "vero_id", "oly_enc_id", "oly_anon_id", "rb_clickid",
        "s_cid", "wt_mc", "cmpid", "ocid", "ref_src", "ref_url", "amp_js_v", "usqp",
        "phpsessid", "jsessionid", "sid", "sessionid", "session_id", "aspsessionid", "cfid",
        "cftoken",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "aspsessionid", "pk_", "mtm_", "hsa_", "_branch")
_PATH_SESSION_RE = re.compile(r";(?:jsessionid|phpsessid|sid|sessionid)=[^/?#]*", re.IGNORECASE)


def is_tracking_parameter(name: str) -> bool:
    """True for query parameters that track a visit or a session rather than name a page."""
    key = name.lower()
    return key in _TRACKING_EXACT or key.startswith(_TRACKING_PREFIXES)


def canonicalize(url: str, base: str | None = None) -> str:
    """The canonical form of ``url`` (resolved against ``base`` when relative)."""
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    path = _PATH_SESSION_RE.sub("", parts.path)
    netloc = parts.hostname or ""
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        netloc = f"{netloc}:{parts.port}"
    rebuilt = urlunsplit((parts.scheme.lower(), netloc.lower(), path or "/", parts.query, ""))
    if parts.query:
        names = {pair.split("=", 1)[0] for pair in parts.query.split("&") if pair}
        tracking = [name for name in names if is_tracking_parameter(name)]
        if tracking:
            rebuilt = url_query_cleaner(rebuilt, tracking, remove=True, keep_fragments=False)
    return canonicalize_url(rebuilt, keep_fragments=False)


def registered_host(url: str) -> str:
    """The host of ``url`` without a leading ``www.`` (good enough to tell one site from another)."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def same_site(first: str, second: str) -> bool:
    """Whether two URLs belong to the same site (host equal, ignoring ``www.``)."""
    return registered_host(first) == registered_host(second)
