"""Traditional characters as traditional-character readers write them, in two standards: the conversion
of the reading view.

The reader picks a standard: 繁體（台灣） (Taiwan's standard forms, OpenCC `s2tw`: 為 群眾 考核 裡 汙染 平臺)
or 繁體（香港） (Hong Kong's, OpenCC `s2hk`: 為 羣眾 考核 裏 污染 平台). Both change characters only, never
words: the legal text and what the edition writes about it are never reworded. OpenCC's own `s2t` forms
(爲 羣衆 考覈), which no reader uses today, are never used. The edition's interface strings (the message
catalogue, model/messages.yaml) also take each standard's vocabulary (`s2twp`: 連結, 資料, 軟體; `s2hkp`:
搜尋), word by word as reviewed (`Hant.interface`). docs/translation-notes.md (#traditional) says so to readers.

The conversion of a standard is two tables, applied the same way here (`Hant.convert`) and in the browser
(browser/hant/state.js): at each position the longest phrase of `phrases` that starts there, else the
character map `chars`. `chars` is OpenCC of each character alone. `phrases` are the places where OpenCC's
phrase dictionary converts a word differently from its characters alone (发布 -> 發佈 rather than 發布):
every one found in the texts of the site must be reviewed, for each standard, in
corpus/zh_hant_corrections.yaml, as accepted (OpenCC is right) or corrected (the form readers write:
玩忽职守 -> 玩忽職守, not OpenCC's 翫忽職守). tests/test_hant.py lists them all.

`derive()` builds the tables so that they reproduce, on every Han run of the given texts, OpenCC with the
reviewed corrections applied: by construction, since a run that no shorter phrase fixes becomes a phrase of
its own. It never raises on new text: a phrase nobody has reviewed yet is used as OpenCC has it and
reported (`unreviewed`) in one line by the build.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from build_scripts.model.han import HAN_RUN

if TYPE_CHECKING:
    from build_scripts.enrich.glossary import Converter
    from build_scripts.model.messages import Message
    from build_scripts.model.regulation import Regulation

STANDARDS = {"tw": "s2tw", "hk": "s2hk"}        # standard -> OpenCC config of its character forms
VOCABULARY = {"tw": "s2twp", "hk": "s2hkp"}     # ... and of its vocabulary (interface strings only)
CONFIG = STANDARDS["tw"]
CORRECTIONS = "zh_hant_corrections.yaml"
MAX_WINDOW = 8
QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})   # both standards quote with corner brackets


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
    """Longest phrase starting at each position, else the character map (browser/hant/state.js: toHant)."""
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
    """One standard's part of corpus/zh_hant_corrections.yaml: OpenCC's conversions as reviewed for these texts."""
    accepted: Mapping[str, str] = field(default_factory=dict)    # simplified phrase -> OpenCC's form, kept
    corrected: Mapping[str, str] = field(default_factory=dict)   # simplified phrase -> the form readers write
    notes: Mapping[str, str] = field(default_factory=dict)
    vocabulary: Mapping[str, str] = field(default_factory=dict)  # interface strings: word -> the standard's word
    rejected: Mapping[str, str] = field(default_factory=dict)    # interface strings: OpenCC's word, not used

    @property
    def phrases(self) -> dict[str, str]:
        return {**self.accepted, **self.corrected}


def load_reviewed(corpus: Path) -> dict[str, Reviewed]:
    """corpus/zh_hant_corrections.yaml, one Reviewed per standard (none reviewed when the file is absent)."""
    import yaml

    from build_scripts.parse.corpus import CorpusError, key_lines, rel, yaml_error
    from build_scripts.parse.normalise import decode
    path = corpus / CORRECTIONS
    if not path.exists():
        return {std: Reviewed() for std in STANDARDS}
    text = decode(path.read_bytes(), rel(path))
    try:
        lines = key_lines(yaml.compose(text, Loader=yaml.SafeLoader))
        raw: Any = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise yaml_error(path, exc) from None
    where = rel(path)

    def fail(key: str, message: str) -> CorpusError:
        return CorpusError(where, lines.get(key, lines.get(key.rsplit(".", 1)[0], 1)), message)

    def mapping(value: Any, key: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict) or set(value) - allowed:
            found = sorted(value) if isinstance(value, dict) else type(value).__name__
            raise fail(key, f"{key or 'the file'}: {found}; expected the keys {sorted(allowed)}")
        return value

    raw = mapping(raw, "", set(STANDARDS))
    out = {}
    for std, config in STANDARDS.items():
        part = mapping(raw.get(std) or {}, std, {"config", "accepted", "corrected", "interface"})
        if part.get("config", config) != config:
            raise fail(f"{std}.config", f"config {part.get('config')!r}; the {std} view converts with {config!r}")
        legal: dict[str, dict[str, str]] = {}
        notes: dict[str, str] = {}
        for key in ("accepted", "corrected"):
            legal[key] = {}
            entries = part.get(key) or {}
            if not isinstance(entries, dict):
                raise fail(f"{std}.{key}", f"{std}.{key}: {type(entries).__name__}; expected a mapping of a "
                                           "simplified phrase to its traditional form")
            for zh, hant in entries.items():
                note = ""
                if isinstance(hant, dict):      # {hant: ..., note: ...}
                    note = str(hant.get("note") or "")
                    hant = hant.get("hant")
                if not isinstance(zh, str) or not isinstance(hant, str) or len(zh) != len(hant) or len(zh) < 2:
                    raise fail(f"{std}.{key}.{zh}", f"{zh!r}: {hant!r}; expected a phrase of 2+ characters and "
                                                   "a traditional form of the same length")
                legal[key][zh] = hant
                if note:
                    notes[zh] = note
        both = set(legal["accepted"]) & set(legal["corrected"])
        if both:
            first = min(both)
            raise fail(f"{std}.corrected.{first}", f"{sorted(both)} both accepted and corrected; expected one")
        ui = mapping(part.get("interface") or {}, f"{std}.interface", {"config", "accepted", "rejected"})
        if ui.get("config", VOCABULARY[std]) != VOCABULARY[std]:
            raise fail(f"{std}.interface.config", f"config {ui.get('config')!r}; the {std} interface strings "
                                                  f"take the vocabulary of {VOCABULARY[std]!r}")
        words: dict[str, dict[str, str]] = {}
        for key in ("accepted", "rejected"):
            words[key] = {}
            entries = ui.get(key) or {}
            if not isinstance(entries, dict):
                raise fail(f"{std}.interface.{key}", f"{std}.interface.{key}: {type(entries).__name__}; "
                                                     "expected a mapping of a word to its form")
            for zh, form in entries.items():
                if not isinstance(zh, str) or not isinstance(form, str) or len(zh) < 2 or not form:
                    raise fail(f"{std}.interface.{key}.{zh}", f"{zh!r}: {form!r}; expected a word of 2+ "
                                                              "characters and its form in this standard")
                words[key][zh] = form
        out[std] = Reviewed(MappingProxyType(legal["accepted"]), MappingProxyType(legal["corrected"]),
                            MappingProxyType(notes), MappingProxyType(words["accepted"]),
                            MappingProxyType(words["rejected"]))
    return out


@dataclass(frozen=True)
class Hant:
    chars: Mapping[str, str]            # character -> its traditional form (changed characters only)
    phrases: Mapping[str, str]          # phrase -> traditional form (reviewed, plus `unreviewed`)
    unreviewed: tuple[str, ...] = ()    # phrases OpenCC converts that corpus/zh_hant_corrections.yaml lacks
    reviewed: Reviewed = Reviewed()
    longest: int = 0
    runs: tuple[str, ...] = field(default=(), repr=False, compare=False)   # the Han runs the tables were made for
    standard: str = "tw"

    def convert(self, text: str) -> str:
        return apply_phrases(text, self.chars, self.phrases, self.longest)

    def interface(self, text: str) -> str:
        """An interface string of the edition in this standard: its forms and its reviewed vocabulary
        (複製連結, 資料), with corner-bracket quotes. Never for the legal text."""
        words = self.reviewed.vocabulary
        longest = max(self.longest, *map(len, words)) if words else self.longest
        return apply_phrases(text, self.chars, {**self.phrases, **words}, longest).translate(QUOTES)

    def interface_table(self, messages: Iterable[Message]) -> dict[str, str]:
        """{simplified message: its form in this standard} where that differs from the characters alone:
        the catalogue's own zh_tw / zh_hk, else `interface`. Messages with placeholders are left to the
        characters (the view matches whole strings)."""
        out: dict[str, str] = {}
        explicit: dict[str, str] = {}
        for m in messages:
            if "{" in m.zh:
                continue
            given = getattr(m, f"zh_{self.standard}", None)
            form = given if given is not None else self.interface(m.zh)
            if given is not None:
                if explicit.get(m.zh, given) != given:
                    raise ValueError(f"build_scripts/model/messages.yaml: {m.id}: zh_{self.standard} {given!r}, but "
                                     f"another message with the Chinese {m.zh!r} gives {explicit[m.zh]!r}")
                explicit[m.zh] = given
            elif m.zh in explicit:
                continue
            if form != self.convert(m.zh) or m.zh in out:
                out[m.zh] = form
        return out

    def extended(self, texts: Iterable[str]) -> Hant:
        """The tables for more text (hand-written pages, templates), with the same reviewed list."""
        return derive([*self.runs, *texts], self.reviewed, self.standard)

    def warning(self) -> str | None:
        if not self.unreviewed:
            return None
        shown = "、".join(f"{p}→{self.phrases[p]}" for p in self.unreviewed[:8])
        more = f" and {len(self.unreviewed) - 8} more" if len(self.unreviewed) > 8 else ""
        return (f"traditional view ({self.standard}): {len(self.unreviewed)} phrase conversion(s) of OpenCC "
                f"{STANDARDS[self.standard]} not reviewed in corpus/{CORRECTIONS} ({shown}{more}): "
                "used as OpenCC has them")


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


def derive(texts: Iterable[str], reviewed: Reviewed = Reviewed(), standard: str = "tw") -> Hant:
    config = STANDARDS[standard]
    runs = sorted({r for t in texts for r in HAN_RUN.findall(t)})
    # simplified text only (not 繁體)
    runs = [r for r, s in zip(runs, convert_many(runs, "t2s"), strict=True) if s == r]
    han = sorted({c for r in runs for c in r})
    # one UTF-16 code unit each: the browser reads the table in pairs of them (model/han.py)
    chars = {c: t for c, t in zip(han, convert_many(han, config), strict=True)
             if t != c and len(t) == 1 and max(c, t) <= "\uffff"}
    reviewed_all = reviewed.phrases
    phrases = dict(reviewed_all)                # reviewed phrases apply wherever they occur
    unreviewed: list[str] = []
    targets = {}
    for run, out in zip(runs, convert_many(runs, config), strict=True):
        if len(out) == len(run):                # else the view keeps the character map for this run
            targets[run] = expected(run, out, reviewed.corrected)
    longest = max(map(len, phrases), default=0)
    isolated: dict[str, str] = {}
    # A run's conversion changes only through a phrase it contains: after the first round, which checks every
    # run, a round checks the runs that contain a phrase set in the round before or earlier in this one (the
    # others are right already), in the same order, so the tables are those of checking every run each round.
    stale: set[str] | None = None
    for rounds in range(len(targets) + 3):     # a phrase added for one run may misfire in another:
        changed = False                         # from the third round on, only whole runs (stable) are added
        set_now: list[str] = []
        for run, target in targets.items():
            if stale is not None and run not in stale and not any(p in run for p in set_now):
                continue
            tried: set[int] = set()
            while (got := apply_phrases(run, chars, phrases, longest)) != target:
                i = next(k for k, (a, b) in enumerate(zip(got, target, strict=False)) if a != b)
                whole = i in tried or rounds >= 2
                phrase, value = (run, target) if whole else _window(run, target, i, isolated, config)
                tried.add(i)
                phrases[phrase] = value
                set_now.append(phrase)
                longest = max(longest, len(phrase))
                changed = True
                if phrase not in reviewed_all and phrase not in unreviewed:
                    unreviewed.append(phrase)
        if not changed:
            break
        found = re.compile("|".join(map(re.escape, sorted(set(set_now), key=len, reverse=True))))
        stale = {run for run in targets if found.search(run)}
    return Hant(MappingProxyType(chars), MappingProxyType(phrases), tuple(unreviewed), reviewed, longest,
                tuple(runs), standard)


def _window(run: str, target: str, i: int, isolated: dict[str, str], config: str) -> tuple[str, str]:
    """The smallest phrase around position i whose conversion on its own is what the run needs there
    (OpenCC's word); else the whole run, which reproduces it by construction."""
    for size in range(2, min(MAX_WINDOW, len(run)) + 1):
        for start in range(max(0, i - size + 1), min(i, len(run) - size) + 1):
            window = run[start:start + size]
            if window not in isolated:
                isolated[window] = convert_many([window], config)[0]
            if isolated[window] == target[start:start + size]:
                return window, isolated[window]
    return run, target


def vocabulary_candidates(texts: Iterable[str], standard: str) -> dict[str, str]:
    """The words of the texts whose form in the standard's vocabulary (OpenCC s2twp / s2hkp) differs from
    their characters (s2tw / s2hk): the smallest such windows of each Han run, {word: OpenCC's form}.
    Every one met in the interface strings is reviewed (tests/test_hant.py)."""
    from build_scripts.enrich.glossary import converter
    words, forms = converter(VOCABULARY[standard], interface=True), converter(STANDARDS[standard])
    found: dict[str, str] = {}
    for run in sorted({r for t in texts for r in HAN_RUN.findall(t)}):
        if words.convert(run) == forms.convert(run):
            continue
        for size in range(1, MAX_WINDOW + 1):
            for start in range(len(run) - size + 1):
                w = run[start:start + size]
                if any(f in w for f in found) or words.convert(w) == forms.convert(w):
                    continue
                found[w] = words.convert(w)
    return found


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


def for_corpus(regs: Iterable[Regulation], corpus: Path, standard: str = "tw") -> Hant:
    """The tables of a corpus in one standard: its texts and its reviewed list (what Edition.hant holds)."""
    return derive(corpus_texts(regs), load_reviewed(corpus)[standard], standard)


def reviewed_candidates(texts: Iterable[str], standard: str = "tw") -> Hant:
    """The tables derived with nothing reviewed: every phrase conversion of OpenCC in the texts."""
    return derive(texts, Reviewed(), standard)
