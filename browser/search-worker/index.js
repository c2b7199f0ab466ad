/* Search worker of the edition (build_scripts/features/search.py writes its index; issue 14).
 *
 * Speaks Material's worker protocol: SETUP (0) with the start index -> READY (1); QUERY (2) with
 * the text of the header search box -> RESULT (3) with {items: [[group, ...units]], total}.
 * The start index holds only the group tables; READY is answered at once. The query tables
 * (search/q/0.js: segmenter words, phrase dictionary, t2s, citation rules; they grow with the corpus) load on
 * first use of the search box, not with the page: when the page says the box got the focus (WARM, posted by
 * overrides/main.html), or else with the first query, which waits for them. The citation parser (../cite/parse.js, the
 * resolver's) is bundled with the worker (assets/search-worker.js: a bundle of its own, not in the pages').
 * Runs as a Web Worker over http and inside iframe-worker's shim from file://. Postings (search/p/<k>.js)
 * and the texts of a result (search/t/<g>.js) are script files loaded on demand (importScripts: sync
 * in a worker, a promise in the shim), never JSON fetched.
 *
 * Query understanding (./query.js): NFKC, traditional -> simplified (t2s table of the index), lower case. A
 * query that is a citation (one that may be: mayCite; read by the resolver's own rules) goes straight to
 * the article, paragraph or item. Otherwise the Chinese is segmented against the words of the index,
 * the glossary and the aliases (fewest segments); question words and particles found as words are
 * dropped; each remaining segment or English word is a concept. A concept matches through its
 * character bigrams (so a part of a longer word matches), a single character or an English prefix
 * through the index words containing or starting with it, and a glossary term, topic or alias through
 * its concept token. Ranking: BM25F impacts (computed at build time) summed per unit, units grouped by
 * article (the best unit first), multiplied by how much of the query the article covers; a unit that
 * has every bigram of a Chinese concept (the concept whole, not scattered over the article) ranks higher.
 * Ranking uses postings only: texts (search/t/<g>.js) are loaded for the groups returned.
 * Diversity: an article whose text is identical to one ranked above it (the index's `dups`) counts
 * less each time (DUP_WEIGHT), so copies do not fill the first results. A query naming a regulation or
 * its province (江西, 赣, Shanxi, 晋...; the citation rules' aliases) searches that regulation only.
 */
import { parse, resolve } from "../cite/parse.js";
import { HAN, EXPAND_WEIGHT, queryTables } from "./query.js";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, WARM = "lex-warm";   // WARM: the edition's, not Material's
var MAX_GROUPS = 12;          // groups returned
var PAGE_CHILDREN = 3;        // units shown of a page whose texts are split per document
var WHOLE = 0.5;              // a Chinese concept whole in a unit (not only its bigrams): up to x(1 + WHOLE)
// a question asking what something is: units defining a term (token "!def" of the index) rank higher
var DEFINITION_Q = /什么是|什么叫|是什么意思|的定义|的含义|^what (is|are|does)\b|\bdefinition\b|\bmeaning of\b|\bdefine\b/;
var PAGE_WEIGHT = 0.5;        // hand-written and other pages rank below equally good provisions
var SINGLE_ONLY = 0.1;         // a result matched only through one-character concepts (负, 子), when the query has others
var BASE = (typeof document !== "undefined" && document.currentScript) ? /** @type {HTMLScriptElement} */ (document.currentScript).src : self.location.href;

var lex = {}, nShards = 1, starts = [], kinds = "", regFirst = {};
var split = {}, shards = {}, tablesReady = null, latest = 0, canon = [], regRanges = [];
var Q = queryTables(shards, lex);       // the query tables and what reads a query with them (./query.js)
var simplify = Q.simplify, stem = Q.stem, bigrams = Q.bigrams, analyse = Q.analyse, restriction = Q.restriction;
var hanVocabulary = Q.hanVocabulary, englishVocabulary = Q.englishVocabulary, mayRepair = Q.mayRepair;
var repair = Q.repair, mostFrequent = Q.mostFrequent, mayCite = Q.mayCite, tables = Q.tables;

