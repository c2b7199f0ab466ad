"""Regulation -> generated Markdown pages. Pure: data in, Markdown out; no file I/O.

Legal text is emitted inside raw HTML blocks, escaped, so it is never read as Markdown or as a
Jinja template. Every id on these pages is explicit and part of the public interface
(docs/data.md): para-<k>, para-<k>-item-<m> on article pages; art-<n>, art-<n>-para-<k>,
art-<n>-para-<k>-item-<m> and chp-<n> on full-text pages.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from markupsafe import Markup

from build_scripts.enrich.gloss import Gloss
from build_scripts.enrich.status import Status
from build_scripts.model.messages import pair
from build_scripts.model.ref import Ref, article_title_en, chapter_title_en, chapter_title_zh
from build_scripts.model.regulation import Article, Chapter, Regulation
from build_scripts.model.urls import (
    CHANGES_SRC,
    Urls,
    article_src,
    changes_anchor,
    chapter_src,
    full_text_anchor,
    full_text_src,
    json_src,
)
from build_scripts.render.html import en_html, escape, render

Annotate = Callable[[str, str, str, str], str]
"""(reg_id, eid, text, page_src) -> HTML of a Chinese unit. The default only escapes."""


def plain(reg_id: str, eid: str, text: str, page_src: str) -> str:
    return escape(text)


def plain_en(reg_id: str, eid: str, text: str, page_src: str) -> str:
    """The default HTML of a unit's English: escaped, Chinese inside it marked (render/html.en_html)."""
    return en_html(text)


@dataclass(frozen=True)
class PageContext:
    reg: Regulation
    gloss: Gloss
    urls: Urls
    annotate: Annotate = plain
    annotate_en: Annotate = plain_en      # (reg_id, eid, English, page_src) -> HTML of a unit's English
    extras: Callable[[Regulation, Article, str], str] | None = None
    full_text_extras: Callable[[Regulation, str], str] | None = None
    repeals: Mapping[str, Any] | None = None   # the predecessor the text repeals (Edition.facts), for the landing page
    status: Any = None               # enrich.status.Status: the landing page's status box


RAW_IN_THEME = {"title", "html_title", "description"}
"""Front-matter keys that Material prints as raw HTML (header, <title>, meta description): their
text is escaped here, once, by the one escape (render.html.escape)."""


def front_matter(**fields: Any) -> str:
    # JSON strings are valid YAML scalars: safe for any title text
    fields = {k: str(escape(v)) if k in RAW_IN_THEME and isinstance(v, str) else v
              for k, v in fields.items()}
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


class ParaRefs(NamedTuple):
    """A paragraph's Ref and its items' Refs, for the templates."""
    ref: Ref
    items: tuple[Ref, ...]


def para_refs(reg: Regulation, art: Article) -> list[ParaRefs]:
    return [ParaRefs(Ref(reg, art.number, p.number), tuple(Ref(reg, art.number, p.number, i.number) for i in p.items))
            for p in art.paragraphs]


def article_title_text(reg: Regulation, art: Article, gloss: Gloss) -> str:
    heading = gloss.heading(art.number)
    return f"{art.label} {article_title_en(art.number, heading)}"


def article_page(ctx: PageContext, art: Article) -> str:
    reg, gloss, urls = ctx.reg, ctx.gloss, ctx.urls
    ref = Ref(reg, art.number)
    src = ref.page_src
    chapter = next((c for c in reg.chapters if c.number == art.chapter), None)
    links = {"reg": urls.rel(src, full_text_src(reg.id)),
             "chapter": urls.rel(src, chapter_src(reg.id, chapter.number)) if chapter else None,   # its list
             "full_text": urls.rel(src, full_text_src(reg.id), ref.full_text_anchor)}
    return render("pages/article.md.j2",
                  front_matter=Markup(front_matter(
                      title=f"{article_title_text(reg, art, gloss)} — {reg.meta.title_zh}",
                      html_title=f"{article_title_text(reg, art, gloss)} — {reg.meta.title_zh}",
                      description=f"{reg.meta.title_zh} {art.label} / {reg.meta.title_en}, Article {art.number}",
                      lex_view=True)),   # the page places its own display switch (overrides/main.html)
                  reg=reg, art=art, gloss=gloss, chapter=chapter, links=links, para_refs=para_refs(reg, art),
                  unit=lambda eid, text: Markup(ctx.annotate(reg.id, eid, text, src)),
                  unit_en=lambda eid, text: Markup(ctx.annotate_en(reg.id, eid, text, src)) if text else text,
                  blocks=Markup(ctx.extras(reg, art, src)) if ctx.extras else "")


