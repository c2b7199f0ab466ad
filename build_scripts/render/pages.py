"""Regulation -> generated Markdown pages. Pure: data in, Markdown out; no file I/O.

Legal text is emitted inside raw HTML blocks, escaped, so it is never read as Markdown or as a
Jinja template. Every id on these pages is explicit and part of the public interface
(docs/data.md): para-<k>, para-<k>-item-<m> on article pages; art-<n>, art-<n>-para-<k>,
art-<n>-para-<k>-item-<m> and chp-<n> on full-text pages.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from build_scripts.enrich.gloss import Gloss
from build_scripts.model.regulation import Article, Chapter, Regulation, full_text_anchor, item_eid, para_anchor, para_eid
from build_scripts.model.urls import Urls, article_src, full_text_src

Annotate = Callable[[str, str, str, str], str]
"""(reg_id, eid, text, page_src) -> HTML of a Chinese unit. The default only escapes."""


def plain(reg_id: str, eid: str, text: str, page_src: str) -> str:
    return html.escape(text)


ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
                        **{c: f"&#{ord(c)};" for c in "\\`*_{}[]|\n\r"}})


def esc(text: str) -> str:
    """Text as HTML that no later stage reads as markup: HTML-escaped, and Markdown's metacharacters
    (\\ ` * _ { } [ ] |) and line breaks as character references, so it stays text in raw HTML
    blocks and in Markdown headings alike (where emphasis, links and attr_list would otherwise apply,
    a line break would end a heading, and a blank line would end an HTML block)."""
    return text.translate(ESCAPES)


HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]*")


def en_html(text: str) -> str:
    """English text, escaped, with any Chinese inside it (titles quoted in a gloss or a note) marked
    lang="zh-Hans" so that screen readers switch voice (WCAG 3.1.2)."""
    return HAN_RUN.sub(lambda m: f'<span lang="zh-Hans">{m.group(0)}</span>', esc(text))


def bi(zh: str, en: str, sep: str = " / ") -> str:
    """An edition label in both languages, each marked with its language."""
    return f'<span lang="zh-Hans">{esc(zh)}</span>{sep}<span lang="en">{esc(en)}</span>'


NO_GLOSS = bi("英文译文尚未提供", "English gloss not yet available")
AUTHORITY = bi("中文文本为准；英文为本版非官方译文。",
               "The Chinese text is authoritative; the English is an unofficial gloss by this edition.", " ")


@dataclass(frozen=True)
class PageContext:
    reg: Regulation
    gloss: Gloss
    urls: Urls
    annotate: Annotate = plain
    extras: Callable[[Regulation, Article, str], str] | None = None
    full_text_extras: Callable[[Regulation, str], str] | None = None
    """Optional blocks appended to a full-text page, given the regulation and the page src."""
    """Optional blocks appended to an article page (references, counterparts), given the page src."""


RAW_IN_THEME = {"title": False, "description": True}
"""Front-matter keys that Material prints as raw HTML (header, <title>, meta description): their
text is HTML-escaped here, once (quote: also escape quotes, for the attribute)."""


def front_matter(**fields) -> str:
    # JSON strings are valid YAML scalars: safe for any title text
    fields = {k: html.escape(v, quote=RAW_IN_THEME[k]) if k in RAW_IN_THEME and isinstance(v, str) else v
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


def chapter_label(ch: Chapter, gloss: Gloss) -> str:
    en = f"Chapter {ch.number}" + (f" {gloss.chapter(ch.number)}" if gloss.chapter(ch.number) else "")
    return bi(f"{ch.label} {ch.title}", en)


def article_title_text(reg: Regulation, art: Article, gloss: Gloss) -> str:
    heading = gloss.heading(art.number)
    return f"{art.label} Article {art.number}" + (f" · {heading}" if heading else "")


def article_heading_html(art: Article, gloss: Gloss) -> str:
    heading = gloss.heading(art.number)
    editorial = (f' <span class="lex-editorial" title="Editorial heading added by this edition; '
                 f'the official text has none">· {esc(heading)}</span>') if heading else ""
    return (f'<span lang="zh-Hans">{esc(art.label)}</span> '
            f'<span class="lex-en-label" lang="en">Article {art.number}{editorial}</span>')


def unit_row(ctx: PageContext, eid: str, zh_html: str, label: str | None, en_label: str | None,
             anchor: str | None, tag: str, cls: str, number_link: str) -> str:
    en = ctx.gloss.unit(eid)
    if ctx.gloss.exists:
        en_div = (f'<div class="lex-en" lang="en">{en_label or ""}{en_html(en)}</div>' if en else
                  f'<div class="lex-en lex-missing">{NO_GLOSS}</div>')
    else:
        en_div = ""
    zh_label = f'<span class="lex-label">{esc(label)}</span>' if label else ""
    id_attr = f' id="{anchor}"' if anchor else ""
    return (f'<{tag} class="{cls}"{id_attr} data-eid="{eid}">{number_link}'
            f'<div class="lex-zh" lang="zh-Hans">{zh_label}{zh_html}</div>{en_div}</{tag}>')


def article_body(ctx: PageContext, art: Article, page_src: str, prefix: str) -> str:
    """The paragraphs and items of one article as one raw HTML block.

    prefix is "" on an article page and "art-<n>-" on the full-text page.
    """
    reg_id = ctx.reg.id
    multi = len(art.paragraphs) > 1
    parts = [f'<div class="lex-article{"" if ctx.gloss.exists else " lex-zh-only"}" data-eid="{art.eid}">']
    for para in art.paragraphs:
        pid = para_eid(art.number, para.number)
        anchor = prefix + para_anchor(para.number)
        num = (f'<a class="lex-pnum" href="#{anchor}" aria-label="第{para.number}款 / paragraph {para.number}" '
               f'title="第{para.number}款 / paragraph {para.number}">{para.number if multi else "¶"}</a>')
        parts.append(f'<div class="lex-para" id="{anchor}" data-eid="{pid}">')
        if para.text:
            parts.append(unit_row(ctx, pid, ctx.annotate(reg_id, pid, para.text, page_src), None, None,
                                  None, "div", "lex-row lex-lead", num))
        if para.items:
            parts.append('<ol class="lex-items">')
            for item in para.items:
                iid = item_eid(art.number, para.number, item.number)
                ianchor = prefix + para_anchor(para.number, item.number)
                inum = (f'<a class="lex-inum" href="#{ianchor}" aria-label="第{para.number}款第{item.number}项 / '
                        f'paragraph {para.number} item {item.number}"></a>')
                parts.append(unit_row(ctx, iid, ctx.annotate(reg_id, iid, item.text, page_src), item.label,
                                      f'<span class="lex-label">({item.number})</span> ', ianchor, "li",
                                      "lex-row lex-item", inum))
            parts.append("</ol>")
        parts.append("</div>")
    parts.append("</div>")
    return "\n".join(parts)


def mode_toggle() -> str:
    """Display-mode switch; edition.js wires it up and remembers the choice (localStorage)."""
    return ('<div class="lex-toggle" role="group" aria-label="显示 / Display">'
            '<button type="button" data-lex-mode="both" aria-pressed="true">'
            '<span lang="zh-Hans">中英对照</span> / <span lang="en">Both</span></button>'
            '<button type="button" data-lex-mode="zh" aria-pressed="false">'
            '<span lang="zh-Hans">仅中文</span> / <span lang="en">Chinese</span></button>'
            '<button type="button" data-lex-mode="en" aria-pressed="false">'
            '<span lang="zh-Hans">仅英文</span> / <span lang="en">English</span></button>'
            '</div>')


def notice(ctx: PageContext) -> str:
    text = AUTHORITY if ctx.gloss.exists else f"{NO_GLOSS}. {AUTHORITY}"
    cls = "lex-notice" + ("" if ctx.gloss.exists else " lex-notice-missing")
    return f'<p class="{cls}" role="note">{text}</p>'


def article_page(ctx: PageContext, art: Article) -> str:
    reg, gloss, urls = ctx.reg, ctx.gloss, ctx.urls
    src = article_src(reg.id, art.number)
    chapter = next((c for c in reg.chapters if c.number == art.chapter), None)
    crumbs = [f'<a href="{urls.rel(src, full_text_src(reg.id))}">{bi(reg.meta.title_zh, reg.meta.title_en)}</a>']
    if chapter:
        crumbs.append(f'<a href="{urls.rel(src, full_text_src(reg.id), f"chp-{chapter.number}")}">'
                      f'{chapter_label(chapter, gloss)}</a>')
    neighbours = []
    prev, nxt = reg.neighbours(art)   # by position: inserted articles (第十一条之一) stand between 11 and 12
    if prev:
        neighbours.append(f'<a rel="prev" href="{urls.rel(src, article_src(reg.id, prev.number))}">'
                          f'← {bi(prev.label, f"Article {prev.number}")}</a>')
    neighbours.append(f'<a href="{urls.rel(src, full_text_src(reg.id), full_text_anchor(art.number))}">'
                      f'{bi("在全文中查看", "View in full text")}</a>')
    if nxt:
        neighbours.append(f'<a rel="next" href="{urls.rel(src, article_src(reg.id, nxt.number))}">'
                          f'{bi(nxt.label, f"Article {nxt.number}")} →</a>')
    out = [
        front_matter(title=f"{article_title_text(reg, art, gloss)} — {reg.meta.title_zh}",
                     description=f"{reg.meta.title_zh} {art.label} / {reg.meta.title_en}, Article {art.number}"),
        "<!-- Generated by build_scripts/render/pages.py from corpus/; do not edit. -->",
        "",
        f'<nav class="lex-crumbs" aria-label="位置 / Location">{" › ".join(crumbs)}</nav>',
        "",
        f"# {article_heading_html(art, gloss)} {{: #article }}",
        "",
        notice(ctx) + (mode_toggle() if gloss.exists else ""),
        "",
        article_body(ctx, art, src, ""),
        "",
    ]
    if ctx.extras:
        extra = ctx.extras(reg, art, src)
        if extra:
            out += [extra, ""]
    out += [f'<nav class="lex-prevnext" aria-label="条文导航 / Article navigation">{" ".join(neighbours)}</nav>', ""]
    return "\n".join(out)


def full_text_page(ctx: PageContext) -> str:
    reg, gloss, urls = ctx.reg, ctx.gloss, ctx.urls
    src = full_text_src(reg.id)
    m = reg.meta
    facts = [f"<dt>{bi('施行日期', 'In force')}</dt><dd>{esc(m.effective or '—')}</dd>"]
    if m.adopted:
        facts.append(f"<dt>{bi('通过日期', 'Adopted')}</dt><dd>{esc(m.adopted)}"
                     + (f" — {bi(m.adopted_by.get('zh', ''), m.adopted_by.get('en', ''))}" if m.adopted_by else "")
                     + "</dd>")
    facts.append(f"<dt>{bi('条数', 'Articles')}</dt><dd>{len(reg.articles)}</dd>")
    if reg.chapters:
        facts.append(f"<dt>{bi('章数', 'Chapters')}</dt><dd>{len(reg.chapters)}</dd>")
    facts.append(f"<dt>{bi('数据', 'Data')}</dt><dd><a href=\"{urls.rel(src, f'data/{reg.id}.json')}\">"
                 f"{reg.id}.json</a></dd>")
    out = [
        front_matter(title=f"{m.title_zh} {m.title_en}", search={"exclude": True}),
        "<!-- Generated by build_scripts/render/pages.py from corpus/; do not edit. -->",
        "",
        f'# <span lang="zh-Hans">{esc(m.title_zh)}</span> <span class="lex-en-label" lang="en">{esc(m.title_en)}</span> {{: #top }}',
        "",
    ]
    if reg.text.note:
        out += [f'<p class="lex-source-note" lang="zh-Hans">{esc(reg.text.note)}</p>', ""]
    out += [f'<dl class="lex-facts">{"".join(facts)}</dl>', "", notice(ctx) + (mode_toggle() if gloss.exists else ""), ""]
    first_of_chapter = {c.articles[0]: c for c in reg.chapters}
    for art in reg.articles:
        if art.number in first_of_chapter:
            ch = first_of_chapter[art.number]
            out += [f"## {chapter_label(ch, gloss)} {{: #chp-{ch.number} }}", ""]
        level = "###" if reg.chapters else "##"
        link = f'<a class="lex-artlink" href="{urls.rel(src, article_src(reg.id, art.number))}" aria-label="{esc(art.label)} 单独页面 / Article {art.number} page">¶</a>'
        out += [f"{level} {article_heading_html(art, gloss)} {{: #{full_text_anchor(art.number)} }}", "",
                f'<p class="lex-artpage">{link}</p>', "",
                article_body(ctx, art, src, f"art-{art.number}-"), ""]
    if ctx.full_text_extras:
        extra = ctx.full_text_extras(reg, src)
        if extra:
            out += [extra, ""]
    return "\n".join(out)


def escape_nav(entries: list) -> list:
    """Material prints nav titles as raw HTML: escape each title once and mark it safe (Markup), so
    that the theme's own `| e` (footer labels) does not escape it a second time."""
    out = []
    for entry in entries:
        if isinstance(entry, dict):
            out.append({Markup.escape(title): escape_nav(value) if isinstance(value, list) else value
                        for title, value in entry.items()})
        else:
            out.append(entry)
    return out


def nav_entries(reg: Regulation, gloss: Gloss) -> list:
    """MkDocs nav for one regulation: full text, then articles (grouped by chapter when it has them)."""
    def art_entry(a: Article) -> dict:
        heading = gloss.heading(a.number)
        return {f"{a.label}" + (f" {heading}" if heading else f" Art. {a.number}"): article_src(reg.id, a.number)}
    entries: list = [{"全文 Full text": full_text_src(reg.id)}]
    if reg.chapters:
        for ch in reg.chapters:
            en = gloss.chapter(ch.number) or f"Chapter {ch.number}"
            entries.append({f"{ch.label} {ch.title} · {en}": [art_entry(reg.article(n)) for n in ch.articles]})
    else:
        entries.extend(art_entry(a) for a in reg.articles)
    return entries
