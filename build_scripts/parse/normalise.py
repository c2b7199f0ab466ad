"""Raw text of a regulation -> ParsedText. Pure: text in, data out; every error names file and line.

Two raw shapes are read:
- "lines":   one paragraph a line; items may run inline (…职责：（一）…；（二）…。).
- "wrapped": a PDF extraction with hard line breaks, blank lines between lines and page breaks.
  Paragraph breaks are carried only by line geometry: a full line is N columns, the first line of
  a paragraph is indented two columns, closing punctuation may overhang by one. See join_wrapped().
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from build_scripts.model.errors import InputError
from build_scripts.model.regulation import Article, Chapter, Item, Paragraph, ParsedText, Section
from build_scripts.model.numerals import NUMERAL_CHARS, from_int, to_int


class SourceError(InputError):
    """Bad source text: stops the build. str() is 'path:line: message'."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(path, line, message)


NUM = f"[{NUMERAL_CHARS}]+|[0-9]+"
HEADING = re.compile(rf"^第({NUM})(条|章|节|编|分编|款|项|目)")
ARTICLE = re.compile(rf"^第({NUM})条(?:[\s\u3000]+(.*))?$")
CHAPTER = re.compile(rf"^第({NUM})章[\s\u3000]*(\S.*)$")
SECTION = re.compile(rf"^第({NUM})节[\s\u3000]*(\S.*)$")
ITEM_START = re.compile(rf"^[（(]([{NUMERAL_CHARS}]+)[）)]")
ITEM_ANYWHERE = re.compile(rf"[（(]([{NUMERAL_CHARS}]+)[）)]")
TITLE = re.compile(r"^[\u4e00-\u9fff（）]{2,60}(条例|规定|办法|细则|决定)$")
TERMINAL = "。：；！？"
CLOSERS = "”’）)」』】"
WHITESPACE = re.compile(r"[\s\u3000\ufeff]+")
LATIN_SPACE = re.compile(r"(?<=[A-Za-z])[\s\u3000]+(?=[A-Za-z])")


@dataclass(frozen=True)
class Line:
    number: int      # 1-based line number in the source file
    text: str        # stripped of surrounding whitespace


def source_lines(raw: str) -> list[Line]:
    """Non-blank lines with their numbers; a BOM and CRLF/CR line ends are accepted."""
    raw = raw.lstrip("\ufeff")
    lines = re.split(r"\r\n|\r|\n", raw)
    return [Line(n, l.strip(" \t\u3000\ufeff\xa0")) for n, l in enumerate(lines, 1) if l.strip(" \t\u3000\ufeff\xa0")]


def compact(text: str) -> str:
    """Remove layout whitespace (Chinese text has none of its own); keep one space between Latin words."""
    text = LATIN_SPACE.sub("\x00", text)
    return WHITESPACE.sub("", text).replace("\x00", " ")


def width(text: str) -> int:
    """Display width in half-columns of the compacted text: Han characters 2, Latin and digits 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in compact(text))


def is_terminal(text: str) -> bool:
    text = text.rstrip(CLOSERS) or text
    return text[-1] in TERMINAL


def is_marker(text: str) -> bool:
    return bool(HEADING.match(text) or ITEM_START.match(text))


def detect_layout(lines: list[Line]) -> str:
    """'wrapped' when many text lines break mid-sentence (a hard-wrapped extraction), else 'lines'."""
    text = [l for l in lines if not (HEADING.match(l.text) and not ARTICLE.match(l.text))]
    broken = sum(1 for l in text if not is_terminal(l.text))
    return "wrapped" if text and broken / len(text) > 0.3 else "lines"


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Join hard-wrapped lines into logical lines (a paragraph, an item or a heading each).

    A line that does not end in closing punctuation always continues. A line that does, ends its
    paragraph when it is clearly short for its place (two characters or more below capacity: full
    width for continuation lines, full width less the two-column indent for first lines). When it
    is near-full the next line decides: indented (shorter than full, not itself a paragraph end)
    means a new paragraph; full width means the paragraph goes on.
    """
    full = Counter(width(l.text) for l in lines).most_common(1)[0][0]
    indent = 4
    starts = [True] * len(lines)
    for i in range(1, len(lines)):
        prev, line = lines[i - 1], lines[i]
        if is_marker(line.text):
            continue
        if HEADING.match(prev.text) and not ARTICLE.match(prev.text):
            continue  # chapter and section headings are single lines
        if not is_terminal(prev.text):
            starts[i] = False
            continue
        prev_is_first = starts[i - 1]
        capacity = full - indent if prev_is_first else full
        slack = 8 if prev_is_first and ARTICLE.match(prev.text) else 4
        if width(prev.text) <= capacity - slack:
            continue  # clearly short: the paragraph ended
        # near-full: an indented next line opens a new paragraph, a full one continues this one
        starts[i] = width(line.text) <= full - indent + 2 and not is_terminal(line.text)
    out: list[Line] = []
    for line, new in zip(lines, starts):
        if new or not out:
            out.append(line)
        else:
            out[-1] = Line(out[-1].number, out[-1].text + line.text)
    return out


