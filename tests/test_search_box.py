"""The header search box answers every change of its text, not only a key's (issue 24; browser/search-box/):
text inserted without a key (an input method, dictation, a paste from a menu), an input method's composition
ending, and text entered before the search was ready, answered once it is."""
from __future__ import annotations

from browser import SEARCH_ANSWERED, open_search, wait_until

ITEMS = "document.querySelectorAll('.md-search-result__list > .md-search-result__item').length"
QUERY = "网格员"


def show_box(page):
    """The header search box, opened where it is behind a button (a narrow window)."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        open_search(page)
    box.focus()
    return box


def ready_box(page, served_site):
    page.goto(served_site + "jiangxi/art-15/")
    show_box(page)
    assert wait_until(page, SEARCH_ANSWERED, timeout=15_000), "the search never got ready"
    return page.locator("input.md-search__input")


def test_text_inserted_without_a_key_is_answered(page, served_site):
    box = ready_box(page, served_site)
    box.focus()
    page.keyboard.insert_text(QUERY)             # an input event and no keyup, as from an input method
    page.wait_for_function(f"{ITEMS} > 0", timeout=15_000)
    assert QUERY in page.locator(".md-search-result__list").inner_text()


def test_a_composition_ending_is_answered(page, served_site):
    box = ready_box(page, served_site)
    box.evaluate("""(b, q) => {
        b.focus();
        b.dispatchEvent(new CompositionEvent("compositionstart", {bubbles: true}));
        b.value = q;        // while composing: input events that say so, which wait for the composition's end
        b.dispatchEvent(new InputEvent("input", {bubbles: true, isComposing: true, data: q}));
        b.dispatchEvent(new CompositionEvent("compositionend", {bubbles: true, data: q}));
    }""", "电信网络诈骗")
    page.wait_for_function(f"{ITEMS} > 0", timeout=15_000)


def test_a_burst_of_changes_is_one_query(page, served_site):
    box = ready_box(page, served_site)
    box.focus()
    page.evaluate("""() => {
        window.__lexKeyups = 0;
        document.addEventListener("keyup", () => { window.__lexKeyups++; }, true);
    }""")
    for ch in QUERY:                              # three changes, each inserted without a key, within the delay
        page.keyboard.insert_text(ch)
    page.wait_for_function(f"{ITEMS} > 0", timeout=15_000)
    page.wait_for_timeout(400)
    assert page.evaluate("window.__lexKeyups") == 1


def test_text_entered_before_the_search_is_ready_is_answered_when_it_is(page, served_site):
    held = []
    page.route("**/search/search_index.json", lambda route: held.append(route))   # the start index waits: no READY yet
    page.goto(served_site + "jiangxi/art-15/", wait_until="domcontentloaded")
    show_box(page)
    page.keyboard.insert_text(QUERY)
    page.wait_for_timeout(600)
    assert held, "the start index was never asked for"
    assert page.evaluate(ITEMS) == 0 and not page.evaluate(SEARCH_ANSWERED)     # not ready: nothing answered
    for route in held:
        route.continue_()
    page.wait_for_function(f"{ITEMS} > 0", timeout=15_000)
    assert QUERY in page.locator(".md-search-result__list").inner_text()
