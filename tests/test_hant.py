"""The traditional-character views (enrich/hant.py), in both standards: Taiwan's forms (s2tw) and Hong Kong's
(s2hk), every phrase conversion of OpenCC in the texts reviewed for each (corpus/zh_hant_corrections.yaml),
the interface strings in each standard's reviewed vocabulary, tables that never crash on new text, the
glossary agreeing with the view. (One OpenCC converter per config per build: tests/test_once.py, which counts
what one build makes.)"""
import re
from pathlib import Path

import opencc
import pytest

from build_scripts.enrich import glossary as G
from build_scripts.enrich.hant import (
    STANDARDS,
    VOCABULARY,
    Reviewed,
    corpus_texts,
    derive,
    load_reviewed,
    vocabulary_candidates,
)
from build_scripts.features.search import edition_texts, glossary_texts, hant_data
from build_scripts.model.errors import InputError
from build_scripts.model.han import HAN_RUN
from build_scripts.model.messages import catalogue

ROOT = Path(__file__).resolve().parent.parent
OPENCC = {config: opencc.OpenCC(config) for config in (*STANDARDS.values(), *VOCABULARY.values(), "t2s")}
T2S = OPENCC["t2s"]


@pytest.fixture(scope="module")
def texts(edition, site_texts):
    return [*corpus_texts(edition.regs), *glossary_texts(edition.glossary), *edition_texts(edition),
            *(m.zh for m in catalogue().values()), *site_texts]


@pytest.fixture(scope="module")
def reviewed():
    return load_reviewed(ROOT / "corpus")


@pytest.fixture(scope="module")
def views(search_feature):
    return search_feature.views       # the tables the pages load


@pytest.mark.parametrize("std", STANDARDS)
def test_every_phrase_conversion_is_reviewed(texts, reviewed, std):
    """Derived with nothing reviewed, the tables list every place where OpenCC's phrase dictionary differs
    from its character map in the texts of the site (the whole corpus, the glossary, the pages, the
    catalogue): each one is accepted or corrected, for each standard."""
    mine, convert = reviewed[std], OPENCC[STANDARDS[std]].convert
    found = derive(texts, standard=std).unreviewed
    assert found, "the texts have phrase conversions (发布, 邻里, 玩忽职守 ...)"
    listed = set(mine.accepted) | set(mine.corrected)
    # a correction may list the longer phrase OpenCC matched across (协调制度 for its 调制)
    missing = [f"{p}: {convert(p)}" for p in found if p not in listed and not any(p in zh for zh in mine.corrected)]
    assert not missing, f"review these under {std} in corpus/zh_hant_corrections.yaml (accepted or corrected): {missing}"
    assert derive(texts, mine, std).unreviewed == ()
    print(f"{std}: {len(found)} phrase conversions found, {len(listed)} reviewed")


@pytest.mark.parametrize("std", STANDARDS)
def test_reviewed_entries_are_sound(texts, reviewed, std):
    runs = {r for t in texts for r in HAN_RUN.findall(t)}
    mine, convert = reviewed[std], OPENCC[STANDARDS[std]].convert
    for zh, hant in mine.accepted.items():
        assert convert(zh) == hant, (std, zh, hant, "accepted must be OpenCC's own form")
    for zh, hant in mine.corrected.items():
        assert convert(zh) != hant, (std, zh, "a correction that equals OpenCC belongs under accepted")
        assert T2S.convert(hant) == zh, (std, zh, hant, "a correction changes the character form, not the word")
    for zh in [*mine.accepted, *mine.corrected]:
        assert any(zh in r for r in runs), f"{std}: {zh}: no longer in the texts; remove it"


def test_both_standards_are_reviewed_in_full(reviewed):
    """The same phrases are reviewed for both standards: a phrase reviewed for one and forgotten for the other
    would be used as OpenCC has it."""
    tw, hk = reviewed["tw"], reviewed["hk"]
    assert set(tw.accepted) | set(tw.corrected) == set(hk.accepted) | set(hk.corrected)


