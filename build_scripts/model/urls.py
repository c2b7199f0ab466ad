"""Public URLs and anchors of the site: the one place that spells them. How a source page maps to a URL in
both build modes (directory URLs on the web; .html files for the offline copy), and the fragment ids of
articles, paragraphs, items and chapters (docs/data.md)."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass


def para_anchor(paragraph: int, item: int | None = None) -> str:
    """Fragment id on an article page."""
    return f"para-{paragraph}" if item is None else f"para-{paragraph}-item-{item}"


def full_text_anchor(article: int | str, paragraph: int | None = None, item: int | None = None) -> str:
    """Fragment id on a regulation's full-text page."""
    if paragraph is None:
        return f"art-{article}"
    return f"art-{article}-" + para_anchor(paragraph, item)


def chapter_anchor(number: int) -> str:
    return f"chp-{number}"


def article_path(reg_id: str, number: int | str) -> str:
    """Permanent site-relative URL of an article page (directory form, the public one): jiangxi/art-15/."""
    return f"{reg_id}/art-{number}/"


# The same shapes read back (citation resolver, here and in browser/: cite/parse.js, preview/target.js): the
# common subset of Python `re` and JavaScript RegExp. Groups: article, paragraph, item.
ARTICLE_URL_RE = "art-([0-9]+)(?:/|\\.html)?(?:index\\.html)?(?:#para-([0-9]+)(?:-item-([0-9]+))?)?$"
FULL_TEXT_URL_RE = "#art-([0-9]+)(?:-para-([0-9]+)(?:-item-([0-9]+))?)?$"
REG_ID_RE = "[a-z][a-z0-9-]{1,30}"      # a regulation's id, its first path segment (parse/corpus.py checks it)


def browser_shapes() -> dict[str, str]:
    """The URL shapes the browser code reads links with (the build's data "urls", browser/preview/target.js)."""
    return {"article": ARTICLE_URL_RE, "full_text": FULL_TEXT_URL_RE, "reg": REG_ID_RE}


def article_src(reg_id: str, number: int) -> str:
    return f"{reg_id}/art-{number}.md"


HOME_SRC = "index.md"
CHANGES_SRC = "changes.md"       # the what's-new page (features/status.py), linked from every status box


def full_text_src(reg_id: str) -> str:
    return f"{reg_id}/index.md"


def chapter_src(reg_id: str, number: int) -> str:
    """A chapter's page (the list of its articles; the section index of the chapter in the navigation):
    jiangxi/chp-3/ (an index.md, so that Material's navigation.indexes makes the chapter's entry link to it)."""
    return f"{reg_id}/{chapter_anchor(number)}/index.md"


@dataclass(frozen=True)
class Urls:
    directory_urls: bool = True

    def url(self, src: str) -> str:
        """Site-relative URL of a source page: jiangxi/art-15.md -> jiangxi/art-15/ (or .html)."""
        stem = src[:-3] if src.endswith(".md") else src
        if stem == "index" or stem.endswith("/index"):
            base = stem[: -len("index")]
            return base if self.directory_urls else base + "index.html"
        return stem + "/" if self.directory_urls else stem + ".html"

    def rel(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        """Relative href from a page (.md) or a file such as assets/x.js (a script's data, resolved against
        the script's own URL) to another page (.md) or to a file such as data/x.json."""
        target = "/" + (self.url(to_src) if to_src.endswith(".md") else to_src)
        here = "/" + (self.url(from_src) if from_src.endswith(".md") else from_src)
        base = here if here.endswith("/") else posixpath.dirname(here) + "/"
        href = posixpath.relpath(target, base)
        if target.endswith("/") and not href.endswith("/"):
            href += "/"
        if href == "./" and not target.endswith("/"):
            href = posixpath.basename(target)
        return href + (f"#{anchor}" if anchor else "")


PUBLIC = Urls(directory_urls=True)


def public_path(src: str, anchor: str | None = None) -> str:
    """Permanent site-relative URL of a source page (directory form, the public one, whatever this build
    writes): changes.md -> changes/, jiangxi/index.md -> jiangxi/."""
    return PUBLIC.url(src) + (f"#{anchor}" if anchor else "")
