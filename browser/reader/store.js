// The reader's notes and bookmarks: localStorage only (the key: build_scripts/model/storage.py), keyed by
// regulation id + eid; nothing is sent anywhere. The article pages' tools (./index.js) and the notes page
// (./pages.js) share it.
import keys from "lex:storage";
export const STORE = /** @type {Record<string, string>} */ (keys).notes;
export function keyOf(reg, eid) { return reg + "/" + eid; }
export function loadStore() {
  try {
    var raw = JSON.parse(localStorage.getItem(STORE) || "null");
    if (raw && raw.version === 1 && raw.items && typeof raw.items === "object") return raw;
  } catch (e) { /* unreadable: start empty */ }
  return { version: 1, items: {} };
}
export function saveStore(store) {
  try { localStorage.setItem(STORE, JSON.stringify(store)); return true; } catch (e) { return false; }
}
export function putItem(store, reg, eid, change, cite) {
  var k = keyOf(reg, eid), now = new Date().toISOString();
  var it = store.items[k] || { reg: reg, eid: eid, bookmark: false, note: "", created: now };
  Object.keys(change).forEach(function (f) { it[f] = change[f]; });
  if (cite) it.cite = cite;
  it.updated = now;
  if (!it.bookmark && !it.note) delete store.items[k]; else store.items[k] = it;
  return store.items[k] || null;
}
