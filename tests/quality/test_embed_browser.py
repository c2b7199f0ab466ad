"""Embed / 嵌入 on article pages (docs/linking.md#embed), in a real browser: each article, paragraph and item has the
control beside its copy-citation control; it opens a panel whose snippet is a blockquote with the legal text
exactly, the citation and the provision's absolute address (a build without a public base URL: the address the page
was opened at), in the language chosen; Escape closes it and gives focus back."""
from __future__ import annotations

from test_linking import Snippet  # the one reader of an embed snippet (paragraphs by language, links, cite)


def test_embed_gives_the_legal_text_and_the_address(page, served_site, regs):
    page.goto(served_site + "jiangxi/art-11/")
    rows = page.locator('.lex-row[data-eid="art_11__para_2__point_3"]')
    button = rows.locator(".lex-embed")
    assert button.count() == 1
    assert rows.locator(":scope > .lex-cite + .lex-embed").count() == 1           # beside the copy control
    assert page.locator("h1#article > .lex-embed").count() == 1                   # and the article's
    button.click()
    panel = page.locator(".lex-embed-panel")
    assert button.get_attribute("aria-expanded") == "true" and panel.count() == 1
    page.locator('.lex-embed-panel input[value="zh"]').check()
    quote = Snippet(panel.locator("textarea").input_value())
    item = regs["jiangxi"].article(11).paragraphs[1].items[2]
    assert quote.parts == {"zh-Hans": [item.label + item.text]}
    assert quote.cite == quote.hrefs[0] == served_site + "jiangxi/art-11/#para-2-item-3"
    page.locator('.lex-embed-panel input[value="both"]').check()
    both = Snippet(panel.locator("textarea").input_value())
    assert both.parts["zh-Hans"] == [item.label + item.text] and both.parts["en"][0].startswith("(3) ")
    page.keyboard.press("Escape")
    assert panel.count() == 0 and button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('lex-embed')")


def test_embed_of_an_article_holds_every_paragraph(page, served_site, regs):
    page.goto(served_site + "jiangxi/art-15/")
    page.locator("h1#article > .lex-embed").click()
    page.locator('.lex-embed-panel input[value="zh"]').check()
    quote = Snippet(page.locator(".lex-embed-panel textarea").input_value())
    assert quote.parts["zh-Hans"] == [p.text for p in regs["jiangxi"].article(15).paragraphs]
    assert quote.hrefs == [served_site + "jiangxi/art-15/"]
