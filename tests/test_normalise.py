"""Table-driven parser tests: one small input and its expected parse each."""
from collections import Counter

import pytest

from build_scripts.parse.normalise import (
    SourceError,
    canonical_source,
    compact,
    full_width,
    join_lines,
    parse,
    reconstruct,
    source_lines,
    width,
)


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


# Real lines of ../shared/realworld/dNNN/source.txt (PDF shape, blank lines between lines as there), and the
# logical lines the wrapped reader makes of them: the first eight characters of each (whitespace removed).
WRAPPED_REAL_CASES = [
    # (id naming its realworld folder, source lines, logical line openings, notice fragment or None)
    ('d009: a paragraph opening with 第一款 is text, not an unknown heading',
     [
      '（三）携犬出户时不束犬链，不由成年人牵领，不主动',
      '避让行人，不及时清除犬粪；',
      '（四）驱使或者放任犬只伤害、恐吓他人；',
      '（五）其他违反养犬文明行为规范的行为。',
      '前款第一项规定的列入禁养名录的烈性犬和大型犬的标',
      '准，由市公安机关会同畜牧主管部门确定并向社会公布。',
      '第一款第二项规定以外其他场所的经营管理者，可以决',
      '定其经营管理场所禁止携犬进入。',
      '盲人携带导盲犬和肢体重残人携带扶助犬的，不受第一'],
     ['（三）携犬出户时', '（四）驱使或者放', '（五）其他违反养', '前款第一项规定的', '第一款第二项规定', '盲人携带导盲犬和'], None),
    ('d021: 第六项、… wrapped after …第五项和 continues the citation',
     [
      '水行政主管部门和流域管理机构收到举报应当登记、及',
      '时核实处理，并定期公布处理结果。',
      ' 第五章\u3000法律责任',
      '第三十九条 违反本条例第十九条、第二十条第五项和',
      '第六项、第二十七条、第三十一条、第三十二条规定的，依',
      '照水、防洪、水污染防治、水土保持等法律、法规的有关规',
      '定进行处罚。'],
     ['水行政主管部门和', '第五章法律责任', '第三十九条违反本'], None),
    ('d021: 第三十一条规定… wrapped after …及 is no article',
     [
      '第四十六条 水行政主管部门的执法人员在依法行使监',
      '督检查职责时，发现被检查单位或者个人有违反本条例第十',
      '九条、第二十条、第二十一条、第二十四条、第二十八条及',
      '第三十一条规定违法情形且拒不停止违法行为的，经水行政',
      '主管部门批准，可以查封、扣押实施违法行为的工具及机械',
      '设备等。'],
     ['第四十六条水行政'], None),
    ('d033: 第五项… wrapped after …第四项、 continues',
     [
      '（五）其他镇的总体规划由镇人民政府组织编制，经县',
      '（市）人民政府审批后，报市人民政府备案。',
      '前款第一项至第三项总体规划，在报上级人民政府审批',
      '前，应当先经本级人民代表大会常务委员会审议；第四项、',
      '第五项总体规划，在报上级人民政府审批前，应当先经镇人',
      '民代表大会审议。常务委员会组成人员或者镇人民代表大会',
      '代表的审议意见交由本级人民政府研究处理。'],
     ['（五）其他镇的总', '前款第一项至第三'], None),
    ('d029: 第三项、… wrapped after …第二项、 continues',
     [
      '符合特定区域、时间段或者活动秩序要求的，由城管执法部',
      '门或者镇人民政府、街道办事处按照职责责令改正；拒不改',
      '正的，处五十元以上五百元以下的罚款。',
      '第五十七条 违反本条例第四十八条第一项、第二项、',
      '第三项、第四项规定，从事相关禁止行为的，由城管执法部',
      '门或者镇人民政府、街道办事处按照职责责令改正；拒不改',
      '正的，处一百元以上一千元以下的罚款。'],
     ['符合特定区域、时', '第五十七条违反本'], None),
    ('d089: 第一项、… wrapped after …第十八条 continues',
     [
      '或者驾驶人擅自拆除、闲置、更改在用机动车排气污染控制',
      '装置，造成装置失效使机动车排气污染超过规定标准的，由',
      '生态环境主管部门责令改正，并处五百元以上一千元以下罚',
      '款。',
      '第三十三条 机动车排放检验机构违反本条例第十八条',
      '第一项、第二项、第四项至第六项规定的，由县级以上生态',
      '环境主管部门或者其他有关主管部门责令其停止违法行为，',
      '限期改正，并可以处一万元以上五万元以下罚款；情节严重'],
     ['或者驾驶人擅自拆', '第三十三条机动车'], None),
    ('d071: look-ahead, a 25-character line ending in 。 before a full line opens a paragraph',
     [
      '第十条 少数民族公民受到歧视、侮辱，有权向有关国',
      '家机关提出申诉或者控告，有关国家机关必须依法调查处理。',
      '少数民族公民有使用本民族语言、文字进行诉讼的权利。',
      '司法机关应当对不通晓汉语、汉文的诉讼参与人提供翻译。'],
     ['第十条少数民族公', '少数民族公民有使'], None),
    ('d021: look-ahead, a first line ending in ； before a full line',
     [
      '亲水健身休闲设施。',
      '河湖沿岸的绿化、岸坡及河底防护应当按照河湖功能、',
      '生态和环保景观要求及绿化技术标准，进行统一规划、设计。',
      '河湖管理范围的绿化及其管理维护由河湖管理机构负责；',
      '河湖保护范围的绿化及其管理维护分别由园林绿化、公路、'],
     ['亲水健身休闲设施', '河湖沿岸的绿化、', '河湖管理范围的绿'], None),
    ('d047: a continuation line two columns short of full ended its paragraph',
     [
      '查处违法行为时，各职能部门可以独立执法，也可以多',
      '部门联合执法。独立执法时，公安机关交通管理、城市管理',
      '（综合行政执法）等部门发现上述车辆还存在其他违法行为',
      '的，本部门处理完毕后应当随即移交相关职能部门处理。',
      '联合执法由市、县（市、区）人民政府组织实施。',
      '本条第一款所称建筑退线区，是指城市道路红线或者绿',
      '线与建筑控制线之间的公共场地，是向社会公众开放、供公'],
     ['查处违法行为时，', '联合执法由市、县', '本条第一款所称建'], None),
    ('d089: a one-line sentence opening with 前款 after a full line opens a paragraph',
     [
      '第二条 本条例适用于本省行政区域内由内燃机驱动或',
      '者牵引的机动车向大气环境排放污染物所造成的污染防治。',
      '前款所称机动车不包括铁路机车和拖拉机。',
      '第三条 县级以上生态环境主管部门对本行政区域内的'],
     ['第二条本条例适用', '前款所称机动车不', '第三条县级以上生'], None),
    ('d013: a full line ending in 。, then one line ending in 。: undecidable, one paragraph and a notice',
     [
      '第一条 为了减少吸烟造成的危害，维护公众健康权益，',
      '创造良好公共环境，提高城市文明水平，根据有关法律、行',
      '政法规，结合本市实际情况，制定本条例。',
      '第二条 本条例适用于本市行政区域内控制吸烟工作。',
      '对吸烟可能危害公共安全的，按照相关法律法规执行。',
      '第三条 本市控制吸烟工作坚持政府与社会共同治理、'],
     ['第一条为了减少吸', '第二条本条例适用', '第三条本市控制吸'], 'w.txt:9: paragraph break undecidable'),
    ('d057: an amendment note after 。 ends the paragraph',
     [
      '严格审批手续，保障货币资产的安全完整。',
      '会计人员必须及时准确地核算收入、支出和结存，对违',
      '反国家财政制度、财务制度规定的收支，不予办理。',
      '第二十六条 办好农村合作基金会。乡联社、村合作社',
      '集体资金在不改变资金所有权前提下，按照自愿互利、有偿',
      '使用的原则由合作基金会管理，提高资金使用效益。（2010',
      '年12月23日删除）'],
     ['严格审批手续，保', '会计人员必须及时', '第二十六条办好农'], None),
]


