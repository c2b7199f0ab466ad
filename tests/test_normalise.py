"""Table-driven parser tests: one small input and its expected parse each."""
import pytest

from build_scripts.parse.normalise import SourceError, canonical_source, parse, reconstruct


def shape(parsed):
    """Compact structure: 'art:items-per-paragraph', e.g. '1:0,3' = article 1, two paragraphs, 0 and 3 items."""
    return " ".join(f"{a.number}:" + ",".join(str(len(p.items)) for p in a.paragraphs) for a in parsed.articles)


PARSE_CASES = [
    # (id, raw text, expected shape, check)
    ("ideographic space", "第一条　为了规范，制定本条例。", "1:0", lambda p: p.articles[0].paragraphs[0].text == "为了规范，制定本条例。"),
    ("ascii space", "第一条 为了规范，制定本条例。", "1:0", None),
    ("several spaces", "第一条 \u3000 为了规范，制定本条例。", "1:0", None),
    ("BOM", "\ufeff第一条　甲。\n第二条　乙。", "1:0 2:0", None),
    ("CRLF", "第一条　甲。\r\n乙。\r\n第二条　丙。\r\n", "1:0,0 2:0", None),
    ("CR only", "第一条　甲。\r第二条　乙。", "1:0 2:0", None),
    ("two paragraphs", "第一条　甲。\n乙。", "1:0,0", None),
    ("inline items", "第一条　职责：（一）甲；（二）乙；（三）丙。", "1:3",
     lambda p: [i.text for i in p.articles[0].paragraphs[0].items] == ["甲；", "乙；", "丙。"]),
    ("half-width items, labels kept as written", "第一条　职责：(一)甲；(二)乙。", "1:2",
     lambda p: [i.label for i in p.articles[0].paragraphs[0].items] == ["(一)", "(二)"]),
    ("mixed bracket widths", "第一条　职责：（一）甲；(二)乙。", "1:2", None),
    ("items on own lines", "第一条　职责：\n（一）甲；\n（二）乙。\n后段。", "1:2,0", None),
    ("county brackets stay text", "第一条　县（市、区）人民政府负责。", "1:0", None),
    ("citation of an item stays text", "第一条　职责：（一）甲；（二）乙。\n违反本条第（一）项的，处理。", "1:2,0",
     lambda p: p.articles[0].paragraphs[1].text == "违反本条第（一）项的，处理。"),
    ("lead numbering not restarted", "第一条　有下列情形：（一）甲；（二）乙，（三）丙。", "1:2", None),
    ("chapters", "第一章　总则\n第一条　甲。\n第二章 附 则\n第二条　乙。", "1:0 2:0",
     lambda p: [(c.number, c.title, c.articles) for c in p.chapters] == [(1, "总则", (1,)), (2, "附则", (2,))]),
    ("sections", "第一章 总则\n第一节 一般规定\n第一条 甲。\n第二节 其他\n第二条 乙。", "1:0 2:0",
     lambda p: [s.articles for s in p.chapters[0].sections] == [(1,), (2,)]),
    ("title and note", "某省平安建设条例\n（2022年 11月 25日通过）\n第一条 甲。", "1:0",
     lambda p: (p.title, p.note) == ("某省平安建设条例", "（2022年11月25日通过）")),
    ("note over two lines", "某省平安建设条例\n\n（2022年11月25日某省人大常委\n\n会通过）\n 第一章 总 则\n第一条 甲。", "1:0",
     lambda p: p.note == "（2022年11月25日某省人大常委会通过）"),
    ("latin digits spaced", "第一条 本条例自 2023 年 1 月 1 日起施行。", "1:0",
     lambda p: p.articles[0].paragraphs[0].text == "本条例自2023年1月1日起施行。"),
    ("article label kept", "第一条 甲。\n第二条 乙。\n第三条 丙。\n第四条 丁。\n第五条 戊。\n第六条 己。\n第七条 庚。\n"
     "第八条 辛。\n第九条 壬。\n第十条 癸。\n第十一条 子。", "1:0 2:0 3:0 4:0 5:0 6:0 7:0 8:0 9:0 10:0 11:0",
     lambda p: p.articles[10].label == "第十一条"),
]


@pytest.mark.parametrize("raw,expected,check", [c[1:] for c in PARSE_CASES], ids=[c[0] for c in PARSE_CASES])
def test_parse(raw, expected, check):
    parsed = parse(raw, "t.txt")
    assert shape(parsed) == expected
    assert reconstruct(parsed) == canonical_source(raw)
    if check:
        assert check(parsed)


