"""The citation parsing rules as DATA (numerals, aliases, filler words, patterns), interpreted by a few lines of
code that exist twice: model/citeparse.py (parse, resolve, find) and browser/cite/parse.js. The browser gets them,
with the regulations' aliases and structure, as generated data (features/citations.py), never a hand-copied version;
tests/citation_cases.yaml is run against both. Search, the reader's pages and the edition's own notes read them
from here too."""
from __future__ import annotations

import re
from typing import Any

from build_scripts.model import citeparse
from build_scripts.model.citeparse import rx_escape
from build_scripts.model.messages import text
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation
from build_scripts.model.urls import ARTICLE_URL_RE, FULL_TEXT_URL_RE

# ---------------------------------------------------------------------------------------------- rules
# Regular expressions are written in the common subset of Python `re` and JavaScript RegExp (no named
# groups, no flags; input is lower-cased and NFKC-normalised first, so （三） arrives as (三)).
_N_ZH = "[零〇一二两三四五六七八九十百0-9]+"
_N_ITEM = "[0-9]+|[ivx]+|[零〇一二两三四五六七八九十百]+"
RULES: dict[str, Any] = {
    "version": 1,
    # applied after NFKC and lower-casing
    "replace": {"’": "'", "‘": "'", "“": '"', "”": '"', "〔": "(", "〕": ")", "【": "(", "】": ")",
                # traditional forms of the characters of a citation (條 項 設 兩)
                "條": "条", "項": "项", "設": "设", "兩": "两"},
    "numerals": {
        "digits": {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9},
        "units": {"十": 10, "百": 100},
        "roman": {"i": 1, "v": 5, "x": 10},
    },
    # words around the regulation's name and the numbers that carry no information
    # (平安 after 平安建设: the short titles 赣平安条例, 晋平安条例, 江西省平安条例)
    "filler_zh": ["《", "》", "〈", "〉", "<", ">", '"', "'", "中华人民共和国", "平安建设", "平安", "条例", "省", "的"],
    "filler_latin": ["province", "provincial", "regulations", "regulation", "on", "ping'an", "pingan",
                     "construction", "building", "the", "of", "see", "cf."],
    "trim": "^[\\s,;:.。，；：、/]+|[\\s,;:，；：、/]+$",
    "patterns": [
        {"name": "zh",
         "re": f"^第?({_N_ZH})条\\s*(?:第?({_N_ZH})款)?\\s*(?:第?\\(({_N_ITEM})\\)项?|第?({_N_ZH})项)?$",
         "groups": ["article", "paragraph", "item", "item"]},
        {"name": "en",
         "re": "^(?:art(?:icle)?s?\\.?\\s*|§\\s*)?([0-9]+)"
               "(?:\\s*\\(([0-9]+)\\)|\\s*,?\\s*(?:para(?:graph)?|¶)\\.?\\s*([0-9]+))?"
               "(?:\\s*\\((" + _N_ITEM + ")\\)|\\s*,?\\s*(?:item|point|pt)\\.?\\s*\\(?(" + _N_ITEM + ")\\)?)?$",
         "groups": ["article", "paragraph", "paragraph", "item", "item"]},
        {"name": "path",
         "re": "^/*([0-9]+)(?:[/.]([0-9]+))?(?:[/.]([0-9]+))?/*(?:index\\.html|\\.html)?$",
         "groups": ["article", "paragraph", "item"]},
        {"name": "url",
         "re": ARTICLE_URL_RE,
         "groups": ["article", "paragraph", "item"]},
        {"name": "full-text-url",
         "re": FULL_TEXT_URL_RE,
         "groups": ["article", "paragraph", "item"]},
    ],
    # the resolver's outcomes (and "unavailable": the page could not load the cited regulation's text)
    "messages": {k: {"zh": text(f"cite.error.{k}", "zh"), "en": text(f"cite.error.{k}", "en")}
                 for k in ("empty", "unparseable", "not_found", "ambiguous_item", "unavailable")},
}


def normalise(text: str, rules: dict[str, Any] = RULES) -> str:
    return citeparse.normalise(text, rules)


def to_number(token: str, rules: dict[str, Any] = RULES) -> int:
    return citeparse.to_number(token, rules)


def aliases(reg: Regulation) -> list[str]:
    """Names a reader may use for a regulation, derived from its metadata (normalised)."""
    m = reg.meta
    names = {m.title_zh, m.title_en, m.title_en_former, reg.id, m.short or reg.id,   # a former title still resolves
             *([m.abbreviation] if m.abbreviation else [])}
    for key in ("zh", "en"):
        name = (m.jurisdiction_name or {}).get(key)
        if name:
            names.add(name)
            names.add(re.sub(r"(省| province)$", "", name, flags=re.I))
    return sorted({normalise(n) for n in names if n}, key=lambda s: (-len(s), s))


def alias_pattern(alias: str) -> str:
    """Latin names must stand as words (jx, not the jx in 'ajx'); Chinese names match anywhere."""
    if re.search(r"[a-z0-9]", alias):
        return f"(?<![a-z]){rx_escape(alias)}(?![a-z])"
    return rx_escape(alias)


def client_rules(regs: tuple[Regulation, ...]) -> dict[str, Any]:
    """RULES plus the regulation aliases, exactly what the browser interprets."""
    rules = dict(RULES)
    rules["aliases"] = [[alias_pattern(a), r.id] for r in regs for a in aliases(r)]
    rules["aliases"].sort(key=lambda pair: -len(pair[0]))
    return rules


def structure(regs: tuple[Regulation, ...]) -> dict[str, list[list[int]]]:
    """{reg_id: [[item count of each paragraph] for each article]}: all the resolver needs to know."""
    return {r.id: [[len(p.items) for p in a.paragraphs] for a in r.articles] for r in regs}


def find_citations(text: str, regs: tuple[Regulation, ...]) -> list[tuple[int, int, Ref]]:
    """The citations inside a text written by the edition (a topic note, a definition): (start, end, Ref)
    for each regulation name (an alias of `client_rules`) followed by a provision that `parse` reads and
    `resolve` finds, longest first. The parser is the one the resolver uses; nothing here reads numbers."""
    by_id, rules, struct = _finder(regs)
    return [(start, end, Ref(by_id[hit["reg"]], hit["article"], hit["paragraph"], hit["item"]))
            for start, end, hit in citeparse.find(text, rules, struct)]


_FINDER: list[tuple[tuple[Regulation, ...], tuple[dict[str, Regulation], dict[str, Any], dict[str, Any]]]] = []


def _finder(regs: tuple[Regulation, ...]) -> tuple[dict[str, Regulation], dict[str, Any], dict[str, Any]]:
    """The regulations by id, the rules and the structure of a build's regulations, made once for all the texts
    of the build (a glossary page has hundreds; the rules are one value, so citeparse compiles them once)."""
    if not _FINDER or _FINDER[0][0] is not regs:
        _FINDER[:] = [(regs, ({r.id: r for r in regs}, client_rules(regs), structure(regs)))]
    return _FINDER[0][1]
