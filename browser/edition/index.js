/* Display mode (both / Chinese / English), remembered across pages; works from file:// too.
 *
 * The page carries both languages of everything the edition adds, each element marked with its language;
 * the mode is a class on <html> and edition.css hides the other language. Three things arrive without
 * lang marks and are marked here:
 *   - the theme's own strings (header, navigation, table of contents, footer, search), written by the build
 *     as "中文 / English" (publish/mkdocs_hook.py) or, in the navigation, "中文 English": split into marked
 *     spans; their placeholder / title / aria-label attributes take the mode's half;
 *   - tooltips: render/html.tip writes "中文<line break>English" into title; Material makes the tooltip when
 *     it opens, and its two lines become marked blocks;
 *   - the search result count and a result's "# more on this page", which Material writes in English from one
 *     "#" template: rewritten from the catalogue (model/messages.yaml, ../shared/messages.js);
 *   - the options of a drop-down (data-label-zh / data-label-en): their text set in the mode's language(s).
 * A script that writes text takes its message in the mode's language(s) from ../shared/messages.js (t).
 */
import { el, bi as biNodes, fragment } from "../shared/dom.js";
import { all as messages, labelOptions } from "../shared/messages.js";
import { MODES, mode as modePref, view as viewPref } from "../shared/prefs.js";
import { onPage } from "../shared/start.js";

var MSG = messages();
var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
var LATIN = /[A-Za-z]/;
var CHROME = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-top, .md-search, .md-skip, .md-content > article > h1";
var ATTRS = ["placeholder", "title", "aria-label"];

function stored() { return modePref.get(); }

// Both languages as marked elements (the mode shows one or both), in a fragment.
function bi(zh, en, sep) { return fragment(biNodes(zh, en, sep)); }

// "中文 / English", "中文 · English" or "中文 English" -> [zh, sep, en]; else null
function split(text) {
  // Only a text with both scripts can split. Tested first, in linear time: the pattern below backtracks cubically over
  // a long run of white space (the navigation's 5,840 spaces at 111 regulations held the page for minutes).
  if (!HAN.test(text) || !LATIN.test(text)) return null;
  var m = /^(\s*)([^A-Za-z]*?)(\s+\/\s+|\s+·\s+|\s+)([A-Za-z][\s\S]*?)(\s*)$/.exec(text);
  if (!m || !HAN.test(m[2]) || HAN.test(m[4]) || !LATIN.test(m[4])) return null;
  return [m[2], m[3], m[4]];
}

// Any mix of Chinese and English words (a page title in the header: "第十五条 Article 15 · Heading — 条例"):
// runs of each language, marked; what stands between runs of different languages is a separator.
function mixed(text) {
  var tokens = text.split(/(\s+)/), runs = [];
  tokens.forEach(function (tok) {
    var lang = HAN.test(tok) ? "zh-Hans" : LATIN.test(tok) ? "en" : null;
    var last = runs[runs.length - 1];
    if (lang && last && last.lang === lang) { last.text += (last.pending || "") + tok; last.pending = ""; }
    else if (lang) { runs.push({lang: lang, text: tok, pending: ""}); }
    else if (last) { last.pending = (last.pending || "") + tok; }
    else { runs.push({lang: null, text: tok, pending: ""}); }
  });
  var langs = runs.filter(function (r) { return r.lang; }).map(function (r) { return r.lang; });
  if (langs.indexOf("zh-Hans") < 0 || langs.indexOf("en") < 0) return null;
  var out = [];
  runs.forEach(function (r) {
    out.push(el("span", r.lang ? { lang: r.lang } : { "class": "lex-sep" }, [r.text]));
    if (r.pending) out.push(el("span", { "class": "lex-sep" }, [r.pending]));
  });
  return fragment(out);
}

function splitChrome(root) {
  var els = [];
  if (root.nodeType !== 1) return;
  if (root.closest(CHROME)) els.push(root);      // the theme's element, or one added inside it (a search result)
  else els = els.concat(Array.prototype.slice.call(root.querySelectorAll(CHROME)));
  els.forEach(function (el) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest("[lang]:not(html), script, style, .lex-sep")) nodes.push(n);
    }
    nodes.forEach(function (n) {
      var parts = split(n.nodeValue), frag = parts ? bi(parts[0], parts[2], parts[1]) : mixed(n.nodeValue);
      if (frag) n.parentNode.replaceChild(frag, n);
    });
    [el].concat(Array.prototype.slice.call(el.querySelectorAll("[placeholder], [title], [aria-label]"))).forEach(attrs);
  });
}

// Attributes of the theme's elements: the mode's half of "中文 / English" (both: as written).
function attrs(el) {
  var saved = el.__lexBi || (el.__lexBi = {});
  ATTRS.forEach(function (name) {
    var value = el.getAttribute(name);
    if (saved[name] === undefined) {
      if (value === null) return;
      var parts = / \/ /.test(value) ? split(value) : null;
      if (!parts) return;
      saved[name] = parts;
    }
    var p = saved[name], mode = stored();
    var want = mode === "zh" ? p[0] : mode === "en" ? p[2] : p[0] + p[1] + p[2];
    if (el.hasAttribute(name) && el.getAttribute(name) !== want) el.setAttribute(name, want);
  });
}