/** @type {any} */ (self).__lexShard = function (name, data) { shards[name] = data; };   // a shard file calls it

var CRC = [];
for (var n = 0; n < 256; n++) {
  var c = n;
  for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  CRC[n] = c >>> 0;
}
function shardOf(token) {        // zlib.crc32 of the UTF-8 bytes, as build_scripts/features/search.py
  var bytes = unescape(encodeURIComponent(token)), c = 0xFFFFFFFF;
  for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes.charCodeAt(i)) & 0xFF] ^ (c >>> 8);
  return ((c ^ 0xFFFFFFFF) >>> 0) % nShards;
}

function url(rel) { return new URL(rel, BASE).href; }

// Load shard files, all at once; resolves when every name is present. In a worker: fetch in
// parallel and read the shard's JSON out of its script wrapper (no eval). From file:// (iframe-worker's
// shim, where fetch cannot read files): script elements, in parallel.
var SHARD = /^__lexShard\(("[^"]*"),([\s\S]*)\);\s*$/;
/** @returns {Promise<any>} */
function load(names) {
  var missing = names.filter(function (n) { return !shards[n]; });
  if (!missing.length) return Promise.resolve();
  return Promise.all(missing.map(function (n) {
    var src = url("../search/" + n[0] + "/" + n.slice(1) + ".js");
    if (typeof document !== "undefined") {
      return new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = src;
        el.onload = resolve;
        el.onerror = function () { reject(new Error("cannot load " + src)); };
        document.body.appendChild(el);
      });
    }
    return fetch(src).then(function (r) {
      if (!r.ok) throw new Error(src + ": " + r.status);
      return r.text();
    }).then(function (text) {
      var m = SHARD.exec(text);
      if (!m) throw new Error(src + ": not a shard");
      shards[JSON.parse(m[1])] = JSON.parse(m[2]);
    });
  }));
}

function setup(index) {        // before READY: the group tables only
  lex = (index.config && index.config.lex) || {};
  Q = queryTables(shards, lex);
  simplify = Q.simplify; stem = Q.stem; bigrams = Q.bigrams; analyse = Q.analyse; restriction = Q.restriction;
  hanVocabulary = Q.hanVocabulary; englishVocabulary = Q.englishVocabulary; mayRepair = Q.mayRepair;
  repair = Q.repair; mostFrequent = Q.mostFrequent; mayCite = Q.mayCite; tables = Q.tables;
  nShards = lex.shards || 1;
  starts = (lex.groups || {}).start || [];
  kinds = (lex.groups || {}).kind || "";
  regFirst = lex.regs || {};
  split = {};
  (lex.split || []).forEach(function (g) { split[g] = true; });
  canon = [];
  for (var g = 0; g + 1 < starts.length; g++) canon[g] = g;
  (lex.dups || []).forEach(function (run) {
    for (var i = 0; i < run[2]; i++) canon[run[0] + i] = canon[run[1] + i];
  });
  regRanges = Object.keys(regFirst).map(function (id) { return [regFirst[id], id]; })
    .sort(function (a, b) { return a[0] - b[0]; });
}

function regOf(g) {
  if (kinds[g] !== "a") return null;
  var id = null;
  for (var i = 0; i < regRanges.length && regRanges[i][0] <= g; i++) id = regRanges[i][1];
  return id;
}

function loadTables() {
  if (!tablesReady) tablesReady = load(["q0"]).then(function () { tables(shards.q0); });
  return tablesReady;
}

// ------------------------------------------------------------------ scoring
function groupOf(doc) {      // binary search in the group starts
  var lo = 0, hi = starts.length - 2;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= doc) lo = mid; else hi = mid - 1;
  }
  return lo;
}

