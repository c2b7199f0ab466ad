"""Feature: status and change log.

    /changes/            更新记录 / What's new: regulations added (corpus/additions.yaml) and every logged
                         revision of the English (corpus/gloss_changes.yaml), by regulation and article,
                         with a word diff; ids <reg-id> and <reg-id>-art-<n> (<reg-id>-chp-<n> for chapters)
    /atom.xml            Atom 1.0 feed: one entry per revised article (or chapter title) and date, and one per
                         addition; entry ids are urn:uuid from the content's identity (stable across builds),
                         `updated` the log's dates. Links are absolute under SITE_URL, else relative to the feed
    article pages        a compact status box (#status): in force, adopted, as enacted, repeals, the date this
                         article's English was last revised, the edition's version
The home page, each regulation's landing page and What's new announce the feed (<link rel="alternate feed"
type="application/atom+xml">: overrides/main.html reads the page's `lex_feed`; not rel="alternate" alone, since
Material fetches sitemap.xml beside every link whose rel is exactly that, a 404 without SITE_URL). Article pages
do not: the pages read most stay as light as they can. The landing page's full status box is the core's
(render/pages.py), from the same macro (_lex.j2 status_box) and the same data (Edition.status).
"""
from __future__ import annotations

import difflib
import re
import uuid
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from build_scripts.enrich.changes import Change
from build_scripts.features.protocol import FeatureBase, FeatureConfig, Files, NavEntry
from build_scripts.model.messages import pair, text
from build_scripts.model.ref import Ref, chapter_title_en
from build_scripts.model.regulation import Regulation
from build_scripts.model.urls import (
    CHANGES_SRC,
    FEED_SRC,
    HOME_SRC,
    TRANSLATION_NOTES_SRC,
    changes_anchor,
    chapter_anchor,
    full_text_anchor,
    full_text_src,
)
from build_scripts.render.context import Site
from build_scripts.render.html import macro, render
from build_scripts.render.pages import front_matter, status_links

FEED_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/pingan-edition/feed")   # fixed: ids never change
def field(name: str) -> tuple[str, str]:
    """What a logged revision changed (unit, heading, chapter), in both languages: status.field.{name}."""
    return text(f"status.field.{name}", "zh"), text(f"status.field.{name}", "en")
WORD = re.compile(r"\s+|[^\s]+")

# The reviewers' codes in a logged reason ("blind review 424242 R13", "盲审 seed 2027 R5、L3", "8086 L3, 6502 L3"):
# internal references, which a reader meets as a phrase ("independent review", "a reviewer"), the code kept in the
# phrase's title and the phrase a link to the translation notes' account of the reviews. The log is not changed.
_UNIT = r"[RL]\d+(?:/[RL]?\d+)?"                     # a review's finding: R random unit, L longest unit
_ID = r"(?:seed\s*)?\d{3,}(?![-\d])"                 # a review, by packet or sampling seed (never a date)
_TOKEN = {"en": rf"{_ID}(?:\s*{_UNIT})?|{_UNIT}",
          # the Chinese reasons write 盲审 2027 第R21条意见, 盲审 4096号材料 第L5条意见, 第R15、L3条意见
          "zh": rf"{_ID}(?:号材料)?(?:\s*第{_UNIT}(?:、{_UNIT})*条(?:意见)?|\s*{_UNIT})?|{_UNIT}"}
_SEP = {"en": r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+)", "zh": r"(?:\s*[、，,]\s*|\s*及\s*|\s*和\s*|\s+)"}
_NAMED = {"en": r"\bblind[- ](?P<plural>reviews?)\s+", "zh": r"盲审\s*"}
_STRONG = re.compile(rf"seed\s*\d|\d{{3,}}\s*{_UNIT}")      # a run without the word "review" needs one of these
REVIEW_CODES = {lang: re.compile(rf"(?P<named>{_NAMED[lang]})?(?P<codes>(?:{_TOKEN[lang]})(?:{_SEP[lang]}"
                                 rf"(?:{_TOKEN[lang]}))*)")
                for lang in ("en", "zh")}

_PLURAL = {lang: {text(f"status.{one}", lang): text(f"status.{one}s", lang) for one in ("review", "reviewer")}
           | {text(f"status.{one}s", lang): text(f"status.{one}s", lang) for one in ("review", "reviewer")}
           for lang in ("en", "zh")}
REVIEW_PHRASES = {(True, False): "status.review", (True, True): "status.reviews",          # (named, plural) -> message
                  (False, False): "status.reviewer", (False, True): "status.reviewers"}


