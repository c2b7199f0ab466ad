// The one store of the reader's display preferences (localStorage, per origin: the served site and each
// file:// copy apart). Keys come from the build (build_scripts/model/storage.py), never written here.
import keys from "lex:storage";

/**
 * A preference: one of `values`, `fallback` when none (or storage is unavailable: private mode).
 * @param {string} name  a key of STORAGE_KEYS (model/storage.py)
 * @param {string[]} values
 * @param {string} fallback
 */
export function preference(name, values, fallback) {
  const key = /** @type {Record<string, string>} */ (keys)[name];
  if (!key) throw new Error("no storage key " + name);
  return {
    key: key,
    /** @returns {string} */
    get: function () {
      try { const v = localStorage.getItem(key); return v !== null && values.indexOf(v) >= 0 ? v : fallback; }
      catch (e) { return fallback; }
    },
    /** @param {string} value  @returns {boolean} whether it was stored */
    set: function (value) {
      try { localStorage.setItem(key, value); return true; } catch (e) { return false; }   // private mode: this page only
    },
  };
}

/** The display mode: both languages, Chinese or English (edition/). */
export const MODES = ["both", "zh", "en"];
export const mode = preference("mode", MODES, "both");

/** Phones: the folded "显示 / View" panel, open or closed (edition/; the page's head reads it before the first
 * paint: overrides/main.html). */
export const view = preference("view", ["open", "closed"], "closed");
