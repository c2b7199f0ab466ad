"""Cross-references inside the legal text, resolved on the structured data into target eids
before anything is rendered. Pure: a Regulation in, References out.

The text is read as a lawyer reads it. First the atoms (NUM is a Chinese numeral, ITEM is NUM or （NUM）;
NUM、NUM is a compact list such as 第四、五项):

    本条例 (本办法, 本规定, 本细则)   本条   前条   本款   前款   前两款/前三款   本项   下列…   《title》
    第NUM条[之NUM]   第NUM款   第ITEM项

Atoms that touch form one reference, from the largest unit to the smallest: 本条例第十四条第一项,
前款第二项, 本条第一款第一项, 前条第二款, 《…》第三十条第二款. Then the rules:

1. A list inherits from the member before it everything above its own first unit. In
   本条例第十四条第一项、第三项 the 第三项 is item 3 of Article 14; in 第二十七条第一款、第三款 the 第三款 is
   paragraph 3 of Article 27; in 前款第二项、第三项 both are items of the preceding paragraph; in
   第十八条第一项、第四项或者第十九条第一项 the last member names its own article. Members are joined by
   、 和 或者 或 以及 及 与, or by ， when nothing stands between the two references
   (第二十条第一款，第二款第一项 is paragraph 2 of Article 20).
2. A range 第一项至第五项, 第五条至第九条, 本条第一款第一项至第五项 keeps both ends in the same article and
   paragraph: one reference whose targets are every unit from the first to the last (like 前两款).
3. A bare 第N项 (no article, no paragraph named) is an item of:
   - in an item, the one article named in the lead of its paragraph or earlier in the item
     (违反本条例第三十条规定的…：（三）违反第八项规定的 is item 8 of Article 30); the items of its own
     paragraph where nothing is named there;
   - in a paragraph without items, the one article named earlier in that paragraph
     (违反第十二条规定…；逾期未改正，违反第一项、第二项…规定的);
   - in a paragraph with items, those items, if no article is named earlier in it.
   Where two provisions are named, or none where one is needed, the reference is not resolved.
4. 第N条第M项 (no paragraph) is item M of the one paragraph of Article N that holds items.
5. A provision of another law is never resolved into this one: 《中华人民共和国…法》第三十条,
   《…条例》第十条第二款、第三款 (the list inherits the other law), 第五十八条、第五十九条 after 《专利法》,
   依照…法第…条, 有关法律第…条, 该法第…条. It stays as text (kind external_law, no target). So does a
   provision of the law this regulation repeals (《repealed》第三条).

Kinds: article | paragraph | item (numbered; ranges and compact lists carry several targets), this_article
(本条), this_paragraph (本款), this_item (本项), preceding_article (前条), preceding_paragraph (前款),
preceding_paragraphs (前两款: every paragraph in targets), list (下列…: the items that follow, or the inline list
after a colon in the same unit), regulation (本条例, this one's own 《title》: no eid), repealed_law (《the law this
regulation repeals》: target = the repealing unit) and external_law (no target; `law` names the other law).

A reference that names nothing that exists (第九十条 in a 63-article text, 前款 in a first paragraph, an item
of an article whose items stand in two paragraphs) is not resolved and never linked to a guess: it keeps
its kind, has no target and says why (`reason`). `notices()` turns each into one line `path:line: …; why`;
the build prints them, and a strict build (`--strict`, or strict_references in meta.yaml) stops on them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from build_scripts.model.han import CHARS
from build_scripts.model.numerals import article_number, to_int
from build_scripts.model.regulation import Article, Regulation, Unit, item_eid, para_eid, parse_eid, units
from build_scripts.parse.corpus import CorpusError, facts_from_text

NUM = r"[零一二三四五六七八九十百两]+"
ITEM = rf"(?:{NUM}|（{NUM}）|\({NUM}\))"  # half-width (一) as written in some sources
NUMS = rf"{NUM}(?:、{NUM})*"
ITEMS = rf"{ITEM}(?:、{ITEM})*"
SELF_NAMES = ("本条例", "本办法", "本规定", "本细则")
PATTERN = re.compile(
    rf"(?P<law>《(?P<law_title>[^》\n]{{1,80}})》)"
    rf"|(?P<reg>{'|'.join(SELF_NAMES)})"
    rf"|(?P<this_art>本条)"
    rf"|(?P<prev_art>前条)"
    rf"|(?P<this_para>本款)"
    rf"|(?P<prev_paras>前(?P<prev_n>[两二三四])款)"
    rf"|(?P<prev_para>前款)"
    rf"|(?P<this_item>本项)"
    rf"|(?P<list>下列(?:情形之一|[{CHARS}]{{2}}))"
    rf"|第(?P<a>{NUMS})条(?:之(?P<ins>{NUM}))?"
    rf"|第(?P<p>{NUMS})款"
    rf"|第(?P<i>{ITEMS})项"
)
HEAD_TAKES = {"law": "a", "reg": "a", "this_art": "pi", "prev_art": "pi", "this_para": "i", "prev_para": "i"}
LEVEL = {"a": 1, "p": 2, "i": 3}
LIST_SEPS = frozenset({"、", "和", "或者", "或", "以及", "及", "与", "，"})
# another law named without 《》 right before 第…条: 依照…法第…条, 有关法律第…条, 该法第…条
EXTERNAL_BEFORE = re.compile(r"(?:法典|(?<![依违执非合守方做用设无本办])法|(?<!本)条例|法律|法规)$")
LAW_NAME = re.compile(f"[{CHARS}、]{{1,40}}$")
VERBS = re.compile(r"^.*(?:依照|按照|根据|违反|适用|依据|参照|对照|执行|符合|由|及|和|或者)")
KINDS = ("article", "paragraph", "item", "this_article", "this_paragraph", "this_item", "preceding_article",
         "preceding_paragraph", "preceding_paragraphs", "list", "regulation", "repealed_law", "external_law")


class ReferenceError(CorpusError):
    """A reference that names nothing, in a strict build: stops the build."""


@dataclass(frozen=True)
class Reference:
    text: str                       # the reference as it stands in the unit, e.g. 前款
    start: int                      # offset in the unit's text
    kind: str                       # one of KINDS
    regulation: str                 # id of the regulation the target lies in
    target: str | None              # eid the link points to; None for regulation, external_law and unresolved
    targets: tuple[str, ...] = ()   # every unit referred to (前两款: both paragraphs; 下列: the items; ranges)
    source: str = ""                # eid of the unit the reference stands in
    note: dict[str, Any] = field(default_factory=dict, compare=False)   # repealed_law: {law, article, effective}
    reason: str | None = None       # why it names nothing that exists (then target is None): never linked
    law: str | None = None          # external_law: the other law as named (title, or 有关法律 …)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def resolved(self) -> bool:
        return self.reason is None

    def json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "kind": self.kind, "target": self.target,
                "targets": list(self.targets), **({"repealed": self.note} if self.note else {}),
                **({"law": self.law} if self.law else {}), **({"unresolved": self.reason} if self.reason else {})}


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


# ------------------------------------------------------------------ reading: atoms -> paths -> chains

@dataclass
class _Path:
    """Touching atoms: an optional head (本条例, 前款, 《…》 …) then 第…条, 第…款, 第…项, largest first."""
    start: int
    end: int
    head: str | None = None         # a PATTERN group name
    title: str | None = None        # law: the title inside 《》
    prev_n: int = 0                 # prev_paras: 两 -> 2
    a: tuple[str, ...] = ()         # numerals as written (several in a compact list 第五、六条)
    ins: str | None = None
    p: tuple[str, ...] = ()
    i: tuple[str, ...] = ()

    @property
    def top(self) -> str | None:
        """The largest numbered unit when there is no head: a, p or i."""
        return None if self.head else ("a" if self.a else "p" if self.p else "i")

    @property
    def levels(self) -> str:
        return "".join(x for x in "api" if getattr(self, x))


def _paths(text: str) -> list[_Path]:
    out: list[_Path] = []
    for m in PATTERN.finditer(text):
        level = next((x for x in "api" if m.group(x)), None)
        cur = out[-1] if out else None
        if (level and cur is not None and cur.end == m.start() and
                (cur.head is None or cur.levels or level in HEAD_TAKES.get(cur.head, "")) and
                LEVEL[level] > max((LEVEL[x] for x in cur.levels), default=0)):
            pass                     # extends the path before: 本条例 + 第十条, 第十条 + 第二款
        else:
            cur = _Path(m.start(), m.end())
            out.append(cur)
            if not level:
                cur.head = next(k for k in ("law", "reg", "this_art", "prev_art", "this_para", "prev_paras",
                                            "prev_para", "this_item", "list") if m.group(k))
                cur.title = m.group("law_title")
                cur.prev_n = to_int(m.group("prev_n")) if m.group("prev_n") else 0
                continue
        cur.end = m.end()
        if level == "a":
            cur.a, cur.ins = tuple(m.group("a").split("、")), m.group("ins")
        elif level == "p":
            cur.p = tuple(m.group("p").split("、"))
        elif level == "i":
            cur.i = tuple(m.group("i").split("、"))
    for path in out:   # 前款规定, 前款第（二）项规定: the word is part of the reference as the text says it
        if path.head == "prev_para" and not path.a and text.startswith("规定", path.end):
            path.end += 2
    return out


@dataclass(frozen=True)
class _Pos:
    """Where a reference leads, as far as it is known: what a list member after it inherits."""
    scope: str                      # self | external | unresolved
    article: Article | None = None
    paragraph: int | None = None
    law: str | None = None
    reason: str | None = None


class _Unresolved(Exception):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def _num(value: str) -> int:
    try:
        return to_int(value.strip("（）()"))
    except ValueError:
        raise _Unresolved(f"{value!r} is no numeral") from None


class _Resolver:
    def __init__(self, reg: Regulation, unit: Unit, repealed: dict[str, Any] | None):
        self.reg, self.unit, self.repealed = reg, unit, repealed
        self.art = reg.article(unit.article)
        self.para = self.art.paragraphs[unit.paragraph - 1]

    # ---------------------------------------------------------------- positions -> eids
    def article(self, a: str, ins: str | None) -> Article:
        n = article_number(_num(a), _num(ins) if ins else 0)
        try:
            return self.reg.article(n)
        except KeyError:
            raise _Unresolved(f"no such article; the regulation has {len(self.reg.articles)} articles") from None

    @staticmethod
    def paragraph(art: Article, p: int) -> int:
        if not 1 <= p <= len(art.paragraphs):
            raise _Unresolved(f"{art.label} has {len(art.paragraphs)} paragraph(s)")
        return p

    @staticmethod
    def holding_items(art: Article) -> int:
        """第N条第M项 names no paragraph: the one paragraph of the article that holds items."""
        if len(art.paragraphs) == 1:
            return 1
        holders = [p.number for p in art.paragraphs if p.items]
        if len(holders) != 1:
            raise _Unresolved(f"an item without a paragraph in {art.label}, which has {len(art.paragraphs)} "
                              f"paragraphs, {len(holders)} of them with items")
        return holders[0]

    @staticmethod
    def item(art: Article, p: int, i: int) -> str:
        para = art.paragraphs[p - 1]
        if not 1 <= i <= len(para.items):
            raise _Unresolved(f"{art.label} paragraph {p} has {len(para.items)} item(s)")
        return item_eid(art.num, p, i)

    # ---------------------------------------------------------------- one path
    def base(self, path: _Path, inherit: _Pos | None, named: list[_Pos]) -> _Pos:
        """The position a path's numbers are read in: its head, the list member before it, or the unit."""
        u = self.unit
        head = path.head
        if head == "law":
            if path.title == self.reg.meta.title_zh:
                return _Pos("self")
            return _Pos("external", law=f"《{path.title}》")
        if head == "reg":
            return _Pos("self")
        if head == "this_art":
            return _Pos("self", self.art)
        if head == "prev_art":
            before, _ = self.reg.neighbours(self.art)   # by position: 第十二条's 前条 may be 第十一条之一
            if before is None:
                raise _Unresolved("stands in the first article: there is no preceding article")
            return _Pos("self", before)
        if head == "this_para":
            return _Pos("self", self.art, u.paragraph)
        if head == "prev_para":
            if u.paragraph < 2:
                raise _Unresolved("stands in the first paragraph: there is no preceding paragraph")
            return _Pos("self", self.art, u.paragraph - 1)
        top = path.top
        if inherit is not None:              # a list member or the end of a range
            if inherit.scope == "unresolved" and top == "a":
                return _Pos("self")          # names its own article; only another law's name could pass on
            if inherit.scope == "unresolved":
                raise _Unresolved(f"continues a reference that is not resolved ({inherit.reason})")
            if top == "a":
                return _Pos(inherit.scope, law=inherit.law)
            if top == "p":
                return _Pos(inherit.scope, inherit.article, law=inherit.law)
            return inherit
        if top == "a":
            return _Pos("self")
        if top == "p":
            return _Pos("self", self.art)
        return self.bare_item_base(named)

    def bare_item_base(self, named: list[_Pos]) -> _Pos:
        """A bare 第N项: whose items it counts (rule 3 of the module docstring)."""
        u = self.unit
        arts: dict[str, list[_Pos]] = {}
        for pos in named:
            key = (pos.law or "") if pos.scope == "external" else (pos.article.num if pos.article else "")
            arts.setdefault(key, []).append(pos)
        if len(arts) > 1:
            names = "、".join(k if k.startswith("《") or not k[:1].isdigit() else f"Article {k}" for k in arts)
            raise _Unresolved(f"a bare item after several provisions ({names}): whose item it is is not certain")
        if arts:
            (poss,) = arts.values()
            if u.item is None and self.para.items:
                raise _Unresolved("a bare item in a paragraph with items of its own, after another provision: "
                                  "whose item it is is not certain")
            if poss[0].scope == "external":
                return poss[0]
            paras = {p.paragraph for p in poss if p.paragraph is not None}
            return _Pos("self", poss[0].article, paras.pop() if len(paras) == 1 else None)
        if not self.para.items:
            raise _Unresolved(f"{self.art.label} paragraph {u.paragraph} has no items, and no article is named "
                              "before it")
        return _Pos("self", self.art, u.paragraph)

    def targets(self, path: _Path, pos: _Pos) -> tuple[_Pos, str, list[str]]:
        """Apply the path's numbers to its base: (position after it, kind, target eids)."""
        levels = path.levels
        if pos.scope == "external":
            return pos, "external_law", []
        if not levels:
            raise AssertionError(path)  # pragma: no cover - heads without numbers are handled by the caller
        for x in levels[:-1]:
            if len(getattr(path, x)) > 1:
                raise _Unresolved("a compact list (、) before the smallest unit")
        art, para = pos.article, pos.paragraph
        kind = {"a": "article", "p": "paragraph", "i": "item"}[levels[-1]]
        if "a" in levels:
            arts = [self.article(a, path.ins) for a in path.a]
            if levels == "a":
                return _Pos("self", arts[-1]), kind, [x.eid for x in arts]
            art, para = arts[0], None
        if art is None:
            raise _Unresolved("a paragraph or item after a reference to no article")
        if "p" in levels:
            paras = [self.paragraph(art, _num(p)) for p in path.p]
            if levels[-1] == "p":
                return _Pos("self", art, paras[-1]), kind, [para_eid(art.num, p) for p in paras]
            para = paras[0]
        if para is None:
            para = self.holding_items(art)
        return _Pos("self", art, para), kind, [self.item(art, para, _num(i)) for i in path.i]

    def span(self, a: _Pos, kinds: tuple[str, str], ta: list[str], tb: list[str]) -> list[str]:
        """Every unit from the first end of a range to the last, both ends in one article and paragraph."""
        if kinds[0] != kinds[1] or len(ta) != 1 or len(tb) != 1:
            raise _Unresolved("a range whose two ends are not units of one kind")
        if kinds[0] == "article":
            arts = self.reg.articles
            i, j = arts.index(self.reg.article(parse_eid(ta[0])[0])), arts.index(self.reg.article(parse_eid(tb[0])[0]))
            if j < i:
                raise _Unresolved("a range that runs backwards")
            return [x.eid for x in arts[i:j + 1]]
        (an, ap, ai), (bn, bp, bi) = parse_eid(ta[0]), parse_eid(tb[0])
        if kinds[0] == "paragraph":
            if an != bn or bp is None or ap is None or bp < ap:
                raise _Unresolved("a range of paragraphs that is not within one article, in order")
            assert a.article is not None
            return [para_eid(a.article.num, k) for k in range(ap, bp + 1)]
        if (an, ap) != (bn, bp) or ai is None or bi is None or bi < ai or ap is None:
            raise _Unresolved("a range of items that is not within one paragraph, in order")
        assert a.article is not None
        return [item_eid(a.article.num, ap, k) for k in range(ai, bi + 1)]

    # ---------------------------------------------------------------- the unit
    def resolve(self, lead: tuple[_Pos, ...] = ()) -> tuple[tuple[Reference, ...], tuple[_Pos, ...]]:
        """The unit's references, and the provisions they name (for the bare items of the unit's items).
        lead: the provisions the lead of an item's paragraph names."""
        u, text = self.unit, self.unit.zh
        out: list[Reference] = []
        named: list[_Pos] = list(lead)
        paths = _paths(text)
        prev: tuple[_Path, _Pos] | None = None
        k = 0
        while k < len(paths):
            path = paths[k]
            gap = text[prev[0].end:path.start] if prev else None
            inherit = prev[1] if prev and path.head is None and gap in LIST_SEPS else None
            nxt = paths[k + 1] if k + 1 < len(paths) else None
            is_range = (nxt is not None and nxt.head is None and text[path.end:nxt.start] == "至"
                        and path.head not in ("prev_paras", "this_item", "list") and bool(path.levels))
            last = nxt if is_range and nxt is not None else path
            ref_text = text[path.start:last.end]
            here: dict[str, Any] = dict(text=ref_text, start=path.start, regulation=self.reg.id, source=u.eid)
            try:
                ref, pos = self.one(path, inherit, named, here, text)
                if is_range and nxt is not None:
                    end_ref, end_pos = self.one(nxt, pos, named, here, text)
                    if end_ref.kind == "external_law" or ref.kind == "external_law":
                        ref, pos = Reference(kind="external_law", target=None, law=pos.law, **here), pos
                    else:
                        span = self.span(pos, (ref.kind, end_ref.kind), list(ref.targets), list(end_ref.targets))
                        ref, pos = Reference(kind=ref.kind, target=span[0], targets=tuple(span), **here), end_pos
            except _Unresolved as exc:
                kind = _kind_as_read(path, last)
                ref, pos = Reference(kind=kind, target=None, reason=exc.why, **here), _Pos("unresolved",
                                                                                           reason=exc.why)
            out.append(ref)
            if _names_provision(ref) or (ref.kind == "external_law" and path.levels):
                named.append(pos)   # what a later bare 第N项 may count the items of
            prev = (last, pos)
            k += 2 if is_range else 1
        return tuple(out), tuple(named)

    def one(self, path: _Path, inherit: _Pos | None, named: list[_Pos], here: dict[str, Any],
            text: str) -> tuple[Reference, _Pos]:
        u, head = self.unit, path.head
        if head == "law" and not path.levels and path.title != self.reg.meta.title_zh:
            if self.repealed and path.title == self.repealed["law"]:
                return Reference(kind="repealed_law", target=self.repealed["eid"], targets=(self.repealed["eid"],),
                                 note={k: self.repealed[k] for k in ("law", "article", "effective")},
                                 **here), _Pos("external", law=f"《{path.title}》")
            return Reference(kind="external_law", target=None, law=f"《{path.title}》", **here), \
                _Pos("external", law=f"《{path.title}》")
        if head in ("law", "reg") and not path.levels:
            return Reference(kind="regulation", target=None, **here), _Pos("self")
        if head == "prev_paras":
            n = path.prev_n
            if u.paragraph - n < 1:
                raise _Unresolved(f"stands in paragraph {u.paragraph}: there are not {n} paragraphs before it")
            eids = tuple(para_eid(self.art.num, k) for k in range(u.paragraph - n, u.paragraph))
            return Reference(kind="preceding_paragraphs", target=eids[0], targets=eids, **here), _Pos("self", self.art)
        if head == "this_item":
            if u.item is None:
                raise _Unresolved("本项 outside an item")
            return Reference(kind="this_item", target=u.eid, targets=(u.eid,), **here), _Pos("self", self.art,
                                                                                               u.paragraph)
        if head == "list":
            if u.item is None and self.para.items:
                eids = tuple(item_eid(self.art.num, u.paragraph, it.number) for it in self.para.items)
                return Reference(kind="list", target=para_eid(self.art.num, u.paragraph), targets=eids,
                                 **here), _Pos("self", self.art, u.paragraph)
            if "：" in text[path.end:]:
                return Reference(kind="list", target=u.eid, targets=(u.eid,), **here), _Pos("self", self.art)
            raise _Unresolved("no list follows (no items in this paragraph, no colon after it)")
        if path.top == "a" and inherit is None and EXTERNAL_BEFORE.search(text[:path.start]):
            name = LAW_NAME.search(text[:path.start])
            law = VERBS.sub("", name.group()) if name else None
            return Reference(kind="external_law", target=None, law=law or None, **here), _Pos("external", law=law)
        pos = self.base(path, inherit, named)
        if not path.levels:    # 本条, 前条, 本款, 前款
            kind = {"this_art": "this_article", "prev_art": "preceding_article", "this_para": "this_paragraph",
                    "prev_para": "preceding_paragraph"}[head or ""]
            assert pos.article is not None
            eid = pos.article.eid if pos.paragraph is None else para_eid(pos.article.num, pos.paragraph)
            return Reference(kind=kind, target=eid, targets=(eid,), **here), pos
        after, kind, found = self.targets(path, pos)
        if kind == "external_law":
            return Reference(kind=kind, target=None, law=after.law, **here), after
        return Reference(kind=kind, target=found[0], targets=tuple(found), **here), after


