/* Traditional-character reading view: a header toggle switches the whole page (navigation, table of
 * contents, headings, the text, notices, tooltips, the glossary and search results) to traditional
 * characters and back, remembered across pages (localStorage), from file:// too.
 *
 * Taiwan's standard forms (OpenCC s2tw, characters only) with the phrase conversions reviewed in
 * corpus/zh_hant_corrections.yaml: the tables (window.__lexHant, assets/zh-hant-data.js) come from
 * build_scripts/enrich/hant.py, whose `Hant.convert` this mirrors. Only text nodes and the title /
 * aria-label attributes change, so markup (glossary terms, cross-references) stays as it is; elements
 * marked lang="zh-Hans" become lang="zh-Hant". Whatever Material adds later (search results,
 * tooltips) is converted as it appears. A glossary term's tooltip names both forms.
 */
(function () {
  "use strict";
  var KEY = "lex-script";
  var data = window.__lexHant;
  if (!data) return;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var SKIP = "script, style, code, pre, textarea, .lex-script-toggle";
  var ATTRS = ["title", "aria-label", "placeholder"];
  var chars = {}, phrases = data.phrases || {}, longest = 0;
  for (var i = 0; i + 1 < data.chars.length; i += 2) chars[data.chars[i]] = data.chars[i + 1];
  Object.keys(phrases).forEach(function (p) { longest = Math.max(longest, p.length); });

  function toHant(text) {  // mirror of build_scripts/enrich/hant.py:apply_phrases
    if (!HAN.test(text)) return text;
    var out = "", i = 0;
    while (i < text.length) {
      var size = Math.min(longest, text.length - i), hit = null;
      for (; size > 1; size--) {
        hit = phrases[text.substr(i, size)];
        if (hit) break;
      }
      if (hit) { out += hit; i += size; }
      else { out += chars[text[i]] || text[i]; i += 1; }
    }
    return out;
  }

  function stored() {
    try { return localStorage.getItem(KEY) === "hant" ? "hant" : "hans"; } catch (e) { return "hans"; }
  }

  function textNodes(root) {
    var out = [];
    if (root.nodeType === 3) { if (!root.parentElement || !root.parentElement.closest(SKIP)) out.push(root); return out; }
    if (root.nodeType !== 1 || root.closest(SKIP)) return out;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentElement && n.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    for (var n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
    return out;
  }

  // Text nodes are converted together per block (a phrase may run across a glossary mark), so that
  // each node keeps its length and its place.
  function groupOf(n) {
    var el = n.parentElement;
    return el.closest('[lang^="zh"], p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, a, label, button') || el;
  }

  function convertText(nodes, mode) {
    var groups = new Map();
    nodes.forEach(function (n) {
      if (n.__lexHans === undefined) {
        if (mode !== "hant" || !HAN.test(n.nodeValue)) return;
        n.__lexHans = n.nodeValue;
      }
      var g = groupOf(n);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(n);
    });
    groups.forEach(function (list) {
      if (mode === "hant") {
        var original = list.map(function (n) { return n.__lexHans; });
        var joined = toHant(original.join("")), at = 0;
        list.forEach(function (n, k) {
          var value = joined.substr(at, original[k].length);
          at += original[k].length;
          if (n.nodeValue !== value) n.nodeValue = value;
        });
      } else {
        list.forEach(function (n) { if (n.nodeValue !== n.__lexHans) n.nodeValue = n.__lexHans; });
      }
    });
  }

  function termTitle(el, base) {
    // "综治中心 · 綜治中心 = ..." reads "綜治中心 · 簡體 综治中心 = ..." in the traditional view
    var hans = textNodes(el).map(function (n) { return n.__lexHans !== undefined ? n.__lexHans : n.nodeValue; }).join("");
    var hant = toHant(hans), title = toHant(base);
    if (hant === hans) return title;
    if (title.indexOf(hant + " · " + hant) === 0) return hant + " · 簡體 " + hans + title.slice(hant.length * 2 + 3);
    return hant + " (簡體 " + hans + ") — " + title;
  }

  function convertAttrs(root, mode) {
    if (root.nodeType !== 1) return;
    var els = [root].concat(Array.prototype.slice.call(root.querySelectorAll("[title], [aria-label], [placeholder], [data-lex-attrs]")));
    els.forEach(function (el) {
      if (el.closest(".lex-script-toggle")) return;
      var saved = el.__lexAttrs || (el.__lexAttrs = {});
      ATTRS.forEach(function (name) {
        var value = el.getAttribute(name);
        if (value === null && saved[name] === undefined) return;
        if (saved[name] === undefined) {
          if (mode !== "hant" || !HAN.test(value)) return;
          saved[name] = value;
        }
        var want = mode === "hant"
          ? (name === "title" && el.classList.contains("lex-term") ? termTitle(el, saved[name]) : toHant(saved[name]))
          : saved[name];
        if (value !== null && value !== want) el.setAttribute(name, want);
      });
    });
  }

  function relabel(root, mode) {
    if (root.nodeType !== 1) return;
    var from = mode === "hant" ? "zh-Hans" : "zh-Hant", to = mode === "hant" ? "zh-Hant" : "zh-Hans";
    var els = Array.prototype.slice.call(root.querySelectorAll('[lang="' + from + '"]'));
    if (root.getAttribute("lang") === from) els.push(root);
    els.forEach(function (el) {
      if (el.closest(".lex-script-toggle")) return;
      el.setAttribute("lang", to);
      if (mode === "hant") el.setAttribute("data-lex-hant", ""); else el.removeAttribute("data-lex-hant");
    });
  }

  function convert(root, mode) {
    convertText(textNodes(root), mode);
    convertAttrs(root, mode);
    relabel(root, mode);
  }

  var titleHans = null;
  function apply(mode) {
    convert(document.body, mode);
    if (titleHans === null) titleHans = document.title;
    document.title = mode === "hant" ? toHant(titleHans) : titleHans;
    document.documentElement.classList.toggle("lex-script-hant", mode === "hant");
    document.querySelectorAll(".lex-script-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", String(mode === "hant"));
      label(b, mode);
    });
  }

  // Search results, tooltips and anything else Material adds after load
  var observer = new MutationObserver(function (records) {
    if (current !== "hant") return;
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        // Material's tooltips are made from title attributes, converted already (and naming the simplified form)
        if (n.nodeType === 1 && n.matches(".md-tooltip2, .md-tooltip")) return;
        convert(n, "hant");
      });
    });
  });

  // The button names where it leads: 繁體 in the simplified view, 简体 (the way back) in the traditional one.
  function label(b, mode) {
    var M = window.__lexMsg || {}, to = M[mode === "hant" ? "js.script.to-hans" : "js.script.to-hant"];
    if (!to) return;
    var zh = document.createElement("span"), sep = document.createElement("span"), en = document.createElement("span");
    zh.lang = mode === "hant" ? "zh-Hans" : "zh-Hant"; zh.className = "lex-keep"; zh.textContent = to.zh;
    sep.className = "lex-sep lex-script-en"; sep.textContent = " / ";
    en.lang = "en"; en.className = "lex-script-en"; en.textContent = " " + to.en;
    b.textContent = "";
    b.appendChild(zh); b.appendChild(sep); b.appendChild(en);
  }

  function button() {
    if (document.querySelector(".lex-script-toggle")) return;
    var anchor = document.querySelector(".md-header__inner .md-search") ||
                 document.querySelector(".md-header__inner .md-header__source");
    var b = document.createElement("button");
    b.type = "button";
    b.className = "lex-script-toggle md-header__button";
    b.setAttribute("aria-pressed", "false");
    b.setAttribute("title", "繁體字閱讀（臺灣標準字形）/ Read the Chinese in traditional characters (Taiwan standard forms)");
    label(b, stored());
    b.addEventListener("click", function () {
      current = current === "hant" ? "hans" : "hant";
      try { localStorage.setItem(KEY, current); } catch (e) { /* private mode: this page only */ }
      apply(current);
    });
    if (anchor) anchor.parentNode.insertBefore(b, anchor);
    else (document.querySelector(".md-header__inner") || document.body).appendChild(b);
  }

  var current = stored();
  function init() {
    button();
    current = stored();
    if (current === "hant" || document.querySelector("[data-lex-hant]")) apply(current);
    observer.disconnect();
    observer.observe(document.body, {childList: true, subtree: true});
  }

  window.LexHant = {convert: toHant, active: function () { return current === "hant"; }};
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
