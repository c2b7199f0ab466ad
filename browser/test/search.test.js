// The search worker's query understanding (search-worker/query.js) on the build's own query tables.
import { test } from "node:test";
import assert from "node:assert/strict";
import { queryTables } from "../search-worker/query.js";
import { buildData } from "./data.js";

function tablesOf() {
  const d = buildData().search, shards = structuredClone(d.shards), lex = structuredClone(d.lex);
  const Q = queryTables(shards, lex);
  Q.tables(shards.q0);
  return { Q, lex };
}

test("traditional characters are read as simplified", () => {
  const { Q } = tablesOf();
  assert.equal(Q.simplify("網格員"), "网格员");
  assert.equal(Q.simplify("电信網絡詐騙"), "电信网络诈骗");
  assert.equal(Q.simplify("abc 15"), "abc 15");
});

test("segmentation loses no character and prefers known words to single characters", () => {
  const { Q } = tablesOf();
  for (const q of ["网格化服务管理", "综治中心", "网格员的职责是什么", "平安建设工作", "扫黑除恶专项斗争"]) {
    const segs = Q.segment(q);
    assert.equal(segs.join(""), q);
    assert.ok(segs.length < q.length, q);
  }
  assert.deepEqual(Q.segment("网格员的职责是什么"), ["网格员", "的", "职责", "是", "什么"]);
});

test("a question's concepts: its content words, without question words and particles", () => {
  const { Q } = tablesOf();
  const concepts = Q.analyse("网格员的职责是什么");
  assert.deepEqual(concepts.map((c) => c.text), ["网格员", "职责"]);
  assert.ok(concepts.every((c) => c.kind === "zh" && c.tokens.length > 0));
  assert.ok(concepts[0].tokens.some((t) => t.t === "网格"));                     // bigrams of the word
});

test("English: glossary phrases become their concept, words are stemmed", () => {
  const { Q } = tablesOf();
  Q.englishVocabulary();
  const concepts = Q.analyse("grid workers duties");
  assert.equal(concepts[0].text, "grid workers");
  assert.ok(concepts[0].tokens.some((t) => t.key));                             // the glossary term's concept
  assert.equal(Q.stem("duties"), "duty");
  assert.equal(Q.stem("workers"), "worker");
  assert.equal(Q.stem("business"), "business");
});

test("a regulation named in the query restricts it to that regulation", () => {
  const { Q } = tablesOf();
  assert.deepEqual(Q.restriction("江西 网格员"), { regs: { jiangxi: 1 }, q: "网格员" });
  assert.deepEqual(Q.restriction("赣 网格员"), { regs: { jiangxi: 1 }, q: "网格员" });
  assert.equal(Q.restriction("江西"), null);                                    // the name alone: no query left
  assert.equal(Q.restriction("网格员"), null);
});

test("only a query with a number may be a citation", () => {
  const { Q } = tablesOf();
  assert.equal(Q.mayCite("第十五条"), true);
  assert.equal(Q.mayCite("art 15"), true);
  assert.equal(Q.mayCite("网格员"), false);
});

test("a typing slip of a pinyin input method is repaired by a homophone that makes index words", () => {
  const { Q } = tablesOf();
  assert.equal(Q.mayRepair("平按建设"), true);
  assert.equal(Q.repair("平按建设"), "平安建设");
  assert.equal(Q.repair("网各员"), "网格员");
  assert.equal(Q.repair("平安建设"), "平安建设");                               // nothing to repair
});

test("the phrase dictionary is stored by concept tokens and read back per phrase; an English phrase keeps its words", () => {
  const { Q, lex } = tablesOf();
  Q.englishVocabulary();
  const keys = Object.keys(lex.phrases).find((k) => lex.phrases[k].includes("综治中心"));
  assert.ok(keys && keys.split("|").includes("#zongzhi-zhongxin"));
  const zh = Q.analyse("综治中心");
  assert.equal(zh[0].text, "综治中心");
  assert.ok(zh[0].tokens.some((t) => t.key && t.t === "#zongzhi-zhongxin"));
  const en = Q.analyse("grid workers");
  assert.ok(en[0].tokens.some((t) => !t.key && t.t === "grid"));             // its own words, not only the concept
});

test("lone characters side by side that make no index bigram are dropped from a query with other concepts", () => {
  const { Q } = tablesOf();
  Q.hanVocabulary();
  const set = Q.han().set;
  const concepts = Q.analyse("网格员 整天");
  const lone = concepts.filter((c) => c.expand);
  if (lone.length === 2 && !set["整天"] && !set[lone[0].near[0]]) {
    assert.deepEqual(lone[0].pair, ["整天"]);
    const kept = Q.dropLone(concepts);
    assert.ok(kept.every((c) => !c.expand || set[c.near[0]]));
    assert.ok(kept.some((c) => c.text === "网格员"));
  }
  const alone = Q.analyse("整天").filter((c) => c.expand);               // nothing else: nothing dropped
  assert.equal(Q.dropLone(alone).length, alone.length);
});
