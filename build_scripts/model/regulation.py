"""The structured model of a regulation: Regulation -> Chapter (-> Section) -> Article -> Paragraph -> Item.

Ids follow Akoma Ntoso naming (art_15__para_2__point_1) and are the keys of every piece of curated
data in corpus/. Anchors (para-2-item-1) are the public fragment ids of the site.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from build_scripts.model.numerals import article_number, from_int, number_key
from build_scripts.model.urls import chapter_anchor


@dataclass(frozen=True)
class Item:
    number: int
    label: str          # as in the source, e.g. （三） (or (三) where the source has half-width brackets)
    text: str           # the item's text after its label
    line: int           # source line where the item starts


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str           # text before the first item (the whole paragraph if it has no items)
    items: tuple[Item, ...]
    line: int


@dataclass(frozen=True)
class Article:
    number: int
    label: str          # as in the source, e.g. 第十五条
    chapter: int | None
    section: int | None
    paragraphs: tuple[Paragraph, ...]
    line: int
    insert: int = 0     # inserted article: 第十一条之一 has insert 1 (and number ArticleNumber(11, 1)); 0 if plain

    def __post_init__(self) -> None:
        # number of an inserted article is ArticleNumber(11, 1): an int 11 that formats as '11-1' and keys apart
        if self.insert and getattr(self.number, "insert", 0) != self.insert:
            object.__setattr__(self, "number", article_number(int(self.number), self.insert))

    @property
    def num(self) -> str:
        """The article's number as an id component: '11', or '11-1' for the inserted 第十一条之一."""
        return str(self.number)

    @property
    def eid(self) -> str:
        """art_11; art_11-1 for 第十一条之一 (the number as stated, AKN naming: inserted numbers keep
        their base number and never renumber the articles that follow)."""
        return f"art_{self.num}"


@dataclass(frozen=True)
class Section:
    number: int
    label: str
    title: str
    articles: tuple[int, ...]
    line: int


@dataclass(frozen=True)
class Chapter:
    number: int
    label: str          # 第一章
    title: str          # 总则 (inner spaces of the PDF layout removed)
    articles: tuple[int, ...]
    sections: tuple[Section, ...]
    line: int

    @property
    def eid(self) -> str:
        return f"chp_{self.number}"

    @property
    def anchor(self) -> str:
        """Fragment id of the chapter heading on the full-text page."""
        return chapter_anchor(self.number)


@dataclass(frozen=True)
class ParsedText:
    """What the normaliser reads out of one raw text."""
    title: str | None   # a title line before the first article, if the source has one
    note: str | None    # the parenthesised adoption note under the title, if any
    chapters: tuple[Chapter, ...]
    articles: tuple[Article, ...]
    notices: tuple[str, ...] = ()   # 'path:line: …' for every harmless repair (page break dropped, line joined)


@dataclass(frozen=True)
class Unit:
    """One citable unit of text: a paragraph's lead text or an item."""
    eid: str
    article: int
    paragraph: int
    item: int | None
    zh: str
    label: str | None = None


EID = re.compile(r"^art_(\d+)(?:-(\d+))?(?:__para_(\d+)(?:__point_(\d+))?)?$")


def unit_eid(article: int | str, paragraph: int | None = None, item: int | None = None) -> str:
    """art_15, art_15__para_2 or art_15__para_2__point_1. article: a number, or Article.num ('11-1')."""
    if paragraph is None:
        return f"art_{article}"
    return para_eid(article, paragraph) if item is None else item_eid(article, paragraph, item)


def parse_eid(eid: str) -> tuple[int, int | None, int | None]:
    """art_15__para_2__point_1 -> (15, 2, 1); art_11-1__para_1 -> (ArticleNumber(11, 1), 1, None);
    ValueError for anything that is no eid."""
    m = EID.match(eid) if isinstance(eid, str) else None
    if not m:
        raise ValueError(f"{eid!r} is not an eid like art_15, art_15__para_2, art_15__para_2__point_1")
    a, ins, p, i = (int(x) if x else None for x in m.groups())
    assert a is not None  # EID requires the article number
    return article_number(a, ins or 0), p, i


def para_eid(article: int | str, paragraph: int) -> str:
    return f"art_{article}__para_{paragraph}"


def item_eid(article: int | str, paragraph: int, item: int) -> str:
    return f"art_{article}__para_{paragraph}__point_{item}"


def article_label(number: int) -> str:
    return f"第{from_int(number)}条"


def units(articles: tuple[Article, ...]) -> list[Unit]:
    """Every citable unit in document order."""
    out = []
    for art in articles:
        for para in art.paragraphs:
            out.append(Unit(para_eid(art.num, para.number), art.number, para.number, None, para.text))
            for item in para.items:
                out.append(Unit(item_eid(art.num, para.number, item.number), art.number,
                                para.number, item.number, item.text, item.label))
    return out


def article_text(art: Article) -> str:
    """The article's text as in the source, labels of items included, paragraphs joined by newlines."""
    return "\n".join(p.text + "".join(i.label + i.text for i in p.items) for p in art.paragraphs)


@dataclass(frozen=True)
class Meta:
    """corpus/<id>/meta.yaml: facts about a regulation. Unknown facts are None, never guessed."""
    id: str
    title_zh: str
    title_en: str
    effective: str | None
    title_en_former: str | None = None   # an earlier English title of the edition: still resolved in citations
    short: str | None = None            # short-link prefix, e.g. jx
    abbreviation: str | None = None     # the province's one-character name in citations, e.g. 赣 (jiangxi)
    jurisdiction: str | None = None     # ISO 3166-2, e.g. CN-JX
    jurisdiction_name: dict[str, str] = field(default_factory=dict)
    adopted: str | None = None
    adopted_by: dict[str, Any] = field(default_factory=dict)
    announcement: dict[str, Any] = field(default_factory=dict)
    repeals: dict[str, Any] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    layout: str | None = None           # "lines" | "wrapped"; detected when absent
    references: str | None = None       # "strict": a reference that cannot be resolved stops the build


@dataclass(frozen=True)
class Regulation:
    meta: Meta
    text: ParsedText
    source_path: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.text.articles

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        return self.text.chapters

    @cached_property
    def _by_number(self) -> dict[tuple[int, int], Article]:
        return {number_key(a.number): a for a in self.articles}

    def article(self, number: int, insert: int = 0) -> Article:
        """第{number}条 (之{insert}); number may be an ArticleNumber (its insert is used). KeyError when
        the text has no such article. Never by list position: 第十一条之一 stands between 11 and 12."""
        return self._by_number[(int(number), insert or getattr(number, "insert", 0))]

    def neighbours(self, art: Article) -> tuple[Article | None, Article | None]:
        """The articles before and after art in the text (None at either end)."""
        i = self.articles.index(art)
        return (self.articles[i - 1] if i else None,
                self.articles[i + 1] if i + 1 < len(self.articles) else None)
