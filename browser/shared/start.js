// The one page-start routine: `init` runs once the page is there, and again after each of Material's instant
// navigations (document$ swaps the page body).

/** @param {() => void} init */
export function onPage(init) {
  const w = /** @type {any} */ (window);
  if (w.document$ && w.document$.subscribe) w.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
