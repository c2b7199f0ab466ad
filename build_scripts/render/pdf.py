"""Bilingual PDF of each regulation: cover, table of contents with page numbers, Chinese and English
side by side (the shared unit row of _lex.j2), paragraph and item numbers, page numbers. Made with
WeasyPrint (pip; needs the Pango system library, not a browser) in its own step, so that `make serve`
works on a machine without it:

    python -m build_scripts pdf      -> dist/pdf/{id}.pdf and dist/pdf/{id}.pdf.sha256

The HTML comes from render/templates/pdf/document.html.j2 (pdf_html() is pure). The .sha256 file records
the hash of the HTML the PDF was made from; the site build publishes a PDF only when that hash matches
the current text (published()).

A PDF is tagged (PDF/UA-1, document language zh-Hans) and checked before it is kept: a CJK font is
embedded (pdffonts) and its text (pdftotext) holds every character of the regulation's Chinese text.
A PDF that fails a check is removed and the step stops with one line naming the missing font: the
build never publishes a PDF whose Chinese is empty boxes.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path, PurePosixPath
from typing import Any

from build_scripts.enrich.gloss import Gloss
from build_scripts.model.errors import BuildError
from build_scripts.model.ref import Ref, article_title_en, chapter_title_en, chapter_title_zh
from build_scripts.model.regulation import Article, Regulation
from build_scripts.model.urls import full_text_anchor, pdf_src
from build_scripts.render.context import Site
from build_scripts.render.html import render

ROOT = Path(__file__).resolve().parents[2]
PDF_DIR = ROOT / "dist" / "pdf"
FORMAT_VERSION = "2"
CJK_FONT = "Noto Serif CJK SC"          # the font the stylesheet asks for (Debian: fonts-noto-cjk)
CJK_FONT_PS = re.compile(r"Noto\W?(Serif|Sans)\W?CJK", re.I)   # its PostScript names, as pdffonts lists them
FONT_HINT = f"install the {CJK_FONT} font (Debian: apt-get install fonts-noto-cjk poppler-utils; or `make fonts`)"


def source_hash(html: str) -> str:
    import importlib.metadata
    try:
        engine = importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        engine = "none"
    return hashlib.sha256(f"{FORMAT_VERSION}\n{engine}\n{html}".encode()).hexdigest()


# ------------------------------------------------------------------------------------------ HTML
def unit_rows(reg: Regulation, gloss: Gloss, art: Article) -> list[dict[str, Any]]:
    """The rows of one article: a paragraph's lead text and each item, with their numbers. The number
    column shows the paragraph (款) number of a multi-paragraph article; items carry their own (（三） / (3))."""
    multi = len(art.paragraphs) > 1
    rows = []
    for p in art.paragraphs:
        number = str(p.number) if multi else ""
        if p.text:
            ref = Ref(reg, art.number, p.number)
            rows.append({"eid": ref.eid, "kind": "lead", "number": number, "zh": p.text, "en": gloss.unit(ref.eid),
                         "label": None, "en_label": None})
            number = ""
        for i in p.items:
            ref = Ref(reg, art.number, p.number, i.number)
            rows.append({"eid": ref.eid, "kind": "item", "number": number, "zh": i.text, "en": gloss.unit(ref.eid),
                         "label": i.label, "en_label": f"({i.number}) "})
            number = ""
    return rows


def pdf_html(site: Site, reg: Regulation) -> str:
    """The whole PDF as one HTML document (pure)."""
    gloss = site.glosses[reg.id]
    first_of_chapter = {c.articles[0]: c for c in reg.chapters}
    articles = []
    for art in reg.articles:
        heading = gloss.heading(art.number)
        chapter = None
        if art.number in first_of_chapter:
            ch = first_of_chapter[art.number]
            chapter = {"anchor": ch.anchor, "zh": chapter_title_zh(ch),
                       "en": chapter_title_en(ch.number, gloss.chapter(ch.number))}
        articles.append({"anchor": full_text_anchor(art.number), "label": art.label, "chapter": chapter,
                         "en_title": article_title_en(art.number, heading),
                         "units": unit_rows(reg, gloss, art)})
    return render("pdf/document.html.j2", meta=reg.meta, note=reg.text.note, articles=articles,
                  chapters=len(reg.chapters), glossed=gloss.exists, online=site.permalink(f"{reg.id}/"))


def chinese_text(reg: Regulation) -> str:
    """The regulation's Chinese as the PDF must carry it: title, note, labels and every unit."""
    parts = [reg.meta.title_zh, reg.text.note or ""]
    for art in reg.articles:
        parts.append(art.label)
        for p in art.paragraphs:
            parts.append(p.text)
            parts.extend(i.label + i.text for i in p.items)
    for ch in reg.chapters:
        parts += [ch.label, ch.title]
    return "".join(parts)


