"""Traditional characters as traditional-character readers write them: the conversion of the reading view.

The edition follows Taiwan's standard forms (OpenCC `s2tw`: character variants only, 為 群眾 考核 裡),
never OpenCC's own `s2t` forms (爲 羣衆 考覈 裏), which no reader uses today, and never `s2twp`,
which also rewrites vocabulary (设置 -> 設定) and would change the law. docs/translation-notes.md
(#traditional) says so to readers.

The conversion is two tables, applied the same way here (`Hant.convert`) and in the browser
(docs/assets/zh-hant-view.js): at each position the longest phrase of `phrases` that starts there,
else the character map `chars`. `chars` is OpenCC s2tw of each character alone. `phrases` are the
places where OpenCC's phrase dictionary converts a word differently from its characters alone
(发布 -> 發佈 rather than 發布): every one found in the texts of the site must be reviewed in
corpus/zh_hant_corrections.yaml, as accepted (OpenCC is right) or corrected (the form readers
write: 玩忽职守 -> 玩忽職守, not OpenCC's 翫忽職守). tests/test_hant.py lists them all.

`derive()` builds the tables so that they reproduce, on every Han run of the given texts, OpenCC s2tw
with the reviewed corrections applied: by construction, since a run that no shorter phrase fixes
becomes a phrase of its own. It never raises on new text: a phrase nobody has reviewed yet is used
as OpenCC has it and reported (`unreviewed`) in one line by the build.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_scripts.enrich.glossary import Converter
    from build_scripts.model.regulation import Regulation

CONFIG = "s2tw"
CORRECTIONS = "zh_hant_corrections.yaml"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MAX_WINDOW = 8


def _converter(config: str) -> Converter:
    from build_scripts.enrich.glossary import converter
    return converter(config)


def convert_many(texts: list[str], config: str = CONFIG) -> list[str]:
    """OpenCC on many short texts in one call (a newline never takes part in a phrase)."""
    if not texts:
        return []
    out: list[str] = _converter(config).convert("\n".join(texts)).split("\n")
    if len(out) != len(texts):  # pragma: no cover - OpenCC keeps newlines
        out = [_converter(config).convert(t) for t in texts]
    return out


def apply_phrases(text: str, chars: Mapping[str, str], phrases: Mapping[str, str], longest: int) -> str:
    """Longest phrase starting at each position, else the character map (zh-hant-view.js: toHant)."""
    out, i, n = [], 0, len(text)
    while i < n:
        for size in range(min(longest, n - i), 1, -1):
            hit = phrases.get(text[i:i + size])
            if hit:
                out.append(hit)
                i += size
                break
        else:
            out.append(chars.get(text[i], text[i]))
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class Reviewed:
    """corpus/zh_hant_corrections.yaml: OpenCC's phrase conversions as reviewed for these texts."""
    accepted: Mapping[str, str] = field(default_factory=dict)    # simplified phrase -> OpenCC's form, kept
    corrected: Mapping[str, str] = field(default_factory=dict)   # simplified phrase -> the form readers write
    notes: Mapping[str, str] = field(default_factory=dict)

    @property
    def phrases(self) -> dict[str, str]:
        return {**self.accepted, **self.corrected}


def load_reviewed(corpus: Path) -> Reviewed:
    from build_scripts.parse.corpus import CorpusError, read_yaml
    path = corpus / CORRECTIONS
    if not path.exists():
        return Reviewed()
    raw = read_yaml(path) or {}
    if not isinstance(raw, dict) or set(raw) - {"config", "accepted", "corrected"}:
        raise CorpusError(f"{path}: expected the keys config, accepted, corrected")
    if raw.get("config", CONFIG) != CONFIG:
        raise CorpusError(f"{path}: config {raw.get('config')!r}; the edition converts with {CONFIG!r}")
    out: dict[str, dict[str, str]] = {}
    notes: dict[str, str] = {}
    for key in ("accepted", "corrected"):
        entries = raw.get(key) or {}
        if not isinstance(entries, dict):
            raise CorpusError(f"{path}: {key} must map a simplified phrase to its traditional form")
        out[key] = {}
        for zh, hant in entries.items():
            note = ""
            if isinstance(hant, dict):      # {hant: ..., note: ...}
                note = str(hant.get("note") or "")
                hant = hant.get("hant")
            if not isinstance(zh, str) or not isinstance(hant, str) or len(zh) != len(hant) or len(zh) < 2:
                raise CorpusError(f"{path}: {key}: {zh!r}: {hant!r} must be a phrase of 2+ characters "
                                  "and a traditional form of the same length")
            out[key][zh] = hant
            if note:
                notes[zh] = note
    both = set(out["accepted"]) & set(out["corrected"])
    if both:
        raise CorpusError(f"{path}: {sorted(both)} both accepted and corrected")
    return Reviewed(MappingProxyType(out["accepted"]), MappingProxyType(out["corrected"]), MappingProxyType(notes))


