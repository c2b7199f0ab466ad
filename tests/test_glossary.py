"""Glossary: validation of corpus/glossary.yaml, term matching, defined terms, and the marks, tooltips,
glossary page and data in the built site."""
import copy
import json
import re
import unicodedata
from html.parser import HTMLParser

import pytest
import yaml

from browser import wait_until
from build_scripts.enrich.glossary import (
    CATEGORIES,
    find_definitions,
    find_terms,
    load_glossary,
    to_traditional,
    validate,
)
from build_scripts.model.regulation import units
from build_scripts.parse.corpus import CORPUS, CorpusError


@pytest.fixture(scope="module")
def terms(regs):
    return load_glossary(tuple(regs.values()))


@pytest.fixture(scope="module")
def by_id(terms):
    return {t.id: t for t in terms}


# ------------------------------------------------------------------ the data and its validation

def test_glossary_loads(terms):
    assert len(terms) >= 80
    assert len({t.id for t in terms}) == len(terms)
    assert {t.category for t in terms} == set(CATEGORIES)
    for t in terms:
        assert t.zh_hant and t.en and t.definition and t.pinyin


def test_traditional_forms(by_id):
    assert by_id["zongzhi-zhongxin"].zh_hant == "社會治安綜合治理中心"      # OpenCC s2t
    assert by_id["kaohe-pingjia"].zh_hant == "考核評價"                     # override in the data
    assert to_traditional("综治中心") == "綜治中心"


VALID = {"id": "wanggeyuan", "zh": "网格员", "zh_hant": None, "pinyin": "wǎnggéyuán", "en": "grid worker",
         "en_variants": [], "category": "office", "variants": [], "definition": "A worker."}
TEXTS = {"a": "配备专职网格员和综治中心", "b": "社会治安综合治理中心"}


def bad(change: dict, extra_term: dict | None = None) -> dict:
    entry = {**copy.deepcopy(VALID), **change}
    entry = {k: v for k, v in entry.items() if v != "<drop>"}
    return {"terms": [entry] + ([extra_term] if extra_term else [])}


@pytest.mark.parametrize("raw,message", [
    (bad({"colour": "red"}), "unknown key(s) ['colour']"),
    (bad({"en": "<drop>"}), "en is required"),
    (bad({"id": "Wang Ge"}), "id must be"),
    (bad({"category": "person"}), "category 'person' unknown"),
    (bad({"zh": "网格长"}), "'网格长' occurs in neither text"),
    (bad({"variants": ["网格管理员"]}), "'网格管理员' occurs in neither text"),
    (bad({"zh_hant": "網格長"}), "not a traditional form of '网格员'"),
    (bad({}, {**VALID, "zh": "综治中心"}), "id 'wanggeyuan' used twice"),
    (bad({}, {**VALID, "id": "other", "variants": ["网格员"], "zh": "综治中心"}), "form '网格员' is also a form of term 'wanggeyuan'"),
    (bad({"variants": "综治中心"}), "variants must be a list"),
    ({"terms": [VALID], "extra": 1}, "top level must be 'terms:' and optionally 'covers:'"),
    ({"terms": [VALID], "covers": ["a", "zz"]}, "covers names ['zz'], not in the corpus"),
    ({"terms": [VALID], "covers": "a"}, "covers must be a list of regulation ids"),
    ({"terms": [{**VALID, "zh": "综治中心"}], "covers": ["b"]}, "'综治中心' occurs in neither text (b)"),
])
def test_validation_errors_name_the_term(tmp_path, raw, message):
    with pytest.raises(CorpusError) as exc:
        validate(raw, TEXTS, tmp_path / "glossary.yaml")
    assert message in str(exc.value)
    assert "glossary.yaml: term #" in str(exc.value) or message.startswith(("top level", "covers"))


def test_the_valid_entry_passes(tmp_path):
    (term,) = validate({"terms": [VALID]}, TEXTS, tmp_path / "glossary.yaml")
    assert term.zh_hant == "網格員"
    assert term.marks_in("a") and term.marks_in("any regulation")


