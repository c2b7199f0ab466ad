/* The reader's own pages (build_scripts/features/reader.py): shareable selections (select/), a character diff
 * of any two provisions (diff/), private bookmarks and notes (notes/). Bundled as assets/reader-pages.js and
 * loaded by those three pages only (deferred).
 *
 * Works from file:// too: every label, citation, text and link comes from the core's assets/units/<reg>.js
 * (the JSON export as the browser reads it), loaded on demand by ../shared/units.js. Citations typed by the
 * reader are read by the one parser (../cite/parse.js) with the rules of assets/cite-rules.js. The diff is
 * ./diff.js, the import of notes ./notes-import.js (pure, tested by node --test). */
import { el, zh, en, bi, biMsg, say, sayMsg } from "./ui.js";
import { msg, fill as fillMsg, both, labelOption } from "../shared/messages.js";  // fill: initDiff has a fill of its own
import { parseRanges, formatRanges } from "./ranges.js";
import { STORE, keyOf, loadStore, saveStore, putItem } from "./store.js";
import { charDiff, wordDiff, segment, vocabulary, sharedShare, provisionText } from "./diff.js";
import { validateImport, mergeNotes } from "./notes-import.js";
import { unitRows } from "../shared/unit-row.js";
import * as Units from "../shared/units.js";
import { parse, resolve } from "../cite/parse.js";
import { citeRules } from "../cite/rules.js";
import { copyText } from "../cite/copy.js";
import { onPage } from "../shared/start.js";
import { eidOf } from "../shared/eid.js";

// ------------------------------------------------------------------ page index and regulation data
function readIndex() {
  var holder = document.getElementById("lex-reader-index");
  return holder ? JSON.parse(holder.textContent) : null;
}
/** The day of an export (as the notes' export gives it: yyyy-mm-dd, UTC). */
function today() { return new Date().toISOString().slice(0, 10); }

function regOf(idx, key) {
  key = String(key || "").toLowerCase();
  for (var i = 0; i < idx.regs.length; i++) if (idx.regs[i].id === key || idx.regs[i].short === key) return idx.regs[i];
  return null;
}
function loadAll(ids) { return Promise.all(ids.map(function (id) { return Units.load(id); })); }
function chapterOf(data, a) {
  for (var i = 0; i < data.chapters.length; i++) if (data.chapters[i].number === a.chapter) return data.chapters[i];
  return null;
}
function shortPath(u) { return u.short_url.replace(/^\/+|\/+$/g, ""); }   // jx/15/2: the diff page's parameter
function absolute(u) { return u.permalink || u.url; }
function pageUrl(idx, kind, search) {
  var p = idx.pages[kind];
  return p.url ? p.url + (search || "") : new URL(p.href + (search || ""), location.href).href;
}

