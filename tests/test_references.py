"""Cross-references: resolution on the structured data (table-driven), the real texts' references,
failures on dead references, and the links and "Referred to by" blocks in the built site."""
import re
from dataclasses import replace

import pytest

from build_scripts.enrich.edition import reference_notices
from build_scripts.enrich.references import (
    KINDS,
    PATTERN,
    ReferenceError,
    incoming,
    notice,
    repealed_law,
    resolve,
    resolve_unit,
)
from build_scripts.model.regulation import Unit, item_eid, para_eid, units
from build_scripts.parse.corpus import CorpusError


def unit_at(reg, eid: str, text: str) -> Unit:
    """A unit with made-up text at a real position (article, paragraph, item) of a regulation."""
    parts = dict(p.split("_", 1) for p in eid.split("__"))
    return Unit(eid, int(parts["art"]), int(parts["para"]), int(parts["point"]) if "point" in parts else None, text)


def only(reg, eid, text):
    refs = resolve_unit(reg, unit_at(reg, eid, text), repealed_law(reg))
    assert len(refs) == 1, refs
    return refs[0]


# (regulation, unit the text stands in, text, expected reference text, kind, target)
# Positions were chosen by reading the structure: Jiangxi Art. 11 has 3 paragraphs (7 items in the
# 2nd), Art. 12 has 4 paragraphs, Art. 58 has 2 (7 items in the 1st); Shanxi Art. 44 has 2 (8 items in the 1st).
CASES = [
    ("jiangxi", "art_58__para_2", "依照本条例第十二条的规定", "本条例第十二条", "article", "art_12"),
    ("jiangxi", "art_58__para_2", "依照第十二条规定", "第十二条", "article", "art_12"),
    ("jiangxi", "art_58__para_2", "违反第十二条第二款规定的", "第十二条第二款", "paragraph", "art_12__para_2"),
    ("jiangxi", "art_1__para_1", "本条例第十一条第二款第三项", "本条例第十一条第二款第三项", "item", "art_11__para_2__point_3"),
    ("jiangxi", "art_1__para_1", "第十一条第二款第（三）项", "第十一条第二款第（三）项", "item", "art_11__para_2__point_3"),
    ("jiangxi", "art_1__para_1", "依照第六十三条", "第六十三条", "article", "art_63"),
    ("jiangxi", "art_12__para_3", "前款所列单位", "前款", "preceding_paragraph", "art_12__para_2"),
    ("jiangxi", "art_12__para_2", "违反前款规定的", "前款规定", "preceding_paragraph", "art_12__para_1"),
    ("jiangxi", "art_12__para_3", "前两款规定的单位", "前两款", "preceding_paragraphs", "art_12__para_1"),
    ("jiangxi", "art_12__para_4", "前三款", "前三款", "preceding_paragraphs", "art_12__para_1"),
    ("jiangxi", "art_12__para_2", "本条所称单位", "本条", "this_article", "art_12"),
    ("jiangxi", "art_12__para_2", "本条第四款", "本条第四款", "paragraph", "art_12__para_4"),
    ("jiangxi", "art_12__para_2", "依照第四款", "第四款", "paragraph", "art_12__para_4"),
    ("jiangxi", "art_11__para_3", "第二款第七项", "第二款第七项", "item", "art_11__para_2__point_7"),
    ("jiangxi", "art_11__para_2__point_1", "除第三项外", "第三项", "item", "art_11__para_2__point_3"),
    ("jiangxi", "art_11__para_3", "前款第（二）项", "前款第（二）项", "item", "art_11__para_2__point_2"),
    ("jiangxi", "art_12__para_2", "本款", "本款", "this_paragraph", "art_12__para_2"),
    ("jiangxi", "art_11__para_2__point_4", "本项", "本项", "this_item", "art_11__para_2__point_4"),
    ("jiangxi", "art_12__para_1", "前条规定的", "前条", "preceding_article", "art_11"),
    ("jiangxi", "art_11__para_2", "统筹协调机构履行下列职责：", "下列职责", "list", "art_11__para_2"),
    ("jiangxi", "art_58__para_2", "采取下列方式处理：通报、约谈", "下列方式", "list", "art_58__para_2"),
    ("jiangxi", "art_1__para_1", "适用本条例。", "本条例", "regulation", None),
    ("jiangxi", "art_1__para_1", "《江西省平安建设条例》第十三条", "《江西省平安建设条例》第十三条", "article", "art_13"),
    ("jiangxi", "art_1__para_1", "《江西省社会治安综合治理条例》", "《江西省社会治安综合治理条例》", "repealed_law", "art_63__para_1"),
    ("shanxi", "art_44__para_2", "有前款第（二）项情形的", "前款第（二）项", "item", "art_44__para_1__point_2"),
    ("shanxi", "art_44__para_2", "有前款情形的", "前款", "preceding_paragraph", "art_44__para_1"),
    ("shanxi", "art_1__para_1", "《山西省社会治安综合治理条例》", "《山西省社会治安综合治理条例》", "repealed_law", "art_46__para_2"),
    ("shanxi", "art_1__para_1", "依照本条例第四十六条第二款", "本条例第四十六条第二款", "paragraph", "art_46__para_2"),
    # another law cited by title: recorded, not linked (a new regulation may cite laws this edition lacks)
    ("jiangxi", "art_1__para_1", "依照《中华人民共和国治安管理处罚法》", "《中华人民共和国治安管理处罚法》", "external_law", None),
]


