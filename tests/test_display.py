"""Bilingual display: both / Chinese only / English only, remembered across pages, over http and file://."""
import pytest


def visible(page, selector):
    return page.eval_on_selector(selector, "e => getComputedStyle(e).display !== 'none'")


@pytest.mark.parametrize("width,columns", [(1280, 2), (390, 1)])
def test_side_by_side_on_wide_stacked_on_narrow(page, served_site, width, columns):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site + "jiangxi/art-15/")
    cols = page.eval_on_selector(".lex-row", "e => getComputedStyle(e).gridTemplateColumns.split(' ').length")
    assert cols == columns


def test_mode_switch_is_remembered_across_pages(page, served_site):
    page.goto(served_site + "jiangxi/art-15/")
    assert visible(page, ".lex-zh") and visible(page, ".lex-en")
    page.click("[data-lex-mode=en]")
    assert not visible(page, ".lex-zh") and visible(page, ".lex-en")
    assert page.get_attribute("[data-lex-mode=en]", "aria-pressed") == "true"
    page.goto(served_site + "shanxi/art-7/")
    assert not visible(page, ".lex-zh") and visible(page, ".lex-en")
    page.focus("[data-lex-mode=zh]")
    page.keyboard.press("Enter")  # keyboard works: they are real buttons
    assert visible(page, ".lex-zh") and not visible(page, ".lex-en")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Tab moves to the next button (English)
    assert not visible(page, ".lex-zh")
    page.click("[data-lex-mode=both]")
    assert visible(page, ".lex-zh") and visible(page, ".lex-en")


def test_mode_switch_from_file_url(page, built_site):
    page.goto((built_site / "jiangxi" / "art-15" / "index.html").as_uri())
    page.click("[data-lex-mode=zh]")
    page.goto((built_site / "jiangxi" / "art-16" / "index.html").as_uri())
    assert visible(page, ".lex-zh") and not visible(page, ".lex-en")


def test_every_unit_has_its_language(page, served_site):
    page.goto(served_site + "jiangxi/art-58/")
    langs = page.eval_on_selector_all(".lex-row", "rows => rows.map(r => [...r.children].filter(c => c.matches('.lex-zh,.lex-en')).map(c => c.lang).join())")
    assert langs and all(lang == "zh-Hans,en" for lang in langs)
