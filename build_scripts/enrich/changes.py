"""The change log of the English gloss: corpus/gloss_changes.yaml, validated against the glosses.

    changes:
      - {regulation: shanxi, eid: art_34, field: heading, old: ..., new: ..., reason: ..., reason_zh: ...,
         date: '2026-11-29'}
    confirmed_or: [...]            # read by tests/test_gloss.py only

`reason` is the reviewer's reason in English, `reason_zh` the same in Chinese (English renderings kept as they
are, quoted). `field` is unit (eid of a paragraph or item), heading (art_N) or chapter (chp_N). A bad entry stops
the build, naming the file, the line and the key (CorpusError). Pure except load_changes.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_scripts.enrich.gloss import Gloss
from build_scripts.model.regulation import Regulation, parse_eid
from build_scripts.parse.corpus import CorpusError, SafeLoader, compose_mapping, read_yaml, rel
from build_scripts.parse.models import AdditionsYaml
from build_scripts.parse.normalise import decode
from build_scripts.parse.schema import validated

CHANGES_FILE = "gloss_changes.yaml"
KEYS = ("regulation", "eid", "field", "old", "new", "reason", "reason_zh", "date")
TEXT_KEYS = ("regulation", "eid", "field", "old", "new", "reason", "reason_zh")
SECTION = {"unit": "units", "heading": "headings", "chapter": "chapters"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Change:
    """One revision of the English of one unit, article heading or chapter title."""
    regulation: str
    eid: str
    field: str          # unit | heading | chapter
    old: str
    new: str
    reason: str         # the reviewer's reason, in English
    reason_zh: str      # the same in Chinese: English renderings kept as they are
    date: str           # YYYY-MM-DD

    @property
    def article(self) -> int | None:
        """The article the revised text belongs to (None for a chapter title)."""
        return None if self.field == "chapter" else parse_eid(self.eid)[0]   # the model's eid codec


def _item_lines(path: Path) -> list[int]:
    """Line of each entry of `changes:` (for error messages; read only when an entry is bad)."""
    try:
        node = yaml.compose(decode(path.read_bytes(), rel(path)), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    for k, v in getattr(node, "value", []):
        if getattr(k, "value", None) == "changes" and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


def load_changes(regs: tuple[Regulation, ...], glosses: Mapping[str, Gloss], corpus: Path) -> tuple[Change, ...]:
    """The logged revisions, newest date first (then in file order); () without the file."""
    path = corpus / CHANGES_FILE
    if not path.exists():
        return ()
    data = read_yaml(path)
    name = rel(path)
    if not isinstance(data, dict) or not isinstance(data.get("changes", []), list):
        raise CorpusError(name, 1, "expected a mapping with `changes:` (a list of revisions)")
    unknown = set(data) - {"changes", "confirmed_or"}
    if unknown:
        raise CorpusError(name, 1, f"unknown key(s) {sorted(unknown)}; expected changes, confirmed_or")
    entries = data.get("changes") or []
    known = {r.id for r in regs}
    out: list[Change] = []
    seen: set[tuple[str, str, str, str]] = set()
    for n, c in enumerate(entries):
        def bad(key: str, message: str, n: int = n) -> CorpusError:
            lines = _item_lines(path)
            return CorpusError(name, lines[n] if n < len(lines) else 1, f"changes[{n}].{key}: {message}")
        if not isinstance(c, dict):
            raise bad("", f"a {type(c).__name__}; expected a mapping with keys {', '.join(KEYS)}")
        missing, extra = set(KEYS) - set(c), set(c) - set(KEYS)
        if missing or extra:
            key = sorted(missing or extra)[0]
            raise bad(key, f"{'missing' if missing else 'unknown'} key; expected exactly {', '.join(KEYS)}")
        date = c["date"].isoformat() if isinstance(c["date"], dt.date) else c["date"]
        if not isinstance(date, str) or not DATE.match(date):
            raise bad("date", f"{date!r}; expected a date as 'YYYY-MM-DD'")
        for key in TEXT_KEYS:
            if not isinstance(c[key], str) or not c[key].strip():
                raise bad(key, f"{c[key]!r}; expected a non-empty string")
        if c["regulation"] not in known:
            raise bad("regulation", f"{c['regulation']!r}; expected one of {sorted(known)}")
        if c["field"] not in SECTION:
            raise bad("field", f"{c['field']!r}; expected one of {', '.join(SECTION)}")
        if c["eid"] not in getattr(glosses[c["regulation"]], SECTION[c["field"]]):
            raise bad("eid", f"{c['eid']!r} names no {c['field']} of the {c['regulation']} gloss"
                             f"; expected a key of {SECTION[c['field']]} in its gloss.yaml")
        key = (c["regulation"], c["field"], c["eid"], date)   # a text revised in two passes has two entries
        if key in seen:
            raise bad("eid", f"a second entry for {c['regulation']} {c['field']} {c['eid']} on {date}"
                             f"; expected one per revised text and date")
        seen.add(key)
        out.append(Change(**{**{k: c[k].strip() for k in KEYS if k != "date"}, "date": date}))
    order = {id(c): i for i, c in enumerate(out)}
    return tuple(sorted(out, key=lambda c: (c.date, -order[id(c)]), reverse=True))


ADDITIONS_FILE = "additions.yaml"


@dataclass(frozen=True)
class Addition:
    """A regulation added to the edition (corpus/additions.yaml)."""
    date: str
    regulation: str
    what_zh: str
    what_en: str


def load_additions(regs: tuple[Regulation, ...], corpus: Path) -> tuple[Addition, ...]:
    """The additions, newest first; () without the file. Validated by parse/models.AdditionsYaml."""
    path = corpus / ADDITIONS_FILE
    if not path.exists():
        return ()
    name = rel(path)
    text = decode(path.read_bytes(), name)
    node = compose_mapping(path, text, "a mapping with one key, `additions:` (a list)")
    data = yaml.load(text, Loader=SafeLoader)
    entries = validated(AdditionsYaml, data, node, name, error=CorpusError,
                        context={"regulations": {r.id for r in regs}}).additions
    out = [Addition(a.date, a.regulation, a.what.zh.strip(), a.what.en.strip()) for a in entries]
    return tuple(sorted(out, key=lambda x: x.date, reverse=True))
