"""Macros for the hand-written pages (docs/*.md that opt in with `render_macros: true`).

Every link, count and title on those pages comes from the build's Edition (the same one every feature
reads) through these functions, so no hand-written page hard-codes a URL, a number or a title. Unknown
input raises at once, naming what was asked for. Corpus text comes out escaped (render.html.escape): it
lands in Markdown, where HTML and Markdown syntax in a title would otherwise become markup.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from markupsafe import Markup

from build_scripts.model.ref import Ref
from build_scripts.model.regulation import units
from build_scripts.model.urls import full_text_src, json_src, with_anchor
from build_scripts.publish.site import current
from build_scripts.render.html import escape as esc
from build_scripts.render.html import macro


class MacroError(ValueError):
    pass


def edition():
    return current().site.edition


def regulation(reg_id: str):
    try:
        return edition().reg(reg_id)
    except KeyError as exc:
        raise MacroError(str(exc)) from None


def counts(reg) -> dict[str, int]:
    all_units = units(reg.articles)
    return {
        "articles": len(reg.articles),
        "chapters": len(reg.chapters),
        "paragraphs": sum(len(a.paragraphs) for a in reg.articles),
        "items": sum(1 for u in all_units if u.item is not None),
        "characters": sum(len(u.zh) + len(u.label or "") for u in all_units),
    }


def define_env(env):
    def here() -> str:
        page = env.page
        return posixpath.dirname(page.file.src_uri) if page else ""

    def link_to(src: str, anchor: str | None = None) -> str:
        """A Markdown link target (the .md path): for links written in Markdown, e.g. in tables."""
        return with_anchor(posixpath.relpath(src, here() or "."), anchor)

    def link(src: str, label, anchor: str | None = None) -> str:
        """An HTML link with the built URL: works in Markdown and inside raw HTML blocks alike (where a
        Markdown link would stay text)."""
        href = current().site.urls.rel(env.page.file.src_uri, src, anchor)
        return macro("link")(href, label)

    @env.macro
    def regulations() -> list[dict]:
        """The regulations in the corpus, for tables and lists on hand-written pages."""
        out = []
        for reg in edition().regs:
            gloss = edition().glosses[reg.id]
            out.append({"id": reg.id, "short": reg.meta.short, "title_zh": esc(reg.meta.title_zh),
                        "title_en": esc(reg.meta.title_en), "effective": reg.meta.effective or "—",
                        "adopted": reg.meta.adopted or "—", "jurisdiction": reg.meta.jurisdiction or "—",
                        "url": link_to(full_text_src(reg.id)), "data": link_to(json_src(reg.id)),
                        "units": len([u for u in units(reg.articles) if u.zh]),
                        "gloss_units": sum(1 for u in units(reg.articles) if u.zh and gloss.unit(u.eid)),
                        **counts(reg)})
        return out

    @env.macro
    def count(reg_id: str, what: str) -> int:
        """count('jiangxi', 'articles') -> 63. what: articles, chapters, paragraphs, items, characters."""
        table = counts(regulation(reg_id))
        if what not in table:
            raise MacroError(f"count(): unknown measure {what!r}; known: {sorted(table)}")
        return table[what]

    @env.macro
    def glossary_terms() -> list[dict]:
        """The glossary's terms (zh, pinyin, en), sorted by pinyin, for the translation notes."""
        terms = sorted(edition().glossary, key=lambda t: t.sort_key)
        return [{"zh": esc(t.zh), "pinyin": esc(t.pinyin), "en": esc(t.en)} for t in terms]

    @env.macro
    def total(what: str) -> int:
        return sum(count(r.id, what) for r in edition().regs)

    @env.macro
    def reg_title(reg_id: str, lang: str = "zh") -> str:
        reg = regulation(reg_id)
        if lang not in ("zh", "en"):
            raise MacroError(f"reg_title(): lang must be 'zh' or 'en', got {lang!r}")
        return esc(reg.meta.title_zh if lang == "zh" else reg.meta.title_en)

    @env.macro
    def cite(reg_id: str, art: int, para: int | None = None, item: int | None = None,
             text: str | None = None, lang: str = "zh") -> str:
        """A Markdown link to an article, paragraph or item, labelled in the edition's citation style
        (model/ref.py): 第十五条第二款 (lang zh) or "Jiangxi Art. 15(2)" (lang en)."""
        reg = regulation(reg_id)
        try:
            ref = Ref(reg, art, para, item)
        except (ValueError, IndexError, KeyError) as exc:
            raise MacroError(f"cite(): {exc}") from None
        label = text or (macro("zh")(ref.label_zh) if lang == "zh"
                         else f"{esc(reg.meta.title_en.split(' Province')[0])} {ref.label_en}")
        return link(ref.page_src, Markup(label), ref.anchor)

    @env.macro
    def full_text(reg_id: str, text: str | None = None) -> str:
        reg = regulation(reg_id)
        label = text or macro("zh")(reg.meta.title_zh)
        return link(full_text_src(reg_id), Markup(label))

    @env.macro
    def data_file(reg_id: str) -> str:
        regulation(reg_id)
        return link(json_src(reg_id), posixpath.basename(json_src(reg_id)))

    @env.macro
    def page_link(src: str, text: str) -> str:
        """A link to another hand-written page by its source path, e.g. page_link('cite.md', 'How to cite')."""
        if not (Path(env.conf["docs_dir"]) / src).exists():
            raise MacroError(f"page_link(): no hand-written page {src!r}")
        return link(src, Markup(text))

    @env.macro
    def citation(reg_id: str, art: int, para: int | None = None, item: int | None = None,
                 lang: str = "zh") -> str:
        """The citation of a provision in the edition's one style (Ref.citation), as text:
        《江西省平安建设条例》第十五条第二款 (zh) or "Jiangxi Province Regulations on Ping'an-Building,
        Art. 15(2)" (en)."""
        if lang not in ("zh", "en"):
            raise MacroError(f"citation(): lang must be 'zh' or 'en', got {lang!r}")
        try:
            ref = Ref(regulation(reg_id), art, para, item)
        except (ValueError, IndexError, KeyError) as exc:
            raise MacroError(f"citation(): {exc}") from None
        return esc(ref.citation[lang])
