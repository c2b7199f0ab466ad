"""The traditional-character view (enrich/hant.py): Taiwan's forms, every phrase conversion of OpenCC in
the texts reviewed (corpus/zh_hant_corrections.yaml), tables that never crash on new text, the glossary
agreeing with the view. (One OpenCC converter per config per build: tests/test_once.py, which counts what one
build makes.)"""
from pathlib import Path

import opencc
import pytest

from build_scripts.enrich import glossary as G
from build_scripts.enrich.hant import HAN_RUN, Reviewed, corpus_texts, derive, load_reviewed
from build_scripts.features.search import Search, glossary_texts, page_texts

ROOT = Path(__file__).resolve().parent.parent
S2TW = opencc.OpenCC("s2tw")


@pytest.fixture(scope="module")
def texts(edition):
    return [*corpus_texts(edition.regs), *glossary_texts(edition.glossary), *page_texts()]


@pytest.fixture(scope="module")
def reviewed():
    return load_reviewed(ROOT / "corpus")


def test_every_phrase_conversion_is_reviewed(texts, reviewed):
    """Derived with nothing reviewed, the tables list every place where OpenCC's phrase dictionary
    differs from its character map in the texts of the site: each one is accepted or corrected."""
    found = derive(texts).unreviewed
    assert found, "the texts have phrase conversions (发布, 邻里, 玩忽职守 ...)"
    listed = set(reviewed.accepted) | set(reviewed.corrected)
    # a correction may list the longer phrase OpenCC matched across (协调制度 for its 调制)
    missing = [f"{p}: {S2TW.convert(p)}" for p in found
               if p not in listed and not any(p in zh for zh in reviewed.corrected)]
    assert not missing, f"review these in corpus/zh_hant_corrections.yaml (accepted or corrected): {missing}"
    assert derive(texts, reviewed).unreviewed == ()
    print(f"{len(found)} phrase conversions found, {len(listed)} reviewed")


def test_reviewed_entries_are_sound(texts, reviewed):
    runs = {r for t in texts for r in HAN_RUN.findall(t)}
    t2s = opencc.OpenCC("t2s")
    for zh, hant in reviewed.accepted.items():
        assert S2TW.convert(zh) == hant, (zh, hant, "accepted must be OpenCC's own form")
    for zh, hant in reviewed.corrected.items():
        assert S2TW.convert(zh) != hant, (zh, "a correction that equals OpenCC belongs under accepted")
        assert t2s.convert(hant) == zh, (zh, hant, "a correction changes the character form, not the word")
    for zh in [*reviewed.accepted, *reviewed.corrected]:
        assert any(zh in r for r in runs), f"{zh}: no longer in the texts; remove it"


def test_taiwan_forms(edition):
    view = edition.hant
    assert view.convert("为群众考核") == "為群眾考核"          # s2t would give 爲羣衆考覈
    assert view.convert("玩忽职守") == "玩忽職守"              # OpenCC: 翫忽職守
    assert view.convert("建立健全协调制度") == "建立健全協調制度"  # OpenCC: 協調製度
    assert view.convert("发布预警信息") == "發布預警信息"


def test_glossary_agrees_with_the_view(site, edition):
    view = Search(site).hant       # the tables the pages load
    for t in edition.glossary:
        assert t.zh_hant == view.convert(t.zh), t.id


def test_glossary_zh_hant_must_agree(tmp_path):
    raw = {"terms": [{"id": "x", "zh": "玩忽职守", "zh_hant": "翫忽職守", "pinyin": "x", "en": "x",
                      "category": "concept", "definition": "x"}]}
    with pytest.raises(G.CorpusError, match="the traditional view shows '玩忽職守'"):
        G.validate(raw, {"a": "玩忽职守"}, tmp_path / "glossary.yaml",
                   derive(["玩忽职守"], Reviewed(corrected={"玩忽职守": "玩忽職守"})).convert)


@pytest.mark.parametrize("text", [
    "加强社会治理发展理发店和头发管理",          # 理发 inside 治理发展: OpenCC's phrase matching misfires
    "没有采取措施，协调制度，干部若干，皇后乡里",
    "新条例：某某某法律援助站点分布于各乡镇，建立协调制度",
])
def test_new_text_never_crashes_and_reproduces(text):
    """A new regulation: the tables reproduce OpenCC s2tw on it, whatever phrases it has, and the
    phrases nobody reviewed are reported (the build prints one line and goes on)."""
    tables = derive([text])
    for run in HAN_RUN.findall(text):
        assert tables.convert(run) == S2TW.convert(run)
    assert tables.warning() is None or "not reviewed" in tables.warning()
