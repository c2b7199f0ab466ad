// The one builder of an eid in the browser code, the same shape as build_scripts/model/regulation.py's:
// art_15, art_15__para_2, art_15__para_2__point_3.

/**
 * @param {number | string} art
 * @param {number | string | null | undefined} [para]
 * @param {number | string | null | undefined} [item]
 * @returns {string}
 */
export function eidOf(art, para, item) {
  if (para === null || para === undefined || para === "") return "art_" + art;
  return "art_" + art + "__para_" + para + (item === null || item === undefined || item === "" ? "" : "__point_" + item);
}
