"""Embedded search backend benchmark: indexing rate and query latency at 10k and 100k articles.

    .venv/bin/python bench/bench_index.py            # 10k and 100k (about 5 minutes)
    .venv/bin/python bench/bench_index.py --sizes 10000

Articles are synthetic, generated here from Turkish sentence parts (ministry and local-press
style), with entities and a 512-dimension embedding each. Query latency is measured with facets
(six terms aggregations), a week histogram and highlighted snippets, 10 hits a page, as the search
page asks for them. Prints figures; passes or fails nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from kupur.core.models import (
    ISTANBUL,
    Article,
    DistrictRef,
    Entities,
    OrganizationRef,
    Person,
    ProjectRef,
    ProvinceRef,
)
from kupur.index.api import SearchRequest
from kupur.index.tantivy_backend import TantivyBackend

PROVINCES = [
    ("Samsun", 55, ["Atakum", "İlkadım", "Bafra", "Çarşamba"]),
    ("Ordu", 52, ["Altınordu", "Ünye", "Fatsa"]),
    ("İstanbul", 34, ["Kadıköy", "Üsküdar", "Fatih", "Esenyurt"]),
    ("Ankara", 6, ["Çankaya", "Keçiören", "Yenimahalle"]),
    ("İzmir", 35, ["Karşıyaka", "Bornova", "Buca"]),
    ("Trabzon", 61, ["Ortahisar", "Akçaabat"]),
    ("Diyarbakır", 21, ["Bağlar", "Kayapınar"]),
    ("Erzurum", 25, ["Yakutiye", "Palandöken"]),
]
PEOPLE = [
    ("Kemal Gümrükçü", "İl Müdürü"), ("Ayşe Yıldırım", "Vali Yardımcısı"),
    ("Mehmet Öztürk", "Kaymakam"), ("Zeynep Çelik", "Şube Müdürü"),
    ("Hasan Şahin", "Belediye Başkanı"), ("Elif Aydın", "Koordinatör"),
]  # fmt: skip
ORGS = [
    ("Aile ve Sosyal Hizmetler Bakanlığı", "ASHB"), ("Orta Karadeniz Kalkınma Ajansı", "OKA"),
    ("Türkiye İş Kurumu", "İŞKUR"), ("Sosyal Yardımlaşma ve Dayanışma Vakfı", "SYDV"),
]  # fmt: skip
PROJECTS = [("SİROMA", "siroma"), ("Kadın Kooperatifleri Destek Programı", "kkdp"),
            ("Yaşlı Destek Programı", "yades")]  # fmt: skip
SOURCES = ["aile.gov.tr", "samsunhaber.example", "karadenizgazetesi.example",
           "istanbulpostasi.example", "ankaraekspres.example", "egehaber.example"]  # fmt: skip
OPENINGS = [
    "{il} Aile ve Sosyal Hizmetler İl Müdürlüğü tarafından yürütülen {proje} kapsamında",
    "{ilce} ilçesinde düzenlenen törende konuşan {kisi},",
    "{kurum} ile iş birliği içinde hazırlanan projeler çerçevesinde",
    "{il} Valiliğinde gerçekleştirilen toplantıda",
]
MIDDLES = [
    "{sayi} kadın girişimciye hibe desteği verileceği açıklandı.",
    "yaşlı bakım hizmetlerinin yaygınlaştırılması için yeni adımlar atıldı.",
    "koruyucu aile sayısının artırılmasına yönelik çalışmalar anlatıldı.",
    "engelli vatandaşlara yönelik evde bakım ödemelerinin takvimi paylaşıldı.",
    "gençlik merkezlerinde {sayi} öğrenciye eğitim verildiği belirtildi.",
    "kooperatiflerin ürettiği ürünlerin satışına destek olunacağı vurgulandı.",
    "sosyal yardım başvurularının e-Devlet üzerinden alınacağı hatırlatıldı.",
]
CLOSINGS = [
    "Program önümüzdeki ay {ilce} ve çevresinde sürdürülecek.",
    "{kisi}, katılımcılara teşekkür ederek sözlerini tamamladı.",
    "Başvurular {tarih} tarihine kadar kabul edilecek.",
    "Etkinliğe kurum temsilcileri ve vatandaşlar katıldı.",
]
QUERIES = [
    "kooperatif",
    "projeler",
    "yasli bakim",
    '"koruyucu aile"',
    "il:Samsun hibe",
    "kurum:OKA OR kurum:ASHB",
    "egit* NOT genclik",
    'kisi:"Kemal Gümrükçü" tarih:2025-01..2025-06',
    "engelli evde bakım ödemeleri",
    "proje:siroma",
]


def make_articles(count: int, dims: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    vectors = np.random.default_rng(seed).standard_normal((count, dims)).astype(np.float32)
    start = datetime(2024, 1, 1, 9, tzinfo=ISTANBUL)
    articles = []
    for n in range(count):
        il, plate, districts = rng.choice(PROVINCES)
        ilce = rng.choice(districts)
        kisi, title = rng.choice(PEOPLE)
        kurum, abbr = rng.choice(ORGS)
        proje, proje_id = rng.choice(PROJECTS)
        when = start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        fill = {
            "il": il, "ilce": ilce, "kisi": kisi, "kurum": kurum, "proje": proje,
            "sayi": rng.randrange(12, 4000), "tarih": when.strftime("%d.%m.%Y"),
        }  # fmt: skip
        sentences = [
            f"{rng.choice(OPENINGS)} {rng.choice(MIDDLES)} {rng.choice(CLOSINGS)}".format(**fill)
            for _ in range(rng.randrange(8, 16))
        ]
        articles.append(
            Article(
                url=f"https://{rng.choice(SOURCES)}/haber/{n}",
                source=rng.choice(SOURCES),
                title=f"{il}'da {rng.choice(MIDDLES).format(**fill)[:60]}",
                text=" ".join(sentences),
                published_at=when,
                entities=Entities(
                    provinces=[ProvinceRef(il, plate)],
                    districts=[DistrictRef(ilce, il)],
                    people=[Person(kisi, title)],
                    organizations=[OrganizationRef(kurum, abbr)],
                    projects=[ProjectRef(proje, proje_id)],
                ),
                embedding=vectors[n].tolist(),
                story_id=f"story-{n // 3}" if n % 5 == 0 else None,
            )
        )
    return articles


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(size: int, dims: int, rounds: int) -> None:
    articles = make_articles(size, dims)
    text_kb = sum(len(a.text) for a in articles) / size / 1024
    with tempfile.TemporaryDirectory() as tmp:
        backend = TantivyBackend(Path(tmp))
        started = time.perf_counter()
        for i in range(0, size, 5_000):
            backend.upsert(articles[i : i + 5_000])
        elapsed = time.perf_counter() - started
        print(f"\n{size:,} articles ({text_kb:.1f} KB text, {dims}-dim embeddings)")
        print(f"  indexing: {size / elapsed:,.0f} articles/s ({elapsed:.1f} s)")
        timings: dict[str, list[float]] = {"keyword": [], "keyword+collapse": [], "semantic": []}
        rng = np.random.default_rng(1)
        for _ in range(rounds):
            for query in QUERIES:
                request = SearchRequest(query, facets=True, histogram="week", limit=10)
                t0 = time.perf_counter()
                backend.search(request)
                timings["keyword"].append(time.perf_counter() - t0)
                request.collapse_stories = True
                t0 = time.perf_counter()
                backend.search(request)
                timings["keyword+collapse"].append(time.perf_counter() - t0)
            vector = rng.standard_normal(dims).tolist()
            t0 = time.perf_counter()
            backend.search(SearchRequest("il:Samsun", mode="semantic", vector=vector, facets=True))
            timings["semantic"].append(time.perf_counter() - t0)
        for name, values in timings.items():
            ms = [v * 1000 for v in values]
            print(
                f"  {name:17s} p50 {statistics.median(ms):6.1f} ms   "
                f"p95 {percentile(ms, 0.95):6.1f} ms   ({len(ms)} queries, facets+histogram+"
                "snippets)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dims", type=int, default=512)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    for size in args.sizes:
        run(size, args.dims, args.rounds)


if __name__ == "__main__":
    main()
