"""A reader's note shows under the paragraph or item it belongs to (issue 24), not only in the tools block at the
bottom of the article: on the article page and on the full text, in every display mode, printed, its Edit button
reachable by keyboard and opening the note in the tools block."""
from __future__ import annotations

import json

from build_scripts.features.reader import STORE_KEY

NOTES = {
    "jiangxi/art_15__para_2": {"reg": "jiangxi", "eid": "art_15__para_2", "bookmark": False, "note": "网格分三类\n第二行"},
    "jiangxi/art_11__para_2__point_3": {"reg": "jiangxi", "eid": "art_11__para_2__point_3", "bookmark": False,
                                        "note": "an item's note"},
    "jiangxi/art_15": {"reg": "jiangxi", "eid": "art_15", "bookmark": True, "note": "whole article"},
    "shanxi/art_15__para_2": {"reg": "shanxi", "eid": "art_15__para_2", "bookmark": False, "note": "other regulation"},
}


def store(page, base):
    page.goto(base + "notes/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps({"version": 1, "items": NOTES})])


def shown(page, selector):
    return page.eval_on_selector(selector, "e => !!(e.offsetWidth || e.offsetHeight)")


def test_notes_sit_under_their_paragraph_and_item(page, served_site):
    store(page, served_site)
    page.goto(served_site + "jiangxi/art-15/")
    notes = page.eval_on_selector_all(".lex-note-inline", "els => els.map(e => [e.dataset.noteEid, e.querySelector('.lex-note-text').textContent])")
    assert sorted(notes) == [["art_15", "whole article"], ["art_15__para_2", "网格分三类\n第二行"]]   # not shanxi's
    # directly under the paragraph's text: inside #para-2, right after its lead row; the article's own above the text
    assert page.evaluate("""() => { const n = document.querySelector('[data-note-eid="art_15__para_2"]');
        return n.parentElement.id === 'para-2' && n.previousElementSibling.matches('.lex-lead'); }""")
    assert page.evaluate("""() => document.querySelector('[data-note-eid="art_15"]').nextElementSibling.matches('.lex-article')""")
    # its lang follows its text; the label is in both languages, each marked
    assert page.get_attribute('[data-note-eid="art_15__para_2"] .lex-note-text', "lang") == "zh-Hans"
    assert page.get_attribute('[data-note-eid="art_15"] .lex-note-text', "lang") == "en"
    assert page.eval_on_selector('[data-note-eid="art_15"] .lex-note-head',
                                 "h => [...h.querySelectorAll('[lang]')].map(s => s.lang)") == ["zh-Hans", "en"]
    page.goto(served_site + "jiangxi/art-11/")
    assert page.evaluate("""() => { const n = document.querySelector('[data-note-eid="art_11__para_2__point_3"]');
        return !!n && n.closest('.lex-item').id === 'para-2-item-3'; }""")
    assert page.locator(".lex-note-inline").count() == 1


def test_notes_in_every_display_mode_and_in_print(page, served_site):
    store(page, served_site)
    page.goto(served_site + "jiangxi/art-15/")
    note = '[data-note-eid="art_15__para_2"]'
    for mode, head in (("zh", "我的笔记"), ("en", "My note"), ("both", "我的笔记 / My note")):
        page.click(f"[data-lex-mode={mode}]")
        assert shown(page, f"{note} .lex-note-text"), mode                   # the reader's own text stays
        assert page.inner_text(f"{note} .lex-note-head").strip() == head, mode
    page.emulate_media(media="print")
    assert shown(page, f"{note} .lex-note-text") and not shown(page, f"{note} .lex-note-edit")
    page.emulate_media(media="screen")


def test_edit_by_keyboard_opens_the_note_in_the_tools_and_a_save_moves_it(page, served_site):
    store(page, served_site)
    page.goto(served_site + "jiangxi/art-15/")
    page.focus('[data-note-eid="art_15__para_2"] .lex-note-edit')
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "lex-tools-text"
    assert page.input_value("#lex-tools-unit") == "art_15__para_2"
    assert page.input_value("#lex-tools-text") == "网格分三类\n第二行"
    page.fill("#lex-tools-text", "改过的笔记")
    page.click("#lex-tools [data-action=save]")
    assert page.inner_text('[data-note-eid="art_15__para_2"] .lex-note-text') == "改过的笔记"   # shown at once
    page.select_option("#lex-tools-unit", "art_15__para_3")
    page.fill("#lex-tools-text", "new one")
    page.click("#lex-tools [data-action=save]")
    assert page.evaluate("document.querySelector('[data-note-eid=\"art_15__para_3\"]').parentElement.id") == "para-3"
    page.click("#lex-tools [data-action=delete]")
    assert page.locator('[data-note-eid="art_15__para_3"]').count() == 0


def test_notes_on_the_full_text(page, served_site):
    store(page, served_site)
    page.goto(served_site + "jiangxi/")
    assert page.evaluate("""() => document.querySelector('[data-note-eid="art_15__para_2"]').parentElement.id""") == \
        "art-15-para-2"
    assert page.evaluate("""() => document.querySelector('[data-note-eid="art_11__para_2__point_3"]').closest('.lex-item').id""") == \
        "art-11-para-2-item-3"
    assert page.locator(".lex-note-inline .lex-note-edit").count() == 0    # no tools block there to edit in
    assert page.locator(".lex-note-inline").count() == 3
