"""Reader tools (issue 15, items 3-5): shareable selections (select/), compare any two provisions (diff/),
private notes and bookmarks (notes/ and the article pages' tools), on the served site and from file://."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_scripts.enrich.alignment import (
    SHARED_LITTLE,
    Provision,
    provision_text,
    segment,
    shared_share,
    word_diff,
)
from build_scripts.enrich.alignment import (
    parse_eid as alignment_eid,
)
from build_scripts.features.reader import STORE_KEY, Reader
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import unit_eid


def prov(reg_id: str, article: int, paragraph: int | None = None, item: int | None = None) -> Provision:
    return Provision(reg_id, unit_eid(article, paragraph, item), article, paragraph, item)


# ----------------------------------------------------------------------------------------- unit
def test_article_block_links_compare_and_select_with_short_paths(site):
    feature = Reader(site)
    ref = site.ref("jiangxi", 15)
    html = feature.article_block(ref, ref.page_src)
    assert 'href="../../diff/?a=jx/15"' in html and 'href="../../select/?jx=15"' in html
    for unit in Ref.all(ref.reg):
        if unit.article == 15:
            assert f'value="{unit.eid}"' in html
    assert 'lang="zh-Hans"' in html and 'lang="en"' in html


def test_permalinks_use_the_public_base_when_set(edition):
    from build_scripts.render.context import Site
    feature = Reader(Site(edition, site_url="https://example.org/pingan/"))
    assert feature.index("select.md")["pages"]["select"]["url"] == "https://example.org/pingan/select/"


def test_the_pages_read_the_core_data_and_article_pages_do_not_carry_their_script(built_site):
    """The reader has no data of its own (its pages read assets/units/<reg>.js, tests/test_units.py), and
    the bundle every page loads holds only what article and full-text pages use (tools block, checkboxes);
    the three pages load their own script."""
    assert not (built_site / "assets" / "reader").exists()
    bundle = (built_site / "assets" / "bundle.js").read_text(encoding="utf-8")
    # the tools block and checkboxes (browser/reader/index.js) are in it; the pages' diff and notes are not
    assert "lex-tools-compare" in bundle and "lex-diff-result" not in bundle and "lex-notes-empty" not in bundle
    for page in ("select", "diff", "notes"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert '<script src="../assets/reader-pages.js" defer></script>' in html, page
        assert ("cite-rules.js" in html) == (page == "diff"), page
    article = (built_site / "jiangxi" / "art-15" / "index.html").read_text(encoding="utf-8")
    assert "reader-pages.js" not in article and "assets/units/" not in article


def test_word_diff_gives_back_both_texts_and_cuts_no_word(site):
    """On the curated pairs: the parts rebuild A and B, and every boundary between parts falls between two words
    of each text (the character diff cut 基层治理 into 基层治|理)."""
    vocab = set(Reader(site).diff_index("diff.md")["words"])
    longest = max(map(len, vocab))
    assert {"基层治理", "网格化服务管理"} <= vocab or "基层" in vocab
    for a, b in real_pairs(site):
        parts = word_diff(a, b, vocab)
        assert "".join(t for op, t in parts if op != "ins") == a and "".join(t for op, t in parts if op != "del") == b
        for text, skip in ((a, "ins"), (b, "del")):
            ends, at = set(), 0
            for w in segment(text, vocab, longest):
                at += len(w)
                ends.add(at)
            at = 0
            for op, t in parts:
                if op != skip:
                    at += len(t)
                    assert at in ends, (text[:20], t)
    assert segment("基层治理网格", {"基层", "治理", "网格", "基层治理"}, 4) == ["基层治理", "网格"]


def test_each_unit_s_counterpart_comes_from_the_curated_pairs(site):
    """A provision named by a pair gets the other side of its first pair; a part of it, that side too (the
    narrowest pair containing it first); a unit of an article no pair touches gets none."""
    al = site.edition.alignment
    index = Reader(site).diff_index("diff.md")["counterparts"]
    pairs = [(mine, other) for t in al.topics for p in t.pairs for mine, other in ((p.a, p.b), (p.b, p.a))]
    for reg in site.regs:
        for ref in Ref.all(reg):
            unit = alignment_eid(reg, ref.eid)
            got = index.get(f"{reg.id}/{ref.eid}")
            exact = [o for m, o in pairs if m == unit]
            containing = sorted(((m, o) for m, o in pairs if m.contains(unit) and m != unit), key=lambda x: -len(x[0].eid))
            same_article = [o for m, o in pairs if (m.reg, m.article) == (reg.id, unit.article)]
            if exact:
                assert got == [exact[0].reg, exact[0].eid], ref.eid
            elif containing:
                assert got == [containing[0][1].reg, containing[0][1].eid], ref.eid
            elif same_article:
                assert got is not None and got[0] != reg.id, ref.eid
            else:
                assert got is None, ref.eid
    assert len(index) > 100


# ----------------------------------------------------------------------------------------- browser
def real_pairs(site) -> list[tuple[str, str]]:
    """Curated pairs (both kinds) plus pairs the topics do not hold: whole articles, an item, a paragraph."""
    al = site.edition.alignment
    out = []
    for t in al.topics:
        for p in t.pairs[:1]:
            out.append((provision_text(site.reg(p.a.reg), p.a), provision_text(site.reg(p.b.reg), p.b)))
    jx, sx = site.reg("jiangxi"), site.reg("shanxi")
    for a, b in [((1, None, None), (1, None, None)), ((15, 2, None), (35, None, None)), ((11, 2, 3), (7, 1, 3)),
                 ((3, None, None), (3, None, None))]:
        out.append((provision_text(jx, prov("jiangxi", *a)), provision_text(sx, prov("shanxi", *b))))
    out += [("", "平安"), ("平安建设", ""), ("abc", "abc"), ("（一）甲乙丙", "（二）甲丙丁")]
    return out[:40]


def check_selection(page):
    page.wait_for_selector("#lex-select[data-count]")
    assert page.get_attribute("#lex-select", "data-count") == "6"
    arts = page.eval_on_selector_all(".lex-select-art", "els => els.map(e => e.dataset.reg + '/' + e.dataset.eid)")
    assert arts == ["jiangxi/art_4", "jiangxi/art_14", "jiangxi/art_15", "jiangxi/art_16", "jiangxi/art_17", "shanxi/art_3"]
    cites = page.eval_on_selector_all(".lex-select-art .lex-reader-cite span[lang='zh-Hans']", "els => els.map(e => e.textContent)")
    assert cites[2] == "《江西省平安建设条例》第十五条"
    assert page.eval_on_selector_all(".lex-select-out .lex-zh:not([lang='zh-Hans'])", "els => els.length") == 0
    assert page.eval_on_selector_all(".lex-select-out .lex-en:not(.lex-missing):not([lang='en'])", "els => els.length") == 0


def test_selection_page_from_the_url(page, served_site, site):
    page.goto(served_site + "select/?jx=4,14-17&sx=3")
    check_selection(page)
    assert page.is_hidden("#lex-select-pick") and page.is_visible("#lex-select-bar")
    with page.expect_download() as dl:
        page.click("[data-action=download-md]")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "### 《江西省平安建设条例》第十五条 / Jiangxi Province Regulations on Ping'an-Building, Art. 15" in text
    assert "/jiangxi/art-15/>" in text and "select/?jx=4,14-17&sx=3>" in text
    # the edition and its version come first; every paragraph of a many-paragraph article under its label, every
    # item with its number in both languages, in the order of the text, each Chinese text whole
    head = text.split("## ")[0]
    assert f"版本 {site.edition.version}" in head and f"version {site.edition.version}" in head
    assert "平安建设条例双语版" in head and "CC BY 4.0" in head
    at = 0
    for reg_id, numbers in (("jiangxi", (4, 14, 15, 16, 17)), ("shanxi", (3,))):
        reg, gloss = site.reg(reg_id), site.glosses[reg_id]
        for n in numbers:
            art = reg.article(n)
            for p in art.paragraphs:
                ref = Ref(reg, n, p.number)
                expected = ([f"**{ref.label_zh} · {ref.label_en}**"] if len(art.paragraphs) > 1 else []) + [p.text]
                for i in p.items:
                    en = gloss.unit(Ref(reg, n, p.number, i.number).eid)
                    expected += [f"- {i.label}{i.text}"] + ([f"> ({i.number}) {en}"] if en else [])
                for line in filter(None, expected):
                    found = text.find(line, at)
                    assert found >= 0, (reg_id, n, p.number, line[:40])
                    at = found + len(line)
    page.emulate_media(media="print")
    assert page.is_hidden(".lex-reader-bar") and page.is_hidden(".md-sidebar--primary")
    page.emulate_media(media="screen")


def test_selection_markdown_says_the_texts_status_and_the_export_date(page, served_site, site):
    """The download's head: the edition, its version and the day of the export; for each regulation selected, the date
    it is in force since and whether the text is as enacted (as the article pages' status box says)."""
    import datetime
    page.goto(served_site + "select/?jx=15&sx=23")
    page.wait_for_selector("#lex-select-bar:not([hidden])")
    with page.expect_download() as dl:
        page.click("[data-action=download-md]")
    head = Path(dl.value.path()).read_text(encoding="utf-8").split("## ")[0]
    day = datetime.datetime.now(datetime.UTC).date().isoformat()
    assert f"版本 {site.edition.version} · 导出于 {day}" in head and f"version {site.edition.version} · exported {day}" in head
    for reg_id in ("jiangxi", "shanxi"):
        status, meta = site.edition.status[reg_id], site.reg(reg_id).meta
        assert status.effective and not status.amendments
        assert f"《{meta.title_zh}》：{status.effective}起施行；公布时文本" in head
        assert f"{meta.title_en}: in force since {status.effective}; as enacted" in head


def test_selection_reports_what_it_cannot_show(page, served_site):
    page.goto(served_site + "select/?jx=2,999&zz=1")
    page.wait_for_selector("#lex-select[data-count='1']")
    status = page.inner_text("#lex-select-status")
    assert "999" in status and "jx" in status


def test_selection_picked_on_the_full_text_page_and_contents(page, served_site):
    page.goto(served_site + "jiangxi/")
    for n in (4, 14, 15, 16, 17):
        page.check(f"#lex-pick-{n}")
    assert page.input_value("#lex-select-input") == "4,14-17"
    page.click("#lex-select-form button[type=submit]")
    page.wait_for_url(re.compile(r"select/\?jx=4%2C14-17$|select/\?jx=4,14-17$"))
    page.wait_for_selector("#lex-select[data-count='5']")
    # the contents of the selection page: ticking keeps the range box in step, by keyboard too
    page.goto(served_site + "select/")
    page.click("details.lex-select-toc >> nth=1 >> summary")
    page.focus("#lex-tick-shanxi-3")
    page.keyboard.press("Space")
    assert page.input_value("#lex-select-shanxi") == "3"
    page.fill("#lex-select-jiangxi", "4, 14-17")
    page.dispatch_event("#lex-select-jiangxi", "input")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"select/\?jx=4,14-17&sx=3$"))
    check_selection(page)


