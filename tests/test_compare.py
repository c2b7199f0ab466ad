"""The provincial comparison: the curated concordance (coverage, ids, kinds), the similarity cross-check,
the character diff, the built /compare/ pages, counterparts on article pages, N-regulation genericity."""
import copy
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from build_scripts.enrich.alignment import (
    EQUIVALENT_MIN,
    SIMILAR_MAX,
    Alignment,
    AlignmentError,
    Pair,
    Provision,
    Topic,
    build_alignment,
    char_diff,
    contradictions,
    load_alignment,
    similarity,
)
from build_scripts.enrich.edition import load_edition
from build_scripts.features import compare
from build_scripts.model.regulation import units
from build_scripts.model.urls import compare_topic_src
from build_scripts.parse.corpus import CORPUS, load_all
from build_scripts.render.context import Site

RAW = yaml.safe_load((CORPUS / "alignment.yaml").read_text(encoding="utf-8"))
ALIGNED = tuple(sorted({r for t in RAW["topics"] for r in t["provisions"]}))  # the regulations alignment.yaml names
EID = re.compile(r"^art_(\d+)")


@pytest.fixture(scope="module")
def regs_tuple():
    return load_all()


@pytest.fixture(scope="module")
def al(regs_tuple):
    return load_alignment(regs_tuple)


def all_eids(reg) -> set[str]:
    """Every citable id of a regulation, computed from the model, not from alignment.py."""
    return {a.eid for a in reg.articles} | {u.eid for u in units(reg.articles)}


# ------------------------------------------------------------------------------------------- the data

def test_concordance_size_and_shape():
    topics = RAW["topics"]
    assert len(topics) >= 25
    for t in topics:
        assert t["name"]["en"].strip() and t["name"]["zh"].strip(), t["id"]
        assert set(t["name"]) == {"en", "zh"}, t["id"]      # a YAML flow-mapping comma would add a key
        assert len(t["note"].split()) >= 12, t["id"]         # a note that says something


def test_every_article_of_both_regulations_is_placed(regs):
    for reg_id in ("shanxi", "jiangxi"):
        placed = {int(EID.match(e)[1]) for t in RAW["topics"] for e in t["provisions"][reg_id]}
        assert placed == set(range(1, len(regs[reg_id].articles) + 1)), reg_id


def test_every_referenced_id_exists(regs):
    for t in RAW["topics"]:
        for reg_id, eids in t["provisions"].items():
            assert set(eids) <= all_eids(regs[reg_id]), (t["id"], reg_id, set(eids) - all_eids(regs[reg_id]))
        for pair in t.get("pairs") or []:
            for reg_id in ("shanxi", "jiangxi"):
                assert pair[reg_id] in all_eids(regs[reg_id]), (t["id"], pair)
            assert pair["kind"] in ("equivalent", "similar")


def test_loaded_alignment_agrees_with_the_yaml(al):
    assert al.aligned == ALIGNED and al.not_aligned == ()
    assert [t.id for t in al.topics] == [t["id"] for t in RAW["topics"]]
    assert sum(len(t.pairs) for t in al.topics) == sum(len(t.get("pairs") or []) for t in RAW["topics"])
    only = {t.id: t.only_in() for t in al.topics if t.only_in()}
    assert only["railway-protection"] == "shanxi" and only["publicity-week"] == "shanxi"
    assert only["floating-population"] == "jiangxi" and only["tourism-safety"] == "jiangxi"
    assert only["financial-risk-illegal-fundraising"] == "jiangxi"


def mutate(fn):
    data = copy.deepcopy(RAW)
    fn(data)
    return data


def topic(data, tid):
    return next(t for t in data["topics"] if t["id"] == tid)


