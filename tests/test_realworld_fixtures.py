"""Real regulations (tests/fixtures/realworld/, copied from ../shared/realworld with their provenance): each
is read to the structure a lawyer reads in it, or, where its source is defective, refused with the one line
naming the line and the defect. Parse only (load_regulation): cross-references are not involved."""
import json
import shutil
from pathlib import Path

import pytest

from build_scripts.model.errors import InputError
from build_scripts.parse.corpus import load_regulation
from build_scripts.parse.normalise import canonical_source, decode, reconstruct

HERE = Path(__file__).resolve().parent / "fixtures" / "realworld"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))


def counts(reg):
    return [len(reg.chapters), len(reg.articles), sum(len(a.paragraphs) for a in reg.articles),
            sum(len(p.items) for a in reg.articles for p in a.paragraphs)]


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda n: f"{n} {EXPECTED[n]['shape']} {EXPECTED[n]['title']}")
def test_real_regulation(tmp_path, name):
    want = EXPECTED[name]
    folder = tmp_path / f"zz{name}"          # a corpus id is lower case and starts with a letter
    shutil.copytree(HERE / name, folder)
    if "refused" in want:
        with pytest.raises(InputError) as err:
            load_regulation(folder)
        message = str(err.value)
        assert message.startswith(f"{folder / 'source.txt'}:{want['refused']['line']}: "), message
        assert want["refused"]["fragment"] in message and "; expected " in message and "\n" not in message
        return
    reg = load_regulation(folder)
    assert counts(reg) == want["counts"], want["note"]
    raw = decode((folder / "source.txt").read_bytes(), "source.txt")
    assert reconstruct(reg.text) == canonical_source(raw)       # not one character lost, added or reordered


def test_fixtures_carry_their_provenance():
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    assert "LawRefBook/Laws" in readme and "art. 5" in readme
    for name, want in EXPECTED.items():
        assert want["collection"].startswith("LawRefBook/Laws ") and want["note"]
        assert sorted(p.name for p in (HERE / name).iterdir()) == ["meta.yaml", "source.txt"]
