"""Search (Chinese, traditional, English, offline) and the traditional-character reading view (issue 6).

The first tests are plain Python over the tables and the built sites. The browser tests drive
Debian's chromium (one browser for the session) over http://127.0.0.1 and over file://, with
every request routed: anything not local is aborted and fails the test.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import opencc
import pytest
import yaml

from build_scripts.features import search
from build_scripts.model.regulation import units
from build_scripts.model.urls import para_anchor

ROOT = Path(__file__).resolve().parent.parent
QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]
OUTSIDE = re.compile(r"^(https?:)?//", re.I)


@pytest.fixture(scope="session")
def offline_site(offline_dist) -> Path:
    """The offline copy of the session (tests/conftest.py), as `make offline` builds it."""
    return offline_dist / "offline"


# ---------------------------------------------------------------- tables and index (no browser)

def test_query_table_is_big_and_varied():
    """Issue 14: at least 150 queries; 30 questions, 30 lay paraphrases (Chinese and English), 15 partial
    words, 15 citation forms, 15 traditional, plus the kinds of issue 6."""
    kinds: dict[str, list] = {}
    for q in QUERIES:
        kinds.setdefault(q["kind"], []).append(q)
    assert len(QUERIES) >= 150
    assert {"zh", "hant", "en", "abbr", "digits", "words", "question", "lay", "partial", "cite"} <= set(kinds)
    for kind, least in (("question", 30), ("lay", 30), ("partial", 15), ("cite", 15), ("hant", 8 + 15)):
        assert len(kinds[kind]) >= least, kind
    lay_en = [q for q in kinds["lay"] if re.fullmatch(r"[A-Za-z' \-]+", q["q"])]
    assert len(lay_en) >= 10 and len(kinds["lay"]) - len(lay_en) >= 10
    assert len({q["q"] for q in QUERIES}) == len(QUERIES), "each query once"


def test_lay_queries_are_not_in_the_text(regs, edition):
    """A lay query uses a word neither the Chinese text nor the English gloss has; an alias of
    corpus/aliases.yaml (with its reason) is what connects it to the provision."""
    texts = "".join(u.zh for reg in regs.values() for u in units(reg.articles))
    gloss = " ".join(edition.glosses[r].unit(u.eid) or "" for r, reg in regs.items() for u in units(reg.articles)).lower()
    aliases = [a.text.lower() for a in edition.aliases.all()]
    assert all(a.why for a in edition.aliases.all())
    for row in QUERIES:
        if row["kind"] != "lay":
            continue
        q = row["q"].lower()
        assert q not in texts and q not in gloss, q
        assert any(a in q for a in aliases), f"{q}: no alias of corpus/aliases.yaml in it"


def test_expected_articles_contain_the_phrase(regs):
    """The table itself: every simplified phrase really is in each article it expects."""
    for row in QUERIES:
        if row["kind"] not in ("zh", "digits"):
            continue
        for ref in row["top5"]:
            reg_id, number = ref.split("/")
            text = "".join(u.zh for u in units(regs[reg_id].articles) if u.article == int(number))
            assert row["q"] in text, (row["q"], ref)


S2TW = opencc.OpenCC("s2tw")


def reviewed_s2tw(text: str, corrected: dict) -> str:
    """OpenCC s2tw with the reviewed corrections laid over it (an independent statement of the target)."""
    out = list(S2TW.convert(text))
    for zh, hant in sorted(corrected.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(re.escape(zh), text):
            out[m.start():m.end()] = hant
    return "".join(out)


@pytest.fixture(scope="module")
def view(search_feature):
    """The reading view's tables of this build (Search feature: corpus, glossary, pages)."""
    return search_feature.hant


def test_reading_view_uses_taiwan_forms(view, regs):
    assert view.convert("为人民群众考核") == "為人民群眾考核"      # not s2t's 爲 羣衆 考覈
    assert view.convert("玩忽职守") == "玩忽職守" and view.convert("协调制度") == "協調制度"  # reviewed corrections
    checked = 0
    for reg in regs.values():
        for u in units(reg.articles):
            if u.zh:
                assert view.convert(u.zh) == reviewed_s2tw(u.zh, view.reviewed.corrected), u.eid
                checked += 1
    assert checked == 225  # 142 Jiangxi + 83 Shanxi units with text (make check)


def test_only_character_configs():
    from build_scripts.enrich.glossary import converter
    with pytest.raises(ValueError, match="s2twp"):
        converter("s2twp")
    with pytest.raises(ValueError, match="'s2t'"):
        converter("s2t")


