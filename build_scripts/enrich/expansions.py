"""How readers ask about each article: document expansion for search (corpus/search_expansions.yaml, issue 27).
Read once per build into Edition.expansions; search indexes the phrases with their article at a lower weight
than the text and shows which one matched.

Keyed `<regulation id>/art_<n>`; each article has `zh:` and `en:` lists of phrases, each a string or
{text, why}. Bad data stops the build as `path:line: what; expected`. Whether every article has phrases in
both languages, and whether a phrase adds words its article lacks, is checked by tests/test_search_expansions.py:
a regulation added without phrases still builds.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from build_scripts.model.han import HAN
from build_scripts.model.regulation import Regulation
from build_scripts.parse.corpus import CorpusError, SafeLoader, compose_mapping, rel

FILE = "search_expansions.yaml"
KEY = re.compile(r"^([a-z0-9][a-z0-9_-]*)/art_([1-9][0-9]*)$")
LATIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9' \-]*$")


@dataclass(frozen=True)
class Phrase:
    text: str           # as a reader types it
    lang: str           # zh | en
    why: str | None     # the reason, where it is not obvious
    line: int           # line in corpus/search_expansions.yaml


# reg id -> article number -> phrases (Chinese first, then English)
Expansions = Mapping[str, Mapping[int, tuple[Phrase, ...]]]
EMPTY: Expansions = MappingProxyType({})


def _phrase(where: str, key: str, lang: str, node: yaml.Node) -> Phrase:
    line = node.start_mark.line + 1
    value = yaml.load(yaml.serialize(node), Loader=SafeLoader)
    why = None
    if isinstance(value, dict):
        if sorted(value) not in (["text"], ["text", "why"]):
            raise CorpusError(where, line, f"{key}: keys {sorted(value)}; expected a phrase or {{text, why}}")
        why = value.get("why")
        if why is not None and (not isinstance(why, str) or len(why.split()) < 3):
            raise CorpusError(where, line, f"{key}: why {why!r}; expected a sentence saying why readers type it")
        value = value["text"]
    if not isinstance(value, str) or not value or value != value.strip():
        raise CorpusError(where, line, f"{key}: phrase {value!r}; expected a non-empty string without surrounding "
                                       "spaces")
    if lang == "zh" and not HAN.search(value):
        raise CorpusError(where, line, f"{key}: zh phrase {value!r} has no Chinese; expected Chinese (or list it "
                                       "under en:)")
    if lang == "en" and not LATIN.match(value):
        raise CorpusError(where, line, f"{key}: en phrase {value!r}; expected English words (letters, digits, ' "
                                       "and -)")
    return Phrase(value, lang, " ".join(why.split()) if why else None, line)


def validate(path: Path, text: str, regs: tuple[Regulation, ...]) -> Expansions:
    where = rel(path)
    root = compose_mapping(path, text, "<regulation id>/art_<n>: {zh: [...], en: [...]}")
    articles = {r.id: {a.number for a in r.articles} for r in regs}
    out: dict[str, dict[int, tuple[Phrase, ...]]] = {}
    for knode, vnode in root.value:
        key, line = str(knode.value), knode.start_mark.line + 1
        m = KEY.match(key)
        if not m:
            raise CorpusError(where, line, f"key {key!r}; expected <regulation id>/art_<n>, e.g. jiangxi/art_15")
        reg_id, number = m[1], int(m[2])
        if reg_id not in articles or number not in articles[reg_id]:
            raise CorpusError(where, line, f"{key}: no such article in the corpus; expected an article of "
                                           f"{sorted(articles)}")
        if number in out.get(reg_id, {}):
            raise CorpusError(where, line, f"{key} given twice; expected each article once")
        if not isinstance(vnode, yaml.MappingNode):
            raise CorpusError(where, line, f"{key}: not a mapping; expected zh: [...] and en: [...]")
        phrases: list[Phrase] = []
        seen: dict[str, int] = {}
        for lnode, lst in vnode.value:
            lang = lnode.value
            if lang not in ("zh", "en") or not isinstance(lst, yaml.SequenceNode):
                raise CorpusError(where, lnode.start_mark.line + 1, f"{key}: {lang!r}; expected zh: or en: lists")
            for item in lst.value:
                p = _phrase(where, key, lang, item)
                norm = p.text.lower()
                if norm in seen:
                    raise CorpusError(where, p.line, f"{key}: phrase {p.text!r} already given at line {seen[norm]}; "
                                                     "expected each phrase once per article")
                seen[norm] = p.line
                phrases.append(p)
        out.setdefault(reg_id, {})[number] = tuple(sorted(phrases, key=lambda p: p.lang != "zh"))
    return MappingProxyType({k: MappingProxyType(v) for k, v in out.items()})


def load_expansions(corpus: Path, regs: tuple[Regulation, ...]) -> Expansions:
    path = corpus / FILE
    if not path.exists():
        return EMPTY
    return validate(path, path.read_text(encoding="utf-8"), regs)


SYNONYMS_FILE = "search_synonyms.yaml"
WORD = re.compile(r"^[a-z][a-z'-]*$")


def validate_synonyms(path: Path, text: str) -> Mapping[str, tuple[str, ...]]:
    """{lay English word: (gloss words, ...)}: one lower-case word each, with a reason."""
    where = rel(path)
    root = compose_mapping(path, text, "word: {means: [words], why: reason}")
    out: dict[str, tuple[str, ...]] = {}
    for knode, vnode in root.value:
        word, line = str(knode.value), knode.start_mark.line + 1
        entry = yaml.load(yaml.serialize(vnode), Loader=SafeLoader) if isinstance(vnode, yaml.MappingNode) else None
        if not WORD.match(word) or word in out:
            raise CorpusError(where, line, f"{word!r}; expected a lower-case English word, each once")
        if not isinstance(entry, dict) or sorted(entry) != ["means", "why"]:
            raise CorpusError(where, line, f"{word}: expected {{means: [words], why: reason}}")
        means, why = entry["means"], entry["why"]
        if not isinstance(means, list) or not means or not all(isinstance(m, str) and WORD.match(m) for m in means):
            raise CorpusError(where, line, f"{word}: means {means!r}; expected a list of lower-case English words")
        if not isinstance(why, str) or len(why.split()) < 3:
            raise CorpusError(where, line, f"{word}: why {why!r}; expected a sentence saying why the word leads there")
        out[word] = tuple(means)
    return MappingProxyType(out)


def load_synonyms(corpus: Path) -> Mapping[str, tuple[str, ...]]:
    path = corpus / SYNONYMS_FILE
    if not path.exists():
        return MappingProxyType({})
    return validate_synonyms(path, path.read_text(encoding="utf-8"))
