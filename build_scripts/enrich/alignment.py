"""The topic concordance: corpus/alignment.yaml, validated against the regulations. Pure except load_alignment.

    topics:
      - id: grid-management                       # stable: /compare/grid-management/
        name: {en: ..., zh: ...}
        provisions: {shanxi: [art_35], jiangxi: [art_15, art_53__para_1]}
        pairs: [{shanxi: art_35, jiangxi: art_15__para_1, kind: similar}]
        note: >- what differs in substance (English)
        note_zh: 差异（中文，一行）

A regulation is *aligned* when it appears under `provisions` of some topic; then every topic must name
it (an empty list: "not in this regulation") and every one of its articles must be placed in some topic.
A regulation of corpus/ that no topic names is *not aligned yet*: pages show it as such, nothing fails.
Any other inconsistency raises AlignmentError naming the topic.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from build_scripts.model.han import CHARS
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Article, Regulation, item_eid, para_eid
from build_scripts.model.regulation import parse_eid as model_parse_eid
from build_scripts.parse.corpus import CORPUS, CorpusError, read_yaml

KINDS = ("equivalent", "similar")
TOPIC_KEYS = {"id", "name", "provisions", "pairs", "note", "note_zh"}
TOPIC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The similarity cross-check (tests/test_compare.py). Measured with `python -m build_scripts.alignment` on the
# 76 curated pairs: equivalent 0.57-0.78 (5 pairs), similar 0.08-0.72 (71 pairs, median 0.25, 3rd quartile
# 0.38). Before review nine "similar" pairs scored 0.57-0.75; reading them moved three to "equivalent"
# (scope clause, commendation, bravery) and kept six whose near-same words carry different content (e.g.
# Jiangxi Art. 62(2) widens Shanxi Art. 45's liability to staff of all organisations). Wording cannot separate
# the kinds in that overlap, so the check flags only the implausible: "equivalent" sharing under half its
# characters, "similar" nearly identical.
EQUIVALENT_MIN = 0.50
SIMILAR_MAX = 0.80


class AlignmentError(CorpusError):
    """Bad data in corpus/alignment.yaml: stops the build, naming the topic."""


@dataclass(frozen=True)
class Provision:
    reg: str
    eid: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    def contains(self, other: Provision) -> bool:
        """True when other is this provision or a part of it."""
        return self.reg == other.reg and (other.eid == self.eid or other.eid.startswith(self.eid + "__"))

    def overlaps(self, other: Provision) -> bool:
        return self.contains(other) or other.contains(self)


@dataclass(frozen=True)
class Pair:
    a: Provision
    b: Provision
    kind: str
    similarity: float


@dataclass(frozen=True)
class Topic:
    id: str
    name_en: str
    name_zh: str
    provisions: dict[str, tuple[Provision, ...]]   # aligned regulation id -> provisions (may be empty)
    pairs: tuple[Pair, ...]
    note: str
    note_zh: str = ""       # 差异 in Chinese ("" until written: the page says so)

    def present_in(self) -> list[str]:
        return [r for r, p in self.provisions.items() if p]

    def only_in(self) -> str | None:
        """The one regulation that has this topic, when no other aligned regulation does."""
        present = self.present_in()
        return present[0] if len(present) == 1 and len(self.provisions) > 1 else None

    def unpaired(self, reg_id: str) -> list[Provision]:
        """Provisions of reg_id on this topic that no pair touches."""
        touched = [p for pair in self.pairs for p in (pair.a, pair.b)]
        return [p for p in self.provisions.get(reg_id, ()) if not any(p.overlaps(t) for t in touched)]


@dataclass(frozen=True)
class Alignment:
    topics: tuple[Topic, ...]
    aligned: tuple[str, ...]        # regulation ids the concordance covers, in corpus order
    not_aligned: tuple[str, ...]    # regulations of corpus/ no topic names yet

    def topic(self, topic_id: str) -> Topic:
        for t in self.topics:
            if t.id == topic_id:
                return t
        raise KeyError(f"unknown topic {topic_id!r}")

    def counterpart(self, prov: Provision) -> Provision | None:
        """The provision a curated pair sets against prov: a pair on prov itself first, then one on the
        narrowest provision that contains it, then one on a part of it, then one on another part of its article
        (what the article is paired with); the first in the concordance's order."""
        best: tuple[tuple[int, int, int], Provision] | None = None
        order = 0
        for t in self.topics:
            for pair in t.pairs:
                for mine, other in ((pair.a, pair.b), (pair.b, pair.a)):
                    order += 1
                    if mine == prov:
                        key = (0, 0, order)
                    elif mine.contains(prov):
                        key = (1, -len(mine.eid), order)
                    elif prov.contains(mine):
                        key = (2, 0, order)
                    elif (mine.reg, mine.article) == (prov.reg, prov.article):
                        key = (3, 0, order)
                    else:
                        continue
                    if best is None or key < best[0]:
                        best = (key, other)
        return best[1] if best else None

    def topics_of_article(self, reg_id: str, number: int) -> list[tuple[Topic, list[Provision]]]:
        """Topics placing (part of) an article, with the provisions of that article they name."""
        out = []
        for t in self.topics:
            mine = [p for p in t.provisions.get(reg_id, ()) if p.article == number]
            if mine:
                out.append((t, mine))
        return out