def review_parts(reason: str, lang: str) -> list[tuple[str, str | None]]:
    """A logged reason as [(text, None)] and [(reader's phrase, the code it stands for, as written)]: a code after
    "blind review(s)" / 盲审 is "independent review(s)" / 独立审校 (status.review*), a code on its own "a reviewer" /
    "reviewers" / 审校人 (status.reviewer*)."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for m in REVIEW_CODES[lang].finditer(reason):
        named, code = m.group("named"), m.group(0)
        if not named and not _STRONG.search(code):
            continue
        if not named and m.start() > 0 and (reason[m.start() - 1].isalnum() or reason[m.start() - 1] == "-"):
            continue                    # inside a word or a date
        ids = len(re.findall(r"\d{3,}", m.group("codes")))
        plural = ids > 1 or (lang == "en" and named is not None and m.group("plural") == "reviews")
        message = REVIEW_PHRASES[(named is not None, plural)]
        end = m.end()
        if lang == "zh":                # the space after a code is no Chinese spacing: 独立审校同类问题
            while end < len(reason) and reason[end] == " ":
                end += 1
        out += [(reason[at:m.start()], None), (text(message, lang), reason[m.start():end])]
        at = end
    out.append((reason[at:], None))
    return _joined([(t, c) for t, c in out if t], lang)


def _joined(parts: list[tuple[str, str | None]], lang: str) -> list[tuple[str, str | None]]:
    """Reviews cited one after another ('盲审 52813 第R17条意见、盲审 4242 第R6条意见') read as one phrase, plural,
    not the same phrase repeated: [(phrase, code), (separator, None), (phrase, code)] is one part whose code holds
    both codes and the separator, so the codes put back still give the reason as logged."""
    out: list[tuple[str, str | None]] = []
    for part in parts:
        if (len(out) >= 2 and part[1] is not None and out[-2][1] is not None and out[-1][1] is None
                and re.fullmatch(_SEP[lang], out[-1][0]) and out[-2][0] in _PLURAL[lang]):
            (phrase, code), (sep, _) = out[-2], out[-1]
            out[-2:] = [(_PLURAL[lang][phrase], f"{code}{sep}{part[1]}")]
        else:
            out.append(part)
    return out


def reader_reason(reason: str, lang: str) -> str:
    """A logged reason as a reader reads it, in plain text (the feed): the codes as their phrases."""
    return "".join(t for t, _ in review_parts(reason, lang))


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text)]: op '' (in both), 'del' (only in old), 'ins' (only in new), word by word."""
    a, b = WORD.findall(old), WORD.findall(new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(("del", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(("ins", "".join(b[j1:j2])))
    return out


def entry_id(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(FEED_NS, '/'.join(parts))}"


class Status(FeatureBase):
    name = "status"
    css = ("assets/status.css",)

    def __init__(self, site: Site, config: FeatureConfig | None = None) -> None:
        super().__init__(site, config)
        ed = site.edition
        self.feed_pages = {HOME_SRC, CHANGES_SRC, *(full_text_src(reg.id) for reg in site.regs)}
        # reg id -> [(group key, Ref or chapter number, [changes])] in document order
        self.groups: dict[str, list[dict[str, Any]]] = {}
        for reg in site.regs:
            mine = [c for c in ed.changes if c.regulation == reg.id]
            by_key: dict[str, list[Change]] = defaultdict(list)
            for c in mine:
                by_key[self.group_key(c)].append(c)
            order = {full_text_anchor(a.number): i for i, a in enumerate(reg.articles)}
            order.update({chapter_anchor(ch.number): -100 + ch.number for ch in reg.chapters})
            self.groups[reg.id] = [{"key": k, "anchor": changes_anchor(reg.id, k), "changes": cs, **self.target(reg, k)}
                                   for k, cs in sorted(by_key.items(), key=lambda kv: order[kv[0]])]

    @staticmethod
    def group_key(c: Change) -> str:
        return full_text_anchor(c.article) if c.article is not None else chapter_anchor(int(c.eid.split("_")[1]))

    def target(self, reg: Regulation, key: str) -> dict[str, Any]:
        kind, n = key.split("-")
        if kind == "art":
            ref = Ref(reg, int(n))
            return {"ref": ref, "label_zh": ref.label_zh, "label_en": ref.label_en, "chapter": None}
        ch = next(c for c in reg.chapters if c.number == int(n))
        return {"ref": None, "label_zh": ch.label, "label_en": chapter_title_en(ch.number), "chapter": ch.number}

    def unit_ref(self, reg: Regulation, c: Change) -> Ref | None:
        return Ref.from_eid(reg, c.eid) if c.article is not None else None

    # ------------------------------------------------------------------------------------ hooks
    def files(self, made: Mapping[str, str | bytes]) -> Files:
        return {CHANGES_SRC: self.changes_page(), FEED_SRC: self.feed()}

    def nav(self) -> list[NavEntry]:
        return [{pair("page.whats-new"): CHANGES_SRC}]

    def page_meta(self, src: str) -> dict[str, Any]:
        if src in self.feed_pages:
            return {"lex_feed": FEED_SRC, "lex_feed_title": pair("page.whats-new", " / ")}
        return {}

    def article_block(self, ref: Ref, page_src: str) -> str:
        status = self.site.edition.status.get(ref.reg_id)
        if status is None:
            return ""
        links = status_links(status, ref.reg, self.site.urls, page_src, CHANGES_SRC, article=ref.article)
        return str(macro("status_box")(status, links, article=ref.article, compact=True))

    # ------------------------------------------------------------------------------------ pages
    def href(self, src: str, ref: Ref | None, reg: Regulation, chapter: int | None = None) -> str:
        if ref is None:
            return self.site.urls.rel(src, full_text_src(reg.id), chapter_anchor(chapter or 0))
        return ref.href(self.site.urls, src)

    def changes_page(self) -> str:
        src = CHANGES_SRC
        site, ed = self.site, self.site.edition
        regs = [{"reg": reg, "landing": site.urls.rel(src, full_text_src(reg.id)),
                 "groups": [{**g, "href": self.href(src, g["ref"], reg, g["chapter"]),
                             "changes": [{"c": c, "field": field(c.field), "diff": word_diff(c.old, c.new),
                                          "reason": review_parts(c.reason, "en"),
                                          "reason_zh": review_parts(c.reason_zh, "zh"),
                                          "unit": self.unit_ref(reg, c),
                                          "unit_href": self.href(src, self.unit_ref(reg, c), reg, g["chapter"])}
                                         for c in g["changes"]]}
                            for g in self.groups[reg.id]]}
                for reg in site.regs]
        return (front_matter(title=pair("page.whats-new"), html_title=pair("page.whats-new"), search={"exclude": True})
                + render("status/changes.md.j2", regs=regs, additions=[
                    {"a": a, "reg": site.reg(a.regulation), "href": site.urls.rel(src, full_text_src(a.regulation))}
                    for a in ed.additions], feed=site.urls.rel(src, FEED_SRC), version=ed.version,
                    notes=site.urls.rel(src, TRANSLATION_NOTES_SRC, "style"),
                    reviews=site.urls.rel(src, TRANSLATION_NOTES_SRC, "decisions"),   # the reviews, their codes
                    dates=sorted({c.date for c in ed.changes}, reverse=True), count=len(ed.changes)))

    # ------------------------------------------------------------------------------------ feed
    def link(self, src: str | None, path: str, anchor: str | None = None) -> str:
        """A feed link: absolute under the public base, else relative to the feed (the site root)."""
        rel = self.site.urls.rel(HOME_SRC, src, anchor) if src else path
        return self.site.permalink(rel) or rel

    def feed(self) -> str:
        site, ed = self.site, self.site.edition
        entries = []
        for reg in site.regs:
            for g in self.groups[reg.id]:
                for date in sorted({c.date for c in g["changes"]}, reverse=True):
                    cs = [c for c in g["changes"] if c.date == date]
                    main = (self.link(g["ref"].page_src, "", None) if g["ref"]
                            else self.link(full_text_src(reg.id), "", chapter_anchor(g["chapter"])))
                    related = []
                    for c in cs:
                        u = self.unit_ref(reg, c)
                        if u is not None and u.anchor:
                            related.append(self.link(u.page_src, "", u.anchor))
                    entries.append({
                        "id": entry_id("gloss", reg.id, g["key"], date), "updated": date,
                        "title": f"《{reg.meta.title_zh}》{g['label_zh']} / {reg.meta.title_en}, {g['label_en']}: "
                                 f"English revised",
                        "link": main, "related": list(dict.fromkeys(related)),
                        "summary": "\n".join(f"{self.unit_label(reg, c, 'zh')}（{field(c.field)[0]}）："
                                             f"{reader_reason(c.reason_zh, 'zh')}\n"
                                             f"{self.unit_label(reg, c)} ({field(c.field)[1]}): "
                                             f"{reader_reason(c.reason, 'en')}\n"
                                             f"Now: {c.new}" for c in cs)})
        for a in ed.additions:
            entries.append({"id": entry_id("added", a.regulation, a.date), "updated": a.date,
                            "title": f"{a.what_zh} / {a.what_en}", "link": self.link(full_text_src(a.regulation), ""),
                            "related": [], "summary": f"{a.what_zh}\n{a.what_en}"})
        entries.sort(key=lambda e: e["updated"], reverse=True)
        updated = max((e["updated"] for e in entries), default="2000-01-01")
        return render("status/atom.xml.j2", entries=entries, updated=updated, feed_id=entry_id("feed"),
                      self_href=self.link(None, FEED_SRC), page_href=self.link(CHANGES_SRC, ""), version=ed.version)

    def unit_label(self, reg: Regulation, c: Change, lang: str = "en") -> str:
        u = self.unit_ref(reg, c)
        if lang == "zh":
            return u.label_zh if u else next(ch.label for ch in reg.chapters if ch.number == int(c.eid.split("_")[1]))
        return u.label_en if u else chapter_title_en(int(c.eid.split("_")[1]))
