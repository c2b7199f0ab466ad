"""Glossary tooltips, defined terms and cross-reference links in the legal text, the legend of the
marks and the "Referred to by" block of article pages, the glossary page (glossary/index.md) and
/data/glossary.json.

The marks of a unit are computed once per build and regulation on the structured data (in
`Annotate.__init__`, from the Edition's glossary, definitions and references), then rendered for a
given page (`annotate`), because relative links depend on the page. Marks never nest or overlap:
references are laid first, glossary terms (longest match first) fill the rest. Only the marks are
markup (templates annotate/marks.j2); the legal text between and inside them is the unit's text,
escaped by the one escape (render/html.py).

    abbr.lex-term[data-term][tabindex=0][title]        glossary term
    a.lex-term.lex-defined[data-term][href][title]     use of a defined term (to its definition)
    dfn.lex-term.lex-dfn[data-term][tabindex=0][title] where it is defined
    a.lex-xref[data-ref-kind][href][title]             cross-reference (前款, 第十二条 ...)

A term is marked at its first use in each article; its later uses there carry `lex-rep` (shown plain,
no tab stop, unless the reader's switch asks for every mark: browser/glossary/). Drafting
formulas (category `formula`: 应当, 有关部门 ...) are never marked; the glossary page lists them.
Titles become Material tooltips (content.tooltips) on hover and on keyboard focus.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from build_scripts.enrich.glossary import (
    CATEGORIES,
    Definition,
    Match,
    Term,
    find_rendering,
    find_terms,
    forms_map,
    pinyin_key,
)
from build_scripts.enrich.references import Reference
from build_scripts.features.protocol import FeatureBase, FeatureConfig, Files, NavEntry
from build_scripts.model.messages import pair, text
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation, parse_eid, units
from build_scripts.model.urls import GLOSSARY_JSON, GLOSSARY_SRC, article_src, full_text_src, glossary_path
from build_scripts.render.context import Site
from build_scripts.render.export import json_file
from build_scripts.render.html import ENV, en_html, escape, render, tip
from build_scripts.render.links import linked

SCHEMA_VERSION = 1
UNMARKED = frozenset({"formula"})    # categories listed on the glossary page, never marked in the text
MARKS: Any = ENV.get_template("annotate/marks.j2").module   # a template module: its macros, untyped


# ------------------------------------------------------------------ marks (page independent)

@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str                       # term | defined | dfn | xref
    title: str                      # the tooltip, plain text
    term: Term | None = None
    definition: Definition | None = None
    ref: Reference | None = None
    rep: bool = False               # a later use of the same term in the same article


@dataclass(frozen=True)
class RegIndex:
    reg: Regulation
    matches: Mapping[str, list[Match]]          # every term occurrence per unit (for the concordance)
    marks: Mapping[str, list[Mark]]             # what is rendered per unit

    def concordance(self, term_id: str) -> Counter[int]:
        """Article number -> occurrences of the term in that article."""
        c: Counter[int] = Counter()
        for eid, ms in self.matches.items():
            n = sum(1 for m in ms if m.key == term_id)
            if n:
                c[parse_eid(eid)[0]] += n
        return c

    def uses(self, definition: Definition) -> int:
        return sum(1 for ms in self.marks.values() for m in ms if m.kind == "defined" and m.definition == definition)


def _target(r: Reference) -> str:
    """The eid a reference inside this regulation points to (set for every kind but the two below)."""
    if r.target is None:
        raise ValueError(f"reference {r.text!r} ({r.kind}) has no target")
    return r.target


def ref_title(reg: Regulation, r: Reference, term: Term | None) -> str:
    """A cross-reference's tooltip, in both languages (render/html.tip)."""
    if r.kind == "external_law":
        return tip(text("glossary.ref-external", "zh"), text("glossary.ref-external", "en", law=r.text))
    if r.kind == "regulation":
        return tip(text("glossary.ref-regulation", "zh", title=reg.meta.title_zh),
                   text("glossary.ref-regulation", "en", title=reg.meta.title_en))
    if r.kind == "repealed_law":
        n = r.note
        by = Ref(reg, n["article"])
        zh = text("glossary.ref-repealed", "zh", law=n["law"], by=by.label_zh, title=reg.meta.title_zh,
                  date=n["effective"])
        en = text("glossary.ref-repealed", "en", law=n["law"], by=by.label_en, title=reg.meta.title_en,
                  date=n["effective"])
        if term is not None:
            zh += f" {term.zh}：{term.definition_zh}" if term.definition_zh else ""
            en += f" {term.zh}: {term.en}."
        return tip(zh, en)
    targets = [Ref.from_eid(reg, t) for t in r.targets]
    if r.kind == "list":
        if r.targets == (r.source,):
            return tip(text("glossary.ref-list-here", "zh"), text("glossary.ref-list-here", "en"))
        first, last = targets[0], targets[-1]
        return tip(text("glossary.ref-list", "zh", first=first.label_zh, last=last.label_zh),
                   text("glossary.ref-list", "en", first=first.label_en, last=last.label_en))
    return tip("、".join(t.label_zh for t in targets), " and ".join(t.label_en for t in targets))


