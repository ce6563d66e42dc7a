"""The pages in a real headless Chromium (Debian's), driven by Playwright, against the app served
by uvicorn on a loopback port: search, click a facet, open an article, and a planted <script>
that must show as text and never run; the saved-searches page and its links to results."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from kupur.app.application import Kupur
from kupur.app.config import Settings
from kupur.web import create_app
from tests.web.corpus import PLANTED_ID, PLANTED_TITLE
from tests.web.test_saved_searches import PLANTED_QUERY, SUBSCRIPTIONS, TODAY

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (make test installs it: apt-get install "
        "chromium)",
    ),
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serve(app: Any) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the web app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(data_settings: Settings, kupur: Kupur) -> Iterator[str]:
    with _serve(create_app(data_settings, kupur)) as url:
        yield url


@pytest.fixture(scope="module")
def saved_base_url(
    data_settings: Settings, kupur: Kupur, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The app over a subscriptions file of its own, one query carrying a planted <script>."""
    path = tmp_path_factory.mktemp("saved") / "subscriptions.yaml"
    path.write_text(SUBSCRIPTIONS, encoding="utf-8")
    app = create_app(data_settings.model_copy(update={"subscriptions_file": str(path)}), kupur)
    app.state.today = lambda: TODAY
    with _serve(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def test_search_click_a_facet_and_open_an_article(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "/")
    page.fill("input[name=q]", "siroma")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=siroma**")
    # Four articles, two of them one story: grouped into three results.
    assert page.locator("li.hit").count() == 3
    assert page.locator(".outlets", has_text="+1 kaynakta daha").count() == 1
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)

    page.locator("section[data-facet=province] a", has_text="Samsun").click()
    page.wait_for_url("**province=Samsun**")
    assert page.locator(".chip", has_text="İl: Samsun").is_visible()
    titles = set(page.locator("li.hit h3 a").all_inner_texts())
    assert titles == {
        "SİROMA projesi Samsun'da tanıtıldı",
        "SİROMA kursiyerleri sertifikalarını aldı",
    }

    page.locator("li.hit h3 a").first.click()
    page.wait_for_url("**/makale/**")
    assert page.locator("article h1").is_visible()
    assert page.locator("mark.ent-person").count() >= 1
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "search.png").stat().st_size > 10_000


def test_planted_script_is_shown_as_text_and_never_runs(
    page: Any, base_url: str, tmp_path: Path
) -> None:
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text))
    page.goto(f"{base_url}/makale/{PLANTED_ID}")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.kupurPwned") == "undefined"
    assert page.title() == f"{PLANTED_TITLE} · Kupür"  # as text, not rewritten by the script
    assert page.locator("article h1").inner_text() == PLANTED_TITLE
    body = page.locator("article .body").inner_text()
    assert "<script>window.kupurPwned = 1;" in body
    assert '<img src="x" onerror=' in body
    assert page.locator("article script, article img").count() == 0
    page.screenshot(path=str(tmp_path / "planted.png"), full_page=True)

    # The search page shows the same title in a hit; it must not run there either.
    page.goto(base_url + "/?q=bak%C4%B1m")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.kupurPwned") == "undefined"
    assert page.title() == "bakım — Arama · Kupür"


def test_project_page_draws_its_chart(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "/proje/siroma")
    chart = page.locator("figure.chart svg")
    assert chart.is_visible()
    assert page.locator("figure.chart rect.bar").count() >= 3
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] > 300
    page.screenshot(path=str(tmp_path / "project.png"), full_page=True)


def test_saved_searches_page_shows_a_planted_query_as_text_and_opens_results(
    page: Any, saved_base_url: str, tmp_path: Path
) -> None:
    page.goto(saved_base_url + "/")
    page.locator("header nav a", has_text="Kayıtlı aramalar").click()
    page.wait_for_url("**/kayitli-aramalar")
    assert page.evaluate("typeof window.kupurPwned") == "undefined"
    planted = page.locator("tr[data-search=Planted] code.query")
    assert planted.inner_text() == PLANTED_QUERY
    assert page.locator("main script").count() == 0
    assert page.locator(".recipient").all_inner_texts() == [
        "a***@example.gov.tr",
        "i***@example.gov.tr",
        "m***@example.gov.tr",
    ]
    siroma = page.locator("tr[data-search=SİROMA]")
    assert siroma.locator("td.num").all_inner_texts() == ["4", "1"]
    page.screenshot(path=str(tmp_path / "saved-searches.png"), full_page=True)

    siroma.locator("a.open").click()
    page.wait_for_url("**/?q=proje%3Asiroma**")
    assert page.input_value("input[name=q]") == "proje:siroma"
    # Four articles, two of them one story: grouped into three results.
    assert page.locator("li.hit").count() == 3
    assert (tmp_path / "saved-searches.png").stat().st_size > 10_000