@pytest.mark.parametrize("lines,expected,notice", [c[1:] for c in WRAPPED_REAL_CASES],
                         ids=[c[0] for c in WRAPPED_REAL_CASES])
def test_wrapped_real_lines(lines, expected, notice):
    raw = "\n\n".join(lines) + "\n"
    notices: list[str] = []
    logical = join_lines(source_lines(raw, "w.txt", notices), False, "w.txt", notices)
    assert [compact(ln.text)[:8] for ln in logical] == expected
    assert "".join(compact(ln.text) for ln in logical) == canonical_source(raw)   # nothing lost or added
    assert [n for n in notices if notice and n.startswith(notice)] if notice else notices == []


def test_full_width_is_not_the_most_common_width():
    """d009 opens with many short articles: the most common width (48) is a first line's; a full line is 52."""
    lines = source_lines("\n".join(WRAPPED_D009_OPENING))
    assert Counter(width(ln.text) for ln in lines).most_common(1)[0][0] == 48
    assert full_width(lines) == 52


WRAPPED_D009_OPENING = [   # realworld d009 (临沂市文明行为促进条例), lines 11-63
    '表大会常务委员会第五次会议批准）',
    ' 第一章  总则',
    '第一条 为了培育和践行社会主义核心价值观，促进文',
    '明行为，提升公民文明素养与社会文明水平，根据有关法律、',
    '法规，结合本市实际，制定本条例。',
    '第二条 本市行政区域内的文明行为促进工作，适用本',
    '条例。',
    '第三条 文明行为促进工作应当坚持法治和德治相结合，',
    '遵循以人为本、社会共治、奖惩结合、突出重点、统筹推进',
    '的原则。',
    '第四条 市、县（区）精神文明建设委员会统一领导本',
    '行政区域内的文明行为促进工作。',
    '市、县（区）精神文明建设工作机构具体负责本行政区',
    '域内文明行为促进工作的规划计划、指导协调、督促检查和',
    '评估通报等工作。',
    '第五条 市、县（区）人民政府及其工作部门、乡（镇）',
    '人民政府、街道办事处应当按照各自职责做好文明行为促进',
    '工作。',
    '村（居）民委员会应当加强对文明行为的宣传和引导，',
    '积极做好文明行为促进工作。',
    '第六条 市、县（区）人民政府应当将文明行为促进工',
    '作纳入国民经济和社会发展规划，并将文明行为促进工作经',
    '费纳入年度财政预算。',
    '第七条 单位和个人应当积极参与文明行为促进工作。',
    '文明单位、文明家庭和国家工作人员、教育工作者、先',
    '进模范人物应当在文明行为促进工作中发挥表率作用。']