def index_regulation(reg: Regulation, terms: tuple[Term, ...], definitions: tuple[Definition, ...],
                     refs: Mapping[str, tuple[Reference, ...]], hant: Callable[[str], str]) -> RegIndex:
    terms = tuple(t for t in terms if t.marks_in(reg.id))    # the glossary's own regulations only
    by_id = {t.id: t for t in terms}
    all_forms = forms_map(terms)
    forms = {f: k for f, k in all_forms.items() if by_id[k].category not in UNMARKED}
    defined: dict[str, Definition] = {d.term: d for d in definitions}
    for dfn in definitions:             # a defined term that is no glossary form is still marked
        forms.setdefault(dfn.term, f"defined:{dfn.term}")
    law_terms = [t for t in terms if t.category not in UNMARKED]
    matches: dict[str, list[Match]] = {}
    marks: dict[str, list[Mark]] = {}
    seen: set[tuple[int, str]] = set()  # (article, term) already marked
    for order, u in enumerate(units(reg.articles)):
        matches[u.eid] = find_terms(u.zh, all_forms)
        unit_refs = refs.get(u.eid, ())
        unit_marks: list[Mark] = []
        covered: set[int] = set()
        for r in unit_refs:
            if not r.resolved:
                continue                # left unlinked (a notice at build time): plain text, never a guess
            covered.update(range(r.start, r.end))
            law_term = next((t for t in law_terms if r.kind == "repealed_law" and t.zh in r.text), None)
            unit_marks.append(Mark(r.start, r.end, "xref", ref_title(reg, r, law_term), ref=r))
        for m in find_terms(u.zh, forms):
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
            definition = d if kind != "term" else None
            key = (u.article, m.key)
            rep = kind != "dfn" and key in seen
            seen.add(key)
            unit_marks.append(Mark(m.start, m.end, kind, _title(reg, term, m.form, definition, kind, hant),
                                   term, definition, rep=rep))
        marks[u.eid] = sorted(unit_marks, key=lambda k: k.start)
    return RegIndex(reg, matches, marks)


EnMark = tuple[int, int, Mark, bool]
"""A glossary term marked in a unit's English: start, end, the Chinese mark it renders, a later use (lex-rep)."""


