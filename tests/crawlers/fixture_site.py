"""A fourth site style for the crawler tests: a regional news agency served on loopback.

Built in code so the hard cases stay visible next to the tests: a listing of 6 pages, an Atom
feed, a sitemap, robots.txt refusals, a redirect, 404/500/slow pages, tracking-parameter copies of
one URL, a PDF, a "page not found" served with 200, an ISO-8859-9 page with no charset anywhere,
a syndicated copy with a canonical link to another site, and ETag/Last-Modified validation.
Every text here was written for these tests.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from kupur.core.models import ISTANBUL

MONTHS = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)
DAYS = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")
PLACES = [
    ("Samsun", "Atakum"),
    ("Ordu", "Ünye"),
    ("Sinop", "Boyabat"),
    ("Amasya", "Merzifon"),
    ("Tokat", "Erbaa"),
    ("Çorum", "Sungurlu"),
    ("Giresun", "Bulancak"),
    ("Trabzon", "Akçaabat"),
    ("Rize", "Çayeli"),
    ("Artvin", "Hopa"),
    ("Kastamonu", "Tosya"),
    ("Bartın", "Amasra"),
]
TOPICS = [
    (
        "yaşlı bakım merkezinde bahar şenliği düzenlendi",
        "huzurevi sakinleri için müzik dinletisi ve el sanatları sergisi hazırlandı",
        "sakinlerin yakınları da programa katıldı",
    ),
    (
        "koruyucu aile bilgilendirme toplantısı yapıldı",
        "koruyucu aile olmak isteyen vatandaşlara başvuru süreci anlatıldı",
        "toplantıya kırktan fazla aile katıldı",
    ),
    (
        "engelli bireyler için spor şenliği gerçekleştirildi",
        "özel gereksinimli gençler masa tenisi ve boccia karşılaşmalarında yarıştı",
        "dereceye girenlere madalya verildi",
    ),
    (
        "sosyal yardım başvuruları için mobil ekip kuruldu",
        "kırsal mahallelerde yaşayan ihtiyaç sahipleri evlerinde ziyaret edilecek",
        "ekip haftada üç gün köyleri dolaşacak",
    ),
    (
        "kadın kooperatifine makine desteği verildi",
        "üretici kadınların kurduğu kooperatife dikiş ve paketleme makineleri teslim edildi",
        "kooperatif ürünlerini yurt dışına da satıyor",
    ),
]


@dataclass(frozen=True)
class AgencyArticle:
    number: int
    province: str
    district: str
    title: str
    published: dt.datetime
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/bolge/{self.province.lower().replace('ç', 'c').replace('ı', 'i')}/haber-{self.number}"

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def make_articles(count: int = 30) -> list[AgencyArticle]:
    """``count`` agency stories, newest first, one minute... apart by a few hours each."""
    start = dt.datetime(2025, 10, 6, 9, 15, 0, tzinfo=ISTANBUL)
    items = []
    for index in range(count):
        province, district = PLACES[index % len(PLACES)]
        topic, detail, closing = TOPICS[index % len(TOPICS)]
        moment = start + dt.timedelta(hours=7 * index, minutes=13 * index, seconds=index)
        title = f"{province}'un {district} ilçesinde {topic}"
        paragraphs = (
            f"{province} Aile ve Sosyal Hizmetler İl Müdürlüğü ekipleri, {district} ilçesinde "
            f"{detail}. Etkinlik {index + 3} gün süren hazırlıkların ardından yapıldı.",
            f"Programda konuşan il müdürü, {district} ilçesindeki çalışmaların yıl boyunca "
            f"süreceğini belirterek gönüllülere ve belediye ekiplerine teşekkür etti.",
            f"Yetkililer, {closing} ve benzer etkinliklerin diğer ilçelerde de yapılacağını "
            f"açıkladı. Başvurular il müdürlüğünün hizmet binasında kabul ediliyor.",
        )
        items.append(AgencyArticle(1000 + index, province, district, title, moment, paragraphs))
    items.sort(key=lambda a: a.published, reverse=True)
    return items


def turkish_moment(moment: dt.datetime) -> str:
    return (
        f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} {DAYS[moment.weekday()]} - "
        f"{moment:%H:%M:%S}"
    )


def article_html(article: AgencyArticle, *, canonical: str | None = None) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in article.paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html><html lang="tr"><head><meta charset="utf-8">
<title>{article.title} | Bölge Haber Ajansı</title>{link}</head><body>
<div class="dil-secimi"><a href="?lang=tr">TR</a> | <a href="?lang=en">EN</a></div>
<header><div class="tarih-bugun">{turkish_moment(dt.datetime(2026, 1, 2, 8, 0, tzinfo=ISTANBUL))}</div>
<nav><a href="/">Ana Sayfa</a> <a href="/bolge/samsun/">Samsun</a></nav></header>
<div class="icerik-alani"><div class="ajans-haber">
<h1>{article.title}</h1>
<div class="haber-bilgi">{turkish_moment(article.published)}</div>
<div class="araclar"><a href="javascript:print()">Yazdır</a> <a href="#">Paylaş</a></div>
<div class="metin">{paragraphs}</div>
<div class="onceki-sonraki"><a href="/bolge/samsun/haber-1">Önceki Haber</a> <a href="/">Sonraki Haber</a></div>
</div>
<div class="benzer-haberler"><h3>Benzer Haberler</h3><ul><li><a href="/x">Bafra'da yaşlılar için
sağlık taraması 3 Ekim 2025</a></li></ul></div></div>
<footer>Bölge Haber Ajansı © 2026 · 1 Ocak 2026</footer></body></html>"""


