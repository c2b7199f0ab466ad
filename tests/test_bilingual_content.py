"""Bilingual parity of the edition's own content (issue 25): every glossary term, comparison topic and
article heading exists in Chinese and English, the Chinese is Chinese, every provision it cites exists, and
the status box's facts have their English.

Provision references in the Chinese follow one grammar, so that the renderer can find and link them:
    江西条例第十五条第二款        a regulation's short name (山西条例 / 江西条例), then the edition's label
    山西条例第七条第（三）项      (Ref.label_zh: a one-paragraph article's paragraph is not numbered)
    江西条例第十四条、第五十一条   further labels joined by 、 和 及 or 与 belong to the same regulation
    江西条例第五章               a chapter
Each reference is read back with the resolver's own rules (features/citations.py: parse, resolve) and must
name exactly one provision, written as Ref.label_zh writes it; a 第…条/款/项 outside such a reference fails.
"""
import re

import pytest
import yaml

from build_scripts.enrich.status import status_of
from build_scripts.model.citeparse import parse, resolve
from build_scripts.model.citerules import client_rules, structure
from build_scripts.model.numerals import from_int
from build_scripts.model.ref import Ref
from build_scripts.parse.corpus import CORPUS, facts_from_text

N = "[零〇一二两三四五六七八九十百]+"
LABEL = f"第{N}条(?:第{N}款)?(?:第（{N}）项)?"
JOIN = "[、和及与]"
SHORT_NAMES = {"山西条例": "shanxi", "江西条例": "jiangxi"}   # the short name a Chinese note uses for each text
REFERENCE = re.compile(f"(山西条例|江西条例)({LABEL}(?:{JOIN}{LABEL})*)")
CHAPTER = re.compile(f"(山西条例|江西条例)第({N})章")
LOOSE = re.compile(f"第{N}[条款章]|第（{N}）项|[前本该同]款|前条|本条(?!例)")   # what only a reference may contain
HAN = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
OTHER = re.compile(r"[\s\d\u3000-\u303f\uff00-\uffef“”‘’—…·]")   # spaces, digits, CJK and full-width punctuation


def problems_of_chinese(text: str, regs) -> list[str]:
    """What is wrong with one piece of editorial Chinese: not Chinese, or a reference that names nothing."""
    out = []
    if LATIN_WORD.search(text):
        out.append(f"Latin letters {LATIN_WORD.findall(text)[:3]} (no English in the Chinese)")
    counted = [c for c in text if not OTHER.match(c)]
    han = sum(1 for c in counted if HAN.match(c))
    if not counted or han / len(counted) < 0.95:
        out.append(f"only {han} of {len(counted)} characters are Han")
    rules, struct = client_rules(tuple(regs.values())), structure(tuple(regs.values()))
    rest = text
    for m in REFERENCE.finditer(text):
        reg = regs[SHORT_NAMES[m[1]]]
        for label in re.findall(LABEL, m[2]):
            got = resolve(parse(m[1] + label, rules), struct)
            if not got["ok"] or len(got["matches"]) != 1:
                out.append(f"{m[1]}{label}: names no provision ({got.get('error')})")
                continue
            hit = got["matches"][0]
            canonical = Ref(reg, hit["article"], hit["paragraph"], hit["item"]).label_zh
            if canonical != label:
                out.append(f"{m[1]}{label}: written {label}, the edition's style is {canonical}")
        rest = rest.replace(m[0], "·" * len(m[0]), 1)
    for m in CHAPTER.finditer(text):
        reg = regs[SHORT_NAMES[m[1]]]
        if m[2] not in {from_int(c.number) for c in reg.chapters}:
            out.append(f"{m[0]}: {reg.id} has no such chapter")
        rest = rest.replace(m[0], "·" * len(m[0]), 1)
    out += [f"{loose!r} outside a reference 山西条例/江西条例第…条" for loose in LOOSE.findall(rest)]
    return out


@pytest.fixture(scope="module")
def glossary_raw():
    return yaml.safe_load((CORPUS / "glossary.yaml").read_text(encoding="utf-8"))["terms"]