def english_marks(marks: Sequence[Mark], en: str, seen: set[tuple[int, str]], article: int = 0) -> list[EnMark]:
    """The glossary terms marked in a unit's Chinese, each marked once in its English: at the first occurrence of
    the term's rendering (its `en` or an `en_variants` form, as whole words: enrich/glossary.find_rendering), longest
    rendering first so that a term inside a longer one's rendering does not take its words. `seen` holds the
    (article, term id) already marked in English earlier in the article (updated): a later use is lex-rep."""
    firsts: dict[str, Mark] = {}
    for mk in marks:
        if mk.kind != "xref" and mk.term is not None:
            firsts.setdefault(mk.term.id, mk)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, Mark]] = []
    for mk in sorted(firsts.values(), key=lambda k: -max(len(r) for r in k.term.renderings) if k.term else 0):
        assert mk.term is not None
        span = find_rendering(en, mk.term.renderings, taken)
        if span is not None:
            taken.append(span)
            found.append((*span, mk))
    out: list[EnMark] = []
    for start, end, mk in sorted(found, key=lambda f: f[0]):
        assert mk.term is not None
        key = (article, mk.term.id)
        out.append((start, end, mk, mk.kind != "dfn" and key in seen))
        seen.add(key)
    return out


def _title(reg: Regulation, term: Term | None, form: str, definition: Definition | None, kind: str,
           hant: Callable[[str], str]) -> str:
    """A term's tooltip: the Chinese line (form, traditional form, the term, its Chinese definition) and the
    English line (rendering, definition), each with where the regulation defines it (render/html.tip)."""
    zh = form + (f" · {hant(form)}" if hant(form) != form else "")
    en = ""
    if term is not None:
        if form != term.zh:
            zh += f" = {term.zh}"
        zh += " — " + (term.definition_zh or text("glossary.no-zh-definition", "zh"))
        en = f"{term.en}. {term.definition}"
    if definition is not None:
        if kind == "dfn":
            zh += " " + text("glossary.defined-here", "zh")
            en += " " + text("glossary.defined-here", "en")
        else:
            where = Ref.from_eid(reg, definition.eid)
            zh += " " + text("glossary.defined-at", "zh", where=where.label_zh)
            en += " " + text("glossary.defined-at", "en", where=where.label_en)
    return tip(zh, en.strip())


# ------------------------------------------------------------------ the feature

def document_order(eid: str) -> tuple[int, int, int]:
    """A provision's place in its regulation: a paragraph's own text before its items (art_28__para_1 before
    art_28__para_1__point_1; parse_eid gives the paragraph None for an item, which does not compare with a
    number)."""
    art, para, item = parse_eid(eid)
    return art, para or 0, item or 0


