"""Citing provisions: citation strings, the citation parsing rules, short links, /data/anchors.json,
the client-side resolver page, copy-citation data and JSON-LD on article pages. Pure, except that
`files()` reads nothing but the Site.

The parsing rules are DATA (RULES below: numerals, aliases, filler words, patterns) interpreted by
a few lines of code that exist twice, here (parse, resolve) and in docs/assets/cite.js
(LexCite.parse, LexCite.resolve). The browser gets RULES and the structure (item counts, no text) through
the generated assets/cite-rules.js, never a hand-copied version; tests/citation_cases.yaml is run against
both. The resolver page shows a provision from the core's data (assets/units/, one script per regulation:
the JSON export as the browser reads it, render/export.py), which it loads only for the regulation cited.

Every label, link and anchor comes from `Ref` (model/ref.py), which holds the one citation style:
    《江西省平安建设条例》第十五条第二款       Jiangxi Province Regulations on Ping'an-Building, Art. 15(2)
    《江西省平安建设条例》第十一条第二款第（三）项  ..., Art. 11(2)(3)
    《山西省平安建设条例》第七条第（三）项     ..., Art. 7, item 3      (an article of one paragraph)
The parser also accepts other common forms (roman item numbers, "para.", short links, URLs).
Short links: /{short}/{article}/[{paragraph}/[{item}/]] -> the article page and anchor.

Permanent URLs exist only when a public base URL is set (Site.permalink): without one, nothing carries
a URL of its own (no canonical link, no JSON-LD url, `permalink: null` in anchors.json) and the
copy-citation control cites the page it is on. HTML comes from render/templates/citations/.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from build_scripts.features.protocol import FeatureBase, Files
from build_scripts.model.messages import pair, text
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation, unit_eid
from build_scripts.model.urls import ARTICLE_URL_RE, FULL_TEXT_URL_RE, Urls, full_text_src
from build_scripts.render.context import Site
from build_scripts.render.export import json_file
from build_scripts.render.html import en_html, json_script, macro, render

RESOLVER_SRC = "resolve.md"
RULES_JS = "assets/cite-rules.js"   # the rules and structure, read by the resolver page and the diff page
RESOLVER_JS = "assets/resolver.js"  # the resolver page's own script (not bundled)
ANCHORS_JSON = "data/anchors.json"
SCHEMA_VERSION = 1

# ---------------------------------------------------------------------------------------------- rules
# Regular expressions are written in the common subset of Python `re` and JavaScript RegExp (no named
# groups, no flags; input is lower-cased and NFKC-normalised first, so （三） arrives as (三)).
_N_ZH = "[零〇一二两三四五六七八九十百0-9]+"
_N_ITEM = "[0-9]+|[ivx]+|[零〇一二两三四五六七八九十百]+"
RULES: dict[str, Any] = {
    "version": 1,
    # applied after NFKC and lower-casing
    "replace": {"’": "'", "‘": "'", "“": '"', "”": '"', "〔": "(", "〕": ")", "【": "(", "】": ")",
                # traditional forms of the characters of a citation (條 項 設 兩)
                "條": "条", "項": "项", "設": "设", "兩": "两"},
    "numerals": {
        "digits": {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9},
        "units": {"十": 10, "百": 100},
        "roman": {"i": 1, "v": 5, "x": 10},
    },
    # words around the regulation's name and the numbers that carry no information
    # (平安 after 平安建设: the short titles 赣平安条例, 晋平安条例, 江西省平安条例)
    "filler_zh": ["《", "》", "〈", "〉", "<", ">", '"', "'", "中华人民共和国", "平安建设", "平安", "条例", "省", "的"],
    "filler_latin": ["province", "provincial", "regulations", "regulation", "on", "ping'an", "pingan",
                     "construction", "the", "of", "see", "cf."],
    "trim": "^[\\s,;:.。，；：、/]+|[\\s,;:，；：、/]+$",
    "patterns": [
        {"name": "zh",
         "re": f"^第?({_N_ZH})条\\s*(?:第?({_N_ZH})款)?\\s*(?:第?\\(({_N_ITEM})\\)项?|第?({_N_ZH})项)?$",
         "groups": ["article", "paragraph", "item", "item"]},
        {"name": "en",
         "re": "^(?:art(?:icle)?s?\\.?\\s*|§\\s*)?([0-9]+)"
               "(?:\\s*\\(([0-9]+)\\)|\\s*,?\\s*(?:para(?:graph)?|¶)\\.?\\s*([0-9]+))?"
               "(?:\\s*\\((" + _N_ITEM + ")\\)|\\s*,?\\s*(?:item|point|pt)\\.?\\s*\\(?(" + _N_ITEM + ")\\)?)?$",
         "groups": ["article", "paragraph", "paragraph", "item", "item"]},
        {"name": "path",
         "re": "^/*([0-9]+)(?:[/.]([0-9]+))?(?:[/.]([0-9]+))?/*(?:index\\.html|\\.html)?$",
         "groups": ["article", "paragraph", "item"]},
        {"name": "url",
         "re": ARTICLE_URL_RE,
         "groups": ["article", "paragraph", "item"]},
        {"name": "full-text-url",
         "re": FULL_TEXT_URL_RE,
         "groups": ["article", "paragraph", "item"]},
    ],
    # the resolver's outcomes (and "unavailable": the page could not load the cited regulation's text)
    "messages": {k: {"zh": text(f"cite.error.{k}", "zh"), "en": text(f"cite.error.{k}", "en")}
                 for k in ("empty", "unparseable", "not_found", "ambiguous_item", "unavailable")},
}


def rx_escape(text: str) -> str:
    """Escape for a regular expression valid in both Python and JavaScript."""
    return re.sub(r"([.*+?^${}()|\[\]\\/-])", r"\\\1", text)


def normalise(text: str, rules: dict[str, Any] = RULES) -> str:
    out = unicodedata.normalize("NFKC", text).lower()
    for old, new in rules["replace"].items():
        out = out.replace(old, new)
    return out.strip()


def aliases(reg: Regulation) -> list[str]:
    """Names a reader may use for a regulation, derived from its metadata (normalised)."""
    m = reg.meta
    names = {m.title_zh, m.title_en, m.title_en_former, reg.id, m.short or reg.id,   # a former title still resolves
             *([m.abbreviation] if m.abbreviation else [])}
    for key in ("zh", "en"):
        name = (m.jurisdiction_name or {}).get(key)
        if name:
            names.add(name)
            names.add(re.sub(r"(省| province)$", "", name, flags=re.I))
    return sorted({normalise(n) for n in names if n}, key=lambda s: (-len(s), s))


def alias_pattern(alias: str) -> str:
    """Latin names must stand as words (jx, not the jx in 'ajx'); Chinese names match anywhere."""
    if re.search(r"[a-z0-9]", alias):
        return f"(?<![a-z]){rx_escape(alias)}(?![a-z])"
    return rx_escape(alias)


def client_rules(regs: tuple[Regulation, ...]) -> dict[str, Any]:
    """RULES plus the regulation aliases, exactly what the browser interprets."""
    rules = dict(RULES)
    rules["aliases"] = [[alias_pattern(a), r.id] for r in regs for a in aliases(r)]
    rules["aliases"].sort(key=lambda pair: -len(pair[0]))
    return rules


def to_number(token: str, rules: dict[str, Any] = RULES) -> int:
    """'15' -> 15, 'iii' -> 3, '十五' -> 15, '一百零三' -> 103 (lenient: '一十五' -> 15)."""
    if token.isdigit():
        return int(token)
    num = rules["numerals"]
    if all(c in num["roman"] for c in token):
        total = 0
        for i, c in enumerate(token):
            v = num["roman"][c]
            total += -v if i + 1 < len(token) and num["roman"][token[i + 1]] > v else v
        return total
    total, digit = 0, 0
    for c in token:
        if c in num["digits"]:
            digit = num["digits"][c]
        elif c in num["units"]:
            total += (digit or 1) * num["units"][c]
            digit = 0
        else:
            raise ValueError(f"not a number: {token!r}")
    return total + digit


def parse(text: str, rules: dict[str, Any]) -> dict[str, Any]:
    """A citation string -> {ok, reg, article, paragraph, item} or {ok: False, error}. rules: client_rules()."""
    s = normalise(text, rules)
    if not s:
        return {"ok": False, "error": "empty"}
    reg = None
    for pattern, reg_id in rules["aliases"]:
        m = re.search(pattern, s)
        if m:
            reg = reg_id
            s = s[:m.start()] + " " + s[m.end():]
            break
    zh = "|".join(rx_escape(w) for w in rules["filler_zh"])
    latin = "|".join(rx_escape(w) for w in rules["filler_latin"])
    s = re.sub(f"{zh}|(?<![a-z])(?:{latin})(?![a-z])", " ", s)
    s = re.sub(r"\s+", " ", s)
    s = re.sub(rules["trim"], "", s)
    if not s:
        return {"ok": True, "reg": reg, "article": None, "paragraph": None, "item": None} if reg else \
            {"ok": False, "error": "unparseable"}
    for pat in rules["patterns"]:
        m = re.search(pat["re"], s)
        if not m:
            continue
        out = {"ok": True, "reg": reg, "article": None, "paragraph": None, "item": None}
        for name, value in zip(pat["groups"], m.groups(), strict=True):
            if value is not None and out[name] is None:
                out[name] = to_number(value, rules)
        return out
    return {"ok": False, "error": "unparseable"}


def structure(regs: tuple[Regulation, ...]) -> dict[str, list[list[int]]]:
    """{reg_id: [[item count of each paragraph] for each article]}: all the resolver needs to know."""
    return {r.id: [[len(p.items) for p in a.paragraphs] for a in r.articles] for r in regs}


def resolve(cite: dict[str, Any], struct: dict[str, list[list[int]]]) -> dict[str, Any]:
    """A parsed citation -> {ok, matches: [{reg, article, paragraph, item, eid}]} or {ok: False, error}."""
    if not cite["ok"]:
        return cite
    matches, ambiguous = [], False
    for reg_id in ([cite["reg"]] if cite["reg"] else list(struct)):
        arts = struct[reg_id]
        art, para, item = cite["article"], cite["paragraph"], cite["item"]
        if art is None:
            matches.append({"reg": reg_id, "article": None, "paragraph": None, "item": None, "eid": None})
            continue
        if not 1 <= art <= len(arts):
            continue
        paras = arts[art - 1]
        if item is not None and para is None:
            with_items = [k for k, n in enumerate(paras, 1) if n]
            if len(with_items) > 1:
                ambiguous = True
                continue
            if not with_items:
                continue
            para = with_items[0]
        if para is not None and not 1 <= para <= len(paras):
            continue
        if item is not None and not 1 <= item <= paras[para - 1]:
            continue
        matches.append({"reg": reg_id, "article": art, "paragraph": para, "item": item,
                        "eid": unit_eid(art, para, item)})
    if matches:
        return {"ok": True, "matches": matches}
    return {"ok": False, "error": "ambiguous_item" if ambiguous else "not_found"}


TRAILING = " ,;:.。，；：、"
CITE_REACH = 24     # the longest citation after a regulation's name: 第一百二十三条第十二款第（十二）项


def find_citations(text: str, regs: tuple[Regulation, ...]) -> list[tuple[int, int, Ref]]:
    """The citations inside a text written by the edition (a topic note, a definition): (start, end, Ref)
    for each regulation name (an alias of `client_rules`) followed by a provision that `parse` reads and
    `resolve` finds, longest first. The parser is the one the resolver uses; nothing here reads numbers."""
    rules, struct = client_rules(regs), structure(regs)
    by_id = {r.id: r for r in regs}
    lower = text.lower()            # the aliases are lower-cased; str.lower keeps the length of this text
    out: list[tuple[int, int, Ref]] = []
    taken = 0
    starts = sorted({(m.start(), m.end()) for pattern, _ in rules["aliases"]
                     for m in re.finditer(pattern, lower)}, key=lambda se: (se[0], -se[1]))
    for start, name_end in starts:
        if start < taken:
            continue
        for end in range(min(len(text), name_end + CITE_REACH), name_end, -1):
            candidate = text[start:end].rstrip(TRAILING)
            if len(candidate) < end - start:
                continue            # the same citation is tried without its trailing punctuation
            cite = parse(candidate, rules)
            if not cite["ok"] or cite["article"] is None or cite["reg"] is None:
                continue
            found = resolve(cite, struct)
            if not found["ok"]:
                continue
            hit = found["matches"][0]
            out.append((start, end, Ref(by_id[hit["reg"]], hit["article"], hit["paragraph"], hit["item"])))
            taken = end
            break
    return out


def linked(site: Site, text: str, page_src: str) -> Markup:
    """A text written by the edition (a note, a definition), escaped, with each citation in it a link to its
    provision (find_citations, Ref.href); Chinese inside English text marked as Chinese (render.html.en_html)."""
    out, pos = [], 0
    for start, end, ref in find_citations(text, site.regs):
        out += [en_html(text[pos:start]), macro("cite_link")(ref.href(site.urls, page_src), en_html(text[start:end]))]
        pos = end
    out.append(en_html(text[pos:]))
    return Markup("").join(out)


# ------------------------------------------------------------------------------------- helpers
def page_file(urls: Urls, src: str) -> str:
    """Output file of a pseudo-page: jx/15.md -> jx/15/index.html (web) or jx/15.html (offline)."""
    url = urls.url(src)
    return url + "index.html" if url.endswith("/") or not url else url


def copy_text(cite: dict[str, Any], url: str | None) -> str:
    """What the copy-citation control puts on the clipboard (URL in angle brackets, RFC 3986 App. C);
    without a URL, the citation alone. docs/assets/cite.js builds the same text in the browser."""
    return f"{cite['zh']} / {cite['en']}" + (f" <{url}>" if url else "")


def reg_short_src(reg: Regulation) -> str:
    """The short link of a regulation as a whole: jx/index.md -> /jx/."""
    return f"{reg.meta.short or reg.id}/index.md"


def examples(site: Site) -> list[str]:
    """The resolver's examples: citations in the edition's one style (Ref.citation), then shorter forms
    the resolver also reads (short name and numbers, a short link, an article without its regulation)."""
    refs = [r for reg in site.regs for r in Ref.all(reg)]

    def first(test: Callable[[Ref], bool], default: Ref) -> Ref:
        return next((r for r in refs if test(r)), default)

    para = first(lambda r: r.kind == "paragraph" and len(r.art.paragraphs) > 1, refs[0])
    item = first(lambda r: r.kind == "item" and len(r.art.paragraphs) > 1, para)
    single = first(lambda r: r.kind == "item" and len(r.art.paragraphs) == 1, item)
    short = para.reg.meta.short or para.reg_id
    return [para.citation["zh"], item.citation["zh"], item.citation["en"], single.citation["en"],
            f"{short} {para.number_en}", "/" + para.short_path, para.article_ref.label_zh]


LEGAL_FORCE = "https://schema.org/InForce"


class Citations(FeatureBase):
    """Copy-citation, short links, the resolver, /data/anchors.json and JSON-LD."""
    name = "citations"
    css = ("assets/cite.css",)
    js = ("assets/cite.js",)  # cite-rules.js loads only on the pages that read citations typed by the reader

    # ------------------------------------------------------------------ feature hooks
    def files(self, made: Mapping[str, str | bytes]) -> Files:
        out: Files = {ANCHORS_JSON: json_file(self.anchors_json()),
               RULES_JS: self.rules_js(), RESOLVER_SRC: self.resolver_page()}
        out.update(self.short_links())
        return out

    def nav(self) -> list[Any]:
        return [{pair("cite.citation-resolver"): RESOLVER_SRC}]

    def article_block(self, ref: Ref, page_src: str) -> str:
        return render("citations/page_data.html.j2", units=self.cite_data(ref.reg, page_src, ref.article),
                      ld=self.json_ld(ref))

    def full_text_block(self, reg: Regulation, page_src: str) -> str:
        return render("citations/page_data.html.j2", units=self.cite_data(reg, page_src), ld=None)

    def post_build(self, site_dir: Path) -> None:
        """Without a public base URL there is no sitemap: MkDocs would list site-relative paths, which
        no crawler can use (its sitemap needs absolute URLs)."""
        if not self.site.site_url:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / name).unlink(missing_ok=True)

    # ------------------------------------------------------------------ anchors.json
    def anchors_json(self) -> dict[str, Any]:
        entries = []
        for reg in self.site.regs:
            for ref in Ref.all(reg):
                url = self.site.permalink(ref.path)
                entries.append({
                    "reg": reg.id, "eid": ref.eid, "kind": ref.kind, "article": ref.article,
                    "paragraph": ref.paragraph, "item": ref.item,
                    "url": "/" + ref.path, "permalink": url, "anchor": ref.anchor,
                    "short_url": "/" + ref.short_path, "full_text_url": "/" + ref.full_text_path,
                    "citation": {**ref.citation, "text": copy_text(ref.citation, url)},
                })
        return {"schema_version": SCHEMA_VERSION, "site_url": self.site.site_url, "units": entries}

    # ------------------------------------------------------------------ short links
    def short_links(self) -> dict[str, str]:
        urls, files = self.site.urls, {}
        for reg in self.site.regs:
            src = reg_short_src(reg)
            files[page_file(urls, src)] = render(
                "citations/redirect.html.j2", title=reg.meta.title_zh, zh=reg.meta.title_zh, en=reg.meta.title_en,
                href=urls.rel(src, full_text_src(reg.id)), canonical=self.site.permalink(f"{reg.id}/"))
            for ref in Ref.all(reg):
                files[page_file(urls, ref.short_src)] = render(
                    "citations/redirect.html.j2", title=ref.citation["zh"], zh=ref.citation["zh"],
                    en=ref.citation["en"], href=urls.rel(ref.short_src, ref.page_src, ref.anchor),
                    canonical=self.site.permalink(ref.path))
        return files

    # ------------------------------------------------------------------ resolver page
    def rules_js(self) -> str:
        """The rules, with the regulations' aliases, and the structure: what parse and resolve read."""
        regs = self.site.regs
        data = {"rules": client_rules(regs), "structure": structure(regs)}
        return ("/* Generated by build_scripts/features/citations.py from corpus/; do not edit. */\n"
                f"window.LEX_CITE_RULES = {json_script(data)};\n")

    def resolver_page(self) -> str:
        ex = examples(self.site)
        return render("citations/resolver.md.j2", examples=ex, placeholder=f"{ex[0]} · {ex[4]}",
                      linked=quote(ex[4], safe=""), rules_js=self.site.urls.rel(RESOLVER_SRC, RULES_JS),
                      script=self.site.urls.rel(RESOLVER_SRC, RESOLVER_JS))

    # ------------------------------------------------------------------ article pages
    def cite_data(self, reg: Regulation, page_src: str, article: int | None = None) -> dict[str, Any]:
        """The copy-citation data of one article (article pages) or of every unit (full-text pages):
        the citation, the link to the provision relative to this page (the browser makes it absolute
        from the page's own location) and the permanent URL when a public base is set."""
        units = {}
        for ref in Ref.all(reg) if article is None else Ref.of_article(reg, reg.article(article)):
            units[ref.eid] = {**ref.citation, "href": self.site.urls.rel(page_src, ref.page_src, ref.anchor),
                              "url": self.site.permalink(ref.path)}
        return units

    def json_ld(self, ref: Ref) -> dict[str, Any]:
        """schema.org Legislation of an article. Its status is stated as at the version date the corpus
        records (legislationDateVersion, the date the text took effect), never as at the day of the build;
        the url and @id only when a public base URL is set."""
        site, reg, m = self.site, ref.reg, ref.reg.meta
        whole = {"@type": "Legislation", "name": m.title_zh, "alternateName": m.title_en,
                 "url": site.permalink(f"{reg.id}/"), "legislationType": "地方性法规 / local regulation",
                 "inLanguage": "zh-Hans"}
        if m.short:
            whole["legislationIdentifier"] = m.short
        out = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "@id": site.permalink(ref.path),
            "name": f"{m.title_zh} {ref.label_zh}",
            "alternateName": ref.citation["en"],
            "url": site.permalink(ref.path),
            "inLanguage": "zh-Hans",
            "isPartOf": {k: v for k, v in whole.items() if v is not None},
        }
        if m.jurisdiction:
            out["jurisdiction"] = {"@type": "AdministrativeArea", "identifier": m.jurisdiction,
                                   "name": (m.jurisdiction_name or {}).get("zh") or m.jurisdiction}
            out["legislationJurisdiction"] = out["jurisdiction"]
        if m.adopted:
            out["legislationDate"] = m.adopted
        if m.effective:
            out["legislationDateVersion"] = m.effective
            out["legislationLegalForce"] = LEGAL_FORCE    # as at legislationDateVersion
        if site.glosses[reg.id].exists:
            out["workTranslation"] = {"@type": "CreativeWork", "inLanguage": "en",
                                      "name": f"{ref.citation['en']} (unofficial English gloss)"}
        return {k: v for k, v in out.items() if v is not None}
