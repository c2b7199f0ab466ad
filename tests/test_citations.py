"""Citing: the parsing rules (case table), citation strings (Ref), short links, anchors.json, JSON-LD, and
no permalink without a public base URL (the tests build with SITE_URL unset; a build with one:
tests/quality/test_permalinks.py)."""
import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from build_scripts.features import citations as C
from build_scripts.model import citeparse
from build_scripts.model import citerules as R
from build_scripts.model.ref import Ref
from build_scripts.parse.corpus import load_all
from build_scripts.render.html import ENV

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "citation_cases.yaml").read_text(encoding="utf-8"))["cases"]


def outcome(parsed: dict, resolved: dict):
    """The case table's shape: parse -> dict or error code; resolve -> ["reg:eid"] or error code."""
    p = {k: parsed[k] for k in ("reg", "article", "paragraph", "item")} if parsed["ok"] else parsed["error"]
    r = [f"{m['reg']}:{m['eid'] or ''}" for m in resolved["matches"]] if resolved["ok"] else resolved["error"]
    return p, r


@pytest.fixture(scope="module")
def rules():
    return R.client_rules(load_all())


@pytest.fixture(scope="module")
def struct():
    return R.structure(load_all())


@pytest.mark.parametrize("case", CASES, ids=[c["input"] for c in CASES])
def test_case_table_python(case, rules, struct):
    parsed = C.parse(case["input"], rules)
    assert outcome(parsed, C.resolve(parsed, struct)) == (case["parse"], case["resolve"])


def test_alias_prefilter_tries_every_alias_that_matches(rules):
    """citeparse tries only the aliases whose first two characters (or one: 赣) are in the text; those that match
    are the ones a scan of every alias finds, in the same order, for the case table's inputs and for every alias
    inside running text."""
    from build_scripts.model import citeparse
    compiled = citeparse._compiled(rules)
    names = [citeparse.UNESCAPE.sub(r"\\1", m[1]) for p, _ in rules["aliases"]
             if (m := citeparse.LITERAL.fullmatch(p))]
    assert len(names) == len(rules["aliases"]), "every alias client_rules writes is a literal"
    texts = [R.normalise(c["input"], rules) for c in CASES] + [f"依照{n}第十五条" for n in names] + \
        [f"see {n}, art. 15" for n in names]
    for text in texts:
        every = [p.pattern for p, _ in compiled.aliases if p.search(text)]
        tried = [p.pattern for p, _ in citeparse._candidates(compiled, text) if p.search(text)]
        assert tried == every, text


def test_case_table_covers_every_pattern_and_error(rules, struct):
    """The table exercises each pattern of the rules and each error message."""
    used, errors = set(), set()
    for case in CASES:
        parsed = C.parse(case["input"], rules)
        r = C.resolve(parsed, struct)
        if not r["ok"]:
            errors.add(r["error"])
    for pat in rules["patterns"]:
        for case in CASES:
            p = C.parse(case["input"], {**rules, "patterns": [pat]})
            if p["ok"] and p["article"] is not None:
                used.add(pat["name"])
    assert used == {p["name"] for p in rules["patterns"]}
    assert errors >= {"empty", "unparseable", "not_found"}


def test_ambiguous_item_needs_paragraph():
    # no article of the corpus has items in two paragraphs: a synthetic structure checks the rule
    struct = {"x": [[3, 2]]}
    assert C.resolve({"ok": True, "reg": "x", "article": 1, "paragraph": None, "item": 1}, struct) == \
        {"ok": False, "error": "ambiguous_item"}
    assert C.resolve({"ok": True, "reg": "x", "article": 1, "paragraph": 2, "item": 2}, struct)["ok"]


def test_numbers():
    assert [R.to_number(t) for t in ("15", "十五", "二十", "一百零三", "一十五", "iii", "iv", "ix", "xiv", "两")] == \
        [15, 15, 20, 103, 15, 3, 4, 9, 14, 2]


def test_citation_strings(regs):
    """The one citation style (model/ref.py), as every output of this feature uses it."""
    jx, sx = regs["jiangxi"], regs["shanxi"]
    assert Ref(jx, 15, 2).citation == {
        "zh": "《江西省平安建设条例》第十五条第二款",
        "en": "Jiangxi Province Regulations on Ping'an-Building, Art. 15(2)"}
    assert Ref(jx, 11, 2, 3).citation["zh"] == "《江西省平安建设条例》第十一条第二款第（三）项"
    assert Ref(jx, 11, 2, 3).citation["en"].endswith(", Art. 11(2)(3)")
    # an article of one paragraph has no 款 number
    assert Ref(sx, 7, 1, 3).citation == {
        "zh": "《山西省平安建设条例》第七条第（三）项",
        "en": "Shanxi Province Regulations on Ping'an-Building, Art. 7, item 3"}
    assert Ref(sx, 15, 1).citation["zh"] == "《山西省平安建设条例》第十五条"


