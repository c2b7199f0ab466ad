// A regulation's data as the scripts read it (shared/units-data.js) and the one renderer of a provision
// (shared/unit-row.js: the legal pages' rows), on the real data, with a minimal DOM (./fake-dom.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { prepare } from "../shared/units-data.js";
import { unitRows } from "../shared/unit-row.js";
import { installFakeDom } from "./fake-dom.js";
import { buildData } from "./data.js";

installFakeDom();

function loaded(id) {
  const reg = buildData().regulations[id];
  return prepare(structuredClone(reg.data), "http://127.0.0.1:8000/assets/units/" + id + ".js");
}

test("prepared data: every unit once, in document order, with its kind and absolute URL", () => {
  const d = loaded("jiangxi");
  assert.ok(d.units.every((u, i) => u.index === i && d.byEid[u.eid] === u));
  const u = d.byEid.art_15__para_2;
  assert.equal(u.kind, "paragraph");
  assert.equal(u.url, "http://127.0.0.1:8000/jiangxi/art-15/#para-2");
  assert.equal(d.url, "http://127.0.0.1:8000/jiangxi/");
  assert.equal(d.units.filter((x) => x.kind === "article").length, d.articles.length);
});

test("an article's rows: each paragraph and item once, Chinese exactly as the data has it, English beside", () => {
  const d = loaded("jiangxi");
  for (const art of d.articles) {
    const box = unitRows(d, art.eid);
    const rows = box.byClass("lex-row");
    const expected = d.units.filter((x) => x.eid.startsWith(art.eid + "__") && !(x.kind === "paragraph" && !x.zh));
    assert.deepEqual(rows.map((r) => r.getAttribute("data-eid")), expected.map((x) => x.eid));
    rows.forEach((r, i) => {
      const u = expected[i], zh = r.byClass("lex-zh")[0];
      assert.equal(zh.getAttribute("lang"), "zh-Hans");
      const label = u.kind === "item" ? u.label : "", num = u.kind === "paragraph" && art.paragraphs.length > 1 ? String(u.number) : "";
      assert.equal(zh.textContent, num + label + u.zh);                       // not one character lost or added
      const en = r.byClass("lex-en")[0];
      if (d.glossed) assert.equal(en.textContent, u.en || "英文译文尚未提供 / English gloss not yet available");
    });
  }
});

test("an item alone, and a paragraph with its items", () => {
  const d = loaded("jiangxi");
  const item = unitRows(d, "art_11__para_2__point_3");
  assert.deepEqual(item.byClass("lex-row").map((r) => r.getAttribute("data-eid")), ["art_11__para_2__point_3"]);
  assert.ok(item.byClass("lex-row")[0].className.includes("lex-item"));
  const para = unitRows(d, "art_11__para_2").byClass("lex-row").map((r) => r.getAttribute("data-eid"));
  assert.equal(para[0], "art_11__para_2");
  assert.ok(para.slice(1).every((e) => e.startsWith("art_11__para_2__point_")) && para.length > 2);
});

test("a regulation without English: Chinese rows only, no missing-gloss line", () => {
  const d = loaded("jiangxi");
  d.glossed = false;
  const box = unitRows(d, "art_15");
  assert.ok(box.className.includes("lex-zh-only"));
  assert.equal(box.byClass("lex-en").length, 0);
});
