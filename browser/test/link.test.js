// The drop-in script's finder (link/find.js) on running texts: the same spans as the Python finder
// (build_scripts/model/citeparse.py find), which tests/test_browser_modules.py ran on the same texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findCitations, searchForm } from "../link/find.js";
import { buildData } from "./data.js";

test("the finder gives the Python finder's spans on every text", () => {
  const { cite, finds } = buildData();
  assert.ok(finds.length > 40);
  const bad = [];
  for (const [text, expected] of finds) {
    const got = findCitations(text, cite.rules, cite.structure).map((f) => [f.start, f.end, f.match.reg, f.match.eid]);
    try { assert.deepEqual(got, expected); } catch (e) { bad.push([text, got, expected]); }
  }
  assert.deepEqual(bad, []);
  assert.ok(finds.filter(([, spans]) => spans.length).length > 30, "most texts hold a citation");
});

test("a citation is found inside a sentence, its title marks included, trailing words left out", () => {
  const { rules, structure } = buildData().cite;
  const text = "见《江西省平安建设条例》第十五条第二款的规定, then 晋第九条第（五）项, then more.";
  const spans = findCitations(text, rules, structure).map((f) => [text.slice(f.start, f.end), f.match.eid]);
  assert.deepEqual(spans, [["《江西省平安建设条例》第十五条第二款", "art_15__para_2"],
                           ["晋第九条第（五）项", "art_9__para_1__point_5"]]);
});

test("no citation without a regulation's name, or naming no provision", () => {
  const { rules, structure } = buildData().cite;
  assert.deepEqual(findCitations("第十五条第二款规定", rules, structure), []);
  assert.deepEqual(findCitations("江西省平安建设条例第十五条第（三）项", rules, structure), []);
  assert.deepEqual(findCitations("赣第999条", rules, structure), []);
  assert.deepEqual(findCitations("", rules, structure), []);
});

test("the search form keeps the text's length", () => {
  const { rules } = buildData().cite;
  for (const s of ["Ｊｉａｎｇｘｉ Ａｒｔ． １５（２）", "Ping’an", "第十五條", "İstanbul 赣40条", "😀 赣40条"]) {
    assert.equal(searchForm(s, rules).length, s.length, s);
  }
  assert.equal(searchForm("Ｊｉａｎｇｘｉ’", rules), "jiangxi'");
});
