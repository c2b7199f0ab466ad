"""Search in Chinese (simplified and traditional) and English, and the traditional-character reading view.

Search keeps Material's header UI and replaces what is behind it (issue 6; the measurement that
decided it is in bench/search.py): the search index is rewritten after Material's search plugin
has written it (search_hook.py), and docs/assets/search-worker.js answers Material's worker
protocol (SETUP/READY/QUERY/RESULT). The index holds one document per article and one per citable
unit (paragraph or item) with its anchor, the Chinese as published (no zero-width separators),
the English gloss, and the tables the worker needs: traditional -> simplified characters (OpenCC
t2s, restricted to characters of the indexed text) and glossary synonyms (abbreviations, variants,
English renderings). Pages that are not article pages keep Material's index entries, cleaned.

The reading view (docs/assets/zh-hant-view.js) converts text nodes of every lang="zh-Hans" element
with tables generated here from OpenCC s2t (never s2twp): a character map plus the phrases where
OpenCC's phrase dictionary differs from the character map. build_tables() proves that these tables
reproduce OpenCC s2t exactly on every unit of the legal text, and raises otherwise.

Pure functions; the only I/O is reading corpus/glossary.yaml and the repository's own text files
(to know which characters the pages use).
"""
from __future__ import annotations

import html
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from build_scripts.features.protocol import FeatureBase
from build_scripts.parse.corpus import CorpusError, read_yaml
from build_scripts.enrich.glossary import _converter, to_traditional
from build_scripts.model.regulation import units
from build_scripts.model.urls import article_src

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TAGS = re.compile(r"<[^>]+>")
ZW = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
DATA_JS = "assets/zh-hant-data.js"
INDEX_VERSION = 1


def s2t(text: str) -> str:
    return to_traditional(text)


# ---------------------------------------------------------------- conversion tables

def to_hant(text: str, chars: dict[str, str], phrases: dict[str, str]) -> str:
    """The reading view's conversion (mirrored in zh-hant-view.js): longest phrase first, else
    the character map. Length-preserving by construction (checked in build_tables)."""
    longest = max((len(p) for p in phrases), default=0)
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 1, -1):
            hit = phrases.get(text[i:i + size])
            if hit:
                out.append(hit)
                i += size
                break
        else:
            out.append(chars.get(text[i], text[i]))
            i += 1
    return "".join(out)