BAD_DATA = [
    ("unknown key", lambda d: topic(d, "grid-management").update(remark="x"), "'grid-management': unknown key"),
    ("unknown eid", lambda d: topic(d, "grid-management")["provisions"]["shanxi"].append("art_99"),
     "'grid-management': provisions.shanxi: art_99"),
    ("unknown paragraph", lambda d: topic(d, "campus-safety")["provisions"]["jiangxi"].append("art_1__para_3"),
     "'campus-safety': provisions.jiangxi: art_1__para_3"),
    ("bad kind", lambda d: topic(d, "campus-safety")["pairs"][0].update(kind="same"), "'campus-safety': pair #1: kind"),
    ("pair outside provisions", lambda d: topic(d, "campus-safety")["pairs"][0].update(shanxi="art_24"),
     "'campus-safety': pair #1: shanxi art_24 is not among"),
    ("regulation left out", lambda d: topic(d, "tourism-safety")["provisions"].pop("shanxi"),
     "'tourism-safety': provisions lack ['shanxi']"),
    ("unknown regulation", lambda d: topic(d, "tourism-safety")["provisions"].update({"no-such-regulation": []}), "unknown regulation"),
    ("shared topic without pairs", lambda d: topic(d, "drug-control").pop("pairs"), "'drug-control': provisions in"),
    ("split name", lambda d: topic(d, "drug-control").update(name={"en": "Drugs", "control": None, "zh": "禁毒"}),
     "'drug-control': name"),
    ("duplicate id", lambda d: topic(d, "drug-control").update(id="campus-safety"), "'campus-safety': id used twice"),
    ("article left unplaced", lambda d: d["topics"].remove(topic(d, "railway-protection")),
     "shanxi article(s) [25] belong to no topic"),
]


@pytest.mark.parametrize("transform,message", [b[1:] for b in BAD_DATA], ids=[b[0] for b in BAD_DATA])
def test_bad_alignment_stops_the_build_naming_the_topic(regs_tuple, transform, message):
    with pytest.raises(AlignmentError) as err:
        build_alignment(mutate(transform), regs_tuple)
    assert message in str(err.value)


# ------------------------------------------------------------------------------------------- similarity

def test_similarity_by_hand():
    # Shanxi Art. 2(1) has 20 characters, Jiangxi Art. 2(1) 28; they share 本省行政区域内 (7), 平安建设 (4) and
    # ，适用本条例。 (7): ratio = 2 * 18 / 48 = 0.75
    sx = "本省行政区域内开展平安建设，适用本条例。"
    jx = "本省行政区域内平安建设及其相关监督管理活动，适用本条例。"
    assert similarity(jx, sx) == pytest.approx(0.75)
    assert similarity("甲乙", "甲乙") == 1.0 and similarity("甲乙", "丙丁") == 0.0
    assert similarity("甲 乙\n", "甲乙") == 1.0   # whitespace ignored


def test_no_curated_kind_contradicts_the_measured_similarity(al):
    assert contradictions(al) == []


def test_cross_check_flags_contradicting_pairs():
    def pair(kind, sim):
        return Pair(Provision("a", "art_1", 1), Provision("b", "art_1", 1), kind, sim)
    t = Topic("t", "T", "T", {"a": (Provision("a", "art_1", 1),), "b": (Provision("b", "art_1", 1),)},
              (pair("equivalent", EQUIVALENT_MIN - 0.01), pair("similar", SIMILAR_MAX + 0.01),
               pair("equivalent", 0.9), pair("similar", 0.2)), "note")
    flagged = contradictions(Alignment((t,), ("a", "b"), ()))
    assert len(flagged) == 2
    assert "'equivalent' but similarity 0.49" in flagged[0] and "'similar' but similarity 0.81" in flagged[1]


def test_cross_check_would_catch_a_real_curation_slip(regs_tuple):
    # ideological security: Shanxi Art. 11 and Jiangxi Art. 27 share a subject, hardly any words
    data = mutate(lambda d: topic(d, "ideological-security")["pairs"][0].update(kind="equivalent"))
    flagged = contradictions(build_alignment(data, regs_tuple))
    assert len(flagged) == 1 and flagged[0].startswith("ideological-security: art_27 ~ art_11")


# ------------------------------------------------------------------------------------------- diff