PAGE = ('<html lang="en"><body><nav>Chrome 导航</nav><article class="md-content__inner md-typeset">'
        '<h1 id="t"><span lang="zh-Hans">术语表</span><span class="lex-sep"> / </span><span lang="en">Glossary</span>'
        '<a class="headerlink" href="#t">&para;</a></h1>'
        '<div lang="en"><p>The grid (<span lang="zh-Hans">网格</span>) is small.</p></div>'
        '<p class="lex-keep">网格 <span lang="zh-Latn-pinyin">wǎnggé</span></p><p lang="zh-Hans">基层单元。</p>'
        '<script>var x = "code";</script></article></body></html>')


def test_page_text_keeps_its_languages():
    """Issue 25: a hand-written page's text in the index knows which display mode shows each part: English prose
    (and the Chinese quoted in it) is 'e', Chinese 'z', pinyin 'e' (Latin, not shown in a Chinese excerpt),
    punctuation joins the run before it; only the article counts, scripts not."""
    aligner = search.Aligner(PAGE)
    title = "术语表 · Glossary"               # Material's page title, not the heading's text
    assert search.runs(aligner.label(title, title=True), title) == "z6e8"
    text = "The grid (网格) is small. 网格 wǎnggé 基层单元。"
    kinds = aligner.label(text)
    assert search.runs(kinds, text) == "e24n3e7z5"      # the kept headword 网格: neutral
    assert "Chrome" not in aligner.text and "code" not in aligner.text
    assert search.runs("zznnnee", "中文 / en") == "z5e2" and search.runs("zznnee", "中文x/en") == "z2n2e2"


def test_edition_index(built_site, regs):
    """The start index (search_index.json) holds the group tables; the query tables (q/0.js), postings and
    texts are script shards."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    lex = index["config"]["lex"]
    assert set(lex) == {"version", "regs", "groups", "shards", "dups", "split"}, "the start index holds the group tables only"
    tables = (built_site / "search" / "q" / "0.js").read_text(encoding="utf-8")
    assert tables.startswith('__lexShard("q0",')
    lex = {**lex, **json.loads(tables[tables.index(",") + 1:tables.rindex(")")])}   # loaded on first use of the search box
    pairs = dict(zip(lex["t2s"][0::2], lex["t2s"][1::2], strict=True))
    assert pairs["網"] == "网" and pairs["詐"] == "诈" and pairs["員"] == "员"
    phrases = {p: keys.split("|") for keys, ps in lex["phrases"].items() for p in ps}   # stored by concept tokens
    assert phrases["综治中心"] == ["#zongzhi-zhongxin"] and "#daxing-qunzhongxing-huodong" in phrases["演唱会"]
    assert "@new-technologies-and-business-forms" in phrases["打车软件"]
    assert ["赣", "jiangxi"] in lex["cite"]["rules"]["aliases"] and ["晋", "shanxi"] in lex["cite"]["rules"]["aliases"]
    assert index["docs"] == []
    shards = {}
    for path in sorted(p for p in (built_site / "search" / "t").glob("*.js") if "-" not in p.stem):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f'__lexShard("t{path.stem}",') and "\u200b" not in text
        shards[int(path.stem)] = json.loads(text[text.index(",") + 1:text.rindex(")")])
    assert len(shards) == len(lex["groups"]["kind"]) == len(lex["groups"]["start"]) - 1
    locations = {d["l"] for g in shards.values() for d in g["d"] if d}
    for reg in regs.values():
        first = lex["regs"][reg.id]
        for u in units(reg.articles):
            if u.zh:
                assert f"{reg.id}/art-{u.article}/#{para_anchor(u.paragraph, u.item)}" in locations
                assert shards[first + u.article - 1]["l"] == f"{reg.id}/art-{u.article}/"
    assert not any(loc.startswith(("shanxi/#", "jiangxi/#")) or loc in ("shanxi/", "jiangxi/") for loc in locations), \
        "full-text pages are excluded from search"
    assert len(list((built_site / "search" / "p").glob("*.js"))) == lex["shards"]
    assert lex["dups"] == [], "no article of one regulation has the text of another (bench/search.py copies do)"
    assert (built_site / "search" / "v" / "0.js").exists()


class Loads(HTMLParser):
    """Every URL a page loads (scripts, styles, images, frames), not the links a reader may follow."""

    def __init__(self):
        super().__init__()
        self.loads = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {
                "stylesheet", "preconnect", "preload", "prefetch", "modulepreload", "icon", "dns-prefetch"}:
            self.loads.append(a["href"])


@pytest.mark.parametrize("build", ["web", "offline"])
def test_no_page_references_an_outside_host(build, built_site, offline_site):
    site = built_site if build == "web" else offline_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8")
        p = Loads()
        p.feed(text)
        bad = [u for u in p.loads if OUTSIDE.match(u)]
        assert not bad, (page, bad)
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, page
    for asset in list(site.rglob("*.css")) + [site / "assets" / "search-worker.js", site / "assets" / "bundle.js"]:
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|importScripts\(\s*['\"]https?:", asset.read_text(encoding="utf-8")), asset


def test_offline_copy_uses_vendored_shim(offline_site):
    html = (offline_site / "shanxi" / "art-27.html").read_text(encoding="utf-8")
    assert '<script src="../assets/vendor/iframe-worker/shim.js">' in html
    assert (offline_site / "assets" / "vendor" / "iframe-worker" / "LICENSE").exists()
    js = (offline_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert js.startswith("var __index = ") and '"lex":' in js
    assert (offline_site / "search" / "p" / "0.js").exists() and (offline_site / "search" / "t" / "0.js").exists()
    assert "assets/search-worker.js" in html


# ---------------------------------------------------------------- browser

@pytest.fixture(scope="session")
def search_browser(browser):
    """The session's one browser (conftest's: Playwright's sync API allows one instance per process)."""
    return browser