def test_terms_mark_only_the_regulations_the_glossary_covers(regs, terms):
    """Issue 22: at a hundred real regulations, 综合治理 (defined as public-order governance in the two seeds) was
    marked in a lake's 生态保护、综合治理 and a landslide law's 应急、综合治理. A regulation the glossary does not
    cover gets no glossary marks, its own definitions (本条例所称…) still marked."""
    from build_scripts.features.annotate import index_regulation
    (term,) = validate({"terms": [VALID], "covers": ["a"]}, TEXTS, CORPUS / "glossary.yaml")
    assert term.marks_in("a") and not term.marks_in("b")
    raw = yaml.safe_load((CORPUS / "glossary.yaml").read_text(encoding="utf-8"))
    assert sorted(raw["covers"]) == sorted(regs) and all(t.covers == frozenset(regs) for t in terms)
    jiangxi = regs["jiangxi"]
    other = [t.__class__(**{**t.__dict__, "covers": frozenset({"shanxi"})}) for t in terms]
    marked = index_regulation(jiangxi, terms, find_definitions(jiangxi), {}, lambda x: x).marks
    unmarked = index_regulation(jiangxi, tuple(other), find_definitions(jiangxi), {}, lambda x: x).marks
    assert sum(m.kind == "term" for ms in marked.values() for m in ms) > 100
    assert not any(m.kind == "term" for ms in unmarked.values() for m in ms)
    assert any(m.kind == "dfn" for ms in unmarked.values() for m in ms)          # 本条例所称平安建设，是指…


# ------------------------------------------------------------------ matching

@pytest.mark.parametrize("text,forms,expected", [
    ("各级社会治安综合治理中心应当", ["综合治理", "社会治安", "社会治安综合治理中心"], ["社会治安综合治理中心"]),
    ("加强社会治安综合治理", ["综合治理", "社会治安"], ["社会治安", "综合治理"]),
    ("开展平安建设工作", ["平安建设"], ["平安建设"]),          # no word boundary needed inside Han text
    ("平安建设管理机构和平安建设", ["平安建设", "平安建设管理机构"], ["平安建设管理机构", "平安建设"]),
    ("ABCD", ["ABC", "BCD", "CD"], ["ABC"]),                  # equal length: the leftmost; CD overlaps ABC
    ("ABCDE", ["AB", "BCDE"], ["BCDE"]),                      # the longer one wins though it starts later
])
def test_longest_match_wins(text, forms, expected):
    assert [m.form for m in find_terms(text, {f: f for f in forms})] == expected


# Read off the texts: the 本条例所称…是指 and （以下简称/以下称…） passages.
DEFINED = {
    "shanxi": [("平安建设", "art_2__para_2", "definition")],
    "jiangxi": [("平安建设", "art_2__para_2", "definition"), ("统筹协调机构", "art_11__para_1", "abbreviation"),
                ("成员单位", "art_12__para_1", "abbreviation"), ("综治中心", "art_13__para_1", "abbreviation")],
}


@pytest.mark.parametrize("reg_id", ["shanxi", "jiangxi"])
def test_defined_terms_found(regs, reg_id):
    assert [(d.term, d.eid, d.kind) for d in find_definitions(regs[reg_id])] == DEFINED[reg_id]


# A short name introduced and then defined is how statutes write (realworld d012 第二条, d085 第一条/第二条);
# the same term defined twice the same way is refused. (id, source, expected definitions or error fragment)
D012 = ("第一条　在长岛海洋生态文明综合试验区（以下简称长岛试验区）内从事规划建设、生态修复与培育、污染防治以及其他与海洋生态"
        "保护有关的活动，适用本条例。\n本条例所称长岛试验区包括长岛151个岛屿及其所属海域，具体范围由省人民政府依法划定，并向社会公布。\n")
DEFINED_IN_TEXT = [
    ("abbreviation then definition (d012)", D012,
     [("长岛试验区", "art_1__para_1", "abbreviation"), ("长岛试验区", "art_1__para_2", "definition")]),
    ("defined twice by 本条例所称", "第一条　本条例所称甲，是指乙。\n本条例所称甲，是指丙。\n",
     "第一条 (art_1__para_2) defines '甲', already defined in art_1__para_1"),
    ("abbreviated twice", "第一条　某机构（以下简称甲）负责。\n另一机构（以下简称甲）配合。\n",
     "第一条 (art_1__para_2) defines '甲', already defined in art_1__para_1"),
]