// How much a concept counts in a query's coverage: its rarest token's inverse document frequency, so a
// content word (预算, budget) weighs more than a common word around it (工作, public, work); a concept that
// matches nothing keeps the weight of the rarest (it is what the reader asked for).
function weights(concepts) {
  var n = starts[starts.length - 1] || 1, top = 0;
  var w = concepts.map(function (c) {
    var df = Infinity;
    c.tokens.forEach(function (tok) {
      var list = shards["p" + shardOf(tok.t)][tok.t];
      if (list && tok.w === 1) df = Math.min(df, list.length / 2);
    });
    var v = df === Infinity ? null : Math.log(1 + n / df);
    if (v !== null && v > top) top = v;
    return v;
  });
  return w.map(function (v) { return v === null ? (top || 1) : v; });
}

function covered(cov, w) {    // weighted share of the query's concepts covered
  var sum = 0, total = 0;
  for (var i = 0; i < cov.length; i++) { sum += cov[i] * w[i]; total += w[i]; }
  return total ? sum / total : 0;
}

function score(concepts, boost) {
  var docs = {};          // doc -> {s, cov: [per concept fraction]}
  var cw = weights(concepts);
  concepts.forEach(function (c, ci) {
    var total = c.tokens.filter(function (t) { return t.w === 1 && !t.key; }).length || 1;
    c.tokens.forEach(function (tok) {
      var list = shards["p" + shardOf(tok.t)][tok.t];
      if (!list) return;
      var d = 0;
      for (var i = 0; i < list.length; i += 2) {
        d += list[i];
        var e = docs[d] || (docs[d] = {s: 0, cov: concepts.map(function () { return 0; }), hits: {}});
        e.s += list[i + 1] * tok.w;
        if (!c.expand) e.strong = true;
        var part = tok.key || tok.syn ? 1 : tok.w === 1 ? 1 / total : 0.5;
        e.cov[ci] = Math.min(1, e.cov[ci] + part);
        if (!tok.key) e.hits[tok.t] = 1;
      }
    });
  });
  (boost || []).forEach(function (t) {        // raises units already matched, by their coverage
    var list = shards["p" + shardOf(t)][t] || [], d = 0;
    for (var i = 0; i < list.length; i += 2) {
      d += list[i];
      var e = docs[d];
      if (e) e.s *= 1 + covered(e.cov, cw);
    }
  });
  var groups = {};
  Object.keys(docs).forEach(function (key) {
    var d = +key, e = docs[key], g = groupOf(d);
    var r = groups[g] || (groups[g] = {g: g, units: [], head: 0, cov: concepts.map(function () { return 0; }), hits: {}});
    if (d === starts[g] && kinds[g] === "a") { r.head = e.s; r.headHits = e.hits; }
    else r.units.push({d: d, s: e.s, hits: e.hits, cov: e.cov});
    if (e.strong) r.strong = true;
    e.cov.forEach(function (v, i) { if (v > r.cov[i]) r.cov[i] = v; });
    Object.keys(e.hits).forEach(function (h) { r.hits[h] = 1; });
  });
  var n = concepts.length || 1;
  var strong = concepts.some(function (c) { return !c.expand; });
  // a Chinese concept of 2+ characters whose every bigram is in one unit (units are paragraphs or
  // items: the concept is there whole, not its bigrams scattered over the article)
  var zh = concepts.filter(function (c) { return c.kind === "zh" && c.text.length >= 2; }).map(function (c) {
    return c.tokens.filter(function (t) { return !t.key && t.w === 1; }).map(function (t) { return t.t; });
  }).filter(function (b) { return b.length; });
  var out = Object.keys(groups).map(function (k) {
    var r = groups[k], whole = 0;
    r.units.forEach(function (u) {
      u.s *= 0.5 + covered(u.cov, cw);
      if (zh.length) {
        var c = zh.filter(function (b) { return b.every(function (t) { return u.hits[t]; }); }).length;
        u.whole = 1 + WHOLE * c / zh.length;
        u.s *= u.whole;
        if (c > whole) whole = c;
      }
    });
    r.whole = 1 + WHOLE * whole / (zh.length || 1);
    r.units.sort(function (a, b) { return b.s - a.s || a.d - b.d; });
    var rest = 0;
    for (var i = 1; i < r.units.length; i++) rest += r.units[i].s;
    var coverage = covered(r.cov, cw);
    r.score = ((r.units.length ? r.units[0].s : 0) + Math.min(rest, 2 * (r.units.length ? r.units[0].s : 0)) * 0.15 + r.head)
              * (0.2 + coverage * coverage);
    if (zh.length) r.score *= r.whole;
    if (kinds[r.g] !== "a") r.score *= PAGE_WEIGHT;
    if (strong && !r.strong) r.score *= SINGLE_ONLY;
    return r;
  });
  out.sort(function (a, b) { return b.score - a.score || a.g - b.g; });
  return diversify(out);
}