def listing_html(
    items: list[AgencyArticle], page: int, pages: int, extra: tuple[str, ...] = ()
) -> str:
    links = [f'<li><a href="{href}">Bölgeden kısa haber başlığı burada</a></li>' for href in extra]
    for a in items:
        href = a.path
        if a.number % 4 == 0:  # the same article reached with tracking parameters
            href += "?utm_source=anasayfa&utm_medium=liste#yorumlar"
        links.append(
            f'<li><a href="{href}">{a.title}</a> <span>{turkish_moment(a.published)}</span></li>'
        )
    nxt = (
        f'<a class="sonraki" href="/bolge/liste/sayfa-{page + 1}">Sonraki »</a>'
        if page < pages
        else ""
    )
    return f"""<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Bölge Haberleri</title>
</head><body><h1>Bölge Haberleri</h1><ul class="liste">{"".join(links)}</ul>{nxt}</body></html>"""


#: Links on the first listing page to the hard cases (redirect, 500, slow, robots-forbidden, PDF,
#: a "not found" page served with 200, an unlabelled ISO-8859-9 page, a syndicated copy), and a
#: link that answers 404.
HARD_CASES = (
    "/bolge/samsun/haber-5000", "/bolge/samsun/haber-5001", "/bolge/samsun/haber-5002",
    "/bolge/gizli/haber-5003", "/bolge/samsun/haber-5004", "/bolge/samsun/haber-5005",
    "/bolge/sinop/haber-5006", "/bolge/ordu/haber-5007", "/bolge/samsun/haber-5008",
)  # fmt: skip

NOT_FOUND_PAGE = """<!doctype html><html lang="tr"><head><meta charset="utf-8">
<title>Sayfa Bulunamadı | Bölge Haber Ajansı</title></head><body><h1>Sayfa bulunamadı</h1>
<p>Aradığınız haber yayından kaldırılmış ya da adresi değişmiş olabilir. Ana sayfaya dönerek
güncel haberlere ulaşabilirsiniz. Bağlantıyı size ileten kişiye de haber vermeyi unutmayın.</p>
</body></html>"""


@dataclass
class Resource:
    status: int
    body: bytes
    content_type: str
    headers: dict[str, str]
    delay: float = 0.0