def check_diff(page):
    page.wait_for_selector("#lex-diff[data-diff]")
    parts = json.loads(page.get_attribute("#lex-diff", "data-diff"))
    assert {p[0] for p in parts} == {"same", "del", "ins"}
    dels = page.eval_on_selector_all(".lex-diff-text del", "els => els.map(e => e.textContent)")
    assert dels and all(d.startswith("[−仅见于A / only in A: ") and d.endswith("] (end)") for d in dels)
    assert page.eval_on_selector_all(".lex-diff-text ins", "els => els.length") > 0
    return parts


def test_compare_any_two_from_the_url_and_the_controls(page, served_site, site):
    page.goto(served_site + "diff/?a=jx/1&b=sx/1")
    parts = check_diff(page)
    a = provision_text(site.reg("jiangxi"), prov("jiangxi", 1))
    b = provision_text(site.reg("shanxi"), prov("shanxi", 1))
    assert [tuple(p) for p in parts] == word_diff(a, b, set(Reader(site).diff_index("diff.md")["words"]))
    assert page.get_attribute("#lex-diff", "data-layout") == "inline"
    page.goto(served_site + "diff/?a=jx/15/2&b=sx/35")
    page.wait_for_selector("#lex-diff[data-diff]")
    assert page.input_value("#lex-diff-a-unit") == "art_15__para_2"
    # pick another pair: a citation typed in the one citation syntax, then the selects, by keyboard
    page.fill("#lex-diff-b-q", "《山西省平安建设条例》第七条第（三）项")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"diff/\?a=jx/15/2&b=sx/7/1/3$"))
    page.wait_for_selector("#lex-diff[data-diff]")
    page.select_option("#lex-diff-a-reg", "shanxi")
    page.wait_for_function("() => document.querySelector('#lex-diff-a-unit').value === 'art_1'")
    page.select_option("#lex-diff-a-unit", "art_8")
    page.click("#lex-diff-pick button[type=submit]")
    page.wait_for_url(re.compile(r"diff/\?a=sx/8&b=sx/7/1/3$"))
    page.wait_for_selector("#lex-diff[data-diff]")


