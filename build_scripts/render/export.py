"""Regulation -> the public JSON export (/data/<id>.json). Pure. The keys are a public contract,
documented on the site (docs/data.md) and pinned by tests/test_export.py."""
from __future__ import annotations

from build_scripts.enrich.gloss import Gloss
from build_scripts.model.regulation import Regulation, full_text_anchor, item_eid, para_anchor, para_eid
from build_scripts.enrich.references import resolve

SCHEMA_VERSION = 1


def article_url(reg_id: str, number: int) -> str:
    """Site-relative URL of an article page (directory URLs): jiangxi/art-15/."""
    return f"{reg_id}/art-{number}/"


def regulation_json(reg: Regulation, gloss: Gloss, base_url: str = "/") -> dict:
    m = reg.meta
    chapter_titles = {c.number: c for c in reg.chapters}
    refs = {eid: [r.json() for r in rs] for eid, rs in resolve(reg).items()}  # cross-references per unit
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
        "url": f"{base_url}{reg.id}/",
        "chapters": [
            {"number": c.number, "label": c.label, "eid": c.eid,
             "title": {"zh": c.title, "en": gloss.chapter(c.number)},
             "articles": list(c.articles),
             "sections": [{"number": s.number, "label": s.label, "title": {"zh": s.title, "en": None},
                           "articles": list(s.articles)} for s in c.sections]}
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
                "url": f"{base_url}{article_url(reg.id, a.number)}",
                "full_text_url": f"{base_url}{reg.id}/#{full_text_anchor(a.number)}",
                "paragraphs": [
                    {
                        "number": p.number,
                        "eid": para_eid(a.number, p.number),
                        "anchor": para_anchor(p.number),
                        "zh": p.text,
                        "en": gloss.unit(para_eid(a.number, p.number)),
                        "references": refs[para_eid(a.number, p.number)],
                        "items": [
                            {"number": i.number, "label": i.label,
                             "eid": item_eid(a.number, p.number, i.number),
                             "anchor": para_anchor(p.number, i.number),
                             "zh": i.text,
                             "en": gloss.unit(item_eid(a.number, p.number, i.number)),
                             "references": refs[item_eid(a.number, p.number, i.number)]}
                            for i in p.items
                        ],
                    }
                    for p in a.paragraphs
                ],
            }
            for a in reg.articles
        ],
    }