# Causes seen in real regulations (../shared/realworld/dNNN, named in each id; issue 22). Where a row needs its
# article to be the first, the label is renumbered (第一条) and said so; the text after it is the real line.
REAL_PARSE_CASES = [
    # (id, source lines, expected shape, check)
    ('d022: a paragraph opening with 第一款 (clean)',
     [
      '第一条\u3000盲人携带导盲犬或者肢体重残人携带扶助犬的，不受前款规定限制。',
      '第一款规定区域的经营管理者应当在显著位置设置醒目的标识，并劝阻、制止他人携犬进入。'],
     '1:0,0', None),
    ('d042: a chapter title wrapped onto the next line (labels renumbered)',
     [
      '第一章  重污染天气应对和重点区域',
      '大气污染联合防治',
      '第一条\u3000省、省辖市人民政府环境保护主管部门、气象主管机构应当建立重污染天气监测预警和会商'
      '机制，对大气环境质量和重污染天气进行预测预报。'],
     '1:0', lambda p: p.chapters[0].title == '重污染天气应对和重点区域大气污染联合防治'),
    ('d050: lines holding only U+200B are dropped with a notice',
     [
      '\u200b',
      '\u200b',
      '\u200b',
      '第一章 总 则',
      '\u200b',
      '第一条\u3000为了促进外商投资，保护外商投资合法权益，规范外商投资管理，服务和融入全面开放新格'
      '局，促进高质量发展，根据《中华人民共和国外商投资法》《中华人民共和国外商投资法实施条例》'
      '等法律、行政法规，结合本市实际，制定本条例。'],
     '1:0', lambda p: 'dropped zero-width character(s) U+200B (a line holding nothing else)' in p.notices[0]),
    ('d052: an item continued on a line of its own that runs on into the next items (label renumbered)',
     [
      '第一条\u3000建立并实行生活垃圾分类管理责任人（以下简称责任人）制度。责任人按照下列规定确定：'
      '（一）国家机关、部队、企业事业单位、社会团体及其他组织的办公和生产经营场所，由本单位负责'
      '；实行物业管理的，物业服务企业为责任人。（二）实施物业管理服务的居住区，物业服务企业为责'
      '任人；',
      '未实行物业管理的，居民委员会、村民委员会为责任人。（三）道路、广场、公（游）园、公共绿地'
      '等公共场所，管理部门或者管理部门委托的服务单位为责任人；交通、文化、娱乐、市场、商业等公'
      '共场所所有权人或者经营管理单位为责任人；大型旅游、体育或者各类展销、展览等活动，承办组织'
      '者或者场地经营者为责任人。（四）建设工程施工现场，建设单位或者施工单位为责任人；暂时不能'
      '开工的建设用地，产权人为责任人。',
      '按照前款规定不能确定责任人的，所在地居民委员会、村民委员会为责任人。'],
     '1:4,0', lambda p: p.articles[0].paragraphs[0].items[1].text.endswith('物业服务企业为责任人；未实行物业管理的，居民委员会、村民委员会为责任人。') and 'read as the end of item （二）' in p.notices[0]),
    ('d062: an item label without the ； before it (label renumbered)',
     [
      '第一条\u3000有下列情形之一的，应当重新鉴定：（一）鉴定机构、鉴定人不具备司法鉴定资格或超出核'
      '定业务范围鉴定的；（二）送鉴材料失实或者虚假的；（三）鉴定人故意作虚假鉴定的；（四）鉴定'
      '人应当回避而未回避的；（五）鉴定结论与实际情况不符的（六）鉴定使用的仪器和方法不当，可能'
      '导致鉴定结论不正确的；（七）其他因素可能导致鉴定结论不正确的。'],
     '1:7', lambda p: 'item （六） follows' in p.notices[0]),
    ('d063: items after a lead ending in 。 are its items',
     [
      '第一条 违反第十五条规定的，由城市市容环境卫生行政主管部门责令停止违法行为，限期清理、拆'
      '除，并处以罚款。',
      '（一）擅自在城市道路或者公共场地堆放物料的，处二百元以上一千元以下罚款；',
      '（二）擅自搭建临时建筑物、构筑物或者其他设施的，处一千元以上一万元以下罚款。'],
     '1:2', lambda p: 'not in ：; read as its items' in p.notices[0]),
    ('d057: an amendment note after 。 (label renumbered)',
     [
      '第一条 办好农村合作基金会。乡联社、村合作社集体资金在不改变资金所有权前提下，按照自愿互'
      '利、有偿使用的原则由合作基金会管理，提高资金使用效益。（2010年12月23日删除）'],
     '1:0', None),
    ('issue 22: a title with 《》',
     [
      '重庆市实施《长江三峡工程建设移民条例》办法',
      '第一条 甲。'],
     '1:0', lambda p: p.title == '重庆市实施《长江三峡工程建设移民条例》办法'),
    ('issue 22: a title with 、',
     [
      '重庆市人民代表大会代表建议、批评和意见工作条例',
      '第一条 甲。'],
     '1:0', lambda p: p.title == '重庆市人民代表大会代表建议、批评和意见工作条例'),
    ('issue 22: a label broken by spaces is read with a notice naming its line',
     [
      '第一条 甲。',
      '第 二 条 乙。'],
     '1:0 2:0', lambda p: p.notices == ("t.txt:2: label '第 二 条' spelt with spaces; read as 第二条",)),
    ('issue 22: a label broken by a zero-width space is read with a notice naming its line',
     [
      '第一条 甲。',
      '第\u200b二条 乙。'],
     '1:0 2:0', lambda p: p.notices == ('t.txt:2: dropped zero-width character(s) U+200B (from column 2)',)),
]