@pytest.mark.parametrize("source,expected", [c[1:] for c in DEFINED_IN_TEXT], ids=[c[0] for c in DEFINED_IN_TEXT])
def test_definitions_in_a_text(tmp_path, source, expected):
    from build_scripts.parse.corpus import load_regulation
    d = tmp_path / "mock"
    d.mkdir()
    (d / "source.txt").write_text(source + "第二条　本条例自2024年1月1日起施行。\n", encoding="utf-8")
    (d / "meta.yaml").write_text("title:\n  zh: 某条例\n  en: Some\neffective: 2024-01-01\n", encoding="utf-8")
    reg = load_regulation(d)
    if isinstance(expected, str):
        with pytest.raises(CorpusError, match=re.escape(expected)):
            find_definitions(reg)
    else:
        assert [(x.term, x.eid, x.kind) for x in find_definitions(reg)] == expected


# ------------------------------------------------------------------ the built pages

MARK_TAGS = {"abbr", "dfn", "a"}


class UnitParser(HTMLParser):
    """The Chinese units of a page (side "lex-zh"; "lex-en": the English): plain text (item labels left out) and the
    marks inside."""

    def __init__(self, side="lex-zh"):
        super().__init__(convert_charrefs=True)
        self.side = side
        self.units, self.row_eid, self.cur, self.depth, self.open, self.skip = [], None, None, 0, [], 0
        self.heading, self.heading_marks = 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading += 1
        elif self.heading and (tag in ("abbr", "dfn") or (tag == "a" and "headerlink" not in cls)):
            self.heading_marks.append((tag, a))
        if "lex-row" in cls:
            self.row_eid = a.get("data-eid")
        if self.cur is None:
            if tag == "div" and self.side in cls:
                self.cur, self.depth = {"eid": self.row_eid, "text": "", "marks": [], "nested": []}, 1
            return
        self.depth += 1
        if tag == "span" and "lex-label" in cls:
            self.skip = self.depth
            return
        if tag in MARK_TAGS or "lex-term" in cls or "lex-xref" in cls:
            if self.open:
                self.cur["nested"].append((self.open[-1]["tag"], tag))
            mark = {"tag": tag, "attrs": a, "start": len(self.cur["text"]), "depth": self.depth}
            self.open.append(mark)
            self.cur["marks"].append(mark)

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading -= 1
        if self.cur is None:
            return
        if self.open and self.open[-1]["depth"] == self.depth:
            self.open.pop()["end"] = len(self.cur["text"])
        if self.skip == self.depth:
            self.skip = 0
        self.depth -= 1
        if self.depth == 0:
            self.units.append(self.cur)
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None and not self.skip:
            self.cur["text"] += data


def parse(path, side="lex-zh"):
    p = UnitParser(side)
    p.feed(path.read_text(encoding="utf-8"))
    for u in p.units:
        for m in u["marks"]:
            m["text"] = u["text"][m["start"]:m["end"]]
    return p


@pytest.fixture(scope="module")
def pages(built_site, regs):
    """(regulation id, article number or None for the full text) -> parsed page."""
    out = {}
    for reg in regs.values():
        out[(reg.id, None)] = parse(built_site / reg.id / "index.html")
        for art in reg.articles:
            out[(reg.id, art.number)] = parse(built_site / reg.id / f"art-{art.number}" / "index.html")
    return out


def test_legal_text_is_byte_identical(pages, regs):
    """Strip the markup from every rendered unit: the unit's Chinese comes back unchanged."""
    for reg in regs.values():
        expected = {u.eid: u.zh for u in units(reg.articles) if u.zh}
        full = {u["eid"]: u["text"] for u in pages[(reg.id, None)].units}
        assert full == expected
        per_article = {}
        for art in reg.articles:
            per_article.update({u["eid"]: u["text"] for u in pages[(reg.id, art.number)].units})
        assert per_article == expected


def test_no_nested_marks(pages):
    total = 0
    for page in pages.values():
        for u in page.units:
            assert not u["nested"], (u["eid"], u["nested"])
            spans = sorted((m["start"], m["end"]) for m in u["marks"])
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), u["eid"]
            total += len(u["marks"])
    assert total > 1000


def test_no_marks_or_links_inside_headings(pages, built_site):
    glossary = parse(built_site / "glossary" / "index.html")
    for key, page in [*pages.items(), ("glossary", glossary)]:
        assert not page.heading_marks, (key, page.heading_marks[:3])
    html = (built_site / "jiangxi" / "art-13" / "index.html").read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)[1]
    assert "lex-term" not in h1 and "<abbr" not in h1


