"""The traditional views in the browser (browser/hant/), in each standard: the whole page
converted (no simplified-only character left, no element still marked zh-Hans), Hong Kong's forms where they
differ from Taiwan's, the reviewed corrections applied, the interface in the standard's vocabulary, the
choice remembered across pages from the header control, a copied citation as the view shows it, queries
in either standard."""
import re

import opencc
import pytest

from build_scripts.enrich.hant import STANDARDS
from build_scripts.model.regulation import units

ARTICLE = ("jiangxi", 20)    # 平台 and 群众: Taiwan 平臺 群眾, Hong Kong 平台 羣眾
OPENCC = {std: opencc.OpenCC(config) for std, config in STANDARDS.items()}
LANG = {"tw": "zh-Hant-TW", "hk": "zh-Hant-HK"}

# The visible text of the page (the header control, which names each view in its own script, and code left
# out), the title / aria-label / placeholder of its elements, and its title.
PAGE_TEXT = """() => {
  const out = [], skip = 'script, style, code, pre, .lex-script';
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const e = n.parentElement;
    if (e && !e.closest(skip) && e.checkVisibility()) out.push(n.nodeValue);
  }
  document.body.querySelectorAll('[title], [aria-label], [placeholder]').forEach(e => {
    if (!e.closest(skip)) ['title', 'aria-label', 'placeholder'].forEach(a => e.getAttribute(a) && out.push(e.getAttribute(a)));
  });
  out.push(document.title);
  return out.join('\\n');
}"""
NAMED_SIMPLIFIED = re.compile(r"簡體 [^\s·=—()（）]+")   # a term's tooltip names its simplified form on purpose


@pytest.fixture(scope="module")
def views(search_feature):
    return search_feature.views


def show(page, url: str, view: str) -> None:
    page.goto(url)
    page.evaluate("v => localStorage.setItem('lex-script', v)", view)
    page.reload()
    if view == "hans":
        page.wait_for_function("() => !document.documentElement.classList.contains('lex-script-hant')")
    else:
        page.wait_for_function("v => document.documentElement.classList.contains('lex-script-' + v)", arg=view)