def chapter_page(ctx: PageContext, ch: Chapter) -> str:
    """A chapter's page: its articles, each with its heading, as the chapter's entry in the navigation opens it
    (a list to choose from, not the chapter's first article)."""
    reg, gloss, urls = ctx.reg, ctx.gloss, ctx.urls
    src = chapter_src(reg.id, ch.number)
    title = f"{chapter_title_zh(ch)} {chapter_title_en(ch.number, gloss.chapter(ch.number))}"
    return render("pages/chapter.md.j2",
                  front_matter=Markup(front_matter(title=title, html_title=f"{title} — {reg.meta.title_zh}",
                                                   search={"exclude": True})),
                  reg=reg, chapter=ch, gloss=gloss, articles=[reg.article(n) for n in ch.articles],
                  links={"reg": urls.rel(src, full_text_src(reg.id)),
                         "full_text": urls.rel(src, full_text_src(reg.id), ch.anchor),
                         "articles": {n: urls.rel(src, article_src(reg.id, n)) for n in ch.articles}})


def status_links(status: Status, reg: Regulation, urls: Urls, src: str, changes_src: str | None,
                 article: int | None = None) -> dict[str, Any]:
    """The links of a status box (render/templates/_lex.j2 status_box) from one page."""
    p = status.predecessor
    repeal = Ref.from_eid(reg, p.eid) if p else None
    return {"repeal": {"href": repeal.href(urls, src), "label_zh": repeal.label_zh, "label_en": repeal.label_en}
                      if repeal else None,
            "changes": urls.rel(src, changes_src,
                                changes_anchor(reg.id, full_text_anchor(article) if article else None))
                       if changes_src else None,
            "details": urls.rel(src, full_text_src(reg.id), "status") if article else None}


def full_text_page(ctx: PageContext) -> str:
    reg, gloss, urls = ctx.reg, ctx.gloss, ctx.urls
    src = full_text_src(reg.id)
    m = reg.meta
    return render("pages/full_text.md.j2",
                  front_matter=Markup(front_matter(title=f"{m.title_zh} {m.title_en}",
                                                       html_title=f"{m.title_zh} {m.title_en}",
                                                       search={"exclude": True})),
                  reg=reg, gloss=gloss, repeals=ctx.repeals, status=ctx.status,
                  status_links=status_links(ctx.status, reg, urls, src, CHANGES_SRC) if ctx.status else None,
                  repeals_ref=Ref(reg, ctx.repeals["article"]) if ctx.repeals else None,
                  links={"data": urls.rel(src, json_src(reg.id))}, src=src, urls=urls,
                  first_of_chapter={c.articles[0]: c for c in reg.chapters},
                  refs={a.number: Ref(reg, a.number) for a in reg.articles},
                  article_links={a.number: urls.rel(src, article_src(reg.id, a.number)) for a in reg.articles},
                  para_refs={a.number: para_refs(reg, a) for a in reg.articles},
                  unit=lambda eid, text: Markup(ctx.annotate(reg.id, eid, text, src)),
                  unit_en=lambda eid, text: Markup(ctx.annotate_en(reg.id, eid, text, src)) if text else text,
                  blocks=Markup(ctx.full_text_extras(reg, src)) if ctx.full_text_extras else "")


def escape_nav(entries: list[Any]) -> list[Any]:
    """Material prints nav titles as raw HTML: escape each title once and mark it safe (Markup), so
    that the theme's own `| e` (footer labels) does not escape it a second time."""
    out = []
    for entry in entries:
        if isinstance(entry, dict):
            out.append({escape(title): escape_nav(value) if isinstance(value, list) else value
                        for title, value in entry.items()})
        else:
            out.append(entry)
    return out


def nav_entries(reg: Regulation, gloss: Gloss) -> list[Any]:
    """MkDocs nav for one regulation: full text, then articles (grouped by chapter when it has them)."""
    def art_entry(a: Article) -> dict[str, Any]:
        heading = gloss.heading(a.number)
        return {f"{a.label} {heading or Ref(reg, a.number).label_en}": article_src(reg.id, a.number)}
    entries: list[Any] = [{pair("page.full-text"): full_text_src(reg.id)}]
    if reg.chapters:
        for ch in reg.chapters:
            en = gloss.chapter(ch.number) or chapter_title_en(ch.number)
            title = f"{chapter_title_zh(ch)} · {en}"
            # its first entry, an index.md, is the chapter's page: the chapter's entry opens the list of its articles
            entries.append({title: [{title: chapter_src(reg.id, ch.number)},
                                    *(art_entry(reg.article(n)) for n in ch.articles)]})
    else:
        entries.extend(art_entry(a) for a in reg.articles)
    return entries
