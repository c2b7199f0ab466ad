"""Open data: CSV and Akoma Ntoso 3.0 XML per regulation, the glossary and alignment as JSON, the PDFs
made by `python -m build_scripts pdf`, and the downloads page that lists them with their licence.

Pure apart from `available_pdf()`, which looks for a PDF made earlier and uses it only if it was made
from exactly the current text (the hash of its source HTML matches): the downloads page never links a
missing or stale PDF.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from build_scripts.features.protocol import FeatureBase
from build_scripts.enrich.gloss import Gloss
from build_scripts.model.regulation import Regulation, item_eid, para_eid, units
from build_scripts.render.pages import bi, esc, front_matter
from build_scripts.model.urls import full_text_src

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DOWNLOADS_SRC = "downloads.md"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CSV_FIELDS = ["reg", "eid", "article", "article_label", "paragraph", "item", "item_label", "zh", "en", "url"]


# ------------------------------------------------------------------------------------------- CSV
def regulation_csv(reg: Regulation, gloss: Gloss) -> str:
    """One row per paragraph (its text before any item) and per item. UTF-8 with BOM (opens in Excel)."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    w.writeheader()
    for u in units(reg.articles):
        anchor = f"para-{u.paragraph}" + (f"-item-{u.item}" if u.item else "")
        w.writerow({"reg": reg.id, "eid": u.eid, "article": u.article, "article_label": reg.article(u.article).label,
                    "paragraph": u.paragraph, "item": u.item or "", "item_label": u.label or "",
                    "zh": u.zh, "en": gloss.unit(u.eid) or "", "url": f"/{reg.id}/art-{u.article}/#{anchor}"})
    return "\ufeff" + out.getvalue()


# ------------------------------------------------------------------------------------ Akoma Ntoso
def _el(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
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
    unofficial gloss as a translation expression (units not yet glossed have an empty <p/>).
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
        showAs="平安建设条例双语版 / Ping'an Construction Regulations bilingual edition")
    place_zh = (m.jurisdiction_name or {}).get("zh") or m.jurisdiction
    place_en = (m.jurisdiction_name or {}).get("en") or m.jurisdiction
    body_name = f"{place_zh}地方立法机关 / legislature of {place_en}"
    _el(refs, "TLCOrganization", eId="legislature", href=f"/ontology/organization/{(m.jurisdiction or 'cn').lower()}.legislature",
        showAs=body_name)
    preface = _el(act, "preface")
    title = _el(_el(preface, "longTitle", eId="longTitle"), "p")
    _el(title, "docTitle", m.title_en if en else m.title_zh)
    if reg.text.note and not en:
        _el(preface, "p", reg.text.note, eId="preface__p_1")
    body = _el(act, "body")

    def text_of(eid: str, zh: str) -> str:
        return (gloss.unit(eid) or "") if en else zh

    def article(parent, art) -> None:
        a = _el(parent, "article", eId=art.eid)
        _el(a, "num", f"Article {art.number}" if en else art.label)
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
            _el(c, "num", f"Chapter {ch.number}" if en else ch.label)
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
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# Made by other contributors; listed on the downloads page when the module that makes them is registered.
OTHER_DATA = [("data/glossary.json", "术语表", "glossary of terms"),  # listed when a feature generated it
              ("data/alignment.json", "两省条文对照", "topic concordance of the two regulations")]


# ------------------------------------------------------------------------------------ downloads
def size(content) -> str:
    n = len(content.encode("utf-8") if isinstance(content, str) else content)
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


