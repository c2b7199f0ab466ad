// The one DOM helper of the browser code: elements with attributes and children, and the two languages of a text.

/**
 * An element: `attrs` are set as attributes (class, lang, aria-*, ...), `children` appended (a string as text).
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {Array<Node | string>} [children]
 * @returns {HTMLElement}
 */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, (attrs || {})[k]); });
  (children || []).forEach(function (c) {
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
 * Nodes in a fragment (to replace one node by several).
 * @param {Node[]} nodes
 * @returns {DocumentFragment}
 */
export function fragment(nodes) {
  const out = document.createDocumentFragment();
  nodes.forEach(function (n) { out.appendChild(n); });
  return out;
}
