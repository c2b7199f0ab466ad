"""Citing provisions: citation strings, the citation parsing rules, short links, /data/anchors.json,
the client-side resolver page, copy-citation data and JSON-LD on article pages. Pure, except that
`files()` reads nothing but the Site.

The parsing rules are DATA (RULES below: numerals, aliases, filler words, patterns) interpreted by
a few lines of code that exist twice, here (parse, resolve) and in docs/assets/cite.js
(LexCite.parse, LexCite.resolve). The browser gets RULES through the generated
assets/cite-data.js, never a hand-copied version; tests/citation_cases.yaml is run against both.

Citation forms produced (and accepted):
    《江西省平安建设条例》第十五条第二款       Jiangxi Province Regulations on Ping'an Construction, art. 15(2)
    《江西省平安建设条例》第十一条第二款第（三）项  ..., art. 11(2)(3)
    《山西省平安建设条例》第七条第（三）项     ..., art. 7, item 3      (an article of one paragraph)
Short links: /<short>/<article>/[<paragraph>/[<item>/]] -> the article page and anchor.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import unicodedata
from dataclasses import dataclass

from build_scripts.features.protocol import FeatureBase
from build_scripts.model.regulation import Article, Regulation, item_eid, para_anchor, para_eid, provision_label, unit_eid
from build_scripts.render.pages import bi, esc, front_matter
from build_scripts.model.urls import Urls, article_src, full_text_src

RESOLVER_SRC = "resolve.md"
DATA_JS = "assets/cite-data.js"
ANCHORS_JSON = "data/anchors.json"
SCHEMA_VERSION = 1

# ---------------------------------------------------------------------------------------------- rules
# Regular expressions are written in the common subset of Python `re` and JavaScript RegExp (no named
# groups, no flags; input is lower-cased and NFKC-normalised first, so （三） arrives as (三)).
_N_ZH = "[零〇一二两三四五六七八九十百0-9]+"
_N_ITEM = "[0-9]+|[ivx]+|[零〇一二两三四五六七八九十百]+"
RULES: dict = {
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
    "filler_zh": ["《", "》", "〈", "〉", "<", ">", '"', "'", "中华人民共和国", "平安建设", "条例", "省", "的"],
    "filler_latin": ["province", "provincial", "regulations", "regulation", "on", "ping'an", "pingan",
                     "construction", "the", "of", "see", "cf."],
    "trim": "^[\\s,;:.。，；：、/]+|[\\s,;:，；：、/]+$",
    "patterns": [
        {"name": "zh",
         "re": f"^第({_N_ZH})条\\s*(?:第({_N_ZH})款)?\\s*(?:第?\\(({_N_ITEM})\\)项?|第({_N_ZH})项)?$",
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
         "re": "art-([0-9]+)(?:/|\\.html)?(?:index\\.html)?(?:#para-([0-9]+)(?:-item-([0-9]+))?)?$",
         "groups": ["article", "paragraph", "item"]},
        {"name": "full-text-url",
         "re": "#art-([0-9]+)(?:-para-([0-9]+)(?:-item-([0-9]+))?)?$",
         "groups": ["article", "paragraph", "item"]},
    ],
    "messages": {
        "empty": {"zh": "请输入引用，例如“江西条例第十五条第二款”。",
                  "en": "Type a citation, e.g. “Jiangxi art. 15(2)”."},
        "unparseable": {"zh": "无法识别此引用。请写明条、款、项，例如“第十五条第二款”或“jx 15(2)”。",
                        "en": "This citation could not be read. Give the article, paragraph and item, "
                              "e.g. “art. 15(2)” or “jx 15(2)”."},
        "not_found": {"zh": "本版所收法规中没有这一条文。",
                      "en": "No such provision in the regulations of this edition."},
        "ambiguous_item": {"zh": "该条有多款含项，请写明第几款。",
                           "en": "Several paragraphs of this article have items: give the paragraph."},
    },
}


def rx_escape(text: str) -> str:
    """Escape for a regular expression valid in both Python and JavaScript."""
    return re.sub(r"([.*+?^${}()|\[\]\\/-])", r"\\\1", text)


def normalise(text: str, rules: dict = RULES) -> str:
    out = unicodedata.normalize("NFKC", text).lower()
    for old, new in rules["replace"].items():
        out = out.replace(old, new)
    return out.strip()


def aliases(reg: Regulation) -> list[str]:
    """Names a reader may use for a regulation, derived from its metadata (normalised)."""
    m = reg.meta
    names = {m.title_zh, m.title_en, reg.id, m.short or reg.id}
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


def client_rules(regs: tuple[Regulation, ...]) -> dict:
    """RULES plus the regulation aliases, exactly what the browser interprets."""
    rules = dict(RULES)
    rules["aliases"] = [[alias_pattern(a), r.id] for r in regs for a in aliases(r)]
    rules["aliases"].sort(key=lambda pair: -len(pair[0]))
    return rules


def to_number(token: str, rules: dict = RULES) -> int:
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


def parse(text: str, rules: dict) -> dict:
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
        for name, value in zip(pat["groups"], m.groups()):
            if value is not None and out[name] is None:
                out[name] = to_number(value, rules)
        return out
    return {"ok": False, "error": "unparseable"}


def structure(regs: tuple[Regulation, ...]) -> dict[str, list[list[int]]]:
    """{reg_id: [[item count of each paragraph] for each article]}: all the resolver needs to know."""
    return {r.id: [[len(p.items) for p in a.paragraphs] for a in r.articles] for r in regs}


def resolve(cite: dict, struct: dict[str, list[list[int]]]) -> dict:
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


# ------------------------------------------------------------------------------------- citations
def citation(reg: Regulation, art: Article, paragraph: int | None = None, item: int | None = None) -> dict:
    """{zh, en} citation of an article, paragraph or item (model.provision_label with the title)."""
    zh, en = provision_label(art, paragraph, item)
    return {"zh": f"《{reg.meta.title_zh}》{zh}", "en": f"{reg.meta.title_en}, art. {en}"}


def short_src(reg: Regulation, article: int | None = None, paragraph: int | None = None,
              item: int | None = None) -> str:
    parts = [str(n) for n in (article, paragraph, item) if n is not None]
    return "/".join([reg.meta.short or reg.id, *parts]) + ("" if parts else "/index") + ".md"


def page_file(urls: Urls, src: str) -> str:
    """Output file of a pseudo-page: jx/15.md -> jx/15/index.html (web) or jx/15.html (offline)."""
    url = urls.url(src)
    return url + "index.html" if url.endswith("/") or not url else url


@dataclass(frozen=True)
class Unit:
    """A citable unit: an article, a paragraph or an item."""
    reg: Regulation
    art: Article
    paragraph: int | None
    item: int | None

    @property
    def kind(self) -> str:
        return "article" if self.paragraph is None else ("paragraph" if self.item is None else "item")

    @property
    def eid(self) -> str:
        return unit_eid(self.art.number, self.paragraph, self.item)

    @property
    def anchor(self) -> str | None:
        return None if self.paragraph is None else para_anchor(self.paragraph, self.item)

    @property
    def path(self) -> str:
        """Permanent site-relative URL (directory form, the public one): jiangxi/art-15/#para-2."""
        return f"{self.reg.id}/art-{self.art.number}/" + (f"#{self.anchor}" if self.anchor else "")

    @property
    def short(self) -> str:
        return short_src(self.reg, self.art.number, self.paragraph, self.item)[:-3] + "/"

    def citation(self) -> dict:
        return citation(self.reg, self.art, self.paragraph, self.item)