function citeBlock(u, tag) {
  var p = el(tag || "p", { "class": "lex-reader-cite" });
  p.appendChild(zh(u.citation.zh)); p.appendChild(el("br")); p.appendChild(en(u.citation.en));
  return p;
}
function linkLine(u) {
  var p = el("p", { "class": "lex-reader-link" });
  p.appendChild(el("a", { href: Units.link(u.url) }, [biMsg("js.resolver.go")]));
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
function copy(text) { return copyText(text); }

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
      det.appendChild(el("summary", {}, [bi(fillMsg(msg("js.reader.contents").zh, { title: data.title.zh }), fillMsg(msg("js.reader.contents").en, { title: data.title.en }))]));
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
        ok ? sayMsg(status, "js.reader.link-copied", { url: url }) : sayMsg(status, "js.reader.copy-by-hand", true, { url: url });
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
    var lines = ["# " + both("js.reader.selected-title"), "",
      both("js.reader.edition-version", { name_zh: e.name.zh, name_en: e.name.en, version: e.version,
                                          date: today() }) + "  "];
    // each regulation's text: in force since, as enacted or amended (what the article pages' status box says)
    shown.forEach(function (s) {
      var st = regOf(idx, s.data.id).status, m = msg(st.amended ? "js.reader.amended" : "js.reader.as-enacted");
      var none = msg("js.reader.not-stated"), line = msg("js.reader.regulation-status");
      lines.push(fillMsg(line.zh, { title: s.data.title.zh, effective: st.effective || none.zh, text: m.zh }) + " / " +
                 fillMsg(line.en, { title: s.data.title.en, effective: st.effective || none.en, text: m.en }) + "  ");
    });
    lines.push(both("js.reader.authoritative", { licence: e.licence, licence_url: e.licence_url }), "",
      "<" + pageUrl(idx, "select", location.search) + ">", "");
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
    if (bad.length) sayMsg(status, "js.reader.not-understood", true, { list: bad.join(", ") });
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
        var u = data.byEid[eidOf(n)];
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
    document.title = fillMsg(msg("js.reader.selected-page-title").zh + " · " + msg("js.reader.selected-page-title").en, { n: count });
    if (missing.length) sayMsg(status, "js.reader.not-in-edition", true, { list: missing.join(", ") });
    else if (bad.length) sayMsg(status, "js.reader.not-understood", true, { list: bad.join(", ") });
    else sayMsg(status, count === 1 ? "js.reader.selected-one" : "js.reader.selected-other", { n: count });
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
  var cite = citeRules();
  if (!cite) return { error: "unparseable" };
  var r = resolve(parse(spec, cite.rules), cite.structure);
  if (!r.ok) return { error: r.error };
  var hits = r.matches.filter(function (x) { return x.eid; });
  if (!hits.length) return { error: "not_found" };
  if (hits.length > 1) return { error: "which_regulation" };
  return { reg: hits[0].reg, eid: hits[0].eid };
}
var MESSAGES = {
  which_regulation: [msg("js.reader.which-regulation").zh, msg("js.reader.which-regulation").en],
  missing: [msg("js.reader.missing").zh, msg("js.reader.missing").en]
};
function specMessage(err) {
  var m = MESSAGES[err];
  if (m) return m;
  var cite = citeRules(), rules = cite && cite.rules.messages[err];
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
        var option = el("option", { value: u.eid, "data-label-zh": pad + u.labels.zh, "data-label-en": pad + u.labels.en });
        labelOption(option);      // the display mode's language(s)
        side.unit.appendChild(option);
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
      sayMsg(status, resolved[0] ? "js.reader.choose-b" : "js.reader.choose-a");
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
      biMsg("js.reader.only-in", { side: "A" }), "; ",
      el("ins", {}, [el("span", { "class": "cmp-cue" }, ["[+"]), "…", el("span", { "class": "cmp-cue" }, ["]"])]), " ",
      biMsg("js.reader.only-in", { side: "B" }), "; ", biMsg("js.reader.unmarked-in-both"), "."]);
  }
  function inlineDiff(parts) {
    var box = el("div", { "class": "cmp-diff lex-diff-text", lang: "zh-Hans" });
    parts.forEach(function (p) {
      if (p[0] === "same") { box.appendChild(document.createTextNode(p[1])); return; }
      var side = p[0] === "del" ? "A" : "B";
      box.appendChild(el(p[0], {}, [
        el("span", { "class": "cmp-cue", "aria-hidden": "true" }, [p[0] === "del" ? "[−" : "[+"]),
        el("span", { "class": "cmp-sr" }, [biMsg("js.reader.only-in-sr", { side: side }), ": "]),
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
    document.title = ua.labels.zh + " ↔ " + ub.labels.zh + " · " + msg("js.reader.compare").zh + " " + msg("js.reader.compare").en;
    out.appendChild(el("h2", { id: "lex-diff-result" }, [biMsg(apart ? "js.reader.side-by-side" : "js.reader.word-differences")]));
    if (paired) {
      out.appendChild(el("p", { "class": "lex-reader-hint lex-diff-paired" }, [
        biMsg("js.reader.counterpart")]));
    }
    var stat = biMsg("js.reader.diff-stat", { share: Math.round(share * 100), same: counts.same, del: counts.del, ins: counts.ins });
    var shared = sharedWords(parts);
    if (apart) {
      out.appendChild(el("p", { "class": "lex-diff-apart" }, [
        biMsg("js.reader.apart")]));
      out.appendChild(el("p", { "class": "cmp-diffstat lex-diff-stat" }, [stat]));
    } else {
      out.appendChild(legendLine());
      out.appendChild(el("p", { "class": "cmp-diffstat lex-diff-stat" }, [stat]));
      out.appendChild(inlineDiff(parts));
      out.appendChild(el("h2", {}, [biMsg("js.reader.two-provisions")]));
    }
    if (apart && shared.length) {
      var list = el("p", { "class": "lex-diff-shared-list" }, [biMsg("js.reader.words-in-both"), " "]);
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
    var cmp = msg("js.reader.compared");
    say(status, fillMsg(cmp.zh, { a: na.zh + ua.labels.zh, b: nb.zh + ub.labels.zh }),
        fillMsg(cmp.en, { a: na.en + " " + ua.labels.en, b: nb.en + " " + ub.labels.en }));
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
      out.appendChild(el("p", { "class": "lex-notes-empty" }, [biMsg("js.reader.no-notes")]));
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
      if (!e.unit) li.appendChild(el("p", { "class": "lex-reader-error" }, [biMsg("js.reader.gone-note-kept")]));
      else li.appendChild(el("p", { "class": "lex-note-excerpt", lang: "zh-Hans" }, [excerpt(e.data, e.unit)]));
      var ta = el("textarea", { id: id, rows: "3", cols: "60" });
      ta.value = it.note || "";
      li.appendChild(el("p", {}, [el("label", { "for": id }, [biMsg("js.reader.note")]), el("br"), ta]));
      var mark = el("button", { type: "button", "class": "md-button lex-bookmark", "aria-pressed": String(!!it.bookmark), "data-action": "bookmark" },
        [el("span", { "class": "lex-bookmark-icon", "aria-hidden": "true" }, [it.bookmark ? "★" : "☆"]), " ", biMsg("js.reader.bookmark")]);
      li.appendChild(el("p", { "class": "lex-note-buttons" }, [
        el("button", { type: "button", "class": "md-button", "data-action": "save" }, [biMsg("js.reader.save")]), " ", mark, " ",
        el("button", { type: "button", "class": "md-button", "data-action": "delete" }, [biMsg("js.reader.delete")])]));
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
    if (!saveStore(store)) { sayMsg(status, "js.reader.save-failed", true); return; }
    var cite = it.cite || { zh: key, en: key };
    if (action === "save") say(status, fillMsg(msg("js.reader.saved").zh, { cite: cite.zh }), fillMsg(msg("js.reader.saved").en, { cite: cite.en }));
    if (action === "bookmark") { var bm = msg(it.bookmark ? "js.reader.bookmarked" : "js.reader.bookmark-removed"); say(status, bm.zh + "：" + cite.zh, bm.en + ": " + cite.en); }
    if (action === "delete") say(status, fillMsg(msg("js.reader.deleted").zh, { cite: cite.zh }), fillMsg(msg("js.reader.deleted").en, { cite: cite.en }));
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
    var lines = ["# " + both("js.reader.my-notes"), "", both("js.reader.exported-on") + " " + new Date().toISOString().slice(0, 10), ""];
    entries().forEach(function (e) {
      var cite = citeOf(e), link = linkOf(e);
      lines.push("## " + cite.zh + " / " + cite.en, "");
      if (link) lines.push("<" + link + ">", "");
      else lines.push("(" + both("js.reader.gone") + ")", "");
      if (e.item.bookmark) lines.push("★ " + both("js.reader.bookmarked"), "");
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
    sayMsg(status, "js.reader.exported");
  });
  file.addEventListener("change", function () {
    var f = file.files && file.files[0];
    if (!f) return;
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(String(reader.result)); } catch (e) { data = null; }
      var v = validateImport(data);
      if (v.error) { sayMsg(status, "js.reader.import-failed", true); return; }
      var store = loadStore(), r = mergeNotes(store, v.items);
      if (!saveStore(store)) { sayMsg(status, "js.reader.save-failed", true); return; }
      render();
      sayMsg(status, "js.reader.imported", v.skipped > 0, { added: r.added, merged: r.merged, skipped: v.skipped });
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
function init() {
  var root = document.querySelector("[data-reader]"), idx = readIndex();
  if (!root || !idx || root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");
  var kind = root.getAttribute("data-reader");
  if (kind === "select") initSelect(root, idx);
  if (kind === "diff") initDiff(root, idx);
  if (kind === "notes") initNotes(root, idx);
}
onPage(init);
