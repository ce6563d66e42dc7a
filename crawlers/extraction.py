"""Article extraction: a fetched page in, an ``Extracted`` article or a ``Rejected`` page out.

A pure function usable without Scrapy. Title, author and dates come from JSON-LD, OpenGraph and
meta tags first, then from the page (the h1, the date line under it); the body comes from
trafilatura run over a copy of the page with the furniture removed (navigation, share and print
buttons, "Önceki/Sonraki" links, language switchers, comment forms, related-news boxes), and the
h1 and date line that trafilatura tends to repeat are dropped from it. Per-source CSS selectors
override any of title, date and body.

A page that is not an article is a ``Rejected`` with a reason — never ``None`` without one:
``not-html`` (a PDF, an image, unparseable bytes), ``empty`` (no text), ``error-page`` (a "page not
found" served with status 200), ``listing`` (a page of links to articles), ``too-short``, ``teaser`` (a summary of fewer than
80 words whose "Devamı için tıklayın" link leads to the full text elsewhere).
"""

from __future__ import annotations

import copy
import html as html_entities
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from kupur.core.models import ISTANBUL
from kupur.core.turkish import fold
from kupur.crawlers.dates import find_dates, parse_date
from kupur.crawlers.encoding import decode_html

__all__ = ["MIN_WORDS", "TEASER_WORDS", "Extracted", "RejectReason", "Rejected", "extract_article"]

#: Fewer words than this in the body and a page is not an article.
MIN_WORDS = 25

#: A teaser shorter than this that links to "the rest" elsewhere is not the article.
TEASER_WORDS = 80

RejectReason = Literal["not-html", "empty", "error-page", "listing", "too-short", "teaser"]


@dataclass(frozen=True)
class Extracted:
    """What an article page yields. ``canonical_url`` is the page's own claim (rel=canonical or
    og:url), absolute, or None; the crawler decides whether to believe it."""

    title: str
    text: str
    published_at: datetime | None
    updated_at: datetime | None
    author: str | None
    canonical_url: str | None
    encoding: str


@dataclass(frozen=True)
class Rejected:
    """A page that is not stored as an article, and why."""

    reason: RejectReason
    detail: str


# -- furniture --------------------------------------------------------------------------------

_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "nav", "footer", "aside", "form", "button",
    "select", "input", "textarea", "svg", "figcaption", "template", "dialog",
)  # fmt: skip
#: Any dash/underscore-separated part of a class or id that marks a block as not the article.
_FURNITURE_PARTS = frozenset(
    {
        "ilgili", "benzer", "paylas", "paylasim", "share", "sharing", "social", "sosyal",
        "yorum", "yorumlar", "comment", "comments", "reklam", "advert", "advertisement", "ads",
        "banner", "cerez", "cookie", "kirinti", "breadcrumb", "breadcrumbs", "etiket",
        "etiketler", "tags", "sidebar", "widget", "pagination", "sayfalama", "onceki", "sonraki",
        "prev", "previous", "next", "print", "yazdir", "lang", "language", "dil", "diller",
        "newsletter", "bulten", "popup", "modal", "okunanlar", "populer", "popular", "related",
        "dakika", "ticker", "manset", "slider", "menu", "navbar", "navigation", "caption",
        "galeri", "gallery", "video", "yazar", "author", "byline", "muhabir", "meta", "tarih",
        "date", "kaynak", "footer", "header", "feeds",
    }
)  # fmt: skip
#: Whole class/id tokens that mark furniture but are too short to match as parts.
_FURNITURE_TOKENS = frozenset(
    {"yan", "alt", "ust", "nav", "top", "bottom", "sag", "right", "sagkolon", "sag-kolon"}
)
#: Furniture words long enough to be found inside a part ("jp-relatedposts", "sharedaddy",
#: "haberIciIlgili"): CMS themes glue them to other words.
_FURNITURE_INFIXES = (
    "related", "sharing", "sharedaddy", "comment", "ilgili", "benzer", "reklam", "paylas",
    "breadcrumb", "advert", "sidebar", "begen",
)  # fmt: skip
_PART_SPLIT = re.compile(r"[-_\s]+")
#: Class tokens that state a modifier, not what the block is ("no-share", "has-sidebar").
_STATE_TOKEN = re.compile(r"^(no|has|with|without|is)[-_]", re.IGNORECASE)

