"""The built site: strict build, every documented URL and anchor, languages, self-containment."""
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from build_scripts.render.export import regulation_json


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.langs, self.urls = {}, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"]] = a
        for key in ("src", "href"):
            if a.get(key):
                self.urls.append((tag, a[key]))


def parse_page(path: Path) -> Ids:
    p = Ids()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_every_article_page_and_anchor(built_site, regs):
    for reg in regs.values():
        full = parse_page(built_site / reg.id / "index.html")
        for art in reg.articles:
            page = parse_page(built_site / reg.id / f"art-{art.number}" / "index.html")
            assert f"art-{art.number}" in full.ids
            for para in art.paragraphs:
                assert f"para-{para.number}" in page.ids
                assert f"art-{art.number}-para-{para.number}" in full.ids
                for item in para.items:
                    assert f"para-{para.number}-item-{item.number}" in page.ids
                    assert f"art-{art.number}-para-{para.number}-item-{item.number}" in full.ids
        for ch in reg.chapters:
            assert f"chp-{ch.number}" in full.ids


def test_chinese_text_is_marked(built_site):
    html = (built_site / "jiangxi" / "art-15" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="zh-Hans">第十五条</span>' in html
    units = re.findall(r'<div class="lex-zh" lang="zh-Hans">', html)
    assert len(units) == 4  # four paragraphs, no items


def test_json_export_published(built_site, regs, site):
    for reg in regs.values():
        published = json.loads((built_site / "data" / f"{reg.id}.json").read_text(encoding="utf-8"))
        assert published == regulation_json(site, reg)


def test_no_outside_hosts(built_site):
    """No page loads anything from another host (links to the web are fine; loading is not)."""
    for page in built_site.rglob("*.html"):
        parsed = parse_page(page)
        for tag, url in parsed.urls:
            if tag in ("script", "img", "iframe", "source") or (tag == "link"):
                assert not re.match(r"(https?:)?//", url) or url.startswith("http://127.0.0.1"), (page, tag, url)


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str | None]:
    path, _, anchor = href.partition("#")
    target = (page.parent / path).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target, anchor or None


def test_documented_examples_resolve(built_site):
    """Every link on the Data and Cite pages lands on an existing file and anchor."""
    for name in ("data", "cite"):
        page = built_site / name / "index.html"
        hrefs = [h for h in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))
                 if not re.match(r"[a-z]+:", h)]
        assert any("art-11/#para-2-item-3" in h for h in hrefs) or name == "cite"
        for href in hrefs:
            target, anchor = resolve(built_site, page, href)
            assert target.exists(), (name, href)
            if anchor and target.suffix == ".html":
                assert anchor in parse_page(target).ids, (name, href)


def test_generated_pages_skip_jinja(built_site):
    html = (built_site / "jiangxi" / "art-1" / "index.html").read_text(encoding="utf-8")
    assert "Macro Syntax Error" not in html and "Macro Rendering Error" not in html