// Material's tooltip, made from title when it opens: "中文\nEnglish" -> two marked lines.
function tooltip(tip) {
  var inner = tip.querySelector(".md-tooltip2__inner, .md-tooltip__inner") || tip;
  if (inner.querySelector("[lang]")) return;
  var text = inner.textContent, at = text.indexOf("\n");
  if (at < 0) return;
  inner.textContent = "";
  inner.appendChild(el("span", { lang: "zh-Hans" }, [text.slice(0, at)]));
  inner.appendChild(el("span", { lang: "en" }, [text.slice(at + 1)]));
}

// The search result count: Material writes the English template with its number.
function count(el) {
  if (el.querySelector("[lang]")) return;
  var text = el.textContent.trim(), parts = split(text);
  if (parts) { el.textContent = ""; el.appendChild(bi(parts[0], parts[2], parts[1])); return; }
  Object.keys(MSG).forEach(function (id) {
    if (id.indexOf("theme.search.result.") !== 0) return;
    var m = MSG[id], re = new RegExp("^" + m.en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("#", "([\\d.,]+k?)") + "$");
    var hit = re.exec(text);
    if (!hit) return;
    el.textContent = "";
    el.appendChild(bi(m.zh.replace("#", hit[1] || ""), m.en.replace("#", hit[1] || "")));
  });
}

function apply(mode) {
  var root = document.documentElement;
  MODES.forEach(function (m) { root.classList.remove("lex-mode-" + m); });
  root.classList.add("lex-mode-" + mode);
  document.querySelectorAll("[data-lex-mode]").forEach(function (b) {
    b.setAttribute("aria-pressed", String(b.getAttribute("data-lex-mode") === mode));
  });
  document.querySelectorAll(CHROME).forEach(function (el) {
    [el].concat(Array.prototype.slice.call(el.querySelectorAll("[placeholder], [title], [aria-label]"))).forEach(attrs);
  });
  labelOptions(document);     // a drop-down's options: their text in the mode's language(s)
}
apply(stored());

document.addEventListener("click", function (/** @type {any} */ ev) {
  var button = ev.target.closest && ev.target.closest("[data-lex-mode]");
  if (!button) return;
  var mode = button.getAttribute("data-lex-mode");
  modePref.set(mode);           // private mode: still switch this page
  apply(mode);
});

// The header's light / dark toggle: Material's tab stop is the checked radio of the scheme shown, which answers Enter
// (Material clicks the visible label for the next scheme) and not Space (the radio is checked already). It looks and
// acts as a button, and a button answers Space too: Space clicks the same label.
document.addEventListener("keydown", function (/** @type {any} */ ev) {
  var t = ev.target;
  if (ev.key !== " " || !t || !t.matches || !t.matches('input.md-option[name="__palette"], label[for^="__palette"]')) return;
  var form = t.closest("form"), label = form && form.querySelector('label[for^="__palette"]:not([hidden])');
  if (!label) return;
  ev.preventDefault();        // no scroll
  label.click();
});

// Phones: the "显示 / View" button folds the display switch (and an article's notice and legend) into its panel
// (edition.css); open or closed is remembered. The page's head has set the classes before the first paint.
/** @param {boolean} open */
function view(open) {
  document.documentElement.classList.toggle("lex-view-open", open);
  document.querySelectorAll(".lex-view-button").forEach(function (b) { b.setAttribute("aria-expanded", String(open)); });
}
document.addEventListener("click", function (/** @type {any} */ ev) {
  var button = ev.target.closest && ev.target.closest(".lex-view-button");
  if (!button) return;
  var open = button.getAttribute("aria-expanded") !== "true";
  viewPref.set(open ? "open" : "closed");      // private mode: this page only
  view(open);
});

var observer = new MutationObserver(function (records) {
  records.forEach(function (/** @type {any} */ r) {
    if (r.target.nodeType === 1 && r.target.matches(".md-search-result__meta")) count(r.target);
    r.addedNodes.forEach(function (/** @type {any} */ n) {
      if (n.nodeType !== 1) return;
      if (n.matches(".md-tooltip2, .md-tooltip")) tooltip(n);
      else if (n.closest(CHROME)) {
        splitChrome(n);
        n.querySelectorAll(".md-search-result__more > summary > div").forEach(count);   // "2 more on this page"
      }
    });
  });
});

function init() {
  splitChrome(document.body);
  document.querySelectorAll(".md-search-result__meta").forEach(count);
  apply(stored());
  view(document.documentElement.classList.contains("lex-view-open"));
  observer.disconnect();
  observer.observe(document.body, {childList: true, subtree: true});
}

// Material's instant navigation swaps the page body: re-apply to the new buttons.
onPage(init);
