"""Reader vocabulary: lay aliases, Chinese and English, for glossary terms and comparison topics
(corpus/aliases.yaml, issue 14). Read once per build into Edition.aliases; search indexes them with the
provisions of their term or topic, the glossary page shows a term's aliases.

Every alias carries why it belongs there. Bad data stops the build as `path:line: what; expected`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from build_scripts.model.han import HAN
from build_scripts.parse.corpus import CorpusError, SafeLoader, compose_mapping, rel

LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9' \-]*$")


@dataclass(frozen=True)
class Alias:
    text: str           # as a reader types it
    lang: str           # zh | en
    why: str            # the reason it belongs to its term or topic
    target: str         # "term" | "topic"
    key: str            # glossary term id or alignment topic id
    line: int           # line in corpus/aliases.yaml


@dataclass(frozen=True)
class Aliases:
    terms: Mapping[str, tuple[Alias, ...]]      # glossary term id -> aliases
    topics: Mapping[str, tuple[Alias, ...]]     # alignment topic id -> aliases

    def all(self) -> tuple[Alias, ...]:
        return tuple(a for group in (self.terms, self.topics) for aliases in group.values() for a in aliases)


EMPTY = Aliases(MappingProxyType({}), MappingProxyType({}))


def validate(path: Path, text: str, term_ids: set[str], topic_ids: set[str]) -> Aliases:
    where = rel(path)
    root = compose_mapping(path, text, "terms: and topics: mappings")
    out: dict[str, dict[str, tuple[Alias, ...]]] = {"terms": {}, "topics": {}}
    seen: dict[str, int] = {}
    known = {"terms": (term_ids, "a glossary term id of corpus/glossary.yaml"),
             "topics": (topic_ids, "a comparison topic id of corpus/alignment.yaml")}
    for knode, vnode in root.value:
        section = knode.value
        if section not in known:
            raise CorpusError(where, knode.start_mark.line + 1, f"top-level key {section!r}; expected terms or topics")
        if not isinstance(vnode, yaml.MappingNode):
            raise CorpusError(where, vnode.start_mark.line + 1, f"{section} is not a mapping; expected id: [aliases]")
        ids, what = known[section]
        for idnode, listnode in vnode.value:
            key = idnode.value
            line = idnode.start_mark.line + 1
            if key not in ids:
                raise CorpusError(where, line, f"{section[:-1]} {key!r} is unknown; expected {what}")
            if not isinstance(listnode, yaml.SequenceNode) or not listnode.value:
                raise CorpusError(where, line, f"{key}: no aliases; expected a list of {{zh|en: alias, why: reason}}")
            aliases = []
            for item in listnode.value:
                line = item.start_mark.line + 1
                entry = (yaml.load(yaml.serialize(item), Loader=SafeLoader)
                         if isinstance(item, yaml.MappingNode) else None)
                if not isinstance(entry, dict):
                    raise CorpusError(where, line, f"{key}: an alias that is not a mapping"
                                                   f"; expected {{zh|en: alias, why: reason}}")
                langs = [k for k in ("zh", "en") if k in entry]
                extra = sorted(set(entry) - {"zh", "en", "why", "why_zh"})
                if len(langs) != 1 or extra:
                    raise CorpusError(where, line, f"{key}: keys {sorted(entry)}"
                                                   f"; expected exactly one of zh, en, and why (and why_zh)")
                lang = langs[0]
                alias = entry[lang]
                why = entry.get("why")
                if not isinstance(why, str) or len(why.split()) < 3:
                    raise CorpusError(where, line, f"{key}: alias {alias!r} has no reason; expected why: a sentence "
                                                   "saying why readers type it for this term or topic")
                if not isinstance(alias, str) or alias != alias.strip() or not alias:
                    raise CorpusError(where, line, f"{key}: alias {alias!r}"
                                                   f"; expected a non-empty string without surrounding spaces")
                if lang == "zh" and not HAN.search(alias):
                    raise CorpusError(where, line, f"{key}: zh alias {alias!r} has no Chinese"
                                                   f"; expected Chinese text (or use en:)")
                if lang == "en" and not LATIN.match(alias):
                    raise CorpusError(where, line, f"{key}: en alias {alias!r}"
                                                   f"; expected English words (letters, digits, ' and -)")
                norm = alias.lower()
                if norm in seen:
                    raise CorpusError(where, line, f"{key}: alias {alias!r} already given at line {seen[norm]}; "
                                                   "expected each alias once")
                seen[norm] = line
                aliases.append(Alias(alias, lang, " ".join(why.split()), section[:-1], key, line))
            out[section][key] = tuple(aliases)
    return Aliases(MappingProxyType(out["terms"]), MappingProxyType(out["topics"]))


def load_aliases(corpus: Path, term_ids: set[str], topic_ids: set[str]) -> Aliases:
    path = corpus / "aliases.yaml"
    if not path.exists():
        return EMPTY
    return validate(path, path.read_text(encoding="utf-8"), term_ids, topic_ids)
