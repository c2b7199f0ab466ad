/* Reader tools on every page (build_scripts/features/reader.py): the "Reader tools" block of article pages
 * (bookmark and note) and the selection checkboxes of the full-text pages, and what the reader's own pages
 * (select/, diff/, notes/: ./pages.js, bundled as assets/reader-pages.js, loaded by those three pages only) share
 * with them: ./ui.js, article ranges ("4,14-17": ./ranges.js) and the notes store (./store.js). */
import { el, en, sayMsg, biMsg } from "./ui.js";
import { parseRanges, formatRanges } from "./ranges.js";
import { keyOf, loadStore, saveStore, putItem } from "./store.js";
import { onPage } from "../shared/start.js";

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
  show();
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
  input.addEventListener("input", sync);
  form.addEventListener("submit", function () { input.value = formatRanges(parseRanges(input.value).nums); });
  sync();
}


// ------------------------------------------------------------------ start
function init() { initTools(); initSelectForm(); }
onPage(init);