SAMPLE = ["zongzhi-zhongxin", "wanggeyuan", "guapai-duban", "yuetan", "shequ-jiaozheng-duixiang",
          "xingman-shifang-renyuan", "qunfang-qunzhi", "yipiao-foujue", "saohei-chue", "tongbao",
          "lingdao-zerenzhi", "dianxin-wangluo-zhapian"]


def raw_count(text: str, forms) -> int:
    """Occurrences of a term's forms, longest form first (an independent count: one regex)."""
    return len(re.findall("|".join(map(re.escape, sorted(forms, key=len, reverse=True))), text))


@pytest.mark.parametrize("term_id", SAMPLE)
def test_every_occurrence_of_sample_terms_is_marked(pages, regs, terms, by_id, term_id, edition):
    term = by_id[term_id]
    others = [f for t in terms if t.id != term_id for f in t.forms]
    assert not any(f in o for f in term.forms for o in others), "the sample needs terms inside no other term"
    seen = 0
    for (reg_id, number), page in pages.items():
        reg = regs[reg_id]
        arts = reg.articles if number is None else (reg.article(number),)
        expected = sum(raw_count(u.zh, term.forms) for u in units(arts))
        marks = [m for u in page.units for m in u["marks"] if m["attrs"].get("data-term") == term_id]
        assert len(marks) == expected, (reg_id, number, term_id)
        for m in marks:
            title = m["attrs"]["title"]
            assert m["text"] in term.forms
            hant = term.zh_hant if m["text"] == term.zh else edition.hant.convert(m["text"])
            assert hant in title and term.en in title and term.definition in title
            rep = "lex-rep" in m["attrs"]["class"].split()   # a later use in the article: plain by default
            assert m["tag"] == "a" or m["attrs"].get("tabindex") == ("0" if not rep else None)  # reachable by keyboard
        seen += len(marks)
    assert seen


def test_a_term_is_marked_at_its_first_use_in_each_article(pages, regs, by_id):
    """Later uses in the same article carry lex-rep; formulas (应当, 有关部门 ...) are never marked."""
    repeats = 0
    for (reg_id, number), page in pages.items():
        first: dict = {}
        for u in page.units:
            art = int(u["eid"].split("__")[0][4:])
            for m in u["marks"]:
                term_id = m["attrs"].get("data-term")
                if term_id:
                    assert by_id[term_id].category != "formula", (reg_id, u["eid"], m["text"])
                key = (art, term_id or m["text"])
                cls = (m["attrs"].get("class") or "").split()
                if "lex-term" not in cls or m["tag"] == "dfn":
                    continue
                assert ("lex-rep" in cls) == (key in first), (reg_id, number, u["eid"], m["text"])
                repeats += "lex-rep" in cls
                first.setdefault(key, u["eid"])
    assert repeats > 100
    jx15 = pages[("jiangxi", 15)]
    shown = [m for u in jx15.units for m in u["marks"] if "lex-rep" not in (m["attrs"].get("class") or "")]
    assert len(shown) < 20   # 27 underlined terms in four paragraphs before


def test_legend_and_switch(built_site):
    html = (built_site / "jiangxi" / "art-15" / "index.html").read_text(encoding="utf-8")
    assert "Dotted underline: a glossary term" in html and "marked at its first use" in html
    for mode in ("first", "all", "none"):
        assert re.search(rf'<button type="button" data-lex-marks="{mode}" aria-pressed="(true|false)">', html)


def test_longest_match_in_built_pages(pages, regs, terms):
    """社会治安综合治理中心 is one mark, never also 综合治理 or 社会治安; and generally no mark lies
    inside an occurrence of a longer glossary form that overlaps no other mark."""
    forms = [f for t in terms for f in t.forms]
    whole = 0
    for page in pages.values():
        for u in page.units:
            start = u["text"].find("社会治安综合治理中心")
            while start >= 0:
                inside = [m for m in u["marks"] if m["start"] < start + 10 and m["end"] > start]
                assert [(m["start"], m["end"], m["attrs"].get("data-term")) for m in inside] == \
                       [(start, start + 10, "zongzhi-zhongxin")]
                whole += 1
                start = u["text"].find("社会治安综合治理中心", start + 1)
            for m in u["marks"]:
                for f in forms:
                    if len(f) <= m["end"] - m["start"]:
                        continue
                    s = u["text"].find(f)
                    while s >= 0:
                        e = s + len(f)
                        if s <= m["start"] and m["end"] <= e:
                            blockers = [o for o in u["marks"] if o is not m and o["start"] < e and o["end"] > s]
                            assert blockers, (u["eid"], m["text"], f)
                        s = u["text"].find(f, s + 1)
    assert whole >= 3   # Shanxi Art. 10, Jiangxi Art. 13 (read off the texts), on article and full-text pages


