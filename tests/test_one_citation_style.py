"""One provision is cited one way on every surface: pages, tooltips, "referred to by", comparison, copy
citation, resolver, search index, JSON, CSV, Akoma Ntoso and the PDF's HTML — the style of model/ref.py."""
import re

import pytest

from build_scripts.model.ref import Ref
from build_scripts.render import pdf

# Any English provision label with a paragraph or item: Art. 15(2), art. 11(2)(iii), Article 7(1)(3), 7, item 3
LABEL = re.compile(r"\b([Aa]rt(?:icle)?s?\.?) ?(\d+)((?:\([0-9ivx]+\))+|, item \d+)")
OUR_STYLE = re.compile(r"Art\. \d+(?:\(\d+\)(?:\(\d+\))?|, item \d+)")
# The cite page shows forms the resolver *reads*; it presents them as input, inside <code>.
INPUT_EXAMPLES = re.compile(r"<code>[^<]*</code>")
SURFACES = ("*.html", "*.json", "*.js", "*.csv", "*.xml")


def surfaces(built_site, site):
    """(name, text) of every published text file, and of each PDF's source HTML."""
    for pattern in SURFACES:
        for path in built_site.rglob(pattern):
            rel = path.relative_to(built_site).as_posix()
            text = path.read_text(encoding="utf-8", errors="replace")
            if rel.startswith("search/") and '"l":"cite/' in text:
                continue  # the cite page's examples of what the resolver reads, indexed as its text
            else:
                yield rel, INPUT_EXAMPLES.sub("", text)
    for reg in site.regs:
        yield f"PDF of {reg.id}", pdf.pdf_html(site, reg)


@pytest.mark.build
def test_every_provision_label_is_in_the_one_style(built_site, site):
    others = {}
    for name, text in surfaces(built_site, site):
        for m in LABEL.finditer(text):
            if not OUR_STYLE.fullmatch(m.group(0)):
                others.setdefault(m.group(0), name)
    assert others == {}


@pytest.mark.build
def test_one_item_reads_the_same_everywhere(built_site, site):
    """Jiangxi Art. 11(2)(3) and Shanxi's one-paragraph Art. 7, item 3, on each surface that cites them."""
    for ref in (site.ref("jiangxi", 11, 2, 3), site.ref("shanxi", 7, 1, 3)):
        zh, en = ref.label_zh, ref.label_en
        surfaces = {
            "anchors.json": (built_site / "data" / "anchors.json").read_text(encoding="utf-8"),
            "export": (built_site / "data" / f"{ref.reg_id}.json").read_text(encoding="utf-8"),
            "article page": (built_site / ref.page_src.replace(".md", "/index.html")).read_text(encoding="utf-8"),
            "browser data": (built_site / "assets" / "units" / f"{ref.reg_id}.js").read_text(encoding="utf-8"),
        }
        for name, text in surfaces.items():
            assert zh in text and en in text, (name, zh, en)


def test_the_style_itself(edition):
    """The rule for one-paragraph articles: the paragraph is not numbered."""
    jx, sx = edition.reg("jiangxi"), edition.reg("shanxi")
    assert (Ref(jx, 11, 2, 3).label_zh, Ref(jx, 11, 2, 3).label_en) == ("第十一条第二款第（三）项", "Art. 11(2)(3)")
    assert (Ref(sx, 7, 1, 3).label_zh, Ref(sx, 7, 1, 3).label_en) == ("第七条第（三）项", "Art. 7, item 3")
    assert Ref(jx, 15, 2).citation == {"zh": "《江西省平安建设条例》第十五条第二款",
                                       "en": "Jiangxi Province Regulations on Ping'an-Building, Art. 15(2)"}
