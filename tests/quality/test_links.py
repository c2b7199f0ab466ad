"""Link integrity: every internal link, asset and #anchor of the built site and of the offline
copy resolves (tests/sitecrawl.py, run over the files: no server, no network)."""
from pathlib import Path

import pytest

from conftest import SITE_URL
from sitecrawl import check_site


def test_site_links_and_anchors(built_site):
    report = check_site(built_site, offline=False, site_url=SITE_URL)
    assert report.pages > 100 and report.anchors > 100, str(report)  # the crawler really saw the site
    assert not report.errors, str(report)


def test_offline_links_and_anchors(offline_dist):
    report = check_site(offline_dist / "offline", offline=True, site_url=SITE_URL)
    assert report.pages > 100 and report.anchors > 100, str(report)
    assert not report.errors, str(report)


# The checker itself must be able to fail: a tiny site with one of each kind of breakage.
PAGES = {
    "index.html": '<a href="a/">ok</a><a href="a/#x">ok</a><a href="#top" id="top">self</a>'
                  '<img src="img/logo.png"><a href="https://example.org/">web</a>',
    "a/index.html": '<h1 id="x">x</h1><a href="../">up</a>',
    "img/logo.png": "",
    "css/s.css": "body{background:url(../img/logo.png)}",
}
BREAKAGES = [
    ("missing page", '<a href="b/">', "no such file"),
    ("missing anchor", '<a href="a/#y">', "no id 'y'"),
    ("missing same-page anchor", '<a href="#nowhere">', "no id 'nowhere'"),
    ("missing asset", '<script src="js/x.js"></script>', "no such file"),
    ("root-absolute", '<a href="/a/">', "root-absolute"),
    ("escapes the site", '<a href="../../etc/passwd">', "outside the site"),
    ("site_url to a missing page", f'<a href="{SITE_URL}zz/">', "no such file"),
    ("srcset", '<img srcset="img/none.png 2x">', "no such file"),
]


def make_site(root: Path, extra: str = "") -> Path:
    for name, text in PAGES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + (extra if name == "index.html" else ""), encoding="utf-8")
    return root


def test_checker_accepts_a_sound_site(tmp_path):
    report = check_site(make_site(tmp_path), site_url=SITE_URL)
    assert not report.errors and report.links == 6 and report.anchors == 2, str(report)


@pytest.mark.parametrize("html,message", [b[1:] for b in BREAKAGES], ids=[b[0] for b in BREAKAGES])
def test_checker_reports(tmp_path, html, message):
    report = check_site(make_site(tmp_path, html), site_url=SITE_URL)
    assert len(report.errors) == 1 and message in report.errors[0], str(report)


def test_checker_offline_rejects_folder_links(tmp_path):
    report = check_site(make_site(tmp_path), offline=True)
    assert any("link to a folder" in e for e in report.errors), str(report)


def test_checker_offline_rejects_links_to_the_web_edition_but_not_canonical(tmp_path):
    extra = f'<link rel="canonical" href="{SITE_URL}a/"><a href="{SITE_URL}a/">web edition</a>'
    report = check_site(make_site(tmp_path, extra), offline=True, site_url=SITE_URL)
    assert [e for e in report.errors if SITE_URL in e] == [f"index.html <a href>: {SITE_URL}a/: leaves the offline copy for the web edition"], str(report)
