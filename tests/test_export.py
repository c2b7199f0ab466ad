"""The JSON export is a public contract: keys, id formats and values."""
import json
import re

import pytest

from build_scripts.model.numerals import from_int
from build_scripts.render.export import regulation_json

TOP_KEYS = {"schema_version", "id", "short", "title", "jurisdiction", "jurisdiction_name", "adopted", "adopted_by",
            "announcement", "effective", "source_note", "url", "chapters", "articles"}
ARTICLE_KEYS = {"number", "label", "eid", "chapter", "section", "heading", "url", "full_text_url", "paragraphs"}
PARA_KEYS = {"number", "eid", "anchor", "zh", "en", "items", "references"}
ITEM_KEYS = {"number", "label", "eid", "anchor", "zh", "en", "references"}
REF_KEYS = {"text", "start", "kind", "target", "targets"}


@pytest.fixture(scope="module", params=["shanxi", "jiangxi"])
def data(request, regs, site):
    reg = regs[request.param]
    return regulation_json(site, reg)


def test_keys_and_ids(data):
    assert set(data) >= TOP_KEYS
    assert set(data["title"]) == {"zh", "en"}
    for ch in data["chapters"]:
        assert ch["eid"] == f"chp_{ch['number']}" and ch["label"] == f"第{from_int(ch['number'])}章"
        assert set(ch["title"]) == {"zh", "en"}
    for art in data["articles"]:
        assert set(art) >= ARTICLE_KEYS
        n = art["number"]
        assert art["label"] == f"第{from_int(n)}条"
        assert art["eid"] == f"art_{n}"
        assert art["url"] == f"/{data['id']}/art-{n}/"
        for p in art["paragraphs"]:
            assert set(p) >= PARA_KEYS
            assert p["eid"] == f"art_{n}__para_{p['number']}" and p["anchor"] == f"para-{p['number']}"
            assert p["zh"] and (p["en"] is None or p["en"].strip())
            for i in p["items"]:
                assert set(i) >= ITEM_KEYS
                assert i["eid"] == f"art_{n}__para_{p['number']}__point_{i['number']}"
                assert i["anchor"] == f"para-{p['number']}-item-{i['number']}"
                assert i["label"] == f"（{from_int(i['number'])}）"
                assert re.fullmatch(r"[^\s]+", i["zh"])


def test_references(data):
    """Each reference quotes its unit's text at its offset and targets eids that exist in the export."""
    eids = {a["eid"] for a in data["articles"]}
    units = []
    for a in data["articles"]:
        for p in a["paragraphs"]:
            units.append(p)
            units.extend(p["items"])
    eids |= {u["eid"] for u in units}
    seen = 0
    for u in units:
        for r in u["references"]:
            seen += 1
            assert set(r) >= REF_KEYS
            assert u["zh"][r["start"]:r["start"] + len(r["text"])] == r["text"]
            if r["kind"] == "regulation":
                assert r["target"] is None and r["targets"] == []
            else:
                assert r["target"] in eids and r["targets"] and set(r["targets"]) <= eids
            if r["kind"] == "repealed_law":
                assert set(r["repealed"]) == {"law", "article", "effective"}
                assert r["repealed"]["effective"] == data["effective"]
    assert seen  # both texts refer to themselves (本条例) at least


def test_facts(data):
    expected = {"shanxi": ("CN-SX", None, "2023-09-01", 46, 0), "jiangxi": ("CN-JX", "2022-11-25", "2023-01-01", 63, 8)}
    assert (data["jurisdiction"], data["adopted"], data["effective"], len(data["articles"]),
            len(data["chapters"])) == expected[data["id"]]


def test_chapter_membership_matches_articles(data):
    for ch in data["chapters"]:
        for n in ch["articles"]:
            assert data["articles"][n - 1]["chapter"] == ch["number"]


def test_serialises(data):
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
