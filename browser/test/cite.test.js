// The citation parser (cite/parse.js) on tests/citation_cases.yaml, the table the Python rules pass too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse, resolve, toNumber, normalise } from "../cite/parse.js";
import { buildData } from "./data.js";
import { citeText, withoutAddress } from "../cite/text.js";

test("the case table parses and resolves as in Python", () => {
  const { cite, cases } = buildData();
  assert.ok(cases.length > 30);
  const bad = [];
  for (const c of cases) {
    const p = parse(c.input, cite.rules), r = resolve(p, cite.structure);
    const got = [p.ok ? { reg: p.reg, article: p.article, paragraph: p.paragraph, item: p.item } : p.error,
                 r.ok ? r.matches.map((m) => m.reg + ":" + (m.eid || "")) : r.error];
    try { assert.deepEqual(got, [c.parse, c.resolve]); } catch (e) { bad.push([c.input, got]); }
  }
  assert.deepEqual(bad, []);
});

test("numerals: Chinese, Roman and Arabic", () => {
  const { rules } = buildData().cite;
  assert.equal(toNumber("十五", rules), 15);
  assert.equal(toNumber("一百零三", rules), 103);
  assert.equal(toNumber("二十", rules), 20);
  assert.equal(toNumber("xiv", rules), 14);
  assert.equal(toNumber("63", rules), 63);
  assert.ok(Number.isNaN(toNumber("十x", rules)));
});

test("empty and unreadable input are errors, not matches", () => {
  const { rules, structure } = buildData().cite;
  assert.deepEqual(parse("   ", rules), { ok: false, error: "empty" });
  assert.equal(parse("hello world", rules).error, "unparseable");
  assert.equal(resolve(parse("hello world", rules), structure).ok, false);
  assert.equal(normalise("  ＡＢ  ", rules), "ab");
});

test("a copied citation carries the public permalink, or no link from the offline copy", () => {
  const cite = { zh: "《江西省平安建设条例》第十五条第二款", en: "Jiangxi Province Regulations on Ping'an-Building, Art. 15(2)",
                 href: "art-15.html#para-2", url: null };
  const offline = { protocol: "file:", href: "file:///home/reader/pingan/jiangxi/art-15.html" };
  const served = { protocol: "https:", href: "https://example.org/pingan/jiangxi/art-15/" };
  assert.equal(citeText(cite, offline), cite.zh + " / " + cite.en);
  assert.equal(withoutAddress(cite, offline), true);
  assert.equal(citeText({ ...cite, href: "#para-2" }, served), cite.zh + " / " + cite.en + " <" + served.href + "#para-2>");
  const published = { ...cite, url: "https://example.org/pingan/jiangxi/art-15/#para-2" };
  assert.equal(citeText(published, offline), cite.zh + " / " + cite.en + " <" + published.url + ">");
  assert.equal(withoutAddress(published, offline), false);
  assert.ok(!citeText(cite, offline).includes("file:"));
});
