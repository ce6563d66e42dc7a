"""Search backend benchmark: indexing rate and query latency, the embedded tantivy index and a
real OpenSearch node side by side, on the same articles in one run.

    .venv/bin/python bench/bench_index.py                          # 10k and 100k, both backends
    .venv/bin/python bench/bench_index.py --sizes 10000 --backends tantivy
    .venv/bin/python bench/bench_index.py --heap 2g                # the OpenSearch node's heap

Articles are synthetic, generated here from Turkish sentence parts (ministry and local-press
style), with entities and a 512-dimension embedding each. Query latency is measured with facets
(six terms aggregations), a week histogram and highlighted snippets, 10 hits a page, as the search
page asks for them. OpenSearch 2.19 runs as one node in its own JVM on loopback, started from the
Maven Central jars the test suite uses (tests/opensearch/node.py; needs java and mvn), with full
JIT; its semantic queries use the k-NN plugin's Lucene HNSW graph, tantivy's a brute-force scan.
Both run on the same machine as this script. Prints figures; passes or fails nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
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
from kupur.index import open_backend
from kupur.index.api import SearchBackend, SearchRequest

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


@dataclass
class Figures:
    """One backend's run: indexing rate and query latencies (ms) by query kind."""

    backend: str
    rate: float
    seconds: float
    latencies: dict[str, list[float]] = field(default_factory=dict)
    recall: float | None = None


@contextlib.contextmanager
def opened(kind: str, tmp: Path, heap: str) -> Iterator[SearchBackend]:
    if kind == "tantivy":
        backend = open_backend(kind="tantivy", url="", index_dir=tmp / "tantivy", index_name="b")
        yield backend
        backend.close()
        return
    # The node launcher lives with the tests (tests/opensearch/node.py), at the repository root.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.opensearch.node import distribution, start_node

    node = start_node(
        distribution(), tmp / "opensearch", cluster_name="kupur-bench", heap=heap, quick_start=False
    )
    print(f"  (OpenSearch node ready in {node.started_in:.1f} s, heap {heap})")
    try:
        backend = open_backend(kind="opensearch", url=node.url, index_dir=tmp, index_name="bench")
        yield backend
        backend.close()
    finally:
        node.stop()


def measure(
    kind: str, articles: list[Article], dims: int, rounds: int, tmp: Path, heap: str
) -> tuple[Figures, list[list[str]]]:
    """Index ``articles`` into a fresh ``kind`` backend and time the queries; also returns the
    semantic queries' hit ids (to compare the approximate graph with the exact scan)."""
    with opened(kind, tmp, heap) as backend:
        started = time.perf_counter()
        for i in range(0, len(articles), 5_000):
            backend.upsert(articles[i : i + 5_000])
        elapsed = time.perf_counter() - started
        figures = Figures(kind, len(articles) / elapsed, elapsed)
        timings: dict[str, list[float]] = {"keyword": [], "keyword+collapse": [], "semantic": []}
        semantic_hits: list[list[str]] = []
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
            result = backend.search(
                SearchRequest("il:Samsun", mode="semantic", vector=vector, facets=True)
            )
            timings["semantic"].append(time.perf_counter() - t0)
            semantic_hits.append([hit.id for hit in result.hits])
        figures.latencies = {name: [v * 1000 for v in values] for name, values in timings.items()}
    return figures, semantic_hits


def run(size: int, dims: int, rounds: int, backends: list[str], heap: str) -> None:
    articles = make_articles(size, dims)
    text_kb = sum(len(a.text) for a in articles) / size / 1024
    print(f"\n{size:,} articles ({text_kb:.1f} KB text, {dims}-dim embeddings)")
    results: list[Figures] = []
    exact: list[list[str]] | None = None
    for kind in backends:
        with tempfile.TemporaryDirectory() as tmp:
            figures, hits = measure(kind, articles, dims, rounds, Path(tmp), heap)
        if kind == "tantivy":
            exact = hits  # tantivy scans every vector: the exact neighbours
        elif exact is not None:
            found = [
                len(set(a) & set(b)) / max(1, len(a)) for a, b in zip(exact, hits, strict=True)
            ]
            figures.recall = statistics.mean(found)
        results.append(figures)
        print(f"  {kind}: {figures.rate:,.0f} articles/s ({figures.seconds:.1f} s)")
    print(f"\n  {'':26s}" + "".join(f"{f.backend:>24s}" for f in results))
    print(f"  {'indexing':26s}" + "".join(f"{f'{f.rate:,.0f} articles/s':>24s}" for f in results))
    for name in ("keyword", "keyword+collapse", "semantic"):
        cells = [
            f"{statistics.median(f.latencies[name]):.1f} / {percentile(f.latencies[name], 0.95):.1f} ms"
            for f in results
        ]
        print(f"  {name + ' p50/p95':26s}" + "".join(f"{c:>24s}" for c in cells))
    if any(f.recall is not None for f in results):
        cells = ["exact" if f.recall is None else f"{f.recall:.2f}" for f in results]
        print(f"  {'semantic recall@10':26s}" + "".join(f"{c:>24s}" for c in cells))
    count = len(results[0].latencies["keyword"]) if results else 0
    print(f"  ({count} keyword queries with six facets, a week histogram and snippets per row)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dims", type=int, default=512)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--backends",
        nargs="+",
        choices=["tantivy", "opensearch"],
        default=["tantivy", "opensearch"],
    )
    parser.add_argument("--heap", default="1g", help="the OpenSearch node's JVM heap (1g)")
    args = parser.parse_args()
    for size in args.sizes:
        run(size, args.dims, args.rounds, args.backends, args.heap)


if __name__ == "__main__":
    main()
