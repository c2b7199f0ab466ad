// The little of a DOM the renderers use (createElement, attributes, children, text), for node --test: enough to
// read what they build (tag, attributes, text, structure), nothing that lays out or runs.

class Text {
  constructor(text) { this.nodeType = 3; this.textContent = String(text); }
}

class Element {
  constructor(tag) { this.nodeType = 1; this.tagName = tag.toUpperCase(); this.attributes = {}; this.childNodes = []; }
  setAttribute(k, v) { this.attributes[k] = String(v); }
  getAttribute(k) { return k in this.attributes ? this.attributes[k] : null; }
  appendChild(n) {
    if (n instanceof Fragment) { n.childNodes.forEach((c) => this.childNodes.push(c)); n.childNodes = []; }
    else this.childNodes.push(n);
    return n;
  }
  get children() { return this.childNodes.filter((c) => c.nodeType === 1); }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(""); }
  set textContent(t) { this.childNodes = t ? [new Text(t)] : []; }
  get className() { return this.getAttribute("class") || ""; }
  /** Elements below this one whose class list holds `cls`, in document order. */
  byClass(cls) {
    const out = [];
    for (const c of this.children) {
      if (c.className.split(" ").includes(cls)) out.push(c);
      out.push(...c.byClass(cls));
    }
    return out;
  }
}

class Fragment extends Element {
  constructor() { super("#fragment"); this.nodeType = 11; }
}

export function installFakeDom() {
  const storage = new Map();
  globalThis.document = {
    createElement: (tag) => new Element(tag),
    createTextNode: (text) => new Text(text),
    createDocumentFragment: () => new Fragment(),
  };
  globalThis.localStorage = {
    getItem: (k) => (storage.has(k) ? storage.get(k) : null),
    setItem: (k, v) => { storage.set(k, String(v)); },
    removeItem: (k) => { storage.delete(k); },
  };
}