_BOILERPLATE_LINE = re.compile(
    r"^(önceki|sonraki|ileri|geri)( (haber|sayfa|duyuru|içerik))?\b|^(paylaş|yazdır|tweetle?|"
    r"facebook|whatsapp|linkedin|e-?posta ile gönder|yorum yap|yorumlar|ilgili haber|"
    r"bunlar da ilginizi|etiketler\s*:|tüm haberler|haberlere dön|geri dön|ana sayfa|"
    r"tr\s*\|\s*en|english$|türkçe$|kaydol\s*:)|^[\W_]*reklam[\W_]*$|^(fotoğraf|foto|görsel)\s*:",
    re.IGNORECASE,
)
#: A byline line: "Haber: Ayşe Kaya / SAMSUN", "Muhabir: Ali Er", "Haber - Foto: Can Ak (İHA)".
_BYLINE = re.compile(
    r"^(?:haber|muhabir|haber\s*ve\s*foto(?:ğraf)?|haber\s*[-–/]\s*foto(?:ğraf)?|editör|"
    r"hazırlayan|röportaj|söyleşi|yazan)\s*:\s*(?P<name>[^\W\d_][\w.'’ -]{2,60}?)\s*(?:[/–-]\s*[\w ]+|\([\w ]+\))?$",
    re.IGNORECASE,
)
#: A block that states a copyright is the site's footer, whatever its tag.
_COPYRIGHT = re.compile(r"©|\bcopyright\b|hakları saklıdır|hakkı saklıdır", re.IGNORECASE)
#: A publication day in the URL path: /2025/11/04/slug (WordPress permalinks, many portals).
_URL_DAY = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/")
#: Class/id words that name a headline ("haberBaslik", "entry-title", "lblBaslik").
_HEADLINE_CLASS = re.compile(r"baslik|title|headline", re.IGNORECASE)
_ERROR_TITLE = re.compile(
    r"\b(404|500|403)\b|bulunamad|sayfa mevcut değil|hata oluştu|erişim engellendi|"
    r"not found|server error|forbidden",
    re.IGNORECASE,
)
_PUBLICATION_LABEL = re.compile(r"yay[iı][nm]\w*(\s+tarihi)?\s*:?\s*$")
_DATE_LINE_WORDS = re.compile(
    r"^(yay[ıi]n\w*|yay[ıi]m\w*|g[üu]ncelle\w*|son|tarih\w*|ekleme|eklenme|olu[şs]turulma|"
    r"saat|\d{1,2}|pazartesi|sal[ıi]|[çc]ar[şs]amba|per[şs]embe|cuma|cumartesi|pazar|haber|merkezi)$",
    re.IGNORECASE,
)


def _class_parts(element: etree._Element) -> tuple[set[str], set[str]]:
    raw = f"{element.get('class', '')} {element.get('id', '')}".strip()
    if not raw:
        return set(), set()
    tokens = {fold(t) for t in raw.split() if not _STATE_TOKEN.match(t)}
    parts = {fold(p) for t in tokens for p in _PART_SPLIT.split(t) if p}
    return tokens, parts


def _is_furniture(element: etree._Element) -> bool:
    tokens, parts = _class_parts(element)
    return bool(
        parts & _FURNITURE_PARTS
        or tokens & _FURNITURE_TOKENS
        or any(infix in part for part in parts for infix in _FURNITURE_INFIXES)
        or _is_labelled_box(element)
    )


#: The label a box of links to other articles starts with, whatever its class.
_BOX_LABEL = re.compile(
    r"^(ilgili|benzer|diger|son|gundemdeki|en cok okunan|cok okunan)\s+(haber|icerik|duyuru)\w*$"
    r"|^(haber|duyuru)\s+arsivi$|^bunlar da ilginizi cekebilir\w*$|^cok okunanlar$"
)