def _kind_as_read(path: _Path, last: _Path) -> str:
    if path.head == "law" and path.levels:
        return "external_law"
    levels = last.levels or path.levels
    if levels:
        return {"a": "article", "p": "paragraph", "i": "item"}[levels[-1]]
    return {"law": "external_law", "reg": "regulation", "this_art": "this_article", "prev_art": "preceding_article",
            "this_para": "this_paragraph", "prev_para": "preceding_paragraph", "prev_paras": "preceding_paragraphs",
            "this_item": "this_item", "list": "list"}[path.head or "list"]


def _names_provision(r: Reference) -> bool:
    """A reference that names a provision whose items a later bare 第N项 may count (not 下列, 本条例, 本项)."""
    return r.resolved and r.kind in ("article", "paragraph", "item", "preceding_paragraph", "this_paragraph")


def _lead(reg: Regulation, unit: Unit, repealed: dict[str, Any] | None) -> tuple[_Pos, ...]:
    """The provisions named in the lead of an item's paragraph."""
    art = reg.article(unit.article)
    lead = Unit(para_eid(art.num, unit.paragraph), unit.article, unit.paragraph, None,
                art.paragraphs[unit.paragraph - 1].text)
    return _Resolver(reg, lead, repealed).resolve()[1]


def resolve_unit(reg: Regulation, unit: Unit, repealed: dict[str, Any] | None = None) -> tuple[Reference, ...]:
    """The references standing in one unit (an item's bare 第N项 reads its paragraph's lead too)."""
    lead = _lead(reg, unit, repealed) if unit.item is not None else ()
    return _Resolver(reg, unit, repealed).resolve(lead)[0]


