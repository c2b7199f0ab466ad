"""References read as a lawyer reads them (issue 22): one real line and its expected reading per row, then
properties over generated regulations.

Each row of REAL is a line of a real local regulation (../shared/realworld/dNNN, the article named in the
row) placed in a regulation of the same shape: `shape` gives the articles the line names as
"article:items-per-paragraph" ("11:0,3" = Article 11 has two paragraphs, the second with 3 items), as the
real text has them; every other article has one paragraph without items. The expected reading is the list
of references in the line: (words, kind, targets), targets as eids joined by spaces ("" = none).
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.enrich.references import PATTERN, notice, resolve, resolve_unit, source_line
from build_scripts.model.numerals import from_int
from build_scripts.model.regulation import Article, Item, Meta, Paragraph, ParsedText, Regulation, parse_eid

FILLER = "有关部门应当依法履行职责。"


def make_reg(n_articles: int, shape: dict[int, list[int]], texts: dict[str, str] | None = None) -> Regulation:
    """A regulation of n_articles; shape: article -> items per paragraph; texts: eid -> text of that unit."""
    texts = texts or {}
    arts, line = [], 1
    for a in range(1, n_articles + 1):
        paras = []
        for p, n_items in enumerate(shape.get(a, [0]), start=1):
            items = tuple(Item(i, f"（{from_int(i)}）", texts.get(f"art_{a}__para_{p}__point_{i}", FILLER), line + i)
                          for i in range(1, n_items + 1))
            lead = texts.get(f"art_{a}__para_{p}", "有下列情形之一的：" if n_items else FILLER)
            paras.append(Paragraph(p, lead, items, line))
            line += 1 + n_items
        arts.append(Article(a, f"第{from_int(a)}条", None, None, tuple(paras), paras[0].line))
    meta = Meta(id="gen", title_zh="某市生成条例", title_en="Generated", effective=None)
    return Regulation(meta=meta, text=ParsedText(None, None, (), tuple(arts)), source_path="corpus/gen/source.txt")


def refs_in(reg: Regulation, eid: str):
    """The references of one paragraph unit (no item), read alone: quicker than the whole regulation."""
    from build_scripts.model.regulation import Unit
    a, p, _ = parse_eid(eid)
    return resolve_unit(reg, Unit(eid, a, p, None, reg.article(a).paragraphs[p - 1].text))


def parse_shape(shape: str) -> dict[int, list[int]]:
    return {int(a): [int(n) for n in items.split(",")] for a, items in (s.split(":") for s in shape.split())}


def reading(reg: Regulation, eid: str) -> list[tuple[str, str, str]]:
    return [(r.text, r.kind, " ".join(r.targets)) for r in resolve(reg)[eid]]


def E(*eids: str) -> str:
    return " ".join(eids)


def items(article: int, paragraph: int, *numbers: int) -> str:
    return " ".join(f"art_{article}__para_{paragraph}__point_{i}" for i in numbers)


# (source and article, unit the line stands in, lead of its paragraph (items only), the real line, shape,
#  expected references)
REAL = [
    # 1. a list inherits the article and paragraph of the member before it
    ("d013 art. 23", "art_23__para_1__point_1", "场所的经营者、管理者违反本条例规定的，按照下列规定处罚：",
     "违反本条例第十一条第二款第一项、第二项规定的，由市或者区卫生健康部门责令限期改正；",
     "11:0,3 23:2", [("本条例第十一条第二款第一项", "item", items(11, 2, 1)), ("第二项", "item", items(11, 2, 2))]),
    ("d005 art. 35", "art_35__para_1", None,
     "承办者违反本条例第二十六条第一款第（一）项、第（四）项、第（五）项规定的，由公安机关处1万元以上3万元以下罚款。",
     "26:5,0 35:0", [("本条例第二十六条第一款第（一）项", "item", items(26, 1, 1)),
                     ("第（四）项", "item", items(26, 1, 4)), ("第（五）项", "item", items(26, 1, 5))]),
    ("d016 art. 37", "art_37__para_1", None,
     "违反本条例第十七条第二款、第三款规定，调运松类植物及其制品或者未经检疫的动植物及其制品的，依法处罚。",
     "17:0,0,0 37:0", [("本条例第十七条第二款", "paragraph", "art_17__para_2"),
                       ("第三款", "paragraph", "art_17__para_3")]),
    ("d000 art. 13", "art_13__para_2", None,
     "市场监管部门应专利权人或者利害关系人的请求处理专利侵权纠纷时，可以采取前款第一项、第二项、第四项、第七项所列措施。",
     "13:8,0", [("前款第一项", "item", items(13, 1, 1)), ("第二项", "item", items(13, 1, 2)),
                ("第四项", "item", items(13, 1, 4)), ("第七项", "item", items(13, 1, 7))]),
    ("d047 art. 74", "art_74__para_1", None,
     "违反本条例第三十四条，第三十五条第一项、第二项、第十一项和第三十六条规定的，依法处罚。",
     "35:11 36:5 74:0", [("本条例第三十四条", "article", "art_34"), ("第三十五条第一项", "item", items(35, 1, 1)),
                         ("第二项", "item", items(35, 1, 2)), ("第十一项", "item", items(35, 1, 11)),
                         ("第三十六条", "article", "art_36")]),
    ("d013 art. 26 (paragraph 2; Article 20 as in original.md)", "art_26__para_2", None,
     "烟草制品销售者违反本条例第二十条第一款，第二款第一项、第二项规定，有下列情形之一的，由烟草专卖行政主管部门处罚：",
     "20:0,3 26:0,3,0", [("本条例第二十条第一款", "paragraph", "art_20__para_1"),
                         ("第二款第一项", "item", items(20, 2, 1)), ("第二项", "item", items(20, 2, 2)),
                         ("下列情形之一", "list", items(26, 2, 1, 2, 3))]),
    ("d070 art. 106", "art_106__para_1", None,
     "违反本条例第六十五条第一款第一项、第二项、第三项及第二款规定，违法从事现场制售的，依法处罚。",
     "65:8,0 106:0", [("本条例第六十五条第一款第一项", "item", items(65, 1, 1)), ("第二项", "item", items(65, 1, 2)),
                      ("第三项", "item", items(65, 1, 3)), ("第二款", "paragraph", "art_65__para_2")]),
    ("d076 art. 26 item 8", "art_26__para_2__point_8", "有下列情形之一的，责令改正：",
     "娱乐场所单位违反本条例第二十一条第一款第（四）项或者第二款规定的；",
     "21:5,0,0 26:0,10,0", [("本条例第二十一条第一款第（四）项", "item", items(21, 1, 4)),
                            ("第二款", "paragraph", "art_21__para_2")]),
    ("d110 art. 36 (compact list 第四、五项)", "art_36__para_1", None,
     "新建居住区、单位违反本条例第十一条第一款第四、五项和第二款规定的，由城市绿化行政主管部门责令限期改正。",
     "11:6,0,0 36:0", [("本条例第十一条第一款第四、五项", "item", items(11, 1, 4, 5)),
                       ("第二款", "paragraph", "art_11__para_2")]),
    # 2. a range keeps both ends in one article and paragraph
    ("d013 art. 24", "art_24__para_1__point_1", "场所的经营者、管理者违反本条例第十三条第一款规定的，按照下列规定处罚：",
     "违反本条例第十三条第一款第一项至第四项规定的，由市或者区卫生健康部门责令限期改正；",
     "13:5,0 24:2", [("本条例第十三条第一款第一项至第四项", "item", items(13, 1, 1, 2, 3, 4))]),
    ("d040 art. 57", "art_57__para_3", None,
     "生产经营单位违反本条例第四十一条第一款第二项至第四项和第三款规定的，由负有安全生产监督管理职责的部门责令限期改正。",
     "41:4,0,0 57:0,0,0", [("本条例第四十一条第一款第二项至第四项", "item", items(41, 1, 2, 3, 4)),
                           ("第三款", "paragraph", "art_41__para_3")]),
    # 3. a bare 第N项 in a penalty article's items counts the items of the article its lead names
    ("d072 art. 49", "art_49__para_1__point_2",
     "违反本条例第三十四条规定，由城市园林绿化行政主管部门责令停止侵害、限期改正、赔偿损失，按照以下规定给予罚款：",
     "有第二项至第七项以及第九项规定行为之一的，处二百元以上一千元以下罚款；", "34:9 49:3",
     [("第二项至第七项", "item", items(34, 1, 2, 3, 4, 5, 6, 7)), ("第九项", "item", items(34, 1, 9))]),
    ("d099 art. 65", "art_65__para_1__point_1", "有本条例第三十八条所列行为之一的，按以下规定予以处罚：",
     "有第一、二、三、四、七项行为之一的，责令停止违法行为，并可处二十元以上五百元以下的罚款；", "38:7 65:3",
     [("第一、二、三、四、七项", "item", items(38, 1, 1, 2, 3, 4, 7))]),
    ("d110 art. 43", "art_43__para_1__point_2",
     "违反本条例第二十七条规定，有下列行为之一的，由城市绿化行政主管部门责令改正，并按照下列规定予以处罚：",
     "违反第八项规定的，处以每平方米五百元以上一千元以下罚款；", "27:9 43:3", [("第八项", "item", items(27, 1, 8))]),
    ("d063 art. 40 (a paragraph without items names one article first)", "art_40__para_1", None,
     "违反第十二条规定，未履行卫生责任区主体责任的，责令限期改正；逾期未改正，违反第一项、第二项规定的，对单位处五百元以上罚款。",
     "12:5 40:0", [("第十二条", "article", "art_12"), ("第一项", "item", items(12, 1, 1)),
                   ("第二项", "item", items(12, 1, 2))]),
    # 4. 第N条第M项: the one paragraph of Article N that holds items
    ("d008 art. 35", "art_35__para_1", None, "违反本条例第九条第一项规定的，依照下列规定予以处理：", "9:8,0 35:3",
     [("本条例第九条第一项", "item", items(9, 1, 1)), ("下列规定", "list", items(35, 1, 1, 2, 3))]),
    # a bare 第N款 is a paragraph of the article it stands in
    ("d014 art. 29", "art_29__para_1", None,
     "属于非基础测绘项目的，除第二款规定的以外，应当汇交测绘成果目录。", "29:0,0,0", [("第二款", "paragraph", "art_29__para_2")]),
    # 5. another law's provisions stay text, and so do the members of a list that continues them
    ("d098 art. 30", "art_30__para_1", None,
     "由市知识产权局依照《中华人民共和国专利法》第五十八条、第五十九条规定处罚；构成犯罪的，依法追究刑事责任。", "30:0",
     [("《中华人民共和国专利法》第五十八条", "external_law", ""), ("第五十九条", "external_law", "")]),
    ("d091 art. 29 item 1 (a law named without 《》)", "art_29__para_1__point_1", "市场开办者应当遵守下列规定：",
     "履行食品安全法第五十二条规定的职责；", "29:2", [("第五十二条", "external_law", "")]),
    ("d069 art. 42 item 2", "art_42__para_1__point_2", "有下列行为之一的，依法处罚：",
     "销售失效、变质产品的，依照《中华人民共和国产品质量法》第五十二条关于销售失效、变质产品的规定处罚；", "42:3",
     [("《中华人民共和国产品质量法》第五十二条", "external_law", "")]),
]


@pytest.mark.parametrize("source,eid,lead,line,shape,expected", REAL, ids=[r[0] for r in REAL])
def test_real_lines(source, eid, lead, line, shape, expected):
    a, p, i = parse_eid(eid)
    shape_of = parse_shape(shape)
    texts = {eid: line, **({f"art_{a}__para_{p}": lead} if lead else {})}
    reg = make_reg(max(max(shape_of), 120), shape_of, texts)
    assert reading(reg, eid) == expected
    refs = resolve(reg)[eid]
    assert all(line[r.start:r.end] == r.text for r in refs)   # each reference is the words of the text
    assert all(r.resolved for r in refs)


# The examples of issue 22 (from the 80 regulations of its first sample), in generated regulations.
ISSUE = [
    ("违反本条例第十四条第一项、第三项规定", "26:0", "14:5",
     [("本条例第十四条第一项", "item", items(14, 1, 1)), ("第三项", "item", items(14, 1, 3))]),
    ("第二十七条第一款、第三款", "5:0", "27:0,0,0",
     [("第二十七条第一款", "paragraph", "art_27__para_1"), ("第三款", "paragraph", "art_27__para_3")]),
    ("前款第二项、第三项", "9:3,0", "",
     [("前款第二项", "item", items(9, 1, 2)), ("第三项", "item", items(9, 1, 3))]),
    ("第十八条第一项、第四项或者第十九条第一项", "30:0", "18:4 19:2",
     [("第十八条第一项", "item", items(18, 1, 1)), ("第四项", "item", items(18, 1, 4)),
      ("第十九条第一项", "item", items(19, 1, 1))]),
    ("第五条至第九条", "30:0", "", [("第五条至第九条", "article", E(*(f"art_{n}" for n in range(5, 10))))]),
    ("本条第一款第一项至第五项", "12:6,0", "", [("本条第一款第一项至第五项", "item", items(12, 1, 1, 2, 3, 4, 5))]),
    ("第五十八条第五项", "60:0", "58:6,0", [("第五十八条第五项", "item", items(58, 1, 5))]),
    ("《某某省森林公园条例》第十条第二款、第三款", "30:0", "10:0,0,0",
     [("《某某省森林公园条例》第十条第二款", "external_law", ""), ("第三款", "external_law", "")]),
    ("依照有关法律第三十条规定", "30:0", "", [("第三十条", "external_law", "")]),
    ("前条第二款", "31:0", "30:0,0", [("前条第二款", "paragraph", "art_30__para_2")]),
]


@pytest.mark.parametrize("line,where,shape,expected", ISSUE, ids=[r[0] for r in ISSUE])
def test_issue_examples(line, where, shape, expected):
    art, paras = where.split(":")
    a, shape_of = int(art), {**(parse_shape(shape) if shape else {}), **parse_shape(where)}
    p = len(shape_of[a])       # the line stands in the article's last paragraph (前款 needs one before it)
    eid = f"art_{a}__para_{p}"
    reg = make_reg(max(max(shape_of), 60), shape_of, {eid: line})
    assert reading(reg, eid) == expected


# Readings that must not link: when in doubt between a plausible link and no link, no link.
UNRESOLVED = [
    # a bare item after two articles: whose item it is is not certain
    ("违反本条例第十条、第十一条规定，有第二项行为的，处罚款。", "20:0", "10:3 11:3", "several provisions"),
    # a bare item in a paragraph without items, with no article named before it
    ("有第二项行为的，处罚款。", "20:0,0", "", "no items"),
    # the items of Article 10 stand in two paragraphs: 第十条第一项 names no single one
    ("违反本条例第十条第一项规定的", "20:0", "10:3,2", "2 of them with items"),
    # a list member after a reference that names nothing is not guessed either
    ("违反本条例第十条第九项、第十项规定的", "20:0", "10:3", "not resolved"),
    ("第三项至第一项", "20:3", "", "in order"),
    ("前款规定", "20:0", "", "first paragraph"),
    ("依照第九十条规定", "20:0", "", "has 60 articles"),
]


@pytest.mark.parametrize("line,where,shape,why", UNRESOLVED, ids=[r[0] for r in UNRESOLVED])
def test_doubt_means_no_link(line, where, shape, why):
    art, _ = where.split(":")
    a, shape_of = int(art), {**(parse_shape(shape) if shape else {}), **parse_shape(where)}
    eid = f"art_{a}__para_{len(shape_of[a])}"
    reg = make_reg(60, shape_of, {eid: line})
    refs = resolve(reg)[eid]
    bad = [r for r in refs if not r.resolved]
    assert bad and all(r.target is None and r.targets == () for r in bad)
    assert why in bad[-1].reason
    assert bad[-1].json()["unresolved"] == bad[-1].reason


def test_notice_names_the_line_the_reference_stands_on():
    """In a hard-wrapped source the notice names the line the words stand on, not the paragraph's first."""
    reg = make_reg(20, {5: [0]}, {"art_5__para_1": "为了保护森林公园，依照本条例第九十条规定，制定本条。"})
    ref = next(r for r in resolve(reg)["art_5__para_1"] if not r.resolved)
    first = reg.article(5).paragraphs[0].line
    source = "\n" * (first - 1) + "第五条　为了保护森林公园，\n\n依照本条例第九十条\n\n规定，制定本条。\n"
    assert source_line(reg, ref) == first
    assert source_line(reg, ref, source) == first + 2
    line = notice(reg, ref, source)
    assert line.startswith(f"corpus/gen/source.txt:{first + 2}: reference '本条例第九十条' in 第五条 (unit art_5__para_1)")
    assert line.endswith("left unlinked; no such article; the regulation has 20 articles")


