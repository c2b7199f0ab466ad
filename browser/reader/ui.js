// What the reader's tools and pages write: marked text in both languages and the status line, from the shared
// DOM helper and the message catalogue (build_scripts/model/messages.yaml).
import { el, bi as biNodes, fragment } from "../shared/dom.js";
import { biMsg as biMsgNodes } from "../shared/messages.js";

export { el };

/** @param {string} text */
export function zh(text) { return el("span", { lang: "zh-Hans" }, [text]); }
/** @param {string} text */
export function en(text) { return el("span", { lang: "en" }, [text]); }
/** Both languages, marked, in a fragment. @param {string} z  @param {string} e  @param {string} [sep] */
export function bi(z, e, sep) { return fragment(biNodes(z, e, sep)); }
/** A message of the catalogue, marked, in a fragment. @param {string} id  @param {Record<string, string | number>} [values] */
export function biMsg(id, values) { return fragment(biMsgNodes(id, values)); }

/**
 * The status line says something (role=status in the templates); `bad`: as an error.
 * @param {Element | null} box  @param {string} z  @param {string} e  @param {boolean} [bad]
 */
export function say(box, z, e, bad) {
  if (!box) return;
  box.textContent = "";
  box.classList.toggle("lex-reader-error", !!bad);
  box.appendChild(bi(z, e));
}

/**
 * The status line says a message of the catalogue.
 * @param {Element | null} box  @param {string} id  @param {boolean | Record<string, string | number>} [bad]
 * @param {Record<string, string | number>} [values]
 */
export function sayMsg(box, id, bad, values) {
  if (!box) return;
  if (typeof bad === "object") { values = bad; bad = false; }
  box.textContent = "";
  box.classList.toggle("lex-reader-error", !!bad);
  box.appendChild(biMsg(id, values));
}
