"""Embed / 嵌入 on article pages (docs/linking.md#embed), in a real browser: each article, paragraph and item has the
control beside its copy-citation control; it opens a panel whose snippet is a blockquote with the legal text
exactly, the citation and the provision's absolute address (a build without a public base URL: the address the page
was opened at), in the language chosen; Escape closes it and gives focus back."""
from __future__ import annotations

from html.parser import HTMLParser


class Quote(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: dict[str, list[str]] = {}
        self.links: list[str] = []
        self.cite = ""
        self._lang, self._p = None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "blockquote":
            self.cite = a["cite"]
        elif tag == "div":
            self._lang = a["lang"]
            self.paras[self._lang] = []
        elif tag == "p" and self._lang:
            self._p = ""
        elif tag == "a":
            self.links.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "p" and self._p is not None:
            self.paras[self._lang].append(self._p)
            self._p = None
        elif tag == "div":
            self._lang = None

    def handle_data(self, data):
        if self._p is not None:
            self._p += data


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
    quote = Quote(panel.locator("textarea").input_value())
    item = regs["jiangxi"].article(11).paragraphs[1].items[2]
    assert quote.paras == {"zh-Hans": [item.label + item.text]}
    assert quote.cite == quote.links[0] == served_site + "jiangxi/art-11/#para-2-item-3"
    page.locator('.lex-embed-panel input[value="both"]').check()
    both = Quote(panel.locator("textarea").input_value())
    assert both.paras["zh-Hans"] == [item.label + item.text] and both.paras["en"][0].startswith("(3) ")
    page.keyboard.press("Escape")
    assert panel.count() == 0 and button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('lex-embed')")


def test_embed_of_an_article_holds_every_paragraph(page, served_site, regs):
    page.goto(served_site + "jiangxi/art-15/")
    page.locator("h1#article > .lex-embed").click()
    page.locator('.lex-embed-panel input[value="zh"]').check()
    quote = Quote(page.locator(".lex-embed-panel textarea").input_value())
    assert quote.paras["zh-Hans"] == [p.text for p in regs["jiangxi"].article(15).paragraphs]
    assert quote.links == [served_site + "jiangxi/art-15/"]
