/* The search worker's query understanding (./index.js), moved out of it as it was: the query tables of the index
 * (search/q/0.js; the English words e/0.js, the Chinese bigrams v/0.js and the homophones y/0.js once loaded)
 * and what reads a query with them: traditional -> simplified, segmentation (fewest segments, known words
 * preferred), concepts, a regulation named in the query, typing slips, whether it may be a citation. One
 * instance per worker holds the tables (no state shared otherwise); without a DOM or a worker, so node --test
 * runs it on the build's tables (test/search.test.js).
 *
 * queryTables(shards, lex): `shards` the worker's loaded shards by name (q0, e0, v0, y0), `lex` its start index's
 * config (the query tables are merged into it: the worker reads lex.cite, lex.syn too). */
export var HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
export var EXPAND_WEIGHT = 0.6;      // a single character or an English prefix, through longer index words
export var EXPAND_MAX = 6;
export var SYNONYM_WEIGHT = 0.8;     // a gloss word a lay English word stands for (corpus/search_synonyms.yaml)

export function queryTables(shards, lex) {
  var t2s = {}, words = {}, maxWord = 1, question = {}, stop = {}, phrases = {}, maxPhrase = 1;
  var zhPhrases = [], vocabEnSet = {}, vocabEn = [], hanWords = null, hanSet = null, sounds = null;

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
  /** @returns {any[]} */
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

  // Lone characters side by side that make no index bigram are a word the texts lack (整天, 聊聊): one that makes
  // none with either neighbour is dropped from a query with other concepts (its commonest words are noise).
  // After hanVocabulary(); returns the concepts kept (a dropped one has c.drop).
  /** @returns {any[]} */
  function dropLone(concepts) {
    var other = concepts.some(function (c) { return !c.expand; });
    concepts.forEach(function (c) {
      if (c.expand) c.drop = other && c.pair.some(function (b) { return !hanSet[b]; }) && !c.near.some(function (b) { return hanSet[b]; });
    });
    return concepts.filter(function (c) { return !c.drop; });
  }

  // The first EXPAND_MAX words of a vocabulary (the index's, most frequent first) that pass `test`.
  function mostFrequent(vocabulary, test) {
    var out = [];
    for (var i = 0; i < vocabulary.length && out.length < EXPAND_MAX; i++) if (test(vocabulary[i])) out.push(vocabulary[i]);
    return out;
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

  return {
    tables: tables, simplify: simplify, stem: stem, segment: segment, bigrams: bigrams, analyse: analyse,
    restriction: restriction, hanVocabulary: hanVocabulary, englishVocabulary: englishVocabulary,
    mayRepair: mayRepair, repair: repair, dropLone: dropLone, mostFrequent: mostFrequent, mayCite: mayCite,
    han: function () { return { words: hanWords, set: hanSet }; },     // after hanVocabulary()
    stopWord: function (w) { return !!stop[w]; }
  };
}