def _is_labelled_box(element: etree._Element) -> bool:
    """A block that opens with a label such as "İlgili Haber", "Haber Arşivi" or "Diğer
    Haberler" and holds no running text: a box of links, inline in the text or in a side column,
    on sites whose class names say nothing ("inline-news", "kutu")."""
    if element.tag not in ("div", "section", "span", "ul", "table", "td", "aside"):
        return False
    first = next(
        (
            " ".join(chunk.split())
            for node in element.iter()
            if isinstance(node.tag, str)
            for chunk in (node.text,)
            if chunk and chunk.strip()
        ),
        "",
    )
    return bool(_BOX_LABEL.match(fold(first).strip(" :»›-"))) and _prose(element) < 200


def _is_site_header(element: etree._Element) -> bool:
    """A <header> (or a block classed "header") of the site, not the article's own header: one
    inside an <article> or <main>, or classed as an entry/post header, holds the headline."""
    if element.tag != "header" and "header" not in _class_parts(element)[1]:
        return False
    if any(a.tag in ("article", "main") for a in element.iterancestors()):
        return False
    parts = _class_parts(element)[1]
    return not parts & {"entry", "post", "article", "single", "haber", "icerik", "content"}


def _prose(element: etree._Element) -> int:
    """Characters of running text under ``element``: text chunks of eight words or more, so
    menus, link lists and captions count for little and paragraphs (or <br>-split text) for all."""
    total = 0
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript"):
            continue
        for chunk in (node.text, node.tail if node is not element else None):
            if chunk and len(chunk.split()) >= 8:
                total += len(chunk.strip())
    return total


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


# -- metadata ---------------------------------------------------------------------------------


@dataclass
class _Metadata:
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    author: str | None = None
    canonical: str | None = None
    types: tuple[str, ...] = ()


_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "report"}
_LISTING_TYPES = {"itemlist", "collectionpage", "searchresultspage"}


