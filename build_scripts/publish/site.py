"""Everything the site generates, as {src: content} and a nav, from the Edition and the features.

One `Build` per MkDocs build: the Site (Edition + URL rules + public base) and one instance of each
registered feature. Pure: data in, pages out; the MkDocs hook does the I/O."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from build_scripts.features import REGISTERED
from build_scripts.features.protocol import Feature, FeatureBase, FeatureConfig, NavEntry
from build_scripts.model.messages import catalogue, pair
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Article, Regulation
from build_scripts.model.storage import STORAGE_KEYS
from build_scripts.model.urls import (
    ABOUT_SRC,
    ADDING_SRC,
    CITE_SRC,
    DATA_DOC_SRC,
    HOME_SRC,
    LINKING_SRC,
    TRANSLATION_NOTES_SRC,
    article_src,
    browser_shapes,
    chapter_src,
    full_text_src,
    json_src,
    units_src,
)
from build_scripts.publish.config import check_order
from build_scripts.publish.scripts import bundle_scripts
from build_scripts.render.context import Site
from build_scripts.render.export import json_file, regulation_json, units_data, units_index, units_js
from build_scripts.render.pages import (
    PageContext,
    article_page,
    chapter_page,
    escape_nav,
    full_text_page,
    nav_entries,
    plain,
    plain_en,
)

CORE_CSS = ("assets/edition.css",)        # before the features' stylesheets
LAST_CSS = ("assets/a11y.css",)           # after them: contrast and focus rules win
SCRIPT_MESSAGES = ("js.", "mode.", "theme.search.result.", "page.english-gloss-not-yet-available")  # sent, by prefix
CORE_JS = ("edition/index.js",)   # browser/ modules, before the features'
BUNDLE_CSS = "assets/bundle.css"          # what every page loads: one stylesheet and one script
BUNDLE_JS = "assets/bundle.js"

HAND_WRITTEN_NAV = (("nav.home", HOME_SRC),)       # the hand-written pages in the navigation: catalogue id, page
ABOUT_NAV = ("nav.about", (("nav.about-edition", ABOUT_SRC), ("nav.translation-notes", TRANSLATION_NOTES_SRC),
                           ("nav.cite", CITE_SRC), ("nav.linking", LINKING_SRC), ("nav.data", DATA_DOC_SRC),
                           ("nav.adding", ADDING_SRC)))

# More regulations than this and the nav lists none of them by name: one entry links to the home page's table
# of all of them, and a regulation's own pages show that regulation (overrides/partials/nav.html). A dozen
# titles fit a screen's sidebar; a hundred are a column no reader scans, repeated on every page.
NAV_LIST_MAX = 12


def nav_title(message_id: str) -> str:
    """A navigation title as the theme shows it, "中文 English" (edition.js marks each half with its language)."""
    return pair(message_id)


@dataclass(frozen=True)
class Build:
    site: Site
    features: tuple[Feature, ...]

    @classmethod
    def start(cls, site: Site, configs: Mapping[str, FeatureConfig] | None = None,
              registered: Sequence[type[FeatureBase]] = REGISTERED) -> Build:
        """The enabled features, in registry order, each with its settings (publish/config.feature_configs);
        a switched-off feature is not even constructed."""
        check_order(registered)
        chosen = {f.name: (configs or {}).get(f.name) or f.Config() for f in registered}
        return cls(site, tuple(f(site, chosen[f.name]) for f in registered if chosen[f.name].enabled))

    def article_blocks(self, reg: Regulation, art: Article, page_src: str) -> str:
        ref = Ref(reg, art.number)
        return "\n\n".join(b for f in self.features if (b := f.article_block(ref, page_src)))

    def full_text_blocks(self, reg: Regulation, page_src: str) -> str:
        return "\n\n".join(b for f in self.features if (b := f.full_text_block(reg, page_src)))

    def site_texts(self, texts: Sequence[str]) -> None:
        for f in self.features:
            f.site_texts(texts)

    def annotate(self, reg_id: str, eid: str, text: str, page_src: str) -> str:
        """A unit's Chinese as the first feature that marks it up gives it, else plain."""
        marked = next((m for f in self.features if (m := f.annotate(reg_id, eid, text, page_src)) is not None), None)
        return marked if marked is not None else plain(reg_id, eid, text, page_src)

    def annotate_en(self, reg_id: str, eid: str, text: str, page_src: str) -> str:
        """A unit's English, the same way."""
        marked = next((m for f in self.features if (m := f.annotate_en(reg_id, eid, text, page_src)) is not None), None)
        return marked if marked is not None else plain_en(reg_id, eid, text, page_src)


