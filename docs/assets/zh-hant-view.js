/* Traditional-character reading view: a header toggle switches every lang="zh-Hans" text to
 * traditional characters and back, remembered across pages (localStorage), from file:// too.
 *
 * Only text nodes change, so markup inside the Chinese (glossary terms, cross-references) stays
 * as it is. The tables (window.__lexHant, assets/zh-hant-data.js) are generated at build time
 * from OpenCC s2t; build_scripts/search.py proves they reproduce s2t on all of the legal text.
 * Converted elements carry lang="zh-Hant". Glossary terms show both forms in their tooltip.
 */
(function () {
  "use strict";
  var KEY = "lex-script";
  var data = window.__lexHant;
  if (!data) return;
  var chars = {}, phrases = data.phrases || {}, longest = 0;
  for (var i = 0; i + 1 < data.chars.length; i += 2) chars[data.chars[i]] = data.chars[i + 1];
  Object.keys(phrases).forEach(function (p) { longest = Math.max(longest, p.length); });

  function toHant(text) {  // mirror of build_scripts/search.py:to_hant
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

  function roots() {
    var all = Array.prototype.slice.call(document.querySelectorAll('[lang="zh-Hans"], [data-lex-hant]'));
    return all.filter(function (el) {
      if (el.closest(".lex-script-toggle")) return false;
      var up = el.parentElement && el.parentElement.closest('[lang="zh-Hans"], [data-lex-hant]');
      return !up;
    });
  }

  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        var p = n.parentElement;
        return p && (p.closest("script, style, .lex-script-toggle")) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var out = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
    return out;
  }

  function convert(root, mode) {
    var nodes = textNodes(root);
    if (mode === "hant") {
      var original = nodes.map(function (n) {
        if (n.__lexHans === undefined) n.__lexHans = n.nodeValue;
        return n.__lexHans;
      });
      var joined = toHant(original.join("")), at = 0;
      nodes.forEach(function (n, k) {
        var value = joined.substr(at, original[k].length);
        at += original[k].length;
        if (n.nodeValue !== value) n.nodeValue = value;
      });
      root.setAttribute("lang", "zh-Hant");
      root.setAttribute("data-lex-hant", "");
    } else {
      nodes.forEach(function (n) { if (n.__lexHans !== undefined) n.nodeValue = n.__lexHans; });
      root.setAttribute("lang", "zh-Hans");
      root.removeAttribute("data-lex-hant");
    }
    // glossary terms and other annotated terms: the tooltip names both forms
    root.querySelectorAll(".lex-term[title], abbr[title]").forEach(function (el) {
      if (!el.hasAttribute("data-lex-title")) el.setAttribute("data-lex-title", el.getAttribute("title"));
      var base = el.getAttribute("data-lex-title");
      var hans = textNodes(el).map(function (n) { return n.__lexHans !== undefined ? n.__lexHans : n.nodeValue; }).join("");
      var hant = toHant(hans);
      var both = base.indexOf(hans) >= 0 && base.indexOf(hant) >= 0;  // the glossary names both already
      el.setAttribute("title", mode === "hant" && hant !== hans && !both ? hant + " (简体 " + hans + ") — " + base : base);
    });
  }

  function apply(mode) {
    roots().forEach(function (root) { convert(root, mode); });
    document.documentElement.classList.toggle("lex-script-hant", mode === "hant");
    document.querySelectorAll(".lex-script-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", String(mode === "hant"));
    });
  }

  function button() {
    if (document.querySelector(".lex-script-toggle")) return;
    var anchor = document.querySelector(".md-header__inner .md-search") ||
                 document.querySelector(".md-header__inner .md-header__source");
    var b = document.createElement("button");
    b.type = "button";
    b.className = "lex-script-toggle md-header__button";
    b.setAttribute("aria-pressed", "false");
    b.setAttribute("title", "繁體字閱讀 / Read the Chinese in traditional characters");
    b.innerHTML = '<span lang="zh-Hant">繁體</span><span class="lex-script-en" lang="en"> / Traditional</span>';
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
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