@pytest.fixture(scope="session")
def http_base(served_site):
    return served_site


class Session:
    """One browser context and page per build, reused by the tests; every request is routed."""

    def __init__(self, browser, base: str, start: str):
        from tests.browser import new_context
        self.base = base
        self.context, self.guard = new_context(browser, base)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(base + start)
        self.warm_up()

    def warm_up(self) -> None:
        """The session's first query can be answered by a redraw of the list as the search opens, before the
        worker's answer (seen under load from file://): the table starts once a query has been answered."""
        from tests.browser import run_query
        for attempt in ("网格员职责", "网格化服务管理", "grid worker"):
            if run_query(self.page, attempt)["items"]:
                return
        raise AssertionError("the search never answered a warm-up query")

    def url(self, path: str) -> str:
        return self.base + path

    def close(self):
        self.context.close()
        assert not self.guard.outside, f"requests to outside hosts: {self.guard.outside}"
        assert not self.errors, self.errors


@pytest.fixture(scope="module")
def web(search_browser, http_base):
    s = Session(search_browser, http_base, "jiangxi/art-1/")
    yield s
    s.close()


@pytest.fixture(scope="module")
def local(search_browser, offline_site):
    s = Session(search_browser, offline_site.resolve().as_uri() + "/", "shanxi/art-1.html")
    yield s
    s.close()


def sessions(request, build):
    return request.getfixturevalue("web" if build == "http" else "local")


@pytest.mark.browser  # sessions() reaches the browser through request.getfixturevalue
@pytest.mark.parametrize("build", ["http", "file"])
@pytest.mark.parametrize("row", QUERIES, ids=[f"{r['kind']}-{r['q']}" for r in QUERIES])
def test_query_table(row, build, request):
    from tests.browser import run_query, top_articles
    s = sessions(request, build)
    result = run_query(s.page, row["q"])
    top = top_articles(result)
    missing = [a for a in row["top5"] if a not in top]
    assert not missing, f"{row['q']!r}: {missing} not in top 5 {top}"
    if row["kind"] in ("zh", "digits"):
        # the table lists every article containing the phrase: they come first
        assert set(top[:len(row["top5"])]) == set(row["top5"]), top


