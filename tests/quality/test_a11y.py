"""Accessibility and self-containment in a real browser (Debian's chromium via Playwright).

Pages are picked by what the built site contains, so the gates follow features as they land:
home, the largest full-text page, the richest article page (in every display mode its toggle
offers, and in the traditional-character reading view when the site has it), the glossary, the comparison index and one topic, the citation resolver, the What's new page. A page whose
feature is not in the site is skipped with the reason.

- axe-core (axe-playwright-python bundles it): zero serious or critical violations;
- lang: every legal-text unit carries its language; no run of Chinese characters anywhere in the
  page content sits under a non-Chinese lang, no English sentence under a Chinese one;
- keyboard: the display toggle and the term tooltips work from the keyboard; every tab stop of
  the page shows focus visibly;
- self-contained: loading a page (and using its toggle) requests nothing from any other host,
  over http and, for the offline copy, from file://.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

SERIOUS = {"serious", "critical"}
KINDS = ["home", "full-text", "article", "glossary", "compare-index", "compare-topic", "resolver", "changes",
         "select", "diff", "notes"]
# The reader pages (issue 15) are audited as a reader finds them after use: a selection, a pair, some notes.
READER_QUERY = {"select": "?jx=4,14-17&sx=3", "diff": "?a=jx/15/2&b=sx/35", "notes": ""}
READER_NOTES = ('{"version":1,"items":{"jiangxi/art_15__para_2":{"reg":"jiangxi","eid":"art_15__para_2",'
                '"bookmark":true,"note":"网格 grid"},"shanxi/art_7":{"reg":"shanxi","eid":"art_7","bookmark":true,"note":""},'
                '"jiangxi/art_999":{"reg":"jiangxi","eid":"art_999","note":"gone","cite":{"zh":"第九百九十九条","en":"Art. 999"}}}}')


# ----------------------------------------------------------------------------- page choice
def regulation_dirs(site: Path) -> list[Path]:
    return sorted(d for d in site.iterdir() if d.is_dir() and (d / "art-1" / "index.html").is_file())


def article_score(page: Path) -> tuple:
    """The article page that shows the most features: most distinct CSS classes in its content
    (terms, references, counterparts, items...), then most glossary terms, then the shortest."""
    html = page.read_text(encoding="utf-8")
    content = html[html.find('<article'):html.find('</article>')]
    classes = {c for attr in re.findall(r'class="([^"]*)"', content) for c in attr.split()}
    return (len(classes), content.count('class="lex-term'), -len(html))


def pick(site: Path, kind: str) -> str | None:
    """Site-relative path of the page of that kind, or None when the site has none."""
    if kind == "home":
        return "index.html"
    regs = regulation_dirs(site)
    if kind == "full-text":
        return max(regs, key=lambda d: (d / "index.html").stat().st_size).relative_to(site).as_posix() + "/index.html"
    if kind == "article":
        pages = [p for d in regs for p in d.glob("art-*/index.html")]
        return max(pages, key=article_score).relative_to(site).as_posix()
    top = sorted(d.name for d in site.iterdir() if d.is_dir() and (d / "index.html").is_file())
    if kind == "glossary":
        names = [n for n in top if n.startswith(("glossary", "terms"))]
        return f"{names[0]}/index.html" if names else None
    if kind == "changes":   # What's new (issue 15): every revision of the English, with word diffs
        return "changes/index.html" if (site / "changes" / "index.html").is_file() else None
    if kind == "resolver":
        names = [n for n in top if n.startswith("resol")]
        return f"{names[0]}/index.html" if names else None
    if kind in READER_QUERY:
        return f"{kind}/index.html" if kind in top else None
    if kind.startswith("compare"):
        names = [n for n in top if n.startswith(("compare", "comparison"))]
        if not names:
            return None
        if kind == "compare-index":
            return f"{names[0]}/index.html"
        topics = sorted((site / names[0]).glob("*/index.html"), key=lambda p: -p.stat().st_size)
        return topics[0].relative_to(site).as_posix() if topics else None
    raise ValueError(kind)


@pytest.fixture(scope="session")
def site_url(built_site, serve):
    return serve(built_site)


@pytest.fixture(scope="module", params=KINDS)
def loaded(request, browser, built_site, site_url):
    """(kind, Guarded) with the page of that kind loaded once for the axe, lang and request tests."""
    url = page_url(built_site, site_url, request.param)
    g = Guarded(browser, site_url.rstrip("/"))
    g.goto(url)
    if request.param == "notes":
        seed_notes(g.page)
    yield request.param, g
    g.close()


def page_url(built_site, base: str, kind: str) -> str:
    rel = pick(built_site, kind)
    if rel is None:
        pytest.skip(f"the built site has no {kind} page (feature not built yet)")
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel) + READER_QUERY.get(kind, "")


def seed_notes(page) -> None:
    """Notes as a reader leaves them (one on a provision no longer in the edition), then the page again."""
    page.evaluate("s => localStorage.setItem('lex-reader-notes-v1', s)", READER_NOTES)
    page.reload(wait_until="load")
    page.wait_for_selector(".lex-note")


class Guarded:
    """A fresh browser context whose every request is recorded; other hosts are refused."""

    def __init__(self, browser, allowed_origin: str | None, **context_args):
        self.outside: list[str] = []
        self.allowed = allowed_origin
        self.context = browser.new_context(**context_args)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", self._record)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _local(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True
        if self.allowed is None:
            return url.startswith("file://")
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.allowed

    def _record(self, request):
        if not self._local(request.url):
            self.outside.append(request.url)

    def _route(self, route):
        if self._local(route.request.url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def goto(self, url: str):
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def guarded(browser, site_url):
    origin = site_url.rstrip("/")
    opened: list[Guarded] = []

    def make(**kw) -> Guarded:
        g = Guarded(browser, origin, **kw)
        opened.append(g)
        return g

    yield make
    for g in opened:
        g.close()


# ----------------------------------------------------------------------------- axe
_AXE = None


def axe_violations(page) -> list[str]:
    global _AXE
    if _AXE is None:
        from axe_playwright_python.sync_playwright import Axe
        _AXE = Axe()
    results = _AXE.run(page)
    out = []
    for v in results.response["violations"]:
        if v.get("impact") in SERIOUS:
            targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:4]]
            out.append(f"{v['impact']} {v['id']} ({len(v['nodes'])}x): {v['help']} — {targets}")
    return out


def modes(page) -> list[str]:
    return page.eval_on_selector_all("[data-lex-mode]", "bs => [...new Set(bs.map(b => b.dataset.lexMode))]")


SCRIPT_TOGGLE = ".lex-script-toggle"  # traditional-character reading view (issue 6), when the site has it


def views(page, kind: str) -> list[str]:
    """The display states to audit: each [data-lex-mode] of an article page, then the traditional
    reading view (both languages) when the page offers its toggle."""
    out = modes(page) if kind == "article" else []
    if page.locator(SCRIPT_TOGGLE).count() and page.locator(".lex-zh").count():
        out.append("hant")
    return out


def set_view(page, view: str) -> None:
    pressed = page.evaluate(f"() => {{ const b = document.querySelector('{SCRIPT_TOGGLE}'); "
                            "return !!b && b.getAttribute('aria-pressed') === 'true'; }")
    if view == "hant":
        if page.locator("[data-lex-mode]").count():
            set_mode(page, "both")
        if not pressed:
            page.click(SCRIPT_TOGGLE)
        page.wait_for_function("() => !!document.querySelector('.lex-zh[lang=\"zh-Hant\"]')")
        return
    if pressed:
        page.click(SCRIPT_TOGGLE)
        page.wait_for_function("() => !document.querySelector('.lex-zh[lang=\"zh-Hant\"]')")
    set_mode(page, view)


def set_mode(page, mode: str) -> None:
    page.click(f"[data-lex-mode='{mode}'] >> nth=0")
    page.wait_for_function("m => document.querySelector(`[data-lex-mode='${m}']`).getAttribute('aria-pressed') === 'true'",
                           arg=mode)


def test_axe_no_serious_violations(loaded):
    kind, g = loaded
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


# ----------------------------------------------------------------------------- lang
LANG_AUDIT = r"""
(root) => {
  const HAN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/;
  const ENGLISH = /\b[A-Za-z]{3,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;   // three English words in a row
  const langOf = (el) => { const h = el.closest('[lang]'); return h ? h.getAttribute('lang') : ''; };
  const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const bad = [];
  const where = (el) => (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : el.tagName.toLowerCase());
  root.querySelectorAll('.lex-zh').forEach(el => { if (!/^zh-Han[st]$/.test(el.getAttribute('lang') || '')) bad.push('unit without zh lang: ' + where(el.closest('[data-eid]') || el)); });
  root.querySelectorAll('.lex-en:not(.lex-missing)').forEach(el => { if (el.getAttribute('lang') !== 'en') bad.push('gloss without lang=en: ' + where(el.closest('[data-eid]') || el)); });
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script,style,code,pre,[aria-hidden=true]') || !shown(el)) continue;
    const text = n.nodeValue, lang = langOf(el);
    if (HAN.test(text) && !lang.startsWith('zh')) bad.push(`Chinese under lang="${lang}": ${where(el)} ${JSON.stringify(text.trim().slice(0, 40))}`);
    else if (!HAN.test(text) && ENGLISH.test(text) && lang.startsWith('zh')) bad.push(`English under lang="${lang}": ${where(el)} ${JSON.stringify(text.trim().slice(0, 40))}`);
  }
  return bad;
}
"""


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
                    page.eval_on_selector_all(".lex-zh", "els => els.map(e => e.getAttribute('lang'))") if lang != "zh-Hant"]
    if kind in ("article", "full-text"):
        units = page.eval_on_selector_all(".lex-zh", "els => els.length")
        assert units > 0
    assert not bad, "\n".join(bad[:30])


# ----------------------------------------------------------------------------- keyboard
def tab_to(page, selector: str, limit: int = 400) -> int:
    """Press Tab until the focused element matches selector; the number of presses."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return n
    raise AssertionError(f"{selector} not reached with {limit} Tab presses")


