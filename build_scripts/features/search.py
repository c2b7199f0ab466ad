"""Search in Chinese (simplified and traditional) and English, and the traditional-character reading view.

Search keeps Material's header UI and replaces what is behind it (issue 6; the measurement that
decided it is in bench/search.py): the search index is rewritten after Material's search plugin
has written it (post_build), and browser/search-worker/ answers Material's worker
protocol (SETUP/READY/QUERY/RESULT). The index holds one document per article and one per citable
unit (paragraph or item) with its anchor, the Chinese as published (no zero-width separators),
the English gloss, and the tables the worker needs: traditional -> simplified characters (OpenCC
t2s, restricted to characters of the indexed text) and glossary synonyms (abbreviations, variants,
English renderings). Pages that are not article pages keep Material's index entries, cleaned.

The reading view (browser/hant/) converts the whole page (navigation, headings, table of
contents, text, tooltips, search results) with the tables of enrich/hant.py, in the standard the reader
picks: Taiwan's forms (OpenCC s2tw) or Hong Kong's (s2hk), each with the phrase conversions reviewed in
corpus/zh_hant_corrections.yaml, and the interface strings of the catalogue in the standard's vocabulary.
The tables are derived for the corpus (Edition.hant, Edition.hant_hk) and extended here to the glossary,
the hand-written pages and the catalogue.
"""
from __future__ import annotations

import dataclasses
import functools
import html
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from build_scripts.enrich.glossary import Term
from build_scripts.enrich.hant import Hant, convert_many
from build_scripts.features.protocol import FeatureBase, FeatureConfig
from build_scripts.model.citerules import client_rules, structure
from build_scripts.model.han import BMP, CHARS, HAN, HAN_RUN, code_points
from build_scripts.model.messages import catalogue
from build_scripts.model.ref import Ref, article_title_en
from build_scripts.model.regulation import units
from build_scripts.model.urls import SEARCH_INDEX_JSON, article_src, with_anchor
from build_scripts.render.context import Site
from build_scripts.render.html import json_script

TAGS = re.compile(r"<[^>]+>")
ZW = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
WORKER_JS = "assets/search-worker.js"
INDEX_VERSION = 4


# ---------------------------------------------------------------- reading-view tables

def glossary_texts(terms: tuple[Term, ...]) -> list[str]:
    return [f for t in terms for f in (*t.forms, t.definition, t.definition_zh)]


def edition_texts(value: object) -> list[str]:
    """Every text with Chinese in the Edition, found by walking it (the glossary's definitions, topic notes,
    editorial headings, facts of the status box ...): no Chinese a page shows is missing from the tables."""
    out: list[str] = []
    seen: set[int] = set()

    def walk(v: object) -> None:
        if isinstance(v, str):
            if HAN.search(v):
                out.append(v)
            return
        if isinstance(v, Hant | Path | bytes | int | float | bool) or v is None or id(v) in seen:
            return
        seen.add(id(v))
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            for f in dataclasses.fields(v):
                walk(getattr(v, f.name))
        elif isinstance(v, Mapping):
            for k, item in v.items():
                walk(k)
                walk(item)
        elif isinstance(v, tuple | list | set | frozenset):
            for item in v:
                walk(item)

    walk(value)
    return out


def hant_data(views: Mapping[str, Hant]) -> dict[str, Any]:
    """The tables of each standard: the character map (pairs in one string; a standard after the first lists
    only the characters where it differs from the first), the phrases, and the interface strings of the
    catalogue whose form in the standard is not that of their characters (whole strings: 複製連結)."""
    data: dict[str, Any] = {}
    base: Mapping[str, str] | None = None
    for std, hant in views.items():
        if base is None:
            chars, base = dict(hant.chars), hant.chars
        else:   # where this standard differs from the first (a character the first changes may map to itself)
            chars = {c: hant.chars.get(c, c) for c in {*base, *hant.chars} if hant.chars.get(c, c) != base.get(c, c)}
        data[std] = {"chars": "".join(k + v for k, v in sorted(chars.items())),
                     "phrases": dict(sorted(hant.phrases.items())),
                     "ui": dict(sorted(hant.interface_table(catalogue().values()).items()))}
    data["base"] = next(iter(views))
    return data