@pytest.mark.parametrize("reg_id,eid,text,ref_text,kind,target", CASES, ids=[c[2] for c in CASES])
def test_resolution(regs, reg_id, eid, text, ref_text, kind, target):
    r = only(regs[reg_id], eid, text)
    assert (r.text, r.kind, r.target) == (ref_text, kind, target)
    assert text[r.start:r.end] == ref_text and r.kind in KINDS


def test_multi_targets(regs):
    jx = regs["jiangxi"]
    assert only(jx, "art_12__para_3", "前两款").targets == ("art_12__para_1", "art_12__para_2")
    assert only(jx, "art_12__para_4", "前三款").targets == ("art_12__para_1", "art_12__para_2", "art_12__para_3")
    assert only(jx, "art_11__para_2", "下列职责：").targets == tuple(item_eid(11, 2, i) for i in range(1, 8))
    repealed = only(jx, "art_63__para_1", "《江西省社会治安综合治理条例》")
    assert repealed.note == {"law": "江西省社会治安综合治理条例", "article": 63, "effective": "2023-01-01"}


# (regulation, unit, text, kind as read, what the reason must say). Such a reference used to stop the build;
# issue 22: it never stops the publication of a well-formed text and never links to a guess: it stays unlinked,
# says why, and the build prints one notice naming file, line and article (a strict build stops on it).
FAILURES = [
    ("jiangxi", "art_1__para_1", "第六十四条", "article", "has 63 articles"),
    ("shanxi", "art_1__para_1", "本条例第四十七条", "article", "has 46 articles"),
    ("jiangxi", "art_1__para_1", "前款规定", "preceding_paragraph", "first paragraph"),
    ("jiangxi", "art_11__para_2", "前两款", "preceding_paragraphs", "not 2 paragraphs"),
    ("jiangxi", "art_1__para_1", "第十一条第九款", "paragraph", "3 paragraph(s)"),
    ("jiangxi", "art_1__para_1", "第十一条第二款第八项", "item", "7 item(s)"),
    ("jiangxi", "art_1__para_1", "前条", "preceding_article", "first article"),
    ("jiangxi", "art_2__para_1", "本项", "this_item", "outside an item"),
    ("jiangxi", "art_2__para_1", "下列事项", "list", "no list follows"),
]


@pytest.mark.parametrize("reg_id,eid,text,kind,why", FAILURES, ids=[f[2] for f in FAILURES])
def test_unresolvable_reference_is_left_unlinked_with_a_notice(regs, reg_id, eid, text, kind, why):
    reg = regs[reg_id]
    (r,) = resolve_unit(reg, unit_at(reg, eid, text), repealed_law(reg))
    assert (r.text, r.kind, r.target, r.targets, r.resolved) == (text, kind, None, (), False)
    assert why in r.reason and r.json()["unresolved"] == r.reason
    line = notice(reg, r)
    art = reg.article(int(eid.split("__")[0][4:]))
    para = art.paragraphs[int(eid.split("__")[1][5:]) - 1]
    assert line.startswith(f"{reg.source_path}:{para.line}: reference {text!r} in {art.label}")
    assert eid in line and line.endswith(r.reason)


def test_provision_of_the_repealed_law_stays_text(regs):
    """A provision of the law this regulation repeals is another law's provision: text, no target, no notice
    (it used to stop the build as "a provision of a repealed law")."""
    jx = regs["jiangxi"]
    (r,) = resolve_unit(jx, unit_at(jx, "art_1__para_1", "《江西省社会治安综合治理条例》第三条"), repealed_law(jx))
    assert (r.kind, r.target, r.law, r.resolved) == ("external_law", None, "《江西省社会治安综合治理条例》", True)


def _with_dead_reference(jx):
    art = jx.article(7)
    bad_para = replace(art.paragraphs[0], text="依照前款规定，" + art.paragraphs[0].text)
    bad_art = replace(art, paragraphs=(bad_para,) + art.paragraphs[1:])
    arts = tuple(bad_art if a.number == 7 else a for a in jx.articles)
    return replace(jx, text=replace(jx.text, articles=arts))


