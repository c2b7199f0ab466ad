"""Shared by the accessibility gates (test_a11y.py, test_a11y_keyboard.py): which page of the built site
to audit for each kind, a browser context that records every request, axe-core, the display views and
the lang audit."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

SERIOUS = {"serious", "critical"}
KINDS = ["home", "full-text", "article", "glossary", "compare-index", "compare-topic", "resolver", "changes",
         "select", "diff", "notes", "chapter", "downloads", "article-notes"]
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
    if kind == "chapter":   # a chapter's list of articles (the chapter's entry in the navigation)
        pages = sorted(p for d in regs for p in d.glob("chp-*/index.html"))
        return pages[0].relative_to(site).as_posix() if pages else None
    if kind == "downloads":
        return "downloads/index.html" if (site / "downloads" / "index.html").is_file() else None
    if kind == "article-notes":   # an article page with a reader's note under its paragraph (READER_NOTES)
        return "jiangxi/art-15/index.html" if (site / "jiangxi" / "art-15" / "index.html").is_file() else None
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


def page_url(built_site, base: str, kind: str) -> str:
    rel = pick(built_site, kind)
    if rel is None:
        pytest.skip(f"the built site has no {kind} page (feature not built yet)")
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel) + READER_QUERY.get(kind, "")


def seed_notes(page) -> None:
    """Notes as a reader leaves them (one on a provision no longer in the edition), then the page again."""
    page.evaluate("s => localStorage.setItem('lex-reader-notes-v1', s)", READER_NOTES)
    page.reload(wait_until="load")
    page.wait_for_selector(".lex-note, .lex-note-inline")


class Guarded:
    """A page as a new browser context gives it (lent by the worker's browser.Tabs) whose every request is
    recorded; other hosts are refused."""

    def __init__(self, tabs, allowed_origin: str | None, **context_args):
        self.allowed = allowed_origin
        self._requested: list[str] = []
        self._lending = tabs.lease(self._local, **context_args)
        self._lease = self._lending.__enter__()
        self.page = self._lease.page
        self.page.on("request", self._record)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    @property
    def outside(self) -> list[str]:
        """Requests to other hosts: seen by the page, and refused by the route."""
        return self._requested + self._lease.outside

    def _local(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True
        if self.allowed is None:
            return url.startswith("file://")
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.allowed

    def _record(self, request):
        if not self._local(request.url):
            self._requested.append(request.url)

    def goto(self, url: str):
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self):
        self._lending.__exit__(None, None, None)


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
    out = modes(page) if kind in ("article", "article-notes") else []
    if page.locator(SCRIPT_TOGGLE).count() and page.locator(".lex-zh").count():
        out.append("hant")
    return out


def set_view(page, view: str) -> None:
    pressed = page.evaluate("() => document.documentElement.classList.contains('lex-script-hant')")
    if view == "hant":
        if page.locator("[data-lex-mode]").count():
            set_mode(page, "both")
        if not pressed:
            page.click(SCRIPT_TOGGLE)
        page.wait_for_function("() => !!document.querySelector('.lex-zh[lang^=\"zh-Hant\"]')")
        return
    if pressed:
        page.click(SCRIPT_TOGGLE)
        page.wait_for_function("() => !document.querySelector('.lex-zh[lang^=\"zh-Hant\"]')")
    set_mode(page, view)


def set_mode(page, mode: str) -> None:
    page.click(f"[data-lex-mode='{mode}'] >> nth=0")
    page.wait_for_function("m => document.querySelector(`[data-lex-mode='${m}']`).getAttribute('aria-pressed') === 'true'",
                           arg=mode)


# ----------------------------------------------------------------------------- lang
LANG_AUDIT = r"""
(root) => {
  const HAN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/;
  const ENGLISH = /\b[A-Za-z]{3,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;   // three English words in a row
  const langOf = (el) => { const h = el.closest('[lang]'); return h ? h.getAttribute('lang') : ''; };
  const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const bad = [];
  const where = (el) => (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : el.tagName.toLowerCase());
  root.querySelectorAll('.lex-zh').forEach(el => { if (!/^zh-Han[st](-TW|-HK)?$/.test(el.getAttribute('lang') || '')) bad.push('unit without zh lang: ' + where(el.closest('[data-eid]') || el)); });
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


def tab_to(page, selector: str, limit: int = 400) -> int:
    """Press Tab until the focused element matches selector; the number of presses."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return n
    raise AssertionError(f"{selector} not reached with {limit} Tab presses")


# ----------------------------------------------------------------------------- contrast of controls
# WCAG 1.4.11 (non-text contrast), which axe does not check: each control shown in the page content (buttons,
# fields, selects, button-like links) is told apart from what is behind it by its border or its fill, at 3:1
# at least. Colours with alpha are composed over what is behind them; native check boxes, radio buttons and
# file pickers are drawn by the browser and left out. Returns [description] of the controls below 3:1.
CONTROL_CONTRAST = r"""
(root) => {
  const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, under) => top[3] >= 1 ? top : [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const behind = (el) => {   // the opaque colour behind el: its ancestors' fills composed from the root down
    const fills = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c[3] > 0) fills.push(c); }
    return fills.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const lum = (c) => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const out = [];
  const controls = root.querySelectorAll('button, select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden]), a.md-button, [role=button]');
  for (const el of controls) {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (!r.width || !r.height || s.visibility === 'hidden' || el.closest('[hidden], [aria-hidden=true]')) continue;
    let seen = 1;   // a half-transparent control is as faint as it looks; a fully transparent one is not shown
    for (let e = el; e; e = e.parentElement) seen *= parseFloat(getComputedStyle(e).opacity);
    if (seen === 0) continue;
    const faint = (c) => c && [c[0], c[1], c[2], c[3] * seen];
    const back = behind(el.parentElement || el);
    let best = 0;
    const fill = faint(parse(s.backgroundColor));
    if (fill && fill[3] > 0) best = Math.max(best, ratio(over(fill, back), back));
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (parseFloat(s['border' + side + 'Width']) < 1 || s['border' + side + 'Style'] === 'none') continue;
      const b = faint(parse(s['border' + side + 'Color']));
      if (b) best = Math.max(best, ratio(over(b, back), back));
    }
    // a control with neither border nor fill (a text-like button) is seen by its text: axe checks that
    if (best === 0 && !(fill && fill[3] > 0) && !['Top', 'Right', 'Bottom', 'Left'].some(x => parseFloat(s['border' + x + 'Width']) >= 1)) continue;
    if (best < 3) out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} ` +
      `"${(el.textContent || el.value || '').trim().slice(0, 30)}": ${best.toFixed(2)}:1 against ${s.backgroundColor} / ${s.borderTopColor} on rgb(${back.slice(0, 3).map(Math.round)})`);
  }
  return out;
}
"""
