"""Open data: CSV and Akoma Ntoso 3.0 XML per regulation, the PDFs made by `python -m build_scripts pdf`,
and the downloads page (render/templates/opendata/) that lists them, with the data files other features
generated, and their licence.

Pure apart from `pdf.published()`, which looks for a PDF made earlier and uses it only if it was made
from exactly the current text (the hash of its source HTML matches): the downloads page never links a
missing or stale PDF.
"""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from build_scripts.enrich.gloss import Gloss
from build_scripts.features.protocol import FeatureBase, Files
from build_scripts.model import licence
from build_scripts.model.messages import pair
from build_scripts.model.ref import Ref, article_title_en, chapter_title_en
from build_scripts.model.regulation import Article, Regulation, item_eid, para_eid, units
from build_scripts.model.urls import (
    ALIGNMENT_JSON,
    ANCHORS_JSON,
    DOWNLOADS_SRC,
    GLOSSARY_JSON,
    akn_src,
    csv_src,
    full_text_src,
    json_src,
    pdf_src,
)
from build_scripts.render.html import render
from build_scripts.render.pdf import published

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LICENCE = licence.EDITION
LICENCE_URL = licence.EDITION_URL
CSV_FIELDS = ["reg", "eid", "article", "article_label", "paragraph", "item", "item_label", "zh", "en", "url"]


