"""One Han character class (build_scripts/model/han.py), read with real characters, and no other in the code."""
import re
import unicodedata
from pathlib import Path

import pytest

from build_scripts.model.han import BMP, CHARS, HAN, HAN_RUN, RANGES, code_points, is_han

ROOT = Path(__file__).resolve().parents[1]

CASES = [   # (character, Han?, why)
    ("一", True, "U+4E00, first of CJK Unified Ideographs"),
    ("条", True, "the corpus's own text"),
    ("龥", True, "U+9FA5, last of the GB 2312-era block"),
    ("鿿", True, "U+9FFF, last of the block"),
    ("㐀", True, "U+3400, Extension A"),
    ("䶵", True, "U+4DB5, Extension A"),
    ("豈", True, "U+F900, a compatibility ideograph (Big5 / KS X 1001 round trips)"),
    ("𠀀", True, "U+20000, Extension B"),
    ("𠮷", True, "U+20BB7, Extension B (a surname's variant)"),
    ("𪜀", True, "U+2A700, Extension C"),
    ("丽", True, "U+2F800, Compatibility Ideographs Supplement"),
    ("𰀀", True, "U+30000, Extension G"),
    ("〇", False, "U+3007, the ideographic zero: CJK Symbols and Punctuation"),
    ("々", False, "U+3005, iteration mark"),
    ("、", False, "enumeration comma"),
    ("。", False, "full stop"),
    ("（", False, "full-width parenthesis"),
    ("Ａ", False, "full-width Latin"),
    ("a", False, "Latin"),
    ("ア", False, "Katakana"),
    ("한", False, "Hangul"),
    ("⺀", False, "U+2E80, a CJK radical"),
    ("⼀", False, "U+2F00, a Kangxi radical"),
    ("䷀", False, "U+4DC0, a Yijing hexagram, between Extension A and the main block"),
    ("\ufa6e", False, "unassigned, inside the compatibility block"),
    ("\ue5f9", False, "private use (a PDF glyph with no character)"),
]


@pytest.mark.parametrize("c, han, why", CASES, ids=[f"U+{ord(c):04X}" for c, _, _ in CASES])
def test_han_class(c, han, why):
    assert is_han(c) is han, why
    assert bool(HAN.fullmatch(c)) is han, why
    assert bool(HAN_RUN.fullmatch(c)) is han, why
    assert bool(re.fullmatch(f"[{CHARS}]", c)) is han, why


def test_a_run_stops_at_punctuation_and_keeps_astral_characters():
    assert HAN_RUN.findall("维护𠮷祥、平安。Art. 1") == ["维护𠮷祥", "平安"]


def test_ranges_are_ordered_and_hold_only_ideographs_unicode_knows_as_such():
    assert [r[:2] for r in RANGES] == sorted(r[:2] for r in RANGES)
    assert all(lo <= hi < nxt for (lo, hi, _), (nxt, _, _) in zip(RANGES, RANGES[1:], strict=False))
    assigned = [c for c in code_points() if unicodedata.category(c) != "Cn"]    # Python may predate Extension I
    assert assigned and all(unicodedata.category(c) == "Lo" and "IDEOGRAPH" in unicodedata.name(c) for c in assigned)
    assert all(hi <= 0xFFFF for _, hi, _ in BMP) and len(BMP) == 4


DEFINITION = re.compile(r"\\u4e00|\\u3400|\\u9fff|0x4e00|0x3400|一-龥|一-鿿|㐀-", re.I)


def test_no_other_han_class_in_the_code():
    """Python files of the build, macros, tools and bench spell no Han range of their own: they import model/han.py."""
    found = [f"{p.relative_to(ROOT)}:{n}" for folder in ("build_scripts", "macros", "tools", "bench")
             for p in sorted((ROOT / folder).rglob("*.py")) if p.name != "han.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if DEFINITION.search(line)]
    assert not found
