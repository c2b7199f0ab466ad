"""English gloss: corpus/<id>/gloss.yaml, keyed by the same eids as the Chinese text.

    chapters: {chp_1: General Provisions}
    headings: {art_1: Purpose and Basis}        # editorial: the Chinese has no article headings
    units:    {art_1__para_1: "...", art_7__para_1__point_1: "..."}

A regulation without the file simply has no gloss yet (pages say so). Keys that name no unit
of the text (orphans) stop the build: they mean the Chinese structure changed under the gloss.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts.model.regulation import Regulation, unit_eid, units
from build_scripts.parse.corpus import CORPUS, CorpusError, read_yaml


@dataclass(frozen=True)
class Gloss:
    chapters: dict[str, Any] = field(default_factory=dict)
    headings: dict[str, Any] = field(default_factory=dict)
    units: dict[str, Any] = field(default_factory=dict)
    headings_zh: dict[str, Any] = field(default_factory=dict)   # corpus/<id>/headings_zh.yaml: editorial 条文主旨
    headings_zh_note: dict[str, str] = field(default_factory=dict)   # what a page says of them {zh, en}

    @property
    def exists(self) -> bool:
        return bool(self.units)

    def unit(self, eid: str) -> str | None:
        return self.units.get(eid) or None

    def heading(self, article: int) -> str | None:
        return self.headings.get(unit_eid(article)) or None

    def heading_zh(self, article: int) -> str | None:
        return self.headings_zh.get(unit_eid(article)) or None

    def chapter(self, number: int) -> str | None:
        return self.chapters.get(f"chp_{number}") or None


def expected_keys(reg: Regulation) -> dict[str, set[str]]:
    return {
        "chapters": {c.eid for c in reg.chapters},
        "headings": {a.eid for a in reg.articles},
        "units": {u.eid for u in units(reg.articles) if u.zh},
    }


def load_headings_zh(reg: Regulation, corpus: Path) -> tuple[dict[str, str], dict[str, str]]:
    """corpus/<id>/headings_zh.yaml: {editorial: true, note: {zh, en}, headings: {art_N: 条文主旨}}."""
    path = corpus / reg.id / "headings_zh.yaml"
    if not path.exists():
        return {}, {}
    data = read_yaml(path)
    headings, note = data.get("headings") or {}, data.get("note") or {}
    if data.get("editorial") is not True or not isinstance(headings, dict) or not isinstance(note, dict):
        raise CorpusError(f"{path}: expected editorial: true, note: {{zh, en}} and headings: {{art_N: ...}}")
    orphans = set(headings) - {a.eid for a in reg.articles}
    if orphans:
        raise CorpusError(f"{path}: headings: key(s) naming no article of {reg.id}: {sorted(orphans)[:10]}")
    return {k: str(v).strip() for k, v in headings.items() if v}, {k: str(v) for k, v in note.items()}


def load_gloss(reg: Regulation, corpus: Path = CORPUS) -> Gloss:
    path = corpus / reg.id / "gloss.yaml"
    headings_zh, note = load_headings_zh(reg, corpus)
    if not path.exists():
        return Gloss(headings_zh=headings_zh, headings_zh_note=note)
    data = read_yaml(path)
    unknown = set(data) - {"chapters", "headings", "units"}
    if unknown:
        raise CorpusError(f"{path}: unknown section(s) {sorted(unknown)}; expected chapters, headings, units")
    expected = expected_keys(reg)
    for section, keys in expected.items():
        orphans = set(data.get(section) or {}) - keys
        if orphans:
            raise CorpusError(f"{path}: {section}: key(s) naming no unit of {reg.id}: {sorted(orphans)[:10]}")
        for key, value in (data.get(section) or {}).items():
            if value is not None and not isinstance(value, str):
                raise CorpusError(f"{path}: {section}.{key} must be a string")
    return Gloss(**{k: {kk: (v or "").strip() for kk, v in (data.get(k) or {}).items()} for k in expected},
                 headings_zh=headings_zh, headings_zh_note=note)
