"""Citing in the browser (web build, served on 127.0.0.1): the resolver runs the same case table as the
Python rules, the copy-citation control copies the citation to the clipboard from the keyboard, short
links redirect, print layout. The file:// copy: test_cite_offline.py. (Here, under tests/quality/, so that
the session has one Playwright browser: quality/conftest.py's.)"""
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "citation_cases.yaml").read_text(encoding="utf-8"))["cases"]


def test_resolver_page_shows_provision_and_link(page, served_site):
    page.goto(served_site + "resolve/")
    box = page.locator("#lex-resolve-q")
    box.fill("江西条例第十一条第二款第（三）项")
    hit = page.locator(".lex-resolve-hit")
    hit.wait_for()                                  # the regulation's data loads on its first citation
    assert hit.count() == 1
    assert "《江西省平安建设条例》第十一条第二款第（三）项" in hit.inner_text()
    assert "（三）掌握平安建设动态" in hit.inner_text().replace("\n", "")
    hit.locator("a.lex-resolve-go").click()
    page.wait_for_url("**/jiangxi/art-11/#para-2-item-3")
    assert page.locator("#para-2-item-3").count() == 1
    # a provision that does not exist, and text that is no citation: a clear message in both languages
    page.goto(served_site + "resolve/?cite=" + "山西第四十七条")
    err = page.locator(".lex-resolve-error")
    assert err.get_attribute("data-error") == "not_found" and err.get_attribute("role") == "alert"
    assert "没有这一条文" in err.inner_text() and "No such provision" in err.inner_text()
    box = page.locator("#lex-resolve-q")
    box.fill("hello world")
    assert page.locator(".lex-resolve-error").get_attribute("data-error") == "unparseable"
    assert "could not be read" in page.locator(".lex-resolve-error").inner_text()


def test_resolver_fits_a_phone(page, served_site):
    """At 390 px the citation box shrinks to the column (its size="40" made it 411 px wide: the page scrolled
    sideways)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "resolve/")
    box = page.locator("#lex-resolve-q").bounding_box()
    assert box and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_resolver_says_when_a_regulation_cannot_be_loaded(tabs, served_site):
    """A copy missing a regulation's data (or a dropped connection) is not "no such provision"."""
    missing = served_site + "assets/units/jiangxi.js"
    with tabs.lease(lambda url: url.startswith(served_site) and url != missing) as lease:  # the rest aborted
        page = lease.page
        page.goto(served_site + "resolve/?cite=" + "江西条例第十五条")
        err = page.locator(".lex-resolve-error")
        err.wait_for()
        assert err.get_attribute("data-error") == "unavailable" and err.get_attribute("role") == "alert"
        assert "无法载入" in err.inner_text() and "could not be loaded" in err.inner_text()
    assert lease.outside == [missing], lease.outside


@pytest.fixture
def clipboard_page(tabs, served_site):
    """A page allowed to read the clipboard back, to check what a copy control copied (the grant is the
    lease's: the reset after the test clears it)."""
    with tabs.lease(lambda url: True) as lease:
        lease.tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
        yield lease.page


def test_copy_citation_from_keyboard(clipboard_page, served_site):
    page = clipboard_page
    page.goto(served_site + "jiangxi/art-15/")
    button = page.locator("#para-2 .lex-cite")
    assert button.count() == 1
    assert button.evaluate("b => getComputedStyle(b).opacity") == "1"        # shown without hover (issue 24)
    assert page.locator(".lex-cite").count() == 1 + 4                         # article + 4 paragraphs
    # reach it with the keyboard: Tab from the paragraph-number link just before it in the row
    page.focus("#para-2 .lex-pnum")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('lex-cite')"):
            break
    assert page.evaluate("document.activeElement.closest('.lex-para').id") == "para-2"
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
    page.keyboard.press("Enter")
    toast = page.locator(".lex-cite-toast")
    toast.wait_for(state="visible")
    assert "Citation copied" in toast.inner_text()
    copied = page.evaluate("navigator.clipboard.readText()")
    # no public base in this build: the URL is the provision's, from the page's own location
    assert copied == ("《江西省平安建设条例》第十五条第二款 / Jiangxi Province Regulations on Ping'an-Building, "
                      f"Art. 15(2) <{served_site}jiangxi/art-15/#para-2>")


