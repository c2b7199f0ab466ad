"""Reads corpus/<id>/ folders: the only place the pipeline reads curated input.

A regulation is a folder with source.txt (raw text, either shape) and meta.yaml (at least
title.zh, title.en, effective). Facts the text states itself (effective date, repealed
predecessor) are read from the text and checked against meta.yaml.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_scripts.model.errors import InputError
from build_scripts.model.regulation import Meta, Regulation, article_text
from build_scripts.model.urls import REG_ID_RE
from build_scripts.parse.models import Bilingual, MetaYaml
from build_scripts.parse.normalise import SourceError, canonical_source, decode, parse, reconstruct
from build_scripts.parse.schema import validated

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("EDITION_CORPUS") or ROOT / "corpus")  # EDITION_CORPUS: build another corpus (tests)
ID = re.compile(f"^{REG_ID_RE}$")
EFFECTIVE = re.compile(r"本(?:条例|规定|办法)自(\d{4})年(\d{1,2})月(\d{1,2})日起施行")
COMMENCEMENT = re.compile(r"本(?:条例|规定|办法|细则|决定)(?:自|从)[^。]{0,40}施行")
log = logging.getLogger("build_scripts.parse")
REPEALED = re.compile(r"《([^》]+)》同时废止")


class CorpusError(InputError):
    """Bad curated data: stops the build, naming the file (and the line, where there is one).

    CorpusError(path, line, message) or, as the enrich/feature stages still raise it, CorpusError(text)."""


def rel(path: Path) -> str:
    """A path as errors name it: relative to the checkout where it can be."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def check_corpus_dir(corpus: Path) -> None:
    """The corpus must be a folder: a path that does not exist or names a file stops with one line."""
    if corpus.is_dir():
        return
    found = "a file" if corpus.exists() else "nothing (no such file or folder)"
    raise CorpusError(f"{rel(corpus)}: the corpus path names {found}; expected a folder holding one folder "
                      "per regulation (<id>/source.txt and <id>/meta.yaml)")


def regulation_dirs(corpus: Path = CORPUS) -> list[Path]:
    """Every folder of the corpus is a regulation: one without source.txt stops the build (never skipped)."""
    check_corpus_dir(corpus)
    out = []
    for p in sorted(corpus.iterdir()):
        if not p.is_dir() or p.name.startswith((".", "_")):
            continue
        if not (p / "source.txt").is_file() or "source.txt" not in os.listdir(p):  # exact case, also on macOS
            present = sorted(os.listdir(p))
            near = [n for n in present if n.lower().strip() in ("source.txt", "source.txt.txt", "source")]
            found = f"found {', '.join(near)}" if near else f"the folder holds {', '.join(present[:6]) or 'nothing'}"
            raise CorpusError(rel(p / "source.txt"), 1, f"no source.txt ({found}); expected every corpus/<id>/ "
                                                        "folder to hold its text as source.txt, lower case")
        out.append(p)
    return out


SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ~10x faster on the gloss files


def read_yaml(path: Path) -> dict[str, Any]:
    """Parsed YAML of a curated file. Each file is read once per build, by the Edition's loaders
    (enrich/edition.py), so nothing is cached here."""
    text = decode(path.read_bytes(), rel(path))
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(path, exc) from None
    except ValueError as exc:  # an impossible date such as 2004-02-30
        raise CorpusError(rel(path), 1, f"{exc}; expected valid YAML values (dates as YYYY-MM-DD)") from None
    return data or {}


def yaml_error(path: Path, exc: yaml.YAMLError) -> CorpusError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else 1
    problem = getattr(exc, "problem", None) or str(exc)
    return CorpusError(rel(path), line, f"invalid YAML: {problem}; expected a YAML mapping of keys to values")


class MetaLoader(yaml.SafeLoader):
    """meta.yaml as written: dates stay strings (checked with their key and line, never a crash)."""


