"""No built page shows Markdown syntax as text: a link written in Markdown inside a raw HTML block stays
literal `[label](page.md)` (the cite page did), and an attribute list that did not apply shows `{: #id }`."""
import re
from html.parser import HTMLParser

LEAKS = {
    "Markdown link": re.compile(r"\[[^\]\n]{1,80}\]\([^)\s]{1,200}\)"),
    "attribute list": re.compile(r"\{:\s*[#.][^}]*\}"),
    "Markdown emphasis": re.compile(r"(?<![\w*])\*\*[^*\n]{1,80}\*\*(?![\w*])"),
}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code", "pre"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code", "pre") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def leaks(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(parser.parts)
    return [f"{kind}: {m.group(0)!r}" for kind, rx in LEAKS.items() for m in rx.finditer(text)]


def test_the_check_sees_a_leak():
    assert leaks('<p>See [Data and URLs](data.md).</p>') == ["Markdown link: '[Data and URLs](data.md)'"]
    assert leaks('<p>See <a href="data/">Data and URLs</a> <code>[x](y)</code>.</p>') == []


def test_no_built_page_shows_markdown_as_text(built_site):
    found = {p.relative_to(built_site).as_posix(): leaks(p.read_text(encoding="utf-8"))
             for p in sorted(built_site.rglob("*.html"))}
    assert {page: f for page, f in found.items() if f} == {}
