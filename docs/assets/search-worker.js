/* Search worker of the edition (build_scripts/features/search.py writes its index; issue 14).
 *
 * Speaks Material's worker protocol: SETUP (0) with the start index -> READY (1); QUERY (2) with
 * the text of the header search box -> RESULT (3) with {items: [[group, ...units]], total}.
 * The start index holds only the group tables; READY is answered at once, and the query tables
 * (search/q/0.js: segmenter words, phrase dictionary, t2s, citation rules) load right after it, while
 * the reader types; a query waits for them if it comes first. The citation parser (cite.js) loads with
 * the first query that holds a number (mayCite), so a page load never fetches it.
 * Runs as a Web Worker over http and inside iframe-worker's shim from file://. Postings (search/p/<k>.js)
 * and the texts of a result (search/t/<g>.js) are script files loaded on demand (importScripts: sync
 * in a worker, a promise in the shim), never JSON fetched.
 *
 * Query understanding: NFKC, traditional -> simplified (t2s table of the index), lower case. A query
 * that is a citation (LexCite.parse of docs/assets/cite.js, the resolver's own rules) goes straight to
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
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
  var MAX_GROUPS = 12;          // groups returned
  var PAGE_CHILDREN = 3;        // units shown of a page whose texts are split per document
  var WHOLE = 0.5;              // a Chinese concept whole in a unit (not only its bigrams): up to x(1 + WHOLE)
  // a question asking what something is: units defining a term (token "!def" of the index) rank higher
  var DEFINITION_Q = /什么是|什么叫|是什么意思|的定义|的含义|^what (is|are|does)\b|\bdefinition\b|\bmeaning of\b|\bdefine\b/;
  var PAGE_WEIGHT = 0.5;        // hand-written and other pages rank below equally good provisions
  var EXPAND_WEIGHT = 0.6;      // a single character or an English prefix, through longer index words
  var SINGLE_ONLY = 0.1;         // a result matched only through one-character concepts (负, 子), when the query has others
  var EXPAND_MAX = 6;
  var SYNONYM_WEIGHT = 0.8;     // a gloss word a lay English word stands for (corpus/search_synonyms.yaml)           // index words a character or a prefix stands for: each may be another postings shard
  var BASE = (typeof document !== "undefined" && document.currentScript) ? document.currentScript.src : self.location.href;
  self.__lexWorker = true;

  var lex = {}, t2s = {}, words = {}, maxWord = 1, question = {}, stop = {}, phrases = {}, maxPhrase = 1;
  var zhPhrases = [], nShards = 1, vocabEnSet = {}, vocabEn = [], starts = [], kinds = "", regFirst = {};
  var split = {}, hanWords = null, hanSet = null, sounds = null, shards = {}, citeReady = null, tablesReady = null, latest = 0, canon = [], regRanges = [];

  self.__lexShard = function (name, data) { shards[name] = data; };

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

  function tables(data) {
    Object.keys(data).forEach(function (k) { lex[k] = data[k]; });
    t2s = {};
    var pairs = lex.t2s || "";
    for (var i = 0; i + 1 < pairs.length; i += 2) t2s[pairs[i]] = pairs[i + 1];
    words = {};
    (lex.words || "").split(" ").forEach(function (w) { if (w) { words[w] = 1; if (w.length > maxWord) maxWord = w.length; } });
    question = {};
    (lex.question || []).forEach(function (w) { question[w] = 1; words[w] = 1; });
    stop = {};
    (lex.stop || []).forEach(function (w) { stop[w] = 1; });
    phrases = {};        // "#a|@b": [phrases] -> phrase: keys
    Object.keys(lex.phrases || {}).forEach(function (k) {
      lex.phrases[k].forEach(function (p) { phrases[p] = k.split("|"); });
    });
    Object.keys(phrases).forEach(function (p) { if (p.length > maxPhrase) maxPhrase = p.length; });
    zhPhrases = Object.keys(phrases).filter(function (p) { return HAN.test(p) && p.length >= 3; })
      .sort(function (a, b) { return b.length - a.length; });
  }

  // ------------------------------------------------------------------ query analysis
  function simplify(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += t2s[text[i]] || text[i];
    return out;
  }

  function stem(w) {       // the same as build_scripts/features/search.py stem()
    if (w.length > 4 && /ies$/.test(w)) return w.slice(0, -3) + "y";
    if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
    if (w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
    return w;
  }

  // Segment a run of Han characters: fewest segments, known words (index, glossary, aliases,
  // question words) preferred over single characters.
  function segment(run) {
    var n = run.length, best = [0], back = [0];
    for (var i = 1; i <= n; i++) {
      best[i] = Infinity;
      for (var len = Math.min(i, Math.max(maxWord, maxPhrase)); len >= 1; len--) {
        var w = run.slice(i - len, i);
        var known = len === 1 || words[w] || phrases[w];
        if (!known) continue;
        var cost = best[i - len] + (len === 1 ? 1.2 : 1);
        if (cost < best[i]) { best[i] = cost; back[i] = len; }
      }
    }
    var out = [];
    for (var j = n; j > 0; j -= back[j]) out.unshift(run.slice(j - back[j], j));
    return out;
  }

  function bigrams(s) {
    var out = [];
    for (var i = 0; i + 1 < s.length; i++) out.push(s.substr(i, 2));
    return out;
  }

  // concepts: [{text, kind, tokens: [{t, w}], keys: [concept tokens]}]
  function analyse(q) {
    var concepts = [], latin = [];
    var re = /([\u3400-\u4dbf\u4e00-\u9fff]+)|([a-z0-9][a-z0-9'\-]*)/g, m;
    // phrases of Latin words (glossary English, aliases): longest first
    var lw = (q.match(/[a-z0-9][a-z0-9'\-]*/g) || []);
    var used = {};
    for (var len = Math.min(lw.length, 6); len >= 2; len--) {
      for (var s = 0; s + len <= lw.length; s++) {
        var taken = false;
        for (var k = s; k < s + len; k++) if (used[k]) taken = true;
        if (taken) continue;
        var p = lw.slice(s, s + len).join(" ");
        if (phrases[p]) {
          for (k = s; k < s + len; k++) used[k] = true;
          // the phrase's concept, and its own words (a provision may say it without the glossary's form)
          var own = lw.slice(s, s + len).filter(function (w) { return !stop[w] && vocabEnSet[stem(w)]; })
            .map(function (w) { return {t: stem(w), w: 1}; });
          concepts.push({text: p, kind: "en", tokens: own, keys: phrases[p], words: lw.slice(s, s + len)});
        }
      }
    }
    // Chinese phrases of the dictionary (glossary forms, aliases, topic names), also across the
    // punctuation inside them (谁主管、谁负责): longest first, then the rest is segmented
    var found = zhPhrases.filter(function (p) { return q.indexOf(p) >= 0; });
    found.forEach(function (p) {
      var at = q.indexOf(p);
      if (at < 0) return;
      var toks = [];     // the bigrams of each Han run, and the joins of an enumeration comma (管、谁)
      (p.match(/[\u3400-\u4dbf\u4e00-\u9fff]+/g) || []).forEach(function (run) { toks = toks.concat(bigrams(run)); });
      for (var j = 1; j + 1 < p.length; j++) {
        if (p[j] === "、" && HAN.test(p[j - 1]) && HAN.test(p[j + 1])) toks.push(p.substr(j - 1, 3));
      }
      var c = {text: p, kind: "zh", tokens: toks.map(function (b) { return {t: b, w: 1}; }), keys: phrases[p]};
      concepts.push(c);
      q = q.slice(0, at) + " " + q.slice(at + p.length);
    });
    var li = 0;
    while ((m = re.exec(q))) {
      if (m[1]) {
        var run = m[1], end = 0;
        var segs = segment(run);
        var lone = function (k) { return segs[k] && segs[k].length === 1 && !question[segs[k]]; };
        segs.forEach(function (seg, k) {
          var start = end;
          end += seg.length;
          if (question[seg] && !phrases[seg]) return;
          var c = {text: seg, kind: "zh", tokens: [], keys: phrases[seg] || []};
          if (seg.length >= 2) bigrams(seg).forEach(function (b) { c.tokens.push({t: b, w: 1}); });
          else {                     // one character: see search()
            c.expand = seg;
            c.near = [];
            c.pair = [];             // with a lone character beside it
            if (start > 0) c.near.push(run.substr(start - 1, 2));
            if (end < run.length) c.near.push(run.substr(start, 2));
            if (lone(k - 1)) c.pair.push(run.substr(start - 1, 2));
            if (lone(k + 1)) c.pair.push(run.substr(start, 2));
          }
          if (c.tokens.length || c.keys.length || c.expand) concepts.push(c);
        });
      } else {
        var w = m[2].replace(/'s$/, "").replace(/^[-']+|[-']+$/g, "");
        var index = li++;
        if (used[index] || !w || (stop[w] && lw.length > 1)) continue;
        var c2 = {text: w, kind: /^\d+$/.test(w) ? "num" : "en", tokens: [], keys: phrases[w] || []};
        w.split(/[-']/).forEach(function (part) {
          if (!part) return;
          var st = stem(part);
          if (vocabEnSet[st] || /^\d+$/.test(st)) c2.tokens.push({t: st, w: 1});
          if (part.length >= 3) mostFrequent(vocabEn, function (t) { return t !== st && t.indexOf(part) === 0; })
            .forEach(function (t) { c2.tokens.push({t: t, w: EXPAND_WEIGHT}); });
          ((lex.syn || {})[st] || []).forEach(function (t) {    // money -> funding, budget
            if (vocabEnSet[t] && t !== st) c2.tokens.push({t: t, w: SYNONYM_WEIGHT, syn: true});
          });
        });
        if (c2.tokens.length || c2.keys.length) concepts.push(c2);
        else if (c2.kind !== "num") concepts.push(c2);   // counts against coverage: nothing matches it
      }
    }
    concepts.forEach(function (c) { c.keys.forEach(function (key) { c.tokens.push({t: key, w: 1, key: true}); }); });
    return concepts;
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
    if (!self.LexCite || !lex.cite) return null;
    var cite = self.LexCite.parse(q, lex.cite.rules);
    if (!cite.ok || cite.article === null) return null;
    var res = self.LexCite.resolve(cite, lex.cite.structure);
    if (!res.ok) return null;
    return diversify(res.matches.map(function (mt) {
      return {g: regFirst[mt.reg] + mt.article - 1, eid: mt.eid, cite: mt.paragraph !== null};
    })).slice(0, MAX_GROUPS);
  }

  // A query naming a regulation or its province (the citation rules' aliases, longest first): the
  // regulations of that name, and the query without it. A one-character name (赣, 晋) counts only as a
  // segment of its own (not the 晋 of 晋升).
  function restriction(q) {
    var aliases = (lex.cite && lex.cite.rules && lex.cite.rules.aliases) || [];
    for (var i = 0; i < aliases.length; i++) {
      var m = new RegExp(aliases[i][0]).exec(q);
      if (!m) continue;
      var name = m[0];
      if (name.length === 1 && HAN.test(name)) {
        var run = /[\u3400-\u4dbf\u4e00-\u9fff]+/g, r, alone = false;
        while ((r = run.exec(q))) {
          if (r.index <= m.index && m.index < r.index + r[0].length && segment(r[0]).indexOf(name) >= 0) alone = true;
        }
        if (!alone) continue;
      }
      var rest = (q.slice(0, m.index) + " " + q.slice(m.index + name.length)).trim();
      if (!/[\u3400-\u4dbf\u4e00-\u9fffa-z0-9]/.test(rest)) return null;
      var regs = {};
      aliases.forEach(function (a) { if (a[0] === aliases[i][0]) regs[a[1]] = 1; });
      return {regs: regs, q: rest};
    }
    return null;
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
    return (p.toLowerCase().match(/[a-z0-9]+/g) || []).filter(function (w) { return !stop[w]; }).map(stem);
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

  function hanVocabulary() {     // the Chinese bigrams of the index (search/v/0.js, loaded), read once
    if (!hanWords) {
      hanWords = shards.v0.split(" ");
      hanSet = {};
      hanWords.forEach(function (t, i) { hanSet[t] = i + 1; });     // 1 + rank: the most frequent first
    }
  }

  // Typing slips of a pinyin input method (平按建设, 网各员, 扫黑除饿): a character that makes no index bigram with
  // its neighbours is replaced by the homophone (search/y/0.js) that makes index bigrams with all of them; of the
  // possible slips, the replacement making the most bigrams first (网各员: 各→格, 网格 and 格员), the most frequent if
  // several. Only a query the segmenter leaves with a lone character is looked at.
  function englishVocabulary() {  // the English words of the index (search/e/0.js, loaded for a Latin query), read once
    if (!vocabEn.length && shards.e0) {
      vocabEn = shards.e0.split(" ");
      vocabEn.forEach(function (t) { vocabEnSet[t] = 1; });
    }
  }

  function mayRepair(q) {
    return (q.match(/[\u3400-\u4dbf\u4e00-\u9fff]{2,}/g) || []).some(function (run) {
      return segment(run).some(function (seg) { return seg.length === 1 && !question[seg]; });
    });
  }
  function repair(q) {
    hanVocabulary();
    if (!sounds) {
      sounds = {};
      shards.y0.split(" ").forEach(function (group) {
        var chars = group.slice(group.indexOf(":") + 1).split("");
        chars.forEach(function (c) { sounds[c] = (sounds[c] || []).concat(chars); });
      });
    }
    return q.replace(/[\u3400-\u4dbf\u4e00-\u9fff]{2,}/g, function (run) {
      var chars = run.split("");
      for (var round = 0; round < chars.length; round++) {
        var best = null, at = -1, made = 0, rank = Infinity;
        for (var i = 0; i < chars.length; i++) {
          var prev = i > 0 ? chars[i - 1] : null, next = i + 1 < chars.length ? chars[i + 1] : null;
          if (question[chars[i]] || (prev && hanSet[prev + chars[i]]) || (next && hanSet[chars[i] + next])) continue;
          (sounds[chars[i]] || []).forEach(function (h) {
            var l = prev ? hanSet[prev + h] : 1, r = next ? hanSet[h + next] : 1, n = (prev ? 1 : 0) + (next ? 1 : 0);
            if (l && r && (n > made || (n === made && Math.max(l, r) < rank))) { best = h; at = i; made = n; rank = Math.max(l, r); }
          });
        }
        if (!best) break;
        chars[at] = best;
      }
      return chars.join("");
    });
  }

  // The first EXPAND_MAX words of a vocabulary (the index's, most frequent first) that pass `test`.
  function mostFrequent(vocabulary, test) {
    var out = [];
    for (var i = 0; i < vocabulary.length && out.length < EXPAND_MAX; i++) if (test(vocabulary[i])) out.push(vocabulary[i]);
    return out;
  }

  // The text file of document `d` of split page `g` (every document but the group's own first one has one).
  function docFile(g, d) { return "t" + g + "-" + (d - starts[g]); }

  // ------------------------------------------------------------------ search
  function search(raw) {
    var q = simplify(raw.normalize ? raw.normalize("NFKC") : raw).toLowerCase().trim();
    var cited = citation(q);
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
      if (expand.length) hanVocabulary();
      // Lone characters side by side that make no index bigram are a word the texts lack (整天, 聊聊): one that makes
      // none with either neighbour is dropped from a query with other concepts (its commonest words are noise).
      var other = concepts.some(function (c) { return !c.expand; });
      expand = expand.filter(function (c) {
        c.drop = other && c.pair.some(function (b) { return !hanSet[b]; }) && !c.near.some(function (b) { return hanSet[b]; });
        return !c.drop;
      });
      concepts = concepts.filter(function (c) { return !c.drop; });
      expand.forEach(function (c) {
        var near = c.near.filter(function (b) { return hanSet[b]; });
        if (near.length) near.forEach(function (b) { c.tokens.push({t: b, w: 1}); });
        else mostFrequent(hanWords, function (t) { return t.indexOf(c.expand) >= 0; })
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

  // A citation needs an article number (every pattern of the rules does): an ASCII digit after NFKC,
  // or a numeral of the rules (their digits and units, or a form the rules replace by one).
  function mayCite(q) {
    var rules = lex.cite && lex.cite.rules;
    if (!rules) return false;
    var s = String(q).normalize("NFKC");
    if (/[0-9]/.test(s)) return true;
    var n = rules.numerals;
    return s.split("").some(function (c) { c = rules.replace[c] || c; return c in n.digits || c in n.units; });
  }

  function loadCite() {      // the citation parser of the resolver page (docs/assets/cite.js), as it is
    if (!citeReady) citeReady = new Promise(function (resolve) {
      try { resolve(importScripts(url("cite.js"))); } catch (e) { resolve(null); }
    }).catch(function () { return null; });
    return citeReady;
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
      loadTables();
    }
    postMessage({type: READY});
  }
  if (typeof document === "undefined" && self.location.protocol !== "file:") {
    fetch(url("../search/search_index.json")).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (index) { if (!started) start(index); }, function () { /* SETUP will start it */ });
  }

  addEventListener("message", function (ev) {
    var msg = ev.data || {};
    if (msg.type === SETUP) {
      start(msg.data);
    } else if (msg.type === QUERY) {
      var query = String(msg.data || "").trim();
      var mine = ++latest;
      if (!query) { postMessage({type: RESULT, data: {items: [], total: 0}}); return; }
      loadTables().then(function () { return mayCite(query) ? loadCite() : null; }).then(function () {
        return search(query);
      }).then(function (data) {
        if (mine === latest) postMessage({type: RESULT, data: data});
      }, function (err) {
        if (mine === latest) postMessage({type: RESULT, data: {items: [], total: 0, error: String(err)}});
      });
    }
  });
})();
