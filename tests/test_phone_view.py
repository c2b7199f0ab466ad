"""Article pages on a phone (issue 24): the legal text starts on the first screen. The display switch, the notice
and the glossary legend fold into one "显示 / View" button (a disclosure: keyboard, aria-expanded, remembered);
wider screens show them with no button."""
from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

from quality.a11y import axe_violations

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
LOCAL = ("http://127.0.0.1",)
FIRST_SCREEN = 300   # px from the top of the viewport to the first line of the legal text


def longest_titles(site: Path, n: int = 3) -> list[str]:
    """The article pages whose title (h1, both languages) is longest: the ones that push the text down most."""
    sized = []
    for page in site.glob("*/art-*/index.html"):
        h1 = re.search(r'<h1 id="article">(.*?)</h1>', page.read_text(encoding="utf-8"), re.S)
        assert h1, page
        text = htmllib.unescape(re.sub(r"<[^>]+>", "", h1.group(1)))
        sized.append((len(text.encode("utf-8")), page.parent.relative_to(site).as_posix() + "/"))
    assert len(sized) > 50
    return [path for _, path in sorted(sized, reverse=True)[:n]]


def top_of_text(page) -> float:
    return page.evaluate("document.querySelector('.lex-article .lex-zh').getBoundingClientRect().top")