REAL_BAD_CASES = [
    # (id, source lines, line, message fragment)
    ('d034: a chapter heading without 第X章 between articles (labels renumbered)',
     [
      '第一条\u3000市、县（市、区）人民政府其他有关部门、单位应当按照各自职责和本条例规定，做好智慧'
      '城市建设和管理的相关工作。',
      '发展规划',
      '第二条\u3000本条例所称智慧城市发展规划，包括市智慧城市发展总体规划和部门、领域、区域智慧城市'
      '发展专项规划。'],
     2, "a line of its own without punctuation, '发展规划"
     "', after 第一条: a chapter or section heading w"
     'ithout its label?'),
    ('d028: the first chapter heading missing (labels renumbered)',
     [
      '第一条\u3000有关县级以上人民政府应当组织有关部门编制捕捞渔民转产转业规划，加大转产转业政策扶'
      '持力度，支持渔民减船转产，鼓励用人单位吸纳渔民就业。',
      '第二章\u3000渔港规划与建设',
      '第二条\u3000省渔业行政主管部门应当根据经济和社会发展的需要，会同省生态环境、自然资源、交通运'
      '输、水利、海事等部门和有关市、县人民政府编制全省渔港布局规划，经省发展改革主管部门平衡、'
      '衔接后，报省人民政府批准。'],
     1, 'the first chapter heading is missing: 第一条 st'
     'ands in no chapter, and 第二章 follows at line '
     '2'),
    ('d035: 总则 without 第一章 before the first article',
     [
      '浙江省防震减灾条例',
      '（2014年5月28日 浙江省第十二届人民代表大会常务委员会',
      '第十次会议通过 2017年11月30日 浙江省第十二届人民代表',
      '大会常务委员会第四十五次会议《关于修改〈浙江省水资源',
      '管理条例〉等十九件地方性法规的决定》第一次修正 2021',
      '年3月26日 浙江省第十三届人民代表大会常务委员会第二十',
      '八次会议《关于修改〈浙江省防震减灾条例〉等五件地方性',
      '法规的决定》第二次修正）',
      '总则',
      '第一条 为了防御和减轻地震灾害，保护人民生命和财'],
     9, "'总则' before the first article, without punct"
     'uation: a chapter heading without its label?'),
    ('d078: a section title without 第一节, 第二节 follows (labels renumbered)',
     [
      '第一章 总则',
      '第一条\u3000对在固体废物污染环境防治工作中作出突出贡献的单位和个人应当予以表彰和奖励。',
      '第二章  固体废物污染环境的防治',
      '一般规定',
      '第二条\u3000产生、收集、贮存、运输、利用、处置固体废物的单位和个人，应当采取防扬散、防流失、'
      '防渗漏或者其他防止污染环境的措施，不得擅自倾倒、堆放、丢弃、遗撒固体废物。造成固体废物污'
      '染环境的，应当进行环境治理与修复。',
      '第二节  工业固体废物污染环境的防治',
      '第三条 甲。'],
     4, "'一般规定' after 第二章 is the title of its first s"
     'ection without the label'),
    ('d092: an item label lost, inline items (label renumbered)',
     [
      '第一条\u3000经营者在电子商务相关经营活动中不得单独或者会同他人，从事下列不正当竞争行为：（一'
      '）擅自使用与其他电子商务经营者有一定影响的页面近似的设计（包括内容布局、颜色搭配、文字内'
      '容、图案运用及组合等），足以引人误认为是他人商品或者与他人存在特定联系的；',
      '通过恶意拦截、过滤、覆盖内容或者屏蔽链接等方式，破坏、妨碍其他电子商务经营者合法提供的网'
      '络产品或者服务正常运行的；（三）对其他电子商务经营者合法提供的网络产品或者服务恶意实施不'
      '兼容，或者违反公平、诚信原则对不同电子商务经营者合法提供的同种类型网络产品或者服务在接入'
      '、运行方面实行不合理差别待遇的；（四）法律、法规和国家规定的其他不正当竞争行为。'],
     2, 'item （三） in a paragraph of its own after ite'
     'm （一） (line 1): item （二） is missing'),
    ('d015: an item label lost, items one a line',
     [
      '第一条 公民应当维护公共卫生和公共场所干净、整齐，自觉遵守以下文明行为规范：',
      '不得在禁止吸烟场所吸烟，在非禁止吸烟场所吸烟时注意避开他人；',
      '（二）不随地吐痰、便溺。'],
     3, 'item （二） out of order, and no item （一） befor'
     'e it in 第一条 (its label lost in the source?)'),
    ('issue 22: a private-use character after 。',
     [
      '第一条 甲。\ue5f9',
      '第二条 乙。'],
     1, 'private-use character U+E5F9 at column 7 aft'
     "er '第一条 甲。'"),
]


@pytest.mark.parametrize("lines,expected,check", [c[1:] for c in REAL_PARSE_CASES], ids=[c[0] for c in REAL_PARSE_CASES])
def test_real_causes_read(lines, expected, check):
    raw = "\n".join(lines) + "\n"
    parsed = parse(raw, "t.txt")
    assert shape(parsed) == expected
    assert reconstruct(parsed) == canonical_source(raw)
    if check:
        assert check(parsed), parsed.notices


@pytest.mark.parametrize("lines,line,fragment", [c[1:] for c in REAL_BAD_CASES], ids=[c[0] for c in REAL_BAD_CASES])
def test_real_defects_refused_naming_their_line(lines, line, fragment):
    with pytest.raises(SourceError) as err:
        parse("\n".join(lines) + "\n", "corpus/x/source.txt")
    assert err.value.line == line, str(err.value)
    assert fragment in err.value.message, str(err.value)
    assert "; expected " in err.value.message