def test_resolver_examples_are_in_the_one_style(site):
    """The examples the resolver presents: Ref citations first; no roman item numbers as our style."""
    ex = C.examples(site)
    cites = {c for r in site.regs for ref in Ref.all(r) for c in ref.citation.values()}
    assert ex[:4] and all(e in cites for e in ex[:4]), ex
    assert any("item" in e for e in ex[:4]) and any("第（" in e for e in ex[:4])   # both item forms shown
    assert not any(re.search(r"\([ivx]+\)", e) for e in ex)


def test_no_html_in_the_python_of_these_features():
    """Issue 11: every fragment comes from a template; one escape (render.html)."""
    for name in ("features/citations", "features/opendata", "render/pdf", "model/citerules", "render/links"):
        src = (ROOT / "build_scripts" / f"{name}.py").read_text(encoding="utf-8")
        assert not re.search(r"<[a-z]", src), name
        assert "html.escape" not in src and "import html" not in src and "render.pages" not in src, name
    for name in ("citations/redirect.html.j2", "citations/resolver.md.j2", "citations/page_data.html.j2",
                 "opendata/downloads.md.j2", "pdf/document.html.j2"):
        ENV.get_template(name)


def test_every_citation_reads_back_to_its_unit(regs, rules, struct):
    """The edition's own citations, in both languages, resolve to the unit they cite."""
    n = 0
    for reg in regs.values():
        for u in Ref.all(reg):
            cite = u.citation
            for text in (cite["zh"], cite["en"], u.short_path, u.path):
                r = C.resolve(C.parse(text, rules), struct)
                assert r["ok"], (text, r)
                got = [m["eid"] for m in r["matches"] if m["reg"] == reg.id]
                # a single paragraph is cited like its article: both are the same text
                want = {u.eid} if not (u.kind == "paragraph" and len(u.art.paragraphs) == 1
                                       and text in (cite["zh"], cite["en"])) else {u.eid, u.art.eid}
                assert got and set(got) <= want, (text, got, u.eid)
                n += 1
    assert n == 4 * sum(len(Ref.all(r)) for r in regs.values())


def test_rules_are_portable(rules):
    """Only constructs shared by Python re and JavaScript RegExp: no named groups, inline flags, \\A, \\Z."""
    blob = json.dumps(rules, ensure_ascii=False)
    for bad in ("(?P<", "(?i", "\\\\A", "\\\\Z"):
        assert bad not in blob
    for pat in rules["patterns"]:
        assert re.compile(pat["re"]).groups == len(pat["groups"]), pat["name"]


# ---------------------------------------------------------------------------------- built site
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
IDS = re.compile(r'\sid="([^"]+)"')


def ids_of(path: Path) -> set[str]:
    return set(IDS.findall(path.read_text(encoding="utf-8")))


