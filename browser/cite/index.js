/* Citing: copy-citation controls on article pages, the arrival's label and, for print, where links go.
 * The citation parser the resolver page, the diff page and the search worker use is ./parse.js. */
import { el } from "../shared/dom.js";
import { msg, biMsg, both } from "../shared/messages.js";
import { onPage } from "../shared/start.js";
import { copyText } from "./copy.js";
import { citeText, withoutAddress } from "./text.js";

var toast = null, toastTimer = null;
function announce(ok, text, note) {
  if (!toast) {
    toast = el("div", { "class": "lex-cite-toast", role: "status", "aria-live": "polite" });
    document.body.appendChild(toast);
  }
  toast.textContent = "";
  var head = biMsg(ok ? "js.cite.copied" : "js.cite.copy-failed");
  toast.appendChild(el("strong", {}, head));
  var box = /** @type {HTMLTextAreaElement} */ (el(ok ? "code" : "textarea", ok ? {} : { readonly: "", rows: "3", "aria-label": both("js.cite.citation") }));
  if (ok) box.textContent = text; else box.value = text;
  toast.appendChild(box);
  if (note) toast.appendChild(el("p", { "class": "lex-cite-toast-note" }, biMsg(note)));
  toast.classList.add("lex-cite-toast-on");
  if (!ok) { box.focus(); box.select(); }
  clearTimeout(toastTimer);
  toastTimer = setTimeout(function () { toast.classList.remove("lex-cite-toast-on"); }, ok ? 4000 : 15000);
}

var ICON = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">' +
  '<path fill="currentColor" d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4' +
  'a2 2 0 0 0-2 2v14h2V3h12V1Z"/></svg>';

function makeButton(cite) {
  var copy = msg("js.cite.copy");
  var b = el("button", { type: "button", "class": "lex-cite",
    "aria-label": copy.zh + " " + copy.en + ": " + cite.zh + " / " + cite.en,
    title: copy.zh + " / " + copy.en });
  b.innerHTML = ICON;
  b.addEventListener("click", function () {
    var text = citeText(cite);
    var note = withoutAddress(cite) ? "js.cite.offline-no-address" : null;   // the offline copy: no link to give
    copyText(text).then(function (ok) { announce(ok, text, note); });
  });
  return b;
}

function initCopy() {
  var holder = document.querySelector("script.lex-cite-data");
  if (!holder) return;
  var data = JSON.parse(holder.textContent);
  var art = document.querySelector(".lex-article[data-eid]");
  var h1 = document.getElementById("article");
  if (art && h1 && data[art.getAttribute("data-eid")] && !h1.querySelector(".lex-cite")) {
    h1.appendChild(makeButton(data[art.getAttribute("data-eid")]));
  }
  // full-text pages: each article's heading (the heading before its text) gets the article's control
  document.querySelectorAll(".lex-article[data-eid]").forEach(function (a) {
    var eid = a.getAttribute("data-eid"), h = a.previousElementSibling;
    while (h && !/^H[1-6]$/.test(h.tagName)) h = h.previousElementSibling;
    if (h && data[eid] && !h.querySelector(".lex-cite")) h.appendChild(makeButton(data[eid]));
  });
  document.querySelectorAll(".lex-row[data-eid]").forEach(function (row) {
    var cite = data[row.getAttribute("data-eid")];
    if (cite && !row.querySelector(":scope > .lex-cite")) row.appendChild(makeButton(cite));
  });
}

// ------------------------------------------------------------------ the arrival's label
// The paragraph or item in the address is marked (edition.css, :target); its label says how the reader came:
// "search result" when a search result brought them (Material's highlight adds ?h= to its links), else
// "cited provision" (a citation link, a short link, the resolver, a paragraph number).
// A paragraph or item number clicked on the page itself (a reader taking its link) is no arrival by a citation:
// the unit is marked (:target), with no label.
/** @type {string | null} */
var ownNumber = null;
document.addEventListener("click", function (/** @type {any} */ ev) {
  var a = ev.target.closest && ev.target.closest("a.lex-pnum, a.lex-inum");
  ownNumber = a ? a.hash : null;
}, true);
function markArrival() {
  document.querySelectorAll(".lex-arrival").forEach(function (old) { old.remove(); });
  var own = ownNumber !== null && ownNumber === location.hash;
  ownNumber = null;
  if (own) return;
  var id = "";
  try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
  var target = id && document.getElementById(id);
  if (!target || !target.matches(".lex-para, .lex-item")) return;
  var search = new URLSearchParams(location.search).has("h");
  var label = el("p", { "class": "lex-arrival" + (search ? " lex-arrival-search" : "") },
                 biMsg(search ? "js.cite.arrival-search" : "js.cite.arrival-cited"));
  target.insertBefore(label, target.firstChild);
}

// ------------------------------------------------------------------ print: show where links go
function printHrefs() {
  var canon = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="canonical"]'));
  var base = canon ? canon.href : location.href;
  document.querySelectorAll(".md-content a[href]").forEach(function (a) {
    var href = a.getAttribute("href");
    if (!href || href.charAt(0) === "#" || /^(javascript|mailto):/.test(href)) return;
    try { a.setAttribute("data-print-href", new URL(href, base).href); } catch (e) { /* leave it */ }
  });
}

function init() { initCopy(); printHrefs(); markArrival(); }
window.addEventListener("beforeprint", printHrefs);
window.addEventListener("hashchange", markArrival);
onPage(init);