@pytest.mark.browser  # sessions() reaches the browser through request.getfixturevalue
@pytest.mark.parametrize("build", ["http", "file"])
def test_results_are_readable_and_point_at_the_paragraph(build, request, regs):
    from tests.browser import article_of, run_query
    s = sessions(request, build)
    for query, phrase in (("電信網絡詐騙", "电信网络诈骗"), ("网格员", "网格员"), ("12345", "12345")):
        result = run_query(s.page, query)
        first = result["items"][0]
        assert "\u200b" not in first["html"]
        assert first["children"], first
        for child in first["children"][:1]:
            assert "<mark" in child["html"] and phrase in child["text"], child
            reg_id, number = article_of(child["href"]).split("/")
            anchor = child["href"].rsplit("#", 1)[1]
            unit = next(u for u in units(regs[reg_id].articles)
                        if u.article == int(number) and para_anchor(u.paragraph, u.item) == anchor)
            assert phrase in unit.zh, (child["href"], unit.zh)
    # a citation goes to the article, paragraph or item it names (issue 14)
    for query, anchor in (("Jiangxi art. 40(2)", "jiangxi/art-40/#para-2"), ("晋第九条第（五）项", "shanxi/art-9/#para-1-item-5"),
                          ("赣40条", None)):
        result = run_query(s.page, query)
        assert article_of(result["items"][0]["href"]) == ("jiangxi/40" if "40" in query else "shanxi/9"), query
        if anchor:
            href = re.sub(r"\?[^#]*", "", result["items"][0]["children"][0]["href"])  # Material's ?h= highlight
            assert href.endswith(anchor if build == "http" else anchor.replace("/#", ".html#")), href
    # a query naming a province (or its one-character name standing alone) searches its regulation only
    for query, reg_id, first in (("晋 网格员", "shanxi", "shanxi/35"), ("江西网格员", "jiangxi", "jiangxi/15"),
                                 ("shanxi grid", "shanxi", "shanxi/35")):
        top = [article_of(i["href"]) for i in run_query(s.page, query)["items"]]
        assert top[0] == first and all(a and a.startswith(reg_id + "/") for a in top), (query, top)
    # both scripts marked: a lay English query marks the English gloss, a Chinese one the Chinese
    result = run_query(s.page, "电话诈骗")
    assert "<mark" in result["items"][0]["html"]
    result = run_query(s.page, "fraud")
    assert re.search(r"<mark[^>]*>fraud</mark>", result["items"][0]["html"].lower()), result["items"][0]["html"][:500]
    # issue 27: a result that came through a reader phrase (corpus/search_expansions.yaml) says which, in both
    # languages; a short title with Arabic numerals is a citation; a pinyin typing slip is read as meant
    result = run_query(s.page, "帮别人抓小偷受了伤有补偿吗")
    first = result["items"][0]
    assert article_of(first["href"]) in ("jiangxi/61", "shanxi/41"), first["href"]
    assert 'class="lex-matched"' in first["html"] and "matched: " in first["html"] and "匹配" in first["html"]
    assert '<mark lang="zh-Hans">帮别人抓小偷</mark>' in first["html"], first["html"][:600]
    assert article_of(run_query(s.page, "赣平安条例第58条第2款")["items"][0]["href"]) == "jiangxi/58"
    # each provision once: no article appears in two result groups
    result = run_query(s.page, "平安建设")
    articles = [article_of(i["href"]) for i in result["items"] if article_of(i["href"])]
    assert len(articles) == len(set(articles)) > 5


@pytest.mark.browser  # sessions() reaches the browser through request.getfixturevalue
@pytest.mark.parametrize("build", ["http"])
def test_typing_slip_finds_the_grid_workers(build, request):
    from tests.browser import article_of, run_query
    s = sessions(request, build)
    assert "shanxi/35" in [article_of(i["href"]) for i in run_query(s.page, "网各员")["items"][:2]]


@pytest.mark.browser  # sessions() reaches the browser through request.getfixturevalue
@pytest.mark.parametrize("build", ["http", "file"])
def test_reading_view(build, request, regs, view):
    s = sessions(request, build)
    page = s.page
    suffix = "/" if build == "http" else ".html"
    page.goto(s.url("jiangxi/art-15" + suffix))
    page.evaluate("localStorage.removeItem('lex-script')")
    page.reload()
    art = regs["jiangxi"].article(15)
    first = next(u for u in units(regs["jiangxi"].articles) if u.article == 15)
    zh = page.locator(f'[data-eid="{first.eid}"] .lex-zh')
    markup = zh.evaluate("el => el.querySelectorAll('*').length")
    assert zh.get_attribute("lang") == "zh-Hans" and zh.inner_text().strip().endswith(first.zh[-10:])
    toggle = page.locator("button.lex-script-toggle")
    hant = "() => document.documentElement.classList.contains('lex-script-hant')"
    assert not page.evaluate(hant)
    toggle.focus()
    page.keyboard.press("Enter")  # keyboard access
    assert page.evaluate(hant)
    assert zh.get_attribute("lang") == "zh-Hant-TW"   # Taiwan's forms unless the reader picked Hong Kong's
    assert view.convert(first.zh) in zh.inner_text()
    assert zh.evaluate("el => el.querySelectorAll('*').length") == markup, "markup inside the unit is kept"
    terms = page.evaluate("""() => [...document.querySelectorAll('.lex-zh .lex-term[title]')].map(
        el => [el.textContent, el.getAttribute('title')])""")
    assert terms, "jiangxi/15 has glossary terms (build_scripts/features/annotate.py)"
    for shown, title in terms:  # a term shows traditional characters; its tooltip names both forms
        assert shown in title and opencc.OpenCC("t2s").convert(shown) in title, (shown, title)
        assert view.convert(opencc.OpenCC("t2s").convert(shown)) == shown, shown
    # remembered on the next page, also from file://
    page.goto(s.url("shanxi/art-27" + suffix))
    unit = next(u for u in units(regs["shanxi"].articles) if u.article == 27)
    zh27 = page.locator(f'[data-eid="{unit.eid}"] .lex-zh')
    assert view.convert(unit.zh) in zh27.inner_text() and zh27.get_attribute("lang") == "zh-Hant-TW"
    assert page.evaluate(hant)
    page.locator("button.lex-script-toggle").click()
    assert unit.zh in zh27.inner_text() and zh27.get_attribute("lang") == "zh-Hans"
    assert art.number == 15