# A wrapped (PDF) text: full line 26 columns, first lines indented two columns.
WRAPPED = """
某省平安建设条例

 第一章 总 则

第一条 为了建设更高水平的平安某省，提高社会治理

能力，维护社会长治久安，结合本省实际，制定本条例。

第二条 本省行政区域内平安建设及其相关监督管理

活动，适用本条例。

本条例所称平安建设，是指组织和动员全社会力量，加

强和创新社会治理。

第三条 统筹协调机构履行下列职责：

（一）贯彻落实党中央、国务院关于平安建设的决策部

署和党委政府的工作要求；

（二）处理协调平安建设其他工作。

统筹协调机构下设办公室，负责统筹协调机构日常工作，

具体工作职责由统筹协调机构确定。

第四条 县级以上人民政府应当建立健全应急管理

体制，制定突发事件应急预案，建设应急综合指挥平台，完

善突发事件应急处置机制，强化综合实战演练和培训教育。

县级以上人民政府自然资源、卫生健康等有关主管部门

应当根据自身工作职责和本级人民政府相关应急预案，制定

相关预案。

第五条 机关、团体、企业事业单位以及其他组织应当

应当加强意识形态安全工作，落实意识形态阵地建设和管理。

人民法院、人民检察院、公安机关、国家安全机关、司法行

政部门以及相关部门，应当发挥职能作用。
"""

WRAPPED_CASES = [
    ("short last line ends paragraph", 2, ["本省行政区域内平安建设及其相关监督管理活动，适用本条例。",
                                           "本条例所称平安建设，是指组织和动员全社会力量，加强和创新社会治理。"]),
    ("items then a new paragraph", 3, ["统筹协调机构履行下列职责：", "统筹协调机构下设办公室，负责统筹协调机构日常工作，具体工作职责由统筹协调机构确定。"]),
    ("full line ending 。 then an indented line: new paragraph", 4, 2),
    ("overhanging line then a full line: same paragraph", 5, 1),
]


@pytest.mark.parametrize("article,expected", [c[1:] for c in WRAPPED_CASES], ids=[c[0] for c in WRAPPED_CASES])
def test_wrapped_geometry(article, expected):
    parsed = parse(WRAPPED, "w.txt", "wrapped")
    paras = parsed.articles[article - 1].paragraphs
    if isinstance(expected, int):
        assert len(paras) == expected
    else:
        assert [p.text for p in paras] == expected
    assert reconstruct(parsed) == canonical_source(WRAPPED)


def test_wrapped_detected_and_chapter_title_spaces_removed():
    parsed = parse(WRAPPED, "w.txt")
    assert parsed.title == "某省平安建设条例"
    assert [(c.label, c.title) for c in parsed.chapters] == [("第一章", "总则")]
    assert [len(i.text) > 0 for i in parsed.articles[2].paragraphs[0].items] == [True, True]


BAD_CASES = [
    # (id, raw, line, message fragment)
    ("empty file", "", 1, "empty file"),
    ("blank lines only", "\n \n\u3000\n", 1, "empty file"),
    ("BOM only", "\ufeff", 1, "empty file"),
    ("missing article", "第一条　甲。\n第三条　丙。", 2, "missing article 2"),
    ("duplicated article", "第一条　甲。\n第二条　乙。\n第二条　丙。", 3, "duplicated or out-of-order article number 第二条"),
    ("out of order", "第一条　甲。\n第二条　乙。\n第一条　丙。", 3, "duplicated or out-of-order"),
    ("first article not 1", "第二条　乙。", 1, "missing article 1"),
    ("unknown heading", "第一条　甲。\n第一编　总则\n第二条　乙。", 2, "unknown heading"),
    ("heading without punctuation", "第一条　甲。\n附则\n第二条　乙。", 2, "a line of its own without punctuation, '附则'"),
    ("text before first article", "说明：本文仅供参考。\n第一条　甲。", 1, "unexpected text before the first article"),
    ("text before first article after title", "某省平安建设条例\n说明文字。\n第一条　甲。", 2, "unexpected text before the first article"),
    ("no article at all", "某省平安建设条例", 1, "no article found"),
    ("item out of order", "第一条　职责：\n（二）甲。", 2, "（二） out of order, and no item （一） before it"),
    ("item skipped", "第一条　职责：\n（一）甲；\n（三）丙。", 3, "（三） out of order, and no item （二） before it"),
    ("missing chapter", "第一章 总则\n第一条 甲。\n第三章 附则\n第二条 乙。", 3, "missing chapter 2"),
    ("empty chapter", "第一章 总则\n第二章 附则\n第一条 甲。", 1, "has no article"),
    ("article without text", "第一条\n第二条 乙。", 1, "has no text"),
    ("unclosed note", "某省平安建设条例\n（2022年通过\n第一条 甲。", 2, "unclosed parenthesised note"),
]


@pytest.mark.parametrize("raw,line,fragment", [c[1:] for c in BAD_CASES], ids=[c[0] for c in BAD_CASES])
def test_bad_input_names_file_and_line(raw, line, fragment):
    with pytest.raises(SourceError) as err:
        parse(raw, "corpus/x/source.txt")
    assert err.value.line == line
    assert fragment in err.value.message
    assert str(err.value).startswith(f"corpus/x/source.txt:{line}: ")
