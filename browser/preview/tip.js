/* The preview of a provision and its behaviour, shared by the site's previews (./index.js) and the drop-in script
 * (../link/index.js): hover or keyboard focus shows the provision's Chinese and English; Escape hides it; on touch
 * the first tap shows it, a second tap follows the link. Texts and citations come from the core's
 * assets/units/<reg>.js, loaded once per regulation on first use by the units loader (../shared/units.js; also from
 * file://). The tooltip is built from text nodes only.
 *
 * installPreview({target, mount, id, fixed, openClass}):
 *   target(a)   the provision a link shows, {reg, eid}, or null for a link that gets no preview
 *   mount(tip)  puts the tooltip element into the page and returns the element of the page that holds it (the tip
 *               itself, or the host of a shadow root); that element gets `id`, which the link's aria-describedby names
 *   fixed       position the tip in the viewport (position: fixed) rather than in the document
 *   openClass   a class on <html> while a preview is open (the site's stylesheet reads it), or none */
import { el, bi } from "../shared/dom.js";
import * as Units from "../shared/units.js";

var ZH_MAX = 150, EN_MAX = 320;

/** @param {string} text  @param {number} max */
export function cut(text, max) { return text.length > max ? text.slice(0, max).replace(/\s+\S*$/, "") + "…" : text; }

/**
 * The preview's paragraphs of a unit: heading (its citation), Chinese, English; null when it has no text.
 * @param {any} data  a regulation's prepared data (Units.load)
 * @param {string} eid
 * @returns {HTMLElement[] | null}
 */
export function content(data, eid) {
  var u = data.byEid[eid];
  if (!u) return null;
  var zh = [], en = [];
  // the unit and the units inside it, in document order (an article's paragraphs and their items)
  [u].concat(data.units.slice(u.index + 1).filter(function (/** @type {any} */ c) { return c.eid.indexOf(eid + "__") === 0; }))
    .forEach(function (/** @type {any} */ c) {
      if (c.kind === "article" || !c.zh) return;
      zh.push((c.kind === "item" ? c.label : "") + c.zh);
      if (c.en) en.push(c.en);
    });
  if (!zh.length) return null;
  var out = [el("p", { "class": "lex-preview-h" }, bi(u.citation.zh, u.citation.en)),
             el("p", { "class": "lex-preview-zh", lang: "zh-Hans" }, [cut(zh.join(""), ZH_MAX)])];
  if (en.length) out.push(el("p", { "class": "lex-preview-en", lang: "en" }, [cut(en.join(" "), EN_MAX)]));
  return out;
}

/** @param {{target: (a: Element) => ({reg: string, eid: string} | null), mount: (tip: HTMLElement) => Element,
 *           id: string, fixed?: boolean, openClass?: string}} options */