# ------------------------------------------------------------------ properties

@st.composite
def regulations(draw):
    """A regulation of 3 to 40 articles, each of 1 to 4 paragraphs of 0 to 12 items."""
    n = draw(st.integers(3, 40))
    shape = {a: draw(st.lists(st.integers(0, 12), min_size=1, max_size=4)) for a in range(1, n + 1)}
    return n, shape


def item_label(i: int, bracket: bool) -> str:
    return f"第（{from_int(i)}）项" if bracket else f"第{from_int(i)}项"


@settings(max_examples=80, deadline=None)
@given(data=st.data(), spec=regulations(), sep=st.sampled_from(["、", "和", "或者", "以及", "及"]),
       prefix=st.sampled_from(["", "本条例"]), bracket=st.booleans())
def test_item_lists_resolve_as_written(data, spec, sep, prefix, bracket):
    """第A条第P款第x项、第y项…: every member is an item of Article A, paragraph P, whatever the separator."""
    n, shape = spec
    holders = [(a, p) for a, ps in shape.items() for p, k in enumerate(ps, start=1) if k]
    if not holders:
        return
    a, p = data.draw(st.sampled_from(holders))
    picks = data.draw(st.lists(st.integers(1, shape[a][p - 1]), min_size=1, max_size=5))
    head = f"{prefix}第{from_int(a)}条" + (f"第{from_int(p)}款" if len(shape[a]) > 1 else "")
    text = "违反" + head + sep.join(item_label(i, bracket) for i in picks) + "规定的，依法处罚。"
    home = 1 if a != 1 else 2
    shape = {**shape, home: [0]}
    if home == a:
        return
    reg = make_reg(n, shape, {f"art_{home}__para_1": text})
    refs = refs_in(reg, f"art_{home}__para_1")
    got = [t for r in refs if r.kind != "regulation" for t in r.targets]
    assert got == [f"art_{a}__para_{p}__point_{i}" for i in picks]


