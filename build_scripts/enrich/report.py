"""`edition check --json`: what the edition read, for machines (a publisher's CI, an audit by reading).

Per regulation: its counts, the tree of eids (chapters, sections, articles, paragraphs, items) and every
reference in the text: the unit it stands in, the source line, its words, its kind, and its target(s) or the
reason it has none. Pure: an Edition in, a JSON-ready dict out (the CLI prints it).
"""
from __future__ import annotations

from typing import Any

from build_scripts.enrich.edition import Edition
from build_scripts.enrich.references import Reference, source_line
from build_scripts.model.regulation import Article, Regulation, item_eid, para_eid, units
from build_scripts.parse.normalise import decode

SCHEMA_VERSION = 1


def _article(art: Article) -> dict[str, Any]:
    return {"eid": art.eid, "label": art.label, "line": art.line,
            "paragraphs": [{"eid": para_eid(art.num, p.number),
                            "items": [item_eid(art.num, p.number, i.number) for i in p.items]} for p in art.paragraphs]}


def structure(reg: Regulation) -> list[dict[str, Any]]:
    """The tree of eids in text order: chapters (with sections) holding articles, or the articles alone."""
    by_number = {a.number: a for a in reg.articles}
    if not reg.chapters:
        return [_article(a) for a in reg.articles]
    out = []
    for c in reg.chapters:
        node: dict[str, Any] = {"eid": c.eid, "label": c.label, "title": c.title, "line": c.line}
        if c.sections:
            in_sections = {n for s in c.sections for n in s.articles}
            node["articles"] = [_article(by_number[n]) for n in c.articles if n not in in_sections]
            node["sections"] = [{"number": s.number, "label": s.label, "title": s.title, "line": s.line,
                                 "articles": [_article(by_number[n]) for n in s.articles]} for s in c.sections]
        else:
            node["articles"] = [_article(by_number[n]) for n in c.articles]
        out.append(node)
    return out


def why_no_target(r: Reference) -> str | None:
    if r.reason:
        return r.reason
    if r.kind == "external_law":
        return f"a provision of another law ({r.law or 'not named'}), which this edition does not hold"
    if r.kind == "regulation":
        return "the regulation as a whole"
    return None


def reference_json(reg: Regulation, r: Reference, source: str | None) -> dict[str, Any]:
    return {"unit": r.source, "line": source_line(reg, r, source), "text": r.text, "start": r.start,
            "kind": r.kind, "resolved": r.resolved, "target": r.target, "targets": list(r.targets),
            **({"law": r.law} if r.law else {}), **({"reason": why} if (why := why_no_target(r)) else {})}


def regulation_report(edition: Edition, reg: Regulation) -> dict[str, Any]:
    path = edition.corpus / reg.id / "source.txt"
    source = decode(path.read_bytes(), reg.source_path) if path.is_file() else None
    us = units(reg.articles)
    refs = [reference_json(reg, r, source) for u in us for r in edition.references[reg.id][u.eid]]
    return {
        "id": reg.id,
        "title": reg.meta.title_zh,
        "source": reg.source_path,
        "counts": {"chapters": len(reg.chapters), "articles": len(reg.articles),
                   "paragraphs": sum(len(a.paragraphs) for a in reg.articles),
                   "items": sum(1 for u in us if u.item), "references": len(refs),
                   "unresolved": sum(1 for r in refs if not r["resolved"])},
        "structure": structure(reg),
        "references": refs,
        "notices": list(reg.text.notices) + list(edition.notices.get(reg.id, ())),
    }


def check_report(edition: Edition) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "regulations": [regulation_report(edition, r) for r in edition.regs]}
