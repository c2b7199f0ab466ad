/* The reader's own pages (build_scripts/features/reader.py): shareable selections (select/), a character diff
 * of any two provisions (diff/), private bookmarks and notes (notes/). Loaded by those three pages only
 * (deferred: it runs after the bundle, whose reader.js it builds on, window.LexReaderCore).
 *
 * Works from file:// too: every label, citation, text and link comes from the core's assets/units/<reg>.js
 * (the JSON export as the browser reads it), loaded on demand by LexUnits (docs/assets/units.js). Citations
 * typed by the reader are read by LexCite.parse / LexCite.resolve (cite.js: the one parser) with the rules
 * of assets/cite-rules.js. tokenDiff is a port of Python's difflib.SequenceMatcher(None, a, b,
 * autojunk=False).get_opcodes(), the algorithm of enrich/alignment.char_diff (over characters) and word_diff
 * (over the words of `segment`, with the vocabulary of the diff page's index); tests/test_reader.py runs
 * both on real pairs. */
(function () {
  "use strict";
  var core = window.LexReaderCore, Units = window.LexUnits;
  if (!core || !Units) return;
  var el = core.el, zh = core.zh, en = core.en, bi = core.bi, say = core.say;
  var parseRanges = core.parseRanges, formatRanges = core.formatRanges, STORE = core.STORE, keyOf = core.keyOf;
  var loadStore = core.loadStore, saveStore = core.saveStore, putItem = core.putItem;

  // ------------------------------------------------------------------ character diff (difflib port)
  function longestMatch(a, b2j, alo, ahi, blo, bhi) {
    var besti = alo, bestj = blo, bestsize = 0, j2len = {};
    for (var i = alo; i < ahi; i++) {
      var newj2len = {}, js = b2j[a[i]] || [];
      for (var n = 0; n < js.length; n++) {
        var j = js[n];
        if (j < blo) continue;
        if (j >= bhi) break;
        var k = newj2len[j] = (j2len[j - 1] || 0) + 1;
        if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
      }
      j2len = newj2len;
    }
    return [besti, bestj, bestsize];
  }
  function matchingBlocks(a, b) {
    var b2j = Object.create(null);
    b.forEach(function (c, j) { (b2j[c] = b2j[c] || []).push(j); });
    var queue = [[0, a.length, 0, b.length]], blocks = [];
    while (queue.length) {
      var q = queue.pop(), m = longestMatch(a, b2j, q[0], q[1], q[2], q[3]);
      var i = m[0], j = m[1], k = m[2];
      if (k) {
        blocks.push(m);
        if (q[0] < i && q[2] < j) queue.push([q[0], i, q[2], j]);
        if (i + k < q[1] && j + k < q[3]) queue.push([i + k, q[1], j + k, q[3]]);
      }
    }
    blocks.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
    var out = [], i1 = 0, j1 = 0, k1 = 0;
    blocks.forEach(function (blk) {
      if (i1 + k1 === blk[0] && j1 + k1 === blk[1]) k1 += blk[2];
      else { if (k1) out.push([i1, j1, k1]); i1 = blk[0]; j1 = blk[1]; k1 = blk[2]; }
    });
    if (k1) out.push([i1, j1, k1]);
    out.push([a.length, b.length, 0]);
    return out;
  }
  /* [[op, text]], op "same" | "del" (only in a) | "ins" (only in b), over two lists of tokens; a replacement is
   * its deletion then its insertion; neighbours of one op are joined (exactly as enrich/alignment.char_diff
   * and word_diff). */
  function tokenDiff(a, b) {
    var out = [], i = 0, j = 0;
    function add(op, tokens) {
      if (!tokens.length) return;
      var text = tokens.join("");
      if (out.length && out[out.length - 1][0] === op) out[out.length - 1][1] += text;
      else out.push([op, text]);
    }
    matchingBlocks(a, b).forEach(function (m) {
      add("del", a.slice(i, m[0]));
      add("ins", b.slice(j, m[1]));
      i = m[0] + m[2]; j = m[1] + m[2];
      add("same", a.slice(m[0], i));
    });
    return out;
  }
  function charDiff(aText, bText) { return tokenDiff(Array.from(aText), Array.from(bText)); }
  /* The words of a text (enrich/alignment.segment): at each place the longest word of the vocabulary that
   * starts there, else one character. */
  function segment(text, vocab) {
    var chars = Array.from(text), out = [], i = 0;
    while (i < chars.length) {
      var n = Math.min(vocab.longest, chars.length - i), word = null;
      for (; n > 1; n--) {
        var w = chars.slice(i, i + n).join("");
        if (vocab.has[w]) { word = w; break; }
      }
      out.push(word || chars[i]);
      i += word ? n : 1;
    }
    return out;
  }
  function vocabulary(words) {
    var has = Object.create(null), longest = 1;
    (words || []).forEach(function (w) { has[w] = true; longest = Math.max(longest, Array.from(w).length); });
    return { has: has, longest: longest };
  }
  function wordDiff(aText, bText, vocab) { return tokenDiff(segment(aText, vocab), segment(bText, vocab)); }
  /* Of a diff's characters (whitespace left out), the share the two texts have in common (alignment.shared_share). */
  function sharedShare(parts) {
    var c = { same: 0, del: 0, ins: 0 };
    parts.forEach(function (p) { c[p[0]] += Array.from(p[1].replace(/\s/g, "")).length; });
    var total = 2 * c.same + c.del + c.ins;
    return total ? 2 * c.same / total : 1;
  }


  // ------------------------------------------------------------------ notes: import
  var EID = /^art_[0-9a-z-]+(__para_[0-9]+(__point_[0-9]+)?)?$/;
  var REG = /^[a-z0-9_-]+$/;
  /* An import file -> {items: [...valid], skipped: n} or {error}. Accepts this page's JSON export. */
  function validateImport(data) {
    if (!data || typeof data !== "object" || !Array.isArray(data.notes)) return { error: "format" };
    var items = [], skipped = 0;
    data.notes.forEach(function (n) {
      if (!n || typeof n !== "object" || typeof n.regulation !== "string" || !REG.test(n.regulation) ||
          typeof n.eid !== "string" || !EID.test(n.eid) ||
          (n.note !== undefined && typeof n.note !== "string") ||
          (n.bookmark !== undefined && typeof n.bookmark !== "boolean") || (n.note || "").length > 100000) {
        skipped++; return;
      }
      var cite = n.citation && typeof n.citation.zh === "string" && typeof n.citation.en === "string"
        ? { zh: n.citation.zh, en: n.citation.en } : undefined;
      var ts = function (v) { return typeof v === "string" && !isNaN(Date.parse(v)) ? v : undefined; };
      if (!n.note && !n.bookmark) { skipped++; return; }
      items.push({ reg: n.regulation, eid: n.eid, bookmark: !!n.bookmark, note: n.note || "", cite: cite,
                   created: ts(n.created), updated: ts(n.updated) });
    });
    return { items: items, skipped: skipped };
  }
  /* Merge imported items: a bookmark on either side stays; of two different notes nothing is lost (the
   * imported one is appended under a rule); identical notes are kept once. */
  function mergeNotes(store, items) {
    var added = 0, merged = 0, now = new Date().toISOString();
    items.forEach(function (n) {
      var k = keyOf(n.reg, n.eid), cur = store.items[k];
      if (!cur) {
        store.items[k] = { reg: n.reg, eid: n.eid, bookmark: n.bookmark, note: n.note, cite: n.cite,
                           created: n.created || now, updated: n.updated || now };
        added++;
        return;
      }
      var note = cur.note || "";
      if (n.note && note.indexOf(n.note) < 0) note = note ? note + "\n\n---\n\n" + n.note : n.note;
      if (note !== cur.note || (n.bookmark && !cur.bookmark)) {
        cur.note = note; cur.bookmark = cur.bookmark || n.bookmark; cur.updated = now; merged++;
      }
      if (!cur.cite && n.cite) cur.cite = n.cite;
    });
    return { added: added, merged: merged };
  }


  // ------------------------------------------------------------------ page index and regulation data
  function readIndex() {
    var holder = document.getElementById("lex-reader-index");
    return holder ? JSON.parse(holder.textContent) : null;
  }
  function regOf(idx, key) {
    key = String(key || "").toLowerCase();
    for (var i = 0; i < idx.regs.length; i++) if (idx.regs[i].id === key || idx.regs[i].short === key) return idx.regs[i];
    return null;
  }
  function loadAll(ids) { return Promise.all(ids.map(function (id) { return Units.load(id); })); }
  function children(data, eid) {
    var pre = eid + "__";
    return data.units.filter(function (u) { return u.eid.indexOf(pre) === 0; });
  }
  function chapterOf(data, a) {
    for (var i = 0; i < data.chapters.length; i++) if (data.chapters[i].number === a.chapter) return data.chapters[i];
    return null;
  }
  function shortPath(u) { return u.short_url.replace(/^\/+|\/+$/g, ""); }   // jx/15/2: the diff page's parameter
  /* The provision's Chinese as enrich/alignment.provision_text gives it: item labels kept, paragraphs
   * joined by newlines. */
  function provisionText(data, eid) {
    var u = data.byEid[eid];
    if (u.kind === "item") return u.label + u.zh;
    return (u.kind === "paragraph" ? [u] : u.paragraphs).map(function (p) {
      return p.zh + p.items.map(function (i) { return i.label + i.zh; }).join("");
    }).join("\n");
  }
  function absolute(u) { return u.permalink || u.url; }
  function pageUrl(idx, kind, search) {
    var p = idx.pages[kind];
    return p.url ? p.url + (search || "") : new URL(p.href + (search || ""), location.href).href;
  }

  /* Rows of a provision (its paragraphs' lead text and items), bilingual, in the classes of the legal pages. */
  function unitRows(data, eid, zhText) {
    var u = data.byEid[eid];
    var units = u.kind === "article" ? children(data, eid) : [u].concat(u.kind === "paragraph" ? children(data, eid) : []);
    var box = el("div", { "class": "lex-article lex-reader-rows" + (data.glossed ? "" : " lex-zh-only"), "data-eid": u.eid });
    units.forEach(function (r) {
      if (r.kind === "paragraph" && !r.zh) return;
      var zhDiv = el("div", { "class": "lex-zh", lang: "zh-Hans" });
      if (r.kind === "paragraph" && u.kind === "article" && u.paragraphs.length > 1) {
        zhDiv.appendChild(el("span", { "class": "cmp-pnum", title: r.labels.zh + " / " + r.labels.en }, [String(r.number)]));
      }
      if (r.kind === "item") zhDiv.appendChild(el("span", { "class": "lex-label" }, [r.label]));
      zhDiv.appendChild(zhText ? zhText(r.zh) : document.createTextNode(r.zh));
      var row = el("div", { "class": "lex-row" + (r.kind === "item" ? " lex-item" : ""), "data-eid": r.eid }, [zhDiv]);
      if (data.glossed) {
        row.appendChild(r.en ? el("div", { "class": "lex-en", lang: "en" }, [r.en])
          : el("div", { "class": "lex-en lex-missing" }, [bi("英文译文尚未提供", "English gloss not yet available")]));
      }
      box.appendChild(row);
    });
    return box;
  }
  function citeBlock(u, tag) {
    var p = el(tag || "p", { "class": "lex-reader-cite" });
    p.appendChild(zh(u.citation.zh)); p.appendChild(el("br")); p.appendChild(en(u.citation.en));
    return p;
  }
  function linkLine(u) {
    var p = el("p", { "class": "lex-reader-link" });
    p.appendChild(el("a", { href: Units.link(u.url) }, [bi("前往条文", "Go to the provision")]));
    if (u.permalink) { p.appendChild(document.createTextNode(" · ")); p.appendChild(el("code", {}, [u.permalink])); }
    return p;
  }
  function download(name, text, type) {
    var blob = new Blob([text], { type: type + ";charset=utf-8" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name, "class": "lex-reader-download" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function copy(text) {
    if (window.LexCite && window.LexCite.copyText) return window.LexCite.copyText(text);
    return Promise.resolve(false);
  }

  // ================================================================== select/
  function initSelect(root, idx) {
    var form = document.getElementById("lex-select-pick"), out = document.getElementById("lex-select-out");
    var status = document.getElementById("lex-select-status"), bar = document.getElementById("lex-select-bar");
    var contents = document.getElementById("lex-select-contents");
    var params = new URLSearchParams(location.search), wanted = [], bad = [];
    params.forEach(function (value, key) {
      var reg = regOf(idx, key);
      if (!reg) { bad.push(key + "=" + value); return; }
      var r = parseRanges(value);
      bad = bad.concat(r.bad);
      var have = wanted.filter(function (w) { return w.reg === reg; })[0];
      if (have) r.nums.forEach(function (n) { if (have.nums.indexOf(n) < 0) have.nums.push(n); });
      else wanted.push({ reg: reg, nums: r.nums });
    });
    wanted.forEach(function (w) {
      w.nums.sort(function (x, y) { return x - y; });
      var input = form.querySelector('input[data-reg="' + w.reg.id + '"]');
      if (input) input.value = formatRanges(w.nums);
    });

    // the contents of each regulation, one checkbox per article, kept in step with the range inputs
    loadAll(idx.regs.map(function (r) { return r.id; })).then(function (all) {
      all.forEach(function (data) {
        var input = form.querySelector('input[data-reg="' + data.id + '"]');
        var det = el("details", { "class": "lex-select-toc" });
        det.appendChild(el("summary", {}, [bi("目录：" + data.title.zh, "Contents: " + data.title.en)]));
        var list = el("ul", {}), chapter = null;
        data.articles.forEach(function (a) {
          var ch = chapterOf(data, a);
          if (ch && ch.heading.zh !== chapter) {
            chapter = ch.heading.zh;
            list.appendChild(el("li", { "class": "lex-select-chapter" }, [bi(ch.heading.zh, ch.heading.en)]));
          }
          var id = "lex-tick-" + data.id + "-" + a.number;
          var box = el("input", { type: "checkbox", id: id, value: a.number });
          var label = el("label", { "for": id }, [zh(a.labels.zh), " ", en(a.title_en)]);
          list.appendChild(el("li", {}, [box, " ", label]));
        });
        det.appendChild(list);
        contents.appendChild(det);
        function fromInput() {
          var nums = parseRanges(input.value).nums;
          list.querySelectorAll("input").forEach(function (b) { b.checked = nums.indexOf(parseInt(b.value, 10)) >= 0; });
        }
        list.addEventListener("change", function () {
          var nums = [];
          list.querySelectorAll("input:checked").forEach(function (b) { nums.push(parseInt(b.value, 10)); });
          input.value = formatRanges(nums);
        });
        input.addEventListener("input", fromInput);
        fromInput();
      });
    });

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = [];
      form.querySelectorAll("input[data-reg]").forEach(function (input) {
        var nums = parseRanges(input.value).nums;
        if (nums.length) q.push(encodeURIComponent(input.name) + "=" + formatRanges(nums));
      });
      location.search = q.length ? "?" + q.join("&") : "";
    });
    bar.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-action]");
      if (!b) return;
      var action = b.getAttribute("data-action");
      if (action === "print") window.print();
      if (action === "edit") { form.hidden = false; form.querySelector("input").focus(); }
      if (action === "copy-link") {
        var url = pageUrl(idx, "select", location.search);
        copy(url).then(function (ok) {
          ok ? say(status, "已复制链接：" + url, "Link copied: " + url) : say(status, "请手动复制：" + url, "Copy it by hand: " + url, true);
        });
      }
      if (action === "download-md") download("selection" + location.search.replace(/[^a-z0-9,-]+/gi, "_") + ".md", selectionMarkdown(), "text/markdown");
    });

    var shown = [];
    /* The selection as Markdown: the edition and its version first (what the text was taken from), then each
     * article under its citation and link, each paragraph under its label when the article has more than one
     * (第十五条第二款 · Art. 15(2)), each item with its number in both languages ((1) before the English, as the
     * pages show it). */
    function selectionMarkdown() {
      var e = idx.edition;
      var lines = ["# 选读 / Selected articles", "",
        e.name.zh + " · 版本 " + e.version + " / " + e.name.en + " · version " + e.version + "  ",
        "中文文本为准；英文为本版非官方译文。英文译文等本版内容采用 " + e.licence + " 许可。 / The Chinese text is authoritative; " +
        "the English is an unofficial gloss by this edition, licensed under " + e.licence + " (" + e.licence_url + ").", "",
        "<" + pageUrl(idx, "select", location.search) + ">", ""];
      shown.forEach(function (s) {
        var data = s.data;
        lines.push("## " + data.title.zh + " / " + data.title.en, "");
        s.units.forEach(function (u) {
          lines.push("### " + u.citation.zh + " / " + u.citation.en, "");
          lines.push(u.labels.zh + " / " + u.title_en, "");
          lines.push("<" + absolute(u) + ">", "");
          var labelled = u.paragraphs.length > 1;
          u.paragraphs.forEach(function (p) {
            if (labelled) lines.push("**" + p.labels.zh + " · " + p.labels.en + "**", "");
            if (p.zh) {
              lines.push(p.zh, "");
              if (p.en) lines.push("> " + p.en, "");
            }
            p.items.forEach(function (i) {
              lines.push("- " + i.label + i.zh);
              if (i.en) lines.push("", "  > (" + i.number + ") " + i.en);
              lines.push("");
            });
          });
        });
      });
      return lines.join("\n");
    }

    if (!wanted.length) {
      if (bad.length) say(status, "无法识别：" + bad.join(", "), "Not understood: " + bad.join(", "), true);
      return;
    }
    form.hidden = true;
    bar.hidden = false;
    loadAll(wanted.map(function (w) { return w.reg.id; })).then(function (all) {
      var missing = [], count = 0;
      out.textContent = "";
      wanted.forEach(function (w, k) {
        var data = all[k];
        var units = w.nums.map(function (n) {
          var u = data.byEid["art_" + n];
          if (!u) missing.push(regOf(idx, data.id).short + " " + n);
          return u;
        }).filter(Boolean);
        if (!units.length) return;
        shown.push({ data: data, units: units });
        var sec = el("section", { "class": "lex-select-reg" });
        sec.appendChild(el("h2", { "class": "lex-select-title" }, [zh(data.title.zh), " ", el("span", { lang: "en", "class": "lex-en-label" }, [data.title.en])]));
        units.forEach(function (u) {
          count++;
          var art = el("article", { "class": "lex-select-art", "data-eid": u.eid, "data-reg": data.id });
          art.appendChild(el("h3", {}, [zh(u.labels.zh), " ", el("span", { "class": "lex-en-label", lang: "en" },
            [u.title_en])]));
          art.appendChild(citeBlock(u));
          art.appendChild(unitRows(data, u.eid));
          art.appendChild(linkLine(u));
          sec.appendChild(art);
        });
        out.appendChild(sec);
      });
      document.title = "选读 " + count + " 条 · Selected articles (" + count + ")";
      if (missing.length) say(status, "本版没有：" + missing.join(", "), "Not in this edition: " + missing.join(", "), true);
      else if (bad.length) say(status, "无法识别：" + bad.join(", "), "Not understood: " + bad.join(", "), true);
      else say(status, "已选 " + count + " 条", count + " article" + (count === 1 ? "" : "s") + " selected");
      root.setAttribute("data-count", String(count));
    });
  }


  // ================================================================== diff/
  /* "jx/15/2", "jiangxi:art_15__para_2", or any citation the resolver reads -> {reg, eid} or {error}. */
  function resolveSpec(idx, spec) {
    spec = String(spec || "").trim();
    if (!spec) return { error: "empty" };
    var m = /^([a-z0-9_-]+)[:/](art_[0-9a-z_-]+)$/i.exec(spec);
    if (m && regOf(idx, m[1])) return { reg: regOf(idx, m[1]).id, eid: m[2] };
    var C = window.LexCite, cite = window.LEX_CITE_RULES;
    if (!C || !cite) return { error: "unparseable" };
    var r = C.resolve(C.parse(spec, cite.rules), cite.structure);
    if (!r.ok) return { error: r.error };
    var hits = r.matches.filter(function (x) { return x.eid; });
    if (!hits.length) return { error: "not_found" };
    if (hits.length > 1) return { error: "which_regulation" };
    return { reg: hits[0].reg, eid: hits[0].eid };
  }
  var MESSAGES = {
    which_regulation: ["两部条例都有这一条，请写明法规，例如“jx 15”。", "Both regulations have this provision: name one, e.g. “jx 15”."],
    missing: ["本版没有这一条文。", "No such provision in this edition."]
  };
  function specMessage(err) {
    var m = MESSAGES[err];
    if (m) return m;
    var rules = window.LEX_CITE_RULES && window.LEX_CITE_RULES.rules.messages[err];
    return rules ? [rules.zh, rules.en] : MESSAGES.missing;
  }

  function initDiff(root, idx) {
    var form = document.getElementById("lex-diff-pick"), out = document.getElementById("lex-diff-out");
    var status = document.getElementById("lex-diff-status");
    var params = new URLSearchParams(location.search), vocab = vocabulary(idx.words);
    var sides = ["a", "b"].map(function (s) {
      var fs = form.querySelector('[data-side="' + s + '"]');
      return { side: s, reg: fs.querySelector("[data-role=reg]"), unit: fs.querySelector("[data-role=unit]"),
               q: fs.querySelector("input"), spec: params.get(s) };
    });

    function fill(side, eid) {
      return Units.load(side.reg.value).then(function (data) {
        side.unit.textContent = "";
        data.units.forEach(function (u) {
          var pad = u.kind === "article" ? "" : (u.kind === "paragraph" ? "\u3000" : "\u3000\u3000");
          side.unit.appendChild(el("option", { value: u.eid, lang: "zh-Hans" }, [pad + u.labels.zh + " · " + u.labels.en]));
        });
        if (eid && data.byEid[eid]) side.unit.value = eid;
        return data;
      });
    }
    sides.forEach(function (side) {
      side.reg.addEventListener("change", function () { side.q.value = ""; fill(side); });
      side.unit.addEventListener("change", function () { side.q.value = ""; });
    });

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var specs = [], problems = [];
      sides.forEach(function (side) {
        var typed = side.q.value.trim();
        var r = typed ? resolveSpec(idx, typed) : { reg: side.reg.value, eid: side.unit.value };
        if (r.error) { problems.push(side.side.toUpperCase() + ": " + specMessage(r.error).join(" / ")); return; }
        var data = Units.get(r.reg), u = data && data.byEid[r.eid];
        specs.push(side.side + "=" + (u ? shortPath(u) : regOf(idx, r.reg).short + ":" + r.eid));
      });
      if (problems.length) { say(status, problems.join("；"), problems.join("; "), true); return; }
      location.search = "?" + specs.join("&");
    });
    form.querySelector("[data-action=swap]").addEventListener("click", function () {
      var a = sides[0], b = sides[1], reg = a.reg.value, unit = a.unit.value, q = a.q.value;
      a.reg.value = b.reg.value; a.q.value = b.q.value;
      b.reg.value = reg; b.q.value = q;
      var bUnit = b.unit.value;
      Promise.all([fill(a, bUnit), fill(b, unit)]).then(function () { form.requestSubmit(); });
    });

    var resolved = sides.map(function (side) { return side.spec ? resolveSpec(idx, side.spec) : null; });
    // A alone ("Compare with…" on an article page): B is A's counterpart in the curated pairs, if it has one.
    var a0 = resolved[0], counterpart = a0 && a0.eid && !resolved[1] && (idx.counterparts || {})[a0.reg + "/" + a0.eid];
    if (counterpart) resolved[1] = { reg: counterpart[0], eid: counterpart[1], paired: true };
    var others = idx.regs.filter(function (r) { return !a0 || r.id !== a0.reg; });
    var defaults = [idx.regs[0].id, (others[0] || idx.regs[idx.regs.length - 1]).id];
    Promise.all(sides.map(function (side, k) {
      var r = resolved[k];
      side.reg.value = r && r.reg ? r.reg : defaults[k];
      return fill(side, r && r.eid);
    })).then(function (datas) {
      if (!resolved[0] && !resolved[1]) return;
      var problems = [];
      resolved.forEach(function (r, k) {
        var label = sides[k].side.toUpperCase() + ": ";
        if (r && r.error) { var m = specMessage(r.error); problems.push([label + m[0], label + m[1]]); }
        else if (r && !datas[k].byEid[r.eid]) { problems.push([label + MESSAGES.missing[0], label + MESSAGES.missing[1]]); }
      });
      if (problems.length) {
        say(status, problems.map(function (p) { return p[0]; }).join("；"), problems.map(function (p) { return p[1]; }).join("; "), true);
        return;
      }
      if (!resolved[0] || !resolved[1]) {   // one side given, no counterpart known: an invitation, not an error
        var missing = sides[resolved[0] ? 1 : 0];
        say(status, "请选择" + (resolved[0] ? "第二条文（B）" : "第一条文（A）") + "，然后点“比较”。",
            "Choose the " + (resolved[0] ? "second provision (B)" : "first provision (A)") + ", then Compare.");
        missing.unit.focus();
        return;
      }
      if (resolved[1].paired) {   // the address records the pair shown
        var ub = datas[1].byEid[resolved[1].eid];
        history.replaceState(null, "", location.pathname + location.search + "&b=" + shortPath(ub) + location.hash);
      }
      showDiff(datas[0], resolved[0].eid, datas[1], resolved[1].eid, !!resolved[1].paired);
    });

    function legendLine() {
      return el("p", { "class": "cmp-legend" }, [
        el("del", {}, [el("span", { "class": "cmp-cue" }, ["[−"]), "…", el("span", { "class": "cmp-cue" }, ["]"])]), " ",
        bi("仅见于 A", "only in A"), "; ",
        el("ins", {}, [el("span", { "class": "cmp-cue" }, ["[+"]), "…", el("span", { "class": "cmp-cue" }, ["]"])]), " ",
        bi("仅见于 B", "only in B"), "; ", bi("其余文字两者相同", "unmarked text is in both"), "."]);
    }
    function inlineDiff(parts) {
      var box = el("div", { "class": "cmp-diff lex-diff-text", lang: "zh-Hans" });
      parts.forEach(function (p) {
        if (p[0] === "same") { box.appendChild(document.createTextNode(p[1])); return; }
        var side = p[0] === "del" ? "A" : "B";
        box.appendChild(el(p[0], {}, [
          el("span", { "class": "cmp-cue", "aria-hidden": "true" }, [p[0] === "del" ? "[−" : "[+"]),
          el("span", { "class": "cmp-sr" }, [zh("仅见于" + side), " / ", en("only in " + side), ": "]),
          p[1],
          el("span", { "class": "cmp-cue", "aria-hidden": "true" }, ["]"]),
          el("span", { "class": "cmp-sr" }, [en(" (end)")])]));
      });
      return box;
    }
    /* The words of two or more Han characters that both texts use, longest first. */
    function sharedWords(parts) {
      var seen = {}, out = [];
      parts.forEach(function (p) {
        if (p[0] !== "same") return;
        segment(p[1], vocab).forEach(function (w) {
          if (/^[\u3400-\u9fff]{2,}$/.test(w) && !seen[w]) { seen[w] = true; out.push(w); }
        });
      });
      return out;
    }

    function showDiff(da, ea, db, eb, paired) {
      var ua = da.byEid[ea], ub = db.byEid[eb];
      var ta = provisionText(da, ea), tb = provisionText(db, eb), parts = wordDiff(ta, tb, vocab);
      var counts = { same: 0, del: 0, ins: 0 }, share = sharedShare(parts), apart = share < idx.shared_little;
      parts.forEach(function (p) { counts[p[0]] += Array.from(p[1].replace(/\s/g, "")).length; });
      out.textContent = "";
      document.title = ua.labels.zh + " ↔ " + ub.labels.zh + " · 对比 Compare";
      out.appendChild(el("h2", { id: "lex-diff-result" }, [apart ? bi("两条并列", "Side by side") : bi("逐词差异", "Word differences")]));
      if (paired) {
        out.appendChild(el("p", { "class": "lex-reader-hint lex-diff-paired" }, [
          bi("B 是专题对照中与 A 对应的条文；可在下方另选。", "B is A's counterpart in the curated comparison; choose another below.")]));
      }
      var stat = bi("两者共有 " + Math.round(share * 100) + "%：相同 " + counts.same + " 字，仅见于 A " + counts.del + " 字，仅见于 B " + counts.ins + " 字",
                    Math.round(share * 100) + "% in common: " + counts.same + " characters in both, " + counts.del + " only in A, " + counts.ins + " only in B");
      var shared = sharedWords(parts);
      if (apart) {
        out.appendChild(el("p", { "class": "lex-diff-apart" }, [
          bi("这两条的文字通篇不同，逐词标出差异并无帮助，故并列显示；两条共有的词语已标出。",
             "These two provisions differ throughout: marking every difference would not help, so they are set side by side, with the words they share marked.")]));
        out.appendChild(el("p", { "class": "cmp-diffstat lex-diff-stat" }, [stat]));
      } else {
        out.appendChild(legendLine());
        out.appendChild(el("p", { "class": "cmp-diffstat lex-diff-stat" }, [stat]));
        out.appendChild(inlineDiff(parts));
        out.appendChild(el("h2", {}, [bi("两条原文", "The two provisions")]));
      }
      if (apart && shared.length) {
        var list = el("p", { "class": "lex-diff-shared-list" }, [bi("共有词语：", "Words in both:"), " "]);
        shared.slice().sort(function (x, y) { return y.length - x.length; }).forEach(function (w, k) {
          if (k) list.appendChild(document.createTextNode("、"));
          list.appendChild(el("mark", { "class": "lex-shared", lang: "zh-Hans" }, [w]));
        });
        out.appendChild(list);
      }
      var pair = el("div", { "class": "lex-diff-pair" + (apart ? " lex-diff-apart-pair" : "") });
      var marks = apart && shared.length ? shared : null;
      [["A", ua, da, ea], ["B", ub, db, eb]].forEach(function (x) {
        var col = el("section", { "class": "lex-diff-col" });
        col.appendChild(el("h3", {}, [x[0] + " "]));
        col.lastChild.appendChild(citeBlock(x[1], "span"));
        col.appendChild(unitRows(x[2], x[3], marks && function (text) { return markWords(text, marks); }));
        col.appendChild(linkLine(x[1]));
        pair.appendChild(col);
      });
      out.appendChild(pair);
      var na = regOf(idx, da.id).name, nb = regOf(idx, db.id).name;
      say(status, "已比较：A " + na.zh + ua.labels.zh + "，B " + nb.zh + ub.labels.zh,
          "Compared: A " + na.en + " " + ua.labels.en + ", B " + nb.en + " " + ub.labels.en);
      root.setAttribute("data-diff", JSON.stringify(parts));
      root.setAttribute("data-layout", apart ? "apart" : "inline");
    }
    /* A text as nodes, each shared word in a <mark>. */
    function markWords(text, words) {
      var set = {}, f = document.createDocumentFragment(), run = "";
      words.forEach(function (w) { set[w] = true; });
      segment(text, vocab).forEach(function (w) {
        if (!set[w]) { run += w; return; }
        if (run) { f.appendChild(document.createTextNode(run)); run = ""; }
        f.appendChild(el("mark", { "class": "lex-shared" }, [w]));
      });
      if (run) f.appendChild(document.createTextNode(run));
      return f;
    }
  }


  // ================================================================== notes/
  function initNotes(root, idx) {
    var out = document.getElementById("lex-notes-out"), status = document.getElementById("lex-notes-status");
    var bar = document.getElementById("lex-notes-bar"), file = document.getElementById("lex-notes-file");
    var datas = {};

    function entries() {
      var store = loadStore(), list = [];
      Object.keys(store.items).forEach(function (k) {
        var it = store.items[k], data = datas[it.reg], u = data && data.byEid[it.eid];
        list.push({ item: it, unit: u || null, data: data || null });
      });
      var order = idx.regs.map(function (r) { return r.id; });
      list.sort(function (x, y) {
        var rx = order.indexOf(x.item.reg), ry = order.indexOf(y.item.reg);
        if (rx !== ry) return (rx < 0 ? 99 : rx) - (ry < 0 ? 99 : ry);
        if (!x.unit || !y.unit) return (x.unit ? 0 : 1) - (y.unit ? 0 : 1) || (x.item.eid < y.item.eid ? -1 : 1);
        return x.unit.index - y.unit.index;
      });
      return list;
    }
    function citeOf(e) { return e.unit ? e.unit.citation : (e.item.cite || { zh: e.item.reg + " " + e.item.eid, en: e.item.reg + " " + e.item.eid }); }
    function linkOf(e) { return e.unit ? absolute(e.unit) : null; }

    function render() {
      out.textContent = "";
      var list = entries();
      root.setAttribute("data-count", String(list.length));
      if (!list.length) {
        out.appendChild(el("p", { "class": "lex-notes-empty" }, [bi("还没有收藏或笔记。在任一条文页面的“阅读工具”中添加。",
          "No bookmarks or notes yet. Add them from “Reader tools” on any article page.")]));
        return;
      }
      var ul = el("ul", { "class": "lex-notes-list" }), n = 0;
      list.forEach(function (e) {
        n++;
        var it = e.item, cite = citeOf(e), id = "lex-note-" + n;
        var li = el("li", { "class": "lex-note" + (e.unit ? "" : " lex-note-orphan"), "data-key": keyOf(it.reg, it.eid) });
        var h = el("h2", { "class": "lex-note-cite" });
        var title = el("span", {}, [zh(cite.zh), el("br"), en(cite.en)]);
        h.appendChild(e.unit ? el("a", { href: Units.link(e.unit.url) }, [title]) : title);
        li.appendChild(h);
        if (!e.unit) li.appendChild(el("p", { "class": "lex-reader-error" }, [bi("本版中已没有这一条文；笔记保留。", "This provision is not in this edition any more; the note is kept.")]));
        else li.appendChild(el("p", { "class": "lex-note-excerpt", lang: "zh-Hans" }, [excerpt(e.data, e.unit)]));
        var ta = el("textarea", { id: id, rows: "3", cols: "60" });
        ta.value = it.note || "";
        li.appendChild(el("p", {}, [el("label", { "for": id }, [bi("笔记", "Note")]), el("br"), ta]));
        var mark = el("button", { type: "button", "class": "md-button lex-bookmark", "aria-pressed": String(!!it.bookmark), "data-action": "bookmark" },
          [el("span", { "class": "lex-bookmark-icon", "aria-hidden": "true" }, [it.bookmark ? "★" : "☆"]), " ", bi("收藏", "Bookmark")]);
        li.appendChild(el("p", { "class": "lex-note-buttons" }, [
          el("button", { type: "button", "class": "md-button", "data-action": "save" }, [bi("保存", "Save")]), " ", mark, " ",
          el("button", { type: "button", "class": "md-button", "data-action": "delete" }, [bi("删除", "Delete")])]));
        ul.appendChild(li);
      });
      out.appendChild(ul);
    }
    function excerpt(data, u) {
      var t = provisionText(data, u.eid).replace(/\n/g, " ");
      return t.length > 80 ? t.slice(0, 80) + "…" : t;
    }
    out.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-action]");
      if (!b) return;
      var li = b.closest(".lex-note"), key = li.getAttribute("data-key"), store = loadStore(), it = store.items[key];
      if (!it) { render(); return; }
      var action = b.getAttribute("data-action");
      if (action === "save") putItem(store, it.reg, it.eid, { note: li.querySelector("textarea").value });
      if (action === "bookmark") putItem(store, it.reg, it.eid, { bookmark: !it.bookmark });
      if (action === "delete") delete store.items[key];
      if (!saveStore(store)) { say(status, "无法保存（浏览器禁止本地存储）", "Could not save (this browser blocks local storage)", true); return; }
      var cite = it.cite || { zh: key, en: key };
      if (action === "save") say(status, "已保存：" + cite.zh, "Saved: " + cite.en);
      if (action === "bookmark") say(status, (it.bookmark ? "已收藏：" : "已取消收藏：") + cite.zh, (it.bookmark ? "Bookmarked: " : "Bookmark removed: ") + cite.en);
      if (action === "delete") say(status, "已删除：" + cite.zh, "Deleted: " + cite.en);
      var next = li.nextElementSibling || li.previousElementSibling;
      var nextKey = next && next.getAttribute("data-key");
      render();
      var focus = action === "delete"
        ? (nextKey && out.querySelector('[data-key="' + nextKey + '"] textarea')) || bar.querySelector("button")
        : out.querySelector('[data-key="' + key + '"] [data-action="' + action + '"]');
      if (focus) focus.focus();
    });

    function exportJson() {
      return { format: "lex-reader-notes", schema_version: 1, exported: new Date().toISOString(),
               site_url: idx.site_url, notes: entries().map(function (e) {
                 return { regulation: e.item.reg, eid: e.item.eid, bookmark: !!e.item.bookmark, note: e.item.note || "",
                          citation: citeOf(e), permalink: linkOf(e), created: e.item.created, updated: e.item.updated };
               }) };
    }
    function exportMarkdown() {
      var lines = ["# 我的笔记 / My notes", "", "导出于 / Exported " + new Date().toISOString().slice(0, 10), ""];
      entries().forEach(function (e) {
        var cite = citeOf(e), link = linkOf(e);
        lines.push("## " + cite.zh + " / " + cite.en, "");
        if (link) lines.push("<" + link + ">", "");
        else lines.push("(本版中已没有这一条文 / not in this edition any more)", "");
        if (e.item.bookmark) lines.push("★ 已收藏 / Bookmarked", "");
        if (e.item.note) lines.push(e.item.note, "");
      });
      return lines.join("\n");
    }
    bar.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-action]");
      if (!b) return;
      var day = new Date().toISOString().slice(0, 10);
      if (b.getAttribute("data-action") === "export-json") download("notes-" + day + ".json", JSON.stringify(exportJson(), null, 1) + "\n", "application/json");
      if (b.getAttribute("data-action") === "export-md") download("notes-" + day + ".md", exportMarkdown(), "text/markdown");
      say(status, "已导出", "Exported");
    });
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) return;
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try { data = JSON.parse(String(reader.result)); } catch (e) { data = null; }
        var v = validateImport(data);
        if (v.error) { say(status, "导入失败：不是本站导出的笔记 JSON 文件", "Import failed: not a notes JSON file exported by this site", true); return; }
        var store = loadStore(), r = mergeNotes(store, v.items);
        if (!saveStore(store)) { say(status, "无法保存（浏览器禁止本地存储）", "Could not save (this browser blocks local storage)", true); return; }
        render();
        say(status, "已导入：新增 " + r.added + " 条，合并 " + r.merged + " 条，跳过 " + v.skipped + " 条无效条目",
            "Imported: " + r.added + " added, " + r.merged + " merged, " + v.skipped + " invalid skipped", v.skipped > 0);
        file.value = "";
      };
      reader.readAsText(f);
    });
    loadAll(idx.regs.map(function (r) { return r.id; })).then(function (all) {
      all.forEach(function (d) { datas[d.id] = d; });
      render();
    });
    window.addEventListener("storage", function (ev) { if (ev.key === STORE) render(); });
  }


  // ------------------------------------------------------------------ start
  window.LexReader = { charDiff: charDiff, wordDiff: wordDiff, segment: segment, vocabulary: vocabulary,
                       sharedShare: sharedShare, parseRanges: parseRanges, formatRanges: formatRanges,
                       validateImport: validateImport, mergeNotes: mergeNotes, resolveSpec: resolveSpec,
                       provisionText: provisionText, readIndex: readIndex, STORE: STORE };

  function init() {
    var root = document.querySelector("[data-reader]"), idx = readIndex();
    if (!root || !idx || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    var kind = root.getAttribute("data-reader");
    if (kind === "select") initSelect(root, idx);
    if (kind === "diff") initDiff(root, idx);
    if (kind === "notes") initNotes(root, idx);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
