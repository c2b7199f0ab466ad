// The one DOM helper of the browser code: elements with attributes and children, and the two languages of a text.

/**
 * An element: `attrs` are set as attributes (class, lang, aria-*, ...; null, undefined or false: left out),
 * `children` appended (a string as text; null or undefined: left out).
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {Array<Node | string | null | undefined>} [children]
 * @returns {HTMLElement & Record<string, any>}
 */
export function el(tag, attrs, children) {
  const node = /** @type {HTMLElement & Record<string, any>} */ (document.createElement(tag));
  const a = attrs || {};
  Object.keys(a).forEach(function (k) {
    const v = a[k];
    if (v !== null && v !== undefined && v !== false) node.setAttribute(k, String(v));
  });
  (children || []).forEach(function (c) {
    if (c === null || c === undefined) return;
    node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  });
  return node;
}

/**
 * Both languages as marked elements (the display mode shows one or both; edition.css hides the separator
 * with one of them): [<span lang=zh-Hans>, <span class=lex-sep>, <span lang=en>].
 * @param {string} zh
 * @param {string} en
 * @param {string} [sep]
 * @returns {HTMLElement[]}
 */
export function bi(zh, en, sep) {
  return [el("span", { lang: "zh-Hans" }, [zh]), el("span", { "class": "lex-sep" }, [sep === undefined ? " / " : sep]),
          el("span", { lang: "en" }, [en])];
}

/**
 * Nodes in a fragment (to replace one node by several; a string as text).
 * @param {Array<Node | string>} nodes
 * @returns {DocumentFragment}
 */
export function fragment(nodes) {
  const out = document.createDocumentFragment();
  nodes.forEach(function (n) { out.appendChild(typeof n === "string" ? document.createTextNode(n) : n); });
  return out;
}