@pytest.fixture(scope="module")
def topics_raw():
    return yaml.safe_load((CORPUS / "alignment.yaml").read_text(encoding="utf-8"))["topics"]


# ------------------------------------------------------------------ the checker itself

@pytest.mark.parametrize("text, expected", [
    ("见江西条例第十五条第二款。", []),
    ("山西条例第七条第（三）项、第九条和江西条例第五十八条第一款第（七）项。", []),
    ("江西条例第五章规定专项治理。", []),
    ("见江西条例第十五条第（三）项。", ["names no provision"]),           # art. 15 has no items
    ("见山西条例第七条第一款第（三）项。", ["the edition's style is 第七条第（三）项"]),   # one paragraph
    ("见山西条例第四十七条。", ["names no provision"]),                     # Shanxi ends at art. 46
    ("见第十五条。", ["outside a reference"]),                               # which regulation?
    ("江西条例第九章。", ["no such chapter"]),
    ("依照前款规定办理。", ["outside a reference"]),
    ("The division of communities into grids.", ["Latin letters", "Han"]),
])
def test_the_checker_finds_what_it_should(regs, text, expected):
    found = problems_of_chinese(text, regs)
    assert len(found) == len(expected), found
    for want, got in zip(expected, found, strict=True):
        assert want in got


# ------------------------------------------------------------------ glossary

def test_every_term_has_a_chinese_definition(glossary_raw, edition):
    assert len(glossary_raw) == len(edition.glossary)
    missing = [t["id"] for t in glossary_raw if not str(t.get("definition_zh") or "").strip()]
    assert not missing, f"{len(missing)} of {len(glossary_raw)} terms lack definition_zh: {missing[:20]}"
    assert all(str(t.get("definition") or "").strip() for t in glossary_raw)


def test_chinese_definitions_are_chinese_and_cite_real_provisions(glossary_raw, regs):
    bad = {t["id"]: p for t in glossary_raw if t.get("definition_zh")
           for p in [problems_of_chinese(t["definition_zh"], regs)] if p}
    assert not bad


def test_chinese_definition_is_no_gloss_of_the_term_alone(glossary_raw):
    """A 释义 explains: more than the term itself, and ended as a sentence."""
    short = [t["id"] for t in glossary_raw if t.get("definition_zh")
             and (len(t["definition_zh"]) < len(t["zh"]) + 12 or not t["definition_zh"].endswith("。"))]
    assert not short


# ------------------------------------------------------------------ comparison topics

def test_every_topic_has_its_note_in_both_languages(topics_raw, edition):
    assert edition.alignment is not None and len(topics_raw) == len(edition.alignment.topics)
    missing = [t["id"] for t in topics_raw if not str(t.get("note_zh") or "").strip()]
    assert not missing, f"{len(missing)} of {len(topics_raw)} topics lack note_zh: {missing[:20]}"
    assert all(str(t.get("note") or "").strip() and t["name"].get("zh") and t["name"].get("en") for t in topics_raw)


def test_topic_notes_are_chinese_and_cite_real_provisions(topics_raw, regs):
    bad = {t["id"]: p for t in topics_raw if t.get("note_zh") for p in [problems_of_chinese(t["note_zh"], regs)] if p}
    assert not bad


def test_every_topic_text_is_bilingual(topics_raw):
    """No other English-only editorial text in alignment.yaml: each string field of a topic has a _zh twin."""
    english_only = [(t["id"], k) for t in topics_raw for k, v in t.items()
                    if isinstance(v, str) and k not in ("id",) and not k.endswith("_zh") and f"{k}_zh" not in t]
    assert not english_only


# ------------------------------------------------------------------ editorial headings

