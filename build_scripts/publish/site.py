"""Everything the site generates from the corpus, as {src_uri: content} and a nav. Pure.

Features plug in as *contributors*: modules listed in CONTRIBUTORS that define any of

    files(site: Site) -> dict[str, str]                      extra generated files (pages, JSON, ...)
    nav(site: Site) -> list                                   extra nav entries (placed before "About")
    article_extras(site: Site, reg, art, page_src) -> str     HTML appended to an article page
    full_text_extras(site: Site, reg, page_src) -> str        HTML appended to a regulation's full-text page
    annotator(site: Site) -> Annotate                         marks up Chinese units (at most one contributor)

so that a feature is one module plus one line here.
"""
from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from build_scripts.parse.corpus import CORPUS
from build_scripts.render.export import regulation_json
from build_scripts.enrich.gloss import Gloss
from build_scripts.model.regulation import Regulation
from build_scripts.render.pages import PageContext, article_page, escape_nav, full_text_page, nav_entries
from build_scripts.model.urls import Urls, article_src, full_text_src

CONTRIBUTORS: list[str] = [
    "build_scripts.features.compare",
    "build_scripts.features.search",
    "build_scripts.features.annotate",
    "build_scripts.features.citations",
    "build_scripts.features.opendata",
]

HAND_WRITTEN_NAV = [{"首页 Home": "index.md"}]
ABOUT_NAV = {"关于本版 About": [
    {"关于 About this edition": "about.md"},
    {"译文说明 Translation notes": "translation-notes.md"},
    {"引用 How to cite": "cite.md"},
    {"数据 Data and URLs": "data.md"},
    {"新增法规 Adding a regulation": "adding.md"},
]}


@dataclass
class Site:
    """What every generator may read: the regulations, their glosses, URL rules, the corpus folder."""
    regs: tuple[Regulation, ...]
    glosses: dict[str, Gloss]
    urls: Urls = field(default_factory=Urls)
    corpus: Path = CORPUS
    site_url: str | None = None     # mkdocs.yml site_url: the base of permanent (citable) URLs

    def reg(self, reg_id: str) -> Regulation:
        for r in self.regs:
            if r.id == reg_id:
                return r
        raise KeyError(f"unknown regulation {reg_id!r}; known: {[r.id for r in self.regs]}")

    @cached_property
    def contributors(self) -> list:
        return [importlib.import_module(name) for name in CONTRIBUTORS]

    def article_extras(self, reg: Regulation, art, page_src: str) -> str:
        blocks = [m.article_extras(self, reg, art, page_src) for m in self.contributors if hasattr(m, "article_extras")]
        return "\n\n".join(b for b in blocks if b)

    def full_text_extras(self, reg: Regulation, page_src: str) -> str:
        blocks = [m.full_text_extras(self, reg, page_src) for m in self.contributors if hasattr(m, "full_text_extras")]
        return "\n\n".join(b for b in blocks if b)

    @cached_property
    def annotate(self):
        annotators = [m for m in self.contributors if hasattr(m, "annotator")]
        if len(annotators) > 1:
            raise ValueError(f"more than one annotator: {[m.__name__ for m in annotators]}")
        return annotators[0].annotator(self) if annotators else None


def generated_files(site: Site) -> dict[str, str]:
    files: dict[str, str] = {}
    for reg in site.regs:
        kwargs = {"extras": site.article_extras, "full_text_extras": site.full_text_extras}
        if site.annotate:
            kwargs["annotate"] = site.annotate
        ctx = PageContext(reg, site.glosses[reg.id], site.urls, **kwargs)
        files[full_text_src(reg.id)] = full_text_page(ctx)
        for art in reg.articles:
            files[article_src(reg.id, art.number)] = article_page(ctx, art)
        files[f"data/{reg.id}.json"] = json.dumps(regulation_json(reg, site.glosses[reg.id]), ensure_ascii=False,
                                                  indent=1) + "\n"
    for module in site.contributors:
        if hasattr(module, "files"):
            for src, content in module.files(site).items():
                if src in files:
                    raise ValueError(f"{module.__name__} generates {src}, which is generated already")
                files[src] = content
    return files


def nav(site: Site) -> list:
    entries = list(HAND_WRITTEN_NAV)
    for reg in site.regs:
        entries.append({f"{reg.meta.title_zh} {reg.meta.title_en}": nav_entries(reg, site.glosses[reg.id])})
    for module in site.contributors:
        if hasattr(module, "nav"):
            entries.extend(module.nav(site))
    entries.append(ABOUT_NAV)
    return escape_nav(entries)