def land(page: Path, href: str) -> tuple[Path, str | None]:
    path, _, anchor = href.partition("#")
    target = (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, anchor or None


def test_short_links_land_on_existing_anchors(built_site, regs):
    count = 0
    for reg in regs.values():
        for u in Ref.all(reg):
            page = built_site / u.short_path / "index.html"
            html = page.read_text(encoding="utf-8")
            href = unescape(REFRESH.search(html)[1])
            target, anchor = land(page, href)
            assert target == (built_site / reg.id / f"art-{u.article}" / "index.html").resolve(), page
            assert anchor == u.anchor
            if anchor:
                assert anchor in ids_of(target), (page, href)
            assert f'<a href="{href}">' in html                                   # visible link
            assert 'rel="canonical"' not in html                                  # no public base set
            count += 1
        top = built_site / reg.meta.short / "index.html"
        assert land(top, unescape(REFRESH.search(top.read_text(encoding="utf-8"))[1]))[0] == \
            (built_site / reg.id / "index.html").resolve()
    assert count == 109 + 179 + 46  # articles, paragraphs, items: 63+46, 119+60, 23+23 (edition check)


def test_anchors_json_entries_exist_in_built_html(built_site, regs):
    data = json.loads((built_site / "data" / "anchors.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and data["site_url"] is None           # no public base set
    units = data["units"]
    assert len(units) == 109 + 179 + 46
    assert len({(u["reg"], u["eid"]) for u in units}) == len(units)
    pages: dict[Path, set] = {}
    for u in units:
        for key in ("url", "full_text_url"):
            path, _, anchor = u[key].partition("#")
            page = built_site / path.strip("/") / "index.html"
            ids = pages.setdefault(page, ids_of(page))
            assert (anchor or None) is None or anchor in ids, (key, u[key])
        assert (built_site / u["short_url"].strip("/") / "index.html").exists()
        assert u["permalink"] is None
        assert u["citation"]["text"] == f"{u['citation']['zh']} / {u['citation']['en']}"
        assert re.fullmatch(r"art_\d+(__para_\d+(__point_\d+)?)?", u["eid"])
    first = next(u for u in units if u["reg"] == "jiangxi" and u["eid"] == "art_15__para_2")
    assert first["url"] == "/jiangxi/art-15/#para-2" and first["short_url"] == "/jx/15/2/"
    assert first["citation"]["zh"] == "《江西省平安建设条例》第十五条第二款"


def ld_blocks(html: str) -> list[dict]:
    return [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_article_pages_carry_json_ld_without_a_local_url(built_site, regs):
    for reg in regs.values():
        for art in reg.articles:
            html = (built_site / reg.id / f"art-{art.number}" / "index.html").read_text(encoding="utf-8")
            assert 'rel="canonical"' not in html
            blocks = [b for b in ld_blocks(html) if b.get("@type") == "Legislation"]
            assert len(blocks) == 1, (reg.id, art.number)
            ld = blocks[0]
            assert ld["@context"] == "https://schema.org" and "url" not in ld and "@id" not in ld
            assert ld["name"] == f"{reg.meta.title_zh} {art.label}"
            assert ld["inLanguage"] == "zh-Hans"
            assert ld["jurisdiction"]["identifier"] == reg.meta.jurisdiction
            # status as at the version date the corpus records, not the day of the build
            assert ld["legislationDateVersion"] == reg.meta.effective
            assert ld["legislationLegalForce"] == "https://schema.org/InForce"
            assert ld["isPartOf"]["@type"] == "Legislation" and ld["isPartOf"]["name"] == reg.meta.title_zh
            assert ld.get("legislationDate") == reg.meta.adopted                 # absent for Shanxi (unknown)
            assert ("legislationDate" in ld) == (reg.id == "jiangxi")


def test_copy_citation_data_on_article_pages(built_site, regs):
    html = (built_site / "shanxi" / "art-7" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" class="lex-cite-data"[^>]*>(.*?)</script>', html, re.S)[1])
    assert set(data) == {"art_7", "art_7__para_1"} | {f"art_7__para_1__point_{i}" for i in range(1, 8)}
    item = dict(data["art_7__para_1__point_3"])
    embed = item.pop("embed")                     # the Embed snippets (tests/test_linking.py checks their text)
    assert set(embed) <= {"zh", "en", "both"} and "组织协调开展平安建设工作" in embed["zh"]
    assert item == {**Ref(regs["shanxi"], 7, 1, 3).citation, "href": "./#para-1-item-3", "url": None}
    full = (built_site / "shanxi" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" class="lex-cite-data">(.*?)</script>', full, re.S)[1])
    assert data["art_7__para_1__point_3"]["href"] == "art-7/#para-1-item-3"   # the article page, from here


def test_resolver_page_and_rules(built_site):
    """The resolver page loads the rules and structure only (a few kB, no text of any unit): the text of
    what it resolves comes from the core's per-regulation data (tests/test_units.py), loaded on demand."""
    html = (built_site / "resolve" / "index.html").read_text(encoding="utf-8")
    assert 'id="lex-resolve-q"' in html and 'src="../assets/cite-rules.js"' in html
    assert '<script src="../assets/resolver.js" defer></script>' in html      # its own script, not bundled
    js = (built_site / "assets" / "cite-rules.js").read_text(encoding="utf-8")
    payload = json.loads(js[js.index("=") + 1:].strip().rstrip(";"))
    assert payload == {"rules": R.client_rules(load_all()), "structure": R.structure(load_all())}
    assert len(payload["structure"]["jiangxi"]) == 63 and len(js.encode()) < 10_000
    assert "units/" not in html                                  # the data is loaded by the script, not bundled


@pytest.mark.unit
def test_a_bare_citation_offers_the_annotated_regulations_first(site):
    """A citation naming no regulation lists its candidates in Site.cite_order: the regulations the edition glosses
    first. At 31 regulations (the search bench) the two seeds sort around the real ones by id (jiangxi < rw-d000 <
    shanxi), and a bare 第四十五条 showed Shanxi Art. 45 only after five others (fresh table 3, before tuning)."""
    import dataclasses

    from build_scripts.enrich.gloss import Gloss
    from build_scripts.render.context import Site
    plain = dataclasses.replace(site.edition.regs[0], meta=dataclasses.replace(site.edition.regs[0].meta, id="aa-plain"))
    edition = dataclasses.replace(site.edition, regs=(plain, *site.edition.regs),
                                  glosses={**site.edition.glosses, "aa-plain": Gloss()})
    order = [r.id for r in Site(edition).cite_order]
    assert order == [*(r.id for r in site.edition.regs), "aa-plain"]
    struct = R.structure(Site(edition).cite_order)
    assert [m["reg"] for m in citeparse.resolve({"ok": True, "reg": None, "article": 15, "paragraph": None,
                                                 "item": None}, struct)["matches"]] == [*order]