def t2s_table() -> dict[str, str]:
    """Traditional -> simplified for every Han character OpenCC t2s changes (one character each)."""
    chars = list(code_points(BMP))     # BMP: the worker reads the table in pairs of UTF-16 code units
    return {c: s for c, s in zip(chars, convert_many(chars, "t2s"), strict=True) if s != c and len(s) == 1}


# ---------------------------------------------------------------- glossary synonyms

def glossary_synonyms(terms: tuple[Term, ...]) -> tuple[list[list[str]], list[list[str]]]:
    """([variant, zh] pairs, [english lower-case, zh] pairs) of the glossary (formulas included)."""
    zh_pairs, en_pairs = [], []
    for term in terms:
        for variant in term.variants:
            if variant != term.zh:
                zh_pairs.append([variant, term.zh])
        for en in (term.en, *term.en_variants):
            en_pairs.append([en.lower(), term.zh])
    return zh_pairs, en_pairs


# ---------------------------------------------------------------- the index
#
# Issue 14: a sharded inverted index. search/search_index.json (what Material fetches, or the offline
# plugin inlines into search_index.js) holds only what the worker needs before READY: the group tables
# (first document of each group, its kind), the first group of each regulation, the number of postings
# shards and `dups` (runs of articles whose Chinese text is that of an earlier article: the worker shows
# such copies after every different result). The query tables (t2s, the words of the index and of the
# glossary for the segmenter, question words, the phrase dictionary of glossary terms, aliases and topics,
# the citation rules and structure) are search/q/0.js, loaded on first use of the search box. Postings (search/p/<k>.js)
# and the texts of a group (search/t/<g>.js; a long page keeps each piece's text in t/<g>-<i>.js) are
# script files the worker loads on demand, over http and from file://. So are the tables only some queries need:
# the English words of the index (e/0.js, a query with Latin letters), its Chinese bigrams (v/0.js, a lone
# character) and homophones (y/0.js, a possible typing slip).
# Issue 27: each article's head document also indexes how readers ask about it (field q, corpus/
# search_expansions.yaml, below the text's weight); its head lists the phrases, shown as "matched: ...".
#
# Tokens: Chinese character bigrams of every Han run (partial words match without a segmenter in
# the index), English words (lower case, light stemming), digits, and concept tokens: "#<term id>" in
# every unit using a glossary term, "@<topic id>" in every provision of a comparison topic. Aliases and
# glossary forms reach the concept tokens through the phrase dictionary. Fields: article heading (the
# gloss heading and the names of the article's topics), glossary/topic concepts, Chinese unit, English
# unit; BM25F impacts are computed here, so the worker only adds integers.

WORD = re.compile(r"[a-z0-9]+")
# A unit that defines a term (本条例所称X，是指...) carries DEF_TOKEN; a question asking what something is
# (什么是X, what is X) raises the units that have it and match the rest of the query.
DEFINITION = re.compile(r"所称[^，。；]{1,30}，?是指")
DEF_TOKEN = "!def"
# q: how readers ask about the article (corpus/search_expansions.yaml), below the text itself
FIELD_WEIGHTS = {"h": 2.0, "g": 2.0, "z": 1.0, "e": 1.0, "x": 0.8, "q": 0.5}
K1, B = 1.2, 0.75
POSTINGS_PER_SHARD = 1500
# Words a question adds to its content words (they never sink a query): the worker drops them when the
# segmenter finds them as words. Particles and question words, Chinese and English.
QUESTION_ZH = ["怎么办", "怎么样", "怎么", "怎样", "如何", "什么", "哪些", "哪里", "哪个", "哪儿", "为什么", "是否",
               "要不要", "能不能", "可不可以", "需不需要", "有没有", "是不是", "会不会", "由谁", "谁来", "谁管",
               "谁", "吗", "呢", "吧", "啊", "呀", "么", "了", "的", "地", "得", "有", "是", "要", "会", "能",
               "需要", "应该", "可以", "该", "去", "找", "对", "和", "与", "在", "我", "我们", "你", "被", "给",
               "由", "来", "时候", "规定", "条例",
               # issue 27: more ways of asking (何时生效, 哪天开始, 咋办, 请问...)
               "何时", "哪天", "几时", "多久", "哪个", "能否", "可否", "为啥", "咋办", "咋", "啥", "请问", "如果",
               "我想", "想知道", "一下", "会被"]
