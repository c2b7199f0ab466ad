"""Reads corpus/<id>/ folders: the only place the pipeline reads curated input.

A regulation is a folder with source.txt (raw text, either shape) and meta.yaml (at least
title.zh, title.en, effective). Facts the text states itself (effective date, repealed
predecessor) are read from the text and checked against meta.yaml.
"""
from __future__ import annotations

import copy
import datetime as dt
import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from build_scripts.model.errors import InputError

from build_scripts.model.regulation import Meta, Regulation, article_text
from build_scripts.parse.normalise import SourceError, canonical_source, parse, reconstruct

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("EDITION_CORPUS") or ROOT / "corpus")  # EDITION_CORPUS: build another corpus (tests)
ID = re.compile(r"^[a-z][a-z0-9-]{1,30}$")
EFFECTIVE = re.compile(r"本(?:条例|规定|办法)自(\d{4})年(\d{1,2})月(\d{1,2})日起施行")
REPEALED = re.compile(r"《([^》]+)》同时废止")


class CorpusError(InputError):
    """Bad curated data: stops the build, naming the file (and the line, where there is one).

    CorpusError(path, line, message) or, as the enrich/feature stages still raise it, CorpusError(text)."""


def regulation_dirs(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_dir() and (p / "source.txt").exists())


SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ~10x faster on the gloss files


def read_yaml(path: Path) -> dict:
    """Parsed YAML of a curated file; parsed once per file version (several features read the same file)."""
    stat = path.stat()
    return copy.deepcopy(_read_yaml(path, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=64)
def _read_yaml(path: Path, mtime_ns: int, size: int) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=SafeLoader)
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: invalid YAML: {exc}") from exc
    return data or {}


def iso(value, path: Path, key: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise CorpusError(f"{path}: {key} must be a date YYYY-MM-DD, got {value!r}") from exc


def read_meta(folder: Path) -> Meta:
    path = folder / "meta.yaml"
    if not path.exists():
        raise CorpusError(f"{path}: missing: every corpus/<id>/ needs meta.yaml with title.zh, title.en, effective")
    data = read_yaml(path)
    title = data.get("title") or {}
    for key in ("zh", "en"):
        if not title.get(key):
            raise CorpusError(f"{path}: title.{key} is required")
    if not ID.match(folder.name):
        raise CorpusError(f"{folder}: folder name must be a lower-case id like 'jiangxi'")
    known = {"title", "short", "jurisdiction", "jurisdiction_name", "adopted", "adopted_by", "announcement",
             "effective", "sources", "layout", "repeals"}
    unknown = set(data) - known
    if unknown:
        raise CorpusError(f"{path}: unknown key(s) {sorted(unknown)}; known: {sorted(known)}")
    if "effective" not in data:
        raise CorpusError(f"{path}: effective is required (the date in the last article, or null)")
    return Meta(
        id=folder.name, title_zh=title["zh"], title_en=title["en"],
        effective=iso(data.get("effective"), path, "effective"),
        short=data.get("short") or folder.name,
        jurisdiction=data.get("jurisdiction"),
        jurisdiction_name=data.get("jurisdiction_name") or {},
        adopted=iso(data.get("adopted"), path, "adopted"),
        adopted_by=data.get("adopted_by") or {},
        announcement=data.get("announcement") or {},
        repeals=data.get("repeals") or {},
        sources=tuple(data.get("sources") or ()),
        layout=data.get("layout"),
    )


def facts_from_text(reg: Regulation) -> dict:
    """Effective date and repealed predecessor as the last article states them."""
    last = reg.articles[-1]
    text = article_text(last)
    facts: dict = {"effective": None, "repeals": None}
    m = EFFECTIVE.search(text)
    if m:
        facts["effective"] = dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    r = REPEALED.search(text)
    if r:
        facts["repeals"] = {"zh": r[1], "article": last.number}
    return facts


def load_regulation(folder: Path) -> Regulation:
    meta = read_meta(folder)
    source = folder / "source.txt"
    raw = source.read_bytes().decode("utf-8-sig") if source.stat().st_size else ""
    try:
        rel = str(source.relative_to(ROOT))
    except ValueError:
        rel = str(source)
    parsed = parse(raw, rel, meta.layout)
    if reconstruct(parsed) != canonical_source(raw):  # the normaliser must never lose or add text
        raise SourceError(rel, 1, "normaliser output differs from the source text (internal error)")
    reg = Regulation(meta=meta, text=parsed, source_path=rel)
    facts = facts_from_text(reg)
    if facts["effective"] and meta.effective and facts["effective"] != meta.effective:
        raise CorpusError(f"{folder / 'meta.yaml'}: effective {meta.effective} contradicts the text "
                          f"({reg.articles[-1].label}: {facts['effective']})")
    return reg


@lru_cache(maxsize=4)
def load_all(corpus: Path = CORPUS) -> tuple[Regulation, ...]:
    regs = tuple(load_regulation(d) for d in regulation_dirs(corpus))
    if not regs:
        raise CorpusError(f"{corpus}: no regulation found (expected corpus/<id>/source.txt)")
    shorts = [r.meta.short for r in regs]
    dup = {s for s in shorts if shorts.count(s) > 1}
    if dup:
        raise CorpusError(f"{corpus}: short ids used twice: {sorted(dup)}")
    return regs
