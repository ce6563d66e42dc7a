"""Decoding Turkish pages to text, whatever their headers claim.

Turkish sites still serve windows-1254 and ISO-8859-9, often with no charset in the header, with
only a ``<meta charset>``, or with a wrong one (latin-1 / windows-1252 where the bytes are
Turkish). The order: a BOM; the HTTP header and the ``<meta>`` declaration if the bytes decode
under them; else UTF-8 if the bytes are valid UTF-8; else windows-1254. A single-byte Western
declaration (latin-1, windows-1252, ASCII) is read as windows-1254 when that gives Turkish letters
(ş ğ ı İ Ş Ğ) where the declared one gives Icelandic ones (þ ð ý Ý Þ Ð), which no Turkish page
means.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_html"]

_META_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_RE = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_.:-]+)", re.IGNORECASE)
_WESTERN = {"latin_1", "iso8859-1", "cp1252", "ascii", "iso8859-15"}
_ICELANDIC = set("þðýÝÞÐ")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _normal(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _try(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """The page's text and the name of the encoding it was decoded with."""
    for bom, bom_name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(bom_name, errors="replace"), bom_name
    declared: list[str] = []
    if content_type:
        header = _HEADER_RE.search(content_type)
        if header:
            declared.append(header.group(1))
    meta = _META_RE.search(body[:4096])
    if meta:
        declared.append(meta.group(1).decode("ascii", errors="ignore"))
    for raw in declared:
        name = _normal(raw)
        if name is None:
            continue
        if name in _WESTERN:
            return _western_or_turkish(body, name)
        decoded = _try(body, name)
        if decoded is not None:
            return decoded, name
    utf8 = _try(body, "utf-8")
    if utf8 is not None:
        return utf8, "utf-8"
    return body.decode("cp1254", errors="replace"), "cp1254"


def _western_or_turkish(body: bytes, declared: str) -> tuple[str, str]:
    utf8 = _try(body, "utf-8")  # a lazy Western default over UTF-8 bytes; valid UTF-8 multi-byte
    if utf8 is not None and any(ord(ch) > 127 for ch in utf8):  # runs are no accident
        return utf8, "utf-8"
    text = body.decode("cp1252" if declared == "cp1252" else "latin-1", errors="replace")
    if _ICELANDIC.intersection(text):
        return body.decode("cp1254", errors="replace"), "cp1254"
    return text, declared
