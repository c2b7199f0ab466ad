/* Previews of linked provisions (build_scripts/features/previews.py): hover or keyboard focus shows the
 provision's Chinese and English; Escape hides it; on touch the first tap shows it, a second tap follows.
 Texts and citations come from the core's assets/units/<reg>.js, loaded once per regulation on first use
 by the units loader (../shared/units.js; also from file://). */
import shapes from "lex:urls";
import { el, bi } from "../shared/dom.js";
import * as Units from "../shared/units.js";
import { provisionOf } from "./target.js";

var SELECTOR = ".md-content a.cmp-prov, .md-content .cmp-counterparts a, .md-content .lex-refby a, " +
               ".md-content a.lex-defined, .md-content a.lex-xref, .md-content .lex-status a, .md-content .lex-st-group a";
var ZH_MAX = 150, EN_MAX = 320, TIP_ID = "lex-preview";
var regs = Units.regs.map(function (r) { return r.id; });
var tip = null, current = null, armed = null, lastTouch = 0, hideTimer = null, showTimer = null;

function target(a) {
  // The provision a link points to: {reg, eid} or null (./target.js).
  if (!a.matches || !a.matches(SELECTOR) || !a.href) return null;
  return provisionOf(new URL(a.href, location.href).href, regs, shapes);
}

function cut(text, max) { return text.length > max ? text.slice(0, max).replace(/\s+\S*$/, "") + "…" : text; }

function fill(data, eid) {
  var u = data.byEid[eid];
  if (!u) return false;
  var zh = [], en = [];
  // the unit and the units inside it, in document order (an article's paragraphs and their items)
  [u].concat(data.units.slice(u.index + 1).filter(function (c) { return c.eid.indexOf(eid + "__") === 0; }))
    .forEach(function (c) {
      if (c.kind === "article" || !c.zh) return;
      zh.push((c.kind === "item" ? c.label : "") + c.zh);
      if (c.en) en.push(c.en);
    });
  if (!zh.length) return false;
  tip.textContent = "";
  tip.appendChild(el("p", { "class": "lex-preview-h" }, bi(u.citation.zh, u.citation.en)));
  tip.appendChild(el("p", { "class": "lex-preview-zh", lang: "zh-Hans" }, [cut(zh.join(""), ZH_MAX)]));
  if (en.length) tip.appendChild(el("p", { "class": "lex-preview-en", lang: "en" }, [cut(en.join(" "), EN_MAX)]));
  return true;
}

function place(a) {
  var r = a.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
  var vw = document.documentElement.clientWidth, vh = window.innerHeight, gap = 6;
  var left = Math.max(8, Math.min(r.left, vw - w - 8));
  var below = r.bottom + gap + h <= vh || r.top - gap - h < 0;
  var top = below ? r.bottom + gap : r.top - gap - h;       // never over the link itself
  tip.style.left = (left + window.scrollX) + "px";
  tip.style.top = (top + window.scrollY) + "px";
  tip.setAttribute("data-side", below ? "below" : "above");
}

function ensureTip() {
  if (tip && document.body.contains(tip)) return;
  tip = el("div", { "class": "lex-preview", id: TIP_ID, role: "tooltip" });
  tip.hidden = true;
  tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  tip.addEventListener("mouseleave", function () { scheduleHide(); });
  document.body.appendChild(tip);
}

function show(a) {
  var t = target(a);
  if (!t) return;
  clearTimeout(hideTimer);
  ensureTip();
  current = a;
  Units.load(t.reg).then(function (data) {
    if (current !== a || !fill(data, t.eid)) return;
    tip.hidden = false;
    tip.style.visibility = "hidden";
    place(a);
    tip.style.visibility = "";
    describe(a);
    document.documentElement.classList.add("lex-preview-open");
  }, function () { /* not loaded: no preview, the link still works */ });
}

// Material's own tooltip (defined-term links) rewrites aria-describedby when it shows: keep ours in it.
var observer = window.MutationObserver ? new MutationObserver(function () { if (current) describe(current); }) : null;

function describe(a) {
  if (observer) { observer.disconnect(); }
  var ids = (a.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  if (ids.indexOf(TIP_ID) < 0) a.setAttribute("aria-describedby", ids.concat(TIP_ID).join(" "));
  if (observer) observer.observe(a, {attributes: true, attributeFilter: ["aria-describedby"]});
}

function hide() {
  document.documentElement.classList.remove("lex-preview-open");
  if (observer) observer.disconnect();
  clearTimeout(showTimer); clearTimeout(hideTimer);
  if (current) {
    var ids = (current.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (i) { return i && i !== TIP_ID; });
    if (ids.length) current.setAttribute("aria-describedby", ids.join(" ")); else current.removeAttribute("aria-describedby");
  }
  current = null; armed = null;
  if (tip) tip.hidden = true;
}

function scheduleHide() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 250); }
function link(ev) { return ev.target && ev.target.closest ? ev.target.closest("a[href]") : null; }
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
  showTimer = setTimeout(function () { show(a); }, 120);
});
document.addEventListener("mouseout", function (ev) {
  var a = link(ev);
  if (!a || a !== current || touching()) { clearTimeout(showTimer); return; }
  if (ev.relatedTarget && (a.contains(ev.relatedTarget) || (tip && tip.contains(ev.relatedTarget)))) return;
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
  if (!a || !target(a)) { if (current && !(tip && tip.contains(ev.target))) hide(); return; }
  if (armed === a) { hide(); return; }          // second tap: follow the link
  ev.preventDefault();                           // first tap: show the text
  hide();
  armed = a;
  show(a);
  armed = a;
}, true);
window.addEventListener("resize", function () { if (current && tip && !tip.hidden) place(current); });