@pytest.mark.parametrize("std", STANDARDS)
def test_interface_vocabulary_is_reviewed(reviewed, std):
    """Every word of the catalogue's Chinese that the standard's vocabulary (OpenCC s2twp / s2hkp) writes
    otherwise is reviewed: accepted (used in the interface) or rejected (its characters only), or the
    message gives its own form."""
    mine = reviewed[std]
    words = {**mine.vocabulary, **mine.rejected}
    strings = [m.zh for m in catalogue().values() if getattr(m, f"zh_{std}") is None]
    missing = {}
    for run in {r for s in strings for r in HAN_RUN.findall(s)}:
        for w, form in vocabulary_candidates([run], std).items():
            if w not in words and not any(w in e and e in run for e in words):
                missing[w] = form
    assert not missing, f"review under {std}.interface in corpus/zh_hant_corrections.yaml: {missing}"
    vocab = OPENCC[VOCABULARY[std]].convert
    for w, form in mine.vocabulary.items():
        assert vocab(w) == form, (std, w, form, "an accepted word is OpenCC's vocabulary")
    for w, form in mine.rejected.items():
        assert vocab(w) == form and form != OPENCC[STANDARDS[std]].convert(w), (std, w, form)
    used = {r for m in catalogue().values() for r in HAN_RUN.findall(m.zh)}
    unused = [w for w in words if not any(w in r for r in used)]
    assert not unused, f"{std}.interface: {unused} are in no interface string; remove them"


def test_standards(edition):
    tw, hk = edition.hant, edition.hant_hk
    assert tw.convert("为群众考核") == "為群眾考核" and hk.convert("为群众考核") == "為羣眾考核"   # s2t: 爲羣衆考覈
    for view in (tw, hk):
        assert view.convert("玩忽职守") == "玩忽職守"                 # OpenCC: 翫忽職守
        assert view.convert("建立健全协调制度") == "建立健全協調制度"   # OpenCC: 協調製度
        assert view.convert("发布预警信息") == "發布預警信息"           # characters only: 信息, never 資訊
    # where the standards differ (issue 25): Taiwan 平臺, Hong Kong 平台; 了解 (reviewed for Hong Kong)
    assert tw.convert("平台") == "平臺" and hk.convert("平台") == "平台"
    assert tw.convert("了解") == "瞭解" and hk.convert("了解") == "了解"


def test_interface_strings_take_the_vocabulary(views):
    tw, hk = views["tw"], views["hk"]
    assert tw.interface("复制链接") == "複製連結" and tw.convert("复制链接") == "複製鏈接"
    assert tw.interface("数据") == "資料" and hk.interface("数据") == "數據"
    assert tw.interface("首次发布后未修订") == "首次發布後未修訂"     # 釋出 (a software release) rejected
    assert hk.interface("搜索") == "搜尋"
    assert tw.interface("在“阅读工具”中") == "在「閱讀工具」中" and hk.interface("“阅读工具”") == "「閲讀工具」"
    table = tw.interface_table(catalogue().values())
    assert table["复制链接"] == "複製連結" and "首次发布后未修订" not in table


def test_interface_never_reaches_the_legal_text(edition, views):
    """The views match interface strings whole; no unit, label or title of the texts is one of them."""
    for std, view in views.items():
        table = view.interface_table(catalogue().values())
        legal = set(corpus_texts(edition.regs))
        assert not legal & set(table), (std, legal & set(table))


def test_data_file_has_both_standards(views):
    tables = hant_data(views)           # the build's data "hant" (browser/hant/)
    assert tables["base"] == "tw" and set(tables) == {"base", "tw", "hk"}
    hk_chars = dict(zip(tables["hk"]["chars"][0::2], tables["hk"]["chars"][1::2], strict=True))
    assert hk_chars["台"] == "台" and hk_chars["群"] == "羣"        # differences from Taiwan's map only
    assert "为" not in hk_chars                                     # 為 in both
    assert tables["tw"]["ui"]["复制链接"] == "複製連結"


def test_glossary_agrees_with_the_view(site, edition, views):
    for t in edition.glossary:
        assert t.zh_hant == views["tw"].convert(t.zh), t.id