def test_compare_with_takes_the_chosen_provision_and_its_counterpart(page, served_site, site):
    """From an article page, "Compare with…" compares the paragraph or item the reader is at or has chosen,
    and B opens on its counterpart in the curated pairs, with no error shown before the reader acts."""
    counterparts = Reader(site).diff_index("diff.md")["counterparts"]
    jx = site.reg("jiangxi")
    page.goto(served_site + "jiangxi/art-58/#para-2")
    page.click("text=Compare with…")
    other = counterparts["jiangxi/art_58__para_2"]
    b = Ref.from_eid(site.reg(other[0]), other[1]).short_path.rstrip("/")
    page.wait_for_url(re.compile(r"diff/\?a=jx/58/2&b=" + re.escape(b) + "$"))   # the address records the pair
    page.wait_for_selector("#lex-diff[data-diff]")
    assert page.input_value("#lex-diff-b-unit") == other[1]
    assert page.locator(".lex-reader-error").count() == 0
    assert "counterpart" in page.inner_text(".lex-diff-paired")
    # an item chosen in the tools block
    item = next(r for r in Ref.all(jx) if r.kind == "item" and f"jiangxi/{r.eid}" in counterparts)
    page.goto(served_site + f"jiangxi/art-{item.article}/")
    page.select_option("#lex-tools-unit", item.eid)
    page.click("text=Compare with…")
    page.wait_for_url(re.compile(r"diff/\?a=" + re.escape(item.short_path.rstrip("/")) + "&b="))
    page.wait_for_selector("#lex-diff[data-diff]")
    # a provision with no counterpart: an invitation to choose B, not a red error
    lone = next(r for r in Ref.all(jx) if r.kind == "article" and not any(
        k == f"jiangxi/{u.eid}" for u in Ref.of_article(jx, r.art) for k in counterparts))
    page.goto(served_site + f"diff/?a=jx/{lone.article}")
    page.wait_for_function("() => document.querySelector('#lex-diff-status').textContent.length > 0")
    assert "Choose the second provision (B)" in page.inner_text("#lex-diff-status")
    assert page.locator(".lex-reader-error").count() == 0 and page.locator("#lex-diff[data-diff]").count() == 0


