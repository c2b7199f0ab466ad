/* Embed / 嵌入 (build_scripts/features/citations.py embed_snippets): beside each copy-citation control of an
 * article page, a control that opens a panel with the provision as an HTML snippet to paste into a blog or
 * report: a <blockquote> with the legal text, the citation and a link, in Chinese, English or both. The
 * snippets are rendered and escaped at build time (render/templates/citations/embed.html.j2); this script only
 * shows them and, in a build without a public base URL, puts the address of the provision as this page sees it
 * where the snippet has the placeholder (data-embed-placeholder). The snippet text is never parsed here. */
import { el } from "../shared/dom.js";
import { msg, biMsg, both } from "../shared/messages.js";
import { mode } from "../shared/prefs.js";
import { onPage } from "../shared/start.js";
import { copyText } from "../cite/copy.js";

var ICON = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">' +
  '<path fill="currentColor" d="M8.7 16.6 4.1 12l4.6-4.6L7.3 6l-6 6 6 6 1.4-1.4Zm6.6 0 4.6-4.6-4.6-4.6L16.7 6l6 6-6 6-1.4-1.4Z"/></svg>';
var ATTR = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
var seq = 0;

// the address as an attribute value: a URL the browser has normalised, with the five characters of HTML escaped
function attr(url) { return url.replace(/[&<>"']/g, function (c) { return ATTR[c]; }); }

/** The snippet in the reader's display mode when there is one in it, else the Chinese. */
function preferred(variants) {
  var want = mode.get();
  return variants[want] ? want : "zh";
}

function snippet(cite, which, placeholder) {
  var html = cite.embed[which];
  if (placeholder && html.indexOf(placeholder) >= 0) {
    html = html.split(placeholder).join(attr(cite.url || new URL(cite.href, location.href).href));
  }
  return html;
}

function panel(cite, placeholder, onClose) {
  var id = "lex-embed-" + (++seq);
  var box = el("div", { "class": "lex-embed-panel", role: "group", id: id, "aria-label": both("js.embed.title") });
  box.appendChild(el("p", { "class": "lex-embed-title" }, biMsg("js.embed.title")));
  var langs = el("fieldset", { "class": "lex-embed-langs" }, [el("legend", {}, biMsg("js.embed.lang"))]);
  var area = /** @type {HTMLTextAreaElement} */ (el("textarea", { readonly: "", rows: "6", "class": "lex-embed-code", spellcheck: "false",
                                "aria-label": both("js.embed.snippet") }));
  var current = preferred(cite.embed);
  ["zh", "en", "both"].forEach(function (key) {
    if (!cite.embed[key]) return;
    var input = /** @type {HTMLInputElement} */ (el("input", { type: "radio", name: id + "-lang", value: key }));
    input.checked = key === current;
    input.addEventListener("change", function () { current = key; area.value = snippet(cite, key, placeholder); });
    langs.appendChild(el("label", {}, /** @type {Array<Node | string>} */ ([input, " "]).concat(biMsg("js.embed." + key))));
  });
  area.value = snippet(cite, current, placeholder);
  var copy = el("button", { type: "button", "class": "lex-embed-copy" }, biMsg("js.embed.copy"));
  copy.addEventListener("click", function () {
    var text = area.value;
    copyText(text).then(function (ok) { if (!ok) { area.focus(); area.select(); } });
  });
  var close = el("button", { type: "button", "class": "lex-embed-close" }, biMsg("js.embed.close"));
  close.addEventListener("click", onClose);
  box.addEventListener("keydown", function (ev) { if (ev.key === "Escape") onClose(); });
  box.appendChild(langs);
  box.appendChild(el("p", { "class": "lex-embed-hint" }, biMsg("js.embed.snippet")));
  box.appendChild(area);
  box.appendChild(el("p", { "class": "lex-embed-actions" }, [copy, " ", close]));
  return box;
}

function makeButton(cite, placeholder, host) {
  var name = msg("js.embed.button");
  var b = el("button", { type: "button", "class": "lex-embed", "aria-expanded": "false",
    "aria-label": name.zh + " " + name.en + ": " + cite.zh + " / " + cite.en, title: name.zh + " / " + name.en });
  b.innerHTML = ICON;
  var open = null;
  function hide() {
    if (open) { open.remove(); open = null; }
    b.setAttribute("aria-expanded", "false");
    b.focus();
  }
  b.addEventListener("click", function () {
    if (open) { hide(); return; }
    open = panel(cite, placeholder, hide);
    b.setAttribute("aria-controls", open.id);
    b.setAttribute("aria-expanded", "true");
    host.insertAdjacentElement(host.tagName === "H1" ? "afterend" : "beforeend", open);
    open.querySelector("textarea").focus();
  });
  return b;
}

function add(host, cite, placeholder) {
  if (!cite || !cite.embed || host.querySelector(":scope > .lex-embed")) return;
  var copy = host.querySelector(":scope > .lex-cite");
  var b = makeButton(cite, placeholder, host);
  if (copy) copy.insertAdjacentElement("afterend", b); else host.appendChild(b);
}

function init() {
  var holder = document.querySelector("script.lex-cite-data");
  if (!holder) return;
  var data = JSON.parse(holder.textContent), placeholder = holder.getAttribute("data-embed-placeholder");
  var art = document.querySelector(".lex-article[data-eid]"), h1 = document.getElementById("article");
  if (art && h1) add(h1, data[art.getAttribute("data-eid")], placeholder);
  document.querySelectorAll(".lex-row[data-eid]").forEach(function (row) {
    add(row, data[row.getAttribute("data-eid")], placeholder);
  });
}

onPage(init);
