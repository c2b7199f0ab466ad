/* Reader tools on every page (build_scripts/features/reader.py): the "Reader tools" block of article pages
 * (bookmark and note) and the selection checkboxes of the full-text pages, and what the reader's own pages
 * (select/, diff/, notes/: docs/assets/reader-pages.js, loaded by those three pages only) share with them
 * (window.LexReaderCore): DOM helpers, article ranges ("4,14-17") and the notes store. Notes live in
 * localStorage only, keyed by regulation id + eid, and nothing is sent anywhere. */
(function () {
  "use strict";

  // ------------------------------------------------------------------ DOM helpers
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function zh(text) { return el("span", { lang: "zh-Hans" }, [text]); }
  function en(text) { return el("span", { lang: "en" }, [text]); }
  function bi(z, e, sep) { var f = document.createDocumentFragment(); f.appendChild(zh(z)); f.appendChild(document.createTextNode(sep || " / ")); f.appendChild(en(e)); return f; }
  function say(box, z, e, bad) {
    if (!box) return;
    box.textContent = "";
    box.classList.toggle("lex-reader-error", !!bad);
    box.appendChild(bi(z, e));
  }


  // ------------------------------------------------------------------ article ranges: "4,14-17"
  function parseRanges(text) {
    var s = String(text || "").normalize("NFKC").replace(/[，、;；\s]+/g, ",").replace(/[–—~～]/g, "-");
    var nums = [], bad = [];
    s.split(",").forEach(function (part) {
      if (!part) return;
      var m = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!m) { bad.push(part); return; }
      var lo = parseInt(m[1], 10), hi = m[2] ? parseInt(m[2], 10) : lo;
      if (hi < lo) { var t = lo; lo = hi; hi = t; }
      if (hi - lo > 1000) { bad.push(part); return; }
      for (var n = lo; n <= hi; n++) if (nums.indexOf(n) < 0) nums.push(n);
    });
    nums.sort(function (x, y) { return x - y; });
    return { nums: nums, bad: bad };
  }
  function formatRanges(nums) {
    var sorted = nums.slice().sort(function (x, y) { return x - y; }), out = [];
    for (var i = 0; i < sorted.length; i++) {
      var lo = sorted[i];
      while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
      out.push(lo === sorted[i] ? String(lo) : (sorted[i] === lo + 1 ? lo + "," + sorted[i] : lo + "-" + sorted[i]));
    }
    return out.join(",");
  }


  // ------------------------------------------------------------------ notes store (localStorage)
  var STORE = "lex-reader-notes-v1";
  function keyOf(reg, eid) { return reg + "/" + eid; }
  function loadStore() {
    try {
      var raw = JSON.parse(localStorage.getItem(STORE) || "null");
      if (raw && raw.version === 1 && raw.items && typeof raw.items === "object") return raw;
    } catch (e) { /* unreadable: start empty */ }
    return { version: 1, items: {} };
  }
  function saveStore(store) {
    try { localStorage.setItem(STORE, JSON.stringify(store)); return true; } catch (e) { return false; }
  }
  function putItem(store, reg, eid, change, cite) {
    var k = keyOf(reg, eid), now = new Date().toISOString();
    var it = store.items[k] || { reg: reg, eid: eid, bookmark: false, note: "", created: now };
    Object.keys(change).forEach(function (f) { it[f] = change[f]; });
    if (cite) it.cite = cite;
    it.updated = now;
    if (!it.bookmark && !it.note) delete store.items[k]; else store.items[k] = it;
    return store.items[k] || null;
  }

  // ================================================================== notes beside their provision
  // A note is shown under the paragraph or item it belongs to (article and full-text pages; an article's own note
  // above its text), in every display mode (it is the reader's text: .lex-keep), printed with the page. On an
  // article page its Edit button opens it in the Reader tools block.
  function msg(id) {
    var m = (window.__lexMsg || {})[id];
    if (!m) return document.createTextNode(id);
    return window.LexMsg ? window.LexMsg.bi(m.zh, m.en) : bi(m.zh, m.en);   // the separator hidden with either language
  }
  function showNotes(reg, edit) {
    document.querySelectorAll(".lex-note-inline").forEach(function (old) { old.remove(); });
    var items = loadStore().items;
    Object.keys(items).forEach(function (k) {
      var it = items[k];
      if (it.reg !== reg || !it.note) return;
      var art = document.querySelector('.lex-article[data-eid="' + it.eid.split("__")[0] + '"]');
      var row = art && (it.eid.indexOf("__") < 0 ? art : art.querySelector('[data-eid="' + it.eid + '"]'));
      if (!row) return;
      var text = el("p", { "class": "lex-note-text lex-keep", lang: /[\u3400-\u9fff]/.test(it.note) ? "zh-Hans" : "en" }, [it.note]);
      var box = el("div", { "class": "lex-note-inline", role: "note", "data-note-eid": it.eid }, [el("p", { "class": "lex-note-head" }, [msg("js.reader.my-note")]), text]);
      if (edit) {
        var b = el("button", { type: "button", "class": "lex-note-edit" }, [msg("js.reader.edit-note")]);
        b.addEventListener("click", function () { edit(it.eid); });
        box.appendChild(b);
      }
      if (row === art) art.parentNode.insertBefore(box, art);
      else if (row.classList.contains("lex-para")) {
        var lead = row.querySelector(":scope > .lex-lead");
        row.insertBefore(box, lead ? lead.nextSibling : row.firstChild);
      } else row.appendChild(box);
    });
  }

  // ================================================================== article pages: Reader tools
  function initTools() {
    var box = document.getElementById("lex-tools");
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "1");
    box.querySelector(".lex-tools-js").hidden = false;
    var reg = box.getAttribute("data-reg"), target = document.getElementById("lex-tools-unit");
    var text = document.getElementById("lex-tools-text"), mark = box.querySelector(".lex-bookmark");
    var status = box.querySelector(".lex-tools-status");
    function opt() { return target.options[target.selectedIndex]; }
    function cite() { var o = opt(); return { zh: o.getAttribute("data-cite-zh"), en: o.getAttribute("data-cite-en") }; }
    function show() {
      var it = loadStore().items[keyOf(reg, target.value)];
      text.value = it ? it.note || "" : "";
      mark.setAttribute("aria-pressed", String(!!(it && it.bookmark)));
      mark.querySelector(".lex-bookmark-icon").textContent = it && it.bookmark ? "★" : "☆";
    }
    function change(fields, done) {
      var store = loadStore(), it = putItem(store, reg, target.value, fields, cite());
      if (!saveStore(store)) { say(status, "无法保存（浏览器禁止本地存储）", "Could not save (this browser blocks local storage)", true); return; }
      show();
      showNotes(reg, edit);
      say(status, done[0], done[1]);
      return it;
    }
    var hash = location.hash.slice(1);
    for (var i = 0; i < target.options.length; i++) {
      if (hash && target.options[i].getAttribute("data-anchor") === hash) target.selectedIndex = i;
    }
    // "Compare with…" compares the provision chosen here (paragraph or item too), not always the article
    var compare = box.querySelector(".lex-tools-compare");
    function compareLink() {
      if (compare) compare.href = compare.href.replace(/\?a=[^&#]*/, "?a=" + opt().getAttribute("data-short"));
    }
    target.addEventListener("change", function () { status.textContent = ""; show(); compareLink(); });
    window.addEventListener("hashchange", function () {
      var h = location.hash.slice(1);
      for (var k = 0; k < target.options.length; k++) {
        if (h && target.options[k].getAttribute("data-anchor") === h) { target.selectedIndex = k; show(); compareLink(); }
      }
    });
    compareLink();
    mark.addEventListener("click", function () {
      var on = mark.getAttribute("aria-pressed") !== "true";
      change({ bookmark: on }, on ? ["已收藏", "Bookmarked"] : ["已取消收藏", "Bookmark removed"]);
    });
    box.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-action]");
      if (!b) return;
      if (b.getAttribute("data-action") === "save") change({ note: text.value }, ["笔记已保存（仅在本浏览器）", "Note saved (in this browser only)"]);
      if (b.getAttribute("data-action") === "delete") change({ note: "" }, ["笔记已删除", "Note deleted"]);
    });
    function edit(eid) {
      for (var j = 0; j < target.options.length; j++) if (target.options[j].value === eid) target.selectedIndex = j;
      status.textContent = ""; show(); compareLink();
      text.focus();
    }
    show();
    showNotes(reg, edit);
  }


  // ================================================================== full-text pages: tick articles
  function initSelectForm() {
    var form = document.getElementById("lex-select-form");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var input = document.getElementById("lex-select-input"), boxes = [];
    document.querySelectorAll(".lex-article[data-eid]").forEach(function (art) {
      var where = art.previousElementSibling, n = art.getAttribute("data-eid").slice(4);
      if (!where || !/^\d+$/.test(n)) return;
      var id = "lex-pick-" + n;
      var cb = el("input", { type: "checkbox", id: id, value: n, "class": "lex-pick" });
      var label = el("label", { "for": id, "class": "lex-pick-label" }, [bi("选入", "Select"), el("span", { "class": "cmp-sr" }, [en(" Article " + n)])]);
      // its own paragraph: beside the pilcrow link it would put that link into running text (axe link-in-text-block)
      var holder = el("p", { "class": "lex-pick-holder" }, [cb, label]);
      art.parentNode.insertBefore(holder, art);
      boxes.push(cb);
    });
    function sync() {
      var nums = parseRanges(input.value).nums;
      boxes.forEach(function (b) { b.checked = nums.indexOf(parseInt(b.value, 10)) >= 0; });
      form.classList.toggle("lex-select-active", nums.length > 0);
    }
    document.addEventListener("change", function (ev) {
      if (!ev.target.classList || !ev.target.classList.contains("lex-pick")) return;
      var nums = parseRanges(input.value).nums, n = parseInt(ev.target.value, 10);
      nums = nums.filter(function (x) { return x !== n; });
      if (ev.target.checked) nums.push(n);
      input.value = formatRanges(nums);
      form.classList.toggle("lex-select-active", nums.length > 0);
    });
    showNotes(form.getAttribute("data-reg"), null);
    input.addEventListener("input", sync);
    form.addEventListener("submit", function () { input.value = formatRanges(parseRanges(input.value).nums); });
    sync();
  }


  // ------------------------------------------------------------------ start
  window.LexReaderCore = { el: el, zh: zh, en: en, bi: bi, say: say, parseRanges: parseRanges, formatRanges: formatRanges,
                           keyOf: keyOf, loadStore: loadStore, saveStore: saveStore, putItem: putItem, STORE: STORE };

  function init() { initTools(); initSelectForm(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