def test_provisions_that_share_little_are_set_side_by_side(page, served_site, site):
    """Under SHARED_LITTLE in common, no strike-through: both texts side by side, the shared words marked, and a
    line in both languages that they differ throughout."""
    vocab = set(Reader(site).diff_index("diff.md")["words"])
    a = provision_text(site.reg("jiangxi"), prov("jiangxi", 15, 2))
    b = provision_text(site.reg("shanxi"), prov("shanxi", 35))
    assert shared_share(word_diff(a, b, vocab)) < SHARED_LITTLE
    page.goto(served_site + "diff/?a=jx/15/2&b=sx/35")
    page.wait_for_selector("#lex-diff[data-diff]")
    assert page.get_attribute("#lex-diff", "data-layout") == "apart"
    assert page.locator(".lex-diff-text").count() == 0 and page.locator("#lex-diff-out del").count() == 0
    said = page.eval_on_selector(".lex-diff-apart", "p => [...p.querySelectorAll('[lang]')].map(s => [s.lang, s.textContent])")
    assert [lang for lang, _ in said] == ["zh-Hans", "en"] and "differ throughout" in said[1][1] and "不同" in said[0][1]
    shared = {w for op, t in word_diff(a, b, vocab) if op == "same" for w in segment(t, vocab, 20) if len(w) > 1}
    marked = page.eval_on_selector_all(".lex-diff-col .lex-zh mark.lex-shared", "ms => ms.map(m => m.textContent)")
    assert marked and set(marked) <= shared
    for col in (".lex-diff-col:nth-child(1)", ".lex-diff-col:nth-child(2)"):
        assert page.locator(f"{col} .lex-zh mark.lex-shared").count() > 0, col