def citable_units(reg: Regulation) -> list[Unit]:
    out = []
    for art in reg.articles:
        out.append(Unit(reg, art, None, None))
        for p in art.paragraphs:
            out.append(Unit(reg, art, p.number, None))
            out.extend(Unit(reg, art, p.number, i.number) for i in p.items)
    return out


def permalink(site_url: str | None, path: str) -> str:
    base = site_url or "/"
    return base + ("" if base.endswith("/") else "/") + path


def copy_text(cite: dict, url: str) -> str:
    """What the copy-citation control puts on the clipboard (URL in angle brackets, RFC 3986 App. C)."""
    return f"{cite['zh']} / {cite['en']} <{url}>"


def anchors_json(site) -> dict:
    entries = []
    for reg in site.regs:
        for u in citable_units(reg):
            cite = u.citation()
            url = permalink(site.site_url, u.path)
            entries.append({
                "reg": reg.id, "eid": u.eid, "kind": u.kind, "article": u.art.number,
                "paragraph": u.paragraph, "item": u.item,
                "url": "/" + u.path, "permalink": url, "anchor": u.anchor,
                "short_url": "/" + u.short,
                "full_text_url": f"/{reg.id}/#art-{u.art.number}" + (f"-{u.anchor}" if u.anchor else ""),
                "citation": {**cite, "text": copy_text(cite, url)},
            })
    return {"schema_version": SCHEMA_VERSION, "site_url": site.site_url, "units": entries}


