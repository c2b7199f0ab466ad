// Which provision a link points to (preview/target.js), with the URL shapes of build_scripts/model/urls.py, on
// every provision's URL as the build writes it (served and offline forms, article pages and the full text).
import { test } from "node:test";
import assert from "node:assert/strict";
import { provisionOf } from "../preview/target.js";
import { buildData } from "./data.js";

test("every provision's URL leads back to its eid", () => {
  const { urls, regs, links } = buildData();
  assert.ok(links.length > 500);
  const bad = links.filter(([href, reg, eid]) => {
    const got = provisionOf(href, regs, urls);
    return !got || got.reg !== reg || got.eid !== eid;
  });
  assert.deepEqual(bad.slice(0, 5), []);
});

test("links that are no provision's are not previewed", () => {
  const { urls, regs } = buildData();
  for (const href of ["http://h/jiangxi/", "http://h/glossary/", "http://h/nowhere/art-15/", "http://h/jiangxi/#chp-2",
                      "http://h/jiangxi/art-x/", "http://h/jiangxi/#art-15%E0"]) {
    assert.equal(provisionOf(href, regs, urls), null, href);
  }
  // an article page's anchor that is no paragraph's: the article
  assert.deepEqual(provisionOf("http://h/jiangxi/art-15/#lex-tools", regs, urls), { reg: "jiangxi", eid: "art_15" });
});