# ------------------------------------------------------------------------------------------ checks
def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BuildError(f"edition pdf: {name} not found, so the PDFs cannot be checked: "
                         "install poppler-utils (Debian: apt-get install poppler-utils; or `make fonts`)")
    return path


def check_pdf(pdf: Path, reg: Regulation) -> None:
    """Raise BuildError (one line) unless a CJK font is embedded and the text holds every Chinese character."""
    fonts = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    embedded = [line.split()[0] for line in fonts.splitlines()[2:]
                if line.split() and CJK_FONT_PS.search(line.split()[0]) and " yes " in f" {line} "]
    if not embedded:
        raise BuildError(f"edition pdf: {pdf.name} embeds no CJK font (its Chinese would be empty boxes): {FONT_HINT}")
    text = subprocess.run([_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    have = set(text)
    missing = sorted({c for c in chinese_text(reg) if not c.isspace()} - have)
    if missing:
        raise BuildError(f"edition pdf: {pdf.name} lacks {len(missing)} characters of the Chinese text "
                         f"({''.join(missing[:20])}): {FONT_HINT}")


def published(site: Site, reg: Regulation, pdf_dir: Path | None = None) -> bytes | None:
    """The PDF made by `edition pdf` from exactly this build's HTML, or None: the downloads page never
    links a missing or stale PDF."""
    pdf_dir = PDF_DIR if pdf_dir is None else pdf_dir
    pdf = pdf_dir / PurePosixPath(pdf_src(reg.id)).name     # named as its download
    stamp = pdf.with_name(pdf.name + ".sha256")
    if pdf.exists() and stamp.exists() \
            and stamp.read_text(encoding="utf-8").strip() == source_hash(pdf_html(site, reg)):
        return pdf.read_bytes()
    return None


def write_pdf(html: str, out: Path, digest: str) -> None:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango system library is missing
        raise BuildError(f"edition pdf: WeasyPrint is unavailable ({exc}): install requirements.txt and Pango "
                         "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)") from None
    HTML(string=html, base_url=str(ROOT)).write_pdf(str(out), pdf_identifier=digest[:32].encode(),
                                                    pdf_variant="pdf/ua-1", pdf_tags=True)


def make_all(out_dir: Path, corpus: Path, site_url: str | None) -> list[Path]:
    """Write dist/pdf/{id}.pdf for every regulation (skipping those already made from the same HTML),
    and check each: a PDF that fails is removed and the step stops (BuildError). site_url is the site
    build's public base (the CLI reads it from the MkDocs configuration, its one home)."""
    from build_scripts.enrich.edition import load_edition
    site = Site(load_edition(corpus), site_url=site_url)
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for reg in site.regs:
        html = pdf_html(site, reg)
        digest = source_hash(html)
        pdf = out_dir / PurePosixPath(pdf_src(reg.id)).name
        stamp = pdf.with_name(pdf.name + ".sha256")
        if not (pdf.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest):
            stamp.unlink(missing_ok=True)
            tmp = pdf.with_suffix(".pdf.tmp")
            write_pdf(html, tmp, digest)
            os.replace(tmp, pdf)
            stamp.write_text(digest + "\n", encoding="utf-8")
        try:
            check_pdf(pdf, reg)
        except BuildError:
            pdf.unlink(missing_ok=True)
            stamp.unlink(missing_ok=True)
            raise
        made.append(pdf)
    return made