def test_compare_reports_a_bad_citation(page, served_site):
    page.goto(served_site + "diff/?a=jx/15/2&b=sx/999")
    page.wait_for_function("() => document.querySelector('#lex-diff-status').textContent.length > 0")
    assert "No such provision" in page.inner_text("#lex-diff-status")
    page.goto(served_site + "diff/?a=15&b=sx/3")
    page.wait_for_function("() => document.querySelector('#lex-diff-status').textContent.length > 0")
    assert "name one" in page.inner_text("#lex-diff-status")


def add_note(page, url: str, eid: str, note: str, bookmark: bool = True):
    page.goto(url)
    page.select_option("#lex-tools-unit", eid)
    page.fill("#lex-tools-text", note)
    page.click("#lex-tools [data-action=save]")
    if bookmark:
        page.click("#lex-tools .lex-bookmark")
        assert page.get_attribute("#lex-tools .lex-bookmark", "aria-pressed") == "true"


def notes_round_trip(page, base: str, ext: str, tmp_path: Path):
    """Bookmark and note from article pages, list them, export both formats, clear, import back."""
    def art(reg: str, n: int) -> str:
        return f"{base}{reg}/art-{n}{ext}"
    add_note(page, art("jiangxi", 15) + "#para-2", "art_15__para_2", "网格分三类 — three kinds of grid")
    add_note(page, art("shanxi", 7), "art_7", "", bookmark=True)
    page.goto(art("jiangxi", 15) + "#para-2")
    assert page.input_value("#lex-tools-unit") == "art_15__para_2"
    assert page.input_value("#lex-tools-text") == "网格分三类 — three kinds of grid"
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')"))
    assert set(stored["items"]) == {"jiangxi/art_15__para_2", "shanxi/art_7"}  # keyed by regulation + eid
    page.goto(f"{base}notes{ext}")
    page.wait_for_selector("#lex-notes[data-count='2']")
    heads = page.eval_on_selector_all(".lex-note-cite", "els => els.map(e => e.innerText)")
    assert heads[0].startswith("《江西省平安建设条例》第十五条第二款") and "Art. 7" in heads[1]
    with page.expect_download() as dl:
        page.click("[data-action=export-json]")
    exported = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
    note = exported["notes"][0]
    assert note["regulation"] == "jiangxi" and note["eid"] == "art_15__para_2" and note["bookmark"] is True
    assert note["citation"]["en"].endswith("Art. 15(2)") and note["permalink"].endswith("#para-2")
    assert note["permalink"].startswith(base)  # no public base in this build: the page's own location
    with page.expect_download() as dl:
        page.click("[data-action=export-md]")
    md = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "## 《江西省平安建设条例》第十五条第二款 / Jiangxi Province Regulations on Ping'an-Building, Art. 15(2)" in md
    assert "网格分三类 — three kinds of grid" in md and "★" in md
    # delete one, then import the export back: merged, nothing lost, nothing duplicated
    page.click(".lex-note[data-key='shanxi/art_7'] [data-action=delete]")
    page.wait_for_selector("#lex-notes[data-count='1']")
    page.fill(".lex-note textarea", "edited")
    page.click(".lex-note [data-action=save]")
    src = tmp_path / "notes.json"
    src.write_text(json.dumps(exported), encoding="utf-8")
    page.set_input_files("#lex-notes-file", str(src))
    page.wait_for_selector("#lex-notes[data-count='2']")
    assert "1 added, 1 merged, 0 invalid skipped" in page.inner_text("#lex-notes-status")
    text = page.input_value(".lex-note[data-key='jiangxi/art_15__para_2'] textarea")
    assert text.startswith("edited") and "three kinds of grid" in text
    # an invalid file is refused with a message, and changes nothing
    bad = tmp_path / "bad.json"
    bad.write_text('{"notes": [{"regulation": "jiangxi", "eid": "<script>"}]}', encoding="utf-8")
    page.set_input_files("#lex-notes-file", str(bad))
    page.wait_for_function("() => /1 invalid skipped/.test(document.querySelector('#lex-notes-status').textContent)")
    not_json = tmp_path / "bad.txt"
    not_json.write_text("not json", encoding="utf-8")
    page.set_input_files("#lex-notes-file", str(not_json))
    page.wait_for_function("() => /Import failed/.test(document.querySelector('#lex-notes-status').textContent)")
    assert page.get_attribute("#lex-notes", "data-count") == "2"


