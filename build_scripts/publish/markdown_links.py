"""A Python-Markdown extension that links citations of the edition's regulations at build time, for MkDocs
and any other Python-Markdown user (entry point `edition_links`, group `markdown.extensions`):

    markdown_extensions:
      - edition_links:
          site: path/to/the/edition/site      # a built site of the edition, or a folder with its data/
          base_url: https://example.org/pingan/   # where the links point; default: anchors.json's site_url

It reads only the edition's published data from a local folder (never a URL): data/cite-rules.json (the
citation rules and structure) and data/anchors.json (each provision's URL and citation), so it works without
this repository's corpus. The rules are interpreted by model/citeparse.py, the code the site build uses;
the same citations become links as in the drop-in script (docs/linking.md). Text inside links, code, pre,
script and style is left alone. Bad data stops with one line, `path: what was found; what was expected`.
"""
from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from build_scripts.model import citeparse
from build_scripts.model.urls import ANCHORS_JSON, RULES_JSON

SKIP = {"a", "code", "pre", "script", "style", "kbd", "samp", "textarea"}
LINK_CLASS = "edition-cite"


class EditionDataError(ValueError):
    """The edition's data could not be read: one line, `path: what was found; what was expected`."""


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EditionDataError(f"{path}: not found; expected {what} (a built site of the edition)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise EditionDataError(f"{path}: unreadable ({e}); expected {what}") from None


def load_data(site: str) -> tuple[dict[str, Any], dict[str, list[list[int]]], dict[tuple[str, str], dict[str, Any]],
                                  str | None]:
    """(rules, structure, {(reg, eid): anchors entry}, site_url) from a built site folder."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", site, re.I):
        raise EditionDataError(f"{site}: a URL; expected a local folder (the extension downloads nothing)")
    root = Path(site)
    rules_name, anchors_name = posixpath.basename(RULES_JSON), posixpath.basename(ANCHORS_JSON)
    folder = root / posixpath.dirname(RULES_JSON)      # a site, or its data folder itself
    data = folder if (folder / rules_name).exists() or not (root / rules_name).exists() else root
    rules_path, anchors_path = data / rules_name, data / anchors_name
    published = _read_json(rules_path, f"the citation rules, {RULES_JSON}")
    anchors = _read_json(anchors_path, f"the anchors, {ANCHORS_JSON}")
    for path, value, keys in ((rules_path, published, ("schema_version", "rules", "structure")),
                              (anchors_path, anchors, ("schema_version", "units"))):
        missing = [k for k in keys if not isinstance(value, dict) or k not in value]
        if missing:
            raise EditionDataError(f"{path}: no {', '.join(missing)}; expected the keys {', '.join(keys)}")
        if value["schema_version"] != 1:
            raise EditionDataError(f"{path}: schema_version {value['schema_version']!r}; expected 1")
    units = {(u["reg"], u["eid"]): u for u in anchors["units"]}
    return published["rules"], published["structure"], units, anchors.get("site_url")


class CitationLinker(Treeprocessor):
    def __init__(self, md: Markdown, rules: dict[str, Any], struct: dict[str, list[list[int]]],
                 units: dict[tuple[str, str], dict[str, Any]], base_url: str, titles: bool) -> None:
        super().__init__(md)
        self.rules, self.struct, self.units, self.base_url, self.titles = rules, struct, units, base_url, titles

    def link(self, text: str) -> tuple[str, list[etree.Element]]:
        """text -> (the text before the first citation, [a elements whose tails carry the rest])."""
        hits = [(start, end, self.units[(m["reg"], m["eid"])])
                for start, end, m in citeparse.find(text, self.rules, self.struct)
                if (m["reg"], m["eid"]) in self.units]   # else the rules and anchors of two builds: left alone
        links = []
        for i, (start, end, unit) in enumerate(hits):
            a = etree.Element("a", {"href": self.base_url + unit["url"].lstrip("/"), "class": LINK_CLASS})
            if self.titles:
                a.set("title", f"{unit['citation']['zh']} / {unit['citation']['en']}")
            a.text = text[start:end]
            a.tail = text[end:hits[i + 1][0] if i + 1 < len(hits) else len(text)]
            links.append(a)
        return (text[:hits[0][0]] if hits else text), links

    def walk(self, el: etree.Element) -> None:
        if el.tag in SKIP:
            return
        children = list(el)
        if el.text:
            el.text, new = self.link(el.text)
            for k, a in enumerate(new):
                el.insert(k, a)
        for child in children:
            self.walk(child)
            if child.tail:
                child.tail, new = self.link(child.tail)
                at = list(el).index(child) + 1
                for k, a in enumerate(new):
                    el.insert(at + k, a)

    def run(self, root: etree.Element) -> None:
        self.walk(root)


class EditionLinksExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "site": ["", f"A built site of the edition (a local folder holding {RULES_JSON} and "
                         f"{ANCHORS_JSON}), or that data folder itself"],
            "base_url": ["", "Where the links point (the edition's address, ending in /); "
                             "default: the site_url in anchors.json"],
            "titles": [True, "Give each link a title: the citation in Chinese and English"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        site = str(self.getConfig("site"))
        if not site:
            raise EditionDataError("edition_links: no site; expected site: the folder of a built edition site")
        rules, struct, units, site_url = load_data(site)
        base = str(self.getConfig("base_url") or site_url or "")
        if not base:
            raise EditionDataError(f"{site}: anchors.json has no site_url and no base_url is set; expected "
                                   "base_url: the edition's address, e.g. https://example.org/pingan/")
        base = base if base.endswith("/") else base + "/"
        # after the inline patterns (20) and before prettify (10): the tree holds the finished text
        md.treeprocessors.register(CitationLinker(md, rules, struct, units, base, bool(self.getConfig("titles"))),
                                   "edition_links", 15)


def makeExtension(**kwargs: Any) -> EditionLinksExtension:  # noqa: N802 (Python-Markdown's name)
    return EditionLinksExtension(**kwargs)