@settings(max_examples=80, deadline=None)
@given(data=st.data(), spec=regulations())
def test_ranges_resolve_as_written(data, spec):
    """第A条第P款第x项至第y项 and 第m条至第n条: one reference whose targets run from one end to the other."""
    n, shape = spec
    holders = [(a, p) for a, ps in shape.items() for p, k in enumerate(ps, start=1) if k >= 2]
    m = data.draw(st.integers(1, n - 1))
    last = data.draw(st.integers(m + 1, n))
    parts, want = [f"第{from_int(m)}条至第{from_int(last)}条"], [[f"art_{k}" for k in range(m, last + 1)]]
    if holders:
        a, p = data.draw(st.sampled_from(holders))
        x = data.draw(st.integers(1, shape[a][p - 1] - 1))
        y = data.draw(st.integers(x + 1, shape[a][p - 1]))
        parts.append(f"第{from_int(a)}条第{from_int(p)}款第{from_int(x)}项至第{from_int(y)}项")
        want.append([f"art_{a}__para_{p}__point_{i}" for i in range(x, y + 1)])
    home = n + 1
    reg = make_reg(home, {**shape, home: [0]}, {f"art_{home}__para_1": "依照" + "和".join(parts) + "的规定。"})
    refs = refs_in(reg, f"art_{home}__para_1")
    assert [list(r.targets) for r in refs] == want
    assert [r.target for r in refs] == [w[0] for w in want]


