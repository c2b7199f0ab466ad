"""The real corpus: sources byte for byte, losslessness, counts, and every article's structure."""
import re
from collections import Counter
from pathlib import Path

import pytest

from build_scripts.model.regulation import article_text
from build_scripts.parse.normalise import canonical_source, compact

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SOURCES = {"shanxi": "000_d852713dcb40c35e.txt", "jiangxi": "003_286a4dc6a4efba7f.txt"}

# Paragraph/item structure of every article, read off the source texts by hand:
# "n:a,b" = article n has two paragraphs with a and b items. (Jiangxi's paragraph breaks were read from the
# line geometry of the PDF extraction: short last lines, two-column indents of first lines.)
STRUCTURE = {
    "shanxi": "1:0 2:0,0 3:0 4:0 5:0 6:0,0 7:7 8:0,0 9:8 10:0 11:0 12:0 13:0 14:0 15:0 16:0 17:0 18:0,0 19:0 "
              "20:0 21:0,0 22:0,0 23:0,0 24:0 25:0 26:0 27:0,0 28:0 29:0,0 30:0 31:0 32:0 33:0 34:0 35:0 36:0,0 "
              "37:0 38:0 39:0,0 40:0 41:0,0 42:0 43:0 44:8,0 45:0 46:0,0",
    "jiangxi": "1:0 2:0,0 3:0,0 4:0,0 5:0,0 6:9 7:0 8:0 9:0 10:0,0 11:0,7,0 12:0,0,0,0 13:0,0 14:0,0 "
               "15:0,0,0,0 16:0 17:0 18:0 19:0,0 20:0 21:0 22:0,0 23:0,0 24:0 25:0 26:0 27:0 28:0,0,0 29:0,0,0 "
               "30:0,0 31:0 32:0 33:0,0 34:0,0,0 35:0,0 36:0,0 37:0,0,0 38:0,0,0 39:0,0 40:0,0,0 41:0,0 42:0,0 "
               "43:0 44:0,0,0 45:0,0,0 46:0,0 47:0 48:0 49:0 50:0,0,0 51:0,0 52:0,0 53:0,0,0 54:0,0,0 55:0,0 "
               "56:0 57:0,0 58:7,0 59:0 60:0,0 61:0,0 62:0,0 63:0",
}
CHAPTERS = {
    "jiangxi": [("第一章", "总则", 1, 10), ("第二章", "工作机构和职责", 11, 13), ("第三章", "基层和基础建设", 14, 23),
                ("第四章", "风险防控和矛盾化解", 24, 32), ("第五章", "专项治理和重点监管", 33, 47),
                ("第六章", "社会参与", 48, 56), ("第七章", "监督和奖惩", 57, 62), ("第八章", "附则", 63, 63)],
    "shanxi": [],
}


@pytest.mark.parametrize("reg_id", SOURCES)
def test_source_is_a_byte_copy_of_the_seed(reg_id):
    seed = SEEDS / SOURCES[reg_id]
    if not seed.exists():
        pytest.skip("shared/seeds not beside the checkout")
    assert (ROOT / "corpus" / reg_id / "source.txt").read_bytes() == seed.read_bytes()


@pytest.mark.parametrize("reg_id", SOURCES)
def test_every_article_is_the_source_text_between_its_label_and_the_next(regs, reg_id):
    """Losslessness, witnessed independently of the parser: cut the whitespace-free source at the
    article labels and compare each slice (chapter headings removed) with the parsed article."""
    reg = regs[reg_id]
    source = canonical_source((ROOT / reg.source_path).read_text(encoding="utf-8-sig"))
    for ch in reg.chapters:
        heading = ch.label + ch.title
        assert source.count(heading) == 1
        source = source.replace(heading, "")
    starts = [source.index(a.label + compact(article_text(a))[:6]) for a in reg.articles]
    assert starts == sorted(starts)
    preamble = source[: starts[0]]
    assert preamble == (reg.text.title or "") + (reg.text.note or "")
    for art, start, end in zip(reg.articles, starts, starts[1:] + [len(source)], strict=True):
        assert source[start:end] == art.label + article_text(art).replace("\n", ""), art.label