def test_display_toggle_by_keyboard(built_site, site_url, guarded):
    g = guarded()
    page = g.goto(page_url(built_site, site_url, "article"))
    mode_list = modes(page)
    assert len(mode_list) >= 3
    tab_to(page, "[data-lex-mode]")
    seen = []
    for i, key in zip(range(len(mode_list)), ["Enter", "Space"] * len(mode_list), strict=False):
        if i:
            page.keyboard.press("Tab")
        mode = page.evaluate("document.activeElement.dataset.lexMode")
        assert mode, "Tab left the toggle group before every mode was reached"
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true", (mode, key)
        assert page.evaluate("m => document.documentElement.classList.contains('lex-mode-' + m)", mode)
        seen.append(mode)
        zh_shown = page.evaluate("() => getComputedStyle(document.querySelector('.lex-zh')).display !== 'none'")
        en_shown = page.evaluate("() => { const e = document.querySelector('.lex-en'); return !!e && getComputedStyle(e).display !== 'none'; }")
        if mode == "zh":
            assert zh_shown and not en_shown
        if mode == "en":
            assert en_shown and not zh_shown
        if mode == "both":
            assert zh_shown and en_shown
    assert sorted(seen) == sorted(mode_list)


def test_traditional_view_toggle_by_keyboard(built_site, site_url, guarded):
    g = guarded()
    page = g.goto(page_url(built_site, site_url, "article"))
    if not page.locator(SCRIPT_TOGGLE).count():
        pytest.skip("no traditional reading view on this site (issue 6 not built)")
    before = page.eval_on_selector(".lex-zh", "e => e.textContent")
    tab_to(page, SCRIPT_TOGGLE)
    page.keyboard.press("Enter")
    page.wait_for_function("() => !!document.querySelector('.lex-zh[lang=\"zh-Hant\"]')")
    assert page.evaluate(f"document.querySelector('{SCRIPT_TOGGLE}').getAttribute('aria-pressed')") == "true"
    after = page.eval_on_selector(".lex-zh", "e => e.textContent")
    assert after != before and len(after) == len(before)  # s2t maps character for character here
    page.keyboard.press("Space")
    page.wait_for_function("() => !document.querySelector('.lex-zh[lang=\"zh-Hant\"]')")
    assert page.eval_on_selector(".lex-zh", "e => e.textContent") == before


