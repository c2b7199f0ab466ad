"""Adding a regulation is adding a folder: a third province in each raw shape builds with no code change."""
import json
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.build  # builds (or starts building) a site: not in the fast tier

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPHS = [
    " 第一章 总 则",
    "第一条 为了推进平安建设，维护社会长治久安，保障人民群众生命财产安全，根据《中华人民共和国治安管理处罚法》等法律、行政法规，结合本省实际，制定本条例。",
    "第二条 本省行政区域内开展平安建设及其相关监督管理活动，适用本条例。",
    "本条例所称平安建设，是指组织和动员全社会力量，加强和创新社会治理，防范化解社会矛盾，预防和减少违法犯罪。",
    " 第二章 附 则",
    "第三条 县级以上人民政府应当加强对平安建设工作的领导，履行下列职责：",
    "（一）组织实施本条例，定期研究解决平安建设中的重大问题；",
    "（二）将平安建设工作经费纳入本级财政预算，保障平安建设工作正常开展。",
    "第四条 本条例自 2024 年 1 月 1 日起施行。",
]


def hard_wrap(paragraph: str) -> list[str]:
    """Lay a paragraph out as a PDF extraction does: 26 columns, the first line indented two."""
    if paragraph.startswith(" 第"):
        return [paragraph]
    lines, width = [], 24
    while paragraph:
        lines.append(paragraph[:width])
        paragraph, width = paragraph[width:], 26
    return lines


WRAPPED = "湖南省平安建设条例\n\n" + "\n\n".join(line for p in PARAGRAPHS for line in hard_wrap(p)) + "\n"

LINES = ("第一条　为了推进平安建设，根据《中华人民共和国治安管理处罚法》等法律，制定本条例。\n"
         "第二条　县级以上人民政府应当履行下列职责：（一）组织实施本条例；（二）开展宣传教育。\n"
         "第三条　本条例自2024年1月1日起施行。\n")

META = """title:
  zh: 湖南省平安建设条例（样例）
  en: Hunan Province Regulations on Ping'an Construction (sample)
effective: 2024-01-01
"""


@pytest.fixture(scope="module", params=["wrapped", "lines"])
def site_with_third(request, tmp_path_factory):
    """The site built in-process (as `edition build --corpus`) from a copy of the corpus with a third folder.
    (tests/test_later_stages.py builds its third regulation through the real command, EDITION_CORPUS set.)"""
    from build_scripts.publish.cli import build
    tmp = tmp_path_factory.mktemp(f"third-{request.param}")
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "hunan").mkdir()
    (corpus / "hunan" / "source.txt").write_text(WRAPPED if request.param == "wrapped" else LINES, encoding="utf-8")
    (corpus / "hunan" / "meta.yaml").write_text(META, encoding="utf-8")
    return request.param, build(tmp / "site", corpus)


def test_third_regulation_is_published(site_with_third):
    shape, site = site_with_third
    articles = 4 if shape == "wrapped" else 3
    for n in range(1, articles + 1):
        assert (site / "hunan" / f"art-{n}" / "index.html").exists()
    assert not (site / "hunan" / f"art-{articles + 1}").exists()
    page = (site / "hunan" / "art-1" / "index.html").read_text(encoding="utf-8")
    assert "English gloss not yet available" in page
    data = json.loads((site / "data" / "hunan.json").read_text(encoding="utf-8"))
    shape_of = [[len(p["items"]) for p in a["paragraphs"]] for a in data["articles"]]
    assert shape_of == ([[0], [0, 0], [2], [0]] if shape == "wrapped" else [[0], [2], [0]])
    assert data["effective"] == "2024-01-01" and data["adopted"] is None
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "湖南省平安建设条例（样例）" in home


def test_third_regulation_cites_a_law_the_edition_lacks(site_with_third):
    _, site = site_with_third
    page = (site / "hunan" / "art-1" / "index.html").read_text(encoding="utf-8")
    assert 'data-ref-kind="external_law"' in page
    assert "is not included in this edition" in page


def test_third_regulation_shows_as_not_aligned_in_comparisons(site_with_third):
    _, site = site_with_third
    overview = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert "尚未对照" in overview and "湖南" in overview