@pytest.mark.parametrize("reg_id", SOURCES)
def test_same_characters_in_same_number(regs, reg_id):
    reg = regs[reg_id]
    raw = (ROOT / reg.source_path).read_text(encoding="utf-8-sig")
    parsed = "".join(a.label + article_text(a) for a in reg.articles).replace("\n", "")
    parsed += "".join(c.label + c.title for c in reg.chapters) + (reg.text.title or "") + (reg.text.note or "")
    assert Counter(parsed) == Counter(re.sub(r"\s", "", raw.lstrip("\ufeff")))


@pytest.mark.parametrize("reg_id,articles,chapters", [("shanxi", 46, 0), ("jiangxi", 63, 8)])
def test_counts(regs, reg_id, articles, chapters):
    reg = regs[reg_id]
    assert [a.number for a in reg.articles] == list(range(1, articles + 1))
    assert len(reg.chapters) == chapters


@pytest.mark.parametrize("reg_id", SOURCES)
def test_structure_of_every_article(regs, reg_id):
    got = " ".join(f"{a.number}:" + ",".join(str(len(p.items)) for p in a.paragraphs) for a in regs[reg_id].articles)
    assert got == STRUCTURE[reg_id]


@pytest.mark.parametrize("reg_id", SOURCES)
def test_chapters(regs, reg_id):
    got = [(c.label, c.title, c.articles[0], c.articles[-1]) for c in regs[reg_id].chapters]
    assert got == CHAPTERS[reg_id]
    for c in regs[reg_id].chapters:
        assert list(c.articles) == list(range(c.articles[0], c.articles[-1] + 1))


@pytest.mark.parametrize("reg_id,effective,repealed", [
    ("shanxi", "2023-09-01", "山西省社会治安综合治理条例"),
    ("jiangxi", "2023-01-01", "江西省社会治安综合治理条例"),
])
def test_facts_read_from_the_text(regs, reg_id, effective, repealed):
    from build_scripts.parse.corpus import facts_from_text
    facts = facts_from_text(regs[reg_id])
    assert facts["effective"] == effective == regs[reg_id].meta.effective
    assert facts["repeals"]["zh"] == repealed


def test_jiangxi_preamble(regs):
    jx = regs["jiangxi"].text
    assert jx.title == "江西省平安建设条例"
    assert jx.note == "（2022年11月25日江西省第十三届人民代表大会常务委员会第四十二次会议通过）"
    assert regs["jiangxi"].meta.adopted == "2022-11-25"


@pytest.mark.parametrize("reg_id,art,para,item,text", [
    ("shanxi", 7, 1, 7, "开展平安建设其他工作。"),
    ("shanxi", 44, 1, 1, "未落实平安建设工作措施，基层基础工作薄弱，致使社会治安秩序混乱的；"),
    ("jiangxi", 6, 1, 9, "平安建设其他任务。"),
    ("jiangxi", 11, 2, 1, "贯彻落实党中央、国务院关于平安建设的决策部署和党委政府的工作要求；"),
    ("jiangxi", 23, 2, None, "鼓励公众通过12345、12348、12339等便民服务平台咨询、求助、投诉、举报或者提出意见、建议。"),
    ("jiangxi", 12, 4, None, "非成员单位的机关、团体、企业事业单位以及其他组织应当建立和完善平安建设工作制度，落实平安建设主体责任，接受所在地统筹协调机构的指导、督促和检查。"),
])
def test_sample_units(regs, reg_id, art, para, item, text):
    p = regs[reg_id].article(art).paragraphs[para - 1]
    assert (p.items[item - 1].text if item else p.text) == text
