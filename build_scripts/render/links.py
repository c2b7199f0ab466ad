"""A text the edition writes (a topic note, a definition), escaped, with each citation in it a link."""
from __future__ import annotations

from markupsafe import Markup

from build_scripts.model.citerules import find_citations
from build_scripts.render.context import Site
from build_scripts.render.html import en_html, macro


def linked(site: Site, text: str, page_src: str) -> Markup:
    """A text written by the edition (a note, a definition), escaped, with each citation in it a link to its
    provision (find_citations, Ref.href); Chinese inside English text marked as Chinese (render.html.en_html)."""
    out, pos = [], 0
    for start, end, ref in find_citations(text, site.regs):
        out += [en_html(text[pos:start]), macro("cite_link")(ref.href(site.urls, page_src), en_html(text[start:end]))]
        pos = end
    out.append(en_html(text[pos:]))
    return Markup("").join(out)