def test_copy_citation_on_the_full_text_page(clipboard_page, served_site):
    page = clipboard_page
    page.goto(served_site + "jiangxi/")
    assert page.locator("#art-15 .lex-cite").count() == 1                      # the article heading
    assert page.locator("#art-11-para-2-item-3 .lex-cite").count() == 1        # an item
    assert page.locator(".lex-cite").count() == 63 + 119 + 23                  # articles, paragraphs, items
    page.focus("#art-11-para-2-item-3 .lex-cite")
    page.keyboard.press("Enter")
    page.locator(".lex-cite-toast").wait_for(state="visible")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("《江西省平安建设条例》第十一条第二款第（三）项 / ")
    assert copied.endswith(f"<{served_site}jiangxi/art-11/#para-2-item-3>")      # the article page's URL


@pytest.mark.parametrize("short, landing, anchor", [
    ("jx/11/2/3/", "jiangxi/art-11/", "para-2-item-3"),
    ("sx/7/", "shanxi/art-7/", None),
])
def test_short_link_redirects(page, served_site, short, landing, anchor):
    page.goto(served_site + short)
    page.wait_for_url(served_site + landing + (f"#{anchor}" if anchor else ""))
    if anchor:
        assert page.locator(f"#{anchor}").count() == 1


def test_print_layout(page, served_site):
    page.goto(served_site + "jiangxi/art-11/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
                                      '.lex-toggle', '.lex-prevnext', '.lex-cite']
        .map(s => [s, [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none')])""")
    assert all(ok for _, ok in hidden), hidden
    cols = page.evaluate("getComputedStyle(document.querySelector('#para-2-item-3')).gridTemplateColumns")
    assert len(cols.split()) == 2, cols                                       # Chinese | English kept
    after = page.evaluate("""() => [...document.querySelectorAll('.md-content a[data-print-href]')]
        .map(a => [a.closest('.lex-zh, .lex-en, .lex-crumbs') ? 'text' : 'other', getComputedStyle(a, '::after').content])""")
    other = [c for where, c in after if where == "other"]
    assert other and all(served_site in c for c in other), other[:3]     # URLs of links shown (no canonical: own location)
    assert all(c == "none" for where, c in after if where == "text")                  # not inside the legal text


def test_copy_controls_are_shown_without_hover_on_phone_and_desktop(tabs, served_site):
    """Each paragraph and item has one copy control, visible with nothing hovered (a touch screen has no hover),
    inside the text column (not in the gutter beside the table of contents) and over none of the text."""
    for width, touch in ((390, True), (1280, False)):
        with tabs.lease(lambda url: url.startswith("http://127.0.0.1"), viewport={"width": width, "height": 844},
                        has_touch=touch, is_mobile=touch) as lease:
            page = lease.page
            page.goto(served_site + "jiangxi/art-11/", wait_until="networkidle")
            rows = page.eval_on_selector_all(".lex-article .lex-row[data-eid]", """rows => rows.map(r => {
                const bs = r.querySelectorAll(':scope > .lex-cite'), b = bs[0];
                if (!b) return {eid: r.dataset.eid, count: 0};
                const s = getComputedStyle(b), rb = b.getBoundingClientRect(), rr = r.getBoundingClientRect();
                const col = document.querySelector('article.md-content__inner').getBoundingClientRect();
                const text = [...r.querySelectorAll('.lex-zh, .lex-en')].map(t => t.getBoundingClientRect());
                return {eid: r.dataset.eid, count: bs.length, opacity: +s.opacity, visible: s.visibility,
                        inside: rb.left >= col.left && rb.right <= col.right + 0.5,
                        clear: text.every(t => rb.left >= t.right - 0.5 || rb.bottom <= t.top || rb.top >= t.bottom),
                        size: Math.min(rb.width, rb.height)};
            })""")
            assert len(rows) > 5
            for r in rows:
                assert r["count"] == 1 and r["opacity"] == 1 and r["visible"] == "visible", (width, r)
                assert r["inside"] and r["clear"] and r["size"] >= 24, (width, r)


def test_resolver_says_when_only_one_regulation_has_the_article(page, served_site):
    """第58条第2款 names no regulation and only Jiangxi has an Art. 58: the resolver says why it shows Jiangxi. 第23条,
    in both: both shown, no such note."""
    page.goto(served_site + "resolve/?q=" + "第58条第2款")
    page.locator(".lex-resolve-hit").wait_for()
    note = page.locator(".lex-resolve-only")
    assert note.count() == 1 and note.get_attribute("data-only") == "jiangxi"
    text = note.inner_text()
    assert "只有《江西省平安建设条例》有第五十八条" in text and "only the Jiangxi Province Regulations" in text
    assert "Art. 58" in text
    page.goto(served_site + "resolve/?q=" + "第23条")
    page.wait_for_function("() => document.querySelectorAll('.lex-resolve-hit').length === 2")
    assert page.locator(".lex-resolve-only").count() == 0
