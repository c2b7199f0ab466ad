"""Citing in the offline copy (file://, .html URLs): short links, anchors.json, the resolver and the
copy-citation control with the clipboard fallback (document.execCommand) when navigator.clipboard is absent."""
import json
import re
from html import unescape
from pathlib import Path

from build_scripts.model.ref import Ref

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
IDS = re.compile(r'\sid="([^"]+)"')


def ids_of(path: Path) -> set[str]:
    return set(IDS.findall(path.read_text(encoding="utf-8")))


def test_offline_short_links_land_on_existing_anchors(offline_dist, regs):
    site = offline_dist / "offline"
    n = 0
    for reg in regs.values():
        for u in Ref.all(reg):
            page = site / (u.short_path.rstrip("/") + ".html")            # jx/15/2.html
            href = unescape(REFRESH.search(page.read_text(encoding="utf-8"))[1])
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve()
            assert target == (site / reg.id / f"art-{u.article}.html").resolve(), (page, href)
            assert (anchor or None) == u.anchor
            if anchor:
                assert anchor in ids_of(target)
            n += 1
    assert n == 109 + 179 + 46


def test_offline_anchors_json_entries_exist(offline_dist):
    site = offline_dist / "offline"
    units = json.loads((site / "data" / "anchors.json").read_text(encoding="utf-8"))["units"]
    cache: dict[Path, set] = {}
    for u in units:
        path, _, anchor = u["url"].partition("#")                           # /jiangxi/art-15/#para-2
        page = site / (path.strip("/") + ".html")
        ids = cache.setdefault(page, ids_of(page))
        assert u["anchor"] == (anchor or None) and (not anchor or anchor in ids), u["url"]


def test_offline_resolver_and_copy_fallback(browser, offline_dist):
    site = offline_dist / "offline"
    context = browser.new_context()
    # the file:// case where the async clipboard API is missing: the control must fall back to execCommand
    context.add_init_script("""
      Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined, configurable: true});
      document.addEventListener('copy', () => {
        const el = document.activeElement;
        window.__copied = el && 'value' in el ? el.value.slice(el.selectionStart, el.selectionEnd) : null;
      }, true);
    """)
    outside: list[str] = []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
                  else (outside.append(r.request.url), r.abort()))
    page = context.new_page()
    try:
        page.goto((site / "resolve.html").as_uri() + "?cite=jx%2015(2)")
        link = page.locator(".lex-resolve-hit a.lex-resolve-go")
        assert link.get_attribute("href") == "jiangxi/art-15.html#para-2"
        link.click()
        page.wait_for_url("**/jiangxi/art-15.html#para-2")
        page.focus("#para-2 .lex-cite")
        page.keyboard.press("Enter")
        page.locator(".lex-cite-toast").wait_for(state="visible")
        toast = page.locator(".lex-cite-toast").inner_text()
        assert "Citation copied" in toast
        # no public base: a file:// address is a path on this disk, of no use to anyone else; the citation goes
        # without a link, and the toast says why in both languages
        assert page.evaluate("window.__copied") == (
            "《江西省平安建设条例》第十五条第二款 / Jiangxi Province Regulations on Ping'an-Building, Art. 15(2)")
        assert "An offline copy has no public address" in toast and "离线副本没有公开网址" in toast
        page.goto((site / "jx" / "11" / "2" / "3.html").as_uri())
        page.wait_for_url("**/jiangxi/art-11.html#para-2-item-3")
    finally:
        context.close()
    assert not outside, outside