_CURRENT: list[Build] = []
"""The build in progress. MkDocs loads the hook file as a module of its own and calls its functions,
so the hook and the macros of hand-written pages meet here, in a module both import."""


def begin(build: Build) -> None:
    _CURRENT[:] = [build]


def current() -> Build:
    if not _CURRENT:
        raise RuntimeError("no edition build in progress")
    return _CURRENT[-1]


def script_messages() -> dict[str, dict[str, str]]:
    """The messages the scripts write, in both languages (browser/shared/messages.js)."""
    return {mid: {"zh": m.zh, "en": m.en} for mid, m in catalogue().items() if mid.startswith(SCRIPT_MESSAGES)}


def script_data(build: Build) -> dict[str, Any]:
    """The build's data for the browser code, by the name its modules import it under ("lex:<name>")."""
    data: dict[str, Any] = {"messages": script_messages(), "urls": browser_shapes(), "storage": STORAGE_KEYS,
                            "units-index": units_index(build.site, BUNDLE_JS)}
    for feature in build.features:
        for name, value in feature.script_data().items():
            if name in data:
                raise ValueError(f"feature {feature.name} sends script data {name!r}, which is sent already")
            data[name] = value
    return data


def scripts(build: Build, minify: bool = True) -> dict[str, str]:
    """The scripts the pages load, bundled from browser/: the one every page loads (the core's modules, then the
    features', in order) and those of a worker or of a few pages (a feature's `scripts`)."""
    bundles: dict[str, tuple[str, ...]] = {BUNDLE_JS: asset_order(build)[1]}
    for feature in build.features:
        for src, modules in feature.scripts.items():
            if src in bundles:
                raise ValueError(f"feature {feature.name} bundles {src}, which is bundled already")
            bundles[src] = modules
    return bundle_scripts(bundles, script_data(build), minify=minify)


def generated_files(build: Build) -> dict[str, str | bytes]:
    site = build.site
    files: dict[str, str | bytes] = {}
    for reg in site.regs:
        ctx = PageContext(reg, site.glosses[reg.id], site.urls, annotate=build.annotate, annotate_en=build.annotate_en,
                          extras=build.article_blocks, full_text_extras=build.full_text_blocks,
                          repeals=site.edition.facts[reg.id].repeals, status=site.edition.status.get(reg.id))
        files[full_text_src(reg.id)] = full_text_page(ctx)
        for art in reg.articles:
            files[article_src(reg.id, art.number)] = article_page(ctx, art)
        for ch in reg.chapters:
            files[chapter_src(reg.id, ch.number)] = chapter_page(ctx, ch)
        export = regulation_json(site, reg)                     # once: the JSON export and the browser's copy
        files[json_src(reg.id)] = json_file(export)
        files[units_src(reg.id)] = units_js(units_data(site, reg, export))
    for feature in build.features:
        for src, content in feature.files(dict(files)).items():
            if src in files:
                raise ValueError(f"feature {feature.name} generates {src}, which is generated already")
            files[src] = content
    return files


def asset_order(build: Build) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stylesheets and scripts of the core and of every feature, in cascade / execution order."""
    css = CORE_CSS + tuple(src for f in build.features for src in f.css) + LAST_CSS
    js = CORE_JS + tuple(src for f in build.features for src in f.js)
    return css, js


def bundle(parts: list[tuple[str, str]]) -> str:
    """Files joined into one, each under a comment naming its source (one request instead of many)."""
    return "".join(f"/* ---- {src} */\n{text.rstrip()}\n" for src, text in parts)


def nav_config(build: Build) -> dict[str, Any]:
    """config.extra.lex_nav, read by overrides/partials/nav.html: which top-level sections are regulations
    (by their first page, the full text) and whether they are listed or collapsed into one entry."""
    regs = build.site.regs
    # a set: the template asks of every top-level entry on every page whether it is a regulation
    return {"regulations": frozenset(full_text_src(r.id) for r in regs), "collapse": len(regs) > NAV_LIST_MAX,
            "all_label": pair("page.all-regulations", n=len(regs))}


def nav(build: Build) -> list[NavEntry]:
    site = build.site
    entries: list[NavEntry] = [{nav_title(mid): src} for mid, src in HAND_WRITTEN_NAV]
    for reg in site.regs:
        entries.append({f"{reg.meta.title_zh} {reg.meta.title_en}": nav_entries(reg, site.glosses[reg.id])})
    for feature in build.features:
        entries.extend(feature.nav())
    entries.append({nav_title(ABOUT_NAV[0]): [{nav_title(mid): src} for mid, src in ABOUT_NAV[1]]})
    return escape_nav(entries)