class AgencySite:
    """The site's resources; tests may change them between crawls (``self.resources``)."""

    def __init__(self, per_page: int = 5, pages: int = 6) -> None:
        self.articles = make_articles(per_page * pages)
        self.per_page = per_page
        self.pages = pages
        self.hits: dict[str, int] = {}
        self.conditional_hits: dict[str, int] = {}
        self.resources: dict[str, Resource] = {}
        self.build()

    def add(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.resources[path] = Resource(status, data, content_type, headers or {}, delay)

    def build(self) -> None:
        for a in self.articles:
            self.add(a.path, article_html(a))
        for page in range(1, self.pages + 1):
            chunk = self.articles[(page - 1) * self.per_page : page * self.per_page]
            path = "/bolge/liste/" if page == 1 else f"/bolge/liste/sayfa-{page}"
            last = format_datetime(chunk[0].published.astimezone(dt.UTC), usegmt=True)
            self.add(
                path,
                listing_html(chunk, page, self.pages, HARD_CASES if page == 1 else ()),
                headers={"ETag": f'"liste-{page}-v1"', "Last-Modified": last},
            )
        self.add("/robots.txt", "User-agent: *\nDisallow: /bolge/gizli/\n", "text/plain")
        redirected = self.articles[-1]
        self.add("/bolge/samsun/haber-5000", "", status=301, headers={"Location": redirected.path})
        self.add("/bolge/samsun/haber-5001", "<h1>Hata</h1>", status=500)
        self.add("/bolge/samsun/haber-5002", article_html(self.articles[-2]), delay=3.0)
        self.add("/bolge/gizli/haber-5003", article_html(self.articles[-3]))
        self.add("/bolge/samsun/haber-5004", b"%PDF-1.4 fake", "application/pdf")
        self.add("/bolge/samsun/haber-5005", NOT_FOUND_PAGE)
        legacy = make_articles(40)[-1]
        self.legacy = legacy
        self.add(
            "/bolge/sinop/haber-5006",
            article_html(legacy).replace('<meta charset="utf-8">', "").encode("iso-8859-9"),
            "text/html",
        )
        original = make_articles(41)[-1]
        self.syndicated = original
        self.add(
            "/bolge/ordu/haber-5007",
            article_html(original, canonical="https://baskagazete.example/haber/ozgun-haber-77"),
        )


def serve(site: AgencySite) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            site.hits[path] = site.hits.get(path, 0) + 1
            resource = site.resources.get(path)
            if resource is None:
                self.send_error(404, "Not Found")
                return
            if resource.delay:
                time.sleep(resource.delay)
            etag = resource.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                site.conditional_hits[path] = site.conditional_hits.get(path, 0) + 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(resource.status)
            if resource.content_type:
                self.send_header("Content-Type", resource.content_type)
            for key, value in resource.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(resource.body)))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(resource.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class QuietServer(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            """A crawler that gives up on the slow page closes the socket; that is expected."""

    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextmanager
def running(site: AgencySite) -> Iterator[str]:
    server = serve(site)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def labelled_files() -> dict[str, bytes]:
    """The crawler's labelled agency pages (crawlers/labelled/), regenerated from this module.

    Ten articles in the agency style: eight UTF-8, one windows-1254 declared only in a <meta>,
    one ISO-8859-9 declared nowhere (served as bare ``text/html``).
    """
    import yaml

    files: dict[str, bytes] = {}
    pages = []
    for index, article in enumerate(make_articles(10)):
        html = article_html(article)
        name = f"ajans-{article.number}.html"
        content_type = "text/html; charset=utf-8"
        if index == 3:
            data = html.replace('<meta charset="utf-8">', '<meta charset="windows-1254">')
            body = data.encode("cp1254")
            content_type = "text/html"
        elif index == 6:
            body = html.replace('<meta charset="utf-8">', "").encode("iso-8859-9")
            content_type = "text/html"
        else:
            body = html.encode("utf-8")
        files[name] = body
        pages.append(
            {
                "file": name,
                "style": "ajans",
                "url": f"https://bolgehaber.example{article.path}",
                "content_type": content_type,
                "title": article.title,
                "published": article.published.isoformat(),
                "date_precision": "second",
                "body": article.body,
            }
        )
    header = (
        "# Labelled pages of a regional news agency style (written for Kupür's tests).\n"
        "# Regenerate with: python -m tests.crawlers.fixture_site\n"
    )
    files["truth.yaml"] = (
        header + yaml.safe_dump({"pages": pages}, allow_unicode=True, sort_keys=False, width=100)
    ).encode("utf-8")
    return files


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).resolve().parents[2] / "crawlers" / "labelled"
    target.mkdir(exist_ok=True)
    for file_name, content in labelled_files().items():
        (target / file_name).write_bytes(content)