def resolve(reg: Regulation) -> dict[str, tuple[Reference, ...]]:
    """eid -> references standing in that unit (document order), for every unit of the regulation."""
    repealed = repealed_law(reg)
    out: dict[str, tuple[Reference, ...]] = {}
    lead: tuple[_Pos, ...] = ()
    for u in units(reg.articles):
        refs, named = _Resolver(reg, u, repealed).resolve(lead if u.item is not None else ())
        out[u.eid] = refs
        if u.item is None:
            lead = named
    return out


def unresolved(refs: dict[str, tuple[Reference, ...]]) -> list[Reference]:
    return [r for rs in refs.values() for r in rs if not r.resolved]


def source_line(reg: Regulation, r: Reference, source: str | None = None) -> int:
    """The source line the reference stands on: the line its unit starts on, followed through the hard
    line breaks of a wrapped source when its text (source.txt as read) is given."""
    a, p, i = parse_eid(r.source)
    para = reg.article(a).paragraphs[(p or 1) - 1]
    first = para.items[i - 1].line if i else para.line
    if source is None:
        return first
    lines = source.split("\n")[first - 1:]   # as the parser numbers lines (not splitlines: \f is no break there)
    flat = "".join("".join(x.split()) for x in lines)   # the unit's text as laid out, without breaks or spaces
    unit = "".join(_unit_text(reg, r.source).split())
    at = flat.find(unit[:12])
    if at < 0:
        return first
    want = at + len("".join(_unit_text(reg, r.source)[:r.start].split()))
    seen = 0
    for n, x in enumerate(lines):
        seen += len("".join(x.split()))
        if seen > want:
            return first + n
    return first


def _unit_text(reg: Regulation, eid: str) -> str:
    a, p, i = parse_eid(eid)
    para = reg.article(a).paragraphs[(p or 1) - 1]
    return para.items[i - 1].text if i else para.text


def notice(reg: Regulation, r: Reference, source: str | None = None) -> str:
    """One line for a reference left unlinked: `path:line: what; why`."""
    art = reg.article(parse_eid(r.source)[0])
    return (f"{reg.source_path}:{source_line(reg, r, source)}: reference {r.text!r} in {art.label} "
            f"(unit {r.source}) left unlinked; {r.reason}")


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
