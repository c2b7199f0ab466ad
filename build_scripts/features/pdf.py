"""Bilingual PDF of each regulation: cover, table of contents with page numbers, Chinese and English
side by side, page numbers. Made with WeasyPrint (pip; needs the Pango system library, not a browser)
in its own step, so that `make serve` works on a machine without it:

    python -m build_scripts pdf      -> dist/pdf/<id>.pdf and dist/pdf/<id>.pdf.sha256

pdf_html() is pure. The .sha256 file records the hash of the HTML the PDF was made from; the site build
(build_scripts/features/opendata.py) publishes a PDF only when that hash matches the current text.
"""
from __future__ import annotations

import hashlib
import html as _html
import os
from pathlib import Path

from build_scripts.enrich.gloss import Gloss
from build_scripts.model.regulation import Regulation, full_text_anchor, item_eid, para_eid
from build_scripts.render.pages import AUTHORITY, NO_GLOSS, bi

ROOT = Path(__file__).resolve().parents[2]
PDF_DIR = ROOT / "dist" / "pdf"
FORMAT_VERSION = "1"


def esc(text: str) -> str:
    return _html.escape(text, quote=True)

CSS = """
@page { size: A4; margin: 18mm 15mm 18mm 15mm;
  @top-left { content: string(regtitle); font-size: 7.5pt; color: #666; font-family: "Noto Sans CJK SC", sans-serif; }
  @top-right { content: string(chapter); font-size: 7.5pt; color: #666; font-family: "Noto Sans CJK SC", sans-serif; }
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #444;
                   font-family: "DejaVu Sans", sans-serif; } }
@page:first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10pt; line-height: 1.55; color: #111; }
[lang="en"] { font-family: "Liberation Serif", "DejaVu Serif", serif; }
a { color: inherit; text-decoration: none; }
.cover { page: cover; break-after: page; text-align: center; padding-top: 55mm; string-set: regtitle attr(data-title); }
.cover .kicker { font-size: 10pt; letter-spacing: 0.2em; color: #555; }
.cover h1 { font-size: 26pt; line-height: 1.3; margin: 8mm 0 2mm; bookmark-level: none; }
.cover .title-en { font-size: 15pt; margin: 0 0 10mm; }
.cover .note { font-size: 9.5pt; color: #333; }
.cover dl { display: inline-block; text-align: left; font-size: 9.5pt; margin: 8mm auto; }
.cover dt { float: left; clear: left; width: 40mm; color: #555; }
.cover dd { margin-left: 42mm; }
.cover .small { font-size: 8.5pt; color: #444; margin: 3mm 18mm; text-align: left; }
.toc { break-after: page; }
.toc h2 { font-size: 14pt; bookmark-level: 1; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0.6mm 0; }
.toc li.chapter { margin-top: 2.5mm; font-weight: bold; }
.toc li.article { padding-left: 6mm; font-size: 9pt; }
.toc a::after { content: leader(". ") target-counter(attr(href), page); }
h2.chapter { font-size: 13pt; margin: 7mm 0 3mm; bookmark-level: 1; string-set: chapter content(text);
  break-after: avoid; border-bottom: 0.5pt solid #999; padding-bottom: 1mm; }
h3.article { font-size: 10.5pt; margin: 4mm 0 1mm; bookmark-level: 2; break-after: avoid; }
h3.article .en { font-weight: normal; font-size: 9pt; color: #444; }
table.units { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.units td { vertical-align: top; padding: 0.8mm 2mm 0.8mm 0; width: 50%; }
table.units td.en { padding-left: 3mm; border-left: 0.4pt solid #bbb; font-size: 9.5pt; }
table.units tr { break-inside: avoid; }
table.units tr.item td { padding-left: 4mm; }
table.units tr.item td.en { padding-left: 7mm; }
.missing { font-style: italic; color: #777; font-size: 8.5pt; }
.pnum { font-size: 7pt; color: #777; margin-right: 1mm; font-family: "DejaVu Sans", sans-serif; }
"""


def source_hash(html: str) -> str:
    import importlib.metadata
    try:
        engine = importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        engine = "none"
    return hashlib.sha256(f"{FORMAT_VERSION}\n{engine}\n{html}".encode("utf-8")).hexdigest()


