// Links between this copy's pages (shared/paths.js) and eids (shared/eid.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { relativeLink } from "../shared/paths.js";
import { eidOf } from "../shared/eid.js";

test("a link from a page to another of the same copy is relative, served and offline", () => {
  assert.equal(relativeLink("http://h/jiangxi/art-15/#para-2", "http://h/select/"), "../jiangxi/art-15/#para-2");
  assert.equal(relativeLink("http://h/jiangxi/", "http://h/select/"), "../jiangxi/");
  assert.equal(relativeLink("http://h/select/", "http://h/select/"), "./");
  assert.equal(relativeLink("file:///c/jiangxi/art-15.html#para-2", "file:///c/select.html"), "jiangxi/art-15.html#para-2");
  assert.equal(relativeLink("http://h/p/jiangxi/art-1/?a=1", "http://h/p/notes/"), "../jiangxi/art-1/?a=1");
});

test("a link to another host or scheme stays absolute", () => {
  assert.equal(relativeLink("https://x.org/jiangxi/", "http://h/select/"), "https://x.org/jiangxi/");
});

test("eids: article, paragraph, item", () => {
  assert.equal(eidOf(15), "art_15");
  assert.equal(eidOf(15, null, null), "art_15");
  assert.equal(eidOf("15", "2"), "art_15__para_2");
  assert.equal(eidOf(11, 2, 3), "art_11__para_2__point_3");
  assert.equal(eidOf(11, 2, undefined), "art_11__para_2");
});
