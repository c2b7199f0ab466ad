"""The browser code's pure functions (browser/: citation parsing, URL reading, paths, eids, query parsing, the
diff, range parsing, import validation, the unit renderer), unit-tested without a browser by Node's test runner
(`node --test browser/test/`). This test runs them, so that `make test-fast`, `make test` and CI see them, and
writes the build's data they are checked against: the citation rules and tests/citation_cases.yaml (the table
the Python rules pass: test_citations.py), the URL shapes of model/urls.py and every provision's URL as the build
writes it."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from build_scripts.enrich.alignment import char_diff, provision_text, shared_share, word_diff
from build_scripts.features.reader import Reader
from build_scripts.features.search import build_index, t2s_table
from build_scripts.model import citeparse
from build_scripts.model.citerules import client_rules, structure
from build_scripts.model.regulation import parse_eid, units
from build_scripts.model.urls import article_path, browser_shapes, full_text_anchor, para_anchor
from build_scripts.publish.site import Build, script_data
from build_scripts.render.export import regulation_json, units_data
from test_reader import prov, real_pairs

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "browser" / "test"


def provision_links(site):
    """[url, reg, eid] for every unit: its article page served (jiangxi/art-15/#para-2, .../index.html#...) and
    offline (jiangxi/art-15.html#para-2), and its anchor on the full text (jiangxi/#art-15-para-2)."""
    out = []
    for reg in site.regs:
        for u in units(reg.articles):
            page = article_path(reg.id, u.article)
            anchor = "" if u.paragraph is None else "#" + para_anchor(u.paragraph, u.item)
            full = full_text_anchor(u.article, u.paragraph, u.item)
            out += [[f"http://127.0.0.1:8000/{page}{anchor}", reg.id, u.eid],
                    [f"https://example.org/pingan/{page}index.html{anchor}", reg.id, u.eid],
                    [f"file:///copy/{page.rstrip('/')}.html{anchor}", reg.id, u.eid],
                    [f"http://127.0.0.1:8000/{reg.id}/#{full}", reg.id, u.eid],
                    [f"file:///copy/{reg.id}/index.html#{full}", reg.id, u.eid]]
    return out


# Running texts for the drop-in script's finder (browser/link/find.js), each case of the table inside a sentence,
# and a few of several citations, title marks, filler words and code-like neighbours.
FIND_TEXTS = [
    "赣40条、晋平安条例第20条和Jiangxi Art. 15(2)；赣平安条例第58条第2款。",
    "见《江西省平安建设条例》第十五条第二款的规定，及〈山西省平安建设条例〉第七条第（三）项。",
    "Running text: 晋第九条第（五）项, then Jiangxi art. 11(2)(3) in emphasis, see Shanxi Art. 7 item 3.",
    "江西省平安建设条例第十五条第（三）项不存在；江西第99条也不存在；第十五条没有法规名。",
    "Ａ full-width Ｊｉａｎｇｘｉ Ａｒｔ． １５（２） and Shanxi Province Regulations on Ping’an-Building, Art. 7, item 3.",
    "<img src=x onerror=alert(1)> 赣40条 <b>晋平安条例第20条</b> &lt;b&gt;晋第九条第（五）项&lt;/b&gt; 赣40条/ x",
]


def find_texts(cases):
    return FIND_TEXTS + [f"参见{c['input']}。See also the rest." for c in cases if c["input"].strip()]


def diff_cases(site):
    """Real pairs with what enrich/alignment makes of them: the character diff, the word diff over the diff
    page's vocabulary and its shared share (reader/diff.js is a port)."""
    words = Reader(site).diff_index("diff.md")["words"]
    pairs = real_pairs(site)
    return {"words": words, "pairs": [[a, b, char_diff(a, b), word_diff(a, b, set(words)),
                                       shared_share(word_diff(a, b, set(words)))] for a, b in pairs]}


def regulations(site):
    """Each regulation's data as the pages read it (assets/units/<id>.js) and each unit's provision_text."""
    out = {}
    for reg in site.regs:
        data = units_data(site, reg, regulation_json(site, reg))
        texts = {u.eid: provision_text(reg, prov(reg.id, *parse_eid(u.eid))) for u in units(reg.articles)}
        texts.update({a.eid: provision_text(reg, prov(reg.id, a.number)) for a in reg.articles})
        out[reg.id] = {"data": data, "provision_text": texts}
    return out


def search_tables(site):
    """The search index's start config and the query tables the worker loads (search/q/0.js, e/0.js, v/0.js,
    y/0.js), as the build writes them (hand-written pages aside: Material's part of the index is left out)."""
    index, files = build_index(site, {"config": {}, "docs": []}, t2s_table())
    shard = {name: json.loads(files[f"{name[0]}/0.js"].split(",", 1)[1].rstrip().removesuffix(");"))
             for name in ("q0", "e0", "v0", "y0")}
    return {"lex": index["config"]["lex"], "shards": shard}


@pytest.fixture(scope="module")
def test_data(site, tmp_path_factory):
    regs = site.regs
    rules, struct = client_rules(regs), structure(regs)
    cases = yaml.safe_load((ROOT / "tests" / "citation_cases.yaml").read_text(encoding="utf-8"))["cases"]
    finds = [[text, [[start, end, m["reg"], m["eid"]] for start, end, m in citeparse.find(text, rules, struct)]]
             for text in find_texts(cases)]
    data = {"cite": {"rules": client_rules(regs), "structure": structure(regs)},
            "cases": yaml.safe_load((ROOT / "tests" / "citation_cases.yaml").read_text(encoding="utf-8"))["cases"],
            "urls": browser_shapes(), "regs": [r.id for r in regs], "links": provision_links(site), "finds": finds,
            "diff": diff_cases(site), "regulations": regulations(site), "search": search_tables(site),
            "script_data": script_data(Build(site, ()))}         # what `import x from "lex:x"` reads
    path = tmp_path_factory.mktemp("browser") / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_node_unit_tests(test_data):
    node = shutil.which("node")
    assert node, "no node: run `make test-fast` (it installs Debian's nodejs when missing)"
    files = sorted(str(p.relative_to(ROOT)) for p in TESTS.glob("*.test.js"))
    done = subprocess.run([node, "--import", "./browser/test/register.mjs", "--test", "--test-reporter=tap", *files],
                          cwd=ROOT, capture_output=True,
                          text=True, env={"PATH": str(Path(node).parent), "LEX_TEST_DATA": str(test_data)},
                          check=False, timeout=120)
    passed = re.search(r"^# pass (\d+)$", done.stdout, re.M)
    assert done.returncode == 0 and passed, done.stdout[-4000:] + done.stderr[-2000:]
    written = sum(len(re.findall(r"^test\(", (ROOT / f).read_text(encoding="utf-8"), re.M)) for f in files)
    assert int(passed[1]) == written > 0, done.stdout[-2000:]        # every test written ran and passed, none skipped
