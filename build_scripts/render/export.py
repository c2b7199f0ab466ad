"""Regulation -> the public JSON export (/data/<id>.json). Pure. The keys are a public contract,
documented on the site (docs/data.md) and pinned by tests/test_export.py."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from build_scripts.model import licence
from build_scripts.model.numerals import ArticleNumber
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation
from build_scripts.render.context import Site

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