# ---------------------------------------------------------------------------------------------- text

def parse_eid(reg: Regulation, eid: str) -> Provision:
    """Provision for an eid, or ValueError when the eid names no unit of the regulation."""
    a, p, i = model_parse_eid(eid)
    try:
        Ref(reg, a, p, i)  # the one check that a provision exists (inserted articles included)
    except (ValueError, KeyError) as exc:
        raise ValueError(f"{eid}: {exc}") from None
    return Provision(reg.id, eid, a, p, i)


def provision_units(reg: Regulation, prov: Provision) -> list[tuple[str, str | None, str]]:
    """(eid, item label or None, Chinese text) of every unit of a provision, in document order."""
    art: Article = reg.article(prov.article)
    out: list[tuple[str, str | None, str]] = []
    for para in art.paragraphs:
        if prov.paragraph not in (None, para.number):
            continue
        if prov.item is None and para.text:
            out.append((para_eid(art.number, para.number), None, para.text))
        for item in para.items:
            if prov.item in (None, item.number):
                out.append((item_eid(art.number, para.number, item.number), item.label, item.text))
    return out


def provision_text(reg: Regulation, prov: Provision) -> str:
    """The provision's Chinese exactly as in the source (item labels kept), paragraphs joined by newlines."""
    art = reg.article(prov.article)
    parts = []
    for para in art.paragraphs:
        if prov.paragraph not in (None, para.number):
            continue
        if prov.item is not None:
            it = para.items[prov.item - 1]
            parts.append(it.label + it.text)
        else:
            parts.append(para.text + "".join(i.label + i.text for i in para.items))
    return "\n".join(parts)


