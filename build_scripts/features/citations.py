"""Citing provisions: citation strings, the citation parsing rules, short links, /data/anchors.json,
the client-side resolver page, copy-citation data and JSON-LD on article pages. Pure, except that
`files()` reads nothing but the Site.

The parsing rules are DATA (RULES below: numerals, aliases, filler words, patterns) interpreted by
a few lines of code that exist twice, in model/citeparse.py (parse, resolve, find) and in browser/cite/parse.js
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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from build_scripts.features.protocol import FeatureBase, Files
from build_scripts.model import citeparse
from build_scripts.model.citeparse import parse as parse  # re-exported: the interpreter of the rules
from build_scripts.model.citeparse import resolve as resolve
from build_scripts.model.citeparse import rx_escape
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
LINK_JS = "assets/link.js"           # the drop-in script other pages include (docs/linking.md): a public URL
ANCHORS_JSON = "data/anchors.json"
RULES_JSON = "data/cite-rules.json"  # the same rules and structure as JSON, for tools outside the browser
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


def normalise(text: str, rules: dict[str, Any] = RULES) -> str:
    return citeparse.normalise(text, rules)


def to_number(token: str, rules: dict[str, Any] = RULES) -> int:
    return citeparse.to_number(token, rules)


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


def structure(regs: tuple[Regulation, ...]) -> dict[str, list[list[int]]]:
    """{reg_id: [[item count of each paragraph] for each article]}: all the resolver needs to know."""
    return {r.id: [[len(p.items) for p in a.paragraphs] for a in r.articles] for r in regs}


def find_citations(text: str, regs: tuple[Regulation, ...]) -> list[tuple[int, int, Ref]]:
    """The citations inside a text written by the edition (a topic note, a definition): (start, end, Ref)
    for each regulation name (an alias of `client_rules`) followed by a provision that `parse` reads and
    `resolve` finds, longest first. The parser is the one the resolver uses; nothing here reads numbers."""
    by_id, rules, struct = _finder(regs)
    return [(start, end, Ref(by_id[hit["reg"]], hit["article"], hit["paragraph"], hit["item"]))
            for start, end, hit in citeparse.find(text, rules, struct)]


_FINDER: list[tuple[tuple[Regulation, ...], tuple[dict[str, Regulation], dict[str, Any], dict[str, Any]]]] = []


def _finder(regs: tuple[Regulation, ...]) -> tuple[dict[str, Regulation], dict[str, Any], dict[str, Any]]:
    """The regulations by id, the rules and the structure of a build's regulations, made once for all the texts
    of the build (a glossary page has hundreds; the rules are one value, so citeparse compiles them once)."""
    if not _FINDER or _FINDER[0][0] is not regs:
        _FINDER[:] = [(regs, ({r.id: r for r in regs}, client_rules(regs), structure(regs)))]
    return _FINDER[0][1]


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
    without a URL, the citation alone. browser/cite/copy.js builds the same text in the browser."""
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


EMBED_URL = "PINGAN-EMBED-URL"       # a snippet's link without a public base URL: embed.js puts the page's address


def embed_snippets(site: Site, ref: Ref, url: str) -> dict[str, str]:
    """The embeddable provision (citations/embed.html.j2) in Chinese, and, when every part of it has an English
    gloss, in English and in both: {zh[, en, both]}."""
    g = site.glosses[ref.reg_id]
    zh: list[str] = []
    en: list[str | None] = []
    for p in ref.art.paragraphs:
        if ref.paragraph not in (None, p.number):
            continue
        if ref.item is None and p.text:
            zh.append(p.text)
            en.append(g.unit(unit_eid(ref.article, p.number)))
        for i in p.items:
            if ref.item in (None, i.number):
                zh.append(i.label + i.text)
                text = g.unit(unit_eid(ref.article, p.number, i.number))
                en.append(f"({i.number}) {text}" if text else None)
    variants: dict[str, list[tuple[str, list[str]]]] = {"zh": [("zh", zh)]}
    if en and all(en):
        english = [t for t in en if t]
        variants.update(en=[("en", english)], both=[("zh", zh), ("en", english)])
    return {key: render("citations/embed.html.j2", parts=parts, url=url, citation=ref.citation,
                        gloss_note=key != "zh")
            for key, parts in variants.items()}


LEGAL_FORCE = "https://schema.org/InForce"


class Citations(FeatureBase):
    """Copy-citation, short links, the resolver, /data/anchors.json and JSON-LD."""
    name = "citations"
    css = ("assets/cite.css", "assets/embed.css")
    # cite-rules.js loads only on the pages that read citations typed by the reader; embed/ shares cite/'s copy
    js = ("cite/index.js", "embed/index.js")
    scripts = {RESOLVER_JS: ("resolver/index.js",), LINK_JS: ("link/index.js",)}

    # ------------------------------------------------------------------ feature hooks
    def files(self, made: Mapping[str, str | bytes]) -> Files:
        out: Files = {ANCHORS_JSON: json_file(self.anchors_json()), RULES_JSON: json_file(self.rules_json()),
               RULES_JS: self.rules_js(), RESOLVER_SRC: self.resolver_page()}
        out.update(self.short_links())
        return out

    def nav(self) -> list[Any]:
        return [{pair("cite.citation-resolver"): RESOLVER_SRC}]

    def script_data(self) -> dict[str, Any]:
        """The rules and structure the drop-in script (browser/link/) finds citations with: its bundle carries
        them, so a page that includes it loads nothing else until a citation is found."""
        regs = self.site.regs
        return {"cite-rules": {"rules": client_rules(regs), "structure": structure(regs)}}

    def article_block(self, ref: Ref, page_src: str) -> str:
        return render("citations/page_data.html.j2", units=self.cite_data(ref.reg, page_src, ref.article, embed=True),
                      ld=self.json_ld(ref), placeholder=EMBED_URL)

    def full_text_block(self, reg: Regulation, page_src: str) -> str:
        return render("citations/page_data.html.j2", units=self.cite_data(reg, page_src), ld=None, placeholder=None)

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
    def rules_json(self) -> dict[str, Any]:
        """data/cite-rules.json: what model/citeparse.py interprets (the Markdown extension reads it from a
        built site, with anchors.json for the links), the same values as rules_js."""
        regs = self.site.regs
        return {"schema_version": SCHEMA_VERSION, "rules": client_rules(regs), "structure": structure(regs)}

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
    def cite_data(self, reg: Regulation, page_src: str, article: int | None = None,
                  embed: bool = False) -> dict[str, Any]:
        """The copy-citation data of one article (article pages) or of every unit (full-text pages):
        the citation, the link to the provision relative to this page (the browser makes it absolute
        from the page's own location) and the permanent URL when a public base is set; with `embed` (article
        pages), the embeddable snippets of each unit (embed_snippets; EMBED_URL stands for the address
        when there is no permanent URL)."""
        units = {}
        for ref in Ref.all(reg) if article is None else Ref.of_article(reg, reg.article(article)):
            url = self.site.permalink(ref.path)
            entry: dict[str, Any] = {**ref.citation, "href": self.site.urls.rel(page_src, ref.page_src, ref.anchor),
                                     "url": url}
            if embed:
                entry["embed"] = embed_snippets(self.site, ref, url or EMBED_URL)
            units[ref.eid] = entry
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