def test_char_diff_of_a_known_pair(regs, al):
    """Jiangxi Art. 2(1) against Shanxi Art. 2(1), worked out by hand: Shanxi adds 开展, Jiangxi adds
    及其相关监督管理活动, the rest is shared."""
    from build_scripts.enrich.alignment import provision_text
    pair = al.topic("definition-and-scope").pairs[0]
    assert (pair.a.eid, pair.b.eid, pair.kind) == ("art_2__para_1", "art_2__para_1", "equivalent")
    jx, sx = provision_text(regs["jiangxi"], pair.a), provision_text(regs["shanxi"], pair.b)
    assert char_diff(jx, sx) == [("same", "本省行政区域内"), ("ins", "开展"), ("same", "平安建设"),
                                 ("del", "及其相关监督管理活动"), ("same", "，适用本条例。")]
    html = compare.diff_html(jx, sx, ("江西省", "Jiangxi"), ("山西省", "Shanxi"))
    def said(zh, en):     # screen-reader words in both languages, each marked (the display mode keeps one)
        return f'<span lang="zh-Hans">{zh}</span><span class="lex-sep"> / </span><span lang="en">{en}</span>'
    assert (f'<ins><span class="cmp-cue" aria-hidden="true">[+</span><span class="cmp-sr">{said("仅见于山西省", "only in Shanxi")}'
            f': </span>开展<span class="cmp-cue" aria-hidden="true">]</span><span class="cmp-sr"> ({said("止", "end")})</span>'
            '</ins>') in html
    assert f'<span class="cmp-sr">{said("仅见于江西省", "only in Jiangxi")}: </span>及其相关监督管理活动' in html
    assert html.count("<del>") == 1 and html.count("<ins>") == 1
    assert compare.diff_counts(jx, sx) == {"same": 18, "del": 10, "ins": 2}


def test_char_diff_gives_back_both_texts(regs, al):
    from build_scripts.enrich.alignment import provision_text
    for t in al.topics:
        for p in t.pairs:
            a, b = provision_text(regs[p.a.reg], p.a), provision_text(regs[p.b.reg], p.b)
            d = char_diff(a, b)
            assert "".join(x for op, x in d if op != "ins") == a
            assert "".join(x for op, x in d if op != "del") == b


# ------------------------------------------------------------------------------------------- built pages

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.stack, self.diff_marks = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag in ("ins", "del"):
            self.diff_marks.append([tag, ""])
        if tag == "span" and self.diff_marks and "cmp-sr" in (a.get("class") or ""):
            self.diff_marks[-1][1] += "<sr>"

    def handle_data(self, data):
        if self.diff_marks:
            self.diff_marks[-1][1] += data


def parse(path: Path) -> Page:
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def resolve(page: Path, href: str) -> tuple[Path, str | None]:
    path, _, anchor = href.partition("#")
    target = (page.parent / path).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target, anchor or None


def test_topic_pages_build_with_an_anchor_per_topic(built_site, al):
    overview = parse(built_site / "compare" / "index.html")
    for t in al.topics:
        page = built_site / "compare" / t.id / "index.html"
        assert page.exists(), t.id
        parsed = parse(page)
        assert {t.id, "note", "provisions"} <= parsed.ids, t.id
        assert {f"pair-{k}" for k in range(1, len(t.pairs) + 1)} <= parsed.ids
        assert t.id in overview.ids                      # matrix row: /compare/#<topic-id>
        if t.only_in():
            assert t.id in parse(built_site / "compare" / f"only-{t.only_in()}" / "index.html").ids


def content(path: Path) -> Page:
    """The page's article content only (the nav sidebar is the same on every page)."""
    html = path.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner')
    p = Page()
    p.feed(html[start:html.index("</article>", start)])
    return p


def test_comparison_links_resolve(built_site):
    ids: dict[Path, set] = {}
    checked = 0
    for page in sorted((built_site / "compare").rglob("index.html")):
        for href in content(page).hrefs:
            if re.match(r"[a-z]+:", href):
                continue
            target, anchor = resolve(page, href)
            assert target.exists(), (page, href)
            if anchor and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse(target).ids
                assert anchor in ids[target], (page, href)
            checked += 1
    assert checked > 1000


def test_diff_marks_carry_words_not_only_colour(built_site, al):
    equivalent = [t for t in al.topics if any(p.kind == "equivalent" for p in t.pairs)]
    assert equivalent
    for t in equivalent:
        html = (built_site / "compare" / t.id / "index.html").read_text(encoding="utf-8")
        diffs = re.findall(r'<div class="cmp-diff" lang="zh-Hans">(.*?)</div>', html, re.S)
        assert len(diffs) == sum(p.kind == "equivalent" for p in t.pairs), t.id
        marks = [m for d in diffs for m in re.findall(r"<(ins|del)>(.*?)</\1>", d, re.S)]
        assert marks, t.id
        for tag, inner in marks:   # each mark says in words which regulation has the text, and shows [+ / [−
            assert re.search(r'<span class="cmp-sr"><span lang="zh-Hans">仅见于\S+</span><span class="lex-sep"> / </span>'
                             r'<span lang="en">only in \w+</span>: </span>', inner), (t.id, inner)
            assert ("[+" if tag == "ins" else "[−") in inner


