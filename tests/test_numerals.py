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