def _jsonld_objects(tree: etree._Element) -> Iterable[Mapping[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _author_name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _author_name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_author_name(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _metadata(tree: etree._Element, url: str) -> _Metadata:
    meta = _Metadata()
    types: list[str] = []
    for obj in _jsonld_objects(tree):
        kinds = obj.get("@type")
        kind_list = [kinds] if isinstance(kinds, str) else list(kinds or [])
        folded = {str(k).lower() for k in kind_list}
        types.extend(folded)
        if folded & _ARTICLE_TYPES:
            meta.title = meta.title or _clean(obj.get("headline") or obj.get("name"))
            meta.published = meta.published or _clean(obj.get("datePublished"))
            meta.updated = meta.updated or _clean(obj.get("dateModified"))
            meta.author = meta.author or _author_name(obj.get("author"))
    meta.types = tuple(types)
    named: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if key and key.lower() not in named:
            named[key.lower()] = element.get("content", "").strip()
    meta.title = meta.title or _clean(named.get("og:title") or named.get("twitter:title"))
    for key in (
        "article:published_time", "datepublished", "og:published_time", "pubdate",
        "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "dc.date",
        "sailthru.date", "parsely-pub-date", "date",
    ):  # fmt: skip
        if meta.published:
            break
        meta.published = named.get(key) or None
    for key in ("article:modified_time", "datemodified", "og:updated_time", "dcterms.modified"):
        if meta.updated:
            break
        meta.updated = named.get(key) or None
    meta.published = meta.published or _microdata(tree, "datePublished")
    meta.updated = meta.updated or _microdata(tree, "dateModified")
    author = named.get("author") or named.get("article:author")
    if not meta.author and author and not author.startswith("http"):
        meta.author = author
    meta.author = meta.author or _microdata(tree, "author")
    links = tree.xpath('//link[@rel="canonical"]/@href')
    canonical = (links[0] if links else None) or named.get("og:url")
    meta.canonical = urljoin(url, canonical.strip()) if canonical else None
    return meta


def _microdata(tree: etree._Element, prop: str) -> str | None:
    """A schema.org microdata value (Blogger and many themes mark the post up this way): the
    first element with ``itemprop=prop``, read from its content, datetime or title attribute
    (``<abbr itemprop="datePublished" title="2025-11-04T09:15:00+03:00">09:15</abbr>``), or for
    a person from its nested ``itemprop="name"``, else its text."""
    for element in tree.xpath(f'//*[@itemprop="{prop}"]'):
        names = element.xpath('.//*[@itemprop="name"]')
        source = names[0] if names else element
        value = _clean(
            source.get("content")
            or source.get("datetime")
            or (source.get("title") if not names else None)
            or _text(source)
        )
        if value:
            return value
    return None


def _clean(value: Any) -> str | None:
    """A metadata string, whitespace-normalised and with HTML entities resolved (CMS plugins
    write "Kalesi&#x27;nde" into JSON-LD)."""
    if isinstance(value, str):
        return " ".join(html_entities.unescape(value).split()) or None
    return None


# -- title and dates --------------------------------------------------------------------------


def _select(tree: etree._Element, css: str) -> list[etree._Element]:
    try:
        return list(tree.cssselect(css))
    except Exception:
        return []


def _main_heading(tree: etree._Element, page_prose: int) -> etree._Element | None:
    for element in tree.xpath("//h1"):
        in_furniture = any(
            _is_site_header(a)
            or a.tag == "nav"
            or (
                _is_furniture(a)
                and "header" not in _class_parts(a)[1]
                and not _holds_the_text(a, page_prose)
            )
            for a in element.iterancestors()
        )
        if not in_furniture and _text(element):
            return element
    return None


def _headline(tree: etree._Element) -> etree._Element | None:
    """Where a page has no usable h1 (municipality and institution sites put the headline in an
    h2 or a classed <span>): the first h2/h3 or headline-classed element of 3 to 30 words that
    is not a link, not in the site's furniture and comes before the first paragraph of text."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "title"):
            continue
        if element.tag not in ("h2", "h3") and not _HEADLINE_CLASS.search(
            f"{element.get('class', '')} {element.get('id', '')}"
        ):
            own = element.text or ""
            if len(own.split()) >= 20:
                return None  # the body has started
            continue
        text = _text(element)
        if not 3 <= len(text.split()) <= 30:
            continue
        linked = sum(len(_text(a)) for a in element.xpath(".//a"))
        if linked * 2 > len(text) or any(
            a.tag in ("a", "nav", "aside", "footer") or _is_site_header(a) or _is_furniture(a)
            for a in element.iterancestors()
        ):
            continue
        return element
    return None


def _title(tree: etree._Element, meta: _Metadata, heading: etree._Element | None) -> str:
    """The visible headline (``heading``: the h1, else a headline block) unless it is a short label that the
    metadata title does not contain ("Haberler"); then the metadata title; then <title>."""
    h1 = _text(heading) if heading is not None else ""
    candidate = meta.title or ""
    if h1 and (not candidate or fold(h1) in fold(candidate) or len(h1.split()) >= 3):
        return h1
    if candidate:
        return candidate
    if h1:
        return h1
    titles = tree.xpath("//title")
    text = _text(titles[0]) if titles else ""
    return re.split(r"\s+[|–—-]\s+(?=[^|–—-]+$)", text)[0] if text else ""


def _date_elements(tree: etree._Element, heading: etree._Element | None) -> list[str]:
    """Short texts that may be the article's date line, nearest the heading first (a line under
    the heading before one the same distance above it: "today's date" widgets and breadcrumbs
    sit above). The site header, navigation, related-news boxes and links to other pages are
    skipped; a link whose whole text is a date (WordPress links the date to the post) is not."""
    ordered = list(tree.iter())
    start = ordered.index(heading) if heading is not None and heading in ordered else 0
    after = ordered[start:]
    before = ordered[:start][::-1]
    #: The heading's own containers are the article, whatever their class says.
    article = set(heading.iterancestors()) if heading is not None else set()
    interleaved: list[etree._Element] = []
    for index in range(max(len(after), len(before) // 2 + 1)):
        interleaved.extend(after[index : index + 1])
        interleaved.extend(before[2 * index : 2 * index + 2])
    texts: list[str] = []
    for element in interleaved:
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "option"):
            continue
        if element.tag == "a" and not _is_date_line(_text(element)):
            continue
        if any(
            a.tag in ("nav", "footer", "aside")
            or (a.tag == "a" and not _is_date_line(_text(a)))
            or (a not in article and (_is_related(a) or _is_site_header(a)))
            for a in element.iterancestors()
        ):
            continue
        if element.tag == "time" and element.get("datetime"):
            texts.append(element.get("datetime", ""))
            continue
        titled = element.get("title")
        if titled and _is_date_line(titled):
            texts.append(titled)  # "3 gün önce" shown, the moment in the tooltip
            continue
        own = " ".join("".join([element.text or ""] + [c.tail or "" for c in element]).split())
        if own and len(own) <= 120 and any(ch.isdigit() for ch in own):
            texts.append(own)
        if len(texts) >= 12:
            break
    return texts


def _is_related(element: etree._Element) -> bool:
    tokens, parts = _class_parts(element)
    return bool(
        parts & {"ilgili", "benzer", "related", "okunanlar", "populer", "popular", "sidebar",
                 "dakika", "ticker", "liste", "list", "yorum", "comment", "manset", "slider"}
        or tokens & {"yan"}
        or any(infix in part for part in parts for infix in _RELATED_INFIXES)
    )  # fmt: skip


_RELATED_INFIXES = ("related", "ilgili", "benzer", "sidebar", "comment", "begen", "okunan")


def _dates(
    tree: etree._Element,
    meta: _Metadata,
    heading: etree._Element | None,
    selectors: Mapping[str, str],
    now: datetime | None,
    url: str,
) -> tuple[datetime | None, datetime | None]:
    published: datetime | None = None
    updated: datetime | None = None
    if selectors.get("date"):
        for element in _select(tree, selectors["date"]):
            for found in find_dates(element.get("datetime") or _text(element), now=now):
                if found.kind == "updated":
                    updated = updated or found.moment
                else:
                    published = published or found.moment
    from_selector = published is not None
    published = published or parse_date(meta.published, now=now)
    updated = updated or parse_date(meta.updated, now=now)
    from_metadata = published is not None
    texts = _date_elements(tree, heading)
    if from_metadata and not from_selector:
        visible = _labelled_publication(texts, now)
        if visible is not None and published is not None and _disagree(visible, published):
            published = visible
    if published is None or updated is None:
        for text in texts:
            for found in find_dates(text, now=now):
                if found.kind == "updated":
                    updated = updated or found.moment
                elif published is None:
                    published = found.moment
                elif _same_day(found.moment, published) and _is_midnight(published):
                    published = found.moment  # the <time> gives the hour the line leaves out
            if published is not None and updated is not None:
                break
    url_day = _url_day(url, now)
    if (
        url_day is not None
        and not from_metadata
        and (published is None or published.astimezone(ISTANBUL).date() != url_day.date())
    ):
        published = url_day  # a date line found on the page is weaker evidence than the permalink
    if updated is not None and published is not None and updated <= published:
        updated = None
    return published, updated


def _labelled_publication(texts: Iterable[str], now: datetime | None) -> datetime | None:
    """The first date on the page labelled as the publication ("Yayınlanma:", "Yayın Tarihi:",
    "Yayımlanma"): what the readers were shown, and it wins over JSON-LD or meta tags that
    disagree with it (a CMS migration date, a UTC clock labelled +03:00)."""
    for text in texts:
        folded = fold(text)
        for found in find_dates(text, now=now):
            if found.kind == "published" and _PUBLICATION_LABEL.search(folded[: found.start]):
                return found.moment
    return None


def _disagree(visible: datetime, published: datetime) -> bool:
    """Whether a visible date contradicts the metadata's: another day, or for a visible date
    with a time, another minute (a visible line rarely shows the seconds)."""
    if _is_midnight(visible):
        return visible.astimezone(ISTANBUL).date() != published.astimezone(ISTANBUL).date()
    return abs((visible - published).total_seconds()) >= 60


def _url_day(url: str, now: datetime | None) -> datetime | None:
    """The publication day a permalink carries (/2025/11/04/slug), at midnight in Istanbul."""
    match = _URL_DAY.search(urlsplit(url).path)
    if match is None:
        return None
    try:
        day = datetime(int(match["y"]), int(match["m"]), int(match["d"]), tzinfo=ISTANBUL)
    except ValueError:
        return None
    return day if day <= (now or datetime.now(ISTANBUL)) else None


def _same_day(first: datetime, second: datetime) -> bool:
    return first.date() == second.date()


def _is_midnight(moment: datetime) -> bool:
    return (moment.hour, moment.minute, moment.second) == (0, 0, 0)


# -- body -------------------------------------------------------------------------------------


def _prune(tree: etree._Element, heading: etree._Element | None) -> etree._Element:
    """A copy of the page without furniture; never removes the block holding the heading."""
    pruned = copy.deepcopy(tree)
    keep: etree._Element | None = None
    if heading is not None:
        path = tree.getroottree().getpath(heading)
        found = pruned.getroottree().xpath(path)
        keep = found[0] if found else None
    protected = set(keep.iterancestors()) if keep is not None else set()
    _layout_tables_to_blocks(pruned, protected)
    page_prose = _prose(pruned)
    doomed: list[etree._Element] = []
    for element in pruned.iter():
        if not isinstance(element.tag, str) or element in protected:
            continue
        if element.tag in ("script", "style", "noscript", "template", "svg") or (
            (
                element.tag in _DROP_TAGS
                or (element.tag == "header" and keep not in element.iter())
                or (element.tag not in ("body", "html") and _is_furniture(element))
                or _is_copyright_block(element)
            )
            and not _holds_the_text(element, page_prose)
        ):
            doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            _drop_keep_tail(element, parent)
    return pruned


def _holds_the_text(element: etree._Element, page_prose: int) -> bool:
    """Whether ``element`` holds most of the page's running text: then it is the content, whatever
    its tag or class says (ASP.NET wraps the whole page in one <form>; themes put layout words
    such as "sidebar-right" on the main column)."""
    return page_prose > 0 and _prose(element) * 2 > page_prose


def _is_copyright_block(element: etree._Element) -> bool:
    if element.tag in ("body", "html"):
        return False
    text = _text(element)
    return len(text) <= 400 and bool(_COPYRIGHT.search(text))


def _layout_tables_to_blocks(tree: etree._Element, protected: set[etree._Element]) -> None:
    """Tables used for page layout (old municipality and institution sites) become plain blocks,
    so the body is not read as a data table with the menus in its cells. A table is for layout
    when it holds the headline (``protected``: the headline's containers), another table or a
    run of text of 15 words or more; every table inside a layout table is layout too."""
    for table in tree.iter("table"):
        if table.tag != "table":
            continue  # already turned into a block as part of an outer layout table
        nested = table.xpath(".//table")
        runs = (
            run
            for node in table.iter()
            if isinstance(node.tag, str)
            for run in (node.text or "", node.tail or "")
        )
        if table in protected or nested or any(len(run.split()) >= 15 for run in runs):
            for element in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
                element.tag = "div"
            for inner in nested:
                for element in [inner, *inner.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
                    element.tag = "div"


def _drop_keep_tail(element: etree._Element, parent: etree._Element) -> None:
    tail = element.tail
    previous = element.getprevious()
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _block_paragraphs(elements: list[etree._Element]) -> list[str]:
    lines: list[str] = []
    for root in elements:
        blocks = root.xpath(".//p|.//h2|.//h3|.//h4|.//li|.//blockquote")
        if not blocks:
            text = _text(root)
            if text:
                lines.append(text)
            continue
        for block in blocks:
            if any(b in blocks for b in block.iterancestors()):
                continue
            text = _text(block)
            if text:
                lines.append(text)
    return lines


def _is_date_line(line: str) -> bool:
    found = find_dates(line)
    if not found or len(line) > 140:
        return False
    rest = line
    for item in reversed(found):
        rest = rest[: item.start] + " " + rest[item.end :]
    words = [w for w in re.split(r"[\s,:|/–—·•-]+", rest) if w]
    return all(_DATE_LINE_WORDS.match(w) for w in words) or len(words) <= 1


def _clean_lines(
    lines: Iterable[str], title: str, author: str | None
) -> tuple[list[str], str | None]:
    """The body lines without the repeated title, author, date line and furniture lines; and the
    author named by a byline ("Haber: Ayşe Kaya / SAMSUN") at the top or bottom of the body."""
    title_key = fold(title)
    author_key = fold(author) if author else None
    kept: list[str] = []
    byline: str | None = None
    all_lines = [" ".join(raw.split()) for raw in lines]
    all_lines = [line for line in all_lines if line]
    title_at = next((i for i, line in enumerate(all_lines[:4]) if fold(line) == title_key), 0)
    #: Above the repeated headline, a line of one to three words is a kicker or a badge
    #: ("CANLI", "GÜNDEM"), never the text.
    all_lines = [line for i, line in enumerate(all_lines) if i >= title_at or len(line.split()) > 3]
    title_words = len(title.split())
    for index, line in enumerate(all_lines):
        words = line.split()
        if (
            index < 3
            and len(words) > title_words
            and fold(" ".join(words[:title_words])) == title_key
        ):
            line = " ".join(words[title_words:])  # the headline glued to the first paragraph
        key = fold(line)
        if (index < 3 or index >= len(all_lines) - 2) and (found := _BYLINE.match(line)):
            byline = byline or found["name"].strip()
            continue
        if key == title_key or (author_key and key == author_key):
            continue
        if len(line) < 80 and _BOILERPLATE_LINE.search(line):
            continue
        if _is_date_line(line):
            continue
        if kept and key == fold(kept[-1]):
            continue
        kept.append(line)
    return kept, byline


_AUTHOR_PARTS = frozenset({"author", "yazar", "muhabir", "byline"})
_AUTHOR_PREFIX = re.compile(
    r"^(?:yazar|muhabir|gönderen|haber|editör|röportaj|söyleşi|hazırlayan|yazan|by)\b\s*:?\s*",
    re.IGNORECASE,
)
#: A person's name: two to four capitalised words.
_PERSON = re.compile(r"^[A-ZÇĞİÖŞÜ][\w'’.]+(?: [A-ZÇĞİÖŞÜ][\w'’.]+){1,3}$")


def _class_author(tree: etree._Element) -> str | None:
    """The name in the first author/reporter-classed block ("muhabir", "post-author",
    "byline") outside navigation and related-news boxes, its "Yazar"/"Gönderen" label dropped."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or not _class_parts(element)[1] & _AUTHOR_PARTS:
            continue
        if any(
            a.tag in ("nav", "aside", "footer") or _is_related(a) for a in element.iterancestors()
        ):
            continue
        name = _AUTHOR_PREFIX.sub("", _text(element)).strip(" -–|·,")
        if _PERSON.match(name):
            return name
    return None


#: The link a teaser ends with: "Devamı için tıklayın", "Haberin devamı »", "Devamını oku".
_MORE_LINK = re.compile(
    r"^((haberin\s+)?(devam|tamam)[ıi]\w*(\s+(okumak\s+)?i[çc]in)?(\s+(tıkla|oku)\w*)?"
    r"|(haberin\s+)?kayna[ğg][ıi]na\s+git\w*|kayna[ğg][ıi]nda\s+(oku|devam)\w*)\W*$",
    re.IGNORECASE,
)


def _links_to_the_rest(tree: etree._Element, url: str) -> bool:
    """Whether the page sends its reader to another page for "the rest" of the text."""
    here = urlsplit(url)._replace(fragment="").geturl()
    for link in tree.xpath("//a[@href]"):
        if _MORE_LINK.match(_text(link)):
            target = urlsplit(urljoin(url, link.get("href", "")))._replace(fragment="").geturl()
            if target != here:
                return True
    return False


#: Class words of the summary ("spot") a Turkish news page prints between headline and text.
_SPOT_PARTS = frozenset({"spot", "ozet", "lead", "excerpt", "standfirst", "summary", "description"})


def _spot(tree: etree._Element, heading: etree._Element | None) -> str | None:
    """The summary under the headline (``itemprop="description"``, or a spot/özet/lead-classed
    block) when it comes before the text: news scripts print it as an h2 outside the body block,
    and it is the article's first paragraph. Under eight words it is a subtitle, not a spot."""
    if heading is None:
        return None
    seen_heading = False
    for element in tree.iter():
        if element is heading:
            seen_heading = True
            continue
        if not seen_heading or not isinstance(element.tag, str):
            continue
        if element.tag == "p" and len(_text(element).split()) >= 20:
            return None  # the text has started
        if element.tag not in ("h2", "h3", "p", "div", "span", "strong"):
            continue
        parts = _class_parts(element)[1]
        if element.get("itemprop") != "description" and not parts & _SPOT_PARTS:
            continue
        text = _text(element)
        if 8 <= len(text.split()) <= 80 and not element.xpath(".//p[2]"):
            return text
    return None


def _listing_score(tree: etree._Element, lines: list[str]) -> float:
    """Share of body lines that are the text of a link: high on a page of headlines."""
    if not lines:
        return 0.0
    anchors = {fold(_text(a)) for a in tree.xpath("//a") if len(_text(a).split()) >= 3}
    linked = sum(1 for line in lines if fold(line) in anchors)
    return linked / len(lines)


# -- entry point ------------------------------------------------------------------------------

_HTML_TYPES = ("text/html", "application/xhtml", "text/plain")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def extract_article(
    html: str | bytes,
    url: str,
    *,
    encoding_hint: str | None = None,
    selectors: Mapping[str, str] | None = None,
    content_type: str | None = None,
    listed_date: datetime | None = None,
    now: datetime | None = None,
) -> Extracted | Rejected:
    """Extract the article on one page.

    ``encoding_hint`` is the charset the server declared (or a whole Content-Type value);
    ``content_type`` the response's media type; ``listed_date`` the date a feed or sitemap gave
    for this URL, used when the page gives none or gives the day without the hour.
    """
    selectors = selectors or {}
    media = (content_type or "").split(";")[0].strip().lower()
    if media and not media.startswith(_HTML_TYPES):
        return Rejected("not-html", f"content type {media}")
    if isinstance(html, bytes):
        if html.lstrip()[:5] == b"%PDF-":
            return Rejected("not-html", "a PDF document")
        hint = (
            encoding_hint
            if not encoding_hint or "=" in encoding_hint
            else f"charset={encoding_hint}"
        )
        text, encoding = decode_html(html, hint)
    else:
        text, encoding = html, "utf-8"
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return Rejected("empty", "the page has no content")
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        return Rejected("not-html", f"unparseable HTML: {exc}")
    meta = _metadata(tree, url)
    page_prose = _prose(tree)
    heading = _main_heading(tree, page_prose)
    if heading is None:
        heading = _headline(tree)
    title = ""
    if selectors.get("title"):
        chosen = _select(tree, selectors["title"])
        title = _text(chosen[0]) if chosen else ""
    title = title or _title(tree, meta, heading)
    if _ERROR_TITLE.search(title) or (heading is not None and _ERROR_TITLE.search(_text(heading))):
        return Rejected("error-page", f"the page says {title!r}")
    if not title:
        return Rejected("empty", "the page has no title")
    if any(t in _LISTING_TYPES for t in meta.types) and not any(
        t in _ARTICLE_TYPES for t in meta.types
    ):
        return Rejected("listing", "its structured data describes a list of items")
    if selectors.get("body") and (chosen := _select(tree, selectors["body"])):
        clean = [_prune(element, None) for element in chosen]
        lines = _block_paragraphs(clean)
    else:
        extracted = trafilatura.extract(
            _prune(tree, heading),
            url=url,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            favor_precision=False,
        )
        lines = (extracted or "").splitlines()
        spot = _spot(tree, heading)
        if spot and fold(" ".join(spot.split())) not in fold(" ".join(" ".join(lines).split())):
            lines = [spot, *lines]
    lines, byline = _clean_lines(lines, title, meta.author)
    words = sum(len(line.split()) for line in lines)
    if words == 0:
        return Rejected("empty", "no article text found")
    if words < TEASER_WORDS and _links_to_the_rest(tree, url):
        return Rejected("teaser", f"{words} words and a link to the full text elsewhere")
    if _listing_score(tree, lines) >= 0.5:
        return Rejected("listing", "most of the text is links to other pages")
    if words < MIN_WORDS:
        return Rejected("too-short", f"{words} words of text")
    published, updated = _dates(tree, meta, heading, selectors, now, url)
    if listed_date is not None and (
        published is None or (_is_midnight(published) and _same_day(published, listed_date))
    ):
        published = listed_date
    return Extracted(
        title=title,
        text="\n".join(lines),
        published_at=published,
        updated_at=updated,
        author=meta.author or byline or _class_author(tree),
        canonical_url=meta.canonical,
        encoding=encoding,
    )
