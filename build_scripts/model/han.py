"""What counts as a Han (Chinese) character: the ranges, a regular-expression class and a predicate.

The class is Unicode's ideographs, the blocks a Chinese text's characters come from:

- CJK Unified Ideographs (U+4E00–9FFF) and Extension A (U+3400–4DBF): every character of the corpus;
- CJK Compatibility Ideographs (U+F900–FA6D, FA70–FAD9): duplicates kept for round trips with older encodings
  (豈, 更), which a text converted from Big5 or KS X 1001 can carry;
- the extensions in the astral planes (B to I, U+20000–323AF, and the Compatibility Ideographs Supplement): rare
  characters of names of places and people. None of the 120 real regulations in the test collection has one, but
  a character outside the Basic Multilingual Plane is still Chinese text, so nothing is lost by counting it.

Not in the class: 〇 (U+3007, the ideographic zero of 二〇二三年) and 々, which Unicode puts in the CJK Symbols
and Punctuation block and the edition reads with that punctuation; radicals (⺀, ⼀), strokes, Kana and Hangul.
Unassigned code points inside the blocks are left out too, so that the parser still names them as such.

Browser tables that pair characters by UTF-16 code unit (traditional -> simplified) take only `BMP` characters.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# (first, last, block): inclusive code point ranges, in code point order
RANGES: tuple[tuple[int, int, str], ...] = (
    (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
    (0xF900, 0xFA6D, "CJK Compatibility Ideographs"),
    (0xFA70, 0xFAD9, "CJK Compatibility Ideographs"),
    (0x20000, 0x2A6DF, "CJK Unified Ideographs Extension B"),
    (0x2A700, 0x2EE5F, "CJK Unified Ideographs Extensions C, D, E, F, I"),
    (0x2F800, 0x2FA1D, "CJK Compatibility Ideographs Supplement"),
    (0x30000, 0x323AF, "CJK Unified Ideographs Extensions G, H"),
)
BMP = tuple(r for r in RANGES if r[1] <= 0xFFFF)

CHARS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi, _ in RANGES)
"""The ranges as the inside of a regular-expression character class: f"[{CHARS}、]" adds to it."""

HAN = re.compile(f"[{CHARS}]")
HAN_RUN = re.compile(f"[{CHARS}]+")


def is_han(c: str) -> bool:
    """One character: is it a Han ideograph?"""
    o = ord(c)
    return any(lo <= o <= hi for lo, hi, _ in RANGES)


def code_points(ranges: tuple[tuple[int, int, str], ...] = RANGES) -> Iterator[str]:
    """Every character of the ranges, in order."""
    for lo, hi, _ in ranges:
        yield from map(chr, range(lo, hi + 1))