class Annotate(FeatureBase):
    """Glossary tooltips, defined terms, cross-references, "referred to by", the glossary page."""
    name = "annotate"
    css = ("assets/glossary.css",)
    js = ("glossary/index.js",)

    def __init__(self, site: Site, config: FeatureConfig | None = None) -> None:
        super().__init__(site, config)
        edition = site.edition
        self.terms: tuple[Term, ...] = edition.glossary
        self.by_id = {t.id: t for t in self.terms}
        hant: Callable[[str], str] = edition.hant.convert if edition.hant is not None else (lambda s: s)
        self.indexes: dict[str, RegIndex] = {
            reg.id: index_regulation(reg, self.terms, edition.definitions.get(reg.id, ()),
                                     edition.references.get(reg.id, {}), hant)
            for reg in edition.regs}
        self.term_of_form = {f: t for t in self.terms for f in t.forms}
        # the English marks of each glossed unit, its text with them: a term's first English mark in an article
        # is its first use there, whatever the Chinese order
        self.en_marks: dict[str, dict[str, tuple[str, list[EnMark]]]] = {}
        for reg in edition.regs:
            gloss, index, per_unit = site.glosses[reg.id], self.indexes[reg.id], {}
            seen: set[tuple[int, str]] = set()
            for u in units(reg.articles):
                en = gloss.unit(u.eid)
                if en:
                    per_unit[u.eid] = (en, english_marks(index.marks.get(u.eid, ()), en, seen, u.article))
            self.en_marks[reg.id] = per_unit

    # ---------------------------------------------------------------- the text
    def annotate(self, reg_id: str, eid: str, text: str, page_src: str) -> str | None:
        index = self.indexes[reg_id]
        reg, urls = index.reg, self.site.urls
        out, pos = [], 0
        for mark in index.marks.get(eid, ()):
            out.append(escape(text[pos:mark.start]))
            inner = escape(text[mark.start:mark.end])
            if mark.kind == "xref":
                r = mark.ref
                assert r is not None
                if r.kind == "external_law":
                    out.append(MARKS.external(r.kind, mark.title, inner))
                else:
                    href = (urls.rel(page_src, full_text_src(reg.id), "top") if r.kind == "regulation"
                            else Ref.from_eid(reg, _target(r)).href(urls, page_src))
                    out.append(MARKS.xref(r.kind, mark.title, inner, href))
            else:
                out.append(self._term_mark(reg, mark, inner, page_src, mark.rep))
            pos = mark.end
        out.append(escape(text[pos:]))
        return Markup("").join(out)

    def _term_mark(self, reg: Regulation, mark: Mark, inner: Markup, page_src: str, rep: bool) -> Markup:
        term_id = mark.term.id if mark.term else None
        if mark.kind == "defined":
            assert mark.definition is not None
            href = Ref.from_eid(reg, mark.definition.eid).href(self.site.urls, page_src)
            return Markup(MARKS.defined(term_id, mark.title, inner, href, rep))
        if mark.kind == "dfn":
            return Markup(MARKS.dfn(term_id, mark.title, inner))
        return Markup(MARKS.term(term_id, mark.title, inner, rep))

    def annotate_en(self, reg_id: str, eid: str, text: str, page_src: str) -> str | None:
        """The English of a unit with the glossary terms that its Chinese marks marked at the first occurrence of
        their English rendering (english_marks): the same tooltip, kind and first-use state. The text between
        and inside the marks is the unit's English, escaped by render/html.en_html."""
        index = self.indexes[reg_id]
        marks = self.en_marks.get(reg_id, {}).get(eid)
        if marks is None or marks[0] != text:
            marks = (text, english_marks(index.marks.get(eid, ()), text, set()))
        out, pos = [], 0
        for start, end, mark, rep in marks[1]:
            out += [en_html(text[pos:start]), self._term_mark(index.reg, mark, en_html(text[start:end]), page_src, rep)]
            pos = end
        out.append(en_html(text[pos:]))
        return Markup("").join(out)

    # ---------------------------------------------------------------- article pages
    def article_block(self, ref: Ref, page_src: str) -> str:
        edition, urls = self.site.edition, self.site.urls
        reg = ref.reg
        incoming = edition.referred_by.get(reg.id, {}).get(ref.article, ())
        refs = [{"href": Ref.from_eid(reg, r.source).href(urls, page_src), "text": r.text,
                 "source": Ref.from_eid(reg, r.source), "target": Ref.from_eid(reg, _target(r))}
                for r in sorted(incoming, key=lambda r: (document_order(r.source), r.start))]
        index = self.indexes[reg.id]
        defined = []
        for d in edition.definitions.get(reg.id, ()):
            if d.article != ref.article:
                continue
            term = self.term_of_form.get(d.term)
            defined.append({"term": d.term, "en": term.en if term else None, "users": index.uses(d),
                            "glossary_href": urls.rel(page_src, GLOSSARY_SRC, term.id) if term else None})
        return render("annotate/article_block.j2", refs=refs, defined=defined).strip("\n")

    def full_text_block(self, reg: Regulation, page_src: str) -> str:
        return render("annotate/legend.j2").strip("\n")

    # ---------------------------------------------------------------- glossary page and data
    def nav(self) -> list[NavEntry]:
        return [{pair("glossary.glossary"): GLOSSARY_SRC}]

    def files(self, made: Mapping[str, str | bytes]) -> Files:
        data = self.glossary_data()
        return {GLOSSARY_SRC: self.glossary_page(data),
                GLOSSARY_JSON: json_file(data)}

    def glossary_data(self) -> dict[str, Any]:
        edition = self.site.edition
        defined_in: dict[str, list[Definition]] = {}
        for reg in edition.regs:
            for d in edition.definitions.get(reg.id, ()):
                term = self.term_of_form.get(d.term)
                if term:
                    defined_in.setdefault(term.id, []).append(d)
        out = []
        for t in sorted(self.terms, key=lambda t: t.sort_key):
            conc = {}
            for reg in edition.regs:
                if not t.marks_in(reg.id):      # the glossary does not cover it: no row of zeros per term
                    continue
                c = self.indexes[reg.id].concordance(t.id)
                conc[reg.id] = {"count": sum(c.values()),
                                "articles": [{"number": n, "count": c[n], "url": "/" + Ref(reg, n).path}
                                             for n in sorted(c)]}
            out.append({
                "id": t.id, "zh": t.zh, "zh_hant": t.zh_hant, "pinyin": t.pinyin, "en": t.en,
                "en_variants": list(t.en_variants), "category": t.category,
                "category_name": dict(zip(("zh", "en"), CATEGORIES[t.category], strict=True)),
                "variants": list(t.variants), "definition": t.definition, "definition_zh": t.definition_zh,
                "url": glossary_path(t.id),
                "defined_in": [{"regulation": d.regulation, "eid": d.eid, "article": d.article, "term": d.term,
                                "kind": d.kind} for d in defined_in.get(t.id, [])],
                "concordance": conc,
            })
        return {"schema_version": SCHEMA_VERSION, "terms": out}

    def glossary_page(self, data: dict[str, Any]) -> str:
        edition, urls, src = self.site.edition, self.site.urls, GLOSSARY_SRC
        hant: Callable[[str], str] = edition.hant.convert if edition.hant is not None else (lambda s: s)
        regs = {r.id: r for r in edition.regs}
        entries = []
        aliases = edition.aliases.terms
        for t in data["terms"]:
            entries.append({
                **t,
                "definition_html": linked(self.site, t["definition"], src),
                "definition_zh_html": linked(self.site, t["definition_zh"], src),
                "searched_as": [{"text": a.text, "lang": "zh-Hans" if a.lang == "zh" else "en", "why": a.why}
                                for a in aliases.get(t["id"], ())],
                "variants": [{"zh": v, "hant": hant(v)} for v in t["variants"]],
                "defined_in": [{"href": Ref.from_eid(regs[d["regulation"]], d["eid"]).href(urls, src),
                                "citation": Ref.from_eid(regs[d["regulation"]], d["eid"]).citation,
                                "term": d["term"], "kind": d["kind"]} for d in t["defined_in"]],
                "conc": [{"title_zh": regs[rid].meta.title_zh, "title_en": regs[rid].meta.title_en,
                          "count": c["count"],
                          "articles": [{"href": urls.rel(src, article_src(rid, a["number"])),
                                        "label": regs[rid].article(a["number"]).label, "count": a["count"]}
                                       for a in c["articles"]]}
                         for rid, c in t["concordance"].items()],
            })
        categories = [{"id": cat, "zh": zh, "en": en, "terms": [t for t in entries if t["category"] == cat]}
                      for cat, (zh, en) in CATEGORIES.items()]
        letters: dict[str, list[Any]] = {}
        for t in entries:
            letters.setdefault(pinyin_key(t["pinyin"])[:1].upper(), []).append(t)
        totals = [((regs[rid].meta.title_zh, regs[rid].meta.title_en),
                   sum(t["concordance"][rid]["count"] for t in data["terms"]))
                  for rid in regs if all(rid in t["concordance"] for t in data["terms"])]
        return render("annotate/glossary.md.j2", terms=entries,
                      categories=[c for c in categories if c["terms"]],
                      letters=[{"id": k.lower(), "name": k, "terms": v} for k, v in letters.items()],
                      totals=totals, json_href=urls.rel(src, GLOSSARY_JSON))
