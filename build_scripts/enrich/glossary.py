
"""The glossary (corpus/glossary.yaml): loading, validation, term matching, defined terms. Pure
except load_glossary, which reads the one file.

    terms:
      - id: zongzhi-zhongxin            # stable; the anchor on the glossary page
        zh: 社会治安综合治理中心          # simplified form as in the texts
        zh_hant: null                   # traditional form; null = the reading view's (enrich/hant.py)
        pinyin: shèhuì zhì'ān ...
        en: comprehensive public-order management centre   # the English gloss's rendering
        en_variants: [...]              # inflections the gloss also uses
        category: institution           # one of CATEGORIES
        variants: [综治中心]             # other forms in the texts that mean the same term
        definition: >- ...              # short English definition written from the texts
        definition_zh: ...              # 中文释义, written from the texts (one line: a folded line break is a space)

Terms the regulations define themselves (本条例所称X，是指…, （以下简称X）, （以下称X）) are found
in the texts by find_definitions, never typed into the glossary.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from build_scripts.model.han import HAN
from build_scripts.model.messages import text
from build_scripts.model.regulation import Regulation, units
from build_scripts.parse.corpus import CORPUS, CorpusError, read_yaml

KEYS = ("id", "zh", "zh_hant", "pinyin", "en", "en_variants", "category", "variants", "definition", "definition_zh")
REQUIRED = ("id", "zh", "pinyin", "en", "category", "definition")
# formula: everyday formulas (应当, 有关部门 ...): pages may leave them unmarked. Names: glossary.category.{id}.
CATEGORIES = {c: (text(f"glossary.category.{c}", "zh"), text(f"glossary.category.{c}", "en"))
              for c in ("concept", "institution", "office", "group", "mechanism", "campaign", "sanction", "document",
                        "formula")}
TERM_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    zh_hant: str
    pinyin: str
    en: str
    en_variants: tuple[str, ...]
    category: str
    variants: tuple[str, ...]
    definition: str
    definition_zh: str = ""         # the Chinese definition ("" until written: the pages say so)
    # The regulations the glossary was written for (glossary.yaml `covers`), whose texts its terms mark; None:
    # every regulation. A definition that explains a word as two provincial texts use it is wrong in a
    # regulation of another field (综合治理 of public order, in a lake's or a landslide's 综合治理).
    covers: frozenset[str] | None = None

    def marks_in(self, reg_id: str) -> bool:
        return self.covers is None or reg_id in self.covers

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.zh, *self.variants)

    @property
    def renderings(self) -> tuple[str, ...]:
        """Its English renderings: the glossary's `en`, then the `en_variants` the gloss also uses."""
        return (self.en, *self.en_variants)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (pinyin_key(self.pinyin), self.zh)