def test_dead_reference_is_not_linked_and_strict_stops(regs, tmp_path):
    """前款 in a first paragraph: left unlinked with one notice; a strict build stops on that line."""
    strict_meta = _with_dead_reference(regs["jiangxi"])
    bad = replace(strict_meta, meta=replace(strict_meta.meta, references=None))
    refs = resolve(bad)
    (dead,) = [r for r in refs["art_7__para_1"] if not r.resolved]
    assert dead.text == "前款规定" and dead.target is None
    assert not incoming(refs).get(7) or all(r is not dead for r in incoming(refs)[7])
    (line,) = reference_notices(tmp_path, bad, refs)
    assert line.startswith(f"corpus/jiangxi/source.txt:{bad.article(7).line}: reference '前款规定' in 第七条")
    with pytest.raises(ReferenceError, match="第七条.*expected every reference resolved [(]--strict[)]"):
        reference_notices(tmp_path, bad, refs, strict=True)
    with pytest.raises(ReferenceError, match="references: strict in meta.yaml"):
        reference_notices(tmp_path, strict_meta, refs)
    assert isinstance(ReferenceError("x"), CorpusError)


def test_the_projects_own_corpus_resolves_strictly(regs):
    """The corpus checks itself strictly: every meta.yaml says references: strict, and nothing is unresolved."""
    for reg in regs.values():
        assert reg.meta.references == "strict", reg.id
        assert not [r for rs in resolve(reg).values() for r in rs if not r.resolved]


# Every reference in the two texts, read off the texts (grep for 本条例, 前款, 下列, 《, 第…条/款/项):
# (eid, text, kind, target)
EXPECTED = {
    "shanxi": [
        ("art_1__para_1", "本条例", "regulation", None),
        ("art_2__para_1", "本条例", "regulation", None),
        ("art_2__para_2", "本条例", "regulation", None),
        ("art_7__para_1", "下列职责", "list", "art_7__para_1"),
        ("art_9__para_1", "下列职责", "list", "art_9__para_1"),
        ("art_44__para_1", "本条例", "regulation", None),
        ("art_44__para_1", "下列情形之一", "list", "art_44__para_1"),
        ("art_46__para_1", "本条例", "regulation", None),
        ("art_46__para_2", "《山西省社会治安综合治理条例》", "repealed_law", "art_46__para_2"),
    ],
    "jiangxi": [
        ("art_1__para_1", "本条例", "regulation", None),
        ("art_2__para_1", "本条例", "regulation", None),
        ("art_2__para_2", "本条例", "regulation", None),
        ("art_11__para_2", "下列职责", "list", "art_11__para_2"),
        ("art_58__para_1", "下列情形之一", "list", "art_58__para_1"),
        ("art_58__para_2", "前款", "preceding_paragraph", "art_58__para_1"),
        ("art_58__para_2", "下列方式", "list", "art_58__para_2"),
        ("art_63__para_1", "本条例", "regulation", None),
        ("art_63__para_1", "《江西省社会治安综合治理条例》", "repealed_law", "art_63__para_1"),
    ],
}


@pytest.mark.parametrize("reg_id", ["shanxi", "jiangxi"])
def test_every_reference_of_the_texts(regs, reg_id):
    got = [(eid, r.text, r.kind, r.target) for eid, rs in resolve(regs[reg_id]).items() for r in rs]
    assert got == EXPECTED[reg_id]


TRIGGERS = re.compile(r"本条|前[两二三四]?款|前条|本款|本项|下列|《|第[零一二三四五六七八九十百两（）]+[条款项]")


@pytest.mark.parametrize("reg_id", ["shanxi", "jiangxi"])
def test_no_trigger_left_unresolved(regs, reg_id):
    """Every place in the text that looks like a reference is covered by a resolved reference."""
    refs = resolve(regs[reg_id])
    for u in units(regs[reg_id].articles):
        for m in TRIGGERS.finditer(u.zh):
            assert any(r.start <= m.start() < r.end for r in refs[u.eid]), (u.eid, m.group())


@pytest.mark.parametrize("reg_id", ["shanxi", "jiangxi"])
def test_every_qian_kuan_is_the_paragraph_before(regs, reg_id):
    refs = resolve(regs[reg_id])
    found = 0
    for u in units(regs[reg_id].articles):
        start = u.zh.find("前款")
        while start >= 0:
            r = next(r for r in refs[u.eid] if r.start == start)
            before = para_eid(u.article, u.paragraph - 1)
            assert r.target == before or r.target.startswith(before + "__point_"), (u.eid, r)
            found += 1
            start = u.zh.find("前款", start + 1)
    assert found == {"shanxi": 0, "jiangxi": 1}[reg_id]  # read off the texts: Jiangxi Art. 58(2) only