# ------------------------------------------------------------------------------------ short links
def attr(text: str) -> str:
    """HTML escape for the standalone redirect pages (never read as Markdown)."""
    return html.escape(text, quote=True)


def redirect_page(title: str, href: str, canonical: str, label_html: str) -> str:
    return ("<!doctype html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{attr(title)}</title>\n"
            f'<meta http-equiv="refresh" content="0; url={attr(href)}">\n'
            f'<link rel="canonical" href="{attr(canonical)}">\n'
            '<meta name="robots" content="noindex">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "</head>\n<body>\n"
            f'<p>{bi("正在跳转至", "Redirecting to")}: <a href="{attr(href)}">{label_html}</a></p>\n'
            "</body>\n</html>\n")


def short_links(site) -> dict[str, str]:
    files = {}
    for reg in site.regs:
        src = short_src(reg)
        files[page_file(site.urls, src)] = redirect_page(
            reg.meta.title_zh, site.urls.rel(src, full_text_src(reg.id)),
            permalink(site.site_url, f"{reg.id}/"), bi(reg.meta.title_zh, reg.meta.title_en))
        for u in citable_units(reg):
            src = short_src(reg, u.art.number, u.paragraph, u.item)
            cite = u.citation()
            files[page_file(site.urls, src)] = redirect_page(
                cite["zh"], site.urls.rel(src, article_src(reg.id, u.art.number), u.anchor),
                permalink(site.site_url, u.path), bi(cite["zh"], cite["en"]))
    return files


# ---------------------------------------------------------------------------------- resolver page
def resolver_data(site) -> dict:
    """Everything the resolver page shows: rules, and per article its citations, texts and link."""
    regs = {}
    for reg in site.regs:
        gloss = site.glosses[reg.id]
        arts = []
        for art in reg.articles:
            paras = []
            for p in art.paragraphs:
                items = [{"label": i.label, "zh": i.text,
                          "en": gloss.unit(item_eid(art.number, p.number, i.number)),
                          "cite": citation(reg, art, p.number, i.number)} for i in p.items]
                paras.append({"zh": p.text, "en": gloss.unit(para_eid(art.number, p.number)),
                              "cite": citation(reg, art, p.number), "items": items})
            arts.append({"label": art.label, "cite": citation(reg, art), "paras": paras,
                         "href": site.urls.rel(RESOLVER_SRC, article_src(reg.id, art.number)),
                         "short": f"/{reg.meta.short or reg.id}/{art.number}/"})
        regs[reg.id] = {"title": {"zh": reg.meta.title_zh, "en": reg.meta.title_en},
                        "short": reg.meta.short or reg.id,
                        "href": site.urls.rel(RESOLVER_SRC, full_text_src(reg.id)), "articles": arts}
    return {"rules": client_rules(site.regs), "regs": regs}


