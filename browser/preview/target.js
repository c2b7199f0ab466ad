// The provision a link points to, read with the URL shapes of build_scripts/model/urls.py (the build's data
// "urls"): the forms of docs/data.md, served (jiangxi/art-15/#para-2) and offline (jiangxi/art-15.html#para-2),
// article pages and the full text (jiangxi/#art-15-para-2). Pure: tested by node --test (test/preview.test.js).
import { eidOf } from "../shared/eid.js";

/** @typedef {{article: string, full_text: string, reg: string}} Shapes */

/**
 * @param {string} href  an absolute URL
 * @param {string[]} regs  the ids of the regulations of this copy
 * @param {Shapes} shapes
 * @returns {{reg: string, eid: string} | null}
 */
export function provisionOf(href, regs, shapes) {
  let url;
  try { url = new URL(href); } catch (e) { return null; }
  let hash = "";
  try { hash = decodeURIComponent(url.hash); } catch (e) { return null; }
  const article = new RegExp("/(" + shapes.reg + ")/" + shapes.article);
  const fullText = new RegExp("/(" + shapes.reg + ")/(?:index\\.html)?" + shapes.full_text);
  // an article page's link with an anchor that is no paragraph's is a link to the article
  const m = article.exec(url.pathname + hash) || article.exec(url.pathname) || fullText.exec(url.pathname + hash);
  if (!m || regs.indexOf(m[1]) < 0) return null;
  return { reg: m[1], eid: eidOf(m[2], m[3], m[4]) };
}