TERM = ".lex-term, abbr[title], dfn[title], [data-term]"
VISIBLE_TOOLTIP = """() => [...document.querySelectorAll('[role=tooltip], .md-tooltip, .md-tooltip2')]
    .filter(t => { const s = getComputedStyle(t), r = t.getBoundingClientRect();
                   return s.visibility !== 'hidden' && s.display !== 'none' && +s.opacity > 0.5 && r.width > 0 && r.height > 0; })
    .map(t => t.innerText.trim()).filter(Boolean)"""


def test_term_tooltips_by_keyboard(built_site, site_url, guarded):
    g = guarded()
    page = g.goto(page_url(built_site, site_url, "article"))
    if not page.locator("article.md-content__inner").locator(TERM).count():
        pytest.skip("no glossary terms on the article pages yet (issue 4 not built)")
    before = page.evaluate(VISIBLE_TOOLTIP)
    assert not before, f"a tooltip is showing before any interaction: {before}"
    tab_to(page, ".lex-term, abbr[title], dfn[title]")
    page.wait_for_timeout(400)  # Material shows tooltips after a short delay
    shown = page.evaluate(VISIBLE_TOOLTIP)
    assert shown, "focusing a term by keyboard shows no tooltip"
    page.keyboard.press("Escape")


# The look of an element, of its labels (Material draws the focus ring of its hidden option inputs
# on the label that follows them), of its next sibling and of its parent (search form).
FOCUS_STYLE = """(el) => { const look = (e) => { const s = getComputedStyle(e);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.color, s.backgroundColor,
            s.textDecorationLine, s.borderBottomColor, s.opacity, s.transform, s.visibility].join('|'); };
  return [el, ...(el.labels || []), el.nextElementSibling, el.parentElement].filter(Boolean).map(look).join('/'); }"""