def test_comparison_pages_are_not_searched(built_site, al, site):
    site_files = compare.Compare(site).files({})
    pages = {src: text for src, text in site_files.items() if src.endswith(".md")}
    assert len(pages) == len(al.topics) + 2 + len(al.aligned)     # topics, overview, terms, one "only" page each
    for src, text in pages.items():
        head = text.split("\n---\n")[0] + "\n"
        assert text.startswith("---\n") and "\nsearch:\n  exclude: true\n" in head, src
    # the edition's search keeps each document's text in a shard, search/t/<k>.js, with its location "l"
    locations = [m.group(1) for shard in (built_site / "search" / "t").glob("*.js")
                 for m in re.finditer(r'"l":"([^"]*)"', shard.read_text(encoding="utf-8"))]
    assert None not in locations and any(loc.startswith("jiangxi/art-15/") for loc in locations)
    assert not [loc for loc in locations if loc.startswith("compare/")]


def test_article_pages_link_their_counterparts(built_site):
    page_path = built_site / "jiangxi" / "art-15" / "index.html"
    page = parse(page_path)
    assert "counterparts" in page.ids
    targets = {resolve(page_path, h) for h in page.hrefs}
    assert (built_site / "shanxi" / "art-35" / "index.html", None) in targets
    assert (built_site / "shanxi" / "art-10" / "index.html", None) in targets
    assert (built_site / "compare" / "grid-management" / "index.html", None) in targets
    # a paragraph-level counterpart links to the paragraph's anchor
    sx8 = built_site / "shanxi" / "art-8" / "index.html"
    assert (built_site / "jiangxi" / "art-49" / "index.html", None) in {resolve(sx8, h) for h in parse(sx8).hrefs}
    jx49 = built_site / "jiangxi" / "art-49" / "index.html"
    assert (sx8, "para-2") in {resolve(jx49, h) for h in parse(jx49).hrefs}


