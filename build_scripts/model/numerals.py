"""Chinese numerals as they appear in article, chapter and item labels (一 .. 九百九十九)."""
from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def to_int(numeral: str) -> int:
    """'十五' -> 15, '二十' -> 20, '一百零三' -> 103, '46' -> 46. Raises ValueError on anything else."""
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(c not in DIGITS and c not in UNITS for c in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    total, digit = 0, None
    for char in numeral:
        if char in DIGITS:
            if digit is not None and digit != 0:
                raise ValueError(f"not a Chinese numeral: {numeral!r}")
            digit = DIGITS[char]
        else:
            unit = UNITS[char]
            total += (1 if digit is None else digit) * unit
            digit = None
    if digit:
        total += digit
    if total == 0:
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if from_int(total) != numeral.replace("两", "二").replace("〇", "零"):
        raise ValueError(f"not a canonical Chinese numeral: {numeral!r}")
    return total


def from_int(n: int) -> str:
    """15 -> '十五', 20 -> '二十', 103 -> '一百零三' (the form used in legal labels)."""
    if not 0 < n < 1000:
        raise ValueError(f"out of range: {n}")
    names = "零一二三四五六七八九"
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += names[hundreds] + "百"
        if rest and tens == 0:
            return out + "零" + names[ones]
        if tens:
            out += names[tens] + "十"
    elif tens:
        out += ("" if tens == 1 else names[tens]) + "十"
    if ones:
        out += names[ones]
    return out


class ArticleNumber(int):
    """The number of an inserted article: 第十一条之一 is ArticleNumber(11, 1).

    An int (its base number, 11) so that arithmetic and ordering keep working where code expects a
    plain article number, but distinct from 11 as a key (==, hash) and formatted '11-1' wherever it
    is put into a string: eids art_11-1, URLs art-11-1/, anchors art-11-1. Orders after 11 and
    before 12. json.dumps writes the base number (11); the eid tells the two apart.
    """

    insert: int

    def __new__(cls, number: int, insert: int) -> ArticleNumber:
        if insert < 1:
            raise ValueError(f"an inserted article needs insert >= 1, got {insert}")
        obj = super().__new__(cls, int(number))
        obj.insert = insert
        return obj

    def key(self) -> tuple[int, int]:
        return int(self), self.insert

    def __eq__(self, other: object) -> bool:
        return isinstance(other, int) and self.key() == number_key(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.key())

    def __lt__(self, other: int) -> bool:
        return self.key() < number_key(other)

    def __le__(self, other: int) -> bool:
        return self.key() <= number_key(other)

    def __gt__(self, other: int) -> bool:
        return self.key() > number_key(other)

    def __ge__(self, other: int) -> bool:
        return self.key() >= number_key(other)

    def __str__(self) -> str:
        return f"{int(self)}-{self.insert}"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec) if not spec or spec[-1:] not in "dnxXobeEfFgG%c" else format(int(self), spec)

    def __repr__(self) -> str:
        return f"ArticleNumber({int(self)}, {self.insert})"

    def __reduce__(self) -> tuple[type[ArticleNumber], tuple[int, int]]:
        return ArticleNumber, (int(self), self.insert)


def number_key(n: int) -> tuple[int, int]:
    """(number, insert) of a plain int or an ArticleNumber."""
    return (int(n), getattr(n, "insert", 0))


def article_number(number: int, insert: int = 0) -> int:
    """A plain int for a plain article, an ArticleNumber for an inserted one."""
    return ArticleNumber(number, insert) if insert else int(number)
