"""What an article page asks the server for on its first load (issue 11: at most two requests more than a bare
Material page, which makes six: page, stylesheet, bundle, search worker, search index, favicon), and that none
of them fails: Material fetched a sitemap.xml beside every rel="alternate" link, a 404 without SITE_URL; and that
no page kind asks for a file the site does not have."""
from __future__ import annotations

FIRST_LOAD_BUDGET = 8


def first_load(page, url: str) -> list[tuple[str, int]]:
    seen: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: seen.append((r.url, r.response().status if r.response() else 0)))
    page.on("requestfailed", lambda r: seen.append((r.url, -1)))
    page.goto(url, wait_until="networkidle")
    return seen


def test_an_article_page_first_load_requests(page, served_site):
    seen = first_load(page, served_site + "jiangxi/art-15/")
    failed = [(u, s) for u, s in seen if not 200 <= s < 400]
    assert not failed, f"requests that failed on first load: {failed}"
    distinct = sorted({u for u, _ in seen})
    assert len(distinct) <= FIRST_LOAD_BUDGET, f"{len(distinct)} requests, budget {FIRST_LOAD_BUDGET}: {distinct}"


def test_the_search_query_tables_load_on_first_use_of_the_box(page, served_site):
    """The query tables (search/q/0.js), which grow with the corpus (issue 22), are not part of a page's load:
    the worker fetches them when the search box gets the focus, and the box then answers."""
    seen = first_load(page, served_site + "jiangxi/art-15/")
    page.wait_for_timeout(300)
    assert not [u for u, _ in seen if "/search/q/" in u], "the query tables loaded with the page"
    assert any(u.endswith("/search/search_index.json") for u, _ in seen), "the start index did not load"
    with page.expect_request(lambda r: "/search/q/0.js" in r.url):
        page.click(".md-search__input")
    page.keyboard.insert_text("网格")
    page.keyboard.press("End")      # Material searches on keyup (insertText fires none)
    page.wait_for_selector(".md-search-result__item")


def test_the_feed_is_announced_where_readers_look_for_it(built_site):
    import re
    feed = re.compile(r'<link rel="alternate feed" type="application/atom\+xml"[^>]*href="[^"]*atom\.xml"')
    for rel in ("index.html", "jiangxi/index.html", "shanxi/index.html", "changes/index.html"):
        assert feed.search((built_site / rel).read_text(encoding="utf-8")), rel
    for rel in ("jiangxi/art-15/index.html", "shanxi/art-3/index.html"):
        assert not feed.search((built_site / rel).read_text(encoding="utf-8")), rel


# Every kind of page, the ones that announce the feed first (issue 24: each logged a 404 for sitemap.xml).
PAGE_KINDS = ["", "jiangxi/", "shanxi/", "changes/", "jiangxi/art-15/", "downloads/", "glossary/", "compare/",
              "cite/", "resolve/", "select/?jx=4", "diff/?a=jx/1", "notes/", "about/"]


def test_no_page_asks_for_a_file_the_site_does_not_have(page, served_site, built_site):
    """Every answer of the server is a success; a request the browser gave up (a page left while the one before
    still loaded its search index) is no answer and is not counted."""
    assert not (built_site / "sitemap.xml").exists()   # no address, no sitemap: nothing may ask for one
    answers: list[tuple[str, str, int]] = []
    page.on("response", lambda r: answers.append((page.url, r.url, r.status)))
    for path in PAGE_KINDS:
        page.goto(served_site + path, wait_until="networkidle")
    assert len({u for _, u, _ in answers}) > len(PAGE_KINDS)
    failed = [a for a in answers if a[2] >= 400]
    assert not failed, f"requests answered with an error: {failed}"
