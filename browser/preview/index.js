/* Previews of linked provisions (build_scripts/features/previews.py): the links of the site's pages that point to a
 provision (SELECTOR) show it on hover, keyboard focus or tap; the preview and its behaviour are ./tip.js, which the
 drop-in script (../link/index.js) shares. */
import shapes from "lex:urls";
import * as Units from "../shared/units.js";
import { provisionOf } from "./target.js";
import { installPreview } from "./tip.js";

var SELECTOR = ".md-content a.cmp-prov, .md-content .cmp-counterparts a, .md-content .lex-refby a, " +
               ".md-content a.lex-defined, .md-content a.lex-xref, .md-content .lex-status a, .md-content .lex-st-group a";
var regs = Units.regs.map(function (r) { return r.id; });

/** The provision a link points to: {reg, eid} or null (./target.js). @param {any} a */
function target(a) {
  if (!a.matches || !a.matches(SELECTOR) || !a.href) return null;
  return provisionOf(new URL(a.href, location.href).href, regs, shapes);
}

installPreview({
  target: target, id: "lex-preview", openClass: "lex-preview-open",
  mount: function (tip) { document.body.appendChild(tip); return tip; },
});