def shown(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_starts_on_the_first_screen(tabs, served_site, built_site, scheme):
    paths = ["jiangxi/art-15/", *longest_titles(built_site)]
    with tabs.lease(lambda url: url.startswith(LOCAL), color_scheme=scheme, **PHONE) as lease:
        page = lease.page
        for path in paths:
            page.goto(served_site + path, wait_until="networkidle")
            top = top_of_text(page)
            assert 0 < top <= FIRST_SCREEN, (path, top)
            assert shown(page, ".lex-view-button") and not shown(page, "[data-lex-mode]"), path
        assert not lease.outside


def test_view_button_opens_the_panel_and_is_remembered(tabs, served_site):
    with tabs.lease(lambda url: url.startswith(LOCAL), **PHONE) as lease:
        page = lease.page
        page.goto(served_site + "jiangxi/art-15/", wait_until="networkidle")
        button = page.locator(".lex-view-button")
        assert button.get_attribute("aria-expanded") == "false"
        assert button.get_attribute("aria-controls") == "lex-view-panel"
        assert page.locator("#lex-view-panel").count() == 1
        # the button's name follows the display mode: both languages, each marked
        assert button.evaluate("b => [...b.querySelectorAll('[lang]')].map(s => s.lang + ':' + s.textContent)") == [
            "zh-Hans:显示", "en:View"]
        button.tap()
        assert button.get_attribute("aria-expanded") == "true"
        panel = "#lex-view-panel"
        for part in ("[data-lex-mode=zh]", ".lex-notice", ".lex-marks-legend", "[data-lex-marks=all]"):
            assert page.locator(f"{panel} {part}").count() == 1, part      # the notice and legend are in the panel
            assert shown(page, f"{panel} {part}"), part
        page.tap("[data-lex-mode=en]")                                     # the switch works from the panel
        assert not shown(page, ".lex-article .lex-zh") and shown(page, ".lex-article .lex-en")
        assert button.evaluate("b => [...b.querySelectorAll('[lang]')].filter(s => s.offsetWidth).map(s => s.lang)") == [
            "en"]
        page.goto(served_site + "shanxi/art-7/", wait_until="networkidle")   # open, as the reader left it
        assert page.get_attribute(".lex-view-button", "aria-expanded") == "true" and shown(page, "[data-lex-mode=en]")
        # by keyboard: a real button, Enter and Space toggle it
        page.focus(".lex-view-button")
        page.keyboard.press("Enter")
        assert page.get_attribute(".lex-view-button", "aria-expanded") == "false" and not shown(page, "[data-lex-mode]")
        page.keyboard.press("Space")
        assert page.get_attribute(".lex-view-button", "aria-expanded") == "true" and shown(page, "[data-lex-mode=zh]")
        for _ in range(4):                                                # the panel's switch is a few Tabs on
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('[data-lex-mode]')"):
                break
        assert page.evaluate("document.activeElement.matches('#lex-view-panel [data-lex-mode=both]')")
        page.click(".lex-view-button")
        page.reload(wait_until="networkidle")                              # closed, as the reader left it
        assert page.get_attribute(".lex-view-button", "aria-expanded") == "false"
        assert not shown(page, ".lex-notice")
        assert not lease.outside


def test_other_pages_fold_the_switch_too(tabs, served_site):
    """Every page has the one switch; on a phone it is behind the same button."""
    with tabs.lease(lambda url: url.startswith(LOCAL), **PHONE) as lease:
        page = lease.page
        for path in ("", "glossary/", "jiangxi/", "notes/"):
            page.goto(served_site + path, wait_until="networkidle")
            assert page.locator(".lex-view-button").count() == 1, path
            assert page.locator("[data-lex-mode]").count() == 3, path
            assert shown(page, ".lex-view-button") and not shown(page, "[data-lex-mode=zh]"), path
            page.tap(".lex-view-button")
            assert shown(page, "[data-lex-mode=zh]"), path
            page.tap(".lex-view-button")


def test_desktop_shows_the_switch_notice_and_legend_with_no_button(page, served_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site + "jiangxi/art-15/")
    assert not shown(page, ".lex-view-button")
    for part in ("[data-lex-mode=zh]", ".lex-notice", ".lex-marks-legend"):
        assert shown(page, part), part
    # the order a reader meets them: title, switch, notice, legend, text
    order = page.evaluate("""() => ['h1', '.lex-toggle', '.lex-notice', '.lex-marks-legend', '.lex-article']
        .map(s => document.querySelector(s).getBoundingClientRect().top)""")
    assert order == sorted(order), order


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_panel_passes_axe(tabs, served_site, scheme):
    with tabs.lease(lambda url: url.startswith(LOCAL), color_scheme=scheme, **PHONE) as lease:
        page = lease.page
        page.goto(served_site + "jiangxi/art-15/", wait_until="networkidle")
        assert axe_violations(page) == []
        page.tap(".lex-view-button")
        assert axe_violations(page) == []


HIT = """el => { const r = el.getBoundingClientRect(), cx = Math.round(r.left + r.width / 2), cy = Math.round(r.top + r.height / 2);
    const hits = (x, y) => { const at = document.elementFromPoint(x, y); return !!at && (at === el || el.contains(at)); };
    const reach = (dx, dy) => { let n = 0; while (n < 60 && hits(cx + (n + 1) * dx, cy + (n + 1) * dy)) n++; return n; };
    return {w: r.width, h: r.height, across: reach(-1, 0) + reach(1, 0) + 1, down: reach(0, -1) + reach(0, 1) + 1}; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_downloads_fit_a_phone_with_44_px_targets(tabs, served_site, scheme):
    """390 px: the downloads table no wider than the screen, every download link (the PDFs first) on it and a touch
    target of 44 x 44 px or more."""
    with tabs.lease(lambda url: url.startswith(LOCAL), color_scheme=scheme, **PHONE) as lease:
        page = lease.page
        page.goto(served_site + "downloads/", wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        links = page.locator(".lex-dl td a")
        assert links.count() >= 4 * page.locator(".lex-dl tbody tr").count() >= 8   # JSON, CSV, Akoma Ntoso zh, en
        for i in range(links.count()):
            box = links.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (i, box)
            assert box["width"] >= 44 and box["height"] >= 44, (links.nth(i).inner_text(), box)
        pdf = page.locator(".lex-dl td.lex-dl-pdf").first      # a PDF, or "not available yet" where the build made none
        box = pdf.bounding_box()
        assert pdf.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] < 844, box
        first_row = page.locator(".lex-dl tbody tr").first
        cells = first_row.evaluate("tr => [...tr.children].sort((a, b) => a.getBoundingClientRect().top - "
                                   "b.getBoundingClientRect().top).map(c => c.className || c.tagName)")
        assert cells[:2] == ["TH", "lex-dl-pdf"], cells
        assert not lease.outside


def test_copy_and_embed_controls_are_44_px_touch_targets(tabs, served_site):
    """On a touch screen each paragraph's copy and embed controls answer a touch over 44 px across and 44 px down
    through their centre (what answers at a point is the control itself: neither is over the other)."""
    with tabs.lease(lambda url: url.startswith(LOCAL), **PHONE) as lease:
        page = lease.page
        page.goto(served_site + "jiangxi/art-15/", wait_until="networkidle")
        for selector in ("#para-2 .lex-row > .lex-cite", "#para-2 .lex-row > .lex-embed"):
            control = page.locator(selector)
            control.scroll_into_view_if_needed()
            hit = control.evaluate(HIT)
            assert hit["across"] >= 44 and hit["down"] >= 44, (selector, hit)
        assert not lease.outside


def test_desktop_copy_controls_keep_their_look(page, served_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site + "jiangxi/art-15/")
    box = page.locator("#para-2 .lex-row > .lex-cite").bounding_box()
    assert 30 <= box["width"] <= 34 and 30 <= box["height"] <= 34, box
    assert page.eval_on_selector("#para-2 .lex-row > .lex-cite", "el => getComputedStyle(el, '::before').content") \
        in ("none", "normal")
