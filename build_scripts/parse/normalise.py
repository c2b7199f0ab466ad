"""Raw text of a regulation -> ParsedText. Pure: text in, data out; every error names file and line.

Two raw shapes are read:
- "lines":   one paragraph a line; items may run inline (…职责：（一）…；（二）…。).
- "wrapped": a PDF extraction with hard line breaks, blank lines between lines and page breaks.
  Paragraph breaks are carried only by line geometry: a full line is N columns, the first line of
  a paragraph is indented two columns, closing punctuation may overhang by one. See wrapped_starts().

The text is kept exactly as written: half-width punctuation (; : , . ( )) works structurally like
full-width and is published as it stands; full-width and Arabic digits in labels (第１０条, 第10条) are
read. What is provably not text is dropped, each drop reported in ParsedText.notices: page breaks
(\\f) at a line's start or end or on a line of their own, page-number lines ('- 3 -'), zero-width
characters (U+200B…). A line of a one-paragraph-a-line text that stops mid-sentence is joined to the next,
a label spelt with spaces (第 十 三 条) is read as one, a heading's title wrapped onto a second line is joined,
and a few item defects whose repair is certain are repaired (add_text): each with a notice, as is a
paragraph break a wrapped text leaves undecidable. Characters that are no text (private use U+E000–U+F8FF,
unassigned, format) stop, as does a defect that cannot be repaired for certain (a heading without its
第X章, a lost first chapter heading, a lost item label), naming its own line.
Everything else that does not fit raises SourceError('path:line: what was found; what was expected').
All of it runs in time linear in the size of the text.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any, TypeVar

from build_scripts.model.errors import InputError
from build_scripts.model.han import CHARS, is_han
from build_scripts.model.numerals import NUMERAL_CHARS, article_number, from_int, to_int
from build_scripts.model.regulation import Article, Chapter, Item, Paragraph, ParsedText, Section


def numeral(text: str, path: str, line: int) -> int:
    """The number of a label (第二十三条, （三）); a malformed numeral stops with path:line."""
    try:
        return to_int(text)
    except ValueError:
        raise SourceError(path, line,
                          f"label number {text!r} is no Chinese numeral; expected e.g. 二十三 or 23") from None


class SourceError(InputError):
    """Bad source text: stops the build. str() is 'path:line: message'."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(path, line, message)


DIGITS = "0-9０-９"
NUM = f"[{NUMERAL_CHARS}]+|[{DIGITS}]+"
# A line that opens with 第X款 / 第X项 / 第X目 is text (a paragraph may begin "第一款规定的…"), never a heading.
HEADING = re.compile(rf"^第({NUM})(条|章|节|编|分编)")
ARTICLE = re.compile(rf"^第({NUM})条(?:之({NUM}))?(?:[\s\u3000]+(.*))?$")
CHAPTER = re.compile(rf"^第({NUM})章[\s\u3000]*(\S.*)$")
SECTION = re.compile(rf"^第({NUM})节[\s\u3000]*(\S.*)$")
ITEM_START = re.compile(rf"^[（(]([{NUMERAL_CHARS}]+)[）)]")
ITEM_ANYWHERE = re.compile(rf"[（(]([{NUMERAL_CHARS}]+)[）)]")
ITEM_CITED = re.compile(rf"^[（(][{NUMERAL_CHARS}]+[）)][项目]")      # （二）项: the end of a citation 第（二）项
SPACED_LABEL = re.compile(rf"^第((?:[\s\u3000]*(?:[{NUMERAL_CHARS}]|[{DIGITS}]))+)[\s\u3000]*(条|章|节)"
                          rf"(?=[\s\u3000]|$|之)")
ZERO_WIDTH = "\u200b\u200c\u200d\u2060"
REFERS_BACK = re.compile(r"^(?:前[两三四五]?款|本条第[一二三四五六七八九十]+款)")   # 前款…: opens a paragraph
TITLE = re.compile(f"^[{CHARS}（）()《》〈〉、·“”]{{2,80}}(条例|规定|办法|细则|决定)$")
TERMINAL = "。：；！？.:;!?"
ITEM_BEFORE = "：；。:;."           # an inline item starts at the text's start or after one of these
COLONS = ("：", ":")
CLOSERS = "”’）)」』】"
WHITESPACE = re.compile(r"[\s\u3000\ufeff]+")
LATIN_SPACE = re.compile(r"(?<=[A-Za-z])[\s\u3000]+(?=[A-Za-z])")
STRIP = " \t\u3000\ufeff\xa0"
PAGE_NUMBER = re.compile(r"^(?:[-－—–]\s*[0-9０-９]{1,4}\s*[-－—–]"
                         r"|第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/／]?\s*共\s*[0-9０-９]{1,4}\s*页)?)$")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def bad_char(c: str) -> bool:
    """Control characters (other than tab and the page break) and U+FFFD (left by a lossy conversion)."""
    return (c != "\t" and c != "\f" and unicodedata.category(c) == "Cc") or c == "\ufffd"


