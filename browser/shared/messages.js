// The messages the scripts write, from the catalogue (build_scripts/model/messages.yaml, sent by the build as
// data: build_scripts/publish/scripts.py), never as literals in the code.
import catalogue from "lex:messages";
import { bi } from "./dom.js";
import { mode } from "./prefs.js";

/** @typedef {{zh: string, en: string}} Message */
const MSG = /** @type {Record<string, Message>} */ (catalogue);

/** @returns {Record<string, Message>} every message sent to the scripts */
export function all() { return MSG; }

/**
 * A message in both languages ({zh: id, en: id} for an id the catalogue does not send: visible, never blank).
 * @param {string} id
 * @returns {Message}
 */
export function msg(id) { return MSG[id] || { zh: id, en: id }; }

/**
 * `{name}` placeholders filled from `values`.
 * @param {string} text
 * @param {Record<string, string | number>} [values]
 */
export function fill(text, values) {
  return values ? text.replace(/\{(\w+)\}/g, function (all, k) { return k in values ? String(values[k]) : all; }) : text;
}

/**
 * A message in the display mode: one language, or both as "中文 / English".
 * @param {string} id
 * @param {Record<string, string | number>} [values]
 */
export function t(id, values) {
  const m = MSG[id];
  if (!m) return id;
  const now = mode.get(), zh = fill(m.zh, values), en = fill(m.en, values);
  return now === "zh" ? zh : now === "en" ? en : zh + " / " + en;
}

/**
 * A message as marked elements, both languages (the mode shows one or both).
 * @param {string} id
 * @param {Record<string, string | number>} [values]
 * @returns {Array<Node | string>}
 */
export function biMsg(id, values) { const m = msg(id); return bi(fill(m.zh, values), fill(m.en, values)); }

/**
 * "中文 / English" of a message (an attribute's value, a line of an exported file).
 * @param {string} id
 * @param {Record<string, string | number>} [values]
 */
export function both(id, values) { const m = msg(id); return fill(m.zh, values) + " / " + fill(m.en, values); }

/**
 * An <option>'s label in the display mode: the Chinese, the English, or both as "中文 · English". CSS cannot hide
 * half of an option's text, so the halves are kept in data-label-zh / data-label-en and the text is set from them
 * (edition/ calls labelOptions on every change of mode; a script that makes options calls labelOption).
 * @param {HTMLOptionElement | HTMLElement} option
 */
export function labelOption(option) {
  const zh = option.getAttribute("data-label-zh"), en = option.getAttribute("data-label-en");
  if (zh === null || en === null) return;
  const now = mode.get();
  option.textContent = now === "zh" ? zh : now === "en" ? en : zh + " · " + en;
  option.setAttribute("lang", now === "en" ? "en" : "zh-Hans");
}

/**
 * Every option of `root` that carries both halves of its label, labelled in the display mode.
 * @param {ParentNode} root
 */
export function labelOptions(root) {
  root.querySelectorAll("option[data-label-zh][data-label-en]").forEach(function (o) { labelOption(/** @type {HTMLElement} */ (o)); });
}