def split_items(text: str, line: int, path: str, first: int = 1) -> tuple[str, list[tuple[int, str, str]]]:
    """'…职责：（一）甲；（二）乙。' -> ('…职责：', [(1, '（一）', '甲；'), (2, '（二）', '乙。')]).

    Only a run of markers numbered first, first+1, … counts, each at the start or after ：；。, so
    县（市、区） and citations such as 第（三）项 stay text. Half-width (一) is read as （一）.
    """
    cuts, expected = [], first
    for m in ITEM_ANYWHERE.finditer(text):
        try:
            n = to_int(m.group(1))
        except ValueError:
            continue
        if n == expected and (m.start() == 0 or text[m.start() - 1] in "：；。"):
            cuts.append((m.start(), m.end(), n))
            expected += 1
    if not cuts:
        return text, []
    items = []
    for k, (start, end, n) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        if not text[end:stop]:
            raise SourceError(path, line, f"item （{from_int(n)}） has no text")
        items.append((n, f"（{from_int(n)}）", text[end:stop]))
    return text[: cuts[0][0]], items


def check_sequence(kind: str, label: str, number: int, expected: int, path: str, line: int) -> None:
    if number == expected:
        return
    if number < expected:
        raise SourceError(path, line, f"duplicated or out-of-order {kind} number {label} ({number}); "
                                      f"expected {kind} {expected} next")
    raise SourceError(path, line, f"missing {kind} {expected}: found {label} ({number}) "
                                  f"where {kind} {expected} was expected")


def parse(raw: str, path: str, layout: str | None = None) -> ParsedText:
    lines = source_lines(raw)
    if not lines:
        raise SourceError(path, 1, "empty file: expected the text of a regulation")
    layout = layout or detect_layout(lines)
    if layout not in ("lines", "wrapped"):
        raise SourceError(path, 1, f"unknown layout {layout!r}: expected 'lines' or 'wrapped'")

    title = note = None
    pos = 0
    # Preamble: an optional title line and an optional parenthesised note, nothing else.
    if pos < len(lines) and TITLE.match(compact(lines[pos].text)):
        title = compact(lines[pos].text)
        pos += 1
    if pos < len(lines) and lines[pos].text.startswith(("（", "(")):
        start = pos
        text = ""
        while pos < len(lines) and not HEADING.match(lines[pos].text):
            text += compact(lines[pos].text)
            pos += 1
            if text.endswith(("）", ")")):
                break
        if not text.endswith(("）", ")")):
            raise SourceError(path, lines[start].number, "unclosed parenthesised note before the first article")
        note = text
    if pos < len(lines) and not HEADING.match(lines[pos].text):
        raise SourceError(path, lines[pos].number,
                          f"unexpected text before the first article: {lines[pos].text[:30]!r}; "
                          "expected a title line, a parenthesised note, 第…章 or 第…条")
    body = lines[pos:]
    if not body:
        raise SourceError(path, lines[-1].number, "no article found: expected 第一条")
    logical = join_wrapped(body) if layout == "wrapped" else body

    chapters: list[dict] = []
    articles: list[dict] = []
    for line in logical:
        text = line.text
        heading = HEADING.match(text)
        if heading and heading.group(2) == "章":
            m = CHAPTER.match(text)
            if not m:
                raise SourceError(path, line.number, "chapter heading without a title: expected 第X章 title")
            number = to_int(m.group(1))
            check_sequence("chapter", f"第{m.group(1)}章", number, len(chapters) + 1, path, line.number)
            chapters.append(dict(number=number, label=f"第{m.group(1)}章", title=compact(m.group(2)),
                                 articles=[], sections=[], line=line.number))
            continue
        if heading and heading.group(2) == "节":
            m = SECTION.match(text)
            if not m or not chapters:
                raise SourceError(path, line.number, "section heading (第X节) must have a title and stand inside a chapter")
            secs = chapters[-1]["sections"]
            number = to_int(m.group(1))
            check_sequence("section", f"第{m.group(1)}节", number, len(secs) + 1, path, line.number)
            secs.append(dict(number=number, label=f"第{m.group(1)}节", title=compact(m.group(2)),
                             articles=[], line=line.number))
            continue
        article = ARTICLE.match(text)
        if heading and heading.group(2) == "条" and article:
            number = to_int(article.group(1))
            label = f"第{article.group(1)}条"
            check_sequence("article", label, number, len(articles) + 1, path, line.number)
            chapter = chapters[-1] if chapters else None
            section = chapter["sections"][-1] if chapter and chapter["sections"] else None
            if chapter:
                chapter["articles"].append(number)
            if section:
                section["articles"].append(number)
            articles.append(dict(number=number, label=label, line=line.number, paragraphs=[],
                                 chapter=chapter["number"] if chapter else None,
                                 section=section["number"] if section else None))
            rest = compact(article.group(2) or "")
            if not rest:
                raise SourceError(path, line.number, f"{label} has no text")
            add_text(articles[-1], rest, line.number, path)
            continue
        if heading and heading.group(2) != "条":
            raise SourceError(path, line.number, f"unknown heading {text[:20]!r}: expected 第X章, 第X节 or 第X条")
        if not articles:
            raise SourceError(path, line.number, f"text before the first article: {text[:30]!r}")
        add_text(articles[-1], compact(text), line.number, path)

    if not articles:
        raise SourceError(path, lines[-1].number, "no article found: expected 第一条")
    for ch in chapters:
        if not ch["articles"]:
            raise SourceError(path, ch["line"], f"chapter {ch['label']} has no article")
    return ParsedText(
        title=title, note=note,
        chapters=tuple(Chapter(c["number"], c["label"], c["title"], tuple(c["articles"]),
                               tuple(Section(s["number"], s["label"], s["title"], tuple(s["articles"]), s["line"])
                                     for s in c["sections"]), c["line"]) for c in chapters),
        articles=tuple(freeze_article(a) for a in articles),
    )