DEF_ANCHOR = {("shanxi", "平安建设"): (2, 2), ("jiangxi", "平安建设"): (2, 2), ("jiangxi", "统筹协调机构"): (11, 1),
              ("jiangxi", "成员单位"): (12, 1), ("jiangxi", "综治中心"): (13, 1)}


def test_defined_terms_link_to_their_definition(pages, regs, terms):
    forms = [f for t in terms for f in t.forms]
    for (reg_id, form), (art_n, para_n) in DEF_ANCHOR.items():
        reg = regs[reg_id]
        all_units = units(reg.articles)
        def_index = next(i for i, u in enumerate(all_units) if u.eid == f"art_{art_n}__para_{para_n}")
        links = dfns = 0
        for art in reg.articles:
            page = pages[(reg_id, art.number)]
            for u in page.units:
                for m in u["marks"]:
                    if m["text"] != form:
                        continue
                    if m["tag"] == "dfn":
                        assert u["eid"] == f"art_{art_n}__para_{para_n}"
                        dfns += 1
                    elif m["tag"] == "a":
                        want = f"#para-{para_n}" if art.number == art_n else f"../art-{art_n}/#para-{para_n}"
                        if art.number == art_n:
                            want = "./" + want
                        assert m["attrs"]["href"] == want, (reg_id, u["eid"], m["attrs"]["href"])
                        assert "lex-defined" in m["attrs"]["class"]
                        links += 1
        # independent count of the uses that must link: occurrences of the form in other units
        # (after the definition for 以下简称 / 以下称), not inside a longer glossary form
        expected = 0
        scope = all_units if form == "平安建设" else all_units[def_index + 1:]
        for u in scope:
            if u.eid == all_units[def_index].eid:
                continue
            s = u.zh.find(form)
            while s >= 0:
                longer = any(k <= s and s + len(form) <= k + len(f)
                             for f in forms if f != form and form in f
                             for k in (x.start() for x in re.finditer(re.escape(f), u.zh)))
                expected += not longer
                s = u.zh.find(form, s + 1)
        assert dfns == 1 and links == expected and links > 0, (reg_id, form, links, expected)


def test_tooltip_shows_both_scripts_and_the_definition(built_site, by_id):
    html = (built_site / "jiangxi" / "art-13" / "index.html").read_text(encoding="utf-8")
    dfn = re.search(r'<dfn class="lex-term lex-dfn" data-term="zongzhi-zhongxin" tabindex="0" title="([^"]*)">综治中心</dfn>', html)
    assert dfn, "the defining occurrence of 综治中心 is a focusable <dfn> with a tooltip"
    title = dfn[1]
    assert "综治中心 · 綜治中心 = 社会治安综合治理中心" in title
    assert by_id["zongzhi-zhongxin"].en in title


# ------------------------------------------------------------------ glossary page and data

