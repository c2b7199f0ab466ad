"""Permalinks others can open (issue 12). One setting gives the public base: SITE_URL (mkdocs.yml
site_url). Without it no output holds a local address (no canonical link, no sitemap, no URL in
JSON-LD, anchors.json or the PDF; copy-citation uses the page's own location). With it, that base is
used wherever a permalink appears."""
import datetime as dt
import gzip
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from build_scripts.publish.cli import build_epoch

pytestmark = pytest.mark.build
BASE = "https://example.org/pingan/"
LOCAL = re.compile(rb"127\.0\.0\.1|localhost", re.I)
# The theme's source maps quote `localhost` in a code comment of Material's own sources (about mkdocs
# serve's dev_addr): vendor text, not an address the build wrote.
VENDOR = re.compile(r"assets/javascripts/.*\.map$")


def local_addresses(root: Path) -> list[str]:
    hits = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or VENDOR.search(rel):
            continue
        data = path.read_bytes()
        if rel.endswith(".gz"):
            data = gzip.decompress(data)
        if rel.endswith(".pdf"):
            data = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout + data
        if LOCAL.search(data):
            hits.append(rel)
    return hits


def test_default_build_holds_no_local_address(built_site, offline_dist):
    assert not local_addresses(built_site)
    assert not local_addresses(offline_dist / "offline")
    with zipfile.ZipFile(offline_dist / "pingan-offline.zip") as zf:
        assert not [n for n in zf.namelist() if not VENDOR.search(n) and LOCAL.search(zf.read(n))]
    assert not list(built_site.glob("sitemap.xml*"))
    pages = [p for p in built_site.rglob("*.html") if 'rel="canonical"' in p.read_text(encoding="utf-8")]
    assert not pages, pages[:5]


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    """The site built with a public base URL (in-process, like built_site)."""
    from build_scripts.publish.cli import build
    os.environ["SITE_URL"] = BASE
    try:
        return build(tmp_path_factory.mktemp("public") / "site")
    finally:
        os.environ.pop("SITE_URL", None)


def cite_data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" class="lex-cite-data"[^>]*>(.*?)</script>', html, re.S)[1])


def test_public_base_is_used_wherever_a_permalink_appears(public_site):
    site = public_site
    assert not local_addresses(site)
    art = (site / "jiangxi" / "art-15" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}jiangxi/art-15/">' in art
    ld = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', art, re.S)]
    ld = next(b for b in ld if b.get("@type") == "Legislation")
    assert ld["url"] == ld["@id"] == f"{BASE}jiangxi/art-15/" and ld["isPartOf"]["url"] == f"{BASE}jiangxi/"
    assert cite_data(art)["art_15__para_2"]["url"] == f"{BASE}jiangxi/art-15/#para-2"
    short = (site / "jx" / "15" / "2" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}jiangxi/art-15/#para-2">' in short
    data = json.loads((site / "data" / "anchors.json").read_text(encoding="utf-8"))
    assert data["site_url"] == BASE
    for u in data["units"]:
        assert u["permalink"] == BASE + u["url"].lstrip("/")
        assert u["citation"]["text"].endswith(f" <{u['permalink']}>")
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(loc.startswith(BASE) for loc in locs)
    # every absolute URL into the site itself uses the base
    for path in site.rglob("*.html"):
        for url in re.findall(r'https?://example\.org/[^"\s<>]*', path.read_text(encoding="utf-8")):
            assert url.startswith(BASE), (path, url)


def test_sitemap_dates_come_from_source_date_epoch(public_site):
    epoch = int(build_epoch())
    raw = (public_site / "sitemap.xml.gz").read_bytes()
    assert raw[:2] == b"\x1f\x8b"
    assert int.from_bytes(raw[4:8], "little") == epoch  # gzip header MTIME
    assert gzip.decompress(raw) == (public_site / "sitemap.xml").read_bytes()
    day = dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (public_site / "sitemap.xml").read_text()))
    assert lastmods == {day}
