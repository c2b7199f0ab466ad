"""Cross-references inside the legal text, resolved on the structured data into target eids
before anything is rendered. Pure: a Regulation in, References out.

Recognised (NUM is a Chinese numeral, ITEM is NUM or （NUM）):

    本条例第NUM条[第NUM款][第ITEM项], 第NUM条[第NUM款][第ITEM项]   kind article | paragraph | item
    本条[第NUM款][第ITEM项]                                    this_article | paragraph | item
    第NUM款[第ITEM项] (this article), 第ITEM项 (this paragraph)  paragraph | item
    前款[第ITEM项][规定]                                         preceding_paragraph | item
    前两款 / 前三款                                              preceding_paragraphs
    前条, 本款, 本项                                             preceding_article | this_paragraph | this_item
    下列… (下列职责, 下列情形之一 …)                              list: the items that follow, or the
                                                                 inline list after a colon in the same unit
    本条例                                                       regulation (the whole text; no eid)
    《title》                                                    regulation (this one's own title),
                                                                 repealed_law (the law this regulation
                                                                 repeals: target = the repealing unit) or
                                                                 external_law (any other law: no target;
                                                                 shown as not held by this edition)

A reference into this regulation that names nothing that exists (第九十条 in a 63-article text,
前款 in a first paragraph, a provision of the repealed law) raises ReferenceError naming file and
article: the build stops rather than publish a dead link. Another law cited by title is not an error:
a newly added regulation may cite national laws this edition does not hold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NoReturn

from build_scripts.model.numerals import article_number, to_int
from build_scripts.model.regulation import Regulation, Unit, item_eid, para_eid, parse_eid, units
from build_scripts.parse.corpus import CorpusError, facts_from_text

NUM = r"[零一二三四五六七八九十百两]+"
ITEM = rf"(?:{NUM}|（{NUM}）|\({NUM}\))"  # half-width (一) as written in some sources
PATTERN = re.compile(
    rf"(?P<law>《(?P<law_title>[^》\n]{{1,80}})》(?P<law_tail>第{NUM}条(?:之{NUM})?(?:第{NUM}款)?(?:第{ITEM}项)?)?)"
    rf"|(?P<art>(?:本条例)?第(?P<art_n>{NUM})条(?:之(?P<art_ins>{NUM}))?(?:第(?P<art_p>{NUM})款)?(?:第(?P<art_i>{ITEM})项)?)"
    rf"|(?P<this_art>本条(?!例)(?:第(?P<this_art_p>{NUM})款)?(?:第(?P<this_art_i>{ITEM})项)?)"
    rf"|(?P<prev_paras>前(?P<prev_n>[两二三四])款)"
    rf"|(?P<prev_para>前款(?:第(?P<prev_para_i>{ITEM})项)?(?:规定)?)"
    rf"|(?P<prev_art>前条)"
    rf"|(?P<this_para>本款(?:第(?P<this_para_i>{ITEM})项)?)"
    rf"|(?P<this_item>本项)"
    rf"|(?P<para>第(?P<para_n>{NUM})款(?:第(?P<para_i>{ITEM})项)?)"
    rf"|(?P<item>第(?P<item_n>{ITEM})项)"
    rf"|(?P<list>下列(?:情形之一|[\u4e00-\u9fff]{{2}}))"
    rf"|(?P<reg>本条例)"
)
TAIL = re.compile(rf"第(?P<n>{NUM})条(?:之(?P<ins>{NUM}))?(?:第(?P<p>{NUM})款)?(?:第(?P<i>{ITEM})项)?")
KINDS = ("article", "paragraph", "item", "this_article", "this_paragraph", "this_item", "preceding_article",
         "preceding_paragraph", "preceding_paragraphs", "list", "regulation", "repealed_law", "external_law")


class ReferenceError(CorpusError):
    """A reference in the text that names nothing: stops the build."""


@dataclass(frozen=True)
class Reference:
    text: str                       # the reference as it stands in the unit, e.g. 前款
    start: int                      # offset in the unit's text
    kind: str                       # one of KINDS
    regulation: str                 # id of the regulation the target lies in
    target: str | None              # eid the link points to; None for kinds "regulation" and "external_law"
    targets: tuple[str, ...] = ()   # every unit referred to (前两款: both paragraphs; 下列: the items)
    source: str = ""                # eid of the unit the reference stands in
    note: dict[str, Any] = field(default_factory=dict, compare=False)   # repealed_law: {law, article, effective}

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "kind": self.kind, "target": self.target,
                "targets": list(self.targets), **({"repealed": self.note} if self.note else {})}


def _num(value: str) -> int:
    return to_int(value.strip("（）()"))


def _opt(value: str | None) -> int | None:
    return _num(value) if value else None


def repealed_law(reg: Regulation) -> dict[str, Any] | None:
    """The law this regulation repeals, as its last article states it, with the repealing unit."""
    facts = facts_from_text(reg)["repeals"]
    if not facts:
        return None
    art = reg.article(facts["article"])
    for u in units((art,)):
        if f"《{facts['zh']}》" in u.zh:
            return {"law": facts["zh"], "article": art.number, "eid": u.eid, "effective": reg.meta.effective}
    raise ReferenceError(f"{reg.source_path}: {art.label}: repeal clause of 《{facts['zh']}》 not found in one unit")


class _Resolver:
    def __init__(self, reg: Regulation, unit: Unit):
        self.reg, self.unit = reg, unit
        self.art = reg.article(unit.article)

    def fail(self, text: str, why: str) -> NoReturn:
        raise ReferenceError(f"{self.reg.source_path}: {self.art.label} (Article {self.art.number}), unit "
                             f"{self.unit.eid}: cannot resolve reference {text!r}: {why}")

    def unit_eid(self, text: str, article: int, paragraph: int | None = None, item: int | None = None) -> str:
        try:
            art = self.reg.article(article)
        except KeyError:
            self.fail(text, f"no such article; the regulation has {len(self.reg.articles)} articles")
        if paragraph is None:
            if item is None:
                return art.eid
            if len(art.paragraphs) != 1:
                self.fail(text, f"an item without a paragraph in {art.label}, which has several paragraphs")
            paragraph = 1
        if not 1 <= paragraph <= len(art.paragraphs):
            self.fail(text, f"{art.label} has {len(art.paragraphs)} paragraph(s)")
        if item is None:
            return para_eid(article, paragraph)
        para = art.paragraphs[paragraph - 1]
        if not 1 <= item <= len(para.items):
            self.fail(text, f"{art.label} paragraph {paragraph} has {len(para.items)} item(s)")
        return item_eid(article, paragraph, item)

    def resolve(self, m: re.Match[str], repealed: dict[str, Any] | None) -> Reference:
        u, text, g = self.unit, m.group(), m.groupdict()
        here: dict[str, Any] = dict(text=text, start=m.start(), regulation=self.reg.id, source=u.eid)

        def ref(kind: str, *targets: str, target: str | None = None, **extra: Any) -> Reference:
            return Reference(kind=kind, target=target or (targets[0] if targets else None),
                             targets=tuple(targets), **here, **extra)

        def kind_of(p: int | None, i: int | None) -> str:
            return "item" if i else "paragraph" if p else "article"

        if g["law"]:
            title = g["law_title"]
            if title == self.reg.meta.title_zh:
                if g["law_tail"]:
                    t = TAIL.fullmatch(g["law_tail"])
                    assert t is not None  # the reference pattern only lets a well-formed tail through
                    p = _num(t["p"]) if t["p"] else None
                    i = _num(t["i"]) if t["i"] else None
                    n = article_number(_num(t["n"]), _num(t["ins"]) if t["ins"] else 0)
                    return ref(kind_of(p, i), self.unit_eid(text, n, p, i))
                return ref("regulation")
            if repealed and title == repealed["law"]:
                if g["law_tail"]:
                    self.fail(text, "a provision of a repealed law, which this edition does not hold")
                return ref("repealed_law", repealed["eid"],
                           note={k: repealed[k] for k in ("law", "article", "effective")})
            return ref("external_law")
        if g["art"]:
            p, i = _opt(g["art_p"]), _opt(g["art_i"])
            n = article_number(_num(g["art_n"]), _num(g["art_ins"]) if g["art_ins"] else 0)
            return ref(kind_of(p, i), self.unit_eid(text, n, p, i))
        if g["this_art"]:
            p, i = _opt(g["this_art_p"]), _opt(g["this_art_i"])
            return ref("this_article" if not (p or i) else kind_of(p, i), self.unit_eid(text, u.article, p, i))
        if g["prev_paras"]:
            n = _num(g["prev_n"])
            if u.paragraph - n < 1:
                self.fail(text, f"stands in paragraph {u.paragraph}: there are not {n} paragraphs before it")
            return ref("preceding_paragraphs", *(self.unit_eid(text, u.article, k)
                                                 for k in range(u.paragraph - n, u.paragraph)))
        if g["prev_para"]:
            if u.paragraph < 2:
                self.fail(text, "stands in the first paragraph: there is no preceding paragraph")
            i = _opt(g["prev_para_i"])
            return ref("item" if i else "preceding_paragraph", self.unit_eid(text, u.article, u.paragraph - 1, i))
        if g["prev_art"]:
            before, _ = self.reg.neighbours(self.art)   # by position: 第十二条's 前条 may be 第十一条之一
            if before is None:
                self.fail(text, "stands in the first article: there is no preceding article")
            return ref("preceding_article", self.unit_eid(text, before.number))
        if g["this_para"]:
            i = _opt(g["this_para_i"])
            return ref("item" if i else "this_paragraph", self.unit_eid(text, u.article, u.paragraph, i))
        if g["this_item"]:
            if u.item is None:
                self.fail(text, "本项 outside an item")
            return ref("this_item", u.eid)
        if g["para"]:
            p, i = _num(g["para_n"]), _opt(g["para_i"])
            return ref(kind_of(p, i), self.unit_eid(text, u.article, p, i))
        if g["item"]:
            return ref("item", self.unit_eid(text, u.article, u.paragraph, _num(g["item_n"])))
        if g["list"]:
            para = self.art.paragraphs[u.paragraph - 1]
            if u.item is None and para.items:
                pid = para_eid(u.article, u.paragraph)
                return ref("list", *(item_eid(u.article, u.paragraph, it.number) for it in para.items), target=pid)
            if "：" in u.zh[m.end():]:
                return ref("list", u.eid)   # inline list after a colon in the same unit
            self.fail(text, "no list follows (no items in this paragraph, no colon after it)")
        if g["reg"]:
            return ref("regulation")
        raise AssertionError(text)  # pragma: no cover - every alternative is handled above


def resolve_unit(reg: Regulation, unit: Unit, repealed: dict[str, Any] | None = None) -> tuple[Reference, ...]:
    resolver = _Resolver(reg, unit)
    return tuple(resolver.resolve(m, repealed) for m in PATTERN.finditer(unit.zh))


def resolve(reg: Regulation) -> dict[str, tuple[Reference, ...]]:
    """eid -> references standing in that unit (document order), for every unit of the regulation."""
    repealed = repealed_law(reg)
    return {u.eid: resolve_unit(reg, u, repealed) for u in units(reg.articles)}


def incoming(refs: dict[str, tuple[Reference, ...]]) -> dict[int, list[Reference]]:
    """Article number -> references from elsewhere that point into it. References to the whole
    regulation and a unit's references to itself (an inline 下列 list, a repeal clause) are left out."""
    out: dict[int, list[Reference]] = {}
    for eid, rs in refs.items():
        for r in rs:
            if r.target is None or r.target == eid:
                continue
            out.setdefault(parse_eid(r.target)[0], []).append(r)
    return out