STOP_EN = ["a", "an", "and", "the", "of", "in", "to", "for", "or", "on", "with", "by", "at", "as", "is", "be",
           "are", "was", "what", "who", "whom", "which", "how", "when", "where", "why", "do", "does", "did",
           "can", "should", "must", "i", "my", "me", "we", "it", "its", "there", "this", "that", "about",
           "any", "have", "has", "if", "get", "from", "rules", "rule", "law", "laws", "say", "says",
           "will", "would", "could", "you", "your", "they", "them", "their", "need", "happen", "happens",
           "someone", "anyone", "whose"]


def stem(word: str) -> str:
    """Light English stemming, the same as the worker's: plurals and possessives."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


ENUM_JOIN = re.compile(f"(?=([{CHARS}]、[{CHARS}]))")


def zh_tokens(text: str) -> list[str]:
    """Character bigrams of each Han run, the digits, and the joins of an enumeration comma (管、谁: a
    query typed with the comma, 谁主管、谁负责, matches the text that has it better than one without)."""
    out: list[str] = []
    for run in HAN_RUN.findall(text):
        out.extend(run[i:i + 2] for i in range(len(run) - 1))
    out.extend(ENUM_JOIN.findall(text))
    out.extend(w for w in re.findall(r"\d{2,}", text))
    return out


STOP_EN_SET = frozenset(STOP_EN)
QUESTION_SET = frozenset(QUESTION_ZH)


def en_tokens(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(text.lower().replace("'s", "")) if w not in STOP_EN_SET]


PAGE_CHUNK = 1200        # characters of a page section per document (snippets, BM25 length, bytes)
SPLIT_PAGE = 8000        # a page with more text keeps each document's text in its own shard (t/<g>-<i>.js)


def chunks(text: str, size: int = PAGE_CHUNK) -> list[str]:
    """A long page section in pieces of about `size` characters, cut after a sentence where possible."""
    out = []
    while len(text) > size:
        cut = max(text.rfind(". ", 0, size), text.rfind("。", 0, size), text.rfind("; ", 0, size))
        cut = cut + 1 if cut > size // 2 else size
        out.append(text[:cut].strip())
        text = text[cut:].strip()
    return out + ([text] if text else [])


def clean(text: str) -> str:
    """Material's index text -> plain readable text: no tags, no zero-width separators."""
    text = TAGS.sub(" ", text or "")
    text = ZW.sub("", html.unescape(text))
    return re.sub(r"\s+", " ", text).strip()


