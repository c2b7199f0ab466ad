"""Reader tools (issue 15, items 3-5): shareable selections, a diff of any two provisions, private notes.

Three client-side pages, each generated once from a template of render/templates/reader/:
    select/?jx=4,14-17&sx=3     the chosen articles, bilingual, with citations (print, Markdown, link)
    diff/?a=jx/15/2&b=sx/35     the word diff of any two provisions (short-link paths or citations); with a
                                alone, B is A's counterpart in the curated pairs (corpus/alignment.yaml)
    notes/                      bookmarks and notes kept in this browser only (export/import MD, JSON)
and, on every article page, a "reader tools" block (bookmark, note, compare with..., select), and on
every full-text page a selection form (a plain GET form to select/, which JavaScript fills from
checkboxes beside the article headings).

The pages have no data of their own: they read the core's one file per regulation, assets/units/<reg>.js
(the JSON export as the browser reads it, render/export.py units_data: every unit's eid, labels, citation,
texts and links, all from Ref), loaded on demand by the core's loader (browser/shared/units.js; a <script>,
so it loads from file:// too). Query strings are read with the citation parser of cite.js
(LexCite.parse/resolve: one parser) and the rules of the citations feature (assets/cite-rules.js), and
the browser's diff (browser/reader/diff.js, `wordDiff`) is a port of difflib.SequenceMatcher's opcodes over the
words of enrich/alignment.segment, as enrich/alignment.word_diff uses; tests/test_reader.py runs both on
real pairs. The diff page's index also carries the vocabulary of those words and the counterparts.

Scripts: browser/reader/index.js, bundled into every page, holds only what article and full-text pages use
(the tools block, the selection checkboxes, the notes store); browser/reader/pages.js, the three pages' own
code (assets/reader-pages.js), is loaded by those pages only.

Notes are keyed by regulation id + eid (never by position), so a note survives any rebuild in which
its provision still exists; a note whose provision is gone is kept and shown with its stored citation.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from build_scripts.enrich.alignment import SHARED_LITTLE, diff_vocabulary, parse_eid
from build_scripts.features.protocol import FeatureBase, Files, NavEntry
from build_scripts.model import licence
from build_scripts.model.messages import pair
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation
from build_scripts.model.storage import STORAGE_KEYS
from build_scripts.model.urls import CITE_RULES_JS, DIFF_SRC, NOTES_SRC, SELECT_SRC, public_path
from build_scripts.render.html import render
from build_scripts.render.pages import front_matter

PAGES = {"select": SELECT_SRC, "diff": DIFF_SRC, "notes": NOTES_SRC}
PAGES_JS = "assets/reader-pages.js"   # the three pages' own script (not bundled)
STORE_KEY = STORAGE_KEYS["notes"]   # localStorage, per origin (model/storage.py)


def short_of(reg: Regulation) -> str:
    return reg.meta.short or reg.id


class Reader(FeatureBase):
    """Selections, compare-any-two and private notes: three client-side pages and their data."""
    name = "reader"
    css = ("assets/reader.css",)
    js = ("reader/index.js",)
    scripts = {PAGES_JS: ("reader/pages.js",)}

    # ------------------------------------------------------------------ data
    def index(self, page_src: str) -> dict[str, Any]:
        """What a page needs before any regulation's data: the regulations, the reader pages and their
        public URLs, and the localStorage key."""
        site = self.site
        return {
            "store": STORE_KEY, "site_url": site.site_url,
            "regs": [{"id": r.id, "short": short_of(r), "title": {"zh": r.meta.title_zh, "en": r.meta.title_en},
                      "name": self._name(r), "status": self._status(r)} for r in site.regs],
            "pages": {k: {"href": site.urls.rel(page_src, src), "url": site.permalink(public_path(src))}
                      for k, src in PAGES.items()},
            # what a download says of its source: the edition, its version, its licence
            "edition": {"name": dict(licence.ATTRIBUTION), "version": site.edition.version, "licence": licence.EDITION,
                        "licence_url": licence.EDITION_URL},
        }

    def _status(self, reg: Regulation) -> dict[str, Any]:
        """What a download says of a regulation's text (enrich/status.py): in force since, as enacted or amended."""
        status = self.site.edition.status.get(reg.id)
        return {"effective": status.effective if status else reg.meta.effective,
                "amended": bool(status.amendments) if status else False}

    def diff_index(self, page_src: str) -> dict[str, Any]:
        """The diff page's index: the common one, the words the texts are cut into, the share of characters
        under which two provisions are set side by side, and each unit's counterpart ("reg/eid" -> [reg, eid])."""
        site = self.site
        texts = [t for r in site.regs for a in r.articles for p in a.paragraphs
                 for t in (p.text, *(i.text for i in p.items))]
        terms = [f for t in site.edition.glossary for f in t.forms]
        counterparts: dict[str, list[str]] = {}
        alignment = site.edition.alignment
        if alignment:
            for reg in site.regs:
                if reg.id not in alignment.aligned:
                    continue
                for a in reg.articles:
                    for ref in Ref.of_article(reg, a):
                        other = alignment.counterpart(parse_eid(reg, ref.eid))
                        if other:
                            counterparts[f"{reg.id}/{ref.eid}"] = [other.reg, other.eid]
        return {**self.index(page_src), "words": diff_vocabulary(texts, terms), "shared_little": SHARED_LITTLE,
                "counterparts": counterparts}

    @staticmethod
    def _name(reg: Regulation) -> dict[str, str]:
        jn = reg.meta.jurisdiction_name or {}
        en = (jn.get("en") or reg.meta.title_en).removesuffix(" Province")
        return {"zh": jn.get("zh") or reg.meta.title_zh, "en": en}

    # ------------------------------------------------------------------ pages
    def page(self, kind: str, title: str) -> str:
        src = PAGES[kind]
        return (front_matter(title=title, search={"exclude": True})
                + render(f"reader/{kind}.md.j2", index=self.diff_index(src) if kind == "diff" else self.index(src),
                         regs=self.site.regs,
                         script=self.site.urls.rel(src, PAGES_JS), cite_rules=self.site.urls.rel(src, CITE_RULES_JS)))

    # ------------------------------------------------------------------ feature hooks
    def files(self, made: Mapping[str, str | bytes]) -> Files:
        out: Files = {}
        out[SELECT_SRC] = self.page("select", pair("reader.selected-articles", " · "))
        out[DIFF_SRC] = self.page("diff", pair("reader.compare-any-two-provisions", " · "))
        out[NOTES_SRC] = self.page("notes", pair("reader.my-notes", " · "))
        return out

    def nav(self) -> list[NavEntry]:
        return [{pair("reader.reader-tools"): [{pair("reader.selected-articles"): SELECT_SRC},
                                               {pair("reader.compare-any-two"): DIFF_SRC},
                                               {pair("reader.my-notes"): NOTES_SRC}]}]

    def article_block(self, ref: Ref, page_src: str) -> str:
        urls = self.site.urls
        short = short_of(ref.reg)
        units = Ref.of_article(ref.reg, ref.art)
        return render("reader/tools.html.j2", ref=ref, units=units, store=STORE_KEY,
                      diff=urls.rel(page_src, DIFF_SRC) + f"?a={ref.short_path.rstrip('/')}",
                      select=urls.rel(page_src, SELECT_SRC) + f"?{short}={ref.article}",
                      notes=urls.rel(page_src, NOTES_SRC))

    def full_text_block(self, reg: Regulation, page_src: str) -> str:
        return render("reader/select_form.html.j2", reg=reg, short=short_of(reg),
                      action=self.site.urls.rel(page_src, SELECT_SRC), last=reg.articles[-1].number)