@settings(max_examples=80, deadline=None)
@given(spec=regulations(), a=st.integers(1, 60), ps=st.lists(st.integers(1, 4), min_size=1, max_size=4),
       title=st.sampled_from(["《中华人民共和国行政处罚法》", "《某某省森林公园条例》"]))
def test_another_laws_lists_never_link(spec, a, ps, title):
    """《…》第A条第P款、第Q款…: every member stays text, even where this regulation has such a unit."""
    n, shape = spec
    text = "依照" + title + f"第{from_int(a)}条" + "、".join(f"第{from_int(p)}款" for p in ps) + "的规定处罚。"
    reg = make_reg(n, shape, {"art_1__para_1": text})
    refs = refs_in(reg, "art_1__para_1")
    assert len(refs) == len(ps) and {r.kind for r in refs} == {"external_law"}
    assert all(r.target is None and r.targets == () and r.resolved for r in refs)


@settings(max_examples=80, deadline=None)
@given(spec=regulations(), words=st.text(alphabet="第一二三四五六七八九十条款项本前至、和或者及（）之，。规定", max_size=40))
def test_any_text_never_links_to_a_unit_that_does_not_exist(spec, words):
    """Whatever the words, each reference is the words of the text, and every target exists."""
    n, shape = spec
    reg = make_reg(n, shape, {"art_2__para_1": words or "。"})
    existing = {f"art_{a}" for a in shape} | {f"art_{a}__para_{p}" for a, ps in shape.items()
                                               for p in range(1, len(ps) + 1)} | \
        {f"art_{a}__para_{p}__point_{i}" for a, ps in shape.items() for p, k in enumerate(ps, start=1)
         for i in range(1, k + 1)}
    text = reg.article(2).paragraphs[0].text
    for r in refs_in(reg, "art_2__para_1"):
        assert text[r.start:r.end] == r.text
        assert set(r.targets) <= existing and (r.target is None) == (not r.targets)
        assert r.resolved or r.target is None