export function installPreview(options) {
  var target = options.target, TIP_ID = options.id;
  /** @type {HTMLElement | null} */
  var tip = null;
  /** @type {Element | null} */
  var holder = null;
  /** @type {Element | null} */
  var current = null, armed = null;
  var lastTouch = 0, hideTimer = 0, showTimer = 0;

  /** @param {any[]} nodes */
  function fill(nodes) {
    if (!tip) return;
    tip.textContent = "";
    nodes.forEach(function (n) { tip && tip.appendChild(n); });
  }

  /** @param {Element} a */
  function place(a) {
    if (!tip) return;
    var r = a.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    var vw = document.documentElement.clientWidth, vh = window.innerHeight, gap = 6;
    var left = Math.max(8, Math.min(r.left, vw - w - 8));
    var below = r.bottom + gap + h <= vh || r.top - gap - h < 0;
    var top = below ? r.bottom + gap : r.top - gap - h;       // never over the link itself
    var dx = options.fixed ? 0 : window.scrollX, dy = options.fixed ? 0 : window.scrollY;
    tip.style.left = (left + dx) + "px";
    tip.style.top = (top + dy) + "px";
    tip.setAttribute("data-side", below ? "below" : "above");
  }

  function ensureTip() {
    if (tip && holder && document.body.contains(holder)) return;
    tip = el("div", { "class": "lex-preview", role: "tooltip" });
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { scheduleHide(); });
    holder = options.mount(tip);
    holder.id = TIP_ID;
  }

  /** @param {Node | null} node */
  function inTip(node) { return !!(node && holder && (holder === node || holder.contains(node))); }

  /** @param {Element} a */
  function show(a) {
    var t = target(a);
    if (!t) return;
    clearTimeout(hideTimer);
    ensureTip();
    current = a;
    Units.load(t.reg).then(function (data) {
      var nodes = current === a ? content(data, t.eid) : null;
      if (!nodes || !tip) return;
      fill(nodes);
      tip.hidden = false;
      tip.style.visibility = "hidden";
      place(a);
      tip.style.visibility = "";
      describe(a);
      if (options.openClass) document.documentElement.classList.add(options.openClass);
    }, function () { /* not loaded: no preview, the link still works */ });
  }

  // Material's own tooltip (defined-term links) rewrites aria-describedby when it shows: keep ours in it.
  var observer = window.MutationObserver ? new MutationObserver(function () { if (current) describe(current); }) : null;

  /** @param {Element} a */
  function describe(a) {
    if (observer) { observer.disconnect(); }
    var ids = (a.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (ids.indexOf(TIP_ID) < 0) a.setAttribute("aria-describedby", ids.concat(TIP_ID).join(" "));
    if (observer) observer.observe(a, {attributes: true, attributeFilter: ["aria-describedby"]});
  }

  function hide() {
    if (options.openClass) document.documentElement.classList.remove(options.openClass);
    if (observer) observer.disconnect();
    clearTimeout(showTimer); clearTimeout(hideTimer);
    if (current) {
      var ids = (current.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (i) { return i && i !== TIP_ID; });
      if (ids.length) current.setAttribute("aria-describedby", ids.join(" ")); else current.removeAttribute("aria-describedby");
    }
    current = null; armed = null;
    if (tip) tip.hidden = true;
  }

  function scheduleHide() { clearTimeout(hideTimer); hideTimer = window.setTimeout(hide, 250); }
  /** @param {Event} ev */
  function link(ev) {
    var t = /** @type {any} */ (ev.target);
    return t && t.closest ? t.closest("a[href]") : null;
  }
  function touching() { return Date.now() - lastTouch < 1000; }

  document.addEventListener("pointerdown", function (ev) {
    if (ev.pointerType === "touch" || ev.pointerType === "pen") lastTouch = Date.now();
  }, true);
  document.addEventListener("touchstart", function () { lastTouch = Date.now(); }, {capture: true, passive: true});
  document.addEventListener("mouseover", function (ev) {
    var a = link(ev);
    if (!a || !target(a) || touching()) return;
    clearTimeout(hideTimer); clearTimeout(showTimer);
    if (current === a) return;
    showTimer = window.setTimeout(function () { show(a); }, 120);
  });
  document.addEventListener("mouseout", function (ev) {
    var a = link(ev);
    if (!a || a !== current || touching()) { clearTimeout(showTimer); return; }
    var to = /** @type {Node | null} */ (ev.relatedTarget);
    if (to && (a.contains(to) || inTip(to))) return;
    scheduleHide();
  });
  document.addEventListener("focusin", function (ev) {
    var a = link(ev);
    if (a && target(a) && !touching()) show(a);
  });
  document.addEventListener("focusout", function (ev) {
    var a = link(ev);
    if (a && a === current && !touching()) hide();
  });
  document.addEventListener("keydown", function (ev) {
    if ((ev.key === "Escape" || ev.key === "Esc") && current) { hide(); }
  });
  document.addEventListener("click", function (ev) {
    var a = link(ev);
    if (!touching()) return;
    if (!a || !target(a)) { if (current && !inTip(/** @type {Node} */ (ev.target))) hide(); return; }
    if (armed === a) { hide(); return; }          // second tap: follow the link
    ev.preventDefault();                           // first tap: show the text
    hide();
    armed = a;
    show(a);
    armed = a;
  }, true);
  window.addEventListener("resize", function () { if (current && tip && !tip.hidden) place(current); });
  return { hide: hide };
}
