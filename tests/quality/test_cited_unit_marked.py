"""Whatever way a reader arrives at a paragraph or item, the cited unit is visibly marked — by a bar, an
outline and a label, not by colour alone — in light and dark mode: an anchor on an article page, an anchor
on the full-text page, a short link, a search result, a resolver result. The label says how the reader came:
"cited provision" after a citation link, "search result" after a search, in both languages."""
import pytest

from browser import run_query

MARK = """(id) => {
  const el = document.getElementById(id);
  if (!el || !el.matches(':target')) return null;
  const s = getComputedStyle(el), labels = [...document.querySelectorAll('.lex-arrival')];
  return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow,
          labels: labels.map(l => [l.parentElement === el, [...l.querySelectorAll('[lang]')].map(x => [x.lang, x.textContent])])};
}"""


def marked(page, anchor: str, label: tuple[str, str] = ("所引条文", "cited provision")) -> dict:
    page.wait_for_function(f"() => document.getElementById({anchor!r}) !== null")
    page.wait_for_function("() => document.querySelector('.lex-arrival') !== null")
    style = page.evaluate(MARK, anchor)
    assert style is not None, f"#{anchor} is not the :target of {page.url}"
    assert style["outline"] == "solid" and style["width"] >= 2, style
    assert style["shadow"] not in ("none", ""), style        # the bar
    # words, not only colour: one label, in the marked unit, in both languages, saying how the reader came
    assert style["labels"] == [[True, [["zh-Hans", label[0]], ["en", label[1]]]]], style
    return style


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_anchor_on_article_page(page, served_site, scheme):
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1}}}))")
    page.goto(served_site + "jiangxi/art-15/#para-2")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    marked(page, "para-2")
    other = page.evaluate(MARK, "para-3")
    assert other is None  # only the cited paragraph


def test_anchor_on_full_text_page(page, served_site):
    page.goto(served_site + "jiangxi/#art-11-para-2-item-3")
    marked(page, "art-11-para-2-item-3")


def test_short_link(page, served_site):
    page.goto(served_site + "jx/11/2/3/")
    page.wait_for_url("**/jiangxi/art-11/#para-2-item-3")
    marked(page, "para-2-item-3")


def test_resolver_result(page, served_site):
    page.goto(served_site + "resolve/?cite=" + "jx%2015(2)")
    page.locator("a.lex-resolve-go").first.click()
    page.wait_for_url("**/jiangxi/art-15/#para-2")
    marked(page, "para-2")


def test_search_result(page, served_site):
    page.goto(served_site + "jiangxi/art-1/")
    result = run_query(page, "网格员")
    href = next(c["href"] for item in result["items"] for c in [item, *item.get("children", [])] if "#para-" in c["href"])
    assert "?h=" in href, href   # Material's highlight: how the page knows a search brought the reader
    page.goto(href if href.startswith("http") else served_site + href.lstrip("/"))
    marked(page, href.split("#", 1)[1], ("搜索结果", "search result"))


def test_a_paragraph_number_clicked_on_the_page_is_no_citation(page, served_site):
    """"Cited provision" only when a citation link brought the reader: taking a paragraph's or an item's link from
    its own number marks the unit (:target) and labels nothing; arriving by that link later is labelled."""
    page.goto(served_site + "jiangxi/art-11/")
    page.wait_for_function("() => document.querySelector('.lex-row .lex-cite') !== null")   # the scripts have run
    for anchor, number in (("para-2", "#para-2 > .lex-lead .lex-pnum"), ("para-2-item-3", "#para-2-item-3 .lex-inum")):
        page.eval_on_selector(number, "a => a.click()")     # the item's number is shown on wide screens only
        page.wait_for_function(f"() => location.hash === '#{anchor}'")
        assert page.evaluate(f"document.getElementById({anchor!r}).matches(':target')")
        assert page.locator(".lex-arrival").count() == 0, anchor
    page.goto(served_site + "jiangxi/art-15/#para-3")
    marked(page, "para-3")
    page.goto(served_site + "jiangxi/art-15/")
    page.evaluate("location.hash = '#para-2'")              # a link followed to the unit, not its own number
    marked(page, "para-2")