def test_pattern_does_not_take_ordinary_words():
    """第一责任人, 第三方 and 12345 are no references."""
    text = "为平安建设工作的第一责任人；委托第三方进行；通过12345等平台"
    assert not list(PATTERN.finditer(text))


# ------------------------------------------------------------------ the built site

def xrefs(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<a class="lex-xref" data-ref-kind="([a-z_]+)" href="([^"]*)" title="[^"]*">([^<]*)</a>', html)


def test_links_in_built_pages(built_site):
    jx58 = (built_site / "jiangxi" / "art-58" / "index.html").read_text(encoding="utf-8")
    assert ("preceding_paragraph", "./#para-1", "前款") in xrefs(jx58)
    assert ("list", "./#para-1", "下列情形之一") in xrefs(jx58)
    full = (built_site / "jiangxi" / "index.html").read_text(encoding="utf-8")
    assert ("preceding_paragraph", "#art-58-para-1", "前款") in xrefs(full) or \
        ("preceding_paragraph", "./#art-58-para-1", "前款") in xrefs(full)
    sx1 = (built_site / "shanxi" / "art-1" / "index.html").read_text(encoding="utf-8")
    assert ("regulation", "../#top", "本条例") in xrefs(sx1)
    sx46 = (built_site / "shanxi" / "art-46" / "index.html").read_text(encoding="utf-8")
    repealed = re.search(r'<a class="lex-xref" data-ref-kind="repealed_law" href="./#para-2" title="([^"]*)">', sx46)
    assert repealed and "已废止" in repealed[1] and "Repealed" in repealed[1] and "第四十六条" in repealed[1] and "2023-09-01" in repealed[1]


def test_every_xref_lands_on_an_existing_anchor(built_site, regs):
    from html.parser import HTMLParser

    class Ids(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids = set()

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if "id" in a:
                self.ids.add(a["id"])

    cache: dict = {}
    count = 0
    for page in list(built_site.glob("*/art-*/index.html")) + [built_site / r / "index.html" for r in regs]:
        for _kind, href, _ in xrefs(page.read_text(encoding="utf-8")):
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (page, href)
            if target not in cache:
                p = Ids()
                p.feed(target.read_text(encoding="utf-8"))
                cache[target] = p.ids
            assert not anchor or anchor in cache[target], (page, href)
            count += 1
    # per page, articles pages and full texts: 9 + 9 references, each rendered twice
    assert count == 2 * (len(EXPECTED["shanxi"]) + len(EXPECTED["jiangxi"]))


def test_referred_to_by(built_site):
    jx58 = (built_site / "jiangxi" / "art-58" / "index.html").read_text(encoding="utf-8")
    block = jx58[jx58.index('id="referred-to-by"'):]
    block = block[:block.index("</section>")]
    assert '<a href="./#para-2">' in block and "前款" in block and "第五十八条第一款" in block
    sx5 = (built_site / "shanxi" / "art-5" / "index.html").read_text(encoding="utf-8")
    assert "No other provision of these Regulations refers to this article." in sx5


def test_external_law_is_recorded_without_a_target(regs):
    reg = regs["jiangxi"]
    unit = unit_at(reg, "art_1__para_1", "依照《中华人民共和国治安管理处罚法》处理。")
    (ref,) = resolve_unit(reg, unit, repealed_law(reg))
    assert (ref.kind, ref.target, ref.json()["target"]) == ("external_law", None, None)


def test_article_referred_to_by_a_paragraph_and_its_items(tmp_path):
    """A penalty paragraph that cites an article (违反本条例第二十条规定的) and whose items cite that article's items
    (第一项, 第二项): the article's page lists them all, the paragraph first, then its items (a real regulation of
    bench/laws, which stopped the build with 111 regulations: the sort compared a paragraph's None with an item's
    number)."""
    import shutil
    from pathlib import Path

    from build_scripts.enrich.edition import load_edition
    from build_scripts.features.annotate import Annotate
    from build_scripts.model.ref import Ref
    from build_scripts.render.context import Site
    root = Path(__file__).resolve().parent.parent
    corpus = tmp_path / "corpus"
    shutil.copytree(root / "corpus", corpus)
    shutil.copytree(root / "bench" / "laws" / "l021", corpus / "l021")
    site = Site(load_edition(corpus))
    reg = site.reg("l021")
    sources = [r.source for r in site.edition.referred_by["l021"][20]]
    assert "art_28__para_1" in sources and "art_28__para_1__point_1" in sources
    block = Annotate(site).article_block(Ref(reg, 20), "l021/art-20.md")
    links = re.findall(r'href="\.\./art-28/#(para-1(?:-item-\d+)?)"', block)
    assert links[0] == "para-1" and links[1:] == sorted(links[1:], key=lambda a: int(a.rsplit("-", 1)[1]))
