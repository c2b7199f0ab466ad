"""The drop-in script (assets/link.js, docs/linking.md) on a third-party page written for this test, served from its
own local server (another origin than the edition) and opened from file:// with the offline copy's script.

Citations in running text become links to the provision with a preview (hover, keyboard focus, tap); text in links,
code, pre, inputs, textareas and contenteditable is untouched; hostile text stays text; the page's global CSS for a,
div, p and * does not reach the preview, and the script adds no style to the page."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from browser import serve
from build_scripts.model.ref import Ref

HOST = "pingan-link-preview"

# (id, inner HTML) of the sample page's parts; `LINKED` the citations that must become links, in document order
PARTS = [
    ("running", "江西的规定见《江西省平安建设条例》第十五条第二款；山西见晋平安条例第20条。In English: Jiangxi Art. 15(2) "
                "and Shanxi Province Regulations on Ping&#x27;an-Building, Art. 7, item 3. 第十五条 alone is no citation."),
    ("in-link", '<a id="other-link" href="https://elsewhere.example/x">赣平安条例第58条第2款</a>'),
    ("in-code", "<code>赣40条</code> and <kbd>晋第九条第（五）项</kbd>"),
    ("hostile", "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; 赣40条 &lt;script&gt;window.__pwned=2&lt;/script&gt;"
                " &lt;b onmouseover=alert(1)&gt;晋第九条第（五）项&lt;/b&gt;"),
]
LINKED = [("jiangxi:art_15__para_2", "《江西省平安建设条例》第十五条第二款"), ("shanxi:art_20", "晋平安条例第20条"),
          ("jiangxi:art_15__para_2", "Jiangxi Art. 15(2)"),
          ("shanxi:art_7__para_1__point_3", "Shanxi Province Regulations on Ping'an-Building, Art. 7, item 3"),
          ("jiangxi:art_40", "赣40条"), ("shanxi:art_9__para_1__point_5", "晋第九条第（五）项"),
          ("shanxi:art_20", "晋平安条例第20条")]
UNTOUCHED = ["in-link", "in-code", "in-pre", "in-editable"]

PAGE = """<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>A third-party report</title>
<style>
  /* a hostile page's global rules: none may reach the preview */
  a {{ color: rgb(255, 0, 0) !important; font-size: 40px !important; }}
  div {{ background: rgb(0, 255, 0) !important; border: 5px solid rgb(0, 0, 255) !important; padding: 30px; display: block !important; }}
  p {{ color: rgb(1, 2, 3) !important; font-family: serif !important; margin: 40px !important; }}
  * {{ letter-spacing: 3px !important; }}