def unit_texts(page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-eid] > .lex-zh')]
        .map(e => [e.parentElement.dataset.eid, e.textContent]))""")


@pytest.mark.parametrize("std", STANDARDS)
def test_the_whole_article_page_in_each_standard(page, served_site, views, regs, std):
    url = served_site + "{}/art-{}/".format(*ARTICLE)
    show(page, url, "hans")
    hans = page.evaluate(PAGE_TEXT)
    show(page, url, std)
    hant = NAMED_SIMPLIFIED.sub("", page.evaluate(PAGE_TEXT))
    view = views[std]
    legit = set(OPENCC[std].convert(hans)) | set(view.convert(hans))   # characters a conversion writes
    left = sorted({c for c in hant if OPENCC[std].convert(c) != c and c not in legit})
    lines = [line[:80] for line in hant.split("\n") if any(c in line for c in left)]
    assert not left, f"simplified characters left in the {std} view: {''.join(left)}: {lines[:5]}"
    still = page.evaluate("""() => [...document.querySelectorAll('[lang="zh-Hans"]')]
        .filter(e => !e.closest('.lex-script') && e.checkVisibility()).map(e => e.textContent.slice(0, 40))""")
    assert not still, f"elements still marked zh-Hans in the {std} view: {still[:5]}"
    assert page.locator(f'.lex-zh[lang="{LANG[std]}"]').count() > 0
    # the legal text: the view's characters only, every unit, with the reviewed corrections
    reg = regs[ARTICLE[0]]
    shown = unit_texts(page)
    for u in units(reg.articles):
        if u.article == ARTICLE[1] and u.zh:
            assert view.convert(u.zh) in shown[u.eid], (std, u.eid)
    assert view.convert(reg.article(ARTICLE[1]).label) in page.title()


def test_hong_kong_forms_differ_from_taiwan_where_they_should(page, served_site, views, regs):
    url = served_site + "{}/art-{}/".format(*ARTICLE)
    shown = {}
    for std in STANDARDS:
        show(page, url, std)
        shown[std] = unit_texts(page)
    differ = [eid for eid in shown["tw"] if shown["tw"][eid] != shown["hk"][eid]]
    assert differ, "Jiangxi Art. 20 has 平台 and 群众, written differently in the two standards"
    tw, hk = "".join(shown["tw"].values()), "".join(shown["hk"].values())
    assert "平臺" in tw and "平台" in hk and "平臺" not in hk
    assert "群眾" in tw and "羣眾" in hk
    for eid in differ:   # every difference is the one the tables make
        zh = next(u.zh for u in units(regs[ARTICLE[0]].articles) if u.eid == eid)
        assert views["tw"].convert(zh) in shown["tw"][eid] and views["hk"].convert(zh) in shown["hk"][eid]


@pytest.mark.parametrize("std, phrase, simplified", [
    ("tw", "協調制度", "协调制度"),      # OpenCC: 協調製度 (a phrase matched across the words)
    ("hk", "協調制度", "协调制度"),
    ("tw", "瞭解", "了解"),             # accepted in Taiwan
    ("hk", "了解", "了解"),             # corrected in Hong Kong (OpenCC: 瞭解)
])
def test_corrections_apply_in_each_standard(page, served_site, regs, std, phrase, simplified):
    hits = [(r.id, u.article) for r in regs.values() for u in units(r.articles) if simplified in u.zh]
    assert hits, simplified
    reg_id, number = hits[0]
    show(page, served_site + f"{reg_id}/art-{number}/", std)
    text = "".join(unit_texts(page).values())
    assert phrase in text, (std, phrase)
    if OPENCC[std].convert(simplified) != phrase:
        assert OPENCC[std].convert(simplified) not in text, (std, "OpenCC's form, not the reviewed one")


def test_interface_strings_take_each_standards_vocabulary(page, served_site):
    url = served_site + "jiangxi/art-15/"
    show(page, url, "tw")
    tools = page.text_content(".lex-tools-js")                       # reader tools: 保存笔记
    assert "儲存筆記" in tools and "保存筆記" not in tools
    assert page.get_attribute(".md-search__input", "placeholder").startswith("搜尋")
    show(page, url, "hk")
    tools = page.text_content(".lex-tools-js")
    assert "保存筆記" in tools and "儲存筆記" not in tools         # Hong Kong keeps 保存
    assert page.get_attribute(".md-search__input", "placeholder").startswith("搜尋")
    nav = ".md-sidebar--primary .md-nav__link--active"   # 数据 Data and URLs (model/messages.yaml nav.data)
    for std, data in (("tw", "資料"), ("hk", "數據")):
        show(page, served_site + "downloads/", std)
        assert f"下載與開放{data}" in page.text_content("h1")       # 数据: Taiwan 資料, Hong Kong 數據
        show(page, served_site + "data/", std)
        assert page.text_content(nav).strip().startswith(data), page.text_content(nav)
    show(page, url, "hans")


def test_the_choice_is_remembered_and_the_button_names_the_way_back(page, served_site):
    show(page, served_site + "jiangxi/art-15/", "hans")
    page.evaluate("localStorage.removeItem('lex-script-std')")
    page.reload()
    toggle, other = page.locator(".lex-script-toggle"), page.locator(".lex-script-std")
    assert toggle.inner_text().startswith("繁體（台灣）") and other.is_hidden()
    toggle.focus()
    page.keyboard.press("Enter")                                   # by keyboard
    assert page.evaluate("document.documentElement.className").count("lex-script-tw") == 1
    assert toggle.inner_text().startswith("简体") and other.inner_text().startswith("繁體（香港）")
    other.click()
    assert "lex-script-hk" in page.evaluate("document.documentElement.className")
    assert other.inner_text().startswith("繁體（台灣）")
    page.goto(served_site + "shanxi/art-27/")                       # the next page opens in Hong Kong's forms
    page.wait_for_function("() => document.documentElement.classList.contains('lex-script-hk')")
    assert page.locator(".lex-zh").first.get_attribute("lang") == "zh-Hant-HK"
    assert page.locator(".lex-script-toggle").inner_text().startswith("简体")
    page.locator(".lex-script-toggle").click()                     # the way back
    assert page.locator(".lex-zh").first.get_attribute("lang") == "zh-Hans"
    page.goto(served_site + "shanxi/art-28/")
    assert "lex-script-hant" not in page.evaluate("document.documentElement.className")
    # from 简体 the button leads to the standard last chosen
    assert page.locator(".lex-script-toggle").inner_text().startswith("繁體（香港）")


@pytest.fixture
def clipboard_page(tabs, served_site):
    with tabs.lease(lambda url: True) as lease:
        lease.tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
        yield lease.page


@pytest.mark.parametrize("std", [*STANDARDS, "hans"])
def test_a_copied_citation_follows_the_view(clipboard_page, served_site, views, std):
    page = clipboard_page
    show(page, served_site + "shanxi/art-27/", std)
    page.focus("#para-1 .lex-cite")
    page.keyboard.press("Enter")
    page.locator(".lex-cite-toast").wait_for(state="visible")
    copied = page.evaluate("navigator.clipboard.readText()")
    simplified = "《山西省平安建设条例》第二十七条第一款"
    expected = simplified if std == "hans" else views[std].convert(simplified)
    assert copied.startswith(expected + " / "), copied
    assert std == "hans" or expected != simplified


@pytest.mark.parametrize("query, article", [
    ("網格員", "shanxi/35"),          # Taiwan's and Hong Kong's forms alike
    ("羣眾自治組織", None),            # Hong Kong's 羣 (Taiwan: 群)
])
def test_search_takes_either_standard(page, served_site, query, article):
    from tests.browser import run_query, top_articles
    page.goto(served_site + "jiangxi/art-1/")
    result = run_query(page, query)
    assert result["items"], query
    assert article is None or article in top_articles(result), top_articles(result)