// Articles with the same text (copies, identical provisions of two regulations) are collapsed: the
// best of them stays where it is, the others follow every different result (the k-th copy in a
// round k), so identical texts never fill the first results.
function diversify(sorted) {
  var seen = {};
  sorted.forEach(function (r, i) {
    var f = canon[r.g] === undefined ? r.g : canon[r.g];
    r.round = seen[f] || 0;
    r.order = i;
    seen[f] = r.round + 1;
  });
  return sorted.sort(function (a, b) { return a.round - b.round || a.order - b.order; });
}

// The texts of the groups returned are loaded to show them; with them, the estimate of score() (every
// bigram of a concept in one unit) is replaced by the fact: the concept's text in the unit, verbatim.
// A run of Chinese the segmenter cut into several concepts (综合治理|中心) found whole counts as once more.
function verify(top, concepts, q) {
  var zh = concepts.filter(function (c) { return c.kind === "zh" && c.text.length >= 2; });
  if (!zh.length) return top;
  var runs = (q.match(/[\u3400-\u4dbf\u4e00-\u9fff]{3,}/g) || []).filter(function (run) {
    return !zh.some(function (c) { return c.text === run; }) && concepts.filter(function (c) { return run.indexOf(c.text) >= 0; }).length > 1;
  });
  top.forEach(function (r) {
    var group = shards["t" + r.g], start = starts[r.g], best = 0;
    if (split[r.g] || !r.whole) return;          // a split page: its texts are not all loaded
    r.units.forEach(function (u) {
      var doc = group.d[u.d - start];
      var text = doc ? (doc.z || doc.x || "") : "";
      var n = zh.filter(function (c) { return text.indexOf(c.text) >= 0; }).length;
      n += runs.filter(function (run) { return text.indexOf(run) >= 0; }).length;
      u.s = u.s / (u.whole || 1) * (1 + WHOLE * n / zh.length);
      if (n > best) best = n;
    });
    r.units.sort(function (a, b) { return b.s - a.s || a.d - b.d; });
    r.score = r.score / r.whole * (1 + WHOLE * best / zh.length);
  });
  top.sort(function (a, b) { return b.score - a.score || a.g - b.g; });
  return diversify(top);
}

// ------------------------------------------------------------------ citations
function citation(q) {
  if (!lex.cite) return null;
  var cite = parse(q, lex.cite.rules);
  if (!cite.ok || cite.article === null) return null;
  var res = resolve(cite, lex.cite.structure);
  if (!res.ok) return null;
  return diversify(res.matches.map(function (mt) {
    return {g: regFirst[mt.reg] + mt.article - 1, eid: mt.eid, cite: mt.paragraph !== null};
  })).slice(0, MAX_GROUPS);
}