def test_alignment_json_published(built_site, al):
    data = json.loads((built_site / "data" / "alignment.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert set(data) == {"schema_version", "kinds", "similarity", "regulations", "topics"}
    assert [t["id"] for t in data["topics"]] == [t.id for t in al.topics]
    t = next(t for t in data["topics"] if t["id"] == "grid-management")
    assert set(t) == {"id", "name", "note", "url", "only_in", "status", "provisions", "pairs"}
    assert t["url"] == "/compare/grid-management/"
    assert t["provisions"]["jiangxi"][1] == {"regulation": "jiangxi", "eid": "art_53__para_1",
                                             "label": {"zh": "第五十三条第一款", "en": "Art. 53(1)"},
                                             "url": "/jiangxi/art-53/#para-1"}
    assert t["pairs"][0]["kind"] == "similar" and 0 <= t["pairs"][0]["similarity"] <= 1
    for topic_data in data["topics"]:
        for provs in topic_data["provisions"].values():
            for p in provs:
                path, _, anchor = p["url"].lstrip("/").partition("#")
                target = built_site / path / "index.html"
                assert target.exists() and (not anchor or anchor in parse(target).ids), p


def test_term_frequency_page(built_site, regs):
    html = (built_site / "compare" / "terms" / "index.html").read_text(encoding="utf-8")
    # 网格员 occurs in Jiangxi Art. 15 only; count it independently of compare.py
    n = sum(1 for a in regs["jiangxi"].articles for _ in re.finditer("网格员", "".join(
        p.text + "".join(i.label + i.text for i in p.items) for p in a.paragraphs)))
    assert n > 0
    row = re.search(r'<tr id="wanggeyuan">(.*?)</tr>', html)
    if row is None:
        pytest.skip("glossary has no term with id wanggeyuan")
    assert f'<span class="cmp-count">{n}</span>' in row[1]


# ------------------------------------------------------------------------------------------- N regulations

def corpus_with_unaligned(tmp_path_factory, n: int) -> Path:
    """The real corpus plus n regulations (copies of Shanxi's text under other ids) that no topic names."""
    corpus = tmp_path_factory.mktemp(f"corpus{2 + n}")
    for item in CORPUS.iterdir():
        (shutil.copytree if item.is_dir() else shutil.copy)(item, corpus / item.name)
    for k in range(n):
        suffix = "" if k == 0 else str(k + 1)
        third = corpus / f"testprov{suffix}"
        third.mkdir()
        shutil.copy(CORPUS / "shanxi" / "source.txt", third / "source.txt")
        (third / "meta.yaml").write_text(
            f"title: {{zh: 测试省{suffix}平安建设条例, en: Testprov{suffix} Regulations on Ping'an Construction}}\n"
            f"short: tp{suffix}\njurisdiction_name: {{zh: 测试省{suffix}, en: Testprov{suffix} Province}}\n"
            "effective: 2023-09-01\n", encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def three_site(tmp_path_factory):
    return Site(load_edition(corpus_with_unaligned(tmp_path_factory, 1)))


def test_third_regulation_appears_everywhere_as_not_aligned(three_site):
    site = three_site
    feature = compare.Compare(site)
    al = feature.alignment
    assert al.aligned == ALIGNED and al.not_aligned == ("testprov",)
    files = feature.files({})
    for t in al.topics:
        page = files[compare_topic_src(t.id)]
        assert "测试省" in page and "尚未对照" in page and "not aligned yet" in page, t.id
        assert 'id="side-testprov"' in page
    overview = files["compare/index.md"]
    section = overview[overview.index("{: #not-aligned }"):]
    assert '<tr id="side-testprov">' in section and "../testprov/" in section       # one row, to its text
    matrix = overview[overview.index("{: #topics }"):]
    assert "测试省" not in matrix and "not aligned yet" not in matrix                  # no column of blanks
    assert "compare/only-testprov.md" in files and "not aligned yet" in files["compare/only-testprov.md"]
    data = json.loads(files["data/alignment.json"])
    assert {r["id"]: r["aligned"] for r in data["regulations"]} == {**dict.fromkeys(ALIGNED, True), "testprov": False}
    assert all(t["status"]["testprov"] == "not_aligned" for t in data["topics"])
    only = next(e for e in feature.nav()[0]["对照 Compare"] if "仅见于一部法规 Only in one regulation" in e)
    assert any("Only in Testprov" in k for entry in only["仅见于一部法规 Only in one regulation"] for k in entry)
    assert "not aligned yet" in feature.article_block(site.ref("testprov", 25), "testprov/art-25.md")
    extras = feature.article_block(site.ref("jiangxi", 15), "jiangxi/art-15.md")
    assert "测试省" in extras and "not aligned yet" in extras and "../../shanxi/art-35/" in extras


def test_many_unaligned_regulations_are_a_count_not_columns(tmp_path_factory):
    """Past NAMED_MAX, the regulations no topic names are one linked count per page (issue 22: a hundred
    real regulations made every topic page a hundred columns wide, almost all of them blank)."""
    n = compare.NAMED_MAX + 1
    site = Site(load_edition(corpus_with_unaligned(tmp_path_factory, n)))
    feature = compare.Compare(site)
    files = feature.files({})
    label = f"{n}部法规"
    for t in feature.alignment.topics:
        page = files[compare_topic_src(t.id)]
        assert page.count("测试省") == 0 and label in page and "../#not-aligned" in page, t.id
        assert page.count("<th scope=\"col\">") == len(ALIGNED)
    extras = feature.article_block(site.ref("jiangxi", 15), "jiangxi/art-15.md")
    assert "测试省" not in extras and label in extras and "../../compare/#not-aligned" in extras
    section = files["compare/index.md"].split("{: #not-aligned }")[1]
    assert section.count('<tr id="side-testprov') == n


def test_alignment_json_keys_are_documented(built_site):
    doc = (Path(__file__).resolve().parent.parent / "docs" / "data.md").read_text(encoding="utf-8")
    section = doc[doc.index("{ #alignment-json }"):]
    data = json.loads((built_site / "data" / "alignment.json").read_text(encoding="utf-8"))
    keys = set(data) | set(data["topics"][0]) | set(data["regulations"][0]) | set(data["similarity"])
    keys |= set(data["topics"][0]["provisions"]["jiangxi"][0]) | {"provisions", "kind", "similarity"}
    for key in keys:
        assert f"`{key}" in section or f"{key}," in section or f" {key}" in section, key
