// A regulation's data as the pages' scripts read it, prepared once it is loaded (./units.js): pure (test/units.test.js).

/** @typedef {{eid: string, kind: string, url: string, href: string, index: number, zh: string, en: string,
 *             label: string, citation: {zh: string, en: string}, [k: string]: any}} Unit */
/** @typedef {{id: string, url: string, href: string, units: Unit[], byEid: Record<string, Unit>,
 *             articles: any[], [k: string]: any}} RegData */

/** @param {any} data  @param {string} file  @returns {RegData} */
export function prepare(data, file) {
  data.url = new URL(data.href, file).href;
  data.units = [];
  data.byEid = {};
  /** @param {any} u  @param {string} kind */
  function add(u, kind) {
    u.kind = kind;
    u.url = new URL(u.href, file).href;
    u.index = data.units.length;
    data.units.push(u);
    data.byEid[u.eid] = u;
  }
  data.articles.forEach(function (/** @type {any} */ a) {
    add(a, "article");
    a.paragraphs.forEach(function (/** @type {any} */ p) {
      add(p, "paragraph");
      p.items.forEach(function (/** @type {any} */ i) { add(i, "item"); });
    });
  });
  return data;
}