# ------------------------------------------------------------------------------------------- CSV
def regulation_csv(reg: Regulation, gloss: Gloss) -> str:
    """One row per paragraph (its text before any item) and per item. UTF-8 with BOM (opens in Excel)."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    w.writeheader()
    for u in units(reg.articles):
        ref = Ref(reg, u.article, u.paragraph, u.item)
        w.writerow({"reg": reg.id, "eid": u.eid, "article": u.article, "article_label": reg.article(u.article).label,
                    "paragraph": u.paragraph, "item": u.item or "", "item_label": u.label or "",
                    "zh": u.zh, "en": gloss.unit(u.eid) or "", "url": "/" + ref.path})
    return "\ufeff" + out.getvalue()


# ------------------------------------------------------------------------------------ Akoma Ntoso
def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str | None) -> ET.Element:
    node = ET.SubElement(parent, f"{{{AKN_NS}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items() if v is not None})
    if text is not None:
        node.text = text
    return node


def frbr_work_uri(reg: Regulation) -> str:
    m = reg.meta
    place = (m.jurisdiction or "cn").lower()
    return f"/akn/{place}/act/{m.adopted or m.effective}/{reg.id}"


def akn_xml(reg: Regulation, gloss: Gloss, lang: str = "zh") -> bytes:
    """The regulation as an Akoma Ntoso 3.0 act. lang "zh": the official text; "en": the edition's
    unofficial gloss as a translation expression (units not yet glossed have an empty p element).
    eIds are those of the JSON export (art_15, art_15__para_2, art_15__para_2__point_1, chp_3)."""
    if lang not in ("zh", "en"):
        raise ValueError(f"akn_xml(): lang must be zh or en, got {lang!r}")
    ET.register_namespace("", AKN_NS)
    m = reg.meta
    en = lang == "en"
    code = "eng" if en else "zho"
    work = frbr_work_uri(reg)
    work_date, work_date_name = (m.adopted, "adoption") if m.adopted else (m.effective, "effective")
    root = ET.Element(f"{{{AKN_NS}}}akomaNtoso")
    act = _el(root, "act", name=reg.id)
    meta = _el(act, "meta")
    ident = _el(meta, "identification", source="#edition")
    w = _el(ident, "FRBRWork")
    _el(w, "FRBRthis", value=f"{work}/!main")
    _el(w, "FRBRuri", value=work)
    _el(w, "FRBRalias", value=m.title_zh, name="title")
    _el(w, "FRBRdate", date=work_date, name=work_date_name)
    _el(w, "FRBRauthor", href="#legislature")
    _el(w, "FRBRcountry", value=(m.jurisdiction or "cn").split("-")[0].lower())
    _el(w, "FRBRname", value=m.title_zh)
    e = _el(ident, "FRBRExpression")
    _el(e, "FRBRthis", value=f"{work}/{code}@/!main")
    _el(e, "FRBRuri", value=f"{work}/{code}@")
    _el(e, "FRBRdate", date=m.effective or work_date, name="effective" if m.effective else work_date_name)
    _el(e, "FRBRauthor", href="#edition" if en else "#legislature")
    _el(e, "FRBRlanguage", language=code)
    if en:
        _el(e, "FRBRtranslation", href=f"{work}/zho@", fromLanguage="zho", authoritative="false", by="#edition")
    mf = _el(ident, "FRBRManifestation")
    _el(mf, "FRBRthis", value=f"{work}/{code}@/!main.xml")
    _el(mf, "FRBRuri", value=f"{work}/{code}@.akn")
    _el(mf, "FRBRdate", date=m.effective or work_date, name="text-version")
    _el(mf, "FRBRauthor", href="#edition")
    refs = _el(meta, "references", source="#edition")
    _el(refs, "TLCOrganization", eId="edition", href="/ontology/organization/pingan-bilingual-edition",
        showAs="平安建设条例双语版 / Ping'an-Building Regulations bilingual edition")
    place_zh = (m.jurisdiction_name or {}).get("zh") or m.jurisdiction
    place_en = (m.jurisdiction_name or {}).get("en") or m.jurisdiction
    body_name = f"{place_zh}地方立法机关 / legislature of {place_en}"
    _el(refs, "TLCOrganization", eId="legislature",
        href=f"/ontology/organization/{(m.jurisdiction or 'cn').lower()}.legislature", showAs=body_name)
    preface = _el(act, "preface")
    title = _el(_el(preface, "longTitle", eId="longTitle"), "p")
    _el(title, "docTitle", m.title_en if en else m.title_zh)
    if reg.text.note and not en:
        _el(preface, "p", reg.text.note, eId="preface__p_1")
    body = _el(act, "body")

    def text_of(eid: str, zh: str) -> str:
        return (gloss.unit(eid) or "") if en else zh

    def article(parent: ET.Element, art: Article) -> None:
        a = _el(parent, "article", eId=art.eid)
        _el(a, "num", article_title_en(art.number) if en else art.label)
        if en and gloss.heading(art.number):
            _el(a, "heading", gloss.heading(art.number))
        for p in art.paragraphs:
            pid = para_eid(art.number, p.number)
            para = _el(a, "paragraph", eId=pid)
            if p.items:
                if p.text:
                    _el(_el(para, "intro"), "p", text_of(pid, p.text))
                for i in p.items:
                    iid = item_eid(art.number, p.number, i.number)
                    point = _el(para, "point", eId=iid)
                    _el(point, "num", f"({i.number})" if en else i.label)
                    _el(_el(point, "content"), "p", text_of(iid, i.text))
            else:
                _el(_el(para, "content"), "p", text_of(pid, p.text))

    if reg.chapters:
        for ch in reg.chapters:
            c = _el(body, "chapter", eId=ch.eid)
            _el(c, "num", chapter_title_en(ch.number) if en else ch.label)
            heading = gloss.chapter(ch.number) if en else ch.title
            if heading:
                _el(c, "heading", heading)
            in_section = {n for s in ch.sections for n in s.articles}
            for n in ch.articles:
                for s in ch.sections:
                    if s.articles and s.articles[0] == n:
                        sec = _el(c, "section", eId=f"{ch.eid}__sec_{s.number}")
                        _el(sec, "num", s.label)
                        _el(sec, "heading", s.title)
                        for k in s.articles:
                            article(sec, reg.article(k))
                if n not in in_section:
                    article(c, reg.article(n))
    else:
        for art in reg.articles:
            article(body, art)
    ET.indent(root, space=" ")
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    declaration, _, document = xml.partition(b"\n")
    comment = f"<!--\n{licence.notice()}-->\n".encode()   # constant text: corpus strings never enter a comment
    return declaration + b"\n" + comment + document + b"\n"


# Made by other features; listed on the downloads page when this build generated them (`made`).
# Each with what it holds: downloads.data.{id} in messages.yaml.
OTHER_DATA = [(ANCHORS_JSON, "anchors"), (GLOSSARY_JSON, "glossary"), (ALIGNMENT_JSON, "alignment")]
TABLE_HEAD = ("regulation", "json", "csv", "akn", "pdf")     # the table's columns: downloads.head.{id}


# ------------------------------------------------------------------------------------ downloads
def size(content: str | bytes) -> str:
    n = len(content.encode("utf-8") if isinstance(content, str) else content)
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


class OpenData(FeatureBase):
    """CSV, Akoma Ntoso, PDFs and the downloads page (registered last: it lists every data file)."""
    name = "opendata"
    runs_last = True
    css = ("assets/downloads.css",)

    def files(self, made: Mapping[str, str | bytes]) -> Files:
        """CSV, Akoma Ntoso and PDFs, and the downloads page, which lists them with the data files
        generated before (`made`: the core's data/{id}.json, citations' anchors.json, ...)."""
        out: dict[str, str | bytes] = {}
        for reg in self.site.regs:
            gloss = self.site.glosses[reg.id]
            out[csv_src(reg.id)] = regulation_csv(reg, gloss)
            out[akn_src(reg.id, "zh")] = akn_xml(reg, gloss, "zh")
            out[akn_src(reg.id, "en")] = akn_xml(reg, gloss, "en")
            pdf = published(self.site, reg)
            if pdf is not None:
                out[pdf_src(reg.id)] = pdf
        out[DOWNLOADS_SRC] = self.downloads_page({**made, **out})
        return out

    def nav(self) -> list[Any]:
        return [{pair("downloads.downloads"): DOWNLOADS_SRC}]

    def downloads_page(self, made: dict[str, str | bytes]) -> str:
        urls = self.site.urls

        def file(src: str) -> dict[str, Any] | None:
            if src not in made:
                return None
            return {"href": urls.rel(DOWNLOADS_SRC, src), "name": src.rsplit("/", 1)[-1], "size": size(made[src])}

        rows = [{"href": urls.rel(DOWNLOADS_SRC, full_text_src(reg.id)), "title_zh": reg.meta.title_zh,
                 "title_en": reg.meta.title_en, "json": file(json_src(reg.id)), "csv": file(csv_src(reg.id)),
                 "akn": file(akn_src(reg.id, "zh")), "akn_en": file(akn_src(reg.id, "en")),
                 "pdf": file(pdf_src(reg.id))} for reg in self.site.regs]
        whole = [{**f, "id": what} for src, what in OTHER_DATA if (f := file(src))]
        return render("opendata/downloads.md.j2", head=TABLE_HEAD, rows=rows, whole=whole, csv_fields=CSV_FIELDS,
                      licence=LICENCE, licence_url=LICENCE_URL, code_licence=licence.CODE,
                      code_licence_url=licence.CODE_URL)