@dataclass(frozen=True)
class Hant:
    chars: Mapping[str, str]            # character -> its traditional form (changed characters only)
    phrases: Mapping[str, str]          # phrase -> traditional form (reviewed, plus `unreviewed`)
    unreviewed: tuple[str, ...] = ()    # phrases OpenCC converts that corpus/zh_hant_corrections.yaml lacks
    reviewed: Reviewed = Reviewed()
    longest: int = 0
    runs: tuple[str, ...] = field(default=(), repr=False, compare=False)   # the Han runs the tables were made for

    def convert(self, text: str) -> str:
        return apply_phrases(text, self.chars, self.phrases, self.longest)

    def extended(self, texts: Iterable[str]) -> Hant:
        """The tables for more text (hand-written pages, templates), with the same reviewed list."""
        return derive([*self.runs, *texts], self.reviewed)

    def warning(self) -> str | None:
        if not self.unreviewed:
            return None
        shown = "、".join(f"{p}→{self.phrases[p]}" for p in self.unreviewed[:8])
        more = f" and {len(self.unreviewed) - 8} more" if len(self.unreviewed) > 8 else ""
        return (f"traditional view: {len(self.unreviewed)} phrase conversion(s) of OpenCC {CONFIG} not reviewed in "
                f"corpus/{CORRECTIONS} ({shown}{more}): used as OpenCC has them")


def expected(run: str, opencc_out: str, corrected: Mapping[str, str]) -> str:
    """OpenCC's conversion of a run with the reviewed corrections laid over it (longest first)."""
    if not corrected:
        return opencc_out
    out = list(opencc_out)
    taken = [False] * len(run)
    for zh in sorted(corrected, key=len, reverse=True):
        start = run.find(zh)
        while start >= 0:
            if not any(taken[start:start + len(zh)]):
                out[start:start + len(zh)] = corrected[zh]
                taken[start:start + len(zh)] = [True] * len(zh)
            start = run.find(zh, start + 1)
    return "".join(out)


def derive(texts: Iterable[str], reviewed: Reviewed = Reviewed()) -> Hant:
    runs = sorted({r for t in texts for r in HAN_RUN.findall(t)})
    # simplified text only (not 繁體)
    runs = [r for r, s in zip(runs, convert_many(runs, "t2s"), strict=True) if s == r]
    han = sorted({c for r in runs for c in r})
    chars = {c: t for c, t in zip(han, convert_many(han), strict=True) if t != c and len(t) == 1}
    reviewed_all = reviewed.phrases
    phrases = dict(reviewed_all)                # reviewed phrases apply wherever they occur
    unreviewed: list[str] = []
    targets = {}
    for run, out in zip(runs, convert_many(runs), strict=True):
        if len(out) == len(run):                # else the view keeps the character map for this run
            targets[run] = expected(run, out, reviewed.corrected)
    longest = max(map(len, phrases), default=0)
    isolated: dict[str, str] = {}
    for rounds in range(len(targets) + 3):     # a phrase added for one run may misfire in another:
        changed = False                         # from the third round on, only whole runs (stable) are added
        for run, target in targets.items():
            tried: set[int] = set()
            while (got := apply_phrases(run, chars, phrases, longest)) != target:
                i = next(k for k, (a, b) in enumerate(zip(got, target, strict=False)) if a != b)
                whole = i in tried or rounds >= 2
                phrase, value = (run, target) if whole else _window(run, target, i, isolated)
                tried.add(i)
                phrases[phrase] = value
                longest = max(longest, len(phrase))
                changed = True
                if phrase not in reviewed_all and phrase not in unreviewed:
                    unreviewed.append(phrase)
        if not changed:
            break
    return Hant(MappingProxyType(chars), MappingProxyType(phrases), tuple(unreviewed), reviewed, longest,
                tuple(runs))


def _window(run: str, target: str, i: int, isolated: dict[str, str]) -> tuple[str, str]:
    """The smallest phrase around position i whose conversion on its own is what the run needs there
    (OpenCC's word); else the whole run, which reproduces it by construction."""
    for size in range(2, min(MAX_WINDOW, len(run)) + 1):
        for start in range(max(0, i - size + 1), min(i, len(run) - size) + 1):
            window = run[start:start + size]
            if window not in isolated:
                isolated[window] = convert_many([window])[0]
            if isolated[window] == target[start:start + size]:
                return window, isolated[window]
    return run, target


def corpus_texts(regs: Iterable[Regulation]) -> list[str]:
    """The Chinese of the regulations as pages show it: units, labels, titles, chapter headings."""
    from build_scripts.model.regulation import units
    out = []
    for reg in regs:
        all_units = units(reg.articles)
        out += [u.zh for u in all_units if u.zh] + [u.label for u in all_units if u.label]
        out += [a.label for a in reg.articles] + [f"{c.label} {c.title}" for c in reg.chapters]
        out += [reg.meta.title_zh]
    return out


def for_corpus(regs: Iterable[Regulation], corpus: Path) -> Hant:
    """The tables of a corpus: its texts and its reviewed list (what Edition.hant holds)."""
    return derive(corpus_texts(regs), load_reviewed(corpus))


def reviewed_candidates(texts: Iterable[str]) -> Hant:
    """The tables derived with nothing reviewed: every phrase conversion of OpenCC in the texts."""
    return derive(texts)