def data_js(site) -> str:
    payload = json.dumps(resolver_data(site), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return ("/* Generated by build_scripts/features/citations.py from corpus/; do not edit. */\n"
            f"window.LEX_CITE_DATA = {payload};\n")


EXAMPLES = ["江西条例第十五条第二款", "江西省平安建设条例第十一条第二款第（三）项", "第十五条", "jx 15(2)",
            "Jiangxi art. 11(2)(iii)", "Shanxi Art. 7 item 3", "/sx/15/", "山西省平安建设条例第九十九条"]


def resolver_page(site) -> str:
    examples = "".join(f'<li><button type="button" class="lex-resolve-example" data-q="{esc(e)}">'
                       f"<code>{esc(e)}</code></button></li>" for e in EXAMPLES)
    return "\n".join([
        front_matter(title="引用解析 · Citation resolver", search={"exclude": True}),
        "<!-- Generated by build_scripts/features/citations.py; do not edit. -->",
        "",
        f'# {bi("引用解析", "Citation resolver")} {{: #resolver }}',
        "",
        f'<p>{bi("粘贴或输入一条引用，即可查看条文并获得链接。在本机离线副本中同样可用。", "Paste or type a citation to see the provision and get its link. Works in the offline copy too.")}</p>',
        "",
        '<form class="lex-resolve" id="lex-resolve" role="search" autocomplete="off">'
        f'<label for="lex-resolve-q">{bi("引用", "Citation")}</label> '
        '<input type="text" id="lex-resolve-q" name="cite" size="40" spellcheck="false" '
        'placeholder="江西条例第十五条第二款 · jx 15(2)"> '
        f'<button type="submit">{bi("解析", "Resolve")}</button></form>',
        "",
        '<div id="lex-resolve-out" class="lex-resolve-out" aria-live="polite"></div>',
        "",
        f'<p>{bi("示例", "Examples")}:</p>',
        f'<ul class="lex-resolve-examples">{examples}</ul>',
        "",
        f'<p>{bi("可用网址直接解析：", "A resolution can be linked: ")}<code>resolve/?cite=jx%2015(2)</code></p>',
        "",
        f'<noscript><p>{bi("解析器需要 JavaScript。", "The resolver needs JavaScript.")}</p></noscript>',
        f'<script src="{site.urls.rel(RESOLVER_SRC, DATA_JS)}"></script>',
        "",
    ])


# --------------------------------------------------------------------------- article-page extras
LEGAL_FORCE = "https://schema.org/InForce"


def json_ld(site, reg: Regulation, art: Article, today: dt.date) -> dict:
    m = reg.meta
    in_force = m.effective is not None and dt.date.fromisoformat(m.effective) <= today
    whole = {"@type": "Legislation", "name": m.title_zh, "alternateName": m.title_en,
             "url": permalink(site.site_url, f"{reg.id}/"), "legislationType": "地方性法规 / local regulation",
             "inLanguage": "zh-Hans"}
    if m.short:
        whole["legislationIdentifier"] = m.short
    out = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": permalink(site.site_url, f"{reg.id}/art-{art.number}/"),
        "name": f"{m.title_zh} {art.label}",
        "alternateName": f"{m.title_en}, Article {art.number}",
        "url": permalink(site.site_url, f"{reg.id}/art-{art.number}/"),
        "inLanguage": "zh-Hans",
        "isPartOf": whole,
        "legislationLegalForce": LEGAL_FORCE if in_force else "https://schema.org/NotInForce",
    }
    if m.jurisdiction:
        out["jurisdiction"] = {"@type": "AdministrativeArea", "identifier": m.jurisdiction,
                               "name": (m.jurisdiction_name or {}).get("zh") or m.jurisdiction}
        out["legislationJurisdiction"] = out["jurisdiction"]
    if m.adopted:
        out["legislationDate"] = m.adopted
    if m.effective:
        out["legislationDateVersion"] = m.effective
    if site.glosses[reg.id].exists:
        out["workTranslation"] = {"@type": "CreativeWork", "inLanguage": "en",
                                  "name": f"{m.title_en}, Article {art.number} (unofficial English gloss)"}
    return out


def build_date() -> dt.date:
    """The date the in-force status is judged at: SOURCE_DATE_EPOCH (set by the CLI: the last commit's
    time) so that the same commit builds the same bytes; today when built without it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()


def cite_data(site, reg: Regulation, article: int | None = None) -> str:
    """The copy-citation data of one article (article pages) or of every unit (full-text pages)."""
    units = {}
    for u in citable_units(reg):
        if article is None or u.art.number == article:
            cite, url = u.citation(), permalink(site.site_url, u.path)
            units[u.eid] = {**cite, "url": url, "text": copy_text(cite, url)}
    cite_json = json.dumps(units, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" class="lex-cite-data">{cite_json}</script>'


def article_extras(site, reg: Regulation, art: Article, page_src: str) -> str:
    ld = json.dumps(json_ld(site, reg, art, build_date()), ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'{cite_data(site, reg, art.number)}\n<script type="application/ld+json">\n{ld}\n</script>'


def full_text_extras(site, reg: Regulation, page_src: str) -> str:
    return cite_data(site, reg)


# -------------------------------------------------------------------------------- contributor hooks
def files(site) -> dict[str, str]:
    out = {ANCHORS_JSON: json.dumps(anchors_json(site), ensure_ascii=False, indent=1) + "\n",
           DATA_JS: data_js(site), RESOLVER_SRC: resolver_page(site)}
    out.update(short_links(site))
    return out


def nav(site) -> list:
    return [{"引用解析 Citation resolver": RESOLVER_SRC}]


class Citations(FeatureBase):
    """Copy-citation, short links, the resolver, /data/anchors.json and JSON-LD."""
    name = "citations"
    css = ("assets/cite.css",)
    js = (DATA_JS, "assets/cite.js")

    def files(self, made) -> dict[str, str]:
        return files(self.site)

    def nav(self) -> list:
        return nav(self.site)

    def article_block(self, ref, page_src: str) -> str:
        return article_extras(self.site, ref.reg, ref.art, page_src)

    def full_text_block(self, reg, page_src: str) -> str:
        return full_text_extras(self.site, reg, page_src)
