"""Accessibility and self-containment in a real browser (Debian's chromium via Playwright): each page kind
audited once loaded (axe, lang, requests), and the offline copy. The keyboard gates: test_a11y_keyboard.py.

Pages are picked by what the built site contains, so the gates follow features as they land:
home, the largest full-text page, the richest article page (in every display mode its toggle
offers, and in the traditional-character reading view when the site has it), the glossary, the comparison index and one topic, the citation resolver, the What's new page. A page whose
feature is not in the site is skipped with the reason.

- axe-core (axe-playwright-python bundles it): zero serious or critical violations, in the light colour scheme
  and in the dark one (Material's slate, as a reader whose system prefers dark gets it);
- non-text contrast (WCAG 1.4.11, which axe leaves out): every control of the page content is told apart from
  what is behind it at 3:1 at least, in both schemes;
- lang: every legal-text unit carries its language; no run of Chinese characters anywhere in the
  page content sits under a non-Chinese lang, no English sentence under a Chinese one;
- keyboard (test_a11y_keyboard.py): the display toggle and the term tooltips work from the keyboard;
  every tab stop of the page shows focus visibly;
- self-contained: loading a page (and using its toggle) requests nothing from any other host,
  over http and, for the offline copy, from file://.
"""
from __future__ import annotations

import pytest
from a11y import (
    CONTROL_CONTRAST,
    KINDS,
    LANG_AUDIT,
    Guarded,
    axe_violations,
    modes,
    page_url,
    pick,
    seed_notes,
    set_mode,
    set_view,
    views,
)

from browser import wait_until


# ----------------------------------------------------------------------------- the offline copy
# (first: then it has the worker's page to itself, which the page kinds below hold until the module ends)
def test_offline_copy_requests_nothing_outside(offline_dist, tabs, built_site):
    folder = offline_dist / "offline"
    rels = {"home": "index.html", "article": pick(built_site, "article").replace("/index.html", ".html")}
    for kind in ("glossary", "resolver", "compare-topic", "select", "diff", "notes"):
        rel = pick(built_site, kind)
        if rel:  # x/index.md stays x/index.html offline; x.md becomes x.html
            rels[kind] = rel if (folder / rel).is_file() else rel.replace("/index.html", ".html")
    g = Guarded(tabs, None)
    try:
        for kind, rel in rels.items():
            assert (folder / rel).is_file(), (kind, rel)
            g.goto((folder / rel).as_uri())
            if kind == "home":  # the search box must work offline too: type into it (loads the index)
                g.page.focus("input.md-search__input")
                g.page.keyboard.type("Ping")
                wait_until(g.page, "() => document.querySelectorAll('.md-search-result__item').length > 0")
        assert not g.outside, f"offline copy requests other hosts: {g.outside}"
        assert not g.errors, f"JavaScript errors offline: {g.errors}"
    finally:
        g.close()


# ----------------------------------------------------------------------------- each page kind
@pytest.fixture(scope="module", params=KINDS)
def loaded(request, tabs, built_site, site_url):
    """(kind, Guarded) with the page of that kind loaded once for the axe, lang and request tests."""
    url = page_url(built_site, site_url, request.param)
    g = Guarded(tabs, site_url.rstrip("/"))
    g.goto(url)
    if request.param in ("notes", "article-notes"):
        seed_notes(g.page)
    yield request.param, g
    g.close()


@pytest.fixture(scope="module", params=KINDS)
def loaded_dark(request, tabs, built_site, site_url):
    """(kind, Guarded) with the page of that kind loaded in the dark colour scheme (prefers-color-scheme: dark,
    to which Material answers with its slate palette)."""
    url = page_url(built_site, site_url, request.param)
    g = Guarded(tabs, site_url.rstrip("/"))
    g.page.emulate_media(color_scheme="dark")  # undone by the lender's reset
    g.goto(url)
    if request.param in ("notes", "article-notes"):
        seed_notes(g.page)
    assert g.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    yield request.param, g
    g.close()


def test_axe_no_serious_violations(loaded):
    _axe_in_every_view(*loaded)


def test_axe_no_serious_violations_dark(loaded_dark):
    _axe_in_every_view(*loaded_dark)


def test_controls_stand_out(loaded):
    kind, g = loaded
    weak = g.page.eval_on_selector("article.md-content__inner", CONTROL_CONTRAST)
    assert not weak, "controls under 3:1 against the page:\n" + "\n".join(weak[:20])


def test_controls_stand_out_dark(loaded_dark):
    kind, g = loaded_dark
    weak = g.page.eval_on_selector("article.md-content__inner", CONTROL_CONTRAST)
    assert not weak, "controls under 3:1 against the page:\n" + "\n".join(weak[:20])


def _axe_in_every_view(kind, g):
    page = g.page
    found = {}
    mode_list = views(page, kind)
    if kind == "article":
        assert len(modes(page)) >= 3, f"article page offers modes {modes(page)}"
    for mode in mode_list or [None]:
        if mode:
            set_view(page, mode)
        problems = axe_violations(page)
        if problems:
            found[mode or kind] = problems
    assert not found, "\n".join(f"[{k}] {p}" for k, ps in found.items() for p in ps)
    assert not g.errors, f"JavaScript errors: {g.errors}"


def test_lang_of_every_text_unit(loaded):
    """In the page content (the article, its title and breadcrumbs; not Material's chrome)."""
    kind, g = loaded
    page = g.page
    bad = []
    for mode in views(page, kind) or [None]:
        if mode:
            set_view(page, mode)
        bad += [f"[{mode or kind}] {b}" for b in page.eval_on_selector("article.md-content__inner", LANG_AUDIT)]
        if mode == "hant":  # the reading view must relabel what it converts
            bad += [f"[hant] unit still lang={lang}" for lang in
                    page.eval_on_selector_all(".lex-zh", "els => els.map(e => e.getAttribute('lang'))") if not (lang or "").startswith("zh-Hant")]
    if kind in ("article", "full-text"):
        units = page.eval_on_selector_all(".lex-zh", "els => els.length")
        assert units > 0
    assert not bad, "\n".join(bad[:30])


# ----------------------------------------------------------------------------- self-contained
def test_page_requests_only_the_local_host(loaded):
    """Loading the page, switching its display modes and tabbing into it fetch nothing elsewhere."""
    kind, g = loaded
    for mode in modes(g.page):
        set_mode(g.page, mode)
    g.page.keyboard.press("Tab")
    g.page.wait_for_load_state("networkidle")
    assert not g.outside, f"requests to other hosts: {g.outside}"