CONTROL = re.compile("[" + "".join(re.escape(c) for c in [*map(chr, range(0x100)), "\ufffd"] if bad_char(c)) + "]")


@dataclass(frozen=True)
class Line:
    number: int      # 1-based line number in the source file
    text: str        # stripped of surrounding whitespace


# ---------------------------------------------------------------- bytes -> text

def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM. Anything else stops, naming what it looks like."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(path, 1 + data[: exc.start].decode("utf-16", "replace").count("\n"),
                              f"invalid UTF-16 at byte {exc.start} (the file starts with a UTF-16 byte-order mark); "
                              "expected UTF-16 throughout, or UTF-8") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(path, line, f"{looks_like(data)} (byte 0x{data[exc.start]:02x} at column {column} is not "
                                      "UTF-8); expected UTF-8, e.g. iconv -f GB18030 -t UTF-8") from None


def looks_like(data: bytes) -> str:
    """A name for an undecodable file's encoding, for the error message (never used to convert)."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        if "\n" in text and han_share(text) > 0.3:
            return f"the file looks like UTF-16 ({codec[-2:].upper()}) without a byte-order mark"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return "the file is not valid UTF-8"
    other = [c for c in text if ord(c) > 0x7F]
    if other and han_share("".join(other)) > 0.5:
        return "the file looks like GB18030/GBK (a Chinese legacy encoding)"
    return "the file is not valid UTF-8"


def han_share(text: str) -> float:
    han = sum(1 for c in text if is_han(c) or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return han / max(1, len(text))


# ---------------------------------------------------------------- text -> lines

def split_physical(raw: str) -> list[str]:
    """Physical lines: a BOM and CRLF/CR/LF line ends are accepted."""
    return LINE_BREAK.split(raw[1:] if raw.startswith("\ufeff") else raw)


def source_lines(raw: str, path: str = "source.txt", notices: list[Any] | None = None) -> list[Line]:
    """Non-blank lines with their numbers. Page breaks, page-number lines and zero-width characters are dropped
    (with a notice), a label spelt with spaces (第 十 三 条) is read as one (with a notice); any other control
    character, and characters that are no text (private use, unassigned, format), stop."""
    out = []
    for n, text in enumerate(split_physical(raw), 1):
        bad = CONTROL.search(text)
        if bad:
            raise SourceError(path, n, f"control character U+{ord(bad.group()):04X} at column {bad.start() + 1}; "
                                       "expected text (a damaged or binary file?)")
        text = drop_zero_width(text, path, n, notices)
        check_text_chars(text, path, n)
        if "\f" in text:
            inner = text.strip(STRIP + "\f")
            if "\f" in inner:
                col = text.index(chr(12)) + 1
                raise SourceError(path, n, f"page break (form feed) inside the text at column {col}; "
                                           "expected page breaks only at a line's start or end")
            if notices is not None:
                notices.append(f"{path}:{n}: dropped a page break (form feed)")
            text = inner
        text = text.strip(STRIP)
        if not text:
            continue
        if PAGE_NUMBER.match(text):
            if notices is not None:
                notices.append(f"{path}:{n}: dropped page-number line {text!r}")
            continue
        spaced = SPACED_LABEL.match(text)
        if spaced and WHITESPACE.search(spaced.group(1)):
            label = f"第{compact(spaced.group(1))}{spaced.group(2)}"
            if notices is not None:
                notices.append(f"{path}:{n}: label {spaced.group(0)!r} spelt with spaces; read as {label}")
            text = label + " " + text[spaced.end():].lstrip(STRIP)
        out.append(Line(n, text))
    return out


def drop_zero_width(text: str, path: str, n: int, notices: list[Any] | None) -> str:
    """Zero-width spaces and joiners are no text (left by a web page or a PDF): dropped, each line's drop reported,
    so that a label broken by one (第\u200b九条) is read where it stands."""
    if not any(c in text for c in ZERO_WIDTH):
        return text
    kept = "".join(c for c in text if c not in ZERO_WIDTH)
    if notices is not None:
        found = sorted({f"U+{ord(c):04X}" for c in text if c in ZERO_WIDTH})
        col = next(i for i, c in enumerate(text, 1) if c in ZERO_WIDTH)
        where = "a line holding nothing else" if not kept.strip(STRIP) else f"from column {col}"
        notices.append(f"{path}:{n}: dropped zero-width character(s) {', '.join(found)} ({where})")
    return kept


NOT_TEXT = {"Co": "private-use character", "Cn": "unassigned code point", "Cs": "lone surrogate",
            "Cf": "invisible format character"}


def check_text_chars(text: str, path: str, n: int) -> None:
    """A private-use character (U+E000–U+F8FF: a glyph of a PDF font that maps to no character), an unassigned
    code point or an invisible format character is no text: the line stops, naming the character and column."""
    for col, c in enumerate(text, 1):
        if ord(c) < 0x80 or is_han(c):
            continue
        kind = NOT_TEXT.get(unicodedata.category(c))
        if kind and c != "\ufeff":
            before = text[max(0, col - 9):col - 1]
            raise SourceError(path, n, f"{kind} U+{ord(c):04X} at column {col} after {before!r}; expected text "
                                       "(a glyph the extraction could not map to a character? check the source)")


def compact(text: str) -> str:
    """Remove layout whitespace (Chinese text has none of its own); keep one space between Latin words."""
    text = LATIN_SPACE.sub("\x00", text)
    return WHITESPACE.sub("", text).replace("\x00", " ")


def width(text: str) -> int:
    """Display width in half-columns of the compacted text: Han characters 2, Latin and digits 1; characters of
    ambiguous width (“ ” Ⅳ ×) 2, as a Chinese font sets them."""
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in compact(text))


def has_narrow(text: str) -> bool:
    """Latin letters or digits: a line holding them may fall short of the full width (a number is not broken)."""
    return any(unicodedata.east_asian_width(c) not in "WFA" for c in compact(text))


def is_terminal(text: str) -> bool:
    """The text ends a sentence: closing punctuation, possibly inside closing quotes or brackets, or followed by a
    parenthesised note of its own (…使用效益。（2010年12月23日删除）; an article reduced to （删除）)."""
    if text.endswith(("）", ")")):
        opening = max(text.rfind("（"), text.rfind("("))
        if opening == 0 or (opening > 0 and text[opening - 1] in TERMINAL):
            return True
    text = text.rstrip(CLOSERS) or text
    return text[-1] in TERMINAL


def is_marker(text: str) -> bool:
    return bool(HEADING.match(text) or ITEM_START.match(text))


def is_heading(text: str) -> bool:
    """A heading other than an article's (第X章, 第X节): a line of its own, no closing punctuation."""
    m = HEADING.match(text)
    return bool(m and m.group(2) != "条")


