"""Regulation -> the public JSON export (/data/<id>.json), and the same data as the browser reads it
(assets/units/<id>.js). Pure. The export's keys are a public contract, documented on the site (docs/data.md)
and pinned by tests/test_export.py; the browser's file is a documented projection of it (`units_data`)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from build_scripts.model import licence
from build_scripts.model.numerals import ArticleNumber
from build_scripts.model.ref import Ref, article_title_en, chapter_title_en, chapter_title_zh
from build_scripts.model.regulation import Regulation
from build_scripts.model.urls import full_text_src, units_src
from build_scripts.render.context import Site
from build_scripts.render.html import json_script

SCHEMA_VERSION = 1


def json_file(value: Any) -> str:
    """A published JSON data file (/data/*.json): UTF-8 text as written, one-space indent, final newline."""
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def plain_numbers(numbers: Iterable[int]) -> list[int]:
    """The numbers of a chapter's or section's articles as the contract has them (plain integers); inserted
    articles (第十一条之一) appear in `article_eids` only, where they can be told apart."""
    return [int(n) for n in numbers if not isinstance(n, ArticleNumber)]


def regulation_json(site: Site, reg: Regulation, base_url: str = "/") -> dict[str, Any]:
    """The export of one regulation. URLs are site-relative (base_url "/"): the export never carries
    the address of the machine that built it."""
    m = reg.meta
    gloss = site.glosses[reg.id]
    refs = {eid: [r.json() for r in rs] for eid, rs in site.edition.references[reg.id].items()}
    status = site.edition.status.get(reg.id)

    def unit(ref: Ref, zh: str, **extra: Any) -> dict[str, Any]:
        return {"number": ref.item if ref.item is not None else ref.paragraph, **extra, "eid": ref.eid,
                "anchor": ref.anchor, "zh": zh, "en": gloss.unit(ref.eid), "references": refs[ref.eid],
                "citation": ref.citation}
    return {
        "schema_version": SCHEMA_VERSION,
        "id": reg.id,
        "short": m.short,
        "title": {"zh": m.title_zh, "en": m.title_en},
        "jurisdiction": m.jurisdiction,
        "jurisdiction_name": m.jurisdiction_name or None,
        "adopted": m.adopted,
        "adopted_by": m.adopted_by or None,
        "announcement": m.announcement or None,
        "effective": m.effective,
        "source_note": reg.text.note,
        "status": status.json() if status else None,
        "url": f"{base_url}{reg.id}/",
        "licence": licence.export_metadata(),
        "chapters": [
            {"number": c.number, "label": c.label, "eid": c.eid,
             "title": {"zh": c.title, "en": gloss.chapter(c.number)},
             "articles": plain_numbers(c.articles), "article_eids": [Ref(reg, n).eid for n in c.articles],
             "sections": [{"number": s.number, "label": s.label, "title": {"zh": s.title, "en": None},
                           "articles": plain_numbers(s.articles),
                           "article_eids": [Ref(reg, n).eid for n in s.articles]} for s in c.sections]}
            for c in reg.chapters
        ],
        "articles": [
            {
                "number": a.number,
                "label": a.label,
                "eid": a.eid,
                "chapter": a.chapter,
                "section": a.section,
                "heading": {"en": gloss.heading(a.number), "editorial": True},
                "url": f"{base_url}{Ref(reg, a.number).path}",
                "full_text_url": f"{base_url}{Ref(reg, a.number).full_text_path}",
                "citation": Ref(reg, a.number).citation,
                "english_revised": status.revised(a.number) if status else None,
                "paragraphs": [
                    {**unit(Ref(reg, a.number, p.number), p.text),
                     "items": [unit(Ref(reg, a.number, p.number, i.number), i.text, label=i.label) for i in p.items]}
                    for p in a.paragraphs
                ],
            }
            for a in reg.articles
        ],
    }


# ---------------------------------------------------------------------------------------------- browser
# The one file per regulation from which the pages' scripts show provisions: the resolver (cite.js), the
# reader's pages (reader-pages.js) and the previews (preview.js), through one loader (browser/shared/units.js).
# A <script>, not JSON, so that it loads from file:// (the offline copy), where fetch() cannot read files;
# loaded on demand, never bundled. Not a public interface: the JSON export is.
ARTICLE_KEYS = ("number", "label", "eid", "chapter", "heading", "citation")
UNIT_KEYS = ("number", "label", "eid", "zh", "en", "citation")   # paragraphs and items (only items have a label)


def units_data(site: Site, reg: Regulation, export: dict[str, Any]) -> dict[str, Any]:
    """The export of one regulation as the browser reads it: the export's own keys for the regulation,
    its chapters, articles, paragraphs and items (texts and citations as exported), without what the
    browser does not show (references, metadata, licence, site-relative URLs: they mean nothing from
    file://), plus, per unit, what only a page needs, all from Ref: `labels` {zh, en} (Ref.label_zh and
    label_en, the provision without its regulation), `href` (the provision in this build's URL form,
    relative to this file: the loader resolves it), `short_url` (its short link, as anchors.json has it)
    and `permalink` (only when a public base URL is set). Per regulation `glossed` (whether an English
    gloss exists) and `href` (the full text); per chapter its `heading` and per article its `title_en` as
    pages show them (model/ref.py)."""
    here = units_src(reg.id)

    def unit(node: dict[str, Any], keys: tuple[str, ...], **nested: Any) -> dict[str, Any]:
        ref = Ref.from_eid(reg, node["eid"])
        out = {k: node[k] for k in keys if k in node}
        out.update(labels={"zh": ref.label_zh, "en": ref.label_en},
                   href=site.urls.rel(here, ref.page_src, ref.anchor), short_url="/" + ref.short_path)
        permalink = site.permalink(ref.path)
        if permalink:
            out["permalink"] = permalink
        return {**out, **nested}

    def article(a: dict[str, Any]) -> dict[str, Any]:
        ref = Ref.from_eid(reg, a["eid"])
        return unit(a, ARTICLE_KEYS, title_en=article_title_en(ref.article, (a.get("heading") or {}).get("en")),
                    paragraphs=[unit(p, UNIT_KEYS, items=[unit(i, UNIT_KEYS) for i in p["items"]])
                                for p in a["paragraphs"]])

    chapters = {c.number: c for c in reg.chapters}
    return {
        "id": export["id"],
        "short": export["short"],
        "title": export["title"],
        "glossed": site.glosses[reg.id].exists,
        "href": site.urls.rel(here, full_text_src(reg.id)),
        "chapters": [{"number": c["number"], "eid": c["eid"],
                      "heading": {"zh": chapter_title_zh(chapters[c["number"]]),
                                  "en": chapter_title_en(c["number"], c["title"]["en"])}}
                     for c in export["chapters"]],
        "articles": [article(a) for a in export["articles"]],
    }


def units_js(data: dict[str, Any]) -> str:
    """units_data as a script: it adds the regulation to window.LEX_UNITS (read by browser/shared/units.js)."""
    return ("/* Generated by build_scripts/render/export.py (units_data) from corpus/; do not edit. */\n"
            f"(window.LEX_UNITS = window.LEX_UNITS || {{}})[{json_script(data['id'])}] = {json_script(data)};\n")


def units_index(site: Site, bundle_src: str) -> list[dict[str, Any]]:
    """The regulations and their data files, relative to the bundle that carries this index (the build's data
    "units-index", browser/shared/units.js)."""
    return [{"id": r.id, "title": {"zh": r.meta.title_zh, "en": r.meta.title_en},
              "file": site.urls.rel(bundle_src, units_src(r.id))} for r in site.regs]