@pytest.mark.parametrize("reg_id", ["shanxi", "jiangxi"])
def test_every_article_has_a_chinese_editorial_heading(regs, reg_id):
    reg = regs[reg_id]
    path = CORPUS / reg_id / "headings_zh.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["editorial"] is True                     # the enacted text has no headings: the page must say so
    assert data["note"]["zh"].strip() and data["note"]["en"].strip()
    headings = data["headings"]
    assert list(headings) == [a.eid for a in reg.articles]   # every article, in the text's order, nothing else
    bad = {eid: h for eid, h in headings.items()
           if not 4 <= len(h) <= 12 or not all(HAN.match(c) or c in "、" for c in h)}
    assert not bad, "headings must be 4-12 Han characters"
    repeated = {h for h in headings.values() if list(headings.values()).count(h) > 1}
    assert not repeated


# ------------------------------------------------------------------ status box facts

@pytest.mark.parametrize("reg_id", ["shanxi", "jiangxi"])
def test_status_facts_have_english(regs, edition, reg_id):
    reg = regs[reg_id]
    m = reg.meta
    if m.adopted_by:
        assert m.adopted_by["zh"].strip() and m.adopted_by["en"].strip()
    stated = facts_from_text(reg)["repeals"]
    if stated is None:
        return
    rep = m.repeals
    assert rep.get("zh") == stated["zh"], "meta.yaml repeals.zh must be the title the last article repeals"
    assert rep.get("en", "").strip() and not HAN.search(rep["en"])
    events = status_of(reg, stated, (), "").predecessor.history
    assert [h["zh"] for h in rep.get("history", [])] == [e.body_zh for e in events]
    assert all(h["en"].strip() and not HAN.search(h["en"]) for h in rep["history"])


# ------------------------------------------------------------------ reader vocabulary (the glossary page shows why)

def test_every_alias_says_why_in_both_languages(regs):
    data = yaml.safe_load((CORPUS / "aliases.yaml").read_text(encoding="utf-8"))
    entries = [(key, e) for section in data.values() for key, aliases in section.items() for e in aliases]
    assert entries
    missing = [(key, e.get("zh") or e.get("en")) for key, e in entries if not str(e.get("why_zh") or "").strip()]
    assert not missing
    bad = {e.get("zh") or e.get("en"): p for _, e in entries for p in [problems_of_chinese(e["why_zh"], regs)] if p}
    assert not bad


# ------------------------------------------------------------------ the gloss change log (What's new)

def test_every_change_has_its_reason_in_both_languages(edition):
    log = yaml.safe_load((CORPUS / "gloss_changes.yaml").read_text(encoding="utf-8"))["changes"]
    missing = [n for n, c in enumerate(log) if not str(c.get("reason") or "").strip()
               or not str(c.get("reason_zh") or "").strip()]
    assert not missing, f"{len(missing)} of {len(log)} changes lack reason or reason_zh: {missing[:20]}"
    assert len(log) == len(edition.changes) and all(c.reason_zh for c in edition.changes)


def test_chinese_reasons_are_chinese_and_keep_the_english_as_it_is(regs):
    """A reason_zh is Chinese around the English it quotes: each kept English run (what the page marks lang="en",
    render/html.py KEPT_ENGLISH) is found word for word in the English reason, and the rest is Chinese whose
    provision references (江西条例第十二条) name real provisions in the edition's style."""
    from build_scripts.render.html import KEPT_ENGLISH
    bad = {}
    for n, c in enumerate(yaml.safe_load((CORPUS / "gloss_changes.yaml").read_text(encoding="utf-8"))["changes"]):
        zh, en = c.get("reason_zh") or "", c["reason"]
        if not zh:
            continue                                    # test_every_change_has_its_reason_in_both_languages
        found = [f"{run!r} is not in the English reason" for run in KEPT_ENGLISH.findall(zh)
                 if len(run) > 1 and run not in en and not re.fullmatch(r"[A-Z]?\d+|seed", run)]
        rest = KEPT_ENGLISH.sub("", zh)
        found += [p for p in problems_of_chinese(rest, regs)
                  if "outside a reference" not in p]      # 第一款 of the entry's own article is read in context
        if found:
            bad[(n, c["regulation"], c["eid"])] = found
    assert not bad, f"{len(bad)} reasons: {list(bad.items())[:40]}"