def downloads_page(site, made: dict[str, str | bytes], pdfs: dict[str, bytes]) -> str:
    def link(src: str, text: str) -> str:
        return f'<a href="{site.urls.rel(DOWNLOADS_SRC, src)}" download>{esc(text)}</a> <small>({size(made[src])})</small>'

    rows = []
    for reg in site.regs:
        pdf = (link(f"downloads/{reg.id}.pdf", f"{reg.id}.pdf") if reg.id in pdfs else
               f'<span class="lex-dl-missing">{bi("本次构建未生成", "not generated in this build")}</span>')
        rows.append(
            f'<tr><th scope="row"><a href="{site.urls.rel(DOWNLOADS_SRC, full_text_src(reg.id))}">'
            f'{bi(reg.meta.title_zh, reg.meta.title_en, "<br>")}</a></th>'
            f'<td>{link(f"data/{reg.id}.json", f"{reg.id}.json")}</td>'
            f'<td>{link(f"data/{reg.id}.csv", f"{reg.id}.csv")}</td>'
            f'<td>{link(f"data/{reg.id}.akn.xml", f"{reg.id}.akn.xml")}<br>'
            f'{link(f"data/{reg.id}.en.akn.xml", f"{reg.id}.en.akn.xml")}</td>'
            f"<td>{pdf}</td></tr>")
    whole = [f"<li>{link('data/anchors.json', 'anchors.json')} — "
             f"{bi('每个可引用单位（条、款、项）的 eId、网址与引用', 'every citable unit (article, paragraph, item): eId, URL, citations')}</li>"]
    for src, zh, en in OTHER_DATA:
        if src in made:
            whole.append(f'<li><a href="{site.urls.rel(DOWNLOADS_SRC, src)}" download>{src.split("/")[-1]}</a> — '
                         f"{bi(zh, en)}</li>")
    head = "".join(f"<th scope=\"col\">{bi(zh, en, '<br>')}</th>" for zh, en in (
        ("法规", "Regulation"), ("JSON", "JSON"), ("CSV（每款、每项一行）", "CSV (a row per paragraph / item)"),
        ("Akoma Ntoso 3.0（中文 / 英文）", "Akoma Ntoso 3.0 (zh / en)"), ("PDF（中英对照）", "PDF (bilingual)")))
    return "\n".join([
        front_matter(title="下载 · Downloads"),
        "<!-- Generated by build_scripts/features/opendata.py; do not edit. -->",
        "",
        f"# {bi('下载与开放数据', 'Downloads and open data')} {{: #downloads }}",
        "",
        f'<div class="lex-dl"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>',
        "",
        f"<ul>{''.join(whole)}</ul>",
        "",
        f'<p lang="zh-Hans">PDF 由 <code>python -m build_scripts pdf</code> 生成（<code>make build</code> 会先运行它）；'
        f'若本次构建没有与当前文本一致的 PDF，上表如实注明“未生成”。</p>',
        f'<p lang="en">PDFs are made by <code>python -m build_scripts pdf</code> (run by <code>make build</code>); '
        f'when this build has no PDF made from the current text, the table says “not generated”.</p>',
        "",
        f"## {bi('格式说明', 'Formats')} {{: #formats }}",
        "",
        "<ul>"
        f'<li><span lang="zh-Hans">JSON：结构与键名见“数据与网址”页。</span> '
        f'<span lang="en">JSON: keys as documented on the Data and URLs page.</span></li>'
        f'<li><span lang="zh-Hans">CSV：UTF-8（含 BOM），每款、每项一行；尚无英文译文时 en 为空。</span> '
        f'<span lang="en">CSV: UTF-8 with BOM, one row per paragraph and per item; en is empty where no gloss exists yet.</span> '
        f"<code>{', '.join(CSV_FIELDS)}</code></li>"
        f'<li><span lang="zh-Hans">Akoma Ntoso 3.0：eId 与 JSON 导出相同；中文文件为法规文本，英文文件为本版译文（FRBRtranslation）。</span> '
        f'<span lang="en">Akoma Ntoso 3.0: eIds as in the JSON export; the zh file is the legal text, the en file the '
        f'edition’s gloss as a translation expression (FRBRtranslation).</span></li>'
        "</ul>",
        "",
        f"## {bi('许可', 'Licence')} {{: #licence }}",
        "",
        f'<p lang="zh-Hans">法规中文文本是官方立法文件。依照《中华人民共和国著作权法》第五条，法律、法规及其他具有立法性质的文件不适用该法，本版照录原文，不主张任何权利。</p>',
        f'<p lang="en">The Chinese text of the regulations is an official legislative document. Under Article 5 of the '
        f'Copyright Law of the People’s Republic of China, laws, regulations and other documents of a legislative '
        f'nature are not subject to that Law; this edition reproduces the text unaltered and claims no rights in it.</p>',
        f'<p lang="zh-Hans">本版自行添加的内容——英文译文、编者所加条标题、注释、术语表、条文对照及数据结构——由本版选择以 '
        f'<a href="{LICENCE_URL}">{LICENCE}</a>（知识共享署名 4.0 国际）许可发布。引用时请注明“平安建设条例双语版”及链接。</p>',
        f'<p lang="en">The edition’s own additions — the English gloss, the editorial article headings, the annotations, '
        f'the glossary, the concordance and the data structure — are released under <a href="{LICENCE_URL}">{LICENCE}</a> '
        f'(Creative Commons Attribution 4.0 International), a licence chosen by this edition. Attribute them to '
        f'“Ping’an Construction Regulations bilingual edition” with a link. The English is an unofficial gloss; '
        f'the Chinese text is authoritative.</p>',
        "",
    ])


def available_pdf(reg_id: str, source_html: str) -> bytes | None:
    """The PDF made for this exact source HTML by `edition pdf`, or None. (The one read of this module.)"""
    from build_scripts.features.pdf import PDF_DIR, source_hash
    pdf, stamp = PDF_DIR / f"{reg_id}.pdf", PDF_DIR / f"{reg_id}.pdf.sha256"
    if pdf.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == source_hash(source_html):
        return pdf.read_bytes()
    return None


def files(site, generated) -> dict[str, str | bytes]:
    """CSV, Akoma Ntoso and PDFs, and the downloads page, which lists them with every data file
    generated before (`generated`: the core's data/<id>.json, citations' anchors.json)."""
    from build_scripts.features.pdf import pdf_html
    made: dict[str, str | bytes] = {}
    pdfs: dict[str, bytes] = {}
    for reg in site.regs:
        gloss = site.glosses[reg.id]
        made[f"data/{reg.id}.csv"] = regulation_csv(reg, gloss)
        made[f"data/{reg.id}.akn.xml"] = akn_xml(reg, gloss, "zh")
        made[f"data/{reg.id}.en.akn.xml"] = akn_xml(reg, gloss, "en")
        pdf = available_pdf(reg.id, pdf_html(reg, gloss, site.site_url))
        if pdf is not None:
            pdfs[reg.id] = made[f"downloads/{reg.id}.pdf"] = pdf
    sizes = {src: content for src, content in generated.items() if src.startswith("data/")}
    out = dict(made)
    out[DOWNLOADS_SRC] = downloads_page(site, {**made, **sizes}, pdfs)
    return out


def nav(site) -> list:
    return [{"下载 Downloads": DOWNLOADS_SRC}]


class OpenData(FeatureBase):
    """CSV, Akoma Ntoso, PDFs and the downloads page (registered last: it lists every data file)."""
    name = "opendata"

    def files(self, made) -> dict[str, str | bytes]:
        return files(self.site, made)

    def nav(self) -> list:
        return nav(self.site)