def build_tables(legal: list[str], other: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Character map for every Han character of `legal` + `other`, and the phrases needed for
    the conversion of `legal` to equal OpenCC s2t exactly."""
    han = sorted({c for t in legal + other for c in t if HAN.match(c)})
    chars = {}
    for c in han:
        t = s2t(c)
        if len(t) != 1 or len(t.encode("utf-16-le")) != 2:
            raise ValueError(f"s2t({c!r}) = {t!r} is not one BMP character: the view converts in place")
        if t != c:
            chars[c] = t
    phrases: dict[str, str] = {}
    for text in legal:
        target = s2t(text)
        if len(target) != len(text):
            raise ValueError(f"s2t changes the length of {text[:30]!r}: cannot convert text nodes in place")
        for _ in range(20):
            got = to_hant(text, chars, phrases)
            if got == target:
                break
            i = next(k for k, (a, b) in enumerate(zip(got, target)) if a != b)
            phrase = _smallest_window(text, target, i)
            phrases[phrase] = s2t(phrase)
        else:
            raise ValueError(f"cannot reproduce s2t for {text[:30]!r}")
    for text in legal:  # a phrase added late must not break an earlier text
        if to_hant(text, chars, phrases) != s2t(text):
            raise ValueError(f"conversion tables do not reproduce s2t for {text[:30]!r}")
    return chars, phrases


def _smallest_window(text: str, target: str, i: int) -> str:
    for size in range(2, 7):
        for start in range(max(0, i - size + 1), min(i, len(text) - size) + 1):
            window = text[start:start + size]
            if s2t(window) == target[start:start + size] and s2t(window)[i - start] == target[i]:
                return window
    raise ValueError(f"no phrase of s2t explains {text[max(0, i - 3):i + 4]!r}")


def t2s_pairs(indexed_chars: set[str]) -> dict[str, str]:
    """Traditional -> simplified for every character OpenCC t2s maps onto a character of the index."""
    conv = _converter("t2s")
    pairs = {}
    for code in list(range(0x3400, 0x4DC0)) + list(range(0x4E00, 0xA000)) + list(range(0xF900, 0xFB00)):
        c = chr(code)
        s = conv.convert(c)
        if s != c and len(s) == 1 and s in indexed_chars:
            pairs[c] = s
    return pairs


def repo_texts() -> list[str]:
    """Text of the repository files that end up on pages (labels, hand-written pages, curated data)."""
    paths = [*sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "build_scripts").glob("*.py")),
             *sorted((ROOT / "macros").rglob("*.py")), *sorted((ROOT / "overrides").rglob("*.html")),
             *sorted((ROOT / "corpus").glob("*.yaml")), *sorted((ROOT / "corpus").glob("*/meta.yaml"))]
    return [p.read_text(encoding="utf-8") for p in paths if p.is_file()]


def legal_texts(site) -> list[str]:
    out = []
    for reg in site.regs:
        out += [u.zh for u in units(reg.articles) if u.zh]
        out += [u.label for u in units(reg.articles) if u.label]
        out += [a.label for a in reg.articles]
        out += [f"{c.label} {c.title}" for c in reg.chapters]
        out += [reg.meta.title_zh]
    return out


@lru_cache(maxsize=4)
def _tables(legal: tuple[str, ...], other: tuple[str, ...]):
    return build_tables(list(legal), list(other))


def hant_data_js(site) -> str:
    chars, phrases = _tables(tuple(legal_texts(site)), tuple(repo_texts()))
    data = {"chars": "".join(k + v for k, v in sorted(chars.items())),
            "phrases": dict(sorted(phrases.items()))}
    return ("/* Generated by build_scripts/features/search.py from OpenCC s2t; do not edit. */\n"
            f"window.__lexHant = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n")


def files(site) -> dict[str, str]:
    return {DATA_JS: hant_data_js(site)}


# ---------------------------------------------------------------- glossary synonyms

def glossary_synonyms(corpus: Path) -> tuple[list[list[str]], list[list[str]]]:
    """([variant, zh] pairs, [english lower-case, zh] pairs) from corpus/glossary.yaml."""
    path = corpus / "glossary.yaml"
    if not path.exists():
        return [], []
    data = read_yaml(path)
    terms = data.get("terms")
    if not isinstance(terms, list):
        raise CorpusError(f"{path}: expected a list under 'terms'")
    zh_pairs, en_pairs = [], []
    for term in terms:
        if not isinstance(term, dict) or not term.get("zh"):
            raise CorpusError(f"{path}: a term without zh: {term!r:.80}")
        zh = term["zh"]
        for variant in term.get("variants") or []:
            if variant and variant != zh:
                zh_pairs.append([variant, zh])
        for en in [term.get("en"), *(term.get("en_variants") or [])]:
            if en:
                en_pairs.append([en.lower(), zh])
    return zh_pairs, en_pairs


# ---------------------------------------------------------------- the index

def clean(text: str) -> str:
    """Material's index text -> plain readable text: no tags, no zero-width separators."""
    text = TAGS.sub(" ", text or "")
    text = ZW.sub("", html.unescape(text))
    return re.sub(r"\s+", " ", text).strip()


def unit_title(unit) -> str:
    from build_scripts.model.numerals import from_int
    zh = f"第{from_int(unit.paragraph)}款" + (f"第{from_int(unit.item)}项" if unit.item else "")
    en = f"paragraph {unit.paragraph}" + (f", item {unit.item}" if unit.item else "")
    return f"{zh} · {en}"


def search_index(site, material: dict, corpus: Path) -> dict:
    """The edition's index: Material's config (the page highlighter reads its separator), article
    and unit documents from the corpus, and Material's documents of every other page, cleaned."""
    urls = site.urls
    docs: list[dict] = []
    article_urls = set()
    for reg in site.regs:
        gloss = site.glosses[reg.id]
        by_article: dict[int, list] = {}
        for u in units(reg.articles):
            if u.zh:
                by_article.setdefault(u.article, []).append(u)
        for art in reg.articles:
            url = urls.url(article_src(reg.id, art.number))
            article_urls.add(url)
            heading = gloss.heading(art.number)
            parent = len(docs)
            docs.append({"l": url, "k": "a", "r": reg.id, "n": art.number,
                         "t": f"{art.label} · {reg.meta.title_zh}",
                         "h": f"Article {art.number}" + (f" · {heading}" if heading else "")})
            for u in by_article.get(art.number, []):
                doc = {"l": f"{url}#{_anchor(u)}", "p": parent, "t": unit_title(u),
                       "z": (f"{u.label}" if u.label else "") + u.zh}
                en = gloss.unit(u.eid)
                if en:
                    doc["e"] = en
                docs.append(doc)
    page_of: dict[str, int] = {}
    for d in material.get("docs", []):
        loc = d.get("location", "")
        page = loc.split("#", 1)[0]
        if page in article_urls:
            continue
        title, text = clean(d.get("title", "")), clean(d.get("text", ""))
        if "#" not in loc:
            page_of[page] = len(docs)
            docs.append({"l": loc, "k": "p", "t": title, "x": text})
        else:
            if page not in page_of:  # a section listed before its page: keep it as a page
                page_of[page] = len(docs)
                docs.append({"l": page, "k": "p", "t": title, "x": ""})
            docs.append({"l": loc, "p": page_of[page], "t": title, "x": text})
    indexed = {c for d in docs for key in ("t", "z", "x") for c in d.get(key, "") if HAN.match(c)}
    zh_pairs, en_pairs = glossary_synonyms(corpus)
    indexed |= {c for pair in zh_pairs + en_pairs for part in pair for c in part if HAN.match(c)}
    config = dict(material.get("config") or {})
    config["lex"] = {
        "version": INDEX_VERSION,
        "t2s": "".join(k + v for k, v in sorted(_t2s_cached(frozenset(indexed)).items())),
        "synonyms": zh_pairs,
        "english": en_pairs,
    }
    return {"config": config, "docs": docs}


def _anchor(u) -> str:
    from build_scripts.model.regulation import para_anchor
    return para_anchor(u.paragraph, u.item)


@lru_cache(maxsize=None)
def _t2s_cached(indexed: frozenset) -> dict:
    return t2s_pairs(indexed)


class Search(FeatureBase):
    """Chinese/English search index and worker, and the traditional-character reading view.

    LEX_SEARCH=material builds the site with Material's search unmodified (the baseline of bench/search.py)."""
    name = "search"
    css = ("assets/search.css",)
    js = (DATA_JS, "assets/zh-hant-view.js")

    @staticmethod
    def enabled() -> bool:
        mode = os.environ.get("LEX_SEARCH", "edition")
        if mode not in ("edition", "material"):
            raise ValueError(f"LEX_SEARCH={mode!r}: expected 'edition' or 'material'")
        return mode == "edition"

    def config_extra(self) -> dict:
        return {"lex_search": self.enabled()}  # overrides/main.html points the header search at our worker

    def files(self, made) -> dict[str, str]:
        return files(self.site)

    def post_build(self, site_dir: Path) -> None:
        """Replace the index Material's search plugin wrote (search/search_index.json) with the edition's."""
        if not self.enabled():
            return
        path = site_dir / "search" / "search_index.json"
        if not path.exists():
            raise FileNotFoundError(f"{path}: Material's search plugin wrote no index")
        material = json.loads(path.read_text(encoding="utf-8"))
        index = search_index(self.site, material, self.site.corpus)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
