/* The reader's switch for glossary marks (build_scripts/features/annotate.py, template annotate/legend.j2):
 * first use in each article (default), every use, or none; remembered across pages (localStorage).
 * Repeated uses (.lex-rep) and, with "none", all term marks are shown as plain text and leave the tab order, in the
 * Chinese and in the English gloss alike (the English marks a term where its glossary rendering stands). */
import { preference } from "../shared/prefs.js";
import { onPage } from "../shared/start.js";

var MODES = ["first", "all", "none"];
var marks = preference("marks", MODES, "first");

function stored() { return marks.get(); }

function apply(mode) {
  var root = document.documentElement;
  MODES.forEach(function (m) { root.classList.toggle("lex-marks-" + m, m === mode); });
  document.querySelectorAll(".lex-zh .lex-term, .lex-en .lex-term").forEach(function (el) {
    var quiet = mode === "none" || (mode === "first" && el.classList.contains("lex-rep"));
    if (el.tagName === "A") {
      if (quiet) el.setAttribute("tabindex", "-1"); else el.removeAttribute("tabindex");
    } else if (quiet) el.removeAttribute("tabindex");
    else el.setAttribute("tabindex", "0");
  });
  document.querySelectorAll("[data-lex-marks]").forEach(function (b) {
    b.setAttribute("aria-pressed", String(b.getAttribute("data-lex-marks") === mode));
  });
}

function init() {
  var article = document.querySelector(".lex-article");
  document.querySelectorAll(".lex-marks").forEach(function (box) {
    var notice = document.querySelector(".lex-notice");
    // the legend belongs above the text it explains
    if (article && notice && box.compareDocumentPosition(article) & Node.DOCUMENT_POSITION_PRECEDING) {
      var holder = notice.nextElementSibling && notice.nextElementSibling.classList.contains("lex-toggle")
        ? notice.nextElementSibling : notice;
      holder.parentNode.insertBefore(box, holder.nextSibling);
    }
    var sw = /** @type {HTMLElement | null} */ (box.querySelector(".lex-marks-switch"));
    if (sw) sw.hidden = false;
  });
  document.querySelectorAll("[data-lex-marks]").forEach(function (/** @type {any} */ b) {
    if (b.__lexMarks) return;
    b.__lexMarks = true;
    b.addEventListener("click", function () {
      var mode = b.getAttribute("data-lex-marks");
      marks.set(mode);            // private mode: this page only
      apply(mode);
    });
  });
  apply(stored());
}

// Phones: the tooltip is docked at the top or bottom edge of the screen, whichever is farther from
// the term, so that it never covers the line being read (glossary.css).
function dock(ev) {
  var el = ev.target && ev.target.closest && ev.target.closest(".lex-term, .lex-xref");
  if (!el) return;
  var r = el.getBoundingClientRect(), low = r.top + r.height / 2 > window.innerHeight / 2;
  document.documentElement.classList.toggle("lex-tip-top", low);
  document.documentElement.classList.toggle("lex-tip-bottom", !low);
}
["focusin", "mouseover", "touchstart"].forEach(function (type) {
  document.addEventListener(type, dock, {capture: true, passive: true});
});

onPage(init);