def compose_mapping(path: Path, text: str, expected: str) -> yaml.MappingNode:
    """A curated YAML file's root node, with the lines of its keys: a mapping, or one line `path:line: ...`."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(path, exc) from None
    if root is None or not isinstance(root, yaml.MappingNode):
        raise CorpusError(rel(path), 1, f"empty or not a mapping; expected {expected}")
    return root


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    assert isinstance(node, yaml.ScalarNode)
    return loader.construct_scalar(node)


MetaLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def key_lines(node: yaml.Node | None, prefix: str = "") -> dict[str, int]:
    """{'title': 2, 'title.zh': 3, …}: the line of every key of a YAML mapping, nested keys dotted."""
    out: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                name = prefix + str(k.value)
                out[name] = k.start_mark.line + 1
                out.update(key_lines(v, name + "."))
    return out


@dataclass(frozen=True)
class MetaFile:
    path: str                    # as errors name it
    data: dict[str, Any]
    lines: dict[str, Any]                  # key -> line
    model: MetaYaml                        # data, validated (parse/models.py)

    def where(self, key: str) -> str:
        return f"{self.path}:{self.lines.get(key, self.lines.get(key.split('.')[0], 1))}"

    def error(self, key: str, message: str) -> CorpusError:
        return CorpusError(self.where(key) + ": " + message)


def read_meta_file(path: Path) -> MetaFile:
    text = decode(path.read_bytes(), rel(path))
    try:
        node = yaml.compose(text, Loader=MetaLoader)
        data = yaml.load(text, Loader=MetaLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(path, exc) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CorpusError(rel(path), 1, f"a {type(data).__name__} at the top level; expected a mapping "
                                        "(title:, effective:, …)")
    return MetaFile(rel(path), data, key_lines(node), validated(MetaYaml, data, node, rel(path), error=CorpusError))


def meta_file(folder: Path) -> MetaFile:
    path = folder / "meta.yaml"
    if not path.is_file():
        raise CorpusError(rel(path), 1, "missing; expected every corpus/<id>/ to hold meta.yaml with title.zh, "
                                        "title.en, effective")
    return read_meta_file(path)


def read_meta(folder: Path) -> Meta:
    meta = meta_file(folder).model
    if not ID.match(folder.name):
        raise CorpusError(rel(folder), 1, f"folder name {folder.name!r}; expected a lower-case id like 'jiangxi'")

    def pair(value: Bilingual | None) -> dict[str, str]:      # as written: only the keys the file gives
        return value.model_dump(exclude_unset=True) if value else {}
    return Meta(
        id=folder.name, title_zh=meta.title.zh, title_en=meta.title.en, title_en_former=meta.title.en_former,
        effective=meta.effective,
        short=meta.short or folder.name,
        abbreviation=meta.abbreviation,
        jurisdiction=meta.jurisdiction,
        jurisdiction_name=pair(meta.jurisdiction_name),
        adopted=meta.adopted,
        adopted_by=pair(meta.adopted_by),
        announcement=pair(meta.announcement),
        repeals=meta.repeals or {},
        sources=tuple(meta.sources or ()),
        layout=meta.layout,
        references=meta.references,
    )


def facts_from_text(reg: Regulation) -> dict[str, Any]:
    """Effective date and repealed predecessor as the last article states them."""
    last = reg.articles[-1]
    text = article_text(last)
    facts: dict[str, Any] = {"effective": None, "repeals": None}
    m = EFFECTIVE.search(text)
    if m:
        try:
            facts["effective"] = dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            raise SourceError(reg.source_path, last.line, f"{last.label} states an impossible date "
                                                          f"{m[1]}年{m[2]}月{m[3]}日; expected a real date") from None
    r = REPEALED.search(text)
    if r:
        facts["repeals"] = {"zh": r[1], "article": last.number}
    return facts


def load_regulation(folder: Path) -> Regulation:
    meta = read_meta(folder)
    mfile = meta_file(folder)
    source = folder / "source.txt"
    path = rel(source)
    raw = decode(source.read_bytes(), path)
    parsed = parse(raw, path, meta.layout, mfile.where("layout") if meta.layout else None)
    if reconstruct(parsed) != canonical_source(raw):  # the normaliser must never lose or add text
        raise SourceError(path, 1, "normaliser output differs from the source text; expected the parse to lay out "
                                   "the source exactly (a parser bug: please report it)")
    for notice in parsed.notices:
        log.warning("notice: %s", notice)
    reg = Regulation(meta=meta, text=parsed, source_path=path)
    last = reg.articles[-1]
    if not COMMENCEMENT.search(article_text(last)) and not mfile.data.get("no_entry_into_force"):
        end = max([last.line] + [p.line for p in last.paragraphs] + [i.line for p in last.paragraphs for i in p.items])
        raise SourceError(path, end, f"the text ends with {last.label} …{article_text(last)[-16:]!r}, which does not "
                                     "say when the regulation takes effect; expected a last article 本条例自…起施行 "
                                     "(is the text cut off?), or no_entry_into_force: <why> in meta.yaml")
    facts = facts_from_text(reg)
    if facts["effective"] and meta.effective and facts["effective"] != meta.effective:
        raise mfile.error("effective", f"effective {meta.effective} contradicts the text "
                                       f"({last.label}: {facts['effective']}); expected {facts['effective']}")
    return reg


def load_all(corpus: Path = CORPUS) -> tuple[Regulation, ...]:
    regs = tuple(load_regulation(d) for d in regulation_dirs(corpus))
    if not regs:
        raise CorpusError(rel(corpus), 1, "no regulation found; expected folders corpus/<id>/ with source.txt")
    shorts = [r.meta.short for r in regs]
    dup = {s for s in shorts if s is not None and shorts.count(s) > 1}
    if dup:
        raise CorpusError(rel(corpus), 1, f"short ids used twice: {sorted(dup)}; expected each meta.yaml short unique")
    return regs