def broken_ratio(lines: list[Line]) -> tuple[int, int]:
    """(text lines not ending a sentence, text lines)."""
    text = [ln for ln in lines if not is_heading(ln.text)]
    return sum(1 for ln in text if not is_terminal(ln.text)), len(text)


def detect_layout(lines: list[Line]) -> str:
    """'wrapped' when many text lines break mid-sentence (a hard-wrapped extraction), else 'lines'."""
    broken, total = broken_ratio(lines)
    return "wrapped" if total and broken / total > 0.3 else "lines"


def check_layout(lines: list[Line], layout: str, path: str, layout_at: str | None) -> None:
    """A layout set in meta.yaml must not contradict the text: 'wrapped' needs lines that break mid-sentence,
    'lines' must not have most of its lines broken."""
    broken, total = broken_ratio(lines)
    where = layout_at or f"{path}:1"
    if layout == "wrapped" and total >= 4 and broken / total < 0.1:
        raise InputError(f"{where}: layout: wrapped, but only {broken} of {total} lines of {path} break mid-sentence; "
                         "expected a hard-wrapped text (or remove layout: the text reads as one paragraph a line)")
    if layout == "lines" and total >= 4 and broken / total > 0.5:
        raise InputError(f"{where}: layout: lines, but {broken} of {total} lines of {path} break mid-sentence; "
                         "expected one paragraph a line (or remove layout: the text reads as hard-wrapped)")


def join_lines(lines: list[Line], lines_layout: bool, path: str, notices: list[Any]) -> list[Line]:
    """Join lines into logical lines (a paragraph, an item or a heading each).

    'lines' layout: a line that stops mid-sentence is joined to the next unless that is a heading or
    an item (then the line is left to fail: an unknown heading or a cut paragraph), with a notice.
    'wrapped' layout: see join_wrapped(). Linear: pieces are collected, joined once."""
    if not lines:
        return []
    starts = wrapped_starts(lines, path, notices) if not lines_layout else [True] * len(lines)
    if lines_layout:
        for i in range(1, len(lines)):
            prev = lines[i - 1].text
            if not is_terminal(prev) and not is_heading(prev) and not is_marker(lines[i].text):
                starts[i] = False
                notices.append(f"{path}:{lines[i - 1].number}: line ends mid-sentence ({prev[-12:]!r}); "
                               f"joined with line {lines[i].number}")
    out: list[Line] = []
    pieces: list[str] = []
    first = lines[0].number
    for line, new in zip(lines, starts, strict=True):
        if new and pieces:
            out.append(Line(first, "".join(pieces)))
            pieces = []
        if not pieces:
            first = line.number
        pieces.append(line.text)
    out.append(Line(first, "".join(pieces)))
    return out


