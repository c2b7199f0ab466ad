/* Reader tools on every page (build_scripts/features/reader.py): the "Reader tools" block of article pages
 * (bookmark and note) and the selection checkboxes of the full-text pages, and what the reader's own pages
 * (select/, diff/, notes/: ./pages.js, bundled as assets/reader-pages.js, loaded by those three pages only) share
 * with them: ./ui.js, article ranges ("4,14-17": ./ranges.js) and the notes store (./store.js). */
import { el, en, sayMsg, biMsg } from "./ui.js";
import { parseRanges, formatRanges } from "./ranges.js";
import { keyOf, loadStore, saveStore, putItem } from "./store.js";
import { onPage } from "../shared/start.js";

// ================================================================== notes beside their provision
// A note is shown under the paragraph or item it belongs to (article and full-text pages; an article's own note
// above its text), in every display mode (it is the reader's text: .lex-keep), printed with the page. On an
// article page its Edit button opens it in the Reader tools block (`edit`); elsewhere `edit` is null.
/**
 * @param {string | null} reg
 * @param {((eid: string) => void) | null} edit
 */
function showNotes(reg, edit) {
  document.querySelectorAll(".lex-note-inline").forEach(function (old) { old.remove(); });
  var items = loadStore().items;
  Object.keys(items).forEach(function (k) {
    var it = items[k];
    if (it.reg !== reg || !it.note) return;
    var art = document.querySelector('.lex-article[data-eid="' + it.eid.split("__")[0] + '"]');
    var row = art && (it.eid.indexOf("__") < 0 ? art : art.querySelector('[data-eid="' + it.eid + '"]'));
    if (!art || !row) return;
    var text = el("p", { "class": "lex-note-text lex-keep", lang: /[\u3400-\u9fff]/.test(it.note) ? "zh-Hans" : "en" }, [it.note]);
    var box = el("div", { "class": "lex-note-inline", role: "note", "data-note-eid": it.eid },
                 [el("p", { "class": "lex-note-head" }, [biMsg("js.reader.my-note")]), text]);
    if (edit) {
      var b = el("button", { type: "button", "class": "lex-note-edit" }, [biMsg("js.reader.edit-note")]);
      b.addEventListener("click", function () { edit(it.eid); });
      box.appendChild(b);
    }
    if (row === art) { if (art.parentNode) art.parentNode.insertBefore(box, art); }
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
    if (!saveStore(store)) { sayMsg(status, "js.reader.save-failed", true); return; }
    show();
    showNotes(reg, edit);
    sayMsg(status, done);
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
    change({ bookmark: on }, on ? "js.reader.bookmarked" : "js.reader.bookmark-removed");
  });
  box.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-action]");
    if (!b) return;
    if (b.getAttribute("data-action") === "save") change({ note: text.value }, "js.reader.note-saved");
    if (b.getAttribute("data-action") === "delete") change({ note: "" }, "js.reader.note-deleted");
  });
  /** A note's Edit button: its provision chosen in the tools block, the note's text focused. @param {string} eid */
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
    var label = el("label", { "for": id, "class": "lex-pick-label" }, [biMsg("js.reader.select"), el("span", { "class": "cmp-sr" }, [en(" Article " + n)])]);
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
function init() { initTools(); initSelectForm(); }
onPage(init);
