/* The citation resolver page (resolve/, build_scripts/features/citations.py), bundled as assets/resolver.js and
 * loaded by that page only (deferred). A typed citation is read by the one parser (../cite/parse.js) with the
 * rules of assets/cite-rules.js; the provision it names is shown (../shared/unit-row.js) from the core's
 * assets/units/<reg>.js, loaded the first time its regulation is cited (also from file://). */
import { el, bi } from "../shared/dom.js";
import { biMsg } from "../shared/messages.js";
import * as Units from "../shared/units.js";
import { unitRows } from "../shared/unit-row.js";
import { parse, resolve } from "../cite/parse.js";
import { citeRules } from "../cite/rules.js";
import { onPage } from "../shared/start.js";
import { eidOf } from "../shared/eid.js";

function initResolver() {
  var form = document.getElementById("lex-resolve");
  var cite = citeRules();
  if (!form || !cite || form.getAttribute("data-ready")) return;
  form.setAttribute("data-ready", "1");
  var input = /** @type {HTMLInputElement} */ (document.getElementById("lex-resolve-q"));
  var out = document.getElementById("lex-resolve-out");
  var rules = cite.rules, latest = 0;

  function titleOf(id) {
    for (var i = 0; i < Units.regs.length; i++) if (Units.regs[i].id === id) return Units.regs[i].title;
    return { zh: id, en: id };
  }
  function readAs(p) {
    var parts = [];
    if (p.reg) parts.push(titleOf(p.reg).zh);
    if (p.article !== null) parts.push("Art. " + p.article);
    if (p.paragraph !== null) parts.push("para. " + p.paragraph);
    if (p.item !== null) parts.push("item " + p.item);
    return parts.join(" · ");
  }
  function hit(data, m) {
    var box = el("section", { "class": "lex-resolve-hit" });
    if (m.article === null) {
      box.appendChild(el("p", { "class": "lex-resolve-cite" }, bi(data.title.zh, data.title.en)));
      box.appendChild(el("p", {}, [el("a", { href: Units.link(data.url) }, biMsg("js.resolver.read-full-text"))]));
      return box;
    }
    var u = data.byEid[m.eid];    // every link and label comes from the generated data (Ref)
    box.appendChild(el("p", { "class": "lex-resolve-cite" }, [el("span", { lang: "zh-Hans" }, [u.citation.zh]), el("br"),
                                                               el("span", { lang: "en" }, [u.citation.en])]));
    box.appendChild(unitRows(data, m.eid));
    var links = el("p", { "class": "lex-resolve-links" });
    links.appendChild(el("a", { href: Units.link(u.url), "class": "lex-resolve-go" }, biMsg("js.resolver.go")));
    links.appendChild(document.createTextNode(" · "));
    links.appendChild(el("span", {}, biMsg("js.resolver.short-link").concat([": ", el("code", {}, [u.short_url])])));
    box.appendChild(links);
    return box;
  }
  function error(code, p) {
    var msg = rules.messages[code];
    var box = el("div", { "class": "lex-resolve-error", role: "alert", "data-error": code });
    box.appendChild(el("p", { lang: "zh-Hans" }, [msg.zh]));
    box.appendChild(el("p", { lang: "en" }, [msg.en]));
    if (p && p.ok) box.appendChild(el("p", { "class": "lex-resolve-readas" },
      biMsg("js.resolver.read-as").concat([": " + readAs(p)])));
    out.textContent = "";
    out.appendChild(box);
  }
  // The text of the matches is in the data of their regulations, loaded the first time one is cited; a
  // newer input wins over a slower older one.
  function render() {
    var q = input.value, mine = ++latest;
    var p = parse(q, rules);
    var r = resolve(p, cite.structure);
    if (!r.ok) {
      if (r.error === "empty" && !q) { out.textContent = ""; return; }
      error(r.error, p);
      return;
    }
    var ids = [];
    r.matches.forEach(function (m) { if (ids.indexOf(m.reg) < 0) ids.push(m.reg); });
    Promise.all(ids.map(Units.load)).then(function () {
      if (mine !== latest) return;
      out.textContent = "";
      out.setAttribute("data-matches", r.matches.map(function (m) { return m.reg + ":" + (m.eid || ""); }).join(" "));
      // no regulation named and only one has the provision: say so, rather than a silent choice
      if (!p.reg && r.matches.length === 1 && Object.keys(cite.structure).length > 1 && r.matches[0].article) {
        var m = r.matches[0], data = Units.get(m.reg), art = data.byEid[eidOf(m.article, null, null)];
        out.appendChild(el("p", { "class": "lex-resolve-only", "data-only": m.reg }, biMsg("js.resolver.only-one", {
          title_zh: data.title.zh, title_en: data.title.en, label_zh: art.labels.zh, label_en: art.labels.en })));
      }
      r.matches.forEach(function (m) { out.appendChild(hit(Units.get(m.reg), m)); });
    }, function () { if (mine === latest) error("unavailable", p); });   // a broken or partial copy
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); render(); });
  input.addEventListener("input", render);
  document.querySelectorAll(".lex-resolve-example").forEach(function (b) {
    b.addEventListener("click", function () { input.value = b.getAttribute("data-q"); render(); input.focus(); });
  });
  var params = new URLSearchParams(location.search), q = params.get("q") || params.get("cite");  // ?q= (docs/linking.md); ?cite= kept
  if (q) { input.value = q; render(); }
}

onPage(initResolver);