def full_width(lines: list[Line]) -> int:
    """The width of a full line. Not the most common width (with many short articles that is the width of first
    lines): each line that stops mid-sentence is full for its kind, so it tells the full width. Such a line
    inside a paragraph (after another that stops mid-sentence) is full wide; an article's first line is six
    half-columns less (indent and the space after the label), an item's first line four (the indent). The most
    common of these; lines with punctuation hanging in the margin, or Latin and digits, are left out."""
    implied: Counter[int] = Counter()
    for i, ln in enumerate(lines):
        text = ln.text
        if is_terminal(text) or is_heading(text) or text[-1] in HANGING or has_narrow(text):
            continue
        if ARTICLE.match(text):
            implied[width(text) + 6] += 1
        elif ITEM_START.match(text):
            implied[width(text) + 4] += 1
        elif i and not is_terminal(lines[i - 1].text) and not is_heading(lines[i - 1].text):
            implied[width(text)] += 1
    if implied:
        return max(implied, key=lambda w: (implied[w], w))
    # no such line (a short text): the widest line, less a mark hanging in the margin
    return max(width(ln.text) - (2 if ln.text[-1] in HANGING else 0) for ln in lines)


HANGING = "，、。；：！？,;:.!?”’）)」』】"       # may hang in the margin past the full width


def fills(text: str, capacity: int) -> bool:
    """The line is full for a capacity: it reaches it (a half column short when it holds Latin or digits, which
    are not broken), or passes it by one punctuation mark hanging in the margin."""
    w = width(text)
    slack = 2 if has_narrow(text) else 1
    return capacity - slack <= w <= capacity + 2


class Wrap:
    """The geometry of a hard-wrapped text: a continuation line is `full` wide, a paragraph's or item's first
    line two characters less (the indent), an article's first line also one column less (the space after its
    label)."""

    def __init__(self, full: int):
        self.full = full

    def capacity(self, kind: str) -> int:
        return {"C": self.full, "article": self.full - 6}.get(kind, self.full - 4)


def label_kind(text: str, expected: tuple[int, int] | None) -> str | None:
    """What a line's opening label makes it: 'article' (a 第X条 label in its form, a space after it, in sequence),
    'heading' (第X章, 第X节, …), 'item' (（X） not followed by 项), 'cited' (第X条/款/项 or （X）项 opening a line:
    a citation wrapped onto it), or None."""
    article = ARTICLE.match(text)
    if article and HEADING.match(text):
        try:
            number = (to_int(article.group(1)), to_int(article.group(2)) if article.group(2) else 0)
        except ValueError:
            return "article"   # a malformed numeral: parse() names it
        if expected is None or number in ((expected[0] + 1, 0), (expected[0], expected[1] + 1)):
            return "article"
        return "cited"
    if is_heading(text):
        return "heading"
    if ITEM_CITED.match(text) or CITED.match(text):
        return "cited"
    if ITEM_START.match(text):
        return "item"
    return None


CITED = re.compile(rf"^第(?:{NUM})(?:条|款|项|目)")


def wrapped_starts(lines: list[Line], path: str = "", notices: list[Any] | None = None) -> list[bool]:
    """Which hard-wrapped lines open a logical line (a paragraph, an item, a heading).

    Each line is the first line of a paragraph, item or article, or a continuation; a line that is not its
    paragraph's last is full for its kind (Wrap). So: a line after one that stops mid-sentence continues it,
    even when it opens with 第X条/款/项 or （X）项 (a wrapped citation); a labelled line after a sentence end opens
    a new unit (an article label only in sequence, else it is a citation); otherwise, after a sentence end,
    - a line before it that is short for its kind ended its paragraph;
    - after a full one, a line that goes on (no closing punctuation) is a first line if it is first-line wide,
      a continuation if it is full wide;
    - a line that ends a sentence and is followed by a full-wide line is not its paragraph's last, so it is
      full for its kind: first-line wide (25 characters with a hanging 。) opens a paragraph (look-ahead);
    - a line that ends a sentence and is its paragraph's last may be either: the text says nothing. Read as a
      continuation, unless it opens with 前款/本条第X款 (which refer back to a paragraph before), with a notice.
    Linear: one pass, one line of look-ahead.
    """
    geo = Wrap(full_width(lines))
    starts = [True] * len(lines)
    kinds = [label_kind(lines[0].text, None) or "F"]
    article: tuple[int, int] | None = None
    if kinds[0] == "article":
        article = article_key(lines[0].text)
    for i in range(1, len(lines)):
        label = label_kind(lines[i].text, article)
        new = decide(lines, i, label, kinds[i - 1], geo, path, notices)
        starts[i] = new
        kinds.append((label if label in ("article", "heading", "item") else "F") if new else "C")
        if new and label == "article":
            article = article_key(lines[i].text) or article
    return starts


def article_key(text: str) -> tuple[int, int] | None:
    m = ARTICLE.match(text)
    try:
        return (to_int(m.group(1)), to_int(m.group(2)) if m.group(2) else 0) if m else None
    except ValueError:
        return None


