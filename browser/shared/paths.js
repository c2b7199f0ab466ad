// Links between this copy's pages, computed without a DOM (tested by node --test: test/paths.test.js).

/** @param {string} url  @param {string} page  the page's own URL */
export function relativeLink(url, page) {
  var to = new URL(url, page), here = new URL(page);
  if (to.protocol !== here.protocol || to.host !== here.host) return to.href;
  var from = here.pathname.split("/"), path = to.pathname.split("/"), i = 0;
  from.pop();                                                       // the page's file name ("" for a folder)
  while (i < from.length && i < path.length - 1 && from[i] === path[i]) i++;
  var up = "";
  for (var k = i; k < from.length; k++) up += "../";
  return (up + path.slice(i).join("/") || "./") + to.search + to.hash;
}
