"""Accessibility from the keyboard, in a real browser (Debian's chromium via Playwright): the display toggle,
the traditional-character view and the term tooltips work from the keyboard; every tab stop of a page shows
focus visibly; a provision preview opened from the keyboard passes axe and the lang audit. Pages are picked
as in test_a11y.py (a11y.py)."""
from __future__ import annotations

import pytest
from a11y import LANG_AUDIT, SCRIPT_TOGGLE, axe_violations, modes, page_url, seed_notes, tab_to

from browser import wait_until


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
    page.wait_for_function("() => !!document.querySelector('.lex-zh[lang^=\"zh-Hant\"]')")
    assert page.evaluate("document.documentElement.classList.contains('lex-script-hant')")
    after = page.eval_on_selector(".lex-zh", "e => e.textContent")
    assert after != before and len(after) == len(before)  # s2t maps character for character here
    page.keyboard.press("Space")
    page.wait_for_function("() => !document.querySelector('.lex-zh[lang^=\"zh-Hant\"]')")
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
    wait_until(page, f"() => ({VISIBLE_TOOLTIP})().length > 0")  # Material shows tooltips after a short delay
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
        if info["idx"] is not None and info["same"]:  # focus styles may arrive by a CSS transition (350 ms)
            wait_until(page, f"(fs) => {{ const info = ({probe})(fs); return !info || !info.same; }}", FOCUS_STYLE, 350)
            info = page.evaluate(probe, FOCUS_STYLE)
        if info["idx"] is None or info["same"]:
            invisible.append(f"no visible focus: {info['what']}")
        elif info["w"] * info["h"] == 0 and not info["labelled"]:
            invisible.append(f"focus on an element with no size: {info['what']}")
    assert stops > 5, f"only {stops} tab stops"
    assert not invisible, f"{len(invisible)} of {stops} tab stops:\n" + "\n".join(invisible[:30])


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


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_theme_toggle_answers_enter_and_space(page, served_site, key):
    """The header's light / dark toggle, reached by keyboard, switches the scheme with Enter and with Space (a control
    that looks like a button answers both)."""
    page.goto(served_site)
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    for _ in range(30):             # by Tab, as a reader reaches it (Material's tab stop: the scheme's radio)
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('input.md-option[name=\"__palette\"]')"):
            break
    else:
        pytest.fail("Tab never reached the light / dark toggle")
    page.keyboard.press(key)
    page.wait_for_function(f"b => ({scheme})() !== b", arg=before, timeout=3000)
    assert page.evaluate(scheme) != before
    assert page.evaluate("() => window.scrollY") == 0
