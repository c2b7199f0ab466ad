/* Search worker of the edition (build_scripts/search.py writes its index).
 *
 * Speaks Material's worker protocol: SETUP (0) with the index -> READY (1); QUERY (2) with the
 * text of the header search box -> RESULT (3) with {items: [[article, ...units]], total}.
 * Runs as a Web Worker over http and inside iframe-worker's shim from file://.
 *
 * Matching: the query is converted to simplified characters (OpenCC t2s table from the index),
 * split into Chinese runs and Latin/digit words. A Chinese run scores 1 where a unit contains it
 * verbatim; otherwise by the longest pieces (2+ characters) of it that the unit contains, so that
 * exact phrases rank above texts sharing only some of their words. Glossary abbreviations and
 * variants are tried as alternatives (综治中心 <-> 社会治安综合治理中心); English words match the
 * gloss at word starts, and an English glossary term also searches its Chinese form.
 */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var STOP = {"a": 1, "an": 1, "and": 1, "the": 1, "of": 1, "in": 1, "to": 1, "for": 1, "or": 1,
              "on": 1, "with": 1, "by": 1, "at": 1, "as": 1, "is": 1, "be": 1};
  var PAGE_WEIGHT = 0.6;       // hand-written and other pages rank below equally good provisions
  var ALT_WEIGHT = 0.9;        // a glossary synonym counts a little less than the words typed
  var EN_ZH_WEIGHT = 0.8;      // an English glossary term found through its Chinese form
  var MAX_GROUPS = 50;

  var docs = [], groups = [], t2s = {}, synonyms = [], english = [];

  function setup(index) {
    var lex = (index.config && index.config.lex) || {};
    var pairs = lex.t2s || "";
    t2s = {};
    for (var i = 0; i + 1 < pairs.length; i += 2) t2s[pairs[i]] = pairs[i + 1];
    synonyms = lex.synonyms || [];
    english = lex.english || [];
    docs = index.docs || [];
    groups = [];
    var byParent = {};
    docs.forEach(function (d, i) {
      d.i = i;
      d.zl = d.z || "";                           // Chinese text of a unit
      d.el = (d.e || "").toLowerCase();           // English gloss of a unit
      d.xl = (d.x || "").toLowerCase();           // text of another page's section
      d.tl = ((d.t || "") + " " + (d.h || "")).toLowerCase();
      if (d.p === undefined) { byParent[i] = {doc: d, kids: []}; groups.push(byParent[i]); }
    });
    docs.forEach(function (d) { if (d.p !== undefined && byParent[d.p]) byParent[d.p].kids.push(d); });
  }

  // ------------------------------------------------------------------ query analysis
  function simplify(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += t2s[text[i]] || text[i];
    return out;
  }

  var CN_DIGITS = "零一二三四五六七八九";
  function chineseNumber(n) {           // 1..999, as in 第二十五条
    if (n < 10) return CN_DIGITS[n];
    if (n < 20) return "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
    if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
    var rest = n % 100;
    return CN_DIGITS[Math.floor(n / 100)] + "百" + (rest === 0 ? "" : rest < 10 ? "零" + CN_DIGITS[rest] :
      (rest < 20 ? "一" : "") + chineseNumber(rest));
  }

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // Terms: {text, kind: "zh"|"en", alts: [{text, kind, w}]}
  function analyse(raw) {
    var q = simplify(raw.normalize ? raw.normalize("NFKC") : raw);
    q = q.replace(/第\s*(\d{1,3})\s*([条款项章])/g, function (_, n, u) { return "第" + chineseNumber(+n) + u; });
    var terms = [];
    var re = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|([A-Za-z0-9][A-Za-z0-9'’\-]*)/g, m;
    var latin = [];
    while ((m = re.exec(q))) {
      if (m[1]) terms.push({text: m[1], kind: "zh"});
      else latin.push(m[2].toLowerCase().replace(/’/g, "'"));
    }
    var words = latin.filter(function (w) { return !STOP[w]; });
    if (!words.length) words = latin;
    words.forEach(function (w) { terms.push({text: w.replace(/^-+|-+$/g, ""), kind: /^\d+$/.test(w) ? "num" : "en"}); });
    terms = terms.filter(function (t) { return t.text.length; });
    terms.forEach(function (t) {
      t.alts = [{text: t.text, kind: t.kind, w: 1}];
      if (t.kind === "zh") {
        synonyms.forEach(function (pair) {
          var variant = pair[0], full = pair[1];
          if (t.text.indexOf(variant) >= 0 && t.text.indexOf(full) < 0)
            t.alts.push({text: t.text.split(variant).join(full), kind: "zh", w: ALT_WEIGHT});
          else if (t.text.indexOf(full) >= 0)
            t.alts.push({text: t.text.split(full).join(variant), kind: "zh", w: ALT_WEIGHT});
        });
      } else {
        t.re = new RegExp("(^|[^a-z0-9])" + escapeRegExp(t.text) + (t.kind === "num" ? "(?![0-9])" : ""), "i");
      }
    });
    // the Latin words as one phrase, and English glossary terms searched in Chinese
    var phrase = latin.join(" ");
    var extra = [];
    if (phrase) english.forEach(function (pair) {
      if (pair[0] === phrase) extra.push({text: pair[1], kind: "zh", w: EN_ZH_WEIGHT});
    });
    return {terms: terms, latinPhrase: latin.length > 1 ? phrase : "", glossaryZh: extra, query: q.trim()};
  }

  // ------------------------------------------------------------------ matching
  // Pieces of `s` (greedy, longest first, 2+ characters unless s is one character) found in `text`.
  function cover(s, text) {
    if (!text) return null;
    if (text.indexOf(s) >= 0) return {score: 1, pieces: [s]};
    if (s.length < 3) return null;
    var pieces = [], sum = 0, i = 0, covered = 0;
    while (i < s.length) {
      var found = 0;
      for (var len = s.length - i; len >= 2; len--) {
        if (text.indexOf(s.substr(i, len)) >= 0) { found = len; break; }
      }
      if (found) { pieces.push(s.substr(i, found)); sum += found * found; covered += found; i += found; }
      else i += 1;
    }
    if (!pieces.length || covered * 2 < s.length) return null;
    return {score: 0.7 * sum / (s.length * s.length), pieces: pieces};
  }

  function count(text, piece) {
    var n = 0, i = 0;
    while ((i = text.indexOf(piece, i)) >= 0) { n++; i += piece.length; }
    return n;
  }

  // Best match of one term in one document: {score, hits: [strings found], field}
  function matchTerm(term, d) {
    var best = null;
    term.alts.forEach(function (alt) {
      var r = null;
      if (alt.kind === "zh") {
        var c = cover(alt.text, d.zl) || cover(alt.text, d.x || "");
        if (c) r = {score: c.score * alt.w, hits: c.pieces, field: d.zl && cover(alt.text, d.zl) ? "z" : "x"};
      } else {
        var m = term.re.exec(d.el) || term.re.exec(d.xl) || (term.kind === "num" ? term.re.exec(d.zl) : null);
        if (m) r = {score: alt.w, hits: [alt.text], field: term.re.test(d.el) ? "e" : term.re.test(d.xl) ? "x" : "z"};
      }
      if (r && (!best || r.score > best.score)) best = r;
    });
    return best;
  }

  function titleMatch(term, d) {
    return term.alts.some(function (alt) {
      return alt.kind === "zh" ? (d.t || "").indexOf(alt.text) >= 0 : term.re.test(d.tl);
    });
  }

  function search(raw) {
    var a = analyse(raw);
    var terms = a.terms;
    if (a.glossaryZh.length) terms = terms.concat([{text: a.glossaryZh[0].text, kind: "zh", alts: a.glossaryZh, optional: true}]);
    if (!terms.length) return {items: [], total: 0};
    var required = terms.filter(function (t) { return !t.optional; }).length;
    var results = [];
    groups.forEach(function (g) {
      var perTerm = terms.map(function () { return 0; });
      var titleHits = 0, occurrences = 0, together = 0;
      var kids = [];
      terms.forEach(function (t, ti) {
        if (titleMatch(t, g.doc)) { titleHits += t.optional ? 0.5 : 1; perTerm[ti] = Math.max(perTerm[ti], 1); }
      });
      g.kids.forEach(function (d) {
        var score = 0, hits = [], matched = 0, fields = {};
        terms.forEach(function (t, ti) {
          var r = matchTerm(t, d);
          if (!r) return;
          matched++;
          score += r.score;
          perTerm[ti] = Math.max(perTerm[ti], r.score);
          fields[r.field] = true;
          r.hits.forEach(function (h) {
            hits.push(h);
            occurrences += count(r.field === "e" ? d.el : r.field === "x" ? d.xl : d.zl, r.field === "z" ? h : h.toLowerCase());
          });
        });
        if (!matched) return;
        if (matched >= required && required > 1) together = 1;
        if (a.latinPhrase && d.el.indexOf(a.latinPhrase) >= 0) score += 0.5;
        if (terms.length > 1 && a.query && d.zl.indexOf(a.query) >= 0) score += 0.5;
        kids.push({doc: d, score: score, hits: hits, fields: fields});
      });
      var sum = perTerm.reduce(function (x, y) { return x + y; }, 0);
      if (!sum) return;
      var score = sum + 0.5 * titleHits + 0.3 * together + 0.02 * Math.min(occurrences, 10);
      if (a.latinPhrase && g.kids.some(function (d) { return d.el.indexOf(a.latinPhrase) >= 0; })) score += 0.5;
      if (terms.length > 1 && g.kids.some(function (d) { return d.zl.indexOf(a.query) >= 0; })) score += 0.5;
      if (g.doc.k !== "a") score *= PAGE_WEIGHT;
      kids.sort(function (x, y) { return y.score - x.score; });
      results.push({group: g, score: score, kids: kids, perTerm: perTerm});
    });
    results.sort(function (x, y) { return y.score - x.score || x.group.doc.i - y.group.doc.i; });
    var items = results.slice(0, MAX_GROUPS).map(function (r) { return render(r, terms); });
    return {items: items, total: results.length};
  }

  // ------------------------------------------------------------------ rendering (Material's SearchItem)
  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function highlight(text, hits, caseless) {
    var list = hits.filter(function (h) { return h; }).sort(function (x, y) { return y.length - x.length; });
    if (!list.length) return esc(text);
    var re = new RegExp(list.map(escapeRegExp).join("|"), caseless ? "gi" : "g");
    var out = "", last = 0, m;
    while ((m = re.exec(text))) {
      out += esc(text.slice(last, m.index)) + "<mark data-md-highlight>" + esc(m[0]) + "</mark>";
      last = m.index + m[0].length;
      if (!m[0].length) re.lastIndex++;
    }
    return out + esc(text.slice(last));
  }

  // A window of the text around its first hit.
  function snippet(text, hits, caseless, width) {
    if (!text) return "";
    var hay = caseless ? text.toLowerCase() : text, first = -1;
    hits.forEach(function (h) {
      var i = hay.indexOf(caseless ? h.toLowerCase() : h);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    });
    if (first < 0) first = 0;
    var start = Math.max(0, first - width), end = Math.min(text.length, first + width * 2);
    if (caseless) {  // do not cut English words
      while (start > 0 && /\S/.test(text[start - 1])) start--;
      while (end < text.length && /\S/.test(text[end])) end++;
    }
    return (start > 0 ? "…" : "") + highlight(text.slice(start, end), hits, caseless) + (end < text.length ? "…" : "");
  }

  function termsOf(hits, terms) {
    var out = {};
    hits.forEach(function (h) { out[h] = true; });
    terms.forEach(function (t) {
      if (t.optional) return;
      var found = t.alts.some(function (alt) { return hits.some(function (h) { return h === alt.text || alt.text.indexOf(h) >= 0; }); });
      if (!found && !out[t.text]) out[t.text] = false;
    });
    return out;
  }

  function render(r, terms) {
    var g = r.group, allHits = [];
    r.kids.forEach(function (k) { allHits = allHits.concat(k.hits); });
    var title = g.doc.k === "a"
      ? '<span lang="zh-Hans">' + esc(g.doc.t) + '</span> <span lang="en">' + esc(g.doc.h) + "</span>"
      : esc(g.doc.t);
    var parent = {location: g.doc.l, title: title, text: r.kids.length ? "" : snippet(g.doc.x || "", allHits, true, 60),
                  score: r.score, terms: termsOf(allHits, terms)};
    var shown = 0;
    var children = r.kids.map(function (k) {
      var d = k.doc, parts = [];
      if (d.zl && (k.fields.z || !k.fields.e))
        parts.push('<p lang="zh-Hans">' + snippet(d.zl, k.hits, false, 40) + "</p>");
      if (d.e && k.fields.e) parts.push('<p lang="en">' + snippet(d.e, k.hits, true, 90) + "</p>");
      if (d.x !== undefined) parts.push("<p>" + snippet(d.x, k.hits, true, 90) + "</p>");
      shown++;
      // units scoring like the best one are shown; the others go under Material's "more" fold
      var score = (shown <= 3 && k.score >= r.kids[0].score * 0.5) ? r.score : r.score * 0.5;
      return {location: d.l, title: esc(d.t), text: parts.join(""), score: score, terms: termsOf(k.hits, terms)};
    });
    return [parent].concat(children);
  }

  // ------------------------------------------------------------------ protocol
  addEventListener("message", function (ev) {
    var msg = ev.data || {};
    if (msg.type === SETUP) {
      setup(msg.data);
      postMessage({type: READY});
    } else if (msg.type === QUERY) {
      var query = String(msg.data || "").trim();
      postMessage({type: RESULT, data: query ? search(query) : {items: [], total: 0}});
    }
  });
})();
