/* Traditional-character reading views: the reader picks 简体, 繁體（台灣） or 繁體（香港） in the header; the
 * whole page (navigation, table of contents, headings, the text, notices, tooltips, the glossary and search
 * results) follows, and the choice is remembered across pages (localStorage), from file:// too.
 *
 * Each standard is OpenCC's character forms (s2tw: 汙染 平臺; s2hk: 污染 平台) with the phrase conversions
 * reviewed in corpus/zh_hant_corrections.yaml: the tables (window.__lexHant, assets/zh-hant-data.js) come
 * from build_scripts/enrich/hant.py, whose `Hant.convert` this mirrors. They grow with the corpus and only a
 * traditional view needs them: they are loaded (a script element, so from file:// too) when a traditional view
 * is chosen or remembered, not with every page; until they are there the page stays 简体 and
 * LexHant.active() is false. The legal text and the edition's
 * notes change characters only; an interface string of the catalogue (model/messages.yaml) that makes up a
 * whole element, or the Chinese half of a "中文 / English" attribute, takes the standard's vocabulary too
 * (`ui`: 複製連結, 資料; `Hant.interface`). Only text nodes and the title / aria-label / placeholder
 * attributes change, so markup (glossary terms, cross-references) stays as it is; elements marked
 * lang="zh-Hans" become lang="zh-Hant-TW" / "zh-Hant-HK". Whatever Material adds later (search results,
 * tooltips) is converted as it appears. A glossary term's tooltip names both forms.
 *
 * The header control: a button that names where it leads (繁體（台灣） from 简体, 简体 from either
 * traditional view: the way back) and, in a traditional view, a button naming the other standard. Their
 * labels name an action, so they carry no aria-pressed; the view is a class on <html> (lex-script-hant,
 * lex-script-tw, lex-script-hk).
 */