def pinyin_key(pinyin: str) -> str:
    """Pinyin without tone marks, apostrophes or spaces, lower case: the glossary's sort order."""
    plain = "".join(c for c in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", plain.lower().replace("ü", "v"))


ALLOWED_CONFIGS = ("s2tw", "s2hk", "t2s")   # s2twp/s2hkp rewrite vocabulary (设置 -> 設定): wrong for legal text;
                                            # s2t gives forms no reader uses (爲, 羣衆, 考覈): see enrich/hant.py
INTERFACE_CONFIGS = ("s2twp", "s2hkp")      # vocabulary too: the edition's interface strings only (Hant.interface)
class Converter(Protocol):
    """What this project uses of an opencc.OpenCC (opencc ships no type information)."""
    def convert(self, text: str) -> str: ...


_CONVERTERS: dict[str, Converter] = {}


def converter(config: str, interface: bool = False) -> Converter:
    """One OpenCC converter per config in this process (building one reads its dictionaries).
    interface: a vocabulary config, for the interface strings' review only (enrich/hant.py)."""
    allowed = ALLOWED_CONFIGS + (INTERFACE_CONFIGS if interface else ())
    if config not in allowed:
        raise ValueError(f"OpenCC config {config!r} is not allowed; use one of {allowed}")
    conv = _CONVERTERS.get(config)
    if conv is None:
        import opencc
        conv = _CONVERTERS[config] = cast(Converter, opencc.OpenCC(config))
    return conv


_converter = converter  # the former name


def to_traditional(text: str) -> str:
    """OpenCC s2tw alone. The reading view's conversion (with the reviewed phrases) is Edition.hant.convert."""
    return converter("s2tw").convert(text)


def to_simplified(text: str) -> str:
    return converter("t2s").convert(text)


def validate(raw: dict[str, Any], texts: dict[str, str], path: Path,
             to_hant: Callable[[str], str] | None = None) -> tuple[Term, ...]:
    """Raw YAML -> terms. Any problem raises CorpusError naming the file and the term.

    to_hant is the reading view's conversion (Edition.hant.convert): a term's zh_hant is what the view
    shows for it, and an explicit zh_hant must agree with it (else the view needs a correction)."""
    to_hant = to_hant or to_traditional
    if "terms" not in raw or set(raw) - {"terms", "covers"}:
        raise CorpusError(f"{path}: top level must be 'terms:' and optionally 'covers:', got {sorted(raw)}")
    covers = raw.get("covers")
    if covers is not None:
        if not isinstance(covers, list) or not all(isinstance(c, str) for c in covers):
            raise CorpusError(f"{path}: covers must be a list of regulation ids, got {covers!r}")
        unknown_regs = [c for c in covers if c not in texts]
        if unknown_regs:
            raise CorpusError(f"{path}: covers names {unknown_regs}, not in the corpus ({', '.join(sorted(texts))})")
        texts = {k: v for k, v in texts.items() if k in covers}   # forms must occur in a covered text
    scope = frozenset(covers) if covers is not None else None
    entries = raw["terms"]
    if not isinstance(entries, list) or not entries:
        raise CorpusError(f"{path}: terms must be a non-empty list")
    terms: list[Term] = []
    ids: dict[str, int] = {}
    forms: dict[str, str] = {}
    for n, entry in enumerate(entries, 1):
        where = f"{path}: term #{n} ({entry.get('id') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict):
            raise CorpusError(f"{where}: must be a mapping")
        unknown = set(entry) - set(KEYS)
        if unknown:
            raise CorpusError(f"{where}: unknown key(s) {sorted(unknown)}; known: {list(KEYS)}")
        for key in REQUIRED:
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise CorpusError(f"{where}: {key} is required (a non-empty string)")
        tid = entry["id"]
        if not TERM_ID.match(tid):
            raise CorpusError(f"{where}: id must be lower-case ascii words joined by '-', got {tid!r}")
        if tid in ids:
            raise CorpusError(f"{where}: id {tid!r} used twice (also term #{ids[tid]})")
        ids[tid] = n
        if entry["category"] not in CATEGORIES:
            raise CorpusError(f"{where}: category {entry['category']!r} unknown; known: {sorted(CATEGORIES)}")
        lists = {}
        for key in ("en_variants", "variants"):
            value = entry.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise CorpusError(f"{where}: {key} must be a list of non-empty strings")
            lists[key] = tuple(value)
        zh = entry["zh"]
        for form in (zh, *lists["variants"]):
            if not HAN.search(form) or form != form.strip():
                raise CorpusError(f"{where}: form {form!r} must be Chinese text without surrounding spaces")
            if form in forms:
                raise CorpusError(f"{where}: form {form!r} is also a form of term {forms[form]!r}")
            forms[form] = tid
            if not any(form in text for text in texts.values()):
                raise CorpusError(f"{where}: {form!r} occurs in neither text ({', '.join(sorted(texts))})")
        hant = entry.get("zh_hant")
        if hant is not None:
            if not isinstance(hant, str) or to_simplified(hant) != zh:
                raise CorpusError(f"{where}: zh_hant {hant!r} is not a traditional form of {zh!r} "
                                  f"(OpenCC t2s gives {to_simplified(str(hant))!r})")
            if hant != to_hant(zh):
                raise CorpusError(f"{where}: zh_hant {hant!r}, but the traditional view shows {to_hant(zh)!r}: "
                                  "correct the view in corpus/zh_hant_corrections.yaml, or drop zh_hant")
        terms.append(Term(id=tid, zh=zh, zh_hant=hant or to_hant(zh), pinyin=entry["pinyin"].strip(),
                          en=entry["en"].strip(), en_variants=lists["en_variants"], category=entry["category"],
                          variants=lists["variants"], definition=" ".join(entry["definition"].split()),
                          definition_zh=" ".join(str(entry.get("definition_zh") or "").split()),
                          covers=scope))
    return tuple(terms)


def regulation_text(reg: Regulation) -> str:
    """The units of a regulation joined by newlines: what glossary forms must occur in."""
    return "\n".join(u.zh for u in units(reg.articles))


def load_glossary(regs: tuple[Regulation, ...], corpus: Path = CORPUS,
                  to_hant: Callable[[str], str] | None = None) -> tuple[Term, ...]:
    path = corpus / "glossary.yaml"
    if not path.exists():
        raise CorpusError(f"{path}: missing (the glossary feature needs it)")
    if to_hant is None:
        from build_scripts.enrich.hant import for_corpus
        to_hant = for_corpus(regs, corpus).convert
    return validate(read_yaml(path), {r.id: regulation_text(r) for r in regs}, path, to_hant)


# ------------------------------------------------------------------ matching

@dataclass(frozen=True)
class Match:
    start: int
    end: int
    form: str
    key: str            # term id, or "defined:<form>" for a defined term that is no glossary form


def find_terms(text: str, forms: dict[str, str]) -> list[Match]:
    """Non-overlapping occurrences of the forms (form -> key) in text. Longest match wins: all
    candidate occurrences are taken longest first (then leftmost), skipping any that overlap one
    already taken, so 社会治安综合治理中心 is never also 综合治理 or 社会治安."""
    candidates = []
    for form, key in forms.items():
        start = text.find(form)
        while start >= 0:
            candidates.append(Match(start, start + len(form), form, key))
            start = text.find(form, start + 1)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[Match] = []
    used = [False] * len(text)
    for m in candidates:
        if not any(used[m.start:m.end]):
            taken.append(m)
            for i in range(m.start, m.end):
                used[i] = True
    return sorted(taken, key=lambda m: m.start)


def forms_map(terms: tuple[Term, ...]) -> dict[str, str]:
    return {form: t.id for t in terms for form in t.forms}


# ------------------------------------------------------------------ a term's English in the gloss

RENDERING_SUFFIX = r"(?:s|es|d|ed|ing|ly|ation|ations)?"


def rendering_pattern(rendering: str) -> re.Pattern[str]:
    """A glossary rendering as a pattern over English (case-insensitive): whole words (an inflection suffix allowed
    at the end, so 'organ' matches 'organs' but never 'organization'), and '…' standing for up to five words, so
    'competent … department' matches 'competent education departments'. tests/test_gloss.py proves each term
    found in a glossed unit's Chinese has one of its renderings so in the unit's English."""
    parts = [re.escape(p.strip()) for p in rendering.split("…")]
    return re.compile(r"(?<![\w-])" + r"(?:[\s,]+[\w'()-]+){0,5}[\s,]+".join(parts) + RENDERING_SUFFIX + r"(?![\w-])",
                      re.IGNORECASE)


def find_rendering(en: str, renderings: Sequence[str], taken: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The first occurrence in `en` of any of the renderings that overlaps no span in `taken` ((start, end)
    pairs), as (start, end); None if there is none."""
    best: tuple[int, int] | None = None
    for rendering in renderings:
        if not rendering.strip():
            continue
        for m in rendering_pattern(rendering).finditer(en):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if best is None or (m.start(), -m.end()) < (best[0], -best[1]):
                best = (m.start(), m.end())
            break
    return best


# ------------------------------------------------------------------ defined terms

DEFINITION_PATTERNS = (
    ("definition", re.compile(r"本条例所称(?P<term>[^，。；：、（）]{1,20}?)，?(?:是指|包括)")),
    ("abbreviation", re.compile(r"（以下简称[“\"]?(?P<term>[^）”\"]{1,20})[”\"]?）")),
    ("abbreviation", re.compile(r"（以下称[“\"]?(?P<term>[^）”\"]{1,20})[”\"]?）")),
)


@dataclass(frozen=True)
class Definition:
    regulation: str
    term: str               # the defined form, e.g. 综治中心
    eid: str                # unit that defines it
    article: int
    paragraph: int
    item: int | None
    start: int              # offset of the defined form in that unit's text
    kind: str               # definition (本条例所称…是指) | abbreviation (以下简称 / 以下称)
    order: int              # index of the defining unit in document order

    @property
    def scope(self) -> str:
        """'regulation' for 本条例所称 (the whole text); 'following' for 以下简称 (from there on)."""
        return "regulation" if self.kind == "definition" else "following"


def find_definitions(reg: Regulation) -> tuple[Definition, ...]:
    """Every term the regulation defines itself, in document order. A term defined twice in the same way
    (two 本条例所称, or two 以下简称) raises."""
    found: list[Definition] = []
    for order, u in enumerate(units(reg.articles)):
        for kind, pattern in DEFINITION_PATTERNS:
            for m in pattern.finditer(u.zh):
                found.append(Definition(reg.id, m["term"], u.eid, u.article, u.paragraph, u.item,
                                        m.start("term"), kind, order))
    # A short name introduced (以下简称长岛试验区) and then defined (本条例所称长岛试验区包括…) is how statutes
    # write; the same term defined twice the same way is a contradiction.
    seen: dict[tuple[str, str], Definition] = {}
    for d in found:
        if (d.term, d.kind) in seen:
            raise CorpusError(f"{reg.source_path}: {reg.article(d.article).label} ({d.eid}) defines {d.term!r}, "
                              f"already defined in {seen[d.term, d.kind].eid}")
        seen[d.term, d.kind] = d
    return tuple(sorted(found, key=lambda d: (d.order, d.start)))
