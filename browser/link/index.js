/* The drop-in script (docs/linking.md): any web page that includes it with one tag,
 *     <script src="https://<the edition>/assets/link.js" defer></script>
 * gets the citations of the edition's regulations in its text turned into links to the provision, each with the
 * preview of the site (../preview/tip.js: Chinese and English, on hover, keyboard focus and tap). It needs nothing
 * else from the page. Citations are found by ./find.js with the one parser (../cite/parse.js) and the build's rules;
 * links point to the provision's URL in the copy the script comes from (the units data, ../shared/units.js).
 *
 * Safe on hostile pages: it reads text nodes only and builds its links and preview from text nodes (no innerHTML);
 * it leaves alone text in links, code, pre, scripts, styles and anything editable; it adds no stylesheet to the page
 * (the preview lives in a shadow root with its own styles, its host reset with inline !important styles). */
import citeRules from "lex:cite-rules";
import * as Units from "../shared/units.js";
import { installPreview } from "../preview/tip.js";
import { findCitations } from "./find.js";

export const SKIP = "a, code, pre, kbd, samp, var, script, style, noscript, template, textarea, input, select, option, " +
  "button, svg, math, iframe, object, title, [contenteditable]:not([contenteditable='false'])";
const LINK_CLASS = "pingan-cite";
const HOST_ID = "pingan-link-preview";
const STYLE = [
  ".lex-preview { all: initial; position: fixed; z-index: 2147483647; display: block; box-sizing: border-box;",
  "  max-width: min(28rem, calc(100vw - 16px)); padding: 8px 10px; border: 1px solid #8a8a8a; border-radius: 4px;",
  "  background: #fff; color: #1b1b1b; box-shadow: 0 2px 10px rgba(0,0,0,.25); text-align: left;",
  "  font: 14px/1.55 system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; }",
  ".lex-preview[hidden] { display: none; }",
  "p, span { all: initial; font: inherit; color: inherit; }",
  "p { display: block; margin: 0 0 6px; }",
  "p:last-child { margin-bottom: 0; }",
  ".lex-preview-h { font-weight: 700; }",
  ".lex-preview-en { color: #3b3b3b; }",
  "@media (prefers-color-scheme: dark) { .lex-preview { background: #1f2227; color: #e8e8e8; border-color: #777; }",
  "  .lex-preview-en { color: #c8c8c8; } }",
].join("\n");

const rules = /** @type {any} */ (citeRules).rules, struct = /** @type {any} */ (citeRules).structure;
/** @type {WeakMap<Element, {reg: string, eid: string}>} */
const made = new WeakMap();

/** Whether a text node is one the script may link: not inside what it leaves alone. @param {Text} node */
export function linkable(node) {
  const parent = node.parentElement;
  return !!parent && !parent.closest(SKIP) && !parent.isContentEditable && !(parent.closest("#" + HOST_ID));
}

/** The text nodes under `root` that hold a citation, with their citations. @param {Node} root */
function collect(root) {
  /** @type {Array<[Text, {start: number, end: number, match: any}[]]>} */
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = /** @type {Text} */ (n);
    if (!text.data.trim() || !linkable(text)) continue;
    const found = findCitations(text.data, rules, struct);
    if (found.length) out.push([text, found]);
  }
  return out;
}

/** Replace a text node by its text and links (text nodes only). @param {Text} node @param {any[]} found */
function link(node, found) {
  if (!node.parentNode) return;
  const data = node.data, frag = document.createDocumentFragment();
  let pos = 0;
  found.forEach(function (f) {
    const unit = (Units.get(f.match.reg) || { byEid: {} }).byEid[f.match.eid];
    if (!unit) return;
    if (f.start > pos) frag.appendChild(document.createTextNode(data.slice(pos, f.start)));
    const a = document.createElement("a");
    a.href = unit.url;
    a.className = LINK_CLASS;
    a.setAttribute("data-pingan-eid", f.match.reg + ":" + f.match.eid);
    a.textContent = data.slice(f.start, f.end);
    made.set(a, { reg: f.match.reg, eid: f.match.eid });
    frag.appendChild(a);
    pos = f.end;
  });
  if (!pos) return;
  if (pos < data.length) frag.appendChild(document.createTextNode(data.slice(pos)));
  node.parentNode.replaceChild(frag, node);
}

/** Link the citations under `root` (the regulations cited are loaded first). @param {Node} root */
export function linkCitations(root) {
  const todo = collect(root);
  const regs = {};
  todo.forEach(function (t) { t[1].forEach(function (f) { regs[f.match.reg] = true; }); });
  return Promise.all(Object.keys(regs).map(function (id) { return Units.load(id).catch(function () { return null; }); }))
    .then(function () { todo.forEach(function (t) { link(t[0], t[1]); }); return todo.length; });
}

/** The preview's host: a custom element (no page rule for div or p reaches it), reset inline, its content in a
 * shadow root (open: the tests read it) with the preview's own styles. @param {HTMLElement} tip */
function mount(tip) {
  const host = document.createElement("pingan-link-preview");
  host.setAttribute("style", "all: initial !important; display: contents !important;");
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = STYLE;
  shadow.appendChild(style);
  shadow.appendChild(tip);
  document.body.appendChild(host);
  return host;
}

function start() {
  const root = document.documentElement;
  if (root.hasAttribute("data-pingan-link")) return;         // included twice: once is enough
  root.setAttribute("data-pingan-link", "");
  installPreview({ target: function (a) { return made.get(a) || null; }, mount: mount, id: HOST_ID, fixed: true });
  const ready = linkCitations(document.body);
  // text the page adds later (a comment thread, a loaded article) is linked too
  if (window.MutationObserver) {
    /** @type {Node[]} */
    let pending = [];
    let timer = 0;
    const observer = new MutationObserver(function (records) {
      records.forEach(function (r) {
        r.addedNodes.forEach(function (n) {
          if (n.nodeType === 1 && /** @type {Element} */ (n).matches("a." + LINK_CLASS + ", pingan-link-preview")) return;
          if (n.nodeType === 1 || n.nodeType === 3) pending.push(n);
        });
      });
      clearTimeout(timer);
      timer = window.setTimeout(function () {
        const nodes = pending.filter(function (n) { return document.body.contains(n); });
        pending = [];
        nodes.forEach(function (n) {
          if (n.nodeType === 3) { const p = n.parentNode; if (p) linkCitations(p); } else linkCitations(n);
        });
      }, 200);
    });
    ready.then(function () { observer.observe(document.body, { childList: true, subtree: true }); });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