(function () {
  "use strict";
  var KEY = "lex-script", LAST = "lex-script-std";
  var script = document.currentScript;   // the bundle (or this file): the tables are beside it, in assets/
  var DATA = new URL("zh-hant-data.js", script && script.src ? script.src : location.href).href;
  var data = window.__lexHant || null, loading = null;
  var STANDARDS = ["tw", "hk"];
  var LANG = {hans: "zh-Hans", tw: "zh-Hant-TW", hk: "zh-Hant-HK"};
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var SKIP = "script, style, code, pre, textarea, .lex-script";
  var ATTRS = ["title", "aria-label", "placeholder"];
  var tables = {};

  function loadData() {
    if (data) return Promise.resolve(data);
    if (!loading) loading = new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = DATA;
      el.onload = function () { data = window.__lexHant || null; if (data) resolve(data); else reject(new Error(DATA)); };
      el.onerror = function () { loading = null; reject(new Error("cannot load " + DATA)); };
      document.head.appendChild(el);
    });
    return loading;
  }

  // The tables of a standard: the first one's character map in full, the others' as differences from it.
  function table(std) {
    if (tables[std]) return tables[std];
    var d = data[std], chars = {}, longest = 0, i;
    if (std !== data.base) { var b = table(data.base).chars; for (var k in b) chars[k] = b[k]; }
    for (i = 0; i + 1 < d.chars.length; i += 2) chars[d.chars[i]] = d.chars[i + 1];
    Object.keys(d.phrases).forEach(function (p) { longest = Math.max(longest, p.length); });
    return (tables[std] = {chars: chars, phrases: d.phrases, longest: longest, ui: d.ui || {}});
  }

  function toHant(text, std) {  // mirror of build_scripts/enrich/hant.py:apply_phrases
    if (!HAN.test(text)) return text;
    var t = table(std), out = "", i = 0;
    while (i < text.length) {
      var size = Math.min(t.longest, text.length - i), hit = null;
      for (; size > 1; size--) {
        hit = t.phrases[text.substr(i, size)];
        if (hit) break;
      }
      if (hit) { out += hit; i += size; }
      else { out += t.chars[text[i]] || text[i]; i += 1; }
    }
    return out;
  }

  // An interface string of the catalogue, whole (surrounding spaces kept), or the Chinese half of
  // "中文 / English": its form in the standard's vocabulary; else null.
  function uiForm(text, std) {
    var ui = table(std).ui, m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
    if (ui[m[2]]) return m[1] + ui[m[2]] + m[3];
    var at = text.indexOf(" / ");
    if (at > 0 && ui[text.slice(0, at).trim()]) return uiForm(text.slice(0, at), std) + text.slice(at);
    return null;
  }

  function convertString(text, std) {
    return uiForm(text, std) || toHant(text, std);
  }

  function normal(value) {
    if (value === "hant") return "tw";   // the single Taiwan view of earlier versions
    return value === "tw" || value === "hk" ? value : "hans";
  }
  function stored() {
    try { return normal(localStorage.getItem(KEY)); } catch (e) { return "hans"; }
  }
  function lastStandard() {
    try { var s = localStorage.getItem(LAST); return s === "hk" ? "hk" : "tw"; } catch (e) { return "tw"; }
  }
  function remember(mode) {
    try {
      localStorage.setItem(KEY, mode);
      if (mode !== "hans") localStorage.setItem(LAST, mode);
    } catch (e) { /* private mode: this page only */ }
  }

  function textNodes(root) {
    var out = [];
    // a text node added and removed again before the observer saw it has no parent: nothing to convert
    if (root.nodeType === 3) { if (root.parentElement && !root.parentElement.closest(SKIP)) out.push(root); return out; }
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
      if (!n.parentElement) return;   // detached since it was collected (edition.js split it by language)
      if (n.__lexHans === undefined) {
        if (mode === "hans" || !HAN.test(n.nodeValue)) return;
        n.__lexHans = n.nodeValue;
      }
      var g = groupOf(n);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(n);
    });
    groups.forEach(function (list) {
      if (mode === "hans") {
        list.forEach(function (n) { if (n.nodeValue !== n.__lexHans) n.nodeValue = n.__lexHans; });
        return;
      }
      var original = list.map(function (n) { return n.__lexHans; }), whole = original.join("");
      // the legal text never matches an interface string whole: it takes the character forms only
      var ui = list[0].parentElement.closest(".lex-zh") ? null : uiForm(whole, mode);
      var joined = ui || toHant(whole, mode), at = 0;
      list.forEach(function (n, k) {
        var value;
        if (joined.length === whole.length) value = joined.substr(at, original[k].length);
        else value = k === 0 ? joined : "";     // another length (複製連結 is not; 貼上 for 粘贴 is): one node
        at += original[k].length;
        if (n.nodeValue !== value) n.nodeValue = value;
      });
    });
  }

  function termTitle(el, base, std) {
    // The build writes "综治中心 · 綜治中心 = ..." (the simplified form, then Taiwan's: features/annotate.py);
    // a traditional view reads "綜治中心 · 簡體 综治中心 = ...", in its own standard's forms.
    var hans = textNodes(el).map(function (n) { return n.__lexHans !== undefined ? n.__lexHans : n.nodeValue; }).join("");
    var hant = toHant(hans, std), tw = toHant(hans, "tw");
    var head = tw === hans ? hans : hans + " · " + tw;
    if (base.indexOf(head) !== 0) return hant === hans ? toHant(base, std) : hant + " (簡體 " + hans + ") — " + toHant(base, std);
    return (hant === hans ? hans : hant + " · 簡體 " + hans) + toHant(base.slice(head.length), std);
  }

  function convertAttrs(root, mode) {
    if (root.nodeType !== 1) return;
    var els = [root].concat(Array.prototype.slice.call(root.querySelectorAll("[title], [aria-label], [placeholder], [data-lex-attrs]")));
    els.forEach(function (el) {
      if (el.closest(".lex-script")) return;
      var saved = el.__lexAttrs || (el.__lexAttrs = {});
      ATTRS.forEach(function (name) {
        var value = el.getAttribute(name);
        if (value === null && saved[name] === undefined) return;
        if (saved[name] === undefined) {
          if (mode === "hans" || !HAN.test(value)) return;
          saved[name] = value;
        }
        var want = mode === "hans" ? saved[name]
          : name === "title" && el.classList.contains("lex-term") ? termTitle(el, saved[name], mode)
          : convertString(saved[name], mode);
        (el.__lexSet || (el.__lexSet = {}))[name] = want;
        if (value !== null && value !== want) el.setAttribute(name, want);
      });
    });
  }

  // An attribute set again by someone else (Material's tooltips restore the title they took): its new value
  // is the text to convert.
  function attributeChanged(el, name, mode) {
    if (el.closest(".lex-script")) return;
    var value = el.getAttribute(name), set = el.__lexSet && el.__lexSet[name];
    if (value === null || value === set || !HAN.test(value)) return;
    (el.__lexAttrs || (el.__lexAttrs = {}))[name] = value;
    var want = name === "title" && el.classList.contains("lex-term") ? termTitle(el, value, mode) : convertString(value, mode);
    (el.__lexSet || (el.__lexSet = {}))[name] = want;
    if (want !== value) el.setAttribute(name, want);
  }

  // zh-Hans <-> zh-Hant-TW / zh-Hant-HK; data-lex-hant marks what this script relabelled
  function relabel(root, mode) {
    if (root.nodeType !== 1) return;
    var els = Array.prototype.slice.call(root.querySelectorAll('[lang="zh-Hans"], [data-lex-hant]'));
    if (root.getAttribute("lang") === "zh-Hans" || root.hasAttribute("data-lex-hant")) els.push(root);
    els.forEach(function (el) {
      if (el.closest(".lex-script")) return;
      el.setAttribute("lang", LANG[mode]);
      if (mode === "hans") el.removeAttribute("data-lex-hant"); else el.setAttribute("data-lex-hant", "");
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
    document.title = mode === "hans" ? titleHans : toHant(titleHans, mode);
    var root = document.documentElement;
    root.classList.toggle("lex-script-hant", mode !== "hans");
    STANDARDS.forEach(function (s) { root.classList.toggle("lex-script-" + s, mode === s); });
    document.querySelectorAll(".lex-script").forEach(function (box) { label(box, mode); });
  }

  // Search results, tooltips and anything else Material adds after load
  var observer = new MutationObserver(function (records) {
    if (current === "hans") return;
    records.forEach(function (r) {
      if (r.type === "attributes") { attributeChanged(r.target, r.attributeName, current); return; }
      r.addedNodes.forEach(function (n) {
        // Material's tooltips are made from title attributes, converted already (and naming the simplified form)
        if (n.nodeType === 1 && n.matches(".md-tooltip2, .md-tooltip")) return;
        convert(n, current);
      });
    });
  });

  function msg(id) {
    var M = window.__lexMsg || {};
    return M[id] || null;
  }

  // A label in both languages: the Chinese in the script it names (lex-keep: shown in every display mode).
  function fill(el, id, lang) {
    var m = msg(id);
    if (!m) return;
    var zh = document.createElement("span"), sep = document.createElement("span"), en = document.createElement("span");
    zh.lang = lang; zh.className = "lex-keep"; zh.textContent = m.zh;
    sep.className = "lex-sep lex-script-en"; sep.textContent = " / ";
    en.lang = "en"; en.className = "lex-script-en"; en.textContent = " " + m.en;
    el.textContent = "";
    el.appendChild(zh); el.appendChild(sep); el.appendChild(en);
    el.setAttribute("title", m.zh + " / " + m.en);
  }

  // The toggle names where it leads: the remembered traditional standard from 简体, 简体 (the way back)
  // from either traditional view; the other button, shown in a traditional view, names the other standard.
  function label(box, mode) {
    var toggle = box.querySelector(".lex-script-toggle"), other = box.querySelector(".lex-script-std");
    var std = mode === "hans" ? lastStandard() : mode, next = std === "tw" ? "hk" : "tw";
    if (mode === "hans") fill(toggle, "js.script.to-" + std, LANG[std]);
    else fill(toggle, "js.script.to-hans", LANG.hans);
    toggle.setAttribute("data-lex-to", mode === "hans" ? std : "hans");
    other.hidden = mode === "hans";
    fill(other, "js.script.to-" + next, LANG[next]);
    other.setAttribute("data-lex-to", next);
  }

  function control() {
    if (document.querySelector(".lex-script")) return;
    var anchor = document.querySelector(".md-header__inner .md-search") ||
                 document.querySelector(".md-header__inner .md-header__source");
    var box = document.createElement("span"), name = msg("js.script.label");
    box.className = "lex-script";
    box.setAttribute("role", "group");
    if (name) box.setAttribute("aria-label", name.zh + " / " + name.en);
    ["lex-script-toggle", "lex-script-std"].forEach(function (cls) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = cls + " md-header__button";
      b.addEventListener("click", function () {
        var to = normal(b.getAttribute("data-lex-to"));
        remember(to);
        if (to === "hans") { current = to; apply(to); return; }
        loadData().then(function () { current = to; apply(to); }, function () { /* no tables: stays 简体 */ });
      });
      box.appendChild(b);
    });
    box.lastChild.hidden = true;
    label(box, stored());
    if (anchor) anchor.parentNode.insertBefore(box, anchor);
    else (document.querySelector(".md-header__inner") || document.body).appendChild(box);
  }

  var current = "hans";     // the view shown: a traditional one once its tables are loaded
  function init() {
    control();
    var want = stored();
    if (want !== "hans") {
      loadData().then(function () { current = stored(); apply(current); }, function () { /* stays 简体 */ });
    } else {
      current = "hans";
      if (document.querySelector("[data-lex-hant]")) apply(current);
    }
    observer.disconnect();
    observer.observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ATTRS});
  }

  window.LexHant = {
    convert: function (text) { return current === "hans" ? text : toHant(text, current); },
    ui: function (text) { return current === "hans" ? text : convertString(text, current); },   // an interface string
    active: function () { return current !== "hans"; },
    standard: function () { return current; }
  };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