def test_glossary_zh_hant_must_agree(tmp_path):
    raw = {"terms": [{"id": "x", "zh": "玩忽职守", "zh_hant": "翫忽職守", "pinyin": "x", "en": "x",
                      "category": "concept", "definition": "x"}]}
    with pytest.raises(G.CorpusError, match="the traditional view shows '玩忽職守'"):
        G.validate(raw, {"a": "玩忽职守"}, tmp_path / "glossary.yaml",
                   derive(["玩忽职守"], Reviewed(corrected={"玩忽职守": "玩忽職守"})).convert)


@pytest.mark.parametrize("std", STANDARDS)
@pytest.mark.parametrize("text", [
    "加强社会治理发展理发店和头发管理",          # 理发 inside 治理发展: OpenCC's phrase matching misfires
    "没有采取措施，协调制度，干部若干，皇后乡里",
    "新条例：某某某法律援助站点分布于各乡镇，建立协调制度",
])
def test_new_text_never_crashes_and_reproduces(text, std):
    """A new regulation: the tables reproduce OpenCC on it, whatever phrases it has, and the phrases nobody
    reviewed are reported (the build prints one line and goes on)."""
    tables = derive([text], standard=std)
    for run in HAN_RUN.findall(text):
        assert tables.convert(run) == OPENCC[STANDARDS[std]].convert(run)
    assert tables.warning() is None or "not reviewed" in tables.warning()


@pytest.mark.parametrize("std", STANDARDS)
def test_tables_reproduce_every_run_when_a_phrase_for_one_misfires_in_another(std):
    """derive() checks again the runs a phrase set later could change: 复制→複製, set for 擅自复制, misfires in
    修复制度 (checked before it), 人参 (Hong Kong 人蔘) in 和个人参与; seen in real regulations (issue 22). Every run
    of every text is reproduced, the ones checked first too."""
    texts = ["修复制度", "未经同意不得擅自复制", "和个人参与泰山景区生态保护工作", "违法行为人参加并完成相应的社会服务",
             "加强社会治理发展", "理发店和头发管理"]
    tables = derive(texts, standard=std)
    for text in texts:
        for run in HAN_RUN.findall(text):
            assert tables.convert(run) == OPENCC[STANDARDS[std]].convert(run), run


@pytest.mark.parametrize("body, line, fragment", [
    ("tw:\n  config: s2t\n", 2, "the tw view converts with 's2tw'"),
    ("hk:\n  accepted:\n    发布: 發佈佈\n", 3, "a traditional form of the same length"),
    ("tw:\n  interface:\n    config: s2tw\n", 3, "take the vocabulary of 's2twp'"),
    ("cn:\n  accepted: {}\n", 1, "expected the keys ['hk', 'tw']"),
    ("tw:\n  accepted: [发布]\n", 2, "expected a mapping"),
])
def test_bad_corrections_stop_with_one_line(tmp_path, body, line, fragment):
    (tmp_path / "zh_hant_corrections.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_reviewed(tmp_path)
    assert re.search(rf"zh_hant_corrections.yaml:{line}: ", str(err.value)) and fragment in str(err.value), str(err.value)
    assert "\n" not in str(err.value)


def test_the_tables_cover_the_sites_texts_the_hook_gives(site):
    """The hand-written pages and mkdocs.yml's names reach the tables from MkDocs (Feature.site_texts), not from
    the build reading docs/ or overrides/ itself: a character only the given text has is converted after it."""
    from build_scripts.features.search import Search
    feature = Search(site)
    assert "龟" not in feature.views["tw"].chars
    feature.site_texts(["乌龟"])
    assert feature.views["tw"].chars["龟"] == "龜" and feature.views["hk"].chars["龟"] == "龜"


def test_the_build_reads_no_source_file_of_its_own_for_text():
    """No module of the build opens the hand-written pages or the theme overrides itself (MkDocs reads them)."""
    reads = re.compile(r"""/\s*["'](?:docs|overrides)["']|["'](?:docs|overrides)/[^"'{]*\.(?:md|html)["']|rglob\(["']\*\.py""")
    found = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "build_scripts").rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if reads.search(line)]
    assert not found
