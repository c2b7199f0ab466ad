/* The one renderer of a provision in the browser: the rows of the legal pages (build_scripts/render/templates/
 * _lex.j2, unit_row): per paragraph and item a .lex-row with its Chinese (.lex-zh, the item's label, the
 * paragraph's number in an article of several) and, in a glossed regulation, its English or the catalogue's
 * "English gloss not yet available". Reads a regulation's prepared data (./units.js). The reader's pages and the
 * resolver page use it. */
import { el } from "./dom.js";
import { biMsg } from "./messages.js";

/**
 * The units inside a unit, in document order (an article's paragraphs and their items; a paragraph's items).
 * @param {import("./units.js").RegData} data  @param {string} eid
 */
export function children(data, eid) {
  var pre = eid + "__";
  return data.units.filter(function (u) { return u.eid.indexOf(pre) === 0; });
}

/**
 * Rows of a provision (its paragraphs' lead text and items), bilingual, in the classes of the legal pages.
 * @param {import("./units.js").RegData} data
 * @param {string} eid
 * @param {(text: string) => Node} [zhText]  the Chinese of a row as nodes (marks), else as text
 */
export function unitRows(data, eid, zhText) {
  var u = data.byEid[eid];
  var units = u.kind === "article" ? children(data, eid) : [u].concat(u.kind === "paragraph" ? children(data, eid) : []);
  var box = el("div", { "class": "lex-article lex-reader-rows" + (data.glossed ? "" : " lex-zh-only"), "data-eid": u.eid });
  units.forEach(function (r) {
    if (r.kind === "paragraph" && !r.zh) return;
    var zhDiv = el("div", { "class": "lex-zh", lang: "zh-Hans" });
    if (r.kind === "paragraph" && u.kind === "article" && u.paragraphs.length > 1) {
      zhDiv.appendChild(el("span", { "class": "cmp-pnum", title: r.labels.zh + " / " + r.labels.en }, [String(r.number)]));
    }
    if (r.kind === "item") zhDiv.appendChild(el("span", { "class": "lex-label" }, [r.label]));
    zhDiv.appendChild(zhText ? zhText(r.zh) : document.createTextNode(r.zh));
    var row = el("div", { "class": "lex-row" + (r.kind === "item" ? " lex-item" : ""), "data-eid": r.eid }, [zhDiv]);
    if (data.glossed) {
      row.appendChild(r.en ? el("div", { "class": "lex-en", lang: "en" }, [r.en])
        : el("div", { "class": "lex-en lex-missing" }, biMsg("page.english-gloss-not-yet-available")));
    }
    box.appendChild(row);
  });
  return box;
}
