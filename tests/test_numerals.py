import pytest

from build_scripts.model.numerals import from_int, to_int

CASES = [("一", 1), ("十", 10), ("十一", 11), ("十五", 15), ("二十", 20), ("二十一", 21), ("四十六", 46),
         ("六十三", 63), ("九十九", 99), ("一百", 100), ("一百零三", 103), ("一百一十", 110), ("两百", 200)]


@pytest.mark.parametrize("numeral,value", CASES)
def test_to_int(numeral, value):
    assert to_int(numeral) == value


@pytest.mark.parametrize("bad", ["", "零", "十十", "一一", "二十零", "abc", "一十五"])
def test_rejects(bad):
    with pytest.raises(ValueError):
        to_int(bad)


def test_round_trip():
    for n in range(1, 1000):
        assert to_int(from_int(n)) == n


def test_full_width_and_arabic_digits():
    assert to_int("１０") == 10 and to_int("10") == 10


def test_inserted_article_number():
    from build_scripts.model.numerals import ArticleNumber, article_number
    n = ArticleNumber(11, 1)
    assert n == ArticleNumber(11, 1) and n != 11 and n != 11
    assert 11 < n < 12 and n < ArticleNumber(11, 2) and sorted([12, n, 11]) == [11, n, 12]
    assert f"art_{n}" == "art_11-1" and str(n) == "11-1" and int(n) == 11 and n + 1 == 12
    assert article_number(11) == 11 and type(article_number(11)) is int
    assert {n: "a", 11: "b"}[n] == "a"


def test_inserted_article_in_the_model():
    from build_scripts.model.regulation import Article, Meta, Paragraph, ParsedText, Regulation, parse_eid, units
    p = (Paragraph(1, "甲。", (), 1),)
    arts = (Article(11, "第十一条", None, None, p, 1), Article(11, "第十一条之一", None, None, p, 2, insert=1),
            Article(12, "第十二条", None, None, p, 3))
    reg = Regulation(Meta("x", "某", "X", None), ParsedText(None, None, (), arts), "x.txt")
    assert [a.eid for a in arts] == ["art_11", "art_11-1", "art_12"]
    assert reg.article(11, 1) is arts[1] and reg.article(parse_eid("art_11-1")[0]) is arts[1]
    assert reg.article(12) is arts[2] and reg.neighbours(arts[1]) == (arts[0], arts[2])
    assert [u.eid for u in units(arts)] == ["art_11__para_1", "art_11-1__para_1", "art_12__para_1"]
    from build_scripts.model.numerals import ArticleNumber
    assert parse_eid("art_11-1__para_2__point_3") == (ArticleNumber(11, 1), 2, 3)
    assert parse_eid("art_11__para_2") == (11, 2, None) and type(parse_eid("art_11")[0]) is int