def pinyin_plain(p: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", p.lower()) if c.isalpha() and c.isascii())


def test_glossary_page(built_site, terms):
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<div class="lex-gl-term" id="([a-z0-9-]+)">', html)
    assert sorted(ids) == sorted(t.id for t in terms)
    order = {t.id: (pinyin_plain(t.pinyin), t.zh) for t in terms}
    assert ids == sorted(ids, key=order.get), "entries in pinyin order"
    for cat in CATEGORIES:
        assert f'id="category-{cat}"' in html
    for t in terms:
        assert f'<a href="#{t.id}">' in html     # listed under its category
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="glossary/" class="md-nav__link">(?:(?!</a>).)*术语表 Glossary', home, re.S)


def test_glossary_data_and_concordance(built_site, regs, terms):
    data = json.loads((built_site / "data" / "glossary.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and len(data["terms"]) == len(terms)
    keys = {"id", "zh", "zh_hant", "pinyin", "en", "en_variants", "category", "category_name", "variants",
            "definition", "definition_zh", "url", "defined_in", "concordance"}
    for t in data["terms"]:
        assert set(t) == keys and set(t["concordance"]) == set(regs)
    entry = {t["id"]: t for t in data["terms"]}
    assert [(d["regulation"], d["eid"]) for d in entry["zongzhi-zhongxin"]["defined_in"]] == [("jiangxi", "art_13__para_1")]
    assert {d["regulation"] for d in entry["pingan-jianshe"]["defined_in"]} == {"shanxi", "jiangxi"}
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for term_id in SAMPLE:
        term = next(t for t in terms if t.id == term_id)
        for reg in regs.values():
            counts = {a.number: raw_count("\n".join(u.zh for u in units((a,))), term.forms) for a in reg.articles}
            expected = [{"number": n, "count": c, "url": f"/{reg.id}/art-{n}/"} for n, c in counts.items() if c]
            assert entry[term_id]["concordance"][reg.id] == {"count": sum(counts.values()), "articles": expected}
            block = html[html.index(f'id="{term_id}"'):]
            block = block[:block.index("</div>")]
            for a in expected:
                assert f'href="../{reg.id}/art-{a["number"]}/"' in block


def test_glossary_yaml_is_the_only_source():
    """The glossary data has no defining-article field: definitions are found in the texts."""
    raw = yaml.safe_load((CORPUS / "glossary.yaml").read_text(encoding="utf-8"))
    assert all("defined_in" not in t and "article" not in t for t in raw["terms"])


# ------------------------------------------------------------------ keyboard (browser)

def test_tab_reaches_a_term_and_exposes_its_tooltip(page, served_site, by_id):
    page.goto(served_site + "jiangxi/art-13/")
    page.wait_for_load_state("load")
    for _ in range(150):
        page.keyboard.press("Tab")   # a plain <abbr> term: focusable only through its tabindex
        if page.evaluate("() => document.activeElement.matches('abbr.lex-term')"):
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    term_id = page.evaluate("() => document.activeElement.dataset.term")
    describe = """() => { const el = document.activeElement;
        const id = el.getAttribute('aria-describedby'); const tip = id && document.getElementById(id);
        if (!tip) return null; const r = tip.getBoundingClientRect(), s = getComputedStyle(tip);
        return {text: tip.innerText, visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden'}; }"""
    wait_until(page, f"() => {{ const d = ({describe})(); return d && d.visible; }}")  # Material shows tooltips after a short delay
    described = page.evaluate(describe)
    assert described, "the focused term is described by no tooltip element"
    assert by_id[term_id].en in described["text"] and described["visible"]
    # hover reaches the same kind of tooltip on another term
    page.keyboard.press("Tab")
    other = page.locator(".lex-zh .lex-term:not(.lex-rep)").nth(3)   # later uses are plain by default
    other.hover()
    wait_until(page, "el => !!el.getAttribute('aria-describedby')", other.element_handle())
    assert other.get_attribute("aria-describedby")


# ------------------------------------------------------------------ terms in the English gloss (issue 25)

HAN_CHAR = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def en_pages(built_site, regs):
    """As `pages`, the English of each unit (item labels left out)."""
    out = {}
    for reg in regs.values():
        out[(reg.id, None)] = parse(built_site / reg.id / "index.html", "lex-en")
        for art in reg.articles:
            out[(reg.id, art.number)] = parse(built_site / reg.id / f"art-{art.number}" / "index.html", "lex-en")
    return out


def test_english_marks_keep_every_character_of_the_gloss(en_pages, regs, edition):
    """Strip the markup from every rendered English unit: the gloss comes back unchanged, on each page."""
    for reg in regs.values():
        gloss = edition.glosses[reg.id]
        expected = {u.eid: gloss.unit(u.eid) for u in units(reg.articles) if gloss.unit(u.eid)}
        assert {u["eid"]: u["text"].lstrip() for u in en_pages[(reg.id, None)].units} == expected
        per_article = {}
        for art in reg.articles:
            per_article.update({u["eid"]: u["text"].lstrip() for u in en_pages[(reg.id, art.number)].units})
        assert per_article == expected


def test_each_term_marked_in_the_chinese_is_marked_in_its_english(pages, en_pages, by_id):
    """An English-only reader meets the glossary terms too: in each unit, a term its Chinese marks is marked once in
    its English, on the term's glossary rendering (`en` or an `en_variants` form), with the same tooltip; the first
    in an article is a tab stop, later ones lex-rep (the reader's switch: first use / every use / none)."""
    from build_scripts.enrich.glossary import rendering_pattern
    wanted = found = 0
    for key, page in pages.items():
        english = {u["eid"]: u for u in en_pages[key].units}
        first: set = set()
        for u in page.units:
            titles: dict = {}
            for m in u["marks"]:
                if m["attrs"].get("data-term") and "lex-term" in m["attrs"]["class"].split():
                    titles.setdefault(m["attrs"]["data-term"], m["attrs"]["title"])
            if u["eid"] not in english:
                continue
            wanted += len(titles)
            marks = english[u["eid"]]["marks"]
            ids = [m["attrs"].get("data-term") for m in marks]
            assert len(ids) == len(set(ids)), (key, u["eid"], ids)             # once per unit
            art = int(u["eid"].split("__")[0][4:])
            for m in marks:
                term_id = m["attrs"]["data-term"]
                assert m["attrs"]["title"] == titles[term_id], (key, u["eid"], term_id)
                assert any(rendering_pattern(r).fullmatch(m["text"]) for r in by_id[term_id].renderings), m["text"]
                if m["tag"] != "dfn":
                    rep = "lex-rep" in m["attrs"]["class"].split()
                    assert rep == ((art, term_id) in first), (key, u["eid"], m["text"])
                    assert m["tag"] == "a" or m["attrs"].get("tabindex") == (None if rep else "0")
                first.add((art, term_id))
                found += 1
    print(f"terms marked in the Chinese units of the pages: {wanted}; marked in their English: {found}")
    assert found > 1000 and found >= 0.99 * wanted


def test_an_english_only_reader_can_hover_and_focus_terms(page, served_site, by_id):
    """仅英文 hides the Chinese: the terms are marked in the English, reachable by Tab, their tooltip in English; the
    legend's sample word is English; 'every use' marks the later uses there too."""
    page.goto(served_site + "jiangxi/art-15/")
    page.click("[data-lex-mode=en]")
    assert page.locator(".lex-marks-sample").inner_text().strip() == "term"
    shown = page.locator(".lex-en .lex-term:not(.lex-rep)")
    assert shown.count() >= 5 and shown.first.is_visible()
    deco = "el => getComputedStyle(el).textDecorationLine + ' ' + getComputedStyle(el).textDecorationStyle"
    assert page.eval_on_selector(".lex-en abbr.lex-term:not(.lex-rep)", deco) == "underline dotted"
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.lex-en .lex-term')"):
            break
    else:
        pytest.fail("Tab never reached a term in the English")
    term_id = page.evaluate("() => document.activeElement.dataset.term")
    describe = """() => { const id = document.activeElement.getAttribute('aria-describedby');
        const tip = id && document.getElementById(id); if (!tip) return null; const r = tip.getBoundingClientRect();
        return r.width > 0 && r.height > 0 ? tip.innerText : null; }"""
    assert wait_until(page, describe), "the focused English term shows no tooltip"
    text = page.evaluate(describe)
    assert by_id[term_id].definition[:40] in text and not HAN_CHAR.search(text), text
    rep = ".lex-en abbr.lex-rep"
    assert page.eval_on_selector(rep, deco).startswith("none")
    page.click("[data-lex-marks=all]")
    assert page.eval_on_selector(rep, deco) == "underline dotted"
    assert page.eval_on_selector(rep, "el => el.tabIndex") == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_term_tooltips_are_readable_on_the_desktop(page, served_site, scheme):
    """A term's pop-up at 1280 px: body-size text (14 px or more, regular weight), light and dark."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(served_site + "jiangxi/art-15/")
    term = page.locator(".lex-zh abbr.lex-term:not(.lex-rep)").first
    term.hover()
    assert wait_until(page, "el => !!el.getAttribute('aria-describedby')", term.element_handle())
    style = page.evaluate("""id => { const tip = document.getElementById(id);
        const inner = tip.querySelector('.md-tooltip2__inner, .md-tooltip__inner') || tip;
        const s = getComputedStyle(inner); const r = inner.getBoundingClientRect();
        return {size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight), color: s.color, bg: s.backgroundColor,
                visible: r.width > 0 && r.height > 0}; }""", term.get_attribute("aria-describedby"))
    assert style["visible"] and style["size"] >= 14 and style["weight"] <= 400, style
    assert style["color"] != style["bg"]
