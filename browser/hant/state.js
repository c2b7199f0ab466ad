// The traditional views' state and conversion, without the DOM: the tables (the build's data "hant", made by
// build_scripts/enrich/hant.py, whose `Hant.convert` this mirrors), the reader's choice (../shared/prefs.js) and
// what other components need: cite/ copies a citation as the view shows it. The view itself is ./index.js.
import data from "lex:hant";
import { preference } from "../shared/prefs.js";

export const STANDARDS = ["tw", "hk"];
export const LANG = {hans: "zh-Hans", tw: "zh-Hant-TW", hk: "zh-Hant-HK"};
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const script = preference("script", ["hans", "tw", "hk", "hant"], "hans");
const standard = preference("script_std", STANDARDS, "tw");
/** @type {string | null} the view chosen on this page (kept when storage is unavailable) */
let chosen = null;

/** @param {string} mode */
export function choose(mode) { chosen = mode; }
/** The view of this page: "hans", "tw" or "hk". */
export function current() { return chosen || stored(); }
export function active() { return current() !== "hans"; }
/** @param {string} text  the text as the view shows it (characters only) */
export function convert(text) { return active() ? toHant(text, current()) : text; }
/** @param {string} text  an interface string as the view shows it */
export function ui(text) { return active() ? convertString(text, current()) : text; }

var tables = {};

// The tables of a standard: the first one's character map in full, the others' as differences from it.
function table(std) {
  if (tables[std]) return tables[std];
  var d = data[std], chars = {}, longest = 0, i;
  if (std !== data.base) { var b = table(data.base).chars; for (var k in b) chars[k] = b[k]; }
  for (i = 0; i + 1 < d.chars.length; i += 2) chars[d.chars[i]] = d.chars[i + 1];
  Object.keys(d.phrases).forEach(function (p) { longest = Math.max(longest, p.length); });
  return (tables[std] = {chars: chars, phrases: d.phrases, longest: longest, ui: d.ui || {}});
}

export function toHant(text, std) {  // mirror of build_scripts/enrich/hant.py:apply_phrases
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
export function uiForm(text, std) {
  var ui = table(std).ui, m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (ui[m[2]]) return m[1] + ui[m[2]] + m[3];
  var at = text.indexOf(" / ");
  if (at > 0 && ui[text.slice(0, at).trim()]) return uiForm(text.slice(0, at), std) + text.slice(at);
  return null;
}

export function convertString(text, std) {
  return uiForm(text, std) || toHant(text, std);
}

export function normal(value) {
  if (value === "hant") return "tw";   // the single Taiwan view of earlier versions
  return value === "tw" || value === "hk" ? value : "hans";
}
export function stored() { return normal(script.get()); }
export function lastStandard() { return standard.get(); }
/** @param {string} mode */
export function remember(mode) {    // private mode: this page only (choose)
  script.set(mode);
  if (mode !== "hans") standard.set(mode);
}