def decide(lines: list[Line], i: int, label: str | None, prev_kind: str, geo: Wrap, path: str,
           notices: list[Any] | None) -> bool:
    """Does line i open a logical line? (see wrapped_starts)"""
    prev, line = lines[i - 1].text, lines[i].text
    nxt = lines[i + 1].text if i + 1 < len(lines) else None
    if prev_kind == "heading":
        return True            # headings are single lines; a title wrapped onto the next line is joined by parse()
    if not is_terminal(prev):
        # stops mid-sentence: the next line goes on, labels included, unless a new article in sequence or a
        # heading (the line before is then a cut paragraph or a bare heading, and parse() names it)
        return label in ("article", "heading")
    if label in ("article", "heading", "item"):
        return True
    if not fills(prev, geo.capacity(prev_kind)):
        return True            # short for its kind: its paragraph ended
    first = geo.capacity("F")
    if width(line) > first + 2:
        return False           # wider than any first line: a continuation
    if not is_terminal(line):  # not its paragraph's last line, so full for its kind
        return True
    if nxt is not None and nxt_is_continuation(nxt, geo):
        return width(line) <= first + 2   # not its paragraph's last either (look-ahead)
    if REFERS_BACK.match(line):
        return True
    if notices is not None:
        notices.append(f"{path}:{lines[i].number}: paragraph break undecidable from the line geometry (line "
                       f"{lines[i - 1].number} is full and ends a sentence, this one ends its paragraph); read as "
                       "the same paragraph: check it against the official text")
    return False