def test_notes_round_trip_on_the_served_site(page, served_site, tmp_path):
    notes_round_trip(page, served_site, "/", tmp_path)


def test_a_note_on_a_provision_gone_after_a_rebuild_is_kept(page, served_site):
    page.goto(served_site + "notes/")
    page.evaluate("""k => localStorage.setItem(k, JSON.stringify({version: 1, items: {
        'jiangxi/art_999': {reg: 'jiangxi', eid: 'art_999', bookmark: false, note: 'old',
                            cite: {zh: '《江西省平安建设条例》第九百九十九条', en: 'Jiangxi, Art. 999'}}}}))""", STORE_KEY)
    page.reload()
    page.wait_for_selector(".lex-note-orphan")
    assert "第九百九十九条" in page.inner_text(".lex-note-orphan")


def test_reader_pages_work_from_the_offline_copy(page, offline_dist, tmp_path):
    base = (offline_dist / "offline").as_uri() + "/"
    page.goto(base + "select.html?jx=4,14-17&sx=3")
    check_selection(page)
    assert page.get_attribute(".lex-select-art >> nth=2 >> .lex-reader-link a", "href") == "jiangxi/art-15.html"
    page.goto(base + "diff.html?a=jx/1&b=sx/1")
    check_diff(page)
    page.goto(base + "jiangxi/index.html")
    page.check("#lex-pick-3")
    page.click("#lex-select-form button[type=submit]")
    page.wait_for_selector("#lex-select[data-count='1']")
    notes_round_trip(page, base, ".html", tmp_path)


HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def option_texts(page, selector):
    return page.eval_on_selector_all(selector + " option", "os => os.map(o => o.textContent)")


@pytest.mark.parametrize("mode", ["en", "zh", "both"])
def test_drop_downs_speak_the_display_mode(page, served_site, mode):
    """An option's text cannot be hidden by language: the mode sets it. 仅英文 shows English only (the Provision
    drop-down of an article, the regulations and provisions of the compare page), 仅中文 Chinese only, 中英对照 both;
    a change of mode on the page relabels them."""
    page.goto(served_site + "jiangxi/art-15/")
    page.evaluate("m => localStorage.setItem('lex-mode', m)", mode)
    for path, selects in (("jiangxi/art-15/", ["#lex-tools-unit"]),
                          ("diff/?a=jx/15/2&b=sx/35", ["#lex-diff-a-reg", "#lex-diff-b-reg", "#lex-diff-a-unit",
                                                       "#lex-diff-b-unit"])):
        page.goto(served_site + path)
        page.wait_for_function("() => document.querySelectorAll('#lex-diff-b-unit option, #lex-tools-unit option')"
                               ".length > 3")
        for sel in selects:
            texts = option_texts(page, sel)
            assert texts, sel
            if mode == "en":
                assert [t for t in texts if HAN_CHAR.search(t) or not LATIN.search(t)] == [], (path, sel)
            elif mode == "zh":
                assert [t for t in texts if LATIN.search(t) or not HAN_CHAR.search(t)] == [], (path, sel)
            else:
                assert all(HAN_CHAR.search(t) and LATIN.search(t) for t in texts), (path, sel)
    if mode == "both":
        page.click("[data-lex-mode=en]")
        texts = option_texts(page, "#lex-diff-a-reg")
        assert texts and not any(HAN_CHAR.search(t) for t in texts)
        assert page.eval_on_selector("#lex-diff-a-reg", "s => s.options[s.selectedIndex].text") == texts[
            page.eval_on_selector("#lex-diff-a-reg", "s => s.selectedIndex")]
