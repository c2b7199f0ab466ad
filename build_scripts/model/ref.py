"""Ref: the one identity of a provision (regulation, article, paragraph, item).

Everything a reader sees or links to derives from it: the eid of the data, the anchors of the article
page and the full-text page, the site paths (page, full text, short link) and the one citation style.

Citation style (documented on the cite page, docs/cite.md):
    第十一条第二款第（三）项   Art. 11(2)(3)        an item of a multi-paragraph article
    第十五条第二款             Art. 15(2)           a paragraph
    第七条第（三）项           Art. 7, item 3       an article of one paragraph: its paragraph is not numbered
    第七条                     Art. 7
With the regulation: 《江西省平安建设条例》第十五条第二款 / Jiangxi Province Regulations on Ping'an
Construction, Art. 15(2).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from build_scripts.model.numerals import from_int
from build_scripts.model.regulation import Article, Chapter, Regulation, parse_eid, unit_eid
from build_scripts.model.urls import (
    Urls,
    article_path,
    article_src,
    full_text_anchor,
    full_text_src,
    para_anchor,
    public_path,
    short_src,
    with_anchor,
)


@dataclass(frozen=True)
class Ref:
    reg: Regulation = field(compare=False, repr=False)
    article: int
    paragraph: int | None = None
    item: int | None = None
    reg_id: str = field(default="", init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reg_id", self.reg.id)
        try:
            art = self.reg.article(self.article)
        except KeyError:
            raise ValueError(f"{self.reg_id} has no article {self.article}") from None
        if self.paragraph is not None and not 1 <= self.paragraph <= len(art.paragraphs):
            raise ValueError(f"{self.reg_id} art. {self.article} has no paragraph {self.paragraph}")
        if self.item is not None:
            if self.paragraph is None:
                raise ValueError(f"{self.reg_id} art. {self.article}: an item needs its paragraph")
            if not 1 <= self.item <= len(art.paragraphs[self.paragraph - 1].items):
                raise ValueError(f"{self.reg_id} art. {self.article}({self.paragraph}) has no item {self.item}")

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_eid(cls, reg: Regulation, eid: str) -> Ref:
        return cls(reg, *parse_eid(eid))

    @classmethod
    def all(cls, reg: Regulation) -> list[Ref]:
        """Every citable unit of a regulation in document order: article, its paragraphs, their items."""
        return [ref for art in reg.articles for ref in cls.of_article(reg, art)]

    @classmethod
    def of_article(cls, reg: Regulation, art: Article) -> list[Ref]:
        """The citable units of one article in document order: the article, its paragraphs, their items."""
        out = [cls(reg, art.number)]
        for p in art.paragraphs:
            out.append(cls(reg, art.number, p.number))
            out.extend(cls(reg, art.number, p.number, i.number) for i in p.items)
        return out

    # ------------------------------------------------------------------ identity
    @property
    def art(self) -> Article:
        return self.reg.article(self.article)

    @property
    def kind(self) -> str:
        return "article" if self.paragraph is None else ("paragraph" if self.item is None else "item")

    @property
    def eid(self) -> str:
        return unit_eid(self.article, self.paragraph, self.item)

    @property
    def anchor(self) -> str | None:
        """Fragment id on the article page (None for the article itself)."""
        return None if self.paragraph is None else para_anchor(self.paragraph, self.item)

    @property
    def full_text_anchor(self) -> str:
        return full_text_anchor(self.article, self.paragraph, self.item)

    @property
    def article_ref(self) -> Ref:
        return Ref(self.reg, self.article)

    # ------------------------------------------------------------------ where it lives
    @property
    def page_src(self) -> str:
        return article_src(self.reg_id, self.article)

    @property
    def full_text_src(self) -> str:
        return full_text_src(self.reg_id)

    @property
    def short_src(self) -> str:
        return short_src(self.reg.meta.short or self.reg_id, *(n for n in (self.article, self.paragraph, self.item)
                                                                if n is not None))

    @property
    def path(self) -> str:
        """Permanent site-relative URL (directory form, the public one): jiangxi/art-15/#para-2."""
        return with_anchor(article_path(self.reg_id, self.article), self.anchor)

    @property
    def full_text_path(self) -> str:
        return public_path(self.full_text_src, self.full_text_anchor)

    @property
    def short_path(self) -> str:
        return public_path(self.short_src)

    def href(self, urls: Urls, from_src: str) -> str:
        """Relative link from a page: inside the full-text page when on it, else to the article page."""
        if from_src == self.full_text_src:
            return urls.rel(from_src, self.full_text_src, self.full_text_anchor)
        return urls.rel(from_src, self.page_src, self.anchor)

    # ------------------------------------------------------------------ labels (the citation style)
    @property
    def label_zh(self) -> str:
        """第十一条第二款第（三）项; a one-paragraph article's paragraph is not numbered."""
        single = len(self.art.paragraphs) == 1
        out = self.art.label
        if self.paragraph is not None and not single:
            out += f"第{from_int(self.paragraph)}款"
        if self.item is not None:
            out += f"第（{from_int(self.item)}）项"
        return out

    @property
    def number_en(self) -> str:
        """11(2)(3), 15(2), 7, item 3, 7."""
        single = len(self.art.paragraphs) == 1
        out = str(self.article)
        if self.paragraph is not None and not single:
            out += f"({self.paragraph})"
        if self.item is not None:
            out += f", item {self.item}" if single else f"({self.item})"
        return out

    @property
    def label_en(self) -> str:
        return f"Art. {self.number_en}"

    @property
    def citation(self) -> dict[str, str]:
        """{zh, en}: the provision with its regulation's title."""
        m = self.reg.meta
        return {"zh": f"《{m.title_zh}》{self.label_zh}", "en": f"{m.title_en}, {self.label_en}"}


# ---------------------------------------------------------------------- titles (headings, not citations)
def article_title_en(number: int, heading: str | None = None) -> str:
    """An article's English title: 'Article 15', or 'Article 15 · Grid-Based Service and Management' with
    its editorial heading. Citations use Ref.label_en ('Art. 15(2)')."""
    return f"Article {number}" + (f" · {heading}" if heading else "")


def chapter_title_en(number: int, title: str | None = None) -> str:
    """A chapter's English title: 'Chapter 3', or 'Chapter 3 Primary-Level and Foundational Building'."""
    return f"Chapter {number}" + (f" {title}" if title else "")


def chapter_title_zh(chapter: Chapter) -> str:
    """'第三章 基层和基础建设'."""
    return f"{chapter.label} {chapter.title}"
