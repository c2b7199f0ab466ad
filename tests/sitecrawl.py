"""A small offline link checker over a built site folder (no network, no server).

Every internal href/src/srcset in every HTML file, every url() in every CSS file and every
location in the search index must name an existing file, and every #anchor an existing id
(or name) in the target page. Two flavours:

- web (site/, directory URLs): a link to a folder resolves to its index.html; a link that starts
  with "/" breaks a deployment under a sub-path, so it is an error (except on 404.html, which
  Material writes with root-absolute links on purpose: it is served at any depth).
- offline (dist/offline/, opened from file://): a browser shows a folder listing for a link to a
  folder, so every link must name a file.

Links to other hosts are not fetched (links to the web are allowed; *loading* from another host
is checked by the browser tests). Links to `site_url` itself are mapped back onto the folder; in
the offline copy they are errors (the reader would leave the copy), except rel=canonical, which
names the permanent web URL on purpose.
"""
from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
LINK_ATTRS = {"href", "src", "poster", "data-src"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str, str]] = []  # (tag, attribute, url, rel)
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "base" and a.get("href"):
            self.base = a["href"]
        for key, value in attrs:
            if value is None:
                continue
            if key in LINK_ATTRS:
                if tag == "meta":
                    continue
                self.links.append((tag, key, value.strip(), (a.get("rel") or "").lower()))
            elif key in ("srcset", "imagesrcset"):
                for part in value.split(","):
                    if part.strip():
                        self.links.append((tag, key, part.strip().split()[0], ""))

    handle_startendtag = handle_starttag


@dataclass
class Report:
    root: Path
    pages: int = 0
    links: int = 0
    anchors: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"{self.root}: {self.pages} pages, {self.links} internal links, {self.anchors} anchors checked"
        return head + ("" if not self.errors else f"; {len(self.errors)} broken:\n  " + "\n  ".join(self.errors[:60]))


class Site:
    def __init__(self, root: Path, offline: bool, site_url: str | None = None):
        self.root = root.resolve()
        self.offline = offline
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self._parsed: dict[Path, PageParser] = {}

    def parsed(self, page: Path) -> PageParser:
        if page not in self._parsed:
            p = PageParser()
            p.feed(page.read_text(encoding="utf-8", errors="replace"))
            p.close()
            self._parsed[page] = p
        return self._parsed[page]

    def target(self, base_dir: Path, path: str, root_ok: bool) -> tuple[Path | None, str | None]:
        """(file, error) for a URL path relative to base_dir."""
        path = unquote(path)
        if path.startswith("/"):
            if not root_ok:
                return None, "root-absolute link (breaks under a sub-path and from file://)"
            candidate = self.root / path.lstrip("/")
        else:
            candidate = base_dir / path
        candidate = Path(posixpath.normpath(str(candidate)))
        try:
            candidate.relative_to(self.root)
        except ValueError:
            return None, "points outside the site"
        if candidate.is_dir():
            if self.offline:
                return None, "link to a folder (shows a directory listing from file://)"
            candidate = candidate / "index.html"
        if not candidate.is_file():
            return None, "no such file"
        return candidate, None

    def check_url(self, report: Report, where: str, base_dir: Path, page: Path | None, url: str,
                  root_ok: bool, rel: str = "") -> None:
        if not url or url.startswith(("javascript:", "data:", "mailto:", "tel:", "blob:")):
            return
        if self.offline and self.site_url and url.startswith(self.site_url):
            if "canonical" in rel.split():
                return  # the permanent URL of the web edition, by definition not a file of the copy
            report.links += 1
            report.errors.append(f"{where}: {url}: leaves the offline copy for the web edition")
            return
        if self.site_url and url.startswith(self.site_url):
            url = "/" + url[len(self.site_url):]
            root_ok = True
        elif EXTERNAL.match(url):
            return
        parts = urlsplit(url)
        report.links += 1
        if parts.path:
            target, error = self.target(base_dir, parts.path, root_ok)
            if error:
                report.errors.append(f"{where}: {url}: {error}")
                return
        else:
            target = page
        anchor = unquote(parts.fragment)
        if anchor and target is not None and target.suffix == ".html":
            report.anchors += 1
            if anchor not in self.parsed(target).ids:
                report.errors.append(f"{where}: {url}: no id {anchor!r} in {target.relative_to(self.root)}")

    def search_locations(self) -> tuple[str, list[str]] | None:
        for name in ("search/search_index.json", "search/search_index.js"):
            path = self.root / name
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                if name.endswith(".js"):  # offline plugin: var __index = {...}
                    text = text[text.index("{"): text.rindex("}") + 1]
                docs = json.loads(text)["docs"]
                # Material writes "location"; the edition's compact index (build_scripts/features/search.py) "l"
                return name, [d["location"] if "location" in d else d["l"] for d in docs]
        return None

    def check(self) -> Report:
        report = Report(self.root)
        for page in sorted(self.root.rglob("*.html")):
            report.pages += 1
            rel = page.relative_to(self.root).as_posix()
            parsed = self.parsed(page)
            base_dir = page.parent
            if parsed.base:
                base_dir = Path(posixpath.normpath(str(page.parent / parsed.base)))
            for tag, attr, url, link_rel in parsed.links:
                self.check_url(report, f"{rel} <{tag} {attr}>", base_dir, page, url, root_ok=rel == "404.html",
                               rel=link_rel)
        for css in sorted(self.root.rglob("*.css")):
            rel = css.relative_to(self.root).as_posix()
            for _, url in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
                if not url.startswith("#"):  # SVG filter references
                    self.check_url(report, f"{rel} url()", css.parent, None, url, root_ok=False)
        index = self.search_locations()
        if index:
            name, locations = index
            for loc in locations:
                # Material resolves locations against the site root; "" is the home page
                url = loc
                if self.offline:
                    path, _, frag = loc.partition("#")
                    if path == "" or path.endswith("/"):
                        url = path + "index.html" + ("#" + frag if frag else "")
                if not urlsplit(url).path:
                    url = ("index.html" if self.offline else "./") + url
                self.check_url(report, f"{name} location", self.root, None, url, root_ok=False)
        return report


def check_site(root: Path, offline: bool = False, site_url: str | None = None) -> Report:
    return Site(root, offline, site_url).check()


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path)
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--site-url")
    args = ap.parse_args()
    result = check_site(args.root, args.offline, args.site_url)
    print(result)
    raise SystemExit(1 if result.errors else 0)
