"""Contributor: glossary tooltips, defined terms and cross-reference links in the legal text, the
"Referred to by" block of article pages, the glossary page (glossary/index.md) and /data/glossary.json.

The marks of a unit are computed once per regulation on the structured data (marks()), then
rendered for a given page (render_unit()), because relative links depend on the page. Marks never
nest or overlap: references are laid first, glossary terms (longest match first) fill the rest.
Only the marks are markup; the legal text between and inside them is the unit's text, escaped.

    <abbr class="lex-term" data-term=ID tabindex="0" title="...">term</abbr>     glossary term
    <a class="lex-term lex-defined" data-term=ID href=... title="...">term</a>  use of a defined term
    <dfn class="lex-term lex-dfn" data-term=ID tabindex="0" title="...">term</dfn>  where it is defined
    <a class="lex-xref" data-ref-kind=KIND href=... title="...">前款</a>        cross-reference

Titles become Material tooltips (content.tooltips) on hover and on keyboard focus.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field

from build_scripts.features.protocol import FeatureBase
from build_scripts.enrich.glossary import CATEGORIES, Definition, Match, Term, find_definitions, find_terms, forms_map, \
    load_glossary, to_traditional
from build_scripts.model.regulation import Regulation, full_text_anchor, para_anchor, parse_eid, units
from build_scripts.model.numerals import from_int
from build_scripts.render.pages import bi, en_html, esc, front_matter
from build_scripts.enrich.references import Reference, incoming, resolve
from build_scripts.model.urls import article_src, full_text_src

GLOSSARY_SRC = "glossary/index.md"
GLOSSARY_JSON = "data/glossary.json"
SCHEMA_VERSION = 1
# ------------------------------------------------------------------ labels of units

def unit_label(eid: str) -> tuple[str, str]:
    """art_58__para_1__point_3 -> ('第五十八条第一款第（三）项', 'Article 58(1)(3)')."""
    a, p, i = parse_eid(eid)
    zh = f"第{from_int(a)}条" + (f"第{from_int(p)}款" if p else "") + (f"第（{from_int(i)}）项" if i else "")
    en = f"Article {a}" + (f"({p})" if p else "") + (f"({i})" if i else "")
    return zh, en


def unit_href(urls, page_src: str, reg_id: str, eid: str) -> str:
    """Link to a unit: inside the full-text page when on it, else to the article page."""
    a, p, i = parse_eid(eid)
    if page_src == full_text_src(reg_id):
        return urls.rel(page_src, full_text_src(reg_id), full_text_anchor(a, p, i))
    return urls.rel(page_src, article_src(reg_id, a), para_anchor(p, i) if p else None)


# ------------------------------------------------------------------ marks (page independent)

@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str                       # term | defined | dfn | xref
    term: Term | None = None
    form: str = ""
    definition: Definition | None = None
    ref: Reference | None = None


@dataclass
class RegIndex:
    reg: Regulation
    refs: dict[str, tuple[Reference, ...]]
    definitions: tuple[Definition, ...]
    matches: dict[str, list[Match]]             # every term occurrence per unit (for the concordance)
    marks: dict[str, list[Mark]]                # what is rendered per unit
    incoming: dict[int, list[Reference]] = field(default_factory=dict)

    def concordance(self, term_id: str) -> Counter:
        """Article number -> occurrences of the term in that article."""
        c: Counter = Counter()
        for eid, ms in self.matches.items():
            n = sum(1 for m in ms if m.key == term_id)
            if n:
                c[parse_eid(eid)[0]] += n
        return c


def index_regulation(reg: Regulation, terms: tuple[Term, ...]) -> RegIndex:
    by_id = {t.id: t for t in terms}
    forms = forms_map(terms)
    definitions = find_definitions(reg)
    defined = {d.term: d for d in definitions}
    for d in definitions:               # a defined term that is no glossary form is still marked
        forms.setdefault(d.term, f"defined:{d.term}")
    refs = resolve(reg)
    matches: dict[str, list[Match]] = {}
    marks: dict[str, list[Mark]] = {}
    for order, u in enumerate(units(reg.articles)):
        found = find_terms(u.zh, forms)
        matches[u.eid] = [m for m in found if not m.key.startswith("defined:")]
        unit_marks = [Mark(r.start, r.end, "xref", ref=r) for r in refs[u.eid]]
        covered = set()
        for r in refs[u.eid]:
            covered.update(range(r.start, r.end))
        for m in found:
            if covered.intersection(range(m.start, m.end)):
                continue                # inside a reference: the link's title names the term
            term = by_id.get(m.key)
            d = defined.get(m.form)
            kind = "term"
            if d is not None:
                if u.eid == d.eid and m.start == d.start:
                    kind = "dfn"
                elif u.eid != d.eid and (d.scope == "regulation" or order > d.order):
                    kind = "defined"
            if term is None and kind == "term":
                continue                # a defined-only form outside its scope: plain text
            unit_marks.append(Mark(m.start, m.end, kind, term, m.form, d if kind != "term" else None))
        marks[u.eid] = sorted(unit_marks, key=lambda k: k.start)
    return RegIndex(reg, refs, definitions, matches, marks, incoming(refs))


# ------------------------------------------------------------------ rendering

def term_title(term: Term | None, form: str, definition: Definition | None, kind: str) -> str:
    if term is not None:
        hant = term.zh_hant if form == term.zh else to_traditional(form)
        head = form + (f" · {hant}" if hant != form else "")
        if form != term.zh:
            head += f" = {term.zh}"
        text = f"{head} — {term.en}. {term.definition}"
    else:
        hant = to_traditional(form)
        text = form + (f" · {hant}" if hant != form else "")
    if definition is not None:
        zh, en = unit_label(definition.eid)
        if kind == "dfn":
            text += f" [本条例在此定义 / Defined here for these Regulations]"
        else:
            text += f" [定义见{zh} / Defined in {en} of these Regulations]"
    return text


def ref_title(reg: Regulation, r: Reference, term: Term | None) -> str:
    if r.kind == "external_law":
        return f"本版未收录此法律 / {r.text} is not included in this edition"
    if r.kind == "regulation":
        return f"本条例 · {reg.meta.title_zh} / these Regulations: {reg.meta.title_en}"
    if r.kind == "repealed_law":
        n = r.note
        text = (f"已废止 / Repealed: 《{n['law']}》 was repealed by {reg.article(n['article']).label} "
                f"(Article {n['article']}) of {reg.meta.title_zh}, with effect from {n['effective']} (同时废止).")
        if term is not None:
            text += f" {term.zh} — {term.en}."
        return text
    if r.kind == "list":
        if r.targets == (r.source,):
            return "下列 → 本款冒号后所列 / the list after the colon in this paragraph"
        first, last = unit_label(r.targets[0]), unit_label(r.targets[-1])
        return f"下列 → {first[0]}至第（{from_int(parse_eid(r.targets[-1])[2])}）项 / {first[1]} to {last[1]}"
    labels = [unit_label(t) for t in r.targets]
    return f"{'、'.join(z for z, _ in labels)} / {' and '.join(e for _, e in labels)}"


def render_unit(index: RegIndex, by_id: dict[str, Term], urls, eid: str, text: str, page_src: str) -> str:
    reg = index.reg
    out, pos = [], 0
    for mark in index.marks.get(eid, []):
        if mark.start < pos:
            raise AssertionError(f"{reg.id} {eid}: overlapping marks at {mark.start}")  # pragma: no cover
        out.append(html.escape(text[pos:mark.start]))
        inner = html.escape(text[mark.start:mark.end])
        if mark.kind == "xref":
            r = mark.ref
            if r.kind == "external_law":  # nothing to link to: a focusable mark with its tooltip
                out.append(f'<span class="lex-xref lex-external" data-ref-kind="{r.kind}" tabindex="0" '
                           f'title="{esc(ref_title(reg, r, None))}">{inner}</span>')
            else:
                href = (urls.rel(page_src, full_text_src(reg.id), "top") if r.kind == "regulation"
                        else unit_href(urls, page_src, reg.id, r.target))
                law_term = next((t for t in by_id.values() if r.kind == "repealed_law" and t.zh in r.text), None)
                out.append(f'<a class="lex-xref" data-ref-kind="{r.kind}" href="{href}" '
                           f'title="{esc(ref_title(reg, r, law_term))}">{inner}</a>')
        else:
            title = esc(term_title(mark.term, mark.form, mark.definition, mark.kind))
            data = f' data-term="{mark.term.id}"' if mark.term else ""
            if mark.kind == "defined":
                href = unit_href(urls, page_src, reg.id, mark.definition.eid)
                out.append(f'<a class="lex-term lex-defined"{data} href="{href}" title="{title}">{inner}</a>')
            elif mark.kind == "dfn":
                out.append(f'<dfn class="lex-term lex-dfn"{data} tabindex="0" title="{title}">{inner}</dfn>')
            else:
                out.append(f'<abbr class="lex-term"{data} tabindex="0" title="{title}">{inner}</abbr>')
        pos = mark.end
    out.append(html.escape(text[pos:]))
    return "".join(out)


# ------------------------------------------------------------------ state shared by the hooks

_STATE: dict[int, tuple] = {}


def state(site) -> tuple[tuple[Term, ...], dict[str, RegIndex]]:
    """Glossary and per-regulation indexes, computed once per Site object."""
    cached = _STATE.get(id(site))
    if cached is None or cached[0] is not site:
        terms = load_glossary(site.regs, site.corpus)
        cached = (site, terms, {r.id: index_regulation(r, terms) for r in site.regs})
        _STATE.clear()
        _STATE[id(site)] = cached
    return cached[1], cached[2]


# ------------------------------------------------------------------ contributor hooks

def annotator(site):
    terms, indexes = state(site)
    by_id = {t.id: t for t in terms}

    def annotate(reg_id: str, eid: str, text: str, page_src: str) -> str:
        return render_unit(indexes[reg_id], by_id, site.urls, eid, text, page_src)
    return annotate


def article_extras(site, reg, art, page_src: str) -> str:
    terms, indexes = state(site)
    index = indexes[reg.id]
    refs = sorted(index.incoming.get(art.number, []), key=lambda r: (parse_eid(r.source), r.start))
    parts = ['<section class="lex-refby" aria-labelledby="referred-to-by">',
             f'<h2 id="referred-to-by">{bi("被引用", "Referred to by")}</h2>']
    if refs:
        parts.append("<ul>")
        for r in refs:
            zh, en = unit_label(r.source)
            to_zh, to_en = unit_label(r.target)
            parts.append(f'<li><a href="{unit_href(site.urls, page_src, reg.id, r.source)}">'
                         f'<span lang="zh-Hans">{zh}</span> <span lang="en">{en}</span></a>: '
                         f'<q lang="zh-Hans">{esc(r.text)}</q> → <span lang="zh-Hans">{to_zh}</span> '
                         f'<span lang="en">{to_en}</span></li>')
        parts.append("</ul>")
    else:
        parts.append(f'<p class="lex-refby-none">{bi("本条例其他条款未引用本条。", "No other provision of these Regulations refers to this article.", " ")}</p>')
    by_id = {t.id: t for t in terms}
    here = [d for d in index.definitions if d.article == art.number]
    if here:
        items = []
        for d in here:
            term = next((t for t in terms if d.term in t.forms), None)
            users = sum(1 for eid, ms in index.marks.items() for m in ms
                        if m.kind == "defined" and m.definition == d)
            link = (f' — <a href="{site.urls.rel(page_src, GLOSSARY_SRC, term.id)}">{bi("术语表", "Glossary")}</a>'
                    if term and term.id in by_id else "")
            items.append(f'<li><dfn lang="zh-Hans">{esc(d.term)}</dfn>'
                         + (f' <span lang="en">({esc(term.en)})</span>' if term else "")
                         + f': {bi(f"本条例中{users}处链接至此", f"{users} uses in these Regulations link here", " ")}'
                         + f"{link}</li>")
        parts.append(f'<p>{bi("本条定义的术语", "Terms defined in this article")}:</p><ul>{"".join(items)}</ul>')
    parts.append("</section>")
    return "\n".join(parts)


def nav(site) -> list:
    return [{"术语表 Glossary": GLOSSARY_SRC}]


def glossary_data(site) -> dict:
    terms, indexes = state(site)
    defined_in = {}
    for index in indexes.values():
        for d in index.definitions:
            term = next((t for t in terms if d.term in t.forms), None)
            if term:
                defined_in.setdefault(term.id, []).append(d)
    out = []
    for t in sorted(terms, key=lambda t: t.sort_key):
        conc = {}
        for reg in site.regs:
            c = indexes[reg.id].concordance(t.id)
            conc[reg.id] = {"count": sum(c.values()),
                            "articles": [{"number": n, "count": c[n], "url": f"/{reg.id}/art-{n}/"} for n in sorted(c)]}
        out.append({
            "id": t.id, "zh": t.zh, "zh_hant": t.zh_hant, "pinyin": t.pinyin, "en": t.en,
            "en_variants": list(t.en_variants), "category": t.category,
            "category_name": dict(zip(("zh", "en"), CATEGORIES[t.category])),
            "variants": list(t.variants), "definition": t.definition, "url": f"/glossary/#{t.id}",
            "defined_in": [{"regulation": d.regulation, "eid": d.eid, "article": d.article, "term": d.term,
                            "kind": d.kind} for d in defined_in.get(t.id, [])],
            "concordance": conc,
        })
    return {"schema_version": SCHEMA_VERSION, "terms": out}


def glossary_page(site, data: dict) -> str:
    urls, src = site.urls, GLOSSARY_SRC
    regs = {r.id: r for r in site.regs}
    total = {rid: sum(t["concordance"][rid]["count"] for t in data["terms"]) for rid in regs}
    lines = [
        front_matter(title="术语表 · Glossary",
                     description="Glossary of the Shanxi and Jiangxi Regulations on Ping'an Construction, with a concordance"),
        "<!-- Generated by build_scripts/features/annotate.py from corpus/glossary.yaml and the texts; do not edit. -->",
        "",
        f"# {bi('术语表', 'Glossary')} {{: #glossary }}",
        "",
        f'<p lang="en">{len(data["terms"])} terms of art of these regulations, in pinyin order and by category. '
        "Each entry gives the simplified and traditional forms, pinyin, the English rendering used by the "
        "gloss, a definition written from the texts, the article where a regulation defines the term itself, "
        "and a concordance: every article that uses the term, with the number of occurrences in the Chinese "
        "text (longest match: <span lang=\"zh-Hans\">社会治安综合治理中心</span> counts for that term, not for "
        "<span lang=\"zh-Hans\">综合治理</span>). "
        f'Occurrences: {", ".join(f"{esc(regs[r].meta.title_en)} {n}" for r, n in total.items())}. '
        f'Also as data: <a href="{urls.rel(src, GLOSSARY_JSON)}">glossary.json</a>.</p>',
        "",
        f"## {bi('按类别', 'By category')} {{: #by-category }}",
        "",
    ]
    by_cat: dict[str, list] = {}
    for t in data["terms"]:
        by_cat.setdefault(t["category"], []).append(t)
    for cat, (zh, en) in CATEGORIES.items():
        entries = by_cat.get(cat, [])
        if not entries:
            continue
        lines += [f"### {bi(zh, en)} ({len(entries)}) {{: #category-{cat} }}", ""]
        lines.append('<ul class="lex-gl-cat">' + "".join(
            f'<li><a href="#{t["id"]}"><span lang="zh-Hans">{esc(t["zh"])}</span></a> '
            f'<span lang="en">{esc(t["en"])}</span></li>' for t in entries) + "</ul>")
        lines.append("")
    lines += [f"## {bi('按拼音排序', 'By pinyin')} {{: #by-pinyin }}", ""]
    letters: dict[str, list] = {}
    for t in data["terms"]:
        letters.setdefault(sorted_letter(t["pinyin"]), []).append(t)
    lines += ['<p class="lex-gl-letters">' + " ".join(f'<a href="#letter-{k.lower()}">{k}</a>' for k in letters)
              + "</p>", ""]
    for letter, entries in letters.items():
        lines += [f"### {letter} {{: #letter-{letter.lower()} }}", ""]
        for t in entries:
            lines += [glossary_entry(site, t), ""]
    return "\n".join(lines)


def sorted_letter(pinyin: str) -> str:
    from build_scripts.enrich.glossary import pinyin_key
    return pinyin_key(pinyin)[:1].upper()


def glossary_entry(site, t: dict) -> str:
    urls, src = site.urls, GLOSSARY_SRC
    regs = {r.id: r for r in site.regs}
    zh_cat, en_cat = CATEGORIES[t["category"]]
    head = (f'<h4 class="lex-gl-h"><span lang="zh-Hans">{esc(t["zh"])}</span> '
            + (f'<span class="lex-gl-hant" lang="zh-Hant">{esc(t["zh_hant"])}</span> ' if t["zh_hant"] != t["zh"] else "")
            + f'<span class="lex-gl-pinyin" lang="zh-Latn-pinyin">{esc(t["pinyin"])}</span> '
            f'<span lang="en">{esc(t["en"])}</span></h4>')
    meta = [f'<span class="lex-gl-catname">{bi(zh_cat, en_cat)}</span>']
    if t["variants"]:
        forms = "、".join(f'<span lang="zh-Hans">{esc(v)}</span>'
                         + (f' (<span lang="zh-Hant">{esc(to_traditional(v))}</span>)' if to_traditional(v) != v else "")
                         for v in t["variants"])
        meta.append(f'{bi("又作", "Also")}: {forms}')
    if t["en_variants"]:
        meta.append(f'<span lang="en">English also: {esc("; ".join(t["en_variants"]))}</span>')
    parts = [f'<div class="lex-gl-term" id="{t["id"]}">', head, f'<p class="lex-gl-meta">{" · ".join(meta)}</p>',
             f'<p class="lex-gl-def" lang="en">{en_html(t["definition"])}</p>']
    for d in t["defined_in"]:
        reg = regs[d["regulation"]]
        zh, en = unit_label(d["eid"])
        how = "本条例所称…是指" if d["kind"] == "definition" else "以下简称 / 以下称"
        parts.append(f'<p class="lex-gl-defined">{bi("定义", "Defined in")}: '
                     f'<a href="{unit_href(urls, src, reg.id, d["eid"])}"><span lang="zh-Hans">{esc(reg.meta.title_zh)}{zh}</span> '
                     f'<span lang="en">{esc(reg.meta.title_en)}, {en}</span></a> '
                     f'(<span lang="zh-Hans">{esc(d["term"])}</span>; <span lang="zh-Hans">{how}</span>)</p>')
    conc = []
    for rid, c in t["concordance"].items():
        reg = regs[rid]
        if not c["count"]:
            conc.append(f'<li>{bi(reg.meta.title_zh, reg.meta.title_en)}: {bi("未出现", "not used", " ")}</li>')
            continue
        links = ", ".join(f'<a href="{urls.rel(src, article_src(rid, a["number"]))}">'
                          f'<span lang="zh-Hans">{reg.article(a["number"]).label}</span></a>'
                          + (f"&nbsp;×{a['count']}" if a["count"] > 1 else "") for a in c["articles"])
        n_art, n_occ = len(c["articles"]), c["count"]
        summary = bi(f"{n_art}条，共{n_occ}处", f"{n_occ} in {n_art} article(s)", " ")
        conc.append(f'<li>{bi(reg.meta.title_zh, reg.meta.title_en)}: {summary} — {links}</li>')
    parts.append(f'<ul class="lex-gl-conc" aria-label="用例 / Concordance">{"".join(conc)}</ul>')
    parts.append("</div>")
    return "\n".join(parts)


def files(site) -> dict[str, str]:
    data = glossary_data(site)
    return {GLOSSARY_SRC: glossary_page(site, data),
            GLOSSARY_JSON: json.dumps(data, ensure_ascii=False, indent=1) + "\n"}


class Annotate(FeatureBase):
    """Glossary tooltips, defined terms, cross-references, "referred to by", the glossary page."""
    name = "annotate"
    css = ("assets/glossary.css",)

    def __init__(self, site) -> None:
        super().__init__(site)
        self._annotate = annotator(site)

    def annotate(self, reg_id: str, eid: str, text: str, page_src: str) -> str | None:
        return self._annotate(reg_id, eid, text, page_src)

    def files(self, made) -> dict[str, str]:
        return files(self.site)

    def nav(self) -> list:
        return nav(self.site)

    def article_block(self, ref, page_src: str) -> str:
        return article_extras(self.site, ref.reg, ref.art, page_src)
