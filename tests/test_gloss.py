"""The English gloss: complete, aligned by eid, no stray Chinese, numbers kept."""
import re
import shutil

import pytest

from build_scripts.corpus import CorpusError, load_regulation
from build_scripts.gloss import expected_keys, load_gloss
from build_scripts.model import units

GLOSSED = ["shanxi", "jiangxi"]
PARENTHETICAL_ORIGINAL = re.compile(r"\(([\u3400-\u9fff《》·]+)\)")
HAN = re.compile(r"[\u3400-\u9fff]")
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@pytest.mark.parametrize("reg_id", GLOSSED)
def test_every_unit_heading_and_chapter_is_glossed(regs, reg_id):
    reg = regs[reg_id]
    gloss = load_gloss(reg)
    missing = [u.eid for u in units(reg.articles) if u.zh and not gloss.unit(u.eid)]
    missing += [a.eid for a in reg.articles if not gloss.heading(a.number)]
    missing += [c.eid for c in reg.chapters if not gloss.chapter(c.number)]
    assert missing == []


def all_english(reg, gloss):
    for u in units(reg.articles):
        yield u.eid, u.zh, gloss.unit(u.eid) or ""
    for a in reg.articles:
        yield a.eid, "", gloss.heading(a.number) or ""
    for c in reg.chapters:
        yield c.eid, c.title, gloss.chapter(c.number) or ""


@pytest.mark.parametrize("reg_id", GLOSSED)
def test_no_chinese_left_in_english_except_parenthetical_originals(regs, reg_id):
    reg = regs[reg_id]
    offenders = [(eid, en) for eid, _, en in all_english(reg, load_gloss(reg))
                 if HAN.search(PARENTHETICAL_ORIGINAL.sub("", en))]
    assert offenders == []


@pytest.mark.parametrize("reg_id", GLOSSED)
def test_every_arabic_number_is_kept(regs, reg_id):
    reg = regs[reg_id]
    lost = []
    for eid, zh, en in all_english(reg, load_gloss(reg)):
        for y, m, d in DATE.findall(zh):  # a date is kept as a date: 2023年9月1日 -> 1 September 2023
            if f"{int(d)} {MONTHS[int(m) - 1]} {y}" not in en:
                lost.append((eid, f"{y}-{m}-{d}"))
        for number in re.findall(r"\d+", DATE.sub("", zh)):
            if not re.search(rf"(?<!\d){number}(?!\d)", en):
                lost.append((eid, number))
    assert lost == []


@pytest.mark.parametrize("reg_id", GLOSSED)
def test_modal_verbs(regs, reg_id):
    """应当 is rendered 'shall' and 不得 'shall not' in the same unit (the conventions of the translation notes)."""
    reg = regs[reg_id]
    gloss = load_gloss(reg)
    wrong = []
    for u in units(reg.articles):
        en = gloss.unit(u.eid) or ""
        if "应当" in u.zh and "shall" not in en:
            wrong.append((u.eid, "应当"))
        if "不得" in u.zh and "shall not" not in en:
            wrong.append((u.eid, "不得"))
    assert wrong == []


def test_orphaned_key_stops_the_build(tmp_path, regs):
    folder = tmp_path / "jiangxi"
    shutil.copytree(regs["jiangxi"].source_path.rsplit("/", 1)[0], folder)
    reg = load_regulation(folder)
    (folder / "gloss.yaml").write_text("units:\n  art_64__para_1: An article that does not exist.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="art_64__para_1"):
        load_gloss(reg, corpus=tmp_path)


def test_expected_keys_cover_all_units(regs):
    keys = expected_keys(regs["jiangxi"])
    assert len(keys["units"]) == 142 and len(keys["headings"]) == 63 and len(keys["chapters"]) == 8


SUFFIX = r"(?:s|es|d|ed|ing|ly|ation|ations)?"


def rendering_pattern(rendering: str) -> re.Pattern:
    """A glossary rendering as a pattern over lower-cased English: whole words (an inflection suffix allowed at the
    end, so 'organ' matches 'organs' but never 'organization'), and '…' standing for up to five words, so
    'competent … department' matches 'competent education departments'."""
    parts = [re.escape(p.strip().lower()) for p in rendering.split("…")]
    return re.compile(r"(?<![\w-])" + r"(?:[\s,]+[\w'()-]+){0,5}[\s,]+".join(parts) + SUFFIX + r"(?![\w-])")


def rendered(en: str, renderings) -> bool:
    return any(rendering_pattern(r).search(en.lower()) for r in renderings)


@pytest.mark.parametrize("en,rendering,expected", [
    ("organs, public organizations", "organ", True),
    ("other organizations", "organ", False),
    ("the competent education departments of", "competent … department", True),
    ("the competent authorities", "competent … department", False),
    ("shall promptly report", "promptly", True),
    ("in a timely manner", "promptly", False),
    ("potential public-order hazards", "potential … hazard", True),
    ("strengthening", "strengthen", True),
])
def test_rendering_pattern(en, rendering, expected):
    assert rendered(en, [rendering]) is expected


def test_every_glossary_term_is_rendered_with_its_glossary_english(regs):
    """Term consistency: each glossary term found in a Chinese unit (longest match first) has its glossary
    English (or a listed English variant) in the aligned English unit, as whole words (see rendering_pattern).
    Covers every category, the drafting formulas (应当, 有关部门, 会同, 违法犯罪 ...) included."""
    from build_scripts.glossary import find_terms, forms_map, load_glossary
    terms = load_glossary(tuple(regs.values()))
    by_id = {t.id: t for t in terms}
    forms = forms_map(terms)
    found, misses, formulas = 0, [], 0
    for reg in regs.values():
        gloss = load_gloss(reg)
        for u in units(reg.articles):
            en = gloss.unit(u.eid) or ""
            for match in find_terms(u.zh, forms):
                term = by_id[match.key]
                found += 1
                formulas += term.category == "formula"
                if not rendered(en, (term.en, *term.en_variants)):
                    misses.append((u.eid, match.form, term.en))
    print(f"glossary terms in Chinese units: {found} ({formulas} drafting formulas); "
          f"rendered with the glossary English: {found - len(misses)}")
    assert found > 1000 and formulas > 400
    assert misses == []