def test_pattern_atoms_are_references_only():
    assert [m.group() for m in PATTERN.finditer("第一责任人、第三方、第四、五项和本条例")] == ["第四、五项", "本条例"]
    assert re.fullmatch(PATTERN, "前两款")


# ------------------------------------------------------------------ edition check --json / --strict

SOURCE = ("第一条　为了保护森林公园，制定本条例。\n"
          "第二条　禁止下列行为：（一）擅自砍伐林木；（二）擅自采石；（三）擅自狩猎。\n"
          "第三条　违反本条例第二条第一项、第三项规定的，依法处罚；违反本条例第九条规定的，依照"
          "《中华人民共和国森林法》第七十四条、第七十六条处罚。\n"
          "第四条　本条例自2024年1月1日起施行。\n")
META = "title:\n  zh: 某市森林公园条例\n  en: Forest Park Regulations (sample)\neffective: 2024-01-01\n"


def _corpus(tmp_path, meta: str = META):
    folder = tmp_path / "corpus" / "forest"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "meta.yaml").write_text(meta, encoding="utf-8")
    return tmp_path / "corpus"


def _run(capsys, *args: str) -> tuple[int, str, str]:
    import json  # noqa: F401  (the caller parses)

    from build_scripts.publish.cli import main
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_json_gives_structure_and_every_reference(tmp_path, capsys):
    import json
    code, out, err = _run(capsys, "check", "--corpus", str(_corpus(tmp_path)), "--json")
    assert code == 0
    (reg,) = json.loads(out)["regulations"]
    assert reg["counts"] == {"chapters": 0, "articles": 4, "paragraphs": 4, "items": 3, "references": 8,
                             "unresolved": 1}
    assert [a["eid"] for a in reg["structure"]] == ["art_1", "art_2", "art_3", "art_4"]
    assert reg["structure"][1]["paragraphs"] == [{"eid": "art_2__para_1", "items": [
        "art_2__para_1__point_1", "art_2__para_1__point_2", "art_2__para_1__point_3"]}]
    got = [(r["unit"], r["line"], r["text"], r["kind"], r["targets"], r.get("reason", "")[:15])
           for r in reg["references"]]
    assert got == [
        ("art_1__para_1", 1, "本条例", "regulation", [], "the regulation "),
        ("art_2__para_1", 2, "下列行为", "list", ["art_2__para_1__point_1", "art_2__para_1__point_2",
                                                 "art_2__para_1__point_3"], ""),
        ("art_3__para_1", 3, "本条例第二条第一项", "item", ["art_2__para_1__point_1"], ""),
        ("art_3__para_1", 3, "第三项", "item", ["art_2__para_1__point_3"], ""),
        ("art_3__para_1", 3, "本条例第九条", "article", [], "no such article"),
        ("art_3__para_1", 3, "《中华人民共和国森林法》第七十四条", "external_law", [], "a provision of "),
        ("art_3__para_1", 3, "第七十六条", "external_law", [], "a provision of "),
        ("art_4__para_1", 4, "本条例", "regulation", [], "the regulation "),
    ]
    assert [r["resolved"] for r in reg["references"]].count(False) == 1
    (notice_line,) = reg["notices"]
    assert notice_line.endswith("source.txt:3: reference '本条例第九条' in 第三条 (unit art_3__para_1) left unlinked; "
                                "no such article; the regulation has 4 articles")


