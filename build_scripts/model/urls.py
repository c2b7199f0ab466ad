"""Public URLs and anchors of the site: the one place that spells them. How a source page maps to a URL in
both build modes (directory URLs on the web; .html files for the offline copy), and the fragment ids of
articles, paragraphs, items and chapters (docs/data.md)."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass


def with_anchor(path: str, anchor: str | None) -> str:
    """A URL and a fragment id: jiangxi/art-15/#para-2 (the URL alone without one)."""
    return f"{path}#{anchor}" if anchor else path


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
FEED_SRC = "atom.xml"            # its Atom feed
GLOSSARY_SRC = "glossary/index.md"
COMPARE_SRC = "compare/index.md"
COMPARE_TERMS_SRC = "compare/terms.md"
DOWNLOADS_SRC = "downloads.md"
RESOLVER_SRC = "resolve.md"      # the citation resolver, /resolve/?q=<citation>
SELECT_SRC = "select.md"         # the reader's pages: a shared selection, compare any two provisions, notes
DIFF_SRC = "diff.md"
NOTES_SRC = "notes.md"
# hand-written pages (docs/) the build links to
ABOUT_SRC = "about.md"
TRANSLATION_NOTES_SRC = "translation-notes.md"
CITE_SRC = "cite.md"
LINKING_SRC = "linking.md"
DATA_DOC_SRC = "data.md"
ADDING_SRC = "adding.md"
SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")   # MkDocs writes them
SEARCH_INDEX_JSON = "search/search_index.json"     # Material's search plugin writes it; features/search.py rewrites it
# the folders of scripts that carry text and index data, no code that adds classes (publish/cssprune.py skips them)
DATA_SCRIPT_DIRS = ("assets/units/", "search/")

# Data files (docs/data.md): the JSON export, its CSV and Akoma Ntoso renderings, the PDFs, and the shared tables
ANCHORS_JSON = "data/anchors.json"
RULES_JSON = "data/cite-rules.json"
GLOSSARY_JSON = "data/glossary.json"
ALIGNMENT_JSON = "data/alignment.json"
LINK_JS = "assets/link.js"       # the drop-in script other sites include (docs/linking.md)
CITE_RULES_JS = "assets/cite-rules.js"   # the citation rules and structure the resolver and the diff page read


def json_src(reg_id: str) -> str:
    return f"data/{reg_id}.json"


def csv_src(reg_id: str) -> str:
    return f"data/{reg_id}.csv"


def akn_src(reg_id: str, lang: str) -> str:
    """The Akoma Ntoso document, Chinese (the text as enacted) or English (the gloss)."""
    return f"data/{reg_id}.akn.xml" if lang == "zh" else f"data/{reg_id}.{lang}.akn.xml"


def pdf_src(reg_id: str) -> str:
    return f"downloads/{reg_id}.pdf"


def units_src(reg_id: str) -> str:
    """The JSON export as the pages' scripts read it (render/export.py: units_js)."""
    return f"assets/units/{reg_id}.js"


def compare_only_src(reg_id: str) -> str:
    """The comparison page of what only one regulation covers."""
    return f"compare/only-{reg_id}.md"


def compare_topic_src(topic_id: str) -> str:
    return f"compare/{topic_id}.md"


def short_src(short: str, *numbers: int) -> str:
    """A short link's page: jx/index.md (the regulation), jx/15.md, jx/15/2.md (a provision)."""
    return "/".join([short, *map(str, numbers)]) + ".md" if numbers else f"{short}/index.md"


def changes_anchor(reg_id: str, key: str | None = None) -> str:
    """On the what's-new page: a regulation's section (jiangxi), or the group of one article or chapter, named by
    its full-text anchor (jiangxi-art-15, jiangxi-chp-2)."""
    return f"{reg_id}-{key}" if key else reg_id


def glossary_path(term_id: str) -> str:
    """Site-absolute URL of a glossary entry (data/glossary.json's `url`)."""
    return "/" + public_path(GLOSSARY_SRC, term_id)


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
        return with_anchor(href, anchor)


PUBLIC = Urls(directory_urls=True)


def public_path(src: str, anchor: str | None = None) -> str:
    """Permanent site-relative URL of a source page (directory form, the public one, whatever this build
    writes): changes.md -> changes/, jiangxi/index.md -> jiangxi/."""
    return with_anchor(PUBLIC.url(src), anchor)
