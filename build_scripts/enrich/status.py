"""Status of a regulation: in force since, adopted by whom and when (where known), text as enacted,
the repealed predecessor with the history the text gives, the last revision of the English, and the
edition's version. Derived once per build from what the Edition holds already. Pure except
edition_version (which reads the version's one home, pyproject.toml).
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from build_scripts.enrich.changes import Change
from build_scripts.model.messages import text
from build_scripts.model.regulation import Regulation, units
from build_scripts.parse.corpus import ROOT

PYPROJECT = ROOT / "pyproject.toml"

# 1992年10月15日山西省第七届人民代表大会常务委员会第三十一次会议通过，… 修订的《…》同时废止
HISTORY_EVENT = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                           r"\s*([^，,。；]*?)\s*(通过|修正|修订|修改|批准)")
# The legal text's word for each event (HISTORY_EVENT reads it) -> its English: status.action.{id} in messages.yaml.
ACTIONS = {text(f"status.action.{a}", "zh"): text(f"status.action.{a}", "en")
           for a in ("adopted", "amended", "revised", "modified", "approved")}


def edition_version() -> str:
    """The edition's version: [project].version of pyproject.toml, its one home."""
    with PYPROJECT.open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


@dataclass(frozen=True)
class Event:
    """One step of the predecessor's history as the repealing clause states it."""
    date: str          # YYYY-MM-DD
    action_zh: str     # 通过 | 修正 | 修订 …
    action_en: str     # adopted | amended | revised …
    body_zh: str       # the session that acted, as the text names it
    body_en: str = ""  # its English (meta.yaml repeals.history[].en; "" until given)


@dataclass(frozen=True)
class Predecessor:
    title_zh: str
    article: int       # the repealing article
    eid: str           # the repealing unit
    history: tuple[Event, ...]
    title_en: str = ""  # the English title (meta.yaml repeals.en; "" until given)


@dataclass(frozen=True)
class Status:
    reg_id: str
    effective: str | None
    adopted: str | None
    adopted_by: Mapping[str, str] | None        # {zh, en} or None: not stated in the source
    announcement: Mapping[str, str] | None
    amendments: tuple[str, ...] = ()            # later amendments known to the edition: none, the text is as enacted
    predecessor: Predecessor | None = None
    english_revised: str | None = None                    # latest logged revision of this regulation's English
    article_revised: Mapping[int, str] | None = None      # article -> latest revision date of its English
    version: str = ""

    def revised(self, article: int) -> str | None:
        return (self.article_revised or {}).get(article)

    def json(self) -> dict[str, Any]:
        p = self.predecessor
        return {
            "in_force_since": self.effective,
            "adopted": {"date": self.adopted, "by": dict(self.adopted_by) if self.adopted_by else None},
            "announcement": dict(self.announcement) if self.announcement else None,
            "text": "as enacted" if not self.amendments else "amended",
            "amendments": list(self.amendments),
            "repeals": None if p is None else {
                "title": {"zh": p.title_zh}, "article": p.article, "eid": p.eid,
                "history": [{"date": e.date, "action": e.action_en, "action_zh": e.action_zh, "by": {"zh": e.body_zh}}
                            for e in p.history]},
            "english_revised": self.english_revised,
            "edition_version": self.version,
        }


def history(clause: str, title_zh: str) -> tuple[Event, ...]:
    """The dated steps stated before 《title》 in the repealing clause."""
    before = clause.split(f"《{title_zh}》")[0]
    return tuple(Event(f"{int(y):04d}-{int(m):02d}-{int(d):02d}", act, ACTIONS[act], re.sub(r"\s+", "", body))
                 for y, m, d, body, act in HISTORY_EVENT.findall(before))


def predecessor(reg: Regulation, repeals: Mapping[str, Any] | None) -> Predecessor | None:
    if not repeals:
        return None
    art = reg.article(repeals["article"])
    for u in units((art,)):
        if f"《{repeals['zh']}》" in u.zh:
            sentence = re.split(r"(?<=。)", u.zh.split(f"《{repeals['zh']}》")[0])[-1]
            events = history(sentence + f"《{repeals['zh']}》", repeals["zh"])
            return Predecessor(repeals["zh"], art.number, u.eid, events)
    return Predecessor(repeals["zh"], art.number, art.eid, ())


def with_english(p: Predecessor | None, given: Mapping[str, Any] | None) -> Predecessor | None:
    """The predecessor with the English that meta.yaml `repeals` gives for its title and meetings (matched by
    their Chinese, as the text names them)."""
    if p is None or not given or given.get("zh") != p.title_zh:
        return p
    bodies = {str(h.get("zh")): str(h.get("en") or "") for h in given.get("history") or () if isinstance(h, dict)}
    return replace(p, title_en=str(given.get("en") or ""),
                   history=tuple(replace(e, body_en=bodies.get(e.body_zh, "")) for e in p.history))


def status_of(reg: Regulation, repeals: Mapping[str, Any] | None, changes: tuple[Change, ...], version: str) -> Status:
    m = reg.meta
    mine = [c for c in changes if c.regulation == reg.id]
    by_article: dict[int, str] = {}
    for c in mine:
        if c.article is not None and c.date > by_article.get(c.article, ""):
            by_article[c.article] = c.date
    return Status(reg_id=reg.id, effective=m.effective, adopted=m.adopted, adopted_by=m.adopted_by or None,
                  announcement=m.announcement or None, predecessor=with_english(predecessor(reg, repeals), m.repeals),
                  english_revised=max((c.date for c in mine), default=None), article_revised=by_article,
                  version=version)