def test_the_real_command_prints_the_notice_on_stderr(tmp_path):
    """`edition check`: counts on stdout, the one notice on stderr (the channel of the parser's notices)."""
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-m", "build_scripts", "check", "--corpus", str(_corpus(tmp_path))],
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("forest: 0 chapters, 4 articles")
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("notice: ") and line.endswith("left unlinked; no such article; the regulation has 4 articles")


def test_strict_turns_the_notice_into_one_error_line(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    code, out, err = _run(capsys, "check", "--corpus", str(corpus), "--strict")
    (line,) = err.strip().splitlines()
    assert code == 2 and out == "" and "Traceback" not in err
    assert line.startswith("error: ") and "source.txt:3: reference '本条例第九条'" in line and "(--strict)" in line
    code, _, _ = _run(capsys, "check", "--corpus", str(corpus))
    assert code == 0


def test_meta_references_strict(tmp_path, capsys):
    code, _, err = _run(capsys, "check", "--corpus", str(_corpus(tmp_path, META + "references: strict\n")))
    assert code == 2 and "references: strict in meta.yaml" in err


def test_meta_references_takes_only_strict(tmp_path, capsys):
    code, _, err = _run(capsys, "check", "--corpus", str(_corpus(tmp_path, META + "references: lax\n")))
    assert code == 2 and "meta.yaml:5: references: 'lax'; expected 'strict'" in err


def test_the_projects_corpus_passes_check_strict(capsys):
    code, out, err = _run(capsys, "check", "--strict")
    assert code == 0 and "notice" not in err and "shanxi:" in out


def test_an_unresolved_reference_gets_no_link_mark():
    """The page shows an unresolved reference as the text it is: no a.lex-xref, no guessed target."""
    from build_scripts.features.annotate import index_regulation
    reg = make_reg(20, {3: [0]}, {"art_3__para_1": "违反本条例第九十条和第二条规定的，依法处罚。"})
    refs = resolve(reg)
    marks = index_regulation(reg, (), (), refs, lambda s: s).marks["art_3__para_1"]
    assert [(m.kind, reg.article(3).paragraphs[0].text[m.start:m.end]) for m in marks] == [("xref", "第二条")]