def add_text(article: dict, text: str, line: int, path: str) -> None:
    """Add one logical line to an article: a new paragraph, or the next item(s) of the current one."""
    if not is_terminal(text):
        raise SourceError(path, line, f"text does not end in closing punctuation: {text[-20:]!r} "
                                      "(an unknown heading, or a truncated paragraph?)")
    paras = article["paragraphs"]
    marker = ITEM_START.match(text)
    if marker:
        n = to_int(marker.group(1))
        current = paras[-1] if paras else None
        if current and len(current["items"]) == n - 1 and (n > 1 or current["text"].endswith("：")):
            _, items = split_items(text, line, path, first=n)
            current["items"].extend(dict(number=k, label=lab, text=t, line=line) for k, lab, t in items)
            return
        if n != 1:
            expected = len(current["items"]) + 1 if current and current["items"] else 1
            raise SourceError(path, line, f"item {marker.group(0)} out of order: expected item {expected}")
    lead, items = split_items(text, line, path)
    paras.append(dict(number=len(paras) + 1, text=lead, line=line,
                      items=[dict(number=k, label=lab, text=t, line=line) for k, lab, t in items]))


def freeze_article(a: dict) -> Article:
    return Article(
        number=a["number"], label=a["label"], chapter=a["chapter"], section=a["section"], line=a["line"],
        paragraphs=tuple(Paragraph(p["number"], p["text"],
                                   tuple(Item(i["number"], i["label"], i["text"], i["line"]) for i in p["items"]),
                                   p["line"]) for p in a["paragraphs"]),
    )


def reconstruct(parsed: ParsedText) -> str:
    """The parsed text laid out again in source order, whitespace-free: the losslessness witness."""
    out = [parsed.title or "", parsed.note or ""]
    headings = {}
    for ch in parsed.chapters:
        headings.setdefault(ch.articles[0], []).append(ch.label + ch.title)
        for sec in ch.sections:
            headings.setdefault(sec.articles[0], []).append(sec.label + sec.title)
    for art in parsed.articles:
        out.extend(headings.get(art.number, []))
        out.append(art.label)
        for para in art.paragraphs:
            out.append(para.text)
            out.extend(item.label + item.text for item in para.items)
    return "".join(out)


def canonical_source(raw: str) -> str:
    """The source as the losslessness check compares it: whitespace removed, item brackets full-width."""
    text = compact(raw)
    return re.sub(rf"\(([{NUMERAL_CHARS}]+)\)", r"（\1）", text)