class PageLanguages(HTMLParser):
    """The text of a built page's article (Material's content area), each character with the display mode that shows
    it (issue 25): 'e' inside lang="en" (hidden in 仅中文), 'z' inside a Chinese lang (hidden in 仅英文), 'n'
    neither, or inside .lex-keep (shown in every mode; with Latin words, such as pinyin or code, 'e': a Chinese
    result shows Chinese). Search results of hand-written pages follow the mode by it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []   # (tag, kind it sets) inside the article
        self.chars: list[str] = []
        self.kinds: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if not self.stack and not (tag == "article" and "md-content__inner" in (a.get("class") or "")):
            return
        if tag in VOID:
            return
        lang, classes = a.get("lang") or "", (a.get("class") or "").split()
        kind = ("n!" if "lex-keep" in classes else "e" if lang == "en"
                else "z" if lang == "zh-Hans" or lang.startswith("zh-Hant") else None)
        self.stack.append((tag, "skip" if tag in ("script", "style") else kind))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        kinds = [k for _, k in self.stack if k]
        if "skip" in kinds:
            return
        kind = "n" if "n!" in kinds else "e" if "e" in kinds else "z" if "z" in kinds else "n"
        data = ZW.sub("", data)
        if kind == "n" and LATIN_WORD.search(data):   # pinyin, code, a kept English phrase: with the English
            kind = "e"
        self.chars.append(data)
        self.kinds.append(kind * len(data))

    def stream(self) -> tuple[str, str]:
        return "".join(self.chars), "".join(self.kinds)


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
LOOKAHEAD = 400     # characters of the page a character of Material's text is looked for in, after the last found


class Aligner:
    """Labels Material's cleaned texts of one page (its title and text, in document order) with the kinds of
    PageLanguages: each character is found in the page's text after the previous one (Material drops headerlinks
    and excluded blocks, which are skipped); one not found takes the kind before it."""

    def __init__(self, page_html: str | None) -> None:
        self.text, self.kinds = "", ""
        if page_html:
            parser = PageLanguages()
            parser.feed(page_html)
            self.text, self.kinds = parser.stream()
        self.at = 0

    def label(self, text: str, title: bool = False) -> str:
        """title: a document's title, which Material may have taken from the page rather than from its heading:
        looked for from where the text is, without moving on (the text that follows the heading does)."""
        if not self.text:
            return "n" * len(text)
        out, last, at = [], "n", self.at
        for ch in text:
            if ch.isspace():
                out.append(last)
                continue
            found = self.text.find(ch, at, at + LOOKAHEAD)
            if found >= 0:
                at = found + 1
                last = self.kinds[found]
            out.append(last)
        if not title:
            self.at = at
        return "".join(out)


def runs(kinds: str, text: str = "") -> str:
    """'zzzeen' -> 'z3e2n1': the language runs of a text as the worker reads them (doc.xl, doc.tl). A neutral
    run of the text without letters or Han characters (" / ", "、") goes with the run before it: fewer runs."""
    if text:
        out = list(kinds)
        for m in re.finditer(r"n+", kinds):
            if m.start() and not WORDLIKE.search(text[m.start():m.end()]):
                out[m.start():m.end()] = kinds[m.start() - 1] * (m.end() - m.start())
        kinds = "".join(out)
    return "".join(f"{m.group(1)}{len(m.group(0))}" for m in re.finditer(r"([zen])\1*", kinds))


WORDLIKE = re.compile(f"[A-Za-z0-9{CHARS}]")


def unit_title(ref: Ref) -> str:
    """第十五条第二款 · Art. 15(2): the citation style of model/ref.py (the worker shows the English after " · " in
    仅英文 and 对照 only)."""
    return f"{ref.label_zh} · {ref.label_en}"


def index_words(texts: list[str], extra: list[str]) -> list[str]:
    """The words of the index for the query segmenter: jieba's words of the texts (2+ Han characters)
    and the glossary forms and aliases."""
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    words = set(extra)
    for text in texts:
        for w in jieba.cut(text):
            if len(w) >= 2 and HAN_RUN.fullmatch(w):
                words.add(w)
    return sorted(words)


class Index:
    """Documents, groups and postings of one build; then the bootstrap and the shard files."""

    def __init__(self) -> None:
        self.groups: list[dict[str, Any]] = []        # {"k": "a"|"p", "docs": [doc, ...], ...}
        self.fields: list[dict[str, list[str]]] = []   # per doc: field -> tokens
        self.lengths: list[int | None] = []

    def add_group(self, head: dict[str, Any], fields: dict[str, list[str]]) -> dict[str, Any]:
        group = {**head, "docs": []}
        self.groups.append(group)
        self.add_doc(group, None, fields)
        return group

    def add_doc(self, group: dict[str, Any], doc: dict[str, Any] | None, fields: dict[str, list[str]],
                length: int | None = None) -> None:
        """length: the tokens a piece of a longer page section stands for (BM25 normalises by the whole)."""
        group["docs"].append(doc)
        self.fields.append(fields)
        self.lengths.append(length)

    def postings(self) -> dict[str, list[tuple[int, int]]]:
        n = len(self.fields)
        avg = {f: (sum(len(d.get(f, ())) for d in self.fields) / max(1, sum(1 for d in self.fields if d.get(f)))) or 1
               for f in FIELD_WEIGHTS}
        tf: dict[str, dict[int, float]] = {}
        for i, doc in enumerate(self.fields):
            for f, tokens in doc.items():
                if not tokens:
                    continue
                norm = 1 - B + B * (self.lengths[i] or len(tokens)) / avg[f]
                counts: dict[str, int] = {}
                for t in tokens:
                    counts[t] = counts.get(t, 0) + 1
                for t, c in counts.items():
                    tf.setdefault(t, {})
                    tf[t][i] = tf[t].get(i, 0.0) + FIELD_WEIGHTS[f] * c / norm
        import math
        out = {}
        for t, docs in tf.items():
            idf = math.log(1 + (n - len(docs) + 0.5) / (len(docs) + 0.5))
            out[t] = [(d, max(1, round(10 * idf * w * (K1 + 1) / (w + K1)))) for d, w in sorted(docs.items())]
        return out


def shard_js(name: str, data: Any) -> str:
    return f"__lexShard({json_script(name)},{json_script(data)});\n"


def build_index(site: Site, material: dict[str, Any], t2s: dict[str, str],
                page_html: Callable[[str], str | None] = lambda page: None) -> tuple[dict[str, Any], dict[str, str]]:
    """(bootstrap index, {path under search/: script}) of the edition. page_html: the built HTML of a page
    (its location), whose languages the results of hand-written pages show by (PageLanguages)."""
    edition, urls = site.edition, site.urls
    index = Index()
    terms = [t for t in edition.glossary if t.category != "formula"]
    forms = {f: t.id for t in terms for f in t.forms}
    alignment = edition.alignment
    reg_first: dict[str, int] = {}
    article_urls = set()
    texts: list[str] = []
    for reg in site.regs:
        gloss = site.glosses[reg.id]
        marks = {t.id: t.marks_in(reg.id) for t in terms}   # a glossary term is a concept only where it marks
        reg_first[reg.id] = len(index.groups)
        by_article: dict[int, list[Any]] = {}
        for u in units(reg.articles):
            if u.zh:
                by_article.setdefault(u.article, []).append(u)
        for art in reg.articles:
            url = urls.url(article_src(reg.id, art.number))
            article_urls.add(url)
            heading = gloss.heading(art.number)
            topics = alignment.topics_of_article(reg.id, art.number) if alignment else []
            whole = [t for t, provs in topics if any(p.paragraph is None for p in provs)]  # the article is on topic
            # the article's Chinese editorial heading (条文主旨, corpus/<id>/headings_zh.yaml) and its topics: what the
            # article is about, above a provision that mentions the words in passing
            head_text = " ".join([gloss.heading_zh(art.number) or "", *(t.name_zh for t in whole)])
            asked = edition.expansions.get(reg.id, {}).get(art.number, ())
            top: dict[str, Any] = {"k": "a", "l": url, "t": f"{art.label} · {reg.meta.title_zh}",
                                   "h": article_title_en(art.number, heading)}
            if asked:               # shown as "matched: ..." when a result came through them
                top["q"] = [p.text for p in asked]
            group = index.add_group(
                top,
                {"h": zh_tokens(head_text) + en_tokens(heading or "") + en_tokens(" ".join(t.name_en for t in whole)),
                 "q": [t for p in asked for t in (zh_tokens(p.text) if p.lang == "zh" else en_tokens(p.text))]})
            texts.extend(p.text for p in asked if p.lang == "zh")
            for u in by_article.get(art.number, []):
                ref = Ref.from_eid(reg, u.eid)
                en = gloss.unit(u.eid) or ""
                concepts = sorted({"#" + key for form, key in forms.items() if form in u.zh and marks[key]})
                if DEFINITION.search(u.zh):
                    concepts.append(DEF_TOKEN)
                concepts += sorted({"@" + t.id for t, provs in topics
                                    if any(p.eid == u.eid or u.eid.startswith(p.eid + "__") for p in provs)})
                doc = {"l": with_anchor(url, ref.anchor), "t": unit_title(ref), "i": u.eid,
                       "z": (f"{u.label}" if u.label else "") + u.zh}
                if en:
                    doc["e"] = en
                texts.append(u.zh)
                index.add_doc(group, doc, {"z": zh_tokens(u.zh), "e": en_tokens(en), "g": concepts})
    # every other page: Material's documents, cleaned
    page_group: dict[str, dict[str, Any]] = {}
    aligners: dict[str, Aligner] = {}
    for d in material.get("docs", []):
        loc = d.get("location", "")
        page = loc.split("#", 1)[0]
        if page in article_urls:
            continue
        title, text = clean(d.get("title", "")), clean(d.get("text", ""))
        if page not in aligners:
            aligners[page] = Aligner(page_html(page))
        title_kinds, text_kinds = aligners[page].label(title, title=True), aligners[page].label(text)
        fields = {"x": zh_tokens(title + " " + text) + en_tokens(title + " " + text)}
        if "#" not in loc or page not in page_group:
            page_group[page] = index.add_group({"k": "p", "l": page, "t": title, "tl": runs(title_kinds, title)},
                                               fields if "#" not in loc else {})
            if "#" not in loc:
                page_group[page]["x"] = text
                page_group[page]["xl"] = runs(text_kinds, text)
                continue
        pieces, at = chunks(text), 0
        for piece in pieces:
            at = text.find(piece, at)
            index.add_doc(page_group[page], {"l": loc, "t": title, "tl": runs(title_kinds, title), "x": piece,
                                             "xl": runs(text_kinds[at:at + len(piece)], piece)},
                          {"x": zh_tokens(title + " " + piece) + en_tokens(title + " " + piece)},
                          len(fields["x"]) if len(pieces) > 1 else None)
            at += len(piece)

    # postings, sharded
    postings = index.postings()
    total = sum(len(p) for p in postings.values())
    shards = max(1, -(-total // POSTINGS_PER_SHARD))
    import zlib
    vocab: list[list[str]] = [[] for _ in range(shards)]
    data: list[dict[str, Any]] = [{} for _ in range(shards)]
    for token in sorted(postings):
        k = zlib.crc32(token.encode("utf-8")) % shards
        vocab[k].append(token)
        flat, last = [], 0
        for d, impact in postings[token]:
            flat += [d - last, impact]
            last = d
        data[k][token] = flat
    files = {f"p/{k}.js": shard_js(f"p{k}", data[k]) for k in range(shards)}
    starts, kinds = [], ""
    first_doc = 0
    canon: dict[str, int] = {}
    dups: list[list[int]] = []          # runs [first group, its canonical group, length]: identical articles
    split: list[int] = []               # pages whose documents' texts are files of their own
    for g, group in enumerate(index.groups):
        starts.append(first_doc)
        kinds += group["k"]
        first_doc += len(group["docs"])
        head: dict[str, Any] = {key: group[key] for key in ("k", "l", "t", "tl", "h", "x", "xl", "q") if key in group}
        size = sum(len(d.get("x", "")) for d in group["docs"] if d)
        if group["k"] == "p" and size > SPLIT_PAGE:     # only the documents shown are loaded
            split.append(g)
            head["d"] = [d and {k: v for k, v in d.items() if k not in ("x", "xl")} for d in group["docs"]]
            for i, d in enumerate(group["docs"]):
                if d:       # the text, and its languages with it ([text, runs])
                    text = d.get("x", "")
                    files[f"t/{g}-{i}.js"] = shard_js(f"t{g}-{i}", [text, d["xl"]] if d.get("xl") else text)
        else:
            head["d"] = group["docs"]
        files[f"t/{g}.js"] = shard_js(f"t{g}", head)
        if group["k"] == "a":
            key = "\n".join(d["z"] for d in group["docs"] if d)
            first = canon.setdefault(key, g)
            if first != g:
                if dups and dups[-1][0] + dups[-1][2] == g and dups[-1][1] + dups[-1][2] == first:
                    dups[-1][2] += 1
                else:
                    dups.append([g, first, 1])
    starts.append(first_doc)

    def by_frequency(tokens: Iterable[str]) -> str:
        """Index words, the most frequent first: the worker expands a character or a prefix through the first
        few that hold it (EXPAND_MAX), each of which may be another postings shard."""
        return " ".join(sorted(tokens, key=lambda t: (-len(postings[t]), t)))

    # the query tables
    phrases: dict[str, set[str]] = {}
    def phrase(text: str, key: str) -> None:
        text = text.lower().strip()
        if len(text) >= 2:
            phrases.setdefault(text, set()).add(key)
    for t in terms:
        for f in (*t.forms, t.en, *t.en_variants):
            phrase(f, "#" + t.id)
    if alignment:
        for topic in alignment.topics:
            phrase(topic.name_zh, "@" + topic.id)
            phrase(topic.name_en, "@" + topic.id)
    for a in edition.aliases.all():
        phrase(a.text, ("#" if a.target == "term" else "@") + a.key)
    words = index_words(texts, [p for p in phrases if HAN.search(p)] + QUESTION_ZH)
    indexed = {c for text in texts for c in text} | {c for w in words for c in w}
    for group in index.groups:
        indexed |= {c for d in group["docs"] if d for c in d.get("x", "") + d.get("t", "")}
    config = dict(material.get("config") or {})
    # The start index (what the worker needs before READY) is small; the query tables are a shard the
    # worker loads on first use of the search box (search/q/0.js: its focus, or the first query).
    config["lex"] = {
        "version": INDEX_VERSION,
        "regs": reg_first,
        "groups": {"start": starts, "kind": kinds},
        "shards": shards,                                   # postings shard of a token: crc32(UTF-8) % shards
        "dups": dups,
        "split": split,     # a query loads a split page's head and the documents it shows at once
    }
    tables = {
        "t2s": "".join(k + v for k, v in sorted(t2s.items()) if v in indexed),
        # the segmenter knows the phrases and question words from their own tables: not repeated here
        "words": " ".join(w for w in words if w not in phrases and w not in QUESTION_SET),
        "question": QUESTION_ZH,
        "stop": STOP_EN,
        # the phrase dictionary by its concept tokens ("#a|@b": [phrase, ...]): each key once, not once a phrase
        "phrases": by_keys(phrases),
        "cite": {"rules": client_rules(site.regs), "structure": structure(site.cite_order)},
        # a lay English word (stemmed) -> the gloss words it also matches (corpus/search_synonyms.yaml)
        "syn": {stem(w): sorted({stem(m) for m in means}) for w, means in sorted(edition.synonyms.items())},
    }
    files["q/0.js"] = shard_js("q0", tables)
    # the English words of the index, most frequent first (prefixes, synonyms): loaded for a query with Latin letters
    files["e/0.js"] = shard_js("e0", by_frequency(t for t in postings if re.match(r"[a-z]", t)))
    # the Chinese bigrams of the index, for a one-character concept only (loaded then)
    files["v/0.js"] = shard_js("v0", by_frequency(t for t in postings if HAN.match(t)))
    # homophones of the indexed characters, for a typed character that makes no index word (平按 -> 平安)
    files["y/0.js"] = shard_js("y0", homophones({c for text in texts for c in text if HAN.match(c)}))
    return {"config": config, "docs": []}, files


def by_keys(phrases: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """{phrase: {key, ...}} -> {"key|key": [phrase, ...]}, sorted (the worker reads it back into phrase -> keys)."""
    out: dict[str, list[str]] = {}
    for phrase, keys in sorted(phrases.items()):
        out.setdefault("|".join(sorted(keys)), []).append(phrase)
    return dict(sorted(out.items()))


def homophones(chars: Iterable[str]) -> str:
    """Characters of the index that sound alike (toneless pinyin, the usual reading), one group per syllable:
    "an:安按案 jian:建见间 ...". The worker tries them for a character of the query that makes no index word with
    its neighbours, a typing slip of a pinyin input method (平按建设, 网各员)."""
    from pypinyin import Style, pinyin
    groups: dict[str, set[str]] = {}
    for c in chars:
        for syllable in pinyin(c, style=Style.NORMAL)[0]:   # its usual reading: 网 is no slip for 方 (rare wǎng)
            groups.setdefault(syllable, set()).add(c)
    return " ".join(f"{s}:{''.join(sorted(cs))}" for s, cs in sorted(groups.items()) if len(cs) > 1)


class SearchConfig(FeatureConfig):
    engine: Literal["edition", "material"] = Field(
        default="edition", description="'edition' (the edition's index and worker) or 'material' (Material's "
                                       "search as it is, the baseline of bench/search.py)")


class Search(FeatureBase):
    """Chinese/English search index and worker, and the traditional-character reading view.

    `engine: material` (mkdocs.yml, or LEX_SEARCH=material through its `!ENV`) builds the site with Material's
    search unmodified: the baseline of bench/search.py."""
    name = "search"
    css = ("assets/search.css",)
    js = ("hant/index.js", "search-box/index.js")
    scripts = {WORKER_JS: ("search-worker/index.js",)}
    Config = SearchConfig

    def __init__(self, site: Site, config: FeatureConfig | None = None) -> None:
        super().__init__(site, config)
        assert isinstance(self.config, SearchConfig)
        self.own_index = self.config.engine == "edition"
        self.texts: list[str] = []
        self.t2s = t2s_table() if self.own_index else {}
        self.article_srcs = {article_src(reg.id, art.number) for reg in site.regs for art in reg.articles}

    def config_extra(self) -> dict[str, Any]:
        # overrides/main.html starts this worker and points Material's header search at it
        return {"lex_search_worker": WORKER_JS if self.own_index else None}

    def page_meta(self, src: str) -> dict[str, Any]:
        """Article pages are indexed here from the Edition (build_index), never from Material's index of
        them: Material's plugin need not parse and segment them (a fifth of a build's time)."""
        if self.own_index and src in self.article_srcs:
            return {"search": {"exclude": True}}
        return {}

    def site_texts(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self.__dict__.pop("views", None)

    @functools.cached_property
    def views(self) -> dict[str, Hant]:
        """The reading view's tables of each standard: the corpus's, extended to the text pages show besides it
        (the glossary, the rest of the Edition, the catalogue's interface strings, the site's texts)."""
        edition = self.site.edition
        more = [*glossary_texts(edition.glossary), *edition_texts(edition), *(m.zh for m in catalogue().values()),
                *self.texts]
        views: dict[str, Hant] = {}
        for std, base in (("tw", edition.hant), ("hk", edition.hant_hk)):
            if base is None:        # an Edition made by hand (tests): the corpus tables and their review
                from build_scripts.enrich.hant import for_corpus
                base = for_corpus(edition.regs, edition.corpus, std)
            views[std] = base.extended(more)
            warning = views[std].warning()
            if warning:
                print(f"edition: {warning}", file=sys.stderr)
        return views

    @property
    def hant(self) -> Hant:
        return self.views["tw"]

    def script_data(self) -> dict[str, Any]:
        return {"hant": hant_data(self.views)}

    def post_build(self, site_dir: Path) -> None:
        """Replace the index Material's search plugin wrote (search/search_index.json) with the edition's."""
        if not self.own_index:
            return
        path = site_dir / SEARCH_INDEX_JSON
        if not path.exists():
            raise FileNotFoundError(f"{path}: Material's search plugin wrote no index")
        material = json.loads(path.read_text(encoding="utf-8"))
        def page_html(location: str) -> str | None:     # a page's location -> its built HTML (both URL styles)
            path = site_dir / (location + "index.html" if location.endswith("/") or not location else location)
            return path.read_text(encoding="utf-8") if path.is_file() else None

        index, files = build_index(self.site, material, self.t2s, page_html)
        for rel_path, text in files.items():
            out = path.parent / rel_path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