def similarity(a: str, b: str) -> float:
    """difflib's ratio over characters, whitespace ignored: 2 * matched characters / total characters."""
    a, b = re.sub(r"\s", "", a), re.sub(r"\s", "", b)
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def char_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Character-level diff of two texts as [(op, text)], op in {"same", "del" (only in a), "ins" (only in b)}.

    Joining the "same" and "del" parts gives back a; "same" and "ins" gives back b. A replacement is
    reported as its deletion followed by its insertion.
    """
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("same", a[i1:i2])
        else:
            add("del", a[i1:i2])
            add("ins", b[j1:j2])
    return out


# ---------------------------------------------------------------------------------------------- words
# A character diff of two provisions that share little strikes through nearly everything and cuts words
# (基层治|理). The reader's diff page compares words instead: a text is cut into the longest words of a
# vocabulary (jieba's words of the texts and the glossary's forms, made at build time), each other character
# a word of its own. The browser does the same (browser/reader/diff.js, `segment`, `wordDiff`);
# tests/test_reader.py runs both on real pairs.
HAN_WORD = re.compile(f"[{CHARS}]{{2,}}")
SHARED_LITTLE = 0.30   # under this share of characters in common, the diff page sets the two side by side


def diff_vocabulary(texts: list[str], terms: list[str]) -> list[str]:
    """The words of the texts (jieba's, two Han characters or more) and the glossary's forms, sorted."""
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    words = {t for t in terms if HAN_WORD.fullmatch(t)}
    for text in texts:
        words.update(w for w in jieba.cut(text) if HAN_WORD.fullmatch(w))
    return sorted(words)


def segment(text: str, vocabulary: frozenset[str] | set[str], longest: int) -> list[str]:
    """The text as words: at each place the longest word of the vocabulary (up to `longest` characters)
    that starts there, else one character. Joined, the words give back the text."""
    out: list[str] = []
    i = 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            if text[i:i + n] in vocabulary:
                out.append(text[i:i + n])
                i += n
                break
        else:
            out.append(text[i])
            i += 1
    return out


def word_diff(a: str, b: str, vocabulary: frozenset[str] | set[str]) -> list[tuple[str, str]]:
    """As char_diff, over the words of `segment`: no word is cut; joining the "same" and "del" parts gives
    back a, "same" and "ins" gives back b."""
    longest = max((len(w) for w in vocabulary), default=1)
    ta, tb = segment(a, vocabulary, longest), segment(b, vocabulary, longest)
    out: list[tuple[str, str]] = []

    def add(op: str, words: list[str]) -> None:
        if not words:
            return
        text = "".join(words)
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal":
            add("same", ta[i1:i2])
        else:
            add("del", ta[i1:i2])
            add("ins", tb[j1:j2])
    return out


def shared_share(parts: list[tuple[str, str]]) -> float:
    """Of a diff's characters (whitespace left out), the share the two texts have in common: 2 * same / (a + b)."""
    count = {"same": 0, "del": 0, "ins": 0}
    for op, text in parts:
        count[op] += len(re.sub(r"\s", "", text))
    total = 2 * count["same"] + count["del"] + count["ins"]
    return 1.0 if not total else 2 * count["same"] / total


# ---------------------------------------------------------------------------------------------- loading

def build_alignment(data: dict[str, Any], regs: tuple[Regulation, ...],
                    where: str = "corpus/alignment.yaml") -> Alignment:
    """Validate the parsed YAML against the regulations. Raises AlignmentError naming the topic."""
    by_id = {r.id: r for r in regs}
    if not isinstance(data, dict) or set(data) != {"topics"}:
        keys = sorted(data) if isinstance(data, dict) else type(data).__name__
        raise AlignmentError(f"{where}: expected exactly one top-level key 'topics', got {keys}")
    raw_topics = data["topics"]
    if not isinstance(raw_topics, list) or not raw_topics:
        raise AlignmentError(f"{where}: 'topics' must be a non-empty list")

    named: set[str] = set()
    for n, t in enumerate(raw_topics, 1):
        if not isinstance(t, dict):
            raise AlignmentError(f"{where}: topic #{n} is not a mapping")
        named |= set((t.get("provisions") or {}) if isinstance(t.get("provisions"), dict) else {})
    unknown_regs = named - set(by_id)
    if unknown_regs:
        raise AlignmentError(f"{where}: provisions name unknown regulation(s) {sorted(unknown_regs)}; "
                             f"corpus has {sorted(by_id)}")
    aligned = tuple(r.id for r in regs if r.id in named)
    not_aligned = tuple(r.id for r in regs if r.id not in named)

    topics: list[Topic] = []
    seen_ids: set[str] = set()
    for n, t in enumerate(raw_topics, 1):
        tid = t.get("id")
        label = f"{where}: topic {tid!r}" if tid else f"{where}: topic #{n}"

        def fail(msg: str, label: str = label) -> NoReturn:
            raise AlignmentError(f"{label}: {msg}")

        unknown = set(t) - TOPIC_KEYS
        if unknown:
            fail(f"unknown key(s) {sorted(unknown)}; known: {sorted(TOPIC_KEYS)}")
        if not isinstance(tid, str) or not TOPIC_ID.match(tid):
            fail("id must be a lower-case slug like 'grid-management'")
        if tid in seen_ids:
            fail("id used twice")
        seen_ids.add(tid)
        name = t.get("name")
        if not isinstance(name, dict) or set(name) != {"en", "zh"} or not all(
                isinstance(v, str) and v.strip() for v in name.values()):
            fail("name must be {en: ..., zh: ...}, both non-empty")
        note = t.get("note")
        if not isinstance(note, str) or not note.strip():
            fail("note (English, what differs in substance) is required")
        raw_prov = t.get("provisions")
        if not isinstance(raw_prov, dict):
            fail("provisions must be a mapping {regulation id: [eids]}")
        missing = [r for r in aligned if r not in raw_prov]
        if missing:
            fail(f"provisions lack {missing}: list every aligned regulation, [] where it has nothing on the topic")
        provisions: dict[str, tuple[Provision, ...]] = {}
        for reg_id in aligned:
            eids = raw_prov[reg_id] or []
            if not isinstance(eids, list):
                fail(f"provisions.{reg_id} must be a list of eids")
            if len(set(eids)) != len(eids):
                fail(f"provisions.{reg_id} lists an eid twice")
            provs = []
            for eid in eids:
                try:
                    provs.append(parse_eid(by_id[reg_id], eid))
                except ValueError as exc:
                    fail(f"provisions.{reg_id}: {exc}")
            for p in provs:
                for q in provs:
                    if p is not q and p.contains(q):
                        fail(f"provisions.{reg_id}: {q.eid} is already inside {p.eid}")
            provisions[reg_id] = tuple(provs)
        present = [r for r in aligned if provisions[r]]
        if not present:
            fail("no provision in any regulation")
        raw_pairs = t.get("pairs") or []
        if not isinstance(raw_pairs, list):
            fail("pairs must be a list")
        if len(present) >= 2 and not raw_pairs:
            fail(f"provisions in {present} but no pairs: add pairs with a kind")
        pairs = []
        seen_pairs = set()
        for k, raw in enumerate(raw_pairs, 1):
            if not isinstance(raw, dict):
                fail(f"pair #{k} is not a mapping")
            kind = raw.get("kind")
            if kind not in KINDS:
                fail(f"pair #{k}: kind must be one of {list(KINDS)}, got {kind!r}")
            regs_in_pair = [key for key in raw if key != "kind"]
            bad = [key for key in regs_in_pair if key not in aligned]
            if bad or len(regs_in_pair) != 2:
                fail(f"pair #{k}: needs exactly two aligned regulation ids besides kind, got {sorted(raw)}")
            ends = []
            for reg_id in regs_in_pair:
                try:
                    prov = parse_eid(by_id[reg_id], raw[reg_id])
                except ValueError as exc:
                    fail(f"pair #{k}: {reg_id}: {exc}")
                if not any(p.overlaps(prov) for p in provisions[reg_id]):
                    fail(f"pair #{k}: {reg_id} {prov.eid} is not among the topic's provisions")
                ends.append(prov)
            a, b = sorted(ends, key=lambda p: aligned.index(p.reg))
            if (a.eid, b.eid) in seen_pairs:
                fail(f"pair #{k} ({a.eid} ~ {b.eid}) listed twice")
            seen_pairs.add((a.eid, b.eid))
            sim = similarity(provision_text(by_id[a.reg], a), provision_text(by_id[b.reg], b))
            pairs.append(Pair(a, b, kind, round(sim, 3)))
        if len(present) < 2 and pairs:
            fail("pairs given but only one regulation has provisions")
        topics.append(Topic(tid, name["en"].strip(), name["zh"].strip(), provisions, tuple(pairs),
                            " ".join(note.split()), " ".join(str(t.get("note_zh") or "").split())))

    for reg_id in aligned:
        placed = {p.article for t in topics for p in t.provisions[reg_id]}
        unplaced = [a.number for a in by_id[reg_id].articles if a.number not in placed]
        if unplaced:
            raise AlignmentError(f"{where}: {reg_id} article(s) {unplaced} belong to no topic: "
                                 f"every article must be placed")
    return Alignment(tuple(topics), aligned, not_aligned)


def load_alignment(regs: tuple[Regulation, ...], corpus: Path = CORPUS) -> Alignment:
    path = corpus / "alignment.yaml"
    if not path.exists():
        return Alignment((), (), tuple(r.id for r in regs))
    return build_alignment(read_yaml(path), regs, str(path))


def contradictions(alignment: Alignment) -> list[str]:
    """Pairs whose curated kind the measured similarity contradicts (see EQUIVALENT_MIN, SIMILAR_MAX)."""
    out = []
    for t in alignment.topics:
        for p in t.pairs:
            if p.kind == "equivalent" and p.similarity < EQUIVALENT_MIN:
                out.append(f"{t.id}: {p.a.eid} ~ {p.b.eid} is 'equivalent' but similarity {p.similarity:.2f} "
                           f"< {EQUIVALENT_MIN}")
            if p.kind == "similar" and p.similarity > SIMILAR_MAX:
                out.append(f"{t.id}: {p.a.eid} ~ {p.b.eid} is 'similar' but similarity {p.similarity:.2f} "
                           f"> {SIMILAR_MAX}")
    return out


def report(alignment: Alignment, regs: tuple[Regulation, ...]) -> str:
    """Figures of the concordance: topics, pairs by kind, similarity distribution, coverage."""
    import statistics
    lines = [f"topics: {len(alignment.topics)}; aligned: {list(alignment.aligned)}; "
             f"not aligned yet: {list(alignment.not_aligned)}"]
    for reg_id in alignment.aligned:
        reg = next(r for r in regs if r.id == reg_id)
        placed = {p.article for t in alignment.topics for p in t.provisions[reg_id]}
        only = sum(1 for t in alignment.topics if t.only_in() == reg_id)
        on = sum(1 for t in alignment.topics if t.provisions[reg_id])
        lines.append(f"{reg_id}: {len(placed)}/{len(reg.articles)} articles placed; on {on} topics, {only} only here")
    pairs = [p for t in alignment.topics for p in t.pairs]
    for kind in KINDS:
        s = sorted(p.similarity for p in pairs if p.kind == kind)
        if s:
            q = statistics.quantiles(s, n=4) if len(s) > 1 else [s[0]] * 3
            lines.append(f"{kind}: {len(s)} pairs; similarity min {s[0]:.2f} q1 {q[0]:.2f} median {q[1]:.2f} "
                         f"q3 {q[2]:.2f} max {s[-1]:.2f}")
    lines.append(f"thresholds: equivalent >= {EQUIVALENT_MIN}, similar <= {SIMILAR_MAX}; "
                 f"contradictions: {contradictions(alignment) or 'none'}")
    return "\n".join(lines)


if __name__ == "__main__":
    from build_scripts.parse.corpus import load_all
    _regs = load_all()
    print(report(load_alignment(_regs), _regs))