WHOLE_PAGE = {  # what the traditional view converts besides the text: selector -> a simplified phrase in it
    "h1": "第十五条",
    ".md-sidebar--primary .md-nav": "关于本版",
    ".md-sidebar--secondary .md-nav": "对应条文",
    ".lex-notice": "中文文本为准",
    ".lex-marks-legend": "悬停、点按或聚焦见释义",
    ".md-footer": "条",
}


def test_reading_view_converts_the_whole_page(web, view):
    """Navigation, table of contents, heading, notices, tooltips and search results, not only the text."""
    from tests.browser import run_query, wait_until
    page = web.page
    page.goto(web.url("jiangxi/art-15/"))
    page.evaluate("localStorage.setItem('lex-script', 'hant')")   # the single (Taiwan) view of earlier versions
    page.reload()
    page.wait_for_function("() => document.documentElement.classList.contains('lex-script-hant')")
    try:
        for selector, phrase in WHOLE_PAGE.items():
            text = page.locator(selector).first.text_content()
            assert phrase not in text and view.convert(phrase) in text, (selector, text[:200])
        assert "第十五條" in page.title()
        term = page.locator(".lex-zh abbr.lex-term").first
        title = term.get_attribute("title")
        hans = opencc.OpenCC("t2s").convert(term.text_content())
        assert term.text_content() == view.convert(hans) and hans in title and view.convert(hans) in title
        term.hover()
        active = "() => { const t = document.querySelector('.md-tooltip2--active, .md-tooltip--active'); return t && t.innerText; }"
        wait_until(page, active)  # Material shows tooltips after a short delay
        tip = page.evaluate(active)
        assert tip and view.convert(hans) in tip, tip
        result = run_query(page, "网格员")
        assert "網格員" in result["items"][0]["html"] and "网格员" not in result["items"][0]["children"][0]["text"]
    finally:
        page.evaluate("localStorage.removeItem('lex-script')")
        page._lex_last = None


@pytest.mark.browser
@pytest.mark.parametrize("query, most, expected", [
    ("治安防控网", 3, "shanxi/14"),       # 治安 / 防控 / 网: 网 through 控网
    ("校园欺凌由谁来管", 8, "shanxi/23"),  # 校园 / 欺凌 / 管 (由, 谁来: question words): 管 through six bigrams
    ("pro", 7, None),                    # an English prefix: the word itself and six words it begins
])
def test_one_character_loads_few_shards(search_browser, http_base, query, most, expected):
    """A one-character concept matches through the bigrams it makes with its neighbours in the query when the
    index has them, else through the six most frequent index bigrams holding it, not through every one (at 31
    regulations 治安防控网 loaded 50 of the 212 postings shards and 校园欺凌由谁来管 62); an English prefix
    through the six most frequent words it begins (pro: 19 shards at 2 regulations). A fresh page, so that no
    earlier query has loaded a shard."""
    from tests.browser import new_context, run_query, top_articles
    context, guard = new_context(search_browser, http_base, intercept=False)
    try:
        page = context.new_page()
        page.goto(http_base + "jiangxi/art-15/")
        result = run_query(page, query, timeout=30_000)
        shards = {u for u in guard.seen if "/search/p/" in u}
        assert len(shards) <= most, sorted(shards)
        assert result["items"] and (expected is None or expected in top_articles(result)), top_articles(result)
    finally:
        context.close()