def nxt_is_continuation(text: str, geo: Wrap) -> bool:
    """A line wider than any first line can only continue a paragraph."""
    return label_kind(text, None) not in ("article", "heading", "item") and width(text) > geo.capacity("F") + 2


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Hard-wrapped lines -> logical lines (kept for callers of the old name)."""
    return join_lines(lines, False, "", [])


# ---------------------------------------------------------------- items

def split_items(text: str, line: int, path: str, first: int = 1,
                notices: list[str] | None = None) -> tuple[str, list[tuple[int, str, str]]]:
    """'…职责：（一）甲；（二）乙。' -> ('…职责：', [(1, '（一）', '甲；'), (2, '（二）', '乙。')]).

    A marker counts when it stands at the start or after ：；。 (or : ; .), so 县（市、区） and citations
    such as 第（三）项 stay text. Such a marker must be the next number of the run: a skipped or
    repeated number stops (（一）…（三）). Inside a run, the next number also counts where the item before
    it lacks its closing ； (…不符的（六）…), with a notice; never as 第（六）项. Labels are kept as written
    (half-width (一) stays)."""
    cuts: list[tuple[int, int, int, str]] = []
    expected = first
    for m in ITEM_ANYWHERE.finditer(text):
        try:
            n = to_int(m.group(1))
        except ValueError:
            continue
        if not (m.start() == 0 or text[m.start() - 1] in ITEM_BEFORE):
            before = text[m.start() - 1]
            if not (cuts and n == expected and is_han(before) and before != "第"
                    and text[m.end():m.end() + 1] not in ("项", "目", "款")):
                continue   # 县（市、区）, 第（三）项, …乙，（三）丙: text
            if notices is not None:
                notices.append(f"{path}:{line}: item {m.group(0)} follows …{text[max(0, m.start() - 8):m.start()]!r} "
                               "without closing punctuation; read as the next item")
        if n != expected:
            if cuts or n > 1 or first > 1:
                found = "repeated" if n < expected else "skipped to"
                before = text[max(0, m.start() - 8):m.start()]
                raise SourceError(path, line, f"item {m.group(0)} {found} after …{before!r}; "
                                              f"expected item （{from_int(expected)}） next")
            continue
        cuts.append((m.start(), m.end(), n, m.group(0)))
        expected += 1
    if not cuts:
        return text, []
    items = []
    for k, (_start, end, n, label) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        if not text[end:stop]:
            raise SourceError(path, line, f"item {label} has no text; expected the item's text after its number")
        items.append((n, label, text[end:stop]))
    return text[: cuts[0][0]], items


SeqNumber = TypeVar("SeqNumber", int, tuple[int, int])   # chapters and sections count; articles (number, insert)


def check_sequence(kind: str, label: str, number: SeqNumber, expected: SeqNumber, path: str, line: int,
                   alt: SeqNumber | None = None) -> None:
    """number (an int, or (number, insert) for articles) must be expected (or alt, for articles: the next
    inserted article)."""
    if number == expected or (alt is not None and number == alt):
        return
    want = describe(kind, expected) + (f" or {describe(kind, alt)}" if alt is not None else "")
    if alt is not None and alt < number < expected:
        expected = alt   # 第一条之二 right after 第一条: 之一 is missing
    if number < expected:
        raise SourceError(path, line, f"duplicated or out-of-order {kind} number {label} ({describe(kind, number)}); "
                                      f"expected {want} next")
    raise SourceError(path, line, f"missing {describe(kind, expected)}: found {label} ({describe(kind, number)}); "
                                  f"expected {want}")


def describe(kind: str, number: int | tuple[int, int]) -> str:
    if isinstance(number, tuple):
        n, i = number
        return f"{kind} {n}" + (f"-{i}" if i else "")
    return f"{kind} {number}"


# ---------------------------------------------------------------- parse

def parse(raw: str, path: str, layout: str | None = None, layout_at: str | None = None) -> ParsedText:
    """layout: 'lines' | 'wrapped' | None (detected). layout_at: 'meta.yaml:line' where an override was set."""
    notices: list[str] = []
    lines = source_lines(raw, path, notices)
    if not lines:
        raise SourceError(path, 1, "empty file; expected the text of a regulation")
    if layout is not None:
        if layout not in ("lines", "wrapped"):
            raise InputError(f"{layout_at or f'{path}:1'}: unknown layout {layout!r}; expected 'lines' or 'wrapped'")
        check_layout(lines, layout, path, layout_at)
    layout = layout or detect_layout(lines)

    title = note = None
    pos = 0
    # Preamble: an optional title line and an optional parenthesised note, nothing else.
    if pos < len(lines) and TITLE.match(compact(lines[pos].text)):
        title = compact(lines[pos].text)
        pos += 1
    if pos < len(lines) and lines[pos].text.startswith(("（", "(")):
        start = pos
        parts = []
        while pos < len(lines) and not HEADING.match(lines[pos].text):
            parts.append(compact(lines[pos].text))
            pos += 1
            if parts[-1].endswith(("）", ")")):
                break
        note = "".join(parts)
        if not note.endswith(("）", ")")):
            raise SourceError(path, lines[start].number, "unclosed parenthesised note before the first article; "
                                                         "expected （…） closed before 第一条")
    if pos < len(lines) and not HEADING.match(lines[pos].text):
        stray = compact(lines[pos].text)
        if len(stray) <= 30 and not any(c in HANGING for c in stray):
            raise SourceError(path, lines[pos].number, f"{stray!r} before the first article, without punctuation: a "
                                                       "chapter heading without its label?; expected 第一章 before "
                                                       "the title (or a title line, a parenthesised note, 第…条)")
        raise SourceError(path, lines[pos].number,
                          f"unexpected text before the first article: {lines[pos].text[:30]!r}; "
                          "expected a title line, a parenthesised note, 第…章 or 第…条")
    body = lines[pos:]
    if not body:
        raise SourceError(path, lines[-1].number, "no article found; expected 第一条")
    logical = join_lines(body, layout == "lines", path, notices)

    chapters: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    open_heading: dict[str, Any] | None = None      # the chapter or section heading just read, before its article
    for line in logical:
        text = line.text
        heading = HEADING.match(text)
        if heading and heading.group(2) == "章":
            m = CHAPTER.match(text)
            if not m:
                raise SourceError(path, line.number,
                                  f"chapter heading {text[:20]!r} without a title; expected 第X章 title")
            number = numeral(m.group(1), path, line.number)
            if not chapters and articles and number > 1:
                first = articles[0]
                raise SourceError(path, first["line"], f"the first chapter heading is missing: {first['label']} "
                                                       f"stands in no chapter, and 第{m.group(1)}章 follows at line "
                                                       f"{line.number}; expected 第一章 and its title before "
                                                       f"{first['label']}")
            check_sequence("chapter", f"第{m.group(1)}章", number, len(chapters) + 1, path, line.number)
            if not chapters and articles:
                raise SourceError(path, line.number, f"chapter heading 第{m.group(1)}章 after {articles[-1]['label']}, "
                                                     "but the articles before it stand in no chapter; expected the "
                                                     "first chapter heading before 第一条 (a stray heading?)")
            chapters.append(dict(number=number, label=f"第{m.group(1)}章", title=compact(m.group(2)),
                                 articles=[], sections=[], line=line.number))
            open_heading = chapters[-1]
            continue
        if heading and heading.group(2) == "节":
            m = SECTION.match(text)
            if not m or not chapters:
                raise SourceError(path, line.number, f"section heading {text[:20]!r} without a title or outside a "
                                                     "chapter; expected 第X节 title inside a chapter")
            secs = chapters[-1]["sections"]
            number = numeral(m.group(1), path, line.number)
            bare = chapters[-1].get("continued")
            if not secs and number == 2 and bare:
                raise SourceError(path, bare[0], f"{bare[1]!r} after {chapters[-1]['label']} is the title of its "
                                                 f"first section without the label (第{m.group(1)}节 follows at line "
                                                 f"{line.number}); expected 第一节 {bare[1]}")
            check_sequence("section", f"第{m.group(1)}节", number, len(secs) + 1, path, line.number)
            if not secs and chapters[-1]["articles"]:
                raise SourceError(path, line.number, f"section heading 第{m.group(1)}节 after articles of "
                                                     f"{chapters[-1]['label']} that stand in no section; expected the "
                                                     "chapter's first section heading before its first article")
            secs.append(dict(number=number, label=f"第{m.group(1)}节", title=compact(m.group(2)),
                             articles=[], line=line.number))
            open_heading = secs[-1]
            continue
        article = ARTICLE.match(text)
        if heading and heading.group(2) == "条" and article:
            number = numeral(article.group(1), path, line.number)
            insert = numeral(article.group(2), path, line.number) if article.group(2) else 0
            label = f"第{article.group(1)}条" + (f"之{article.group(2)}" if article.group(2) else "")
            prev = (articles[-1]["number"], articles[-1]["insert"]) if articles else (0, 0)
            check_sequence("article", label, (number, insert), (prev[0] + 1, 0), path, line.number,
                           alt=(prev[0], prev[1] + 1) if articles else None)
            chapter = chapters[-1] if chapters else None
            section = chapter["sections"][-1] if chapter and chapter["sections"] else None
            for unit in (chapter, section):
                if unit is not None:
                    if insert and not unit["articles"]:
                        raise SourceError(path, line.number, f"{label} opens {unit['label']}; expected a chapter "
                                                             "or section to open with a plain article")
                    unit["articles"].append(article_number(number, insert))
            articles.append(dict(number=number, insert=insert, label=label, line=line.number, paragraphs=[],
                                 chapter=chapter["number"] if chapter else None,
                                 section=section["number"] if section else None))
            open_heading = None
            rest = compact(article.group(3) or "")
            if not rest:
                raise SourceError(path, line.number,
                                  f"{label} has no text; expected the article's text after its number")
            add_text(articles[-1], rest, line.number, path, notices)
            continue
        if heading and heading.group(2) != "条":
            raise SourceError(path, line.number, f"unknown heading {text[:20]!r}; expected 第X章, 第X节 or 第X条")
        if heading:
            raise SourceError(path, line.number, f"article heading {text[:20]!r} not followed by a space; "
                                                 "expected 第X条 (or 第X条之Y), a space, then the text")
        if open_heading is not None and not is_terminal(text) and len(compact(text)) <= 40:
            # a heading's title wrapped onto the next line (第四章 重污染天气应对和重点区域 / 大气污染联合防治)
            open_heading["title"] += compact(text)
            open_heading["continued"] = (line.number, compact(text))
            notices.append(f"{path}:{line.number}: {compact(text)!r} continues the title of {open_heading['label']} "
                           f"(line {open_heading['line']}); read as one heading")
            open_heading = None
            continue
        if not articles:
            raise SourceError(path, line.number, f"text before the first article: {text[:30]!r}; expected 第一条")
        add_text(articles[-1], compact(text), line.number, path, notices)

    if not articles:
        raise SourceError(path, lines[-1].number, "no article found; expected 第一条")
    for ch in chapters:
        if not ch["articles"]:
            raise SourceError(path, ch["line"], f"chapter {ch['label']} has no article; expected 第X条 after it")
        for sec in ch["sections"]:
            if not sec["articles"]:
                raise SourceError(path, sec["line"], f"section {sec['label']} has no article; expected 第X条 after it")
    return ParsedText(
        title=title, note=note,
        chapters=tuple(Chapter(c["number"], c["label"], c["title"], tuple(c["articles"]),
                               tuple(Section(s["number"], s["label"], s["title"], tuple(s["articles"]), s["line"])
                                     for s in c["sections"]), c["line"]) for c in chapters),
        articles=tuple(freeze_article(a) for a in articles),
        notices=tuple(notices),
    )


def add_text(article: dict[str, Any], text: str, line: int, path: str, notices: list[str]) -> None:
    """Add one logical line to an article: a new paragraph, or the next item(s) of the current one.

    Repairs that are certain, each with a notice: items (一)… after a lead that ends in 。 instead of ： are
    that paragraph's items; a line between item N and item N+1 (items one a line), or a line whose inline
    items run on from N+1, continues item N."""
    if not is_terminal(text):
        raise unpunctuated(article, text, line, path)
    paras = article["paragraphs"]
    marker = ITEM_START.match(text)
    if marker:
        n = numeral(marker.group(1), path, line)
        current = paras[-1] if paras else None
        have = len(current["items"]) if current else 0
        if current is not None and have == n - 1:
            if n == 1 and not current["text"].endswith(COLONS):
                notices.append(f"{path}:{line}: item {marker.group(0)} follows a paragraph ending in "
                               f"{current['text'][-1:]!r} (line {current['line']}), not in ：; read as its items")
        elif current is not None and n > 1 and not have and len(paras) > 1 and len(paras[-2]["items"]) == n - 1:
            continue_item(paras, line, path, notices)
            current = paras[-1]
        elif current is not None or n != 1:
            found = "repeated" if have and n <= have else "out of order"
            want = f"（{from_int(have + 1)}）"
            lost = "" if have and n <= have else \
                f", and no item {want} before it in {article['label']} (its label lost in the source?)"
            raise SourceError(path, line, f"item {marker.group(0)} {found}{lost}; expected item "
                                          f"（{from_int(have + 1)}） (or a new paragraph)")
        if current is not None:
            _, items = split_items(text, line, path, first=n, notices=notices)
            current["items"].extend(dict(number=k, label=lab, text=t, line=line) for k, lab, t in items)
            return
    inline = first_inline_item(text)
    if inline is not None and inline > 1 and paras:
        have = len(paras[-1]["items"])
        if have != inline - 1:
            after = f"item （{from_int(have)}）" if have else "a paragraph without items"
            want = f"（{from_int(have + 1)}）"
            raise SourceError(path, line, f"item （{from_int(inline)}） in a paragraph of its own after {after} (line "
                                          f"{paras[-1]['line']}): item {want} is missing (its label lost in the "
                                          f"source?); expected item {want} next")
        rest, items = split_items(text, line, path, first=inline, notices=notices)
        last = paras[-1]["items"][-1]
        notices.append(f"{path}:{line}: {rest[:12]!r}… runs on into item （{from_int(inline)}）: read as the end of "
                       f"item {last['label']} (line {last['line']})")
        last["text"] += rest
        paras[-1]["items"].extend(dict(number=k, label=lab, text=t, line=line) for k, lab, t in items)
        return
    lead, items = split_items(text, line, path, notices=notices)
    paras.append(dict(number=len(paras) + 1, text=lead, line=line,
                      items=[dict(number=k, label=lab, text=t, line=line) for k, lab, t in items]))


def continue_item(paras: list[dict[str, Any]], line: int, path: str, notices: list[str]) -> None:
    """The paragraph just read stands between item N of the paragraph before and item N+1: it continues item N."""
    stray = paras.pop()
    last = paras[-1]["items"][-1]
    notices.append(f"{path}:{stray['line']}: {stray['text'][:12]!r}… stands between item {last['label']} "
                   f"(line {last['line']}) and the next item (line {line}): read as the end of item {last['label']}")
    last["text"] += stray["text"]


def first_inline_item(text: str) -> int | None:
    """The number of the first item label that split_items would cut at, or None."""
    for m in ITEM_ANYWHERE.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in ITEM_BEFORE:
            try:
                return to_int(m.group(1))
            except ValueError:
                continue
    return None


def unpunctuated(article: dict[str, Any], text: str, line: int, path: str) -> SourceError:
    """Text that does not end a sentence. A short line without any punctuation is a heading that lost its label
    (第X章/第X节); anything else a truncated paragraph."""
    if len(text) <= 30 and not any(c in HANGING for c in text):
        return SourceError(path, line, f"a line of its own without punctuation, {text!r}, after {article['label']}: a "
                                       "chapter or section heading without its label?; expected 第X章 or 第X节 before "
                                       "the title (or closing punctuation, if a paragraph was cut)")
    return SourceError(path, line, f"text does not end in closing punctuation: {text[-20:]!r}; expected 。；：！？ "
                                   "at the end (an unknown heading, or a truncated paragraph?)")


def freeze_article(a: dict[str, Any]) -> Article:
    return Article(
        number=a["number"], label=a["label"], chapter=a["chapter"], section=a["section"], line=a["line"],
        paragraphs=tuple(Paragraph(p["number"], p["text"],
                                   tuple(Item(i["number"], i["label"], i["text"], i["line"]) for i in p["items"]),
                                   p["line"]) for p in a["paragraphs"]),
        insert=a["insert"],
    )


def reconstruct(parsed: ParsedText) -> str:
    """The parsed text laid out again in source order, whitespace-free: the losslessness witness."""
    out = [parsed.title or "", parsed.note or ""]
    headings: dict[int, list[str]] = {}
    for ch in parsed.chapters:
        headings.setdefault(ch.articles[0], []).append(ch.label + ch.title)
        for sec in ch.sections:
            headings.setdefault(sec.articles[0], []).append(sec.label + sec.title)
    for art in parsed.articles:
        if not art.insert:
            out.extend(headings.get(art.number, []))
        out.append(art.label)
        for para in art.paragraphs:
            out.append(para.text)
            out.extend(item.label + item.text for item in para.items)
    return "".join(out)


def canonical_source(raw: str) -> str:
    """The source as the losslessness check compares it: whitespace removed, and only what source_lines drops
    as provably not text (page breaks, page-number lines) left out. Nothing is rewritten."""
    return "".join(compact(ln.text) for ln in source_lines(raw))
