"""The browser's one copy of every unit: assets/units/<reg>.js, the JSON export as the resolver, the reader's
pages and the previews read it (render/export.py units_data). A projection of the export (its texts and
citations, unchanged), plus per unit the labels, links and short link of Ref; loaded on demand, never bundled."""
from __future__ import annotations

import json
import re

import pytest

from build_scripts.model.ref import Ref, chapter_title_en, chapter_title_zh
from build_scripts.model.urls import Urls, units_src
from build_scripts.render.context import Site
from build_scripts.render.export import regulation_json, units_data, units_index, units_js

SCRIPT = re.compile(r'^/\*[^\n]*\*/\n\(window\.LEX_UNITS = window\.LEX_UNITS \|\| \{\}\)\["([a-z0-9_-]+)"\] = (\{.*\});\n$',
                    re.S)


def nodes(data: dict) -> list[dict]:
    """Every unit of a units_data tree (or of an export) in document order: article, paragraphs, items."""
    out = []
    for a in data["articles"]:
        out.append(a)
        for p in a["paragraphs"]:
            out.append(p)
            out.extend(p["items"])
    return out


@pytest.fixture(scope="module", params=["jiangxi", "shanxi"])
def reg(request, regs):
    return regs[request.param]


def test_every_unit_in_order_with_the_exports_text_and_refs_labels_and_links(site, reg):
    export = regulation_json(site, reg)
    data = units_data(site, reg, export)
    refs = Ref.all(reg)
    units, exported = nodes(data), nodes(export)
    assert [u["eid"] for u in units] == [r.eid for r in refs] == [u["eid"] for u in exported]
    for u, e, ref in zip(units, exported, refs, strict=True):
        for key in ("number", "label", "zh", "en", "citation"):          # the export's own, as exported
            assert u.get(key) == e.get(key), (ref.eid, key)
        assert u["citation"] == ref.citation
        assert u["labels"] == {"zh": ref.label_zh, "en": ref.label_en}
        assert u["href"] == site.urls.rel(units_src(reg.id), ref.page_src, ref.anchor)
        assert u["short_url"] == "/" + ref.short_path
        assert "permalink" not in u                 # no public base in this build: no URL of its own
        assert not {"references", "anchor", "url", "full_text_url"} & set(u)   # what the pages do not read
    assert data["href"] == "../../" + reg.id + "/"
    assert data["glossed"] == site.glosses[reg.id].exists and data["title"] == export["title"]
    for c, ch in zip(data["chapters"], reg.chapters, strict=True):
        assert c["heading"] == {"zh": chapter_title_zh(ch), "en": chapter_title_en(ch.number, site.glosses[reg.id].chapter(ch.number))}


def test_the_legal_text_is_the_sources_character_for_character(site, reg):
    data = units_data(site, reg, regulation_json(site, reg))
    for a, art in zip(data["articles"], reg.articles, strict=True):
        for p, para in zip(a["paragraphs"], art.paragraphs, strict=True):
            assert p["zh"] == para.text
            assert [(i["label"], i["zh"]) for i in p["items"]] == [(i.label, i.text) for i in para.items]


def test_links_follow_the_builds_url_form_and_permalinks_the_public_base(edition):
    reg = edition.reg("jiangxi")
    offline = Site(edition, Urls(directory_urls=False))
    u = nodes(units_data(offline, reg, regulation_json(offline, reg)))
    eid = {x["eid"]: x for x in u}
    assert eid["art_15__para_2"]["href"] == "../../jiangxi/art-15.html#para-2"
    public = Site(edition, site_url="https://example.org/pingan/")
    eid = {x["eid"]: x for x in nodes(units_data(public, reg, regulation_json(public, reg)))}
    assert eid["art_15__para_2"]["permalink"] == "https://example.org/pingan/jiangxi/art-15/#para-2"


def test_the_index_names_each_file_relative_to_the_bundle(site):
    index = units_index(site, "assets/bundle.js")
    assert [r["file"] for r in index] == [f"units/{r.id}.js" for r in site.regs]
    assert [r["title"]["zh"] for r in index] == [r.meta.title_zh for r in site.regs]


def test_the_built_files_are_the_projection_and_replace_the_features_copies(built_site, site):
    total = 0
    for reg in site.regs:
        text = (built_site / units_src(reg.id)).read_text(encoding="utf-8")
        assert text == units_js(units_data(site, reg, regulation_json(site, reg)))
        m = SCRIPT.match(text)
        assert m and m[1] == reg.id and json.loads(m[2])["id"] == reg.id
        total += len(text.encode())
    assert total < 300_000, total           # measured: jiangxi 156 kB, shanxi 82 kB (three copies were 585 kB)
    for gone in ("assets/cite-data.js", "assets/reader", "assets/preview", "assets/preview-regs.js"):
        assert not (built_site / gone).exists(), gone
    bundle = (built_site / "assets" / "bundle.js").read_text(encoding="utf-8")
    assert site.reg("jiangxi").meta.title_zh in bundle and "LEX_UNITS || {})[" not in bundle   # the index, not the data
    assert site.reg("jiangxi").article(15).paragraphs[1].text not in bundle


def test_the_loader_links_relative_to_the_page(page, served_site):
    """The reader's selection page loads the regulation's data (browser/shared/units.js) and links its
    provisions as the pages' own links read, relative to the page (the loader's functions: browser/test/)."""
    page.goto(served_site + "select/?jx=15")
    page.wait_for_selector("#lex-select[data-count]")
    hrefs = page.eval_on_selector_all(".lex-select-art .lex-reader-link a", "els => els.map(a => a.getAttribute('href'))")
    assert hrefs == ["../jiangxi/art-15/"]
    eids = page.eval_on_selector_all(".lex-select-art .lex-row[data-eid]", "els => els.map(e => e.dataset.eid)")
    assert eids == ["art_15__para_1", "art_15__para_2", "art_15__para_3", "art_15__para_4"]
