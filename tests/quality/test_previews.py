"""Previews of linked provisions (issue 15, item 6), in a real browser: topic-matrix cells, counterparts,
"referred to by" and defined-term links show the target's Chinese and English on hover and on keyboard
focus; Escape hides; the tooltip is role=tooltip, referenced by aria-describedby, carries lang on both
parts and does not cover its link; on a phone the first tap shows it and the second follows the link.
Over http and from the offline copy (file://)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

TIP = "#lex-preview"
KINDS = {
    "matrix": ("compare/index.html", ".cmp-matrix a.cmp-prov"),
    "counterparts": (None, ".cmp-counterparts a.cmp-prov"),
    "referred-by": (None, ".lex-refby li a"),
    "defined-term": (None, "a.lex-defined"),
}


def page_with(site: Path, selector_class: str) -> str:
    """Site-relative path of the first article page whose HTML has that class in a link."""
    cls = selector_class.split(" ")[-1]
    needle = {"a.cmp-prov": 'class="cmp-prov"', "a.lex-defined": 'class="lex-term lex-defined"',
              "a": '<section class="lex-refby"'}[cls]
    for page in sorted(site.glob("*/art-*/index.html"), key=lambda p: (p.parent.parent.name, int(p.parent.name[4:]))):
        html = page.read_text(encoding="utf-8")
        section = html[html.find(needle):html.find("</section>", html.find(needle))]
        if needle in html and (cls != "a" or "<li><a" in section) and (
                "cmp-counterparts" not in selector_class or 'class="cmp-counterparts"' in html):
            return page.relative_to(site).as_posix()
    raise AssertionError(f"no page with {selector_class}")


def where(built_site: Path, kind: str) -> tuple[str, str]:
    path, selector = KINDS[kind]
    return path or page_with(built_site, selector), selector


def tip_state(page, link) -> dict:
    return page.evaluate("""(a) => {
      const t = document.getElementById('lex-preview');
      const r = a.getBoundingClientRect(), q = t && !t.hidden ? t.getBoundingClientRect() : null;
      return {shown: !!q, role: t && t.getAttribute('role'),
              describedby: a.getAttribute('aria-describedby'),
              zh: t ? [...t.querySelectorAll('[lang="zh-Hans"]')].map(e => e.textContent).join('|') : '',
              en: t ? [...t.querySelectorAll('[lang="en"]')].map(e => e.textContent).join('|') : '',
              overlap: q ? !(q.bottom <= r.top || q.top >= r.bottom || q.right <= r.left || q.left >= r.right) : null};
    }""", link.element_handle())


def wait_shown(page):
    page.wait_for_selector(TIP, state="visible", timeout=5000)


def check_tip(state: dict):
    assert state["shown"] and state["role"] == "tooltip"
    assert state["describedby"] and "lex-preview" in state["describedby"].split()
    assert re.search(r"[\u4e00-\u9fff]", state["zh"]) and "《" in state["zh"]       # title, label, text in Chinese
    assert re.search(r"[A-Za-z]{4,}", state["en"]) and "Art." in state["en"]       # label and gloss in English
    assert state["overlap"] is False                                               # never over its own link


@pytest.mark.parametrize("kind", list(KINDS))
def test_hover_and_focus_show_the_provision(page, served_site, built_site, kind):
    path, selector = where(built_site, kind)
    page.goto(served_site + path.replace("index.html", ""))
    link = page.locator(selector).first
    link.scroll_into_view_if_needed()
    link.hover()
    wait_shown(page)
    check_tip(tip_state(page, link))
    page.mouse.move(0, 0)
    page.wait_for_selector(TIP, state="hidden", timeout=3000)
    # keyboard: focus shows, Escape hides, aria-describedby goes with it
    link.focus()
    wait_shown(page)
    check_tip(tip_state(page, link))
    page.keyboard.press("Escape")
    page.wait_for_selector(TIP, state="hidden", timeout=3000)
    assert "lex-preview" not in (tip_state(page, link)["describedby"] or "").split()   # Material's own may stay


def test_preview_text_is_the_targets(page, served_site, built_site, regs):
    """The matrix cell's preview holds the text of the article it links to."""
    page.goto(served_site + "compare/")
    link = page.locator(".cmp-matrix a.cmp-prov").first
    href = link.get_attribute("href")
    reg, n = re.search(r"([a-z]+)/art-(\d+)", href).groups()
    link.focus()
    wait_shown(page)
    first = regs[reg].article(int(n)).paragraphs[0].text[:10]
    assert first in tip_state(page, link)["zh"]


def test_touch_first_tap_shows_second_follows(browser, served_site, built_site):
    path, selector = where(built_site, "counterparts")
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "data:", "about:"))
                  else r.abort())
    page = context.new_page()
    try:
        page.goto(served_site + path.replace("index.html", ""))
        link = page.locator(selector).first
        link.scroll_into_view_if_needed()
        before = page.url
        link.tap()
        wait_shown(page)
        check_tip(tip_state(page, link))
        assert page.url == before                          # the first tap did not navigate
        want = link.evaluate("(a) => a.href")
        assert want != before
        link.tap()                                         # the second tap follows the link
        page.wait_for_url(want, timeout=5000)
    finally:
        context.close()


def test_data_is_loaded_lazily(page, served_site, built_site):
    """The texts are not part of the page load: the per-regulation file is requested on first use only."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    path, selector = where(built_site, "defined-term")
    page.goto(served_site + path.replace("index.html", ""))
    page.wait_for_load_state("load")
    assert not [u for u in requested if "/assets/units/" in u]
    page.locator(selector).first.focus()
    wait_shown(page)
    assert [u for u in requested if "/assets/units/" in u]


@pytest.mark.parametrize("kind", ["matrix", "defined-term"])
def test_offline_copy_previews(tabs, offline_dist, kind):
    site = offline_dist / "offline"
    path, selector = KINDS[kind]
    if path is None:
        path = next(p for p in sorted(site.glob("*/art-*.html")) if 'class="lex-term lex-defined"' in p.read_text(encoding="utf-8"))
        path = path.relative_to(site).as_posix()
    else:
        path = path.replace("/index.html", ".html") if not (site / path).exists() else path
    with tabs.lease(lambda url: url.startswith(("file:", "data:", "about:"))) as lease:  # others aborted, recorded
        page = lease.page
        page.goto((site / path).as_uri())
        link = page.locator(selector).first
        link.focus()
        wait_shown(page)
        check_tip(tip_state(page, link))
    assert not lease.outside
