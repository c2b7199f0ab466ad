"""The citation rules interpreter: pure functions over the published rules (features/citations.py RULES plus
the regulations' aliases, `client_rules`) and structure (item counts of each paragraph, `structure`).

It reads only those two JSON values, so the site build (features/citations.py), the Markdown extension
(publish/markdown_links.py, which reads them from a built site's data/cite-rules.json) and the browser
(docs/assets/cite.js, which interprets the same rules) agree; tests/citation_cases.yaml is run against them.

    parse(text, rules)          a citation string -> {ok, reg, article, paragraph, item} or {ok: False, error}
    resolve(cite, struct)       a parsed citation -> {ok, matches: [{reg, article, paragraph, item, eid}]}
    find(text, rules, struct)   the citations inside running text: [(start, end, match)]
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from build_scripts.model.regulation import unit_eid

TRAILING = " ,;:.。，；：、"
OPENING = "《〈"    # a title mark just before a regulation's name belongs to the citation
SPACES = re.compile(r"\s+")
# An alias as client_rules writes it: rx_escape of a name, in (?<![a-z]) ... (?![a-z]) when it is Latin; group 1
# is the name, escaped.
_LIT_CHAR = r"(?:\\[.*+?^${}()|\[\]\\/-]|[^\\.*+?^${}()|\[\]/-])"    # a character as rx_escape writes it
LITERAL = re.compile(f"(?:\\(\\?<!\\[a-z\\]\\))?({_LIT_CHAR}+)(?:\\(\\?!\\[a-z\\]\\))?")
UNESCAPE = re.compile(r"\\(.)")
CITE_REACH = 48     # the longest citation after a regulation's name: ", article 123, paragraph 12, point (xii)"


def rx_escape(text: str) -> str:
    """Escape for a regular expression valid in both Python and JavaScript."""
    return re.sub(r"([.*+?^${}()|\[\]\\/-])", r"\\\1", text)


@dataclass(frozen=True)
class _Compiled:
    """A rules value's regular expressions, compiled once: `re`'s own cache holds 512 patterns, fewer than the
    aliases of a hundred regulations, so uncompiled they were compiled again on every call."""
    aliases: tuple[tuple[re.Pattern[str], str], ...]
    by_start: dict[str, tuple[int, ...]]    # the aliases (their index) that are a literal, by its first two characters
    other: tuple[int, ...]                  # the aliases that are not literals: tried on every text
    fillers: re.Pattern[str]
    trim: re.Pattern[str]
    patterns: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    trailing: re.Pattern[str]


_COMPILED: dict[int, tuple[dict[str, Any], _Compiled]] = {}


def _compiled(rules: dict[str, Any]) -> _Compiled:
    """The compiled form of a rules value, by identity (the value is kept, so its id is not reused). The rules are
    never changed once made (client_rules, or JSON read from a built site)."""
    hit = _COMPILED.get(id(rules))
    if hit is None or hit[0] is not rules:
        if len(_COMPILED) > 16:
            _COMPILED.clear()
        fillers = _fillers(rules)
        by_start: dict[str, list[int]] = {}
        other: list[int] = []
        for i, (pattern, _) in enumerate(rules["aliases"]):
            literal = LITERAL.fullmatch(pattern)
            if literal:
                by_start.setdefault(UNESCAPE.sub(r"\1", literal[1])[:2], []).append(i)
            else:
                other.append(i)
        hit = (rules, _Compiled(
            aliases=tuple((re.compile(pattern), reg_id) for pattern, reg_id in rules["aliases"]),
            by_start={k: tuple(ii) for k, ii in by_start.items()}, other=tuple(other),
            fillers=re.compile(fillers), trim=re.compile(rules["trim"]),
            patterns=tuple((re.compile(p["re"]), tuple(p["groups"])) for p in rules["patterns"]),
            trailing=re.compile(f"(?:{fillers})$|{TAIL}")))
        _COMPILED[id(rules)] = hit
    return hit[1]


def _candidates(c: _Compiled, text: str) -> list[tuple[re.Pattern[str], str]]:
    """The aliases that can match in text, in the rules' order: a literal alias whose first two characters are not
    in the text cannot (with a hundred regulations, most of their names are not tried at all)."""
    starts = {text[i:i + 2] for i in range(len(text))} | set(text)    # set(text): one-character aliases (赣)
    found = [i for k in starts for i in c.by_start.get(k, ())]
    return [c.aliases[i] for i in sorted(found + list(c.other))]


def normalise(text: str, rules: dict[str, Any]) -> str:
    out = unicodedata.normalize("NFKC", text).lower()
    for old, new in rules["replace"].items():
        out = out.replace(old, new)
    return out.strip()


def to_number(token: str, rules: dict[str, Any]) -> int:
    """'15' -> 15, 'iii' -> 3, '十五' -> 15, '一百零三' -> 103 (lenient: '一十五' -> 15)."""
    if token.isdigit():
        return int(token)
    num = rules["numerals"]
    if all(c in num["roman"] for c in token):
        total = 0
        for i, c in enumerate(token):
            v = num["roman"][c]
            total += -v if i + 1 < len(token) and num["roman"][token[i + 1]] > v else v
        return total
    total, digit = 0, 0
    for c in token:
        if c in num["digits"]:
            digit = num["digits"][c]
        elif c in num["units"]:
            total += (digit or 1) * num["units"][c]
            digit = 0
        else:
            raise ValueError(f"not a number: {token!r}")
    return total + digit


def parse(text: str, rules: dict[str, Any]) -> dict[str, Any]:
    """A citation string -> {ok, reg, article, paragraph, item} or {ok: False, error}. rules: client_rules()."""
    s = normalise(text, rules)
    if not s:
        return {"ok": False, "error": "empty"}
    c = _compiled(rules)
    reg = None
    for pattern, reg_id in _candidates(c, s):
        m = pattern.search(s)
        if m:
            reg = reg_id
            s = s[:m.start()] + " " + s[m.end():]
            break
    s = c.fillers.sub(" ", s)
    s = SPACES.sub(" ", s)
    s = c.trim.sub("", s)
    if not s:
        return {"ok": True, "reg": reg, "article": None, "paragraph": None, "item": None} if reg else \
            {"ok": False, "error": "unparseable"}
    for pattern, groups in c.patterns:
        m = pattern.search(s)
        if not m:
            continue
        out: dict[str, Any] = {"ok": True, "reg": reg, "article": None, "paragraph": None, "item": None}
        for name, value in zip(groups, m.groups(), strict=True):
            if value is not None and out[name] is None:
                out[name] = to_number(value, rules)
        return out
    return {"ok": False, "error": "unparseable"}


def resolve(cite: dict[str, Any], struct: dict[str, list[list[int]]]) -> dict[str, Any]:
    """A parsed citation -> {ok, matches: [{reg, article, paragraph, item, eid}]} or {ok: False, error}."""
    if not cite["ok"]:
        return cite
    matches, ambiguous = [], False
    for reg_id in ([cite["reg"]] if cite["reg"] else list(struct)):
        arts = struct[reg_id]
        art, para, item = cite["article"], cite["paragraph"], cite["item"]
        if art is None:
            matches.append({"reg": reg_id, "article": None, "paragraph": None, "item": None, "eid": None})
            continue
        if not 1 <= art <= len(arts):
            continue
        paras = arts[art - 1]
        if item is not None and para is None:
            with_items = [k for k, n in enumerate(paras, 1) if n]
            if len(with_items) > 1:
                ambiguous = True
                continue
            if not with_items:
                continue
            para = with_items[0]
        if para is not None and item is None and len(paras) == 1 and 1 < para <= paras[0]:
            para, item = 1, para     # Art. 9(3) of a one-paragraph article with items: its item (3)
        if para is not None and not 1 <= para <= len(paras):
            continue
        if item is not None and not 1 <= item <= paras[para - 1]:
            continue
        matches.append({"reg": reg_id, "article": art, "paragraph": para, "item": item,
                        "eid": unit_eid(art, para, item)})
    if matches:
        return {"ok": True, "matches": matches}
    return {"ok": False, "error": "ambiguous_item" if ambiguous else "not_found"}


def search_form(text: str, rules: dict[str, Any]) -> str:
    """`normalise` character by character, keeping the length (positions in it are positions in text): a
    character whose normal form is one character (Ｊ, ’, （) takes it, any other keeps its lower case."""
    out = []
    for c in text:
        n = unicodedata.normalize("NFKC", c).lower()
        n = rules["replace"].get(n, n)
        out.append(n if len(n) == 1 else (c.lower() if len(c.lower()) == 1 else c))
    return "".join(out)


def _fillers(rules: dict[str, Any]) -> str:
    zh = "|".join(rx_escape(w) for w in rules["filler_zh"])
    latin = "|".join(rx_escape(w) for w in rules["filler_latin"])
    return f"{zh}|(?<![a-z])(?:{latin})(?![a-z])"


TAIL = "[\\s,;:.。，；：、/]+$"     # punctuation the parser trims (rules: trim) at a candidate's end: "项</" is "项"


def _drop_trailing_filler(text: str, lower: str, start: int, name_end: int, end: int, cite: dict[str, Any],
                          rules: dict[str, Any]) -> int:
    """The end of a citation without the filler words and punctuation the parser skips after it (", then" is no
    part of 第（五）项, "的" no part of 第40条, "</" of "项</b>" neither): shortened while it still reads the same."""
    trailing = _compiled(rules).trailing
    while True:
        m = trailing.search(lower[start:end])
        if not m:
            return end
        shorter = start + len(text[start:start + m.start()].rstrip(TRAILING))
        if shorter <= name_end or parse(text[start:shorter], rules) != cite:
            return end
        end = shorter


def find(text: str, rules: dict[str, Any], struct: dict[str, list[list[int]]]) -> list[tuple[int, int, dict[str, Any]]]:
    """The citations inside running text: (start, end, match of `resolve`) for each regulation name (an alias
    of the rules) followed by a provision that `parse` reads and `resolve` finds, the longest such span first.
    A name without a provision after it, or a provision without a name, is no citation (第十五条 alone is in
    both regulations). docs/assets/cite.js (LexCite.find) walks the text the same way."""
    lower = search_form(text, rules)
    out: list[tuple[int, int, dict[str, Any]]] = []
    taken = 0
    starts = sorted({(m.start(), m.end()) for pattern, _ in _candidates(_compiled(rules), lower)
                     for m in pattern.finditer(lower)}, key=lambda se: (se[0], -se[1]))
    for start, name_end in starts:
        if start < taken:
            continue
        for end in range(min(len(text), name_end + CITE_REACH), name_end, -1):
            candidate = text[start:end].rstrip(TRAILING)
            if len(candidate) < end - start:
                continue            # the same citation is tried without its trailing punctuation
            cite = parse(candidate, rules)
            if not cite["ok"] or cite["article"] is None or cite["reg"] is None:
                continue
            found = resolve(cite, struct)
            if not found["ok"]:
                break               # the longest citation here names no provision: no shorter part of it is linked
            end = _drop_trailing_filler(text, lower, start, name_end, end, cite, rules)
            opened = start > 0 and text[start - 1] in OPENING     # 《江西省平安建设条例》: the mark is the title's
            out.append((start - 1 if opened else start, end, found["matches"][0]))
            taken = end
            break
    return out
