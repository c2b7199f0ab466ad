"""Feature: the provincial comparison (对照), built from the Edition's alignment (corpus/alignment.yaml).

Public URLs (docs/data.md):
    /compare/                  overview: regulations side by side, topic x regulation matrix (row ids = topic ids)
    /compare/<topic-id>/       one topic: provisions side by side, pairs (#pair-<k>), character diffs
    /compare/only-<reg-id>/    topics found in one regulation only (ids = topic ids), unpaired provisions
    /compare/terms/            glossary terms per 10,000 characters in each regulation
    /data/alignment.json       the concordance as data
Article pages gain a "对应条文 / Counterparts" block (#counterparts).

Every aligned regulation gets a column; one that no topic names yet is "尚未对照 / not aligned yet" (see
alignment.py): each comparison page and counterparts block names it once, below its tables (by name when
there are few, else as a count linking to the overview's list, #not-aligned), and the overview lists them
one row each, so a new province needs no code change here and a hundred of them do not bury the columns.

This module computes what the pages say (which provisions, which pairs, counts, links, each once per
build in `Compare.__init__`); the templates of render/templates/compare/ say how: every fragment is
written there, escaped by the one escape of render/html.py, with the shared macros of _lex.j2 (the
bilingual label, the unit row). Provisions are named, anchored and linked through Ref, in the edition's
one citation style.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from build_scripts.enrich.alignment import (
    EQUIVALENT_MIN,
    SIMILAR_MAX,
    Alignment,
    Provision,
    Topic,
    char_diff,
    provision_text,
    provision_units,
)
from build_scripts.enrich.glossary import Term
from build_scripts.features.protocol import FeatureBase, FeatureConfig, Files, NavEntry
from build_scripts.model import messages
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation, article_text
from build_scripts.model.urls import (
    ALIGNMENT_JSON,
    COMPARE_SRC,
    COMPARE_TERMS_SRC,
    compare_only_src,
    compare_topic_src,
    full_text_src,
)
from build_scripts.render.context import Site
from build_scripts.render.export import json_file
from build_scripts.render.html import ENV, render
from build_scripts.render.links import linked
from build_scripts.render.pages import front_matter

RESERVED = {"index", "terms"}
SCHEMA_VERSION = 1
KINDS = ("equivalent", "similar")     # the match kinds of a pair; their names: compare.kind.{kind} in messages.yaml
FRAGMENTS = "compare/_cmp.j2"
NAMED_MAX = 5   # regulations not aligned yet named on each page; more are a count linking to the overview's list


def title(head: str) -> str:
    """A comparison page's title: its own, then the section's ("… — 对照 Compare")."""
    return f"{head} — {messages.pair('compare.compare')}"


def overview_title() -> str:
    return f"{messages.pair('compare.compare')} — {messages.text('site.regulations', 'zh')}"


def fragment(name: str) -> Callable[..., Markup]:
    """A macro of compare/_cmp.j2, callable from Python; it returns Markup."""
    fn: Callable[..., Markup] = getattr(ENV.get_template(FRAGMENTS).module, name)
    return fn


# ---------------------------------------------------------------------------------------------- measures

def reg_name(reg: Regulation) -> tuple[str, str]:
    """Short bilingual name of a regulation: its jurisdiction (江西省 / Jiangxi), else its title."""
    jn = reg.meta.jurisdiction_name or {}
    zh = jn.get("zh") or reg.meta.title_zh
    en = re.sub(r"\s+Province$", "", jn.get("en") or "") or reg.meta.title_en
    return zh, en


def status(al: Alignment, t: Topic, reg_id: str) -> str:
    """'present' | 'absent' | 'not_aligned' for one regulation on one topic."""
    if reg_id not in al.aligned:
        return "not_aligned"
    return "present" if t.provisions[reg_id] else "absent"


def characters(reg: Regulation) -> int:
    """Characters of the legal text: article texts with item labels, no article numbers, headings or spaces."""
    return sum(len(re.sub(r"\s", "", article_text(a))) for a in reg.articles)


def term_counts(reg: Regulation, forms: list[str]) -> dict[int, int]:
    """Occurrences of any of the forms per article number (non-overlapping, longest form first)."""
    pattern = re.compile("|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True)))
    out = {}
    for a in reg.articles:
        n = len(pattern.findall(article_text(a)))
        if n:
            out[a.number] = n
    return out


def diff_counts(a_text: str, b_text: str) -> dict[str, int]:
    c: Counter[str] = Counter()
    for op, text in char_diff(a_text, b_text):
        c[op] += len(re.sub(r"\s", "", text))
    return {"same": c["same"], "del": c["del"], "ins": c["ins"]}


def diff_html(a_text: str, b_text: str, a_name: tuple[str, str], b_name: tuple[str, str]) -> str:
    """Character diff of two provisions, readable without colour (compare/_cmp.j2, macro `diff`)."""
    return fragment("diff")(char_diff(a_text, b_text), a_name, b_name)


@dataclass(frozen=True)
class TermRow:
    term: Term
    forms: list[str]
    counts: dict[str, dict[int, int]]     # regulation id -> article number -> occurrences


# ---------------------------------------------------------------------------------------------- one page

@dataclass(frozen=True)
class View:
    """What a template of one page asks of the comparison: links from this page, names, provisions."""
    cmp: Compare
    src: str

    @property
    def regs(self) -> tuple[Regulation, ...]:
        """The columns of the comparison: the aligned regulations, in corpus order."""
        return tuple(r for r in self.cmp.site.regs if r.id in self.al.aligned)

    @property
    def unaligned(self) -> tuple[Regulation, ...]:
        """The regulations no topic names yet: named once per page, not given a column each."""
        return tuple(r for r in self.cmp.site.regs if r.id not in self.al.aligned)

    @property
    def named_max(self) -> int:
        return NAMED_MAX

    @property
    def al(self) -> Alignment:
        return self.cmp.alignment

    def to(self, target_src: str, anchor: str | None = None) -> str:
        """Relative link from this page to a page (.md) or file of the site."""
        return self.cmp.site.urls.rel(self.src, target_src, anchor)

    def topic(self, t: Topic, anchor: str | None = None) -> str:
        return self.to(compare_topic_src(t.id), anchor)

    def full_text(self, reg_id: str, anchor: str | None = None) -> str:
        return self.to(full_text_src(reg_id), anchor)

    def only(self, reg_id: str, anchor: str | None = None) -> str:
        return self.to(compare_only_src(reg_id), anchor)

    def ref(self, p: Provision | Ref) -> Ref:
        return p if isinstance(p, Ref) else self.cmp.site.ref(p.reg, p.article, p.paragraph, p.item)

    def article(self, reg_id: str, number: int) -> Ref:
        return self.cmp.site.ref(reg_id, number)

    def href(self, p: Provision | Ref) -> str:
        return self.ref(p).href(self.cmp.site.urls, self.src)

    def name(self, reg_id: str) -> tuple[str, str]:
        return self.cmp.names[reg_id]

    def linked(self, text: str) -> Markup:
        """A note with its citations as links from this page (render/links.linked)."""
        return linked(self.cmp.site, text, self.src)

    def names_of(self, reg_ids: list[str], lang: int, sep: str) -> str:
        """The short names of regulations in one language (0: Chinese, 1: English), joined."""
        return sep.join(self.cmp.names[r][lang] for r in reg_ids)

    def status(self, t: Topic, reg_id: str) -> str:
        return status(self.al, t, reg_id)

    def glossed(self, reg_id: str) -> bool:
        return self.cmp.site.glosses[reg_id].exists

    def units(self, p: Provision) -> list[dict[str, Any]]:
        """The units of a provision for lex.unit_row: ref, item label, Chinese, English (or None), and
        the ref of the paragraph to number when a whole article of several paragraphs is shown."""
        reg, gloss = self.cmp.site.reg(p.reg), self.cmp.site.glosses[p.reg]
        multi = p.paragraph is None and len(reg.article(p.article).paragraphs) > 1
        out = []
        for eid, label, zh in provision_units(reg, p):
            ref = Ref.from_eid(reg, eid)
            out.append({"ref": ref, "label": label, "zh": zh, "en": gloss.unit(eid),
                        "numbered": ref if multi and ref.item is None else None})
        return out

    def chapter_en(self, reg_id: str, number: int) -> str:
        return self.cmp.site.glosses[reg_id].chapter(number) or ""

    def kinds(self, t: Topic) -> Counter[str]:
        return self.cmp.kinds[t.id]


# ---------------------------------------------------------------------------------------------- the feature

class Compare(FeatureBase):
    """Provincial comparison: overview, topic pages, only-in pages, term frequency, counterparts."""
    name = "compare"
    css = ("assets/compare.css",)

    def __init__(self, site: Site, config: FeatureConfig | None = None) -> None:
        super().__init__(site, config)
        al = site.edition.alignment or Alignment((), (), tuple(r.id for r in site.regs))
        clash = [t.id for t in al.topics if t.id in RESERVED or t.id.startswith("only-")]
        if clash:
            raise ValueError(f"corpus/alignment.yaml: topic id(s) {clash} clash with comparison pages "
                             f"(reserved: {sorted(RESERVED)}, only-*)")
        self.alignment = al
        self.names = {r.id: reg_name(r) for r in site.regs}
        self.chars = {r.id: characters(r) for r in site.regs}
        self.stats = {r.id: {"articles": len(r.articles), "chapters": len(r.chapters),
                             "paragraphs": sum(len(a.paragraphs) for a in r.articles),
                             "items": sum(len(p.items) for a in r.articles for p in a.paragraphs),
                             "characters": self.chars[r.id],
                             "topics": sum(1 for t in al.topics if t.provisions.get(r.id)),
                             "only": sum(1 for t in al.topics if t.only_in() == r.id)} for r in site.regs}
        self.kinds = {t.id: Counter(p.kind for p in t.pairs) for t in al.topics}
        self.related = {t.id: [u for u in al.topics if u.id != t.id and any(
            p.overlaps(q) for r in t.present_in() for p in t.provisions[r] for q in u.provisions.get(r, ()))]
            for t in al.topics}
        self.term_rows = self._term_rows()

    def _term_rows(self) -> list[TermRow]:
        rows = []
        for t in self.site.edition.glossary:
            forms = list(t.forms)
            counts = {r.id: term_counts(r, forms) for r in self.site.regs if r.id in self.alignment.aligned}
            if any(counts.values()):
                rows.append(TermRow(t, forms, counts))
        rows.sort(key=lambda row: -sum(sum(c.values()) / self.chars[r] for r, c in row.counts.items()))
        return rows

    # ------------------------------------------------------------------ pages

    def _page(self, template: str, src: str, title: str, **context: Any) -> str:
        return (front_matter(title=title, search={"exclude": True})
                + render(template, v=View(self, src), **context))

    def topic_page(self, i: int) -> str:
        al = self.alignment
        t = al.topics[i]
        pairs = []
        for k, pair in enumerate(t.pairs, 1):
            diff = None
            if pair.kind == "equivalent":
                ra, rb = self.site.reg(pair.a.reg), self.site.reg(pair.b.reg)
                a_text, b_text = provision_text(ra, pair.a), provision_text(rb, pair.b)
                diff = {"parts": char_diff(a_text, b_text), "counts": diff_counts(a_text, b_text)}
            pairs.append({"k": k, "pair": pair, "diff": diff})
        return self._page("compare/topic.md.j2", compare_topic_src(t.id), title(f"{t.name_zh} {t.name_en}"),
                          t=t, pairs=pairs, related=self.related[t.id],
                          prev=al.topics[i - 1] if i > 0 else None,
                          next=al.topics[i + 1] if i + 1 < len(al.topics) else None)

    def overview_page(self) -> str:
        facts = {}
        for r in self.site.regs:
            rep = self.site.edition.facts[r.id].repeals
            facts[r.id] = {"title": rep["zh"], "ref": self.site.ref(r.id, rep["article"])} if rep else None
        return self._page("compare/overview.md.j2", COMPARE_SRC, overview_title(),
                          kinds=Counter(p.kind for t in self.alignment.topics for p in t.pairs),
                          stats=self.stats, repeals=facts, full_text_src=full_text_src)

    def only_page(self, reg: Regulation) -> str:
        al = self.alignment
        zh, en = self.names[reg.id]
        others = [r for r in al.aligned if r != reg.id]
        head = messages.pair("compare.only-in-title", name=(zh, en))
        return self._page("compare/only.md.j2", compare_only_src(reg.id), title(head),
                          reg=reg, aligned=reg.id in al.aligned, others=others,
                          only=[t for t in al.topics if t.only_in() == reg.id],
                          shared=[(t, t.unpaired(reg.id)) for t in al.topics
                                  if not t.only_in() and t.unpaired(reg.id)])

    def terms_page(self) -> str:
        return self._page("compare/terms.md.j2", COMPARE_TERMS_SRC, title(messages.pair("compare.term-frequency")),
                          rows=self.term_rows, stats=self.stats)

    # ------------------------------------------------------------------ data

    def alignment_json(self, base_url: str = "/") -> dict[str, Any]:
        def prov(p: Provision) -> dict[str, Any]:
            ref = self.site.ref(p.reg, p.article, p.paragraph, p.item)
            return {"regulation": p.reg, "eid": p.eid, "label": {"zh": ref.label_zh, "en": ref.label_en},
                    "url": base_url + ref.path}

        al = self.alignment
        return {
            "schema_version": SCHEMA_VERSION,
            "kinds": {k: messages.text(f"compare.kind-{k}", "en") for k in KINDS},
            "similarity": {"method": "difflib.SequenceMatcher ratio over characters, whitespace ignored",
                           "equivalent_min": EQUIVALENT_MIN, "similar_max": SIMILAR_MAX},
            "regulations": [{"id": r.id, "title": {"zh": r.meta.title_zh, "en": r.meta.title_en},
                             "aligned": r.id in al.aligned} for r in self.site.regs],
            "topics": [
                {"id": t.id, "name": {"zh": t.name_zh, "en": t.name_en}, "note": t.note,
                 "url": f"{base_url}compare/{t.id}/",
                 "only_in": t.only_in(),
                 "status": {r.id: status(al, t, r.id) for r in self.site.regs},
                 "provisions": {r: [prov(p) for p in t.provisions[r]] for r in al.aligned},
                 "pairs": [{"provisions": [prov(p.a), prov(p.b)], "kind": p.kind, "similarity": p.similarity}
                           for p in t.pairs]}
                for t in al.topics
            ],
        }

    # ------------------------------------------------------------------ the Feature hooks

    def files(self, made: Mapping[str, str | bytes]) -> Files:
        out: Files = {COMPARE_SRC: self.overview_page(), COMPARE_TERMS_SRC: self.terms_page()}
        for i, t in enumerate(self.alignment.topics):
            out[compare_topic_src(t.id)] = self.topic_page(i)
        for r in self.site.regs:
            out[compare_only_src(r.id)] = self.only_page(r)
        out[ALIGNMENT_JSON] = json_file(self.alignment_json())
        return out

    def nav(self) -> list[NavEntry]:
        entries: list[Any] = [{messages.pair("compare.nav.overview"): COMPARE_SRC}]
        entries.append({messages.pair("compare.nav.by-topic"): [{f"{t.name_zh} · {t.name_en}": compare_topic_src(t.id)}
                                                     for t in self.alignment.topics]})
        only = [{messages.pair("compare.only-in-title", name=self.names[r.id]): compare_only_src(r.id)}
                for r in self.site.regs]
        entries.append({messages.pair("compare.nav.only-one"): only})   # one line in the nav, however many
        entries.append({messages.pair("compare.term-frequency"): COMPARE_TERMS_SRC})
        return [{messages.pair("compare.compare"): entries}]

    def article_block(self, ref: Ref, page_src: str) -> str:
        """The "对应条文 / Counterparts" block of an article page: each topic placing the article, with the
        provisions of every other regulation on it and the kinds of the pairs that join them."""
        al, reg = self.alignment, ref.reg
        if reg.id not in al.aligned:
            return render("compare/counterparts.md.j2", v=View(self, page_src), aligned=False, topics=[])
        topics = []
        for t, mine in al.topics_of_article(reg.id, ref.article):
            others = []
            if t.only_in() != reg.id:
                for other in self.site.regs:
                    if other.id == reg.id or other.id not in al.aligned:   # those: one note below the list
                        continue
                    provs = [(q, sorted({pr.kind for pr in t.pairs for a, b in ((pr.a, pr.b), (pr.b, pr.a))
                                         if b.overlaps(q) and a.reg == reg.id and any(a.overlaps(m) for m in mine)}))
                             for q in t.provisions.get(other.id, ())]
                    others.append({"reg": other, "status": status(al, t, other.id), "provisions": provs})
            topics.append({"topic": t, "parts": [] if any(p.eid == ref.eid for p in mine) else mine,
                           "others": others})
        if not topics:  # cannot happen for an aligned regulation (coverage is enforced); kept explicit
            raise ValueError(f"{reg.id} {ref.label_zh}: no topic places this article")
        return render("compare/counterparts.md.j2", v=View(self, page_src), aligned=True, reg=reg, topics=topics)