</style></head>
<body>
{parts}
<pre id="in-pre">赣平安条例第58条第2款 in a pre block</pre>
<p><input id="in-input" value="赣40条"> <textarea id="in-textarea">晋平安条例第20条</textarea></p>
<div id="in-editable" contenteditable="true">赣40条 in an editable field</div>
<div id="styled">A div with page styles: 晋平安条例第20条.</div>
{script}
</body></html>
"""


def write_page(folder: Path, script_src: str | None) -> Path:
    parts = "\n".join(f'<p id="{pid}">{html}</p>' for pid, html in PARTS)
    script = f'<script src="{script_src}" defer></script>' if script_src else ""
    path = folder / ("page.html" if script_src else "plain.html")
    path.write_text(PAGE.format(parts=parts, script=script), encoding="utf-8")
    return path


def state(page) -> dict:
    return page.evaluate("""() => ({
        links: [...document.querySelectorAll('a.pingan-cite')].map(a => [a.dataset.pinganEid, a.textContent, a.href]),
        untouched: Object.fromEntries(%s.map(id => [id, document.getElementById(id).innerHTML])),
        input: document.getElementById('in-input').value, textarea: document.getElementById('in-textarea').value,
        text: document.body.textContent, pwned: window.__pwned || null, imgs: document.images.length,
        scripts: document.scripts.length, styles: document.styleSheets.length,
        pStyle: getComputedStyle(document.getElementById('running')).cssText || [
            getComputedStyle(document.getElementById('running')).color,
            getComputedStyle(document.getElementById('running')).fontFamily,
            getComputedStyle(document.getElementById('running')).marginTop].join('|'),
    })""".replace("%s", json.dumps(UNTOUCHED)))


def preview(page) -> dict | None:
    """The preview as shown: its text, the styles it is drawn with, whether it is visible."""
    return page.evaluate("""(host) => {
        const h = document.querySelector(host);
        if (!h || !h.shadowRoot) return null;
        const tip = h.shadowRoot.querySelector('.lex-preview');
        if (!tip || tip.hidden) return {shown: false};
        const s = getComputedStyle(tip), p = tip.querySelector('p'), ps = getComputedStyle(p);
        const r = tip.getBoundingClientRect();
        return {shown: r.width > 0 && r.height > 0, id: h.id, text: tip.textContent,
                langs: [...tip.querySelectorAll('[lang]')].map(e => e.getAttribute('lang')),
                bg: s.backgroundColor, border: s.borderTopColor + ' ' + s.borderTopWidth, letter: s.letterSpacing,
                pColor: ps.color, pFont: ps.fontFamily, pMargin: ps.marginTop, pLetter: ps.letterSpacing};
    }""", f"{HOST}")


def wait_preview(page, shown: bool = True) -> dict:
    page.wait_for_function("""([host, shown]) => {
        const h = document.querySelector(host), tip = h && h.shadowRoot && h.shadowRoot.querySelector('.lex-preview');
        return shown ? !!(tip && !tip.hidden && tip.textContent) : !tip || tip.hidden;
    }""", arg=[HOST, shown], timeout=5000)
    return preview(page)


def check(page, plain_text: str, base: str) -> None:
    page.wait_for_function(f"document.querySelectorAll('a.pingan-cite').length >= {len(LINKED)}", timeout=10_000)
    s = state(page)
    assert [(eid, text) for eid, text, _ in s["links"]] == LINKED
    for (eid, _), (_, _, href) in zip(LINKED, s["links"], strict=True):
        reg, unit = eid.split(":")
        art = unit.split("__")[0][4:]
        assert href.startswith(base + f"{reg}/art-{art}"), href
    assert s["untouched"] == {"in-link": PARTS[1][1], "in-code": PARTS[2][1],
                              "in-pre": "赣平安条例第58条第2款 in a pre block", "in-editable": "赣40条 in an editable field"}
    assert (s["input"], s["textarea"]) == ("赣40条", "晋平安条例第20条")
    assert s["text"].replace("\n", "") == plain_text.replace("\n", ""), "not one character lost, added or moved"
    assert s["pwned"] is None and s["imgs"] == 0


def check_preview(p: dict, regs, eid: str) -> None:
    reg_id, unit = eid.split(":")
    ref = Ref.from_eid(regs[reg_id], unit)
    assert p["shown"] and p["id"] == HOST
    assert ref.citation["zh"] in p["text"] and ref.citation["en"] in p["text"]
    para = ref.art.paragraphs[(ref.paragraph or 1) - 1]
    item = para.items[ref.item - 1] if ref.item else (None if para.text else para.items[0])
    assert (item.label + item.text if item else para.text)[:30] in p["text"]
    assert {"zh-Hans", "en"} <= set(p["langs"])
    # none of the page's rules reach it (a, div, p, * with !important)
    assert p["bg"] != "rgb(0, 255, 0)" and p["border"] != "rgb(0, 0, 255) 5px"
    assert p["pColor"] != "rgb(1, 2, 3)" and p["pFont"] != "serif" and p["pMargin"] != "40px"
    assert p["letter"] == p["pLetter"] == "normal"


@pytest.fixture(scope="module")
def third_party(tmp_path_factory, served_site):
    """The sample page on its own server (another origin than the edition's), with the edition's script."""
    folder = tmp_path_factory.mktemp("third-party")
    write_page(folder, served_site + "assets/link.js")
    write_page(folder, None)
    with serve(folder) as url:
        yield url


def plain_text(page, url: str) -> str:
    page.goto(url)
    return page.evaluate("document.body.textContent")


def test_served_page_links_citations_and_leaves_the_rest(page, third_party, served_site, regs):
    plain = plain_text(page, third_party + "plain.html")
    styles_before = page.evaluate("document.styleSheets.length")
    page.goto(third_party + "page.html")
    check(page, plain, served_site)
    s = state(page)
    assert s["styles"] == styles_before, "the script adds no stylesheet to the page"


def test_served_page_previews_on_hover_focus_and_escape(page, third_party, regs):
    page.goto(third_party + "page.html")
    page.wait_for_function("document.querySelectorAll('a.pingan-cite').length >= 7", timeout=10_000)
    links = page.locator("a.pingan-cite")
    links.nth(0).hover()
    check_preview(wait_preview(page), regs, LINKED[0][0])
    assert links.nth(0).get_attribute("aria-describedby") == HOST
    page.mouse.move(0, 0)
    wait_preview(page, shown=False)
    # keyboard: Tab to the links; each shows its own provision; Escape hides
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.pinganEid") == LINKED[0][0]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.pinganEid") == LINKED[1][0]
    check_preview(wait_preview(page), regs, LINKED[1][0])
    page.keyboard.press("Escape")
    wait_preview(page, shown=False)
    # the hostile paragraph's citations preview too, and their text stays text
    links.nth(5).focus()
    check_preview(wait_preview(page), regs, LINKED[5][0])


def test_served_page_first_tap_previews_second_follows(browser, third_party, served_site, regs):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "data:", "about:"))
                  else r.abort())
    page = context.new_page()
    try:
        page.goto(third_party + "page.html")
        page.wait_for_function("document.querySelectorAll('a.pingan-cite').length >= 7", timeout=10_000)
        link = page.locator("a.pingan-cite").nth(3)
        link.scroll_into_view_if_needed()
        before = page.url
        link.tap()
        check_preview(wait_preview(page), regs, LINKED[3][0])
        assert page.url == before
        want = link.evaluate("(a) => a.href")
        link.tap()
        page.wait_for_url(want, timeout=5000)
        assert page.url.startswith(served_site + "shanxi/art-7/")
    finally:
        context.close()


def test_offline_copy_script_from_file(page, offline_dist, tmp_path, regs):
    """The offline copy carries the script; a page opened from file:// links to the copy's .html pages."""
    site = offline_dist / "offline"
    assert (site / "assets" / "link.js").is_file()
    plain = plain_text(page, write_page(tmp_path, None).as_uri())
    page.goto(write_page(tmp_path, (site / "assets" / "link.js").as_uri()).as_uri())
    check(page, plain, site.as_uri() + "/")
    assert state(page)["links"][0][2] == (site / "jiangxi" / "art-15.html").as_uri() + "#para-2"
    page.locator("a.pingan-cite").nth(2).hover()
    check_preview(wait_preview(page), regs, LINKED[2][0])


@pytest.mark.parametrize("query, matches", [
    ("赣平安条例第15条第2款", "jiangxi:art_15__para_2"),
    ("Shanxi Art. 7, item 3", "shanxi:art_7__para_1__point_3"),
])
def test_resolver_url_takes_q(page, served_site, query, matches):
    """The documented resolver URL, /resolve/?q=<citation> (docs/linking.md); ?cite= keeps working (test_cite_browser)."""
    from urllib.parse import quote
    page.goto(served_site + "resolve/?q=" + quote(query))
    page.wait_for_selector(f'[data-matches="{matches}"]', timeout=5000)
    assert page.locator("#lex-resolve-q").input_value() == query
