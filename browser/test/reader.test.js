// The reader's pure functions: article ranges (reader/ranges.js), the diff and the provisions' text
// (reader/diff.js, a port of enrich/alignment: checked against what Python makes of real pairs) and the import
// of notes (reader/notes-import.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseRanges, formatRanges } from "../reader/ranges.js";
import { charDiff, wordDiff, vocabulary, sharedShare, provisionText } from "../reader/diff.js";
import { validateImport, mergeNotes } from "../reader/notes-import.js";
import { prepare } from "../shared/units-data.js";
import { buildData } from "./data.js";

test("ranges: lists, spans, Chinese punctuation, full-width digits, reversed spans, bad parts", () => {
  assert.deepEqual(parseRanges("4,14-17"), { nums: [4, 14, 15, 16, 17], bad: [] });
  assert.deepEqual(parseRanges("１７—１４、4；4"), { nums: [4, 14, 15, 16, 17], bad: [] });
  assert.deepEqual(parseRanges("3, x, 5-"), { nums: [3], bad: ["x", "5-"] });
  assert.deepEqual(parseRanges("1-2000"), { nums: [], bad: ["1-2000"] });
  assert.deepEqual(parseRanges(""), { nums: [], bad: [] });
});

test("ranges are written short and read back to the same articles", () => {
  assert.equal(formatRanges([17, 4, 15, 14, 16]), "4,14-17");
  assert.equal(formatRanges([1, 2]), "1,2");
  for (const nums of [[1], [1, 3, 4, 5, 9], [2, 3], [10, 11, 12, 40, 41]]) {
    assert.deepEqual(parseRanges(formatRanges(nums)).nums, nums);
  }
});

test("the character diff equals Python's on real pairs", () => {
  const { pairs } = buildData().diff;
  assert.ok(pairs.length >= 20);
  for (const [a, b, chars] of pairs) assert.deepEqual(charDiff(a, b), chars, a.slice(0, 30));
});

test("the word diff and its shared share equal Python's on real pairs", () => {
  const { pairs, words } = buildData().diff;
  const vocab = vocabulary(words);
  for (const [a, b, , wordsDiff, share] of pairs) {
    const got = wordDiff(a, b, vocab);
    assert.deepEqual(got, wordsDiff, a.slice(0, 30));
    assert.ok(Math.abs(sharedShare(got) - share) < 1e-9);
  }
});

test("a diff gives back both texts", () => {
  const a = "县级以上人民政府应当加强平安建设", b = "乡镇人民政府应当加强基层平安建设工作";
  const parts = charDiff(a, b);
  assert.equal(parts.filter((p) => p[0] !== "ins").map((p) => p[1]).join(""), a);
  assert.equal(parts.filter((p) => p[0] !== "del").map((p) => p[1]).join(""), b);
  assert.deepEqual(charDiff("", ""), []);
  assert.equal(sharedShare([]), 1);
});

test("every provision's text equals Python's provision_text", () => {
  const regs = buildData().regulations;
  for (const id of Object.keys(regs)) {
    const data = prepare(structuredClone(regs[id].data), "http://h/assets/units/" + id + ".js");
    const want = regs[id].provision_text;
    assert.ok(data.units.length > 50);
    for (const u of data.units) assert.equal(provisionText(data, u.eid), want[u.eid], id + " " + u.eid);
  }
});

test("an import keeps valid notes and skips the rest", () => {
  assert.deepEqual(validateImport(null), { error: "format" });
  assert.deepEqual(validateImport({ notes: "x" }), { error: "format" });
  const v = validateImport({ notes: [
    { regulation: "jiangxi", eid: "art_15__para_2", note: "n", bookmark: true, citation: { zh: "z", en: "e" },
      created: "2026-01-02T00:00:00Z", updated: "garbage" },
    { regulation: "jiangxi", eid: "art_3", bookmark: true },
    { regulation: "JX!", eid: "art_1", note: "bad id" },
    { regulation: "jiangxi", eid: "para_1", note: "bad eid" },
    { regulation: "jiangxi", eid: "art_1", note: 5 },
    { regulation: "jiangxi", eid: "art_1" },                       // neither note nor bookmark
    { regulation: "jiangxi", eid: "art_1", note: "x".repeat(100001) },
  ] });
  assert.equal(v.skipped, 5);
  assert.deepEqual(v.items.map((i) => [i.reg, i.eid, i.bookmark, i.note]),
                   [["jiangxi", "art_15__para_2", true, "n"], ["jiangxi", "art_3", true, ""]]);
  assert.equal(v.items[0].created, "2026-01-02T00:00:00Z");
  assert.equal(v.items[0].updated, undefined);
  assert.deepEqual(v.items[0].cite, { zh: "z", en: "e" });
});

test("a merge loses no note and keeps a bookmark from either side", () => {
  const store = { version: 1, items: { "jiangxi/art_1": { reg: "jiangxi", eid: "art_1", bookmark: false, note: "mine" } } };
  const r = mergeNotes(store, [
    { reg: "jiangxi", eid: "art_1", bookmark: true, note: "theirs" },
    { reg: "jiangxi", eid: "art_2", bookmark: false, note: "new" },
    { reg: "jiangxi", eid: "art_1", bookmark: false, note: "mine" },      // the same note again: kept once
  ]);
  assert.deepEqual(r, { added: 1, merged: 1 });
  assert.equal(store.items["jiangxi/art_1"].note, "mine\n\n---\n\ntheirs");
  assert.equal(store.items["jiangxi/art_1"].bookmark, true);
  assert.equal(store.items["jiangxi/art_2"].note, "new");
});
