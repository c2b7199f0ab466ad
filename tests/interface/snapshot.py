"""The public interface of a built site: every published URL, every anchor id on article and
full-text pages, every JSON key path. Readers link to these from their own documents, so a build
may add to them but never lose one (tests/interface/test_interface.py).

    python tests/interface/snapshot.py SITE_DIR > tests/interface/snapshot.json   # only to re-baseline
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ID = re.compile(r'\sid="([^"]+)"')
LEGAL_PAGE = re.compile(r"^[a-z0-9-]+/(art-\d+[a-z0-9-]*/)?index\.html$")
# Not public: the theme's own assets and search index (bundled and sharded as the site evolves), and the
# sitemap, which exists only when a public base URL is set.
INTERNAL = ("assets/", "search/", "sitemap.xml")
# ... except what other sites include: the drop-in script (docs/linking.md)
PUBLIC_ASSETS = ("assets/link.js",)


def urls(site: Path) -> list[str]:
    """Every published file as its site-relative URL (directory URLs: jiangxi/art-15/)."""
    out = []
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.endswith(".gz") and (not rel.startswith(INTERNAL) or rel in PUBLIC_ASSETS):
            out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return sorted(out)


def anchors(site: Path, regulation_ids: list[str]) -> dict[str, list[str]]:
    """Anchor ids of each regulation's full-text page and article pages."""
    out = {}
    for reg_id in regulation_ids:
        for path in sorted((site / reg_id).rglob("index.html")):
            rel = path.relative_to(site).as_posix()
            if LEGAL_PAGE.match(rel):
                out[rel[: -len("index.html")]] = sorted({i for i in ID.findall(path.read_text(encoding="utf-8"))
                                                       if not i.startswith("__")})  # theme internals
    return out


def key_paths(value, prefix: str = "$") -> set[str]:
    """JSON key paths with list positions generalised: $.articles[].paragraphs[].eid"""
    paths = {prefix}
    if isinstance(value, dict):
        for key, sub in value.items():
            paths |= key_paths(sub, f"{prefix}.{key}")
    elif isinstance(value, list):
        for sub in value:
            paths |= key_paths(sub, f"{prefix}[]")
    return paths


def json_paths(site: Path) -> dict[str, list[str]]:
    return {path.relative_to(site).as_posix(): sorted(key_paths(json.loads(path.read_text(encoding="utf-8"))))
            for path in sorted((site / "data").glob("*.json"))}


def interface(site: Path, regulation_ids: list[str]) -> dict:
    return {"urls": urls(site), "anchors": anchors(site, regulation_ids), "json": json_paths(site)}


if __name__ == "__main__":
    site_dir = Path(sys.argv[1])
    print(json.dumps(interface(site_dir, ["jiangxi", "shanxi"]), ensure_ascii=False, indent=0, sort_keys=True))
