// Importing notes: a file exported by the notes page, checked entry by entry and merged into the store. Pure
// (test/reader.test.js).
import { keyOf } from "./store.js";
var EID = /^art_[0-9a-z-]+(__para_[0-9]+(__point_[0-9]+)?)?$/;
var REG = /^[a-z0-9_-]+$/;
/* An import file -> {items: [...valid], skipped: n} or {error}. Accepts this page's JSON export. */
export function validateImport(data) {
  if (!data || typeof data !== "object" || !Array.isArray(data.notes)) return { error: "format" };
  var items = [], skipped = 0;
  data.notes.forEach(function (n) {
    if (!n || typeof n !== "object" || typeof n.regulation !== "string" || !REG.test(n.regulation) ||
        typeof n.eid !== "string" || !EID.test(n.eid) ||
        (n.note !== undefined && typeof n.note !== "string") ||
        (n.bookmark !== undefined && typeof n.bookmark !== "boolean") || (n.note || "").length > 100000) {
      skipped++; return;
    }
    var cite = n.citation && typeof n.citation.zh === "string" && typeof n.citation.en === "string"
      ? { zh: n.citation.zh, en: n.citation.en } : undefined;
    var ts = function (v) { return typeof v === "string" && !isNaN(Date.parse(v)) ? v : undefined; };
    if (!n.note && !n.bookmark) { skipped++; return; }
    items.push({ reg: n.regulation, eid: n.eid, bookmark: !!n.bookmark, note: n.note || "", cite: cite,
                 created: ts(n.created), updated: ts(n.updated) });
  });
  return { items: items, skipped: skipped };
}
/* Merge imported items: a bookmark on either side stays; of two different notes nothing is lost (the
 * imported one is appended under a rule); identical notes are kept once. */
export function mergeNotes(store, items) {
  var added = 0, merged = 0, now = new Date().toISOString();
  items.forEach(function (n) {
    var k = keyOf(n.reg, n.eid), cur = store.items[k];
    if (!cur) {
      store.items[k] = { reg: n.reg, eid: n.eid, bookmark: n.bookmark, note: n.note, cite: n.cite,
                         created: n.created || now, updated: n.updated || now };
      added++;
      return;
    }
    var note = cur.note || "";
    if (n.note && note.indexOf(n.note) < 0) note = note ? note + "\n\n---\n\n" + n.note : n.note;
    if (note !== cur.note || (n.bookmark && !cur.bookmark)) {
      cur.note = note; cur.bookmark = cur.bookmark || n.bookmark; cur.updated = now; merged++;
    }
    if (!cur.cite && n.cite) cur.cite = n.cite;
  });
  return { added: added, merged: merged };
}
