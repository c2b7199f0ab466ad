"""Curated YAML read by pydantic models (parse/models.py) with the error at its line (parse/schema.py):
corpus/additions.yaml here; meta.yaml in tests/test_input_classes.py (REFUSED); mkdocs.yml's feature settings in
tests/test_features_config.py."""
from types import SimpleNamespace

import pytest

from build_scripts.enrich.changes import load_additions
from build_scripts.model.errors import InputError

REGS = (SimpleNamespace(id="shanxi"), SimpleNamespace(id="jiangxi"))
GOOD = """# a comment
additions:
- date: '2026-11-22'
  regulation: shanxi
  what:
    zh: 收录山西。
    en: Added Shanxi.
- date: 2026-11-23
  regulation: jiangxi
  what: {zh: 收录江西。, en: ' Added Jiangxi. '}
"""


def load(tmp_path, text):
    (tmp_path / "additions.yaml").write_text(text, encoding="utf-8")
    return load_additions(REGS, tmp_path)  # type: ignore[arg-type]


def test_additions_read_newest_first(tmp_path):
    out = load(tmp_path, GOOD)
    assert [(a.date, a.regulation, a.what_en) for a in out] == [("2026-11-23", "jiangxi", "Added Jiangxi."),
                                                                ("2026-11-22", "shanxi", "Added Shanxi.")]


BAD = [  # (id, change to GOOD, line, message after `additions.yaml:LINE: `)
    ("unknown regulation", ("regulation: jiangxi", "regulation: hunan"), 9,
     "additions[1].regulation: 'hunan' is no regulation of the corpus; expected one of ['jiangxi', 'shanxi']"),
    ("impossible date", ("2026-11-22", "2026-02-30"), 3, "additions[0].date: '2026-02-30' is no date"),
    ("date as words", ("'2026-11-22'", "today"), 3, "additions[0].date: 'today' is no date (not in the form YYYY-MM-DD)"),
    ("unknown key", ("  regulation: shanxi\n", "  regulation: shanxi\n  why: x\n"), 5,
     "additions[0]: unknown key 'why'; expected only date, regulation, what"),
    ("missing what.en", ("    en: Added Shanxi.\n", ""), 5, "additions[0].what.en is missing; expected a non-empty string"),
    ("empty what.zh", ("收录山西。", "''"), 6, "additions[0].what.zh: ''; expected a non-empty string"),
    ("what a string", ("what: {zh: 收录江西。, en: ' Added Jiangxi. '}", "what: added"), 10,
     "additions[1].what is a string ('added'); expected {zh: ..., en: ...}, both non-empty strings"),
    ("additions a mapping", ("additions:\n-", "additions: {}\nx:\n-"), 2, "additions is a mapping; expected a list"),
    ("not a mapping", ("# a comment\nadditions:", "- additions:"), 1,
     "empty or not a mapping; expected a mapping with one key, `additions:`"),
]


@pytest.mark.parametrize(("change", "line", "fragment"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_addition_stops_with_one_line_at_its_line(tmp_path, change, line, fragment):
    old, new = change
    assert old in GOOD
    with pytest.raises(InputError) as err:
        load(tmp_path, GOOD.replace(old, new, 1))
    text = str(err.value)
    assert "\n" not in text and "; expected " in text
    assert text.startswith(f"{tmp_path / 'additions.yaml'}:{line}: {fragment}"), text
