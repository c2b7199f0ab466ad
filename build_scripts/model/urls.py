"""Public URLs of the site. One place knows how a source page maps to a URL, in both build modes
(directory URLs on the web; .html files for the offline copy)."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass


def article_src(reg_id: str, number: int) -> str:
    return f"{reg_id}/art-{number}.md"


CHANGES_SRC = "changes.md"       # the what's-new page (features/status.py), linked from every status box


def full_text_src(reg_id: str) -> str:
    return f"{reg_id}/index.md"


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
        """Relative href from one page to another page (.md) or to a file such as data/x.json."""
        target = "/" + (self.url(to_src) if to_src.endswith(".md") else to_src)
        here = "/" + self.url(from_src)
        base = here if here.endswith("/") else posixpath.dirname(here) + "/"
        href = posixpath.relpath(target, base)
        if target.endswith("/") and not href.endswith("/"):
            href += "/"
        if href == "./" and not target.endswith("/"):
            href = posixpath.basename(target)
        return href + (f"#{anchor}" if anchor else "")