def pdf_html(reg: Regulation, gloss: Gloss, site_url: str | None) -> str:
    """The whole PDF as one HTML document (pure)."""
    m = reg.meta
    online = (site_url or "/") + f"{reg.id}/"
    facts = [(bi("施行日期", "In force"), esc(m.effective or "—"))]
    if m.adopted:
        facts.append((bi("通过日期", "Adopted"), esc(m.adopted)))
    facts.append((bi("条数", "Articles"), str(len(reg.articles))))
    if reg.chapters:
        facts.append((bi("章数", "Chapters"), str(len(reg.chapters))))
    facts.append((bi("网络版", "Online"), f'<a href="{esc(online)}">{esc(online)}</a>'))
    cover = [
        f'<section class="cover" data-title="{esc(m.title_zh)} · {esc(m.title_en)}">',
        f'<p class="kicker">{bi("中英对照本", "Bilingual edition")}</p>',
        f'<h1 lang="zh-Hans">{esc(m.title_zh)}</h1>',
        f'<p class="title-en" lang="en">{esc(m.title_en)}</p>',
    ]
    if reg.text.note:
        cover.append(f'<p class="note" lang="zh-Hans">{esc(reg.text.note)}</p>')
    cover.append("<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
    cover.append(f'<p class="small">{AUTHORITY}</p>')
    if not gloss.exists:
        cover.append(f'<p class="small">{NO_GLOSS}.</p>')
    cover.append('<p class="small"><span lang="zh-Hans">法规中文文本为官方立法文件（《中华人民共和国著作权法》第五条）；'
                 '本版的英文译文、条标题与注释以 CC BY 4.0 许可发布。</span> <span lang="en">The Chinese text is an official '
                 'legislative document (Copyright Law of the PRC, art. 5); the edition’s English gloss, headings and '
                 'annotations are released under CC BY 4.0.</span></p>')
    cover.append("</section>")

    toc = [f'<nav class="toc"><h2>{bi("目录", "Contents")}</h2><ol>']
    body = ["<main>"]
    first_of_chapter = {c.articles[0]: c for c in reg.chapters}
    for art in reg.articles:
        heading = gloss.heading(art.number)
        en_title = f"Article {art.number}" + (f" · {heading}" if heading else "")
        if art.number in first_of_chapter:
            ch = first_of_chapter[art.number]
            en_ch = f"Chapter {ch.number}" + (f" {gloss.chapter(ch.number)}" if gloss.chapter(ch.number) else "")
            toc.append(f'<li class="chapter"><a href="#chp-{ch.number}">{bi(f"{ch.label} {ch.title}", en_ch)}</a></li>')
            body.append(f'<h2 class="chapter" id="chp-{ch.number}">{bi(f"{ch.label} {ch.title}", en_ch)}</h2>')
        anchor = full_text_anchor(art.number)
        toc.append(f'<li class="article"><a href="#{anchor}">{bi(art.label, en_title, " ")}</a></li>')
        body.append(f'<h3 class="article" id="{anchor}"><span lang="zh-Hans">{esc(art.label)}</span> '
                    f'<span class="en" lang="en">{esc(en_title)}</span></h3>')
        body.append('<table class="units">')
        multi = len(art.paragraphs) > 1
        for p in art.paragraphs:
            pid = para_eid(art.number, p.number)
            pnum = f'<span class="pnum">{p.number}</span>' if multi else ""
            rows = []
            if p.text:
                rows.append(("para", pid, pnum, "", "", p.text))
            for i in p.items:
                rows.append(("item", item_eid(art.number, p.number, i.number), "", esc(i.label), f"({i.number}) ", i.text))
            for cls, eid, num, zh_label, en_label, zh in rows:
                en = gloss.unit(eid)
                en_html = (f'<td class="en" lang="en">{en_label}{esc(en)}</td>' if en else
                           f'<td class="en"><span class="missing">{NO_GLOSS}</span></td>')
                body.append(f'<tr class="{cls}"><td class="zh" lang="zh-Hans">{num if cls == "para" else ""}'
                            f'{zh_label}{esc(zh)}</td>{en_html}</tr>')
                num = ""
        body.append("</table>")
    toc.append("</ol></nav>")
    body.append("</main>")
    return "\n".join([
        "<!doctype html>",
        '<html lang="zh-Hans">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(m.title_zh)} · {esc(m.title_en)}</title>",
        '<meta name="author" content="平安建设条例双语版 · Ping’an Construction Regulations bilingual edition">',
        f'<meta name="description" content="{esc(m.title_zh)}（中英对照）/ {esc(m.title_en)} (bilingual)">',
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *cover, *toc, *body,
        "</body>",
        "</html>",
    ])


def site_url() -> str:
    """mkdocs.yml's site_url as the site build will see it (SITE_URL overrides the default there)."""
    from mkdocs.utils.yaml import yaml_load
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["site_url"]


def make_all(out_dir: Path = PDF_DIR) -> list[Path]:
    """Write dist/pdf/<id>.pdf for every regulation (skipping those already made from the same HTML)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango system library is missing
        raise SystemExit(f"edition pdf: WeasyPrint is unavailable ({exc}). Install requirements.txt and the "
                         "Pango library (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk).")
    from build_scripts.parse.corpus import load_all
    from build_scripts.enrich.gloss import load_gloss
    out_dir.mkdir(parents=True, exist_ok=True)
    base = site_url()
    made = []
    for reg in load_all():
        html = pdf_html(reg, load_gloss(reg), base)
        digest = source_hash(html)
        pdf, stamp = out_dir / f"{reg.id}.pdf", out_dir / f"{reg.id}.pdf.sha256"
        if not (pdf.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest):
            tmp = pdf.with_suffix(".pdf.tmp")
            HTML(string=html, base_url=str(ROOT)).write_pdf(str(tmp), pdf_identifier=digest[:32].encode(),
                                                            pdf_version="1.7")
            os.replace(tmp, pdf)
            stamp.write_text(digest + "\n", encoding="utf-8")
        made.append(pdf)
    return made