// ------------------------------------------------------------------ rendering (Material's SearchItem)
function esc(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

// Marks over the Chinese: every character covered by a matched bigram or phrase.
function markZh(text, hits) {
  var on = [];
  for (var i = 0; i + 1 < text.length; i++) if (hits[text.substr(i, 2)]) { on[i] = on[i + 1] = true; }
  return on;
}

function markEn(text, hits) {
  var on = [], re = /[A-Za-z0-9]+/g, m;
  while ((m = re.exec(text))) {
    var w = m[0].toLowerCase();
    if (hits[stem(w)] || hits[w]) for (var i = m.index; i < m.index + m[0].length; i++) on[i] = true;
  }
  return on;
}

function snippet(text, on, width, latin) {
  if (!text) return "";
  var first = on.indexOf(true);
  if (first < 0) first = 0;
  var start = Math.max(0, first - width), end = Math.min(text.length, first + width * 2);
  if (latin) {
    while (start > 0 && /\S/.test(text[start - 1])) start--;
    while (end < text.length && /\S/.test(text[end])) end++;
  }
  var out = "", open = false;
  for (var i = start; i < end; i++) {
    if (on[i] && !open) { out += "<mark data-md-highlight>"; open = true; }
    if (!on[i] && open) { out += "</mark>"; open = false; }
    out += esc(text[i]);
  }
  if (open) out += "</mark>";
  return (start > 0 ? "…" : "") + out + (end < text.length ? "…" : "");
}

// Languages of a page's text or title (doc.xl, doc.tl: "z5n2e17", search.py PageLanguages): each part marked
// with its language, so a result shows what the display mode shows (issue 25). A unit's title: "中文 · English".
/** @returns {any[]} */
function langRuns(text, spec) {
  var out = [], at = 0, re = /([zen])(\d+)/g, m;
  while ((m = re.exec(spec || ""))) { out.push([m[1], at, at + +m[2]]); at += +m[2]; }
  if (at < text.length) out.push(["n", at, text.length]);
  return out;
}
var LANG = {z: "zh-Hans", e: "en"};
function langTitle(text, spec) {
  if (!spec) return esc(text);
  return langRuns(text, spec).map(function (r) {
    var part = esc(text.slice(r[1], r[2]));
    return r[0] === "n" ? part : '<span lang="' + LANG[r[0]] + '">' + part + "</span>";
  }).join("");
}
function langSnippets(text, on, spec, width) {
  var parts = [];
  if (spec) ["z", "e"].forEach(function (kind) {      // a language's runs and the neutral ones
    var part = "", marks = [], own = false, last = -1;
    langRuns(text, spec).forEach(function (r) {
      if (r[0] !== kind && r[0] !== "n") return;
      if (last >= 0 && r[1] !== last) { part += " "; marks.push(false); }
      part += text.slice(r[1], r[2]);
      marks = marks.concat(on.slice(r[1], r[2]));
      while (marks.length < part.length) marks.push(false);
      if (r[0] === kind && /\S/.test(text.slice(r[1], r[2]))) own = true;
      last = r[2];
    });
    if (own) parts.push('<p lang="' + LANG[kind] + '">' + snippet(part, marks, width, true) + "</p>");
  });
  return parts.length ? parts.join("") : "<p>" + snippet(text, on, width, true) + "</p>";
}

function termsOf(concepts, hits) {
  var out = {};
  concepts.forEach(function (c) {
    out[c.text] = c.tokens.some(function (t) { return hits[t.t]; });
  });
  return out;
}

function render(r, concepts, citeEid) {
  var group = shards["t" + r.g];
  var title = group.k === "a"
    ? '<span lang="zh-Hans">' + esc(group.t) + '</span> <span lang="en">' + esc(group.h) + "</span>"
    : langTitle(group.t, group.tl);
  var units = r.units.slice();
  // an article that came through its reader phrases alone: its first provision, to show what it says
  if (!units.length && !citeEid && group.k === "a" && group.d.length > 1) units = [{d: starts[r.g] + 1, s: 0, hits: {}, through: true}];
  if (citeEid) {       // the cited paragraph or item first
    var start = starts[r.g];
    var at = -1;
    group.d.forEach(function (doc, i) { if (doc && (doc.i === citeEid || (doc.i || "").indexOf(citeEid + "__") === 0) && at < 0) at = i; });
    if (at >= 0) {
      units = units.filter(function (u) { return u.d !== start + at; });
      units.unshift({d: start + at, s: r.score, hits: r.hits, cov: []});
    }
  }
  var parent = {location: group.l, title: title, score: r.score, terms: termsOf(concepts, r.hits),
                text: units.length ? "" : langSnippets(group.x || "", markEn(group.x || "", r.hits), group.xl, 60)};
  var best = units.length ? units[0].s : 0;
  var children = units.slice(0, split[r.g] ? PAGE_CHILDREN : 12).map(function (u, i) {
    var doc = group.d[u.d - starts[r.g]];
    if (!doc) return null;
    if (split[r.g]) {        // the text, or [text, languages]
      var file = shards[docFile(r.g, u.d)] || "";
      doc = Object.assign(typeof file === "string" ? {x: file} : {x: file[0], xl: file[1]}, doc);
    }
    var parts = [], hits = u.hits;
    if (doc.z) {
      var onZ = markZh(doc.z, hits);
      parts.push('<p lang="zh-Hans">' + snippet(doc.z, onZ, 40, false) + "</p>");
    }
    if (doc.e) {
      var onE = markEn(doc.e, hits);
      if (onE.indexOf(true) >= 0) parts.push('<p lang="en">' + snippet(doc.e, onE, 90, true) + "</p>");
    }
    if (doc.x !== undefined) {
      var onX = markZh(doc.x, hits), onXe = markEn(doc.x, hits);
      parts.push(langSnippets(doc.x, onX.map(function (v, k) { return v || onXe[k]; }), doc.xl, 90));
    }
    // units scoring like the best one are shown; the others go under Material's "more" fold
    var s = (i < 3 && u.s >= best * 0.5) ? r.score : r.score * 0.5;
    var cut = group.k === "a" ? doc.t.indexOf(" · ") : -1;
    return {location: doc.l, text: parts.join(""), score: s, title: cut < 0 ? langTitle(doc.t, doc.tl)
              : '<span lang="zh-Hans">' + esc(doc.t.slice(0, cut)) + '</span><span lang="en">' + esc(doc.t.slice(cut)) + "</span>",
            terms: termsOf(concepts, u.through ? r.hits : hits)};
  }).filter(Boolean);
  // Material shows a parent's text only when no child is shown: the reader phrase goes with the first child
  var why = matched(group.q, r.headHits, r.units);
  if (children.length) children[0].text = why + children[0].text;
  else parent.text += why;
  return [parent].concat(children);
}

// The reader phrase of the article (corpus/search_expansions.yaml) a result came through, shown as
// "matched: ..." / "匹配：..." in the display mode's language(s): the one sharing most tokens with the query.
function phraseTokens(p) {
  if (HAN.test(p)) return bigrams(p);
  return (p.toLowerCase().match(/[a-z0-9]+/g) || []).filter(function (w) { return !Q.stopWord(w); }).map(stem);
}
function matched(phrases, headHits, units) {
  if (!phrases || !headHits) return "";
  var hits = {}, inText = {};       // only what the text's own units did not match: the phrase is why it came
  units.forEach(function (u) { Object.keys(u.hits || {}).forEach(function (t) { inText[t] = 1; }); });
  Object.keys(headHits).forEach(function (t) { if (!inText[t]) hits[t] = 1; });
  var best = null, most = 0;
  phrases.forEach(function (p) {
    var toks = phraseTokens(p), n = toks.filter(function (t) { return hits[t]; }).length;
    if (n > most || (n === most && best && n && toks.length < phraseTokens(best).length)) { best = p; most = n; }
  });
  if (!best) return "";
  var lang = HAN.test(best) ? "zh-Hans" : "en";
  return '<p class="lex-matched"><span class="lex-zh" lang="zh-Hans">匹配<span class="lex-colon">：</span></span>'
    + '<span class="lex-sep" aria-hidden="true"> · </span><span class="lex-en" lang="en">matched: </span>'
    + '<mark lang="' + lang + '">' + esc(best) + "</mark></p>";
}

// The text file of document `d` of split page `g` (every document but the group's own first one has one).
function docFile(g, d) { return "t" + g + "-" + (d - starts[g]); }

// ------------------------------------------------------------------ search
function search(raw) {
  var q = simplify(raw.normalize ? raw.normalize("NFKC") : raw).toLowerCase().trim();
  var cited = mayCite(q) ? citation(q) : null;
  if (cited && cited.length) {
    return load(cited.map(function (c) { return "t" + c.g; })).then(function () {
      var items = cited.map(function (c) {
        return render({g: c.g, units: [], score: 100, hits: {}}, [], c.eid);
      });
      return {items: items, total: items.length};
    });
  }
  var only = restriction(q);
  if (only) q = only.q;
  var concepts, boost, expand, fix = mayRepair(q), latin = /[a-z]/.test(q);
  return load((fix ? ["v0", "y0"] : []).concat(latin ? ["e0"] : [])).then(function () {
    if (latin) englishVocabulary();
    if (fix) q = repair(q);
    concepts = analyse(q);
    boost = DEFINITION_Q.test(q) ? ["!def"] : [];
    expand = concepts.filter(function (c) { return c.expand; });
    // A one-character concept matches through its bigrams with its neighbours in the query when the index
    // has them (治安防控网: 控网), else through the most frequent index bigrams containing it (由谁来管: 管理,
    // 监管...): all of them, for a common character such as 网 or 管, were most of the postings shards.
    return load(expand.length ? ["v0"] : []);
  }).then(function () {
    if (expand.length) {
      hanVocabulary();
      concepts = Q.dropLone(concepts);
      expand = concepts.filter(function (c) { return c.expand; });
    }
    expand.forEach(function (c) {
      var near = c.near.filter(function (b) { return Q.han().set[b]; });
      if (near.length) near.forEach(function (b) { c.tokens.push({t: b, w: 1}); });
      else mostFrequent(Q.han().words, function (t) { return t.indexOf(c.expand) >= 0; })
        .forEach(function (t) { c.tokens.push({t: t, w: EXPAND_WEIGHT}); });
    });
    var needed = {};
    concepts.forEach(function (c) { c.tokens.forEach(function (t) { needed["p" + shardOf(t.t)] = 1; }); });
    boost.forEach(function (t) { needed["p" + shardOf(t)] = 1; });
    return load(Object.keys(needed));
  }).then(function () {
    var results = score(concepts, boost);
    if (only) results = results.filter(function (r) { return only.regs[regOf(r.g)]; });
    var top = results.slice(0, MAX_GROUPS);
    // one wave: each group's head, and for a split page the texts of the units shown (every document of
    // a group has its file but the first, which is the group's own: build_scripts/features/search.py)
    var files = [];
    top.forEach(function (r) {
      files.push("t" + r.g);
      if (split[r.g]) r.units.slice(0, PAGE_CHILDREN).forEach(function (u) {
        if (u.d > starts[r.g]) files.push(docFile(r.g, u.d));
      });
    });
    return load(files).then(function () {
      top = verify(top, concepts, q);
      return {items: top.map(function (r) { return render(r, concepts, null); }), total: results.length};
    });
  });
}

// ------------------------------------------------------------------ protocol
// Over http the worker does not wait for Material's SETUP: Material sends it only once its own request
// for the start index has been answered on the main thread, which is busy with the page's scripts and
// DOMContentLoaded handlers until then. The worker fetches the same file and says READY on its own;
// Material's interface listens from the moment it creates the worker (same task), takes the first READY
// and ignores the second, which answers SETUP in case this one was not seen. From file:// (iframe-worker's
// shim, no fetch) SETUP is the only start.
var started = false;
function start(index) {
  if (!started) {
    setup(index);
    started = true;
  }
  postMessage({type: READY});
}
if (typeof document === "undefined" && self.location.protocol !== "file:") {
  fetch(url("../search/search_index.json")).then(function (r) {
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  }).then(function (index) { if (!started) start(index); }, function () { /* SETUP will start it */ });
}

addEventListener("message", function (ev) {
  var msg = ev.data || {};
  if (msg.type === SETUP) {
    start(msg.data);
  } else if (msg.type === WARM) {
    loadTables().catch(function () { /* the first query reports it */ });
  } else if (msg.type === QUERY) {
    var query = String(msg.data || "").trim();
    var mine = ++latest;
    if (!query) { postMessage({type: RESULT, data: {items: [], total: 0}}); return; }
    loadTables().then(function () {
      return search(query);
    }).then(function (data) {
      if (mine === latest) postMessage({type: RESULT, data: data});
    }, function (err) {
      if (mine === latest) postMessage({type: RESULT, data: {items: [], total: 0, error: String(err)}});
    });
  }
});
