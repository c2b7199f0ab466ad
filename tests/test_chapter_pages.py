"""A chapter in the navigation opens the list of its articles (issue 24): one page per chapter, jiangxi/chp-3/,
the chapter's section index in Material's navigation (navigation.indexes), and the article pages' crumbs link to it.
The full text's chp-<n> anchors stay."""
from __future__ import annotations

import re

import pytest

from build_scripts.model.ref import chapter_title_zh


def test_every_chapter_has_a_page_listing_its_articles(built_site, regs):
    chaptered = [r for r in regs.values() if r.chapters]
    assert chaptered
    for reg in chaptered:
        for ch in reg.chapters:
            html = (built_site / reg.id / f"chp-{ch.number}" / "index.html").read_text(encoding="utf-8")
            listed = re.findall(r'<ol class="lex-chapter-list">(.*?)</ol>', html, re.S)
            assert len(listed) == 1, (reg.id, ch.number)
            hrefs = re.findall(r'<li><a href="\.\./art-(\d+)/">', listed[0])
            assert [int(n) for n in hrefs] == list(ch.articles), (reg.id, ch.number)
            assert chapter_title_zh(ch) in html
            assert f'href="../#chp-{ch.number}"' in html                  # and the chapter in the full text


def test_the_chapter_entry_of_the_navigation_links_to_its_page(built_site, regs):
    reg = regs["jiangxi"]
    first, third = reg.chapters[0], reg.chapters[2]
    html = (built_site / "jiangxi" / f"art-{first.articles[0]}" / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'<a href="([^"]+)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*'
                      + re.escape(chapter_title_zh(third)), html)
    assert entry and entry.group(1) == f"../chp-{third.number}/", entry and entry.group(1)
    art = (built_site / "jiangxi" / f"art-{third.articles[1]}" / "index.html").read_text(encoding="utf-8")
    crumbs = re.search(r'<nav class="lex-crumbs".*?</nav>', art, re.S)
    assert crumbs and f'href="../chp-{third.number}/"' in crumbs.group(0)


@pytest.mark.parametrize("width", [390, 1280])
def test_tapping_a_chapter_opens_its_list(tabs, served_site, regs, width):
    reg = regs["jiangxi"]
    third = reg.chapters[2]
    phone = width < 600
    with tabs.lease(lambda url: url.startswith("http://127.0.0.1"), viewport={"width": width, "height": 844},
                    has_touch=phone, is_mobile=phone) as lease:
        page = lease.page
        page.goto(served_site + f"jiangxi/art-{reg.chapters[0].articles[1]}/", wait_until="networkidle")
        if phone:
            page.tap("label.md-header__button[for=__drawer]")
            page.locator("nav[data-md-level='2'] > label.md-nav__title").first.tap()   # up to the regulation's chapters
        link = page.locator(".md-nav a.md-nav__link:visible", has_text=chapter_title_zh(third).split()[0])
        assert link.count() == 1
        (link.tap if phone else link.click)()
        page.wait_for_url(re.compile(rf"/jiangxi/chp-{third.number}/$"))
        items = page.locator(".lex-chapter-list li a")
        assert items.count() == len(third.articles)
        items.first.click()
        page.wait_for_url(re.compile(rf"/jiangxi/art-{third.articles[0]}/$"))
        assert not lease.outside