MAX_TAB_STOPS = 160


@pytest.mark.parametrize("kind", ["article", "glossary", "resolver", "select", "diff", "notes"])
def test_focus_is_visible_at_every_tab_stop(kind, built_site, site_url, guarded):
    """Each element reached by Tab looks different focused than unfocused."""
    g = guarded()
    page = g.goto(page_url(built_site, site_url, kind))
    if kind == "notes":
        seed_notes(page)
    page.evaluate("""(fs) => { const f = new Function('return ' + fs)();
        document.querySelectorAll('a[href], button, input, select, textarea, summary, label[tabindex], [tabindex]')
          .forEach((el, i) => { el.dataset.qiIdx = i; el.dataset.qiRest = f(el); }); }""", FOCUS_STYLE)
    probe = """(fs) => { const el = document.activeElement; if (!el || el === document.body) return null;
        const f = new Function('return ' + fs)(); const r = el.getBoundingClientRect();
        const next = el.nextElementSibling;
        return {idx: el.dataset.qiIdx || null, same: el.dataset.qiRest === f(el), w: r.width, h: r.height,
                labelled: [...(el.labels || []), ...(next && next.tagName === 'LABEL' ? [next] : [])]
                            .some(l => l.getBoundingClientRect().width > 0),
                what: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' ' + (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30)}; }"""
    invisible, stops, first = [], 0, None
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        info = page.evaluate(probe, FOCUS_STYLE)
        if info is None:
            continue
        key = info["idx"] or info["what"]
        if key == first:
            break  # wrapped around
        first = first or key
        stops += 1
        if info["idx"] is not None and info["same"]:  # focus styles may arrive by a CSS transition
            page.wait_for_timeout(350)
            info = page.evaluate(probe, FOCUS_STYLE)
        if info["idx"] is None or info["same"]:
            invisible.append(f"no visible focus: {info['what']}")
        elif info["w"] * info["h"] == 0 and not info["labelled"]:
            invisible.append(f"focus on an element with no size: {info['what']}")
    assert stops > 5, f"only {stops} tab stops"
    assert not invisible, f"{len(invisible)} of {stops} tab stops:\n" + "\n".join(invisible[:30])


# ----------------------------------------------------------------------------- self-contained
def test_page_requests_only_the_local_host(loaded):
    """Loading the page, switching its display modes and tabbing into it fetch nothing elsewhere."""
    kind, g = loaded
    for mode in modes(g.page):
        set_mode(g.page, mode)
    g.page.keyboard.press("Tab")
    g.page.wait_for_load_state("networkidle")
    assert not g.outside, f"requests to other hosts: {g.outside}"


def test_offline_copy_requests_nothing_outside(offline_dist, browser, built_site):
    folder = offline_dist / "offline"
    rels = {"home": "index.html", "article": pick(built_site, "article").replace("/index.html", ".html")}
    for kind in ("glossary", "resolver", "compare-topic", "select", "diff", "notes"):
        rel = pick(built_site, kind)
        if rel:  # x/index.md stays x/index.html offline; x.md becomes x.html
            rels[kind] = rel if (folder / rel).is_file() else rel.replace("/index.html", ".html")
    g = Guarded(browser, None)
    try:
        for kind, rel in rels.items():
            assert (folder / rel).is_file(), (kind, rel)
            g.goto((folder / rel).as_uri())
            if kind == "home":  # the search box must work offline too: type into it (loads the index)
                g.page.focus("input.md-search__input")
                g.page.keyboard.type("Ping")
                g.page.wait_for_timeout(300)
        assert not g.outside, f"offline copy requests other hosts: {g.outside}"
        assert not g.errors, f"JavaScript errors offline: {g.errors}"
    finally:
        g.close()


@pytest.mark.parametrize("kind, selector", [("compare-index", ".cmp-matrix a.cmp-prov"), ("article", "a.lex-defined")])
def test_open_preview_passes_axe_and_lang(kind, selector, built_site, site_url, guarded):
    """A provision preview (issue 15, item 6) open from the keyboard: no serious axe violation, its Chinese
    and English each under their own lang, and it is announced as the link's description."""
    g = guarded()
    page = g.goto(page_url(built_site, site_url, kind))
    link = page.locator(selector).first
    link.focus()
    page.wait_for_selector("#lex-preview", state="visible", timeout=5000)
    assert "lex-preview" in (link.get_attribute("aria-describedby") or "").split()
    assert page.get_attribute("#lex-preview", "role") == "tooltip"
    assert not axe_violations(page)
    assert page.eval_on_selector("#lex-preview", LANG_AUDIT) == []
    assert not g.errors, g.errors
