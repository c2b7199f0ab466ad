// The text of a copied citation (./index.js copies it): pure, no DOM, so that the unit tests run it (test/cite.test.js).

/**
 * Whether a citation copied here has no address to give: no public base (cite.url) and a page read from file://,
 * whose own address is a path on the reader's disk, of no use to anyone else.
 * @param {{url?: string | null}} cite
 * @param {{protocol: string}} [here]  the page's location
 */
export function withoutAddress(cite, here) {
  return !cite.url && (here || location).protocol === "file:";
}

/**
 * The citation and its URL: the permanent URL when the build has a public base (cite.url), else the provision's
 * address as seen from this page (cite.href resolved against the page's own location); from the offline copy
 * without a public base, the citation alone (withoutAddress: the one copying is told why).
 * @param {{zh: string, en: string, href: string, url?: string | null}} cite
 * @param {{protocol: string, href: string}} [here]  the page's location
 */
export function citeText(cite, here) {
  var at = here || location;
  if (withoutAddress(cite, at)) return cite.zh + " / " + cite.en;
  var url = cite.url || new URL(cite.href, at.href).href;
  return cite.zh + " / " + cite.en + " <" + url + ">";
}

